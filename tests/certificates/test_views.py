"""Public verification, "My certificates" and downloads, over HTTP."""

import hashlib
from datetime import date
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation

from certificates import services, signing
from certificates.dates import arabic_date, french_date
from certificates.models import Certificate
from certificates.statement import qr_content, read_statement
from certificates.views import VERIFY_LIMIT
from tests.certificates.pdftools import pdftotext, squashed
from tests.factories.certificates import complete_course, issued_certificate
from tests.factories.courses import build_course
from tests.factories.users import PASSWORD, administrator, learner, trainer

pytestmark = pytest.mark.django_db


def _url(name, language="fr", **kwargs):
    with translation.override(language):
        return reverse(f"certificates:{name}", kwargs=kwargs)


def _url_of(name, language="fr"):
    with translation.override(language):
        return reverse(name)


def _login(client, user):
    client.force_login(user)
    return client


def test_verification_page_shows_the_facts_and_status_without_other_personal_data(client, site):
    certificate = issued_certificate()
    response = client.get(_url("verify", code=certificate.verification_code))
    assert response.status_code == 200
    page = response.content.decode()
    assert 'data-status="issued"' in page
    for fact in (
        certificate.serial,
        certificate.learner_name_latin,
        certificate.learner_name_arabic,
        certificate.snapshot["course_title_ar"],
        certificate.pdf_sha256,
    ):
        assert fact in page
    assert certificate.learner.email not in page
    assert certificate.learner.job_title not in page


def test_the_qr_url_opens_the_verification_page(client, site):
    certificate = issued_certificate()
    url = certificate.get_verify_url()
    assert url == f"http://testserver/v/{certificate.verification_code}"
    response = client.get(url.removeprefix("http://testserver"), follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == f"/fr/verify/{certificate.verification_code}/"


def test_verification_page_is_translated_into_arabic(client, site):
    certificate = issued_certificate()
    response = client.get(_url("verify", language="ar", code=certificate.verification_code))
    assert response.status_code == 200
    assert 'lang="ar"' in response.content.decode()


def test_a_revoked_certificate_page_still_resolves_and_says_revoked(client, site):
    certificate = issued_certificate()
    services.revoke_certificate(
        certificate=certificate, reason="Erreur", revoked_by=administrator()
    )
    response = client.get(_url("verify", code=certificate.verification_code))
    assert response.status_code == 200
    assert 'data-status="revoked"' in response.content.decode()


def test_a_superseded_certificate_page_names_its_replacement(client, site):
    certificate = issued_certificate()
    new = services.reissue_certificate(certificate=certificate, issued_by=administrator())
    page = client.get(_url("verify", code=certificate.verification_code)).content.decode()
    assert 'data-status="superseded"' in page
    assert new.serial in page


def test_an_unknown_code_is_not_found(client, site):
    assert client.get(_url("verify", code="nope")).status_code == 404


def test_the_form_finds_a_certificate_by_serial_and_code_only_together(client, site):
    certificate = issued_certificate()
    found = client.get(
        _url("verify_form"), {"serial": certificate.serial, "code": certificate.verification_code}
    )
    assert found.status_code == 302
    assert found["Location"] == _url("verify", code=certificate.verification_code)
    wrong = client.get(_url("verify_form"), {"serial": certificate.serial, "code": "guess"})
    assert wrong.status_code == 200
    assert "errorlist nonfield" in wrong.content.decode()


def test_an_uploaded_pdf_is_compared_with_the_register(client, site):
    from tests.certificates.forge import white_box_and_new_name

    certificate = issued_certificate()
    pdf = certificate.pdf.open("rb").read()
    url = _url("verify", code=certificate.verification_code)

    def upload(content: bytes) -> str:
        return client.post(
            url, {"pdf": SimpleUploadedFile("c.pdf", content, "application/pdf")}
        ).content.decode()

    assert 'data-comparison="match"' in upload(pdf)
    # Bytes after the end of the signed file change nothing it shows: genuine, saved again.
    assert 'data-comparison="resaved"' in upload(pdf + b"\n% a note\n")
    edited = white_box_and_new_name(pdf)
    page = upload(edited)
    assert 'data-comparison="altered"' in page
    assert hashlib.sha256(edited).hexdigest() in page
    assert page.count("<li>") >= 2  # the signature, then what differs
    assert 'data-comparison="altered"' in upload(b"not a PDF at all")


def test_enas_document_signing_certificate_is_published_and_verifies_issued_pdfs(client, site):
    from certificates import pdfsign

    certificate = issued_certificate()
    response = client.get(_url("signing_certificate"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/x-pem-file")
    published = pdfsign.load_certificates(response.content)
    check = pdfsign.check_signature(certificate.pdf.open("rb").read(), published)
    assert check.ok, check.problems


def test_verification_is_rate_limited_per_address(client, site):
    url = _url("verify", code="unknown")
    statuses = [client.get(url).status_code for _ in range(VERIFY_LIMIT + 1)]
    assert statuses[:VERIFY_LIMIT] == [404] * VERIFY_LIMIT
    assert statuses[-1] == 429
    other = client.get(url, REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 404


def test_the_public_key_is_published_and_verifies_issued_payloads(client, site):
    certificate = issued_certificate()
    response = client.get(_url("public_key"))
    assert response.status_code == 200
    key = signing.load_public_key(response.content)
    assert read_statement(certificate.signed_payload, [key]).serial == certificate.serial


def test_my_certificates_lists_only_mine(client, site):
    mine = issued_certificate()
    other = issued_certificate()
    page = _login(client, mine.learner).get(_url("mine")).content.decode()
    assert mine.serial in page
    assert other.serial not in page


def test_the_owner_downloads_the_pdf(client, site, tmp_path):
    certificate = issued_certificate()
    response = _login(client, certificate.learner).get(_url("download", serial=certificate.serial))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    pdf = b"".join(response.streaming_content)
    assert hashlib.sha256(pdf).hexdigest() == certificate.pdf_sha256
    path = tmp_path / "certificate.pdf"
    path.write_bytes(pdf)
    text = squashed(pdftotext(path))
    assert squashed(certificate.learner_name_latin) in text
    assert certificate.serial in text


def test_an_administrator_and_a_trainer_of_the_course_may_download(client, site):
    teacher = trainer()
    from tests.factories.certificates import complete_course

    tree = build_course(modules=1, lessons_per_module=1, trainers=[teacher])
    certificate = services.issue_certificate(
        enrolment=complete_course(tree), issued_by=administrator()
    )
    url = _url("download", serial=certificate.serial)
    for person in (teacher, administrator()):
        response = _login(client, person).get(url)
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        pdf = b"".join(response.streaming_content)
        assert hashlib.sha256(pdf).hexdigest() == certificate.pdf_sha256


def test_other_people_may_not_download(client, site):
    certificate = issued_certificate()
    url = _url("download", serial=certificate.serial)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{_url_of(settings.LOGIN_URL)}?next={url}"
    assert _login(client, learner()).get(url).status_code == 404
    assert _login(client, trainer()).get(url).status_code == 404


def test_login_with_password_reaches_my_certificates(client, site):
    certificate = issued_certificate()
    assert client.login(email=certificate.learner.email, password=PASSWORD)
    assert client.get(_url("mine")).status_code == 200


# --- the language-neutral link of the QR code --------------------------------------------------

CODE = "dXqVkw0WbchnUBGw3oHk8Y_vBcI9V7_m"  # 192 bits, as models.new_verification_code makes


@pytest.mark.parametrize(
    ("headers", "language"),
    [
        ({}, "fr"),
        ({"HTTP_ACCEPT_LANGUAGE": "ar-MA,ar;q=0.9,fr;q=0.5"}, "ar"),
        ({"HTTP_ACCEPT_LANGUAGE": "en-US,en;q=0.9"}, "fr"),
        ({"HTTP_ACCEPT_LANGUAGE": "fr-FR,fr;q=0.9", "HTTP_COOKIE": "django_language=ar"}, "ar"),
    ],
)
def test_the_link_opens_the_page_in_the_readers_language(client, headers, language):
    response = client.get(f"/v/{CODE}", **headers)
    assert response.status_code == 302
    assert response["Location"] == f"/{language}/verify/{CODE}/"
    assert "Accept-Language" in response["Vary"] and "Cookie" in response["Vary"]


@pytest.mark.django_db
def test_a_phone_scanning_the_qr_code_reaches_the_verification_page(client, site):
    tree = build_course(modules=1, lessons_per_module=1)
    certificate = services.issue_certificate(
        enrolment=complete_course(tree), issued_by=administrator()
    )
    content = qr_content(certificate.data)
    page = client.get(urlsplit(content).path, HTTP_ACCEPT_LANGUAGE="ar", follow=True)
    assert page.status_code == 200
    assert page.redirect_chain == [(f"/ar/verify/{certificate.verification_code}/", 302)]
    assert 'data-status="issued"' in page.content.decode()


@pytest.mark.django_db
def test_the_verification_page_writes_dates_as_the_certificate_does(client, site):
    tree = build_course(modules=1, lessons_per_module=1)
    certificate = services.issue_certificate(
        enrolment=complete_course(tree), issued_by=administrator()
    )
    services.revoke_certificate(
        certificate=certificate, reason="Erreur", revoked_by=administrator()
    )
    completed = date.fromisoformat(certificate.snapshot["completion_date"])
    revoked = timezone.localdate(Certificate.objects.get(pk=certificate.pk).revoked_at)
    french = client.get(f"/fr/verify/{certificate.verification_code}/").content.decode()
    arabic = client.get(f"/ar/verify/{certificate.verification_code}/").content.decode()
    assert french_date(completed) in french and arabic_date(completed) in arabic

    def revocation(page: str) -> str:
        return page.split('data-status="revoked"', 1)[1].split("</p>", 1)[0]

    assert french_date(revoked) in revocation(french) and arabic_date(revoked) in revocation(arabic)
    for page in (french, arabic):
        assert certificate.snapshot["completion_date"] not in page  # no ISO date
        assert 'class="fingerprint"' in page
