"""The environment is declared once for pip and once for conda, and the two must agree."""
import re

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


def test_requirements_agree_with_constraints():
    constraints = _pins((paths.ROOT / "constraints.txt").read_text().splitlines())
    for name, version in requirements().items():
        assert constraints.get(name) == version, f"{name}: requirements {version}, constraints {constraints.get(name)}"


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
    assert "make test" in commands, "the last CI step must be the README's test command, on a line of its own"
    assert "make test" in (paths.ROOT / "README.md").read_text()
