"""The demo certificate template and course certifications (demo/certificates.py)."""

import pytest
from django.core.exceptions import ValidationError

from certificates.models import (
    CertificateTemplate,
    CourseCertification,
    TemplateSignatory,
    TemplateVersion,
)
from certificates.services import DEFAULT_TEMPLATE_NAME
from demo import files
from demo.certificates import seed_demo_certificate_template

pytestmark = pytest.mark.django_db


def test_seeding_the_demo_template_twice_changes_nothing(site):
    first = seed_demo_certificate_template()
    second = seed_demo_certificate_template()
    assert first.pk == second.pk
    assert first.is_default
    assert CertificateTemplate.objects.count() == 1
    assert first.signatories.count() == 2
    assert TemplateVersion.objects.filter(template=first).count() == 1


def test_only_one_template_is_the_default(site):
    seed_demo_certificate_template()
    other = CertificateTemplate(name="Autre", is_default=True)
    with pytest.raises(ValidationError):
        other.full_clean()


def test_the_demo_courses_get_certificate_settings_issued_by_hand(site):
    from demo.curriculum import build_demo

    result = build_demo()
    seed_demo_certificate_template()
    seed_demo_certificate_template()
    settings = CourseCertification.objects.order_by("course_id")
    assert [s.course_id for s in settings] == sorted(course.pk for course in result.courses)
    main = settings.get(course=result.course)
    assert (main.title_fr, main.title_ar) == (result.course.title, result.course_ar.title)
    assert main.hours == result.course.duration_hours > 0
    assert not any(s.auto_issue for s in settings)


def test_the_demo_signatories_sign_with_images_drawn_by_the_project(site):
    from content.collections import collection_for
    from content.permissions import CERTIFICATES

    template = seed_demo_certificate_template()
    signatories = list(template.signatories.select_related("signature__collection"))
    assert [s.signature is not None for s in signatories] == [True, True]
    assert {s.signature.collection for s in signatories} == {collection_for(CERTIFICATES)}
    assert signatories[0].signature.file.read() != signatories[1].signature.file.read()
    frozen = TemplateVersion.objects.get(template=template).as_data()
    assert all(person.signature_png for person in frozen.signatories)  # what certificates print
    seed_demo_certificate_template()
    assert TemplateVersion.objects.filter(template=template).count() == 1


def test_a_demo_template_seeded_before_signature_images_gets_them(site):
    from wagtail.images import get_image_model

    template = CertificateTemplate.objects.create(name=DEFAULT_TEMPLATE_NAME, is_default=True)
    for order, person in enumerate(files.read("certificates")["signatories"]):
        TemplateSignatory.objects.create(
            template=template,
            sort_order=order,
            name_fr=person["name"]["fr"],
            name_ar=person["name"]["ar"],
            title_fr=person["title"]["fr"],
            title_ar=person["title"]["ar"],
        )
    seed_demo_certificate_template()
    assert not TemplateSignatory.objects.filter(template=template, signature__isnull=True).exists()
    seed_demo_certificate_template()
    assert get_image_model().objects.filter(title__startswith="Signature").count() == 2
