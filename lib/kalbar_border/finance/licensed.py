"""Remittances and investment by migration status, from a licensed BPS file (notebook 08).

The public 2020 files have no remittance or investment item, so the paper's claims C5
(sending money or goods differs between migrant and non-migrant workers) and C6
(investment is low in both groups) are settled only by a file that has them, e.g. the
Sakernas August 2022 mobility module or a Susenas KOR household file's financing item. A
researcher who holds such a file describes it in a variable map
(:mod:`kalbar_border.data.licensed_map`); this module checks the map against the file, then
compares the groups with the same estimators as notebook 05
(:func:`kalbar_border.finance.compare.compare_columns`).

Rules, fixed before any licensed file was seen (2026-12-05):

* shares are design-weighted (the map's weight, strata and PSU; the domain is the map's
  population within its province), fractions 0-1, with 95 % intervals on the domain's own
  degrees of freedom; the test is the design-based t-test of the log odds ratio;
* the Holm family is every test of the notebook: each item (each investment type included)
  under each migrant definition the map names (``p_holm``). No definition is privileged in
  the family; the first one the map names is the primary for the claims' wording only;
* a difference **holds** when its Holm-adjusted p is below ``alpha`` and it is flagged
  neither ``small_group``, ``few_events`` nor ``few_df`` (the thresholds of notebook 05). No
  adjusted model is fitted: a licensed map names no covariates.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..data import licensed_map
from ..data.microdata import match_variables, read_file
from ..errors import CompendiumError
from .compare import compare_columns, holm_within

#: Columns of results/licensed_comparison.csv, in order.
COLUMNS = ["indicator", "claim", "definition", "primary", "n_migrant", "n_non_migrant", "count_migrant",
           "count_non_migrant", "share_migrant",
           "ci_low_migrant", "ci_high_migrant", "df_migrant", "share_non_migrant", "ci_low_non_migrant",
           "ci_high_non_migrant", "df_non_migrant", "difference", "difference_ci_low", "difference_ci_high",
           "odds_ratio", "p_value", "p_holm", "small_group", "few_events", "few_df", "holds", "note"]


def _variables(spec: dict) -> dict[str, str]:
    """Every variable the map names -> the map field that names it."""
    named = {f"design.{k}": v for k, v in spec["design"].items()}
    if spec["province"]:
        named["province.variable"] = spec["province"]["variable"]
    if spec["population"]:
        named["population.variable"] = spec["population"]["variable"]
    named.update({f"migrant_definitions.{n}.variable": d["variable"] for n, d in spec["definitions"].items()})
    named.update({f"indicators.{n}.variable": i["variable"] for n, i in spec["indicators"].items()})
    return named


def _numbers(column: pd.Series) -> pd.Series:
    return pd.to_numeric(column, errors="coerce").astype(float)


def read_checked(map_path) -> tuple[dict, pd.DataFrame]:
    """(map, the variables it names from the file, renamed as the map spells them). Every
    problem of the map against the file is found before any computation and reported in one
    line, ``;``-separated: a variable not in the file, a code that does not occur in its
    variable, a weight that is missing or not positive in a row used."""
    spec = licensed_map.read_map(map_path)
    source, name = spec["path"], spec["path"].name
    raw = read_file(source)
    folded = {str(c).casefold() for c in raw.columns}
    named = _variables(spec)
    problems = [f"{field}: variable '{var}' is not in {name}" for field, var in named.items()
                if var.casefold() not in folded]
    if problems:
        raise CompendiumError(f"{map_path}: " + "; ".join(problems))
    data = match_variables(raw, list(dict.fromkeys(named.values())), source)

    def absent(field: str, variable: str, codes) -> None:
        present = set(_numbers(data[variable]).dropna().unique())
        for code in codes:
            if code not in present:
                shown = ", ".join(f"{c:g}" for c in sorted(present)[:12]) or "none"
                problems.append(f"{field}: code {code:g} does not occur in variable '{variable}' of {name} "
                                f"(codes present: {shown})")

    if spec["province"]:
        absent("province.code", spec["province"]["variable"], [spec["province"]["code"]])
    if spec["population"]:
        absent("population.codes", spec["population"]["variable"], spec["population"]["codes"])
    for n, d in spec["definitions"].items():
        absent(f"migrant_definitions.{n}.migrant", d["variable"], d["migrant"])
        absent(f"migrant_definitions.{n}.non_migrant", d["variable"], d["non_migrant"])
    for n, item in spec["indicators"].items():
        for key, field in (("yes", "yes_codes"), ("no", "no_codes"), ("codes", "codes")):
            if item.get(key):
                absent(f"indicators.{n}.{field}", item["variable"], list(item[key]))
    used = _rows(spec, data)
    weight = _numbers(data[spec["design"]["weight"]])[used]
    bad = weight.index[~(weight > 0)]
    if len(bad):
        problems.append(f"design.weight: {len(bad)} row(s) of {name} have a weight '{spec['design']['weight']}' that is "
                        f"missing or not positive (first: data row {bad[0] + 1}); expected a positive number")
    for field in ("strata", "psu"):
        lacking = data.index[used & data[spec["design"][field]].isna()]
        if len(lacking):
            problems.append(f"design.{field}: {len(lacking)} row(s) of {name} have no value of "
                            f"'{spec['design'][field]}' (first: data row {lacking[0] + 1})")
    if problems:
        raise CompendiumError(f"{map_path}: " + "; ".join(problems))
    return spec, data


def _rows(spec: dict, data: pd.DataFrame) -> pd.Series:
    """The rows of the design: the map's province (a province is a complete design)."""
    if not spec["province"]:
        return pd.Series(True, index=data.index)
    return _numbers(data[spec["province"]["variable"]]) == spec["province"]["code"]


def _coded(values: pd.Series, yes, no) -> np.ndarray:
    """1 where a value is one of ``yes``, 0 where one of ``no`` (``no`` None: any other
    answer), NaN otherwise (not asked, blank, or a code the map leaves out)."""
    yes_mask = values.isin(yes)
    no_mask = values.isin(no) if no is not None else values.notna() & ~yes_mask
    return np.where(yes_mask, 1.0, np.where(no_mask, 0.0, np.nan))


def items(spec: dict) -> list[str]:
    """The 0/1 items compared, in the map's order; each investment type is an item of its own."""
    out = []
    for name, item in spec["indicators"].items():
        out += [f"investment_type_{c:g}" for c in item["codes"]] if name == "investment_type" else [name]
    return out


def analysis_frame(spec: dict, data: pd.DataFrame) -> pd.DataFrame:
    """The design (``weight``, ``strata``, ``psu``, ``household``), ``in_population`` and one
    0/1 column per migrant definition and per item, for the rows of the map's province."""
    rows = data.loc[_rows(spec, data)].reset_index(drop=True)
    design = spec["design"]
    frame = pd.DataFrame({"weight": _numbers(rows[design["weight"]]), "strata": rows[design["strata"]].astype(str),
                          "psu": rows[design["psu"]].astype(str), "household": rows[design["household"]].astype(str)})
    pop = spec["population"]
    frame["in_population"] = _numbers(rows[pop["variable"]]).isin(pop["codes"]).to_numpy() if pop else True
    for name, d in spec["definitions"].items():
        frame[name] = _coded(_numbers(rows[d["variable"]]), d["migrant"], d["non_migrant"])
    for name, item in spec["indicators"].items():
        values = _numbers(rows[item["variable"]])
        if name != "investment_type":
            frame[name] = _coded(values, item["yes"], item["no"])
            continue
        # A person who does not invest invests in no type: 0, not "not asked".
        invests_not = frame["any_investment"].eq(0).to_numpy() if "any_investment" in frame else False
        for code in item["codes"]:
            frame[f"investment_type_{code:g}"] = np.where(values == code, 1.0,
                                                          np.where(values.notna() | invests_not, 0.0, np.nan))
    return frame


def claim_of(item: str) -> str:
    """The claim an item bears on (C5 remittances, C6 investment)."""
    return licensed_map.INDICATORS["investment_type" if item.startswith("investment_type_") else item]


def comparison(frame: pd.DataFrame, spec: dict, alpha: float = 0.05, level: float = 0.95) -> pd.DataFrame:
    """One row per item x migrant definition, the :data:`COLUMNS` (see the module docstring
    for the family and what ``holds`` means)."""
    definitions = list(spec["definitions"])
    table = compare_columns(frame, definitions, items(spec), level=level)
    table["p_holm"] = holm_within(table)
    table["claim"] = [claim_of(i) for i in table["indicator"]]
    table["primary"] = table["definition"] == definitions[0]
    flagged = table[["small_group", "few_events", "few_df"]].astype(bool).any(axis=1)
    table["holds"] = (table["p_holm"] < alpha) & ~flagged
    return table[COLUMNS]


def _fraction(value) -> float | None:
    return None if pd.isna(value) else float(value)


def results_values(table: pd.DataFrame, spec: dict, sha256: str) -> dict:
    """The results keys the claims ledger reads (``licensed.*``): what file and map produced
    them, and per item and definition the shares, intervals, difference, p-values and flags."""
    values = {"licensed.survey": spec["survey"], "licensed.year": str(spec["year"]),  # a year is text: never "2,022" "licensed.unit": spec["unit"],
              "licensed.file_sha256": sha256, "licensed.file_sha256_short": sha256[:12],
              "licensed.definitions": list(spec["definitions"]), "licensed.primary_definition": next(iter(spec["definitions"])),
              "licensed.items": items(spec), "licensed.tests": int(table["p_value"].notna().sum()),
              "licensed.holding": int(table["holds"].sum())}
    for r in table.to_dict("records"):
        base = f"licensed.{r['indicator']}.{r['definition']}"
        for col in ("share_migrant", "ci_low_migrant", "ci_high_migrant", "share_non_migrant", "ci_low_non_migrant",
                    "ci_high_non_migrant", "difference", "difference_ci_low", "difference_ci_high", "p_value", "p_holm"):
            values[f"{base}.{col}"] = _fraction(r[col])
        # count_*: the yes answers per group, so that the ledger can name a group with few events (C6).
        for col in ("n_migrant", "n_non_migrant", "count_migrant", "count_non_migrant", "df_migrant", "df_non_migrant"):
            values[f"{base}.{col}"] = int(r[col])
        for col in ("small_group", "few_events", "few_df", "holds"):
            values[f"{base}.{col}"] = bool(r[col])
    return values


def map_table(spec: dict, data: pd.DataFrame) -> pd.DataFrame:
    """The map as a reader checks it: one row per field, the variable it names, the codes and
    their meaning, and the rows of the file with a value in that variable."""
    rows = []

    def add(field: str, variable: str, codes: str = "") -> None:
        rows.append({"field": field, "variable": variable, "codes": codes, "rows_with_value": int(data[variable].notna().sum())})

    for key, variable in spec["design"].items():
        add(f"design.{key}", variable)
    if spec["province"]:
        add("province", spec["province"]["variable"], f"{spec['province']['code']:g}")
    if spec["population"]:
        add("population", spec["population"]["variable"], ", ".join(f"{c:g}" for c in spec["population"]["codes"]))
    for name, d in spec["definitions"].items():
        add(f"migrant_definitions.{name}", d["variable"],
            f"migrant {', '.join(f'{c:g}' for c in d['migrant'])}; non-migrant {', '.join(f'{c:g}' for c in d['non_migrant'])}")
    for name, item in spec["indicators"].items():
        if name == "investment_type":
            codes = "; ".join(f"{c:g} {text}" for c, text in item["codes"].items())
        else:
            codes = f"yes {', '.join(f'{c:g}' for c in item['yes'])}; " + (
                f"no {', '.join(f'{c:g}' for c in item['no'])}" if item["no"] else "no: every other answer")
        add(f"indicators.{name}", item["variable"], codes)
    return pd.DataFrame(rows)
