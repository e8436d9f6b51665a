"""What the apps' set-up after `migrate` relies on (lms/setup.py)."""

import pytest
from django.contrib.auth.models import Permission

from lms.setup import create_permissions_of_every_app

pytestmark = pytest.mark.django_db


def test_every_apps_permissions_are_created_at_once_and_only_once():
    Permission.objects.filter(codename__in=["view_erasurerequest", "view_certificate"]).delete()
    count = Permission.objects.count()

    create_permissions_of_every_app(using="default")
    after_once = Permission.objects.count()
    create_permissions_of_every_app(using="default")

    assert (
        Permission.objects.filter(codename__in=["view_erasurerequest", "view_certificate"]).count()
        == 2
    )
    assert after_once == count + 2 == Permission.objects.count()
