"""Turn the hand-transcribed source pack (``../shared/sources/*.csv``) into the project's
raw tables under ``data/raw/sources/`` and describe them in ``data/datapackage.json``.

Rows transcribed by the compendium's maintainers after the source pack (same columns as the
pack's file of the same name, a source on every row) live in ``data/sources_supplement/``, a
human-written folder; they are appended after the pack's rows, so their row ids follow.

This is run once, by a maintainer, when the source pack changes (``make import-sources``);
the resulting tables are committed and read-only from then on. The pipeline never runs it:
notebook 01 only *verifies* the committed tables against the package.

Tidying rules (nothing is estimated, nothing is dropped):

* every row gets a stable ``row_id`` (``BS001``…) so results can cite the row they rest on;
* the source's ``year`` text is kept as ``period``; ``year`` is the calendar year it falls in
  (empty for undated rows) and ``period_kind`` says whether it is a full ``year``, a
  ``partial_year`` (year-to-date, half-year, quarter, month ranges), a ``multi_year`` range or
  ``undated``;
* the source's value text is kept as ``value_as_reported``; ``value`` is the number when the
  text is one number, else empty; ``status`` is ``found`` or ``not_found`` (gap rows stay).

Audit columns, on every row of every table (:func:`audit_columns`):

* ``published_date`` keeps a date the page shows (as written, '(from URL)' included); where the
  page shows none ('not shown', 'n.d.', 'n/a', an estimate 'c. 2021', two candidate years) it is
  empty, and the transcriber's words go to ``published_date_note``;
* ``accessed``: the day the value was read, recorded as the transcription date: the source pack
  was transcribed on or before 2026-11-28 (so 2026-11-28 is the latest day its pages were read),
  the rows of each ``data/sources_supplement/`` file on its day in :data:`SUPPLEMENT_ACCESSED`;
* ``cites``: whom the page says it reports the figure from ('Databoks (Katadata), citing BP2MI'
  -> 'BP2MI'); a row with ``cites`` is a secondary source. Empty means the transcription names
  no such source, not that the page is primary.
"""
from __future__ import annotations

import argparse
import csv
import io
import re
from pathlib import Path

from .. import paths
from ..atomic import write_text
from ..errors import CompendiumError

#: When each file's rows were read from their pages (SOURCES.md: the pack "on or before 2026-11-28").
PACK_ACCESSED = "2026-11-28"
#: The day the rows of each supplement file were read from their pages (one pass per file).
SUPPLEMENT_ACCESSED = {"financial_behaviour.csv": "2026-12-05", "illegal_migrants_series.csv": "2026-12-06"}
#: Every access day a raw row can carry.
ACCESS_DAYS = tuple(sorted({PACK_ACCESSED, *SUPPLEMENT_ACCESSED.values()}))
TRANSCRIBED_ON_OR_BEFORE = ACCESS_DAYS[-1]
#: Rows transcribed after the source pack, appended to the pack's table of the same file name.
SUPPLEMENT = paths.ROOT / "data" / "sources_supplement"

#: source-pack file -> (raw table name, row-id prefix, name of its series column)
TABLES = {
    "illegal_migrants_series.csv": ("border_series", "BS", "series"),
    "macro_remittances.csv": ("macro_remittances", "MR", "series"),
    "financial_behaviour.csv": ("financial_context", "FC", "source_id"),
    "entikong_deportation_events.csv": ("entikong_events", None, None),
}

_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
_YEAR = re.compile(r"(19|20)\d{2}")
_PARTIAL_MARKERS = re.compile(
    r"year-to-date|ytd|\bH[12]\b|\bQ[1-4]\b|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|lower bound|\(.*\d{4}\)",
    re.IGNORECASE,
)


# A four-digit period whose own definition or notes say it covers, or may cover, only part of
# the year. Hedged wording ('possibly not full year', 'so far in 2019', 'may not cover December')
# counts too (rule of 2026-12-06, issue 30): such a count is at most a lower bound for its year,
# never a full-year value. Before, hedged rows stayed annual with a caveat.
PARTIAL_SAID = re.compile(
    r"\bpartial\b|year[- ]to[- ]date|year not complete|\bJan-(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|"
    r"Sep|Oct|Nov)\b|\bH1\b|semester|not (?:a )?full year|so far in|may not cover", re.I)
# Hedged wording; the placements comparison (border.context) quotes it as a caveat.
HEDGED = re.compile(r"\bpossibly\b|\bmay not\b", re.I)


def states_partial_period(definition: str = "", notes: str = "") -> str:
    """The field ('definition' or 'notes') whose words say the figure covers, or may cover, only
    part of its year, or '' when none does."""
    for field, text in (("definition", definition), ("notes", notes)):
        if PARTIAL_SAID.search(text):
            return field
    return ""


def period_kind(period: str, unit: str = "", series: str = "", definition: str = "", notes: str = "") -> str:
    """Classify a period text as ``year``, ``partial_year``, ``multi_year`` or ``undated``.

    A four-digit period is a full year unless its unit or series name marks it as a part
    of a year (e.g. ``persons (H1 2020)``, ``*_ytd``): such statements are cumulative at a
    date and must never be summed into annual totals.
    """
    period = period.strip()
    if not _YEAR.search(period) or period.startswith("n.d."):
        return "undated"
    if re.fullmatch(r"\d{4}", period):
        if series.endswith("_ytd") or _PARTIAL_MARKERS.search(unit) or states_partial_period(definition, notes):
            return "partial_year"
        return "year"
    if re.search(r"\d{4}\s*-\s*\d{4}|\d{4}-\d{2} to \d{4}", period) or "c. " in period:
        return "multi_year"
    if re.search(r"annual", period):
        return "year"
    return "partial_year"


def first_year(period: str) -> str:
    """Calendar year a dated period starts in, as text; empty for undated periods."""
    match = _YEAR.search(period)
    if period.strip().startswith("n.d."):
        return ""
    return match.group(0) if match else ""


#: A published-date text that shows no date: the page gives none, or the year is an estimate.
_NO_DATE = re.compile(r"^\s*(not shown|n\.d\.|n/a|c\.\s)|\(c\.\)\s*$", re.I)
#: Whom a page reports a figure from, as its publisher field says: 'primary = X', 'citing X',
#: 'quoting X', 'summarising X', 'reposting X', a named release or statement in parentheses, or
#: 'X (via ...)' and 'X (redistributed by ...)', where the page is another's copy of X's figures.
_CITES = [
    re.compile(r"primary = ([^);]+)"),
    re.compile(r".*\bciting ([^);]+)"),  # the last 'citing': 'quoting BNP2TKI citing BI' -> BI
    re.compile(r"\b(?:quoting|summarising|reposting) ([^);]+)"),
    re.compile(r"\(data: ([^),]+)"),
    re.compile(r"\(([^()]*\b(?:release|statement|press conference|year-end report))\)"),
]
_MIRROR = re.compile(r"^([^(]+?)\s*\((?:redistributed by|via) ")


def published_date(text: str) -> tuple[str, str]:
    """(date the page shows, transcriber's remark) for a published-date text: a text without a
    shown date -- 'not shown (article on 2019-2021 trend)', 'n.d. (c. 2023)', 'c. 2021', or two
    candidate years ('2024/2025 (exact date not captured)') -- gives ('', the text)."""
    text = text.strip()
    if not text or _NO_DATE.search(text) or len({m.group(0) for m in _YEAR.finditer(text)}) != 1:
        return "", text
    return text, ""


def cited_source(publisher: str) -> str:
    """The source the publisher field says the page reports its figure from; '' if none is named."""
    mirror = _MIRROR.match(publisher)
    if mirror:
        return mirror.group(1).strip()
    for pattern in _CITES:
        match = pattern.search(publisher)
        if match:
            return match.group(1).strip().rstrip(",")
    return ""


def audit_columns(row: dict, accessed: str) -> dict:
    """``row`` with the audit columns (module docstring) after ``published_date``."""
    out = {}
    for key, val in row.items():
        if key == "published_date":
            out["published_date"], out["published_date_note"] = published_date(val)
            out["accessed"] = accessed
            out["cites"] = cited_source(row.get("publisher", ""))
        else:
            out[key] = val
    return out


def is_gap(value: str) -> bool:
    return value.strip() in ("", "NA")


def tidy_rows(name: str, rows: list[dict], prefix: str | None, series_col: str | None) -> list[dict]:
    """Tidy one source-pack table (see module docstring); raises on an unknown layout."""
    if prefix is None:  # event table: already one row per event with its own id
        return rows
    out = []
    for i, row in enumerate(rows, start=1):
        value_text = row["value"].strip()
        tidy = {"row_id": f"{prefix}{i:03d}"}
        for key, val in row.items():
            if key == "year":
                tidy["period"] = val.strip()
                tidy["year"] = first_year(val)
                tidy["period_kind"] = period_kind(val, row.get("unit", ""), row.get(series_col, ""),
                                                  row.get("definition", ""), row.get("notes", ""))
            elif key == "value":
                tidy["value_as_reported"] = value_text
                tidy["value"] = value_text if _NUMBER.match(value_text) else ""
            else:
                tidy[key] = val.strip()
        tidy["status"] = "not_found" if is_gap(value_text) else "found"
        out.append(tidy)
    return out


def to_csv(rows: list[dict]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def _read(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def import_sources(source_dir: Path, dest: Path = paths.RAW_SOURCES) -> list[Path]:
    """Write the tidy raw tables from ``source_dir`` into ``dest``; returns the paths written."""
    written = []
    for filename, (name, prefix, series_col) in TABLES.items():
        src = Path(source_dir) / filename
        if not src.is_file():
            raise CompendiumError(key="error_transcribe_not_found", path=src)
        rows = _read(src)
        accessed = [PACK_ACCESSED] * len(rows)
        extra = SUPPLEMENT / filename
        if extra.is_file():
            if filename not in SUPPLEMENT_ACCESSED:
                raise CompendiumError(key="error_transcribe_no_access_day", path=extra, file=filename)
            more = _read(extra)
            if more and list(more[0]) != list(rows[0]):
                raise CompendiumError(key="error_transcribe_columns", path=extra, columns=", ".join(more[0]), file=src.name,
                                      expected=", ".join(rows[0]))
            rows += more
            accessed += [SUPPLEMENT_ACCESSED[filename]] * len(more)
        tidy = [audit_columns(row, day) for row, day in zip(tidy_rows(name, rows, prefix, series_col), accessed)]
        written.append(write_text(Path(dest) / f"{name}.csv", to_csv(tidy)))
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", default=str(paths.ROOT.parent / "shared" / "sources"))
    args = parser.parse_args(argv)
    from .datapackage import write_datapackage

    for path in import_sources(Path(args.sources)):
        print(f"wrote {paths.relative(path)}")
    print(f"wrote {paths.relative(write_datapackage())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
