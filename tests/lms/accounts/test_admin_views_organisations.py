"""Organisations in the admin (admin_views.py): hierarchy, listing, delete, merge and
confirmation of memberships, for administrators only."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from lms.accounts.models import Organisation, OrganisationKind, User
from tests.factories.users import administrator, learner, trainer
from tests.lms.accounts.helpers import make

pytestmark = pytest.mark.django_db


# --- Hierarchy, listing and delete in the admin ------------------------------------------


def refused(response) -> bool:
    """A forbidden admin view answers 403, or sends to the dashboard or to the sign-in page."""
    if response.status_code == 403:
        return True
    location = response.get("Location", "")
    return response.status_code == 302 and (
        location == reverse("wagtailadmin_home") or "/login/" in location
    )


def test_the_admin_edit_form_refuses_a_cycle_and_changes_nothing(client):
    region = make("oriental", kind=OrganisationKind.REGION)
    province = make("province-oujda", parent=region)
    client.force_login(administrator())
    response = client.post(
        reverse("organisations:edit", args=[region.pk]),
        {
            "name_fr": "Oriental",
            "name_ar": "الشرق",
            "kind": "region",
            "slug": "oriental",
            "parent": province.pk,
        },
    )
    assert response.status_code == 200
    assert "parent" in response.context["form"].errors
    region.refresh_from_db()
    assert region.parent is None


def test_the_admin_creates_an_organisation_and_the_audit_log_says_who(client):
    admin = administrator()
    client.force_login(admin)
    response = client.post(
        reverse("organisations:add"),
        {
            "name_fr": "Région de l’Oriental",
            "name_ar": "جهة الشرق",
            "kind": "region",
            "slug": "oriental",
        },
    )
    assert response.status_code == 302
    created = Organisation.objects.get(slug="oriental")
    entry = ModelLogEntry.objects.for_instance(created).get()
    assert (entry.action, entry.user) == ("wagtail.create", admin)


def test_the_admin_form_requires_the_french_name_and_a_unique_slug(client):
    client.force_login(administrator())
    response = client.post(
        reverse("organisations:add"), {"name_fr": "", "kind": "region", "slug": "oujda"}
    )
    assert response.status_code == 200
    assert {"name_fr", "slug"} <= set(response.context["form"].errors)
    assert Organisation.objects.filter(slug="oujda").count() == 1


def test_the_listing_shows_both_names_parent_path_and_member_counts(client):
    oujda = Organisation.objects.get(slug="oujda")
    make("oujda-affaires-sociales", parent=oujda, name_fr="Direction des affaires sociales")
    learner(organisation=oujda)
    learner(organisation=oujda)
    client.force_login(administrator(organisation=None))
    response = client.get(reverse("organisations:index") + "?q=affaires")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Commune d" in html and "Oujda" in html
    listed = {org.slug: org for org in response.context["object_list"]}
    assert listed["oujda-affaires-sociales"].member_count == 0
    response = client.get(reverse("organisations:index") + "?q=oujda")
    listed = {org.slug: org for org in response.context["object_list"]}
    assert listed["oujda"].member_count == 2
    assert listed["oujda"].child_count == 1
    assert 'dir="rtl"' in response.content.decode()


def test_delete_of_an_organisation_with_members_is_refused_and_points_to_merge(client):
    oujda = Organisation.objects.get(slug="oujda")
    learner(organisation=oujda)
    client.force_login(administrator())
    response = client.post(reverse("organisations:delete", args=[oujda.pk]), follow=True)
    assert response.redirect_chain[0][0] == reverse("organisations:merge", args=[oujda.pk])
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    assert Organisation.objects.filter(pk=oujda.pk).exists()


def test_delete_of_an_organisation_with_children_is_refused(client):
    parent = make("parent", kind=OrganisationKind.REGION)
    make("child", parent=parent)
    client.force_login(administrator())
    response = client.post(reverse("organisations:delete", args=[parent.pk]))
    assert response.status_code == 302
    assert Organisation.objects.filter(pk=parent.pk).exists()


def test_an_empty_organisation_may_be_deleted(client):
    empty = make("empty", kind=OrganisationKind.OTHER)
    client.force_login(administrator())
    response = client.post(reverse("organisations:delete", args=[empty.pk]))
    assert response.status_code == 302
    assert not Organisation.objects.filter(pk=empty.pk).exists()


ADMIN_VIEWS = [
    ("organisations:index", False),
    ("organisations:add", False),
    ("organisations:edit", True),
    ("organisations:delete", True),
    ("organisations:merge", True),
    ("organisations:members", True),
]


@pytest.mark.parametrize("role", [trainer, learner])
@pytest.mark.parametrize("url_name, with_id", ADMIN_VIEWS)
def test_trainers_and_learners_cannot_reach_organisation_views(client, role, url_name, with_id):
    oujda = Organisation.objects.get(slug="oujda")
    person = role()
    member = learner(organisation=oujda)
    client.force_login(person)
    url = reverse(url_name, args=[oujda.pk] if with_id else [])
    assert refused(client.get(url))
    response = client.post(
        url, {"target": Organisation.objects.get(slug="fes").pk, "confirmed": "True", "all": "1"}
    )
    assert refused(response)
    assert Organisation.objects.filter(pk=oujda.pk).exists()
    member.refresh_from_db()
    assert member.organisation == oujda and not member.organisation_confirmed


# --- Confirmation of memberships ---------------------------------------------------------


def test_an_administrator_confirms_chosen_members_and_the_log_says_who(client):
    oujda = Organisation.objects.get(slug="oujda")
    chosen, other = learner(organisation=oujda), learner(organisation=oujda)
    admin = administrator()
    client.force_login(admin)
    response = client.post(
        reverse("organisations:members", args=[oujda.pk]), {"person": [chosen.pk]}
    )
    assert response.status_code == 302
    chosen.refresh_from_db()
    other.refresh_from_db()
    assert chosen.organisation_confirmed and not other.organisation_confirmed
    entry = ModelLogEntry.objects.for_instance(chosen).get(action="accounts.organisation.confirm")
    assert entry.user == admin
    assert set(User.objects.self_declared().filter(organisation=oujda)) >= {other}
    assert chosen in User.objects.confirmed()


def test_confirming_through_another_organisation_changes_nobody(client):
    oujda, fes = Organisation.objects.get(slug="oujda"), Organisation.objects.get(slug="fes")
    member = learner(organisation=oujda)
    client.force_login(administrator())
    client.post(reverse("organisations:members", args=[fes.pk]), {"person": [member.pk]})
    member.refresh_from_db()
    assert not member.organisation_confirmed


def test_confirm_all_confirms_every_self_declared_member(client):
    oujda = Organisation.objects.get(slug="oujda")
    people = [learner(organisation=oujda) for _ in range(3)]
    client.force_login(administrator())
    client.post(reverse("organisations:members", args=[oujda.pk]), {"all": "1"})
    assert not User.objects.self_declared().filter(pk__in=[p.pk for p in people]).exists()


def test_the_admin_pages_render_in_arabic_with_the_arabic_name_right_to_left(client):
    oujda = Organisation.objects.get(slug="oujda")
    admin = administrator(organisation=None, preferred_language="ar")
    from lms.accounts.services import sync_admin_language

    sync_admin_language(user=admin)
    learner(organisation=oujda, full_name_arabic="يوسف الإدريسي")
    client.force_login(admin)
    listing = client.get(reverse("organisations:index") + "?q=oujda").content.decode()
    assert "جماعة وجدة" in listing
    assert '<span lang="fr" dir="ltr">' in listing
    form = client.get(reverse("organisations:edit", args=[oujda.pk])).content.decode()
    assert 'dir="rtl"' in form and 'name="name_ar"' in form
    members = client.get(reverse("organisations:members", args=[oujda.pk]))
    assert members.status_code == 200
    assert "يوسف الإدريسي" in members.content.decode()
    merge = client.get(reverse("organisations:merge", args=[oujda.pk]))
    assert merge.status_code == 200
    assert oujda.pk not in {org.pk for org in merge.context["form"].fields["target"].queryset}


def _bulk_confirm_url(*people) -> str:
    ids = "&".join(f"id={person.pk}" for person in people)
    return (
        reverse("wagtail_bulk_action", args=["accounts", "user", "confirm_organisation"])
        + f"?{ids}"
    )


def test_the_bulk_action_confirms_each_person_s_declared_organisation(client):
    admin = administrator()
    in_oujda = learner()
    in_fes = learner(organisation=Organisation.objects.get(slug="fes"))
    nowhere = learner(organisation=None)
    client.force_login(admin)
    assert client.get(_bulk_confirm_url(in_oujda, in_fes, nowhere)).status_code == 200
    response = client.post(_bulk_confirm_url(in_oujda, in_fes, nowhere))
    assert response.status_code == 302
    assert set(User.objects.confirmed().filter(pk__in=[in_oujda.pk, in_fes.pk, nowhere.pk])) == {
        in_oujda,
        in_fes,
    }
    assert (
        ModelLogEntry.objects.filter(action="accounts.organisation.confirm", user=admin).count()
        == 2
    )


def test_trainers_cannot_confirm_organisations_in_bulk(client):
    person = learner()
    client.force_login(trainer())
    client.post(_bulk_confirm_url(person))
    person.refresh_from_db()
    assert not person.organisation_confirmed


def test_an_edit_of_an_organisation_is_in_the_audit_log_with_its_author(client):
    fes = Organisation.objects.get(slug="fes")
    admin = administrator()
    client.force_login(admin)
    response = client.post(
        reverse("organisations:edit", args=[fes.pk]),
        {
            "name_fr": "Commune de Fès",
            "name_ar": "جماعة فاس",
            "kind": "municipality",
            "slug": "fes",
            "is_partner": "on",
            "parent": Organisation.objects.get(slug="oujda").pk,
        },
    )
    assert response.status_code == 302
    fes.refresh_from_db()
    assert fes.parent.slug == "oujda"
    entry = ModelLogEntry.objects.for_instance(fes).get(action="wagtail.edit")
    assert entry.user == admin


# --- Merging in the admin ----------------------------------------------------------------


def test_the_admin_merge_shows_what_moves_then_merges(client, source, target):
    learner(organisation=source)
    learner(organisation=source)
    make("service", parent=source)
    client.force_login(administrator())
    url = reverse("organisations:merge", args=[source.pk])
    assert client.get(url).status_code == 200
    confirm = client.post(url, {"target": target.pk})
    assert confirm.status_code == 200
    assert (confirm.context["member_count"], confirm.context["child_count"]) == (2, 1)
    assert Organisation.objects.filter(pk=source.pk).exists()
    response = client.post(url, {"target": target.pk, "confirmed": "True"}, follow=True)
    assert [m.level_tag for m in response.context["messages"]] == ["success"]
    assert not Organisation.objects.filter(pk=source.pk).exists()
    assert target.members.count() >= 2


def test_the_admin_merge_does_not_offer_a_descendant(client, source):
    child = make("service", parent=source)
    client.force_login(administrator())
    url = reverse("organisations:merge", args=[source.pk])
    response = client.post(url, {"target": child.pk, "confirmed": "True"})
    assert response.status_code == 200
    assert "target" in response.context["form"].errors
    child.refresh_from_db()
    assert child.parent == source
