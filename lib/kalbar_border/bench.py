"""``make bench``: how long the pipeline takes on this machine, printed, not asserted.

Measures, in a temporary copy of the notebooks with outputs in a temporary folder (the
repository's outputs are not touched):

1. cold full run, sequential (one notebook at a time) and parallel (one per core);
2. no-op rerun through the command line, interpreter start included;
3. rerun after touching one leaf notebook (which notebooks ran);
4. the floor: as many kernels as notebooks, each doing only the notebook's imports, run
   sequentially;

and prints each with its ratio to the floor. Timings on shared machines are noisy: read
them as orders of magnitude, run twice before drawing conclusions.
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


def floor(notebooks: list[Path], work: Path) -> float:
    """Sequential kernels doing only the notebooks' imports (seconds)."""
    import papermill as pm

    started = time.monotonic()
    for source in notebooks:
        stub = work / f"imports_{source.name}"
        _imports_only(source, stub)
        pm.execute_notebook(str(stub), str(work / f"out_{source.name}"), kernel_name=runner.KERNEL,
                            cwd=str(paths.ROOT), progress_bar=False, log_output=False)
    return time.monotonic() - started


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
        base = floor(runner.discover(nbs), work)
        seq, _ = _timed(lambda: runner.run(folder=nbs, dest=work / "seq", force=True, jobs=1, echo=quiet))
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
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
