"""Rules that decide, returning a decision with a reason (no side effects)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone

from .errors import EnrolmentError
from .models import CoursePage, EnrolmentPolicy


@dataclass(frozen=True)
class EnrolmentDecision:
    ok: bool
    code: str = ""
    needs_key: bool = False

    @property
    def reason(self) -> str:
        return str(EnrolmentError.MESSAGES[self.code]) if self.code else ""


def check_self_enrolment(
    *, course: CoursePage, seats_left: int | None, by_administrator: bool = False, now=None
) -> EnrolmentDecision:
    """May someone enrol in `course` now? Keys are checked by the service, not here."""
    if not course.live:
        return EnrolmentDecision(False, EnrolmentError.NOT_PUBLISHED)
    if seats_left is not None and seats_left <= 0:
        return EnrolmentDecision(False, EnrolmentError.FULL)
    if by_administrator:
        return EnrolmentDecision(True)
    if course.enrolment_policy == EnrolmentPolicy.ADMIN:
        return EnrolmentDecision(False, EnrolmentError.ADMIN_ONLY)
    now = now or timezone.now()
    if course.enrolment_opens_at and now < course.enrolment_opens_at:
        return EnrolmentDecision(False, EnrolmentError.NOT_OPEN_YET)
    if course.enrolment_closes_at and now >= course.enrolment_closes_at:
        return EnrolmentDecision(False, EnrolmentError.CLOSED)
    return EnrolmentDecision(True, needs_key=course.enrolment_policy == EnrolmentPolicy.KEY)
