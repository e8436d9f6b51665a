"""Admin hooks of the certificates app: courses with certificates are not deleted, a saved
template gets a new version, and a course's page leads administrators to its settings."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from certificates.models import Certificate, CertificateTemplate
from tests.certificates.helpers import edit_url
from tests.factories.certificates import issued_certificate
from tests.factories.courses import build_course
from tests.factories.users import trainer

pytestmark = pytest.mark.django_db


def test_deleting_a_course_with_certificates_is_refused_with_a_message(admin_client, site):
    from courses.models import Enrolment, LessonCompletion

    certificate = issued_certificate()
    course = certificate.course
    # Only the certificate holds the course now (learners' records have their own refusal).
    Enrolment.objects.filter(course=course).delete()
    LessonCompletion.objects.filter(lesson__path__startswith=course.path).delete()
    response = admin_client.post(
        reverse("wagtailadmin_pages:delete", args=[course.pk]), follow=True
    )
    page = response.content.decode()
    assert "certificates were issued for its course" in page or "ont été délivrées" in page
    course.refresh_from_db()
    assert Certificate.objects.filter(course=course).exists()


def test_bulk_deleting_a_course_with_certificates_is_refused_with_a_message(admin_client, site):
    from courses.models import CoursePage, Enrolment, LessonCompletion

    certificate = issued_certificate()
    course = certificate.course
    # Only the certificate holds the course now (learners' records have their own refusal).
    Enrolment.objects.filter(course=course).delete()
    LessonCompletion.objects.filter(lesson__path__startswith=course.path).delete()
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "delete"))
    response = admin_client.post(f"{url}?id={course.pk}", follow=True)
    assert response.status_code == 200
    messages = [str(m) for m in response.context["messages"]]
    with translation.override(settings.LANGUAGE_CODE):
        expected = gettext(
            "These pages cannot be deleted because certificates were issued for their courses: "
            "%(titles)s. Unpublish them instead; the register keeps every certificate."
        ) % {"titles": course.title}
    assert expected in messages, messages
    assert CoursePage.objects.filter(pk=course.pk).exists()
    assert Certificate.objects.filter(course=course).exists()


def test_editing_a_template_in_the_admin_creates_a_new_version(admin_client, site):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    from certificates.models import WORDING_FIELDS

    template = CertificateTemplate.objects.create(name="Modèle")
    wording = {name: getattr(template, name) for name in WORDING_FIELDS}
    url = reverse("wagtailsnippets_certificates_certificatetemplate:edit", args=[template.pk])
    for heading in ("Attestation", "Certificat"):
        data = nested_form_data(
            {"name": "Modèle", **wording, "heading_fr": heading, "signatories": inline_formset([])}
        )
        response = admin_client.post(url, data)
        assert response.status_code == 302, response.content.decode()[:2000]
    versions = list(template.versions.order_by("number"))
    assert [v.number for v in versions] == [1, 2]
    assert [v.as_data().heading_fr for v in versions] == ["Attestation", "Certificat"]


def test_the_course_editor_offers_trainers_no_certificate_setting(site, client):
    owner = trainer()
    tree = build_course(modules=1, lessons_per_module=1, trainers=[owner])
    client.force_login(owner)
    html = client.get(edit_url(tree.course)).content.decode()
    for name in ("auto_issue_certificate", "auto_issue", "hours", "title_fr"):
        assert f'name="{name}"' not in html
    assert reverse("certificate_settings:add") not in html
