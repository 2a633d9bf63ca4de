"""The public context of financial behaviour (raw table ``financial_context``) as results keys.

What the claims ledger weighs beside C5 and C6: OJK's national survey of financial literacy
and inclusion (SNLIK) indices, national and for West Kalimantan, overall and for the capital
market (percent of adults, an index 0-100), and the World Bank's estimate of the share of the
Malaysia-Indonesia remittance corridor sent through formal channels (percent of the flow).

Two secondary reports of one survey sometimes give different values (OJK's 2022 capital-market
inclusion: 5.19 by Databoks, 5.11 quoted from an OJK director): a key is then never given one of
them silently; ``<key>.low`` and ``<key>.high`` carry the range, each citing every row.
"""
from __future__ import annotations

import pandas as pd

#: source_id -> the results-key stem of rows that are a single number (not a survey index).
SINGLE = {"WB_CORRIDOR2008": "context.wb.malaysia_corridor_formal_share"}


def _slug(text: str) -> str:
    return str(text).strip().lower().replace(" ", "_")


def context_values(context: pd.DataFrame) -> tuple[dict, dict]:
    """(values, sources) for :func:`kalbar_border.results.record` from the found rows of
    ``financial_context``: every OJK index of all adults as
    ``context.ojk.<indicator>.<geography>.<year>`` (percent), and each row of :data:`SINGLE`."""
    found = context[context["status"] == "found"].copy()
    found["value"] = pd.to_numeric(found["value"], errors="coerce")
    ojk = found[found["source_id"].str.startswith("OJK") & (found["group"] == "all_adults")]
    keyed = [(f"context.ojk.{_slug(r.indicator)}.{_slug(r.geography)}.{r.year}", r) for r in ojk.itertuples()]
    keyed += [(SINGLE[r.source_id], r) for r in found.itertuples() if r.source_id in SINGLE]
    values, sources = {}, {}
    for key in dict.fromkeys(k for k, _ in keyed):
        rows = [r for k, r in keyed if k == key]
        numbers = sorted({float(r.value) for r in rows})
        ids = sorted(r.row_id for r in rows)
        if len(numbers) == 1:
            values[key], sources[key] = numbers[0], ids
        else:  # the reports disagree: the range, never one of them
            for end, number in (("low", numbers[0]), ("high", numbers[-1])):
                values[f"{key}.{end}"], sources[f"{key}.{end}"] = number, ids
    return values, sources
