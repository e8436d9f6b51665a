"""Roles: the three Wagtail groups and what each may do in the admin; organisations: merging
them and confirming who belongs to them."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Collection, GroupCollectionPermission
from wagtail.users.models import UserProfile

from .models import Organisation, User
from .roles import ADMINISTRATORS, LEARNERS, TRAINERS, forget_roles
from .signals import organisation_merging

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
ADMINISTRATOR_APPS = [
    "accounts",
    "courses",
    "certificates",
    "content",
    "quizzes",
    "wagtail_localize",
]


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
    learners, _created = Group.objects.get_or_create(name=LEARNERS)
    trainers, _created = Group.objects.get_or_create(name=TRAINERS)
    administrators, _created = Group.objects.get_or_create(name=ADMINISTRATORS)
    trainer_perms = list(_permissions(TRAINER_PERMISSIONS).select_related("content_type"))
    trainers.permissions.add(*trainer_perms)
    admin_perms = Permission.objects.filter(content_type__app_label__in=ADMINISTRATOR_APPS)
    administrators.permissions.add(*trainer_perms, *admin_perms)
    administrators.permissions.add(*_permissions(["auth.view_group", "wagtailcore.view_logentry"]))
    _grant_collection_permissions(trainers, administrators, trainer_perms)
    return {LEARNERS: learners, TRAINERS: trainers, ADMINISTRATORS: administrators}


def _grant_collection_permissions(trainers, administrators, trainer_perms) -> None:
    """Documents and images: administrators hold every right on the root collection (so on
    every collection), trainers none there and no "change" anywhere; the content app gives
    trainers a collection of their own (content/collections.py: ensure_collections)."""
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
    profile = UserProfile.get_for_user(user)
    if profile.preferred_language != user.preferred_language:
        profile.preferred_language = user.preferred_language
        profile.save(update_fields=["preferred_language"])


# --- Organisations ------------------------------------------------------------------------

ACTION_MERGE = "accounts.organisation.merge"
ACTION_CONFIRM = "accounts.organisation.confirm"


class OrganisationMergeError(Exception):
    """A merge that cannot be made; nothing was changed."""


@dataclass(frozen=True)
class MergeResult:
    members: int
    children: int
    others: dict[str, int] = field(default_factory=dict)


def _move_relation(relation, *, source, target) -> int:
    """Point every record of one relation at `target` instead of `source`."""
    if relation.many_to_many:
        m2m = relation.field
        through = m2m.remote_field.through
        owner_field, organisation_field = m2m.m2m_field_name(), m2m.m2m_reverse_field_name()
        rows = through._base_manager.filter(**{organisation_field: source})
        already = through._base_manager.filter(**{organisation_field: target}).values(
            f"{owner_field}_id"
        )
        rows.filter(**{f"{owner_field}_id__in": already}).delete()
        return rows.update(**{organisation_field: target})
    name = relation.field.name
    model = relation.related_model
    if relation.one_to_one and model._base_manager.filter(**{name: target}).exists():
        raise OrganisationMergeError(
            _("%(target)s already has its own %(record)s: merge them by hand first.")
            % {"target": target, "record": model._meta.verbose_name}
        )
    return model._base_manager.filter(**{name: source}).update(**{name: target})


@transaction.atomic
def merge_organisations(*, source: Organisation, target: Organisation, by) -> MergeResult:
    """Move everything that points at `source` (members, child organisations, and records of
    any app with a foreign key to organisations) to `target`, then delete `source`.

    One transaction; raises OrganisationMergeError, changing nothing, for a merge into itself,
    into an organisation below the source, or of an organisation that no longer exists.
    """
    if source.pk == target.pk:
        raise OrganisationMergeError(_("An organisation cannot be merged into itself."))
    locked = {
        org.pk: org
        for org in Organisation.objects.select_for_update().filter(pk__in=[source.pk, target.pk])
    }
    if source.pk not in locked:
        raise OrganisationMergeError(
            _("This organisation no longer exists: it may already have been merged.")
        )
    if target.pk not in locked:
        raise OrganisationMergeError(_("The organisation to merge into no longer exists."))
    source, target = locked[source.pk], locked[target.pk]
    if target.pk in Organisation.objects.branch_ids(source):
        raise OrganisationMergeError(
            _("An organisation cannot be merged into one of its own parts: choose another one.")
        )
    organisation_merging.send(sender=Organisation, source=source, target=target)
    members = children = 0
    others: dict[str, int] = {}
    for relation in Organisation._meta.related_objects:
        try:
            with transaction.atomic():
                moved = _move_relation(relation, source=source, target=target)
        except IntegrityError as error:
            raise OrganisationMergeError(
                _(
                    "Some %(records)s of both organisations cannot be joined: merge them by hand first."
                )
                % {"records": relation.related_model._meta.verbose_name_plural}
            ) from error
        if relation.related_model is User and relation.field.name == "organisation":
            members += moved
        elif relation.related_model is Organisation:
            children += moved
        elif moved:
            others[relation.related_model._meta.label] = (
                others.get(relation.related_model._meta.label, 0) + moved
            )
    summary = {
        "id": source.pk,
        "slug": source.slug,
        "name_fr": source.name_fr,
        "name_ar": source.name_ar,
    }
    source.delete()
    log(
        target,
        ACTION_MERGE,
        user=by,
        data={"source": summary, "members": members, "children": children, "others": others},
    )
    return MergeResult(members=members, children=children, others=others)


@transaction.atomic
def confirm_memberships(*, organisation: Organisation, people, by) -> int:
    """Confirm that `people` belong to `organisation`; the others are left alone. Idempotent:
    returns how many were confirmed now."""
    ids = [person.pk for person in people]
    pending = list(
        User.objects.self_declared()
        .filter(pk__in=ids, organisation=organisation)
        .select_for_update()
    )
    User.objects.filter(pk__in=[person.pk for person in pending]).update(
        organisation_confirmed=True
    )
    for person in pending:
        log(person, ACTION_CONFIRM, user=by, data={"organisation": organisation.slug})
    return len(pending)


@transaction.atomic
def set_organisation_confirmed(*, person: User, confirmed: bool, by) -> None:
    """An administrator's decision in the user editor, with its entry in the audit log."""
    User.objects.filter(pk=person.pk).update(organisation_confirmed=confirmed)
    person.organisation_confirmed = confirmed
    if confirmed and person.organisation_id:
        log(person, ACTION_CONFIRM, user=by, data={"organisation": person.organisation.slug})


@transaction.atomic
def confirm_organisations_of(*, people, by) -> int:
    """Confirm each person's current organisation (people without one are left alone).
    Idempotent: returns how many were confirmed now."""
    pending = list(
        User.objects.self_declared()
        .filter(pk__in=[person.pk for person in people])
        .select_related("organisation")
        .select_for_update(of=("self",))
    )
    User.objects.filter(pk__in=[person.pk for person in pending]).update(
        organisation_confirmed=True
    )
    for person in pending:
        log(person, ACTION_CONFIRM, user=by, data={"organisation": person.organisation.slug})
    return len(pending)
