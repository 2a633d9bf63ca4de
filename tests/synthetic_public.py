"""SYNTHETIC person files in the layout of the public Susenas March 2020 and Sakernas August
2020 files, for testing the variable maps of notebooks 05-06 only: never real data, never
written under results/. Every variable the analysis reads (``data/datapackage.json``,
``x-variables``) is drawn with a fixed seed, with the 2020 questionnaires' codes, in a
stratified two-stage design (strata, PSUs, households) with enough migrants and events that
every comparison of notebook 05 is computed.

:func:`renamed` gives the same data under other, upper-case names (a file of another year or
layout) and :func:`map_text` the variable map that finds them.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

SEED = 20261206
STRATA, PSUS, HOUSEHOLDS = 6, 4, 8
LABEL = "SYNTHETIC test data (not BPS data)"


def susenas_2020_like(seed: int = SEED) -> pd.DataFrame:
    """Persons in the layout of the Susenas March 2020 KOR person file (Jambi, province 15):
    checkbox items hold their letter when ticked and "" otherwise, as the .rda does."""
    rng = np.random.default_rng(seed)
    rows = []
    for h in range(STRATA):
        district = 1501 + h % 3
        for j in range(PSUS):
            urban = 1 if j % 2 == 0 else 2
            for k in range(HOUSEHOLDS):
                for member in range(int(rng.integers(1, 6))):
                    rows.append((district, urban, h + 1, h * 10 + j + 1, k + 1, f"{h + 1}{j + 1:02d}{k + 1:02d}",
                                 member, 150.0 + 20 * h + rng.uniform(-10, 10)))
    frame = pd.DataFrame(rows, columns=["R102", "R105", "STRATA", "PSU", "RENUM", "SSU", "member", "FWT"])
    n = len(frame)
    frame["FWT"] = frame.groupby("SSU")["FWT"].transform("first")  # one weight per household, as in Susenas
    frame.insert(0, "R101", 15)
    frame["R403"] = np.where(frame.pop("member") == 0, 1, rng.choice([2, 3, 4], size=n))
    frame["R405"] = rng.choice([1, 2], size=n)
    frame["R407"] = rng.integers(0, 80, size=n)
    moved = rng.random(n) < 0.2
    frame["R604"] = np.where(frame["R407"] < 5, 0, np.where(moved, rng.choice([12, 13, 31, 40], size=n), 15))
    frame["R605"] = np.where(rng.random(n) < 0.1, frame["R102"] + 1, frame["R102"])
    frame["R602"] = np.where(rng.random(n) < 0.3, rng.choice([12, 13, 33], size=n), 15)
    frame["R613"] = rng.integers(0, 8, size=n)
    frame["R615"] = rng.choice([0, 3, 7, 11, 13, 18, 22], size=n)
    frame["R701"] = np.where(frame["R407"] < 5, 0, np.where(rng.random(n) < 0.4 + 0.1 * moved, 1, 5))
    frame["R702_A"] = np.where((frame["R407"] >= 15) & (rng.random(n) < 0.6), "A", "")
    frame["R808"] = np.where(rng.random(n) < 0.5, 1, 5)
    online = frame["R808"] == 1
    for var, letter, p in (("R811_E", "E", 0.3), ("R811_F", "F", 0.2), ("R811_H", "H", 0.25)):
        frame[var] = np.where(online & (rng.random(n) < p), letter, "")
    cover = rng.choice(list("ABCEX"), size=n, p=[0.35, 0.25, 0.1, 0.1, 0.2])
    for letter in "ABCDEX":
        frame[f"R1101_{letter}"] = np.where(cover == letter, letter, "")
    return frame


def sakernas_2020_like(seed: int = SEED + 1) -> pd.DataFrame:
    """Persons aged 15+ in the layout of the Sakernas August 2020 person file (Jambi): two
    sample blocks per district x urban/rural, the strata notebook 05 builds."""
    rng = np.random.default_rng(seed)
    rows = []
    block = 0
    for district in (1501, 1502, 1503):
        for area in (1, 2):
            for _ in range(PSUS):
                block += 1
                for k in range(HOUSEHOLDS):
                    for member in range(int(rng.integers(1, 4))):
                        rows.append((district, area, block, k + 1, member, 120.0 + 30 * area + rng.uniform(-15, 15)))
    frame = pd.DataFrame(rows, columns=["KODE_KAB", "KLASIFIKAS", "ID_NKS", "NO_DSRT", "member", "FINAL_WEIG"])
    n = len(frame)
    frame.insert(0, "KODE_PROV", 15)
    frame["K3"] = np.where(frame.pop("member") == 0, 1, rng.choice([2, 3], size=n))
    frame["K4"] = rng.choice([1, 2], size=n)
    frame["K6"] = rng.integers(15, 75, size=n)
    frame["R6A"] = rng.integers(1, 9, size=n)
    frame["R7"] = rng.choice([1, 2, 3], size=n, p=[0.75, 0.2, 0.05])
    frame["R7_PROV"] = np.where(frame["R7"] == 2, rng.choice([15, 12, 31], size=n), np.where(frame["R7"] == 3, 40, 15))
    frame["R7_KAB"] = np.where(frame["R7"] == 2, frame["KODE_KAB"] + 1, frame["KODE_KAB"])
    frame["R9A"] = np.where(rng.random(n) < 0.7, 1, 2)
    frame["R12A"] = np.where(frame["R9A"] == 1, rng.integers(1, 8, size=n), 0)
    frame["R17A"] = np.where(frame["R9A"] == 1, rng.choice([1, 2], size=n), 0)
    frame["R17B3"] = np.where(frame["R17A"] == 1, rng.choice([1, 2], size=n), 0)
    return frame


def renamed(frame: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, str]]:
    """``frame`` under other names, as a file of another year or layout might spell them: every
    variable renamed (``X22_<name>``, a few under names of their own), columns in another order;
    and the names, {2020 name: new name}."""
    special = {"FWT": "WEIGHT_FINAL", "FINAL_WEIG": "WEIGHT_FINAL", "KLASIFIKAS": "KLASIFIKASI", "PSU": "ID_PSU",
               "ID_NKS": "NKS", "R701": "TABUNGAN"}
    names = {c: special.get(c, f"X22_{c}") for c in frame.columns}
    return frame.rename(columns=names)[[names[c] for c in reversed(frame.columns)]], names


def map_text(key: str, names: dict[str, str], survey: str = "SYNTHETIC test file of another layout") -> str:
    """A variable map (:mod:`kalbar_border.data.public_map`) finding each variable under ``names``."""
    lines = [f"# SYNTHETIC test map (tests/synthetic_public.py), not a real BPS file", f"dataset: {key}",
             f"survey: {survey}", "year: 2022", "unit: person", "variables:"]
    return "\n".join(lines + [f"  {old}: {new}" for old, new in names.items()]) + "\n"


def write(frame: pd.DataFrame, path: Path) -> Path:
    """``frame`` as .csv, .dta or .sav (Stata and SPSS carry the synthetic label)."""
    if path.suffix == ".dta":
        frame.to_stata(path, write_index=False, data_label=LABEL, version=118)
    elif path.suffix == ".sav":
        import pyreadstat

        pyreadstat.write_sav(frame, str(path), file_label=LABEL)
    else:
        frame.to_csv(path, index=False)
    return path
