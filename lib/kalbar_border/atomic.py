"""Atomic file writes: a reader sees the old file or the complete new one, never a half.

Used by every function that writes an output (tables, results, figures, manifests).

While the pipeline runs a notebook it sets ``COMPENDIUM_PENDING`` to a token: each write then
goes to ``.<name>.<token>.pending`` beside its destination and stays there, and the pipeline
moves all of a notebook's pending files into place only when the whole notebook succeeded
(:mod:`kalbar_border.pipeline.execute`). Run by hand (JupyterLab), writes replace their file at once.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from pathlib import Path

#: Environment variable holding the pending-write token of the notebook being run.
PENDING_ENV = "COMPENDIUM_PENDING"


def write_bytes(path: Path, data: bytes, *, pending: str | None = None) -> Path:
    """Write ``data`` to ``path`` via a temporary file in the same folder and ``os.replace``
    (to the notebook's pending file instead while the pipeline runs it, or when ``pending``
    gives the token; see above). An ``OSError`` names ``path``, whatever step failed."""
    path = Path(path)
    token = pending or os.environ.get(PENDING_ENV)
    destination = path.with_name(f".{path.name}.{token}.pending") if token else path
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        # mkstemp creates 0600 files; outputs should get the ordinary permissions (umask).
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, destination)
    except BaseException as exc:
        if tmp:
            with contextlib.suppress(OSError):  # the first failure is the one to report
                Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError) and exc.errno:
            # A full disk's write error names no file, a failed mkstemp a temporary one.
            raise OSError(exc.errno, exc.strerror, str(path)) from exc
        raise
    return path


def write_text(path: Path, text: str, *, pending: str | None = None) -> Path:
    """Atomic UTF-8 text write with Unix newlines (byte-identical across platforms)."""
    return write_bytes(path, text.encode("utf-8"), pending=pending)


def write_json(path: Path, obj, *, pending: str | None = None) -> Path:
    """Atomic JSON write, keys sorted and indented, so equal content gives equal bytes."""
    return write_text(path, json.dumps(obj, indent=2, sort_keys=True, ensure_ascii=False) + "\n", pending=pending)


def sha256_file(path: Path, chunk: int = 1 << 20) -> str:
    """Hex sha256 of a file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(chunk), b""):
            digest.update(block)
    return digest.hexdigest()
