"""A version to cite: one version in pyproject.toml, read back by the package and repeated by
CITATION.cff, .zenodo.json and the changelog; `make release` refuses a dirty tree, an empty
changelog section and failing tests, and otherwise commits and tags. Every release here runs in
a temporary clone: no tag is ever made in the checkout under test."""
import datetime as dt
import html
import json
import re
import subprocess
import sys
import tomllib
from importlib import metadata

import jsonschema
import pytest
import yaml

import kalbar_border
from kalbar_border import paths, report

RELEASE = paths.ROOT / "tools" / "release.py"
CFF_SCHEMA = paths.ROOT / "tests" / "schemas" / "citation-file-format-1.2.0.json"
PAPER = "https://jurnal.ugm.ac.id/jkn/article/view/93705"


def _pyproject_version(root=paths.ROOT) -> str:
    return tomllib.loads((root / "pyproject.toml").read_text())["project"]["version"]


def _citation(root=paths.ROOT) -> dict:
    # CFF dates are YAML dates; the schema wants the text, as cffconvert reads it.
    return yaml.load((root / "CITATION.cff").read_text(), Loader=yaml.BaseLoader)


def _released(root=paths.ROOT) -> list[tuple[str, str]]:
    """(version, date) of every released section of the changelog, newest first."""
    return re.findall(r"^## \[(\d+\.\d+\.\d+)\] - (\d{4}-\d{2}-\d{2})$", (root / "CHANGELOG.md").read_text(), re.M)


# --------------------------------------------------------------------------- one version


def test_the_package_reports_pyprojects_version():
    assert kalbar_border.__version__ == metadata.version("kalbar-border") == _pyproject_version()


def test_citation_zenodo_and_changelog_carry_the_same_version_and_date():
    cff = _citation()
    zenodo = json.loads((paths.ROOT / ".zenodo.json").read_text())
    version, day = _released()[0]
    assert cff["version"] == zenodo["version"] == version == _pyproject_version()
    assert cff["date-released"] == zenodo["publication_date"] == day


def test_citation_file_is_valid_cff_1_2_0():
    cff = _citation()
    schema = json.loads(CFF_SCHEMA.read_text())
    jsonschema.validate(cff, schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    assert cff["preferred-citation"]["url"] == PAPER
    assert cff["license"] == tomllib.loads((paths.ROOT / "pyproject.toml").read_text())["project"]["license"]


def test_citation_schema_check_can_fail():
    cff = _citation()
    cff["date-released"] = "28 November 2026"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(cff, json.loads(CFF_SCHEMA.read_text()))


def test_zenodo_metadata_names_the_paper_and_the_licence():
    zenodo = json.loads((paths.ROOT / ".zenodo.json").read_text())
    assert zenodo["title"] == _citation()["title"]
    assert zenodo["creators"] and all(c.get("name") for c in zenodo["creators"])
    assert zenodo["license"] == "MIT" and zenodo["upload_type"] == "software"
    assert {"identifier": PAPER, "relation": "references", "resource_type": "publication-article",
            "scheme": "url"} in zenodo["related_identifiers"]


def test_changelog_has_an_unreleased_section_above_the_releases():
    text = (paths.ROOT / "CHANGELOG.md").read_text()
    headings = re.findall(r"^## \[([^\]]+)\]", text, re.M)
    assert headings[0] == "Unreleased"
    assert all(re.fullmatch(r"\d+\.\d+\.\d+", h) for h in headings[1:])


def test_report_footer_shows_the_version_the_commit_and_the_tree_state(tmp_path):
    from kalbar_border.figures.labels import label

    for lang in report.PAGES:
        for tree in ("clean", "modified", "unknown"):
            manifest = {"notebooks": [], "git_commit": "0123456789abcdef0123", "git_tree": tree}
            page = report.build_index(tmp_path, manifest, lang)
            footer = re.search(r'<p class="muted" id="version">(.*?)</p>', page).group(1)
            assert _pyproject_version() in footer and "0123456789ab" in footer
            assert html.unescape(footer).count(label(f"tree_{tree}", lang)) == 1


def test_the_tree_state_leaves_out_the_outputs_and_sees_code_changes(tmp_path, monkeypatch):
    repo = tmp_path / "repo"
    for rel in ("lib/x.py", "results/a.csv"):
        (repo / rel).parent.mkdir(parents=True, exist_ok=True)
        (repo / rel).write_text("1\n")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t"]
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "x"]):
        subprocess.run([*git, *args], cwd=repo, check=True)
    monkeypatch.setattr(paths, "ROOT", repo)
    assert paths.git_tree_state() == "clean"
    (repo / "results" / "a.csv").write_text("2\n")  # a run rewrote an output: still the committed code
    assert paths.git_tree_state() == "clean"
    (repo / "lib" / "x.py").write_text("2\n")
    assert paths.git_tree_state() == "modified"
    monkeypatch.setattr(paths, "ROOT", tmp_path)  # no checkout here
    assert paths.git_tree_state() == "unknown"


# --------------------------------------------------------------------------- make release, in a clone


@pytest.fixture
def clone(tmp_path):
    """A clone of this repository's HEAD with its own committer, and the command to release it."""
    repo = tmp_path / "repo"
    subprocess.run(["git", "clone", "--quiet", str(paths.ROOT), str(repo)], check=True)
    for key, value in (("user.name", "Release test"), ("user.email", "release-test@example.invalid"),
                       ("tag.gpgSign", "false"), ("commit.gpgSign", "false")):
        subprocess.run(["git", "config", key, value], cwd=repo, check=True)
    # Right after a real release [Unreleased] is empty: the clone gets a change of its own to release,
    # so these tests do not depend on the state of this repository's changelog.
    changelog = repo / "CHANGELOG.md"
    text = changelog.read_text(encoding="utf-8")
    changelog.write_text(text.replace("## [Unreleased]\n", "## [Unreleased]\n\n### Added\n\n- A change to release "
                                      "(release test).\n", 1), encoding="utf-8")
    subprocess.run(["git", "commit", "--quiet", "-am", "A change to release"], cwd=repo, check=True)
    return repo


def _release(repo, version, *, tests="true", day="2031-01-02"):
    return subprocess.run([sys.executable, str(RELEASE), version, "--root", str(repo), "--date", day,
                           "--test-command", tests], capture_output=True, text=True)


def _git(repo, *args) -> str:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True).stdout


def _state(repo):
    return _git(repo, "rev-parse", "HEAD"), _git(repo, "tag", "--list"), _git(repo, "status", "--porcelain")


def test_release_commits_bumps_and_tags(clone):
    before = _git(clone, "rev-parse", "HEAD").strip()
    done = _release(clone, "9.8.7")
    assert done.returncode == 0, done.stderr
    assert "tag v9.8.7" in done.stdout
    assert _pyproject_version(clone) == "9.8.7"
    cff = _citation(clone)
    assert (cff["version"], cff["date-released"]) == ("9.8.7", "2031-01-02")
    zenodo = json.loads((clone / ".zenodo.json").read_text())
    assert (zenodo["version"], zenodo["publication_date"]) == ("9.8.7", "2031-01-02")
    assert _released(clone)[0] == ("9.8.7", "2031-01-02")
    changelog = (clone / "CHANGELOG.md").read_text()
    assert changelog.index("## [Unreleased]") < changelog.index("## [9.8.7] - 2031-01-02")
    # one commit, annotated tag on it, whose message holds the changelog's notes; tree clean
    assert _git(clone, "rev-parse", "HEAD~1").strip() == before
    assert _git(clone, "cat-file", "-t", "v9.8.7").strip() == "tag"
    assert _git(clone, "rev-parse", "v9.8.7^{commit}") == _git(clone, "rev-parse", "HEAD")
    assert "### Added" in _git(clone, "tag", "-l", "--format=%(contents)", "v9.8.7")
    assert _git(clone, "status", "--porcelain") == ""
    # the next release finds an empty [Unreleased] section and refuses
    again = _release(clone, "9.8.8")
    assert again.returncode == 1
    assert again.stderr.strip() == ("release refused: CHANGELOG.md: the [Unreleased] section is empty; "
                                    "say what this release changes")


def test_release_refuses_a_dirty_tree(clone):
    (clone / "notes.txt").write_text("draft\n")
    before = _state(clone)
    done = _release(clone, "9.8.7")
    assert done.returncode == 1
    assert done.stderr.strip() == ("release refused: the working tree is not clean (1 path, first: notes.txt); "
                                   "commit or stash first")
    assert _state(clone) == before


def test_release_refuses_a_modified_tracked_file(clone):
    with open(clone / "README.md", "a") as fh:
        fh.write("\nedited\n")
    done = _release(clone, "9.8.7")
    assert done.returncode == 1 and "not clean" in done.stderr and "README.md" in done.stderr
    assert _pyproject_version(clone) != "9.8.7"


def test_release_refuses_failing_tests_and_restores_the_files(clone):
    before = _state(clone)
    done = _release(clone, "9.8.7", tests="false")
    assert done.returncode == 1
    assert done.stderr.strip().endswith("the tests failed (false); nothing released, "
                                        "pyproject.toml, CITATION.cff, .zenodo.json, CHANGELOG.md restored")
    assert _state(clone) == before  # same commit, no tag, no modified file


@pytest.mark.parametrize("version, says", [
    ("1.0", "VERSION '1.0': expected MAJOR.MINOR.PATCH, e.g. 1.0.0"),
    ("v1.0.0", "VERSION 'v1.0.0': expected MAJOR.MINOR.PATCH"),
    ("0.0.1", "expected a version above the current"),
    ("", "no version given; use make release VERSION=x.y.z"),
])
def test_release_refuses_a_bad_version(clone, version, says):
    before = _state(clone)
    done = _release(clone, version)
    assert done.returncode == 1 and says in done.stderr
    assert _state(clone) == before


def test_release_refuses_an_existing_tag(clone):
    _git(clone, "tag", "-a", "v9.8.7", "-m", "already")
    done = _release(clone, "9.8.7")
    assert done.returncode == 1 and "tag v9.8.7 exists already" in done.stderr


def test_release_refuses_a_bad_date(clone):
    done = _release(clone, "9.8.7", day="2031-13-01")
    assert done.returncode == 1 and "--date '2031-13-01': expected YYYY-MM-DD" in done.stderr


def test_release_date_defaults_to_today(clone):
    # The day before and after the call: they differ only when the call straddles midnight,
    # and then either is today's date for the command.
    days = {dt.date.today().isoformat()}
    done = subprocess.run([sys.executable, str(RELEASE), "9.8.7", "--root", str(clone), "--test-command", "true"],
                          capture_output=True, text=True)
    days.add(dt.date.today().isoformat())
    assert done.returncode == 0, done.stderr
    assert _citation(clone)["date-released"] in days


def test_no_tracked_file_holds_a_merge_conflict_marker():
    """A merge resolved in one file and forgotten in another must not reach a release: no file
    git tracks has a line that is a conflict marker (the golden notebooks and data included)."""
    done = subprocess.run(["git", "grep", "-n", "-I", "-E", "^(<<<<<<< |>>>>>>> |=======$)"], cwd=paths.ROOT,
                          capture_output=True, text=True)
    if done.returncode not in (0, 1):
        pytest.skip("not a git checkout")
    assert done.stdout == "", f"merge conflict markers:\n{done.stdout[:1000]}"
