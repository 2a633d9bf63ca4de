"""The committed reference outputs stay as committed (issue 28): a run with other parameters, or
one where notebooks could not run, writes under ``build/variants/<name>/`` and names that folder;
a run without the microdata exits with the partial status; ``make clean`` deletes nothing git
tracks.

The runs happen in a copy of this working tree made into a git repository of its own (its
``lib`` first on ``PYTHONPATH``, so the kernels read the copy), without
``COMPENDIUM_OUTPUT_DIR``, as a user runs ``make reproduce`` in a checkout.
"""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kalbar_border import paths
from kalbar_border.pipeline import notebooks
from kalbar_border.workflow import PARTIAL

GIT = ["git", "-c", "user.name=t", "-c", "user.email=t@t"]


def _git(repo: Path, *args: str) -> str:
    return subprocess.run([*GIT, *args], cwd=repo, check=True, capture_output=True, text=True).stdout


def _checkout(repo: Path) -> Path:
    """Every file git tracks here, as the working tree has it, committed in a repository of its own."""
    if shutil.which("git") is None:
        pytest.skip("git not installed")
    for rel in _git(paths.ROOT, "ls-files", "-z").split("\0"):
        if rel and (paths.ROOT / rel).is_file():
            (repo / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(paths.ROOT / rel, repo / rel)
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "copy")
    return repo


@pytest.fixture
def checkout(tmp_path):
    return _checkout(tmp_path / "checkout")


def _run(repo: Path, *args: str, data: Path | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "COMPENDIUM_OUTPUT_DIR"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(repo / "lib"), os.environ.get("PYTHONPATH")]))
    if data is not None:
        env["COMPENDIUM_DATA_DIR"] = str(data)
    return subprocess.run([sys.executable, "-m", "kalbar_border.workflow", *args], cwd=repo, env=env,
                          capture_output=True, text=True, timeout=600)


def _status(repo: Path) -> str:
    return _git(repo, "status", "--porcelain", "--untracked-files=all")


@pytest.fixture(scope="module")
def variant_run(tmp_path_factory):
    """``FIRST_YEAR=2012`` for notebook 04 alone (the cheapest variant: 04 reads no other
    notebook's outputs) in a checkout of its own: (checkout, the run)."""
    repo = _checkout(tmp_path_factory.mktemp("variant"))
    return repo, _run(repo, "FIRST_YEAR=2012", "--only", "04")


@pytest.fixture(scope="module")
def offline_run(tmp_path_factory):
    """A run without the microdata (none in the cache, no download) in a checkout of its own."""
    repo = _checkout(tmp_path_factory.mktemp("offline"))
    empty = tmp_path_factory.mktemp("no-data")
    return repo, _run(repo, "DOWNLOAD=False", data=empty)


@pytest.mark.slow
def test_a_variant_run_leaves_every_tracked_file_and_names_its_folder(variant_run):
    checkout, done = variant_run
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert ("  variant     FIRST_YEAR=2012: outputs go to build/variants/FIRST_YEAR-2012/; "
            "results/ and figures/ keep the reference outputs") in lines
    assert lines[-1] == ("done: outputs in build/variants/FIRST_YEAR-2012/results/, build/variants/FIRST_YEAR-2012/figures/, "
                         "build/variants/FIRST_YEAR-2012/data/processed/; "
                         "open build/variants/FIRST_YEAR-2012/build/index.html first")
    assert (checkout / "build" / "variants" / "FIRST_YEAR-2012" / "figures" / "remittances_2012_2024_en.png").is_file()
    assert _status(checkout) == ""


@pytest.mark.slow
def test_a_variant_report_says_so_and_lists_what_differs_from_the_references(variant_run):
    variant = variant_run[0] / "build" / "variants" / "FIRST_YEAR-2012"
    manifest = json.loads((variant / "build" / "manifest.json").read_text())
    assert manifest["variant"]["reasons"] == manifest["variant"]["reasons_said"]["id"] == ["FIRST_YEAR=2012"]
    said = manifest["variant"]["differs_said"]
    assert said["en"] == manifest["variant"]["differs_from_references"] and len(said["id"]) == len(said["en"])
    assert said["id"] != said["en"]  # each report says what differs in its own language
    differs = manifest["variant"]["differs_from_references"]
    assert any(line.startswith("differs: results/remittances_share_of_gdp.csv: ") for line in differs), differs
    assert "new: figures/remittances_2012_2024_en.png: made by the run, with no committed reference" in differs
    assert "missing: figures/remittances_2010_2024_en.png: a reference the run did not make" in differs
    page = (variant / "build" / "index.html").read_text()
    assert 'id="variant"' in page and "build/variants/FIRST_YEAR-2012/" in page


@pytest.mark.slow
def test_a_run_without_the_microdata_keeps_every_tracked_file_and_exits_partial(offline_run):
    checkout, done = offline_run
    assert done.returncode == PARTIAL, done.stdout + done.stderr
    last = done.stdout.splitlines()[-1]
    assert last.startswith("partial: 05_finance_comparison, 06_finance_models did not run (microdata missing: "), last
    assert last.endswith(f"open build/variants/no-microdata/build/index.html first; exit status {PARTIAL}"), last
    assert "Traceback" not in done.stdout + done.stderr
    assert _status(checkout) == ""


@pytest.mark.slow
def test_a_run_without_the_microdata_says_how_to_provide_them(offline_run):
    skipped = [ln for ln in offline_run[1].stdout.splitlines()
               if ln.strip().startswith("skipped") and "LICENSED_MAP" not in ln]
    assert len(skipped) == 1
    for text in ("05_finance_comparison", "06_finance_models", "SUSENAS2020.rda", "SAKERNAS2020.rda",
                 "3153b45d51da9711e63b148a822768cfe5e72a1d707efa7e4f1126acaf3236b4", "COMPENDIUM_DATA_DIR",
                 "https://raw.githubusercontent.com/cran/SUSENAS/"):
        assert text in skipped[0]


@pytest.mark.slow
def test_a_run_without_the_microdata_builds_the_rest_and_its_report(offline_run):
    out = offline_run[0] / "build" / "variants" / "no-microdata"
    manifest = json.loads((out / "build" / "manifest.json").read_text())
    status = {n["notebook"]: n["status"] for n in manifest["notebooks"]}
    assert status["05_finance_comparison.ipynb"] == status["06_finance_models.ipynb"] == "skipped"
    assert [n for n, s in status.items() if s == "current"] == [
        "01_collect_data.ipynb", "02_border_series.ipynb", "03_entikong_events.ipynb",
        "04_remittances_context.ipynb", "07_claims.ipynb"]
    assert not (out / "data" / "processed").exists()
    assert "not available in this run" in (out / "results" / "provenance.csv").read_text()
    assert (out / "results" / "claims.csv").is_file() and (out / "build" / "index.html").is_file()
    assert "missing: results/financial_tests.csv: a reference the run did not make" in \
        manifest["variant"]["differs_from_references"]


def test_make_clean_removes_only_what_git_does_not_track(checkout):
    extra = [checkout / "results" / "extra.csv", checkout / "figures" / "extra_en.png",
             checkout / "build" / "variants" / "x" / "results" / "a.csv", checkout / "data" / "processed" / "a.csv"]
    for path in extra:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("a\n")
    env = {k: v for k, v in os.environ.items() if k != "COMPENDIUM_OUTPUT_DIR"}
    env["PYTHONPATH"] = str(checkout / "lib")
    done = subprocess.run([sys.executable, "-m", "kalbar_border.pipeline.lock", "clean"], cwd=checkout, env=env,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "results/extra.csv" in done.stdout and "figures/extra_en.png" in done.stdout
    assert done.stdout.rstrip().endswith("the reference outputs committed in results/ and figures/ are kept")
    assert not any(path.exists() for path in extra)
    assert _status(checkout) == ""  # nothing tracked was deleted
    assert [p.name for p in (checkout / "build").iterdir()] == [".lock"]


def test_licensed_outputs_are_ignored_by_git_wherever_they_land(checkout):
    names = ["results/licensed_comparison.csv", "results/licensed_excluded.csv", "results/08_remittances_investment.json",
             "figures/licensed_shares_en.png", "figures/licensed_shares_id.json",
             "build/variants/LICENSED_MAP-map_0123abcd/results/claims.csv"]
    ignored = subprocess.run([*GIT, "check-ignore", *names], cwd=checkout, capture_output=True, text=True)
    assert ignored.stdout.split() == names


def _plan(overrides: dict, microdata: bool = True) -> notebooks.Plan:
    return notebooks.Plan(notebooks.discover(), overrides, microdata)


def test_which_runs_make_the_references(tmp_path):
    assert _plan({}).variant_reasons() == []
    # the defaults given explicitly, and the parameters that change no reference byte
    assert _plan({"ALPHA": 0.05, "LANG": "id", "DOWNLOAD": False}).variant_reasons() == []
    # a value that is the default of one notebook (02) but not of another (04 starts in 2010)
    assert _plan({"FIRST_YEAR": 2019}).variant_reasons() == ["FIRST_YEAR=2019"]
    assert _plan({"ALPHA": 0.01}).variant_name() == "ALPHA-0.01"
    assert _plan({"PROVINCE": "all", "DEFINITION": "ever_interprovincial"}).variant_name() == \
        "DEFINITION-ever_interprovincial_PROVINCE-all"
    offline = _plan({}, microdata=False)
    assert offline.variant_reasons() == ["05_finance_comparison, 06_finance_models could not run (microdata missing)"]
    assert offline.variant_name() == "no-microdata"
    # asked for, MICRODATA=False is a variant but not a partial run
    assert _plan({"MICRODATA": False}, microdata=False).not_run == []
    maps = []
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "map.yml").write_text("x: 1\n")
        maps.append(_plan({"LICENSED_MAP": str(tmp_path / folder / "map.yml")}).variant_name())
    assert all(name.startswith("LICENSED_MAP-map_") for name in maps) and maps[0] != maps[1]
