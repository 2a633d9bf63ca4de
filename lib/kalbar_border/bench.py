"""``make bench``: how long the pipeline takes on this machine, printed, not asserted.

Measures, in a temporary copy of the notebooks with outputs in a temporary folder (the
repository's outputs are not touched):

1. cold full run, sequential (one notebook at a time) and parallel (one per core);
2. no-op rerun through the command line, interpreter start included;
3. rerun after touching one leaf notebook (which notebooks ran);
4. the floor: as many kernels as notebooks, each doing only the notebook's imports, run
   sequentially, each started, run and shut down the plain way (a new interpreter per kernel,
   no zygote, no spare, waiting for each to exit), which is the cost of one kernel per
   notebook that the runner's kernel handling (:mod:`kalbar_border.kernels`) is there to beat;

and prints each with its ratio to the floor, then per notebook its floor, its cold
sequential time and the difference. The floor and
the cold runs are measured :data:`ROUNDS` times, interleaved, and the fastest of each kept
(every round is printed too): on a shared machine noise only ever adds time, so the minimum
is the steadiest estimate, and it is taken alike for the floor and the runs it is compared
with.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import kernels, paths, runner

LEAF = "04_remittances_context.ipynb"


def _imports_only(source: Path, target: Path) -> None:
    nb = json.loads(source.read_text())
    lines = []
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            text = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            lines += [ln for ln in text.splitlines() if ln.startswith(("import ", "from "))]
    nb["cells"] = [{"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
                    "source": "\n".join(lines)}]
    target.write_text(json.dumps(nb))


def floor(notebooks: list[Path], work: Path) -> dict[str, float]:
    """Seconds per notebook of a kernel doing only that notebook's imports, run one after
    another (their sum is the floor)."""
    import papermill as pm

    seconds = {}
    for source in notebooks:
        stub = work / f"imports_{source.name}"
        _imports_only(source, stub)
        started = time.monotonic()
        pm.execute_notebook(str(stub), str(work / f"out_{source.name}"), kernel_name=runner.KERNEL,
                            cwd=str(paths.ROOT), progress_bar=False, log_output=False,
                            kernel_manager_class=kernels.kernel_manager())  # plain kernels: no zygote, no spare
        seconds[source.name] = time.monotonic() - started
    return seconds


def _timed(fn) -> tuple[float, object]:
    started = time.monotonic()
    value = fn()
    return time.monotonic() - started, value


#: Each cold measurement and the floor are taken this many times, interleaved, and the
#: fastest kept: on a shared machine a neighbour's burst only ever adds time.
ROUNDS = 2


def main(rounds: int = ROUNDS) -> int:
    work = Path(tempfile.mkdtemp(prefix="kalbar-bench-"))
    nbs = work / "notebooks"
    shutil.copytree(paths.NOTEBOOKS, nbs)
    quiet = lambda _: None  # noqa: E731
    cores = os.cpu_count() or 1
    try:
        print(f"machine: {cores} cores; {len(list(nbs.glob('*.ipynb')))} notebooks; work folder {work}; "
              f"floor and cold runs each measured {rounds} times, interleaved, fastest kept")
        floors, seqs, pars, per_notebook, per_cold = [], [], [], {}, {}
        for round_ in range(1, rounds + 1):
            seconds = floor(runner.discover(nbs), work)
            floors.append(sum(seconds.values()))
            seq, cold = _timed(lambda: runner.run(folder=nbs, dest=work / "seq", force=True, jobs=1, echo=quiet))
            par, _ = _timed(lambda: runner.run(folder=nbs, dest=work / "out", force=True, jobs=cores, echo=quiet))
            seqs.append(seq)
            pars.append(par)
            for name, spent in seconds.items():
                per_notebook[name] = min(spent, per_notebook.get(name, spent))
            for entry in cold["notebooks"]:
                per_cold[entry["notebook"]] = min(entry["seconds"], per_cold.get(entry["notebook"], entry["seconds"]))
            print(f"round {round_}: floor {floors[-1]:.2f} s, cold sequential {seq:.2f} s, cold parallel {par:.2f} s")
        base = min(floors)
        noop, _ = _timed(lambda: subprocess.run(
            [sys.executable, "-m", "kalbar_border.runner", "--folder", str(nbs), "--dest", str(work / "out")],
            check=True, capture_output=True))
        nb = json.loads((nbs / LEAF).read_text())
        nb["cells"].append({"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
                            "source": "# touched by the benchmark"})
        (nbs / LEAF).write_text(json.dumps(nb))
        touch, manifest = _timed(lambda: runner.run(folder=nbs, dest=work / "out", echo=quiet))
        ran = [n["notebook"] for n in manifest["notebooks"] if n["status"] == "ok"]
        rows = [("floor: imports only, sequential kernels", base),
                ("cold full run, sequential (1 job)", min(seqs)),
                (f"cold full run, parallel ({cores} jobs)", min(pars)),
                ("no-op rerun (command line)", noop),
                (f"rerun after touching {LEAF}", touch)]
        print(f"\n{'measurement':<46} {'seconds':>8} {'x floor':>8}")
        for name, seconds in rows:
            print(f"{name:<46} {seconds:8.2f} {seconds / base:8.2f}")
        print(f"notebooks rerun after the touch: {', '.join(ran) or 'none'}")
        print("\nper notebook (fastest round; execution only, HTML and report not included): its floor kernel, its time"
              "\nin the cold sequential run, and the difference, negative where the runner's kernel handling saved more"
              "\nthan the notebook's own work costs:")
        print(f"{'notebook':<34} {'floor s':>8} {'cold s':>8} {'cold-floor':>10}")
        for name, spent in per_cold.items():
            print(f"{name:<34} {per_notebook[name]:8.2f} {spent:8.1f} {spent - per_notebook[name]:10.1f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
