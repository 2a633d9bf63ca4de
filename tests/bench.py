"""``make bench``: how long the pipeline takes on this machine, printed, never asserted.

In a temporary copy of the notebooks, with outputs in temporary folders (the repository's
outputs are not touched), it measures:

1. the baseline: the seven notebooks one after another with the plain ``papermill`` command
   line (a new interpreter and a new kernel per notebook, no doit);
2. a cold full run with doit, sequential (``--jobs 1``) and parallel (one job per core);
3. a no-op run (nothing changed), from the command line, interpreter start included;
4. a run after one leaf notebook changed (which notebooks ran, and how long it took).

Each of 1-2 is measured ``--rounds`` times, interleaved, and the fastest kept: on a shared
machine noise only ever adds time. It also says whether the pipeline's tables, extracts and
figures are byte-identical to those of the plain papermill run.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kalbar_border import paths
from kalbar_border.pipeline import execute
from kalbar_border.pipeline import notebooks as spec
from kalbar_border.atomic import sha256_file

LEAF = "04_remittances_context"


def _env(out: Path) -> dict:
    return {**os.environ, "COMPENDIUM_OUTPUT_DIR": str(out), "PYTHONHASHSEED": "0",
            **dict.fromkeys(execute.SINGLE_THREAD, "1")}


def _timed(cmd: list[str], env: dict) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(cmd, env=env, cwd=paths.ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"bench: {' '.join(cmd[:4])} failed:\n{done.stdout}{done.stderr}")
    return seconds, done.stdout


def plain_papermill(nbs: Path, out: Path) -> float:
    """The notebooks in number order with the papermill command line, as a user would without doit."""
    papermill = str(Path(sys.executable).with_name("papermill"))
    total = 0.0
    for nb in sorted(nbs.glob("[0-9][0-9]_*.ipynb")):
        target = out / "executed" / nb.name
        target.parent.mkdir(parents=True, exist_ok=True)
        seconds, _ = _timed([papermill, str(nb), str(target), "-k", spec.KERNEL, "--cwd", str(paths.ROOT),
                             "--no-progress-bar"], _env(out))
        total += seconds
    return total


def pipeline(nbs: Path, out: Path, *args: str) -> tuple[float, str]:
    return _timed([sys.executable, "-m", "kalbar_border.workflow", "--folder", str(nbs), *args], _env(out))


def _outputs(out: Path) -> dict:
    files = {}
    for folder in ("results", "figures", "data/processed"):
        for p in sorted((out / folder).glob("*")):
            # Sidecars record the commit and run records: not compared. Per-notebook findings files
            # exist only in pipeline runs.
            if p.is_file() and p.suffix != ".json" or p.name in ("results.json", "results_sources.json"):
                files[f"{folder}/{p.name}"] = sha256_file(p)
    return files


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args(argv)
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory(prefix="kalbar-bench-") as tmp:
        work = Path(tmp)
        nbs = work / "notebooks"
        shutil.copytree(paths.NOTEBOOKS, nbs)
        best = {"plain": [], "sequential": [], "parallel": []}
        for r in range(args.rounds):
            best["plain"].append(plain_papermill(nbs, work / f"plain{r}"))
            best["sequential"].append(pipeline(nbs, work / f"seq{r}", "--jobs", "1")[0])
            best["parallel"].append(pipeline(nbs, work / f"par{r}", "--jobs", str(cores))[0])
        out = work / f"par{args.rounds - 1}"
        noop, noop_text = pipeline(nbs, out)
        leaf = nbs / f"{LEAF}.ipynb"
        nb = json.loads(leaf.read_text())
        nb["cells"][0]["source"].append("\n")  # a change to the text: the notebook's bytes differ
        leaf.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n")
        touched, touched_text = pipeline(nbs, out)
        ran = [line.split()[1] for line in touched_text.splitlines() if line.startswith("  done ")]
        same = _outputs(work / "plain0") == _outputs(out)
    floor = min(best["plain"])
    print(f"bench on {cores} cores, best of {args.rounds} rounds (all rounds in brackets)")
    rows = [("plain papermill, 7 notebooks one after another", floor, best["plain"]),
            ("doit, cold, sequential (--jobs 1)", min(best["sequential"]), best["sequential"]),
            (f"doit, cold, parallel (--jobs {cores}, the default)", min(best["parallel"]), best["parallel"]),
            ("doit, no-op run (nothing changed)", noop, [noop]),
            (f"doit, after {LEAF} changed (ran: {', '.join(ran)})", touched, [touched])]
    for label, seconds, rounds in rows:
        print(f"  {label:<72} {seconds:6.2f} s  {seconds / floor:5.2f} x plain  "
              f"[{', '.join(f'{s:.2f}' for s in rounds)}]")
    print(f"  tables, extracts and figures byte-identical to the plain papermill run: {'yes' if same else 'NO'}")
    print(f"  no-op run said: {' / '.join(sorted(set(l.split()[0] for l in noop_text.splitlines() if l.strip())))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
