"""Entikong deportation batches from news reports: :func:`clean_events` (raw text kept, numbers
parsed, contradictions flagged, nothing dropped) and :func:`yearly_event_summary`.

Counts are persons; every output row cites the ``event_id`` it rests on. Bad input raises a
one-line :class:`~kalbar_border.errors.CompendiumError` naming the table, row and field.
"""
from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable

import numpy as np
import pandas as pd

from ..errors import CompendiumError
from .rows import ID_SEP, cell_text, require_columns

#: Raw columns :func:`clean_events` reads (every other raw column is passed through unchanged).
EVENT_REQUIRED = (
    "event_id", "deportation_date", "date_note", "total_deported", "repatriated_same_convoy",
    "male", "female", "children", "from_kalbar", "no_passport", "no_work_permit",
    "other_reasons", "notes",
)

#: Free-text count columns parsed by their leading number into ``<column>_n`` (Int64).
EVENT_COUNT_COLUMNS = (
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
    t = cell_text(text)
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
    t = cell_text(text)
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
    m = _DATE_RE.match(cell_text(raw).strip())
    if not m:
        raise CompendiumError(key="error_deportations_date_format", event=event_id, raw=raw)
    year, month, day, day2 = m.groups()
    precision = "range" if day2 else ("day" if day else "month")
    try:
        date = pd.Timestamp(_dt.date(int(year), int(month), int(day or 1)))
        if day2:
            _dt.date(int(year), int(month), int(day2))
    except ValueError:
        raise CompendiumError(key="error_deportations_date_calendar", event=event_id, raw=raw) from None
    return date, precision


def _weekday_conflicts(text: str, date: pd.Timestamp, precision: str) -> list[tuple[str, str, _dt.date]]:
    """Weekday/date disagreements found in ``text``: (the words quoted, the weekday they name,
    the date), an empty list when none."""
    found: list[tuple[str, str, _dt.date]] = []
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
                found.append((m.group(0).strip(), name, stated))
    if precision == "month":
        return found  # a bare weekday cannot be checked against a month
    days = [date + pd.Timedelta(days=k) for k in range(2 if precision == "range" else 1)]
    for m in _DAY_BARE.finditer(text):
        if any(a <= m.start() < b for a, b in spans) or _WAS_A.search(text[: m.start()]):
            continue
        name = m.group(1).lower()
        wanted = _ID_DAYS.get(name, _EN_DAYS.get(name))
        if all(d.weekday() != wanted for d in days):
            found.append((m.group(1), m.group(1), date.date()))
    return found


def _children_in_sex_counts(row) -> str:
    text = " | ".join(cell_text(row[c]) for c in ("children", "male", "female"))
    if _CHILD_EXCLUDED.search(text):
        return "excluded"
    if _CHILD_INCLUDED.search(text) or _CHILD_INCLUDED_NOTES.search(cell_text(row["notes"])):
        return "included"
    return "unknown"


def _mixed_repatriates(row, total: int) -> bool:
    if "included" in cell_text(row["repatriated_same_convoy"]).lower():
        return True
    text = " | ".join(cell_text(row[c]) for c in EVENT_REQUIRED[4:])
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
    require_columns(events, "entikong_events", EVENT_REQUIRED)
    out = events.copy()
    totals: list[int] = []
    for eid, raw in zip(out["event_id"], out["total_deported"]):
        num = pd.to_numeric(pd.Series([raw]), errors="coerce").iloc[0]
        if pd.isna(num) or num < 0 or float(num) != int(num):
            raise CompendiumError(key="error_deportations_total", event=eid, raw=cell_text(raw))
        totals.append(int(num))
    total = pd.array(totals, dtype="Int64")

    parsed = [_parse_date(cell_text(e), cell_text(d)) for e, d in zip(out["event_id"], out["deportation_date"])]
    out["date"] = pd.to_datetime(pd.Series([p[0] for p in parsed], index=out.index))
    out["date_precision"] = [p[1] for p in parsed]
    out["year"] = out["date"].dt.year.astype("Int64")

    for col in EVENT_COUNT_COLUMNS:
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
        weekday_notes.append(_weekdays(row))
        mixed.append(_mixed_repatriates(row, int(tot[row.name])))
        doubt.append(row["date_precision"] != "day" or bool(_DATE_DOUBT.search(cell_text(row["date_note"]))))
    out["flag_weekday_conflict"] = [bool(w) for w in weekday_notes]
    out["flag_mixed_repatriates"] = mixed
    out["flag_date_imprecise"] = doubt
    out["flag_any"] = out[list(FLAG_COLUMNS)].any(axis=1)
    details = flag_details(out, "en")
    out["flag_detail"] = details
    return out


def _weekdays(row) -> list:
    """The weekday conflicts of a batch (see :func:`_weekday_conflicts`), and None where its
    notes themselves say the weekday and date conflict."""
    text = f"{cell_text(row['date_note'])} | {cell_text(row['notes'])}"
    conflicts = list(dict.fromkeys(_weekday_conflicts(text, row["date"], row["date_precision"])))
    return conflicts + ([None] if _CONFLICT_SAID.search(text) else [])


def _day(date: _dt.date, lang: str) -> tuple[str, str]:
    """(the date as "24 Apr 2020", its weekday) in ``lang``."""
    from ..figures.labels import label

    if lang == "en":
        return f"{date:%d %b %Y}", f"{date:%A}"
    months = label("month_abbreviations", lang).split()
    return f"{date:%d} {months[date.month - 1]} {date:%Y}", label("weekday_names", lang).split()[date.weekday()]


def _named(day: str, lang: str) -> str:
    """A weekday a source named (Kamis, Thursday) in ``lang``."""
    from ..figures.labels import label

    number = _ID_DAYS.get(day.lower(), _EN_DAYS.get(day.lower()))
    return day if number is None else label("weekday_names", lang).split()[number]


def flag_details(clean: pd.DataFrame, lang: str = "en") -> list[str]:
    """Why each batch of :func:`clean_events` is flagged, one line per batch in ``lang`` (the
    ``flag_detail`` column holds the English one; an Indonesian table shows these)."""
    from ..figures.labels import label

    said = lambda key, **values: label(f"flag_detail_{key}", lang).format(**values)  # noqa: E731
    details = []
    for _, row in clean.iterrows():
        why = []
        t = int(pd.to_numeric(row["total_deported"]))  # clean_events has checked it is a whole number
        sex_over = pd.notna(row["sex_sum"]) and row["sex_sum"] > t
        if sex_over:
            why.append(said("sex_over", sex=row["sex_sum"], total=t))
        if pd.notna(row["reasons_sum"]) and row["reasons_sum"] > t:
            why.append(said("reasons_over", reasons=row["reasons_sum"], total=t))
        if row["flag_sex_sum_mismatch"] and not sex_over:
            apart = (row["children_in_sex_counts"] == "unknown" and pd.notna(row["children_n"])
                     and row["sex_sum"] + row["children_n"] == t)
            why.append(said("sex_mismatch", sex=row["sex_sum"], total=t) + (said("children_apart") if apart else ""))
        conflicts = _weekdays(row)
        if conflicts:
            items = [said("weekday_said") if c is None else said("weekday_item", quoted=c[0], named=_named(c[1], lang),
                                                                    date=_day(c[2], lang)[0], day=_day(c[2], lang)[1])
                     for c in conflicts]
            why.append(said("weekday", items="; ".join(items)))
        if row["flag_mixed_repatriates"]:
            why.append(said("mixed"))
        if row["flag_date_imprecise"]:
            why.append(said("precision", precision=label(f"date_precision_{row['date_precision']}", lang))
                       if row["date_precision"] != "day" else said("date_doubt"))
        details.append("; ".join(why))
    return details


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
    require_columns(clean, "entikong_events (cleaned)",
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
