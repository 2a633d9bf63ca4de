"""Owns the run lock, ``build/.lock``: one run (or ``make clean``) per checkout at a time.

Standard library and :mod:`kalbar_border.paths` only, so ``make clean`` can take the lock
with the system Python, before (or without) the project's environment: its errors are labels
(said in the run's language), and English labels need no more than the standard library.
``make clean`` itself has no language option, so its own lines are English.
"""
from __future__ import annotations

import fcntl
import os
import shutil
import sys

from .. import paths
from ..errors import CompendiumError, Said

#: Folders (under the output root) the pipeline writes.
OUTPUT_FOLDERS = ("build", "results", "figures", "data/processed")


def check_writable() -> None:
    """One line, before anything runs, when the outputs cannot be written: an output folder
    that is a file, or a checkout (or ``COMPENDIUM_OUTPUT_DIR``) that is not writable."""
    root = paths.output_root()
    for name in OUTPUT_FOLDERS:
        folder = root / name
        if folder.exists() and not folder.is_dir():
            raise CompendiumError(key="error_lock_not_a_folder", folder=folder, name=name)
    try:
        paths.build_dir().mkdir(parents=True, exist_ok=True)
        for name in OUTPUT_FOLDERS:
            if (root / name).is_dir():  # e.g. figures/ of a read-only checkout
                # A temporary file's name (.NAME.tmp): one a kill leaves is removed by the next run,
                # and the run holding the lock may remove this one first (hence missing_ok).
                probe = root / name / f".probe-{os.getpid()}.tmp"
                os.close(os.open(probe, os.O_CREAT | os.O_WRONLY, 0o600))
                probe.unlink(missing_ok=True)
    except OSError as exc:
        raise CompendiumError(key="error_lock_not_writable", root=root, said=exc.strerror) from None


class RunLock:
    """``build/.lock``: one run per checkout. The holder's process id is written into the
    file; a second run stops at once with one line naming it (or waits, with ``wait``)."""

    def __init__(self, wait: bool = False):
        self.path, self.wait, self.handle = paths.build_dir() / ".lock", wait, None

    def __enter__(self):
        check_writable()
        self.handle = open(self.path, "a+")
        try:
            fcntl.flock(self.handle, fcntl.LOCK_EX | (0 if self.wait else fcntl.LOCK_NB))
        except BlockingIOError:
            self.handle.seek(0)
            holder = self.handle.read().strip() or Said("part_unknown")
            self.handle.close()
            raise CompendiumError(key="error_lock_held", holder=holder, name=self.path.name) from None
        self.handle.seek(0)
        self.handle.truncate()
        self.handle.write(str(os.getpid()))
        self.handle.flush()
        return self

    def __exit__(self, *exc):
        self.handle.seek(0)
        self.handle.truncate()
        fcntl.flock(self.handle, fcntl.LOCK_UN)
        self.handle.close()




#: What ``make clean`` empties (under the output root); build/.lock itself stays, so a run that
#: starts while the clean finishes locks the same file.
GENERATED = ("data/processed", "build")
#: Folders holding the committed reference outputs beside what runs add: ``make clean`` removes
#: only what git does not track there.
REFERENCE_FOLDERS = ("results", "figures")


def _remove(path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)


def clean() -> tuple[list[str], str]:
    """``make clean``: remove the generated outputs that are not committed, while holding the run
    lock (so it refuses, with the lock's one line, while a run is going on). The reference outputs
    git tracks in ``results/`` and ``figures/`` stay; outside a git checkout nothing there is
    removed, since what is a reference cannot be told. Returns (what it removed, a note)."""
    removed, note = [], ""
    with RunLock():
        root = paths.output_root()
        # Only the repository holds references; another output folder (COMPENDIUM_OUTPUT_DIR) goes whole.
        for name in GENERATED if root == paths.ROOT else (*GENERATED, *REFERENCE_FOLDERS):
            folder = root / name
            contents = [p for p in folder.iterdir() if p.name != ".lock"] if folder.is_dir() and name == "build" else [folder]
            if folder.is_dir() and contents:
                for path in contents:
                    _remove(path)
                removed.append(f"{name}/")
        tracked = paths.git_tracked(*REFERENCE_FOLDERS) if root == paths.ROOT else None
        if root == paths.ROOT and tracked is None:
            note = "results/ and figures/ kept: not a git checkout, so the committed references cannot be told apart"
        elif root == paths.ROOT:
            for name in REFERENCE_FOLDERS:
                for path in sorted((root / name).glob("*")) if (root / name).is_dir() else []:
                    rel = path.relative_to(root).as_posix()
                    if rel not in tracked:
                        _remove(path)
                        removed.append(rel)
            note = "the reference outputs committed in results/ and figures/ are kept"
    return removed, note


def main(argv: list[str]) -> int:
    if argv != ["clean"]:
        print("usage: python -m kalbar_border.pipeline.lock clean", file=sys.stderr)
        return 2
    try:
        removed, note = clean()
    except CompendiumError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    more = f" and {len(removed) - 8} more" if len(removed) > 8 else ""
    said = f"removed {', '.join(removed[:8])}{more}" if removed else "nothing to remove"
    print(f"{said}; {note}" if note else said)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
