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
import sys
from pathlib import Path

from . import atomic, paths
from .errors import CompendiumError
from .pipeline.execute import clean_pending
from .pipeline.lock import RunLock
from .pipeline.notebooks import KERNEL, TIMEOUT, discover, make_plan, parse_assignments, read_notebook
from .pipeline.tasks import doit_config, notebook_tasks


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
        clean_pending()
        namespace = {"task_notebooks": lambda: notebook_tasks(plan), "DOIT_CONFIG": doit_config(jobs, RunReporter)}
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
        for cell in copy.cells:
            cell.metadata.pop("papermill", None)
            cell.metadata.pop("execution", None)
        written.append(atomic.write_text(golden_dir / nb.path.name, nbformat.writes(copy) + "\n"))
    return written


def _seconds(text: str) -> int:
    if not (text.isdigit() and int(text) > 0):
        raise CompendiumError(f"TIMEOUT={text!r}: expected a whole number of seconds per cell, e.g. TIMEOUT=600")
    return int(text)


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
    parser.add_argument("--timeout", default=str(TIMEOUT),
                        help=f"seconds a cell may run before the notebook fails (default {TIMEOUT}; make reproduce TIMEOUT=...)")
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
                   folder=args.folder, timeout=_seconds(args.timeout), wait=args.wait)
    except CompendiumError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted: outputs of notebooks that had not finished are unchanged", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
