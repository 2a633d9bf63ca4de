"""The analysis frame: codes, definitions, populations and one-line parameter errors."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kalbar_border.errors import CompendiumError
from kalbar_border.finance.variables import (
    EDUCATION_LEVELS,
    FRAME_COLUMNS,
    INDICATORS,
    MIGRANT_DEFINITIONS,
    POPULATIONS,
    check_definition,
    definitions_of,
    indicators_of,
    sakernas_frame,
    select_population,
    susenas_frame,
)


@pytest.fixture(scope="module")
def susenas(susenas_raw) -> pd.DataFrame:
    return susenas_frame(susenas_raw)


@pytest.fixture(scope="module")
def sakernas(sakernas_raw) -> pd.DataFrame:
    return sakernas_frame(sakernas_raw)


def test_constants():
    assert MIGRANT_DEFINITIONS == ("recent_interprovincial", "recent_interdistrict", "lifetime", "returned_abroad")
    assert POPULATIONS == ("persons15", "workers15", "households")
    assert all(isinstance(text, str) and text for ds in INDICATORS.values() for text in ds.values())


def test_susenas_frame_shape_and_design(susenas):
    assert list(susenas.columns) == list(FRAME_COLUMNS) + list(INDICATORS["susenas"])
    assert len(susenas) == 24915
    assert susenas["weight"].sum() == pytest.approx(3.6645e6, rel=1e-4)
    assert susenas["psu"].nunique() == 697 and susenas["strata"].nunique() == 22
    assert susenas["household"].nunique() == 6816
    assert list(susenas["education"].cat.categories) == list(EDUCATION_LEVELS)
    assert susenas["education"].cat.ordered and susenas["education"].notna().all()


def test_susenas_codes(susenas, susenas_raw):
    raw = susenas_raw
    # Migrant definitions: NaN for under-5s (R604 = 0), nested, abroad = R604 40.
    assert susenas["recent_interprovincial"].isna().sum() == int((raw["R604"] == 0).sum()) == 1978
    assert susenas["recent_interprovincial"].sum() == int((~raw["R604"].isin([0, 15])).sum()) == 327
    assert susenas["returned_abroad"].sum() == 10
    assert susenas["lifetime"].sum() == int((raw["R602"] != 15).sum())
    for inner, outer in [("returned_abroad", "recent_interprovincial"), ("recent_interprovincial", "recent_interdistrict")]:
        assert (susenas[inner].fillna(0) <= susenas[outer].fillna(0)).all()
    # Indicators.
    assert susenas["savings_account"].sum() == 7121 and susenas["savings_account"].isna().sum() == 1978
    assert (susenas["ebanking"].sum(), susenas["online_buy"].sum(), susenas["online_sell"].sum()) == (636, 973, 397)
    assert susenas["ebanking"].notna().all()  # base = all persons: non-users are 0
    assert susenas["health_none"].isna().sum() == 52
    assert susenas["health_none"].sum() == 11319 and susenas["health_employer"].sum() == 723
    # Covariates.
    assert susenas["working"].sum() == int(raw["R702_A"].notna().sum())
    assert susenas["female"].sum() == int((raw["R405"] == 2).sum())
    edu = pd.crosstab(raw["R615"].to_numpy(), susenas["education"].to_numpy())
    assert edu.loc[22, "none"] == 5284 and edu.loc[4, "primary"] == 50 and edu.loc[13, "upper_secondary"] == 550
    assert edu.loc[18, "tertiary"] == 1180 and (edu > 0).sum(axis=1).max() == 1


def test_sakernas_frame(sakernas, sakernas_raw):
    assert list(sakernas.columns) == list(FRAME_COLUMNS) + list(INDICATORS["sakernas"])
    assert len(sakernas) == 16368 and sakernas["weight"].sum() == pytest.approx(2703853)
    assert sakernas["lifetime"].isna().all()
    assert definitions_of(sakernas) == ("recent_interprovincial", "recent_interdistrict", "returned_abroad")
    assert sakernas["returned_abroad"].sum() == 39
    assert sakernas["recent_interdistrict"].sum() == int(sakernas_raw["R7"].isin([2, 3]).sum())
    # Pseudo-strata district x urban/rural; each holds at least two sample blocks.
    assert sakernas.groupby("strata")["psu"].nunique().min() >= 2
    assert (sakernas.groupby("psu")["strata"].nunique() == 1).all()
    # internet_at_work: NaN only where not employed (R17A = 0); no internet at work -> 0.
    assert sakernas["internet_at_work"].isna().sum() == int((sakernas_raw["R17A"] == 0).sum()) == 5727
    assert sakernas["internet_at_work"].sum() == 563
    assert indicators_of(sakernas) == ("internet_at_work",)


def test_populations(susenas):
    persons = select_population(susenas, "persons15")
    workers = select_population(susenas, "workers15")
    households = select_population(susenas, "households")
    assert len(persons) == 18299 and persons["age"].min() == 15
    assert len(workers) == 11590 and (workers["working"] == 1).all()
    assert len(households) == 6816 and households["household"].is_unique
    kept = select_population(susenas, "persons15", keep_design=True)
    assert len(kept) == len(susenas) and kept["in_population"].sum() == len(persons)


def test_households_any_member_and_head_weight():
    frame = pd.DataFrame({
        "dataset": "susenas", "province": 15, "district": 1.0, "household": ["a", "a", "a", "b", "b"],
        "head": [0.0, 1.0, 0.0, 0.0, 0.0], "weight": [5.0, 7.0, 5.0, 3.0, 4.0], "strata": 1.0,
        "psu": [1.0, 1.0, 1.0, 2.0, 2.0], "age": [10.0, 40.0, 3.0, 30.0, 25.0],
        "female": [1.0, 0.0, 1.0, 1.0, 0.0], "urban": 1.0,
        "education": pd.Categorical(["primary", "tertiary", "none", "primary", "none"], categories=EDUCATION_LEVELS, ordered=True),
        "working": [0.0, 1.0, 0.0, 1.0, 0.0],
        "recent_interprovincial": [np.nan, 0.0, np.nan, np.nan, np.nan],
        "recent_interdistrict": [1.0, 0.0, np.nan, 0.0, 0.0],
        "lifetime": 0.0, "returned_abroad": 0.0,
        "savings_account": [np.nan, 0.0, 1.0, np.nan, np.nan],
    })
    out = select_population(frame, "households").set_index("household")
    # Household a: head's weight and covariates; any member has / is.
    assert out.loc["a", "weight"] == 7.0 and out.loc["a", "age"] == 40.0
    assert out.loc["a", "savings_account"] == 1.0 and out.loc["a", "recent_interdistrict"] == 1.0
    assert out.loc["a", "recent_interprovincial"] == 0.0 and out.loc["a", "household_size"] == 3
    # Household b has no recorded head: first listed member; all-NaN stays NaN.
    assert out.loc["b", "weight"] == 3.0 and np.isnan(out.loc["b", "savings_account"])


def test_error_messages_are_one_line(susenas, susenas_raw, sakernas_raw):
    cases = [
        (lambda: select_population(susenas, "adults"),
         "population 'adults' is not known; use one of: persons15, workers15, households"),
        (lambda: check_definition("migrant"),
         "migrant definition 'migrant' is not known; use one of: recent_interprovincial, recent_interdistrict, lifetime, returned_abroad"),
        (lambda: susenas_frame(susenas_raw, province=61),
         "province 61 is not in the Susenas data (variable R101); provinces present: 15"),
        (lambda: sakernas_frame(sakernas_raw, province=61),
         "province 61 is not in the Sakernas data (variable KODE_PROV); provinces present: 15"),
        (lambda: susenas_frame(susenas_raw.drop(columns=["R604", "FWT"])),
         "Susenas data frame lacks required variables: R604, FWT"),
        (lambda: sakernas_frame(sakernas_raw.drop(columns=["ID_NKS"])),
         "Sakernas data frame lacks required variables: ID_NKS"),
        (lambda: sakernas_frame(sakernas_raw.assign(FINAL_WEIG=sakernas_raw["FINAL_WEIG"].where(sakernas_raw["K6"] < 90))),
         "Sakernas variable FINAL_WEIG is missing for "
         f"{int((sakernas_raw['K6'] >= 90).sum())} persons; weights, strata, clusters and household ids must be present for everyone"),
        (lambda: susenas_frame("SUSENAS2020.rda"),
         "Susenas data must be a pandas DataFrame of the BPS person file; got str"),
        (lambda: select_population(susenas.drop(columns=["weight"]), "persons15"),
         "analysis frame lacks required columns: weight"),
    ]
    for call, message in cases:
        with pytest.raises(CompendiumError) as err:
            call()
        assert str(err.value) == message
        assert "\n" not in str(err.value)
