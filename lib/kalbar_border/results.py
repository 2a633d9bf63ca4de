"""The one writer of findings: ``results/results.json`` (flat keys -> numbers) and its twin
``results/results_sources.json`` (key -> notebook and the source rows it rests on), plus
result tables as CSV.

Keys are dotted and flat (``border.bp2mi_complaints.2019``). Writes are atomic and guarded
by a lock file, so notebooks running in parallel never lose each other's keys, and the
JSON is sorted so equal results give equal bytes.
"""
from __future__ import annotations

import fcntl
import json
import math
import re
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from . import paths
from .atomic import write_json, write_text
from .errors import CompendiumError

if TYPE_CHECKING:  # pandas is imported by the functions that need it; the runner's no-op path does not
    import pandas as pd

_KEY = re.compile(r"^[a-z0-9_]+(\.[a-z0-9_\-]+)+$")


def results_file() -> Path:
    return paths.results_dir() / "results.json"


def sources_file() -> Path:
    return paths.results_dir() / "results_sources.json"


@contextmanager
def _locked():
    lock = paths.results_dir() / ".results.lock"
    lock.parent.mkdir(parents=True, exist_ok=True)
    with open(lock, "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _read(path: Path) -> dict:
    if not path.is_file():
        return {}
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def _clean(value):
    """Numbers as plain JSON numbers; NaN is not JSON, so a missing value is ``null``."""
    if value is None:
        return None
    if isinstance(value, (bool, str)):
        return value
    value = float(value)
    if math.isnan(value):
        return None
    return int(value) if value.is_integer() and abs(value) < 2**53 else value


def record(values: dict, *, notebook: str, sources: dict | None = None) -> dict:
    """Merge ``values`` (key -> number) into results.json; ``sources`` maps a key to the
    list of source row ids (e.g. ``["BS001", "BS004"]``) or file names it was computed from.

    Returns the cleaned values. Raises on a malformed key, so typos cannot create orphans.
    """
    sources = sources or {}
    bad = [k for k in list(values) + list(sources) if not _KEY.match(k)]
    if bad:
        raise CompendiumError(f"results key {bad[0]!r} is malformed; expected dotted lower-case like 'border.series.2019'")
    cleaned = {k: _clean(v) for k, v in values.items()}
    with _locked():
        current = _read(results_file())
        current.update(cleaned)
        write_json(results_file(), current)
        prov = _read(sources_file())
        for key in cleaned:
            prov[key] = {"notebook": notebook, "sources": sorted(map(str, sources.get(key, [])))}
        write_json(sources_file(), prov)
    return cleaned


def forget(notebook: str) -> int:
    """Drop every key a notebook recorded before, so a rerun of that notebook cannot leave
    stale keys behind; returns how many were dropped. Called by the runner."""
    with _locked():
        prov = _read(sources_file())
        stale = [k for k, v in prov.items() if v.get("notebook") == notebook]
        if stale:
            current = _read(results_file())
            for key in stale:
                current.pop(key, None)
                prov.pop(key)
            write_json(results_file(), current)
            write_json(sources_file(), prov)
    return len(stale)


def load_results() -> dict:
    """All recorded results (key -> value)."""
    return _read(results_file())


def load_sources() -> dict:
    return _read(sources_file())


def write_table(frame: pd.DataFrame, name: str) -> Path:
    """Write a table to ``results/<name>.csv`` atomically, floats with 10 significant digits
    so the bytes do not depend on platform repr quirks."""
    if not re.fullmatch(r"[a-z0-9_]+", name):
        raise CompendiumError(f"table name {name!r} must be lower-case letters, digits and underscores")
    text = frame.to_csv(index=False, lineterminator="\n", float_format="%.10g")
    return write_text(paths.results_dir() / f"{name}.csv", text)
