"""The translations live in gettext catalogues (kalbar_border.i18n), not in Python or YAML:
labels.py and claims.yml hold English only, every label and ledger text has its translation in
id.po, none is untranslated or fuzzy, every translation fills the placeholders its English does,
and the catalogue holds exactly the messages labels.py and claims.yml give (a label or ledger text
added without ``make i18n-update``, or a stale message, fails)."""
import ast
import shutil

import pytest

from kalbar_border import claims, i18n, paths
from kalbar_border.figures import labels


def _extracted(ledger=paths.CLAIMS) -> set[tuple[str, str]]:
    """(context, English) of every message extracted from labels.py and the claims ledger, as
    pybabel does through babel.cfg."""
    found = set()
    for source, extract in ((labels.__file__, i18n.extract_labels), (ledger, i18n.extract_claims)):
        with open(source, "rb") as handle:
            found |= {(context, message) for _, _, (context, message), _ in extract(handle, None, None, None)}
    return found


def _not_in_catalogue(lang: str, ledger=paths.CLAIMS) -> set[tuple[str, str]]:
    """The extracted messages ``lang``'s catalogue lacks (``make i18n-update`` not run since)."""
    return _extracted(ledger) - {(m.context, m.id) for m in i18n.catalogue(lang) if m.id}


def test_labels_py_holds_no_translations():
    """Every entry of labels.SOURCE is English text (or a list of paragraphs), never a
    {"en": ..., "id": ...} dict: such a label (merged from an older branch) is moved into the
    catalogue by ``make i18n-migrate``."""
    old_form = [key for key, value in labels.SOURCE.items() if isinstance(value, dict)]
    assert not old_form, f"labels written with their translation in labels.py (run make i18n-migrate): {old_form[:10]}"
    assert all(isinstance(v, str) or (isinstance(v, list) and all(isinstance(p, str) for p in v))
               for v in labels.SOURCE.values())


@pytest.mark.parametrize("lang", [lang for lang in labels.LANGS if lang != i18n.SOURCE_LANG])
def test_catalogue_is_complete_and_consistent(lang):
    """No untranslated or fuzzy message, no translation with other placeholders than its English."""
    assert i18n.problems(lang) == []
    counts = i18n.statistics(lang)
    assert counts["untranslated"] == 0 and counts["fuzzy"] == 0 and counts["translated"] == counts["messages"] > 0


@pytest.mark.parametrize("lang", [lang for lang in labels.LANGS if lang != i18n.SOURCE_LANG])
def test_catalogue_holds_exactly_the_labels(lang):
    """The messages extracted from labels.py and claims.yml (as pybabel does through babel.cfg)
    are those of the catalogue: a new or changed label or ledger text needs ``make i18n-update``
    and its translation."""
    extracted = _extracted()
    in_catalogue = {(m.context, m.id) for m in i18n.catalogue(lang) if m.id}
    missing = _not_in_catalogue(lang)
    assert not missing, f"labels or ledger texts missing from {lang}'s catalogue (make i18n-update): {sorted(missing)[:5]}"
    assert not in_catalogue - extracted, f"messages of no label in {lang}'s catalogue: {sorted(in_catalogue - extracted)[:5]}"


def test_babel_cfg_extracts_the_ledger_with_its_places_as_contexts():
    """pybabel (make i18n-extract) reads claims.yml through extract_claims: each English text of
    the ledger is a message whose context names where it is, by ids and names (a context stays
    when other entries move); a series shared by two claims through a YAML anchor is a message of
    each, and no Indonesian twin is left in the ledger."""
    from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_file, pathmatch
    from babel.messages.frontend import parse_mapping_cfg

    with (paths.ROOT / "babel.cfg").open() as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    method = next(method for pattern, method in method_map if pathmatch(pattern, "claims.yml"))
    assert method == "kalbar_border.i18n:extract_claims"
    found = list(extract_from_file(method, str(paths.CLAIMS), keywords=DEFAULT_KEYWORDS))
    contexts = [context for *_, context in found]
    assert len(contexts) == len(set(contexts)) == len(list(claims.ledger_texts(claims.load_document())))
    for context in ("claims.yml rules_fixed_note", "claims.yml C1 claim", "claims.yml C3a meaning",
                    "claims.yml analysis_choices c1_material_trade reason", "claims.yml C1 why min_share_pct",
                    "claims.yml C2 evidence bp2mi_complaints_total role_why",
                    "claims.yml C4 evidence bp2mi_complaints_total role_why", "claims.yml C5 licensed why margin_pp"):
        assert context in contexts, context
    lines = paths.CLAIMS.read_text(encoding="utf-8").splitlines()
    by_context = {context: (line, message) for line, message, _, context in found}
    line, message = by_context["claims.yml C1 claim"]
    assert lines[line - 1].strip().startswith("claim: ") and message.startswith("West Kalimantan-Sarawak border")
    assert not any(line.strip().split(":")[0].endswith("_id") for line in lines if not line.lstrip().startswith("#"))


def test_a_ledger_text_without_translation_fails(tmp_path, monkeypatch):
    """A ledger text edited without its translation is caught: before ``make i18n-update`` the
    catalogue lacks it (test_catalogue_holds_exactly_the_labels), after it the message is
    untranslated (test_catalogue_is_complete_and_consistent); meanwhile it is said in English."""
    english = "Policy: strict law enforcement, international cooperation and government-private collaboration."
    edited = english.replace("strict", "firm")
    ledger = tmp_path / "claims.yml"
    ledger.write_text(paths.CLAIMS.read_text(encoding="utf-8").replace(english, edited), encoding="utf-8")
    assert _not_in_catalogue("id", ledger) == {("claims.yml C7 claim", edited)}
    assert claims.said(edited, "id", "C7", "claim") == edited
    # after make i18n-update: the message is in the catalogue, untranslated
    (tmp_path / "id" / "LC_MESSAGES").mkdir(parents=True)
    shutil.copy(i18n.catalogue_path("id"), tmp_path / "id" / "LC_MESSAGES" / "messages.po")
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    catalogue = i18n.catalogue("id")
    catalogue.add(edited, string="", context="claims.yml C7 claim")
    from babel.messages.pofile import write_po

    with i18n.catalogue_path("id").open("wb") as handle:
        write_po(handle, catalogue)
    assert [line.split(":")[0] for line in i18n.problems("id")] == ["untranslated"]
    assert "claims.yml C7 claim" in i18n.problems("id")[0]


def test_the_ledger_placeholders_pass_the_check():
    """A ledger text cites results and rule parameters (``{C2.min_turns:n}``, ``{rule.threshold}``):
    its translation must cite the same, and the check reads both alike."""
    assert i18n.placeholders("at least {C2.min_turns:n} turns, {rule.threshold} %") == ["C2.min_turns:n", "rule.threshold"]
    cited = [m for m in i18n.catalogue("id") if m.context and m.context.startswith("claims.yml") and "{" in m.id]
    assert cited and all(i18n.placeholders(m.id) == i18n.placeholders(m.string) for m in cited)


def test_problems_names_untranslated_fuzzy_and_placeholder_mismatch(tmp_path, monkeypatch):
    """The check itself fails on each kind of gap (a catalogue written here, not the real one)."""
    po = tmp_path / "xx" / "LC_MESSAGES" / "messages.po"
    po.parent.mkdir(parents=True)
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
                  'msgctxt "a"\nmsgid "Year"\nmsgstr ""\n\n'
                  '#, fuzzy\nmsgctxt "b"\nmsgid "Persons"\nmsgstr "Orang"\n\n'
                  'msgctxt "c"\nmsgid "{n} batches"\nmsgstr "{m} gelombang"\n\n'
                  'msgctxt "d"\nmsgid "{n:n} batches"\nmsgstr "{n:n} gelombang"\n')
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    found = i18n.problems("xx")
    assert [line.split(":")[0] for line in found] == ["untranslated", "fuzzy", "placeholders differ (n / m)"]


def test_a_label_of_the_old_form_is_migrated(tmp_path, monkeypatch):
    """make i18n-migrate: a {"en": ..., "id": ...} entry (another branch's) becomes English in
    labels.py and a message of the catalogue; the label reads the same before and after."""
    source = tmp_path / "labels.py"
    source.write_text('SOURCE: dict = {\n    "year": "Year",\n'
                      '    "new_key": {"en": "Deportation batches, {year}", "id": "Gelombang deportasi, {year}"},\n'
                      '    "new_list": {"en": ["One.", "Two."], "id": ["Satu.", "Dua."]},\n}\n')
    (tmp_path / "id" / "LC_MESSAGES").mkdir(parents=True)
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    assert i18n.migrate(source) == ["new_key", "new_list"]
    tree = ast.parse(source.read_text())
    assert ast.literal_eval(tree.body[0].value) == {"year": "Year", "new_key": "Deportation batches, {year}",
                                                    "new_list": ["One.", "Two."]}
    messages = {(m.context, m.id): m.string for m in i18n.catalogue("id") if m.id}
    assert messages == {("new_key", "Deportation batches, {year}"): "Gelombang deportasi, {year}",
                        ("new_list", "One."): "Satu.", ("new_list", "Two."): "Dua."}


def test_labels_read_through_the_catalogue_and_the_old_form_still_works(monkeypatch):
    assert labels.label("year", "id") == "Tahun" and labels.LABELS["year"] == {"en": "Year", "id": "Tahun"}
    assert isinstance(labels.label("findings_02_border_series", "id"), list)
    monkeypatch.setitem(labels.LABELS, "zz_demo", {"en": "Demo", "id": "Contoh"})  # a merged branch's label, not yet migrated
    assert labels.label("zz_demo", "id") == "Contoh" and "zz_demo" in labels.LABELS


def test_a_po_newer_than_its_mo_is_what_a_run_says(tmp_path, monkeypatch):
    """A translator's edit counts at once: a .mo older than its .po is not read."""
    folder = tmp_path / "xx" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "messages.po").write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
                                        'msgctxt "year"\nmsgid "Year"\nmsgstr "Tahun baru"\n')
    (folder / "messages.mo").write_bytes(b"stale")  # would fail to load if it were read
    import os
    os.utime(folder / "messages.mo", (1, 1))
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    i18n.translations.cache_clear()
    try:
        assert i18n.pgettext("year", "Year", "xx") == "Tahun baru"
    finally:
        i18n.translations.cache_clear()
