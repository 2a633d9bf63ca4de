"""Every notebook that has a findings label (``findings_<notebook>``) ends its story with a section
"What this notebook found, and its limits" in both languages, just before the exercises; its
paragraphs hold no typed number, spell out their acronyms, and in a real run every placeholder
is filled from what the notebook provides, in English and in Indonesian."""
import json
import re

import nbformat
import pytest

from tests.conftest import executed, run_pipeline
from kalbar_border import paths, texts
from kalbar_border.pipeline import notebooks as spec
from kalbar_border.figures.labels import LABELS, LANGS

#: Notebooks whose closing section this branch wrote; every other findings_* label is checked too.
REQUIRED = ["02_border_series", "03_entikong_events", "04_remittances_context"]
WITH_FINDINGS = sorted({key.removeprefix("findings_") for key, texts_ in LABELS.items()
                        if key.startswith("findings_") and isinstance(texts_["en"], list)} | set(REQUIRED))
#: Notebook 08 runs only on a licensed file (tests/test_licensed.py runs it on synthetic files).
IN_DEFAULT_RUN = [name for name in WITH_FINDINGS if name != "08_remittances_investment"]
HEADINGS = {"en": "What this notebook found, and its limits", "id": "Temuan dan keterbatasan notebook ini"}
#: Acronyms a reader may not know, and the words that must follow their first use in a section.
ACRONYMS = {"BP2MI": "Badan Pelindungan Pekerja Migran Indonesia", "KJRI": "Konsulat Jenderal Republik Indonesia",
            "PLBN": "Pos Lintas Batas Negara", "WDI": "World Development Indicators"}
#: What may carry digits in a findings text besides placeholders: years and the article's
#: wording (COVID-19), names (BP2MI), claim ids (C2, C3a), notebook and section numbers.
NOT_A_RESULT = re.compile(r"\b(19|20)\d\d\b|\b15\+|\b95 %|COVID-19|\bBP\dMI\b|\bC\d[a-z]?\b|notebook \d\d|(section|bagian) \d\b")


def _paragraphs(name, lang):
    return LABELS[f"findings_{name}"][lang]


def _cells(name):
    return json.loads((paths.NOTEBOOKS / f"{name}.ipynb").read_text(encoding="utf-8"))["cells"]


def _section(cells, index):
    """The number of a '## N. ...' heading, or None."""
    match = re.match(r"## (\d+)\. ", spec.cell_source(cells[index]))
    return int(match.group(1)) if match else None


def _findings_cell(cells, name):
    calls = [i for i, c in enumerate(cells)
             if c["cell_type"] == "code" and f'texts.findings("{name}", values, LANG)' in spec.cell_source(c)]
    assert len(calls) == 1, f"{name}: expected one cell calling texts.findings(\"{name}\", values, LANG)"
    return calls[0]


@pytest.mark.parametrize("name", WITH_FINDINGS)
def test_label_is_a_few_paragraphs_in_both_languages_with_the_same_numbers(name):
    assert f"findings_{name}" in LABELS, f"{name}: no label findings_{name} in figures/labels.py"
    en, id_ = (_paragraphs(name, lang) for lang in LANGS)
    assert isinstance(en, list) and isinstance(id_, list) and 3 <= len(en) <= 6 and len(en) == len(id_)
    for i, (english, indonesian) in enumerate(zip(en, id_)):
        assert english.strip() and indonesian.strip()
        # a translation that drops or adds a number says something else
        assert set(texts.placeholders(english)) == set(texts.placeholders(indonesian)), f"{name}, paragraph {i + 1}"
        for text in (english, indonesian):
            assert all(m.group("format") in (None, *texts.FORMATS) for m in texts.PLACEHOLDER.finditer(text))
            assert text.count("{") == len(texts.placeholders(text)), f"{name}, paragraph {i + 1}: a malformed placeholder"


@pytest.mark.parametrize("name", WITH_FINDINGS)
@pytest.mark.parametrize("lang", LANGS)
def test_no_number_is_typed_in(name, lang):
    for text in _paragraphs(name, lang):
        words = NOT_A_RESULT.sub("", texts.PLACEHOLDER.sub("", text))
        assert not re.search(r"\d", words), f"{name} ({lang}): a typed number in {words!r}"


@pytest.mark.parametrize("name", WITH_FINDINGS)
@pytest.mark.parametrize("lang", LANGS)
def test_acronyms_are_spelled_out_at_first_use(name, lang):
    text = " ".join(_paragraphs(name, lang))
    for acronym, words in ACRONYMS.items():
        first = text.find(acronym)
        if first >= 0:
            assert words in text[first:first + len(acronym) + 80], f"{name} ({lang}): {acronym} not spelled out at first use"


@pytest.mark.parametrize("name", WITH_FINDINGS)
def test_indonesian_uses_the_project_words(name):
    text = " ".join(_paragraphs(name, "id")).lower()
    for avoided, used in (("kesenjangan", "celah data"), ("makalah", "artikel"), ("buku catatan", "notebook"),
                          ("proksi", "data pendekatan")):
        assert avoided not in text, f"{name}: {avoided!r}; the project writes {used!r}"


@pytest.mark.parametrize("name", WITH_FINDINGS)
def test_section_is_the_last_before_the_exercises(name):
    cells = _cells(name)
    call = _findings_cell(cells, name)
    en, id_, exercises = call - 2, call - 1, call + 1
    number = _section(cells, en)
    assert number and spec.cell_source(cells[en]).startswith(f"## {number}. {HEADINGS['en']}")
    assert "lang-en" in cells[en]["metadata"]["tags"] and "lang-id" in cells[id_]["metadata"]["tags"]
    assert spec.cell_source(cells[id_]).startswith(f"## {number}. {HEADINGS['id']}")
    # the exercises follow (05; in 02-04 and 06 they come before the sections that print their
    # answers), or an appendix, or the notebook ends
    assert exercises == len(cells) or spec.cell_source(cells[exercises]).startswith(("## Exercises", "## Appendix"))
    # it follows the notebook's own sections
    before = [i for i in range(en) if "lang-en" in cells[i]["metadata"].get("tags", []) and _section(cells, i)]
    assert _section(cells, before[-1]) == number - 1
    assert not any(_section(cells, i) for i in range(exercises, len(cells))), "a numbered section after the exercises"


def _provided(name, folder):
    """What a notebook's findings cell can fill in: the values the run recorded, and the names the
    cell itself adds (``"name": ...`` or ``values["name"] = ...``)."""
    recorded = json.loads((folder / "results" / f"{name}.json").read_text())["values"]
    cell = spec.cell_source(_cells(name)[_findings_cell(_cells(name), name)])
    added = set(re.findall(r'"([a-z0-9_]+)":', cell)) | set(re.findall(r'values\["([a-z0-9_]+)"\]\s*=', cell))
    return recorded, added


def _shown(folder, name, lang="en"):
    """The Markdown the findings cell of the executed notebook of ``lang`` shows."""
    nb = nbformat.read(executed(folder, name, lang), as_version=4)
    cell = next(c for c in nb.cells if c.cell_type == "code" and f'texts.findings("{name}"' in c.source)
    shown = [o["data"]["text/markdown"] for o in cell.outputs if o.get("output_type") == "execute_result"]
    assert len(shown) == 1, f"{name}: the findings cell shows no Markdown"
    return shown[0]


@pytest.mark.parametrize("name", IN_DEFAULT_RUN)
def test_every_placeholder_is_provided_by_the_run(name, pipeline_run):
    recorded, added = _provided(name, pipeline_run[0])
    for lang in LANGS:
        for text in _paragraphs(name, lang):
            dotted = [key for key in texts.placeholders(text) if "." in key]
            plain = [key for key in texts.placeholders(text) if "." not in key]
            assert texts.missing(" ".join(f"{{{key}}}" for key in dotted), recorded) == [], \
                f"{name} ({lang}): recorded result missing or empty in this run"
            assert set(plain) <= added, f"{name} ({lang}): {set(plain) - added} not computed in the findings cell"


@pytest.mark.parametrize("name", IN_DEFAULT_RUN)
def test_the_run_shows_the_section_filled(name, pipeline_run):
    shown = _shown(pipeline_run[0], name)
    items = shown.split("\n")
    assert len(items) == len(_paragraphs(name, "en")) and all(item.startswith("- ") for item in items)
    assert texts.DASH not in shown and "{" not in shown and "border." not in shown and "context." not in shown
    for item, template in zip(items, _paragraphs(name, "en")):
        assert item[2:].startswith(template.split("{")[0])  # the English text, in its order


def test_the_border_findings_carry_the_numbers_the_run_recorded(pipeline_run):
    shown = _shown(pipeline_run[0], "02_border_series")
    values = json.loads((pipeline_run[0] / "results" / "02_border_series.json").read_text())["values"]
    for key, fmt in (("border.bp2mi_complaints_total.2019", "n"), ("border.bp2mi_complaints_total.change_2019_2020_pct", "pct"),
                     ("border.kjri_kuching_deportations_sarawak.change_2019_2020_pct", "pct")):
        assert texts.number(values[key], fmt, "en") in shown, key


@pytest.mark.parametrize("name", IN_DEFAULT_RUN)
def test_the_indonesian_run_shows_the_section_in_indonesian(name, indonesian_run):
    shown = _shown(indonesian_run, name, "id")
    items = shown.split("\n")
    assert len(items) == len(_paragraphs(name, "id")) and texts.DASH not in shown and "{" not in shown
    for item, template in zip(items, _paragraphs(name, "id")):
        assert item[2:].startswith(template.split("{")[0])
    # 1,234 or 0.5 is English; 0,242 (a p-value) is Indonesian
    assert not re.search(r"(?<![\d,.])[1-9]\d{0,2},\d{3}\b|\d\.\d\b", shown), "a number written the English way"
    page = (indonesian_run / "build" / "html" / f"{name}.id.html").read_text(encoding="utf-8")
    assert HEADINGS["id"] in page and HEADINGS["en"] not in page


def test_the_indonesian_border_findings_write_numbers_the_indonesian_way(indonesian_run):
    shown = _shown(indonesian_run, "02_border_series", "id")
    values = json.loads((indonesian_run / "results" / "02_border_series.json").read_text())["values"]
    complaints = values["border.bp2mi_complaints_total.2019"]
    assert complaints >= 1000 and texts.number(complaints, "n", "id") in shown  # grouped with a dot
    for key in ("border.bp2mi_complaints_total.change_2019_2020_pct", "border.kjri_kuching_deportations_sarawak.change_2019_2020_pct"):
        assert f"{texts.number(values[key], 'pct', 'id')} %" in shown and "," in texts.number(values[key], "pct", "id")
