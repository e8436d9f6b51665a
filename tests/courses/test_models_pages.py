"""The pages of courses as Wagtail serves them (serve, get_context): drafts and access to
lessons, languages and directions, the catalogue, progress on the course and lesson pages."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from content.models import Theme
from content.setup import ensure_translation
from courses import services
from courses.errors import EnrolmentError
from courses.models import (
    CatalogPage,
    TeachingLanguage,
)
from lms.typography import french_spacing
from tests.courses.helpers import enrolled, html_tag, switcher_links
from tests.factories.courses import build_course
from tests.factories.users import PASSWORD, learner

pytestmark = pytest.mark.django_db

LESSON_TEXT = "Contenu de la leçon."


# --- drafts and access ---------------------------------------------------------------


def test_anonymous_visitor_gets_404_for_a_draft_course(client, site):
    tree = build_course(modules=1, lessons_per_module=1, live=False)
    assert client.get(tree.course.url).status_code == 404


def test_signed_in_learner_gets_404_for_a_draft_course(client, site):
    tree = build_course(modules=1, lessons_per_module=1, live=False)
    client.login(email=learner().email, password=PASSWORD)
    assert client.get(tree.course.url).status_code == 404


def test_anonymous_visitor_gets_404_for_an_unpublished_lesson(client, site):
    tree = build_course(modules=1, lessons_per_module=2)
    lesson = tree.lessons[1]
    url = lesson.url
    lesson.unpublish()
    assert client.get(url).status_code == 404
    assert client.get(tree.lessons[0].url).status_code == 200


def test_anonymous_visitor_gets_404_for_a_published_lesson_of_a_draft_course(client, site):
    tree = build_course(modules=1, lessons_per_module=1, live=False)
    assert client.get(tree.lessons[0].url).status_code == 404


def test_draft_course_is_not_listed_in_the_catalogue(client, site):
    live = build_course(modules=0, title="Formation publiée")
    draft = build_course(modules=0, live=False, title="Formation en brouillon")
    html = client.get(site["fr"].url).text
    assert live.course.title in html
    assert draft.course.title not in html


def test_lesson_body_is_hidden_from_a_learner_who_is_not_enrolled(client, site):
    tree = build_course(modules=1, lessons_per_module=1)
    client.login(email=learner().email, password=PASSWORD)
    response = client.get(tree.lessons[0].url)
    assert response.status_code == 200
    assert LESSON_TEXT not in response.text
    assert 'class="lesson-body"' not in response.text
    assert f'href="{tree.course.url}"' in response.text


def test_lesson_body_is_hidden_from_an_anonymous_visitor(client, site):
    tree = build_course(modules=1, lessons_per_module=1)
    assert LESSON_TEXT not in client.get(tree.lessons[0].url).text


def test_lesson_body_is_shown_to_an_enrolled_learner_with_a_complete_button(client, site):
    tree = build_course(modules=1, lessons_per_module=1)
    person = learner()
    services.enrol(learner=person, course=tree.course)
    client.login(email=person.email, password=PASSWORD)
    html = client.get(tree.lessons[0].url).text
    assert LESSON_TEXT in html
    assert f'action="/fr/lessons/{tree.lessons[0].pk}/complete/"' in html


def test_lesson_body_is_hidden_again_after_unenrolling(client, site):
    tree = build_course(modules=1, lessons_per_module=1)
    person = learner()
    services.enrol(learner=person, course=tree.course)
    services.unenrol(learner=person, course=tree.course)
    client.login(email=person.email, password=PASSWORD)
    assert LESSON_TEXT not in client.get(tree.lessons[0].url).text


def test_outline_does_not_link_lessons_for_a_visitor_who_is_not_enrolled(client, site):
    tree = build_course(modules=1, lessons_per_module=2)
    html = client.get(tree.course.url).text
    assert tree.lessons[0].title in html
    assert f'href="{tree.lessons[0].url}"' not in html
    assert "/fr/accounts/login/?next=" in html


# --- languages and directions ---------------------------------------------------------


def test_french_pages_are_left_to_right(client, site):
    tree = build_course(modules=1, lessons_per_module=1)
    for url in (
        "/fr/",
        site["fr"].url,
        tree.course.url,
        tree.lessons[0].url,
        "/fr/accounts/login/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert html_tag(response.text) == '<html lang="fr" dir="ltr">', url


def test_arabic_pages_are_right_to_left(client, site):
    tree = build_course(modules=1, lessons_per_module=1, arabic=True)
    for url in (
        "/ar/",
        site["ar"].url,
        tree.course_ar.url,
        tree.lessons_ar[0].url,
        "/ar/accounts/login/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert html_tag(response.text) == '<html lang="ar" dir="rtl">', url


def test_language_switcher_on_a_course_links_to_its_arabic_translation(client, site):
    tree = build_course(modules=1, lessons_per_module=1, arabic=True)
    links = switcher_links(client.get(tree.course.url).text)
    assert links == {"fr": tree.course.url, "ar": tree.course_ar.url}
    back = switcher_links(client.get(tree.course_ar.url).text)
    assert back == {"fr": tree.course.url, "ar": tree.course_ar.url}


def test_language_switcher_of_an_untranslated_course_leads_to_an_arabic_page_that_exists(
    client, site
):
    tree = build_course(modules=1, lessons_per_module=1)
    links = switcher_links(client.get(tree.course.url).text)
    assert links["fr"] == tree.course.url
    assert client.get(links["ar"]).status_code == 200


# --- catalogue --------------------------------------------------------------------------


@pytest.fixture
def themes(site):
    fr = Locale.objects.get(language_code="fr")
    return {
        "strategies": Theme.objects.create(
            locale=fr, name="Stratégies nationales", slug="strategies"
        ),
        "services": Theme.objects.create(locale=fr, name="Accès aux services", slug="services"),
    }


def catalogue_titles(client, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200
    return re.findall(r'<h2><a href="[^"]+">([^<]+)</a></h2>', response.text)


def test_catalogue_filters_by_theme(client, site, themes):
    snia = build_course(modules=0, title="SNIA et SNMRE")
    snia.course.themes.set([themes["strategies"]])
    snia.course.save_revision().publish()
    pac = build_course(modules=0, title="Services aux migrants")
    pac.course.themes.set([themes["services"]])
    pac.course.save_revision().publish()

    url = site["fr"].url
    assert catalogue_titles(client, url) == ["SNIA et SNMRE", "Services aux migrants"]
    assert catalogue_titles(client, url + "?theme=strategies") == ["SNIA et SNMRE"]
    assert catalogue_titles(client, url + "?theme=services") == ["Services aux migrants"]
    html = client.get(url + "?theme=services").text
    assert '<option value="services" selected>' in html


def test_catalogue_filters_by_teaching_language(client, site):
    build_course(modules=0, title="En arabe", teaching_language=TeachingLanguage.ARABIC)
    build_course(modules=0, title="En français", teaching_language=TeachingLanguage.FRENCH)
    url = site["fr"].url
    assert catalogue_titles(client, url + "?language=ar") == ["En arabe"]
    assert catalogue_titles(client, url + "?language=fr") == ["En français"]
    assert catalogue_titles(client, url + "?language=klingon") == ["En arabe", "En français"]


def test_catalogue_is_paginated(client, site, monkeypatch):
    monkeypatch.setattr(CatalogPage, "courses_per_page", 2)
    for title in ("Cours A", "Cours B", "Cours C"):
        build_course(modules=0, title=title)
    url = site["fr"].url
    assert catalogue_titles(client, url) == ["Cours A", "Cours B"]
    assert catalogue_titles(client, url + "?page=2") == ["Cours C"]
    assert catalogue_titles(client, url + "?page=99") == ["Cours C"]
    assert 'rel="next"' in client.get(url).text


def test_arabic_catalogue_lists_the_arabic_translations(client, site):
    tree = build_course(modules=0, arabic=True)
    titles = catalogue_titles(client, site["ar"].url)
    assert titles == [tree.course_ar.title]


def test_arabic_catalogue_filters_by_theme_in_arabic(client, site, themes):
    ar = Locale.objects.get(language_code="ar")
    strategies_ar = themes["strategies"].copy_for_translation(ar)
    strategies_ar.name = "الاستراتيجيات الوطنية"
    strategies_ar.slug = "istratijiyat"
    strategies_ar.save()
    snia = build_course(modules=0, title="SNIA")
    snia.course.themes.set([themes["strategies"]])
    snia.course.save_revision().publish()
    other = build_course(modules=0, arabic=True)
    snia_ar = ensure_translation(snia.course, ar, title="الاستراتيجية")

    url = site["ar"].url
    html = client.get(url).text
    assert '<option value="istratijiyat">الاستراتيجيات الوطنية</option>' in html
    assert "Stratégies nationales" not in html
    assert '<li class="tag">الاستراتيجيات الوطنية</li>' in html
    assert catalogue_titles(client, url + "?theme=istratijiyat") == [snia_ar.title]
    assert sorted(catalogue_titles(client, url)) == sorted([snia_ar.title, other.course_ar.title])


def test_catalogue_offers_only_themes_of_published_courses(client, site, themes):
    draft = build_course(modules=0, live=False)
    draft.course.themes.set([themes["services"]])
    draft.course.save()
    assert themes["services"].coursepage_set.filter(pk=draft.course.pk).exists()
    html = client.get(site["fr"].url).text
    assert 'value="services"' not in html


def test_course_page_asks_for_the_key_of_a_key_course(client, site):
    from courses.models import EnrolmentPolicy

    tree = build_course(
        modules=1, lessons_per_module=1, enrolment_policy=EnrolmentPolicy.KEY, enrolment_key="K"
    )
    client.login(email=learner().email, password=PASSWORD)
    html = client.get(tree.course.url).text
    assert f'action="/fr/courses/{tree.course.pk}/enrol/"' in html
    assert 'name="key"' in html


def test_course_page_of_a_full_course_gives_the_reason_instead_of_a_form(client, site):

    tree = build_course(modules=1, lessons_per_module=1, capacity=1)
    services.enrol(learner=learner(), course=tree.course)
    client.login(email=learner().email, password=PASSWORD)
    html = client.get(tree.course.url).text
    assert f'action="/fr/courses/{tree.course.pk}/enrol/"' not in html
    # French pages put a narrow no-break space before the colon (lms/typography.py).
    assert french_spacing(str(EnrolmentError.MESSAGES[EnrolmentError.FULL])) in html.replace(
        "&#x27;", "'"
    )


# --- progress on the pages ------------------------------------------------------------


def test_course_page_links_to_the_next_lesson(client, site):
    tree, person, _ = enrolled(modules=1, lessons_per_module=2)
    services.complete_lesson(learner=person, lesson=tree.lessons[0])
    client.login(email=person.email, password=PASSWORD)
    html = client.get(tree.course.url).text
    assert re.search(rf'class="button" href="{re.escape(tree.lessons[1].url)}"', html)


def test_reading_a_lesson_writes_nothing(client, site):
    # A GET that wrote (the last lesson visited, once) made readers of a course queue behind
    # each other's row locks; the last lesson is recorded when one is completed.
    tree, person, _ = enrolled(modules=1, lessons_per_module=2)
    assert client.login(email=person.email, password=PASSWORD)
    client.get(tree.lessons[0].url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(tree.lessons[1].url).status_code == 200
    writes = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].split()[0] in {"INSERT", "UPDATE", "DELETE"}
    ]
    assert writes == []
