"""Tables of the migrant vs non-migrant comparison, shaped for readers and the claims ledger.

Builds on :mod:`variables` (who is a migrant, which indicator) and :mod:`compare`
(design-based estimates). Shares are fractions in [0, 1]; intervals are 95 % design-based.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from . import compare, variables
from .survey import MIN_DOMAIN_DF
from .variables import GROUPS
from ..data import microdata, public_map

SUBGROUPS = {"sex": ("female", {0: "male", 1: "female"}), "area": ("urban", {0: "rural", 1: "urban"})}


def load_frames(province: int | str = 15, susenas_path: str | None = None, sakernas_path: str | None = None,
                susenas_map: str | None = None, sakernas_map: str | None = None) -> dict:
    """Analysis frames for both surveys, for one province (a BPS code) or ``"all"``. By
    default from the extracts of the verified Jambi files written by notebook 01; a path
    reads that file instead (.rda, .dta, .sav or .csv, names in any case; e.g. a West
    Kalimantan file, province 61, or a national file), with the same variables and types,
    found under the names of its variable map (``susenas_map``, ``sakernas_map``; None: the
    2020 names, :data:`~kalbar_border.data.public_map.DEFAULTS`)."""
    sus = public_map.load_mapped("susenas", susenas_path, susenas_map) if susenas_path else microdata.load_extract("susenas")
    sak = public_map.load_mapped("sakernas", sakernas_path, sakernas_map) if sakernas_path else microdata.load_extract("sakernas")
    return {"susenas": variables.susenas_frame(sus, province=province),
            "sakernas": variables.sakernas_frame(sak, province=province)}


def source_files(susenas_path: str | None = None, sakernas_path: str | None = None) -> dict[str, str]:
    """What the results of each dataset were computed from, for ``results_sources.json``: the
    verified file's name, or the user-supplied file's name marked as such (its sha256 is in the
    run record)."""
    named = {"susenas": susenas_path, "sakernas": sakernas_path}
    return {key: f"{Path(path).name} (user-supplied)" if path else microdata.DATASETS[key].filename
            for key, path in named.items()}


def provinces_of(frame: pd.DataFrame) -> list:
    """The province codes of a frame (whole numbers), in order."""
    return sorted(int(c) for c in pd.unique(frame["province"]))


def whole_sample(frame: pd.DataFrame) -> int | str:
    """The ``province`` label of the whole sample: the code when the frame holds one
    province, ``"all"`` when it holds several."""
    codes = provinces_of(frame)
    return codes[0] if len(codes) == 1 else variables.ALL_PROVINCES


def whole_sample_rows(table: pd.DataFrame) -> pd.DataFrame:
    """The rows of a comparison table about each dataset's whole sample: those labelled
    ``"all"`` where a dataset has several provinces, every row where it has one."""
    has_all = table.groupby("dataset")["province"].transform(lambda p: (p == variables.ALL_PROVINCES).any())
    return table[~has_all | (table["province"] == variables.ALL_PROVINCES)]


def _by_province(frame: pd.DataFrame):
    """(label, rows) for each province of the frame, then the whole sample when there are
    several. Strata lie within provinces, so a province's rows are a complete design."""
    codes = provinces_of(frame)
    if len(codes) > 1:
        for code in codes:
            yield code, frame.loc[frame["province"] == code].reset_index(drop=True)
    yield whole_sample(frame), frame


def compare_all(frames: dict, populations=variables.POPULATIONS, definitions=None) -> pd.DataFrame:
    """:func:`compare.compare_groups` for every dataset x province x population (wide: one
    row per definition x indicator, both groups' estimates and the tests side by side).
    ``province`` is the code, or ``"all"`` for the whole sample when a frame holds several
    provinces (each province is also compared on its own). ``p_holm_dataset`` is Holm across
    every test of the dataset and province label, beside the per-family ``p_holm``."""
    parts = []
    for frame in frames.values():
        usable = [d for d in (definitions or variables.MIGRANT_DEFINITIONS) if frame[d].notna().any()]
        for province, rows in _by_province(frame):
            for population in populations:
                part = compare.compare_groups(rows, population, usable)
                part.insert(1, "province", province)
                parts.append(part)
    out = pd.concat(parts, ignore_index=True)
    out["p_holm_dataset"] = compare.holm_within(out, ["dataset", "province"])
    return out


#: Columns of results/financial_tests.csv, in order.
TEST_COLUMNS = ["dataset", "province", "population", "definition", "indicator", "n_migrant", "n_non_migrant", "count_migrant",
                "count_non_migrant", "share_migrant", "share_non_migrant", "difference", "difference_ci_low",
                "difference_ci_high", "odds_ratio", "odds_ratio_ci_low", "odds_ratio_ci_high", "t", "p_value",
                "p_holm", "p_holm_dataset", "test_df", "cohens_h", "small_group", "fewest_events", "few_events",
                "few_df", "significant_holm", "significant_holm_dataset", "deff_difference", "family_size_dataset",
                "mde_dataset", "test", "note"]


def tests_table(wide: pd.DataFrame, alpha: float) -> pd.DataFrame:
    """The tests of :func:`compare_all`, one row per comparison, with two significance flags:
    ``significant_holm`` (Holm within the dataset x population x definition family) and
    ``significant_holm_dataset`` (Holm across every test of the dataset), each at family-wise
    error ``alpha``. A row flagged ``small_group``, ``few_events`` or ``few_df`` is never significant.

    ``test_df`` is the df each test used (:func:`~kalbar_border.finance.survey.inference_df`).
    Every tested row gets ``mde_dataset``: the minimum detectable difference (fraction 0-1) at
    :data:`~kalbar_border.finance.compare.POWER` for the dataset-wide family (``alpha`` over
    ``family_size_dataset``, its number of tests: Holm's first step) and the row's design
    effect ``deff_difference`` (:func:`~kalbar_border.finance.compare.minimum_detectable_difference`)."""
    readable = ~wide["small_group"] & ~wide["few_events"] & ~wide["few_df"]
    tested = wide["p_value"].notna()
    size = tested.groupby([wide["dataset"], wide["province"].astype(str)]).transform("sum")
    deff = [compare.difference_deff(r.difference_se, r.share_migrant, r.n_migrant, r.share_non_migrant,
                                    r.n_non_migrant) for r in wide.itertuples()]
    mde = [compare.minimum_detectable_difference(r.share_migrant, r.n_migrant, r.share_non_migrant, r.n_non_migrant,
                                                 d, alpha / m) if ok else float("nan")
           for r, d, m, ok in zip(wide.itertuples(), deff, size, tested)]
    return wide.assign(significant_holm=(wide["p_holm"] < alpha) & readable,
                       significant_holm_dataset=(wide["p_holm_dataset"] < alpha) & readable,
                       deff_difference=deff, family_size_dataset=size.astype(int), mde_dataset=mde)[TEST_COLUMNS]


def to_long(wide: pd.DataFrame) -> pd.DataFrame:
    """Wide comparison rows -> one row per group, the columns of financial_comparison.csv."""
    rows = []
    for _, r in wide.iterrows():
        for group in GROUPS:
            rows.append({"dataset": r["dataset"], "province": r["province"], "population": r["population"],
                         "migrant_definition": r["definition"],
                         "indicator": r["indicator"], "group": group, "n_unweighted": r[f"n_{group}"],
                         "count_unweighted": r[f"count_{group}"], "share_weighted": r[f"share_{group}"],
                         "ci_low": r[f"ci_low_{group}"], "ci_high": r[f"ci_high_{group}"], "deff": r[f"deff_{group}"],
                         "df": r[f"df_{group}"], "few_df": r[f"df_{group}"] < MIN_DOMAIN_DF})
    extra = [c for c in wide.columns if c.startswith("subgroup")]
    out = pd.DataFrame(rows)
    if extra:
        out = pd.concat([wide.loc[wide.index.repeat(2), extra].reset_index(drop=True), out], axis=1)
    return out


def by_subgroup(frames: dict, population: str = "persons15", definition: str = "recent_interprovincial") -> pd.DataFrame:
    """Shares by sex and by urban/rural as domains: indicators are blanked outside the
    subgroup instead of dropping rows, so every PSU stays in the variance estimate."""
    parts = []
    for frame in frames.values():
        for name, (column, values) in SUBGROUPS.items():
            for code, value in values.items():
                masked = frame.copy()
                outside = masked[column] != code
                for indicator in variables.indicators_of(frame):
                    masked.loc[outside, indicator] = float("nan")
                wide = compare.compare_groups(masked, population, [definition])
                wide.insert(1, "province", whole_sample(frame))
                wide.insert(0, "subgroup", name)
                wide.insert(1, "subgroup_value", value)
                parts.append(wide)
    return pd.concat(parts, ignore_index=True)


def models_all(frames: dict, populations=("persons15", "workers15"), definitions=None) -> pd.DataFrame:
    """Adjusted weighted logistic models for every dataset x population x definition x
    indicator, on the whole sample of each frame (``province``: its label, see
    :func:`whole_sample`)."""
    parts = []
    for frame in frames.values():
        usable = [d for d in (definitions or variables.MIGRANT_DEFINITIONS)
                  if frame[d].notna().any() and d != "returned_abroad"]  # tiny n: reported, not modelled
        for population in populations:
            part = compare.adjusted_models(frame, population, usable)
            part.insert(1, "province", whole_sample(frame))
            parts.append(part)
    return pd.concat(parts, ignore_index=True)
