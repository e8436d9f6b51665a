"""Roles: the three Wagtail groups and what each may do in the admin."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from .roles import ADMINISTRATORS, LEARNERS, TRAINERS, forget_roles

TRAINER_PERMISSIONS = [
    "wagtailadmin.access_admin",
    "wagtaildocs.add_document",
    "wagtaildocs.choose_document",
    "wagtailimages.add_image",
    "wagtailimages.choose_image",
    "wagtail_localize.submit_translation",  # translate their courses from French to Arabic
    # Question banks (trainers see their own courses' only: courses/quizzes/wagtail_hooks.py).
    "quizzes.add_question",
    "quizzes.change_question",
    "quizzes.delete_question",
    "quizzes.view_question",
    "quizzes.add_questioncategory",
    "quizzes.change_questioncategory",
    "quizzes.delete_questioncategory",
    "quizzes.view_questioncategory",
]
# Administrators: every permission of the apps they run, on top of a trainer's.
ADMINISTRATOR_APPS = ["accounts", "courses", "certificates", "content", "quizzes", "wagtail_localize"]


def _permissions(codes: list[str]):
    by_app: dict[str, list[str]] = {}
    for code in codes:
        app, codename = code.split(".")
        by_app.setdefault(app, []).append(codename)
    found = Permission.objects.none()
    for app, codenames in by_app.items():
        found |= Permission.objects.filter(content_type__app_label=app, codename__in=codenames)
    return found


@transaction.atomic
def ensure_roles() -> dict[str, Group]:
    """Create or update the three groups. Idempotent; run after every migrate."""
    learners, _ = Group.objects.get_or_create(name=LEARNERS)
    trainers, _ = Group.objects.get_or_create(name=TRAINERS)
    administrators, _ = Group.objects.get_or_create(name=ADMINISTRATORS)
    trainer_perms = list(_permissions(TRAINER_PERMISSIONS).select_related("content_type"))
    trainers.permissions.add(*trainer_perms)
    admin_perms = Permission.objects.filter(content_type__app_label__in=ADMINISTRATOR_APPS)
    administrators.permissions.add(*trainer_perms, *admin_perms)
    administrators.permissions.add(
        *_permissions(["auth.view_group", "wagtailcore.view_logentry"])
    )
    _grant_collection_permissions(trainers, administrators, trainer_perms)
    return {LEARNERS: learners, TRAINERS: trainers, ADMINISTRATORS: administrators}


def _grant_collection_permissions(trainers, administrators, trainer_perms) -> None:
    """Documents and images: administrators hold every right on the root collection (so on
    every collection), trainers none there and no "change" anywhere; the content app gives
    trainers a collection of their own (content/collections.py: ensure_collections)."""
    from wagtail.models import Collection, GroupCollectionPermission

    media = Permission.objects.filter(
        content_type__app_label__in=["wagtaildocs", "wagtailimages"],
        codename__in=[
            f"{action}_{model}"
            for action in ("add", "change", "choose", "delete")
            for model in ("document", "image")
        ],
    )
    trainers.permissions.remove(*media.filter(codename__startswith="change_"))
    root = Collection.get_first_root_node()
    if root is None:
        return
    GroupCollectionPermission.objects.filter(group=trainers, collection=root).delete()
    for permission in media:
        GroupCollectionPermission.objects.get_or_create(
            group=administrators, collection=root, permission=permission
        )


def assign_role(*, user, role: str) -> None:
    group = Group.objects.get_or_create(name=role)[0]
    user.groups.add(group)
    forget_roles(user)
    if role in {TRAINERS, ADMINISTRATORS} and not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])


def sync_admin_language(*, user) -> None:
    """Show the Wagtail admin in the person's preferred language (Arabic admin is right-to-left)."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    if profile.preferred_language != user.preferred_language:
        profile.preferred_language = user.preferred_language
        profile.save(update_fields=["preferred_language"])
