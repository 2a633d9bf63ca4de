"""Drawing functions, one per figure. Each takes tidy data and a language and returns a
:class:`matplotlib.figure.Figure` built with :func:`style.new_figure`; every text comes
from :mod:`kalbar_border.figures.labels`. Saving is :func:`save.render_bilingual`'s job.
"""
from __future__ import annotations

import numpy as np
from matplotlib.ticker import MaxNLocator
import pandas as pd

from .style import PALETTE, local_numbers, new_figure
from .labels import label

BORDER_LINES = ("bp2mi_complaints_total", "kjri_kuching_deportations_sarawak", "bp2mi_complaints_malaysia",
                "kalbar_pmi_placements")


def border_series(annual: pd.DataFrame, lang: str, paper_claims: dict[tuple[str, int], float],
                  window: tuple[int, int]):
    """Annual values (only full-year rows, one value per series-year) as lines with markers;
    the paper's claimed values as open diamonds. ``annual``: columns year, series, value;
    ``window``: (first, last) year asked for, for the title."""
    fig = new_figure(7.2, 4.2)
    ax = fig.add_subplot()
    years = sorted(annual["year"].unique())
    for colour, series in zip(PALETTE, BORDER_LINES):
        part = annual[annual["series"] == series].set_index("year")["value"]
        if part.empty:
            continue
        # Reindexing leaves NaN for missing years, so a gap breaks the line instead of bridging it.
        part = part.reindex(years)
        ax.plot(years, part.to_numpy(dtype=float), marker="o", color=colour, label=label(series, lang))
    for i, ((series, year), value) in enumerate(paper_claims.items()):
        ax.scatter([year], [value], marker="D", s=70, facecolors="none", edgecolors="#000000", zorder=5,
                   label=label("paper_claim", lang) if i == 0 else None)
    ax.set_xlabel(label("year", lang))
    ax.set_ylabel(label("count_axis", lang))
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    local_numbers(ax.yaxis, lang)
    ax.set_title(label("fig_border_series_title", lang).format(first=window[0], last=window[1]))
    ax.set_xticks(years)
    ax.set_ylim(bottom=0)
    ax.legend(fontsize=7, loc="upper right")
    return fig


def entikong_batches(summary: pd.DataFrame, lang: str):
    """Batches found per year (bars, left) and persons in them (line, right)."""
    fig = new_figure(7.2, 3.8)
    ax = fig.add_subplot()
    ax.bar(summary["year"], summary["batches_found"], color=PALETTE[0], label=label("batches_found", lang))
    ax.set_xlabel(label("year", lang))
    ax.set_ylabel(label("batches_found", lang))
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))  # batches are counted: no 2.5
    local_numbers(ax.yaxis, lang)
    ax.set_xticks(summary["year"])
    right = ax.twinx()
    right.spines["right"].set_visible(True)  # its ticks without a spine read as minus signs
    right.plot(summary["year"], summary["persons"].astype(float), color=PALETTE[3], marker="o",
               label=label("persons_in_batches", lang))
    right.set_ylabel(label("persons_in_batches", lang))
    right.yaxis.set_major_locator(MaxNLocator(integer=True))
    local_numbers(right.yaxis, lang)
    right.set_ylim(bottom=0)
    right.grid(False)
    ax.set_title(label("fig_entikong_title", lang))
    handles = ax.get_legend_handles_labels()[0] + right.get_legend_handles_labels()[0]
    ax.legend(handles, [h.get_label() for h in handles], fontsize=7, loc="upper left")
    return fig


def remittances(share: pd.DataFrame, lang: str, window: tuple[int, int]):
    """WDI remittances (billion US$, bars) and their share of GDP (%, line); ``window``:
    (first, last) year asked for, for the title."""
    fig = new_figure(7.2, 3.8)
    ax = fig.add_subplot()
    ax.bar(share["year"], share["remittances_usd"] / 1e9, color=PALETTE[5], label=label("remittances_busd", lang))
    ax.set_xlabel(label("year", lang))
    ax.set_ylabel(label("remittances_busd", lang))
    local_numbers(ax.yaxis, lang)
    ax.set_xticks(share["year"][::2])
    right = ax.twinx()
    right.spines["right"].set_visible(True)  # its ticks without a spine read as minus signs
    right.plot(share["year"], share["share_pct"], color=PALETTE[3], marker="o", label=label("remittances_pct_gdp", lang))
    right.set_ylabel(label("remittances_pct_gdp", lang))
    local_numbers(right.yaxis, lang)
    right.set_ylim(0, max(1.5, float(share["share_pct"].max()) * 1.2))
    right.grid(False)
    ax.set_title(label("fig_remittances_title", lang).format(first=window[0], last=window[1]))
    handles = ax.get_legend_handles_labels()[0] + right.get_legend_handles_labels()[0]
    ax.legend(handles, [h.get_label() for h in handles], fontsize=7, loc="upper left")
    return fig


def group_shares(table: pd.DataFrame, lang: str, title_key: str = "fig_finance_shares_title"):
    """Weighted shares (%) with 95 % design-based CIs, migrant vs non-migrant, per indicator.
    ``table``: columns indicator, group, share_weighted, ci_low, ci_high, n_unweighted."""
    indicators = list(dict.fromkeys(table["indicator"]))
    fig = new_figure(7.2, 0.55 * len(indicators) + 1.6)
    ax = fig.add_subplot()
    y = np.arange(len(indicators))
    for offset, group, colour in ((-0.18, "migrant", PALETTE[3]), (0.18, "non_migrant", PALETTE[0])):
        part = table[table["group"] == group].set_index("indicator").reindex(indicators)
        share = part["share_weighted"] * 100
        err = np.vstack([share - part["ci_low"] * 100, part["ci_high"] * 100 - share])
        ax.errorbar(share, y + offset, xerr=err, fmt="o", color=colour, capsize=2, label=label(group, lang))
    ax.set_yticks(y, [label(i, lang) for i in indicators])
    ax.invert_yaxis()
    ax.set_xlabel(label("share_pct", lang))
    local_numbers(ax.xaxis, lang)
    ax.set_xlim(left=0)
    ax.set_title(label(title_key, lang))
    ax.legend(fontsize=7, loc="lower right")
    return fig


def forest(effects: pd.DataFrame, lang: str):
    """Adjusted average marginal effects (percentage points) with 95 % CIs per indicator.
    ``effects``: columns indicator, ame, ame_ci_low, ame_ci_high (fractions) and few_events;
    few-event rows are drawn as open grey markers with a legend entry saying they are not
    read as evidence."""
    fig = new_figure(7.2, 0.5 * len(effects) + 1.6)
    ax = fig.add_subplot()
    y = np.arange(len(effects))
    ame = effects["ame"].to_numpy() * 100
    err = np.vstack([ame - effects["ame_ci_low"].to_numpy() * 100, effects["ame_ci_high"].to_numpy() * 100 - ame])
    few = effects["few_events"].to_numpy(dtype=bool)
    ax.errorbar(ame[~few], y[~few], xerr=err[:, ~few], fmt="s", color=PALETTE[0], capsize=2)
    if few.any():
        ax.errorbar(ame[few], y[few], xerr=err[:, few], fmt="s", color="#888888", markerfacecolor="white",
                    capsize=2, label=label("few_events", lang))
        ax.legend(fontsize=7, loc="upper right")
    ax.axvline(0, color="#444444", linewidth=0.8)
    ax.set_yticks(y, [label(i, lang) for i in effects["indicator"]])
    ax.invert_yaxis()
    ax.set_xlabel(label("ame_pp", lang))
    local_numbers(ax.xaxis, lang)
    ax.set_title(label("fig_finance_forest_title", lang))
    return fig
