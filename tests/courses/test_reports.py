"""The progress report of a course (courses/reports.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses.reports import course_progress_report
from tests.courses.helpers import enrolled_with_progress
from tests.factories.courses import build_course

pytestmark = pytest.mark.django_db


# --- Progress report --------------------------------------------------------------------


def test_progress_report_gives_each_learner_their_percent(site):
    tree = build_course(modules=2, lessons_per_module=2)
    half = enrolled_with_progress(tree, lessons_done=2)
    none = enrolled_with_progress(tree, lessons_done=0)
    report = course_progress_report(course=tree.course)
    percent = {row.learner.pk: row.progress.percent for row in report.rows}
    assert percent == {half.pk: 50, none.pk: 0}
    assert report.required_items == 4


def test_progress_report_of_the_arabic_translation_is_the_french_courses(site):
    tree = build_course(arabic=True)
    person = enrolled_with_progress(tree, lessons_done=1)
    report = course_progress_report(course=tree.course_ar)
    assert [row.learner.pk for row in report.rows] == [person.pk]


def test_progress_report_runs_a_fixed_number_of_queries(site):
    small = build_course(modules=1, lessons_per_module=2)
    large = build_course(modules=3, lessons_per_module=3)
    enrolled_with_progress(small, lessons_done=1)
    for done in range(5):
        enrolled_with_progress(large, lessons_done=done)
    with CaptureQueriesContext(connection) as few:
        course_progress_report(course=small.course)
    with CaptureQueriesContext(connection) as many:
        course_progress_report(course=large.course)
    assert len(many) == len(few)
