"""Certificate templates (versioned) and the register of issued certificates."""

from __future__ import annotations

import hashlib
import json
import secrets
from decimal import Decimal
from string import Formatter

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Locale, Orderable, PreviewableMixin

from lms.bilingual import choose

from .data import CertificateData, Signatory, TemplateData, decode_images, encode_value
from .pdf import render_certificate
from .samples import DEFAULT_WORDING, sample_certificate_data

WORDING_FIELDS = tuple(DEFAULT_WORDING)
# The wording lines that name what the certificate fills in (pdf.py), and the names they may use.
WORDING_PLACEHOLDERS = {
    "duration": {"hours"},
    "completed": {"date"},
    "grade": {"grade"},
    "done_at": {"place", "date"},
}


def wording_problem(field: str, text: str) -> str:
    """Why a wording line cannot be printed (an unknown or malformed {placeholder}), or ""."""
    allowed = WORDING_PLACEHOLDERS.get(field[:-3])
    if allowed is None:
        return ""  # printed as it is
    listed = ", ".join(f"{{{name}}}" for name in sorted(allowed))
    try:
        names = {
            name for _text, name, _spec, _conversion in Formatter().parse(text) if name is not None
        }
    except ValueError:
        names = {"{"}
    if names <= allowed:
        return ""
    return str(
        _("Write braces only around what the certificate fills in here: %(allowed)s.")
        % {"allowed": listed}
    )


def _image_bytes(image) -> bytes | None:
    if image is None:
        return None
    try:
        with image.open_file() as handle:
            return handle.read()
    except (OSError, ValueError):
        return None


class CourseCertificationQuerySet(models.QuerySet):
    def issuing_automatically(self):
        return self.filter(auto_issue=True)


class CourseCertification(models.Model):
    """What ENSA certifies for one course (titles in both languages, hours) and whether it
    issues the certificate on completion. Set by administrators only; a course without it is
    certified with its current titles and hours, by an administrator."""

    course = models.OneToOneField(
        "courses.CoursePage",
        verbose_name=_("course"),
        on_delete=models.CASCADE,
        related_name="certification",
    )
    title_fr = models.CharField(_("course title certified (French)"), max_length=255)
    title_ar = models.CharField(_("course title certified (Arabic)"), max_length=255)
    hours = models.DecimalField(
        _("hours certified"),
        max_digits=5,
        decimal_places=1,
        validators=[MinValueValidator(Decimal("0.5"))],
    )
    auto_issue = models.BooleanField(
        _("issue the certificate automatically on completion"),
        default=False,
        help_text=_(
            "Off by default: administrators usually issue certificates themselves. When on, a "
            "learner who completes the course receives a certificate with no one checking."
        ),
    )
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = CourseCertificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("certificate settings of a course")
        verbose_name_plural = _("certificate settings of courses")
        ordering = ["course__title"]

    def __str__(self) -> str:
        """The certified title in the active language (the Arabic admin reads the Arabic one)."""
        return str(choose(self.title_fr, self.title_ar))

    def clean(self):
        super().clean()
        if self.course_id and self.course.locale_id != Locale.get_default().pk:
            raise ValidationError(
                {
                    "course": _(
                        "Choose the course in the default language: its translations share its settings."
                    )
                }
            )


class CertificateTemplateQuerySet(models.QuerySet):
    def for_course(self, course):
        """The template listing `course`, else the default one, else the latest."""
        return (
            self.filter(Q(courses=course) | Q(is_default=True))
            .annotate(listed=models.Count("courses", filter=Q(courses=course)))
            .order_by("-listed", "-is_default", "-pk")
            .first()
        ) or self.order_by("-pk").first()


class CertificateTemplate(PreviewableMixin, ClusterableModel):
    """The wording and look of certificates. Editing it makes a new version for later
    certificates; issued ones keep the version they were made with."""

    name = models.CharField(_("name"), max_length=200)
    is_default = models.BooleanField(
        _("default template"),
        default=False,
        help_text=_("Used for courses that no template lists."),
    )
    courses = ParentalManyToManyField(
        "courses.CoursePage",
        verbose_name=_("courses"),
        blank=True,
        related_name="certificate_templates",
        help_text=_("Courses whose certificates use this template."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    institution_fr = models.CharField(
        _("institution (French)"), max_length=300, default=DEFAULT_WORDING["institution_fr"]
    )
    institution_ar = models.CharField(
        _("institution (Arabic)"), max_length=300, default=DEFAULT_WORDING["institution_ar"]
    )
    heading_fr = models.CharField(
        _("heading (French)"), max_length=300, default=DEFAULT_WORDING["heading_fr"]
    )
    heading_ar = models.CharField(
        _("heading (Arabic)"), max_length=300, default=DEFAULT_WORDING["heading_ar"]
    )
    attests_fr = models.CharField(
        _("attestation sentence (French)"), max_length=300, default=DEFAULT_WORDING["attests_fr"]
    )
    attests_ar = models.CharField(
        _("attestation sentence (Arabic)"), max_length=300, default=DEFAULT_WORDING["attests_ar"]
    )
    followed_fr = models.CharField(
        _("'has followed' sentence (French)"),
        max_length=300,
        default=DEFAULT_WORDING["followed_fr"],
    )
    followed_ar = models.CharField(
        _("'has followed' sentence (Arabic)"),
        max_length=300,
        default=DEFAULT_WORDING["followed_ar"],
    )
    duration_fr = models.CharField(
        _("duration line (French), {hours} is replaced"),
        max_length=300,
        default=DEFAULT_WORDING["duration_fr"],
    )
    duration_ar = models.CharField(
        _("duration line (Arabic), {hours} is replaced"),
        max_length=300,
        default=DEFAULT_WORDING["duration_ar"],
    )
    completed_fr = models.CharField(
        _("completion line (French), {date} is replaced"),
        max_length=300,
        default=DEFAULT_WORDING["completed_fr"],
    )
    completed_ar = models.CharField(
        _("completion line (Arabic), {date} is replaced"),
        max_length=300,
        default=DEFAULT_WORDING["completed_ar"],
    )
    grade_fr = models.CharField(
        _("grade line (French), {grade} is replaced"),
        max_length=300,
        default=DEFAULT_WORDING["grade_fr"],
    )
    grade_ar = models.CharField(
        _("grade line (Arabic), {grade} is replaced"),
        max_length=300,
        default=DEFAULT_WORDING["grade_ar"],
    )
    place_fr = models.CharField(
        _("place (French)"), max_length=300, default=DEFAULT_WORDING["place_fr"]
    )
    place_ar = models.CharField(
        _("place (Arabic)"), max_length=300, default=DEFAULT_WORDING["place_ar"]
    )
    done_at_fr = models.CharField(
        _("place and date line (French), {place} and {date} are replaced"),
        max_length=300,
        default=DEFAULT_WORDING["done_at_fr"],
    )
    done_at_ar = models.CharField(
        _("place and date line (Arabic), {place} and {date} are replaced"),
        max_length=300,
        default=DEFAULT_WORDING["done_at_ar"],
    )
    serial_label_fr = models.CharField(
        _("serial number label (French)"),
        max_length=300,
        default=DEFAULT_WORDING["serial_label_fr"],
    )
    serial_label_ar = models.CharField(
        _("serial number label (Arabic)"),
        max_length=300,
        default=DEFAULT_WORDING["serial_label_ar"],
    )
    verify_label_fr = models.CharField(
        _("verification line (French)"), max_length=300, default=DEFAULT_WORDING["verify_label_fr"]
    )
    verify_label_ar = models.CharField(
        _("verification line (Arabic)"), max_length=300, default=DEFAULT_WORDING["verify_label_ar"]
    )

    objects = CertificateTemplateQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("is_default")]),
        FieldPanel("courses"),
        FieldPanel("logo"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel(f"{base}_fr"), FieldPanel(f"{base}_ar")])
                for base in dict.fromkeys(f[:-3] for f in WORDING_FIELDS)
            ],
            heading=_("Wording"),
        ),
        InlinePanel("signatories", label=_("Signatories"), max_num=3),
    ]

    class Meta:
        verbose_name = _("certificate template")
        verbose_name_plural = _("certificate templates")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"],
                condition=Q(is_default=True),
                name="one_default_certificate_template",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        super().clean()
        others = CertificateTemplate.objects.filter(is_default=True).exclude(pk=self.pk)
        if self.is_default and others.exists():
            raise ValidationError(
                {"is_default": _("Another template is the default one: untick it there first.")}
            )
        problems = {
            name: message
            for name in WORDING_FIELDS
            if (message := wording_problem(name, getattr(self, name)))
        }
        if problems:
            raise ValidationError(problems)

    def frozen(self, version: int = 0) -> TemplateData:
        """The template as it is now: wording, signatories and images, as frozen values."""
        return TemplateData(
            version=version,
            name=self.name,
            signatories=tuple(
                Signatory(
                    name_fr=s.name_fr,
                    name_ar=s.name_ar,
                    title_fr=s.title_fr,
                    title_ar=s.title_ar,
                    signature_png=_image_bytes(s.signature),
                )
                for s in self.signatories.all()[:3]
            ),
            logo_png=_image_bytes(self.logo),
            **{name: getattr(self, name) for name in WORDING_FIELDS},
        )

    def serve_preview(self, request, mode_name):
        pdf = render_certificate(sample_certificate_data(template=self.frozen()))
        return HttpResponse(pdf, content_type="application/pdf")


class TemplateSignatory(Orderable):
    template = ParentalKey(
        CertificateTemplate,
        verbose_name=_("template"),
        related_name="signatories",
        on_delete=models.CASCADE,
    )
    name_fr = models.CharField(_("name (Latin script)"), max_length=200)
    name_ar = models.CharField(_("name (Arabic script)"), max_length=200)
    title_fr = models.CharField(_("title (French)"), max_length=200)
    title_ar = models.CharField(_("title (Arabic)"), max_length=200)
    signature = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("signature image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldRowPanel([FieldPanel("name_fr"), FieldPanel("name_ar")]),
        FieldRowPanel([FieldPanel("title_fr"), FieldPanel("title_ar")]),
        FieldPanel("signature"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")


class TemplateVersion(models.Model):
    """A frozen copy of a template (wording, signatories, images) as certificates used it."""

    # Records, not content: keeping them out of Wagtail's reference index saves queries per save.
    wagtail_reference_index_ignore = True

    template = models.ForeignKey(
        CertificateTemplate,
        verbose_name=_("template"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="versions",
    )
    number = models.PositiveIntegerField(_("version"))
    content = models.JSONField(_("wording, signatories and images"))
    fingerprint = models.CharField(_("fingerprint"), max_length=64)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("template version")
        verbose_name_plural = _("template versions")
        ordering = ["template", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["template", "number"], name="unique_template_version")
        ]

    def __str__(self) -> str:
        return f"{self.content.get('name', '')} v{self.number}"

    @staticmethod
    def fingerprint_of(data: TemplateData) -> tuple[dict, str]:
        """`data` encoded as `content` is stored, and the digest that tells versions apart."""
        encoded = encode_value(
            data.__dict__ | {"signatories": [s.__dict__ for s in data.signatories]}
        )
        encoded["version"] = 0
        digest = hashlib.sha256(
            json.dumps(encoded, sort_keys=True, ensure_ascii=False).encode()
        ).hexdigest()
        return encoded, digest

    def as_data(self) -> TemplateData:
        values = dict(self.content)
        values["version"] = self.number
        values["signatories"] = tuple(
            Signatory(**decode_images(s)) for s in values.get("signatories", ())
        )
        return TemplateData(**decode_images(values))


class SerialCounter(models.Model):
    """The last serial number given in a year; its row is locked while a serial is taken."""

    # Records, not content: keeping them out of Wagtail's reference index saves queries per save.
    wagtail_reference_index_ignore = True

    year = models.PositiveIntegerField(_("year"), primary_key=True)
    last = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        verbose_name = _("serial counter")
        verbose_name_plural = _("serial counters")

    def __str__(self) -> str:
        return f"{self.year}: {self.last}"


class CertificateStatus(models.TextChoices):
    # Stored as "issued" (the word when the register began): issued, and neither revoked nor
    # superseded since, which is what the verification page calls valid.
    VALID = "issued", _("Valid")
    REVOKED = "revoked", _("Revoked")
    SUPERSEDED = "superseded", _("Superseded")


class CertificateQuerySet(models.QuerySet):
    def valid(self):
        return self.filter(status=CertificateStatus.VALID)

    def of_learner(self, learner):
        return self.filter(learner=learner)


def new_verification_code() -> str:
    """192 random bits, URL-safe."""
    return secrets.token_urlsafe(24)


def certificate_upload_to(instance: Certificate, filename: str) -> str:
    return f"certificates/{instance.serial[5:9]}/{instance.serial}-{secrets.token_hex(8)}.pdf"


class Certificate(models.Model):
    """One entry of the register. What it certifies lives in `snapshot`; the foreign keys
    only help to find it and never delete it."""

    # Records, not content: keeping them out of Wagtail's reference index saves queries per save.
    wagtail_reference_index_ignore = True

    serial = models.CharField(_("serial number"), max_length=20, unique=True)
    verification_code = models.CharField(
        _("verification code"), max_length=64, unique=True, default=new_verification_code
    )
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )
    enrolment = models.ForeignKey(
        "courses.Enrolment",
        verbose_name=_("enrolment"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    template_version = models.ForeignKey(
        TemplateVersion,
        verbose_name=_("template version"),
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    learner_name_latin = models.CharField(_("name (Latin script)"), max_length=200, blank=True)
    learner_name_arabic = models.CharField(_("name (Arabic script)"), max_length=200, blank=True)
    snapshot = models.JSONField(_("what the certificate states"))
    signed_payload = models.TextField(_("signed payload"))
    pdf = models.FileField(_("PDF file"), upload_to=certificate_upload_to, max_length=200)
    pdf_sha256 = models.CharField(_("PDF SHA-256"), max_length=64)
    # The Open Badges 3.0 credential (credential.py): its entry in the revocation status list of
    # its year of issue, and the signed VC-JWT (empty when issued before credentials existed).
    status_list = models.PositiveIntegerField(_("status list"), null=True, blank=True)
    status_list_index = models.PositiveIntegerField(_("status list index"), null=True, blank=True)
    credential = models.TextField(_("Open Badges credential (VC-JWT)"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=CertificateStatus.choices,
        default=CertificateStatus.VALID,
        db_index=True,
    )
    issued_at = models.DateTimeField(_("issued at"), default=timezone.now)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revoked_reason = models.TextField(_("reason for revocation"), blank=True)
    superseded_by = models.ForeignKey(
        "self",
        verbose_name=_("superseded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="supersedes",
    )

    objects = CertificateQuerySet.as_manager()

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at", "-serial"]
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "course"],
                condition=Q(status="issued"),
                name="one_valid_certificate_per_learner_and_course",
            ),
            models.UniqueConstraint(
                fields=["status_list", "status_list_index"],
                name="one_certificate_per_status_list_entry",
            ),
        ]

    def __str__(self) -> str:
        return self.serial

    @property
    def is_valid(self) -> bool:
        return self.status == CertificateStatus.VALID

    @property
    def may_be_reissued(self) -> bool:
        """A valid certificate (it becomes superseded) or a revoked one (it stays revoked)."""
        return self.status in {CertificateStatus.VALID, CertificateStatus.REVOKED}

    @property
    def data(self) -> CertificateData:
        return CertificateData.from_snapshot(self.snapshot)

    @property
    def course_title(self) -> str:
        """The course title as the certificate states it, in the active language."""
        data = self.snapshot
        if (get_language() or "fr").startswith("ar"):
            return data.get("course_title_ar") or data.get("course_title_fr", "")
        return data.get("course_title_fr") or data.get("course_title_ar", "")

    def get_verify_url(self) -> str:
        return verify_url(self.verification_code)

    @property
    def linkedin_add_url(self) -> str:
        """LinkedIn's "add a certification" link, filled with what this certificate states."""
        # at call time: certificates.credential imports the models (cycle)
        from .credential import linkedin_add_url

        return linkedin_add_url(self)

    def revoke(self, *, reason: str, by) -> bool:
        """Mark revoked with reason, author and time; return False if it was not valid."""
        if self.status != CertificateStatus.VALID:
            return False
        self.status = CertificateStatus.REVOKED
        self.revoked_at = timezone.now()
        self.revoked_by = by
        self.revoked_reason = reason
        self.save(update_fields=["status", "revoked_at", "revoked_by", "revoked_reason"])
        return True

    def supersede(self, *, by_certificate: Certificate | None = None) -> None:
        self.status = CertificateStatus.SUPERSEDED
        self.superseded_by = by_certificate
        self.save(update_fields=["status", "superseded_by"])


def verify_url(code: str) -> str:
    """The absolute, language-neutral URL of the public verification page (`/v/<code>`, which
    opens the page in the reader's language): printed in the QR code, sent in e-mails."""
    return f"{settings.BASE_URL}{reverse('certificate_links:verify', kwargs={'code': code})}"


class BulkIssueStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    FINISHED = "finished", _("Finished")
    FAILED = "failed", _("Failed")


class BulkIssueRun(models.Model):
    """One bulk issue for a course or a cohort, with its progress and who was skipped why."""

    # Records, not content: keeping them out of Wagtail's reference index saves queries per save.
    wagtail_reference_index_ignore = True

    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    cohort = models.ForeignKey(
        "courses.Cohort",
        verbose_name=_("cohort"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=BulkIssueStatus.choices, default=BulkIssueStatus.QUEUED
    )
    total = models.PositiveIntegerField(_("learners"), default=0)
    processed = models.PositiveIntegerField(_("processed"), default=0)
    issued = models.PositiveIntegerField(_("issued"), default=0)
    already_issued = models.PositiveIntegerField(_("already had one"), default=0)
    skipped = models.PositiveIntegerField(_("skipped"), default=0)
    skipped_details = models.JSONField(_("who was skipped and why"), default=list, blank=True)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("bulk issue")
        verbose_name_plural = _("bulk issues")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.course} ({self.created_at:%Y-%m-%d %H:%M})"

    @property
    def percent(self) -> int:
        return round(100 * self.processed / self.total) if self.total else 100
