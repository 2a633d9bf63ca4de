"""Release the compendium: ``make release VERSION=x.y.z``.

The version lives in ``pyproject.toml`` (``[project] version``); the package reads it back with
``importlib.metadata`` (``kalbar_border.__version__``, the report's footer). ``CITATION.cff`` and
``.zenodo.json`` cannot read it, so this command writes the same version and date into them, and
``tests/test_release.py`` keeps all of them equal between releases.

Steps, each of which stops the release with one line and changes nothing it has not restored:

1. the version is ``MAJOR.MINOR.PATCH``, above the current one, and its tag does not exist;
2. the working tree is clean (nothing modified, staged or untracked);
3. ``CHANGELOG.md`` has an ``[Unreleased]`` section with content;
4. the version and the date are written into ``pyproject.toml``, ``CITATION.cff``,
   ``.zenodo.json`` and ``CHANGELOG.md`` (``[Unreleased]`` becomes ``[x.y.z] - date`` under a
   new empty ``[Unreleased]``);
5. the tests pass on exactly those files (``make test``; else the files are restored);
6. one commit, and the annotated tag ``vx.y.z`` whose message is the changelog's section.

Pushing the commit and the tag is left to the maintainer (the command prints how).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")
#: The files a release writes, relative to the repository root.
FILES = ("pyproject.toml", "CITATION.cff", ".zenodo.json", "CHANGELOG.md")
UNRELEASED = "## [Unreleased]"


class Refused(Exception):
    """A reason not to release, said in one line."""


def git(root: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True)
    if done.returncode != 0:
        raise Refused(f"git {' '.join(args)} failed: {done.stderr.strip().splitlines()[-1] if done.stderr.strip() else done.returncode}")
    return done.stdout


def current_version(root: Path) -> str:
    return tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def _key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def check_version(root: Path, version: str) -> None:
    if not SEMVER.match(version):
        raise Refused(f"VERSION '{version}': expected MAJOR.MINOR.PATCH, e.g. 1.0.0")
    current = current_version(root)
    if SEMVER.match(current) and _key(version) <= _key(current):
        raise Refused(f"VERSION {version}: expected a version above the current {current} (pyproject.toml)")
    if git(root, "tag", "--list", f"v{version}").strip():
        raise Refused(f"tag v{version} exists already")


def check_clean(root: Path) -> None:
    status = git(root, "status", "--porcelain", "--untracked-files=all")
    if status.strip():
        first = status.splitlines()[0][3:]
        count = len(status.splitlines())
        raise Refused(f"the working tree is not clean ({count} path{'s' if count > 1 else ''}, first: {first}); "
                      f"commit or stash first")


def unreleased_notes(changelog: str) -> str:
    """The text of the ``[Unreleased]`` section (without its heading); refuses when it is empty."""
    if UNRELEASED not in changelog:
        raise Refused(f"CHANGELOG.md: no '{UNRELEASED}' section; expected one holding the changes to release")
    body = changelog.split(UNRELEASED, 1)[1]
    body = re.split(r"^## \[", body, maxsplit=1, flags=re.M)[0].strip()
    if not body:
        raise Refused("CHANGELOG.md: the [Unreleased] section is empty; say what this release changes")
    return body


def _replace(text: str, pattern: str, new: str, where: str) -> str:
    result, count = re.subn(pattern, new, text, count=1, flags=re.M)
    if count != 1:
        raise Refused(f"{where}: pattern {pattern!r} not found; expected the field the release writes")
    return result


def bump(root: Path, version: str, day: str) -> None:
    """Write ``version`` and ``day`` into every file of :data:`FILES`."""
    pyproject = root / "pyproject.toml"
    pyproject.write_text(_replace(pyproject.read_text(encoding="utf-8"), r'^version = "[^"]*"$',
                                  f'version = "{version}"', "pyproject.toml"), encoding="utf-8")
    cff = root / "CITATION.cff"
    text = _replace(cff.read_text(encoding="utf-8"), r"^version: .*$", f"version: {version}", "CITATION.cff")
    cff.write_text(_replace(text, r"^date-released: .*$", f"date-released: {day}", "CITATION.cff"), encoding="utf-8")
    zenodo = root / ".zenodo.json"
    meta = json.loads(zenodo.read_text(encoding="utf-8"))
    meta["version"], meta["publication_date"] = version, day
    zenodo.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    changelog = root / "CHANGELOG.md"
    text = changelog.read_text(encoding="utf-8")
    changelog.write_text(text.replace(UNRELEASED, f"{UNRELEASED}\n\n## [{version}] - {day}", 1), encoding="utf-8")


def release(root: Path, version: str, day: str, test_command: list[str]) -> str:
    """Release ``version`` dated ``day`` in the repository at ``root``; returns the tag made."""
    check_version(root, version)
    check_clean(root)
    notes = unreleased_notes((root / "CHANGELOG.md").read_text(encoding="utf-8"))
    try:
        bump(root, version, day)
        print(f"release {version}: running the tests ({' '.join(test_command)})", flush=True)
        if subprocess.run(test_command, cwd=root).returncode != 0:
            raise Refused(f"the tests failed ({' '.join(test_command)}); nothing released, {', '.join(FILES)} restored")
    except BaseException:  # Refused, Ctrl-C during the tests: the files go back as they were
        git(root, "checkout", "--", *FILES)
        raise
    git(root, "add", "--", *FILES)
    git(root, "commit", "--quiet", "-m", f"Release {version}: version and date in pyproject.toml, CITATION.cff, "
                                         f".zenodo.json and the changelog")
    tag = f"v{version}"
    # verbatim: the default clean-up would drop the changelog's "### Added" headings as comments
    git(root, "tag", "--annotate", "--cleanup=verbatim", tag, "-m", f"kalbar-border {version} ({day})\n\n{notes}\n")
    return tag


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Release the compendium (see the module docstring).")
    parser.add_argument("version", nargs="?", default="", help="the new version, MAJOR.MINOR.PATCH")
    parser.add_argument("--date", default=dt.date.today().isoformat(), help="release date (default: today)")
    parser.add_argument("--test-command", default="make test", help="command that must pass (default: make test)")
    parser.add_argument("--root", default=str(ROOT), help="repository to release (default: this one)")
    args = parser.parse_args(argv)
    try:
        if not args.version:
            raise Refused("no version given; use make release VERSION=x.y.z")
        try:
            dt.date.fromisoformat(args.date)
        except ValueError:
            raise Refused(f"--date '{args.date}': expected YYYY-MM-DD") from None
        tag = release(Path(args.root), args.version, args.date, args.test_command.split())
    except Refused as reason:
        print(f"release refused: {reason}", file=sys.stderr)
        return 1
    print(f"released {args.version}: commit {git(Path(args.root), 'rev-parse', '--short', 'HEAD').strip()}, "
          f"tag {tag}; publish with: git push && git push origin {tag}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
