"""Migrant vs non-migrant comparison of financial indicators, raw and adjusted.

All shares and differences are fractions 0-1 (multiply by 100 for percentage points);
"migrant" follows one of :data:`~kalbar_border.finance.variables.MIGRANT_DEFINITIONS` and
differences are always *migrant minus non-migrant*.

Raw comparison (:func:`compare_groups`), one row per definition x indicator:

* weighted shares per group with design-based CIs, deff and unweighted n
  (:func:`kalbar_border.finance.survey.weighted_share`), each group a domain of the full sample;
* the design-based difference and its CI (probability scale; MOVER when a share is 0 or 1,
  ``difference_ci_method``), an effect size, not the test;
* the test of no difference: a design-based t-test of the log odds ratio, with the odds
  ratio's CI inverting the same statistic (:func:`kalbar_border.finance.survey.domain_difference`),
  so the test and the odds-ratio CI always agree; ``test`` names it on every row that has
  one. A share of 0 or 1 has no design variance: no test, ``p_value`` NaN;
* Cohen's h = 2 asin(sqrt(p_migrant)) - 2 asin(sqrt(p_non_migrant)) on the weighted shares
  (0.2 small, 0.5 medium, 0.8 large);
* Holm-adjusted p-values across the indicators of one (dataset, population, definition)
  family (``p_holm``); the tables add Holm across every test of a dataset;
* ``small_group``: the migrant group has fewer than 30 unweighted persons or a cell of the
  unweighted 2x2 table has an expected count below 5; ``few_events``: a group has fewer
  than 10 observed events or non-events (fewer than 20 with a design effect below 1; see
  :func:`is_few_events`); ``few_df``: a group's domain has fewer than
  :data:`~kalbar_border.finance.survey.MIN_DOMAIN_DF` degrees of freedom (``df_migrant``,
  ``df_non_migrant``: PSUs minus strata holding a member). No such row is ever called
  significant: read it from its counts and intervals.

Adjusted comparison (:func:`adjusted_model`): a design-weighted logistic regression of the
indicator on the migrant flag, age and age squared (in decades, for conditioning), female,
education dummies (reference = the lowest level present), urban and working (left out for
the workers population, where it is constant), with the design-based covariance of R's
``svyglm`` (stratified linearisation, residual df = design df + 1 - coefficients). It reports
the migrant odds ratio with CI and t-test, and the average marginal effect (AME): the
weighted mean of predicted probabilities with everyone set to migrant minus everyone set
to non-migrant, a fraction 0-1, over every labelled person, with a delta-method CI and
t-test on the same covariance (deterministic, so no seed is needed).

A model that cannot be estimated (a zero cell for the migrant flag, or a definition with
no migrants in the population) is not fitted; its row carries NaN estimates and a
``note`` saying why. Known causes of failure are removed before fitting (zero cells, empty
education levels, constant covariates); a fit that still fails (separation, a singular
design) gets NaN estimates and a note, never a warning on stderr.
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import special, stats

from ..errors import CompendiumError, Said
from .variables import (
    EDUCATION_LEVELS,
    INDICATORS,
    check_definition,
    check_population,
    definitions_of,
    indicators_of,
    select_population,
)
from .survey import MIN_DOMAIN_DF, Design, domain_difference

__all__ = ["minimum_detectable_difference", "difference_deff", "POWER", "compare_groups", "compare_columns", "holm_within", "adjusted_model", "adjusted_models", "cohens_h", "min_expected_count",
           "is_small_group", "fewest_events", "is_few_events", "holm", "SMALL_N", "SMALL_EXPECTED", "FEW_EVENTS"]

#: Migrant groups below this unweighted n are flagged ``small_group``.
SMALL_N = 30
#: Unweighted 2x2 expected counts below this are flagged ``small_group``.
SMALL_EXPECTED = 5
#: Rows with fewer events (or non-events) than this in a group are flagged ``few_events``
#: and never called significant (see :func:`is_few_events`).
FEW_EVENTS = 10


def cohens_h(p1: float, p2: float) -> float:
    """Cohen's h effect size for two proportions (fractions 0-1)."""
    return float(2 * np.arcsin(np.sqrt(p1)) - 2 * np.arcsin(np.sqrt(p2)))


#: What a value given to a comparison names (the key of its label), said in an error.
DEFINITION, INDICATOR = "error_part_migrant_definition", "error_part_indicator"


def _requested(value, available: tuple[str, ...], field: str, check=None) -> tuple[str, ...]:
    """``value`` (one or several) of ``available``; ``field``: the key of the label naming what it is."""
    if value is None:
        return available
    values = (value,) if isinstance(value, str) else tuple(value)
    for v in values:
        if check is not None:
            check(v)
        if v not in available:
            raise CompendiumError(key="error_compare_not_available", field=Said(field), value=repr(v),
                                  available=", ".join(available))
    return values


@dataclass(frozen=True)
class _Logit:
    params: pd.Series
    cov: pd.DataFrame  # design-based covariance of params (stratified linearisation)
    df: int  # residual df: design df + 1 - number of coefficients, as R's svyglm
    x: np.ndarray  # the distinct rows of the design matrix (covariate patterns)
    weight: np.ndarray  # total weight of each pattern, as given


#: Fitted probabilities closer than this to 0 or 1 mean the fit ran off to infinity
#: (separation): the estimates are then not reported.
SEPARATION_TOLERANCE = 1e-8


def _fit_logit(y: np.ndarray, X: pd.DataFrame, weights: np.ndarray, strata, psu,
               in_model: np.ndarray | None = None, patterns: np.ndarray | None = None) -> tuple[_Logit | None, str]:
    """Design-weighted logistic regression with the design-based covariance; (fit, note).

    The estimates maximise the weighted log-likelihood ``sum_i w_i [y_i log p_i + (1-y_i)
    log(1-p_i)]`` (pseudo-maximum likelihood; ``w`` normalised to mean 1, which changes
    nothing but the conditioning), by statsmodels' GLM (Binomial, ``var_weights``). The
    covariance is R ``svyglm``'s: ``H^-1 V H^-1`` with ``V`` the stratified with-replacement
    linearised covariance of the score totals (:meth:`~kalbar_border.finance.survey.Design.covariance`),
    and ``df`` = design df + 1 - number of coefficients.

    ``y``, ``X`` and ``weights`` hold the model's rows. ``strata`` and ``psu`` hold the whole
    design (or ``strata`` is a :class:`~kalbar_border.finance.survey.Design`), and
    ``in_model`` (a mask over the design) says which of its rows are the model's: rows
    outside contribute no score but their PSUs still count, as in a domain (``svyglm`` on a
    subset of a design). Without ``in_model`` the design is the model's rows.

    ``patterns`` (optional, one integer per model row) marks rows with the same ``y`` and
    the same row of ``X``: the likelihood is then summed over distinct patterns with their
    total weight, which is the same likelihood, so the same estimates, at a fraction of the
    cost on a national file (a few thousand patterns instead of a million rows). The scores,
    and so the covariance, are still per person.

    Collinear covariates, or a fit whose probabilities reach 0 or 1 (separation: some
    coefficient has no finite estimate) or that does not converge, give no usable
    estimates: it returns ``None`` and a note saying why.
    """
    from statsmodels.genmod import families
    from statsmodels.genmod.generalized_linear_model import GLM

    x_rows = X.to_numpy(dtype=float)
    codes = np.arange(len(y)) if patterns is None else pd.factorize(patterns)[0]
    n_patterns = int(codes.max()) + 1 if len(codes) else 0
    first = np.empty(n_patterns, dtype=np.int64)
    first[codes[::-1]] = np.arange(len(codes))[::-1]
    x, yc = x_rows[first], y[first]
    scale = weights.mean()
    wc = np.bincount(codes, weights, n_patterns)
    if np.linalg.matrix_rank(x.T @ x) < x.shape[1]:
        return None, "model not estimable: collinear covariates"
    w = wc / scale
    with warnings.catch_warnings():
        # Separation shows as probabilities at 0 or 1 below; statsmodels' own warnings about it
        # (and overflow in its IRLS) would only reach the notebook's stderr.
        warnings.simplefilter("ignore")
        with np.errstate(all="ignore"):
            result = GLM(yc, x, family=families.Binomial(), var_weights=w).fit(tol=1e-10, maxiter=100)
    beta = np.asarray(result.params, dtype=float)
    fitted = special.expit(x @ beta)
    if not (result.converged and np.all(np.isfinite(beta))) or np.any(
            (fitted < SEPARATION_TOLERANCE) | (fitted > 1 - SEPARATION_TOLERANCE)):
        return None, "model not estimable: no convergence (separation: fitted probabilities reach 0 or 1)"
    p = fitted
    information = (x * (w * p * (1 - p))[:, None]).T @ x  # X' diag(w p (1-p)) X: the bread's inverse
    scores = x_rows * (weights / scale * (y - p[codes]))[:, None]
    design = strata if isinstance(strata, Design) else Design.of(strata, psu)
    if in_model is not None:
        full = np.zeros((len(in_model), x.shape[1]))
        full[in_model] = scores
        scores = full
    bread = np.linalg.inv(information)
    cov = bread @ design.covariance(scores) @ bread
    return (_Logit(pd.Series(beta, index=X.columns), pd.DataFrame(cov, index=X.columns, columns=X.columns),
                   design.df + 1 - x.shape[1], x, wc), "")


def _zero_cell(y: np.ndarray, migrant: np.ndarray) -> str:
    for flag, label in ((1, "migrant"), (0, "non-migrant")):
        group = y[migrant == flag]
        if len(group) == 0:
            return f"no {label} persons in this population"
        if group.min() == group.max():
            return f"every {label} has indicator = {int(group[0])} (zero cell)"
    return ""


def _t(df: int, level: float) -> float:
    return float(stats.t.ppf(0.5 + level / 2, df) if df > 0 else stats.norm.ppf(0.5 + level / 2))


def _p(statistic: float, df: int) -> float:
    return float(2 * (stats.t.sf(abs(statistic), df) if df > 0 else stats.norm.sf(abs(statistic))))


def _or_row(fit: _Logit, level: float) -> dict:
    """Odds ratio of the migrant term with its t-based CI and two-sided t-test (fit's df)."""
    beta, se = float(fit.params["migrant"]), float(np.sqrt(fit.cov.loc["migrant", "migrant"]))
    q = _t(fit.df, level)
    return {"odds_ratio": float(np.exp(beta)), "odds_ratio_ci_low": float(np.exp(beta - q * se)),
            "odds_ratio_ci_high": float(np.exp(beta + q * se)), "p_value": _p(beta / se, fit.df)}


def _group_columns(est, suffix: str) -> dict:
    return {f"n_{suffix}": est.n_unweighted, f"count_{suffix}": est.count_unweighted,
            f"share_{suffix}": est.share, f"ci_low_{suffix}": est.ci_low,
            f"ci_high_{suffix}": est.ci_high, f"se_{suffix}": est.se, f"deff_{suffix}": est.deff,
            f"df_{suffix}": est.df}


def min_expected_count(n1: int, c1: int, n0: int, c0: int) -> float:
    """Smallest expected cell count of the unweighted 2x2 table under independence."""
    total, yes = n1 + n0, c1 + c0
    if total == 0:
        return float("nan")
    return float(min(n * k / total for n in (n1, n0) for k in (yes, total - yes)))


def is_small_group(n_migrant: int, min_expected: float) -> bool:
    """True when the migrant group has < :data:`SMALL_N` persons or a 2x2 expected count < :data:`SMALL_EXPECTED`."""
    return bool(n_migrant < SMALL_N or not min_expected >= SMALL_EXPECTED)


def fewest_events(n_m: int, c_m: int, n_n: int, c_n: int) -> int:
    """Smallest unweighted count of events or non-events in either group."""
    return int(min(c_m, n_m - c_m, c_n, n_n - c_n))


def is_few_events(fewest: int, deff_migrant: float, deff_non_migrant: float) -> bool:
    """True when a row has too few events for a design-based test to be read: fewer than
    :data:`FEW_EVENTS` events or non-events in a group, or fewer than twice that with a
    design effect below 1 (the linearised variance of a handful of events spread over few
    clusters comes out smaller than simple random sampling would give: a sign it is not
    estimated well, not of a precise estimate)."""
    deffs = [d for d in (deff_migrant, deff_non_migrant) if np.isfinite(d)]
    return bool(fewest < FEW_EVENTS or (fewest < 2 * FEW_EVENTS and deffs and min(deffs) < 1))


TEST = ("design-based t-test of the log odds ratio (df = test_df: the smaller group's domain df, at most "
        "PSUs - strata - 1 as svyglm)")


def _compare_one(y: np.ndarray, migrant: np.ndarray, in_pop: np.ndarray, weight: np.ndarray, sample: Design,
                 level: float) -> dict:
    mig, non = in_pop & (migrant == 1), in_pop & (migrant == 0)
    diff = domain_difference(y, weight, sample, None, mig, non, level=level)
    est_m, est_n = diff.a, diff.b
    fewest = fewest_events(est_m.n_unweighted, est_m.count_unweighted, est_n.n_unweighted, est_n.count_unweighted)
    row = {**_group_columns(est_m, "migrant"), **_group_columns(est_n, "non_migrant"),
           "difference": diff.difference, "difference_se": diff.se,
           "difference_ci_low": diff.ci_low, "difference_ci_high": diff.ci_high,
           "difference_ci_method": diff.method, "odds_ratio": diff.odds_ratio,
           "odds_ratio_ci_low": diff.odds_ratio_ci_low, "odds_ratio_ci_high": diff.odds_ratio_ci_high,
           "t": diff.t, "p_value": diff.p_value, "test": TEST if diff.method == "linearised" else "",
           "test_df": diff.df, "cohens_h": cohens_h(est_m.share, est_n.share)}
    used = (mig | non) & ~np.isnan(y)
    note = _zero_cell(y[used], migrant[used])
    if diff.method == "mover":
        note = "; ".join(filter(None, [note, "no design-based test (a share is 0 or 1); difference CI by MOVER"]))
    row["min_expected_count"] = min_expected_count(est_m.n_unweighted, est_m.count_unweighted,
                                                   est_n.n_unweighted, est_n.count_unweighted)
    row["small_group"] = is_small_group(est_m.n_unweighted, row["min_expected_count"])
    row["fewest_events"] = fewest
    row["few_events"] = is_few_events(fewest, est_m.deff, est_n.deff)
    row["few_df"] = bool(min(est_m.df, est_n.df) < MIN_DOMAIN_DF)
    row["note"] = note
    return row


#: The power at which :func:`minimum_detectable_difference` is stated.
POWER = 0.8


def difference_deff(se: float, p_a: float, n_a: int, p_b: float, n_b: int) -> float:
    """Design effect of a difference of two shares (fractions): its design variance ``se**2``
    over the variance simple random samples of ``n_a`` and ``n_b`` persons would give,
    ``p_a (1 - p_a) / n_a + p_b (1 - p_b) / n_b``; NaN where that is 0 or undefined."""
    srs = p_a * (1 - p_a) / n_a + p_b * (1 - p_b) / n_b if n_a > 0 and n_b > 0 else float("nan")
    return float(se**2 / srs) if np.isfinite(srs) and srs > 0 and np.isfinite(se) else float("nan")


def minimum_detectable_difference(p_a: float, n_a: int, p_b: float, n_b: int, deff: float, alpha: float,
                                  power: float = POWER) -> float:
    """The smallest true difference of two shares (a fraction 0-1) that a two-sided test at level
    ``alpha`` detects with probability ``power``, for a design with design effect ``deff``.

    Formula (the normal-approximation two-proportion test, Cohen 1988, with Kish's design effect):
    ``MDE = (z[1 - alpha/2] + z[power]) * sqrt(deff * p (1 - p) * (1/n_a + 1/n_b))``, with ``p`` the
    pooled share ``(n_a p_a + n_b p_b) / (n_a + n_b)`` (the variance under no difference) and
    ``n / deff`` the effective sample sizes. Assumptions: the shares' sampling distribution is
    normal (large effective n), the difference's variance under the alternative is the pooled
    one, the far tail's contribution to power is ignored, the design effect measured on the
    observed difference holds for any true difference, and the df are large enough for normal
    quantiles (rows with few df are never eligible). For a Holm family of ``m`` tests the
    caller passes ``alpha / m``: Holm's first step, the threshold the smallest p-value must pass,
    so the MDE is the difference detectable even when it is the family's only true one.
    """
    if not (n_a > 0 and n_b > 0 and np.isfinite(deff) and deff > 0):
        return float("nan")
    pooled = (n_a * p_a + n_b * p_b) / (n_a + n_b)
    z = stats.norm.ppf(1 - alpha / 2) + stats.norm.ppf(power)
    return float(z * np.sqrt(deff * pooled * (1 - pooled) * (1 / n_a + 1 / n_b)))


def holm(p_values) -> np.ndarray:
    """Holm step-down adjusted p-values (same order as given). Written here rather than
    calling statsmodels' ``multipletests``, which runs ``gc.collect()`` on every call and
    cost seconds per notebook; the tests compare the two."""
    p = np.asarray(p_values, dtype=float)
    m = len(p)
    order = np.argsort(p, kind="stable")
    stepped = np.maximum.accumulate((m - np.arange(m)) * p[order])
    adjusted = np.empty(m)
    adjusted[order] = np.minimum(stepped, 1.0)
    return adjusted


def compare_groups(frame: pd.DataFrame, population: str = "persons15", definitions=None,
                   indicators=None, *, level: float = 0.95) -> pd.DataFrame:
    """Raw migrant vs non-migrant comparison, one row per definition x indicator.

    ``frame`` comes from :func:`~kalbar_border.finance.variables.susenas_frame` or
    ``sakernas_frame``; ``definitions`` / ``indicators`` default to all those defined in
    the frame. Columns: dataset, population, definition, indicator, description, then per
    group (suffix ``_migrant`` / ``_non_migrant``) n, count, share, ci_low, ci_high, se,
    deff, df (the domain's degrees of freedom); difference, difference_se, difference_ci_low, difference_ci_high,
    difference_ci_method ("linearised" or "mover"), odds_ratio, odds_ratio_ci_low,
    odds_ratio_ci_high, t, p_value (the test of the log odds ratio), test, test_df (the df of the
    difference's CI, the test and the odds-ratio CI: :func:`~kalbar_border.finance.survey.inference_df`), cohens_h, min_expected_count, small_group, fewest_events, few_events, few_df, note, p_holm.
    """
    check_population(population)
    definitions = _requested(definitions, definitions_of(frame), DEFINITION, check_definition)
    indicators = _requested(indicators, indicators_of(frame), INDICATOR)
    dataset = frame["dataset"].iloc[0]
    design = select_population(frame, population, keep_design=True)
    out = compare_columns(design, definitions, indicators, level=level)
    out.insert(0, "dataset", dataset)
    out.insert(1, "population", population)
    out.insert(4, "description", [INDICATORS[dataset][i] for i in out["indicator"]])
    out["p_holm"] = holm_within(out, ["definition"])
    return out


def compare_columns(design: pd.DataFrame, definitions, indicators, *, level: float = 0.95) -> pd.DataFrame:
    """The comparison of :func:`compare_groups` on any 0/1 columns: ``design`` holds the
    design (``weight``, ``strata``, ``psu``), a boolean ``in_population`` (the domain compared;
    every row is kept so that domain estimation keeps every PSU), each column of
    ``definitions`` (1 migrant, 0 non-migrant, NaN neither) and each of ``indicators`` (1 yes,
    0 no, NaN not asked). One row per definition x indicator: ``definition``, ``indicator``
    and the estimate columns :func:`compare_groups` documents (without ``p_holm``)."""
    # Arrays and the coded design once, not once per comparison.
    sample = Design.of(design["strata"], design["psu"])
    weight, in_pop = design["weight"].to_numpy(dtype=float), design["in_population"].to_numpy(dtype=bool)
    column = {c: design[c].to_numpy(dtype=float) for c in (*definitions, *indicators)}
    rows = [{"definition": definition, "indicator": indicator,
             **_compare_one(column[indicator], column[definition], in_pop, weight, sample, level)}
            for definition in definitions for indicator in indicators]
    return pd.DataFrame(rows)


def holm_within(table: pd.DataFrame, by: list[str] | None = None) -> np.ndarray:
    """Holm-adjusted ``p_value`` of each row of ``table`` within its family (the rows sharing
    the columns ``by``; the whole table when ``by`` is None or empty); NaN where there is no test."""
    adjusted = np.full(len(table), np.nan)
    families = table.groupby(by, sort=False).indices.values() if by else [np.arange(len(table))]
    p = table["p_value"].to_numpy(dtype=float)
    for index in families:
        ok = index[~np.isnan(p[index])]
        if len(ok):
            adjusted[ok] = holm(p[ok])
    return adjusted


def _covariates(data: pd.DataFrame, population: str) -> pd.DataFrame:
    age = data["age"].to_numpy(dtype=float) / 10
    X = pd.DataFrame({"const": 1.0, "migrant": data["migrant"].to_numpy(dtype=float),
                      "age_decades": age, "age_decades_sq": age**2}, index=data.index)
    binary = ["female", "urban"] + ([] if population == "workers15" else ["working"])
    for col in binary:
        X[col] = data[col].to_numpy(dtype=float)
    present = [lvl for lvl in EDUCATION_LEVELS if (data["education"] == lvl).any()]
    for lvl in present[1:]:
        X[f"education_{lvl}"] = (data["education"] == lvl).to_numpy(dtype=float)
    # A covariate constant in this sample (e.g. working among households of non-workers)
    # would make the design matrix singular.
    constant = [c for c in X.columns[2:] if np.ptp(X[c].to_numpy()) == 0]  # no NaN here: rows were complete
    return X.drop(columns=constant)


def _ame(fit: _Logit, level: float, weight_left_out: float = 0.0) -> dict:
    """Average marginal effect of being a migrant (fraction 0-1) with its delta-method SE,
    t-based CI and t-test on the fit's covariance and df, so that the CI and the test agree.

    Averaged over every person the model speaks for: ``weight_left_out`` is the weight of the
    rows left out because their covariate level predicts the indicator perfectly; their
    probability is 0 (or 1) whether migrant or not, so their marginal effect is 0 and the
    AME over all is the AME over the kept rows times their share of the weight. Computed on
    the fit's covariate patterns with their total weights, which gives the same sums."""
    beta, cov = fit.params.to_numpy(), fit.cov.to_numpy()
    X1, X0 = fit.x.copy(), fit.x.copy()
    j = list(fit.params.index).index("migrant")
    X1[:, j], X0[:, j] = 1.0, 0.0
    p1, p0 = special.expit(X1 @ beta), special.expit(X0 @ beta)
    w = fit.weight / (fit.weight.sum() + weight_left_out)
    ame = float(w @ (p1 - p0))
    grad = (w * p1 * (1 - p1)) @ X1 - (w * p0 * (1 - p0)) @ X0
    se = float(np.sqrt(grad @ cov @ grad))
    q = _t(fit.df, level)
    return {"ame": ame, "ame_se": se, "ame_ci_low": max(ame - q * se, -1.0), "ame_ci_high": min(ame + q * se, 1.0),
            "ame_p_value": _p(ame / se, fit.df) if se > 0 else float("nan")}


_ADJUSTED_ESTIMATES = ("odds_ratio", "odds_ratio_ci_low", "odds_ratio_ci_high", "p_value",
                       "ame", "ame_se", "ame_ci_low", "ame_ci_high", "ame_p_value", "design_df")


def adjusted_model(frame: pd.DataFrame, indicator: str, definition: str, population: str = "persons15",
                   *, level: float = 0.95) -> pd.DataFrame:
    """Confounder-adjusted migrant effect on one indicator; a one-row DataFrame.

    The sample is the population's rows with the indicator, the migrant flag and every
    covariate present, less covariate levels that predict the indicator perfectly
    (:func:`_drop_perfect_predictions`); the rest of the design stays in the variance.

    Columns: dataset, population, definition, indicator, n (rows in the model), n_ame
    (persons the AME is averaged over: n plus the perfectly predicted), n_migrant,
    n_clusters, small_group (n_migrant < :data:`SMALL_N`), fewest_events and few_events
    (fewer than :data:`FEW_EVENTS` events or non-events among migrants or non-migrants in the
    model: its test is not read as evidence, as in the raw comparison), covariates (space-separated model
    terms besides the migrant flag), odds_ratio, odds_ratio_ci_low, odds_ratio_ci_high,
    p_value (design-based t-test of the migrant coefficient), ame, ame_se, ame_ci_low,
    ame_ci_high, ame_p_value (average marginal effect, a fraction 0-1, its CI and t-test),
    design_df (the df of both tests), note (why estimates are NaN, and which perfectly
    predicted rows were left out of the fit; empty otherwise).
    """
    check_population(population)
    check_definition(definition)
    _requested(definition, definitions_of(frame), DEFINITION)
    _requested(indicator, indicators_of(frame), INDICATOR)
    design, sample = _coded_design(select_population(frame, population, keep_design=True))
    return pd.DataFrame([_adjusted_row(design, sample, frame["dataset"].iloc[0], indicator, definition, population,
                                       level)])


def _coded_design(design: pd.DataFrame) -> tuple[pd.DataFrame, Design]:
    """The population's rows with a ``cell`` column (the covariate pattern: age, sex, area,
    working, education; -1 where one is missing), and its survey :class:`Design`, both made
    once for the many estimates on one population: on a national file coding the labels
    costs more than an estimate."""
    cell = np.zeros(len(design), dtype=np.int64)
    missing = np.zeros(len(design), dtype=bool)
    for column in ("age", "female", "urban", "working", "education"):
        codes, levels = pd.factorize(design[column])  # exact values: no rounding merges two ages
        cell = cell * (len(levels) + 1) + codes
        missing |= codes < 0
    cell = np.where(missing, -1, cell)
    return design.assign(cell=cell), Design.of(design["strata"], design["psu"])


def _adjusted_row(design: pd.DataFrame, sample: Design, dataset: str, indicator: str, definition: str,
                  population: str, level: float) -> dict:
    needed = [indicator, definition, "age", "female", "urban", "working", "education", "weight", "psu"]
    columns = design[[*needed, "cell"]]  # only what the model reads: copying every column costs more
    labelled = columns.loc[design["in_population"].to_numpy() & columns[needed].notna().all(axis=1).to_numpy()]
    data, left_out = _drop_perfect_predictions(labelled.rename(columns={definition: "migrant"}), indicator, population)
    y = data[indicator].to_numpy(dtype=float)
    weights = data["weight"].to_numpy(dtype=float)
    n_migrant = int((data["migrant"] == 1).sum())
    migrant = data["migrant"].to_numpy()
    fewest = fewest_events(n_migrant, int(y[migrant == 1].sum()), len(y) - n_migrant, int(y[migrant == 0].sum()))
    row = {"dataset": dataset, "population": population, "definition": definition,
           "indicator": indicator, "n": len(data), "n_ame": len(labelled), "n_migrant": n_migrant,
           "n_clusters": int(data["psu"].nunique()), "small_group": n_migrant < SMALL_N,
           "fewest_events": fewest, "few_events": fewest < FEW_EVENTS}
    estimates = dict.fromkeys(_ADJUSTED_ESTIMATES, np.nan)
    note = _zero_cell(y, data["migrant"].to_numpy())
    X = pd.DataFrame(columns=["const", "migrant"]) if note else _covariates(data, population)
    if not note:
        in_model = np.zeros(len(design), dtype=bool)
        in_model[design.index.get_indexer(data.index)] = True
        patterns = (data["cell"].to_numpy() * 2 + data["migrant"].to_numpy(dtype=np.int64)) * 2 + y.astype(np.int64)
        fit, note = _fit_logit(y, X, weights, sample, None, in_model, patterns)
        if fit is not None:
            left_weight = float(labelled["weight"].sum() - weights.sum())
            estimates = {**_or_row(fit, level), **_ame(fit, level, left_weight), "design_df": fit.df}
    note = "; ".join(filter(None, [note, left_out]))
    return {**row, "covariates": " ".join(X.columns[2:]), **estimates, "note": note}


def _categorical_covariates(population: str) -> list[str]:
    return ["education", "female", "urban"] + ([] if population == "workers15" else ["working"])


def _drop_perfect_predictions(data: pd.DataFrame, indicator: str, population: str) -> tuple[pd.DataFrame, str]:
    """Leave out the rows of any covariate level in which everyone has the same indicator
    value; returns (kept rows, note naming what was left out, or "").

    Such a level predicts the indicator perfectly (quasi-complete separation): its
    coefficient has no finite maximum likelihood estimate, so a fit runs it (and the
    intercept) off to infinity. In that limit the level's rows contribute nothing to the
    likelihood of the other coefficients, so leaving them out gives the same migrant
    estimate with finite, well-conditioned standard errors. This is what Stata's ``logit``
    does ("predicts failure perfectly ... obs not used"); ``n`` counts the rows kept, while
    the AME is averaged over all (the left-out rows' marginal effect is 0, see :func:`_ame`).
    Repeated until no level is constant, since leaving rows out can make another level
    constant.
    """
    left_out = []
    found = True
    while found:
        found = False
        y = data[indicator].to_numpy(dtype=float)  # 0/1: rows with NaN were dropped before
        for column in _categorical_covariates(population):
            codes, levels = pd.factorize(data[column], sort=True)
            if len(levels) < 2:
                continue  # a constant covariate is dropped from the model, not its rows
            size, yes = np.bincount(codes, minlength=len(levels)), np.bincount(codes, y, minlength=len(levels))
            constant = np.flatnonzero((yes == 0) | (yes == size))
            if len(constant):
                value, first = levels[constant[0]], constant[0]
                data = data.loc[codes != first]
                shown = int(value) if isinstance(value, float) else value
                left_out.append(f"{size[first]} persons with {column} = {shown} left out: all have "
                                f"{indicator} = {int(yes[first] > 0)} (perfect prediction)")
                found = True
                break
    return data, "; ".join(left_out)


def adjusted_models(frame: pd.DataFrame, population: str = "persons15", definitions=None,
                    indicators=None, *, level: float = 0.95) -> pd.DataFrame:
    """:func:`adjusted_model` for every requested definition x indicator, stacked."""
    check_population(population)
    definitions = _requested(definitions, definitions_of(frame), DEFINITION, check_definition)
    indicators = _requested(indicators, indicators_of(frame), INDICATOR)
    design, sample = _coded_design(select_population(frame, population, keep_design=True))
    dataset = frame["dataset"].iloc[0]
    return pd.DataFrame([_adjusted_row(design, sample, dataset, i, d, population, level)
                         for d in definitions for i in indicators])
