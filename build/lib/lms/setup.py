"""What the apps' set-up after `migrate` may rely on."""

from django.apps import apps
from django.contrib.auth.management import create_permissions


def create_permissions_of_every_app(*, using: str) -> None:
    """Create every app's content types and permissions now. Idempotent.

    `migrate` sends post_migrate once per app, in the order of INSTALLED_APPS, and Django creates
    an app's permissions on that app's turn: a receiver connected for an early app would find
    the permissions of later apps (Wagtail's, the certificates') missing on a new database.
    """
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
