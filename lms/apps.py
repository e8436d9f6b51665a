from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _administrators_handle_erasure_requests(sender, **kwargs):
    """ENSA administrators see erasure requests, and so their entries in the audit log."""
    from django.contrib.auth.models import Group, Permission

    from lms.accounts.roles import ADMINISTRATORS

    permissions = Permission.objects.filter(
        content_type__app_label="lms", codename__in=["view_erasurerequest", "change_erasurerequest"]
    )
    if permissions:
        group, _created = Group.objects.get_or_create(name=ADMINISTRATORS)
        group.permissions.add(*permissions)


class LmsConfig(AppConfig):
    name = "lms"
    verbose_name = _("ENSA")

    def ready(self):
        # Run for every app's signal: this app's permissions exist once auth created them.
        post_migrate.connect(
            _administrators_handle_erasure_requests, dispatch_uid="lms-erasure-permissions"
        )
