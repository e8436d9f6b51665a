from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _ensure_collections(sender, using="default", **kwargs):
    """After every migrate, once Wagtail's permissions exist."""
    # at call time: apps.py loads before the models
    from lms.setup import create_permissions_of_every_app

    from .collections import ensure_collections

    create_permissions_of_every_app(using=using)
    ensure_collections()


class ContentConfig(AppConfig):
    name = "content"
    verbose_name = _("Content")

    def ready(self):
        post_migrate.connect(
            _ensure_collections, sender=self, dispatch_uid="content-ensure-collections"
        )
