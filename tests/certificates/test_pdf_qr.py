"""The QR code as the PDF prints it: a scanner reads it on a 72 dpi render and on a photo of
the paper, and its signed statement verifies."""

import subprocess
from dataclasses import replace

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PIL import Image, ImageFilter

from certificates import services, signing
from certificates.models import verify_url
from certificates.pdf import render_certificate
from certificates.samples import sample_certificate_data
from certificates.statement import read_statement, sign_statement
from demo.certificates import seed_demo_certificate_template
from tests.certificates.pdftools import check_paper_code, need, scan
from tests.factories.certificates import complete_course
from tests.factories.courses import build_course
from tests.factories.users import administrator, learner

pytestmark = pytest.mark.usefixtures("_messages_in_english")


KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
CODE = "dXqVkw0WbchnUBGw3oHk8Y_vBcI9V7_m"  # 192 bits, as models.new_verification_code makes


def _data(key=KEY, url=f"http://testserver/v/{CODE}", **changes):
    data = replace(sample_certificate_data(verify_url=url), **changes)
    return replace(data, signed_payload=sign_statement(data, key))


def test_a_scanner_reads_the_qr_code_of_a_72_dpi_render_and_its_statement_verifies(tmp_path):
    data = _data(key=None, url=verify_url(CODE))
    content = check_paper_code(render_certificate(data), tmp_path, data.verify_url)
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
    content = check_paper_code(pdf, tmp_path, certificate.get_verify_url())
    statement = read_statement(content, [signing.signing_key().public_key()])
    assert statement.serial == certificate.serial
    assert (statement.name_latin, statement.name_arabic) == (
        "Fatima-Zahra Benali",
        "فاطمة الزهراء بنعلي",
    )
    assert statement.course_code == "ENSA-MIG-101"
    assert certificate.signed_payload == content.split("#", 1)[1]


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
    codes = scan(tmp_path / "photo.jpg")
    assert len(codes) == 1
    assert read_statement(codes[0], [signing.signing_key().public_key()]).serial == data.serial
