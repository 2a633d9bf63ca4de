"""The pipeline runner: executes ``notebooks/NN_*.ipynb`` in number order with papermill.

Guarantees:

* explicit kernel name (registered from the project's environment), working directory (the
  repository root) and per-notebook execution timeout;
* executed notebooks go to ``build/notebooks/`` and HTML to ``build/html/`` (converted from
  the executed copy with nbconvert, never executed twice); sources are never written;
* every generated output is written into a staging folder (``COMPENDIUM_OUTPUT_DIR``) that
  is promoted over ``results/``, ``figures/`` and ``data/processed/`` only when every notebook
  succeeded; a failed run leaves the last good outputs untouched, keeps the failed executed
  copy in ``build/failed/`` and exits non-zero naming notebook and cell;
* after each notebook, every code cell must carry an execution count (papermill can return
  an unexecuted notebook when kernels race for ports); such a notebook is retried once and
  then reported as failed, never accepted;
* a run manifest (``build/manifest.json``): per notebook its parameters, status, seconds,
  input file hashes, plus package versions and the git commit.
"""
from __future__ import annotations

import argparse
import ast
import json
import os
import shutil
import sys
import time
from importlib import metadata
from pathlib import Path

import nbformat

from . import paths, report, results
from .atomic import sha256_file, write_json, write_text
from .errors import CompendiumError
from .figures import git_commit

KERNEL = "kalbar-border"
TIMEOUT = 900  # seconds per cell; the slowest notebook needs well under a minute
PACKAGES = ("pandas", "numpy", "scipy", "statsmodels", "matplotlib", "papermill", "nbconvert", "nbformat",
            "ipykernel", "pyreadr", "pooch", "frictionless", "nbval", "pytest", "jupyterlab", "PyYAML")


def discover(folder: Path = paths.NOTEBOOKS) -> list[Path]:
    """Notebooks named ``NN_name.ipynb``, in number order."""
    found = sorted(p for p in Path(folder).glob("[0-9][0-9]_*.ipynb"))
    if not found:
        raise CompendiumError(f"{folder}: no notebooks named NN_*.ipynb")
    return found


def parameters_of(path: Path) -> dict:
    """The defaults in the notebook's single ``parameters`` cell (literal assignments)."""
    nb = nbformat.read(path, as_version=4)
    cells = [c for c in nb.cells if "parameters" in c.get("metadata", {}).get("tags", [])]
    if len(cells) != 1:
        raise CompendiumError(f"{paths.relative(path)}: expected exactly one cell tagged 'parameters', found {len(cells)}")
    params = {}
    for node in ast.parse(cells[0].source).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            params[node.targets[0].id] = ast.literal_eval(node.value)
    return params


def declared_inputs(path: Path) -> list[str]:
    """Input files a notebook declares in its metadata (``kalbar.inputs``, repo-relative)."""
    nb = nbformat.read(path, as_version=4)
    return list(nb.metadata.get("kalbar", {}).get("inputs", []))


def unexecuted_cells(nb) -> list[int]:
    """Indices of code cells with source but no execution count."""
    return [i for i, c in enumerate(nb.cells)
            if c.cell_type == "code" and c.source.strip() and c.get("execution_count") is None]


def package_versions() -> dict:
    versions = {"python": sys.version.split()[0]}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def _hash_inputs(rel_paths: list[str]) -> dict:
    out = {}
    for rel in rel_paths:
        path = paths.ROOT / rel
        out[rel] = sha256_file(path) if path.is_file() else "missing"
    return out


def _stage(staging: Path, dest: Path, fresh: bool) -> None:
    """Prepare the staging folder. A full run starts empty, so no stale output survives; a
    partial run starts from a copy of the last good outputs, which its notebooks may read."""
    if staging.exists():
        shutil.rmtree(staging)
    for rel in paths.GENERATED:
        src = dest / rel
        dst = staging / rel
        if src.is_dir() and not fresh:
            shutil.copytree(src, dst, ignore=shutil.ignore_patterns(".*.tmp", ".results.lock"))
        else:
            dst.mkdir(parents=True)
    (staging / "build" / "notebooks").mkdir(parents=True)
    (staging / "build" / "html").mkdir(parents=True)


def _promote(staging: Path, dest: Path) -> None:
    """Replace each generated folder by its staged version (rename, then drop the old)."""
    pairs = [(staging / rel, dest / rel) for rel in paths.GENERATED]
    pairs += [(staging / "build" / sub, dest / "build" / sub) for sub in ("notebooks", "html")]
    for src, dst in pairs:
        for stray in src.rglob(".results.lock"):
            stray.unlink()
        old = dst.with_name(f".{dst.name}.old")
        if old.exists():
            shutil.rmtree(old)
        dst.parent.mkdir(parents=True, exist_ok=True)
        if dst.exists():
            os.replace(dst, old)
        os.replace(src, dst)
        if old.exists():
            shutil.rmtree(old)


def _to_html(nb, target: Path) -> None:
    from nbconvert import HTMLExporter

    body, _ = HTMLExporter(template_name="lab").from_notebook_node(nb)
    write_text(target, body)


def _execute(source: Path, target: Path, params: dict, kernel: str, timeout: int):
    import papermill as pm

    return pm.execute_notebook(
        str(source), str(target), parameters=params, kernel_name=kernel, cwd=str(paths.ROOT),
        execution_timeout=timeout, start_timeout=120, progress_bar=False, log_output=False,
        report_mode=False,
    )


def run_one(source: Path, target: Path, params: dict, kernel: str = KERNEL, timeout: int = TIMEOUT, retries: int = 1):
    """Execute one notebook; returns the executed node. Raises CompendiumError naming the
    notebook and the failing cell."""
    import papermill as pm

    name = source.name
    for attempt in range(retries + 1):
        try:
            nb = _execute(source, target, params, kernel, timeout)
        except pm.PapermillExecutionError as exc:
            raise CompendiumError(
                f"{name}: cell {exc.cell_index} (execution {exc.exec_count}) raised {exc.ename}: "
                f"{str(exc.evalue).splitlines()[0] if exc.evalue else ''}"
            ) from None
        except Exception as exc:  # kernel could not start, timeout, dead kernel
            raise CompendiumError(f"{name}: execution failed: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}") from None
        missing = unexecuted_cells(nb)
        if not missing:
            return nb
    raise CompendiumError(f"{name}: cells {missing[:5]} came back without execution counts after {retries + 1} attempts")


def run(selected: list[Path] | None = None, overrides: dict | None = None, kernel: str = KERNEL,
        timeout: int = TIMEOUT, echo=print, dest: Path = paths.ROOT) -> dict:
    """Run the pipeline; returns the manifest. See the module docstring for guarantees.

    ``dest`` is where outputs are promoted (the repository; tests use a temporary folder).
    """
    notebooks = selected or discover()
    overrides = overrides or {}
    dest = Path(dest)
    staging = dest / "build" / "staging"
    _stage(staging, dest, fresh=selected is None)
    manifest = {"git_commit": git_commit(), "kernel": kernel, "packages": package_versions(), "notebooks": []}
    previous = os.environ.get("COMPENDIUM_OUTPUT_DIR")
    os.environ["COMPENDIUM_OUTPUT_DIR"] = str(staging)
    total = len(notebooks)
    try:
        for i, source in enumerate(notebooks, start=1):
            defaults = parameters_of(source)
            params = {k: v for k, v in overrides.items() if k in defaults}
            target = staging / "build" / "notebooks" / source.name
            results.forget(source.stem)
            started = time.monotonic()
            entry = {"notebook": source.name, "parameters": {**defaults, **params},
                     "inputs": _hash_inputs(declared_inputs(source))}
            try:
                nb = run_one(source, target, params, kernel, timeout)
            except CompendiumError as exc:
                seconds = time.monotonic() - started
                echo(f"[{i}/{total}] {source.name:<34} FAILED {seconds:6.1f} s")
                failed = dest / "build" / "failed"
                if failed.exists():
                    shutil.rmtree(failed)
                os.replace(staging, failed)
                entry.update(status="failed", seconds=round(seconds, 1), error=str(exc))
                manifest["notebooks"].append(entry)
                write_json(failed / "manifest.json", manifest)
                raise CompendiumError(
                    f"pipeline stopped at {exc}; outputs of the last good run are unchanged; "
                    f"executed copy kept in {failed / 'build' / 'notebooks' / source.name}"
                ) from None
            _to_html(nb, staging / "build" / "html" / source.with_suffix(".html").name)
            seconds = time.monotonic() - started
            entry.update(status="ok", seconds=round(seconds, 1))
            manifest["notebooks"].append(entry)
            echo(f"[{i}/{total}] {source.name:<34} ok     {seconds:6.1f} s")
    finally:
        if previous is None:
            os.environ.pop("COMPENDIUM_OUTPUT_DIR", None)
        else:
            os.environ["COMPENDIUM_OUTPUT_DIR"] = previous
    _promote(staging, dest)
    shutil.rmtree(staging, ignore_errors=True)
    write_json(dest / "build" / "manifest.json", manifest)
    if selected is None:  # the report describes a whole run, never a partial one
        report.write_index(dest, manifest)
    return manifest


GOLDEN = paths.TESTS / "golden"
NBVAL_TAG = "nbval-check-output"


def write_golden(executed_dir: Path = paths.BUILD / "notebooks", golden_dir: Path = GOLDEN) -> list[Path]:
    """Copy executed notebooks that have cells tagged ``nbval-check-output`` to
    ``tests/golden/`` for nbval (lax mode checks only those cells), without run metadata.

    Tag cells only in notebooks that run on their own (nbval reruns a golden copy in
    isolation, without the results earlier notebooks wrote)."""
    written = []
    for source in discover():
        nb = nbformat.read(source, as_version=4)
        if not any(NBVAL_TAG in c.metadata.get("tags", []) for c in nb.cells):
            continue
        executed = Path(executed_dir) / source.name
        if not executed.is_file():
            raise CompendiumError(f"{executed}: executed notebook missing; run `make reproduce` first")
        nb = nbformat.read(executed, as_version=4)
        nb.metadata.pop("papermill", None)
        for cell in nb.cells:
            cell.metadata.pop("papermill", None)
            cell.metadata.pop("execution", None)
        target = Path(golden_dir) / source.name
        write_text(target, nbformat.writes(nb) + "\n")
        written.append(target)
    return written


def _parse_overrides(items: list[str]) -> dict:
    out = {}
    for item in items:
        if "=" not in item:
            raise CompendiumError(f"parameter {item!r}: expected NAME=VALUE, e.g. LANG=id")
        key, raw = item.split("=", 1)
        try:
            out[key] = ast.literal_eval(raw)
        except (ValueError, SyntaxError):
            out[key] = raw  # bare words are strings: LANG=id
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kalbar-run", description="Run the compendium's notebooks in order.")
    parser.add_argument("notebooks", nargs="*", help="notebook files (default: all notebooks/NN_*.ipynb)")
    parser.add_argument("-p", "--param", action="append", default=[], metavar="NAME=VALUE",
                        help="override a parameter in every notebook that declares it (e.g. -p LANG=id)")
    parser.add_argument("--kernel", default=KERNEL)
    parser.add_argument("--timeout", type=int, default=TIMEOUT, help="seconds per cell")
    parser.add_argument("--golden", action="store_true", help="refresh tests/golden/ from build/notebooks/ and exit")
    args = parser.parse_args(argv)
    try:
        if args.golden:
            for path in write_golden():
                print(f"wrote {paths.relative(path)}")
            return 0
        selected = [Path(p).resolve() for p in args.notebooks] or None
        manifest = run(selected, _parse_overrides(args.param), args.kernel, args.timeout)
    except CompendiumError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    seconds = sum(n["seconds"] for n in manifest["notebooks"])
    print(f"done: {len(manifest['notebooks'])} notebooks in {seconds:.1f} s; "
          f"outputs in results/, figures/, data/processed/; open build/index.html first")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
