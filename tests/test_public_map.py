"""Variable maps for notebooks 05-06 (issue 31, item 6): a Susenas or Sakernas file of another
year or layout runs through a map instead of being edited. Run on the SYNTHETIC files of
tests/synthetic_public.py and tests/synthetic_licensed.py (never real microdata)."""
import re
from pathlib import Path

import pandas as pd
import pytest

from kalbar_border import paths
from kalbar_border.data import public_map
from kalbar_border.errors import CompendiumError
from kalbar_border.finance import tables
from kalbar_border.pipeline import notebooks
from tests import synthetic_licensed, synthetic_public as synthetic
from tests.conftest import run_pipeline


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict:
    """The synthetic Susenas- and Sakernas-2020-like files: with the 2020 names (.csv), and the
    same data under other upper-case names (.sav, .dta) with the map of each."""
    folder = tmp_path_factory.mktemp("public_map")
    out = {}
    for key, frame, fmt in (("susenas", synthetic.susenas_2020_like(), ".sav"),
                            ("sakernas", synthetic.sakernas_2020_like(), ".dta")):
        moved, names = synthetic.renamed(frame)
        out[key] = {"default": synthetic.write(frame, folder / f"{key}_2020.csv"),
                    "renamed": synthetic.write(moved, folder / f"{key.upper()}_2022{fmt}"),
                    "map": folder / f"{key}_map.yml", "names": names}
        out[key]["map"].write_text(synthetic.map_text(key, names), encoding="utf-8")
    return out


def _one_line(caught) -> str:
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message
    return message


def test_the_default_maps_name_every_variable_as_the_2020_files_do():
    for key in public_map.DEFAULTS:
        spec = public_map.read_public_map(None, key)
        assert spec["path"] == paths.ROOT / public_map.DEFAULTS[key]
        assert spec["names"] == {name: name for name in public_map.needed(key)}
        assert (spec["dataset"], spec["year"], spec["unit"]) == (key, 2020, "person")


def test_a_renamed_upper_case_file_with_its_map_gives_the_frames_and_table_of_the_2020_names(files):
    default = tables.load_frames(15, str(files["susenas"]["default"]), str(files["sakernas"]["default"]))
    mapped = tables.load_frames(15, str(files["susenas"]["renamed"]), str(files["sakernas"]["renamed"]),
                                str(files["susenas"]["map"]), str(files["sakernas"]["map"]))
    for key in default:
        pd.testing.assert_frame_equal(mapped[key], default[key], check_exact=True)
    pd.testing.assert_frame_equal(tables.to_long(tables.compare_all(mapped)), tables.to_long(tables.compare_all(default)),
                                  check_exact=True)
    assert all(name != old for old, name in files["susenas"]["names"].items())  # every name differs


def test_a_map_in_another_case_finds_the_variables_ignoring_case(files, tmp_path):
    lower = tmp_path / "lower.yml"
    names = {old: new.lower() for old, new in files["sakernas"]["names"].items()}
    lower.write_text(synthetic.map_text("sakernas", names), encoding="utf-8")
    a = public_map.load_mapped("sakernas", files["sakernas"]["renamed"], lower)
    b = public_map.load_mapped("sakernas", files["sakernas"]["renamed"], files["sakernas"]["map"])
    pd.testing.assert_frame_equal(a, b, check_exact=True)


def test_a_file_without_the_2020_names_points_to_the_map_option(files):
    with pytest.raises(CompendiumError) as caught:
        tables.load_frames(15, str(files["susenas"]["renamed"]), str(files["sakernas"]["renamed"]))
    message = _one_line(caught)
    assert message.startswith(f"{files['susenas']['renamed']}: lacks the variables FWT, PSU, R101")
    assert "copy docs/public_map.susenas2020.yml" in message and "pass SUSENAS_MAP=<the copy>" in message
    assert "LICENSED_MAP" not in message


def test_a_mobility_module_file_points_to_the_licensed_map(tmp_path):
    """A Sakernas-2022-like file (its migration, remittance and investment items) given as
    SAKERNAS_PATH: the line names the map option and, because of those items, LICENSED_MAP."""
    path = synthetic_licensed.write(synthetic_licensed.sakernas_like(), tmp_path / "sakernas_2022.dta")
    with pytest.raises(CompendiumError) as caught:
        public_map.load_mapped("sakernas", path)
    message = _one_line(caught)
    assert "SAKERNAS_MAP=<the copy>" in message and "LICENSED_MAP=" in message
    assert "r_migrasi" in message and "r_kirim" in message and "docs/licensed_data.md" in message


def test_a_mobility_item_is_recognised_by_its_label_too(tmp_path):
    import pyreadstat

    frame = pd.DataFrame({"B5_R39": [1.0, 2.0], "B1_R1": [61.0, 61.0]})
    path = tmp_path / "mobility.sav"
    pyreadstat.write_sav(frame, str(path), column_labels=["Mengirim uang/barang ke keluarga", "Provinsi"])
    assert public_map.mobility_columns(frame.columns, path) == ["B5_R39"]
    assert public_map.mobility_columns(frame.columns) == []


def test_a_map_naming_variables_the_file_lacks_names_each_field_and_the_closest_column(files, tmp_path):
    names = {**files["sakernas"]["names"], "K6": "UMURX", "R9A": "KERJA"}
    path = tmp_path / "typo.yml"
    path.write_text(synthetic.map_text("sakernas", names), encoding="utf-8")
    with pytest.raises(CompendiumError) as caught:
        public_map.load_mapped("sakernas", files["sakernas"]["renamed"], path)
    message = _one_line(caught)
    file = files["sakernas"]["renamed"].name
    assert message.startswith(f"{path}: variables.K6: variable 'UMURX' is not in {file}")
    assert f"variables.R9A: variable 'KERJA' is not in {file}" in message
    assert "LICENSED_MAP" not in message
    names = {**files["sakernas"]["names"], "K6": "X22_K66"}
    path.write_text(synthetic.map_text("sakernas", names), encoding="utf-8")
    with pytest.raises(CompendiumError, match=re.escape("variable 'X22_K66' is not in SAKERNAS_2022.dta (closest: X22_K6)")):
        public_map.load_mapped("sakernas", files["sakernas"]["renamed"], path)


def _edited(files, tmp_path, old: str, new: str) -> Path:
    text = files["susenas"]["map"].read_text(encoding="utf-8")
    assert old in text, old
    path = tmp_path / "map.yml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


BAD_MAPS = [
    ("year: 2022", "year: 2022\nsurvy: x", r"unknown field 'survy' \(closest: survey\); expected the fields dataset, "
                                           r"survey, year, unit, variables \(see docs/public_map.susenas2020.yml\)"),
    ("year: 2022", "year: 2022\nfile: susenas.dta", r"unknown field 'file'; the file is given by SUSENAS_PATH"),
    ("unit: person\n", "", r"field 'unit' missing; expected the fields"),
    ("year: 2022", "year: '2022'", r"field 'year' is '2022'; expected a whole number, e.g. 2022"),
    ("unit: person", "unit: household", r"field 'unit' is 'household'; expected person \(notebooks 05-06 read person files\)"),
    ("dataset: susenas", "dataset: sakernas", r"field 'dataset' is 'sakernas', but SUSENAS_MAP maps a susenas file; "
                                             r"expected dataset: susenas"),
    ("survey: SYNTHETIC test file of another layout", "survey: ''", r"field 'survey' is ''; expected the survey"),
    ("  FWT: WEIGHT_FINAL", "  FWTT: WEIGHT_FINAL", r"variables.FWTT: not a variable notebooks 05-06 read \(closest: FWT\)"),
    ("  R701: TABUNGAN\n", "", r"variables lacks R701; expected every variable of docs/public_map.susenas2020.yml"),
    ("  R701: TABUNGAN", "  R701: [TABUNGAN]", r"variables.R701 is \['TABUNGAN'\]; expected the name of a variable"),
    ("  R701: TABUNGAN", "  R701: X22_R702_A", r"variables.R701 and variables.R702_A both name 'X22_R702_A'"),
    ("variables:", "variables: []\nold:", r"unknown field 'old'"),
    ("unit: person", "unit: [person", r"line \d+: not valid YAML"),
]


@pytest.mark.parametrize("old,new,message", BAD_MAPS, ids=[m[2][:40] for m in BAD_MAPS])
def test_every_mistake_in_a_map_is_one_line_naming_the_field(files, tmp_path, old, new, message):
    path = _edited(files, tmp_path, old, new)
    with pytest.raises(CompendiumError, match=message) as caught:
        public_map.read_public_map(path, "susenas")
    assert _one_line(caught).startswith(str(path))


def test_a_map_is_checked_before_anything_runs(files, tmp_path):
    nbs = notebooks.discover()
    given = {"SUSENAS_PATH": str(files["susenas"]["renamed"]), "SAKERNAS_PATH": str(files["sakernas"]["renamed"])}
    notebooks.check_parameters(nbs, {**given, "SUSENAS_MAP": str(files["susenas"]["map"]),
                                     "SAKERNAS_MAP": str(files["sakernas"]["map"])})
    with pytest.raises(CompendiumError, match="parameter SUSENAS_MAP is given without SUSENAS_PATH: a map describes a "
                                              "file you supply; give SUSENAS_PATH too"):
        notebooks.check_parameters(nbs, {"SUSENAS_MAP": str(files["susenas"]["map"])})
    with pytest.raises(CompendiumError, match=r"parameter SAKERNAS_MAP=.* is not allowed; allowed: None or the path of a "
                                              r"\.yml or \.yaml map"):
        notebooks.check_parameters(nbs, {**given, "SAKERNAS_MAP": str(files["sakernas"]["renamed"])})
    wrong = _edited(files, tmp_path, "dataset: susenas", "dataset: sakernas")
    with pytest.raises(CompendiumError, match=r"field 'dataset' is 'sakernas', but SUSENAS_MAP maps a susenas file"):
        notebooks.check_parameters(nbs, {**given, "SUSENAS_MAP": str(wrong)})
    # against the file's header too (.dta, .sav, .csv): no notebook runs on a file the map cannot read
    with pytest.raises(CompendiumError, match=r"SUSENAS_2022.sav: lacks the variables FWT, .* pass SUSENAS_MAP="):
        notebooks.check_parameters(nbs, given)
    typo = _edited(files, tmp_path, "  R701: TABUNGAN", "  R701: TABUNGANN")
    with pytest.raises(CompendiumError, match=r"variables.R701: variable 'TABUNGANN' is not in SUSENAS_2022.sav "
                                              r"\(closest: TABUNGAN\)"):
        notebooks.check_parameters(nbs, {**given, "SUSENAS_MAP": str(typo), "SAKERNAS_MAP": str(files["sakernas"]["map"])})
    default = {"SUSENAS_PATH": str(files["susenas"]["default"]), "SAKERNAS_PATH": str(files["sakernas"]["default"])}
    notebooks.check_parameters(nbs, default)  # the 2020 names need no map
    assert public_map.header(files["susenas"]["default"])[:3] == ["R101", "R102", "R105"]
    assert public_map.header(tmp_path / "absent.dta") is None


def test_a_run_with_a_map_is_a_variant_that_records_the_map(files):
    overrides = {"SUSENAS_PATH": str(files["susenas"]["renamed"]), "SAKERNAS_PATH": str(files["sakernas"]["renamed"]),
                 "SUSENAS_MAP": str(files["susenas"]["map"]), "SAKERNAS_MAP": str(files["sakernas"]["map"])}
    plan = notebooks.Plan(notebooks.discover(), overrides, True)
    assert any(reason.startswith("SUSENAS_MAP=") for reason in plan.variant_reasons())
    assert "SAKERNAS_MAP-sakernas_map" in plan.variant_name() and "SUSENAS_MAP-susenas_map" in plan.variant_name()
    nb05 = next(nb for nb in plan.notebooks if nb.name == "05_finance_comparison")
    assert {p for p, _ in plan.supplied_files(nb05)} == {"SUSENAS_PATH", "SAKERNAS_PATH", "SUSENAS_MAP", "SAKERNAS_MAP"}
    # the same map from another folder is another variant, as for LICENSED_MAP
    other = notebooks.Plan(notebooks.discover(), {**overrides, "SUSENAS_MAP": str(files["sakernas"]["map"])}, True)
    assert other.variant_name() != plan.variant_name()


@pytest.mark.slow
def test_notebook_05_runs_on_a_mapped_file_of_another_layout_as_a_variant(files, tmp_path):
    """Through the pipeline: the renamed files with their maps run notebook 05 and give the
    tables of the same data under the 2020 names; nothing is written over the references."""
    out = {}
    for name, extra in (("mapped", [f"SUSENAS_MAP={files['susenas']['map']}", f"SAKERNAS_MAP={files['sakernas']['map']}"]),
                        ("default", [])):
        kind = "renamed" if extra else "default"
        out[name] = tmp_path / name
        done = run_pipeline(out[name], f"SUSENAS_PATH={files['susenas'][kind]}",
                            f"SAKERNAS_PATH={files['sakernas'][kind]}", *extra, "--only", "05")
        assert done.returncode == 0, done.stdout + done.stderr
    for table in ("financial_comparison.csv", "financial_tests.csv", "financial_comparison_by_subgroup.csv"):
        assert (out["mapped"] / "results" / table).read_bytes() == (out["default"] / "results" / table).read_bytes()
