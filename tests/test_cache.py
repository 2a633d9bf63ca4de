"""The content-addressed cache: unchanged notebooks are reused, a change reruns exactly the
notebook it touches and its dependents, and independent notebooks run in parallel."""
import json
import os

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from kalbar_border import cache, kernels, runner

RECORD = "from kalbar_border import results\nresults.record({{'{key}': {value}}}, notebook='{name}')"


def _notebook(folder, name, code, inputs, outputs):
    nb = new_notebook(metadata={"kalbar": {"inputs": inputs, "outputs": outputs}})
    params = new_code_cell("LANG = 'en'")
    params.metadata["tags"] = ["parameters"]
    nb.cells = [new_markdown_cell(f"# {name}"), params, new_code_cell(code)]
    nbformat.write(nb, folder / f"{name}.ipynb")


@pytest.fixture
def project(tmp_path):
    """Three notebooks: a reads a.txt, b reads b.txt, c reads a's results."""
    nbs = tmp_path / "nbs"
    nbs.mkdir()
    (tmp_path / "a.txt").write_text("1")
    (tmp_path / "b.txt").write_text("2")
    read = "value = int(open({path!r}).read())\n"
    _notebook(nbs, "01_a", read.format(path=str(tmp_path / "a.txt")) + RECORD.format(key="ta.value", value="value", name="01_a"),
              [str(tmp_path / "a.txt")], ["results:ta"])
    _notebook(nbs, "02_b", read.format(path=str(tmp_path / "b.txt")) + RECORD.format(key="tb.value", value="value", name="02_b"),
              [str(tmp_path / "b.txt")], ["results:tb"])
    _notebook(nbs, "03_c", "from kalbar_border import results\nv = results.load_results()['ta.value']\n"
              + RECORD.format(key="tc.value", value="2 * v", name="03_c"), ["results:ta"], ["results:tc"])
    out = tmp_path / "out"

    def run(**kwargs):
        manifest = runner.run(folder=nbs, dest=out, echo=lambda _: None, **kwargs)
        return {n["notebook"][:-6]: (n["status"], n.get("reason", "")) for n in manifest["notebooks"]}

    return tmp_path, nbs, out, run


def test_dependencies_follow_declarations():
    specs = {"a": ([], ["results:x", "data/processed/t.csv"]), "b": (["data/processed/t.csv"], []),
             "c": (["results:x"], []), "d": (["results:y"], [])}
    assert cache.dependencies(specs) == {"a": set(), "b": {"a"}, "c": {"a"}, "d": set()}


def test_reuse_rerun_and_force(project, monkeypatch):
    tmp_path, nbs, out, run = project
    assert {s for s, _ in run().values()} == {"ok"}
    results = json.loads((out / "results" / "results.json").read_text())
    assert results == {"ta.value": 1, "tb.value": 2, "tc.value": 2}

    assert {s for s, _ in run().values()} == {"reused"}

    # A data file: exactly its notebook and that notebook's dependents rerun.
    (tmp_path / "a.txt").write_text("5")
    statuses = run()
    assert statuses["01_a"] == ("ok", f"input changed: {tmp_path / 'a.txt'}")
    assert statuses["02_b"][0] == "reused"
    assert statuses["03_c"] == ("ok", "input changed: results:ta")
    assert json.loads((out / "results" / "results.json").read_text())["tc.value"] == 10

    # A leaf notebook's code: only that notebook.
    nb = nbformat.read(nbs / "03_c.ipynb", as_version=4)
    nb.cells.append(new_code_cell("x = 1"))
    nbformat.write(nb, nbs / "03_c.ipynb")
    assert run() == {"01_a": ("reused", "unchanged"), "02_b": ("reused", "unchanged"), "03_c": ("ok", "notebook changed")}

    # The library: every notebook depends on it.
    monkeypatch.setattr(cache, "lib_digest", lambda: "changed")
    assert {r for _, r in run().values()} == {"lib changed"}

    assert {r for _, r in run(force=True).values()} == {"forced"}
    manifest = json.loads((out / "build" / "manifest.json").read_text())
    assert [n["status"] for n in manifest["notebooks"]] == ["ok", "ok", "ok"]


def test_missing_output_reruns(project):
    _, _, out, run = project
    run()
    (out / "build" / "notebooks" / "02_b.ipynb").unlink()
    statuses = run()
    assert statuses["02_b"] == ("ok", "outputs missing") and statuses["01_a"][0] == "reused"


def test_lost_results_rerun_their_writer(project):
    _, _, out, run = project
    run()
    (out / "results" / "results.json").unlink()
    (out / "results" / "results_sources.json").unlink()
    assert {s for s, _ in run().values()} == {"ok"}
    assert json.loads((out / "results" / "results.json").read_text()) == {"ta.value": 1, "tb.value": 2, "tc.value": 2}


def test_a_file_named_by_a_parameter_is_an_input(tmp_path):
    """-p DATA=/some/file: editing that file in place reruns the notebook, as a declared
    input would; parameters that are not file names are only parameters."""
    nbs = tmp_path / "nbs"
    nbs.mkdir()
    data = tmp_path / "other.csv"
    data.write_text("1")
    nb = new_notebook(metadata={"kalbar": {"inputs": [], "outputs": ["results:tp"]},
                                "kernelspec": {"name": runner.KERNEL, "display_name": "k", "language": "python"}})
    params = new_code_cell("LANG = 'en'\nDATA = None")
    params.metadata["tags"] = ["parameters"]
    nb.cells = [params, new_code_cell("value = int(open(DATA).read())\n" + RECORD.format(key="tp.value", value="value", name="01_p"))]
    nbformat.write(nb, nbs / "01_p.ipynb")

    def run():
        manifest = runner.run([nbs / "01_p.ipynb"], overrides={"DATA": str(data)}, dest=tmp_path / "out", echo=lambda _: None)
        return manifest["notebooks"][0]["status"], manifest["notebooks"][0]["reason"]

    assert run() == ("ok", "no cache record")
    assert run() == ("reused", "unchanged")
    data.write_text("2")
    assert run() == ("ok", "input changed: parameter:DATA")
    assert json.loads((tmp_path / "out" / "results" / "results.json").read_text())["tp.value"] == 2
    assert cache.parameter_files({"LANG": "en", "N": 3, "DATA": str(data), "GONE": str(tmp_path / "no.csv")}) == {
        "parameter:DATA": data}


def test_remaining_path_prefers_the_long_chain():
    deps = {"a": set(), "b": set(), "c": {"b"}, "d": {"a", "c"}}
    chain = cache.remaining_path({"a": 1.0, "b": 2.0, "c": 5.0, "d": 1.0}, cache.dependents(deps))
    assert chain == {"a": 2.0, "b": 8.0, "c": 6.0, "d": 1.0}


def test_estimated_seconds_uses_the_record_then_input_size(tmp_path):
    (tmp_path / "big.csv").write_bytes(b"x" * 3_000_000)
    assert cache.estimated_seconds([str(tmp_path / "big.csv")], tmp_path, 7.5) == 7.5
    assert cache.estimated_seconds([str(tmp_path / "big.csv"), "results:x", str(tmp_path / "gone")], tmp_path, None) == 4.0


def test_ready_notebooks_run_longest_chain_first_single_threaded(tmp_path, monkeypatch):
    """01 is independent; 03 waits for 02, so 02 heads the longer chain and starts first.
    Kernels get one BLAS thread, whatever the runner's environment."""
    nbs = tmp_path / "nbs"
    nbs.mkdir()
    check = "import os\nassert os.environ['OPENBLAS_NUM_THREADS'] == '1' == os.environ['OMP_NUM_THREADS']\n"
    _notebook(nbs, "01_x", check + RECORD.format(key="tx.v", value=1, name="01_x"), [], ["results:tx"])
    _notebook(nbs, "02_y", check + RECORD.format(key="ty.v", value=2, name="02_y"), [], ["results:ty"])
    _notebook(nbs, "03_z", RECORD.format(key="tz.v", value=3, name="03_z"), ["results:ty"], ["results:tz"])
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "4")
    monkeypatch.delenv("OMP_NUM_THREADS", raising=False)
    lines = []
    runner.run(folder=nbs, dest=tmp_path / "out", echo=lines.append, jobs=1)
    assert os.environ["OPENBLAS_NUM_THREADS"] == "4" and "OMP_NUM_THREADS" not in os.environ  # restored
    assert [line.split()[1] for line in lines] == ["02_y.ipynb", "01_x.ipynb", "03_z.ipynb"]
    record = json.loads((tmp_path / "out" / "build" / "cache.json").read_text())
    assert all(r["seconds"] > 0 for r in record.values())


@pytest.mark.skipif(os.name != "posix", reason="IPC transport needs Unix sockets")
def test_kernels_use_their_own_unix_sockets():
    """No shared port or socket name for parallel kernels to race for."""
    manager = kernels.kernel_manager()
    first, second = manager(kernel_name=runner.KERNEL), manager(kernel_name=runner.KERNEL)
    assert first.transport == second.transport == "ipc"
    assert first.ip != second.ip
