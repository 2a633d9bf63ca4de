"""doit tasks of the compendium: one per notebook, plus the report (kalbar_border.pipeline).

Run the pipeline with ``make reproduce`` (it takes the run lock and checks parameters first).
This file lets doit's own commands show the pipeline:

    .venv/bin/doit list                        the tasks: one per notebook, and the report
    .venv/bin/doit info 05_finance_comparison  what it reads and writes, and why it would run
    .venv/bin/doit forget 03_entikong_events   forget that it ran, so the next run reruns it

Parameters as in ``make reproduce``: ``.venv/bin/doit list PARAMS="ALPHA=0.01 LANG=id"``;
``NOTEBOOKS=folder`` reads the notebooks of another folder (as the command's ``--folder``).
"""
import os
import sys

from doit import get_var

from kalbar_border.errors import CompendiumError
from kalbar_border.pipeline import notebooks, tasks
from kalbar_border.workflow import RunReporter, output_folder

try:
    _PLAN = notebooks.make_plan(notebooks.parse_assignments(get_var("PARAMS", "").split()),
                                get_var("NOTEBOOKS", None), echo=lambda _: None, download=False)
except CompendiumError as exc:
    # doit would print the loader's traceback; the user needs the one line saying what to fix.
    print(f"error: {exc}", file=sys.stderr)
    raise SystemExit(2) from None
if output_folder(_PLAN) is not None:  # a variant: its tasks write where make reproduce would put them
    os.environ["COMPENDIUM_OUTPUT_DIR"] = str(output_folder(_PLAN))
DOIT_CONFIG = tasks.doit_config(1, RunReporter)


def task_notebooks():
    yield from tasks.notebook_tasks(_PLAN)
