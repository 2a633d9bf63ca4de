"""Content-addressed cache keys and the dependency graph of the notebooks.

Each notebook declares in its metadata (``kalbar.inputs`` / ``kalbar.outputs``) the files it
reads and writes and the results namespaces it reads and writes (``results:border``; the
namespace is the first part of a results key). From these:

* :func:`dependencies`: notebook B depends on A when B reads something A writes;
* :func:`key_parts`: what a notebook's outputs depend on: its source (every cell), its
  parameters, the ``kalbar_border`` source (the whole package is hashed: finer tracking of
  which function a notebook calls would be unreliable), the locked environment, and the
  content of each declared input and of each file a parameter names. Upstream results are hashed by content, so a rerun of an
  upstream notebook that produced the same results does not rerun its dependents.
"""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from . import paths
from .atomic import sha256_file

RESULTS_PREFIX = "results:"


def _sha(data) -> str:
    if not isinstance(data, bytes):
        data = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8")
    return hashlib.sha256(data).hexdigest()


def read_notebook(path: Path) -> dict:
    """A notebook as plain JSON. nbformat is not imported here: its import alone takes about
    two seconds, the whole budget of a run in which nothing changed."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


def _source(cell: dict) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def declarations(path: Path) -> tuple[list[str], list[str]]:
    """(inputs, outputs) declared in a notebook's ``kalbar`` metadata."""
    meta = read_notebook(path).get("metadata", {}).get("kalbar", {})
    return list(meta.get("inputs", [])), list(meta.get("outputs", []))


def resolve(declared: str, view: Path) -> Path:
    """A declared file: generated folders are read from ``view`` (the staging folder during a
    run), everything else from the repository; absolute paths stay as they are."""
    if any(declared == g or declared.startswith(g + "/") for g in paths.GENERATED):
        return Path(view) / declared
    return paths.ROOT / declared


def _namespace_match(read: str, written: str) -> bool:
    return read == "*" or written == "*" or read == written


def dependencies(specs: dict[str, tuple[list[str], list[str]]]) -> dict[str, set[str]]:
    """name -> names of the notebooks it depends on (among ``specs``, in their order)."""
    deps = {name: set() for name in specs}
    for reader, (inputs, _) in specs.items():
        for writer, (_, outputs) in specs.items():
            if writer == reader:
                continue
            for item in inputs:
                for out in outputs:
                    if item.startswith(RESULTS_PREFIX) and out.startswith(RESULTS_PREFIX):
                        hit = _namespace_match(item[len(RESULTS_PREFIX):], out[len(RESULTS_PREFIX):])
                    else:
                        hit = item == out
                    if hit:
                        deps[reader].add(writer)
    return deps


def dependents(deps: dict[str, set[str]]) -> dict[str, set[str]]:
    """name -> names of the notebooks that depend on it directly."""
    out = {name: set() for name in deps}
    for reader, writers in deps.items():
        for writer in writers:
            out[writer].add(reader)
    return out


def estimated_seconds(declared_inputs: list[str], view: Path, recorded: float | None) -> float:
    """Expected run time of a notebook, for scheduling only: the seconds its last run took
    when known, else one second plus one per megabyte of declared input files that exist
    (bigger inputs, more work: the microdata extracts weigh megabytes, the source tables
    kilobytes)."""
    if recorded:
        return float(recorded)
    size = sum(p.stat().st_size for p in (resolve(i, view) for i in declared_inputs
                                          if not i.startswith(RESULTS_PREFIX)) if p.is_file())
    return 1.0 + size / 1e6


def remaining_path(costs: dict[str, float], below: dict[str, set[str]]) -> dict[str, float]:
    """name -> its own cost plus the longest chain of costs downstream of it. Running the
    ready notebook with the longest remaining path first keeps the critical chain moving
    while the short independent notebooks fill the other cores."""
    memo: dict[str, float] = {}

    def length(name: str, seen: frozenset = frozenset()) -> float:
        if name not in memo:
            if name in seen:  # a cycle: reported by the runner, not here
                return 0.0
            memo[name] = costs[name] + max((length(d, seen | {name}) for d in below[name]), default=0.0)
        return memo[name]

    return {name: length(name) for name in costs}


def _results_digest(namespace: str, view: Path) -> str:
    folder = Path(view) / "results"
    found = {}
    for name in ("results.json", "results_sources.json"):
        path = folder / name
        data = json.loads(path.read_text()) if path.is_file() else {}
        found[name] = {k: v for k, v in data.items() if namespace == "*" or k.split(".", 1)[0] == namespace}
    return _sha(found)


def input_digest(declared: str, view: Path) -> str:
    """Content hash of one declared input (``missing`` when the file does not exist)."""
    if declared.startswith(RESULTS_PREFIX):
        return _results_digest(declared[len(RESULTS_PREFIX):], view)
    path = resolve(declared, view)
    return sha256_file(path) if path.is_file() else "missing"


def lib_digest() -> str:
    """Hash of every source file of the package (names and bytes)."""
    files = sorted(paths.LIB.rglob("*.py"))
    return _sha({p.relative_to(paths.LIB).as_posix(): sha256_file(p) for p in files})


def environment_digest(kernel: str) -> str:
    """The locked environment: pins, Python version and kernel name."""
    pins = {name: sha256_file(paths.ROOT / name) for name in ("requirements.txt", "constraints.txt")
            if (paths.ROOT / name).is_file()}
    return _sha({"pins": pins, "python": sys.version.split()[0], "kernel": kernel})


def notebook_digest(path: Path) -> str:
    nb = read_notebook(path)
    return _sha([(c["cell_type"], _source(c), c.get("metadata", {}).get("tags", [])) for c in nb["cells"]]
                + [nb.get("metadata", {}).get("kalbar", {})])


PARAMETER_PREFIX = "parameter:"


def parameter_files(parameters: dict) -> dict[str, Path]:
    """Parameters whose value names an existing file (absolute, or relative to the repository,
    the kernels' working folder): ``-p SUSENAS_PATH=/data/other.rda``. The file is an input of
    the notebook like a declared one, so editing it in place reruns the notebook."""
    found = {}
    for name, value in parameters.items():
        if isinstance(value, str) and value:
            candidate = Path(value) if Path(value).is_absolute() else paths.ROOT / value
            if candidate.is_file():
                found[f"{PARAMETER_PREFIX}{name}"] = candidate
    return found


def key_parts(path: Path, parameters: dict, view: Path, kernel: str, lib: str, env: str) -> dict:
    """What a notebook's outputs depend on (see the module docstring); a parameter naming a
    file adds that file's content to the inputs (:func:`parameter_files`)."""
    inputs, _ = declarations(path)
    digests = {item: input_digest(item, view) for item in inputs}
    digests.update({item: sha256_file(file) for item, file in parameter_files(parameters).items()})
    return {"notebook": notebook_digest(path), "parameters": _sha(parameters), "lib": lib, "environment": env,
            "inputs": digests}


def key(parts: dict) -> str:
    return _sha(parts)


def reasons(old: dict | None, new: dict) -> str:
    """Why a notebook must run, in words, from its previous and current key parts."""
    if not old:
        return "no cache record"
    said = [f"{part} changed" for part in ("notebook", "parameters", "lib", "environment") if old.get(part) != new[part]]
    changed = [k for k, v in new["inputs"].items() if old.get("inputs", {}).get(k) != v]
    if changed:
        said.append("input changed: " + ", ".join(changed))
    return "; ".join(said) or "outputs missing"
