"""The teaching edition: every exercise has a solution that passes its check, the checks give
hints instead of tracebacks, and the student copies hold no solution and still run."""
import json

import nbformat
import pytest

from kalbar_border import teaching
from kalbar_border.pipeline import notebooks as spec
from kalbar_border.errors import CompendiumError
from tests.conftest import run_pipeline

WITH_EXERCISES = [nb for nb in spec.discover() if nb.name[:2] in {"02", "03", "04", "05", "06"}]


def _tagged(cells, tag):
    return [c for c in cells if tag in c.get("metadata", {}).get("tags", [])]


def _text(cell) -> str:
    return "".join(o.get("text", "") for o in cell.get("outputs", []))


@pytest.mark.parametrize("nb", WITH_EXERCISES, ids=lambda nb: nb.name)
def test_at_least_two_bilingual_exercises_each_with_a_solution(nb):
    cells = json.loads(nb.path.read_text())["cells"]
    questions = [c for c in _tagged(cells, "exercise") if c["cell_type"] == "markdown"]
    assert len(questions) >= 2
    assert all("**Exercise" in "".join(c["source"]) and "**Latihan" in "".join(c["source"]) for c in questions)
    asks = [c for c in _tagged(cells, "exercise") if c["cell_type"] == "code"]
    solutions = _tagged(cells, "solution")
    assert len(asks) == len(solutions) == len(questions)
    for ask, solution in zip(asks, solutions):
        exercise = "".join(ask["source"]).split('teaching.check("')[1][:4]
        assert f'teaching.check("{exercise}"' in "".join(solution["source"]) and exercise in teaching.CHECKS


def test_every_solution_passes_its_check_in_the_executed_notebooks(pipeline_run):
    out = pipeline_run[0]
    for nb in WITH_EXERCISES:
        cells = nbformat.read(out / "build" / "notebooks" / nb.path.name, as_version=4).cells
        for cell in _tagged(cells, "solution"):
            assert _text(cell).startswith("correct: "), (nb.name, _text(cell))
        for cell in [c for c in _tagged(cells, "exercise") if c.cell_type == "code"]:
            assert _text(cell).startswith("your turn"), (nb.name, _text(cell))


def test_checks_name_the_usual_mistake_instead_of_failing(capsys):
    change = teaching._complaints_change()
    teaching.check("02.1", 100 * change["end_value"] / change["start_value"])
    teaching.check("02.1", change["percent_change"], lang="id")
    teaching.check("02.2", ["BS001"])
    teaching.check("04.1", "not a number")
    teaching.check("03.1", None, lang="id")
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("not yet: that is 2020 as a percentage of 2019")
    assert lines[1].startswith("benar: -68.9")
    assert lines[2] == "not yet: one more row carries the same number"
    assert lines[3].startswith("not yet: divide remittances")
    assert lines[4] == "giliran Anda: ganti None dengan jawaban Anda"
    with pytest.raises(CompendiumError, match="exercise '09.9' unknown"):
        teaching.check("09.9", 1)


def test_unweighted_share_check_recognises_the_weighted_share(susenas, capsys):
    frames = {"susenas": susenas}
    unweighted, weighted = teaching._persons15_savings(frames)
    teaching.check("05.1", weighted, frames=frames)
    teaching.check("05.1", unweighted, frames=frames)
    said = capsys.readouterr().out.splitlines()
    assert said[0].startswith("not yet: that is the weighted share") and said[1].startswith("correct: ")


def test_student_copies_hold_no_solution_and_run_top_to_bottom(tmp_path):
    written = teaching.write_student_copies(tmp_path / "student")
    assert [p.name for p in written] == [nb.path.name for nb in spec.discover()]
    for path in written:
        cells = json.loads(path.read_text())["cells"]
        assert not _tagged(cells, "solution")
        assert all(c.get("outputs", []) == [] for c in cells if c["cell_type"] == "code")
    done = run_pipeline(tmp_path / "out", "--folder", tmp_path / "student")
    assert done.returncode == 0, done.stdout + done.stderr
    for nb in WITH_EXERCISES:
        cells = nbformat.read(tmp_path / "out" / "build" / "notebooks" / nb.path.name, as_version=4).cells
        asks = [c for c in _tagged(cells, "exercise") if c.cell_type == "code"]
        assert asks and all(_text(c).startswith("your turn") for c in asks)


def test_indonesian_student_copies_hold_only_the_indonesian_narrative_and_run(tmp_path):
    """A class in Pontianak: `make student STUDENT_LANG=id` gives copies without the English
    narrative, with LANG = "id" preset, whose checks answer in Indonesian."""
    written = teaching.write_student_copies(tmp_path / "all", lang="id")
    for path in written:
        cells = json.loads(path.read_text())["cells"]
        assert not _tagged(cells, "solution") and not _tagged(cells, "lang-en") and _tagged(cells, "lang-id")
        parameters = "".join(_tagged(cells, "parameters")[0]["source"])
        assert 'LANG = "id"' in parameters and 'LANG = "en"' not in parameters, path.name
    # one notebook with exercises is enough to show the copies run in Indonesian (02 reads only raw tables)
    (tmp_path / "one").mkdir()
    (tmp_path / "one" / "02_border_series.ipynb").write_bytes((tmp_path / "all" / "02_border_series.ipynb").read_bytes())
    done = run_pipeline(tmp_path / "out", "--folder", tmp_path / "one")
    assert done.returncode == 0, done.stdout + done.stderr
    cells = nbformat.read(tmp_path / "out" / "build" / "notebooks" / "02_border_series.ipynb", as_version=4).cells
    asks = [c for c in _tagged(cells, "exercise") if c.cell_type == "code"]
    assert asks and all(_text(c).startswith("giliran Anda") for c in asks)


def test_student_copies_in_an_unknown_language_are_refused(tmp_path):
    from kalbar_border.errors import CompendiumError

    with pytest.raises(CompendiumError, match="LANG='fr' is not supported"):
        teaching.write_student_copies(tmp_path, lang="fr")
    assert not list(tmp_path.iterdir())


def test_make_lab_and_kernel_user_as_a_teacher_would_call_them():
    import os
    import shutil
    import subprocess

    from kalbar_border import paths

    if shutil.which("make") is None:
        pytest.skip("make not installed")

    def dry(*args):  # -o: never rebuild the environment for a dry run
        return subprocess.run(["make", "-n", "-o", ".venv/.installed", *args], cwd=paths.ROOT, capture_output=True,
                              text=True, check=True).stdout

    lab = dry("lab", "LAB_ARGS=--no-browser --port 8890")
    assert "jupyter lab notebooks/" in lab and "--no-browser --port 8890" in lab
    assert ("--allow-root" in lab) == (os.getuid() == 0)
    assert "kalbar_border.teaching --lang id" in dry("student", "STUDENT_LANG=id")
    assert "--lang" not in dry("student")  # LANG from the shell's locale is not taken for it
    kernel = dry("kernel-user")
    assert "ipykernel install --user --name kalbar-border" in kernel
    # A data folder in the kernel spec would override the one a run was started with.
    assert "COMPENDIUM_DATA_DIR" not in kernel and "COMPENDIUM_DATA_DIR" not in (paths.ROOT / "postBuild").read_text()
