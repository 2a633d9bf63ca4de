"""The environment is declared once for pip and once for conda, and the two must agree; every
package is installed from requirements.lock, which pins the same versions with their hashes."""
import re
import sys
from importlib import metadata

import yaml

from kalbar_border import paths

PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==([^\s;]+)$")


def _pins(lines):
    pins = {}
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if line and not line.startswith("-"):
            match = PIN.match(line)
            assert match, f"not pinned with ==: {line!r}"
            pins[match.group(1).lower()] = match.group(2)
    return pins


def requirements():
    return _pins((paths.ROOT / "requirements.txt").read_text().splitlines())


def conda_pip_pins():
    env = yaml.safe_load((paths.ROOT / "environment.yml").read_text())
    pip_block = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict) and "pip" in d)
    return _pins(pip_block), env


def test_environment_yml_matches_requirements():
    pins, _ = conda_pip_pins()
    assert pins == requirements()


def test_environment_pins_python_311():
    _, env = conda_pip_pins()
    assert "python=3.11" in env["dependencies"]


def _name(name: str) -> str:
    """A distribution name as pip compares them (PEP 503: case, '-', '_' and '.' alike)."""
    return re.sub(r"[-_.]+", "-", name).lower()


#: One entry of a lock written by `uv pip compile --generate-hashes`: name==version, an optional
#: environment marker, then its --hash lines.
LOCKED = re.compile(r"^(?P<name>[A-Za-z0-9_.\-]+)==(?P<version>[^\s;\\]+)\s*(?:;\s*(?P<marker>[^\\]+?))?\s*\\?$")


def lock_entries(filename: str = "requirements.lock") -> dict:
    """{name: (version, marker or None, number of hashes)} of a lock file."""
    entries, current = {}, None
    for line in (paths.ROOT / filename).read_text().splitlines():
        stripped = line.strip()
        if stripped.startswith("--hash=sha256:") and current:
            version, marker, hashes = entries[current]
            entries[current] = (version, marker, hashes + 1)
        elif stripped and not stripped.startswith("#"):
            match = LOCKED.match(stripped)
            assert match, f"{filename}: not a pinned entry: {line!r}"
            current = _name(match.group("name"))
            entries[current] = (match.group("version"), match.group("marker"), 0)
    return entries


def test_lock_pins_every_requirement_at_its_version():
    locked = lock_entries()
    for name, version in requirements().items():
        assert _name(name) in locked, f"requirements.txt: {name} is not in requirements.lock; run make lock"
        assert locked[_name(name)][0] == version, (
            f"{name}: requirements.txt {version}, requirements.lock {locked[_name(name)][0]}; run make lock")
    conda, _ = conda_pip_pins()
    assert {_name(n): v for n, v in conda.items()}.items() <= {n: e[0] for n, e in locked.items()}.items()


def test_every_locked_package_carries_its_hashes():
    for filename in ("requirements.lock", "requirements-bootstrap.lock"):
        entries = lock_entries(filename)
        assert entries, f"{filename}: no entries"
        unhashed = [name for name, (_, _, hashes) in entries.items() if hashes == 0]
        assert not unhashed, f"{filename}: entries without --hash: {unhashed}"


def test_setup_installs_from_the_lock_with_hashes_required():
    """Both installers of the Makefile (uv, and pip's fallback) read the lock with --require-hashes;
    no install reads requirements.txt directly or names a package of its own."""
    makefile = (paths.ROOT / "Makefile").read_text()
    commands = [line for line in makefile.splitlines() if not line.lstrip().startswith("#")]
    installs = [line for line in commands if re.search(r"pip install|PIP_INSTALL\)", line)
                and "BENCH_SITE" not in line and "samplics" not in line and not line.startswith("PIP_INSTALL")]
    assert installs, "no install line found in the Makefile"
    for line in installs:
        if "-e ." in line:
            assert "--no-deps" in line and "--no-build-isolation" in line, line
        else:
            assert "--require-hashes" in line and re.search(r"-r \$\((BOOTSTRAP_)?LOCK\)", line), line
    assert "requirements.txt" not in "".join(installs)


def test_bootstrap_lock_pins_what_the_makefile_names():
    pins = re.search(r"^BOOTSTRAP_PINS := (.*)$", (paths.ROOT / "Makefile").read_text(), re.M).group(1).split()
    locked = {name: version for name, (version, _, _) in lock_entries("requirements-bootstrap.lock").items()}
    assert locked == dict(pin.split("==") for pin in pins), "requirements-bootstrap.lock is stale; run make lock"


def test_this_environment_is_the_lock():
    """The environment running the tests holds exactly the lock's packages for this platform and
    Python (markers evaluated), at the lock's versions: nothing installed beside it or instead."""
    from packaging.markers import Marker

    wanted = {name: version for name, (version, marker, _) in lock_entries().items()
              if marker is None or Marker(marker).evaluate()}
    # pip and the project itself are not in the lock: the venv brings pip, and the project is
    # installed editable from this checkout; uv (and pip's fallback) in requirements-bootstrap.lock.
    ours = {"pip", "kalbar-border", "uv"}
    installed = {_name(d.metadata["Name"]): d.version for d in metadata.distributions(path=sys.path)}
    installed = {n: v for n, v in installed.items() if n not in ours}
    assert installed == wanted, (
        f"missing {sorted(set(wanted) - set(installed))}, extra {sorted(set(installed) - set(wanted))}, "
        f"other versions {sorted(n for n in wanted.keys() & installed.keys() if wanted[n] != installed[n])}")


def test_user_named_packages_are_direct_dependencies():
    named = {"jupyterlab", "pandas", "statsmodels", "matplotlib", "papermill", "nbconvert", "pytest", "nbval"}
    assert named <= set(requirements())


def test_ci_entry_point_parses_and_runs_the_readme_test_command():
    """A syntax error in .ci/run fails CI in two seconds with no test run; catch it here first."""
    import subprocess

    script = paths.ROOT / ".ci" / "run"
    checked = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    commands = [line.strip() for line in script.read_text().splitlines() if not line.lstrip().startswith("#")]
    assert "make test" in commands, "CI must run the README's test command, on a line of its own"
    assert "make test" in (paths.ROOT / "README.md").read_text()
    # and the end-to-end tests the README's command leaves to CI, after it
    assert commands[-2:] == ["make test", "make test-slow"], commands[-2:]
