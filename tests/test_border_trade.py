"""Tests of kalbar_border.border.trade (claim C1): crafted rows for each rule of the module's
docstring, the real table for what the committed sources give."""
import pandas as pd
import pytest

from kalbar_border.border import trade
from kalbar_border.data.datapackage import load_table
from kalbar_border.errors import CompendiumError

from .test_border import series_rows

CURRENT = "GRDP (PDRB) at current prices (atas dasar harga berlaku), full calendar year"


def rows(*specs):
    return series_rows(*[{"year": 2022, **spec} for spec in specs])


def post(frame, name="aruk", year=2022):
    table = trade.border_trade(frame, years=[year]).set_index("post")
    return table.loc[name]


def test_exports_and_imports_with_the_regency_grdp_give_an_exact_share():
    frame = rows({"series": "plbn_aruk_exports", "value": "1.5", "unit": "billion IDR"},
                 {"series": "plbn_aruk_imports", "value": "500", "unit": "million IDR"},
                 {"series": "grdp_sambas", "value": "20", "unit": "trillion IDR", "definition": CURRENT})
    row = post(frame)
    assert row["trade_idr"] == 2e9 and row["trade_kind"] == "exact"
    assert row["share_of_grdp_pct"] == pytest.approx(0.01) and row["share_kind"] == "exact"
    assert row["grdp_area"] == "regency" and row["missing"] == ""
    assert row["row_ids"] == "XX000;XX001;XX002"


def test_exports_alone_or_a_part_year_flow_is_a_lower_bound():
    frame = rows({"series": "plbn_aruk_exports", "value": "2", "unit": "billion IDR"},
                 {"series": "plbn_aruk_imports", "value": "1", "unit": "billion IDR", "period_kind": "partial_year"},
                 {"series": "plbn_aruk_imports", "value": "3", "unit": "billion IDR", "period_kind": "partial_year"},
                 {"series": "grdp_sambas", "value": "100", "unit": "billion IDR", "definition": CURRENT})
    row = post(frame)
    # the largest part-year row, never the sum of two months that may overlap
    assert row["trade_idr"] == 5e9 and row["trade_kind"] == "lower_bound" and row["imports_kind"] == "partial_year"
    assert row["share_of_grdp_pct"] == 5 and row["share_kind"] == "lower_bound"


def test_a_grdp_without_current_prices_is_not_used_and_the_province_gives_a_bound():
    frame = rows({"series": "plbn_aruk_exports", "value": "1", "unit": "billion IDR"},
                 {"series": "plbn_aruk_imports", "value": "1", "unit": "billion IDR"},
                 {"series": "grdp_sambas", "value": "10", "unit": "trillion IDR",
                  "definition": "GRDP (PDRB) as stated by the page; price basis (current or constant) not stated"},
                 {"series": "grdp_kalbar", "value": "200", "unit": "trillion IDR", "definition": CURRENT})
    row = post(frame)
    assert row["grdp_area"] == "province" and row["share_kind"] == "lower_bound"
    assert row["share_of_grdp_pct"] == pytest.approx(0.001) and "grdp_regency" in row["missing"]


def test_no_trade_row_gives_no_share():
    row = post(rows({"series": "grdp_sambas", "value": "10", "unit": "trillion IDR", "definition": CURRENT}))
    assert pd.isna(row["share_of_grdp_pct"]) and row["share_kind"] == "" and row["trade_kind"] == ""


def test_two_rows_that_disagree_are_one_line_naming_them():
    frame = rows({"series": "plbn_aruk_exports", "value": "1", "unit": "billion IDR"},
                 {"series": "plbn_aruk_exports", "value": "2", "unit": "billion IDR"})
    with pytest.raises(CompendiumError, match=r"^border_series: rows XX000, XX001 give 2 different values") as err:
        trade.border_trade(frame, years=[2022])
    assert "\n" not in str(err.value)


def test_an_unknown_unit_is_one_line_naming_the_row():
    frame = rows({"series": "plbn_aruk_exports", "value": "1", "unit": "ringgit"})
    with pytest.raises(CompendiumError, match=r"row XX000, field 'unit': 'ringgit'; expected one of IDR"):
        trade.border_trade(frame, years=[2022])


def test_recorded_keys_mark_bounds_and_cite_rows():
    frame = rows({"series": "plbn_aruk_exports", "value": "1", "unit": "billion IDR"},
                 {"series": "grdp_sambas", "value": "10", "unit": "billion IDR", "definition": CURRENT},
                 {"series": "kalbar_pmi_remittance", "value": "118", "unit": "billion IDR per year"},
                 {"series": "grdp_kalbar", "value": "236", "unit": "trillion IDR", "definition": CURRENT})
    table = trade.border_trade(frame, years=[2022])
    values, sources = trade.recorded(table, trade.remittance_share(frame, years=[2022]))
    assert values["border.trade.aruk.share_of_grdp_pct.2022_lower_bound"] == 10
    assert "border.trade.aruk.share_of_grdp_pct.2022" not in values
    assert values["border.trade.aruk.years_with_trade"] == 1 and sources["border.trade.aruk.years_with_trade"] == ["XX000"]
    assert values["border.trade.entikong.years_with_trade"] == 0
    assert values["border.kalbar_pmi_remittance.share_of_grdp_pct.2022"] == 0.05
    assert sources["border.kalbar_pmi_remittance.share_of_grdp_pct.2022"] == ["XX002", "XX003"]


def test_the_committed_rows_give_too_few_years_for_c1():
    """What the public rows give today (data/raw/sources): no post has a share of its regency's
    GRDP in any year, so C1's rule cannot decide; a new row that changes this fails here first."""
    table = trade.border_trade(load_table("border_series"))
    assert len(table) == 20 and (table["share_kind"] == "").all()
    assert table.groupby("post")["trade_kind"].apply(lambda k: (k != "").sum()).max() < 3
    remit = trade.remittance_share(load_table("border_series"), load_table("macro_remittances"))
    assert list(remit["year"]) == [2021] and remit["row_ids"].iloc[0] == "BS086;MR098;BS097"
