"""Sources a data editor can audit: every web-sourced row has an access date, a publication date
only where the page shows one (else the transcriber's words, and 'n.d.' in the citations), the
source it says it reports from, and the independence of two pages giving one number is data.
Rights are stated per dataset in data/datapackage.json."""
import re
import subprocess

import pandas as pd
import pytest

from kalbar_border import paths
from kalbar_border.data import datapackage, microdata, provenance, transcribe
from kalbar_border.data.transcribe import ACCESS_DAYS, PACK_ACCESSED, SUPPLEMENT_ACCESSED

TABLES = [name for name, *_ in transcribe.TABLES.values()]
SOURCE_PACK = paths.ROOT.parent / "shared" / "sources"


@pytest.mark.parametrize("text, shown, note", [
    ("2024-10-27 (from URL)", "2024-10-27 (from URL)", ""),
    ("Senin (30/12) [2019]", "Senin (30/12) [2019]", ""),
    ("2019 (date not captured)", "2019 (date not captured)", ""),
    ("not shown", "", "not shown"),
    ("not shown (article on 2019-2021 trend)", "", "not shown (article on 2019-2021 trend)"),
    ("n.d. (c. 2023)", "", "n.d. (c. 2023)"),
    ("c. 2021-08", "", "c. 2021-08"),
    ("2017-11 (c.)", "", "2017-11 (c.)"),
    ("2024/2025 (exact date not captured)", "", "2024/2025 (exact date not captured)"),
    ("n/a (gap - not found in stored corpus)", "", "n/a (gap - not found in stored corpus)"),
    ("", "", ""),
])
def test_a_published_date_is_kept_only_where_the_page_shows_one(text, shown, note):
    assert transcribe.published_date(text) == (shown, note)


@pytest.mark.parametrize("publisher, cited", [
    ("Databoks (Katadata), citing BP2MI", "BP2MI"),
    ("JPNN (quoting BNP2TKI citing BI)", "BI"),
    ("Katadata Databoks (secondary; primary = OJK SNLIK 2022)", "OJK SNLIK 2022"),
    ("Otonominews (BNPP release)", "BNPP release"),
    ("World Bank (via PaymentWeek press coverage)", "World Bank"),
    ("World Bank WDI (redistributed by datasets/world-development-indicators)", "World Bank WDI"),
    ("Portal Pemkab Sanggau (reposting Tribun Pontianak)", "Tribun Pontianak"),
    ("ApakabarOnline", ""),
    ("ANTARA (Mataram bureau, Kuala Lumpur dateline)", ""),
])
def test_the_cited_source_is_read_from_the_publisher_field(publisher, cited):
    assert transcribe.cited_source(publisher) == cited


@pytest.mark.parametrize("table", TABLES)
def test_every_row_has_an_access_date_and_no_note_as_a_date(table):
    frame = datapackage.load_table(table)
    assert frame["accessed"].notna().all()
    assert set(frame["accessed"].dt.date.astype(str)) <= set(ACCESS_DAYS)
    dates = frame["published_date"].dropna()
    assert not dates.str.contains(r"^(?:not shown|n\.d\.|n/a|c\. )", case=False).any(), table
    # an empty published date always says why
    missing = frame["published_date"].isna() & frame["source_url"].fillna("").str.startswith("http")
    assert frame.loc[missing, "published_date_note"].notna().all(), table


@pytest.mark.parametrize("table, filename", [("financial_context", "financial_behaviour.csv"),
                                             ("border_series", "illegal_migrants_series.csv")])
def test_supplement_rows_carry_their_own_access_date(table, filename):
    frame = datapackage.load_table(table)
    supplement = pd.read_csv(transcribe.SUPPLEMENT / filename, dtype=str)
    tail = frame.tail(len(supplement))
    assert list(tail["source_url"].fillna("")) == list(supplement["source_url"].fillna(""))
    assert set(tail["accessed"].dt.date.astype(str)) == {SUPPLEMENT_ACCESSED[filename]}
    assert set(frame.head(len(frame) - len(supplement))["accessed"].dt.date.astype(str)) == {PACK_ACCESSED}


@pytest.mark.skipif(not SOURCE_PACK.is_dir(), reason="the source pack (../shared/sources) is not beside the checkout")
def test_raw_tables_are_what_the_import_writes(tmp_path):
    """data/raw is never edited by hand: importing the source pack again gives the same bytes."""
    for path in transcribe.import_sources(SOURCE_PACK, tmp_path):
        assert path.read_bytes() == (paths.RAW_SOURCES / path.name).read_bytes(), path.name


def test_citations_print_a_year_or_nd_never_a_note():
    cites = provenance.citations()
    assert cites["year"].str.fullmatch(r"(19|20)\d{2}|n\.d\.").all(), cites.loc[
        ~cites["year"].str.fullmatch(r"(19|20)\d{2}|n\.d\."), ["key", "year"]]
    web = cites[~cites["key"].isin(["susenas2020", "sakernas2020"])]
    assert set(web["urldate"]) <= set(ACCESS_DAYS)
    assert (web["year"] == "n.d.").any() and (web["year"] != "n.d.").any()


def test_publication_year_needs_one_year():
    assert provenance.publication_year(pd.Series(["Senin (30/12) [2019]", None])) == "2019"
    assert provenance.publication_year(pd.Series([None, None])) == "n.d."
    assert provenance.publication_year(pd.Series(["2020-11 (from URL)", "2021-01 (from URL)"])) == "n.d."


def test_written_citations_have_years_and_access_dates(tmp_path, monkeypatch):
    monkeypatch.setenv("COMPENDIUM_OUTPUT_DIR", str(tmp_path))
    bib, md = provenance.write_citations(provenance.citations())
    for entry in [line for line in md.read_text().splitlines() if line.startswith("- ")]:
        assert re.match(r"^- .+ \(((19|20)\d{2}|n\.d\.)\)\. ", entry), entry
        assert "not shown" not in entry and "Published date" not in entry
    assert "urldate = {2026-11-28}" in bib.read_text() and "year = {n.d.}" in bib.read_text()


def _cited_pages() -> pd.DataFrame:
    """Every raw row with a web address, with its table: the rows the citations are made from."""
    rows = pd.concat([datapackage.load_table(t).assign(table=t) for t in TABLES], ignore_index=True)
    return rows[rows["source_url"].fillna("").str.startswith("http")]


def test_every_citation_says_what_it_cites_with_the_page_title_or_a_marked_descriptive_one():
    cites = provenance.citations().set_index("url")
    rows = _cited_pages()
    assert not cites["title"].str.contains("Figures transcribed|data/raw/sources", regex=True).any()
    assert (cites["title"].str.len() > 20).all() and (cites["title"].str.len() < 250).all()
    own = cites[~cites["title"].str.startswith(provenance.DESCRIPTIVE)]
    documents = set(rows["document"].dropna())
    microdata = {datapackage.resource(key)["title"] for key in ("susenas", "sakernas")}
    # A title not marked descriptive is one the rows (or the data package) record, word for word.
    assert set(own["title"]) <= documents | microdata, set(own["title"]) - documents - microdata
    assert len(own) >= 10 and len(cites) - len(own) >= 100
    # A descriptive title names the publisher and the years (or days) its page's rows cover.
    for url, title in cites.loc[cites["title"].str.startswith(provenance.DESCRIPTIVE), "title"].items():
        page = rows[rows["source_url"] == url]
        assert provenance._name(page["publisher"].iloc[0]) in title, title
        assert re.search(r"(19|20)\d{2}", title), title


def test_every_citation_has_an_access_date_and_the_microdata_the_day_their_hash_was_pinned():
    cites = provenance.citations().set_index("key")
    assert cites["urldate"].str.fullmatch(r"\d{4}-\d{2}-\d{2}").all()
    for key in ("susenas2020", "sakernas2020"):
        assert cites.loc[key, "urldate"] == microdata.VERIFIED_ON
        assert "https://www.bps.go.id/en/term-of-use" in cites.loc[key, "note"]
    # The pin is real: the commit that first recorded each sha256 is from that day.
    for spec in microdata.DATASETS.values():
        first = subprocess.run(["git", "log", "--reverse", "--format=%ad", "--date=short", "-S", spec.sha256],
                               cwd=paths.ROOT, capture_output=True, text=True).stdout.split()
        if first:  # a shallow clone may not hold the history
            assert first[0] == microdata.VERIFIED_ON, spec.name


def test_no_citation_says_nd_where_a_row_of_its_page_is_dated():
    cites = provenance.citations().set_index("url")
    for url, page in _cited_pages().groupby("source_url"):
        years = {y for text in page["published_date"].dropna() for y in re.findall(r"(?:19|20)\d{2}", str(text))}
        if years:
            assert cites.loc[url, "year"] in years, (url, cites.loc[url, "year"], years)
        else:
            assert cites.loc[url, "year"] == "n.d.", url


def test_written_citations_mark_descriptive_titles_and_say_what_the_access_date_is(tmp_path, monkeypatch):
    monkeypatch.setenv("COMPENDIUM_OUTPUT_DIR", str(tmp_path))
    cites = provenance.citations()
    bib, md = provenance.write_citations(cites)
    entries = bib.read_text().split("@misc{")[1:]
    assert len(entries) == len(cites)
    assert all(re.search(r"\n  urldate = \{\d{4}-\d{2}-\d{2}\}", entry) for entry in entries)
    described = (cites["title"].str.startswith(provenance.DESCRIPTIVE)).sum()
    assert bib.read_text().count("title = {[Descriptive title] ") == described
    assert md.read_text().count(f"). {provenance.DESCRIPTIVE} ") == described
    header = md.read_text().split("\n- ")[0]
    assert f"on or before {PACK_ACCESSED}" in header and all(day in header for day in SUPPLEMENT_ACCESSED.values())
    assert "not a separate visit per page" in header


def test_the_microdata_name_bps_terms_and_every_download_address():
    for key, spec in microdata.DATASETS.items():
        res = datapackage.resource(key)
        terms = res["licenses"][0]
        assert terms["path"] == "https://www.bps.go.id/en/term-of-use" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", terms["x-accessed"])
        assert res["x-accessed"] == microdata.VERIFIED_ON
        listed = [res["path"]] + [source["path"] for source in res["sources"]]
        assert set(spec.addresses) <= set(listed)
        assert spec.cran_archive.startswith("https://cran.r-project.org/src/contrib/Archive/")
    docs = (paths.ROOT / "README.md").read_text() + (paths.ROOT / "docs" / "pipeline.md").read_text()
    for spec in microdata.DATASETS.values():
        assert spec.cran_archive in docs, spec.cran_archive
    assert "https://www.bps.go.id/en/term-of-use" in (paths.ROOT / "README.md").read_text()


def test_the_two_sources_of_5824_are_shown_independent_in_data():
    table = provenance.corroboration()
    row = table[(table["series"] == "bp2mi_complaints_total") & (table["period"] == "2019")].iloc[0]
    assert row["value"] == 5824 and row["row_ids"] == "BS001;BS004"
    assert row["distinct_publishers"] and row["distinct_sites"] and not row["cite_each_other"]
    assert row["independent"]
    assert pd.isna(row["dates_differ"])  # neither page shows its date: the notes say what they cover
    assert row["published"] == "n.d. | n.d."
    assert row["cites"].split(" | ")[0] == "BP2MI"


def test_corroboration_says_when_pages_are_not_independent(monkeypatch):
    frame = datapackage.load_table("border_series")
    second = frame["row_id"] == "BS004"
    copied = frame.copy()
    copied.loc[second, "notes"] = "Same figure as the Databoks chart."
    real = datapackage.load_table
    monkeypatch.setattr(datapackage, "load_table", lambda name, *a: copied if name == "border_series" else real(name, *a))
    row = provenance.corroboration().iloc[0]
    assert row["cite_each_other"] and not row["independent"]


def test_rights_are_stated_per_dataset():
    descriptor = datapackage.load_descriptor()
    for res in descriptor["resources"]:
        assert res["licenses"] and res["x-rights"], res["name"]
        if res["name"] in TABLES:
            assert [lic["name"] for lic in res["licenses"]] == ["CC-BY-4.0"]
            assert "facts" in res["x-rights"] and "publisher's terms" in res["x-rights"]
        else:  # BPS microdata: BPS's terms for the data; the package's GPL-3 is not a data licence
            assert all("GPL" not in lic.get("name", "") + lic["title"] for lic in res["licenses"])
            assert "BPS" in res["licenses"][0]["title"]
            assert res["sources"][0]["x-licence"].startswith("GPL-3")


def test_figures_licence_file_states_the_rights_of_each_kind_of_data():
    text = (paths.ROOT / "LICENSE-TEXT-FIGURES.md").read_text()
    for said in ("BPS", "terms of use", "GPL-3", "facts", "CC BY 4.0", "publisher's terms"):
        assert said in text, said
