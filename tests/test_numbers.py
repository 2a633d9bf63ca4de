"""How numbers are written for readers (kalbar_border.numbers): English 5,824 and -68.9,
Indonesian 5.824 and -68,9."""
import pytest

from kalbar_border.numbers import exact_text, indonesian_number, number_text


@pytest.mark.parametrize("value, decimals, en, id_", [
    (5824, 0, "5,824", "5.824"),
    (-68.94, 1, "-68.9", "-68,9"),
    (0.405124, 3, "0.405", "0,405"),
    (-0.00004, 1, "0.0", "0,0"),  # rounds to zero: no minus sign
    (1234567.891, 2, "1,234,567.89", "1.234.567,89"),
])
def test_number_text(value, decimals, en, id_):
    assert number_text(value, "en", decimals) == en and number_text(value, "id", decimals) == id_


@pytest.mark.parametrize("value, en, id_", [
    (0.05, "0.05", "0,05"), (-68.9, "-68.9", "-68,9"), (5824, "5,824", "5.824"), (5824.0, "5,824", "5.824"),
    (1e-05, "0.00001", "0,00001"), (-30, "-30", "-30"), ("n/a", "n/a", "n/a"), (True, "True", "True"),
])
def test_exact_text_keeps_the_decimals_a_value_has(value, en, id_):
    assert exact_text(value, "en") == en and exact_text(value, "id") == id_


def test_indonesian_number_leaves_text_that_is_not_a_number():
    assert indonesian_number("1,812") == "1,812"  # already grouped: not a plain number, left as it is
    assert indonesian_number("2019-2020") == "2019-2020"


def test_date_text_writes_the_day_by_the_locale():
    from kalbar_border.numbers import date_text

    assert date_text("2026-12-06", "en") == "December 6, 2026" and date_text("2026-12-06", "id") == "6 Desember 2026"
    assert date_text("H1-2014", "id") == "H1-2014"  # not an ISO day: as it is
    assert date_text(None, "id") == "—"
