"""The Indonesian terms are chosen once, in teaching/glossary.csv: teaching/README.id.md's tables
are written from it, and no Indonesian text (the catalogue's translations, the teacher pack's and
the docs' Indonesian pages) uses a word the glossary replaces or says "pekerja ilegal" without
"PMI nonprosedural/tidak berdokumen" beside it."""
import pytest

from kalbar_border import claims, glossary, i18n, paths


def test_readme_tables_are_written_from_the_glossary():
    sections = glossary.readme_sections(glossary.README.read_text(encoding="utf-8"))
    assert sections == glossary.tables(), "teaching/README.id.md differs from teaching/glossary.csv: python -m kalbar_border.glossary"


def test_the_catalogue_uses_the_chosen_terms():
    chosen = glossary.terms()
    found = {f"{m.context}: {problem}" for m in i18n.catalogue("id") if m.id for problem in glossary.misuses(m.string, chosen)}
    assert not found, sorted(found)[:10]


INDONESIAN_PAGES = sorted((paths.ROOT / "teaching").glob("*.id.md")) + sorted((paths.ROOT / "docs").glob("*.id.md"))


@pytest.mark.parametrize("page", INDONESIAN_PAGES, ids=lambda p: p.name)
def test_the_indonesian_pages_use_the_chosen_terms(page):
    text = page.read_text(encoding="utf-8")
    if page == glossary.README:
        text = glossary.outside_glossary(text)  # the tables name the avoided words on purpose
    chosen = glossary.terms()
    found = [f"line {n}: {problem}" for n, line in enumerate(text.splitlines(), 1) for problem in glossary.misuses(line, chosen)]
    assert not found, found[:10]


@pytest.mark.parametrize("notebook", sorted((paths.ROOT / "notebooks").glob("*.ipynb")), ids=lambda p: p.name)
def test_the_notebooks_indonesian_cells_use_the_chosen_terms(notebook):
    import json

    chosen = glossary.terms()
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    found = [f"cell {n}: {problem}" for n, cell in enumerate(cells)
             if cell["cell_type"] == "markdown" and "lang-id" in cell["metadata"].get("tags", [])
             for problem in glossary.misuses("".join(cell["source"]), chosen)]
    assert not found, found[:10]


def test_misuses_finds_avoided_words_and_missing_companions():
    chosen = glossary.terms()
    assert glossary.misuses("satu vintase WDI", chosen) == ["'vintase': use 'edisi rilis data'"]
    assert glossary.misuses("bukan pekerja ilegal", chosen) == ["'pekerja ilegal' without 'PMI nonprosedural/tidak berdokumen' beside it"]
    assert glossary.misuses("bukan pekerja ilegal (PMI nonprosedural/tidak berdokumen)", chosen) == []
    assert glossary.misuses("seri-nya serial", chosen) == []  # whole words only


def test_the_claims_ledger_uses_the_chosen_terms():
    """Every Indonesian text of claims.yml: the catalogue's translation of each of its English texts."""
    chosen = glossary.terms()
    found = [f"{claims.context(*where)}: {problem}" for where, english in claims.ledger_texts(claims.load_document())
             for problem in glossary.misuses(claims.said(english, "id", *where), chosen)]
    assert not found, found[:10]
