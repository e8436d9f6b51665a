"""Who may handle personal-data requests (lms/permissions.py)."""

import pytest

from lms.permissions import may_be_erased_on_request, may_confirm_erasure
from tests.factories.users import UserFactory, administrator, learner, trainer
from tests.lms.helpers import superuser

pytestmark = pytest.mark.django_db


def test_only_administrators_confirm_an_erasure():
    assert may_confirm_erasure(administrator())
    assert may_confirm_erasure(superuser())
    assert not may_confirm_erasure(trainer())
    assert not may_confirm_erasure(learner())


def test_only_learners_may_have_their_account_erased_on_request():
    assert may_be_erased_on_request(learner())
    assert not may_be_erased_on_request(trainer())
    assert not may_be_erased_on_request(administrator())
    assert not may_be_erased_on_request(superuser())
    assert not may_be_erased_on_request(UserFactory(is_staff=True))  # staff without a role
