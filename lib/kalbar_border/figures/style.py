"""The one figure style: figures built on :class:`matplotlib.figure.Figure` directly (no pyplot
state), in the Okabe-Ito colour-blind-safe palette, DejaVu Sans (shipped with matplotlib, so
the same glyphs on every machine), sizes in inches and points.
"""
from __future__ import annotations

import textwrap

import matplotlib
from matplotlib.figure import Figure

#: Okabe & Ito (2008) palette: distinguishable under the common colour-vision deficiencies.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]

STYLE = {
    "font.family": "DejaVu Sans",  # shipped with matplotlib: same glyphs on every machine
    "font.size": 9,
    "axes.titlesize": 10,
    "axes.labelsize": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "legend.frameon": False,
    "axes.prop_cycle": matplotlib.cycler(color=PALETTE),
    "svg.hashsalt": "kalbar-border",  # fixed ids inside the SVG, so bytes do not vary per run
    "svg.fonttype": "path",
    "path.simplify": True,
    # No automatic layout from a user's matplotlibrc: figures lay themselves out (constrained).
    "figure.autolayout": False,
    "figure.constrained_layout.use": False,
}

DPI = 200
#: Font size of the source line under each plot, in points.
SOURCE_FONTSIZE = 6.5


def wrap_text(text: str, width_inches: float, fontsize: float) -> str:
    """``text`` broken into lines that fit ``width_inches`` at ``fontsize`` points.

    Wraps at word boundaries by character count, taking a DejaVu Sans character as 0.6 em
    wide on average (a little wider than its real average, so lines never overrun).
    Matplotlib's own ``wrap=True`` measures the rendered width of every candidate line on
    every draw, which cost a third of the time of saving a figure.
    """
    columns = max(20, int(width_inches * 72 / (0.6 * fontsize)))
    return textwrap.fill(text, columns, break_long_words=False, break_on_hyphens=False)


def new_figure(width: float = 7.0, height: float = 4.0) -> Figure:
    """A figure in the compendium style (size in inches)."""
    with matplotlib.rc_context(STYLE):
        fig = Figure(figsize=(width, height), layout="constrained")
    return fig


