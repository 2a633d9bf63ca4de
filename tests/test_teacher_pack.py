"""The teacher pack's additions (issue 33, item 8): the RPS mapping, the primer, the common-errors
sheet and the safe-to-share list exist in both languages and are linked from both guides; the
version and run times the guides quote are the project's own (pyproject.toml, CITATION.cff, the
main README), not numbers typed once and left behind; the RPS's points are the rubrics'; and the
primer's code runs as written."""
from __future__ import annotations

import re
import tomllib

import pytest
import yaml

from kalbar_border import paths

ROOT = paths.ROOT
TEACHING = ROOT / "teaching"
NEW_PAGES = ("rps", "primer", "common-errors", "sharing")
GUIDES = {"en": "README.md", "id": "README.id.md"}
SUFFIX = {"en": ".md", "id": ".id.md"}


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("name", NEW_PAGES)
def test_each_new_page_exists_in_both_languages_linked_from_its_guide_and_to_its_twin(name, lang):
    other = "id" if lang == "en" else "en"
    text = (TEACHING / f"{name}{SUFFIX[lang]}").read_text(encoding="utf-8")
    assert f"({name}{SUFFIX[other]})" in text, f"{name}{SUFFIX[lang]} does not link its other language"
    assert f"({name}{SUFFIX[lang]})" in (TEACHING / GUIDES[lang]).read_text(encoding="utf-8"), \
        f"{GUIDES[lang]} does not link {name}{SUFFIX[lang]}"


def test_the_guides_cite_the_compendium_with_the_version_and_authors_of_the_project():
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    authors = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))["authors"][0]["name"]
    cited = 0
    for page in sorted(TEACHING.glob("*.md")):
        for line in page.read_text(encoding="utf-8").splitlines():
            if "`CITATION.cff`" in line and "Research compendium for" in line:
                cited += 1
                assert re.findall(r"\(version (\d+\.\d+\.\d+)\)", line) == [version], page.name
                assert authors in line, page.name
    assert cited == 2  # the English and the Indonesian guide


def test_the_guides_quote_the_run_times_of_the_main_readme_with_the_machine():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    measured = re.search(r"\*\*Run time\*\* \(measured on (\d+) cores, fresh clone, empty package cache\): "
                         r"set-up (\d+) s, the full run (?:about )?([\d–]+) s", readme)
    assert measured, "README's run-time line changed: update this test and the guides"
    cores, setup, full = measured.groups()
    english = (TEACHING / "README.md").read_text(encoding="utf-8")
    indonesian = (TEACHING / "README.id.md").read_text(encoding="utf-8")
    assert re.search(rf"set-up {setup} s and the full run (about )?{full} s, measured on {cores} cores", english)
    assert re.search(rf"pemasangan {setup} detik dan proses lengkap (sekitar )?{full} detik", indonesian)
    for guide in (english, indonesian):
        assert "35 s" not in guide and "35 detik" not in guide  # the old figure, measured on no named machine


def _rubric_points(lang: str) -> list[int]:
    text = (TEACHING / f"rubrics{SUFFIX[lang]}").read_text(encoding="utf-8")
    return [int(points) for points in re.findall(r"^## .*?(\d+) (?:points|poin)", text, re.MULTILINE)]


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_rps_weights_are_the_rubrics_points(lang):
    points = _rubric_points(lang)
    assert len(points) == 6 and sum(points) == 70
    text = (TEACHING / f"rps{SUFFIX[lang]}").read_text(encoding="utf-8")
    rows = re.findall(r"^\| (\d) \| .* \| (CPMK-\d) \| .* \| (\d+) \| ([\d.,]+) % \|$", text, re.MULTILINE)
    assert [int(session) for session, *_ in rows] == [1, 2, 3, 4, 5, 6]
    assert [int(p) for *_, p, _ in rows] == points
    for *_, p, weight in rows:
        assert float(weight.replace(",", ".")) == round(int(p) / 70 * 100, 1)
    by_cpmk: dict[str, int] = {}
    for _, cpmk, p, _ in rows:
        by_cpmk[cpmk] = by_cpmk.get(cpmk, 0) + int(p)
    flat = " ".join(text.split())
    for cpmk, total in by_cpmk.items():
        share = f"{round(total / 70 * 100, 1)}".replace(".", "," if lang == "id" else ".")
        assert f"{cpmk} {total} {'points' if lang == 'en' else 'poin'} ({share} %)" in flat, cpmk
    assert "56 ÷ 70 × 100 = 80" in flat


def _code_blocks(name: str) -> list[str]:
    return re.findall(r"```python\n(.*?)```", (TEACHING / name).read_text(encoding="utf-8"), re.DOTALL)


@pytest.mark.parametrize("name", ["primer.md", "primer.id.md"])
def test_the_primer_code_runs_as_written(name):
    blocks = _code_blocks(name)
    assert len(blocks) >= 4
    namespace: dict = {}
    for block in blocks:
        exec(compile(block, name, "exec"), namespace)  # each block's asserts check what the text says
    assert namespace["answer"] is True


def test_the_primer_and_errors_sheet_name_the_menu_items_jupyterlab_has():
    static = list((ROOT / ".venv" / "share" / "jupyter" / "lab" / "static").glob("*.js"))
    if not static:
        pytest.skip("JupyterLab's static files are not in .venv")
    labels = "".join(path.read_text(encoding="utf-8", errors="replace") for path in static)
    for name in ("primer.md", "primer.id.md", "common-errors.md", "common-errors.id.md"):
        for item in re.findall(r"\*\*(?:Run|Kernel) → ([^*]+?)\*\*", (TEACHING / name).read_text(encoding="utf-8")):
            item = " ".join(item.split()).rstrip("…")
            assert f'"{item}' in labels, (name, item)


def test_the_indonesian_pages_use_the_guides_terms():
    guide = (TEACHING / "README.id.md").read_text(encoding="utf-8")
    table = guide.split("## Istilah yang dipakai", 1)[1].split("\n## ", 1)[0]
    avoided = [word.strip() for row in re.findall(r"^\| [^|]+ \| ([^|]+) \|", table, re.MULTILINE)[1:]
               for word in row.split(",")]
    assert "proksi" in avoided
    pages = [TEACHING / f"{name}.id.md" for name in NEW_PAGES] + [ROOT / "docs" / "offline.id.md"]
    for page in pages:
        text = page.read_text(encoding="utf-8")
        for word in avoided:
            assert not re.search(rf"\b{word}\b", text, re.IGNORECASE), (page.name, word)
