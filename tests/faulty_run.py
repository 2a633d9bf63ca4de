"""The pipeline command (``python -m kalbar_border.workflow``) with one kind of file operation
sabotaged in this process and the doit workers it forks, for the tests of what a killed or
failing run leaves (``tests/test_pipeline_faults.py``). Nothing of it is in the library.

    python tests/faulty_run.py [SABOTAGE] [--snapshot FOLDER] -- ARGUMENTS OF THE COMMAND

``--at OP:GLOB:N --kill``
    the N-th ``OP`` (``replace``: ``os.replace`` to, ``unlink``: ``os.unlink`` of, ``write``: an
    atomic write of) a file whose path relative to the output root matches ``GLOB`` sends
    SIGKILL to the whole process group instead, as a power cut would; counted only once the
    run's recovery is done (``--snapshot`` time), so it hits this run's own commit. The process
    must lead its group (the test starts it with ``start_new_session``), so nothing else is killed.
``--at OP:GLOB:N --errno NAME``
    that operation, and every later one on a matching file, fails with ``OSError(NAME)`` from the
    start; an atomic write meeting ``ENOSPC`` writes to ``/dev/full``, so the error is the
    system's own (no file name), as on a full disk.
``--read-only FOLDER``
    creating, changing, moving or removing anything under FOLDER fails with ``EROFS``, as on a
    read-only filesystem (the tests run as root, whom permission bits do not stop).
``--other-filesystem FOLDER``
    moving a file into or out of FOLDER fails with ``EXDEV``, as between two filesystems.
``--snapshot FOLDER``
    once the run's recovery is done (``clean_pending``), a copy of the output root goes to FOLDER.

``--at`` may be given more than once.
"""
from __future__ import annotations

import argparse
import builtins
import errno
import fnmatch
import io
import os
import shutil
import signal
import sys
import tempfile
from pathlib import Path

from kalbar_border import paths, workflow


def _relative(path) -> str | None:
    """``path`` relative to the output root, as the pipeline names it (no symlink resolved)."""
    try:
        return Path(os.path.abspath(os.fsdecode(path))).relative_to(paths.output_root()).as_posix()
    except (TypeError, ValueError):
        return None


def _under(path, folder: str) -> bool:
    resolved = os.path.realpath(os.path.dirname(os.path.abspath(os.fsdecode(path))))
    return resolved == folder or resolved.startswith(folder + os.sep)


def _fail(code: int, path) -> OSError:
    return OSError(code, os.strerror(code), os.fsdecode(path))


def sabotage_operation(op: str, pattern: str, nth: int, kill: bool, code: int | None, armed: list) -> None:
    calls = []

    def hit(path) -> bool:
        rel = _relative(path)
        if not armed or rel is None or not fnmatch.fnmatchcase(rel, pattern):
            return False
        calls.append(rel)
        if len(calls) < nth:
            return False
        if kill:
            os.killpg(os.getpgid(0), signal.SIGKILL)
        return True

    if op == "replace":
        real_replace = os.replace

        def replace(src, dst, **kw):
            if hit(dst):
                raise _fail(code, dst)
            return real_replace(src, dst, **kw)

        os.replace = replace
    elif op == "unlink":
        real_unlink = os.unlink

        def unlink(path, **kw):
            if hit(path):
                raise _fail(code, path)
            return real_unlink(path, **kw)

        os.unlink = unlink
    elif op == "write":
        real_mkstemp = tempfile.mkstemp

        def mkstemp(suffix=None, prefix=None, dir=None, text=False):
            fd, name = real_mkstemp(suffix, prefix, dir, text)
            # atomic.write_bytes names its temporary ".NAME." in the destination's folder
            if prefix and dir and hit(Path(dir) / prefix[1:-1]):
                if code != errno.ENOSPC:
                    os.close(fd)
                    os.unlink(name)
                    raise _fail(code, name)
                os.close(fd)
                fd = os.open("/dev/full", os.O_WRONLY)
            return fd, name

        tempfile.mkstemp = mkstemp
    else:
        raise SystemExit(f"unknown operation {op!r}")


def read_only(folder: str) -> None:
    real = {name: getattr(os, name) for name in ("mkdir", "open", "replace", "rename", "unlink", "rmdir", "chmod")}
    real_open = builtins.open
    writing = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND

    def guard(name, *checked):
        def wrapped(*args, **kw):
            for index in checked:
                if _under(args[index], folder):
                    if name == "mkdir" and os.path.lexists(args[0]):
                        raise OSError(errno.EEXIST, os.strerror(errno.EEXIST), os.fsdecode(args[0]))
                    if name == "open" and not args[1] & writing:
                        break
                    raise _fail(errno.EROFS, args[index])
            return real[name](*args, **kw)
        return wrapped

    os.mkdir, os.open, os.rmdir, os.chmod = (guard("mkdir", 0), guard("open", 0), guard("rmdir", 0), guard("chmod", 0))
    os.replace, os.rename, os.unlink = guard("replace", 0, 1), guard("rename", 0, 1), guard("unlink", 0)

    def open_(file, mode="r", *args, **kw):
        if isinstance(file, (str, bytes, os.PathLike)) and set(mode) & set("wax+") and _under(file, folder):
            raise _fail(errno.EROFS, file)
        return real_open(file, mode, *args, **kw)

    builtins.open = io.open = open_


def other_filesystem(folder: str) -> None:
    for name in ("replace", "rename", "link"):
        real = getattr(os, name)

        def moved(src, dst, *args, _real=real, **kw):
            if _under(src, folder) != _under(dst, folder):
                raise OSError(errno.EXDEV, os.strerror(errno.EXDEV), os.fsdecode(src), None, os.fsdecode(dst))
            return _real(src, dst, *args, **kw)

        setattr(os, name, moved)


def after_recovery(snapshot: Path | None, armed: list) -> None:
    real = workflow.clean_pending

    def clean_pending():
        real()
        if snapshot:
            shutil.copytree(paths.output_root(), snapshot, ignore=shutil.ignore_patterns(".lock"))
        armed.append(True)

    workflow.clean_pending = clean_pending


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--at", metavar="OP:GLOB:N", action="append", default=[])
    parser.add_argument("--kill", action="store_true")
    parser.add_argument("--errno", choices=sorted(errno.errorcode.values()))
    parser.add_argument("--read-only", metavar="FOLDER")
    parser.add_argument("--other-filesystem", metavar="FOLDER")
    parser.add_argument("--snapshot", type=Path)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    if os.getpgid(0) != os.getpid():
        # SIGKILL goes to the whole group: only ever one the test created for this process.
        raise SystemExit("faulty_run.py must lead its own process group (start it with start_new_session=True)")
    armed: list = []
    after_recovery(args.snapshot, armed)
    if args.at and not args.kill:
        armed.append(True)
    for at in args.at:
        op, pattern, nth = at.split(":")
        sabotage_operation(op, pattern, int(nth), args.kill, getattr(errno, args.errno or "EIO"), armed)
    if args.read_only:
        read_only(os.path.realpath(args.read_only))
    if args.other_filesystem:
        other_filesystem(os.path.realpath(args.other_filesystem))
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    return workflow.main(command)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
