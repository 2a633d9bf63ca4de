"""What a reviewer reads first about the data: the provenance table of every dataset, the
known gaps, the data-quality flags, the data citation list (BibTeX and Markdown), and whether
the pages that give the same number are independent of each other.

Everything here is computed from ``data/datapackage.json`` and the verified raw tables.
"""
from __future__ import annotations

import re

import pandas as pd

from . import datapackage, transcribe
from .. import paths
from . import microdata as microdata_files
from ..atomic import write_text

LONG_TABLES = ("border_series", "macro_remittances", "financial_context")

#: Data-quality categories searched for in the transcriber's notes and units (SOURCES.md,
#: "Known data-quality issues"): category -> regular expression.
QUALITY_PATTERNS = {
    "unverified": r"UNVERIFIED|cites the abstract|paper itself",
    "self_contradiction": r"contradict|conflict|do(?:es)? not add|sum .*differ|inconsisten",
    "mixed_definitions": r"repatriat|mixed",
    "vintage": r"vintage|revis",
    "second_hand": r"second-hand|secondary|quot(?:ed|ing)|unknown base",
    "partial_year": r"year-to-date|cumulative",
}


def _date_range(frame: pd.DataFrame) -> str:
    years = frame["year"].dropna() if "year" in frame else pd.Series(dtype="Int64")
    if years.empty:
        return ""
    return f"{int(years.min())}-{int(years.max())}"


def provenance_table(download: bool = True, microdata: bool = True) -> pd.DataFrame:
    """One row per dataset: dataset, title, source, period, licence, rows, sha256, status.

    ``microdata=False`` (the BPS files are not available) lists the microdata with their
    pinned sha256, no row count and the status ``not available in this run``.

    Local tables are verified (checksum, then schema); microdata are fetched from the cache
    or downloaded, verified by sha256, checked for the variables the analysis uses, and
    those variables written to ``data/processed/microdata_<name>.csv`` for notebooks 05-06.
    Any failure raises a one-line :class:`~kalbar_border.errors.CompendiumError`: there is no partial table.
    """
    descriptor = datapackage.load_descriptor()
    rows = []
    for res in descriptor["resources"]:
        name = res["name"]
        licence = ", ".join(lic.get("name") or lic["title"].split(" (")[0] for lic in res.get("licenses", []))
        if name in microdata_files.DATASETS and not microdata:
            rows.append({"dataset": name, "title": res["title"], "source": res["sources"][0]["title"],
                         "period": "2020", "licence": licence, "rows": None,
                         "sha256": res["hash"].split(":", 1)[1], "status": "not available in this run"})
            continue
        if name in microdata_files.DATASETS:
            path = microdata_files.fetch(name, download=download)
            frame = microdata_files.load(name, path)
            # The one full read of the .rda in a run; later notebooks read the extract.
            microdata_files.write_extract(name, frame, res["x-variables"])
            rows.append({"dataset": name, "title": res["title"], "source": res["sources"][0]["title"],
                         "period": "2020", "licence": licence, "rows": len(frame),
                         "sha256": res["hash"].split(":", 1)[1], "status": "verified (downloaded/cached)"})
            continue
        record = datapackage.verify_table(name)
        frame = datapackage.load_table(name)
        n_sources = frame["source_url"].replace("", pd.NA).nunique()
        period = _date_range(frame) if "year" in frame else (
            f"{frame['deportation_date'].str[:4].min()}-{frame['deportation_date'].str[:4].max()}")
        rows.append({"dataset": name, "title": res["title"],
                     "source": f"{n_sources} public pages (source_url on every row)", "period": period,
                     "licence": licence, "rows": record["rows"], "sha256": record["sha256"],
                     "status": "verified (checksum + schema)"})
    return pd.DataFrame(rows)


def gaps() -> pd.DataFrame:
    """Explicit 'not found' rows of the long tables: kept as gaps, never dropped."""
    parts = []
    for table in LONG_TABLES:
        frame = datapackage.load_table(table)
        series_col = "series" if "series" in frame else "source_id"
        gap = frame[frame["status"] == "not_found"]
        parts.append(pd.DataFrame({"table": table, "row_id": gap["row_id"], "series": gap[series_col],
                                   "period": gap["period"], "notes": gap["notes"].str.slice(0, 160)}))
    return pd.concat(parts, ignore_index=True)


def quality_flags() -> pd.DataFrame:
    """Rows whose notes or unit match a data-quality category (one row per row x category)."""
    parts = []
    for table in (*LONG_TABLES, "entikong_events"):
        frame = datapackage.load_table(table)
        ident = "event_id" if table == "entikong_events" else "row_id"
        text = frame["notes"].fillna("") + " " + frame.get("unit", pd.Series("", index=frame.index)).fillna("")
        for category, pattern in QUALITY_PATTERNS.items():
            hit = text.str.contains(pattern, flags=re.IGNORECASE, regex=True)
            if hit.any():
                parts.append(pd.DataFrame({"table": table, "row_id": frame.loc[hit, ident], "flag": category,
                                           "notes": frame.loc[hit, "notes"].fillna("").str.slice(0, 160)}))
    return pd.concat(parts, ignore_index=True).sort_values(["flag", "table", "row_id"], ignore_index=True)


def _bibkey(text: str, i: int) -> str:
    stem = re.sub(r"[^A-Za-z0-9]", "", text.split("(")[0])[:20] or "source"
    return f"{stem}{i:03d}"


def _bib_escape(text: str) -> str:
    """A field's text for BibTeX and LaTeX: braces become parentheses, LaTeX's special
    characters are escaped (``url`` is not passed here: LaTeX reads it verbatim)."""
    return (text.replace("{", "(").replace("}", ")").replace("&", r"\&").replace("%", r"\%")
            .replace("_", r"\_").replace("#", r"\#"))


#: How a title the compendium wrote is marked, in the BibTeX and the Markdown alike.
DESCRIPTIVE = "[Descriptive title]"
#: How the source pack words a ``document`` that describes a page instead of giving its title
#: ('News: OJK strengthens collaboration', 'SNLIK 2022 results as reported', 'Databoks summary of
#: BPS ...', 'Global Findex 2017 Indonesia release'): such a title is marked descriptive too.
_GLOSS = r"^News\b|\bas reported$|\bsummary of\b|\brelease$"
#: What the rows of ``entikong_events`` are, for the titles of their pages.
_ENTIKONG_WHAT = "Indonesians deported from Malaysia through Entikong"


def citations() -> pd.DataFrame:
    """One citation per distinct source page (and per microdata package): key, author, title,
    year, url, urldate, note. Users cite these sources, not the compendium, for the data.

    ``title`` is the page's own title where its rows record one (``document`` in
    ``financial_context``); otherwise a title the compendium wrote from the publisher, what the
    rows give and the years (or deportation days) they cover, marked :data:`DESCRIPTIVE`.
    ``urldate`` is the day the page's values were read (``accessed``: one transcription day per
    source pack, see :mod:`kalbar_border.data.transcribe`); for the microdata, the day the project
    pinned and verified their sha256 (:data:`kalbar_border.data.microdata.VERIFIED_ON`).
    """
    rows = []
    descriptor = datapackage.load_descriptor()
    for key in microdata_files.DATASETS:
        res = datapackage.resource(key, descriptor)
        package, terms = res["sources"][0], res["licenses"][0]
        rows.append({"key": f"{key}2020", "author": "Badan Pusat Statistik (BPS)", "title": res["title"],
                     "year": "2020", "url": package["path"], "urldate": res["x-accessed"],
                     "note": f"Microdata as redistributed in {package['title']}; the data under BPS's terms of use "
                             f"({terms['path']}, read {terms['x-accessed']}), the package under "
                             f"{package['x-licence'].split(' (')[0]}; urldate is the day the file's sha256 was pinned "
                             f"and verified, the only day the project records for it"})
    pages = pd.concat([_cited_rows(table) for table in (*LONG_TABLES, "entikong_events")], ignore_index=True)
    pages = pages[pages["source_url"].fillna("").str.startswith("http")]
    for i, (url, page) in enumerate(pages.groupby("source_url", sort=False), start=1):
        first = page.iloc[0]
        rows.append({"key": _bibkey(str(first["publisher"]), i), "author": first["publisher"],
                     "title": _title(url, page), "year": publication_year(page["published_date"]), "url": url,
                     # the latest day any of the page's values was read
                     "urldate": page["accessed"].max().date().isoformat(),
                     "note": "; ".join(f"data/raw/sources/{table}.csv rows {', '.join(ids)}"
                                       for table, ids in page.groupby("table", sort=False)["row_id"])})
    return pd.DataFrame(rows)


def _cited_rows(table: str) -> pd.DataFrame:
    """The rows of a raw table with what :func:`citations` needs: ``table``, ``row_id``, ``what``
    the row gives (the gist of its definition or series), ``years`` (the calendar years its period
    covers) and, for a deportation batch, ``day``."""
    frame = datapackage.load_table(table)
    if table == "entikong_events":
        day = frame["deportation_date"].astype(str)
        return frame.assign(table=table, row_id=frame["event_id"], what=_ENTIKONG_WHAT, day=day,
                            years=[{int(d[:4])} for d in day])
    what = frame["definition"] if "definition" in frame else frame.get("series", frame.get("indicator"))
    # The gist, for a title: asides in parentheses and qualifiers after ", " (the period, the
    # coverage) left out; a number's thousands comma has no space after it and stays.
    gist = what.fillna("").str.replace(r"\s*\([^()]*\)", "", regex=True).str.split(", ").str[0].str.strip()
    years = [_years_named(period) or ({int(year)} if pd.notna(year) else set())
             for period, year in zip(frame["period"], frame["year"])]
    return frame.assign(table=table, what=gist, years=years)


def _title(url: str, page: pd.DataFrame) -> str:
    """The page's own title if its rows record one, else a descriptive title (see :func:`citations`).
    A ``document`` given with a site's home page names what was sought there, not a page."""
    documents = page.get("document", pd.Series(dtype=str)).dropna()
    on_a_page = bool(re.match(r"https?://[^/]+/.", url))
    publisher = _name(page["publisher"].iloc[0])
    if not documents.empty and not on_a_page:
        return f"{DESCRIPTIVE} {publisher}: {documents.iloc[0]}, {_periods(page)}, sought on the site and not found"
    if not documents.empty:
        document = documents.iloc[0]
        if not re.search(_GLOSS, document):
            return document
        gist = re.sub(r"^News:?\s*(?:on\s+)?", "", document)
        return f"{DESCRIPTIVE} {publisher}: {gist}, {_periods(page)}"
    whats = list(dict.fromkeys(w for w in page["what"] if w))
    what = "; ".join(whats[:2]) + (f" and {len(whats) - 2} more" if len(whats) > 2 else "")
    return f"{DESCRIPTIVE} {publisher}: {what}, {_periods(page)}"


def _periods(page: pd.DataFrame) -> str:
    """The years a page's rows cover as ranges ('2015, 2019-2021'), or the batches' days."""
    if (page["table"] == "entikong_events").all():
        days = sorted(set(page["day"]))
        return ("batch of " if len(days) == 1 else "batches of ") + ", ".join(days)
    years = sorted(set().union(*page["years"]))
    if not years:
        return "undated"
    runs, start = [], years[0]
    for before, year in zip(years, years[1:] + [None]):
        if year != before + 1:
            runs.append(str(start) if start == before else f"{start}-{before}")
            start = year
    return ", ".join(runs)


def _years_named(period) -> set[int]:
    """The calendar years a period text covers: each year it names, and every year between
    the two ends of a range ('2022-2024', '2023-01 to 2024-02')."""
    found = re.findall(r"(?<!\d)((?:19|20)\d{2})(?:(?:-\d{2})?\s*(?:-|to)\s*((?:19|20)\d{2}))?(?!\d)", str(period or ""))
    return {year for start, end in found for year in range(int(start), int(end or start) + 1)}


def publication_year(dates) -> str:
    """The year a page was published, from its rows' ``published_date`` texts: the one year they
    name, or 'n.d.' when the page shows no date (or its rows name different years)."""
    years = {y for text in dates.dropna() for y in re.findall(r"(?<!\d)(?:19|20)\d{2}(?!\d)", str(text))}
    return years.pop() if len(years) == 1 else "n.d."


def _header() -> list[str]:
    """What the citation list says before its entries: where it comes from, what ``urldate``
    (Accessed) means, and how a title the compendium wrote is marked."""
    days = ", ".join(transcribe.ACCESS_DAYS)
    supplement = ", ".join(f"{name} on {day}" for name, day in transcribe.SUPPLEMENT_ACCESSED.items())
    return ["# Data citations", "",
            "Cite these sources for the data (generated from data/datapackage.json and the raw tables).", "",
            f"*Access dates.* The values of each source pack were transcribed by hand in one pass, and each row "
            f"records that pass's day as `accessed`: the source pack's pages were read on or before "
            f"{transcribe.PACK_ACCESSED} (the pack records no day per page), the rows of data/sources_supplement/ "
            f"file by file ({supplement}). \"Accessed\" (BibTeX `urldate`) below is that day ({days}), not a "
            f"separate visit per page. For the two microdata files it is the day their sha256 was pinned and verified.",
            "",
            f"*Titles.* A title marked {DESCRIPTIVE} was written by the compendium (publisher, what the page gives, "
            f"the years it covers), because the page's own title was not recorded (or the record describes the page "
            f"instead of giving its title); the other titles are the pages' own, as recorded with their rows.",
            ""]


def write_citations(frame: pd.DataFrame) -> list:
    """Write ``results/data_citations.bib`` and ``results/data_citations.md``."""
    bib, md = [], _header()
    for _, c in frame.iterrows():
        fields = {k: str(c[k]) if k == "url" else _bib_escape(str(c[k]))
                  for k in ("author", "title", "year", "url", "urldate", "note") if c[k]}
        bib.append("@misc{" + c["key"] + ",\n" + ",\n".join(
            f"  {k} = {{{{{v}}}}}" if k == "author" else f"  {k} = {{{v}}}" for k, v in fields.items()) + "\n}\n")
        md.append(f"- {c['author']} ({c['year']}). {c['title']}. <{c['url']}>. Accessed {c['urldate']}.")
    out = paths.results_dir()
    return [write_text(out / "data_citations.bib", "\n".join(bib)), write_text(out / "data_citations.md", "\n".join(md) + "\n")]


def source_line(row_ids, lang: str = "en", tables=("border_series", "macro_remittances", "financial_context"),
                most: int = 7) -> str:
    """A figure's source line in ``lang`` (en, id), brief enough to print under a plot: the
    publishers of the rows it plots (the ``most`` most frequent, then how many others) and the
    compendium table holding them. Rows are named by ``row_id`` (``event_id`` in
    ``entikong_events``); the ids go to the figure's sidecar (``source_rows``), not the image."""
    ids = {i for i in row_ids if i}
    counts, used = {}, []
    for table in tables:
        frame = datapackage.load_table(table)
        id_column = "row_id" if "row_id" in frame.columns else "event_id"
        found = frame.loc[frame[id_column].isin(ids), "publisher"]
        if not found.empty:
            used.append(table)
        for pub in found:
            short = str(pub).split(" (")[0]
            counts[short] = counts.get(short, 0) + 1
    # Most rows first; ties keep the order of first appearance (dicts keep insertion order).
    publishers = sorted(counts, key=lambda p: -counts[p])
    named = "; ".join(publishers[:most])
    if len(publishers) > most:
        rest = len(publishers) - most
        named += f" dan {rest} penerbit lain" if lang == "id" else f" and {rest} other publishers"
    where = "ditranskripsi dalam tabel {}" if lang == "id" else "transcribed in table {}"
    return f"{named}; {where.format(', '.join(used))}"


def _host(url) -> str:
    match = re.match(r"https?://(?:www\.|m\.)?([^/:]+)", str(url))
    return match.group(1).lower() if match else ""


def _name(publisher) -> str:
    """A publisher's own name, without whom it cites: 'Databoks (Katadata), citing BP2MI' -> 'Databoks'."""
    return re.split(r"[(,;]", str(publisher))[0].strip()


def _mentions(row, other) -> bool:
    """Whether ``row``'s transcription names ``other``'s publisher or web site as a source."""
    said = " ".join(str(row.get(c, "")) for c in ("publisher", "cites", "notes", "secondary_sources")).lower()
    return any(token and token in said for token in (_name(other["publisher"]).lower(), _host(other["source_url"])))


#: Columns of :func:`corroboration`.
CORROBORATION_COLUMNS = ("table", "series", "geography", "period", "value", "row_ids", "publishers", "hosts",
                         "published", "published_notes", "accessed", "cites", "distinct_publishers",
                         "distinct_sites", "cite_each_other", "dates_differ", "independent")


def corroboration() -> pd.DataFrame:
    """Every number that two or more pages give for the same series, geography and period, with
    what a reader needs to judge whether those pages are independent: their publishers and web
    sites, publication and access dates, whom each cites, and whether any names another.

    ``independent`` is True when the publishers and the sites differ and no row names another's
    publisher or site; pages that cite the same primary (``cites``) can still be independent
    reports of it. ``dates_differ`` is empty when a page shows no publication date (its note, e.g.
    'article covers Jan-Apr 2023', is in ``published_notes``)."""
    parts = []
    for table in LONG_TABLES:
        frame = datapackage.load_table(table)
        series_col = "series" if "series" in frame else "source_id"
        found = frame[(frame["status"] == "found") & frame["value"].notna()]
        for (series, geography, period, value), group in found.groupby(
                [series_col, "geography", "period", "value"], sort=False):
            if group["row_id"].nunique() < 2:
                continue
            rows = group.to_dict("records")
            dates = [str(d) if isinstance(d, str) and d else "" for d in group["published_date"]]
            parts.append({
                "table": table, "series": series, "geography": geography, "period": period, "value": value,
                "row_ids": ";".join(group["row_id"]),
                "publishers": " | ".join(group["publisher"].fillna("")),
                "hosts": " | ".join(_host(u) for u in group["source_url"]),
                "published": " | ".join(d or "n.d." for d in dates),
                "published_notes": " | ".join(group["published_date_note"].fillna("")),
                "accessed": " | ".join(d.date().isoformat() for d in group["accessed"]),
                "cites": " | ".join(group["cites"].fillna("")),
                "distinct_publishers": len({_name(p) for p in group["publisher"]}) == len(group),
                "distinct_sites": len({_host(u) for u in group["source_url"]}) == len(group),
                "cite_each_other": any(_mentions(a, b) for a in rows for b in rows if a is not b),
                "dates_differ": pd.NA if "" in dates else len(set(dates)) == len(dates),
            })
    table = pd.DataFrame(parts, columns=list(CORROBORATION_COLUMNS[:-1]))
    table["dates_differ"] = table["dates_differ"].astype("boolean")
    table["independent"] = table["distinct_publishers"] & table["distinct_sites"] & ~table["cite_each_other"]
    return table
