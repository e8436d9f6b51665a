"""The QR code of a certificate: what it holds, its size and its signed statement. (A scanner
reading it on the printed PDF: test_pdf_qr.py; the language-neutral link it opens:
test_views.py.)"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import cbor2
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from certificates import signing
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

pytestmark = pytest.mark.usefixtures("_messages_in_english")


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
