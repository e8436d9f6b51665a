import pytest

from certificates import signing

PAYLOAD = signing.Payload(
    serial="ENSA-2026-000001",
    name_latin="Fatima-Zahra Benali",
    name_arabic="فاطمة الزهراء بنعلي",
    course_fr="Intégrer la migration dans le PAC",
    course_ar="إدماج الهجرة في برنامج عمل الجماعة",
    hours="24",
    date="2026-11-20",
)


def _key():
    return signing.load_private_key(signing.generate_private_key_pem())


def test_a_signed_payload_verifies_with_the_public_key_and_says_the_same():
    key = _key()
    token = signing.sign(PAYLOAD, key)
    verified = signing.verify(token, key.public_key())
    assert verified.name_arabic == PAYLOAD.name_arabic
    assert verified.serial == PAYLOAD.serial
    assert verified.key_id == signing.key_id(key.public_key())


def test_a_payload_signed_with_another_key_fails():
    token = signing.sign(PAYLOAD, _key())
    with pytest.raises(signing.SignatureError):
        signing.verify(token, _key().public_key())


def test_an_edited_payload_fails():
    key = _key()
    token = signing.sign(PAYLOAD, key)
    payload, signature = token.split(".")
    forged = signing.sign(
        signing.Payload(**{**PAYLOAD.__dict__, "name_latin": "Someone Else"}), _key()
    ).split(".")[0]
    with pytest.raises(signing.SignatureError):
        signing.verify(f"{forged}.{signature}", key.public_key())
    with pytest.raises(signing.SignatureError):
        signing.verify("not-a-token", key.public_key())


def test_the_development_key_is_stable_within_a_configuration(settings):
    settings.CERTIFICATE_SIGNING_KEY = ""
    first = signing.public_key_pem(signing.signing_key().public_key())
    assert first == signing.public_key_pem(signing.signing_key().public_key())
    settings.CERTIFICATE_SIGNING_KEY = signing.generate_private_key_pem()
    assert signing.public_key_pem(signing.signing_key().public_key()) != first


def test_a_non_ed25519_key_is_refused():
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    pem = ec.generate_private_key(ec.SECP256R1()).private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    with pytest.raises(ValueError):
        signing.load_private_key(pem)


def test_the_deploy_check_refuses_a_missing_or_unusable_key(settings):
    from certificates.checks import signing_key_configured

    settings.CERTIFICATE_SIGNING_KEY = ""
    assert [e.id for e in signing_key_configured()] == ["certificates.E001"]
    settings.CERTIFICATE_SIGNING_KEY = "-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----\n"
    assert [e.id for e in signing_key_configured()] == ["certificates.E002"]
    settings.CERTIFICATE_SIGNING_KEY = signing.generate_private_key_pem()
    assert signing_key_configured() == []
