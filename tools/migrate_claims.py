"""One-off (issue 32): move the Indonesian twins ``<field>_id`` of claims.yml into the catalogue.

Each English text of the ledger (kalbar_border.claims.ledger_texts) becomes a message of
locale/id/LC_MESSAGES/messages.po whose context is its place in the ledger (claims.context) and
whose msgstr is its twin, exactly as YAML reads it; then the twins are removed from claims.yml,
line by line, so that its comments and layout stay. Run once: .venv/bin/python tools/migrate_claims.py
"""
import json
import re
import sys

import yaml
from babel.messages.pofile import read_po, write_po

from kalbar_border import claims, i18n, paths

TWINS = {f"{name}_id" for name in (*claims.TEXTS, *claims.CHOICE_TEXTS, "rules_fixed_note", "why", "role_why")}


def indonesian(document, where):
    if where == ("rules_fixed_note",):
        return document["rules_fixed_note_id"]
    if where[0] == "analysis_choices":
        return next(c for c in document["analysis_choices"] if c["id"] == where[1])[f"{where[2]}_id"]
    entry = next(e for e in document["claims"] if e["id"] == where[0])
    if len(where) == 2:
        return entry[f"{where[1]}_id"]
    if where[-1] == "role_why":
        return next(s for s in entry["rule"]["series"] if s["name"] == where[2])["role_why_id"]
    rule = entry["rule"]["licensed"] if where[1] == "licensed" else entry["rule"]
    return rule["why_id"][where[-1]]


def all_twins(node, found):
    """Every string under a twin key (anchored nodes counted once, by identity)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in TWINS:
                for text in (value.values() if isinstance(value, dict) else [value]):
                    found[id(text)] = text
            else:
                all_twins(value, found)
    elif isinstance(node, list):
        for item in node:
            all_twins(item, found)
    return found


def without_twins(text: str) -> str:
    out, skip_deeper = [], None
    for line in text.splitlines(keepends=True):
        indent = len(line) - len(line.lstrip(" "))
        if skip_deeper is not None and line.strip() and indent > skip_deeper:
            continue
        skip_deeper = None
        match = re.match(r"^( *)([a-z_]+):", line)
        if match and match.group(2) in TWINS:
            skip_deeper = len(match.group(1))
            continue
        out.append(line)
    return "".join(out)


def main():
    text = paths.CLAIMS.read_text(encoding="utf-8")
    document = yaml.safe_load(text)
    messages, used = {}, {}
    for where, english in claims.ledger_texts(document):
        translated = indonesian(document, where)
        used[id(translated)] = translated
        context = claims.context(*where)
        assert context not in messages or messages[context] == (english, translated), context
        messages[context] = (english, translated)
    left = set(all_twins(document, {})) - set(used)
    assert not left, f"twins of no English text: {left}"
    json.dump(messages, open(sys.argv[1] if len(sys.argv) > 1 else "/tmp/claims_messages.json", "w"),
              ensure_ascii=False, indent=1)
    po = i18n.catalogue_path("id")
    with po.open("rb") as handle:
        catalog = read_po(handle, locale="id", domain=i18n.DOMAIN)
    for context, (english, translated) in messages.items():
        catalog.add(english, string=translated, context=context)
    with po.open("wb") as handle:
        write_po(handle, catalog, width=i18n.LINE, no_location=True, omit_header=False)
    paths.CLAIMS.write_text(without_twins(text), encoding="utf-8")
    after = yaml.safe_load(paths.CLAIMS.read_text(encoding="utf-8"))
    assert list(claims.ledger_texts(after)) == list(claims.ledger_texts(document))
    assert not all_twins(after, {})
    print(f"{len(messages)} messages moved into {po}")


if __name__ == "__main__":
    main()
