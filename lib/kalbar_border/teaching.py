"""Feedback for the exercises in notebooks 02-06, and the student copies of the notebooks.

Each exercise is a question in two cells tagged ``exercise`` (one ``lang-en``, one ``lang-id``,
each saying what form the answer takes and, for a number, to how many decimals), a code cell
tagged ``exercise`` ending in ``teaching.check("02.1", answer)``, and a cell tagged
``solution``; it comes before the cells that print its answer. :func:`check` prints one
line: ``correct``, ``not yet`` with a hint that names the mistake the answer shows (an
unweighted mean, a fraction instead of percent, ``0,36`` typed the Indonesian way), or ``your
turn`` while the answer is still ``None``. It accepts NumPy and pandas scalars as Python
numbers and booleans, and never raises for a wrong answer, so a student's notebook runs top to
bottom with the exercises unanswered. Every word it prints comes from the label dictionary
(``check_*`` keys), with numbers written for the reader (:mod:`kalbar_border.texts`).

The expected answers are computed here from the same data and library functions the
notebooks use, never typed in: if a source row changes, so does the answer. The answers computed
from the extracts of ``data/processed/`` are judged only while those match the checksums the run
that wrote them recorded (:func:`changed_data`).

:func:`write_student_copies` (``make student``) writes every notebook without its solution
cells, teacher notes and outputs, with nbconvert's preprocessors, to ``student/`` under names
that end in ``_student`` (``_mahasiswa`` in Indonesian), never over a copy its student changed;
``make lab STUDENT=1`` opens that folder alone. Each copy calls :func:`start` first, which makes it
run on its own: one line, never a cascade of NameErrors, when the microdata are missing or a cell
is run before the ones above it. The executed notebooks in ``build/notebooks/`` are the teacher's
copy (solutions with their outputs); the pages in ``build/html/`` leave the solutions out.
"""
from __future__ import annotations

import argparse
import math
import numbers
import re
import sys
from pathlib import Path
from typing import NamedTuple

import numpy as np

from . import paths
from .errors import CompendiumError
from .figures.labels import LANGS, label

def _say(kind: str, detail: str, lang: str) -> None:
    word = label(f"check_{kind}", lang)
    print(f"{word}: {detail}" if detail else word)


def _text(key: str, lang: str, **values) -> str:
    """The feedback ``check_<key>`` in ``lang`` with its numbers written for that reader."""
    from .texts import fill

    return fill(label(f"check_{key}", lang), values, lang)


class Verdict(NamedTuple):
    """``correct`` or ``not_yet`` with the feedback key whose text is said, and its values."""

    kind: str
    key: str
    values: dict


def _hint(key: str, **values) -> Verdict:
    return Verdict("not_yet", f"hint_{key}", values)


def _correct(key: str, **values) -> Verdict:
    return Verdict("correct", f"correct_{key}", values)


#: A number written the Indonesian way, as the tables show it: 1.787 (thousands), 0,36 or -68,9 %.
INDONESIAN_NUMBER = re.compile(r"^\s*(?P<sign>[-\u2212+]?)\s*(?P<whole>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<decimals>\d+))?\s*%?\s*$")


def _scalar(answer):
    """NumPy and pandas scalars, 0-d arrays and one-element Series as plain Python values."""
    if hasattr(answer, "item") and getattr(answer, "size", 1) == 1 and not isinstance(answer, (str, bytes)):
        try:
            return answer.item()
        except (ValueError, TypeError, AttributeError):
            return answer
    return answer


def _number(answer) -> tuple[float | None, str | None]:
    """(value, how it was written): how is None for a number, ``comma`` for ``0,36`` typed into
    Python (which reads it as the pair (0, 36)), ``indonesian_text`` for "0,36" or "1.787" in
    quotes, ``text`` for a number in quotes, ``not_number`` otherwise (value None)."""
    answer = _scalar(answer)
    if isinstance(answer, bool):
        return None, "not_number"
    if isinstance(answer, numbers.Real):
        return float(answer), None
    if isinstance(answer, tuple) and len(answer) == 2 and all(isinstance(_scalar(a), numbers.Integral) and
                                                             not isinstance(_scalar(a), bool) for a in answer):
        whole, decimals = (int(_scalar(a)) for a in answer)
        if decimals >= 0:
            value = float(f"{abs(whole)}.{decimals}")
            return (-value if whole < 0 else value), "comma"
    if isinstance(answer, str):
        text = answer.strip().replace("\u2212", "-").rstrip("%").strip()
        try:
            return float(text), "text"
        except ValueError:
            pass
        match = INDONESIAN_NUMBER.match(answer)
        if match and ("," in answer or "." in answer):
            value = float(match["whole"].replace(".", "") + "." + (match["decimals"] or "0"))
            return (-value if match["sign"] in ("-", "\u2212") else value), "indonesian_text"
    return None, "not_number"


def _close(value, expected: float, tolerance: float) -> bool:
    return value is not None and math.isclose(float(value), float(expected), abs_tol=tolerance)


#: How many decimals each numeric exercise asks for (its prompt says so in words, "three
#: decimals", "tiga angka desimal"); the whole numbers of 03.1 are exact.
DECIMALS = {"02.1": 1, "03.2": 3, "04.1": 2, "04.2": 1, "05.1": 3, "06.1": 1}


def tolerance(decimals: int) -> float:
    """Half a unit of the last decimal asked for: every answer that rounds to the right value
    at that precision is accepted (with a hair more for the binary representation of floats)."""
    return 0.5 * 10.0 ** -decimals * (1 + 1e-9)


def _coarser(value: float, expected: float, decimals: int) -> int | None:
    """The number of decimals (fewer than ``decimals``) to which ``value`` is ``expected``
    rounded, if it is: 0.78 for 0.781 asked to three decimals is right to two. At most two
    decimals fewer: 0 is not "0.3285 to no decimals"."""
    for fewer in range(decimals - 1, max(decimals - 3, -1), -1):
        if math.isclose(value, round(value, fewer), abs_tol=1e-12) and _close(value, expected, tolerance(fewer)):
            return fewer
    return None


def _numeric(answer, expected: float, decimals: int, correct: Verdict, mistakes, fallback: Verdict) -> Verdict:
    """The verdict on a number: ``correct`` when ``answer`` is ``expected`` to ``decimals``
    decimals (:func:`tolerance`); a hint naming the precision when it is right to fewer
    decimals; else the hint of the first of ``mistakes`` ((wrong value, tolerance, hint)) it
    matches, or of a way of writing it Python does not read as meant, or ``fallback``."""
    value, written = _number(answer)
    if written == "not_number":
        return _hint("not_a_number", answer=type(_scalar(answer)).__name__)
    if _close(value, expected, tolerance(decimals)):
        if written == "comma":
            return _hint("decimal_comma", given=f"{_scalar(answer[0])},{_scalar(answer[1])}", python=f"{value:g}")
        if written == "indonesian_text":
            return _hint("indonesian_text", given=answer.strip(), python=f"{value:g}")
        if written == "text":
            return _hint("number_in_quotes", given=answer)
        return correct
    if abs(expected) >= 1000 and _close(value * 1000, expected, tolerance(decimals)):
        # the example is the student's own number: 1.787 typed for 1787
        return _hint("thousands_dot", given=f"{value:g}", python=f"{round(value * 1000):d}")
    fewer = _coarser(value, expected, decimals)
    if fewer is not None:
        return _hint("precision", given=f"{value:g}", decimals=decimals, fewer=fewer)
    for wrong, wrong_tolerance, hint in mistakes:
        if _close(value, wrong, wrong_tolerance):
            return hint
    return fallback


def _ids(answer) -> set[str]:
    answer = _scalar(answer)
    if isinstance(answer, str):
        answer = answer.replace(",", ";").split(";")
    try:
        return {str(_scalar(a)).strip().strip("'\"") for a in answer if str(_scalar(a)).strip()}
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


def _check_02_1(answer, **_):
    from .border import timeseries

    change = _complaints_change()
    expected = change["percent_change"]
    start, end = change["start_value"], change["end_value"]
    # 2019's number rests on two rows (two sources): summing them counts it twice.
    doubled = timeseries.percent_change(start * len(change["start_row_ids"]), end)
    return _numeric(answer, expected, DECIMALS["02.1"], _correct("02_1", change=expected), [
        (-expected, 0.05, _hint("sign")),
        (100 * end / start, 0.05, _hint("ratio")),
        (expected / 100, 0.0005, _hint("percent")),
        (doubled, 0.05, _hint("02_1_doubled", rows=len(change["start_row_ids"]))),
    ], _hint("02_1_rows"))


def _check_02_2(answer, **_):
    expected = set(_complaints_change()["start_row_ids"])
    value, written = _number(answer)
    if written in (None, "text"):
        return _hint("02_2_value")
    given = _ids(answer)
    if given == expected:
        return _correct("02_2", rows=", ".join(sorted(expected)))
    if given and given < expected:
        return _hint("02_2_one_more")
    if given > expected:
        return _hint("02_2_too_many")
    return _hint("02_2_where")


def _check_03_1(answer, **_):
    from .border import deportations

    events = _entikong_events()
    summary = deportations.yearly_event_summary(events, years=[2020]).iloc[0]
    batches, persons = int(summary["batches_found"]), int(summary["persons"])
    try:
        given = tuple(_number(a) for a in answer)
    except TypeError:
        given = ()
    if len(given) != 2 or any(how == "not_number" for _, how in given):
        return _hint("03_1_pair", batches=batches)
    (b, b_how), (p, p_how) = given
    if _close(b, persons, 0.5) and _close(p, batches, 0.5):
        return _hint("03_1_swapped")
    if not _close(b, batches, 0.5):
        return _hint("03_1_batches")
    in_2020 = events[events["year"] == 2020]
    by_sex = float(in_2020["male_n"].fillna(0).sum() + in_2020["female_n"].fillna(0).sum())
    return _numeric(answer[1], persons, 0, _correct("03_1", batches=batches, persons=persons),
                    [(by_sex, 0.5, _hint("03_1_by_sex"))], _hint("03_1_persons"))


def _check_03_2(answer, **_):
    events = _entikong_events()
    window = events[(events["year"] >= 2019) & (events["year"] <= 2025)]
    with_sex = window.dropna(subset=["male_n", "female_n"])
    men, women = with_sex["male_n"].sum(), with_sex["female_n"].sum()
    expected = men / (men + women)
    return _numeric(answer, expected, DECIMALS["03.2"], _correct("03_2", share=expected, batches=len(with_sex)), [
        (men / with_sex["total_deported"].sum(), 0.0005, _hint("03_2_total")),
        (women / (men + women), 0.0005, _hint("03_2_women")),
        ((with_sex["male_n"] / (with_sex["male_n"] + with_sex["female_n"])).mean(), 0.0005, _hint("03_2_mean")),
        (100 * expected, 0.05, _hint("fraction")),
    ], _hint("03_2_batches"))


def _check_04_1(answer, **_):
    expected = float(_wdi(2020)["share_pct"])
    return _numeric(answer, expected, DECIMALS["04.1"], _correct("04_1", share=expected), [
        (expected / 100, 0.00005, _hint("percent")),
        (float(_wdi(2019)["share_pct"]), 0.005, _hint("04_1_year")),
    ], _hint("04_1_columns"))


def _check_04_2(answer, **_):
    from .border import timeseries

    start, end = float(_wdi(2019)["remittances_usd"]), float(_wdi(2020)["remittances_usd"])
    expected = timeseries.percent_change(start, end)
    share_change = timeseries.percent_change(float(_wdi(2019)["share_pct"]), float(_wdi(2020)["share_pct"]))
    return _numeric(answer, expected, DECIMALS["04.2"], _correct("04_2", change=expected), [
        (-expected, 0.05, _hint("sign")),
        (expected / 100, 0.0005, _hint("percent")),
        (100 * end / start, 0.05, _hint("ratio")),
        (share_change, 0.05, _hint("04_2_share")),
    ], _hint("04_2_columns"))


def _urban_shares(frames) -> dict:
    """The urban share of persons aged 15+ in Susenas, weighted and not, and the weighted share of
    every age: what exercise 05.1 compares."""
    import numpy as np

    from .finance import survey, variables

    everyone = frames["susenas"]
    data = variables.select_population(everyone, "persons15")
    weighted = survey.weighted_share(data["urban"], data["weight"], data["strata"], data["psu"]).share
    return {"weighted": weighted, "unweighted": float(data["urban"].mean()),
            "all_ages": float(np.average(everyone["urban"], weights=everyone["weight"])),
            "weight_urban": float(data.loc[data["urban"] == 1, "weight"].mean()),
            "weight_rural": float(data.loc[data["urban"] == 0, "weight"].mean())}


def _check_05_1(answer, frames=None, **_):
    if frames is None:
        raise CompendiumError(key="error_teaching_pass_frames")
    shares = _urban_shares(frames)
    expected = shares["weighted"]
    return _numeric(answer, expected, DECIMALS["05.1"], _correct("05_1", **shares), [
        (shares["unweighted"], 0.0005, _hint("05_1_unweighted", **shares)),
        (1 - expected, 0.0005, _hint("05_1_rural")),
        (shares["all_ages"], 0.0005, _hint("05_1_all_ages")),
        (100 * expected, 0.05, _hint("fraction")),
    ], _hint("05_1_column"))


def _check_05_2(answer, tests=None, **_):
    if tests is None:
        raise CompendiumError(key="error_teaching_pass_tests")
    from .finance import tables, variables

    rows = tables.whole_sample_rows(tests).query(
        "dataset == 'susenas' and population == 'persons15' and indicator == 'online_sell'")
    # the survey-wide family, the column notebook 05's section 3 says to read
    expected = set(rows.loc[rows["significant_holm_dataset"], "definition"])
    per_definition = set(rows.loc[rows["significant_holm"], "definition"])
    if isinstance(_scalar(answer), (bool, numbers.Number)):
        return _hint("05_2_names")
    given = _ids(answer)
    if given == expected:
        return _correct("05_2", definitions=sorted(expected) or None)
    if given - set(variables.MIGRANT_DEFINITIONS):
        return _hint("05_2_unknown", names=", ".join(sorted(given - set(variables.MIGRANT_DEFINITIONS))))
    if given & set(rows.loc[rows["few_events"] | rows["small_group"], "definition"]):
        return _hint("05_2_few_events")
    if given == per_definition != expected:
        return _hint("05_2_per_definition")
    if given < expected:
        return _hint("05_2_one_more")
    return _hint("05_2_column")


def _savings_model(models):
    from .finance import tables

    rows = tables.whole_sample_rows(models).query(
        "dataset == 'susenas' and population == 'persons15' and definition == 'recent_interprovincial' "
        "and indicator == 'savings_account'")
    return rows.iloc[0]


def _raw_savings_difference(frames) -> float:
    from .finance import compare

    raw = compare.compare_groups(frames["susenas"], "persons15", ["recent_interprovincial"], ["savings_account"])
    return float(raw["difference"].iloc[0])


def _check_06_1(answer, models=None, frames=None, **_):
    if models is None:
        raise CompendiumError(key="error_teaching_pass_models")
    model = _savings_model(models)
    expected = 100 * float(model["ame"])
    mistakes = [(-expected, 0.05, _hint("sign")), (expected / 100, 0.0005, _hint("06_1_fraction")),
                (float(model["odds_ratio"]), 0.0005, _hint("06_1_odds_ratio"))]
    if frames is not None:
        mistakes.append((100 * _raw_savings_difference(frames), 0.05, _hint("06_1_raw")))
    return _numeric(answer, expected, DECIMALS["06.1"], _correct("06_1", ame=expected / 100, low=model["ame_ci_low"],
                                                     high=model["ame_ci_high"]), mistakes, _hint("06_1_row"))


def _check_06_2(answer, models=None, frames=None, **_):
    if models is None or frames is None:
        raise CompendiumError(key="error_teaching_pass_both")
    raw, ame = _raw_savings_difference(frames), float(_savings_model(models)["ame"])
    same = (raw > 0) == (ame > 0)
    given = _scalar(answer)
    if isinstance(given, str):
        return _hint("06_2_text")
    if not isinstance(given, (bool, np.bool_)):
        return _hint("06_2_bool")
    if bool(given) == same:
        return _correct("06_2", raw=raw, ame=ame)
    return _hint("06_2_signs")


def expected(exercise: str, frames=None, tests=None, models=None):
    """The answer :func:`check` expects for ``exercise``, computed as it computes it: a number
    (in the unit the prompt asks for), a pair, a set of names or a boolean (the tests look for it
    above each exercise)."""
    if exercise == "02.1":
        return _complaints_change()["percent_change"]
    if exercise == "02.2":
        return set(_complaints_change()["start_row_ids"])
    if exercise == "03.1":
        from .border import deportations

        summary = deportations.yearly_event_summary(_entikong_events(), years=[2020]).iloc[0]
        return int(summary["batches_found"]), int(summary["persons"])
    if exercise == "03.2":
        return _men_share()
    if exercise in ("04.1", "04.2"):
        from .border import timeseries

        if exercise == "04.1":
            return float(_wdi(2020)["share_pct"])
        return timeseries.percent_change(float(_wdi(2019)["remittances_usd"]), float(_wdi(2020)["remittances_usd"]))
    if exercise == "05.1":
        return _urban_shares(frames)["weighted"]
    if exercise == "05.2":
        from .finance import tables

        rows = tables.whole_sample_rows(tests).query(
            "dataset == 'susenas' and population == 'persons15' and indicator == 'online_sell'")
        return set(rows.loc[rows["significant_holm_dataset"], "definition"])
    if exercise == "06.1":
        return 100 * float(_savings_model(models)["ame"])
    if exercise == "06.2":
        return (_raw_savings_difference(frames) > 0) == (float(_savings_model(models)["ame"]) > 0)
    raise CompendiumError(key="error_teaching_unknown_exercise", exercise=repr(exercise), exercises=", ".join(CHECKS))


def _men_share() -> float:
    events = _entikong_events()
    window = events[(events["year"] >= 2019) & (events["year"] <= 2025)].dropna(subset=["male_n", "female_n"])
    men, women = window["male_n"].sum(), window["female_n"].sum()
    return float(men / (men + women))


CHECKS = {"02.1": _check_02_1, "02.2": _check_02_2, "03.1": _check_03_1, "03.2": _check_03_2,
          "04.1": _check_04_1, "04.2": _check_04_2, "05.1": _check_05_1, "05.2": _check_05_2,
          "06.1": _check_06_1, "06.2": _check_06_2}


def evaluate(exercise: str, answer, **context) -> Verdict:
    """The verdict on ``answer`` to ``exercise``: (``correct`` or ``not_yet``, the key of the
    feedback in the label dictionary, the values it is filled with)."""
    if exercise not in CHECKS:
        raise CompendiumError(key="error_teaching_unknown_exercise", exercise=repr(exercise), exercises=", ".join(CHECKS))
    return CHECKS[exercise](answer, **context)


def feedback(verdict: Verdict, lang: str) -> str:
    """The line :func:`check` prints for ``verdict``, in ``lang``."""
    kind, key, values = verdict
    return f"{label('check_' + kind, lang)}: {_text(key, lang, **values)}"


#: What each exercise's check needs from the notebook, besides the answer.
CONTEXT = {"05.1": ("frames",), "05.2": ("tests",), "06.1": ("models", "frames"), "06.2": ("models", "frames")}
#: Exercises whose expected answer is computed from the extracts in data/processed/ (via ``frames``,
#: ``tests`` or ``models``): their check first verifies the extracts' checksums.
ON_PROCESSED_DATA = ("05.1", "05.2", "06.1", "06.2")
#: The language and state of a student copy's kernel (:func:`start`): None until its first code cell ran.
_SESSION: dict = {}


def changed_data() -> list[str]:
    """The extracts in ``data/processed/`` that no longer match the checksums recorded by the run
    that wrote them (``data/processed/checksums.json``, written by notebook 01), as paths
    relative to the output folder; a recorded extract that is missing, or an extract with no
    record, counts as changed. Empty when they all match, or when there are no extracts (the
    notebooks then read the verified .rda files)."""
    from .data import microdata

    return microdata.changed_extracts()


#: The raw table (data/raw/sources/) each notebook's exercises are computed from.
RAW_TABLES = {"02": "border_series", "03": "entikong_events", "04": "macro_remittances"}


def changed_sources(exercise: str) -> list[str]:
    """The raw table ``exercise`` is computed from, if its bytes no longer match the sha256 that
    ``data/datapackage.json`` records for it (as a path relative to the repository)."""
    from .atomic import sha256_file
    from .data import datapackage

    name = RAW_TABLES.get(exercise[:2])
    if name is None:
        return []
    res = datapackage.resource(name)
    path = datapackage.local_path(res)
    if path.is_file() and sha256_file(path) == res["hash"].split(":", 1)[1]:
        return []
    return [paths.relative(path)]


def _from_notebook(names, depth: int = 2) -> dict:
    """The values of ``names`` in the namespace of the notebook that called :func:`check` (the
    IPython kernel's ``__main__``), leaving out those it does not hold."""
    import inspect

    frame = inspect.currentframe()
    for _ in range(depth):
        frame = frame.f_back if frame is not None else None
    namespace = frame.f_globals if frame is not None else {}
    return {name: namespace[name] for name in names if name in namespace}


def check(exercise: str, answer, *, lang: str | None = None, **context) -> None:
    """Print one line of feedback on ``answer`` to ``exercise`` (e.g. ``"02.1"``): correct, not
    yet (with a hint) or your turn (``answer`` is None). ``context`` passes tables the notebook
    computed (``frames``, ``tests``, ``models``) to exercises about them (:data:`CONTEXT`); those
    not passed, and ``lang`` when not given, are read from the notebook's own variables
    (``LANG``), so an exercise cell needs nothing but the answer. Where they are missing (the
    kernel was restarted, or the cells above were not run) the line says to run the cells above
    first, and where the extracts in ``data/processed/`` changed after the run that wrote them,
    it says so instead of judging the answer."""
    found = _from_notebook(("LANG",) + tuple(n for n in CONTEXT.get(exercise, ()) if n not in context))
    lang = lang or found.pop("LANG", None) or _SESSION.get("lang") or "en"
    found.pop("LANG", None)
    label("check_correct", lang)  # an unsupported language is a one-line error
    if exercise not in CHECKS:
        raise CompendiumError(key="error_teaching_unknown_exercise", exercise=repr(exercise), exercises=", ".join(CHECKS))
    if answer is None:
        _say("your_turn", "", lang)
        return
    context = {**found, **context}
    missing = [name for name in CONTEXT.get(exercise, ()) if name not in context]
    if missing:
        print(_text("run_above", lang, name=", ".join(missing)))
        return
    sources = changed_sources(exercise)
    if sources:
        print(_text_plain("check_source_changed", lang, files=", ".join(sources)))
        return
    if exercise in ON_PROCESSED_DATA:
        changed = changed_data()
        if changed:
            from .data import microdata

            print(_text("data_changed", lang, files=", ".join(changed), record=microdata.CHECKSUMS))
            return
    print(feedback(evaluate(exercise, answer, **context), lang))


# --------------------------------------------------------------------------- a student copy's kernel


class Stopped(CompendiumError):
    """A student copy cannot run on (its first code cell says why, in one line)."""


def _one_line(shell, etype, value, tb, tb_offset=None):
    """IPython's handler, in a student copy's kernel, of the errors a student meets by running a
    cell before the ones above it (a NameError), of the compendium's own one-line errors, and of
    the stop of :func:`start`: one line in the copy's language instead of a traceback."""
    lang = _SESSION.get("lang", "en")
    if isinstance(value, Stopped):
        line = str(value)
    elif isinstance(value, NameError):
        line = _text("run_above", lang, name=getattr(value, "name", None) or str(value))
    else:
        said = value.said(lang) if isinstance(value, CompendiumError) else value
        line = f"{label('student_error', lang)}: {said}"
    print(line, file=sys.stderr)
    return []


def _not_run(lines: list[str]) -> list[str]:
    """IPython input transformer of a stopped copy (:func:`start` found no microdata): every
    cell but the one that calls :func:`start` says in one line that it did not run."""
    if not _SESSION.get("stopped") or any("teaching.start(" in line for line in lines):
        return lines
    return ["import kalbar_border.teaching as _teaching\n", "_teaching._say_not_run()\n"]


def _say_not_run() -> None:
    print(label("student_stopped", _SESSION.get("lang", "en")), file=sys.stderr)


def start(lang: str, microdata: bool = False) -> None:
    """The first lines of a student copy (written there by :func:`write_student_copies`): set the
    copy's language for every later line of feedback, turn the errors of cells run out of order
    into one line saying to run the cells above first (:func:`_one_line`), and, when the notebook
    needs the BPS microdata (``microdata``) and they are not in the data folder, stop with one
    line saying where to put them; the later cells then say in one line that they did not run,
    instead of a cascade of NameErrors."""
    from .data.microdata import DATASETS

    label("check_correct", lang)  # an unsupported language is a one-line error
    _SESSION.clear()
    _SESSION["lang"] = lang
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - the environment has IPython
        get_ipython = lambda: None  # noqa: E731
    shell = get_ipython()
    if shell is not None:
        shell.set_custom_exc((NameError, CompendiumError), _one_line)
        if _not_run not in shell.input_transformers_post:
            shell.input_transformers_post.append(_not_run)
    if microdata:
        folder = paths.cache_dir()
        missing = [spec.filename for spec in DATASETS.values() if not (folder / spec.filename).is_file()]
        if missing:
            _SESSION["stopped"] = True
            raise Stopped(_text_plain("student_microdata_missing", lang, files=", ".join(missing), folder=str(folder)))


#: The IPython configuration ``make student`` writes into the environment (``.venv``): every
#: notebook kernel started from it loads this module as an extension (:func:`load_ipython_extension`).
GUARD = Path("etc") / "ipython" / "ipython_kernel_config.py"
GUARD_TEXT = ("# Written by `make student` (kalbar_border.teaching.install_guard): in a notebook kernel of this\n"
              "# environment, a cell run before the cells above it says so in one line instead of a NameError.\n"
              "c.InteractiveShellApp.extensions = [\"kalbar_border.teaching\"]\n")


def install_guard(prefix: Path | None = None) -> Path | None:
    """Write :data:`GUARD` under the environment's prefix (``.venv``), so that a kernel restarted
    by a student and a cell run alone say in one line to run the cells above; None (and nothing
    written) when a configuration of someone else's is already there."""
    from .atomic import write_text

    path = Path(prefix or sys.prefix) / GUARD
    if path.is_file() and path.read_text() != GUARD_TEXT:
        return None
    return write_text(path, GUARD_TEXT)


def _notebook_language() -> str | None:
    """The ``LANG`` of the notebook this kernel runs, read from its parameters cell: Jupyter
    Server names the notebook in ``JPY_SESSION_NAME``. None when it cannot tell."""
    import json
    import os

    name = os.environ.get("JPY_SESSION_NAME")
    try:
        cells = json.loads(Path(name).read_text(encoding="utf-8"))["cells"] if name else []
    except (OSError, ValueError, KeyError):
        return None
    for cell in cells:
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            found = re.search(r'^LANG\s*=\s*"([a-z]+)"', "".join(cell["source"]), re.MULTILINE)
            return found.group(1) if found else None
    return None


def load_ipython_extension(shell) -> None:
    """The kernel guard (:data:`GUARD`): from the kernel's start, before any cell ran, a NameError
    is one line saying to run the cells above (in the notebook's language), as :func:`start`
    makes it later. Not while the pipeline runs a notebook: its failures name the cell and the
    exception themselves."""
    import os

    from .atomic import PENDING_ENV

    if os.environ.get(PENDING_ENV):
        return
    lang = _notebook_language()
    if lang in ("en", "id"):
        _SESSION.setdefault("lang", lang)
    shell.set_custom_exc((NameError, CompendiumError), _one_line)


def _text_plain(key: str, lang: str, **values) -> str:
    """The label ``key`` in ``lang`` with ``values`` put in as they are (paths, file names)."""
    return label(key, lang).format(**values)


# --------------------------------------------------------------------------- student copies


def _set_language(nb, lang: str, name: str) -> None:
    """Set ``LANG`` in the notebook's parameters cell to ``lang`` (the default a student runs)."""
    cells = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    pattern = re.compile(r'^(LANG\s*=\s*)"[a-z]+"', re.MULTILINE)
    if not cells or not pattern.search(cells[0].source):
        raise CompendiumError(key="error_teaching_no_lang_line", name=name)
    cells[0].source = pattern.sub(lambda m: f'{m.group(1)}"{lang}"', cells[0].source, count=1)


#: Cells only the teacher's copy holds: the solutions, and notes to the teacher.
TEACHER_ONLY = ("solution", "teacher")
#: What a student copy's name ends with (``02_border_series_student.ipynb``), so it cannot be
#: taken for the source notebook; in Indonesian for an Indonesian class.
SUFFIX = {None: "student", "en": "student", "id": "mahasiswa"}


def student_dir() -> Path:
    """Where ``make student`` writes the copies and ``make lab STUDENT=1`` opens them."""
    return paths.output_root() / "student"


def _without_comments(source: str) -> str:
    """``source`` without its ``#`` comments (the notebooks' comments are in English): a line
    holding only a comment goes, code before a comment stays."""
    import io
    import tokenize

    cuts = {}
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type == tokenize.COMMENT:
                cuts[token.start[0]] = token.start[1]
    except (tokenize.TokenError, SyntaxError):
        return source
    lines = []
    for number, line in enumerate(source.split("\n"), start=1):
        if number in cuts:
            line = line[:cuts[number]].rstrip()
            if not line:
                continue
        lines.append(line)
    return "\n".join(lines)


#: What ``make student`` wrote last time into the students' folder: file name -> sha256. A copy
#: whose bytes differ from it was changed by its student and is never overwritten.
WRITTEN = ".written.json"
#: What the new copy written beside a student's changed copy is called (``..._student_new.ipynb``).
NEW = {None: "new", "en": "new", "id": "baru"}


def _start_line(nb) -> str:
    """The call to :func:`start` a student copy of notebook ``nb`` (a pipeline Notebook) makes:
    with the microdata required when the notebook needs them and no other file is given."""
    defaults = nb.defaults
    if nb.microdata == "required":
        given = [name for name in ("SUSENAS_PATH", "SAKERNAS_PATH") if name in defaults]
        needed = " and ".join(f"{name} is None" for name in given) or "True"
    elif nb.microdata == "optional" and {"MICRODATA", "DOWNLOAD"} <= set(defaults):
        needed = "MICRODATA and not DOWNLOAD"  # a copy that may download finds out when it tries
    else:
        needed = "False"
    return f"from kalbar_border import teaching\n\nteaching.start(LANG, microdata={needed})\n"


def _prepare(node, nb, lang: str | None) -> None:
    """Make ``node`` a copy that runs on its own: a first cell saying to run the cells in order,
    :func:`start` at the top of the first code cell after the parameters, and, in a
    one-language copy, exercise cells that answer in that language even after a restart."""
    import nbformat

    langs = [lang] if lang else ["en", "id"]
    for each in reversed(langs):
        # nbformat 4.4, as the notebooks: no cell ids
        cell = nbformat.from_dict({"cell_type": "markdown", "source": label("student_run_in_order", each),
                                   "metadata": {"tags": [f"lang-{each}", "student"] if not lang else ["student"]}})
        node.cells.insert(0, cell)
    index = next(i for i, c in enumerate(node.cells) if "parameters" in c.metadata.get("tags", []))
    setup = next(c for c in node.cells[index + 1:] if c.cell_type == "code")
    setup.source = _start_line(nb) + "\n" + setup.source
    if lang:
        for cell in node.cells:
            if cell.cell_type == "code" and "exercise" in cell.metadata.get("tags", []):
                cell.source = re.sub(r'teaching\.check\("([0-9.]+)", answer\)', rf'teaching.check("\1", answer, lang="{lang}")',
                                     cell.source)


def _sha256(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def _keep_or_write(path: Path, body: str, record: dict, lang: str | None) -> Path:
    """Write ``body`` to ``path`` unless a student changed the copy there (its bytes are neither
    what was written last time nor ``body``): then keep it, write ``body`` beside it
    (``..._new.ipynb``, ``..._baru.ipynb``) and say so in one line. Returns the path written."""
    from .atomic import write_text

    data = body.encode("utf-8")
    if path.is_file():
        now = _sha256(path.read_bytes())
        if now not in (record.get(path.name), _sha256(data)):
            new = path.with_name(f"{path.stem}_{NEW[lang]}{path.suffix}")
            write_text(new, body)
            record[new.name] = _sha256(data)
            print(_text_plain("student_kept", lang or "en", path=paths.relative(path), new=paths.relative(new)))
            return new
    write_text(path, body)
    record[path.name] = _sha256(data)
    return path


def write_student_copies(target: Path | None = None, lang: str | None = None) -> list[Path]:
    """Every notebook a class can run without a licence (not 08, which needs a licensed file)
    without its teacher-only cells (:data:`TEACHER_ONLY`) and without outputs, in ``target``
    (default :func:`student_dir`), named ``NN_name_student.ipynb`` (``_mahasiswa`` in
    Indonesian), by nbconvert's TagRemovePreprocessor and ClearOutputPreprocessor; each still
    runs top to bottom (the checks say "your turn"), says at the top to run the cells in order,
    and calls :func:`start` first (:func:`_prepare`).

    A copy its student changed since the last ``make student`` is never overwritten: the new
    copy goes beside it (:func:`_keep_or_write`; what was written is recorded in
    :data:`WRITTEN`). Returns the paths written.

    ``lang`` (en, id): a one-language edition for a class, without the other language's
    narrative cells (tagged ``lang-<other>``), with ``LANG`` set to ``lang`` in the parameters
    cell, so tables, figures and the checks' feedback are in it too, and, in Indonesian, without
    the code's comments, which are written in English. None keeps both languages and the
    notebooks' own ``LANG``."""
    import json

    import nbformat
    from nbconvert.exporters import NotebookExporter
    from nbconvert.preprocessors import ClearOutputPreprocessor, TagRemovePreprocessor

    from .atomic import write_text
    from .figures.labels import LANGS
    from .pipeline.notebooks import discover

    if lang is not None:
        label("check_correct", lang)  # an unsupported language is a one-line error
    removed = set(TEACHER_ONLY) | ({f"lang-{other}" for other in LANGS if other != lang} if lang else set())
    target = Path(target or student_dir())
    exporter = NotebookExporter()
    exporter.register_preprocessor(TagRemovePreprocessor(remove_cell_tags=removed, enabled=True), enabled=True)
    exporter.register_preprocessor(ClearOutputPreprocessor(enabled=True), enabled=True)
    record_path = target / WRITTEN
    try:
        record = json.loads(record_path.read_text()) if record_path.is_file() else {}
    except ValueError:
        record = {}
    written = []
    # a licensed file only (08): nothing a class can run, and no copy reads what it would write
    licensed_only = [nb for nb in discover() if nb.requires]
    not_written = {output for nb in licensed_only for output in nb.outputs}
    for nb in discover():
        if nb in licensed_only:
            continue
        node = nbformat.read(nb.path, as_version=4)
        kalbar = node.metadata.get("kalbar", {})
        if "inputs" in kalbar:
            kalbar["inputs"] = [i for i in kalbar["inputs"] if i not in not_written]
        if lang:
            _set_language(node, lang, nb.path.name)
        if lang not in (None, "en"):
            for cell in node.cells:
                if cell.cell_type == "code":
                    cell.source = _without_comments(cell.source)
        _prepare(node, nb, lang)
        body, _ = exporter.from_notebook_node(node)
        written.append(_keep_or_write(target / f"{nb.name}_{SUFFIX[lang]}.ipynb", body, record, lang))
    write_text(record_path, json.dumps(dict(sorted(record.items())), indent=1) + "\n")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kalbar-student", description="Write the student copies of the notebooks.")
    parser.add_argument("--to", type=Path, default=None, help="folder (default: student/)")
    parser.add_argument("--lang", default=None, help="en or id: one language only, and LANG set to it (default: both)")
    args = parser.parse_args(argv)
    # The lines in the one language asked for (English for both, or for a language not offered).
    lang = args.lang if args.lang in LANGS else "en"
    try:
        written = write_student_copies(args.to, args.lang or None)
    except CompendiumError as exc:
        print(f"{label('error_prefix', lang)}: {exc.said(lang)}", file=sys.stderr)
        return 2
    for path in written:
        print(label("run_wrote", lang).format(path=path))
    guard = install_guard()
    print(label("run_kernel_guard", lang).format(path=guard) if guard else
          label("run_kernel_guard_not_written", lang).format(path=Path(sys.prefix) / GUARD))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
