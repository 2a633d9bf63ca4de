"""The offline bundle: ``make bundle`` writes it, ``make setup OFFLINE=<folder>`` installs from it.

A computer lab without internet gets everything from one folder (``dist/offline/``, git-ignored),
copied to a USB stick or the lab's server:

* ``wheels/``: every package of ``requirements.lock`` and of ``requirements-bootstrap.lock``
  (uv and pip) as a wheel for each platform asked for (this machine's by default), downloaded
  by pip with ``--require-hashes`` and checked again here: each file's sha256 must be one the
  lock gives for that package, and each package of the lock that applies to the platform must
  have its wheel; a file of another lock is removed;
* ``microdata/``: the two microdata files, copied from the cache (``COMPENDIUM_DATA_DIR``, or
  downloaded, verified, when they are not there) and checked against their pinned sha256, with
  ``SHA256SUMS`` (``sha256sum -c SHA256SUMS``);
* ``kalbar-border.gitbundle``: the compendium's committed history (``git clone`` it);
* ``requirements.lock`` and ``requirements-bootstrap.lock``, the locks the wheels were checked
  against, and ``bundle.json``, written last: a folder without it is a bundle cut short;
* ``INSTALL.md`` and ``INSTALL.id.md``, from ``docs/offline.md`` and ``docs/offline.id.md``.

Commands (each failure is one line on stderr, exit 2):

``build OUT [--platform NAME ...]``  (the venv's Python; pip downloads from the index)
``check FOLDER``  (the Python the venv will be made with; standard library only): the folder is a
    complete bundle of this checkout's locks, for this Python and this platform
``data FOLDER``  (the venv's Python): copy its verified microdata into ``data/cache/``, where a
    kernel started by JupyterLab or a hub looks when ``COMPENDIUM_DATA_DIR`` is not set
"""
from __future__ import annotations

import argparse
import hashlib
import json
import platform
import re
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCKS = ("requirements.lock", "requirements-bootstrap.lock")
MANIFEST = "bundle.json"
GITBUNDLE = "kalbar-border.gitbundle"

#: Platforms a bundle can hold besides this machine's: pip's --platform tags and the values the
#: lock's environment markers are evaluated with. The Python version is this interpreter's.
PLATFORMS = {
    "windows-amd64": {
        "tags": ["win_amd64"],
        "markers": {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt", "platform_machine": "AMD64"},
    },
    "macos-arm64": {
        "tags": ["macosx_14_0_arm64"],
        "markers": {"sys_platform": "darwin", "platform_system": "Darwin", "os_name": "posix", "platform_machine": "arm64"},
    },
    "macos-x86_64": {
        "tags": ["macosx_14_0_x86_64"],
        "markers": {"sys_platform": "darwin", "platform_system": "Darwin", "os_name": "posix", "platform_machine": "x86_64"},
    },
}


class Refused(Exception):
    """What is wrong, in one line."""


def native_platform() -> str:
    """This machine's platform in the bundle's names: ``linux-x86_64``, ``windows-amd64``, ``macos-arm64``."""
    machine = platform.machine().lower()
    if sys.platform == "win32":
        return f"windows-{'amd64' if machine in ('amd64', 'x86_64') else machine}"
    if sys.platform == "darwin":
        return f"macos-{machine}"
    return f"{sysconfig.get_platform().split('-')[0]}-{machine}"


def python_tag() -> str:
    return f"{sys.implementation.name}{sys.version_info.major}.{sys.version_info.minor}"


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# ---------------------------------------------------------------------------------------------
# check and data: what make setup OFFLINE=<folder> runs


def check(folder: Path) -> dict:
    """The bundle's manifest, if ``folder`` is a complete bundle that fits this checkout, this
    Python and this platform; else :class:`Refused` with what to do."""
    shown = f"OFFLINE={folder}"
    if not folder.is_dir():
        raise Refused(f"{shown}: no such folder; give the folder make bundle wrote (dist/offline/, or its copy)")
    if not (folder / MANIFEST).is_file():
        raise Refused(f"{shown}: not a complete offline bundle (no {MANIFEST}; its making was cut short, or it is "
                      "another folder); run make bundle again where there is internet")
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise Refused(f"{shown}: {MANIFEST} cannot be read ({exc}); copy the bundle again") from None
    for lock in LOCKS:
        theirs, ours = manifest.get("locks", {}).get(lock), sha256(ROOT / lock)
        if theirs != ours:
            raise Refused(f"{shown}: the bundle was made for another {lock} than this checkout's (version "
                          f"{manifest.get('version', '?')}, commit {str(manifest.get('commit', '?'))[:12]}); make the bundle "
                          "again from this checkout, or check out the commit it was made from")
    if manifest.get("python") != python_tag():
        raise Refused(f"{shown}: the bundle's wheels are for {manifest.get('python')}, this Python is {python_tag()} "
                      f"({sys.executable}); use that Python (make setup OFFLINE=... PYTHON=python{str(manifest.get('python'))[-4:]})")
    if native_platform() not in manifest.get("platforms", []):
        raise Refused(f"{shown}: the bundle holds wheels for {', '.join(manifest.get('platforms', [])) or 'no platform'}, "
                      f"not for this machine ({native_platform()}); make it with make bundle PLATFORMS={native_platform()}")
    if not (folder / "wheels").is_dir():
        raise Refused(f"{shown}: its wheels/ folder is missing; copy the whole bundle")
    return manifest


def install_data(folder: Path) -> list[Path]:
    """Copy the bundle's microdata into ``data/cache/`` (each verified against the sha256 the
    compendium pins); a file already there with that hash is left as it is."""
    sys.path.insert(0, str(ROOT / "lib"))
    from kalbar_border.data.microdata import DATASETS

    cache = ROOT / "data" / "cache"
    copied = []
    for spec in DATASETS.values():
        source, target = folder / "microdata" / spec.filename, cache / spec.filename
        if not source.is_file():
            raise Refused(f"OFFLINE={folder}: microdata/{spec.filename} is missing; copy the whole bundle")
        if sha256(source) != spec.sha256:
            raise Refused(f"OFFLINE={folder}: microdata/{spec.filename} has sha256 {sha256(source)}, expected "
                          f"{spec.sha256}; copy the bundle again")
        if target.is_file() and sha256(target) == spec.sha256:
            continue
        cache.mkdir(parents=True, exist_ok=True)
        staged = cache / f".{spec.filename}.tmp"
        shutil.copyfile(source, staged)
        staged.replace(target)
        copied.append(target)
    return copied


# ---------------------------------------------------------------------------------------------
# build: make bundle

_REQUIREMENT = re.compile(r"^(?P<req>[A-Za-z0-9][^\\#]*?)\s*\\?$")
_HASH = re.compile(r"--hash=sha256:([0-9a-f]{64})")


def parse_lock(path: Path) -> list[tuple[str, set[str]]]:
    """``(requirement with its marker, {sha256, ...})`` for every package a lock pins."""
    entries: list[tuple[str, set[str]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if not line[0].isspace():
            match = _REQUIREMENT.match(stripped)
            if not match or "==" not in match["req"]:
                raise Refused(f"{path.name}: cannot read the line '{stripped[:60]}'; expected NAME==VERSION with hashes")
            entries.append((match["req"].strip(), set()))
        elif entries:
            entries[-1][1].update(_HASH.findall(stripped))
    for req, hashes in entries:
        if not hashes:
            raise Refused(f"{path.name}: {req.split(';')[0].strip()} has no sha256; run make lock")
    return entries


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def wanted(entries, markers: dict | None) -> dict[str, tuple[str, set[str]]]:
    """The lock's packages that apply to a platform: ``{name: (version, hashes)}``."""
    from packaging.requirements import Requirement

    found = {}
    for text, hashes in entries:
        req = Requirement(text)
        if req.marker is not None and not req.marker.evaluate(markers or {}):
            continue
        (spec,) = req.specifier
        found[_normal(req.name)] = (spec.version, hashes)
    return found


def _wheel_name(path: Path) -> tuple[str, str]:
    """(normalised name, version) of a wheel file."""
    name, version = path.name.split("-")[:2]
    return _normal(name), version


def download(packages: dict, folder: Path, tags: list[str] | None, log) -> None:
    """pip download of ``packages`` (wheels only, hashes required) into ``folder``."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as fh:
        for name, (version, hashes) in sorted(packages.items()):
            fh.write(f"{name}=={version} " + " ".join(f"--hash=sha256:{h}" for h in sorted(hashes)) + "\n")
        requirements = fh.name
    command = [sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check", "--no-deps",
               "--require-hashes", "--only-binary=:all:", "-d", str(folder), "-r", requirements]
    if tags:
        # The full version: X.Y alone would be X.Y.0, which packages requiring 3.11.5 refuse.
        minor = f"{sys.version_info.major}{sys.version_info.minor}"
        command += [f"--platform={tag}" for tag in tags]
        command += ["--python-version", platform.python_version(), "--implementation", "cp", "--abi", f"cp{minor}"]
    try:
        done = subprocess.run(command, capture_output=True, text=True)
    finally:
        Path(requirements).unlink(missing_ok=True)
    if done.returncode != 0:
        errors = [line for line in done.stderr.splitlines() if line.startswith("ERROR")]
        raise Refused(f"pip download failed ({(errors or done.stderr.strip().splitlines() or ['no message'])[-1]}); "
                      "the bundle needs the package index once")


def build(out: Path, platforms: list[str], log=print) -> dict:
    native = native_platform()
    unknown = [name for name in platforms if name != native and name not in PLATFORMS]
    if unknown:
        raise Refused(f"PLATFORMS: unknown {', '.join(unknown)}; accepted: {native} (this machine), {', '.join(PLATFORMS)}")
    platforms = [native] + [name for name in platforms if name != native]
    out.mkdir(parents=True, exist_ok=True)
    (out / MANIFEST).unlink(missing_ok=True)  # written last: until then the folder is no bundle
    wheels = out / "wheels"
    wheels.mkdir(exist_ok=True)
    entries = [entry for lock in LOCKS for entry in parse_lock(ROOT / lock)]
    allowed: dict[tuple[str, str], set[str]] = {}
    needed: dict[str, dict] = {}
    for name in platforms:
        markers = None
        if name != native:
            from packaging.markers import default_environment

            markers = {**default_environment(), **PLATFORMS[name]["markers"]}
        needed[name] = wanted(entries, markers)
        for pkg, (version, hashes) in needed[name].items():
            allowed.setdefault((pkg, version), set()).update(hashes)
        log(f"bundle: {len(needed[name])} packages for {name}, {python_tag()}")
        download(needed[name], wheels, None if name == native else PLATFORMS[name]["tags"], log)
    # Check every file against the locks, whatever pip said; remove what no lock names.
    have: dict[str, set[str]] = {}
    for path in sorted(wheels.iterdir()):
        key = _wheel_name(path) if path.suffix == ".whl" else None
        digest = sha256(path)
        if key is None or digest not in allowed.get(key, set()):
            path.unlink()
            continue
        have.setdefault(key[0], set()).add(digest)
    for name, packages in needed.items():
        missing = [f"{pkg}=={version}" for pkg, (version, hashes) in sorted(packages.items()) if not have.get(pkg, set()) & hashes]
        if missing:
            shown = ", ".join(missing[:8]) + (f" and {len(missing) - 8} more" if len(missing) > 8 else "")
            raise Refused(f"bundle: no wheel with a locked sha256 for {shown} on {name}")
    data = _microdata(out / "microdata")
    _git_bundle(out / GITBUNDLE)
    for lock in LOCKS:
        shutil.copyfile(ROOT / lock, out / lock)
    manifest = _manifest(platforms, data, wheels)
    _install_docs(out, manifest)
    text = json.dumps(manifest, indent=2, sort_keys=True) + "\n"
    (out / f".{MANIFEST}.tmp").write_text(text, encoding="utf-8")
    (out / f".{MANIFEST}.tmp").replace(out / MANIFEST)
    return manifest


def _microdata(folder: Path) -> dict[str, str]:
    sys.path.insert(0, str(ROOT / "lib"))
    from kalbar_border.data.microdata import DATASETS, fetch

    folder.mkdir(exist_ok=True)
    sums = {}
    for key, spec in DATASETS.items():
        try:
            source = fetch(key)  # the cache's file if its sha256 matches, else downloaded and verified
        except Exception as exc:
            raise Refused(f"bundle: {exc}") from None
        target = folder / spec.filename
        if not (target.is_file() and sha256(target) == spec.sha256):
            shutil.copyfile(source, folder / f".{spec.filename}.tmp")
            (folder / f".{spec.filename}.tmp").replace(target)
        if sha256(target) != spec.sha256:
            raise Refused(f"bundle: {target} does not have the pinned sha256 {spec.sha256} after copying")
        sums[spec.filename] = spec.sha256
    (folder / "SHA256SUMS").write_text("".join(f"{digest}  {name}\n" for name, digest in sorted(sums.items())), encoding="utf-8")
    return sums


def _git(*args: str) -> str:
    done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise Refused(f"git {' '.join(args)} failed: {(done.stderr.strip().splitlines() or ['?'])[-1]}")
    return done.stdout.strip()


def _git_bundle(target: Path) -> None:
    branch = _git("rev-parse", "--abbrev-ref", "HEAD")
    _git("bundle", "create", "--quiet", str(target), "HEAD", *([branch] if branch != "HEAD" else []))


def _manifest(platforms: list[str], data: dict, wheels: Path) -> dict:
    import tomllib

    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    files = sorted(path.name for path in wheels.iterdir())
    return {
        "version": version,
        "commit": _git("rev-parse", "HEAD"),
        "python": python_tag(),
        "platforms": platforms,
        "locks": {lock: sha256(ROOT / lock) for lock in LOCKS},
        "wheels": len(files),
        "wheels_bytes": sum((wheels / name).stat().st_size for name in files),
        "microdata": data,
    }


def _install_docs(out: Path, manifest: dict) -> None:
    """INSTALL.md and INSTALL.id.md: docs/offline(.id).md under a header naming what this bundle holds."""
    megabytes = round(manifest["wheels_bytes"] / 1e6)
    headers = {
        "": (f"*This bundle: kalbar-border {manifest['version']} (commit {manifest['commit'][:12]}), "
             f"{manifest['wheels']} wheels ({megabytes} MB) for {manifest['python']} on {', '.join(manifest['platforms'])}, "
             f"and the two microdata files. `bundle.json` lists it all.*\n\n"),
        ".id": (f"*Bundel ini: kalbar-border {manifest['version']} (commit {manifest['commit'][:12]}), "
                f"{manifest['wheels']} wheel ({megabytes} MB) untuk {manifest['python']} di {', '.join(manifest['platforms'])}, "
                f"dan kedua berkas data mikro. `bundle.json` mencantumkan semuanya.*\n\n"),
    }
    for suffix, header in headers.items():
        text = (ROOT / "docs" / f"offline{suffix}.md").read_text(encoding="utf-8")
        for lang in ("", ".id"):  # the twin's name in a bundle
            text = text.replace(f"[offline{lang}.md](offline{lang}.md)", f"[INSTALL{lang}.md](INSTALL{lang}.md)")
        title, _, rest = text.partition("\n\n")
        (out / f"INSTALL{suffix}.md").write_text(f"{title}\n\n{header}{rest}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tools/offline.py", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    one = sub.add_parser("build", help="write the bundle")
    one.add_argument("out", type=Path)
    one.add_argument("--platform", action="append", default=[], help=f"also: {', '.join(PLATFORMS)}")
    sub.add_parser("check", help="is FOLDER a bundle this checkout can install from").add_argument("folder", type=Path)
    sub.add_parser("data", help="copy FOLDER's microdata into data/cache/").add_argument("folder", type=Path)
    args = parser.parse_args(argv)
    try:
        if args.command == "build":
            manifest = build(args.out.resolve(), [p for value in args.platform for p in value.split()])
            print(f"bundle: {args.out}/ holds {manifest['wheels']} wheels ({round(manifest['wheels_bytes'] / 1e6)} MB) for "
                  f"{', '.join(manifest['platforms'])}, the microdata and INSTALL.md; install with make setup OFFLINE={args.out}")
        elif args.command == "check":
            check(args.folder.resolve())
        else:
            for path in install_data(args.folder.resolve()):
                print(f"offline: {path.name} copied into {path.parent}")
    except Refused as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
