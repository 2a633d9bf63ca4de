"""An Indonesian reader gets Indonesian errors (issue 32): every error label and every part of
one is Indonesian, and real errors of the data, finance and border modules say their English
line unchanged and their Indonesian one through ``said("id")``. Fast: small files in a
temporary folder, no pipeline run."""
import re
from pathlib import Path

import pytest

from kalbar_border import texts
from kalbar_border.data import microdata
from kalbar_border.errors import CompendiumError
from kalbar_border.figures.labels import LABELS, label
from tests.test_indonesian_edition import english_words


@pytest.mark.parametrize("key", sorted(k for k in LABELS if k.startswith(("error_", "allowed_", "warning_", "part_", "run_"))))
def test_every_error_label_is_indonesian(key):
    """The Indonesian of every error, part of one and line of the run, its placeholders (file
    names, values) and paths (results/, figures/) blanked, as the terminal's scan blanks them."""
    said = re.sub(r"\S*/\S*", " ", texts.PLACEHOLDER.sub("", label(key, "id")))
    assert english_words(said) == [], key


def _refused(call, *args, **kwargs) -> CompendiumError:
    with pytest.raises(CompendiumError) as refused:
        call(*args, **kwargs)
    error = refused.value
    assert error.key is not None, str(error)  # a keyed label, not a plain English string
    assert error.said("en") == str(error)
    said = error.said("id")
    # a folder of the machine may hold any word, and the names a map may use are its identifiers
    for name in ("path", "where", "source", "file", "known"):
        if isinstance(error.values.get(name), (str, Path)):
            said = said.replace(str(error.values[name]), " ")
    assert said != str(error) and english_words(said) == [], said
    return error


def test_a_checksum_mismatch_is_said_in_indonesian(tmp_path):
    data = tmp_path / "susenas.rda"
    data.write_bytes(b"not the file BPS shipped")
    error = _refused(microdata.verify, data, "0" * 64)
    actual = microdata.sha256_file(data)
    assert str(error) == (f"{data}: checksum mismatch, expected sha256 {'0' * 64}, got {actual}; "
                          "delete the file so that it is downloaded again")
    assert error.said("id") == (f"{data}: checksum (nilai hash sha256) tidak cocok: seharusnya sha256 {'0' * 64}, "
                                f"ternyata {actual}; hapus berkas itu agar diunduh ulang")


def test_a_file_without_extension_is_said_with_its_parts(tmp_path):
    error = _refused(microdata.check_format, tmp_path / "SUSENAS")
    assert str(error).endswith("format (no extension) cannot be read; accepted: .rda, .rdata, .dta, .sav, .csv")
    assert error.said("id").endswith("format (tanpa ekstensi) tidak dapat dibaca; yang diterima: .rda, .rdata, .dta, "
                                     ".sav, .csv")


def test_a_bad_licensed_map_is_said_in_indonesian(tmp_path):
    from kalbar_border.data import licensed_map

    error = _refused(licensed_map.read_map, None)
    assert str(error).startswith("LICENSED_MAP not given: notebook 08 runs only on a licensed BPS file")
    assert error.said("id").startswith("LICENSED_MAP tidak diberikan: notebook 08 hanya berjalan")
    path = tmp_path / "map.yml"
    path.write_text("fiel: survey.dta\n")
    error = _refused(licensed_map.read_map, path)
    assert str(error).startswith(f"{path}: unknown field 'fiel' (did you mean 'file'?); known: file, survey")
    assert error.said("id").startswith(f"{path}: isian 'fiel' tidak dikenal (maksud Anda 'file'?); yang dikenal: file")
    path.write_text("file: [unclosed\n")
    assert _refused(licensed_map.read_map, path).said("id").startswith(f"{path} baris 2: bukan YAML yang sah")


def test_names_a_file_lacks_are_each_said_in_indonesian(tmp_path):
    """A list of problems, each a label of its own, with the hint of a mobility-module file."""
    from kalbar_border.data import public_map

    spec = {"dataset": "susenas", "path": "susenas.yml", "names": {"FWT": "WEIGHT", "KLASIF": "KOTA"}}
    columns = ["WEIGHTS", "KLASIF_X", "kirim_uang"]
    error = _refused(public_map.check_columns, spec, columns, tmp_path / "S.csv", given=True)
    assert str(error).startswith("susenas.yml: variables.FWT: variable 'WEIGHT' is not in S.csv (closest: WEIGHTS); "
                                 "variables.KLASIF: variable 'KOTA' is not in S.csv; expected the names of S.csv "
                                 "(matched ignoring case); it looks like a labour-mobility or remittance file "
                                 "(kirim_uang)")
    assert error.said("id").startswith("susenas.yml: variables.FWT: variabel 'WEIGHT' tidak ada di S.csv (yang paling "
                                       "mirip: WEIGHTS); variables.KLASIF: variabel 'KOTA' tidak ada di S.csv; "
                                       "seharusnya nama-nama di S.csv")


def test_a_raw_table_that_changed_or_is_unknown_is_said_in_indonesian(tmp_path):
    from kalbar_border.data import datapackage

    (tmp_path / "border_series.csv").write_text("row_id\nBS001\n")
    res = {"path": "border_series.csv", "hash": "sha256:" + "0" * 64}
    error = _refused(datapackage.verify_checksum, res, tmp_path)
    assert ": checksum mismatch, expected sha256 " in str(error)
    assert ": checksum (nilai hash sha256) tidak cocok: seharusnya sha256 " in error.said("id")
    error = _refused(datapackage.resource, "border_seris")
    assert str(error).startswith("data/datapackage.json: no resource 'border_seris'; known: ")
    assert error.said("id").startswith("data/datapackage.json: tidak ada sumber daya (resource) 'border_seris'; "
                                       "yang dikenal: ")


def test_a_bad_counts_file_is_said_in_indonesian(tmp_path):
    from kalbar_border.finance import counts

    path = tmp_path / "counts.csv"
    path.write_text("indicator,group,n,count\nsent,migrant,10,12\n")
    error = _refused(counts.read_counts, path)
    assert str(error) == ("counts file counts.csv, row 1 (line 2), field 'count' is '12'; "
                          "expected a whole number from 0 to n = 10")
    assert error.said("id") == ("berkas hitungan counts.csv, baris data 1 (baris 2), kolom 'count' berisi '12'; "
                                "seharusnya bilangan bulat dari 0 sampai n = 10")
    path.write_text("indicator,group,n,count\nsent,migrant,10,2\n")
    error = _refused(counts.read_counts, path)
    assert str(error).endswith("has no row for group 'non_migrant'; expected both migrant and non_migrant")
    assert error.said("id").endswith("seharusnya ada keduanya, `migrant` dan `non_migrant`")


def test_an_unknown_choice_is_said_with_its_name_in_indonesian():
    from kalbar_border.finance import variables

    error = _refused(variables.check_definition, "lifetim")
    assert str(error).startswith("migrant definition 'lifetim' is not known; use one of: ")
    assert error.said("id").startswith("definisi migran 'lifetim' tidak dikenal; pakai salah satu dari: ")


def test_a_border_series_error_is_said_in_indonesian():
    from kalbar_border.border import timeseries

    error = _refused(timeseries.percent_change, 0, 5)
    assert str(error) == "percent change from 0 to 5 is undefined; expected a non-zero base"
    assert error.said("id") == "persentase perubahan dari 0 ke 5 tidak terdefinisi; seharusnya nilai awal bukan nol"


def test_a_deportation_date_that_is_no_calendar_day_is_said_in_indonesian():
    from kalbar_border.border import deportations

    error = _refused(deportations._parse_date, "EV007", "2020-02-30")
    assert str(error) == ("entikong_events: row EV007, field 'deportation_date': expected a calendar date, "
                          "got '2020-02-30'")
    assert error.said("id") == ("entikong_events: baris EV007, kolom 'deportation_date': seharusnya tanggal yang ada "
                                "di kalender, ternyata '2020-02-30'")


def test_a_download_that_fails_on_every_route_says_each_route_in_indonesian(monkeypatch, tmp_path):
    """The cause of each route is said too: a tarball whose file has another sha256 is Indonesian."""
    spec = microdata.DATASETS["susenas"]
    monkeypatch.setattr(microdata.paths, "cache_dir", lambda: tmp_path)

    def mirror(spec, cache):
        raise OSError("no network")

    def tarball(spec, url, cache):
        raise CompendiumError(key="error_microdata_tar_member", url=url, member=spec.tar_member)

    monkeypatch.setattr(microdata, "_download_mirror", mirror)
    monkeypatch.setattr(microdata, "_download_tarball", tarball)
    with pytest.raises(CompendiumError) as refused:
        microdata.fetch("susenas")
    error = refused.value
    assert f"(OSError: no network | {spec.cran_tarball}: member {spec.tar_member} not found in the tarball | " in str(error)
    assert f"(OSError: no network | {spec.cran_tarball}: anggota {spec.tar_member} tidak ditemukan di dalam arsip tar" \
        in error.said("id")
