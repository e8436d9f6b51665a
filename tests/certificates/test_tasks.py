"""Background tasks of the certificates app: automatic issue, bulk issue, the e-mail."""

import logging

import pytest
from django.core import mail

from certificates import services
from certificates.models import BulkIssueRun, BulkIssueStatus, Certificate
from certificates.tasks import auto_issue_task, run_bulk_issue_task, send_certificate_email
from courses import services as course_services
from tests.factories.certificates import (
    certification,
    complete_course,
    issued_certificate,
    revoked_certificate,
)
from tests.factories.courses import build_course
from tests.factories.users import administrator, learner

pytestmark = pytest.mark.django_db


def test_automatic_issue_does_not_undo_a_revocation(site):
    completed, _revoked = revoked_certificate()
    certification(completed.tree.course, auto_issue=True)
    assert services.issues_automatically(course_id=completed.tree.course.pk)
    auto_issue_task.enqueue(enrolment_id=completed.enrolment.pk)
    assert not Certificate.objects.valid().exists()


def test_automatic_issue_of_an_incomplete_enrolment_logs_the_refusal_and_issues_nothing(
    site, caplog
):
    tree = build_course(modules=1, lessons_per_module=2)
    certification(tree.course, auto_issue=True)
    enrolment = course_services.enrol(learner=learner(), course=tree.course)
    with caplog.at_level(logging.WARNING, logger="certificates.tasks"):
        assert auto_issue_task.call(enrolment_id=enrolment.pk) == ""
    assert f"enrolment {enrolment.pk}" in caplog.text
    assert not Certificate.objects.exists()


def test_automatic_issue_of_a_completed_enrolment_returns_the_serial(site):
    tree = build_course(modules=1, lessons_per_module=1)
    certification(tree.course, auto_issue=True)
    enrolment = complete_course(tree)
    serial = auto_issue_task.call(enrolment_id=enrolment.pk)
    assert serial == Certificate.objects.get(enrolment=enrolment).serial
    assert auto_issue_task.call(enrolment_id=enrolment.pk) == serial  # idempotent


def test_the_bulk_issue_task_runs_the_run_and_reports_its_counts(site):
    tree = build_course(modules=1, lessons_per_module=1)
    complete_course(tree)
    course_services.enrol(learner=learner(), course=tree.course)  # not done: skipped
    run = BulkIssueRun.objects.create(course=tree.course, requested_by=administrator())
    assert run_bulk_issue_task.call(run_id=run.pk) == {
        "issued": 1,
        "already_issued": 0,
        "skipped": 1,
    }
    run.refresh_from_db()
    assert run.status == BulkIssueStatus.FINISHED


def test_the_email_task_tells_the_learner_once(site, django_capture_on_commit_callbacks):
    certificate = issued_certificate()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert send_certificate_email.call(certificate_id=certificate.pk) is True
        assert send_certificate_email.call(certificate_id=certificate.pk) is True
    assert [message.to for message in mail.outbox] == [[certificate.learner.email]]
