"""The robustness table: a difference holds only when the dataset-wide test, the small-sample
rules and the adjusted effect agree, and every other case says what disagrees."""
from __future__ import annotations

import pandas as pd
import pytest

from kalbar_border.finance import robustness
from kalbar_border.finance.tables import TEST_COLUMNS

KEY = {"dataset": "susenas", "province": 15, "population": "persons15", "definition": "recent_interprovincial"}


def _test(indicator, *, difference=0.05, p=0.001, p_holm=0.01, p_holm_dataset=0.02, family=True, dataset=True,
          small_group=False, few_events=False, few_df=False, n_migrant=264, **other):
    row = dict.fromkeys(TEST_COLUMNS, float("nan"))
    row.update(KEY, indicator=indicator, n_migrant=n_migrant, difference=difference, difference_ci_low=difference - 0.03,
               difference_ci_high=difference + 0.03, p_value=p, p_holm=p_holm, p_holm_dataset=p_holm_dataset,
               significant_holm=family, significant_holm_dataset=dataset, small_group=small_group,
               few_events=few_events, few_df=few_df, **other)
    return row


def _model(indicator, ame=0.04, low=0.01, high=0.07, few_events=False, population="persons15"):
    return {**KEY, "population": population, "indicator": indicator, "ame": ame, "ame_ci_low": low,
            "ame_ci_high": high, "small_group": False, "few_events": few_events}


@pytest.fixture()
def raw_table():
    tests = pd.DataFrame([
        _test("agree"),
        _test("family_only", p_holm_dataset=0.24, dataset=False),
        _test("ame_zero"),
        _test("opposite"),
        _test("rare", few_events=True, family=False, dataset=False, p_holm_dataset=0.01),
        _test("model_rare"),
        _test("tiny", n_migrant=8, small_group=True, few_df=True, few_events=True, family=False, dataset=False),
        _test("no_share_variance", p=float("nan"), p_holm=float("nan"), p_holm_dataset=float("nan"),
              family=False, dataset=False),
        _test("null", p=0.5, p_holm=1.0, p_holm_dataset=1.0, family=False, dataset=False),
        _test("ame_only", p=0.2, p_holm=0.6, p_holm_dataset=1.0, family=False, dataset=False),
        _test("unmodelled"),
        _test("zero", p=float("nan"), p_holm=float("nan"), p_holm_dataset=float("nan"), family=False, dataset=False,
              note="every migrant has indicator = 0 (zero cell); no design-based test (a share is 0 or 1)"),
        _test("equivalent", difference=0.01, p=0.6, p_holm=1.0, p_holm_dataset=1.0, family=False, dataset=False),
    ])
    models = pd.DataFrame([
        _model("agree"), _model("family_only"), _model("ame_zero", 0.02, -0.006, 0.047),
        _model("opposite", -0.03, -0.05, -0.01), _model("rare"), _model("model_rare", few_events=True),
        _model("no_share_variance", 0.03, 0.01, 0.05), _model("null", 0.001, -0.02, 0.02), _model("ame_only"),
        _model("zero", 0.0, -0.01, 0.01), _model("equivalent", 0.001, -0.02, 0.02),
        _model("agree", population="workers15"),  # no test row: not in the table
    ])
    return robustness.robustness_table(tests, models)


@pytest.fixture()
def table(raw_table):
    return raw_table.set_index("indicator")


def test_columns_are_exactly_the_published_ones(raw_table, table):
    assert list(raw_table.columns) == robustness.COLUMNS
    assert robustness.COLUMNS[:5] == ["dataset", "province", "population", "definition", "indicator"]
    assert robustness.COLUMNS[-6:] == ["ame_excludes_zero", "eligible", "ineligible_reason", "holds", "verdict",
                                       "disagreement"]
    assert len(table) == 13 and (table["population"] == "persons15").all()


def test_primary_family_is_the_dataset_wide_one_and_its_reason_is_stated():
    assert robustness.PRIMARY_FAMILY == "dataset"
    doc = robustness.__doc__
    assert "no definition was designated before the data were seen" in doc.replace("\n", " ")
    assert "committed to one definition beforehand" in doc.replace("\n", " ")


def test_holds_only_when_everything_agrees(table):
    assert list(table.index[table["holds"]]) == ["agree"]
    assert table.loc["agree", "disagreement"] == ""
    assert robustness.holding(table.reset_index()) == ["susenas/persons15/recent_interprovincial/agree"]


@pytest.mark.parametrize("indicator, expected", [
    ("family_only", "significant in its definition's family only (dataset-wide p = 0.240)"),
    ("ame_zero", "adjusted effect's 95 % CI includes 0 (-0.6 to 4.7 pp)"),
    ("opposite", "adjusted effect has the opposite sign to the raw difference (-3.0 pp, 95 % CI -5.0 to -1.0)"),
    ("rare", "too few events or non-events in a group"),
    ("model_rare", "too few events or non-events in a group"),
    ("tiny", "small group (8 migrants"),
    ("tiny", "fewer than 8 degrees of freedom"),
    ("no_share_variance", "no design-based test (a share is 0 or 1)"),
    ("ame_only", "not significant after Holm in either family (p = 0.600 in its definition's family, 1.000 dataset-wide)"),
    ("ame_only", "adjusted effect's 95 % CI excludes 0 (1.0 to 7.0 pp)"),
])
def test_each_disagreement_is_named(table, indicator, expected):
    assert not table.loc[indicator, "holds"]
    assert expected in table.loc[indicator, "disagreement"]


def test_flagged_rows_are_not_called_insignificant_and_the_example_reads_in_full(table):
    assert "not significant" not in table.loc["rare", "disagreement"]
    assert table.loc["ame_zero", "disagreement"] == "adjusted effect's 95 % CI includes 0 (-0.6 to 4.7 pp)"
    assert table.loc["family_only", "disagreement"] == (
        "significant in its definition's family only (dataset-wide p = 0.240); "
        "adjusted effect's 95 % CI excludes 0 (1.0 to 7.0 pp) but the test does not confirm it")


def test_nothing_to_reconcile_when_nothing_points_to_a_difference(table):
    assert table.loc["null", "disagreement"] == "" and not table.loc["null", "holds"]


def test_no_model_leaves_ame_excludes_zero_missing(table):
    assert pd.isna(table.loc["unmodelled", "ame_excludes_zero"]) and pd.isna(table.loc["unmodelled", "ame"])
    assert table.loc["agree", "ame_excludes_zero"] and not table.loc["ame_zero", "ame_excludes_zero"]
    # A missing model is not a disagreement: the row is not eligible, "not modelled".
    assert table.loc["unmodelled", "disagreement"] == ""
    assert table.loc["unmodelled", "ineligible_reason"] == "no_model"


def test_families_are_the_tests_tables_flags(table):
    assert table.loc["family_only", "significant_family"] and not table.loc["family_only", "significant_dataset"]


def test_indonesian_text_for_display(table):
    shown = robustness.localized(table.reset_index(), "id").set_index("indicator")
    assert shown.loc["ame_zero", "disagreement"] == (
        "selang kepercayaan 95 % efek yang disesuaikan mencakup 0 (-0,6 hingga 4,7 poin persentase)")
    assert shown.loc["tiny", "disagreement"].startswith("kelompok kecil (8 migran")
    assert (robustness.localized(table, "en")["disagreement"] == table["disagreement"]).all()


def test_csv_round_trip_gives_the_same_table(table, tmp_path):
    """Notebooks may build the table from the CSV files: province read back as a number and
    flags as booleans give the same result."""
    tests = pd.DataFrame([_test("agree"), _test("unmodelled")])
    models = pd.DataFrame([_model("agree")])
    tests.to_csv(tmp_path / "t.csv", index=False)
    models.to_csv(tmp_path / "m.csv", index=False)
    again = robustness.robustness_table(pd.read_csv(tmp_path / "t.csv"), pd.read_csv(tmp_path / "m.csv"))
    assert list(again["holds"]) == [True, False] and list(again["disagreement"]) == ["", ""]
    assert list(again["ineligible_reason"]) == ["", "no_model"]


def test_pipeline_writes_the_robustness_table(pipeline_run):
    table = pd.read_csv(pipeline_run[0] / "results" / "financial_robustness.csv", keep_default_na=False,
                        na_values=[""])
    assert list(table.columns) == robustness.COLUMNS
    tests = pd.read_csv(pipeline_run[0] / "results" / "financial_tests.csv")
    assert len(table) == len(tests)  # one province: every row is a whole-sample row
    assert (table.loc[table["holds"], "significant_dataset"]).all()
    held = table[table["holds"]]
    assert not (held[["small_group", "few_events", "few_df"]].any(axis=1)).any()
    assert ((held["ame_ci_low"] > 0) | (held["ame_ci_high"] < 0)).all()
    assert (table.loc[~table["holds"] & table["significant_dataset"] & table["eligible"], "disagreement"] != "").all()
    assert set(table.loc[~table["eligible"], "ineligible_reason"]) <= set(robustness.INELIGIBLE)
    assert table.loc[table["eligible"], "mde_dataset"].notna().all()
    import json

    recorded = json.loads((pipeline_run[0] / "results" / "06_finance_models.json").read_text())["values"]
    assert recorded["finance.robustness.primary_family"] == "dataset"
    assert recorded["finance.robustness.holds"] == int(table["holds"].sum())
    assert recorded["finance.robustness.holding"] == [
        f"{r.dataset}/{r.population}/{r.definition}/{r.indicator}" for r in table[table["holds"]].itertuples()]


def test_eligibility_names_the_first_reason_that_applies(table):
    reasons = table["ineligible_reason"]
    assert reasons["zero"] == "zero_cell" and reasons["no_share_variance"] == "no_test"
    assert reasons["tiny"] == "few_df" and reasons["unmodelled"] == "no_model"
    assert (reasons.drop(["zero", "no_share_variance", "tiny", "unmodelled"]) == "").all()
    assert (table["eligible"] == reasons.eq("")).all()


def test_verdicts_inconclusive_unless_the_whole_interval_is_within_the_margin(table):
    assert robustness.EQUIVALENCE_MARGIN == 0.05
    verdicts = table["verdict"]
    assert verdicts["agree"] == "holds"
    assert verdicts["equivalent"] == "no_difference_shown"  # -2 to 4 pp: within +-5 pp
    assert verdicts["null"] == "inconclusive"  # 2 to 8 pp: reaches beyond 5 pp
    assert verdicts["unmodelled"] == verdicts["zero"] == verdicts["tiny"] == "not_eligible"
    assert set(verdicts) <= set(robustness.VERDICTS)


def test_the_margin_is_c5s_and_every_choice_is_dated_in_claims_yml():
    import yaml

    from kalbar_border import paths

    ledger = yaml.safe_load(paths.CLAIMS.read_text(encoding="utf-8"))
    c5 = next(c for c in ledger["claims"] if c["id"] == "C5")
    assert robustness.EQUIVALENCE_MARGIN * 100 == c5["rule"]["licensed"]["margin_pp"]
    choices = robustness.analysis_choices()
    for key in ("holm_family", "holds_rule", "equivalence_margin", "domain_df"):
        entry = choices[key]
        assert entry["results_seen"] is True and len(entry["fixed"]) == 10
        assert all(robustness.choice_said(entry, f, lang) for f in ("choice", "reason") for lang in ("en", "id"))


def test_choice_texts_take_their_numbers_from_the_rules():
    """A choice that states a threshold cites it ({C2.min_turns}), so that text and rule cannot
    drift apart; the only digits typed are dates, years, commits, row and claim ids."""
    import re

    from kalbar_border import texts

    values = robustness.choice_values()
    allowed = re.compile(r"^(19|20)\d\d(-\d\d-\d\d)?$|^\d{4}-\d{4}$|^95$|^0$")
    ids = re.compile(r"issue \d+(?:, (?:item|butir) \d+)?|\bC\d\b|\b[A-Z]{2}\d{3}\b|\b[0-9a-f]{7}\b|\b0[1-8]\b|BP\dMI|COVID-19|\d{4}-\d{2}-\d{2}")
    for key, entry in robustness.analysis_choices().items():
        for field, lang in ((f, lang) for f in ("choice", "reason") for lang in ("en", "id")):
            text = robustness.choice_said(entry, field, lang)
            assert not texts.missing(text, values), (key, field, lang)
            typed = re.findall(r"\d[\d.,]*\d|\d", ids.sub("", texts.PLACEHOLDER.sub("", text)))
            assert all(allowed.match(n) for n in typed), (key, field, lang, typed)
    said = robustness.choice_text("ledger_thresholds")
    assert "at least 2 turns" in said and "at least 10 %" in said and "at least 30 %" in said
    edited = dict(values, **{"C2.min_turns": 3})
    assert "at least 3 turns" in texts.fill(robustness.analysis_choices()["ledger_thresholds"]["choice"], edited)


def test_a_difference_holding_in_a_population_and_its_subset_counts_once():
    tests = pd.DataFrame([_test("agree"), _test("agree", population="workers15")])
    models = pd.DataFrame([_model("agree"), _model("agree", population="workers15")])
    table = robustness.robustness_table(tests, models)
    assert table["holds"].sum() == 2 and robustness.distinct_holding(table) == 1
