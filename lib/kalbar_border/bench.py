"""``make bench``: how long the pipeline takes on this machine, printed, not asserted.

Measures, in a temporary copy of the notebooks with outputs in a temporary folder (the
repository's outputs are not touched):

1. cold full run, sequential (one notebook at a time) and parallel (one per core);
2. no-op rerun through the command line, interpreter start included;
3. rerun after touching one leaf notebook (which notebooks ran);
4. the floor: as many kernels as notebooks, each doing only the notebook's imports, run
   sequentially;

and prints each with its ratio to the floor, then per notebook its floor, its cold
sequential time and the difference (the work no cache can skip on a cold run). Timings on
shared machines are noisy: read them as orders of magnitude, run twice before drawing
conclusions.
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

from . import paths, runner

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
                            kernel_manager_class=runner.kernel_manager())  # kernels as the runner starts them
        seconds[source.name] = time.monotonic() - started
    return seconds


def _timed(fn) -> tuple[float, object]:
    started = time.monotonic()
    value = fn()
    return time.monotonic() - started, value


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="kalbar-bench-"))
    nbs = work / "notebooks"
    shutil.copytree(paths.NOTEBOOKS, nbs)
    quiet = lambda _: None  # noqa: E731
    cores = os.cpu_count() or 1
    try:
        print(f"machine: {cores} cores; {len(list(nbs.glob('*.ipynb')))} notebooks; work folder {work}")
        per_notebook = floor(runner.discover(nbs), work)
        base = sum(per_notebook.values())
        seq, cold = _timed(lambda: runner.run(folder=nbs, dest=work / "seq", force=True, jobs=1, echo=quiet))
        par, _ = _timed(lambda: runner.run(folder=nbs, dest=work / "out", force=True, jobs=cores, echo=quiet))
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
                ("cold full run, sequential (1 job)", seq),
                (f"cold full run, parallel ({cores} jobs)", par),
                ("no-op rerun (command line)", noop),
                (f"rerun after touching {LEAF}", touch)]
        print(f"{'measurement':<46} {'seconds':>8} {'x floor':>8}")
        for name, seconds in rows:
            print(f"{name:<46} {seconds:8.2f} {seconds / base:8.2f}")
        print(f"notebooks rerun after the touch: {', '.join(ran) or 'none'}")
        print("\nwhere the sequential cold run goes (execution only; HTML and report not included):")
        print(f"{'notebook':<34} {'floor s':>8} {'cold s':>8} {'beyond':>8}")
        for entry in cold["notebooks"]:
            name, spent = entry["notebook"], entry["seconds"]
            print(f"{name:<34} {per_notebook[name]:8.2f} {spent:8.1f} {spent - per_notebook[name]:8.1f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
