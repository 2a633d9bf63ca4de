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

from . import __version__
from .atomic import write_text
from .data.microdata import DATASETS
from .data.transcribe import TABLES
from .localize import headings, local_text
from .figures.labels import LABELS, LANGS, label
from .numbers import exact_text, number_text
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
ACRONYMS = ("BPS", "Susenas", "Sakernas", "BP2MI", "KJRI", "PLBN", "OJK", "SNLIK", "WDI", "AME", "PSU")

#: Survey names as readers know them (proper names: the same in both languages).
SURVEYS = {"susenas": "Susenas", "sakernas": "Sakernas"}

#: The paper's province: comparisons of any other province are proxies, and the page says so.
WEST_KALIMANTAN = 61

#: A finance finding in results.json: finance.<dataset>.persons15.<definition>.<indicator>.<field>.
FINANCE_KEY = re.compile(r"^finance\.(?P<dataset>[a-z0-9_]+)\.persons15\.(?P<definition>[a-z0-9_]+)"
                         r"\.(?P<indicator>[a-z0-9_]+)\.(?P<field>[a-z0-9_]+)$")

CSS = """
body{font-family:system-ui,-apple-system,'DejaVu Sans',sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}
h1{font-size:1.5em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}h3{font-size:1.05em;margin-top:1.4em}
table{border-collapse:collapse;width:100%;font-size:.88em}th,td{border:1px solid #ddd;padding:.35em .5em;vertical-align:top;text-align:left}
th{background:#f3f3f3}td{overflow-wrap:anywhere}table.claims{table-layout:fixed}.status{color:#fff;padding:.1em .45em;border-radius:.3em;font-size:.9em;display:inline-block}
td.num{text-align:right;white-space:nowrap}#findings-table td{overflow-wrap:normal}.muted{color:#666}
#summary{background:#f7f9fb;border:1px solid #dde3ea;padding:.2em 1em .6em;border-radius:.3em}#summary h2{margin-top:.6em}
#summary-sentence{font-size:1.05em;font-weight:600}#summary li,#border-findings li{margin:.3em 0}nav{font-size:.92em}
figure{margin:1.5em 0;border:1px solid #eee;padding:.8em}figure img{max-width:100%}figcaption{font-size:.9em}
pre{background:#f7f7f7;padding:.6em;overflow-x:auto;font-size:.8em}code{font-size:.9em}
"""

CHECK_SCRIPT = """
window.addEventListener('load', function () {
  var broken = Array.prototype.filter.call(document.images, function (img) {
    return !img.complete || img.naturalWidth === 0;
  });
  var anchors = Array.prototype.filter.call(document.querySelectorAll('a[href^="#"]'), function (a) {
    return !document.getElementById(decodeURIComponent(a.getAttribute('href').slice(1)));
  });
  document.documentElement.setAttribute('data-images', String(document.images.length));
  document.documentElement.setAttribute('data-broken-images', String(broken.length));
  document.documentElement.setAttribute('data-broken-anchors', String(anchors.length));
});
"""


# --------------------------------------------------------------------------- words and numbers


def _e(text) -> str:
    return html.escape("" if text is None or (isinstance(text, float) and pd.isna(text)) else str(text))


def _fill(key: str, lang: str, **values) -> str:
    """The label ``key`` in ``lang`` with ``values`` filled in, all escaped for HTML."""
    return _e(label(key, lang)).format(**{k: _e(v) for k, v in values.items()})


def _pp(fraction, lang: str) -> str:
    """A fraction 0..1 as percent or percentage points with one decimal."""
    return number_text(100 * fraction, lang, 1)


def _first_sentence(text: str) -> str:
    """The first sentence of ``text`` (up to a full stop followed by a capital or a digit)."""
    return re.split(r"(?<=[.!?])\s+(?=[A-Z0-9])", text.strip(), maxsplit=1)[0]


def _shortened(text: str, limit: int = 140) -> str:
    """``text`` cut at a word boundary before ``limit`` characters (an ellipsis marks the cut)."""
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + " …"


def _status(code: str, lang: str, kind: str = "") -> str:
    """A claim's status (or a series' verdict) as a coloured badge, in words; a claim not
    checkable says of which kind."""
    colour = STATUS_COLOURS.get(code, "#777")
    words = (status_text(code, kind, lang) if code in STATUSES else label("verdict_" + code, lang) if code
             else label("role_context", lang))  # a context series has no verdict
    return f'<span class="status" style="background:{colour}">{_e(words)}</span>'


def _table(frame: pd.DataFrame) -> str:
    head = "".join(f"<th>{_e(c)}</th>" for c in frame.columns)
    body = "".join("<tr>" + "".join(f"<td>{_e(v)}</td>" for v in row) + "</tr>" for row in frame.itertuples(index=False))
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


# --------------------------------------------------------------------------- summary


def _claim_text(row, lang: str) -> str:
    return row.claim_id if lang == "id" else row.claim


def _reason(row, lang: str) -> str:
    """One sentence on why a claim does not reproduce cleanly: the first sentence of its
    caveat or reason; for a contradicted claim (which has neither) the paper's value against
    this run's."""
    text = row.caveat_id if lang == "id" else row.caveat
    if text:
        return _e(_first_sentence(text))
    if row.paper_value or row.reproduced_value:
        suffix = "_id" if lang == "id" else ""
        return _fill("report_contradicted_reason", lang, paper=getattr(row, "paper_value" + suffix) or "—",
                     reproduced=getattr(row, "reproduced_value" + suffix) or "—")
    return ""


def _summary(detail: pd.DataFrame | None, lang: str) -> str:
    """The opening summary: how many claims reproduce, in a sentence, then every claim that
    does not reproduce cleanly with its reason."""
    if detail is None:
        return f"<p>{_e(label('report_no_claims', lang))}</p>"
    detail = claims_only(detail)
    counts = detail["status"].value_counts()
    sentence = _fill("report_summary_sentence", lang, total=len(detail),
                     **{status: counts.get(status, 0) for status in STATUSES})
    items = [f'<li><a href="#claim-{_e(r.id)}"><b>{_e(r.id)}</b></a> {_status(r.status, lang, r.kind)} '
             f"{_e(_shortened(_claim_text(r, lang)))} <span class=\"muted\">— {_reason(r, lang)}</span></li>"
             for status in NOT_CLEAN for r in detail.itertuples(index=False) if r.status == status]
    if not items:
        return f'<p id="summary-sentence">{sentence}</p><p>{_e(label("report_all_clean", lang))}</p>'
    return (f'<p id="summary-sentence">{sentence}</p><p>{_e(label("report_not_clean", lang))}</p>'
            f'<ul id="not-clean">{"".join(items)}</ul>')


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


def _estimate(row: dict, field: str, lang: str) -> str:
    """An estimate in percentage points with its 95 % CI (``field``: difference or ame)."""
    value, low, high = row.get(field), row.get(f"{field}_ci_low"), row.get(f"{field}_ci_high")
    if value is None:
        return "—"
    ci = f" ({_fill('report_ci', lang, low=_pp(low, lang), high=_pp(high, lang))})" if None not in (low, high) else ""
    return _e(_pp(value, lang)) + ci


def _p_value(p, lang: str) -> str:
    return f"p &lt; {exact_text(0.001, lang)}" if p < 0.001 else f"p = {number_text(p, lang, 3)}"


def _passes(row: dict, family: str, lang: str) -> str:
    """Whether a difference passes Holm's correction in ``family`` ("" for the definition's
    indicators, "_dataset" for every test of the survey): yes or no with the adjusted p, or
    "too few events" (such a difference is never read as evidence)."""
    if row.get("few_events"):
        return _e(label("report_too_few_events", lang))
    flag, p = row.get(f"significant_holm{family}"), row.get(f"p_holm{family}")
    if flag is None:
        return "—"
    answer = _e(label("report_yes" if flag else "report_no", lang))
    return answer + (f' <span class="muted">({_p_value(p, lang)})</span>' if p is not None else "")


def _holds(row: dict, lang: str) -> str:
    """Whether a difference holds by every criterion (the dataset-wide test, the event and
    degrees-of-freedom rules, the adjusted effect), as notebook 06 recorded it."""
    if row.get("holds") is None:
        return "—"
    if row["holds"]:
        return f'<b>{_e(label("report_yes", lang))}</b>'
    return _e(_verdict(row, lang)) if row.get("verdict") else _e(label("report_no", lang))


def _verdict(row: dict, lang: str) -> str:
    """"inconclusive", "no difference shown", or why the row is not eligible ("not modelled", ...)."""
    if row.get("verdict") == "not_eligible" and isinstance(row.get("ineligible_reason"), str):
        return label(f"ineligible_{row['ineligible_reason']}", lang)
    return label(f"verdict_{row['verdict']}", lang)


def _share(row: dict, group: str, lang: str) -> str:
    share, n = row.get(f"share_{group}"), row.get(f"n_{group}")
    if share is None:
        return "—"
    return _e(_pp(share, lang)) + (f'<br><small class="muted">n = {_e(number_text(n, lang))}</small>' if n is not None else "")


def _finance_table(rows: list[dict], lang: str) -> str:
    heads = "".join(f"<th>{_e(label(k, lang))}</th>" for k in
                    ("col_indicator", "col_survey", "report_col_share_migrant", "report_col_share_non_migrant",
                     "report_col_difference", "report_col_holm_family", "report_col_holm_dataset", "report_col_ame",
                     "report_col_holds"))
    body = []
    for r in rows:
        ame = _estimate(r, "ame", lang)
        if r.get("ame_few_events"):
            ame += f'<br><small class="muted">{_e(label("report_too_few_events", lang))}</small>'
        body.append(f'<tr data-indicator="{_e(r["dataset"])}.{_e(r["indicator"])}"><td>{_e(_indicator(r["indicator"], lang))}</td>'
                    f'<td>{_e(SURVEYS.get(r["dataset"], r["dataset"]))}</td>'
                    f'<td class="num">{_share(r, "migrant", lang)}</td><td class="num">{_share(r, "non_migrant", lang)}</td>'
                    f'<td class="num">{_estimate(r, "difference", lang)}</td><td>{_passes(r, "", lang)}</td>'
                    f'<td>{_passes(r, "_dataset", lang)}</td><td class="num">{ame}</td><td>{_holds(r, lang)}</td></tr>')
    return f'<table id="findings-table"><thead><tr>{heads}</tr></thead><tbody>{"".join(body)}</tbody></table>'


def _finance_counts(results: dict, alpha, lang: str) -> str:
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


def _robustness_sentence(results: dict, lang: str) -> str:
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
    return f"{sentence} {_fill('report_robustness_which', lang, items='; '.join(_comparison(h, lang) for h in holding))}"


def _default_holds(rows: list[dict], lang: str) -> str:
    """How many eligible differences of the default definition (persons 15+) hold by every criterion."""
    recorded = [r for r in rows if r.get("holds") is not None and r.get("eligible") is not False]
    if not recorded:
        return ""
    return _fill("report_default_holds", lang, holds=sum(bool(r["holds"]) for r in recorded), n=len(recorded))


#: The dated analysis choices (claims.yml) the finance findings depend on; the ledger's are the others.
FINANCE_CHOICES = ("holm_family", "holds_rule", "equivalence_margin", "domain_df")


def _choices(lang: str) -> str:
    """The dated analysis choices the finance findings depend on, quoted from claims.yml."""
    items = " ".join(robustness.choice_text(key, lang) for key in FINANCE_CHOICES)
    return _fill("report_choices", lang, items=items)


def _ledger_choices(lang: str) -> str:
    """The dated analysis choices the claims' statuses depend on (every entry of claims.yml's
    ``analysis_choices`` that is not a finance one), quoted, below the ledger's rules."""
    keys = [key for key in robustness.analysis_choices() if key not in FINANCE_CHOICES]
    items = " ".join(robustness.choice_text(key, lang) for key in keys)
    return f'<p id="ledger-choices">{_fill("report_ledger_choices", lang, items=items)}</p>'


def _returnees(results: dict, lang: str) -> str:
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


def _mde(results: dict, lang: str) -> str:
    """The range of the minimum detectable differences of the eligible comparisons."""
    keys = [f"finance.robustness.mde_{k}" for k in ("min", "max", "median")]
    if any(results.get(k) is None for k in keys):
        return ""
    low, high, median = (_pp(results[k], lang) for k in keys)
    return _fill("report_mde", lang, low=low, high=high, median=median)


def _robustness_table(path: Path, results: dict, lang: str) -> str:
    """The comparisons where anything points to a difference (a test passes in either family,
    or the adjusted effect's interval excludes 0), with what agrees and what does not."""
    if not path.is_file():
        return ""
    table = pd.read_csv(path)
    pointing = [r for r in table.to_dict("records")
                if any(r[c] is True for c in ("significant_family", "significant_dataset", "ame_excludes_zero"))]
    heads = "".join(f"<th>{_e(label(k, lang))}</th>" for k in
                    ("col_indicator", "col_survey", "report_col_population", "report_col_definition", "report_col_difference",
                     "report_col_holm_family", "report_col_holm_dataset", "report_col_ame", "report_col_holds",
                     "report_col_disagreement"))
    body = []
    for r in pointing:
        row = {k: (None if pd.isna(r[k]) else r[k]) for k in ("difference", "difference_ci_low", "difference_ci_high",
                                                              "ame", "ame_ci_low", "ame_ci_high")}
        yes_no = lambda flag: _e(label("report_yes" if r[flag] is True else "report_no", lang))  # noqa: E731
        body.append(f"<tr><td>{_e(_indicator(r['indicator'], lang))}</td><td>{_e(SURVEYS.get(r['dataset'], r['dataset']))}</td>"
                    f"<td>{_e(label('population_' + r['population'], lang))}</td><td>{_e(r['definition'])}</td>"
                    f'<td class="num">{_estimate(row, "difference", lang)}</td><td>{yes_no("significant_family")}</td>'
                    f'<td>{yes_no("significant_dataset")}</td><td class="num">{_estimate(row, "ame", lang)}</td>'
                    f'<td>{"<b>" + yes_no("holds") + "</b>" if r["holds"] is True else _e(_verdict(r, lang))}</td>'
                    f"<td><small>{_e(robustness.disagreement(r, lang))}</small></td></tr>")
    verdicts = table["verdict"].value_counts()
    rest = _fill("report_robustness_rest", lang, inconclusive=number_text(int(verdicts.get("inconclusive", 0)), lang),
                 no_difference=number_text(int(verdicts.get("no_difference_shown", 0)), lang),
                 margin=_pp(robustness.EQUIVALENCE_MARGIN, lang))
    return (f'<h4 id="robustness">{_e(label("report_robustness", lang))}</h4>'
            f'<table id="robustness-table"><thead><tr>{heads}</tr></thead><tbody>{"".join(body)}</tbody></table>'
            f"<p>{rest} {_mde(results, lang)}</p>")


def _finance(results: dict, manifest: dict, results_dir: Path, lang: str) -> str:
    """The migrant/non-migrant comparison: what was compared, how many differences hold,
    which, and the table of every recorded indicator."""
    parameters = {**_notebook_parameters(manifest, "06_finance_models"), **_notebook_parameters(manifest, "05_finance_comparison")}
    rows = finance_rows(results, parameters.get("DEFINITION"))
    if not rows:
        return ""
    definition = _definition(rows[0]["definition"], lang)
    province = parameters.get("PROVINCE")
    scope = (_fill("report_finance_scope", lang, definition=definition, province=_province(province, lang))
             if province is not None else _fill("report_finance_scope_no_province", lang, definition=definition))
    proxy = " " + _fill("report_proxy", lang) if province not in (None, WEST_KALIMANTAN) else ""
    return (f'<h3 id="findings-finance">{_e(label("report_findings_finance", lang))}</h3>'
            f'<p>{scope}{proxy}</p><p id="findings-family">{_fill("report_family", lang)}</p>'
            f'<p id="findings-choices">{_choices(lang)}</p>'
            f'<p id="findings-sentence">{_robustness_sentence(results, lang)} {_default_holds(rows, lang)}</p>'
            f'<p id="findings-default">{_fill("report_default_definition", lang)} '
            f'{_finance_counts(results, parameters.get("ALPHA"), lang)}</p>'
            f'<p id="findings-returnees">{_returnees(results, lang)}</p>{_finance_table(rows, lang)}'
            f'{_robustness_table(results_dir / "financial_robustness.csv", results, lang)}')


def _change(results: dict, key: str, label_key: str, lang: str) -> str:
    """A sentence on a percent change 2019-2020 (rose/fell by so much), or '' if not recorded."""
    pct = results.get(key)
    if pct is None:
        return ""
    direction = label("report_rose" if pct > 0 else "report_fell" if pct < 0 else "report_changed", lang)
    return _fill(label_key, lang, direction=direction, pct=number_text(abs(pct), lang, 1))


def _border(results: dict, lang: str) -> str:
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
    items = "".join(f"<li>{s}</li>" for s in sentences if s)
    return (f'<h3 id="findings-border">{_e(label("report_findings_border", lang))}</h3><ul id="border-findings">{items}</ul>'
            if items else "")


def _findings(results: dict | None, manifest: dict, results_dir: Path, lang: str) -> str:
    if results is None:
        return f"<p>{_e(label('report_no_findings', lang))}</p>"
    parts = _finance(results, manifest, results_dir, lang) + _border(results, lang)
    return parts or f"<p>{_e(label('report_no_findings_keys', lang))}</p>"


# --------------------------------------------------------------------------- parameters and data versions


def parameter_values(manifest: dict) -> dict[str, dict[str, list[str]]]:
    """Every parameter of the run's notebooks: name -> {value as Python writes it -> the
    notebooks (file stems) that ran with it}. More than one value means the notebooks differ."""
    values: dict[str, dict[str, list[str]]] = {}
    for notebook in manifest.get("notebooks", []):
        for name, value in notebook.get("parameters", {}).items():
            values.setdefault(name, {}).setdefault(repr(value), []).append(Path(notebook["notebook"]).stem)
    return dict(sorted(values.items()))


def _parameters(manifest: dict, lang: str) -> str:
    """The effective parameter values, name = value, with the notebooks using each; then what
    was set on the command line and whether the microdata were present."""
    notebooks = manifest.get("notebooks", [])
    # A skipped notebook did not run with its values, and the outputs of one that failed or did
    # not run were made with the values shown: say so beside its name.
    marked = {Path(n["notebook"]).stem: label("status_" + n["status"], lang)
              for n in notebooks if n.get("status") in ("skipped", "failed", "not_current")}

    def where(stems):
        if len(stems) == len(notebooks) > 1 and not marked:
            return _e(label("report_all_notebooks", lang))
        return ", ".join(_e(s) + (f" ({_e(marked[s])})" if s in marked else "") for s in stems)

    items = []
    for name, values in parameter_values(manifest).items():
        if len(values) == 1:
            (value, stems), = values.items()
            items.append(f'<li><code>{_e(name)} = {_e(value)}</code> <span class="muted">— {where(stems)}</span></li>')
        else:
            each = "; ".join(f'<code>{_e(value)}</code> <span class="muted">({where(stems)})</span>' for value, stems in values.items())
            items.append(f"<li><code>{_e(name)}</code> {_e(label('report_differs', lang))}: {each}</li>")
    overrides = manifest.get("parameters") or {}
    set_here = (_fill("report_overrides", lang, values=", ".join(f"{k}={v}" for k, v in overrides.items())) if overrides
                else _e(label("report_no_overrides", lang)))
    microdata = (f" {_fill('report_microdata', lang, answer=label('report_yes' if manifest['microdata'] else 'report_no', lang))}"
                 if "microdata" in manifest else "")
    return (f'<h3 id="parameters-heading">{_e(label("report_parameters", lang))}</h3>'
            f'<p>{_e(label("report_parameters_intro", lang))}</p><ul id="parameters">{"".join(items)}</ul>'
            f"<p>{set_here}{microdata}</p>")


def _data_versions(provenance: pd.DataFrame | None, lang: str) -> str:
    """Each dataset with its period and the first 12 hex digits of its sha256."""
    if provenance is None:
        return ""
    items = []
    for r in provenance.itertuples(index=False):
        parts = [_e(local_text(r.title, lang)), f"{_e(label('col_period', lang))} {_e(r.period)}"]
        if not pd.isna(r.rows):
            parts.append(f"{_e(number_text(r.rows, lang))} {_e(label('col_rows', lang))}")
        if isinstance(r.sha256, str) and r.sha256:
            parts.append(f"sha256 <code>{_e(r.sha256[:12])}</code>")
        parts.append(f'<span class="muted">{_e(local_text(r.status, lang))}</span>')
        items.append(f"<li><b>{_e(r.dataset)}</b> — {'; '.join(parts)}</li>")
    return (f'<h3 id="data-versions-heading">{_e(label("report_data_versions", lang))}</h3>'
            f'<p>{_e(label("report_data_versions_intro", lang))}</p><ul id="data-versions">{"".join(items)}</ul>')


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


def _supplied(manifest: dict, lang: str) -> str:
    """The files the user supplied to this run, by name and sha256, marked as such."""
    files = supplied_files(manifest)
    if not files:
        return ""
    items = "".join(f"<li><b>{_e(f['parameter'])}</b> — {_e(f['file'])}; sha256 <code>{_e(f['sha256'][:12])}</code>; "
                    f'{_e(", ".join(f["notebooks"]))}; <span class="muted">{_e(label("report_user_supplied", lang))}</span></li>'
                    for f in files)
    return f'<p>{_e(label("report_supplied_intro", lang))}</p><ul id="user-supplied">{items}</ul>'


def _licensed_banner(manifest: dict, lang: str, findings: dict | None = None) -> str:
    """A run whose results include a licensed file's (notebook 08) says so before anything else,
    with the rows its map left out for a zero weight, per group of the primary definition."""
    licensed = [f for f in supplied_files(manifest) if f["parameter"].endswith(" file") and f["parameter"].startswith("LICENSED_MAP")]
    if not licensed:
        return ""
    shas = ", ".join(f["sha256"][:12] for f in licensed)
    left_out = ""
    findings = findings or {}
    if findings.get("licensed.zero_weight_rows"):
        primary = findings["licensed.primary_definition"]
        groups = ", ".join(label("report_licensed_group_count", lang).format(
            group=label(f"code_group_{g}", lang), n=number_text(findings.get(f"licensed.zero_weight.{primary}.{g}", 0), lang))
            for g in ("migrant", "non_migrant", "no_status"))
        left_out = " " + label("report_licensed_left_out", lang).format(
            zero=number_text(findings["licensed.zero_weight_rows"], lang), groups=groups)
    return (f'<p id="licensed-data" style="border:2px solid #b00;padding:.6em">'
            f'{_e(label("report_licensed_banner", lang).format(sha=shas) + left_out)}</p>')


def _variant_banner(manifest: dict, lang: str) -> str:
    """A run that did not make the reference outputs (other parameters, other files, notebooks
    that could not run) says so before anything else: why, where its outputs are, and which
    reference files its outputs differ from."""
    variant = manifest.get("variant")
    if not variant:
        return ""
    differs = variant.get("differs_from_references", [])
    listed = "".join(f"<li><code>{_e(line)}</code></li>" for line in differs[:40])
    more = f"<li>{_e(_fill('report_variant_more', lang, n=len(differs) - 40))}</li>" if len(differs) > 40 else ""
    said = _fill("report_variant", lang, reasons="; ".join(variant.get("reasons", [])), folder=variant.get("folder", ""),
                 n=len(differs))
    return (f'<section id="variant" style="border:2px solid #b60;padding:.6em"><p>{_e(said)}</p>'
            f'{"<ul>" + listed + more + "</ul>" if differs else ""}</section>')


# --------------------------------------------------------------------------- claims, notebooks, figures, data


def _claims(detail: pd.DataFrame, html_dir: Path, lang: str = "en") -> str:
    """The claims table: one row per claim, each claim judged on several series followed by
    one row per series with its value and verdict."""
    rows = []
    suffix = "_id" if lang == "id" else ""
    for r in detail.itertuples(index=False):
        if r.part != "claim":
            rows.append(
                f'<tr class="series" data-claim="{_e(r.id)}"><td></td><td>↳ {_e(getattr(r, "claim" + suffix))}</td><td></td>'
                f'<td>{_e(getattr(r, "reproduced_value" + suffix))}</td><td>{_status(r.status, lang)}</td>'
                f'<td colspan="2"><small>{_e(getattr(r, "explanation" + suffix))}</small></td></tr>')
            continue
        page = notebook_page(r.notebook, lang)
        link = f'<a href="html/{_e(page)}">{_e(r.notebook)}</a>' if (html_dir / page).is_file() else _e(r.notebook)
        figure = f'<a href="#fig-{_e(r.figure)}">{_e(r.figure)}</a>' if isinstance(r.figure, str) and r.figure else ""
        rows.append(
            f'<tr id="claim-{_e(r.id)}"><td><b>{_e(r.id)}</b></td><td>{_e(_claim_text(r, lang))}</td>'
            f'<td>{_e(getattr(r, "paper_value" + suffix))}</td><td>{_e(getattr(r, "reproduced_value" + suffix))}</td>'
            f"<td>{_status(r.status, lang, r.kind)}</td>"
            f'<td>{_e(getattr(r, "caveat" + suffix))}</td>'
            f'<td>{link} {figure}<br><small>{_e(getattr(r, "evidence" + suffix))}</small></td></tr>')
    head = "".join(f"<th>{_e(label(h, lang)) if h != 'id' else 'id'}</th>" for h in
                   ("id", "col_claim", "col_paper_value", "col_reproduced_value", "col_status", "col_caveat", "col_evidence"))
    widths = "".join(f'<col style="width:{w}%">' for w in (5, 21, 8, 9, 12, 25, 20))
    return f"<table class=\"claims\"><colgroup>{widths}</colgroup><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _statuses(lang: str) -> str:
    """What each status, and each kind of not checkable, means: one sentence each."""
    items = "".join(f"<li>{_status(s, lang)} {_e(label('status_def_' + s, lang))}</li>" for s in STATUSES)
    kinds = "".join(f"<li><i>{_e(label('kind_' + k, lang))}</i>: {_e(label('kind_def_' + k, lang))}</li>" for k in KINDS)
    return (f'<h3 id="statuses">{_e(label("report_statuses", lang))}</h3><ul id="status-definitions">{items}</ul>'
            f'<p>{_e(label("report_kinds", lang))}</p><ul id="kind-definitions">{kinds}</ul>')


def _rules(rules: pd.DataFrame | None, findings: dict | None, lang: str) -> str:
    """When the rules were fixed, and every threshold with its reason."""
    if rules is None or findings is None or not findings.get("claims.rules_fixed"):
        return ""
    note = findings.get("claims.rules_fixed_note_id" if lang == "id" else "claims.rules_fixed_note", "")
    items = "".join(f"<li><b>{_e(r.id)}</b> <code>{_e(r.parameter)} = {_e(r.value_id if lang == 'id' else r.value)}</code>: "
                    f"{_e(r.why_id if lang == 'id' else r.why)}</li>" for r in rules.itertuples(index=False))
    return (f'<h3 id="rules">{_e(label("report_rules", lang))}</h3>'
            f'<p>{_fill("report_rules_fixed", lang, date=findings["claims.rules_fixed"])} {_e(note)}</p>'
            f'<ul id="rule-reasons">{items}</ul>')


def _sensitivity(table: pd.DataFrame | None, lang: str) -> str:
    """How fragile each status is: one sentence per claim judged by a threshold, from
    results/claims_sensitivity.csv (kalbar_border.claims.fragility)."""
    if table is None or table.empty:
        return ""
    items = "".join(f"<li>{_e(text)}</li>" for text in fragility(table, lang).values())
    return (f'<h3 id="sensitivity">{_e(label("report_sensitivity", lang))}</h3>'
            f'<p>{_fill("report_sensitivity_intro", lang)}</p><ul id="sensitivity-sentences">{items}</ul>')


def _acronyms(lang: str) -> str:
    """Every acronym the page uses, spelled out once."""
    items = "; ".join(f"<b>{_e(name)}</b>: {_e(label('acronym_' + name, lang))}" for name in ACRONYMS)
    return f'<p id="acronyms"><small>{_e(label("report_acronyms", lang))}: {items}.</small></p>'


def _notebooks(manifest: dict, lang: str) -> str:
    """The executed notebooks: link to each page, status (and why skipped or not current), time, parameters."""
    def name(n: dict) -> str:
        # A skipped notebook has no page in this run: its name, not a link that leads nowhere.
        if n["status"] == "skipped":
            return _e(n["notebook"])
        return f'<a href="html/{_e(notebook_page(Path(n["notebook"]).stem, lang))}">{_e(n["notebook"])}</a>'

    rows = "".join(
        f'<tr><td>{name(n)}</td>'
        f'<td>{_e(label("status_" + n["status"], lang))}{" (" + _e(local_text(n["reason"], lang)) + ")" if n.get("reason") else ""}</td>'
        f'<td>{_e(number_text(n["seconds"], lang, 1)) + " s" if "seconds" in n else ""}</td>'
        f'<td><code>{_e(json.dumps(n.get("parameters", {}), ensure_ascii=False))}</code></td></tr>'
        for n in manifest.get("notebooks", []))
    heads = "".join(f"<th>{_e(label(k, lang))}</th>" for k in ("col_notebook", "col_status", "col_time", "col_parameters"))
    # A page's narrative is in the page's language; its tables, figures and feedback are in the
    # language the notebook ran with: say so where they differ.
    other = sorted({str(n["parameters"]["LANG"]) for n in manifest.get("notebooks", [])
                    if "LANG" in n.get("parameters", {})} - {lang})
    note = (f'<p id="pages-language">{_e(label("report_pages_language", lang).format(run=", ".join(other), lang=lang))}</p>'
            if other else "")
    return f"{note}<table><thead><tr>{heads}</tr></thead><tbody>{rows}</tbody></table>"


#: The files a figure is offered in, beside the embedded PNG.
FIGURE_FORMATS = ("png", "svg", "pdf")


def _figures(figures_dir: Path, current: set[str], lang: str = "en") -> str:
    parts = []
    for sidecar_path in sorted(figures_dir.glob(f"*_{lang}.json")):
        if f"figures/{sidecar_path.name}" not in current:
            continue  # a figure of earlier parameter values, or of a notebook skipped this run
        side = json.loads(sidecar_path.read_text())
        stem = side["figure"].rsplit("_", 1)[0]
        png = figures_dir / f"{side['figure']}.png"
        if not png.is_file():
            continue  # a sidecar without its image is not a figure to show
        data = base64.b64encode(png.read_bytes()).decode("ascii")
        files = [f'<a href="../figures/{_e(stem)}_{other}.{ext}">{other.upper()} {ext.upper()}</a>'
                 for other in ("en", "id") for ext in FIGURE_FORMATS if (figures_dir / f"{stem}_{other}.{ext}").is_file()]
        # The source line is printed inside the image: the caption does not repeat it (the
        # sidecar below still carries it).
        parts.append(
            f'<figure id="fig-{_e(stem)}"><img src="data:image/png;base64,{data}" alt="{_e(side.get("title") or side["caption"])}">'
            f"<figcaption><b>{_e(side.get('title') or stem)}</b> <span class=\"muted\">({_e(side['notebook'])})</span><br>"
            f"{_e(side['caption'])}<br>{_e(label('report_download', lang))}: {' · '.join(files)}"
            f"<details><summary>{_e(label('report_sidecar', lang))}</summary>"
            f"<pre>{_e(json.dumps(side, indent=2, ensure_ascii=False))}</pre></details></figcaption></figure>")
    return "".join(parts)


def _provenance(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The provenance table with its headers, texts, row counts and statuses in ``lang``."""
    local = {column: [local_text(v, lang) for v in table[column]] for column in ("title", "source", "licence", "status") if column in table}
    if "rows" in table:
        local["rows"] = ["" if pd.isna(v) else number_text(v, lang) for v in table["rows"]]
    return headings(table.assign(**local), lang)


def _citations(results: Path, lang: str) -> str:
    """Links to the data citations the run wrote (none when notebook 01 did not run)."""
    links = [f'<a href="../results/{name}">{text}</a>' for name, text in
             (("data_citations.md", "results/data_citations.md"), ("data_citations.bib", "BibTeX")) if (results / name).is_file()]
    return f"{_e(label('report_citations', lang))}: {' · '.join(links)}. " if links else ""


def _rights(lang: str) -> str:
    """Who may do what with the code, the transcribed figures and the BPS microdata."""
    transcribed = ", ".join(table for table, *_ in TABLES.values())
    items = [_e(label("report_rights_code", lang)),
             _fill("report_rights_figures", lang, datasets=transcribed),
             _fill("report_rights_microdata", lang, datasets=", ".join(DATASETS))]
    return (f'<h3 id="rights">{_e(label("report_rights", lang))}</h3>'
            f'<ul id="rights-list">{"".join(f"<li>{item}</li>" for item in items)}</ul>')


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


def build_index(dest: Path, manifest: dict, lang: str = "en") -> str:
    """The HTML of the report index (``lang``: en or id) for a run whose outputs are under ``dest``."""
    dest = Path(dest)
    results = dest / "results"
    html_dir = dest / "build" / "html"
    t = lambda key: label(key, lang)  # noqa: E731 - the page is mostly labels
    h = lambda anchor: f'<h2 id="{anchor}">{_e(t(SECTIONS[anchor]))}</h2>'  # noqa: E731
    detail = pd.read_csv(results / "claims_detail.csv", keep_default_na=False, dtype=str) if (results / "claims_detail.csv").is_file() else None
    rules = pd.read_csv(results / "claims_rules.csv", keep_default_na=False, dtype=str) if (results / "claims_rules.csv").is_file() else None
    sensitivity = pd.read_csv(results / "claims_sensitivity.csv") if (results / "claims_sensitivity.csv").is_file() else None
    provenance = pd.read_csv(results / "provenance.csv") if (results / "provenance.csv").is_file() else None
    findings = _read_json(results / "results.json")
    current = {o for n in manifest.get("notebooks", []) for o in n.get("outputs", [])}
    packages = pd.DataFrame(sorted(manifest.get("packages", {}).items()), columns=[t("col_package"), t("col_version")])
    other = "id" if lang == "en" else "en"
    contents = " · ".join(f'<a href="#{anchor}">{_e(t(key))}</a>' for anchor, key in SECTIONS.items())
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(t("report_title"))}: Anggita et al., Jurnal Ketahanan Nasional</title><style>{CSS}</style>
<script>{CHECK_SCRIPT}</script></head><body>
<p style="text-align:right"><a href="{PAGES[other]}" hreflang="{other}">{_e(t("report_other_language"))}</a></p>
<h1>{_e(t("report_title"))}</h1>
<p><b>{_e(t("report_paper"))}:</b> Irva Anggita, Suswanta, Endang Indri Listiani &amp; Yujitia Ahdarrijal, <i>Governance Kooperatif dalam
Penanganan Buruh Migran Ilegal dan Implikasinya terhadap Ketahanan Wilayah Perbatasan di Kalimantan Barat</i>,
Jurnal Ketahanan Nasional, Universitas Gadjah Mada ({_e(t("report_abstract_only"))}).</p>
{_variant_banner(manifest, lang)}{_licensed_banner(manifest, lang, findings)}<section id="summary"><h2>{_e(t("report_summary"))}</h2>{_summary(detail, lang)}</section>
{_acronyms(lang)}
<p><small>{t("report_generated")}</small></p>
<nav><b>{_e(t("report_contents"))}:</b> {contents}</nav>
{h("findings")}{_findings(findings, manifest, results, lang)}
{h("claims")}{_claims(detail, html_dir, lang) if detail is not None else "<p>" + _e(t("report_no_claims")) + "</p>"}
{_statuses(lang)}{_rules(rules, findings, lang)}{_ledger_choices(lang)}{_sensitivity(sensitivity, lang)}
{h("figures")}{_figures(dest / "figures", current, lang)}
{h("run")}{_parameters(manifest, lang)}{_data_versions(provenance, lang)}{_supplied(manifest, lang)}
{h("notebooks")}{_notebooks(manifest, lang)}
{h("data")}{_table(_provenance(provenance, lang)) if provenance is not None else ""}
<p>{_citations(results, lang)}{_e(t("report_raw"))}: <code>data/raw/sources/</code>, {_e(t("report_described"))} <code>data/datapackage.json</code>.</p>
{_rights(lang)}
{h("environment")}<p>{_e(t("report_commit"))} <code>{_e(manifest.get("git_commit", ""))}</code>, {_e(t("report_kernel"))} <code>{_e(manifest.get("kernel", ""))}</code>.</p>{_table(packages)}
{h("rerun")}<pre>make reproduce   # {_e(t("report_rerun_all"))}
make test        # {_e(t("report_rerun_test"))}
make lab         # {_e(t("report_rerun_lab"))}</pre>
<footer><p class="muted" id="version">{_fill("report_footer", lang, version=__version__, commit=manifest.get("git_commit", "unknown")[:12], tree=t("tree_" + manifest.get("git_tree", "unknown")))}</p></footer>
</body></html>
"""


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
