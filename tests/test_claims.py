"""The claims ledger: every status is recomputed from the run's results and must equal the
status the maintainers reviewed (claims.yml expected_status); its texts carry no typed numbers."""
import json
import re

import pandas as pd
import pytest
import yaml

from kalbar_border import claims, paths, texts
from kalbar_border.errors import CompendiumError

IDS = ["C1", "C2", "C3a", "C3b", "C4", "C5", "C6", "C7"]


def _run_results(dest):
    return (json.loads((dest / "results" / "results.json").read_text()),
            json.loads((dest / "results" / "results_sources.json").read_text()))


@pytest.fixture(scope="module")
def evaluated(pipeline_run):
    results, sources = _run_results(pipeline_run[0])
    return claims.evaluate(claims.load_ledger(), results, sources), results, sources


def test_every_claim_has_a_status_of_the_vocabulary(evaluated):
    table = claims.claims_only(evaluated[0])
    assert list(table["id"]) == IDS
    assert set(table["status"]) <= set(claims.STATUSES)
    not_checkable = table[table["status"] == "not_checkable"]
    assert set(not_checkable["kind"]) <= set(claims.KINDS) and (not_checkable["kind"] != "").all()


def test_recomputed_statuses_equal_the_reviewed_ledger(evaluated):
    drift = claims.drifted(evaluated[0])
    assert drift.empty, f"status changed for {list(drift['id'])}: update claims.yml expected_status after review"


def test_a_traced_number_is_not_a_reproduced_claim(evaluated):
    table = claims.claims_only(evaluated[0]).set_index("id")
    assert table.loc["C3a", "status"] == "number_traced_meaning_differs"
    assert table.loc["C3a", "paper_value"] == "5,824" and table.loc["C3a", "reproduced_value"] == "5,824"
    assert "complaints" in table.loc["C3a", "caveat"] and "5,824" in table.loc["C3a", "caveat"]
    assert "BS001" in table.loc["C3a", "evidence"] and "02_border_series" in table.loc["C3a", "evidence"]


def test_the_2020_fall_is_judged_on_every_series_and_they_disagree(evaluated):
    table = evaluated[0]
    c4 = claims.series_of(table, "C4").set_index("part")
    assert set(c4.index) == {"bp2mi_complaints_total", "kjri_kuching_deportations_sarawak", "entikong_persons",
                             "kalbar_pmi_placements"}
    assert c4.loc["bp2mi_complaints_total", "status"] == "supports"
    assert c4.loc["bp2mi_complaints_total", "reproduced_value"] == "-68.9 %"
    assert c4.loc["kjri_kuching_deportations_sarawak", "status"] == "contradicts"
    assert claims.claims_only(table).set_index("id").loc["C4", "status"] == "partly_supported"
    caveat = claims.claims_only(table).set_index("id").loc["C4", "caveat"]
    assert "-68.9 %" in caveat and "+61.1 %" in caveat and "COVID-19 cause is not tested" in caveat


def test_claims_csv_and_rules_written_by_the_run(pipeline_run):
    table = pd.read_csv(pipeline_run[0] / "results" / "claims.csv", keep_default_na=False)
    assert list(table.columns) == claims.CSV_COLUMNS
    assert list(table["id"]) == IDS and table["evidence"].str.len().gt(0).all()
    detail = pd.read_csv(pipeline_run[0] / "results" / "claims_detail.csv", keep_default_na=False)
    assert set(detail.loc[detail["part"] != "claim", "id"]) == {"C2", "C4"}
    rules = pd.read_csv(pipeline_run[0] / "results" / "claims_rules.csv", keep_default_na=False)
    assert set(rules["parameter"]) == {"min_turns", "min_move_pct", "threshold", "licensed.margin_pp",
                                       "licensed.threshold_pct"} and rules["why"].str.len().gt(40).all()


def test_a_changed_result_flips_the_status_and_is_caught(evaluated):
    table, results, sources = evaluated
    changed = dict(results, **{"border.bp2mi_complaints_total.2019": 5108})
    flipped = claims.claims_only(claims.evaluate(claims.load_ledger(), changed, sources)).set_index("id")
    assert flipped.loc["C3a", "status"] == "contradicted"
    assert "C3a" in set(claims.drifted(flipped.reset_index())["id"])


def test_every_placeholder_of_the_ledger_is_filled_by_a_real_run(evaluated):
    _, results, _ = evaluated
    for entry in claims.load_ledger():
        values = claims.template_values(entry, results)
        for field in claims.TEXTS:
            for name in (field, f"{field}_id"):
                assert not texts.missing(entry.get(name, ""), values), (entry["id"], name)


#: Names with digits in them, not numbers: claim and notebook ids, agencies, COVID-19.
IDENTIFIERS = re.compile(r"\bC\d\b|\b0[1-8]\b|05-06|BP\dMI|COVID-19")
#: Numbers a ledger text may hold as typed: years and the BPS catalogue number of the publication.
ALLOWED_NUMBERS = re.compile(r"^(19|20)\d\d$|^2301014$")


def test_ledger_texts_hold_no_typed_numbers():
    for entry in claims.load_ledger():
        for field in claims.TEXTS:
            for name in (field, f"{field}_id"):
                text = texts.PLACEHOLDER.sub("", entry.get(name, ""))
                for number in re.findall(r"\d[\d.,]*\d|\d", IDENTIFIERS.sub("", text)):
                    assert ALLOWED_NUMBERS.match(number), f"{entry['id']}.{name}: typed number {number!r}"


def _entry(rule, **extra):
    return {"id": "X", "claim": "x", "checked": "x", "rule": rule, "evidence": {}, "expected_status": "reproduced", **extra}


FLUCTUATES = {"type": "series", "check": "fluctuates", "min_turns": 2, "min_move_pct": 10}


@pytest.mark.parametrize("rule, results, status", [
    ({"type": "equals", "key": "a.b", "value": 10, "tolerance": 0}, {"a.b": 10}, "reproduced"),
    ({"type": "equals", "key": "a.b", "value": 10, "tolerance": 0}, {"a.b": 11}, "contradicted"),
    ({"type": "equals", "key": "a.b", "value": 10, "tolerance": 1}, {"a.b": 11}, "reproduced"),
    ({"type": "equals", "key": "a.b", "value": 10}, {"a.b": None}, "not_checkable"),
    ({"type": "series", "check": "change_below", "threshold": -30, "series": [{"name": "bp2mi_complaints_total", "change": "a.b"}]},
     {"a.b": -10}, "contradicted"),
    ({"type": "series", "check": "change_below", "threshold": -30,
      "series": [{"name": "bp2mi_complaints_total", "change": "a.b"}, {"name": "kalbar_pmi_placements", "change": "a.c"}]},
     {"a.b": -40, "a.c": 60}, "partly_supported"),
    ({"type": "series", "check": "change_below", "threshold": -30, "series": [{"name": "bp2mi_complaints_total", "change": "a.b"}]},
     {"a.b": -40}, "reproduced"),
    ({"type": "series", "check": "change_below", "threshold": -30, "series": [{"name": "bp2mi_complaints_total", "change": "a.b"}]},
     {}, "not_checkable"),
    # A single turn in four values is not fluctuation, whatever its size.
    ({**FLUCTUATES, "series": [{"name": "bp2mi_complaints_total", "keys": ["a.1", "a.2", "a.3", "a.4"]}]},
     {"a.1": 100, "a.2": 30, "a.3": 20, "a.4": 60}, "contradicted"),
    # ... unless a missing value could still add the second turn: undecided, not contradicted.
    ({**FLUCTUATES, "series": [{"name": "bp2mi_complaints_total", "keys": ["a.1", "a.2", "a.3", "a.4", "a.5"]}]},
     {"a.1": 100, "a.2": 30, "a.3": 20, "a.4": 60}, "not_checkable"),
    ({**FLUCTUATES, "series": [{"name": "bp2mi_complaints_total", "keys": ["a.1", "a.2", "a.3", "a.4"]}]},
     {"a.1": 100, "a.2": 160, "a.3": 90, "a.4": 150}, "reproduced"),
    # Moves below min_move_pct are flat: 100 -> 105 -> 98 -> 104 does not turn.
    ({**FLUCTUATES, "series": [{"name": "bp2mi_complaints_total", "keys": ["a.1", "a.2", "a.3", "a.4"]}]},
     {"a.1": 100, "a.2": 105, "a.3": 98, "a.4": 104}, "contradicted"),
    ({"type": "independent_source", "key": "a.b"}, {"a.b": 2}, "reproduced"),
    ({"type": "independent_source", "key": "a.b"}, {"a.b": 0}, "not_checkable"),
])
def test_rules(rule, results, status):
    assert claims.evaluate_one(_entry(rule, reason="why"), results).status == status


def test_a_matching_number_with_another_meaning_is_only_traced():
    entry = _entry({"type": "equals", "key": "a.b", "value": 1}, meaning="counts complaints")
    assert claims.evaluate_one(entry, {"a.b": 1}).status == "number_traced_meaning_differs"


def test_found_public_data_forces_a_new_rule():
    entry = _entry({"type": "not_in_public_data", "kind": "no_public_data", "keys": ["gaps.count"]}, reason="x")
    with pytest.raises(CompendiumError, match="claim X: gaps.count is 0, so the public data it lacked may now exist"):
        claims.evaluate_one(entry, {"gaps.count": 0})


@pytest.mark.parametrize("edit, message", [
    (lambda d: d["claims"][2].pop("rule"), "claims.yml: claim C3a: field 'rule' missing"),
    (lambda d: d["claims"][4]["rule"]["why"].pop("threshold"),
     "claims.yml: claim C4: rule parameter 'threshold' has no reason in 'why'"),
    (lambda d: d["claims"][0]["rule"].update(kind="unknown"), "claims.yml: claim C1: rule kind 'unknown'"),
    (lambda d: d.pop("rules_fixed"), "claims.yml: field 'rules_fixed' missing"),
])
def test_malformed_ledger_is_one_line_error(tmp_path, edit, message):
    ledger = yaml.safe_load(paths.CLAIMS.read_text())
    edit(ledger)
    path = tmp_path / "claims.yml"
    path.write_text(yaml.safe_dump(ledger, allow_unicode=True))
    with pytest.raises(CompendiumError) as err:
        claims.load_ledger(path)
    assert str(err.value).startswith(message) and "\n" not in str(err.value)


def test_indonesian_view_says_values_and_statuses_in_indonesian(evaluated):
    table = evaluated[0]
    shown = claims.view(table, "id")
    claim_rows = shown[shown["id"] != ""].set_index("id")
    assert claim_rows.loc["C3a", "nilai artikel"] == "5.824"
    assert claim_rows.loc["C2", "nilai artikel"] == "berfluktuasi 2019-2023"
    assert claim_rows.loc["C3b", "nilai hasil reproduksi"] == "tidak ada sumber independen"
    assert claim_rows.loc["C3b", "status"] == "tidak dapat diperiksa: tidak ada sumber independen"
    assert claim_rows.loc["C3b", "klaim"].startswith("Pada 2019") and "1.428" in claim_rows.loc["C3b", "klaim"]
    assert "-68,9 %" in set(shown["nilai hasil reproduksi"])
    english = claims.view(table, "en")
    assert english.set_index("id").loc["C3a", "paper value"] == "5,824" and "-68.9 %" in set(english["reproduced value"])


def test_every_status_and_kind_is_defined_in_both_languages():
    for lang in ("en", "id"):
        definitions = claims.definitions(lang)
        assert len(definitions) == len(claims.STATUSES) + len(claims.KINDS)
        assert definitions.iloc[:, 1].str.endswith(".").all()


def test_evidence_in_either_language(evaluated):
    table = claims.claims_only(evaluated[0])
    assert claims.evidence(table, "en").equals(table[["id", "checked", "explanation", "evidence"]])
    assert list(claims.evidence(table, "id")["evidence"]) == list(table["evidence_id"])
