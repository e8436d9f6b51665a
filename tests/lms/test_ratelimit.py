"""Limits per client address (lms/ratelimit.py): certificate look-ups, and the 429 page."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from certificates.views import VERIFY_LIMIT

pytestmark = pytest.mark.django_db


def verify_url(code: str = "unknown") -> str:
    with translation.override("fr"):
        return reverse("certificates:verify", kwargs={"code": code})


@pytest.mark.parametrize("path", ["verify", "form"])
def test_certificate_look_ups_are_limited_per_client_behind_the_proxy(client, site, settings, path):
    settings.TRUSTED_PROXY_COUNT = 1
    url = verify_url() if path == "verify" else "/fr/verify/?serial=ENSA-2026-000001&code=x"
    one = {"HTTP_X_FORWARDED_FOR": "203.0.113.7", "REMOTE_ADDR": "10.0.0.2"}
    statuses = [client.get(url, **one).status_code for _ in range(VERIFY_LIMIT + 1)]
    assert 429 not in statuses[:VERIFY_LIMIT]
    assert statuses[-1] == 429
    # the same client cannot escape by writing another address on the left
    spoofed = client.get(url, HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.7", REMOTE_ADDR="10.0.0.2")
    assert spoofed.status_code == 429
    other = client.get(url, HTTP_X_FORWARDED_FOR="198.51.100.23", REMOTE_ADDR="10.0.0.2")
    assert other.status_code != 429


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_the_429_page_is_translated_and_says_when_to_retry(client, site, language):
    url = f"/{language}/verify/"
    for _ in range(VERIFY_LIMIT):
        client.get(url)
    response = client.get(url)
    assert response.status_code == 429
    assert int(response["Retry-After"]) <= 60
    html = response.content.decode()
    assert f'lang="{language}"' in html
    with translation.override(language):
        assert translation.gettext("Too many requests") in html
    assert 'data-retry-minutes="1"' in html
