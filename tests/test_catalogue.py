"""The translations live in gettext catalogues (kalbar_border.i18n), not in Python: labels.py holds
English only, every label has its translation in id.po, none is untranslated or fuzzy, every
translation fills the placeholders its English does, and the catalogue holds exactly the messages
labels.py gives (a label added without ``make i18n-update``, or a stale message, fails)."""
import ast

import pytest

from kalbar_border import i18n
from kalbar_border.figures import labels


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
    """The messages extracted from labels.py (as pybabel does through babel.cfg) are those of
    the catalogue: a new or changed label needs ``make i18n-update`` and its translation."""
    source = labels.__file__
    with open(source, "rb") as handle:
        extracted = {(context, message) for _, _, (context, message), _ in i18n.extract_labels(handle, None, None, None)}
    in_catalogue = {(m.context, m.id) for m in i18n.catalogue(lang) if m.id}
    assert not extracted - in_catalogue, f"labels missing from {lang}'s catalogue (make i18n-update): {sorted(extracted - in_catalogue)[:5]}"
    assert not in_catalogue - extracted, f"messages of no label in {lang}'s catalogue: {sorted(in_catalogue - extracted)[:5]}"


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
