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
column (or key).
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


def _csv_difference(ref: bytes, got: bytes) -> str | None:
    """Where two CSV files differ beyond the tolerance ("" when they agree within it)."""
    a = list(csv.reader(io.StringIO(ref.decode("utf-8"))))
    b = list(csv.reader(io.StringIO(got.decode("utf-8"))))
    if a[:1] != b[:1]:
        return f"header {b[0] if b else []} instead of {a[0] if a else []}"
    if len(a) != len(b):
        return f"{len(b) - 1} rows instead of {len(a) - 1}"
    header = a[0]
    for i, (row_a, row_b) in enumerate(zip(a[1:], b[1:]), start=1):
        for j, (x, y) in enumerate(zip(row_a, row_b)):
            if x == y:
                continue
            nx, ny = _number(x), _number(y)
            if nx is None or ny is None or not _close(nx, ny):
                column = header[j] if j < len(header) else j + 1
                return f"row {i}, column {column}: {y!r} instead of {x!r}"
        if len(row_a) != len(row_b):
            return f"row {i}: {len(row_b)} cells instead of {len(row_a)}"
    return ""


def _json_difference(a, b, where: str = "") -> str:
    """Where two JSON values differ beyond the tolerance ("" when they agree within it)."""
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b)):
            if key not in b or key not in a:
                return f"key {where}{key} {'missing' if key not in b else 'added'}"
            found = _json_difference(a[key], b[key], f"{where}{key}.")
            if found:
                return found
        return ""
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return f"{where.rstrip('.') or 'value'}: {len(b)} items instead of {len(a)}"
        for i, (x, y) in enumerate(zip(a, b)):
            found = _json_difference(x, y, f"{where}{i}.")
            if found:
                return found
        return ""
    numbers = all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (a, b))
    if (numbers and _close(float(a), float(b))) or a == b:
        return ""
    return f"{where.rstrip('.') or 'value'}: {b!r} instead of {a!r}"


def compare_file(rel: str, ref: bytes, got: bytes) -> tuple[str, str]:
    """(verdict, detail) for one file: ``identical``, ``within_tolerance`` or ``differs``."""
    if ref == got:
        return "identical", ""
    suffix = Path(rel).suffix
    try:
        if suffix == ".csv":
            detail = _csv_difference(ref, got)
        elif suffix == ".json":
            detail = _json_difference(json.loads(ref), json.loads(got))
        else:
            return "differs", "bytes differ (figures and texts must be byte-identical)"
    except (UnicodeDecodeError, ValueError) as exc:
        return "differs", f"cannot be compared ({type(exc).__name__})"
    return ("within_tolerance", "") if not detail else ("differs", detail)


def compare(references: Path, run: Path) -> tuple[list[str], list[str]]:
    """(failures, notes): one line per reference file that differs, is missing from the run, or
    that the run made without a reference; notes name the files equal within tolerance only."""
    failures, notes = [], []
    ref_files, run_files = reference_files(references), reference_files(run)
    for rel in sorted(ref_files | run_files):
        if rel not in run_files:
            failures.append(f"missing: {rel}: a reference the run did not make")
        elif rel not in ref_files:
            failures.append(f"new: {rel}: made by the run, with no committed reference")
        else:
            verdict, detail = compare_file(rel, (references / rel).read_bytes(), (run / rel).read_bytes())
            if verdict == "differs":
                failures.append(f"differs: {rel}: {detail}")
            elif verdict == "within_tolerance":
                notes.append(f"within tolerance: {rel} (numbers within {REL_TOL:g} relative)")
    return failures, notes


#: The folders of the references, as git names them.
REFERENCE_FOLDERS = ("results", "figures")


def references_from_git(ref: str, dest: Path) -> Path:
    """Write the reference files of commit ``ref`` (as committed, whatever the working tree
    holds) under ``dest``; returns ``dest``. Raises CompendiumError outside a git checkout or for
    an unknown ``ref``."""
    from .errors import CompendiumError

    try:
        done = subprocess.run(["git", "archive", "--format=tar", ref, "--", *REFERENCE_FOLDERS], cwd=paths.ROOT,
                              capture_output=True, check=False)
    except OSError as exc:
        raise CompendiumError(f"make verify reads the references from git, which cannot be run ({exc.strerror}); "
                              "pass --references FOLDER to compare with a folder") from None
    if done.returncode != 0:
        said = done.stderr.decode(errors="replace").strip().splitlines()
        raise CompendiumError(f"cannot read the references of {ref!r} from git ({said[-1] if said else 'no message'}); "
                              "expected a commit or tag of this repository, e.g. REF=HEAD or REF=v1.0.0, "
                              "or pass --references FOLDER outside a git checkout")
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
    from .errors import CompendiumError

    parser = argparse.ArgumentParser(prog="make verify", description=__doc__.split("\n\n")[0])
    parser.add_argument("--run", type=Path, help="compare this finished run's folder instead of running again")
    parser.add_argument("--ref", default="HEAD", help="the commit or tag whose references to compare with (default HEAD)")
    parser.add_argument("--references", type=Path, default=None,
                        help="compare with this folder instead of a commit (outside a git checkout)")
    args = parser.parse_args(argv)
    scratch = Path(tempfile.mkdtemp(prefix="kalbar-verify-"))
    try:
        if args.references is None:
            references = references_from_git(args.ref, scratch / "references")
            said = f"{args.ref} ({paths.git_commit() if args.ref == 'HEAD' else 'as committed'})"
            differ = working_tree_differs(args.ref)
            if differ:
                more = f" and {len(differ) - 5} more" if len(differ) > 5 else ""
                print(f"note: the working tree's results/ and figures/ differ from {args.ref} in {len(differ)} file(s) "
                      f"({', '.join(differ[:5])}{more}); verify compares with {args.ref}, not with them")
        else:
            references, said = args.references, str(args.references)
    except CompendiumError as exc:
        shutil.rmtree(scratch, ignore_errors=True)
        print(f"error: {exc}", file=sys.stderr)
        return 2
    folder, made_here = args.run, args.run is None
    if made_here:
        folder = scratch / "run"
        code = _rerun(folder)
        if code != 0:
            print(f"verify: the run failed (exit {code}); nothing compared; its outputs are in {folder}", file=sys.stderr)
            return code
    failures, notes = compare(references, folder)
    for line in notes:
        print(line)
    for line in failures:
        print(line, file=sys.stderr)
    checked = len(reference_files(references))
    if failures:
        kept = f"; the run is kept in {folder}" if made_here else ""
        if not made_here:
            shutil.rmtree(scratch, ignore_errors=True)
        print(f"verify: {len(failures)} of {checked} reference files of {said} differ{kept}", file=sys.stderr)
        return 1
    print(f"verify: all {checked} reference files of {said} match ({len(notes)} within tolerance, the rest byte-identical)")
    shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
