import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation

from lms.accounts.roles import ADMINISTRATORS, LEARNERS, TRAINERS, is_administrator, is_trainer
from lms.accounts.services import ensure_roles
from tests.factories.users import administrator, learner, trainer

pytestmark = pytest.mark.django_db


def test_the_three_role_groups_exist_after_migrate():
    assert set(Group.objects.values_list("name", flat=True)) >= {LEARNERS, TRAINERS, ADMINISTRATORS}


def test_trainers_and_administrators_may_use_the_admin_but_learners_may_not():
    assert Group.objects.get(name=TRAINERS).permissions.filter(codename="access_admin").exists()
    assert (
        Group.objects.get(name=ADMINISTRATORS).permissions.filter(codename="access_admin").exists()
    )
    assert not Group.objects.get(name=LEARNERS).permissions.exists()


def test_ensure_roles_is_idempotent():
    before = {g.name: g.permissions.count() for g in Group.objects.all()}
    ensure_roles()
    ensure_roles()
    assert {g.name: g.permissions.count() for g in Group.objects.all()} == before


def test_role_helpers_recognise_each_role():
    assert is_trainer(trainer()) and not is_administrator(trainer())
    assert is_administrator(administrator())
    person = learner()
    assert not is_trainer(person) and not is_administrator(person)
    assert not person.is_staff
    assert trainer().is_staff


def test_a_learner_cannot_open_the_admin(client, site):
    from tests.factories.users import PASSWORD

    person = learner()
    client.login(email=person.email, password=PASSWORD)
    response = client.get("/admin/")
    assert response.status_code == 302
    # Wagtail sends whoever lacks the admin's access right to the sign-in page, with a message.
    with translation.override("fr"):
        assert response["Location"] == f"{reverse('account_login')}?next=/admin/"


def test_migrate_sets_up_roles_collections_and_erasure_rights_once(monkeypatch):
    from django.core.management.sql import emit_post_migrate_signal

    calls = []
    monkeypatch.setattr("lms.accounts.services.ensure_roles", lambda: calls.append("roles"))
    monkeypatch.setattr(
        "content.collections.ensure_collections", lambda: calls.append("collections")
    )
    monkeypatch.setattr(
        "lms.setup.create_permissions_of_every_app", lambda using: calls.append("permissions")
    )

    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")

    assert sorted(calls) == ["collections", "permissions", "permissions", "permissions", "roles"]
