"""An error a reader causes is said in the run's language: ``make reproduce PARAMS="LANG=id
ALPHA=2"`` is refused in Indonesian, the English run keeps its English line."""
import pytest

from kalbar_border import workflow
from kalbar_border.errors import CompendiumError
from kalbar_border.pipeline import notebooks


@pytest.mark.parametrize("overrides, english, indonesian", [
    ({"ALPHA": 2}, "parameter ALPHA=2 is not allowed; allowed: a number between 0 and 1, e.g. 0.05",
     "parameter ALPHA=2 tidak diperbolehkan; yang diperbolehkan: bilangan antara 0 dan 1"),
    ({"LANG": "ID"}, "parameter LANG='ID' is not allowed; allowed: en or id",
     "parameter LANG='ID' tidak diperbolehkan; yang diperbolehkan: en atau id"),
    ({"Alpha": 0.1}, "parameter Alpha: no notebook declares it; did you mean ALPHA? known: ",
     "parameter Alpha: tidak ada notebook yang memakainya; maksud Anda ALPHA? yang dikenal: "),
])
def test_a_refused_parameter_is_said_in_both_languages(overrides, english, indonesian):
    with pytest.raises(CompendiumError) as refused:
        notebooks.check_parameters(notebooks.discover(), overrides)
    assert str(refused.value).startswith(english) and refused.value.said("en") == str(refused.value)
    assert refused.value.said("id").startswith(indonesian)


def test_the_run_speaks_the_language_of_its_lang_parameter(capsys):
    assert workflow.main(["LANG=id", "ALPHA=2"]) == 2
    line = capsys.readouterr().err.strip()
    assert line.startswith("galat: parameter ALPHA=2 tidak diperbolehkan"), line
    assert workflow.main(["ALPHA=2"]) == 2
    assert capsys.readouterr().err.strip() == "error: parameter ALPHA=2 is not allowed; allowed: a number between 0 and 1, e.g. 0.05"
    assert workflow._language(["LANG=ID", "ALPHA=2"]) == "en"  # an unsupported LANG: English, which names the choices


def test_a_part_of_a_part_is_said_too(tmp_path):
    """"the path of {kinds}": the kinds of file are a part of the part, said in the same language."""
    data = tmp_path / "SUSENAS.xlsx"
    data.write_bytes(b"x")
    with pytest.raises(CompendiumError) as refused:
        notebooks.check_parameters(notebooks.discover(), {"SUSENAS_PATH": str(data), "SAKERNAS_PATH": str(data)})
    assert "allowed: None or the path of a file of format .rda" in str(refused.value)
    assert "yang diperbolehkan: None atau path berkas berformat .rda" in refused.value.said("id")
