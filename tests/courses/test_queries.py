"""The reads that feed the learners' pages (courses/queries.py)."""

import pytest
from django.utils import translation
from wagtail.models import Locale

from content.models import Theme
from courses import services
from courses.models import Cohort, CoursePage, Enrolment, LessonPage
from courses.queries import (
    CourseFacts,
    catalogue,
    cohort_learner_ids,
    course_facts,
    course_outline,
    is_enrolled,
    lesson_view,
    my_learning,
    progress_of,
)
from courses.setup import ensure_catalogue
from lms.locales import default_locale
from tests.courses.helpers import enrolled
from tests.factories.courses import build_course
from tests.factories.users import learner

pytestmark = pytest.mark.django_db


def test_progress_is_the_percentage_of_required_lessons_done(site):
    tree, person, _ = enrolled(modules=2, lessons_per_module=2)
    assert progress_of(learner=person, course=tree.course).percent == 0
    services.complete_lesson(learner=person, lesson=tree.lessons[0])
    assert progress_of(learner=person, course=tree.course).percent == 25
    services.complete_lesson(learner=person, lesson=tree.lessons[3])
    progress = progress_of(learner=person, course=tree.course)
    assert (progress.done, progress.required, progress.percent) == (2, 4, 50)


def test_continue_where_you_left_off_points_after_the_last_lesson_completed(client, site):
    tree, person, _ = enrolled(modules=2, lessons_per_module=2)
    services.complete_lesson(learner=person, lesson=tree.lessons[1])
    assert Enrolment.objects.get(learner=person).last_lesson_id == tree.lessons[1].pk
    outline = course_outline(learner=person, course=tree.course)
    assert outline.next_item.page.pk == tree.lessons[2].pk

    services.complete_lesson(learner=person, lesson=tree.lessons[2])
    outline = course_outline(learner=person, course=tree.course)
    assert outline.next_item.page.pk == tree.lessons[3].pk


def test_continue_goes_back_to_a_skipped_lesson_at_the_end(site):
    tree, person, _ = enrolled(modules=1, lessons_per_module=3)
    services.complete_lesson(learner=person, lesson=tree.lessons[2])
    outline = course_outline(learner=person, course=tree.course)
    assert outline.next_item.page.pk == tree.lessons[0].pk


def _unsaved_child(page_class, parent, **fields):
    """A page as Wagtail previews it while it is being created: unsaved, placed below `parent`."""
    page = page_class(title="En cours de création", locale=parent.locale, **fields)
    page.depth = parent.depth + 1
    last = parent.get_last_child()
    page.path = last._inc_path() if last else page._get_path(parent.path, page.depth, 1)
    return page


def test_a_course_not_saved_yet_gets_an_outline_for_its_preview(site):
    person = learner()
    course = _unsaved_child(CoursePage, ensure_catalogue()["fr"], duration_hours=3)
    outline = course_outline(learner=person, course=course)
    assert outline.enrolment is None and outline.modules == []


def test_a_lesson_not_saved_yet_gets_its_view_for_its_preview(site):
    tree = build_course(modules=1, lessons_per_module=1)
    person = learner()
    services.enrol(learner=person, course=tree.course)
    lesson = _unsaved_child(LessonPage, tree.modules[0], body=[])
    view = lesson_view(learner=person, lesson=lesson)
    assert view.course.pk == tree.course.pk and not view.completed


def test_my_learning_shows_the_course_and_the_item_to_continue_in_the_active_language(site):
    translated, person, _ = enrolled(modules=1, lessons_per_module=3, arabic=True)
    french_only = build_course(modules=1, lessons_per_module=1)
    services.enrol(learner=person, course=french_only.course)
    services.complete_lesson(learner=person, lesson=translated.lessons[0])

    with translation.override("ar"):
        entries = {entry.course.pk: entry for entry in my_learning(learner=person)}

    arabic = entries[translated.course_ar.pk]
    assert arabic.next_item.page.pk == translated.lessons_ar[1].pk
    assert arabic.next_item.canonical_id == translated.lessons[1].pk
    assert arabic.progress.done == 1
    untranslated = entries[french_only.course.pk]
    assert untranslated.next_item.page.pk == french_only.lessons[0].pk


def test_the_catalogue_is_read_from_the_page_cache_until_a_theme_or_a_course_changes(
    site, django_assert_num_queries
):
    strategies = Theme.objects.create(
        locale=Locale.objects.get(language_code="fr"), name="Stratégies", slug="strategies"
    )
    tree = build_course(modules=0, title="SNIA et SNMRE")
    tree.course.themes.set([strategies])
    tree.course.save_revision().publish()
    catalog = site["fr"]

    first = catalogue(catalog=catalog, theme_slug="strategies")
    with django_assert_num_queries(0):
        again = catalogue(catalog=catalog, theme_slug="strategies")
    assert [card.page.title for card in again.courses] == ["SNIA et SNMRE"]
    assert [theme.name for theme in first.themes] == ["Stratégies"]

    strategies.name = "Stratégies nationales"
    strategies.save()
    assert [theme.name for theme in catalogue(catalog=catalog).themes] == ["Stratégies nationales"]


def test_a_catalogue_filtered_by_an_unknown_theme_is_not_kept(site, django_assert_num_queries):
    build_course(modules=0, title="SNIA et SNMRE")
    catalogue(catalog=site["fr"], theme_slug="nowhere")

    with django_assert_num_queries(3):
        listing = catalogue(catalog=site["fr"], theme_slug="nowhere")
    assert listing.courses == []


# What other apps ask of a course, as plain data (exported through courses/api.py).


def test_is_enrolled_is_true_while_the_enrolment_is_current(site):
    tree, person, _ = enrolled()
    assert is_enrolled(learner=person, course_id=tree.course.pk)
    assert not is_enrolled(learner=learner(), course_id=tree.course.pk)
    services.unenrol(learner=person, course=tree.course)
    assert not is_enrolled(learner=person, course_id=tree.course.pk)


def test_course_facts_give_both_titles_and_the_hours_in_one_query(site, django_assert_num_queries):
    tree = build_course(arabic=True)
    default_locale()  # read once per process and kept in the page cache
    with django_assert_num_queries(1):
        facts = course_facts(course_id=tree.course.pk)
    assert facts == CourseFacts(
        id=tree.course.pk,
        title_fr=tree.course.title,
        title_ar=tree.course_ar.title,
        hours=tree.course.duration_hours,
    )


def test_course_facts_of_an_untranslated_course_repeat_the_french_title(site):
    course = build_course().course
    facts = course_facts(course_id=course.pk)
    assert facts.title_ar == facts.title_fr == course.title


def test_course_facts_know_only_courses_of_the_default_locale(site):
    tree = build_course(arabic=True)
    assert course_facts(course_id=tree.course_ar.pk) is None
    assert course_facts(course_id=tree.lessons[0].pk) is None
    assert course_facts(course_id=0) is None


def test_a_cohorts_learners_are_those_whose_enrolment_is_current(site):
    tree = build_course(enrolment_policy="admin")
    cohort = Cohort.objects.create(course=tree.course, name="Rabat 2026")
    staying, leaving, elsewhere = learner(), learner(), learner()
    for person in (staying, leaving):
        services.enrol(learner=person, course=tree.course, cohort=cohort, by_administrator=True)
    services.enrol(learner=elsewhere, course=tree.course, by_administrator=True)
    services.unenrol(learner=leaving, course=tree.course)
    assert cohort_learner_ids(cohort_id=cohort.pk) == frozenset({staying.pk})
