"""Rules and numbers that decide verdicts, each checked against the source rows (read here with
the csv module, not through the library's loader) or an independent computation: the annual
status of a hedged period, the Entikong persons per year and the share from West Kalimantan,
the data-quality flags, the weighted shares by subgroup and the public context ranges of C5/C6."""
import csv
import re

import numpy as np
import pandas as pd
import pytest

from kalbar_border import paths
from kalbar_border.border import deportations, timeseries
from kalbar_border.data import datapackage, provenance, transcribe
from kalbar_border.finance import context, tables, variables

SOURCES = paths.ROOT / "data" / "raw" / "sources"


def _rows(table: str) -> list[dict]:
    with open(SOURCES / f"{table}.csv", newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


# --------------------------------------------------------------------------- a hedged period stays a full year


def _period_row(notes: str = "", definition: str = "calendar year", kind: str = "year") -> dict:
    return {"period_kind": kind, "definition": definition, "notes": notes}


@pytest.mark.parametrize("row, kind, why", [
    (_period_row(), "year", ""),
    (_period_row("possibly not full year"), "partial_year", "its notes states a partial period"),
    (_period_row("figure may not cover December"), "partial_year", "its notes states a partial period"),
    (_period_row("Jan-Nov only"), "partial_year", "its notes states a partial period ('Jan-Nov only')"),
    (_period_row(definition="year-to-date count"), "partial_year", "its definition states a partial period"),
    (_period_row("year not complete"), "partial_year", "its notes states a partial period"),
    # a count that may cover only part of its year is a lower bound, hedged or not (issue 30)
    (_period_row("Jan-Nov, possibly more"), "partial_year", "its notes states a partial period"),
    (_period_row("possibly revised later"), "year", ""),
    (_period_row("possibly not full year", kind="partial_year"), "partial_year", ""),
])
def test_a_hedged_period_stays_annual_and_a_stated_part_does_not(row, kind, why):
    found, reason = timeseries.effective_period_kind(row)
    assert found == kind and why in reason and bool(reason) == bool(why)
    if row["period_kind"] == "year":  # the import rule and the analysis rule agree
        assert bool(transcribe.states_partial_period(row["definition"], row["notes"])) == (kind == "partial_year")


def test_bs081_placements_2019_is_a_part_year_lower_bound():
    """BS081 (1,308 placements, 2019) says 'so far in 2019' with 'possibly not full year': the row is
    marked part-year in the raw table, is no full-year value, and bounds 2019 from below, so the
    2019-2020 change of placements is at most (2020 / BS081 - 1) in percent."""
    raw = next(r for r in _rows("border_series") if r["row_id"] == "BS081")
    assert raw["period_kind"] == "partial_year" and "possibly not full year" in raw["notes"]
    assert transcribe.period_kind(raw["period"], raw["unit"], raw["series"], raw["definition"],
                                  raw["notes"]) == "partial_year"
    annual = timeseries.annual_series(datapackage.load_table("border_series"))
    full = timeseries.full_year_values(annual)
    assert not ((full["series"] == raw["series"]) & (full["year"] == int(raw["year"]))).any()
    bound = timeseries.lower_bounds(annual).query("series == @raw['series'] and year == 2019")
    assert bound["value"].item() == float(raw["value"]) and bound["row_ids"].item() == "BS081"
    end = next(r for r in _rows("border_series") if r["series"] == raw["series"] and r["year"] == "2020"
               and r["status"] == "found")
    change = timeseries.bounded_change(annual, raw["series"], 2019, 2020)
    assert change["bound"] == "at_most"
    assert change["percent_change_1dp"] == round((float(end["value"]) / float(raw["value"]) - 1) * 100, 1)


def test_the_2023_complaint_bound_is_the_largest_part_year_count():
    """Complaints 2023 have no full-year value; the part-year counts (January-November, January-June)
    bound the year from below, and the largest is the bound."""
    part = [float(r["value"]) for r in _rows("border_series") if r["series"] == "bp2mi_complaints_total"
            and r["year"] == "2023" and r["status"] == "found" and r["period_kind"] == "partial_year"]
    annual = timeseries.annual_series(datapackage.load_table("border_series"))
    bound = timeseries.lower_bounds(annual).query("series == 'bp2mi_complaints_total' and year == 2023")
    assert len(part) >= 2 and bound["value"].item() == max(part)


# --------------------------------------------------------------------------- Entikong batches


def test_entikong_persons_and_share_from_kalbar_per_year_match_the_raw_rows():
    persons, base, kalbar = {}, {}, {}
    for r in _rows("entikong_events"):
        year, total = int(r["deportation_date"][:4]), int(r["total_deported"])
        persons[year] = persons.get(year, 0) + total
        given = re.match(r"\s*(\d+)", r["from_kalbar"])  # "majority (number not given)" gives no count
        if given:
            base[year] = base.get(year, 0) + total
            kalbar[year] = kalbar.get(year, 0) + int(given.group(1))
    summary = deportations.yearly_event_summary(
        deportations.clean_events(datapackage.load_table("entikong_events"))).set_index("year")
    for year in range(2019, 2026):
        assert summary.loc[year, "persons"] == persons.get(year, 0), year
        assert summary.loc[year, "kalbar_base_persons"] == base.get(year, 0), year
        if base.get(year):
            assert summary.loc[year, "share_from_kalbar"] == pytest.approx(kalbar[year] / base[year], rel=1e-12), year
        else:
            assert np.isnan(summary.loc[year, "share_from_kalbar"]), year
    assert persons[2020] > persons[2019]  # the rise C4 reports for the batches


# --------------------------------------------------------------------------- data-quality flags


_FLAGGED = {  # table -> (row id, notes, unit) -> the flags the row must raise (none: it must raise none)
    "border_series": [
        ("B01", "the figure cites the abstract", "persons", {"unverified"}),
        ("B02", "", "complaints (UNVERIFIED)", {"unverified"}),
        ("B03", "verified against the release", "persons", set()),
        ("B04", "the two tables contradict each other", "persons", {"self_contradiction"}),
        ("B05", "parts do not add up to the total", "persons", {"self_contradiction"}),
        ("B06", "includes repatriated persons", "persons", {"mixed_definitions"}),
        ("B07", "a later vintage was revised", "persons", {"vintage"}),
        ("B08", "second-hand report", "persons", {"second_hand"}),
        ("B09", "quoted by a minister", "persons", {"second_hand"}),
        ("B10", "year-to-date at 30 Nov", "persons", {"partial_year"}),
        ("B11", "a plain annual total", "persons", set()),
        ("B12", "cumulative since 2019, quoting the agency", "persons", {"partial_year", "second_hand"}),
    ],
    "macro_remittances": [("M01", "revised series", "USD million", {"vintage"}), ("M02", None, None, set())],
    "financial_context": [("F01", "nothing to see", "percent", set())],
    "entikong_events": [("E01", "weekday/date conflict in the source", None, {"self_contradiction"}),
                        ("E02", "one convoy", None, set())],
}


def test_each_quality_flag_fires_on_its_words_and_not_otherwise(monkeypatch):
    def constructed(table):
        ident = "event_id" if table == "entikong_events" else "row_id"
        frame = pd.DataFrame([{ident: i, "notes": n, "unit": u} for i, n, u, _ in _FLAGGED[table]])
        return frame.drop(columns="unit") if table == "entikong_events" else frame

    monkeypatch.setattr(datapackage, "load_table", constructed)
    flags = provenance.quality_flags()
    expected = {(table, i, flag) for table, rows in _FLAGGED.items() for i, _, _, raised in rows for flag in raised}
    assert set(zip(flags["table"], flags["row_id"], flags["flag"])) == expected
    assert len(flags) == len(expected)
    assert set(flags["flag"]) == set(provenance.QUALITY_PATTERNS)  # every category fired at least once


# --------------------------------------------------------------------------- shares by subgroup


def test_by_subgroup_shares_are_the_weighted_shares_within_each_subgroup(susenas):
    """Each subgroup's shares and counts against a plain weighted mean over its persons aged 15+
    (the domain masking must change the variance only, never the estimate)."""
    definition = "recent_interprovincial"
    table = tables.by_subgroup({"susenas": susenas}, definition=definition)
    checked = 0
    for name, (column, values) in tables.SUBGROUPS.items():
        for code, value in values.items():
            persons = susenas[(susenas["age"] >= 15) & (susenas[column] == code)]
            for indicator in variables.indicators_of(susenas):
                row = table[(table["subgroup"] == name) & (table["subgroup_value"] == value)
                            & (table["indicator"] == indicator) & (table["definition"] == definition)]
                assert len(row) == 1, (name, value, indicator)
                for group, flag in (("migrant", 1), ("non_migrant", 0)):
                    rows = persons[(persons[definition] == flag) & persons[indicator].notna()]
                    share = (rows["weight"] * rows[indicator]).sum() / rows["weight"].sum()
                    assert row[f"n_{group}"].item() == len(rows), (name, value, indicator, group)
                    assert row[f"share_{group}"].item() == pytest.approx(share, rel=1e-9), (name, value, indicator, group)
                    checked += 1
    assert checked == 2 * sum(len(v) for _, v in tables.SUBGROUPS.values()) * len(variables.indicators_of(susenas))


# --------------------------------------------------------------------------- context ranges (C5, C6)


def test_context_values_are_each_ojk_index_and_a_range_where_reports_disagree():
    groups: dict[str, dict[str, set]] = {}
    for r in _rows("financial_context"):
        if r["status"] != "found":
            continue
        if r["source_id"].startswith("OJK") and r["group"] == "all_adults":
            key = "context.ojk.{}.{}.{}".format(*(t.strip().lower().replace(" ", "_")
                                                  for t in (r["indicator"], r["geography"], r["year"])))
        elif r["source_id"] == "WB_CORRIDOR2008":
            key = "context.wb.malaysia_corridor_formal_share"
        else:
            continue
        entry = groups.setdefault(key, {"values": set(), "ids": set()})
        entry["values"].add(float(r["value"]))
        entry["ids"].add(r["row_id"])
    expected, cited = {}, {}
    for key, entry in groups.items():
        numbers = sorted(entry["values"])
        ends = {key: numbers[0]} if len(numbers) == 1 else {f"{key}.low": numbers[0], f"{key}.high": numbers[-1]}
        expected.update(ends)
        cited.update({k: sorted(entry["ids"]) for k in ends})
    values, sources = context.context_values(datapackage.load_table("financial_context"))
    assert values == pytest.approx(expected, rel=1e-12) and sources == cited
    assert any(k.endswith(".low") for k in expected)  # the raw rows hold at least one disagreement
    assert "context.wb.malaysia_corridor_formal_share" in expected
