"""The session's shared pipeline runs (``pipeline_run`` in tests/conftest.py),
each made once per session by the first of pytest-xdist's workers that needs it; the others wait
on its lock and read it.
"""
from __future__ import annotations

import fcntl
import json
import os
import subprocess
import sys
from pathlib import Path

from kalbar_border import paths

#: name -> the run's parameters.
SHARED = {"default": ()}


def run_pipeline(out: Path, *args, env: dict | None = None, timeout: int = 300, **popen) -> subprocess.CompletedProcess:
    """``python -m kalbar_border.workflow ARGS`` with outputs under ``out``, as a user runs it."""
    environment = {**os.environ, "COMPENDIUM_OUTPUT_DIR": str(out), **(env or {})}
    return subprocess.run([sys.executable, "-m", "kalbar_border.workflow", *map(str, args)], env=environment,
                          cwd=paths.ROOT, capture_output=True, text=True, timeout=timeout, **popen)


def shared_run(session: Path, name: str) -> tuple[Path, dict]:
    """The shared run ``name`` of the session whose folder is ``session``, made now unless it was
    made (or is being made: its lock waits for it): (its output folder, ``{"returncode",
    "stdout", "stderr"}``). Tests must not change it."""
    folder = Path(session) / "shared"
    out, said = folder / name, folder / f"{name}.json"
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / f"{name}.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not said.is_file():
            done = run_pipeline(out, *SHARED[name], timeout=900)
            text = json.dumps({"returncode": done.returncode, "stdout": done.stdout, "stderr": done.stderr})
            said.with_suffix(".tmp").write_text(text)
            said.with_suffix(".tmp").replace(said)
    return out, json.loads(said.read_text())

