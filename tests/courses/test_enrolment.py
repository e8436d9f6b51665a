import pytest

from courses import services
from courses.errors import EnrolmentError
from courses.models import Enrolment
from tests.factories.courses import build_course
from tests.factories.users import learner

pytestmark = pytest.mark.django_db


def test_open_course_enrols_a_learner_once(site):
    tree = build_course()
    person = learner()
    services.enrol(learner=person, course=tree.course)
    with pytest.raises(EnrolmentError) as refused:
        services.enrol(learner=person, course=tree.course)
    assert refused.value.code == EnrolmentError.ALREADY_ENROLLED
    assert Enrolment.objects.filter(learner=person).count() == 1
