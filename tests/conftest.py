"""Shared test set-up.

* The microdata come from a throw-away copy of ``../shared/data`` (CI and our machines), so
  tests may truncate or swap a file without touching the shared cache, and never need the network.
* Generated outputs of anything the tests run (the pipeline, nbval's kernels, which inherit
  this environment) go to a throw-away folder, never over the repository's outputs; both
  folders are removed when the session ends.
* ``pipeline_run`` runs the whole pipeline once, as ``make reproduce`` does, shared by the tests.
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

_SESSION = Path(tempfile.mkdtemp(prefix="kalbar-test-"))
_SOURCE_DATA = Path(os.environ.get("COMPENDIUM_DATA_DIR") or paths.SHARED_DATA)
DATA = _SESSION / "data"
DATA.mkdir()
for rda in _SOURCE_DATA.glob("*.rda") if _SOURCE_DATA.is_dir() else []:
    shutil.copy2(rda, DATA / rda.name)
os.environ["COMPENDIUM_DATA_DIR"] = str(DATA)
os.environ["COMPENDIUM_OUTPUT_DIR"] = str(_SESSION / "outputs")
os.environ.setdefault("PYTHONHASHSEED", "0")


def pytest_configure(config):
    # pytest's default temporary folders are shared by every session of the user and pruned by
    # the next session to start: another run of the suite on the machine would delete this
    # one's folders mid-test. A folder of this session's own, removed when it ends.
    if not config.option.basetemp:
        config.option.basetemp = str(_SESSION / "pytest")


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(_SESSION, ignore_errors=True)


needs_microdata = pytest.mark.skipif(
    not (DATA / "SUSENAS2020.rda").is_file(),
    reason="microdata not found; set COMPENDIUM_DATA_DIR to a folder holding SUSENAS2020.rda and SAKERNAS2020.rda",
)


def run_pipeline(out: Path, *args, env: dict | None = None, timeout: int = 300, **popen) -> subprocess.CompletedProcess:
    """``python -m kalbar_border.workflow ARGS`` with outputs under ``out``, as a user runs it."""
    environment = {**os.environ, "COMPENDIUM_OUTPUT_DIR": str(out), **(env or {})}
    return subprocess.run([sys.executable, "-m", "kalbar_border.workflow", *map(str, args)], env=environment,
                          cwd=paths.ROOT, capture_output=True, text=True, timeout=timeout, **popen)


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
    """Every notebook run once into the session's output folder; (folder, manifest, output lines)."""
    out = Path(os.environ["COMPENDIUM_OUTPUT_DIR"])
    done = run_pipeline(out)
    assert done.returncode == 0, done.stdout + done.stderr
    manifest = json.loads((out / "build" / "manifest.json").read_text())
    return out, manifest, done.stdout.splitlines()


@pytest.fixture(scope="session")
def indonesian_run(pipeline_run):
    """Every notebook run once with LANG=id into a folder of its own (about 30 s), shared by the
    tests of the Indonesian edition. After ``pipeline_run``: two runs at once would share a core."""
    out = Path(tempfile.mkdtemp(prefix="lang-id-", dir=_SESSION))
    done = run_pipeline(out, "LANG=id")
    assert done.returncode == 0, done.stdout + done.stderr
    return out


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
