"""What the courses app holds about a learner: enrolments, cohorts and lesson completions."""

from __future__ import annotations

from .models import Enrolment, Invitation, LessonCompletion


def export_learner(user) -> dict:
    enrolments = Enrolment.objects.filter(learner=user).select_related("course", "cohort")
    completions = LessonCompletion.objects.filter(learner=user).select_related("lesson")
    return {
        "enrolments": [
            {
                "course": enrolment.course.title,
                "status": enrolment.status,
                "cohort": enrolment.cohort.name if enrolment.cohort else None,
                "enrolled_at": enrolment.enrolled_at,
                "completed_at": enrolment.completed_at,
                "withdrawn_at": enrolment.withdrawn_at,
            }
            for enrolment in enrolments.order_by("enrolled_at")
        ],
        "lesson_completions": [
            {"lesson": completion.lesson.title, "completed_at": completion.completed_at}
            for completion in completions.order_by("completed_at")
        ],
        "invitations": [
            {
                "cohort": invitation.cohort.name,
                "email": invitation.email,
                "full_name_latin": invitation.full_name_latin,
                "full_name_arabic": invitation.full_name_arabic,
                "job_title": invitation.job_title,
                "invited_at": invitation.created_at,
                "accepted_at": invitation.accepted_at,
            }
            for invitation in _invitations(user).select_related("cohort").order_by("created_at")
        ],
    }


def _invitations(user):
    return Invitation.objects.filter(email__iexact=user.email)


def anonymise_learner(user) -> None:
    """Enrolments and completions stay, tied to the anonymous account, so that reports keep
    their counts; only the trace of the last lesson visited goes."""
    Enrolment.objects.filter(learner=user).update(last_lesson=None)
    _invitations(user).delete()  # names and address as an administrator imported them
