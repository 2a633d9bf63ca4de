"""A second, independent route for the comparison's intervals and tests: R's ``survey`` package.

Shares with their logit intervals and domain degrees of freedom must equal ``svyciprop`` on the
subset design; the test of no difference must equal ``svyglm``'s test of the group flag and the
difference's interval ``svycontrast`` on ``svyby``, both on the same df (the compendium's one rule,
:func:`kalbar_border.finance.survey.inference_df`, written out again in R). Skipped where R or its survey package is missing (Debian:
``apt-get install r-base-core r-cran-survey``), except under CI (``CI=true``), where ``.ci/run``
installs them and a missing one fails; the Python route is the one users run.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from kalbar_border.finance import compare
from kalbar_border.finance.variables import select_population

SCRIPT = Path(__file__).parent / "r" / "crosscheck.R"


def _has_r_survey() -> bool:
    if shutil.which("Rscript") is None:
        return False
    return subprocess.run(["Rscript", "-e", "library(survey)"], capture_output=True).returncode == 0


HAS_R_SURVEY = _has_r_survey()
#: CI (which sets CI=true) installs R and its survey package: there a missing one fails, never skips.
IN_CI = os.environ.get("CI") == "true"
pytestmark = pytest.mark.skipif(not HAS_R_SURVEY and not IN_CI, reason="Rscript with the survey package not found")


@pytest.fixture(scope="module", autouse=True)
def _r_in_ci():  # module scope: before the module-scoped fixtures that call R
    if not HAS_R_SURVEY:
        pytest.fail("CI=true but Rscript with the survey package was not found: the cross-check against R must run in CI")

#: Every definition, including the tiny returnees group whose domain has few degrees of freedom.
DEFINITIONS = ["recent_interprovincial", "returned_abroad"]
INDICATORS = ["savings_account", "online_sell", "health_none"]


@pytest.fixture(scope="module")
def both_routes(susenas, tmp_path_factory):
    design = select_population(susenas, "persons15", keep_design=True)
    columns = ["weight", "strata", "psu", "in_population", *DEFINITIONS, *INDICATORS]
    folder = tmp_path_factory.mktemp("r-crosscheck")
    design[columns].assign(in_population=design["in_population"].astype(int)).to_csv(folder / "frame.csv", index=False)
    env = {**os.environ, "CROSSCHECK_DEFINITIONS": ",".join(DEFINITIONS), "CROSSCHECK_INDICATORS": ",".join(INDICATORS)}
    done = subprocess.run(["Rscript", str(SCRIPT), str(folder / "frame.csv"), str(folder / "r.csv")],
                          capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    ours = compare.compare_groups(susenas, "persons15", DEFINITIONS, INDICATORS)
    return ours, pd.read_csv(folder / "r.csv")


def test_shares_intervals_and_domain_df_equal_svyciprop(both_routes):
    ours, theirs = both_routes
    checked = 0
    for r in theirs.query("what == 'share'").itertuples():
        row = ours.query("definition == @r.definition and indicator == @r.indicator").iloc[0]
        group = "migrant" if r.group == 1 else "non_migrant"
        assert row[f"df_{group}"] == r.df, (r.definition, r.indicator, group)
        assert row[f"share_{group}"] == pytest.approx(r.value, rel=1e-9, abs=1e-9)  # R: 2e-11 for 0 of 8
        # svyciprop has no interval at 0 or 1 (ours falls back to Wilson there), and on one or two
        # df its upper limit overflows to NaN where ours is (0.0004, 0.99999): compare finite ones.
        if 0 < r.value < 1 and np.isfinite(r.ci_high):
            assert (row[f"ci_low_{group}"], row[f"ci_high_{group}"]) == pytest.approx((r.ci_low, r.ci_high), rel=1e-6)
            checked += 1
    assert checked >= 8
    # The returnees' domain is a handful of PSUs: its df is small, and R agrees.
    returnees = ours.query("definition == 'returned_abroad'")
    assert (returnees["df_migrant"] < compare.MIN_DOMAIN_DF).all() and returnees["few_df"].all()


def test_log_odds_test_equals_svyglm(both_routes):
    ours, theirs = both_routes
    tests = theirs.query("what == 'test'")
    compared = 0
    for r in tests.itertuples():
        row = ours.query("definition == @r.definition and indicator == @r.indicator").iloc[0]
        if np.isnan(row["p_value"]):
            continue  # a share of 0 or 1: no design-based test (svyglm's estimate diverges there)
        assert row["test_df"] == r.df
        # R's glm stops at a deviance change of 1e-8: with a handful of events (7 of 8 returnees)
        # that leaves the fifth digit of p; elsewhere the two routes agree to the sixth.
        assert row["p_value"] == pytest.approx(r.value, rel=1e-4 if row["few_events"] else 1e-6)
        compared += 1
    assert compared >= 4


def test_difference_interval_equals_svycontrast_on_the_same_df(both_routes):
    ours, theirs = both_routes
    compared = 0
    for r in theirs.query("what == 'difference'").itertuples():
        row = ours.query("definition == @r.definition and indicator == @r.indicator").iloc[0]
        assert row["difference"] == pytest.approx(r.value, rel=1e-9, abs=1e-12)
        if row["difference_ci_method"] != "linearised":
            continue  # a share of 0 or 1: MOVER on the domain intervals, which svycontrast does not give
        assert row["test_df"] == r.df
        low, high = max(r.ci_low, -1), min(r.ci_high, 1)
        assert (row["difference_ci_low"], row["difference_ci_high"]) == pytest.approx((low, high), rel=1e-6, abs=1e-12)
        compared += 1
    assert compared >= 4
    # The returnees' difference and test use their own few df, as their share interval does.
    returnees = ours.query("definition == 'returned_abroad'")
    assert (returnees["test_df"] <= returnees["df_migrant"]).all()
