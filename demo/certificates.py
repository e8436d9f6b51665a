"""The demo certificate template, from `data/certificates.json`: the default template with
its signatories and their signature images (drawn by `certificates.samples.signature_png`,
kept as Wagtail images in the "Certificates" collection); the certificate settings of the
demo courses, as an administrator would set them; the certified learners' certificates.
Idempotent."""

from __future__ import annotations

from io import BytesIO

from django.core.files.images import ImageFile
from django.db import transaction
from django.utils.text import slugify
from wagtail.images import get_image_model
from wagtail.models import Locale

from certificates.api import (
    DEFAULT_TEMPLATE_NAME,
    CertificateTemplate,
    CourseCertification,
    TemplateSignatory,
    current_certified_course,
    current_template_version,
    issue_certificate,
    signature_png,
)
from content.api import CERTIFICATES, collection_for
from courses.api import CoursePage, Enrolment, EnrolmentStatus

from . import files


@transaction.atomic
def seed_demo_certificate_template() -> CertificateTemplate:
    """The default template with the default wording and the demo signatories, made once;
    then the demo courses' certificate settings (see below)."""
    signatories = files.read("certificates")["signatories"]
    template = CertificateTemplate.objects.filter(name=DEFAULT_TEMPLATE_NAME).first()
    if template is None:
        template = CertificateTemplate.objects.create(name=DEFAULT_TEMPLATE_NAME, is_default=True)
    if not template.signatories.exists():
        for order, person in enumerate(signatories):
            TemplateSignatory.objects.create(
                template=template,
                sort_order=order,
                name_fr=person["name"]["fr"],
                name_ar=person["name"]["ar"],
                title_fr=person["title"]["fr"],
                title_ar=person["title"]["ar"],
            )
    demo_names = {person["name"]["fr"] for person in signatories}
    for signatory in template.signatories.filter(signature__isnull=True, name_fr__in=demo_names):
        signatory.signature = demo_signature_image(signatory.name_fr)
        signatory.save(update_fields=["signature"])
    if not CertificateTemplate.objects.filter(is_default=True).exclude(pk=template.pk).exists():
        if not template.is_default:
            template.is_default = True
            template.save(update_fields=["is_default"])
    current_template_version(template=template)
    seed_demo_course_certifications()
    return template


def demo_signature_image(name: str):
    """The Wagtail image of the drawn signature of the demo signatory `name`, in the
    "Certificates" collection (made once)."""
    collection = collection_for(CERTIFICATES)
    title = f"Signature – {name} (démo)"
    image = get_image_model().objects.filter(title=title, collection=collection).first()
    if image is None:
        image = get_image_model().objects.create(
            title=title,
            file=ImageFile(BytesIO(signature_png(name)), name=f"signature-{slugify(name)}.png"),
            collection=collection,
        )
    return image


@transaction.atomic
def seed_demo_course_certifications() -> list[CourseCertification]:
    """Certificate settings for each demo course that exists: what the course states today,
    issued by an administrator (no automatic issue). Existing settings are left as they are."""
    slugs = [course["slug"] for course in files.read("curriculum")["courses"]]
    courses = CoursePage.objects.filter(slug__in=slugs, locale=Locale.get_default()).order_by("pk")
    settings = []
    for course in courses:
        certified = current_certified_course(course.pk)
        certification, _created = CourseCertification.objects.get_or_create(
            course=course,
            defaults={
                "title_fr": certified.title_fr,
                "title_ar": certified.title_ar,
                "hours": certified.hours,
            },
        )
        settings.append(certification)
    return settings


def seed_demo_certificates(*, learners, course: CoursePage, issued_by) -> list:
    """The certificate of each of `learners` who completed `course` (the demo cohorts'
    certified learners). Idempotent: `issue_certificate` gives back a valid one."""
    enrolments = Enrolment.objects.filter(
        learner__in=learners, course=course, status=EnrolmentStatus.COMPLETED
    ).select_related("learner", "course")
    return [issue_certificate(enrolment=enrolment, issued_by=issued_by) for enrolment in enrolments]
