"""Row ids and cell text of the transcribed tables: the helpers every border module shares.

Raw tables are read as text (:func:`kalbar_border.data.datapackage.load_table`); a value that
rests on several rows cites them all, joined by :data:`ID_SEP`.
"""
from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from ..errors import CompendiumError

#: Separator used when several row ids back one value (``"BS001;BS004"``).
ID_SEP = ";"


def require_columns(frame: pd.DataFrame, table: str, required: Iterable[str]) -> None:
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise CompendiumError(key="error_rows_missing_columns", table=table,
                              missing=", ".join(repr(m) for m in missing))


def cell_text(value) -> str:
    """Cell as text; missing cells become ''. Raw tables are read as text, so this is safe."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value)


def split_ids(row_ids: str) -> tuple[str, ...]:
    """``"BS001;BS004"`` -> ``("BS001", "BS004")``; '' -> ``()``."""
    return tuple(i for i in cell_text(row_ids).split(ID_SEP) if i)


def join_unique(values: Iterable) -> str:
    seen: list[str] = []
    for v in values:
        t = cell_text(v).strip()
        if t and t not in seen:
            seen.append(t)
    return " | ".join(seen)


def format_number(value: float) -> str:
    if pd.isna(value):
        return "NA"
    return f"{value:,.0f}".replace(",", "") if float(value).is_integer() else f"{value:g}"
