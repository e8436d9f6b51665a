"""Operations on courses: each runs in one transaction and is safe to repeat."""

from __future__ import annotations

import hmac
import logging
from collections.abc import Iterable
from dataclasses import asdict, dataclass, replace
from functools import partial

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log
from wagtail.models import GroupPagePermission

from lms.accounts.api import (
    ADMINISTRATORS,
    LEARNERS,
    TRAINERS,
    branch_ids,
    organisation_names,
)

from .errors import EnrolmentError
from .imports import ImportFileError, ImportRow, organisation_key, parse_rows
from .models import (
    Cohort,
    CoursePage,
    Enrolment,
    EnrolmentStatus,
    Invitation,
    LessonCompletion,
    LessonPage,
    canonical_page,
)
from .notifications import notify_enrolment_confirmed, notify_invitation
from .queries import progress_of
from .rules import check_self_enrolment
from .signals import course_completed

logger = logging.getLogger(__name__)


def _locked_course(course: CoursePage) -> CoursePage:
    """The default-locale course row, locked until the transaction ends (capacity checks)."""
    return CoursePage.objects.select_for_update(of=("self",)).get(pk=canonical_page(course).pk)


def _check_cohort_place(*, cohort: Cohort, course: CoursePage) -> None:
    """Refuse (EnrolmentError) a cohort of another course, that has ended or is full; the
    cohort row stays locked until the transaction ends."""
    cohort = Cohort.objects.select_for_update().get(pk=cohort.pk)
    if cohort.course_id != course.pk:
        raise ValueError("The cohort belongs to another course.")
    if cohort.ends_on and cohort.ends_on < timezone.localdate():
        raise EnrolmentError(EnrolmentError.COHORT_ENDED)
    if cohort.capacity is not None:
        taken = Enrolment.objects.current().filter(cohort=cohort).count()
        if taken >= cohort.capacity:
            raise EnrolmentError(EnrolmentError.COHORT_FULL)


def enrol(
    *,
    learner,
    course: CoursePage,
    key: str = "",
    enrolled_by=None,
    cohort: Cohort | None = None,
    by_administrator: bool | None = None,
) -> Enrolment:
    """Enrol `learner`; `enrolled_by` (an administrator) bypasses policy, key and dates, as
    does `by_administrator=True` when no person is named (an import run from a command).

    Raises EnrolmentError and changes nothing when the enrolment is refused.
    """
    with transaction.atomic():
        course = _locked_course(course)
        existing = Enrolment.objects.filter(learner=learner, course=course).first()
        if existing and existing.is_current:
            raise EnrolmentError(EnrolmentError.ALREADY_ENROLLED)
        if cohort is not None:
            _check_cohort_place(cohort=cohort, course=course)
        seats_left = None
        if course.capacity is not None:
            seats_left = course.capacity - course.enrolments.current().count()
        decision = check_self_enrolment(
            course=course,
            seats_left=seats_left,
            by_administrator=enrolled_by is not None
            if by_administrator is None
            else by_administrator,
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
        transaction.on_commit(lambda: notify_enrolment_confirmed(enrolment=enrolment), robust=True)
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


def complete_lesson(*, learner, lesson: LessonPage) -> LessonCompletion:
    """Mark a lesson complete for an enrolled learner. Idempotent."""
    lesson = canonical_page(lesson)
    with transaction.atomic():
        enrolment = _current_enrolment(learner=learner, course=lesson.get_course(), lock=True)
        completion, _created = LessonCompletion.objects.get_or_create(
            learner=learner, lesson=lesson
        )
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
    grants = {
        TRAINERS: [],
        ADMINISTRATORS: [
            "add_page",
            "change_page",
            "publish_page",
            "bulk_delete_page",
            "lock_page",
            "unlock_page",
        ],
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


# --- Enrolment in bulk: chosen learners, an organisation and everything below it ---------


@dataclass(frozen=True)
class Refusal:
    learner: object
    reason: str


@dataclass(frozen=True)
class EnrolmentSummary:
    """What an enrolment in bulk did: each person appears in exactly one list."""

    enrolled: tuple = ()
    already_enrolled: tuple = ()
    refused: tuple[Refusal, ...] = ()


def bulk_candidates(*, learners: Iterable = (), organisation=None) -> list:
    """The chosen people and the learners of every organisation of `organisation`'s branch
    (inactive and unverified ones included, to be reported), each once, sorted by name."""
    chosen = {user.pk: user for user in learners}
    if organisation is not None:
        members = get_user_model().objects.filter(
            groups__name=LEARNERS,
            organisation_id__in=branch_ids(organisation_id=organisation.pk),
        )
        for user in members:
            chosen.setdefault(user.pk, user)
    return sorted(chosen.values(), key=lambda user: (user.display_name.casefold(), user.email))


def enrol_in_bulk(
    *,
    course: CoursePage,
    cohort: Cohort | None = None,
    learners: Iterable = (),
    organisation=None,
    by,
) -> EnrolmentSummary:
    """Enrol the chosen learners and every verified learner of `organisation`'s branch, in
    one transaction. Idempotent: a second run finds them all already enrolled.

    Refused, with the reason: inactive accounts, unconfirmed e-mail addresses, and whatever
    `enrol()` refuses (cohort full or ended, course full or unpublished)."""
    course = canonical_page(course)
    if cohort is not None and cohort.course_id != course.pk:
        raise ValueError("The cohort belongs to another course.")
    enrolled, already, refused = [], [], []
    with transaction.atomic():
        people = bulk_candidates(learners=learners, organisation=organisation)
        verified = set(
            get_user_model()
            .objects.verified()
            .filter(pk__in=[p.pk for p in people])
            .values_list("pk", flat=True)
        )
        for person in people:
            if not person.is_active:
                refused.append(Refusal(person, str(_("The account is deactivated."))))
                continue
            if person.pk not in verified:
                refused.append(Refusal(person, str(_("The e-mail address is not confirmed."))))
                continue
            try:
                enrol(learner=person, course=course, enrolled_by=by, cohort=cohort)
            except EnrolmentError as error:
                if error.code == EnrolmentError.ALREADY_ENROLLED:
                    already.append(person)
                else:
                    refused.append(Refusal(person, error.admin_message))
            else:
                enrolled.append(person)
        summary = EnrolmentSummary(tuple(enrolled), tuple(already), tuple(refused))
        if enrolled:
            log(
                instance=cohort or course,
                action="courses.bulk_enrol",
                user=by,
                data={
                    "course": course.pk,
                    "cohort": cohort.pk if cohort else None,
                    "organisation": organisation.pk if organisation is not None else None,
                    "enrolled": len(enrolled),
                    "already_enrolled": len(already),
                    "refused": len(refused),
                },
            )
    return summary


# --- Imports into a cohort, with invitations ---------------------------------------------


class ImportOutcome(models.TextChoices):
    ENROL = "enrol", gettext_lazy("Will be enrolled")
    ALREADY_ENROLLED = "already_enrolled", gettext_lazy("Already enrolled")
    INVITE = "invite", gettext_lazy("No account yet: will be invited")
    ALREADY_INVITED = "already_invited", gettext_lazy("Already invited")
    INVALID = "invalid", gettext_lazy("Invalid")


@dataclass(frozen=True)
class PreviewRow:
    row: ImportRow
    outcome: str
    reasons: tuple[str, ...] = ()
    user: object = None

    @property
    def outcome_label(self) -> str:
        return str(ImportOutcome(self.outcome).label)


@dataclass(frozen=True)
class ImportPreview:
    """What applying the file would do, row by row; nothing is written to make it."""

    cohort: Cohort
    rows: tuple[PreviewRow, ...] = ()
    error: str = ""  # the file itself, or the cohort, refuses the whole import

    def count(self, outcome: str) -> int:
        return sum(1 for row in self.rows if row.outcome == outcome)

    @property
    def counts(self) -> dict[str, int]:
        return {outcome: self.count(outcome) for outcome in ImportOutcome.values}

    @property
    def valid(self) -> bool:
        return not self.error and bool(self.rows) and not self.count(ImportOutcome.INVALID)


@dataclass(frozen=True)
class ImportResult:
    enrolled: int
    already_enrolled: int
    invited: int
    already_invited: int


class ImportRefused(Exception):
    """Applying the import was refused as a whole; nothing was written."""

    def __init__(self, message: str):
        self.message = message
        super().__init__(message)


def organisation_index() -> dict[str, int]:
    """organisation_key() of every organisation's slug and names -> its id."""
    index: dict[str, int] = {}
    for names in organisation_names():
        for text in (names.slug, names.name_fr, names.name_ar):
            if text:
                index.setdefault(organisation_key(text), names.id)
    return index


def _seats_left(cohort: Cohort, course: CoursePage) -> int | None:
    """Places left in the cohort, pending invitations counting as taken (None: no limit)."""
    limits = []
    if cohort.capacity is not None:
        taken = Enrolment.objects.current().filter(cohort=cohort).count()
        taken += Invitation.objects.pending().filter(cohort=cohort).count()
        limits.append(cohort.capacity - taken)
    if course.capacity is not None:
        limits.append(course.capacity - course.enrolments.current().count())
    return min(limits) if limits else None


def preview_import(*, cohort: Cohort, data: bytes | str) -> ImportPreview:
    """Read the file and say, row by row, what applying it would do. Writes nothing."""
    course = canonical_page(cohort.course)
    try:
        rows = parse_rows(data, organisations=organisation_index())
    except ImportFileError as error:
        return ImportPreview(cohort=cohort, error=str(error.message))
    if not rows:
        return ImportPreview(cohort=cohort, error=str(_("The file has no one to import.")))
    emails = [row.email for row in rows if row.email]
    users = {
        user.email.lower(): user
        for user in get_user_model().objects.filter(email__in=emails).select_related("organisation")
    }
    verified = set(
        get_user_model().objects.verified().filter(email__in=emails).values_list("pk", flat=True)
    )
    enrolled_ids = set(
        Enrolment.objects.current().filter(course=course).values_list("learner_id", flat=True)
    )
    invited = set(
        Invitation.objects.filter(cohort=cohort, email__in=emails).values_list("email", flat=True)
    )
    preview_rows = []
    for row in rows:
        user = users.get(row.email)
        if not row.valid:
            preview_rows.append(PreviewRow(row, ImportOutcome.INVALID, row.errors, user))
        elif user is not None and not user.is_active:
            reason = str(_("The account is deactivated."))
            preview_rows.append(PreviewRow(row, ImportOutcome.INVALID, (reason,), user))
        elif user is not None and user.pk in enrolled_ids:
            preview_rows.append(PreviewRow(row, ImportOutcome.ALREADY_ENROLLED, (), user))
        elif user is not None and user.pk in verified:
            preview_rows.append(PreviewRow(row, ImportOutcome.ENROL, (), user))
        elif row.email in invited:
            preview_rows.append(PreviewRow(row, ImportOutcome.ALREADY_INVITED, (), user))
        else:
            # No account, or an account whose address is not confirmed yet: whoever confirms
            # the address is the person the administrator meant.
            preview_rows.append(PreviewRow(row, ImportOutcome.INVITE, (), user))
    preview = ImportPreview(cohort=cohort, rows=tuple(preview_rows))
    error = ""
    if not course.live:
        error = str(EnrolmentError.ADMIN_MESSAGES[EnrolmentError.NOT_PUBLISHED])
    elif cohort.ends_on and cohort.ends_on < timezone.localdate():
        error = str(EnrolmentError.MESSAGES[EnrolmentError.COHORT_ENDED])
    else:
        seats = _seats_left(cohort, course)
        wanted = preview.count(ImportOutcome.ENROL) + preview.count(ImportOutcome.INVITE)
        if seats is not None and wanted > seats:
            error = str(
                _(
                    "Not enough places: %(wanted)d people to enrol or invite, %(seats)d places "
                    "left (pending invitations count as taken places)."
                )
                % {"wanted": wanted, "seats": max(seats, 0)}
            )
    return replace(preview, error=error)


def apply_import(
    *, cohort: Cohort, data: bytes | str, by=None, language: str = "fr"
) -> ImportResult:
    """Apply the file, all or nothing, in one transaction; refused (ImportRefused) while any
    row is invalid. Idempotent: a second run enrols and invites no one more.

    Existing confirmed accounts are enrolled in the cohort (and its course) and their
    organisation is set from the file and confirmed; blank names and job title are filled.
    Others are invited (in `language`): the e-mails leave after commit."""
    with transaction.atomic():
        cohort = (
            Cohort.objects.select_for_update(of=("self",))
            .select_related("course")
            .get(pk=cohort.pk)
        )
        preview = preview_import(cohort=cohort, data=data)
        if preview.error:
            raise ImportRefused(preview.error)
        if not preview.valid:
            raise ImportRefused(
                str(_("Nothing was imported: %(count)d row(s) are invalid. Correct them first."))
                % {"count": preview.count(ImportOutcome.INVALID)}
            )
        new_invitations = []
        for item in preview.rows:
            row = item.row
            if item.outcome in (ImportOutcome.ENROL, ImportOutcome.ALREADY_ENROLLED):
                _confirm_organisation(user=item.user, row=row)
                if item.outcome == ImportOutcome.ENROL:
                    try:
                        enrol(
                            learner=item.user,
                            course=cohort.course,
                            enrolled_by=by,
                            cohort=cohort,
                            by_administrator=True,
                        )
                    except EnrolmentError as error:
                        raise ImportRefused(
                            str(_("Nothing was imported: line %(line)d: %(reason)s"))
                            % {"line": row.line, "reason": error.admin_message}
                        ) from error
            elif item.outcome == ImportOutcome.INVITE:
                invitation, created = Invitation.objects.get_or_create(
                    email=row.email,
                    cohort=cohort,
                    defaults={
                        "full_name_latin": row.full_name_latin,
                        "full_name_arabic": row.full_name_arabic,
                        "organisation_id": row.organisation_id,
                        "job_title": row.job_title,
                        "language": language,
                        "invited_by": by,
                    },
                )
                if created:
                    new_invitations.append(invitation.pk)
        result = ImportResult(
            enrolled=preview.count(ImportOutcome.ENROL),
            already_enrolled=preview.count(ImportOutcome.ALREADY_ENROLLED),
            invited=len(new_invitations),
            already_invited=preview.count(ImportOutcome.ALREADY_INVITED),
        )
        log(
            instance=cohort,
            action="courses.import_learners",
            user=by,
            data={"cohort": cohort.pk, **asdict(result)},
        )
        for pk in new_invitations:
            transaction.on_commit(partial(notify_invitation, invitation_id=pk), robust=True)
    return result


def _confirm_organisation(*, user, row: ImportRow) -> None:
    user.organisation_id = row.organisation_id
    user.organisation_confirmed = True
    user.full_name_latin = user.full_name_latin or row.full_name_latin
    user.full_name_arabic = user.full_name_arabic or row.full_name_arabic
    user.job_title = user.job_title or row.job_title
    user.save(
        update_fields=[
            "organisation",
            "organisation_confirmed",
            "full_name_latin",
            "full_name_arabic",
            "job_title",
        ]
    )


def accept_invitations(*, user, email: str) -> list[Enrolment]:
    """`user` confirmed `email`: enrol them in every cohort that invited that address, fill
    their blank names and job title and set their organisation (confirmed) from the
    invitation. Idempotent; an invitation whose cohort refuses (full, ended) stays pending."""
    enrolments = []
    if not user.is_active or (email or "").lower() != (user.email or "").lower():
        return enrolments
    with transaction.atomic():
        pending = (
            Invitation.objects.pending()
            .select_for_update(of=("self",))
            .filter(email__iexact=email)
            .select_related("cohort__course", "organisation", "invited_by")
            .order_by("created_at")
        )
        for invitation in pending:
            try:
                with transaction.atomic():
                    enrolment = enrol(
                        learner=user,
                        course=invitation.cohort.course,
                        enrolled_by=invitation.invited_by,
                        cohort=invitation.cohort,
                        by_administrator=True,
                    )
            except EnrolmentError as error:
                if error.code != EnrolmentError.ALREADY_ENROLLED:
                    logger.warning("Invitation %s not accepted: %s", invitation.pk, error.code)
                    continue
                enrolment = None
            if invitation.organisation_id:
                user.organisation = invitation.organisation
                user.organisation_confirmed = True
            user.full_name_latin = user.full_name_latin or invitation.full_name_latin
            user.full_name_arabic = user.full_name_arabic or invitation.full_name_arabic
            user.job_title = user.job_title or invitation.job_title
            user.save()
            invitation.accepted_at = timezone.now()
            invitation.save(update_fields=["accepted_at"])
            log(
                instance=invitation.cohort,
                action="courses.invitation_accepted",
                user=user,
                data={"invitation": invitation.pk},
            )
            if enrolment is not None:
                enrolments.append(enrolment)
    return enrolments
