"""Who may do what with certificates: templates and certificate settings are for ENSA
administrators only, never for the course's trainers."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from certificates.models import CertificateTemplate, CourseCertification
from certificates.permissions import may_administer, may_download
from tests.factories.certificates import certification, issued_certificate
from tests.factories.courses import build_course
from tests.factories.users import administrator, learner, trainer

pytestmark = pytest.mark.django_db


def refused(response) -> bool:
    """Wagtail answers a forbidden admin view with a redirect to the dashboard, a 403 or a 404."""
    return response.status_code in (302, 403, 404)


def test_trainers_cannot_reach_templates_signatories_or_certificate_settings(client, site):
    from certificates.models import CourseCertification

    template = CertificateTemplate.objects.create(name="Modèle")
    settings = CourseCertification.objects.create(
        course=build_course(modules=1, lessons_per_module=1).course,
        title_fr="a",
        title_ar="b",
        hours=3,
    )
    client.force_login(trainer())
    urls = [
        reverse("wagtailsnippets_certificates_certificatetemplate:list"),
        reverse("wagtailsnippets_certificates_certificatetemplate:add"),
        reverse("wagtailsnippets_certificates_certificatetemplate:edit", args=[template.pk]),
        reverse("certificate_settings:index"),
        reverse("certificate_settings:edit", args=[settings.pk]),
    ]
    for url in urls:
        assert client.get(url).status_code in {302, 403, 404}, url
    response = client.post(
        reverse("wagtailsnippets_certificates_certificatetemplate:edit", args=[template.pk]),
        {"name": "Piraté"},
    )
    assert response.status_code in {302, 403, 404}
    template.refresh_from_db()
    assert template.name == "Modèle"
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    for url in urls[0], urls[3], reverse("certificate_register:index"):
        assert url not in menu


def test_trainers_cannot_open_or_post_the_certificate_settings(site, client):
    owner = trainer()
    tree = build_course(modules=1, lessons_per_module=1, trainers=[owner])
    settings = certification(build_course(modules=1, lessons_per_module=1).course)
    client.force_login(owner)
    add = reverse("certificate_settings:add")
    for url in (
        reverse("certificate_settings:index"),
        add,
        reverse("certificate_settings:edit", args=[settings.pk]),
    ):
        assert refused(client.get(url)), url
    response = client.post(add, {"course": tree.course.pk, "hours": "600", "auto_issue": "on"})
    assert refused(response)
    response = client.post(
        reverse("certificate_settings:edit", args=[settings.pk]),
        {"title_fr": "x", "title_ar": "x", "hours": "600", "auto_issue": "on"},
    )
    assert refused(response)
    settings.refresh_from_db()
    assert not settings.auto_issue and settings.hours != Decimal("600")
    assert list(CourseCertification.objects.all()) == [settings]


def test_trainers_hold_no_certificates_permission(site):
    person = trainer()
    assert not any(perm.startswith("certificates.") for perm in person.get_all_permissions())
    assert administrator().has_perm("certificates.change_coursecertification")


def test_a_certificate_is_downloaded_by_its_learner_the_courses_trainers_and_administrators(site):
    owner = trainer()
    certificate = issued_certificate(trainers=[owner])
    assert may_download(certificate.learner, certificate)
    assert may_download(owner, certificate)
    assert may_download(administrator(), certificate)
    for stranger in (AnonymousUser(), learner(), trainer()):
        assert not may_download(stranger, certificate)
    assert may_administer(administrator())
    assert not any(may_administer(person) for person in (AnonymousUser(), owner, learner()))
