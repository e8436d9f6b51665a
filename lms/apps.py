from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _
from wagtail.signals import page_published, page_unpublished, post_page_move

from lms.pagecache import tree_changed


def _administrators_handle_erasure_requests(sender, using="default", **kwargs):
    """ENSA administrators see erasure requests, and so their entries in the audit log."""
    # at call time: apps.py loads before the models
    from django.contrib.auth.models import Group, Permission

    from lms.accounts.api import ADMINISTRATORS

    from .setup import create_permissions_of_every_app

    create_permissions_of_every_app(using=using)
    permissions = Permission.objects.filter(
        content_type__app_label="lms", codename__in=["view_erasurerequest", "change_erasurerequest"]
    )
    if permissions:
        group, _created = Group.objects.get_or_create(name=ADMINISTRATORS)
        group.permissions.add(*permissions)


def _tree_changed_by_save(sender, instance, **kwargs):
    # at call time: apps.py loads before the models
    from wagtail.models import Page

    if isinstance(instance, Page):
        tree_changed()


def _watch_the_page_tree():
    """Whatever changes what pages show to everyone gives the page cache a new version."""
    # at call time: apps.py loads before the models
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Locale, PageViewRestriction, Site

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(tree_changed, dispatch_uid=f"lms-page-cache-{id(signal)}")
    # Sites, locales and restrictions decide what a URL serves; page bodies show images and
    # documents (a rendition, a file's name and size).
    for model in (Locale, PageViewRestriction, Site, get_image_model(), get_document_model()):
        post_save.connect(
            tree_changed, sender=model, dispatch_uid=f"lms-page-cache-save-{model.__name__}"
        )
        post_delete.connect(
            tree_changed, sender=model, dispatch_uid=f"lms-page-cache-delete-{model.__name__}"
        )
    # Pages of every type (the sender is the page's own class).
    post_save.connect(_tree_changed_by_save, dispatch_uid="lms-page-cache-page-save")
    post_delete.connect(_tree_changed_by_save, dispatch_uid="lms-page-cache-page-delete")


class LmsConfig(AppConfig):
    name = "lms"
    verbose_name = _("ENSA")

    def ready(self):
        _watch_the_page_tree()
        post_migrate.connect(
            _administrators_handle_erasure_requests,
            sender=self,
            dispatch_uid="lms-erasure-permissions",
        )
