"""Pages rendered in Arabic or French show the catalogue's translations, not English msgids."""

from html.parser import HTMLParser

import pytest

from tests.locale.test_catalogues import catalogue_entries

ANONYMOUS_PAGES = [
    "/{lang}/",
    "/{lang}/verify/",
    "/{lang}/accounts/login/",
    "/{lang}/accounts/signup/",
]


class VisibleText(HTMLParser):
    """Text nodes and the attributes people read (aria-label, title, alt, placeholder)."""

    def __init__(self):
        super().__init__()
        self.hidden = 0
        self.texts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.hidden += 1
        self.texts += [
            v.strip() for k, v in attrs if k in ("aria-label", "title", "alt", "placeholder") and v
        ]

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden and data.strip():
            self.texts.append(data.strip())


def visible_text(html: str) -> list[str]:
    parser = VisibleText()
    parser.feed(html)
    return parser.texts


def english_messages(language: str) -> set[str]:
    """Msgids that the language's catalogue translates into other words (so English if shown)."""
    return {
        e["msgid"]
        for e in catalogue_entries(language)
        if e["msgctxt"] is None
        and e["plural"] is None
        and len(e["msgid"]) > 3
        and "%" not in e["msgid"]
        and e["msgstr"][0] != e["msgid"]
    }


@pytest.mark.parametrize("language", ["ar", "fr"])
@pytest.mark.parametrize("url", ANONYMOUS_PAGES)
def test_pages_show_no_untranslated_interface_message(site, client, language, url):
    response = client.get(url.format(lang=language), follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'lang="{language}"' in html
    assert sorted(set(visible_text(html)) & english_messages(language)) == []


def test_arabic_pages_are_right_to_left_with_the_arabic_navigation(site, client):
    html = client.get("/ar/", follow=True).content.decode()
    assert 'dir="rtl"' in html
    assert "الانتقال إلى المحتوى الرئيسي" in visible_text(html)
    assert "تسجيل الدخول" in visible_text(html)
