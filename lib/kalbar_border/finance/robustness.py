"""Robustness of the migrant vs non-migrant differences: one row per comparison, saying
whether it can be judged at all (``eligible``), whether the test, the primary family of
tests, the small-sample rules and the adjusted model agree, and if not, what disagrees and
whether the row is *inconclusive* or shows *no difference*.

Inputs are the tests table (:func:`kalbar_border.finance.tables.tests_table`,
``results/financial_tests.csv``) and the models table
(:func:`kalbar_border.finance.tables.models_all`, ``results/financial_models.csv``); only
their whole-sample rows are used (:func:`~kalbar_border.finance.tables.whole_sample_rows`).
Differences and AMEs are fractions 0-1 (migrants minus non-migrants); texts write them in
percentage points. Intervals are the tables' 95 % design-based ones.

The multiplicity family the reader should use is the **dataset-wide** family
(:data:`PRIMARY_FAMILY`), Holm across every test of a dataset (``p_holm_dataset``). It was
made primary on 2026-12-05, *after* the results had been seen (the ``analysis_choices``
entry ``holm_family`` of ``claims.yml`` discloses it; :func:`analysis_choices` reads them).
The reason: the compendium tests every indicator under four migrant definitions and three
populations, and no definition was designated before the data were seen; a reader who picks,
after looking, the definition whose line looks best has run every test in the dataset, and
only the dataset-wide family protects that reading. The per-definition family (``p_holm``,
Holm within dataset x population x definition) protects only a reader who committed to one
definition beforehand; it is shown beside it (``significant_family``), never instead of it.

**Eligible** (:func:`ineligible_reason`): a row can hold only when it has a design-based test
on enough degrees of freedom and an adjusted model. Ineligible rows, with the first reason
that applies: ``zero_cell`` (a group's share is 0 or 1: no design variance, no test),
``no_test`` (no test for another reason, e.g. an empty group), ``few_df`` (a group's domain
has fewer than :data:`~kalbar_border.finance.survey.MIN_DOMAIN_DF` df), ``no_model`` (no
adjusted model was fitted or estimable: reported as "not modelled", never as disagreement).
"Holds" is counted as *k of n eligible*. Workers 15+ are a subset of persons 15+, so the same
difference can hold in both rows: :func:`distinct_holding` counts each
dataset x definition x indicator once.

A difference **holds** (:func:`holds`) only where everything agrees: it is significant in
the dataset-wide family; it is flagged neither ``small_group``, ``few_events`` nor ``few_df``
(by the test or by the model); the adjusted average marginal effect (AME) has a 95 % CI that
excludes 0; and that AME has the sign of the raw difference (rule fixed on 2026-12-05 after
the results were seen: ``analysis_choices`` entry ``holds_rule``). Otherwise ``disagreement``
names what disagrees (:func:`reasons`), in English in the CSV and in the reader's language on
display (:func:`disagreement`, texts in the label dictionary, ``robust_<reason>``).

**Verdict** (:func:`verdict`) of an eligible row that does not hold: ``no_difference_shown``
when the whole 95 % interval of the raw difference lies within +-:data:`EQUIVALENCE_MARGIN`,
else ``inconclusive`` (the data neither show a difference nor rule out one of the margin's
size). The margin is C5's (``claims.yml``, ``margin_pp``): 5 percentage points, the smallest
gap a policy reading of "differs" would act on; the ``analysis_choices`` entry
``equivalence_margin`` gives its date. Ineligible rows have the verdict ``not_eligible``.
Each tested row also carries the tests table's minimum detectable difference
(``mde_dataset``, :func:`~kalbar_border.finance.compare.minimum_detectable_difference`).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .. import texts
from ..figures.labels import label
from ..numbers import date_text
from . import compare, tables
from .survey import MIN_DOMAIN_DF

__all__ = ["PRIMARY_FAMILY", "EQUIVALENCE_MARGIN", "INELIGIBLE", "VERDICTS", "COLUMNS", "robustness_table",
           "ineligible_reason", "verdict", "reasons", "disagreement", "localized", "holding", "distinct_holding",
           "analysis_choices", "choice_values", "choice_text", "summary"]

#: The Holm family a reader uses to call a difference significant: ``"dataset"`` (every test
#: of the dataset: indicators x definitions x populations), made primary on 2026-12-05 after
#: the results were seen (module docstring; ``analysis_choices`` entry ``holm_family``).
PRIMARY_FAMILY = "dataset"

#: Equivalence margin (fraction 0-1): a non-holding eligible row whose 95 % interval lies wholly
#: within +-this shows no difference; any wider one is inconclusive. C5's margin (``margin_pp``).
EQUIVALENCE_MARGIN = 0.05

#: Why a row is not eligible, in the order they are checked.
INELIGIBLE = ("zero_cell", "no_test", "few_df", "no_model")

#: The verdict of a row.
VERDICTS = ("holds", "inconclusive", "no_difference_shown", "not_eligible")

#: Columns of results/financial_robustness.csv, in order.
COLUMNS = ["dataset", "province", "population", "definition", "indicator", "n_migrant", "difference",
           "difference_ci_low", "difference_ci_high", "p_value", "p_holm", "p_holm_dataset", "significant_family",
           "significant_dataset", "small_group", "few_events", "few_df", "test_df", "mde_dataset", "ame", "ame_ci_low",
           "ame_ci_high", "ame_excludes_zero", "eligible", "ineligible_reason", "holds", "verdict", "disagreement"]

KEYS = ["dataset", "province", "population", "definition", "indicator"]


def _models_by_key(models: pd.DataFrame) -> pd.DataFrame:
    # Province labels are codes or "all"; read back from CSV they may be text or numbers.
    rows = tables.whole_sample_rows(models)
    return rows.assign(province=rows["province"].astype(str))[
        [*KEYS, "ame", "ame_ci_low", "ame_ci_high", "small_group", "few_events"]].rename(
        columns={"small_group": "model_small_group", "few_events": "model_few_events"})


def robustness_table(tests: pd.DataFrame, models: pd.DataFrame) -> pd.DataFrame:
    """One row per dataset x population x definition x indicator of the whole sample, the
    :data:`COLUMNS`.

    ``tests``: :func:`~kalbar_border.finance.tables.tests_table` output (or its CSV);
    ``models``: :func:`~kalbar_border.finance.tables.models_all` output (or its CSV). A
    comparison without a model (households, returnees from abroad, or a population not
    modelled) keeps its test columns with NaN AME columns and ``ame_excludes_zero`` missing
    (``pd.NA``). ``significant_family`` / ``significant_dataset`` are the tests table's
    ``significant_holm`` / ``significant_holm_dataset``. ``small_group`` and ``few_events``
    are true when the test's or the model's row carries the flag (an AME resting on fewer
    than 10 events is not read either); ``few_df`` is the test's.
    """
    rows = tables.whole_sample_rows(tests)
    out = rows.assign(province=rows["province"].astype(str)).merge(_models_by_key(models), on=KEYS, how="left",
                                                                   validate="one_to_one")
    out["province"] = rows["province"].to_numpy()  # the tests' own label back, as written there
    has_model = out["ame"].notna().to_numpy()
    excludes = (out["ame_ci_low"] > 0) | (out["ame_ci_high"] < 0)
    out["ame_excludes_zero"] = pd.array(np.where(has_model, excludes, None), dtype="boolean")
    out["small_group"] = out["small_group"].astype(bool) | out["model_small_group"].eq(True)
    out["few_events"] = out["few_events"].astype(bool) | out["model_few_events"].eq(True)
    out["few_df"] = out["few_df"].astype(bool)
    out["significant_family"] = out["significant_holm"].astype(bool)
    out["significant_dataset"] = out["significant_holm_dataset"].astype(bool)
    records = out.to_dict("records")
    out["ineligible_reason"] = [ineligible_reason(r) for r in records]
    out["eligible"] = out["ineligible_reason"].eq("")
    out["holds"] = [holds(r) for r in records]
    out["verdict"] = [verdict(r) for r in out.to_dict("records")]
    out["disagreement"] = [disagreement(r, "en") for r in out.to_dict("records")]
    return out[COLUMNS].reset_index(drop=True)


def _true(value) -> bool:
    """A flag that may be missing (``pd.NA``, NaN, None): only an actual True counts."""
    return value is True or (isinstance(value, (bool, np.bool_)) and bool(value))


def ineligible_reason(row) -> str:
    """Why ``row`` (a tests-table row merged with its model) cannot hold: the first of
    :data:`INELIGIBLE` that applies, or "" when it is eligible (module docstring)."""
    if pd.isna(row["p_value"]):
        return "zero_cell" if "zero cell" in str(row.get("note", "")) else "no_test"
    if _true(row["few_df"]):
        return "few_df"
    if pd.isna(row["ame"]):
        return "no_model"
    return ""


def verdict(row) -> str:
    """One of :data:`VERDICTS` for ``row`` (with ``eligible``, ``holds`` and the difference's CI)."""
    if not _true(row["eligible"]):
        return "not_eligible"
    if _true(row["holds"]):
        return "holds"
    within = -EQUIVALENCE_MARGIN <= row["difference_ci_low"] and row["difference_ci_high"] <= EQUIVALENCE_MARGIN
    return "no_difference_shown" if within else "inconclusive"


def holds(row) -> bool:
    """Whether the difference of ``row`` (a mapping with the :data:`COLUMNS` inputs) holds:
    significant in the dataset-wide family, no small-group/few-events/few-df flag, an AME
    whose 95 % CI excludes 0, with the sign of the raw difference."""
    if not _true(row["significant_dataset"]) or any(_true(row[f]) for f in ("small_group", "few_events", "few_df")):
        return False
    if not _true(row["ame_excludes_zero"]):
        return False
    return bool(np.sign(row["ame"]) == np.sign(row["difference"]) != 0)


def reasons(row) -> list[tuple[str, dict]]:
    """What disagrees in ``row``, as (reason, values) pairs; the reason names the label
    ``robust_<reason>`` and the values fill its placeholders. Empty when the difference holds
    or when nothing points to a difference (see the module docstring). Reasons, in order:

    * ``small_group``, ``few_events``, ``few_df``: a flag that keeps the row out of every
      significance statement (``n_migrant``, and the thresholds of
      :mod:`~kalbar_border.finance.compare` and :mod:`~kalbar_border.finance.survey`);
    * the test: ``no_test`` (a share is 0 or 1), ``family_only`` (significant in its
      definition's family, not dataset-wide), ``not_significant`` (in neither family; only for
      rows without a flag, whose reasons already say why nothing is called significant);
    * the adjusted model: ``ame_includes_zero``, ``ame_opposite_sign``, or ``ame_excludes_zero`` when the AME is
      the one pointing to a difference the test does not confirm. A missing model is not a
      disagreement: the row is not eligible (``no_model``) and nothing is said of the model.
    """
    if holds(row):
        return []
    has_model = not pd.isna(row["ame_excludes_zero"])
    significant = _true(row["significant_family"]) or _true(row["significant_dataset"])
    if has_model and not significant and not _true(row["ame_excludes_zero"]):
        return []  # nothing points to a difference
    values = {"n_migrant": int(row["n_migrant"]), "small_n": compare.SMALL_N, "small_expected": compare.SMALL_EXPECTED,
              "few": compare.FEW_EVENTS, "few_low_deff": 2 * compare.FEW_EVENTS, "min_df": MIN_DOMAIN_DF, "p_holm": row["p_holm"],
              "p_holm_dataset": row["p_holm_dataset"], "ame": row["ame"], "ame_ci_low": row["ame_ci_low"],
              "ame_ci_high": row["ame_ci_high"]}
    found = [flag for flag in ("small_group", "few_events", "few_df") if _true(row[flag])]
    if pd.isna(row["p_value"]):
        found.append("no_test")
    elif _true(row["significant_family"]) and not _true(row["significant_dataset"]):
        found.append("family_only")
    elif not significant and not found:
        found.append("not_significant")
    if not has_model:
        pass  # not modelled: the row is not eligible (ineligible_reason), not in disagreement
    elif not _true(row["ame_excludes_zero"]):
        found.append("ame_includes_zero")
    elif np.sign(row["ame"]) != np.sign(row["difference"]):
        found.append("ame_opposite_sign")
    elif not _true(row["significant_dataset"]):
        found.append("ame_excludes_zero")
    return [(reason, values) for reason in found]


def disagreement(row, lang: str = "en", sep: str = "; ") -> str:
    """What disagrees in ``row``, in ``lang`` (en, id): the :func:`reasons` joined by ``sep``,
    numbers written for ``lang``; "" when nothing does."""
    return sep.join(texts.fill(label(f"robust_{reason}", lang), values, lang) for reason, values in reasons(row))


def localized(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """``table`` (:func:`robustness_table` output) with ``disagreement`` in ``lang``, for
    display; results/ keeps the English text."""
    if lang == "en":
        return table
    return table.assign(disagreement=[disagreement(r, lang) for r in table.to_dict("records")])


def distinct_holding(table: pd.DataFrame) -> int:
    """How many distinct dataset x definition x indicator differences hold: a difference that
    holds for persons 15+ and for its subset workers 15+ counts once."""
    rows = table[table["holds"]]
    return int(rows[["dataset", "definition", "indicator"]].drop_duplicates().shape[0])


def analysis_choices(path=None) -> dict[str, dict]:
    """The dated analysis choices of ``claims.yml`` (its ``analysis_choices`` list), by id:
    each with ``choice``, ``fixed`` (the date), ``results_seen`` and ``reason`` (English; in another
    language through :func:`choice_said`)."""
    import yaml

    from .. import paths

    with open(path or paths.CLAIMS, encoding="utf-8") as handle:
        entries = yaml.safe_load(handle).get("analysis_choices") or []
    return {entry["id"]: entry for entry in entries}


def choice_values(path=None) -> dict:
    """What an analysis choice's text may cite, so that it never repeats a number that could
    drift from the rule it states: each claim's rule parameters as ``<id>.<name>``
    (``C2.min_turns``; a licensed check's as ``C5.licensed.margin_pp``) and the equivalence
    margin in percentage points (``finance.equivalence_margin_pp``) and the fewest yes or no
    answers a group needs before it is flagged as having few events (``finance.few_events``)."""
    import yaml

    from .. import paths

    with open(path or paths.CLAIMS, encoding="utf-8") as handle:
        claims = yaml.safe_load(handle).get("claims") or []
    values = {"finance.equivalence_margin_pp": round(100 * EQUIVALENCE_MARGIN, 10),
              "finance.few_events": compare.FEW_EVENTS}
    for entry in claims:
        rule = entry["rule"]
        for prefix, part in ((entry["id"], rule), (f"{entry['id']}.licensed", rule.get("licensed") or {})):
            values.update({f"{prefix}.{k}": v for k, v in part.items() if isinstance(v, (int, float))
                           and not isinstance(v, bool)})
    return values


def choice_text(key: str, lang: str = "en", path=None) -> str:
    """The ``analysis_choices`` entry ``key`` of ``claims.yml`` as one sentence in ``lang``: the
    choice, the day it was fixed, whether the results had been seen, and the reason; numbers
    come from the rules (:func:`choice_values`)."""
    entry = analysis_choices(path)[key]
    seen = label("choice_results_seen" if entry["results_seen"] else "choice_results_unseen", lang)
    values = choice_values(path)
    return label("choice_quote", lang).format(choice=texts.fill(choice_said(entry, "choice", lang), values, lang),
                                              fixed=date_text(entry["fixed"], lang), seen=seen,
                                              reason=texts.fill(choice_said(entry, "reason", lang), values, lang))


def choice_said(entry: dict, field_name: str, lang: str = "en") -> str:
    """The text ``field_name`` (``choice`` or ``reason``) of an analysis choice in ``lang``, as
    written (placeholders unfilled): its translation is in the catalogue, as every ledger text's."""
    from .. import claims

    return claims.said(entry[field_name], lang, "analysis_choices", entry["id"], field_name)


def summary(table: pd.DataFrame) -> dict:
    """What notebook 06 records of the robustness table (``finance.robustness.*``): tested and
    eligible rows, why the others are not eligible, how many hold (and how many distinct
    differences, persons 15+ and its subset workers 15+ counted once), the verdicts of the
    rest, and the range of the minimum detectable differences (fractions) over eligible rows."""
    eligible = table[table["eligible"]]
    mde = eligible["mde_dataset"].dropna()
    out = {"finance.robustness.rows": len(table), "finance.robustness.comparisons": int(table["p_value"].notna().sum()),
           "finance.robustness.eligible": len(eligible)}
    for reason in INELIGIBLE:
        out[f"finance.robustness.ineligible_{reason}"] = int(table["ineligible_reason"].eq(reason).sum())
    out.update({"finance.robustness.holds": int(table["holds"].sum()),
                "finance.robustness.holds_distinct": distinct_holding(table),
                "finance.robustness.inconclusive": int(table["verdict"].eq("inconclusive").sum()),
                "finance.robustness.no_difference_shown": int(table["verdict"].eq("no_difference_shown").sum()),
                "finance.robustness.equivalence_margin": EQUIVALENCE_MARGIN,
                "finance.robustness.mde_min": float(mde.min()) if len(mde) else None,
                "finance.robustness.mde_median": float(mde.median()) if len(mde) else None,
                "finance.robustness.mde_max": float(mde.max()) if len(mde) else None,
                "finance.robustness.primary_family": PRIMARY_FAMILY,
                "finance.robustness.holding": holding(table)})
    return out


def holding(table: pd.DataFrame) -> list[str]:
    """The comparisons that hold, as ``"dataset/population/definition/indicator"``, in the
    table's order."""
    rows = table[table["holds"]]
    return [f"{r.dataset}/{r.population}/{r.definition}/{r.indicator}" for r in rows.itertuples()]
