"""Small helpers shared by the certificates tests."""

import base64
import json

from django.urls import reverse

from certificates import services, signing
from tests.factories.users import administrator


def _keys():
    return [signing.signing_key().public_key()]


def _parts(token):
    header, payload, signature = token.split(".")
    decode = lambda text: json.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))  # noqa: E731
    return decode(header), decode(payload), signature


def _revoke(certificate):
    return services.revoke_certificate(
        certificate=certificate, reason="Fraude constatée", revoked_by=administrator()
    )


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])
