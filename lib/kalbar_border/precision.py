"""The precision of every number written to an output file: 10 significant digits.

Every float in ``results/*.csv``, ``results/*.json`` and the figure sidecars ``figures/*.json``
passes through :func:`rounded`, the one place the precision is decided; :func:`csv_text` writes
it into tables and :func:`for_json` into JSON.

Why 10: a rerun on another CPU or BLAS kernel moves model estimates and p-values in their last
one or two binary digits (``p_holm`` 0.5905544089688683 became 0.590554408968868, 5e-16
relative), so printing the shortest repr of a double (up to 17 significant digits) made the
committed reference outputs differ between machines. Rounded to 10 digits, a value changes only
if it lies within that difference of the midpoint between two 10-digit decimals. Measured on the
default run (2,244 values with more than 10 significant digits): the closest one lies 1.4e-13
relative from such a midpoint (a design effect, 2.352700760500321), 15 lie within 1e-12, and none
moves when every value is perturbed by 1e-13 relative, two hundred times the difference seen
(``tests/test_precision.py`` reruns the pipeline so and compares the bytes). 11 digits would
move 21 values at 1e-13; 8 or 9 digits would leave more margin (2.6e-13, 5.6e-13), not enough
more to give up the tables' established 10 digits. ``make verify`` accepts 1e-9 relative
(:data:`kalbar_border.verify.REL_TOL`), at least one step of the tenth digit, so another
platform's rare flip is still reported as within tolerance.

Only outputs are rounded: the pipeline's own records in ``build/`` (parameters it compares with
the next run's, timings) are written exactly by :func:`kalbar_border.atomic.write_json`.
"""
from __future__ import annotations

import math
import numbers

#: Significant digits of every float written to an output file (see the module docstring).
SIGNIFICANT_DIGITS = 10


def rounded(value: float) -> float:
    """``value`` rounded to :data:`SIGNIFICANT_DIGITS` significant digits (decimal, half to even
    on the exact binary value, as ``format`` does), as the nearest double; NaN and infinities
    pass unchanged. The one function deciding the precision of outputs."""
    return float(f"{float(value):.{SIGNIFICANT_DIGITS}g}")


def csv_text(value: float) -> str:
    """A float as a table cell: its :func:`rounded` value in at most :data:`SIGNIFICANT_DIGITS`
    significant digits without trailing zeros (``2019`` for 2019.0, ``1e-05``), the form
    ``pandas.DataFrame.to_csv`` gives with ``float_format``. NaN is an empty cell, as pandas writes it."""
    value = rounded(value)
    return "" if math.isnan(value) else f"{value:.{SIGNIFICANT_DIGITS}g}"


def for_json(obj):
    """``obj`` with every float :func:`rounded` for a JSON output: a whole number becomes an
    integer (so 25.0 and 24.999999999999996 from two machines both print ``25``), NaN becomes
    ``null`` (NaN is not JSON); dicts, lists and tuples are walked, other values kept. Integers
    and flags are never rounded (a bool is an int to Python; numpy's bool is not)."""
    if isinstance(obj, dict):
        return {key: for_json(value) for key, value in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [for_json(value) for value in obj]
    if obj is None or isinstance(obj, (bool, str)):
        return obj
    if getattr(obj, "dtype", None) == bool:
        return bool(obj)
    if isinstance(obj, numbers.Integral):
        return int(obj)
    if isinstance(obj, numbers.Real):
        value = rounded(obj)
        if math.isnan(value):
            return None
        return int(value) if value.is_integer() and abs(value) < 2**53 else value
    return obj
