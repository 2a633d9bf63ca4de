"""C6 on a licensed file is judged under every migrant definition of the map, each row naming
its definition, and a group with few events is named beside the status (issue 31, item 7).
Run on the SYNTHETIC files of tests/synthetic_licensed.py (never real data)."""
import re
from pathlib import Path

import pandas as pd
import pytest

from kalbar_border import claims, paths, report
from kalbar_border.errors import CompendiumError
from kalbar_border.figures.labels import label
from kalbar_border.finance import licensed
from tests import synthetic_licensed as synthetic


@pytest.fixture(scope="module")
def two_definitions(tmp_path_factory) -> dict:
    """The licensed results of the synthetic Sakernas-like file under a map with two migrant
    definitions: the generator's own, and a second one that reads the same variable (so both
    have the same groups, which is all the ledger needs to show a row per definition)."""
    folder = tmp_path_factory.mktemp("two_definitions")
    map_path = synthetic.write_set(folder, ".dta")["sakernas"]
    text = map_path.read_text(encoding="utf-8")
    line = re.search(r"^  recent_mover: .*$", text, flags=re.M)
    assert line, "the synthetic map names the definition recent_mover"
    map_path.write_text(text.replace(line.group(0), line.group(0) + "\n" + line.group(0).replace("recent_mover", "also_mover")),
                        encoding="utf-8")
    spec, data = licensed.read_checked(map_path)
    table = licensed.comparison(licensed.analysis_frame(spec, data), spec)
    return licensed.results_values(table, spec, "0" * 64)


def _c6() -> dict:
    return next(e for e in claims.load_ledger() if e["id"] == "C6")


def test_c6_has_a_row_per_group_under_every_definition_each_naming_it(two_definitions):
    verdict = claims.evaluate_one(_c6(), two_definitions)
    assert [p["series"] for p in verdict.parts] == [
        f"licensed.any_investment.{d}.{g}" for d in ("recent_mover", "also_mover") for g in ("migrant", "non_migrant")]
    for part in verdict.parts:
        definition = part["series"].split(".")[2]
        assert f"definition {definition}" in part["title"]["en"] and f"definisi {definition}" in part["title"]["id"]
    assert verdict.status == "reproduced" and verdict.data == "licensed" and not verdict.note
    table = claims.evaluate([_c6()], two_definitions, {})
    rows = table[table["part"] != "claim"]
    assert len(rows) == 4 and rows["claim"].str.contains("definition (?:recent_mover|also_mover)").all()
    shown = claims.view(table, "id")
    assert shown.iloc[1:, 1].str.contains("definisi").all()


def test_the_primary_setting_judges_the_first_definition_only(two_definitions):
    entry = _c6()
    entry["rule"]["licensed"]["definitions"] = "primary"
    assert len(claims.evaluate_one(entry, two_definitions).parts) == 2


def test_the_results_record_yes_answers_per_group(two_definitions):
    base = "licensed.any_investment.recent_mover"
    assert two_definitions[f"{base}.count_migrant"] + two_definitions[f"{base}.count_non_migrant"] > 0
    assert 0 < two_definitions[f"{base}.count_migrant"] < two_definitions[f"{base}.n_migrant"]


def _few(results: dict, yes: int = 9) -> dict:
    """The results with the migrants of the second definition holding only ``yes`` investors."""
    base = "licensed.any_investment.also_mover"
    return {**results, f"{base}.few_events": True, f"{base}.count_migrant": yes}


def test_few_events_in_a_group_are_named_beside_the_status_and_the_verdict_stands(two_definitions):
    results = _few(two_definitions)
    plain = claims.evaluate_one(_c6(), two_definitions)
    verdict = claims.evaluate_one(_c6(), results)
    assert verdict.status == plain.status  # the rule says: noted, the verdict stands
    n = two_definitions["licensed.any_investment.also_mover.n_migrant"]
    assert f"9 yes and {n - 9} no answers" in verdict.note["en"] and "definition also_mover" in verdict.note["en"]
    assert f"9 jawaban ya dan {n - 9} jawaban tidak" in verdict.note["id"]
    assert "few_events: noted" in verdict.note["en"]
    flagged = [p for p in verdict.parts if p.get("few_events")]
    assert [p["series"] for p in flagged] == ["licensed.any_investment.also_mover.migrant"]
    assert "few events: 9 yes" in flagged[0]["explanation"]["en"]
    row = claims.claims_only(claims.evaluate([_c6()], results, {})).iloc[0]
    assert row["caveat"].startswith("Few events in any investment, Migrant, definition also_mover")
    assert row["caveat_id"].startswith("Kejadian sedikit pada berinvestasi, Migran, definisi also_mover")
    assert "\n" not in row["caveat"] + row["caveat_id"]


def test_a_flag_without_few_answers_in_a_group_names_no_group(two_definitions):
    """The flag is the comparison's: only a group that itself holds few yes or no answers is named."""
    results = {**two_definitions, "licensed.any_investment.also_mover.few_events": True}
    assert not claims.evaluate_one(_c6(), results).note
    # a group under twice the bound is named only when no group is under the bound itself
    base = "licensed.any_investment.also_mover"
    both = {**_few(two_definitions, yes=9), f"{base}.count_non_migrant": 15}
    named = [p["series"] for p in claims.evaluate_one(_c6(), both).parts if p.get("few_events")]
    assert named == [f"{base}.migrant"]
    near = {**_few(two_definitions, yes=15)}
    named = [p["series"] for p in claims.evaluate_one(_c6(), near).parts if p.get("few_events")]
    assert named == [f"{base}.migrant"]


def test_the_undetermined_setting_makes_a_few_events_group_undecided(two_definitions):
    entry = _c6()
    entry["rule"]["licensed"]["few_events"] = "undetermined"
    verdict = claims.evaluate_one(entry, _few(two_definitions))
    assert [p["verdict"] for p in verdict.parts] == ["supports", "supports", "undetermined", "supports"]
    assert verdict.status == "partly_supported" and "cannot decide" in verdict.note["en"]


def _ledger_with(tmp_path, old: str, new: str) -> Path:
    """A copy of claims.yml with ``old`` replaced by ``new`` once (in C6's licensed rule)."""
    text = paths.CLAIMS.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path = tmp_path / "claims.yml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


@pytest.mark.parametrize("old,new,message", [
    ("        definitions: all\n", "        definitions: first\n",
     "claim C6: licensed rule parameter 'definitions' is 'first'; accepted: all, primary"),
    ("        few_events: noted\n", "        few_events: ignored\n",
     "claim C6: licensed rule parameter 'few_events' is 'ignored'; accepted: noted, undetermined"),
    ("        few_events: noted\n", "",
     "claim C6: licensed rule parameter 'few_events' missing"),
])
def test_a_rule_setting_outside_its_words_is_one_line(tmp_path, old, new, message):
    with pytest.raises(CompendiumError, match=re.escape(message)) as caught:
        claims.load_document(_ledger_with(tmp_path, old, new))
    assert "\n" not in str(caught.value)


def test_each_rule_setting_has_its_reason_in_both_languages(tmp_path):
    rules = claims.rules_table(claims.load_document())
    rows = rules[(rules["id"] == "C6") & rules["parameter"].isin(["licensed.definitions", "licensed.few_events"])]
    assert list(rows["value"]) == ["all", "noted"] and (rows["why"] != "").all() and (rows["why_id"] != "").all()
    assert (rows["why"] != rows["why_id"]).all()  # the Indonesian is the catalogue's, not the English again
    text = paths.CLAIMS.read_text(encoding="utf-8")
    start = text.index("          few_events: ", text.index("        why:\n          definitions:"))
    line = text[start:text.index("\n", start) + 1]
    with pytest.raises(CompendiumError, match="'few_events' has no reason in 'why'"):
        claims.load_document(_ledger_with(tmp_path, line, ""))


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_report_shows_a_row_per_definition_and_the_few_events_note(two_definitions, tmp_path, lang):
    detail = claims.evaluate([_c6()], _few(two_definitions), {})
    (tmp_path / "results").mkdir()
    detail.to_csv(tmp_path / "results" / "claims_detail.csv", index=False)
    page = report.build_index(tmp_path, {"notebooks": []}, lang)
    word = {"en": "definition", "id": "definisi"}[lang]
    for definition in ("recent_mover", "also_mover"):
        assert page.count(f"{word} {definition}") >= 2, definition  # a row for each group
    assert label("licensed_few_events_noted", lang).split("{groups}")[0] in page


def test_the_choice_is_dated_and_says_no_licensed_result_was_seen():
    from kalbar_border.finance import robustness

    entry = robustness.analysis_choices()["licensed_c6_every_definition"]
    assert entry["fixed"] == "2026-12-06" and entry["results_seen"] is False
    assert "synthetic" in entry["reason"] and "sintetis" in robustness.choice_said(entry, "reason", "id")
    assert isinstance(pd.Timestamp(entry["fixed"]), pd.Timestamp)
