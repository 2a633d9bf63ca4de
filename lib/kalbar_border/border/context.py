"""The economic context from ``macro_remittances``: :func:`remittances_share_of_gdp` (one WDI
vintage, never spliced) and :func:`placements` (national and West Kalimantan placements,
both raw tables compared).

Money amounts are current US$; every output row cites the ``row_id`` values it rests on.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
import pandas as pd

from ..data.transcribe import HEDGED
from ..errors import CompendiumError, Said
from .rows import ID_SEP, cell_text, format_number, require_columns
from .timeseries import SERIES_REQUIRED

MACRO_REQUIRED = ("row_id", "series", "year", "period_kind", "value", "status", "unit",
                  "source_url", "publisher", "published_date", "notes")
WDI_REMITTANCES = "WDI_BX.TRF.PWKR.CD.DT"
WDI_GDP = "WDI_NY.GDP.MKTP.CD"
NATIONAL_PLACEMENTS = "BP2MI placements of Indonesian migrant workers (penempatan PMI)"
KALBAR_PLACEMENTS_MACRO = "BP3MI Kalbar placements of PMI (origin West Kalimantan)"
KALBAR_PLACEMENTS_BORDER = "kalbar_pmi_placements"

_COMMIT = re.compile(r"/blob/([0-9a-f]{7,40})/")


def _snapshot(rows: pd.DataFrame, label: Said) -> tuple[str, str, str]:
    """(publisher, published_date, commit) shared by ``rows``; error if they are mixed."""
    keys = {(cell_text(p).split("(")[0].strip(), cell_text(d).strip(),
             (_COMMIT.search(cell_text(u)) or [None, ""])[1])
            for p, d, u in zip(rows["publisher"], rows["published_date"], rows["source_url"])}
    if len(keys) != 1:
        raise CompendiumError(key="error_context_snapshots", series=label, first=rows["row_id"].iloc[0],
                              last=rows["row_id"].iloc[-1], count=len(keys), snapshots=sorted(keys))
    return next(iter(keys))


def remittances_share_of_gdp(macro: pd.DataFrame, years: Iterable[int] = range(2010, 2025)) -> pd.DataFrame:
    """WDI personal remittances received as a percent of WDI GDP, Indonesia, one vintage.

    ``share_pct = BX.TRF.PWKR.CD.DT / NY.GDP.MKTP.CD * 100`` (both current US$, same year).
    Columns: ``year, remittances_usd, gdp_usd, share_pct, remittances_row_id, gdp_row_id,
    snapshot``. A year missing from either series gives NaN with the available row id.

    Both series must come from the same snapshot: same publisher (text before any
    parenthesis), same ``published_date`` and same commit in ``source_url``; otherwise
    :class:`CompendiumError` -- vintages are never spliced silently. Bank Indonesia totals
    (other vintages) are not used here.
    """
    require_columns(macro, "macro_remittances", MACRO_REQUIRED)
    years = [int(y) for y in years]
    pick = {}
    for code, label in ((WDI_REMITTANCES, Said("error_context_wdi_remittances")),
                        (WDI_GDP, Said("error_context_wdi_gdp"))):
        rows = macro[macro["series"].astype(str).str.startswith(f"{code} ")
                     & macro["period_kind"].eq("year") & macro["status"].eq("found")]
        if rows.empty:
            raise CompendiumError(key="error_context_no_rows", code=code, first=years[0], last=years[-1])
        dup = rows[rows["year"].duplicated(keep=False)]
        if len(dup):
            raise CompendiumError(key="error_context_duplicate_year", rows=", ".join(dup["row_id"]), series=label,
                                  year=dup["year"].iloc[0])
        pick[code] = (rows.set_index("year"), _snapshot(rows, label))
    (rem, rem_snap), (gdp, gdp_snap) = pick[WDI_REMITTANCES], pick[WDI_GDP]
    if rem_snap != gdp_snap:
        raise CompendiumError(key="error_context_mixed", remittances_row=rem["row_id"].iloc[0], remittances=rem_snap,
                              gdp_row=gdp["row_id"].iloc[0], gdp=gdp_snap)
    rows = []
    for y in years:
        r = rem["value"].get(y, np.nan)
        g = gdp["value"].get(y, np.nan)
        rows.append({"year": y, "remittances_usd": r, "gdp_usd": g,
                     "share_pct": r / g * 100 if pd.notna(r) and pd.notna(g) and g else np.nan,
                     "remittances_row_id": rem["row_id"].get(y, ""), "gdp_row_id": gdp["row_id"].get(y, ""),
                     "snapshot": f"{rem_snap[0]}, {rem_snap[1]}, commit {rem_snap[2] or 'n/a'}"})
    out = pd.DataFrame(rows)
    out["year"] = out["year"].astype("Int64")
    return out


def _one_value(rows: pd.DataFrame, lang: str = "en") -> tuple[float, str, str, bool]:
    """(value, row ids, remark, hedged) of the annual found rows of one table for one year; the
    remark in ``lang``, hedged when a source says it may not cover the full year."""
    from ..figures.labels import label

    # A hedged part-year row ('possibly not full year', BS081/MR088 of 2019) is compared as stated, with
    # the hedge noted: this table asks whether the two tables agree, not what the year's total was.
    hedged_part = rows["period_kind"].eq("partial_year") & rows["notes"].fillna("").str.contains(HEDGED)
    found = rows[rows["status"].eq("found") & rows["value"].notna() & (rows["period_kind"].eq("year") | hedged_part)]
    if found.empty:
        ids = ID_SEP.join(sorted(rows["row_id"]))
        return np.nan, ids, (label("placements_gap", lang).format(ids=ids) if ids else
                             label("placements_gap_no_row", lang)), False
    ids = ID_SEP.join(sorted(found["row_id"]))
    values = found["value"].unique()
    if len(values) > 1:
        return np.nan, ids, label("placements_conflicting", lang).format(
            values=", ".join(format_number(v) for v in values), ids=ids), False
    hedged = bool(found["notes"].fillna("").str.contains(HEDGED).any())
    return float(values[0]), ids, label("placements_hedged", lang) if hedged else "", hedged


def placements(macro: pd.DataFrame, border_series: pd.DataFrame,
               years: Iterable[int] = range(2017, 2025), lang: str = "en") -> pd.DataFrame:
    """National BP2MI placements and West Kalimantan placements, persons per year.

    Columns: ``year, national_placements, national_row_id`` (macro_remittances),
    ``kalbar_border_series, kalbar_border_series_row_id`` (border_series
    ``kalbar_pmi_placements``), ``kalbar_macro, kalbar_macro_row_id`` (macro_remittances
    'BP3MI Kalbar placements'), ``kalbar_placements, kalbar_row_ids`` (the value the two
    tables support), ``kalbar_agreement`` (same | only_border_series | only_macro | disagree |
    neither) and ``note``.

    Rule for ``kalbar_placements``: the common value when both tables give it; the one value
    when the other table has a gap (the note names the gap, e.g. 2020: 334 in BS082 vs gap
    MR089); NaN when they disagree or neither has it. Only ``period_kind == 'year'`` rows are
    used, and part-year rows whose notes hedge, compared as stated: a hedged source (2019) is
    noted, not corrected. ``note`` is
    written in ``lang`` (results/ keeps the English one).
    """
    from ..figures.labels import label

    require_columns(macro, "macro_remittances", MACRO_REQUIRED)
    require_columns(border_series, "border_series", SERIES_REQUIRED)
    nat = macro[macro["series"] == NATIONAL_PLACEMENTS]
    kb_m = macro[macro["series"] == KALBAR_PLACEMENTS_MACRO]
    kb_b = border_series[border_series["series"] == KALBAR_PLACEMENTS_BORDER]
    rows = []
    for y in [int(v) for v in years]:
        n_val, n_ids, n_rem, _ = _one_value(nat[nat["year"] == y], lang)
        b_val, b_ids, b_rem, b_hedged = _one_value(kb_b[kb_b["year"] == y], lang)
        m_val, m_ids, m_rem, m_hedged = _one_value(kb_m[kb_m["year"] == y], lang)
        notes = []
        if pd.isna(n_val):
            notes.append(label("placements_national_missing", lang).format(why=n_rem))
        if pd.notna(b_val) and pd.notna(m_val):
            if b_val == m_val:
                agreement, value, ids = "same", b_val, ID_SEP.join([b_ids, m_ids])
            else:
                agreement, value, ids = "disagree", np.nan, ID_SEP.join([b_ids, m_ids])
                notes.append(label("placements_disagree", lang).format(b=format_number(b_val), b_ids=b_ids,
                                                                       m=format_number(m_val), m_ids=m_ids))
        elif pd.notna(b_val):
            agreement, value, ids = "only_border_series", b_val, b_ids
            notes.append(label("placements_only_border", lang).format(b=format_number(b_val), b_ids=b_ids, why=m_rem))
        elif pd.notna(m_val):
            agreement, value, ids = "only_macro", m_val, m_ids
            notes.append(label("placements_only_macro", lang).format(m=format_number(m_val), m_ids=m_ids, why=b_rem))
        else:
            agreement, value, ids = "neither", np.nan, ""
            notes.append(label("placements_neither", lang).format(b_why=b_rem, m_why=m_rem))
        if b_hedged or m_hedged:
            notes.append(label("placements_hedged", lang))
        rows.append({"year": y, "national_placements": n_val, "national_row_id": n_ids if pd.notna(n_val) else "",
                     "kalbar_border_series": b_val, "kalbar_border_series_row_id": b_ids,
                     "kalbar_macro": m_val, "kalbar_macro_row_id": m_ids,
                     "kalbar_placements": value, "kalbar_row_ids": ids,
                     "kalbar_agreement": agreement, "note": "; ".join(notes)})
    out = pd.DataFrame(rows)
    out["year"] = out["year"].astype("Int64")
    return out
