"""The claims ledger: every status is recomputed from the run's results and must equal the
status the maintainers reviewed (claims.yml expected_status)."""
import json

import pandas as pd
import pytest
import yaml

from kalbar_border import claims, paths
from kalbar_border.errors import CompendiumError

IDS = ["C1", "C2", "C3a", "C3b", "C4", "C5", "C6", "C7"]


def _run_results(dest):
    return (json.loads((dest / "results" / "results.json").read_text()),
            json.loads((dest / "results" / "results_sources.json").read_text()))


@pytest.fixture(scope="module")
def evaluated(pipeline_run):
    results, sources = _run_results(pipeline_run[0])
    return claims.evaluate(claims.load_ledger(), results, sources), results, sources


def test_every_claim_has_one_of_four_statuses(evaluated):
    table, _, _ = evaluated
    assert list(table["id"]) == IDS
    assert set(table["status"]) <= set(claims.STATUSES)


def test_recomputed_statuses_equal_the_reviewed_ledger(evaluated):
    table, _, _ = evaluated
    drift = claims.drifted(table)
    assert drift.empty, f"status changed for {list(drift['id'])}: update claims.yml expected_status after review"


def test_paper_figure_and_fall_carry_values_and_caveat(evaluated):
    table = evaluated[0].set_index("id")
    assert table.loc["C3a", "paper_value"] == "5,824" and table.loc["C3a", "reproduced_value"] == "5,824"
    assert "complaints" in table.loc["C3a", "caveat"]
    assert table.loc["C4", "reproduced_value"] == "-68.9 %" and table.loc["C4", "status"] == "reproduced_with_caveat"
    assert "BS001" in table.loc["C3a", "evidence"] and "02_border_series" in table.loc["C3a", "evidence"]


def test_claims_csv_written_by_the_run(pipeline_run):
    table = pd.read_csv(pipeline_run[0] / "results" / "claims.csv", keep_default_na=False)
    assert list(table.columns) == ["id", "claim", "paper_value", "reproduced_value", "status", "evidence"]
    assert list(table["id"]) == IDS and table["evidence"].str.len().gt(0).all()


def test_a_changed_result_flips_the_status_and_is_caught(evaluated):
    table, results, sources = evaluated
    changed = dict(results, **{"border.bp2mi_complaints_total.2019": 5108})
    flipped = claims.evaluate(claims.load_ledger(), changed, sources).set_index("id")
    assert flipped.loc["C3a", "status"] == "contradicted"
    assert "C3a" in set(claims.drifted(flipped.reset_index())["id"])


def _entry(rule, **extra):
    return {"id": "X", "claim": "x", "checked": "x", "rule": rule, "evidence": {}, "expected_status": "reproduced", **extra}


@pytest.mark.parametrize("rule, results, status", [
    ({"type": "equals", "key": "a.b", "value": 10, "tolerance": 0}, {"a.b": 10}, "reproduced"),
    ({"type": "equals", "key": "a.b", "value": 10, "tolerance": 0}, {"a.b": 11}, "contradicted"),
    ({"type": "equals", "key": "a.b", "value": 10, "tolerance": 1}, {"a.b": 11}, "reproduced"),
    ({"type": "equals", "key": "a.b", "value": 10}, {"a.b": None}, "not_checkable"),
    ({"type": "change_below", "key": "a.b", "threshold": -30}, {"a.b": -10}, "contradicted"),
    ({"type": "fluctuates", "keys": ["a.1", "a.2", "a.3"]}, {"a.1": 3, "a.2": 2, "a.3": 1}, "contradicted"),
    ({"type": "fluctuates", "keys": ["a.1", "a.2", "a.3"]}, {"a.1": 3, "a.2": 1, "a.3": 2}, "reproduced"),
    ({"type": "fluctuates", "keys": ["a.1", "a.2", "a.3"]}, {"a.1": 3, "a.2": None, "a.3": 2}, "not_checkable"),
    ({"type": "independent_source", "key": "a.b"}, {"a.b": 2}, "reproduced"),
    ({"type": "independent_source", "key": "a.b"}, {"a.b": 0}, "not_checkable"),
])
def test_rules(rule, results, status):
    assert claims.evaluate_one(_entry(rule), results)[0] == status


def test_caveat_marks_a_reproduced_claim():
    entry = _entry({"type": "equals", "key": "a.b", "value": 1}, caveat="counts complaints")
    assert claims.evaluate_one(entry, {"a.b": 1})[0] == "reproduced_with_caveat"


def test_found_public_data_forces_a_new_rule():
    entry = _entry({"type": "not_in_public_data", "keys": ["gaps.count"]})
    with pytest.raises(CompendiumError, match="claim X: gaps.count is 0, so the public data it lacked may now exist"):
        claims.evaluate_one(entry, {"gaps.count": 0})


def test_malformed_ledger_is_one_line_error(tmp_path):
    ledger = yaml.safe_load(paths.CLAIMS.read_text())
    del ledger["claims"][2]["rule"]
    path = tmp_path / "claims.yml"
    path.write_text(yaml.safe_dump(ledger))
    with pytest.raises(CompendiumError) as err:
        claims.load_ledger(path)
    assert str(err.value).startswith("claims.yml: claim C3a: field 'rule' missing")


def test_indonesian_view_says_values_and_statuses_in_indonesian(evaluated):
    table = evaluated[0]
    shown = claims.view(table, "id").set_index("id")
    assert shown.loc["C3a", "nilai makalah"] == "5.824" and shown.loc["C4", "nilai hasil reproduksi"] == "-68,9 %"
    assert shown.loc["C2", "nilai makalah"] == "berfluktuasi 2019-2023"
    assert shown.loc["C3b", "nilai hasil reproduksi"] == "tidak ada sumber independen"
    assert shown.loc["C3b", "status"] == "tidak dapat diperiksa" and shown.loc["C3b", "klaim"].startswith("Pada 2019")
    english = claims.view(table, "en").set_index("id")
    assert english.loc["C3a", "paper value"] == "5,824" and english.loc["C4", "reproduced value"] == "-68.9 %"


def test_evidence_in_either_language(evaluated):
    table = evaluated[0]
    assert claims.evidence(table, "en").equals(table[["id", "checked", "explanation", "evidence"]])
    assert list(claims.evidence(table, "id")["evidence"]) == list(table["evidence_id"])
