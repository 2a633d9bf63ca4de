"""kalbar_border: research compendium for Anggita et al., *Governance Kooperatif dalam
Penanganan Buruh Migran Ilegal ... di Kalimantan Barat* (Jurnal Ketahanan Nasional, UGM).

Every path is resolved by :mod:`kalbar_border.paths`; every error meant for a user is a
:class:`kalbar_border.errors.CompendiumError` with a one-line message.
"""


def __getattr__(name: str):
    """``__version__``: pyproject.toml's version, read from the installed package's metadata (one
    place; `make release` writes it there and into CITATION.cff and .zenodo.json). Read on first
    use, so that `make clean` can import the run lock with PYTHONPATH=lib and no installed package."""
    if name == "__version__":
        from importlib.metadata import version

        return version("kalbar-border")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
