"""The register and its actions in the Wagtail admin, for ENSA administrators only."""

import pytest
from django.urls import reverse

from certificates.models import BulkIssueRun, Certificate, CertificateStatus, CertificateTemplate
from courses import services as course_services
from tests.factories.certificates import complete_course, issued_certificate, revoked_certificate
from tests.factories.courses import build_course
from tests.factories.users import administrator, learner, trainer

pytestmark = pytest.mark.django_db


def test_administrators_search_and_filter_the_register(admin_client, site):
    first = issued_certificate()
    second = issued_certificate()
    url = reverse("certificate_register:index")
    page = admin_client.get(url, {"q": first.serial}).content.decode()
    assert first.serial in page and second.serial not in page
    second.revoke(reason="Erreur", by=None)
    page = admin_client.get(url, {"status": "revoked"}).content.decode()
    assert second.serial in page and first.serial not in page


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_the_register_exports(admin_client, site, export_format):
    certificate = issued_certificate()
    response = admin_client.get(reverse("certificate_register:index"), {"export": export_format})
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if export_format == "csv":
        assert certificate.serial in content.decode()
    else:
        from io import BytesIO

        from openpyxl import load_workbook

        rows = list(load_workbook(BytesIO(content)).active.iter_rows(values_only=True))
        assert any(certificate.serial in row for row in rows)


def test_trainers_and_learners_do_not_see_the_register(client, site):
    issued_certificate()
    for person in (trainer(), learner()):
        client.force_login(person)
        response = client.get(reverse("certificate_register:index"))
        assert response.status_code in {302, 403}
        assert client.get(reverse("certificate_actions:bulk")).status_code in {302, 403}


def test_revoke_from_the_admin_with_a_reason(admin_client, site):
    certificate = issued_certificate()
    url = reverse("certificate_actions:revoke", args=[certificate.pk])
    assert admin_client.get(url).status_code == 200
    admin_client.post(url, {"reason": "Plagiat"})
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.REVOKED
    assert certificate.revoked_reason == "Plagiat"


def test_reissue_from_the_admin(admin_client, site):
    certificate = issued_certificate()
    response = admin_client.post(
        reverse("certificate_actions:reissue", args=[certificate.pk]), {"reason": "Nom"}
    )
    new = Certificate.objects.valid().get()
    assert response["Location"] == reverse("certificate_register:inspect", args=[new.pk])
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.SUPERSEDED


def test_issue_for_one_learner_shows_why_they_are_not_eligible(admin_client, site):
    tree = build_course(modules=1, lessons_per_module=2)
    enrolment = course_services.enrol(learner=learner(), course=tree.course)
    url = reverse("certificate_actions:issue")
    page = admin_client.get(url, {"enrolment": enrolment.pk}).content.decode()
    assert 'data-eligible="no"' in page
    assert "0" in page and "2" in page
    response = admin_client.post(url, {"enrolment": enrolment.pk})
    assert response.status_code == 200
    assert not Certificate.objects.exists()
    for lesson in tree.lessons:
        course_services.complete_lesson(learner=enrolment.learner, lesson=lesson)
    response = admin_client.post(url, {"enrolment": enrolment.pk})
    certificate = Certificate.objects.get()
    assert response["Location"] == reverse("certificate_register:inspect", args=[certificate.pk])
    assert admin_client.get(response["Location"]).status_code == 200


def test_bulk_issue_records_progress_and_who_was_skipped(
    admin_client, site, django_capture_on_commit_callbacks
):
    tree = build_course(modules=1, lessons_per_module=2)
    done = [complete_course(tree) for _ in range(3)]
    stuck = course_services.enrol(learner=learner(full_name_latin="Omar Tazi"), course=tree.course)
    issued_before = Certificate.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("certificate_actions:bulk"), {"course": tree.course.pk}
        )
    run = BulkIssueRun.objects.get()
    assert response["Location"] == reverse("certificate_bulk_issues:inspect", args=[run.pk])
    assert (run.status, run.total, run.processed, run.issued, run.skipped) == (
        "finished",
        4,
        4,
        3,
        1,
    )
    assert run.skipped_details[0]["learner_id"] == stuck.learner_id
    assert Certificate.objects.count() == issued_before + 3
    assert {c.learner_id for c in Certificate.objects.filter(course=tree.course)} == {
        e.learner_id for e in done
    }
    page = admin_client.get(response["Location"]).content.decode()
    assert "Omar Tazi" in page


def test_administrators_change_a_template_in_its_editor(admin_client, site):
    from wagtail.test.utils.form_data import querydict_from_html

    template = CertificateTemplate.objects.create(name="Modèle")
    url = reverse("wagtailsnippets_certificates_certificatetemplate:edit", args=[template.pk])
    response = admin_client.get(url)
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="w-editor-form")
    assert data["heading_ar"] == template.heading_ar
    data["heading_ar"] = "شهادة تكوين"
    data["place_fr"] = "Tanger"
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    template.refresh_from_db()
    assert (template.heading_ar, template.place_fr) == ("شهادة تكوين", "Tanger")


FORMULA_NAME = '=HYPERLINK("http://evil","x")'


def _exported_rows(response, export_format) -> list[list]:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if export_format == "csv":
        import csv
        import io

        text = content.decode("utf-8")
        assert text.startswith("\ufeff")  # Arabic names open as UTF-8 in spreadsheet programs
        return list(csv.reader(io.StringIO(text[1:])))
    from io import BytesIO

    from openpyxl import load_workbook

    return [list(row) for row in load_workbook(BytesIO(content)).active.iter_rows(values_only=True)]


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_the_register_exports_a_formula_typed_as_a_name_as_plain_text(
    admin_client, site, export_format
):
    certificate = issued_certificate(person=learner(full_name_latin=FORMULA_NAME))
    response = admin_client.get(reverse("certificate_register:index"), {"export": export_format})
    rows = _exported_rows(response, export_format)
    [row] = [row for row in rows if certificate.serial in row]
    assert "'" + FORMULA_NAME in row
    assert FORMULA_NAME not in row
    assert certificate.learner_name_arabic in row


def test_administrators_set_the_logo_and_the_signatures_of_a_template(admin_client, site):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    from certificates.models import WORDING_FIELDS

    logo = Image.objects.create(title="Logo ENSA", file=get_test_image_file("logo.png"))
    signature = Image.objects.create(title="Signature", file=get_test_image_file("signature.png"))
    template = CertificateTemplate.objects.create(name="Modèle")
    url = reverse("wagtailsnippets_certificates_certificatetemplate:edit", args=[template.pk])
    page = admin_client.get(url).content.decode()
    assert 'name="logo"' in page and 'name="signatories-__prefix__-signature"' in page
    wording = {name: getattr(template, name) for name in WORDING_FIELDS}
    signatory = {
        "name_fr": "Nadia El Idrissi",
        "name_ar": "نادية الإدريسي",
        "title_fr": "Directrice",
        "title_ar": "مديرة",
        "signature": signature.pk,
    }
    data = nested_form_data(
        {"name": "Modèle", "logo": logo.pk, **wording, "signatories": inline_formset([signatory])}
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    template.refresh_from_db()
    assert template.logo == logo
    assert template.signatories.get().signature == signature
    frozen = template.versions.order_by("-number").first().as_data()
    assert frozen.logo_png and frozen.signatories[0].signature_png


def test_the_register_offers_to_reissue_a_revoked_certificate_and_does_it(site, client):
    _completed, revoked = revoked_certificate()
    client.force_login(administrator())
    url = reverse("certificate_actions:reissue", args=[revoked.pk])
    assert url in client.get(reverse("certificate_register:index")).content.decode()
    assert (
        url
        in client.get(reverse("certificate_register:inspect", args=[revoked.pk])).content.decode()
    )
    form = client.get(url)
    assert form.status_code == 200 and "data-notice" in form.content.decode()
    response = client.post(url, {"reason": "Décision annulée"})
    new = Certificate.objects.valid().get()
    assert response["Location"] == reverse("certificate_register:inspect", args=[new.pk])
    revoked.refresh_from_db()
    assert revoked.status == CertificateStatus.REVOKED
