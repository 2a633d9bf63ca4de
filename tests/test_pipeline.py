"""The pipeline runner: executes every notebook, never writes sources, stops on the first
failure naming notebook and cell, and leaves the last good outputs untouched."""
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from kalbar_border import paths, runner
from kalbar_border.atomic import sha256_file
from kalbar_border.errors import CompendiumError


def _tree_hashes(folder):
    return {p.relative_to(folder).as_posix(): sha256_file(p) for p in sorted(folder.rglob("*")) if p.is_file()}


def test_full_run_executes_every_cell(pipeline_run):
    dest, manifest, lines = pipeline_run
    assert len(lines) == len(runner.discover())
    assert all(" ok " in line for line in lines)
    for entry in manifest["notebooks"]:
        assert entry["status"] == "ok" and entry["seconds"] > 0
        nb = nbformat.read(dest / "build" / "notebooks" / entry["notebook"], as_version=4)
        assert runner.unexecuted_cells(nb) == []
        outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
        assert not [o for o in outputs if o.get("name") == "stderr"], f"{entry['notebook']} wrote to stderr"
        assert (dest / "build" / "html" / entry["notebook"].replace(".ipynb", ".html")).is_file()


def test_manifest_records_inputs_versions_commit(pipeline_run):
    dest, _, _ = pipeline_run
    manifest = json.loads((dest / "build" / "manifest.json").read_text())
    assert manifest["packages"]["papermill"] and manifest["git_commit"]
    first = manifest["notebooks"][0]
    assert first["parameters"]["LANG"] == "en"
    assert all(len(h) == 64 for h in first["inputs"].values())


def test_sources_are_never_written(pipeline_run):
    for path in runner.discover():
        nb = json.loads(path.read_text())
        assert all(c.get("execution_count") is None for c in nb["cells"] if c["cell_type"] == "code")


def _notebook(path, code, tag_params=True):
    nb = new_notebook(metadata={"kernelspec": {"name": runner.KERNEL, "display_name": "k", "language": "python"}})
    params = new_code_cell("LANG = 'en'")
    if tag_params:
        params.metadata["tags"] = ["parameters"]
    nb.cells = [new_markdown_cell("# test"), params, new_code_cell(code)]
    nbformat.write(nb, path)
    return path


def test_failure_names_notebook_and_cell_and_keeps_good_outputs(tmp_path):
    src = tmp_path / "nbs"
    src.mkdir()
    good = _notebook(src / "01_good.ipynb",
                     "from kalbar_border import results\nresults.record({'test.value': 1}, notebook='01_good')")
    dest = tmp_path / "out"
    runner.run([good], dest=dest, echo=lambda _: None)
    before = _tree_hashes(dest / "results")
    bad = _notebook(src / "02_bad.ipynb", "raise ValueError('deliberate failure')")
    with pytest.raises(CompendiumError) as err:
        runner.run([good, bad], dest=dest, echo=lambda _: None)
    message = str(err.value)
    assert "02_bad.ipynb: cell 2" in message and "ValueError: deliberate failure" in message
    assert "\n" not in message
    assert _tree_hashes(dest / "results") == before
    assert (dest / "build" / "failed" / "build" / "notebooks" / "02_bad.ipynb").is_file()


def test_unexecuted_notebook_is_retried_then_failed(tmp_path, monkeypatch):
    path = _notebook(tmp_path / "01_x.ipynb", "x = 1")
    calls = []

    def fake_execute(source, target, params, kernel, timeout, **_):
        calls.append(source)
        return nbformat.read(source, as_version=4)  # as papermill returns it after a port race

    monkeypatch.setattr(runner, "_execute", fake_execute)
    with pytest.raises(CompendiumError, match="without execution counts after 2 attempts"):
        runner.run_one(path, tmp_path / "out.ipynb", {})
    assert len(calls) == 2


def test_missing_parameters_cell_is_refused(tmp_path):
    path = _notebook(tmp_path / "01_x.ipynb", "x = 1", tag_params=False)
    with pytest.raises(CompendiumError, match="expected exactly one cell tagged 'parameters', found 0"):
        runner.parameters_of(path)


def test_override_parsing():
    assert runner._parse_overrides(["LANG=id", "N=3"]) == {"LANG": "id", "N": 3}
    with pytest.raises(CompendiumError, match="expected NAME=VALUE"):
        runner._parse_overrides(["LANG"])


def test_paths_do_not_depend_on_working_directory(tmp_path):
    code = "from kalbar_border import paths; print(paths.ROOT)"
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == str(paths.ROOT)


def test_make_help_lists_every_target():
    if shutil.which("make") is None:
        pytest.skip("make not installed")
    out = subprocess.run(["make", "-s", "help"], cwd=paths.ROOT, capture_output=True, text=True, check=True).stdout
    for target in ("help", "setup", "reproduce", "test", "lab", "clean"):
        assert f"make {target}" in out


def test_timeout_fails_in_one_line_without_claiming_an_executed_copy(tmp_path):
    src = tmp_path / "nbs"
    src.mkdir()
    slow = _notebook(src / "01_slow.ipynb", "import time\ntime.sleep(30)")
    dest = tmp_path / "out"
    with pytest.raises(CompendiumError) as err:
        runner.run([slow], dest=dest, echo=lambda _: None, timeout=2)
    message = str(err.value)
    assert "01_slow.ipynb: execution failed" in message and "\n" not in message
    assert message.endswith("no executed copy (the kernel stopped before the notebook finished)")
    assert not (dest / "build" / "failed" / "build" / "notebooks" / "01_slow.ipynb").exists()


def _zygote_sockets():
    return set(Path(tempfile.gettempdir()).glob("kalbar-zygote-*"))


def _processes_mentioning(text):
    """Process ids whose command line contains ``text`` (Linux /proc)."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if text.encode() in cmdline.read_bytes():
                found.append(int(cmdline.parent.name))
        except OSError:
            continue
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="kernels are forked on Linux only")
def test_kernels_are_fresh_forks_of_the_zygote_and_nothing_outlives_the_run(tmp_path, monkeypatch):
    """Each notebook gets a kernel of its own (its own process, a namespace with nothing
    but its own names); kernels started ahead of time are forked from the run's zygote, which
    has imported the stack; after the run neither the zygote nor any kernel is left."""
    src = tmp_path / "nbs"
    src.mkdir()
    probe = ("import os, sys, json\n"
             "print(json.dumps({'pid': os.getpid(), 'ppid': os.getppid(), 'preloaded': 'pandas' in sys.modules,\n"
             "                  'argv0': os.path.basename(sys.argv[0]), 'cwd': os.getcwd(), 'path': sys.path,\n"
             "                  'mpl': __import__('matplotlib').get_backend(), 'draw': __import__('numpy').random.random(),\n"
             "                  'names': sorted(k for k in globals() if not k.startswith('_'))}))")
    for name in ("01_a", "02_b", "03_c"):
        _notebook(src / f"{name}.ipynb", probe)
    dest = tmp_path / "out"
    monkeypatch.setattr(os, "cpu_count", lambda: 2)  # one job, one idle core: spare kernels, forked
    sockets_before = _zygote_sockets()
    runner.run(folder=src, dest=dest, echo=lambda _: None, jobs=1)
    seen = []
    for name in ("01_a", "02_b", "03_c"):
        nb = nbformat.read(dest / "build" / "notebooks" / f"{name}.ipynb", as_version=4)
        seen.append(json.loads(nb.cells[2].outputs[0]["text"]))
    assert len({s["pid"] for s in seen}) == 3  # one kernel per notebook
    # The first kernel does not wait for the zygote's imports; the spares after it are its forks.
    assert seen[1]["ppid"] == seen[2]["ppid"] != os.getpid() and seen[1]["preloaded"] and seen[2]["preloaded"]
    assert all(s["names"] == seen[0]["names"] for s in seen)
    assert all(s["argv0"] == "ipykernel_launcher.py" and s["cwd"] == str(paths.ROOT) for s in seen)
    assert all(s["path"] == seen[0]["path"] and s["mpl"] == seen[0]["mpl"] for s in seen)  # plain first, forks after
    assert len({s["draw"] for s in seen}) == 3  # forks do not share numpy's unseeded random state
    assert "pandas" not in seen[0]["names"] and "LANG" in seen[0]["names"]  # preloaded, never bound
    assert not _processes_mentioning("kalbar_border.kernel_forks")
    assert not [s["pid"] for s in seen if Path(f"/proc/{s['pid']}").exists()]
    assert _zygote_sockets() <= sockets_before


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_runner_killed_hard_leaves_no_worker_zygote_or_kernel(tmp_path):
    """SIGKILL gives the runner no chance to shut anything down: its workers end themselves,
    the zygote ends itself, and the kernel of the notebook that was running follows."""
    import signal
    import time

    src = tmp_path / "nbs"
    src.mkdir()
    pid_file = tmp_path / "kernel.pid"
    _notebook(src / "01_sleep.ipynb", f"import os, time\nopen({str(pid_file)!r}, 'w').write(str(os.getpid()))\ntime.sleep(120)")
    # Sockets of kernels killed without a shutdown stay behind: keep them in a folder of the
    # test's own (short: a Unix socket path has at most 107 bytes).
    sockets = Path(tempfile.mkdtemp(prefix="kb"))
    runner_process = subprocess.Popen([sys.executable, "-m", "kalbar_border.runner", "--folder", str(src),
                                       "--dest", str(tmp_path / "out")], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                      env={**os.environ, "TMPDIR": str(sockets)})
    deadline = time.monotonic() + 60
    while not (pid_file.is_file() and pid_file.read_text()):
        assert time.monotonic() < deadline and runner_process.poll() is None, "the notebook never started"
        time.sleep(0.1)
    kernel = int(pid_file.read_text())
    runner_process.send_signal(signal.SIGKILL)
    runner_process.wait()
    deadline = time.monotonic() + 15
    while True:
        left = _processes_mentioning(str(src)) + _processes_mentioning("kalbar_border.kernel_forks")
        left += [kernel] if Path(f"/proc/{kernel}").exists() else []
        if not left:
            break
        assert time.monotonic() < deadline, f"still running 15 s after the runner was killed: {left}"
        time.sleep(0.2)
    assert not list(sockets.glob("kalbar-zygote-*"))  # the zygote removed its socket as it left
    shutil.rmtree(sockets)
