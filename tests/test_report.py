"""The report index a reviewer opens first: a summary in words, the key findings from
results.json, every claim, figure, parameter and link present, no raw code in the text, and
no broken image or link when a real browser renders it."""
import base64
import json
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import needs_microdata

from kalbar_border import claims, report, texts
from kalbar_border.figures.labels import label
from kalbar_border.finance import compare, robustness, tables
from kalbar_border.numbers import date_text, indonesian_number

CHROMIUM = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs, self.imgs, self.ids = [], [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and "href" in attrs:
            self.hrefs.append(attrs["href"])
        if tag == "img":
            self.imgs.append(attrs.get("src", ""))


class _Text(HTMLParser):
    """The text a reader sees of ``page`` (no scripts, styles or attribute values);
    ``within(id)``: the text of the element with that id."""

    def __init__(self, page: str):
        super().__init__()
        self.parts, self.skip, self.open, self.spans = [], 0, [], {}
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        self.skip += tag in ("script", "style")
        self.open.append((tag, dict(attrs).get("id"), len(self.parts)))
        self.parts.append(" ")  # cells and list items read apart

    def handle_endtag(self, tag):
        self.skip -= tag in ("script", "style")
        while self.open:  # void elements (br, img) never close: skip past them
            opened, element_id, start = self.open.pop()
            if opened == tag:
                if element_id:
                    self.spans[element_id] = (start, len(self.parts))
                break

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)

    def text(self, element_id: str | None = None) -> str:
        start, end = self.spans[element_id] if element_id else (0, len(self.parts))
        return re.sub(r"\s+", " ", "".join(self.parts[start:end]))


class _FindingsTable(HTMLParser):
    """The rows of the findings table: ``dataset.indicator`` -> the text of each cell."""

    def __init__(self):
        super().__init__()
        self.rows, self.row, self.inside = {}, None, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table":
            self.inside = attrs.get("id") == "findings-table"
        elif self.inside and tag == "tr" and "data-indicator" in attrs:
            self.row = self.rows.setdefault(attrs["data-indicator"], [])
        elif self.inside and self.row is not None and tag == "td":
            self.row.append("")
        elif self.inside and self.row is not None and tag == "br":
            self.row[-1] += " "

    def handle_endtag(self, tag):
        if tag == "table":
            self.inside, self.row = False, None

    def handle_data(self, data):
        if self.inside and self.row:
            self.row[-1] += data


def _lang(path) -> str:
    return "id" if path.name == "index.id.html" else "en"


def _number(value, lang: str, decimals: int = 0) -> str:
    """A number as the test expects the page to write it (formatted here, not by the report)."""
    text = f"{value:,.{decimals}f}"
    if re.fullmatch(r"-0\.?0*", text):
        text = text[1:]
    return indonesian_number(text.replace(",", "")) if lang == "id" else text


def _pp(fraction, lang: str) -> str:
    return _number(100 * fraction, lang, 1)


@pytest.fixture(scope="module", params=["index.html", "index.id.html"])
def index(pipeline_run, request):
    """The report page in each language (both are always built)."""
    dest = pipeline_run[0]
    path = dest / "build" / request.param
    parser = _Links()
    parser.feed(path.read_text())
    return dest, path, parser


def test_index_lists_claims_figures_notebooks(index):
    dest, path, parser = index
    text = path.read_text()
    for claim in ("C1", "C2", "C3a", "C3b", "C4", "C5", "C6", "C7"):
        assert f"<b>{claim}</b>" in text
    lang = "id" if path.name == "index.id.html" else "en"
    assert f'<html lang="{lang}">' in text
    figures = sorted((dest / "figures").glob(f"*_{lang}.png"))
    assert len(parser.imgs) == len(figures) > 0
    assert all(src.startswith("data:image/png;base64,") for src in parser.imgs)  # self-contained
    # each page links the notebook pages whose narrative is in its language, after any run
    pages = [p for p in (dest / "build" / "html").glob("*.html") if p.name.endswith(".id.html") == (lang == "id")]
    copies = [p for p in (dest / "build" / "notebooks").glob("*.ipynb") if p.name.endswith(".id.ipynb") == (lang == "id")]
    assert len(pages) == len(copies) == 7
    for notebook in pages:
        assert f'href="html/{notebook.name}"' in text


def test_indonesian_page_speaks_indonesian(pipeline_run):
    text = (pipeline_run[0] / "build" / "index.id.html").read_text()
    for word in ("Laporan reproduksi", "Klaim", "angka terlacak, artinya berbeda", "didukung sebagian", "tidak dapat diperiksa",
                 "Ringkasan", "Arti setiap status", "Singkatan"):
        assert word in text
    for english in ("Reproduction report", "number traced", "partly supported", "not checkable", "How to rerun",
                    "cannot decide", "supports"):
        assert english not in text


def test_indonesian_page_has_no_english_the_report_adds(pipeline_run):
    text = _Text((pipeline_run[0] / "build" / "index.id.html").read_text()).text()
    for english in ("Key findings", "Sidecar (provenance)", "Parameters and data versions", "Download", "holds after",
                    "too few events", "percentage points", "public pages", "CRAN package", "microdata missing",
                    "no independent source", "Data versions", "package version"):
        assert english not in text


@pytest.mark.parametrize("page", list(report.PAGES.values()))
def test_no_raw_status_code_in_the_visible_text(pipeline_run, page):
    text = _Text((pipeline_run[0] / "build" / page).read_text()).text()
    for code in ("not_checkable", "number_traced", "partly_supported", "source_identified", "status_", "verdict_", "kind_"):
        assert code not in text
    # no results key (border.kjri_kuching_deportations_sarawak.change_2019_2020_pct) ever reaches a reader
    assert re.search(r"\b(border|finance|context|data|claims)\.[a-z0-9_]+\.[a-z0-9_]+", text) is None
    assert texts.PLACEHOLDER.search(text) is None  # nor an unfilled template


@pytest.mark.parametrize("page", list(report.PAGES.values()))
def test_every_acronym_and_status_is_spelled_out(pipeline_run, page):
    lang = "id" if page.endswith(".id.html") else "en"
    html_page = _Text((pipeline_run[0] / "build" / page).read_text())
    acronyms = html_page.text("acronyms")
    for name in report.ACRONYMS:
        assert f"{name}: {label('acronym_' + name, lang)}" in acronyms
    statuses = html_page.text("status-definitions")
    for status in claims.STATUSES:
        assert label(f"status_def_{status}", lang) in statuses
    fixed = claims.load_document()["rules_fixed"]  # the day in words, by the locale: "December 6, 2026", "6 Desember 2026"
    assert label("report_rules_fixed", lang).format(date=date_text(fixed, lang)) in html_page.text()


def test_summary_counts_the_claims_in_words(index):
    dest, path, _ = index
    lang = _lang(path)
    detail = claims.claims_only(pd.read_csv(dest / "results" / "claims_detail.csv", keep_default_na=False, dtype=str))
    page = _Text(path.read_text())
    expected = label("report_summary_sentence", lang).format(total=len(detail), **claims.counts(detail))
    assert page.text("summary-sentence").strip() == expected
    # every claim that does not reproduce cleanly is listed with its status in words and its
    # reason's first sentence; a clean one is not
    listed = page.text("not-clean")
    for row in detail.itertuples(index=False):
        mentioned = re.search(rf"(^| ){re.escape(row.id)} ", listed) is not None
        assert mentioned == (row.status != "reproduced"), row.id
        if mentioned:
            reason = row.caveat_id if lang == "id" else row.caveat
            assert claims.status_text(row.status, row.kind, lang) in listed
            assert re.split(r"(?<=[.!?])\s+(?=[A-Z0-9])", reason)[0] in listed


def _recorded_indicators(dest: Path, manifest: dict) -> tuple[dict, dict]:
    """results.json, and its persons15 finance fields of the run's definition per dataset.indicator."""
    values = json.loads((dest / "results" / "results.json").read_text())
    definition = next(n["parameters"]["DEFINITION"] for n in manifest["notebooks"] if n["notebook"].startswith("05_"))
    found = {}
    for key, value in values.items():
        parts = key.split(".")
        if len(parts) == 6 and parts[0] == "finance" and parts[2] == "persons15" and parts[3] == definition:
            found.setdefault(f"{parts[1]}.{parts[4]}", {})[parts[5]] = value
    return values, found


def _check_findings(html: str, values: dict, recorded: dict, alpha, lang: str) -> int:
    """The findings section of ``html`` against ``values`` (results.json) and ``recorded`` (its
    finance fields, :func:`_recorded_indicators`); returns how many rows say the difference holds."""
    table = _FindingsTable()
    table.feed(html)
    assert set(table.rows) == set(recorded) and len(table.rows) == values["finance.indicators_tested"]
    holding = 0
    for key, fields in recorded.items():
        indicator, survey, migrant, non_migrant, difference, family, dataset_wide, ame, holds = table.rows[key]
        assert indicator == label(key.split(".")[1], lang)
        assert survey == {"susenas": "Susenas", "sakernas": "Sakernas"}[key.split(".")[0]]
        for cell, group in ((migrant, "migrant"), (non_migrant, "non_migrant")):
            assert cell.split() == [_pp(fields[f"share_{group}"], lang), "n", "=", _number(fields[f"n_{group}"], lang)]
        for cell, field in ((difference, "difference"), (ame, "ame")):
            ci = label("report_ci", lang).format(low=_pp(fields[f"{field}_ci_low"], lang), high=_pp(fields[f"{field}_ci_high"], lang))
            assert cell.startswith(f"{_pp(fields[field], lang)} ({ci})"), (key, cell)
        assert (label("report_too_few_events", lang) in ame) == fields["ame_few_events"]
        for cell, flag in ((family, "significant_holm"), (dataset_wide, "significant_holm_dataset")):
            answer = ("report_too_few_events" if fields["few_events"] else "report_yes" if fields[flag] else "report_no")
            assert cell.split(" (")[0] == label(answer, lang), (key, flag)
        # "holds" only where the survey-wide test, the small-sample rules and the adjusted effect agree; else the
        # verdict: inconclusive, no difference shown, or why the row is not eligible ("not modelled")
        if fields["holds"]:
            assert holds == label("report_yes", lang)
        elif fields["verdict"] == "not_eligible":
            assert holds == label(f"ineligible_{fields['ineligible_reason']}", lang)
        else:
            assert holds == label(f"verdict_{fields['verdict']}", lang)
        if fields["holds"]:
            assert fields["significant_holm_dataset"] and fields["ame_ci_low"] * fields["ame_ci_high"] > 0
            assert dataset_wide.split(" (")[0] == label("report_yes", lang) and not fields["few_events"], key
            holding += 1
    page = _Text(html)
    counts = label("report_finance_counts", lang).format(
        tested=values["finance.indicators_tested"], significant=values["finance.indicators_significant_holm"],
        few=values["finance.indicators_few_events"], alpha=label("report_alpha", lang).format(alpha=_number(alpha, lang, 2)))
    assert page.text("findings-default").strip().endswith(counts)
    recorded_robust = {k.removeprefix("finance.robustness."): v for k, v in values.items()
                       if k.startswith("finance.robustness.")}
    robust = label("report_robustness_counts", lang).format(
        rows=_number(recorded_robust["rows"], lang), eligible=_number(recorded_robust["eligible"], lang),
        holds=_number(recorded_robust["holds"], lang), distinct=_number(recorded_robust["holds_distinct"], lang),
        min_df=_number(compare.MIN_DOMAIN_DF, lang),
        **{r: _number(recorded_robust[f"ineligible_{r}"], lang) for r in robustness.INELIGIBLE})
    assert page.text("findings-sentence").strip().startswith(robust)
    eligible = sum(1 for fields in recorded.values() if fields["eligible"])
    assert label("report_default_holds", lang).format(holds=holding, n=eligible) in page.text("findings-sentence")
    assert label("report_family", lang) in page.text("findings-family")
    return holding


def _alpha(manifest: dict):
    return next(n["parameters"]["ALPHA"] for n in manifest["notebooks"] if n["notebook"].startswith("05_"))


@needs_microdata
def test_findings_table_shows_the_recorded_values(index, pipeline_run):
    dest, path, _ = index
    lang = _lang(path)
    values, recorded = _recorded_indicators(dest, pipeline_run[1])
    # The microdata were there: notebook 05 must have recorded its findings (never a skip).
    assert recorded, "the run had the microdata but results.json holds no finance findings of notebooks 05-06"
    _check_findings(path.read_text(), values, recorded, _alpha(pipeline_run[1]), lang)
    border = _Text(path.read_text()).text("border-findings")
    for key in ("border.bp2mi_complaints_total.2019", "border.bp2mi_complaints_total.2020"):
        assert _number(values[key], lang) in border
    for key in ("border.bp2mi_complaints_total.change_2019_2020_pct", "border.kjri_kuching_deportations_sarawak.change_2019_2020_pct",
                "border.kalbar_pmi_placements.change_2019_2020_pct_at_most"):
        assert f"{_number(abs(values[key]), lang, 1)} %" in border
    assert label("report_border_covid", lang) in border


def _findings_of(definition: str, tests: pd.DataFrame, models: pd.DataFrame) -> dict:
    """The persons15 findings of ``definition``, recorded as notebooks 05 and 06 record those of
    their DEFINITION, from the run's tests and models tables."""
    def rows(table):
        rows = tables.whole_sample_rows(table)
        return rows[rows["population"].eq("persons15") & rows["definition"].eq(definition)].to_dict("records")

    def base(r):
        return f"finance.{r['dataset']}.persons15.{definition}.{r['indicator']}"

    values = {}
    key_tests = rows(tests)
    for r in key_tests:
        values.update({f"{base(r)}.{f}": r[f] for f in ("share_migrant", "share_non_migrant", "n_migrant", "n_non_migrant",
                                                        "difference", "difference_ci_low", "difference_ci_high", "p_holm")})
        values.update({f"{base(r)}.{f}": bool(r[f]) for f in ("few_events", "significant_holm")})
    for r in rows(models):
        if not pd.isna(r["ame"]):
            values.update({f"{base(r)}.ame": r["ame"], f"{base(r)}.ame_ci_low": r["ame_ci_low"],
                           f"{base(r)}.ame_ci_high": r["ame_ci_high"], f"{base(r)}.ame_few_events": bool(r["few_events"])})
    for r in rows(robustness.robustness_table(tests, models)):
        values.update({f"{base(r)}.holds": bool(r["holds"]), f"{base(r)}.p_holm_dataset": r["p_holm_dataset"],
                       f"{base(r)}.significant_holm_dataset": bool(r["significant_dataset"]),
                       f"{base(r)}.eligible": bool(r["eligible"]), f"{base(r)}.ineligible_reason": r["ineligible_reason"],
                       f"{base(r)}.verdict": r["verdict"]})
    values["finance.indicators_tested"] = len(key_tests)
    values["finance.indicators_significant_holm"] = sum(bool(r["significant_holm"]) for r in key_tests)
    values["finance.indicators_few_events"] = sum(bool(r["few_events"]) for r in key_tests)
    return values


@needs_microdata
@pytest.mark.parametrize("lang", ["en", "id"])
def test_findings_table_says_where_a_difference_holds(pipeline_run, tmp_path, lang):
    """Under the default definition no difference holds in the Jambi files, so the run's table
    never says "yes" in its last column: the report of the same run had its DEFINITION been one
    where a difference of persons aged 15+ holds (the robustness table of the run's own tests
    and models says which)."""
    run, manifest = tmp_path / "run", pipeline_run[1]
    shutil.copytree(pipeline_run[0] / "results", run / "results")
    tests = pd.read_csv(run / "results" / "financial_tests.csv")
    models = pd.read_csv(run / "results" / "financial_models.csv")
    robust = tables.whole_sample_rows(robustness.robustness_table(tests, models))
    holding = robust[robust["holds"] & robust["population"].eq("persons15")]
    assert not holding.empty, "no difference of persons aged 15+ holds under any definition: nothing to show"
    definition = holding["definition"].iloc[0]
    default = next(n["parameters"]["DEFINITION"] for n in manifest["notebooks"] if n["notebook"].startswith("05_"))
    values = {k: v for k, v in json.loads((run / "results" / "results.json").read_text()).items()
              if not k.startswith("finance.") or f".persons15.{default}." not in k}
    values.update(_findings_of(definition, tests, models))
    (run / "results" / "results.json").write_text(json.dumps(values))
    manifest = {**manifest, "notebooks": [
        {**n, "parameters": {**n["parameters"], "DEFINITION": definition}} if "DEFINITION" in n["parameters"] else n
        for n in manifest["notebooks"]]}
    values, recorded = _recorded_indicators(run, manifest)
    html = report.build_index(run, manifest, lang)
    assert _check_findings(html, values, recorded, _alpha(manifest), lang) == len(
        holding[holding["definition"] == definition])


def test_parameters_and_data_versions_are_listed(index, pipeline_run):
    dest, path, _ = index
    manifest = pipeline_run[1]
    page = _Text(path.read_text())
    parameters = page.text("parameters")
    used = {name: value for n in manifest["notebooks"] for name, value in n["parameters"].items()}
    assert "LANG" not in used  # every notebook ran in both languages: LANG is no parameter of theirs
    for name in ("ALPHA", "DEFINITION", "PROVINCE"):
        assert f"{name} = {used[name]!r}" in parameters
    versions = page.text("data-versions")
    for row in pd.read_csv(dest / "results" / "provenance.csv").itertuples(index=False):
        assert row.dataset in versions and str(row.period) in versions and row.sha256[:12] in versions


def test_every_link_resolves(index):
    _, path, parser = index
    for href in parser.hrefs:
        if href.startswith("#"):
            assert href[1:] in parser.ids, f"broken anchor {href}"
        else:
            assert not re.match(r"^[a-z]+://", href), f"external link {href} would not work offline"
            assert (path.parent / href).resolve().is_file(), f"broken link {href}"


@pytest.mark.skipif(CHROMIUM is None and os.environ.get("CI") != "true",
                    reason="headless Chromium not installed: `apt-get install chromium` enables the browser test")
def test_browser_renders_without_broken_images(index, tmp_path):
    # CI (CI=true) installs Chromium: there a missing one fails, never skips.
    assert CHROMIUM is not None, "CI=true but headless Chromium was not found: the browser test must run in CI"
    _, path, parser = index
    out = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=10000", "--dump-dom", path.as_uri()],
        capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-500:]
    images = re.search(r'data-images="(\d+)"', out.stdout)
    broken = re.search(r'data-broken-images="(\d+)"', out.stdout)
    anchors = re.search(r'data-broken-anchors="(\d+)"', out.stdout)
    assert images and broken and anchors, "the page's check script did not run"
    assert int(images.group(1)) == len(parser.imgs) and int(broken.group(1)) == 0
    assert int(anchors.group(1)) == 0, "an in-page link has no target"
    # the page as the browser built it: the summary, findings and parameters are there, and
    # every link to a file of the run opens a file that exists
    rendered = _Links()
    rendered.feed(out.stdout)
    assert {"summary", "summary-sentence", "findings", "run", "parameters", "data-versions"} <= rendered.ids
    local = [h for h in rendered.hrefs if not h.startswith("#")]
    assert set(local) == {h for h in parser.hrefs if not h.startswith("#")}
    for href in local:
        assert (path.parent / href).resolve().is_file(), f"broken link {href}"


def test_notebook_pages_load_nothing_from_the_network(pipeline_run):
    pages = sorted((pipeline_run[0] / "build" / "html").glob("*.html"))
    assert pages
    for page in pages:
        text = page.read_text()
        assert not re.search(r'src="https?://|import\("https?://', text), f"{page.name} loads a script from the network"
        assert "<table" in text or "<img" in text  # the content is still there


# --------------------------------------------------------------------------- a hand-made run, no pipeline

#: A 1x1 PNG, enough for a figure of a hand-made run.
PIXEL = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")
MANIFEST = {"git_commit": "abc123", "kernel": "kalbar-border", "microdata": False, "packages": {"pandas": "3"},
            "parameters": {}, "notebooks": []}


def _claims(folder: Path) -> pd.DataFrame:
    """A claims table of three claims, one per status the summary lists differently."""
    detail = pd.DataFrame({
        "id": ["C1", "C2", "C3"], "part": ["claim"] * 3, "claim": ["One.", "Two.", "Three."], "claim_id": ["Satu.", "Dua.", "Tiga."],
        "paper_value": ["", "1,428", "5,824"], "reproduced_value": ["", "1,500", "5,824"],
        "paper_value_id": ["", "1.428", "5.824"], "reproduced_value_id": ["", "1.500", "5.824"],
        "status": ["not_checkable", "contradicted", "reproduced"], "kind": ["no_public_data", "", ""],
        "explanation": ["", "", ""], "explanation_id": ["", "", ""],
        "caveat": ["No public data. More words.", "", ""], "caveat_id": ["Tidak ada data publik. Kata lain.", "", ""],
        "evidence": ["", "", ""], "evidence_id": ["", "", ""], "notebook": ["02_border_series"] * 3, "figure": ["", "", ""]})
    (folder / "results").mkdir(parents=True, exist_ok=True)
    detail.to_csv(folder / "results" / "claims_detail.csv", index=False)
    return detail


@pytest.mark.parametrize("lang", ["en", "id"])
def test_a_run_without_results_still_gets_a_page(tmp_path, lang):
    _claims(tmp_path)
    page = report.build_index(tmp_path, MANIFEST, lang)
    text, listed = _Text(page).text(), _Text(page).text("not-clean")
    assert label("report_summary_sentence", lang).format(
        total=3, reproduced=1, number_traced_meaning_differs=0, partly_supported=0, contradicted=1, not_checkable=1) in text
    assert label("report_no_findings", lang) in text
    assert label("report_no_overrides", lang) in text
    # a contradicted claim has no caveat: its reason is the paper's value against the run's
    expected = {"en": "The paper gives 1,428; this run finds 1,500.", "id": "Artikel menyebut 1.428; proses ini menghasilkan 1.500."}
    assert expected[lang] in listed
    assert ("No public data." if lang == "en" else "Tidak ada data publik.") in listed and "More words" not in listed and "Kata lain" not in listed
    assert "C3" not in listed  # reproduced: not in the list
    assert "not_checkable" not in text
    assert "data_citations" not in page  # notebook 01 did not run: no link to its files


def test_an_empty_run_still_gets_a_page(tmp_path):
    page = report.build_index(tmp_path, {"notebooks": []}, "en")
    assert label("report_no_claims", "en") in page and 'id="findings"' in page


def _partial_results(folder: Path) -> None:
    base = "finance.susenas.persons15.recent_interprovincial"
    values = {f"{base}.savings_account.share_migrant": 0.405, f"{base}.savings_account.share_non_migrant": 0.355,
              f"{base}.savings_account.n_migrant": 264, f"{base}.savings_account.n_non_migrant": 18035,
              f"{base}.savings_account.difference": -0.00001, f"{base}.savings_account.difference_ci_low": -0.0234,
              f"{base}.savings_account.difference_ci_high": 0.1241, f"{base}.savings_account.significant_holm": True,
              f"{base}.savings_account.few_events": False, f"{base}.savings_account.p_holm": 0.0004,
              "border.bp2mi_complaints_total.2019": 5824, "border.kjri_kuching_deportations_sarawak.change_2019_2020_pct": 61.1}
    (folder / "results").mkdir(parents=True, exist_ok=True)
    (folder / "results" / "results.json").write_text(json.dumps(values))


@pytest.mark.parametrize("lang", ["en", "id"])
def test_findings_leave_out_what_the_run_did_not_record(tmp_path, lang):
    _partial_results(tmp_path)
    manifest = {**MANIFEST, "notebooks": [{"notebook": "05_finance_comparison.ipynb", "status": "current", "outputs": [],
                                           "parameters": {"DEFINITION": "recent_interprovincial", "PROVINCE": 15, "ALPHA": 0.05}}]}
    html = report.build_index(tmp_path, manifest, lang)
    page, table = _Text(html), _FindingsTable()
    table.feed(html)
    cells = table.rows["susenas.savings_account"]
    assert cells[2].split() == [{"en": "40.5", "id": "40,5"}[lang], "n", "=", "264"]
    assert cells[3].split() == [{"en": "35.5", "id": "35,5"}[lang], "n", "=", {"en": "18,035", "id": "18.035"}[lang]]
    assert cells[4].startswith({"en": "0.0 (-2.3 to 12.4)", "id": "0,0 (-2,3 hingga 12,4)"}[lang])  # never "-0.0"
    assert cells[5].split(" (")[0] == label("report_yes", lang)  # within the definition's family
    assert cells[6] == cells[7] == cells[8] == "—"  # no survey-wide test, no model, no verdict recorded in this run
    text = page.text()
    assert "Jambi" in text and "recent_interprovincial" in text and label("report_proxy", lang) in text
    # neither the robustness table nor the verdicts were recorded: no sentence says anything holds
    assert page.text("findings-sentence").strip() == ""
    border = page.text("border-findings")
    assert {"en": "5,824", "id": "5.824"}[lang] in border and {"en": "61.1 %", "id": "61,1 %"}[lang] in border
    # the keys recorded, and the COVID-19 cause said untested
    assert re.search(r'<ul id="border-findings">(.*?)</ul>', html).group(1).count("<li>") == 3
    parameters = page.text("parameters")
    assert "ALPHA = 0.05" in parameters and "PROVINCE = 15" in parameters


def test_figures_show_title_caption_and_files_not_the_source_line(tmp_path):
    figures = tmp_path / "figures"
    figures.mkdir()
    for lang in ("en", "id"):
        for ext in ("png", "svg", "pdf"):
            (figures / f"demo_{lang}.{ext}").write_bytes(PIXEL)
        side = {"figure": f"demo_{lang}", "notebook": "02_border_series", "caption": f"Caption {lang}.",
                "source_line": "BP2MI (rows BS001)", **({"title": "A demo figure"} if lang == "en" else {})}
        (figures / f"demo_{lang}.json").write_text(json.dumps(side))
    manifest = {**MANIFEST, "notebooks": [{"notebook": "02_border_series.ipynb", "status": "current", "parameters": {},
                                           "outputs": ["figures/demo_en.json", "figures/demo_id.json"]}]}
    for lang, title in (("en", "<b>A demo figure</b>"), ("id", "<b>demo</b>")):  # no title: the stem
        page = report.build_index(tmp_path, manifest, lang)
        caption = page[page.index("<figcaption>"):page.index("<details>")]
        assert title in caption and f"Caption {lang}." in caption and "BS001" not in caption
        assert page.count("BP2MI (rows BS001)") == 1  # only in the sidecar
        assert f"<summary>{label('report_sidecar', lang)}</summary>" in page
        for other in ("en", "id"):
            for ext in ("png", "svg", "pdf"):
                assert f'href="../figures/demo_{other}.{ext}"' in page


@pytest.mark.parametrize("page", list(report.PAGES.values()))
def test_the_reports_robustness_numbers_are_the_tables(pipeline_run, page):
    """Every count the report gives of the robustness table, recomputed from
    results/financial_robustness.csv (not from results.json, which the report reads)."""
    lang = "id" if page.endswith(".id.html") else "en"
    text = _Text((pipeline_run[0] / "build" / page).read_text()).text()
    table = pd.read_csv(pipeline_run[0] / "results" / "financial_robustness.csv", keep_default_na=False, na_values=[""])
    eligible = table[table["eligible"]]
    held = table[table["holds"]]
    number = lambda n: _number(int(n), lang)  # noqa: E731
    reasons = table["ineligible_reason"].value_counts()
    counts = label("report_robustness_counts", lang).format(
        rows=number(len(table)), eligible=number(len(eligible)), holds=number(len(held)),
        distinct=number(len(held[["dataset", "definition", "indicator"]].drop_duplicates())),
        min_df=number(compare.MIN_DOMAIN_DF), **{r: number(reasons.get(r, 0)) for r in robustness.INELIGIBLE})
    assert counts in text
    verdicts = eligible["verdict"].value_counts()
    for verdict in ("inconclusive", "no_difference_shown"):
        assert verdicts.get(verdict, 0) + len(held) <= len(eligible)
    rest = label("report_robustness_rest", lang).format(
        inconclusive=number(verdicts.get("inconclusive", 0)), no_difference=number(verdicts.get("no_difference_shown", 0)),
        margin=_pp(robustness.EQUIVALENCE_MARGIN, lang))
    assert rest in text
    mde = eligible["mde_dataset"]
    assert label("report_mde", lang).format(low=_pp(mde.min(), lang), high=_pp(mde.max(), lang),
                                            median=_pp(mde.median(), lang)) in text
    default = table[table["population"].eq("persons15") & table["definition"].eq("recent_interprovincial")
                    & table["eligible"]]
    assert label("report_default_holds", lang).format(holds=number(default["holds"].sum()), n=number(len(default))) in text
    # whom each n counts: the Sakernas returnees, and those of them with an answer (the tests' n_migrant)
    tests = pd.read_csv(pipeline_run[0] / "results" / "financial_tests.csv")
    answered = tests.query("dataset == 'sakernas' and population == 'persons15' and definition == 'returned_abroad'")
    assert f"{number(answered['n_migrant'].min())} " in text
    for phrase in ("point to no difference", "fixed in advance", "chosen before reading the results"):
        assert phrase not in text


def test_every_dated_analysis_choice_is_quoted(index):
    """Each entry of claims.yml's analysis_choices reaches the report, in the page's language,
    with the day it was fixed: the ledger's under the rules, the finance ones in the findings."""
    import html

    from kalbar_border.finance import robustness

    _, path, _ = index
    lang = "id" if path.name.endswith(".id.html") else "en"
    text = html.unescape(path.read_text())
    from kalbar_border import texts

    choices = robustness.analysis_choices()
    assert len(choices) >= 9
    values = robustness.choice_values()
    for key, entry in choices.items():
        assert texts.fill(robustness.choice_said(entry, "choice", lang), values, lang) in text, key
        assert robustness.choice_text(key, lang) in text, key


def test_report_module_writes_no_html():
    """How the page looks is the template's (templates/index.html.j2): no string of report.py
    other than a docstring holds an HTML tag or entity."""
    import ast

    source = Path(report.__file__).read_text()
    tree = ast.parse(source)
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and node.body
                  and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    tag = re.compile(r"(?<!\?P)<(?:/?[a-z][a-z0-9]*)(?:[\s>/]|$)|&[a-z]+;")  # not a regex's (?P<name>
    found = [(node.lineno, node.value) for node in ast.walk(tree)
             if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
             and tag.search(node.value)]
    assert not found, f"HTML in report.py (move it to templates/): {found[:5]}"


def test_variant_banner_escapes_its_texts_once(tmp_path):
    """The banner's reasons and its "and N more" line are escaped once: "run's", not "run&#x27;s"."""
    manifest = {"variant": {"reasons": ["ALPHA=0.01 <b>"], "folder": "build/variants/ALPHA-0.01",
                            "differs_from_references": [f"results/f{i}.csv" for i in range(42)]}}
    page = report.build_index(tmp_path, manifest, "en")
    banner = _Text(page).text("variant")
    assert "ALPHA=0.01 <b>" in banner and "run's outputs" in banner and "&#x27;" not in banner and "&lt;" not in banner
    assert "and 2 more" in banner


def test_identifiers_keep_their_digits_on_the_indonesian_page(pipeline_run):
    """The licence CC-BY-4.0 is a name: the Indonesian page writes numbers with a decimal
    comma but never touches an identifier's digits (it printed "CC-BY-4,0")."""
    page = (pipeline_run[0] / "build" / "index.id.html").read_text()
    assert "CC-BY-4.0" in page and "CC-BY-4,0" not in page


@pytest.mark.parametrize("lang, said", [("en", "Year 2019"), ("id", "Tahun 2019")])
def test_templates_translate_through_the_catalogue(lang, said):
    """The report's templates have the catalogue of the page's language: a {% trans %} block or
    a pgettext call in a template says its text in that language."""
    template = report._environment().from_string('{{ pgettext("year", "Year") }} {% trans %}2019{% endtrans %}')
    assert template.render(**report._gettext(lang)) == said
