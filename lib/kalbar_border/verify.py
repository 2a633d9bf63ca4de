"""``make verify``: rerun the compendium into a temporary folder and compare what it makes with
the reference outputs committed in the repository.

The references are the committed outputs of a run with the default parameters
(:data:`REFERENCES`): the results tables and findings (``results/*.csv``, ``*.json``, the data
citations) and the figures with their sidecars (``figures/*``). Run records, logs and the
executed notebooks under ``build/`` are not references: they record a machine and a moment.

The references are read from git, at ``HEAD`` or the commit or tag given (``make verify
REF=v1.0.0``), never from the working tree: ``make reproduce`` rewrites the working tree, so a
comparison with it could pass against itself. When the working tree's copies differ from the
commit, one line says so and names them.

A file that is byte-identical to its reference passes. Numbers are written at a stated
precision (:mod:`kalbar_border.precision`), so that is the normal case on any machine whose
floating point agrees to it. A CSV or JSON file whose text differs passes *within tolerance*
when every text cell is equal and every number is within :data:`REL_TOL` relative (or
:data:`ABS_TOL` absolute) of its reference: a value that sits on a rounding boundary of the
written precision may round the other way on another CPU. Figures must be byte-identical.
Every other difference fails, with one line per file naming the first differing row and
column (or key). Those lines are labels (:mod:`kalbar_border.figures.labels`, said in the
``lang`` :func:`compare` is given); the command itself has no language option and speaks English.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import math
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from . import paths
from .errors import CompendiumError, Said, messages_in
from .figures.labels import label
from .pipeline.notebooks import first_few

#: The committed reference outputs, relative to the repository root.
REFERENCES = ("results/*.csv", "results/*.json", "results/data_citations.bib", "results/data_citations.md",
              "figures/*.json", "figures/*.png", "figures/*.svg", "figures/*.pdf")
#: Numbers in CSV and JSON files: equal within this relative tolerance, or this absolute one
#: near zero. Far above the last-digit differences of another platform's floating point, far
#: below any digit a table or text shows.
REL_TOL = 1e-9
ABS_TOL = 1e-12


def reference_files(root: Path) -> set[str]:
    """The reference files under ``root`` (relative paths)."""
    return {p.relative_to(root).as_posix() for pattern in REFERENCES for p in Path(root).glob(pattern)
            if p.is_file() and not p.name.startswith(".")}


def _number(text: str) -> float | None:
    """A CSV cell as a number, or None for text (an empty cell is text, not a number)."""
    try:
        return float(text)
    except ValueError:
        return None


def _close(a: float, b: float) -> bool:
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return math.isclose(a, b, rel_tol=REL_TOL, abs_tol=ABS_TOL)


def _csv_difference(ref: bytes, got: bytes) -> Said | str:
    """Where two CSV files differ beyond the tolerance ("" when they agree within it)."""
    a = list(csv.reader(io.StringIO(ref.decode("utf-8"))))
    b = list(csv.reader(io.StringIO(got.decode("utf-8"))))
    if a[:1] != b[:1]:
        return Said("run_verify_header", got=b[0] if b else [], expected=a[0] if a else [])
    if len(a) != len(b):
        return Said("run_verify_rows", got=len(b) - 1, expected=len(a) - 1)
    header = a[0]
    for i, (row_a, row_b) in enumerate(zip(a[1:], b[1:]), start=1):
        for j, (x, y) in enumerate(zip(row_a, row_b)):
            if x == y:
                continue
            nx, ny = _number(x), _number(y)
            if nx is None or ny is None or not _close(nx, ny):
                column = header[j] if j < len(header) else j + 1
                return Said("run_verify_cell", row=i, column=column, got=repr(y), expected=repr(x))
        if len(row_a) != len(row_b):
            return Said("run_verify_cells", row=i, got=len(row_b), expected=len(row_a))
    return ""


def _where(where: str) -> Said | str:
    """The dotted path of a JSON value, or the word for the whole value."""
    return where.rstrip(".") or Said("run_verify_value")


def _json_difference(a, b, where: str = "") -> Said | str:
    """Where two JSON values differ beyond the tolerance ("" when they agree within it)."""
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b)):
            if key not in b or key not in a:
                return Said("run_verify_key_missing" if key not in b else "run_verify_key_added", path=f"{where}{key}")
            found = _json_difference(a[key], b[key], f"{where}{key}.")
            if found:
                return found
        return ""
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return Said("run_verify_items", where=_where(where), got=len(b), expected=len(a))
        for i, (x, y) in enumerate(zip(a, b)):
            found = _json_difference(x, y, f"{where}{i}.")
            if found:
                return found
        return ""
    numbers = all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (a, b))
    if (numbers and _close(float(a), float(b))) or a == b:
        return ""
    return Said("run_verify_other", where=_where(where), got=repr(b), expected=repr(a))


def compare_file(rel: str, ref: bytes, got: bytes, lang: str = "en") -> tuple[str, str]:
    """(verdict, detail) for one file: ``identical``, ``within_tolerance`` or ``differs``; the
    detail in ``lang``."""
    if ref == got:
        return "identical", ""
    suffix = Path(rel).suffix
    try:
        if suffix == ".csv":
            detail = _csv_difference(ref, got)
        elif suffix == ".json":
            detail = _json_difference(json.loads(ref), json.loads(got))
        else:
            return "differs", label("run_verify_bytes", lang)
    except (UnicodeDecodeError, ValueError) as exc:
        return "differs", label("run_verify_unreadable", lang).format(kind=type(exc).__name__)
    return ("within_tolerance", "") if not detail else ("differs", detail.said(lang))


def compare(references: Path, run: Path, lang: str = "en") -> tuple[list[str], list[str]]:
    """(failures, notes): one line per reference file that differs, is missing from the run, or
    that the run made without a reference; notes name the files equal within tolerance only.
    The lines are in ``lang``."""
    failures, notes = [], []
    ref_files, run_files = reference_files(references), reference_files(run)
    for rel in sorted(ref_files | run_files):
        if rel not in run_files:
            failures.append(label("run_verify_missing", lang).format(file=rel))
        elif rel not in ref_files:
            failures.append(label("run_verify_new", lang).format(file=rel))
        else:
            verdict, detail = compare_file(rel, (references / rel).read_bytes(), (run / rel).read_bytes(), lang)
            if verdict == "differs":
                failures.append(label("run_verify_differs", lang).format(file=rel, detail=detail))
            elif verdict == "within_tolerance":
                notes.append(label("run_verify_within", lang).format(file=rel, tolerance=f"{REL_TOL:g}"))
    return failures, notes


#: The folders of the references, as git names them.
REFERENCE_FOLDERS = ("results", "figures")


def references_from_git(ref: str, dest: Path) -> Path:
    """Write the reference files of commit ``ref`` (as committed, whatever the working tree
    holds) under ``dest``; returns ``dest``. Raises CompendiumError outside a git checkout or for
    an unknown ``ref``."""
    try:
        done = subprocess.run(["git", "archive", "--format=tar", ref, "--", *REFERENCE_FOLDERS], cwd=paths.ROOT,
                              capture_output=True, check=False)
    except OSError as exc:
        raise CompendiumError(key="error_verify_no_git", said=exc.strerror) from None
    if done.returncode != 0:
        said = done.stderr.decode(errors="replace").strip().splitlines()
        raise CompendiumError(key="error_verify_ref", ref=repr(ref), said=said[-1] if said else Said("part_no_message"))
    with tarfile.open(fileobj=io.BytesIO(done.stdout)) as archive:
        archive.extractall(dest, filter="data")
    return dest


def working_tree_differs(ref: str) -> list[str]:
    """Reference files whose working-tree copy differs from ``ref`` (changed, deleted or new)."""
    done = subprocess.run(["git", "diff", "--name-only", ref, "--", *REFERENCE_FOLDERS], cwd=paths.ROOT,
                          capture_output=True, text=True, check=False)
    new = subprocess.run(["git", "ls-files", "--others", "--exclude-standard", "--", *REFERENCE_FOLDERS],
                         cwd=paths.ROOT, capture_output=True, text=True, check=False)
    named, present = set(done.stdout.split()) | set(new.stdout.split()), reference_files(paths.ROOT)
    return sorted(rel for rel in named if rel in present or not (paths.ROOT / rel).exists())


def _rerun(folder: Path) -> int:
    """The compendium with the default parameters into ``folder``. Its per-notebook lines are
    shown; its closing line is not, since it speaks of ``make reproduce``'s outputs."""
    print(f"verify: running the compendium with the default parameters into {folder}", flush=True)
    env = {**os.environ, "COMPENDIUM_OUTPUT_DIR": str(folder)}
    with subprocess.Popen([sys.executable, "-m", "kalbar_border.workflow"], env=env, cwd=paths.ROOT,
                          stdout=subprocess.PIPE, text=True) as proc:
        for line in proc.stdout:
            if line.startswith("  "):
                print(line, end="", flush=True)
    return proc.returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make verify", description=__doc__.split("\n\n")[0])
    parser.add_argument("--run", type=Path, help="compare this finished run's folder instead of running again")
    parser.add_argument("--ref", default="HEAD", help="the commit or tag whose references to compare with (default HEAD)")
    parser.add_argument("--references", type=Path, default=None,
                        help="compare with this folder instead of a commit (outside a git checkout)")
    parser.add_argument("--lang", default="en", choices=("en", "id"),
                        help="language of the lines it prints (make verify PARAMS=\"LANG=id\")")
    args = parser.parse_args(argv)
    with messages_in(args.lang):
        return _verify(args, args.lang)


def _verify(args, lang: str) -> int:
    say = lambda key, **values: label(key, lang).format(**values)  # noqa: E731
    scratch = Path(tempfile.mkdtemp(prefix="kalbar-verify-"))
    try:
        if args.references is None:
            references = references_from_git(args.ref, scratch / "references")
            said = f"{args.ref} ({paths.git_commit() if args.ref == 'HEAD' else label('verify_as_committed', lang)})"
            differ = working_tree_differs(args.ref)
            if differ:
                print(say("verify_note_tree", ref=args.ref, n=len(differ), files=first_few(differ, 5, lang)))
        else:
            references, said = args.references, str(args.references)
    except CompendiumError as exc:
        shutil.rmtree(scratch, ignore_errors=True)
        print(f"{label('error_prefix', lang)}: {exc.said(lang)}", file=sys.stderr)
        return 2
    folder, made_here = args.run, args.run is None
    if made_here:
        folder = scratch / "run"
        code = _rerun(folder)
        if code != 0:
            print(say("verify_run_failed", code=code, folder=folder), file=sys.stderr)
            return code
    failures, notes = compare(references, folder, lang=lang)
    for line in notes:
        print(line)
    for line in failures:
        print(line, file=sys.stderr)
    checked = len(reference_files(references))
    if failures:
        kept = say("verify_kept", folder=folder) if made_here else ""
        if not made_here:
            shutil.rmtree(scratch, ignore_errors=True)
        print(say("verify_differ", n=len(failures), checked=checked, ref=said, kept=kept), file=sys.stderr)
        return 1
    print(say("verify_match", checked=checked, ref=said, n=len(notes)))
    shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
