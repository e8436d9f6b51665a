"""Wagtail's user bar (edit this page) is drawn for staff; a learner's page asks no permission."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses import services
from tests.factories.courses import build_course
from tests.factories.users import learner, trainer

pytestmark = pytest.mark.django_db

USERBAR = "wagtail-userbar"


def test_a_trainer_of_the_course_gets_the_user_bar_on_its_lesson(client, site):
    person = trainer()
    tree = build_course(trainers=[person])
    client.force_login(person)

    assert USERBAR in client.get(tree.course.url).text


def test_a_learner_gets_no_user_bar_and_no_permission_query(client, site):
    tree = build_course()
    person = learner()
    services.enrol(learner=person, course=tree.course)
    client.force_login(person)

    with CaptureQueriesContext(connection) as queries:
        html = client.get(tree.lessons[0].url).text

    assert USERBAR not in html
    assert not [query for query in queries.captured_queries if "auth_permission" in query["sql"]]
