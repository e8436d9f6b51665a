"""The reads that feed the quiz pages (queries.py): the quiz overview, the attempt form, the
review and the trainers' results, computed so that templates decide nothing."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone, translation
from wagtail.models import PageViewRestriction

from courses import services as course_services
from courses.quizzes import queries, services
from courses.quizzes.models import GradingMethod, QuizPage, ReviewTiming
from tests.factories import quizzes as quiz_factory
from tests.factories.users import learner, trainer

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def one_question_quiz(tree, kind="single", **fields):
    question = quiz_factory.question(course=tree.course, kind=kind, **fields.pop("question", {}))
    return quiz_factory.quiz(module=tree.modules[0], questions=[question], **fields)


def answered(person, quiz, answer):
    attempt = services.start_attempt(learner=person, quiz=quiz)
    return services.submit_attempt(attempt=attempt, answers={attempt.snapshot[0]["key"]: answer})


# --- the quiz a start names ----------------------------------------------------------------


def test_live_quiz_is_the_published_unrestricted_quiz_and_follows_each_change(tree):
    quiz = one_question_quiz(tree)
    assert queries.live_quiz(quiz.pk).pk == quiz.pk
    assert queries.live_quiz(quiz.pk + 1000) is None

    PageViewRestriction.objects.create(page=quiz, restriction_type=PageViewRestriction.LOGIN)
    assert queries.live_quiz(quiz.pk) is None

    PageViewRestriction.objects.filter(page=quiz).delete()
    assert queries.live_quiz(quiz.pk).pk == quiz.pk
    quiz.unpublish()
    assert queries.live_quiz(quiz.pk) is None


# --- when review options apply ---------------------------------------------------------------


def test_each_review_timing_applies_when_its_moment_has_come():
    open_quiz = QuizPage(title="Quiz", closes_at=NOW + timedelta(days=1))
    closed_quiz = QuizPage(title="Quiz", closes_at=NOW - timedelta(days=1))

    def visible(timing, quiz=open_quiz, over=False):
        return queries.visible(timing, quiz=quiz, attempts_over=over, now=NOW)

    assert visible(ReviewTiming.AFTER_ATTEMPT)
    assert not visible(ReviewTiming.AFTER_LAST_ATTEMPT) and visible(
        ReviewTiming.AFTER_LAST_ATTEMPT, over=True
    )
    assert not visible(ReviewTiming.AFTER_CLOSE, over=True)
    assert visible(ReviewTiming.AFTER_CLOSE, quiz=closed_quiz)
    assert not visible(ReviewTiming.NEVER, quiz=closed_quiz, over=True)


# --- the quiz page ---------------------------------------------------------------------------


def test_a_visitor_gets_an_overview_without_attempts_nor_a_decision(tree):
    quiz = one_question_quiz(tree, random_count=0)
    overview = queries.quiz_overview(learner=AnonymousUser(), quiz=quiz)
    assert not overview.enrolled and overview.attempts == [] and overview.decision is None
    assert overview.attempts_left == 3 and overview.question_count == 1
    assert not overview.can_manage and overview.grade is None and not overview.passed


def test_a_learner_sees_their_attempts_grade_and_whether_they_may_start_again(tree, person):
    quiz = one_question_quiz(tree, attempts_allowed=2, pass_mark=50)
    answered(person, quiz, "b")
    answered(person, quiz, "a")
    overview = queries.quiz_overview(learner=person, quiz=quiz)
    assert overview.enrolled and overview.in_progress is None
    assert [row.attempt.percent for row in overview.attempts] == [0.0, 100.0]
    assert all(row.show_score for row in overview.attempts)
    assert overview.grade == 100.0 and overview.passed and overview.show_grade
    assert overview.attempts_left == 0
    assert not overview.decision.ok and overview.decision.code == "no_attempts_left"


def test_an_attempt_in_progress_is_shown_without_its_score_and_asks_no_decision(tree, person):
    quiz = one_question_quiz(tree)
    attempt = services.start_attempt(learner=person, quiz=quiz)
    overview = queries.quiz_overview(learner=person, quiz=quiz)
    assert overview.in_progress.pk == attempt.pk and overview.decision is None
    assert [row.show_score for row in overview.attempts] == [False]
    assert not overview.show_grade


def test_the_course_trainer_may_manage_the_quiz_from_its_overview(tree):
    own = trainer()
    tree.course.trainers.add(own)
    tree.course.save()
    quiz = one_question_quiz(tree)
    assert queries.quiz_overview(learner=own, quiz=quiz).can_manage
    assert not queries.quiz_overview(learner=trainer(), quiz=quiz).can_manage


# --- the attempt form ------------------------------------------------------------------------


def test_the_attempt_form_shows_what_was_just_posted_over_what_was_saved(tree, person):
    questions = [quiz_factory.question(course=tree.course, kind=k) for k in ("single", "numeric")]
    quiz = quiz_factory.quiz(module=tree.modules[0], questions=questions)
    attempt = services.start_attempt(learner=person, quiz=quiz)
    single, numeric = (q["key"] for q in attempt.snapshot)
    attempt = services.save_answers(
        attempt=attempt, answers={single: "b", numeric: "12"}, version=0
    )
    page = queries.attempt_page(
        attempt=attempt, quiz=quiz, posted={numeric: "douze"}, errors={numeric: "Un nombre."}
    )
    first, second = page.questions
    assert (first.number, first.field_name, second.number) == (1, f"q-{single}", 2)
    assert [(o.value, o.selected) for o in first.options] == [("a", False), ("b", True)]
    assert second.value == "douze" and second.error == "Un nombre." and first.error == ""


def test_the_preview_of_a_question_is_in_the_active_language_and_unanswered(tree):
    question = quiz_factory.question(course=tree.course, kind="single", text_ar="سؤال التجربة")
    with translation.override("ar"):
        shown = queries.question_preview(question=question)
    assert str(shown.text) == "سؤال التجربة" and shown.key == "preview-ar"
    assert [o.selected for o in shown.options] == [False, False]


# --- review ----------------------------------------------------------------------------------


def test_the_review_says_which_answers_are_right_partial_wrong_or_waiting(tree, person):
    kinds = ("single", "multiple", "true_false", "essay")
    questions = [quiz_factory.question(course=tree.course, kind=k, points=2) for k in kinds]
    quiz = quiz_factory.quiz(
        module=tree.modules[0],
        questions=questions,
        attempts_allowed=1,
        review_answers=ReviewTiming.AFTER_ATTEMPT,
    )
    attempt = services.start_attempt(learner=person, quiz=quiz)
    key = {q["kind"]: q["key"] for q in attempt.snapshot}
    attempt = services.submit_attempt(
        attempt=attempt,
        answers={key["single"]: "a", key["multiple"]: ["a"], key["essay"]: "Mon texte."},
    )
    with translation.override("fr"):
        found = queries.review(attempt=attempt, quiz=quiz)
    assert found.show_score and found.show_answers and found.show_feedback
    assert [q.status for q in found.questions] == ["right", "partial", "wrong", "waiting"]
    assert [q.points for q in found.questions] == [2.0, 1.0, 0.0, None]
    assert found.questions[2].answer == "Aucune réponse"
    assert found.questions[0].right_answer


def test_feedback_follows_the_answer_and_the_timing_chosen(tree, person):
    quiz = one_question_quiz(
        tree,
        question={
            "feedback_right": "Bravo.",
            "feedback_wrong": "Revoyez.",
            "general_feedback": "À retenir.",
        },
        attempts_allowed=0,
        review_feedback=ReviewTiming.AFTER_ATTEMPT,
    )
    right, wrong = answered(person, quiz, "a"), answered(person, quiz, "b")
    shown = [queries.review(attempt=a, quiz=quiz).questions[0] for a in (right, wrong)]
    assert [(q.feedback, q.general_feedback) for q in shown] == [
        ("Bravo.", "À retenir."),
        ("Revoyez.", "À retenir."),
    ]
    assert not any(q.right_answer for q in shown)  # attempts are unlimited
    QuizPage.objects.filter(pk=quiz.pk).update(review_feedback=ReviewTiming.NEVER)
    right.refresh_from_db()
    hidden = queries.review(attempt=right, quiz=quiz).questions[0]
    assert (hidden.feedback, hidden.general_feedback) == ("", "")


# --- trainers --------------------------------------------------------------------------------


def test_the_results_give_each_learner_their_grade_by_the_quizs_method(tree):
    quiz = one_question_quiz(tree, attempts_allowed=0, grading_method=GradingMethod.LAST)
    people = {}
    for name, answers in (("Zineb", ["a", "b"]), ("Adil", ["b", "a"])):
        people[name] = learner(full_name_latin=name)
        course_services.enrol(learner=people[name], course=tree.course)
        for answer in answers:
            answered(people[name], quiz, answer)
    results = queries.quiz_results(quiz=quiz)
    assert [(r.learner.full_name_latin, r.grade, r.passed) for r in results.learners] == [
        ("Adil", 100.0, True),
        ("Zineb", 0.0, False),
    ]
    [item] = results.items
    assert item.answered == 4 and item.facility == 50.0
    assert results.waiting == []


def test_essays_waiting_are_listed_for_grading_with_the_trainers_grade_once_given(tree, person):
    questions = [
        quiz_factory.question(course=tree.course, kind="single"),
        quiz_factory.question(course=tree.course, kind="essay", points=4),
    ]
    quiz = quiz_factory.quiz(module=tree.modules[0], questions=questions)
    attempt = services.start_attempt(learner=person, quiz=quiz)
    essay_key = attempt.snapshot[1]["key"]
    attempt = services.submit_attempt(attempt=attempt, answers={essay_key: "Mon analyse."})
    assert [a.pk for a in queries.quiz_results(quiz=quiz).waiting] == [attempt.pk]
    [essay] = queries.essays_to_grade(attempt=attempt)
    assert (essay.key, essay.number, essay.answer, essay.max_points) == (
        essay_key,
        2,
        "Mon analyse.",
        4.0,
    )
    assert essay.points is None and essay.comment == ""
    attempt = services.grade_essay(
        attempt=attempt, question_key=essay_key, points=3, comment="Clair.", by=trainer()
    )
    [essay] = queries.essays_to_grade(attempt=attempt)
    assert (essay.points, essay.comment) == (3.0, "Clair.")
    assert queries.quiz_results(quiz=quiz).waiting == []


def test_a_quiz_not_saved_yet_gets_an_overview_for_its_preview(tree, person):
    """Wagtail previews a page being created as an unsaved instance placed below its parent."""
    module = tree.modules[0]
    quiz = QuizPage(title="Évaluation en cours de création", locale=module.locale)
    quiz.depth = module.depth + 1
    quiz.path = (
        module.get_last_child()._inc_path()
        if module.get_children_count()
        else (quiz._get_path(module.path, quiz.depth, 1))
    )
    overview = queries.quiz_overview(learner=person, quiz=quiz)
    assert overview.attempts == []
