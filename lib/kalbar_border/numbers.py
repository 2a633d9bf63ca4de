"""Numbers written for a reader: ``5,824`` and ``-68.9`` in English, ``5.824`` and ``-68,9`` in
Indonesian (dot for thousands, comma for decimals). The one place figures, tables, the claims
ledger and the report format numbers; it imports no plotting library, so the report and the
ledger can use it without loading matplotlib.
"""
from __future__ import annotations

from decimal import Decimal


def indonesian_number(text: str) -> str:
    """``"-1234.5"`` (as matplotlib or Python write it, no thousands separator) ->
    ``"-1.234,5"``; other text unchanged."""
    sign = text[0] if text[:1] in ("-", "\u2212") else ""
    body = text[len(sign):]
    whole, _, decimals = body.partition(".")
    if not whole.isdigit() or (decimals and not decimals.isdigit()):
        return text
    grouped = f"{int(whole):,}".replace(",", ".")
    return sign + grouped + ("," + decimals if decimals else "")


def number_text(value: float, lang: str, decimals: int = 0) -> str:
    """``value`` rounded to ``decimals`` and written for a reader of ``lang`` (en, id), with
    thousands separators. A value that rounds to zero is written without a minus sign."""
    if round(value, decimals) == 0:
        value = 0.0  # a tiny negative value is "0.0", not "-0.0"
    return indonesian_number(f"{value:.{decimals}f}") if lang == "id" else f"{value:,.{decimals}f}"


def exact_text(value, lang: str) -> str:
    """``value`` written for a reader of ``lang`` with the decimals it has, no rounding
    (a parameter such as 0.05, a threshold of -30, a change of -68.9); text is returned as it is."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, float) and not value.is_integer():
        # repr is the shortest text that reads back as the value; Decimal spells out 1e-05.
        return number_text(value, lang, len(format(Decimal(repr(value)), "f").partition(".")[2]))
    return number_text(value, lang)
