"""One vocabulary for who may do what with content (content/permissions.py)."""

import importlib.util

import pytest

from content import permissions
from content.permissions import AccessLevel
from tests.factories.users import UserFactory, administrator, learner, trainer


def test_access_levels_have_one_home_ordered_from_the_widest_audience():
    from content.library import models

    assert models.AccessLevel is AccessLevel
    assert AccessLevel.values == ["public", "learners", "staff"]
    assert [level.strictness for level in AccessLevel] == [0, 1, 2]
    assert importlib.util.find_spec("content.library.access") is None  # no second copy


@pytest.mark.django_db
def test_each_role_gets_its_access_levels():
    public, learners, staff = AccessLevel.PUBLIC, AccessLevel.LEARNERS, AccessLevel.STAFF
    assert permissions.levels_for(None) == [public]
    assert permissions.levels_for(learner()) == [public, learners]
    for person in (trainer(), administrator(), UserFactory(is_staff=True)):
        assert permissions.is_library_staff(person)
        assert permissions.levels_for(person) == [public, learners, staff]
    assert not permissions.is_library_staff(learner())
