"""Dates written as a certificate writes them, in French and in Arabic."""

from datetime import date

from certificates.dates import arabic_date, french_date


def test_dates_use_moroccan_month_names_with_western_digits():
    assert arabic_date(date(2026, 11, 27)) == "27 نونبر 2026"
    assert arabic_date(date(2026, 8, 3)) == "3 غشت 2026"
    assert french_date(date(2026, 11, 27)) == "27 novembre 2026"
    assert french_date(date(2026, 7, 1)) == "1er juillet 2026"
