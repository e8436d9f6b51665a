"""A phone scans the QR code of a certificate: the link opens the verification page in the
phone's language, and the page fits a 390 px wide screen (no sideways scrolling, the
64-character fingerprint wraps), with dates written as on the certificate."""

from __future__ import annotations

from datetime import date

import pytest

from certificates import services
from certificates.dates import arabic_date, french_date
from demo.certificates import seed_demo_certificate_template
from tests.factories.certificates import complete_course
from tests.factories.courses import build_course
from tests.factories.users import administrator, learner

from .helpers import assert_language

pytestmark = pytest.mark.browser

NO_SIDEWAYS_SCROLL = "document.documentElement.scrollWidth <= window.innerWidth"


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_the_qr_link_opens_a_page_that_fits_a_phone(make_tab, seeded, language):
    seed_demo_certificate_template()
    tree = build_course(modules=1, lessons_per_module=1, arabic=True)
    person = learner(full_name_latin="Fatima-Zahra Benali", full_name_arabic="فاطمة الزهراء بنعلي")
    enrolment, admin = complete_course(tree, person), administrator()
    certificate = services.issue_certificate(enrolment=enrolment, issued_by=admin)

    phone = make_tab(f"verify-phone-{language}", viewport="phone")
    phone.page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": phone.base_url}]
    )
    phone.open(f"/v/{certificate.verification_code}")
    assert phone.page.url.endswith(f"/{language}/verify/{certificate.verification_code}/")
    assert_language(phone, language)
    assert phone.page.locator('[data-status="issued"]').count() == 1
    phone.shot("page")

    assert phone.page.evaluate(NO_SIDEWAYS_SCROLL)
    fingerprint = phone.page.locator("code.fingerprint").bounding_box()
    assert fingerprint["x"] >= 0 and fingerprint["x"] + fingerprint["width"] <= 390
    assert fingerprint["height"] > 30  # wrapped over several lines
    completed = date.fromisoformat(certificate.snapshot["completion_date"])
    written = french_date(completed) if language == "fr" else arabic_date(completed)
    assert written in phone.page.locator("dl.facts").inner_text()
    assert phone.foreign_requests == []
