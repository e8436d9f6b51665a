"""The deploy check: production refuses to run without a usable signing key."""

from certificates import signing


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
