"""The pipeline (doit + papermill, kalbar_border.workflow) as a user meets it: every notebook
executed, nothing rerun without a reason, outputs never half-replaced, one run at a time,
parameters checked before anything runs, a run without the microdata, one-line messages.

Runs go through the command line (``python -m kalbar_border.workflow``) into temporary
output folders; processes checked are only those the tests started.
"""
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from tests.conftest import DATA, needs_microdata, run_faulty, run_pipeline
from kalbar_border import paths
from kalbar_border.pipeline import execute, tasks
from kalbar_border.pipeline import notebooks as spec
from kalbar_border.atomic import sha256_file
from kalbar_border.errors import CompendiumError

NOTEBOOKS = spec.discover()
#: Notebooks that run only when a parameter is given (08: a licensed file's map); a default run skips them.
ON_REQUEST = {nb.name for nb in NOTEBOOKS if nb.requires}
DEFAULT = [nb for nb in NOTEBOOKS if nb.name not in ON_REQUEST]


def _tree(folder: Path) -> dict:
    return {p.relative_to(folder).as_posix(): sha256_file(p) for p in sorted(folder.rglob("*")) if p.is_file()}


def _status(stdout: str) -> dict:
    """task -> what the run said of it (running / done / up to date / FAILED ...)."""
    said = {}
    for line in stdout.splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[0] in ("done", "FAILED", "skipped") and parts[1].rstrip(":") not in ON_REQUEST:
            said[parts[1].rstrip(":")] = parts[0]
        elif line.strip().startswith("up to date"):
            said[parts[3]] = "up to date"
    return said


# --------------------------------------------------------------------------- the whole run


def test_full_run_executes_every_cell(pipeline_run):
    out, manifest, lines = pipeline_run
    assert [n["notebook"] for n in manifest["notebooks"]] == [nb.path.name for nb in NOTEBOOKS]
    assert all(n["status"] == ("skipped" if n["notebook"][:-6] in ON_REQUEST else "current") for n in manifest["notebooks"])
    assert ON_REQUEST == {"08_remittances_investment"}
    for entry in [n for n in manifest["notebooks"] if n["status"] == "current"]:
        nb = nbformat.read(out / "build" / "notebooks" / entry["notebook"], as_version=4)
        assert execute.unexecuted_cells(nb) == []
        outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
        assert not [o for o in outputs if o.get("name") == "stderr"], f"{entry['notebook']} wrote to stderr"
        assert (out / "build" / "html" / entry["notebook"].replace(".ipynb", ".html")).is_file()
        assert all((out / rel).is_file() for rel in entry["outputs"])
    assert (out / "build" / "index.html").is_file()
    assert manifest["packages"]["doit"] and manifest["git_commit"]


def test_sources_are_never_written(pipeline_run):
    for nb in NOTEBOOKS:
        cells = json.loads(nb.path.read_text())["cells"]
        assert all(c.get("execution_count") is None for c in cells if c["cell_type"] == "code")


def test_kernel_files_stay_in_build(pipeline_run):
    out = pipeline_run[0]
    assert (out / "build" / "runtime").is_dir()
    assert not list(paths.ROOT.glob("kernel-*"))  # no relative Unix sockets in the working folder


def test_noop_rerun_runs_nothing(run_copy):
    out = run_copy[0]
    before = _tree(out / "results")
    done = run_pipeline(out)
    assert done.returncode == 0, done.stderr
    assert set(_status(done.stdout).values()) == {"up to date"}
    assert len(_status(done.stdout)) == len(DEFAULT) + 1  # and the report
    assert _tree(out / "results") == before


@pytest.mark.slow
def test_figure_overwritten_by_hand_is_made_again(run_copy):
    """A student running notebook 02 by hand with other years overwrote a figure: the next
    run reruns 02 alone and restores the figure of the current parameters."""
    out = run_copy[0]
    figure = out / "figures" / "border_series_2019_2023_en.png"
    good = figure.read_bytes()
    figure.write_bytes(b"not the figure")
    done = run_pipeline(out)
    assert done.returncode == 0, done.stderr
    said = _status(done.stdout)
    assert said["02_border_series"] == "done" and said["03_entikong_events"] == "up to date"
    assert said["07_claims"] == "up to date"  # 02 wrote the same results: nothing downstream reruns
    assert figure.read_bytes() == good


@pytest.mark.slow
def test_deleted_output_is_made_again(run_copy):
    out = run_copy[0]
    table = out / "results" / "remittances_share_of_gdp.csv"
    good = table.read_bytes()
    table.unlink()
    done = run_pipeline(out, "--only", "04")
    assert done.returncode == 0 and _status(done.stdout) == {"04_remittances_context": "done"}
    assert table.read_bytes() == good


@pytest.mark.slow
def test_parameter_change_replaces_outputs_of_earlier_values(run_copy):
    out = run_copy[0]
    figures = out / "figures"
    done = run_pipeline(out, "--only", "04", "FIRST_YEAR=2012")
    assert done.returncode == 0, done.stderr
    assert (figures / "remittances_2012_2024_id.svg").is_file()
    assert not list(figures.glob("remittances_2010_2024_*"))  # not current: removed
    record = json.loads((out / "build" / "runs" / "04_remittances_context.json").read_text())
    assert record["parameters"]["FIRST_YEAR"] == 2012
    done = run_pipeline(out, "--only", "04")  # and back: the default's figures replace those of 2012
    assert done.returncode == 0 and (figures / "remittances_2010_2024_en.png").is_file()
    assert not list(figures.glob("remittances_2012_*"))


@pytest.mark.slow
@needs_microdata
def test_truncated_microdata_is_noticed_and_outputs_kept(run_copy):
    """A truncated SUSENAS2020.rda in the data folder reruns notebook 01, which stops with the
    checksum line; the extracts of the last good run stay, and 05-06 do not run on them."""
    out = run_copy[0]
    data = out.parent / "data"  # the session's microdata stay whole: the truncation is in a copy
    shutil.copytree(DATA, data)
    env = {"COMPENDIUM_DATA_DIR": str(data)}
    rda = data / "SUSENAS2020.rda"
    good = rda.read_bytes()
    before = _tree(out / "data" / "processed")
    rda.write_bytes(good[: len(good) // 2])
    done = run_pipeline(out, env=env)
    assert done.returncode != 0
    assert _status(done.stdout)["01_collect_data"] == "FAILED"
    errors = [ln for ln in done.stderr.splitlines() if ln.startswith("error:")]
    assert len(errors) == 1 and "SUSENAS2020.rda: checksum mismatch" in errors[0]
    assert "Traceback" not in done.stdout + done.stderr
    assert _tree(out / "data" / "processed") == before
    rda.write_bytes(good)
    done = run_pipeline(out, env=env)
    assert done.returncode == 0 and _status(done.stdout)["01_collect_data"] == "done"
    assert _tree(out / "data" / "processed") == before


@pytest.mark.slow
def test_unreadable_doit_record_starts_afresh(run_copy):
    out = run_copy[0]
    record = out / "build" / tasks.DEP_FILE
    record.write_text("garbage {")
    done = run_pipeline(out, "--only", "03")
    assert done.returncode == 0, done.stderr
    assert "was unreadable" in done.stderr and "Traceback" not in done.stderr
    assert _status(done.stdout) == {"03_entikong_events": "done"}


# --------------------------------------------------------------------------- parameters


@pytest.mark.parametrize("assignment, said", [
    ("ALPHA=2", "parameter ALPHA=2 is not allowed; allowed: a number between 0 and 1"),
    ("FOO=1", "parameter FOO: no notebook declares it"),
    ("lang=id", "parameter lang: no notebook declares it; did you mean LANG?"),
    ("LANG=fr", "parameter LANG='fr' is not allowed; allowed: en or id"),
    ("DEFINITION=born_abroad", "parameter DEFINITION='born_abroad' is not allowed; allowed: recent_interprovincial"),
    ("PROVINCE=jambi", "parameter PROVINCE='jambi' is not allowed; allowed: a BPS province code"),
    ("SUSENAS_PATH=/no/such/file.rda", "parameter SUSENAS_PATH='/no/such/file.rda' is not allowed"),
    ("FIRST_YEAR=2030", "FIRST_YEAR must not be after LAST_YEAR"),
])
def test_bad_parameter_stops_before_anything_runs(tmp_path, assignment, said):
    done = run_pipeline(tmp_path / "out", assignment)
    assert done.returncode == 2
    assert done.stderr.strip().startswith("error: ") and said in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and done.stdout == ""
    assert not (tmp_path / "out").exists()  # nothing written, not even build/


def test_one_microdata_path_without_the_other_is_refused(tmp_path):
    rda = tmp_path / "other.rda"
    rda.write_bytes(b"x")
    with pytest.raises(CompendiumError, match="SUSENAS_PATH is given without SAKERNAS_PATH"):
        spec.check_parameters(NOTEBOOKS, {"SUSENAS_PATH": str(rda)})


def test_assignments_are_parsed_as_python_literals_or_words():
    assert spec.parse_assignments(["LANG=id", "ALPHA=0.01", "PROVINCE=61", "DOWNLOAD=False"]) == {
        "LANG": "id", "ALPHA": 0.01, "PROVINCE": 61, "DOWNLOAD": False}
    with pytest.raises(CompendiumError, match="expected NAME=VALUE"):
        spec.parse_assignments(["LANG"])


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=lambda nb: nb.name)
def test_papermill_reads_every_parameter_with_its_help(nb):
    import papermill as pm

    inferred = pm.inspect_notebook(str(nb.path))
    assert set(inferred) == set(nb.defaults)
    assert all(p["help"] for p in inferred.values()), f"parameters without a help comment: {inferred}"


def test_declared_outputs_follow_parameters():
    nb = next(n for n in NOTEBOOKS if n.name == "02_border_series")
    outputs = nb.declared_outputs({**nb.defaults, "FIRST_YEAR": 2020}, with_microdata=True)
    assert "figures/border_series_2020_2023_id.svg" in outputs and "figures/border_series_2020_2023_en.json" in outputs


# --------------------------------------------------------------------------- failures, locks, interrupts


def _notebook(folder: Path, name: str, *code: str, meta: dict | None = None) -> Path:
    nb = new_notebook(metadata={"kernelspec": {"name": spec.KERNEL, "display_name": "k", "language": "python"},
                                "kalbar": meta or {}})
    params = new_code_cell("MODE = 'ok'  # ok or fail")
    params.metadata["tags"] = ["parameters"]
    nb.cells = [new_markdown_cell("# test"), params, *map(new_code_cell, code)]
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, folder / f"{name}.ipynb")
    return folder / f"{name}.ipynb"


WRITE_TABLE = ("import pandas as pd\nfrom kalbar_border import results\n"
               "results.write_table(pd.DataFrame({'mode': [MODE]}), 'flaky')\n"
               "results.record({'test.mode_ok': MODE == 'ok'}, notebook='01_flaky')")


@pytest.mark.slow
def test_failed_notebook_names_its_cell_keeps_outputs_and_runs_again(tmp_path):
    nbs, out = tmp_path / "nbs", tmp_path / "out"
    _notebook(nbs, "01_flaky", WRITE_TABLE, "if MODE == 'fail':\n    raise ValueError('deliberate failure')",
              meta={"outputs": ["results/flaky.csv", "results/01_flaky.json"]})
    assert run_pipeline(out, "--folder", nbs).returncode == 0
    before = _tree(out / "results")
    for _ in range(2):  # failed once, so it runs (and fails) again
        done = run_pipeline(out, "--folder", nbs, "MODE=fail")
        assert done.returncode == 1 and _status(done.stdout)["01_flaky"] == "FAILED"
        errors = [ln for ln in done.stderr.splitlines() if ln.startswith("error:")]
        assert errors == ["error: 01_flaky.ipynb: cell 4 raised ValueError: deliberate failure; "
                          "executed copy of this run: build/failed/01_flaky.ipynb"]
        assert _tree(out / "results") == before  # the table the failed run wrote is not promoted
        assert not list(out.rglob("*.pending"))
    assert (out / "build" / "failed" / "01_flaky.ipynb").is_file()


@pytest.mark.slow
def test_undeclared_output_fails_and_replaces_nothing(tmp_path):
    nbs, out = tmp_path / "nbs", tmp_path / "out"
    _notebook(nbs, "01_flaky", WRITE_TABLE, meta={"outputs": ["results/01_flaky.json"]})
    done = run_pipeline(out, "--folder", nbs)
    assert done.returncode == 1
    assert "01_flaky.ipynb: wrote results/flaky.csv, which its metadata (kalbar) does not declare" in done.stderr
    assert not (out / "results" / "flaky.csv").exists() and not list(out.rglob("*.pending"))


def test_the_languages_must_write_the_same_bytes(tmp_path, monkeypatch):
    """Each language's execution writes its outputs as pending files of its own; the other
    language's must be the English one's byte for byte, and are removed either way."""
    monkeypatch.setenv("COMPENDIUM_OUTPUT_DIR", str(tmp_path))
    nb = spec.Notebook(tmp_path / "01_x.ipynb", {"LANG": "en"})
    results = tmp_path / "results"
    results.mkdir()
    for token, text in (("1-01", "a,b\n1,2\n"), ("1-01-id", "a,b\n1,2\n")):
        execute._pending(results / "t.csv", token).write_text(text)
    execute._same_outputs(nb, "1-01", "1-01-id", "id")
    assert list(execute._pending_files("1-01")) == ["results/t.csv"] and not execute._pending_files("1-01-id")
    execute._pending(results / "t.csv", "1-01-id").write_text("a,b\n1,3\n")
    with pytest.raises(CompendiumError, match=r"01_x.ipynb: with LANG=id it wrote other bytes to results/t.csv than with "
                                              r"LANG=en; .* no output was replaced"):
        execute._same_outputs(nb, "1-01", "1-01-id", "id")
    assert not execute._pending_files("1-01-id")


@pytest.mark.slow
def test_a_notebook_whose_numbers_follow_its_language_fails(tmp_path):
    nbs, out = tmp_path / "nbs", tmp_path / "out"
    path = _notebook(nbs, "01_flaky", WRITE_TABLE.replace("[MODE]", "[MODE + LANG]"),
                     meta={"outputs": ["results/flaky.csv", "results/01_flaky.json"]})
    nb = nbformat.read(path, as_version=4)
    nb.cells[1].source += "\nLANG = 'en'  # en or id"
    nbformat.write(nb, path)
    done = run_pipeline(out, "--folder", nbs)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "01_flaky.ipynb: with LANG=id it wrote other bytes to results/flaky.csv than with LANG=en" in done.stderr
    assert not (out / "results" / "flaky.csv").exists() and not list(out.rglob("*.pending"))


@pytest.mark.slow
def test_edit_keeping_size_and_mtime_reruns_the_reader(tmp_path):
    """Dependencies are compared by content: a table edited with its size and modification
    time kept (``cp -p``, ``rsync -t``, ``touch -r``) reruns the notebook that reads it."""
    nbs, out, table = tmp_path / "nbs", tmp_path / "out", tmp_path / "table.csv"
    table.write_text("x\n1\n")
    _notebook(nbs, "01_reader", f"import pandas as pd\nfrom kalbar_border import results\n"
              f"results.write_table(pd.read_csv({str(table)!r}), 'copy')",
              meta={"inputs": [str(table)], "outputs": ["results/copy.csv"]})
    assert run_pipeline(out, "--folder", nbs).returncode == 0
    kept = table.stat()
    table.write_text("x\n2\n")
    os.utime(table, ns=(kept.st_atime_ns, kept.st_mtime_ns))
    assert (table.stat().st_size, table.stat().st_mtime_ns) == (kept.st_size, kept.st_mtime_ns)
    done = run_pipeline(out, "--folder", nbs)
    assert done.returncode == 0 and _status(done.stdout)["01_reader"] == "done", done.stdout
    assert (out / "results" / "copy.csv").read_text() == "x\n2\n"


@pytest.mark.slow
def test_outputs_work_in_folders_on_another_filesystem(tmp_path):
    """build/ and results/ symlinked to another mount: every write is a replace in its own folder.
    The mount is emulated (tests/faulty_run.py): a move into or out of it fails with EXDEV."""
    nbs, out, elsewhere = tmp_path / "nbs", tmp_path / "out", tmp_path / "elsewhere"
    _notebook(nbs, "01_flaky", WRITE_TABLE, meta={"outputs": ["results/flaky.csv", "results/01_flaky.json"]})
    out.mkdir()
    for folder in ("build", "results"):
        (elsewhere / folder).mkdir(parents=True)
        (out / folder).symlink_to(elsewhere / folder)
    done = run_faulty(out, "--other-filesystem", elsewhere, command=["--folder", nbs])
    assert done.returncode == 0, done.stderr
    assert (elsewhere / "results" / "flaky.csv").read_text() == "mode\nok\n"
    assert (out / "results").is_symlink()


def _sleeper(tmp_path: Path) -> tuple[Path, Path]:
    nbs, pid_file = tmp_path / "nbs", tmp_path / "kernel.pid"
    _notebook(nbs, "01_sleep", f"import os, time\nopen({str(pid_file)!r}, 'w').write(str(os.getpid()))\ntime.sleep(60)",
              meta={"outputs": []})
    return nbs, pid_file


def _default_sigint():
    # A shell running the suite in the background (`make test &`) starts it with SIGINT ignored,
    # and children inherit that: give the run under test the disposition a terminal gives it.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _start(out: Path, nbs: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "kalbar_border.workflow", "--folder", str(nbs)], cwd=paths.ROOT,
                            env={**os.environ, "COMPENDIUM_OUTPUT_DIR": str(out)}, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True, preexec_fn=_default_sigint)


def _wait_for(pid_file: Path, process: subprocess.Popen) -> int:
    deadline = time.monotonic() + 60
    while not (pid_file.is_file() and pid_file.read_text()):
        assert time.monotonic() < deadline and process.poll() is None, "the notebook never started"
        time.sleep(0.1)
    return int(pid_file.read_text())


def test_second_run_stops_at_once_naming_the_first(tmp_path):
    nbs, pid_file = _sleeper(tmp_path)
    out = tmp_path / "out"
    first = _start(out, nbs)
    try:
        _wait_for(pid_file, first)
        second = run_pipeline(out, "--folder", nbs, timeout=60)
        assert second.returncode == 2
        assert second.stderr.strip() == (f"error: another run (process {first.pid}) holds build/.lock; "
                                         "wait for it to finish (or pass --wait), then run again")
    finally:
        os.killpg(first.pid, signal.SIGKILL)
        first.communicate()


def test_ctrl_c_gives_one_line_and_leaves_no_process(tmp_path):
    nbs, pid_file = _sleeper(tmp_path)
    process = _start(tmp_path / "out", nbs)
    kernel = _wait_for(pid_file, process)
    os.killpg(process.pid, signal.SIGINT)  # what the terminal sends to the whole group
    stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 130
    assert stderr.strip().splitlines()[-1].startswith("interrupted:") and "Traceback" not in stderr
    assert not _running(kernel), f"kernel {kernel} outlived the interrupted run"


def _running(pid: int) -> bool:
    """Whether process ``pid`` is alive. A zombie (dead, not yet reaped by its new parent) is not.
    Off Linux, where there is no /proc to read, the check is not made (False)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] not in ("Z", "X")


@pytest.mark.slow
def test_cell_over_the_time_limit_fails_in_one_line(tmp_path):
    """The cell would never end by itself: the run finishes only because the limit stops it,
    and the kernel running it is gone when the run is."""
    nbs, out, pid_file = tmp_path / "nbs", tmp_path / "out", tmp_path / "kernel.pid"
    _notebook(nbs, "01_slow", "x = 1", f"import os, threading\nopen({str(pid_file)!r}, 'w').write(str(os.getpid()))\n"
              "threading.Event().wait()", meta={"outputs": []})
    done = run_pipeline(out, "--folder", nbs, "--timeout", "1")
    assert done.returncode == 1
    assert done.stderr.strip() == ("error: 01_slow.ipynb: cell 4 did not finish within 1 s, the limit per cell; "
                                   "if it needs longer, run again with make reproduce TIMEOUT=SECONDS")
    assert not list(out.rglob("*.pending"))
    assert not _running(int(pid_file.read_text()))


def test_make_passes_timeout_and_documents_it():
    if shutil.which("make") is None:
        pytest.skip("make not installed")
    dry = subprocess.run(["make", "-n", "reproduce", "TIMEOUT=42"], cwd=paths.ROOT, capture_output=True, text=True)
    assert "-m kalbar_border.workflow --timeout 42" in " ".join(dry.stdout.split())
    helped = subprocess.run(["make", "-s", "help"], cwd=paths.ROOT, capture_output=True, text=True).stdout
    assert "TIMEOUT=" in helped and "TIMEOUT=" in (paths.ROOT / "docs" / "pipeline.md").read_text()
    assert 60 <= spec.TIMEOUT < 900  # minutes: wide for the slowest real cell (about 1.5 s), not a quarter hour


@pytest.mark.parametrize("value", ["0", "ten", "-5"])
def test_bad_timeout_is_one_line(tmp_path, value):
    done = run_pipeline(tmp_path / "out", "--timeout", value)
    assert done.returncode == 2 and done.stderr.strip().splitlines() == [
        f"error: TIMEOUT={value!r}: expected a whole number of seconds per cell, e.g. TIMEOUT=600"]


@pytest.mark.parametrize("line, said", [
    ("LAST_YEAR = 2020 + 3", "parameters cell line 2: `LAST_YEAR = 2020 + 3` is not a literal"),
    ("LAST_YEAR = (2023", "parameters cell line 2: not valid Python"),
    ("print('hello')", "parameters cell line 2: `print('hello')` is not an assignment"),
])
def test_parameters_cell_must_hold_literals(tmp_path, line, said):
    """The same line from the command and from doit's own list, never a traceback."""
    nbs = tmp_path / "nbs"
    path = _notebook(nbs, "01_x", "x = 1")
    nb = json.loads(path.read_text())
    nb["cells"][1]["source"] = f"MODE = 'ok'\n{line}\n"
    path.write_text(json.dumps(nb))
    doit = Path(sys.executable).with_name("doit")
    for done in (run_pipeline(tmp_path / "out", "--folder", nbs),
                 subprocess.run([str(doit), "list", f"NOTEBOOKS={nbs}"], cwd=paths.ROOT, capture_output=True, text=True)):
        assert done.returncode == 2, done.stderr
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"error: {path}: {said}"), done.stderr
        assert "expected NAME = a literal" in lines[0]


def test_build_that_is_a_file_is_one_line(tmp_path):
    nbs, out = _sleeper(tmp_path)[0], tmp_path / "out"
    out.mkdir()
    (out / "build").write_text("not a folder")
    done = run_pipeline(out, "--folder", nbs)
    assert done.returncode == 2 and done.stderr.strip().splitlines() == [
        f"error: {out / 'build'}: exists but is not a folder; the pipeline writes its build/ there: "
        "rename or remove that file, then run again"]


def test_unwritable_checkout_points_at_output_dir(tmp_path):
    """A checkout on a read-only filesystem, emulated (tests/faulty_run.py): the tests run as root,
    whom permission bits do not stop."""
    nbs = _sleeper(tmp_path)[0]
    folder = tmp_path / "read-only"
    folder.mkdir()
    done = run_faulty(folder, "--read-only", folder, command=["--folder", nbs])
    assert done.returncode == 2 and "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {folder}: outputs cannot be written there")
    assert "set COMPENDIUM_OUTPUT_DIR to a writable folder" in lines[0]
    assert list(folder.iterdir()) == []


# --------------------------------------------------------------------------- small parts


def test_source_cell_numbers_do_not_count_the_injected_cell():
    nb = new_notebook()
    injected = new_code_cell("MODE = 'fail'")
    injected.metadata["tags"] = ["injected-parameters"]
    nb.cells = [new_markdown_cell("# t"), new_code_cell("MODE = 'ok'"), injected, new_code_cell("x"), new_code_cell("y")]
    assert execute._source_cell(nb, 4) == 4  # 5th cell of the executed copy, 4th of the source
    assert execute._source_cell(nb, 1) == 2


def test_missing_parameters_cell_is_refused(tmp_path):
    path = _notebook(tmp_path, "01_x", "x = 1")
    nb = json.loads(path.read_text())
    nb["cells"][1]["metadata"]["tags"] = []
    path.write_text(json.dumps(nb))
    with pytest.raises(CompendiumError, match="expected exactly one cell tagged 'parameters', found 0"):
        spec.Notebook.load(path)


def test_paths_do_not_depend_on_working_directory(tmp_path):
    code = "from kalbar_border import paths; print(paths.ROOT)"
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == str(paths.ROOT)


def test_doit_lists_one_task_per_notebook_and_the_report():
    doit = Path(sys.executable).with_name("doit")
    listed = subprocess.run([str(doit), "list"], cwd=paths.ROOT, capture_output=True, text=True, check=True).stdout
    names = [line.split()[0] for line in listed.splitlines() if line.strip()]
    assert set(names) <= {nb.name for nb in NOTEBOOKS} | {"report"} and "report" in names


def test_make_help_lists_every_target():
    if shutil.which("make") is None:
        pytest.skip("make not installed")
    out = subprocess.run(["make", "-s", "help"], cwd=paths.ROOT, capture_output=True, text=True, check=True).stdout
    for target in ("help", "setup", "reproduce", "test", "lab", "clean"):
        assert f"make {target}" in out
