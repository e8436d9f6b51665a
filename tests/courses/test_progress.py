import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses import services
from courses.errors import EnrolmentError
from courses.models import Enrolment, EnrolmentStatus, LessonCompletion
from courses.queries import course_outline, progress_of
from courses.signals import course_completed
from tests.factories.courses import build_course
from tests.factories.users import PASSWORD, learner

pytestmark = pytest.mark.django_db


@pytest.fixture
def completions():
    """The enrolments for which `course_completed` was received."""
    received = []

    def receiver(sender, enrolment, **kwargs):
        received.append(enrolment.pk)

    course_completed.connect(receiver, dispatch_uid="test-progress-receiver")
    yield received
    course_completed.disconnect(dispatch_uid="test-progress-receiver")


def enrolled(**course_options):
    tree = build_course(**course_options)
    person = learner()
    enrolment = services.enrol(learner=person, course=tree.course)
    return tree, person, enrolment


def test_completing_a_lesson_twice_keeps_one_completion(site):
    tree, person, _ = enrolled(modules=1, lessons_per_module=2)
    first = services.complete_lesson(learner=person, lesson=tree.lessons[0])
    second = services.complete_lesson(learner=person, lesson=tree.lessons[0])
    assert first.pk == second.pk
    assert LessonCompletion.objects.filter(learner=person).count() == 1


def test_a_learner_who_is_not_enrolled_cannot_complete_a_lesson(site):
    tree = build_course(modules=1, lessons_per_module=1)
    person = learner()
    with pytest.raises(EnrolmentError) as error:
        services.complete_lesson(learner=person, lesson=tree.lessons[0])
    assert error.value.code == EnrolmentError.NOT_ENROLLED
    assert not LessonCompletion.objects.filter(learner=person).exists()


def test_a_withdrawn_learner_cannot_complete_a_lesson(site):
    tree, person, _ = enrolled(modules=1, lessons_per_module=1)
    services.unenrol(learner=person, course=tree.course)
    with pytest.raises(EnrolmentError):
        services.complete_lesson(learner=person, lesson=tree.lessons[0])


def test_progress_is_the_percentage_of_required_lessons_done(site):
    tree, person, _ = enrolled(modules=2, lessons_per_module=2)
    assert progress_of(learner=person, course=tree.course).percent == 0
    services.complete_lesson(learner=person, lesson=tree.lessons[0])
    assert progress_of(learner=person, course=tree.course).percent == 25
    services.complete_lesson(learner=person, lesson=tree.lessons[3])
    progress = progress_of(learner=person, course=tree.course)
    assert (progress.done, progress.required, progress.percent) == (2, 4, 50)


def test_optional_lessons_do_not_count(site):
    tree, person, enrolment = enrolled(modules=1, lessons_per_module=3, optional_lessons=1)
    optional, *required = tree.lessons
    assert not optional.required
    services.complete_lesson(learner=person, lesson=optional)
    progress = progress_of(learner=person, course=tree.course)
    assert (progress.done, progress.required) == (0, 2)
    for lesson in required:
        services.complete_lesson(learner=person, lesson=lesson)
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.COMPLETED


def test_course_is_complete_without_its_optional_lessons(site):
    tree, person, enrolment = enrolled(modules=1, lessons_per_module=2, optional_lessons=1)
    services.complete_lesson(learner=person, lesson=tree.lessons[1])
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.COMPLETED
    assert progress_of(learner=person, course=tree.course).percent == 100


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


def test_course_page_links_to_the_next_lesson(client, site):
    tree, person, _ = enrolled(modules=1, lessons_per_module=2)
    services.complete_lesson(learner=person, lesson=tree.lessons[0])
    client.login(email=person.email, password=PASSWORD)
    html = client.get(tree.course.url).text
    assert re.search(rf'class="button" href="{re.escape(tree.lessons[1].url)}"', html)


def test_completing_the_arabic_translation_counts_for_the_course(site):
    tree, person, _ = enrolled(modules=1, lessons_per_module=2, arabic=True)
    completion = services.complete_lesson(learner=person, lesson=tree.lessons_ar[0])
    assert completion.lesson_id == tree.lessons[0].pk
    assert progress_of(learner=person, course=tree.course).done == 1
    assert progress_of(learner=person, course=tree.course_ar).done == 1
    outline = course_outline(learner=person, course=tree.course_ar)
    states = [item for module in outline.modules for item in module.items]
    assert [s.completed for s in states] == [True, False]
    assert states[0].page.pk == tree.lessons_ar[0].pk


def test_course_completed_is_sent_once_after_commit(
    site, completions, django_capture_on_commit_callbacks
):
    tree, person, enrolment = enrolled(modules=1, lessons_per_module=2)
    with django_capture_on_commit_callbacks(execute=False) as pending:
        services.complete_lesson(learner=person, lesson=tree.lessons[0])
        services.complete_lesson(learner=person, lesson=tree.lessons[1])
    assert completions == []
    assert len(pending) == 1
    pending[0]()
    assert completions == [enrolment.pk]


def test_course_completed_is_not_sent_again_on_recompletion(
    site, completions, django_capture_on_commit_callbacks
):
    tree, person, enrolment = enrolled(modules=1, lessons_per_module=1)
    with django_capture_on_commit_callbacks(execute=True):
        services.complete_lesson(learner=person, lesson=tree.lessons[0])
    with django_capture_on_commit_callbacks(execute=True):
        services.complete_lesson(learner=person, lesson=tree.lessons[0])
        services.unenrol(learner=person, course=tree.course)
        services.enrol(learner=person, course=tree.course)  # (the re-enrolment is e-mailed)
        services.complete_lesson(learner=person, lesson=tree.lessons[0])
    assert completions == [enrolment.pk]
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.COMPLETED
    assert enrolment.completed_at is not None


def test_course_completed_is_not_sent_when_the_transaction_rolls_back(
    site, completions, django_capture_on_commit_callbacks
):
    from django.db import transaction

    tree, person, enrolment = enrolled(modules=1, lessons_per_module=1)
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            services.complete_lesson(learner=person, lesson=tree.lessons[0])
            raise RuntimeError
    assert completions == []
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.ACTIVE


def test_complete_lesson_view_records_completion_and_goes_to_the_next_lesson(client, site):
    tree, person, _ = enrolled(modules=1, lessons_per_module=2)
    client.login(email=person.email, password=PASSWORD)
    response = client.post(f"/fr/lessons/{tree.lessons[0].pk}/complete/")
    assert response.status_code == 302
    assert response["Location"] == tree.lessons[1].url
    assert LessonCompletion.objects.filter(learner=person, lesson=tree.lessons[0]).exists()


def _progress_values(html: str) -> list[str]:
    return re.findall(r'<progress[^>]*value="(\d+)"', html)


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_dashboard_shows_a_progress_bar_per_enrolment(client, site, language):
    half, person, _ = enrolled(modules=1, lessons_per_module=2, arabic=True)
    services.complete_lesson(learner=person, lesson=half.lessons[0])
    untouched = build_course(modules=1, lessons_per_module=1)
    services.enrol(learner=person, course=untouched.course)
    client.login(email=person.email, password=PASSWORD)
    response = client.get(f"/{language}/dashboard/")
    assert response.status_code == 200
    html = response.text
    assert sorted(_progress_values(html)) == ["0", "50"]
    if language == "ar":
        assert half.course_ar.title in html
        assert 'dir="rtl"' in html
    else:
        assert half.course.title in html


def test_dashboard_requires_sign_in(client, site):
    response = client.get("/fr/dashboard/")
    assert response.status_code == 302
    assert response["Location"].startswith("/fr/accounts/login/")


# --- progress_for: many learners, many courses ---------------------------------------


def _passed_quiz(person, quiz_page, percent: float) -> None:
    from courses.quizzes.models import Attempt, AttemptState

    Attempt.objects.create(
        learner=person, quiz=quiz_page, number=1, state=AttemptState.GRADED, percent=percent
    )


def _two_courses():
    from tests.factories.quizzes import quiz

    first = build_course(modules=1, lessons_per_module=3, optional_lessons=1)
    first_quiz = quiz(module=first.modules[0], required=True)
    second = build_course(modules=2, lessons_per_module=1)
    return first, first_quiz, second


def test_progress_for_counts_required_lessons_and_quizzes_of_each_learner_in_each_course(site):
    from courses.progress import progress_for

    first, first_quiz, second = _two_courses()
    optional, required_a, required_b = first.lessons
    ana, bilal, chama = learner(), learner(), learner()
    for person in (ana, bilal, chama):
        services.enrol(learner=person, course=first.course)
        services.enrol(learner=person, course=second.course)
    services.complete_lesson(learner=ana, lesson=optional)  # optional: does not count
    services.complete_lesson(learner=ana, lesson=required_a)
    _passed_quiz(ana, first_quiz, 80)
    _passed_quiz(bilal, first_quiz, 20)  # below the pass mark: not done
    services.complete_lesson(learner=chama, lesson=second.lessons[0])
    services.complete_lesson(learner=chama, lesson=second.lessons[1])
    services.complete_lesson(learner=chama, lesson=required_b)

    progress = progress_for(learners=[ana, bilal, chama], courses=[first.course, second.course])

    def figures(person, tree):
        found = progress[(person.pk, tree.course.pk)]
        return found.done, found.required

    assert figures(ana, first) == (2, 3)  # two required lessons and the quiz
    assert figures(bilal, first) == (0, 3)
    assert figures(chama, first) == (1, 3)
    assert figures(ana, second) == (0, 2)
    assert progress[(chama.pk, second.course.pk)].complete
    assert len(progress) == 6


def test_progress_for_enrolments_gives_the_progress_of_each_enrolment(site):
    from courses.progress import progress_for

    first, _quiz, second = _two_courses()
    person, other = learner(), learner()
    one = services.enrol(learner=person, course=first.course)
    two = services.enrol(learner=other, course=second.course)
    services.complete_lesson(learner=other, lesson=second.lessons[0])
    progress = progress_for(enrolments=Enrolment.objects.filter(pk__in=[one.pk, two.pk]))
    assert set(progress) == {(person.pk, first.course.pk), (other.pk, second.course.pk)}
    assert progress[(other.pk, second.course.pk)].percent == 50
    assert progress[(person.pk, first.course.pk)].percent == 0


def _queries_of_progress_for(learners, courses) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from courses.progress import progress_for

    cache.clear()  # counted as the first reader after a publish: the page cache is empty
    with CaptureQueriesContext(connection) as captured:
        progress_for(learners=learners, courses=courses)
    return len(captured)


def test_progress_for_runs_the_same_queries_for_more_learners_courses_and_lessons(site):
    from tests.factories.quizzes import quiz

    small = build_course(modules=1, lessons_per_module=1)
    quiz(module=small.modules[0])
    few = [learner() for _ in range(2)]
    for person in few:
        services.enrol(learner=person, course=small.course)
    services.complete_lesson(learner=few[0], lesson=small.lessons[0])
    baseline = _queries_of_progress_for(few, [small.course])

    big = [build_course(modules=3, lessons_per_module=4) for _ in range(3)]
    for tree in big:
        quiz(module=tree.modules[-1])
    many = [learner() for _ in range(12)]
    for person in many:
        services.enrol(learner=person, course=big[0].course)
        services.complete_lesson(learner=person, lesson=big[0].lessons[0])
    assert _queries_of_progress_for(many, [small.course] + [t.course for t in big]) == baseline


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
