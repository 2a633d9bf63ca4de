"""The pipeline: doit tasks generated from what each notebook declares, and the command that runs them.

doit (https://pydoit.org) decides what is up to date, in what order and in parallel; this
module only tells it what each notebook reads and writes, and how to execute one notebook
with papermill. Each notebook ``notebooks/NN_name.ipynb`` declares in its metadata
(``kalbar``):

* ``inputs``: files it reads (raw tables, other notebooks' outputs such as
  ``results/02_border_series.json`` or the microdata extracts);
* ``outputs``: files it writes, with ``{PARAMETER}`` placeholders filled from its parameters;
* ``figures``: figure names (placeholders allowed); each is eight files (:func:`paths.figure_files`);
* ``microdata``: ``"optional"`` (runs without the BPS files, writing ``microdata_outputs`` only
  when they are there) or ``"required"`` (skipped, with a message, when they are missing).

From these, one task per notebook: ``file_dep`` = the notebook, its inputs, the microdata
files it reads, the library sources and the pinned requirements; ``targets`` = its outputs,
its executed copy, HTML and run record; ``uptodate`` = its parameters and the kernel
(``config_changed``) and that no output was changed by hand since it ran. A ``report`` task
writes ``build/index.html`` from the run records.

Outputs are committed per notebook: while a notebook runs, :mod:`atomic` writes every output
to a pending file beside its destination; when the notebook succeeded, each pending file
replaces its destination (``os.replace`` in the same folder, so symlinked folders on other
filesystems work). A failed notebook leaves every previous output as it was, and doit runs
it again next time. One run at a time holds ``build/.lock``.
"""
from __future__ import annotations

import argparse
import ast
import fcntl
import json
import os
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from . import atomic, paths
from .data.microdata import DATASETS, fetch
from .errors import CompendiumError

KERNEL = "kalbar-border"
TIMEOUT = 900  # seconds per cell; the slowest notebook needs well under a minute
#: One BLAS/OpenMP thread per kernel: two kernels on two cores do not oversubscribe them,
#: and floating-point results (and figure bytes) do not depend on the number of jobs.
SINGLE_THREAD = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
PACKAGES = ("pandas", "numpy", "scipy", "statsmodels", "matplotlib", "papermill", "nbconvert", "nbformat",
            "ipykernel", "jupyter_client", "pyreadr", "pooch", "frictionless", "nbval", "pytest", "jupyterlab",
            "PyYAML", "doit")
PATH_PARAMETERS = {"susenas": "SUSENAS_PATH", "sakernas": "SAKERNAS_PATH"}
#: Files whose change reruns every notebook: the pinned environment.
ENVIRONMENT_FILES = ("requirements.txt", "constraints.txt")


# --------------------------------------------------------------------------- notebooks


def read_notebook(path: Path) -> dict:
    """A notebook as plain JSON (nbformat's import alone costs more than a no-op run)."""
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CompendiumError(f"{path}: not a readable notebook ({type(exc).__name__})") from None


def cell_source(cell: dict) -> str:
    """A cell's source as one string (stored as a string or a list of lines)."""
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def parameter_cell(nb: dict, path: Path) -> tuple[int, dict]:
    """(index, cell) of the notebook's single cell tagged ``parameters``."""
    found = [(i, c) for i, c in enumerate(nb["cells"]) if "parameters" in c.get("metadata", {}).get("tags", [])]
    if len(found) != 1:
        raise CompendiumError(f"{paths.relative(path)}: expected exactly one cell tagged 'parameters', found {len(found)}")
    return found[0]


def parameters_of(nb: dict, path: Path) -> dict:
    """Defaults of the parameters cell: ``NAME = literal`` per line."""
    _, cell = parameter_cell(nb, path)
    params = {}
    for node in ast.parse(cell_source(cell)).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            params[node.targets[0].id] = ast.literal_eval(node.value)
    return params


@dataclass
class Notebook:
    """One notebook as the pipeline sees it (see the module docstring)."""

    path: Path
    defaults: dict
    inputs: list = field(default_factory=list)
    outputs: list = field(default_factory=list)
    figures: list = field(default_factory=list)
    microdata: str = "none"
    microdata_outputs: list = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.path.stem

    @classmethod
    def load(cls, path: Path) -> "Notebook":
        nb = read_notebook(path)
        meta = nb.get("metadata", {}).get("kalbar", {})
        spec = cls(Path(path), parameters_of(nb, path), list(meta.get("inputs", [])), list(meta.get("outputs", [])),
                   list(meta.get("figures", [])), meta.get("microdata", "none"), list(meta.get("microdata_outputs", [])))
        if spec.microdata not in ("none", "optional", "required"):
            raise CompendiumError(f"{paths.relative(path)}: metadata kalbar.microdata is {spec.microdata!r}; "
                                  "expected 'none', 'optional' or 'required'")
        return spec

    def fill(self, template: str, params: dict) -> str:
        """A declared path with its ``{PARAMETER}`` placeholders filled."""
        try:
            return template.format(**params)
        except (KeyError, IndexError, ValueError) as exc:
            raise CompendiumError(f"{paths.relative(self.path)}: declared path {template!r} names {exc} "
                                  "which is not one of its parameters") from None

    def declared_outputs(self, params: dict, with_microdata: bool) -> list[str]:
        """Output files (relative to the output root) for these parameter values."""
        out = [self.fill(t, params) for t in self.outputs]
        out += [f"figures/{f}" for name in self.figures for f in paths.figure_files(self.fill(name, params))]
        if with_microdata:
            out += [self.fill(t, params) for t in self.microdata_outputs]
        return out

    def build_files(self) -> list[str]:
        """What every run of the notebook writes under ``build/``."""
        return [f"build/notebooks/{self.name}.ipynb", f"build/html/{self.name}.html", f"build/runs/{self.name}.json"]


def discover(folder: Path | None = None) -> list[Notebook]:
    """Notebooks named ``NN_name.ipynb`` in ``folder`` (default ``notebooks/``), in number order."""
    folder = Path(folder or paths.NOTEBOOKS)
    found = sorted(folder.glob("[0-9][0-9]_*.ipynb"))
    if not found:
        raise CompendiumError(f"{folder}: no notebooks named NN_*.ipynb")
    return [Notebook.load(p) for p in found]


# --------------------------------------------------------------------------- parameters


def parse_assignments(items: list[str]) -> dict:
    """``["ALPHA=0.01", "LANG=id"]`` -> ``{"ALPHA": 0.01, "LANG": "id"}`` (bare words are strings)."""
    out = {}
    for item in items:
        name, sep, raw = item.partition("=")
        if not sep or not name.isidentifier():
            raise CompendiumError(f"parameter {item!r}: expected NAME=VALUE, e.g. LANG=id")
        try:
            out[name] = ast.literal_eval(raw)
        except (ValueError, SyntaxError):
            out[name] = raw
    return out


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_value(name: str, value) -> str | None:
    """Why ``value`` is not allowed for ``name`` (None when it is)."""
    if name == "LANG" and value not in ("en", "id"):
        return "allowed: en or id"
    if name == "ALPHA" and not (isinstance(value, (int, float)) and not isinstance(value, bool) and 0 < value < 1):
        return "allowed: a number between 0 and 1, e.g. 0.05"
    if name == "PROVINCE" and not (_is_int(value) or value == "all"):
        return "allowed: a BPS province code (a whole number, e.g. 61) or all"
    if name in ("FIRST_YEAR", "LAST_YEAR") and not _is_int(value):
        return "allowed: a whole number, e.g. 2019"
    if name in ("DOWNLOAD", "MICRODATA") and not isinstance(value, bool):
        return "allowed: True or False"
    if name == "DEFINITION":
        from .finance.variables import MIGRANT_DEFINITIONS  # pandas: only when a definition is chosen

        if value not in MIGRANT_DEFINITIONS:
            return "allowed: " + ", ".join(MIGRANT_DEFINITIONS)
    if name in PATH_PARAMETERS.values() and value is not None:
        if not isinstance(value, str) or not Path(value).is_file():
            return "allowed: None or the path of an existing .rda file"
    return None


def check_parameters(notebooks: list[Notebook], overrides: dict) -> None:
    """Stop with one line before anything runs when an override is unknown or not allowed."""
    declared = {name for nb in notebooks for name in nb.defaults}
    for name, value in overrides.items():
        if name not in declared:
            close = [d for d in sorted(declared) if d.lower() == name.lower()]
            hint = f"did you mean {close[0]}? " if close else ""
            raise CompendiumError(f"parameter {name}: no notebook declares it; {hint}known: {', '.join(sorted(declared))}")
        why = _check_value(name, value)
        if why:
            raise CompendiumError(f"parameter {name}={value!r} is not allowed; {why}")
    paths_given = [PATH_PARAMETERS[k] for k in PATH_PARAMETERS if overrides.get(PATH_PARAMETERS[k]) is not None]
    if len(paths_given) == 1:
        other = next(v for v in PATH_PARAMETERS.values() if v not in paths_given)
        raise CompendiumError(f"parameter {paths_given[0]} is given without {other}; give both .rda files or neither")
    for nb in notebooks:
        params = {**nb.defaults, **{k: v for k, v in overrides.items() if k in nb.defaults}}
        if {"FIRST_YEAR", "LAST_YEAR"} <= set(params) and params["FIRST_YEAR"] > params["LAST_YEAR"]:
            raise CompendiumError(f"parameters FIRST_YEAR={params['FIRST_YEAR']} and LAST_YEAR={params['LAST_YEAR']} "
                                  f"of {nb.path.name}: FIRST_YEAR must not be after LAST_YEAR")


# --------------------------------------------------------------------------- the plan


@dataclass
class Plan:
    """What a run does: notebooks with their parameters, and whether the microdata are there."""

    notebooks: list[Notebook]
    overrides: dict
    microdata: bool
    kernel: str = KERNEL
    timeout: int = TIMEOUT

    def params(self, nb: Notebook) -> dict:
        """The notebook's parameters: its defaults, the overrides it declares, and (when the
        microdata are missing) ``MICRODATA=False`` and the ledger restricted to what ran."""
        params = {**nb.defaults, **{k: v for k, v in self.overrides.items() if k in nb.defaults}}
        if "MICRODATA" in params and not self.microdata:
            params["MICRODATA"] = False
        if "RESULTS_FROM" in params and self.skipped:
            params["RESULTS_FROM"] = [n.name for n in self.runnable]
        return params

    @property
    def skipped(self) -> list[Notebook]:
        return [nb for nb in self.notebooks if nb.microdata == "required" and not self.microdata]

    @property
    def runnable(self) -> list[Notebook]:
        return [nb for nb in self.notebooks if nb not in self.skipped]

    def microdata_files(self, nb: Notebook) -> list[Path]:
        """The BPS files a notebook reads, by content: the cached files for notebook 01, the
        files a parameter names for 05-06."""
        params = self.params(nb)
        named = [Path(params[p]).resolve() for p in PATH_PARAMETERS.values() if params.get(p)]
        if named:
            return named
        if nb.microdata == "optional" and self.microdata:
            return [paths.cache_dir() / spec.filename for spec in DATASETS.values()]
        return []

    def outputs(self, nb: Notebook) -> list[str]:
        return nb.declared_outputs(self.params(nb), self.microdata)

    def inputs(self, nb: Notebook) -> list[str]:
        """Declared inputs, less what skipped notebooks would have written (the claims
        ledger then evaluates without the finance findings, and says so)."""
        absent = {o for other in self.skipped for o in self.outputs(other)}
        return [i for i in nb.inputs if i not in absent]


def microdata_status(overrides: dict, download: bool) -> tuple[bool, str]:
    """(available, message). Named files (``SUSENAS_PATH``/``SAKERNAS_PATH``) count as
    available; otherwise both files must be in the cache, or be downloaded now (sha256
    checked) when ``download``. The message names what is missing and how to provide it."""
    if all(overrides.get(p) for p in PATH_PARAMETERS.values()):
        return True, ""
    cache = paths.cache_dir()
    missing = [key for key, spec in DATASETS.items() if not (cache / spec.filename).is_file()]
    if missing and download:
        for key in list(missing):
            try:
                fetch(key)
                missing.remove(key)
            except CompendiumError:
                pass
    if not missing:
        return True, ""
    described = "; ".join(f"{DATASETS[k].filename} (sha256 {DATASETS[k].sha256}, from {DATASETS[k].mirror_url} "
                          f"or {DATASETS[k].cran_tarball})" for k in DATASETS)
    return False, (f"microdata not in {cache}: the finance notebooks are skipped. To run them, put {described} in "
                   "that folder, or set COMPENDIUM_DATA_DIR to a folder holding both")


# --------------------------------------------------------------------------- tasks


def _lib_sources() -> list[str]:
    return sorted(str(p) for p in paths.LIB.rglob("*") if p.suffix in (".py", ".json", ".yml") and p.is_file())


def _root(rel: str) -> str:
    """A path relative to the output root (generated) or the repository (human-written)."""
    if rel.startswith(("results/", "figures/", "data/processed/", "build/")):
        return str(paths.output_root() / rel)
    return str(paths.ROOT / rel)


def _hashes(files: list[str]) -> dict:
    return {f: atomic.sha256_file(Path(f)) for f in files if Path(f).is_file()}


def outputs_unchanged(task, values) -> bool:
    """doit ``uptodate`` check: every target still has the bytes the notebook wrote (a figure
    overwritten by hand, or a table edited, reruns the notebook)."""
    recorded = values.get("outputs")
    return bool(recorded) and recorded == _hashes(list(task.targets))


def notebook_tasks(plan: Plan):
    """One doit task per notebook of the plan, then the report task."""
    lib, env = _lib_sources(), [str(paths.ROOT / f) for f in ENVIRONMENT_FILES if (paths.ROOT / f).is_file()]
    records = []
    for nb in plan.runnable:
        params = plan.params(nb)
        outputs = plan.outputs(nb)
        targets = [_root(o) for o in outputs + nb.build_files()]
        records.append(targets[-1])
        yield {
            "basename": nb.name,
            "doc": f"run {nb.path.name} with papermill",
            "actions": [(execute_task, [nb, params, outputs, plan.kernel, plan.timeout])],
            "file_dep": [str(nb.path), *(_root(i) for i in plan.inputs(nb)), *map(str, plan.microdata_files(nb)), *lib, *env],
            "targets": targets,
            "uptodate": [_config(params, plan.kernel), outputs_unchanged],
            "verbosity": 0,
        }
    yield {
        "basename": "report",
        "doc": "write build/index.html, build/index.id.html and build/manifest.json from the notebooks' run records",
        "actions": [(write_report, [plan])],
        "file_dep": [*records, *lib],
        "targets": [str(paths.build_dir() / "index.html"), str(paths.build_dir() / "index.id.html"),
                    str(paths.build_dir() / "manifest.json")],
        "uptodate": [_config({"skipped": [nb.name for nb in plan.skipped],
                              "notebooks": [nb.name for nb in plan.notebooks]}, plan.kernel), outputs_unchanged],
        "verbosity": 0,
    }


def _config(values: dict, kernel: str):
    from doit.tools import config_changed

    return config_changed({"parameters": values, "kernel": kernel, "python": sys.version.split()[0]})


# --------------------------------------------------------------------------- one notebook


def _pending(path: Path, token: str) -> Path:
    return path.with_name(f".{path.name}.{token}.pending")


#: Folders (under the output root) that notebooks write to.
OUTPUT_FOLDERS = ("results", "figures", "data/processed", "build/notebooks", "build/html")


def _pending_files(token: str) -> dict[str, Path]:
    """Destination (relative to the output root, as declared) -> pending file of ``token``.
    Relative names are built from the folder names, never by resolving: a folder may be a
    symlink to another filesystem."""
    root = paths.output_root()
    found = {}
    for folder in OUTPUT_FOLDERS:
        for pending in (root / folder).glob(f".*.{token}.pending"):
            found[f"{folder}/{pending.name[1:-len(f'.{token}.pending')]}"] = pending
    return dict(sorted(found.items()))


def unexecuted_cells(nb) -> list[int]:
    """Indices of code cells with source but no execution count (a kernel that lost its
    messages can hand back a notebook papermill calls done)."""
    return [i for i, c in enumerate(nb.cells)
            if c.cell_type == "code" and c.source.strip() and c.get("execution_count") is None]


def _source_cell(executed, index: int) -> int:
    """1-based number in the source notebook of cell ``index`` of the executed copy, which
    has papermill's injected-parameters cell after the parameters cell (and, in the copy it
    saves after an error, its error-marker cells, which ``index`` does not count)."""
    cells = [c for c in executed.cells if "papermill-error-cell-tag" not in c.metadata.get("tags", [])]
    injected = [i for i, c in enumerate(cells) if "injected-parameters" in c.metadata.get("tags", [])]
    return index + 1 - (1 if injected and index > injected[0] else 0)


#: Longest Unix socket path (bytes) that every platform accepts.
SOCKET_PATH_MAX = 100


def _kernel_config(token: str):
    """Where the kernel's connection file and sockets go, set through traitlets config (the
    documented way to configure jupyter_client): ``build/runtime/kernel-<token>.json``, and Unix
    sockets beside it when their paths fit, so parallel kernels cannot race for TCP ports (TCP
    otherwise: a checkout deep in the file system)."""
    from traitlets.config import Config

    connection = paths.build_dir() / "runtime" / f"kernel-{token}.json"
    manager = {"connection_file": str(connection)}
    if len(str(connection.with_suffix(""))) + len("-ipc-65535") <= SOCKET_PATH_MAX:
        manager["transport"] = "ipc"
    return Config({"KernelManager": manager})


def _papermill(nb: Notebook, params: dict, output: Path, kernel: str, timeout: int, token: str):
    import papermill as pm

    # request_save_on_cell_execute=False: the executed copy is written once, at the end
    # (or with the error), instead of before and after every cell.
    return pm.execute_notebook(
        str(nb.path), str(output), parameters=params, kernel_name=kernel, cwd=str(paths.ROOT),
        execution_timeout=timeout, start_timeout=120, progress_bar=False, log_output=False,
        request_save_on_cell_execute=False, config=_kernel_config(token))


def _execute(nb: Notebook, params: dict, pending_nb: Path, kernel: str, timeout: int, token: str):
    """papermill on one notebook; one line naming notebook and source cell on failure."""
    import nbformat
    import papermill as pm
    from nbclient.exceptions import CellTimeoutError

    for attempt in range(2):
        try:
            executed = _papermill(nb, params, pending_nb, kernel, timeout, f"{token}-{attempt}")
        except pm.PapermillExecutionError as exc:
            failed = paths.build_dir() / "failed" / f"{nb.name}.ipynb"
            where, cell = "", exc.cell_index
            if pending_nb.is_file():
                failed.parent.mkdir(parents=True, exist_ok=True)
                os.replace(pending_nb, failed)
                where = f"; executed copy of this run: build/failed/{failed.name}"
                cell = _source_cell(nbformat.read(failed, as_version=4), exc.cell_index)
            detail = str(exc.evalue).splitlines()[0] if exc.evalue else ""
            raise CompendiumError(f"{nb.path.name}: cell {cell} raised {exc.ename}: {detail}{where}") from None
        except Exception as exc:  # the kernel did not start, timed out or died
            if attempt == 0 and not isinstance(exc, CellTimeoutError):
                continue  # e.g. a port taken between choosing and binding it: try a new kernel once
            text = str(exc).splitlines()[0] if str(exc) else ""
            raise CompendiumError(f"{nb.path.name}: execution failed ({type(exc).__name__}: {text}); "
                                  "no executed copy from this run") from None
        if not unexecuted_cells(executed):
            return executed
    raise CompendiumError(f"{nb.path.name}: cells came back without execution counts twice (the kernel "
                          "lost its messages)")


def _portable_record(executed, nb: Notebook, pending_nb: Path) -> None:
    """Rewrite papermill's record of where the notebook came from and went (absolute paths of
    this machine, the second one a pending file's) as paths in the project, and save the
    executed copy again: no generated file holds a path of the machine it ran on."""
    import nbformat

    record = executed.metadata.get("papermill", {})
    record.update(input_path=f"notebooks/{nb.path.name}", output_path=f"build/notebooks/{nb.path.name}")
    nbformat.write(executed, str(pending_nb))


@contextmanager
def _stderr_to(log: Path):
    """Standard error of this process, and so of the kernels it starts, to ``log``: the
    kernel's own log lines (jupyter_client interrupts a kernel before shutting it down, and
    ipykernel logs that as an ERROR) belong with the notebook, not on the user's terminal."""
    log.parent.mkdir(parents=True, exist_ok=True)
    sys.stderr.flush()
    saved = os.dup(2)
    with open(log, "w") as fh:
        os.dup2(fh.fileno(), 2)
    try:
        yield
    finally:
        sys.stderr.flush()
        os.dup2(saved, 2)
        os.close(saved)


def execute_notebook(nb: Notebook, params: dict, outputs: list[str], kernel: str = KERNEL,
                     timeout: int = TIMEOUT) -> dict:
    """Execute one notebook and commit its outputs; returns {absolute path: sha256}.

    Raises :class:`CompendiumError` with one line naming the notebook and the source cell;
    on any failure no output is replaced and the pending files are removed.
    """
    token = f"{os.getpid()}-{nb.name[:2]}"
    build = paths.build_dir()
    pending_nb = _pending(build / "notebooks" / f"{nb.name}.ipynb", token)
    pending_nb.parent.mkdir(parents=True, exist_ok=True)
    (build / "runtime").mkdir(parents=True, exist_ok=True)
    saved = {var: os.environ.get(var) for var in (atomic.PENDING_ENV, *SINGLE_THREAD)}
    started = time.monotonic()
    try:
        # The kernel inherits this environment: its writes go to pending files (see atomic).
        os.environ.update({atomic.PENDING_ENV: token, **dict.fromkeys(SINGLE_THREAD, "1")})
        try:
            with _stderr_to(build / "logs" / f"{nb.name}.log"):
                executed = _execute(nb, params, pending_nb, kernel, timeout, token)
            _portable_record(executed, nb, pending_nb)
            from .report import notebook_html

            atomic.write_text(build / "html" / f"{nb.name}.html", notebook_html(executed, params.get("LANG", "en")))
        finally:
            for var, value in saved.items():
                if value is None:
                    os.environ.pop(var, None)
                else:
                    os.environ[var] = value
        return _commit(nb, params, outputs, token, time.monotonic() - started)
    finally:
        for leftover in _pending_files(token).values():
            leftover.unlink(missing_ok=True)


def _commit(nb: Notebook, params: dict, outputs: list[str], token: str, seconds: float) -> dict:
    """Check the notebook wrote exactly what it declares, then move each pending file into place."""
    root = paths.output_root()
    pending = _pending_files(token)
    expected = set(outputs) | {f"build/notebooks/{nb.name}.ipynb", f"build/html/{nb.name}.html"}
    missing, extra = sorted(expected - set(pending)), sorted(set(pending) - expected)
    if missing or extra:
        said = "; ".join(([f"did not write {', '.join(missing)}"] if missing else []) +
                         ([f"wrote {', '.join(extra)}, which its metadata (kalbar) does not declare"] if extra else []))
        raise CompendiumError(f"{nb.path.name}: {said}; no output was replaced")
    record_path = paths.build_dir() / "runs" / f"{nb.name}.json"
    try:
        previous = json.loads(record_path.read_text()).get("outputs", [])
    except (OSError, ValueError, AttributeError):
        previous = []
    for stale in sorted(set(previous) - expected):  # outputs of earlier parameter values
        (root / stale).unlink(missing_ok=True)
    for rel, path in sorted(pending.items()):
        os.replace(path, root / rel)
    atomic.write_json(record_path, {"notebook": nb.path.name, "parameters": params, "outputs": sorted(expected),
                                    "seconds": round(seconds, 1)})
    return {str(root / rel): atomic.sha256_file(root / rel) for rel in sorted(expected)}


def execute_task(nb: Notebook, params: dict, outputs: list[str], kernel: str, timeout: int):
    """doit action: run the notebook; a failure is doit's ``TaskFailed`` with our one line."""
    from doit.exceptions import TaskFailed

    try:
        hashes = execute_notebook(nb, params, outputs, kernel, timeout)
    except CompendiumError as exc:
        return TaskFailed(str(exc))
    record = paths.build_dir() / "runs" / f"{nb.name}.json"
    return {"outputs": {**hashes, str(record): atomic.sha256_file(record)}}


def write_report(plan: Plan):
    """doit action: ``build/manifest.json`` and ``build/index.html`` from the run records."""
    from . import report

    build = paths.build_dir()
    entries = []
    for nb in plan.notebooks:
        record_path = build / "runs" / f"{nb.name}.json"
        if nb in plan.skipped:
            entries.append({"notebook": nb.path.name, "status": "skipped", "reason": "microdata missing",
                            "parameters": plan.params(nb), "outputs": []})
        elif record_path.is_file():
            entries.append({**json.loads(record_path.read_text()), "status": "current"})
    manifest = {"git_commit": paths.git_commit(), "kernel": plan.kernel, "packages": package_versions(),
                "parameters": plan.overrides, "microdata": plan.microdata, "notebooks": entries}
    atomic.write_json(build / "manifest.json", manifest)
    report.write_index(paths.output_root(), manifest)
    return {"outputs": _hashes([str(build / "index.html"), str(build / "index.id.html"), str(build / "manifest.json")])}


def package_versions() -> dict:
    from importlib import metadata

    versions = {"python": sys.version.split()[0]}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


# --------------------------------------------------------------------------- the command


class RunReporter:
    """doit reporter: one line per notebook, failures in one line each (doit's own
    reporter prints tracebacks and captured output). A documented doit extension point:
    any class with the reporter methods, passed as ``DOIT_CONFIG['reporter']``."""

    desc = "one line per notebook"

    def __init__(self, outstream, options):
        self.outstream, self.failures, self.runtime_errors = outstream, [], []

    def write(self, text):
        self.outstream.write(text)
        self.outstream.flush()

    def initialize(self, tasks, selected_tasks):
        pass

    def get_status(self, task):
        pass

    def execute_task(self, task):
        self.write(f"  running     {task.name}\n")

    def add_failure(self, task, fail):
        if type(fail).__name__ == "UnmetDependency":
            self.write(f"  not run     {task.name} (an earlier notebook failed)\n")
            return
        # Our actions fail with TaskFailed and one line; anything else raised in an action is a
        # bug of ours: its last traceback line, plus the full text in build/failed/.
        message = " ".join(fail.message.split())
        if fail.traceback:
            message += ": " + "".join(fail.traceback).strip().splitlines()[-1]
            log = paths.build_dir() / "failed" / f"{task.name}.log"
            atomic.write_text(log, fail.get_msg())
            message += f" (traceback in build/failed/{log.name})"
        self.failures.append(f"{task.name}: {message}" if not message.startswith(task.name) else message)
        self.write(f"  FAILED      {task.name}\n")

    def add_success(self, task):
        seconds = ""
        record = paths.build_dir() / "runs" / f"{task.name}.json"
        if task.name != "report" and record.is_file():
            seconds = f" ({json.loads(record.read_text()).get('seconds')} s)"
        self.write(f"  done        {task.name}{seconds}\n")

    def skip_uptodate(self, task):
        self.write(f"  up to date  {task.name}\n")

    def skip_ignore(self, task):
        self.write(f"  ignored     {task.name}\n")

    def cleanup_error(self, exception):
        self.runtime_errors.append(" ".join(exception.get_msg().split()))

    def runtime_error(self, msg):
        self.runtime_errors.append(" ".join(str(msg).split()))

    def teardown_task(self, task):
        pass

    def complete_run(self):
        for line in self.failures + self.runtime_errors:
            sys.stderr.write(f"error: {line}\n")


class RunLock:
    """``build/.lock``: one run per checkout. The holder's process id is written into the
    file; a second run stops at once with one line naming it (or waits, with ``wait``)."""

    def __init__(self, wait: bool = False):
        self.path, self.wait, self.handle = paths.build_dir() / ".lock", wait, None

    def __enter__(self):
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.handle = open(self.path, "a+")
        try:
            fcntl.flock(self.handle, fcntl.LOCK_EX | (0 if self.wait else fcntl.LOCK_NB))
        except BlockingIOError:
            self.handle.seek(0)
            holder = self.handle.read().strip() or "unknown"
            self.handle.close()
            raise CompendiumError(f"another run (process {holder}) holds build/{self.path.name}; "
                                  "wait for it to finish (or pass --wait), then run again") from None
        self.handle.seek(0)
        self.handle.truncate()
        self.handle.write(str(os.getpid()))
        self.handle.flush()
        return self

    def __exit__(self, *exc):
        self.handle.seek(0)
        self.handle.truncate()
        fcntl.flock(self.handle, fcntl.LOCK_UN)
        self.handle.close()


DEP_FILE = "doit-db.json"


def _dep_file() -> Path:
    """doit's record of what ran (JSON backend, readable); an unreadable one is set aside
    with a message, so the run starts afresh instead of ending in a traceback."""
    path = paths.build_dir() / DEP_FILE
    if path.is_file():
        try:
            json.loads(path.read_text() or "{}")
        except (ValueError, UnicodeDecodeError):
            path.replace(path.with_name(DEP_FILE + ".unreadable"))
            print(f"note: build/{DEP_FILE} was unreadable; set aside as build/{DEP_FILE}.unreadable, "
                  "every notebook runs again", file=sys.stderr)
    return path


def doit_config(plan_jobs: int) -> dict:
    return {"dep_file": str(_dep_file()), "backend": "json", "reporter": RunReporter, "num_process": plan_jobs,
            "par_type": "process", "verbosity": 0, "check_file_uptodate": "md5"}


def _clean_pending() -> None:
    """Pending files of a run that was killed (only one run holds the lock, so none is live)."""
    root = paths.output_root()
    for folder in OUTPUT_FOLDERS:
        for stray in (root / folder).glob(".*.pending"):
            stray.unlink(missing_ok=True)


def make_plan(overrides: dict, folder: Path | None = None, kernel: str = KERNEL, timeout: int = TIMEOUT,
              echo=print, download: bool = True) -> Plan:
    """Notebooks, checked parameters and microdata availability, before anything runs;
    ``download=False`` never tries the network for missing microdata."""
    notebooks = discover(folder)
    check_parameters(notebooks, overrides)
    download = download and overrides.get("DOWNLOAD", True)
    available, message = microdata_status(overrides, download) if overrides.get("MICRODATA", True) else (False, "")
    plan = Plan(notebooks, overrides, available, kernel, timeout)
    if plan.skipped:
        names = ", ".join(nb.name for nb in plan.skipped)
        echo(f"  skipped     {names}: " + (message or "MICRODATA=False"))
    return plan


def run(overrides: dict | None = None, *, force: bool = False, only: list[str] | None = None, jobs: int | None = None,
        folder: Path | None = None, kernel: str = KERNEL, timeout: int = TIMEOUT, wait: bool = False,
        echo=print) -> int:
    """Run the pipeline (the ``make reproduce`` command); returns doit's exit code (0: success)."""
    from doit.cmd_base import ModuleTaskLoader
    from doit.doit_cmd import DoitMain

    overrides = overrides or {}
    plan = make_plan(overrides, folder, kernel, timeout, echo)
    jobs = jobs or os.cpu_count() or 1
    # Kernel connection files in build/, not in the shared runtime folder of the machine.
    os.environ["JUPYTER_RUNTIME_DIR"] = str(paths.build_dir() / "runtime")
    selected = []
    for name in only or []:
        match = [nb.name for nb in plan.runnable if nb.name == name or nb.name.startswith(f"{name}_")]
        if not match:
            raise CompendiumError(f"notebook {name!r}: not among {', '.join(nb.name for nb in plan.runnable)}")
        selected += match
    with RunLock(wait=wait):
        _clean_pending()
        namespace = {"task_notebooks": lambda: notebook_tasks(plan), "DOIT_CONFIG": doit_config(jobs)}
        argv = ["run", *(["--always-execute"] if force else []), *(selected or [])]
        code = DoitMain(ModuleTaskLoader(namespace)).run(argv)
    if code == 0:
        echo("done: outputs in results/, figures/, data/processed/; open build/index.html first")
    else:
        echo("stopped: the notebooks listed as FAILED left their previous outputs untouched and run again next time")
    return code


def write_golden(golden_dir: Path | None = None) -> list[Path]:
    """Copy executed notebooks that have cells tagged ``nbval-check-output`` to
    ``tests/golden/`` for nbval (lax mode checks only those cells), without run metadata."""
    import nbformat

    golden_dir = Path(golden_dir or paths.TESTS / "golden")
    written = []
    for nb in discover():
        source = read_notebook(nb.path)
        if not any("nbval-check-output" in c.get("metadata", {}).get("tags", []) for c in source["cells"]):
            continue
        executed = paths.build_dir() / "notebooks" / nb.path.name
        if not executed.is_file():
            raise CompendiumError(f"{paths.relative(executed)}: executed notebook missing; run `make reproduce` first")
        copy = nbformat.read(executed, as_version=4)
        copy.metadata.pop("papermill", None)
        for index, cell in enumerate(copy.cells):
            cell.metadata.pop("papermill", None)
            cell.metadata.pop("execution", None)
            # papermill gives each run fresh random cell ids; fixed ones keep a refresh's diff to outputs
            cell.id = f"cell-{index}"
        written.append(atomic.write_text(golden_dir / nb.path.name, nbformat.writes(copy) + "\n"))
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="kalbar-run", description="Run the compendium's notebooks with doit (only what changed).",
        epilog="Parameters go to every notebook that declares them, e.g. ALPHA=0.01 LANG=id. "
               "See what would run: .venv/bin/doit list / doit info NOTEBOOK.")
    parser.add_argument("assignments", nargs="*", metavar="NAME=VALUE", help="parameter values")
    parser.add_argument("--force", action="store_true", help="run the selected notebooks (default: all) even if up to date")
    parser.add_argument("--only", action="append", metavar="NOTEBOOK",
                        help="run this notebook (and what it needs), e.g. --only 03; repeat for more")
    parser.add_argument("--jobs", type=int, default=None, help="notebooks run in parallel (default: number of cores)")
    parser.add_argument("--timeout", type=int, default=TIMEOUT, help="seconds per cell")
    parser.add_argument("--wait", action="store_true", help="wait for another run of this checkout instead of stopping")
    parser.add_argument("--folder", type=Path, default=None, help="folder of the notebooks (default: notebooks/)")
    parser.add_argument("--golden", action="store_true", help="refresh tests/golden/ from build/notebooks/ and exit")
    args = parser.parse_args(argv)
    try:
        if args.golden:
            for path in write_golden():
                print(f"wrote {paths.relative(path)}")
            return 0
        return run(parse_assignments(args.assignments), force=args.force, only=args.only, jobs=args.jobs,
                   folder=args.folder, timeout=args.timeout, wait=args.wait)
    except CompendiumError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted: outputs of notebooks that had not finished are unchanged", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
