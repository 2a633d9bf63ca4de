"""Owns how a failure reaches the terminal: one line naming the step, the file and the cause,
with the traceback in ``build/failed/<step>.log``, never on the terminal.

An ``OSError`` (a full disk, a read-only folder) can meet any step of a run, writing that log
included: the line then says the log could not be written, instead of a second failure.

Each line is a :class:`CompendiumError` (or a :class:`Said` part of one), so it is said in the
run's language; the system's own words for a cause (``No space left on device``) stay as the
system gave them.
"""
from __future__ import annotations

import errno
import os
import traceback
from pathlib import Path

from .. import atomic, paths
from ..errors import CompendiumError, Said

#: Causes only a write meets; any other (permission, I/O) may come from a read as well.
_WRITING = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS}


def cause(exc: OSError) -> Said | str:
    """``cannot write build/runs/x.json: No space left on device``: the file (the destination,
    for a move) and the system's words for the cause (those words alone when no file is named)."""
    said = exc.strerror or str(exc)
    name = exc.filename2 if exc.filename2 is not None else exc.filename
    if name is None:
        return said
    key = "error_failures_cannot_write" if exc.errno in _WRITING else "error_failures_cannot_access"
    return Said(key, path=paths.relative(Path(os.fsdecode(name))), said=said)


def details(step: str, text: str) -> Said:
    """Write ``text`` (a traceback) to ``build/failed/<step>.log``; returns the parenthesis the
    one line ends with, naming that log or why it could not be written."""
    log = paths.build_dir() / "failed" / f"{step}.log"
    try:
        atomic.write_text(log, text)
    except OSError as failed:
        return Said("error_failures_no_details", cause=cause(failed))
    return Said("error_failures_details", log=paths.relative(log))


def os_error(step: str, exc: OSError) -> CompendiumError:
    """The one line for an ``OSError`` in ``step``: step, file, cause, where the details are
    (the log is written once, here; say the error in any language afterwards)."""
    return CompendiumError(key="error_failures_os", step=step, cause=cause(exc),
                           details=details(step, "".join(traceback.format_exception(exc))))
