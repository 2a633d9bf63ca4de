"""Border-side figures: Entikong deportation batches, annual series, remittances, placements.

Four raw tables feed this module, always through :func:`kalbar_border.datapackage.load_table`:

* ``entikong_events`` -- one row per deportation batch reported in the news. Cleaned by
  :func:`clean_events` (raw text kept, numbers parsed, contradictions flagged, nothing dropped)
  and summarised by :func:`yearly_event_summary`.
* ``border_series`` -- annual and year-to-date statements. :func:`annual_series` lines up the
  national complaint series, the KJRI Kuching deportation series, West Kalimantan placements
  and the Entikong-side statements, keeping partial-year statements apart from annual values.
* ``macro_remittances`` -- :func:`remittances_share_of_gdp` (one WDI vintage, never spliced)
  and :func:`placements` (national and West Kalimantan placements, both tables compared).

Every count is in persons (complaints for the ``bp2mi_complaints_*`` series), every money
amount in current US$ unless a column says otherwise. Every output row cites the ``row_id``
(or ``event_id``) it rests on. Bad input raises :class:`~kalbar_border.errors.CompendiumError`
with one line naming the table, the row, the field and what was expected.
"""
from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable

import numpy as np
import pandas as pd

from .errors import CompendiumError
from .transcribe import HEDGED, states_partial_period

# --------------------------------------------------------------------------------------------
# shared helpers
# --------------------------------------------------------------------------------------------

#: Separator used when several row ids back one value (``"BS001;BS004"``).
ID_SEP = ";"


def _require_columns(frame: pd.DataFrame, table: str, required: Iterable[str]) -> None:
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise CompendiumError(
            f"{table}: missing required column(s) {', '.join(repr(m) for m in missing)}; "
            f"expected the columns of data/raw/sources/{table}.csv")


def _text(value) -> str:
    """Cell as text; missing cells become ''. Raw tables are read as text, so this is safe."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value)


def split_ids(row_ids: str) -> tuple[str, ...]:
    """``"BS001;BS004"`` -> ``("BS001", "BS004")``; '' -> ``()``."""
    return tuple(i for i in _text(row_ids).split(ID_SEP) if i)


def _join_unique(values: Iterable) -> str:
    seen: list[str] = []
    for v in values:
        t = _text(v).strip()
        if t and t not in seen:
            seen.append(t)
    return " | ".join(seen)


def _fmt(value: float) -> str:
    if pd.isna(value):
        return "NA"
    return f"{value:,.0f}".replace(",", "") if float(value).is_integer() else f"{value:g}"


# --------------------------------------------------------------------------------------------
# Entikong deportation batches
# --------------------------------------------------------------------------------------------

#: Raw columns :func:`clean_events` reads (every other raw column is passed through unchanged).
EVENT_REQUIRED = (
    "event_id", "deportation_date", "date_note", "total_deported", "repatriated_same_convoy",
    "male", "female", "children", "from_kalbar", "no_passport", "no_work_permit",
    "other_reasons", "notes",
)

#: Free-text count columns parsed by their leading number into ``<column>_n`` (Int64).
COUNT_COLUMNS = (
    "repatriated_same_convoy", "male", "female", "children", "from_kalbar", "no_passport",
    "no_work_permit",
)

#: Boolean flag columns added by :func:`clean_events` (``flag_any`` is their OR).
FLAG_COLUMNS = (
    "flag_parts_exceed_total", "flag_sex_sum_mismatch", "flag_weekday_conflict",
    "flag_mixed_repatriates", "flag_date_imprecise",
)

# A leading count: "113 adult men", "23 (incl. 7 children)", "all 57 overstay", "1.705".
_LEADING_INT = re.compile(r"^\s*(?:all\s+)?(\d{1,3}(?:[.,]\d{3})+|\d+)\b", re.I)
# Text that carries a number which is not the count asked for ("2 pregnant women (no children
# stated)"), or says the count is missing: such cells give NA, never a guessed number.
_NOT_A_COUNT = re.compile(r"not given|number not|count not|no children stated", re.I)
# other_reasons items that describe a condition or a route, not why the person was deported;
# counting them would make correct reason breakdowns look as if they exceeded the total.
_NOT_A_REASON = re.compile(
    r"pregnan|sick|\bill\b|mental|bod(?:y|ies)|deceased|unofficial route", re.I)

_ID_DAYS = {"senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4,
            "sabtu": 5, "minggu": 6}
_EN_DAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
            "saturday": 5, "sunday": 6}
_ID_MONTHS = {"januari": 1, "februari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6,
              "juli": 7, "agustus": 8, "september": 9, "oktober": 10, "november": 11,
              "desember": 12}
_ID_DAY_RE = "|".join(sorted(_ID_DAYS, key=len, reverse=True))
_ANY_DAY_RE = "|".join(sorted([*_ID_DAYS, *_EN_DAYS], key=len, reverse=True))
# "Kamis (24/4)", "Kamis sore (21/1/2021)", "'Rabu' with 17/10", "Kamis, (12/02/2026)"
_DAY_NUMERIC = re.compile(
    rf"\b({_ID_DAY_RE})\b[\s,'(]*(?:[a-z]+[\s,'(]+){{0,2}}(\d{{1,2}})/(\d{{1,2}})(?:/(\d{{2,4}}))?",
    re.I)
# "Selasa 3 November 2022", "Kamis, 13 Maret 2025"
_DAY_NAMED = re.compile(
    rf"\b({_ID_DAY_RE})\b,?\s+(\d{{1,2}})\s+({'|'.join(_ID_MONTHS)})\b(?:\s+(\d{{4}}))?", re.I)
_DAY_BARE = re.compile(rf"\b({_ANY_DAY_RE})\b", re.I)
# The transcriber's own check ("28 Jun 2021 was a Monday") states a true fact about another
# date; it is not the weekday the source attached to this batch.
_WAS_A = re.compile(r"was\s+(?:an?\s+)?['\"]?$", re.I)
_CONFLICT_SAID = re.compile(r"weekday\s*/\s*date conflict", re.I)

_DATE_RE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?(?:/(\d{1,2}))?(?:\s.*)?$")
# Cues in date_note that the stated day is not firmly the convoy's day.
_DATE_DOUBT = re.compile(r"ambigu|not explicit|not stated|implie[sd]|missing|\bsays\b|caption", re.I)

_CHILD_INCLUDED = re.compile(
    r"included in (?:the )?m\b|included in m/f|children included|\(included\)|,\s*included\b"
    r"|incl\.?\s*\d+\s*(?:children|child|infants?|minors?|toddlers?)", re.I)
_CHILD_EXCLUDED = re.compile(r"additional to m|adult (?:men|women)|not included|excluded", re.I)
# In notes only the transcriber's own statement counts: notes also quote other sources' splits
# ("KJRI: 83 M, 17 F incl. 3 minors") that describe a different count of the same batch.
_CHILD_INCLUDED_NOTES = re.compile(r"children included in m|included in m/f", re.I)

_MIXED = [
    re.compile(r"incl(?:\.|uding|uded)?\s+repatriat", re.I),      # "287 (of 402 incl. repatriated)"
    re.compile(r"\bof \d+\s+incl", re.I),                          # "of 402 incl."
    re.compile(r"deportation\s*\+\s*repatriation|repatriation combined", re.I),
    re.compile(r"may include.{0,60}repatriat", re.I),
]
_REFERS_TO = re.compile(r"refer(?:s)? to (?:all )?(\d+)", re.I)


def parse_leading_count(text) -> object:
    """The count a free-text cell starts with, or ``pd.NA``.

    ``'113 adult men'`` -> 113, ``'23 (incl. 7 children)'`` -> 23,
    ``'287 (of 402 incl. repatriated)'`` -> 287, ``'0 (all held valid passports)'`` -> 0,
    ``'all 57 overstay'`` -> 57. Text that does not start with a number
    (``'(reason listed)'``, ``'majority (number not given)'``, ``'(some)'``) and text that says
    the count is missing gives ``pd.NA`` -- never 0. Only the leading number is read, so
    ``'3 infants; plus 4 following parents'`` gives 3 (a lower bound; the raw text is kept).
    """
    t = _text(text)
    if not t.strip() or _NOT_A_COUNT.search(t):
        return pd.NA
    m = _LEADING_INT.match(t)
    return int(re.sub(r"[.,]", "", m.group(1))) if m else pd.NA


def parse_other_reasons(text) -> object:
    """Persons counted in the ``other_reasons`` free text, or ``pd.NA`` if none is countable.

    The text is split into items on ';' and ','; an optional ``'KJRI:'``-style label is
    dropped; each item contributes its leading number. Items naming a condition or a route
    rather than a deportation reason (pregnant, sick, ill, mental, bodies, deceased,
    'unofficial routes') are skipped. Items without a number are skipped, so the result is a
    lower bound whenever the text also lists uncounted reasons.
    """
    t = _text(text)
    if not t.strip():
        return pd.NA
    total, seen = 0, False
    for item in re.split(r"[;,]", t):
        item = re.sub(r"^\s*[A-Za-z ]{1,12}:\s*", "", item)
        if _NOT_A_REASON.search(item):
            continue
        n = parse_leading_count(item)
        if n is not pd.NA:
            total, seen = total + n, True
    return total if seen else pd.NA


def _parse_date(event_id: str, raw: str) -> tuple[pd.Timestamp, str]:
    m = _DATE_RE.match(_text(raw).strip())
    if not m:
        raise CompendiumError(
            f"entikong_events: row {event_id}, field 'deportation_date': expected YYYY-MM-DD, "
            f"YYYY-MM (...) or YYYY-MM-DD/DD, got '{raw}'")
    year, month, day, day2 = m.groups()
    precision = "range" if day2 else ("day" if day else "month")
    try:
        date = pd.Timestamp(_dt.date(int(year), int(month), int(day or 1)))
        if day2:
            _dt.date(int(year), int(month), int(day2))
    except ValueError:
        raise CompendiumError(
            f"entikong_events: row {event_id}, field 'deportation_date': expected a calendar "
            f"date, got '{raw}'") from None
    return date, precision


def _weekday_conflicts(text: str, date: pd.Timestamp, precision: str) -> list[str]:
    """Weekday/date disagreements found in ``text`` (empty list when none)."""
    found: list[str] = []
    spans: list[tuple[int, int]] = []
    for pattern, named in ((_DAY_NUMERIC, False), (_DAY_NAMED, True)):
        for m in pattern.finditer(text):
            spans.append(m.span())
            name, d, mo, y = m.groups()
            month = _ID_MONTHS[mo.lower()] if named else int(mo)
            year = int(y) if y else date.year
            year = year + 2000 if year < 100 else year
            try:
                stated = _dt.date(year, month, int(d))
            except ValueError:
                continue
            if stated.weekday() != _ID_DAYS[name.lower()]:
                found.append(f"'{m.group(0).strip()}' but {stated:%d %b %Y} was a {stated:%A}")
    if precision == "month":
        return found  # a bare weekday cannot be checked against a month
    days = [date + pd.Timedelta(days=k) for k in range(2 if precision == "range" else 1)]
    for m in _DAY_BARE.finditer(text):
        if any(a <= m.start() < b for a, b in spans) or _WAS_A.search(text[: m.start()]):
            continue
        name = m.group(1).lower()
        wanted = _ID_DAYS.get(name, _EN_DAYS.get(name))
        if all(d.weekday() != wanted for d in days):
            found.append(f"'{m.group(1)}' but {date:%d %b %Y} was a {date:%A}")
    return found


def _children_in_sex_counts(row) -> str:
    text = " | ".join(_text(row[c]) for c in ("children", "male", "female"))
    if _CHILD_EXCLUDED.search(text):
        return "excluded"
    if _CHILD_INCLUDED.search(text) or _CHILD_INCLUDED_NOTES.search(_text(row["notes"])):
        return "included"
    return "unknown"


def _mixed_repatriates(row, total: int) -> bool:
    if "included" in _text(row["repatriated_same_convoy"]).lower():
        return True
    text = " | ".join(_text(row[c]) for c in EVENT_REQUIRED[4:])
    if any(p.search(text) for p in _MIXED):
        return True
    # "breakdowns refer to 136" when 123 were deported: the counts cover repatriates too.
    return any(int(n) != total for n in _REFERS_TO.findall(text))


def clean_events(events: pd.DataFrame) -> pd.DataFrame:
    """Parse and flag the Entikong deportation batches; every raw column and row is kept.

    Added columns (counts in persons):

    ``date`` (datetime64, never NaT) and ``date_precision`` (``day`` | ``month`` | ``range``):
        ``2020-03-27`` -> that day; ``2023-03 (exact day not shown)`` -> 2023-03-01, ``month``;
        ``2024-10-16/17`` -> the first day, ``range``. ``year`` (Int64) is the date's year.
    ``<col>_n`` for ``repatriated_same_convoy, male, female, children, from_kalbar,
    no_passport, no_work_permit`` (Int64):
        the leading number of the text (:func:`parse_leading_count`); NA when the text gives
        no number -- never 0 unless the source says 0.
    ``other_reasons_n`` (Int64): :func:`parse_other_reasons`, a lower bound.
    ``children_in_sex_counts``: ``included`` when the text says the children are inside the
        male/female counts ('included in M/F', 'incl. 7 children', '(included)'),
        ``excluded`` when it says they are not ('additional to M/F', 'adult men/women'),
        otherwise ``unknown``.
    ``sex_sum`` (Int64): male_n + female_n, plus children_n when children are ``excluded``;
        NA unless both sexes are given.
    ``reasons_sum`` (Int64): sum of the available no_passport_n, no_work_permit_n,
        other_reasons_n; NA when none is available.

    Flags (bool, never NA; each says "look at this row", none removes it):

    ``flag_parts_exceed_total``: sex_sum or reasons_sum exceeds ``total_deported`` (the
        breakdown covers more people than the headline, e.g. repatriates too, or overlaps).
    ``flag_sex_sum_mismatch``: sex_sum is given and differs from ``total_deported``.
    ``flag_weekday_conflict``: an Indonesian weekday (Senin ... Minggu) written next to a date
        in ``date_note``/``notes`` is not that date's weekday ('Selasa 3 November 2022' was a
        Thursday); or a weekday named without a date (Indonesian or English, e.g. an English
        wire saying 'Thursday') is not the weekday of the batch date; or the notes say
        'weekday/date conflict'. Bare weekdays are not checked for month-precision dates.
    ``flag_mixed_repatriates``: the total or the breakdowns include persons repatriated (not
        deported) in the same convoy: repatriated_same_convoy '(included)', 'incl.
        repatriated', 'of 402 incl.', 'deportation + repatriation combined', 'may include ...
        repatriation', or notes saying the breakdowns 'refer to N' persons with N != total.
    ``flag_date_imprecise``: date_precision is not ``day``, or date_note casts doubt on the day
        (ambiguous, not explicit, not stated, implied, month missing, another source 'says'
        another day, photo caption).
    ``flag_any``: any of the above; ``flag_detail``: one line saying why, for each flag set.

    Raises :class:`CompendiumError` for a missing required column, an unparseable date, or a
    ``total_deported`` that is missing, not an integer, or negative.
    """
    _require_columns(events, "entikong_events", EVENT_REQUIRED)
    out = events.copy()
    totals: list[int] = []
    for eid, raw in zip(out["event_id"], out["total_deported"]):
        num = pd.to_numeric(pd.Series([raw]), errors="coerce").iloc[0]
        if pd.isna(num) or num < 0 or float(num) != int(num):
            raise CompendiumError(
                f"entikong_events: row {eid}, field 'total_deported': expected a non-negative "
                f"integer, got '{_text(raw)}'")
        totals.append(int(num))
    total = pd.array(totals, dtype="Int64")

    parsed = [_parse_date(_text(e), _text(d)) for e, d in zip(out["event_id"], out["deportation_date"])]
    out["date"] = pd.to_datetime(pd.Series([p[0] for p in parsed], index=out.index))
    out["date_precision"] = [p[1] for p in parsed]
    out["year"] = out["date"].dt.year.astype("Int64")

    for col in COUNT_COLUMNS:
        out[f"{col}_n"] = pd.array([parse_leading_count(v) for v in out[col]], dtype="Int64")
    out["other_reasons_n"] = pd.array([parse_other_reasons(v) for v in out["other_reasons"]],
                                      dtype="Int64")
    out["children_in_sex_counts"] = [_children_in_sex_counts(r) for _, r in out.iterrows()]

    children_extra = out["children_n"].where(out["children_in_sex_counts"] == "excluded", 0).fillna(0)
    out["sex_sum"] = out["male_n"] + out["female_n"] + children_extra
    reasons = out[["no_passport_n", "no_work_permit_n", "other_reasons_n"]]
    out["reasons_sum"] = reasons.sum(axis=1, min_count=1).astype("Int64")

    tot = pd.Series(total, index=out.index)
    sex_over = (out["sex_sum"] > tot).fillna(False).astype(bool)
    reasons_over = (out["reasons_sum"] > tot).fillna(False).astype(bool)
    out["flag_parts_exceed_total"] = sex_over | reasons_over
    out["flag_sex_sum_mismatch"] = (out["sex_sum"] != tot).fillna(False).astype(bool)

    weekday_notes, mixed, doubt = [], [], []
    for _, row in out.iterrows():
        text = f"{_text(row['date_note'])} | {_text(row['notes'])}"
        conflicts = _weekday_conflicts(text, row["date"], row["date_precision"])
        if _CONFLICT_SAID.search(text):
            conflicts.append("notes say weekday/date conflict")
        weekday_notes.append("; ".join(dict.fromkeys(conflicts)))
        mixed.append(_mixed_repatriates(row, int(tot[row.name])))
        doubt.append(row["date_precision"] != "day" or bool(_DATE_DOUBT.search(_text(row["date_note"]))))
    out["flag_weekday_conflict"] = [bool(w) for w in weekday_notes]
    out["flag_mixed_repatriates"] = mixed
    out["flag_date_imprecise"] = doubt
    out["flag_any"] = out[list(FLAG_COLUMNS)].any(axis=1)

    details = []
    for i, (idx, row) in enumerate(out.iterrows()):
        why = []
        t = int(tot[idx])
        if sex_over[idx]:
            why.append(f"sex counts {row['sex_sum']} > total {t}")
        if reasons_over[idx]:
            why.append(f"reason counts {row['reasons_sum']} > total {t}")
        if row["flag_sex_sum_mismatch"] and not sex_over[idx]:
            hint = ""
            if (row["children_in_sex_counts"] == "unknown" and pd.notna(row["children_n"])
                    and row["sex_sum"] + row["children_n"] == t):
                hint = " (male + female + children = total: children probably counted apart)"
            why.append(f"sex counts {row['sex_sum']} != total {t}{hint}")
        if weekday_notes[i]:
            why.append(f"weekday: {weekday_notes[i]}")
        if row["flag_mixed_repatriates"]:
            why.append("figures include repatriated persons")
        if row["flag_date_imprecise"]:
            why.append(f"date precision {row['date_precision']}" if row["date_precision"] != "day"
                       else "date doubtful per date_note")
        details.append("; ".join(why))
    out["flag_detail"] = details
    return out


def yearly_event_summary(clean: pd.DataFrame, years: Iterable[int] = range(2019, 2026)) -> pd.DataFrame:
    """One row per calendar year of the cleaned batches (output of :func:`clean_events`).

    Coverage caveat: these are the batches *found in news reports*, not all batches of the
    year; a year with 0 batches means none was found, not that nobody was deported. Annual
    totals come from ``border_series`` (KJRI Kuching), not from summing batches.

    Columns (counts in persons unless named ``batches_*``):
    ``year``; ``batches_found``; ``persons`` (sum of ``total_deported``; totals flagged as
    including repatriates are included as reported); ``batches_with_sex`` (both male_n and
    female_n given) with ``male`` and ``female`` summed over those batches;
    ``batches_with_reason`` (no_passport_n or no_work_permit_n given) with ``no_passport`` and
    ``no_work_permit`` summed over the batches giving each; ``batches_with_kalbar``
    (from_kalbar_n given), ``from_kalbar`` summed over them, ``kalbar_base_persons`` (their
    total_deported) and ``share_from_kalbar`` = from_kalbar / kalbar_base_persons (a fraction,
    NaN when no batch reports origin; rests on ``batches_with_kalbar`` events);
    ``batches_flagged`` (flag_any); ``event_ids``; ``note``. Sums are NA (not 0) when no batch
    of the year reports the field. ``no_passport`` mixes definitions across reports (SPLP
    users, 'no travel document and/or stay permit'); breakdowns of batches flagged
    ``flag_mixed_repatriates`` may cover repatriates too (e.g. E004 origin counts refer to 252
    persons against a total of 246) -- kept as reported, visible through ``batches_flagged``.
    """
    _require_columns(clean, "entikong_events (cleaned)",
                     ("event_id", "year", "total_deported", "male_n", "female_n", "no_passport_n",
                      "no_work_permit_n", "from_kalbar_n", "flag_any"))
    rows = []
    for year in years:
        g = clean[clean["year"] == year]
        total = pd.to_numeric(g["total_deported"]).astype("Int64")
        sex = g["male_n"].notna() & g["female_n"].notna()
        reason = g["no_passport_n"].notna() | g["no_work_permit_n"].notna()
        kalbar = g["from_kalbar_n"].notna()
        base = int(total[kalbar].sum())
        from_kalbar = int(g.loc[kalbar, "from_kalbar_n"].sum())

        def total_of(column, mask=None):
            # NA, not 0, when no batch of the year reports the field: 0 would read as "none".
            values = g[column] if mask is None else g.loc[mask, column]
            return values.sum(min_count=1)

        rows.append({
            "year": year,
            "batches_found": len(g),
            "persons": int(total.sum()),
            "batches_with_sex": int(sex.sum()),
            "male": total_of("male_n", sex),
            "female": total_of("female_n", sex),
            "batches_with_reason": int(reason.sum()),
            "no_passport": total_of("no_passport_n"),
            "no_work_permit": total_of("no_work_permit_n"),
            "batches_with_kalbar": int(kalbar.sum()),
            "from_kalbar": from_kalbar if base else pd.NA,
            "kalbar_base_persons": base,
            "share_from_kalbar": from_kalbar / base if base else np.nan,
            "batches_flagged": int(g["flag_any"].sum()),
            "event_ids": ID_SEP.join(g["event_id"].astype(str)),
            "note": ("batches found in news reports, not all batches of the year" if len(g)
                     else "no batch found in the news sample (not: no deportations)"),
        })
    out = pd.DataFrame(rows)
    for col in out.columns.drop(["share_from_kalbar", "event_ids", "note"]):
        out[col] = out[col].astype("Int64")
    return out


# --------------------------------------------------------------------------------------------
# Annual series from border_series
# --------------------------------------------------------------------------------------------

SERIES_REQUIRED = ("row_id", "series", "year", "period_kind", "value", "status", "unit",
                   "definition", "publisher", "source_url", "notes")

#: Series whose every year gets a row in :func:`annual_series` (a 'not found' gap if needed).
CORE_SERIES = (
    "bp2mi_complaints_total", "bp2mi_complaints_malaysia", "kjri_kuching_deportations_sarawak",
    "kalbar_pmi_placements",
)
#: Indonesian-side statements about returns/deportations at Entikong or through West
#: Kalimantan. Their definitions differ from KJRI's (deported only vs deported + repatriated;
#: Entikong only vs all Kalbar entry points), so they are listed beside it, never merged.
ENTIKONG_SIDE_SERIES = (
    "kjri_kuching_deportations_ytd", "entikong_deportations_annual", "entikong_deportations_ytd",
    "entikong_deportees_ytd", "entikong_deportees_facilitated", "entikong_problem_pmi_returns",
    "entikong_returns_ytd", "entikong_pmib_crossings", "bp3mi_kalbar_problem_pmi_returns",
    "bp2mi_kalbar_pmi_returns", "bp2mi_pontianak_pmib_returns",
    "bp2mi_pontianak_deported_by_malaysia", "bp2mi_pontianak_pmi_terkendala_returns",
)
ANNUAL_SERIES = CORE_SERIES + ENTIKONG_SIDE_SERIES

#: Columns of :func:`annual_series`.
ANNUAL_COLUMNS = ("year", "series", "value", "period_kind", "row_ids", "n_sources", "unit",
                  "definition", "publisher", "source_url", "unverified", "note", "source_notes")

def is_unverified(frame: pd.DataFrame) -> pd.Series:
    """Boolean mask of rows whose unit says ``UNVERIFIED`` (e.g. BS011, 1,428 complaints from
    Malaysia in 2019, which cites the paper's own abstract and no independent source)."""
    _require_columns(frame, "border_series", ("unit",))
    return frame["unit"].fillna("").astype(str).str.contains("UNVERIFIED", case=False, regex=False)


def effective_period_kind(row) -> tuple[str, str]:
    """(period kind used for analysis, why) for one ``border_series`` row.

    Rule: only ``period_kind == 'year'`` rows can be annual values, and a 'year' row whose
    ``definition`` or ``notes`` say it covers part of the year ('partial', 'Jan-Nov',
    'year-to-date', 'H1', 'year not complete') is reclassified ``partial_year``. Hedged
    wording ('possibly not full year') keeps it annual with a caveat in ``why``.
    """
    kind = _text(row["period_kind"])
    if kind != "year":
        return kind, ""
    definition, notes = _text(row["definition"]), _text(row["notes"])
    if HEDGED.search(f"{definition} | {notes}"):
        return "year", f"caveat: source notes say '{notes}'"
    # The import step applies the same rule; this guards tables built elsewhere.
    field = states_partial_period(definition, notes)
    if field:
        return "partial_year", (f"raw period_kind 'year' but its {field} states a partial period "
                                f"('{definition if field == 'definition' else notes}'); not an annual total")
    return "year", ""


def _group_rows(group: pd.DataFrame) -> dict:
    return {
        "row_ids": ID_SEP.join(sorted(group["row_id"].astype(str))),
        "n_sources": len(group),
        "unit": _join_unique(group["unit"]),
        "definition": _join_unique(group["definition"]),
        "publisher": _join_unique(group["publisher"]),
        "source_url": _join_unique(group["source_url"]),
        "unverified": bool(is_unverified(group).any()),
        "source_notes": _join_unique(group["notes"]),
    }


def annual_series(border_series: pd.DataFrame, years: Iterable[int] = range(2019, 2024),
                  series: Iterable[str] = ANNUAL_SERIES) -> pd.DataFrame:
    """Side-by-side annual table, long format, one row per (series, year, period kind, value).

    Values are persons, except the ``bp2mi_complaints_*`` series (complaints). Columns:
    ``year, series, value, period_kind, row_ids, n_sources, unit, definition, publisher,
    source_url, unverified, note, source_notes``.

    Rules:

    * Annual values: only rows with ``period_kind == 'year'`` whose definition/notes do not
      state a partial period (see :func:`effective_period_kind`). Hence for 2023 complaints
      neither 1,918 (BS006, 'Jan-Nov 2023 (partial year)') nor 898 (BS008, 'Jan-Jun 2023') is
      a full-year value: both are listed as ``partial_year`` rows and the full year is a gap.
    * Partial-year and multi-year rows are listed with their own ``period_kind`` so they stay
      visible, but they are never annual values and never summed (cumulative statements).
    * Same series, year and value from several sources: one row, ``row_ids`` lists all
      (e.g. 2019 complaints 5,824 = ``BS001;BS004``), ``n_sources`` counts them.
    * Same series and year, different annual values: every value is kept, each row's
      ``note`` says 'sources disagree' and lists the values with their row ids.
    * Gaps: every year of a :data:`CORE_SERIES` series without an annual value, and every
      explicit ``not_found`` row of any listed series, gets a row with ``value`` NaN,
      ``period_kind`` 'year', ``n_sources`` 0 and a note starting 'not found' (the raw
      ``not_found`` row id, e.g. BS085, is cited in ``row_ids`` when there is one).
    * ``unverified`` is True when the unit says UNVERIFIED (BS011, 1,428, from the abstract).
    * Entikong-side series carry a note that their definition differs from KJRI Kuching's.
    """
    _require_columns(border_series, "border_series", SERIES_REQUIRED)
    years = [int(y) for y in years]
    series = list(series)
    bad_kind = border_series.loc[~border_series["period_kind"].isin(
        ["year", "partial_year", "multi_year", "undated"])]
    if len(bad_kind):
        r = bad_kind.iloc[0]
        raise CompendiumError(
            f"border_series: row {r['row_id']}, field 'period_kind': expected year, partial_year, "
            f"multi_year or undated, got '{_text(r['period_kind'])}'")

    src = border_series[border_series["series"].isin(series)
                        & border_series["year"].isin(years)].copy()
    kinds = [effective_period_kind(r) for _, r in src.iterrows()]
    src["kind"] = [k for k, _ in kinds]
    src["why"] = [w for _, w in kinds]
    found = src["status"].eq("found") & src["value"].notna()

    rows: list[dict] = []
    for (name, year), g in src[found].groupby(["series", "year"], sort=False):
        annual_values = sorted(g.loc[g["kind"] == "year", "value"].unique())
        for (kind, value), vg in g.groupby(["kind", "value"], sort=False):
            notes = [w for w in vg["why"].unique() if w]
            if kind == "year":
                if vg["row_id"].nunique() > 1:
                    notes.append(f"same value in {vg['row_id'].nunique()} sources")
                if len(annual_values) > 1:
                    annual = g[g["kind"] == "year"]
                    others = [f"{_fmt(v)} ({ID_SEP.join(sorted(annual.loc[annual['value'] == v, 'row_id']))})"
                              for v in annual_values]
                    notes.append(f"sources disagree for {name} {year}: {' vs '.join(others)}; all kept")
            elif kind == "multi_year":
                notes.append("multi-year total; not an annual value")
            elif not any("partial" in n for n in notes):
                notes.append("partial-year (cumulative) statement; not an annual total")
            if name in ENTIKONG_SIDE_SERIES:
                notes.append("definition differs from kjri_kuching_deportations_sarawak; do not mix")
            if is_unverified(vg).any():
                notes.append("UNVERIFIED (unit says so): not independently confirmed, see source_notes")
            rows.append({"year": int(year), "series": name, "value": float(value),
                         "period_kind": kind, **_group_rows(vg), "note": "; ".join(notes)})

    have = {(r["series"], r["year"]) for r in rows if r["period_kind"] == "year"}
    wanted = [(name, year) for name in series if name in CORE_SERIES for year in years]
    # Explicit not-found rows of any series stay visible too, not only the core series' gaps.
    wanted += [(n, int(y)) for n, y in zip(src.loc[~found, "series"], src.loc[~found, "year"])]
    for name, year in dict.fromkeys(wanted):
        if (name, year) in have:
            continue
        have.add((name, year))
        gap = src[(src["series"] == name) & (src["year"] == year) & ~found]
        other = src[(src["series"] == name) & (src["year"] == year) & found]
        note = "not found"
        if len(other):
            note += (" (no full-year value; partial or multi-year statements "
                     f"{ID_SEP.join(sorted(other['row_id']))} are listed separately)")
        base = _group_rows(gap) if len(gap) else {
            "row_ids": "", "n_sources": 0, "unit": "", "definition": "", "publisher": "",
            "source_url": "", "unverified": False, "source_notes": ""}
        # n_sources counts sources of a value; an explicit not-found row is cited, not counted.
        rows.append({"year": year, "series": name, "value": np.nan, "period_kind": "year",
                     **base, "n_sources": 0, "note": note})

    out = pd.DataFrame(rows, columns=list(ANNUAL_COLUMNS))
    order = {s: i for i, s in enumerate(series)}
    kind_order = {"year": 0, "partial_year": 1, "multi_year": 2, "undated": 3}
    out = out.assign(_s=out["series"].map(order), _k=out["period_kind"].map(kind_order))
    out = out.sort_values(["_s", "year", "_k", "value"]).drop(columns=["_s", "_k"])
    out["year"] = out["year"].astype("Int64")
    out["n_sources"] = out["n_sources"].astype("Int64")
    out["unverified"] = out["unverified"].astype(bool)
    return out.reset_index(drop=True)


def annual_pivot(long: pd.DataFrame, *, as_text: bool = True, include_partial: bool = False) -> pd.DataFrame:
    """Wide display of :func:`annual_series`: one row per year, one column per series.

    ``as_text=False``: numbers only -- the annual value where exactly one exists, NaN for gaps
    and for cells where sources disagree (partial statements never appear).
    ``as_text=True``: strings -- '5824', 'not found', '5824 / 5108 (disagree)', a
    ' (UNVERIFIED)' or ' (caveat)' suffix; with ``include_partial`` the partial/multi-year
    statements are appended as '[partial 1918 BS006]'.
    """
    years = sorted(long["year"].dropna().unique())
    names = list(dict.fromkeys(long["series"]))
    table = pd.DataFrame(index=pd.Index(years, name="year"), columns=names,
                         dtype=object if as_text else float)
    for (name, year), g in long.groupby(["series", "year"], sort=False):
        annual = g[(g["period_kind"] == "year") & g["value"].notna()]
        if not as_text:
            table.loc[year, name] = annual["value"].iloc[0] if len(annual) == 1 else np.nan
            continue
        if len(annual) == 0:
            cell = "not found" if (g["period_kind"] == "year").any() else ""
        else:
            cell = " / ".join(_fmt(v) for v in annual["value"])
            if len(annual) > 1:
                cell += " (disagree)"
            if annual["unverified"].any():
                cell += " (UNVERIFIED)"
            if annual["note"].str.contains("caveat", regex=False).any():
                cell += " (caveat)"
        if include_partial:
            extra = g[g["period_kind"] != "year"]
            bits = [f"[{'multi' if k == 'multi_year' else 'partial'} {_fmt(v)} {i}]"
                    for k, v, i in zip(extra["period_kind"], extra["value"], extra["row_ids"])]
            cell = " ".join([c for c in [cell, *bits] if c])
        table.loc[year, name] = cell
    if as_text:
        table = table.fillna("")
    table.columns.name = "series"
    return table


def percent_change(a: float, b: float) -> float:
    """Percent change from ``a`` to ``b``: ``(b - a) / a * 100``. NaN in -> NaN out.

    Raises :class:`CompendiumError` when ``a`` is 0 (the change is undefined).
    """
    if pd.isna(a) or pd.isna(b):
        return float("nan")
    if a == 0:
        raise CompendiumError(f"percent change from 0 to {b} is undefined; expected a non-zero base")
    return (float(b) - float(a)) / float(a) * 100.0


def series_change(border_series: pd.DataFrame, series: str = "bp2mi_complaints_total",
                  start: int = 2019, end: int = 2020) -> dict:
    """Change of one series between two full-year values, with the row ids it rests on.

    Returns a dict: ``series, start_year, end_year, start_value, end_value,
    percent_change`` (percent, unrounded), ``percent_change_1dp`` (rounded to 1 decimal),
    ``start_row_ids``, ``end_row_ids`` (tuples of row ids). Complaints 2019 -> 2020:
    5,824 (BS001, BS004) -> 1,812 (BS002) = -68.9 %.

    Raises :class:`CompendiumError` when either year has no single full-year value (gap,
    partial-year only, or sources that disagree).
    """
    long = annual_series(border_series, years=[start, end], series=[series])
    picked = {}
    for year in (start, end):
        g = long[(long["year"] == year) & (long["period_kind"] == "year") & long["value"].notna()]
        if len(g) != 1:
            why = "no full-year value (gap or partial only)" if len(g) == 0 else \
                f"sources disagree ({'; '.join(_fmt(v) + ' ' + i for v, i in zip(g['value'], g['row_ids']))})"
            raise CompendiumError(
                f"border_series: series '{series}', year {year}: {why}; expected one full-year value "
                f"to compute a change")
        picked[year] = g.iloc[0]
    change = percent_change(picked[start]["value"], picked[end]["value"])
    return {
        "series": series, "start_year": start, "end_year": end,
        "start_value": float(picked[start]["value"]), "end_value": float(picked[end]["value"]),
        "percent_change": change, "percent_change_1dp": round(change, 1),
        "start_row_ids": split_ids(picked[start]["row_ids"]),
        "end_row_ids": split_ids(picked[end]["row_ids"]),
    }


# --------------------------------------------------------------------------------------------
# macro_remittances: remittances / GDP, placements
# --------------------------------------------------------------------------------------------

MACRO_REQUIRED = ("row_id", "series", "year", "period_kind", "value", "status", "unit",
                  "source_url", "publisher", "published_date", "notes")
WDI_REMITTANCES = "WDI_BX.TRF.PWKR.CD.DT"
WDI_GDP = "WDI_NY.GDP.MKTP.CD"
NATIONAL_PLACEMENTS = "BP2MI placements of Indonesian migrant workers (penempatan PMI)"
KALBAR_PLACEMENTS_MACRO = "BP3MI Kalbar placements of PMI (origin West Kalimantan)"
KALBAR_PLACEMENTS_BORDER = "kalbar_pmi_placements"

_COMMIT = re.compile(r"/blob/([0-9a-f]{7,40})/")


def _snapshot(rows: pd.DataFrame, label: str) -> tuple[str, str, str]:
    """(publisher, published_date, commit) shared by ``rows``; error if they are mixed."""
    keys = {(_text(p).split("(")[0].strip(), _text(d).strip(),
             (_COMMIT.search(_text(u)) or [None, ""])[1])
            for p, d, u in zip(rows["publisher"], rows["published_date"], rows["source_url"])}
    if len(keys) != 1:
        raise CompendiumError(
            f"macro_remittances: {label} rows {rows['row_id'].iloc[0]}..{rows['row_id'].iloc[-1]} "
            f"come from {len(keys)} different snapshots {sorted(keys)}; expected one vintage")
    return next(iter(keys))


def remittances_share_of_gdp(macro: pd.DataFrame, years: Iterable[int] = range(2010, 2025)) -> pd.DataFrame:
    """WDI personal remittances received as a percent of WDI GDP, Indonesia, one vintage.

    ``share_pct = BX.TRF.PWKR.CD.DT / NY.GDP.MKTP.CD * 100`` (both current US$, same year).
    Columns: ``year, remittances_usd, gdp_usd, share_pct, remittances_row_id, gdp_row_id,
    snapshot``. A year missing from either series gives NaN with the available row id.

    Both series must come from the same snapshot: same publisher (text before any
    parenthesis), same ``published_date`` and same commit in ``source_url``; otherwise
    :class:`CompendiumError` -- vintages are never spliced silently. Bank Indonesia totals
    (other vintages) are not used here.
    """
    _require_columns(macro, "macro_remittances", MACRO_REQUIRED)
    years = [int(y) for y in years]
    pick = {}
    for code, label in ((WDI_REMITTANCES, "WDI remittances"), (WDI_GDP, "WDI GDP")):
        rows = macro[macro["series"].astype(str).str.startswith(f"{code} ")
                     & macro["period_kind"].eq("year") & macro["status"].eq("found")]
        if rows.empty:
            raise CompendiumError(f"macro_remittances: no found annual rows of series '{code} ...'; "
                                  f"expected WDI rows for {years[0]}-{years[-1]}")
        dup = rows[rows["year"].duplicated(keep=False)]
        if len(dup):
            raise CompendiumError(
                f"macro_remittances: rows {', '.join(dup['row_id'])}: {label} has more than one "
                f"value for year {dup['year'].iloc[0]}; expected one row per year")
        pick[code] = (rows.set_index("year"), _snapshot(rows, label))
    (rem, rem_snap), (gdp, gdp_snap) = pick[WDI_REMITTANCES], pick[WDI_GDP]
    if rem_snap != gdp_snap:
        raise CompendiumError(
            f"macro_remittances: WDI remittances ({rem['row_id'].iloc[0]}..) are from snapshot "
            f"{rem_snap} but WDI GDP ({gdp['row_id'].iloc[0]}..) from {gdp_snap}; expected one "
            f"vintage (vintages are never spliced)")
    rows = []
    for y in years:
        r = rem["value"].get(y, np.nan)
        g = gdp["value"].get(y, np.nan)
        rows.append({"year": y, "remittances_usd": r, "gdp_usd": g,
                     "share_pct": r / g * 100 if pd.notna(r) and pd.notna(g) and g else np.nan,
                     "remittances_row_id": rem["row_id"].get(y, ""), "gdp_row_id": gdp["row_id"].get(y, ""),
                     "snapshot": f"{rem_snap[0]}, {rem_snap[1]}, commit {rem_snap[2] or 'n/a'}"})
    out = pd.DataFrame(rows)
    out["year"] = out["year"].astype("Int64")
    return out


def _one_value(rows: pd.DataFrame) -> tuple[float, str, str]:
    """(value, row ids, remark) of the annual found rows of one table for one year."""
    found = rows[rows["status"].eq("found") & rows["value"].notna() & rows["period_kind"].eq("year")]
    if found.empty:
        ids = ID_SEP.join(sorted(rows["row_id"]))
        return np.nan, ids, ("gap" + (f" ({ids})" if ids else " (no row)"))
    ids = ID_SEP.join(sorted(found["row_id"]))
    values = found["value"].unique()
    if len(values) > 1:
        return np.nan, ids, f"conflicting values {', '.join(_fmt(v) for v in values)} ({ids})"
    remark = "possibly year-to-date per source notes" if found["notes"].fillna("").str.contains(
        HEDGED).any() else ""
    return float(values[0]), ids, remark


def placements(macro: pd.DataFrame, border_series: pd.DataFrame,
               years: Iterable[int] = range(2017, 2025)) -> pd.DataFrame:
    """National BP2MI placements and West Kalimantan placements, persons per year.

    Columns: ``year, national_placements, national_row_id`` (macro_remittances),
    ``kalbar_border_series, kalbar_border_series_row_id`` (border_series
    ``kalbar_pmi_placements``), ``kalbar_macro, kalbar_macro_row_id`` (macro_remittances
    'BP3MI Kalbar placements'), ``kalbar_placements, kalbar_row_ids`` (the value the two
    tables support), ``kalbar_agreement`` (same | only_border_series | only_macro | disagree |
    neither) and ``note``.

    Rule for ``kalbar_placements``: the common value when both tables give it; the one value
    when the other table has a gap (the note names the gap, e.g. 2020: 334 in BS082 vs gap
    MR089); NaN when they disagree or neither has it. Only ``period_kind == 'year'`` rows are
    used. A hedged source ('possibly not full year', 2019) is noted, not corrected.
    """
    _require_columns(macro, "macro_remittances", MACRO_REQUIRED)
    _require_columns(border_series, "border_series", SERIES_REQUIRED)
    nat = macro[macro["series"] == NATIONAL_PLACEMENTS]
    kb_m = macro[macro["series"] == KALBAR_PLACEMENTS_MACRO]
    kb_b = border_series[border_series["series"] == KALBAR_PLACEMENTS_BORDER]
    rows = []
    for y in [int(v) for v in years]:
        n_val, n_ids, n_rem = _one_value(nat[nat["year"] == y])
        b_val, b_ids, b_rem = _one_value(kb_b[kb_b["year"] == y])
        m_val, m_ids, m_rem = _one_value(kb_m[kb_m["year"] == y])
        notes = []
        if pd.isna(n_val):
            notes.append(f"national placements not found ({n_rem})")
        if pd.notna(b_val) and pd.notna(m_val):
            if b_val == m_val:
                agreement, value, ids = "same", b_val, ID_SEP.join([b_ids, m_ids])
            else:
                agreement, value, ids = "disagree", np.nan, ID_SEP.join([b_ids, m_ids])
                notes.append(f"tables disagree: border_series {_fmt(b_val)} ({b_ids}) vs "
                             f"macro_remittances {_fmt(m_val)} ({m_ids})")
        elif pd.notna(b_val):
            agreement, value, ids = "only_border_series", b_val, b_ids
            notes.append(f"border_series {_fmt(b_val)} ({b_ids}) vs macro_remittances {m_rem}")
        elif pd.notna(m_val):
            agreement, value, ids = "only_macro", m_val, m_ids
            notes.append(f"macro_remittances {_fmt(m_val)} ({m_ids}) vs border_series {b_rem}")
        else:
            agreement, value, ids = "neither", np.nan, ""
            notes.append(f"West Kalimantan not found (border_series {b_rem}; macro_remittances {m_rem})")
        for rem in {b_rem, m_rem}:
            if rem.startswith("possibly"):
                notes.append(rem)
        rows.append({"year": y, "national_placements": n_val, "national_row_id": n_ids if pd.notna(n_val) else "",
                     "kalbar_border_series": b_val, "kalbar_border_series_row_id": b_ids,
                     "kalbar_macro": m_val, "kalbar_macro_row_id": m_ids,
                     "kalbar_placements": value, "kalbar_row_ids": ids,
                     "kalbar_agreement": agreement, "note": "; ".join(notes)})
    out = pd.DataFrame(rows)
    out["year"] = out["year"].astype("Int64")
    return out
