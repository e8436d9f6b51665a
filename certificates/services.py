"""Operations on certificates. Each runs in one transaction; issuing is idempotent."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import Locale

from courses.models import Cohort, CoursePage, Enrolment, canonical_page

from . import signing
from .data import CertificateData
from .eligibility import Eligibility, check_eligibility
from .models import (
    BulkIssueRun,
    BulkIssueStatus,
    Certificate,
    CertificateStatus,
    CertificateTemplate,
    SerialCounter,
    TemplateVersion,
    verify_url,
)
from .pdf import render_certificate


class CertificateError(Exception):
    """A refused operation; `message` is shown to the person as it is."""

    NOT_VALID = "not_valid"
    REASON_REQUIRED = "reason_required"
    NO_ENROLMENT = "no_enrolment"

    MESSAGES = {
        NOT_VALID: _("Only a valid certificate can be revoked or reissued."),
        REASON_REQUIRED: _("Give the reason for revoking this certificate."),
        NO_ENROLMENT: _("The learner's enrolment no longer exists: issue a new certificate instead."),
    }

    def __init__(self, code: str):
        self.code = code
        self.message = self.MESSAGES[code]
        super().__init__(str(self.message))


class NotEligible(Exception):
    def __init__(self, eligibility: Eligibility):
        self.eligibility = eligibility
        super().__init__(eligibility.code)

    @property
    def message(self) -> str:
        return self.eligibility.reason


DEFAULT_TEMPLATE_NAME = "ENSA – attestation de formation"

ACTION_ISSUE = "certificates.issue"
ACTION_REISSUE = "certificates.reissue"
ACTION_SUPERSEDE = "certificates.supersede"
ACTION_REVOKE = "certificates.revoke"
ACTION_BULK = "certificates.bulk_issue"


def format_hours(hours: Decimal | int | float | None) -> str:
    value = Decimal(str(hours or 0)).normalize()
    text = f"{value:f}"
    return text.replace(".", ",")


def ensure_default_template() -> CertificateTemplate:
    """The default template, created with the default wording when there is none. Idempotent."""
    template = CertificateTemplate.objects.filter(is_default=True).first()
    if template is not None:
        return template
    try:
        with transaction.atomic():
            return CertificateTemplate.objects.create(name=DEFAULT_TEMPLATE_NAME, is_default=True)
    except IntegrityError:  # made meanwhile by a concurrent issue
        return CertificateTemplate.objects.get(is_default=True)


def current_template_version(*, template: CertificateTemplate) -> TemplateVersion:
    """The latest version of `template`, made now if the template changed since. Locks it."""
    with transaction.atomic():
        template = CertificateTemplate.objects.select_for_update().get(pk=template.pk)
        encoded, fingerprint = TemplateVersion.fingerprint_of(template.facts())
        latest = template.versions.order_by("-number").first()
        if latest is not None and latest.fingerprint == fingerprint:
            return latest
        return TemplateVersion.objects.create(
            template=template,
            number=(latest.number + 1) if latest else 1,
            facts=encoded,
            fingerprint=fingerprint,
        )


def next_serial(*, year: int) -> str:
    """Take the next serial of `year`; the counter row stays locked until the transaction ends,
    so serials are given in order and a rolled-back issue leaves no gap."""
    SerialCounter.objects.bulk_create([SerialCounter(year=year)], ignore_conflicts=True)
    counter = SerialCounter.objects.select_for_update().get(year=year)
    counter.last += 1
    counter.save(update_fields=["last"])
    return f"ENSA-{year}-{counter.last:06d}"


def _arabic_title(course: CoursePage) -> str:
    try:
        arabic = Locale.objects.get(language_code="ar")
    except Locale.DoesNotExist:
        return course.title
    translation = course.get_translation_or_none(arabic)
    return translation.title if translation else course.title


def course_titles(course: CoursePage) -> tuple[str, str]:
    """The French and Arabic titles of a course (the French one when it is not translated)."""
    return course.title, _arabic_title(course)


def _create(
    *,
    enrolment: Enrolment,
    issued_by,
    version: TemplateVersion | None,
    titles: tuple[str, str] | None = None,
) -> Certificate:
    course = enrolment.course
    learner = enrolment.learner
    if version is None:
        template = CertificateTemplate.objects.for_course(course) or ensure_default_template()
        version = current_template_version(template=template)
    now = timezone.now()
    issue_date = timezone.localdate(now)
    completion_date = timezone.localdate(enrolment.completed_at or now)
    name_latin = " ".join(learner.full_name_latin.split())
    name_arabic = " ".join(learner.full_name_arabic.split())
    course_fr, course_ar = titles or course_titles(course)
    hours = format_hours(course.duration_hours)
    serial = next_serial(year=issue_date.year)
    certificate = Certificate(
        serial=serial,
        learner=learner,
        enrolment=enrolment,
        course=course,
        template_version=version,
        learner_name_latin=name_latin,
        learner_name_arabic=name_arabic,
        issued_at=now,
        issued_by=issued_by,
    )
    data = CertificateData(
        serial=serial,
        verification_code=certificate.verification_code,
        learner_name_latin=name_latin,
        learner_name_arabic=name_arabic,
        course_title_fr=course_fr,
        course_title_ar=course_ar,
        hours=hours,
        completion_date=completion_date,
        issue_date=issue_date,
        template=version.as_facts(),
        verify_url=verify_url(certificate.verification_code),
        signed_payload="",
    )
    token = signing.sign(signing.payload_of(data))
    data = replace(data, signed_payload=token)
    pdf = render_certificate(data)
    certificate.snapshot = data.to_snapshot(images=False)
    certificate.signed_payload = token
    certificate.pdf_sha256 = hashlib.sha256(pdf).hexdigest()
    certificate.pdf.save(f"{serial}.pdf", ContentFile(pdf), save=False)
    certificate.save()
    return certificate


def _valid_certificate(enrolment: Enrolment) -> Certificate | None:
    return (
        Certificate.objects.valid()
        .filter(learner_id=enrolment.learner_id, course_id=enrolment.course_id)
        .first()
    )


def _issue(
    *,
    enrolment: Enrolment,
    issued_by,
    version: TemplateVersion | None = None,
    titles: tuple[str, str] | None = None,
) -> tuple[Certificate, bool]:
    with transaction.atomic():
        enrolment = (
            Enrolment.objects.select_for_update(of=("self",))
            .select_related("learner", "course")
            .get(pk=enrolment.pk)
        )
        existing = _valid_certificate(enrolment)
        if existing is not None:
            return existing, False
        decision = check_eligibility(enrolment=enrolment)
        if not decision.ok:
            raise NotEligible(decision)
        try:
            with transaction.atomic():
                certificate = _create(
                    enrolment=enrolment, issued_by=issued_by, version=version, titles=titles
                )
        except IntegrityError:
            existing = _valid_certificate(enrolment)
            if existing is None:
                raise
            return existing, False
        log(certificate, ACTION_ISSUE, user=issued_by, data={"serial": certificate.serial})
        _notify_on_commit(certificate)
        return certificate, True


def issue_certificate(*, enrolment: Enrolment, issued_by=None) -> Certificate:
    """The learner's valid certificate for the course, issued now if they have none.

    Idempotent and safe under concurrency (the enrolment row is locked). Raises NotEligible.
    """
    return _issue(enrolment=enrolment, issued_by=issued_by)[0]


def reissue_certificate(*, certificate: Certificate, issued_by, reason: str = "") -> Certificate:
    """A new certificate (new serial and code, current names and titles) that supersedes a
    valid one; the old one stays in the register. Eligibility is not checked again."""
    with transaction.atomic():
        old = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if old.status != CertificateStatus.ISSUED:
            raise CertificateError(CertificateError.NOT_VALID)
        if old.enrolment_id is None:
            raise CertificateError(CertificateError.NO_ENROLMENT)
        enrolment = Enrolment.objects.select_for_update(of=("self",)).select_related(
            "learner", "course"
        ).get(pk=old.enrolment_id)
        old.supersede()
        new = _create(enrolment=enrolment, issued_by=issued_by, version=None)
        old.supersede(by_certificate=new)
        log(old, ACTION_SUPERSEDE, user=issued_by, data={"serial": old.serial, "by": new.serial})
        log(new, ACTION_REISSUE, user=issued_by,
            data={"serial": new.serial, "supersedes": old.serial, "reason": reason})
        _notify_on_commit(new)
        return new


def revoke_certificate(*, certificate: Certificate, reason: str, revoked_by) -> Certificate:
    """Revoke a valid certificate, giving a reason. Raises CertificateError."""
    reason = (reason or "").strip()
    if not reason:
        raise CertificateError(CertificateError.REASON_REQUIRED)
    with transaction.atomic():
        locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if not locked.revoke(reason=reason, by=revoked_by):
            raise CertificateError(CertificateError.NOT_VALID)
        log(locked, ACTION_REVOKE, user=revoked_by, data={"serial": locked.serial, "reason": reason})
        return locked


def _notify_on_commit(certificate: Certificate) -> None:
    from .tasks import send_certificate_email

    pk = certificate.pk
    transaction.on_commit(lambda: send_certificate_email.enqueue(certificate_id=pk), robust=True)


# --- Bulk issue -------------------------------------------------------------------------

PROGRESS_EVERY = 25


@dataclass(frozen=True)
class Skipped:
    learner_id: int
    name: str
    code: str
    done: int
    required: int

    def as_json(self) -> dict:
        return self.__dict__.copy()


def bulk_issue(*, issued_by, course: CoursePage | None = None, cohort: Cohort | None = None) -> BulkIssueRun:
    """Record a bulk issue for a course or a cohort and enqueue it after commit."""
    from .tasks import run_bulk_issue_task

    if (course is None) == (cohort is None):
        raise ValueError("Give a course or a cohort.")
    with transaction.atomic():
        run = BulkIssueRun.objects.create(
            course=canonical_page(course) if course else cohort.course,
            cohort=cohort,
            requested_by=issued_by,
        )
        log(run, ACTION_BULK, user=issued_by, data={"course": run.course.title})
        transaction.on_commit(lambda: run_bulk_issue_task.enqueue(run_id=run.pk), robust=True)
    return run


def run_bulk_issue(*, run: BulkIssueRun) -> BulkIssueRun:
    """Issue to every current learner of the run's course or cohort, recording progress."""
    enrolments = Enrolment.objects.current().filter(course=run.course).select_related(
        "learner", "course"
    )
    if run.cohort_id:
        enrolments = enrolments.filter(cohort_id=run.cohort_id)
    enrolments = list(enrolments.order_by("pk"))
    run.total = len(enrolments)
    run.status = BulkIssueStatus.RUNNING
    run.save(update_fields=["total", "status"])
    template = CertificateTemplate.objects.for_course(run.course) or ensure_default_template()
    version = current_template_version(template=template)
    titles = course_titles(run.course)
    try:
        for enrolment in enrolments:
            try:
                _certificate, created = _issue(
                    enrolment=enrolment, issued_by=run.requested_by, version=version, titles=titles
                )
            except NotEligible as refusal:
                decision = refusal.eligibility
                run.skipped += 1
                run.skipped_details.append(
                    Skipped(
                        learner_id=enrolment.learner_id,
                        name=enrolment.learner.display_name,
                        code=decision.code,
                        done=decision.done,
                        required=decision.required,
                    ).as_json()
                )
            else:
                if created:
                    run.issued += 1
                else:
                    run.already_issued += 1
            run.processed += 1
            if run.processed % PROGRESS_EVERY == 0:
                run.save(update_fields=_PROGRESS_FIELDS)
    except Exception as error:
        run.status = BulkIssueStatus.FAILED
        run.error = str(error)
        run.finished_at = timezone.now()
        run.save(update_fields=[*_PROGRESS_FIELDS, "status", "error", "finished_at"])
        raise
    run.status = BulkIssueStatus.FINISHED
    run.finished_at = timezone.now()
    run.save(update_fields=[*_PROGRESS_FIELDS, "status", "finished_at"])
    return run


_PROGRESS_FIELDS = ["processed", "issued", "already_issued", "skipped", "skipped_details"]


def skipped_reason(entry: dict) -> str:
    """The reason a bulk run skipped a learner, in the active language."""
    return Eligibility(False, entry["code"], entry.get("done", 0), entry.get("required", 0)).reason
