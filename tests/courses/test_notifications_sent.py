"""Each kind of e-mail of the courses app is sent by the event it tells about, once
(courses/notifications.py): enrolments and cohort reminders."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from courses import services as course_services
from courses.models import Cohort
from courses.notifications import send_cohort_reminders
from lms.notifications.models import Notification, NotificationKind
from tests.courses.helpers import kinds_sent_to
from tests.factories.courses import build_course
from tests.factories.users import administrator, learner

pytestmark = pytest.mark.django_db


def test_a_learner_who_enrols_is_told_in_their_language(site, django_capture_on_commit_callbacks):
    tree = build_course(arabic=True, modules=1, lessons_per_module=1)
    person = learner(preferred_language="ar")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        course_services.enrol(learner=person, course=tree.course)
    [message] = mail.outbox
    assert message.to == [person.email]
    assert tree.course_ar.title in message.subject
    assert tree.course_ar.url in message.body
    assert kinds_sent_to(person) == [NotificationKind.ENROLMENT_CONFIRMED]


def test_a_learner_enrolled_by_an_administrator_in_a_cohort_is_told_its_start(
    site, django_capture_on_commit_callbacks
):
    tree = build_course(modules=1, lessons_per_module=1)
    cohort = Cohort.objects.create(
        name="Oujda 2026", course=tree.course, starts_on=timezone.localdate() + timedelta(days=10)
    )
    person = learner(preferred_language="fr")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        course_services.enrol(
            learner=person, course=tree.course, enrolled_by=administrator(), cohort=cohort
        )
    [message] = mail.outbox
    assert tree.course.title in message.subject
    assert "Oujda 2026" in message.body


def test_a_refused_enrolment_sends_nothing(site, django_capture_on_commit_callbacks):
    tree = build_course(modules=1, lessons_per_module=1)
    person = learner()
    with django_capture_on_commit_callbacks(execute=True):
        course_services.enrol(learner=person, course=tree.course)
    mail.outbox.clear()
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(course_services.EnrolmentError),
    ):
        course_services.enrol(learner=person, course=tree.course)
    assert mail.outbox == []


def test_enrolling_again_after_withdrawing_is_told_again(site, django_capture_on_commit_callbacks):
    tree = build_course(modules=1, lessons_per_module=1)
    person = learner()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        course_services.enrol(learner=person, course=tree.course)
    course_services.unenrol(learner=person, course=tree.course)
    with django_capture_on_commit_callbacks(execute=True):
        course_services.enrol(learner=person, course=tree.course)
    assert len(mail.outbox) == 2


def cohort_with(tree, *people, days: int, today):
    cohort = Cohort.objects.create(
        name=f"Promotion J+{days}", course=tree.course, starts_on=today + timedelta(days=days)
    )
    for person in people:
        course_services.enrol(
            learner=person, course=tree.course, enrolled_by=administrator(), cohort=cohort
        )
    return cohort


def test_cohort_reminders_go_once_to_the_members_of_cohorts_starting_soon(
    site, django_capture_on_commit_callbacks
):
    today = timezone.localdate()
    tree = build_course(modules=1, lessons_per_module=1)
    other_tree = build_course(modules=1, lessons_per_module=1)
    soon, later, withdrawn, outsider = learner(), learner(), learner(), learner()
    cohort_with(tree, soon, withdrawn, days=2, today=today)
    cohort_with(other_tree, later, days=20, today=today)
    course_services.enrol(learner=outsider, course=tree.course)  # in the course, in no cohort
    course_services.unenrol(learner=withdrawn, course=tree.course)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert send_cohort_reminders(days=3, today=today) == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert send_cohort_reminders(days=3, today=today + timedelta(days=1)) == 0
    [message] = mail.outbox
    assert message.to == [soon.email]
    assert "Promotion J+2" in message.body
    assert Notification.objects.filter(kind=NotificationKind.COHORT_STARTING).count() == 1


def test_a_learner_who_turned_reminders_off_gets_no_reminder_but_still_the_enrolment_e_mail(
    site, django_capture_on_commit_callbacks
):
    today = timezone.localdate()
    tree = build_course(modules=1, lessons_per_module=1)
    quiet = learner(reminders_enabled=False)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        cohort_with(tree, quiet, days=1, today=today)
    with django_capture_on_commit_callbacks(execute=True):
        assert send_cohort_reminders(days=3, today=today) == 0
    assert len(mail.outbox) == 1
    assert kinds_sent_to(quiet) == [NotificationKind.ENROLMENT_CONFIRMED]


def test_the_daily_reminder_command_sends_the_reminders(site, django_capture_on_commit_callbacks):
    tree = build_course(modules=1, lessons_per_module=1)
    person = learner()
    cohort_with(tree, person, days=3, today=timezone.localdate())
    out = StringIO()
    call_command("send_cohort_reminders", "--days", "3", stdout=out)
    assert "1 reminders" in out.getvalue()
    assert Notification.objects.filter(user=person, kind=NotificationKind.COHORT_STARTING).exists()


def test_the_reminder_command_refuses_fewer_than_one_day_and_sends_nothing(site):
    from django.core.management.base import CommandError

    tree = build_course(modules=1, lessons_per_module=1)
    cohort_with(tree, learner(), days=1, today=timezone.localdate())
    with pytest.raises(CommandError):
        call_command("send_cohort_reminders", "--days", "0")
    assert not Notification.objects.filter(kind=NotificationKind.COHORT_STARTING).exists()


def test_the_reminder_task_reminds_like_the_command(site):
    from courses.tasks import send_cohort_reminders as reminder_task

    tree = build_course(modules=1, lessons_per_module=1)
    person = learner()
    cohort_with(tree, person, days=2, today=timezone.localdate())
    assert reminder_task.enqueue(days=3).return_value == 1
    assert reminder_task.enqueue().return_value == 0
    assert (
        Notification.objects.filter(user=person, kind=NotificationKind.COHORT_STARTING).count() == 1
    )
