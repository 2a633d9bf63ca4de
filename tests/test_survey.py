"""Design-based shares: every estimate is re-derived by a second, independent route."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
from statsmodels.tools.sm_exceptions import SpecificationWarning
from scipy import stats

from kalbar_border.errors import CompendiumError
from kalbar_border.finance.survey import (
    design_df,
    domain_difference,
    mover_interval,
    weighted_share,
    wilson_interval,
)


@pytest.fixture(scope="module")
def susenas(susenas_raw) -> pd.DataFrame:
    return susenas_raw


def _toy() -> pd.DataFrame:
    """Two strata (3 and 2 PSUs) and a single-PSU stratum; unequal weights; one NaN y."""
    return pd.DataFrame({
        "stratum": [1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3],
        "psu": [11, 11, 12, 12, 13, 13, 21, 21, 22, 22, 31, 31],
        "w": [1.0, 2.0, 1.5, 1.0, 3.0, 1.0, 2.0, 2.0, 1.0, 4.0, 2.5, 1.0],
        "y": [1, 0, 1, 1, 0, np.nan, 1, 0, 0, 0, 1, 1],
    })


def _by_hand(y, w, strata, psu, domain=None):
    """Share and linearised variance by an explicit loop over strata and PSUs."""
    y = np.asarray(y, float)
    keep = ~np.isnan(y) if domain is None else (~np.isnan(y) & np.asarray(domain, bool))
    total = sum(wi for wi, k in zip(w, keep) if k)
    share = sum(wi * yi for wi, yi, k in zip(w, y, keep) if k) / total
    psu_totals = {}
    for wi, yi, k, h, c in zip(w, y, keep, strata, psu):
        z = wi * (yi - share) / total if k else 0.0
        psu_totals.setdefault(h, {}).setdefault(c, 0.0)
        psu_totals[h][c] += z
    all_totals = [t for h in psu_totals.values() for t in h.values()]
    grand = sum(all_totals) / len(all_totals)
    var = 0.0
    for h, totals in psu_totals.items():
        vals = list(totals.values())
        if len(vals) == 1:
            var += (vals[0] - grand) ** 2
        else:
            mean = sum(vals) / len(vals)
            var += len(vals) / (len(vals) - 1) * sum((v - mean) ** 2 for v in vals)
    return share, var


def test_toy_share_and_se_match_explicit_loop():
    d = _toy()
    est = weighted_share(d.y, d.w, d.stratum, d.psu)
    share, var = _by_hand(d.y, d.w, d.stratum, d.psu)
    assert est.share == pytest.approx(share, rel=1e-12)
    assert est.share == pytest.approx((1 + 1.5 + 1 + 2 + 2.5 + 1) / (d.w.sum() - 1.0))
    assert est.se == pytest.approx(np.sqrt(var), rel=1e-12)
    assert (est.n_unweighted, est.count_unweighted) == (11, 6)
    assert est.df == design_df(d.stratum, d.psu) == 6 - 3


def test_toy_domain_keeps_every_psu():
    d = _toy()
    dom = np.array([1, 0, 1, 1, 0, 1, 1, 1, 0, 0, 1, 0], bool)
    est = weighted_share(d.y, d.w, d.stratum, d.psu, domain=dom)
    share, var = _by_hand(d.y, d.w, d.stratum, d.psu, dom)
    assert est.share == pytest.approx(share, rel=1e-12)
    assert est.se == pytest.approx(np.sqrt(var), rel=1e-12)
    # PSU 22 has no domain member; it still counts in the variance (n_h = 2 in stratum 2), but
    # not in the domain's degrees of freedom, as svyciprop on a subset: PSUs 11, 12, 21 and 31
    # hold a member with y present (row 5's y is missing), in 3 strata.
    assert est.df == 4 - 3


def test_single_stratum_se_equals_statsmodels_cluster_robust():
    rng = np.random.default_rng(20200301)
    psu = np.repeat(np.arange(40), 12)
    y = (rng.random(psu.size) < 0.3 + 0.01 * (psu % 7)).astype(float)
    w = rng.uniform(50, 300, psu.size)
    est = weighted_share(y, w, np.zeros(psu.size), psu)
    fit = sm.WLS(y, np.ones((psu.size, 1)), weights=w).fit(
        cov_type="cluster", cov_kwds={"groups": psu, "use_correction": False})
    groups = 40
    assert est.share == pytest.approx(fit.params[0], rel=1e-12)
    assert est.se == pytest.approx(fit.bse[0] * np.sqrt(groups / (groups - 1)), rel=1e-10)


def test_real_susenas_share_matches_groupby_route(susenas):
    d = susenas.loc[susenas["R407"] >= 15]
    y = d["R701"].map({1: 1.0, 5: 0.0})
    est = weighted_share(y, d["FWT"], d["STRATA"], d["PSU"])
    # Second route: pandas groupby on strata and PSUs.
    share = (d["FWT"] * y).sum() / d["FWT"].sum()
    z = d["FWT"] * (y - share) / d["FWT"].sum()
    totals = z.groupby([d["STRATA"], d["PSU"]]).sum()
    by_h = totals.groupby(level=0)
    n_h = by_h.transform("size")
    var = ((totals - by_h.transform("mean")) ** 2 * n_h / (n_h - 1)).sum()
    assert est.share == pytest.approx(share, rel=1e-12)
    assert est.se == pytest.approx(np.sqrt(var), rel=1e-10)
    assert est.n_unweighted == len(d) and est.count_unweighted == int((d["R701"] == 1).sum())
    assert est.df == 697 - 22
    assert est.deff == pytest.approx(est.se**2 / (est.share * (1 - est.share) / est.n_unweighted))
    assert est.ci_low < est.share < est.ci_high


def test_logit_interval_is_inside_unit_interval_and_asymmetric():
    d = _toy()
    est = weighted_share(d.y, d.w, d.stratum, d.psu)
    q = stats.t.ppf(0.975, est.df)
    logit = np.log(est.share / (1 - est.share))
    half = q * est.se / (est.share * (1 - est.share))
    assert est.ci_low == pytest.approx(1 / (1 + np.exp(-(logit - half))))
    assert est.ci_high == pytest.approx(1 / (1 + np.exp(-(logit + half))))
    assert 0 < est.ci_low < est.share < est.ci_high < 1


def test_zero_share_falls_back_to_wilson_on_unweighted_n():
    d = _toy()
    est = weighted_share(np.zeros(len(d)), d.w, d.stratum, d.psu)
    assert est.share == 0 and est.se == 0 and np.isnan(est.deff)
    assert (est.ci_low, est.ci_high) == pytest.approx(wilson_interval(0, len(d)))


def test_wilson_matches_newcombe_1998_single_proportion_examples():
    # Newcombe RG (1998), Stat Med 17:857-872, Table I, method 3 (score without correction).
    assert wilson_interval(81, 263) == pytest.approx((0.2553, 0.3662), abs=5e-5)
    assert wilson_interval(15, 148) == pytest.approx((0.0624, 0.1605), abs=5e-5)
    assert wilson_interval(0, 20) == pytest.approx((0.0, 0.1611), abs=5e-5)
    assert wilson_interval(1, 29) == pytest.approx((0.0061, 0.1718), abs=5e-5)


def test_domain_difference_uses_covariance_of_shared_psus():
    d = _toy()
    a = np.array([1, 0, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0], bool)
    diff = domain_difference(d.y, d.w, d.stratum, d.psu, a, ~a)
    # Second route: the difference of two ratios linearises to z_a - z_b.
    share_a, _ = _by_hand(d.y, d.w, d.stratum, d.psu, a)
    share_b, _ = _by_hand(d.y, d.w, d.stratum, d.psu, ~a)
    y = d.y.fillna(0).to_numpy()
    ok = d.y.notna().to_numpy()
    wa, wb = d.w.to_numpy() * (a & ok), d.w.to_numpy() * (~a & ok)
    zdiff = wa * (y - share_a) / wa.sum() - wb * (y - share_b) / wb.sum()
    var_direct = _variance_of_totals(zdiff, d.stratum, d.psu)
    assert diff.difference == pytest.approx(share_a - share_b)
    assert diff.se == pytest.approx(np.sqrt(var_direct), rel=1e-12)
    assert diff.se**2 == pytest.approx(diff.a.se**2 + diff.b.se**2 - 2 * diff.covariance, rel=1e-12)
    assert diff.method == "linearised"
    # The test: log odds ratio over its linearised SE, by hand from the same scores.
    za, zb = wa * (y - share_a) / wa.sum(), wb * (y - share_b) / wb.sum()
    zlogit = za / (share_a * (1 - share_a)) - zb / (share_b * (1 - share_b))
    log_or = np.log(share_a / (1 - share_a)) - np.log(share_b / (1 - share_b))
    se_log_or = np.sqrt(_variance_of_totals(zlogit, d.stratum, d.psu))
    q = stats.t.ppf(0.975, diff.df)
    assert diff.odds_ratio == pytest.approx(np.exp(log_or), rel=1e-12)
    assert diff.t == pytest.approx(log_or / se_log_or, rel=1e-10)
    assert diff.p_value == pytest.approx(2 * stats.t.sf(abs(diff.t), diff.df))
    assert (diff.odds_ratio_ci_low, diff.odds_ratio_ci_high) == pytest.approx(
        (np.exp(log_or - q * se_log_or), np.exp(log_or + q * se_log_or)), rel=1e-10)


def test_log_odds_ratio_test_equals_a_weighted_logistic_regression_with_cluster_errors():
    """Second route for the test: the migrant coefficient of a weighted logit on the group
    flag alone (statsmodels GLM), whose cluster sandwich without small-sample factor, times
    G/(G-1), is the one-stratum linearisation."""
    rng = np.random.default_rng(11)
    psu = np.repeat(np.arange(60), 10)
    group = rng.random(psu.size) < 0.3
    y = (rng.random(psu.size) < np.where(group, 0.35, 0.2) + 0.005 * (psu % 9)).astype(float)
    w = rng.uniform(50, 300, psu.size)
    diff = domain_difference(y, w, np.zeros(psu.size), psu, group, ~group)
    X = np.column_stack([np.ones(psu.size), group.astype(float)])
    with pytest.warns(SpecificationWarning, match="not fully supported"):  # statsmodels' caution with var_weights
        fit = sm.GLM(y, X, family=sm.families.Binomial(), var_weights=w / w.mean()).fit(
            cov_type="cluster", cov_kwds={"groups": psu, "use_correction": False})
    assert np.log(diff.odds_ratio) == pytest.approx(fit.params[1], rel=1e-9)
    assert np.log(diff.odds_ratio) / diff.t == pytest.approx(fit.bse[1] * np.sqrt(60 / 59), rel=1e-8)


def test_odds_ratio_interval_and_test_agree_on_every_real_row(susenas):
    from kalbar_border.finance.compare import compare_groups
    from kalbar_border.finance.variables import susenas_frame

    rows = compare_groups(susenas_frame(susenas), "persons15")
    tested = rows.dropna(subset=["p_value"])
    excludes_one = (tested["odds_ratio_ci_low"] > 1) | (tested["odds_ratio_ci_high"] < 1)
    assert (excludes_one == (tested["p_value"] < 0.05)).all()


def _variance_of_totals(z, strata, psu):
    totals = pd.Series(z).groupby([np.asarray(strata), np.asarray(psu)]).sum()
    grand = totals.mean()
    var = 0.0
    for _, t in totals.groupby(level=0):
        var += (t.iloc[0] - grand) ** 2 if len(t) == 1 else len(t) / (len(t) - 1) * ((t - t.mean()) ** 2).sum()
    return var


def test_difference_with_degenerate_share_uses_mover_and_no_test():
    d = _toy()
    a = np.array([0, 1, 0, 0, 1, 0, 0, 1, 1, 0, 0, 0], bool)  # y = 0 for every row of a
    diff = domain_difference(d.y, d.w, d.stratum, d.psu, a, ~a)
    assert diff.a.share == 0 and diff.method == "mover"
    assert np.isnan(diff.p_value) and np.isnan(diff.se)
    expected = mover_interval(diff.a.share, (diff.a.ci_low, diff.a.ci_high), diff.b.share, (diff.b.ci_low, diff.b.ci_high))
    assert (diff.ci_low, diff.ci_high) == pytest.approx(expected)


@pytest.mark.parametrize("kwargs, message", [
    ({"y": [0, 1, 2]}, "y must be 0, 1 or NaN; found other values"),
    ({"weights": [1.0, 2.0]}, "weights has 2 values; expected 3, one per row of y"),
    ({"weights": [1.0, -2.0, 1.0]}, "weights must be finite and non-negative for every row"),
    ({"psu": [1, None, 2]}, "strata and psu must be present for every row (no missing values)"),
])
def test_parameter_errors_are_one_line(kwargs, message):
    args = {"y": [0, 1, 1], "weights": [1.0, 2.0, 1.0], "strata": [1, 1, 1], "psu": [1, 2, 3], **kwargs}
    with pytest.raises(CompendiumError) as err:
        weighted_share(**args)
    assert str(err.value) == message


def test_design_object_gives_the_same_estimates_as_labels(susenas):
    from kalbar_border.finance.survey import Design, design_covariance

    d = susenas.loc[susenas["R407"] >= 15]
    y = d["R701"].map({1: 1.0, 5: 0.0})
    design = Design.of(d["STRATA"], d["PSU"])
    by_labels = weighted_share(y, d["FWT"], d["STRATA"], d["PSU"])
    by_design = weighted_share(y, d["FWT"], design, None)
    assert (by_design.share, by_design.se, by_design.df) == (by_labels.share, pytest.approx(by_labels.se, rel=1e-12), by_labels.df)
    z = np.random.default_rng(3).normal(size=(len(d), 3))
    assert design.covariance(z) == pytest.approx(design_covariance(z, design.strata_code, design.psu_code), rel=1e-10)


def test_a_domain_on_few_psus_has_its_own_df_in_the_difference_its_interval_and_its_test():
    """One df rule for a domain (issue 30): the small domain's df, counted by hand (PSUs holding a
    member minus their strata), is the df of its share interval, its difference interval and its test."""
    rng = np.random.default_rng(3)
    strata = np.repeat(np.arange(4), 40)
    psu = np.repeat(np.arange(16), 10)
    w = rng.uniform(1, 3, len(psu))
    y = rng.integers(0, 2, len(psu)).astype(float)
    small = np.isin(psu, [0, 1, 4, 5, 6])  # PSUs 0, 1 (stratum 0) and 4, 5, 6 (stratum 1): 5 - 2 = 3 df
    diff = domain_difference(y, w, strata, psu, small, ~small)
    assert diff.a.df == 3 and diff.b.df == 11 - 4 and design_df(strata, psu) == 16 - 4
    assert diff.df == 3  # not the design's 12 - 1
    se_log_or = np.log(diff.odds_ratio) / diff.t
    assert diff.p_value == pytest.approx(2 * stats.t.sf(abs(diff.t), 3), rel=1e-12)
    assert diff.ci_high - diff.difference == pytest.approx(stats.t.ppf(0.975, 3) * diff.se, rel=1e-12)
    assert np.log(diff.odds_ratio_ci_high) - np.log(diff.odds_ratio) == pytest.approx(
        stats.t.ppf(0.975, 3) * se_log_or, rel=1e-9)
    # Two large domains: the cap, svyglm's design df - 1.
    half = psu % 2 == 0
    assert domain_difference(y, w, strata, psu, half, ~half).df == min(12 - 1, 8 - 4)
