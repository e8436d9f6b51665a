import pytest

from courses import services as course_services
from tests.factories.users import learner


@pytest.fixture
def person(tree, client):
    """A learner enrolled in the module's `tree` course, signed in on `client`."""
    user = learner()
    course_services.enrol(learner=user, course=tree.course)
    client.force_login(user)
    return user
