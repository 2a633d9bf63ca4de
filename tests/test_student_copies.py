"""The students' copies (issue 33): no answer printed above its exercise, a student's changed copy
never overwritten, checks that name changed data, copies that run on their own, in order and after
a restart, with one line instead of a NameError, and no copy of the licensed-only notebook 08."""
import json
import os
import re

import nbformat
import pandas as pd
import pytest

from kalbar_border import teaching
from kalbar_border.data import microdata
from kalbar_border.figures.labels import label
from kalbar_border.pipeline import notebooks as spec
from tests.conftest import copy_run, needs_microdata

KERNEL = "kalbar-border"


def _tags(cell) -> list:
    return cell.get("metadata", {}).get("tags", [])


def _execute(nb, env: dict, cwd, allow_errors=True):
    from nbclient import NotebookClient

    NotebookClient(nb, kernel_name=KERNEL, allow_errors=allow_errors, timeout=300,
                   resources={"metadata": {"path": str(cwd)}}).execute(env={**os.environ, **env})
    return nb


def _output_text(cell) -> list[str]:
    """A code cell's outputs as lines of text: streams, plain text, Markdown, and each row of an
    HTML table on a line of its own (its cells separated by spaces), errors with their traceback."""
    lines = []
    for out in cell.get("outputs", []):
        if out["output_type"] == "stream":
            lines += out["text"].splitlines()
        elif out["output_type"] == "error":
            lines += [f"{out['ename']}: {out['evalue']}", *out["traceback"]]
        else:
            data = out.get("data", {})
            for kind in ("text/plain", "text/markdown"):
                lines += str(data.get(kind, "")).splitlines()
            html = str(data.get("text/html", ""))
            for row in re.split(r"</tr>", html):
                lines.append(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row)))
    return lines


NUMBER = re.compile(r"[-\u2212]?\d[\d.,]*")


def _readings(token: str) -> list[tuple[float, int]]:
    """(value, decimals written) of a number token read the English way (1,787.5) and the
    Indonesian way (1.787,5)."""
    token = token.replace("\u2212", "-").rstrip(".,")
    found = []
    for thousands, point in ((",", "."), (".", ",")):
        text = token.replace(thousands, "")
        if text.count(point) > 1:
            continue
        whole, _, decimals = text.partition(point)
        try:
            found.append((float(f"{whole}.{decimals}" if decimals else whole), len(decimals)))
        except ValueError:
            pass
    return found


def _shows_number(lines, value: float, decimals: int) -> str | None:
    """The first line holding ``value`` written to at least ``decimals`` decimals (at that
    precision), or as a fraction or percent of it, in English or Indonesian digits."""
    for scale, more in ((1, 0), (0.01, 2), (100, -2)):
        target, places = value * scale, max(decimals + more, 0)
        for line in lines:
            for token in NUMBER.findall(line):
                for number, written in _readings(token):
                    if written >= places and abs(number - target) <= teaching.tolerance(places):
                        return line
    return None


def _shows(lines, exercise: str, answer) -> str | None:
    """The line above an exercise that gives its answer away, or None."""
    if isinstance(answer, bool):
        return None  # True or False is printed everywhere and gives nothing away
    if isinstance(answer, tuple):  # 03.1: (batches, persons): the persons, a number no other table shows
        return _shows_number(lines, answer[1], 0)
    if isinstance(answer, set):  # all the names on one line; 05.2's with the indicator it asks about
        subject = {"05.2": "online_sell"}.get(exercise, "")
        return next((line for line in lines if answer and all(name in line for name in answer) and subject in line),
                    None)
    return _shows_number(lines, answer, teaching.DECIMALS.get(exercise, 0))


def _context(out):
    from kalbar_border.finance.variables import susenas_frame

    frames = {"susenas": susenas_frame(microdata.load("susenas"))}
    return {"frames": frames, "tests": pd.read_csv(out / "results" / "financial_tests.csv"),
            "models": pd.read_csv(out / "results" / "financial_models.csv")}


@pytest.mark.slow
@needs_microdata
@pytest.mark.parametrize("lang", [None, "id"])
def test_no_answer_is_printed_above_its_exercise_in_any_student_copy(lang, pipeline_run, tmp_path):
    """Each copy executed as a student runs it (in the shared run's copy, so the extracts and
    results are there): no output above an exercise holds its answer, in any format."""
    run = copy_run(pipeline_run[0], tmp_path / "run")
    written = teaching.write_student_copies(tmp_path / "student", lang=lang)
    context = _context(run)
    checked = 0
    for path in written:
        nb = _execute(nbformat.read(path, as_version=4), {"COMPENDIUM_OUTPUT_DIR": str(run)}, tmp_path,
                      allow_errors=False)
        above = []
        for cell in nb.cells:
            if cell.cell_type == "code" and "exercise" in _tags(cell):
                exercise = re.search(r'teaching\.check\("([0-9.]+)"', cell.source).group(1)
                answer = teaching.expected(exercise, **context)
                shown = _shows(above, exercise, answer)
                assert shown is None, f"{path.name}: the answer to {exercise} ({answer}) is printed above it: {shown}"
                checked += 1
            if cell.cell_type == "code":
                above += _output_text(cell)
    assert checked == 10


def test_the_search_finds_answers_written_either_way():
    """The detector of the test above catches the forms the issue found (-68,887, 0,781, 1.787)."""
    assert _shows(["change -68,887 %"], "02.1", -68.88736) and _shows(["-68.9"], "02.1", -68.88736)
    assert _shows(["  0,781  "], "03.2", 0.78117) and _shows(["78.1 %"], "03.2", 0.78117)
    assert _shows(["2020  12  1.787"], "03.1", (12, 1787)) and _shows(["0.013181"], "06.1", 1.3181)
    assert not _shows(["-68"], "02.1", -68.88736) and not _shows(["0.78"], "03.2", 0.78117)
    assert _shows(["BS001;BS004 5824"], "02.2", {"BS001", "BS004"}) and not _shows(["BS001"], "02.2", {"BS001", "BS004"})


@pytest.mark.parametrize("lang", [None, "id"])
def test_make_student_keeps_a_copy_its_student_changed(lang, tmp_path, capsys):
    target = tmp_path / "student"
    written = teaching.write_student_copies(target, lang=lang)
    assert not any(path.name.startswith("08_") for path in written)  # licensed data only: no copy
    assert len(written) == len([nb for nb in spec.discover() if not nb.requires])
    capsys.readouterr()
    edited = written[1]
    mine = edited.read_text().replace("answer = None", "answer = -68.9", 1)
    edited.write_text(mine)
    untouched = written[2].read_bytes()
    again = teaching.write_student_copies(target, lang=lang)
    said = capsys.readouterr().out.splitlines()
    new = edited.with_name(f"{edited.stem}_{teaching.NEW[lang]}.ipynb")
    assert edited.read_text() == mine and new.is_file() and new in again
    assert len(said) == 1 and edited.name in said[0] and new.name in said[0]
    assert said[0].startswith(label("student_kept", lang or "en").split("{")[0].strip() or "")
    assert written[2].read_bytes() == untouched  # a copy nobody changed is simply written again
    teaching.write_student_copies(target, lang=lang)  # and a third time: still kept
    assert edited.read_text() == mine


@needs_microdata
def test_a_check_on_changed_data_says_so_instead_of_judging(susenas, pipeline_run, tmp_path, monkeypatch, capsys):
    """Issue 33: 200 weights multiplied by 10 in the extract; the check names the file, in the
    student's language, instead of calling a wrong answer right."""
    run = copy_run(pipeline_run[0], tmp_path / "run")
    monkeypatch.setenv("COMPENDIUM_OUTPUT_DIR", str(run))
    frames = {"susenas": susenas}
    right = teaching.expected("05.1", frames=frames)
    teaching.check("05.1", right, lang="id", frames=frames)
    assert capsys.readouterr().out.startswith(label("check_correct", "id"))
    assert json.loads((run / microdata.CHECKSUMS).read_text()).keys() == {"microdata_susenas.csv", "microdata_sakernas.csv"}
    extract = run / "data" / "processed" / "microdata_susenas.csv"
    data = pd.read_csv(extract, dtype=str)
    weight = next(c for c in data.columns if "weight" in c.lower() or c.upper().startswith("FWT"))
    data.loc[:199, weight] = (data.loc[:199, weight].astype(float) * 10).astype(str)
    data.to_csv(extract, index=False)
    for lang in ("id", "en"):
        teaching.check("05.1", right, lang=lang, frames=frames)
        said = capsys.readouterr().out
        assert said == teaching._text("data_changed", lang, files="data/processed/microdata_susenas.csv",
                                      record=microdata.CHECKSUMS) + "\n"
    assert not teaching.changed_data() == []


def _copies(tmp_path, lang):
    return {path.name[:2]: path for path in teaching.write_student_copies(tmp_path / "student", lang=lang)}


@pytest.mark.slow
@pytest.mark.parametrize("lang", [None, "id"])
def test_each_copy_runs_in_order_without_microdata_with_one_line_per_cell(lang, tmp_path):
    """No microdata, an empty output folder: every copy runs top to bottom; 05 and 06 stop at
    their first code cell with one line in the copy's language, and every later cell says in one
    line that it did not run: no NameError, no traceback."""
    (tmp_path / "data").mkdir()
    env = {"COMPENDIUM_DATA_DIR": str(tmp_path / "data"), "COMPENDIUM_OUTPUT_DIR": str(tmp_path / "out")}
    shown_lang = lang or "en"
    for number, path in _copies(tmp_path, lang).items():
        nb = nbformat.read(path, as_version=4)
        assert label("student_run_in_order", shown_lang) in nb.cells[0].source  # the copy says so at the top
        for cell in nb.cells:
            if "parameters" in _tags(cell):
                cell.source = cell.source.replace("DOWNLOAD = True", "DOWNLOAD = False")  # no network in tests
        _execute(nb, env, tmp_path)
        code = [c for c in nb.cells if c.cell_type == "code"]
        for cell in code:
            text = _output_text(cell)
            assert not any("NameError" in line or "Traceback" in line for line in text), (path.name, cell.source, text)
            errors = "".join(o.get("text", "") for o in cell.outputs if o.get("name") == "stderr")
            assert errors.count("\n") <= 1, (path.name, errors)
        if number in ("01", "05", "06"):
            first = next(c for c in code if "teaching.start(" in c.source)
            said = "".join(o.get("text", "") for o in first.outputs)
            assert said.startswith(label("student_microdata_missing", shown_lang).split(":")[0] + ":"), said
            later = code[code.index(first) + 1:]
            assert later and all("".join(o.get("text", "") for o in c.outputs) == label("student_stopped", shown_lang) + "\n"
                                 for c in later), path.name


@pytest.mark.slow
@pytest.mark.parametrize("lang", [None, "id"])
def test_an_exercise_cell_run_alone_after_a_restart_says_one_line(lang, tmp_path):
    """A fresh kernel (the student restarted it) runs one exercise cell with an answer typed in:
    one line, a verdict or "run the cells above first", never a NameError."""
    shown_lang = lang or "en"
    for path in _copies(tmp_path, lang).values():
        nb = nbformat.read(path, as_version=4)
        asks = [c for c in nb.cells if c.cell_type == "code" and "exercise" in _tags(c)]
        for ask in asks:
            exercise = re.search(r'teaching\.check\("([0-9.]+)"', ask.source).group(1)
            alone = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
                ask.source.replace("answer = None", "answer = 1.5"))], metadata=nb.metadata)
            _execute(alone, {"COMPENDIUM_OUTPUT_DIR": str(tmp_path / "out")}, tmp_path)
            outputs = alone.cells[0].outputs
            assert [o["output_type"] for o in outputs] == ["stream"], (path.name, exercise, outputs)
            said = outputs[0]["text"]
            assert said.count("\n") == 1 and "NameError" not in said, said
            if exercise in teaching.CONTEXT:
                needed = ", ".join(teaching.CONTEXT[exercise])
                assert said == teaching._text("run_above", shown_lang, name=needed) + "\n", said
            else:
                assert said.startswith(label("check_not_yet", shown_lang)), said


def test_every_numeric_prompt_names_its_precision():
    words = {"en": {0: "whole numbers", 1: "one decimal", 2: "two decimals", 3: "three decimals"},
             "id": {0: "bilangan bulat", 1: "satu angka desimal", 2: "dua angka desimal", 3: "tiga angka desimal"}}
    for nb in spec.discover():
        cells = json.loads(nb.path.read_text())["cells"]
        for cell in cells:
            text = "".join(cell["source"])
            found = re.match(r"\*\*(?:Exercise|Latihan) ([0-9.]+)", text)
            if cell["cell_type"] != "markdown" or not found or found.group(1) not in teaching.DECIMALS | {"03.1": 0}:
                continue
            lang = "en" if text.startswith("**Exercise") else "id"
            decimals = teaching.DECIMALS.get(found.group(1), 0)
            answer_line = text.split("*Answer:*" if lang == "en" else "*Jawaban:*")[1]
            assert words[lang][decimals] in answer_line, (nb.name, found.group(1), lang)


def test_a_check_accepts_any_answer_at_the_asked_precision_and_names_it_for_fewer_digits(capsys):
    value = teaching.expected("03.2")
    for answer in (round(value, 3), round(value, 4), value):
        assert teaching.evaluate("03.2", answer).kind == "correct"
    verdict = teaching.evaluate("03.2", round(value, 2))
    assert verdict.key == "hint_precision" and verdict.values["decimals"] == 3 and verdict.values["fewer"] == 2
    change = teaching.expected("02.1")
    assert teaching.evaluate("02.1", round(change)).key == "hint_precision"  # -69 for -68.9
    assert teaching.evaluate("02.1", round(change, 1)).kind == "correct"
    batches, persons = teaching.expected("03.1")
    said = teaching.feedback(teaching.evaluate("03.1", (batches, persons / 1000)), "id")
    assert f"tulis {persons}, bukan {persons / 1000:g}" in said  # the separator example is the answer's own


@needs_microdata
def test_no_page_shows_a_solution_or_an_answer_above_its_exercise(pipeline_run):
    """build/html/ (what a class may see) holds no solution and no check's "correct" line, and no
    answer above its exercise; the executed notebooks in build/notebooks/ are the teacher's copy
    (solutions with their outputs), which the pages leave out."""
    out = pipeline_run[0]
    context = _context(out)
    for exercise in teaching.CHECKS:
        number = exercise[:2]
        name = next(nb.name for nb in spec.discover() if nb.name.startswith(number))
        teacher = nbformat.read(out / "build" / "notebooks" / f"{name}.ipynb", as_version=4)
        assert any("solution" in _tags(c) and c.outputs for c in teacher.cells)  # the teacher's copy
        for lang, word in (("en", "Exercise"), ("id", "Latihan")):
            page = (out / "build" / "html" / (f"{name}.html" if lang == "en" else f"{name}.{lang}.html")).read_text()
            assert f"{label('check_correct', 'en')}: " not in page and f"{label('check_correct', 'id')}: " not in page
            above = re.sub(r"<(style|script)\b.*?</\1>", "", page.split(f"{word} {exercise}", 1)[0], flags=re.S)
            above = above.split("<body", 1)[-1]
            lines = [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", chunk)) for chunk in re.split(r"</tr>|\n", above)]
            answer = teaching.expected(exercise, **context)
            shown = _shows(lines, exercise, answer)
            assert shown is None, f"{name} ({lang}): the answer to {exercise} is shown above it: {shown}"


def test_a_check_on_a_changed_source_table_says_so_instead_of_judging(tmp_path, monkeypatch, capsys):
    """A raw table edited (saved from a spreadsheet, a value changed): the checks of its notebook
    name the file in the student's language instead of judging the answer."""
    from kalbar_border.data import datapackage

    right = teaching.expected("02.1")
    shown = "data/raw/sources/border_series.csv"
    copy = tmp_path / "data"
    import shutil

    shutil.copytree(datapackage.local_path(datapackage.resource("border_series")).parent, copy / "raw" / "sources")
    (copy / "raw" / "sources" / "border_series.csv").write_bytes(
        (copy / "raw" / "sources" / "border_series.csv").read_bytes().replace(b"5824", b"5825", 1))
    monkeypatch.setattr(datapackage, "local_path", lambda res, base=copy: copy / res["path"])
    monkeypatch.setattr(teaching.paths, "relative", lambda path: shown if path.name == "border_series.csv" else str(path))
    for lang in ("id", "en"):
        teaching.check("02.1", right, lang=lang)
        assert capsys.readouterr().out == teaching._text_plain("check_source_changed", lang, files=shown) + "\n"
    teaching.check("03.2", teaching.expected("03.2"), lang="id")  # another notebook's table is untouched
    assert capsys.readouterr().out.startswith(label("check_correct", "id"))


@pytest.mark.slow
@pytest.mark.parametrize("lang", [None, "id"])
def test_any_later_cell_run_alone_in_a_fresh_kernel_says_one_line(lang, tmp_path):
    """With the kernel guard `make student` installs (the extension kalbar_border.teaching), a
    later cell of a copy run alone in a fresh kernel says in one line, in the notebook's language,
    to run the cells above: no NameError traceback."""
    from nbclient import NotebookClient

    assert teaching.install_guard(tmp_path / "prefix").read_text() == teaching.GUARD_TEXT
    shown_lang = lang or "en"
    start = label("check_run_above", shown_lang).split("{")[0]
    for path in _copies(tmp_path, lang).values():
        nb = nbformat.read(path, as_version=4)
        code = [c for c in nb.cells if c.cell_type == "code"]
        later = next(c for c in code[2:] if "exercise" not in _tags(c))  # after the parameters and the set-up
        alone = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(later.source)], metadata=nb.metadata)
        NotebookClient(alone, kernel_name=KERNEL, allow_errors=True, timeout=120,
                       extra_arguments=["--ext=kalbar_border.teaching"]).execute(
            env={**os.environ, "JPY_SESSION_NAME": str(path)})
        outputs = alone.cells[0].outputs
        said = "".join(o.get("text", "") for o in outputs)
        assert [o["output_type"] for o in outputs] == ["stream"] and said.count("\n") == 1, (path.name, outputs)
        assert said.startswith(start) and "NameError" not in said, (path.name, said)
