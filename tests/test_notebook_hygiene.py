"""Every notebook source is stripped, has one parameters cell, opens with what it
reproduces, never edits sys.path, and is executed by the test suite."""
import json

import pytest

from kalbar_border import cache, paths, runner

NOTEBOOKS = runner.discover()
ALLOWED_NB_METADATA = {"kernelspec", "language_info", "kalbar"}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_source_is_stripped(path):
    nb = json.loads(path.read_text())
    assert set(nb["metadata"]) <= ALLOWED_NB_METADATA, f"volatile metadata: {set(nb['metadata']) - ALLOWED_NB_METADATA}"
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None
        assert set(cell["metadata"]) <= {"tags"}, f"cell metadata {cell['metadata']}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_one_parameters_cell_and_story_opening(path):
    nb = json.loads(path.read_text())
    tagged = [c for c in nb["cells"] if "parameters" in c["metadata"].get("tags", [])]
    assert len(tagged) == 1
    first = nb["cells"][0]
    assert first["cell_type"] == "markdown" and "".join(first["source"]).startswith("# ")
    assert "reproduces" in "".join(first["source"]).lower()
    assert "LANG" in runner.parameters_of(path)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_sys_path_or_relative_paths(path):
    code = "\n".join("".join(c["source"]) for c in json.loads(path.read_text())["cells"] if c["cell_type"] == "code")
    assert "sys.path" not in code
    assert "../" not in code


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_declared_inputs_exist(path):
    inputs, outputs = cache.declarations(path)
    assert outputs, f"{path.name} declares no outputs"
    for rel in inputs:
        if not rel.startswith(cache.RESULTS_PREFIX) and not any(rel.startswith(g) for g in paths.GENERATED):
            assert (paths.ROOT / rel).is_file(), f"{path.name} declares missing input {rel}"


def test_every_notebook_is_executed_by_the_suite(pipeline_run):
    _, manifest, _ = pipeline_run
    assert [n["notebook"] for n in manifest["notebooks"]] == [p.name for p in NOTEBOOKS]


def test_golden_copies_match_sources():
    """nbval's golden notebooks must hold the same code as the sources (`make golden`)."""
    golden = sorted(runner.GOLDEN.glob("*.ipynb"))
    assert golden, "no golden notebooks for nbval"
    for path in golden:
        source = json.loads((paths.NOTEBOOKS / path.name).read_text())
        gold = json.loads(path.read_text())
        code = lambda nb: ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"
                           and "injected-parameters" not in c["metadata"].get("tags", [])]
        assert code(gold) == code(source), f"{path.name}: golden copy is stale; run `make reproduce && make golden`"
        assert any(runner.NBVAL_TAG in c["metadata"].get("tags", []) for c in gold["cells"])
