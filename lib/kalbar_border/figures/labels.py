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
    "note": {"en": "Note", "id": "Catatan"},
    "share_pct": {"en": "Share of group (%)", "id": "Persentase kelompok (%)"},
    "migrant": {"en": "Migrant", "id": "Migran"},
    "non_migrant": {"en": "Non-migrant", "id": "Bukan migran"},
    "male": {"en": "Male", "id": "Laki-laki"},
    "female": {"en": "Female", "id": "Perempuan"},
    # border series
    "fig_border_series_title": {"en": "Migrant-worker complaints and border deportations, {first}-{last}",
                                "id": "Pengaduan pekerja migran dan deportasi di perbatasan, {first}-{last}"},
    "complaints_axis": {"en": "Complaints per year", "id": "Pengaduan per tahun"},
    "persons_axis": {"en": "Persons per year", "id": "Orang per tahun"},
    "bp2mi_complaints_total": {"en": "BP2MI complaints, all countries", "id": "Pengaduan BP2MI, semua negara"},
    "bp2mi_complaints_malaysia": {"en": "BP2MI complaints, Malaysia", "id": "Pengaduan BP2MI, Malaysia"},
    "kjri_kuching_deportations_sarawak": {"en": "Deportations from Sarawak (KJRI Kuching)",
                                          "id": "Deportasi dari Sarawak (KJRI Kuching)"},
    "kalbar_pmi_placements": {"en": "West Kalimantan registered placements",
                              "id": "Penempatan PMI terdaftar Kalimantan Barat"},
    "paper_claim_value": {"en": "Paper's figure for {year}: {value}", "id": "Angka artikel untuk {year}: {value}"},
    # the figure's note for a paper figure no source carries: a marker beside a series would read
    # as the compendium endorsing one guess at what the figure counts
    "border_note_unsourced_claim": {
        "en": "the paper's {year} figure of {value} \"recorded by Malaysia\" is found in no source but the abstract; "
              "what it counts is unknown, so it is drawn beside no series.",
        "id": "angka artikel untuk {year}, {value} yang \"dicatat Malaysia\", tidak ditemukan di sumber mana pun selain "
              "abstrak; apa yang dihitungnya tidak diketahui, sehingga angka itu tidak digambarkan di samping deret mana pun."},
    # entikong events
    "fig_entikong_title": {"en": "Deportation batches through Entikong found in news reports",
                           "id": "Gelombang deportasi melalui Entikong dalam pemberitaan"},
    "batches_found": {"en": "Batches found", "id": "Gelombang ditemukan"},
    "persons_in_batches": {"en": "Persons in the batches", "id": "Orang dalam gelombang"},
    # remittances
    "fig_remittances_title": {"en": "Personal remittances received by Indonesia, {first}-{last}",
                              "id": "Remitansi personal yang diterima Indonesia, {first}-{last}"},
    "remittances_busd": {"en": "Remittances (billion current US$)", "id": "Remitansi (miliar US$ harga berlaku)"},
    "remittances_pct_gdp": {"en": "Share of GDP (%)", "id": "Persentase terhadap PDB (%)"},
    # finance
    "fig_finance_shares_title": {"en": "Financial behaviour by migration status ({province}, 2020)",
                                 "id": "Perilaku keuangan menurut status migrasi ({province}, 2020)"},
    # the shares figure's panels, one per survey, and each row's group sizes (from the comparison table)
    "survey_susenas": {"en": "Susenas, March 2020", "id": "Susenas, Maret 2020"},
    "survey_sakernas": {"en": "Sakernas, August 2020", "id": "Sakernas, Agustus 2020"},
    "shares_row_n": {"en": "n: migrant {migrant}, non-migrant {non_migrant}",
                     "id": "n: migran {migrant}, bukan migran {non_migrant}"},
    "province_jambi": {"en": "Jambi", "id": "Jambi"},
    "province_kalbar": {"en": "West Kalimantan", "id": "Kalimantan Barat"},
    "province_all": {"en": "all provinces", "id": "semua provinsi"},
    "province_code": {"en": "province {code}", "id": "provinsi {code}"},
    "fig_finance_forest_title": {"en": "Adjusted migrant effect (average marginal effect), {province}, 2020",
                                 "id": "Efek migran yang disesuaikan (efek marginal rata-rata), {province}, 2020"},
    "few_events": {"en": "Fewer than 10 events in a group: not read as evidence",
                   "id": "Kurang dari 10 kejadian dalam satu kelompok: tidak dibaca sebagai bukti"},
    "estimate_ci": {"en": "Estimate with 95 % confidence interval", "id": "Estimasi dengan selang kepercayaan 95 %"},
    "ame_pp": {"en": "Difference in probability, migrant minus non-migrant (percentage points)",
               "id": "Selisih peluang, migran dikurangi bukan migran (poin persentase)"},
    # migrant definitions (finance.variables.MIGRANT_DEFINITIONS), as a caption words them
    "def_recent_interprovincial": {"en": "migrants: lived in another province or abroad five years earlier",
                                   "id": "migran: lima tahun sebelumnya tinggal di provinsi lain atau di luar negeri"},
    "def_recent_interdistrict": {"en": "migrants: lived in another district or abroad five years earlier",
                                 "id": "migran: lima tahun sebelumnya tinggal di kabupaten/kota lain atau di luar negeri"},
    "def_lifetime": {"en": "migrants: born outside the province", "id": "migran: lahir di luar provinsi"},
    "def_returned_abroad": {"en": "migrants: lived abroad five years earlier",
                            "id": "migran: lima tahun sebelumnya tinggal di luar negeri"},
    # what each migrant definition and indicator means (finance.variables; notebook 05's tables)
    "meaning_recent_interprovincial": {
        "en": "lived outside the province (another province or abroad) 5 years ago; persons aged 5+",
        "id": "lima tahun lalu tinggal di luar provinsi (provinsi lain atau luar negeri); penduduk umur 5+"},
    "meaning_recent_interdistrict": {
        "en": "lived in another district (or abroad) 5 years ago; persons aged 5+",
        "id": "lima tahun lalu tinggal di kabupaten/kota lain (atau luar negeri); penduduk umur 5+"},
    "meaning_lifetime": {
        "en": "born outside the province (mother's residence at birth, Susenas R602); not in Sakernas",
        "id": "lahir di luar provinsi (tempat tinggal ibu saat melahirkan, Susenas R602); tidak ada di Sakernas"},
    "meaning_returned_abroad": {
        "en": "lived abroad 5 years ago (Susenas R604 = 40, Sakernas R7 = 3); tiny n",
        "id": "lima tahun lalu tinggal di luar negeri (Susenas R604 = 40, Sakernas R7 = 3); n sangat kecil"},
    "meaning_savings_account": {"en": "has own savings account (R701), persons aged 5+",
                                "id": "memiliki rekening tabungan sendiri (R701), penduduk umur 5+"},
    "meaning_ebanking": {
        "en": "used the internet for financial services / e-banking in past 3 months (R811_H); non-users 0",
        "id": "memakai internet untuk layanan keuangan/perbankan elektronik dalam 3 bulan terakhir (R811_H); "
              "bukan pengguna internet 0"},
    "meaning_online_buy": {"en": "used the internet to buy goods or services (R811_E); non-users 0",
                           "id": "memakai internet untuk membeli barang atau jasa (R811_E); bukan pengguna internet 0"},
    "meaning_online_sell": {"en": "used the internet to sell goods or services (R811_F); non-users 0",
                            "id": "memakai internet untuk menjual barang atau jasa (R811_F); bukan pengguna internet 0"},
    "meaning_health_none": {"en": "has no health cover at all (R1101_X)",
                            "id": "tidak memiliki jaminan kesehatan apa pun (R1101_X)"},
    "meaning_health_contributory": {"en": "covered by contributory (non-PBI) BPJS health insurance (R1101_B)",
                                    "id": "dijamin BPJS Kesehatan mandiri/non-PBI (R1101_B)"},
    "meaning_health_employer": {"en": "covered by employer health cover (R1101_E)",
                                "id": "dijamin asuransi kesehatan dari pemberi kerja (R1101_E)"},
    "meaning_internet_at_work": {
        "en": "used the internet for transactions in the main job (R17B3); employed persons, no internet at work 0",
        "id": "memakai internet untuk transaksi dalam pekerjaan utama (R17B3); penduduk yang bekerja, tanpa internet "
              "di tempat kerja 0"},
    "source_bps_microdata": {"en": "BPS, Susenas March 2020 and Sakernas August 2020, as redistributed in the R packages "
                                   "SUSENAS and SAKERNAS 0.1.0",
                             "id": "BPS, Susenas Maret 2020 dan Sakernas Agustus 2020, sebagaimana didistribusikan ulang "
                                   "dalam paket R SUSENAS dan SAKERNAS 0.1.0"},
    "savings_account": {"en": "Own savings account", "id": "Memiliki rekening tabungan"},
    "ebanking": {"en": "Internet for financial services", "id": "Internet untuk layanan keuangan"},
    "online_buy": {"en": "Internet to buy", "id": "Internet untuk membeli"},
    "online_sell": {"en": "Internet to sell", "id": "Internet untuk menjual"},
    "health_none": {"en": "No health cover", "id": "Tanpa jaminan kesehatan"},
    "health_contributory": {"en": "Contributory health cover", "id": "Jaminan kesehatan mandiri/non-PBI"},
    "health_employer": {"en": "Employer health cover", "id": "Jaminan kesehatan dari pemberi kerja"},
    "internet_at_work": {"en": "Internet for transactions at work", "id": "Internet untuk transaksi di tempat kerja"},
    # feedback of the exercises' checks (kalbar_border.teaching)
    "check_correct": {"en": "correct", "id": "benar"},
    "check_not_yet": {"en": "not yet", "id": "belum tepat"},
    "check_your_turn": {"en": "your turn: replace None with your answer",
                        "id": "giliran Anda: ganti None dengan jawaban Anda"},
    # what a check says after "correct" (check_correct_<exercise>) or "not yet" (check_hint_<mistake>):
    # templates of kalbar_border.texts, so numbers are written for the reader (0,781 / 0.781);
    # {python} is a number as Python writes it, quoted as the student must type it
    "check_correct_02_1": {"en": "{change:pct} %", "id": "{change:pct} %"},
    "check_correct_02_2": {"en": "{rows}", "id": "{rows}"},
    "check_correct_03_1": {"en": "{batches:n} batches, {persons:n} persons", "id": "{batches:n} gelombang, {persons:n} orang"},
    "check_correct_03_2": {"en": "{share:d3} ({batches:n} batches report both men and women)",
                           "id": "{share:d3} ({batches:n} gelombang mencatat jumlah laki-laki dan perempuan)"},
    "check_correct_04_1": {"en": "{share:d2} % of GDP", "id": "{share:d2} % terhadap PDB"},
    "check_correct_04_2": {"en": "{change:pct} %", "id": "{change:pct} %"},
    "check_correct_05_1": {
        "en": "{weighted:d3} weighted against {unweighted:d3} unweighted: an urban person aged 15+ in the sample stands "
              "for {weight_urban:n} people on average, a rural one for {weight_rural:n}, so the plain mean of the "
              "sample understates the towns",
        "id": "{weighted:d3} dengan bobot dibanding {unweighted:d3} tanpa bobot: rata-rata seorang penduduk perkotaan "
              "umur 15+ dalam sampel mewakili {weight_urban:n} orang, penduduk perdesaan {weight_rural:n} orang, "
              "sehingga rata-rata biasa dari sampel mengecilkan perkotaan"},
    "check_correct_05_2": {"en": "{definitions}", "id": "{definitions}"},
    "check_correct_06_1": {"en": "{ame:pp} percentage points (95 % CI {low:pp} to {high:pp})",
                           "id": "{ame:pp} poin persentase (selang kepercayaan 95 % {low:pp} hingga {high:pp})"},
    "check_correct_06_2": {"en": "raw difference {raw:pp} percentage points, adjusted {ame:pp}",
                           "id": "selisih mentah {raw:pp} poin persentase, yang disesuaikan {ame:pp}"},
    "check_hint_not_a_number": {"en": "give one number; this answer is a Python `{answer}`",
                                "id": "berikan satu angka; jawaban ini bertipe Python `{answer}`"},
    "check_hint_decimal_comma": {
        "en": "Python writes decimals with a point: {given} was read as two numbers; write {python}",
        "id": "Python menulis desimal dengan titik: {given} terbaca sebagai dua angka; tulis {python}"},
    "check_hint_indonesian_text": {
        "en": "Python writes decimals with a point and numbers without quotes: write {python}, not \"{given}\"",
        "id": "Python menulis desimal dengan titik dan angka tanpa tanda kutip: tulis {python}, bukan \"{given}\""},
    "check_hint_number_in_quotes": {"en": "the number is right, but it is text: remove the quotes",
                                    "id": "angkanya benar, tetapi berupa teks: hapus tanda kutipnya"},
    "check_hint_thousands_dot": {
        "en": "in Python a dot is the decimal point, not a thousands separator: write {python}, not {given}",
        "id": "di Python titik adalah tanda desimal, bukan pemisah ribuan: tulis {python}, bukan {given}"},
    "check_hint_precision": {
        "en": "{given} is right to {fewer:n} decimal places, but the question asks for {decimals:n}: give {decimals:n}",
        "id": "{given} benar sampai {fewer:n} angka desimal, tetapi soal meminta {decimals:n} angka desimal: tulis "
              "{decimals:n} angka desimal"},
    # what a check or a student copy says when it cannot judge (kalbar_border.teaching)
    "check_run_above": {
        "en": "run the cells above first (Run > Run All Above): {name} is not defined in this kernel",
        "id": "jalankan dulu sel-sel di atas (Run > Run All Above; dalam JupyterLab berbahasa Indonesia: Jalankan "
              "Semua Sel di Atas): {name} belum ada di kernel ini"},
    "check_data_changed": {
        "en": "the data changed after the run that made them: {files} no longer match the checksums that run recorded "
              "({record}), so the answer is not judged; make them again with `make reproduce ONLY=01 FORCE=1`",
        "id": "data berubah setelah proses yang membuatnya: {files} tidak lagi cocok dengan checksum yang dicatat proses "
              "itu ({record}), sehingga jawaban tidak dinilai; buat ulang dengan `make reproduce ONLY=01 FORCE=1`"},
    "check_source_changed": {
        "en": "the source table changed: {files} no longer matches its sha256 in data/datapackage.json, so the answer is "
              "not judged; restore it with `git checkout -- {files}`",
        "id": "tabel sumber berubah: {files} tidak lagi cocok dengan sha256-nya di data/datapackage.json, sehingga "
              "jawaban tidak dinilai; pulihkan dengan `git checkout -- {files}`"},
    "student_microdata_missing": {
        "en": "stopped: the microdata ({files}) are not in {folder}; put them there or set COMPENDIUM_DATA_DIR "
              "(teaching/README.md, Offline class), then run this cell again",
        "id": "berhenti: data mikro ({files}) tidak ada di {folder}; letakkan di sana atau atur COMPENDIUM_DATA_DIR "
              "(teaching/README.id.md, Kelas tanpa internet), lalu jalankan sel ini lagi"},
    "student_stopped": {"en": "not run: the microdata are missing (see the first code cell)",
                        "id": "tidak dijalankan: data mikro tidak ada (lihat sel kode pertama)"},
    "student_error": {"en": "error", "id": "galat"},
    "student_run_in_order": {
        "en": "**Run the cells in order, from the top.** The first two code cells (the parameters and the set-up) set "
              "what the others need. After opening "
              "this notebook or restarting its kernel, click the cell you want and choose *Run > Run All Above*, then "
              "run it.",
        "id": "**Jalankan sel secara berurutan, dari atas.** Dua sel kode pertama (parameter dan persiapan) menyiapkan "
              "semua yang diperlukan sel lain. "
              "Setelah membuka notebook ini atau memulai ulang kernelnya, klik sel yang diinginkan lalu pilih *Run > Run "
              "All Above* (dalam JupyterLab berbahasa Indonesia: *Jalankan Semua Sel di Atas*), kemudian jalankan sel "
              "itu."},
    "student_kept": {
        "en": "kept {path}: it differs from the copy written last time; the new copy is {new}",
        "id": "{path} dipertahankan: isinya berbeda dari salinan yang ditulis terakhir kali; salinan barunya {new}"},
    "check_hint_sign": {"en": "the size is right but the sign is not: a fall (or a lower value among migrants) is negative",
                        "id": "besarnya benar, tetapi tandanya tidak: penurunan (atau nilai yang lebih rendah pada migran) "
                              "bernilai negatif"},
    "check_hint_percent": {"en": "multiply the fraction by 100 to give percent",
                           "id": "kalikan pecahan dengan 100 agar menjadi persen"},
    "check_hint_fraction": {"en": "give a fraction between 0 and 1, not percent",
                            "id": "berikan pecahan antara 0 dan 1, bukan persen"},
    "check_hint_ratio": {"en": "that is 2020 as a percentage of 2019; the change is (2020 - 2019) / 2019 x 100",
                         "id": "itu nilai 2020 sebagai persentase dari 2019; perubahannya (2020 - 2019) / 2019 x 100"},
    "check_hint_02_1_doubled": {
        "en": "2019's value rests on {rows:n} rows (two sources giving the same number): take it once, not their sum",
        "id": "nilai 2019 bersandar pada {rows:n} baris (dua sumber dengan angka yang sama): ambil sekali, jangan "
              "dijumlahkan"},
    "check_hint_02_1_rows": {"en": "use the two full-year values (`period_kind == \"year\"`) of bp2mi_complaints_total",
                             "id": "pakai dua nilai setahun penuh (`period_kind == \"year\"`) dari bp2mi_complaints_total"},
    "check_hint_02_2_value": {"en": "give the row ids (texts such as \"BS010\"), not the value",
                              "id": "berikan id baris (teks seperti \"BS010\"), bukan nilainya"},
    "check_hint_02_2_one_more": {"en": "one more row carries the same number",
                                 "id": "masih ada satu baris lagi dengan angka yang sama"},
    "check_hint_02_2_too_many": {
        "en": "only the full-year 2019 rows of bp2mi_complaints_total carry it: leave the others out",
        "id": "hanya baris setahun penuh 2019 dari bp2mi_complaints_total yang memuatnya: buang yang lain"},
    "check_hint_02_2_where": {"en": "look for the value 5824 in the 2019 rows of bp2mi_complaints_total (column row_id)",
                              "id": "cari nilai 5824 pada baris 2019 dari bp2mi_complaints_total (kolom row_id)"},
    "check_hint_03_1_pair": {"en": "give two numbers, (batches, persons), e.g. (3, 250)",
                             "id": "berikan dua angka, (gelombang, orang), misalnya (3, 250)"},
    "check_hint_03_1_swapped": {"en": "the order is (batches, persons)", "id": "urutannya (gelombang, orang)"},
    "check_hint_03_1_batches": {"en": "count the batches of 2020: one row of the events table per batch",
                                "id": "hitung gelombang tahun 2020: satu baris tabel kejadian untuk setiap gelombang"},
    "check_hint_03_1_by_sex": {
        "en": "that adds up men and women, which only some batches report; persons are the sum of total_deported",
        "id": "itu menjumlahkan laki-laki dan perempuan, yang hanya dicatat sebagian gelombang; jumlah orang adalah "
              "jumlah kolom total_deported"},
    "check_hint_03_1_persons": {"en": "the batches are right; persons are the sum of total_deported over the 2020 batches",
                                "id": "jumlah gelombang sudah benar; jumlah orang adalah jumlah kolom total_deported pada "
                                      "gelombang 2020"},
    "check_hint_03_2_total": {
        "en": "divide by men plus women, not by total_deported (which can include children)",
        "id": "bagi dengan jumlah laki-laki ditambah perempuan, bukan dengan total_deported (yang dapat mencakup anak-anak)"},
    "check_hint_03_2_women": {"en": "that is the share of women; the exercise asks for men",
                              "id": "itu proporsi perempuan; latihan ini menanyakan laki-laki"},
    "check_hint_03_2_mean": {
        "en": "that is the mean of each batch's share, in which a batch of 20 counts as much as one of 200: add up the "
              "men and the women over the batches first",
        "id": "itu rata-rata proporsi tiap gelombang, sehingga gelombang 20 orang sama bobotnya dengan gelombang 200 "
              "orang: jumlahkan dulu laki-laki dan perempuan dari semua gelombang"},
    "check_hint_03_2_batches": {"en": "use only the batches of 2019-2025 that report both male and female counts",
                                "id": "pakai hanya gelombang 2019-2025 yang mencatat jumlah laki-laki dan perempuan"},
    "check_hint_04_1_year": {"en": "that is the share of 2019; the exercise asks for 2020",
                             "id": "itu proporsi tahun 2019; latihan ini menanyakan 2020"},
    "check_hint_04_1_columns": {
        "en": "divide remittances (BX.TRF.PWKR.CD.DT) by GDP (NY.GDP.MKTP.CD) of 2020, both from the same snapshot",
        "id": "bagi remitansi (BX.TRF.PWKR.CD.DT) dengan PDB (NY.GDP.MKTP.CD) tahun 2020, keduanya dari snapshot yang sama"},
    "check_hint_04_2_share": {
        "en": "that is the change of the share of GDP; the exercise asks for the change of remittances in US$ "
              "(remittances_usd)",
        "id": "itu perubahan proporsi terhadap PDB; latihan ini menanyakan perubahan remitansi dalam US$ (remittances_usd)"},
    "check_hint_04_2_columns": {"en": "(2020 - 2019) / 2019 x 100, from remittances_usd",
                                "id": "(2020 - 2019) / 2019 x 100, dari remittances_usd"},
    "check_hint_05_1_unweighted": {
        "en": "that is the plain mean of the sample's rows ({unweighted:d3}); an urban person aged 15+ stands for "
              "{weight_urban:n} people on average and a rural one for {weight_rural:n}: weight each row by its `weight`",
        "id": "itu rata-rata biasa baris sampel ({unweighted:d3}); rata-rata seorang penduduk perkotaan umur 15+ mewakili "
              "{weight_urban:n} orang dan penduduk perdesaan {weight_rural:n} orang: beri setiap baris bobotnya (kolom `weight`)"},
    "check_hint_05_1_rural": {"en": "that is the rural share: urban is 1 in the column `urban`",
                              "id": "itu proporsi perdesaan: perkotaan bernilai 1 pada kolom `urban`"},
    "check_hint_05_1_all_ages": {"en": "that includes children under 15: keep persons aged 15+ (`age >= 15`)",
                                 "id": "itu mencakup anak di bawah 15 tahun: ambil penduduk umur 15+ (`age >= 15`)"},
    "check_hint_05_1_column": {
        "en": "the weighted mean of the column `urban` over persons aged 15+, with the column `weight` as weights",
        "id": "rata-rata tertimbang kolom `urban` pada penduduk umur 15+, dengan kolom `weight` sebagai bobot"},
    "check_hint_05_2_names": {"en": "give the names of the definitions, e.g. [\"lifetime\"]",
                              "id": "berikan nama definisinya, misalnya [\"lifetime\"]"},
    "check_hint_05_2_unknown": {"en": "not a migrant definition: {names}; use the names of the column definition",
                                "id": "bukan nama definisi migran: {names}; pakai nama pada kolom definition"},
    "check_hint_05_2_few_events": {"en": "a row with few_events or small_group is never significant",
                                   "id": "baris few_events atau small_group tidak pernah signifikan"},
    "check_hint_05_2_per_definition": {
        "en": "that is each definition's own family (significant_holm); the exercise asks for the survey-wide family "
              "(significant_holm_dataset), the one section 3 says to read",
        "id": "itu keluarga definisinya sendiri (significant_holm); latihan ini menanyakan keluarga seluruh survei "
              "(significant_holm_dataset), yang menurut bagian 3 perlu dibaca"},
    "check_hint_05_2_one_more": {"en": "another definition passes too", "id": "ada definisi lain yang juga lolos"},
    "check_hint_05_2_column": {
        "en": "list the definitions whose significant_holm_dataset is True for online_sell (Susenas, persons 15+)",
        "id": "sebutkan definisi yang significant_holm_dataset-nya True untuk online_sell (Susenas, penduduk 15+)"},
    "check_hint_06_1_fraction": {"en": "the ame column is a fraction: multiply by 100 for percentage points",
                                 "id": "kolom ame berupa pecahan: kalikan 100 agar menjadi poin persentase"},
    "check_hint_06_1_odds_ratio": {"en": "that is the odds ratio; the exercise asks for ame, in percentage points",
                                   "id": "itu rasio odds; latihan ini menanyakan ame, dalam poin persentase"},
    "check_hint_06_1_raw": {"en": "that is the raw difference of notebook 05; the adjusted effect is the column ame of models",
                            "id": "itu selisih mentah dari notebook 05; efek yang disesuaikan ada di kolom ame pada models"},
    "check_hint_06_1_row": {"en": "read ame for savings_account, recent_interprovincial, persons15, susenas",
                            "id": "baca ame untuk savings_account, recent_interprovincial, persons15, susenas"},
    "check_hint_06_2_text": {"en": "answer True or False without quotes (Python's values, not words)",
                             "id": "jawab True atau False tanpa tanda kutip (nilai Python, bukan kata)"},
    "check_hint_06_2_bool": {"en": "answer True or False", "id": "jawab True atau False"},
    "check_hint_06_2_signs": {
        "en": "compare the sign of the raw difference (difference in notebook 05) with the sign of ame",
        "id": "bandingkan tanda selisih mentah (difference di notebook 05) dengan tanda ame"},
    # how the claims ledger explains a status (kalbar_border.claims.evaluate_one)
    "explain_missing": {"en": "a result this rule needs was not recorded in this run (its notebook did not run)",
                        "id": "hasil yang dibutuhkan aturan ini tidak tercatat dalam proses ini (notebook-nya tidak dijalankan)"},
    "explain_equals": {"en": "the source's value is {value}, the paper's {paper} (tolerance {tolerance})",
                       "id": "nilai sumber {value}, nilai artikel {paper} (toleransi {tolerance})"},
    "explain_change": {"en": "{value} % from 2019 to 2020, against a threshold of {threshold} %",
                       "id": "{value} % dari 2019 ke 2020, dibanding ambang {threshold} %"},
    "explain_turns": {"en": "{n} values, {turns} change(s) of direction, {missing} value(s) missing",
                      "id": "{n} nilai, {turns} kali berbalik arah, {missing} nilai tidak ada"},
    "explain_series": {"en": "{supports} of {n} series support the claim, {contradicts} contradict it and {undetermined} "
                             "cannot decide: {details}",
                       "id": "{supports} dari {n} deret mendukung klaim, {contradicts} bertentangan dengannya, dan "
                             "{undetermined} tidak dapat memutuskan: {details}"},
    "series_count": {"en": "{supports} of {n} series support it", "id": "{supports} dari {n} deret mendukungnya"},
    # a claim judged on evidence series only, with context series shown beside them (claims.yml role)
    "series_count_evidence": {"en": "{supports} of {n} evidence series support it ({context} context series not judged)",
                              "id": "{supports} dari {n} deret bukti mendukungnya ({context} deret konteks tidak dinilai)"},
    "explain_series_evidence": {
        "en": "the status rests on {n} evidence series: {supports} support the claim, {contradicts} contradict it and "
              "{undetermined} cannot decide; {context} context series are shown and decide nothing: {details}",
        "id": "status ini bertumpu pada {n} deret bukti: {supports} mendukung klaim, {contradicts} bertentangan "
              "dengannya, dan {undetermined} tidak dapat memutuskan; {context} deret konteks ditampilkan dan tidak "
              "memutuskan apa pun: {details}"},
    "role_context": {"en": "context, not judged", "id": "konteks, tidak dinilai"},
    # C1 series names
    "trade_share_entikong": {"en": "Trade through PLBN Entikong, % of Sanggau's GRDP",
                        "id": "Perdagangan melalui PLBN Entikong, % PDRB Sanggau"},
    "trade_share_aruk": {"en": "Trade through PLBN Aruk, % of Sambas's GRDP",
                        "id": "Perdagangan melalui PLBN Aruk, % PDRB Sambas"},
    "trade_share_nanga_badau": {"en": "Trade through PLBN Nanga Badau, % of Kapuas Hulu's GRDP",
                        "id": "Perdagangan melalui PLBN Nanga Badau, % PDRB Kapuas Hulu"},
    "trade_share_jagoi_babang": {"en": "Trade through PLBN Jagoi Babang, % of Bengkayang's GRDP",
                        "id": "Perdagangan melalui PLBN Jagoi Babang, % PDRB Bengkayang"},
    "remittance_share_kalbar": {"en": "Remittances of West Kalimantan's registered migrant workers, % of the province's GRDP",
                               "id": "Remitansi pekerja migran terdaftar asal Kalimantan Barat, % PDRB provinsi"},
    # C1 (claims.yml material_share): a series of yearly shares of GRDP, percent
    "explain_material_share": {
        "en": "{n} year(s) with a share of GRDP: {material} at or above {threshold} %, {below} below it, {unknown} "
              "with only a lower bound below it",
        "id": "{n} tahun dengan persentase terhadap PDRB: {material} pada atau di atas {threshold} %, {below} di "
              "bawahnya, {unknown} hanya dengan batas bawah di bawahnya"},
    "explain_turns_bound": {
        "en": "{n} values, {turns} change(s) of direction, {missing} value(s) missing; a count for part of the year "
              "({bounds}) is a lower bound for the missing value, and every value at or above it gives {fewest} to "
              "{most} change(s) of direction, so the bound decides",
        "id": "{n} nilai, {turns} kali berbalik arah, {missing} nilai tidak ada; hitungan untuk sebagian tahun "
              "({bounds}) adalah batas bawah nilai yang tidak ada, dan setiap nilai pada atau di atasnya memberi "
              "{fewest} hingga {most} kali berbalik arah, sehingga batas itu yang memutuskan"},
    "explain_change_at_most": {
        "en": "at most {value} % from 2019 to 2020 (the start is a count for part of the year, a lower bound), "
              "against a threshold of {threshold} %",
        "id": "paling banyak {value} % dari 2019 ke 2020 (nilai awal adalah hitungan untuk sebagian tahun, batas "
              "bawah), dibanding ambang {threshold} %"},
    "explain_change_at_least": {
        "en": "at least {value} % from 2019 to 2020 (the end is a count for part of the year, a lower bound), "
              "against a threshold of {threshold} %",
        "id": "sedikitnya {value} % dari 2019 ke 2020 (nilai akhir adalah hitungan untuk sebagian tahun, batas "
              "bawah), dibanding ambang {threshold} %"},
    # how fragile a status is (kalbar_border.claims.fragility, results/claims_sensitivity.csv)
    "sensitivity_sentence": {"en": "{id} stays {status} for {parts}.", "id": "{id} tetap {status} untuk {parts}."},
    "sensitivity_part": {"en": "{parameter} from {low} to {high} (the ledger's value: {value}; {changes})",
                         "id": "{parameter} dari {low} hingga {high} (nilai dalam daftar klaim: {value}; {changes})"},
    "sensitivity_changes": {"en": "at {at} it becomes {status}", "id": "pada {at} statusnya menjadi {status}"},
    "sensitivity_never": {"en": "no value scanned changes it", "id": "tidak ada nilai yang dipindai yang mengubahnya"},
    "report_sensitivity": {"en": "How fragile each status is", "id": "Seberapa rapuh setiap status"},
    "report_sensitivity_intro": {
        "en": "Each rule threshold was moved over a range of values (results/claims_sensitivity.csv); a claim keeps "
              "its status over the range given, and changes where stated.",
        "id": "Setiap ambang aturan digeser pada suatu rentang nilai (results/claims_sensitivity.csv); suatu klaim "
              "mempertahankan statusnya pada rentang yang disebut, dan berubah di titik yang dinyatakan."},
    "no_independent_source": {"en": "no independent source", "id": "tidak ada sumber independen"},
    "independent_sources": {"en": "{n} independent source(s)", "id": "{n} sumber independen"},
    "entikong_persons": {"en": "Persons in Entikong deportation batches found in the news",
                         "id": "Orang dalam rombongan deportasi Entikong yang ditemukan di berita"},
    "claims_no_drift": {"en": "every computed status equals the reviewed status (expected_status in claims.yml)",
                        "id": "setiap status yang dihitung sama dengan status yang telah ditinjau (expected_status di claims.yml)"},
    # the report page (build/index.html, build/index.id.html)
    "report_title": {"en": "Reproduction report", "id": "Laporan reproduksi"},
    "report_paper": {"en": "Paper", "id": "Artikel"},
    "report_abstract_only": {"en": "only the abstract is public", "id": "hanya abstraknya yang terbuka untuk umum"},
    "report_generated": {"en": "This page is generated by <code>make reproduce</code>. Every status below is computed from "
                                "the ledger's rule (<code>claims.yml</code>) and the run's results "
                                "(<code>results/results.json</code>); nothing is typed in.",
                         "id": "Halaman ini dibuat oleh <code>make reproduce</code>. Setiap status di bawah dihitung dari "
                               "aturan daftar klaim (<code>claims.yml</code>) dan hasil proses "
                               "(<code>results/results.json</code>); tidak ada yang diketik tangan."},
    "report_summary": {"en": "Summary", "id": "Ringkasan"},
    "report_claims": {"en": "Claims", "id": "Klaim"},
    "report_no_claims": {"en": "No claims table in this run.", "id": "Tidak ada tabel klaim dalam proses ini."},
    "report_notebooks": {"en": "Executed notebooks", "id": "Notebook yang dijalankan"},
    "report_figures": {"en": "Figures", "id": "Gambar"},
    "report_data": {"en": "Datasets and provenance", "id": "Dataset dan asal-usul data"},
    "report_citations": {"en": "Data citations", "id": "Sitasi data"},
    "report_raw": {"en": "Raw tables", "id": "Tabel mentah"},
    "report_described": {"en": "described in", "id": "dijelaskan dalam"},
    "report_environment": {"en": "Environment", "id": "Lingkungan komputasi"},
    "report_commit": {"en": "Git commit", "id": "Commit git"},
    "report_rerun": {"en": "How to rerun", "id": "Cara menjalankan ulang"},
    "report_rerun_all": {"en": "the whole compendium (creates .venv on first use)",
                         "id": "seluruh kompendium (membuat .venv pada penggunaan pertama)"},
    "report_rerun_test": {"en": "the test suite", "id": "rangkaian uji"},
    "report_rerun_lab": {"en": "open the notebooks in JupyterLab", "id": "membuka notebook di JupyterLab"},
    "report_other_language": {"en": "Bahasa Indonesia", "id": "English"},
    "report_pages_language": {
        "en": "Each notebook page below carries the English narrative; its tables, figures and messages are in the "
              "language this run used (LANG={run}). For pages wholly in English, run make reproduce PARAMS=\"LANG=en\".",
        "id": "Setiap halaman notebook di bawah memuat narasi berbahasa Indonesia; tabel, grafik, dan pesan di dalamnya "
              "mengikuti bahasa yang dipakai proses ini (LANG={run}). Untuk halaman yang seluruhnya berbahasa Indonesia, "
              "jalankan make reproduce PARAMS=\"LANG=id\"."},
    "report_rights": {"en": "Rights", "id": "Hak penggunaan"},
    "report_rights_code": {
        "en": "The compendium's code is under the MIT licence (LICENSE); its text and figures under CC BY 4.0 "
              "(LICENSE-TEXT-FIGURES.md).",
        "id": "Kode kompendium berlisensi MIT (LICENSE); teks dan gambarnya berlisensi CC BY 4.0 "
              "(LICENSE-TEXT-FIGURES.md)."},
    "report_rights_figures": {
        "en": "Transcribed figures ({datasets}): the numbers are facts, each cited to the page it was read from; the "
              "compilation (selection, arrangement, tidy columns, notes) is under CC BY 4.0; each cited page keeps its "
              "publisher's terms, which this licence does not change.",
        "id": "Angka yang ditranskripsi ({datasets}): angka adalah fakta, masing-masing dikutip dari halaman tempat angka itu "
              "dibaca; kompilasinya (pemilihan, susunan, kolom rapi, catatan) berlisensi CC BY 4.0; setiap halaman yang "
              "dikutip tetap tunduk pada ketentuan penerbitnya, yang tidak diubah oleh lisensi ini."},
    "report_rights_microdata": {
        "en": "BPS microdata ({datasets}): the data belong to Badan Pusat Statistik and are used under BPS's terms of use "
              "for its data; they are not redistributed here but downloaded from the two CRAN packages, whose GPL-3 "
              "licence covers the packages, not the data. Microdata of other provinces are obtained from BPS under "
              "its own licence.",
        "id": "Data mikro BPS ({datasets}): datanya milik Badan Pusat Statistik dan digunakan menurut ketentuan penggunaan "
              "data BPS; data itu tidak didistribusikan ulang di sini tetapi diunduh dari dua paket CRAN, yang lisensi "
              "GPL-3-nya berlaku untuk paketnya, bukan untuk datanya. Data mikro provinsi lain diperoleh dari BPS "
              "menurut lisensi BPS sendiri."},
    "report_footer": {"en": "kalbar-border compendium, version {version}, commit {commit} ({tree}); cite it with CITATION.cff.",
                      "id": "Kompendium kalbar-border, versi {version}, commit {commit} ({tree}); sitasi melalui CITATION.cff."},
    "report_variant": {
        "en": "This run is a variant, not the reference outputs ({reasons}). Its outputs are in {folder}/; results/ and "
              "figures/ keep the references committed with the code. {n} reference file(s) differ from this run's outputs:",
        "id": "Run ini adalah varian, bukan keluaran rujukan ({reasons}). Keluarannya ada di {folder}/; results/ dan "
              "figures/ tetap berisi keluaran rujukan yang di-commit bersama kode. {n} berkas rujukan berbeda dari "
              "keluaran run ini:"},
    "report_variant_more": {"en": "and {n} more", "id": "dan {n} lainnya"},
    "tree_clean": {"en": "working tree clean: code, data and texts as committed",
                   "id": "salinan kerja bersih: kode, data, dan teks sama dengan commit"},
    "tree_modified": {"en": "working tree modified: uncommitted changes to code, data or texts",
                      "id": "salinan kerja berubah: ada perubahan kode, data, atau teks yang belum di-commit"},
    "tree_unknown": {"en": "not a git checkout: the tree's state is unknown",
                     "id": "bukan salinan git: keadaan salinan kerja tidak diketahui"},
    "report_contents": {"en": "Contents", "id": "Isi"},
    # the report page: the opening summary
    "report_summary_sentence": {
        "en": "Of the {total} claims of the abstract, {reproduced} reproduced as worded, {number_traced_meaning_differs} "
              "has its number traced to a source that counts something else, {partly_supported} partly supported "
              "(of the series that count its subject, some support it and the others contradict it or cannot decide), {contradicted} contradicted by the data and {not_checkable} not checkable with public data.",
        # each status followed by its count, so that a zero reads "tereproduksi sebagaimana dirumuskan 0", not "0 tereproduksi"
        "id": "Dari {total} klaim dalam abstrak, banyaknya klaim menurut status: tereproduksi sebagaimana dirumuskan "
              "{reproduced}; angkanya terlacak ke sumber yang menghitung hal lain {number_traced_meaning_differs}; "
              "didukung sebagian (dari deret yang menghitung pokok klaimnya, sebagian mendukung dan sisanya bertentangan atau "
              "tidak dapat memutuskan) {partly_supported}; bertentangan dengan data "
              "{contradicted}; tidak dapat diperiksa dengan data publik {not_checkable}."},
    "report_statuses": {"en": "What the statuses mean", "id": "Arti setiap status"},
    "report_kinds": {"en": "A claim that is not checkable says why, in one of these kinds:",
                     "id": "Klaim yang tidak dapat diperiksa menyebutkan alasannya, dengan salah satu jenis berikut:"},
    "report_rules": {"en": "The rules and their thresholds", "id": "Aturan dan ambangnya"},
    "report_rules_fixed": {"en": "Rules fixed on {date}.", "id": "Aturan ditetapkan pada {date}."},
    "report_acronyms": {"en": "Abbreviations", "id": "Singkatan"},
    "acronym_BPS": {"en": "Badan Pusat Statistik, Statistics Indonesia", "id": "Badan Pusat Statistik"},
    "acronym_Susenas": {"en": "Survei Sosial Ekonomi Nasional, the national socio-economic survey",
                        "id": "Survei Sosial Ekonomi Nasional"},
    "acronym_Sakernas": {"en": "Survei Angkatan Kerja Nasional, the national labour force survey",
                         "id": "Survei Angkatan Kerja Nasional"},
    "acronym_BP2MI": {"en": "Badan Pelindungan Pekerja Migran Indonesia, the Indonesian migrant workers' protection agency",
                      "id": "Badan Pelindungan Pekerja Migran Indonesia"},
    "acronym_KJRI": {"en": "Konsulat Jenderal Republik Indonesia, the Indonesian consulate-general (here in Kuching, Sarawak)",
                     "id": "Konsulat Jenderal Republik Indonesia (di sini di Kuching, Sarawak)"},
    "acronym_PLBN": {"en": "Pos Lintas Batas Negara, the state border post (here Entikong)",
                     "id": "Pos Lintas Batas Negara (di sini Entikong)"},
    "acronym_OJK": {"en": "Otoritas Jasa Keuangan, the financial services authority", "id": "Otoritas Jasa Keuangan"},
    "acronym_SNLIK": {"en": "OJK's national survey of financial literacy and inclusion",
                      "id": "Survei Nasional Literasi dan Inklusi Keuangan (OJK)"},
    "acronym_WDI": {"en": "World Development Indicators (World Bank)", "id": "World Development Indicators (Bank Dunia)"},
    "acronym_AME": {"en": "average marginal effect", "id": "average marginal effect, efek marginal rata-rata"},
    "acronym_PSU": {"en": "primary sampling unit (cluster)", "id": "primary sampling unit, unit sampel primer (klaster)"},
    "report_not_clean": {"en": "Claims not reproduced as worded, and why:",
                         "id": "Klaim yang tidak tereproduksi sebagaimana dirumuskan, dan alasannya:"},
    "report_all_clean": {"en": "Every claim reproduces as stated.", "id": "Semua klaim tereproduksi sebagaimana dirumuskan."},
    "report_contradicted_reason": {"en": "The paper gives {paper}; this run finds {reproduced}.",
                                   "id": "Artikel menyebut {paper}; proses ini menghasilkan {reproduced}."},
    # the report page: key findings
    "report_findings": {"en": "Key findings", "id": "Temuan utama"},
    "report_no_findings": {"en": "No findings were recorded in this run (results/results.json is missing).",
                           "id": "Tidak ada temuan yang tercatat dalam proses ini (results/results.json tidak ada)."},
    "report_no_findings_keys": {"en": "This run recorded none of the key findings shown here.",
                                "id": "Proses ini tidak mencatat satu pun temuan utama yang ditampilkan di sini."},
    "report_findings_finance": {"en": "Financial behaviour of migrants and non-migrants",
                                "id": "Perilaku keuangan migran dan bukan migran"},
    "report_finance_scope": {
        "en": "Persons aged 15 and over in {province}; {definition}. Shares are weighted; a difference is migrant minus "
              "non-migrant, in percentage points, with its design-based 95 % confidence interval."
              " The test behind \"holds after Holm\" is on the log-odds scale (the odds ratio), the interval on the "
              "probability scale, so near the boundary an interval can touch 0 while the test holds, or the reverse.",
        "id": "Penduduk berumur 15 tahun ke atas di {province}; {definition}. Proporsi tertimbang; selisih adalah migran "
              "dikurangi bukan migran, dalam poin persentase, dengan selang kepercayaan 95 % berbasis desain survei."
              " Uji di balik \"tetap signifikan setelah koreksi Holm\" dilakukan pada skala log-odds (rasio odds), sedangkan "
              "selang kepercayaannya pada skala peluang, sehingga di dekat batas sebuah selang dapat menyentuh 0 padahal "
              "ujinya signifikan, atau sebaliknya."},
    "report_finance_scope_no_province": {
        "en": "Persons aged 15 and over; {definition}. Shares are weighted; a difference is migrant minus non-migrant, "
              "in percentage points, with its design-based 95 % confidence interval."
              " The test behind \"holds after Holm\" is on the log-odds scale (the odds ratio), the interval on the "
              "probability scale, so near the boundary an interval can touch 0 while the test holds, or the reverse.",
        "id": "Penduduk berumur 15 tahun ke atas; {definition}. Proporsi tertimbang; selisih adalah migran dikurangi "
              "bukan migran, dalam poin persentase, dengan selang kepercayaan 95 % berbasis desain survei."
              " Uji di balik \"tetap signifikan setelah koreksi Holm\" dilakukan pada skala log-odds (rasio odds), sedangkan "
              "selang kepercayaannya pada skala peluang, sehingga di dekat batas sebuah selang dapat menyentuh 0 padahal "
              "ujinya signifikan, atau sebaliknya."},
    "report_province": {"en": "{name} (province {code})", "id": "{name} (provinsi {code})"},
    "report_proxy": {"en": "These are proxy data: the paper is about West Kalimantan (province 61).",
                     "id": "Ini data pendekatan: artikel membahas Kalimantan Barat (provinsi 61)."},
    "report_definition": {"en": "migrant definition {code}", "id": "definisi migran {code}"},
    "report_definition_named": {"en": "{meaning} (definition {code})", "id": "{meaning} (definisi {code})"},
    "report_finance_counts": {
        "en": "Under this definition {tested} indicators were compared; {significant} pass Holm's correction within the "
              "definition's own family{alpha}; for {few}, a group has fewer than 10 events, so the difference is not read "
              "as evidence.",
        "id": "Dengan definisi ini {tested} indikator dibandingkan; {significant} lolos koreksi Holm dalam keluarga "
              "definisi itu sendiri{alpha}; pada {few} indikator, satu kelompok memiliki kurang dari 10 kejadian sehingga "
              "selisihnya tidak dibaca sebagai bukti."},
    "report_family": {
        "en": "Which tests to read: those corrected across the whole survey (Holm's correction over every indicator, "
              "migrant definition and population of a survey), because every indicator is tested under four migrant "
              "definitions and three populations and no definition was designated before the data were seen: a reader "
              "who picks the line that looks best is protected only by it. This family was made primary after the "
              "results were known (the analysis choices below give the date). The "
              "per-definition family, which fits a reader who committed to one definition beforehand, is shown beside "
              "it. A difference is said to hold only where the survey-wide test, the rules on few events and few "
              "degrees of freedom, and the adjusted effect (AME, average marginal effect, whose 95 % interval must "
              "exclude 0 with the same sign) all agree.",
        "id": "Uji yang dibaca: uji yang dikoreksi untuk seluruh survei (koreksi Holm atas setiap indikator, definisi "
              "migran, dan populasi dalam satu survei), karena setiap indikator diuji dengan empat definisi migran dan "
              "tiga populasi dan tidak ada definisi yang ditetapkan sebelum data dilihat: pembaca yang memilih baris yang tampak paling baik hanya terlindungi olehnya. Keluarga ini dijadikan utama setelah hasilnya "
              "diketahui (pilihan analisis di bawah menyebut tanggalnya). Keluarga per "
              "definisi, yang cocok bagi pembaca yang sudah memilih satu definisi sebelumnya, ditampilkan di sampingnya. "
              "Suatu selisih disebut bertahan hanya bila uji seluruh survei, aturan kejadian sedikit dan derajat bebas "
              "sedikit, serta efek yang disesuaikan (AME, average marginal effect atau efek marginal rata-rata, yang "
              "selang 95 %-nya harus tidak mencakup 0 dengan tanda yang sama) semuanya sejalan."},
    "report_robustness_counts": {
        "en": "Of {rows} comparisons (indicator × migrant definition × population, both surveys), {eligible} are "
              "eligible to hold: they have a design-based test on at least {min_df} degrees of freedom in each group and "
              "an adjusted model. {holds} of these {eligible} eligible comparisons hold by every criterion. Workers 15+ "
              "are a subset of persons 15+, so a difference holding in both is one difference: {distinct} distinct "
              "differences hold. Not eligible: {no_model} not modelled (no adjusted model, which is not a disagreement); "
              "{few_df} with fewer than {min_df} degrees of freedom in a group; {zero_cell} with a share of 0 or 1 (no "
              "test); {no_test} without a test for another reason.",
        "id": "Dari {rows} perbandingan (indikator × definisi migran × populasi, kedua survei), {eligible} layak "
              "dinilai: perbandingan itu memiliki uji berbasis desain dengan sedikitnya {min_df} derajat bebas di setiap "
              "kelompok dan model yang disesuaikan. {holds} dari {eligible} perbandingan yang layak itu bertahan menurut "
              "semua kriteria. Pekerja 15+ adalah bagian dari penduduk 15+, sehingga selisih yang bertahan pada keduanya "
              "adalah satu selisih: {distinct} selisih berbeda bertahan. Tidak layak dinilai: {no_model} tidak "
              "dimodelkan (tidak ada model yang disesuaikan, dan itu bukan ketidaksejalanan); {few_df} dengan derajat "
              "bebas kurang dari {min_df} pada satu kelompok; {zero_cell} dengan proporsi 0 atau 1 (tanpa uji); "
              "{no_test} tanpa uji karena alasan lain."},
    "report_robustness_which": {"en": "They are: {items}.", "id": "Yaitu: {items}."},
    "report_default_holds": {
        "en": "For persons 15+ under the default definition (table below), {holds} of {n} eligible comparisons hold.",
        "id": "Untuk penduduk 15+ dengan definisi bawaan (tabel di bawah), {holds} dari {n} perbandingan yang layak "
              "dinilai bertahan."},
    "report_ledger_choices": {"en": "The ledger's analysis choices (claims.yml, analysis_choices): {items}",
                              "id": "Pilihan analisis daftar klaim (claims.yml, analysis_choices): {items}"},
    "report_choices": {"en": "Analysis choices (claims.yml, analysis_choices): {items}",
                       "id": "Pilihan analisis (claims.yml, analysis_choices): {items}"},
    "choice_quote": {"en": "{choice} Fixed on {fixed}, {seen}. Reason: {reason}",
                     "id": "{choice} Ditetapkan pada {fixed}, {seen}. Alasan: {reason}"},
    "choice_results_seen": {"en": "after the results had been seen", "id": "setelah hasilnya dilihat"},
    "choice_results_unseen": {"en": "before the results were seen", "id": "sebelum hasilnya dilihat"},
    "report_comparison": {"en": "{indicator} ({survey}, {population}; {definition})",
                          "id": "{indicator} ({survey}, {population}; {definition})"},
    "report_default_definition": {
        "en": "The table below shows the default definition, recent inter-provincial migrants: among the definitions "
              "these files allow, it is the closest observable to the paper's cross-border movers (a provincial border "
              "crossed in the last five years); lifetime migrants include people who moved decades ago, and returnees "
              "from abroad are too few. The robustness table after it is what to read across definitions.",
        "id": "Tabel di bawah menampilkan definisi bawaan, migran risen antarprovinsi: di antara definisi yang "
              "dimungkinkan berkas ini, definisi itulah yang paling dekat dengan pelintas batas dalam artikel (melintasi "
              "batas provinsi dalam lima tahun terakhir); migran seumur hidup mencakup orang yang pindah puluhan tahun "
              "lalu, dan migran kembali dari luar negeri terlalu sedikit. Tabel ketahanan sesudahnya adalah yang dibaca "
              "untuk membandingkan antardefinisi."},
    "report_returnees": {
        "en": "Returnees from abroad, the group closest to the paper's international migrant workers, number {n} "
              "persons aged 15 and over in Susenas (every returnee in the domain; domain degrees of freedom: {df}). "
              "In Sakernas they number {n_sakernas} persons aged 15 and over. Of these, {n_sakernas_answered} answered "
              "the item compared: the n of a comparison counts only those with an answer. Both groups are too few to "
              "show a difference or to rule one out; no finding rests on them.",
        "id": "Migran yang kembali dari luar negeri, kelompok yang paling dekat dengan pekerja migran internasional "
              "dalam artikel, berjumlah {n} orang berumur 15 tahun ke atas di Susenas (semua migran kembali dalam "
              "domain; derajat bebas domain: {df}). Di Sakernas jumlahnya {n_sakernas} orang berumur 15 tahun ke atas. "
              "Dari mereka, {n_sakernas_answered} orang menjawab butir yang dibandingkan: n suatu perbandingan hanya "
              "menghitung yang menjawab. Kedua kelompok terlalu sedikit untuk menunjukkan selisih atau "
              "menyingkirkannya; tidak ada temuan yang bersandar pada kelompok ini."},
    "report_robustness": {"en": "Robustness across definitions, populations and test families",
                          "id": "Ketahanan antardefinisi, populasi, dan keluarga uji"},
    "report_robustness_rest": {
        "en": "The table lists the comparisons where a test passes in either family or the adjusted effect's interval "
              "excludes 0. Of the eligible comparisons that do not hold, {inconclusive} are inconclusive: their 95 % "
              "interval reaches beyond ±{margin} percentage points, so they neither show a difference nor rule one out. "
              "{no_difference} show no difference: their whole 95 % interval lies within ±{margin} percentage points. "
              "The margin is C5's. results/financial_robustness.csv lists every comparison with its verdict.",
        "id": "Tabel memuat perbandingan yang ujinya lolos di salah satu keluarga atau yang selang efek "
              "disesuaikannya tidak mencakup 0. Dari perbandingan layak dinilai yang tidak bertahan, {inconclusive} "
              "tidak meyakinkan: selang 95 %-nya melewati ±{margin} poin persentase, sehingga tidak menunjukkan selisih "
              "dan tidak pula menyingkirkannya. {no_difference} tidak menunjukkan selisih: seluruh selang 95 %-nya "
              "berada dalam ±{margin} poin persentase. Marginnya sama dengan margin C5. "
              "results/financial_robustness.csv memuat setiap perbandingan beserta putusannya."},
    "report_mde": {
        "en": "At 80 % power and the dataset-wide family's level, the smallest detectable difference of an eligible "
              "comparison is {low} percentage points. The largest is {high} percentage points. The median is {median} "
              "percentage points (normal approximation with each comparison's design effect; the "
              "formula: compare.minimum_detectable_difference).",
        "id": "Dengan kuasa uji 80 % dan taraf keluarga seluruh dataset, selisih terkecil yang dapat dideteksi suatu "
              "perbandingan yang layak dinilai adalah {low} poin persentase. Yang terbesar {high} poin persentase. "
              "Mediannya {median} poin persentase (hampiran normal dengan efek desain setiap perbandingan; "
              "rumusnya: compare.minimum_detectable_difference)."},
    "verdict_holds": {"en": "holds", "id": "bertahan"},
    "verdict_inconclusive": {"en": "inconclusive", "id": "tidak meyakinkan"},
    "verdict_no_difference_shown": {"en": "no difference shown", "id": "tidak menunjukkan selisih"},
    "verdict_not_eligible": {"en": "not eligible", "id": "tidak layak dinilai"},
    "ineligible_zero_cell": {"en": "not eligible: a share is 0 or 1", "id": "tidak layak dinilai: proporsi 0 atau 1"},
    "ineligible_no_test": {"en": "not eligible: no test", "id": "tidak layak dinilai: tanpa uji"},
    "ineligible_few_df": {"en": "not eligible: too few degrees of freedom",
                          "id": "tidak layak dinilai: derajat bebas terlalu sedikit"},
    "ineligible_no_model": {"en": "not modelled", "id": "tidak dimodelkan"},
    "report_col_holm_family": {"en": "passes Holm within its definition", "id": "lolos Holm dalam definisinya"},
    "report_col_holm_dataset": {"en": "passes Holm across the survey", "id": "lolos Holm untuk seluruh survei"},
    "report_col_holds": {"en": "holds by every criterion", "id": "bertahan menurut semua kriteria"},
    "report_col_population": {"en": "population", "id": "populasi"},
    "report_col_definition": {"en": "migrant definition", "id": "definisi migran"},
    "report_col_disagreement": {"en": "what disagrees", "id": "yang tidak sejalan"},
    "population_persons15": {"en": "persons 15+", "id": "penduduk 15+"},
    "population_workers15": {"en": "workers 15+", "id": "pekerja 15+"},
    "population_households": {"en": "households", "id": "rumah tangga"},
    "report_alpha": {"en": " (family-wise α = {alpha})", "id": " (α untuk seluruh keluarga = {alpha})"},
    "col_indicator": {"en": "indicator", "id": "indikator"},
    "col_survey": {"en": "survey", "id": "survei"},
    "report_col_share_migrant": {"en": "migrants (%)", "id": "migran (%)"},
    "report_col_share_non_migrant": {"en": "non-migrants (%)", "id": "bukan migran (%)"},
    "report_col_difference": {"en": "difference, percentage points (95 % CI)",
                              "id": "selisih, poin persentase (selang kepercayaan 95 %)"},
    "report_col_ame": {"en": "adjusted difference (average marginal effect), percentage points (95 % CI)",
                       "id": "selisih yang disesuaikan (efek marginal rata-rata), poin persentase (selang kepercayaan 95 %)"},
    "report_ci": {"en": "{low} to {high}", "id": "{low} hingga {high}"},
    "report_yes": {"en": "yes", "id": "ya"},
    "report_no": {"en": "no", "id": "tidak"},
    "report_too_few_events": {"en": "too few events", "id": "kejadian terlalu sedikit"},
    "report_findings_border": {"en": "Border records", "id": "Catatan perbatasan"},
    "report_border_complaints_2019": {
        "en": "In 2019 BP2MI received {n} complaints about Indonesian migrant workers from all placement countries: "
              "a count of complaints, not of illegal workers.",
        "id": "Pada 2019 BP2MI menerima {n} pengaduan tentang pekerja migran Indonesia dari semua negara penempatan: "
              "ini hitungan pengaduan, bukan hitungan pekerja ilegal."},
    "report_border_complaints_2020": {"en": "In 2020 BP2MI received {n} complaints.",
                                      "id": "Pada 2020 BP2MI menerima {n} pengaduan."},
    "report_border_complaints_change": {"en": "BP2MI complaints {direction} {pct} % from 2019 to 2020.",
                                        "id": "Pengaduan BP2MI {direction} {pct} % dari 2019 ke 2020."},
    "report_border_deportations_change": {
        "en": "Deportations from Sarawak recorded by the Indonesian consulate in Kuching (KJRI Kuching) {direction} "
              "{pct} % over the same years.",
        "id": "Deportasi dari Sarawak yang dicatat KJRI Kuching {direction} {pct} % pada tahun-tahun yang sama."},
    # context, not evidence (issue 30, item 1): registered placements count legal departures
    "report_border_placements_change": {
        "en": "Context only, deciding no claim: West Kalimantan's registered (legal) placements of migrant workers "
              "{direction} {pct} % over the same years; they count legal departures, not illegal workers.",
        "id": "Hanya konteks, tidak memutuskan klaim apa pun: penempatan resmi pekerja migran asal Kalimantan Barat "
              "{direction} {pct} % pada tahun-tahun yang sama; angka ini menghitung keberangkatan resmi, bukan pekerja ilegal."},
    # the 2019 placements are a count for part of the year (BS081), so the change is a bound
    "report_border_placements_change_at_most": {
        "en": "Context only, deciding no claim: West Kalimantan's registered (legal) placements of migrant workers fell "
              "by at least {pct} % over the same years (the 2019 value counts part of the year, a lower bound); they "
              "count legal departures, not illegal workers.",
        "id": "Hanya konteks, tidak memutuskan klaim apa pun: penempatan resmi pekerja migran asal Kalimantan Barat turun "
              "sedikitnya {pct} % pada tahun-tahun yang sama (nilai 2019 menghitung sebagian tahun, batas bawah); angka "
              "ini menghitung keberangkatan resmi, bukan pekerja ilegal."},
    # context, not a border measure (issue 30, item 1): the batches are those the news happened to
    # report, so their yearly sum follows coverage and decides no claim
    "report_border_entikong_change": {
        "en": "Context only, deciding no claim: persons in the deportation batches through the Entikong border post "
              "(PLBN) that were found in the news numbered {start} in 2019 and {end} in 2020. This counts news "
              "coverage, which varies by year, not the persons returned at the border.",
        "id": "Hanya konteks, tidak menentukan klaim apa pun: orang dalam rombongan deportasi melalui PLBN Entikong "
              "yang ditemukan di berita berjumlah {start} pada 2019 dan {end} pada 2020. Ini menghitung liputan berita, "
              "yang berbeda antartahun, bukan orang yang dipulangkan di perbatasan."},
    "report_border_covid": {"en": "None of these series tests whether COVID-19 caused the changes of 2020.",
                            "id": "Tidak satu pun deret ini menguji apakah COVID-19 menyebabkan perubahan pada 2020."},
    "report_rose": {"en": "rose by", "id": "naik"},
    "report_fell": {"en": "fell by", "id": "turun"},
    "report_changed": {"en": "changed by", "id": "berubah"},
    # the report page: parameters and data versions of the run
    "report_run": {"en": "Parameters and data versions of this run", "id": "Parameter dan versi data proses ini"},
    "report_parameters": {"en": "Parameters", "id": "Parameter"},
    "report_parameters_intro": {"en": "The values the notebooks ran with (name = value), and the notebooks that use each.",
                                "id": "Nilai yang dipakai notebook saat dijalankan (nama = nilai), dan notebook yang memakainya."},
    "report_all_notebooks": {"en": "every notebook", "id": "semua notebook"},
    "report_differs": {"en": "differs between notebooks", "id": "berbeda antarnotebook"},
    "report_overrides": {"en": "Set on the command line for this run: {values}.",
                         "id": "Diatur di baris perintah untuk proses ini: {values}."},
    "report_no_overrides": {"en": "Nothing was set on the command line: every notebook ran with its default values.",
                            "id": "Tidak ada yang diatur di baris perintah: setiap notebook berjalan dengan nilai bawaannya."},
    "report_microdata": {"en": "Survey microdata (Susenas, Sakernas) present: {answer}.",
                         "id": "Data mikro survei (Susenas, Sakernas) tersedia: {answer}."},
    "report_data_versions": {"en": "Data versions", "id": "Versi data"},
    "report_data_versions_intro": {
        "en": "Each dataset with its period and the first 12 hexadecimal digits of its SHA-256 checksum.",
        "id": "Setiap dataset dengan periodenya dan 12 digit heksadesimal pertama checksum SHA-256-nya."},
    # the report page: figures, notebooks, data and environment
    "report_download": {"en": "Download", "id": "Unduh"},
    "report_sidecar": {"en": "Sidecar (provenance)", "id": "Berkas pendamping (asal-usul)"},
    "report_kernel": {"en": "kernel", "id": "kernel"},
    "col_package": {"en": "package", "id": "paket"},
    "col_version": {"en": "version", "id": "versi"},
    # the report page: texts of the data files, so the Indonesian page shows them in Indonesian
    # (keyed by the English text, as the provenance statuses below; an unknown text stays as it is)
    "microdata missing": {"en": "microdata missing", "id": "data mikro tidak tersedia"},
    "LICENSED_MAP not given": {"en": "LICENSED_MAP not given (runs only on licensed BPS files)",
                               "id": "LICENSED_MAP tidak diberikan (hanya berjalan dengan berkas BPS berlisensi)"},
    "no independent source": {"en": "no independent source", "id": "tidak ada sumber independen"},
    "report_independent_sources": {"en": "{n} independent source(s)", "id": "{n} sumber independen"},
    "fluctuated 2019-2023": {"en": "fluctuated 2019-2023", "id": "berfluktuasi 2019-2023"},
    "drastic fall 2019-2020": {"en": "drastic fall 2019-2020", "id": "turun drastis 2019-2020"},
    "report_public_pages": {"en": "{n} public pages (source_url on every row)",
                            "id": "{n} halaman publik (source_url di setiap baris)"},
    "report_cran_package": {"en": "CRAN package {package}, published {date}", "id": "paket CRAN {package}, terbit {date}"},
    "BPS terms of use for its data": {"en": "BPS terms of use for its data", "id": "ketentuan penggunaan data BPS"},
    "Illegal-migrant-worker, complaint, deportation and placement series, 2015-2026": {
        "en": "Illegal-migrant-worker, complaint, deportation and placement series, 2015-2026",
        "id": "Deret pekerja migran ilegal, pengaduan, deportasi, dan penempatan, 2015-2026"},
    "Entikong deportation batches (news reports)": {"en": "Entikong deportation batches (news reports)",
                                                    "id": "Gelombang deportasi melalui Entikong (pemberitaan)"},
    "Remittance and placement context": {"en": "Remittance and placement context",
                                         "id": "Konteks remitansi dan penempatan"},
    "Financial literacy, inclusion and remittance-use context": {
        "en": "Financial literacy, inclusion and remittance-use context",
        "id": "Konteks literasi keuangan, inklusi keuangan, dan penggunaan remitansi"},
    "Susenas March 2020 (KOR, persons), Jambi": {"en": "Susenas March 2020 (KOR, persons), Jambi",
                                                 "id": "Susenas Maret 2020 (KOR, individu), Jambi"},
    "Sakernas August 2020 (persons), Jambi": {"en": "Sakernas August 2020 (persons), Jambi",
                                              "id": "Sakernas Agustus 2020 (individu), Jambi"},
    "col_notebook": {"en": "notebook", "id": "notebook"},
    "col_status": {"en": "status", "id": "status"},
    "col_time": {"en": "time", "id": "waktu"},
    "col_parameters": {"en": "parameters", "id": "parameter"},
    "col_claim": {"en": "claim", "id": "klaim"},
    "col_paper_value": {"en": "paper value", "id": "nilai artikel"},
    "col_reproduced_value": {"en": "reproduced value", "id": "nilai hasil reproduksi"},
    "col_caveat": {"en": "caveat / reason", "id": "catatan / alasan"},
    "col_evidence": {"en": "evidence", "id": "bukti"},
    "status_reproduced": {"en": "reproduced", "id": "tereproduksi"},
    "status_number_traced_meaning_differs": {"en": "number traced, meaning differs", "id": "angka terlacak, artinya berbeda"},
    "status_partly_supported": {"en": "partly supported", "id": "didukung sebagian"},
    "status_contradicted": {"en": "contradicted", "id": "bertentangan"},
    "status_not_checkable": {"en": "not checkable", "id": "tidak dapat diperiksa"},
    # what each status means, one sentence (report and notebook 07)
    "status_def_reproduced": {"en": "The claim, as the abstract words it, is supported by the public data.",
                              "id": "Klaim, sebagaimana dirumuskan abstrak, didukung oleh data publik."},
    "status_def_number_traced_meaning_differs": {
        "en": "The paper's number is found in a public source, but that source counts something other than what the claim says.",
        "id": "Angka artikel ditemukan dalam sumber publik, tetapi sumber itu menghitung sesuatu yang lain daripada yang dikatakan klaim."},
    "status_def_partly_supported": {
        "en": "Of the series the claim could refer to, some support it and others contradict it or cannot decide.",
        "id": "Dari deret-deret yang mungkin dimaksud klaim, sebagian mendukungnya dan yang lain bertentangan atau tidak dapat memutuskan."},
    "status_def_contradicted": {"en": "The public data the claim refers to show the opposite of the claim.",
                                "id": "Data publik yang dirujuk klaim menunjukkan kebalikan dari klaim itu."},
    "status_def_not_checkable": {"en": "No public data can confirm or refute the claim; its kind says why.",
                                 "id": "Tidak ada data publik yang dapat membenarkan atau membantah klaim; jenisnya menyebutkan alasannya."},
    "kind_not_empirical": {"en": "not an empirical claim", "id": "bukan klaim empiris"},
    "kind_no_public_data": {"en": "no public data", "id": "tidak ada data publik"},
    "kind_source_identified_not_obtained": {"en": "source identified, not obtained",
                                            "id": "sumber teridentifikasi, tidak diperoleh"},
    "kind_no_independent_source": {"en": "no independent source", "id": "tidak ada sumber independen"},
    "kind_incomplete_data": {"en": "data incomplete", "id": "data tidak lengkap"},
    "kind_too_few_public_rows": {"en": "too few public rows", "id": "terlalu sedikit baris publik"},
    "kind_def_not_empirical": {"en": "A statement of argument or policy, not of fact.",
                               "id": "Pernyataan argumen atau kebijakan, bukan pernyataan fakta."},
    "kind_def_no_public_data": {"en": "The data that would test the claim are not public, and no likely source is known.",
                                "id": "Data yang dapat menguji klaim tidak terbuka untuk umum, dan tidak ada sumber yang mungkin diketahui."},
    "kind_def_source_identified_not_obtained": {
        "en": "The source the paper most likely used is identified, but no copy we could reach holds its tables.",
        "id": "Sumber yang kemungkinan besar dipakai artikel sudah teridentifikasi, tetapi tidak ada salinan yang dapat kami jangkau yang memuat tabel-tabelnya."},
    "kind_def_no_independent_source": {"en": "The number is found in no source but the paper itself.",
                                       "id": "Angka itu tidak ditemukan di sumber mana pun selain artikel itu sendiri."},
    "kind_def_too_few_public_rows": {
        "en": "Public sources give fewer years than the rule needs; the rows found are cited.",
        "id": "Sumber publik memberi lebih sedikit tahun daripada yang dibutuhkan aturan; baris yang ditemukan dikutip."},
    "kind_def_incomplete_data": {"en": "The series lack the values the rule needs to decide (or the notebook that records them did not run).",
                                 "id": "Deret-deretnya tidak memuat nilai yang dibutuhkan aturan untuk memutuskan (atau notebook yang mencatatnya tidak dijalankan)."},
    "verdict_supports": {"en": "supports", "id": "mendukung"},
    "verdict_contradicts": {"en": "contradicts", "id": "bertentangan"},
    "verdict_undetermined": {"en": "cannot decide", "id": "tidak dapat memutuskan"},
    "evidence_notebook": {"en": "notebook", "id": "notebook"},
    "evidence_figure": {"en": "figure", "id": "gambar"},
    "evidence_table": {"en": "table", "id": "tabel"},
    "evidence_rows": {"en": "source rows", "id": "baris sumber"},
    "col_dataset": {"en": "dataset", "id": "dataset"},
    "col_title": {"en": "title", "id": "judul"},
    "col_source": {"en": "source", "id": "sumber"},
    "col_period": {"en": "period", "id": "periode"},
    "col_licence": {"en": "licence", "id": "lisensi"},
    "col_rows": {"en": "rows", "id": "baris"},
    "col_sha256": {"en": "sha256", "id": "sha256"},
    "verified (checksum + schema)": {"en": "verified (checksum + schema)", "id": "terverifikasi (checksum + skema)"},
    "verified (downloaded/cached)": {"en": "verified (downloaded/cached)", "id": "terverifikasi (diunduh/tersimpan)"},
    "not available in this run": {"en": "not available in this run", "id": "tidak tersedia dalam proses ini"},
    "status_current": {"en": "current", "id": "terkini"},
    "status_skipped": {"en": "skipped", "id": "dilewati"},
    # a notebook that failed or did not run in the last run: its outputs, if any, are an earlier
    # run's, made with the parameters shown beside them
    "status_failed": {"en": "FAILED in this run", "id": "GAGAL pada run ini"},
    "status_not_current": {"en": "NOT CURRENT (not run in this run)", "id": "TIDAK TERKINI (tidak dijalankan pada run ini)"},
    "outputs of an earlier run": {"en": "outputs of an earlier run",
                                  "id": "keluaran dari run sebelumnya"},
    "no outputs": {"en": "no outputs", "id": "tanpa keluaran"},
    # the words of the annual series table (kalbar_border.border.timeseries.annual_pivot)
    "pivot_not_found": {"en": "not found", "id": "tidak ditemukan"},
    "pivot_disagree": {"en": "disagree", "id": "sumber berbeda"},
    "pivot_unverified": {"en": "UNVERIFIED", "id": "BELUM TERVERIFIKASI"},
    "pivot_caveat": {"en": "caveat", "id": "ada catatan"},
    "pivot_partial": {"en": "partial", "id": "sebagian tahun"},
    "pivot_multi": {"en": "multi", "id": "beberapa tahun"},
    # the notes of the placements table (kalbar_border.border.context.placements)
    "placements_gap": {"en": "gap ({ids})", "id": "celah data ({ids})"},
    "placements_gap_no_row": {"en": "gap (no row)", "id": "celah data (tanpa baris)"},
    "placements_conflicting": {"en": "conflicting values {values} ({ids})", "id": "nilai bertentangan {values} ({ids})"},
    "placements_hedged": {"en": "possibly year-to-date per source notes",
                          "id": "mungkin kumulatif sejak awal tahun menurut catatan sumber"},
    "placements_national_missing": {"en": "national placements not found ({why})",
                                    "id": "penempatan nasional tidak ditemukan ({why})"},
    "placements_disagree": {"en": "tables disagree: border_series {b} ({b_ids}) vs macro_remittances {m} ({m_ids})",
                            "id": "kedua tabel berbeda: border_series {b} ({b_ids}) vs macro_remittances {m} ({m_ids})"},
    "placements_only_border": {"en": "border_series {b} ({b_ids}) vs macro_remittances {why}",
                               "id": "border_series {b} ({b_ids}) vs macro_remittances {why}"},
    "placements_only_macro": {"en": "macro_remittances {m} ({m_ids}) vs border_series {why}",
                              "id": "macro_remittances {m} ({m_ids}) vs border_series {why}"},
    "placements_neither": {"en": "West Kalimantan not found (border_series {b_why}; macro_remittances {m_why})",
                           "id": "Kalimantan Barat tidak ditemukan (border_series {b_why}; macro_remittances {m_why})"},
    # why a deportation batch is flagged (kalbar_border.border.deportations.flag_details)
    "flag_detail_sex_over": {"en": "sex counts {sex} > total {total}", "id": "jumlah menurut jenis kelamin {sex} > total {total}"},
    "flag_detail_reasons_over": {"en": "reason counts {reasons} > total {total}",
                                 "id": "jumlah menurut alasan {reasons} > total {total}"},
    "flag_detail_sex_mismatch": {"en": "sex counts {sex} != total {total}",
                                 "id": "jumlah menurut jenis kelamin {sex} tidak sama dengan total {total}"},
    "flag_detail_children_apart": {"en": " (male + female + children = total: children probably counted apart)",
                                   "id": " (laki-laki + perempuan + anak = total: anak-anak kemungkinan dihitung terpisah)"},
    "flag_detail_weekday": {"en": "weekday: {items}", "id": "nama hari: {items}"},
    "flag_detail_weekday_item": {"en": "'{quoted}' but {date} was a {day}",
                                 "id": "sumber menyebut hari {named}, padahal {date} adalah hari {day}"},
    "flag_detail_weekday_said": {"en": "notes say weekday/date conflict",
                                 "id": "catatan menyebut nama hari dan tanggal tidak cocok"},
    "flag_detail_mixed": {"en": "figures include repatriated persons", "id": "angka mencakup orang yang direpatriasi"},
    "flag_detail_precision": {"en": "date precision {precision}", "id": "ketelitian tanggal: {precision}"},
    "flag_detail_date_doubt": {"en": "date doubtful per date_note", "id": "tanggal diragukan menurut date_note"},
    "date_precision_month": {"en": "month", "id": "bulan"},
    "date_precision_range": {"en": "range", "id": "rentang"},
    "month_abbreviations": {"en": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
                            "id": "Jan Feb Mar Apr Mei Jun Jul Agu Sep Okt Nov Des"},
    "weekday_names": {"en": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
                      "id": "Senin Selasa Rabu Kamis Jumat Sabtu Minggu"},
    # codes shown in Indonesian tables as "label (code)" (kalbar_border.localize.CODED)
    "code_group_migrant": {"en": "migrant", "id": "migran"},
    "code_group_non_migrant": {"en": "non-migrant", "id": "bukan migran"},
    "code_subgroup_sex": {"en": "sex", "id": "jenis kelamin"},
    "code_subgroup_area": {"en": "area", "id": "wilayah"},
    "code_subgroup_male": {"en": "male", "id": "laki-laki"},
    "code_subgroup_female": {"en": "female", "id": "perempuan"},
    "code_subgroup_rural": {"en": "rural", "id": "perdesaan"},
    "code_subgroup_urban": {"en": "urban", "id": "perkotaan"},
    "code_agreement_same": {"en": "same value", "id": "nilai sama"},
    "code_agreement_disagree": {"en": "values differ", "id": "nilai berbeda"},
    "code_agreement_only_border_series": {"en": "only in border_series", "id": "hanya di border_series"},
    "code_agreement_only_macro": {"en": "only in macro_remittances", "id": "hanya di macro_remittances"},
    "code_agreement_neither": {"en": "in neither table", "id": "tidak ada di kedua tabel"},
    "code_period_year": {"en": "full year", "id": "setahun penuh"},
    "code_period_partial_year": {"en": "part of a year", "id": "sebagian tahun"},
    "code_period_multi_year": {"en": "several years", "id": "beberapa tahun"},
    "code_bound_exact": {"en": "exact", "id": "tepat"},
    "code_bound_lower_bound": {"en": "lower bound", "id": "batas bawah"},
    "code_area_regency": {"en": "the regency", "id": "kabupaten"},
    "code_area_province": {"en": "the province", "id": "provinsi"},
    "code_flag_mixed_definitions": {"en": "mixed definitions", "id": "definisi bercampur"},
    "code_flag_partial_year": {"en": "part of a year", "id": "sebagian tahun"},
    "code_flag_second_hand": {"en": "second-hand source", "id": "sumber tangan kedua"},
    "code_flag_self_contradiction": {"en": "source contradicts itself", "id": "sumber bertentangan dengan dirinya sendiri"},
    "code_flag_unverified": {"en": "not verified", "id": "belum terverifikasi"},
    "code_flag_vintage": {"en": "several vintages", "id": "beberapa vintase"},
    # notes the code writes into tables (kalbar_border.localize.local_text; keyed by the English text or a pattern)
    "note_perfect_prediction": {"en": "{n} persons with {variable} = {value} left out: all have {indicator} = {y} "
                                      "(perfect prediction)",
                                "id": "{n} orang dengan {variable} = {value} dikeluarkan: semuanya memiliki {indicator} = "
                                      "{y} (prediksi sempurna)"},
    "note_wdi_snapshot": {"en": "World Bank WDI, {date} (snapshot commit date), commit {commit}",
                          "id": "WDI Bank Dunia, {date} (tanggal commit snapshot), commit {commit}"},
    "note_zero_cell": {"en": "every {group} has indicator = {y} (zero cell)",
                       "id": "setiap {group} memiliki indikator = {y} (sel nol)"},
    "no design-based test (a share is 0 or 1)": {"en": "no design-based test (a share is 0 or 1)",
                                                  "id": "tidak ada uji berbasis desain (salah satu proporsi bernilai 0 atau 1)"},
    "difference CI by MOVER": {"en": "difference CI by MOVER", "id": "selang selisih dengan metode MOVER"},
    "design-based t-test of the log odds ratio (df = test_df: the smaller group's domain df, at most PSUs - strata - 1 "
    "as svyglm)": {
        "en": "design-based t-test of the log odds ratio (df = test_df: the smaller group's domain df, at most PSUs - "
              "strata - 1 as svyglm)",
        "id": "uji t berbasis desain atas log rasio odds (derajat bebas = test_df: derajat bebas domain kelompok yang "
              "lebih kecil, paling banyak PSU - strata - 1 seperti svyglm)"},
    "batches found in news reports, not all batches of the year": {
        "en": "batches found in news reports, not all batches of the year",
        "id": "gelombang yang ditemukan dalam pemberitaan, bukan seluruh gelombang tahun itu"},
    "low (second-hand, unknown base)": {"en": "low (second-hand, unknown base)",
                                        "id": "rendah (tangan kedua, penyebut tidak diketahui)"},
    # units of the raw tables (keyed by the English text)
    **{unit: {"en": unit, "id": said} for unit, said in {
        "IDR": "rupiah", "IDR or US$": "rupiah atau US$", "billion IDR": "miliar rupiah",
        "billion IDR (June 2012, 700 transfers)": "miliar rupiah (Juni 2012, 700 transfer)",
        "billion IDR per year": "miliar rupiah per tahun", "cases": "kasus", "complaints": "pengaduan",
        "complaints (UNVERIFIED)": "pengaduan (BELUM TERVERIFIKASI)", "current US$": "US$ harga berlaku",
        "million persons": "juta orang", "path coefficient (beta)": "koefisien jalur (beta)", "percent": "persen",
        "percent (index)": "persen (indeks)", "percent (index, rounded as quoted)": "persen (indeks, dibulatkan seperti kutipan)",
        "percent change 2020->2021": "persentase perubahan 2020->2021", "percent of GDP": "persen terhadap PDB",
        "percent of estimated remittance flow (about)": "persen dari perkiraan arus remitansi (kira-kira)",
        "percent of remittances": "persen dari remitansi", "percent of remittances sent": "persen dari remitansi yang dikirim",
        "persons (1 Jan-27 Feb 2024)": "orang (1 Jan-27 Feb 2024)",
        "persons (1 Jan-4 May 2024)": "orang (1 Jan-4 Mei 2024)", "persons (20 Mar-28 Jun 2021)": "orang (20 Mar-28 Jun 2021)",
        "persons (H1 2020)": "orang (semester I 2020)", "persons (H1 2021)": "orang (semester I 2021)",
        "persons (Jan-26 Apr 2021)": "orang (Jan-26 Apr 2021)", "persons (Jan-Feb 2026)": "orang (Jan-Feb 2026)",
        "persons (Jan-Jul 2019)": "orang (Jan-Jul 2019)", "persons (Jan-Oct 2016)": "orang (Jan-Okt 2016)",
        "persons (Mar-5 Nov 2020)": "orang (Mar-5 Nov 2020)", "persons (cumulative year-to-date)": "orang (kumulatif sejak awal tahun)",
        "persons (lower bound, to 19 Sep 2021)": "orang (batas bawah, sampai 19 Sep 2021)",
        "persons (to 25 Oct 2025)": "orang (sampai 25 Okt 2025)", "persons (to 28 Mar 2022)": "orang (sampai 28 Mar 2022)",
        "trillion IDR": "triliun rupiah"}.items()},
    # series names of macro_remittances (keyed by the English text)
    **{name: {"en": name, "id": said} for name, said in {
        "BI estimated stock of Indonesian migrant workers abroad": "perkiraan BI jumlah pekerja migran Indonesia di luar negeri",
        "BI remittances of Indonesian migrant workers (remitansi PMI), total": "remitansi PMI menurut BI, total",
        "BI remittances of Indonesian migrant workers, half-year": "remitansi PMI menurut BI, setengah tahun",
        "BI remittances of PMI from Malaysia": "remitansi PMI dari Malaysia menurut BI",
        "BP2MI placements of Indonesian migrant workers (penempatan PMI)": "penempatan PMI menurut BP2MI",
        "BP2MI placements to Malaysia": "penempatan BP2MI ke Malaysia",
        "BP3MI Kalbar placements of PMI (origin West Kalimantan)": "penempatan PMI menurut BP3MI Kalbar (asal Kalimantan Barat)",
        "BPS_stated remittances share of GDP (range, last five years)":
            "proporsi remitansi terhadap PDB menurut pernyataan BPS (rentang, lima tahun terakhir)",
        "Deportations/returns of Indonesian workers via West Kalimantan border":
            "deportasi/pemulangan pekerja Indonesia melalui perbatasan Kalimantan Barat",
        "Illegal migrant workers recorded by Indonesia (as reported in Anggita et al.)":
            "pekerja migran ilegal yang dicatat Indonesia (menurut Anggita dkk.)",
        "Illegal migrant workers recorded by Malaysia (as reported in Anggita et al.)":
            "pekerja migran ilegal yang dicatat Malaysia (menurut Anggita dkk.)",
        "Indonesians working abroad (World Bank estimate)": "WNI yang bekerja di luar negeri (perkiraan Bank Dunia)",
        "KNOMAD bilateral remittance estimate, Malaysia -> Indonesia": "perkiraan remitansi bilateral KNOMAD, Malaysia -> Indonesia",
        "KNOMAD/World Bank estimate as reported (personal remittances received)":
            "perkiraan KNOMAD/Bank Dunia sebagaimana diberitakan (remitansi personal yang diterima)",
        "Remittances of PMI in rupiah (as stated by BP2MI/KemenP2MI)": "remitansi PMI dalam rupiah (menurut BP2MI/KemenP2MI)",
        "Remittances of PMI to West Kalimantan (quarter)": "remitansi PMI ke Kalimantan Barat (triwulan)",
        "Remittances of registered PMI from West Kalimantan (annual, stated)":
            "remitansi PMI terdaftar asal Kalimantan Barat (tahunan, sebagaimana dinyatakan)",
        "WDI_BX.TRF.PWKR.CD.DT personal remittances received": "WDI_BX.TRF.PWKR.CD.DT remitansi personal yang diterima",
        "WDI_BX.TRF.PWKR.DT.GD.ZS personal remittances received (% of GDP)":
            "WDI_BX.TRF.PWKR.DT.GD.ZS remitansi personal yang diterima (% terhadap PDB)",
        "WDI_NY.GDP.MKTP.CD GDP (for computing remittances % GDP)":
            "WDI_NY.GDP.MKTP.CD PDB (untuk menghitung remitansi % PDB)"}.items()},
    # what each border series counts, as border_series defines it (keyed by the English text)
    **{text: {"en": text, "id": said} for text, said in {
        "Complaints (pengaduan) about Indonesian migrant workers received by BP2MI, all placement countries, calendar year":
            "Pengaduan tentang pekerja migran Indonesia yang diterima BP2MI, semua negara penempatan, tahun kalender",
        "BP2MI complaints from PMI whose placement country is Malaysia":
            "Pengaduan ke BP2MI dari PMI yang negara penempatannya Malaysia",
        "Indonesian citizens deported by Malaysian Immigration (Jabatan Imigresen) from Sarawak, KJRI Kuching records "
        "(deportations go via ICQS Tebedu - PLBN Entikong)":
            "WNI yang dideportasi Imigrasi Malaysia (Jabatan Imigresen) dari Sarawak, catatan KJRI Kuching (deportasi "
            "melalui ICQS Tebedu - PLBN Entikong)",
        "Registered PMI placements processed by BP3TKI/UPT BP2MI/BP3MI Pontianak (Kalbar)":
            "Penempatan PMI terdaftar yang diproses BP3TKI/UPT BP2MI/BP3MI Pontianak (Kalbar)",
        "KJRI Kuching cumulative count of WNI/PMI-B deported by Jabatan Imigresen Sarawak, period: Jan-Mar 2023":
            "Hitungan kumulatif KJRI Kuching atas WNI/PMI-B yang dideportasi Jabatan Imigresen Sarawak, periode Jan-Mar 2023",
        "WNI deported from Malaysia via Entikong, BP2MI Entikong data":
            "WNI yang dideportasi dari Malaysia melalui Entikong, data BP2MI Entikong",
        "WNI deportees facilitated through PLBN Entikong in 2023 (BNPP monitoring with immigration & health quarantine)":
            "Deportan WNI yang difasilitasi melalui PLBN Entikong pada 2023 (pemantauan BNPP bersama imigrasi dan "
            "karantina kesehatan)",
        "Problem WNI/PMI returned via PLBN Entikong in 2022 (BP3MI Kalbar)":
            "WNI/PMI bermasalah yang dipulangkan melalui PLBN Entikong pada 2022 (BP3MI Kalbar)",
        "WNI returned via PLBN Entikong Jan-Jul 2019 incl. deportation, repatriation, sick and deceased (P4TKI Entikong)":
            "WNI yang dipulangkan melalui PLBN Entikong Jan-Jul 2019, termasuk deportasi, repatriasi, sakit, dan "
            "meninggal (P4TKI Entikong)",
        "'PMIB' entering via PLBN Entikong counted by the border COVID task force (total crossers 8,081)":
            "'PMIB' yang masuk melalui PLBN Entikong menurut hitungan Satgas COVID-19 perbatasan (total pelintas 8.081)",
        "WNI/PMI returned with problems in 2022 via PLBN Entikong and Supadio airport (BP3MI Kalbar)":
            "WNI/PMI bermasalah yang dipulangkan pada 2022 melalui PLBN Entikong dan Bandara Supadio (BP3MI Kalbar)",
        "PMI returns (deportation or repatriation) facilitated by BP2MI Kalbar in 2020":
            "Pemulangan PMI (deportasi atau repatriasi) yang difasilitasi BP2MI Kalbar pada 2020",
        "Problem PMI whose return was facilitated by UPT BP2MI Pontianak, Jan-Jun 2020":
            "PMI bermasalah yang pemulangannya difasilitasi UPT BP2MI Pontianak, Jan-Jun 2020",
        "PMI deported by Malaysia, H1 2020, facilitated by UPT BP2MI Pontianak":
            "PMI yang dideportasi Malaysia, semester I 2020, difasilitasi UPT BP2MI Pontianak",
        "'More than 2,000' PMI Terkendala (deported by Malaysia or via KJRI Kuching) facilitated by UPT BP2MI "
        "Pontianak in 2021":
            "'Lebih dari 2.000' PMI Terkendala (dideportasi Malaysia atau melalui KJRI Kuching) yang difasilitasi UPT "
            "BP2MI Pontianak pada 2021"}.items()},
    # column headings of the tables the notebooks show (kalbar_border.localize.table): col_<column>
    "col_value": {"en": "value", "id": "nilai"},
    "col_table": {"en": "table", "id": "tabel"},
    "col_flag": {"en": "flag", "id": "penanda"},
    "col_date": {"en": "date", "id": "tanggal"},
    "col_date_precision": {"en": "date precision", "id": "ketelitian tanggal"},
    "col_parameter": {"en": "parameter", "id": "parameter"},
    "col_why": {"en": "why", "id": "alasan"},
    "col_year": {"en": "year", "id": "tahun"},
    # results/border_trade.csv (notebook 04, claim C1)
    "col_post": {"en": "border post", "id": "pos lintas batas"},
    "col_regency": {"en": "regency", "id": "kabupaten"},
    "col_exports_idr": {"en": "exports, rupiah", "id": "ekspor, rupiah"},
    "col_exports_kind": {"en": "exports: period", "id": "ekspor: periode"},
    "col_imports_idr": {"en": "imports, rupiah", "id": "impor, rupiah"},
    "col_imports_kind": {"en": "imports: period", "id": "impor: periode"},
    "col_trade_idr": {"en": "trade (exports + imports), rupiah", "id": "perdagangan (ekspor + impor), rupiah"},
    "col_trade_kind": {"en": "trade: exact or lower bound", "id": "perdagangan: tepat atau batas bawah"},
    "col_grdp_idr": {"en": "GRDP at current prices, rupiah", "id": "PDRB atas dasar harga berlaku, rupiah"},
    "col_grdp_area": {"en": "GRDP of", "id": "PDRB dari"},
    "col_share_of_grdp_pct": {"en": "% of GRDP", "id": "% PDRB"},
    "col_share_kind": {"en": "share: exact or lower bound", "id": "persentase: tepat atau batas bawah"},
    "col_missing": {"en": "no public row for", "id": "tidak ada baris publik untuk"},
    "col_trade_row_ids": {"en": "trade rows", "id": "baris perdagangan"},
    "col_grdp_row_ids": {"en": "GRDP rows", "id": "baris PDRB"},
    "col_row_ids": {"en": "source rows", "id": "baris sumber"},
    "col_remittance_idr": {"en": "remittances, rupiah", "id": "remitansi, rupiah"},
    "col_series": {"en": "series", "id": "deret"},
    "col_unit": {"en": "unit", "id": "satuan"},
    "col_definition": {"en": "definition", "id": "definisi"},
    "col_publisher": {"en": "publisher", "id": "penerbit"},
    "col_row_id": {"en": "row id", "id": "id baris"},
    "col_source_id": {"en": "source id", "id": "id sumber"},
    "col_note": {"en": "note", "id": "catatan"},
    "col_notes": {"en": "notes", "id": "catatan"},
    "col_period_kind": {"en": "kind of period", "id": "jenis periode"},
    "col_published_date": {"en": "published", "id": "tanggal terbit"},
    "col_published_date_note": {"en": "why no published date", "id": "alasan tanpa tanggal terbit"},
    "col_accessed": {"en": "accessed", "id": "tanggal akses"},
    "col_cites": {"en": "cites", "id": "mengutip"},
    "col_publishers": {"en": "publishers", "id": "penerbit"},
    "col_hosts": {"en": "web sites", "id": "situs web"},
    "col_published": {"en": "published", "id": "tanggal terbit"},
    "col_published_notes": {"en": "notes on the published dates", "id": "catatan tanggal terbit"},
    "col_distinct_publishers": {"en": "different publishers", "id": "penerbit berbeda"},
    "col_distinct_sites": {"en": "different web sites", "id": "situs web berbeda"},
    "col_cite_each_other": {"en": "one names another", "id": "saling menyebut"},
    "col_dates_differ": {"en": "different dates", "id": "tanggal berbeda"},
    "col_independent": {"en": "independent", "id": "independen"},
    "col_geography": {"en": "geography", "id": "wilayah"},
    "col_confidence": {"en": "confidence", "id": "tingkat keyakinan"},
    "col_snapshot": {"en": "snapshot", "id": "snapshot"},
    # border series (notebook 02)
    "col_start_year": {"en": "start year", "id": "tahun awal"},
    "col_end_year": {"en": "end year", "id": "tahun akhir"},
    "col_start_value": {"en": "start value", "id": "nilai awal"},
    "col_end_value": {"en": "end value", "id": "nilai akhir"},
    "col_percent_change": {"en": "change (%)", "id": "perubahan (%)"},
    "col_percent_change_1dp": {"en": "change (%), one decimal", "id": "perubahan (%), satu desimal"},
    "col_start_row_ids": {"en": "row ids of the start value", "id": "id baris nilai awal"},
    "col_end_row_ids": {"en": "row ids of the end value", "id": "id baris nilai akhir"},
    "col_national_placements": {"en": "national placements", "id": "penempatan nasional"},
    "col_national_row_id": {"en": "row id, national", "id": "id baris nasional"},
    "col_kalbar_border_series": {"en": "West Kalimantan placements (border_series)",
                                 "id": "penempatan Kalimantan Barat (border_series)"},
    "col_kalbar_border_series_row_id": {"en": "row id (border_series)", "id": "id baris (border_series)"},
    "col_kalbar_macro": {"en": "West Kalimantan placements (macro_remittances)",
                         "id": "penempatan Kalimantan Barat (macro_remittances)"},
    "col_kalbar_macro_row_id": {"en": "row id (macro_remittances)", "id": "id baris (macro_remittances)"},
    "col_kalbar_placements": {"en": "West Kalimantan placements", "id": "penempatan Kalimantan Barat"},
    "col_kalbar_row_ids": {"en": "row ids, West Kalimantan", "id": "id baris Kalimantan Barat"},
    "col_kalbar_agreement": {"en": "agreement of the two tables", "id": "kesesuaian kedua tabel"},
    # Entikong deportation batches (notebook 03)
    "col_events flagged": {"en": "events flagged", "id": "kejadian yang diberi penanda"},
    "col_event_id": {"en": "event id", "id": "id kejadian"},
    "col_deportation_date": {"en": "deportation date", "id": "tanggal deportasi"},
    "col_total_deported": {"en": "persons deported", "id": "orang yang dideportasi"},
    "col_male": {"en": "male", "id": "laki-laki"},
    "col_female": {"en": "female", "id": "perempuan"},
    "col_children": {"en": "children", "id": "anak-anak"},
    "col_male_n": {"en": "male, number", "id": "laki-laki, angka"},
    "col_female_n": {"en": "female, number", "id": "perempuan, angka"},
    "col_children_n": {"en": "children, number", "id": "anak-anak, angka"},
    "col_flag_detail": {"en": "why flagged", "id": "alasan penanda"},
    "col_batches_found": {"en": "batches found", "id": "gelombang ditemukan"},
    "col_persons": {"en": "persons", "id": "orang"},
    "col_batches_with_sex": {"en": "batches giving sex", "id": "gelombang dengan rincian jenis kelamin"},
    "col_batches_with_reason": {"en": "batches giving a reason", "id": "gelombang dengan rincian alasan"},
    "col_no_passport": {"en": "without passport", "id": "tanpa paspor"},
    "col_no_work_permit": {"en": "without work permit", "id": "tanpa izin kerja"},
    "col_batches_with_kalbar": {"en": "batches giving West Kalimantan origin",
                                "id": "gelombang dengan rincian asal Kalimantan Barat"},
    "col_from_kalbar": {"en": "from West Kalimantan", "id": "dari Kalimantan Barat"},
    "col_kalbar_base_persons": {"en": "persons in batches giving origin", "id": "orang dalam gelombang yang menyebut asal"},
    "col_share_from_kalbar": {"en": "share from West Kalimantan", "id": "proporsi dari Kalimantan Barat"},
    "col_batches_flagged": {"en": "batches flagged", "id": "gelombang yang diberi penanda"},
    # remittances (notebook 04)
    "col_remittances_usd": {"en": "remittances (current US$)", "id": "remitansi (US$ harga berlaku)"},
    "col_gdp_usd": {"en": "GDP (current US$)", "id": "PDB (US$ harga berlaku)"},
    "col_share_pct": {"en": "remittances, % of GDP", "id": "remitansi, % terhadap PDB"},
    "col_remittances_row_id": {"en": "row id, remittances", "id": "id baris remitansi"},
    "col_gdp_row_id": {"en": "row id, GDP", "id": "id baris PDB"},
    # migrants and non-migrants (notebooks 05 and 06); shares are fractions 0-1
    "col_migrant_definition": {"en": "migrant definition", "id": "definisi migran"},
    "col_meaning": {"en": "meaning", "id": "arti"},
    "col_province": {"en": "province", "id": "provinsi"},
    "col_population": {"en": "population", "id": "populasi"},
    "col_group": {"en": "group", "id": "kelompok"},
    "col_migrant": {"en": "migrants", "id": "migran"},
    "col_non_migrant": {"en": "non-migrants", "id": "bukan migran"},
    "col_subgroup": {"en": "subgroup", "id": "subkelompok"},
    "col_subgroup_value": {"en": "subgroup value", "id": "nilai subkelompok"},
    "col_n": {"en": "n (rows in the model)", "id": "n (baris dalam model)"},
    "col_n_unweighted": {"en": "n (unweighted)", "id": "n (tanpa bobot)"},
    "col_n_migrant": {"en": "n, migrants", "id": "n migran"},
    "col_n_non_migrant": {"en": "n, non-migrants", "id": "n bukan migran"},
    "col_n_clusters": {"en": "clusters", "id": "jumlah klaster"},
    "col_count_unweighted": {"en": "events (unweighted)", "id": "kejadian (tanpa bobot)"},
    "col_count_migrant": {"en": "events, migrants", "id": "kejadian pada migran"},
    "col_count_non_migrant": {"en": "events, non-migrants", "id": "kejadian pada bukan migran"},
    "col_share_weighted": {"en": "weighted share", "id": "proporsi tertimbang"},
    "col_share_migrant": {"en": "share, migrants", "id": "proporsi migran"},
    "col_share_non_migrant": {"en": "share, non-migrants", "id": "proporsi bukan migran"},
    "col_ci_low": {"en": "95 % CI, lower bound", "id": "batas bawah selang kepercayaan 95 %"},
    "col_ci_high": {"en": "95 % CI, upper bound", "id": "batas atas selang kepercayaan 95 %"},
    "col_deff": {"en": "design effect", "id": "efek desain"},
    "col_difference": {"en": "difference (migrants minus non-migrants)", "id": "selisih (migran dikurangi bukan migran)"},
    "col_difference_ci_low": {"en": "difference, 95 % CI lower bound",
                              "id": "selisih, batas bawah selang kepercayaan 95 %"},
    "col_difference_ci_high": {"en": "difference, 95 % CI upper bound",
                               "id": "selisih, batas atas selang kepercayaan 95 %"},
    "col_odds_ratio": {"en": "odds ratio", "id": "rasio odds"},
    "col_odds_ratio_ci_low": {"en": "odds ratio, 95 % CI lower bound",
                              "id": "rasio odds, batas bawah selang kepercayaan 95 %"},
    "col_odds_ratio_ci_high": {"en": "odds ratio, 95 % CI upper bound",
                               "id": "rasio odds, batas atas selang kepercayaan 95 %"},
    "col_t": {"en": "t", "id": "t"},
    "col_p_value": {"en": "p-value", "id": "nilai p"},
    "col_p_holm": {"en": "p-value, Holm within the family", "id": "nilai p terkoreksi Holm (dalam keluarga)"},
    "col_p_holm_dataset": {"en": "p-value, Holm across the survey", "id": "nilai p terkoreksi Holm (seluruh survei)"},
    "col_cohens_h": {"en": "Cohen's h", "id": "h Cohen"},
    "col_small_group": {"en": "small group", "id": "kelompok kecil"},
    "col_fewest_events": {"en": "fewest events", "id": "kejadian paling sedikit"},
    "col_few_events": {"en": "too few events", "id": "kejadian terlalu sedikit"},
    "col_significant_holm": {"en": "holds after Holm (family)", "id": "signifikan setelah koreksi Holm (keluarga)"},
    "col_significant_holm_dataset": {"en": "holds after Holm (survey)",
                                     "id": "signifikan setelah koreksi Holm (seluruh survei)"},
    "col_test": {"en": "test", "id": "uji"},
    "col_n_ame": {"en": "n (average marginal effect)", "id": "n (efek marginal rata-rata)"},
    "col_covariates": {"en": "covariates", "id": "kovariat"},
    "col_ame": {"en": "average marginal effect", "id": "efek marginal rata-rata"},
    "col_ame_se": {"en": "average marginal effect, standard error", "id": "efek marginal rata-rata, galat baku"},
    "col_ame_ci_low": {"en": "average marginal effect, 95 % CI lower bound",
                       "id": "efek marginal rata-rata, batas bawah selang kepercayaan 95 %"},
    "col_ame_ci_high": {"en": "average marginal effect, 95 % CI upper bound",
                        "id": "efek marginal rata-rata, batas atas selang kepercayaan 95 %"},
    "col_ame_p_value": {"en": "average marginal effect, p-value", "id": "efek marginal rata-rata, nilai p"},
    "col_design_df": {"en": "design degrees of freedom", "id": "derajat bebas desain"},
    "col_few_df": {"en": "too few degrees of freedom", "id": "derajat bebas terlalu sedikit"},
    "col_df": {"en": "domain degrees of freedom", "id": "derajat bebas domain"},
    "col_significant_family": {"en": "significant after Holm (definition's family)",
                               "id": "signifikan setelah koreksi Holm (keluarga definisi)"},
    "col_significant_dataset": {"en": "significant after Holm (whole dataset)",
                                "id": "signifikan setelah koreksi Holm (seluruh dataset)"},
    "col_ame_excludes_zero": {"en": "adjusted effect's 95 % CI excludes 0",
                              "id": "selang kepercayaan 95 % efek yang disesuaikan tidak mencakup 0"},
    "col_holds": {"en": "difference holds", "id": "perbedaan bertahan"},
    "col_disagreement": {"en": "what disagrees", "id": "yang tidak sejalan"},
    "col_share_ci_n": {"en": "share (95 % CI), n", "id": "proporsi (selang kepercayaan 95 %), n"},
    "col_strata": {"en": "strata", "id": "strata"},
    "col_psus": {"en": "primary sampling units (PSUs)", "id": "unit sampel primer (PSU)"},
    # the claims ledger (notebook 07)
    "col_checked": {"en": "what was checked", "id": "yang diperiksa"},
    "col_explanation": {"en": "explanation", "id": "penjelasan"},
    "col_expected_status": {"en": "reviewed status", "id": "status yang ditinjau"},
    # notebooks' closing sections, what each found and its limits (kalbar_border.texts.findings):
    # findings_<notebook> is a list of paragraphs, each a template whose {placeholders} are filled
    # from the values the notebook recorded in this run; no number is typed in.
    # -- notebooks 02-04
    # Dotted keys are the notebook's recorded results (results/<notebook>.json); plain names are
    # computed in the findings cell from this run's tables. Years enter as text, so they are not
    # written "2,019"; the years of the article's own claims (2019, 2020) are words of the claim.
    "findings_02_border_series": {
        "en": [
            "**{border.bp2mi_complaints_total.2019:n} counts complaints, not illegal workers.** The article's 2019 "
            "figure is exactly the number of complaints about Indonesian migrant workers received in 2019 by BP2MI "
            "(Badan Pelindungan Pekerja Migran Indonesia, the national agency for the protection of migrant workers), "
            "as {border.bp2mi_complaints_total.2019_sources:n} independent secondary sources report it. "
            "It is a national count for all placement countries, not West Kalimantan's, and a complaint is a case, "
            "not a person, lodged by documented and undocumented workers alike: the series is at best proxy data for "
            "migrant workers' problems, not a headcount of illegal workers.",
            "**In 2020 national complaints fell while the border's deportations rose.** Complaints went from "
            "{border.bp2mi_complaints_total.2019:n} to {border.bp2mi_complaints_total.2020:n} "
            "({border.bp2mi_complaints_total.change_2019_2020_pct:pct} %), the abstract's \"drastic decrease\". "
            "Deportations of Indonesians from Sarawak recorded by KJRI Kuching (Konsulat Jenderal Republik Indonesia, "
            "the Indonesian consulate-general in Kuching), the cleanest annual series for this border, went from "
            "{border.kjri_kuching_deportations_sarawak.2019:n} to {border.kjri_kuching_deportations_sarawak.2020:n} "
            "({border.kjri_kuching_deportations_sarawak.change_2019_2020_pct:pct} %) in the same year. Whether the "
            "claim holds depends on which series the article means; on the border's own series it does not.",
            "**The COVID-19 cause is not tested.** These series show when the numbers changed, not why: none of them "
            "separates the pandemic from other changes of the same year, such as Malaysia's enforcement or the way "
            "complaints were collected, so the article's explanation remains a hypothesis.",
            "**\"Malaysia recorded {paper_malaysia_2019:n}\" rests on the abstract alone.** The only row carrying "
            "{paper_malaysia_2019:n} cites the article's abstract itself (independent sources found: "
            "{border.bp2mi_complaints_malaysia.2019_independent_sources:n}). It would fit 2019 BP2MI complaints from "
            "workers placed in Malaysia, but that reading is a hypothesis, and the figure is shown only as the "
            "article's claim.",
            "**Data gaps.** No full-year complaint value was found for {complaint_gap_years}, only "
            "{complaint_partial_statements:n} statements covering part of a year, which are never added up into an "
            "annual total. Whether complaints \"fluctuated from 2019 to 2023\" (claim C2) can therefore be judged "
            "only up to {complaints_last_full_year}.",
            "**Other border counts do not form a series.** Indonesian-side counts at PLBN Entikong (Pos Lintas "
            "Batas Negara, the border post at Entikong) exist for single years and under other definitions "
            "({border.entikong_problem_pmi_returns.2022:n} returned migrant workers with problems in 2022, "
            "{border.entikong_deportees_facilitated.2023:n} deportees assisted in 2023) and are not mixed with the "
            "consulate's series. West Kalimantan's registered placements (at least "
            "{border.kalbar_pmi_placements.2019_lower_bound:n} in 2019, a count for part of the year, and "
            "{border.kalbar_pmi_placements.2020:n} in 2020) count legal departures, not illegal workers. The batches found in news reports (notebook 03) are "
            "incomplete.",
        ],
        "id": [
            "**Angka {border.bp2mi_complaints_total.2019:n} menghitung pengaduan, bukan pekerja ilegal.** Angka 2019 "
            "dalam artikel itu persis sama dengan jumlah pengaduan tentang pekerja migran Indonesia yang diterima "
            "BP2MI (Badan Pelindungan Pekerja Migran Indonesia) pada 2019, menurut "
            "{border.bp2mi_complaints_total.2019_sources:n} sumber sekunder yang saling independen. Angka itu berlaku nasional untuk semua negara "
            "penempatan, bukan khusus Kalimantan Barat, dan satu pengaduan adalah satu kasus, bukan satu orang, yang "
            "dapat diajukan pekerja berdokumen maupun tidak berdokumen: deret ini paling jauh merupakan data "
            "pendekatan bagi masalah pekerja migran, bukan cacah pekerja ilegal.",
            "**Pada 2020 pengaduan nasional turun, sedangkan deportasi di perbatasan naik.** Pengaduan berubah dari "
            "{border.bp2mi_complaints_total.2019:n} menjadi {border.bp2mi_complaints_total.2020:n} "
            "({border.bp2mi_complaints_total.change_2019_2020_pct:pct} %), yaitu \"penurunan drastis\" yang disebut "
            "abstrak. Deportasi warga negara Indonesia dari Sarawak yang dicatat KJRI Kuching (Konsulat Jenderal "
            "Republik Indonesia di Kuching), deret tahunan paling bersih untuk perbatasan ini, berubah dari "
            "{border.kjri_kuching_deportations_sarawak.2019:n} menjadi {border.kjri_kuching_deportations_sarawak.2020:n} "
            "({border.kjri_kuching_deportations_sarawak.change_2019_2020_pct:pct} %) pada tahun yang sama. Benar "
            "tidaknya klaim itu bergantung pada deret mana yang dimaksud artikel; pada deret milik perbatasan itu "
            "sendiri, klaim itu tidak berlaku.",
            "**Penyebab COVID-19 tidak diuji.** Deret-deret ini menunjukkan kapan angkanya berubah, bukan mengapa: "
            "tidak satu pun dapat memisahkan pandemi dari perubahan lain pada tahun yang sama, misalnya penegakan "
            "hukum di Malaysia atau cara pengaduan dihimpun, sehingga penjelasan artikel masih berupa dugaan.",
            "**\"Malaysia mencatat {paper_malaysia_2019:n}\" hanya bersandar pada abstrak.** Satu-satunya baris yang "
            "memuat angka {paper_malaysia_2019:n} justru mengutip abstrak artikel itu sendiri (sumber independen yang "
            "ditemukan: {border.bp2mi_complaints_malaysia.2019_independent_sources:n}). Angka itu cocok bila dibaca "
            "sebagai pengaduan BP2MI tahun 2019 dari pekerja yang ditempatkan di Malaysia, tetapi tafsiran itu masih "
            "dugaan, dan angka tersebut hanya ditampilkan sebagai klaim artikel.",
            "**Celah data.** Tidak ditemukan nilai pengaduan setahun penuh untuk {complaint_gap_years}; yang ada "
            "hanya {complaint_partial_statements:n} pernyataan untuk sebagian tahun, yang tidak pernah dijumlahkan "
            "menjadi total tahunan. Karena itu, apakah pengaduan \"berfluktuasi dari 2019 hingga 2023\" (klaim C2) "
            "hanya dapat dinilai sampai {complaints_last_full_year}.",
            "**Hitungan lain di perbatasan belum membentuk deret.** Hitungan dari sisi Indonesia di PLBN Entikong "
            "(Pos Lintas Batas Negara Entikong) masing-masing hanya tersedia untuk satu tahun dan dengan definisi "
            "lain ({border.entikong_problem_pmi_returns.2022:n} pekerja migran bermasalah dipulangkan pada 2022, "
            "{border.entikong_deportees_facilitated.2023:n} deportan difasilitasi pada 2023), dan tidak dicampur "
            "dengan deret konsulat. Penempatan terdaftar Kalimantan Barat (sedikitnya "
            "{border.kalbar_pmi_placements.2019_lower_bound:n} pada 2019, hitungan untuk sebagian tahun, dan "
            "{border.kalbar_pmi_placements.2020:n} pada 2020) menghitung keberangkatan resmi, bukan pekerja ilegal. Gelombang deportasi yang ditemukan dalam "
            "pemberitaan (notebook 03) tidak lengkap.",
        ],
    },
    "findings_03_entikong_events": {
        "en": [
            "**Batches found in the news, not all batches.** From {first_year} to {last_year}, {batches:n} batches "
            "of Indonesians deported from Sarawak through PLBN Entikong (Pos Lintas Batas Negara, the border post at "
            "Entikong) were found in news reports, carrying {persons:n} persons. Coverage varies by year: the "
            "batches found per year range from {fewest_batches:n} ({fewest_year}) to {most_batches:n} "
            "({most_year}). A year's count measures how much the news reported, not how many people were deported, "
            "so the yearly figures are not annual totals.",
            "**2019 to 2020: context, deciding no claim.** The batches found rise from {border.entikong_events.2019.batches_found:n} "
            "({border.entikong_events.2019.persons:n} persons) in 2019 to "
            "{border.entikong_events.2020.batches_found:n} ({border.entikong_events.2020.persons:n} persons) in 2020: "
            "the same direction as the deportations from Sarawak recorded by KJRI Kuching (Konsulat Jenderal "
            "Republik Indonesia, the Indonesian consulate-general in Kuching), and the opposite of the national "
            "complaints (notebook 02). With so few batches found for 2019, the rise may reflect how widely the news "
            "reported as much as how many were deported. These are persons in batches found in the news, not a "
            "measure of the border, so the claims ledger shows them as context for C2 and C4 (role `context` in "
            "`claims_detail.csv`): they neither confirm nor refute the article's \"drastic decrease\".",
            "**Who was deported.** In the {border.entikong_events.male_share_events:n} batches that report both men "
            "and women, {border.entikong_events.male_share:pp} % of the deportees were men; in the "
            "{border.entikong_events.no_passport_share_events:n} batches that report how many had no passport, "
            "{border.entikong_events.no_passport_share:pp} % had none. Each share is taken over those batches only "
            "(a batch that does not report a count is left out, not counted as zero); the batches that report "
            "details need not be typical, and some reports count children among men and women while others do not.",
            "**Where the deportees came from.** In the {kalbar_batches:n} batches that report origin, "
            "{kalbar_share:pp} % of the deportees ({kalbar_persons:n} of {kalbar_base_persons:n}) were from West "
            "Kalimantan: the Entikong route is not a West Kalimantan matter alone. Only those batches report "
            "origin, so the share cannot be carried over to all deportees.",
            "**Reports that contradict themselves.** {border.entikong_events.flagged_events:n} of the {batches:n} "
            "batches carry at least one data-quality flag (parts larger than the total, a weekday that does not "
            "match the date, deportees mixed with repatriated persons, children counted or not). They are kept and "
            "flagged, not dropped, so every figure above includes them; section 1 gives the reasons.",
        ],
        "id": [
            "**Gelombang yang ditemukan dalam pemberitaan, bukan seluruh gelombang.** Dari {first_year} hingga "
            "{last_year}, ditemukan {batches:n} gelombang warga negara Indonesia yang dideportasi dari Sarawak "
            "melalui PLBN Entikong (Pos Lintas Batas Negara Entikong) dalam pemberitaan, dengan jumlah "
            "{persons:n} orang. Cakupannya berbeda dari tahun ke tahun: gelombang yang ditemukan per tahun berkisar "
            "dari {fewest_batches:n} ({fewest_year}) sampai {most_batches:n} ({most_year}). Jumlah dalam satu tahun "
            "mengukur seberapa banyak yang diberitakan, bukan berapa orang yang dideportasi, sehingga angka per tahun "
            "bukan total tahunan.",
            "**Dari 2019 ke 2020: konteks, tidak menentukan klaim apa pun.** Gelombang yang ditemukan naik dari {border.entikong_events.2019.batches_found:n} "
            "({border.entikong_events.2019.persons:n} orang) pada 2019 menjadi "
            "{border.entikong_events.2020.batches_found:n} ({border.entikong_events.2020.persons:n} orang) pada 2020: "
            "searah dengan deportasi dari Sarawak yang dicatat KJRI Kuching (Konsulat Jenderal Republik Indonesia di "
            "Kuching), dan berlawanan dengan pengaduan nasional (notebook 02). Karena gelombang yang ditemukan untuk "
            "2019 sangat sedikit, kenaikan ini dapat mencerminkan luasnya pemberitaan, tidak hanya jumlah orang yang "
            "dideportasi. Ini adalah orang dalam gelombang yang ditemukan di berita, bukan ukuran perbatasan, sehingga "
            "daftar klaim menampilkannya sebagai konteks untuk C2 dan C4 (peran `context` dalam `claims_detail.csv`): "
            "angka ini tidak membenarkan maupun membantah \"penurunan drastis\" yang disebut artikel.",
            "**Siapa yang dideportasi.** Pada {border.entikong_events.male_share_events:n} gelombang yang mencatat "
            "jumlah laki-laki dan perempuan, {border.entikong_events.male_share:pp} % deportan adalah laki-laki; pada "
            "{border.entikong_events.no_passport_share_events:n} gelombang yang mencatat jumlah orang tanpa paspor, "
            "{border.entikong_events.no_passport_share:pp} % tidak memiliki paspor. Setiap proporsi dihitung hanya "
            "atas gelombang tersebut (gelombang yang tidak mencatat suatu jumlah dikeluarkan, bukan dihitung nol); "
            "gelombang yang mencatat rincian belum tentu mewakili semua gelombang, dan sebagian berita memasukkan "
            "anak-anak ke dalam jumlah laki-laki dan perempuan, sebagian lagi tidak.",
            "**Asal deportan.** Pada {kalbar_batches:n} gelombang yang mencatat daerah asal, {kalbar_share:pp} % "
            "deportan ({kalbar_persons:n} dari {kalbar_base_persons:n} orang) berasal dari Kalimantan Barat: jalur "
            "Entikong bukan semata urusan Kalimantan Barat. Hanya gelombang tersebut yang mencatat daerah asal, "
            "sehingga proporsi ini tidak dapat diberlakukan untuk semua deportan.",
            "**Berita yang tidak konsisten.** {border.entikong_events.flagged_events:n} dari {batches:n} gelombang "
            "memiliki sedikitnya satu penanda kualitas data (rincian yang melebihi total, nama hari yang tidak sesuai "
            "dengan tanggal, deportan yang tercampur dengan orang yang direpatriasi, anak-anak yang kadang dihitung "
            "kadang tidak). Gelombang itu disimpan dan diberi penanda, tidak dibuang, sehingga semua angka di atas "
            "ikut mencakupnya; bagian 1 memuat alasannya.",
        ],
    },
    "licensed_part_definition": {"en": "{item}, definition {definition} (licensed file)",
                                 "id": "{item}, definisi {definition} (berkas berlisensi)"},
    "licensed_part_group": {"en": "{item}, {group} (licensed file)", "id": "{item}, {group} (berkas berlisensi)"},
    # C6 judged per group under each migrant definition of a licensed file, and a group with few events (issue 31)
    "licensed_part_group_definition": {"en": "{item}, {group}, definition {definition} (licensed file)",
                                       "id": "{item}, {group}, definisi {definition} (berkas berlisensi)"},
    "licensed_few_events_part": {
        "en": "few events: {yes} yes and {no} no answers (fewer than {minimum} of either, or fewer than twice that with "
              "a design effect below 1)",
        "id": "kejadian sedikit: {yes} jawaban ya dan {no} jawaban tidak (kurang dari {minimum} untuk salah satunya, atau "
              "kurang dari dua kali itu dengan efek desain di bawah 1)"},
    "licensed_few_events_counts": {"en": "{yes} yes and {no} no answers", "id": "{yes} jawaban ya dan {no} jawaban tidak"},
    "licensed_few_events_noted": {
        "en": "Few events in {groups}: the survey variance of so few yes (or no) answers is poorly estimated, so read "
              "those intervals with care; by the rule (claims.yml, C6, few_events: noted) their verdicts stand.",
        "id": "Kejadian sedikit pada {groups}: varians survei dari jawaban ya (atau tidak) yang sesedikit itu tidak "
              "terestimasi dengan baik, sehingga selang itu perlu dibaca dengan hati-hati; menurut aturannya (claims.yml, "
              "C6, few_events: noted) putusannya tetap berlaku."},
    "licensed_few_events_undetermined": {
        "en": "Few events in {groups}: the survey variance of so few yes (or no) answers is poorly estimated; by the rule "
              "(claims.yml, C6, few_events: undetermined) those groups cannot decide.",
        "id": "Kejadian sedikit pada {groups}: varians survei dari jawaban ya (atau tidak) yang sesedikit itu tidak "
              "terestimasi dengan baik; menurut aturannya (claims.yml, C6, few_events: undetermined) kelompok itu tidak "
              "dapat memutuskan."},
    "licensed_item_sent_money_or_goods": {"en": "sent money or goods", "id": "mengirim uang atau barang"},
    "licensed_item_received_money_or_goods": {"en": "received money or goods", "id": "menerima uang atau barang"},
    "licensed_item_any_investment": {"en": "any investment", "id": "berinvestasi"},
    "licensed_item_investment_type": {"en": "investment type {code}", "id": "jenis investasi {code}"},
    "fig_licensed_shares_title": {
        "en": "Sending money or goods and investing, by migration status (licensed BPS file)",
        "id": "Mengirim uang atau barang dan berinvestasi, menurut status migrasi (berkas BPS berlisensi)"},
    "fig_licensed_shares_caption": {
        "en": "Weighted shares by migration status, one panel per migrant definition of the map, with design-based 95 % "
              "confidence intervals (strata, PSUs, weights); n is the rows compared in each group. Computed from a "
              "licensed BPS file ({survey}, {year}; sha256 {sha}) that is not part of the compendium.",
        "id": "Proporsi tertimbang menurut status migrasi, satu panel per definisi migran dalam peta, dengan selang "
              "kepercayaan 95 % berbasis desain (strata, PSU, bobot); n adalah jumlah baris yang dibandingkan di setiap "
              "kelompok. Dihitung dari berkas BPS berlisensi ({survey}, {year}; sha256 {sha}) yang bukan bagian dari "
              "kompendium."},
    "source_licensed_file": {"en": "BPS, {survey} ({year}), licensed file supplied by the researcher, sha256 {sha}",
                             "id": "BPS, {survey} ({year}), berkas berlisensi yang diberikan peneliti, sha256 {sha}"},
    "col_reason": {"en": "reason", "id": "alasan"},
    "col_code": {"en": "code", "id": "kode"},
    "col_answer": {"en": "answer (value label of the file)", "id": "jawaban (label nilai berkas)"},
    "code_group_no_status": {"en": "no migration status", "id": "tanpa status migrasi"},
    "code_reason_outside_province": {"en": "outside the province", "id": "di luar provinsi"},
    "code_reason_zero_weight": {"en": "zero weight", "id": "bobot nol"},
    "code_reason_not_in_population": {"en": "not in the population compared", "id": "bukan populasi yang dibandingkan"},
    "code_reason_no_migration_status": {"en": "no migration status", "id": "tanpa status migrasi"},
    "code_reason_answer_left_out": {"en": "don't know or missing (neither yes nor no)",
                                    "id": "tidak tahu atau kosong (bukan ya dan bukan tidak)"},
    "code_reason_analysed": {"en": "compared", "id": "dibandingkan"},
    "report_licensed_left_out": {
        "en": "Rows left out of the licensed file's comparison: {zero} with a zero weight (design.drop_nonpositive_"
              "weights in the map; {groups}); the answers neither yes nor no, per item and group, are in "
              "results/licensed_excluded.csv.",
        "id": "Baris yang tidak diikutkan dalam perbandingan berkas berlisensi: {zero} berbobot nol "
              "(design.drop_nonpositive_weights dalam peta; {groups}); jawaban yang bukan ya dan bukan tidak, per butir "
              "dan kelompok, ada di results/licensed_excluded.csv."},
    "report_licensed_group_count": {"en": "{group} {n}", "id": "{group} {n}"},
    "explain_licensed_holds": {
        "en": "difference {difference} percentage points (95 % CI {low} to {high}), Holm-adjusted p {p}: the difference holds",
        "id": "selisih {difference} poin persentase (SK 95 % {low} sampai {high}), nilai p Holm {p}: perbedaannya bertahan"},
    "explain_licensed_within_margin": {
        "en": "difference {difference} percentage points (95 % CI {low} to {high}): no difference holds, and the whole "
              "interval lies within ±{margin} percentage points",
        "id": "selisih {difference} poin persentase (SK 95 % {low} sampai {high}): tidak ada perbedaan yang bertahan, dan "
              "seluruh selangnya berada dalam ±{margin} poin persentase"},
    "explain_licensed_undetermined": {
        "en": "difference {difference} percentage points (95 % CI {low} to {high}): the difference does not hold, and the "
              "interval is too wide (or flagged) to rule out a difference of {margin} percentage points",
        "id": "selisih {difference} poin persentase (SK 95 % {low} sampai {high}): perbedaannya tidak bertahan, dan "
              "selangnya terlalu lebar (atau diberi penanda) untuk menepis selisih {margin} poin persentase"},
    "explain_licensed_low": {
        "en": "share {share} % (95 % CI {low} to {high} %), threshold {threshold} %",
        "id": "persentase {share} % (SK 95 % {low} sampai {high} %), ambang {threshold} %"},
    "explain_licensed_no_item": {
        "en": "the licensed file's map names no item this claim needs",
        "id": "peta berkas berlisensi tidak menyebut butir yang diperlukan klaim ini"},
    "licensed_status_note": {
        "en": "Computed from a licensed BPS file supplied by the researcher ({survey}, {year}; sha256 {sha}), not from "
              "public data: readers without that file cannot check it, and the ledger's lock does not apply.",
        "id": "Dihitung dari berkas BPS berlisensi yang diberikan peneliti ({survey}, {year}; sha256 {sha}), bukan dari "
              "data publik: pembaca yang tidak memiliki berkas itu tidak dapat memeriksanya, dan kunci status daftar "
              "klaim tidak berlaku."},
    "report_user_supplied": {"en": "user-supplied: never downloaded, never committed",
                             "id": "diberikan pengguna: tidak pernah diunduh, tidak pernah di-commit"},
    "report_supplied_intro": {"en": "Files supplied by the user for this run (by file name and sha256):",
                              "id": "Berkas yang diberikan pengguna untuk proses ini (menurut nama berkas dan sha256):"},
    "report_licensed_banner": {
        "en": "Built on licensed data: this report includes results of notebook 08 computed from a licensed BPS file "
              "supplied by the researcher (sha256 {sha}). That file is not part of the compendium and cannot be "
              "redistributed; readers without it cannot rerun those results. Claims judged on it are marked as such.",
        "id": "Dibuat dari data berlisensi: laporan ini memuat hasil notebook 08 yang dihitung dari berkas BPS "
              "berlisensi yang diberikan peneliti (sha256 {sha}). Berkas itu bukan bagian dari kompendium dan tidak "
              "boleh disebarluaskan; pembaca yang tidak memilikinya tidak dapat menjalankan ulang hasil itu. Klaim yang "
              "dinilai dengannya ditandai demikian."},
    "findings_08_remittances_investment": {
        "en": [
            "**Data.** {licensed.survey} ({licensed.year}), one row per {unit}, supplied by the researcher under a BPS "
            "licence, checksum {licensed.file_sha256_short}. The file is not part of the compendium and readers without "
            "it cannot rerun these numbers; the run record and the report name the file by its checksum.",
            "**Tests.** {licensed.tests:n} tests (each item under each migrant definition the map names) form one Holm "
            "family, fixed before any licensed file was seen; {licensed.holding:n} differences hold (Holm-adjusted "
            "p below {alpha}, and no small-group, few-events or few-degrees-of-freedom flag). The primary definition, "
            "the first the map names, is {licensed.primary_definition}.",
            "**Rows left out.** {licensed.zero_weight_rows:n} rows of the province with a zero weight were left out "
            "(the map allows it with design.drop_nonpositive_weights; without it a zero weight stops the run, as a "
            "negative one always does). Answers "
            "that are neither yes nor no (don't know, refused, blank) are left out of each item; section 2 counts, per "
            "item, definition and group, every row left out and why, and names each code by the file's value label.",
            "**Limits.** Which codes count as migrant, as sending or receiving money or goods and as investing are the "
            "researcher's choices, printed in section 1 and recorded in the map; another reading of the questionnaire "
            "gives other numbers. No adjusted model is fitted (the map names no covariates), so a difference may "
            "reflect age, sex or work rather than migration. The claims ledger reads these results for C5 and C6 and "
            "marks the statuses as computed from licensed data.",
        ],
        "id": [
            "**Data.** {licensed.survey} ({licensed.year}), satu baris per {unit}, diberikan oleh peneliti dengan lisensi "
            "BPS, nilai hash {licensed.file_sha256_short}. Berkas itu bukan bagian dari kompendium dan pembaca yang tidak "
            "memilikinya tidak dapat menjalankan ulang angka-angka ini; catatan proses dan laporan menyebut berkas itu "
            "dengan nilai hash-nya.",
            "**Uji.** {licensed.tests:n} uji (setiap butir menurut setiap definisi migran dalam peta) membentuk satu "
            "keluarga Holm, yang ditetapkan sebelum berkas berlisensi mana pun dilihat; {licensed.holding:n} perbedaan "
            "bertahan (nilai p Holm di bawah {alpha}, dan tanpa penanda kelompok kecil, kejadian sedikit, atau derajat "
            "bebas sedikit). Definisi utama, yang pertama disebut peta, adalah {licensed.primary_definition}.",
            "**Baris yang tidak diikutkan.** {licensed.zero_weight_rows:n} baris provinsi ini yang berbobot nol tidak "
            "diikutkan (peta mengizinkannya dengan design.drop_nonpositive_weights; tanpanya bobot nol menghentikan "
            "proses, seperti bobot negatif selalu menghentikannya). "
            "Jawaban yang bukan ya dan bukan tidak (tidak tahu, menolak, kosong) tidak diikutkan pada setiap butir; "
            "bagian 2 menghitung, per butir, definisi, dan kelompok, setiap baris yang tidak diikutkan beserta "
            "alasannya, dan menamai setiap kode dengan label nilai berkas.",
            "**Keterbatasan.** Kode mana yang dihitung sebagai migran, sebagai mengirim atau menerima uang atau barang, "
            "dan sebagai berinvestasi adalah pilihan peneliti, yang ditampilkan di bagian 1 dan tercatat dalam peta; "
            "pembacaan kuesioner yang lain memberi angka yang lain. Tidak ada model yang disesuaikan (peta tidak "
            "menyebut kovariat), sehingga suatu perbedaan dapat mencerminkan umur, jenis kelamin, atau pekerjaan, "
            "bukan migrasi. Daftar klaim membaca hasil ini untuk C5 dan C6 dan menandai statusnya sebagai dihitung "
            "dari data berlisensi.",
        ],
    },
    "findings_04_remittances_context": {
        "en": [
            "**Remittances received by Indonesia, nationally.** Personal remittances received by Indonesia, from the "
            "World Bank's WDI (World Development Indicators), went from US$ {first_busd:d1} billion in {first_year} "
            "to US$ {last_busd:d1} billion in {last_year}, between {lowest_share_pct:d1} % and "
            "{highest_share_pct:d1} % of gross domestic product (GDP) in every year. They are national figures for "
            "all destination countries: no annual remittance series for West Kalimantan was found, so they cannot "
            "show what the border economy receives (claim C1) and are at most proxy data for the economic context "
            "the article describes.",
            "**2020.** Remittances went from US$ {context.wdi_remittances.2019.remittances_busd:d1} billion in 2019 "
            "to US$ {context.wdi_remittances.2020.remittances_busd:d1} billion in 2020 "
            "({context.wdi_remittances.change_2019_2020_pct:pct} %). The change falls in the year of the pandemic, "
            "but a national total of money received says nothing about how many workers crossed the border "
            "illegally, and it does not test the COVID-19 cause of claim C4.",
            "**One vintage, nothing spliced.** Remittances and GDP come from one and the same WDI snapshot, and the "
            "code refuses to divide values from different snapshots; a later WDI release may revise every value. "
            "Bank Indonesia (BI) remittance figures come from press reports of two vintages (before and after a "
            "revision) and include half-year figures: their {bi_rows:n} rows are shown beside the WDI series, never "
            "joined to it or to each other, and no change is computed from them.",
            "**Border-post trade (claim C1).** Public rows give trade through Entikong in "
            "{border.trade.entikong.years_with_trade:n} of the five years 2019-2023, through Aruk in "
            "{border.trade.aruk.years_with_trade:n}, Nanga Badau in {border.trade.nanga_badau.years_with_trade:n} and "
            "Jagoi Babang in {border.trade.jagoi_babang.years_with_trade:n}, and a GRDP at current prices for "
            "{border.grdp.regency_years:n} of the twenty regency-years, so {trade_shares:n} post-years have a share of "
            "their regency's GRDP: fewer years than C1's rule needs, a rule written before the rows were searched "
            "for (notebook 07 gives the status). As context only, the one cross-border flow that can be set against "
            "an economy: remittances of West Kalimantan's registered migrant workers were "
            "{border.kalbar_pmi_remittance.share_of_grdp_pct.2021:d3} % of the province's GRDP in 2021.",
            "**What this context cannot test.** A total of money received shows how large remittances are, not who "
            "sends them: it cannot show whether migrant and non-migrant workers differ in sending money or goods "
            "(claim C5), nor whether such a difference opens room for inclusive financial services. That needs "
            "survey data that ask about sending money or goods by migration status; the tables the article probably "
            "used could not be obtained (notebook 06).",
        ],
        "id": [
            "**Remitansi yang diterima Indonesia, secara nasional.** Remitansi personal yang diterima Indonesia "
            "menurut WDI (World Development Indicators) Bank Dunia berubah dari US$ {first_busd:d1} miliar pada "
            "{first_year} menjadi US$ {last_busd:d1} miliar pada {last_year}, atau antara {lowest_share_pct:d1} % "
            "dan {highest_share_pct:d1} % dari produk domestik bruto (PDB) setiap tahunnya. Angka ini berlaku "
            "nasional untuk semua negara tujuan: tidak ditemukan deret remitansi tahunan untuk Kalimantan Barat, "
            "sehingga angka ini tidak dapat menunjukkan apa yang diterima perekonomian perbatasan (klaim C1) dan "
            "paling jauh hanya menjadi data pendekatan bagi konteks ekonomi yang digambarkan artikel.",
            "**Tahun 2020.** Remitansi berubah dari US$ {context.wdi_remittances.2019.remittances_busd:d1} miliar "
            "pada 2019 menjadi US$ {context.wdi_remittances.2020.remittances_busd:d1} miliar pada 2020 "
            "({context.wdi_remittances.change_2019_2020_pct:pct} %). Perubahan itu terjadi pada tahun pandemi, "
            "tetapi total uang yang diterima secara nasional tidak mengatakan apa pun tentang berapa pekerja yang "
            "melintasi perbatasan secara ilegal, dan tidak menguji penyebab COVID-19 dalam klaim C4.",
            "**Satu vintase, tanpa penyambungan.** Remitansi dan PDB berasal dari satu snapshot WDI yang sama, dan "
            "kode menolak membagi nilai dari snapshot yang berbeda; rilis WDI berikutnya dapat merevisi setiap "
            "nilai. Angka remitansi Bank Indonesia (BI) berasal dari pemberitaan pers dalam dua vintase (sebelum dan "
            "sesudah revisi) dan mencakup angka setengah tahunan: {bi_rows:n} barisnya ditampilkan di samping deret "
            "WDI, tidak pernah disambung dengannya maupun satu sama lain, dan tidak ada perubahan yang dihitung "
            "darinya.",
            "**Perdagangan melalui pos lintas batas (klaim C1).** Baris publik memberi perdagangan melalui Entikong "
            "pada {border.trade.entikong.years_with_trade:n} dari lima tahun 2019-2023, melalui Aruk pada "
            "{border.trade.aruk.years_with_trade:n}, Nanga Badau pada {border.trade.nanga_badau.years_with_trade:n} "
            "dan Jagoi Babang pada {border.trade.jagoi_babang.years_with_trade:n}, serta PDRB atas dasar harga berlaku "
            "untuk {border.grdp.regency_years:n} dari dua puluh kabupaten-tahun, sehingga {trade_shares:n} pos-tahun "
            "memiliki persentase terhadap PDRB kabupatennya: lebih sedikit tahun daripada yang dibutuhkan aturan C1, "
            "aturan yang ditulis sebelum baris-baris itu dicari (notebook 07 memberi statusnya). Sebagai konteks saja, "
            "satu-satunya arus lintas batas yang dapat dibandingkan dengan suatu perekonomian: remitansi pekerja "
            "migran terdaftar asal Kalimantan Barat sebesar {border.kalbar_pmi_remittance.share_of_grdp_pct.2021:d3} % "
            "PDRB provinsi pada 2021.",
            "**Yang tidak dapat diuji dengan konteks ini.** Total uang yang diterima menunjukkan besarnya remitansi, "
            "bukan siapa yang mengirimnya: angka ini tidak dapat menunjukkan apakah pekerja migran dan bukan migran "
            "berbeda dalam mengirim uang atau barang (klaim C5), apalagi apakah perbedaan itu membuka ruang bagi "
            "layanan keuangan inklusif. Untuk itu diperlukan data survei yang menanyakan pengiriman uang atau barang "
            "menurut status migrasi; tabel yang kemungkinan besar dipakai artikel tidak dapat diperoleh (notebook 06).",
        ],
    },
    # -- notebooks 05-07
    "findings_07_claims": {
        "en": ["**What holds.** Of the {total:n} claims of the abstract, {reproduced:n} reproduced as worded. "
               "{number_traced_meaning_differs:n} has its number traced to a source that counts something else (C3a: the "
               "article's figure for 2019 is a count of complaints to BP2MI, Badan Pelindungan Pekerja Migran Indonesia, "
               "not of illegal workers), {partly_supported:n} are partly supported: of the series that count their "
               "subject, some support them and the others contradict them (C2, C4), {contradicted:n} contradicted, and {not_checkable:n} cannot be checked with public data.",
               "**The fall of 2020 (C4).** {c4_supports:n} of {c4_series:n} evidence series falls by at least the threshold "
               "(national complaints), while {c4_contradicts:n} border series rises (deportations from Sarawak recorded by "
               "KJRI, Konsulat Jenderal Republik Indonesia, in Kuching). West Kalimantan's registered legal placements and "
               "the Entikong batches found in the news are shown as context and decide nothing. The COVID-19 cause is not "
               "tested by any series.",
               "**The financial claims (C5, C6)** cannot be checked: their likely source, the BPS mobility analysis of "
               "Sakernas 2022, is identified, but no copy we could reach holds its tables, and the 2020 microdata used "
               "here have no remittance or investment item. The public context (OJK survey indices, a World Bank corridor "
               "study) describes everyone, not migrants against non-migrants.",
               "**Limits of the verdicts.** The rules were fixed on {rules_fixed}, after the data had been seen; each "
               "threshold is stated with its reason, and every series value is shown so a reader can apply another. A "
               "status judges the article's claims against public figures that stand in for its unpublished data; it "
               "is not a verdict on those data."],
        "id": ["**Yang bertahan.** Dari {total:n} klaim dalam abstrak, yang tereproduksi sebagaimana dirumuskan berjumlah {reproduced:n}. "
               "{number_traced_meaning_differs:n} angkanya terlacak ke sumber yang menghitung hal lain (C3a: angka artikel "
               "untuk 2019 adalah jumlah pengaduan ke BP2MI, Badan Pelindungan Pekerja Migran Indonesia, bukan jumlah "
               "pekerja ilegal), {partly_supported:n} didukung sebagian: dari deret yang menghitung pokok "
               "klaimnya, sebagian mendukung dan sisanya bertentangan (C2, C4), {contradicted:n} bertentangan, dan {not_checkable:n} tidak dapat diperiksa dengan data publik.",
               "**Penurunan 2020 (C4).** {c4_supports:n} dari {c4_series:n} deret bukti turun sedikitnya sebesar ambang "
               "(pengaduan nasional), sedangkan {c4_contradicts:n} deret perbatasan justru naik (deportasi dari Sarawak "
               "yang dicatat KJRI, Konsulat Jenderal Republik Indonesia, di Kuching). Penempatan resmi terdaftar "
               "Kalimantan Barat dan rombongan Entikong yang ditemukan di berita ditampilkan sebagai konteks dan tidak "
               "memutuskan apa pun. Penyebab COVID-19 tidak diuji oleh deret mana pun.",
               "**Klaim keuangan (C5, C6)** tidak dapat diperiksa: sumber yang kemungkinan dipakai, analisis mobilitas "
               "BPS atas Sakernas 2022, sudah teridentifikasi, tetapi tidak ada salinan yang dapat kami jangkau yang "
               "memuat tabel-tabelnya, dan data mikro 2020 yang dipakai di sini tidak memuat butir remitansi atau "
               "investasi. Konteks publik (indeks survei OJK, studi koridor Bank Dunia) menggambarkan semua orang, "
               "bukan migran dibanding bukan migran.",
               "**Batas putusan ini.** Aturan ditetapkan pada {rules_fixed}, setelah data dilihat; setiap ambang "
               "dinyatakan beserta alasannya, dan setiap nilai deret ditampilkan agar pembaca dapat menerapkan ambang "
               "lain. Status menilai klaim artikel terhadap angka publik yang menggantikan datanya yang tidak "
               "diterbitkan; status itu bukan putusan atas data tersebut."]},
    "findings_none": {"en": "none", "id": "tidak ada"},
    # one estimate inside a findings text: {indicator} and {dataset} are codes, values fractions 0-1
    "findings_estimate_item": {"en": "{indicator} ({dataset}) {value:pp} pp (95 % CI {low:pp} to {high:pp})",
                               "id": "{indicator} ({dataset}) {value:pp} poin persentase (selang kepercayaan 95 % "
                                     "{low:pp} hingga {high:pp})"},
    "findings_05_finance_comparison": {
        "en": [
            "**Proxy data.** The public microdata are those of BPS (Badan Pusat Statistik, Statistics Indonesia) for "
            "{province}: Susenas (Survei Sosial Ekonomi Nasional, the national socio-economic survey) March 2020 and "
            "Sakernas (Survei Angkatan Kerja Nasional, the national labour force survey) August 2020. They stand in for "
            "West Kalimantan, which the paper is about, and the migrants in them are internal migrants. Returnees from "
            "abroad, the group nearest to the paper's migrant workers, number {returnees_susenas:n} persons aged 15+ in "
            "Susenas (domain degrees of freedom: {returnees_susenas_df:n}). In Sakernas they number "
            "{returnees_sakernas:n} persons aged 15+, of whom {returnees_sakernas_answered:n} answered the item compared "
            "(the n of each comparison counts only those with an answer). They are too few to say anything about.",
            "**Raw differences.** For the default definition ({definition}; {definition_meaning}), persons aged 15+: "
            "{finance.indicators_significant_holm:n} of {finance.indicators_tested:n} "
            "indicators differ after Holm within the definition's own family, and "
            "{finance.indicators_significant_holm_dataset:n} in the dataset-wide family, which is the one to read "
            "because no definition was chosen before the data were seen. The largest raw difference is {largest}.",
            "**Rare events.** Comparisons of the default definition that rest on fewer than {few_events_threshold:n} "
            "people with (or without) the item in a group: {finance.indicators_few_events:n}. They are shown with their "
            "intervals and never called significant.",
            "**Survey design.** Susenas carries its strata and primary sampling units (PSUs). Sakernas carries no "
            "stratum variable: strata were built as district × urban/rural ({sakernas_strata:n} strata) with the "
            "sample blocks as PSUs ({sakernas_psus:n}). If the strata BPS actually used are not close to these, the "
            "Sakernas variances, and so its intervals and tests, may be somewhat off.",
            "**What cannot be checked.** Neither file asks about sending money or goods (remittances) or about "
            "investment: claims C5 and C6 are not checkable with these data, a data gap, not a finding. Whether a "
            "difference holds once the test family, the small-sample rules and the adjusted effect are read together "
            "is settled in notebook 06's robustness table.",
        ],
        "id": [
            "**Data pendekatan.** Data mikro publik yang dipakai adalah data BPS (Badan Pusat Statistik) untuk "
            "{province}: Susenas (Survei Sosial Ekonomi Nasional) Maret 2020 dan Sakernas (Survei Angkatan Kerja "
            "Nasional) Agustus 2020. Keduanya menggantikan Kalimantan Barat, provinsi yang dibahas artikel, dan migran "
            "di dalamnya adalah migran internal. Migran yang kembali dari luar negeri, kelompok yang paling dekat dengan "
            "pekerja migran dalam artikel, hanya berjumlah {returnees_susenas:n} orang umur 15+ di Susenas (derajat bebas "
            "domain: {returnees_susenas_df:n}). Di Sakernas jumlahnya {returnees_sakernas:n} orang umur 15+, dan dari "
            "mereka {returnees_sakernas_answered:n} orang menjawab butir yang dibandingkan (n setiap perbandingan hanya "
            "menghitung yang menjawab). Mereka terlalu sedikit untuk menyimpulkan apa pun.",
            "**Selisih mentah.** Untuk definisi bawaan ({definition}; {definition_meaning}), penduduk umur 15+: "
            "{finance.indicators_significant_holm:n} dari {finance.indicators_tested:n} "
            "indikator berbeda setelah koreksi Holm dalam keluarga definisinya sendiri, dan "
            "{finance.indicators_significant_holm_dataset:n} dalam keluarga seluruh dataset, yaitu keluarga yang perlu "
            "dibaca karena tidak ada definisi yang dipilih sebelum data dilihat. Selisih mentah terbesar adalah {largest}.",
            "**Kejadian langka.** Perbandingan definisi bawaan yang bertumpu pada kurang dari {few_events_threshold:n} "
            "orang yang memiliki (atau tidak memiliki) butir tersebut dalam satu kelompok: "
            "{finance.indicators_few_events:n}. Perbandingan itu ditampilkan beserta selangnya dan tidak pernah "
            "dinyatakan signifikan.",
            "**Desain survei.** Susenas memuat strata dan unit sampel primer (*primary sampling unit*, PSU)-nya sendiri. "
            "Sakernas tidak memuat variabel strata: strata dibentuk sebagai kabupaten/kota × perkotaan/perdesaan "
            "({sakernas_strata:n} strata) dengan blok sensus sampel sebagai PSU ({sakernas_psus:n}). Bila strata yang "
            "sebenarnya dipakai BPS tidak mendekati bentukan ini, varians Sakernas, beserta selang dan ujinya, bisa "
            "sedikit meleset.",
            "**Yang tidak dapat diperiksa.** Tidak satu pun berkas menanyakan pengiriman uang atau barang (remitansi) "
            "ataupun investasi: klaim C5 dan C6 tidak dapat diperiksa dengan data ini; ini celah data, bukan temuan. "
            "Apakah sebuah perbedaan bertahan ketika keluarga uji, aturan sampel kecil, dan efek yang disesuaikan dibaca "
            "bersama-sama diputuskan dalam tabel ketahanan di notebook 06.",
        ]},
    "findings_06_finance_models": {
        "en": [
            "**Proxy data.** {province} (BPS, Badan Pusat Statistik: Susenas, Survei Sosial Ekonomi Nasional, March 2020; "
            "Sakernas, Survei Angkatan Kerja Nasional, August 2020) stands in for West Kalimantan, and its migrants are "
            "internal migrants. Returnees from abroad, the group nearest to the paper's migrant workers, number "
            "{finance.susenas.persons15.returned_abroad.n_migrant:n} persons aged 15+ in Susenas (domain degrees of "
            "freedom: {finance.susenas.persons15.returned_abroad.df_migrant:n}). In Sakernas they number "
            "{finance.sakernas.persons15.returned_abroad.n_migrant:n} persons aged 15+, of whom "
            "{finance.sakernas.persons15.returned_abroad.n_answered:n} answered the item compared. They are too few to "
            "model or to say anything about.",
            "**Adjusted effects.** For the default definition ({definition}), the average marginal effect (AME: the "
            "difference in the probability of having the item between migrants and non-migrants, adjusted for age, sex, "
            "education, urban/rural and working status) has a 95 % interval that excludes zero for: {ame_excluding}. "
            "An AME is an adjusted association, not the effect of migrating.",
            "**What holds.** Read in the dataset-wide family (Holm across every test of a survey). {holm_family} "
            "For persons 15+ under the default definition, {default_holds:n} of the {default_eligible:n} eligible "
            "comparisons hold (a comparison holds when the test, the small-sample rules and the adjusted effect all "
            "agree). {holds_rule} What disagrees: {default_disagreements}.",
            "**Across definitions.** Of {finance.robustness.eligible:n} eligible comparisons (every definition and "
            "population), {finance.robustness.holds:n} hold: {holding}. Workers 15+ are a subset of persons 15+, so "
            "these are {finance.robustness.holds_distinct:n} distinct differences. Of the eligible comparisons that do "
            "not hold, {finance.robustness.inconclusive:n} are inconclusive (their 95 % interval reaches beyond the "
            "equivalence margin). {finance.robustness.no_difference_shown:n} show no difference (the whole interval "
            "within the margin). {equivalence_margin} A difference that appears under one definition only is a reason "
            "for caution, not a finding.",
            "**What cannot be checked.** Neither file asks about sending money or goods (remittances) or about "
            "investment: claims C5 and C6 are not checkable here. The BPS tables that would settle them are a data gap "
            "({finance.public_remittance_table_gaps:n} rows of the context table); the Sakernas strata are constructed "
            "(district × urban/rural, sample blocks as primary sampling units), so its variances are approximate.",
        ],
        "id": [
            "**Data pendekatan.** {province} (BPS, Badan Pusat Statistik: Susenas, Survei Sosial Ekonomi Nasional, Maret "
            "2020; Sakernas, Survei Angkatan Kerja Nasional, Agustus 2020) menggantikan Kalimantan Barat, dan migrannya "
            "adalah migran internal. Migran yang kembali dari luar negeri, kelompok yang paling dekat dengan pekerja "
            "migran dalam artikel, hanya berjumlah {finance.susenas.persons15.returned_abroad.n_migrant:n} orang umur "
            "15+ di Susenas (derajat bebas domain: {finance.susenas.persons15.returned_abroad.df_migrant:n}). Di "
            "Sakernas jumlahnya {finance.sakernas.persons15.returned_abroad.n_migrant:n} orang umur 15+, dan dari mereka "
            "{finance.sakernas.persons15.returned_abroad.n_answered:n} orang menjawab butir yang dibandingkan. Mereka "
            "terlalu sedikit untuk dimodelkan atau disimpulkan.",
            "**Efek yang disesuaikan.** Untuk definisi bawaan ({definition}), efek marginal rata-rata (*average marginal "
            "effect*, AME: selisih peluang memiliki butir tersebut antara migran dan bukan migran, disesuaikan menurut "
            "umur, jenis kelamin, pendidikan, perkotaan/perdesaan, dan status bekerja) memiliki selang 95 % yang tidak "
            "mencakup nol untuk: {ame_excluding}. AME adalah asosiasi yang disesuaikan, bukan efek dari bermigrasi.",
            "**Yang bertahan.** Dibaca dalam keluarga seluruh dataset (koreksi Holm atas seluruh uji satu survei). "
            "{holm_family} Untuk penduduk 15+ dengan definisi bawaan, {default_holds:n} dari {default_eligible:n} "
            "perbandingan yang layak dinilai bertahan (sebuah perbandingan bertahan bila uji, aturan sampel kecil, dan "
            "efek yang disesuaikan semuanya sejalan). {holds_rule} Yang tidak sejalan: {default_disagreements}.",
            "**Lintas definisi.** Dari {finance.robustness.eligible:n} perbandingan yang layak dinilai (semua definisi "
            "dan populasi), {finance.robustness.holds:n} bertahan: {holding}. Pekerja 15+ adalah bagian dari penduduk "
            "15+, sehingga semuanya merupakan {finance.robustness.holds_distinct:n} selisih yang berbeda. Dari "
            "perbandingan layak dinilai yang tidak bertahan, {finance.robustness.inconclusive:n} tidak meyakinkan "
            "(selang 95 %-nya melewati margin kesetaraan). {finance.robustness.no_difference_shown:n} tidak menunjukkan "
            "selisih (seluruh selangnya di dalam margin). {equivalence_margin} Perbedaan yang hanya muncul pada satu "
            "definisi adalah alasan untuk berhati-hati, bukan temuan.",
            "**Yang tidak dapat diperiksa.** Tidak satu pun berkas menanyakan pengiriman uang atau barang (remitansi) "
            "ataupun investasi: klaim C5 dan C6 tidak dapat diperiksa di sini. Tabel BPS yang dapat menjawabnya "
            "merupakan celah data ({finance.public_remittance_table_gaps:n} baris tabel konteks); strata Sakernas "
            "dibentuk sendiri (kabupaten/kota × perkotaan/perdesaan, blok sensus sampel sebagai unit sampel primer), "
            "sehingga variansnya merupakan hampiran.",
        ]},
    # what disagrees in a comparison that does not hold (kalbar_border.finance.robustness.reasons)
    "robust_small_group": {
        "en": "small group ({n_migrant:n} migrants; the rule: fewer than {small_n:n}, or an expected count below {small_expected:n})",
        "id": "kelompok kecil ({n_migrant:n} migran; aturannya: kurang dari {small_n:n}, atau frekuensi harapan di bawah "
              "{small_expected:n})"},
    "robust_few_events": {
        "en": "too few events or non-events in a group (fewer than {few:n}, or {few_low_deff:n} with a design effect below 1)",
        "id": "kejadian atau bukan-kejadian terlalu sedikit dalam satu kelompok (kurang dari {few:n}, atau {few_low_deff:n} "
              "bila efek desainnya di bawah 1)"},
    "robust_few_df": {"en": "a group's domain has fewer than {min_df:n} degrees of freedom",
                      "id": "domain salah satu kelompok memiliki kurang dari {min_df:n} derajat bebas"},
    "robust_no_test": {"en": "no design-based test (a share is 0 or 1)",
                       "id": "tidak ada uji berbasis desain (salah satu proporsi bernilai 0 atau 1)"},
    "robust_family_only": {"en": "significant in its definition's family only (dataset-wide p = {p_holm_dataset:p})",
                           "id": "signifikan hanya dalam keluarga definisinya (p seluruh dataset = {p_holm_dataset:p})"},
    "robust_not_significant": {
        "en": "not significant after Holm in either family (p = {p_holm:p} in its definition's family, "
              "{p_holm_dataset:p} dataset-wide)",
        "id": "tidak signifikan setelah koreksi Holm di kedua keluarga (p = {p_holm:p} dalam keluarga definisinya, "
              "{p_holm_dataset:p} di seluruh dataset)"},
    "robust_no_model": {"en": "no adjusted model", "id": "tidak ada model yang disesuaikan"},
    "robust_ame_includes_zero": {
        "en": "adjusted effect's 95 % CI includes 0 ({ame_ci_low:pp} to {ame_ci_high:pp} pp)",
        "id": "selang kepercayaan 95 % efek yang disesuaikan mencakup 0 ({ame_ci_low:pp} hingga {ame_ci_high:pp} poin persentase)"},
    "robust_ame_excludes_zero": {
        "en": "adjusted effect's 95 % CI excludes 0 ({ame_ci_low:pp} to {ame_ci_high:pp} pp) but the test does not confirm it",
        "id": "selang kepercayaan 95 % efek yang disesuaikan tidak mencakup 0 ({ame_ci_low:pp} hingga {ame_ci_high:pp} poin "
              "persentase), tetapi uji tidak menguatkannya"},
    "robust_ame_opposite_sign": {
        "en": "adjusted effect has the opposite sign to the raw difference ({ame:pp} pp, 95 % CI {ame_ci_low:pp} to "
              "{ame_ci_high:pp})",
        "id": "efek yang disesuaikan berlawanan tanda dengan selisih mentah ({ame:pp} poin persentase, selang kepercayaan "
              "95 % {ame_ci_low:pp} hingga {ame_ci_high:pp})"},
}


def label(key: str, lang: str = "en") -> str:
    """Text for ``key`` in ``lang``; a missing key or language is a one-line error."""
    if lang not in LANGS:
        raise CompendiumError(f"LANG={lang!r} is not supported; accepted: {', '.join(LANGS)}")
    try:
        return LABELS[key][lang]
    except KeyError:
        raise CompendiumError(f"label {key!r} is not in kalbar_border.figures.labels.LABELS; add it in en and id") from None
