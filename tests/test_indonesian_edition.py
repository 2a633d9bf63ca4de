"""A class in Pontianak never meets English: the executed notebooks of a LANG=id run, their
Indonesian pages, the Indonesian report and the Indonesian student copies are scanned for
common English words. Code is not scanned (code cells, `code` spans, identifiers such as
``share_migrant``), nor a code a table shows beside its Indonesian label ("migran (migrant)"),
nor a source quoted in single quotes, nor the few English names the Indonesian text uses as
terms (listed in TERMS)."""
import re

import nbformat
import pytest
from bs4 import BeautifulSoup

from kalbar_border import localize, teaching, texts
from kalbar_border.figures.labels import LABELS, label

#: English words that are not Indonesian words too (so "total", "data", "status", "per" and
#: "bank" are not here); two-letter words are matched in lower case only ("AS" is Amerika Serikat).
ENGLISH = frozenset("""
the and of with from not found partial unverified caveat batches batch persons person children incl including
which that this is are was were has have been for by than more less between against before after into over under
about where when while also other each every some any both these those their its it they there here percent
percentage points share weighted unweighted mean sum count counts rows value values year years month months people
workers worker complaints complaint deportations deported placements border series source sources note notes flag
flags flagged reason reasons country countries national district province weekday date dates equals differs missing
gap gaps number numbers figure figures table tables see shown shows show should would could cannot must might will
yes your turn correct yet answer list give use only one two three rural urban female male migrant migrants sex day
days what why how who in on at or to as an be do no
""".split())
#: English names the Indonesian text uses as terms, in italics or as a product's name.
TERMS = ("Table Schema", "Frictionless Data Package", "World Development Indicators", "average marginal effect",
         "primary sampling unit", "few events", "design effect", "forest plot")


def _coded_texts() -> list[str]:
    """Every "label (code)" an Indonesian table may show, longest first."""
    shown = [localize.heading(key[4:], "id", with_code=True) for key in LABELS if key.startswith("col_")]
    for name, prefix in localize.CODED.items():
        shown += [localize.coded(name, key[len(prefix):], "id") for key in LABELS if key.startswith(prefix)]
    return sorted({said for said in shown if isinstance(said, str) and said.endswith(")") and " (" in said},
                  key=len, reverse=True)


CODED_TEXTS = _coded_texts()


def english_words(text: str) -> list[str]:
    """The common English words of ``text`` (HTML or Markdown), outside code and exempt texts."""
    text = re.sub(r"<code>.*?</code>|<[^>]+>", " ", text, flags=re.S)
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"https?://\S+", " ", text)
    text = re.sub(r"\s+", " ", text)
    for said in CODED_TEXTS + list(TERMS):
        text = text.replace(said, " ")
    text = re.sub(r"'[^\n]{1,40}?'(?= padahal| but |[;,)]|$)", " ", text)  # a source quoted as it wrote it
    text = re.sub(r"\S+\.\.\.", " ", text)  # a word cut short where a table cell is cut
    found = []
    for token in re.findall(r"[A-Za-z0-9_.'\-/]+", text):
        token = token.strip(".'-/")
        if not token or re.search(r"[_\d./]", token) or token in ("None", "True", "False"):
            continue  # identifiers, numbers, paths and Python's values
        word = token if len(token) <= 2 else token.lower()
        if word in ENGLISH:
            found.append(token)
    return found


def _notebook_texts(path):
    """(where, text) of what a reader of an Indonesian notebook sees: its narrative (not the
    English cells) and every output; code cells' sources are code."""
    nb = nbformat.read(path, as_version=4)
    for number, cell in enumerate(nb.cells):
        where = f"{path.name} cell {number}"
        if cell.cell_type == "markdown":
            if "lang-en" not in cell.metadata.get("tags", []):
                yield where, cell.source
            continue
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            yield where, output.get("text") or data.get("text/html") or data.get("text/markdown") or data.get("text/plain", "")


def _page_text(path) -> str:
    """The text a reader of an HTML page sees, without the code cells' sources and scripts, and
    without the report's figure records (JSON, under "details")."""
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    for hidden in soup.select("style, script, code, details pre, .jp-InputArea-editor, .jp-InputPrompt, .jp-OutputPrompt"):
        hidden.decompose()
    return soup.get_text(" ")


def test_the_scan_finds_english_and_spares_code_and_indonesian():
    assert english_words("**Latihan 02.1** Hitung perubahan total per tahun dari data BP2MI.") == []
    assert english_words("proporsi migran (share_migrant) · bukan migran (non_migrant) · `answer = None`") == []
    assert english_words("jawab True atau False; nama hari: 'Rabu' with 17/10'") == []
    assert english_words("23 (incl. 7 children)") == ["incl", "children"]
    assert english_words("not found [partial 898 BS008]") == ["not", "found", "partial"]
    assert english_words("<td>migrant</td><td>rural</td>") == ["migrant", "rural"]


def _fail_on(found: dict):
    assert not found, "English in the Indonesian edition:\n" + "\n".join(f"{k}: {v}" for k, v in found.items())


def test_indonesian_notebooks_hold_no_english(indonesian_run):
    found = {}
    paths = sorted((indonesian_run / "build" / "notebooks").glob("*.id.ipynb"))
    assert len(paths) == 7
    for path in paths:
        for where, text in _notebook_texts(path):
            words = english_words(text)
            if words:
                found[where] = sorted(set(words))
    _fail_on(found)


def test_indonesian_pages_and_report_hold_no_english(indonesian_run):
    pages = sorted((indonesian_run / "build" / "html").glob("*.id.html")) + [indonesian_run / "build" / "index.id.html"]
    assert len(pages) == 8
    _fail_on({page.name: sorted(set(words)) for page in pages if (words := english_words(_page_text(page)))})


def test_an_indonesian_run_prints_its_lines_in_indonesian(indonesian_terminal):
    """The terminal too: every line a LANG=id run prints (status, skipped and closing lines) is
    Indonesian; paths (results/, build/index.id.html) and notebook names are names, not words."""
    assert "selesai" in indonesian_terminal
    found = {}
    for line in indonesian_terminal.splitlines():
        words = english_words(re.sub(r"\S*/\S*|\b\d\d_\w+", " ", line))
        if words:
            found[line.strip()[:80]] = sorted(set(words))
    _fail_on(found)


def test_indonesian_student_copies_hold_no_english(tmp_path):
    found = {}
    for path in teaching.write_student_copies(tmp_path, lang="id"):
        for number, cell in enumerate(nbformat.read(path, as_version=4).cells):
            source = cell.source if cell.cell_type == "markdown" else "\n".join(
                line for line in cell.source.splitlines() if "#" in line)  # comments only: the rest is code
            if words := english_words(source):
                found[f"{path.name} cell {number}"] = sorted(set(words))
    _fail_on(found)


@pytest.mark.parametrize("key", sorted(k for k in LABELS if k.startswith("check_")))
def test_the_checks_feedback_is_indonesian(key):
    """Every line a check can print, in Indonesian, with its placeholders as they are."""
    assert english_words(texts.PLACEHOLDER.sub(" ", label(key, "id"))) == [], key
