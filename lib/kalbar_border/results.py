"""The one writer of findings. Each notebook records its findings in its own file,
``results/<notebook>.json``: ``values`` (flat dotted key -> number) and ``sources`` (key ->
the source row ids or file names it was computed from). The claims notebook merges them into
``results/results.json`` and ``results/results_sources.json`` for readers. Result tables are
CSV files beside them.

Keys are dotted and flat (``border.bp2mi_complaints.2019``) and JSON is sorted, so equal
results give equal bytes. No notebook writes another's file, so parallel notebooks need no lock.
"""
from __future__ import annotations

import json
import numbers
import re
from pathlib import Path
from typing import TYPE_CHECKING

from . import paths, precision
from .atomic import write_json, write_text
from .errors import CompendiumError

if TYPE_CHECKING:  # pandas is imported by the functions that need it
    import pandas as pd

_KEY = re.compile(r"^[a-z0-9_]+(\.[a-z0-9_\-]+)+$")
_NOTEBOOK = re.compile(r"^[0-9]{2}_[a-z0-9_]+$")
#: What this kernel recorded so far, per notebook: a notebook may call :func:`record` more
#: than once, and its file holds everything it recorded.
_RECORDED: dict[str, dict] = {}


def notebook_file(notebook: str) -> Path:
    """``results/<notebook>.json``."""
    return paths.results_dir() / f"{notebook}.json"


def record(values: dict, *, notebook: str, sources: dict | None = None) -> dict:
    """Record ``values`` (key -> number, flag, text or list of them) of ``notebook`` in ``results/<notebook>.json``;
    ``sources`` maps a key to the list of source row ids (e.g. ``["BS001", "BS004"]``) or
    file names it was computed from. Returns the cleaned values.

    Numbers are rounded as every output is (:func:`kalbar_border.precision.for_json`), here
    rather than in the file alone, so a notebook that reads its own findings back from this
    kernel sees what a later notebook reads from the file. Raises on a malformed key or
    notebook name, so typos cannot create orphans.
    """
    if not _NOTEBOOK.match(notebook):
        raise CompendiumError(key="error_results_notebook_name", notebook=repr(notebook))
    sources = sources or {}
    bad = [k for k in list(values) + list(sources) if not _KEY.match(k)]
    if bad:
        raise CompendiumError(key="error_results_key", name=repr(bad[0]))
    cleaned = precision.for_json(dict(values))
    mine = _RECORDED.setdefault(notebook, {"values": {}, "sources": {}})
    mine["values"].update(cleaned)
    mine["sources"].update({k: sorted(map(str, sources.get(k, []))) for k in cleaned})
    write_json(notebook_file(notebook), mine)
    return cleaned


def _recorded(notebooks=None) -> dict[str, dict]:
    """notebook -> its findings: the files in ``results/`` of ``notebooks`` (default: those in
    ``notebooks/``) and, over them, what this kernel recorded (its own file may still be pending while the pipeline runs the notebook)."""
    if notebooks is None:
        # Only this checkout's notebooks: a file left by a removed notebook, or by one that
        # exists on another branch, is never merged into the findings the ledger reads.
        notebooks = {p.stem for p in paths.NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")}
    found = {p.stem: p for p in sorted(paths.results_dir().glob("[0-9][0-9]_*.json"))}
    data = {name: _read(path) for name, path in found.items() if name in notebooks}
    data.update({name: rec for name, rec in _RECORDED.items() if name in notebooks})
    return dict(sorted(data.items()))


def _read(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {"values": dict(data["values"]), "sources": dict(data["sources"])}
    except (ValueError, KeyError, TypeError) as exc:
        raise CompendiumError(key="error_results_unreadable", path=paths.relative(path), kind=type(exc).__name__) from None


def load_results(notebooks=None) -> dict:
    """Recorded results (key -> value) of ``notebooks`` (names; default: those in ``notebooks/``)."""
    return {k: v for rec in _recorded(notebooks).values() for k, v in rec["values"].items()}


def load_sources(notebooks=None) -> dict:
    """key -> {"notebook": name, "sources": [row ids]}, for the same notebooks as :func:`load_results`."""
    return {k: {"notebook": name, "sources": v} for name, rec in _recorded(notebooks).items()
            for k, v in rec["sources"].items()}


def write_merged(notebooks=None) -> list[Path]:
    """``results/results.json`` and ``results/results_sources.json``: every notebook's
    findings in one place (written by the claims notebook, after it recorded its own)."""
    folder = paths.results_dir()
    return [write_json(folder / "results.json", precision.for_json(load_results(notebooks))),
            write_json(folder / "results_sources.json", load_sources(notebooks))]


def write_table(frame: pd.DataFrame, name: str) -> Path:
    """Write a table to ``results/<name>.csv`` atomically, every float (in a float column or
    among the texts of an object column) written by :func:`kalbar_border.precision.csv_text`,
    so the bytes do not move with the last digits a CPU or BLAS kernel computes."""
    if not re.fullmatch(r"[a-z0-9_]+", name):
        raise CompendiumError(key="error_results_table_name", name=repr(name))
    frame = frame.copy()
    # to_csv's float_format reaches float columns only; a float among texts would be its repr.
    for column in frame.select_dtypes(include="object").columns:
        frame[column] = frame[column].map(_object_cell)
    text = frame.to_csv(index=False, lineterminator="\n", float_format=precision.csv_text)
    return write_text(paths.results_dir() / f"{name}.csv", text)


def _object_cell(value):
    """A cell of an object column: a float as :func:`kalbar_border.precision.csv_text` writes it,
    anything else (texts, integers, flags) as it is."""
    if isinstance(value, numbers.Real) and not isinstance(value, (numbers.Integral, bool)):
        return precision.csv_text(value)
    return value
