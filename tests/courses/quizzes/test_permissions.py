"""Who may do what in quizzes (permissions.py): the question bank's policies per course, the
courses a trainer files questions under, and who sees results and grades."""

import pytest
from django.contrib.auth.models import AnonymousUser

from courses.quizzes.permissions import (
    bank_courses,
    can_manage,
    category_permission_policy,
    question_permission_policy,
)
from tests.factories import quizzes as quiz_factory
from tests.factories.users import administrator, learner

pytestmark = pytest.mark.django_db


def test_the_policy_decides_per_object_and_names_who_may_act(bank):
    own, question = bank["own"], bank["their_question"]
    policy = question_permission_policy
    assert policy.user_has_permission(own, "change")
    assert not policy.user_has_permission_for_instance(own, "change", question)
    assert policy.user_has_permission_for_instance(own, "delete", bank["my_question"])
    assert not category_permission_policy.user_has_any_permission_for_instance(
        own, ["change", "delete"], bank["their_category"]
    )
    assert list(policy.instances_user_has_any_permission_for(own, ["change"])) == [
        bank["my_question"]
    ]
    teacher = bank["theirs"].course.trainers.get()
    admin = administrator()
    may = set(policy.users_with_any_permission_for_instance(["change"], question))
    assert teacher in may and admin in may and own not in may
    assert not policy.user_has_permission(learner(), "view")


def test_an_object_out_of_scope_or_a_malformed_id_is_none_for_the_trainer(bank):
    own, policy = bank["own"], question_permission_policy
    assert policy.in_scope_or_none(own, bank["my_question"].pk) == bank["my_question"]
    assert policy.in_scope_or_none(own, bank["their_question"].pk) is None
    assert policy.in_scope_or_none(own, "abc") is None
    assert policy.in_scope_or_none(administrator(), bank["their_question"].pk) is not None


def test_trainers_file_questions_only_under_the_courses_they_teach(bank):
    assert list(bank_courses(bank["own"])) == [bank["mine"].course]
    every = set(bank_courses(administrator()))
    assert {bank["mine"].course, bank["theirs"].course} <= every


def test_results_and_grading_are_for_the_course_trainers_and_administrators(bank):
    quiz = quiz_factory.quiz(module=bank["mine"].modules[0], questions=[bank["my_question"]])
    assert can_manage(bank["own"], quiz) and can_manage(administrator(), quiz)
    other_trainer = bank["theirs"].course.trainers.get()
    assert not can_manage(other_trainer, quiz)
    assert not can_manage(learner(), quiz) and not can_manage(AnonymousUser(), quiz)
