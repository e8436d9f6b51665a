"""Who holds which role (roles.py)."""

import pytest

from lms.accounts.roles import is_administrator, is_trainer
from tests.factories.users import administrator, learner, trainer

pytestmark = pytest.mark.django_db


def test_role_helpers_recognise_each_role():
    assert is_trainer(trainer()) and not is_administrator(trainer())
    assert is_administrator(administrator())
    person = learner()
    assert not is_trainer(person) and not is_administrator(person)
    assert not person.is_staff
    assert trainer().is_staff
