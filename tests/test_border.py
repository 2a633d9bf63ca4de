"""Tests of kalbar_border.border: crafted rows for the rules, the real tables for the numbers."""
import math

import numpy as np
import pandas as pd
import pytest

from kalbar_border.border import context, deportations, timeseries
from kalbar_border.data.datapackage import load_table
from kalbar_border.errors import CompendiumError

EVENT_COLUMNS = [
    "event_id", "deportation_date", "date_note", "in_target_window", "total_deported",
    "repatriated_same_convoy", "male", "female", "children", "from_kalbar", "no_passport",
    "no_work_permit", "other_reasons", "malaysian_depot", "source_url", "publisher",
    "published_date", "secondary_sources", "notes",
]
SERIES_COLUMNS = [
    "row_id", "series", "geography", "period", "year", "period_kind", "value_as_reported",
    "value", "unit", "definition", "source_url", "publisher", "published_date", "notes", "status",
]


def event_rows(*rows: dict) -> pd.DataFrame:
    """Crafted event rows typed like load_table's output (text, total_deported Int64)."""
    base = {c: pd.NA for c in EVENT_COLUMNS}
    frame = pd.DataFrame([{**base, "event_id": f"E9{i:02d}", "deportation_date": "2022-05-10",
                           "total_deported": 10, **r} for i, r in enumerate(rows)],
                         columns=EVENT_COLUMNS)
    frame["total_deported"] = frame["total_deported"].astype("Int64")
    return frame


def series_rows(*rows: dict) -> pd.DataFrame:
    base = {c: "" for c in SERIES_COLUMNS}
    frame = pd.DataFrame([{**base, "row_id": f"XX{i:03d}", "series": "bp2mi_complaints_total",
                           "period_kind": "year", "status": "found", "unit": "complaints",
                           "definition": "calendar year", **r} for i, r in enumerate(rows)],
                         columns=SERIES_COLUMNS)
    frame["year"] = frame["year"].astype("Int64")
    frame["value"] = pd.to_numeric(frame["value"])
    return frame


@pytest.fixture(scope="module")
def real_events():
    return deportations.clean_events(load_table("entikong_events"))


@pytest.fixture(scope="module")
def real_series():
    return load_table("border_series")


@pytest.fixture(scope="module")
def real_macro():
    return load_table("macro_remittances")


# ---- parsing -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("113 adult men", 113), ("23 (incl. 7 children)", 23), ("287 (of 402 incl. repatriated)", 287),
    ("0 (all held valid passports)", 0), ("all 57 overstay", 57), ("1.705", 1705), ("42", 42),
    ("(reason listed)", pd.NA), ("majority (number not given)", pd.NA), ("(some)", pd.NA),
    ("2 pregnant women (no children stated)", pd.NA), ("", pd.NA), (None, pd.NA), (np.nan, pd.NA),
])
def test_leading_count(text, expected):
    assert deportations.parse_leading_count(text) is expected or deportations.parse_leading_count(text) == expected


def test_other_reasons_sums_counted_items_and_skips_conditions():
    assert deportations.parse_other_reasons("1 criminal; 2 online gambling; 2 drugs") == 5
    assert deportations.parse_other_reasons("58 overstay; 3 pregnant; 1 mental disorder") == 58
    assert deportations.parse_other_reasons("KJRI: 90 immigration violations, 10 drug cases") == 100
    assert deportations.parse_other_reasons("illegal entry, no work visa, overstay, other") is pd.NA


def test_clean_events_keeps_raw_columns_and_parses_dates():
    raw = event_rows({"deportation_date": "2023-03 (exact day not shown)", "male": "113 adult men",
                  "no_passport": "(reason listed)"},
                 {"deportation_date": "2024-10-16/17"},
                 {"deportation_date": "2020-03-27"})
    out = deportations.clean_events(raw)
    pd.testing.assert_frame_equal(out[EVENT_COLUMNS], raw)
    assert list(out["date"]) == [pd.Timestamp("2023-03-01"), pd.Timestamp("2024-10-16"),
                                 pd.Timestamp("2020-03-27")]
    assert list(out["date_precision"]) == ["month", "range", "day"]
    assert list(out["flag_date_imprecise"]) == [True, True, False]
    assert out["year"].tolist() == [2023, 2024, 2020]
    assert out.loc[0, "male_n"] == 113 and out.loc[0, "no_passport_n"] is pd.NA
    assert out["no_passport_n"].dtype == "Int64"


# ---- flags ---------------------------------------------------------------------------------

def test_parts_exceeding_total_are_flagged_not_dropped():
    raw = event_rows({"total_deported": 10, "male": "8", "female": "5"},
                 {"total_deported": 10, "no_passport": "7", "no_work_permit": "6"},
                 {"total_deported": 10, "male": "6", "female": "4", "no_passport": "3"})
    out = deportations.clean_events(raw)
    assert len(out) == 3
    assert out["flag_parts_exceed_total"].tolist() == [True, True, False]
    assert out.loc[0, "flag_sex_sum_mismatch"] and out.loc[0, "flag_any"]
    assert "13 > total 10" in out.loc[0, "flag_detail"]
    assert not out.loc[2, "flag_any"]


def test_sex_sum_counts_children_only_when_text_says_they_are_apart():
    out = deportations.clean_events(event_rows(
        {"total_deported": 125, "male": "106", "female": "16", "children": "3 boys (additional to M/F)"},
        {"total_deported": 34, "male": "23 (incl. 7 children)", "female": "11", "children": "7"},
        {"total_deported": 80, "male": "51", "female": "25", "children": "4 (1 boy, 3 girls)"}))
    assert out["children_in_sex_counts"].tolist() == ["excluded", "included", "unknown"]
    assert out["flag_sex_sum_mismatch"].tolist() == [False, False, True]
    assert "children probably counted apart" in out.loc[2, "flag_detail"]


def test_weekday_conflict():
    out = deportations.clean_events(event_rows(
        {"deportation_date": "2022-11-03", "date_note": "Selasa 3 November 2022"},
        {"deportation_date": "2022-11-03", "date_note": "Kamis 3 November 2022"},
        {"deportation_date": "2020-04-23", "date_note": "article says Kamis (24/4)"},
        {"deportation_date": "2021-01-21", "date_note": "Kamis sore (21/1/2021)"},
        {"deportation_date": "2021-02-17", "notes": "wire says 'Thursday'"},
        {"deportation_date": "2021-06-28", "notes": "28 Jun 2021 was a Monday"},
        {"deportation_date": "2022-05-10", "notes": "weekday/date conflict"}))
    assert out["flag_weekday_conflict"].tolist() == [True, False, True, False, True, False, True]


def test_mixed_repatriates_and_children_included():
    out = deportations.clean_events(event_rows(
        {"total_deported": 275, "repatriated_same_convoy": "(included)"},
        {"total_deported": 397, "male": "287 (of 402 incl. repatriated)", "female": "98 (of 402)"},
        {"total_deported": 123, "repatriated_same_convoy": "13", "notes": "breakdowns refer to 136."},
        {"total_deported": 171, "repatriated_same_convoy": "8", "notes": "179 returned = 171 deported + 8"},
        {"children": "4 (included)"}))
    assert out["flag_mixed_repatriates"].tolist() == [True, True, True, False, False]
    assert out.loc[4, "children_in_sex_counts"] == "included"


@pytest.mark.parametrize("change, message", [
    ({"total_deported": -3}, "row E900, field 'total_deported': expected a non-negative integer"),
    ({"total_deported": pd.NA}, "field 'total_deported'"),
    ({"deportation_date": "March 2023"}, "field 'deportation_date'"),
])
def test_bad_event_rows_raise_one_line(change, message):
    raw = event_rows({})
    for k, v in change.items():
        raw[k] = raw[k].astype(object)
        raw.loc[0, k] = v
    with pytest.raises(CompendiumError, match=message) as err:
        deportations.clean_events(raw)
    assert "entikong_events" in str(err.value) and "\n" not in str(err.value)


def test_missing_column_raises():
    with pytest.raises(CompendiumError, match="entikong_events: missing required column.*'male'"):
        deportations.clean_events(event_rows({}).drop(columns="male"))
    with pytest.raises(CompendiumError, match="border_series: missing required column.*'definition'"):
        timeseries.annual_series(series_rows({"year": 2019, "value": 1}).drop(columns="definition"))


# ---- annual series (crafted) ---------------------------------------------------------------

def test_ytd_rows_never_annual_and_gaps_kept():
    frame = series_rows(
        {"year": 2020, "value": 900, "period_kind": "partial_year", "definition": "Jan-Jun 2020"},
        {"year": 2021, "value": 1918, "definition": "complaints Jan-Nov 2021 (partial year)"},
        {"year": 2019, "value": 5000})
    long = timeseries.annual_series(frame, years=range(2019, 2022), series=["bp2mi_complaints_total"])
    annual = long[long["period_kind"] == "year"].set_index("year")
    assert annual.loc[2019, "value"] == 5000
    for year in (2020, 2021):
        assert math.isnan(annual.loc[year, "value"]) and annual.loc[year, "note"].startswith("not found")
    assert set(long.loc[long["period_kind"] == "partial_year", "row_ids"]) == {"XX000", "XX001"}
    wide = timeseries.annual_pivot(long, as_text=False)
    assert wide.loc[2019, "bp2mi_complaints_total"] == 5000
    assert wide.loc[[2020, 2021], "bp2mi_complaints_total"].isna().all()


def test_duplicate_sources_merged_and_disagreement_kept():
    frame = series_rows({"year": 2019, "value": 5824, "publisher": "A"},
                        {"year": 2019, "value": 5824, "publisher": "B"},
                        {"year": 2020, "value": 1812}, {"year": 2020, "value": 1900})
    long = timeseries.annual_series(frame, years=[2019, 2020], series=["bp2mi_complaints_total"])
    y19 = long[long["year"] == 2019]
    assert len(y19) == 1 and y19["row_ids"].iloc[0] == "XX000;XX001" and y19["n_sources"].iloc[0] == 2
    assert y19["publisher"].iloc[0] == "A | B"
    y20 = long[long["year"] == 2020]
    assert sorted(y20["value"]) == [1812, 1900]
    assert all("sources disagree" in n for n in y20["note"])
    assert timeseries.annual_pivot(long).loc[2020, "bp2mi_complaints_total"] == "1812 / 1900 (disagree)"
    with pytest.raises(CompendiumError, match="year 2020: sources disagree"):
        timeseries.series_change(frame)


def test_percent_change():
    assert timeseries.percent_change(5824, 1812) == pytest.approx(-68.887, abs=1e-3)
    assert math.isnan(timeseries.percent_change(np.nan, 3))
    with pytest.raises(CompendiumError):
        timeseries.percent_change(0, 3)


# ---- real tables ---------------------------------------------------------------------------

def test_complaints_2019_2020_change(real_series):
    change = timeseries.series_change(real_series, "bp2mi_complaints_total", 2019, 2020)
    assert change["start_value"] == 5824 and change["end_value"] == 1812
    assert change["start_row_ids"] == ("BS001", "BS004") and change["end_row_ids"] == ("BS002",)
    assert change["percent_change_1dp"] == -68.9


def test_real_annual_series(real_series):
    long = timeseries.annual_series(real_series)
    wide = timeseries.annual_pivot(long, as_text=False)
    assert wide.loc[2019:2023, "kjri_kuching_deportations_sarawak"].tolist() == [2710, 4367, 3398, 3397, 3986]
    assert wide.loc[2019:2022, "bp2mi_complaints_total"].tolist() == [5824, 1812, 1702, 1987]
    # No 2023 complaint value is full-year: BS006 (Jan-Nov) and BS008 (Jan-Jun) are partial.
    c23 = long[(long["series"] == "bp2mi_complaints_total") & (long["year"] == 2023)]
    assert c23.loc[c23["period_kind"] == "year", "note"].iloc[0].startswith("not found")
    assert set(c23.loc[c23["period_kind"] == "partial_year", "row_ids"]) == {"BS006", "BS008"}
    k23 = long[(long["series"] == "kalbar_pmi_placements") & (long["year"] == 2023)].iloc[0]
    assert math.isnan(k23["value"]) and k23["note"] == "not found" and k23["row_ids"] == "BS085"
    c19 = long[(long["series"] == "bp2mi_complaints_total") & (long["year"] == 2019)].iloc[0]
    assert c19["row_ids"] == "BS001;BS004"
    assert not {1918, 898, 2940, 1198} & set(wide.stack().dropna())


def test_malaysia_1428_is_flagged_unverified(real_series):
    mask = timeseries.is_unverified(real_series)
    assert real_series.loc[mask, "row_id"].tolist() == ["BS011"]
    long = timeseries.annual_series(real_series)
    row = long[(long["series"] == "bp2mi_complaints_malaysia") & (long["year"] == 2019)].iloc[0]
    assert row["value"] == 1428 and row["unverified"] and "UNVERIFIED" in row["note"]
    assert timeseries.annual_pivot(long).loc[2019, "bp2mi_complaints_malaysia"] == "1428 (UNVERIFIED)"


def test_real_events_flags_and_summary(real_events):
    ev = real_events.set_index("event_id")
    assert len(ev) == 61 and ev["date"].notna().all()
    assert ev.loc["E022", "flag_weekday_conflict"]
    assert ev.loc["E038", "flag_mixed_repatriates"] and ev.loc["E038", "flag_parts_exceed_total"]
    assert ev.loc["E012", "flag_mixed_repatriates"]
    assert ev.loc["E027", "children_in_sex_counts"] == "included"
    assert ev.loc["E047", "male_n"] == 67 and ev.loc["E015", "from_kalbar_n"] is pd.NA
    summary = deportations.yearly_event_summary(real_events).set_index("year")
    assert summary.index.tolist() == list(range(2019, 2026))
    assert summary["batches_found"].sum() == int(real_events["year"].between(2019, 2025).sum())
    assert summary.loc[2020, "persons"] == real_events.loc[real_events["year"] == 2020, "total_deported"].sum()
    empty = deportations.yearly_event_summary(real_events, years=[2018]).iloc[0]
    assert empty["batches_found"] == 0 and empty["persons"] == 0 and pd.isna(empty["share_from_kalbar"])


def test_remittances_share_one_vintage(real_macro):
    share = context.remittances_share_of_gdp(real_macro).set_index("year")
    assert share.index.tolist() == list(range(2010, 2025))
    assert share.loc[2024, "share_pct"] == pytest.approx(1.1486, abs=1e-3)
    assert (share.loc[2019, "remittances_row_id"], share.loc[2019, "gdp_row_id"]) == ("MR010", "MR025")
    spliced = real_macro.copy()
    spliced.loc[spliced["row_id"] == "MR020", "published_date"] = "2018-08-01 (snapshot commit date)"
    with pytest.raises(CompendiumError, match="snapshot"):
        context.remittances_share_of_gdp(spliced)


def test_placements_compare_tables(real_macro, real_series):
    p = context.placements(real_macro, real_series).set_index("year")
    assert p.loc[2020, "kalbar_border_series"] == 334 and math.isnan(p.loc[2020, "kalbar_macro"])
    assert p.loc[2020, "kalbar_agreement"] == "only_border_series" and "MR089" in p.loc[2020, "note"]
    assert p.loc[2022, "kalbar_row_ids"] == "BS084;MR091" and p.loc[2022, "kalbar_placements"] == 682
    assert p.loc[2019, "national_placements"] == 276553 and p.loc[2019, "national_row_id"] == "MR077"
    assert p.loc[2023, "kalbar_agreement"] == "neither"
