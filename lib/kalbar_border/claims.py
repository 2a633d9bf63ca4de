"""The claims ledger: ``claims.yml`` says what each claim of the paper is and by which rule
it is judged; this module computes each status from ``results/results.json``.

Statuses: ``reproduced``, ``reproduced_with_caveat``, ``contradicted``, ``not_checkable``.
A status is never typed in: it follows from the rule and the results. ``expected_status``
in the ledger is only a lock that the tests compare against.
"""
from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import yaml

from . import paths
from .localize import local_text
from .numbers import exact_text
from .errors import CompendiumError
from .figures.labels import LANGS, label

STATUSES = ("reproduced", "reproduced_with_caveat", "contradicted", "not_checkable")
RULES = ("qualitative", "not_in_public_data", "equals", "change_below", "fluctuates", "independent_source")
REQUIRED = ("id", "claim", "claim_id", "checked", "checked_id", "rule", "evidence", "expected_status")
CSV_COLUMNS = ["id", "claim", "paper_value", "reproduced_value", "status", "evidence"]


def load_ledger(path: Path = paths.CLAIMS) -> list[dict]:
    """Read and check the ledger; a malformed entry is a one-line error naming id and field."""
    if not Path(path).is_file():
        raise CompendiumError(f"{path}: claims ledger not found")
    entries = (yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}).get("claims", [])
    seen = set()
    for i, entry in enumerate(entries, start=1):
        where = f"{Path(path).name}: claim {entry.get('id', f'#{i}')}"
        for field in REQUIRED:
            if field not in entry:
                raise CompendiumError(f"{where}: field '{field}' missing; required: {', '.join(REQUIRED)}")
        if entry["id"] in seen:
            raise CompendiumError(f"{where}: duplicate id")
        seen.add(entry["id"])
        if entry["rule"].get("type") not in RULES:
            raise CompendiumError(f"{where}: rule type {entry['rule'].get('type')!r} unknown; accepted: {', '.join(RULES)}")
        for field in ("caveat", "reason"):
            if field in entry and f"{field}_id" not in entry:
                raise CompendiumError(f"{where}: field '{field}' has no Indonesian twin '{field}_id'")
        if entry["expected_status"] not in STATUSES:
            raise CompendiumError(f"{where}: expected_status {entry['expected_status']!r}; accepted: {', '.join(STATUSES)}")
    return entries


def _value(results: dict, key: str):
    value = results.get(key)
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return value


def _missing(key: str, lang: str) -> tuple[str, None, str]:
    return "not_checkable", None, label("explain_missing", lang).format(key=key)


def _reproduced(entry: dict) -> str:
    return "reproduced_with_caveat" if entry.get("caveat") else "reproduced"


def evaluate_one(entry: dict, results: dict, lang: str = "en") -> tuple[str, object, str]:
    """(status, reproduced value, explanation) for one ledger entry; the explanation is in
    ``lang`` (en, id), from the label dictionary and the ledger's ``reason``/``reason_id``."""
    rule = entry["rule"]
    kind = rule["type"]
    reason = entry.get("reason_id" if lang == "id" else "reason", "")
    if kind == "qualitative":
        return "not_checkable", None, reason or label("explain_qualitative", lang)
    if kind == "not_in_public_data":
        if rule["keys"][0] not in results:  # its notebook did not run (e.g. no microdata)
            return _missing(rule["keys"][0], lang)
        gaps = _value(results, rule["keys"][0])
        if not gaps:
            raise CompendiumError(
                f"claims.yml: claim {entry['id']}: {rule['keys'][0]} is {gaps!r}, so the public data it lacked may now "
                "exist; replace rule 'not_in_public_data' with a rule that tests the claim")
        return "not_checkable", None, reason
    if kind == "equals":
        value = _value(results, rule["key"])
        if value is None:
            return _missing(rule["key"], lang)
        ok = abs(value - rule["value"]) <= rule.get("tolerance", 0)
        return (_reproduced(entry) if ok else "contradicted"), value, label("explain_equals", lang).format(
            key=rule["key"], value=exact_text(value, lang), paper=exact_text(rule["value"], lang),
            tolerance=exact_text(rule.get("tolerance", 0), lang))
    if kind == "change_below":
        value = _value(results, rule["key"])
        if value is None:
            return _missing(rule["key"], lang)
        ok = value <= rule["threshold"]
        return (_reproduced(entry) if ok else "contradicted"), f"{value} %", label("explain_change_below", lang).format(
            key=rule["key"], value=exact_text(value, lang), threshold=exact_text(rule["threshold"], lang))
    if kind == "fluctuates":
        values = [v for v in (_value(results, k) for k in rule["keys"]) if v is not None]
        if len(values) < rule.get("min_values", 3):
            return "not_checkable", values, label("explain_too_few_values", lang).format(
                found=len(values), wanted=len(rule["keys"]))
        signs = [b > a for a, b in zip(values, values[1:]) if b != a]
        turns = sum(1 for a, b in zip(signs, signs[1:]) if a != b)
        return (_reproduced(entry) if turns else "contradicted"), values, label("explain_turns", lang).format(
            n=len(values), turns=turns)
    # independent_source
    value = _value(results, rule["key"])
    if value is None:
        return _missing(rule["key"], lang)
    shown = "no independent source" if value == 0 else f"{value} independent source{'s' if value > 1 else ''}"
    if value >= 1:
        return _reproduced(entry), shown, local_text(shown, lang)
    return "not_checkable", shown, reason or local_text(shown, lang)


def _format(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(_format(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int) else str(value)


def _keys(entry: dict) -> list[str]:
    rule = entry["rule"]
    return list(rule.get("keys", [])) + ([rule["key"]] if "key" in rule else []) + list(entry.get("context_keys", []))


def _caveat(entry: dict, status: str, suffix: str = "") -> str:
    """What a reader must know beside the status: the caveat of a reproduction, the reason a
    claim is not checkable; ``suffix="_id"`` gives the Indonesian text."""
    field = {"reproduced_with_caveat": "caveat", "not_checkable": "reason"}.get(status)
    return entry.get(f"{field}{suffix}", "") if field else ""


def _evidence(ev: dict, source_rows: list[str], lang: str) -> str:
    """Where a claim's evidence is, in ``lang``: notebook, figure, table, source rows."""
    return "; ".join(filter(None, [
        f"{label('evidence_notebook', lang)} {ev['notebook']}" if ev.get("notebook") else "",
        f"{label('evidence_figure', lang)} {ev['figure']}" if ev.get("figure") else "",
        f"{label('evidence_table', lang)} results/{ev['table']}" if ev.get("table") else "",
        f"{label('evidence_rows', lang)} {', '.join(source_rows)}" if source_rows else "",
    ]))


def evaluate(entries: list[dict], results: dict, sources: dict) -> pd.DataFrame:
    """The evaluated ledger: one row per claim with status, values, caveat and evidence.

    ``sources`` (results_sources.json) supplies the source rows behind each key, so the
    evidence column is computed too.
    """
    rows = []
    for entry in entries:
        status, value, explanation = evaluate_one(entry, results)
        explanation_id = evaluate_one(entry, results, "id")[2]
        keys = _keys(entry)
        source_rows = sorted({s for k in keys for s in sources.get(k, {}).get("sources", [])})
        ev = entry["evidence"]
        evidence = {lang: _evidence(ev, source_rows, lang) for lang in LANGS}
        rows.append({
            "id": entry["id"], "claim": entry["claim"], "paper_value": _format(entry.get("paper_value")),
            "reproduced_value": _format(value), "status": status,
            "caveat": _caveat(entry, status),
            "claim_id": entry["claim_id"],
            "caveat_id": _caveat(entry, status, "_id"),
            "checked": entry["checked"], "explanation": explanation, "evidence": evidence["en"],
            "checked_id": entry["checked_id"], "explanation_id": explanation_id,
            "results_keys": ", ".join(keys), "evidence_id": evidence["id"], "expected_status": entry["expected_status"],
            "notebook": ev.get("notebook", ""), "figure": ev.get("figure", ""),
        })
    return pd.DataFrame(rows)


def view(table: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """The evaluated ledger as a reader sees it, in ``lang``: id, claim, paper value,
    reproduced value, status and caveat or reason, with headers from the label dictionary;
    the values in ``lang`` too (``"5,824"`` and "no independent source" read ``"5.824"`` and
    "tidak ada sumber independen" in Indonesian, as on the report page)."""
    texts = ("claim_id", "caveat_id") if lang == "id" else ("claim", "caveat")
    values = {column: [local_text(v, lang) for v in table[column]] for column in ("paper_value", "reproduced_value")}
    out = pd.DataFrame({"id": table["id"], "col_claim": table[texts[0]], "col_paper_value": values["paper_value"],
                        "col_reproduced_value": values["reproduced_value"],
                        "col_status": [label(f"status_{s}", lang) for s in table["status"]],
                        "col_caveat": table[texts[1]]})
    return out.rename(columns={c: label(c, lang) for c in out.columns if c != "id"})


def evidence(table: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """What was checked for each claim, how its status follows, and where its evidence is, in
    ``lang`` (columns id, checked, explanation, evidence either way)."""
    out = table[["id", "checked", "explanation", "evidence"]]
    if lang == "id":
        out = out.assign(checked=table["checked_id"], explanation=table["explanation_id"], evidence=table["evidence_id"])
    return out


def drifted(table: pd.DataFrame) -> pd.DataFrame:
    """Claims whose computed status differs from the ledger's expected_status."""
    return table[table["status"] != table["expected_status"]]


def no_drift(lang: str = "en") -> str:
    """What notebook 07 says, in ``lang``, when no computed status differs from the ledger's."""
    return label("claims_no_drift", lang)
