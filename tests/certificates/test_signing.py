import pytest

from certificates import signing


def _key():
    return signing.load_private_key(signing.generate_private_key_pem())


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
    settings.CERTIFICATE_SIGNING_KEY = (
        "-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----\n"
    )
    assert [e.id for e in signing_key_configured()] == ["certificates.E002"]
    settings.CERTIFICATE_SIGNING_KEY = signing.generate_private_key_pem()
    assert signing_key_configured() == []
