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

Rows the file carries as BPS ships it (issue 31, 2026-12-06, before any licensed file was seen):
a zero weight stops the run unless the map sets ``design.drop_nonpositive_weights``, and then
the row is left out (it stands for nobody) and counted; a negative or missing weight always
stops it. An answer that is neither a yes nor a no code (SPSS user-missing codes are read as
codes, as in a .dta) is left out of its item and counted per group (:func:`excluded`).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..data import licensed_map
from ..data.microdata import match_variables, read_file, value_labels
from ..errors import CompendiumError, Joined, Said
from .compare import compare_columns, holm_within

#: Columns of results/licensed_comparison.csv, in order.
COLUMNS = ["indicator", "claim", "definition", "primary", "n_migrant", "n_non_migrant", "count_migrant",
           "count_non_migrant", "share_migrant",
           "ci_low_migrant", "ci_high_migrant", "df_migrant", "share_non_migrant", "ci_low_non_migrant",
           "ci_high_non_migrant", "df_non_migrant", "difference", "difference_ci_low", "difference_ci_high",
           "odds_ratio", "p_value", "p_holm", "small_group", "few_events", "few_df", "holds", "note"]


def _variables(spec: dict) -> dict[str, str]:
    """Every variable the map names -> the map field that names it."""
    named = {f"design.{k}": spec["design"][k] for k in ("weight", "strata", "psu")}
    household = spec["design"]["household"] or []
    named.update({"design.household" + (f"[{i}]" if len(household) > 1 else ""): v for i, v in enumerate(household)})
    if spec["province"]:
        named["province.variable"] = spec["province"]["variable"]
    if spec["population"]:
        named["population.variable"] = spec["population"]["variable"]
    named.update({f"migrant_definitions.{n}.variable": d["variable"] for n, d in spec["definitions"].items()})
    named.update({f"indicators.{n}.variable": i["variable"] for n, i in spec["indicators"].items()})
    return named


def _numbers(column: pd.Series) -> pd.Series:
    return pd.to_numeric(column, errors="coerce").astype(float)


def _shown(value) -> str:
    """A code or id as a reader writes it: 8, not 8.0; a text as the file holds it (0100106)."""
    return f"{value:g}" if isinstance(value, (float, np.floating)) else str(value)


def _blank(values: pd.Series) -> pd.Series:
    """Missing, or a text that is empty: Stata and SPSS files hold a missing text as ""."""
    return values.isna() | (values.astype(str).str.strip() == "")


def _closest_variable(variable: str, columns) -> Said | str:
    """`` (closest in the file: 'X')``, the file's column nearest to a mistyped name (difflib,
    ignoring case), or ``""``."""
    import difflib

    by_folded = {str(c).casefold(): str(c) for c in columns}
    found = difflib.get_close_matches(variable.casefold(), list(by_folded), n=1, cutoff=0.6)
    return Said("error_part_closest_in_file", name=by_folded[found[0]]) if found else ""


def read_checked(map_path) -> tuple[dict, pd.DataFrame]:
    """(map, the variables it names from the file, renamed as the map spells them; every row
    of the file). Every problem of the map against the file is found before any computation
    and reported in one line, ``;``-separated: a variable not in the file (with the file's
    closest name), a province code no row has, a weight that is missing or negative, or zero
    without ``design.drop_nonpositive_weights``, a row without stratum or PSU, a household id
    that is not unique within its PSU. A code of the population, a definition or an item that
    no row uses is not an error (a map is written from the questionnaire): it is listed in
    ``spec["warnings"]``, one line each (a :class:`~kalbar_border.errors.Said`, to be said in the reader's language). ``spec["labels"]`` holds the file's value labels
    ({variable as the map spells it: {code: label}}; empty for .csv and .rda)."""
    spec = licensed_map.read_map(map_path)
    source, name = spec["path"], spec["path"].name
    raw = read_file(source)
    folded = {str(c).casefold() for c in raw.columns}
    named = _variables(spec)
    problems = [Said("error_part_not_in_file", field=field, variable=var, file=name,
                     closest=_closest_variable(var, raw.columns))
                for field, var in named.items() if var.casefold() not in folded]
    if problems:
        raise CompendiumError(key="error_licensed_problems", map=map_path, problems=Joined(problems))
    data = match_variables(raw, list(dict.fromkeys(named.values())), source)
    labels = {str(k).casefold(): v for k, v in value_labels(source).items()}
    spec["labels"] = {v: labels[v.casefold()] for v in data.columns if v.casefold() in labels}
    warnings = []

    def absent(field: str, variable: str, codes, into: list) -> None:
        present = set(_numbers(data[variable]).dropna().unique())
        for code in codes:
            if code not in present:
                shown = ", ".join(f"{c:g}" for c in sorted(present)[:12]) or Said("error_part_none")
                into.append(Said("error_licensed_code_absent", field=field, code=f"{code:g}", variable=variable,
                                 file=name, present=shown))

    if spec["province"]:
        absent("province.code", spec["province"]["variable"], [spec["province"]["code"]], problems)
    if spec["population"]:
        absent("population.codes", spec["population"]["variable"], spec["population"]["codes"], warnings)
    for n, d in spec["definitions"].items():
        absent(f"migrant_definitions.{n}.migrant", d["variable"], d["migrant"], warnings)
        absent(f"migrant_definitions.{n}.non_migrant", d["variable"], d["non_migrant"], warnings)
    for n, item in spec["indicators"].items():
        for key, field in (("yes", "yes_codes"), ("no", "no_codes"), ("codes", "codes")):
            if item.get(key):
                absent(f"indicators.{n}.{field}", item["variable"], list(item[key]), warnings)
    used = _rows(spec, data)
    weight_name = spec["design"]["weight"]
    weight = _numbers(data[weight_name])[used]
    # A zero weight is an error only where the map does not leave such rows out.
    zero = (weight == 0) & (not spec["design"]["drop_nonpositive_weights"])
    for bad, what in ((weight.isna(), "no"), (weight < 0, "negative"), (zero, "zero")):
        rows = weight.index[bad]
        if len(rows):
            problems.append(Said(f"error_licensed_weight_{what}", count=len(rows), file=name, variable=weight_name,
                                 row=rows[0] + 1))
    kept = _kept(spec, data)
    for field in ("strata", "psu"):
        lacking = data.index[kept & _blank(data[spec["design"][field]])]
        if len(lacking):
            problems.append(Said("error_licensed_no_value", field=field, count=len(lacking), file=name,
                                 variable=spec["design"][field], row=lacking[0] + 1))
    if spec["design"]["household"] and not problems:
        problems += _household_problems(spec, data.loc[kept], name)
    if problems:
        raise CompendiumError(key="error_licensed_problems", map=map_path, problems=Joined(problems))
    # Parts, not text: the pipeline prints each beside its other lines, in the run's language.
    spec["warnings"] = [Said("warning_licensed_code_kept", map=map_path, absent=w) for w in warnings]
    return spec, data


def _household_problems(spec: dict, rows: pd.DataFrame, name: str) -> list[Said]:
    """The household id (one variable or several) must be unique within its PSU and name one
    household: the same id in two PSUs (a number that restarts in each census block, given
    alone) is refused, and in a household file (``unit: household``) so are two rows with the
    same id. The id is recorded and checked only: the estimates cluster on the PSU."""
    household, psu = spec["design"]["household"], spec["design"]["psu"]
    lacking = rows.index[pd.concat([_blank(rows[v]) for v in household], axis=1).any(axis=1)]
    if len(lacking):
        return [Said("error_licensed_no_value", field="household", count=len(lacking), file=name,
                     variable=" + ".join(household), row=lacking[0] + 1)]
    # one number per distinct id (the composite's parts compared as text, as the file holds them)
    ids = rows[household].astype(str).groupby(household, sort=False).ngroup()
    psus = rows[psu].astype(str)

    def described(index) -> str:
        return ", ".join(f"{v}={_shown(rows.at[index, v])}" for v in household)

    if spec["unit"] == "household":
        twice = rows.index[pd.DataFrame({"id": ids, "psu": psus}).duplicated(keep=False)]
        if len(twice):
            first = twice[0]
            second = next(i for i in twice[1:] if ids[i] == ids[first] and psus[i] == psus[first])
            return [Said("error_licensed_household_twice", household=described(first), first=first + 1,
                         second=second + 1, file=name, psu=_shown(rows.at[first, psu]))]
        return []
    spread = pd.DataFrame({"id": ids, "psu": psus}).groupby("id")["psu"].nunique()
    if (spread > 1).any():
        bad = spread.index[spread > 1][0]
        where = rows.index[ids == bad]
        first = where[0]
        other = next(i for i in where if psus[i] != psus[first])
        hint = f"[{psu}, {', '.join(household)}]" if psu not in household else f"[{', '.join(household)}]"
        return [Said("error_licensed_household_spread", household=described(first), file=name,
                     psu=_shown(rows.at[first, psu]), first=first + 1, other_psu=_shown(rows.at[other, psu]),
                     other=other + 1, hint=hint)]
    return []


def _rows(spec: dict, data: pd.DataFrame) -> pd.Series:
    """The rows of the design: the map's province (a province is a complete design)."""
    if not spec["province"]:
        return pd.Series(True, index=data.index)
    return _numbers(data[spec["province"]["variable"]]) == spec["province"]["code"]


def _zero_weight(spec: dict, data: pd.DataFrame) -> pd.Series:
    """Rows of the province left out for a zero weight (only with ``design.drop_nonpositive_weights``:
    without it a zero weight stops the run). A zero-weight row stands for nobody in the
    population, so leaving it out changes no estimate's target."""
    if not spec["design"]["drop_nonpositive_weights"]:
        return pd.Series(False, index=data.index)
    return _rows(spec, data) & (_numbers(data[spec["design"]["weight"]]) == 0)


def _kept(spec: dict, data: pd.DataFrame) -> pd.Series:
    """The rows estimates are computed on: the province's, less those with a zero weight."""
    return _rows(spec, data) & ~_zero_weight(spec, data)


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


def _coded_frame(spec: dict, rows: pd.DataFrame) -> pd.DataFrame:
    """``in_population`` and one 0/1 column per migrant definition and per item of ``rows``."""
    frame = pd.DataFrame(index=rows.index)
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


def analysis_frame(spec: dict, data: pd.DataFrame) -> pd.DataFrame:
    """The design (``weight``, ``strata``, ``psu``, ``household``: the map's id, its parts
    joined by ``+``, or missing when the map gives none; recorded, not used by the estimates,
    which cluster on the PSU), ``in_population`` and one 0/1 column per migrant definition and
    per item, for the rows of the map's province less those left out for a zero weight."""
    rows = data.loc[_kept(spec, data)].reset_index(drop=True)
    design = spec["design"]
    household = (rows[design["household"]].astype(str).agg("+".join, axis=1) if design["household"]
                 else pd.Series(np.nan, index=rows.index, dtype=object))
    frame = pd.DataFrame({"weight": _numbers(rows[design["weight"]]), "strata": rows[design["strata"]].astype(str),
                          "psu": rows[design["psu"]].astype(str), "household": household})
    return pd.concat([frame, _coded_frame(spec, rows)], axis=1)


#: Why a row of the file is not among those an item is compared on, in the order they are
#: tested (a row gets the first that applies), and ``analysed`` for the rows compared.
REASONS = ("outside_province", "zero_weight", "not_in_population", "no_migration_status", "answer_left_out", "analysed")
#: Columns of results/licensed_excluded.csv, in order.
EXCLUDED_COLUMNS = ["indicator", "definition", "group", "reason", "code", "answer", "rows"]


def excluded(spec: dict, data: pd.DataFrame) -> pd.DataFrame:
    """Every row of the file, counted per item, migrant definition and group (``migrant``,
    ``non_migrant``, or ``no_status``: a code neither migrant nor non-migrant, or blank) by the
    first :data:`REASONS` that keeps it out of the comparison, in rows (unweighted). For
    ``answer_left_out`` (an answer neither yes nor no: a "don't know", a refusal, a blank) one
    row per ``code`` (``blank`` for an empty answer) with its value label from the file
    (``answer``; empty when the file has none), so a reader sees what the questionnaire called
    the answers left out. The :data:`EXCLUDED_COLUMNS`."""
    coded = _coded_frame(spec, data)
    base = np.select([~_rows(spec, data).to_numpy(), _zero_weight(spec, data).to_numpy(),
                      ~coded["in_population"].to_numpy(dtype=bool)],
                     ["outside_province", "zero_weight", "not_in_population"], default="")
    parts = []
    for definition in spec["definitions"]:
        status = coded[definition].to_numpy()
        group = np.where(status == 1, "migrant", np.where(status == 0, "non_migrant", "no_status"))
        reason = np.where((base == "") & (group == "no_status"), "no_migration_status", base)
        for item in items(spec):
            variable = spec["indicators"]["investment_type" if item.startswith("investment_type_") else item]["variable"]
            answer = np.where((reason == "") & np.isnan(coded[item].to_numpy()), "answer_left_out", reason)
            answer = np.where(answer == "", "analysed", answer)
            values = _numbers(data[variable])
            left = answer == "answer_left_out"
            code = np.where(left, values.map(lambda v: "blank" if pd.isna(v) else f"{v:g}"), "")
            labels = spec.get("labels", {}).get(variable, {})
            text = np.where(left, values.map(lambda v: labels.get(v, "")), "")
            counted = (pd.DataFrame({"group": group, "reason": answer, "code": code, "answer": text})
                       .value_counts(sort=False).rename("rows").reset_index())
            counted.insert(0, "definition", definition)
            counted.insert(0, "indicator", item)
            parts.append(counted)
    table = pd.concat(parts, ignore_index=True)
    order = {"group": ["migrant", "non_migrant", "no_status"], "reason": list(REASONS)}
    table["_g"] = table["group"].map(order["group"].index)
    table["_r"] = table["reason"].map(order["reason"].index)
    item_order = {name: i for i, name in enumerate(items(spec))}
    table["_i"] = table["indicator"].map(item_order)
    table["_d"] = table["definition"].map({d: i for i, d in enumerate(spec["definitions"])})
    table = table.sort_values(["_i", "_d", "_g", "_r", "code"], kind="stable").drop(columns=["_g", "_r", "_i", "_d"])
    return table[EXCLUDED_COLUMNS].reset_index(drop=True)


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


def results_values(table: pd.DataFrame, spec: dict, sha256: str, left_out: pd.DataFrame | None = None) -> dict:
    """The results keys the claims ledger reads (``licensed.*``): what file and map produced
    them, and per item and definition the shares, intervals, difference, p-values and flags.
    With ``left_out`` (the table of :func:`excluded`) also the rows left out, in rows
    (unweighted): ``licensed.zero_weight_rows`` in all, ``licensed.zero_weight.<definition>.<group>``
    per group, and ``licensed.<item>.<definition>.left_out_<group>``, the answers neither yes
    nor no (don't know, missing) of the compared population."""
    values = {"licensed.survey": spec["survey"], "licensed.year": str(spec["year"]),  # a year is text: never "2,022"
              "licensed.unit": spec["unit"],
              "licensed.household": list(spec["design"]["household"] or []),
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
    if left_out is not None:
        counts = left_out.groupby(["indicator", "definition", "group", "reason"], sort=False)["rows"].sum()
        # A zero-weight row is left out of every item alike: the first item's counts are every item's.
        first = items(spec)[0]
        for d in spec["definitions"]:
            for g in ("migrant", "non_migrant", "no_status"):
                values[f"licensed.zero_weight.{d}.{g}"] = int(counts.get((first, d, g, "zero_weight"), 0))
        primary = next(iter(spec["definitions"]))
        values["licensed.zero_weight_rows"] = sum(values[f"licensed.zero_weight.{primary}.{g}"]
                                                  for g in ("migrant", "non_migrant", "no_status"))
        for item in items(spec):
            for d in spec["definitions"]:
                for g in ("migrant", "non_migrant"):
                    values[f"licensed.{item}.{d}.left_out_{g}"] = int(counts.get((item, d, g, "answer_left_out"), 0))
    return values


def map_table(spec: dict, data: pd.DataFrame) -> pd.DataFrame:
    """The map as a reader checks it: one row per field, the variable it names, the codes and
    their meaning, and the rows of the file with a value in that variable (a composite
    household id: in every one of its variables)."""
    rows = []

    def add(field: str, variables, codes: str = "") -> None:
        variables = [variables] if isinstance(variables, str) else variables
        rows.append({"field": field, "variable": " + ".join(variables), "codes": codes,
                     "rows_with_value": int(data[variables].notna().all(axis=1).sum())})

    for key in ("weight", "strata", "psu", "household"):
        if spec["design"][key]:
            add(f"design.{key}", spec["design"][key])
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
