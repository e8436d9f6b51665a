"""Who may receive a certificate: a decision with a reason, no side effects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from courses.api import Enrolment, EnrolmentStatus, progress_of

from .models import Certificate, CertificateStatus

NOT_ENROLLED = "not_enrolled"
REVOKED = "revoked"
NOTHING_TO_COMPLETE = "nothing_to_complete"
INCOMPLETE = "incomplete"
NO_NAME = "no_name"

REASONS = {
    NOT_ENROLLED: _("The learner has withdrawn from this course."),
    REVOKED: _(
        "The learner's certificate for this course was revoked on {date}: only an explicit "
        "reissue gives a new one."
    ),
    NOTHING_TO_COMPLETE: _("This course has no required lesson or quiz yet."),
    INCOMPLETE: _(
        "The learner has completed {done} of the {required} required lessons and quizzes."
    ),
    NO_NAME: _("The learner's profile has no full name to print on the certificate."),
}


@dataclass(frozen=True)
class Eligibility:
    ok: bool
    code: str = ""
    done: int = 0
    required: int = 0
    revoked_on: date | None = None

    @property
    def reason(self) -> str:
        """Why not, in the active language (empty when eligible)."""
        if not self.code:
            return ""
        when = formats.date_format(self.revoked_on, "DATE_FORMAT") if self.revoked_on else ""
        return str(REASONS[self.code]).format(done=self.done, required=self.required, date=when)

    def __bool__(self) -> bool:
        return self.ok


def _revoked_on(enrolment: Enrolment) -> date | None:
    """The day the learner's latest certificate for the course was revoked, if it was."""
    latest = (
        Certificate.objects.filter(learner_id=enrolment.learner_id, course_id=enrolment.course_id)
        .order_by("-issued_at", "-pk")
        .values("status", "revoked_at")
        .first()
    )
    if latest is None or latest["status"] != CertificateStatus.REVOKED:
        return None
    return (
        timezone.localdate(latest["revoked_at"]) if latest["revoked_at"] else timezone.localdate()
    )


def check_eligibility(*, enrolment: Enrolment) -> Eligibility:
    """Eligible when enrolled (not withdrawn), whose latest certificate for the course (if any)
    was not revoked, with a name to print, and every required lesson and quiz of the course
    completed (counted by `courses.queries.progress_of`). A revoked certificate is replaced only
    by an explicit reissue (`services.reissue_certificate`), never by a new issue."""
    if enrolment.status == EnrolmentStatus.WITHDRAWN:
        return Eligibility(False, NOT_ENROLLED)
    revoked_on = _revoked_on(enrolment)
    if revoked_on is not None:
        return Eligibility(False, REVOKED, revoked_on=revoked_on)
    learner = enrolment.learner
    if not (learner.full_name_latin or learner.full_name_arabic):
        return Eligibility(False, NO_NAME)
    progress = progress_of(learner=learner, course=enrolment.course)
    if progress.required == 0:
        return Eligibility(False, NOTHING_TO_COMPLETE)
    if not progress.complete:
        return Eligibility(False, INCOMPLETE, done=progress.done, required=progress.required)
    return Eligibility(True, done=progress.done, required=progress.required)
