"""Every notebook source is stripped, has one parameters cell, opens with what it
reproduces, never edits sys.path, and is executed by the test suite."""
import json

import pytest

from kalbar_border import paths
from kalbar_border.pipeline import notebooks as spec

NOTEBOOKS = [nb.path for nb in spec.discover()]
GOLDEN = paths.TESTS / "golden"
NBVAL_TAG = "nbval-check-output"
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
    assert first["cell_type"] == "markdown" and spec.cell_source(first).startswith("# ")
    assert "reproduces" in spec.cell_source(first).lower()
    params = spec.Notebook.load(path).defaults
    assert "LANG" in params


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_translation_lives_in_notebook_code(path):
    """Code cells take reader-facing words from the catalogue (label(key, lang)), never from a
    {"en": ..., "id": ...} literal the catalogue's tests and glossary cannot see."""
    code = "\n".join(spec.cell_source(c) for c in json.loads(path.read_text())["cells"] if c["cell_type"] == "code")
    assert '"id": "' not in code and '"id": f"' not in code


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_sys_path_or_relative_paths(path):
    code = "\n".join(spec.cell_source(c) for c in json.loads(path.read_text())["cells"] if c["cell_type"] == "code")
    assert "sys.path" not in code
    assert "../" not in code


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_declared_inputs_exist_or_are_made_by_an_earlier_notebook(path):
    """Inputs come from the repository or an earlier notebook; the one exception is the claims
    ledger (07), which also reads the licensed notebook 08 when a researcher runs it (doit
    orders the two by that dependency)."""
    nb = spec.Notebook.load(path)
    assert nb.outputs, f"{path.name} declares no outputs"
    assert f"results/{nb.name}.json" in nb.outputs, f"{path.name} does not declare its findings file"
    licensed = {"results/08_remittances_investment.json"} if nb.name == "07_claims" else set()
    earlier = {o for other in spec.discover() if other.name < nb.name
               for o in other.declared_outputs(other.defaults, with_microdata=True)} | licensed
    for rel in nb.inputs:
        assert (paths.ROOT / rel).is_file() or rel in earlier, f"{path.name} declares input {rel} that nothing provides"


def test_every_notebook_is_executed_by_the_suite(pipeline_run):
    _, manifest, _ = pipeline_run
    assert [n["notebook"] for n in manifest["notebooks"]] == [p.name for p in NOTEBOOKS]


def test_golden_copies_match_sources():
    """nbval's golden notebooks must hold the same code as the sources (`make golden`)."""
    golden = sorted(GOLDEN.glob("*.ipynb"))
    assert golden, "no golden notebooks for nbval"
    for path in golden:
        source = json.loads((paths.NOTEBOOKS / path.name).read_text())
        gold = json.loads(path.read_text())
        code = lambda nb: [spec.cell_source(c) for c in nb["cells"] if c["cell_type"] == "code"
                           and "injected-parameters" not in c["metadata"].get("tags", [])]
        assert code(gold) == code(source), f"{path.name}: golden copy is stale; run `make reproduce && make golden`"
        assert any(NBVAL_TAG in c["metadata"].get("tags", []) for c in gold["cells"])
        # a refresh must not rewrite every line: papermill's random cell ids are replaced by fixed ones
        assert [c.get("id") for c in gold["cells"]] == [f"cell-{i}" for i in range(len(gold["cells"]))]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_narrative_cell_has_its_indonesian_twin(path):
    cells = json.loads(path.read_text())["cells"]
    tags = [set(c["metadata"].get("tags", [])) for c in cells]
    for i, (cell, tagged) in enumerate(zip(cells, tags)):
        if cell["cell_type"] == "markdown" and not tagged & {"exercise", "solution"}:
            assert tagged & {"lang-en", "lang-id"}, f"{path.name}: markdown cell {i + 1} is tagged neither lang-en nor lang-id"
        if "lang-en" in tagged:
            assert i + 1 < len(cells) and "lang-id" in tags[i + 1], f"{path.name}: cell {i + 1} has no Indonesian twin"
    text = " ".join(spec.cell_source(c) for c in cells if c["cell_type"] == "markdown")
    assert "buku catatan" not in text and "terreproduksi" not in text
