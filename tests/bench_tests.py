"""``make bench-tests``: how long the test suite takes on this machine, printed, never asserted.

It runs the suite as ``make test`` does (the pytest options are passed on the command line by
the Makefile, so the two cannot drift apart), and prints its wall time, the number of tests
and the ten slowest (pytest's ``--durations``), beside a cold ``make reproduce FORCE=1`` into a
temporary folder, the yardstick the suite is held to: at most six times a cold run.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kalbar_border import paths

#: The suite's target, in cold runs (issue 29): a reviewer should not wait longer for the tests
#: than for a few runs of the compendium.
TARGET_RATIO = 6


def cold_run() -> float:
    """Seconds of ``python -m kalbar_border.workflow --force`` into an empty temporary folder."""
    out = Path(tempfile.mkdtemp(prefix="kalbar-bench-tests-"))
    try:
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "kalbar_border.workflow", "--force"], cwd=paths.ROOT,
                              env={**os.environ, "COMPENDIUM_OUTPUT_DIR": str(out)}, capture_output=True, text=True)
        seconds = time.perf_counter() - started
    finally:
        shutil.rmtree(out, ignore_errors=True)
    if done.returncode != 0:
        raise SystemExit(f"bench-tests: the cold run failed:\n{done.stdout}{done.stderr}")
    return seconds


def main(argv: list[str]) -> int:
    cold = cold_run()
    print(f"cold run (make reproduce FORCE=1): {cold:.1f} s", flush=True)
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "pytest", *argv, "-q", "--durations=10"],
                          cwd=paths.ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    lines = done.stdout.splitlines()
    summary = next((ln for ln in reversed(lines) if re.search(r"\d+ (passed|failed)", ln)), "no summary line")
    print(f"test suite (pytest {' '.join(argv)}): {seconds:.1f} s, {summary.strip('= ')}")
    print(f"ratio: {seconds / cold:.1f} x a cold run (target: at most {TARGET_RATIO} x, {TARGET_RATIO * cold:.0f} s here)")
    if "slowest 10 durations" in done.stdout:
        block = done.stdout[done.stdout.index("slowest 10 durations"):].splitlines()[1:11]
        print("ten slowest:")
        for line in block:
            print(f"  {line}")
    for line in lines:
        if line.startswith(("FAILED ", "ERROR ")):
            print(f"  {line}")
    if done.returncode != 0:
        print(f"bench-tests: the suite failed (exit {done.returncode}); run make test for its report", file=sys.stderr)
    return done.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
