"""System checks: a production deployment must have a real signing key."""

from django.conf import settings
from django.core import checks

from .signing import load_private_key


@checks.register(checks.Tags.security, deploy=True)
def signing_key_configured(app_configs=None, **kwargs):
    pem = settings.CERTIFICATE_SIGNING_KEY
    if not pem:
        return [
            checks.Error(
                "CERTIFICATE_SIGNING_KEY is empty: certificates would be signed with the "
                "development key derived from SECRET_KEY.",
                hint=(
                    "Generate an Ed25519 key and set the variable: README, section "
                    "'The signing key: generation, publication, rotation'."
                ),
                id="certificates.E001",
            )
        ]
    try:
        load_private_key(pem)
    except (ValueError, TypeError) as error:
        return [
            checks.Error(f"CERTIFICATE_SIGNING_KEY is not usable: {error}", id="certificates.E002")
        ]
    return []
