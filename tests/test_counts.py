"""Aggregated-table path: published worked examples, test identities, CSV errors, real data."""
from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from kalbar_border.finance.counts import (
    compare_counts,
    newcombe_interval,
    pearson_chi2,
    read_counts,
    two_proportion_z,
    woolf_odds_ratio,
)
from kalbar_border.finance.compare import compare_groups
from kalbar_border.errors import CompendiumError
from kalbar_border.finance.variables import select_population
from kalbar_border.finance.survey import domain_difference, weighted_share

HEADER = "indicator,group,n,count\n"


def _csv(tmp_path, body: str, name: str = "counts.csv"):
    path = tmp_path / name
    path.write_text(HEADER + body, encoding="utf-8")
    return path


@pytest.mark.parametrize("counts, expected", [
    # Newcombe RG (1998), Stat Med 17:873-890, Table II, method 10 (hybrid score).
    ((56, 70, 48, 80), (0.0524, 0.3339)),
    ((9, 10, 3, 10), (0.1705, 0.8090)),
    ((5, 56, 0, 29), (-0.0381, 0.1926)),
    ((10, 10, 0, 20), (0.6791, 1.0000)),
])
def test_newcombe_published_examples(counts, expected):
    assert newcombe_interval(*counts) == pytest.approx(expected, abs=5e-5)


def test_worked_example_end_to_end(tmp_path):
    path = _csv(tmp_path, "savings,migrant,70,56\nsavings,non_migrant,80,48\n")
    row = compare_counts(path).iloc[0]
    assert row["difference"] == pytest.approx(0.2)
    assert (row["difference_ci_low"], row["difference_ci_high"]) == pytest.approx((0.0524, 0.3339), abs=5e-5)
    assert row["odds_ratio"] == pytest.approx(56 * 32 / (14 * 48))
    log_se = np.sqrt(1 / 56 + 1 / 14 + 1 / 48 + 1 / 32)
    assert row["odds_ratio_ci_low"] == pytest.approx(np.exp(np.log(8 / 3) - 1.959964 * log_se), rel=1e-6)
    assert not row["odds_ratio_corrected"] and not row["small_group"]


@pytest.mark.parametrize("counts", [(56, 70, 48, 80), (3, 12, 40, 300), (0, 9, 25, 60), (120, 400, 95, 410)])
def test_z_squared_equals_uncorrected_chi_square(counts):
    z, p_z = two_proportion_z(*counts)
    chi2, p_chi2 = pearson_chi2(*counts)
    c1, n1, c2, n2 = counts
    reference = stats.chi2_contingency([[c1, n1 - c1], [c2, n2 - c2]], correction=False)
    assert z**2 == pytest.approx(chi2, rel=1e-10)
    assert p_z == pytest.approx(p_chi2, rel=1e-8)
    assert chi2 == pytest.approx(reference[0], rel=1e-12)


def test_woolf_zero_cell_correction():
    odds, low, high, corrected = woolf_odds_ratio(0, 9, 25, 60)
    assert corrected
    assert odds == pytest.approx((0.5 * 35.5) / (9.5 * 25.5))
    assert low < odds < high
    assert woolf_odds_ratio(1, 9, 25, 60)[3] is False


@pytest.mark.parametrize("body, message", [
    ("savings,migrants,70,56\nsavings,non_migrant,80,48\n",
     "counts file counts.csv, row 1 (line 2), field 'group' is 'migrants'; expected one of: migrant, non_migrant"),
    ("savings,migrant,70,56\nsavings,non_migrant,-80,48\n",
     "counts file counts.csv, row 2 (line 3), field 'n' is '-80'; expected a whole number >= 1"),
    ("savings,migrant,70,71\nsavings,non_migrant,80,48\n",
     "counts file counts.csv, row 1 (line 2), field 'count' is '71'; expected a whole number from 0 to n = 70"),
    ("savings,migrant,70,5.5\nsavings,non_migrant,80,48\n",
     "counts file counts.csv, row 1 (line 2), field 'count' is '5.5'; expected a whole number from 0 to n = 70"),
    (",migrant,70,5\n",
     "counts file counts.csv, row 1 (line 2), field 'indicator' is empty; expected an indicator name"),
    ("savings,migrant,70,56\nsavings,migrant,70,50\n",
     "counts file counts.csv, row 2 (line 3): indicator 'savings', group 'migrant' repeats row 1; "
     "expected one row per indicator and group"),
    ("savings,migrant,70,56\n",
     "counts file counts.csv: indicator 'savings' has no row for group 'non_migrant'; expected both migrant and non_migrant"),
    ("", "counts file counts.csv has no data rows; expected one row per indicator and group"),
])
def test_csv_errors_name_file_row_and_field(tmp_path, body, message):
    with pytest.raises(CompendiumError) as err:
        read_counts(_csv(tmp_path, body))
    assert str(err.value) == message


def test_csv_missing_column_and_file(tmp_path):
    path = tmp_path / "counts.csv"
    path.write_text("indicator,group,size,count\nsavings,migrant,70,56\n", encoding="utf-8")
    with pytest.raises(CompendiumError) as err:
        read_counts(path)
    assert str(err.value) == "counts file counts.csv lacks columns: n; expected header indicator,group,n,count"
    with pytest.raises(CompendiumError) as err:
        read_counts(tmp_path / "absent.csv")
    assert str(err.value) == f"counts file {tmp_path / 'absent.csv'} not found; expected a CSV with columns indicator, group, n, count"


def test_aggregated_path_agrees_with_unweighted_microdata(susenas, tmp_path):
    indicators = ["savings_account", "ebanking", "health_none"]
    design = select_population(susenas, "persons15", keep_design=True)
    migrant = design["recent_interprovincial"]
    lines = []
    for indicator in indicators:
        for group, flag in (("migrant", 1), ("non_migrant", 0)):
            rows = design.loc[design["in_population"] & (migrant == flag), indicator].dropna()
            lines.append(f"{indicator},{group},{len(rows)},{int(rows.sum())}\n")
    table = compare_counts(_csv(tmp_path, "".join(lines))).set_index("indicator")
    microdata = compare_groups(susenas, "persons15", ["recent_interprovincial"], indicators).set_index("indicator")
    ones = np.ones(len(design))
    for indicator in indicators:
        y = design[indicator]
        mig = design["in_population"] & (migrant == 1)
        non = design["in_population"] & (migrant == 0)
        unweighted = weighted_share(y, ones, design["strata"], design["psu"], domain=mig)
        diff = domain_difference(y, ones, design["strata"], design["psu"], mig, non)
        row = table.loc[indicator]
        assert row["share_migrant"] == pytest.approx(unweighted.share, rel=1e-12)
        assert row["difference"] == pytest.approx(diff.difference, rel=1e-12)
        assert row["n_migrant"] == microdata.loc[indicator, "n_migrant"] == unweighted.n_unweighted
        assert row["count_non_migrant"] == microdata.loc[indicator, "count_non_migrant"]
        assert row["difference_ci_low"] < row["difference"] < row["difference_ci_high"]
