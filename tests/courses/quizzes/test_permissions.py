"""Who may do what in quizzes (permissions.py): the question bank's policies per course."""

import pytest

from courses.quizzes.permissions import category_permission_policy, question_permission_policy
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
