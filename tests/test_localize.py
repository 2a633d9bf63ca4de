"""Tables as the notebooks show them (kalbar_border.localize): English tables exactly as pandas
shows the frame; Indonesian ones with headings from the label dictionary and numbers written
the Indonesian way (dot for thousands, comma for decimals), years plain, the frame untouched.
And, end to end, a run with LANG=id whose executed notebooks show such tables."""
import json
import re

import nbformat
import numpy as np
import pandas as pd
import pytest

from tests.conftest import executed, needs_microdata, run_pipeline
from kalbar_border import localize
from kalbar_border.errors import CompendiumError
from kalbar_border.figures.labels import LABELS


@pytest.fixture
def frame():
    return pd.DataFrame({
        "year": [2019, 2020],
        "persons": pd.array([5824, pd.NA], dtype="Int64"),
        "share_migrant": [0.4051, np.nan],
        "start_value": [5824.0, 1812.0],
        "few_events": [True, False],
        "row_id": ["BS001", "BS002"],
        "odd_column": [1.5, 2.25],
    }, index=pd.Index(["a", "b"], name="series"))


def test_english_keeps_headings_and_codes_and_writes_numbers_and_gaps_for_a_reader(frame):
    shown = localize.table(frame, "en")
    assert list(shown.columns) == list(frame.columns) and shown.index.equals(frame.index)
    assert list(shown["persons"]) == ["5,824", "—"] and list(shown["share_migrant"]) == ["0.405", "—"]
    assert list(shown["year"]) == ["2019", "2020"] and list(shown["few_events"]) == ["yes", "no"]
    assert list(shown["row_id"]) == ["BS001", "BS002"] and list(shown["odd_column"]) == ["1.50", "2.25"]
    html = shown.to_html()
    assert "NaN" not in html and "&lt;NA&gt;" not in html
    assert frame["persons"].isna().iloc[1] and frame["share_migrant"].dtype == float  # the data are not touched


@pytest.mark.parametrize("lang, said", [("en", "no date"), ("id", "tanpa tanggal")])
def test_a_source_without_a_date_is_said_in_words(lang, said):
    shown = localize.table(pd.DataFrame({"published": ["n.d. | 2021-03-04", "2020-01-02"], "cites": ["n.d.", None]}), lang)
    assert shown.iloc[0, 0] == f"{said} | 2021-03-04" and shown.iloc[1, 0] == "2020-01-02"
    assert "n.d." not in shown.to_html()


def test_indonesian_headings_from_the_label_dictionary(frame):
    shown = localize.table(frame, "id")
    # each heading is followed by the name a student types in code; a column without a col_ label keeps its name
    assert list(shown.columns) == ["tahun (year)", "orang (persons)", "proporsi migran (share_migrant)",
                                   "nilai awal (start_value)", "kejadian terlalu sedikit (few_events)",
                                   "id baris (row_id)", "odd_column"]
    assert shown.index.name == "deret (series)"


def test_indonesian_numbers(frame):
    shown = localize.table(frame, "id")
    shown.columns = list(frame.columns)  # the values, by the names the frame had
    assert shown["persons"].iloc[0] == "5.824"
    # a missing value is a dash on the page, never "NaN" or "<NA>"
    assert shown["persons"].iloc[1] == "—" and shown["share_migrant"].iloc[1] == "—"
    assert "NaN" not in localize.table(frame, "id").to_html() and "&lt;NA&gt;" not in localize.table(frame, "id").to_html()
    assert shown["share_migrant"].iloc[0] == "0,405"  # at most three decimals
    assert list(shown["start_value"]) == ["5.824", "1.812"]  # whole numbers without decimals
    assert list(shown["odd_column"]) == ["1,50", "2,25"]  # the decimals the column needs
    assert list(shown["few_events"]) == ["ya", "tidak"]
    assert list(shown["row_id"]) == ["BS001", "BS002"]  # identifiers as they are
    html = localize.table(frame, "id").to_html()
    assert "<th>proporsi migran (share_migrant)</th>" in html and "0,405" in html and "5.824" in html


def test_years_are_not_grouped(frame):
    shown = localize.table(frame.assign(start_year=[2019.0, np.nan], checked_in=[1998, 2021]), "id")
    assert list(shown["tahun (year)"]) == ["2019", "2020"]
    assert shown["tahun awal (start_year)"].iloc[0] == "2019"
    assert list(shown["checked_in"]) == ["1998", "2021"]  # whole numbers 1900-2100: years, wherever they are
    assert "2.019" not in shown.to_html() and "2.020" not in shown.to_html()


def test_the_frame_is_not_changed(frame):
    before = frame.copy()
    localize.table(frame, "id")
    pd.testing.assert_frame_equal(frame, before)


def test_large_and_tiny_numbers():
    shown = localize.table(pd.DataFrame({"gdp_usd": [755094157621.936, 1.5e9], "p_value": [0.00004, 0.5]}), "id")
    assert list(shown["PDB (US$ harga berlaku) (gdp_usd)"]) == ["755.094.157.622", "1.500.000.000"]
    assert list(shown["nilai p (p_value)"]) == ["0,000", "0,500"]  # never a bare 0 for a small p-value


def test_mixed_values_each_in_indonesian():
    """The findings a notebook records: whole numbers, fractions and flags in one column."""
    recorded = pd.Series({"n": 18035, "share": 0.405124, "tiny": -0.000033, "few": False, "none": None}, name="value")
    shown = localize.table(recorded.to_frame(), "id")
    assert list(shown["nilai (value)"].iloc[:4]) == ["18.035", "0,405124", "-0,000033", "tidak"]
    assert shown["nilai (value)"].iloc[4] == "—"  # missing: a dash


def test_levels_of_a_pivot_table():
    long = pd.DataFrame({"indicator": ["ebanking"] * 2, "group": ["migrant", "non_migrant"], "share": [0.1414, 0.0911]})
    shown = localize.table(long.pivot_table(index="indicator", columns="group", values="share"), "id")
    assert list(shown.columns) == ["migran (migrant)", "bukan migran (non_migrant)"]
    assert shown.columns.name == "kelompok (group)" and shown.index.name == "indikator (indicator)"
    assert list(shown.loc["ebanking"]) == ["0,141", "0,091"]


def test_unsupported_language_is_one_line_error(frame):
    with pytest.raises(CompendiumError, match="LANG='fr' is not supported"):
        localize.table(frame, "fr")


def test_every_heading_label_is_bilingual():
    headings = {key: texts for key, texts in LABELS.items() if key.startswith("col_")}
    assert all(texts["en"] and texts["id"] for texts in headings.values())


@pytest.mark.parametrize("text, said", [
    ("5,824, 1,812", "5.824, 1.812"), ("-68.9 %", "-68,9 %"), ("no independent source", "tidak ada sumber independen"),
    ("2 independent sources", "2 sumber independen"), ("fluctuated 2019-2023", "berfluktuasi 2019-2023"),
    ("version 0.1.0", "version 0.1.0"), (None, "")])
def test_local_text(text, said):
    assert localize.local_text(text, "id") == said
    assert localize.local_text(text, "en") == ("" if text is None else text)


# --------------------------------------------------------------------------- a run in Indonesian


def _shown_html(folder, name: str, lang: str = "en") -> list[str]:
    """The HTML of every table the executed notebook ``name`` of ``lang`` shows as a cell result."""
    nb = nbformat.read(executed(folder, name, lang), as_version=4)
    return [output["data"]["text/html"] for cell in nb.cells if cell.cell_type == "code" for output in cell.outputs
            if output.get("output_type") == "execute_result" and "text/html" in output.get("data", {})]


def _headings(html: str) -> set[str]:
    return {re.sub(r"<[^>]+>", "", th).strip() for th in re.findall(r"<th[^>]*>(.*?)</th>", html, re.S)}


def test_indonesian_run_shows_indonesian_tables(indonesian_run, pipeline_run):
    shares = next(html for html in _shown_html(indonesian_run, "04_remittances_context", "id") if "MR001" in html)
    assert {"tahun (year)", "remitansi, % terhadap PDB (share_pct)", "id baris remitansi (remittances_row_id)"} \
        <= _headings(shares)
    assert "<th>share_pct</th>" not in shares and re.search(r"<td>0,9\d\d</td>", shares)  # 0,916: comma decimals
    assert re.search(r"<td>\d{1,3}(\.\d{3})+</td>", shares) and "<td>2019</td>" in shares  # 9.650.926.142; years plain
    english = next(html for html in _shown_html(pipeline_run[0], "04_remittances_context") if "MR001" in html)
    assert "share_pct" in _headings(english) and "tahun (year)" not in _headings(english)
    # the ledger: claim texts, values and statuses in Indonesian
    ledger = _shown_html(indonesian_run, "07_claims", "id")[0]
    for text in ("klaim", "nilai hasil reproduksi", "angka terlacak, artinya berbeda", "tidak ada sumber independen",
                 "5.824, 1.812", "-68,9 %"):
        assert text in ledger, text


@needs_microdata
def test_indonesian_run_shows_the_finance_tables_in_indonesian(indonesian_run):
    tests = next(html for html in _shown_html(indonesian_run, "05_finance_comparison", "id") if "nilai p" in html)
    assert {"proporsi migran (share_migrant)", "proporsi bukan migran (share_non_migrant)",
            "signifikan setelah koreksi Holm (keluarga) (significant_holm)"} <= _headings(tests)
    assert re.search(r"<td>0,\d{3}</td>", tests) and re.search(r"<td>(ya|tidak)</td>", tests)
    assert "<td>True</td>" not in tests and "<td>False</td>" not in tests


def test_notebook_pages_carry_the_narrative_of_their_language_only(pipeline_run):
    """Each run executes every notebook in both languages and writes a page per language
    (02_border_series.html, 02_border_series.id.html), each leaving the other one's narrative out;
    the executed notebooks keep both."""
    folder = pipeline_run[0]
    for shown, left_out, pattern in (("en", "id", "0[2-7]_*[a-z].html"), ("id", "en", "0[2-7]_*.id.html")):
        pages = sorted(p for p in (folder / "build" / "html").glob(pattern) if p.name.count(".") == pattern.count("."))
        assert len(pages) == 6
        for page in pages:
            text = page.read_text(encoding="utf-8")
            assert f"celltag_lang-{shown}" in text and f"celltag_lang-{left_out}" not in text, page.name
    for lang in ("en", "id"):
        copy = nbformat.read(executed(folder, "02_border_series", lang), as_version=4)
        assert {"lang-en", "lang-id"} <= {tag for cell in copy.cells for tag in cell.metadata.get("tags", [])}
        injected = next(cell for cell in copy.cells if "injected-parameters" in cell.metadata.get("tags", []))
        assert f'LANG = "{lang}"' in injected.source


def test_whole_numbers_among_fractions_are_written_whole():
    """Recorded findings mix counts and shares in one float column: a count of 1 batch must not
    read "1,000" (one thousand, to an Indonesian reader's eye, or 1 with three decimals)."""
    recorded = pd.Series({"batches": 1.0, "persons": 119.0, "share": 0.40512, "complaints": 5824.0, "change": -68.9},
                         name="value").to_frame()
    shown = localize.table(recorded, "id")
    assert list(shown.iloc[:, 0]) == ["1", "119", "0,405", "5.824", "-68,900"]


@pytest.mark.parametrize("text, said", [
    ("CC-BY-4.0", "CC-BY-4.0"),  # a licence identifier: its digits are part of the name
    ("rev_2.1 and v1.2", "rev_2.1 and v1.2"),
    ("changed by -68.9 % from 5,824", "changed by -68,9 % from 5.824"),  # numbers in a sentence are localised
])
def test_numbers_in_text_are_localised_but_identifiers_are_not(text, said):
    assert localize.local_text(text, "id") == said
