"""``make bench-scale``: how the migrant comparison and the adjusted models scale to a
national-size sample; printed, never asserted.

The data are SYNTHETIC. The Jambi (province 15) Susenas and Sakernas person files, reduced to
the analysis variables of ``data/datapackage.json`` (the columns the pipeline's extracts hold),
are copied k times and copy i is made a province of its own (:func:`replicate`): its code
replaces 15 in every province variable and 15 replaces its code, so that everyone keeps their
migration status, and strata, PSUs and households get new codes. Weights are left as they are:
the synthetic "nation" is k Jambis and describes no real population. Copy 0 keeps code 15, so
1x is the real file. No random numbers are drawn, so no seed is needed.

Sizes: 1x, 4x, 16x and the national size, the smallest k >= 34 (a copy per province at least)
giving >= 1,200,000 persons (Susenas and Sakernas together, as the last line counts them). Each size runs in a fresh interpreter, so that its peak
resident memory (``ru_maxrss``: imports, reading the files, the copies, the frames and the
estimates) is its own, and times building the analysis frames, ``tables.compare_all`` and
``tables.models_all``. Beside it, when samplics is importable (from ``--samplics-site``, see the
Makefile, or the venv), another fresh interpreter times samplics' Taylor linearisation on the same
shares as :func:`~kalbar_border.finance.survey.weighted_share` (Susenas persons 15+, every
indicator by migrant group) and prints the largest differences.

Nothing is written: results/, figures/ and data/processed are not touched (the output root points
at a temporary folder all the same). The last line reads
``scale: <persons> persons, <seconds> s, <peak GB> GB peak``: Susenas plus Sakernas persons of the
largest size run (the national size by default), its compare_all + models_all seconds (frame
building is printed apart) and its peak memory in GB (10^9 bytes).
"""
from __future__ import annotations

import argparse
import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
import warnings
from importlib.metadata import version
from pathlib import Path

import numpy as np
import pandas as pd

from kalbar_border import paths
from kalbar_border.data import datapackage, microdata
from kalbar_border.errors import CompendiumError
from kalbar_border.finance import tables, variables
from kalbar_border.finance.survey import weighted_share

HOME = 15  # Jambi, the one province of both files
ALL = "all"  # the province argument meaning every province plus the whole sample
#: The 34 BPS province codes of 2020, Jambi first so that copy 0 is the real file.
BPS_PROVINCES = (15, 11, 12, 13, 14, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53,
                 61, 62, 63, 64, 65, 71, 72, 73, 74, 75, 76, 81, 82, 91, 94)
#: Values of the province variables that are not provinces: 0 not asked (under 5, Susenas R604),
#: 40 abroad (R604, R602, Sakernas R7_PROV), 99 (one Sakernas record living abroad in 2015).
NOT_PROVINCES = (0, 40, 99)
#: Residence first; the others are compared with it to tell migrants.
PROVINCE_VARIABLES = {"susenas": ("R101", "R604", "R602"), "sakernas": ("KODE_PROV", "R7_PROV")}
TARGET_PERSONS = 1_200_000
MIN_PROVINCES = 34
TARGET_SECONDS, TARGET_GB, TARGET_AGREEMENT, TARGET_SPEEDUP = 20, 2, 1e-9, 5
DEFINITION = "recent_interprovincial"  # the migrant groups of the samplics cross-check
GB = 1e9


def province_codes(k: int) -> list[int]:
    """Codes of k synthetic provinces: the 34 real ones, then unused two-digit numbers."""
    spare = [c for c in range(20, 99) if c not in BPS_PROVINCES and c not in NOT_PROVINCES]
    codes = list(BPS_PROVINCES) + spare
    if not 1 <= k <= len(codes):
        raise CompendiumError(f"bench-scale: {k} copies asked; between 1 and {len(codes)} province codes are available")
    return codes[:k]


def _prefix_scale(values: pd.Series, label: str) -> int:
    """Place value of the province prefix of a BPS code (STRATA 15012 -> 1000), checked."""
    numbers = values.to_numpy(dtype=float)
    widths = {len(str(int(v))) for v in np.unique(numbers)}
    scale = 10 ** (widths.pop() - 2) if len(widths) == 1 else 0
    if not scale or not np.all(numbers // scale == HOME):
        raise CompendiumError(f"bench-scale: Susenas {label} codes do not all start with the province code {HOME}; "
                              "replicate() shifts that prefix to give each copy its own codes")
    return scale


def replicate(raw: pd.DataFrame, k: int, dataset: str) -> pd.DataFrame:
    """k copies of a province-15 person file (``dataset`` "susenas" or "sakernas"), copy i
    a province of its own, code ``province_codes(k)[i]``.

    In each province variable (:data:`PROVINCE_VARIABLES`) 15 and the copy's code trade
    places, a permutation of the codes, so whoever was a migrant (a code other than the
    residence's) still is, and the non-provinces 0, 40 and 99 are untouched. Susenas STRATA, PSU
    and SSU begin with the province code, which is shifted to the copy's; Sakernas ID_NKS
    (the cluster, and with NO_DSRT the household) is offset by the copy number times a power
    of ten above its largest value, and its strata, built by ``sakernas_frame`` from the
    province, district and area, follow the new province code. Dtypes are kept; weights and
    every other variable are the original's.
    """
    codes = province_codes(k)
    n = len(raw)
    residence = PROVINCE_VARIABLES[dataset][0]
    if not (pd.to_numeric(raw[residence]) == HOME).all():
        raise CompendiumError(f"bench-scale: the {dataset} file must hold province {HOME} only ({residence})")
    out = raw.take(np.tile(np.arange(n), k)).reset_index(drop=True)
    code = np.repeat(np.asarray(codes, dtype=float), n)
    for var in PROVINCE_VARIABLES[dataset]:
        v = out[var].to_numpy(dtype=float)
        out[var] = np.where(v == HOME, code, np.where(v == code, HOME, v))
    if dataset == "susenas":
        for var in ("STRATA", "PSU"):
            out[var] = out[var] + (code - HOME) * _prefix_scale(raw[var], var)
        ssu = raw["SSU"]
        if not (ssu.str.len() > 2).all() or not (ssu.str.slice(0, 2) == str(HOME)).all():
            raise CompendiumError(f"bench-scale: Susenas SSU codes do not all start with {HOME}")
        tail = ssu.str.slice(2)
        out["SSU"] = pd.concat([str(c) + tail for c in codes], ignore_index=True)
    else:
        step = 10 ** len(str(int(raw["ID_NKS"].max())))
        out["ID_NKS"] = out["ID_NKS"] + np.repeat(np.arange(k, dtype=float), n) * step
    return out


def analysis_variables(dataset: str) -> pd.DataFrame:
    """The verified microdata file, reduced to the variables the pipeline extracts."""
    path = microdata.fetch(dataset, download=False)
    keep = list(datapackage.resource(dataset)["x-variables"])
    return microdata.load(dataset, path)[keep]


def _frames(raw: dict, province) -> dict:
    return {"susenas": variables.susenas_frame(raw["susenas"], province=province),
            "sakernas": variables.sakernas_frame(raw["sakernas"], province=province)}


def _design_size(frame: pd.DataFrame) -> tuple[int, int]:
    pairs = frame[["strata", "psu"]].drop_duplicates()
    return int(pairs["strata"].nunique()), len(pairs)


def measure(k: int, province) -> dict:
    """Worker: build the k-copy design and time the frames, compare_all and models_all."""
    raw = {name: analysis_variables(name) for name in PROVINCE_VARIABLES}
    started = time.perf_counter()
    synthetic = {name: replicate(frame, k, name) for name, frame in raw.items()}
    del raw
    built = time.perf_counter()
    frames = _frames(synthetic, province)
    framed = time.perf_counter()
    persons = {name: len(frame) for name, frame in synthetic.items()}
    del synthetic  # as tables.load_frames: the person files are not kept once the frames exist
    compared = tables.compare_all(frames)
    done_compare = time.perf_counter()
    modelled = tables.models_all(frames)
    done_models = time.perf_counter()
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    return {"copies": k, "persons": persons, "frame_rows": {n: len(f) for n, f in frames.items()},
            "design": {n: _design_size(f) for n, f in frames.items()},
            "replicate_s": built - started, "frames_s": framed - built, "compare_s": done_compare - framed,
            "models_s": done_models - done_compare, "peak_gb": peak_kb * 1024 / GB,
            "compare_rows": len(compared), "model_rows": len(modelled)}


def cross_check(k: int, province) -> dict:
    """Worker: our shares and SEs against samplics' on the k-copy Susenas persons 15+."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # samplics 0.6 announces on import that it is archived
        try:
            from samplics import PopParam, TaylorEstimator
        except ImportError as exc:
            return {"error": f"samplics not importable ({exc})", "missing": True}
    frame = variables.susenas_frame(replicate(analysis_variables("susenas"), k, "susenas"), province=province)
    adult = (frame["age"] >= 15).to_numpy()
    migrant = frame[DEFINITION].to_numpy(dtype=float)
    weight, strata, psu = (frame[c].to_numpy(dtype=float) for c in ("weight", "strata", "psu"))
    indicators = variables.indicators_of(frame)
    ys = {i: frame[i].to_numpy(dtype=float) for i in indicators}

    started = time.perf_counter()
    ours = {(i, g): weighted_share(ys[i], weight, strata, psu, domain=adult & (migrant == g))
            for i in indicators for g in (1, 0)}
    ours_s = time.perf_counter() - started

    # samplics' domain estimation keeps every row in the design, as ours does, but multiplies y
    # by the domain indicator, so a NaN y would spoil every domain, and remove_nan=True would drop
    # those rows (and any PSU left empty) from the design. Instead rows outside the indicator's
    # base or the population keep y = 0 in a third domain (-1) whose estimate is not used.
    inputs = {}
    for i, y in ys.items():
        known = ~np.isnan(y)
        group = np.where(adult & known & (migrant == 1), 1, np.where(adult & known & (migrant == 0), 0, -1))
        inputs[i] = (np.where(known, y, 0.0), group)
    theirs = {}
    started = time.perf_counter()
    try:
        for i, (y, group) in inputs.items():
            est = TaylorEstimator(PopParam.mean)
            est.estimate(y=y, samp_weight=weight, stratum=strata, psu=psu, domain=group)
            for g in (1, 0):
                theirs[(i, g)] = (est.point_est[g], est.stderror[g])
    except Exception as exc:  # e.g. a stratum with one PSU, which samplics refuses by default
        return {"error": f"samplics failed: {type(exc).__name__}: {str(exc)[:80]}"}
    samplics_s = time.perf_counter() - started
    share_diff = max(abs(ours[key].share - theirs[key][0]) for key in ours)
    se_diff = max(abs(ours[key].se - theirs[key][1]) for key in ours)
    return {"version": version("samplics"), "shares": len(ours), "indicators": len(indicators),
            "persons15": int(adult.sum()), "ours_s": ours_s, "samplics_s": samplics_s,
            "share_diff": share_diff, "se_diff": se_diff}


def _run(worker: str, k: int, province, env: dict) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", worker, "--copies", str(k),
           "--province", str(province)]
    done = subprocess.run(cmd, env=env, cwd=paths.ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        tail = (done.stderr.strip().splitlines() or ["(no message)"])[-1]
        raise SystemExit(f"bench-scale: the {worker} run at {k}x failed: {tail}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def province_argument(raw: dict) -> tuple[int | str, str]:
    """"all" when this kalbar_border accepts it; else the first copy's code and why."""
    try:
        _frames(raw, ALL)
    except (CompendiumError, TypeError, ValueError) as exc:
        return HOME, str(exc).splitlines()[0]
    return ALL, ""


def _sizes(text: str, national: int) -> list[int]:
    sizes = []
    for part in text.split(","):
        part = part.strip()
        if not part:
            continue
        k = national if part == "national" else int(part.rstrip("x"))
        if k not in sizes:
            sizes.append(k)
    if not sizes:
        raise SystemExit("bench-scale: --sizes lists no size; e.g. --sizes 1,4,16,national")
    return sizes


_WIDTHS = (5, 10, 10, 10, 12, 7, 7, 8, 7, 8, 8), (8, 8, 6, 11, 9)


def _row(ours, theirs) -> str:
    """One line of the size table: our columns | the samplics cross-check's."""
    left, right = ([text.rjust(width) for text, width in zip(cells, widths)]
                   for cells, widths in zip((ours, theirs), _WIDTHS))
    return "  " + " ".join(left) + "  |  " + (" ".join(right) if len(theirs) > 1 else theirs[0])


def _met(ok: bool) -> str:
    return "met" if ok else "NOT met"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,4,16,national",
                        help="copies per size, comma-separated; 'national' = the smallest k >= 34 "
                             "with >= 1,200,000 persons (default: 1,4,16,national)")
    parser.add_argument("--samplics-site", type=Path, default=Path(sys.prefix) / "bench-samplics",
                        help="folder with samplics and its dependencies, put on the path of the "
                             "cross-check only (default: bench-samplics in the venv)")
    parser.add_argument("--worker", choices=("measure", "samplics"), help=argparse.SUPPRESS)
    parser.add_argument("--copies", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--province", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.worker:
        province = args.province if args.province == ALL else int(args.province)
        result = (measure if args.worker == "measure" else cross_check)(args.copies, province)
        print(json.dumps(result))
        return 0

    try:
        raw = {name: analysis_variables(name) for name in PROVINCE_VARIABLES}
    except CompendiumError as exc:
        raise SystemExit(f"bench-scale: the BPS microdata are missing: {exc}") from None
    one = {name: len(frame) for name, frame in raw.items()}
    national = max(MIN_PROVINCES, math.ceil(TARGET_PERSONS / (one["susenas"] + one["sakernas"])))
    sizes = _sizes(args.sizes, national)
    province, refused = province_argument(raw)
    del raw

    with tempfile.TemporaryDirectory(prefix="kalbar-bench-scale-") as tmp:
        env = {**os.environ, "COMPENDIUM_OUTPUT_DIR": tmp, "PYTHONHASHSEED": "0"}
        # samplics pulls pyarrow, and pandas 3 then stores every text column in pyarrow: the timed
        # runs must not see it, so its folder goes on the path of the cross-check alone.
        cross_env = dict(env)
        if args.samplics_site.is_dir():
            cross_env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(args.samplics_site.resolve()),
                                                                    env.get("PYTHONPATH")]))
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
        print("bench-scale: SYNTHETIC data. The Jambi (province 15) Susenas and Sakernas files are copied into k "
              "provinces with new province, strata, PSU and household codes and unchanged weights; no random draws "
              "(no seed needed); nothing is written to results/, figures/ or data/processed.")
        print(f"  1x = {one['susenas']:,} Susenas + {one['sakernas']:,} Sakernas persons; national size = {national} "
              f"copies (smallest k >= {MIN_PROVINCES} with >= {TARGET_PERSONS:,} persons); {cores} cores; "
              "each size and each cross-check in a fresh interpreter.")
        if province == ALL:
            print("  frames: province='all' (every province compared on its own, plus the whole sample; "
                  "models on the whole sample)")
        else:
            print(f"  frames: province={province}, the first copy only: this kalbar_border refuses "
                  f"province='all' ({refused}); the times below cover that copy's rows, not the national design")
        print(_row(("size", "Susenas", "Sakernas", "strata", "PSUs", "copies", "frames", "compare", "models",
                    "cmp+mod", "peak"), ("ours", "samplics", "ratio", "max|dshare|", "max|dSE|")))
        rows, checks = [], []
        for k in sizes:
            row = _run("measure", k, province, env)
            missing = checks and checks[-1].get("missing")
            check = checks[-1] if missing else _run("samplics", k, province, cross_env)
            rows.append(row)
            checks.append(check)
            (s_strata, s_psu), (k_strata, k_psu) = row["design"]["susenas"], row["design"]["sakernas"]
            seconds = [row[key] for key in ("replicate_s", "frames_s", "compare_s", "models_s")]
            ours = (f"{k}x", f"{row['persons']['susenas']:,}", f"{row['persons']['sakernas']:,}",
                    f"{s_strata}+{k_strata}", f"{s_psu}+{k_psu}", *(f"{t:.1f} s" for t in seconds),
                    f"{row['compare_s'] + row['models_s']:.1f} s", f"{row['peak_gb']:.2f} GB")
            theirs = ((check["error"],) if "error" in check else
                      (f"{check['ours_s']:.2f} s", f"{check['samplics_s']:.2f} s",
                       f"{check['samplics_s'] / check['ours_s']:.1f}x", f"{check['share_diff']:.1e}",
                       f"{check['se_diff']:.1e}"))
            print(_row(ours, theirs), flush=True)

    last, check = rows[-1], checks[-1]
    seconds = last["compare_s"] + last["models_s"]
    persons = sum(last["persons"].values())
    print("  columns: persons in the synthetic files; strata and PSUs in the frames (Susenas+Sakernas); seconds to "
          "make the copies (not counted), build the frames, compare_all, models_all; peak resident memory of the "
          "size's process.")
    if check.get("missing"):
        print(f"  samplics cross-check skipped: {check['error']}; `make bench-scale` installs samplics==0.6.1 in "
              ".venv/bench-samplics, or pass --samplics-site with a folder holding it and its dependencies")
    elif "error" in check:
        print(f"  samplics cross-check: {check['error']}")
    else:
        print(f"  cross-check: samplics {check['version']} TaylorEstimator(PopParam.mean) against weighted_share, "
              f"{check['indicators']} Susenas indicators x migrant/non-migrant ({DEFINITION}) among persons 15+ "
              f"({check['persons15']:,} at {last['copies']}x) as domains of the whole design; ratio = samplics / ours")
    print(f"  target (printed, never asserted): compare_all + models_all on >= {TARGET_PERSONS:,} persons in <= "
          f"{TARGET_SECONDS} s and <= {TARGET_GB} GB peak on 2 cores: {seconds:.1f} s, {last['peak_gb']:.2f} GB on "
          f"{cores} cores: {_met(persons >= TARGET_PERSONS and seconds <= TARGET_SECONDS and last['peak_gb'] <= TARGET_GB)}")
    if "error" not in check:
        agree = max(check["share_diff"], check["se_diff"]) <= TARGET_AGREEMENT
        speedup = check["samplics_s"] / check["ours_s"]
        print(f"  target: shares and SEs within {TARGET_AGREEMENT:g} of samplics: {_met(agree)}; >= {TARGET_SPEEDUP}x "
              f"faster than samplics on the same shares: {speedup:.1f}x, {_met(speedup >= TARGET_SPEEDUP)}")
    if last["copies"] != national:
        print(f"  note: the largest size run is {last['copies']}x, not the national size ({national}x)")
    print(f"scale: {persons} persons, {seconds:.1f} s, {last['peak_gb']:.2f} GB peak")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
