"""The offline bundle (issue 33, item 1; tools/offline.py, docs/offline.md): ``make bundle`` writes
it, ``make setup OFFLINE=<folder>`` installs from it with no network.

The slow test does what a lab without internet does: it makes a bundle, clones the repository's
committed HEAD into a temporary folder, and runs ``make setup OFFLINE=...`` and ``make reproduce
ONLY=01 OFFLINE=...`` there with the network switched off (``unshare -n``, a network namespace with
only the loopback, which the kernels talk over), empty uv and pip caches and no pip configuration
(this machine's pip.conf names local wheel folders that would hide a missing wheel). Where
``unshare -n`` is not permitted it falls back to settings that keep pip and uv off the index
(``PIP_NO_INDEX``, ``UV_OFFLINE``) and says so.
"""
from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from kalbar_border import paths
from kalbar_border.data.microdata import DATASETS

ROOT = paths.ROOT
_spec = importlib.util.spec_from_file_location("offline", ROOT / "tools" / "offline.py")
offline = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(offline)


def _refusal(folder: Path) -> str:
    with pytest.raises(offline.Refused) as caught:
        offline.check(folder)
    message = str(caught.value)
    assert "\n" not in message
    return message


def _fake_bundle(folder: Path, **changes) -> Path:
    """A folder that passes the checks without any wheel: a manifest of this checkout's locks."""
    manifest = {"version": "x", "commit": "0" * 40, "python": offline.python_tag(),
                "platforms": [offline.native_platform()],
                "locks": {lock: offline.sha256(ROOT / lock) for lock in offline.LOCKS}, **changes}
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "wheels").mkdir(exist_ok=True)
    (folder / offline.MANIFEST).write_text(json.dumps(manifest))
    return folder


def test_a_folder_that_is_no_complete_bundle_of_this_checkout_is_refused_in_one_line(tmp_path):
    assert "no such folder" in _refusal(tmp_path / "missing")
    assert "not a complete offline bundle" in _refusal(tmp_path)
    assert offline.check(_fake_bundle(tmp_path / "good"))["python"] == offline.python_tag()
    other_lock = dict.fromkeys(offline.LOCKS, "0" * 64)
    assert "another requirements.lock" in _refusal(_fake_bundle(tmp_path / "lock", locks=other_lock))
    assert "wheels are for cpython3.99" in _refusal(_fake_bundle(tmp_path / "python", python="cpython3.99"))
    assert "not for this machine" in _refusal(_fake_bundle(tmp_path / "platform", platforms=["windows-amd64"]))


def test_make_stops_in_one_line_before_anything_runs_when_offline_names_no_bundle(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAKE")}
    done = subprocess.run(["make", "-s", "setup", f"OFFLINE={tmp_path / 'nothing'}"], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    assert done.returncode != 0
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "no such folder" in lines[0], done.stderr
    assert done.stdout == ""


def test_the_locks_are_read_whole_and_their_markers_pick_each_platforms_packages():
    entries = offline.parse_lock(ROOT / "requirements.lock")
    named = sum(1 for line in (ROOT / "requirements.lock").read_text().splitlines() if line[:1].isalnum())
    assert len(entries) == named and all(hashes for _, hashes in entries)
    from packaging.markers import default_environment

    here = offline.wanted(entries, None)
    windows = offline.wanted(entries, {**default_environment(), **offline.PLATFORMS["windows-amd64"]["markers"]})
    assert "colorama" in windows and ("colorama" in here) == (sys.platform == "win32")
    assert {"pip", "uv"} <= set(offline.wanted(offline.parse_lock(ROOT / "requirements-bootstrap.lock"), None))


def test_a_changed_microdata_file_in_a_bundle_is_refused_before_anything_is_copied(tmp_path):
    bundle = tmp_path / "bundle"
    (bundle / "microdata").mkdir(parents=True)
    for spec in DATASETS.values():
        (bundle / "microdata" / spec.filename).write_bytes(b"not the file")
    with pytest.raises(offline.Refused, match=r"microdata/SUSENAS2020\.rda has sha256 .* expected 3153b45d"):
        offline.install_data(bundle)


def _network_off() -> tuple[list[str], dict, str]:
    """The command prefix that runs a command without network, the settings to add, and how."""
    probe = subprocess.run(["unshare", "-n", "sh", "-c", "ip link set lo up"], capture_output=True, text=True) \
        if shutil.which("unshare") and shutil.which("ip") else None
    if probe is not None and probe.returncode == 0:
        return ["unshare", "-n", "sh", "-c", 'ip link set lo up && exec "$@"', "sh"], {}, "unshare -n"
    return [], {"PIP_NO_INDEX": "1", "UV_OFFLINE": "1", "UV_NO_INDEX": "1"}, "PIP_NO_INDEX=1 UV_OFFLINE=1 (unshare -n not permitted)"


@pytest.mark.slow
def test_a_fresh_clone_sets_up_and_runs_from_the_bundle_with_no_network_and_empty_caches():
    # In memory where the machine has it: removing a .venv of some 20,000 files from a disk that
    # discards each freed block took minutes here, longer than the test itself.
    memory = Path("/dev/shm")
    fits = memory.is_dir() and os.access(memory, os.W_OK) and shutil.disk_usage(memory).free > 4e9
    work = Path(tempfile.mkdtemp(prefix="kalbar-offline-", dir=memory if fits else None))
    try:
        bundle, clone = work / "bundle", work / "clone"
        built = subprocess.run([sys.executable, str(ROOT / "tools" / "offline.py"), "build", str(bundle)],
                               cwd=ROOT, capture_output=True, text=True)
        assert built.returncode == 0, built.stderr[-2000:]
        manifest = json.loads((bundle / "bundle.json").read_text())
        assert set(manifest["microdata"]) == {spec.filename for spec in DATASETS.values()}
        for page, twin in (("INSTALL.md", "INSTALL.id.md"), ("INSTALL.id.md", "INSTALL.md")):
            text = (bundle / page).read_text(encoding="utf-8")
            assert f"({twin})" in text and manifest["commit"][:12] in text and "offline.md" not in text
        subprocess.run(["git", "clone", "--quiet", str(bundle / offline.GITBUNDLE), str(clone)], check=True)

        prefix, settings, how = _network_off()
        caches = {name: work / name for name in ("uv-cache", "pip-cache")}
        for folder in caches.values():
            folder.mkdir()
        drop = ("COMPENDIUM_", "PIP_", "UV_", "MAKE")
        env = {k: v for k, v in os.environ.items() if not k.startswith(drop)} | settings | {
            "UV_CACHE_DIR": str(caches["uv-cache"]), "PIP_CACHE_DIR": str(caches["pip-cache"]),
            "PIP_CONFIG_FILE": os.devnull}
        print(f"network off by: {how}")
        for target in (["setup"], ["reproduce", "ONLY=01"]):
            done = subprocess.run([*prefix, "make", *target, f"OFFLINE={bundle}"], cwd=clone, env=env,
                                  capture_output=True, text=True)
            assert done.returncode == 0, f"make {' '.join(target)} ({how}): {(done.stdout + done.stderr)[-3000:]}"
        assert (clone / ".venv" / ".installed").is_file()
        if shutil.which("uv") is None:  # else the Makefile links the PATH's uv: the bundle's was not needed
            assert (clone / ".venv" / "bin" / "uv").is_file() and not (clone / ".venv" / "bin" / "uv").is_symlink()
        for spec in DATASETS.values():
            assert offline.sha256(clone / "data" / "cache" / spec.filename) == spec.sha256
        # notebook 01's outputs equal the committed references, byte for byte
        status = subprocess.run(["git", "status", "--porcelain", "--", "results", "figures"], cwd=clone,
                                capture_output=True, text=True, check=True).stdout
        assert status == "", status
        assert (clone / "build" / "html" / "01_collect_data.html").is_file()
    finally:
        shutil.rmtree(work, ignore_errors=True)


def test_a_wheel_whose_sha256_no_lock_gives_is_removed_and_a_package_without_one_stops_the_bundle(tmp_path, monkeypatch):
    """Whatever pip leaves in wheels/ is hashed again: a file of another lock goes, and a package the
    platform needs with no locked wheel stops make bundle in one line, before bundle.json is written."""
    def fake_download(packages, folder, tags, log):
        (folder / "uv-0.13.8-py3-none-manylinux_2_17_x86_64.whl").write_bytes(b"tampered")
        (folder / "notes.txt").write_text("not a wheel")

    monkeypatch.setattr(offline, "download", fake_download)
    out = tmp_path / "offline"
    with pytest.raises(offline.Refused) as caught:
        offline.build(out, [], log=lambda *_: None)
    message = str(caught.value)
    assert "\n" not in message and message.startswith("bundle: no wheel with a locked sha256 for ")
    assert message.endswith(f" more on {offline.native_platform()}")  # the first eight named, the rest counted
    assert list((out / "wheels").iterdir()) == [] and not (out / offline.MANIFEST).exists()
