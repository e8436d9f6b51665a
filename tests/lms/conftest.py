"""Fixtures of the lms tests: a certificate issued at a known moment, and the office of an
administrator signed in on `client`."""

from datetime import UTC, datetime

import pytest

from certificates.models import Certificate
from tests.factories.certificates import issued_certificate
from tests.factories.users import administrator

ISSUED = datetime(2026, 7, 1, 10, 5, tzinfo=UTC)  # 11:05 in Casablanca


@pytest.fixture
def certificate(site):
    certificate = issued_certificate()
    Certificate.objects.filter(pk=certificate.pk).update(issued_at=ISSUED)
    return certificate


@pytest.fixture
def office(db, client):
    client.force_login(administrator())
    return client
