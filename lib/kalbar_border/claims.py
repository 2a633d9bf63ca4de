"""The claims ledger: ``claims.yml`` says what each claim of the paper is and by which rule
it is judged; this module computes each status from ``results/results.json``.

A status separates *the number is traced to a source* from *the claim, as worded, is
supported* (definitions in both languages in the label dictionary, ``status_def_<status>``):

* ``reproduced``: the claim, as worded, is supported by the public data;
* ``number_traced_meaning_differs``: the paper's number is in a public source, but that
  source counts something other than what the claim says;
* ``partly_supported``: of the series the claim could mean, some support it and others
  contradict it or cannot decide;
* ``contradicted``: the series the claim could mean show the opposite;
* ``not_checkable``, with a kind (:data:`KINDS`) saying why.

A status is never typed in: it follows from the rule and the results. ``expected_status``
in the ledger is only a lock that the tests compare against. The ledger's texts are
templates whose numbers are filled from the results (:mod:`kalbar_border.texts`). They are
English; their translations are messages of the gettext catalogue (:mod:`kalbar_border.i18n`),
each with a context naming its place in the ledger (:func:`context`, e.g. ``claims.yml C1
claim``), extracted by ``make i18n-update`` (:func:`ledger_texts`) and read by :func:`said`.
"""
from __future__ import annotations

import copy
import itertools
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import yaml

from . import i18n, paths, texts
from .localize import local_text
from .numbers import exact_text, number_text
from .errors import CompendiumError, Said
from .figures.labels import LANGS, label

STATUSES = ("reproduced", "number_traced_meaning_differs", "partly_supported", "contradicted", "not_checkable")
#: Why a claim is not checkable.
KINDS = ("not_empirical", "no_public_data", "source_identified_not_obtained", "no_independent_source", "incomplete_data",
         "too_few_public_rows")
#: What one series says of a claim judged on several.
VERDICTS = ("supports", "contradicts", "undetermined")
#: The role of a series in a claim: ``evidence`` counts (a stated proxy of) the claim's subject and
#: decides the status; ``context`` is shown with its numbers and decides nothing.
ROLES = ("evidence", "context")
#: Suffix of the results key holding a lower bound for a missing value: a count for part of a
#: year (``border.bp2mi_complaints_total.2023_lower_bound``).
LOWER_BOUND = "_lower_bound"
#: Suffixes of the results keys holding a bound on a change (a part-year value at one end).
CHANGE_BOUNDS = ("_at_most", "_at_least")
RULES = ("qualitative", "not_in_public_data", "equals", "independent_source", "series")
CHECKS = {"change_below": ("threshold",), "fluctuates": ("min_turns", "min_move_pct"),
          "material_share": ("min_share_pct", "min_years")}
REQUIRED = ("id", "claim", "concept", "checked", "rule", "evidence", "expected_status")
#: The texts of a claim (English; their translations are in the catalogue); ``concept`` says which
#: migrant concept the claim is tested on, and why.
TEXTS = ("claim", "concept", "checked", "caveat", "meaning", "reason")
#: The texts of an ``analysis_choices`` entry.
CHOICE_TEXTS = ("choice", "reason")
CSV_COLUMNS = ["id", "claim", "paper_value", "reproduced_value", "status", "kind", "evidence"]
#: The first word of every catalogue context of a ledger text.
LEDGER_NAME = "claims.yml"


def context(*where) -> str:
    """The catalogue context (``msgctxt``) of the ledger text at ``where``: ``"claims.yml C1 claim"``
    for ``("C1", "claim")``. Ids and names only, never positions, so that a context stays when
    other entries are added or moved, and a translator can find the text in the ledger."""
    return " ".join((LEDGER_NAME, *map(str, where)))


def said(english: str, lang: str, *where) -> str:
    """The ledger's text ``english`` (at ``where``, see :func:`context`) in ``lang``: the English
    itself, or its translation in the catalogue (the English when the catalogue lacks it, which
    tests/test_catalogue.py does not let pass)."""
    return i18n.pgettext(context(*where), english, lang) if english else english


def _text(entry: dict, field_name: str, lang: str) -> str:
    """A text field of a claim in ``lang`` ("" when the entry has none)."""
    return said(entry.get(field_name, ""), lang, entry["id"], field_name)


def ledger_texts(document: dict):
    """(where, English) of every reader-facing text of a ledger document, in the file's order:
    ``rules_fixed_note``; each analysis choice's ``choice`` and ``reason``; each claim's
    :data:`TEXTS`, its rule's reasons (``why``, by parameter, also of a ``licensed`` rule) and
    each series' ``role_why`` (a series shared through a YAML anchor is a text of each claim)."""
    if document.get("rules_fixed_note"):
        yield ("rules_fixed_note",), document["rules_fixed_note"]
    for choice in document.get("analysis_choices") or []:
        for field_name in CHOICE_TEXTS:
            if choice.get(field_name):
                yield ("analysis_choices", choice["id"], field_name), choice[field_name]
    for entry in document.get("claims") or []:
        for field_name, value in entry.items():
            if field_name in TEXTS and value:
                yield (entry["id"], field_name), value
            elif field_name == "rule" and isinstance(value, dict):
                yield from _rule_texts(entry["id"], value)


def _rule_texts(claim: str, rule: dict, prefix: tuple = ()):
    """(where, English) of a rule's reasons and its series' roles (:func:`ledger_texts`)."""
    for key, value in rule.items():
        if key == "why":
            for parameter, why in (value or {}).items():
                yield (claim, *prefix, "why", parameter), why
        elif key == "licensed" and isinstance(value, dict):
            yield from _rule_texts(claim, value, ("licensed",))
        elif key == "series":
            for series in value or []:
                if series.get("role_why"):
                    yield (claim, series.get("role"), series.get("name"), "role_why"), series["role_why"]


def load_ledger(path: Path = paths.CLAIMS) -> list[dict]:
    """Read and check the ledger; a malformed entry is a one-line error naming id and field."""
    return load_document(path)["claims"]


def load_document(path: Path = paths.CLAIMS) -> dict:
    """The whole ledger file: ``claims`` and when its rules were fixed (``rules_fixed``,
    ``rules_fixed_note``), checked."""
    if not Path(path).is_file():
        raise CompendiumError(key="error_claims_not_found", path=path)
    document = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    for field_name in ("rules_fixed", "rules_fixed_note"):
        if not document.get(field_name):
            raise CompendiumError(key="error_claims_rules_fixed_missing", file=Path(path).name, field=field_name)
    entries = document.get("claims") or []
    seen = set()
    for i, entry in enumerate(entries, start=1):
        where = Said("error_claims_where", file=Path(path).name, claim=entry.get("id", f"#{i}"))
        _check_entry(entry, where)
        if entry["id"] in seen:
            raise CompendiumError(key="error_claims_duplicate_id", where=where)
        seen.add(entry["id"])
    return {**document, "claims": entries}


def paper_figures(path: Path = paths.CLAIMS) -> dict[tuple[str, int], float]:
    """The paper's own numbers for 2019 as the ledger states them, by (series, year) of the
    series each is compared with: C3a's (the value of its ``equals`` rule) and C3b's (its
    ``paper_value``). Notebook 02 shows them beside its figure; they are the paper's numbers,
    typed once in claims.yml, never findings."""
    figures = {}
    for entry in load_ledger(path):
        if entry["id"] not in ("C3a", "C3b"):
            continue
        rule = entry["rule"]
        _, series, year = rule["key"].split(".")[:3]
        figures[series, int(year[:4])] = rule["value"] if rule["type"] == "equals" else entry["paper_value"]
    return figures


def _check_entry(entry: dict, where: Said) -> None:
    """Refuse a malformed entry; ``where`` names the file and the claim in every message."""
    for field_name in REQUIRED:
        if field_name not in entry:
            raise CompendiumError(key="error_claims_field_missing", where=where, field=field_name,
                                  required=", ".join(REQUIRED))
    rule = entry["rule"]
    kind = rule.get("type")
    if kind not in RULES:
        raise CompendiumError(key="error_claims_rule_type", where=where, type=repr(kind), accepted=", ".join(RULES))
    if entry["expected_status"] not in STATUSES:
        raise CompendiumError(key="error_claims_expected_status", where=where, status=repr(entry["expected_status"]),
                              accepted=", ".join(STATUSES))
    if kind in ("qualitative", "not_in_public_data") and rule.get("kind") not in KINDS:
        raise CompendiumError(key="error_claims_rule_kind", where=where, kind=repr(rule.get("kind")),
                              accepted=", ".join(KINDS))
    licensed = rule.get("licensed")
    if licensed is not None:
        if kind != "not_in_public_data" or licensed.get("check") not in LICENSED_CHECKS:
            raise CompendiumError(key="error_claims_licensed_rule", where=where, checks=", ".join(LICENSED_CHECKS))
        for parameter in LICENSED_CHECKS[licensed["check"]][1]:
            if parameter not in licensed:
                raise CompendiumError(key="error_claims_licensed_parameter_missing", where=where, parameter=parameter)
            if parameter in LICENSED_CHOICES and licensed[parameter] not in LICENSED_CHOICES[parameter]:
                raise CompendiumError(key="error_claims_licensed_parameter_value", where=where, parameter=parameter,
                                      value=repr(licensed[parameter]), accepted=", ".join(LICENSED_CHOICES[parameter]))
            if parameter in LICENSED_CHOICES or not isinstance(licensed[parameter], (list, str)):
                if not (licensed.get("why") or {}).get(parameter):
                    raise CompendiumError(key="error_claims_licensed_parameter_why", where=where, parameter=parameter)
    if kind in ("qualitative", "not_in_public_data", "independent_source") and "reason" not in entry:
        raise CompendiumError(key="error_claims_reason_missing", where=where)
    if kind == "series":
        if rule.get("check") not in CHECKS:
            raise CompendiumError(key="error_claims_rule_check", where=where, check=repr(rule.get("check")),
                                  accepted=", ".join(CHECKS))
        for parameter in CHECKS[rule["check"]]:
            if parameter not in rule:
                raise CompendiumError(key="error_claims_rule_parameter_missing", where=where, parameter=parameter)
            if not (rule.get("why") or {}).get(parameter):
                raise CompendiumError(key="error_claims_rule_parameter_why", where=where, parameter=parameter)
        if not rule.get("series"):
            raise CompendiumError(key="error_claims_no_series", where=where)
        for series in rule["series"]:
            if series.get("role") not in ROLES:
                raise CompendiumError(key="error_claims_series_role", where=where, series=series.get("name"),
                                      role=repr(series.get("role")), accepted=", ".join(ROLES))
            if not series.get("role_why"):
                raise CompendiumError(key="error_claims_series_role_why", where=where, series=series["name"])
        if not any(series["role"] == "evidence" for series in rule["series"]):
            raise CompendiumError(key="error_claims_no_evidence", where=where)


def _value(results: dict, key: str):
    value = results.get(key)
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return value


@dataclass
class Verdict:
    """What one rule says of one claim (or of one series of it)."""

    status: str
    value: object = None
    explanation: dict = field(default_factory=dict)  # lang -> text
    kind: str = ""  # for not_checkable: one of KINDS
    parts: list = field(default_factory=list)  # series claims: one dict per series
    data: str = "public"  # "licensed": computed from a licensed file a researcher supplied (notebook 08)
    note: dict = field(default_factory=dict)  # lang -> what the status text must add (few events in a group)


def _say(key: str, **values) -> dict:
    """A label in every language, with ``values`` (each a function of the language, or a plain value)."""
    return {lang: label(key, lang).format(**{k: v(lang) if callable(v) else v for k, v in values.items()})
            for lang in LANGS}


def template_values(entry: dict, results: dict) -> dict:
    """What an entry's texts may ask for: every result, the entry's ``paper_value`` and its
    rule's parameters as ``rule.<name>``."""
    rule = {f"rule.{k}": v for k, v in entry["rule"].items() if isinstance(v, (int, float, str))}
    return {**results, "paper_value": entry.get("paper_value"), **rule}


def _change(value, rule, bound: str = "") -> tuple[str, dict]:
    """Supports when the change is at or below ``threshold``, contradicts above it. With
    ``bound`` "_at_most" (a part-year start) ``value`` is the most the series can have changed:
    at or below the threshold it supports, else undetermined; "_at_least" the reverse."""
    if bound == "_at_most":
        verdict = "supports" if value <= rule["threshold"] else "undetermined"
    elif bound == "_at_least":
        verdict = "contradicts" if value > rule["threshold"] else "undetermined"
    else:
        verdict = "supports" if value <= rule["threshold"] else "contradicts"
    return verdict, _say("explain_change" + bound, value=lambda lang: texts.number(value, "pct", lang),
                         threshold=lambda lang: exact_text(rule["threshold"], lang))


def _turns(values: list, min_move_pct) -> int:
    """Changes of direction of ``values`` (in order, missing ones left out), counting only moves
    of at least ``min_move_pct`` percent of the earlier value."""
    directions = []
    for a, b in zip(values, values[1:]):
        move = 100 * (b - a) / a if a else (math.inf if b > a else -math.inf if b < a else 0)
        if abs(move) >= min_move_pct:
            directions.append(1 if move > 0 else -1)
    return sum(1 for a, b in zip(directions, directions[1:]) if a != b)


def _turn_range(values: list, bounds: list, min_move_pct) -> tuple[int, int]:
    """(fewest, most) turns of ``values`` when each missing value with a lower bound in ``bounds``
    may be any number at or above its bound (missing values without one are left out). The
    candidates are the bound, and just either side of every level where a move to or from a
    known value crosses ``min_move_pct`` or changes sign, so every possible count is reached."""
    known = [v for v in values if v is not None]
    step = min_move_pct / 100
    edges = {x * f for x in known for f in (1 - step, 1, 1 + step, 1 / (1 + step))}
    edges |= {x / (1 - step) for x in known if step < 1}
    slots = [i for i, (v, b) in enumerate(zip(values, bounds)) if v is None and b is not None]
    options = []
    for i in slots:
        near = {e * (1 + d) for e in edges for d in (-1e-9, 1e-9)} | {bounds[i], 1e6 * max(known + [bounds[i]])}
        options.append(sorted(c for c in near if c >= bounds[i]))
    counts = []
    for chosen in itertools.product(*options):
        filled = list(values)
        for i, c in zip(slots, chosen):
            filled[i] = c
        counts.append(_turns([v for v in filled if v is not None], min_move_pct))
    return min(counts), max(counts)


def _fluctuation(values: list, rule, bounds: list | None = None) -> tuple[str, dict]:
    """Supports when the available values turn at least ``min_turns`` times (moves smaller
    than ``min_move_pct`` percent of the earlier value are flat); undetermined while the
    missing values could still add the turns; contradicts otherwise.

    A missing value with a lower bound (a count for part of the year, ``bounds``) is not free:
    it can be any number at or above its bound. When every value is known or bounded and no
    value the bounds allow gives ``min_turns`` turns, the bound decides: contradicts (and
    supports when every allowed value gives them)."""
    bounds = bounds or [None] * len(values)
    present = [v for v in values if v is not None]
    free = sum(v is None and b is None for v, b in zip(values, bounds))
    turns = _turns(present, rule["min_move_pct"])
    fewest, most = _turn_range(values, bounds, rule["min_move_pct"])
    if turns >= rule["min_turns"] or (not free and fewest >= rule["min_turns"]):
        verdict = "supports"
    elif len(present) < 3 or most + free >= rule["min_turns"]:
        verdict = "undetermined"
    else:
        verdict = "contradicts"
    missing = len(values) - len(present)
    if free == missing:
        return verdict, _say("explain_turns", n=len(present), turns=turns, missing=missing)
    shown = [b for v, b in zip(values, bounds) if v is None and b is not None]
    return verdict, _say("explain_turns_bound", n=len(present), turns=turns, missing=missing, fewest=fewest, most=most,
                         bounds=lambda lang: ", ".join(texts.number(b, "n", lang) for b in shown))


def _material(values: list, bounds: list, rule) -> tuple[str, dict, bool]:
    """(verdict, why, too few years) of one share series under ``material_share`` (C1).

    ``values`` are yearly shares in percent (None where not sourced); ``bounds`` are lower
    bounds for the years without a value (a share of exports alone, or of a larger area's GRDP).
    A year is material when its share, or its lower bound, is at least ``min_share_pct``, and
    below when its (exact) share is under it; a bound under it decides nothing. With fewer than
    ``min_years`` years the series is undetermined (too few public rows); else it supports when
    more than half of its years are material, contradicts when more than half are below, and is
    undetermined otherwise."""
    years = [(v, b) for v, b in zip(values, bounds) if v is not None or b is not None]
    material = sum((v if v is not None else b) >= rule["min_share_pct"] for v, b in years)
    below = sum(v is not None and v < rule["min_share_pct"] for v, b in years)
    too_few = len(years) < rule["min_years"]
    if too_few:
        verdict = "undetermined"
    elif 2 * material > len(years):
        verdict = "supports"
    elif 2 * below > len(years):
        verdict = "contradicts"
    else:
        verdict = "undetermined"
    return verdict, _say("explain_material_share", n=len(years), material=material, below=below,
                         unknown=len(years) - material - below,
                         threshold=lambda lang: exact_text(rule["min_share_pct"], lang)), too_few


def _bound_keys(entry: dict, results: dict) -> list[str]:
    """The results keys of bounds a series claim uses: lower bounds of missing values and
    bounds of changes, those this run recorded."""
    keys = []
    for series in entry["rule"].get("series", []):
        keys += [k + LOWER_BOUND for k in series.get("keys", [])]
        keys += [series["change"] + b for b in CHANGE_BOUNDS if "change" in series]
    return [k for k in keys if _value(results, k) is not None]


def _series_verdict(series: dict, rule: dict, results: dict) -> tuple[str, dict, dict, bool]:
    """(verdict, what is shown, why, too few years) of one series under ``rule``, whatever its
    role; the last is true only for a ``material_share`` series with fewer than ``min_years``."""
    if rule["check"] == "change_below":
        value, bound = _value(results, series["change"]), ""
        for suffix in CHANGE_BOUNDS:
            if value is None and _value(results, series["change"] + suffix) is not None:
                value, bound = _value(results, series["change"] + suffix), suffix
        verdict, why = ("undetermined", _say("explain_missing")) if value is None else _change(value, rule, bound)
        sign = {"": "", "_at_most": "≤ ", "_at_least": "≥ "}[bound]
        shown = {lang: "" if value is None else f"{sign}{texts.number(value, 'pct', lang)} %" for lang in LANGS}
        return verdict, shown, why, False
    values = [_value(results, k) for k in series["keys"]]
    bounds = [_value(results, k + LOWER_BOUND) if v is None else None for k, v in zip(series["keys"], values)]
    style, too_few = "n", False
    if rule["check"] == "material_share":
        verdict, why, too_few = _material(values, bounds, rule)
        style = None  # a share in percent, as recorded (three decimals)
    else:
        verdict, why = _fluctuation(values, rule, bounds)
    shown = {lang: ", ".join(texts.number(v, style, lang) if v is not None or b is None
                             else f"≥ {texts.number(b, style, lang)}" for v, b in zip(values, bounds)) for lang in LANGS}
    return verdict, shown, why, too_few


def _series(entry: dict, results: dict) -> Verdict:
    """Each series' verdict under the rule; only ``evidence`` series decide. A ``context`` series
    is shown with its numbers and its reason, and no verdict."""
    rule = entry["rule"]
    parts, short = [], []
    for series in rule["series"]:
        verdict, shown, why, too_few = _series_verdict(series, rule, results)
        if series.get("role", "evidence") == "evidence":
            short.append(too_few)
        else:
            verdict = ""
            why = {lang: said(series["role_why"], lang, entry["id"], series["role"], series["name"], "role_why")
                   for lang in LANGS}
        parts.append({"series": series["name"], "role": series.get("role", "evidence"), "verdict": verdict, "value": shown,
                      "explanation": why})
    # C1: when no evidence series has the years the rule needs, the claim is not checkable for want
    # of public rows, which says more than "data incomplete".
    return _combined(parts, empty_kind="too_few_public_rows" if short and all(short) else "incomplete_data")


def _title(part: dict, lang: str) -> str:
    """What a part of a claim is about, in ``lang``: its own title, or its series' label."""
    return part["title"][lang] if "title" in part else label(part["series"], lang)


def _combined(parts: list, data: str = "public", empty_kind: str = "incomplete_data") -> Verdict:
    """A claim judged on several parts (series, or definitions and groups of a licensed file):
    every determined part supports and none is undetermined -> reproduced; some support ->
    partly_supported; none supports, some contradict -> contradicted; none determined ->
    not_checkable (``empty_kind``, incomplete_data unless said). Only evidence parts count; a status resting on fewer parts
    than are shown says how many context parts it leaves out."""
    context = [p for p in parts if p.get("role") == "context"]
    shown_parts = parts
    parts = [p for p in parts if p.get("role", "evidence") == "evidence"]
    count = {v: sum(p["verdict"] == v for p in parts) for v in VERDICTS}
    if count["supports"] == len(parts):
        status, kind = "reproduced", ""
    elif count["supports"]:
        status, kind = "partly_supported", ""
    elif count["contradicts"]:
        status, kind = "contradicted", ""
    else:
        status, kind = "not_checkable", empty_kind
    value = _say("series_count_evidence" if context else "series_count", supports=count["supports"], n=len(parts),
                 context=len(context))
    details = {lang: "; ".join(f"{_title(p, lang)}: {p['value'][lang] or '—'} "
                               f"({label('verdict_' + p['verdict'] if p['verdict'] else 'role_context', lang)})"
                               for p in shown_parts) for lang in LANGS}
    explanation = _say("explain_series_evidence" if context else "explain_series", supports=count["supports"],
                       contradicts=count["contradicts"], undetermined=count["undetermined"], n=len(parts),
                       context=len(context), details=lambda lang: details[lang])
    return Verdict(status, value, explanation, kind, shown_parts, data)


def _pp(value, lang: str) -> str:
    """A difference, a fraction 0-1, in percentage points for ``lang``."""
    return texts.number(100 * value, "d1", lang)


def _licensed_differs(rule: dict, results: dict) -> list:
    """Parts of a claim that a difference exists (C5): one per migrant definition of the
    licensed file, for the first of ``rule["items"]`` the file has. Supports where the
    difference holds; contradicts where no flag is raised and the whole 95 % interval lies
    within +-``margin_pp`` percentage points (an effect too small to matter, shown, not just
    not detected); undetermined otherwise (an interval too wide to tell)."""
    item = next((i for i in rule["items"] if i in (results.get("licensed.items") or [])), None)
    if item is None:
        return []
    margin = rule["margin_pp"] / 100
    parts = []
    for definition in results["licensed.definitions"]:
        base = f"licensed.{item}.{definition}"
        diff, low, high = (results.get(f"{base}.{k}") for k in ("difference", "difference_ci_low", "difference_ci_high"))
        flagged = any(results.get(f"{base}.{f}") for f in ("small_group", "few_events", "few_df"))
        if results.get(f"{base}.holds"):
            verdict, key = "supports", "explain_licensed_holds"
        elif not flagged and low is not None and high is not None and -margin <= low and high <= margin:
            verdict, key = "contradicts", "explain_licensed_within_margin"
        else:
            verdict, key = "undetermined", "explain_licensed_undetermined"
        values = {"difference": lambda lang, v=diff: _pp(v, lang) if v is not None else "—",
                  "low": lambda lang, v=low: _pp(v, lang) if v is not None else "—",
                  "high": lambda lang, v=high: _pp(v, lang) if v is not None else "—",
                  "p": lambda lang, v=results.get(f"{base}.p_holm"): texts.number(v, "p", lang) if v is not None else "—",
                  "margin": lambda lang: exact_text(rule["margin_pp"], lang)}
        parts.append({"series": f"licensed.{item}.{definition}", "verdict": verdict,
                      "title": _say("licensed_part_definition", item=lambda lang: label(f"licensed_item_{item}", lang),
                                    definition=definition),
                      "value": {lang: f"{_pp(diff, lang)} pp" if diff is not None else "" for lang in LANGS},
                      "explanation": _say(key, **values)})
    return parts


def _licensed_low(rule: dict, results: dict) -> list:
    """Parts of a claim that a share is low in both groups (C6): one per group under each
    migrant definition of the licensed file (``definitions: all``; ``primary``: the first
    only). Supports where the 95 % interval lies at or below ``threshold_pct``; contradicts
    where it lies above; undetermined where it straddles the threshold or the domain has too
    few degrees of freedom. A group with few events (:func:`_few_events_groups`) is named in its
    part (``few_events``); with ``few_events: noted`` its verdict stands, with ``undetermined``
    it cannot decide."""
    from .finance.compare import FEW_EVENTS  # scipy: only when a licensed file is judged

    item = rule["item"]
    if item not in (results.get("licensed.items") or []):
        return []
    every = results["licensed.definitions"] if rule.get("definitions", "primary") == "all" else []
    threshold = rule["threshold_pct"] / 100
    parts = []
    for definition in every or [results["licensed.primary_definition"]]:
        base = f"licensed.{item}.{definition}"
        flagged = _few_events_groups(results, base, FEW_EVENTS)
        for group in ("migrant", "non_migrant"):
            share, low, high = (results.get(f"{base}.{k}_{group}") for k in ("share", "ci_low", "ci_high"))
            few = flagged.get(group)
            undecided = few is not None and rule["few_events"] == "undetermined"
            if share is None or results.get(f"{base}.few_df") or undecided:
                verdict = "undetermined"
            elif high <= threshold:
                verdict = "supports"
            elif low > threshold:
                verdict = "contradicts"
            else:
                verdict = "undetermined"
            explanation = _say("explain_licensed_low", share=lambda lang, v=share: _pp(v, lang) if v is not None else "—",
                               low=lambda lang, v=low: _pp(v, lang) if v is not None else "—",
                               high=lambda lang, v=high: _pp(v, lang) if v is not None else "—",
                               threshold=lambda lang: exact_text(rule["threshold_pct"], lang))
            title = _say("licensed_part_group_definition", item=lambda lang: label(f"licensed_item_{item}", lang),
                         group=lambda lang, g=group: label(g, lang), definition=definition)
            if few is not None:
                flag = _say("licensed_few_events_part", yes=few[0], no=few[1], minimum=FEW_EVENTS)
                explanation = {lang: f"{explanation[lang]}; {flag[lang]}" for lang in LANGS}
            parts.append({"series": f"{base}.{group}", "verdict": verdict, "title": title, "few_events": few,
                          "value": {lang: f"{_pp(share, lang)} %" if share is not None else "" for lang in LANGS},
                          "explanation": explanation})
    return parts


def _few_events_groups(results: dict, base: str, minimum: int) -> dict[str, tuple[int, int]]:
    """{group: (yes answers, no answers)} of the groups that raised the ``few_events`` flag of
    the licensed comparison ``base``, as notebook 05 raises it
    (:func:`~kalbar_border.finance.compare.is_few_events`): the groups with fewer than
    ``minimum`` yes or no answers, else (the flag then comes from a design effect below 1,
    which the results do not record per group) those with fewer than twice that. Empty when
    the comparison is not flagged or the run recorded no counts (results of an earlier version)."""
    counts = {}
    for group in ("migrant", "non_migrant"):
        n, count = results.get(f"{base}.n_{group}"), results.get(f"{base}.count_{group}")
        if n is None or count is None:
            return {}
        counts[group] = (int(count), int(n) - int(count))
    if not results.get(f"{base}.few_events"):
        return {}
    below = {group: c for group, c in counts.items() if min(c) < minimum}
    return below or {group: c for group, c in counts.items() if min(c) < 2 * minimum}


LICENSED_CHECKS = {"differs": (_licensed_differs, ("items", "margin_pp")),
                   "low_in_both": (_licensed_low, ("item", "threshold_pct", "definitions", "few_events"))}
#: The words a licensed rule's text-valued parameters accept: which migrant definitions a group
#: is judged under, and what a group with few events does to its verdict.
LICENSED_CHOICES = {"definitions": ("all", "primary"), "few_events": ("noted", "undetermined")}


def _licensed(entry: dict, results: dict) -> Verdict:
    """The verdict on a claim from a licensed file's results (notebook 08), by the rule's
    ``licensed`` check; not checkable (incomplete_data) when the file lacks the item."""
    rule = entry["rule"]["licensed"]
    parts = LICENSED_CHECKS[rule["check"]][0](rule, results)
    if not parts:
        return Verdict("not_checkable", None, _say("explain_licensed_no_item"), "incomplete_data", data="licensed")
    verdict = _combined(parts, "licensed")
    few = [p for p in parts if p.get("few_events")]
    if few:
        # Said beside the status, not only in a part's row: a reader of the status alone must see it.
        counts = lambda p, lang: label("licensed_few_events_counts", lang).format(  # noqa: E731
            yes=p["few_events"][0], no=p["few_events"][1])
        groups = {lang: "; ".join(f"{p['title'][lang]}: {counts(p, lang)}" for p in few) for lang in LANGS}
        verdict.note = _say(f"licensed_few_events_{rule['few_events']}", groups=lambda lang: groups[lang])
        verdict.explanation = {lang: f"{verdict.explanation[lang]}. {verdict.note[lang]}" for lang in LANGS}
    return verdict


def evaluate_one(entry: dict, results: dict) -> Verdict:
    """The :class:`Verdict` of one ledger entry; explanations in every language, from the
    label dictionary and the ledger's ``reason`` (translated through the catalogue)."""
    rule = entry["rule"]
    kind = rule["type"]
    values = template_values(entry, results)
    reason = {lang: texts.fill(_text(entry, "reason", lang), values, lang) for lang in LANGS}
    if kind == "qualitative":
        return Verdict("not_checkable", None, reason, rule["kind"])
    if kind == "not_in_public_data":
        if rule.get("licensed") and "licensed.file_sha256" in results:
            return _licensed(entry, results)
        if rule["keys"][0] not in results:  # its notebook did not run (e.g. no microdata)
            return Verdict("not_checkable", None, _say("explain_missing"), "incomplete_data")
        gaps = _value(results, rule["keys"][0])
        if not gaps:
            raise CompendiumError(key="error_claims_public_data_found",
                                  where=Said("error_claims_where", file=LEDGER_NAME, claim=entry["id"]),
                                  results_key=rule["keys"][0], value=repr(gaps))
        return Verdict("not_checkable", None, reason, rule["kind"])
    if kind == "series":
        return _series(entry, results)
    value = _value(results, rule["key"])
    if value is None:
        return Verdict("not_checkable", None, _say("explain_missing"), "incomplete_data")
    if kind == "equals":
        if abs(value - rule["value"]) > rule.get("tolerance", 0):
            status = "contradicted"
        else:
            status = "number_traced_meaning_differs" if entry.get("meaning") else "reproduced"
        return Verdict(status, value, _say("explain_equals", value=lambda lang: exact_text(value, lang),
                                           paper=lambda lang: exact_text(rule["value"], lang),
                                           tolerance=lambda lang: exact_text(rule.get("tolerance", 0), lang)))
    # independent_source
    shown = {lang: label("no_independent_source" if value == 0 else "independent_sources", lang).format(n=value)
             for lang in LANGS}
    if value >= 1:
        return Verdict("reproduced", shown, shown)
    return Verdict("not_checkable", shown, reason, "no_independent_source")


def _format(value, lang: str = "en") -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        return value[lang]
    if isinstance(value, list):
        return ", ".join(_format(v, lang) for v in value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return number_text(value, lang) if isinstance(value, int) else local_text(str(value), lang)


#: A results key as it appears in a template: dotted, lower-case.
_TEMPLATE_KEY = re.compile(r"^[a-z0-9_]+(\.[A-Za-z0-9_]+)+$")


def _keys(entry: dict) -> list[str]:
    """Every results key an entry rests on: its rule's, its series', and those its texts cite."""
    rule = entry["rule"]
    keys = list(rule.get("keys", [])) + ([rule["key"]] if "key" in rule else [])
    for series in rule.get("series", []):
        keys += list(series.get("keys", [])) + ([series["change"]] if "change" in series else [])
    for field_name in TEXTS:
        for lang in LANGS:
            keys += [k for k in texts.placeholders(_text(entry, field_name, lang)) if _TEMPLATE_KEY.match(k)
                     and not k.startswith("rule.")]
    return list(dict.fromkeys(keys))


def _note(entry: dict, verdict: Verdict, values: dict, results: dict, lang: str) -> str:
    """What a reader must know beside the status: why the number's meaning differs, why a
    claim is not checkable, or the caveat of any other status; filled from the results. A
    status computed from a licensed file says so, and which file (by sha256)."""
    if verdict.data == "licensed":
        note = label("licensed_status_note", lang).format(
            survey=results["licensed.survey"], year=results["licensed.year"], sha=results["licensed.file_sha256_short"])
        return f"{verdict.note[lang]} {note}" if verdict.note else note
    field_name = {"number_traced_meaning_differs": "meaning", "not_checkable": "reason"}.get(verdict.status, "caveat")
    return texts.fill(_text(entry, field_name, lang), values, lang)


def _evidence(ev: dict, source_rows: list[str], lang: str) -> str:
    """Where a claim's evidence is, in ``lang``: notebook, figure, table, source rows."""
    return "; ".join(filter(None, [
        f"{label('evidence_notebook', lang)} {ev['notebook']}" if ev.get("notebook") else "",
        f"{label('evidence_figure', lang)} {ev['figure']}" if ev.get("figure") else "",
        f"{label('evidence_table', lang)} results/{ev['table']}" if ev.get("table") else "",
        f"{label('evidence_rows', lang)} {', '.join(source_rows)}" if source_rows else "",
    ]))


def evaluate(entries: list[dict], results: dict, sources: dict) -> pd.DataFrame:
    """The evaluated ledger, long: one row per claim (``part`` = ``"claim"``) with status,
    values, notes and evidence, followed by one row per series of a claim judged on several
    (``part`` = the series, ``status`` its verdict: supports, contradicts, undetermined).

    ``sources`` (results_sources.json) supplies the source rows behind each key, so the
    evidence column is computed too.
    """
    rows = []
    for entry in entries:
        verdict = evaluate_one(entry, results)
        values = template_values(entry, results)
        keys = _keys(entry) + _bound_keys(entry, results)
        source_rows = sorted({s for k in keys for s in sources.get(k, {}).get("sources", [])})
        # A status from a licensed file points at notebook 08 and its table, not at the public ones.
        ev = entry.get("evidence_licensed") if verdict.data == "licensed" and "evidence_licensed" in entry \
            else entry["evidence"]
        evidence = {lang: _evidence(ev, source_rows, lang) for lang in LANGS}
        filled = {f"{f}{'_id' if lang == 'id' else ''}": texts.fill(_text(entry, f, lang), values, lang)
                  for f in ("claim", "concept", "checked") for lang in LANGS}
        paper = {lang: _format(entry.get("paper_value"), lang) for lang in LANGS}
        rows.append({
            "id": entry["id"], "part": "claim", "role": "", "claim": filled["claim"], "paper_value": paper["en"],
            "reproduced_value": _format(verdict.value), "status": verdict.status, "kind": verdict.kind,
            "caveat": _note(entry, verdict, values, results, "en"), "data": verdict.data,
            "claim_id": filled["claim_id"], "paper_value_id": paper["id"],
            "reproduced_value_id": _format(verdict.value, "id"),
            "caveat_id": _note(entry, verdict, values, results, "id"),
            "concept": filled["concept"], "concept_id": filled["concept_id"],
            "checked": filled["checked"], "explanation": verdict.explanation.get("en", ""), "evidence": evidence["en"],
            "checked_id": filled["checked_id"], "explanation_id": verdict.explanation.get("id", ""),
            "results_keys": ", ".join(keys), "evidence_id": evidence["id"], "expected_status": entry["expected_status"],
            "notebook": ev.get("notebook", ""), "figure": ev.get("figure", ""),
        })
        for part in verdict.parts:
            rows.append({"id": entry["id"], "part": part["series"], "role": part.get("role", "evidence"),
                         "claim": _title(part, "en"),
                         "claim_id": _title(part, "id"), "reproduced_value": part["value"]["en"],
                         "reproduced_value_id": part["value"]["id"], "status": part["verdict"],
                         "explanation": part["explanation"]["en"], "explanation_id": part["explanation"]["id"]})
    return pd.DataFrame(rows).fillna("")


def claims_only(table: pd.DataFrame) -> pd.DataFrame:
    """The rows of an evaluated ledger about whole claims (not their series)."""
    return table[table["part"] == "claim"].reset_index(drop=True)


def series_of(table: pd.DataFrame, claim: str) -> pd.DataFrame:
    """The per-series rows of one claim judged on several series (empty for the others)."""
    return table[(table["id"] == claim) & (table["part"] != "claim")]


def status_text(status: str, kind: str, lang: str = "en") -> str:
    """A status in words; a claim not checkable says of which kind."""
    text = label(f"status_{status}", lang)
    return f"{text}: {label('kind_' + kind, lang)}" if kind else text


def definitions(lang: str = "en") -> pd.DataFrame:
    """What each status and each kind of not checkable means, in ``lang``: one sentence each."""
    rows = [(label(f"status_{s}", lang), label(f"status_def_{s}", lang)) for s in STATUSES]
    rows += [(status_text("not_checkable", k, lang), label(f"kind_def_{k}", lang)) for k in KINDS]
    return pd.DataFrame(rows, columns=[label("col_status", lang), label("col_meaning", lang)])


def view(table: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """The evaluated ledger as a reader sees it, in ``lang``: id, claim, paper value,
    reproduced value, status and its note, with headers from the label dictionary. A claim
    judged on several series is followed by one line per series with its verdict."""
    suffix = "_id" if lang == "id" else ""
    rows = []
    for r in table.itertuples(index=False):
        if r.part == "claim":
            rows.append({"id": r.id, "col_claim": getattr(r, "claim" + suffix),
                         "col_paper_value": getattr(r, "paper_value" + suffix),
                         "col_reproduced_value": getattr(r, "reproduced_value" + suffix),
                         "col_status": status_text(r.status, r.kind, lang), "col_caveat": getattr(r, "caveat" + suffix)})
        else:
            rows.append({"id": "", "col_claim": "↳ " + getattr(r, "claim" + suffix), "col_paper_value": "",
                         "col_reproduced_value": getattr(r, "reproduced_value" + suffix),
                         "col_status": label("verdict_" + r.status if r.status else "role_context", lang), "col_caveat": getattr(r, "explanation" + suffix)})
    out = pd.DataFrame(rows)
    return out.rename(columns={c: label(c, lang) for c in out.columns if c != "id"})


def evidence(table: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """What was checked for each claim, how its status follows, and where its evidence is, in
    ``lang`` (columns id, checked, explanation, evidence either way)."""
    table = claims_only(table)
    out = table[["id", "checked", "explanation", "evidence"]]
    if lang == "id":
        out = out.assign(checked=table["checked_id"], explanation=table["explanation_id"], evidence=table["evidence_id"])
    return out


def rules(document: dict, lang: str = "en") -> pd.DataFrame:
    """Every rule parameter with its value and its reason, in ``lang``, for the claims judged
    by a threshold."""
    rows = []
    for entry in document["claims"]:
        rule = entry["rule"]
        for where, part in (((), rule), (("licensed",), rule.get("licensed") or {})):
            for parameter, why in (part.get("why") or {}).items():
                rows.append({"id": entry["id"], "parameter": ".".join((*where, parameter)),
                             "value": exact_text(part[parameter], lang),
                             "why": said(why, lang, entry["id"], *where, "why", parameter)})
    return pd.DataFrame(rows, columns=["id", "parameter", "value", "why"])


def drifted(table: pd.DataFrame) -> pd.DataFrame:
    """Claims whose computed status differs from the ledger's expected_status. The lock is on
    the public data: a status computed from a licensed file (``data`` "licensed") is not
    locked, since no reader of the repository can reproduce it."""
    table = claims_only(table)
    public = table["data"] != "licensed" if "data" in table else True
    return table[(table["status"] != table["expected_status"]) & public]


def drift_view(drift: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """The claims of :func:`drifted` as notebook 07's "Status lock" shows them: the id, the
    computed status and the ledger's expected_status, in words of ``lang`` (the names of
    :func:`definitions`, e.g. "partly supported", "contradicted"), not the codes."""
    def kind_of(row) -> str:
        kind = row.get("kind")
        return kind if isinstance(kind, str) and row["status"] == "not_checkable" else ""

    return pd.DataFrame({"id": list(drift["id"]),
                         "status": [status_text(r["status"], kind_of(r), lang) for r in drift.to_dict("records")],
                         "expected_status": [label(f"status_{s}", lang) for s in drift["expected_status"]]})


def counts(table: pd.DataFrame) -> dict[str, int]:
    """How many claims have each status (every status, zero included)."""
    found = claims_only(table)["status"].value_counts()
    return {status: int(found.get(status, 0)) for status in STATUSES}


def no_drift(lang: str = "en") -> str:
    """What notebook 07 says, in ``lang``, when no computed status differs from the ledger's."""
    return label("claims_no_drift", lang)


def rules_table(document: dict) -> pd.DataFrame:
    """Every threshold of the ledger with its value and reason in both languages (columns id,
    parameter, value, value_id, why, why_id): ``results/claims_rules.csv``."""
    en, id_ = rules(document, "en"), rules(document, "id")
    return en.assign(value_id=id_["value"], why_id=id_["why"])[["id", "parameter", "value", "value_id", "why", "why_id"]]


def record_values(document: dict, table: pd.DataFrame) -> dict:
    """What notebook 07 records: how many claims have each status, and when the rules were fixed."""
    return {**{f"claims.{status}": n for status, n in counts(table).items()},
            "claims.rules_fixed": document["rules_fixed"], "claims.rules_fixed_note": document["rules_fixed_note"],
            "claims.rules_fixed_note_id": rules_fixed_note(document, "id")}


def rules_fixed_note(document: dict, lang: str = "en") -> str:
    """When and how the ledger's rules were fixed, in ``lang``."""
    return said(document["rules_fixed_note"], lang, "rules_fixed_note")


def choices(document: dict, lang: str = "en") -> pd.DataFrame:
    """The ledger's dated analysis choices as notebook 07 lists them, texts in ``lang`` (as written,
    placeholders unfilled): columns id, choice, fixed, results_seen, reason (in Indonesian choice_id
    and reason_id, the names the table has always had)."""
    rows = [{k: said(v, lang, "analysis_choices", entry["id"], k) if k in CHOICE_TEXTS else v for k, v in entry.items()}
            for entry in document.get("analysis_choices") or []]
    return pd.DataFrame(rows).rename(columns={c: f"{c}_id" for c in CHOICE_TEXTS} if lang == "id" else {})


#: The values each rule threshold is scanned over for :func:`sensitivity` (first, last, step),
#: in steps of the precision the compared numbers are shown with (changes and moves to 0.1 %).
SCAN = {"min_turns": (0, 4, 1), "min_move_pct": (0, 100, 0.1), "threshold": (-100, 100, 0.1),
        "margin_pp": (0, 50, 0.1), "threshold_pct": (0, 100, 0.1), "min_share_pct": (0, 10, 0.01), "min_years": (1, 5, 1)}


def _with(entry: dict, path: tuple, value) -> dict:
    """A copy of ``entry`` whose rule parameter at ``path`` (under ``rule``) is ``value``."""
    changed = copy.deepcopy(entry)
    target = changed["rule"]
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return changed


def _thresholds(entry: dict) -> list[tuple]:
    """The scanned parameters of an entry: (name as shown, path under ``rule``)."""
    rule = entry["rule"]
    found = [((p,), p) for p in CHECKS.get(rule.get("check"), ()) if rule["type"] == "series"]
    licensed = rule.get("licensed") or {}
    found += [(("licensed", p), f"licensed.{p}") for p in LICENSED_CHECKS.get(licensed.get("check"), ((), ()))[1]
              if p in SCAN]
    return [(path, name) for path, name in found]


def sensitivity(entries: list[dict], results: dict) -> pd.DataFrame:
    """For each rule threshold (C2 ``min_turns`` and ``min_move_pct``, C4 ``threshold``, C5/C6
    ``licensed.margin_pp``/``licensed.threshold_pct``): the range of values, scanned over
    :data:`SCAN` in steps of the shown precision, over which the claim keeps the status it has at
    the ledger's value, and the status it takes just outside that range on either side (empty
    when it keeps its status to the end of the scan): ``results/claims_sensitivity.csv``.
    A status computed without the parameter (C5/C6 with no licensed file) keeps it throughout."""
    rows = []
    for entry in entries:
        for path, name in _thresholds(entry):
            first, last, step = SCAN[path[-1]]
            grid = [round(first + i * step, 10) for i in range(int(round((last - first) / step)) + 1)]
            if step == 1:
                grid = [int(v) for v in grid]
            current = entry["rule"] if len(path) == 1 else entry["rule"][path[0]]
            value = current[path[-1]]
            status = evaluate_one(entry, results).status
            at = {v: evaluate_one(_with(entry, path, v), results).status for v in grid}
            start = min(range(len(grid)), key=lambda i: abs(grid[i] - value))
            low = high = start
            while low > 0 and at[grid[low - 1]] == status:
                low -= 1
            while high < len(grid) - 1 and at[grid[high + 1]] == status:
                high += 1
            below = grid[low - 1] if low > 0 else None
            above = grid[high + 1] if high < len(grid) - 1 else None
            rows.append({"id": entry["id"], "parameter": name, "value": value, "status": status,
                         "keeps_from": grid[low], "keeps_to": grid[high], "scanned_from": first, "scanned_to": last,
                         "changes_below_at": below, "status_below": at[below] if below is not None else "",
                         "changes_above_at": above, "status_above": at[above] if above is not None else ""})
    return pd.DataFrame(rows, columns=["id", "parameter", "value", "status", "keeps_from", "keeps_to", "scanned_from",
                                       "scanned_to", "changes_below_at", "status_below", "changes_above_at",
                                       "status_above"])


def fragility(table: pd.DataFrame, lang: str = "en") -> dict[str, str]:
    """One sentence per claim, in ``lang``, on how fragile its status is: for each threshold the
    range over which the status holds and what it becomes beyond it (:func:`sensitivity`)."""
    sentences = {}
    for claim, rows in table.groupby("id", sort=False):
        parts = []
        for r in rows.itertuples(index=False):
            changes = [label("sensitivity_changes", lang).format(at=exact_text(at, lang),
                                                                 status=label(f"status_{to}", lang))
                       for at, to in ((r.changes_below_at, r.status_below), (r.changes_above_at, r.status_above))
                       if isinstance(to, str) and to]
            parts.append(label("sensitivity_part", lang).format(
                parameter=r.parameter, value=exact_text(r.value, lang), low=exact_text(r.keeps_from, lang),
                high=exact_text(r.keeps_to, lang),
                changes="; ".join(changes) if changes else label("sensitivity_never", lang)))
        status = rows["status"].iloc[0]
        sentences[claim] = label("sensitivity_sentence", lang).format(
            id=claim, status=label(f"status_{status}", lang), parts="; ".join(parts))
    return sentences
