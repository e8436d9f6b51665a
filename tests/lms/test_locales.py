"""The default and active locales, and a page's translation in the active language, are read
from the page cache: once, until a locale or the tree changes."""

from __future__ import annotations

import pytest
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Locale

from courses.models import LessonPage
from lms.locales import active_locale, default_locale, locale_codes, localized
from lms.pagecache import PageCacheMiddleware
from tests.factories.courses import build_course

pytestmark = pytest.mark.django_db


def test_each_locale_is_read_once_then_from_the_cache(site, django_assert_num_queries):
    seen = []

    def view(request):
        with translation.override("ar"):
            seen.extend([default_locale(), default_locale(), active_locale(), active_locale()])
        return "response"

    with django_assert_num_queries(2):
        assert PageCacheMiddleware(view)(RequestFactory().get("/ar/")) == "response"
    with django_assert_num_queries(0):
        PageCacheMiddleware(view)(RequestFactory().get("/ar/"))

    assert [locale.language_code for locale in seen] == ["fr", "fr", "ar", "ar"] * 2


def test_the_active_locale_follows_a_language_change_within_the_request(site):
    seen = []

    def view(request):
        for language in ("fr", "ar"):
            with translation.override(language):
                seen.append(active_locale().language_code)
        return "response"

    PageCacheMiddleware(view)(RequestFactory().get("/"))

    assert seen == ["fr", "ar"]


def test_a_new_locale_is_seen_at_once(site, django_assert_num_queries):
    assert set(locale_codes().values()) == {"fr", "ar"}
    with django_assert_num_queries(0):
        locale_codes()

    Locale.objects.create(language_code="en")

    assert set(locale_codes().values()) == {"fr", "ar", "en"}


def test_localized_gives_the_live_translation_in_the_active_language_then_from_the_cache(
    site, django_assert_num_queries
):
    tree = build_course(modules=1, lessons_per_module=1, arabic=True)
    course, course_ar = tree.course, tree.course_ar
    found = []

    def view(request):
        with translation.override("ar"):
            found.append(localized(course))
        with translation.override("fr"):
            found.append(localized(course))
        return "response"

    PageCacheMiddleware(view)(RequestFactory().get("/"))
    with django_assert_num_queries(0):
        PageCacheMiddleware(view)(RequestFactory().get("/"))

    assert [page.pk for page in found] == [course_ar.pk, course.pk] * 2


def test_localized_keeps_the_page_while_its_translation_is_a_draft(site):
    tree = build_course(modules=1, lessons_per_module=1, arabic=True)
    tree.course_ar.unpublish()

    with translation.override("ar"):
        assert localized(tree.course).pk == tree.course.pk


def test_localized_gives_an_unsaved_page_back_without_caching_it(site):
    first, second = (LessonPage(title=title, slug=title) for title in ("une", "deux"))

    with translation.override("ar"):
        assert localized(first) is first
        assert localized(second) is second
