"""The project's template tags and filters (lms_tags): the language switcher, texts and titles
in the page's language or marked as being in the other one, names in the page's script,
French spacing, and the countdown of a timed attempt."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import timezone, translation

from lms.templatetags.lms_tags import (
    french_typography,
    isolate_filter,
    language_links,
    page_title,
    person_name,
    seconds_until,
)
from lms.typography import french_spacing
from tests.factories.courses import build_course
from tests.factories.users import learner

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def render(template: str, **context) -> str:
    return Template("{% load lms_tags %}" + template).render(Context(context))


def urls_by_language(links) -> dict[str, str]:
    return {link["code"]: link["url"] for link in links}


# --- The language switcher -----------------------------------------------------------------


@pytest.mark.django_db
def test_the_switcher_leads_to_the_translation_of_the_page(site):
    tree = build_course(modules=1, lessons_per_module=1, arabic=True)

    links = language_links({"page": tree.lessons[0], "request": None, "LANGUAGE_CODE": "fr"})

    assert urls_by_language(links) == {"fr": tree.lessons[0].url, "ar": tree.lessons_ar[0].url}
    assert [link["current"] for link in links] == [code == "fr" for code in LANGUAGES]


@pytest.mark.django_db
def test_a_page_not_translated_leads_to_its_nearest_translated_ancestor(site):
    tree = build_course(modules=1, lessons_per_module=1)

    links = language_links({"page": tree.lessons[0], "request": None, "LANGUAGE_CODE": "fr"})

    assert urls_by_language(links) == {"fr": tree.lessons[0].url, "ar": site["ar"].url}


@pytest.mark.django_db
def test_without_a_page_the_switcher_translates_the_address_of_the_request():
    request = RequestFactory().get("/fr/dashboard/")

    links = language_links({"request": request, "LANGUAGE_CODE": "ar"})

    assert urls_by_language(links) == {"fr": "/fr/dashboard/", "ar": "/ar/dashboard/"}
    assert [link["code"] for link in links if link["current"]] == ["ar"]


def test_without_a_page_or_a_request_each_language_leads_to_its_home():
    links = language_links({"LANGUAGE_CODE": "fr"})

    assert urls_by_language(links) == {code: f"/{code}/" for code in LANGUAGES}


# --- Texts and titles in the page's language ------------------------------------------------


def test_a_text_of_the_other_language_is_marked_and_its_note_is_in_the_page_language():
    with translation.override("ar"):
        html = render(
            "{% bilingual fr ar as text %}{{ text|language_marked:'lines' }}",
            fr="Première ligne\n<b>deuxième</b>",
            ar="",
        )
        note = translation.gettext("in French")

    assert html.startswith(
        '<span lang="fr" dir="ltr">Première ligne<br>&lt;b&gt;deuxième&lt;/b&gt;</span>'
    )
    assert html.endswith(f'<small class="other-language">({note})</small>')


def test_a_text_in_the_page_language_is_shown_as_it_is():
    with translation.override("ar"):
        html = render("{% bilingual fr ar as text %}{{ text|language_marked }}", fr="Oui", ar="نعم")

    assert html == "نعم"


def test_a_number_as_mode_cuts_the_text_and_an_empty_text_renders_nothing():
    with translation.override("fr"):
        cut = render(
            "{% bilingual fr ar as text %}{{ text|language_marked:'5' }}", fr="Oujda", ar=""
        )
        longer = render(
            "{% bilingual fr ar as text %}{{ text|language_marked:'5' }}", fr="Casablanca", ar=""
        )
        empty = render("{% bilingual fr ar as text %}[{{ text|language_marked }}]", fr="", ar="")

    assert cut == "Oujda"
    assert longer == "Casa…"
    assert empty == "[]"


@pytest.mark.django_db
def test_a_page_title_is_isolated_and_marked_on_a_page_of_the_other_language(site):
    tree = build_course(modules=1, lessons_per_module=1, title="Cours <Oujda>")

    with translation.override("fr"):
        french = page_title({}, tree.course)
    with translation.override("ar"):
        arabic = page_title({}, tree.course)
        note = translation.gettext("in French")

    assert french == "<bdi>Cours &lt;Oujda&gt;</bdi>"
    assert arabic.startswith('<span lang="fr" dir="ltr"><bdi>Cours &lt;Oujda&gt;</bdi></span>')
    assert note in arabic
    assert page_title({}, None) == ""


def test_plain_text_is_isolated_and_an_empty_value_stays_empty():
    assert isolate_filter("فاطمة") == "\u2068فاطمة\u2069"
    assert isolate_filter("") == ""


# --- Names, typography, countdown ---------------------------------------------------------


@pytest.mark.django_db
def test_a_person_is_named_in_the_script_of_the_page_else_in_the_other():
    person = learner(full_name_latin="Youssef El Idrissi", full_name_arabic="يوسف الإدريسي")
    latin_only = learner(full_name_latin="Nadia Amrani", full_name_arabic="")

    with translation.override("ar"):
        assert person_name(person) == "يوسف الإدريسي"
        assert person_name(latin_only) == "Nadia Amrani"
    with translation.override("fr"):
        assert person_name(person) == "Youssef El Idrissi"


def test_french_spacing_only_on_french_pages():
    html = "<p>Bienvenue : « formation » !</p>"

    with translation.override("fr"):
        french = french_typography(html)
    with translation.override("ar"):
        arabic = french_typography(html)

    assert french == french_spacing(html) != html
    assert arabic == html


def test_the_countdown_counts_whole_seconds_and_stops_at_zero():
    assert 88 <= seconds_until(timezone.now() + timedelta(seconds=90)) <= 90
    assert seconds_until(timezone.now() - timedelta(minutes=1)) == 0
    assert seconds_until(None) == 0
