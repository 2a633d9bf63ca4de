"""Owns the run lock, ``build/.lock``: one run (or ``make clean``) per checkout at a time.

Standard library and :mod:`kalbar_border.paths` only, so ``make clean`` can take the lock
with the system Python, before (or without) the project's environment.
"""
from __future__ import annotations

import fcntl
import os

from .. import paths
from ..errors import CompendiumError


class RunLock:
    """``build/.lock``: one run per checkout. The holder's process id is written into the
    file; a second run stops at once with one line naming it (or waits, with ``wait``)."""

    def __init__(self, wait: bool = False):
        self.path, self.wait, self.handle = paths.build_dir() / ".lock", wait, None

    def __enter__(self):
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.handle = open(self.path, "a+")
        try:
            fcntl.flock(self.handle, fcntl.LOCK_EX | (0 if self.wait else fcntl.LOCK_NB))
        except BlockingIOError:
            self.handle.seek(0)
            holder = self.handle.read().strip() or "unknown"
            self.handle.close()
            raise CompendiumError(f"another run (process {holder}) holds build/{self.path.name}; "
                                  "wait for it to finish (or pass --wait), then run again") from None
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


