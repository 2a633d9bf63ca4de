"""Owns the command behind ``make reproduce`` (``python -m kalbar_border.workflow``): its
options, the run lock around doit, the one-line messages (doit's reporter), what it says on
success, failure and interruption, and refreshing the nbval golden copies.

What the pipeline knows of notebooks, its doit tasks and how one notebook is executed and
committed are in :mod:`kalbar_border.pipeline` (see its docstring).
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import time
from pathlib import Path

from . import atomic, errors, paths
from .errors import CompendiumError
from .figures.labels import label
from .pipeline import failures
from .pipeline.execute import clean_pending, listing, read_record, recover_commits
from .pipeline.lock import RunLock
from .pipeline.notebooks import (KERNEL, TIMEOUT, VARIANTS, discover, first_few, make_plan, parse_assignments, read_notebook,
                                 said, status_column)
from .pipeline.tasks import CURRENT, REPORT, doit_config, notebook_tasks, write_report


class RunReporter:
    """doit reporter: one line per notebook, failures in one line each (doit's own
    reporter prints tracebacks and captured output). A documented doit extension point:
    any class with the reporter methods, passed as ``DOIT_CONFIG['reporter']``."""

    desc = "one line per notebook"
    #: The reporter of the last run in this process, for what it saw (:func:`run`).
    last = None
    #: The language of the lines it writes: the run's LANG (set by :func:`_run` before doit starts).
    lang = "en"

    def __init__(self, outstream, options):
        self.outstream, self.failures, self.runtime_errors = outstream, [], []
        #: task -> done / up to date / failed / not run, in this run
        self.seen = {}
        RunReporter.last = self

    def write(self, text):
        self.outstream.write(text)
        self.outstream.flush()

    def initialize(self, tasks, selected_tasks):
        pass

    def get_status(self, task):
        pass

    def execute_task(self, task):
        self.write(f"{status_column('run_status_running', self.lang)}{task.name}\n")

    def add_failure(self, task, fail):
        if type(fail).__name__ == "UnmetDependency":
            self.seen[task.name] = "not run"
            self.write(f"{status_column('run_status_not_run', self.lang)}{task.name} {label('run_not_run_reason', self.lang)}\n")
            return
        self.seen[task.name] = "failed"
        # Our actions fail with TaskFailed and one line; anything else raised in an action is a
        # bug of ours: its last traceback line, plus the full text in build/failed/.
        message = " ".join(fail.message.split())
        if fail.traceback:
            message += ": " + "".join(fail.traceback).strip().splitlines()[-1]
            message += " " + failures.details(task.name, fail.get_msg()).said(self.lang)
        self.failures.append(f"{task.name}: {message}" if not message.startswith(task.name) else message)
        self.write(f"{status_column('run_status_failed', self.lang)}{task.name}\n")

    def add_success(self, task):
        self.seen[task.name] = "done"
        seconds = ""
        record = paths.build_dir() / "runs" / f"{task.name}.json"
        if task.name != "report" and record.is_file():
            seconds = f" ({json.loads(record.read_text()).get('seconds')} s)"
        self.write(f"{status_column('run_status_done', self.lang)}{task.name}{seconds}\n")

    def skip_uptodate(self, task):
        self.seen[task.name] = "up to date"
        self.write(f"{status_column('run_status_up_to_date', self.lang)}{task.name}\n")

    def skip_ignore(self, task):
        self.write(f"{status_column('run_status_ignored', self.lang)}{task.name}\n")

    def cleanup_error(self, exception):
        self.runtime_errors.append(" ".join(exception.get_msg().split()))

    def runtime_error(self, msg):
        self.runtime_errors.append(" ".join(str(msg).split()))

    def teardown_task(self, task):
        pass

    def complete_run(self):
        for line in self.failures + self.runtime_errors:
            sys.stderr.write(f"{label('error_prefix', self.lang)}: {line}\n")



#: The step named in the one line for a failure of the command itself (outside the notebooks).
RUN_STEP = "run"


class Interrupted(Exception):
    """Ctrl-C or SIGTERM during a run; the message says exactly which notebooks' outputs it replaced."""


#: The command's process: doit's worker processes (forked) inherit its signal handlers.
_MAIN_PID = os.getpid()


def _as_interrupt(signum, frame):
    # CI cancels a job with SIGTERM: the same clean stop as Ctrl-C, instead of dying mid-write.
    if os.getpid() != _MAIN_PID:
        # A doit worker between notebooks holds nothing to clean up (one running a notebook has
        # execute.py's handler instead): it leaves at once, without a traceback.
        os._exit(128 + signum)
    # Once only: the terminal signals every process, then doit terminates its workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    raise KeyboardInterrupt


def _after_interrupt(plan) -> str:
    """Once doit stopped: wait for its workers (each removes its pending files and stops its
    kernel), complete any commit cut short, then say which notebooks' outputs are new."""
    import multiprocessing

    for sig in (signal.SIGINT, signal.SIGTERM):  # a second signal must not cut this short
        signal.signal(sig, signal.SIG_IGN)
    # doit sent its workers SIGTERM once; one still removing its files ignores it, and then waits
    # for its next notebook: tell the remaining ones again until they are gone.
    deadline = time.monotonic() + 60
    while multiprocessing.active_children() and time.monotonic() < deadline:
        for child in multiprocessing.active_children():
            if child.pid:
                os.kill(child.pid, signal.SIGTERM)
        time.sleep(0.5)
    recover_commits()
    clean_pending()
    new = [nb.name for nb in plan.runnable if (read_record(nb.name) or {}).get("run") == plan.run_id]
    if not new:
        return label("run_interrupted_none_finished", plan.lang)
    return label("run_interrupted_new", plan.lang).format(notebooks=", ".join(new))


def _tidy(plan, echo) -> None:
    """Before doit runs: the outputs of notebooks skipped in this run (an earlier run's, with the
    microdata) are removed, so results/ holds nothing that is not current; files no notebook of
    this checkout declares or recorded (a removed notebook's, another branch's) are named once,
    and nothing reads them (results.json merges only this run's notebooks)."""
    root, declared, lang = paths.output_root(), plan.declared(), plan.lang
    # The committed references are never removed, whatever a record says (a run told to write
    # into the repository by COMPENDIUM_OUTPUT_DIR with the microdata missing).
    tracked = paths.git_tracked("results", "figures") if root == paths.ROOT else set()
    removed = []
    for nb in plan.skipped:
        record = read_record(nb.name)
        if record:
            for rel in record.get("outputs", []):
                # outside a git checkout (an archive of the compendium) every reference is kept
                reference = rel in tracked if tracked is not None else rel.startswith(("results/", "figures/"))
                if rel not in declared and not reference:
                    (root / rel).unlink(missing_ok=True)
            (paths.build_dir() / "runs" / f"{nb.name}.json").unlink(missing_ok=True)
            removed.append(nb.name)
    if removed:
        echo(status_column("run_status_removed", lang) + label("run_removed", lang).format(notebooks=", ".join(removed)))
    recorded = {rel for nb in plan.runnable for rel in (read_record(nb.name) or {}).get("outputs", [])}
    foreign = [rel for rel in listing() if rel not in declared and rel not in recorded
               and not Path(rel).name.startswith(".")]
    if foreign:
        echo(status_column("run_status_ignored", lang) + label("run_ignored", lang).format(
            files=first_few(foreign, 5, lang), folder=paths.relative(plan.notebooks[0].path.parent)))


def _missing_outputs(plan, seen: dict) -> list[str]:
    """After doit: every declared output of every notebook the run calls current must exist.
    One that is missing is an error, and its notebook's record goes, so it runs again."""
    root, errors = paths.output_root(), []
    for nb in plan.runnable:
        if seen.get(nb.name) not in CURRENT:
            continue
        missing = [rel for rel in plan.outputs(nb) + nb.build_files() if not (root / rel).is_file()]
        if missing:
            (paths.build_dir() / "runs" / f"{nb.name}.json").unlink(missing_ok=True)
            errors.append(label("run_missing_output", plan.lang).format(notebook=nb.name, files=", ".join(missing)))
    return errors


def _not_current(plan, seen: dict) -> list[str]:
    """Notebooks whose outputs were not made with this run's parameters (failed, not run, or
    left out by --only), each with the parameters its outputs belong to."""
    out, lang = [], plan.lang
    for nb in plan.runnable:
        record = read_record(nb.name)
        if seen.get(nb.name, "up to date") in CURRENT and record and record.get("parameters") == plan.params(nb):
            continue
        if record is None:
            out.append(label("run_stale_no_outputs", lang).format(notebook=nb.name))
            continue
        differ = {k: v for k, v in record.get("parameters", {}).items() if plan.params(nb).get(k) != v}
        key = "run_stale_failed" if seen.get(nb.name) == "failed" else "run_stale_not_run"
        values = ", ".join(f"{k}={v!r}" for k, v in differ.items()) or label("run_stale_this_run", lang)
        out.append(label(key, lang).format(notebook=nb.name, values=values))
    return out


#: Exit status of a run that built what it could but not every notebook it should have (the
#: microdata were missing): not a success, and not a failure of a notebook either.
PARTIAL = 3


def output_folder(plan) -> Path | None:
    """Where a run that does not make the reference outputs writes, or None for a reference run
    (and for any run told where to write by ``COMPENDIUM_OUTPUT_DIR``, as ``make verify`` and the
    tests do). ``results/`` and ``figures/`` hold the references committed with the code; only a
    run with the default parameters and data, all notebooks able to run, writes them."""
    if os.environ.get("COMPENDIUM_OUTPUT_DIR") or not plan.variant_reasons():
        return None
    return paths.ROOT / VARIANTS / plan.variant_name()


def run(overrides: dict | None = None, *, force: bool = False, only: list[str] | None = None, jobs: int | None = None,
        folder: Path | None = None, kernel: str = KERNEL, timeout: int = TIMEOUT, wait: bool = False,
        echo=print) -> int:
    """Run the pipeline (the ``make reproduce`` command); returns the exit status: 0 when every
    notebook ran, or was up to date, with this run's parameters and every one of its declared
    outputs exists; :data:`PARTIAL` when that holds for the notebooks that could run but others
    could not (microdata missing); doit's non-zero code when a notebook failed.

    A variant run (:func:`output_folder`) writes under ``build/variants/<name>/`` and leaves the
    reference outputs as they are. Raises :class:`Interrupted` on Ctrl-C or SIGTERM."""
    overrides = overrides or {}
    plan = make_plan(overrides, folder, kernel, timeout, echo)
    variant = output_folder(plan)
    if variant is None:
        return _run(plan, force, only, jobs, wait, echo)
    where = variant.relative_to(paths.ROOT).as_posix()
    from .figures.labels import LANGS

    # The reasons in every language too: the report of each language says them in its own.
    plan.variant = {"folder": where, "reasons": plan.variant_reasons(),
                    "reasons_said": {lang: plan.variant_reasons(lang) for lang in LANGS}}
    echo(status_column("run_status_variant", plan.lang)
         + label("run_variant", plan.lang).format(reasons="; ".join(plan.variant_reasons(plan.lang)), folder=where))
    os.environ["COMPENDIUM_OUTPUT_DIR"] = str(variant)
    try:
        return _run(plan, force, only, jobs, wait, echo)
    finally:
        del os.environ["COMPENDIUM_OUTPUT_DIR"]


def _run(plan, force: bool, only: list[str] | None, jobs: int | None, wait: bool, echo) -> int:
    from doit.cmd_base import ModuleTaskLoader
    from doit.doit_cmd import DoitMain

    jobs = jobs or os.cpu_count() or 1
    # Kernel connection files in build/, not in the shared runtime folder of the machine.
    os.environ["JUPYTER_RUNTIME_DIR"] = str(paths.build_dir() / "runtime")
    selected = []
    for name in only or []:
        match = [nb.name for nb in plan.runnable if nb.name == name or nb.name.startswith(f"{name}_")]
        if not match:
            raise CompendiumError(key="error_workflow_unknown_notebook", name=repr(name),
                                  notebooks=", ".join(nb.name for nb in plan.runnable))
        selected += match
    with RunLock(wait=wait):
        for name in recover_commits():
            echo(status_column("run_status_completed", plan.lang) + label("run_completed", plan.lang).format(notebook=name))
        clean_pending()
        _tidy(plan, echo)
        RunReporter.last, RunReporter.lang = None, plan.lang
        namespace = {"task_notebooks": lambda: notebook_tasks(plan),
                     "DOIT_CONFIG": doit_config(jobs, RunReporter, plan.lang)}
        argv = ["run", *(["--always-execute"] if force else []), *(selected or [])]
        try:
            code = DoitMain(ModuleTaskLoader(namespace)).run(argv)
        except KeyboardInterrupt:
            raise Interrupted(_after_interrupt(plan)) from None
        seen = RunReporter.last.seen if RunReporter.last else {}
        for line in _missing_outputs(plan, seen):
            print(f"{label('error_prefix', plan.lang)}: {line}", file=sys.stderr)
            code = code or 1
        stale = _not_current(plan, seen) if code or selected else []
        if (code or selected) and seen.get(REPORT) != "failed":
            # doit's report task runs only when every notebook is current: say what is not (unless
            # the report task itself failed: it would fail again, and say so twice).
            write_report(plan, seen)
    from .report import PAGES

    where, lang = (f"{plan.variant['folder']}/" if plan.variant else ""), plan.lang
    # The report to open first is the page of the run's language.
    outputs = label("run_outputs", lang).format(where=where, page=PAGES[lang])
    if code == 0 and plan.not_run:
        echo(label("run_partial", lang).format(notebooks=", ".join(nb.name for nb in plan.not_run), outputs=outputs,
                                               reason=said(plan.skip_reason(plan.not_run[0]), lang), status=PARTIAL))
        return PARTIAL
    if code == 0:
        if stale:
            echo(label("run_stale_note", lang).format(stale="; ".join(stale)))
        echo(label("run_done", lang).format(outputs=outputs))
    else:
        echo(label("run_stopped_stale", lang).format(stale="; ".join(stale)) if stale else label("run_stopped", lang))
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
            raise CompendiumError(key="error_workflow_golden_missing", path=paths.relative(executed))
        copy = nbformat.read(executed, as_version=4)
        copy.metadata.pop("papermill", None)
        for index, cell in enumerate(copy.cells):
            cell.metadata.pop("papermill", None)
            cell.metadata.pop("execution", None)
            # papermill gives each run fresh random cell ids; fixed ones keep a refresh's diff to outputs
            cell.id = f"cell-{index}"
        written.append(atomic.write_text(golden_dir / nb.path.name, nbformat.writes(copy) + "\n"))
    return written


def _seconds(text: str) -> int:
    if not (text.isdigit() and int(text) > 0):
        raise CompendiumError(key="error_workflow_timeout", text=repr(text))
    return int(text)


def _language(assignments: list[str]) -> str:
    """The language the run's own lines are said in: LANG= of the command line when it names a
    supported one (even if another parameter is refused), else English."""
    from .figures.labels import LANGS

    given = [item.partition("=")[2].strip("'\"") for item in assignments if item.startswith("LANG=")]
    return given[-1] if given and given[-1] in LANGS else "en"


def main(argv: list[str] | None = None) -> int:
    """The command; an error raised anywhere in the run (its kernels too) is said in its LANG."""
    with errors.messages_in(_language(list(sys.argv[1:] if argv is None else argv))):
        return _main(argv)


def _main(argv: list[str] | None) -> int:
    parser = argparse.ArgumentParser(
        prog="kalbar-run", description="Run the compendium's notebooks with doit (only what changed).",
        epilog="Parameters go to every notebook that declares them, e.g. ALPHA=0.01 LANG=id. "
               "See what would run: .venv/bin/doit list / doit info NOTEBOOK.")
    parser.add_argument("assignments", nargs="*", metavar="NAME=VALUE", help="parameter values")
    parser.add_argument("--force", action="store_true", help="run the selected notebooks (default: all) even if up to date")
    parser.add_argument("--only", action="append", metavar="NOTEBOOK",
                        help="run this notebook (and what it needs), e.g. --only 03; repeat for more")
    parser.add_argument("--jobs", type=int, default=None, help="notebooks run in parallel (default: number of cores)")
    parser.add_argument("--timeout", default=str(TIMEOUT),
                        help=f"seconds a cell may run before the notebook fails (default {TIMEOUT}; make reproduce TIMEOUT=...)")
    parser.add_argument("--wait", action="store_true", help="wait for another run of this checkout instead of stopping")
    parser.add_argument("--folder", type=Path, default=None, help="folder of the notebooks (default: notebooks/)")
    parser.add_argument("--golden", action="store_true", help="refresh tests/golden/ from build/notebooks/ and exit")
    args = parser.parse_args(argv)
    for sig in (signal.SIGINT, signal.SIGTERM):
        if signal.getsignal(sig) is not signal.SIG_IGN:  # `nohup`, `make test &`: keep what the caller chose
            signal.signal(sig, _as_interrupt)
    lang = _language(args.assignments)
    try:
        if args.golden:
            for path in write_golden():
                print(label("run_wrote", lang).format(path=paths.relative(path)))
            return 0
        return run(parse_assignments(args.assignments), force=args.force, only=args.only, jobs=args.jobs,
                   folder=args.folder, timeout=_seconds(args.timeout), wait=args.wait)
    except CompendiumError as exc:
        print(f"{label('error_prefix', lang)}: {exc.said(lang)}", file=sys.stderr)
        return 2
    except OSError as exc:  # a full disk or a read-only folder outside a notebook's task and the report
        print(f"{label('error_prefix', lang)}: {failures.os_error(RUN_STEP, exc).said(lang)}", file=sys.stderr)
        return 2
    except Interrupted as exc:  # its message is already in the run's language
        print(label("run_interrupted", lang).format(said=exc), file=sys.stderr)
        return 130
    except KeyboardInterrupt:  # before doit started, or after it finished: nothing was being replaced
        print(label("run_interrupted", lang).format(said=label("run_interrupted_idle", lang)), file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
