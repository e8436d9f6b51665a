"""Who may receive a certificate: a decision with a reason, no side effects."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from courses.models import Enrolment, EnrolmentStatus
from courses.queries import progress_of

NOT_ENROLLED = "not_enrolled"
NOTHING_TO_COMPLETE = "nothing_to_complete"
INCOMPLETE = "incomplete"
NO_NAME = "no_name"

REASONS = {
    NOT_ENROLLED: _("The learner has withdrawn from this course."),
    NOTHING_TO_COMPLETE: _("This course has no required lesson or quiz yet."),
    INCOMPLETE: _("The learner has completed {done} of the {required} required lessons and quizzes."),
    NO_NAME: _("The learner's profile has no full name to print on the certificate."),
}


@dataclass(frozen=True)
class Eligibility:
    ok: bool
    code: str = ""
    done: int = 0
    required: int = 0

    @property
    def reason(self) -> str:
        """Why not, in the active language (empty when eligible)."""
        if not self.code:
            return ""
        return str(REASONS[self.code]).format(done=self.done, required=self.required)

    def __bool__(self) -> bool:
        return self.ok


def check_eligibility(*, enrolment: Enrolment) -> Eligibility:
    """Eligible when enrolled (not withdrawn), with a name to print, and every required
    lesson and quiz of the course completed (counted by `courses.queries.progress_of`)."""
    if enrolment.status == EnrolmentStatus.WITHDRAWN:
        return Eligibility(False, NOT_ENROLLED)
    learner = enrolment.learner
    if not (learner.full_name_latin or learner.full_name_arabic):
        return Eligibility(False, NO_NAME)
    progress = progress_of(learner=learner, course=enrolment.course)
    if progress.required == 0:
        return Eligibility(False, NOTHING_TO_COMPLETE)
    if not progress.complete:
        return Eligibility(False, INCOMPLETE, done=progress.done, required=progress.required)
    return Eligibility(True, done=progress.done, required=progress.required)
