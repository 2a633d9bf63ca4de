"""One writer decides the bytes: every float in ``results/`` and the figure sidecars passes
through :func:`kalbar_border.precision.rounded` (10 significant digits), so a rerun on another
CPU or BLAS kernel, which moves values in their last binary digits, writes the same bytes.

The end-to-end test reruns the pipeline with every value perturbed by 1e-13 relative just before
it is rounded (a ``sitecustomize`` hook, inherited by the notebooks' kernels) and compares every
file of ``results/`` and ``figures/`` with the unperturbed run; the hook also logs what it saw,
so a number written around the function fails the test instead of passing unperturbed."""
import csv
import json
import math
import os
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure

from tests.conftest import run_pipeline
from kalbar_border import precision, results
from kalbar_border.figures import save

DELTA = 1e-13


def test_rounded_keeps_ten_significant_digits_whatever_the_last_binary_digits():
    # The two values two machines wrote for the same p-value, before this writer.
    assert precision.rounded(0.5905544089688683) == precision.rounded(0.590554408968868) == 0.590554409
    assert repr(precision.rounded(0.1 + 0.2)) == "0.3"
    assert precision.rounded(123456789012.0) == 123456789000.0
    assert precision.rounded(-1.23456789049e-7) == -1.23456789e-7
    assert math.isnan(precision.rounded(float("nan")))
    assert precision.rounded(float("-inf")) == float("-inf")


def test_csv_text_is_the_rounded_value_without_trailing_zeros():
    assert precision.csv_text(0.5905544089688683) == "0.590554409"
    assert precision.csv_text(2019.0) == "2019"
    assert precision.csv_text(np.float64(1e-5)) == "1e-05"
    assert precision.csv_text(1.186509691234e12) == "1.186509691e+12"
    assert precision.csv_text(float("nan")) == ""


def test_for_json_rounds_floats_keeps_integers_and_texts_and_writes_nan_as_null():
    value = precision.for_json({"p": 0.5905544089688683, "whole": 24.999999999999996, "n": np.int64(2**60),
                                "flag": np.bool_(True), "plain": True, "text": "0.5905544089688683",
                                "missing": float("nan"), "list": [np.float64(0.1) + 0.2, None, "a"], "pair": (1.5, 2)})
    assert value == {"p": 0.590554409, "whole": 25, "n": 2**60, "flag": True, "plain": True,
                     "text": "0.5905544089688683", "missing": None, "list": [0.3, None, "a"], "pair": [1.5, 2]}
    assert type(value["whole"]) is int and type(value["n"]) is int and type(value["flag"]) is bool
    assert json.dumps(value["p"]) == "0.590554409"


def test_tables_findings_and_sidecars_are_written_through_the_one_function(tmp_path, monkeypatch):
    """Each writer, given a value the function would turn into a mark, writes the mark."""
    monkeypatch.setenv("COMPENDIUM_OUTPUT_DIR", str(tmp_path))
    monkeypatch.setattr(results, "_RECORDED", {})
    monkeypatch.setattr(precision, "rounded", lambda value: 0.25)

    results.write_table(pd.DataFrame({"share": [0.123456789012, 2.5], "mixed": ["text", 0.1], "n": [3, 4]}), "marked")
    assert (tmp_path / "results" / "marked.csv").read_text() == "share,mixed,n\n0.25,text,3\n0.25,0.25,4\n"

    results.record({"test.share": 0.123456789012, "test.count": 7}, notebook="99_marked")
    results.write_merged(["99_marked"])
    for name in ("99_marked.json", "results.json"):
        text = (tmp_path / "results" / name).read_text()
        assert '"test.share": 0.25' in text and '"test.count": 7' in text, name

    fig = Figure(layout="constrained")
    fig.subplots().plot([0, 1], [0, 1])
    save.save_figure(fig, "marked", lang="en", notebook="99_marked", parameters={"ALPHA": 0.05, "LANG": "en"},
                     inputs=[], title="t", source_line="s", caption="c")
    sidecar = json.loads((tmp_path / "figures" / "marked_en.json").read_text())
    assert sidecar["parameters"] == {"ALPHA": 0.25, "LANG": "en"}


HOOK = '''\
"""Test hook: perturb every value the precision function receives, and log it."""
import os

from kalbar_border import precision

_exact = precision.rounded
_delta = float(os.environ["PERTURB_DELTA"])
_log = os.environ["PERTURB_LOG"]


def rounded(value):
    with open(os.path.join(_log, f"{os.getpid()}.txt"), "a") as fh:
        fh.write(repr(float(value)) + "\\n")
    return _exact(float(value) * (1 + _delta))


precision.rounded = rounded
'''

_FLOAT_CELL = re.compile(r"^-?(\d+\.\d*|\.\d+|\d+(\.\d*)?e[-+]?\d+)$", re.IGNORECASE)


def _outputs(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for folder in ("results", "figures")
                  for p in (root / folder).rglob("*") if p.is_file())


def _written_floats(root: Path):
    """(file, number) for every non-whole number in the CSV and JSON outputs under ``root``."""
    def walk(obj):
        if isinstance(obj, float):
            yield obj
        elif isinstance(obj, dict):
            for value in obj.values():
                yield from walk(value)
        elif isinstance(obj, list):
            for value in obj:
                yield from walk(value)

    for rel in _outputs(root):
        path = root / rel
        if path.suffix == ".csv":
            with open(path, newline="", encoding="utf-8") as fh:
                for row in csv.DictReader(fh):
                    # A column ``<name>_id`` is the Indonesian edition of a reader's text, where
                    # 5.824 is the whole number 5,824 (kalbar_border.numbers), not a float.
                    yield from ((rel, float(cell)) for column, cell in row.items()
                                if not column.endswith("_id") and _FLOAT_CELL.match(cell))
        elif path.suffix == ".json":
            yield from ((rel, number) for number in walk(json.loads(path.read_text(encoding="utf-8"))))


@pytest.mark.slow
@pytest.mark.parametrize("sign", [1, -1], ids=["up", "down"])
def test_no_output_byte_moves_when_every_value_moves_by_1e_13(pipeline_run, tmp_path, sign):
    reference = pipeline_run[0]
    hook, log, out = tmp_path / "hook", tmp_path / "log", tmp_path / "out"
    hook.mkdir()
    log.mkdir()
    (hook / "sitecustomize.py").write_text(HOOK)
    path = os.pathsep.join(p for p in (str(hook), os.environ.get("PYTHONPATH")) if p)
    done = run_pipeline(out, env={"PYTHONPATH": path, "PERTURB_DELTA": repr(sign * DELTA), "PERTURB_LOG": str(log)})
    assert done.returncode == 0, done.stdout + done.stderr

    assert _outputs(out) == _outputs(reference)
    moved = [rel for rel in _outputs(reference) if (out / rel).read_bytes() != (reference / rel).read_bytes()]
    assert moved == [], f"bytes moved with a {DELTA:g} perturbation: {moved}"

    # Only a number that went through the hook was perturbed: every number written must be one.
    seen = {precision.rounded(float(line)) for f in log.iterdir() for line in f.read_text().split()}
    assert len(seen) > 100, "the hook saw almost nothing: is it on the kernels' path?"
    around = sorted({(rel, number) for rel, number in _written_floats(reference) if number not in seen})
    assert around == [], f"numbers written without passing through precision.rounded: {around[:10]}"
