"""The one path resolver of the compendium.

Every location is derived from this file's position (``lib/kalbar_border/paths.py``), so
notebooks and tests run from any working directory and never touch ``sys.path``.

Three kinds of file are kept apart (Turing Way):

* read-only inputs: ``data/raw/`` and ``data/datapackage.json`` (committed), and the
  microdata cache (downloaded, never committed);
* human-written code and text: ``lib/``, ``notebooks/``, ``tests/``, ``claims.yml``;
* generated outputs: ``data/processed/``, ``results/``, ``figures/`` and ``build/``.

Generated outputs are written under :func:`output_root`: the repository, or the folder named
by ``COMPENDIUM_OUTPUT_DIR`` (the tests use a temporary one, so they never touch a user's
outputs). Raw inputs and code are always read from the repository.
"""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LIB = ROOT / "lib" / "kalbar_border"
NOTEBOOKS = ROOT / "notebooks"
DATA = ROOT / "data"
RAW = DATA / "raw"
RAW_SOURCES = RAW / "sources"
DATAPACKAGE = DATA / "datapackage.json"
TESTS = ROOT / "tests"
CLAIMS = ROOT / "claims.yml"

#: Where CI and our machines keep the microdata: ``../shared/data`` beside the checkout.
SHARED_DATA = ROOT.parent / "shared" / "data"


def output_root() -> Path:
    """Root under which generated outputs are written: the repository, or ``COMPENDIUM_OUTPUT_DIR``."""
    override = os.environ.get("COMPENDIUM_OUTPUT_DIR")
    return Path(override).resolve() if override else ROOT


def processed_dir() -> Path:
    return output_root() / "data" / "processed"


def results_dir() -> Path:
    return output_root() / "results"


def figures_dir() -> Path:
    return output_root() / "figures"


#: The files of one figure in one language: bitmap, vector, provenance sidecar.
FIGURE_EXTENSIONS = ("png", "svg", "pdf", "json")


def figure_files(name: str) -> list[str]:
    """File names in ``figures/`` of figure ``name``: every language, every extension."""
    from .figures.labels import LANGS

    return [f"{name}_{lang}.{ext}" for lang in LANGS for ext in FIGURE_EXTENSIONS]


def build_dir() -> Path:
    """Executed notebooks, their HTML, run records, the report and doit's record."""
    return output_root() / "build"


def cache_dir() -> Path:
    """Microdata cache: ``COMPENDIUM_DATA_DIR`` if set; else ``../shared/data`` beside the
    checkout when it holds the files (our machines and CI); else ``data/cache/`` (git-ignored),
    where downloads go. The Makefile exports the same choice, and a kernel started from
    JupyterLab without it makes the same choice here, so notebooks find the data either way.
    """
    override = os.environ.get("COMPENDIUM_DATA_DIR")
    if override:
        return Path(override).resolve()
    if any(SHARED_DATA.glob("*.rda")):
        return SHARED_DATA
    return DATA / "cache"


def relative(path: Path) -> str:
    """Path as shown to users and in manifests: relative to the repository when inside it."""
    path = Path(path).resolve()
    for base in (output_root(), ROOT):
        try:
            return path.relative_to(base).as_posix()
        except ValueError:
            continue
    return path.as_posix()


def portable(path: Path) -> str:
    """A path as recorded in generated files, with nothing of this machine in it: relative to
    the repository (or the output root), ``$COMPENDIUM_DATA_DIR/<name>`` in the microdata
    cache, else the file name alone (a file a parameter named, wherever the user keeps it)."""
    path = Path(path).resolve()
    for base in (output_root(), ROOT):
        if path.is_relative_to(base):
            return path.relative_to(base).as_posix()
    if path.is_relative_to(cache_dir()):
        return f"$COMPENDIUM_DATA_DIR/{path.relative_to(cache_dir()).as_posix()}"
    return path.name


def _git(*args: str) -> str | None:
    """A git command's output in the repository, or None outside a git checkout (or without git)."""
    try:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None


def git_commit() -> str:
    """The repository's current commit, or ``unknown`` outside a git checkout."""
    out = _git("rev-parse", "HEAD")
    return out.strip() if out else "unknown"


def git_tree_state() -> str:
    """``clean`` when the code, data and texts are as committed (no tracked file differs from the
    commit, no untracked file outside ``.gitignore``); ``modified`` otherwise; ``unknown``
    outside a git checkout. The outputs a run writes (``results/``, ``figures/``) are left out:
    ``make verify`` compares those with the commit."""
    out = _git("status", "--porcelain", "--untracked-files=normal", "--", ".", ":(exclude)results", ":(exclude)figures")
    return "unknown" if out is None else ("modified" if out.strip() else "clean")


def git_tracked(*folders: str) -> set[str] | None:
    """Files git tracks under ``folders`` (relative to the repository), or None outside a git
    checkout: the committed reference outputs, which no clean or tidy may delete."""
    out = _git("ls-files", "-z", "--", *folders)
    return None if out is None else {name for name in out.split("\0") if name}
