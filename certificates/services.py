"""Operations on certificates. Each runs in one transaction; issuing is idempotent."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from courses.api import Cohort, CoursePage, Enrolment, canonical_page, course_facts
from lms.text import strip_bidi_controls

from .archival import make_archival
from .credential import build_credential, status_entry
from .data import CertificateData
from .eligibility import Eligibility, check_eligibility
from .models import (
    BulkIssueRun,
    BulkIssueStatus,
    Certificate,
    CertificateStatus,
    CertificateTemplate,
    CourseCertification,
    SerialCounter,
    TemplateVersion,
    verify_url,
)
from .notifications import notify_certificate_issued
from .pdf import render_certificate
from .pdfsign import sign_pdf
from .statement import sign_statement


class CertificateError(Exception):
    """A refused operation; `message` is shown to the person as it is."""

    NOT_VALID = "not_valid"
    SUPERSEDED = "superseded"
    ALREADY_VALID = "already_valid"
    REASON_REQUIRED = "reason_required"
    NO_ENROLMENT = "no_enrolment"

    MESSAGES = {
        NOT_VALID: _("Only a valid certificate can be revoked."),
        SUPERSEDED: _("This certificate was superseded: reissue the certificate that replaced it."),
        ALREADY_VALID: _(
            "The learner already holds a valid certificate for this course: reissue that one."
        ),
        REASON_REQUIRED: _("Give the reason for revoking this certificate."),
        NO_ENROLMENT: _(
            "The learner's enrolment no longer exists: issue a new certificate instead."
        ),
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
        encoded, fingerprint = TemplateVersion.fingerprint_of(template.frozen())
        latest = template.versions.order_by("-number").first()
        if latest is not None and latest.fingerprint == fingerprint:
            return latest
        return TemplateVersion.objects.create(
            template=template,
            number=(latest.number + 1) if latest else 1,
            content=encoded,
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


@dataclass(frozen=True)
class CertifiedCourse:
    """What a certificate states about its course."""

    title_fr: str
    title_ar: str
    hours: Decimal


def current_certified_course(course_id: int) -> CertifiedCourse | None:
    """The course's titles and hours as its pages say them now (trainers may edit them); None
    when `course_id` is not a course of the default locale."""
    facts = course_facts(course_id=course_id)
    if facts is None:
        return None
    return CertifiedCourse(title_fr=facts.title_fr, title_ar=facts.title_ar, hours=facts.hours)


def certified_course(course: CoursePage) -> CertifiedCourse:
    """What certificates of `course` state: its certificate settings (set by administrators)
    when it has some, else the course's current titles and hours."""
    settings = CourseCertification.objects.filter(course_id=course.pk).first()
    if settings is None:
        current = current_certified_course(course.pk)
        if current is None:
            raise ValueError(f"Course {course.pk} is not a course of the default locale.")
        return current
    return CertifiedCourse(
        title_fr=settings.title_fr, title_ar=settings.title_ar, hours=settings.hours
    )


def printable(text: str) -> str:
    """`text` on one line, single-spaced, without invisible direction controls (which older
    names may hold): what is printed and signed must read the same in the PDF's text."""
    return " ".join(strip_bidi_controls(text).split())


def _create(
    *,
    enrolment: Enrolment,
    issued_by,
    version: TemplateVersion | None,
    certified: CertifiedCourse | None = None,
) -> Certificate:
    course = enrolment.course
    learner = enrolment.learner
    if version is None:
        template = CertificateTemplate.objects.for_course(course) or ensure_default_template()
        version = current_template_version(template=template)
    certified = certified or certified_course(course)
    now = timezone.now()
    issue_date = timezone.localdate(now)
    completion_date = timezone.localdate(enrolment.completed_at or now)
    name_latin = printable(learner.full_name_latin)
    name_arabic = printable(learner.full_name_arabic)
    course_fr, course_ar = printable(certified.title_fr), printable(certified.title_ar)
    hours = format_hours(certified.hours)
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
        template=version.as_data(),
        verify_url=verify_url(certificate.verification_code),
        signed_payload="",
        course_code=printable(course.curriculum_code),
    )
    token = sign_statement(data)
    data = replace(data, signed_payload=token)
    certificate.status_list, certificate.status_list_index = status_entry(serial)
    credential = build_credential(
        data,
        issued_at=now,
        status_list=certificate.status_list,
        status_list_index=certificate.status_list_index,
    )
    certificate.credential = credential
    pdf = render_certificate(data)
    pdf = sign_pdf(make_archival(pdf, data=data, credential=credential))
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
    certified: CertifiedCourse | None = None,
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
                    enrolment=enrolment,
                    issued_by=issued_by,
                    version=version,
                    certified=certified,
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


def issues_automatically(*, course_id: int) -> bool:
    """Whether administrators asked for certificates of this course on completion."""
    return CourseCertification.objects.issuing_automatically().filter(course_id=course_id).exists()


def auto_issue_certificate(*, enrolment: Enrolment) -> Certificate | None:
    """The certificate issued on completion, only when the course's certificate settings ask for
    it (None otherwise). Idempotent like `issue_certificate`; raises NotEligible."""
    if not issues_automatically(course_id=enrolment.course_id):
        return None
    return issue_certificate(enrolment=enrolment, issued_by=None)


def reissue_certificate(*, certificate: Certificate, issued_by, reason: str = "") -> Certificate:
    """A new certificate (new serial and code, current names, the course as certified now)
    that replaces a valid or a revoked one. A valid one becomes superseded; a revoked one stays
    revoked (this is the only way a learner gets a certificate again after a revocation).
    Eligibility is not checked again. Raises CertificateError."""
    with transaction.atomic():
        old = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if old.status == CertificateStatus.SUPERSEDED:
            raise CertificateError(CertificateError.SUPERSEDED)
        if old.enrolment_id is None:
            raise CertificateError(CertificateError.NO_ENROLMENT)
        enrolment = (
            Enrolment.objects.select_for_update(of=("self",))
            .select_related("learner", "course")
            .get(pk=old.enrolment_id)
        )
        was_revoked = old.status == CertificateStatus.REVOKED
        if not was_revoked:
            old.supersede()  # first, so that the new one may be the learner's valid certificate
        elif _valid_certificate(enrolment) is not None:
            raise CertificateError(CertificateError.ALREADY_VALID)
        new = _create(enrolment=enrolment, issued_by=issued_by, version=None)
        if not was_revoked:
            old.supersede(by_certificate=new)
            log(
                old, ACTION_SUPERSEDE, user=issued_by, data={"serial": old.serial, "by": new.serial}
            )
        log(
            new,
            ACTION_REISSUE,
            user=issued_by,
            data={
                "serial": new.serial,
                "replaces": old.serial,
                "revoked": was_revoked,
                "reason": reason,
            },
        )
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
        log(
            locked, ACTION_REVOKE, user=revoked_by, data={"serial": locked.serial, "reason": reason}
        )
        return locked


def _notify_on_commit(certificate: Certificate) -> None:
    """Record the e-mail in the outbox once the certificate is committed (lms.notifications)."""
    transaction.on_commit(lambda: notify_certificate_issued(certificate=certificate), robust=True)


# --- Bulk issue -------------------------------------------------------------------------

PROGRESS_EVERY = 25


@dataclass(frozen=True)
class Skipped:
    learner_id: int
    name: str
    code: str
    done: int
    required: int
    revoked_on: str = ""  # ISO date, when the learner's certificate was revoked

    def as_json(self) -> dict:
        return self.__dict__.copy()


def bulk_issue(
    *, issued_by, course: CoursePage | None = None, cohort: Cohort | None = None
) -> BulkIssueRun:
    """Record a bulk issue for a course or a cohort and enqueue it after commit."""
    # at call time: tasks load on first enqueue (declaring a task sets up the backend)
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
    enrolments = (
        Enrolment.objects.current().filter(course=run.course).select_related("learner", "course")
    )
    if run.cohort_id:
        enrolments = enrolments.filter(cohort_id=run.cohort_id)
    enrolments = list(enrolments.order_by("pk"))
    run.total = len(enrolments)
    run.status = BulkIssueStatus.RUNNING
    run.save(update_fields=["total", "status"])
    template = CertificateTemplate.objects.for_course(run.course) or ensure_default_template()
    version = current_template_version(template=template)
    certified = certified_course(run.course)
    try:
        for enrolment in enrolments:
            try:
                _certificate, created = _issue(
                    enrolment=enrolment,
                    issued_by=run.requested_by,
                    version=version,
                    certified=certified,
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
                        revoked_on=decision.revoked_on.isoformat() if decision.revoked_on else "",
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
    revoked_on = entry.get("revoked_on")
    return Eligibility(
        False,
        entry["code"],
        entry.get("done", 0),
        entry.get("required", 0),
        revoked_on=date.fromisoformat(revoked_on) if revoked_on else None,
    ).reason
