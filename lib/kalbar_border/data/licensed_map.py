"""The variable map of a licensed BPS file (notebook 08): which file, which survey, which
variables hold the design, the migrant status and the remittance and investment items, and
which codes mean yes. The template, with every field explained, is
``docs/licensed_map.template.yml``.

This module reads the map and checks its *shape* (fields present, of the right kind); it
needs only PyYAML, so the pipeline checks a map before anything runs. Whether the variables
and codes exist in the file is checked by :mod:`kalbar_border.finance.licensed`, which reads
the data.

Nothing the map names is ever committed or downloaded: the file stays where the researcher
keeps it, and the run records its sha256.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..errors import CompendiumError
from .microdata import check_format

#: The items notebook 08 compares, in order, and the claim each bears on. ``investment_type``
#: is categorical: each of its codes becomes a 0/1 item ``investment_type_<code>``.
INDICATORS = {
    "sent_money_or_goods": "C5",
    "received_money_or_goods": "C5",
    "any_investment": "C6",
    "investment_type": "C6",
}
UNITS = ("person", "household")
TEMPLATE = "docs/licensed_map.template.yml"


def _codes(value, where: str) -> list:
    values = value if isinstance(value, list) else [value]
    if not values or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
        raise CompendiumError(f"{where}: expected a code or a list of numeric codes (as the questionnaire numbers "
                              f"them), got {value!r}")
    return [float(v) for v in values]


def _name(value, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise CompendiumError(f"{where}: expected the name of a variable of the file, got {value!r}")
    return value.strip()


def _section(doc: dict, key: str, where: str, required: bool = True) -> dict | None:
    value = doc.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, dict) or not value:
        raise CompendiumError(f"{where}: field '{key}' missing or not a mapping; see {TEMPLATE}")
    return value


def read_map(path: Path | str) -> dict:
    """The map at ``path``, checked and normalised: ``path`` (the data file, resolved against
    the map's folder), ``format``, ``survey``, ``year``, ``unit``, ``design`` (weight, strata,
    psu, household), ``province`` (variable, code, or None), ``population`` (variable, codes,
    or None), ``definitions`` ({name: {variable, migrant, non_migrant}}, the first one the
    primary) and ``indicators`` ({name: {variable, yes, no}}, from the map's ``yes_codes`` and
    ``no_codes``; ``no`` None means every other answer; ``investment_type`` has ``codes`` {code: label} instead). Raises one line naming the
    map and the field on any problem of shape."""
    import yaml

    if path is None:
        raise CompendiumError("LICENSED_MAP not given: notebook 08 runs only on a licensed BPS file described by a "
                              f"variable map; copy {TEMPLATE}, fill it in and pass LICENSED_MAP=<its path>")
    source = Path(path)
    where = str(source)
    try:
        doc = yaml.safe_load(source.read_text(encoding="utf-8"))
    except OSError as exc:
        raise CompendiumError(f"{where}: cannot be read ({exc.strerror or type(exc).__name__})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" line {mark.line + 1}" if mark else ""
        raise CompendiumError(f"{where}{line}: not valid YAML ({getattr(exc, 'problem', None) or type(exc).__name__})") from None
    if not isinstance(doc, dict):
        raise CompendiumError(f"{where}: expected a mapping of fields; see {TEMPLATE}")
    unknown = sorted(set(doc) - {"file", "survey", "year", "unit", "province", "design", "population",
                                 "migrant_definitions", "indicators"})
    if unknown:
        raise CompendiumError(f"{where}: unknown field(s) {', '.join(unknown)}; see {TEMPLATE}")
    if not isinstance(doc.get("file"), str) or not doc["file"].strip():
        raise CompendiumError(f"{where}: field 'file' missing; expected the path of the licensed file")
    data = Path(doc["file"]).expanduser()
    data = (data if data.is_absolute() else source.parent / data).resolve()
    fmt = check_format(data)
    if not data.is_file():
        raise CompendiumError(f"{where}: field 'file' names {data}, which is not an existing file")
    if not isinstance(doc.get("survey"), str) or not doc["survey"].strip():
        raise CompendiumError(f"{where}: field 'survey' missing; expected the survey as BPS names it, "
                              "e.g. Sakernas August 2022")
    if not isinstance(doc.get("year"), int) or isinstance(doc.get("year"), bool):
        raise CompendiumError(f"{where}: field 'year' missing or not a whole number, e.g. 2022")
    if doc.get("unit") not in UNITS:
        raise CompendiumError(f"{where}: field 'unit' is {doc.get('unit')!r}; expected one of {', '.join(UNITS)}")
    design = _section(doc, "design", where)
    missing = [k for k in ("weight", "strata", "psu", "household") if k not in design]
    if missing:
        raise CompendiumError(f"{where}: design lacks {', '.join(missing)}; expected the variables holding the weight, "
                              "the stratum, the primary sampling unit and the household id")
    design = {k: _name(design[k], f"{where}: design.{k}") for k in ("weight", "strata", "psu", "household")}
    province = _section(doc, "province", where, required=False)
    if province is not None:
        province = {"variable": _name(province.get("variable"), f"{where}: province.variable"),
                    "code": _codes(province.get("code"), f"{where}: province.code")[0]}
    population = _section(doc, "population", where, required=False)
    if population is not None:
        population = {"variable": _name(population.get("variable"), f"{where}: population.variable"),
                      "codes": _codes(population.get("codes"), f"{where}: population.codes")}
    definitions = {}
    for name, spec in _section(doc, "migrant_definitions", where).items():
        at = f"{where}: migrant_definitions.{name}"
        if not re.fullmatch(r"[a-z][a-z0-9_]*", str(name)) or not isinstance(spec, dict):
            raise CompendiumError(f"{at}: expected a name in lower case (letters, digits, _) with variable, migrant "
                                  "and non_migrant")
        definitions[str(name)] = {"variable": _name(spec.get("variable"), f"{at}.variable"),
                                  "migrant": _codes(spec.get("migrant"), f"{at}.migrant"),
                                  "non_migrant": _codes(spec.get("non_migrant"), f"{at}.non_migrant")}
        if set(definitions[name]["migrant"]) & set(definitions[name]["non_migrant"]):
            raise CompendiumError(f"{at}: a code is both migrant and non_migrant")
    indicators = {}
    for name, spec in _section(doc, "indicators", where).items():
        at = f"{where}: indicators.{name}"
        if name not in INDICATORS:
            raise CompendiumError(f"{at}: unknown indicator; expected some of {', '.join(INDICATORS)}")
        if not isinstance(spec, dict):
            raise CompendiumError(f"{at}: expected a mapping with variable and yes_codes (or codes)")
        item = {"variable": _name(spec.get("variable"), f"{at}.variable")}
        if name == "investment_type":
            codes = spec.get("codes")
            if not isinstance(codes, dict) or not codes:
                raise CompendiumError(f"{at}.codes: expected a mapping of code: label, e.g. {{1: land}}")
            item["codes"] = {_codes(k, f"{at}.codes")[0]: str(v) for k, v in codes.items()}
            if not all(float(c).is_integer() for c in item["codes"]):
                raise CompendiumError(f"{at}.codes: expected whole-number codes")
        else:
            # Not `yes:`/`no:` keys: YAML 1.1 (PyYAML) reads those as the booleans True and False.
            item["yes"] = _codes(spec.get("yes_codes"), f"{at}.yes_codes")
            item["no"] = _codes(spec["no_codes"], f"{at}.no_codes") if spec.get("no_codes") is not None else None
            if item["no"] and set(item["yes"]) & set(item["no"]):
                raise CompendiumError(f"{at}: a code is both yes and no")
        indicators[name] = item
    return {"path": data, "format": fmt, "survey": doc["survey"].strip(), "year": doc["year"], "unit": doc["unit"],
            "design": design, "province": province, "population": population, "definitions": definitions,
            "indicators": indicators}
