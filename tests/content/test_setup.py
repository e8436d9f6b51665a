"""The site's fixed structure and translations made through wagtail-localize
(content/setup.py: ensure_site_structure, ensure_translation, ensure_section)."""

import pytest
from wagtail.models import Locale, Revision, Site
from wagtail_localize.models import Translation

from content.models import HomePage, StandardPage
from content.setup import (
    HOME_TITLES,
    ensure_section,
    ensure_site_structure,
    ensure_translation,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(site):
    """A published French page below the French home page."""
    home = HomePage.objects.get(locale__language_code="fr", depth=2)
    page = home.add_child(
        instance=StandardPage(
            title="Accueil des migrants",
            slug="accueil-des-migrants",
            introduction="Texte en français.",
            locale=home.locale,
        )
    )
    page.save_revision().publish()
    return page


@pytest.fixture
def arabic(site):
    return Locale.objects.get(language_code="ar")


def _sync(page, locale):
    return Translation.objects.get(
        source__object_id=page.translation_key, target_locale=locale
    ).enabled


def test_the_site_structure_is_made_once_with_the_french_home_as_the_sites_root(site):
    first = ensure_site_structure()
    revisions = Revision.objects.count()
    second = ensure_site_structure()
    assert Revision.objects.count() == revisions
    assert {code: home.pk for code, home in second.homes.items()} == {
        code: home.pk for code, home in first.homes.items()
    }
    assert HomePage.objects.count() == 2
    assert Site.objects.get(is_default_site=True).root_page_id == first.homes["fr"].pk
    assert first.homes["ar"].translation_key == first.homes["fr"].translation_key
    assert first.homes["ar"].title == HOME_TITLES["ar"]
    assert first.homes["ar"].live
    assert set(first.locales) == {"fr", "ar"}


def test_a_new_translation_takes_the_text_given_and_keeps_the_rest_in_french(page, arabic):
    translation = ensure_translation(page, arabic, title="استقبال المهاجرين")
    assert translation.live
    assert translation.locale == arabic
    assert translation.translation_key == page.translation_key
    assert translation.title == "استقبال المهاجرين"
    assert translation.introduction == "Texte en français."
    assert translation.slug == page.slug
    assert _sync(page, arabic)


def test_ensuring_a_translation_again_saves_nothing(page, arabic):
    first = ensure_translation(page, arabic, title="استقبال المهاجرين")
    revisions = Revision.objects.count()
    assert ensure_translation(page, arabic).pk == first.pk
    assert ensure_translation(page, arabic, title="استقبال المهاجرين").pk == first.pk
    assert Revision.objects.count() == revisions


def test_new_text_for_an_existing_translation_replaces_its_text(page, arabic):
    ensure_translation(page, arabic, title="استقبال المهاجرين")
    translation = ensure_translation(page, arabic, introduction="نص بالعربية.")
    assert translation.introduction == "نص بالعربية."
    assert translation.title == "استقبال المهاجرين"
    assert StandardPage.objects.get(pk=translation.pk).live


def test_a_translation_made_by_copy_is_adopted_with_its_text(page, arabic):
    copy = page.copy_for_translation(arabic)
    copy.title = "نسخة عربية"
    copy.introduction = "مقدمة عربية."
    copy.save_revision().publish()
    translation = ensure_translation(page, arabic)
    assert translation.pk == copy.pk
    assert (translation.title, translation.introduction) == ("نسخة عربية", "مقدمة عربية.")
    assert _sync(page, arabic)


def test_a_translation_whose_synchronisation_was_stopped_is_edited_as_any_page(page, arabic):
    ensure_translation(page, arabic, title="استقبال المهاجرين")
    Translation.objects.filter(source__object_id=page.translation_key).update(enabled=False)
    translation = ensure_translation(page, arabic, title="عنوان جديد")
    assert StandardPage.objects.get(pk=translation.pk).title == "عنوان جديد"
    assert not _sync(page, arabic)


def test_a_section_is_made_below_the_home_page_in_both_languages_once(site):
    fields = {
        "fr": {"title": "À propos", "introduction": "L'école."},
        "ar": {"title": "حول", "introduction": "المدرسة."},
    }
    section = ensure_section(StandardPage, slug="a-propos", fields=fields)
    again = ensure_section(StandardPage, slug="a-propos", fields=fields)
    assert {code: page.pk for code, page in again.items()} == {
        code: page.pk for code, page in section.items()
    }
    assert isinstance(section["ar"], StandardPage)
    assert section["fr"].get_parent().pk == HomePage.objects.get(locale__language_code="fr").pk
    assert (section["fr"].title, section["ar"].title) == ("À propos", "حول")
    assert section["ar"].introduction == "المدرسة."
    assert section["fr"].url == "/fr/a-propos/" and section["ar"].url == "/ar/a-propos/"
