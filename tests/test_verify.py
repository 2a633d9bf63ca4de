"""The committed reference outputs (issue 24): they match what this code makes, and
``make verify`` names every file that does not, in one line each."""
import shutil
import subprocess
import sys

import pytest

from kalbar_border import paths, verify


def _copy_references(dest):
    for rel in verify.reference_files(paths.ROOT):
        (dest / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(paths.ROOT / rel, dest / rel)
    return dest


def test_the_committed_references_are_what_this_code_makes(pipeline_run):
    """A change that moves a result must update the references in the same commit (make reproduce,
    then commit results/ and figures/)."""
    failures, _ = verify.compare(paths.ROOT, pipeline_run[0])
    assert failures == [], "\n".join(failures)
    assert len(verify.reference_files(paths.ROOT)) > 60


def test_a_reference_changed_by_hand_fails_with_one_line(tmp_path, pipeline_run):
    refs = _copy_references(tmp_path / "refs")
    claims = refs / "results" / "claims.csv"
    claims.write_text(claims.read_text().replace("not_checkable", "reproduced", 1))
    done = subprocess.run([sys.executable, "-m", "kalbar_border.verify", "--run", str(pipeline_run[0]),
                           "--references", str(refs)], capture_output=True, text=True)
    assert done.returncode == 1
    lines = [ln for ln in done.stderr.splitlines() if not ln.startswith("verify:")]
    assert len(lines) == 1 and lines[0].startswith("differs: results/claims.csv: row ")
    assert "column status: 'not_checkable' instead of 'reproduced'" in lines[0]


def test_last_digit_differences_pass_within_tolerance_and_larger_ones_fail():
    ref = b"indicator,share\nsavings,0.35712345678901\n"
    assert verify.compare_file("results/x.csv", ref, ref) == ("identical", "")
    assert verify.compare_file("results/x.csv", ref, b"indicator,share\nsavings,0.35712345678902\n")[0] == "within_tolerance"
    verdict, detail = verify.compare_file("results/x.csv", ref, b"indicator,share\nsavings,0.3572\n")
    assert verdict == "differs" and detail == "row 1, column share: '0.3572' instead of '0.35712345678901'"
    assert verify.compare_file("results/x.json", b'{"a": {"b": 1.0}}', b'{"a": {"b": 1.0000000000001}}')[0] == "within_tolerance"
    assert verify.compare_file("results/x.json", b'{"a": {"b": 1}}', b'{"a": {"c": 1}}') == ("differs", "key a.b missing")
    assert verify.compare_file("figures/x.png", b"\x89PNG1", b"\x89PNG2")[0] == "differs"


@pytest.mark.parametrize("change", ["missing", "new"])
def test_missing_and_unexpected_files_are_named(tmp_path, pipeline_run, change):
    refs = _copy_references(tmp_path / "refs")
    if change == "missing":
        (refs / "results" / "placements.csv").unlink()
        expected = "new: results/placements.csv"
    else:
        (refs / "results" / "extra.csv").write_text("a\n1\n")
        expected = "missing: results/extra.csv"
    failures, _ = verify.compare(refs, pipeline_run[0])
    assert len(failures) == 1 and failures[0].startswith(expected)


def test_the_readme_maps_every_output_and_states_current_numbers():
    """A replicator finds each committed table and figure in the README's table, and the
    README's summary says what the committed results say."""
    import json
    import re

    readme = (paths.ROOT / "README.md").read_text()
    mapping = readme[readme.index("## Where each output comes from"):readme.index("## Teaching")]
    for rel in sorted(verify.reference_files(paths.ROOT)):
        name = rel.split("/")[1]
        if rel.startswith("results/") and re.match(r"\d\d_", name) is None:
            assert name.split(".")[0] in mapping, f"README does not say which notebook makes {rel}"
        if rel.startswith("figures/") and rel.endswith("_en.png"):
            assert name.removesuffix("_en.png") in mapping, f"README does not say which notebook makes {rel}"
    results = json.loads((paths.ROOT / "results" / "results.json").read_text())
    robust = {k.removeprefix("finance.robustness."): v for k, v in results.items() if k.startswith("finance.robustness.")}
    assert f"{robust['holds']} of {robust['eligible']} eligible comparisons hold" in readme
    assert f"{robust['holds_distinct']} distinct differences" in readme
    assert f"{robust['inconclusive']} of the rest are inconclusive" in readme
    assert f"{robust['rows'] - robust['eligible']} comparisons are not eligible" in readme
    assert (f"({robust['ineligible_no_model']} not modelled, {robust['ineligible_few_df']} with too few degrees of "
            f"freedom, {robust['ineligible_zero_cell']} with a share of 0 or 1 and {robust['ineligible_no_test']} "
            "without a test for another reason)") in readme
    for link in re.findall(r"\]\(((?:docs|teaching)/[^)#]+)\)", readme):
        assert (paths.ROOT / link).is_file(), link


def _git(repo, *args):
    return subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=repo, check=True,
                          capture_output=True, text=True).stdout


@pytest.fixture
def references_repo(tmp_path, monkeypatch):
    """A git repository holding this code's reference outputs, committed, standing in for the
    compendium's repository (``paths.ROOT``) in this process."""
    if shutil.which("git") is None:
        pytest.skip("git not installed")
    repo = _copy_references(tmp_path / "repo")
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "references")
    monkeypatch.setattr(paths, "ROOT", repo)
    return repo


def test_verify_reads_the_commit_not_the_working_tree(references_repo, pipeline_run, capsys):
    """A wrong reference committed, then a run that rewrites the working tree with the right
    bytes (as make reproduce does): verify still fails, naming the file, and says the working
    tree differs from the commit."""
    claims = references_repo / "results" / "claims.csv"
    right = claims.read_text()
    claims.write_text(right.replace("not_checkable", "reproduced", 1))
    _git(references_repo, "commit", "-q", "-am", "a wrong reference")
    claims.write_text(right)  # the run rewrote it
    assert verify.main(["--run", str(pipeline_run[0])]) == 1
    out, err = capsys.readouterr()
    assert "note: the working tree's results/ and figures/ differ from HEAD in 1 file(s) (results/claims.csv)" in out
    lines = [ln for ln in err.splitlines() if not ln.startswith("verify:")]
    assert len(lines) == 1 and lines[0].startswith("differs: results/claims.csv: row ")
    assert "column status: 'not_checkable' instead of 'reproduced'" in lines[0]
    assert "verify: 1 of " in err
    # The commit before the wrong one, named as make verify REF= names it, matches.
    assert verify.main(["--run", str(pipeline_run[0]), "--ref", "HEAD~1"]) == 0
    assert "match (0 within tolerance, the rest byte-identical)" in capsys.readouterr().out


def test_verify_refuses_an_unknown_ref_in_one_line(references_repo, pipeline_run, capsys):
    assert verify.main(["--run", str(pipeline_run[0]), "--ref", "v9.9.9"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: cannot read the references of 'v9.9.9' from git")


def test_verify_speaks_indonesian_when_asked(references_repo, pipeline_run, capsys):
    """make verify PARAMS="LANG=id": its lines, a difference and a refusal in Indonesian."""
    claims = references_repo / "results" / "claims.csv"
    right = claims.read_text()
    claims.write_text(right.replace("not_checkable", "reproduced", 1))
    _git(references_repo, "commit", "-q", "-am", "a wrong reference")
    claims.write_text(right)
    assert verify.main(["--run", str(pipeline_run[0]), "--lang", "id"]) == 1
    out, err = capsys.readouterr()
    assert out.startswith("catatan: results/ dan figures/ di pohon kerja berbeda dari HEAD pada 1 berkas")
    assert "verify: 1 dari " in err and "berkas rujukan" in err and "differ" not in err.replace("differs:", "")
    assert verify.main(["--run", str(pipeline_run[0]), "--ref", "HEAD~1", "--lang", "id"]) == 0
    assert "cocok (0 dalam batas toleransi, sisanya identik byte demi byte)" in capsys.readouterr().out
    assert verify.main(["--run", str(pipeline_run[0]), "--ref", "v9.9.9", "--lang", "id"]) == 2
    assert capsys.readouterr().err.startswith("galat: ")
