"""The pipeline behind ``make reproduce``: doit tasks generated from what each notebook declares.

doit (https://pydoit.org) decides what is up to date, in what order and in parallel; these
modules only tell it what each notebook reads and writes, and how to execute one notebook
with papermill. Each notebook ``notebooks/NN_name.ipynb`` declares in its metadata
(``kalbar``):

* ``inputs``: files it reads (raw tables, other notebooks' outputs such as
  ``results/02_border_series.json`` or the microdata extracts);
* ``outputs``: files it writes, with ``{PARAMETER}`` placeholders filled from its parameters;
* ``figures``: figure names (placeholders allowed); each is eight files (:func:`paths.figure_files`);
* ``microdata``: ``"optional"`` (runs without the BPS files, writing ``microdata_outputs`` only
  when they are there) or ``"required"`` (skipped, with a message, when they are missing).
* ``years``: the raw table and column its years come from and the years its findings compare,
  so ``FIRST_YEAR``/``LAST_YEAR`` are checked against the data before a run starts.

One module per concern:

* :mod:`.notebooks`: the notebooks' metadata and parameters, checked, and the plan of a run;
* :mod:`.tasks`: the doit tasks, their content checker, and the report task;
* :mod:`.execute`: executing one notebook and committing its outputs all-or-nothing;
* :mod:`.lock`: the run lock (and ``make clean``, which takes it), importable without the
  project's environment;
* :mod:`kalbar_border.workflow`: the command line, its signals and its messages.
"""
