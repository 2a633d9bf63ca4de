"""The compendium's translations: gettext catalogues, English as the source language.

Every reader-facing label is written once, in English, in :mod:`kalbar_border.figures.labels`
(key -> text). Its translation into another language is a message of that language's catalogue,
``lib/kalbar_border/locale/<lang>/LC_MESSAGES/messages.po``: the key is the message's context
(``msgctxt``), the English text its ``msgid`` and the translation its ``msgstr``. The key as
context keeps two labels with the same English words apart (a column heading and a legend entry
may read alike in English and not in Indonesian), and tells the translator where the text is used.

The texts of the claims ledger (``claims.yml``: claims, reasons, analysis choices) are English
too, and translated the same way; a ledger text's context is its place in the ledger
(``claims.yml C1 claim``; :func:`kalbar_border.claims.context`).

Maintainers (``make i18n-extract``, ``make i18n-update``, ``make i18n-compile``; see
docs/translating.md) extract the messages with Babel's ``pybabel`` through :func:`extract_labels`
and :func:`extract_claims` (named in ``babel.cfg``), merge them into each ``.po`` and compile the
``.mo``. The ``.mo`` files are built by set-up and are not committed: they are derived bytes,
and a committed one that lags behind its ``.po`` would mistranslate silently. When a ``.mo`` is
missing or older than its ``.po`` (a translator has just edited it), :func:`translations`
compiles the ``.po`` in memory, so the ``.po`` is always what a run says.

Assumptions: a catalogue's messages carry no plural forms (no label counts with ngettext; the
numbers are placeholders filled by :mod:`kalbar_border.texts`); the English never goes through a
catalogue (it is the source).
"""
from __future__ import annotations

import ast
import functools
import io
import re
from pathlib import Path

#: Where the catalogues are, inside the package (so an installed package finds them too).
LOCALE_DIR = Path(__file__).parent / "locale"
#: The catalogues' gettext domain: locale/<lang>/LC_MESSAGES/messages.po.
DOMAIN = "messages"
#: The source language: its texts are in the code, and it has no catalogue.
SOURCE_LANG = "en"
#: The dictionary of :mod:`kalbar_border.figures.labels` that holds the English source texts.
SOURCE_NAME = "SOURCE"


def catalogue_path(lang: str, suffix: str = ".po") -> Path:
    """``locale/<lang>/LC_MESSAGES/messages.po`` (or ``.mo``)."""
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}{suffix}"


@functools.lru_cache(maxsize=None)
def translations(lang: str):
    """The gettext translations of ``lang`` (a :class:`babel.support.Translations`), read once
    per process: the compiled ``.mo`` when it is at least as new as the ``.po``, else the ``.po``
    compiled in memory. The source language has none (:class:`babel.support.NullTranslations`)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po
    from babel.support import NullTranslations, Translations

    if lang == SOURCE_LANG:
        return NullTranslations()
    po, mo = catalogue_path(lang), catalogue_path(lang, ".mo")
    if mo.is_file() and (not po.is_file() or mo.stat().st_mtime >= po.stat().st_mtime):
        with mo.open("rb") as handle:
            return Translations(handle, domain=DOMAIN)
    with po.open("rb") as handle:
        catalog = read_po(handle, locale=lang, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


def pgettext(context: str, message: str, lang: str) -> str:
    """``message`` (English) of context ``context`` in ``lang``; the English itself when the
    catalogue lacks it (tests/test_catalogue.py fails on any such gap)."""
    if lang == SOURCE_LANG:
        return message
    return translations(lang).pgettext(context, message)


# --------------------------------------------------------------------------- extraction (Babel)


def _source_dict(tree: ast.Module) -> ast.Dict:
    """The dict literal assigned to :data:`SOURCE_NAME` in a parsed labels.py."""
    for node in tree.body:
        target = node.target if isinstance(node, ast.AnnAssign) else node.targets[0] if isinstance(node, ast.Assign) else None
        if isinstance(target, ast.Name) and target.id == SOURCE_NAME and isinstance(node.value, ast.Dict):
            return node.value
    raise ValueError(f"no dict literal {SOURCE_NAME} = {{...}} in labels.py")


def source_entries(text: str):
    """(line, key, English texts) for every entry of labels.py's source dict; an entry still in
    the form ``{"en": ..., "id": ...}`` (a label added before the catalogues) gives its "en"."""
    for key_node, value in zip(*(lambda d: (d.keys, d.values))(_source_dict(ast.parse(text)))):
        english = ast.literal_eval(value)
        if isinstance(english, dict):
            english = english[SOURCE_LANG]
        yield key_node.lineno, ast.literal_eval(key_node), english if isinstance(english, list) else [english]


def extract_labels(fileobj, keywords, comment_tags, options):
    """A Babel extraction method (``babel.cfg``: ``[kalbar_border.i18n:extract_labels: ...]``)
    for labels.py: each label's English text as a message whose context is its key (each
    paragraph of a list label a message of the same context)."""
    for line, key, paragraphs in source_entries(fileobj.read().decode("utf-8")):
        for paragraph in paragraphs:
            yield line, "pgettext", (key, paragraph), []


class _Located(str):
    """A text of a YAML file that knows its line (for the .pot's locations)."""

    line = 0


def extract_claims(fileobj, keywords, comment_tags, options):
    """A Babel extraction method (``babel.cfg``: ``[claims: claims.yml]``) for the claims
    ledger: each English text (:func:`kalbar_border.claims.ledger_texts`) as a message whose
    context names its place in the ledger (:func:`kalbar_border.claims.context`:
    ``claims.yml C1 claim``, ``claims.yml C5 licensed why margin_pp``)."""
    import yaml

    from . import claims

    class Loader(yaml.SafeLoader):
        pass

    def located(loader, node):
        text = _Located(loader.construct_scalar(node))
        text.line = node.start_mark.line + 1
        return text

    Loader.add_constructor("tag:yaml.org,2002:str", located)
    document = yaml.load(fileobj.read().decode("utf-8"), Loader=Loader) or {}
    for where, english in claims.ledger_texts(document):
        yield english.line, "pgettext", (claims.context(*where), str(english)), []


# --------------------------------------------------------------------------- moving labels into the catalogue

#: Lines of labels.py are at most this long when :func:`migrate` writes them.
LINE = 118


def _literal(text: str, indent: int) -> str:
    """``text`` as Python string literals, split at spaces into adjacent literals so that no
    line passes :data:`LINE` characters; continuation lines start at column ``indent``."""
    import json

    words, lines, current = text.split(" "), [], ""
    for i, word in enumerate(words):
        piece = word + (" " if i < len(words) - 1 else "")
        if current and len(json.dumps(current + piece, ensure_ascii=False)) + indent + 2 > LINE:
            lines.append(current)
            current = ""
        current += piece
    lines.append(current)
    return ("\n" + " " * indent).join(json.dumps(line, ensure_ascii=False) for line in lines)


def migrate(labels_path: Path, lang: str = "id") -> list[str]:
    """Move every label of ``labels_path`` still written ``{"en": ..., "id": ...}`` (one added
    before the catalogues, or merged from another branch) into the catalogue: its English stays
    in labels.py, its ``lang`` text becomes the ``msgstr`` of its key in ``locale/<lang>``'s
    ``messages.po`` (a message already there is updated). Returns the keys moved.
    Run it as ``make i18n-migrate``."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po, write_po

    text = labels_path.read_text()
    entries = _source_dict(ast.parse(text))
    po = catalogue_path(lang)
    if po.is_file():
        with po.open("rb") as handle:
            catalog = read_po(handle, locale=lang, domain=DOMAIN)
    else:
        catalog = Catalog(locale=lang, domain=DOMAIN, project="kalbar-border", fuzzy=False)
    lines = text.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    moved, edits = [], []
    for key_node, value in zip(entries.keys, entries.values):
        texts = ast.literal_eval(value)
        if not (isinstance(texts, dict) and SOURCE_LANG in texts):
            continue
        key = ast.literal_eval(key_node)
        english, translated = texts[SOURCE_LANG], texts.get(lang)
        indent = value.col_offset
        if isinstance(english, list):
            inner = indent + 4
            written = "[\n" + "".join(" " * inner + _literal(p, inner) + ",\n" for p in english) + " " * indent + "]"
            pairs = list(zip(english, translated or [""] * len(english)))
        elif indent > LINE // 2:  # a long key: the text starts on the next line, inside the dict's braces
            written, pairs = "\n" + " " * 8 + _literal(english, 8), [(english, translated or "")]
        else:
            written, pairs = _literal(english, indent), [(english, translated or "")]
        start = offsets[value.lineno - 1] + len(lines[value.lineno - 1].encode()[:value.col_offset].decode())
        if written.startswith("\n"):
            start -= text[:start].endswith(" ")  # no space left at the end of the key's line
        end = offsets[value.end_lineno - 1] + len(lines[value.end_lineno - 1].encode()[:value.end_col_offset].decode())
        edits.append((start, end, written))
        for msgid, msgstr in pairs:
            catalog.add(msgid, string=msgstr, context=key)  # an older message of this context and msgid is updated
        moved.append(key)
    for start, end, written in sorted(edits, reverse=True):
        text = text[:start] + written + text[end:]
    labels_path.write_text(text)
    po.parent.mkdir(parents=True, exist_ok=True)
    with po.open("wb") as handle:
        write_po(handle, catalog, width=LINE, no_location=True, omit_header=False)
    return moved


def catalogue(lang: str):
    """The catalogue of ``lang`` as Babel reads it (:class:`babel.messages.catalog.Catalog`)."""
    from babel.messages.pofile import read_po

    with catalogue_path(lang).open("rb") as handle:
        return read_po(handle, locale=lang, domain=DOMAIN)


def statistics(lang: str) -> dict[str, int]:
    """How many messages of ``lang``'s catalogue are translated, untranslated and fuzzy."""
    messages = [m for m in catalogue(lang) if m.id]
    fuzzy = sum(m.fuzzy for m in messages)
    untranslated = sum(not m.fuzzy and not (all(m.string) if isinstance(m.string, tuple) else m.string) for m in messages)
    return {"messages": len(messages), "translated": len(messages) - fuzzy - untranslated,
            "untranslated": untranslated, "fuzzy": fuzzy}


#: A placeholder of a message: ``{name}`` or ``{name:format}`` (kalbar_border.texts), or a
#: positional ``{}``; ``{{``/``}}`` are literal braces.
BRACES = re.compile(r"(?<!\{)\{(?!\{)([^{}]*)\}")


def placeholders(text: str) -> list[str]:
    """The placeholders of ``text``, sorted (the same in a message and its translation)."""
    return sorted(BRACES.findall(text))


#: A translator's comment (``# placeholders differ on purpose: ...``) above a message whose
#: translation fills other values than its English, with the reason (the code passes both).
PLACEHOLDERS_ON_PURPOSE = "placeholders differ on purpose"


def problems(lang: str) -> list[str]:
    """What is wrong with ``lang``'s catalogue, one line each: an untranslated or fuzzy message,
    or a translation whose placeholders differ from its English (the label would lose a number
    or fail to fill)."""
    found = []
    for m in catalogue(lang):
        if not m.id:
            continue
        where = f"{m.context or ''}: {m.id[:60]!r}"
        if m.fuzzy:
            found.append(f"fuzzy: {where}")
        elif not m.string:
            found.append(f"untranslated: {where}")
        elif placeholders(m.id) != placeholders(m.string) and not any(
                c.startswith(PLACEHOLDERS_ON_PURPOSE) for c in m.user_comments):
            found.append(f"placeholders differ ({', '.join(placeholders(m.id))} / {', '.join(placeholders(m.string))}): {where}")
    return found


def compile_catalogues() -> int:
    """Compile every ``messages.po`` into its ``messages.mo`` after checking it (:func:`problems`).

    Not ``pybabel compile``: its checks read "95 % confidence" as a %-format ("% c") and refuse
    a translation that moves the percent sign; the messages use ``{name}`` placeholders, which
    :func:`problems` checks instead. Returns the number of problems (0: all compiled)."""
    from babel.messages.mofile import write_mo

    count = 0
    for lang in languages():
        for line in problems(lang):
            print(f"{catalogue_path(lang).name} ({lang}): {line}")
        count += len(problems(lang))
        target = catalogue_path(lang, ".mo")
        temporary = target.with_suffix(".mo.tmp")
        with temporary.open("wb") as handle:
            write_mo(handle, catalogue(lang))
        temporary.replace(target)  # never a half-written .mo
    return count


def languages() -> list[str]:
    """The languages with a catalogue (the source language has none)."""
    return sorted(p.parent.parent.name for p in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def main(argv: list[str] | None = None) -> int:
    """``python -m kalbar_border.i18n migrate`` (see :func:`migrate`), ``stats`` (one line per
    catalogue: see :func:`statistics`) or ``compile`` (see :func:`compile_catalogues`)."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["stats"]:
        for lang in languages():
            counts = statistics(lang)
            print(f"{catalogue_path(lang).relative_to(LOCALE_DIR.parent.parent.parent)}: {counts['messages']} messages, "
                  f"{counts['translated']} translated, {counts['untranslated']} untranslated, {counts['fuzzy']} fuzzy")
        return 0
    if args[:1] == ["compile"]:
        return 1 if compile_catalogues() else 0
    if args[:1] != ["migrate"]:
        print("usage: python -m kalbar_border.i18n migrate|stats|compile", file=sys.stderr)
        return 2
    from .figures import labels

    moved = migrate(Path(labels.__file__))
    print(f"i18n-migrate: {len(moved)} label(s) moved into {catalogue_path('id').relative_to(LOCALE_DIR.parent.parent.parent)}"
          + (f": {', '.join(moved[:10])}{' …' if len(moved) > 10 else ''}" if moved else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
