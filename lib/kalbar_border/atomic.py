"""Atomic file writes: a reader sees the old file or the complete new one, never a half.

Used by every function that writes an output (tables, results, figures, manifests).

While the pipeline runs a notebook it sets ``COMPENDIUM_PENDING`` to a token: each write then
goes to ``.<name>.<token>.pending`` beside its destination and stays there, and the pipeline
moves all of a notebook's pending files into place only when the whole notebook succeeded
(:mod:`kalbar_border.pipeline.execute`). Run by hand (JupyterLab), writes replace their file at once.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

#: Environment variable holding the pending-write token of the notebook being run.
PENDING_ENV = "COMPENDIUM_PENDING"


def write_bytes(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` via a temporary file in the same folder and ``os.replace``
    (to the notebook's pending file instead while the pipeline runs it; see above)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    token = os.environ.get(PENDING_ENV)
    destination = path.with_name(f".{path.name}.{token}.pending") if token else path
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        # mkstemp creates 0600 files; outputs should get the ordinary permissions (umask).
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, destination)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def write_text(path: Path, text: str) -> Path:
    """Atomic UTF-8 text write with Unix newlines (byte-identical across platforms)."""
    return write_bytes(path, text.encode("utf-8"))


def write_json(path: Path, obj) -> Path:
    """Atomic JSON write, keys sorted and indented, so equal content gives equal bytes."""
    return write_text(path, json.dumps(obj, indent=2, sort_keys=True, ensure_ascii=False) + "\n")


def sha256_file(path: Path, chunk: int = 1 << 20) -> str:
    """Hex sha256 of a file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(chunk), b""):
            digest.update(block)
    return digest.hexdigest()
