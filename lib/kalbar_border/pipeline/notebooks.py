"""Owns what the pipeline knows of the notebooks before anything runs: each notebook's
metadata (``kalbar``: inputs, outputs, figures, microdata) and parameters cell, the checks of
parameter values given on the command line, and the :class:`Plan` of one run (which notebooks
run with which parameters, whether the microdata are there).

Nothing here imports doit, papermill or pandas: ``make reproduce`` and ``doit list`` check a
run's parameters in milliseconds.
"""
from __future__ import annotations

import ast
import hashlib
import json
import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from .. import paths
from ..data.microdata import DATASETS, FORMATS, fetch
from ..data.public_map import MAP_PARAMETERS  # the variable maps of those files (notebooks 05-06)
from ..errors import CompendiumError, Said
from ..figures.labels import LABELS, LANGS, label

KERNEL = "kalbar-border"
#: Seconds a cell may run (``make reproduce TIMEOUT=...``): the slowest cell on the Jambi files takes
#: 1.5 s on 2 cores and the models on a national-size file about 20 s (make bench-scale); five
#: minutes leaves a wide margin, and a cell that loops forever holds the run lock no longer.
TIMEOUT = 300
PATH_PARAMETERS = {"susenas": "SUSENAS_PATH", "sakernas": "SAKERNAS_PATH"}
#: The variable map of a licensed BPS file (notebook 08): the notebooks that require it run
#: only when it is given.
LICENSED_MAP = "LICENSED_MAP"
#: Parameters that change no byte of ``results/`` or ``figures/``, so a run that sets them still
#: makes the reference outputs: every notebook is executed in both languages whatever ``LANG``
#: says (it chooses the language of the run's own lines in the terminal);
#: ``DOWNLOAD`` only says whether a missing file may be fetched (a fetched file is checked by
#: sha256, so the data are the same); the pipeline sets ``RESULTS_FROM`` itself.
REFERENCE_NEUTRAL = ("LANG", "DOWNLOAD", "RESULTS_FROM")
#: Where runs that do not make the reference outputs write theirs, under the repository.
VARIANTS = "build/variants"


def read_notebook(path: Path) -> dict:
    """A notebook as plain JSON (nbformat's import alone costs more than a no-op run)."""
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CompendiumError(key="error_notebooks_unreadable", path=path, kind=type(exc).__name__) from None


def cell_source(cell: dict) -> str:
    """A cell's source as one string (stored as a string or a list of lines)."""
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def parameter_cell(nb: dict, path: Path) -> tuple[int, dict]:
    """(index, cell) of the notebook's single cell tagged ``parameters``."""
    found = [(i, c) for i, c in enumerate(nb["cells"]) if "parameters" in c.get("metadata", {}).get("tags", [])]
    if len(found) != 1:
        raise CompendiumError(key="error_notebooks_parameter_cells", path=paths.relative(path), found=len(found))
    return found[0]


def parameters_of(nb: dict, path: Path) -> dict:
    """Defaults of the parameters cell: ``NAME = literal`` per line. Read without running the
    notebook (so ``doit list`` and the checks before a run see them), hence literals only."""
    _, cell = parameter_cell(nb, path)
    source = cell_source(cell)
    where = {"path": paths.relative(path), "expected": Said("error_notebooks_parameter_expected")}
    try:
        body = ast.parse(source).body
    except SyntaxError as exc:
        raise CompendiumError(key="error_notebooks_parameter_syntax", line=exc.lineno, said=exc.msg, **where) from None
    params = {}
    for node in body:
        text = ast.get_source_segment(source, node) or ""
        if not (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)):
            raise CompendiumError(key="error_notebooks_parameter_assignment", line=node.lineno, text=text, **where)
        try:
            params[node.targets[0].id] = ast.literal_eval(node.value)
        except ValueError:
            raise CompendiumError(key="error_notebooks_parameter_literal", line=node.lineno, text=text, **where) from None
    return params


@dataclass
class Notebook:
    """One notebook as the pipeline sees it (see the module docstring)."""

    path: Path
    defaults: dict
    inputs: list = field(default_factory=list)
    outputs: list = field(default_factory=list)
    figures: list = field(default_factory=list)
    microdata: str = "none"
    microdata_outputs: list = field(default_factory=list)
    #: ``{"table": raw table, "column": year or ISO date, "include": [years]}``: the years its
    #: data cover and those its findings need, so FIRST_YEAR/LAST_YEAR are checked before a run.
    years: dict = field(default_factory=dict)
    #: Parameters that must be given (not None) for the notebook to run, e.g. ``LICENSED_MAP``:
    #: without them the notebook is skipped with one line, as the finance notebooks without microdata.
    requires: list = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.path.stem

    @classmethod
    def load(cls, path: Path) -> "Notebook":
        nb = read_notebook(path)
        meta = nb.get("metadata", {}).get("kalbar", {})
        spec = cls(Path(path), parameters_of(nb, path), list(meta.get("inputs", [])), list(meta.get("outputs", [])),
                   list(meta.get("figures", [])), meta.get("microdata", "none"), list(meta.get("microdata_outputs", [])),
                   dict(meta.get("years", {})), list(meta.get("requires", [])))
        if spec.microdata not in ("none", "optional", "required"):
            raise CompendiumError(key="error_notebooks_microdata_kind", path=paths.relative(path), value=repr(spec.microdata))
        return spec

    def fill(self, template: str, params: dict) -> str:
        """A declared path with its ``{PARAMETER}`` placeholders filled."""
        try:
            return template.format(**params)
        except (KeyError, IndexError, ValueError) as exc:
            raise CompendiumError(key="error_notebooks_declared_path", path=paths.relative(self.path),
                                  template=repr(template), name=exc) from None

    def declared_outputs(self, params: dict, with_microdata: bool) -> list[str]:
        """Output files (relative to the output root) for these parameter values."""
        out = [self.fill(t, params) for t in self.outputs]
        out += [f"figures/{f}" for name in self.figures for f in paths.figure_files(self.fill(name, params))]
        if with_microdata:
            out += [self.fill(t, params) for t in self.microdata_outputs]
        return out

    def build_files(self) -> list[str]:
        """What every run of the notebook writes under ``build/``."""
        # one page per language (kalbar_border.report.notebook_page), named here without importing it
        copies = [self.executed_copy(lang) for lang in self.languages]
        return [*copies, f"build/html/{self.name}.html", f"build/html/{self.name}.id.html", f"build/runs/{self.name}.json"]

    @property
    def languages(self) -> list[str]:
        """The languages the notebook is executed in: every language of the compendium when it
        declares ``LANG`` (English first: its outputs are the ones committed), else one execution."""
        return list(LANGS) if "LANG" in self.defaults else [LANGS[0]]

    def executed_copy(self, lang: str) -> str:
        """Its executed notebook of one language (:func:`executed_copy`)."""
        return executed_copy(self.name, lang)


def executed_copy(name: str, lang: str) -> str:
    """The executed notebook of one language, relative to the output root:
    ``build/notebooks/<name>.ipynb`` in English, ``<name>.<lang>.ipynb`` in another language."""
    return f"build/notebooks/{name}.ipynb" if lang == LANGS[0] else f"build/notebooks/{name}.{lang}.ipynb"


def discover(folder: Path | None = None) -> list[Notebook]:
    """Notebooks named ``NN_name.ipynb`` in ``folder`` (default ``notebooks/``), in number order."""
    folder = Path(folder or paths.NOTEBOOKS)
    found = sorted(folder.glob("[0-9][0-9]_*.ipynb"))
    if not found:
        raise CompendiumError(key="error_notebooks_none_found", folder=folder)
    return [Notebook.load(p) for p in found]


# --------------------------------------------------------------------------- parameters


def _join_spaced_paths(items: list[str]) -> list[str]:
    """``make reproduce PARAMS="LICENSED_MAP=/my maps/map.yml"`` reaches the command split at
    the space: a word that is not ``NAME=VALUE`` right after a path parameter is the rest of its
    path, joined back with one space (a path with several spaces in a row needs quotes:
    ``PARAMS="LICENSED_MAP='/my  maps/map.yml'"``)."""
    joined: list[str] = []
    for item in items:
        name = item.partition("=")[0]
        follows_path = joined and joined[-1].partition("=")[0] in (*PATH_PARAMETERS.values(), LICENSED_MAP)
        if follows_path and not ("=" in item and name.isidentifier()):
            joined[-1] += " " + item
        else:
            joined.append(item)
    return joined


def parse_assignments(items: list[str]) -> dict:
    """``["ALPHA=0.01", "LANG=id"]`` -> ``{"ALPHA": 0.01, "LANG": "id"}`` (bare words are strings);
    a path with spaces split into several words is joined back (:func:`_join_spaced_paths`)."""
    out = {}
    for item in _join_spaced_paths(list(items)):
        name, sep, raw = item.partition("=")
        if not sep or not name.isidentifier():
            raise CompendiumError(key="error_parameter_syntax", item=repr(item))
        try:
            out[name] = ast.literal_eval(raw)
        except (ValueError, SyntaxError):
            out[name] = raw
    return out


def said(text: str, lang: str) -> str:
    """A reason of the plan ("microdata missing", "LICENSED_MAP not given") in ``lang``: its label
    when it has one (without importing pandas, as localize.local_text would), else as it is."""
    return label(text, lang) if text in LABELS else text


def status_column(key: str, lang: str) -> str:
    """The start of one of the run's lines: its status word (label ``key``) in ``lang``, in a
    column of 12 characters after two spaces ("  running     "), at least one space after it."""
    return f"  {label(key, lang):<11} "


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_value(name: str, value) -> Said | None:
    """Why ``value`` is not allowed for ``name``, as a label to say in the reader's language
    (None when it is allowed)."""
    if name == "LANG" and value not in ("en", "id"):
        return Said("allowed_lang")
    if name == "ALPHA" and not (isinstance(value, (int, float)) and not isinstance(value, bool) and 0 < value < 1):
        return Said("allowed_alpha")
    if name == "PROVINCE" and not (_is_int(value) or value == "all"):
        return Said("allowed_province")
    if name in ("FIRST_YEAR", "LAST_YEAR") and not _is_int(value):
        return Said("allowed_year")
    if name in ("DOWNLOAD", "MICRODATA") and not isinstance(value, bool):
        return Said("allowed_bool")
    if name == "DEFINITION":
        from ..finance.variables import MIGRANT_DEFINITIONS  # pandas: only when a definition is chosen

        if value not in MIGRANT_DEFINITIONS:
            return Said("allowed_definition", definitions=", ".join(MIGRANT_DEFINITIONS))
    if name in (*PATH_PARAMETERS.values(), LICENSED_MAP, *MAP_PARAMETERS.values()) and value is not None:
        is_map = name in (LICENSED_MAP, *MAP_PARAMETERS.values())
        kinds = Said("allowed_kind_map") if is_map else Said("allowed_kind_data", formats=", ".join(dict.fromkeys(FORMATS)))
        if not isinstance(value, str) or not Path(value).is_file():
            return Said("allowed_existing_path", kinds=kinds)
        if is_map and Path(value).suffix.lower() not in (".yml", ".yaml"):
            return Said("allowed_path", kinds=kinds)
        if not is_map and Path(value).suffix.lower() not in FORMATS:
            return Said("allowed_path", kinds=kinds)
    return None


def check_parameters(notebooks: list[Notebook], overrides: dict) -> None:
    """Stop with one line before anything runs when an override is unknown or not allowed."""
    declared = {name for nb in notebooks for name in nb.defaults}
    for name, value in overrides.items():
        if name not in declared:
            close = [d for d in sorted(declared) if d.lower() == name.lower()]
            raise CompendiumError(key="error_parameter_unknown_close" if close else "error_parameter_unknown", name=name,
                                  close=close[0] if close else "", known=", ".join(sorted(declared)))
        why = _check_value(name, value)
        if why:
            raise CompendiumError(key="error_parameter_not_allowed", name=name, value=repr(value), why=why)
    paths_given = [PATH_PARAMETERS[k] for k in PATH_PARAMETERS if overrides.get(PATH_PARAMETERS[k]) is not None]
    if len(paths_given) == 1:
        other = next(v for v in PATH_PARAMETERS.values() if v not in paths_given)
        raise CompendiumError(key="error_notebooks_path_pair", given=paths_given[0], other=other)
    for key, name in MAP_PARAMETERS.items():
        if overrides.get(name) is not None and overrides.get(PATH_PARAMETERS[key]) is None:
            raise CompendiumError(key="error_notebooks_map_without_file", name=name, path=PATH_PARAMETERS[key])
        if overrides.get(PATH_PARAMETERS[key]) is not None:
            _check_map(key, overrides.get(name), overrides[PATH_PARAMETERS[key]])
    for nb in notebooks:
        params = {**nb.defaults, **{k: v for k, v in overrides.items() if k in nb.defaults}}
        if {"FIRST_YEAR", "LAST_YEAR"} <= set(params) and params["FIRST_YEAR"] > params["LAST_YEAR"]:
            raise CompendiumError(key="error_notebooks_years_order", first=params["FIRST_YEAR"], last=params["LAST_YEAR"],
                                  notebook=nb.path.name)
        if nb.years and {"FIRST_YEAR", "LAST_YEAR"} <= set(params):
            _check_years(nb, params["FIRST_YEAR"], params["LAST_YEAR"])


def _check_map(key: str, map_path: str | None, data_path: str) -> None:
    """The variable map of a supplied file (the 2020 names when ``map_path`` is None) against
    the file's header, before anything runs: a mistake in the map, or a file of another layout
    given without one, stops the run in one line instead of after notebook 01 (an .rda, read
    only whole, is checked when notebook 05 reads it)."""
    from ..data import public_map  # yaml, and pyreadstat for a Stata/SPSS header: only when a file is supplied

    spec = public_map.read_public_map(map_path, key)
    columns = public_map.header(data_path)
    if columns is not None:
        public_map.check_columns(spec, columns, data_path, given=map_path is not None)


def data_years(table: str, column: str) -> list[int]:
    """The years (sorted, once each) of ``column`` (a year, or an ISO date) in a raw table."""
    import csv

    path = paths.ROOT / table
    try:
        with open(path, newline="", encoding="utf-8") as fh:
            years = {int(str(row[column])[:4]) for row in csv.DictReader(fh) if row.get(column)}
    except (OSError, KeyError, ValueError) as exc:
        raise CompendiumError(key="error_notebooks_years_unreadable", table=table, column=repr(column),
                              kind=type(exc).__name__, said=exc) from None
    if not years:
        raise CompendiumError(key="error_notebooks_years_none", table=table, column=repr(column))
    return sorted(years)


def _check_years(nb: Notebook, first: int, last: int) -> None:
    """FIRST_YEAR..LAST_YEAR must hold at least two years of the notebook's data and the years
    its findings compare (2019 and 2020 for the fall of 2020): a range that would fail in the
    middle of the run, after other notebooks committed theirs, stops the run before it starts."""
    years = data_years(nb.years["table"], nb.years["column"])
    need = sorted(nb.years.get("include", []))
    where = {"first": first, "last": last, "notebook": nb.path.name,
             "covered": Said("error_notebooks_years_covered", table=nb.years["table"], start=years[0], end=years[-1])}
    if need and not (first <= need[0] and last >= need[-1]):
        raise CompendiumError(key="error_notebooks_years_findings", years=chain("part_and", need), need_first=need[0],
                              need_last=need[-1], **where)
    held = [y for y in years if first <= y <= last]
    if len(held) < 2:
        raise CompendiumError(key="error_notebooks_years_too_few", held=len(held), **where)


# --------------------------------------------------------------------------- the plan


@dataclass
class Plan:
    """What a run does: notebooks with their parameters, and whether the microdata are there."""

    notebooks: list[Notebook]
    overrides: dict
    microdata: bool
    kernel: str = KERNEL
    timeout: int = TIMEOUT
    #: Which run wrote a notebook's record, so an interrupted run can say what it replaced.
    run_id: str = ""
    #: A variant run: ``{"folder": where its outputs go, "reasons": why they are not the references,
    #: "reasons_said": those reasons in each language}``.
    variant: dict | None = None

    @property
    def lang(self) -> str:
        """The language of the run's own lines: its LANG (checked before a plan is made), else English."""
        return self.overrides.get("LANG", "en")

    def params(self, nb: Notebook) -> dict:
        """The notebook's parameters: its defaults, the overrides it declares, and (when the
        microdata are missing) ``MICRODATA=False`` and the ledger restricted to what ran."""
        params = {**nb.defaults, **{k: v for k, v in self.overrides.items() if k in nb.defaults}}
        # Every run executes a notebook with LANG in each language (execute._languages): the
        # run's LANG chooses only the language of its own lines, so it is no notebook parameter.
        params.pop("LANG", None)
        if "MICRODATA" in params and not self.microdata:
            params["MICRODATA"] = False
        if "RESULTS_FROM" in params:
            # Always the notebooks of this run: a results/NN_*.json left by a removed notebook, or
            # one of another branch, is never merged into results.json or read by the ledger.
            params["RESULTS_FROM"] = [n.name for n in self.runnable]
        return params

    def skip_reason(self, nb: Notebook) -> str:
        """Why ``nb`` does not run in this plan ("" when it runs): the microdata are missing, or
        a parameter it requires is not given."""
        if nb.microdata == "required" and not self.microdata:
            return "microdata missing"
        # From the overrides, not params(): params() asks which notebooks run.
        absent = [p for p in nb.requires if {**nb.defaults, **self.overrides}.get(p) is None]
        return f"{', '.join(absent)} not given" if absent else ""

    @property
    def skipped(self) -> list[Notebook]:
        return [nb for nb in self.notebooks if self.skip_reason(nb)]

    @property
    def not_run(self) -> list[Notebook]:
        """Notebooks this run should have run but could not: the microdata are missing although
        the run did not ask to do without them (``MICRODATA=False``). A notebook that needs a
        parameter nobody gave (08 without ``LICENSED_MAP``) is not among them: it runs on request."""
        asked_without = self.overrides.get("MICRODATA", True) is False
        return [nb for nb in self.skipped if self.skip_reason(nb) == "microdata missing" and not asked_without]

    def varied(self) -> dict:
        """The overrides that change outputs: away from the default of a notebook that declares
        them, and not among :data:`REFERENCE_NEUTRAL`."""
        return {name: value for name, value in sorted(self.overrides.items()) if name not in REFERENCE_NEUTRAL
                and any(nb.defaults[name] != value for nb in self.notebooks if name in nb.defaults)}

    def other_folder(self) -> Path | None:
        """The folder of the notebooks when it is not the repository's ``notebooks/``, else None."""
        folder = self.notebooks[0].path.parent.resolve()
        return None if folder == paths.NOTEBOOKS.resolve() else folder

    def variant_reasons(self, lang: str = "en") -> list[str]:
        """Why this run's outputs are not the reference outputs ([] when they are), in ``lang``:
        a parameter away from its default (:meth:`varied`), notebooks of another folder, or
        notebooks that could not run."""
        reasons = [f"{name}={value!r}" for name, value in self.varied().items()]
        if self.other_folder():
            reasons.append(label("run_variant_folder", lang).format(folder=self.other_folder()))
        if self.not_run:
            reasons.append(label("run_variant_not_run", lang).format(notebooks=", ".join(nb.name for nb in self.not_run)))
        return reasons

    def variant_name(self) -> str:
        """The folder name of a variant run under :data:`VARIANTS`: its parameters (a file by its
        name), ``no-microdata`` when the finance notebooks could not run, and, when files were
        named, a short hash of where they are, so two maps both called ``map.yml`` do not share one."""
        parts, located = [], []
        for name, value in self.varied().items():
            if name in (*PATH_PARAMETERS.values(), LICENSED_MAP, *MAP_PARAMETERS.values()) and isinstance(value, str):
                located.append(str(Path(value).resolve()))
                value = Path(value).stem
            parts.append(f"{name}-{value}")
        if self.other_folder():
            parts.append(f"notebooks-{self.other_folder().name}")
            located.append(str(self.other_folder()))
        if self.not_run:
            parts.append("no-microdata")
        name = re.sub(r"[^A-Za-z0-9.+_-]+", "-", "_".join(parts))[:80] or "variant"
        if located:
            name += "_" + hashlib.sha256("\n".join(located).encode()).hexdigest()[:8]
        return name

    @property
    def runnable(self) -> list[Notebook]:
        return [nb for nb in self.notebooks if nb not in self.skipped]

    def supplied_files(self, nb: Notebook) -> list[tuple[str, Path]]:
        """(parameter, path) of each file the user supplied to ``nb``: the microdata files
        ``SUSENAS_PATH``/``SAKERNAS_PATH`` name and their maps, the licensed map and the licensed file it names."""
        params = self.params(nb)
        named = [(p, Path(params[p]).resolve()) for p in (*PATH_PARAMETERS.values(), *MAP_PARAMETERS.values()) if params.get(p)]
        if params.get(LICENSED_MAP):
            from ..data.licensed_map import read_map  # yaml only: the plan stays fast

            spec = read_map(params[LICENSED_MAP])
            named += [(LICENSED_MAP, Path(params[LICENSED_MAP]).resolve()), (f"{LICENSED_MAP} file", spec["path"])]
        return named

    def microdata_files(self, nb: Notebook) -> list[Path]:
        """The BPS files a notebook reads, by content: the cached files for notebook 01, the
        files the user supplied for 05-06 and 08."""
        named = [path for _, path in self.supplied_files(nb)]
        if named:
            return named
        if nb.microdata == "optional" and self.microdata:
            return [paths.cache_dir() / spec.filename for spec in DATASETS.values()]
        return []

    def outputs(self, nb: Notebook) -> list[str]:
        return nb.declared_outputs(self.params(nb), self.microdata)

    def inputs(self, nb: Notebook) -> list[str]:
        """Declared inputs, less what skipped notebooks would have written (the claims
        ledger then evaluates without the finance findings, and says so)."""
        absent = {o for other in self.skipped for o in self.outputs(other)}
        return [i for i in nb.inputs if i not in absent]

    def declared(self) -> dict[str, str]:
        """Every file a notebook of this run declares (outputs and build files) -> that notebook."""
        return {rel: nb.name for nb in self.runnable for rel in self.outputs(nb) + nb.build_files()}


def microdata_status(overrides: dict, download: bool, lang: str = "en") -> tuple[bool, str]:
    """(available, message). Named files (``SUSENAS_PATH``/``SAKERNAS_PATH``) count as
    available; otherwise both files must be in the cache, or be downloaded now (sha256
    checked) when ``download``. The message (in ``lang``) names what is missing and how to provide it."""
    if all(overrides.get(p) for p in PATH_PARAMETERS.values()):
        return True, ""
    cache = paths.cache_dir()
    for spec in DATASETS.values():
        _readable_or_absent(cache / spec.filename)
    missing = [key for key, spec in DATASETS.items() if not (cache / spec.filename).is_file()]
    if missing and download:
        for key in list(missing):
            try:
                fetch(key)
                missing.remove(key)
            except CompendiumError:
                pass
    if not missing:
        return True, ""
    described = "; ".join(label("run_microdata_file", lang).format(file=spec.filename, sha256=spec.sha256,
                                                                    addresses=said_in(chain("part_or", spec.addresses), lang))
                          for spec in DATASETS.values())
    return False, label("run_microdata_missing", lang).format(cache=cache, files=described)


def chain(key: str, items) -> Said | str:
    """``a or b or c`` (``key`` part_or; part_and: ``a and b``), as a part of a message: every
    item in turn joined to the ones before, so each language puts its own word between them."""
    items = [str(item) for item in items]
    joined: Said | str = items[0] if items else ""
    for item in items[1:]:
        joined = Said(key, items=joined, last=item)
    return joined


def first_few(items: list[str], shown: int, lang: str) -> str:
    """The first ``shown`` of ``items``, then ``and N more`` in ``lang`` when there are more."""
    listed = ", ".join(items[:shown])
    return label("part_and_more", lang).format(items=listed, n=len(items) - shown) if len(items) > shown else listed


def said_in(part: Said | str, lang: str) -> str:
    """A part of a message (a :class:`Said`, or a plain text that is data) in ``lang``."""
    return part.said(lang) if isinstance(part, Said) else part


def _readable_or_absent(path: Path) -> None:
    """A microdata file is either absent (the finance notebooks are skipped) or a readable file:
    anything else in its place (a folder, a symbolic link that loops or leads nowhere, a file
    that cannot be opened) is the user's mistake, and skipping would hide it."""
    if not os.path.lexists(path):
        return
    try:
        if path.is_dir():
            why = Said("part_a_folder")
        elif not path.exists():
            why = Said("part_broken_link")
        else:
            os.close(os.open(path, os.O_RDONLY))
            return
    except OSError as exc:
        why = exc.strerror or type(exc).__name__
    raise CompendiumError(key="error_notebooks_not_a_file", path=path, why=why, name=path.name)


def make_plan(overrides: dict, folder: Path | None = None, kernel: str = KERNEL, timeout: int = TIMEOUT,
              echo=print, download: bool = True) -> Plan:
    """Notebooks, checked parameters and microdata availability, before anything runs;
    ``download=False`` never tries the network for missing microdata."""
    notebooks = discover(folder)
    check_parameters(notebooks, overrides)
    lang = overrides.get("LANG", "en")  # checked above: a supported language, as Plan.lang says
    if overrides.get(LICENSED_MAP):
        # The map against its file, before doit: every mistake is one line here, never a traceback
        # from doit's task loader, and nothing runs. pandas is imported only when a map is given.
        from ..finance.licensed import read_checked

        for warning in read_checked(overrides[LICENSED_MAP])[0]["warnings"]:
            echo(f"{status_column('run_status_warning', lang)}{warning.said(lang)}")
    download = download and overrides.get("DOWNLOAD", True)
    available, message = microdata_status(overrides, download, lang) if overrides.get("MICRODATA", True) else (False, "")
    plan = Plan(notebooks, overrides, available, kernel, timeout, f"{os.getpid()}-{time.time_ns()}")
    without_microdata = [nb.name for nb in plan.skipped if plan.skip_reason(nb) == "microdata missing"]
    skipped = status_column("run_status_skipped", lang)
    if without_microdata:
        echo(f"{skipped}{', '.join(without_microdata)}: " + (message or "MICRODATA=False"))
    for nb in plan.skipped:
        if nb.name not in without_microdata:
            echo(f"{skipped}{nb.name}: " + label("run_skipped_licensed", lang).format(reason=said(plan.skip_reason(nb), lang)))
    return plan

