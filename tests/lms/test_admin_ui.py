"""Pieces of the admin every app uses (admin_ui.py). Times in Morocco's time zone, as the site
shows them: a certificate's page in the register showed the stored UTC time. Africa/Casablanca
is UTC+1, except during Ramadan (UTC+0)."""

import re

from django.urls import reverse


def test_a_certificate_page_shows_when_it_was_issued_in_morocco_time(office, certificate):
    html = office.get(
        reverse("certificate_register:inspect", args=[certificate.pk])
    ).content.decode()

    assert 'datetime="2026-07-01T11:05:00+01:00"' in html
    assert "11:05" in html and "10:05" not in html
    # A certificate not revoked: a dash where the revocation's date and author go, not "None".
    assert not re.search(r"<dd>\s*None\s*</dd>", html)
