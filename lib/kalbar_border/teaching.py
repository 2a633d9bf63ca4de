"""Feedback for the exercises in notebooks 02-06, and the student copies of the notebooks.

Each exercise is a pair of cells tagged ``exercise`` (the question, in English and
Indonesian, and a code cell ending in ``teaching.check("02.1", answer)``) followed by a cell
tagged ``solution``. :func:`check` prints one line: ``correct``, ``not yet`` with a hint
that names the usual mistake (e.g. unweighted counts, a fraction instead of percent), or
``your turn`` while the answer is still ``None``. It never raises for a wrong answer, so a
student's notebook runs top to bottom with the exercises unanswered.

The expected answers are computed here from the same data and library functions the
notebooks use, never typed in: if a source row changes, so does the answer.

:func:`write_student_copies` (``make student``) writes every notebook without its solution
cells and without outputs, with nbconvert's preprocessors.
"""
from __future__ import annotations

import argparse
import math
import re
import sys
from pathlib import Path

from . import paths
from .errors import CompendiumError
from .figures.labels import label

def _say(kind: str, detail: str, lang: str) -> None:
    word = label(f"check_{kind}", lang)
    print(f"{word}: {detail}" if detail else word)


def _hint(lang: str, en: str, id_: str) -> tuple[str, str]:
    """A "not yet" answer with its hint in the reader's language."""
    return "not_yet", id_ if lang == "id" else en


def _close(answer, expected: float, tolerance: float) -> bool:
    try:
        return math.isclose(float(answer), float(expected), abs_tol=tolerance)
    except (TypeError, ValueError):
        return False


def _ids(answer) -> set[str]:
    if isinstance(answer, str):
        answer = answer.replace(",", ";").split(";")
    try:
        return {str(a).strip() for a in answer if str(a).strip()}
    except TypeError:
        return set()


# --------------------------------------------------------------------------- the expected answers


def _complaints_change() -> dict:
    from .border import timeseries
    from .data import datapackage

    return timeseries.series_change(datapackage.load_table("border_series"), "bp2mi_complaints_total", 2019, 2020)


def _entikong_events():
    from .border import deportations
    from .data import datapackage

    return deportations.clean_events(datapackage.load_table("entikong_events"))


def _wdi(year: int):
    from .border import context
    from .data import datapackage

    return context.remittances_share_of_gdp(datapackage.load_table("macro_remittances"),
                                            years=range(2019, 2021)).set_index("year").loc[year]


def _check_02_1(answer, lang, **_):
    change = _complaints_change()
    expected = change["percent_change"]
    if _close(answer, expected, 0.05):
        return "correct", f"{expected:.1f} %"
    ratio = 100 * change["end_value"] / change["start_value"]
    if _close(answer, -expected, 0.05):
        return _hint(lang, "check the sign: a fall is a negative change",
                 "periksa tandanya: penurunan adalah perubahan negatif")
    if _close(answer, ratio, 0.05):
        return _hint(lang, "that is 2020 as a percentage of 2019; the change is (2020 - 2019) / 2019 x 100",
                 "itu 2020 sebagai persentase 2019; perubahannya (2020 - 2019) / 2019 x 100")
    if _close(answer, expected / 100, 0.0005):
        return _hint(lang, "multiply the fraction by 100 to give percent",
                 "kalikan pecahan dengan 100 agar menjadi persen")
    return _hint(lang, "use the two full-year rows of bp2mi_complaints_total",
                 "gunakan dua baris tahunan penuh bp2mi_complaints_total")


def _check_02_2(answer, lang, **_):
    expected = set(_complaints_change()["start_row_ids"])
    given = _ids(answer)
    if given == expected:
        return "correct", ", ".join(sorted(expected))
    if given and given < expected:
        return _hint(lang, "one more row carries the same number",
                 "masih ada satu baris lagi dengan angka yang sama")
    return _hint(lang, "look for value 5824 in the 2019 rows of bp2mi_complaints_total (column row_id)",
                 "cari nilai 5824 pada baris 2019 bp2mi_complaints_total (kolom row_id)")


def _check_03_1(answer, lang, **_):
    from .border import deportations

    summary = deportations.yearly_event_summary(_entikong_events(), years=[2020]).iloc[0]
    expected = (int(summary["batches_found"]), int(summary["persons"]))
    try:
        given = tuple(int(a) for a in answer)
    except (TypeError, ValueError):
        given = ()
    if given == expected:
        return "correct", f"{expected[0]} batches, {expected[1]} persons"
    if given[:1] == expected[:1]:
        return _hint(lang, "the batches are right; persons are the sum of total_deported",
                 "jumlah gelombang benar; jumlah orang adalah total total_deported")
    return _hint(lang, "give (batches, persons) for 2020, e.g. (3, 250)",
                 "berikan (gelombang, orang) untuk 2020, misalnya (3, 250)")


def _check_03_2(answer, lang, **_):
    events = _entikong_events()
    window = events[(events["year"] >= 2019) & (events["year"] <= 2025)]
    with_sex = window.dropna(subset=["male_n", "female_n"])
    expected = with_sex["male_n"].sum() / (with_sex["male_n"].sum() + with_sex["female_n"].sum())
    if _close(answer, expected, 0.0005):
        return "correct", f"{expected:.3f} ({len(with_sex)} batches)"
    if _close(answer, with_sex["male_n"].sum() / with_sex["total_deported"].sum(), 0.0005):
        return _hint(lang, "divide by men plus women, not by total_deported (which can include children)",
                 "bagi dengan laki-laki ditambah perempuan, bukan total_deported")
    if _close(answer, 100 * expected, 0.05):
        return _hint(lang, "give a fraction between 0 and 1",
                 "berikan pecahan antara 0 dan 1")
    return _hint(lang, "use only the batches that report both male and female counts",
                 "gunakan hanya gelombang yang mencatat jumlah laki-laki dan perempuan")


def _check_04_1(answer, lang, **_):
    expected = float(_wdi(2020)["share_pct"])
    if _close(answer, expected, 0.005):
        return "correct", f"{expected:.2f} %"
    if _close(answer, expected / 100, 0.00005):
        return _hint(lang, "multiply by 100 to give percent of GDP",
                 "kalikan 100 agar menjadi persen terhadap PDB")
    return _hint(lang, "divide remittances (BX.TRF.PWKR.CD.DT) by GDP (NY.GDP.MKTP.CD) of 2020",
                 "bagi remitansi (BX.TRF.PWKR.CD.DT) dengan PDB (NY.GDP.MKTP.CD) tahun 2020")


def _check_04_2(answer, lang, **_):
    from .border import timeseries

    expected = timeseries.percent_change(float(_wdi(2019)["remittances_usd"]), float(_wdi(2020)["remittances_usd"]))
    if _close(answer, expected, 0.05):
        return "correct", f"{expected:.1f} %"
    if _close(answer, -expected, 0.05):
        return _hint(lang, "check the sign",
                 "periksa tandanya")
    return _hint(lang, "(2020 - 2019) / 2019 x 100, from remittances_usd",
                 "(2020 - 2019) / 2019 x 100, dari remittances_usd")


def _persons15_savings(frames):
    from .finance import survey, variables

    data = variables.select_population(frames["susenas"], "persons15")
    y = data["savings_account"]
    weighted = survey.weighted_share(y, data["weight"], data["strata"], data["psu"]).share
    return float(y.dropna().mean()), weighted


def _check_05_1(answer, lang, frames=None, **_):
    if frames is None:
        raise CompendiumError("teaching.check('05.1', answer, frames=frames): pass the notebook's frames")
    expected, weighted = _persons15_savings(frames)
    if _close(answer, expected, 0.0005):
        return "correct", (f"{expected:.3f} unweighted vs {weighted:.3f} weighted" if lang == "en"
                           else f"{expected:.3f} tanpa bobot vs {weighted:.3f} dengan bobot")
    if _close(answer, weighted, 0.0005):
        return _hint(lang, "that is the weighted share; the exercise asks for the plain mean of the 0/1 answers",
                 "itu persentase berbobot; latihan ini meminta rata-rata biasa jawaban 0/1")
    if _close(answer, 100 * expected, 0.05):
        return _hint(lang, "give a fraction between 0 and 1",
                 "berikan pecahan antara 0 dan 1")
    return _hint(lang, "persons aged 15+ with a known answer: leave out the missing values, not count them as 0",
                 "penduduk 15+ dengan jawaban diketahui: buang nilai kosong, jangan dihitung 0")


def _check_05_2(answer, lang, tests=None, **_):
    if tests is None:
        raise CompendiumError("teaching.check('05.2', answer, tests=tests): pass the notebook's tests table")
    from .finance import tables

    rows = tables.whole_sample_rows(tests).query(
        "dataset == 'susenas' and population == 'persons15' and indicator == 'online_sell'")
    expected = set(rows.loc[rows["significant_holm"], "definition"])
    given = _ids(answer)
    if given == expected:
        return "correct", ", ".join(sorted(expected)) or "none"
    if given & set(rows.loc[rows["few_events"] | rows["small_group"], "definition"]):
        return _hint(lang, "a few-events or small-group row is never significant",
                 "baris few_events atau small_group tidak pernah signifikan")
    return _hint(lang, "list the definitions whose significant_holm is True for online_sell (Susenas, persons 15+)",
                 "sebutkan definisi yang significant_holm-nya True untuk online_sell")


def _savings_model(models):
    from .finance import tables

    rows = tables.whole_sample_rows(models).query(
        "dataset == 'susenas' and population == 'persons15' and definition == 'recent_interprovincial' "
        "and indicator == 'savings_account'")
    return rows.iloc[0]


def _check_06_1(answer, lang, models=None, **_):
    if models is None:
        raise CompendiumError("teaching.check('06.1', answer, models=models): pass the notebook's models table")
    expected = 100 * float(_savings_model(models)["ame"])
    if _close(answer, expected, 0.05):
        return "correct", f"{expected:.1f} percentage points"
    if _close(answer, expected / 100, 0.0005):
        return _hint(lang, "the ame column is a fraction: multiply by 100 for percentage points",
                 "kolom ame berupa pecahan: kalikan 100 agar menjadi poin persentase")
    return _hint(lang, "read ame for savings_account, recent_interprovincial, persons 15+, Susenas",
                 "baca ame untuk savings_account, recent_interprovincial, penduduk 15+, Susenas")


def _check_06_2(answer, lang, models=None, frames=None, **_):
    if models is None or frames is None:
        raise CompendiumError("teaching.check('06.2', answer, models=models, frames=frames): pass both")
    from .finance import compare

    raw = compare.compare_groups(frames["susenas"], "persons15", ["recent_interprovincial"], ["savings_account"])
    same = bool((raw["difference"].iloc[0] > 0) == (_savings_model(models)["ame"] > 0))
    if isinstance(answer, bool) and answer == same:
        return "correct", (f"raw difference {100 * raw['difference'].iloc[0]:.1f} pp, adjusted "
                           f"{100 * _savings_model(models)['ame']:.1f} pp")
    if not isinstance(answer, bool):
        return _hint(lang, "answer True or False",
                 "jawab True atau False")
    return _hint(lang, "compare the sign of the raw difference (notebook 05) with the sign of ame",
                 "bandingkan tanda selisih mentah (notebook 05) dengan tanda ame")


CHECKS = {"02.1": _check_02_1, "02.2": _check_02_2, "03.1": _check_03_1, "03.2": _check_03_2,
          "04.1": _check_04_1, "04.2": _check_04_2, "05.1": _check_05_1, "05.2": _check_05_2,
          "06.1": _check_06_1, "06.2": _check_06_2}


def check(exercise: str, answer, *, lang: str = "en", **context) -> None:
    """Print feedback on ``answer`` to ``exercise`` (e.g. ``"02.1"``): correct, not yet (with a
    hint) or your turn (``answer`` is None). ``context`` passes tables the notebook computed
    (``frames``, ``tests``, ``models``) to exercises about them."""
    if exercise not in CHECKS:
        raise CompendiumError(f"exercise {exercise!r} unknown; exercises: {', '.join(CHECKS)}")
    if answer is None:
        _say("your_turn", "", lang)
        return
    kind, detail = CHECKS[exercise](answer, lang, **context)
    _say(kind, detail, lang)


# --------------------------------------------------------------------------- student copies


def _set_language(nb, lang: str, name: str) -> None:
    """Set ``LANG`` in the notebook's parameters cell to ``lang`` (the default a student runs)."""
    cells = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    pattern = re.compile(r'^(LANG\s*=\s*)"[a-z]+"', re.MULTILINE)
    if not cells or not pattern.search(cells[0].source):
        raise CompendiumError(f"{name}: no LANG = \"...\" line in a cell tagged 'parameters'; cannot set the language")
    cells[0].source = pattern.sub(lambda m: f'{m.group(1)}"{lang}"', cells[0].source, count=1)


def write_student_copies(target: Path | None = None, lang: str | None = None) -> list[Path]:
    """Every notebook without its ``solution`` cells and without outputs, in ``target``
    (default ``build/student/``), by nbconvert's TagRemovePreprocessor and
    ClearOutputPreprocessor; each still runs top to bottom (the checks say "your turn").

    ``lang`` (en, id): a one-language edition for a class, without the other language's
    narrative cells (tagged ``lang-<other>``) and with ``LANG`` set to ``lang`` in the
    parameters cell, so tables, figures and the checks' feedback are in it too. None keeps
    both languages and the notebooks' own ``LANG``."""
    import nbformat
    from nbconvert.exporters import NotebookExporter
    from nbconvert.preprocessors import ClearOutputPreprocessor, TagRemovePreprocessor

    from .atomic import write_text
    from .figures.labels import LANGS
    from .pipeline.notebooks import discover

    if lang is not None:
        label("check_correct", lang)  # an unsupported language is a one-line error
    removed = {"solution"} | ({f"lang-{other}" for other in LANGS if other != lang} if lang else set())
    target = Path(target or paths.build_dir() / "student")
    exporter = NotebookExporter()
    exporter.register_preprocessor(TagRemovePreprocessor(remove_cell_tags=removed, enabled=True), enabled=True)
    exporter.register_preprocessor(ClearOutputPreprocessor(enabled=True), enabled=True)
    written = []
    for nb in discover():
        node = nbformat.read(nb.path, as_version=4)
        if lang:
            _set_language(node, lang, nb.path.name)
        body, _ = exporter.from_notebook_node(node)
        written.append(write_text(target / nb.path.name, body))
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kalbar-student", description="Write the student copies of the notebooks.")
    parser.add_argument("--to", type=Path, default=None, help="folder (default: build/student/)")
    parser.add_argument("--lang", default=None, help="en or id: one language only, and LANG set to it (default: both)")
    args = parser.parse_args(argv)
    try:
        written = write_student_copies(args.to, args.lang or None)
    except CompendiumError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for path in written:
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
