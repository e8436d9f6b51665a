"""The reports in the admin's menu (reports/wagtail_hooks.py)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories.users import trainer

pytestmark = pytest.mark.django_db


def test_the_reports_menu_item_is_for_administrators_only(client, fixture):
    client.force_login(fixture["admin"])
    assert reverse("reports:index") in client.get(reverse("wagtailadmin_home")).text
    teacher = trainer()
    client.force_login(teacher)
    assert reverse("reports:index") not in client.get(reverse("wagtailadmin_home")).text
