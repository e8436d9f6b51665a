"""Operations on courses: each runs in one transaction and is safe to repeat."""

from __future__ import annotations

import hmac

from django.db import IntegrityError, transaction
from django.utils import timezone

from .errors import EnrolmentError
from .models import (
    Cohort,
    CoursePage,
    Enrolment,
    EnrolmentStatus,
    LessonCompletion,
    LessonPage,
    canonical_page,
)
from .notifications import notify_enrolment_confirmed
from .queries import progress_of
from .rules import check_self_enrolment
from .signals import course_completed


def _locked_course(course: CoursePage) -> CoursePage:
    """The default-locale course row, locked until the transaction ends (capacity checks)."""
    return CoursePage.objects.select_for_update(of=("self",)).get(pk=canonical_page(course).pk)


def enrol(
    *,
    learner,
    course: CoursePage,
    key: str = "",
    enrolled_by=None,
    cohort: Cohort | None = None,
) -> Enrolment:
    """Enrol `learner`; `enrolled_by` (an administrator) bypasses policy, key and dates.

    Raises EnrolmentError and changes nothing when the enrolment is refused.
    """
    with transaction.atomic():
        course = _locked_course(course)
        existing = Enrolment.objects.filter(learner=learner, course=course).first()
        if existing and existing.is_current:
            raise EnrolmentError(EnrolmentError.ALREADY_ENROLLED)
        seats_left = None
        if course.capacity is not None:
            seats_left = course.capacity - course.enrolments.current().count()
        decision = check_self_enrolment(
            course=course, seats_left=seats_left, by_administrator=enrolled_by is not None
        )
        if not decision.ok:
            raise EnrolmentError(decision.code)
        if decision.needs_key and not hmac.compare_digest(
            (key or "").strip().encode(), course.enrolment_key.strip().encode()
        ):
            raise EnrolmentError(EnrolmentError.WRONG_KEY)
        if existing:
            # A course completed before withdrawing stays completed: `course_completed`
            # is sent at most once per enrolment.
            existing.status = (
                EnrolmentStatus.COMPLETED if existing.completed_at else EnrolmentStatus.ACTIVE
            )
            existing.withdrawn_at = None
            existing.enrolled_at = timezone.now()
            existing.enrolled_by = enrolled_by
            existing.cohort = cohort or existing.cohort
            existing.save()
            enrolment = existing
        else:
            try:
                with transaction.atomic():
                    enrolment = Enrolment.objects.create(
                        learner=learner, course=course, enrolled_by=enrolled_by, cohort=cohort
                    )
            except IntegrityError as error:
                raise EnrolmentError(EnrolmentError.ALREADY_ENROLLED) from error
        refresh_completion(enrolment=enrolment)
        transaction.on_commit(
            lambda: notify_enrolment_confirmed(enrolment=enrolment), robust=True
        )
        return enrolment


def unenrol(*, learner, course: CoursePage) -> Enrolment:
    """Withdraw from a course. Lessons completed are kept for a later re-enrolment."""
    with transaction.atomic():
        enrolment = (
            Enrolment.objects.select_for_update()
            .filter(learner=learner, course=canonical_page(course))
            .first()
        )
        if enrolment is None or not enrolment.is_current:
            raise EnrolmentError(EnrolmentError.NOT_ENROLLED)
        enrolment.status = EnrolmentStatus.WITHDRAWN
        enrolment.withdrawn_at = timezone.now()
        enrolment.save(update_fields=["status", "withdrawn_at"])
        return enrolment


def _current_enrolment(*, learner, course: CoursePage, lock: bool = False) -> Enrolment:
    queryset = Enrolment.objects.current().filter(learner=learner, course=canonical_page(course))
    if lock:
        queryset = queryset.select_for_update()
    enrolment = queryset.first()
    if enrolment is None:
        raise EnrolmentError(EnrolmentError.NOT_ENROLLED)
    return enrolment


def record_visit(*, learner, lesson: LessonPage) -> None:
    """Remember the last lesson opened, for "continue where you left off". No-op if not enrolled."""
    course = lesson.get_course()
    if course is None or not learner.is_authenticated:
        return
    Enrolment.objects.current().filter(learner=learner, course=canonical_page(course)).update(
        last_lesson=canonical_page(lesson)
    )


def complete_lesson(*, learner, lesson: LessonPage) -> LessonCompletion:
    """Mark a lesson complete for an enrolled learner. Idempotent."""
    lesson = canonical_page(lesson)
    with transaction.atomic():
        enrolment = _current_enrolment(learner=learner, course=lesson.get_course(), lock=True)
        completion, _created = LessonCompletion.objects.get_or_create(learner=learner, lesson=lesson)
        if enrolment.last_lesson_id != lesson.pk:
            enrolment.last_lesson = lesson
            enrolment.save(update_fields=["last_lesson"])
        refresh_completion(enrolment=enrolment)
        return completion


def refresh_completion(*, enrolment: Enrolment) -> bool:
    """Complete the enrolment if every required element is done; send `course_completed` once.

    Called by every service that records progress (lessons here, quizzes elsewhere).
    """
    if enrolment.status != EnrolmentStatus.ACTIVE:
        return False
    progress = progress_of(learner=enrolment.learner, course=enrolment.course)
    if not progress.complete:
        return False
    if enrolment.mark_completed():
        transaction.on_commit(
            lambda: course_completed.send(sender=Enrolment, enrolment=enrolment), robust=True
        )
        return True
    return False


def grant_catalogue_permissions(*, catalog) -> None:
    """Administrators may do everything below `catalog`. Trainers hold no page permission
    there: their rights come from the courses that list them (see permissions.py).
    Idempotent: page permissions a role no longer holds are taken back."""
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    from lms.accounts.roles import ADMINISTRATORS, TRAINERS

    grants = {
        TRAINERS: [],
        ADMINISTRATORS: ["add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"],
    }
    with transaction.atomic():
        for role, codenames in grants.items():
            group = Group.objects.get_or_create(name=role)[0]
            permissions = Permission.objects.filter(
                content_type__app_label="wagtailcore", codename__in=codenames
            )
            GroupPagePermission.objects.filter(group=group, page=catalog).exclude(
                permission__in=permissions
            ).delete()
            for permission in permissions:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=catalog, permission=permission
                )
