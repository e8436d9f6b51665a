from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _

from lms.pagecache import tree_changed


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
        # Themes are shown on cached pages (the catalogue's filters and cards).
        theme = self.get_model("Theme")
        post_save.connect(tree_changed, sender=theme, dispatch_uid="content-theme-saved")
        post_delete.connect(tree_changed, sender=theme, dispatch_uid="content-theme-deleted")
