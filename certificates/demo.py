"""Demo data for certificates: the default ENSA template with two signatories, and the
certificate settings of the demo courses (as an administrator would set them). Idempotent."""

from __future__ import annotations

from django.db import transaction
from wagtail.models import Locale

from courses import demo_curriculum
from courses.models import CoursePage

from .models import CertificateTemplate, CourseCertification, TemplateSignatory
from .samples import SAMPLE_SIGNATORIES
from .services import DEFAULT_TEMPLATE_NAME, current_course_facts, current_template_version


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
    if not CertificateTemplate.objects.filter(is_default=True).exclude(pk=template.pk).exists():
        if not template.is_default:
            template.is_default = True
            template.save(update_fields=["is_default"])
    current_template_version(template=template)
    seed_demo_course_certifications()
    return template


@transaction.atomic
def seed_demo_course_certifications() -> list[CourseCertification]:
    """Certificate settings for each demo course that exists: what the course states today,
    issued by an administrator (no automatic issue). Existing settings are left as they are."""
    slugs = [course.slug for course in demo_curriculum.COURSES]
    courses = CoursePage.objects.filter(slug__in=slugs, locale=Locale.get_default()).order_by("pk")
    settings = []
    for course in courses:
        facts = current_course_facts(course)
        certification, _created = CourseCertification.objects.get_or_create(
            course=course,
            defaults={"title_fr": facts.title_fr, "title_ar": facts.title_ar, "hours": facts.hours},
        )
        settings.append(certification)
    return settings
