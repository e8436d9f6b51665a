"""Demo data for certificates: the default ENSA template with two signatories and their
signature images (drawn by `samples.signature_png`, kept as Wagtail images in the
"Certificates" collection), and the certificate settings of the demo courses (as an
administrator would set them). Idempotent."""

from __future__ import annotations

from io import BytesIO

from django.core.files.images import ImageFile
from django.db import transaction
from django.utils.text import slugify
from wagtail.images import get_image_model
from wagtail.models import Locale

from content.collections import collection_for
from content.permissions import CERTIFICATES
from courses import demo_curriculum
from courses.models import CoursePage

from .models import CertificateTemplate, CourseCertification, TemplateSignatory
from .samples import SAMPLE_SIGNATORIES, signature_png
from .services import DEFAULT_TEMPLATE_NAME, current_certified_course, current_template_version


@transaction.atomic
def seed_demo_certificate_template() -> CertificateTemplate:
    """The default template with the default wording and the sample signatories, made once;
    then the demo courses' certificate settings (see below)."""
    template = CertificateTemplate.objects.filter(name=DEFAULT_TEMPLATE_NAME).first()
    if template is None:
        template = CertificateTemplate.objects.create(name=DEFAULT_TEMPLATE_NAME, is_default=True)
    if not template.signatories.exists():
        for order, person in enumerate(SAMPLE_SIGNATORIES):
            TemplateSignatory.objects.create(
                template=template,
                sort_order=order,
                name_fr=person.name_fr,
                name_ar=person.name_ar,
                title_fr=person.title_fr,
                title_ar=person.title_ar,
            )
    demo_names = {person.name_fr for person in SAMPLE_SIGNATORIES}
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
    slugs = [course.slug for course in demo_curriculum.COURSES]
    courses = CoursePage.objects.filter(slug__in=slugs, locale=Locale.get_default()).order_by("pk")
    settings = []
    for course in courses:
        certified = current_certified_course(course)
        certification, _created = CourseCertification.objects.get_or_create(
            course=course,
            defaults={"title_fr": certified.title_fr, "title_ar": certified.title_ar, "hours": certified.hours},
        )
        settings.append(certification)
    return settings


def seed_demo_certificates(*, learners, course: CoursePage, issued_by) -> list:
    """The certificate of each of `learners` who completed `course` (the demo cohorts'
    certified learners). Idempotent: `issue_certificate` gives back a valid one."""
    from courses.models import Enrolment, EnrolmentStatus

    from .services import issue_certificate

    enrolments = Enrolment.objects.filter(
        learner__in=learners, course=course, status=EnrolmentStatus.COMPLETED
    ).select_related("learner", "course")
    return [issue_certificate(enrolment=enrolment, issued_by=issued_by) for enrolment in enrolments]
