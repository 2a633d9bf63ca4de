"""Shared test set-up.

* The microdata come from a throw-away copy of ``../shared/data`` (CI and our machines), so
  tests never touch the shared cache and never need the network; a test that needs to break a
  file breaks a copy of its own.
* Generated outputs of anything the tests run (the pipeline, nbval's kernels, which inherit
  this environment) go to a throw-away folder, never over the repository's outputs; the
  session's folder is removed when it ends.
* ``pipeline_run`` runs the whole pipeline once, as ``make reproduce`` does, shared by the tests;
  ``indonesian_run`` is that run's Indonesian half. Tests read these runs and never change them.
* ``make test`` runs the suite on every core with pytest-xdist (``-n auto``): the workers share
  the session's folder (the process that started them made it and removes it), and each shared
  run is made once (``tests/shared_runs.py``), by the first worker that needs it, while the others
  wait on its lock. (Starting the shared runs with the session, beside the first tests, was
  measured and saved nothing: the suite is bound by the CPU, not by waiting.)
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from kalbar_border import paths
from kalbar_border.workflow import PARTIAL
from tests.shared_runs import SHARED, run_pipeline, shared_run
from kalbar_border.pipeline import tasks

#: The session's folder, made by the process that started the session; xdist's workers (its
#: children) are handed it through the environment. A pytest started by a test makes its own.
_OWNER = os.environ.get("KALBAR_TEST_SESSION_OWNER")
if os.environ.get("KALBAR_TEST_SESSION") and os.environ.get("PYTEST_XDIST_WORKER") and _OWNER == str(os.getppid()):
    _SESSION, _OWNS = Path(os.environ["KALBAR_TEST_SESSION"]), False
else:
    _SESSION, _OWNS = Path(tempfile.mkdtemp(prefix="kalbar-test-")), True
    os.environ["KALBAR_TEST_SESSION"], os.environ["KALBAR_TEST_SESSION_OWNER"] = str(_SESSION), str(os.getpid())
DATA = _SESSION / "data"
if _OWNS:
    _SOURCE_DATA = Path(os.environ.get("COMPENDIUM_DATA_DIR") or paths.SHARED_DATA)
    DATA.mkdir()
    for rda in _SOURCE_DATA.glob("*.rda") if _SOURCE_DATA.is_dir() else []:
        shutil.copy2(rda, DATA / rda.name)
os.environ["COMPENDIUM_DATA_DIR"] = str(DATA)
# One folder per process: two workers' runs in one folder would wait for each other's run lock.
os.environ["COMPENDIUM_OUTPUT_DIR"] = str(_SESSION / f"outputs-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}")
os.environ.setdefault("PYTHONHASHSEED", "0")


def pytest_configure(config):
    # pytest's default temporary folders are shared by every session of the user and pruned by
    # the next session to start: another run of the suite on the machine would delete this
    # one's folders mid-test. A folder of this session's own, removed when it ends (xdist gives
    # each worker a folder inside it).
    if not config.option.basetemp:
        config.option.basetemp = str(_SESSION / "pytest")


def pytest_sessionfinish(session, exitstatus):
    if _OWNS:
        shutil.rmtree(_SESSION, ignore_errors=True)


MICRODATA_PRESENT = all((DATA / name).is_file() for name in ("SUSENAS2020.rda", "SAKERNAS2020.rda"))
MICRODATA_ABSENT = "microdata not found; set COMPENDIUM_DATA_DIR to a folder holding SUSENAS2020.rda and SAKERNAS2020.rda"
needs_microdata = pytest.mark.skipif(not MICRODATA_PRESENT, reason=MICRODATA_ABSENT)


def pytest_collection_modifyitems(config, items):
    # nbval runs the golden notebooks as they are, DOWNLOAD = True included: without the
    # microdata they would fetch them from the network (or fail offline) instead of skipping.
    for item in items:
        if item.path.suffix == ".ipynb" and not MICRODATA_PRESENT:
            item.add_marker(pytest.mark.skip(reason=f"{item.path.name}: {MICRODATA_ABSENT}"))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_setup(item):
    # nbval starts a notebook's kernel in the set-up of its first cell, and the kernel keeps the
    # environment it started with: its outputs go to a folder of its own, never into the
    # session's run that other tests read.
    if item.path.suffix != ".ipynb":
        yield
        return
    before = os.environ["COMPENDIUM_OUTPUT_DIR"]
    os.environ["COMPENDIUM_OUTPUT_DIR"] = str(_SESSION / "nbval")
    try:
        yield
    finally:
        os.environ["COMPENDIUM_OUTPUT_DIR"] = before


#: Runs the command with a file operation sabotaged (killed, full disk, read-only folder): see its docstring.
FAULTY_RUN = Path(__file__).with_name("faulty_run.py")


def run_faulty(out: Path, *sabotage, command: list, timeout: int = 300) -> subprocess.CompletedProcess:
    """:func:`run_pipeline` through ``tests/faulty_run.py SABOTAGE -- COMMAND``, in a process group
    of its own: the only group its SIGKILL may reach."""
    environment = {**os.environ, "COMPENDIUM_OUTPUT_DIR": str(out)}
    return subprocess.run([sys.executable, str(FAULTY_RUN), *map(str, sabotage), "--", *map(str, command)],
                          env=environment, cwd=paths.ROOT, capture_output=True, text=True, timeout=timeout,
                          start_new_session=True)


@pytest.fixture(scope="session")
def pipeline_run():
    """Every notebook run once into the session's shared folder; (folder, manifest, output lines)."""
    out, done = shared_run(_SESSION, "default")
    # without the microdata, 05-06 cannot run: the run is partial, and the tests that need them skip
    assert done["returncode"] == (0 if MICRODATA_PRESENT else PARTIAL), done["stdout"] + done["stderr"]
    manifest = json.loads((out / "build" / "manifest.json").read_text())
    return out, manifest, done["stdout"].splitlines()


def copy_run(run: Path, dest: Path) -> Path:
    """A copy of the run folder ``run`` at ``dest`` that the pipeline finds up to date, for a test
    that changes a run: doit's record names every file by its absolute path, so it is rewritten
    to name the copy's files (their content, which decides, is the same)."""
    shutil.copytree(run, dest, symlinks=True)
    record = dest / "build" / tasks.DEP_FILE
    record.write_text(record.read_text().replace(json.dumps(str(run))[1:-1], json.dumps(str(dest))[1:-1]))
    return dest


@pytest.fixture
def run_copy(pipeline_run, tmp_path):
    """``pipeline_run`` copied into this test's own folder: a test that changes, deletes or reruns
    outputs does it there, so what other tests read of the session's run never depends on order."""
    out, manifest, lines = pipeline_run
    return copy_run(out, tmp_path / "run"), manifest, lines


@pytest.fixture(scope="session")
def indonesian_run(pipeline_run):
    """The session's default run, which executes every notebook in Indonesian too
    (``build/notebooks/NN.id.ipynb``, ``build/html/NN.id.html``): the Indonesian edition's tests read it."""
    return pipeline_run[0]


def executed(folder: Path, name: str, lang: str = "en") -> Path:
    """The executed notebook ``name`` (``NN_name``) of one language in a run folder."""
    from kalbar_border.pipeline.notebooks import executed_copy

    return Path(folder) / executed_copy(name, lang)


@pytest.fixture(scope="session")
def indonesian_terminal(pipeline_run, tmp_path_factory):
    """What a ``LANG=id`` run prints (stdout, then stderr), run on a copy of the session's default
    run: every notebook is up to date there, since LANG is no notebook parameter, so the run prints
    its status, skipped and closing lines without executing anything again."""
    out = copy_run(pipeline_run[0], tmp_path_factory.mktemp("lang-id") / "run")
    done = run_pipeline(out, "LANG=id")
    assert done.returncode == (0 if MICRODATA_PRESENT else PARTIAL), done.stdout + done.stderr
    return done.stdout + done.stderr


def _load(name):
    from kalbar_border.data import microdata

    if not (paths.cache_dir() / microdata.DATASETS[name].filename).is_file():
        pytest.skip(f"{name} microdata not in cache {paths.cache_dir()}; set COMPENDIUM_DATA_DIR to run real-data tests")
    return microdata.load(name)


@pytest.fixture(scope="session")
def susenas_raw():
    """Susenas March 2020 (Jambi) as read by the project's one loader; tests must not modify it."""
    return _load("susenas")


@pytest.fixture(scope="session")
def sakernas_raw():
    return _load("sakernas")


@pytest.fixture(scope="session")
def susenas(susenas_raw):
    """The Susenas analysis frame (kalbar_border.finance.variables)."""
    from kalbar_border.finance.variables import susenas_frame

    return susenas_frame(susenas_raw)


@pytest.fixture(scope="session")
def sakernas(sakernas_raw):
    from kalbar_border.finance.variables import sakernas_frame

    return sakernas_frame(sakernas_raw)
