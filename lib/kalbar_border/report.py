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

from .atomic import write_text
from .localize import headings, local_text
from .figures.labels import LABELS, LANGS, label
from .numbers import exact_text, number_text
from .finance.variables import INDICATORS, province_name

STATUS_COLOURS = {"reproduced": "#009E73", "reproduced_with_caveat": "#E69F00",
                  "contradicted": "#D55E00", "not_checkable": "#777777"}
#: The statuses of claims that do not reproduce cleanly, in the order the summary lists them
#: (the most serious first).
NOT_CLEAN = ("contradicted", "not_checkable", "reproduced_with_caveat")

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


def _status(code: str, lang: str) -> str:
    """A claim's status as a coloured badge, in words."""
    colour = STATUS_COLOURS.get(code, "#777")
    return f'<span class="status" style="background:{colour}">{_e(label("status_" + code, lang))}</span>'


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
        return _fill("report_contradicted_reason", lang, paper=local_text(row.paper_value, lang) or "—",
                     reproduced=local_text(row.reproduced_value, lang) or "—")
    return ""


def _summary(detail: pd.DataFrame | None, lang: str) -> str:
    """The opening summary: how many claims reproduce, in a sentence, then every claim that
    does not reproduce cleanly with its reason."""
    if detail is None:
        return f"<p>{_e(label('report_no_claims', lang))}</p>"
    counts = detail["status"].value_counts()
    sentence = _fill("report_summary_sentence", lang, total=len(detail), reproduced=counts.get("reproduced", 0),
                     caveat=counts.get("reproduced_with_caveat", 0), contradicted=counts.get("contradicted", 0),
                     not_checkable=counts.get("not_checkable", 0))
    items = [f'<li><a href="#claim-{_e(r.id)}"><b>{_e(r.id)}</b></a> {_status(r.status, lang)} '
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


def _holds(row: dict, lang: str) -> str:
    """Whether a difference holds after Holm's correction: yes or no with the adjusted p, or
    "too few events" (such a difference is never read as evidence)."""
    if row.get("few_events"):
        return _e(label("report_too_few_events", lang))
    if row.get("significant_holm") is None:
        return "—"
    answer = _e(label("report_yes" if row["significant_holm"] else "report_no", lang))
    return answer + (f' <span class="muted">({_p_value(row["p_holm"], lang)})</span>' if row.get("p_holm") is not None else "")


def _share(row: dict, group: str, lang: str) -> str:
    share, n = row.get(f"share_{group}"), row.get(f"n_{group}")
    if share is None:
        return "—"
    return _e(_pp(share, lang)) + (f'<br><small class="muted">n = {_e(number_text(n, lang))}</small>' if n is not None else "")


def _finance_table(rows: list[dict], lang: str) -> str:
    heads = "".join(f"<th>{_e(label(k, lang))}</th>" for k in
                    ("col_indicator", "col_survey", "report_col_share_migrant", "report_col_share_non_migrant",
                     "report_col_difference", "col_holm", "report_col_ame"))
    body = []
    for r in rows:
        ame = _estimate(r, "ame", lang)
        if r.get("ame_few_events"):
            ame += f'<br><small class="muted">{_e(label("report_too_few_events", lang))}</small>'
        body.append(f'<tr data-indicator="{_e(r["dataset"])}.{_e(r["indicator"])}"><td>{_e(_indicator(r["indicator"], lang))}</td>'
                    f'<td>{_e(SURVEYS.get(r["dataset"], r["dataset"]))}</td>'
                    f'<td class="num">{_share(r, "migrant", lang)}</td><td class="num">{_share(r, "non_migrant", lang)}</td>'
                    f'<td class="num">{_estimate(r, "difference", lang)}</td><td>{_holds(r, lang)}</td>'
                    f'<td class="num">{ame}</td></tr>')
    return f'<table id="findings-table"><thead><tr>{heads}</tr></thead><tbody>{"".join(body)}</tbody></table>'


def _finance_counts(results: dict, alpha, lang: str) -> str:
    """N indicators compared, M hold after Holm, K rest on too few events (when recorded)."""
    keys = ("finance.indicators_tested", "finance.indicators_significant_holm", "finance.indicators_few_events")
    if any(results.get(k) is None for k in keys):
        return ""
    tested, significant, few = (results[k] for k in keys)
    alpha_note = label("report_alpha", lang).format(alpha=exact_text(alpha, lang)) if alpha is not None else ""
    return _fill("report_finance_counts", lang, tested=tested, significant=significant, few=few, alpha=alpha_note)


def _finance_holding(rows: list[dict], lang: str) -> str:
    """The differences that hold after Holm's correction, named, with their shares."""
    items = [label("report_hold_item", lang).format(
        indicator=_indicator(r["indicator"], lang), dataset=SURVEYS.get(r["dataset"], r["dataset"]),
        migrant=_pp(r["share_migrant"], lang), non_migrant=_pp(r["share_non_migrant"], lang))
        for r in rows if r.get("significant_holm") and None not in (r.get("share_migrant"), r.get("share_non_migrant"))]
    return " " + _fill("report_finance_hold", lang, items="; ".join(items)) if items else ""


def _finance(results: dict, manifest: dict, lang: str) -> str:
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
            f'<p>{scope}{proxy}</p><p id="findings-sentence">{_finance_counts(results, parameters.get("ALPHA"), lang)}'
            f'{_finance_holding(rows, lang)}</p>{_finance_table(rows, lang)}')


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
                          "report_border_deportations_change", lang)]
    items = "".join(f"<li>{s}</li>" for s in sentences if s)
    return (f'<h3 id="findings-border">{_e(label("report_findings_border", lang))}</h3><ul id="border-findings">{items}</ul>'
            if items else "")


def _findings(results: dict | None, manifest: dict, lang: str) -> str:
    if results is None:
        return f"<p>{_e(label('report_no_findings', lang))}</p>"
    parts = _finance(results, manifest, lang) + _border(results, lang)
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
    marked = {Path(n["notebook"]).stem: (_run_text(n["status"], lang) if n["status"] in RUN_STATUS
                                         else label("status_" + n["status"], lang))
              for n in notebooks if n.get("status") in ("skipped", *RUN_STATUS)}

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


# --------------------------------------------------------------------------- claims, notebooks, figures, data


def _claims(detail: pd.DataFrame, html_dir: Path, lang: str = "en") -> str:
    rows = []
    for r in detail.itertuples(index=False):
        link = f'<a href="html/{_e(r.notebook)}.html">{_e(r.notebook)}</a>' if (html_dir / f"{r.notebook}.html").is_file() else _e(r.notebook)
        figure = f'<a href="#fig-{_e(r.figure)}">{_e(r.figure)}</a>' if isinstance(r.figure, str) and r.figure else ""
        rows.append(
            f'<tr id="claim-{_e(r.id)}"><td><b>{_e(r.id)}</b></td><td>{_e(_claim_text(r, lang))}</td>'
            f"<td>{_e(local_text(r.paper_value, lang))}</td><td>{_e(local_text(r.reproduced_value, lang))}</td>"
            f"<td>{_status(r.status, lang)}</td>"
            f"<td>{_e(r.caveat_id if lang == 'id' else r.caveat)}</td>"
            f"<td>{link} {figure}<br><small>{_e(r.evidence_id if lang == 'id' else r.evidence)}</small></td></tr>")
    head = "".join(f"<th>{_e(label(h, lang)) if h != 'id' else 'id'}</th>" for h in
                   ("id", "col_claim", "col_paper_value", "col_reproduced_value", "col_status", "col_caveat", "col_evidence"))
    widths = "".join(f'<col style="width:{w}%">' for w in (5, 21, 8, 9, 12, 25, 20))
    return f"<table class=\"claims\"><colgroup>{widths}</colgroup><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


#: Statuses and reasons of a notebook that failed or did not run in the last run: its outputs,
#: if any, are an earlier run's, made with the parameters shown beside them.
RUN_STATUS = {
    "failed": {"en": "FAILED in this run", "id": "GAGAL pada run ini"},
    "not_current": {"en": "NOT CURRENT (not run in this run)", "id": "TIDAK TERKINI (tidak dijalankan pada run ini)"},
    "outputs of an earlier run": {"en": "outputs of an earlier run, with the parameters shown",
                                  "id": "keluaran dari run sebelumnya, dengan parameter yang ditampilkan"},
    "no outputs": {"en": "no outputs", "id": "tanpa keluaran"},
}


def _run_text(key: str, lang: str) -> str:
    return RUN_STATUS[key][lang] if key in RUN_STATUS else local_text(key, lang)


def _notebooks(manifest: dict, lang: str) -> str:
    """The executed notebooks: link to each page, status (and why skipped or not current), time, parameters."""
    status = lambda n: _run_text(n["status"], lang) if n["status"] in RUN_STATUS else label("status_" + n["status"], lang)  # noqa: E731
    rows = "".join(
        f'<tr><td><a href="html/{_e(Path(n["notebook"]).stem)}.html">{_e(n["notebook"])}</a></td>'
        f'<td>{_e(status(n))}{" (" + _e(_run_text(n["reason"], lang)) + ")" if n.get("reason") else ""}</td>'
        f'<td>{_e(number_text(n["seconds"], lang, 1)) + " s" if "seconds" in n else ""}</td>'
        f'<td><code>{_e(json.dumps(n.get("parameters", {}), ensure_ascii=False))}</code></td></tr>'
        for n in manifest.get("notebooks", []))
    heads = "".join(f"<th>{_e(label(k, lang))}</th>" for k in ("col_notebook", "col_status", "col_time", "col_parameters"))
    return f"<table><thead><tr>{heads}</tr></thead><tbody>{rows}</tbody></table>"


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
    local = {column: [local_text(v, lang) for v in table[column]] for column in ("title", "source", "status") if column in table}
    if "rows" in table:
        local["rows"] = ["" if pd.isna(v) else number_text(v, lang) for v in table["rows"]]
    return headings(table.assign(**local), lang)


def _citations(results: Path, lang: str) -> str:
    """Links to the data citations the run wrote (none when notebook 01 did not run)."""
    links = [f'<a href="../results/{name}">{text}</a>' for name, text in
             (("data_citations.md", "results/data_citations.md"), ("data_citations.bib", "BibTeX")) if (results / name).is_file()]
    return f"{_e(label('report_citations', lang))}: {' · '.join(links)}. " if links else ""


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
    detail = pd.read_csv(results / "claims_detail.csv", keep_default_na=False) if (results / "claims_detail.csv").is_file() else None
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
<section id="summary"><h2>{_e(t("report_summary"))}</h2>{_summary(detail, lang)}</section>
<p><small>{t("report_generated")}</small></p>
<nav><b>{_e(t("report_contents"))}:</b> {contents}</nav>
{h("findings")}{_findings(findings, manifest, lang)}
{h("claims")}{_claims(detail, html_dir, lang) if detail is not None else "<p>" + _e(t("report_no_claims")) + "</p>"}
{h("figures")}{_figures(dest / "figures", current, lang)}
{h("run")}{_parameters(manifest, lang)}{_data_versions(provenance, lang)}
{h("notebooks")}{_notebooks(manifest, lang)}
{h("data")}{_table(_provenance(provenance, lang)) if provenance is not None else ""}
<p>{_citations(results, lang)}{_e(t("report_raw"))}: <code>data/raw/sources/</code>, {_e(t("report_described"))} <code>data/datapackage.json</code>.</p>
{h("environment")}<p>{_e(t("report_commit"))} <code>{_e(manifest.get("git_commit", ""))}</code>, {_e(t("report_kernel"))} <code>{_e(manifest.get("kernel", ""))}</code>.</p>{_table(packages)}
{h("rerun")}<pre>make reproduce   # {_e(t("report_rerun_all"))}
make test        # {_e(t("report_rerun_test"))}
make lab         # {_e(t("report_rerun_lab"))}</pre>
</body></html>
"""


@functools.lru_cache(maxsize=len(LANGS))
def _notebook_exporter(lang: str):
    # One exporter per language and process: a new one loads and compiles the lab template
    # again. The template extends nbconvert's lab template without the scripts it loads from a
    # CDN, so the pages work offline (templates/offline.html.j2). nbconvert's own
    # TagRemovePreprocessor leaves out the narrative cells of the other language.
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    other = [f"lang-{each}" for each in LANGS if each != lang]
    config = Config({"TagRemovePreprocessor": {"enabled": True, "remove_cell_tags": other}})
    return HTMLExporter(config=config, template_name="lab", template_file="offline.html.j2",
                        extra_template_paths=[str(Path(__file__).parent / "templates")])


def notebook_html(executed, lang: str = "en") -> str:
    """HTML of an executed notebook node (converted, never executed again) for a reader of
    ``lang``: the narrative cells tagged ``lang-<other language>`` are left out of the page
    (the executed notebook keeps both)."""
    label("report_title", lang)  # an unsupported language is a one-line error
    body, _ = _notebook_exporter(lang).from_notebook_node(executed)
    return body


def write_index(dest: Path, manifest: dict) -> list[Path]:
    """Write the report in every language (:data:`PAGES`: ``build/index.html``,
    ``build/index.id.html``) under ``dest``."""
    return [write_text(Path(dest) / "build" / page, build_index(dest, manifest, lang)) for lang, page in PAGES.items()]
