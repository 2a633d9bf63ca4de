"""Researchers with licensed BPS files (issue 22): the formats BPS ships, notebook 08 on
SYNTHETIC files in BPS layout (tests/synthetic_licensed.py; never real data), the map's checks,
and the claims C5/C6 judged on licensed results."""
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from kalbar_border import claims
from kalbar_border.data import licensed_map, microdata
from kalbar_border.errors import CompendiumError
from kalbar_border.finance import licensed, tables
from tests import synthetic_licensed as synthetic
from tests.conftest import needs_microdata, run_pipeline

TOLERANCE = 1e-12


# --------------------------------------------------------------------------- formats BPS ships


def _as_bps_file(key: str, folder: Path, fmt: str) -> Path:
    """The verified Jambi file ``key`` converted as a BPS user would get it: lower-case names,
    in ``fmt``, with value labels on a coded variable (Stata/SPSS)."""
    raw = microdata.load(key)
    needed = set(microdata.load_extract(key).columns)
    frame = raw[[c for c in raw.columns if c in needed]].rename(columns=str.lower)
    text = [c.lower() for c in microdata.DATASETS[key].text_variables]
    empty = [c for c in frame.columns if c not in text and frame[c].isna().all()]
    frame[empty] = frame[empty].astype(float)  # a numeric item nobody answered: all missing
    path = folder / f"{key}_lower{fmt}"
    if fmt == ".csv":
        frame.to_csv(path, index=False)
        return path
    frame[text] = frame[text].fillna("").astype(object)  # Stata and SPSS write a missing text as ""
    coded = "r405" if key == "susenas" else "k4"  # sex: 1 male, 2 female
    if fmt == ".dta":
        frame.to_stata(path, write_index=False, value_labels={coded: {1: "Laki-laki", 2: "Perempuan"}})
    else:
        import pyreadstat

        pyreadstat.write_sav(frame, str(path), variable_value_labels={coded: {1.0: "Laki-laki", 2.0: "Perempuan"}})
    return path


@pytest.mark.slow
@needs_microdata
@pytest.mark.parametrize("fmt", [".dta", ".sav", ".csv"])
def test_a_converted_file_with_lower_case_names_gives_the_same_frames_and_tables(tmp_path, fmt):
    sus, sak = _as_bps_file("susenas", tmp_path, fmt), _as_bps_file("sakernas", tmp_path, fmt)
    for key, path in (("susenas", sus), ("sakernas", sak)):
        pd.testing.assert_frame_equal(microdata.load_supplied(key, path), microdata.load_extract(key), check_exact=True)
    default, supplied = tables.load_frames(15), tables.load_frames(15, str(sus), str(sak))
    a = tables.compare_all(default, populations=("persons15",))
    b = tables.compare_all(supplied, populations=("persons15",))
    numeric = a.select_dtypes("number").columns
    np.testing.assert_allclose(b[numeric].to_numpy(float), a[numeric].to_numpy(float), rtol=TOLERANCE, atol=TOLERANCE)
    assert (a.drop(columns=numeric).astype(str) == b.drop(columns=numeric).astype(str)).all().all()


def test_an_unreadable_format_names_the_accepted_ones(tmp_path):
    path = tmp_path / "susenas.xlsx"
    path.write_bytes(b"not a spreadsheet")
    with pytest.raises(CompendiumError, match=r"susenas.xlsx: format .xlsx cannot be read; accepted: .rda, .rdata, "
                                              r".dta, .sav, .csv$"):
        microdata.load_supplied("susenas", path)
    broken = tmp_path / "broken.dta"
    broken.write_bytes(b"garbage")
    with pytest.raises(CompendiumError, match=r"broken.dta: cannot be read as a Stata file"):
        microdata.read_file(broken)


def test_a_file_lacking_variables_names_the_file_and_every_missing_one(tmp_path):
    path = tmp_path / "sakernas.csv"
    pd.DataFrame({"kode_prov": [15], "final_weig": [1.0]}).to_csv(path, index=False)
    with pytest.raises(CompendiumError) as caught:
        microdata.load_supplied("sakernas", path)
    message = str(caught.value)
    assert "\n" not in message and message.startswith(f"{path}: lacks the variables ")
    assert "ID_NKS" in message and "KODE_PROV" not in message and "FINAL_WEIG" not in message


def test_columns_that_differ_only_by_case_are_refused(tmp_path):
    frame = pd.DataFrame({"R101": [15], "r101": [15]})
    with pytest.raises(CompendiumError, match="R101, r101 differ only by case"):
        microdata.match_variables(frame, ["R101"], tmp_path / "x.csv")


@pytest.mark.slow
@needs_microdata
def test_the_pipeline_gives_the_default_tables_from_converted_files_and_records_their_sha256(tmp_path, pipeline_run):
    """Done when: make reproduce PARAMS="SUSENAS_PATH=<x>.dta SAKERNAS_PATH=<y>.csv" gives the
    finance tables of the default run, and the run record and report name the files by sha256."""
    sus, sak = _as_bps_file("susenas", tmp_path, ".dta"), _as_bps_file("sakernas", tmp_path, ".csv")
    out = tmp_path / "out"
    done = run_pipeline(out, f"SUSENAS_PATH={sus}", f"SAKERNAS_PATH={sak}", "--only", "05")
    assert done.returncode == 0, done.stdout + done.stderr
    for name in ("financial_comparison.csv", "financial_tests.csv", "financial_comparison_by_subgroup.csv"):
        ours = pd.read_csv(out / "results" / name)
        default = pd.read_csv(pipeline_run[0] / "results" / name)
        numeric = default.select_dtypes("number").columns
        np.testing.assert_allclose(ours[numeric].to_numpy(float), default[numeric].to_numpy(float),
                                   rtol=TOLERANCE, atol=TOLERANCE, err_msg=name)
    record = json.loads((out / "build" / "runs" / "05_finance_comparison.json").read_text())
    assert {(r["parameter"], r["file"], r["sha256"], r["origin"]) for r in record["user_supplied"]} == {
        ("SUSENAS_PATH", sus.name, microdata.sha256_file(sus), "user_supplied"),
        ("SAKERNAS_PATH", sak.name, microdata.sha256_file(sak), "user_supplied")}
    # Each result names the file it came from: the user's, not the verified Jambi file.
    named = {s for rows in json.loads((out / "results" / "05_finance_comparison.json").read_text())["sources"].values()
             for s in rows}
    assert named == {f"{sus.name} (user-supplied)", f"{sak.name} (user-supplied)"}


def test_a_path_parameter_of_another_format_stops_before_anything_runs(tmp_path):
    wrong = tmp_path / "SUSENAS.xlsx"
    wrong.write_bytes(b"x")
    done = run_pipeline(tmp_path / "out", f"SUSENAS_PATH={wrong}", f"SAKERNAS_PATH={wrong}")
    assert done.returncode != 0
    assert "parameter SUSENAS_PATH=" in done.stderr and "accepted" not in done.stdout
    assert "a file of format .rda, .rdata, .dta, .sav, .csv" in done.stderr
    assert not (tmp_path / "out" / "results").exists()


# --------------------------------------------------------------------------- the map and notebook 08


@pytest.fixture(scope="module")
def fixtures(tmp_path_factory):
    folder = tmp_path_factory.mktemp("synthetic")
    return {fmt: synthetic.write_set(folder / fmt.strip("."), fmt) for fmt in (".dta", ".sav")}


@pytest.mark.parametrize("fmt", [".dta", ".sav"])
def test_estimates_on_synthetic_files_recover_the_truth(fixtures, fmt):
    spec, data = licensed.read_checked(fixtures[fmt]["sakernas"])
    table = licensed.comparison(licensed.analysis_frame(spec, data), spec).set_index("indicator")
    for (item, group), truth in synthetic.TRUTH.items():
        if item not in table.index:
            continue
        row = table.loc[item]
        se = (row[f"ci_high_{group}"] - row[f"ci_low_{group}"]) / (2 * 1.96)
        assert abs(row[f"share_{group}"] - truth) < 3 * se, (item, group, row[f"share_{group}"], truth)
        assert row[f"ci_low_{group}"] < truth < row[f"ci_high_{group}"], (item, group, row[f"ci_low_{group}"],
                                                                          row[f"ci_high_{group}"], truth)
    assert bool(table.loc["sent_money_or_goods", "holds"])
    assert table.loc["investment_type_2", "few_events"] and not table.loc["investment_type_2", "holds"]
    # One Holm family: every test of the notebook, as statsmodels computes it.
    from statsmodels.stats.multitest import multipletests

    np.testing.assert_allclose(table["p_holm"], multipletests(table["p_value"], method="holm")[1], rtol=1e-12)


def _comparison(map_path: Path) -> pd.DataFrame:
    spec, data = licensed.read_checked(map_path)
    return licensed.comparison(licensed.analysis_frame(spec, data), spec)


def test_both_formats_give_the_same_estimates(fixtures):
    pd.testing.assert_frame_equal(_comparison(fixtures[".dta"]["sakernas"]), _comparison(fixtures[".sav"]["sakernas"]),
                                  check_exact=False, rtol=TOLERANCE)


def _broken_map(fixtures, tmp_path, old: str, new: str) -> Path:
    source = fixtures[".dta"]["sakernas"]
    text = source.read_text()
    assert old in text, old
    path = tmp_path / "map.yml"
    path.write_text(text.replace(old, new).replace("file: ", f"file: {source.parent}/"))
    return path


BAD_MAPS = [
    ("r_kirim, yes_codes", "r_kirimx, yes_codes",
     r"indicators.sent_money_or_goods.variable: variable 'r_kirimx' is not in synthetic_sakernas.dta"),
    ("migrant: [1], non_migrant: [2]", "migrant: [1], non_migrant: [1]",
     r"migrant_definitions.recent_mover: a code is both migrant and non_migrant"),
    ("year: 2022", "year: 2022\ncolour: blue", r"unknown field 'colour'; known: file, survey"),
    ("household: [NKS", "householdx: [NKS", r"unknown field 'design.householdx' \(did you mean 'household'\?\)"),
    ("unit: person", "unit: people", r"field 'unit' is 'people'; expected one of person, household"),
    ("recent_mover:", "Recent-Mover:", r"migrant_definitions.Recent-Mover: expected a name in lower case"),
    ("yes_codes: [1], no_codes: [2]}}\n  any", "yes_codes: [1], no_codes: [1]}}\n  any",
     r"indicators.sent_money_or_goods: a code is both yes and no"),
    ("sent_money_or_goods:", "sent_money:", r"indicators.sent_money: unknown indicator"),
]


@pytest.mark.parametrize("old,new,message", BAD_MAPS, ids=[m[2][:30] for m in BAD_MAPS])
def test_every_bad_map_gets_its_one_line_message(fixtures, tmp_path, old, new, message):
    old = old.replace("}}", "}").replace("{{", "{")
    new = new.replace("}}", "}").replace("{{", "{")
    path = _broken_map(fixtures, tmp_path, old, new)
    with pytest.raises(CompendiumError, match=message) as caught:
        licensed.read_checked(path)
    assert "\n" not in str(caught.value) and str(caught.value).startswith(str(path))


def test_a_code_no_row_uses_is_a_warning_line_not_an_error(fixtures, tmp_path):
    """A map is written from the questionnaire: a code nobody in the file answered is named in
    one warning line, and the run goes on."""
    path = _broken_map(fixtures, tmp_path, "r_investasi, yes_codes: [1]", "r_investasi, yes_codes: [1, 7]")
    spec, _ = licensed.read_checked(path)
    assert [w.said("en") for w in spec["warnings"]] == [f"{path}: indicators.any_investment.yes_codes: code 7 does not occur in variable "
                                "'r_investasi' of synthetic_sakernas.dta (codes present: 1, 2); kept in the map "
                                "(written from the questionnaire), no row has it"]
    assert spec["warnings"][0].said("id").endswith("tetapi tidak ada baris yang memuatnya")
    province = _broken_map(fixtures, tmp_path, "code: 61", "code: 62")
    with pytest.raises(CompendiumError, match=r"province.code: code 62 does not occur in variable 'KODE_PROV'"):
        licensed.read_checked(province)


def test_a_weight_that_is_not_positive_is_named_with_its_row(fixtures, tmp_path):
    frame = synthetic.sakernas_like()
    frame.loc[4, "final_weig"] = 0.0
    path = synthetic.with_map(frame, tmp_path / "synthetic_sakernas.dta")
    with pytest.raises(CompendiumError, match=r"design.weight: 1 row\(s\) of synthetic_sakernas.dta have a zero weight "
                                              r"in 'FINAL_WEIG' \(first: data row 5\); expected a positive number, or "
                                              r"set design.drop_nonpositive_weights: true in the map"):
        licensed.read_checked(path)


def test_a_map_that_names_no_existing_file_or_is_absent_says_what_to_do(tmp_path):
    path = tmp_path / "map.yml"
    path.write_text(synthetic.SAKERNAS_MAP.format(file="nowhere.dta"))
    with pytest.raises(CompendiumError, match=r"field 'file' names .*nowhere.dta, which is not an existing file"):
        licensed_map.read_map(path)
    with pytest.raises(CompendiumError, match=r"LICENSED_MAP not given: .* docs/licensed_map.template.yml"):
        licensed_map.read_map(None)


def test_the_template_map_is_valid_yaml_with_every_field_explained():
    import yaml

    doc = yaml.safe_load((Path(__file__).parents[1] / licensed_map.TEMPLATE).read_text())
    assert set(doc) == {"file", "survey", "year", "unit", "province", "design", "population", "migrant_definitions",
                        "indicators"}
    assert set(doc["indicators"]) <= set(licensed_map.INDICATORS)
    assert all(isinstance(k, str) for spec in doc["indicators"].values() for k in spec)  # no yes:/no: booleans


@pytest.mark.slow
def test_notebook_08_through_the_pipeline_then_a_default_run_forgets_it(fixtures, tmp_path):
    """Notebook 08 runs on the synthetic files through the pipeline; C5/C6 get a computed status
    marked licensed, and the report says so on both pages. A following default run skips 08 with
    one line, removes its outputs and leaves nothing synthetic in results/."""
    out = tmp_path / "out"
    done = run_pipeline(out, f"LICENSED_MAP={fixtures['.dta']['sakernas']}", "MICRODATA=False")
    assert done.returncode == 0, done.stdout + done.stderr
    detail = pd.read_csv(out / "results" / "claims_detail.csv", keep_default_na=False).set_index(["id", "part"])
    for claim in ("C5", "C6"):
        assert detail.loc[(claim, "claim"), "data"] == "licensed"
        assert detail.loc[(claim, "claim"), "status"] == "reproduced"
        assert "licensed BPS file" in detail.loc[(claim, "claim"), "caveat"]
    record = json.loads((out / "build" / "runs" / "08_remittances_investment.json").read_text())
    data_file = fixtures[".dta"]["sakernas"].parent / "synthetic_sakernas.dta"
    assert {"parameter": "LICENSED_MAP file", "file": data_file.name, "sha256": microdata.sha256_file(data_file),
            "origin": "user_supplied"} in record["user_supplied"]
    for page in ("index.html", "index.id.html"):
        assert 'id="licensed-data"' in (out / "build" / page).read_text()
    executed = json.loads((out / "build" / "notebooks" / "08_remittances_investment.ipynb").read_text())
    findings = ["".join(o["data"]["text/markdown"]) for c in executed["cells"] if "texts.findings(" in "".join(c["source"])
                for o in c.get("outputs", []) if o.get("output_type") == "execute_result"]
    assert len(findings) == 1 and "{" not in findings[0] and "—" not in findings[0]
    assert "SYNTHETIC Sakernas-like test file (2022)" in findings[0]

    again = run_pipeline(out, "MICRODATA=False")
    assert again.returncode == 0, again.stdout + again.stderr
    skipped = [line for line in again.stdout.splitlines() if "08_remittances_investment" in line]
    assert skipped and skipped[0].strip().startswith("skipped     08_remittances_investment: LICENSED_MAP not given")
    assert not (out / "results" / "licensed_comparison.csv").exists()
    assert not (out / "results" / "08_remittances_investment.json").exists()
    assert not any("SYNTHETIC" in p.read_text(errors="ignore") for p in (out / "results").iterdir() if p.is_file())
    detail = pd.read_csv(out / "results" / "claims_detail.csv", keep_default_na=False).set_index(["id", "part"])
    for claim in ("C5", "C6"):
        row = detail.loc[(claim, "claim")]
        assert row["data"] == "public" and row["status"] == "not_checkable"
        assert "docs/licensed_map.template.yml" in row["caveat"] and "2301014" in row["caveat"]
    assert 'id="licensed-data"' not in (out / "build" / "index.html").read_text()


@pytest.mark.slow
def test_a_bad_map_stops_the_run_with_one_line_before_anything_runs(fixtures, tmp_path):
    path = _broken_map(fixtures, tmp_path, "r_kirim,", "r_kirimx,")
    out = tmp_path / "out"
    done = run_pipeline(out, f"LICENSED_MAP={path}", "MICRODATA=False", "--only", "08")
    assert done.returncode == 2
    assert done.stderr.splitlines() == [f"error: {path}: indicators.sent_money_or_goods.variable: variable 'r_kirimx' "
                                        "is not in synthetic_sakernas.dta (closest in the file: 'r_kirim')"]
    assert "running" not in done.stdout and not (out / "results").exists()


# --------------------------------------------------------------------------- claims on licensed results


def _results(fixtures, key: str = "sakernas") -> dict:
    spec, data = licensed.read_checked(fixtures[".dta"][key])
    table = licensed.comparison(licensed.analysis_frame(spec, data), spec)
    return licensed.results_values(table, spec, "0" * 64)


def _verdict(claim: str, results: dict):
    entry = next(e for e in claims.load_ledger() if e["id"] == claim)
    return claims.evaluate_one(entry, results)


def test_claims_read_the_licensed_results_part_by_part(fixtures):
    results = _results(fixtures)
    c5, c6 = _verdict("C5", results), _verdict("C6", results)
    assert (c5.status, c5.data, [p["verdict"] for p in c5.parts]) == ("reproduced", "licensed", ["supports"])
    assert (c6.status, [p["verdict"] for p in c6.parts]) == ("reproduced", ["supports", "supports"])


def test_a_difference_inside_the_margin_contradicts_and_a_wide_one_cannot_decide(fixtures):
    results = _results(fixtures)
    base = "licensed.sent_money_or_goods.recent_mover"
    small = {**results, f"{base}.holds": False, f"{base}.difference": 0.01, f"{base}.difference_ci_low": -0.02,
             f"{base}.difference_ci_high": 0.04}
    assert _verdict("C5", small).status == "contradicted"
    wide = {**small, f"{base}.difference_ci_low": -0.02, f"{base}.difference_ci_high": 0.09}
    verdict = _verdict("C5", wide)
    assert (verdict.status, verdict.kind) == ("not_checkable", "incomplete_data")
    flagged = {**small, f"{base}.few_events": True}
    assert _verdict("C5", flagged).parts[0]["verdict"] == "undetermined"


def test_investment_above_the_threshold_in_one_group_is_partly_supported(fixtures):
    results = _results(fixtures)
    base = "licensed.any_investment.recent_mover"
    high = {**results, f"{base}.share_migrant": 0.2, f"{base}.ci_low_migrant": 0.15, f"{base}.ci_high_migrant": 0.25}
    verdict = _verdict("C6", high)
    assert verdict.status == "partly_supported" and [p["verdict"] for p in verdict.parts] == ["contradicts", "supports"]


def test_a_household_file_with_received_remittances_settles_c5_not_c6(fixtures):
    results = _results(fixtures, "susenas")
    assert _verdict("C5", results).parts[0]["series"] == "licensed.received_money_or_goods.any_member_moved"
    c6 = _verdict("C6", results)
    assert (c6.status, c6.kind, c6.data) == ("not_checkable", "incomplete_data", "licensed")


def test_the_lock_holds_for_public_statuses_only(fixtures, pipeline_run):
    out = pipeline_run[0]
    results = json.loads((out / "results" / "results.json").read_text())
    sources = json.loads((out / "results" / "results_sources.json").read_text())
    table = claims.evaluate(claims.load_ledger(), {**results, **_results(fixtures)}, sources)
    assert set(claims.claims_only(table).set_index("id").loc[["C5", "C6"], "data"]) == {"licensed"}
    assert claims.drifted(table).empty
    public = claims.evaluate(claims.load_ledger(), results, sources)
    assert set(claims.claims_only(public)["data"]) == {"public"}


def test_synthetic_files_are_labelled_synthetic(fixtures):
    import pyreadstat

    spec, _ = licensed.read_checked(fixtures[".dta"]["sakernas"])
    assert spec["survey"].startswith("SYNTHETIC") and "SYNTHETIC" in fixtures[".dta"]["sakernas"].read_text()
    with pd.read_stata(fixtures[".dta"]["sakernas"].parent / "synthetic_sakernas.dta", iterator=True) as reader:
        assert reader.data_label.startswith("SYNTHETIC")
    _, meta = pyreadstat.read_sav(str(fixtures[".sav"]["sakernas"].parent / "synthetic_sakernas.sav"), metadataonly=True)
    assert meta.file_label.startswith("SYNTHETIC")


@needs_microdata
@pytest.mark.parametrize("key", ["susenas", "sakernas"])
def test_the_extract_of_notebook_01_reads_back_as_the_supplied_file_does(tmp_path, monkeypatch, key):
    """The default route (notebook 01's extract) and the user route (load_supplied) give one frame."""
    from kalbar_border.data import datapackage

    monkeypatch.setenv("COMPENDIUM_OUTPUT_DIR", str(tmp_path))
    microdata.write_extract(key, microdata.load(key), datapackage.resource(key)["x-variables"])
    assert microdata.extract_path(key).is_relative_to(tmp_path)
    pd.testing.assert_frame_equal(microdata.load_extract(key), microdata.load_supplied(key, microdata.fetch(key)),
                                  check_exact=True)
