"""The reader-facing report index, ``build/index.html`` (and its Indonesian twin
``build/index.id.html``): the page a reviewer opens first, readable in five minutes.

From the top: the paper; a summary in words (how many claims reproduce, and every claim that
does not reproduce cleanly with a one-sentence reason); the key findings, computed from
``results/results.json`` (never typed in); the claims with their computed statuses; every
figure (embedded, so the page is self-contained offline) with its title, caption and sidecar;
the run's parameters and data versions; links to every executed notebook's HTML; the
provenance table of all datasets; the environment (Python, packages, git commit) and how to
rerun. Written by the pipeline's ``report`` task from the notebooks' run records; an inline
script marks images that failed to load and in-page links without a target, for the browser
test. Only figures that are outputs of the notebooks' current parameters are shown.

This module computes what the page shows; how it looks is the Jinja2 template
``templates/index.html.j2`` (with ``report_macros.html.j2``, ``report.css`` and
``report_check.js``), one for both languages. No HTML is written here: the functions return
plain data whose texts are already in the page's language, and the template escapes them.

Every part reads only what the run wrote: a run with some notebooks (no microdata, say) still
gets a page, with the parts it has no results for left out. Every reader-facing word comes
from :mod:`kalbar_border.figures.labels`, numbers are written in the page's language
(5,824 and 1.5 in English; 5.824 and 1,5 in Indonesian).
"""
from __future__ import annotations

import base64
import functools
import html
import json
import re
from pathlib import Path

import pandas as pd
from markupsafe import Markup

from . import __version__
from .atomic import write_text
from .i18n import translations
from .data.microdata import DATASETS
from .data.transcribe import TABLES
from .localize import headings, local_text
from .figures.labels import LABELS, LANGS, label
from .numbers import date_text, exact_text, number_text
from .finance.variables import INDICATORS, province_name
from .claims import KINDS, STATUSES, claims_only, fragility, status_text
from .finance import robustness
from .finance.survey import MIN_DOMAIN_DF

STATUS_COLOURS = {"reproduced": "#009E73", "number_traced_meaning_differs": "#B8860B", "partly_supported": "#E69F00",
                  "contradicted": "#D55E00", "not_checkable": "#777777",
                  "supports": "#009E73", "contradicts": "#D55E00", "undetermined": "#777777"}
#: The statuses of claims that are not reproduced, in the order the summary lists them (the
#: most serious first).
NOT_CLEAN = ("contradicted", "partly_supported", "number_traced_meaning_differs", "not_checkable")
#: Acronyms spelled out once on each page, in the page's language (label ``acronym_<name>``).
ACRONYMS = ("BPS", "Susenas", "Sakernas", "BP2MI", "BP3MI", "PMIB", "KJRI", "PLBN", "OJK", "SNLIK", "WDI", "AME", "PSU", "PBI")

#: Survey names as readers know them (proper names: the same in both languages).
SURVEYS = {"susenas": "Susenas", "sakernas": "Sakernas"}

#: The paper's province: comparisons of any other province are proxies, and the page says so.
WEST_KALIMANTAN = 61

#: A finance finding in results.json: finance.<dataset>.persons15.<definition>.<indicator>.<field>.
FINANCE_KEY = re.compile(r"^finance\.(?P<dataset>[a-z0-9_]+)\.persons15\.(?P<definition>[a-z0-9_]+)"
                         r"\.(?P<indicator>[a-z0-9_]+)\.(?P<field>[a-z0-9_]+)$")



# --------------------------------------------------------------------------- words and numbers


def _e(text) -> str:
    """``text`` escaped for HTML as the page has always been (html.escape); None and NaN are ``""``.
    A :class:`~markupsafe.Markup` (a filled label, a macro's output) is already HTML."""
    if isinstance(text, Markup):
        return str(text)
    return html.escape("" if text is None or (isinstance(text, float) and pd.isna(text)) else str(text))


def _fill(key: str, lang: str, **values) -> Markup:
    """The label ``key`` in ``lang`` with ``values`` filled in, all escaped for HTML."""
    return Markup(_e(label(key, lang)).format(**{k: _e(v) for k, v in values.items()}))


def _pp(fraction, lang: str) -> str:
    """A fraction 0..1 as percent or percentage points with one decimal."""
    return number_text(100 * fraction, lang, 1)


def _first_sentence(text: str) -> str:
    """The first sentence of ``text`` (up to a full stop followed by a capital or a digit)."""
    return re.split(r"(?<=[.!?])\s+(?=[A-Z0-9])", text.strip(), maxsplit=1)[0]


def _shortened(text: str, limit: int = 140) -> str:
    """``text`` cut at a word boundary before ``limit`` characters (an ellipsis marks the cut)."""
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + " …"


def _status(code: str, lang: str, kind: str = "") -> dict:
    """A claim's status (or a series' verdict) as its badge shows it: colour and words; a claim
    not checkable says of which kind."""
    words = (status_text(code, kind, lang) if code in STATUSES else label("verdict_" + code, lang) if code
             else label("role_context", lang))  # a context series has no verdict
    return {"colour": STATUS_COLOURS.get(code, "#777"), "words": words}


def _table(frame: pd.DataFrame) -> dict:
    """A frame as the template's plain table shows it: column names and rows of values."""
    return {"columns": list(frame.columns), "rows": [list(row) for row in frame.itertuples(index=False)]}


# --------------------------------------------------------------------------- summary


def _claim_text(row, lang: str) -> str:
    return row.claim_id if lang == "id" else row.claim


def _reason(row, lang: str):
    """One sentence on why a claim does not reproduce cleanly: the first sentence of its
    caveat or reason; for a contradicted claim (which has neither) the paper's value against
    this run's."""
    text = row.caveat_id if lang == "id" else row.caveat
    if text:
        return _first_sentence(text)
    if row.paper_value or row.reproduced_value:
        suffix = "_id" if lang == "id" else ""
        return _fill("report_contradicted_reason", lang, paper=getattr(row, "paper_value" + suffix) or "—",
                     reproduced=getattr(row, "reproduced_value" + suffix) or "—")
    return ""


def _summary(detail: pd.DataFrame | None, lang: str) -> dict | None:
    """The opening summary: how many claims reproduce, in a sentence, then every claim that
    does not reproduce cleanly with its reason (None: the run judged no claim)."""
    if detail is None:
        return None
    detail = claims_only(detail)
    counts = detail["status"].value_counts()
    sentence = _fill("report_summary_sentence", lang, total=len(detail),
                     **{status: counts.get(status, 0) for status in STATUSES})
    items = [{"id": r.id, "badge": _status(r.status, lang, r.kind), "text": _shortened(_claim_text(r, lang)),
              "reason": _reason(r, lang)}
             for status in NOT_CLEAN for r in detail.itertuples(index=False) if r.status == status]
    return {"sentence": sentence, "items": items}


# --------------------------------------------------------------------------- findings


def _notebook_parameters(manifest: dict, stem: str) -> dict:
    """The parameters notebook ``stem`` ran with ({} when it is not in the run)."""
    return next((n.get("parameters", {}) for n in manifest.get("notebooks", [])
                 if Path(n["notebook"]).stem == stem), {})


def _province(code, lang: str) -> str:
    """``Jambi (province 15)``: the name and the BPS code the notebooks ran with (plain text)."""
    name = province_name(code, lang)
    # A code without a name ("province 33") or "all" already says all there is.
    return name if str(code) in name else label("report_province", lang).format(name=name, code=code)


def _definition(code: str, lang: str) -> str:
    """Who counts as a migrant under definition ``code``, in words, and the code (plain text)."""
    meaning = f"def_{code}"
    if meaning not in LABELS:
        return label("report_definition", lang).format(code=code)
    return label("report_definition_named", lang).format(meaning=label(meaning, lang), code=code)


def finance_rows(results: dict, definition: str | None = None) -> list[dict]:
    """The migrant/non-migrant comparisons recorded in ``results``: one dict per (dataset,
    indicator) with its fields (share_migrant, difference, ame, ...), Susenas first and
    indicators in the order of :data:`~kalbar_border.finance.variables.INDICATORS`. Only
    ``definition`` (default: the one definition recorded, or the first of several)."""
    found: dict[tuple, dict] = {}
    for key, value in results.items():
        match = FINANCE_KEY.match(key)
        if match:
            m = match.groupdict()
            found.setdefault((m["dataset"], m["definition"], m["indicator"]), {})[m["field"]] = value
    definitions = sorted({d for _, d, _ in found})
    if definition not in definitions:
        definition = definitions[0] if definitions else None
    datasets = list(SURVEYS) + sorted({d for d, _, _ in found} - set(SURVEYS))

    def order(key):
        # Surveys as SURVEYS lists them, then any other; indicators as the analysis lists them.
        dataset, _, indicator = key
        known = list(INDICATORS.get(dataset, {}))
        return datasets.index(dataset), known.index(indicator) if indicator in known else len(known), indicator

    rows = []
    for key in sorted(found, key=order):
        dataset, recorded, indicator = key
        if recorded == definition:
            rows.append({"dataset": dataset, "definition": recorded, "indicator": indicator, **found[key]})
    return rows


def _indicator(name: str, lang: str) -> str:
    """An indicator's name in words (its code when the label dictionary lacks it)."""
    return label(name, lang) if name in LABELS else name


def _estimate(row: dict, field: str, lang: str) -> dict | None:
    """An estimate in percentage points with its 95 % CI (``field``: difference or ame); None
    when not recorded."""
    value, low, high = row.get(field), row.get(f"{field}_ci_low"), row.get(f"{field}_ci_high")
    if value is None:
        return None
    ci = _fill("report_ci", lang, low=_pp(low, lang), high=_pp(high, lang)) if None not in (low, high) else None
    return {"value": _pp(value, lang), "ci": ci}


def _p_value(p, lang: str) -> dict:
    """A p-value as the page writes it: below 0.001, or its value with three decimals."""
    return {"below": True, "text": exact_text(0.001, lang)} if p < 0.001 else {"below": False, "text": number_text(p, lang, 3)}


def _passes(row: dict, family: str, lang: str) -> dict | None:
    """Whether a difference passes Holm's correction in ``family`` ("" for the definition's
    indicators, "_dataset" for every test of the survey): yes or no with the adjusted p, or
    "too few events" (such a difference is never read as evidence); None when not recorded."""
    if row.get("few_events"):
        return {"few": True}
    flag, p = row.get(f"significant_holm{family}"), row.get(f"p_holm{family}")
    if flag is None:
        return None
    return {"few": False, "answer": label("report_yes" if flag else "report_no", lang),
            "p": _p_value(p, lang) if p is not None else None}


def _holds(row: dict, lang: str) -> dict | None:
    """Whether a difference holds by every criterion (the dataset-wide test, the event and
    degrees-of-freedom rules, the adjusted effect), as notebook 06 recorded it."""
    if row.get("holds") is None:
        return None
    if row["holds"]:
        return {"bold": True, "text": label("report_yes", lang)}
    return {"bold": False, "text": _verdict(row, lang) if row.get("verdict") else label("report_no", lang)}


def _verdict(row: dict, lang: str) -> str:
    """"inconclusive", "no difference shown", or why the row is not eligible ("not modelled", ...)."""
    if row.get("verdict") == "not_eligible" and isinstance(row.get("ineligible_reason"), str):
        return label(f"ineligible_{row['ineligible_reason']}", lang)
    return label(f"verdict_{row['verdict']}", lang)


def _share(row: dict, group: str, lang: str) -> dict | None:
    share, n = row.get(f"share_{group}"), row.get(f"n_{group}")
    if share is None:
        return None
    return {"pp": _pp(share, lang), "n": number_text(n, lang) if n is not None else None}


def _finance_table(rows: list[dict], lang: str) -> list[dict]:
    """Every recorded indicator of the default definition: shares, difference, both Holm
    families, the adjusted effect and whether the difference holds."""
    return [{"dataset": r["dataset"], "indicator": r["indicator"], "indicator_name": _indicator(r["indicator"], lang),
             "survey": SURVEYS.get(r["dataset"], r["dataset"]),
             "share_migrant": _share(r, "migrant", lang), "share_non_migrant": _share(r, "non_migrant", lang),
             "difference": _estimate(r, "difference", lang), "passes_family": _passes(r, "", lang),
             "passes_dataset": _passes(r, "_dataset", lang), "ame": _estimate(r, "ame", lang),
             "ame_few_events": bool(r.get("ame_few_events")), "holds": _holds(r, lang)} for r in rows]


def _finance_counts(results: dict, alpha, lang: str):
    """N indicators compared, M hold after Holm, K rest on too few events (when recorded)."""
    keys = ("finance.indicators_tested", "finance.indicators_significant_holm", "finance.indicators_few_events")
    if any(results.get(k) is None for k in keys):
        return ""
    tested, significant, few = (results[k] for k in keys)
    alpha_note = label("report_alpha", lang).format(alpha=exact_text(alpha, lang)) if alpha is not None else ""
    return _fill("report_finance_counts", lang, tested=tested, significant=significant, few=few, alpha=alpha_note)


def _comparison(name: str, lang: str) -> str:
    """"dataset/population/definition/indicator" in words."""
    dataset, population, definition, indicator = name.split("/")
    return label("report_comparison", lang).format(
        indicator=_indicator(indicator, lang), survey=SURVEYS.get(dataset, dataset),
        population=label(f"population_{population}", lang), definition=label(f"def_{definition}", lang))


def _robustness_sentence(results: dict, lang: str):
    """How many comparisons are eligible, how many of those hold by every criterion (and how
    many distinct differences that is), why the others are not eligible, and which hold (when
    notebook 06 recorded it)."""
    if results.get("finance.robustness.eligible") is None:
        return ""
    number = lambda key: number_text(results[f"finance.robustness.{key}"], lang)  # noqa: E731
    sentence = _fill("report_robustness_counts", lang, rows=number("rows"), eligible=number("eligible"),
                     holds=number("holds"), distinct=number("holds_distinct"), min_df=number_text(MIN_DOMAIN_DF, lang),
                     **{reason: number(f"ineligible_{reason}") for reason in robustness.INELIGIBLE})
    holding = results.get("finance.robustness.holding") or []
    if not holding:
        return sentence
    which = _fill("report_robustness_which", lang, items="; ".join(_comparison(h, lang) for h in holding))
    return Markup(f"{sentence} {which}")


def _default_holds(rows: list[dict], lang: str):
    """How many eligible differences of the default definition (persons 15+) hold by every criterion."""
    recorded = [r for r in rows if r.get("holds") is not None and r.get("eligible") is not False]
    if not recorded:
        return ""
    return _fill("report_default_holds", lang, holds=sum(bool(r["holds"]) for r in recorded), n=len(recorded))


#: The dated analysis choices (claims.yml) the finance findings depend on; the ledger's are the others.
FINANCE_CHOICES = ("holm_family", "holds_rule", "equivalence_margin", "domain_df")


def _choices(lang: str) -> Markup:
    """The dated analysis choices the finance findings depend on, quoted from claims.yml."""
    items = " ".join(robustness.choice_text(key, lang) for key in FINANCE_CHOICES)
    return _fill("report_choices", lang, items=items)


def _ledger_choices(lang: str) -> Markup:
    """The dated analysis choices the claims' statuses depend on (every entry of claims.yml's
    ``analysis_choices`` that is not a finance one), quoted, below the ledger's rules."""
    keys = [key for key in robustness.analysis_choices() if key not in FINANCE_CHOICES]
    items = " ".join(robustness.choice_text(key, lang) for key in keys)
    return _fill("report_ledger_choices", lang, items=items)


def _returnees(results: dict, lang: str):
    """The size of the group closest to the paper's migrant workers, whom each n counts, and
    what it can show."""
    key = "finance.{}.persons15.returned_abroad.{}"
    n_susenas, n_sakernas = results.get(key.format("susenas", "n_migrant")), results.get(key.format("sakernas", "n_migrant"))
    if n_susenas is None:
        return ""
    df = results.get("finance.susenas.persons15.returned_abroad.df_migrant")
    answered = results.get(key.format("sakernas", "n_answered"))
    dash = lambda value: "—" if value is None else number_text(value, lang)  # noqa: E731
    return _fill("report_returnees", lang, n=number_text(n_susenas, lang), df=dash(df), n_sakernas=dash(n_sakernas),
                 n_sakernas_answered=dash(answered))


def _mde(results: dict, lang: str):
    """The range of the minimum detectable differences of the eligible comparisons."""
    keys = [f"finance.robustness.mde_{k}" for k in ("min", "max", "median")]
    if any(results.get(k) is None for k in keys):
        return ""
    low, high, median = (_pp(results[k], lang) for k in keys)
    return _fill("report_mde", lang, low=low, high=high, median=median)


def _robustness_table(path: Path, results: dict, lang: str) -> dict | None:
    """The comparisons where anything points to a difference (a test passes in either family,
    or the adjusted effect's interval excludes 0), with what agrees and what does not."""
    if not path.is_file():
        return None
    table = pd.read_csv(path)
    pointing = [r for r in table.to_dict("records")
                if any(r[c] is True for c in ("significant_family", "significant_dataset", "ame_excludes_zero"))]
    rows = []
    for r in pointing:
        row = {k: (None if pd.isna(r[k]) else r[k]) for k in ("difference", "difference_ci_low", "difference_ci_high",
                                                              "ame", "ame_ci_low", "ame_ci_high")}
        yes_no = lambda flag: label("report_yes" if r[flag] is True else "report_no", lang)  # noqa: E731
        rows.append({"indicator_name": _indicator(r["indicator"], lang), "survey": SURVEYS.get(r["dataset"], r["dataset"]),
                     "population": label("population_" + r["population"], lang), "definition": r["definition"],
                     "difference": _estimate(row, "difference", lang), "significant_family": yes_no("significant_family"),
                     "significant_dataset": yes_no("significant_dataset"), "ame": _estimate(row, "ame", lang),
                     "holds": {"bold": True, "text": yes_no("holds")} if r["holds"] is True
                     else {"bold": False, "text": _verdict(r, lang)},
                     "disagreement": robustness.disagreement(r, lang)})
    verdicts = table["verdict"].value_counts()
    rest = _fill("report_robustness_rest", lang, inconclusive=number_text(int(verdicts.get("inconclusive", 0)), lang),
                 no_difference=number_text(int(verdicts.get("no_difference_shown", 0)), lang),
                 margin=_pp(robustness.EQUIVALENCE_MARGIN, lang))
    return {"rows": rows, "rest": rest, "mde": _mde(results, lang)}


def _finance(results: dict, manifest: dict, results_dir: Path, lang: str) -> dict | None:
    """The migrant/non-migrant comparison: what was compared, how many differences hold,
    which, and the table of every recorded indicator (None when none was recorded)."""
    parameters = {**_notebook_parameters(manifest, "06_finance_models"), **_notebook_parameters(manifest, "05_finance_comparison")}
    rows = finance_rows(results, parameters.get("DEFINITION"))
    if not rows:
        return None
    definition = _definition(rows[0]["definition"], lang)
    province = parameters.get("PROVINCE")
    scope = (_fill("report_finance_scope", lang, definition=definition, province=_province(province, lang))
             if province is not None else _fill("report_finance_scope_no_province", lang, definition=definition))
    proxy = Markup(" ") + _fill("report_proxy", lang) if province not in (None, WEST_KALIMANTAN) else ""
    return {"scope": scope, "proxy": proxy, "choices": _choices(lang),
            "robustness": _robustness_sentence(results, lang), "default_holds": _default_holds(rows, lang),
            "counts": _finance_counts(results, parameters.get("ALPHA"), lang), "returnees": _returnees(results, lang),
            "rows": _finance_table(rows, lang),
            "robustness_table": _robustness_table(results_dir / "financial_robustness.csv", results, lang)}


def _change(results: dict, key: str, label_key: str, lang: str):
    """A sentence on a percent change 2019-2020 (rose/fell by so much), or '' if not recorded."""
    pct = results.get(key)
    if pct is None:
        return ""
    direction = label("report_rose" if pct > 0 else "report_fell" if pct < 0 else "report_changed", lang)
    return _fill(label_key, lang, direction=direction, pct=number_text(abs(pct), lang, 1))


def _border(results: dict, lang: str) -> list:
    """The border records: BP2MI complaints 2019 and 2020 and their change, and the change in
    deportations from Sarawak over the same years; each sentence only if its key is recorded."""
    complaints = "border.bp2mi_complaints_total"
    sentences = [
        _fill(f"report_border_complaints_{year}", lang, n=number_text(results[f"{complaints}.{year}"], lang))
        for year in (2019, 2020) if results.get(f"{complaints}.{year}") is not None]
    sentences += [_change(results, f"{complaints}.change_2019_2020_pct", "report_border_complaints_change", lang),
                  _change(results, "border.kjri_kuching_deportations_sarawak.change_2019_2020_pct",
                          "report_border_deportations_change", lang),
                  _change(results, "border.kalbar_pmi_placements.change_2019_2020_pct",
                          "report_border_placements_change", lang)]
    at_most = results.get("border.kalbar_pmi_placements.change_2019_2020_pct_at_most")
    if at_most is not None and at_most < 0:  # a part-year start: the fall is at least this much
        sentences.append(_fill("report_border_placements_change_at_most", lang, pct=number_text(abs(at_most), lang, 1)))
    entikong = [results.get(f"border.entikong_events.{year}.persons") for year in (2019, 2020)]
    if None not in entikong:
        sentences.append(_fill("report_border_entikong_change", lang, start=number_text(entikong[0], lang),
                               end=number_text(entikong[1], lang)))
    sentences.append(_fill("report_border_covid", lang))
    return [s for s in sentences if s]


def _findings(results: dict | None, manifest: dict, results_dir: Path, lang: str) -> dict | None:
    """The key findings (None: the run recorded no results.json)."""
    if results is None:
        return None
    return {"finance": _finance(results, manifest, results_dir, lang), "border": _border(results, lang)}


# --------------------------------------------------------------------------- parameters and data versions


def parameter_values(manifest: dict) -> dict[str, dict[str, list[str]]]:
    """Every parameter of the run's notebooks: name -> {value as Python writes it -> the
    notebooks (file stems) that ran with it}. More than one value means the notebooks differ."""
    values: dict[str, dict[str, list[str]]] = {}
    for notebook in manifest.get("notebooks", []):
        for name, value in notebook.get("parameters", {}).items():
            values.setdefault(name, {}).setdefault(repr(value), []).append(Path(notebook["notebook"]).stem)
    return dict(sorted(values.items()))


def _parameters(manifest: dict, lang: str) -> dict:
    """The effective parameter values, name = value, with the notebooks using each; then what
    was set on the command line and whether the microdata were present."""
    notebooks = manifest.get("notebooks", [])
    # A skipped notebook did not run with its values, and the outputs of one that failed or did
    # not run were made with the values shown: say so beside its name.
    marked = {Path(n["notebook"]).stem: label("status_" + n["status"], lang)
              for n in notebooks if n.get("status") in ("skipped", "failed", "not_current")}

    def where(value, stems) -> dict:
        return {"value": value, "all": len(stems) == len(notebooks) > 1 and not marked,
                "stems": [(stem, marked.get(stem)) for stem in stems]}

    items = [{"name": name, "values": [where(value, stems) for value, stems in values.items()]}
             for name, values in parameter_values(manifest).items()]
    overrides = manifest.get("parameters") or {}
    set_here = (_fill("report_overrides", lang, values=", ".join(f"{k}={v}" for k, v in overrides.items())) if overrides
                else label("report_no_overrides", lang))
    microdata = (_fill("report_microdata", lang, answer=label("report_yes" if manifest["microdata"] else "report_no", lang))
                 if "microdata" in manifest else "")
    return {"items": items, "set_here": set_here, "microdata": microdata}


def _data_versions(provenance: pd.DataFrame | None, lang: str) -> list[dict] | None:
    """Each dataset with its period, rows and the first 12 hex digits of its sha256."""
    if provenance is None:
        return None
    return [{"dataset": r.dataset, "title": local_text(r.title, lang), "period": r.period,
             "rows": None if pd.isna(r.rows) else number_text(r.rows, lang),
             "sha256": r.sha256[:12] if isinstance(r.sha256, str) and r.sha256 else None,
             "status": local_text(r.status, lang)} for r in provenance.itertuples(index=False)]


def supplied_files(manifest: dict) -> list[dict]:
    """The user-supplied files of the notebooks whose outputs are current (their run records'
    ``user_supplied``), each once, with the notebooks that read it."""
    found: dict[tuple, dict] = {}
    for entry in manifest.get("notebooks", []):
        if entry.get("status") != "current":
            continue
        for record in entry.get("user_supplied", []):
            key = (record["parameter"], record["sha256"])
            found.setdefault(key, {**record, "notebooks": []})["notebooks"].append(entry["notebook"])
    return list(found.values())


def _supplied(manifest: dict) -> list[dict]:
    """The files the user supplied to this run, by name and sha256."""
    return [{"parameter": f["parameter"], "file": f["file"], "sha256": f["sha256"][:12], "notebooks": ", ".join(f["notebooks"])}
            for f in supplied_files(manifest)]


def _licensed_banner(manifest: dict, lang: str, findings: dict | None = None) -> str:
    """A run whose results include a licensed file's (notebook 08) says so before anything else,
    with the rows its map left out for a zero weight, per group of the primary definition ("" otherwise)."""
    licensed = [f for f in supplied_files(manifest) if f["parameter"].endswith(" file") and f["parameter"].startswith("LICENSED_MAP")]
    if not licensed:
        return ""
    left_out = ""
    findings = findings or {}
    if findings.get("licensed.zero_weight_rows"):
        primary = findings["licensed.primary_definition"]
        groups = ", ".join(label("report_licensed_group_count", lang).format(
            group=label(f"code_group_{g}", lang), n=number_text(findings.get(f"licensed.zero_weight.{primary}.{g}", 0), lang))
            for g in ("migrant", "non_migrant", "no_status"))
        left_out = " " + label("report_licensed_left_out", lang).format(
            zero=number_text(findings["licensed.zero_weight_rows"], lang), groups=groups)
    return label("report_licensed_banner", lang).format(sha=", ".join(f["sha256"][:12] for f in licensed)) + left_out



#: A variant's banner lists at most this many of the reference files its outputs differ from.
VARIANT_LISTED = 40


def _variant_banner(manifest: dict, lang: str) -> dict | None:
    """A run that did not make the reference outputs (other parameters, other files, notebooks
    that could not run) says so before anything else: why, where its outputs are, and which
    reference files its outputs differ from."""
    variant = manifest.get("variant")
    if not variant:
        return None
    differs = variant.get("differs_said", {}).get(lang) or variant.get("differs_from_references", [])
    more = (_fill("report_variant_more", lang, n=len(differs) - VARIANT_LISTED) if len(differs) > VARIANT_LISTED else None)
    reasons = variant.get("reasons_said", {}).get(lang) or variant.get("reasons", [])
    said = _fill("report_variant", lang, reasons="; ".join(reasons), folder=variant.get("folder", ""),
                 n=len(differs))
    return {"said": said, "differs": differs[:VARIANT_LISTED], "more": more}


# --------------------------------------------------------------------------- claims, notebooks, figures, data


def _claims(detail: pd.DataFrame, html_dir: Path, lang: str = "en") -> list[dict]:
    """The claims table: one row per claim, each claim judged on several series followed by
    one row per series with its value and verdict."""
    rows = []
    suffix = "_id" if lang == "id" else ""
    for r in detail.itertuples(index=False):
        if r.part != "claim":
            rows.append({"series": True, "id": r.id, "text": getattr(r, "claim" + suffix),
                         "reproduced": getattr(r, "reproduced_value" + suffix), "badge": _status(r.status, lang),
                         "explanation": getattr(r, "explanation" + suffix)})
            continue
        page = notebook_page(r.notebook, lang)
        rows.append({"series": False, "id": r.id, "text": _claim_text(r, lang), "paper": getattr(r, "paper_value" + suffix),
                     "reproduced": getattr(r, "reproduced_value" + suffix), "badge": _status(r.status, lang, r.kind),
                     "caveat": getattr(r, "caveat" + suffix), "notebook": r.notebook,
                     "page": page if (html_dir / page).is_file() else None,
                     "figure": r.figure if isinstance(r.figure, str) and r.figure else None,
                     "evidence": getattr(r, "evidence" + suffix)})
    return rows


def _statuses(lang: str) -> dict:
    """What each status, and each kind of not checkable, means: one sentence each."""
    return {"statuses": [(_status(s, lang), label("status_def_" + s, lang)) for s in STATUSES],
            "kinds": [(label("kind_" + k, lang), label("kind_def_" + k, lang)) for k in KINDS]}


def _rules(rules: pd.DataFrame | None, findings: dict | None, lang: str) -> dict | None:
    """When the rules were fixed, and every threshold with its reason."""
    if rules is None or findings is None or not findings.get("claims.rules_fixed"):
        return None
    return {"fixed": _fill("report_rules_fixed", lang, date=date_text(findings["claims.rules_fixed"], lang)),
            "note": findings.get("claims.rules_fixed_note_id" if lang == "id" else "claims.rules_fixed_note", ""),
            "items": [{"id": r.id, "parameter": r.parameter, "value": r.value_id if lang == "id" else r.value,
                       "why": r.why_id if lang == "id" else r.why} for r in rules.itertuples(index=False)]}


def _sensitivity(table: pd.DataFrame | None, lang: str) -> list[str]:
    """How fragile each status is: one sentence per claim judged by a threshold, from
    results/claims_sensitivity.csv (kalbar_border.claims.fragility)."""
    if table is None or table.empty:
        return []
    return list(fragility(table, lang).values())


def _notebooks(manifest: dict, lang: str) -> dict:
    """The executed notebooks: link to each page, status (and why skipped or not current), time, parameters."""
    rows = [{"notebook": n["notebook"],
             # A skipped notebook has no page in this run: its name, not a link that leads nowhere.
             "page": None if n["status"] == "skipped" else notebook_page(Path(n["notebook"]).stem, lang),
             "status": label("status_" + n["status"], lang),
             "reason": local_text(n["reason"], lang) if n.get("reason") else None,
             "seconds": number_text(n["seconds"], lang, 1) if "seconds" in n else None,
             "parameters": json.dumps(n.get("parameters", {}), ensure_ascii=False)}
            for n in manifest.get("notebooks", [])]
    return {"rows": rows}


#: The files a figure is offered in, beside the embedded PNG.
FIGURE_FORMATS = ("png", "svg", "pdf")


def _figures(figures_dir: Path, current: set[str], lang: str = "en") -> list[dict]:
    """Every current figure of ``lang``: the PNG embedded (base64, so the page works offline),
    its title, caption, files to download and sidecar."""
    shown = []
    for sidecar_path in sorted(figures_dir.glob(f"*_{lang}.json")):
        if f"figures/{sidecar_path.name}" not in current:
            continue  # a figure of earlier parameter values, or of a notebook skipped this run
        side = json.loads(sidecar_path.read_text())
        stem = side["figure"].rsplit("_", 1)[0]
        png = figures_dir / f"{side['figure']}.png"
        if not png.is_file():
            continue  # a sidecar without its image is not a figure to show
        files = [{"name": f"{stem}_{other}.{ext}", "text": f"{other.upper()} {ext.upper()}"}
                 for other in ("en", "id") for ext in FIGURE_FORMATS if (figures_dir / f"{stem}_{other}.{ext}").is_file()]
        # The source line is printed inside the image: the caption does not repeat it (the
        # sidecar below still carries it).
        shown.append({"stem": stem, "png": base64.b64encode(png.read_bytes()).decode("ascii"),
                      "alt": side.get("title") or side["caption"], "title": side.get("title") or stem,
                      "notebook": side["notebook"], "caption": side["caption"], "files": files,
                      "sidecar": json.dumps(side, indent=2, ensure_ascii=False)})
    return shown


def _provenance(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The provenance table with its headers, texts, row counts and statuses in ``lang``."""
    local = {column: [local_text(v, lang) for v in table[column]] for column in ("title", "source", "licence", "status") if column in table}
    if "rows" in table:
        local["rows"] = ["" if pd.isna(v) else number_text(v, lang) for v in table["rows"]]
    return headings(table.assign(**local), lang)


def _citations(results: Path) -> list[dict]:
    """The data citations the run wrote (none when notebook 01 did not run)."""
    return [{"name": name, "text": text} for name, text in
            (("data_citations.md", "results/data_citations.md"), ("data_citations.bib", "BibTeX")) if (results / name).is_file()]


def _rights(lang: str) -> list:
    """Who may do what with the code, the transcribed figures and the BPS microdata."""
    transcribed = ", ".join(table for table, *_ in TABLES.values())
    return [label("report_rights_code", lang),
            _fill("report_rights_figures", lang, datasets=transcribed),
            _fill("report_rights_microdata", lang, datasets=", ".join(DATASETS))]


def _read_json(path: Path) -> dict | None:
    """A JSON file of the run, or None when the run did not write it (or it is unreadable)."""
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return None


#: The report page of each language, in build/.
PAGES = {"en": "index.html", "id": "index.id.html"}
#: The page's sections, in order: anchor -> label of its heading.
SECTIONS = {"summary": "report_summary", "findings": "report_findings", "claims": "report_claims",
            "figures": "report_figures", "run": "report_run", "notebooks": "report_notebooks",
            "data": "report_data", "environment": "report_environment", "rerun": "report_rerun"}


@functools.lru_cache(maxsize=1)
def _environment():
    """The Jinja2 environment of the report's templates (lib/kalbar_border/templates/), made once.

    Autoescaping is on, and ``finalize`` escapes every printed value as :func:`_e` does
    (html.escape: ``&quot;``, ``&#x27;``; None and NaN print nothing) rather than markupsafe's
    ``&#34;``, so the pages keep the bytes they had before the templates. The i18n extension
    reads ``{% trans %}`` blocks; each render passes the page language's gettext functions
    (:func:`_gettext`), and the report's words come through its ``label`` and ``fill`` (the
    labels, in the page's language, from the catalogue).
    ``keep_trailing_newline``: the page ends with a line break, as it always has."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    return Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"), autoescape=True,
                       finalize=lambda value: Markup(_e(value)), undefined=StrictUndefined,
                       keep_trailing_newline=True, extensions=["jinja2.ext.i18n"])


def build_index(dest: Path, manifest: dict, lang: str = "en") -> str:
    """The HTML of the report index (``lang``: en or id) for a run whose outputs are under ``dest``."""
    dest = Path(dest)
    results = dest / "results"
    html_dir = dest / "build" / "html"
    label("report_title", lang)  # an unsupported language is a one-line error
    detail = pd.read_csv(results / "claims_detail.csv", keep_default_na=False, dtype=str) if (results / "claims_detail.csv").is_file() else None
    rules = pd.read_csv(results / "claims_rules.csv", keep_default_na=False, dtype=str) if (results / "claims_rules.csv").is_file() else None
    sensitivity = pd.read_csv(results / "claims_sensitivity.csv") if (results / "claims_sensitivity.csv").is_file() else None
    provenance = pd.read_csv(results / "provenance.csv") if (results / "provenance.csv").is_file() else None
    findings = _read_json(results / "results.json")
    current = {o for n in manifest.get("notebooks", []) for o in n.get("outputs", [])}
    packages = pd.DataFrame(sorted(manifest.get("packages", {}).items()),
                            columns=[label("col_package", lang), label("col_version", lang)])
    other = "id" if lang == "en" else "en"
    page = {
        "other": other, "other_page": PAGES[other], "sections": SECTIONS,
        "variant": _variant_banner(manifest, lang), "licensed": _licensed_banner(manifest, lang, findings),
        "summary": _summary(detail, lang), "acronyms": [(name, label("acronym_" + name, lang)) for name in ACRONYMS],
        "findings": _findings(findings, manifest, results, lang),
        "claims": _claims(detail, html_dir, lang) if detail is not None else None,
        "statuses": _statuses(lang), "rules": _rules(rules, findings, lang), "ledger_choices": _ledger_choices(lang),
        "sensitivity": _sensitivity(sensitivity, lang),
        "figures": _figures(dest / "figures", current, lang),
        "parameters": _parameters(manifest, lang), "data_versions": _data_versions(provenance, lang),
        "supplied": _supplied(manifest), "notebooks": _notebooks(manifest, lang),
        "provenance": _table(_provenance(provenance, lang)) if provenance is not None else None,
        "citations": _citations(results), "rights": _rights(lang),
        "git_commit": manifest.get("git_commit", ""), "kernel": manifest.get("kernel", ""), "packages": _table(packages),
        "footer": _fill("report_footer", lang, version=__version__, commit=manifest.get("git_commit", "unknown")[:12],
                        tree=label("tree_" + manifest.get("git_tree", "unknown"), lang)),
    }
    return _environment().get_template("index.html.j2").render(
        lang=lang, page=page, sections=SECTIONS, label=lambda key: label(key, lang),
        fill=lambda key, **values: _fill(key, lang, **values), **_gettext(lang))


def _gettext(lang: str) -> dict:
    """The gettext functions of ``lang``'s catalogue for the templates' ``{% trans %}`` blocks and
    ``_()``/``pgettext()`` calls (jinja2.ext.i18n looks them up in the render's context)."""
    catalogue = translations(lang)
    return {"_": catalogue.gettext, "gettext": catalogue.gettext, "ngettext": catalogue.ngettext,
            "pgettext": catalogue.pgettext, "npgettext": catalogue.npgettext}


def notebook_page(name: str, lang: str) -> str:
    """The file name, in ``build/html/``, of notebook ``name``'s page for a reader of ``lang``:
    ``02_border_series.html`` (English narrative), ``02_border_series.id.html`` (Indonesian)."""
    return f"{name}.html" if lang == "en" else f"{name}.{lang}.html"


#: Cells no shared page shows: the exercises' solutions (and their "correct" lines) and the
#: notes to the teacher. The pages go to students and into the report.
HIDDEN_TAGS = ("solution", "teacher")


@functools.lru_cache(maxsize=len(LANGS))
def _notebook_exporter(lang: str):
    # One exporter per language and process: a new one loads and compiles the lab template
    # again. The template extends nbconvert's lab template without the scripts it loads from a
    # CDN, so the pages work offline (templates/offline.html.j2). nbconvert's own
    # TagRemovePreprocessor leaves out the narrative cells of the other language and the
    # cells of HIDDEN_TAGS.
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    removed = [f"lang-{each}" for each in LANGS if each != lang] + list(HIDDEN_TAGS)
    config = Config({"TagRemovePreprocessor": {"enabled": True, "remove_cell_tags": removed}})
    return HTMLExporter(config=config, template_name="lab", template_file="offline.html.j2",
                        extra_template_paths=[str(Path(__file__).parent / "templates")])


def notebook_html(executed, lang: str = "en") -> str:
    """HTML of an executed notebook node (converted, never executed again) for a reader of
    ``lang``: the narrative cells tagged ``lang-<other language>`` are left out of the page
    (the executed notebook keeps both), and so are the solutions and teacher notes
    (:data:`HIDDEN_TAGS`), so no page shows an exercise's answer."""
    label("report_title", lang)  # an unsupported language is a one-line error
    body, _ = _notebook_exporter(lang).from_notebook_node(executed)
    return body


def write_index(dest: Path, manifest: dict) -> list[Path]:
    """Write the report in every language (:data:`PAGES`: ``build/index.html``,
    ``build/index.id.html``) under ``dest``."""
    return [write_text(Path(dest) / "build" / page, build_index(dest, manifest, lang)) for lang, page in PAGES.items()]
