"""Benchmark target P2: a signed-in learner's page runs at most 10 queries, the same number for
a course of 5 lessons as of 50 (quizzes of 5 and 20 questions, libraries of 2 and 6
handbooks), in French and in Arabic; a whole page served to a visitor without a session runs
at most 3.

Counts are taken on the second visit: the first fills the page cache (`lms/pagecache.py`),
as the first learner after a publish does. `tests/courses/test_queries_query_counts.py` keeps the
first visit's count independent of the number of lessons too.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale

from content.library.setup import ensure_library
from content.setup import ensure_translation
from courses import services
from tests.factories.courses import build_course
from tests.factories.library import build_handbook, root_collection
from tests.factories.quizzes import question, quiz
from tests.factories.users import learner

pytestmark = pytest.mark.django_db

LEARNER_BUDGET = 10
ANONYMOUS_BUDGET = 3


@pytest.fixture
def library(site):
    root_collection()
    return ensure_library()


def queries_on_second_visit(client, url: str) -> list[str]:
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return [query["sql"] for query in captured.captured_queries]


def learner_in(course_size: int):
    """A learner a third of the way through a course of `course_size` lessons in fr and ar,
    whose last module ends with a quiz the learner passed."""
    tree = build_course(modules=5, lessons_per_module=course_size // 5, arabic=True)
    test = quiz(module=tree.modules[-1], questions=[question(course=tree.course) for _ in range(3)])
    person = learner()
    services.enrol(learner=person, course=tree.course)
    for lesson in tree.lessons[: course_size // 3]:
        services.complete_lesson(learner=person, lesson=lesson)
    return tree, test, person


def quiz_url(test, language: str) -> str:
    if language == "fr":
        return test.url
    return ensure_translation(test, Locale.objects.get(language_code="ar"), title="اختبار").url


def pages_of(tree, test, language: str) -> dict[str, str]:
    course = tree.course_ar if language == "ar" else tree.course
    lessons = tree.lessons_ar if language == "ar" else tree.lessons
    return {
        "course": course.url,
        "lesson": lessons[len(lessons) // 2].url,
        "quiz": quiz_url(test, language),
        "dashboard": f"/{language}/dashboard/",
    }


def counts(client, person, urls: dict[str, str]) -> dict[str, int]:
    client.force_login(person)
    return {name: len(queries_on_second_visit(client, url)) for name, url in urls.items()}


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_learner_pages_run_the_same_few_queries_for_5_and_50_lessons(client, site, language):
    small = learner_in(5)
    large = learner_in(50)

    few = counts(client, small[2], pages_of(*small[:2], language))
    many = counts(client, large[2], pages_of(*large[:2], language))

    assert many == few
    assert max(few.values()) <= LEARNER_BUDGET, few


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_the_quiz_page_runs_the_same_few_queries_for_5_and_20_questions(client, site, language):
    tree = build_course(modules=1, lessons_per_module=1, arabic=True)
    person = learner()
    services.enrol(learner=person, course=tree.course)
    client.force_login(person)
    found = {}
    for size in (5, 20):
        test = quiz(
            module=tree.modules[0], questions=[question(course=tree.course) for _ in range(size)]
        )
        url = quiz_url(test, language)
        found[size] = len(queries_on_second_visit(client, url))
    assert found[5] == found[20] <= LEARNER_BUDGET, found


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_catalogue_and_library_run_the_same_few_queries_for_more_courses_and_handbooks(
    client, site, library, language
):
    client.force_login(learner())
    pages = [f"/{language}/formations/", f"/{language}/library/"]

    def add(count):
        handbooks = []
        for _ in range(count):
            build_course(modules=0, arabic=True)
            handbooks.append(build_handbook(language=language))
        return handbooks

    handbook = add(2)[0]
    few = [len(queries_on_second_visit(client, url)) for url in [*pages, handbook.url]]
    handbook = add(4)[-1]
    many = [len(queries_on_second_visit(client, url)) for url in [*pages, handbook.url]]

    assert many == few
    assert max(few) <= LEARNER_BUDGET, few


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_a_page_for_a_visitor_without_a_session_runs_at_most_3_queries(
    client, site, settings, language
):
    settings.PAGE_CACHE_ANONYMOUS_SECONDS = 60
    tree = build_course(modules=5, lessons_per_module=10, arabic=True)
    course = tree.course_ar if language == "ar" else tree.course
    for url in (f"/{language}/", f"/{language}/formations/", course.url):
        queries = queries_on_second_visit(client, url)
        assert len(queries) <= ANONYMOUS_BUDGET, (url, queries)


# Exam day (targets P3 and P4): hundreds of learners start the same quiz within seconds, load
# their attempt and autosave every 30 s. What each request reads, after the first learner has
# filled the page cache: the session and the user, then
# - start: the enrolment (locked), the learner's attempts at the quiz (locked), the questions,
#   the new attempt;
# - the attempt page: the attempt;
# - an autosave: the attempt, then the attempt locked, its update.
EXAM_DAY_BUDGET = {"start": 6, "attempt page": 3, "autosave": 5}


def statements(captured) -> int:
    """Statements run, without the savepoints that only the test's own transaction adds."""
    return sum(
        not query["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT"))
        for query in captured.captured_queries
    )


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_starting_loading_and_autosaving_an_exam_run_a_fixed_few_queries(client, site, language):
    tree = build_course(modules=1, lessons_per_module=1, arabic=True)
    questions = [question(course=tree.course) for _ in range(20)]
    exam = quiz(module=tree.modules[0], questions=questions, attempts_allowed=1)
    quiz_url(exam, language)  # the Arabic translation, for the Arabic pages
    start_url = f"/{language}" + reverse("quizzes:start", args=[exam.pk]).removeprefix("/fr")
    first, person = learner(), learner()
    for someone in (first, person):
        services.enrol(learner=someone, course=tree.course)
    client.force_login(first)
    client.get(client.post(start_url).url)  # the first learner fills the page cache
    client.force_login(person)

    found = {}
    with CaptureQueriesContext(connection) as captured:
        response = client.post(start_url)
    assert response.status_code == 302 and response.url.startswith(f"/{language}/")
    found["start"] = statements(captured)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(response.url).status_code == 200
    found["attempt page"] = statements(captured)
    attempt_id = response.url.rstrip("/").split("/")[-1]
    with CaptureQueriesContext(connection) as captured:
        saved = client.post(
            reverse("quizzes:autosave", args=[attempt_id]),
            {"version": 0, f"q-{questions[0].pk}": "a"},
        )
    assert saved.json()["saved"], saved.content
    found["autosave"] = statements(captured)

    assert found == EXAM_DAY_BUDGET, found
