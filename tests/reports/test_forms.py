"""The filters of the reports (ReportFiltersForm): wrong input is refused with a message."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from courses.models import Cohort
from reports.forms import ReportFiltersForm
from reports.queries import Filters
from tests.factories.courses import build_course

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


def test_valid_input_becomes_the_filters_of_the_reports(fixture):
    form = ReportFiltersForm(
        {
            "course": fixture["a"].course.pk,
            "cohort": fixture["a1"].pk,
            "date_from": "2026-10-01",
            "date_to": "2026-10-31",
        }
    )
    assert form.is_valid(), form.errors
    assert form.filters() == Filters(
        course=fixture["a"].course,
        cohort=fixture["a1"],
        date_from=date(2026, 10, 1),
        date_to=date(2026, 10, 31),
    )
    assert ReportFiltersForm.empty_filters() == Filters()


def test_a_course_that_does_not_exist_is_refused_with_a_message(fixture):
    form = ReportFiltersForm({"course": 999_999})
    assert not form.is_valid()
    assert form.errors["course"] == [
        gettext("That choice does not exist (any more): choose one from the list.")
    ]


def test_courses_and_cohorts_are_named_in_the_active_language(site):
    tree = build_course(modules=1, lessons_per_module=1, arabic=True)
    Cohort.objects.create(course=tree.course, name="Rabat, automne 2026")
    for language, title in (("fr", tree.course.title), ("ar", tree.course_ar.title)):
        with translation.override(language):
            form = ReportFiltersForm()
            courses = [label for value, label in form.fields["course"].choices if value]
            cohorts = [label for value, label in form.fields["cohort"].choices if value]
        assert title in courses, language
        assert f"Rabat, automne 2026 – {title}" in cohorts, language
    assert tree.course.title != tree.course_ar.title
