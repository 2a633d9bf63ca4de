"""Owns the doit side of the pipeline: one task per notebook (its ``file_dep``, ``targets``
and ``uptodate`` checks), the checker that compares dependencies by content, the report task,
and doit's configuration and record (``build/doit-db.json``).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from doit.dependency import FileChangedChecker

from .. import atomic, paths
from ..errors import CompendiumError
from ..figures.labels import label
from . import failures
from .execute import Job, execute_task, read_record
from .notebooks import Plan

PACKAGES = ("pandas", "numpy", "scipy", "statsmodels", "matplotlib", "papermill", "nbconvert", "nbformat",
            "ipykernel", "jupyter_client", "pyreadr", "pooch", "frictionless", "nbval", "pytest", "jupyterlab",
            "PyYAML", "doit")
#: Files whose change reruns every notebook: the pinned environment.
ENVIRONMENT_FILES = ("requirements.txt", "requirements.lock")


def _lib_sources() -> list[str]:
    return sorted(str(p) for p in paths.LIB.rglob("*") if p.suffix in (".py", ".json", ".yml") and p.is_file())


def _root(rel: str) -> str:
    """A path relative to the output root (generated) or the repository (human-written)."""
    if rel.startswith(("results/", "figures/", "data/processed/", "build/")):
        return str(paths.output_root() / rel)
    return str(paths.ROOT / rel)


def _hashes(files: list[str]) -> dict:
    return {f: atomic.sha256_file(Path(f)) for f in files if Path(f).is_file()}


def outputs_unchanged(task, values) -> bool:
    """doit ``uptodate`` check: every target still has the bytes the notebook wrote (a figure
    overwritten by hand, or a table edited, reruns the notebook)."""
    recorded = values.get("outputs")
    return bool(recorded) and recorded == _hashes(list(task.targets))


def notebook_tasks(plan: Plan):
    """One doit task per notebook of the plan, then the report task."""
    lib, env = _lib_sources(), [str(paths.ROOT / f) for f in ENVIRONMENT_FILES if (paths.ROOT / f).is_file()]
    records = []
    declared = plan.declared()
    for nb in plan.runnable:
        params = plan.params(nb)
        outputs = plan.outputs(nb)
        targets = [_root(o) for o in outputs + nb.build_files()]
        records.append(targets[-1])
        job = Job(nb, params, outputs, sorted(rel for rel, owner in declared.items() if owner != nb.name),
                  plan.kernel, plan.timeout, plan.run_id, tuple(plan.supplied_files(nb)), plan.lang)
        yield {
            "basename": nb.name,
            "doc": f"run {nb.path.name} with papermill",
            "actions": [(execute_task, [job])],
            "file_dep": [str(nb.path), *(_root(i) for i in plan.inputs(nb)), *map(str, plan.microdata_files(nb)), *lib, *env],
            "targets": targets,
            "uptodate": [_config(params, plan.kernel), outputs_unchanged],
            "verbosity": 0,
        }
    yield {
        "basename": REPORT,
        "doc": "write build/index.html, build/index.id.html and build/manifest.json from the notebooks' run records",
        "actions": [(_report_action, [plan])],
        "file_dep": [*records, *lib],
        "targets": [str(paths.build_dir() / "index.html"), str(paths.build_dir() / "index.id.html"),
                    str(paths.build_dir() / "manifest.json")],
        "uptodate": [_config({"skipped": [nb.name for nb in plan.skipped],
                              "notebooks": [nb.name for nb in plan.notebooks]}, plan.kernel), outputs_unchanged],
        "verbosity": 0,
    }


def _config(values: dict, kernel: str):
    from doit.tools import config_changed

    return config_changed({"parameters": values, "kernel": kernel, "python": sys.version.split()[0]})


#: What the command's reporter saw of a notebook in this run -> its status in the report.
CURRENT = ("done", "up to date")


#: The report's task, and the step named in its one-line failures.
REPORT = "report"


def _report_action(plan: Plan):
    """doit action: the report, or doit's ``TaskFailed`` with our one line."""
    from doit.exceptions import TaskFailed

    try:
        return write_report(plan)
    except CompendiumError as exc:
        return TaskFailed(exc.said(plan.lang))


def write_report(plan: Plan, seen: dict | None = None):
    """The report task's work (and, after a run that did not finish every notebook, the
    command's): ``build/manifest.json`` and ``build/index.html`` from the run records. A file
    that cannot be written (a full disk) is a :class:`CompendiumError` naming it.

    ``seen`` (notebook -> done / up to date / failed / not run) is what this run did; None in
    doit's report task, which runs only when every notebook is current. A notebook that failed
    or did not run is ``failed`` or ``not_current``: its entry gives the parameters its outputs
    (from its last good run) were made with, and the parameters this run asked for."""
    try:
        return _write_report(plan, seen)
    except OSError as exc:
        raise failures.os_error(REPORT, exc) from None


def _write_report(plan: Plan, seen: dict | None):
    from .. import report

    build = paths.build_dir()
    entries = []
    for nb in plan.notebooks:
        record = read_record(nb.name)
        if nb in plan.skipped:
            entries.append({"notebook": nb.path.name, "status": "skipped", "reason": plan.skip_reason(nb),
                            "parameters": plan.params(nb), "outputs": []})
            continue
        # Not seen: left out by --only; current if its outputs have this run's parameters.
        said = "done" if seen is None else seen.get(nb.name, "up to date")
        if record and said in CURRENT and record.get("parameters") == plan.params(nb):
            entries.append({**record, "status": "current"})
            continue
        entries.append({"notebook": nb.path.name, "status": "failed" if said == "failed" else "not_current",
                        "reason": "outputs of an earlier run" if record else "no outputs",
                        "parameters": (record or {}).get("parameters", {}), "requested": plan.params(nb),
                        "outputs": [], "outputs_not_current": (record or {}).get("outputs", [])})
    manifest = {"git_commit": paths.git_commit(), "git_tree": paths.git_tree_state(), "kernel": plan.kernel, "packages": package_versions(),
                "parameters": plan.overrides, "microdata": plan.microdata, "notebooks": entries}
    if plan.variant:
        from ..verify import compare

        from ..figures.labels import LANGS

        said = {lang: compare(paths.ROOT, paths.output_root(), lang=lang)[0] for lang in LANGS}
        manifest["variant"] = {**plan.variant, "differs_from_references": said["en"], "differs_said": said}
    atomic.write_json(build / "manifest.json", manifest)
    report.write_index(paths.output_root(), manifest)
    return {"outputs": _hashes([str(build / "index.html"), str(build / "index.id.html"), str(build / "manifest.json")])}


def package_versions() -> dict:
    from importlib import metadata

    versions = {"python": sys.version.split()[0]}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


class ContentChecker(FileChangedChecker):
    """doit's documented file-checker extension (``check_file_uptodate``): a ``file_dep`` has
    changed when its sha256 has. doit's own md5 checker trusts an unchanged modification
    time, and an edit made with ``cp -p``, ``rsync -t`` or ``touch -r`` keeps it."""

    def check_modified(self, file_path, file_stat, state):
        return state != atomic.sha256_file(Path(file_path))

    def get_state(self, dep, current_state):
        digest = atomic.sha256_file(Path(dep))
        return None if digest == current_state else digest


DEP_FILE = "doit-db.json"


def _dep_file(lang: str = "en") -> Path:
    """doit's record of what ran (JSON backend, readable); an unreadable one is set aside
    with a message (in ``lang``), so the run starts afresh instead of ending in a traceback."""
    path = paths.build_dir() / DEP_FILE
    if path.is_file():
        try:
            json.loads(path.read_text() or "{}")
        except (ValueError, UnicodeDecodeError):
            path.replace(path.with_name(DEP_FILE + ".unreadable"))
            print(label("run_dep_file_unreadable", lang).format(file=DEP_FILE), file=sys.stderr)
    return path


def doit_config(plan_jobs: int, reporter, lang: str = "en") -> dict:
    """doit's configuration; ``reporter`` is the command's (:class:`kalbar_border.workflow.RunReporter`),
    ``lang`` the language of the run's lines."""
    return {"dep_file": str(_dep_file(lang)), "backend": "json", "reporter": reporter, "num_process": plan_jobs,
            "par_type": "process", "verbosity": 0, "check_file_uptodate": ContentChecker}


