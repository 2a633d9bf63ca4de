"""The one place of the reader-facing labels: every title, axis label, legend entry, caption,
table heading, category name and report sentence, by key, in English (the source language).

The translations are not here: each label's Indonesian is a message of the gettext catalogue
``lib/kalbar_border/locale/id/LC_MESSAGES/messages.po`` (context: the label's key; see
:mod:`kalbar_border.i18n` and docs/translating.md). Notebooks take a ``LANG`` parameter;
:func:`label` returns the text in that language, and :data:`LABELS` gives ``LABELS[key][lang]``
as it always has.

To add a label: write its key and English here, then ``make i18n-update`` and translate it in
the ``.po``. A label written the old way, ``"key": {"en": ..., "id": ...}`` (from a branch made
before the catalogues), still works; ``make i18n-migrate`` moves its Indonesian into the
catalogue, and tests/test_catalogue.py fails until it has.
"""
from __future__ import annotations

from collections.abc import MutableMapping

from ..errors import CompendiumError
from ..i18n import SOURCE_LANG, pgettext

LANGS = ("en", "id")

#: key -> English text (a list: paragraphs, each a message of the catalogue).
SOURCE: dict[str, str | list[str]] = {
    # the run's own lines in the terminal, in the language of LANG (kalbar_border.workflow)
    "run_status_skipped": "skipped",
    "run_status_running": "running",
    "run_status_done": "done",
    "run_status_up_to_date": "up to date",
    "run_status_not_run": "not run",
    "run_status_failed": "FAILED",
    "run_status_ignored": "ignored",
    "run_not_run_reason": "(an earlier notebook failed)",
    "run_skipped_licensed": "{reason} (it runs on licensed BPS files; see docs/licensed_data.md)",
    "run_outputs": "outputs in {where}results/, {where}figures/, {where}data/processed/; open {where}build/{page} "
                   "first",
    "run_done": "done: {outputs}",
    "run_partial": "partial: {notebooks} did not run ({reason}: see the skipped line above); the others are done, "
                   "{outputs}; exit status {status}",
    # errors of the claims ledger (kalbar_border.claims)
    "error_claims_not_found": "{path}: claims ledger not found",
    "error_claims_rules_fixed_missing": "{file}: field '{field}' missing (when and how the rules were fixed)",
    "error_claims_where": "{file}: claim {claim}",
    "error_claims_duplicate_id": "{where}: duplicate id",
    "error_claims_field_missing": "{where}: field '{field}' missing; required: {required}",
    "error_claims_rule_type": "{where}: rule type {type} unknown; accepted: {accepted}",
    "error_claims_expected_status": "{where}: expected_status {status}; accepted: {accepted}",
    "error_claims_rule_kind": "{where}: rule kind {kind}; accepted: {accepted}",
    "error_claims_licensed_rule": "{where}: rule 'licensed' needs type not_in_public_data and a check of {checks}",
    "error_claims_licensed_parameter_missing": "{where}: licensed rule parameter '{parameter}' missing",
    "error_claims_licensed_parameter_value": "{where}: licensed rule parameter '{parameter}' is {value}; accepted: "
                                             "{accepted}",
    "error_claims_licensed_parameter_why": "{where}: licensed rule parameter '{parameter}' has no reason in 'why'",
    "error_claims_reason_missing": "{where}: field 'reason' missing: a claim that may not be checkable says why",
    "error_claims_rule_check": "{where}: rule check {check}; accepted: {accepted}",
    "error_claims_rule_parameter_missing": "{where}: rule parameter '{parameter}' missing",
    "error_claims_rule_parameter_why": "{where}: rule parameter '{parameter}' has no reason in 'why'",
    "error_claims_no_series": "{where}: rule 'series' lists no series",
    "error_claims_series_role": "{where}: series {series}: role {role}; accepted: {accepted}",
    "error_claims_series_role_why": "{where}: series {series}: field 'role_why' missing (why its role)",
    "error_claims_no_evidence": "{where}: no series has role evidence, so none can decide the status",
    "error_claims_public_data_found": "{where}: {results_key} is {value}, so the public data it lacked may now exist; "
                                      "replace rule 'not_in_public_data' with a rule that tests the claim",
    # errors and their parts, said in the language of the run (kalbar_border.errors.CompendiumError.said)
    "error_prefix": "error",
    "error_parameter_syntax": "parameter {item}: expected NAME=VALUE, e.g. LANG=id (a value with spaces in quotes: "
                              "PARAMS=\"LICENSED_MAP='/my maps/map.yml'\")",
    "error_parameter_unknown": "parameter {name}: no notebook declares it; known: {known}",
    "error_parameter_unknown_close": "parameter {name}: no notebook declares it; did you mean {close}? known: "
                                     "{known}",
    "error_parameter_not_allowed": "parameter {name}={value} is not allowed; {why}",
    "allowed_lang": "allowed: en or id",
    "allowed_alpha": "allowed: a number between 0 and 1, e.g. 0.05",
    "allowed_province": "allowed: a BPS province code (a whole number, e.g. 61) or all",
    "allowed_year": "allowed: a whole number, e.g. 2019",
    "allowed_bool": "allowed: True or False",
    "allowed_definition": "allowed: {definitions}",
    "allowed_existing_path": "allowed: None or the path of an existing file ({kinds})",
    "allowed_path": "allowed: None or the path of {kinds}",
    "allowed_kind_map": "a .yml or .yaml map",
    "allowed_kind_data": "a file of format {formats}",
    # errors of the data, finance and border modules (kalbar_border.data, .finance, .border)
    "error_part_checksum_mismatch": "checksum mismatch, expected sha256 {expected}, got {actual}",
    "error_microdata_unknown": "unknown microdata '{dataset}'; accepted: {accepted}",
    "error_microdata_checksum": "{path}: {mismatch}; delete the file so that it is downloaded again",
    "error_microdata_tar_member": "{url}: member {member} not found in the tarball",
    "error_microdata_not_cached": "{file}: not found in cache {cache}; put the file there or set "
                                  "COMPENDIUM_DATA_DIR to the folder holding it",
    "error_microdata_download": "{file}: not in cache {cache} and download failed from {addresses} ({errors}); put "
                                "the verified file in that folder or set COMPENDIUM_DATA_DIR to a folder holding it",
    "error_microdata_format": "{path}: format {suffix} cannot be read; accepted: {accepted}",
    "error_microdata_no_extension": "(no extension)",
    "error_microdata_not_found": "{source}: microdata file not found; pass an existing file ({formats})",
    "error_microdata_no_frame": "{source}: holds no data frame",
    "error_microdata_unreadable": "{source}: cannot be read as a {kind} file ({error})",
    "error_microdata_case_twins": "{source}: columns {columns} differ only by case; keep one of each",
    "error_microdata_lacks": "{source}: lacks the variables {missing} that the analysis needs (names are matched "
                             "ignoring case)",
    "error_microdata_renamed": "{name} (2020 name {original})",
    "error_microdata_text_not_number": "{path}: variable {variable} holds text where a number is expected",
    "error_microdata_extract_lacks": "{file}: variables {missing} missing; expected those listed in "
                                     "data/datapackage.json",
    "error_microdata_kind": "{file}: variable {variable} is {actual}; expected {expected}",
    "error_microdata_kind_text": "text",
    "error_microdata_kind_numeric": "numeric",
    "error_microdata_extract_columns": "{path}: columns are not the variables data/datapackage.json lists for "
                                       "{dataset}; run notebook 01 again ({command})",
    "error_part_line": " line {number}",
    "error_part_did_you_mean": " (did you mean '{name}'?)",
    "error_part_closest": " (closest: {name})",
    "error_licensed_map_survey": "{where}: field 'survey' is {value}; expected the survey as BPS names it, e.g. "
                                 "Sakernas August 2022",
    "error_licensed_map_year": "{where}: field 'year' is {value}; expected a whole number, e.g. 2022",
    "error_licensed_map_yes_no_field": "{where}: field '{field}' is a yes/no that YAML reads as true/false; known: "
                                       "{known} (codes go in yes_codes and no_codes); see {template}",
    "error_licensed_map_unknown_field": "{where}: unknown field '{field}'{closest}; known: {known}; see {template}",
    "error_licensed_map_missing_field": "{where}: field '{field}' missing; see {template}",
    "error_licensed_map_codes": "{where}: expected a code or a list of numeric codes (as the questionnaire numbers "
                                "them), got {value}",
    "error_licensed_map_name": "{where}: expected the name of a variable of the file, got {value}",
    "error_licensed_map_names": "{where}: expected the name of a variable, or a list of names (e.g. [NKS, "
                                "NO_RUTA]), got {value}",
    "error_licensed_map_named_twice": "{where}: a variable is named twice in {value}",
    "error_licensed_map_section": "{where}: field '{field}' missing or not a mapping of fields; see {template}",
    "error_licensed_map_not_given": "LICENSED_MAP not given: notebook 08 runs only on a licensed BPS file "
                                    "described by a variable map; copy {template}, fill it in and pass "
                                    "LICENSED_MAP=<its path>",
    "error_licensed_map_unreadable": "{where}: cannot be read ({error})",
    "error_licensed_map_not_utf8": "{where}: not a text file in UTF-8; expected a YAML map, see {template}",
    "error_licensed_map_not_yaml": "{where}{line}: not valid YAML ({problem})",
    "error_licensed_map_not_mapping": "{where}: expected a mapping of fields; see {template}",
    "error_licensed_map_file": "{where}: field 'file' is {value}; expected the path of the licensed file",
    "error_licensed_map_file_format": "{where}: field 'file' names {problem}",
    "error_licensed_map_file_missing": "{where}: field 'file' names {data}, which is not an existing file",
    "error_licensed_map_unit": "{where}: field 'unit' is {value}; expected one of {units}",
    "error_licensed_map_drop": "{where}: design.drop_nonpositive_weights is {value}; expected true or false",
    "error_licensed_map_province_code": "{where}: province.code: expected one code (a province is a complete "
                                        "design), got {value}",
    "error_licensed_map_definition_name": "{at}: expected a name in lower case (letters, digits, _) with variable, "
                                          "migrant and non_migrant",
    "error_licensed_map_both_migrant": "{at}: a code is both migrant and non_migrant",
    "error_licensed_map_unknown_indicator": "{at}: unknown indicator{closest}; expected some of {indicators}",
    "error_licensed_map_indicator_spec": "{at}: expected a mapping with variable and yes_codes (or codes)",
    "error_licensed_map_type_codes": "{at}.codes: expected a mapping of code: label, e.g. {example}",
    "error_licensed_map_whole_codes": "{at}.codes: expected whole-number codes",
    "error_licensed_map_both_yes_no": "{at}: a code is both yes and no",
    "error_public_map_unknown_dataset": "unknown dataset {dataset}; expected one of {known}",
    "error_public_map_unreadable": "{where}: cannot be read ({error}); expected the variable map of {parameter}",
    "error_public_map_not_mapping": "{where}: expected a mapping of the fields {fields}; see {template}",
    "error_public_map_file_hint": "; the file is given by {parameter}",
    "error_public_map_unknown_field": "{where}: unknown field '{field}'{hint}; expected the fields {fields} (see "
                                      "{template})",
    "error_public_map_missing_field": "{where}: field '{field}' missing; expected the fields {fields} (see "
                                      "{template})",
    "error_public_map_dataset": "{where}: field 'dataset' is {value}, but {parameter} maps a {dataset} file; "
                                "expected dataset: {dataset}",
    "error_public_map_unit": "{where}: field 'unit' is {value}; expected {units} (notebooks 05-06 read person "
                             "files)",
    "error_public_map_variables": "{where}: field 'variables' is {value}; expected a mapping of each 2020 name to "
                                  "the name in your file, e.g. FWT: WEIGHT (see {template})",
    "error_public_map_not_read": "{where}: variables.{name}: not a variable notebooks 05-06 read{closest}; "
                                 "expected the 2020 names of {template}",
    "error_public_map_value": "{where}: variables.{name} is {value}; expected the name of a variable of your file",
    "error_public_map_absent": "{where}: variables lacks {absent}; expected every variable of {template} (the "
                               "analysis reads each)",
    "error_public_map_same_name": "{where}: variables.{other} and variables.{name} both name '{value}'; expected "
                                  "one variable of your file for each",
    "error_public_map_mobility_hint": "; it looks like a labour-mobility or remittance file ({columns}): such a "
                                      "file settles C5/C6 in notebook 08, given by LICENSED_MAP=<a map copied from "
                                      "docs/licensed_map.template.yml> (docs/licensed_data.md)",
    "error_public_map_names_not_in_file": "{path}: {problems}; expected the names of {file} (matched ignoring "
                                          "case){hint}",
    "error_public_map_lacks": "{source}: lacks the variables {names} that notebooks 05-06 read under their 2020 "
                              "names (names are matched ignoring case); for a file of another year or layout, copy "
                              "{template}, write your file's name beside each variable and pass {parameter}=<the "
                              "copy>{hint}",
    "error_datapackage_no_schema_field": "data/raw/sources/{table}.csv: columns {missing} have no schema field",
    "error_datapackage_no_descriptor": "{path}: data package descriptor not found; it is committed with the "
                                       "repository",
    "error_datapackage_no_resource": "data/datapackage.json: no resource '{name}'; known: {names}",
    "error_datapackage_raw_missing": "{path}: raw file missing; restore it from git ({command})",
    "error_datapackage_checksum": "{path}: {mismatch}",
    "error_datapackage_header": "{path}: header: {problem}; expected the columns of data/datapackage.json: "
                                "{expected}",
    "error_datapackage_column_missing": "column {columns} missing",
    "error_datapackage_columns_missing": "columns {columns} missing",
    "error_datapackage_column_extra": "column {columns} not in the schema",
    "error_datapackage_columns_extra": "columns {columns} not in the schema",
    "error_datapackage_columns_order": "columns out of order",
    "error_datapackage_pattern_url": "an http(s):// address with a host, or 'n/a (why)' on a gap row",
    "error_datapackage_rule_unique": "constraint \"unique\": {note}",
    "error_datapackage_rule_pattern": "constraint \"pattern\": expected {words}",
    "error_datapackage_row": "row {row}",
    "error_datapackage_header_row": "header",
    "error_datapackage_cell": ", field '{field}', value '{value}'",
    "error_datapackage_more_errors": " ({count} more errors)",
    "error_datapackage_schema": "{path}: {where}{what}: {rule}{more}",
    "error_datapackage_late_date": "{path}: row {row}, field '{field}', value '{value}': date {date} is after the "
                                   "row's access date {limit} (field '{limit_field}')",
    "error_transcribe_not_found": "{path}: source-pack file not found; expected the shared/sources folder",
    "error_transcribe_no_access_day": "{path}: no access day recorded; expected an entry for {file} in "
                                      "transcribe.SUPPLEMENT_ACCESSED (the day its rows were read)",
    "error_transcribe_columns": "{path}: columns {columns}; expected those of {file}: {expected}",
    "error_part_not_in_file": "{field}: variable '{variable}' is not in {file}{closest}",
    "error_part_closest_in_file": " (closest in the file: '{name}')",
    "error_part_none": "none",
    "error_part_migrant_definition": "migrant definition",
    "error_part_indicator": "indicator",
    "error_part_population": "population",
    "error_compare_not_available": "{field} {value} is not available in this frame; available: {available}",
    "error_counts_row": "counts file {file}, row {row} (line {line})",
    "error_counts_value": "{where}, field '{field}' is {value}; expected {expected}",
    "error_counts_at_least_one": "a whole number >= 1",
    "error_counts_up_to_n": "a whole number from 0 to n = {n}",
    "error_counts_not_found": "counts file {path} not found; expected a CSV with columns {columns}",
    "error_counts_lacks": "counts file {file} lacks columns: {missing}; expected header {header}",
    "error_counts_no_indicator": "{where}, field 'indicator' is empty; expected an indicator name",
    "error_counts_group": "{where}, field 'group' is {value}; expected one of: {groups}",
    "error_counts_repeated": "{where}: indicator {indicator}, group {group} repeats row {row}; expected one row "
                             "per indicator and group",
    "error_counts_not_utf8": "counts file {file} is not a readable UTF-8 CSV: {error}",
    "error_counts_no_rows": "counts file {file} has no data rows; expected one row per indicator and group",
    "error_counts_group_missing": "counts file {file}: indicator {indicator} has no row for group {group}; "
                                  "expected both {first} and {second}",
    "error_licensed_problems": "{map}: {problems}",
    "warning_licensed_code_kept": "{map}: {absent}; kept in the map (written from the questionnaire), no row has it",
    "error_licensed_code_absent": "{field}: code {code} does not occur in variable '{variable}' of {file} (codes "
                                  "present: {present})",
    "error_licensed_weight_no": "design.weight: {count} row(s) of {file} have no weight in '{variable}' (first: "
                                "data row {row}); expected a positive number",
    "error_licensed_weight_negative": "design.weight: {count} row(s) of {file} have a negative weight in "
                                      "'{variable}' (first: data row {row}); expected a positive number (a "
                                      "negative weight is never left out: check the file with BPS)",
    "error_licensed_weight_zero": "design.weight: {count} row(s) of {file} have a zero weight in '{variable}' "
                                  "(first: data row {row}); expected a positive number, or set "
                                  "design.drop_nonpositive_weights: true in the map to leave them out (they are "
                                  "counted and reported per group)",
    "error_licensed_no_value": "design.{field}: {count} row(s) of {file} have no value of '{variable}' (first: "
                               "data row {row})",
    "error_licensed_household_twice": "design.household: household {household} occurs in data rows {first} and "
                                      "{second} of {file} within PSU {psu}; expected one row per household (unit: "
                                      "household)",
    "error_licensed_household_spread": "design.household: household {household} of {file} occurs in PSU {psu} "
                                       "(data row {first}) and PSU {other_psu} (data row {other}); expected an id "
                                       "unique within its PSU that names one household: a number that restarts in "
                                       "each PSU needs the PSU in a composite id, e.g. household: {hint}",
    "error_survey_not_1d": "{name} must be one-dimensional; got shape {shape}",
    "error_survey_length": "{name} has {count} values; expected {n}, one per row of y",
    "error_survey_not_numeric": "{name} must be numeric (0/1 for y, positive weights)",
    "error_survey_design_length": "design has {count} rows; expected {n}, one per row of y",
    "error_survey_design_gaps": "strata and psu must be present for every row (no missing values)",
    "error_survey_weights": "weights must be finite and non-negative for every row",
    "error_survey_domain": "domain must be True/False for every row (no missing values)",
    "error_survey_y": "y must be 0, 1 or NaN; found other values",
    "error_variables_not_frame": "{dataset} data must be a pandas DataFrame of the BPS person file; got {type}",
    "error_variables_lacks": "{dataset} data frame lacks required variables: {missing}",
    "error_variables_province_code": "province {province}: expected a BPS province code (a whole number, e.g. 61) "
                                     "or 'all'",
    "error_variables_province_absent": "province {province} is not in the {dataset} data (variable {variable}); "
                                       "provinces present: {present}",
    "error_variables_design_gaps": "{dataset} variable {variable} is missing for {count} persons; weights, strata, "
                                   "clusters and household ids must be present for everyone",
    "error_variables_unknown_choice": "{field} {value} is not known; use one of: {accepted}",
    "error_variables_not_analysis_frame": "frame must be a pandas DataFrame from susenas_frame/sakernas_frame; got "
                                          "{type}",
    "error_variables_frame_lacks": "analysis frame lacks required columns: {missing}",
    "error_variables_frame_dataset": "analysis frame column 'dataset' must hold one of: {datasets}",
    "error_context_wdi_remittances": "WDI remittances",
    "error_context_wdi_gdp": "WDI GDP",
    "error_context_snapshots": "macro_remittances: {series} rows {first}..{last} come from {count} different "
                               "snapshots {snapshots}; expected one vintage",
    "error_context_no_rows": "macro_remittances: no found annual rows of series '{code} ...'; expected WDI rows "
                             "for {first}-{last}",
    "error_context_duplicate_year": "macro_remittances: rows {rows}: {series} has more than one value for year "
                                    "{year}; expected one row per year",
    "error_context_mixed": "macro_remittances: WDI remittances ({remittances_row}..) are from snapshot "
                           "{remittances} but WDI GDP ({gdp_row}..) from {gdp}; expected one vintage (vintages are "
                           "never spliced)",
    "error_deportations_date_format": "entikong_events: row {event}, field 'deportation_date': expected "
                                      "YYYY-MM-DD, YYYY-MM (...) or YYYY-MM-DD/DD, got '{raw}'",
    "error_deportations_date_calendar": "entikong_events: row {event}, field 'deportation_date': expected a "
                                        "calendar date, got '{raw}'",
    "error_deportations_total": "entikong_events: row {event}, field 'total_deported': expected a non-negative "
                                "integer, got '{raw}'",
    "error_rows_missing_columns": "{table}: missing required column(s) {missing}; expected the columns of "
                                  "data/raw/sources/{table}.csv",
    "error_timeseries_period_kind": "border_series: row {row}, field 'period_kind': expected year, partial_year, "
                                    "multi_year or undated, got '{value}'",
    "error_timeseries_zero_base": "percent change from 0 to {value} is undefined; expected a non-zero base",
    "error_timeseries_change": "border_series: series '{series}', year {year}: {why}; expected one full-year value "
                               "to compute a change",
    "error_timeseries_no_full_year": "no full-year value (gap or partial only)",
    "error_timeseries_disagree": "sources disagree ({values})",
    "error_trade_unit": "border_series: row {row}, field 'unit': {value}; expected one of {units}",
    "error_trade_disagree": "border_series: rows {rows} give {count} different values for {what}; expected one",
    # generic
    "no_date": "no date",
    "year": "Year",
    "persons": "Persons",
    "source": "Source",
    "note": "Note",
    "share_pct": "Share of group (%)",
    "migrant": "Migrant",
    "non_migrant": "Non-migrant",
    "male": "Male",
    "female": "Female",
    # border series
    "fig_border_series_caption": "Top: complaints about Indonesian migrant workers received by BP2MI, nationally, "
                                 "for all placement countries and for Malaysia. Bottom: persons deported from "
                                 "Sarawak as recorded by the consulate in Kuching (KJRI), and West Kalimantan's "
                                 "registered placements. Open markers just left of 2019 are the paper's 2019 "
                                 "figures that a source carries, in the panel of the series they are compared "
                                 "with; the paper's figure \"recorded by Malaysia\" is found in no source but the "
                                 "abstract, so it is given in the note under the plot and drawn beside no series. "
                                 "Full-year values only; a gap is a year with no full-year source.",
    "fig_border_series_title": "Migrant-worker complaints and border deportations, {first}-{last}",
    "complaints_axis": "Complaints per year",
    "persons_axis": "Persons per year",
    "bp2mi_complaints_total": "BP2MI complaints, all countries",
    "bp2mi_complaints_malaysia": "BP2MI complaints, Malaysia",
    "kjri_kuching_deportations_sarawak": "Deportations from Sarawak (KJRI Kuching)",
    "kalbar_pmi_placements": "West Kalimantan registered placements",
    "paper_claim_value": "Paper's figure for {year}: {value}",
    # the figure's note for a paper figure no source carries: a marker beside a series would read
    # as the compendium endorsing one guess at what the figure counts
    "border_note_unsourced_claim": "the paper's {year} figure of {value} \"recorded by Malaysia\" is found in no "
                                   "source but the abstract; what it counts is unknown, so it is drawn beside no "
                                   "series.",
    # entikong events
    "fig_entikong_caption": "Top: deportation batches through PLBN Entikong found in news reports, {first}-{last}. "
                            "Bottom: persons in those batches. Coverage varies by year: these are not annual "
                            "totals.",
    "fig_entikong_title": "Deportation batches through Entikong found in news reports",
    "batches_found": "Batches found",
    "persons_in_batches": "Persons in the batches",
    # remittances
    "fig_remittances_caption": "Top: personal remittances received by Indonesia, billion current US$. Bottom: the "
                               "same as a share of GDP. Both from one snapshot of the World Bank's World "
                               "Development Indicators.",
    "fig_remittances_title": "Personal remittances received by Indonesia, {first}-{last}",
    "remittances_busd": "Remittances (billion current US$)",
    "remittances_pct_gdp": "Share of GDP (%)",
    # finance
    "fig_finance_shares_caption": "Weighted shares of persons aged 15+ by migration status ({definition}), with "
                                  "design-based 95 % confidence intervals (strata, clusters, weights). Proxy data: "
                                  "{province}, not West Kalimantan; no remittance or investment items.",
    "fig_finance_shares_title": "Financial behaviour by migration status ({province}, 2020)",
    # the shares figure's panels, one per survey, and each row's group sizes (from the comparison table)
    "survey_susenas": "Susenas, March 2020",
    "survey_sakernas": "Sakernas, August 2020",
    "shares_row_n": "n: migrant {migrant}, non-migrant {non_migrant}",
    "province_jambi": "Jambi",
    "province_kalbar": "West Kalimantan",
    "province_all": "all provinces",
    "province_code": "province {code}",
    "fig_finance_forest_caption": "Average marginal effect of being a migrant ({definition}) on each indicator, "
                                  "adjusted for age, sex, education, urban/rural and working status: "
                                  "design-weighted logistic regression, design-based standard errors, delta-method "
                                  "95 % confidence intervals.",
    "fig_finance_forest_title": "Adjusted migrant effect (average marginal effect), {province}, 2020",
    "few_events": "Fewer than 10 events in a group: not read as evidence",
    "estimate_ci": "Estimate with 95 % confidence interval",
    "ame_pp": "Difference in probability, migrant minus non-migrant (percentage points)",
    # migrant definitions (finance.variables.MIGRANT_DEFINITIONS), as a caption words them
    "def_recent_interprovincial": "migrants: lived in another province or abroad five years earlier",
    "def_recent_interdistrict": "migrants: lived in another district or abroad five years earlier",
    "def_lifetime": "migrants: born outside the province",
    "def_returned_abroad": "migrants: lived abroad five years earlier",
    # what each migrant definition and indicator means (finance.variables; notebook 05's tables)
    "meaning_recent_interprovincial": "lived outside the province (another province or abroad) 5 years ago; "
                                      "persons aged 5+",
    "meaning_recent_interdistrict": "lived in another district (or abroad) 5 years ago; persons aged 5+",
    "meaning_lifetime": "born outside the province (mother's residence at birth, Susenas R602); not in Sakernas",
    "meaning_returned_abroad": "lived abroad 5 years ago (Susenas R604 = 40, Sakernas R7 = 3); tiny n",
    "meaning_savings_account": "has own savings account (R701), persons aged 5+",
    "meaning_ebanking": "used the internet for financial services / e-banking in past 3 months (R811_H); non-users "
                        "0",
    "meaning_online_buy": "used the internet to buy goods or services (R811_E); non-users 0",
    "meaning_online_sell": "used the internet to sell goods or services (R811_F); non-users 0",
    "meaning_health_none": "has no health cover at all (R1101_X)",
    "meaning_health_contributory": "covered by contributory (non-PBI) BPJS health insurance (R1101_B)",
    "meaning_health_employer": "covered by employer health cover (R1101_E)",
    "meaning_internet_at_work": "used the internet for transactions in the main job (R17B3); employed persons, no "
                                "internet at work 0",
    "source_bps_microdata": "BPS, Susenas March 2020 and Sakernas August 2020, as redistributed in the R packages "
                            "SUSENAS and SAKERNAS 0.1.0",
    "savings_account": "Own savings account",
    "ebanking": "Internet for financial services",
    "online_buy": "Internet to buy",
    "online_sell": "Internet to sell",
    "health_none": "No health cover",
    "health_contributory": "Contributory health cover",
    "health_employer": "Employer health cover",
    "internet_at_work": "Internet for transactions at work",
    # feedback of the exercises' checks (kalbar_border.teaching)
    "check_correct": "correct",
    "check_not_yet": "not yet",
    "check_your_turn": "your turn: replace None with your answer",
    # what a check says after "correct" (check_correct_<exercise>) or "not yet" (check_hint_<mistake>):
    # templates of kalbar_border.texts, so numbers are written for the reader (0,781 / 0.781);
    # {python} is a number as Python writes it, quoted as the student must type it
    "check_correct_02_1": "{change:pct} %",
    "check_correct_02_2": "{rows}",
    "check_correct_03_1": "{batches:n} batches, {persons:n} persons",
    "check_correct_03_2": "{share:d3} ({batches:n} batches report both men and women)",
    "check_correct_04_1": "{share:d2} % of GDP",
    "check_correct_04_2": "{change:pct} %",
    "check_correct_05_1": "{weighted:d3} weighted against {unweighted:d3} unweighted: an urban person aged 15+ in "
                          "the sample stands for {weight_urban:n} people on average, a rural one for "
                          "{weight_rural:n}, so the plain mean of the sample understates the towns",
    "check_correct_05_2": "{definitions}",
    "check_correct_06_1": "{ame:pp} percentage points (95 % CI {low:pp} to {high:pp})",
    "check_correct_06_2": "raw difference {raw:pp} percentage points, adjusted {ame:pp}",
    "check_hint_not_a_number": "give one number; this answer is a Python `{answer}`",
    "check_hint_decimal_comma": "Python writes decimals with a point: {given} was read as two numbers; write "
                                "{python}",
    "check_hint_indonesian_text": "Python writes decimals with a point and numbers without quotes: write {python}, "
                                  "not \"{given}\"",
    "check_hint_number_in_quotes": "the number is right, but it is text: remove the quotes",
    "check_hint_sign": "the size is right but the sign is not: a fall (or a lower value among migrants) is negative",
    "check_hint_percent": "multiply the fraction by 100 to give percent",
    "check_hint_fraction": "give a fraction between 0 and 1, not percent",
    "check_hint_ratio": "that is 2020 as a percentage of 2019; the change is (2020 - 2019) / 2019 x 100",
    "check_hint_02_1_doubled": "2019's value rests on {rows:n} rows (two sources giving the same number): take it "
                               "once, not their sum",
    "check_hint_02_1_rows": "use the two full-year values (`period_kind == \"year\"`) of bp2mi_complaints_total",
    "check_hint_02_2_value": "give the row ids (texts such as \"BS010\"), not the value",
    "check_hint_02_2_one_more": "one more row carries the same number",
    "check_hint_02_2_too_many": "only the full-year 2019 rows of bp2mi_complaints_total carry it: leave the others "
                                "out",
    "check_hint_02_2_where": "look for the value 5824 in the 2019 rows of bp2mi_complaints_total (column row_id)",
    "check_hint_03_1_pair": "give two numbers, (batches, persons), e.g. (3, 250)",
    "check_hint_03_1_swapped": "the order is (batches, persons)",
    "check_hint_03_1_batches": "count the batches of 2020: one row of the events table per batch",
    "check_hint_03_1_by_sex": "that adds up men and women, which only some batches report; persons are the sum of "
                              "total_deported",
    "check_hint_03_1_persons": "the batches are right; persons are the sum of total_deported over the 2020 batches",
    "check_hint_03_2_total": "divide by men plus women, not by total_deported (which can include children)",
    "check_hint_03_2_women": "that is the share of women; the exercise asks for men",
    "check_hint_03_2_mean": "that is the mean of each batch's share, in which a batch of 20 counts as much as one "
                            "of 200: add up the men and the women over the batches first",
    "check_hint_03_2_batches": "use only the batches of 2019-2025 that report both male and female counts",
    "check_hint_04_1_year": "that is the share of 2019; the exercise asks for 2020",
    "check_hint_04_1_columns": "divide remittances (BX.TRF.PWKR.CD.DT) by GDP (NY.GDP.MKTP.CD) of 2020, both from "
                               "the same snapshot",
    "check_hint_04_2_share": "that is the change of the share of GDP; the exercise asks for the change of "
                             "remittances in US$ (remittances_usd)",
    "check_hint_04_2_columns": "(2020 - 2019) / 2019 x 100, from remittances_usd",
    "check_hint_05_1_unweighted": "that is the plain mean of the sample's rows ({unweighted:d3}); an urban person "
                                  "aged 15+ stands for {weight_urban:n} people on average and a rural one for "
                                  "{weight_rural:n}: weight each row by its `weight`",
    "check_hint_05_1_rural": "that is the rural share: urban is 1 in the column `urban`",
    "check_hint_05_1_all_ages": "that includes children under 15: keep persons aged 15+ (`age >= 15`)",
    "check_hint_05_1_column": "the weighted mean of the column `urban` over persons aged 15+, with the column "
                              "`weight` as weights",
    "check_hint_05_2_names": "give the names of the definitions, e.g. [\"lifetime\"]",
    "check_hint_05_2_unknown": "not a migrant definition: {names}; use the names of the column definition",
    "check_hint_05_2_few_events": "a row with few_events or small_group is never significant",
    "check_hint_05_2_one_more": "another definition passes too",
    "check_hint_06_1_fraction": "the ame column is a fraction: multiply by 100 for percentage points",
    "check_hint_06_1_odds_ratio": "that is the odds ratio; the exercise asks for ame, in percentage points",
    "check_hint_06_1_raw": "that is the raw difference of notebook 05; the adjusted effect is the column ame of "
                           "models",
    "check_hint_06_1_row": "read ame for savings_account, recent_interprovincial, persons15, susenas",
    "check_hint_06_2_text": "answer True or False without quotes (Python's values, not words)",
    "check_hint_06_2_bool": "answer True or False",
    "check_hint_06_2_signs": "compare the sign of the raw difference (difference in notebook 05) with the sign of "
                             "ame",
    # how the claims ledger explains a status (kalbar_border.claims.evaluate_one)
    "explain_missing": "a result this rule needs was not recorded in this run (its notebook did not run)",
    "explain_equals": "the source's value is {value}, the paper's {paper} (tolerance {tolerance})",
    "explain_change": "{value} % from 2019 to 2020, against a threshold of {threshold} %",
    "explain_turns": "{n} values, {turns} change(s) of direction, {missing} value(s) missing",
    "explain_series": "{supports} of {n} series support the claim, {contradicts} contradict it and {undetermined} "
                      "cannot decide: {details}",
    "series_count": "{supports} of {n} series support it",
    # a claim judged on evidence series only, with context series shown beside them (claims.yml role)
    "series_count_evidence": "{supports} of {n} evidence series support it ({context} context series not judged)",
    "explain_series_evidence": "the status rests on {n} evidence series: {supports} support the claim, "
                               "{contradicts} contradict it and {undetermined} cannot decide; {context} context "
                               "series are shown and decide nothing: {details}",
    "role_context": "context, not judged",
    "explain_turns_bound": "{n} values, {turns} change(s) of direction, {missing} value(s) missing; a count for "
                           "part of the year ({bounds}) is a lower bound for the missing value, and every value at "
                           "or above it gives {fewest} to {most} change(s) of direction, so the bound decides",
    "explain_change_at_most": "at most {value} % from 2019 to 2020 (the start is a count for part of the year, a "
                              "lower bound), against a threshold of {threshold} %",
    "explain_change_at_least": "at least {value} % from 2019 to 2020 (the end is a count for part of the year, a "
                               "lower bound), against a threshold of {threshold} %",
    # how fragile a status is (kalbar_border.claims.fragility, results/claims_sensitivity.csv)
    "sensitivity_sentence": "{id} stays {status} for {parts}.",
    "sensitivity_part": "{parameter} from {low} to {high} (the ledger's value: {value}; {changes})",
    "sensitivity_changes": "at {at} it becomes {status}",
    "sensitivity_never": "no value scanned changes it",
    "report_sensitivity": "How fragile each status is",
    "report_sensitivity_intro": "Each rule threshold was moved over a range of values "
                                "(results/claims_sensitivity.csv); a claim keeps its status over the range given, "
                                "and changes where stated.",
    "no_independent_source": "no independent source",
    "independent_sources": "{n} independent source(s)",
    "entikong_persons": "Persons in Entikong deportation batches found in the news",
    "claims_no_drift": "every computed status equals the reviewed status (expected_status in claims.yml)",
    # the report page (build/index.html, build/index.id.html)
    "report_title": "Reproduction report",
    "report_paper": "Paper",
    "report_abstract_only": "only the abstract is public",
    "report_generated": "This page is generated by <code>make reproduce</code>. Every status below is computed "
                        "from the ledger's rule (<code>claims.yml</code>) and the run's results "
                        "(<code>results/results.json</code>); nothing is typed in.",
    "report_summary": "Summary",
    "report_claims": "Claims",
    "report_no_claims": "No claims table in this run.",
    "report_notebooks": "Executed notebooks",
    "report_figures": "Figures",
    "report_data": "Datasets and provenance",
    "report_citations": "Data citations",
    "report_raw": "Raw tables",
    "report_described": "described in",
    "report_environment": "Environment",
    "report_commit": "Git commit",
    "report_rerun": "How to rerun",
    "report_rerun_all": "the whole compendium (creates .venv on first use)",
    "report_rerun_test": "the test suite",
    "report_rerun_lab": "open the notebooks in JupyterLab",
    "report_other_language": "Bahasa Indonesia",
    "report_rights": "Rights",
    "report_rights_code": "The compendium's code is under the MIT licence (LICENSE); its text and figures under CC "
                          "BY 4.0 (LICENSE-TEXT-FIGURES.md).",
    "report_rights_figures": "Transcribed figures ({datasets}): the numbers are facts, each cited to the page it "
                             "was read from; the compilation (selection, arrangement, tidy columns, notes) is "
                             "under CC BY 4.0; each cited page keeps its publisher's terms, which this licence "
                             "does not change.",
    "report_rights_microdata": "BPS microdata ({datasets}): the data belong to Badan Pusat Statistik and are used "
                               "under BPS's terms of use for its data; they are not redistributed here but "
                               "downloaded from the two CRAN packages, whose GPL-3 licence covers the packages, "
                               "not the data. Microdata of other provinces are obtained from BPS under its own "
                               "licence.",
    "report_footer": "kalbar-border compendium, version {version}, commit {commit} ({tree}); cite it with "
                     "CITATION.cff.",
    "report_variant": "This run is a variant, not the reference outputs ({reasons}). Its outputs are in {folder}/; "
                      "results/ and figures/ keep the references committed with the code. {n} reference file(s) "
                      "differ from this run's outputs:",
    "report_variant_more": "and {n} more",
    "tree_clean": "working tree clean: code, data and texts as committed",
    "tree_modified": "working tree modified: uncommitted changes to code, data or texts",
    "tree_unknown": "not a git checkout: the tree's state is unknown",
    "report_contents": "Contents",
    # the report page: the opening summary
    "report_summary_sentence": "Of the {total} claims of the abstract, {reproduced} reproduced as worded, "
                               "{number_traced_meaning_differs} has its number traced to a source that counts "
                               "something else, {partly_supported} partly supported (of the series that count its "
                               "subject, some support it and the others contradict it or cannot decide), "
                               "{contradicted} contradicted by the data and {not_checkable} not checkable with "
                               "public data.",
    "report_statuses": "What the statuses mean",
    "report_kinds": "A claim that is not checkable says why, in one of these kinds:",
    "report_rules": "The rules and their thresholds",
    "report_rules_fixed": "Rules fixed on {date}.",
    "report_acronyms": "Abbreviations",
    "acronym_BPS": "Badan Pusat Statistik, Statistics Indonesia",
    "acronym_Susenas": "Survei Sosial Ekonomi Nasional, the national socio-economic survey",
    "acronym_Sakernas": "Survei Angkatan Kerja Nasional, the national labour force survey",
    "acronym_BP2MI": "Badan Pelindungan Pekerja Migran Indonesia, the Indonesian migrant workers' protection agency",
    "acronym_KJRI": "Konsulat Jenderal Republik Indonesia, the Indonesian consulate-general (here in Kuching, "
                    "Sarawak)",
    "acronym_PLBN": "Pos Lintas Batas Negara, the state border post (here Entikong)",
    "acronym_OJK": "Otoritas Jasa Keuangan, the financial services authority",
    "acronym_SNLIK": "OJK's national survey of financial literacy and inclusion",
    "acronym_WDI": "World Development Indicators (World Bank)",
    "acronym_AME": "average marginal effect",
    "acronym_PSU": "primary sampling unit (cluster)",
    "acronym_BP3MI": "Balai Pelayanan Pelindungan Pekerja Migran Indonesia, BP2MI's provincial service office "
                     "(here in Pontianak, West Kalimantan)",
    "acronym_PMIB": "Pekerja Migran Indonesia Bermasalah, Indonesian migrant workers with problems (deported, "
                    "stranded or without documents)",
    "acronym_PBI": "Penerima Bantuan Iuran, people whose national health-insurance contributions the state pays",
    "report_not_clean": "Claims not reproduced as worded, and why:",
    "report_all_clean": "Every claim reproduces as stated.",
    "report_contradicted_reason": "The paper gives {paper}; this run finds {reproduced}.",
    # the report page: key findings
    "report_findings": "Key findings",
    "report_no_findings": "No findings were recorded in this run (results/results.json is missing).",
    "report_no_findings_keys": "This run recorded none of the key findings shown here.",
    "report_findings_finance": "Financial behaviour of migrants and non-migrants",
    "report_finance_scope": "Persons aged 15 and over in {province}; {definition}. Shares are weighted; a "
                            "difference is migrant minus non-migrant, in percentage points, with its design-based "
                            "95 % confidence interval. The test behind \"holds after Holm\" is on the log-odds "
                            "scale (the odds ratio), the interval on the probability scale, so near the boundary "
                            "an interval can touch 0 while the test holds, or the reverse.",
    "report_finance_scope_no_province": "Persons aged 15 and over; {definition}. Shares are weighted; a difference "
                                        "is migrant minus non-migrant, in percentage points, with its design-based "
                                        "95 % confidence interval. The test behind \"holds after Holm\" is on the "
                                        "log-odds scale (the odds ratio), the interval on the probability scale, "
                                        "so near the boundary an interval can touch 0 while the test holds, or the "
                                        "reverse.",
    "report_province": "{name} (province {code})",
    "report_proxy": "These are proxy data: the paper is about West Kalimantan (province 61).",
    "report_definition": "migrant definition {code}",
    "report_definition_named": "{meaning} (definition {code})",
    "report_finance_counts": "Under this definition {tested} indicators were compared; {significant} pass Holm's "
                             "correction within the definition's own family{alpha}; for {few}, a group has fewer "
                             "than 10 events, so the difference is not read as evidence.",
    "report_family": "Which tests to read: those corrected across the whole survey (Holm's correction over every "
                     "indicator, migrant definition and population of a survey), because every indicator is tested "
                     "under four migrant definitions and three populations and no definition was designated before "
                     "the data were seen: a reader who picks the line that looks best is protected only by it. "
                     "This family was made primary after the results were known (the analysis choices below give "
                     "the date). The per-definition family, which fits a reader who committed to one definition "
                     "beforehand, is shown beside it. A difference is said to hold only where the survey-wide "
                     "test, the rules on few events and few degrees of freedom, and the adjusted effect (AME, "
                     "average marginal effect, whose 95 % interval must exclude 0 with the same sign) all agree.",
    "report_robustness_counts": "Of {rows} comparisons (indicator × migrant definition × population, both "
                                "surveys), {eligible} are eligible to hold: they have a design-based test on at "
                                "least {min_df} degrees of freedom in each group and an adjusted model. {holds} of "
                                "these {eligible} eligible comparisons hold by every criterion. Workers 15+ are a "
                                "subset of persons 15+, so a difference holding in both is one difference: "
                                "{distinct} distinct differences hold. Not eligible: {no_model} not modelled (no "
                                "adjusted model, which is not a disagreement); {few_df} with fewer than {min_df} "
                                "degrees of freedom in a group; {zero_cell} with a share of 0 or 1 (no test); "
                                "{no_test} without a test for another reason.",
    "report_robustness_which": "They are: {items}.",
    "report_default_holds": "For persons 15+ under the default definition (table below), {holds} of {n} eligible "
                            "comparisons hold.",
    "report_ledger_choices": "The ledger's analysis choices (claims.yml, analysis_choices): {items}",
    "report_choices": "Analysis choices (claims.yml, analysis_choices): {items}",
    "choice_quote": "{choice} Fixed on {fixed}, {seen}. Reason: {reason}",
    "choice_results_seen": "after the results had been seen",
    "choice_results_unseen": "before the results were seen",
    "report_comparison": "{indicator} ({survey}, {population}; {definition})",
    "report_default_definition": "The table below shows the default definition, recent inter-provincial migrants: "
                                 "among the definitions these files allow, it is the closest observable to the "
                                 "paper's cross-border movers (a provincial border crossed in the last five "
                                 "years); lifetime migrants include people who moved decades ago, and returnees "
                                 "from abroad are too few. The robustness table after it is what to read across "
                                 "definitions.",
    "report_returnees": "Returnees from abroad, the group closest to the paper's international migrant workers, "
                        "number {n} persons aged 15 and over in Susenas (every returnee in the domain; domain "
                        "degrees of freedom: {df}). In Sakernas they number {n_sakernas} persons aged 15 and over. "
                        "Of these, {n_sakernas_answered} answered the item compared: the n of a comparison counts "
                        "only those with an answer. Both groups are too few to show a difference or to rule one "
                        "out; no finding rests on them.",
    "report_robustness": "Robustness across definitions, populations and test families",
    "report_robustness_rest": "The table lists the comparisons where a test passes in either family or the "
                              "adjusted effect's interval excludes 0. Of the eligible comparisons that do not "
                              "hold, {inconclusive} are inconclusive: their 95 % interval reaches beyond ±{margin} "
                              "percentage points, so they neither show a difference nor rule one out. "
                              "{no_difference} show no difference: their whole 95 % interval lies within ±{margin} "
                              "percentage points. The margin is C5's. results/financial_robustness.csv lists every "
                              "comparison with its verdict.",
    "report_mde": "At 80 % power and the dataset-wide family's level, the smallest detectable difference of an "
                  "eligible comparison is {low} percentage points. The largest is {high} percentage points. The "
                  "median is {median} percentage points (normal approximation with each comparison's design "
                  "effect; the formula: compare.minimum_detectable_difference).",
    "verdict_holds": "holds",
    "verdict_inconclusive": "inconclusive",
    "verdict_no_difference_shown": "no difference shown",
    "verdict_not_eligible": "not eligible",
    "ineligible_zero_cell": "not eligible: a share is 0 or 1",
    "ineligible_no_test": "not eligible: no test",
    "ineligible_few_df": "not eligible: too few degrees of freedom",
    "ineligible_no_model": "not modelled",
    "report_col_holm_family": "passes Holm within its definition",
    "report_col_holm_dataset": "passes Holm across the survey",
    "report_col_holds": "holds by every criterion",
    "report_col_population": "population",
    "report_col_definition": "migrant definition",
    "report_col_disagreement": "what disagrees",
    "population_persons15": "persons 15+",
    "population_workers15": "workers 15+",
    "population_households": "households",
    "report_alpha": " (family-wise α = {alpha})",
    "col_indicator": "indicator",
    "col_survey": "survey",
    "report_col_share_migrant": "migrants (%)",
    "report_col_share_non_migrant": "non-migrants (%)",
    "report_col_difference": "difference, percentage points (95 % CI)",
    "report_col_ame": "adjusted difference (average marginal effect), percentage points (95 % CI)",
    "report_ci": "{low} to {high}",
    "report_yes": "yes",
    "report_no": "no",
    "report_too_few_events": "too few events",
    "report_findings_border": "Border records",
    "report_border_complaints_2019": "In 2019 BP2MI received {n} complaints about Indonesian migrant workers from "
                                     "all placement countries: a count of complaints, not of illegal workers.",
    "report_border_complaints_2020": "In 2020 BP2MI received {n} complaints.",
    "report_border_complaints_change": "BP2MI complaints {direction} {pct} % from 2019 to 2020.",
    "report_border_deportations_change": "Deportations from Sarawak recorded by the Indonesian consulate in "
                                         "Kuching (KJRI Kuching) {direction} {pct} % over the same years.",
    # context, not evidence (issue 30, item 1): registered placements count legal departures
    "report_border_placements_change": "Context only, deciding no claim: West Kalimantan's registered (legal) "
                                       "placements of migrant workers {direction} {pct} % over the same years; "
                                       "they count legal departures, not illegal workers.",
    # the 2019 placements are a count for part of the year (BS081), so the change is a bound
    "report_border_placements_change_at_most": "Context only, deciding no claim: West Kalimantan's registered "
                                               "(legal) placements of migrant workers fell by at least {pct} % "
                                               "over the same years (the 2019 value counts part of the year, a "
                                               "lower bound); they count legal departures, not illegal workers.",
    # context, not a border measure (issue 30, item 1): the batches are those the news happened to
    # report, so their yearly sum follows coverage and decides no claim
    "report_border_entikong_change": "Context only, deciding no claim: persons in the deportation batches through "
                                     "the Entikong border post (PLBN) that were found in the news numbered {start} "
                                     "in 2019 and {end} in 2020. This counts news coverage, which varies by year, "
                                     "not the persons returned at the border.",
    "report_border_covid": "None of these series tests whether COVID-19 caused the changes of 2020.",
    "report_rose": "rose by",
    "report_fell": "fell by",
    "report_changed": "changed by",
    # the report page: parameters and data versions of the run
    "report_run": "Parameters and data versions of this run",
    "report_parameters": "Parameters",
    "report_parameters_intro": "The values the notebooks ran with (name = value), and the notebooks that use each.",
    "report_all_notebooks": "every notebook",
    "report_differs": "differs between notebooks",
    "report_overrides": "Set on the command line for this run: {values}.",
    "report_no_overrides": "Nothing was set on the command line: every notebook ran with its default values.",
    "report_microdata": "Survey microdata (Susenas, Sakernas) present: {answer}.",
    "report_data_versions": "Data versions",
    "report_data_versions_intro": "Each dataset with its period and the first 12 hexadecimal digits of its SHA-256 "
                                  "checksum.",
    # the report page: figures, notebooks, data and environment
    "report_download": "Download",
    "report_sidecar": "Sidecar (provenance)",
    "report_kernel": "kernel",
    "col_package": "package",
    "col_version": "version",
    # the report page: texts of the data files, so the Indonesian page shows them in Indonesian
    # (keyed by the English text, as the provenance statuses below; an unknown text stays as it is)
    "microdata missing": "microdata missing",
    "LICENSED_MAP not given": "LICENSED_MAP not given (runs only on licensed BPS files)",
    "no independent source": "no independent source",
    "report_independent_sources": "{n} independent source(s)",
    "fluctuated 2019-2023": "fluctuated 2019-2023",
    "drastic fall 2019-2020": "drastic fall 2019-2020",
    "report_public_pages": "{n} public pages (source_url on every row)",
    "report_cran_package": "CRAN package {package}, published {date}",
    "BPS terms of use for its data": "BPS terms of use for its data",
    "Illegal-migrant-worker, complaint, deportation and placement series, 2015-2026":
        "Illegal-migrant-worker, complaint, deportation and placement series, 2015-2026",
    "Entikong deportation batches (news reports)": "Entikong deportation batches (news reports)",
    "Remittance and placement context": "Remittance and placement context",
    "Financial literacy, inclusion and remittance-use context":
        "Financial literacy, inclusion and remittance-use context",
    "Susenas March 2020 (KOR, persons), Jambi": "Susenas March 2020 (KOR, persons), Jambi",
    "Sakernas August 2020 (persons), Jambi": "Sakernas August 2020 (persons), Jambi",
    "col_notebook": "notebook",
    "col_status": "status",
    "col_time": "time",
    "col_parameters": "parameters",
    "col_claim": "claim",
    "col_paper_value": "paper value",
    "col_reproduced_value": "reproduced value",
    "col_caveat": "caveat / reason",
    "col_evidence": "evidence",
    "status_reproduced": "reproduced",
    "status_number_traced_meaning_differs": "number traced, meaning differs",
    "status_partly_supported": "partly supported",
    "status_contradicted": "contradicted",
    "status_not_checkable": "not checkable",
    # what each status means, one sentence (report and notebook 07)
    "status_def_reproduced": "The claim, as the abstract words it, is supported by the public data.",
    "status_def_number_traced_meaning_differs": "The paper's number is found in a public source, but that source "
                                                "counts something other than what the claim says.",
    "status_def_partly_supported": "Of the series the claim could refer to, some support it and others contradict "
                                   "it or cannot decide.",
    "status_def_contradicted": "The public data the claim refers to show the opposite of the claim.",
    "status_def_not_checkable": "No public data can confirm or refute the claim; its kind says why.",
    "kind_not_empirical": "not an empirical claim",
    "kind_no_public_data": "no public data",
    "kind_source_identified_not_obtained": "source identified, not obtained",
    "kind_no_independent_source": "no independent source",
    "kind_incomplete_data": "data incomplete",
    "kind_def_not_empirical": "A statement of argument or policy, not of fact.",
    "kind_def_no_public_data": "The data that would test the claim are not public, and no likely source is known.",
    "kind_def_source_identified_not_obtained": "The source the paper most likely used is identified, but no copy "
                                               "we could reach holds its tables.",
    "kind_def_no_independent_source": "The number is found in no source but the paper itself.",
    "kind_def_incomplete_data": "The series lack the values the rule needs to decide (or the notebook that records "
                                "them did not run).",
    "verdict_supports": "supports",
    "verdict_contradicts": "contradicts",
    "verdict_undetermined": "cannot decide",
    "evidence_notebook": "notebook",
    "evidence_figure": "figure",
    "evidence_table": "table",
    "evidence_rows": "source rows",
    "col_dataset": "dataset",
    "col_title": "title",
    "col_source": "source",
    "col_period": "period",
    "col_licence": "licence",
    "col_rows": "rows",
    "col_sha256": "sha256",
    "verified (checksum + schema)": "verified (checksum + schema)",
    "verified (downloaded/cached)": "verified (downloaded/cached)",
    "not available in this run": "not available in this run",
    "status_current": "current",
    "status_skipped": "skipped",
    # a notebook that failed or did not run in the last run: its outputs, if any, are an earlier
    # run's, made with the parameters shown beside them
    "status_failed": "FAILED in this run",
    "status_not_current": "NOT CURRENT (not run in this run)",
    "outputs of an earlier run": "outputs of an earlier run",
    "no outputs": "no outputs",
    # the words of the annual series table (kalbar_border.border.timeseries.annual_pivot)
    "pivot_not_found": "not found",
    "pivot_disagree": "disagree",
    "pivot_unverified": "UNVERIFIED",
    "pivot_caveat": "caveat",
    "pivot_partial": "partial",
    "pivot_multi": "multi",
    # the notes of the placements table (kalbar_border.border.context.placements)
    "placements_gap": "gap ({ids})",
    "placements_gap_no_row": "gap (no row)",
    "placements_conflicting": "conflicting values {values} ({ids})",
    "placements_hedged": "possibly year-to-date per source notes",
    "placements_national_missing": "national placements not found ({why})",
    "placements_disagree": "tables disagree: border_series {b} ({b_ids}) vs macro_remittances {m} ({m_ids})",
    "placements_only_border": "border_series {b} ({b_ids}) vs macro_remittances {why}",
    "placements_only_macro": "macro_remittances {m} ({m_ids}) vs border_series {why}",
    "placements_neither": "West Kalimantan not found (border_series {b_why}; macro_remittances {m_why})",
    # why a deportation batch is flagged (kalbar_border.border.deportations.flag_details)
    "flag_detail_sex_over": "sex counts {sex} > total {total}",
    "flag_detail_reasons_over": "reason counts {reasons} > total {total}",
    "flag_detail_sex_mismatch": "sex counts {sex} != total {total}",
    "flag_detail_children_apart": " (male + female + children = total: children probably counted apart)",
    "flag_detail_weekday": "weekday: {items}",
    "flag_detail_weekday_item": "'{quoted}' but {date} was a {day}",
    "flag_detail_weekday_said": "notes say weekday/date conflict",
    "flag_detail_mixed": "figures include repatriated persons",
    "flag_detail_precision": "date precision {precision}",
    "flag_detail_date_doubt": "date doubtful per date_note",
    "date_precision_month": "month",
    "date_precision_range": "range",
    "date_precision_day": "day",
    "month_abbreviations": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
    "weekday_names": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
    # codes shown in Indonesian tables as "label (code)" (kalbar_border.localize.CODED)
    "code_group_migrant": "migrant",
    "code_group_non_migrant": "non-migrant",
    # the groups of the financial context table (financial_context.csv), by code
    "code_group_account_owners": "account owners",
    "code_group_all": "everyone",
    "code_group_all_adults": "all adults",
    "code_group_all_adults_15plus": "all adults aged 15+",
    "code_group_all_migrant_workers": "all migrant workers",
    "code_group_circular": "circular migrants",
    "code_group_commuter": "commuters",
    "code_group_daily_needs": "daily needs",
    "code_group_debt_repayment": "debt repayment",
    "code_group_education": "education",
    "code_group_female": "women",
    "code_group_housing": "housing",
    "code_group_indonesian_migrant_workers_in_malaysia": "Indonesian migrant workers in Malaysia",
    "code_group_indonesian_migrants_in_malaysia": "Indonesian migrants in Malaysia",
    "code_group_investment": "investment",
    "code_group_male": "men",
    "code_group_migrant (PMI)": "migrant workers (PMI)",
    "code_group_migrant (TKI respondents)": "migrant workers (TKI respondents)",
    "code_group_migrant_hh_vs_nonmigrant_hh": "migrant vs non-migrant households",
    "code_group_migrant_vs_nonmigrant": "migrants vs non-migrants",
    "code_group_migrant_workers_from_kalimantan_barat": "migrant workers from West Kalimantan",
    "code_group_nonmigrant": "non-migrants",
    "code_group_poorest_40pct": "poorest 40 %",
    "code_group_productive_investment": "productive investment",
    "code_group_recent_migrant (migran risen)": "recent migrants (migran risen)",
    "code_group_richest_60pct": "richest 60 %",
    "code_group_rural": "rural",
    "code_group_urban": "urban",
    "code_subgroup_sex": "sex",
    "code_subgroup_area": "area",
    "code_subgroup_male": "male",
    "code_subgroup_female": "female",
    "code_subgroup_rural": "rural",
    "code_subgroup_urban": "urban",
    "code_agreement_same": "same value",
    "code_agreement_disagree": "values differ",
    "code_agreement_only_border_series": "only in border_series",
    "code_agreement_only_macro": "only in macro_remittances",
    "code_agreement_neither": "in neither table",
    "code_period_year": "full year",
    "code_period_partial_year": "part of a year",
    "code_period_multi_year": "several years",
    "code_period_undated": "undated",
    "code_flag_mixed_definitions": "mixed definitions",
    "code_flag_partial_year": "part of a year",
    "code_flag_second_hand": "second-hand source",
    "code_flag_self_contradiction": "source contradicts itself",
    "code_flag_unverified": "not verified",
    "code_flag_vintage": "several vintages",
    # notes the code writes into tables (kalbar_border.localize.local_text; keyed by the English text or a pattern)
    "note_perfect_prediction": "{n} persons with {variable} = {value} left out: all have {indicator} = {y} "
                               "(perfect prediction)",
    "note_wdi_snapshot": "World Bank WDI, {date} (snapshot commit date), commit {commit}",
    "note_zero_cell": "every {group} has indicator = {y} (zero cell)",
    "no design-based test (a share is 0 or 1)": "no design-based test (a share is 0 or 1)",
    "difference CI by MOVER": "difference CI by MOVER",
    "design-based t-test of the log odds ratio (df = test_df: the smaller group's domain df, at most PSUs - strata - 1 "
    "as svyglm)": "design-based t-test of the log odds ratio (df = test_df: the smaller group's domain df, at most "
                  "PSUs - strata - 1 as svyglm)",
    "batches found in news reports, not all batches of the year":
        "batches found in news reports, not all batches of the year",
    "low (second-hand, unknown base)": "low (second-hand, unknown base)",
    # units of the raw tables (keyed by the English text)
    "IDR": "IDR",
    "IDR or US$": "IDR or US$",
    "billion IDR": "billion IDR",
    "billion IDR (June 2012, 700 transfers)": "billion IDR (June 2012, 700 transfers)",
    "billion IDR per year": "billion IDR per year",
    "cases": "cases",
    "complaints": "complaints",
    "complaints (UNVERIFIED)": "complaints (UNVERIFIED)",
    "current US$": "current US$",
    "million persons": "million persons",
    "path coefficient (beta)": "path coefficient (beta)",
    "percent": "percent",
    "percent (index)": "percent (index)",
    "percent (index, rounded as quoted)": "percent (index, rounded as quoted)",
    "percent change 2020->2021": "percent change 2020->2021",
    "percent of GDP": "percent of GDP",
    "percent of estimated remittance flow (about)": "percent of estimated remittance flow (about)",
    "percent of remittances": "percent of remittances",
    "percent of remittances sent": "percent of remittances sent",
    "persons (1 Jan-27 Feb 2024)": "persons (1 Jan-27 Feb 2024)",
    "persons (1 Jan-4 May 2024)": "persons (1 Jan-4 May 2024)",
    "persons (20 Mar-28 Jun 2021)": "persons (20 Mar-28 Jun 2021)",
    "persons (H1 2020)": "persons (H1 2020)",
    "persons (H1 2021)": "persons (H1 2021)",
    "persons (Jan-26 Apr 2021)": "persons (Jan-26 Apr 2021)",
    "persons (Jan-Feb 2026)": "persons (Jan-Feb 2026)",
    "persons (Jan-Jul 2019)": "persons (Jan-Jul 2019)",
    "persons (Jan-Oct 2016)": "persons (Jan-Oct 2016)",
    "persons (Mar-5 Nov 2020)": "persons (Mar-5 Nov 2020)",
    "persons (cumulative year-to-date)": "persons (cumulative year-to-date)",
    "persons (lower bound, to 19 Sep 2021)": "persons (lower bound, to 19 Sep 2021)",
    "persons (to 25 Oct 2025)": "persons (to 25 Oct 2025)",
    "persons (to 28 Mar 2022)": "persons (to 28 Mar 2022)",
    "trillion IDR": "trillion IDR",
    # series names of macro_remittances (keyed by the English text)
    "BI estimated stock of Indonesian migrant workers abroad":
        "BI estimated stock of Indonesian migrant workers abroad",
    "BI remittances of Indonesian migrant workers (remitansi PMI), total":
        "BI remittances of Indonesian migrant workers (remitansi PMI), total",
    "BI remittances of Indonesian migrant workers, half-year":
        "BI remittances of Indonesian migrant workers, half-year",
    "BI remittances of PMI from Malaysia": "BI remittances of PMI from Malaysia",
    "BP2MI placements of Indonesian migrant workers (penempatan PMI)":
        "BP2MI placements of Indonesian migrant workers (penempatan PMI)",
    "BP2MI placements to Malaysia": "BP2MI placements to Malaysia",
    "BP3MI Kalbar placements of PMI (origin West Kalimantan)":
        "BP3MI Kalbar placements of PMI (origin West Kalimantan)",
    "BPS_stated remittances share of GDP (range, last five years)":
        "BPS_stated remittances share of GDP (range, last five years)",
    "Deportations/returns of Indonesian workers via West Kalimantan border":
        "Deportations/returns of Indonesian workers via West Kalimantan border",
    "Illegal migrant workers recorded by Indonesia (as reported in Anggita et al.)":
        "Illegal migrant workers recorded by Indonesia (as reported in Anggita et al.)",
    "Illegal migrant workers recorded by Malaysia (as reported in Anggita et al.)":
        "Illegal migrant workers recorded by Malaysia (as reported in Anggita et al.)",
    "Indonesians working abroad (World Bank estimate)": "Indonesians working abroad (World Bank estimate)",
    "KNOMAD bilateral remittance estimate, Malaysia -> Indonesia":
        "KNOMAD bilateral remittance estimate, Malaysia -> Indonesia",
    "KNOMAD/World Bank estimate as reported (personal remittances received)":
        "KNOMAD/World Bank estimate as reported (personal remittances received)",
    "Remittances of PMI in rupiah (as stated by BP2MI/KemenP2MI)":
        "Remittances of PMI in rupiah (as stated by BP2MI/KemenP2MI)",
    "Remittances of PMI to West Kalimantan (quarter)": "Remittances of PMI to West Kalimantan (quarter)",
    "Remittances of registered PMI from West Kalimantan (annual, stated)":
        "Remittances of registered PMI from West Kalimantan (annual, stated)",
    "WDI_BX.TRF.PWKR.CD.DT personal remittances received": "WDI_BX.TRF.PWKR.CD.DT personal remittances received",
    "WDI_BX.TRF.PWKR.DT.GD.ZS personal remittances received (% of GDP)":
        "WDI_BX.TRF.PWKR.DT.GD.ZS personal remittances received (% of GDP)",
    "WDI_NY.GDP.MKTP.CD GDP (for computing remittances % GDP)":
        "WDI_NY.GDP.MKTP.CD GDP (for computing remittances % GDP)",
    # what each border series counts, as border_series defines it (keyed by the English text)
    "Complaints (pengaduan) about Indonesian migrant workers received by BP2MI, all placement countries, calendar year":
        "Complaints (pengaduan) about Indonesian migrant workers received by BP2MI, all placement countries, "
        "calendar year",
    "BP2MI complaints from PMI whose placement country is Malaysia":
        "BP2MI complaints from PMI whose placement country is Malaysia",
    "Indonesian citizens deported by Malaysian Immigration (Jabatan Imigresen) from Sarawak, KJRI Kuching records (deportations go via ICQS Tebedu - PLBN Entikong)":
        "Indonesian citizens deported by Malaysian Immigration (Jabatan Imigresen) from Sarawak, KJRI Kuching "
        "records (deportations go via ICQS Tebedu - PLBN Entikong)",
    "Registered PMI placements processed by BP3TKI/UPT BP2MI/BP3MI Pontianak (Kalbar)":
        "Registered PMI placements processed by BP3TKI/UPT BP2MI/BP3MI Pontianak (Kalbar)",
    "KJRI Kuching cumulative count of WNI/PMI-B deported by Jabatan Imigresen Sarawak, period: Jan-Mar 2023":
        "KJRI Kuching cumulative count of WNI/PMI-B deported by Jabatan Imigresen Sarawak, period: Jan-Mar 2023",
    "WNI deported from Malaysia via Entikong, BP2MI Entikong data":
        "WNI deported from Malaysia via Entikong, BP2MI Entikong data",
    "WNI deportees facilitated through PLBN Entikong in 2023 (BNPP monitoring with immigration & health quarantine)":
        "WNI deportees facilitated through PLBN Entikong in 2023 (BNPP monitoring with immigration & health "
        "quarantine)",
    "Problem WNI/PMI returned via PLBN Entikong in 2022 (BP3MI Kalbar)":
        "Problem WNI/PMI returned via PLBN Entikong in 2022 (BP3MI Kalbar)",
    "WNI returned via PLBN Entikong Jan-Jul 2019 incl. deportation, repatriation, sick and deceased (P4TKI Entikong)":
        "WNI returned via PLBN Entikong Jan-Jul 2019 incl. deportation, repatriation, sick and deceased (P4TKI "
        "Entikong)",
    "'PMIB' entering via PLBN Entikong counted by the border COVID task force (total crossers 8,081)":
        "'PMIB' entering via PLBN Entikong counted by the border COVID task force (total crossers 8,081)",
    "WNI/PMI returned with problems in 2022 via PLBN Entikong and Supadio airport (BP3MI Kalbar)":
        "WNI/PMI returned with problems in 2022 via PLBN Entikong and Supadio airport (BP3MI Kalbar)",
    "PMI returns (deportation or repatriation) facilitated by BP2MI Kalbar in 2020":
        "PMI returns (deportation or repatriation) facilitated by BP2MI Kalbar in 2020",
    "Problem PMI whose return was facilitated by UPT BP2MI Pontianak, Jan-Jun 2020":
        "Problem PMI whose return was facilitated by UPT BP2MI Pontianak, Jan-Jun 2020",
    "PMI deported by Malaysia, H1 2020, facilitated by UPT BP2MI Pontianak":
        "PMI deported by Malaysia, H1 2020, facilitated by UPT BP2MI Pontianak",
    "'More than 2,000' PMI Terkendala (deported by Malaysia or via KJRI Kuching) facilitated by UPT BP2MI Pontianak in 2021":
        "'More than 2,000' PMI Terkendala (deported by Malaysia or via KJRI Kuching) facilitated by UPT BP2MI "
        "Pontianak in 2021",
    # column headings of the tables the notebooks show (kalbar_border.localize.table): col_<column>
    "col_value": "value",
    "col_table": "table",
    "col_flag": "flag",
    "col_date": "date",
    "col_date_precision": "date precision",
    "col_parameter": "parameter",
    "col_why": "why",
    "col_year": "year",
    "col_series": "series",
    "col_unit": "unit",
    "col_definition": "definition",
    "col_publisher": "publisher",
    "col_row_id": "row id",
    "col_source_id": "source id",
    "col_note": "note",
    "col_notes": "notes",
    "col_period_kind": "kind of period",
    "col_published_date": "published",
    "col_published_date_note": "why no published date",
    "col_accessed": "accessed",
    "col_cites": "cites",
    "col_publishers": "publishers",
    "col_hosts": "web sites",
    "col_published": "published",
    "col_published_notes": "notes on the published dates",
    "col_distinct_publishers": "different publishers",
    "col_distinct_sites": "different web sites",
    "col_cite_each_other": "one names another",
    "col_dates_differ": "different dates",
    "col_independent": "independent",
    "col_geography": "geography",
    "col_confidence": "confidence",
    "col_snapshot": "snapshot",
    # border series (notebook 02)
    "col_start_year": "start year",
    "col_end_year": "end year",
    "col_start_value": "start value",
    "col_end_value": "end value",
    "col_percent_change": "change (%)",
    "col_percent_change_1dp": "change (%), one decimal",
    "col_start_row_ids": "row ids of the start value",
    "col_end_row_ids": "row ids of the end value",
    "col_national_placements": "national placements",
    "col_national_row_id": "row id, national",
    "col_kalbar_border_series": "West Kalimantan placements (border_series)",
    "col_kalbar_border_series_row_id": "row id (border_series)",
    "col_kalbar_macro": "West Kalimantan placements (macro_remittances)",
    "col_kalbar_macro_row_id": "row id (macro_remittances)",
    "col_kalbar_placements": "West Kalimantan placements",
    "col_kalbar_row_ids": "row ids, West Kalimantan",
    "col_kalbar_agreement": "agreement of the two tables",
    # Entikong deportation batches (notebook 03)
    "col_events flagged": "events flagged",
    "col_event_id": "event id",
    "col_deportation_date": "deportation date",
    "col_total_deported": "persons deported",
    "col_male": "male",
    "col_female": "female",
    "col_children": "children",
    "col_male_n": "male, number",
    "col_female_n": "female, number",
    "col_children_n": "children, number",
    "col_flag_detail": "why flagged",
    "col_batches_found": "batches found",
    "col_persons": "persons",
    "col_batches_with_sex": "batches giving sex",
    "col_batches_with_reason": "batches giving a reason",
    "col_no_passport": "without passport",
    "col_no_work_permit": "without work permit",
    "col_batches_with_kalbar": "batches giving West Kalimantan origin",
    "col_from_kalbar": "from West Kalimantan",
    "col_kalbar_base_persons": "persons in batches giving origin",
    "col_share_from_kalbar": "share from West Kalimantan",
    "col_batches_flagged": "batches flagged",
    # remittances (notebook 04)
    "col_remittances_usd": "remittances (current US$)",
    "col_gdp_usd": "GDP (current US$)",
    "col_share_pct": "remittances, % of GDP",
    "col_remittances_row_id": "row id, remittances",
    "col_gdp_row_id": "row id, GDP",
    # migrants and non-migrants (notebooks 05 and 06); shares are fractions 0-1
    "col_migrant_definition": "migrant definition",
    "col_meaning": "meaning",
    "col_province": "province",
    "col_population": "population",
    "col_group": "group",
    "col_migrant": "migrants",
    "col_non_migrant": "non-migrants",
    "col_subgroup": "subgroup",
    "col_subgroup_value": "subgroup value",
    "col_n": "n (rows in the model)",
    "col_n_unweighted": "n (unweighted)",
    "col_n_migrant": "n, migrants",
    "col_n_non_migrant": "n, non-migrants",
    "col_n_clusters": "clusters",
    "col_count_unweighted": "events (unweighted)",
    "col_count_migrant": "events, migrants",
    "col_count_non_migrant": "events, non-migrants",
    "col_share_weighted": "weighted share",
    "col_share_migrant": "share, migrants",
    "col_share_non_migrant": "share, non-migrants",
    "col_ci_low": "95 % CI, lower bound",
    "col_ci_high": "95 % CI, upper bound",
    "col_deff": "design effect",
    "col_difference": "difference (migrants minus non-migrants)",
    "col_difference_ci_low": "difference, 95 % CI lower bound",
    "col_difference_ci_high": "difference, 95 % CI upper bound",
    "col_odds_ratio": "odds ratio",
    "col_odds_ratio_ci_low": "odds ratio, 95 % CI lower bound",
    "col_odds_ratio_ci_high": "odds ratio, 95 % CI upper bound",
    "col_t": "t",
    "col_p_value": "p-value",
    "col_p_holm": "p-value, Holm within the family",
    "col_p_holm_dataset": "p-value, Holm across the survey",
    "col_cohens_h": "Cohen's h",
    "col_small_group": "small group",
    "col_fewest_events": "fewest events",
    "col_few_events": "too few events",
    "col_significant_holm": "holds after Holm (family)",
    "col_significant_holm_dataset": "holds after Holm (survey)",
    "col_test": "test",
    "col_n_ame": "n (average marginal effect)",
    "col_covariates": "covariates",
    "col_ame": "average marginal effect",
    "col_ame_se": "average marginal effect, standard error",
    "col_ame_ci_low": "average marginal effect, 95 % CI lower bound",
    "col_ame_ci_high": "average marginal effect, 95 % CI upper bound",
    "col_ame_p_value": "average marginal effect, p-value",
    "col_design_df": "design degrees of freedom",
    "col_few_df": "too few degrees of freedom",
    "col_df": "domain degrees of freedom",
    "col_significant_family": "significant after Holm (definition's family)",
    "col_significant_dataset": "significant after Holm (whole dataset)",
    "col_ame_excludes_zero": "adjusted effect's 95 % CI excludes 0",
    "col_holds": "difference holds",
    "col_disagreement": "what disagrees",
    "col_share_ci_n": "share (95 % CI), n",
    "col_strata": "strata",
    "col_psus": "primary sampling units (PSUs)",
    # the claims ledger (notebook 07)
    "col_checked": "what was checked",
    "col_explanation": "explanation",
    "col_expected_status": "reviewed status",
    # notebooks' closing sections, what each found and its limits (kalbar_border.texts.findings):
    # findings_<notebook> is a list of paragraphs, each a template whose {placeholders} are filled
    # from the values the notebook recorded in this run; no number is typed in.
    # -- notebooks 02-04
    # Dotted keys are the notebook's recorded results (results/<notebook>.json); plain names are
    # computed in the findings cell from this run's tables. Years enter as text, so they are not
    # written "2,019"; the years of the article's own claims (2019, 2020) are words of the claim.
    "findings_02_border_series": [
                                     "**{border.bp2mi_complaints_total.2019:n} counts complaints, not illegal "
                                     "workers.** The article's 2019 figure is exactly the number of complaints "
                                     "about Indonesian migrant workers received in 2019 by BP2MI (Badan "
                                     "Pelindungan Pekerja Migran Indonesia, the national agency for the protection "
                                     "of migrant workers), as {border.bp2mi_complaints_total.2019_sources:n} "
                                     "independent secondary sources report it. It is a national count for all "
                                     "placement countries, not West Kalimantan's, and a complaint is a case, not a "
                                     "person, lodged by documented and undocumented workers alike: the series is "
                                     "at best proxy data for migrant workers' problems, not a headcount of illegal "
                                     "workers.",
                                     "**In 2020 national complaints fell while the border's deportations rose.** "
                                     "Complaints went from {border.bp2mi_complaints_total.2019:n} to "
                                     "{border.bp2mi_complaints_total.2020:n} "
                                     "({border.bp2mi_complaints_total.change_2019_2020_pct:pct} %), the abstract's "
                                     "\"drastic decrease\". Deportations of Indonesians from Sarawak recorded by "
                                     "KJRI Kuching (Konsulat Jenderal Republik Indonesia, the Indonesian "
                                     "consulate-general in Kuching), the cleanest annual series for this border, "
                                     "went from {border.kjri_kuching_deportations_sarawak.2019:n} to "
                                     "{border.kjri_kuching_deportations_sarawak.2020:n} "
                                     "({border.kjri_kuching_deportations_sarawak.change_2019_2020_pct:pct} %) in "
                                     "the same year. Whether the claim holds depends on which series the article "
                                     "means; on the border's own series it does not.",
                                     "**The COVID-19 cause is not tested.** These series show when the numbers "
                                     "changed, not why: none of them separates the pandemic from other changes of "
                                     "the same year, such as Malaysia's enforcement or the way complaints were "
                                     "collected, so the article's explanation remains a hypothesis.",
                                     "**\"Malaysia recorded {paper_malaysia_2019:n}\" rests on the abstract "
                                     "alone.** The only row carrying {paper_malaysia_2019:n} cites the article's "
                                     "abstract itself (independent sources found: "
                                     "{border.bp2mi_complaints_malaysia.2019_independent_sources:n}). It would fit "
                                     "2019 BP2MI complaints from workers placed in Malaysia, but that reading is a "
                                     "hypothesis, and the figure is shown only as the article's claim.",
                                     "**Data gaps.** No full-year complaint value was found for "
                                     "{complaint_gap_years}, only {complaint_partial_statements:n} statements "
                                     "covering part of a year, which are never added up into an annual total. "
                                     "Whether complaints \"fluctuated from 2019 to 2023\" (claim C2) can therefore "
                                     "be judged only up to {complaints_last_full_year}.",
                                     "**Other border counts do not form a series.** Indonesian-side counts at PLBN "
                                     "Entikong (Pos Lintas Batas Negara, the border post at Entikong) exist for "
                                     "single years and under other definitions "
                                     "({border.entikong_problem_pmi_returns.2022:n} returned migrant workers with "
                                     "problems in 2022, {border.entikong_deportees_facilitated.2023:n} deportees "
                                     "assisted in 2023) and are not mixed with the consulate's series. West "
                                     "Kalimantan's registered placements (at least "
                                     "{border.kalbar_pmi_placements.2019_lower_bound:n} in 2019, a count for part "
                                     "of the year, and {border.kalbar_pmi_placements.2020:n} in 2020) count legal "
                                     "departures, not illegal workers. The batches found in news reports (notebook "
                                     "03) are incomplete.",
                                 ],
    "findings_03_entikong_events": [
                                       "**Batches found in the news, not all batches.** From {first_year} to "
                                       "{last_year}, {batches:n} batches of Indonesians deported from Sarawak "
                                       "through PLBN Entikong (Pos Lintas Batas Negara, the border post at "
                                       "Entikong) were found in news reports, carrying {persons:n} persons. "
                                       "Coverage varies by year: the batches found per year range from "
                                       "{fewest_batches:n} ({fewest_year}) to {most_batches:n} ({most_year}). A "
                                       "year's count measures how much the news reported, not how many people were "
                                       "deported, so the yearly figures are not annual totals.",
                                       "**2019 to 2020: context, deciding no claim.** The batches found rise from "
                                       "{border.entikong_events.2019.batches_found:n} "
                                       "({border.entikong_events.2019.persons:n} persons) in 2019 to "
                                       "{border.entikong_events.2020.batches_found:n} "
                                       "({border.entikong_events.2020.persons:n} persons) in 2020: the same "
                                       "direction as the deportations from Sarawak recorded by KJRI Kuching "
                                       "(Konsulat Jenderal Republik Indonesia, the Indonesian consulate-general in "
                                       "Kuching), and the opposite of the national complaints (notebook 02). With "
                                       "so few batches found for 2019, the rise may reflect how widely the news "
                                       "reported as much as how many were deported. These are persons in batches "
                                       "found in the news, not a measure of the border, so the claims ledger shows "
                                       "them as context for C2 and C4 (role `context` in `claims_detail.csv`): "
                                       "they neither confirm nor refute the article's \"drastic decrease\".",
                                       "**Who was deported.** In the {border.entikong_events.male_share_events:n} "
                                       "batches that report both men and women, "
                                       "{border.entikong_events.male_share:pp} % of the deportees were men; in the "
                                       "{border.entikong_events.no_passport_share_events:n} batches that report "
                                       "how many had no passport, {border.entikong_events.no_passport_share:pp} % "
                                       "had none. Each share is taken over those batches only (a batch that does "
                                       "not report a count is left out, not counted as zero); the batches that "
                                       "report details need not be typical, and some reports count children among "
                                       "men and women while others do not.",
                                       "**Where the deportees came from.** In the {kalbar_batches:n} batches that "
                                       "report origin, {kalbar_share:pp} % of the deportees ({kalbar_persons:n} of "
                                       "{kalbar_base_persons:n}) were from West Kalimantan: the Entikong route is "
                                       "not a West Kalimantan matter alone. Only those batches report origin, so "
                                       "the share cannot be carried over to all deportees.",
                                       "**Reports that contradict themselves.** "
                                       "{border.entikong_events.flagged_events:n} of the {batches:n} batches carry "
                                       "at least one data-quality flag (parts larger than the total, a weekday "
                                       "that does not match the date, deportees mixed with repatriated persons, "
                                       "children counted or not). They are kept and flagged, not dropped, so every "
                                       "figure above includes them; section 1 gives the reasons.",
                                   ],
    "licensed_part_definition": "{item}, definition {definition} (licensed file)",
    "licensed_part_group": "{item}, {group} (licensed file)",
    "licensed_item_sent_money_or_goods": "sent money or goods",
    "licensed_item_received_money_or_goods": "received money or goods",
    "licensed_item_any_investment": "any investment",
    "explain_licensed_holds": "difference {difference} percentage points (95 % CI {low} to {high}), Holm-adjusted "
                              "p {p}: the difference holds",
    "explain_licensed_within_margin": "difference {difference} percentage points (95 % CI {low} to {high}): no "
                                      "difference holds, and the whole interval lies within ±{margin} percentage "
                                      "points",
    "explain_licensed_undetermined": "difference {difference} percentage points (95 % CI {low} to {high}): the "
                                     "difference does not hold, and the interval is too wide (or flagged) to rule "
                                     "out a difference of {margin} percentage points",
    "explain_licensed_low": "share {share} % (95 % CI {low} to {high} %), threshold {threshold} %",
    "explain_licensed_no_item": "the licensed file's map names no item this claim needs",
    "licensed_status_note": "Computed from a licensed BPS file supplied by the researcher ({survey}, {year}; "
                            "sha256 {sha}), not from public data: readers without that file cannot check it, and "
                            "the ledger's lock does not apply.",
    "report_user_supplied": "user-supplied: never downloaded, never committed",
    "report_supplied_intro": "Files supplied by the user for this run (by file name and sha256):",
    "report_licensed_banner": "Built on licensed data: this report includes results of notebook 08 computed from a "
                              "licensed BPS file supplied by the researcher (sha256 {sha}). That file is not part "
                              "of the compendium and cannot be redistributed; readers without it cannot rerun "
                              "those results. Claims judged on it are marked as such.",
    # -- notebooks 05-07
    "findings_07_claims": [
                              "**What holds.** Of the {total:n} claims of the abstract, {reproduced:n} reproduced "
                              "as worded. {number_traced_meaning_differs:n} has its number traced to a source that "
                              "counts something else (C3a: the article's figure for 2019 is a count of complaints "
                              "to BP2MI, Badan Pelindungan Pekerja Migran Indonesia, not of illegal workers), "
                              "{partly_supported:n} are partly supported: of the series that count their subject, "
                              "some support them and the others contradict them (C2, C4), {contradicted:n} "
                              "contradicted, and {not_checkable:n} cannot be checked with public data.",
                              "**The fall of 2020 (C4).** {c4_supports:n} of {c4_series:n} evidence series falls "
                              "by at least the threshold (national complaints), while {c4_contradicts:n} border "
                              "series rises (deportations from Sarawak recorded by KJRI, Konsulat Jenderal "
                              "Republik Indonesia, in Kuching). West Kalimantan's registered legal placements and "
                              "the Entikong batches found in the news are shown as context and decide nothing. The "
                              "COVID-19 cause is not tested by any series.",
                              "**The financial claims (C5, C6)** cannot be checked: their likely source, the BPS "
                              "mobility analysis of Sakernas 2022, is identified, but no copy we could reach holds "
                              "its tables, and the 2020 microdata used here have no remittance or investment item. "
                              "The public context (OJK survey indices, a World Bank corridor study) describes "
                              "everyone, not migrants against non-migrants.",
                              "**Limits of the verdicts.** The rules were fixed on {rules_fixed}, after the data "
                              "had been seen; each threshold is stated with its reason, and every series value is "
                              "shown so a reader can apply another. A status judges the article's claims against "
                              "public figures that stand in for its unpublished data; it is not a verdict on those "
                              "data.",
                          ],
    "findings_none": "none",
    # one estimate inside a findings text: {indicator} and {dataset} are codes, values fractions 0-1
    "findings_estimate_item": "{indicator} ({dataset}) {value:pp} pp (95 % CI {low:pp} to {high:pp})",
    "findings_05_finance_comparison": [
                                          "**Proxy data.** The public microdata are those of BPS (Badan Pusat "
                                          "Statistik, Statistics Indonesia) for {province}: Susenas (Survei Sosial "
                                          "Ekonomi Nasional, the national socio-economic survey) March 2020 and "
                                          "Sakernas (Survei Angkatan Kerja Nasional, the national labour force "
                                          "survey) August 2020. They stand in for West Kalimantan, which the paper "
                                          "is about, and the migrants in them are internal migrants. Returnees "
                                          "from abroad, the group nearest to the paper's migrant workers, number "
                                          "{returnees_susenas:n} persons aged 15+ in Susenas (domain degrees of "
                                          "freedom: {returnees_susenas_df:n}). In Sakernas they number "
                                          "{returnees_sakernas:n} persons aged 15+, of whom "
                                          "{returnees_sakernas_answered:n} answered the item compared (the n of "
                                          "each comparison counts only those with an answer). They are too few to "
                                          "say anything about.",
                                          "**Raw differences.** For the default definition ({definition}; "
                                          "{definition_meaning}), persons aged 15+: "
                                          "{finance.indicators_significant_holm:n} of "
                                          "{finance.indicators_tested:n} indicators differ after Holm within the "
                                          "definition's own family, and "
                                          "{finance.indicators_significant_holm_dataset:n} in the dataset-wide "
                                          "family, which is the one to read because no definition was chosen "
                                          "before the data were seen. The largest raw difference is {largest}.",
                                          "**Rare events.** Comparisons of the default definition that rest on "
                                          "fewer than {few_events_threshold:n} people with (or without) the item "
                                          "in a group: {finance.indicators_few_events:n}. They are shown with "
                                          "their intervals and never called significant.",
                                          "**Survey design.** Susenas carries its strata and primary sampling "
                                          "units (PSUs). Sakernas carries no stratum variable: strata were built "
                                          "as district × urban/rural ({sakernas_strata:n} strata) with the sample "
                                          "blocks as PSUs ({sakernas_psus:n}). If the strata BPS actually used are "
                                          "not close to these, the Sakernas variances, and so its intervals and "
                                          "tests, may be somewhat off.",
                                          "**What cannot be checked.** Neither file asks about sending money or "
                                          "goods (remittances) or about investment: claims C5 and C6 are not "
                                          "checkable with these data, a data gap, not a finding. Whether a "
                                          "difference holds once the test family, the small-sample rules and the "
                                          "adjusted effect are read together is settled in notebook 06's "
                                          "robustness table.",
                                      ],
    "findings_06_finance_models": [
                                      "**Proxy data.** {province} (BPS, Badan Pusat Statistik: Susenas, Survei "
                                      "Sosial Ekonomi Nasional, March 2020; Sakernas, Survei Angkatan Kerja "
                                      "Nasional, August 2020) stands in for West Kalimantan, and its migrants are "
                                      "internal migrants. Returnees from abroad, the group nearest to the paper's "
                                      "migrant workers, number "
                                      "{finance.susenas.persons15.returned_abroad.n_migrant:n} persons aged 15+ in "
                                      "Susenas (domain degrees of freedom: "
                                      "{finance.susenas.persons15.returned_abroad.df_migrant:n}). In Sakernas they "
                                      "number {finance.sakernas.persons15.returned_abroad.n_migrant:n} persons "
                                      "aged 15+, of whom {finance.sakernas.persons15.returned_abroad.n_answered:n} "
                                      "answered the item compared. They are too few to model or to say anything "
                                      "about.",
                                      "**Adjusted effects.** For the default definition ({definition}), the "
                                      "average marginal effect (AME: the difference in the probability of having "
                                      "the item between migrants and non-migrants, adjusted for age, sex, "
                                      "education, urban/rural and working status) has a 95 % interval that "
                                      "excludes zero for: {ame_excluding}. An AME is an adjusted association, not "
                                      "the effect of migrating.",
                                      "**What holds.** Read in the dataset-wide family (Holm across every test of "
                                      "a survey). {holm_family} For persons 15+ under the default definition, "
                                      "{default_holds:n} of the {default_eligible:n} eligible comparisons hold (a "
                                      "comparison holds when the test, the small-sample rules and the adjusted "
                                      "effect all agree). {holds_rule} What disagrees: {default_disagreements}.",
                                      "**Across definitions.** Of {finance.robustness.eligible:n} eligible "
                                      "comparisons (every definition and population), {finance.robustness.holds:n} "
                                      "hold: {holding}. Workers 15+ are a subset of persons 15+, so these are "
                                      "{finance.robustness.holds_distinct:n} distinct differences. Of the eligible "
                                      "comparisons that do not hold, {finance.robustness.inconclusive:n} are "
                                      "inconclusive (their 95 % interval reaches beyond the equivalence margin). "
                                      "{finance.robustness.no_difference_shown:n} show no difference (the whole "
                                      "interval within the margin). {equivalence_margin} A difference that appears "
                                      "under one definition only is a reason for caution, not a finding.",
                                      "**What cannot be checked.** Neither file asks about sending money or goods "
                                      "(remittances) or about investment: claims C5 and C6 are not checkable here. "
                                      "The BPS tables that would settle them are a data gap "
                                      "({finance.public_remittance_table_gaps:n} rows of the context table); the "
                                      "Sakernas strata are constructed (district × urban/rural, sample blocks as "
                                      "primary sampling units), so its variances are approximate.",
                                  ],
    # what disagrees in a comparison that does not hold (kalbar_border.finance.robustness.reasons)
    "robust_small_group": "small group ({n_migrant:n} migrants; the rule: fewer than {small_n:n}, or an expected "
                          "count below {small_expected:n})",
    "robust_few_events": "too few events or non-events in a group (fewer than {few:n}, or {few_low_deff:n} with a "
                         "design effect below 1)",
    "robust_few_df": "a group's domain has fewer than {min_df:n} degrees of freedom",
    "robust_no_test": "no design-based test (a share is 0 or 1)",
    "robust_family_only": "significant in its definition's family only (dataset-wide p = {p_holm_dataset:p})",
    "robust_not_significant": "not significant after Holm in either family (p = {p_holm:p} in its definition's "
                              "family, {p_holm_dataset:p} dataset-wide)",
    "robust_no_model": "no adjusted model",
    "robust_ame_includes_zero": "adjusted effect's 95 % CI includes 0 ({ame_ci_low:pp} to {ame_ci_high:pp} pp)",
    "robust_ame_excludes_zero": "adjusted effect's 95 % CI excludes 0 ({ame_ci_low:pp} to {ame_ci_high:pp} pp) but "
                                "the test does not confirm it",
    "robust_ame_opposite_sign": "adjusted effect has the opposite sign to the raw difference ({ame:pp} pp, 95 % CI "
                                "{ame_ci_low:pp} to {ame_ci_high:pp})",
    # merged from main (issues 30, 31, 33): moved into the catalogue by make i18n-migrate
    "check_hint_precision": "{given} is right to {fewer:n} decimal places, but the question asks for {decimals:n}: "
                            "give {decimals:n}",
    "check_run_above": "run the cells above first (Run > Run All Above): {name} is not defined in this kernel",
    "check_data_changed": "the data changed after the run that made them: {files} no longer match the checksums "
                          "that run recorded ({record}), so the answer is not judged; make them again with `make "
                          "reproduce ONLY=01 FORCE=1`",
    "check_source_changed": "the source table changed: {files} no longer matches its sha256 in "
                            "data/datapackage.json, so the answer is not judged; restore it with `git checkout -- "
                            "{files}`",
    "student_microdata_missing": "stopped: the microdata ({files}) are not in {folder}; put them there or set "
                                 "COMPENDIUM_DATA_DIR (teaching/README.md, Offline class), then run this cell again",
    "student_stopped": "not run: the microdata are missing (see the first code cell)",
    "student_error": "error",
    "student_run_in_order": "**Run the cells in order, from the top.** The first two code cells (the parameters "
                            "and the set-up) set what the others need. After opening this notebook or restarting "
                            "its kernel, click the cell you want and choose *Run > Run All Above*, then run it.",
    "student_kept": "kept {path}: it differs from the copy written last time; the new copy is {new}",
    "check_hint_05_2_per_definition": "that is each definition's own family (significant_holm); the exercise asks "
                                      "for the survey-wide family (significant_holm_dataset), the one section 3 "
                                      "says to read",
    "trade_share_entikong": "Trade through PLBN Entikong, % of Sanggau's GRDP",
    "trade_share_aruk": "Trade through PLBN Aruk, % of Sambas's GRDP",
    "trade_share_nanga_badau": "Trade through PLBN Nanga Badau, % of Kapuas Hulu's GRDP",
    "trade_share_jagoi_babang": "Trade through PLBN Jagoi Babang, % of Bengkayang's GRDP",
    "remittance_share_kalbar": "Remittances of West Kalimantan's registered migrant workers, % of the province's "
                               "GRDP",
    "explain_material_share": "{n} year(s) with a share of GRDP: {material} at or above {threshold} %, {below} "
                              "below it, {unknown} with only a lower bound below it",
    "kind_too_few_public_rows": "too few public rows",
    "kind_def_too_few_public_rows": "Public sources give fewer years than the rule needs; the rows found are cited.",
    "code_bound_exact": "exact",
    "code_bound_lower_bound": "lower bound",
    "code_area_regency": "the regency",
    "code_area_province": "the province",
    "col_post": "border post",
    "col_regency": "regency",
    "col_exports_idr": "exports, rupiah",
    "col_exports_kind": "exports: period",
    "col_imports_idr": "imports, rupiah",
    "col_imports_kind": "imports: period",
    "col_trade_idr": "trade (exports + imports), rupiah",
    "col_trade_kind": "trade: exact or lower bound",
    "col_grdp_idr": "GRDP at current prices, rupiah",
    "col_grdp_area": "GRDP of",
    "col_share_of_grdp_pct": "% of GRDP",
    "col_share_kind": "share: exact or lower bound",
    "col_missing": "no public row for",
    "col_trade_row_ids": "trade rows",
    "col_grdp_row_ids": "GRDP rows",
    "col_row_ids": "source rows",
    "col_remittance_idr": "remittances, rupiah",
    "licensed_part_group_definition": "{item}, {group}, definition {definition} (licensed file)",
    "licensed_few_events_part": "few events: {yes} yes and {no} no answers (fewer than {minimum} of either, or "
                                "fewer than twice that with a design effect below 1)",
    "licensed_few_events_counts": "{yes} yes and {no} no answers",
    "licensed_few_events_noted": "Few events in {groups}: the survey variance of so few yes (or no) answers is "
                                 "poorly estimated, so read those intervals with care; by the rule (claims.yml, "
                                 "C6, few_events: noted) their verdicts stand.",
    "licensed_few_events_undetermined": "Few events in {groups}: the survey variance of so few yes (or no) answers "
                                        "is poorly estimated; by the rule (claims.yml, C6, few_events: "
                                        "undetermined) those groups cannot decide.",
    "licensed_item_investment_type": "investment type {code}",
    "fig_licensed_shares_title": "Sending money or goods and investing, by migration status (licensed BPS file)",
    "fig_licensed_shares_caption": "Weighted shares by migration status, one panel per migrant definition of the "
                                   "map, with design-based 95 % confidence intervals (strata, PSUs, weights); n is "
                                   "the rows compared in each group. Computed from a licensed BPS file ({survey}, "
                                   "{year}; sha256 {sha}) that is not part of the compendium.",
    "source_licensed_file": "BPS, {survey} ({year}), licensed file supplied by the researcher, sha256 {sha}",
    "col_reason": "reason",
    "col_code": "code",
    "col_answer": "answer (value label of the file)",
    "code_group_no_status": "no migration status",
    "code_reason_outside_province": "outside the province",
    "code_reason_zero_weight": "zero weight",
    "code_reason_not_in_population": "not in the population compared",
    "code_reason_no_migration_status": "no migration status",
    "code_reason_answer_left_out": "don't know or missing (neither yes nor no)",
    "code_reason_analysed": "compared",
    "report_licensed_left_out": "Rows left out of the licensed file's comparison: {zero} with a zero weight "
                                "(design.drop_nonpositive_weights in the map; {groups}); the answers neither yes "
                                "nor no, per item and group, are in results/licensed_excluded.csv.",
    "report_licensed_group_count": "{group} {n}",
    "check_hint_thousands_dot": "in Python a dot is the decimal point, not a thousands separator: write {python}, "
                                "not {given}",
    "check_hint_05_2_column": "list the definitions whose significant_holm_dataset is True for online_sell "
                              "(Susenas, persons 15+)",
    "findings_08_remittances_investment": [
                                              "**Data.** {licensed.survey} ({licensed.year}), one row per {unit}, "
                                              "supplied by the researcher under a BPS licence, checksum "
                                              "{licensed.file_sha256_short}. The file is not part of the "
                                              "compendium and readers without it cannot rerun these numbers; the "
                                              "run record and the report name the file by its checksum.",
                                              "**Tests.** {licensed.tests:n} tests (each item under each migrant "
                                              "definition the map names) form one Holm family, fixed before any "
                                              "licensed file was seen; {licensed.holding:n} differences hold "
                                              "(Holm-adjusted p below {alpha}, and no small-group, few-events or "
                                              "few-degrees-of-freedom flag). The primary definition, the first the "
                                              "map names, is {licensed.primary_definition}.",
                                              "**Rows left out.** {licensed.zero_weight_rows:n} rows of the "
                                              "province with a zero weight were left out (the map allows it with "
                                              "design.drop_nonpositive_weights; without it a zero weight stops the "
                                              "run, as a negative one always does). Answers that are neither yes "
                                              "nor no (don't know, refused, blank) are left out of each item; "
                                              "section 2 counts, per item, definition and group, every row left "
                                              "out and why, and names each code by the file's value label.",
                                              "**Limits.** Which codes count as migrant, as sending or receiving "
                                              "money or goods and as investing are the researcher's choices, "
                                              "printed in section 1 and recorded in the map; another reading of "
                                              "the questionnaire gives other numbers. No adjusted model is fitted "
                                              "(the map names no covariates), so a difference may reflect age, sex "
                                              "or work rather than migration. The claims ledger reads these "
                                              "results for C5 and C6 and marks the statuses as computed from "
                                              "licensed data.",
                                          ],
    "findings_04_remittances_context": [
                                           "**Remittances received by Indonesia, nationally.** Personal "
                                           "remittances received by Indonesia, from the World Bank's WDI (World "
                                           "Development Indicators), went from US$ {first_busd:d1} billion in "
                                           "{first_year} to US$ {last_busd:d1} billion in {last_year}, between "
                                           "{lowest_share_pct:d1} % and {highest_share_pct:d1} % of gross domestic "
                                           "product (GDP) in every year. They are national figures for all "
                                           "destination countries: no annual remittance series for West Kalimantan "
                                           "was found, so they cannot show what the border economy receives (claim "
                                           "C1) and are at most proxy data for the economic context the article "
                                           "describes.",
                                           "**2020.** Remittances went from US$ "
                                           "{context.wdi_remittances.2019.remittances_busd:d1} billion in 2019 to "
                                           "US$ {context.wdi_remittances.2020.remittances_busd:d1} billion in 2020 "
                                           "({context.wdi_remittances.change_2019_2020_pct:pct} %). The change "
                                           "falls in the year of the pandemic, but a national total of money "
                                           "received says nothing about how many workers crossed the border "
                                           "illegally, and it does not test the COVID-19 cause of claim C4.",
                                           "**One vintage, nothing spliced.** Remittances and GDP come from one "
                                           "and the same WDI snapshot, and the code refuses to divide values from "
                                           "different snapshots; a later WDI release may revise every value. Bank "
                                           "Indonesia (BI) remittance figures come from press reports of two "
                                           "vintages (before and after a revision) and include half-year figures: "
                                           "their {bi_rows:n} rows are shown beside the WDI series, never joined "
                                           "to it or to each other, and no change is computed from them.",
                                           "**Border-post trade (claim C1).** Public rows give trade through "
                                           "Entikong in {border.trade.entikong.years_with_trade:n} of the five "
                                           "years 2019-2023, through Aruk in "
                                           "{border.trade.aruk.years_with_trade:n}, Nanga Badau in "
                                           "{border.trade.nanga_badau.years_with_trade:n} and Jagoi Babang in "
                                           "{border.trade.jagoi_babang.years_with_trade:n}, and a GRDP at current "
                                           "prices for {border.grdp.regency_years:n} of the twenty regency-years, "
                                           "so {trade_shares:n} post-years have a share of their regency's GRDP: "
                                           "fewer years than C1's rule needs, a rule written before the rows were "
                                           "searched for (notebook 07 gives the status). As context only, the one "
                                           "cross-border flow that can be set against an economy: remittances of "
                                           "West Kalimantan's registered migrant workers were "
                                           "{border.kalbar_pmi_remittance.share_of_grdp_pct.2021:d3} % of the "
                                           "province's GRDP in 2021.",
                                           "**What this context cannot test.** A total of money received shows how "
                                           "large remittances are, not who sends them: it cannot show whether "
                                           "migrant and non-migrant workers differ in sending money or goods "
                                           "(claim C5), nor whether such a difference opens room for inclusive "
                                           "financial services. That needs survey data that ask about sending "
                                           "money or goods by migration status; the tables the article probably "
                                           "used could not be obtained (notebook 06).",
                                       ],
    # errors and lines of the pipeline, the run, verify, the teaching checks and the report
    # parts said inside several messages
    "part_and": "{items} and {last}",
    "part_or": "{items} or {last}",
    "part_and_more": "{items} and {n} more",
    "part_unknown": "unknown",
    "part_no_message": "no message",
    "part_a_folder": "a folder",
    "part_broken_link": "a symbolic link that loops or leads nowhere",
    # kalbar_border.pipeline.failures: a system error (a full disk) in one line, details in a log
    "error_failures_cannot_write": "cannot write {path}: {said}",
    "error_failures_cannot_access": "cannot access {path}: {said}",
    "error_failures_details": "(details in {log})",
    "error_failures_no_details": "(no details: {cause})",
    "error_failures_os": "{step}: {cause} {details}",
    # kalbar_border.pipeline.notebooks
    "error_notebooks_unreadable": "{path}: not a readable notebook ({kind})",
    "error_notebooks_parameter_cells": "{path}: expected exactly one cell tagged 'parameters', found {found}",
    "error_notebooks_parameter_expected": "expected NAME = a literal (number, string, True/False/None, list) on "
                                          "each line",
    "error_notebooks_parameter_syntax": "{path}: parameters cell line {line}: not valid Python ({said}); {expected}",
    "error_notebooks_parameter_assignment": "{path}: parameters cell line {line}: `{text}` is not an assignment; "
                                            "{expected}",
    "error_notebooks_parameter_literal": "{path}: parameters cell line {line}: `{text}` is not a literal; "
                                         "{expected}; compute derived values in the next cell",
    "error_notebooks_microdata_kind": "{path}: metadata kalbar.microdata is {value}; expected 'none', 'optional' "
                                      "or 'required'",
    "error_notebooks_declared_path": "{path}: declared path {template} names {name} which is not one of its "
                                     "parameters",
    "error_notebooks_none_found": "{folder}: no notebooks named NN_*.ipynb",
    "error_notebooks_path_pair": "parameter {given} is given without {other}; give both files or neither",
    "error_notebooks_map_without_file": "parameter {name} is given without {path}: a map describes a file you "
                                        "supply; give {path} too",
    "error_notebooks_years_order": "parameters FIRST_YEAR={first} and LAST_YEAR={last} of {notebook}: FIRST_YEAR "
                                   "must not be after LAST_YEAR",
    "error_notebooks_years_unreadable": "{table}: cannot read the years of column {column} ({kind}: {said})",
    "error_notebooks_years_none": "{table}: column {column} holds no year",
    "error_notebooks_years_covered": "its data, {table}, cover {start}-{end}",
    "error_notebooks_years_findings": "parameters FIRST_YEAR={first} and LAST_YEAR={last} are not allowed for "
                                      "{notebook}: its findings compare {years}, so FIRST_YEAR must be at most "
                                      "{need_first} and LAST_YEAR at least {need_last} ({covered})",
    "error_notebooks_years_too_few": "parameters FIRST_YEAR={first} and LAST_YEAR={last} are not allowed for "
                                     "{notebook}: the range holds {held} year(s) of its data, at least two are "
                                     "needed ({covered})",
    "error_notebooks_not_a_file": "{path}: exists but is not a readable file ({why}); expected the file {name} or "
                                  "nothing there: replace or remove it",
    # kalbar_border.pipeline.execute
    "error_execute_cell_raised": "{notebook}: cell {cell} raised {name}: {said}{where}",
    "error_execute_failed_copy": "; executed copy of this run: {path}",
    "error_execute_timeout": "{notebook}: cell {cell} did not finish within {timeout} s, the limit per cell; if it "
                             "needs longer, run again with make reproduce TIMEOUT=SECONDS",
    "error_execute_failed": "{notebook}: execution failed ({kind}: {said}); no executed copy from this run",
    "error_execute_language_bytes": "{notebook}: with LANG={lang} it wrote other bytes to {files} than with "
                                    "LANG=en; a notebook's language must change only the words it shows; no output "
                                    "was replaced",
    "error_execute_no_counts": "{notebook}: cells came back without execution counts twice (the kernel lost its "
                               "messages)",
    "error_execute_wrote_directly": "{notebook}: wrote {files} directly, which its metadata (kalbar) does not "
                                    "declare; removed, and no output was replaced",
    "error_execute_missing": "{notebook}: did not write {missing}; no output was replaced",
    "error_execute_extra": "{notebook}: wrote {extra}, which its metadata (kalbar) does not declare; no output was "
                           "replaced",
    "error_execute_missing_extra": "{notebook}: did not write {missing}; wrote {extra}, which its metadata "
                                   "(kalbar) does not declare; no output was replaced",
    # kalbar_border.pipeline.lock
    "error_lock_not_a_folder": "{folder}: exists but is not a folder; the pipeline writes its {name}/ there: "
                               "rename or remove that file, then run again",
    "error_lock_not_writable": "{root}: outputs cannot be written there ({said}); set COMPENDIUM_OUTPUT_DIR to a "
                               "writable folder, e.g. make reproduce COMPENDIUM_OUTPUT_DIR=$HOME/kalbar-outputs",
    "error_lock_held": "another run (process {holder}) holds build/{name}; wait for it to finish (or pass --wait), "
                       "then run again",
    # kalbar_border.workflow
    "error_workflow_unknown_notebook": "notebook {name}: not among {notebooks}",
    "error_workflow_golden_missing": "{path}: executed notebook missing; run `make reproduce` first",
    "error_workflow_timeout": "TIMEOUT={text}: expected a whole number of seconds per cell, e.g. TIMEOUT=600",
    "run_status_removed": "removed",
    "run_status_variant": "variant",
    "run_status_completed": "completed",
    "run_status_warning": "warning",
    "verify_as_committed": "as committed",
    "verify_note_tree": "note: the working tree's results/ and figures/ differ from {ref} in {n} file(s) "
                        "({files}); verify compares with {ref}, not with them",
    "verify_run_failed": "verify: the run failed (exit {code}); nothing compared; its outputs are in {folder}",
    "verify_kept": "; the run is kept in {folder}",
    "verify_differ": "verify: {n} of {checked} reference files of {ref} differ{kept}",
    "verify_match": "verify: all {checked} reference files of {ref} match ({n} within tolerance, the rest "
                    "byte-identical)",
    "run_microdata_file": "{file} (sha256 {sha256}, from {addresses})",
    "run_microdata_missing": "microdata not in {cache}: the finance notebooks are skipped. To run them, put "
                             "{files} in that folder, or set COMPENDIUM_DATA_DIR to a folder holding both",
    "run_removed": "outputs of {notebooks} from an earlier run: not current without the microdata or the licensed "
                   "map they were made with",
    "run_ignored": "{files}: no notebook in {folder}/ declares them; not read by this run",
    "run_missing_output": "{notebook}: declared output {files} missing after the run; it runs again next time",
    "run_stale_no_outputs": "{notebook} (no outputs)",
    "run_stale_failed": "{notebook} (failed; its outputs have {values})",
    "run_stale_not_run": "{notebook} (not run; its outputs have {values})",
    "run_stale_this_run": "this run's parameters",
    "run_variant_folder": "notebooks from {folder}",
    "run_variant_not_run": "{notebooks} could not run (microdata missing)",
    "run_variant": "{reasons}: outputs go to {folder}/; results/ and figures/ keep the reference outputs",
    "run_completed": "{notebook}: the commit of its outputs that a killed run had begun",
    "run_stale_note": "note: not made with this run's parameters (left out by --only): {stale}; build/index.html "
                      "marks them",
    "run_stopped": "stopped: the notebooks listed as FAILED or not run kept their previous outputs and run again "
                   "next time",
    "run_stopped_stale": "stopped: the notebooks listed as FAILED or not run kept their previous outputs and run "
                         "again next time; outputs not made with this run's parameters: {stale}",
    "run_interrupted": "interrupted: {said}",
    "run_interrupted_none_finished": "no notebook finished; every output is as it was before this run, and no "
                                     "pending file is left",
    "run_interrupted_new": "new outputs of {notebooks} (finished before the interruption) are in place, each "
                           "notebook's complete; every other output is as it was before this run, and no pending "
                           "file is left",
    "run_interrupted_idle": "no notebook was running; outputs are as the last finished notebook left them",
    "run_wrote": "wrote {path}",
    # kalbar_border.pipeline.tasks
    "run_dep_file_unreadable": "note: build/{file} was unreadable; set aside as build/{file}.unreadable, every "
                               "notebook runs again",
    # kalbar_border.verify: its errors, and one line per reference file that differs
    "error_verify_no_git": "make verify reads the references from git, which cannot be run ({said}); pass "
                           "--references FOLDER to compare with a folder",
    "error_verify_ref": "cannot read the references of {ref} from git ({said}); expected a commit or tag of this "
                        "repository, e.g. REF=HEAD or REF=v1.0.0, or pass --references FOLDER outside a git "
                        "checkout",
    "run_verify_missing": "missing: {file}: a reference the run did not make",
    "run_verify_new": "new: {file}: made by the run, with no committed reference",
    "run_verify_differs": "differs: {file}: {detail}",
    "run_verify_within": "within tolerance: {file} (numbers within {tolerance} relative)",
    "run_verify_header": "header {got} instead of {expected}",
    "run_verify_rows": "{got} rows instead of {expected}",
    "run_verify_cell": "row {row}, column {column}: {got} instead of {expected}",
    "run_verify_cells": "row {row}: {got} cells instead of {expected}",
    "run_verify_key_missing": "key {path} missing",
    "run_verify_key_added": "key {path} added",
    "run_verify_value": "value",
    "run_verify_items": "{where}: {got} items instead of {expected}",
    "run_verify_other": "{where}: {got} instead of {expected}",
    "run_verify_bytes": "bytes differ (figures and texts must be byte-identical)",
    "run_verify_unreadable": "cannot be compared ({kind})",
    # kalbar_border.teaching
    "error_teaching_pass_frames": "teaching.check('05.1', answer, frames=frames): pass the notebook's frames",
    "error_teaching_pass_tests": "teaching.check('05.2', answer, tests=tests): pass the notebook's tests table",
    "error_teaching_pass_models": "teaching.check('06.1', answer, models=models): pass the notebook's models table",
    "error_teaching_pass_both": "teaching.check('06.2', answer, models=models, frames=frames): pass both",
    "error_teaching_unknown_exercise": "exercise {exercise} unknown; exercises: {exercises}",
    "error_teaching_no_lang_line": "{name}: no LANG = \"...\" line in a cell tagged 'parameters'; cannot set the "
                                   "language",
    "run_kernel_guard": "kernel guard: {path}",
    "run_kernel_guard_not_written": "kernel guard not written: {path} holds another configuration",
    # kalbar_border.results
    "error_results_notebook_name": "notebook name {notebook} is malformed; expected the notebook's file stem, e.g. "
                                   "'02_border_series'",
    "error_results_key": "results key {name} is malformed; expected dotted lower-case like 'border.series.2019'",
    "error_results_unreadable": "{path}: not a results file ({kind}); expected JSON with 'values' and 'sources'; "
                                "rerun its notebook",
    "error_results_table_name": "table name {name} must be lower-case letters, digits and underscores",
    # kalbar_border.figures.labels and kalbar_border.numbers
    "error_labels_lang": "LANG={lang} is not supported; accepted: {accepted}",
    "error_labels_missing": "label {name} is not in kalbar_border.figures.labels; add its English there and its "
                            "translation to the catalogue (make i18n-update)",
}



def _translated(key: str, english, lang: str):
    """``english`` (a text or a list of paragraphs) of label ``key`` in ``lang``."""
    if isinstance(english, dict):  # the old form, {"en": ..., "id": ...}: see the module's docstring
        return english[lang]
    if isinstance(english, list):
        return [pgettext(key, paragraph, lang) for paragraph in english]
    return pgettext(key, english, lang)


def label(key: str, lang: str = "en"):
    """Text for ``key`` in ``lang`` (a list of paragraphs for the ``findings_*`` labels); a
    missing key or language is a one-line error."""
    if lang not in LANGS:
        raise CompendiumError(key="error_labels_lang", lang=repr(lang), accepted=", ".join(LANGS))
    try:
        english = SOURCE[key]
    except KeyError:
        raise CompendiumError(key="error_labels_missing", name=repr(key)) from None
    return _translated(key, english, lang)


class _Labels(MutableMapping):
    """Every label as ``{language: text}``, read from :data:`SOURCE` and the catalogues when
    asked (``LABELS[key]["id"]``, ``key in LABELS``). Setting an entry (``{"en": ..., "id": ...}``)
    sets the label's texts directly, as a test's monkeypatch does."""

    def __getitem__(self, key: str) -> dict:
        english = SOURCE[key]
        return {lang: _translated(key, english, lang) for lang in LANGS}

    def __setitem__(self, key: str, texts) -> None:
        SOURCE[key] = texts

    def __delitem__(self, key: str) -> None:
        del SOURCE[key]

    def __iter__(self):
        return iter(SOURCE)

    def __len__(self) -> int:
        return len(SOURCE)

    def __contains__(self, key) -> bool:
        return key in SOURCE


#: key -> {language: text}, as the label dictionary was before the catalogues.
LABELS = _Labels()
