"""The teaching edition: every exercise has a solution that passes its check, the checks give
hints instead of tracebacks, and the student copies hold no solution and still run."""
import json
import re

import nbformat
import pytest

from kalbar_border import paths, teaching, texts
from kalbar_border.figures.labels import label
from kalbar_border.pipeline import notebooks as spec
from kalbar_border.errors import CompendiumError
from tests.conftest import needs_microdata, run_pipeline

WITH_EXERCISES = [nb for nb in spec.discover() if nb.name[:2] in {"02", "03", "04", "05", "06"}]


def _tagged(cells, tag):
    return [c for c in cells if tag in c.get("metadata", {}).get("tags", [])]


def _text(cell) -> str:
    return "".join(o.get("text", "") for o in cell.get("outputs", []))


@pytest.mark.parametrize("nb", WITH_EXERCISES, ids=lambda nb: nb.name)
def test_at_least_two_bilingual_exercises_each_with_a_solution(nb):
    cells = json.loads(nb.path.read_text())["cells"]
    questions = {lang: [c for c in _tagged(cells, "exercise") if c["cell_type"] == "markdown" and f"lang-{lang}" in
                        c["metadata"]["tags"]] for lang in ("en", "id")}
    assert len(questions["en"]) == len(questions["id"]) >= 2
    # each language's question says what form the answer takes; the code cell says nothing in either
    assert all("**Exercise" in "".join(c["source"]) and "*Answer:*" in "".join(c["source"]) for c in questions["en"])
    assert all("**Latihan" in "".join(c["source"]) and "*Jawaban:*" in "".join(c["source"]) for c in questions["id"])
    asks = [c for c in _tagged(cells, "exercise") if c["cell_type"] == "code"]
    solutions = _tagged(cells, "solution")
    assert len(asks) == len(solutions) == len(questions["en"])
    for ask, solution in zip(asks, solutions):
        assert "#" not in "".join(ask["source"])
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


def test_checks_say_what_to_do_instead_of_failing(capsys):
    change = teaching._complaints_change()
    teaching.check("02.1", 100 * change["end_value"] / change["start_value"])
    teaching.check("02.1", change["percent_change"], lang="id")
    teaching.check("02.2", ["BS001"])
    teaching.check("04.1", "not a number")
    teaching.check("03.1", None, lang="id")
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("not yet: that is 2020 as a percentage of 2019")
    assert lines[1] == f"benar: {texts.number(change['percent_change'], 'pct', 'id')} %"  # -68,9 %: Indonesian
    assert lines[2] == "not yet: one more row carries the same number"
    assert lines[3].startswith("not yet: give one number")
    assert lines[4] == "giliran Anda: ganti None dengan jawaban Anda"
    with pytest.raises(CompendiumError, match="exercise '09.9' unknown"):
        teaching.check("09.9", 1)


def _typical_answers(frames, tests, models):
    """For each exercise: its right answer computed here (by another route than the check's
    where one exists), and the wrong answers a class gives, each with the mistake it shows."""
    import numpy as np

    from kalbar_border.border import timeseries
    from kalbar_border.data import datapackage
    from kalbar_border.finance import compare

    series = datapackage.load_table("border_series")
    full = series.query("series == 'bp2mi_complaints_total' and period_kind == 'year'")
    y19, y20 = full.loc[full["year"] == 2019], full.loc[full["year"] == 2020, "value"].iloc[0]
    start = y19["value"].iloc[0]
    change = (y20 - start) / start * 100
    events = teaching._entikong_events()
    e20 = events[events["year"] == 2020]
    persons20 = int(e20["total_deported"].sum())
    sexed = events[events["year"].between(2019, 2025)].dropna(subset=["male_n", "female_n"])
    men, women = sexed["male_n"].sum(), sexed["female_n"].sum()
    macro = datapackage.load_table("macro_remittances").assign(code=lambda m: m["series"].str.split(" ").str[0])
    wdi = macro[macro["code"].isin(["WDI_BX.TRF.PWKR.CD.DT", "WDI_NY.GDP.MKTP.CD"])].pivot_table(
        index="year", columns="code", values="value", aggfunc="first")
    share = 100 * wdi["WDI_BX.TRF.PWKR.CD.DT"] / wdi["WDI_NY.GDP.MKTP.CD"]
    usd = wdi["WDI_BX.TRF.PWKR.CD.DT"]
    remit = (usd[2020] - usd[2019]) / usd[2019] * 100
    persons = frames["susenas"].query("age >= 15")
    urban = np.average(persons["urban"], weights=persons["weight"])
    online = tests.query("dataset == 'susenas' and population == 'persons15' and indicator == 'online_sell'")
    holm = set(online.loc[online["significant_holm_dataset"], "definition"])  # the family notebook 05 says to read
    model = teaching._savings_model(models)
    ame = 100 * model["ame"]
    raw = compare.compare_groups(frames["susenas"], "persons15", ["recent_interprovincial"], ["savings_account"])
    raw = 100 * raw["difference"].iloc[0]
    return {
        "02.1": (np.float64(change), {
            "sign": -change, "ratio": 100 * y20 / start, "percent": change / 100,
            "02_1_doubled": (y20 - y19["value"].sum()) / y19["value"].sum() * 100,
            "indonesian_text": texts.number(change, "d1", "id"),
            "decimal_comma": (int(change), int(round(abs(change) % 1 * 10))),
            "number_in_quotes": f"{change:.2f}", "not_a_number": [change],
            "02_1_rows": timeseries.percent_change(start, 1000)}),
        "02.2": (np.array(sorted(y19["row_id"])), {
            "02_2_one_more": sorted(y19["row_id"])[:1], "02_2_value": 5824,
            "02_2_too_many": "; ".join(sorted(full["row_id"])), "02_2_where": ["BS011"]}),
        "03.1": ((np.int64(len(e20)), e20["total_deported"].sum()), {
            "03_1_swapped": (persons20, len(e20)), "03_1_batches": (len(e20) - 1, persons20),
            "03_1_by_sex": (len(e20), int(e20["male_n"].fillna(0).sum() + e20["female_n"].fillna(0).sum())),
            "thousands_dot": (len(e20), persons20 / 1000), "03_1_pair": len(e20), "03_1_persons": (len(e20), 1000)}),
        "03.2": (men / (men + women), {
            "03_2_total": men / sexed["total_deported"].sum(), "03_2_women": women / (men + women),
            "03_2_mean": (sexed["male_n"] / (sexed["male_n"] + sexed["female_n"])).mean(),
            "fraction": 100 * men / (men + women), "03_2_batches": 0.5,
            "indonesian_text": texts.number(men / (men + women), "d3", "id")}),
        "04.1": (share[2020], {"percent": share[2020] / 100, "04_1_year": share[2019], "04_1_columns": 5.0}),
        "04.2": (remit, {"sign": -remit, "percent": remit / 100, "ratio": 100 * usd[2020] / usd[2019],
                         "04_2_share": (share[2020] - share[2019]) / share[2019] * 100, "04_2_columns": 3.0}),
        "05.1": (urban, {"05_1_unweighted": persons["urban"].mean(), "05_1_rural": 1 - urban, "fraction": 100 * urban,
                         "05_1_all_ages": np.average(frames["susenas"]["urban"], weights=frames["susenas"]["weight"]),
                         "05_1_column": 0.5, "indonesian_text": texts.number(urban, "d3", "id")}),
        "05.2": (holm, {"05_2_one_more": set(sorted(holm)[:-1]), "05_2_few_events": holm | {"returned_abroad"},
                        "05_2_per_definition": set(online.loc[online["significant_holm"], "definition"]),
                        "05_2_names": True, "05_2_unknown": {"interprovincial"}, "05_2_column": {"lifetime"}}),
        "06.1": (ame, {"sign": -ame, "06_1_fraction": ame / 100, "06_1_odds_ratio": model["odds_ratio"], "06_1_raw": raw,
                       "06_1_row": 20.0}),
        "06.2": (np.bool_((raw > 0) == (ame > 0)), {"06_2_signs": (raw > 0) != (ame > 0), "06_2_text": "True",
                                                      "06_2_bool": 1}),
    }


@needs_microdata
def test_each_typical_wrong_answer_gets_its_own_true_hint_in_both_languages(susenas, pipeline_run):
    """Every check is fed the answers a class gives: the right one computed another way (NumPy
    scalars and arrays included), and each typical mistake, which must get the hint that names
    that mistake, a hint no other mistake of the exercise gets, in English and in Indonesian."""
    import pandas as pd

    out = pipeline_run[0]
    frames = {"susenas": susenas}
    context = {"frames": frames, "tests": pd.read_csv(out / "results" / "financial_tests.csv"),
               "models": pd.read_csv(out / "results" / "financial_models.csv")}
    for exercise, (right, mistakes) in _typical_answers(frames, context["tests"], context["models"]).items():
        kind, key, _ = teaching.evaluate(exercise, right, **context)
        assert (kind, key) == ("correct", f"correct_{exercise.replace('.', '_')}"), exercise
        said = {lang: set() for lang in ("en", "id")}
        for mistake, answer in mistakes.items():
            verdict = teaching.evaluate(exercise, answer, **context)
            assert verdict[:2] == ("not_yet", f"hint_{mistake}"), (exercise, mistake, answer, verdict)
            for lang in said:
                text = teaching.feedback(verdict, lang)
                assert text.startswith(label("check_not_yet", lang)) and text not in said[lang], (exercise, mistake, text)
                said[lang].add(text)
        assert len(mistakes) >= 3, exercise


def test_numbers_written_the_indonesian_way_are_recognised():
    import numpy as np
    import pandas as pd

    assert teaching._number("1.787") == (1.787, "text")  # Python's reading; the check then says "no thousands dot"
    assert teaching._number("0,36") == (0.36, "indonesian_text")
    assert teaching._number("-68,9 %") == (-68.9, "indonesian_text")
    assert teaching._number("5.824,5") == (5824.5, "indonesian_text")
    assert teaching._number((0, 36)) == (0.36, "comma")  # 0,36 typed into Python is the pair (0, 36)
    assert teaching._number((-68, 9)) == (-68.9, "comma")
    assert teaching._number(np.float32(0.5)) == (0.5, None) and teaching._number(pd.Series([2.5])) == (2.5, None)
    assert teaching._number(True) == (None, "not_number") and teaching._number("ya") == (None, "not_number")


@pytest.mark.slow
def test_student_copies_hold_no_solution_and_run_top_to_bottom(tmp_path):
    written = teaching.write_student_copies(tmp_path / "student")
    # names a student cannot take for the sources, which hold the solutions
    # no copy of a notebook that runs on licensed data only (08)
    assert [p.name for p in written] == [f"{nb.name}_student.ipynb" for nb in spec.discover() if not nb.requires]
    for path in written:
        cells = json.loads(path.read_text())["cells"]
        assert not _tagged(cells, "solution") and not _tagged(cells, "teacher")
        assert all(c.get("outputs", []) == [] for c in cells if c["cell_type"] == "code")
    done = run_pipeline(tmp_path / "out", "--folder", tmp_path / "student")
    assert done.returncode == 0, done.stdout + done.stderr
    for nb in WITH_EXERCISES:
        cells = nbformat.read(tmp_path / "out" / "build" / "notebooks" / f"{nb.name}_student.ipynb", as_version=4).cells
        asks = [c for c in _tagged(cells, "exercise") if c.cell_type == "code"]
        assert asks and all(_text(c).startswith("your turn") for c in asks)


@pytest.mark.slow
def test_indonesian_student_copies_hold_only_the_indonesian_narrative_and_run(tmp_path):
    """A class in Pontianak: `make student STUDENT_LANG=id` gives copies without the English
    narrative, teacher notes or code comments (written in English), with LANG = "id" preset,
    whose checks answer in Indonesian."""
    written = teaching.write_student_copies(tmp_path / "all", lang="id")
    assert all(path.name.endswith("_mahasiswa.ipynb") for path in written)
    for path in written:
        cells = json.loads(path.read_text())["cells"]
        assert not _tagged(cells, "solution") and not _tagged(cells, "lang-en") and _tagged(cells, "lang-id")
        assert not _tagged(cells, "teacher")
        assert not any("#" in line.split('"')[0] for c in cells if c["cell_type"] == "code"
                       for line in "".join(c["source"]).splitlines()), path.name
        parameters = "".join(_tagged(cells, "parameters")[0]["source"])
        assert 'LANG = "id"' in parameters and 'LANG = "en"' not in parameters, path.name
    # one notebook with exercises is enough to show the copies run in Indonesian (02 reads only raw tables)
    (tmp_path / "one").mkdir()
    name = "02_border_series_mahasiswa.ipynb"
    (tmp_path / "one" / name).write_bytes((tmp_path / "all" / name).read_bytes())
    done = run_pipeline(tmp_path / "out", "--folder", tmp_path / "one")
    assert done.returncode == 0, done.stdout + done.stderr
    cells = nbformat.read(tmp_path / "out" / "build" / "notebooks" / name, as_version=4).cells
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
    assert "jupyter lab student/" in dry("lab", "STUDENT=1")  # the class sees its copies alone
    assert ("--allow-root" in lab) == (os.getuid() == 0)
    assert "kalbar_border.teaching --lang id" in dry("student", "STUDENT_LANG=id")
    assert "--lang" not in dry("student")  # LANG from the shell's locale is not taken for it
    kernel = dry("kernel-user")
    assert "ipykernel install --user --name kalbar-border" in kernel
    # A data folder in the kernel spec would override the one a run was started with.
    assert "COMPENDIUM_DATA_DIR" not in kernel and "COMPENDIUM_DATA_DIR" not in (paths.ROOT / "postBuild").read_text()


# --------------------------------------------------------------------------- the guide and the teacher pack

TEACHING = paths.ROOT / "teaching"
PACK = ("rubrics", "discussion-notes", "data-dictionary", "slides")
#: (guide, heading of a session, start and end of its discussion questions)
GUIDES = {"en": ("README.md", "## Session", "**Discussion", "**Hand-in"),
          "id": ("README.id.md", "## Pertemuan", "**Pertanyaan diskusi", "**Tugas")}


def _sessions(text: str, heading: str) -> list[str]:
    return text.split(f"\n{heading} ")[1:]


def _questions(session: str, start: str, end: str) -> int:
    block = session.split(start, 1)[1].split(end, 1)[0]
    return len(re.findall(r"^\d+\. ", block, re.MULTILINE))


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_teacher_pack_covers_every_session_and_question_in_both_languages(lang):
    guide_name, heading, start, end = GUIDES[lang]
    guide = (TEACHING / guide_name).read_text()
    sessions = _sessions(guide, heading)
    assert len(sessions) == 6
    suffix = ".md" if lang == "en" else ".id.md"
    for name in PACK:
        text = (TEACHING / f"{name}{suffix}").read_text()
        assert f"{name}{suffix}" in guide, f"the guide does not link {name}{suffix}"
        twin = f"{name}{'.id.md' if lang == 'en' else '.md'}"
        assert twin in text and (TEACHING / twin).is_file(), f"{name}{suffix} does not link its other language"
        if name in ("rubrics", "slides", "discussion-notes"):
            assert len(_sessions(text, "##")) == 6, name
    # one note per discussion question, session by session
    notes = _sessions((TEACHING / f"discussion-notes{suffix}").read_text(), "##")
    for number, (session, note) in enumerate(zip(sessions, notes), start=1):
        asked = _questions(session, start, end)
        assert asked and len(re.findall(r"^\d+\. \*\*", note, re.MULTILINE)) == asked, f"session {number}"


def test_the_slides_name_figures_the_run_writes():
    for name in ("slides.md", "slides.id.md"):
        named = re.findall(r"(?:Figure|Grafik) `([a-z0-9_]+)`", (TEACHING / name).read_text())
        assert named
        for figure in named:
            assert (paths.ROOT / "figures" / f"{figure}_en.png").is_file(), (name, figure)


def test_the_indonesian_guide_and_pack_use_one_term_for_each_notion():
    """The terms table of the Indonesian guide names the words not used; nothing else uses them."""
    guide = (TEACHING / "README.id.md").read_text()
    table = guide.split("## Istilah yang dipakai", 1)[1].split("\n## ", 1)[0]
    avoided = [word.strip() for row in re.findall(r"^\| [^|]+ \| ([^|]+) \|", table, re.MULTILINE)[1:]
               for word in row.split(",")]
    assert {"makalah", "proksi", "kesenjangan", "bermakna", "seri"} <= set(avoided)
    texts_id = [guide.replace(table, "")] + [(TEACHING / f"{name}.id.md").read_text() for name in PACK]
    for text in texts_id:
        for word in avoided:
            assert not re.search(rf"\b{word}\b", text, re.IGNORECASE), word
    # the report a class opens in session 6 is the Indonesian one
    assert "build/index.id.html" in _sessions(guide, "## Pertemuan")[5]
