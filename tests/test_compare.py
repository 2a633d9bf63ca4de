"""Migrant vs non-migrant comparison: raw rows re-derived by hand, adjusted model checked."""
from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
from statsmodels.stats.multitest import multipletests
from statsmodels.tools.sm_exceptions import SpecificationWarning

from kalbar_border.finance.compare import (
    _covariates,
    _fit_logit,
    adjusted_model,
    cohens_h,
    compare_groups,
    is_few_events,
)
from kalbar_border.errors import CompendiumError
from kalbar_border.finance.variables import select_population
from kalbar_border.finance.survey import weighted_share


@pytest.fixture(scope="module")
def raw_rows(susenas) -> pd.DataFrame:
    return compare_groups(susenas, "persons15", definitions=["recent_interprovincial", "returned_abroad"])


def test_raw_rows_match_independent_computations(susenas, raw_rows):
    row = raw_rows.set_index(["definition", "indicator"]).loc[("recent_interprovincial", "savings_account")]
    persons = select_population(susenas, "persons15")
    mig = persons.loc[persons["recent_interprovincial"] == 1].dropna(subset=["savings_account"])
    non = persons.loc[persons["recent_interprovincial"] == 0].dropna(subset=["savings_account"])
    p1 = np.average(mig["savings_account"], weights=mig["weight"])
    p0 = np.average(non["savings_account"], weights=non["weight"])
    assert (row["n_migrant"], row["n_non_migrant"]) == (len(mig), len(non))
    assert row["count_migrant"] == int(mig["savings_account"].sum())
    assert row["share_migrant"] == pytest.approx(p1) and row["share_non_migrant"] == pytest.approx(p0)
    assert row["difference"] == pytest.approx(p1 - p0)
    # The OR of a logistic model with one binary regressor is the ratio of weighted odds.
    assert row["odds_ratio"] == pytest.approx(p1 / (1 - p1) / (p0 / (1 - p0)), rel=1e-6)
    assert row["odds_ratio_ci_low"] < row["odds_ratio"] < row["odds_ratio_ci_high"]
    assert row["cohens_h"] == pytest.approx(2 * np.arcsin(np.sqrt(p1)) - 2 * np.arcsin(np.sqrt(p0)))
    # The migrant domain on the full design equals weighted_share with a domain mask.
    est = weighted_share(susenas["savings_account"], susenas["weight"], susenas["strata"], susenas["psu"],
                         domain=(susenas["age"] >= 15) & (susenas["recent_interprovincial"] == 1))
    assert row["se_migrant"] == pytest.approx(est.se) and row["ci_low_migrant"] == pytest.approx(est.ci_low)
    assert row["difference_ci_low"] < row["difference"] < row["difference_ci_high"]
    assert 0 <= row["p_value"] <= 1 and not row["small_group"] and row["difference_ci_method"] == "linearised"


def test_holm_within_each_family(raw_rows):
    for _, family in raw_rows.groupby("definition"):
        ok = family["p_value"].notna()
        expected = multipletests(family.loc[ok, "p_value"], method="holm")[1]
        assert family.loc[ok, "p_holm"].to_numpy() == pytest.approx(expected)
        assert family.loc[~ok, "p_holm"].isna().all()


def test_small_groups_are_flagged_and_zero_cells_explained(raw_rows):
    abroad = raw_rows.loc[raw_rows["definition"] == "returned_abroad"]
    assert abroad["small_group"].all() and (abroad["n_migrant"] < 30).all()
    zero = abroad.loc[abroad["count_migrant"] == 0]
    assert len(zero) > 0
    assert zero["odds_ratio"].isna().all() and zero["p_value"].isna().all()
    assert zero["note"].str.contains("zero cell").all() and (zero["difference_ci_method"] == "mover").all()
    # A CI from 8 persons with no "yes" must stay wide, not collapse to a point.
    assert (zero["ci_high_migrant"] > 0.25).all()


def test_one_stratum_design_covariance_equals_statsmodels_cluster_sandwich(susenas):
    """With every PSU in one stratum, the svyglm linearisation is the cluster sandwich
    without statsmodels' small-sample factor, times G/(G-1)."""
    data = select_population(susenas, "persons15")
    data = data.assign(migrant=data["recent_interdistrict"]).dropna(subset=["savings_account", "migrant"])
    X = _covariates(data, "persons15")
    y, w, g = data["savings_account"].to_numpy(), data["weight"].to_numpy(), data["psu"].to_numpy()
    fit, note = _fit_logit(y, X, w, np.zeros(len(y)), g)
    # statsmodels' own cluster option warns it is "not fully supported" with var_weights;
    # that warning is why the library builds the sandwich itself.
    with pytest.warns(SpecificationWarning, match="not fully supported"):
        reference = sm.GLM(y, X, family=sm.families.Binomial(), var_weights=w / w.mean()).fit(
            cov_type="cluster", cov_kwds={"groups": pd.factorize(g)[0], "use_correction": False})
    groups = len(pd.unique(g))
    assert note == ""
    assert fit.params.to_numpy() == pytest.approx(reference.params.to_numpy(), rel=1e-10)
    assert fit.cov.to_numpy() == pytest.approx(reference.cov_params().to_numpy() * groups / (groups - 1), rel=1e-8)
    assert fit.df == groups - 1 + 1 - X.shape[1]


def test_stratified_covariance_is_the_design_covariance_of_the_scores(susenas):
    """Second route for the stratified case: scores by hand, variance of their totals by a
    pandas groupby over strata and PSUs."""
    data = select_population(susenas, "persons15")
    data = data.assign(migrant=data["recent_interdistrict"]).dropna(subset=["savings_account", "migrant"])
    X = _covariates(data, "persons15")
    y, w = data["savings_account"].to_numpy(dtype=float), data["weight"].to_numpy()
    fit, _ = _fit_logit(y, X, w, data["strata"], data["psu"])
    x, beta = X.to_numpy(dtype=float), fit.params.to_numpy()
    p = 1 / (1 + np.exp(-x @ beta))
    wn = w / w.mean()
    scores = pd.DataFrame(x * (wn * (y - p))[:, None])
    totals = scores.groupby([data["strata"].to_numpy(), data["psu"].to_numpy()]).sum()
    meat = np.zeros((x.shape[1], x.shape[1]))
    for _, t in totals.groupby(level=0):
        dev = (t - t.mean()).to_numpy()
        meat += len(t) / (len(t) - 1) * dev.T @ dev
    bread = np.linalg.inv((x * (wn * p * (1 - p))[:, None]).T @ x)
    assert fit.cov.to_numpy() == pytest.approx(bread @ meat @ bread, rel=1e-8)


def test_adjusted_model_is_warning_free_and_tidy(susenas, capfd):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = adjusted_model(susenas, "savings_account", "recent_interprovincial", "persons15")
        workers = adjusted_model(susenas, "ebanking", "lifetime", "workers15")
        tiny = adjusted_model(susenas, "ebanking", "returned_abroad", "persons15")
    assert capfd.readouterr().err == ""
    row = out.iloc[0]
    assert list(out.columns) == ["dataset", "population", "definition", "indicator", "n", "n_ame", "n_migrant",
                                 "n_clusters", "small_group", "fewest_events", "few_events", "covariates", "odds_ratio", "odds_ratio_ci_low",
                                 "odds_ratio_ci_high", "p_value", "ame", "ame_se", "ame_ci_low", "ame_ci_high",
                                 "ame_p_value", "design_df", "note"]
    assert row["covariates"].split() == ["age_decades", "age_decades_sq", "female", "urban", "working",
                                         "education_primary", "education_lower_secondary",
                                         "education_upper_secondary", "education_tertiary"]
    assert row["n_migrant"] == 264 and row["n_clusters"] == 697 and row["note"] == ""
    assert row["odds_ratio_ci_low"] < row["odds_ratio"] < row["odds_ratio_ci_high"]
    assert row["ame_ci_low"] < row["ame"] < row["ame_ci_high"]
    assert np.sign(row["ame"]) == np.sign(np.log(row["odds_ratio"]))
    assert "working" not in workers.iloc[0]["covariates"].split()
    assert tiny.iloc[0]["small_group"] and "zero cell" in tiny.iloc[0]["note"] and np.isnan(tiny.iloc[0]["odds_ratio"])


def test_ame_delta_method_matches_numerical_gradient(susenas):
    design = select_population(susenas, "persons15", keep_design=True)
    data = design.loc[design["in_population"]]
    data = data.assign(migrant=data["recent_interprovincial"]).dropna(subset=["savings_account", "migrant"])
    X = _covariates(data, "persons15")
    w = data["weight"].to_numpy()
    fit, _ = _fit_logit(data["savings_account"].to_numpy(), X, w, design["strata"], design["psu"],
                        design.index.isin(data.index))
    out = adjusted_model(susenas, "savings_account", "recent_interprovincial").iloc[0]

    def ame(beta):
        X1, X0 = X.assign(migrant=1.0).to_numpy(), X.assign(migrant=0.0).to_numpy()
        return np.average(1 / (1 + np.exp(-X1 @ beta)) - 1 / (1 + np.exp(-X0 @ beta)), weights=w)

    beta = fit.params.to_numpy()
    step = 1e-6
    grad = np.array([(ame(beta + step * e) - ame(beta - step * e)) / (2 * step) for e in np.eye(len(beta))])
    assert out["ame"] == pytest.approx(ame(beta), rel=1e-10)
    assert out["ame_se"] == pytest.approx(np.sqrt(grad @ fit.cov.to_numpy() @ grad), rel=1e-5)


def test_sakernas_comparison(sakernas):
    out = compare_groups(sakernas, "workers15")
    assert set(out["definition"]) == {"recent_interprovincial", "recent_interdistrict", "returned_abroad"}
    # The test's df: svyglm's PSUs - strata - 1 (intercept and migrant flag), or the smaller domain's df when fewer.
    assert (out["indicator"] == "internet_at_work").all()
    expected = np.minimum(628 - 22 - 1, np.minimum(out["df_migrant"], out["df_non_migrant"]))
    assert (out["test_df"] == expected).all()
    assert (out.query("definition == 'returned_abroad'")["test_df"] < 628 - 22 - 1).all()


@pytest.mark.parametrize("p_a, n_a, p_b, n_b, deff, alpha", [
    (0.40, 264, 0.35, 18035, 1.7, 0.05 / 69), (0.07, 264, 0.04, 18035, 1.2, 0.05), (0.5, 30, 0.5, 500, 2.5, 0.01),
    (0.2, 8, 0.3, 10000, 1.0, 0.05 / 24)])
def test_minimum_detectable_difference_equals_statsmodels_power_solution(p_a, n_a, p_b, n_b, deff, alpha):
    """Independent route: statsmodels solves the two-sample normal power equation for the
    standardised effect at the effective sample sizes n / deff; times the pooled SD it is the MDE."""
    from statsmodels.stats.power import NormalIndPower

    from kalbar_border.finance.compare import minimum_detectable_difference

    pooled = (n_a * p_a + n_b * p_b) / (n_a + n_b)
    effect = NormalIndPower().solve_power(effect_size=None, nobs1=n_a / deff, alpha=alpha, power=0.8,
                                          ratio=n_b / n_a, alternative="two-sided")
    expected = effect * np.sqrt(pooled * (1 - pooled))
    # statsmodels also counts the far tail's power, which the formula ignores: below 1e-6 of the MDE here.
    assert minimum_detectable_difference(p_a, n_a, p_b, n_b, deff, alpha) == pytest.approx(expected, rel=1e-4)


def test_difference_deff_is_the_design_over_the_srs_variance():
    from kalbar_border.finance.compare import difference_deff

    srs = 0.4 * 0.6 / 100 + 0.3 * 0.7 / 400
    assert difference_deff(np.sqrt(2 * srs), 0.4, 100, 0.3, 400) == pytest.approx(2.0)
    assert np.isnan(difference_deff(0.01, 0.0, 100, 0.0, 400))


def test_cohens_h_reference_values():
    assert cohens_h(0.5, 0.5) == 0
    assert cohens_h(0.8, 0.6) == pytest.approx(0.4421, abs=1e-4)


def test_parameter_errors(susenas, sakernas):
    cases = [
        (lambda: compare_groups(susenas, "everyone"),
         "population 'everyone' is not known; use one of: persons15, workers15, households"),
        (lambda: compare_groups(susenas, definitions=["born_abroad"]),
         "migrant definition 'born_abroad' is not known; use one of: recent_interprovincial, "
         "recent_interdistrict, lifetime, returned_abroad"),
        (lambda: adjusted_model(sakernas, "internet_at_work", "lifetime"),
         "migrant definition 'lifetime' is not available in this frame; available: recent_interprovincial, "
         "recent_interdistrict, returned_abroad"),
        (lambda: adjusted_model(susenas, "remittances", "lifetime"),
         "indicator 'remittances' is not available in this frame; available: savings_account, ebanking, "
         "online_buy, online_sell, health_none, health_contributory, health_employer"),
    ]
    for call, message in cases:
        with pytest.raises(CompendiumError) as err:
            call()
        assert str(err.value) == message


def test_logit_fit_matches_statsmodels_glm_on_the_raw_two_column_model(susenas):
    data = select_population(susenas, "persons15").dropna(subset=["ebanking", "recent_interdistrict"])
    X = pd.DataFrame({"const": 1.0, "migrant": data["recent_interdistrict"].to_numpy(dtype=float)})
    y, w = data["ebanking"].to_numpy(dtype=float), data["weight"].to_numpy()
    fit, note = _fit_logit(y, X, w, data["strata"], data["psu"])
    reference = sm.GLM(y, X, family=sm.families.Binomial(), var_weights=w / w.mean()).fit()
    assert note == "" and fit.params.to_numpy() == pytest.approx(reference.params.to_numpy(), rel=1e-10)


def test_logit_fit_reports_separation_and_singular_designs_instead_of_estimates():
    rng = np.random.default_rng(7)
    x = rng.normal(size=200)
    X = pd.DataFrame({"const": 1.0, "migrant": (x > 0).astype(float)})
    clusters, w = np.arange(200) % 20, np.ones(200)
    fit, note = _fit_logit((x > 0).astype(float), X, w, np.zeros(200), clusters)  # y is the migrant flag itself
    assert fit is None and note == "model not estimable: no convergence (separation: fitted probabilities reach 0 or 1)"
    quasi = X.assign(age=x)  # y = 1 exactly when age > 0.5: separated by a covariate
    fit, note = _fit_logit((x > 0.5).astype(float), quasi, w, np.zeros(200), clusters)
    assert fit is None and note.startswith("model not estimable: no convergence")
    twice = X.assign(copy=X["migrant"])
    fit, note = _fit_logit((x > 0.5).astype(float), twice, w, np.zeros(200), clusters)
    assert fit is None and note == "model not estimable: collinear covariates"


def test_levels_that_predict_the_indicator_perfectly_are_left_out_with_a_note(susenas):
    row = adjusted_model(susenas, "ebanking", "recent_interprovincial", "workers15").iloc[0]
    workers = select_population(susenas, "workers15")
    complete = workers.dropna(subset=["ebanking", "recent_interprovincial", "age", "female", "urban", "education"])
    none = complete["education"] == "none"
    assert complete.loc[none, "ebanking"].max() == 0  # the separation the note reports
    assert row["note"] == f"{int(none.sum())} persons with education = none left out: all have ebanking = 0 (perfect prediction)"
    assert row["n"] == len(complete) - none.sum() and np.isfinite(row["odds_ratio"]) and np.isfinite(row["ame_se"])
    assert row["n_ame"] == len(complete)  # the AME speaks for every worker: those left out count with effect 0
    kept = adjusted_model(susenas.assign(education=susenas["education"].where(susenas["education"] != "none")),
                          "ebanking", "recent_interprovincial", "workers15").iloc[0]  # the same fit, on the kept rows only
    kept_weight = complete.loc[~none, "weight"].sum()
    assert row["ame"] == pytest.approx(kept["ame"] * kept_weight / complete["weight"].sum(), rel=1e-9)
    assert "education_primary" not in row["covariates"].split()  # primary is now the reference level


@pytest.mark.parametrize("fewest, deffs, expected", [
    (9, (1.5, 1.2), True),     # fewer than 10 events or non-events in a group
    (10, (1.5, 1.2), False),
    (15, (0.53, 1.2), True),   # few events and a design effect below 1
    (15, (float("nan"), 1.2), False),
    (25, (0.8, 1.2), False),   # enough events: a deff below 1 alone is not a flag
])
def test_few_events_rule(fewest, deffs, expected):
    assert is_few_events(fewest, *deffs) is expected


def test_dataset_wide_holm_covers_every_test_of_a_dataset(susenas, sakernas):
    from kalbar_border.finance.tables import compare_all, tests_table

    wide = compare_all({"susenas": susenas, "sakernas": sakernas})
    for _, family in wide.groupby("dataset"):
        ok = family["p_value"].notna()
        assert family.loc[ok, "p_holm_dataset"].to_numpy() == pytest.approx(
            multipletests(family.loc[ok, "p_value"], method="holm")[1])
    tests = tests_table(wide, 0.05)
    assert tests["significant_holm_dataset"].sum() <= tests["significant_holm"].sum()
    assert not tests.loc[tests["few_events"], ["significant_holm", "significant_holm_dataset"]].any().any()


def test_fit_on_covariate_patterns_equals_the_fit_on_every_row(susenas):
    """The national-scale shortcut (the likelihood summed over distinct covariate patterns)
    changes nothing but the cost."""
    design = select_population(susenas, "persons15", keep_design=True)
    data = design.loc[design["in_population"]]
    data = data.assign(migrant=data["recent_interprovincial"]).dropna(subset=["ebanking", "migrant"])
    X = _covariates(data, "persons15")
    y, w = data["ebanking"].to_numpy(dtype=float), data["weight"].to_numpy()
    in_model = design.index.isin(data.index)
    patterns = pd.factorize(pd.MultiIndex.from_frame(X.assign(y=y)))[0]
    plain, _ = _fit_logit(y, X, w, design["strata"], design["psu"], in_model)
    grouped, _ = _fit_logit(y, X, w, design["strata"], design["psu"], in_model, patterns)
    assert len(grouped.x) < len(y) / 3
    assert grouped.params.to_numpy() == pytest.approx(plain.params.to_numpy(), rel=1e-9)
    assert grouped.cov.to_numpy() == pytest.approx(plain.cov.to_numpy(), rel=1e-8)


def test_province_all_compares_each_province_and_the_whole_sample(susenas_raw, sakernas_raw):
    """Two identical synthetic provinces (the Jambi file twice, bench_scale.replicate): each
    province's rows equal the one-province comparison, and the whole sample has the same
    shares with standard errors smaller by exactly sqrt(2) (twice the PSUs, same spread)."""
    from kalbar_border.finance import tables, variables
    from tests.bench_scale import replicate

    one = tables.compare_all({"susenas": variables.susenas_frame(susenas_raw)}, populations=("persons15",))
    twice = replicate(susenas_raw, 2, "susenas")
    both = tables.compare_all({"susenas": variables.susenas_frame(twice, province="all")}, populations=("persons15",))
    assert set(both["province"]) == {15, 11, "all"}  # province codes of the copies, then the whole sample
    columns = ["share_migrant", "share_non_migrant", "se_migrant", "odds_ratio", "p_value", "few_events"]
    for code in (15, 11):
        part = both[both["province"] == code].reset_index(drop=True)
        pd.testing.assert_frame_equal(part[columns], one[columns])
    whole = tables.whole_sample_rows(both).reset_index(drop=True)
    assert (whole["province"] == "all").all()
    assert whole["share_migrant"].to_numpy() == pytest.approx(one["share_migrant"].to_numpy(), rel=1e-12, nan_ok=True)
    assert whole["se_migrant"].to_numpy() == pytest.approx(one["se_migrant"].to_numpy() / np.sqrt(2), rel=1e-9,
                                                          nan_ok=True)
    with pytest.raises(CompendiumError, match="expected a BPS province code"):
        variables.sakernas_frame(sakernas_raw, province="jambi")
