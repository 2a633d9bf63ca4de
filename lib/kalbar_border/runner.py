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
* kernels talk over Unix sockets of their own (:func:`kernels.kernel_manager`), so parallel kernels
  do not race for TCP ports; still, after each notebook every code cell must carry an
  execution count (papermill can return an unexecuted notebook when a kernel misbehaves);
  such a notebook is retried once and then reported as failed, never accepted;
* a run manifest (``build/manifest.json``): per notebook its parameters, status (``ok`` or
  ``reused``) and why it ran, seconds, input hashes, plus package versions and the git commit;
* a content-addressed cache (``build/cache.json``, keys from :mod:`kalbar_border.cache`):
  unchanged notebooks are reused, changed ones and their dependents rerun, independent
  notebooks run in parallel on the available cores;
* of the notebooks ready to run, the one heading the longest remaining chain (estimated
  from the seconds each took last time) starts first, so the critical chain never waits
  behind short independent notebooks;
* kernels are forked from one process per run that has imported the scientific stack
  (:mod:`kalbar_border.kernel_forks`), instead of each starting Python and importing it again;
  a worker does not wait for a finished kernel to exit, and one with more notebooks to run
  and an idle core beside it starts its next kernel while the current notebook runs
  (:mod:`kalbar_border.kernels`);
* every kernel runs with one BLAS/OpenMP thread: parallel kernels do not oversubscribe the
  cores, and the floating-point results (and figure bytes) do not depend on ``--jobs`` or
  on the machine's core count.
"""
from __future__ import annotations

import argparse
import functools
import ast
import json
import multiprocessing
import os
import shutil
import sys
import threading
import time
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from importlib import metadata
from pathlib import Path

from . import cache, kernel_forks, kernels, paths, results
from .atomic import write_json, write_text
from .errors import CompendiumError

KERNEL = "kalbar-border"
TIMEOUT = 900  # seconds per cell; the slowest notebook needs well under a minute
SINGLE_THREAD = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
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
    nb = cache.read_notebook(path)
    cells = [c for c in nb["cells"] if "parameters" in c.get("metadata", {}).get("tags", [])]
    if len(cells) != 1:
        raise CompendiumError(f"{paths.relative(path)}: expected exactly one cell tagged 'parameters', found {len(cells)}")
    params = {}
    for node in ast.parse(cache._source(cells[0])).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            params[node.targets[0].id] = ast.literal_eval(node.value)
    return params


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
    for sub in ("notebooks", "html"):  # executed copies of reused notebooks stay with their outputs
        src, dst = dest / "build" / sub, staging / "build" / sub
        if src.is_dir() and not fresh:
            shutil.copytree(src, dst)
        else:
            dst.mkdir(parents=True)


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


@functools.lru_cache(maxsize=1)
def _html_exporter():
    # One exporter for the run: a new one loads and compiles the lab template again, which
    # cost as much as converting a notebook.
    from nbconvert import HTMLExporter

    return HTMLExporter(template_name="lab")


def _to_html(executed: Path, target: Path) -> None:
    """HTML of an executed notebook (converted, never executed again)."""
    import nbformat

    body, _ = _html_exporter().from_notebook_node(nbformat.read(executed, as_version=4))
    write_text(target, body)


def _execute(source: Path, target: Path, params: dict, kernel: str, timeout: int, spare_next: bool = False):
    """papermill on one notebook, in a spare kernel started for it when one is waiting
    (:mod:`kalbar_border.kernels`); ``spare_next`` starts one for the next notebook."""
    import papermill as pm

    manager = kernels.manager_class(kernels.take_spare(kernel))
    hooks = {"on_notebook_start": kernels.start_spare_when_ready(kernel)} if spare_next else {}
    # request_save_on_cell_execute=False: papermill otherwise rewrites the whole notebook,
    # figures included, before and after every cell (about a second per full run). It is
    # written once at the end, or with the error when a cell raises; a kernel that dies or
    # times out leaves no executed copy, and the runner's message says so.
    try:
        return pm.execute_notebook(
            str(source), str(target), parameters=params, kernel_name=kernel, cwd=str(paths.ROOT),
            execution_timeout=timeout, start_timeout=120, progress_bar=False, log_output=False,
            report_mode=False, kernel_manager_class=manager, request_save_on_cell_execute=False, **hooks,
        )
    finally:
        kernels.release(manager)


def run_one(source: Path, target: Path, params: dict, kernel: str = KERNEL, timeout: int = TIMEOUT, retries: int = 1,
            spare_next: bool = False):
    """Execute one notebook; returns the executed node. Raises CompendiumError naming the
    notebook and the failing cell. ``spare_next``: more notebooks follow in this process, so
    start a kernel for the next one while this one runs."""
    import papermill as pm

    name = source.name
    for attempt in range(retries + 1):
        try:
            nb = _execute(source, target, params, kernel, timeout, spare_next=spare_next)
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


def _work(source: Path, target: Path, params: dict, kernel: str, timeout: int, env: dict, spare_next: bool) -> float:
    """Execute one notebook (runs in a worker process) with the runner's environment at the
    time of the call; returns seconds."""
    started = time.monotonic()
    os.environ.clear()
    os.environ.update(env)
    run_one(source, target, params, kernel, timeout, spare_next=spare_next)
    return time.monotonic() - started


def _exit_with_parent() -> None:
    """Worker initializer: end this worker when its parent is gone, the runner (forked
    workers) or the fork server, which exits with the runner; the runner was killed hard, so
    it could not shut its pool down, and an idle worker would otherwise wait on its task
    queue forever. Its kernels follow on their own: ipykernel's parent poller ends a kernel
    whose parent (this worker, or the zygote, which watches the runner) is gone."""
    parent = os.getppid()

    def watch():
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-runner", daemon=True).start()


def _worker_context():
    """How worker processes start.

    Forking is fastest and lets a plain script call :func:`run` without a ``__main__``
    guard, but a forked copy of a process that holds ZeroMQ threads (one that has run
    kernels itself: the benchmark, a test session after nbval, a notebook) can deadlock.
    So: fork while ZeroMQ has not been imported here; otherwise a fork server, a clean
    process with papermill already imported; where neither exists (Windows), spawn.
    Workers get the environment with each task (:func:`_work`), since a fork server keeps
    the one it started with.
    """
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and "zmq" not in sys.modules and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        # Not this module itself: under `python -m kalbar_border.runner` each worker runs it
        # again as its main module, and runpy warns when it was imported before.
        context.set_forkserver_preload(["papermill", "kalbar_border.cache", "kalbar_border.results"])
        return context
    return multiprocessing.get_context("spawn")


def _read_json(path: Path) -> dict:
    return json.loads(path.read_text()) if path.is_file() else {}


def _outputs_present(name: str, outputs: list[str], view: Path) -> bool:
    """The executed copy, every declared file, and (when it writes results) at least one
    results key recorded by this notebook are still there."""
    files = [o for o in outputs if not o.startswith(cache.RESULTS_PREFIX)]
    executed = view / "build" / "notebooks" / f"{name}.ipynb"
    if not executed.is_file() or not all(cache.resolve(o, view).is_file() for o in files):
        return False
    if len(files) < len(outputs):
        recorded = _read_json(view / "results" / "results_sources.json")
        return any(v.get("notebook") == name for v in recorded.values())
    return True


def run(selected: list[Path] | None = None, overrides: dict | None = None, kernel: str = KERNEL,
        timeout: int = TIMEOUT, echo=print, dest: Path = paths.ROOT, force: bool = False,
        jobs: int | None = None, folder: Path | None = None) -> dict:
    """Run the pipeline; returns the manifest. See the module docstring for guarantees.

    A notebook whose cache key (see :mod:`kalbar_border.cache`) equals the one recorded in
    ``build/cache.json`` and whose outputs exist is reused, not run; a change reruns it and,
    through the content of what it writes, whatever depends on it. ``force`` runs everything
    from an empty staging folder. Independent notebooks run in parallel, ``jobs`` at a time
    (default: the number of cores). ``dest`` is where outputs are promoted (the repository;
    tests and the benchmark use a temporary folder); ``folder`` holds the notebooks.
    """
    notebooks = selected or discover(folder or paths.NOTEBOOKS)
    overrides = overrides or {}
    dest = Path(dest)
    staging = dest / "build" / "staging"
    cache_file = dest / "build" / "cache.json"
    record = {} if force else _read_json(cache_file)
    specs = {p.stem: cache.declarations(p) for p in notebooks}
    deps = cache.dependencies(specs)
    sources = {p.stem: p for p in notebooks}
    lib, env = cache.lib_digest(), cache.environment_digest(kernel)
    manifest = {"git_commit": paths.git_commit(), "kernel": kernel, "packages": package_versions(), "notebooks": []}
    entries, new_record, running = {}, {}, {}
    view, pool, zygote, total, finished = dest, None, None, len(notebooks), 0
    saved_env = {var: os.environ.get(var) for var in ("COMPENDIUM_OUTPUT_DIR", kernel_forks.ENV, *SINGLE_THREAD)}
    # One BLAS thread per kernel: two kernels each spinning two OpenBLAS threads on two cores
    # ran the model notebook three times slower; and results do not depend on --jobs.
    os.environ.update(dict.fromkeys(SINGLE_THREAD, "1"))

    def line(name, status, seconds, why=""):
        echo(f"[{finished}/{total}] {sources[name].name:<34} {status:<6} {seconds:6.1f} s" + (f"  ({why})" if why else ""))

    workers = jobs or os.cpu_count() or 1
    to_convert: list[str] = []  # executed, HTML not yet written

    def convert_pending():
        while to_convert:
            name = to_convert.pop(0)
            _to_html(staging / "build" / "notebooks" / f"{name}.ipynb", staging / "build" / "html" / f"{name}.html")

    below = cache.dependents(deps)
    timings = {n: r.get("seconds") for n, r in _read_json(cache_file).items()}  # kept even when forced

    try:
        while len(entries) < total:
            ready = [n for n in sources if n not in entries and n not in running and deps[n] <= set(entries)]
            if ready:  # longest remaining chain first (see cache.remaining_path)
                costs = {n: cache.estimated_seconds(specs[n][0], view, timings.get(n)) for n in sources}
                chain = cache.remaining_path(costs, below)
                ready.sort(key=lambda n: -chain[n])
            reused = False
            for name in ready:
                source = sources[name]
                defaults = parameters_of(source)
                params = {k: v for k, v in overrides.items() if k in defaults}
                parts = cache.key_parts(source, {**defaults, **params}, view, kernel, lib, env)
                old = record.get(name, {})
                entry = {"notebook": source.name, "parameters": {**defaults, **params}, "inputs": parts["inputs"]}
                if (not force and old.get("key") == cache.key(parts)
                        and _outputs_present(name, specs[name][1], view)):
                    finished += 1
                    entries[name] = {**entry, "status": "reused", "seconds": 0.0, "reason": "unchanged"}
                    new_record[name] = old
                    line(name, "reused", 0.0)
                    reused = True
                    continue
                if len(running) >= workers:
                    continue  # wait for a free core; it may be reused next pass
                why = "forced" if force else cache.reasons(old.get("parts"), parts)
                if view is dest:  # first notebook to run: stage outputs, then start the workers
                    _stage(staging, dest, fresh=force and selected is None)
                    view = staging
                    os.environ["COMPENDIUM_OUTPUT_DIR"] = str(staging)
                    # Recompute with the staged view (same content; generated inputs now live there).
                    parts = cache.key_parts(source, {**defaults, **params}, view, kernel, lib, env)
                    zygote = kernel_forks.start()  # before the workers: they inherit its address
                    pool = ProcessPoolExecutor(max_workers=workers, mp_context=_worker_context(),
                                               initializer=_exit_with_parent)
                results.forget(name)
                # A spare kernel for this worker's next notebook, when a core is left idle by
                # the workers (a spare on a busy core only slows the notebooks running there)
                # and notebooks remain to be started after this one.
                spare_next = workers < (os.cpu_count() or 1) and total - len(entries) - len(running) - 1 > 0
                future = pool.submit(_work, source, staging / "build" / "notebooks" / source.name, params, kernel,
                                     timeout, dict(os.environ), spare_next)
                running[name] = (future, entry, parts, why)
            if reused:
                continue  # a reused notebook may have made others ready: look again before waiting
            convert_pending()  # HTML here, while the workers execute: dependents never wait for it
            if not running:
                if len(entries) < total:
                    raise CompendiumError(f"notebook dependencies form a cycle among {sorted(set(sources) - set(entries))}")
                break
            done, _ = wait([f for f, *_ in running.values()], return_when=FIRST_COMPLETED)
            for name in [n for n, (f, *_) in running.items() if f in done]:
                future, entry, parts, why = running.pop(name)
                finished += 1
                try:
                    seconds = future.result()
                except BrokenProcessPool:
                    exc = CompendiumError(f"{sources[name].name}: the worker process running it died (killed, out of "
                                          "memory, or started from a script read on standard input, where workers cannot start)")
                    seconds = None
                except CompendiumError as error:
                    exc, seconds = error, None
                if seconds is None:
                    line(name, "FAILED", 0.0)
                    for other, *_ in running.values():
                        other.cancel()
                    pool.shutdown(wait=True)
                    failed = dest / "build" / "failed"
                    if failed.exists():
                        shutil.rmtree(failed)
                    os.replace(staging, failed)
                    manifest["notebooks"] = [*entries.values(), {**entry, "status": "failed", "error": str(exc)}]
                    write_json(failed / "manifest.json", manifest)
                    executed = failed / "build" / "notebooks" / sources[name].name
                    kept = (f"executed copy kept in {executed}" if executed.is_file() else
                            "no executed copy (the kernel stopped before the notebook finished)")
                    raise CompendiumError(
                        f"pipeline stopped at {exc}; outputs of the last good run are unchanged; {kept}"
                    ) from None
                entries[name] = {**entry, "status": "ok", "seconds": round(seconds, 1), "reason": why}
                to_convert.append(name)
                new_record[name] = {"key": cache.key(parts), "parts": parts, "seconds": round(seconds, 1)}
                line(name, "ok", seconds, why)
        convert_pending()
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
        if zygote is not None:
            zygote.stop()
        for var, value in saved_env.items():
            if value is None:
                os.environ.pop(var, None)
            else:
                os.environ[var] = value
    manifest["notebooks"] = [entries[name] for name in sources]
    if view is not dest:
        _promote(staging, dest)
        shutil.rmtree(staging, ignore_errors=True)
    write_json(cache_file, {**record, **new_record})
    write_json(dest / "build" / "manifest.json", manifest)
    if selected is None and (view is not dest or not (dest / "build" / "index.html").is_file()):
        from . import report  # matplotlib and pandas: only when there is a report to write

        report.write_index(dest, manifest)  # the report describes a whole run, never a partial one
    return manifest


GOLDEN = paths.TESTS / "golden"
NBVAL_TAG = "nbval-check-output"


def write_golden(executed_dir: Path = paths.BUILD / "notebooks", golden_dir: Path = GOLDEN) -> list[Path]:
    """Copy executed notebooks that have cells tagged ``nbval-check-output`` to
    ``tests/golden/`` for nbval (lax mode checks only those cells), without run metadata.

    Tag cells only in notebooks that run on their own (nbval reruns a golden copy in
    isolation, without the results earlier notebooks wrote)."""
    import nbformat

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
    parser.add_argument("--force", action="store_true", help="ignore the cache and rerun every notebook from scratch")
    parser.add_argument("--jobs", type=int, default=None, help="notebooks run in parallel (default: number of cores)")
    parser.add_argument("--folder", type=Path, default=None, help="folder of the notebooks (default: notebooks/)")
    parser.add_argument("--dest", type=Path, default=paths.ROOT, help="where outputs go (default: the repository)")
    parser.add_argument("--golden", action="store_true", help="refresh tests/golden/ from build/notebooks/ and exit")
    args = parser.parse_args(argv)
    try:
        if args.golden:
            for path in write_golden():
                print(f"wrote {paths.relative(path)}")
            return 0
        selected = [Path(p).resolve() for p in args.notebooks] or None
        manifest = run(selected, _parse_overrides(args.param), args.kernel, args.timeout, force=args.force, jobs=args.jobs,
                       dest=args.dest, folder=args.folder)
    except CompendiumError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    ran = [n for n in manifest["notebooks"] if n["status"] == "ok"]
    print(f"done: {len(ran)} notebooks run, {len(manifest['notebooks']) - len(ran)} reused; "
          f"outputs in results/, figures/, data/processed/; open build/index.html first")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
