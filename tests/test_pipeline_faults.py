"""What a run killed at any step of a commit, or meeting a full disk or a read-only folder, leaves
(issue 29; docs/pipeline.md, "What an interruption leaves"): after the next run no temporary
file, and every notebook's outputs all old or all new; on the terminal one line per failure,
never a traceback.

The faults come from ``tests/faulty_run.py``, which sabotages one file operation in the command
the test starts (in a process group of its own: the only one a SIGKILL goes to). Each case uses
notebook 04, the smallest, alone (``--only 04``) into a temporary output folder.
"""
import json
import shutil
import signal
from pathlib import Path

import pytest

from tests.conftest import run_faulty, run_pipeline
from tests.test_pipeline import _notebook, _tree
from kalbar_border.pipeline import execute

NB = "04_remittances_context"
ONLY = ["--only", "04", "--jobs", "1"]

#: Each step of a commit in execute.py, as the file operation the kill replaces: (operation,
#: file it is about, which call, whether the commit had begun, i.e. its journal is in place).
COMMIT_STEPS = [
    ("write", "build/html/*.html", 1, False),          # a page of the executed notebook, as a pending file
    ("write", f"build/runs/{NB}.json", 1, False),      # the new run record, as a pending file
    ("write", f"build/commits/{NB}.json", 1, False),   # the journal
    ("unlink", "figures/remittances_*", 1, True),      # the first stale figure (other years) removed
    ("replace", "figures/remittances_*", 3, True),     # midway through the replacements
    ("replace", f"build/runs/{NB}.json", 1, True),     # every output replaced, the run record next
    ("unlink", f"build/commits/{NB}.json", 1, True),   # the record in place, the journal not yet removed
]


def _leftovers(out: Path) -> list[str]:
    """Temporary files of a run: pending files, atomic-write temporaries, journals, kernel files."""
    found = [p for p in out.rglob(".*") if p.name.endswith((".pending", ".tmp"))]
    found += list((out / "build" / "commits").glob("*")) + list((out / "build" / "runtime").glob("kernel-*"))
    return sorted(p.relative_to(out).as_posix() for p in found)


def _made(out: Path) -> dict:
    """The notebook's outputs that do not vary between runs: results/ and figures/ (byte-identical)."""
    return {rel: digest for rel, digest in _tree(out).items() if rel.startswith(("results/", "figures/"))}


def _assert_all_of_one_run(out: Path, made: dict, year: int) -> None:
    """Every output of the notebook, its executed copy and its run record made with FIRST_YEAR=year."""
    assert _made(out) == made[year]
    assert json.loads((out / "build" / "runs" / f"{NB}.json").read_text())["parameters"]["FIRST_YEAR"] == year
    executed = json.loads((out / "build" / "notebooks" / f"{NB}.ipynb").read_text())
    assert executed["metadata"]["papermill"]["parameters"]["FIRST_YEAR"] == year


@pytest.mark.slow
def test_a_kill_at_any_step_of_a_commit_leaves_nothing_behind_the_next_run(tmp_path):
    """SIGKILL at each step of notebook 04's commit, with FIRST_YEAR switching between 2010 and
    2012 (which renames the figures): once the next run has recovered, no temporary file is left
    and the outputs are all those of the run before (commit not begun) or all of the killed run."""
    out = tmp_path / "out"
    made = {}
    for year in (2010, 2012):
        done = run_pipeline(out, *ONLY, f"FIRST_YEAR={year}")
        assert done.returncode == 0, done.stderr
        made[year] = _made(out)
    assert set(made[2010]) != set(made[2012])
    current = 2012
    for index, (op, where, nth, begun) in enumerate(COMMIT_STEPS):
        year = 2010 if current == 2012 else 2012
        # This run first recovers from the previous kill (copied once recovered), then is killed itself.
        recovered = tmp_path / f"recovered-{index}"
        killed = run_faulty(out, "--at", f"{op}:{where}:{nth}", "--kill", "--snapshot", recovered,
                            command=[*ONLY, f"FIRST_YEAR={year}"])
        assert killed.returncode == -signal.SIGKILL, (op, where, killed.stdout + killed.stderr)
        assert (out / "build" / "commits" / f"{NB}.json").is_file() == begun, (op, where)
        assert _leftovers(recovered) == [], COMMIT_STEPS[index - 1] if index else "the run before"
        _assert_all_of_one_run(recovered, made, current)
        current = year if begun else current
    year = 2010 if current == 2012 else 2012
    done = run_pipeline(out, *ONLY, f"FIRST_YEAR={year}")
    assert done.returncode == 0, done.stderr
    assert f"completed   {NB}: the commit of its outputs that a killed run had begun" in done.stdout
    assert _leftovers(out) == []
    _assert_all_of_one_run(out, made, year)


def _errors(stderr: str) -> list[str]:
    assert "Traceback" not in stderr, stderr
    return stderr.strip().splitlines()


@pytest.fixture(scope="module")
def finished(tmp_path_factory):
    """Notebook 04 run once: its output folder, kept as it is, and what it holds."""
    out = tmp_path_factory.mktemp("faults") / "out"
    done = run_pipeline(out, *ONLY)
    assert done.returncode == 0, done.stderr
    shutil.copytree(out, out.with_name("finished"))
    return out, _tree(out)


@pytest.fixture
def earlier(finished):
    """An output folder holding notebook 04's outputs of a finished run, and those outputs:
    the module's one run, restored at the same path (doit's record names its files by path)."""
    out, before = finished
    shutil.rmtree(out)
    shutil.copytree(out.with_name("finished"), out)
    return out, before


def _kept(out: Path, before: dict) -> bool:
    """The earlier run's outputs, executed copy and record are as they were."""
    return all(_tree(out).get(rel) == digest for rel, digest in before.items()
               if rel.startswith(("results/", "figures/", "build/notebooks/", "build/runs/")))


@pytest.mark.slow
def test_full_disk_in_a_notebook_is_one_line_and_keeps_the_outputs(earlier):
    out, before = earlier
    done = run_faulty(out, "--at", f"write:build/runs/{NB}.json:1", "--errno", "ENOSPC",
                      command=[*ONLY, "FIRST_YEAR=2012"])
    assert done.returncode != 0
    assert _errors(done.stderr) == [f"error: {NB}: cannot write build/runs/{NB}.json: No space left on device "
                                    f"(details in build/failed/{NB}.log)"]
    log = (out / "build" / "failed" / f"{NB}.log").read_text()
    assert "Traceback" in log and "No space left on device" in log
    assert _kept(out, before) and _leftovers(out) == []


@pytest.mark.slow
def test_full_disk_for_the_failure_log_too_is_still_one_line(earlier):
    out, before = earlier
    done = run_faulty(out, "--at", f"write:build/runs/{NB}.json:1", "--at", "write:build/failed/*:1",
                      "--errno", "ENOSPC", command=[*ONLY, "FIRST_YEAR=2012"], timeout=120)
    assert done.returncode != 0
    assert _errors(done.stderr) == [f"error: {NB}: cannot write build/runs/{NB}.json: No space left on device "
                                    f"(no details: cannot write build/failed/{NB}.log: No space left on device)"]
    assert _kept(out, before) and _leftovers(out) == []


def test_full_disk_for_the_report_is_one_line(earlier):
    out, before = earlier
    done = run_faulty(out, "--at", "write:build/manifest.json:1", "--errno", "ENOSPC", command=ONLY)
    assert done.returncode == 2
    assert _errors(done.stderr) == ["error: report: cannot write build/manifest.json: No space left on device "
                                    "(details in build/failed/report.log)"]
    assert _kept(out, before) and _leftovers(out) == []


def test_full_disk_for_the_report_task_is_one_line(tmp_path):
    """The report as doit's task (a run of every notebook) fails once, in the same one line."""
    nbs, out = tmp_path / "nbs", tmp_path / "out"
    _notebook(nbs, "01_x", "x = 1", meta={"outputs": []})
    done = run_faulty(out, "--at", "write:build/index.html:1", "--errno", "ENOSPC", command=["--folder", nbs])
    assert done.returncode != 0
    assert _errors(done.stderr) == ["error: report: cannot write build/index.html: No space left on device "
                                    "(details in build/failed/report.log)"]


def test_recovery_that_cannot_remove_a_leftover_is_one_line(earlier):
    out, before = earlier
    stray = out / "results" / ".remittances_share_of_gdp.csv.1-04.pending"
    stray.write_text("from a killed run")
    done = run_faulty(out, "--at", "unlink:results/.*.pending:1", "--errno", "EACCES", command=ONLY)
    assert done.returncode == 2
    assert _errors(done.stderr) == [f"error: {execute.RECOVERY}: cannot access results/{stray.name}: Permission denied "
                                    f"(details in build/failed/{execute.RECOVERY}.log)"]
    assert _kept(out, before) and stray.is_file()
