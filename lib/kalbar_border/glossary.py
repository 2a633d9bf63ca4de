"""The Indonesian terminology, one data file: ``teaching/glossary.csv``.

Each row is a term as the compendium uses it (``indonesian``), with its English (``english``:
the row is in the glossary table), the words it replaces (``avoid``: "; "-separated phrases no
Indonesian text may use), a phrase it must stand beside (``beside``: a text that uses that
phrase, the paper's "pekerja ilegal", also uses the term) and what it means (``meaning``: the row
is in the table of chosen terms). ``teaching/README.id.md``'s two tables, "Istilah yang dipakai"
and "Glosarium", are written from it (:func:`write_readme`, ``python -m kalbar_border.glossary``),
and tests/test_glossary.py checks the catalogue and the Indonesian pages against it
(:func:`misuses`).

Matching is by whole words, case-insensitive: "seri" does not match "serial" or "seri-nya"'s
neighbours inside another word.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from .paths import ROOT

GLOSSARY = ROOT / "teaching" / "glossary.csv"
README = ROOT / "teaching" / "README.id.md"
#: The README's sections written from the glossary: heading -> (intro, header, which rows).
SECTIONS = ("## Istilah yang dipakai", "## Glosarium (Bahasa Indonesia – English)")


@dataclass(frozen=True)
class Term:
    indonesian: str
    english: str
    avoid: tuple[str, ...]
    beside: str
    meaning: str


def terms(path: Path = GLOSSARY) -> list[Term]:
    """The rows of the glossary, in its order."""
    with path.open(newline="", encoding="utf-8") as handle:
        return [Term(r["indonesian"], r["english"], tuple(a.strip() for a in r["avoid"].split(";") if a.strip()),
                     r["beside"].strip(), r["meaning"]) for r in csv.DictReader(handle)]


def _words(phrase: str) -> re.Pattern:
    return re.compile(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", re.IGNORECASE)


def misuses(text: str, glossary: list[Term] | None = None) -> list[str]:
    """Where ``text`` (Indonesian) goes against the glossary: an avoided phrase it uses (with
    the term to use instead), or a phrase it uses without the term that must stand beside it."""
    found = []
    for term in glossary if glossary is not None else terms():
        found += [f"{avoided!r}: use {term.indonesian!r}" for avoided in term.avoid if _words(avoided).search(text)]
        if term.beside and _words(term.beside).search(text) and not _words(term.indonesian).search(text):
            found.append(f"{term.beside!r} without {term.indonesian!r} beside it")
    return found


def tables(glossary: list[Term] | None = None) -> dict[str, str]:
    """The README's two sections as Markdown, from their heading to the line before the next."""
    glossary = terms() if glossary is None else glossary
    chosen = "".join(f"| {t.indonesian} | {', '.join(t.avoid) or '—'} | {t.meaning} |\n" for t in glossary if t.meaning)
    pairs = "".join(f"| {t.indonesian} | {t.english} |\n" for t in glossary if t.english)
    return {
        SECTIONS[0]: (f"{SECTIONS[0]}\n\nPanduan, notebook, dan laporan memakai satu istilah untuk setiap gagasan "
                      f"(daftarnya: `teaching/glossary.csv`; tes `tests/test_glossary.py` memeriksanya):\n\n"
                      f"| dipakai | bukan | arti |\n|---|---|---|\n{chosen}"),
        SECTIONS[1]: f"{SECTIONS[1]}\n\n| Bahasa Indonesia | English |\n|---|---|\n{pairs}",
    }


def _section_span(text: str, heading: str) -> tuple[int, int]:
    start = text.index(heading + "\n")
    following = text.find("\n## ", start + len(heading))
    return start, len(text) if following < 0 else following + 1


def readme_sections(text: str) -> dict[str, str]:
    """The README's two glossary sections as they are, without the blank line before the next heading."""
    return {heading: text[slice(*_section_span(text, heading))].rstrip("\n") + "\n" for heading in SECTIONS}


def write_readme(path: Path = README) -> bool:
    """Write the README's two sections from the glossary; True when the file changed."""
    text = path.read_text(encoding="utf-8")
    new = text
    for heading, section in tables().items():
        start, end = _section_span(new, heading)
        new = new[:start] + section + ("\n" if end < len(new) else "") + new[end:]
    if new != text:
        path.write_text(new, encoding="utf-8")
    return new != text


def outside_glossary(text: str) -> str:
    """``text`` (the README) without its two glossary sections, which name the avoided words."""
    for heading in SECTIONS:
        start, end = _section_span(text, heading)
        text = text[:start] + text[end:]
    return text


if __name__ == "__main__":
    print(f"{README.relative_to(ROOT)}: {'rewritten' if write_readme() else 'already up to date'} from {GLOSSARY.relative_to(ROOT)}")
