"""ENSA's reports (reports/queries.py): figures counted by hand on a small fixture
(tests/reports/conftest.py), filters, a fixed number of queries."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.translation import gettext

from courses.models import Cohort, Enrolment
from reports.queries import Filters, all_reports, by_cohort, by_course, by_organisation
from tests.factories.courses import build_course

pytestmark = pytest.mark.django_db


def table(report) -> dict[str, tuple[int, ...]]:
    return {row.label: row.values for row in report.rows}


def test_organisation_rows_count_their_whole_branch_and_self_declared_members(fixture):
    report = by_organisation(Filters())
    rows = {row.label: row for row in report.rows}
    ministry, d1, d2 = (str(fixture[key]) for key in ("ministry", "d1", "d2"))
    # enrolled, active, completed, certified, self-declared
    assert rows[ministry].values == (4, 2, 2, 1, 1)
    assert rows[d1].values == (2, 2, 1, 1, 1)
    assert rows[d2].values == (1, 0, 0, 0, 0)
    assert rows[gettext("No organisation")].values == (1, 0, 0, 0, 0)
    assert (rows[ministry].depth, rows[d1].depth, rows[d2].depth) == (0, 1, 1)
    labels = [row.label for row in report.rows]
    assert labels.index(ministry) < labels.index(d1)
    assert "Commune d'Oujda" not in labels  # its only learner withdrew
    assert report.total == (5, 2, 2, 1, 1)


def test_course_and_cohort_rows_equal_the_hand_count(fixture):
    assert table(by_course(Filters())) == {"Cours A": (3, 2, 1, 1), "Cours B": (2, 0, 1, 0)}
    assert table(by_cohort(Filters())) == {
        "Oujda, printemps 2027": (2, 2, 1, 1),
        "Rabat, automne 2026": (1, 0, 0, 0),
        gettext("No cohort"): (2, 0, 1, 0),
    }


def test_months_of_enrolment_and_certificates_per_month(fixture):
    reports = {report.key: report for report in all_reports(Filters())}
    assert table(reports["months"]) == {
        "2026-09": (1, 0, 0, 0),
        "2026-10": (3, 2, 2, 1),
        "2026-11": (1, 0, 0, 0),
    }
    assert table(reports["certificates"]) == {"2026-10": (1,)}


def test_filters_by_course_cohort_and_period(fixture):
    october = Filters(
        course=fixture["a"].course, date_from=date(2026, 10, 1), date_to=date(2026, 10, 31)
    )
    assert table(by_course(october)) == {"Cours A": (2, 2, 1, 1)}
    rabat = table(by_organisation(Filters(cohort=fixture["a2"])))
    assert rabat == {str(fixture["ministry"]): (1, 0, 0, 0, 0), str(fixture["d2"]): (1, 0, 0, 0, 0)}
    november = {r.key: r for r in all_reports(Filters(date_from=date(2026, 11, 1)))}
    assert table(november["courses"]) == {"Cours B": (1, 0, 0, 0)}
    assert november["certificates"].rows == []


def queries_for_reports() -> int:
    with CaptureQueriesContext(connection) as captured:
        all_reports(Filters())
    return len(captured)


def test_the_number_of_queries_does_not_grow_with_the_number_of_learners(site, make_learners):
    tree = build_course(modules=1, lessons_per_module=2)
    cohort = Cohort.objects.create(course=tree.course, name="Rabat, automne 2026")
    make_learners(10, course=tree.course, lessons=tree.lessons, cohort=cohort)
    with_ten = queries_for_reports()
    make_learners(190, course=tree.course, lessons=tree.lessons, cohort=cohort)
    assert Enrolment.objects.count() == 200
    assert queries_for_reports() == with_ten
