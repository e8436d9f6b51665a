"""`verify_certificate` checks a PDF with only the public key, without the register."""

from dataclasses import replace

import pytest
from django.core.management import CommandError, call_command

from certificates import signing
from certificates.offline import verify_pdf
from certificates.pdf import render_certificate
from certificates.samples import sample_certificate_data
from tests.certificates.pdftools import need, qr_codes

KEY = signing.load_private_key(signing.generate_private_key_pem())
OTHER_KEY = signing.load_private_key(signing.generate_private_key_pem())


def _signed(key=KEY, **changes):
    data = replace(sample_certificate_data(), **changes)
    return replace(data, signed_payload=signing.sign(signing.payload_of(data), key))


def test_a_genuine_pdf_verifies():
    result = verify_pdf(render_certificate(_signed()), [KEY.public_key()])
    assert result.ok, result.problems
    assert result.payload.name_arabic == "فاطمة الزهراء بنعلي"


@pytest.mark.parametrize(
    "title",
    ["برنامج عمل الجماعة PAC 2026 التخطيط", "إدماج الهجرة في برنامج عمل الجماعة (PAC) 2026-2031: وجدة"],
)
def test_a_genuine_pdf_whose_arabic_title_holds_latin_words_and_numbers_verifies(title):
    result = verify_pdf(render_certificate(_signed(course_title_ar=title)), [KEY.public_key()])
    assert result.ok, result.problems


@pytest.mark.parametrize(
    "field, forged",
    [
        ("learner_name_latin", "Fatima-Zahra Bennani"),
        ("learner_name_arabic", "فاطمة الزهراء بناني"),
        ("course_title_ar", "إدماج الهجرة في برنامج عمل الجهة"),
        ("serial", "ENSA-2026-000999"),
    ],
)
def test_a_pdf_whose_printed_text_was_altered_fails(field, forged):
    genuine = _signed()
    altered = replace(genuine, **{field: forged})  # same signed payload, different print
    result = verify_pdf(render_certificate(altered), [KEY.public_key()])
    assert not result.ok
    assert result.problems


def test_an_altered_completion_date_fails():
    genuine = _signed()
    altered = replace(genuine, completion_date=genuine.completion_date.replace(day=21))
    assert not verify_pdf(render_certificate(altered), [KEY.public_key()]).ok


def test_a_payload_signed_with_another_key_fails():
    result = verify_pdf(render_certificate(_signed(OTHER_KEY)), [KEY.public_key()])
    assert not result.ok
    assert "signature" in result.problems[0]


def test_an_older_key_given_alongside_the_current_one_still_verifies():
    pdf = render_certificate(_signed(OTHER_KEY))
    assert verify_pdf(pdf, [KEY.public_key(), OTHER_KEY.public_key()]).ok


def test_the_qr_code_carries_the_verification_url_and_a_payload_that_verifies(tmp_path):
    data = _signed()
    path = tmp_path / "c.pdf"
    path.write_bytes(render_certificate(data))
    [code] = qr_codes(path, tmp_path)
    url, token = code.split("#")
    assert url == data.verify_url
    assert signing.verify(token, KEY.public_key()).serial == data.serial
    assert verify_pdf(path.read_bytes(), [KEY.public_key()], from_qr=True).ok


def test_command_verifies_with_a_public_key_file_and_rejects_an_edited_name(tmp_path, capsys):
    need("zbarimg")
    public = tmp_path / "ensa.pem"
    public.write_text(signing.public_key_pem(KEY.public_key()))
    genuine = tmp_path / "genuine.pdf"
    genuine.write_bytes(render_certificate(_signed()))
    call_command("verify_certificate", str(genuine), "--public-key", str(public))
    assert "VERIFIED" in capsys.readouterr().out
    call_command("verify_certificate", str(genuine), "--public-key", str(public), "--qr")
    edited = tmp_path / "edited.pdf"
    edited.write_bytes(render_certificate(replace(_signed(), learner_name_latin="Omar Tazi")))
    with pytest.raises(CommandError, match="name"):
        call_command("verify_certificate", str(edited), "--public-key", str(public))


def test_command_rejects_a_payload_signed_with_another_key(tmp_path):
    public = tmp_path / "ensa.pem"
    public.write_text(signing.public_key_pem(KEY.public_key()))
    forged = tmp_path / "forged.pdf"
    forged.write_bytes(render_certificate(_signed(OTHER_KEY)))
    with pytest.raises(CommandError, match="signature"):
        call_command("verify_certificate", str(forged), "--public-key", str(public))


@pytest.mark.django_db
def test_render_certificate_sample_writes_a_pdf_the_server_key_verifies(tmp_path, site):
    output = tmp_path / "sample.pdf"
    call_command("render_certificate_sample", str(output))
    assert output.read_bytes().startswith(b"%PDF")
    call_command("verify_certificate", str(output))


@pytest.mark.django_db
def test_an_issued_certificate_pdf_scans_to_its_page_and_verifies_offline(tmp_path, site):
    from tests.factories.certificates import issued_certificate

    certificate = issued_certificate()
    path = tmp_path / "issued.pdf"
    path.write_bytes(certificate.pdf.open("rb").read())
    [code] = qr_codes(path, tmp_path)
    url, token = code.split("#")
    assert url == certificate.get_verify_url()
    payload = signing.verify(token, signing.signing_key().public_key())
    assert (payload.serial, payload.name_arabic) == (certificate.serial, certificate.learner_name_arabic)
    assert verify_pdf(path.read_bytes(), [signing.signing_key().public_key()], from_qr=True).ok
    call_command("verify_certificate", str(path))


@pytest.mark.django_db
def test_names_saved_with_direction_controls_are_issued_without_them_and_verify_offline(site):
    from tests.factories.certificates import issued_certificate
    from tests.factories.users import learner

    # Saved before names were checked (the factory, like older data, skips the validators).
    person = learner(
        full_name_latin="\u202eFatima-Zahra\u202c  Benali\u200e",
        full_name_arabic="\u2067فاطمة الزهراء\u2069 بنعلي\u061c",
    )
    certificate = issued_certificate(person=person)
    assert certificate.learner_name_latin == "Fatima-Zahra Benali"
    assert certificate.learner_name_arabic == "فاطمة الزهراء بنعلي"
    assert certificate.snapshot["learner_name_latin"] == "Fatima-Zahra Benali"
    result = verify_pdf(certificate.pdf.open("rb").read(), [signing.signing_key().public_key()])
    assert result.ok, result.problems
    assert result.payload.name_latin == "Fatima-Zahra Benali"
