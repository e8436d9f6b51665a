"""The learners' pages run a fixed number of queries whatever their size: the reads of
courses/queries.py (course outline, lesson, catalogue, dashboard) precompute what they show."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses import services
from tests.factories.courses import build_course
from tests.factories.users import PASSWORD, learner, trainer

pytestmark = pytest.mark.django_db


def queries_for(client, url: str) -> list[str]:
    client.get(url)  # warm the per-process caches (site root paths, locales, content types)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return [q["sql"] for q in captured.captured_queries]


def enrolled_course(*, modules: int, lessons_per_module: int, completed: int, arabic=False):
    tree = build_course(
        modules=modules,
        lessons_per_module=lessons_per_module,
        trainers=[trainer(), trainer()],
        capacity=100,
        arabic=arabic,
    )
    person = learner()
    services.enrol(learner=person, course=tree.course)
    for lesson in tree.lessons[:completed]:
        services.complete_lesson(learner=person, lesson=lesson)
    return tree, person


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_course_page_runs_the_same_queries_for_2_and_20_lessons(client, site, language):
    small, small_learner = enrolled_course(
        modules=1, lessons_per_module=2, completed=1, arabic=language == "ar"
    )
    large, large_learner = enrolled_course(
        modules=4,
        lessons_per_module=5 if language == "fr" else 3,  # 20 lessons; 12 (and 12 translations)
        completed=7,
        arabic=language == "ar",
    )
    small_url = (small.course_ar or small.course).url if language == "ar" else small.course.url
    large_url = (large.course_ar or large.course).url if language == "ar" else large.course.url

    client.login(email=small_learner.email, password=PASSWORD)
    few = queries_for(client, small_url)
    client.logout()
    client.login(email=large_learner.email, password=PASSWORD)
    many = queries_for(client, large_url)

    assert len(many) == len(few), "\n".join(many)


def test_dashboard_runs_the_same_queries_for_one_and_three_enrolments(client, site):
    person = learner()
    trees = [build_course(modules=1, lessons_per_module=2, arabic=True) for _ in range(3)]
    services.enrol(learner=person, course=trees[0].course)
    client.login(email=person.email, password=PASSWORD)
    one = queries_for(client, "/ar/dashboard/")
    for tree in trees[1:]:
        services.enrol(learner=person, course=tree.course)
    three = queries_for(client, "/ar/dashboard/")
    assert len(three) == len(one), "\n".join(three)


def test_course_page_for_an_anonymous_visitor_runs_the_same_queries_for_2_and_12_lessons(
    client, site
):
    small = build_course(modules=1, lessons_per_module=2, trainers=[trainer()])
    large = build_course(modules=3, lessons_per_module=4, trainers=[trainer(), trainer()])
    assert len(queries_for(client, large.course.url)) == len(queries_for(client, small.course.url))


def test_lesson_page_runs_the_same_queries_for_2_and_12_lessons(client, site):
    small, small_learner = enrolled_course(modules=1, lessons_per_module=2, completed=1)
    large, large_learner = enrolled_course(modules=3, lessons_per_module=4, completed=7)
    client.login(email=small_learner.email, password=PASSWORD)
    few = queries_for(client, small.lessons[1].url)
    client.logout()
    client.login(email=large_learner.email, password=PASSWORD)
    many = queries_for(client, large.lessons[10].url)
    assert len(many) == len(few), "\n".join(many)


def test_catalogue_runs_the_same_queries_for_2_and_6_courses(client, site):
    from wagtail.models import Locale

    from content.models import Theme

    theme = Theme.objects.create(
        locale=Locale.objects.get(language_code="fr"), name="Diversité", slug="diversite"
    )

    def add_courses(count):
        for _ in range(count):
            tree = build_course(modules=0, arabic=True)
            tree.course.themes.set([theme])
            tree.course.save_revision().publish()

    add_courses(2)
    few = {language: queries_for(client, site[language].url) for language in ("fr", "ar")}
    add_courses(4)
    for language in ("fr", "ar"):
        many = queries_for(client, site[language].url)
        assert len(many) == len(few[language]), "\n".join(many)
