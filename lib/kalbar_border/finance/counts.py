"""The aggregated-table path: migrant vs non-migrant comparison from published counts.

For a user who has only group sizes and counts (or percentages times group sizes), as the
paper probably had. Input is a CSV with one row per indicator x group::

    indicator,group,n,count
    savings_account,migrant,70,56
    savings_account,non_migrant,80,48

``group`` is ``migrant`` or ``non_migrant``; ``n`` (whole number >= 1) is the group size;
``count`` (whole number 0..n) how many have the indicator. Extra columns are ignored.

The counts are treated as two independent simple random samples (no weights, no design
effect): use this path only when microdata are unavailable, and read its intervals as a
lower bound on the true uncertainty of a clustered survey. All shares and differences are
fractions 0-1, differences are migrant minus non-migrant.

Methods, all from statsmodels (``statsmodels.stats.proportion`` and ``Table2x2``):

* group CIs: Wilson score;
* difference CI: Newcombe's hybrid score interval (Newcombe 1998, method 10), i.e. the
  MOVER combination of the two Wilson intervals;
* test: two-proportion z-test with the pooled proportion, and Pearson's chi-square on the
  2x2 table *without* continuity correction; the two are the same test (``z**2 == chi2``,
  identical p-values), both are reported so a reader can match either kind of source;
* odds ratio: Woolf (log) interval; when any cell is zero, 0.5 is added to all four cells
  (Haldane-Anscombe) and ``odds_ratio_corrected`` is True, otherwise the raw cells are used.
  (statsmodels' own ``shift_zeros`` adds 0.5 to the odds-ratio cells differently, so the
  correction is applied here and the corrected table handed to ``Table2x2``.)
"""
from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pandas as pd
from statsmodels.stats.contingency_tables import Table2x2
from statsmodels.stats.proportion import confint_proportions_2indep, proportions_ztest

from .compare import cohens_h, is_small_group, min_expected_count
from ..errors import CompendiumError, Said
from .survey import wilson_interval
from .variables import GROUPS

__all__ = ["CSV_COLUMNS", "read_counts", "compare_counts", "newcombe_interval",
           "two_proportion_z", "pearson_chi2", "woolf_odds_ratio"]

#: Columns of a counts file: one row per indicator and group.
CSV_COLUMNS = ("indicator", "group", "n", "count")


def _whole(text: str, where: Said, field: str, minimum: int, maximum: int | None, expected: Said) -> int:
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not np.isfinite(value) or value != int(value) or value < minimum or (maximum is not None and value > maximum):
        raise CompendiumError(key="error_counts_value", where=where, field=field, value=repr(text), expected=expected)
    return int(value)


def read_counts(path) -> pd.DataFrame:
    """Read and validate a counts CSV; returns columns indicator, group, n, count.

    Every problem raises :class:`CompendiumError` with one line naming the file, the data
    row (1 = first row after the header) with its line number, and the field.
    """
    path = Path(path)
    name = path.name
    if not path.is_file():
        raise CompendiumError(key="error_counts_not_found", path=path, columns=", ".join(CSV_COLUMNS))
    try:
        with open(path, newline="", encoding="utf-8-sig") as fh:
            reader = csv.DictReader(fh)
            header = [h.strip() for h in (reader.fieldnames or [])]
            missing = [c for c in CSV_COLUMNS if c not in header]
            if missing:
                raise CompendiumError(key="error_counts_lacks", file=name, missing=", ".join(missing),
                                      header=",".join(CSV_COLUMNS))
            reader.fieldnames = header
            rows, seen = [], {}
            for i, raw in enumerate(reader, start=1):
                if not any((v or "").strip() for v in raw.values() if isinstance(v, str)):
                    continue  # blank line
                where = Said("error_counts_row", file=name, row=i, line=reader.line_num)
                cells = {c: (raw.get(c) or "").strip() for c in CSV_COLUMNS}
                if not cells["indicator"]:
                    raise CompendiumError(key="error_counts_no_indicator", where=where)
                if cells["group"] not in GROUPS:
                    raise CompendiumError(key="error_counts_group", where=where, value=repr(cells["group"]),
                                          groups=", ".join(GROUPS))
                n = _whole(cells["n"], where, "n", 1, None, Said("error_counts_at_least_one"))
                count = _whole(cells["count"], where, "count", 0, n, Said("error_counts_up_to_n", n=n))
                key = (cells["indicator"], cells["group"])
                if key in seen:
                    raise CompendiumError(key="error_counts_repeated", where=where, indicator=repr(key[0]),
                                          group=repr(key[1]), row=seen[key])
                seen[key] = i
                rows.append({"indicator": key[0], "group": key[1], "n": n, "count": count})
    except (UnicodeDecodeError, csv.Error) as exc:
        raise CompendiumError(key="error_counts_not_utf8", file=name, error=exc) from None
    if not rows:
        raise CompendiumError(key="error_counts_no_rows", file=name)
    table = pd.DataFrame(rows)
    for indicator in table["indicator"].unique():
        present = set(table.loc[table["indicator"] == indicator, "group"])
        for group in GROUPS:
            if group not in present:
                raise CompendiumError(key="error_counts_group_missing", file=name, indicator=repr(indicator),
                                      group=repr(group), first=GROUPS[0], second=GROUPS[1])
    return table


def newcombe_interval(c1: int, n1: int, c2: int, n2: int, level: float = 0.95) -> tuple[float, float]:
    """Newcombe (1998) hybrid score CI (method 10) for ``c1/n1 - c2/n2`` (fractions)."""
    low, high = confint_proportions_2indep(c1, n1, c2, n2, method="newcomb", compare="diff", alpha=1 - level)
    return float(low), float(high)


def two_proportion_z(c1: int, n1: int, c2: int, n2: int) -> tuple[float, float]:
    """Pooled two-proportion z statistic and two-sided p; NaN when the pooled share is 0 or 1."""
    if not 0 < (c1 + c2) < (n1 + n2):
        return float("nan"), float("nan")
    z, p = proportions_ztest([c1, c2], [n1, n2])
    return float(z), float(p)


def pearson_chi2(c1: int, n1: int, c2: int, n2: int) -> tuple[float, float]:
    """Pearson chi-square (1 df, no continuity correction) of the 2x2 table, and its p."""
    if not 0 < (c1 + c2) < (n1 + n2):
        return float("nan"), float("nan")
    table = Table2x2(np.array([[c1, n1 - c1], [c2, n2 - c2]], dtype=float), shift_zeros=False)
    result = table.test_nominal_association()
    return float(result.statistic), float(result.pvalue)


def woolf_odds_ratio(c1: int, n1: int, c2: int, n2: int, level: float = 0.95) -> tuple[float, float, float, bool]:
    """Odds ratio (group 1 vs 2) with Woolf CI; returns (or, low, high, corrected)."""
    cells = np.array([[c1, n1 - c1], [c2, n2 - c2]], dtype=float)
    corrected = bool((cells == 0).any())
    table = Table2x2(cells + 0.5 if corrected else cells, shift_zeros=False)
    low, high = table.oddsratio_confint(alpha=1 - level, method="normal")
    return float(table.oddsratio), float(low), float(high), corrected


def compare_counts(table, *, level: float = 0.95) -> pd.DataFrame:
    """Per-indicator comparison from a counts table (DataFrame from :func:`read_counts`, or a path).

    Columns: indicator; n, count, share, ci_low, ci_high for ``_migrant`` and
    ``_non_migrant``; difference, difference_ci_low, difference_ci_high (Newcombe); z,
    p_value (z-test); chi2, chi2_p_value (Pearson, uncorrected); odds_ratio,
    odds_ratio_ci_low, odds_ratio_ci_high, odds_ratio_corrected; cohens_h;
    min_expected_count; small_group (same rule as :mod:`kalbar_border.finance.compare`).
    """
    if not isinstance(table, pd.DataFrame):
        table = read_counts(table)
    rows = []
    for indicator, part in table.groupby("indicator", sort=False):
        g = part.set_index("group")
        n1, c1 = int(g.loc["migrant", "n"]), int(g.loc["migrant", "count"])
        n2, c2 = int(g.loc["non_migrant", "n"]), int(g.loc["non_migrant", "count"])
        row = {"indicator": indicator}
        for suffix, n, c in (("migrant", n1, c1), ("non_migrant", n2, c2)):
            low, high = wilson_interval(c, n, level)
            row.update({f"n_{suffix}": n, f"count_{suffix}": c, f"share_{suffix}": c / n,
                        f"ci_low_{suffix}": low, f"ci_high_{suffix}": high})
        low, high = newcombe_interval(c1, n1, c2, n2, level)
        z, p = two_proportion_z(c1, n1, c2, n2)
        chi2, chi2_p = pearson_chi2(c1, n1, c2, n2)
        odds, or_low, or_high, corrected = woolf_odds_ratio(c1, n1, c2, n2, level)
        expected = min_expected_count(n1, c1, n2, c2)
        row.update({"difference": c1 / n1 - c2 / n2, "difference_ci_low": low, "difference_ci_high": high,
                    "z": z, "p_value": p, "chi2": chi2, "chi2_p_value": chi2_p,
                    "odds_ratio": odds, "odds_ratio_ci_low": or_low, "odds_ratio_ci_high": or_high,
                    "odds_ratio_corrected": corrected, "cohens_h": cohens_h(c1 / n1, c2 / n2),
                    "min_expected_count": expected, "small_group": is_small_group(n1, expected)})
        rows.append(row)
    return pd.DataFrame(rows)
