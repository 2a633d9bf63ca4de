"""Validation gates every reader: a maintainer's edit of a raw table that breaks its schema
(hash updated, so the checksum passes) stops every notebook that reads the table, each with
the one line notebook 01 gives, and none of their outputs is written.

Each case runs the pipeline on a temporary copy of the checkout (its ``lib`` first on
``PYTHONPATH``, so the kernels read the copy's data) into a temporary output folder.
"""
import csv
import hashlib
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import needs_microdata, run_pipeline
from kalbar_border import paths
from kalbar_border.data import datapackage, microdata
from kalbar_border.data.transcribe import PACK_ACCESSED
from kalbar_border.errors import CompendiumError

#: Left out of the copy of the checkout: history, environment, outputs, what the pipeline does not read.
SKIP = {paths.ROOT: {".git", ".venv", "build", "results", "figures", "tests", "teaching"},
        paths.DATA: {"cache", "processed"}}


def _skip(folder, names):
    return (SKIP.get(Path(folder), set()) & set(names)) | {n for n in names if n == "__pycache__" or n.endswith(".egg-info")}


@pytest.fixture
def checkout(tmp_path):
    """A copy of the checkout whose raw tables a test may break."""
    copy = tmp_path / "checkout"
    shutil.copytree(paths.ROOT, copy, ignore=_skip)
    return copy


def break_table(data: Path, table: str, edit) -> None:
    """Apply ``edit(rows)`` (header first) to a raw table in the data folder ``data`` and update
    its hash in ``data/datapackage.json``, as a maintainer who re-ran the checksum would."""
    path = data / "raw" / "sources" / f"{table}.csv"
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    with open(path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh, lineterminator="\n").writerows(edit(rows))
    package = data / "datapackage.json"
    descriptor = json.loads(package.read_text())
    for res in descriptor["resources"]:
        if res["name"] == table:
            res["hash"] = f"sha256:{hashlib.sha256(path.read_bytes()).hexdigest()}"
            res["bytes"] = path.stat().st_size
    package.write_text(json.dumps(descriptor, indent=2, sort_keys=True) + "\n")


def set_cell(column: str, value: str, row: int = 1, where=None):
    """An edit setting ``column`` of data row ``row`` (1 = first) or of the first row where
    ``where(row_dict)`` holds."""
    def edit(rows):
        header = rows[0]
        index = row if where is None else next(i for i, r in enumerate(rows[1:], 1) if where(dict(zip(header, r))))
        rows[index][header.index(column)] = value
        return rows
    return edit


def drop_column(column: str):
    def edit(rows):
        at = rows[0].index(column)
        return [r[:at] + r[at + 1:] for r in rows]
    return edit


def duplicate_row(row: int = 1):
    return lambda rows: rows[:row + 1] + [rows[row]] + rows[row + 1:]


def run_readers(checkout: Path, out: Path, *notebooks: str) -> dict:
    """Run each notebook on its own (a run stops at its first failure, so readers run together
    could hide one another); notebook -> the message its failing cell raised."""
    env = {"PYTHONPATH": os.pathsep.join(filter(None, [str(checkout / "lib"), os.environ.get("PYTHONPATH")]))}
    said = {}
    for nb in notebooks:
        done = run_pipeline(out, "--only", nb, env=env)
        assert done.returncode == 1 and "Traceback" not in done.stdout + done.stderr, done.stdout + done.stderr
        errors = [line for line in done.stderr.splitlines() if line.startswith("error:")]
        match = re.fullmatch(rf"error: {nb}_\w+\.ipynb: cell \d+ raised CompendiumError: (.*); "
                             rf"executed copy of this run: build/failed/{nb}_\w+\.ipynb", errors[0])
        assert len(errors) == 1 and match, errors
        said[nb] = match.group(1)
    return said


def written(out: Path) -> list[str]:
    """Every file under the folders notebooks write to, pending files included."""
    return sorted(p.relative_to(out).as_posix() for folder in ("results", "figures", "data")
                  for p in (out / folder).rglob("*") if p.is_file())


@pytest.mark.notebooks
@pytest.mark.parametrize("edit, readers, said", [
    (set_cell("year", "-2019"), ("01", "02"), "row 2, field 'year', value '-2019': constraint \"minimum\" is \"2000\""),
    (set_cell("value", "many"), ("02",), "row 2, field 'value', value 'many': type is \"number/default\""),
    (drop_column("row_id"), ("01", "02"),
     "header: column 'row_id' missing; expected the columns of data/datapackage.json: row_id, series, "),
    (set_cell("source_url", "htps://www.bp2mi.go.id/statistik"), ("02",),
     "row 2, field 'source_url', value 'htps://www.bp2mi.go.id/statistik': constraint \"pattern\": expected an "
     "http(s):// address with a host"),
    (set_cell("published_date", "2099-12-31"), ("02",),
     f"row 2, field 'published_date', value '2099-12-31': date 2099-12-31 is after the row's access date {PACK_ACCESSED} (field 'accessed')"),
], ids=["negative-year", "text-in-number", "dropped-row-id", "bad-url-scheme", "future-date"])
@pytest.mark.slow
def test_broken_border_series_stops_its_readers_and_writes_nothing(checkout, tmp_path, edit, readers, said):
    break_table(checkout / "data", "border_series", edit)
    out = tmp_path / "out"
    messages = run_readers(checkout, out, *readers)
    assert messages["02"].startswith(f"data/raw/sources/border_series.csv: {said}"), messages
    assert len(set(messages.values())) == 1, messages  # notebook 01's line, word for word
    assert written(out) == []


@pytest.mark.slow
@pytest.mark.notebooks
def test_negative_placement_stops_notebooks_02_and_04(checkout, tmp_path):
    break_table(checkout / "data", "macro_remittances",
                set_cell("value", "-262", where=lambda r: r["series"].startswith("BP2MI placements") and r["value"]))
    out = tmp_path / "out"
    messages = run_readers(checkout, out, "02", "04")
    assert messages["02"] == messages["04"]
    assert re.fullmatch(r"data/raw/sources/macro_remittances.csv: row \d+, field 'value', value '-262': "
                        r"constraint \"minimum\" is \"0\"", messages["02"]), messages
    assert written(out) == []  # no placements.csv, no remittances table or figure


@pytest.mark.slow
@pytest.mark.notebooks
def test_duplicated_event_id_stops_notebook_03_as_it_stops_01(checkout, tmp_path):
    break_table(checkout / "data", "entikong_events", duplicate_row(1))
    out = tmp_path / "out"
    messages = run_readers(checkout, out, "03", "01")
    assert messages["03"] == messages["01"] == (
        "data/raw/sources/entikong_events.csv: row 3, field 'event_id', value 'E000': constraint \"unique\": "
        "the same as in the row at position 2 (1 more errors)")
    assert written(out) == []  # no entikong_events_clean.csv holding both rows


# --------------------------------------------------------------------------- the loader itself


@pytest.fixture
def data_copy(tmp_path):
    """A copy of data/ (without microdata and extracts) that a test may break."""
    base = tmp_path / "data"
    shutil.copytree(paths.DATA, base, ignore=shutil.ignore_patterns("cache", "processed"))
    return base


def _refused(base: Path, table: str) -> str:
    with pytest.raises(CompendiumError) as err:
        datapackage.load_table(table, base)
    assert "\n" not in str(err.value)
    return str(err.value)


@pytest.mark.parametrize("table, edit, said", [
    ("border_series", set_cell("year", "-2019"), "row 2, field 'year', value '-2019': constraint \"minimum\" is \"2000\""),
    ("border_series", set_cell("value", "12 ribu"), "row 2, field 'value', value '12 ribu': type is \"number/default\""),
    ("border_series", drop_column("row_id"), "header: column 'row_id' missing; expected the columns of "
                                             "data/datapackage.json: row_id, series, geography"),
    ("financial_context", lambda rows: [rows[0][::-1], *(r[::-1] for r in rows[1:])], "header: columns out of order"),
    ("border_series", duplicate_row(3), "row 5, field 'row_id', value 'BS003': constraint \"unique\": the same as "
                                        "in the row at position 4 (1 more errors)"),
    ("macro_remittances", duplicate_row(1), "row 3, field 'row_id', value 'MR001': constraint \"unique\""),
    ("financial_context", duplicate_row(1), "row 3, field 'row_id', value 'FC001': constraint \"unique\""),
    ("entikong_events", duplicate_row(1), "row 3, field 'event_id', value 'E000': constraint \"unique\""),
    ("macro_remittances", set_cell("source_url", "htps://data.worldbank.org/indicator"),
     "row 2, field 'source_url', value 'htps://data.worldbank.org/indicator': constraint \"pattern\": expected an "
     "http(s):// address with a host, or 'n/a (why)' on a gap row"),
    ("entikong_events", set_cell("source_url", "https:///news/deportasi"), "field 'source_url', value 'https:///news/"),
    ("financial_context", set_cell("source_url", "www.ojk.go.id"), "field 'source_url', value 'www.ojk.go.id'"),
    ("border_series", set_cell("published_date", "2099-12-31"),
     f"row 2, field 'published_date', value '2099-12-31': date 2099-12-31 is after the row's access date {PACK_ACCESSED} (field 'accessed')"),
    ("entikong_events", set_cell("published_date", "Senin, 14 Desember 2026"),
     f"value 'Senin, 14 Desember 2026': date 2026-12-14 is after the row's access date {PACK_ACCESSED} (field 'accessed')"),
    ("entikong_events", set_cell("deportation_date", "2027-01"),
     f"field 'deportation_date', value '2027-01': date 2027-01-01 is after the row's access date {PACK_ACCESSED} (field 'accessed')"),
    ("financial_context", set_cell("published_date", "n.d. (c. 2031)"), "date 2031-01-01 is after"),
    # a page of the source pack (read by 2026-11-28) cannot show a date of the supplement's week
    ("border_series", set_cell("published_date", "2026-12-01"), f"date 2026-12-01 is after the row's access date {PACK_ACCESSED}"),
    ("border_series", set_cell("accessed", "2026-11-29"), "field 'accessed', value '2026-11-29': constraint \"enum\""),
    ("macro_remittances", set_cell("value", "-262", where=lambda r: r["series"].startswith("BP2MI placements")
                                   and r["value"]), "field 'value', value '-262': constraint \"minimum\" is \"0\""),
])
def test_loader_refuses_a_rehashed_table_that_breaks_its_schema(data_copy, table, edit, said):
    break_table(data_copy, table, edit)
    assert f"raw/sources/{table}.csv: " in _refused(data_copy, table)
    assert said in _refused(data_copy, table)


def test_loader_validates_bytes_again_when_they_change(data_copy):
    """Validation is remembered per content in a process: an edit made after a good read is
    still caught by the next read in the same process."""
    assert len(datapackage.load_table("entikong_events", data_copy)) == 61
    break_table(data_copy, "entikong_events", set_cell("total_deported", "-4"))
    assert "field 'total_deported', value '-4'" in _refused(data_copy, "entikong_events")


def test_loader_still_checks_the_hash(data_copy):
    path = data_copy / "raw" / "sources" / "financial_context.csv"
    path.write_bytes(path.read_bytes().replace(b"FC001", b"FC999", 1))
    assert "financial_context.csv: checksum mismatch, expected sha256 " in _refused(data_copy, "financial_context")


def test_committed_tables_pass_the_url_and_date_constraints():
    for table in datapackage.TABLE_META:
        frame = datapackage.load_table(table)
        urls = frame["source_url"].dropna()
        assert urls.str.match(r"https?://|n/a \(").all(), table


@pytest.mark.parametrize("text, days", [
    ("2024-10-27 (from URL)", ["2024-10-27", "2024-01-01"]),
    ("2023-07 (from URL)", ["2023-07-01", "2023-01-01"]),
    ("Senin (28/3/2022)", ["2022-03-28", "2022-01-01"]),
    ("31 Desember 2024", ["2024-12-31", "2024-01-01"]),
    ("not shown (article on 2019-2021 trend)", ["2019-01-01", "2021-01-01"]),
    ("2024-10-16/17", ["2024-10-16", "2024-01-01"]),
    ("not shown", []),
])
def test_dates_are_found_in_the_ways_sources_write_them(text, days):
    assert sorted(d.isoformat() for d in datapackage.dates_in(text)) == sorted(days)


def test_extract_is_not_read_beside_a_microdata_file_that_fails_its_checksum(tmp_path, monkeypatch):
    """Notebooks 05-06 read the extract notebook 01 wrote only while the .rda it came from
    still passes its checksum."""
    monkeypatch.setenv("COMPENDIUM_OUTPUT_DIR", str(tmp_path / "out"))
    monkeypatch.setenv("COMPENDIUM_DATA_DIR", str(tmp_path / "data"))
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "SAKERNAS2020.rda").write_bytes(b"edited by hand")
    extract = microdata.extract_path("sakernas")
    extract.parent.mkdir(parents=True)
    extract.write_text("K4,K6\n1,30\n")
    with pytest.raises(CompendiumError, match="SAKERNAS2020.rda: checksum mismatch, expected sha256 986f5b6a"):
        microdata.load_extract("sakernas")


@needs_microdata
def test_extract_with_other_variables_is_refused(tmp_path, monkeypatch, sakernas_raw):
    monkeypatch.setenv("COMPENDIUM_OUTPUT_DIR", str(tmp_path))
    variables = sorted(datapackage.resource("sakernas")["x-variables"])
    microdata.write_extract("sakernas", sakernas_raw, variables[1:])
    with pytest.raises(CompendiumError, match=r"data/processed/microdata_sakernas.csv: columns are not the variables "
                                              r"data/datapackage.json lists for sakernas; run notebook 01 again"):
        microdata.load_extract("sakernas")


def test_a_clone_with_windows_line_endings_passes_the_checksums(tmp_path):
    """Git for Windows clones with core.autocrlf=true; .gitattributes keeps the data bytes, so
    notebook 01's checks (checksum, header, schema, dates) pass on such a clone of the last commit."""
    git = shutil.which("git")
    if git is None or not (paths.ROOT / ".git").exists():
        pytest.skip("needs git and a git checkout")
    clone = tmp_path / "clone"
    done = subprocess.run([git, "-c", "core.autocrlf=true", "clone", "-q", str(paths.ROOT), str(clone)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    tables = [r["name"] for r in datapackage.load_descriptor(clone / "data" / "datapackage.json")["resources"]
              if not r["path"].startswith("http")]
    assert tables
    for name in tables:
        assert b"\r\n" not in datapackage.local_path(datapackage.resource(name), clone / "data").read_bytes()
        datapackage.load_table(name, clone / "data")
