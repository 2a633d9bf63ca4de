"""Data collection: every raw file is checked by hash and schema, and each kind of bad
input stops with one line naming file, row, field, value and rule."""
import csv
import http.server
import shutil
import subprocess
import tarfile
import threading
from functools import partial

import pytest

from kalbar_border import paths
from kalbar_border.data import datapackage, microdata, provenance
from kalbar_border.errors import CompendiumError

from .conftest import needs_microdata


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """A temporary copy of data/ that the tests may break; the package points at it."""
    base = tmp_path / "data"
    shutil.copytree(paths.DATA, base, ignore=shutil.ignore_patterns("cache", "processed"))
    return base


def _edit(base, table, row_index, field, value):
    path = base / "raw" / "sources" / f"{table}.csv"
    with open(path, newline="") as fh:
        rows = list(csv.DictReader(fh))
    rows[row_index][field] = value
    with open(path, "w", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _schema_error(base, table):
    res = datapackage.resource(table)
    with pytest.raises(CompendiumError) as err:
        datapackage.verify_schema(res, base)
    return str(err.value)


def test_committed_tables_verify():
    for table in datapackage.TABLE_META:
        record = datapackage.verify_table(table)
        assert record["status"] == "verified" and record["rows"] > 0


def test_checksum_mismatch_names_file_and_both_hashes(data_copy):
    path = data_copy / "raw" / "sources" / "border_series.csv"
    path.write_bytes(path.read_bytes() + b"\n")
    res = datapackage.resource("border_series")
    with pytest.raises(CompendiumError) as err:
        datapackage.verify_checksum(res, data_copy)
    expected = res["hash"].split(":")[1]
    actual = microdata.sha256_file(path)
    assert str(err.value).endswith(f"border_series.csv: checksum mismatch, expected sha256 {expected}, got {actual}")


@pytest.mark.parametrize("table, field, value, rule", [
    ("border_series", "value", "-5", "row 2, field 'value', value '-5': constraint \"minimum\" is \"0\""),
    ("border_series", "year", "1890", "row 2, field 'year', value '1890': constraint \"minimum\" is \"2000\""),
    ("border_series", "series", "made_up_series", "row 2, field 'series', value 'made_up_series': constraint \"enum\""),
    ("border_series", "period", "", "row 2, field 'period', value '': constraint \"required\" is \"True\""),
    ("entikong_events", "total_deported", "-1", "row 2, field 'total_deported', value '-1': constraint \"minimum\" is \"0\""),
])
def test_schema_violation_is_one_line_with_row_field_value_rule(data_copy, table, field, value, rule):
    _edit(data_copy, table, 0, field, value)
    message = _schema_error(data_copy, table)
    assert f"{table}.csv: {rule}" in message
    assert "\n" not in message


def test_missing_raw_file_names_file(data_copy):
    (data_copy / "raw" / "sources" / "macro_remittances.csv").unlink()
    with pytest.raises(CompendiumError, match=r"macro_remittances.csv: raw file missing; restore it from git"):
        datapackage.verify_checksum(datapackage.resource("macro_remittances"), data_copy)


def test_missing_microdata_without_network_names_file_and_variable(tmp_path, monkeypatch):
    monkeypatch.setenv("COMPENDIUM_DATA_DIR", str(tmp_path))
    with pytest.raises(CompendiumError) as err:
        microdata.fetch("susenas", download=False)
    assert str(err.value) == (f"SUSENAS2020.rda: not found in cache {tmp_path}; put the file there "
                              "or set COMPENDIUM_DATA_DIR to the folder holding it")


def test_wrong_cached_microdata_is_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("COMPENDIUM_DATA_DIR", str(tmp_path))
    (tmp_path / "SAKERNAS2020.rda").write_bytes(b"not the file")
    with pytest.raises(CompendiumError, match="SAKERNAS2020.rda: checksum mismatch, expected sha256 986f5b6a"):
        microdata.fetch("sakernas")


@pytest.fixture
def local_server(tmp_path):
    """An HTTP server on loopback serving tmp_path/www (stands in for the mirror)."""
    www = tmp_path / "www"
    www.mkdir()
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(www))
    handler.log_message = lambda *a, **k: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield www, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_truncated_download_is_rejected_and_not_cached(tmp_path, monkeypatch, local_server):
    www, url = local_server
    (www / "SUSENAS2020.rda").write_bytes(b"truncated")
    cache = tmp_path / "cache"
    monkeypatch.setenv("COMPENDIUM_DATA_DIR", str(cache))
    spec = microdata.DATASETS["susenas"]
    broken = microdata.Microdata(spec.name, spec.sha256, f"{url}/SUSENAS2020.rda", f"{url}/missing.tar.gz", spec.tar_member)
    monkeypatch.setitem(microdata.DATASETS, "susenas", broken)
    with pytest.raises(CompendiumError) as err:
        microdata.fetch("susenas")
    assert "SUSENAS2020.rda: not in cache" in str(err.value) and "download failed" in str(err.value)
    assert "\n" not in str(err.value)
    assert not (cache / "SUSENAS2020.rda").exists()


@needs_microdata
def test_good_download_is_verified_and_cached(tmp_path, monkeypatch, local_server):
    www, url = local_server
    shutil.copy(paths.cache_dir() / "SAKERNAS2020.rda", www / "SAKERNAS2020.rda")
    cache = tmp_path / "cache"
    monkeypatch.setenv("COMPENDIUM_DATA_DIR", str(cache))
    spec = microdata.DATASETS["sakernas"]
    local = microdata.Microdata(spec.name, spec.sha256, f"{url}/SAKERNAS2020.rda", spec.cran_tarball, spec.tar_member)
    monkeypatch.setitem(microdata.DATASETS, "sakernas", local)
    path = microdata.fetch("sakernas")
    assert path == cache / "SAKERNAS2020.rda" and microdata.sha256_file(path) == spec.sha256


@needs_microdata
def test_a_tarball_moved_to_the_cran_archive_is_still_found(tmp_path, monkeypatch, local_server):
    """Once a newer version is published, CRAN moves the pinned tarball to src/contrib/Archive/:
    the download falls back to that address, and the member is verified as before."""
    www, url = local_server
    archive = www / "src" / "contrib" / "Archive" / "SAKERNAS"
    archive.mkdir(parents=True)
    spec = microdata.DATASETS["sakernas"]
    with tarfile.open(archive / "SAKERNAS_0.1.0.tar.gz", "w:gz") as tar:
        tar.add(paths.cache_dir() / spec.filename, arcname=spec.tar_member)
    cache = tmp_path / "cache"
    monkeypatch.setenv("COMPENDIUM_DATA_DIR", str(cache))
    moved = microdata.Microdata(spec.name, spec.sha256, f"{url}/gone/SAKERNAS2020.rda",
                                f"{url}/src/contrib/SAKERNAS_0.1.0.tar.gz", spec.tar_member)
    assert moved.cran_archive == f"{url}/src/contrib/Archive/SAKERNAS/SAKERNAS_0.1.0.tar.gz"
    assert spec.cran_archive == "https://cran.r-project.org/src/contrib/Archive/SAKERNAS/SAKERNAS_0.1.0.tar.gz"
    monkeypatch.setitem(microdata.DATASETS, "sakernas", moved)
    path = microdata.fetch("sakernas")
    assert path == cache / "SAKERNAS2020.rda" and microdata.sha256_file(path) == spec.sha256


@needs_microdata
def test_provenance_table_covers_every_resource():
    table = provenance.provenance_table(download=False)
    names = [r["name"] for r in datapackage.load_descriptor()["resources"]]
    assert list(table["dataset"]) == names
    assert table["status"].str.startswith("verified").all()
    assert table.set_index("dataset").loc["susenas", "rows"] == 24915


def test_gaps_are_kept_visible():
    gaps = provenance.gaps()
    assert len(gaps) >= 10
    assert "kalbar_pmi_placements" in set(gaps["series"])


def test_datapackage_is_current():
    """The committed descriptor equals the one rebuilt from the committed raw files."""
    assert datapackage.load_descriptor() == datapackage.build_descriptor()


def test_no_microdata_tracked_by_git():
    files = subprocess.run(["git", "ls-files"], cwd=paths.ROOT, capture_output=True, text=True).stdout.split()
    assert not [f for f in files if f.lower().endswith((".rda", ".rdata", ".rds"))]
    # The extracts notebook 01 writes are person-level microdata too.
    assert not [f for f in files if f.startswith("data/processed/")]
    for key in microdata.DATASETS:
        extract = f"data/processed/microdata_{key}.csv"
        ignored = subprocess.run(["git", "check-ignore", "-q", extract], cwd=paths.ROOT)
        assert ignored.returncode == 0, f"{extract} is not git-ignored"


def test_datapackage_lists_every_variable_the_analysis_reads():
    from kalbar_border.finance import variables

    for key, used in (("susenas", variables._SUSENAS_VARS), ("sakernas", variables._SAKERNAS_VARS)):
        listed = datapackage.resource(key)["x-variables"]
        assert set(used) <= set(listed), f"{key}: {sorted(set(used) - set(listed))} not in data/datapackage.json"


@needs_microdata
@pytest.mark.parametrize("key", ["susenas", "sakernas"])
def test_extract_reads_back_equal_to_the_rda(key, tmp_path, monkeypatch, susenas_raw, sakernas_raw):
    """The extract notebook 01 writes gives the same values and types as the .rda, and the
    same analysis frame."""
    import pandas as pd

    from kalbar_border.finance import variables

    monkeypatch.setenv("COMPENDIUM_OUTPUT_DIR", str(tmp_path))
    raw = {"susenas": susenas_raw, "sakernas": sakernas_raw}[key]
    names = datapackage.resource(key)["x-variables"]
    microdata.write_extract(key, raw, names)
    back = microdata.load_extract(key)
    assert list(back.columns) == sorted(names)
    pd.testing.assert_frame_equal(back, raw[sorted(names)].reset_index(drop=True), check_dtype=False)
    build = getattr(variables, f"{key}_frame")
    pd.testing.assert_frame_equal(build(back), build(raw))


@needs_microdata
def test_extract_refuses_missing_variable_and_wrong_type(tmp_path, monkeypatch, sakernas_raw):
    monkeypatch.setenv("COMPENDIUM_OUTPUT_DIR", str(tmp_path))
    variables = datapackage.resource("sakernas")["x-variables"]
    with pytest.raises(CompendiumError, match=r"SAKERNAS2020.rda: variables \['K6'\] missing"):
        microdata.write_extract("sakernas", sakernas_raw.drop(columns=["K6"]), variables)
    with pytest.raises(CompendiumError, match="SAKERNAS2020.rda: variable K4 is text; expected numeric"):
        microdata.write_extract("sakernas", sakernas_raw.assign(K4=sakernas_raw["K4"].astype(str)), variables)
    assert not microdata.extract_path("sakernas").exists()  # nothing half-written


@needs_microdata
def test_without_extract_the_verified_file_is_read(tmp_path, monkeypatch, sakernas_raw):
    import pandas as pd

    monkeypatch.setenv("COMPENDIUM_OUTPUT_DIR", str(tmp_path))
    assert not microdata.extract_path("sakernas").exists()
    variables = sorted(datapackage.resource("sakernas")["x-variables"])
    pd.testing.assert_frame_equal(microdata.load_extract("sakernas"), sakernas_raw[variables].astype("float64"))
