"""Owns how a failure reaches the terminal: one line naming the step, the file and the cause,
with the traceback in ``build/failed/<step>.log``, never on the terminal.

An ``OSError`` (a full disk, a read-only folder) can meet any step of a run, writing that log
included: the line then says the log could not be written, instead of a second failure.
"""
from __future__ import annotations

import errno
import os
import traceback
from pathlib import Path

from .. import atomic, paths

#: Causes only a write meets; any other (permission, I/O) may come from a read as well.
_WRITING = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS}


def cause(exc: OSError) -> str:
    """``cannot write build/runs/x.json: No space left on device``: the file (the destination,
    for a move) and the system's words for the cause."""
    said = exc.strerror or str(exc)
    name = exc.filename2 if exc.filename2 is not None else exc.filename
    if name is None:
        return said
    verb = "cannot write" if exc.errno in _WRITING else "cannot access"
    return f"{verb} {paths.relative(Path(os.fsdecode(name)))}: {said}"


def details(step: str, text: str) -> str:
    """Write ``text`` (a traceback) to ``build/failed/<step>.log``; returns the parenthesis the
    one line ends with, naming that log or why it could not be written."""
    log = paths.build_dir() / "failed" / f"{step}.log"
    try:
        atomic.write_text(log, text)
    except OSError as failed:
        return f"(no details: {cause(failed)})"
    return f"(details in {paths.relative(log)})"


def os_error(step: str, exc: OSError) -> str:
    """The one line for an ``OSError`` in ``step``: step, file, cause, where the details are."""
    return f"{step}: {cause(exc)} {details(step, ''.join(traceback.format_exception(exc)))}"
