"""One figure style and the one figure-saving function.

Figures are built on :class:`matplotlib.figure.Figure` directly (no pyplot state), drawn
in the Okabe-Ito colour-blind-safe palette, with every axis labelled in its unit and a
source line under the plot. :func:`save_figure` writes ``figures/<name>_<lang>.png`` and
``.svg`` with deterministic bytes (no dates, no software versions, fixed SVG hash salt) and a
sidecar ``<name>_<lang>.json`` recording notebook, parameters, input hashes and git commit.
"""
from __future__ import annotations

import hashlib
import io
import textwrap
from pathlib import Path
from typing import Callable, Iterable

import matplotlib
from matplotlib.figure import Figure

from . import paths
from .atomic import sha256_file, write_bytes, write_json
from .labels import LANGS, label

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


#: The files of one figure in one language.
EXTENSIONS = ("png", "svg", "json")


def files(name: str) -> list[str]:
    """File names (in ``figures/``) that :func:`render_bilingual` writes for figure ``name``."""
    return [f"{name}_{lang}.{ext}" for lang in LANGS for ext in EXTENSIONS]


def input_hashes(inputs: Iterable[Path]) -> dict[str, str]:
    return {paths.relative(Path(p)): sha256_file(Path(p)) for p in sorted(map(Path, inputs))}


def save_figure(fig: Figure, name: str, *, lang: str, notebook: str, parameters: dict,
                inputs: Iterable[Path], source_line: str, caption: str) -> tuple[dict, bytes]:
    """Save ``fig`` as PNG and SVG plus a JSON sidecar; returns the sidecar record and the PNG bytes.

    ``source_line`` is printed under the plot; ``caption`` goes to the sidecar and the
    report. ``inputs`` are the data files the figure was computed from (hashed).
    """
    fig.text(0.01, 0.005, wrap_text(f"{label('source', lang)}: {source_line}", fig.get_figwidth(), SOURCE_FONTSIZE),
             fontsize=SOURCE_FONTSIZE, ha="left", va="bottom", color="#444444")
    fig.get_layout_engine().set(rect=(0, 0.05, 1, 0.95))
    out = paths.figures_dir()
    stem = f"{name}_{lang}"
    written = {}
    with matplotlib.rc_context(STYLE):
        for ext, meta in (("png", {"Software": None}), ("svg", {"Date": None, "Creator": None})):
            buf = io.BytesIO()
            fig.savefig(buf, format=ext, dpi=DPI, metadata=meta)
            written[ext] = buf.getvalue()
            write_bytes(out / f"{stem}.{ext}", written[ext])
            # Keep the layout the PNG draw computed and drop the engine (None, not "none",
            # whose placeholder still costs a layout draw): the SVG gets the same positions
            # without another pass over every text extent.
            fig.set_layout_engine(None)
    sidecar = {
        "figure": stem, "lang": lang, "caption": caption, "source_line": source_line,
        "notebook": notebook, "parameters": parameters, "inputs": input_hashes(inputs),
        "files": {ext: {"path": f"figures/{stem}.{ext}", "sha256": hashlib.sha256(data).hexdigest()}
                  for ext, data in written.items()},
        "git_commit": paths.git_commit(),
    }
    write_json(out / f"{stem}.json", sidecar)
    return sidecar, written["png"]


class SavedFigure:
    """A figure as saved: ``figure`` is the matplotlib Figure, ``png`` the bytes written to
    ``figures/``. In a notebook it displays those bytes at the figure's design width, so the
    reader sees exactly the saved file and the figure is not rendered a third time."""

    def __init__(self, figure: Figure, path: Path, png: bytes):
        self.figure, self.path, self.png = figure, path, png

    def __repr__(self) -> str:  # the text/plain form in notebooks: stable across runs
        return f"<figure {self.path.name}>"

    def _repr_mimebundle_(self, include=None, exclude=None):
        import base64

        width = round(self.figure.get_figwidth() * 100)  # pixels at 100 dpi, as an inline figure
        return ({"image/png": base64.b64encode(self.png).decode("ascii")},
                {"image/png": {"width": width}})


def render_bilingual(draw: Callable[[str], Figure], name: str, *, lang: str, **save_kwargs) -> SavedFigure:
    """Draw and save the figure in every language; return the one in ``lang`` for display.

    ``draw(lang)`` builds a complete figure with labels from :func:`labels.label`; teachers
    get both language versions from one run.
    """
    label("source", lang)  # validates LANG before any drawing
    shown = None
    for each in LANGS:
        with matplotlib.rc_context(STYLE):
            fig = draw(each)
        _, png = save_figure(fig, name, lang=each, **save_kwargs)
        if each == lang:
            shown = SavedFigure(fig, paths.figures_dir() / f"{name}_{each}.png", png)
    return shown
