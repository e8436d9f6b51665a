"""The admin's user editor as an ENSA administrator uses it: people and roles, never
superuser rights, another person's password or a group outside the three roles."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.test.utils.form_data import querydict_from_html

from lms.accounts.roles import ADMINISTRATORS, LEARNERS, ROLES, TRAINERS
from tests.factories.users import administrator, learner, trainer
from tests.lms.helpers import superuser

pytestmark = pytest.mark.django_db
User = get_user_model()


def refused(response) -> bool:
    """Wagtail answers a forbidden admin view with a 403, or a redirect to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def edit_url(user):
    return reverse("wagtailusers_users:edit", args=[user.pk])


def posted_form(client, user) -> dict:
    """The edit form of `user` as the browser would send it back unchanged."""
    response = client.get(edit_url(user))
    assert response.status_code == 200
    form = response.context["form"]
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if name == "groups":
            offered = set(field.queryset.values_list("pk", flat=True))
            data[name] = [str(pk) for pk in value or [] if pk in offered]
        elif isinstance(value, bool):
            if value:
                data[name] = "on"
        elif value is not None:
            data[name] = str(value)
    return data


def test_the_administrators_user_form_offers_no_superuser_right_and_no_password(client, site):
    client.force_login(administrator())
    form = client.get(edit_url(learner())).context["form"]
    assert "is_superuser" not in form.fields
    assert "password1" not in form.fields and "password2" not in form.fields
    form = client.get(reverse("wagtailusers_users:add")).context["form"]
    assert "is_superuser" not in form.fields and "password1" not in form.fields


def test_posting_superuser_rights_or_a_password_changes_neither(client, site):
    editor = administrator()
    person = learner()
    old_password = person.password
    client.force_login(editor)
    for account in (person, editor):
        data = posted_form(client, account)
        data.update(is_superuser="on", password1="n3w-Strong-pass!", password2="n3w-Strong-pass!")
        response = client.post(edit_url(account), data)
        assert response.status_code == 302, response.context["form"].errors
    person.refresh_from_db()
    editor.refresh_from_db()
    assert not person.is_superuser and not editor.is_superuser
    assert person.password == old_password


def test_an_administrator_cannot_open_or_change_a_superusers_account(client, site):
    root = superuser()
    client.force_login(administrator())
    assert refused(client.get(edit_url(root)))
    assert refused(client.post(edit_url(root), {"email": "taken-over@example.ma"}))
    root.refresh_from_db()
    assert root.email == "root@example.ma" and root.is_active
    assert refused(client.get(reverse("wagtailusers_users:delete", args=[root.pk])))


def test_an_administrator_assigns_the_three_roles_and_no_other_group(client, site):
    editor = administrator()
    moderators = Group.objects.create(name="Moderators")
    person = learner()
    client.force_login(editor)
    form = client.get(edit_url(person)).context["form"]
    assert set(form.fields["groups"].queryset.values_list("name", flat=True)) == set(ROLES)
    data = posted_form(client, person)
    data["groups"] = [str(moderators.pk)]
    response = client.post(edit_url(person), data)
    assert response.status_code == 200 and "groups" in response.context["form"].errors
    assert not person.groups.filter(name="Moderators").exists()
    data["groups"] = [str(Group.objects.get(name=TRAINERS).pk)]
    assert client.post(edit_url(person), data).status_code == 302
    person.refresh_from_db()
    assert set(person.groups.values_list("name", flat=True)) == {TRAINERS}
    assert person.is_staff


def test_groups_the_administrator_may_not_assign_are_kept_when_they_save(client, site):
    person = learner()
    other = Group.objects.create(name="Comité de lecture")
    person.groups.add(other)
    client.force_login(administrator())
    data = posted_form(client, person)
    data["full_name_latin"] = "Nom corrigé"
    assert client.post(edit_url(person), data).status_code == 302
    assert set(person.groups.values_list("name", flat=True)) == {LEARNERS, other.name}


def test_a_superuser_may_still_grant_superuser_rights(client, site):
    person = trainer()
    client.force_login(superuser())
    data = posted_form(client, person)
    data["is_superuser"] = "on"
    assert client.post(edit_url(person), data).status_code == 302
    person.refresh_from_db()
    assert person.is_superuser


def _bulk_url(action: str, *users) -> str:
    ids = "&".join(f"id={user.pk}" for user in users)
    return reverse("wagtail_bulk_action", args=[User._meta.app_label, "user", action]) + f"?{ids}"


def test_bulk_assign_role_offers_the_three_roles_and_never_touches_a_superuser(client, site):
    root, person = superuser(), learner()
    moderators = Group.objects.create(name="Moderators")
    client.force_login(administrator())
    url = _bulk_url("assign_role", root, person)
    response = client.post(url, {"role": moderators.pk})
    assert response.status_code == 200  # the form refuses a group outside the roles
    assert not moderators.user_set.exists()
    administrators = Group.objects.get(name=ADMINISTRATORS)
    client.post(url, {"role": administrators.pk})
    assert person.groups.filter(pk=administrators.pk).exists()
    assert not root.groups.filter(pk=administrators.pk).exists()


def test_bulk_deactivation_and_deletion_skip_superusers(client, site):
    root, person = superuser(), learner()
    client.force_login(administrator())
    client.post(_bulk_url("set_active_state", root, person), {"mark_as_active": "False"})
    client.post(_bulk_url("delete", root))
    root.refresh_from_db()
    person.refresh_from_db()
    assert root.is_active and not person.is_active


def test_an_administrator_confirms_an_organisation_in_the_user_editor_with_an_audit_entry(client):
    from wagtail.models import ModelLogEntry

    from lms.accounts.services import ACTION_CONFIRM

    admin = administrator()
    person = learner()
    client.force_login(admin)
    data = posted_form(client, person)
    assert "organisation_confirmed" not in data
    data["organisation_confirmed"] = "on"
    response = client.post(edit_url(person), data)
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.organisation_confirmed
    assert (
        ModelLogEntry.objects.for_instance(person)
        .filter(action=ACTION_CONFIRM, user=admin)
        .exists()
    )


def test_the_organisation_confirmed_box_is_for_administrators_only():
    from lms.accounts.admin_views import AccountEditForm

    person = learner()
    assert (
        "organisation_confirmed" in AccountEditForm(instance=person, editor=administrator()).fields
    )
    assert "organisation_confirmed" not in AccountEditForm(instance=person, editor=trainer()).fields


def test_the_admin_user_editor_refuses_a_name_with_direction_controls(client, site):
    person = learner()
    client.force_login(administrator())
    url = reverse("wagtailusers_users:edit", args=[person.pk])
    page = client.get(url)
    assert page.status_code == 200
    data = querydict_from_html(page.content.decode(), form_id="w-editor-form")
    data["full_name_latin"] = "\u202eilaneB"
    response = client.post(url, data)
    assert response.status_code == 200
    assert "full_name_latin" in response.context["form"].errors
    person.refresh_from_db()
    assert person.full_name_latin != "\u202eilaneB"
