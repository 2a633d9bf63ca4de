"""Owns executing one notebook with papermill and committing its outputs.

While a notebook runs, :mod:`kalbar_border.atomic` writes every output to a pending file
beside its destination; when the notebook succeeded, each pending file replaces its
destination (``os.replace`` in the same folder, so symlinked folders on other filesystems
work), through a journal written first (:func:`_commit`), with Ctrl-C and SIGTERM held back
until the commit is done, and completed by the next run if the process died in it. A failed
notebook leaves every previous output as it was; a file it wrote under ``results/``,
``figures/`` or ``data/processed/`` without declaring it (found by listing those folders
before and after) fails it and is removed.
"""
from __future__ import annotations

import filecmp
import json
import os
import signal
import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .. import atomic, paths
from ..errors import CompendiumError, Said
from . import failures
from .lock import OUTPUT_FOLDERS as OUTPUT_ROOTS
from .notebooks import KERNEL, TIMEOUT, Notebook, cell_source, read_notebook

#: One BLAS/OpenMP thread per kernel: two kernels on two cores do not oversubscribe them,
#: and floating-point results (and figure bytes) do not depend on the number of jobs.
SINGLE_THREAD = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


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
                where = Said("error_execute_failed_copy", path=f"build/failed/{failed.name}")
                cell = _source_cell(nbformat.read(failed, as_version=4), exc.cell_index)
            detail = str(exc.evalue).splitlines()[0] if exc.evalue else ""
            raise CompendiumError(key="error_execute_cell_raised", notebook=nb.path.name, cell=cell, name=exc.ename,
                                  said=detail, where=where) from None
        except CellTimeoutError as exc:
            cell = _timed_out_cell(nb, str(exc))
            pending_nb.unlink(missing_ok=True)
            raise CompendiumError(key="error_execute_timeout", notebook=nb.path.name, cell=cell, timeout=timeout) from None
        except Exception as exc:  # the kernel did not start or died
            if attempt == 0:
                continue  # e.g. a port taken between choosing and binding it: try a new kernel once
            text = str(exc).splitlines()[0] if str(exc) else ""
            raise CompendiumError(key="error_execute_failed", notebook=nb.path.name, kind=type(exc).__name__,
                                  said=text) from None
        if not unexecuted_cells(executed):
            return executed
    raise CompendiumError(key="error_execute_no_counts", notebook=nb.path.name)


def _timed_out_cell(nb: Notebook, message: str) -> str:
    """Source number of the cell a ``CellTimeoutError`` was raised for: papermill saves no copy
    on a timeout, and nbclient's message holds the cell's source (or, for a long cell, its first
    and last five lines), so the cell is found by that preview ("?" when none matches)."""
    for number, cell in enumerate(read_notebook(nb.path)["cells"], start=1):
        if cell["cell_type"] != "code" or not cell_source(cell).strip():
            continue
        lines = cell_source(cell).strip().split("\n")
        preview = cell_source(cell) if len(lines) < 11 else f"{lines[:5]}\n...\n{lines[-5:]}"
        if f"\n{preview}\n" in message:
            return str(number)
    return "?"


def _portable_record(executed, nb: Notebook, pending_nb: Path, copy: str) -> None:
    """Rewrite papermill's record of where the notebook came from and went (absolute paths of
    this machine, the second one a pending file's) as paths in the project, and save the
    executed copy again: no generated file holds a path of the machine it ran on."""
    import nbformat

    record = executed.metadata.get("papermill", {})
    record.update(input_path=f"notebooks/{nb.path.name}", output_path=copy)
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


@dataclass
class Job:
    """What executing one notebook needs (picklable: doit sends it to a worker process)."""

    nb: Notebook
    params: dict
    outputs: list[str]
    #: Files the other notebooks of the run declare: never removed as this notebook's stale
    #: outputs, never counted as files it wrote without declaring them.
    others: list[str]
    kernel: str = KERNEL
    timeout: int = TIMEOUT
    run_id: str = ""
    #: (parameter, path) of the files the user supplied (microdata of another province, a
    #: licensed file and its map): their sha256 goes into the run record.
    supplied: tuple = ()
    #: The run's language (its LANG): a failure goes back to the command's reporter as a line in it.
    lang: str = "en"


#: Folders whose files a notebook may only create through its declared outputs.
WATCHED = ("results", "figures", "data/processed")


def listing() -> dict[str, tuple]:
    """Every file in the watched folders (relative name -> size, mtime, inode), except pending
    and temporary files of writes in progress."""
    root, found = paths.output_root(), {}
    for folder in WATCHED:
        for path in (root / folder).rglob("*") if (root / folder).is_dir() else []:
            if _temporary(path):
                continue
            try:
                if path.is_file():
                    st = path.stat()
                    found[f"{folder}/{path.relative_to(root / folder).as_posix()}"] = (st.st_size, st.st_mtime_ns, st.st_ino)
            except OSError:  # removed between listing and stat by a parallel notebook's commit
                continue
    return found


def _written_directly(before: dict, after: dict, declared: set) -> list[str]:
    """Files created or changed while the notebook ran, outside our writer (``to_csv('results/x.csv')``),
    and declared by no notebook of the run (the others commit theirs meanwhile)."""
    return sorted(rel for rel, state in after.items() if before.get(rel) != state and rel not in declared)


@contextmanager
def _first_signal_interrupts():
    """The first Ctrl-C or SIGTERM raises KeyboardInterrupt here; later ones (the terminal sends
    SIGINT to every process, then doit sends SIGTERM to its workers) are ignored, so they cannot
    cut short the removal of this notebook's pending files."""
    interrupted = []

    def interrupt(signum, frame):
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        interrupted.append(signum)
        raise KeyboardInterrupt

    saved = {sig: signal.signal(sig, interrupt) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    except CompendiumError:
        # papermill can turn the KeyboardInterrupt into an execution error: the run was still
        # interrupted, and the worker must stop rather than wait for its next notebook.
        if interrupted:
            raise KeyboardInterrupt from None
        raise
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)
    if interrupted:
        raise KeyboardInterrupt


@contextmanager
def _signals_deferred():
    """Ctrl-C and SIGTERM wait until the block is done: a commit is never cut in the middle.

    The signals are held by a Python handler, not a thread's signal mask: the OS may deliver a
    Ctrl-C to any thread that does not block it (zmq's I/O threads, a test runner's), and Python
    then runs the handler in the main thread, in the middle of the block. Once the block is done
    the first signal held is raised again under the handler that was in place before."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread can take signal handlers, and only it receives Python's
        return
    held = []
    saved = {sig: signal.signal(sig, lambda signum, frame: held.append(signum)) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)
    if held:
        signal.raise_signal(held[0])


def _same_outputs(nb: Notebook, first: str, other: str, lang: str) -> None:
    """The outputs the execution in ``lang`` (token ``other``) wrote are those of the first one
    (token ``first``), byte for byte, and then removed: a notebook's language chooses the words
    its cells show, never a number it writes."""
    ours, theirs = _pending_files(first), _pending_files(other)
    outputs = {rel for rel in ours if not rel.startswith("build/")}
    differ = sorted(rel for rel in outputs | {r for r in theirs if not r.startswith("build/")}
                    if rel not in ours or rel not in theirs or not filecmp.cmp(ours[rel], theirs[rel], shallow=False))
    for rel, pending in theirs.items():
        if not rel.startswith("build/"):
            pending.unlink(missing_ok=True)
    if differ:
        raise CompendiumError(key="error_execute_language_bytes", notebook=nb.path.name, lang=lang, files=", ".join(differ))


def execute_notebook(job: Job) -> dict:
    """Execute one notebook in every language (:attr:`Notebook.languages`) and commit its outputs;
    returns {absolute path: sha256}.

    The English execution writes the outputs; each other language's execution writes its own
    executed copy and page, and its outputs must be the same bytes (:func:`_same_outputs`).
    Raises :class:`CompendiumError` with one line naming the notebook and the source cell;
    on any failure no output is replaced and the pending files are removed.
    """
    from ..report import notebook_html, notebook_page

    nb, params = job.nb, job.params
    languages = nb.languages
    tokens = {lang: f"{os.getpid()}-{nb.name[:2]}" + ("" if i == 0 else f"-{lang}") for i, lang in enumerate(languages)}
    token = tokens[languages[0]]
    build = paths.build_dir()
    (build / "notebooks").mkdir(parents=True, exist_ok=True)
    (build / "runtime").mkdir(parents=True, exist_ok=True)
    saved = {var: os.environ.get(var) for var in (atomic.PENDING_ENV, *SINGLE_THREAD)}
    started = time.monotonic()
    with _first_signal_interrupts():
        try:
            before = listing()
            os.environ.update(dict.fromkeys(SINGLE_THREAD, "1"))
            try:
                executed = {}
                for lang in languages:
                    # The kernel inherits this environment: its writes go to pending files (see atomic).
                    os.environ[atomic.PENDING_ENV] = tokens[lang]
                    pending_nb = _pending(paths.output_root() / nb.executed_copy(lang), token)
                    given = {**params, "LANG": lang} if "LANG" in nb.defaults else params
                    with _stderr_to(build / "logs" / f"{nb.name}{'' if lang == languages[0] else '.' + lang}.log"):
                        executed[lang] = _execute(nb, given, pending_nb, job.kernel, job.timeout, tokens[lang])
                    _portable_record(executed[lang], nb, pending_nb, nb.executed_copy(lang))
                    if lang != languages[0]:
                        _same_outputs(nb, token, tokens[lang], lang)
                from ..figures.labels import LANGS

                # A page per language: from that language's execution, or from the one execution
                # of a notebook without LANG; written as pending files of the outputs' token.
                os.environ[atomic.PENDING_ENV] = token
                for lang in LANGS:
                    atomic.write_text(build / "html" / notebook_page(nb.name, lang),
                                      notebook_html(executed.get(lang, executed[languages[0]]), lang))
            finally:
                for var, value in saved.items():
                    if value is None:
                        os.environ.pop(var, None)
                    else:
                        os.environ[var] = value
                direct = _written_directly(before, listing(), set(job.outputs) | set(job.others))
                root = paths.output_root()
                for rel in direct:
                    (root / rel).unlink(missing_ok=True)
            if direct:
                raise CompendiumError(key="error_execute_wrote_directly", notebook=nb.path.name, files=", ".join(direct))
            return _commit(job, token, time.monotonic() - started)
        finally:
            # A journal means the commit began: its pending files are what the next run
            # completes it from (recover_commits), so they stay.
            if not _journal_path(nb.name).exists():
                leftovers = [pending for t in tokens.values() for pending in _pending_files(t).values()]
                for leftover in [*leftovers, _pending(_record_path(nb.name), token)]:
                    leftover.unlink(missing_ok=True)


def _record_path(name: str) -> Path:
    return paths.build_dir() / "runs" / f"{name}.json"


def _journal_path(name: str) -> Path:
    return paths.build_dir() / "commits" / f"{name}.json"


def read_record(name: str) -> dict | None:
    """A notebook's run record (``build/runs/<name>.json``): its parameters and outputs when it
    last succeeded; None when it never did (or the record is unreadable)."""
    try:
        record = json.loads(_record_path(name).read_text())
        return record if isinstance(record, dict) else None
    except (OSError, ValueError):
        return None


def _commit(job: Job, token: str, seconds: float) -> dict:
    """Check the notebook wrote exactly what it declares, then commit: the new run record is
    written as a pending file too, then a journal naming every replacement, stale file and the
    record (atomically), which is then applied and removed. Everything that needs disk space is
    written before the journal, so applying it only renames and removes files. A commit cut
    short (the process killed) is completed from its journal by the next run
    (:func:`recover_commits`), so each notebook's outputs are all old or all new."""
    nb = job.nb
    pending = _pending_files(token)
    expected = set(job.outputs) | {f for f in nb.build_files() if not f.startswith("build/runs/")}
    missing, extra = sorted(expected - set(pending)), sorted(set(pending) - expected)
    if missing or extra:
        key = "error_execute_missing_extra" if missing and extra else "error_execute_missing" if missing else "error_execute_extra"
        raise CompendiumError(key=key, notebook=nb.path.name, missing=", ".join(missing), extra=", ".join(extra))
    previous = (read_record(nb.name) or {}).get("outputs", [])
    # Outputs of earlier parameter values go; a file another notebook now declares stays.
    stale = sorted(set(previous) - expected - set(job.others))
    record = {"notebook": nb.path.name, "parameters": job.params, "outputs": sorted(expected),
              "seconds": round(seconds, 1), "run": job.run_id}
    if job.supplied:
        from ..data.microdata import supplied_record

        record["user_supplied"] = [supplied_record(parameter, path) for parameter, path in job.supplied]
    journal = _journal_path(nb.name)
    with _signals_deferred():
        atomic.write_json(_record_path(nb.name), record, pending=token)
        atomic.write_json(journal, {"notebook": nb.name, "replace": {rel: p.name for rel, p in pending.items()},
                                    "remove": stale, "record": _pending(_record_path(nb.name), token).name})
        _apply(journal)
    root = paths.output_root()
    return {str(root / rel): atomic.sha256_file(root / rel) for rel in sorted(expected)}


def _apply(journal: Path) -> str:
    """Carry out a commit journal (again, if it was cut short: every step can be repeated)."""
    entry = json.loads(journal.read_text())
    root, record = paths.output_root(), _record_path(entry["notebook"])
    for rel in entry["remove"]:
        (root / rel).unlink(missing_ok=True)
    # The record last: it says the outputs it lists are in place.
    moves = [((root / rel).with_name(name), root / rel) for rel, name in sorted(entry["replace"].items())]
    for pending, destination in moves + [(record.with_name(entry["record"]), record)]:
        if pending.exists():
            os.replace(pending, destination)
    journal.unlink()
    return entry["notebook"]


#: The step named in the one line when recovering from a killed run fails (a read-only folder).
RECOVERY = "recovery"


def recover_commits() -> list[str]:
    """Complete the commits a killed run left (under the run lock, before anything else);
    returns the notebooks completed. A journal that cannot be understood is dropped with the
    record of its notebook, so that notebook runs again; one that cannot be carried out (a
    folder made read-only) stops the run in one line and is kept for the next."""
    done = []
    try:
        for journal in sorted((paths.build_dir() / "commits").glob("*.json")):
            try:
                done.append(_apply(journal))
            except (ValueError, KeyError, TypeError):
                _record_path(journal.stem).unlink(missing_ok=True)
                journal.unlink(missing_ok=True)
    except OSError as exc:
        raise failures.os_error(RECOVERY, exc) from None
    return done


def execute_task(job: Job):
    """doit action: run the notebook; a failure is doit's ``TaskFailed`` with our one line."""
    from doit.exceptions import TaskFailed

    try:
        hashes = execute_notebook(job)
        record = _record_path(job.nb.name)
        return {"outputs": {**hashes, str(record): atomic.sha256_file(record)}}
    except CompendiumError as exc:
        return TaskFailed(exc.said(job.lang))
    except OSError as exc:  # a full disk, a read-only folder: before a journal, no output was replaced
        return TaskFailed(failures.os_error(job.nb.name, exc).said(job.lang))


def _temporary(path: Path) -> bool:
    """A pending output or run record (``.NAME.TOKEN.pending``) or the temporary file of an
    atomic write (``.NAME.XXXX.tmp``, :mod:`kalbar_border.atomic`): hidden, with our suffix."""
    return path.name.startswith(".") and path.name.endswith((".pending", ".tmp"))


def clean_pending() -> None:
    """Remove every temporary file a killed run left anywhere under ``results/``, ``figures/``,
    ``data/processed/`` and ``build/``, and its kernels' connection files. Called under the run
    lock after :func:`recover_commits` (which needs the pending files of a begun commit): only
    one run holds the lock, so none of these files belongs to a live run."""
    root = paths.output_root()
    try:
        for folder in OUTPUT_ROOTS:
            for stray in [p for p in (root / folder).rglob(".*") if _temporary(p) and not p.is_dir()] \
                    if (root / folder).is_dir() else []:
                stray.unlink(missing_ok=True)
        runtime = paths.build_dir() / "runtime"
        for stray in runtime.glob("kernel-*") if runtime.is_dir() else []:
            stray.unlink(missing_ok=True)
    except OSError as exc:
        raise failures.os_error(RECOVERY, exc) from None
