"""The course catalogue in each language (setup.ensure_catalogue): idempotent, open to
administrators below it, and to trainers only through the courses that list them."""

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

from courses.models import CatalogPage
from courses.setup import CATALOGUE, ensure_catalogue
from lms.accounts.roles import ADMINISTRATORS, TRAINERS

pytestmark = pytest.mark.django_db


def codenames(group_name: str, page) -> set[str]:
    return set(
        GroupPagePermission.objects.filter(group__name=group_name, page=page).values_list(
            "permission__codename", flat=True
        )
    )


def test_there_is_one_catalogue_per_language_with_its_title_and_address(site):
    catalogues = ensure_catalogue()
    assert set(catalogues) == {"fr", "ar"}
    for language, catalogue in catalogues.items():
        assert catalogue.title == CATALOGUE[language]["title"]
        assert catalogue.url == f"/{language}/formations/"
    assert catalogues["ar"].translation_key == catalogues["fr"].translation_key


def test_a_second_run_creates_nothing_more(site):
    first = ensure_catalogue()
    pages, grants = CatalogPage.objects.count(), GroupPagePermission.objects.count()
    second = ensure_catalogue()
    assert {k: p.pk for k, p in second.items()} == {k: p.pk for k, p in first.items()}
    assert (CatalogPage.objects.count(), GroupPagePermission.objects.count()) == (pages, grants)


def test_administrators_may_manage_the_pages_of_the_catalogue_and_trainers_hold_nothing(site):
    for catalogue in ensure_catalogue().values():
        assert {"add_page", "change_page", "publish_page"} <= codenames(ADMINISTRATORS, catalogue)
        assert codenames(TRAINERS, catalogue) == set()


def test_a_page_permission_given_to_trainers_by_hand_is_taken_back(site):
    catalogue = ensure_catalogue()["fr"]
    trainers = Group.objects.get(name=TRAINERS)
    GroupPagePermission.objects.create(
        group=trainers,
        page=catalogue,
        permission=Permission.objects.get(
            content_type__app_label="wagtailcore", codename="publish_page"
        ),
    )
    ensure_catalogue()
    assert codenames(TRAINERS, catalogue) == set()
