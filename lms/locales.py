"""Wagtail's locales, read from the page cache.

`Locale.get_default()` and `Locale.get_active()` each query the database, and a page asks for
them several times (canonical pages, translations, progress). Locales change only when the
languages do; they are cached like the page tree (`lms/pagecache.py`), whose version changes
when a locale is saved or deleted.
"""

from __future__ import annotations

from django.utils.translation import get_language
from wagtail.models import Locale

from .pagecache import remember


def default_locale() -> Locale:
    """The locale of the default language (French), the one records point at."""
    return remember("locale:default", Locale.get_default)


def active_locale() -> Locale:
    """The locale of the active language, or the default one."""

    def read() -> Locale:
        try:
            return Locale.get_active()
        except Locale.DoesNotExist:
            return default_locale()

    return remember(f"locale:active:{get_language()}", read)


def localized(page):
    """`page.localized` (its live translation in the active language, else the page itself),
    from the page cache: Wagtail's reads the active locale and the translation each time."""
    locale = active_locale()
    if page.locale_id == locale.pk or page.pk is None:  # an unsaved page has no translation
        return page
    return remember(f"localized:{page.pk}:{locale.pk}", lambda: page.localized)


def locale_codes() -> dict[int, str]:
    """Each locale's id and language code."""
    return remember("locale:codes", lambda: dict(Locale.objects.values_list("pk", "language_code")))
