"""Annual series from ``border_series``: :func:`annual_series` lines up the national complaint
series, the KJRI Kuching deportation series, West Kalimantan placements and the Entikong-side
statements, keeping partial-year statements apart from annual values; :func:`series_change`
computes a change between two years from the source rows.

Counts are persons (complaints for the ``bp2mi_complaints_*`` series); every output row cites
the ``row_id`` values it rests on.
"""
from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from ..data.transcribe import states_partial_period
from ..errors import CompendiumError, Said
from .rows import ID_SEP, cell_text, format_number, join_unique, require_columns, split_ids

SERIES_REQUIRED = ("row_id", "series", "year", "period_kind", "value", "status", "unit",
                   "definition", "publisher", "source_url", "notes")

#: Series whose every year gets a row in :func:`annual_series` (a 'not found' gap if needed).
CORE_SERIES = (
    "bp2mi_complaints_total", "bp2mi_complaints_malaysia", "kjri_kuching_deportations_sarawak",
    "kalbar_pmi_placements",
)
#: Indonesian-side statements about returns/deportations at Entikong or through West
#: Kalimantan. Their definitions differ from KJRI's (deported only vs deported + repatriated;
#: Entikong only vs all Kalbar entry points), so they are listed beside it, never merged.
ENTIKONG_SIDE_SERIES = (
    "kjri_kuching_deportations_ytd", "entikong_deportations_annual", "entikong_deportations_ytd",
    "entikong_deportees_ytd", "entikong_deportees_facilitated", "entikong_problem_pmi_returns",
    "entikong_returns_ytd", "entikong_pmib_crossings", "bp3mi_kalbar_problem_pmi_returns",
    "bp2mi_kalbar_pmi_returns", "bp2mi_pontianak_pmib_returns",
    "bp2mi_pontianak_deported_by_malaysia", "bp2mi_pontianak_pmi_terkendala_returns",
)
ANNUAL_SERIES = CORE_SERIES + ENTIKONG_SIDE_SERIES

#: Columns of :func:`annual_series`.
ANNUAL_COLUMNS = ("year", "series", "value", "period_kind", "row_ids", "n_sources", "unit",
                  "definition", "publisher", "source_url", "unverified", "note", "source_notes")

def is_unverified(frame: pd.DataFrame) -> pd.Series:
    """Boolean mask of rows whose unit says ``UNVERIFIED`` (e.g. BS011, 1,428 complaints from
    Malaysia in 2019, which cites the paper's own abstract and no independent source)."""
    require_columns(frame, "border_series", ("unit",))
    return frame["unit"].fillna("").astype(str).str.contains("UNVERIFIED", case=False, regex=False)


def effective_period_kind(row) -> tuple[str, str]:
    """(period kind used for analysis, why) for one ``border_series`` row.

    Rule: only ``period_kind == 'year'`` rows can be annual values, and a 'year' row whose
    ``definition`` or ``notes`` say it covers, or may cover, part of the year ('partial',
    'Jan-Nov', 'year-to-date', 'H1', 'year not complete', 'so far in', 'possibly not full
    year') is reclassified ``partial_year``: a lower bound for its year (:func:`lower_bounds`).
    """
    kind = cell_text(row["period_kind"])
    if kind != "year":
        return kind, ""
    definition, notes = cell_text(row["definition"]), cell_text(row["notes"])
    # The import step applies the same rule; this guards tables built elsewhere.
    field = states_partial_period(definition, notes)
    if field:
        return "partial_year", (f"raw period_kind 'year' but its {field} states a partial period "
                                f"('{definition if field == 'definition' else notes}'); not an annual total")
    return "year", ""


def _group_rows(group: pd.DataFrame) -> dict:
    return {
        "row_ids": ID_SEP.join(sorted(group["row_id"].astype(str))),
        "n_sources": len(group),
        "unit": join_unique(group["unit"]),
        "definition": join_unique(group["definition"]),
        "publisher": join_unique(group["publisher"]),
        "source_url": join_unique(group["source_url"]),
        "unverified": bool(is_unverified(group).any()),
        "source_notes": join_unique(group["notes"]),
    }


def annual_series(border_series: pd.DataFrame, years: Iterable[int] = range(2019, 2024),
                  series: Iterable[str] = ANNUAL_SERIES) -> pd.DataFrame:
    """Side-by-side annual table, long format, one row per (series, year, period kind, value).

    Values are persons, except the ``bp2mi_complaints_*`` series (complaints). Columns:
    ``year, series, value, period_kind, row_ids, n_sources, unit, definition, publisher,
    source_url, unverified, note, source_notes``.

    Rules:

    * Annual values: only rows with ``period_kind == 'year'`` whose definition/notes do not
      state a partial period (see :func:`effective_period_kind`). Hence for 2023 complaints
      neither 1,918 (BS006, 'Jan-Nov 2023 (partial year)') nor 898 (BS008, 'Jan-Jun 2023') is
      a full-year value: both are listed as ``partial_year`` rows and the full year is a gap.
    * Partial-year and multi-year rows are listed with their own ``period_kind`` so they stay
      visible, but they are never annual values and never summed (cumulative statements).
    * Same series, year and value from several sources: one row, ``row_ids`` lists all
      (e.g. 2019 complaints 5,824 = ``BS001;BS004``), ``n_sources`` counts them.
    * Same series and year, different annual values: every value is kept, each row's
      ``note`` says 'sources disagree' and lists the values with their row ids.
    * Gaps: every year of a :data:`CORE_SERIES` series without an annual value, and every
      explicit ``not_found`` row of any listed series, gets a row with ``value`` NaN,
      ``period_kind`` 'year', ``n_sources`` 0 and a note starting 'not found' (the raw
      ``not_found`` row id, e.g. BS085, is cited in ``row_ids`` when there is one).
    * ``unverified`` is True when the unit says UNVERIFIED (BS011, 1,428, from the abstract).
    * Entikong-side series carry a note that their definition differs from KJRI Kuching's.
    """
    require_columns(border_series, "border_series", SERIES_REQUIRED)
    years = [int(y) for y in years]
    series = list(series)
    bad_kind = border_series.loc[~border_series["period_kind"].isin(
        ["year", "partial_year", "multi_year", "undated"])]
    if len(bad_kind):
        r = bad_kind.iloc[0]
        raise CompendiumError(key="error_timeseries_period_kind", row=r["row_id"], value=cell_text(r["period_kind"]))

    src = border_series[border_series["series"].isin(series)
                        & border_series["year"].isin(years)].copy()
    kinds = [effective_period_kind(r) for _, r in src.iterrows()]
    src["kind"] = [k for k, _ in kinds]
    src["why"] = [w for _, w in kinds]
    found = src["status"].eq("found") & src["value"].notna()

    rows: list[dict] = []
    for (name, year), g in src[found].groupby(["series", "year"], sort=False):
        annual_values = sorted(g.loc[g["kind"] == "year", "value"].unique())
        for (kind, value), vg in g.groupby(["kind", "value"], sort=False):
            notes = [w for w in vg["why"].unique() if w]
            if kind == "year":
                if vg["row_id"].nunique() > 1:
                    notes.append(f"same value in {vg['row_id'].nunique()} sources")
                if len(annual_values) > 1:
                    annual = g[g["kind"] == "year"]
                    others = [f"{format_number(v)} ({ID_SEP.join(sorted(annual.loc[annual['value'] == v, 'row_id']))})"
                              for v in annual_values]
                    notes.append(f"sources disagree for {name} {year}: {' vs '.join(others)}; all kept")
            elif kind == "multi_year":
                notes.append("multi-year total; not an annual value")
            elif not any("partial" in n for n in notes):
                notes.append("partial-year (cumulative) statement; not an annual total")
            if name in ENTIKONG_SIDE_SERIES:
                notes.append("definition differs from kjri_kuching_deportations_sarawak; do not mix")
            if is_unverified(vg).any():
                notes.append("UNVERIFIED (unit says so): not independently confirmed, see source_notes")
            rows.append({"year": int(year), "series": name, "value": float(value),
                         "period_kind": kind, **_group_rows(vg), "note": "; ".join(notes)})

    have = {(r["series"], r["year"]) for r in rows if r["period_kind"] == "year"}
    wanted = [(name, year) for name in series if name in CORE_SERIES for year in years]
    # Explicit not-found rows of any series stay visible too, not only the core series' gaps.
    wanted += [(n, int(y)) for n, y in zip(src.loc[~found, "series"], src.loc[~found, "year"])]
    for name, year in dict.fromkeys(wanted):
        if (name, year) in have:
            continue
        have.add((name, year))
        gap = src[(src["series"] == name) & (src["year"] == year) & ~found]
        other = src[(src["series"] == name) & (src["year"] == year) & found]
        note = "not found"
        if len(other):
            note += (" (no full-year value; partial or multi-year statements "
                     f"{ID_SEP.join(sorted(other['row_id']))} are listed separately)")
        base = _group_rows(gap) if len(gap) else {
            "row_ids": "", "n_sources": 0, "unit": "", "definition": "", "publisher": "",
            "source_url": "", "unverified": False, "source_notes": ""}
        # n_sources counts sources of a value; an explicit not-found row is cited, not counted.
        rows.append({"year": year, "series": name, "value": np.nan, "period_kind": "year",
                     **base, "n_sources": 0, "note": note})

    out = pd.DataFrame(rows, columns=list(ANNUAL_COLUMNS))
    order = {s: i for i, s in enumerate(series)}
    kind_order = {"year": 0, "partial_year": 1, "multi_year": 2, "undated": 3}
    out = out.assign(_s=out["series"].map(order), _k=out["period_kind"].map(kind_order))
    out = out.sort_values(["_s", "year", "_k", "value"]).drop(columns=["_s", "_k"])
    out["year"] = out["year"].astype("Int64")
    out["n_sources"] = out["n_sources"].astype("Int64")
    out["unverified"] = out["unverified"].astype(bool)
    return out.reset_index(drop=True)


def full_year_values(annual: pd.DataFrame) -> pd.DataFrame:
    """The rows of :func:`annual_series` that count as findings and are plotted: a value for a
    whole calendar year, from a verified source, not a total spread over several years. Partial
    years, multi-year totals and unverified rows (the paper's own figures among them) are
    left out, so no line or recorded result rests on them."""
    note = annual["note"].fillna("").astype(str)
    keep = ((annual["period_kind"] == "year") & annual["value"].notna() & ~note.str.startswith("multi-year")
            & ~annual["unverified"].astype(bool))
    return annual[keep]


def annual_pivot(long: pd.DataFrame, *, as_text: bool = True, include_partial: bool = False,
                 lang: str = "en") -> pd.DataFrame:
    """Wide display of :func:`annual_series`: one row per year, one column per series.

    ``as_text=False``: numbers only -- the annual value where exactly one exists, NaN for gaps
    and for cells where sources disagree (partial statements never appear).
    ``as_text=True``: strings -- '5824', 'not found', '5824 / 5108 (disagree)', a
    ' (UNVERIFIED)' or ' (caveat)' suffix; with ``include_partial`` the partial/multi-year
    statements are appended as '[partial 1918 BS006]'. ``lang``: the language of these words
    (the label dictionary's ``pivot_*``; Indonesian: 'tidak ditemukan', '(BELUM TERVERIFIKASI)').
    """
    from ..figures.labels import label

    said = {word: label(f"pivot_{word}", lang) for word in ("not_found", "disagree", "unverified", "caveat",
                                                             "partial", "multi")}
    years = sorted(long["year"].dropna().unique())
    names = list(dict.fromkeys(long["series"]))
    table = pd.DataFrame(index=pd.Index(years, name="year"), columns=names,
                         dtype=object if as_text else float)
    for (name, year), g in long.groupby(["series", "year"], sort=False):
        annual = g[(g["period_kind"] == "year") & g["value"].notna()]
        if not as_text:
            table.loc[year, name] = annual["value"].iloc[0] if len(annual) == 1 else np.nan
            continue
        if len(annual) == 0:
            cell = said["not_found"] if (g["period_kind"] == "year").any() else ""
        else:
            cell = " / ".join(format_number(v) for v in annual["value"])
            if len(annual) > 1:
                cell += f" ({said['disagree']})"
            if annual["unverified"].any():
                cell += f" ({said['unverified']})"
            if annual["note"].str.contains("caveat", regex=False).any():
                cell += f" ({said['caveat']})"
        if include_partial:
            extra = g[g["period_kind"] != "year"]
            bits = [f"[{said['multi'] if k == 'multi_year' else said['partial']} {format_number(v)} {i}]"
                    for k, v, i in zip(extra["period_kind"], extra["value"], extra["row_ids"])]
            cell = " ".join([c for c in [cell, *bits] if c])
        table.loc[year, name] = cell
    if as_text:
        table = table.fillna("")
    table.columns.name = "series"
    return table


def percent_change(a: float, b: float) -> float:
    """Percent change from ``a`` to ``b``: ``(b - a) / a * 100``. NaN in -> NaN out.

    Raises :class:`CompendiumError` when ``a`` is 0 (the change is undefined).
    """
    if pd.isna(a) or pd.isna(b):
        return float("nan")
    if a == 0:
        raise CompendiumError(key="error_timeseries_zero_base", value=b)
    return (float(b) - float(a)) / float(a) * 100.0


def series_change(border_series: pd.DataFrame, series: str = "bp2mi_complaints_total",
                  start: int = 2019, end: int = 2020) -> dict:
    """Change of one series between two full-year values, with the row ids it rests on.

    Returns a dict: ``series, start_year, end_year, start_value, end_value,
    percent_change`` (percent, unrounded), ``percent_change_1dp`` (rounded to 1 decimal),
    ``start_row_ids``, ``end_row_ids`` (tuples of row ids). Complaints 2019 -> 2020:
    5,824 (BS001, BS004) -> 1,812 (BS002) = -68.9 %.

    Raises :class:`CompendiumError` when either year has no single full-year value (gap,
    partial-year only, or sources that disagree).
    """
    long = annual_series(border_series, years=[start, end], series=[series])
    picked = {}
    for year in (start, end):
        g = long[(long["year"] == year) & (long["period_kind"] == "year") & long["value"].notna()]
        if len(g) != 1:
            why = Said("error_timeseries_no_full_year") if len(g) == 0 else Said(
                "error_timeseries_disagree",
                values="; ".join(format_number(v) + " " + i for v, i in zip(g["value"], g["row_ids"])))
            raise CompendiumError(key="error_timeseries_change", series=series, year=year, why=why)
        picked[year] = g.iloc[0]
    change = percent_change(picked[start]["value"], picked[end]["value"])
    return {
        "series": series, "start_year": start, "end_year": end,
        "start_value": float(picked[start]["value"]), "end_value": float(picked[end]["value"]),
        "percent_change": change, "percent_change_1dp": round(change, 1),
        "start_row_ids": split_ids(picked[start]["row_ids"]),
        "end_row_ids": split_ids(picked[end]["row_ids"]),
    }


def lower_bounds(annual: pd.DataFrame) -> pd.DataFrame:
    """For each (series, year) of :func:`annual_series` with no full-year value, the largest
    verified part-year value: a count for part of a year (cumulative at a date) is a lower bound
    for the year, and the largest is the tightest. Complaints 2023: 1,918 (BS006, January to
    November) and 898 (BS008, January to June) give the bound 1,918. Columns ``series, year,
    value, row_ids``."""
    full = {(s, y) for s, y in zip(*full_year_values(annual)[["series", "year"]].T.values)}
    part = annual[(annual["period_kind"] == "partial_year") & annual["value"].notna()
                  & ~annual["unverified"].astype(bool)]
    rows = []
    for (name, year), g in part.groupby(["series", "year"], sort=False):
        if (name, year) not in full:
            best = g.loc[g["value"].idxmax()]
            rows.append({"series": name, "year": int(year), "value": float(best["value"]), "row_ids": best["row_ids"]})
    return pd.DataFrame(rows, columns=["series", "year", "value", "row_ids"])


def bounded_change(annual: pd.DataFrame, series: str, start: int = 2019, end: int = 2020) -> dict | None:
    """The change from ``start`` to ``end`` in percent when one end is a full-year value and the
    other only a lower bound (:func:`lower_bounds`): a bound at the start gives the most the
    series can have changed (``bound`` "at_most"), a bound at the end the least ("at_least").
    None when both ends are full years (use :func:`series_change`) or either end has neither.
    Placements 2019 >= 1,308 (BS081, 'so far in 2019'), 2020 = 334: the change is at most -74.5 %."""
    full = full_year_values(annual)
    bounds = lower_bounds(annual)

    def pick(table, year):
        g = table[(table["series"] == series) & (table["year"] == year)]
        return (float(g["value"].iloc[0]), split_ids(g["row_ids"].iloc[0])) if len(g) == 1 else None

    start_full, end_full = pick(full, start), pick(full, end)
    start_bound, end_bound = pick(bounds, start), pick(bounds, end)
    if start_bound and end_full:
        (a, a_ids), (b, b_ids), bound = start_bound, end_full, "at_most"
    elif start_full and end_bound:
        (a, a_ids), (b, b_ids), bound = start_full, end_bound, "at_least"
    else:
        return None
    change = percent_change(a, b)
    return {"series": series, "bound": bound, "percent_change_1dp": round(change, 1),
            "start_row_ids": a_ids, "end_row_ids": b_ids}
