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


def test_the_runs_own_lines_follow_lang():
    """The plan's skipped line and the reporter's status column are said in the run's LANG;
    an English run keeps its lines byte for byte."""
    import io
    from types import SimpleNamespace

    for lang, skipped, running, done in (("en", "  skipped     08_", "  running     01_x\n", "  done        report\n"),
                                         ("id", "  dilewati    08_", "  berjalan    01_x\n", "  selesai     report\n")):
        lines = []
        notebooks.make_plan({"LANG": lang}, echo=lines.append, download=False)
        licensed = [line for line in lines if "08_" in line]
        assert licensed and licensed[0].startswith(skipped), lines
        out = io.StringIO()
        workflow.RunReporter.lang = lang
        try:
            reporter = workflow.RunReporter(out, {})
            reporter.execute_task(SimpleNamespace(name="01_x"))
            reporter.add_success(SimpleNamespace(name="report"))
        finally:
            workflow.RunReporter.lang, workflow.RunReporter.last = "en", None
        assert out.getvalue() == running + done
    assert "LICENSED_MAP tidak diberikan" in licensed[0] and "docs/licensed_data.id.md" in licensed[0]


def test_an_error_is_said_in_the_language_errors_are_asked_in(monkeypatch):
    """``str()`` of a labelled error follows the run's language (the environment a run sets for
    itself and its kernels); a plain message stays as written, and English is the default."""
    from kalbar_border import errors

    monkeypatch.delenv(errors.LANG_ENV, raising=False)
    raised = lambda: CompendiumError(key="error_parameter_unknown", name="X", known="ALPHA")  # noqa: E731
    assert str(raised()) == "parameter X: no notebook declares it; known: ALPHA"
    with errors.messages_in("id"):
        assert str(raised()) == raised().said("id") == "parameter X: tidak ada notebook yang memakainya; yang dikenal: ALPHA"
        assert str(CompendiumError("as written")) == "as written"
    assert errors.LANG_ENV not in __import__("os").environ
    monkeypatch.setenv(errors.LANG_ENV, "fr")  # unsupported: English, never a failure to say the error
    assert str(raised()).startswith("parameter X: no notebook")


@pytest.mark.slow
def test_an_error_raised_in_a_notebook_reaches_the_terminal_in_the_runs_language(tmp_path):
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    from kalbar_border.pipeline import notebooks as spec
    from tests.shared_runs import run_pipeline

    nb = new_notebook(metadata={"kernelspec": {"name": spec.KERNEL, "display_name": "k", "language": "python"},
                                "kalbar": {"outputs": []}})
    params = new_code_cell("LANG = 'en'  # en or id")
    params.metadata["tags"] = ["parameters"]
    nb.cells = [params, new_code_cell("from kalbar_border.errors import CompendiumError\n"
                                      "raise CompendiumError(key='error_parameter_unknown', name='X', known='ALPHA')")]
    (tmp_path / "nbs").mkdir()
    nbformat.write(nb, tmp_path / "nbs" / "01_fails.ipynb")
    done = run_pipeline(tmp_path / "out", "--folder", tmp_path / "nbs", "LANG=id")
    assert done.returncode == 1
    assert "tidak ada notebook yang memakainya" in done.stderr and "no notebook declares it" not in done.stderr, done.stderr


def test_a_held_run_lock_is_said_in_both_languages(tmp_path, monkeypatch):
    """A second run of the same checkout stops at once, in the run's language; the English line
    is the one it always was."""
    from kalbar_border.pipeline.lock import RunLock

    monkeypatch.setenv("COMPENDIUM_OUTPUT_DIR", str(tmp_path))
    with RunLock():
        with pytest.raises(CompendiumError) as held, RunLock():
            pass
    pid = held.value.values["holder"]
    assert str(held.value) == (f"another run (process {pid}) holds build/.lock; wait for it to finish (or pass --wait), "
                               "then run again")
    assert held.value.said("id") == (f"run lain (proses {pid}) sedang memegang build/.lock; tunggu sampai selesai "
                                     "(atau beri --wait), lalu jalankan lagi")


def test_a_verify_difference_line_is_said_in_both_languages(tmp_path):
    from kalbar_border import verify

    ref, run = tmp_path / "ref", tmp_path / "run"
    for root, share in ((ref, "0.35712345678901"), (run, "0.3572")):
        (root / "results").mkdir(parents=True)
        (root / "results" / "x.csv").write_text(f"indicator,share\nsavings,{share}\n")
    (ref / "results" / "gone.json").write_text("{}")
    assert verify.compare(ref, run)[0] == ["missing: results/gone.json: a reference the run did not make",
                                           "differs: results/x.csv: row 1, column share: '0.3572' instead of "
                                           "'0.35712345678901'"]
    assert verify.compare(ref, run, "id")[0] == ["tidak ada: results/gone.json: rujukan yang tidak dibuat oleh run",
                                                 "berbeda: results/x.csv: baris 1, kolom share: '0.3572', bukan "
                                                 "'0.35712345678901'"]
    assert verify.compare_file("results/x.json", b'{"a": {"b": 1}}', b'{"a": {"c": 1}}', "id") == \
        ("differs", "kunci a.b tidak ada")


def test_a_teaching_check_without_its_table_is_said_in_the_copys_language(capsys, monkeypatch):
    """A student copy's kernel prints the check's input error in one line, in the copy's language."""
    from kalbar_border import teaching

    with pytest.raises(CompendiumError) as refused:
        teaching.evaluate("05.1", 0.5)
    assert str(refused.value) == "teaching.check('05.1', answer, frames=frames): pass the notebook's frames"
    monkeypatch.setitem(teaching._SESSION, "lang", "id")
    teaching._one_line(None, type(refused.value), refused.value, None)
    assert capsys.readouterr().err.strip().endswith(
        "`teaching.check('05.1', answer, frames=frames)`: berikan frames dari notebook ini")


def test_a_system_error_and_a_refused_timeout_are_said_in_the_runs_language(tmp_path, monkeypatch, capsys):
    import errno

    from kalbar_border.pipeline import failures

    monkeypatch.setenv("COMPENDIUM_OUTPUT_DIR", str(tmp_path))
    full = failures.os_error("run", OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "build" / "x.json")))
    assert str(full).startswith("run: cannot write ") and str(full).endswith(
        "x.json: No space left on device (details in build/failed/run.log)")
    assert full.said("id").startswith("run: tidak dapat menulis ") and full.said("id").endswith(
        "x.json: No space left on device (rinciannya di build/failed/run.log)")
    assert workflow.main(["LANG=id", "--timeout", "soon"]) == 2
    assert capsys.readouterr().err.strip() == "galat: TIMEOUT='soon': diharapkan bilangan bulat detik per sel, misalnya TIMEOUT=600"
    assert workflow.main(["--timeout", "soon"]) == 2
    assert capsys.readouterr().err.strip() == "error: TIMEOUT='soon': expected a whole number of seconds per cell, e.g. TIMEOUT=600"


def test_the_missing_microdata_lines_follow_lang(tmp_path, monkeypatch):
    """Without the microdata: the skipped line and the variant's reason, in the run's LANG."""
    monkeypatch.setenv("COMPENDIUM_DATA_DIR", str(tmp_path))
    for lang, skipped, reason in (("en", "microdata not in ", "could not run (microdata missing)"),
                                  ("id", "data mikro tidak ada di ", "tidak dapat berjalan (data mikro tidak tersedia)")):
        lines = []
        plan = notebooks.make_plan({"LANG": lang}, echo=lines.append, download=False)
        assert any(line.split(": ", 1)[-1].startswith(skipped) for line in lines), lines
        assert plan.variant_reasons(lang)[-1].endswith(reason)
    assert plan.variant_reasons()[-1].endswith("could not run (microdata missing)")  # the manifest's, in English
