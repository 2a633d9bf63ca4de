"""Tables and data values as a reader of the notebooks' language (``LANG``: en, id) sees them.

:func:`table` is what a notebook cell shows, ``localize.table(frame, LANG)``: a copy with its
numbers written by :mod:`kalbar_border.numbers` (``5,824``/``0.405``; ``5.824``/``0,405``),
yes and no for booleans, years plain (``2019``) and a dash for a missing value; in Indonesian
also its column headings (and the names of its index and column levels) from the label
dictionary (``col_<column>`` keys of :mod:`kalbar_border.figures.labels`). Only the shown copy
changes: what the notebooks write to ``results/`` stays English and machine-readable.
Identifiers (row ids, series, indicator and dataset codes) are shown as they are, since the
exercises use them in code.

:func:`local_text` says a text value of the data files (written in English) in the reader's
language; the claims ledger (:func:`kalbar_border.claims.view`) and the report page use it.
:func:`headings` renames the columns of a frame; the report's provenance table uses it.
"""
from __future__ import annotations

import numbers
import re

import numpy as np
import pandas as pd

from .figures.labels import LABELS, label
from .numbers import MISSING, indonesian_number, number_text

#: At most this many decimals in a column of fractional numbers (shares, p-values, estimates);
#: a column shows the decimals its values need, up to this many (76.19 stays 76,19).
DECIMALS = 3
#: A column holding a number this large or larger (amounts in US$, say) is shown in whole
#: numbers: 6.916.051.073, not 6.916.051.073,089.
WHOLE_FROM = 1e6
#: A column of whole numbers all within these years (inclusive), or named ``year`` or
#: ``*_year``, holds years: written plain, 2019 and not 2.019.
YEARS = (1900, 2100)

#: Numbers written the English way inside a text (5,824 or -68.9), not years, dates or versions,
#: and not the digits of an identifier: a number glued to a word by a hyphen or an underscore
#: ("CC-BY-4.0", "v1.2", "rev_2.1") is part of a name, and a name is never translated.
ENGLISH_NUMBER = re.compile(r"(?<![\w.,])(?<![A-Za-z_]-)(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)(?![.\d]|-?[A-Za-z_])")
#: The citation abbreviation for a source without a published date, as the data files write it.
NO_DATE = re.compile(r"(?<![\w.])n\.d\.(?!\w)")
#: Free-text values of the data files that follow a pattern, and the label that says them in
#: another language (plain texts are looked up in LABELS as they are).
PATTERNS = [(re.compile(r"^(?P<n>\d+) independent sources?$"), "report_independent_sources"),
            (re.compile(r"^(?P<n>\d+) public pages \(source_url on every row\)$"), "report_public_pages"),
            (re.compile(r"^CRAN package (?P<package>.+), published (?P<date>[\d-]+)$"), "report_cran_package"),
            # the notes of the finance tables (kalbar_border.finance)
            (re.compile(r"^(?P<n>\d+) persons with (?P<variable>\w+) = (?P<value>\w+) left out: all have "
                        r"(?P<indicator>\w+) = (?P<y>\d) \(perfect prediction\)$"), "note_perfect_prediction"),
            (re.compile(r"^every (?P<group>migrant|non-migrant) has indicator = (?P<y>\d) \(zero cell\)$"),
             "note_zero_cell"),
            # the WDI snapshot of notebook 04 (kalbar_border.border.context.remittances_share_of_gdp)
            (re.compile(r"^World Bank WDI, (?P<date>[\d-]+) \(snapshot commit date\), commit (?P<commit>\w+)$"),
             "note_wdi_snapshot")]
#: Columns holding texts the compendium's code writes (a table's note, the test used) or short
#: texts of the data files with a label (units, series names and definitions): said in the
#: reader's language by :func:`local_text` wherever a table shows them.
TEXT_COLUMNS = ("note", "test", "unit", "definition", "series", "confidence", "snapshot")
#: Columns of text transcribed from the sources as they wrote it (the transcriber's notes, a
#: publisher's name and wording, a count as printed: "23 (incl. 7 children)"), in English or
#: in the source's language. An Indonesian view leaves them out rather than mix languages; the
#: raw tables keep them (data/raw/sources/) and the English view shows them.
SOURCE_TEXT_COLUMNS = ("notes", "publisher", "author", "date_note", "published_date", "value_as_reported", "deportation_date",
                       "male", "female", "children", "from_kalbar", "no_passport", "no_work_permit", "other_reasons",
                       "repatriated_same_convoy", "malaysian_depot", "secondary_sources", "document", "table_ref",
                       "published_date_note", "published_notes", "cites", "publishers", "geography")
#: Columns (and index or column levels) holding codes with a label ``<prefix><code>``: shown in
#: Indonesian as "migran (migrant)", the label followed by the code the exercises select by.
CODED = {"group": "code_group_", "subgroup": "code_subgroup_", "subgroup_value": "code_subgroup_",
         "kalbar_agreement": "code_agreement_", "period_kind": "code_period_", "flag": "code_flag_",
         "date_precision": "date_precision_", "exports_kind": "code_period_", "imports_kind": "code_period_",
         "trade_kind": "code_bound_", "share_kind": "code_bound_", "grdp_area": "code_area_", "reason": "code_reason_"}


def local_text(text, lang: str) -> str:
    """A value of the data files (written in English) as a reader of ``lang`` reads it: a text
    the label dictionary knows, or one of :data:`PATTERNS`, in ``lang``; numbers in its style
    (``"5,824, 1,812"`` -> ``"5.824, 1.812"``). None or NaN is ``""``. Apply it once, to the
    English text: in an Indonesian text "1.428" already means one thousand four hundred."""
    text = "" if text is None or (isinstance(text, float) and pd.isna(text)) else str(text)
    if lang == "en" or not text:
        return text
    if text in LABELS:
        return label(text, lang)
    for pattern, key in PATTERNS:
        match = pattern.match(text)
        if match:
            return label(key, lang).format(**match.groupdict())
    if "; " in text:  # a note of several parts, each said on its own
        return "; ".join(local_text(part, lang) for part in text.split("; "))
    return ENGLISH_NUMBER.sub(lambda m: indonesian_number(m.group().replace(",", "")), text)


def coded(name, value, lang: str):
    """A code of column ``name`` (see :data:`CODED`) as a reader of ``lang`` sees it: in
    Indonesian its label followed by the code, "bukan migran (non_migrant)"; else as it is."""
    key = f"{CODED.get(name, '')}{value}"
    if lang == "en" or name not in CODED or not isinstance(value, str) or key not in LABELS:
        return value
    return f"{label(key, lang)} ({value})"


def _texts(name, values: pd.Series, lang: str) -> pd.Series:
    """A column of texts in ``lang``, said by :func:`local_text`; in ``series``, codes (no
    space: ``bp2mi_complaints_total``) stay as they are, since code selects by them."""
    said = lambda v: local_text(v, lang) if isinstance(v, str) and (name != "series" or " " in v) else v  # noqa: E731
    return values.map(said, na_action="ignore")


def heading(name, lang: str, with_code: bool = False):
    """A column or level name in ``lang``: its ``col_<name>`` label, else the name as it is.
    ``with_code``: the label followed by the name in brackets ("kelompok kecil (small_group)"),
    for notebook readers, who select columns by name in code and in the exercises."""
    key = f"col_{name}"
    if not (isinstance(name, str) and key in LABELS):
        return name
    said = label(key, lang)
    return f"{said} ({name})" if with_code and said != name else said


def headings(frame: pd.DataFrame, lang: str, with_code: bool = False) -> pd.DataFrame:
    """``frame`` with its column names, and the names of its index and column levels, in
    ``lang`` (:func:`heading`); the values are not touched."""
    say = lambda name: heading(name, lang, with_code)  # noqa: E731
    return frame.rename(columns=say).rename_axis(index=say, columns=say)


def _yes_no(value, lang: str) -> str:
    return label("report_yes" if value else "report_no", lang)


def _decimals(values, most: int) -> int:
    """The decimals the finite ``values`` need, at most ``most`` (0.5 needs 1, 0.40512 needs 5);
    a value that ``most`` decimals round to zero needs them all (0.0001 is 0,000, not 0); none
    when a value reaches :data:`WHOLE_FROM`."""
    finite = [v for v in values if pd.notna(v) and abs(v) != float("inf")]

    def needed(value) -> int:
        written = f"{value:.{most}f}"
        return most if value and not float(written) else len(written.rstrip("0").partition(".")[2])

    if any(abs(v) >= WHOLE_FROM for v in finite):
        return 0
    return max(map(needed, finite), default=0)


def _is_years(name, values: pd.Series) -> bool:
    """Whether a column (named ``name``) holds years: see :data:`YEARS`."""
    if not pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values):
        return False
    if isinstance(name, str) and (name == "year" or name.endswith("_year")):
        return True
    present = values.dropna()
    return len(present) > 0 and bool(((present % 1 == 0) & present.between(*YEARS)).all())


def _value(value, lang: str):
    """One value of a column of mixed values (dtype object): booleans, whole and fractional
    numbers each in ``lang``, with as many decimals as pandas shows (``display.precision``)."""
    if isinstance(value, (bool, np.bool_)):
        return _yes_no(value, lang)
    if isinstance(value, numbers.Integral):
        return number_text(value, lang)
    if isinstance(value, numbers.Real) and pd.notna(value):
        return number_text(value, lang, _decimals([value], pd.get_option("display.precision")))
    return value


def _column(name, values: pd.Series, lang: str) -> pd.Series:
    """A column as shown in ``lang``: numbers as text in its style, missing values kept."""
    if pd.api.types.is_bool_dtype(values):
        return values.map(lambda v: _yes_no(v, lang), na_action="ignore")
    if _is_years(name, values):
        return values.map(lambda v: f"{v:.0f}" if v % 1 == 0 else v, na_action="ignore")
    if pd.api.types.is_integer_dtype(values):
        return values.map(lambda v: number_text(v, lang), na_action="ignore")
    if pd.api.types.is_float_dtype(values):
        # Whole numbers from 1 up are counts wherever they stand (1 batch, 5.824 complaints in a
        # column of recorded findings): "1", not "1,000", which an Indonesian reader takes for 1.
        decimals = _decimals(values, DECIMALS)
        return values.map(lambda v: number_text(v, lang, 0 if v % 1 == 0 and abs(v) >= 1 else decimals),
                          na_action="ignore")
    if pd.api.types.is_object_dtype(values):
        return values.map(lambda v: _value(v, lang), na_action="ignore")
    return values  # text, dates, categories: as they are


def _no_date(value, lang: str):
    """A text value with the citation abbreviation "n.d." (no published date) said in words."""
    if isinstance(value, str) and NO_DATE.search(value):
        return NO_DATE.sub(label("no_date", lang), value)
    return value


def table(frame: pd.DataFrame, lang: str = "en", texts: tuple[str, ...] = ()) -> pd.DataFrame:
    """A copy of ``frame`` as a notebook cell shows it to a reader of ``lang`` (en, id).

    In every language: numbers written in the language's style by :mod:`kalbar_border.numbers`
    (``5,824`` and ``0.405`` in English, ``5.824`` and ``0,405`` in Indonesian; at most
    :data:`DECIMALS` decimals in a column of fractions), booleans as yes and no, years plain,
    a missing value as a dash (—), never pandas' "NaN" or "<NA>", and the citation abbreviation
    "n.d." in words. Indonesian also: headings in Indonesian where the label dictionary has
    them, each followed by the column's name in brackets (other names kept); ``texts``:
    columns holding texts of the data files (titles, statuses), said in ``lang`` by
    :func:`local_text`; columns of :data:`TEXT_COLUMNS` are said so too, codes of
    :data:`CODED` columns and levels as :func:`coded` says them, and columns of
    :data:`SOURCE_TEXT_COLUMNS` (text as the sources wrote it) are left out. English keeps its
    headings, codes and source texts. Pandas' display options (rows, column widths) apply to
    the copy as to the frame; only the copy changes, the data keep their values.
    """
    label("col_value", lang)  # an unsupported language is a one-line error, in English too
    english = lang == "en"
    shown = frame.copy() if english else frame.drop(columns=[c for c in frame.columns if c in SOURCE_TEXT_COLUMNS])
    for position, name in enumerate(shown.columns):
        values = shown.iloc[:, position]
        if english:
            values = _column(name, values, lang)
        elif name in texts:
            values = values.map(lambda v: local_text(v, lang))
        elif name in CODED:
            values = values.map(lambda v: coded(name, v, lang), na_action="ignore")
        elif name in TEXT_COLUMNS:
            values = _texts(name, values, lang)
        else:
            values = _column(name, values, lang)
        values = values.map(lambda v: _no_date(v, lang), na_action="ignore")
        # A missing value is a dash on the page, not pandas' "NaN" or "<NA>" (the data keep it missing).
        shown.isetitem(position, values.astype(object).where(values.notna(), MISSING))
    if english:
        return shown
    shown = _coded_levels(shown, lang)
    return headings(shown, lang, with_code=True)


def _coded_levels(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """``frame`` with the codes of its index and column levels named in :data:`CODED` said as
    :func:`coded` says them."""
    for axis in ("index", "columns"):
        index = getattr(frame, axis)
        if not any(name in CODED for name in index.names):
            continue
        if isinstance(index, pd.MultiIndex):
            levels = [index.levels[i].map(lambda v, n=name: coded(n, v, lang)) if name in CODED else index.levels[i]
                      for i, name in enumerate(index.names)]
            frame = frame.set_axis(index.set_levels(levels), axis=axis)
        else:
            frame = frame.set_axis(index.map(lambda v: coded(index.name, v, lang)).rename(index.name), axis=axis)
    return frame
