"""The filters of the reports (ReportFiltersForm): wrong input is refused with a message."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils.translation import gettext

pytestmark = pytest.mark.django_db


def test_a_period_that_ends_before_it_starts_is_refused_with_a_message(client, fixture):
    client.force_login(fixture["admin"])
    url = reverse("reports:index")
    response = client.get(url, {"date_from": "2026-11-01", "date_to": "2026-10-01"})
    assert gettext("The end of the period must not be before its start.") in response.text
    assert 'role="img"' not in response.text
    response = client.get(url, {"date_from": "1er novembre"})
    assert gettext("Enter the start date as a date, e.g. 2026-09-01.") in response.text
    export = client.get(reverse("reports:export", args=["courses", "csv"]), {"date_to": "demain"})
    assert export.status_code == 400


def test_a_cohort_of_another_course_is_refused(client, fixture):
    client.force_login(fixture["admin"])
    response = client.get(
        reverse("reports:index"), {"course": fixture["b"].course.pk, "cohort": fixture["a1"].pk}
    )
    assert gettext("This cohort belongs to another course.") in response.text
