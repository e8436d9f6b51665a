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
