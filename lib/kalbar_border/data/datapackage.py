"""The Frictionless Data Package that describes every dataset (``data/datapackage.json``),
and the verification of the raw data against it.

Verification of a local table is these steps, in this order:

1. checksum: the file's sha256 must equal the package's (one-line error with the expected
   and the actual hash);
2. header: the columns the schema lists, in its order;
3. schema: frictionless validates types and constraints (years in range, non-negative
   values, known series identifiers, required fields, unique ids, source addresses that are
   http(s) with a host);
4. dates: no date in a field marked ``x-not-after`` (published and deportation dates, free
   text) lies after the row's access date (column ``accessed``): a page cannot report what
   happened after it was read.

The first error becomes one line naming file, row, field, value and the rule broken.
:func:`load_table` is the one reader of a raw table for notebooks and ``lib`` alike: it
verifies the very bytes it parses, so a table that fails stops every notebook reading it.

Microdata resources are remote (downloaded by :mod:`kalbar_border.data.microdata`); they are
verified by hash there and by the presence of the variables the analysis uses here.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from datetime import date
from pathlib import Path

import pandas as pd

from .. import paths
from ..atomic import sha256_file, write_json
from ..errors import CompendiumError, Said
from .microdata import DATASETS, VERIFIED_ON
from .transcribe import ACCESS_DAYS, PACK_ACCESSED, SUPPLEMENT, SUPPLEMENT_ACCESSED, TABLES

#: Rights, per kind of dataset. The transcribed tables: the figures are facts, each cited to its
#: page; the compilation is ours to license; the pages keep their publishers' terms.
CC_BY = {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
         "title": "Creative Commons Attribution 4.0, for the compilation (selection, arrangement, tidy columns, "
                  "notes); the figures are facts cited to their pages, and each cited page keeps its publisher's terms"}
#: The BPS microdata: BPS's data, under BPS's terms; not a licence name from the Open Definition
#: list, hence a title and a path without a name.
BPS_TERMS = {"path": "https://www.bps.go.id/en/term-of-use",
             "title": "BPS terms of use for its data (Badan Pusat Statistik, the survey producer and owner of the "
                      "data; its Term of Use page states the terms for its site and the content downloaded from it); "
                      "the data are not redistributed with this compendium",
             # Read from a stored copy of the page; BPS says the terms may change without notice.
             "x-accessed": "2026-12-06"}
#: The licence of the CRAN packages that carry the microdata: it covers the packages, not the data.
PACKAGE_LICENCE = "GPL-3 (the R package's licence as declared on CRAN; not a licence granted by BPS for the data)"



def _field(name, description, type_="string", **constraints):
    field = {"name": name, "type": type_, "description": description}
    if constraints:
        field["constraints"] = constraints
    return field


def _series_fields(series_col: str, known: list[str]) -> list[dict]:
    """Fields shared by the three long-format tables of public figures."""
    return [
        _field("row_id", "Stable row identifier, cited by results and claims", required=True, unique=True,
               pattern=r"^[A-Z]{2}\d{3}$"),
        _field(series_col, "Series / source identifier", required=True, enum=known),
        _field("period", "Period as the source states it (year, range, half-year, 'n.d.')", required=True),
        _field("year", "Calendar year the period falls in (empty when undated)", "integer", minimum=2000, maximum=2026),
        _field("period_kind", "year | partial_year (cumulative at a date, never an annual total) | multi_year | undated",
               required=True, enum=["year", "partial_year", "multi_year", "undated"]),
        _field("value_as_reported", "Value text exactly as transcribed (empty or NA = not found)"),
        _field("value", "Value as a number, when the text is one number; non-negative", "number", minimum=0),
        _field("status", "found | not_found (an explicit gap, kept visible)", required=True, enum=["found", "not_found"]),
    ]


def _known(table: str, column: str) -> list[str]:
    path = paths.RAW_SOURCES / f"{table}.csv"
    with open(path, newline="", encoding="utf-8") as fh:
        return sorted({row[column] for row in csv.DictReader(fh)})


#: A source address: http(s) with a host (``htps://`` or ``https:///x`` would silently drop the
#: row's citation), or ``n/a (why)`` on a gap row. Table Schema patterns match the whole value.
URL_PATTERN = r"(https?://[A-Za-z0-9][A-Za-z0-9.-]*(:[0-9]+)?([/?#]\S*)?|n/a \(.*\))"


def _source_url(description: str) -> dict:
    return _field("source_url", f"{description}: http(s) address with a host, or 'n/a (why)' on a gap row",
                  pattern=URL_PATTERN)


#: The field holding a row's access date, the limit of every date in the row's ``x-not-after`` fields.
ACCESSED = "accessed"


def _dated(field: dict) -> dict:
    """Mark a free-text date field: no date in it may be after the row's access date."""
    field["description"] += f"; no date after the row's access date (column {ACCESSED})"
    field["x-not-after"] = ACCESSED
    return field


def _audit_fields() -> list[dict]:
    """Published date, its note, access date and cited source (kalbar_border.data.transcribe)."""
    return [
        _dated(_field("published_date", "Publication date as the page shows it (as written; '(from URL)' when read "
                      "from the address; a year in [brackets] supplied by the transcriber); empty when the page shows "
                      "none")),
        _field("published_date_note", "Why published_date is empty: the transcriber's words ('not shown (article on "
               "2019-2021 trend)', 'n.d. (c. 2023)', an estimate), kept rather than printed as a date"),
        _field(ACCESSED, f"Access date: the day the value was read from the page, recorded as its transcription date "
               f"(the source pack was transcribed on or before {PACK_ACCESSED}, recorded as {PACK_ACCESSED}, the latest "
               f"day its pages were read; each file of data/sources_supplement on its own day: "
               f"{', '.join(f'{name} on {day}' for name, day in SUPPLEMENT_ACCESSED.items())})", "date", required=True,
               enum=list(ACCESS_DAYS)),
        _field("cites", "Whom the page says it reports the figure from (publisher field: citing, quoting, primary =, a "
               "named release or statement, a copy via or redistributed by another site); a row with a value here is a "
               "secondary source. Empty: the transcription names no such source, which does not make the page primary"),
    ]


def _source_fields(extra: list[str]) -> list[dict]:
    return [_field("unit", "Unit of the value"),
            *[_field(e, e.replace("_", " ").capitalize()) for e in extra],
            _source_url("Address of the page the value was transcribed from"),
            _field("publisher", "Publisher (and whom it cites)"),
            *_audit_fields(),
            _field("notes", "Transcriber's paraphrased notes and data-quality remarks")]


def _table_schema(table: str) -> dict:
    if table == "border_series":
        fields = _series_fields("series", _known(table, "series"))
        fields[3:3] = [_field("geography", "Geography the figure covers", required=True)]
        fields += _source_fields(["definition"])
    elif table == "macro_remittances":
        fields = _series_fields("series", _known(table, "series"))
        fields[3:3] = [_field("geography", "Geography the figure covers", required=True)]
        fields += _source_fields([])
    elif table == "financial_context":
        fields = _series_fields("source_id", _known(table, "source_id"))
        fields[2:2] = [_field("indicator", "Indicator", required=True), _field("group", "Population group"),
                       _field("breakdown", "Breakdown")]
        fields[6:6] = [_field("geography", "Geography", required=True)]
        fields += _source_fields(["n_or_base", "document", "table_ref"])
    else:  # entikong_events: raw news values, free text kept as text
        fields = [
            _field("event_id", "Batch identifier", required=True, unique=True, pattern=r"^E\d{3}$"),
            _dated(_field("deportation_date", "Date of the batch at PLBN Entikong as reported (YYYY-MM-DD; a few "
                          "give only a month or two days)", required=True, pattern=r"^\d{4}-\d{2}(-\d{2})?([ /].*)?$")),
            _field("date_note", "How the date was reported"),
            _field("in_target_window", "Whether the batch falls in 2019-2025"),
            _field("total_deported", "Persons in the batch as reported (headline total)", "integer", required=True, minimum=0),
        ] + [_field(c, f"{c.replace('_', ' ')} as reported (number or free text)") for c in (
            "repatriated_same_convoy", "male", "female", "children", "from_kalbar", "no_passport",
            "no_work_permit", "other_reasons", "malaysian_depot")] + [
            _source_url("Address of the report"), _field("publisher", "Publisher"),
            *_audit_fields(), _field("secondary_sources", "Other reports"),
            _field("notes", "Contradictions and caveats noted by the transcriber"),
        ]
    header = pd.read_csv(paths.RAW_SOURCES / f"{table}.csv", nrows=0).columns.tolist()
    by_name = {f["name"]: f for f in fields}
    missing = [h for h in header if h not in by_name]
    if missing:
        raise CompendiumError(key="error_datapackage_no_schema_field", table=table, missing=missing)
    # Field order must follow the file's header for frictionless' positional check.
    return {"fields": [by_name[h] for h in header], "missingValues": [""],
            "primaryKey": "event_id" if table == "entikong_events" else "row_id"}


TABLE_META = {
    "border_series": ("Illegal-migrant-worker, complaint, deportation and placement series, 2015-2026",
                      "Long-format annual and year-to-date figures on Indonesian migrant workers at the "
                      "West Kalimantan-Sarawak border and nationally, one source per row."),
    "entikong_events": ("Entikong deportation batches (news reports)",
                        "One row per reported batch of Indonesians deported from Sarawak through PLBN Entikong; "
                        "raw values as reported, cleaned and flagged by kalbar_border.border.deportations."),
    "macro_remittances": ("Remittance and placement context",
                          "World Bank WDI remittances and GDP (one vintage), Bank Indonesia remittance totals "
                          "(mixed vintages, flagged), BP2MI placements, West Kalimantan placements, gaps."),
    "financial_context": ("Financial literacy, inclusion and remittance-use context",
                          "OJK SNLIK indices, Global Findex, second-hand remittance-use shares (low confidence), "
                          "and gap rows for the tables the paper probably used."),
}

MICRODATA_META = {
    "susenas": {
        "title": "Susenas March 2020 (KOR, persons), Jambi",
        "description": "BPS National Socio-Economic Survey, core questionnaire, March 2020, province 15 (Jambi); "
                       "24,915 persons, 6,816 households, 697 PSUs, 22 strata. Proxy for the paper's population.",
        "package": ("SUSENAS", "0.1.0", "Mubarak, Nurniswah, Sundara, Damayanti, Prasaja", "2024-11-26"),
        "variables": {
            "R101": "province code (15 = Jambi)", "R102": "district code", "R105": "area: 1 urban, 2 rural",
            "R403": "relationship to the household head: 1 = head",
            "R405": "sex: 1 male, 2 female", "R407": "age in years",
            "R602": "province where the mother lived at birth (not 15 = lifetime migrant)",
            "R604": "province 5 years ago: 0 not asked (<5), 15 Jambi, other = recent inter-provincial, 40 abroad",
            "R605": "district 5 years ago (differs from R102 = recent inter-district)",
            "R613": "highest schooling level attended", "R615": "highest certificate held",
            "R701": "own savings account: 1 yes, 5 no, 0 not asked", "R702_A": "worked in past week: A = yes",
            "R808": "used internet in past 3 months: 1 yes, 5 no",
            "R811_E": "internet used to buy: E = yes", "R811_F": "internet used to sell: F = yes",
            "R811_H": "internet used for financial services (e-banking): H = yes",
            "R1101_A": "BPJS subsidised (PBI): A = yes",
            "R1101_B": "BPJS contributory (non-PBI): B = yes", "R1101_C": "regional health scheme: C = yes",
            "R1101_D": "private insurance: D = yes (empty in this file)", "R1101_E": "employer cover: E = yes",
            "R1101_X": "no health cover: X = yes", "FWT": "person weight", "PSU": "primary sampling unit",
            "SSU": "household (secondary unit)", "STRATA": "stratum", "RENUM": "household number",
        },
    },
    "sakernas": {
        "title": "Sakernas August 2020 (persons), Jambi",
        "description": "BPS National Labour Force Survey, August 2020, province 15 (Jambi); 16,368 persons. "
                       "Proxy for the paper's population.",
        "package": ("SAKERNAS", "0.1.0", "Mubarak, Nurniswah, Sundara, Lubis, Prasaja", "2024-12-02"),
        "variables": {
            "KODE_PROV": "province code (15 = Jambi)", "KODE_KAB": "district code",
            "KLASIFIKAS": "area: 1 urban, 2 rural", "K3": "relationship to the household head: 1 = head",
            "K4": "sex: 1 male, 2 female", "K6": "age in years", "R6A": "highest certificate held (BPS codes)",
            "R7": "residence in August 2015: 1 same district, 2 other district, 3 abroad",
            "R7_PROV": "province in August 2015 (40 = abroad)", "R7_KAB": "district in August 2015",
            "R9A": "worked at least one hour last week: 1 yes, 2 no", "R12A": "status in employment",
            "R17A": "used internet in the main job: 1 yes, 2 no, 0 no job",
            "R17B3": "used internet for transactions at work: 1 yes, 2 no, 0 not asked",
            "FINAL_WEIG": "person weight", "ID_NKS": "sample block (cluster)", "NO_DSRT": "household number",
        },
    },
}


def build_descriptor() -> dict:
    """The package descriptor, with sha256 and bytes computed from the committed raw files."""
    resources = []
    for table, (title, description) in TABLE_META.items():
        path = paths.RAW_SOURCES / f"{table}.csv"
        resources.append({
            "name": table, "title": title, "description": description,
            "path": f"raw/sources/{table}.csv", "profile": "tabular-data-resource", "format": "csv",
            "mediatype": "text/csv", "encoding": "utf-8",
            "hash": f"sha256:{sha256_file(path)}", "bytes": path.stat().st_size,
            "licenses": [CC_BY],
            "x-rights": "The numbers are facts, each cited to the page it was read from (source_url, publisher, "
                        "published_date, accessed); the compilation is under CC BY 4.0; each cited page keeps its "
                        "publisher's terms, which this licence does not change.",
            "sources": [{"title": "Public pages cited on every row (column source_url)",
                         "path": "see column source_url",
                         "x-transcribed": f"by hand, {_transcribed_from(table)}; each row's day in column {ACCESSED}"}],
            "schema": _table_schema(table),
        })
    for key, meta in MICRODATA_META.items():
        spec = DATASETS[key]
        pkg, version, authors, published = meta["package"]
        resources.append({
            "name": key, "title": meta["title"], "description": meta["description"],
            "path": spec.mirror_url, "format": "rda", "mediatype": "application/octet-stream",
            "hash": f"sha256:{spec.sha256}", "licenses": [BPS_TERMS],
            # The day the sha256 was pinned and verified: the only day the project records for the file.
            "x-accessed": VERIFIED_ON,
            "x-rights": f"BPS's data, used under BPS's terms of use for its data; downloaded from the CRAN package "
                        f"{pkg}, whose licence ({PACKAGE_LICENCE.split(' (')[0]}) covers the package, not the data; "
                        f"never committed here. Another province's microdata are obtained from BPS under its licence.",
            "sources": [
                {"title": f"CRAN package {pkg} {version} ({authors}), published {published}",
                 "path": f"https://CRAN.R-project.org/package={pkg}", "x-licence": PACKAGE_LICENCE},
                {"title": "Badan Pusat Statistik (BPS), survey producer", "path": "https://www.bps.go.id"},
                {"title": "CRAN source tarball (fallback download)", "path": spec.cran_tarball},
                {"title": "the same tarball in the CRAN Archive, where CRAN moves it once a newer version is "
                          "published (second fallback)", "path": spec.cran_archive},
            ],
            "x-variables": meta["variables"],
            "x-cache": "downloaded into COMPENDIUM_DATA_DIR (default data/cache/), never committed",
        })
    return {
        "name": "kalbar-border-compendium-data",
        "title": "Data behind the compendium for Anggita et al., Governance Kooperatif ... Kalimantan Barat",
        "profile": "data-package",
        # Per resource: the transcribed tables under CC BY 4.0 (compilation), the microdata under BPS's terms.
        "licenses": [CC_BY],
        "contributors": [{"title": "Compendium maintainers", "role": "author"}],
        "resources": resources,
    }


def _transcribed_from(table: str) -> str:
    """The files a raw table was transcribed from, and when: the source pack's, and the supplement's if any."""
    files = [f"shared/sources/{name} on or before {PACK_ACCESSED}" for name, (raw, *_) in TABLES.items() if raw == table]
    files += [f"data/sources_supplement/{name} on {SUPPLEMENT_ACCESSED[name]}" for name, (raw, *_) in TABLES.items()
              if raw == table and (SUPPLEMENT / name).is_file()]
    return " and ".join(files)


def write_datapackage(target: Path = paths.DATAPACKAGE) -> Path:
    return write_json(target, build_descriptor())


def load_descriptor(path: Path = paths.DATAPACKAGE) -> dict:
    if not Path(path).is_file():
        raise CompendiumError(key="error_datapackage_no_descriptor", path=path)
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def resource(name: str, descriptor: dict | None = None) -> dict:
    descriptor = descriptor or load_descriptor()
    for res in descriptor["resources"]:
        if res["name"] == name:
            return res
    names = ", ".join(r["name"] for r in descriptor["resources"])
    raise CompendiumError(key="error_datapackage_no_resource", name=name, names=names)


def local_path(res: dict, base: Path = paths.DATA) -> Path:
    return Path(base) / res["path"]


def _shown(res: dict, base: Path) -> str:
    return paths.relative(local_path(res, base))


def _read(res: dict, base: Path) -> bytes:
    path = local_path(res, base)
    if not path.is_file():
        shown = _shown(res, base)
        raise CompendiumError(key="error_datapackage_raw_missing", path=shown, command=f"git checkout -- {shown}")
    return path.read_bytes()


def _check_hash(res: dict, data: bytes, shown: str) -> str:
    expected = res["hash"].split(":", 1)[1]
    actual = hashlib.sha256(data).hexdigest()
    if actual != expected:
        raise CompendiumError(key="error_datapackage_checksum", path=shown,
                              mismatch=Said("error_part_checksum_mismatch", expected=expected, actual=actual))
    return actual


def verify_checksum(res: dict, base: Path = paths.DATA) -> str:
    """Check that the local file exists and has the package's sha256; return the hash."""
    return _check_hash(res, _read(res, base), _shown(res, base))


def _check_header(res: dict, header: list[str], shown: str) -> None:
    """The columns of the schema, in its order: frictionless pairs fields with columns by
    position, so one dropped column would otherwise be reported as every later column wrong."""
    expected = [f["name"] for f in res["schema"]["fields"]]
    if header == expected:
        return
    missing = [c for c in expected if c not in header]
    extra = [c for c in header if c not in expected]
    if missing:
        said = Said(f"error_datapackage_column{'s' if len(missing) > 1 else ''}_missing",
                    columns=", ".join(map(repr, missing)))
    elif extra:
        said = Said(f"error_datapackage_column{'s' if len(extra) > 1 else ''}_extra", columns=", ".join(map(repr, extra)))
    else:
        said = Said("error_datapackage_columns_order")
    raise CompendiumError(key="error_datapackage_header", path=shown, problem=said, expected=", ".join(expected))


#: Patterns a reader should not have to decode, in words (the key of a label).
PATTERN_WORDS = {URL_PATTERN: "error_datapackage_pattern_url"}


def _rule(error, res: dict) -> Said | str:
    """The broken rule, in words a reader can act on (frictionless' own note, in English, otherwise)."""
    note = (getattr(error, "note", "") or "").rstrip(".")
    if error.type == "unique-error":
        return Said("error_datapackage_rule_unique", note=note)
    if note.startswith('constraint "pattern"'):
        field = next((f for f in res["schema"]["fields"] if f["name"] == getattr(error, "field_name", None)), {})
        words = PATTERN_WORDS.get(field.get("constraints", {}).get("pattern"))
        if words:
            return Said("error_datapackage_rule_pattern", words=Said(words))
    return note or error.type


def _check_schema(res: dict, data: bytes, shown: str) -> int:
    """Types and constraints by frictionless on ``data`` itself; returns the row count."""
    from frictionless import Resource, Schema

    report = Resource(data, format="csv", encoding=res.get("encoding", "utf-8"),
                      schema=Schema.from_descriptor(res["schema"])).validate()
    task = report.tasks[0]
    if not report.valid:
        err = task.errors[0]
        row = getattr(err, "row_number", None)
        field = getattr(err, "field_name", None)
        cell = getattr(err, "cell", None)
        where = Said("error_datapackage_row", row=row) if row else Said("error_datapackage_header_row")
        what = Said("error_datapackage_cell", field=field, value=cell) if field else ""
        more = Said("error_datapackage_more_errors", count=len(task.errors) - 1) if len(task.errors) > 1 else ""
        raise CompendiumError(key="error_datapackage_schema", path=shown, where=where, what=what, rule=_rule(err, res),
                              more=more)
    return task.stats.get("rows", 0)


_MONTHS = {name: i for i, names in enumerate([
    ("january", "januari", "jan"), ("february", "februari", "feb"), ("march", "maret", "mar"), ("april", "apr"),
    ("may", "mei"), ("june", "juni", "jun"), ("july", "juli", "jul"), ("august", "agustus", "aug", "agu"),
    ("september", "sep", "sept"), ("october", "oktober", "oct", "okt"), ("november", "nov"),
    ("december", "desember", "dec", "des")], start=1) for name in names}
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})(?:-(\d{2}))?(?!\d)")
_DMY = re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)")
_D_MONTH_Y = re.compile(r"(?<!\d)(\d{1,2}) ([A-Za-z]+)\.? (\d{4})(?!\d)")
_YEAR = re.compile(r"(?<!\d)((?:19|20|21)\d{2})(?!\d)")


def dates_in(text: str) -> list[date]:
    """The earliest day of every date written in ``text`` (sources write dates many ways:
    2024-10-27, 2023-07, 26/04/2021, 31 Desember 2024, 'n.d. (c. 2023)'): the day itself, the
    first of a month, the first of January of a bare year."""
    found = []
    for y, m, d in _ISO.findall(text):
        if 1 <= int(m) <= 12:
            found.append((int(y), int(m), int(d) if d else 1))
    for d, m, y in _DMY.findall(text):
        if 1 <= int(m) <= 12:
            found.append((int(y), int(m), int(d)))
    for d, month, y in _D_MONTH_Y.findall(text):
        if month.lower() in _MONTHS:
            found.append((int(y), _MONTHS[month.lower()], int(d)))
    found += [(int(y), 1, 1) for y in _YEAR.findall(text)]
    days = []
    for y, m, d in found:
        try:
            days.append(date(y, m, d))
        except ValueError:  # 31/02: not a calendar day; its month still counts
            days.append(date(y, m, 1))
    return days


def _check_dates(res: dict, data: bytes, shown: str) -> None:
    """No date in a field marked ``x-not-after`` lies after the day in the field it names (a page
    cannot have been published, nor report a batch, after it was read)."""
    limits = {f["name"]: f["x-not-after"] for f in res["schema"]["fields"] if "x-not-after" in f}
    if not limits:
        return
    reader = csv.DictReader(io.StringIO(data.decode(res.get("encoding", "utf-8"))))
    for row_number, row in enumerate(reader, start=2):  # row 1 is the header, as frictionless counts
        for name, limit_field in limits.items():
            # the schema check has passed: the limit is an ISO date in every row
            limit = date.fromisoformat(row[limit_field])
            late = [d for d in dates_in(row[name] or "") if d > limit]
            if late:
                raise CompendiumError(key="error_datapackage_late_date", path=shown, row=row_number, field=name,
                                      value=row[name], date=late[0].isoformat(), limit=limit.isoformat(),
                                      limit_field=limit_field)


#: (sha256 of the bytes, schema) of the tables that passed in this process: a notebook that
#: reads a table several times validates it once, and any change of bytes or schema validates again.
_PASSED: dict[tuple[str, str], int] = {}


def _validate(res: dict, data: bytes, shown: str, digest: str | None = None) -> int:
    """Header, schema and dates of ``data``; returns the row count."""
    key = (digest or hashlib.sha256(data).hexdigest(), json.dumps(res["schema"], sort_keys=True))
    if key not in _PASSED:
        header = next(csv.reader(io.StringIO(data.decode(res.get("encoding", "utf-8")))), [])
        _check_header(res, header, shown)
        rows = _check_schema(res, data, shown)
        _check_dates(res, data, shown)
        _PASSED[key] = rows
    return _PASSED[key]


def verify_schema(res: dict, base: Path = paths.DATA) -> int:
    """Validate a local table against its Table Schema (header, types, constraints, unique
    keys, dates); return its row count. The checksum is :func:`verify_checksum`'s."""
    return _validate(res, _read(res, base), _shown(res, base))


def _verified(name: str, base: Path) -> tuple[dict, bytes, str, int]:
    """The bytes of table ``name`` after checksum and schema passed on those very bytes; the
    package descriptor is the one in ``base`` (``data/datapackage.json``)."""
    res = resource(name, load_descriptor(Path(base) / paths.DATAPACKAGE.name))
    shown = _shown(res, base)
    data = _read(res, base)
    digest = _check_hash(res, data, shown)
    rows = _validate(res, data, shown, digest)
    return res, data, digest, rows


def verify_table(name: str, base: Path = paths.DATA) -> dict:
    """Checksum then schema for one local table; returns a provenance record."""
    res, _, digest, rows = _verified(name, base)
    return {"dataset": name, "title": res["title"], "rows": rows, "sha256": digest, "status": "verified"}


def load_table(name: str, base: Path = paths.DATA) -> pd.DataFrame:
    """The one loader of a raw table, for every notebook and function that reads one: the
    bytes are verified (checksum, header, schema, dates) in this process, then parsed with
    the schema's types. A table that fails raises one line and nothing is read."""
    res, data, _, _ = _verified(name, base)
    types = {f["name"]: f["type"] for f in res["schema"]["fields"]}
    frame = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, na_values=[""])
    for col, kind in types.items():
        if kind == "integer":
            frame[col] = pd.to_numeric(frame[col]).astype("Int64")
        elif kind == "number":
            frame[col] = pd.to_numeric(frame[col])
        elif kind == "date":
            frame[col] = pd.to_datetime(frame[col], format="%Y-%m-%d")
    return frame
