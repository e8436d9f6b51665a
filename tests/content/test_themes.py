"""The curriculum's themes in French and Arabic (content/themes.py: ensure_themes)."""

import pytest
from wagtail.models import Locale

from content.models import Theme
from content.themes import THEMES, ensure_themes

pytestmark = pytest.mark.django_db


def test_each_theme_is_made_once_in_french_with_its_arabic_translation(site):
    themes = ensure_themes()
    again = ensure_themes()
    assert set(themes) == set(THEMES)
    assert Theme.objects.filter(slug__in=THEMES).count() == 2 * len(THEMES)
    for slug, (name_fr, name_ar) in THEMES.items():
        french, arabic = themes[slug]["fr"], themes[slug]["ar"]
        assert (french.name, french.locale.language_code) == (name_fr, "fr")
        assert (arabic.name, arabic.locale.language_code) == (name_ar, "ar")
        assert arabic.translation_key == french.translation_key
        assert (again[slug]["fr"].pk, again[slug]["ar"].pk) == (french.pk, arabic.pk)


def test_a_theme_renamed_by_an_editor_keeps_its_name(site):
    themes = ensure_themes()
    french = themes["asile-et-refugies"]["fr"]
    french.name = "Asile, réfugiés et apatrides"
    french.save()
    assert ensure_themes()["asile-et-refugies"]["fr"].name == "Asile, réfugiés et apatrides"


def test_a_missing_arabic_theme_is_translated_again(site):
    themes = ensure_themes()
    themes["cooperation-sud-sud"]["ar"].delete()
    arabic = ensure_themes()["cooperation-sud-sud"]["ar"]
    assert arabic.name == THEMES["cooperation-sud-sud"][1]
    assert arabic.locale == Locale.objects.get(language_code="ar")
    assert arabic.translation_key == themes["cooperation-sud-sud"]["fr"].translation_key
