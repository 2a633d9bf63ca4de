"""The analysis frame: BPS person records -> a tidy, documented, person-level table.

One row per person; every 0/1 column is a float holding 0, 1 or NaN (NaN = not defined or
not asked, never "no"). Shares computed from these columns are fractions 0-1.

Design columns
    ``weight`` is the BPS person weight (Susenas ``FWT``, Sakernas ``FINAL_WEIG``).
    Susenas: ``strata`` = ``STRATA``, ``psu`` = ``PSU``. Sakernas publishes no stratum
    variable: the cluster is the sample block ``ID_NKS`` and the stratum is
    district x urban/rural (``KODE_KAB * 10 + KLASIFIKAS``), the explicit stratification of
    the Sakernas block sample; every such stratum holds at least two blocks in Jambi.

Covariates
    ``age`` in years; ``female`` 0/1; ``urban`` 0/1; ``working`` 0/1 = worked at least one
    hour in the past week (Susenas ``R702_A`` ticked, asked of persons aged 5+, younger
    children 0; Sakernas ``R9A == 1``). People temporarily absent from a job count as not
    working in both surveys, which keeps the two definitions identical.
    ``education`` is an ordered category from the highest *certificate held* (completed
    level), not the level attended:

    * none: Susenas ``R615`` 0 (never attended school, or under 5) and 22 (no
      certificate); Sakernas ``R6A`` 1;
    * primary: Susenas 1 Paket A, 2 SDLB, 3 SD, 4 MI; Sakernas 2;
    * lower_secondary: Susenas 5 Paket B, 6 SMPLB, 7 SMP, 8 MTs; Sakernas 3;
    * upper_secondary: Susenas 9 Paket C, 10 SMLB, 11 SMA, 12 MA, 13 SMK, 14 MAK;
      Sakernas 4 (general) and 5 (vocational);
    * tertiary: Susenas 15 D1/D2, 16 D3, 17 D4, 18 S1, 19 professional, 20 S2, 21 S3;
      Sakernas 6, 7, 8 (diplomas and degrees: their field-of-study codes ``R6B`` are >= 101).

    The Susenas codes were checked against ``R613`` (level attended): ``R615 == 0``
    exactly when ``R613 == 0``, and pupils attending SMP hold SD certificates. ``R613`` is
    not used for the level because attending a level is not completing it.

Migrant definitions (see :data:`MIGRANT_DEFINITIONS`); each is a 0/1 column, NaN where the
question was not asked. They are nested: returned_abroad within recent_interprovincial
within recent_interdistrict, because residence abroad 5 years ago is outside the province
and the district. Sakernas asks no birthplace, so ``lifetime`` is NaN for every Sakernas row.

Indicators (see :data:`INDICATORS`). Internet-use indicators have base = all persons:
people who did not use the internet (Susenas ``R808 = 5``; Sakernas ``R17A = 2``, no
internet use in the job) are coded 0, because not using the internet means not banking,
buying or transacting online; a share restricted to internet users would answer another
question (and select on a behaviour that itself differs by migration status).
Health-cover items are NaN for the 52 Susenas persons with no box of ``R1101`` ticked.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import CompendiumError, Said
from ..figures.labels import label

__all__ = [
    "MIGRANT_DEFINITIONS",
    "MIGRANT_DESCRIPTIONS",
    "POPULATIONS",
    "POPULATION_DESCRIPTIONS",
    "INDICATORS",
    "EDUCATION_LEVELS",
    "FRAME_COLUMNS",
    "susenas_frame",
    "sakernas_frame",
    "select_population",
    "indicators_of",
    "definitions_of",
    "check_definition",
    "check_population",
]

#: The two groups compared, in the order tables show them.
GROUPS = ("migrant", "non_migrant")

MIGRANT_DEFINITIONS = ("recent_interprovincial", "recent_interdistrict", "lifetime", "returned_abroad")

#: What each definition means, in English (the label dictionary holds it in Indonesian too).
MIGRANT_DESCRIPTIONS = {d: label(f"meaning_{d}") for d in MIGRANT_DEFINITIONS}

POPULATIONS = ("persons15", "workers15", "households")

POPULATION_DESCRIPTIONS = {
    "persons15": "persons aged 15 and over",
    "workers15": "persons aged 15 and over who worked in the past week",
    "households": "households: indicator = any member has it, migrant = any member is a migrant",
}

#: Indicators per dataset and what each means, in English (and Indonesian in the label
#: dictionary: ``meaning_<indicator>``), in the order the tables and figures list them.
INDICATORS = {
    "susenas": {i: label(f"meaning_{i}") for i in ("savings_account", "ebanking", "online_buy", "online_sell",
                                                   "health_none", "health_contributory", "health_employer")},
    "sakernas": {i: label(f"meaning_{i}") for i in ("internet_at_work",)},
}

EDUCATION_LEVELS = ("none", "primary", "lower_secondary", "upper_secondary", "tertiary")

FRAME_COLUMNS = (
    "dataset", "province", "district", "household", "head", "weight", "strata", "psu",
    "age", "female", "urban", "education", "working",
) + MIGRANT_DEFINITIONS

_SUSENAS_EDUCATION = {0: "none", 22: "none", **{c: "primary" for c in (1, 2, 3, 4)},
                      **{c: "lower_secondary" for c in (5, 6, 7, 8)},
                      **{c: "upper_secondary" for c in range(9, 15)},
                      **{c: "tertiary" for c in range(15, 22)}}
_SAKERNAS_EDUCATION = {1: "none", 2: "primary", 3: "lower_secondary", 4: "upper_secondary",
                       5: "upper_secondary", 6: "tertiary", 7: "tertiary", 8: "tertiary"}

_SUSENAS_VARS = ("R101", "R102", "R105", "R403", "R405", "R407", "R602", "R604", "R605", "R615",
                 "R701", "R702_A", "R811_E", "R811_F", "R811_H", "R1101_A", "R1101_B", "R1101_C",
                 "R1101_D", "R1101_E", "R1101_X", "FWT", "PSU", "STRATA", "SSU")
_SAKERNAS_VARS = ("KODE_PROV", "KODE_KAB", "KLASIFIKAS", "K3", "K4", "K6", "R6A", "R7", "R7_PROV",
                  "R9A", "R17A", "R17B3", "FINAL_WEIG", "ID_NKS", "NO_DSRT")
_ABROAD_SUSENAS = 40


#: ``province=ALL_PROVINCES``: every province in the file.
ALL_PROVINCES = "all"
#: BPS codes of the provinces named in the compendium's texts (Jambi: the public files; West
#: Kalimantan: the paper's province). Other codes are written as "province <code>".
PROVINCE_LABELS = {15: "province_jambi", 61: "province_kalbar", ALL_PROVINCES: "province_all"}


def definitions_table(lang: str = "en") -> pd.DataFrame:
    """The migrant definitions and what each means, in ``lang``."""
    return pd.DataFrame({"migrant_definition": list(MIGRANT_DEFINITIONS),
                         "meaning": [label(f"meaning_{d}", lang) for d in MIGRANT_DEFINITIONS]})


def indicators_table(lang: str = "en") -> pd.DataFrame:
    """The indicators of each dataset and what each means (survey question in brackets), in ``lang``."""
    return pd.DataFrame([(dataset, i, label(f"meaning_{i}", lang)) for dataset, items in INDICATORS.items() for i in items],
                        columns=["dataset", "indicator", "meaning"])


def province_name(province, lang: str) -> str:
    """The name of BPS province code ``province`` (or ``"all"``) for a reader of ``lang``."""
    key = PROVINCE_LABELS.get(province)
    return label(key, lang) if key else label("province_code", lang).format(code=province)


def _validated(df, required: tuple[str, ...], design: tuple[str, ...], label: str, province_var: str,
               province) -> pd.DataFrame:
    if not isinstance(df, pd.DataFrame):
        raise CompendiumError(key="error_variables_not_frame", dataset=label, type=type(df).__name__)
    missing = [v for v in required if v not in df.columns]
    if missing:
        raise CompendiumError(key="error_variables_lacks", dataset=label, missing=", ".join(missing))
    codes = pd.to_numeric(df[province_var], errors="coerce")
    if province != ALL_PROVINCES and (isinstance(province, bool) or not isinstance(province, (int, np.integer))):
        raise CompendiumError(key="error_variables_province_code", province=repr(province))
    if province != ALL_PROVINCES and not (codes == province).any():
        present = ", ".join(str(int(c)) for c in sorted(codes.dropna().unique()))
        raise CompendiumError(key="error_variables_province_absent", province=province, dataset=label,
                              variable=province_var, present=present or Said("error_part_none"))
    rows = df if province == ALL_PROVINCES else df.loc[codes == province]
    for var in design:
        gaps = int(rows[var].isna().sum())
        if gaps:
            raise CompendiumError(key="error_variables_design_gaps", dataset=label, variable=var, count=gaps)
    return rows


def _num(series: pd.Series) -> pd.Series:
    return pd.to_numeric(series, errors="coerce")


def _flag(condition, defined) -> np.ndarray:
    """0/1 float where ``defined``, NaN elsewhere."""
    return np.where(np.asarray(defined, dtype=bool), np.asarray(condition, dtype=float), np.nan)


def _ticked(series: pd.Series) -> np.ndarray:
    # Checkbox items hold the item letter when ticked, NaN (or an empty string) otherwise.
    text = series.astype("str")
    return (series.notna() & (text.str.strip() != "")).to_numpy(dtype=float)


def _coded(series: pd.Series, yes, no) -> np.ndarray:
    values = _num(series)
    return _flag(values == yes, values.isin([yes, no]))


def _education(codes: pd.Series, mapping: dict) -> pd.Categorical:
    return pd.Categorical(_num(codes).map(mapping), categories=EDUCATION_LEVELS, ordered=True)


def _assemble(dataset: str, columns: dict) -> pd.DataFrame:
    frame = pd.DataFrame({"dataset": dataset, **columns})
    return frame.reset_index(drop=True)


def susenas_frame(df: pd.DataFrame, province: int | str = 15) -> pd.DataFrame:
    """Tidy person-level frame from the Susenas March 2020 KOR person file, for one province
    (a BPS code) or every province in the file (``"all"``); migration is always judged
    against the person's own province of residence.

    Columns: :data:`FRAME_COLUMNS` then the Susenas :data:`INDICATORS`. Raises
    :class:`CompendiumError` when a required variable is missing or the province absent.
    """
    d = _validated(df, _SUSENAS_VARS, ("FWT", "PSU", "STRATA", "SSU"), "Susenas", "R101", province)
    r604, r605, r602 = _num(d["R604"]), _num(d["R605"]), _num(d["R602"])
    home = _num(d["R101"])
    asked_5y = r604.notna() & (r604 != 0)  # 0 = not asked (under 5)
    elsewhere = r604 != home
    health_asked = np.column_stack([_ticked(d[f"R1101_{k}"]) for k in "ABCDEX"]).any(axis=1)
    online = {name: _ticked(d[var]) for name, var in
              (("ebanking", "R811_H"), ("online_buy", "R811_E"), ("online_sell", "R811_F"))}
    return _assemble("susenas", {
        "province": home.to_numpy(),
        "district": _num(d["R102"]).to_numpy(),
        "household": d["SSU"].astype("str").to_numpy(),
        "head": (_num(d["R403"]) == 1).to_numpy(dtype=float),
        "weight": _num(d["FWT"]).to_numpy(),
        "strata": _num(d["STRATA"]).to_numpy(),
        "psu": _num(d["PSU"]).to_numpy(),
        "age": _num(d["R407"]).to_numpy(),
        "female": (_num(d["R405"]) == 2).to_numpy(dtype=float),
        "urban": (_num(d["R105"]) == 1).to_numpy(dtype=float),
        "education": _education(d["R615"], _SUSENAS_EDUCATION),
        "working": _ticked(d["R702_A"]),
        "recent_interprovincial": _flag(elsewhere, asked_5y),
        "recent_interdistrict": _flag(elsewhere | (r605 != _num(d["R102"])), asked_5y),
        "lifetime": _flag(r602 != home, r602.notna() & (r602 != 0)),
        "returned_abroad": _flag(r604 == _ABROAD_SUSENAS, asked_5y),
        "savings_account": _coded(d["R701"], 1, 5),
        **online,
        "health_none": _flag(_ticked(d["R1101_X"]), health_asked),
        "health_contributory": _flag(_ticked(d["R1101_B"]), health_asked),
        "health_employer": _flag(_ticked(d["R1101_E"]), health_asked),
    })


def sakernas_frame(df: pd.DataFrame, province: int | str = 15) -> pd.DataFrame:
    """Tidy person-level frame from the Sakernas August 2020 person file (persons 15+), for
    one province or ``"all"`` (as :func:`susenas_frame`). Strata are district x urban/rural
    within the province.

    Columns: :data:`FRAME_COLUMNS` then the Sakernas :data:`INDICATORS`; ``lifetime`` is NaN
    (no birthplace question). Raises :class:`CompendiumError` on a missing variable or
    absent province.
    """
    d = _validated(df, _SAKERNAS_VARS, ("FINAL_WEIG", "ID_NKS", "NO_DSRT", "KODE_KAB", "KLASIFIKAS"),
                   "Sakernas", "KODE_PROV", province)
    r7, r7_prov = _num(d["R7"]), _num(d["R7_PROV"])
    asked_5y = r7.isin([1, 2, 3])  # 1 same district, 2 other district, 3 abroad
    r17a = _num(d["R17A"])
    kab, area, home = _num(d["KODE_KAB"]), _num(d["KLASIFIKAS"]), _num(d["KODE_PROV"])
    return _assemble("sakernas", {
        "province": home.to_numpy(),
        "district": kab.to_numpy(),
        # Province first: cluster and household numbers restart in every province.
        "household": (home.astype("int64").astype("str") + "-" + d["ID_NKS"].astype("int64").astype("str") + "-"
                      + d["NO_DSRT"].astype("int64").astype("str")).to_numpy(),
        "head": (_num(d["K3"]) == 1).to_numpy(dtype=float),
        "weight": _num(d["FINAL_WEIG"]).to_numpy(),
        # Keyed by province too: district codes may repeat across provinces.
        "strata": ((home * 1000 + kab) * 10 + area).to_numpy(),
        "psu": _num(d["ID_NKS"]).to_numpy(),
        "age": _num(d["K6"]).to_numpy(),
        "female": (_num(d["K4"]) == 2).to_numpy(dtype=float),
        "urban": (area == 1).to_numpy(dtype=float),
        "education": _education(d["R6A"], _SAKERNAS_EDUCATION),
        "working": (_num(d["R9A"]) == 1).to_numpy(dtype=float),
        "recent_interprovincial": _flag((r7 == 3) | ((r7 == 2) & (r7_prov != home)), asked_5y),
        "recent_interdistrict": _flag(r7.isin([2, 3]), asked_5y),
        "lifetime": np.full(len(d), np.nan),
        "returned_abroad": _flag(r7 == 3, asked_5y),
        # R17B3 is asked only when R17A = 1 (internet used in the job); R17A = 0 means no job.
        "internet_at_work": np.where(r17a == 2, 0.0, _coded(d["R17B3"], 1, 2)),
    })


def _choice(value, accepted: tuple[str, ...], field: str) -> str:
    if value not in accepted:
        raise CompendiumError(key="error_variables_unknown_choice", field=Said(field), value=repr(value),
                              accepted=", ".join(accepted))
    return value


def check_population(population) -> str:
    """Return ``population`` if it is one of :data:`POPULATIONS`, else raise."""
    return _choice(population, POPULATIONS, "error_part_population")


def check_definition(definition) -> str:
    """Return ``definition`` if it is one of :data:`MIGRANT_DEFINITIONS`, else raise."""
    return _choice(definition, MIGRANT_DEFINITIONS, "error_part_migrant_definition")


def _check_frame(frame) -> None:
    if not isinstance(frame, pd.DataFrame):
        raise CompendiumError(key="error_variables_not_analysis_frame", type=type(frame).__name__)
    missing = [c for c in FRAME_COLUMNS if c not in frame.columns]
    if missing:
        raise CompendiumError(key="error_variables_frame_lacks", missing=", ".join(missing))
    if frame["dataset"].nunique() != 1 or frame["dataset"].iloc[0] not in INDICATORS:
        raise CompendiumError(key="error_variables_frame_dataset", datasets=", ".join(INDICATORS))


def indicators_of(frame: pd.DataFrame) -> tuple[str, ...]:
    """Indicator columns of a frame, in :data:`INDICATORS` order for its dataset."""
    _check_frame(frame)
    return tuple(i for i in INDICATORS[frame["dataset"].iloc[0]] if i in frame.columns)


def definitions_of(frame: pd.DataFrame) -> tuple[str, ...]:
    """Migrant definitions defined (not all NaN) in a frame; Sakernas lacks ``lifetime``."""
    _check_frame(frame)
    return tuple(d for d in MIGRANT_DEFINITIONS if frame[d].notna().any())


def _households(frame: pd.DataFrame) -> pd.DataFrame:
    # Sorting heads first lets drop_duplicates pick the head, or the first listed member
    # when no head is recorded (one Sakernas household).
    order = frame.assign(_not_head=1 - frame["head"].fillna(0)).sort_values(
        ["household", "_not_head"], kind="stable")
    heads = order.drop_duplicates("household").drop(columns="_not_head").set_index("household")
    binary = list(MIGRANT_DEFINITIONS) + list(indicators_of(frame))
    # groupby max skips NaN and is NaN only when no member has a defined value.
    anyone = frame.groupby("household", sort=False)[binary].max()
    heads[binary] = anyone.loc[heads.index, binary]
    heads["household_size"] = frame.groupby("household", sort=False).size().loc[heads.index]
    return heads.reset_index()[list(frame.columns) + ["household_size"]]


def select_population(frame: pd.DataFrame, population: str, *, keep_design: bool = False) -> pd.DataFrame:
    """Rows of ``frame`` forming ``population`` (one of :data:`POPULATIONS`).

    ``persons15`` = age >= 15; ``workers15`` = age >= 15 and working.

    ``households`` = one row per household: each indicator and migrant column is 1 if any
    member has it (0 if members are known not to, NaN if no member has a defined value);
    covariates and the weight are the head's (``head == 1``; the first listed member when
    no head is recorded), and ``household_size`` counts the members in the file (Sakernas
    holds persons 15+ only). Susenas ``FWT`` is identical for all members of a household,
    so the head's FWT is the household weight and the weights sum to the number of
    households; Sakernas person weights vary within a household, and the head's weight is
    used as an approximation.

    With ``keep_design=True`` every row of the design is kept and a boolean column
    ``in_population`` marks the population, so that domain estimation keeps every PSU.
    """
    check_population(population)
    _check_frame(frame)
    if population == "households":
        out = _households(frame)
        in_pop = np.ones(len(out), dtype=bool)
    else:
        out = frame
        in_pop = np.array(frame["age"] >= 15, dtype=bool)
        if population == "workers15":
            in_pop &= (frame["working"] == 1).to_numpy()
    if keep_design:
        return out.assign(in_population=in_pop)
    return out.loc[in_pop].reset_index(drop=True)
