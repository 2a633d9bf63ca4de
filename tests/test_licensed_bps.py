"""A licensed file as BPS ships it (issue 31): SYNTHETIC files written by the project's own
generator (tests/synthetic_licensed.py, :func:`sakernas_bps_like`; never real microdata) with
UPPER-CASE names, value labels, SPSS user-missing codes 8/9, zero weights, a second province and
a household identified by NKS + NO_RUTA, in a folder whose name has a space. They run unedited;
every format gives the same tables; every mistake in a map is one line before doit starts."""
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from kalbar_border import paths, texts
from kalbar_border.data import microdata
from kalbar_border.errors import CompendiumError
from kalbar_border.figures.labels import LABELS
from kalbar_border.finance import licensed
from kalbar_border.pipeline import notebooks
from tests import synthetic_licensed as synthetic

FORMATS = (".sav", ".dta", ".csv", ".rda")


@pytest.fixture(scope="module")
def bps(tmp_path_factory):
    """{format: map} of the BPS-layout file in every format, in a folder named with a space."""
    folder = tmp_path_factory.mktemp("bps") / "bps files"
    return {fmt: synthetic.write_bps(folder / fmt.strip("."), fmt) for fmt in FORMATS}


def _tables(map_path: Path) -> tuple[dict, pd.DataFrame, pd.DataFrame]:
    spec, data = licensed.read_checked(map_path)
    return spec, licensed.comparison(licensed.analysis_frame(spec, data), spec), licensed.excluded(spec, data)


# --------------------------------------------------------------------------- the same table from every format


def test_spss_user_missing_codes_are_read_as_codes(bps):
    """Without user_missing=True an SPSS read turns 8/9 into blanks: "don't know" would pass for
    "not asked", and a .sav would give other numbers than a .dta of the same data."""
    frame = microdata.read_file(bps[".sav"].parent / "synthetic_bps.sav")
    assert {synthetic.DONT_KNOW, synthetic.NO_ANSWER} <= set(frame["R_KIRIM"].dropna())
    assert frame["R_KIRIM"].isna().sum() == 0
    assert microdata.value_labels(bps[".sav"].parent / "synthetic_bps.sav")["R_KIRIM"][8.0] == "Tidak tahu"


def test_every_format_gives_the_same_table(bps):
    spec, comparison, left_out = _tables(bps[".sav"])
    for fmt in FORMATS[1:]:
        _, other, other_left_out = _tables(bps[fmt])
        pd.testing.assert_frame_equal(other, comparison, check_exact=False, rtol=1e-12, obj=fmt)
        # the value labels name the codes left out where the file has them (.sav, .dta)
        pd.testing.assert_frame_equal(other_left_out.drop(columns="answer"), left_out.drop(columns="answer"), obj=fmt)
    assert _tables(bps[".dta"])[2]["answer"].tolist() == left_out["answer"].tolist()
    named = left_out[left_out["reason"] == "answer_left_out"].set_index(["indicator", "group", "code"])["answer"]
    assert named[("sent_money_or_goods", "migrant", "8")] == "Tidak tahu"
    assert named[("sent_money_or_goods", "non_migrant", "9")] == "Tidak menjawab"


def test_the_unedited_file_recovers_the_truth(bps):
    _, comparison, _ = _tables(bps[".sav"])
    table = comparison.set_index("indicator")
    for (item, group), truth in synthetic.TRUTH.items():
        if item in table.index:
            assert table.loc[item, f"ci_low_{group}"] < truth < table.loc[item, f"ci_high_{group}"], (item, group)


def test_every_row_is_counted_once_per_item_and_definition_with_its_reason(bps):
    spec, comparison, left_out = _tables(bps[".sav"])
    frame = synthetic.sakernas_bps_like()
    totals = left_out.groupby(["indicator", "definition"])["rows"].sum()
    assert (totals == len(frame)).all()
    reasons = left_out.groupby(["indicator", "reason"])["rows"].sum()
    item = "sent_money_or_goods"
    in_province = frame["KODE_PROV"] == 61
    assert reasons[(item, "outside_province")] == (~in_province).sum()
    assert reasons[(item, "zero_weight")] == (in_province & (frame["FINAL_WEIG"] == 0)).sum() > 0
    kept = in_province & (frame["FINAL_WEIG"] > 0)
    assert reasons[(item, "no_migration_status")] == (kept & (frame["R_KERJA"] == 1)
                                                      & (frame["R_MIGRASI"] == synthetic.NO_ANSWER)).sum()
    compared = left_out[(left_out["indicator"] == item) & (left_out["reason"] == "analysed")].set_index("group")["rows"]
    row = comparison.set_index("indicator").loc[item]
    assert (compared["migrant"], compared["non_migrant"]) == (row["n_migrant"], row["n_non_migrant"])
    values = licensed.results_values(comparison, spec, "0" * 64, left_out)
    assert values["licensed.zero_weight_rows"] == reasons[(item, "zero_weight")]
    assert sum(values[f"licensed.zero_weight.recent_mover.{g}"] for g in ("migrant", "non_migrant", "no_status")) == \
        values["licensed.zero_weight_rows"]
    assert values[f"licensed.{item}.recent_mover.left_out_migrant"] == left_out[
        (left_out["indicator"] == item) & (left_out["group"] == "migrant")
        & (left_out["reason"] == "answer_left_out")]["rows"].sum() > 0


def test_every_licensed_key_a_reader_is_shown_is_computed(bps):
    """Every ``licensed.*`` key the findings, the report and the ledger's explanations ask for is
    among the values notebook 08 records (``licensed.unit`` once sat inside a comment)."""
    spec, comparison, left_out = _tables(bps[".sav"])
    values = licensed.results_values(comparison, spec, "0" * 64, left_out)
    asked = {key for lang in ("en", "id") for paragraph in LABELS["findings_08_remittances_investment"][lang]
             for key in texts.placeholders(paragraph) if key.startswith("licensed.")}
    asked |= {"licensed.unit", "licensed.household", "licensed.zero_weight_rows", "licensed.primary_definition"}
    assert asked <= set(values), asked - set(values)
    assert values["licensed.unit"] == "person" and values["licensed.household"] == ["nks", "no_ruta"]


def test_every_key_notebook_08_records_reaches_results_json(bps, tmp_path, monkeypatch):
    """What notebook 08 records (its cell: results_values, then results.record) is what the
    merged results.json holds, key for key, ``licensed.unit`` included."""
    from kalbar_border import results

    monkeypatch.setenv("COMPENDIUM_OUTPUT_DIR", str(tmp_path))
    monkeypatch.setattr(results, "_RECORDED", {})
    spec, comparison, left_out = _tables(bps[".sav"])
    values = licensed.results_values(comparison, spec, "0" * 64, left_out)
    recorded = results.record(values, notebook="08_remittances_investment")
    results.write_merged(["08_remittances_investment"])
    merged = json.loads((tmp_path / "results" / "results.json").read_text())
    assert set(values) == set(recorded) == set(merged)
    assert merged["licensed.unit"] == "person" and merged["licensed.year"] == "2022"


# --------------------------------------------------------------------------- row rules in the map


def _edited(bps, tmp_path, old: str, new: str, frame: pd.DataFrame | None = None, fmt: str = ".dta") -> Path:
    """The BPS map with ``old`` replaced by ``new``, naming the fixture's file (or ``frame``, written)."""
    source = bps[fmt]
    text = source.read_text()
    assert old in text, old
    data = source.parent / f"synthetic_bps{fmt}"
    if frame is not None:
        data = synthetic.write(frame, tmp_path / f"edited{fmt}")
    path = tmp_path / "map.yml"
    path.write_text(text.replace(old, new).replace(f"file: synthetic_bps{fmt}", f"file: {data}"))
    return path


def test_zero_weights_stop_the_run_unless_the_map_drops_them_and_negative_ones_always(bps, tmp_path):
    without = _edited(bps, tmp_path, "  drop_nonpositive_weights: true\n", "")
    frame = synthetic.sakernas_bps_like()
    zero = ((frame["KODE_PROV"] == 61) & (frame["FINAL_WEIG"] == 0)).sum()  # those of the province compared
    assert 0 < zero < synthetic.ZERO_WEIGHT_ROWS
    with pytest.raises(CompendiumError, match=rf"design.weight: {zero} row\(s\) of synthetic_bps.dta have a zero weight in "
                                              r"'final_weig' .*set design.drop_nonpositive_weights: true in the map"):
        licensed.read_checked(without)
    frame.loc[10, "FINAL_WEIG"] = -3.0
    negative = _edited(bps, tmp_path, "code: 61", "code: 61", frame)
    with pytest.raises(CompendiumError, match=r"1 row\(s\) of edited.dta have a negative weight in 'final_weig' "
                                              r"\(first: data row 11\)"):
        licensed.read_checked(negative)


def test_the_household_is_optional_composite_and_unique_within_its_psu(bps, tmp_path):
    alone = _edited(bps, tmp_path, "household: [nks, no_ruta]", "household: no_ruta")
    with pytest.raises(CompendiumError) as caught:
        licensed.read_checked(alone)
    message = str(caught.value)
    assert "\n" not in message and message.startswith(f"{alone}: design.household: household no_ruta=1 of ")
    assert "e.g. household: [nks, no_ruta]" in message
    none = _edited(bps, tmp_path, "  household: [nks, no_ruta]\n", "")
    spec, data = licensed.read_checked(none)
    assert spec["design"]["household"] is None and licensed.analysis_frame(spec, data)["household"].isna().all()
    # a household file: one row per household
    frame = synthetic.susenas_kor_like()
    frame = pd.concat([frame, frame.iloc[[5]]], ignore_index=True)
    path = synthetic.with_map(frame, tmp_path / "households.dta", synthetic.SUSENAS_MAP)
    with pytest.raises(CompendiumError, match=rf"design.household: household urut=0100106 occurs in data rows 6 and "
                                              rf"{len(frame)} of households.dta within PSU 1; expected one row per "
                                              r"household \(unit: household\)"):
        licensed.read_checked(path)


def test_a_household_id_left_empty_in_a_text_variable_is_named_with_its_row(tmp_path):
    """SPSS and Stata hold a missing text as "": it is a missing id, not one id shared by all."""
    frame = synthetic.sakernas_bps_like()
    frame["NO_RUTA"] = frame["NO_RUTA"].astype(int).astype(str)
    frame.loc[3, "NO_RUTA"] = ""
    path = synthetic.with_map(frame, tmp_path / "text_id.sav", synthetic.BPS_MAP)
    with pytest.raises(CompendiumError, match=r"design.household: 1 row\(s\) of text_id.sav have no value of "
                                              r"'nks \+ no_ruta' \(first: data row 4\)$"):
        licensed.read_checked(path)


# --------------------------------------------------------------------------- every map mistake in one line

#: (what the template says, replaced by, the one line expected after the map's path). Every field
#: of docs/licensed_map.template.yml and every kind of mistake: unknown (closest name), missing,
#: wrong type, a variable the file lacks (closest variable), a code, the rows.
MISTAKES = [
    ("indicators:", "indicator:", r"unknown field 'indicator' \(did you mean 'indicators'\?\)"),
    ("survey:", "surveys:", r"unknown field 'surveys' \(did you mean 'survey'\?\)"),
    ("survey: SYNTHETIC Sakernas-like test file in BPS layout\n", "", r"field 'survey' missing"),
    ("year: 2022", "year: twenty", r"field 'year' is 'twenty'; expected a whole number"),
    ("unit: person", "unit: people", r"field 'unit' is 'people'; expected one of person, household"),
    ("file: synthetic_bps.dta", "file: synthetic_bps.xlsx", r"format .xlsx cannot be read"),
    ("file: synthetic_bps.dta", "file: elsewhere.dta", r"field 'file' names .*elsewhere.dta, which is not an existing"),
    ("  weight: final_weig", "  wieght: final_weig", r"unknown field 'design.wieght' \(did you mean 'weight'\?\)"),
    ("  psu: nks\n", "", r"field 'design.psu' missing"),
    ("  weight: final_weig", "  weight: [final_weig]", r"design.weight: expected the name of a variable"),
    ("household: [nks, no_ruta]", "household: []", r"design.household: expected the name of a variable, or a list"),
    ("drop_nonpositive_weights: true", "drop_nonpositive_weights: sometimes",
     r"design.drop_nonpositive_weights is 'sometimes'; expected true or false"),
    ("drop_nonpositive_weight", "drop_nonpositive_weight_", r"did you mean 'drop_nonpositive_weights'\?"),
    ("province: {variable: kode_prov, code: 61}", "province: 61", r"field 'province' missing or not a mapping"),
    ("code: 61", "codes: 61", r"unknown field 'province.codes' \(did you mean 'code'\?\)"),
    ("code: 61", "code: 62", r"province.code: code 62 does not occur in variable 'kode_prov'"),
    ("codes: [1]}", "codes: [yes]}", r"population.codes: expected a code or a list of numeric codes"),
    ("{variable: r_kerja,", "{variabel: r_kerja,", r"unknown field 'population.variabel' \(did you mean 'variable'\?\)"),
    ("recent_mover:", "RecentMover:", r"migrant_definitions.RecentMover: expected a name in lower case"),
    ("non_migrant: [2]", "nonmigrant: [2]", r"unknown field 'migrant_definitions.recent_mover.nonmigrant' "
                                            r"\(did you mean 'non_migrant'\?\)"),
    ("migrant: [1], non_migrant: [2]", "migrant: [1], non_migrant: [1]", r"a code is both migrant and non_migrant"),
    ("sent_money_or_goods:", "sent_money:", r"indicators.sent_money: unknown indicator \(did you mean "
                                            r"'sent_money_or_goods'\?\)"),
    ("r_kirim, yes_codes: [1], no_codes: [2]", "r_kirim, yes: [1], no: [2]",
     r"field 'indicators.sent_money_or_goods.true' is a yes/no that YAML reads as true/false"),
    ("r_kirim, yes_codes: [1], no_codes: [2]", "r_kirim, no_codes: [2]",
     r"field 'indicators.sent_money_or_goods.yes_codes' missing"),
    ("r_kirim, yes_codes: [1], no_codes: [2]", "r_kirim, yes_codes: [1], no_codes: [1]", r"a code is both yes and no"),
    ("{variable: r_kirim,", "{variable: r_krim,", r"indicators.sent_money_or_goods.variable: variable 'r_krim' is not "
                                                  r"in synthetic_bps.dta \(closest in the file: 'R_KIRIM'\)"),
    ("  strata: strata", "  strata: stratum", r"design.strata: variable 'stratum' is not in synthetic_bps.dta "
                                              r"\(closest in the file: 'STRATA'\)"),
    ("  drop_nonpositive_weights: true\n", "", r"have a zero weight in 'final_weig'"),
    ("household: [nks, no_ruta]", "household: no_ruta", r"design.household: household no_ruta=1 of synthetic_bps.dta "
                                                         r"occurs in PSU"),
    ("migrant_definitions:", "migrant_definitions: [1]\nunused:", r"unknown field 'unused'"),
    ("year: 2022", "year: [2022", r"line \d+: not valid YAML"),
]


@pytest.mark.parametrize("old,new,message", MISTAKES, ids=[f"{i:02d}" for i in range(len(MISTAKES))])
def test_every_map_mistake_is_one_line_before_anything_runs(bps, tmp_path, old, new, message):
    path = _edited(bps, tmp_path, old, new)
    said = []
    with pytest.raises(CompendiumError, match=message) as caught:
        notebooks.make_plan({"LICENSED_MAP": str(path), "MICRODATA": False}, echo=said.append, download=False)
    assert "\n" not in str(caught.value) and str(caught.value).startswith(str(path)), str(caught.value)


#: Mistakes in the file's rows that the map's design names: (column, row, value, the one line expected).
ROW_MISTAKES = [
    ("FINAL_WEIG", 20, np.nan, r"design.weight: 1 row\(s\) of rows.sav have no weight in 'final_weig' \(first: data "
                               r"row 21\); expected a positive number$"),
    ("FINAL_WEIG", 20, -1.0, r"design.weight: 1 row\(s\) of rows.sav have a negative weight in 'final_weig'"),
    ("NKS", 30, np.nan, r"design.psu: 1 row\(s\) of rows.sav have no value of 'nks' \(first: data row 31\)"),
    ("STRATA", 40, np.nan, r"design.strata: 1 row\(s\) of rows.sav have no value of 'strata' \(first: data row 41\)"),
]


@pytest.mark.parametrize("column,row,value,message", ROW_MISTAKES, ids=[m[0] + str(m[2]) for m in ROW_MISTAKES])
def test_every_row_mistake_is_one_line_before_anything_runs(tmp_path, column, row, value, message):
    frame = synthetic.sakernas_bps_like()
    frame.loc[row, column] = value
    path = synthetic.with_map(frame, tmp_path / "rows.sav", synthetic.BPS_MAP)
    with pytest.raises(CompendiumError, match=message) as caught:
        notebooks.make_plan({"LICENSED_MAP": str(path), "MICRODATA": False}, echo=lambda _: None, download=False)
    assert "\n" not in str(caught.value) and str(caught.value).startswith(f"{path}: ")


def test_a_code_no_row_uses_is_a_warning_line_before_the_run(bps, tmp_path):
    path = _edited(bps, tmp_path, "no_codes: [2]}\n  any", "no_codes: [2, 7]}\n  any")
    said = []
    notebooks.make_plan({"LICENSED_MAP": str(path), "MICRODATA": False}, echo=said.append, download=False)
    warned = [line for line in said if line.startswith("  warning ")]
    assert len(warned) == 1 and "indicators.sent_money_or_goods.no_codes: code 7 does not occur" in warned[0]


def _command(*args, cwd=paths.ROOT, env=None) -> subprocess.CompletedProcess:
    environment = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "kalbar_border.workflow", *map(str, args)], cwd=cwd, env=environment,
                          capture_output=True, text=True, timeout=300)


def test_a_bad_map_stops_the_command_with_one_line_and_the_documented_status(bps, tmp_path):
    path = _edited(bps, tmp_path, "indicators:", "indicator:")
    out = tmp_path / "out"
    done = _command(f"LICENSED_MAP={path}", "MICRODATA=False", env={"COMPENDIUM_OUTPUT_DIR": str(out)})
    assert done.returncode == 2  # README: a parameter or input refused before anything ran
    assert done.stderr.splitlines() == [f"error: {path}: unknown field 'indicator' (did you mean 'indicators'?); known: "
                                        "file, survey, year, unit, province, design, population, migrant_definitions, "
                                        "indicators; see docs/licensed_map.template.yml"]
    assert "Traceback" not in done.stdout + done.stderr and "running" not in done.stdout
    assert not (out / "results").exists()


def test_a_path_with_spaces_is_accepted_unquoted_and_a_stray_word_says_how_to_quote():
    parsed = notebooks.parse_assignments(["LICENSED_MAP=/home/r/bps", "files/map", "2022.yml", "LANG=id"])
    assert parsed == {"LICENSED_MAP": "/home/r/bps files/map 2022.yml", "LANG": "id"}
    with pytest.raises(CompendiumError, match=r"parameter 'data': expected NAME=VALUE, e.g. LANG=id \(a value with "
                                              r"spaces in quotes: PARAMS=\"LICENSED_MAP='/my maps/map.yml'\"\)"):
        notebooks.parse_assignments(["LANG=id", "data"])


# --------------------------------------------------------------------------- the whole route


@pytest.mark.slow
def test_unedited_sav_and_dta_run_notebook_08_give_one_table_and_leave_every_tracked_file(bps, tmp_path):
    """Done when: an unedited .sav with user-missing codes and zero weights, and the same data as
    .dta, both run notebook 08 (in a checkout, as make reproduce runs it, the map's folder named
    with a space) and give the same table; the run reports the rows left out and why, every key
    notebook 08 records reaches results.json, and no tracked file changes."""
    from tests.test_references import _checkout, _status

    repo = _checkout(tmp_path / "checkout")
    done = _command(f"LICENSED_MAP={bps['.sav']}", "MICRODATA=False", cwd=repo,
                    env={"PYTHONPATH": str(repo / "lib"), "COMPENDIUM_OUTPUT_DIR": ""})
    assert done.returncode == 0, done.stdout + done.stderr
    assert _status(repo) == ""  # every output under the git-ignored build/variants/
    variants = list((repo / "build" / "variants").iterdir())
    assert len(variants) == 1 and variants[0].name.startswith("LICENSED_MAP-synthetic_bps_sav_map")
    out = variants[0]
    merged = json.loads((out / "results" / "results.json").read_text())
    recorded = json.loads((out / "results" / "08_remittances_investment.json").read_text())
    assert set(recorded["values"]) <= set(merged) and merged["licensed.unit"] == "person"
    assert merged["licensed.zero_weight_rows"] > 0
    for lang in ("en", "id"):
        assert (out / "figures" / f"licensed_shares_{lang}.png").is_file()
    page = (out / "build" / "index.html").read_text()
    assert "with a zero weight (design.drop_nonpositive_weights" in page
    # the same data as .dta, notebook 08 alone: the same tables
    again = _command(f"LICENSED_MAP={bps['.dta']}", "MICRODATA=False", "--only", "08", cwd=repo,
                     env={"PYTHONPATH": str(repo / "lib"), "COMPENDIUM_OUTPUT_DIR": ""})
    assert again.returncode == 0, again.stdout + again.stderr
    assert _status(repo) == ""
    other = next(p for p in (repo / "build" / "variants").iterdir() if p != out)
    for name in ("licensed_comparison.csv", "licensed_excluded.csv"):
        a, b = pd.read_csv(out / "results" / name), pd.read_csv(other / "results" / name)
        numeric = a.select_dtypes("number").columns
        np.testing.assert_allclose(b[numeric].to_numpy(float), a[numeric].to_numpy(float), rtol=1e-9, err_msg=name)
        assert a.drop(columns=numeric).equals(b.drop(columns=numeric)), name
