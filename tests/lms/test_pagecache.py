"""The page cache (lms/pagecache.py) never shows a page as it was before a change to the tree,
never shows one person's page to another, and keeps whole pages only for visitors without a
session."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import RequestFactory
from wagtail.models import PageViewRestriction, Site

from courses import services
from lms import pagecache
from tests.factories.courses import build_course
from tests.factories.users import learner

pytestmark = pytest.mark.django_db


def test_a_published_change_is_shown_at_the_next_request(client, site):
    tree = build_course(modules=1, lessons_per_module=2)
    lesson = tree.lessons[0]
    client.force_login(learner())
    assert "Leçon 1.1" in client.get(lesson.url).content.decode()

    lesson.title = "Accueillir les familles"
    lesson.save_revision().publish()

    assert "Accueillir les familles" in client.get(lesson.url).content.decode()


def test_an_unpublished_lesson_is_gone_at_the_next_request(client, site):
    tree = build_course(modules=1, lessons_per_module=2)
    lesson = tree.lessons[1]
    assert client.get(lesson.url).status_code == 200

    lesson.unpublish()

    assert client.get(lesson.url).status_code == 404


def test_a_course_set_back_to_draft_hides_its_lessons_at_the_next_request(client, site):
    tree = build_course(modules=1, lessons_per_module=1)
    assert client.get(tree.lessons[0].url).status_code == 200

    tree.course.unpublish()

    assert client.get(tree.lessons[0].url).status_code == 404


def test_a_new_view_restriction_applies_at_the_next_request(client, site):
    tree = build_course(modules=1, lessons_per_module=1)
    assert client.get(tree.course.url).status_code == 200

    PageViewRestriction.objects.create(page=tree.course, restriction_type=PageViewRestriction.LOGIN)

    response = client.get(tree.lessons[0].url)
    assert response.status_code == 302 and "login" in response["Location"]


def test_the_tree_changes_again_when_the_transaction_commits(
    site, django_capture_on_commit_callbacks
):
    before = pagecache.tree_version()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        pagecache.tree_changed()
    during = pagecache.tree_version()
    for callback in callbacks:
        callback()

    assert len({before, during, pagecache.tree_version()}) == 3


def test_a_lost_version_is_replaced_by_a_new_one(site):
    """Redis may evict the version: entries of the old one must not be read again."""
    pagecache.remember("answer", lambda: "old")
    cache.delete(pagecache.VERSION_KEY)

    assert pagecache.remember("answer", lambda: "new") == "new"


def test_learners_see_their_own_progress_on_a_cached_course_page(client, site):
    tree = build_course(modules=1, lessons_per_module=2)
    ahead, behind = learner(), learner()
    for person in (ahead, behind):
        services.enrol(learner=person, course=tree.course)
    services.complete_lesson(learner=ahead, lesson=tree.lessons[0])
    services.complete_lesson(learner=ahead, lesson=tree.lessons[1])

    client.force_login(ahead)
    assert client.get(tree.course.url).context["outline"].progress.done == 2
    client.force_login(behind)
    assert client.get(tree.course.url).context["outline"].progress.done == 0


def test_pages_not_found_are_not_kept(client, site):
    """Or any made-up URL would fill the cache."""
    assert client.get("/fr/formations/nulle-part/").status_code == 404
    after_one = len(cache._cache)
    for n in range(5):
        assert client.get(f"/fr/formations/nulle-part-{n}/").status_code == 404

    assert len(cache._cache) == after_one


# --- whole pages for visitors without a session --------------------------------------------


@pytest.fixture
def anonymous_pages(settings):
    settings.PAGE_CACHE_ANONYMOUS_SECONDS = 60


def test_a_visitor_without_a_session_gets_the_cached_page(client, site, anonymous_pages):
    tree = build_course(modules=1, lessons_per_module=1)
    first = client.get(tree.course.url)
    second = client.get(tree.course.url)

    assert "X-Page-Cache" not in first and second["X-Page-Cache"] == "hit"
    assert second.content == first.content


def test_a_publish_replaces_the_cached_anonymous_page(client, site, anonymous_pages):
    tree = build_course(modules=1, lessons_per_module=1)
    client.get(tree.course.url)

    tree.course.title = "Intégrer les personnes migrantes"
    tree.course.save_revision().publish()

    response = client.get(tree.course.url)
    assert "X-Page-Cache" not in response
    assert "Intégrer les personnes migrantes" in response.content.decode()


def test_a_signed_in_learner_never_gets_the_anonymous_page(client, site, anonymous_pages):
    tree = build_course(modules=1, lessons_per_module=1)
    client.get(tree.course.url)
    person = learner()
    services.enrol(learner=person, course=tree.course)
    client.force_login(person)

    response = client.get(tree.course.url)

    assert "X-Page-Cache" not in response
    assert response.context["outline"].enrolment is not None


def test_each_language_and_query_has_its_own_cached_page(client, site, anonymous_pages):
    tree = build_course(modules=1, lessons_per_module=1, arabic=True)
    french = client.get(tree.course.url).content
    arabic = client.get(tree.course_ar.url)
    assert "X-Page-Cache" not in arabic and arabic.content != french
    client.get("/fr/formations/")
    assert "X-Page-Cache" not in client.get("/fr/formations/", {"theme": "retour"})


def test_a_page_holding_a_csrf_token_is_not_cached(client, site, anonymous_pages):
    """A form's token belongs to one visitor's cookie: the next visitor could not post it."""
    page = build_course(modules=1, lessons_per_module=1).course
    key = f"lms:pages:{pagecache.tree_version()}"

    def with_token(request):
        return HttpResponse(get_token(request))

    request = RequestFactory().get(page.url)
    pagecache.serve_anonymous(request, lambda: with_token(request))

    assert not [name for name in cache._cache if key in name and "anonymous" in name]


def test_remember_site_gives_the_request_its_site_then_from_the_cache(
    site, django_assert_num_queries
):
    expected = Site.objects.get(is_default_site=True)
    requests = [RequestFactory().get("/fr/attempts/1/") for _ in range(2)]

    def view(request):
        pagecache.remember_site(request)
        return HttpResponse(str(request._wagtail_site.pk))

    assert pagecache.PageCacheMiddleware(view)(requests[0]).content.decode() == str(expected.pk)
    with django_assert_num_queries(0):
        response = pagecache.PageCacheMiddleware(view)(requests[1])
    assert response.content.decode() == str(expected.pk)
