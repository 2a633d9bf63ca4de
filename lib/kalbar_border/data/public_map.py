"""The variable map of a Susenas or Sakernas person file for notebooks 05-06: for each
variable the analysis reads, under its name in the March/August 2020 files, the name it has in
the file a researcher supplies (``SUSENAS_PATH``, ``SAKERNAS_PATH``), so that a file of another
year or layout runs without being edited (its sha256 stays the one BPS shipped).

A map is YAML, with the header fields of a licensed map (:mod:`.licensed_map`: ``survey``,
``year``, ``unit``), ``dataset`` (susenas or sakernas) and ``variables`` (2020 name: the file's
name). The default maps, :data:`DEFAULTS`, name every variable as the 2020 files do; they are
read whenever a file is supplied without a map, so a file with the 2020 names gives the results
it gave before maps existed. The codes are the 2020 questionnaires' (listed in
``data/datapackage.json``, ``x-variables``): a map renames, it does not recode.

Reading a map needs only PyYAML, so the pipeline checks a map's shape before anything runs;
whether its names are in the file is checked when notebook 05 or 06 reads the file
(:func:`load_mapped`). Every problem is one line naming the map, the field and what was expected.
"""
from __future__ import annotations

import difflib
from pathlib import Path

from .. import paths
from ..errors import CompendiumError, Joined, Said
from .licensed_map import check_survey_and_year, not_yaml

#: The parameter naming each dataset's file, and the one naming its map.
PATH_PARAMETERS = {"susenas": "SUSENAS_PATH", "sakernas": "SAKERNAS_PATH"}
MAP_PARAMETERS = {"susenas": "SUSENAS_MAP", "sakernas": "SAKERNAS_MAP"}
#: The default map of each dataset: every variable under its 2020 name.
DEFAULTS = {"susenas": "docs/public_map.susenas2020.yml", "sakernas": "docs/public_map.sakernas2020.yml"}
FIELDS = ("dataset", "survey", "year", "unit", "variables")
UNITS = ("person",)
#: Words in a column's name or label that mark an item of a labour-mobility, remittance or
#: investment module (Sakernas 2022's "mengirim uang/barang", a KOR financing item): a file that
#: has them but not the 2020 names is probably one for notebook 08 (``LICENSED_MAP``).
MOBILITY_WORDS = ("kirim", "mengirim", "remit", "invest", "migra", "mobil")


def default_map(key: str) -> Path:
    """The default map of ``key`` (susenas or sakernas), in the repository's ``docs/``."""
    if key not in DEFAULTS:
        raise CompendiumError(key="error_public_map_unknown_dataset", dataset=repr(key), known=", ".join(DEFAULTS))
    return paths.ROOT / DEFAULTS[key]


def needed(key: str) -> dict[str, str]:
    """The variables notebooks 05-06 read from ``key``'s file, by 2020 name, with what each
    holds (``data/datapackage.json``, ``x-variables``)."""
    from .datapackage import resource

    return dict(resource(key)["x-variables"])


def _closest(word: str, options) -> Said | str:
    found = difflib.get_close_matches(str(word), [str(o) for o in options], n=1, cutoff=0.6)
    return Said("error_part_closest", name=found[0]) if found else ""


def read_public_map(path: Path | str | None, key: str) -> dict:
    """The map at ``path`` for dataset ``key`` (the default map when ``path`` is None), checked:
    ``path``, ``dataset``, ``survey``, ``year``, ``unit`` and ``names`` ({2020 name: the file's
    name}, every variable of :func:`needed`). One line naming the map and the field on any
    problem of shape: an unknown field (with the closest known one), a missing field, a value of
    the wrong type, a variable unknown to the analysis or not given, two variables given one name."""
    import yaml

    source = Path(path) if path is not None else default_map(key)
    where = str(source)
    parameter = MAP_PARAMETERS[key] if key in MAP_PARAMETERS else "map"
    try:
        doc = yaml.safe_load(source.read_text(encoding="utf-8"))
    except OSError as exc:
        raise CompendiumError(key="error_public_map_unreadable", where=where, error=exc.strerror or type(exc).__name__,
                              parameter=parameter) from None
    except yaml.YAMLError as exc:
        raise not_yaml(where, exc) from None
    template = DEFAULTS[key]
    if not isinstance(doc, dict):
        raise CompendiumError(key="error_public_map_not_mapping", where=where, fields=", ".join(FIELDS), template=template)
    for name in doc:
        if name not in FIELDS:
            hint = (Said("error_public_map_file_hint", parameter=PATH_PARAMETERS[key]) if name == "file"
                    else _closest(name, FIELDS))
            raise CompendiumError(key="error_public_map_unknown_field", where=where, field=name, hint=hint,
                                  fields=", ".join(FIELDS), template=template)
    missing = [name for name in FIELDS if name not in doc]
    if missing:
        raise CompendiumError(key="error_public_map_missing_field", where=where, field=missing[0],
                              fields=", ".join(FIELDS), template=template)
    if doc["dataset"] != key:
        raise CompendiumError(key="error_public_map_dataset", where=where, value=repr(doc["dataset"]),
                              parameter=parameter, dataset=key)
    check_survey_and_year(doc, where)
    if doc["unit"] not in UNITS:
        raise CompendiumError(key="error_public_map_unit", where=where, value=repr(doc["unit"]), units=" or ".join(UNITS))
    names = doc["variables"]
    if not isinstance(names, dict) or not names:
        raise CompendiumError(key="error_public_map_variables", where=where, value=repr(names), template=template)
    wanted = needed(key)
    for name, value in names.items():
        if name not in wanted:
            raise CompendiumError(key="error_public_map_not_read", where=where, name=name, closest=_closest(name, wanted),
                                  template=template)
        if not isinstance(value, str) or not value.strip():
            raise CompendiumError(key="error_public_map_value", where=where, name=name, value=repr(value))
    absent = [name for name in wanted if name not in names]
    if absent:
        raise CompendiumError(key="error_public_map_absent", where=where, absent=", ".join(absent), template=template)
    folded: dict[str, str] = {}
    for name, value in names.items():
        other = folded.setdefault(value.strip().casefold(), name)
        if other != name:
            raise CompendiumError(key="error_public_map_same_name", where=where, other=other, name=name,
                                  value=value.strip())
    return {"path": source, "dataset": key, "survey": doc["survey"].strip(), "year": doc["year"], "unit": doc["unit"],
            "names": {name: names[name].strip() for name in wanted}}


def header(path: Path | str) -> list[str] | None:
    """The column names of a .csv, .dta or .sav file, read from its header alone (milliseconds
    for any size), so that the pipeline checks a map against the file before anything runs;
    None for an .rda (read only whole) or a header that cannot be read (the notebook then names
    the problem when it reads the file)."""
    import csv

    source = Path(path)
    suffix = source.suffix.lower()
    try:
        if suffix == ".csv":
            with open(source, newline="", encoding="utf-8-sig") as handle:
                return next(csv.reader(handle), [])
        if suffix in (".dta", ".sav"):
            import pyreadstat

            reader = pyreadstat.read_dta if suffix == ".dta" else pyreadstat.read_sav
            return list(reader(str(source), metadataonly=True)[1].column_names)
    except Exception:  # not a judgement on the file: reading it in the notebook gives the one-line error
        return None
    return None


def _labels(path: Path) -> dict[str, str]:
    """The variable labels of a Stata or SPSS file (none for .csv and .rda), read from its
    header only: used to recognise a mobility-module file on the error path."""
    suffix = path.suffix.lower()
    try:
        import pyreadstat

        reader = {".dta": pyreadstat.read_dta, ".sav": pyreadstat.read_sav}.get(suffix)
        if reader is None:
            return {}
        _, meta = reader(str(path), metadataonly=True)
        return {str(k): str(v or "") for k, v in meta.column_names_to_labels.items()}
    except Exception:  # a hint only: a header that cannot be read gives no hint, the error line stands
        return {}


def mobility_columns(columns, path: Path | str | None = None) -> list[str]:
    """The columns whose name (or Stata/SPSS label, when ``path`` is such a file) holds one of
    :data:`MOBILITY_WORDS`: the items a licensed map would name (migration, remittances,
    investment)."""
    labels = _labels(Path(path)) if path is not None else {}
    return [str(c) for c in columns
            if any(word in f"{c} {labels.get(str(c), '')}".casefold() for word in MOBILITY_WORDS)]


def _mobility_hint(columns, path) -> Said | str:
    found = mobility_columns(columns, path)
    if not found:
        return ""
    return Said("error_public_map_mobility_hint", columns=", ".join(found[:5]) + (" …" if len(found) > 5 else ""))


def check_columns(spec: dict, columns, source: Path | str, given: bool) -> None:
    """One line when a file's ``columns`` lack a name of the map ``spec`` (matched ignoring case).
    ``given``: the map was named by the user; otherwise it is the default, and the line says how
    to write one. Either way a file that looks like a mobility-module file is pointed to
    ``LICENSED_MAP``."""
    key = spec["dataset"]
    folded = {str(c).casefold() for c in columns}
    missing = [(name, value) for name, value in spec["names"].items() if value.casefold() not in folded]
    if not missing:
        return
    hint = _mobility_hint(columns, source)
    file = Path(source).name
    if given:
        problems = Joined(Said("error_part_not_in_file", field=f"variables.{name}", variable=value, file=file,
                               closest=_closest(value, columns)) for name, value in missing)
        raise CompendiumError(key="error_public_map_names_not_in_file", path=spec["path"], problems=problems, file=file,
                              hint=hint)
    raise CompendiumError(key="error_public_map_lacks", source=source, names=", ".join(name for name, _ in missing),
                          template=DEFAULTS[key], parameter=MAP_PARAMETERS[key], hint=hint)


def load_mapped(key: str, path: Path | str, map_path: Path | str | None = None):
    """The user-supplied file ``path`` of ``key`` as notebooks 05-06 read it
    (:func:`~kalbar_border.data.microdata.load_supplied`: the 2020 names, text variables as
    strings, all others as float64), its variables found through the map ``map_path`` (the
    default map when None). The same data under any names give the same frame."""
    from . import microdata

    spec = read_public_map(map_path, key)
    frame = microdata.read_file(path, microdata.DATASETS[key].name)
    check_columns(spec, frame.columns, path, given=map_path is not None)
    return microdata.typed_frame(key, frame, path, spec["names"])

