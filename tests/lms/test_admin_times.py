"""The admin shows times in Morocco's time zone, as the site does: the certificate register
(its listing, a certificate's page and its CSV and Excel downloads) showed the stored UTC
time. Africa/Casablanca is UTC+1, except during Ramadan (UTC+0)."""

import re
from datetime import UTC, datetime
from importlib import import_module
from io import BytesIO

import pytest
from django.apps import apps
from django.urls import reverse
from openpyxl import load_workbook

from certificates.models import Certificate
from tests.factories.certificates import issued_certificate
from tests.factories.users import administrator, trainer

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


def downloaded(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_a_certificate_page_shows_when_it_was_issued_in_morocco_time(office, certificate):
    html = office.get(
        reverse("certificate_register:inspect", args=[certificate.pk])
    ).content.decode()

    assert 'datetime="2026-07-01T11:05:00+01:00"' in html
    assert "11:05" in html and "10:05" not in html
    # A certificate not revoked: a dash where the revocation's date and author go, not "None".
    assert not re.search(r"<dd>\s*None\s*</dd>", html)


def test_the_register_downloads_write_morocco_time(office, certificate):
    url = reverse("certificate_register:index")

    csv = downloaded(office.get(url, {"export": "csv"})).decode()
    workbook = load_workbook(BytesIO(downloaded(office.get(url, {"export": "xlsx"}))))

    assert "2026-07-01 11:05" in csv and "10:05" not in csv
    cells = [cell for row in workbook.active.iter_rows(values_only=True) for cell in row]
    assert datetime(2026, 7, 1, 11, 5) in cells


def test_a_time_zone_chosen_before_is_forgotten_by_the_migration(site):
    from wagtail.users.models import UserProfile

    person = trainer()
    UserProfile.objects.filter(pk=UserProfile.get_for_user(person).pk).update(
        current_time_zone="UTC"
    )
    assert UserProfile.get_for_user(person).get_current_time_zone() == "UTC"
    migration = import_module("lms.accounts.migrations.0005_admin_times_in_morocco")

    migration.forget_chosen_time_zones(apps, None)

    assert UserProfile.get_for_user(person).get_current_time_zone() == "Africa/Casablanca"
