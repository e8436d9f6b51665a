"""Grading rules, without the database."""

import pytest
from django.utils import translation

from courses import grading
from courses.grading import AnswerError
from courses.quizzes import question_types


def clean_answer(*, kind, data, raw):
    return question_types.get(kind).clean(data, raw)


CHOICES = [
    {"id": "a", "text": "SNIA", "correct": True},
    {"id": "b", "text": "SNMRE", "correct": True},
    {"id": "c", "text": "PAC", "correct": False},
    {"id": "d", "text": "ONU", "correct": False},
]


def test_single_choice_gives_full_points_for_the_right_choice_only():
    choices = [{"id": "a", "correct": True}, {"id": "b", "correct": False}]
    assert grading.grade_single_choice(choices=choices, answer="a", points=2).points == 2
    assert grading.grade_single_choice(choices=choices, answer="b", points=2).points == 0
    assert grading.grade_single_choice(choices=choices, answer=None, points=2).points == 0


@pytest.mark.parametrize(
    ("selected", "expected"),
    [
        (["a", "b"], 4),
        (["a"], 2),
        (["a", "c"], 0),
        (["a", "b", "c"], 2),
        (["c", "d"], 0),
        (["a", "b", "c", "d"], 0),
        ([], 0),
    ],
)
def test_multiple_choice_partial_credit_adds_right_and_subtracts_wrong_with_floor_zero(
    selected, expected
):
    outcome = grading.grade_multiple_choice(choices=CHOICES, answer=selected, points=4)
    assert outcome.points == expected


def test_multiple_choice_partial_credit_is_marked_partially_correct():
    outcome = grading.grade_multiple_choice(choices=CHOICES, answer=["a"], points=4)
    assert outcome.partially_correct and not outcome.correct


def test_true_false():
    assert grading.grade_true_false(expected=False, answer=False, points=1).correct
    assert grading.grade_true_false(expected=False, answer=True, points=1).points == 0
    assert grading.grade_true_false(expected=True, answer=None, points=1).points == 0


@pytest.mark.parametrize(
    "answer",
    [
        "Programme d'action de la commune",
        "  programme   D'ACTION de la commune ",
        "برنامج عمل الجماعة",
        "بَرْنامَج عَمَل الجَماعَة",
        "برنامج عمل الجماعه",
    ],
)
def test_short_answer_ignores_case_spaces_and_arabic_variants(answer):
    accepted = ["Programme d'action de la commune", "برنامج عمل الجماعة"]
    assert grading.grade_short_answer(accepted=accepted, answer=answer, points=1).points == 1


def test_short_answer_folds_hamza_and_alef_forms():
    assert grading.grade_short_answer(accepted=["الإدماج"], answer="الادماج", points=1).correct
    assert grading.grade_short_answer(accepted=["مستشفى"], answer="مستشفي", points=1).correct


def test_short_answer_refuses_other_words_and_blank():
    assert grading.grade_short_answer(accepted=["SNIA"], answer="SNMRE", points=1).points == 0
    assert grading.grade_short_answer(accepted=["SNIA"], answer="   ", points=1).points == 0


def _short(data: dict, answer: str):
    return grading.grade_short_answer(
        accepted=data["accepted"], answer=answer, points=1, **grading.short_answer_options(data)
    )


def test_short_answer_typed_with_a_phones_apostrophe_gets_the_points():
    data = {"accepted": ["Programme d'action de la commune"]}
    assert _short(data, "Programme d’action de la commune").correct
    assert _short(data, "« Programme d’action de la commune »").correct


def test_short_answer_ignores_accents_unless_the_question_says_they_matter():
    assert _short({"accepted": ["intégration"]}, "integration").correct
    assert _short({"accepted": ["intégration"], "accents_matter": False}, "Integration").correct
    assert _short({"accepted": ["intégration"], "accents_matter": True}, "integration").points == 0
    assert _short({"accepted": ["intégration"], "accents_matter": True}, "Intégration").correct


def test_short_answer_sets_arabic_proclitics_aside_unless_the_question_forbids_it():
    assert _short({"accepted": ["المهاجرين"]}, "والمهاجرين").correct
    assert _short({"accepted": ["المهاجرين"], "allow_proclitics": True}, "للمهاجرين").correct
    assert _short({"accepted": ["المهاجرين"], "allow_proclitics": False}, "والمهاجرين").points == 0


def test_short_answer_refuses_an_arabic_word_that_only_looks_alike():
    assert _short({"accepted": ["مهاجر"]}, "مهارة").points == 0
    assert _short({"accepted": ["الجماعة"]}, "الجامعة").points == 0


def test_short_answer_options_default_to_accents_ignored_and_proclitics_allowed():
    assert grading.short_answer_options({}) == {"accents_matter": False, "allow_proclitics": True}


def test_the_accepted_answer_an_answer_says_is_found():
    accepted = ["Programme d'action de la commune", "برنامج عمل الجماعة"]
    found = grading.matching_accepted_answer(accepted=accepted, answer="وبرنامج عمل الجماعه")
    assert found == "برنامج عمل الجماعة"
    assert grading.matching_accepted_answer(accepted=accepted, answer="PAC") is None


def test_numeric_accepts_answers_within_tolerance_only():
    assert grading.grade_numeric(value=2014, tolerance=0, answer=2014.0, points=1).correct
    assert not grading.grade_numeric(value=2014, tolerance=0, answer=2013.0, points=1).correct
    assert grading.grade_numeric(value=12.5, tolerance=0.5, answer=13.0, points=1).correct
    assert not grading.grade_numeric(value=12.5, tolerance=0.5, answer=13.01, points=1).correct
    assert grading.grade_numeric(value=1, tolerance=0, answer=None, points=1).points == 0


def test_matching_gives_points_per_correct_pair():
    pairs = [{"id": "1"}, {"id": "2"}, {"id": "3"}, {"id": "4"}]
    outcome = grading.grade_matching(
        pairs=pairs, answer={"1": "1", "2": "3", "3": "2", "4": "4"}, points=4
    )
    assert outcome.points == 2
    assert grading.grade_matching(pairs=pairs, answer=None, points=4).points == 0


def test_ordering_gives_points_per_item_in_its_right_position():
    items = [{"id": "x"}, {"id": "y"}, {"id": "z"}]
    assert (
        grading.grade_ordering(items=items, answer={"x": 1, "y": 2, "z": 3}, points=3).points == 3
    )
    assert (
        grading.grade_ordering(items=items, answer={"x": 1, "y": 3, "z": 2}, points=3).points == 1
    )
    assert (
        grading.grade_ordering(items=items, answer={"x": 3, "y": 1, "z": 2}, points=3).points == 0
    )


def test_essay_needs_manual_grading_unless_empty():
    outcome = grading.grade_essay(answer="Une réponse argumentée.", points=5)
    assert outcome.needs_manual and outcome.correct is None
    assert not grading.grade_essay(answer="  ", points=5).needs_manual


@pytest.mark.parametrize(
    ("method", "expected"),
    [(grading.HIGHEST, 80.0), (grading.LAST, 60.0), (grading.AVERAGE, 66.67)],
)
def test_aggregate_over_attempts(method, expected):
    assert grading.aggregate(percents=[60.0, 80.0, 60.0], method=method) == expected


def test_aggregate_without_finalised_attempt_is_none_and_not_passed():
    assert grading.aggregate(percents=[], method=grading.HIGHEST) is None
    assert not grading.passed(grade=None, pass_mark=0)
    assert grading.passed(grade=50.0, pass_mark=50)
    assert not grading.passed(grade=49.99, pass_mark=50)


# --- cleaning what learners send -----------------------------------------------------------


def test_clean_answer_accepts_form_values_of_each_kind():
    assert clean_answer(kind=grading.SINGLE, data={"choices": CHOICES}, raw="b") == "b"
    assert clean_answer(kind=grading.MULTIPLE, data={"choices": CHOICES}, raw=["b", "a", "a"]) == [
        "a",
        "b",
    ]
    assert clean_answer(kind=grading.TRUE_FALSE, data={}, raw="false") is False
    assert clean_answer(kind=grading.NUMERIC, data={}, raw=" 12,5 ") == 12.5
    assert clean_answer(kind=grading.SHORT, data={}, raw="  PAC ") == "PAC"
    pairs = {"pairs": [{"id": "1"}, {"id": "2"}]}
    assert clean_answer(kind=grading.MATCHING, data=pairs, raw={"1": "2", "2": ""}) == {"1": "2"}
    items = {"items": [{"id": "x"}, {"id": "y"}]}
    assert clean_answer(kind=grading.ORDERING, data=items, raw={"x": "2", "y": "1"}) == {
        "x": 2,
        "y": 1,
    }
    assert clean_answer(kind=grading.SINGLE, data={"choices": CHOICES}, raw="") is None


@pytest.mark.parametrize(
    ("kind", "data", "raw"),
    [
        (grading.SINGLE, {"choices": CHOICES}, "z"),
        (grading.SINGLE, {"choices": CHOICES}, {"a": 1}),
        (grading.MULTIPLE, {"choices": CHOICES}, ["a", "zz"]),
        (grading.TRUE_FALSE, {}, "maybe"),
        (grading.NUMERIC, {}, "douze"),
        (grading.NUMERIC, {}, "nan"),
        (grading.NUMERIC, {}, "inf"),
        (grading.NUMERIC, {}, True),
        (grading.SHORT, {}, ["a"]),
        (grading.ESSAY, {}, "x" * (grading.MAX_TEXT_ANSWER + 1)),
        (grading.MATCHING, {"pairs": [{"id": "1"}]}, {"1": "9"}),
        (grading.MATCHING, {"pairs": [{"id": "1"}]}, "1"),
        (grading.ORDERING, {"items": [{"id": "x"}, {"id": "y"}]}, {"x": "1", "y": "1"}),
        (grading.ORDERING, {"items": [{"id": "x"}, {"id": "y"}]}, {"x": "3"}),
        (grading.ORDERING, {"items": [{"id": "x"}, {"id": "y"}]}, {"x": "un"}),
    ],
)
def test_clean_answer_refuses_malformed_values_with_a_message(kind, data, raw):
    with pytest.raises(AnswerError) as refused:
        clean_answer(kind=kind, data=data, raw=raw)
    assert str(refused.value.message)


def test_item_statistics():
    assert grading.facility([1.0, 0.5, 0.0]) == 50.0
    assert grading.discrimination([1.0, 0.0, 1.0], [90.0, 20.0, 80.0]) > 0.9
    assert grading.discrimination([1.0], [90.0]) is None


@pytest.mark.parametrize(
    ("grade", "arguments", "arabic"),
    [
        (grading.grade_multiple_choice, {"choices": [{"id": "a", "correct": False}]}, "اختيار"),
        (grading.grade_matching, {"pairs": []}, "أزواج"),
        (grading.grade_ordering, {"items": []}, "عناصر"),
    ],
)
def test_question_data_that_cannot_be_graded_is_refused_in_the_readers_language(
    grade, arguments, arabic
):
    with pytest.raises(grading.QuestionDataError) as raised:
        grade(answer=None, points=1, **arguments)
    with translation.override("ar"):
        assert arabic in str(raised.value)
