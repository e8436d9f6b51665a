"""The fixed collections of documents and images, and each role's rights there. Idempotent.

What each role may do is decided in content/permissions.py (`COLLECTION_RIGHTS`); this module
only makes the database say it. Run after every migrate (content/apps.py).
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q
from wagtail.models import Collection, GroupCollectionPermission

from .permissions import COLLECTION_RIGHTS, MEDIA_MODELS


def _root() -> Collection:
    return Collection.get_first_root_node() or Collection.add_root(name="Root")


def _media_permissions() -> dict[tuple[str, str], Permission]:
    """(action, model) -> Permission, for the documents and images actions that exist yet."""
    condition = Q()
    for app_label, model in MEDIA_MODELS:
        condition |= Q(content_type__app_label=app_label, content_type__model=model)
    found = {}
    for permission in Permission.objects.filter(condition).select_related("content_type"):
        action, _sep, model = permission.codename.partition("_")
        found[(action, model)] = permission
    return found


@transaction.atomic
def ensure_collections() -> dict[str, Collection]:
    """Create the fixed collections below the root one and give each role exactly its rights
    there (rights those roles hold there beyond `COLLECTION_RIGHTS` are removed)."""
    root = _root()
    children = root.get_children()
    existing = set(children.filter(name__in=COLLECTION_RIGHTS).values_list("name", flat=True))
    for name in COLLECTION_RIGHTS:
        if name not in existing:
            root.add_child(name=name)
            root.refresh_from_db()  # adding a child in name order may move its siblings
    collections = {c.name: c for c in root.get_children().filter(name__in=COLLECTION_RIGHTS)}
    permissions = _media_permissions()
    if not permissions:
        return collections  # a first migrate, before Wagtail's permissions exist
    roles = {role for rights in COLLECTION_RIGHTS.values() for role in rights}
    groups = {role: Group.objects.get_or_create(name=role)[0] for role in roles}
    wanted = {
        (groups[role].pk, collections[name].pk, permission.pk)
        for name, rights in COLLECTION_RIGHTS.items()
        for role, actions in rights.items()
        for action in actions
        for _app_label, model in MEDIA_MODELS
        if (permission := permissions.get((action, model))) is not None
    }
    held = GroupCollectionPermission.objects.filter(
        group__in=groups.values(),
        collection__in=collections.values(),
        permission__in=permissions.values(),
    )
    have = {
        (group, collection, permission): pk
        for pk, group, collection, permission in held.values_list(
            "pk", "group", "collection", "permission"
        )
    }
    extra = [pk for key, pk in have.items() if key not in wanted]
    if extra:
        GroupCollectionPermission.objects.filter(pk__in=extra).delete()
    GroupCollectionPermission.objects.bulk_create(
        [
            GroupCollectionPermission(group_id=g, collection_id=c, permission_id=p)
            for g, c, p in wanted - have.keys()
        ]
    )
    return collections


def collection_for(name: str) -> Collection:
    """The fixed collection `name` (content.permissions.LIBRARY, CERTIFICATES or COURSE_MEDIA),
    created with its rights when missing. Raises KeyError for any other name."""
    if name not in COLLECTION_RIGHTS:
        raise KeyError(name)
    found = _root().get_children().filter(name=name).first()
    return found if found is not None else ensure_collections()[name]
