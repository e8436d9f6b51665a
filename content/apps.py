from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _ensure_collections(sender, **kwargs):
    """After every migrate (and every app's part of it: Wagtail's permissions come late)."""
    from .collections import ensure_collections

    ensure_collections()


class ContentConfig(AppConfig):
    name = "content"
    verbose_name = _("Content")

    def ready(self):
        post_migrate.connect(_ensure_collections, dispatch_uid="content-ensure-collections")
