"""The claims ledger: every status is recomputed from the run's results and must equal the
status the maintainers reviewed (claims.yml expected_status); its texts carry no typed numbers."""
import json
import re

import pandas as pd
import pytest
import yaml

from kalbar_border import claims, paths, texts
from kalbar_border.errors import CompendiumError
from kalbar_border.figures.labels import LANGS

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


def test_the_2020_fall_is_decided_by_its_evidence_series_only(evaluated):
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
    # news-found batches and legal placements are shown as context, with no verdict
    assert list(c4["role"]) == ["evidence", "evidence", "context", "context"]
    assert (c4.loc[["entikong_persons", "kalbar_pmi_placements"], "status"] == "").all()
    assert claims.claims_only(table).set_index("id").loc["C4", "reproduced_value"].startswith("1 of 2 evidence series")


def test_c2_complaints_are_decided_by_the_2023_lower_bound(evaluated):
    """Complaints 5,824, 1,812, 1,702, 1,987: one turn (the fall of 2020-2021 is under 10 %, flat). A
    second turn needs a fall of at least 10 % from 2022, to 1,987 * 0.9 = 1,788.3 or less; the count for
    January-November 2023 (BS006, 1,918) is already above that, so the series contradicts C2."""
    assert 1918 > 1987 * 0.9
    part = claims.series_of(evaluated[0], "C2").set_index("part")
    assert part.loc["bp2mi_complaints_total", "status"] == "contradicts"
    assert part.loc["bp2mi_complaints_total", "reproduced_value"].endswith("≥ 1,918")
    assert "lower bound" in part.loc["bp2mi_complaints_total", "explanation"]
    assert part.loc["kjri_kuching_deportations_sarawak", "status"] == "supports"
    assert "fall and rise once" in claims.claims_only(evaluated[0]).set_index("id").loc["C2", "caveat"]


EVIDENCE = {"role": "evidence", "role_why": "x"}
CONTEXT = {"role": "context", "role_why": "news coverage"}


def test_a_context_series_decides_nothing():
    """One evidence series supports, a context series would contradict: the claim is reproduced on
    its evidence, and its value says how many context series were left out."""
    rule = {"type": "series", "check": "change_below", "threshold": -30,
            "series": [{"name": "bp2mi_complaints_total", "change": "a.b", **EVIDENCE},
                       {"name": "entikong_persons", "change": "a.c", **CONTEXT}]}
    verdict = claims.evaluate_one(_entry(rule), {"a.b": -40, "a.c": 1400})
    assert verdict.status == "reproduced"
    assert verdict.value["en"] == "1 of 1 evidence series support it (1 context series not judged)"
    context = verdict.parts[1]
    assert context["verdict"] == "" and context["explanation"]["en"] == "news coverage"


def test_a_ledger_with_no_evidence_series_is_refused(tmp_path):
    ledger = yaml.safe_load(paths.CLAIMS.read_text())
    for series in ledger["claims"][4]["rule"]["series"]:
        series["role"] = "context"
    path = tmp_path / "claims.yml"
    path.write_text(yaml.safe_dump(ledger, allow_unicode=True))
    with pytest.raises(CompendiumError, match="claim C4: no series has role evidence"):
        claims.load_ledger(path)


@pytest.mark.parametrize("values, bound, status", [
    # 100, 50, 45, 60, >= 58: a fall to 54 or less (10 % of 60) would be a second turn; 58 rules it out
    ((100, 50, 45, 60, None), 58, "contradicted"),
    # a bound of 40 allows 54 or less and also more: undecided
    ((100, 50, 45, 60, None), 40, "not_checkable"),
    # 100, 50, 80, >= 90 after 80 -> 90 is up: every value at or above 90 keeps one turn... and 50->80 up
    ((100, 50, 80, None), 90, "contradicted"),
    # 100, 150, 90, >= 100: 90 -> 100 is +11 %, up, a second turn whatever the value above the bound
    ((100, 150, 90, None), 100, "reproduced"),
])
def test_a_part_year_lower_bound_decides_where_every_value_above_it_agrees(values, bound, status):
    keys = [f"a.{i}" for i in range(len(values))]
    rule = {**FLUCTUATES, "series": [{"name": "bp2mi_complaints_total", "keys": keys, **EVIDENCE}]}
    results = {k: v for k, v in zip(keys, values) if v is not None}
    results[f"{keys[-1]}_lower_bound"] = bound
    assert claims.evaluate_one(_entry(rule), results).status == status


def test_a_bounded_change_decides_only_on_its_side_of_the_threshold():
    rule = {"type": "series", "check": "change_below", "threshold": -30,
            "series": [{"name": "kalbar_pmi_placements", "change": "a.b", **EVIDENCE}]}
    assert claims.evaluate_one(_entry(rule), {"a.b_at_most": -74.5}).status == "reproduced"
    assert claims.evaluate_one(_entry(rule), {"a.b_at_most": -10}).status == "not_checkable"
    assert claims.evaluate_one(_entry(rule), {"a.b_at_least": -10}).status == "contradicted"


def test_sensitivity_gives_the_range_of_each_threshold_and_where_the_status_changes():
    """Two evidence series: changes -68.9 % and +61.1 %. The claim is partly supported while the
    threshold is at least -68.9 and below +61.1; at -69.0 both contradict, at +61.1 both support."""
    rule = {"type": "series", "check": "change_below", "threshold": -30,
            "why": {"threshold": "x"},
            "series": [{"name": "bp2mi_complaints_total", "change": "a.b", **EVIDENCE},
                       {"name": "kjri_kuching_deportations_sarawak", "change": "a.c", **EVIDENCE}]}
    row = claims.sensitivity([_entry(rule)], {"a.b": -68.9, "a.c": 61.1}).iloc[0]
    assert (row["status"], row["keeps_from"], row["keeps_to"]) == ("partly_supported", -68.9, 61.0)
    assert (row["changes_below_at"], row["status_below"]) == (-69.0, "contradicted")
    assert (row["changes_above_at"], row["status_above"]) == (61.1, "reproduced")
    sentence = claims.fragility(claims.sensitivity([_entry(rule)], {"a.b": -68.9, "a.c": 61.1}))["X"]
    assert "from -68.9 to 61" in sentence and "at 61.1 it becomes reproduced" in sentence


def test_sensitivity_of_min_move_pct_stops_at_the_smallest_counted_move():
    """2,710, 4,367, 3,398, 3,397, 3,986 turns twice while every move that makes a turn counts: the
    last one is +17.3 % (3,397 -> 3,986); at a min_move_pct of 17.4 it is flat and the series contradicts."""
    values = [2710, 4367, 3398, 3397, 3986]
    last = round(100 * (values[-1] - values[-2]) / values[-2], 1)
    keys = [f"a.{i}" for i in range(5)]
    rule = {**FLUCTUATES, "why": {"min_turns": "x", "min_move_pct": "x"},
            "series": [{"name": "kjri_kuching_deportations_sarawak", "keys": keys, **EVIDENCE}]}
    table = claims.sensitivity([_entry(rule)], dict(zip(keys, values))).set_index("parameter")
    assert table.loc["min_move_pct", "keeps_to"] == last
    assert table.loc["min_move_pct", "changes_above_at"] == round(last + 0.1, 1)
    assert table.loc["min_move_pct", "status_above"] == "contradicted"


def test_claims_csv_and_rules_written_by_the_run(pipeline_run):
    table = pd.read_csv(pipeline_run[0] / "results" / "claims.csv", keep_default_na=False)
    assert list(table.columns) == claims.CSV_COLUMNS
    assert list(table["id"]) == IDS and table["evidence"].str.len().gt(0).all()
    detail = pd.read_csv(pipeline_run[0] / "results" / "claims_detail.csv", keep_default_na=False)
    assert set(detail.loc[detail["part"] != "claim", "id"]) == {"C1", "C2", "C4"}
    rules = pd.read_csv(pipeline_run[0] / "results" / "claims_rules.csv", keep_default_na=False)
    assert set(rules["parameter"]) == {"min_turns", "min_move_pct", "threshold", "licensed.margin_pp",
                                       "licensed.threshold_pct", "licensed.definitions", "licensed.few_events",
                                       "min_share_pct", "min_years"}
    assert rules["why"].str.len().gt(40).all()


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
            for lang in LANGS:
                assert not texts.missing(claims.said(entry.get(field, ""), lang, entry["id"], field), values), \
                    (entry["id"], field, lang)


#: Names with digits in them, not numbers: claim and notebook ids, agencies, COVID-19.
IDENTIFIERS = re.compile(r"\bC\d\b|\b0[1-8]\b|05-06|BP\dMI|COVID-19|\b[A-Z]{2}\d{3}\b")
#: Numbers a ledger text may hold as typed: years and the BPS catalogue number of the publication.
ALLOWED_NUMBERS = re.compile(r"^(19|20)\d\d$|^2301014$")


def test_ledger_texts_hold_no_typed_numbers():
    for entry in claims.load_ledger():
        for field in claims.TEXTS:
            for lang in LANGS:
                text = texts.PLACEHOLDER.sub("", claims.said(entry.get(field, ""), lang, entry["id"], field))
                for number in re.findall(r"\d[\d.,]*\d|\d", IDENTIFIERS.sub("", text)):
                    assert ALLOWED_NUMBERS.match(number), f"{entry['id']}.{field} ({lang}): typed number {number!r}"


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
    with pytest.raises(CompendiumError, match="claim X: gaps.count is 0, so the public data it lacked may now exist") as err:
        claims.evaluate_one(entry, {"gaps.count": 0})
    assert err.value.said("id").startswith("claims.yml: klaim X: gaps.count bernilai 0, sehingga data publik")


@pytest.mark.parametrize("edit, message", [
    (lambda d: d["claims"][2].pop("rule"), "claims.yml: claim C3a: field 'rule' missing"),
    (lambda d: d["claims"][4]["rule"]["why"].pop("threshold"),
     "claims.yml: claim C4: rule parameter 'threshold' has no reason in 'why'"),
    (lambda d: d["claims"][7]["rule"].update(kind="unknown"), "claims.yml: claim C7: rule kind 'unknown'"),
    (lambda d: d["claims"][0]["rule"]["why"].pop("min_years"),
     "claims.yml: claim C1: rule parameter 'min_years' has no reason in 'why'"),
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
    # said in Indonesian too (a LANG=id run), naming the same file, claim and field
    said = err.value.said("id")
    assert said != str(err.value) and said.startswith("claims.yml: ") and "\n" not in said
    assert all(name in said for name in re.findall(r"'([a-z_]+)'", message))


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


def test_the_ledger_has_no_key_twice():
    """YAML keeps the last of two equal keys without a word: two `analysis_choices` lists written
    by two changes would silently drop the first."""
    import yaml

    def walk(node, where="claims.yml"):
        if isinstance(node, yaml.MappingNode):
            keys = [key.value for key, _ in node.value]
            assert len(keys) == len(set(keys)), f"{where}: {sorted({k for k in keys if keys.count(k) > 1})} twice"
            for key, value in node.value:
                walk(value, f"{where}.{key.value}")
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                walk(item, f"{where}[{i}]")

    walk(yaml.compose((paths.CLAIMS).read_text(encoding="utf-8")))


MATERIAL = {"type": "series", "check": "material_share", "min_share_pct": 1, "min_years": 3,
            "why": {"min_share_pct": "x", "min_years": "x"}}


@pytest.mark.parametrize("shares, bounds, verdict, status, kind", [
    # more than half of at least three years at or above the line
    ({2019: 1.5, 2020: 0.4, 2021: 2.0}, {}, "supports", "reproduced", ""),
    # more than half below it
    ({2019: 0.2, 2020: 0.4, 2021: 2.0, 2022: 0.1}, {}, "contradicts", "contradicted", ""),
    # half and half: no majority either way
    ({2019: 0.2, 2020: 0.4, 2021: 2.0, 2022: 3.0}, {}, "undetermined", "not_checkable", "incomplete_data"),
    # two years only: too few public rows, whatever they say
    ({2022: 0.01, 2023: 0.02}, {}, "undetermined", "not_checkable", "too_few_public_rows"),
    # a lower bound at or above the line is material; one below it decides nothing
    ({2019: 0.2}, {2020: 1.2, 2021: 1.1}, "supports", "reproduced", ""),
    ({2019: 0.2}, {2020: 0.5, 2021: 0.6}, "undetermined", "not_checkable", "incomplete_data"),
])
def test_material_share_rule(shares, bounds, verdict, status, kind):
    keys = [f"t.{y}" for y in range(2019, 2024)]
    results = {f"t.{y}": v for y, v in shares.items()} | {f"t.{y}_lower_bound": v for y, v in bounds.items()}
    rule = {**MATERIAL, "series": [{"name": "trade_share_aruk", "keys": keys, **EVIDENCE}]}
    result = claims.evaluate_one(_entry(rule), results)
    assert (result.parts[0]["verdict"], result.status, result.kind) == (verdict, status, kind)


def test_material_share_threshold_is_scanned():
    keys = [f"t.{y}" for y in range(2019, 2024)]
    rule = {**MATERIAL, "series": [{"name": "trade_share_aruk", "keys": keys, **EVIDENCE}]}
    results = {"t.2019": 0.5, "t.2020": 0.6, "t.2021": 0.7}
    table = claims.sensitivity([_entry(rule)], results).set_index("parameter")
    assert table.loc["min_share_pct", "status"] == "contradicted"
    assert table.loc["min_share_pct", "keeps_from"] == 0.61  # at 0.6 two of three years are material
    assert table.loc["min_share_pct", "status_below"] == "reproduced"
    assert table.loc["min_years", "keeps_to"] == 3 and table.loc["min_years", "status_above"] == "not_checkable"


def test_the_session_6_experiment_trips_c4_and_the_lock_names_the_statuses(evaluated, pipeline_run):
    """teaching/README.md, session 6: C4's threshold moved from -30 to -70 (past the edge
    results/claims_sensitivity.csv gives) turns its status, and the "Status lock" cell shows the
    statuses in words of the reader's language, not their codes."""
    from kalbar_border.figures.labels import label

    results, sources = evaluated[1:]
    edge = pd.read_csv(pipeline_run[0] / "results" / "claims_sensitivity.csv").query("id == 'C4' and parameter == 'threshold'")
    assert float(edge["keeps_from"].iloc[0]) > -70  # the guide's -70 lies past the edge
    entries = claims.load_ledger()
    for entry in entries:
        if entry["id"] == "C4":
            entry["rule"]["threshold"] = -70
    drift = claims.drifted(claims.evaluate(entries, results, sources))
    assert list(drift["id"]) == ["C4"]
    for lang in ("en", "id"):
        shown = claims.drift_view(drift, lang).iloc[0]
        assert shown["status"] == label(f"status_{edge['status_below'].iloc[0]}", lang)
        assert shown["expected_status"] == label("status_partly_supported", lang)
        assert "_" not in shown["status"] + shown["expected_status"]
    for guide in ("README.md", "README.id.md"):
        assert "from −30 to −70" in (paths.ROOT / "teaching" / guide).read_text() or "dari −30 menjadi −70" in (
            paths.ROOT / "teaching" / guide).read_text()
