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

from ..errors import CompendiumError, Said
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


#: The fields of a map and of each of its sections: name -> required. A field not listed is
#: refused with the closest known name, so a typo never passes as an unused field.
FIELDS = {"file": True, "survey": True, "year": True, "unit": True, "province": False, "design": True,
          "population": False, "migrant_definitions": True, "indicators": True}
SECTION_FIELDS = {
    "province": {"variable": True, "code": True},
    # household: recorded and checked only (the estimates cluster on the PSU); a name or a list of
    # names (BPS identifies a household by its census block and number, e.g. [NKS, NO_RUTA]).
    "design": {"weight": True, "strata": True, "psu": True, "household": False, "drop_nonpositive_weights": False},
    "population": {"variable": True, "codes": True},
    "migrant_definitions": {"variable": True, "migrant": True, "non_migrant": True},
    "indicators": {"variable": True, "yes_codes": True, "no_codes": False},
    "investment_type": {"variable": True, "codes": True},
}


def check_survey_and_year(doc: dict, where: str) -> None:
    """A map's ``survey`` (a non-empty text) and ``year`` (a whole number), each mistake one line
    naming ``where``; shared by the licensed map and the maps of notebooks 05-06."""
    if not isinstance(doc["survey"], str) or not doc["survey"].strip():
        raise CompendiumError(key="error_licensed_map_survey", where=where, value=repr(doc["survey"]))
    if not isinstance(doc["year"], int) or isinstance(doc["year"], bool):
        raise CompendiumError(key="error_licensed_map_year", where=where, value=repr(doc["year"]))


def _closest(name, known) -> Said | str:
    """`` (did you mean 'x'?)`` for the known name closest to ``name`` (difflib), or ``""``."""
    import difflib

    found = difflib.get_close_matches(str(name), [str(k) for k in known], n=1, cutoff=0.6)
    return Said("error_part_did_you_mean", name=found[0]) if found else ""


def _check_fields(section: dict, known: dict, where: str, at: str) -> None:
    """One line for the first unknown field (with the closest known name) or missing field."""
    for key in section:
        if isinstance(key, bool):  # YAML 1.1 reads a key yes/no (or on/off) as true/false
            raise CompendiumError(key="error_licensed_map_yes_no_field", where=where, field=f"{at}{str(key).lower()}",
                                  known=", ".join(known), template=TEMPLATE)
        if key not in known:
            raise CompendiumError(key="error_licensed_map_unknown_field", where=where, field=f"{at}{key}",
                                  closest=_closest(key, known), known=", ".join(known), template=TEMPLATE)
    for key, required in known.items():
        if required and section.get(key) is None:
            raise CompendiumError(key="error_licensed_map_missing_field", where=where, field=f"{at}{key}", template=TEMPLATE)


def _codes(value, where: str) -> list:
    values = value if isinstance(value, list) else [value]
    if not values or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
        raise CompendiumError(key="error_licensed_map_codes", where=where, value=repr(value))
    return [float(v) for v in values]


def _name(value, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise CompendiumError(key="error_licensed_map_name", where=where, value=repr(value))
    return value.strip()


def _names(value, where: str) -> list[str]:
    """One variable name or a list of them (a composite id), as a list."""
    values = value if isinstance(value, list) else [value]
    if not values:
        raise CompendiumError(key="error_licensed_map_names", where=where, value=repr(value))
    names = [_name(v, where) for v in values]
    if len({n.casefold() for n in names}) < len(names):
        raise CompendiumError(key="error_licensed_map_named_twice", where=where, value=repr(value))
    return names


def _section(doc: dict, key: str, where: str, required: bool = True) -> dict | None:
    value = doc.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, dict) or not value:
        raise CompendiumError(key="error_licensed_map_section", where=where, field=key, template=TEMPLATE)
    return value


def not_yaml(where: str, exc) -> CompendiumError:
    """The one line for a map that YAML cannot parse (``exc``), with the line it stopped at."""
    mark = getattr(exc, "problem_mark", None)
    line = Said("error_part_line", number=mark.line + 1) if mark else ""
    problem = " ".join(str(getattr(exc, "problem", None) or type(exc).__name__).split())
    return CompendiumError(key="error_licensed_map_not_yaml", where=where, line=line, problem=problem)


def read_map(path: Path | str) -> dict:
    """The map at ``path``, checked and normalised: ``path`` (the data file, resolved against
    the map's folder), ``format``, ``survey``, ``year``, ``unit``, ``design`` (weight, strata,
    psu; ``household`` a list of variable names forming the household id, or None;
    ``drop_nonpositive_weights`` a bool, False unless the map sets it), ``province``
    (variable, code, or None), ``population`` (variable, codes, or None), ``definitions``
    ({name: {variable, migrant, non_migrant}}, the first one the primary) and ``indicators``
    ({name: {variable, yes, no}}, from the map's ``yes_codes`` and ``no_codes``; ``no`` None
    means every other answer; ``investment_type`` has ``codes`` {code: label} instead).
    Raises one line naming the map and the field on any problem of shape: an unknown field
    (with the closest known name), a missing one, or a value of the wrong kind."""
    import yaml

    if path is None:
        raise CompendiumError(key="error_licensed_map_not_given", template=TEMPLATE)
    source = Path(path)
    where = str(source)
    try:
        doc = yaml.safe_load(source.read_text(encoding="utf-8"))
    except OSError as exc:
        raise CompendiumError(key="error_licensed_map_unreadable", where=where,
                              error=exc.strerror or type(exc).__name__) from None
    except UnicodeDecodeError:
        raise CompendiumError(key="error_licensed_map_not_utf8", where=where, template=TEMPLATE) from None
    except yaml.YAMLError as exc:
        raise not_yaml(where, exc) from None
    if not isinstance(doc, dict):
        raise CompendiumError(key="error_licensed_map_not_mapping", where=where, template=TEMPLATE)
    _check_fields(doc, FIELDS, where, "")
    if not isinstance(doc["file"], str) or not doc["file"].strip():
        raise CompendiumError(key="error_licensed_map_file", where=where, value=repr(doc["file"]))
    data = Path(doc["file"].strip()).expanduser()
    data = (data if data.is_absolute() else source.parent / data).resolve()
    try:
        fmt = check_format(data)
    except CompendiumError as exc:
        raise CompendiumError(key="error_licensed_map_file_format", where=where, problem=Said(exc.key, **exc.values)) from None
    if not data.is_file():
        raise CompendiumError(key="error_licensed_map_file_missing", where=where, data=data)
    check_survey_and_year(doc, where)
    if doc["unit"] not in UNITS:
        raise CompendiumError(key="error_licensed_map_unit", where=where, value=repr(doc["unit"]), units=", ".join(UNITS))
    raw_design = _section(doc, "design", where)
    _check_fields(raw_design, SECTION_FIELDS["design"], where, "design.")
    design = {k: _name(raw_design[k], f"{where}: design.{k}") for k in ("weight", "strata", "psu")}
    household = raw_design.get("household")
    design["household"] = _names(household, f"{where}: design.household") if household is not None else None
    drop = raw_design.get("drop_nonpositive_weights", False)
    if not isinstance(drop, bool):
        raise CompendiumError(key="error_licensed_map_drop", where=where, value=repr(drop))
    design["drop_nonpositive_weights"] = drop
    province = _section(doc, "province", where, required=False)
    if province is not None:
        _check_fields(province, SECTION_FIELDS["province"], where, "province.")
        codes = _codes(province["code"], f"{where}: province.code")
        if len(codes) != 1:
            raise CompendiumError(key="error_licensed_map_province_code", where=where, value=repr(province["code"]))
        province = {"variable": _name(province["variable"], f"{where}: province.variable"), "code": codes[0]}
    population = _section(doc, "population", where, required=False)
    if population is not None:
        _check_fields(population, SECTION_FIELDS["population"], where, "population.")
        population = {"variable": _name(population["variable"], f"{where}: population.variable"),
                      "codes": _codes(population["codes"], f"{where}: population.codes")}
    definitions = {}
    for name, spec in _section(doc, "migrant_definitions", where).items():
        at = f"{where}: migrant_definitions.{name}"
        if not re.fullmatch(r"[a-z][a-z0-9_]*", str(name)) or not isinstance(spec, dict):
            raise CompendiumError(key="error_licensed_map_definition_name", at=at)
        _check_fields(spec, SECTION_FIELDS["migrant_definitions"], where, f"migrant_definitions.{name}.")
        definitions[str(name)] = {"variable": _name(spec["variable"], f"{at}.variable"),
                                  "migrant": _codes(spec["migrant"], f"{at}.migrant"),
                                  "non_migrant": _codes(spec["non_migrant"], f"{at}.non_migrant")}
        if set(definitions[name]["migrant"]) & set(definitions[name]["non_migrant"]):
            raise CompendiumError(key="error_licensed_map_both_migrant", at=at)
    indicators = {}
    for name, spec in _section(doc, "indicators", where).items():
        at = f"{where}: indicators.{name}"
        if name not in INDICATORS:
            raise CompendiumError(key="error_licensed_map_unknown_indicator", at=at, closest=_closest(name, INDICATORS),
                                  indicators=", ".join(INDICATORS))
        if not isinstance(spec, dict):
            raise CompendiumError(key="error_licensed_map_indicator_spec", at=at)
        _check_fields(spec, SECTION_FIELDS["investment_type" if name == "investment_type" else "indicators"], where,
                      f"indicators.{name}.")
        item = {"variable": _name(spec["variable"], f"{at}.variable")}
        if name == "investment_type":
            codes = spec["codes"]
            if not isinstance(codes, dict) or not codes:
                raise CompendiumError(key="error_licensed_map_type_codes", at=at, example="{1: land}")
            item["codes"] = {_codes(k, f"{at}.codes")[0]: str(v) for k, v in codes.items()}
            if not all(float(c).is_integer() for c in item["codes"]):
                raise CompendiumError(key="error_licensed_map_whole_codes", at=at)
        else:
            # Not `yes:`/`no:` keys: YAML 1.1 (PyYAML) reads those as the booleans True and False.
            item["yes"] = _codes(spec["yes_codes"], f"{at}.yes_codes")
            item["no"] = _codes(spec["no_codes"], f"{at}.no_codes") if spec.get("no_codes") is not None else None
            if item["no"] and set(item["yes"]) & set(item["no"]):
                raise CompendiumError(key="error_licensed_map_both_yes_no", at=at)
        indicators[name] = item
    return {"path": data, "format": fmt, "survey": doc["survey"].strip(), "year": doc["year"], "unit": doc["unit"],
            "design": design, "province": province, "population": population, "definitions": definitions,
            "indicators": indicators}
