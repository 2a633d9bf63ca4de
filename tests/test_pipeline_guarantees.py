"""What a run of the pipeline guarantees (README, "How the pipeline runs"), case by case:
only this checkout's declared outputs, no mixed parameter sets, true messages on every
interruption, an atomic set-up and a clean that respects the run lock.

Runs go into temporary output folders; the only processes signalled are those a test started.
"""
import csv
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.conftest import run_pipeline
from tests.test_pipeline import _notebook, _running, _sleeper, _start, _status, _wait_for
from kalbar_border import paths, results
from kalbar_border.pipeline import execute
from kalbar_border.workflow import PARTIAL

WRITE = "import pandas as pd\nfrom kalbar_border import results\n"


def _table(name: str, value: str = "1") -> str:
    return f"results.write_table(pd.DataFrame({{'v': [{value}]}}), {name!r})"


def _errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error:")]


# --------------------------------------------------------------------------- only this checkout's outputs


@pytest.mark.slow
def test_results_of_a_notebook_not_in_this_checkout_reach_no_claim(run_copy):
    """results/08_other_branch.json (a notebook of another branch) restating a key of
    notebook 02 is named once, left out of results.json, and claim C3a keeps its status."""
    out = run_copy[0]

    def statuses():
        with open(out / "results" / "claims.csv", newline="") as fh:
            return {row["id"]: row["status"] for row in csv.DictReader(fh)}

    before = statuses()
    stray = out / "results" / "08_other_branch.json"
    stray.write_text(json.dumps({"values": {"border.bp2mi_complaints_total.2019": 1}, "sources": {}}))
    done = run_pipeline(out, "--only", "07", "--force")
    assert done.returncode == 0, done.stderr
    ignored = [ln for ln in done.stdout.splitlines() if ln.strip().startswith("ignored")]
    assert len(ignored) == 1 and "results/08_other_branch.json" in ignored[0]
    merged = json.loads((out / "results" / "results.json").read_text())
    assert merged["border.bp2mi_complaints_total.2019"] == 5824
    assert statuses()["C3a"] == before["C3a"]


def test_results_read_by_hand_come_from_this_checkouts_notebooks(tmp_path, monkeypatch):
    monkeypatch.setenv("COMPENDIUM_OUTPUT_DIR", str(tmp_path))
    (tmp_path / "results").mkdir()
    for name, value in (("02_border_series", 5824), ("08_other_branch", 1)):
        (tmp_path / "results" / f"{name}.json").write_text(json.dumps({"values": {f"k.{name[:2]}": value}, "sources": {}}))
    assert results.load_results() == {"k.02": 5824}


@pytest.mark.slow
def test_file_written_directly_fails_the_notebook_and_is_removed(tmp_path):
    nbs, out = tmp_path / "nbs", tmp_path / "out"
    _notebook(nbs, "01_direct", WRITE + _table("kept"),
              "from kalbar_border import paths\n(paths.results_dir() / 'remittances_extra.csv').write_text('x\\n1\\n')",
              meta={"outputs": ["results/kept.csv"]})
    done = run_pipeline(out, "--folder", nbs)
    assert done.returncode == 1
    assert _errors(done.stderr) == ["error: 01_direct.ipynb: wrote results/remittances_extra.csv directly, which its "
                                    "metadata (kalbar) does not declare; removed, and no output was replaced"]
    assert not (out / "results" / "remittances_extra.csv").exists() and not (out / "results" / "kept.csv").exists()
    assert not list(out.rglob("*.pending"))


@pytest.mark.slow
def test_output_moved_to_another_notebook_is_never_lost(tmp_path):
    """results/shared.csv moves (code and declaration) from notebook 01 to notebook 02; after
    --only 02 and a plain run, a success means the file is there."""
    nbs, out = tmp_path / "nbs", tmp_path / "out"
    _notebook(nbs, "01_first", WRITE + _table("first") + "\n" + _table("shared"),
              meta={"outputs": ["results/first.csv", "results/shared.csv"]})
    _notebook(nbs, "02_second", WRITE + _table("second"), meta={"outputs": ["results/second.csv"]})
    assert run_pipeline(out, "--folder", nbs).returncode == 0
    _notebook(nbs, "01_first", WRITE + _table("first"), meta={"outputs": ["results/first.csv"]})
    _notebook(nbs, "02_second", WRITE + _table("second") + "\n" + _table("shared", "2"),
              meta={"outputs": ["results/second.csv", "results/shared.csv"]})
    assert run_pipeline(out, "--folder", nbs, "--only", "02").returncode == 0
    done = run_pipeline(out, "--folder", nbs)
    assert done.returncode == 0 and _status(done.stdout)["01_first"] == "done", done.stdout + done.stderr
    assert (out / "results" / "shared.csv").read_text() == "v\n2\n"


@pytest.mark.slow
def test_declaration_moved_without_its_code_fails_both_notebooks(tmp_path):
    nbs, out = tmp_path / "nbs", tmp_path / "out"
    _notebook(nbs, "01_first", WRITE + _table("shared"), meta={"outputs": ["results/shared.csv"]})
    _notebook(nbs, "02_second", WRITE + _table("second"), meta={"outputs": ["results/second.csv"]})
    assert run_pipeline(out, "--folder", nbs).returncode == 0
    _notebook(nbs, "01_first", WRITE + _table("shared"), meta={"outputs": []})
    _notebook(nbs, "02_second", WRITE + _table("second"), meta={"outputs": ["results/second.csv", "results/shared.csv"]})
    assert run_pipeline(out, "--folder", nbs, "--only", "02").returncode == 1
    done = run_pipeline(out, "--folder", nbs)
    assert done.returncode == 1 and (out / "results" / "shared.csv").is_file()
    assert set(_status(done.stdout).values()) == {"FAILED"}


@pytest.mark.slow
def test_success_checks_every_declared_output_exists(tmp_path, monkeypatch):
    """The last check of a run: an output gone missing behind doit's back (here: removed just
    before the check) fails the run and makes its notebook run again."""
    nbs, out = tmp_path / "nbs", tmp_path / "out"
    _notebook(nbs, "01_one", WRITE + _table("one"), meta={"outputs": ["results/one.csv"]})
    monkeypatch.setenv("COMPENDIUM_OUTPUT_DIR", str(out))
    from kalbar_border import workflow
    from kalbar_border.pipeline.notebooks import make_plan

    plan = make_plan({}, nbs, echo=lambda _: None)
    assert run_pipeline(out, "--folder", nbs).returncode == 0
    (out / "results" / "one.csv").unlink()
    assert workflow._missing_outputs(plan, {"01_one": "up to date"}) == [
        "01_one: declared output results/one.csv missing after the run; it runs again next time"]
    done = run_pipeline(out, "--folder", nbs)
    assert done.returncode == 0 and _status(done.stdout)["01_one"] == "done"


# --------------------------------------------------------------------------- no mixed parameter sets


@pytest.mark.slow
def test_notebooks_that_disagree_on_parameters_fail_the_run_and_the_report_says_which(tmp_path):
    nbs, out = tmp_path / "nbs", tmp_path / "out"
    _notebook(nbs, "01_first", WRITE + _table("first"), meta={"outputs": ["results/first.csv"]})
    _notebook(nbs, "02_second", "assert MODE != 'fail', 'refused'", meta={"outputs": []})
    assert run_pipeline(out, "--folder", nbs).returncode == 0
    done = run_pipeline(out, "--folder", nbs, "MODE=fail")
    assert done.returncode == 1
    assert _status(done.stdout) == {"01_first": "done", "02_second": "FAILED"}
    assert "02_second (failed; its outputs have MODE='ok')" in done.stdout
    manifest = json.loads((out / "build" / "manifest.json").read_text())
    entries = {Path(n["notebook"]).stem: n for n in manifest["notebooks"]}
    assert entries["01_first"]["status"] == "current" and entries["01_first"]["parameters"]["MODE"] == "fail"
    assert entries["02_second"]["status"] == "failed" and entries["02_second"]["parameters"]["MODE"] == "ok"
    assert entries["02_second"]["requested"]["MODE"] == "fail" and entries["02_second"]["outputs"] == []
    page = (out / "build" / "index.html").read_text()
    assert "FAILED in this run" in page and "02_second (FAILED in this run)" in page


def test_years_the_findings_need_are_checked_before_anything_runs(tmp_path):
    done = run_pipeline(tmp_path / "out", "FIRST_YEAR=2020")
    assert done.returncode == 2 and done.stdout == "" and not (tmp_path / "out").exists()
    assert done.stderr.strip().splitlines() == [
        "error: parameters FIRST_YEAR=2020 and LAST_YEAR=2023 are not allowed for 02_border_series.ipynb: its findings "
        "compare 2019 and 2020, so FIRST_YEAR must be at most 2019 and LAST_YEAR at least 2020 (its data, "
        "data/raw/sources/border_series.csv, cover 2015-2026)"]


@pytest.mark.parametrize("kind", ["folder", "symlink loop", "dangling symlink"])
def test_microdata_path_that_is_not_a_file_is_an_error_not_a_skip(tmp_path, kind):
    data = tmp_path / "data"
    data.mkdir()
    rda = data / "SUSENAS2020.rda"
    if kind == "folder":
        rda.mkdir()
    elif kind == "symlink loop":
        rda.symlink_to(rda)
    else:
        rda.symlink_to(data / "nowhere.rda")
    nbs = tmp_path / "nbs"
    _notebook(nbs, "01_x", "x = 1", meta={"outputs": []})
    done = run_pipeline(tmp_path / "out", "--folder", nbs, env={"COMPENDIUM_DATA_DIR": str(data)})
    assert done.returncode == 2 and "skipped" not in done.stdout
    assert done.stderr.strip().splitlines() == [f"error: {rda}: exists but is not a readable file "
                                                f"({'a folder' if kind == 'folder' else 'a symbolic link that loops or leads nowhere'}); "
                                                "expected the file SUSENAS2020.rda or nothing there: replace or remove it"]


@pytest.mark.slow
def test_outputs_of_skipped_notebooks_are_removed(tmp_path):
    """A run without the microdata leaves no finance table of an earlier run with them."""
    nbs, out, data, empty = tmp_path / "nbs", tmp_path / "out", tmp_path / "data", tmp_path / "empty"
    empty.mkdir()
    data.mkdir()
    for name in ("SUSENAS2020.rda", "SAKERNAS2020.rda"):
        (data / name).write_bytes(b"not read by this notebook")
    _notebook(nbs, "01_base", WRITE + _table("base"), meta={"outputs": ["results/base.csv"]})
    path = _notebook(nbs, "05_finance", WRITE + _table("finance"), meta={"outputs": ["results/finance.csv"],
                                                                          "microdata": "required"})
    nb = json.loads(path.read_text())
    nb["cells"][1]["source"] += "\nDOWNLOAD = True  # False: never the network"
    path.write_text(json.dumps(nb))
    assert run_pipeline(out, "--folder", nbs, env={"COMPENDIUM_DATA_DIR": str(data)}).returncode == 0
    assert (out / "results" / "finance.csv").is_file()
    done = run_pipeline(out, "--folder", nbs, "DOWNLOAD=False", env={"COMPENDIUM_DATA_DIR": str(empty)})
    assert done.returncode == PARTIAL, done.stderr
    assert "removed     outputs of 05_finance from an earlier run: not current without the microdata" in done.stdout
    assert not (out / "results" / "finance.csv").exists() and (out / "results" / "base.csv").is_file()
    manifest = json.loads((out / "build" / "manifest.json").read_text())
    assert [n["status"] for n in manifest["notebooks"]] == ["current", "skipped"]


# --------------------------------------------------------------------------- interruptions


def _job(tmp_path: Path, monkeypatch, names: list[str]) -> tuple[execute.Job, str]:
    """A notebook's finished run whose pending files wait to be committed."""
    monkeypatch.setenv("COMPENDIUM_OUTPUT_DIR", str(tmp_path))
    nb = execute.Notebook(tmp_path / "01_x.ipynb", {})
    token = "1-01"
    outputs = [f"results/{name}" for name in names]
    for rel in outputs + [f for f in nb.build_files() if not f.startswith("build/runs/")]:  # the notebook and its pages
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("old")
        execute._pending(tmp_path / rel, token).write_text("new")
    return execute.Job(nb, {"MODE": "ok"}, outputs, [], run_id="r1"), token


def test_commit_cut_short_is_completed_by_the_next_run(tmp_path, monkeypatch):
    job, token = _job(tmp_path, monkeypatch, ["a.csv", "b.csv", "c.csv"])
    real, calls = os.replace, []

    def killed_after_one(src, dst):
        if "results" in Path(dst).parts:
            if calls:
                raise SystemExit("killed")  # as if the process died in the middle of the commit
            calls.append(dst)
        real(src, dst)

    monkeypatch.setattr(execute.os, "replace", killed_after_one)
    with pytest.raises(SystemExit):
        execute._commit(job, token, 1.0)
    monkeypatch.setattr(execute.os, "replace", real)
    texts = {p.read_text() for p in (tmp_path / "results").glob("*.csv")}
    assert texts == {"old", "new"}  # half: what the next run must never leave
    assert execute.recover_commits() == ["01_x"]
    assert {p.read_text() for p in (tmp_path / "results").glob("*.csv")} == {"new"}
    assert execute.read_record("01_x")["run"] == "r1" and not list(tmp_path.rglob("*.pending"))
    assert execute.recover_commits() == []


def test_signals_wait_until_a_commit_is_complete(tmp_path, monkeypatch):
    """Held even with another thread alive (a real run has zmq's I/O threads): the OS hands a
    process's Ctrl-C to any thread that does not block it, and Python acts on it in the main thread."""
    job, token = _job(tmp_path, monkeypatch, ["a.csv", "b.csv"])
    real = os.replace
    stop = threading.Event()
    other = threading.Thread(target=stop.wait, daemon=True)
    other.start()

    def interrupted_midway(src, dst):
        real(src, dst)
        os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C while the outputs are moved into place

    monkeypatch.setattr(execute.os, "replace", interrupted_midway)
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with pytest.raises(KeyboardInterrupt):
            execute._commit(job, token, 1.0)
    finally:
        signal.signal(signal.SIGINT, previous)
        stop.set()
        other.join()
    assert {p.read_text() for p in (tmp_path / "results").glob("*.csv")} == {"new"}
    assert execute.read_record("01_x") is not None


@pytest.mark.slow
@pytest.mark.parametrize("whom", ["group", "command"])
def test_sigterm_is_a_clean_stop_like_ctrl_c(tmp_path, whom):
    """CI cancels with SIGTERM, to the whole group or to the command alone: one line, no pending
    file, no kernel left, and the lock free for the next run."""
    nbs, out, pid_file = tmp_path / "nbs", tmp_path / "out", tmp_path / "kernel.pid"
    _notebook(nbs, "01_sleep", WRITE + _table("slept") +
              f"\nimport os, time\nopen({str(pid_file)!r}, 'w').write(str(os.getpid()))\ntime.sleep(60)",
              meta={"outputs": ["results/slept.csv"]})
    process = _start(out, nbs)
    kernel = _wait_for(pid_file, process)
    if whom == "group":
        os.killpg(process.pid, signal.SIGTERM)
    else:
        os.kill(process.pid, signal.SIGTERM)
    stdout, stderr = process.communicate(timeout=90)
    assert process.returncode == 130 and "Traceback" not in stderr
    assert stderr.strip().splitlines() == ["interrupted: no notebook finished; every output is as it was before this "
                                           "run, and no pending file is left"]
    assert not list(out.rglob("*.pending")) and not (out / "results" / "slept.csv").exists()
    assert not _running(kernel), f"kernel {kernel} outlived the run stopped by SIGTERM"
    assert run_pipeline(out, "--folder", nbs, "--timeout", "2").returncode == 1  # the lock is free


@pytest.mark.slow
def test_interrupt_after_a_notebook_finished_names_it(tmp_path):
    nbs, out, pid_file = tmp_path / "nbs", tmp_path / "out", tmp_path / "kernel.pid"
    _notebook(nbs, "01_quick", WRITE + _table("quick"), meta={"outputs": ["results/quick.csv"]})
    _notebook(nbs, "02_sleep", f"import os, time\nopen({str(pid_file)!r}, 'w').write(str(os.getpid()))\n"
              "time.sleep(60)", meta={"inputs": ["results/quick.csv"], "outputs": []})
    process = _start(out, nbs)
    _wait_for(pid_file, process)
    os.killpg(process.pid, signal.SIGINT)
    _, stderr = process.communicate(timeout=90)
    assert process.returncode == 130
    assert stderr.strip().splitlines()[-1].startswith("interrupted: new outputs of 01_quick (finished before the "
                                                      "interruption) are in place")
    assert (out / "results" / "quick.csv").is_file() and not list(out.rglob("*.pending"))


def test_sigterm_through_make_has_no_make_noise(tmp_path):
    if shutil.which("make") is None:
        pytest.skip("make not installed")
    (nbs, pid_file), out = _sleeper(tmp_path), tmp_path / "out"
    # make in a copy of the Makefile, never in this checkout; this environment's Python, and the
    # set-up stamp taken as done (-o), so the target runs nothing but the run it is about.
    copy = tmp_path / "checkout"
    copy.mkdir()
    for name in SETUP_FILES:
        shutil.copy2(paths.ROOT / name, copy / name)
    process = subprocess.Popen(["make", "--no-print-directory", "-o", ".venv/.installed", "reproduce", f"PY={sys.executable}",
                                f"PARAMS=--folder {nbs}"], cwd=copy,
                               env={**os.environ, "COMPENDIUM_OUTPUT_DIR": str(out)}, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, start_new_session=True)
    _wait_for(pid_file, process)
    os.killpg(process.pid, signal.SIGTERM)
    _, stderr = process.communicate(timeout=90)
    assert process.returncode != 0 and not list(out.rglob("*.pending"))
    lines = stderr.strip().splitlines()
    # One line of ours, then the one line make prints for any command stopped by Ctrl-C as well.
    assert lines[0].startswith("interrupted: no notebook finished") and len(lines) <= 2, stderr
    assert all(re.fullmatch(r"make(\[\d+\])?: \*\*\* \[Makefile:\d+: reproduce\] Error 130", ln) for ln in lines[1:]), stderr


def test_clean_refuses_while_a_run_holds_the_lock(tmp_path):
    if shutil.which("make") is None:
        pytest.skip("make not installed")
    (nbs, pid_file), out = _sleeper(tmp_path), tmp_path / "out"
    (out / "results").mkdir(parents=True)
    (out / "results" / "kept.csv").write_text("v\n1\n")
    env = {**os.environ, "COMPENDIUM_OUTPUT_DIR": str(out)}
    first = _start(out, nbs)
    try:
        _wait_for(pid_file, first)
        refused = subprocess.run(["make", "-s", "clean"], cwd=paths.ROOT, env=env, capture_output=True, text=True)
        assert refused.returncode != 0
        assert f"error: another run (process {first.pid}) holds build/.lock" in refused.stderr
        assert (out / "results" / "kept.csv").is_file()
    finally:
        os.killpg(first.pid, signal.SIGKILL)
        first.communicate()
    cleaned = subprocess.run(["make", "-s", "clean"], cwd=paths.ROOT, env=env, capture_output=True, text=True)
    assert cleaned.returncode == 0, cleaned.stderr
    assert not (out / "results").exists() and [p.name for p in (out / "build").iterdir()] == [".lock"]


# --------------------------------------------------------------------------- set-up


SETUP_FILES = ("Makefile", "requirements.txt", "requirements.lock", "requirements-bootstrap.lock", "pyproject.toml", "README.md")


def _packages(python: Path) -> list[str]:
    code = ("from importlib import metadata; print('\\n'.join(sorted(f\"{d.metadata['Name'].lower()}=={d.version}\" "
            "for d in metadata.distributions())))")
    return subprocess.run([str(python), "-c", code], capture_output=True, text=True, check=True).stdout.split()


#: Stand-ins the Makefile picks up (PYTHON=, and uv through `command -v uv`), so the set-up needs no
#: package index: uv "installs" by pointing the new environment at this one's packages (a .pth
#: file), and each can stop the set-up at a known point, as Ctrl-C in a terminal does (SIGINT to
#: make's process group), when the file named by KALBAR_TEST_INTERRUPT names its step.
_FAKE = """#!{python}
import os, signal, subprocess, sys, sysconfig
from pathlib import Path

step = {step!r}
args = sys.argv[1:]
def stop_here():
    flag = Path(os.environ["KALBAR_TEST_INTERRUPT"])
    if flag.is_file() and flag.read_text() == step:
        flag.unlink()
        os.killpg(os.getpgid(0), signal.SIGINT)
        signal.pause()
if step == "venv":
    done = subprocess.run([{python!r}, *args]).returncode
    if args[:2] == ["-m", "venv"]:
        stop_here()
    sys.exit(done)
if args[:2] == ["pip", "install"]:
    python = Path(args[args.index("--python") + 1])
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               capture_output=True, text=True, check=True).stdout.strip())
    if "-e" in args:
        (site / "kalbar_border_lib.pth").write_text(str(Path.cwd() / "lib") + "\\n")
    else:
        (site / "this_environment.pth").write_text(sysconfig.get_paths()["purelib"] + "\\n")
        stop_here()
    sys.exit(0)
sys.exit("fake uv: unexpected " + " ".join(args))
"""


def _fakes(folder: Path) -> dict:
    folder.mkdir()
    for name, step in (("python3", "venv"), ("uv", "install")):
        (folder / name).write_text(_FAKE.format(python=sys.executable, step=step))
        (folder / name).chmod(0o755)
    return {**os.environ, "PATH": f"{folder}{os.pathsep}{os.environ['PATH']}",
            "KALBAR_TEST_INTERRUPT": str(folder / "interrupt")}


def _setup(copy: Path, env: dict, interrupt: str = "") -> subprocess.CompletedProcess:
    if interrupt:
        Path(env["KALBAR_TEST_INTERRUPT"]).write_text(interrupt)
    done = subprocess.run(["make", "setup", f"PYTHON={Path(env['PATH'].split(os.pathsep)[0]) / 'python3'}"], cwd=copy,
                          env=env, capture_output=True, text=True, start_new_session=True,
                          preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    assert not Path(env["KALBAR_TEST_INTERRUPT"]).exists(), f"set-up never reached the step '{interrupt}'"
    return done


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("make") is None, reason="make not installed")
def test_interrupted_setup_is_rebuilt_to_the_pinned_environment(tmp_path):
    """Ctrl-C in `python -m venv`, then Ctrl-C while packages install: the next `make setup`
    builds the environment again from scratch, writing .venv/.installed last, and gives an
    environment with this one's packages and the project importable."""
    copy = tmp_path / "checkout"
    copy.mkdir()
    for name in SETUP_FILES:
        shutil.copy2(paths.ROOT / name, copy / name)
    shutil.copytree(paths.LIB, copy / "lib" / "kalbar_border", ignore=shutil.ignore_patterns("__pycache__"))
    env, venv = _fakes(tmp_path / "fakes"), copy / ".venv"
    first = _setup(copy, env, "venv")
    assert first.returncode != 0 and (venv / "pyvenv.cfg").is_file() and not (venv / ".installed").exists()
    second = _setup(copy, env, "install")
    assert second.returncode != 0 and "building it again" in second.stdout
    assert not (venv / ".installed").exists()
    stale = next(venv.glob("lib/python3*/site-packages")) / "left_by_the_interrupted_setup.pth"
    stale.write_text("")
    done = _setup(copy, env)
    assert done.returncode == 0, done.stderr
    assert "is incomplete (its set-up was interrupted); building it again" in done.stdout
    assert (venv / ".installed").is_file() and not stale.exists()  # rebuilt from scratch, not patched
    assert (venv / "share" / "jupyter" / "kernels" / "kalbar-border" / "kernel.json").is_file()
    # The project itself, and what `python -m venv` seeds (its own pip and setuptools, in front of
    # the stand-in's), are not packages of the lock.
    skip = lambda packages: [p for p in packages if p.split("==")[0] not in ("kalbar-border", "pip", "setuptools")]  # noqa: E731
    theirs, ours = _packages(venv / "bin" / "python"), _packages(Path(sys.executable))
    assert skip(theirs) == skip(ours)
    imported = subprocess.run([str(venv / "bin" / "python"), "-c", "import kalbar_border; print(kalbar_border.__file__)"],
                              cwd=tmp_path, capture_output=True, text=True, check=True).stdout
    assert imported.startswith(str(copy / "lib"))
