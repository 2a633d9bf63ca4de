"""Design-based estimation of shares for stratified cluster samples (Susenas, Sakernas).

Every share is a fraction in [0, 1] (not a percentage). The estimator is the ratio
``sum(w * y) / sum(w)`` over the rows of a domain; its variance is the Taylor
linearisation of that ratio under the usual "ultimate cluster" approximation:

* PSUs are treated as drawn **with replacement** within strata (no finite population
  correction; BPS files carry no sampling fractions), so the variance is
  ``sum_h n_h/(n_h-1) * sum_i (z_hi - zbar_h)**2`` with ``z_hi`` the PSU totals of the
  linearised variable and ``n_h`` the number of PSUs of stratum ``h``.
* **Single-PSU strata** are centred at the grand mean of all PSU totals with factor 1
  (the idea of R ``survey``'s ``options(survey.lonely.psu = "adjust")``): they add a
  conservative contribution instead of silently contributing zero. Neither microdata file
  has such a stratum; the rule matters only for other provinces or user subsets.
* **Domains** (a group such as migrants, and rows whose ``y`` is NaN) are estimated on the
  full sample: rows outside the domain contribute zero to the linearised variable but
  their PSUs still count in ``n_h``. Subsetting the data first would drop PSUs without a
  domain member and mis-state the variance and the df; pass the whole sample and a
  ``domain`` mask instead.
* **Degrees of freedom: one rule for every inference about a domain** (:func:`inference_df`).
  A share's interval uses its *domain's* own df: PSUs holding a member of the domain minus the
  strata holding one, as R ``survey``'s ``svyciprop`` does on a subset of the design
  (``degf`` counts only PSUs with weight in the subset). The difference of two domains, its
  interval and the test of no difference use the same rule: the smaller of the two domains'
  df, capped at ``svyglm``'s residual df for the two-coefficient model (design df - 1). The
  reason: the variance of a difference can be no better estimated than the variance of its
  less-spread domain, so eight returnees spread over a handful of PSUs have a few degrees of
  freedom, not the design's 674, in their share interval, their difference interval and their
  test alike (before issue 30 only the share interval used the domain's df). For domains
  spread over most PSUs the cap binds or the rule changes the t quantile in the third digit.
  ``ShareEstimate.df`` is the domain df and ``DomainDifference.df`` the df of the difference,
  its interval and its test; fewer than :data:`MIN_DOMAIN_DF` make the share unreliable
  (``few_df``), and no such row is read as a finding.
* **Confidence interval** (95% by default): logit-transformed, with the t quantile on
  the domain's degrees of freedom, back-transformed, so it always lies inside (0, 1) and is
  asymmetric near 0 or 1 where a symmetric Wald interval would cross the bounds. When the
  share is exactly 0 or 1 the design SE is 0 and the logit is undefined; the Wilson score
  interval on the unweighted n (design effect taken as 1) is reported instead, so a small
  group with no "yes" still shows its uncertainty.
* **Design effect** (Kish's overall deff): ``v_design / (p(1-p)/n)``, with ``n`` the
  unweighted domain size. It folds in both the unequal-weighting effect and clustering;
  ``n / deff`` is the effective sample size. NaN when the share is 0 or 1.
* **Difference of two domains** (:func:`domain_difference`): both shares come from the
  same PSUs, so ``var(a - b) = v_a + v_b - 2 cov(a, b)`` with the linearised covariance;
  t-based CI on :func:`inference_df` (``svycontrast`` on ``svyby`` with that df), clipped to [-1, 1]. When a share is 0 or 1 there is no
  usable design variance and the CI falls back to MOVER on the two domain intervals.
* **Test of no difference**: a t-test of the log odds ratio
  ``logit(p_a) - logit(p_b)``, with its variance linearised from the same covariance
  (``d logit(p) / dp = 1 / (p (1 - p))``) on :func:`inference_df`: ``svyglm``'s residual df
  (the design df + 1 - 2 coefficients, intercept and group) unless a domain has fewer. The odds-ratio CI inverts the
  same statistic, so test and odds-ratio CI agree by construction. The logit scale is the
  one on which a Wald test behaves when events are rare: on the probability scale the
  linearised SE of a share near 0 shrinks with the share, so a group with two events can
  look "certain" (z of -5 with a CI of the odds ratio that covers 1). It equals the
  migrant coefficient of a design-weighted logistic regression on the migrant flag alone
  (R ``svyglm``), with the stratified linearised variance.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

from ..errors import CompendiumError

__all__ = [
    "ShareEstimate",
    "DomainDifference",
    "weighted_share",
    "domain_difference",
    "design_covariance",
    "design_df",
    "design_codes",
    "Design",
    "wilson_interval",
    "mover_interval",
    "MIN_DOMAIN_DF",
    "inference_df",
]

#: A share whose domain has fewer degrees of freedom than this is flagged ``few_df`` and never
#: read as a finding: the design variance of so few PSUs is itself too unstable to build an
#: interval on. The threshold is the one of the NCHS Data Presentation Standards for
#: Proportions (Parker et al. 2017, National Center for Health Statistics, Vital Health Stat 2(175)).
MIN_DOMAIN_DF = 8


@dataclass(frozen=True)
class ShareEstimate:
    """A design-based share (fraction 0-1) of ``y == 1`` within a domain."""

    share: float
    se: float
    ci_low: float
    ci_high: float
    n_unweighted: int  # rows in the domain with a non-missing y
    count_unweighted: int  # of which y == 1
    weighted_total: float  # sum of weights in the domain (estimated population size)
    deff: float
    df: int  # the domain's degrees of freedom: PSUs with a member of the domain minus their strata
    level: float


@dataclass(frozen=True)
class DomainDifference:
    """Design-based difference of two domain shares, ``a.share - b.share`` (fractions).

    ``a`` and ``b`` are the two domains' own :class:`ShareEstimate`.
    """

    a: ShareEstimate
    b: ShareEstimate
    difference: float
    se: float
    ci_low: float
    ci_high: float
    odds_ratio: float  # (p_a / (1 - p_a)) / (p_b / (1 - p_b))
    odds_ratio_ci_low: float
    odds_ratio_ci_high: float
    t: float  # log odds ratio / its linearised SE: the test of no difference
    p_value: float  # two-sided, t distribution on ``df``
    covariance: float  # linearised covariance of the two shares (they share PSUs)
    df: int  # df of the difference CI, the test and the odds-ratio CI: :func:`inference_df`
    level: float
    method: str  # "linearised" (Wald on the design SE), "mover" (a share is 0 or 1), "none" (empty domain)


def wilson_interval(count, n, level: float = 0.95) -> tuple[float, float]:
    """Wilson score interval for a binomial proportion ``count / n`` (fractions 0-1), from
    statsmodels' ``proportion_confint``."""
    # Imported here: only shares of exactly 0 or 1 need it, and statsmodels takes a second to import.
    from statsmodels.stats.proportion import proportion_confint

    if n <= 0:
        return (float("nan"), float("nan"))
    low, high = proportion_confint(count, n, alpha=1 - level, method="wilson")
    p = count / n
    # Rounding can put the bound a hair past p when count is 0 or n; the interval must hold p.
    return (float(min(p, max(0.0, low))), float(max(p, min(1.0, high))))


def _as_array(values, name: str, n: int | None = None, numeric: bool = True) -> np.ndarray:
    arr = values.to_numpy() if isinstance(values, (pd.Series, pd.Index)) else np.asarray(values)
    if arr.ndim != 1:
        raise CompendiumError(key="error_survey_not_1d", name=name, shape=arr.shape)
    if n is not None and len(arr) != n:
        raise CompendiumError(key="error_survey_length", name=name, count=len(arr), n=n)
    if numeric:
        try:
            arr = arr.astype(float)
        except (TypeError, ValueError):
            raise CompendiumError(key="error_survey_not_numeric", name=name) from None
    return arr


class Design:
    """The strata and PSUs of a sample as 0-based integer codes (PSUs keyed within their
    stratum), made once with :meth:`of` for many estimates on one sample: pass it as
    ``strata`` (and ``None`` as ``psu``) to the functions of this module. Coding the labels
    of a national file takes longer than an estimate, and so does summing a million rows
    into PSU totals column by column: :meth:`covariance` sums every column at once with
    a sparse row-to-PSU matrix made once."""

    def __init__(self, strata_code: np.ndarray, psu_code: np.ndarray):
        self.strata_code, self.psu_code = strata_code, psu_code
        self._to_psu = self._psu_stratum = None

    @classmethod
    def of(cls, strata, psu) -> "Design":
        return cls(*design_codes(strata, psu))

    def __len__(self) -> int:
        return len(self.psu_code)

    @property
    def df(self) -> int:
        return _df(self.strata_code, self.psu_code)

    def domain_df(self, mask: np.ndarray) -> int:
        """Degrees of freedom of the domain ``mask`` (a boolean per row): PSUs holding one of
        its rows minus the strata holding one, as R ``survey``'s ``degf`` on a subset."""
        if not mask.any():
            return 0
        psus = np.count_nonzero(np.bincount(self.psu_code[mask]))
        strata = np.count_nonzero(np.bincount(self.strata_code[mask]))
        return int(psus - strata)

    def covariance(self, z: np.ndarray) -> np.ndarray:
        """:func:`design_covariance` of the columns of ``z`` (rows x k) on this design."""
        if self._to_psu is None:
            from scipy import sparse

            n = len(self.psu_code)
            self._psu_stratum = _psu_stratum(self.strata_code, self.psu_code)
            self._to_psu = sparse.csr_matrix((np.ones(n), (self.psu_code, np.arange(n))),
                                             shape=(len(self._psu_stratum), n))
        z = np.atleast_2d(np.asarray(z, dtype=float).T).T
        return _covariance_of_totals(np.asarray(self._to_psu @ z), self._psu_stratum)


def design_codes(strata, psu, n: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    """0-based integer codes of strata and of PSUs (PSUs keyed within their stratum);
    ``strata`` may be a :class:`Design` already coded (``psu`` is then ignored)."""
    if isinstance(strata, Design):
        if n is not None and len(strata.strata_code) != n:
            raise CompendiumError(key="error_survey_design_length", count=len(strata.strata_code), n=n)
        return strata.strata_code, strata.psu_code
    s = _as_array(strata, "strata", n, numeric=False)
    c = _as_array(psu, "psu", len(s), numeric=False)
    if pd.isna(s).any() or pd.isna(c).any():
        raise CompendiumError(key="error_survey_design_gaps")
    # Integer codes make the PSU totals a single bincount; PSUs are nested in strata, so
    # the (stratum, psu) pair is the PSU key even if PSU labels repeat across strata.
    s_code = pd.factorize(s)[0]
    c_raw = pd.factorize(c)[0]
    c_code = pd.factorize(s_code.astype(np.int64) * (int(c_raw.max(initial=0)) + 1) + c_raw)[0]
    return s_code, c_code


def _df(s_code: np.ndarray, c_code: np.ndarray) -> int:
    return int(c_code.max() + 1 - (s_code.max() + 1)) if len(s_code) else 0


def _design(weights, strata, psu, n: int) -> tuple[np.ndarray, Design]:
    w = _as_array(weights, "weights", n)
    if not np.all(np.isfinite(w)) or np.any(w < 0):
        raise CompendiumError(key="error_survey_weights")
    if isinstance(strata, Design):
        design_codes(strata, None, n)  # checks the length
        return w, strata
    return w, Design(*design_codes(strata, psu, n))


def design_df(strata, psu) -> int:
    """Design degrees of freedom: number of PSUs minus number of strata."""
    return _df(*design_codes(strata, psu))


def design_covariance(z: np.ndarray, strata_code: np.ndarray, psu_code: np.ndarray) -> np.ndarray:
    """Covariance matrix of the totals of the columns of ``z`` (rows x k linearised values).

    With-replacement PSUs within strata, factor ``n_h/(n_h-1)``, single-PSU strata centred
    at the grand mean of PSU totals (see module docstring). Codes are 0-based integers.
    """
    z = np.atleast_2d(np.asarray(z, dtype=float).T).T
    n_psu = int(psu_code.max()) + 1
    totals = np.column_stack([np.bincount(psu_code, z[:, j], n_psu) for j in range(z.shape[1])])
    return _covariance_of_totals(totals, _psu_stratum(strata_code, psu_code))


def _psu_stratum(strata_code: np.ndarray, psu_code: np.ndarray) -> np.ndarray:
    """The stratum code of each PSU code."""
    psu_stratum = np.zeros(int(psu_code.max()) + 1 if len(psu_code) else 0, dtype=int)
    psu_stratum[psu_code] = strata_code
    return psu_stratum


def _covariance_of_totals(totals: np.ndarray, psu_stratum: np.ndarray) -> np.ndarray:
    """The with-replacement covariance from PSU totals (one row per PSU code)."""
    n_h = np.bincount(psu_stratum)
    sums_h = np.column_stack([np.bincount(psu_stratum, totals[:, j], len(n_h)) for j in range(totals.shape[1])])
    centre = sums_h[psu_stratum] / n_h[psu_stratum, None]
    lonely = n_h[psu_stratum] == 1
    centre[lonely] = totals.mean(axis=0)
    dev = totals - centre
    factor = np.where(n_h > 1, n_h / np.maximum(n_h - 1, 1), 1.0)[psu_stratum]
    return (dev * factor[:, None]).T @ dev


def _domain_mask(y: np.ndarray, domain, n: int) -> np.ndarray:
    mask = ~np.isnan(y)
    if domain is not None:
        d = _as_array(domain, "domain", n, numeric=False)
        if pd.isna(d).any():
            raise CompendiumError(key="error_survey_domain")
        mask &= d.astype(bool)
    bad = mask & ~np.isin(y, (0.0, 1.0))
    if bad.any():
        raise CompendiumError(key="error_survey_y")
    return mask


def _ratio_scores(y: np.ndarray, w: np.ndarray, mask: np.ndarray) -> tuple[float, float, np.ndarray]:
    """Share, domain weight total and linearised values ``w*d*(y - R)/W`` of the ratio."""
    wd = np.where(mask, w, 0.0)
    total = wd.sum()
    if total <= 0:
        return float("nan"), 0.0, np.zeros_like(w)
    yd = np.where(mask, y, 0.0)
    share = float(wd @ yd / total)
    return share, float(total), wd * (yd - share) / total


@functools.lru_cache(maxsize=64)  # a few (df, level) pairs, asked for hundreds of times
def _t_quantile(df: int, level: float) -> float:
    # A design with as many strata as PSUs has no df left; fall back to the normal.
    return float(stats.t.ppf(0.5 + level / 2, df) if df > 0 else stats.norm.ppf(0.5 + level / 2))


def _logit_interval(p: float, se: float, df: int, level: float) -> tuple[float, float]:
    q = _t_quantile(df, level)
    centre = np.log(p / (1 - p))
    half = q * se / (p * (1 - p))
    return float(1 / (1 + np.exp(-(centre - half)))), float(1 / (1 + np.exp(-(centre + half))))


def _estimate(y, w, design: Design, mask, level, ratio=None, variance=None) -> tuple[ShareEstimate, np.ndarray]:
    """The share of a domain and its scores. A caller that needs several domains'
    covariance computes it once for all: it passes each domain's ``ratio``
    (:func:`_ratio_scores`) and ``variance``."""
    share, total, z = ratio or _ratio_scores(y, w, mask)
    df = design.domain_df(mask)
    n = int(mask.sum())
    count = int(np.sum(y[mask] == 1))
    if n == 0 or not np.isfinite(share):
        nan = float("nan")
        return ShareEstimate(nan, nan, nan, nan, n, count, total, nan, df, level), z
    se = float(np.sqrt(design.covariance(z)[0, 0] if variance is None else variance))
    if 0 < share < 1 and se > 0:
        low, high = _logit_interval(share, se, df, level)
        deff = se**2 / (share * (1 - share) / n)
    else:
        low, high = wilson_interval(count, n, level)
        deff = float("nan")
    return ShareEstimate(share, se, low, high, n, count, total, float(deff), df, level), z


def weighted_share(y, weights, strata, psu, *, domain=None, level: float = 0.95) -> ShareEstimate:
    """Weighted share of ``y == 1`` (fraction 0-1) with its design-based SE, CI and deff.

    ``y`` holds 0/1 with NaN for rows outside the indicator's base (e.g. not asked); those
    rows are excluded from the domain but stay in the design. ``domain`` is an optional
    boolean mask (e.g. migrants) applied the same way. Weights are sampling weights (any
    scale); strata and psu are labels, PSUs nested within strata.
    """
    y = _as_array(y, "y")
    w, design = _design(weights, strata, psu, len(y))
    return _estimate(y, w, design, _domain_mask(y, domain, len(y)), level)[0]


def mover_interval(p1: float, ci1: tuple[float, float], p2: float, ci2: tuple[float, float]) -> tuple[float, float]:
    """CI for ``p1 - p2`` from the two proportions' own CIs (MOVER, Newcombe's square-and-add).

    With Wilson intervals this is Newcombe's (1998) hybrid score interval, method 10.
    """
    d = p1 - p2
    low = d - np.sqrt((p1 - ci1[0]) ** 2 + (ci2[1] - p2) ** 2)
    high = d + np.sqrt((ci1[1] - p1) ** 2 + (p2 - ci2[0]) ** 2)
    return float(low), float(high)


def inference_df(design_df: int, df_a: int, df_b: int) -> int:
    """The df of every inference comparing two domains (difference interval, test, odds-ratio
    interval): the smaller domain df, capped at ``svyglm``'s residual df for intercept and group
    (``design_df - 1``). The module docstring gives the reason; it is the one place the rule lives."""
    return int(min(design_df - 1, df_a, df_b))


def domain_difference(y, weights, strata, psu, in_a, in_b, *, level: float = 0.95) -> DomainDifference:
    """Difference ``share(domain a) - share(domain b)`` (fractions) on the full sample.

    Both domains are estimated from the same design; because they share PSUs their
    linearised totals are correlated, and ``var(a - b) = v_a + v_b - 2 cov(a, b)``. The CI
    is ``difference +/- t(df) * se`` clipped to [-1, 1]. The test of no difference is the
    t-test of the log odds ratio (module docstring), two-sided on :func:`inference_df`, and the
    odds-ratio CI inverts it.

    When either share is exactly 0 or 1 its linearised variance is 0 and a Wald test would
    claim certainty that a small group cannot give (e.g. 0 of 8 returnees): ``se``, the odds
    ratio, ``t`` and ``p_value`` are then NaN and the CI is the MOVER combination of the two
    domains' own intervals (:func:`mover_interval`; Wilson for the degenerate domain), with
    ``method = "mover"`` instead of ``"linearised"``.
    """
    y = _as_array(y, "y")
    w, design = _design(weights, strata, psu, len(y))
    mask_a, mask_b = _domain_mask(y, in_a, len(y)), _domain_mask(y, in_b, len(y))
    # One covariance of both domains' scores gives both variances and their covariance.
    ratio_a, ratio_b = _ratio_scores(y, w, mask_a), _ratio_scores(y, w, mask_b)
    cov = design.covariance(np.column_stack([ratio_a[2], ratio_b[2]]))
    est_a, _ = _estimate(y, w, design, mask_a, level, ratio_a, cov[0, 0])
    est_b, _ = _estimate(y, w, design, mask_b, level, ratio_b, cov[1, 1])
    diff = est_a.share - est_b.share
    nan = float("nan")
    test_df = inference_df(design.df, est_a.df, est_b.df)
    if not np.isfinite(diff):
        return DomainDifference(est_a, est_b, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, test_df, level, "none")
    se = float(np.sqrt(max(cov[0, 0] + cov[1, 1] - 2 * cov[0, 1], 0.0)))
    if not (0 < est_a.share < 1 and 0 < est_b.share < 1) or se == 0:
        low, high = mover_interval(est_a.share, (est_a.ci_low, est_a.ci_high),
                                   est_b.share, (est_b.ci_low, est_b.ci_high))
        return DomainDifference(est_a, est_b, float(diff), nan, low, high, nan, nan, nan, nan, nan,
                                float(cov[0, 1]), test_df, level, "mover")
    q = _t_quantile(test_df, level)
    g_a, g_b = est_a.share * (1 - est_a.share), est_b.share * (1 - est_b.share)
    log_or = float(np.log(est_a.share / (1 - est_a.share)) - np.log(est_b.share / (1 - est_b.share)))
    log_or_se = float(np.sqrt(max(cov[0, 0] / g_a**2 + cov[1, 1] / g_b**2 - 2 * cov[0, 1] / (g_a * g_b), 0.0)))
    t = log_or / log_or_se
    p = float(2 * (stats.t.sf(abs(t), test_df) if test_df > 0 else stats.norm.sf(abs(t))))
    return DomainDifference(est_a, est_b, float(diff), se, float(np.clip(diff - q * se, -1, 1)),
                            float(np.clip(diff + q * se, -1, 1)), float(np.exp(log_or)),
                            float(np.exp(log_or - q * log_or_se)), float(np.exp(log_or + q * log_or_se)),
                            float(t), p, float(cov[0, 1]), test_df, level, "linearised")
