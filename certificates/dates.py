"""Dates written as a certificate writes them: "27 novembre 2026" and "27 نونبر 2026".

Moroccan month names and Western digits in Arabic (see GLOSSARY), "1er" for the first day
in French. The PDF, the verification page and the e-mails all use these.
"""

from __future__ import annotations

from datetime import date, datetime

from django.utils import timezone

FRENCH_MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
MOROCCAN_MONTHS = (
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "ماي",
    "يونيو",
    "يوليوز",
    "غشت",
    "شتنبر",
    "أكتوبر",
    "نونبر",
    "دجنبر",
)


def french_date(value: date) -> str:
    day = "1er" if value.day == 1 else str(value.day)
    return f"{day} {FRENCH_MONTHS[value.month - 1]} {value.year}"


def arabic_date(value: date) -> str:
    """Moroccan month names with Western digits, e.g. 27 نونبر 2026."""
    return f"{value.day} {MOROCCAN_MONTHS[value.month - 1]} {value.year}"


def as_date(value: date | datetime | str) -> date:
    """A date from a date, an ISO string, or a datetime (taken in the local time zone)."""
    if isinstance(value, datetime):
        return timezone.localdate(value) if timezone.is_aware(value) else value.date()
    if isinstance(value, str):
        return date.fromisoformat(value[:10])
    return value


def certificate_date(value: date | datetime | str, language: str) -> str:
    """`value` written as the certificate writes it in `language` ("ar..." or else French)."""
    day = as_date(value)
    return arabic_date(day) if language.startswith("ar") else french_date(day)
