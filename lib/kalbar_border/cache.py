"""Content-addressed cache keys and the dependency graph of the notebooks.

Each notebook declares in its metadata (``kalbar.inputs`` / ``kalbar.outputs``) the files it
reads and writes and the results namespaces it reads and writes (``results:border``; the
namespace is the first part of a results key). From these:

* :func:`dependencies`: notebook B depends on A when B reads something A writes;
* :func:`key_parts`: what a notebook's outputs depend on: its source (every cell), its
  parameters, the ``kalbar_border`` source (the whole package is hashed: finer tracking of
  which function a notebook calls would be unreliable), the locked environment, and the
  content of each declared input. Upstream results are hashed by content, so a rerun of an
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


def key_parts(path: Path, parameters: dict, view: Path, kernel: str, lib: str, env: str) -> dict:
    inputs, _ = declarations(path)
    return {"notebook": notebook_digest(path), "parameters": _sha(parameters), "lib": lib, "environment": env,
            "inputs": {item: input_digest(item, view) for item in inputs}}


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
