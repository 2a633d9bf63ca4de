"""Shared test set-up.

* The microdata cache points at ``../shared/data`` when it exists, so the suite never needs
  the network on our machines and in CI.
* Generated outputs of anything the tests run (including nbval's kernels, which inherit
  this environment) go to a throw-away folder, never over the repository's outputs.
* ``pipeline_run`` executes every notebook once through the runner, shared by the tests.
"""
import os
import tempfile
from pathlib import Path

import pytest

from kalbar_border import paths

if "COMPENDIUM_DATA_DIR" not in os.environ and paths.SHARED_DATA.is_dir():
    os.environ["COMPENDIUM_DATA_DIR"] = str(paths.SHARED_DATA)
os.environ.setdefault("COMPENDIUM_OUTPUT_DIR", tempfile.mkdtemp(prefix="kalbar-test-outputs-"))

needs_microdata = pytest.mark.skipif(
    not (paths.cache_dir() / "SUSENAS2020.rda").is_file(),
    reason="microdata not in cache; set COMPENDIUM_DATA_DIR to a folder holding SUSENAS2020.rda and SAKERNAS2020.rda",
)


@pytest.fixture(scope="session")
def pipeline_run(tmp_path_factory):
    """Run every notebook once into a temporary destination; returns (dest, manifest)."""
    from kalbar_border import runner

    dest = tmp_path_factory.mktemp("pipeline")
    lines = []
    manifest = runner.run(dest=dest, echo=lines.append)
    return Path(dest), manifest, lines


def _load(name):
    from kalbar_border import microdata

    if not (paths.cache_dir() / microdata.DATASETS[name].filename).is_file():
        pytest.skip(f"{name} microdata not in cache {paths.cache_dir()}; set COMPENDIUM_DATA_DIR to run real-data tests")
    return microdata.load(name)


@pytest.fixture(scope="session")
def susenas_raw():
    """Susenas March 2020 (Jambi) as read by the project's one loader; tests must not modify it."""
    return _load("susenas")


@pytest.fixture(scope="session")
def sakernas_raw():
    return _load("sakernas")


@pytest.fixture(scope="session")
def susenas(susenas_raw):
    """The Susenas analysis frame (kalbar_border.finance_frame)."""
    from kalbar_border.finance_frame import susenas_frame

    return susenas_frame(susenas_raw)


@pytest.fixture(scope="session")
def sakernas(sakernas_raw):
    from kalbar_border.finance_frame import sakernas_frame

    return sakernas_frame(sakernas_raw)
