# Research compendium: illegal migrant workers at the West Kalimantan-Sarawak border.
# `make` lists the targets. Everything runs inside .venv, created on first use.
.DEFAULT_GOAL := help
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
KERNEL := kalbar-border
STAMP := $(VENV)/.installed
# The pre-filled microdata cache beside the checkout (our machines and CI); else data/cache.
SHARED_DATA := $(abspath ../shared/data)
export COMPENDIUM_DATA_DIR ?= $(if $(wildcard $(SHARED_DATA)/*.rda),$(SHARED_DATA),$(CURDIR)/data/cache)
export PYTHONHASHSEED := 0
export PYDEVD_DISABLE_FILE_VALIDATION := 1

# OFFLINE=<folder>: a bundle made by `make bundle` (tools/offline.py, docs/offline.md). Set-up installs
# from its wheels/ alone (--no-index, hashes still required) and runs read its microdata/ (unless
# COMPENDIUM_DATA_DIR is given); a folder that is no complete bundle of this checkout's locks, for
# this Python and platform, stops make in one line before anything runs.
OFFLINE_DIR := $(if $(strip $(OFFLINE)),$(abspath $(OFFLINE)))
INDEX_ARGS := $(if $(OFFLINE_DIR),--no-index --find-links "$(OFFLINE_DIR)/wheels")
ifneq ($(OFFLINE_DIR),)
OFFLINE_ERROR := $(shell $(PYTHON) tools/offline.py check "$(OFFLINE_DIR)" 2>&1 | grep '^error:')
$(if $(OFFLINE_ERROR),$(error $(OFFLINE_ERROR)))
ifeq ($(filter environment command,$(origin COMPENDIUM_DATA_DIR)),)
COMPENDIUM_DATA_DIR := $(OFFLINE_DIR)/microdata
endif
endif

.PHONY: help setup lock release reproduce verify test test-slow bench-tests lab kernel-user clean import-sources golden bench bench-scale student bundle \
	i18n-extract i18n-update i18n-compile i18n-migrate i18n-stats

help: ## List the targets with a one-line description
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  make %-15s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

# Every package comes from requirements.lock, pinned with its sha256 hashes (--require-hashes):
# a file re-uploaded or tampered with on the index fails the install instead of installing
# silently. uv installs the lock in seconds instead of minutes (a class of thirty waits for it):
# taken from the PATH, else bootstrapped into .venv from requirements-bootstrap.lock (uv and a
# recent pip, hashed too); pip installs the same lock when uv does not work. The pip a venv comes
# with (23.2 on Python 3.11) refuses a hashed lock whose packages ask for extras of another
# (jupyter-events: jsonschema[format-nongpl]); the bootstrap's pip does not. The editable install builds with
# the lock's setuptools (--no-build-isolation), so nothing unhashed is fetched for it either.
# Bytecode is compiled at install, as pip does: with PYTHONDONTWRITEBYTECODE set (CI) every
# kernel would compile its imports.
UV := $(VENV)/bin/uv
LOCK := requirements.lock
BOOTSTRAP_LOCK := requirements-bootstrap.lock
# What requirements-bootstrap.lock pins (make lock writes it from these).
BOOTSTRAP_PINS := pip==26.3 uv==0.13.8
PIP_INSTALL := $(PY) -m pip install --quiet --disable-pip-version-check
# The kernel finds the data by itself (kalbar_border.paths.cache_dir); its spec only fixes the hash
# seed. A data folder in the spec would override the COMPENDIUM_DATA_DIR a run was started with.
KERNEL_SPEC := --name $(KERNEL) --display-name "Python (kalbar-border)" --env PYTHONHASHSEED 0

# The stamp is written last and checked first: a .venv without it is a set-up cut short (Ctrl-C in
# `python -m venv`, or in the middle of an install), which is rebuilt from scratch rather than
# patched, so an interrupted set-up never leaves an environment other than the pinned one. An
# update (lock changed) removes the stamp before it starts, for the same reason.
# The lock's oldest Python (see LOCK_COMPILE); an older one would fail in uv's resolver, far from the cause.
MIN_PYTHON := 3.11.5
$(STAMP): $(LOCK) $(BOOTSTRAP_LOCK) pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11, 5))' 2>/dev/null || { echo "error: $(PYTHON) is \
	$$($(PYTHON) -c 'import platform; print("Python", platform.python_version())' 2>/dev/null || echo 'not found'); \
	the compendium needs Python $(MIN_PYTHON) or newer: make reproduce PYTHON=python3.11" >&2; exit 2; }
	@if test -e $(VENV) && ! test -e $(STAMP); then \
		echo "note: $(VENV) is incomplete (its set-up was interrupted); building it again"; rm -rf $(VENV); fi
	@rm -f $(STAMP)
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@test -x $(UV) || { command -v uv >/dev/null 2>&1 && ln -sf "$$(command -v uv)" $(UV); } \
		|| $(PIP_INSTALL) $(INDEX_ARGS) --require-hashes -r $(BOOTSTRAP_LOCK) >/dev/null 2>&1 || echo "note: uv not available; installing with pip (slower)"
	@if test -x $(UV) && $(UV) pip install --quiet --compile-bytecode --python $(PY) $(INDEX_ARGS) --require-hashes -r $(LOCK); then \
		$(UV) pip install --quiet --python $(PY) $(INDEX_ARGS) --no-deps --no-build-isolation -e .; \
	else \
		$(PIP_INSTALL) $(INDEX_ARGS) --require-hashes -r $(BOOTSTRAP_LOCK) && $(PIP_INSTALL) $(INDEX_ARGS) --require-hashes -r $(LOCK) \
			&& $(PIP_INSTALL) $(INDEX_ARGS) --no-deps --no-build-isolation -e .; \
	fi
	$(PY) -m ipykernel install --sys-prefix $(KERNEL_SPEC) >/dev/null
	@$(if $(OFFLINE_DIR),$(PY) tools/offline.py data "$(OFFLINE_DIR)",true)
	@$(PY) -m kalbar_border.i18n compile >/dev/null || echo "note: a catalogue has untranslated, fuzzy or mismatched entries (make i18n-compile lists them); compiled anyway"
	@touch $(STAMP)

setup: $(STAMP) ## Create .venv, install the locked packages (hashes checked) and register the Jupyter kernel (once); OFFLINE=dist/offline: from a bundle, no network
	@$(if $(OFFLINE_DIR),$(PY) tools/offline.py data "$(OFFLINE_DIR)",true)

# The folder a lecturer copies to a USB stick or the lab's server (git-ignored): the wheels of both
# locks for this machine (PLATFORMS="windows-amd64 macos-arm64 macos-x86_64" adds others), hashes
# checked against the locks, the microdata with their sha256, the history, INSTALL.md and INSTALL.id.md.
BUNDLE_DIR := dist/offline
bundle: $(STAMP) ## Write dist/offline/, everything a lab without internet needs (wheels, microdata, INSTALL.md); PLATFORMS="windows-amd64 macos-arm64" adds other platforms
	$(PY) tools/offline.py build $(BUNDLE_DIR) $(foreach p,$(PLATFORMS),--platform $(p))

# uv keeps the versions already in the lock unless requirements.txt asks for others, so a new pin
# changes only what it must. Universal: one lock for Linux, macOS and Windows (markers say which
# platform needs what); 3.11.5 is the oldest Python the pinned packages accept.
LOCK_COMPILE = $(UV) pip compile --quiet --universal --python-version 3.11.5 --generate-hashes --custom-compile-command "make lock"
lock: $(STAMP) ## Maintainers only: after editing requirements.txt (or BOOTSTRAP_PINS), rewrite the two lock files with hashes
	$(LOCK_COMPILE) requirements.txt -o $(LOCK)
	printf '%s\n' $(BOOTSTRAP_PINS) | $(LOCK_COMPILE) - -o $(BOOTSTRAP_LOCK)

reproduce: $(STAMP) ## Run what changed with doit (PARAMS="ALPHA=0.01 LANG=id", ONLY=03, FORCE=1, TIMEOUT=600 s per cell); report in build/index.html
	$(PY) -m kalbar_border.workflow $(if $(FORCE),--force) $(foreach n,$(ONLY),--only $(n)) $(if $(TIMEOUT),--timeout $(TIMEOUT)) $(PARAMS)

verify: $(STAMP) ## Rerun into a temporary folder and compare with the reference outputs committed at HEAD (REF=v1.0.0: another commit or tag); one line per difference; PARAMS="LANG=id": in Indonesian
	$(PY) -m kalbar_border.verify $(if $(REF),--ref $(REF)) $(if $(filter LANG=id,$(PARAMS)),--lang id)

# Every core (pytest-xdist). nbval's curated check runs in a pytest of its own (tests/test_golden.py):
# a notebook's cells share one kernel, and xdist would hand them to different workers. The tests
# marked slow rerun the pipeline under faults, in copies of the checkout or on broken, licensed or
# student inputs (about 9 minutes more on 2 cores): make test-slow runs them, and CI runs both.
TEST_ARGS := -n auto -m "not slow"
test: $(STAMP) ## Run the test suite (unit tests, notebooks, claims, nbval, R cross-check) on every core; the slow end-to-end tests are make test-slow
	$(PY) -m pytest $(TEST_ARGS)

test-slow: $(STAMP) ## Run the end-to-end tests make test leaves out: the pipeline under faults, in copies of the checkout, on broken or licensed inputs (CI runs them)
	$(PY) -m pytest -n auto -m slow

bench-tests: $(STAMP) ## Time the test suite as make test runs it beside a cold run, and name its ten slowest tests (prints figures)
	$(PY) tests/bench_tests.py $(TEST_ARGS)

bench: $(STAMP) ## Time cold, no-op and one-notebook reruns against plain papermill (prints figures)
	$(PY) tests/bench.py

# samplics, for bench-scale's cross-check only, pulls pyarrow, and pandas 3 stores every text column
# in pyarrow once it can import it: installed in a folder of its own, on the cross-check's path alone.
BENCH_SITE := $(VENV)/bench-samplics
$(BENCH_SITE)/.installed: | $(STAMP)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade --no-deps --target $(BENCH_SITE) \
		samplics==0.6.1 polars==2.1.0 polars-runtime-32==2.1.0 pyarrow==26.0.1
	@touch $@

bench-scale: $(STAMP) $(BENCH_SITE)/.installed ## Time the comparison and models on a synthetic national-size design (prints figures; installs samplics for the cross-check)
	$(PY) tests/bench_scale.py --samplics-site $(BENCH_SITE)

# STUDENT_LANG, not LANG: make would take LANG from the locale of the shell (C.UTF-8, en_US.UTF-8).
student: $(STAMP) ## Teachers: student copies (no solutions, no outputs, no 08) in student/, named NN_name_student.ipynb; a copy a student changed is kept, the new one written beside it (_new); STUDENT_LANG=id: Indonesian only (_mahasiswa, _baru)
	$(PY) -m kalbar_border.teaching $(if $(STUDENT_LANG),--lang $(STUDENT_LANG))

golden: $(STAMP) ## Maintainers only: refresh the nbval golden notebooks in tests/golden/ from the last run
	$(PY) -m kalbar_border.workflow --golden

# STUDENT=1: the student copies alone, so a class never sees the sources (which hold the solutions).
LAB_DIR := $(if $(STUDENT),student/,notebooks/)
lab: $(STAMP) ## Open the notebooks in JupyterLab; STUDENT=1 opens the student copies (student/) only; LAB_ARGS="--no-browser --port 8890" passes options
	@test -d $(LAB_DIR) || { echo "error: $(LAB_DIR) does not exist; run make student first" >&2; exit 2; }
	$(VENV)/bin/jupyter lab $(LAB_DIR) $(if $(filter 0,$(shell id -u)),--allow-root) $(LAB_ARGS)

kernel-user: $(STAMP) ## Register the kalbar-border kernel for your own Jupyter (campus JupyterHub, Anaconda)
	$(PY) -m ipykernel install --user $(KERNEL_SPEC)

import-sources: $(STAMP) ## Maintainers only: re-import ../shared/sources into data/raw and rewrite data/datapackage.json
	$(PY) -m kalbar_border.data.transcribe

# Refuses with a dirty tree, an empty [Unreleased] changelog section or failing tests (tools/release.py).
release: $(STAMP) ## Maintainers only: make release VERSION=x.y.z sets the version and changelog date, runs the tests, commits and tags vx.y.z
	$(PY) tools/release.py $(VERSION)

# Translations (docs/translating.md). The catalogues are locale/<lang>/LC_MESSAGES/messages.po in the
# package, English the source language. The .pot template is derived (build/i18n/), never committed;
# the .mo files are compiled at set-up and by i18n-compile and are not committed either: a .mo that
# lags behind its .po would mistranslate silently, and kalbar_border.i18n compiles a .po newer than
# its .mo in memory, so what a run says is always the .po. No location comments (--no-location):
# every message has its label key as context, and line numbers would rewrite the whole .po at each
# edit of labels.py. --ignore-dirs matches a folder's name anywhere (figures/ would drop labels.py): only
# folders of no package's name.
PYBABEL := $(VENV)/bin/pybabel
I18N_DIR := lib/kalbar_border/locale
I18N_DOMAIN := messages
I18N_POT := build/i18n/$(I18N_DOMAIN).pot
I18N_WIDTH := 118
i18n-extract: $(STAMP) ## Translators/maintainers: collect every message (labels, _() in code, templates) into build/i18n/messages.pot
	@mkdir -p $(dir $(I18N_POT))
	$(PYBABEL) extract -F babel.cfg --no-location --project kalbar-border -w $(I18N_WIDTH) -o $(I18N_POT) \
		--ignore-dirs=".venv .git build student" .
	@grep -q '^msgid "[^"]' $(I18N_POT) || { echo "error: no message extracted into $(I18N_POT); the catalogues are left as they are" >&2; exit 1; }

i18n-update: i18n-extract ## Translators/maintainers: merge new and changed messages into every locale/<lang>/LC_MESSAGES/messages.po (new ones untranslated, changed ones fuzzy)
	$(PYBABEL) update -i $(I18N_POT) -d $(I18N_DIR) -D $(I18N_DOMAIN) -w $(I18N_WIDTH) --ignore-obsolete
	@$(PY) -m kalbar_border.i18n stats

# Not pybabel compile: its checks read "95 % confidence" as a %-format and refuse a translation that
# moves the percent sign; kalbar_border.i18n checks the {name} placeholders the messages use instead.
i18n-compile: $(STAMP) ## Translators/maintainers: check each messages.po (untranslated, fuzzy, placeholders), compile it into messages.mo (set-up does it too) and print its statistics
	$(PY) -m kalbar_border.i18n compile
	@$(PY) -m kalbar_border.i18n stats

i18n-migrate: $(STAMP) ## Maintainers: move labels still written {"en": ..., "id": ...} in figures/labels.py (a merged branch's) into the catalogue
	$(PY) -m kalbar_border.i18n migrate

i18n-stats: $(STAMP) ## Translators: how many messages of each catalogue are translated, untranslated and fuzzy
	@$(PY) -m kalbar_border.i18n stats

# Through the run lock, so a clean never deletes the outputs of a run in progress; with the system
# Python when .venv is not there (the lock needs the standard library only).
clean: ## Remove generated outputs git does not track (build/ with its variants, data/processed/, new files in results/ and figures/); keeps the committed references, .venv and raw data; refuses during a run
	@PYTHONPATH=lib $(if $(wildcard $(PY)),$(PY),$(PYTHON)) -m kalbar_border.pipeline.lock clean
