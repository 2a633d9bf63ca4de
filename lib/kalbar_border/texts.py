"""Reader-facing texts whose numbers come from the run, never typed in.

A text (a caveat of ``claims.yml``, a notebook's findings-and-limits section, a sentence of the
report) is a *template*: every number in it is a placeholder ``{name}`` or ``{name:format}``
filled from a dict of values, usually ``results/results.json`` (whose keys are dotted:
``{border.bp2mi_complaints_total.change_2019_2020_pct:pct}``). The placeholder never reaches a
reader: a value that is missing is written as a dash and named in :func:`missing`, so a test
can fail on it.

Formats (numbers written for ``lang`` by :mod:`kalbar_border.numbers`):

* ``n``: a whole number with separators (5,824 / 5.824);
* ``pct``: a percent change with its sign and one decimal (+61.1 / -68.9; the text adds "%");
* ``pp``: a fraction 0-1 as percent or percentage points, one decimal (0.0363 -> 3.6);
* ``p``: a p-value, three decimals, or "< 0.001";
* ``d1``, ``d2``, ``d3``: one, two or three decimals; ``abs``: the size without its sign, as it has it (-30 -> 30);
  none: the value with the decimals it has (0.05, -30).

Text values (a list of row ids, a definition's name) are written as they are.
"""
from __future__ import annotations

import math
import numbers
import re

import numpy as np

from .numbers import exact_text, number_text

#: ``{key}`` or ``{key:format}``; keys are lower-case names, dotted for results.json keys.
PLACEHOLDER = re.compile(r"\{(?P<key>[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*)(?::(?P<format>[a-z0-9]+))?\}")
#: What a missing value is written as.
DASH = "—"
FORMATS = ("n", "pct", "pp", "p", "d1", "d2", "d3", "abs")


def _empty(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def number(value, fmt: str | None, lang: str) -> str:
    """``value`` written in ``fmt`` (see the module's formats) for a reader of ``lang``."""
    if _empty(value):
        return DASH
    if isinstance(value, (list, tuple)):
        return ", ".join(number(v, fmt, lang) for v in value)
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        return str(value)
    value = int(value) if isinstance(value, numbers.Integral) else float(value)  # numpy numbers too
    if fmt == "n":
        return number_text(value, lang)
    if fmt == "pct":
        text = number_text(value, lang, 1)
        return text if text.startswith("-") or text in ("0.0", "0,0") else "+" + text
    if fmt == "pp":
        return number_text(100 * value, lang, 1)
    if fmt == "p":
        return ("< " + exact_text(0.001, lang)) if value < 0.001 else number_text(value, lang, 3)
    if fmt in ("d1", "d2", "d3"):
        return number_text(value, lang, int(fmt[1]))
    if fmt == "abs":
        return exact_text(abs(value), lang)
    if fmt is not None:
        raise ValueError(f"placeholder format {fmt!r} unknown; accepted: {', '.join(FORMATS)}")
    return exact_text(value, lang)


def placeholders(template: str) -> list[str]:
    """The keys a template asks for, in order."""
    return [m.group("key") for m in PLACEHOLDER.finditer(template or "")]


def missing(template: str, values: dict) -> list[str]:
    """The keys of ``template`` that ``values`` lacks or holds empty."""
    return [key for key in placeholders(template) if _empty(values.get(key))]


def fill(template: str, values: dict, lang: str = "en") -> str:
    """``template`` with every placeholder replaced by its value in ``values``, written for
    ``lang``; a missing or empty value is a dash."""
    if not template:
        return ""
    return PLACEHOLDER.sub(lambda m: number(values.get(m.group("key")), m.group("format"), lang), template)


def findings(notebook: str, values: dict, lang: str = "en"):
    """A notebook's closing section, *what it found and its limits*, as Markdown for
    ``lang``: the label ``findings_<notebook>`` filled from ``values`` (the numbers the
    notebook recorded in this run). Each paragraph of the label is one item of a list."""
    from IPython.display import Markdown

    from .figures.labels import label

    paragraphs = label(f"findings_{notebook}", lang)
    gaps = [key for paragraph in paragraphs for key in missing(paragraph, values)]
    if gaps:
        # A findings section with a dash in it would hide a bug; say which number is absent.
        raise KeyError(f"findings_{notebook}: no value for {', '.join(gaps)} in this run")
    return Markdown("\n".join(f"- {fill(paragraph, values, lang)}" for paragraph in paragraphs))
