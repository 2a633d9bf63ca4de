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
