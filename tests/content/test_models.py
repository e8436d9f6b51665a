"""The home page (content/models.py): the sections it lists, and its routing: a page is found
in a fixed number of queries, however deep it lies (HomePage.route)."""

from __future__ import annotations

import pytest
from django.http import Http404
from django.test import RequestFactory
from wagtail.models import Page, PageViewRestriction, get_page_models

from content.models import HomePage, StandardPage
from courses.models import LessonPage
from tests.factories.courses import build_course

pytestmark = pytest.mark.django_db


def _route(home: HomePage, url: str):
    request = RequestFactory().get(url)
    return home.route(request, [part for part in url.split("/") if part])


def _home(page: Page) -> HomePage:
    return HomePage.objects.ancestor_of(page).get()


def test_a_lesson_four_levels_down_is_found_in_two_queries(site, django_assert_num_queries):
    tree = build_course(arabic=True)
    lesson = tree.lessons[-1]
    home = _home(lesson)
    relative = lesson.url_path.removeprefix(home.url_path)

    with django_assert_num_queries(2):
        page, args, kwargs = _route(home, relative)

    assert isinstance(page, LessonPage)
    assert page.pk == lesson.pk
    assert (args, kwargs) == ([], {})


def test_the_arabic_lesson_is_found_under_the_arabic_home(site):
    tree = build_course(arabic=True)
    lesson = tree.lessons_ar[0]
    home = _home(lesson)

    page, _, _ = _route(home, lesson.url_path.removeprefix(home.url_path))

    assert page.pk == lesson.pk
    assert home.locale.language_code == "ar"


def test_the_found_page_knows_its_parent_without_a_query(site, django_assert_num_queries):
    tree = build_course()
    lesson = tree.lessons[0]
    home = _home(lesson)
    page, _, _ = _route(home, lesson.url_path.removeprefix(home.url_path))

    with django_assert_num_queries(0):
        parent = page.get_parent()

    assert parent.pk == tree.modules[0].pk


@pytest.mark.parametrize("broken", ["unknown/", "{course}/unknown/", "{course}/unknown/{lesson}/"])
def test_an_unknown_segment_anywhere_is_not_found(site, broken):
    tree = build_course()
    home = _home(tree.course)
    url = broken.format(course=tree.course.slug, lesson=tree.lessons[0].slug)
    url = tree.course.get_parent().url_path.removeprefix(home.url_path) + url

    with pytest.raises(Http404):
        _route(home, url)


def test_a_page_that_is_not_live_is_not_found(site):
    tree = build_course()
    lesson = tree.lessons[0]
    lesson.unpublish()
    home = _home(lesson)

    with pytest.raises(Http404):
        _route(home, lesson.url_path.removeprefix(home.url_path))


def test_no_page_model_of_ours_routes_on_its_own_but_the_home_page():
    # HomePage.route skips the route() of every page between the home page and the page found:
    # a page type with a routing of its own (RoutablePageMixin...) must be routed level by level.
    ours = [
        model
        for model in get_page_models()
        if model._meta.app_label in {"content", "courses", "quizzes", "library", "certificates"}
    ]
    assert ours, "no page model found"
    routing = [
        model.__name__ for model in ours if model.route is not Page.route and model is not HomePage
    ]
    assert routing == []


def test_the_home_page_lists_its_live_public_sections_only(site):
    home = HomePage.objects.get(locale__language_code="fr")
    draft = home.add_child(
        instance=StandardPage(title="Brouillon", slug="brouillon", live=False, locale=home.locale)
    )
    private = home.add_child(
        instance=StandardPage(title="Interne", slug="interne", locale=home.locale)
    )
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    public = home.add_child(
        instance=StandardPage(title="À propos", slug="a-propos", locale=home.locale)
    )

    sections = list(home.get_context(RequestFactory().get("/fr/"))["sections"])

    assert [page.pk for page in sections] == [site["fr"].pk, public.pk]
    assert type(sections[0]) is type(site["fr"]) and isinstance(sections[1], StandardPage)
    assert draft.pk not in {page.pk for page in sections}
