"""The demo fills every report: organisations on two levels, two cohorts with a trainer,
learners at every stage, some self-declared, certificates. Running it twice adds nothing."""

from io import StringIO

import pytest
from django.core.management import call_command

from certificates.models import Certificate
from courses.models import Cohort, Enrolment, LessonCompletion
from courses.quizzes.models import Attempt
from demo import files
from lms.accounts.models import Organisation
from reports.queries import Filters, all_reports

pytestmark = pytest.mark.django_db


def counts() -> dict[str, int]:
    return {
        "organisations": Organisation.objects.count(),
        "cohorts": Cohort.objects.count(),
        "enrolments": Enrolment.objects.count(),
        "completions": LessonCompletion.objects.count(),
        "attempts": Attempt.objects.count(),
        "certificates": Certificate.objects.count(),
    }


def test_the_demo_fills_every_report_and_a_second_run_changes_nothing(demo):
    first = counts()
    reports = {report.key: report for report in all_reports(Filters())}
    for report in reports.values():
        assert report.rows, report.key
    enrolled, active, completed, certified, self_declared = reports["organisations"].total
    assert enrolled >= len(files.read("people")["learners"])
    assert 0 < active < enrolled
    assert 0 < certified < completed < enrolled
    assert self_declared >= 3
    assert any(row.depth == 1 for row in reports["organisations"].rows)
    assert sum(row.values[0] for row in reports["certificates"].rows) == 2
    call_command("seed_demo", stdout=StringIO())
    assert counts() == first
