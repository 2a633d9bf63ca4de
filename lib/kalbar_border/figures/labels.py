"""The one label dictionary: every title, axis label, legend entry and caption used in a
figure, in English (``en``) and Bahasa Indonesia (``id``).

Notebooks take a ``LANG`` parameter; :func:`label` returns the text in that language.
"""
from __future__ import annotations

from ..errors import CompendiumError

LANGS = ("en", "id")

LABELS: dict[str, dict[str, str]] = {
    # generic
    "year": {"en": "Year", "id": "Tahun"},
    "persons": {"en": "Persons", "id": "Orang"},
    "source": {"en": "Source", "id": "Sumber"},
    "share_pct": {"en": "Share of group (%)", "id": "Persentase kelompok (%)"},
    "migrant": {"en": "Migrant", "id": "Migran"},
    "non_migrant": {"en": "Non-migrant", "id": "Bukan migran"},
    "male": {"en": "Male", "id": "Laki-laki"},
    "female": {"en": "Female", "id": "Perempuan"},
    # border series
    "fig_border_series_title": {"en": "Migrant-worker complaints and border deportations, {first}-{last}",
                                "id": "Pengaduan pekerja migran dan deportasi di perbatasan, {first}-{last}"},
    "count_axis": {"en": "Count per year (complaints or persons)", "id": "Jumlah per tahun (pengaduan atau orang)"},
    "bp2mi_complaints_total": {"en": "BP2MI complaints, all countries", "id": "Pengaduan BP2MI, semua negara"},
    "bp2mi_complaints_malaysia": {"en": "BP2MI complaints, Malaysia", "id": "Pengaduan BP2MI, Malaysia"},
    "kjri_kuching_deportations_sarawak": {"en": "Deportations from Sarawak (KJRI Kuching)",
                                          "id": "Deportasi dari Sarawak (KJRI Kuching)"},
    "kalbar_pmi_placements": {"en": "West Kalimantan registered placements",
                              "id": "Penempatan PMI terdaftar Kalimantan Barat"},
    "paper_claim": {"en": "Paper's claim", "id": "Klaim makalah"},
    # entikong events
    "fig_entikong_title": {"en": "Deportation batches through Entikong found in news reports",
                           "id": "Gelombang deportasi melalui Entikong dalam pemberitaan"},
    "batches_found": {"en": "Batches found", "id": "Gelombang ditemukan"},
    "persons_in_batches": {"en": "Persons in batches found", "id": "Orang dalam gelombang yang ditemukan"},
    # remittances
    "fig_remittances_title": {"en": "Personal remittances received by Indonesia, {first}-{last}",
                              "id": "Remitansi personal yang diterima Indonesia, {first}-{last}"},
    "remittances_busd": {"en": "Remittances (billion current US$)", "id": "Remitansi (miliar US$ harga berlaku)"},
    "remittances_pct_gdp": {"en": "Share of GDP (%)", "id": "Persentase terhadap PDB (%)"},
    # finance
    "fig_finance_shares_title": {"en": "Financial behaviour by migration status (Jambi, 2020)",
                                 "id": "Perilaku keuangan menurut status migrasi (Jambi, 2020)"},
    "fig_finance_forest_title": {"en": "Adjusted migrant effect (average marginal effect)",
                                 "id": "Efek migran yang disesuaikan (efek marginal rata-rata)"},
    "few_events": {"en": "Fewer than 10 events in a group: not read as evidence",
                   "id": "Kurang dari 10 kejadian dalam satu kelompok: tidak dibaca sebagai bukti"},
    "ame_pp": {"en": "Difference in probability, migrant minus non-migrant (percentage points)",
               "id": "Selisih peluang, migran dikurangi bukan migran (poin persentase)"},
    "savings_account": {"en": "Own savings account", "id": "Memiliki rekening tabungan"},
    "ebanking": {"en": "Internet for financial services", "id": "Internet untuk layanan keuangan"},
    "online_buy": {"en": "Internet to buy", "id": "Internet untuk membeli"},
    "online_sell": {"en": "Internet to sell", "id": "Internet untuk menjual"},
    "health_none": {"en": "No health cover", "id": "Tanpa jaminan kesehatan"},
    "health_contributory": {"en": "Contributory health cover", "id": "Jaminan kesehatan mandiri/non-PBI"},
    "health_employer": {"en": "Employer health cover", "id": "Jaminan kesehatan dari pemberi kerja"},
    "internet_at_work": {"en": "Internet for transactions at work", "id": "Internet untuk transaksi di tempat kerja"},
}


def label(key: str, lang: str = "en") -> str:
    """Text for ``key`` in ``lang``; a missing key or language is a one-line error."""
    if lang not in LANGS:
        raise CompendiumError(f"LANG={lang!r} is not supported; accepted: {', '.join(LANGS)}")
    try:
        return LABELS[key][lang]
    except KeyError:
        raise CompendiumError(f"label {key!r} is not in kalbar_border.figures.labels.LABELS; add it in en and id") from None
