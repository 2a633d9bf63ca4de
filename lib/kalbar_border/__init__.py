"""kalbar_border: research compendium for Anggita et al., *Governance Kooperatif dalam
Penanganan Buruh Migran Ilegal ... di Kalimantan Barat* (Jurnal Ketahanan Nasional, UGM).

Every path is resolved by :mod:`kalbar_border.paths`; every error meant for a user is a
:class:`kalbar_border.errors.CompendiumError` with a one-line message.
"""
__version__ = "0.1.0"
