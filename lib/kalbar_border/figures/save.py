"""The one figure-saving function: :func:`save_figure` writes ``figures/<name>_<lang>.png``
(300 dpi), ``.svg`` and ``.pdf`` (vector, fonts embedded) with deterministic bytes (no dates, no
software versions, fixed SVG hash salt, axes positions rounded once laid out) and a sidecar ``<name>_<lang>.json`` recording title,
caption, source line, the source rows plotted, notebook, parameters, input hashes and git
commit; :func:`render_bilingual` draws and saves a figure in every language.
"""
from __future__ import annotations

import hashlib
import io
from pathlib import Path
from typing import Callable, Iterable

import matplotlib
import numpy as np
from matplotlib.figure import Figure
from matplotlib.transforms import Bbox

from .. import paths, precision
from ..atomic import sha256_file, write_bytes, write_json
from .labels import LANGS, label
from .style import DPI, SOURCE_FONTSIZE, STYLE, wrap_text


def input_hashes(inputs: Iterable[Path]) -> dict[str, str]:
    return {paths.portable(Path(p)): sha256_file(Path(p)) for p in sorted(map(Path, inputs))}


#: Bytes that would differ between runs or machines, left out of each format.
METADATA = {"png": {"Software": None}, "svg": {"Date": None, "Creator": None},
            "pdf": {"Creator": None, "Producer": None, "CreationDate": None}}


#: Decimals of the figure's width and height to which axes positions are rounded once laid
#: out: 1e-12 of a 7-inch figure is a billionth of a point, far below what any format shows.
POSITION_DECIMALS = 12


def _freeze_layout(fig: Figure) -> None:
    """Keep the layout the PNG draw computed, with the axes positions rounded, and drop the engine.

    Constrained layout (kiwisolver) can place the axes of two figures drawn alike in one process
    one or two units in the last place apart (kiwi#57). PNG and PDF round that away, but the SVG
    backend names each clip rectangle by hashing its unrounded coordinates, so the SVG bytes of
    the same figure differed between two saves. Rounded positions give the same names every time.
    """
    # None, not "none", whose placeholder still costs a layout draw: the SVG and PDF get the
    # same positions without another pass over every text extent.
    fig.set_layout_engine(None)
    for ax in fig.axes:
        ax.set_position(Bbox(np.round(ax.get_position().get_points(), POSITION_DECIMALS)))


def save_figure(fig: Figure, name: str, *, lang: str, notebook: str, parameters: dict,
                inputs: Iterable[Path], title: str, source_line: str, caption: str,
                source_rows: Iterable[str] = (), note: str = "") -> tuple[dict, bytes]:
    """Save ``fig`` as PNG, SVG and PDF plus a JSON sidecar; returns the sidecar record and the PNG bytes.

    ``source_line`` (publishers and datasets, briefly) is printed under the plot; ``title``
    and ``caption`` go to the sidecar and the report, not into the image. ``note``, when given,
    is printed just above the source line and kept in the sidecar: what a reader of the image
    alone must know and no series can show (a figure the paper gives but no source carries).
    ``source_rows`` are the ids of the source-table rows plotted (sidecar only); ``inputs`` are
    the data files the figure was computed from (hashed).
    """
    text = wrap_text(f"{label('source', lang)}: {source_line}", fig.get_figwidth(), SOURCE_FONTSIZE)
    if note:
        text = wrap_text(f"{label('note', lang)}: {note}", fig.get_figwidth(), SOURCE_FONTSIZE) + "\n" + text
    fig.text(0.01, 0.005, text, fontsize=SOURCE_FONTSIZE, ha="left", va="bottom", color="#444444")
    # Room for the source line: its lines at 1.3 line spacing, in figure-height fractions.
    reserved = (text.count("\n") + 1) * SOURCE_FONTSIZE * 1.3 / 72 / fig.get_figheight() + 0.01
    fig.get_layout_engine().set(rect=(0, reserved, 1, 1 - reserved))
    out = paths.figures_dir()
    stem = f"{name}_{lang}"
    written = {}
    with matplotlib.rc_context(STYLE):
        for ext, meta in METADATA.items():
            buf = io.BytesIO()
            fig.savefig(buf, format=ext, dpi=DPI, metadata=meta)
            written[ext] = buf.getvalue()
            write_bytes(out / f"{stem}.{ext}", written[ext])
            if ext == "png":
                _freeze_layout(fig)
    sidecar = {
        "figure": stem, "lang": lang, "title": title, "caption": caption, "source_line": source_line,
        "source_rows": sorted(set(source_rows)),
        # only when there is one, so the sidecars of figures without a note keep their bytes
        **({"note": note} if note else {}),
        "notebook": notebook, "parameters": parameters, "inputs": input_hashes(inputs),
        "files": {ext: {"path": f"figures/{stem}.{ext}", "sha256": hashlib.sha256(data).hexdigest()}
                  for ext, data in written.items()},
    }  # no commit id: the sidecar is a committed reference output, and build/manifest.json records the commit
    write_json(out / f"{stem}.json", precision.for_json(sidecar))
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


def _in(text, lang: str) -> str:
    """``text`` in ``lang``: a dict by language, a function of the language, or one string."""
    if isinstance(text, dict):
        return text[lang]
    return text(lang) if callable(text) else text


def render_bilingual(draw: Callable[[str], Figure], name: str, *, lang: str, title, source_line, caption,
                     note="", **save_kwargs) -> SavedFigure:
    """Draw and save the figure in every language; return the one in ``lang`` for display.

    ``draw(lang)`` builds a complete figure with labels from :func:`labels.label`;
    ``title``, ``source_line``, ``caption`` and ``note`` are given per language (``{"en": ..., "id": ...}``
    or a function of the language), so that each version, sidecar included, is in one language.
    Teachers get both versions from one run.
    """
    label("source", lang)  # validates LANG before any drawing
    return render_every_language(draw, name, title=title, source_line=source_line, caption=caption, note=note,
                                 **save_kwargs)[lang]


def render_every_language(draw: Callable[[str], Figure], name: str, *, title, source_line, caption, note="",
                          **save_kwargs) -> dict[str, SavedFigure]:
    """What :func:`render_bilingual` draws and saves, every language's figure: language -> figure."""
    saved = {}
    for each in LANGS:
        with matplotlib.rc_context(STYLE):
            fig = draw(each)
        _, png = save_figure(fig, name, lang=each, title=_in(title, each), source_line=_in(source_line, each),
                             caption=_in(caption, each), note=_in(note, each), **save_kwargs)
        saved[each] = SavedFigure(fig, paths.figures_dir() / f"{name}_{each}.png", png)
    return saved
