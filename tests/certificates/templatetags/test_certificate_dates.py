"""`{{ value|certificate_date }}` writes a date as the certificate does, in the active language."""

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from django.template import Context, Template
from django.utils import translation

from certificates.dates import arabic_date, french_date

TEMPLATE = Template("{% load certificate_dates %}{{ value|certificate_date }}")


def _render(value) -> str:
    return TEMPLATE.render(Context({"value": value}))


@pytest.mark.parametrize(
    "value", [date(2026, 11, 1), "2026-11-01", datetime(2026, 11, 1, 9, tzinfo=UTC)]
)
def test_a_date_reads_in_french_or_in_arabic_as_the_page_is(value):
    with translation.override("fr"):
        assert _render(value) == french_date(date(2026, 11, 1)) == "1er novembre 2026"
    with translation.override("ar"):
        assert _render(value) == arabic_date(date(2026, 11, 1)) == "1 نونبر 2026"


def test_an_aware_datetime_is_taken_on_the_local_day(settings):
    settings.TIME_ZONE = "Africa/Casablanca"
    late = datetime(2026, 11, 1, 23, 30, tzinfo=timezone(timedelta(hours=-3)))
    with translation.override("fr"):
        assert _render(late) == "2 novembre 2026"


@pytest.mark.parametrize("value", [None, ""])
def test_no_date_writes_nothing(value):
    with translation.override("fr"):
        assert _render(value) == ""
