"""After every `migrate` the accounts app sets up the roles, once, with every app's
permissions created first (apps.py)."""

import pytest

pytestmark = pytest.mark.django_db


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
