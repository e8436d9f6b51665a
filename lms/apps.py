from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _administrators_handle_erasure_requests(sender, using="default", **kwargs):
    """ENSA administrators see erasure requests, and so their entries in the audit log."""
    from django.contrib.auth.models import Group, Permission

    from lms.accounts.roles import ADMINISTRATORS

    from .setup import create_permissions_of_every_app

    create_permissions_of_every_app(using=using)
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
        post_migrate.connect(
            _administrators_handle_erasure_requests,
            sender=self,
            dispatch_uid="lms-erasure-permissions",
        )
