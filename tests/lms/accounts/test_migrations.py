"""Data migrations of accounts: the seeded organisations, Wagtail's default groups removed, the
admin's times in Morocco."""

from importlib import import_module

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from wagtail.models import (
    GroupApprovalTask,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from lms.accounts.models import Organisation, OrganisationKind
from tests.factories.users import trainer

pytestmark = pytest.mark.django_db


def test_wagtail_default_groups_and_their_workflow_are_removed(site):
    moderators = Group.objects.create(name="Moderators")
    Group.objects.create(name="Editors")
    task = GroupApprovalTask.objects.create(name="Moderators approval")
    task.groups.add(moderators)
    workflow = Workflow.objects.create(name="Moderators approval")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page=Page.get_first_root_node())
    migration = import_module("lms.accounts.migrations.0003_remove_wagtail_default_groups")
    migration.remove_default_groups(apps, None)
    assert not Group.objects.filter(name__in=["Moderators", "Editors"]).exists()
    workflow.refresh_from_db()
    task.refresh_from_db()
    assert not workflow.active and not task.active
    assert not WorkflowPage.objects.filter(workflow=workflow).exists()


PARTNER_MUNICIPALITIES = {
    "beni-mellal",
    "casablanca",
    "fes",
    "marrakech",
    "nador",
    "oujda",
    "rabat",
    "sale",
    "tanger",
    "tiznit",
}


def test_the_ten_partner_municipalities_are_seeded():
    municipalities = Organisation.objects.filter(
        kind=OrganisationKind.MUNICIPALITY, is_partner=True
    )
    assert set(municipalities.values_list("slug", flat=True)) == PARTNER_MUNICIPALITIES
    assert all(m.name_fr and m.name_ar for m in municipalities)


def test_the_lead_ministry_is_seeded():
    ministry = Organisation.objects.get(kind=OrganisationKind.MINISTRY, is_partner=True)
    assert "Marocains résidant à l'étranger" in ministry.name_fr
    assert ministry.name_ar == "الوزارة المنتدبة المكلفة بالمغاربة المقيمين بالخارج"


def test_a_time_zone_chosen_before_is_forgotten_by_the_migration(site):
    from wagtail.users.models import UserProfile

    person = trainer()
    UserProfile.objects.filter(pk=UserProfile.get_for_user(person).pk).update(
        current_time_zone="UTC"
    )
    assert UserProfile.get_for_user(person).get_current_time_zone() == "UTC"
    migration = import_module("lms.accounts.migrations.0005_admin_times_in_morocco")

    migration.forget_chosen_time_zones(apps, None)

    assert UserProfile.get_for_user(person).get_current_time_zone() == "Africa/Casablanca"
