"""What the quizzes app holds about a learner (personal_data.py): exported in full, and on
erasure free text goes while scores stay."""

import pytest

from courses.quizzes import personal_data, services
from courses.quizzes.models import Attempt, AttemptState, ManualGrade
from tests.factories import quizzes as quiz_factory
from tests.factories.users import learner, trainer

pytestmark = pytest.mark.django_db

ESSAY = "Je suis né à Oujda et je travaille à la commune."


@pytest.fixture
def graded(tree, person):
    """The learner's attempt at a quiz of a single-choice question and an essay, the essay
    graded by a trainer with a comment."""
    single = quiz_factory.question(course=tree.course, kind="single")
    essay = quiz_factory.question(course=tree.course, kind="essay", points=4)
    quiz = quiz_factory.quiz(module=tree.modules[0], questions=[single, essay], title="Bilan")
    attempt = services.start_attempt(learner=person, quiz=quiz)
    attempt = services.submit_attempt(
        attempt=attempt, answers={str(single.pk): "a", str(essay.pk): ESSAY}, version=0
    )
    attempt = services.grade_essay(
        attempt=attempt, question_key=str(essay.pk), points=3, comment="Vu à Oujda.", by=trainer()
    )
    return {"attempt": attempt, "single": str(single.pk), "essay": str(essay.pk)}


def test_the_export_holds_each_attempt_with_its_questions_answers_and_scores(graded, person):
    exported = personal_data.export_learner(person)

    [attempt] = exported["attempts"]
    assert attempt["quiz"] == "Bilan" and attempt["number"] == 1
    assert attempt["state"] == AttemptState.GRADED
    assert (attempt["points"], attempt["max_points"]) == (4.0, 5.0)
    answers = {entry["answer"]: entry for entry in attempt["answers"]}
    assert set(answers) == {"a", ESSAY}
    assert answers[ESSAY]["result"]["manual"]["comment"] == "Vu à Oujda."
    assert answers["a"]["question"].startswith("Question single")


def test_the_export_of_a_learner_without_attempts_is_empty(site):
    assert personal_data.export_learner(learner()) == {"attempts": []}


def test_anonymising_blanks_essays_and_comments_but_keeps_choices_and_scores(graded, person):
    personal_data.anonymise_learner(person)

    attempt = Attempt.objects.get(pk=graded["attempt"].pk)
    assert attempt.answers == {graded["single"]: "a", graded["essay"]: ""}
    assert attempt.results[graded["essay"]]["manual"]["comment"] == ""
    assert attempt.results[graded["essay"]]["points"] == 3
    assert (attempt.points, attempt.percent) == (graded["attempt"].points, 80.0)
    assert list(ManualGrade.objects.filter(attempt=attempt).values_list("comment", "points")) == [
        ("", 3.0)
    ]


def test_anonymising_one_learner_leaves_the_others_essays(graded, person, tree):
    other = learner()
    from courses import services as course_services

    course_services.enrol(learner=other, course=tree.course)
    quiz = graded["attempt"].quiz
    theirs = services.submit_attempt(
        attempt=services.start_attempt(learner=other, quiz=quiz),
        answers={graded["essay"]: "Mon texte."},
    )
    personal_data.anonymise_learner(person)
    theirs.refresh_from_db()
    assert theirs.answers[graded["essay"]] == "Mon texte."
