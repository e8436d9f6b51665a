"""`render_certificate_sample` writes a sample certificate whose QR code reads and verifies
with the development key, and never as ENSA's with real keys."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings

from certificates import signing
from certificates.models import verify_url
from certificates.statement import read_statement
from demo.certificates import seed_demo_certificate_template
from tests.certificates.pdftools import check_paper_code

pytestmark = pytest.mark.usefixtures("_messages_in_english")


@pytest.mark.django_db
def test_the_sample_command_writes_a_certificate_whose_qr_code_verifies(site, tmp_path):
    seed_demo_certificate_template()
    output = tmp_path / "sample.pdf"
    call_command("render_certificate_sample", str(output), stdout=StringIO())
    content = check_paper_code(output.read_bytes(), tmp_path, verify_url("SAMPLE"))
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
        content = check_paper_code(output.read_bytes(), tmp_path, verify_url("SAMPLE"))
        with pytest.raises(signing.SignatureError, match="not among the public keys"):
            read_statement(content, [signing.signing_key().public_key()])


@pytest.mark.django_db
def test_render_certificate_sample_writes_a_pdf_the_server_verifies(tmp_path, site):
    output = tmp_path / "sample.pdf"
    call_command("render_certificate_sample", str(output))
    call_command("verify_certificate", str(output))
