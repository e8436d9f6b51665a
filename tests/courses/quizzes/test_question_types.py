"""The registry of question types (question_types/__init__.py): each kind is graded and checked
by the type registered for it, offered to trainers in order."""

import pytest
from django.utils import translation

from courses import grading
from courses.quizzes import question_types
from courses.quizzes.question_types.base import QuestionType

CHOICES = [
    {"id": "a", "text": "SNIA", "correct": True},
    {"id": "b", "text": "SNMRE", "correct": True},
    {"id": "c", "text": "PAC", "correct": False},
    {"id": "d", "text": "ONU", "correct": False},
]


def test_each_kind_is_graded_by_its_registered_type():
    outcome = question_types.get(grading.NUMERIC).grade({"value": 10, "tolerance": 1}, 9.5, 2)
    assert outcome.points == 2
    assert question_types.get(grading.SHORT).grade({"accepted": ["Oujda"]}, "oujda", 1).correct
    with pytest.raises(question_types.UnknownQuestionType):
        question_types.get("dance")


def test_the_registry_offers_the_eight_types_in_order():
    assert [t.kind for t in question_types.all_types()] == [
        grading.SINGLE,
        grading.MULTIPLE,
        grading.TRUE_FALSE,
        grading.SHORT,
        grading.NUMERIC,
        grading.MATCHING,
        grading.ORDERING,
        grading.ESSAY,
    ]


def test_question_data_check_reports_ungradable_questions():
    def problems(kind, data):
        return question_types.get(kind).problems(data)

    assert problems(grading.SINGLE, {"choices": CHOICES})
    assert not problems(grading.MULTIPLE, {"choices": CHOICES})
    assert problems(grading.NUMERIC, {"value": "x"})
    assert problems(grading.MATCHING, {"pairs": [{"id": "1"}, {"id": "1"}]})
    assert not problems(grading.ESSAY, {})


def test_a_second_type_under_a_kind_already_taken_is_refused(monkeypatch):
    question_types.all_types()  # every module registered
    monkeypatch.setattr(question_types, "_TYPES", dict(question_types._TYPES))

    class Impostor(QuestionType):
        kind = grading.SINGLE

    with pytest.raises(ValueError):
        question_types.register(Impostor())
    again = type(question_types.get(grading.SINGLE))()  # its own module loaded twice
    assert question_types.register(again) is again
    assert question_types.get(grading.SINGLE) is again


def test_the_kinds_offered_to_trainers_are_labelled_in_their_language():
    with translation.override("fr"):
        offered = {kind: str(label) for kind, label in question_types.choices()}
    assert list(offered) == [t.kind for t in question_types.all_types()]
    assert offered[grading.TRUE_FALSE] == "Vrai ou faux"
