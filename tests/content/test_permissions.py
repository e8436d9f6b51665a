"""One vocabulary for who may do what with content (content/permissions.py)."""

import importlib.util

import pytest

from content import permissions
from content.library.models import AccessLevel
from tests.factories.users import UserFactory, administrator, learner, trainer


def test_access_levels_are_the_permission_vocabulary():
    assert AccessLevel.values == [permissions.PUBLIC, permissions.LEARNERS, permissions.STAFF]
    assert importlib.util.find_spec("content.library.access") is None  # no second copy


@pytest.mark.django_db
def test_each_role_gets_its_access_levels():
    public, learners, staff = permissions.PUBLIC, permissions.LEARNERS, permissions.STAFF
    assert permissions.levels_for(None) == [public]
    assert permissions.levels_for(learner()) == [public, learners]
    for person in (trainer(), administrator(), UserFactory(is_staff=True)):
        assert permissions.is_library_staff(person)
        assert permissions.levels_for(person) == [public, learners, staff]
    assert not permissions.is_library_staff(learner())
