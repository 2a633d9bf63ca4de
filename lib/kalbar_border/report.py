"""The reader-facing report index, ``build/index.html``: the page a reviewer opens first.

It holds the paper and its claims with computed statuses, links to every executed
notebook's HTML, every figure (embedded, so the page is self-contained offline) with its
caption, source line and sidecar, the provenance table of all datasets, the environment
(Python, packages, git commit) and how to rerun. Written by the pipeline's ``report`` task
from the notebooks' run records; an inline script marks images that failed to load, for the
browser test. Only figures that are outputs of the notebooks' current parameters are shown.
"""
from __future__ import annotations

import base64
import functools
import html
import json
from pathlib import Path

import pandas as pd

from .atomic import write_text
from .figures.labels import LABELS, label

STATUS_COLOURS = {"reproduced": "#009E73", "reproduced_with_caveat": "#E69F00",
                  "contradicted": "#D55E00", "not_checkable": "#777777"}

CSS = """
body{font-family:system-ui,-apple-system,'DejaVu Sans',sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}
h1{font-size:1.5em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}
table{border-collapse:collapse;width:100%;font-size:.88em}th,td{border:1px solid #ddd;padding:.35em .5em;vertical-align:top;text-align:left}
th{background:#f3f3f3}td{overflow-wrap:anywhere}table.claims{table-layout:fixed}.status{color:#fff;padding:.1em .45em;border-radius:.3em;font-size:.9em;display:inline-block}
figure{margin:1.5em 0;border:1px solid #eee;padding:.8em}figure img{max-width:100%}figcaption{font-size:.9em}
pre{background:#f7f7f7;padding:.6em;overflow-x:auto;font-size:.8em}code{font-size:.9em}
"""

CHECK_SCRIPT = """
window.addEventListener('load', function () {
  var broken = Array.prototype.filter.call(document.images, function (img) {
    return !img.complete || img.naturalWidth === 0;
  });
  document.documentElement.setAttribute('data-images', String(document.images.length));
  document.documentElement.setAttribute('data-broken-images', String(broken.length));
});
"""


def _e(text) -> str:
    return html.escape("" if text is None or (isinstance(text, float) and pd.isna(text)) else str(text))


def _table(frame: pd.DataFrame) -> str:
    head = "".join(f"<th>{_e(c)}</th>" for c in frame.columns)
    body = "".join("<tr>" + "".join(f"<td>{_e(v)}</td>" for v in row) + "</tr>" for row in frame.itertuples(index=False))
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _claims(detail: pd.DataFrame, html_dir: Path, lang: str = "en") -> str:
    rows = []
    for r in detail.itertuples(index=False):
        colour = STATUS_COLOURS.get(r.status, "#777")
        link = f'<a href="html/{_e(r.notebook)}.html">{_e(r.notebook)}</a>' if (html_dir / f"{r.notebook}.html").is_file() else _e(r.notebook)
        figure = f'<a href="#fig-{_e(r.figure)}">{_e(r.figure)}</a>' if isinstance(r.figure, str) and r.figure else ""
        rows.append(
            f"<tr><td><b>{_e(r.id)}</b></td><td>{_e(r.claim_id if lang == 'id' else r.claim)}</td><td>{_e(r.paper_value)}</td>"
            f"<td>{_e(r.reproduced_value)}</td>"
            f'<td><span class="status" style="background:{colour}">{_e(label("status_" + r.status, lang))}</span></td>'
            f"<td>{_e(r.caveat_id if lang == 'id' else r.caveat)}</td>"
            f"<td>{link} {figure}<br><small>{_e(r.evidence_id if lang == 'id' else r.evidence)}</small></td></tr>")
    head = "".join(f"<th>{_e(label(h, lang)) if h != 'id' else 'id'}</th>" for h in
                   ("id", "col_claim", "col_paper_value", "col_reproduced_value", "col_status", "col_caveat", "col_evidence"))
    widths = "".join(f'<col style="width:{w}%">' for w in (5, 21, 8, 9, 12, 25, 20))
    return f"<table class=\"claims\"><colgroup>{widths}</colgroup><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _figures(figures_dir: Path, current: set[str], lang: str = "en") -> str:
    parts = []
    for sidecar_path in sorted(figures_dir.glob(f"*_{lang}.json")):
        if f"figures/{sidecar_path.name}" not in current:
            continue  # a figure of earlier parameter values, or of a notebook skipped this run
        side = json.loads(sidecar_path.read_text())
        stem = side["figure"].rsplit("_", 1)[0]
        png = figures_dir / f"{side['figure']}.png"
        data = base64.b64encode(png.read_bytes()).decode("ascii")
        other = [f'<a href="../figures/{_e(stem)}_{lang}.{ext}">{lang.upper()} {ext.upper()}</a>'
                 for lang in ("en", "id") for ext in ("png", "svg") if (figures_dir / f"{stem}_{lang}.{ext}").is_file()]
        parts.append(
            f'<figure id="fig-{_e(stem)}"><img src="data:image/png;base64,{data}" alt="{_e(side["caption"])}">'
            f"<figcaption><b>{_e(stem)}</b> ({_e(side['notebook'])}). {_e(side['caption'])}<br>"
            f"<small>{_e(label('source', lang))}: {_e(side['source_line'])}</small><br>{' · '.join(other)}"
            f"<details><summary>Sidecar (provenance)</summary><pre>{_e(json.dumps(side, indent=2, ensure_ascii=False))}</pre></details>"
            "</figcaption></figure>")
    return "".join(parts)


def _provenance(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The provenance table with its headers and statuses in ``lang``."""
    return table.assign(status=[label(s, lang) if s in LABELS else s for s in table["status"]]).rename(
        columns={c: label(f"col_{c}", lang) for c in table.columns if f"col_{c}" in LABELS})


#: The report page of each language, in build/.
PAGES = {"en": "index.html", "id": "index.id.html"}


def build_index(dest: Path, manifest: dict, lang: str = "en") -> str:
    """The HTML of the report index (``lang``: en or id) for a run whose outputs are under ``dest``."""
    dest = Path(dest)
    results = dest / "results"
    html_dir = dest / "build" / "html"
    t = lambda key: label(key, lang)  # noqa: E731 - the page is mostly labels
    detail = pd.read_csv(results / "claims_detail.csv", keep_default_na=False) if (results / "claims_detail.csv").is_file() else None
    provenance = pd.read_csv(results / "provenance.csv") if (results / "provenance.csv").is_file() else None
    notebooks = "".join(
        f'<tr><td><a href="html/{_e(Path(n["notebook"]).stem)}.html">{_e(n["notebook"])}</a></td>'
        f'<td>{_e(t("status_" + n["status"]))}{" (" + _e(n["reason"]) + ")" if n.get("reason") else ""}</td>'
        f'<td>{_e(n.get("seconds", ""))}{" s" if "seconds" in n else ""}</td>'
        f'<td><code>{_e(json.dumps(n.get("parameters", {}), ensure_ascii=False))}</code></td></tr>'
        for n in manifest["notebooks"])
    current = {o for n in manifest["notebooks"] for o in n.get("outputs", [])}
    packages = pd.DataFrame(sorted(manifest["packages"].items()), columns=["package", "version"])
    counts = detail["status"].value_counts().to_dict() if detail is not None else {}
    summary = ", ".join(f"{v} {t('status_' + k)}" for k, v in counts.items())
    other = "id" if lang == "en" else "en"
    heads = "".join(f"<th>{_e(t(k))}</th>" for k in ("col_notebook", "col_status", "col_time", "col_parameters"))
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(t("report_title"))}: Anggita et al., Jurnal Ketahanan Nasional</title><style>{CSS}</style>
<script>{CHECK_SCRIPT}</script></head><body>
<p style="text-align:right"><a href="{PAGES[other]}" hreflang="{other}">{_e(t("report_other_language"))}</a></p>
<h1>{_e(t("report_title"))}</h1>
<p><b>{_e(t("report_paper"))}:</b> Irva Anggita, Suswanta, Endang Indri Listiani &amp; Yujitia Ahdarrijal, <i>Governance Kooperatif dalam
Penanganan Buruh Migran Ilegal dan Implikasinya terhadap Ketahanan Wilayah Perbatasan di Kalimantan Barat</i>,
Jurnal Ketahanan Nasional, Universitas Gadjah Mada ({_e(t("report_abstract_only"))}).</p>
<p>{t("report_generated")}
{_e(t("report_summary"))}: {_e(summary)}.</p>
<h2 id="claims">{_e(t("report_claims"))}</h2>{_claims(detail, html_dir, lang) if detail is not None else "<p>" + _e(t("report_no_claims")) + "</p>"}
<h2 id="notebooks">{_e(t("report_notebooks"))}</h2><table><thead><tr>{heads}</tr></thead><tbody>{notebooks}</tbody></table>
<h2 id="figures">{_e(t("report_figures"))}</h2>{_figures(dest / "figures", current, lang)}
<h2 id="data">{_e(t("report_data"))}</h2>{_table(_provenance(provenance, lang)) if provenance is not None else ""}
<p>{_e(t("report_citations"))}: <a href="../results/data_citations.md">results/data_citations.md</a> ·
<a href="../results/data_citations.bib">BibTeX</a>. {_e(t("report_raw"))}: <code>data/raw/sources/</code>, {_e(t("report_described"))} <code>data/datapackage.json</code>.</p>
<h2 id="environment">{_e(t("report_environment"))}</h2><p>{_e(t("report_commit"))} <code>{_e(manifest["git_commit"])}</code>, kernel <code>{_e(manifest["kernel"])}</code>.</p>{_table(packages)}
<h2 id="rerun">{_e(t("report_rerun"))}</h2><pre>make reproduce   # {_e(t("report_rerun_all"))}
make test        # {_e(t("report_rerun_test"))}
make lab         # {_e(t("report_rerun_lab"))}</pre>
</body></html>
"""


@functools.lru_cache(maxsize=1)
def _notebook_exporter():
    # One exporter per process: a new one loads and compiles the lab template again. The
    # template extends nbconvert's lab template without the scripts it loads from a CDN, so
    # the pages work offline (templates/offline.html.j2).
    from nbconvert import HTMLExporter

    return HTMLExporter(template_name="lab", extra_template_paths=[str(Path(__file__).parent / "templates")],
                        template_file="offline.html.j2")


def notebook_html(executed) -> str:
    """HTML of an executed notebook node (converted, never executed again)."""
    body, _ = _notebook_exporter().from_notebook_node(executed)
    return body


def write_index(dest: Path, manifest: dict) -> list[Path]:
    """Write the report in every language (:data:`PAGES`: ``build/index.html``,
    ``build/index.id.html``) under ``dest``."""
    return [write_text(Path(dest) / "build" / page, build_index(dest, manifest, lang)) for lang, page in PAGES.items()]
