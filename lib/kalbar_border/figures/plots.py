"""Drawing functions, one per figure. Each takes tidy data and a language and returns a
:class:`matplotlib.figure.Figure` built with :func:`style.new_figure`; every text comes
from :mod:`kalbar_border.figures.labels`. Saving is :func:`save.render_bilingual`'s job.

No figure carries a title: the caption (sidecar, report) does, as journals ask. Quantities in
different units get panels of their own, never a shared or a twin axis.
"""
from __future__ import annotations

import numpy as np
from matplotlib.ticker import MaxNLocator
import pandas as pd

from ..numbers import number_text
from .style import PALETTE, SERIES, STYLE, local_numbers, new_figure, wrap_text
from .labels import label

#: The border series by panel: complaints (counted by BP2MI) and persons (deported or placed).
BORDER_PANELS = {
    "complaints_axis": ("bp2mi_complaints_total", "bp2mi_complaints_malaysia"),
    "persons_axis": ("kjri_kuching_deportations_sarawak", "kalbar_pmi_placements"),
}
BORDER_LINES = tuple(s for panel in BORDER_PANELS.values() for s in panel)
#: Open markers of the paper's figures, one shape per claim, none used by a series.
CLAIM_MARKERS = ("D", "P", "X", "h")
#: How far left of its year a claim marker sits, in years: beside the data point, never over it.
CLAIM_OFFSET = 0.2


def _panel_ylabel(ax, text: str, height: float = 1.9) -> None:
    """A stacked panel's y label, broken into lines that fit the panel's height (``height``
    inches, about 2 unless the panel is shorter), so it never runs past the figure or into the
    next panel."""
    ax.set_ylabel(wrap_text(text, height, STYLE["axes.labelsize"]))


def _count_axis(axis, lang: str) -> None:
    """A value axis of counts: whole-number ticks (no 2.5 batches), numbers in ``lang``'s style."""
    axis.set_major_locator(MaxNLocator(integer=True))
    local_numbers(axis, lang)


def border_series(annual: pd.DataFrame, lang: str, paper_claims: dict[tuple[str, int], float]):
    """Annual values (only full-year rows, one value per series-year) in two panels sharing
    the year axis: complaints (top) and persons (bottom). The paper's claimed values are open
    markers just left of their year, at the paper's value, in the panel of the series the
    notebook compares them with, each with its own legend entry.

    ``annual``: columns year, series, value; ``paper_claims``: (series, year) -> value.
    """
    fig = new_figure(7.2, 5.6)
    axes = fig.subplots(2, 1, sharex=True)
    years = sorted(annual["year"].unique())
    looks = dict(zip(BORDER_LINES, SERIES))
    claims = list(paper_claims.items())
    for ax, (axis_key, series_keys) in zip(axes, BORDER_PANELS.items()):
        for series in series_keys:
            part = annual[annual["series"] == series].set_index("year")["value"]
            if part.empty:
                continue
            look = dict(looks[series])
            if part.notna().sum() < 2:
                look["linestyle"] = "none"  # one value is a point: no line in its legend
            # Reindexing leaves NaN for missing years, so a gap breaks the line instead of bridging it.
            ax.plot(years, part.reindex(years).to_numpy(dtype=float), label=label(series, lang), **look)
        for (series, year), value in claims:
            if series in series_keys:
                shape = CLAIM_MARKERS[claims.index(((series, year), value)) % len(CLAIM_MARKERS)]
                ax.plot([year - CLAIM_OFFSET], [value], linestyle="none", marker=shape, markersize=8,
                        markerfacecolor="none", markeredgecolor="#000000", markeredgewidth=1.2, zorder=5,
                        label=label("paper_claim_value", lang).format(year=year, value=number_text(value, lang)))
        _panel_ylabel(ax, label(axis_key, lang))
        _count_axis(ax.yaxis, lang)
        ax.set_ylim(bottom=0, top=ax.get_ylim()[1] * 1.05)
        ax.legend(fontsize=7, loc="upper right")
    axes[-1].set_xlabel(label("year", lang))
    axes[-1].set_xticks(years)
    axes[-1].set_xlim(years[0] - 0.45, years[-1] + 0.3)
    return fig


def _bar_panels(fig, x, top: np.ndarray, bottom: np.ndarray, top_key: str, bottom_key: str, lang: str,
                counts: bool, xticks=None):
    """Two stacked panels over the same years: ``top`` as bars, ``bottom`` as a line with
    markers (different units, so never one axis)."""
    upper, lower = fig.subplots(2, 1, sharex=True)
    upper.bar(x, top, color=PALETTE[0], label=label(top_key, lang))
    lower.plot(x, bottom, **SERIES[1])
    for ax, key in ((upper, top_key), (lower, bottom_key)):
        _panel_ylabel(ax, label(key, lang))
        if counts:
            _count_axis(ax.yaxis, lang)
        else:
            local_numbers(ax.yaxis, lang)
        ax.set_ylim(bottom=0, top=max(ax.get_ylim()[1], 1) * 1.08)
    lower.set_xlabel(label("year", lang))
    lower.set_xticks(x if xticks is None else xticks)
    return upper, lower


def entikong_batches(summary: pd.DataFrame, lang: str):
    """Batches found per year (bars, top panel) and persons in them (line, bottom panel)."""
    fig = new_figure(7.2, 4.8)
    _bar_panels(fig, summary["year"].to_numpy(), summary["batches_found"].to_numpy(dtype=float),
                summary["persons"].to_numpy(dtype=float), "batches_found", "persons_in_batches", lang, counts=True)
    return fig


def remittances(share: pd.DataFrame, lang: str):
    """WDI remittances (billion US$, bars, top panel) and their share of GDP (%, line, bottom panel)."""
    fig = new_figure(7.2, 4.8)
    years = share["year"].to_numpy()
    _bar_panels(fig, years, share["remittances_usd"].to_numpy(dtype=float) / 1e9,
                share["share_pct"].to_numpy(dtype=float), "remittances_busd", "remittances_pct_gdp", lang,
                counts=False, xticks=years[::2])
    return fig


def _legend_above(ax) -> None:
    """The legend just above the plot, where a title would be: clear of every interval and
    of the source line (constrained layout makes room for it). Side by side when the entries
    are short, stacked when one is long enough to run past the figure's edge."""
    longest = max(len(text) for text in ax.get_legend_handles_labels()[1])
    ax.legend(fontsize=7, loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=2 if longest < 40 else 1)


def _interval_limits(ax, low: np.ndarray, high: np.ndarray) -> None:
    """x limits that hold every interval with its caps and 0, plus a margin (an interval ending
    at 0 is drawn whole, not cut by the axis)."""
    lo, hi = float(np.nanmin(low)), float(np.nanmax(high))
    pad = 0.04 * (hi - lo if hi > lo else 1.0)
    ax.set_xlim(min(lo, 0.0) - pad, max(hi, 0.0) + pad)


def _group_sizes(part: pd.DataFrame, indicator: str, lang: str) -> str:
    """The second line of a shares row: the unweighted n of each group for that indicator, as the
    comparison table gives it (n differs between items: those with an answer on the item)."""
    n = part[part["indicator"] == indicator].set_index("group")["n_unweighted"]
    return label("shares_row_n", lang).format(**{g: number_text(int(n[g]), lang) for g in ("migrant", "non_migrant")})


def group_shares(table: pd.DataFrame, lang: str):
    """Weighted shares (%) with 95 % design-based CIs, migrant vs non-migrant, per indicator,
    one panel per survey (its name and month as the panel's label: Susenas and Sakernas count
    different people at different dates), each row with the n of both groups.
    ``table``: columns dataset, indicator, group, share_weighted, ci_low, ci_high, n_unweighted."""
    return _shares_panels(table, lang, lambda i: label(i, lang), lambda d: label(f"survey_{d}", lang))


def licensed_shares(comparison: pd.DataFrame, lang: str):
    """Notebook 08's shares (%) with their 95 % design-based CIs, migrant vs non-migrant, one
    row per item, one panel per migrant definition (named as the map names it), each row with
    the n of both groups: what a reader of C5 and C6 wants to see. ``comparison``: the table of
    :func:`kalbar_border.finance.licensed.comparison` (shares as fractions 0-1)."""
    long = pd.concat([pd.DataFrame({"dataset": comparison["definition"], "indicator": comparison["indicator"],
                                    "group": group, "share_weighted": comparison[f"share_{group}"],
                                    "ci_low": comparison[f"ci_low_{group}"], "ci_high": comparison[f"ci_high_{group}"],
                                    "n_unweighted": comparison[f"n_{group}"]}) for group in ("migrant", "non_migrant")])

    def item(name: str) -> str:
        # an investment type is named by its code: its words are the researcher's, in the map
        return (label(f"licensed_item_{name}", lang) if not name.startswith("investment_type_")
                else label("licensed_item_investment_type", lang).format(code=name.removeprefix("investment_type_")))

    return _shares_panels(long, lang, item, lambda d: d)


def _shares_panels(table: pd.DataFrame, lang: str, row_label, panel_label):
    """The figure of :func:`group_shares`: ``row_label(indicator)`` and ``panel_label(dataset)``
    name its rows and panels."""
    surveys = list(dict.fromkeys(table["dataset"]))
    rows = {d: list(dict.fromkeys(table.loc[table["dataset"] == d, "indicator"])) for d in surveys}
    ratios = [len(rows[d]) + 0.6 for d in surveys]
    height = 0.6 * len(table["indicator"].unique()) + 0.35 * len(surveys) + 1.4
    fig = new_figure(7.2, height)
    axes = fig.subplots(len(surveys), 1, sharex=True, squeeze=False, gridspec_kw={"height_ratios": ratios})[:, 0]
    lows, highs = [], []
    for ax, dataset, ratio in zip(axes, surveys, ratios):
        part = table[table["dataset"] == dataset]
        indicators = rows[dataset]
        y = np.arange(len(indicators))
        for offset, group, look in ((-0.18, "migrant", SERIES[1]), (0.18, "non_migrant", SERIES[0])):
            cells = part[part["group"] == group].set_index("indicator").reindex(indicators)
            share = cells["share_weighted"].to_numpy(dtype=float) * 100
            low, high = cells["ci_low"].to_numpy(dtype=float) * 100, cells["ci_high"].to_numpy(dtype=float) * 100
            lows.append(low), highs.append(high)
            ax.errorbar(share, y + offset, xerr=np.vstack([share - low, high - share]), fmt=look["marker"],
                        # one legend (above the top panel) names the groups for every panel
                        color=look["color"], capsize=2, label=label(group, lang) if ax is axes[0] else "_nolegend_")
        ax.set_yticks(y, [f"{row_label(i)}\n{_group_sizes(part, i, lang)}" for i in indicators])
        ax.set_ylim(len(indicators) - 0.5, -0.5)  # first indicator on top, half a row of room at each end
        # the panel's share of the plotting height (legend, x axis and source line take about 1.6 in)
        _panel_ylabel(ax, panel_label(dataset), (height - 1.6) * ratio / sum(ratios))
    axes[-1].set_xlabel(label("share_pct", lang))
    local_numbers(axes[-1].xaxis, lang)
    _interval_limits(axes[-1], np.concatenate(lows), np.concatenate(highs))
    _legend_above(axes[0])
    return fig


def forest(effects: pd.DataFrame, lang: str):
    """Adjusted average marginal effects (percentage points) with 95 % CIs per indicator.
    ``effects``: columns indicator, ame, ame_ci_low, ame_ci_high (fractions) and few_events;
    few-event rows are drawn as open grey circles, with a legend entry (above the plot)
    saying they are not read as evidence."""
    fig = new_figure(7.2, 0.5 * len(effects) + 1.8)
    ax = fig.add_subplot()
    y = np.arange(len(effects))
    ame = effects["ame"].to_numpy() * 100
    low, high = effects["ame_ci_low"].to_numpy() * 100, effects["ame_ci_high"].to_numpy() * 100
    err = np.vstack([ame - low, high - ame])
    few = effects["few_events"].to_numpy(dtype=bool)
    ax.errorbar(ame[~few], y[~few], xerr=err[:, ~few], fmt="s", color=PALETTE[0], capsize=2,
                label=label("estimate_ci", lang))
    if few.any():
        ax.errorbar(ame[few], y[few], xerr=err[:, few], fmt="o", color="#888888", markerfacecolor="white",
                    capsize=2, label=label("few_events", lang))
    ax.axvline(0, color="#444444", linewidth=0.8)
    ax.set_yticks(y, [label(i, lang) for i in effects["indicator"]])
    ax.invert_yaxis()
    ax.set_xlabel(label("ame_pp", lang))
    local_numbers(ax.xaxis, lang)
    _interval_limits(ax, low, high)
    _legend_above(ax)
    return fig
