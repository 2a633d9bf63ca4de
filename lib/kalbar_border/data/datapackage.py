"""The Frictionless Data Package that describes every dataset (``data/datapackage.json``),
and the verification of the raw data against it.

Verification of a local table is two steps, in this order:

1. checksum: the file's sha256 and byte count must equal the package's (one-line error with
   the expected and the actual hash);
2. schema: frictionless validates types and constraints (years in range, non-negative
   values, known series identifiers, required fields, unique ids); the first error becomes
   one line naming file, row, field, value and the rule broken.

Microdata resources are remote (downloaded by :mod:`kalbar_border.data.microdata`); they are
verified by hash there and by the presence of the variables the analysis uses here.
"""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pandas as pd

from .. import paths
from ..atomic import sha256_file, write_json
from ..errors import CompendiumError
from .microdata import DATASETS
from .transcribe import SUPPLEMENT, TABLES, TRANSCRIBED_ON_OR_BEFORE

CC_BY = {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
         "title": "Creative Commons Attribution 4.0 (this transcription; each source keeps its own terms)"}
GPL3 = {"name": "GPL-3.0", "path": "https://www.gnu.org/licenses/gpl-3.0.html",
        "title": "GNU General Public License v3 (as declared by the CRAN package)"}



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


def _source_fields(extra: list[str]) -> list[dict]:
    return [_field(name, desc) for name, desc in [
        ("unit", "Unit of the value"), *[(e, e.replace("_", " ").capitalize()) for e in extra],
        ("source_url", "Address of the page the value was transcribed from"),
        ("publisher", "Publisher (and whom it cites)"),
        ("published_date", "Published date as the page shows it; 'not shown' or '(from URL)' otherwise"),
        ("notes", "Transcriber's paraphrased notes and data-quality remarks"),
    ]]


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
            _field("deportation_date", "Date of the batch at PLBN Entikong as reported (YYYY-MM-DD; a few give "
                   "only a month or two days)", required=True, pattern=r"^\d{4}-\d{2}(-\d{2})?([ /].*)?$"),
            _field("date_note", "How the date was reported"),
            _field("in_target_window", "Whether the batch falls in 2019-2025"),
            _field("total_deported", "Persons in the batch as reported (headline total)", "integer", required=True, minimum=0),
        ] + [_field(c, f"{c.replace('_', ' ')} as reported (number or free text)") for c in (
            "repatriated_same_convoy", "male", "female", "children", "from_kalbar", "no_passport",
            "no_work_permit", "other_reasons", "malaysian_depot")] + [
            _field("source_url", "Address of the report"), _field("publisher", "Publisher"),
            _field("published_date", "Published date as shown"), _field("secondary_sources", "Other reports"),
            _field("notes", "Contradictions and caveats noted by the transcriber"),
        ]
    header = pd.read_csv(paths.RAW_SOURCES / f"{table}.csv", nrows=0).columns.tolist()
    by_name = {f["name"]: f for f in fields}
    missing = [h for h in header if h not in by_name]
    if missing:
        raise CompendiumError(f"data/raw/sources/{table}.csv: columns {missing} have no schema field")
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
            "sources": [{"title": "Public pages cited on every row (column source_url)",
                         "path": "see column source_url",
                         "x-transcribed": f"by hand on or before {TRANSCRIBED_ON_OR_BEFORE} ({_transcribed_from(table)})"}],
            "schema": _table_schema(table),
        })
    for key, meta in MICRODATA_META.items():
        spec = DATASETS[key]
        pkg, version, authors, published = meta["package"]
        resources.append({
            "name": key, "title": meta["title"], "description": meta["description"],
            "path": spec.mirror_url, "format": "rda", "mediatype": "application/octet-stream",
            "hash": f"sha256:{spec.sha256}", "licenses": [GPL3],
            "sources": [
                {"title": f"CRAN package {pkg} {version} ({authors}), published {published}",
                 "path": f"https://CRAN.R-project.org/package={pkg}"},
                {"title": "Badan Pusat Statistik (BPS), survey producer", "path": "https://www.bps.go.id"},
                {"title": "CRAN source tarball (fallback download)", "path": spec.cran_tarball},
            ],
            "x-variables": meta["variables"],
            "x-cache": "downloaded into COMPENDIUM_DATA_DIR (default data/cache/), never committed",
        })
    return {
        "name": "kalbar-border-compendium-data",
        "title": "Data behind the compendium for Anggita et al., Governance Kooperatif ... Kalimantan Barat",
        "profile": "data-package",
        "licenses": [CC_BY],
        "contributors": [{"title": "Compendium maintainers", "role": "author"}],
        "resources": resources,
    }


def _transcribed_from(table: str) -> str:
    """The files a raw table was transcribed from: the source pack's, and the supplement's if any."""
    files = [f"shared/sources/{table}.csv"]
    files += [f"data/sources_supplement/{name}" for name, (raw, *_) in TABLES.items()
              if raw == table and (SUPPLEMENT / name).is_file()]
    return " and ".join(files)


def write_datapackage(target: Path = paths.DATAPACKAGE) -> Path:
    return write_json(target, build_descriptor())


def load_descriptor(path: Path = paths.DATAPACKAGE) -> dict:
    if not Path(path).is_file():
        raise CompendiumError(f"{path}: data package descriptor not found; it is committed with the repository")
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def resource(name: str, descriptor: dict | None = None) -> dict:
    descriptor = descriptor or load_descriptor()
    for res in descriptor["resources"]:
        if res["name"] == name:
            return res
    names = ", ".join(r["name"] for r in descriptor["resources"])
    raise CompendiumError(f"data/datapackage.json: no resource '{name}'; known: {names}")


def local_path(res: dict, base: Path = paths.DATA) -> Path:
    return Path(base) / res["path"]


def verify_checksum(res: dict, base: Path = paths.DATA) -> str:
    """Check that the local file exists and has the package's sha256; return the hash."""
    path = local_path(res, base)
    shown = paths.relative(path)
    if not path.is_file():
        raise CompendiumError(f"{shown}: raw file missing; restore it from git (git checkout -- {shown})")
    expected = res["hash"].split(":", 1)[1]
    actual = sha256_file(path)
    if actual != expected:
        raise CompendiumError(f"{shown}: checksum mismatch, expected sha256 {expected}, got {actual}")
    return actual


def _rule(error) -> str:
    """The broken rule, in words a reader can act on."""
    note = getattr(error, "note", "") or ""
    return note.rstrip(".") or error.type


def verify_schema(res: dict, base: Path = paths.DATA) -> int:
    """Validate a local table against its Table Schema; return its row count."""
    from frictionless import Resource

    path = local_path(res, base)
    shown = paths.relative(path)
    descriptor = {k: v for k, v in res.items() if k not in ("hash", "bytes", "sources", "licenses")}
    descriptor["path"] = path.name
    report = Resource.from_descriptor(descriptor, basepath=str(path.parent)).validate()
    if not report.valid:
        task = report.tasks[0]
        err = task.errors[0]
        row = getattr(err, "row_number", None)
        field = getattr(err, "field_name", None)
        cell = getattr(err, "cell", None)
        where = f"row {row}" if row else "header"
        what = f", field '{field}', value '{cell}'" if field else ""
        more = f" ({len(task.errors) - 1} more errors)" if len(task.errors) > 1 else ""
        raise CompendiumError(f"{shown}: {where}{what}: {_rule(err)}{more}")
    return report.tasks[0].stats.get("rows", 0)


def verify_table(name: str, base: Path = paths.DATA) -> dict:
    """Checksum then schema for one local table; returns a provenance record."""
    res = resource(name)
    digest = verify_checksum(res, base)
    rows = verify_schema(res, base)
    return {"dataset": name, "title": res["title"], "rows": rows, "sha256": digest, "status": "verified"}


def load_table(name: str, base: Path = paths.DATA) -> pd.DataFrame:
    """The one loader of a raw table: verified first, then read with the schema's types."""
    res = resource(name)
    verify_checksum(res, base)
    types = {f["name"]: f["type"] for f in res["schema"]["fields"]}
    frame = pd.read_csv(local_path(res, base), dtype=str, keep_default_na=False, na_values=[""])
    for col, kind in types.items():
        if kind == "integer":
            frame[col] = pd.to_numeric(frame[col]).astype("Int64")
        elif kind == "number":
            frame[col] = pd.to_numeric(frame[col])
        elif kind == "date":
            frame[col] = pd.to_datetime(frame[col], format="%Y-%m-%d")
    return frame

