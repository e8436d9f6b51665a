"""Demo pages made once with their Arabic translation (demo/pages.py: PageMaker,
translate_ancestors)."""

import pytest
from wagtail.models import Locale

from content.models import HomePage, StandardPage
from demo.pages import PageMaker, translate_ancestors

pytestmark = pytest.mark.django_db

FRENCH = {"title": "À propos", "introduction": "L'école."}
ARABIC = {"title": "حول", "introduction": "المدرسة."}


@pytest.fixture
def home(site):
    return HomePage.objects.get(locale__language_code="fr")


@pytest.fixture
def arabic(site):
    return Locale.objects.get(language_code="ar")


def _child(parent, title: str, slug: str) -> StandardPage:
    page = parent.add_child(instance=StandardPage(title=title, slug=slug, locale=parent.locale))
    page.save_revision().publish()
    return page


def test_a_page_is_made_and_published_with_its_arabic_translation_once(home, arabic):
    maker = PageMaker()
    page, translation = maker.page(home, StandardPage, "a-propos", dict(FRENCH), dict(ARABIC))
    assert maker.created == 2
    assert page.live and page.get_parent().pk == home.pk
    assert (page.title, page.introduction) == (FRENCH["title"], FRENCH["introduction"])
    assert translation.live and translation.locale == arabic
    assert (translation.title, translation.introduction) == (
        ARABIC["title"],
        ARABIC["introduction"],
    )
    again = PageMaker()
    same, same_translation = again.page(home, StandardPage, "a-propos", dict(FRENCH), dict(ARABIC))
    assert again.created == 0
    assert (same.pk, same_translation.pk) == (page.pk, translation.pk)


def test_a_translation_made_before_is_adopted_as_it_is(home, arabic):
    page = _child(home, "À propos", "a-propos")
    copy = page.copy_for_translation(arabic)
    copy.title = "عن المدرسة"
    copy.save_revision().publish()
    maker = PageMaker()
    found, translation = maker.page(home, StandardPage, "a-propos", dict(FRENCH), dict(ARABIC))
    assert maker.created == 0
    assert (found.pk, translation.pk) == (page.pk, copy.pk)
    assert translation.title == "عن المدرسة"


def test_the_ancestors_of_a_page_are_translated_first_keeping_their_titles(home, arabic):
    section = _child(home, "Ressources", "ressources")
    chapter = _child(section, "Guides", "guides")
    page = _child(chapter, "Guide", "guide")
    translate_ancestors(page, arabic)
    section_ar = section.get_translation(arabic)
    chapter_ar = chapter.get_translation(arabic)
    assert (section_ar.title, chapter_ar.title) == ("Ressources", "Guides")
    assert chapter_ar.get_parent().pk == section_ar.pk
    assert section_ar.get_parent().pk == home.get_translation(arabic).pk
    assert page.get_translation_or_none(arabic) is None
