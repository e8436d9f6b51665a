"""Who may read the reports (reports/permissions.py): administrators only."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from reports.permissions import may_read_reports
from tests.factories.users import UserFactory, administrator, learner, trainer

pytestmark = pytest.mark.django_db


def refused(response) -> bool:
    """Wagtail answers a forbidden admin view with a 403, or a redirect (to the dashboard,
    or to the login page for someone who may not use the admin at all)."""
    return response.status_code in (302, 403)


def report_urls() -> list[str]:
    urls = [reverse("reports:index")]
    for key in ("organisations", "courses", "cohorts", "months", "certificates"):
        for fmt in ("csv", "xlsx"):
            urls.append(reverse("reports:export", args=[key, fmt]))
    return urls


@pytest.mark.parametrize("role", [learner, trainer])
def test_trainers_and_learners_get_no_report_nor_download(client, fixture, role):
    person = role()
    fixture["a"].course.trainers.add(person)  # even a trainer of a reported course
    client.force_login(person)
    for url in report_urls():
        response = client.get(url)
        assert refused(response), url
        assert b"Cours A" not in response.content


def test_anonymous_visitors_are_sent_to_the_login_page(client, fixture):
    for url in report_urls():
        response = client.get(url)
        assert response.status_code == 302 and "login" in response["Location"]


def test_only_an_active_administrator_may_read_the_reports():
    assert may_read_reports(administrator())
    assert not may_read_reports(administrator(is_active=False))
    assert not may_read_reports(trainer())
    assert not may_read_reports(learner())
    assert not may_read_reports(UserFactory(is_staff=True))
    assert not may_read_reports(AnonymousUser())
