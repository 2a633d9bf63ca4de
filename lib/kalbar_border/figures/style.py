"""The one figure style: figures built on :class:`matplotlib.figure.Figure` directly (no pyplot
state), in the Okabe-Ito colour-blind-safe palette, DejaVu Sans (shipped with matplotlib, so
the same glyphs on every machine), sizes in inches and points. Series differ by marker shape
and line style as well as colour (:data:`SERIES`), so they stay apart in greyscale print and
for readers with a colour-vision deficiency.
"""
from __future__ import annotations

import textwrap

import matplotlib
import matplotlib.ticker
from matplotlib.figure import Figure

from ..numbers import indonesian_number

#: Okabe & Ito (2008) palette: distinguishable under the common colour-vision deficiencies.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]

#: The look of the n-th series of a figure: colour, marker and line style all differ, because
#: in greyscale two of the palette's colours print alike and under deuteranopia orange and
#: vermillion both turn olive. Markers are drawn filled; open markers are kept for the paper's
#: claims and for rows not read as evidence.
SERIES = [
    {"color": PALETTE[0], "marker": "o", "linestyle": "-"},
    {"color": PALETTE[3], "marker": "s", "linestyle": "--"},
    {"color": PALETTE[2], "marker": "^", "linestyle": ":"},
    {"color": PALETTE[1], "marker": "v", "linestyle": "-."},
]

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
    "pdf.fonttype": 42,  # TrueType embedded, as journals ask (Type 3 fonts are refused by some)
    "path.simplify": True,
    # No automatic layout from a user's matplotlibrc: figures lay themselves out (constrained).
    "figure.autolayout": False,
    "figure.constrained_layout.use": False,
}

#: Resolution of the PNG files, in dots per inch (what journals ask of line art and charts).
DPI = 300
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
    # A little more than the default padding (0.04 in), so no label touches the figure's edge.
    fig.get_layout_engine().set(w_pad=0.08, h_pad=0.06)
    return fig


class _LocalNumbers(matplotlib.ticker.ScalarFormatter):
    """matplotlib's tick numbers, written the Indonesian way: comma for decimals, dot for
    thousands (``1.812``; ``0,5``). Only for value axes: a year is not a number with thousands."""

    def __call__(self, x, pos=None):
        return indonesian_number(super().__call__(x, pos))


def local_numbers(axis, lang: str) -> None:
    """Write the tick numbers of a value axis (``ax.yaxis``, ``ax.xaxis``) in ``lang``'s style."""
    if lang == "id":
        axis.set_major_formatter(_LocalNumbers())
