"""The site's menus come from the links apps register (lms/navigation.py): the base template
names no app's URL, and each page shows each app's links in the reader's language."""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from lms import navigation
from tests.factories.users import learner

pytestmark = pytest.mark.django_db


def menu(html: str, label: str) -> list[tuple[str, str]]:
    """The (href, text) of each link in the <nav> or <footer> named `label`."""
    block = re.search(
        rf'<(nav|footer)[^>]*(?:aria-label="{label}"|class="site-{label}")[^>]*>(.*?)</\1>',
        html,
        re.DOTALL,
    )
    assert block, f"no {label} on the page"
    return re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', block.group(2))


@pytest.mark.parametrize(
    ("language", "labels"),
    [
        ("fr", ["Mes formations", "Mes attestations", "Mon profil"]),
        ("ar", ["تكويناتي", "شهاداتي", "ملفي الشخصي"]),
    ],
)
def test_a_signed_in_learner_sees_each_apps_links_in_order_and_in_the_pages_language(
    client, site, language, labels
):
    client.force_login(learner())
    html = client.get(f"/{language}/").content.decode()
    links = menu(html, "Menu principal" if language == "fr" else "القائمة الرئيسية")
    with translation.override(language):
        expected = [
            reverse("courses:dashboard"),
            reverse("certificates:mine"),
            reverse("accounts:profile"),
        ]
    assert [href for href, _text in links[:3]] == expected
    assert [text.strip() for _href, text in links[:3]] == labels


def test_a_visitor_sees_no_member_links_and_the_verification_link_in_the_footer(client, site):
    html = client.get("/fr/").content.decode()
    assert reverse("courses:dashboard") not in html
    footer = menu(html, "footer")
    assert (reverse("certificates:verify_form"), "Vérifier une attestation") in [
        (href, text.strip()) for href, text in footer
    ]


def test_links_are_drawn_by_order_and_a_second_registration_replaces_the_first(monkeypatch):
    monkeypatch.setattr(navigation, "_links", {})
    navigation.register("accounts:profile", label=_("My profile"), menu=navigation.MEMBER, order=90)
    navigation.register("courses:dashboard", label=_("Old label"), menu=navigation.MEMBER, order=5)
    navigation.register(
        "courses:dashboard", label=_("My learning"), menu=navigation.MEMBER, order=10
    )
    with translation.override("fr"):
        links = navigation.links(navigation.MEMBER)
    assert [link["label"] for link in links] == ["Mes formations", "Mon profil"]
    assert navigation.links(navigation.FOOTER) == []


def test_an_unknown_menu_is_refused():
    with pytest.raises(ValueError, match="unknown menu"):
        navigation.register("courses:dashboard", label=_("My learning"), menu="sidebar", order=1)
