"""SYNTHETIC files in BPS layout, for testing notebook 08 only: never real data, never written
under results/. They imitate what a researcher with licensed BPS files holds: a Sakernas-2022-like
person file and a Susenas-KOR-like household file, in Stata (.dta) and SPSS (.sav), with
lower-case names, value labels, and a stratified two-stage design (strata, then census blocks
(PSUs), then households), drawn with a fixed seed.

The true shares are known: every probability below is the same in every stratum and a PSU's
random shift has mean 0, so the weighted population share equals the probability (TRUTH).
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

SEED = 20261205
#: Probabilities that generate the data, i.e. the true population shares.
TRUTH = {
    ("sent_money_or_goods", "migrant"): 0.45, ("sent_money_or_goods", "non_migrant"): 0.12,
    ("any_investment", "migrant"): 0.05, ("any_investment", "non_migrant"): 0.07,
    ("received_money_or_goods", "migrant"): 0.30, ("received_money_or_goods", "non_migrant"): 0.10,
}
P_MIGRANT = 0.25
INVESTMENT_TYPES = {1: 0.5, 2: 0.3, 3: 0.2}
STRATA, PSUS, HOUSEHOLDS = 12, 10, 10
LABEL = "SYNTHETIC test data (not BPS data)"


def _draw(rng, p, shift):
    return rng.random(len(shift)) < np.clip(p + shift, 0, 1)


def sakernas_like(seed: int = SEED) -> pd.DataFrame:
    """Persons aged 15+ in a Sakernas-2022-like layout (lower-case names, BPS codes 1 = ya, 2 = tidak)."""
    rng = np.random.default_rng(seed)
    rows = []
    for h in range(STRATA):
        weight_of_stratum = 150 + 25 * h  # unequal weights across strata
        for j in range(PSUS):
            psu = h * 100 + j + 1
            shift = rng.uniform(-0.04, 0.04)  # clustering: the PSU's own shift, mean 0
            for k in range(HOUSEHOLDS):
                for _ in range(int(rng.integers(1, 5))):
                    rows.append((61, 6100 + h // 3, h + 1, psu, k + 1, weight_of_stratum * rng.uniform(0.8, 1.2), shift))
    frame = pd.DataFrame(rows, columns=["kode_prov", "kode_kab", "strata", "nks", "no_dsrt", "final_weig", "shift"])
    shift = frame.pop("shift").to_numpy()
    n = len(frame)
    migrant = rng.random(n) < P_MIGRANT
    frame["r_migrasi"] = np.where(migrant, 1, 2)  # 1 migran (moved in the last 5 years), 2 bukan
    frame["r_kerja"] = np.where(rng.random(n) < 0.9, 1, 2)  # 1 worked in the past week
    for item, var in (("sent_money_or_goods", "r_kirim"), ("any_investment", "r_investasi")):
        p = np.where(migrant, TRUTH[(item, "migrant")], TRUTH[(item, "non_migrant")])
        frame[var] = np.where(_draw(rng, p, shift * (item == "sent_money_or_goods")), 1, 2)
    invests = frame["r_investasi"] == 1
    kinds = rng.choice(list(INVESTMENT_TYPES), size=n, p=list(INVESTMENT_TYPES.values()))
    frame["r_jenis_investasi"] = np.where(invests, kinds, np.nan)  # asked only of investors
    return frame


def susenas_kor_like(seed: int = SEED + 1) -> pd.DataFrame:
    """Households in a Susenas-KOR-like layout: ``r2101a`` the largest source of financing
    (3 = kiriman uang/barang, remittances received), ``r_migran_art`` 1 if any member moved."""
    rng = np.random.default_rng(seed)
    rows = []
    for h in range(STRATA):
        for j in range(PSUS):
            shift = rng.uniform(-0.04, 0.04)
            for k in range(HOUSEHOLDS):
                rows.append((61, h + 1, h * 100 + j + 1, f"{h + 1:02d}{j + 1:03d}{k + 1:02d}", 300 + 10 * h, shift))
    frame = pd.DataFrame(rows, columns=["r101", "strata", "psu", "urut", "fwt", "shift"])
    shift = frame.pop("shift").to_numpy()
    migrant = rng.random(len(frame)) < P_MIGRANT
    frame["r_migran_art"] = np.where(migrant, 1, 0)
    p = np.where(migrant, TRUTH[("received_money_or_goods", "migrant")], TRUTH[("received_money_or_goods", "non_migrant")])
    received = _draw(rng, p, shift)
    other = rng.choice([1, 2, 4, 5], size=len(frame))  # 1 own work, 2 pension, 4 loan, 5 other
    frame["r2101a"] = np.where(received, 3, other)
    return frame


_VALUE_LABELS = {"r_kirim": {1: "Ya", 2: "Tidak"}, "r_investasi": {1: "Ya", 2: "Tidak"},
                 "r_migrasi": {1: "Migran", 2: "Bukan migran"}, "r_kerja": {1: "Bekerja", 2: "Tidak bekerja"},
                 "r2101a": {1: "Hasil kerja", 2: "Pensiun", 3: "Kiriman uang/barang", 4: "Pinjaman", 5: "Lainnya"}}


#: Codes BPS questionnaires give to answers that are neither yes nor no; an SPSS file declares
#: them user-missing, a Stata or CSV file holds them as plain codes.
DONT_KNOW, NO_ANSWER = 8, 9
#: Rows of :func:`sakernas_bps_like` with a zero weight (BPS ships some: persons outside the
#: weighting frame); a few of them outside the population compared.
ZERO_WEIGHT_ROWS = 7


def sakernas_bps_like(seed: int = SEED) -> pd.DataFrame:
    """:func:`sakernas_like` as BPS ships a Sakernas file: UPPER-CASE names, a person id stored
    as text, a household identified only by its census block and number together
    (``NKS`` + ``NO_RUTA``: ``NO_RUTA`` restarts in each block), the answers "don't know" (8)
    and "no answer" (9) to the remittance item and "no answer" (9) to the migration item,
    :data:`ZERO_WEIGHT_ROWS` rows with a zero weight, and a last stratum of another province (64).
    The true shares stay :data:`TRUTH`:
    the 8/9 answers and zero weights are drawn independently of everything else."""
    rng = np.random.default_rng(seed + 7)
    frame = sakernas_like(seed).rename(columns={"no_dsrt": "no_ruta"})
    frame.insert(0, "id_art", [f"61{i:06d}" for i in range(len(frame))])
    sent = frame["r_kirim"].to_numpy(dtype=float)
    unsure = rng.random(len(frame))
    frame["r_kirim"] = np.where(unsure < 0.02, DONT_KNOW, np.where(unsure < 0.03, NO_ANSWER, sent))
    frame["r_migrasi"] = np.where(rng.random(len(frame)) < 0.01, NO_ANSWER, frame["r_migrasi"])
    zero = rng.choice(len(frame), size=ZERO_WEIGHT_ROWS, replace=False)
    frame.loc[zero, "final_weig"] = 0.0
    # A file of several provinces: the last stratum is another province's (64), left out whole.
    frame.loc[frame["strata"] == STRATA, "kode_prov"] = 64
    return frame.rename(columns=str.upper)


_VALUE_LABELS.update({"R_KIRIM": {1: "Ya", 2: "Tidak", DONT_KNOW: "Tidak tahu", NO_ANSWER: "Tidak menjawab"},
                      "R_INVESTASI": {1: "Ya", 2: "Tidak"}, "R_KERJA": {1: "Bekerja", 2: "Tidak bekerja"},
                      "R_MIGRASI": {1: "Migran", 2: "Bukan migran", NO_ANSWER: "Tidak menjawab"}})
#: The SPSS user-missing codes of :func:`sakernas_bps_like`.
_USER_MISSING = {"R_KIRIM": [DONT_KNOW, NO_ANSWER], "R_MIGRASI": [NO_ANSWER]}


def write(frame: pd.DataFrame, path: Path) -> Path:
    """``frame`` as Stata (.dta), SPSS (.sav, with the user-missing codes of
    :data:`_USER_MISSING` declared), R (.rda, codes as numbers, as haven's labelled values
    read) or CSV, with value labels and the synthetic label where the format has them."""
    labels = {c: v for c, v in _VALUE_LABELS.items() if c in frame.columns}
    if path.suffix == ".dta":
        frame.to_stata(path, write_index=False, data_label=LABEL, value_labels=labels, version=118)
    elif path.suffix == ".sav":
        import pyreadstat

        pyreadstat.write_sav(frame, str(path), file_label=LABEL,
                             variable_value_labels={c: {float(k): v for k, v in m.items()} for c, m in labels.items()},
                             missing_ranges={c: v for c, v in _USER_MISSING.items() if c in frame.columns})
    elif path.suffix == ".rda":
        import pyreadr

        pyreadr.write_rdata(str(path), frame, df_name="synthetic")
    else:
        frame.to_csv(path, index=False)
    return path


SAKERNAS_MAP = """# SYNTHETIC test map (tests/synthetic_licensed.py), not a real BPS file
file: {file}
survey: SYNTHETIC Sakernas-like test file
year: 2022
unit: person
province: {{variable: KODE_PROV, code: 61}}
design: {{weight: FINAL_WEIG, strata: STRATA, psu: NKS, household: [NKS, NO_DSRT]}}
population: {{variable: r_kerja, codes: [1]}}
migrant_definitions:
  recent_mover: {{variable: r_migrasi, migrant: [1], non_migrant: [2]}}
indicators:
  sent_money_or_goods: {{variable: r_kirim, yes_codes: [1], no_codes: [2]}}
  any_investment: {{variable: r_investasi, yes_codes: [1], no_codes: [2]}}
  investment_type: {{variable: r_jenis_investasi, codes: {{1: land or buildings, 2: livestock, 3: financial assets}}}}
"""

SUSENAS_MAP = """# SYNTHETIC test map (tests/synthetic_licensed.py), not a real BPS file
file: {file}
survey: SYNTHETIC Susenas-KOR-like test file
year: 2024
unit: household
design: {{weight: fwt, strata: strata, psu: psu, household: urut}}
migrant_definitions:
  any_member_moved: {{variable: r_migran_art, migrant: [1], non_migrant: [0]}}
indicators:
  received_money_or_goods: {{variable: r2101a, yes_codes: [3]}}
"""


def write_set(folder: Path, fmt: str = ".dta") -> dict[str, Path]:
    """Both synthetic files in ``fmt`` and a map for each, in ``folder``: {"sakernas": map, "susenas": map}."""
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for key, frame, template in (("sakernas", sakernas_like(), SAKERNAS_MAP), ("susenas", susenas_kor_like(), SUSENAS_MAP)):
        data = write(frame, folder / f"synthetic_{key}{fmt}")
        out[key] = folder / f"synthetic_{key}_map.yml"
        out[key].write_text(template.format(file=data.name), encoding="utf-8")
    return out


BPS_MAP = """# SYNTHETIC test map (tests/synthetic_licensed.py), not a real BPS file: a file as BPS ships it
file: {file}
survey: SYNTHETIC Sakernas-like test file in BPS layout
year: 2022
unit: person
province: {{variable: kode_prov, code: 61}}
design:
  weight: final_weig
  strata: strata
  psu: nks
  household: [nks, no_ruta]
  drop_nonpositive_weights: true
population: {{variable: r_kerja, codes: [1]}}
migrant_definitions:
  recent_mover: {{variable: r_migrasi, migrant: [1], non_migrant: [2]}}
indicators:
  sent_money_or_goods: {{variable: r_kirim, yes_codes: [1], no_codes: [2]}}
  any_investment: {{variable: r_investasi, yes_codes: [1], no_codes: [2]}}
"""


def write_bps(folder: Path, fmt: str) -> Path:
    """:func:`sakernas_bps_like` in ``fmt`` and its map (:data:`BPS_MAP`) in ``folder``; the map's path."""
    folder.mkdir(parents=True, exist_ok=True)
    data = write(sakernas_bps_like(), folder / f"synthetic_bps{fmt}")
    path = folder / f"synthetic_bps{fmt.replace('.', '_')}_map.yml"
    path.write_text(BPS_MAP.format(file=data.name), encoding="utf-8")
    return path


def with_map(frame: pd.DataFrame, data: Path, template: str = SAKERNAS_MAP) -> Path:
    """``frame`` written to ``data`` (:func:`write`) and a map of ``template`` naming it, beside it; the map's path."""
    write(frame, data)
    path = data.with_name(f"{data.stem}_map.yml")
    path.write_text(template.format(file=data.name), encoding="utf-8")
    return path
