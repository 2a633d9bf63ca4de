"""The curated nbval check: the cells of the golden notebooks tagged ``nbval-check-output``
(``tests/golden/``, refreshed by ``make golden``) give the same output when run again.

nbval runs a notebook's cells as the items of one file, in one kernel and in order; pytest-xdist
(``make test``) would hand them to different workers. So the check runs in a pytest of its own,
as a maintainer would run it: ``pytest --nbval-lax tests/golden``.
"""
import subprocess
import sys

import pytest

from tests.conftest import MICRODATA_ABSENT, MICRODATA_PRESENT
from kalbar_border import paths

GOLDEN = paths.TESTS / "golden"
NBVAL = ["--nbval-lax", "--nbval-kernel-name=kalbar-border", f"--nbval-sanitize-with={GOLDEN / 'sanitize.cfg'}"]


@pytest.mark.parametrize("notebook", sorted(p.name for p in GOLDEN.glob("*.ipynb")))
def test_the_curated_cells_give_the_committed_output(notebook):
    if not MICRODATA_PRESENT:
        pytest.skip(f"{notebook}: {MICRODATA_ABSENT}")
    done = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:xdist", "-q", *NBVAL, str(GOLDEN / notebook)],
                          cwd=paths.ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-2000:]
    assert " passed" in done.stdout.splitlines()[-1] and "skipped" not in done.stdout.splitlines()[-1], done.stdout
