"""Trade through the West Kalimantan border posts set against the border regencies' economy
(claim C1): :func:`border_trade` lines up, per post and year, the exports and imports the public
rows of ``border_series`` give, and the GRDP of the regency the post serves.

Units: money in rupiah (IDR, current prices), shares in percent of GRDP. Assumptions, each a
rule of ``claims.yml`` (C1) or of the ledger (part-year counts are lower bounds):

* trade is exports plus imports through the post in a calendar year; with only one of them, or
  with a count for part of the year (one month), the sum of what is known is a lower bound
  (the largest part-year row of a series, never a sum of several, which may overlap);
* a GRDP counts only when its row says it is at current prices: a constant-price GRDP is
  smaller, so a share of it would overstate the trade;
* the regency's GRDP gives the share; without it, the province's GRDP (larger than any of its
  regencies') gives a lower bound of the share;
* trade values are gross flows, not value added: a share is an upper bound on what the trade
  adds to the regency's output (the claim's caveat says so).

Every output row cites the ``row_id`` values it rests on. Nothing is estimated or filled in.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from ..errors import CompendiumError
from .rows import ID_SEP, require_columns

#: Each post: its display name, the regency it serves and the series of its rows.
POSTS = {
    "entikong": {"post": "Entikong", "regency": "Sanggau", "exports": "plbn_entikong_exports",
                 "imports": "plbn_entikong_imports", "grdp": "grdp_sanggau"},
    "aruk": {"post": "Aruk", "regency": "Sambas", "exports": "plbn_aruk_exports",
             "imports": "plbn_aruk_imports", "grdp": "grdp_sambas"},
    "nanga_badau": {"post": "Nanga Badau", "regency": "Kapuas Hulu", "exports": "plbn_nanga_badau_exports",
                    "imports": "plbn_nanga_badau_imports", "grdp": "grdp_kapuas_hulu"},
    "jagoi_babang": {"post": "Jagoi Babang", "regency": "Bengkayang", "exports": "plbn_jagoi_babang_exports",
                     "imports": "plbn_jagoi_babang_imports", "grdp": "grdp_bengkayang"},
}
PROVINCE_GRDP = "grdp_kalbar"
#: Remittances of West Kalimantan's registered migrant workers (BS086), shown beside as context.
REMITTANCE = "kalbar_pmi_remittance"
#: Rupiah per unit of the money units these series are written in.
UNITS = {"IDR": 1, "million IDR": 1e6, "billion IDR": 1e9, "trillion IDR": 1e12, "billion IDR per year": 1e9}
CURRENT_PRICES = re.compile(r"\bat current prices\b", re.I)
REQUIRED = ("row_id", "series", "year", "period_kind", "value", "unit", "definition", "status")
COLUMNS = ["post", "regency", "year", "exports_idr", "exports_kind", "imports_idr", "imports_kind", "trade_idr",
           "trade_kind", "grdp_idr", "grdp_area", "share_of_grdp_pct", "share_kind", "missing", "trade_row_ids",
           "grdp_row_ids", "row_ids"]
#: Decimals a share is recorded with (percent of GRDP): shares are small, some below 0.01 %.
SHARE_DECIMALS = 4


def _rupiah(row: pd.Series) -> float:
    """The row's value in rupiah; an unknown unit is a one-line error naming the row."""
    if row["unit"] not in UNITS:
        raise CompendiumError(key="error_trade_unit", row=row["row_id"], value=repr(row["unit"]),
                              units=", ".join(UNITS))
    return float(row["value"]) * UNITS[row["unit"]]


def _one(rows: pd.DataFrame, what: str) -> tuple[float | None, str]:
    """(value in rupiah, row ids) of the full-year rows of one series and year; rows that
    disagree are a one-line error, since no rule here says which to believe."""
    if rows.empty:
        return None, ""
    values = {_rupiah(r) for _, r in rows.iterrows()}
    if len(values) > 1:
        raise CompendiumError(key="error_trade_disagree", rows=", ".join(rows["row_id"]), count=len(values), what=what)
    return values.pop(), ID_SEP.join(rows["row_id"])


def _flow(rows: pd.DataFrame, series: str, year: int) -> tuple[float | None, str, str]:
    """(rupiah, kind, row ids) of one flow (exports or imports) in ``year``: the full-year value
    (kind ``year``), else the largest part-year value (``partial_year``, a lower bound), else none."""
    found = rows[(rows["series"] == series) & (rows["year"] == year)]
    full = found[found["period_kind"] == "year"]
    if not full.empty:
        value, ids = _one(full, f"{series} {year}")
        return value, "year", ids
    part = found[found["period_kind"] == "partial_year"]
    if part.empty:
        return None, "", ""
    best = max(part.iterrows(), key=lambda item: _rupiah(item[1]))[1]
    return _rupiah(best), "partial_year", best["row_id"]


def _grdp(rows: pd.DataFrame, series: str, year: int) -> tuple[float | None, str]:
    """(rupiah, row ids) of a full-year GRDP at current prices, or (None, '')."""
    found = rows[(rows["series"] == series) & (rows["year"] == year) & (rows["period_kind"] == "year")]
    found = found[found["definition"].fillna("").str.contains(CURRENT_PRICES)]
    return _one(found, f"{series} {year}")


def border_trade(border_series: pd.DataFrame, years: Iterable[int] = range(2019, 2024)) -> pd.DataFrame:
    """One row per border post and year (see :data:`COLUMNS`): exports, imports and their sum
    in rupiah, the GRDP it is set against, and the share in percent, each with its kind
    (``exact`` or ``lower_bound``) and the row ids; ``missing`` names what no public row gives."""
    require_columns(border_series, "border_series", REQUIRED)
    rows = border_series[border_series["status"] == "found"].copy()
    rows["year"] = pd.to_numeric(rows["year"], errors="coerce")
    out = []
    for key, post in POSTS.items():
        for year in years:
            exports, exports_kind, exports_ids = _flow(rows, post["exports"], year)
            imports, imports_kind, imports_ids = _flow(rows, post["imports"], year)
            known = [v for v in (exports, imports) if v is not None]
            trade = sum(known) if known else None
            exact = exports_kind == imports_kind == "year"
            grdp, grdp_ids = _grdp(rows, post["grdp"], year)
            area = "regency" if grdp is not None else ""
            if grdp is None:
                grdp, grdp_ids = _grdp(rows, PROVINCE_GRDP, year)
                area = "province" if grdp is not None else ""
            share = None if trade is None or grdp is None else round(100 * trade / grdp, SHARE_DECIMALS)
            missing = [name for name, value in (("exports", exports_kind == "year"), ("imports", imports_kind == "year"),
                                                ("grdp_regency", area == "regency")) if not value]
            out.append({
                "post": key, "regency": post["regency"], "year": year,
                "exports_idr": exports, "exports_kind": exports_kind, "imports_idr": imports, "imports_kind": imports_kind,
                "trade_idr": trade, "trade_kind": "" if trade is None else "exact" if exact else "lower_bound",
                "grdp_idr": grdp, "grdp_area": area, "share_of_grdp_pct": share,
                "share_kind": "" if share is None else "exact" if exact and area == "regency" else "lower_bound",
                "missing": ID_SEP.join(missing),
                "trade_row_ids": ID_SEP.join(i for i in (exports_ids, imports_ids) if i), "grdp_row_ids": grdp_ids,
                "row_ids": ID_SEP.join(i for i in (exports_ids, imports_ids, grdp_ids) if i),
            })
    return pd.DataFrame(out, columns=COLUMNS)


def remittance_share(border_series: pd.DataFrame, macro: pd.DataFrame | None = None,
                     years: Iterable[int] = range(2019, 2024)) -> pd.DataFrame:
    """Remittances of West Kalimantan's registered migrant workers as a percent of the
    province's GRDP at current prices, for each year both have a full-year row (columns year,
    remittance_idr, grdp_idr, share_of_grdp_pct, row_ids); context for C1, never evidence.
    ``macro`` (``macro_remittances``): its rows giving the same figure from the same page are
    cited too (MR098 carries BS086's figure, dated only "c. 2020-2021")."""
    require_columns(border_series, "border_series", REQUIRED)
    rows = border_series[border_series["status"] == "found"].copy()
    rows["year"] = pd.to_numeric(rows["year"], errors="coerce")
    out = []
    for year in years:
        sent = rows[(rows["series"] == REMITTANCE) & (rows["year"] == year) & (rows["period_kind"] == "year")]
        remittance, sent_ids = _one(sent, f"{REMITTANCE} {year}")
        grdp, grdp_ids = _grdp(rows, PROVINCE_GRDP, year)
        if remittance is not None and grdp is not None:
            same = [] if macro is None else list(macro.loc[
                macro["source_url"].isin(sent["source_url"]) & (pd.to_numeric(macro["value"], errors="coerce")
                                                                == pd.to_numeric(sent["value"]).iloc[0]), "row_id"])
            out.append({"year": year, "remittance_idr": remittance, "grdp_idr": grdp,
                        "share_of_grdp_pct": round(100 * remittance / grdp, SHARE_DECIMALS),
                        "row_ids": ID_SEP.join([sent_ids, *same, grdp_ids])})
    return pd.DataFrame(out, columns=["year", "remittance_idr", "grdp_idr", "share_of_grdp_pct", "row_ids"])


def recorded(trade: pd.DataFrame, remittances: pd.DataFrame) -> tuple[dict, dict]:
    """(values, sources) notebook 04 records for C1: each post-year share (``…_lower_bound``
    when only a lower bound is known), how many years each post has a trade row and a share,
    the regency-years with a GRDP at current prices, and the remittance shares."""
    values, sources = {}, {}
    split = lambda ids: [i for i in str(ids).split(ID_SEP) if i]  # noqa: E731
    for r in trade.itertuples(index=False):
        if r.share_kind:
            key = f"border.trade.{r.post}.share_of_grdp_pct.{r.year}" + ("_lower_bound" if r.share_kind == "lower_bound" else "")
            values[key], sources[key] = r.share_of_grdp_pct, split(r.row_ids)
    cited = lambda part, column: sorted({i for ids in part[column] for i in split(ids)})  # noqa: E731
    for post, rows in trade.groupby("post", sort=False):
        for name, part, column in (("years_with_trade", rows[rows["trade_kind"] != ""], "trade_row_ids"),
                                   ("years_with_share", rows[rows["share_kind"] != ""], "row_ids")):
            key = f"border.trade.{post}.{name}"
            values[key], sources[key] = len(part), cited(part, column)
    regency = trade[trade["grdp_area"] == "regency"]
    values["border.grdp.regency_years"] = len(regency)
    sources["border.grdp.regency_years"] = cited(regency, "grdp_row_ids")
    for r in remittances.itertuples(index=False):
        key = f"border.kalbar_pmi_remittance.share_of_grdp_pct.{r.year}"
        values[key], sources[key] = r.share_of_grdp_pct, split(r.row_ids)
    return values, sources
