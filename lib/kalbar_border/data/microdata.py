"""Download, verify and load the two BPS microdata files (Susenas March 2020, Sakernas
August 2020; Jambi, province 15), as published in the CRAN packages ``SUSENAS`` and
``SAKERNAS`` 0.1.0 (GPL-3).

The files are never committed. :func:`fetch` looks in the cache (:func:`paths.cache_dir`,
``COMPENDIUM_DATA_DIR``); a cached file is used only if its sha256 matches. Otherwise it
downloads with pooch from the pinned GitHub mirror of CRAN, falling back to the CRAN source
tarball and then to the same tarball in the CRAN Archive (where CRAN moves it once a newer
version is published). pooch writes to a temporary file and moves it into the cache only after the hash
matched, so a corrupt or truncated download is rejected, never cached and never read.
"""
from __future__ import annotations

import shutil
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .. import paths
from ..atomic import sha256_file, write_text
from ..errors import CompendiumError, Joined, Said

if TYPE_CHECKING:  # numpy and pandas are imported where frames are read: the pipeline reads DATASETS alone
    import pandas as pd


@dataclass(frozen=True)
class Microdata:
    """One microdata file: where it comes from and what it must hash to."""

    name: str  # data-frame name inside the .rda, also the file stem
    sha256: str
    mirror_url: str
    cran_tarball: str
    tar_member: str
    text_variables: tuple[str, ...] = ()  # analysis variables stored as character in the .rda

    @property
    def filename(self) -> str:
        return f"{self.name}.rda"

    @property
    def cran_archive(self) -> str:
        """The tarball's address in the CRAN Archive (``src/contrib/Archive/<package>/<file>``),
        where CRAN keeps it once a newer version replaces it in ``src/contrib``."""
        base, _, file = self.cran_tarball.rpartition("/")
        return f"{base}/Archive/{file.split('_')[0]}/{file}"

    @property
    def addresses(self) -> tuple[str, ...]:
        """Where the file is downloaded from, in the order tried: the mirror, then the tarballs."""
        return (self.mirror_url, self.cran_tarball, self.cran_archive)


#: The day the project pinned both files' sha256 (its first commit, 2026-11-28, in git history):
#: the day they were obtained and verified as far as the project records; no separate download day
#: is recorded, and every run verifies the same hash, so the files cited are the files of that day.
VERIFIED_ON = "2026-11-28"

DATASETS = {
    "susenas": Microdata(
        name="SUSENAS2020",
        sha256="3153b45d51da9711e63b148a822768cfe5e72a1d707efa7e4f1126acaf3236b4",
        mirror_url="https://raw.githubusercontent.com/cran/SUSENAS/52eeb079c1e43faa5a433a8be258d84f3fd001fc/data/SUSENAS2020.rda",
        cran_tarball="https://cran.r-project.org/src/contrib/SUSENAS_0.1.0.tar.gz",
        tar_member="SUSENAS/data/SUSENAS2020.rda",
        text_variables=("R1101_A", "R1101_B", "R1101_C", "R1101_D", "R1101_E", "R1101_X", "R702_A", "R811_E", "R811_F",
                        "R811_H", "SSU"),
    ),
    "sakernas": Microdata(
        name="SAKERNAS2020",
        sha256="986f5b6a9e2302f175b0a43fa173f8d871fd06d8b2221400a2c332d22ff62199",
        mirror_url="https://raw.githubusercontent.com/cran/SAKERNAS/aa87ba739da0094764d50c439b5d7181fa2dddd1/data/SAKERNAS2020.rda",
        cran_tarball="https://cran.r-project.org/src/contrib/SAKERNAS_0.1.0.tar.gz",
        tar_member="SAKERNAS/data/SAKERNAS2020.rda",
    ),
}


def _dataset(key: str) -> Microdata:
    try:
        return DATASETS[key]
    except KeyError:
        raise CompendiumError(key="error_microdata_unknown", dataset=key, accepted=", ".join(DATASETS)) from None


def verify(path: Path, expected: str) -> Path:
    """Return ``path`` if its sha256 is ``expected``; else one-line error with both hashes."""
    actual = sha256_file(path)
    if actual != expected:
        raise CompendiumError(key="error_microdata_checksum", path=path,
                              mismatch=Said("error_part_checksum_mismatch", expected=expected, actual=actual))
    return path


def _download_mirror(spec: Microdata, cache: Path) -> Path:
    import pooch

    return Path(
        pooch.retrieve(spec.mirror_url, known_hash=f"sha256:{spec.sha256}", fname=spec.filename,
                       path=cache, progressbar=False)
    )


def _download_tarball(spec: Microdata, url: str, cache: Path) -> Path:
    import pooch

    with tempfile.TemporaryDirectory() as tmp:
        # The tarball's own hash changes with every CRAN rebuild; the member's hash is what we pin.
        tarball = pooch.retrieve(url, known_hash=None, path=tmp, progressbar=False)
        with tarfile.open(tarball) as tar:
            member = tar.extractfile(spec.tar_member)
            if member is None:
                raise CompendiumError(key="error_microdata_tar_member", url=url, member=spec.tar_member)
            staged = Path(tmp) / spec.filename
            with open(staged, "wb") as out:
                shutil.copyfileobj(member, out)
        verify(staged, spec.sha256)
        cache.mkdir(parents=True, exist_ok=True)
        target = cache / spec.filename
        shutil.move(staged, target)
        return target


def fetch(key: str, download: bool = True) -> Path:
    """Path of the verified microdata file ``key`` (``susenas`` or ``sakernas``).

    Uses the cache when it holds a file with the right hash; raises a one-line error on a
    cached file with the wrong hash (never silently replaced: the user should look at it).
    """

    spec = _dataset(key)
    cache = paths.cache_dir()
    cached = cache / spec.filename
    if cached.is_file():
        return verify(cached, spec.sha256)
    if not download:
        raise CompendiumError(key="error_microdata_not_cached", file=spec.filename, cache=cache)
    errors = []
    routes = [lambda: _download_mirror(spec, cache)]
    routes += [lambda url=url: _download_tarball(spec, url, cache) for url in (spec.cran_tarball, spec.cran_archive)]
    for route in routes:
        try:
            return route()
        except CompendiumError as exc:
            errors.append(Said(exc.key, **exc.values) if exc.key else str(exc))
        except Exception as exc:  # network, HTTP, or pooch's hash mismatch: try the next route
            errors.append(_why(exc))
    raise CompendiumError(key="error_microdata_download", file=spec.filename, cache=cache,
                          addresses=", ".join(spec.addresses), errors=Joined(errors, " | "))


#: File formats a microdata path may have (BPS ships Stata, SPSS and DBF/CSV; CRAN ships .rda).
FORMATS = {".rda": "R data", ".rdata": "R data", ".dta": "Stata", ".sav": "SPSS", ".csv": "CSV"}


def check_format(path: Path | str) -> str:
    """The format of a microdata file, from its extension (case-insensitive); a one-line
    error listing the accepted formats otherwise."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        accepted = ", ".join(dict.fromkeys(FORMATS))
        raise CompendiumError(key="error_microdata_format", path=path, accepted=accepted,
                              suffix=suffix or Said("error_microdata_no_extension"))
    return FORMATS[suffix]


def read_file(path: Path | str, name: str | None = None) -> pd.DataFrame:
    """Every column of one microdata file, in any of :data:`FORMATS`. Value-labelled columns
    are read as their codes (Stata and SPSS labels are not applied), as the .rda holds them;
    SPSS user-missing values (e.g. 8 "tidak tahu", 9 "tidak menjawab") are read as their codes
    too, as Stata and CSV files hold them, so the same data give the same frame in every
    format; column names are kept as the file spells them. ``name`` picks the data frame of an
    .rda that holds several. Raises one line naming the file when it cannot be read."""
    import pandas as pd

    source = Path(path)
    kind = check_format(source)
    if not source.is_file():
        raise CompendiumError(key="error_microdata_not_found", source=source, formats=", ".join(dict.fromkeys(FORMATS)))
    try:
        if kind == "R data":
            import pyreadr

            frames = pyreadr.read_r(str(source))
            if not frames:
                raise CompendiumError(key="error_microdata_no_frame", source=source)
            return frames[name] if name in frames else next(iter(frames.values()))
        if kind == "Stata":
            return pd.read_stata(source, convert_categoricals=False, convert_dates=False)
        if kind == "SPSS":
            import pyreadstat

            # user_missing=True: without it pyreadstat turns user-missing codes into blanks, and
            # "don't know" could no longer be told from "not asked" (nor match a .dta of the same data).
            frame, _ = pyreadstat.read_sav(str(source), user_missing=True)
            return frame
        return pd.read_csv(source, dtype=str, keep_default_na=False, na_values=[""])
    except CompendiumError:
        raise
    except Exception as exc:
        raise CompendiumError(key="error_microdata_unreadable", source=source, kind=kind, error=_why(exc)) from None


def _why(exc: Exception) -> str:
    """The class and first line of ``exc``: what a reader needs of a library's error."""
    return f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"


def value_labels(path: Path | str) -> dict[str, dict[float, str]]:
    """The value labels of a Stata or SPSS file, ``{variable: {code: label}}`` (codes as
    floats, variable names as the file spells them); ``{}`` for the formats that carry none
    (.csv, .rda). Used to name a code the map leaves out by what the questionnaire calls it."""
    source = Path(path)
    kind = check_format(source)
    if kind not in ("Stata", "SPSS"):
        return {}
    import pyreadstat

    try:
        reader = pyreadstat.read_sav if kind == "SPSS" else pyreadstat.read_dta
        _, meta = reader(str(source), metadataonly=True)
    except Exception as exc:
        raise CompendiumError(key="error_microdata_unreadable", source=source, kind=kind, error=_why(exc)) from None
    out = {}
    for variable, labels in (meta.variable_value_labels or {}).items():
        coded = {}
        for code, text in labels.items():
            try:
                coded[float(code)] = str(text)
            except (TypeError, ValueError):  # a label of a text value: not a code the map can name
                continue
        out[variable] = coded
    return out


def match_variables(frame: pd.DataFrame, variables, source: Path | str) -> pd.DataFrame:
    """The columns ``variables`` of ``frame``, matched case-insensitively (BPS files often
    spell names in lower case) and renamed as ``variables`` spells them, in that order. One
    line naming the file and every missing variable when any is absent, or when two columns
    differ only by case."""
    by_folded: dict[str, list[str]] = {}
    for column in frame.columns:
        by_folded.setdefault(str(column).casefold(), []).append(column)
    ambiguous = [v for v in variables if len(by_folded.get(v.casefold(), [])) > 1]
    if ambiguous:
        raise CompendiumError(key="error_microdata_case_twins", source=source,
                              columns=", ".join(c for v in ambiguous for c in by_folded[v.casefold()]))
    missing = [v for v in variables if v.casefold() not in by_folded]
    if missing:
        raise CompendiumError(key="error_microdata_lacks", source=source, missing=", ".join(missing))
    return frame[[by_folded[v.casefold()][0] for v in variables]].set_axis(list(variables), axis=1)


def load(key: str, path: Path | None = None) -> pd.DataFrame:
    """Read the verified cache copy of microdata ``key`` (every column), or the file ``path``."""
    spec = _dataset(key)
    return read_file(Path(path) if path is not None else fetch(key), spec.name)


def load_supplied(key: str, path: Path | str) -> pd.DataFrame:
    """A user-supplied file for ``key`` (another province's or a licensed BPS file, in any of
    :data:`FORMATS`) as the analysis reads the verified one: the variables
    ``data/datapackage.json`` lists for ``key`` (matched ignoring case), text variables as
    strings (an empty text is missing, as in the extract of notebook 01), all others as
    float64. The same data in any format give the same frame."""
    return typed_frame(key, read_file(path, _dataset(key).name), path)


def typed_frame(key: str, frame: pd.DataFrame, path: Path | str, names: dict | None = None) -> pd.DataFrame:
    """The columns of ``frame`` (read from the file ``path``) that :func:`load_supplied` keeps,
    typed as it types them and named as the 2020 files name them. ``names`` ({2020 name: the
    file's name}, a variable map of :mod:`.public_map`) finds each variable under another name;
    without it the 2020 names are looked for."""
    import numpy as np
    import pandas as pd

    from .datapackage import resource

    spec = _dataset(key)
    variables = sorted(resource(key)["x-variables"])
    frame = match_variables(frame, [(names or {}).get(v, v) for v in variables], path).set_axis(variables, axis=1)
    out = {}
    for name in frame.columns:
        column = frame[name]
        if name in spec.text_variables:
            if pd.api.types.is_numeric_dtype(column):  # an identifier a Stata/SPSS file stored as a number
                column = column.astype("Int64") if np.all(column.dropna() % 1 == 0) else column
            column = column.astype("str")
            out[name] = column.mask(column == "")
        else:
            try:
                out[name] = pd.to_numeric(column, errors="raise").astype("float64")
            except (ValueError, TypeError):
                shown = name if (names or {}).get(name, name) == name else Said("error_microdata_renamed",
                                                                                name=names[name], original=name)
                raise CompendiumError(key="error_microdata_text_not_number", path=path, variable=shown) from None
    return pd.DataFrame(out)


def supplied_record(parameter: str, path: Path | str) -> dict:
    """What the run record and the report say of a user-supplied file: the parameter that
    named it, its file name (not the folder, which is the user's) and its sha256; it was
    never downloaded and is never committed."""
    return {"parameter": parameter, "file": Path(path).name, "sha256": sha256_file(Path(path)), "origin": "user_supplied"}


def extract_path(key: str) -> Path:
    """``data/processed/microdata_<key>.csv``: the analysis variables of the verified file."""
    _dataset(key)
    return paths.processed_dir() / f"microdata_{key}.csv"


def write_extract(key: str, frame: pd.DataFrame, variables) -> Path:
    """Write the columns ``variables`` of the verified file to :func:`extract_path`.

    Reading an .rda takes seconds (every one of its hundreds of columns is decoded); the
    extract is read in a fraction of that by every later notebook. Whole-number columns are
    written as integers and other floats in shortest round-trip form, so a frame read back
    with :func:`load_extract` is equal to the one read from the .rda. Raises a one-line error if a variable is missing or its type
    (text or number) is not the one :func:`load_extract` will restore.
    """
    import numpy as np
    import pandas as pd

    spec = _dataset(key)
    variables = sorted(variables)
    missing = [v for v in variables if v not in frame.columns]
    if missing:
        raise CompendiumError(key="error_microdata_extract_lacks", file=spec.filename, missing=missing)
    for name in variables:
        numeric = pd.api.types.is_numeric_dtype(frame[name])
        if numeric == (name in spec.text_variables):
            kinds = [Said("error_microdata_kind_text"), Said("error_microdata_kind_numeric")]
            raise CompendiumError(key="error_microdata_kind", file=spec.filename, variable=name,
                                  actual=kinds[numeric], expected=kinds[not numeric])
    out = frame[variables].copy()
    for name in variables:
        values = out[name].to_numpy()
        # Codes are whole numbers stored as doubles; written as integers ("3", not "3.0")
        # the file is a quarter smaller and twice as fast to write, and reads back equal.
        if values.dtype.kind == "f" and np.all(np.isnan(values) | (values == np.round(values))):
            out[name] = out[name].astype("Int64")
    text = out.to_csv(index=False, lineterminator="\n")
    written = write_text(extract_path(key), text)
    record_checksum(written, text.encode("utf-8"))
    return written


#: Where the run that writes the extracts records their sha256 (beside them), so that a check
#: can tell data changed by hand from the data the run made (kalbar_border.teaching).
CHECKSUMS = "data/processed/checksums.json"


def _checksums_path() -> Path:
    return paths.output_root() / CHECKSUMS


def record_checksum(path: Path, data: bytes) -> None:
    """Record the sha256 of ``data``, just written to the extract ``path``, in :data:`CHECKSUMS`
    (one entry per file name). While the pipeline runs notebook 01 its writes wait in pending
    files (:mod:`kalbar_border.atomic`): the record is read from its pending file when there is one."""
    import hashlib
    import json
    import os

    from ..atomic import PENDING_ENV

    record = _checksums_path()
    token = os.environ.get(PENDING_ENV)
    pending = record.with_name(f".{record.name}.{token}.pending") if token else None
    latest = pending if pending is not None and pending.is_file() else record
    try:
        known = json.loads(latest.read_text()) if latest.is_file() else {}
    except ValueError:
        known = {}
    known[Path(path).name] = hashlib.sha256(data).hexdigest()
    write_text(record, json.dumps(dict(sorted(known.items())), indent=1) + "\n")


def changed_extracts() -> list[str]:
    """The extracts (``data/processed/microdata_*.csv``) whose sha256 differs from the one
    :data:`CHECKSUMS` records, a recorded one that is gone, or one without a record, as paths
    relative to the output folder. Empty when there is no extract at all."""
    import json

    folder = paths.processed_dir()
    present = {p.name for p in folder.glob("microdata_*.csv")} if folder.is_dir() else set()
    record = _checksums_path()
    try:
        known = json.loads(record.read_text()) if record.is_file() else {}
    except ValueError:
        known = {}
    if not present and not known:
        return []
    changed = [name for name in sorted(present | set(known))
               if name not in present or name not in known or sha256_file(folder / name) != known[name]]
    return [f"data/processed/{name}" for name in changed]


def load_extract(key: str) -> pd.DataFrame:
    """The extract written by :func:`write_extract` (notebook 01), with its types restored:
    text variables as strings, all others as float64 (as read from the .rda).

    Without an extract (a notebook opened on its own, before notebook 01 ran) this reads the
    verified file itself: the same values, only slower.

    The extract is read only while the file it came from still passes its checksum in this
    process (hashing it takes milliseconds), and only if it holds exactly the variables that
    ``data/datapackage.json`` lists."""
    import pandas as pd

    from .datapackage import resource

    spec = _dataset(key)
    path = extract_path(key)
    if not path.is_file():
        return load_supplied(key, fetch(key))
    fetch(key, download=False)
    frame = pd.read_csv(path, dtype={name: "str" for name in spec.text_variables})
    expected = sorted(resource(key)["x-variables"])
    if list(frame.columns) != expected:
        raise CompendiumError(key="error_microdata_extract_columns", path=paths.relative(path), dataset=key,
                              command="make reproduce ONLY=01 FORCE=1")
    numeric = [c for c in frame.columns if c not in spec.text_variables]
    return frame.astype(dict.fromkeys(numeric, "float64"))
