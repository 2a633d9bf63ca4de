"""An Indonesian reader gets Indonesian errors (issue 32): every error label and every part of
one is Indonesian, and real errors of the data, finance and border modules say their English
line unchanged and their Indonesian one through ``said("id")``. Fast: small files in a
temporary folder, no pipeline run."""
import pytest

from kalbar_border import texts
from kalbar_border.data import microdata
from kalbar_border.errors import CompendiumError
from kalbar_border.figures.labels import LABELS, label
from tests.test_indonesian_edition import english_words


@pytest.mark.parametrize("key", sorted(k for k in LABELS if k.startswith(("error_", "allowed_"))))
def test_every_error_label_is_indonesian(key):
    """The Indonesian of every error and part of one, its placeholders (file names, values) blanked."""
    assert english_words(texts.PLACEHOLDER.sub(" ", label(key, "id"))) == [], key


def _refused(call, *args, **kwargs) -> CompendiumError:
    with pytest.raises(CompendiumError) as refused:
        call(*args, **kwargs)
    error = refused.value
    assert error.key is not None, str(error)  # a keyed label, not a plain English string
    assert error.said("en") == str(error)
    said = error.said("id")
    assert said != str(error) and english_words(said.replace(str(error.values.get("path", "")), " ")) == [], said
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
