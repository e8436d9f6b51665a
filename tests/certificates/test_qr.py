"""The QR code of a certificate: what it holds, its size, a scanner reading a 72 dpi render,
its signed statement, and the language-neutral link it opens."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from datetime import date
from io import StringIO
from pathlib import Path
from urllib.parse import urlsplit

import cbor2
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone, translation
from PIL import Image, ImageFilter

from certificates import services, signing
from certificates.dates import arabic_date, french_date
from certificates.models import Certificate, verify_url
from certificates.pdf import render_certificate
from certificates.samples import sample_certificate_data
from certificates.statement import (
    MAX_QR_VERSION,
    SHORTENED,
    b45decode,
    b45encode,
    qr_code,
    qr_content,
    qr_segments,
    read_statement,
    sign_statement,
    url_safe,
)
from demo.certificates import seed_demo_certificate_template
from tests.certificates.pdftools import need
from tests.factories.certificates import complete_course
from tests.factories.courses import build_course
from tests.factories.users import administrator, learner


@pytest.fixture(autouse=True)
def _messages_in_english():
    """The messages checked here are the English texts (locale/ translates them)."""
    with translation.override("en"):
        yield


KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
OTHER_KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(1, 33)))
CODE = "dXqVkw0WbchnUBGw3oHk8Y_vBcI9V7_m"  # 192 bits, as models.new_verification_code makes
LONG_LATIN = (
    "Fatima-Zahra Benali El Idrissi Ben Abdallah Alaoui Mohammed Amine Zniber Tazi "
    "Bennani Lahlou Kettani Berrada Sqalli Houssaini"
)[:120]
LONG_ARABIC = (
    "فاطمة الزهراء بنعلي الإدريسي بن عبد الرحمان العلوي محمد أمين الزنيبر التازي "
    "البناني اللحلو الكتاني برادة الصقلي الحسيني الفاسي"
)[:120]
CM = 72 / 2.54  # points in a centimetre


def _data(key=KEY, url=f"http://testserver/v/{CODE}", **changes):
    data = replace(sample_certificate_data(verify_url=url), **changes)
    return replace(data, signed_payload=sign_statement(data, key))


def _read(data, keys=(KEY,)):
    return read_statement(qr_content(data), [key.public_key() for key in keys])


# --- the statement ---------------------------------------------------------------------------


def test_base45_is_rfc_9285():
    assert b45encode(b"AB") == "BB8"
    assert b45encode(b"Hello!!") == "%69 VD92EX0"
    assert b45encode(b"base-45") == "UJCLQE7W581"
    assert b45decode("QED8WEX0") == b"ietf!"
    for text in ("GGW", "ZZZ", "A", "AB:"):  # over 65535 or 255, a lone character
        with pytest.raises(ValueError):
            b45decode(text)


def test_the_statement_says_what_the_certificate_certifies_and_who_signed_it():
    data = _data()
    statement = _read(data)
    assert statement.serial == "ENSA-2026-000123"
    assert statement.name_latin == "Fatima-Zahra Benali"
    assert statement.name_arabic == "فاطمة الزهراء بنعلي"
    assert statement.course_code == "ENSA-MIG-101"
    assert statement.hours == "24"
    assert statement.completion_date == date(2026, 11, 20)
    assert statement.key_id == signing.key_id(KEY.public_key())
    assert not statement.shortened


def test_the_statement_is_cbor_with_a_raw_ed25519_signature_in_url_safe_base45():
    fragments = [qr_content(_data(serial=f"ENSA-2026-{n:06d}")).split("#", 1)[1] for n in range(20)]
    alphanumeric = set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ$%*+-./:")  # no space: a valid URL
    assert all(set(fragment) <= alphanumeric for fragment in fragments)
    assert any("%20" in fragment or "%25" in fragment for fragment in fragments)
    data = _data(hours="7,5", serial="ENSA-2027-000001")
    fragment = qr_content(data).split("#", 1)[1]
    items = cbor2.loads(b45decode(fragment.replace("%20", " ").replace("%25", "%")))
    assert items[0] == 1 and len(items) == 9
    assert items[2] == 2027000001  # the serial as one integer
    assert items[4] == "فاطمة الزهراء بنعلي".encode("cp1256")  # one byte per Arabic letter
    assert items[6] == "7,5"
    assert items[7] == (date(2026, 11, 20) - date(1970, 1, 1)).days
    KEY.public_key().verify(items[8], cbor2.dumps(items[:8]))
    assert _read(data).serial == "ENSA-2027-000001"


def test_a_name_edited_in_the_statement_fails_its_signature():
    data = _data()
    fragment = qr_content(data).split("#", 1)[1]
    items = cbor2.loads(b45decode(fragment.replace("%20", " ").replace("%25", "%")))
    items[3] = b"Fatima-Zahra Bennani"
    forged = replace(data, signed_payload=url_safe(b45encode(cbor2.dumps(items))))
    with pytest.raises(signing.SignatureError, match="signature does not match"):
        _read(forged)


def test_a_statement_signed_with_another_key_names_that_key():
    data = _data(key=OTHER_KEY)
    with pytest.raises(signing.SignatureError, match=signing.key_id(OTHER_KEY.public_key())):
        _read(data)
    assert _read(data, keys=(KEY, OTHER_KEY)).serial == data.serial  # rotation: both published


@pytest.mark.parametrize("garbled", ["", "#", "#ABC", "#%%%", "#" + "A" * 90])
def test_a_misread_code_says_so(garbled):
    with pytest.raises(signing.SignatureError):
        read_statement(f"HTTP://TESTSERVER/v/{CODE}{garbled}", [KEY.public_key()])


def test_a_damaged_character_fails():
    data = _data()
    content = qr_content(data)
    damaged = content[:-10] + ("A" if content[-10] != "A" else "B") + content[-9:]
    with pytest.raises(signing.SignatureError):
        read_statement(damaged, [KEY.public_key()])


# --- the QR code ------------------------------------------------------------------------------


def test_the_qr_code_holds_the_language_neutral_url_with_the_statement_as_fragment():
    data = _data()
    content = qr_content(data)
    url, fragment = content.split("#", 1)
    assert url == f"HTTP://TESTSERVER/v/{CODE}"  # scheme and host ignore case
    assert fragment == data.signed_payload
    # The scheme, host and statement in the alphanumeric mode; the path keeps its case.
    assert [mode for _text, mode in qr_segments(content)] == [2, 4, 2]


@pytest.mark.parametrize(
    "base_url",
    ["http://testserver", "https://formation.ensa.gov.ma", "https://ensa.example/formation"],
)
@pytest.mark.parametrize(
    ("latin", "arabic"),
    [("Fatima-Zahra Benali", "فاطمة الزهراء بنعلي"), (LONG_LATIN, LONG_ARABIC), ("A" * 120, "")],
)
def test_the_qr_code_is_at_most_version_10_at_level_m_whatever_the_names(base_url, latin, arabic):
    data = _data(url=f"{base_url}/v/{CODE}", learner_name_latin=latin, learner_name_arabic=arabic)
    code = qr_code(qr_content(data))
    assert code.version <= MAX_QR_VERSION
    assert code.error in ("M", "Q", "H")
    statement = _read(data)
    for printed, stated in ((latin, statement.name_latin), (arabic, statement.name_arabic)):
        if stated.endswith(SHORTENED):
            assert printed.startswith(stated.removesuffix(SHORTENED).rstrip())
            assert len(stated) >= 16  # shortened, not dropped
        else:
            assert stated == printed


def test_usual_names_are_not_shortened():
    data = _data(
        url="https://formation.ensa.gov.ma/v/" + CODE,
        learner_name_latin="Mohamed Amine El Ouazzani",
        learner_name_arabic="محمد أمين الوزاني",
    )
    assert not _read(data).shortened


def _render_72_dpi(pdf: bytes, folder: Path) -> Path:
    need("pdftoppm")
    source = folder / "certificate.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "72", "-singlefile", str(source), str(folder / "page72")],
        check=True,
    )
    return folder / "page72.png"


def _scan(image: Path) -> list[str]:
    need("zbarimg")
    found = subprocess.run(
        ["zbarimg", "--quiet", "--raw", str(image)], capture_output=True, text=True
    )
    return [line for line in found.stdout.splitlines() if line]


def _qr_width_cm(image: Path) -> float:
    """The printed width of the QR code: its modules are the only pure black on the page."""
    with Image.open(image) as page:
        dark = page.convert("L").point(lambda value: 255 if value < 8 else 0)
        left, _top, right, _bottom = dark.getbbox()
    return (right - left) / CM  # at 72 dpi a pixel is a point


def _check_paper_code(pdf: bytes, tmp_path: Path, data_url: str):
    image = _render_72_dpi(pdf, tmp_path)
    codes = _scan(image)
    assert len(codes) == 1, "zbarimg cannot read the QR code at 72 dpi"
    found, expected = urlsplit(codes[0]), urlsplit(data_url)
    assert (found.scheme, found.netloc.lower(), found.path) == (
        expected.scheme,
        expected.netloc,
        expected.path,
    )
    assert qr_code(codes[0]).version <= MAX_QR_VERSION
    assert _qr_width_cm(image) >= 3.5
    return codes[0]


def test_a_scanner_reads_the_qr_code_of_a_72_dpi_render_and_its_statement_verifies(tmp_path):
    data = _data(key=None, url=verify_url(CODE))
    content = _check_paper_code(render_certificate(data), tmp_path, data.verify_url)
    statement = read_statement(content, [signing.signing_key().public_key()])
    assert (statement.serial, statement.name_arabic) == (data.serial, data.learner_name_arabic)


@pytest.mark.django_db
def test_the_demo_certificate_qr_code_reads_at_72_dpi_and_verifies(site, tmp_path):
    seed_demo_certificate_template()
    tree = build_course(
        modules=1,
        lessons_per_module=1,
        arabic=True,
        curriculum_code="ENSA-MIG-101",
        title="Intégrer la migration dans le Programme d'action de la commune (PAC)",
    )
    person = learner(full_name_latin="Fatima-Zahra Benali", full_name_arabic="فاطمة الزهراء بنعلي")
    enrolment = complete_course(tree, person)
    certificate = services.issue_certificate(enrolment=enrolment, issued_by=administrator())
    pdf = certificate.pdf.open("rb").read()
    content = _check_paper_code(pdf, tmp_path, certificate.get_verify_url())
    statement = read_statement(content, [signing.signing_key().public_key()])
    assert statement.serial == certificate.serial
    assert (statement.name_latin, statement.name_arabic) == (
        "Fatima-Zahra Benali",
        "فاطمة الزهراء بنعلي",
    )
    assert statement.course_code == "ENSA-MIG-101"
    assert certificate.signed_payload == content.split("#", 1)[1]


@pytest.mark.django_db
def test_the_sample_command_writes_a_certificate_whose_qr_code_verifies(site, tmp_path):
    seed_demo_certificate_template()
    output = tmp_path / "sample.pdf"
    call_command("render_certificate_sample", str(output), stdout=StringIO())
    content = _check_paper_code(output.read_bytes(), tmp_path, verify_url("SAMPLE"))
    assert (
        read_statement(content, [signing.signing_key().public_key()]).name_latin
        == "Fatima-Zahra Benali"
    )


@pytest.mark.django_db
def test_with_real_keys_the_sample_never_verifies_as_ensa(site, tmp_path):
    real = signing.generate_private_key_pem()
    with override_settings(CERTIFICATE_SIGNING_KEY=real):
        output = tmp_path / "sample.pdf"
        call_command("render_certificate_sample", str(output), stdout=StringIO())
        content = _check_paper_code(output.read_bytes(), tmp_path, verify_url("SAMPLE"))
        with pytest.raises(signing.SignatureError, match="not among the public keys"):
            read_statement(content, [signing.signing_key().public_key()])


# --- the language-neutral link ----------------------------------------------------------------


def test_the_verification_url_is_language_neutral():
    assert verify_url(CODE) == f"http://testserver/v/{CODE}"


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


def test_a_photo_of_the_paper_copy_reads_and_verifies(tmp_path):
    """A phone photo: turned, a little blurred, JPEG; the QR code about 190 pixels wide."""
    need("pdftoppm")
    data = _data(key=None, url=verify_url(CODE))
    source = tmp_path / "certificate.pdf"
    source.write_bytes(render_certificate(data))
    subprocess.run(
        ["pdftoppm", "-png", "-r", "120", "-singlefile", str(source), str(tmp_path / "print")],
        check=True,
    )
    with Image.open(tmp_path / "print.png") as printed:
        photo = printed.convert("L").rotate(
            7, expand=True, fillcolor=235, resample=Image.Resampling.BICUBIC
        )
        photo = photo.filter(ImageFilter.GaussianBlur(0.8))
        photo.save(tmp_path / "photo.jpg", quality=60)
    codes = _scan(tmp_path / "photo.jpg")
    assert len(codes) == 1
    assert read_statement(codes[0], [signing.signing_key().public_key()]).serial == data.serial
