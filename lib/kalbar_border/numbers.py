"""Numbers and dates written for a reader: ``5,824`` and ``-68.9`` in English, ``5.824`` and
``-68,9`` in Indonesian (dot for thousands, comma for decimals); ``December 6, 2026`` and
``6 Desember 2026``. The one place figures, tables, the claims
ledger and the report format numbers; it imports no plotting library, so the report and the
ledger can use it without loading matplotlib.

The symbols (grouping, decimal sign, minus) are the locale's, from the Unicode CLDR through
:mod:`babel.numbers`, not typed here: a third language needs only its entry in :data:`LOCALES`.
A missing value (None, NaN, pandas' NA) is written :data:`MISSING`, never "nan" or "<NA>".

Rounding: a float is handed to Babel as its exact binary value (``Decimal(value)``), which Babel
rounds half to even, exactly as Python's own ``f"{value:.2f}"`` does; ``Decimal(str(value))``
would round 2.675 up where Python writes 2.67, and the committed outputs would move.
"""
from __future__ import annotations

import datetime
import math
import numbers
import re
from decimal import Decimal

from babel.dates import format_date
from babel.numbers import format_decimal

#: The Babel locale of each language of the compendium.
LOCALES = {"en": "en", "id": "id"}
#: What a missing number is written as, on every page.
MISSING = "—"

#: A number as Python or matplotlib write it: an optional sign, digits, optional decimals.
_PLAIN = re.compile(r"^(?P<sign>[-\u2212]?)(?P<whole>\d+)(?:\.(?P<decimals>\d+))?$")


def is_missing(value) -> bool:
    """Whether ``value`` is a missing number: None, a float NaN or pandas' NA/NaT (without
    importing pandas: NA and NaT are the objects not equal to themselves, as NaN is)."""
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN, pd.NA (raises: ambiguous) and NaT
    except TypeError:
        return True


def _locale(lang: str) -> str:
    try:
        return LOCALES[lang]
    except KeyError:
        from .errors import CompendiumError

        raise CompendiumError(key="error_labels_lang", lang=repr(lang), accepted=", ".join(LOCALES)) from None


def number_text(value, lang: str, decimals: int = 0) -> str:
    """``value`` rounded to ``decimals`` and written for a reader of ``lang`` (en, id), with
    thousands separators. A value that rounds to zero is written without a minus sign; a
    missing one is :data:`MISSING`."""
    if is_missing(value):
        return MISSING
    exact = (value if isinstance(value, Decimal) else Decimal(int(value)) if isinstance(value, numbers.Integral)
             else Decimal(float(value)))  # numpy's numbers too; a float's exact binary value
    if round(exact, decimals) == 0:
        exact = Decimal(0)  # a tiny negative value is "0.0", not "-0.0"
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    return format_decimal(exact, format=pattern, locale=_locale(lang), decimal_quantization=True)


def indonesian_number(text: str) -> str:
    """``"-1234.5"`` (as matplotlib or Python write it, no thousands separator) ->
    ``"-1.234,5"``; other text unchanged."""
    match = _PLAIN.match(text)
    if not match:
        return text
    decimals = match["decimals"] or ""
    written = number_text(Decimal(match["whole"] + ("." + decimals if decimals else "")), "id", len(decimals))
    # Keep the sign as it came (matplotlib's tick labels use U+2212), and a "-0" as written.
    return match["sign"] + written


def exact_text(value, lang: str) -> str:
    """``value`` written for a reader of ``lang`` with the decimals it has, no rounding
    (a parameter such as 0.05, a threshold of -30, a change of -68.9); text is returned as it is."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, float) and math.isnan(value):
        return MISSING
    if isinstance(value, float) and not value.is_integer():
        # repr is the shortest text that reads back as the value; Decimal spells out 1e-05.
        return number_text(Decimal(repr(value)), lang, len(format(Decimal(repr(value)), "f").partition(".")[2]))
    return number_text(value, lang)


def date_text(day, lang: str) -> str:
    """A day (a :class:`datetime.date` or ISO text, ``"2026-12-06"``) written in full for a
    reader of ``lang``, by the locale's long date format: "December 6, 2026", "6 Desember 2026".
    Text that is not an ISO day is returned as it is; a missing day is :data:`MISSING`."""
    if is_missing(day):
        return MISSING
    if isinstance(day, str):
        try:
            day = datetime.date.fromisoformat(day)
        except ValueError:
            return day
    return format_date(day, format="long", locale=_locale(lang))
