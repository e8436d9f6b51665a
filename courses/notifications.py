"""What the courses app tells people by e-mail, through the outbox (lms.notifications)."""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from lms.notifications.api import NotificationKind, notify, recorded_keys

from .models import Cohort, Enrolment, Invitation

REMINDER_DAYS = 3


def absolute_url(page) -> str:
    """The page's address in the active language, with the public host."""
    url = page.localized.url or ""
    return f"{settings.BASE_URL}{url}" if url.startswith("/") else url


def _course_context(enrolment: Enrolment):
    def context(language: str) -> dict:
        cohort = enrolment.cohort
        return {
            "course": enrolment.course.localized.title,
            "course_url": absolute_url(enrolment.course),
            "cohort": cohort.name if cohort else "",
            "starts_on": cohort.starts_on if cohort else None,
        }

    return context


def notify_enrolment_confirmed(*, enrolment: Enrolment):
    """Tell the learner they are enrolled; once per enrolment (a re-enrolment after a
    withdrawal is told again)."""
    stamp = enrolment.enrolled_at.strftime("%Y%m%dT%H%M%S.%f")
    return notify(
        recipient=enrolment.learner,
        kind=NotificationKind.ENROLMENT_CONFIRMED,
        key=f"enrolment-confirmed:{enrolment.pk}:{stamp}",
        template="courses/email/enrolment_confirmed",
        context=_course_context(enrolment),
    )


def cohorts_starting(*, today: date, days: int):
    """Cohorts starting after `today` and at most `days` days later."""
    return Cohort.objects.filter(starts_on__gt=today, starts_on__lte=today + timedelta(days=days))


def send_cohort_reminders(*, days: int = REMINDER_DAYS, today: date | None = None) -> int:
    """Remind the current members of cohorts starting within `days` days; once per cohort and
    learner, however often it runs. Learners who turned reminders off get none.
    Returns how many new reminders were recorded."""
    today = today or timezone.localdate()
    enrolments = (
        Enrolment.objects.current()
        .filter(cohort__in=cohorts_starting(today=today, days=days), learner__is_active=True)
        .filter(learner__reminders_enabled=True)
        .select_related("learner", "course", "cohort")
        .order_by("pk")
    )
    enrolments = list(enrolments)
    done = recorded_keys(_reminder_key(enrolment) for enrolment in enrolments)
    sent = 0
    for enrolment in enrolments:
        if _reminder_key(enrolment) in done:
            continue
        notification = notify(
            recipient=enrolment.learner,
            kind=NotificationKind.COHORT_STARTING,
            key=_reminder_key(enrolment),
            template="courses/email/cohort_starting",
            context=_course_context(enrolment),
        )
        sent += notification is not None
    return sent


def _reminder_key(enrolment: Enrolment) -> str:
    return f"cohort-starting:{enrolment.cohort_id}:{enrolment.learner_id}"


def notify_invitation(*, invitation_id: int):
    """Invite a person imported into a cohort, in the invitation's language: they sign up (or
    sign in) with this address and confirm it, and are then enrolled. Once per invitation."""
    invitation = (
        Invitation.objects.pending()
        .select_related("cohort__course")
        .filter(pk=invitation_id)
        .first()
    )
    if invitation is None:
        return None

    def context(language: str) -> dict:
        return {
            "course": invitation.cohort.course.title_in(language),
            "cohort": invitation.cohort.name,
            "email": invitation.email,
            "signup_url": settings.BASE_URL + reverse("account_signup"),
            "login_url": settings.BASE_URL + reverse("account_login"),
        }

    return notify(
        recipient=invitation,
        kind=NotificationKind.INVITATION,
        key=f"invitation:{invitation.pk}",
        template="courses/email/invitation",
        context=context,
    )
