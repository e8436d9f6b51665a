"""A learner completes a course, an administrator issues the certificate in the Wagtail
admin, the learner downloads it, and the verification page opened from the URL in its QR
code says it is valid; after revocation the same page says it is revoked."""

from __future__ import annotations

import shutil
from urllib.parse import urlsplit

import pytest
from allauth.account.models import EmailAddress

from certificates.models import Certificate
from courses import services
from demo.certificates import seed_demo_certificate_template
from tests.certificates.pdftools import qr_codes
from tests.factories.courses import build_course
from tests.factories.users import PASSWORD, administrator, learner

from .helpers import assert_language, fill_labelled, submit

pytestmark = pytest.mark.browser


def verified(user):
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def sign_in(tab, email: str, language: str = "fr") -> None:
    tab.open(f"/{language}/accounts/login/")
    fill_labelled(tab.page, "login", email)
    fill_labelled(tab.page, "password", PASSWORD)
    submit(tab.page, "/accounts/login/")


def test_issued_certificate_verifies_from_its_qr_code_until_it_is_revoked(
    make_tab, seeded, artifacts_dir, tmp_path
):
    seed_demo_certificate_template()
    tree = build_course(modules=1, lessons_per_module=2)
    person = verified(learner())
    admin = verified(administrator())
    enrolment = services.enrol(learner=person, course=tree.course)

    student = make_tab("certificate-learner")
    sign_in(student, person.email)
    for lesson in tree.lessons:
        student.open(lesson.get_url())
        submit(student.page, "/complete/")
    enrolment.refresh_from_db()
    assert enrolment.completed_at is not None

    office = make_tab("certificate-admin")
    sign_in(office, admin.email)
    office.open(f"/admin/certificate-actions/issue/?enrolment={enrolment.pk}")
    assert office.page.locator('[data-eligible="yes"]').count() == 1
    office.page.locator('select[name="enrolment"]').select_option(str(enrolment.pk))
    office.shot("issue-form")
    with office.page.expect_navigation():
        office.page.locator("form button[type=submit]").last.click()
    certificate = Certificate.objects.get(enrolment=enrolment)
    office.shot("issued")

    student.open("/fr/certificates/")
    student.shot("my-certificates")
    with student.page.expect_download() as download_info:
        student.page.locator(f'a[href*="/certificates/{certificate.serial}/download/"]').click()
    pdf = tmp_path / "certificate.pdf"
    download_info.value.save_as(pdf)
    shutil.copy(pdf, artifacts_dir / "certificate-journey.pdf")
    codes = qr_codes(pdf, tmp_path)
    assert codes, "the QR code of the downloaded certificate could not be read"
    verify_url = urlsplit(codes[0])
    # The QR code's link is language-neutral: it opens the page in the reader's language.
    assert verify_url.path == f"/v/{certificate.verification_code}"

    visitor = make_tab("certificate-visitor")
    visitor.open(verify_url.path)
    assert visitor.page.url.endswith(f"/fr/verify/{certificate.verification_code}/")
    assert_language(visitor, "fr")
    assert visitor.page.locator('[data-status="issued"]').count() == 1
    visitor.shot("valid")

    office.open(f"/admin/certificate-actions/{certificate.pk}/revoke/")
    office.page.locator('textarea[name="reason"]').fill("Erreur de saisie du nom.")
    with office.page.expect_navigation():
        office.page.locator("form button[type=submit]").last.click()
    certificate.refresh_from_db()
    assert certificate.status == "revoked"

    visitor.open(verify_url.path)
    assert visitor.page.locator('[data-status="revoked"]').count() == 1
    visitor.shot("revoked")
    assert student.foreign_requests == [] and visitor.foreign_requests == []
