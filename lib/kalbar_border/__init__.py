"""kalbar_border: research compendium for Anggita et al., *Governance Kooperatif dalam
Penanganan Buruh Migran Ilegal ... di Kalimantan Barat* (Jurnal Ketahanan Nasional, UGM).

Every path is resolved by :mod:`kalbar_border.paths`; every error meant for a user is a
:class:`kalbar_border.errors.CompendiumError` with a one-line message.
"""
from importlib.metadata import version as _version

#: The compendium's version: pyproject.toml's, read from the installed package's metadata (one
#: place; `make release` writes it there and into CITATION.cff and .zenodo.json).
__version__ = _version("kalbar-border")
