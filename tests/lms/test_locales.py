"""The default and active locales are read once per request, and every time outside one."""

from __future__ import annotations

import pytest
from django.test import RequestFactory
from django.utils import translation

from lms.locales import LocaleCacheMiddleware, active_locale, default_locale

pytestmark = pytest.mark.django_db


def test_within_a_request_each_locale_is_read_once(site, django_assert_num_queries):
    seen = []

    def view(request):
        with translation.override("ar"):
            seen.extend([default_locale(), default_locale(), active_locale(), active_locale()])
        return "response"

    with django_assert_num_queries(2):
        assert LocaleCacheMiddleware(view)(RequestFactory().get("/ar/")) == "response"

    assert [locale.language_code for locale in seen] == ["fr", "fr", "ar", "ar"]


def test_the_active_locale_follows_a_language_change_within_the_request(site):
    seen = []

    def view(request):
        for language in ("fr", "ar"):
            with translation.override(language):
                seen.append(active_locale().language_code)
        return "response"

    LocaleCacheMiddleware(view)(RequestFactory().get("/"))

    assert seen == ["fr", "ar"]


def test_outside_a_request_nothing_is_remembered(site, django_assert_num_queries):
    with django_assert_num_queries(2):
        default_locale()
        default_locale()
