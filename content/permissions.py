"""Who may do what with content: one place, asked by models, views, blocks, forms and setup.

- Handbooks: each has an access level (public, learners, staff); `levels_for(user)` says which
  levels a person may see and download.
- Documents that are not handbook files: `may_download_document` (who may have the file).
- Documents and images in the admin: Wagtail's collection *ownership* policy applies. A group
  with "add" on a collection may upload there and change or delete only what it uploaded;
  "change" lets it change everything there; "choose" lets it pick items in choosers.
  `COLLECTION_RIGHTS` gives each role its rights on the fixed collections
  (content/collections.py creates them); administrators also hold every right on the root
  collection (lms/accounts/services.py), trainers none.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, ReferenceIndex

from lms.accounts.api import ADMINISTRATORS, TRAINERS, is_administrator, is_staff_member


class AccessLevel(models.TextChoices):
    """Who may see and download a handbook (HandbookPage.access_level), from the widest
    audience to the narrowest."""

    PUBLIC = "public", _("Everyone")
    LEARNERS = "learners", _("Signed-in learners")
    STAFF = "staff", _("Trainers and administrators only")

    @property
    def strictness(self) -> int:
        """0 for the widest audience, more for each narrower one."""
        return list(AccessLevel).index(self)


# The fixed collections (names are their keys: content/collections.py finds them by name).
LIBRARY = "Library"  # handbook files
CERTIFICATES = "Certificates"  # logos and signature images printed on certificates
COURSE_MEDIA = "Course media"  # what trainers upload for their lessons

EVERY_ACTION = ("add", "change", "choose", "delete")
# Rights on documents and images, per fixed collection and role (Wagtail's action names).
COLLECTION_RIGHTS: dict[str, dict[str, tuple[str, ...]]] = {
    LIBRARY: {ADMINISTRATORS: EVERY_ACTION},
    CERTIFICATES: {ADMINISTRATORS: EVERY_ACTION},
    COURSE_MEDIA: {ADMINISTRATORS: EVERY_ACTION, TRAINERS: ("add", "choose")},
}
# The permission models those rights apply to (app label, model name).
MEDIA_MODELS = (("wagtaildocs", "document"), ("wagtailimages", "image"))


def is_library_staff(user) -> bool:
    """Trainers, administrators and Wagtail staff (one query for the groups at most)."""
    if user is None or not user.is_authenticated:
        return False
    return user.is_staff or is_staff_member(user)


def levels_for(user) -> list[AccessLevel]:
    """The access levels whose handbooks `user` may see and download."""
    if user is None or not user.is_authenticated:
        return [AccessLevel.PUBLIC]
    if is_library_staff(user):
        return [AccessLevel.PUBLIC, AccessLevel.LEARNERS, AccessLevel.STAFF]
    return [AccessLevel.PUBLIC, AccessLevel.LEARNERS]


def is_published(page) -> bool:
    """Live and under no view restriction (a draft or a private page is not published)."""
    return page.live and not page.get_view_restrictions().exists()


def may_see_cited_handbook(user, handbook) -> bool:
    """May a page that cites `handbook` show it (title, link, download) to `user`?"""
    return is_published(handbook) and handbook.may_be_downloaded_by(user)


def is_in_collection(collection, name: str) -> bool:
    """Is `collection` the fixed collection `name`, or inside it?"""
    return collection.get_ancestors(inclusive=True).filter(depth=2, name=name).exists()


def is_trainers_upload_space(collection) -> bool:
    """Trainers may change what they upload there: no handbook file may live there."""
    return any(
        is_in_collection(collection, name)
        for name, rights in COLLECTION_RIGHTS.items()
        if "add" in rights.get(TRAINERS, ())
    )


def page_may_be_read(page, request) -> bool:
    """A page may be read when it is live, its view restrictions (if any) accept the request,
    and, for page types that have their own rule (a `may_be_read_by(user)` method, e.g. a
    lesson open only to a course's learners), that rule agrees."""
    if not page.live:
        return False
    if not all(r.accept_request(request) for r in page.get_view_restrictions()):
        return False
    rule = getattr(page.specific, "may_be_read_by", None)
    return rule is None or bool(rule(request.user))


def pages_using(document):
    """Live pages whose content uses `document` (Wagtail's reference index)."""
    page_type = ContentType.objects.get_for_model(Page)
    ids = (
        ReferenceIndex.get_references_to(document)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    )
    return Page.objects.live().filter(pk__in=[int(pk) for pk in ids]).order_by("pk")


def may_download_document(request, document) -> bool:
    """For a document that is not a handbook file: files in the Certificates collection go to
    administrators only; any other file to staff, and to whoever may read a page that uses it."""
    user = request.user
    if is_in_collection(document.collection, CERTIFICATES):
        return is_administrator(user)
    if is_library_staff(user):
        return True
    return any(page_may_be_read(page, request) for page in pages_using(document))
