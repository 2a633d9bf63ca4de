"""Migrant vs non-migrant financial behaviour: analysis variables, survey estimation, comparisons, models and tables."""
