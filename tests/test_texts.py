"""Reader-facing templates filled from the run (kalbar_border.texts): each format written for an
English and an Indonesian reader, a missing value shown as a dash and named, and a notebook's
findings section refusing to render with a number missing."""
import math

import pytest

from kalbar_border import texts
from kalbar_border.figures import labels


@pytest.mark.parametrize("value, fmt, en, id_", [
    (5824, "n", "5,824", "5.824"),
    (5824.0, "n", "5,824", "5.824"),
    (61.1, "pct", "+61.1", "+61,1"),
    (-68.9, "pct", "-68.9", "-68,9"),
    (0.0, "pct", "0.0", "0,0"),
    (-0.04, "pct", "0.0", "0,0"),  # rounds to zero: neither sign
    (0.0363, "pp", "3.6", "3,6"),
    (0.7811689607, "pp", "78.1", "78,1"),
    (0.129, "p", "0.129", "0,129"),
    (0.0004, "p", "< 0.001", "< 0,001"),
    (16.038, "d1", "16.0", "16,0"),
    (1234.56, "d1", "1,234.6", "1.234,6"),
    (0.05, None, "0.05", "0,05"),  # no format: the decimals the value has
    (-30, None, "-30", "-30"),
])
def test_number_in_each_format_and_language(value, fmt, en, id_):
    assert texts.number(value, fmt, "en") == en
    assert texts.number(value, fmt, "id") == id_


@pytest.mark.parametrize("value", [None, float("nan")])
def test_an_empty_value_is_a_dash(value):
    assert texts.number(value, "n", "en") == texts.DASH == texts.number(value, "pct", "id")


def test_text_and_lists_are_written_as_they_are():
    assert texts.number("2023", "n", "id") == "2023"  # a year passed as text is never grouped
    assert texts.number(["2022", "2023"], None, "en") == "2022, 2023"
    assert texts.number([5824, 1812], "n", "id") == "5.824, 1.812"
    assert texts.number(True, "n", "en") == "True"


def test_unknown_format_is_refused():
    with pytest.raises(ValueError, match="accepted: n, pct, pp, p, d1"):
        texts.number(1.5, "percent", "en")


TEMPLATE = "Complaints {border.c.2019:n} -> {border.c.2020:n} ({border.c.change:pct} %), gap {gap_years}, share {share:pp} %"


def test_placeholders_in_order():
    assert texts.placeholders(TEMPLATE) == ["border.c.2019", "border.c.2020", "border.c.change", "gap_years", "share"]
    assert texts.placeholders("") == [] and texts.placeholders(None) == []


def test_fill_in_english_and_indonesian():
    values = {"border.c.2019": 5824, "border.c.2020": 1812, "border.c.change": -68.9, "gap_years": ["2023"],
              "share": 0.0363}
    assert texts.fill(TEMPLATE, values, "en") == "Complaints 5,824 -> 1,812 (-68.9 %), gap 2023, share 3.6 %"
    assert texts.fill(TEMPLATE, values, "id") == "Complaints 5.824 -> 1.812 (-68,9 %), gap 2023, share 3,6 %"
    assert texts.fill("", values) == "" and texts.fill(None, values) == ""


def test_missing_values_are_dashes_and_listed():
    values = {"border.c.2019": 5824, "border.c.2020": None, "share": math.nan}
    filled = texts.fill(TEMPLATE, values, "en")
    assert filled == f"Complaints 5,824 -> {texts.DASH} ({texts.DASH} %), gap {texts.DASH}, share {texts.DASH} %"
    assert "{" not in filled and "border." not in filled  # no placeholder or result key reaches a reader
    assert texts.missing(TEMPLATE, values) == ["border.c.2020", "border.c.change", "gap_years", "share"]
    assert texts.missing("no numbers here", {}) == []


@pytest.fixture
def demo_label(monkeypatch):
    monkeypatch.setitem(labels.LABELS, "findings_99_demo", {
        "en": ["**Complaints.** {border.c.2019:n} in 2019 ({border.c.change:pct} %).", "Share {share:pp} %."],
        "id": ["**Pengaduan.** {border.c.2019:n} pada 2019 ({border.c.change:pct} %).", "Proporsi {share:pp} %."],
    })


def test_findings_renders_one_item_per_paragraph(demo_label):
    values = {"border.c.2019": 5824, "border.c.change": -68.9, "share": 0.781}
    assert texts.findings("99_demo", values, "en").data == \
        "- **Complaints.** 5,824 in 2019 (-68.9 %).\n- Share 78.1 %."
    assert texts.findings("99_demo", values, "id").data == \
        "- **Pengaduan.** 5.824 pada 2019 (-68,9 %).\n- Proporsi 78,1 %."


def test_findings_refuses_a_missing_value_and_names_it(demo_label):
    with pytest.raises(KeyError, match="findings_99_demo: no value for border.c.change, share"):
        texts.findings("99_demo", {"border.c.2019": 5824, "border.c.change": None}, "en")
