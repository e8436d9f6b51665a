"""The learners' views: enrolling, withdrawing, completing a lesson, the dashboard."""

import re

import pytest

from courses import services
from courses.errors import EnrolmentError
from courses.models import (
    Enrolment,
    EnrolmentPolicy,
    EnrolmentStatus,
    LessonCompletion,
)
from tests.courses.helpers import enrolled, html_tag, switcher_links
from tests.factories.courses import build_course
from tests.factories.users import PASSWORD, learner

pytestmark = pytest.mark.django_db


# --- Enrolling and withdrawing -------------------------------------------------------


def signed_in(client, person):
    assert client.login(email=person.email, password=PASSWORD)
    return client


def test_enrol_view_enrols_and_shows_a_message_after_redirect(client, site):
    tree = build_course(modules=1, lessons_per_module=1)
    person = learner()
    signed_in(client, person)
    response = client.post(f"/fr/courses/{tree.course.pk}/enrol/", follow=True)
    assert response.redirect_chain[0][0] == tree.course.url
    assert response.status_code == 200
    assert Enrolment.objects.filter(learner=person, course=tree.course).exists()
    messages = list(response.context["messages"])
    assert [m.level_tag for m in messages] == ["success"]
    assert f'action="/fr/courses/{tree.course.pk}/unenrol/"' in response.text


def test_enrol_view_refusal_shows_the_reason_and_changes_nothing(client, site):
    tree = build_course(
        modules=1, lessons_per_module=1, enrolment_policy=EnrolmentPolicy.KEY, enrolment_key="K-1"
    )
    person = learner()
    signed_in(client, person)
    response = client.post(f"/fr/courses/{tree.course.pk}/enrol/", {"key": "nope"}, follow=True)
    assert response.status_code == 200
    messages = list(response.context["messages"])
    assert len(messages) == 1 and messages[0].level_tag == "error"
    assert not Enrolment.objects.filter(learner=person).exists()


def test_enrol_view_with_the_right_key_enrols(client, site):
    tree = build_course(
        modules=1, lessons_per_module=1, enrolment_policy=EnrolmentPolicy.KEY, enrolment_key="K-1"
    )
    person = learner()
    signed_in(client, person)
    client.post(f"/fr/courses/{tree.course.pk}/enrol/", {"key": "K-1"})
    assert Enrolment.objects.filter(learner=person).exists()


def test_enrolling_twice_over_http_says_so_and_keeps_one_row(client, site):
    tree = build_course(modules=1, lessons_per_module=1)
    person = learner()
    signed_in(client, person)
    client.post(f"/fr/courses/{tree.course.pk}/enrol/", follow=True)
    response = client.post(f"/fr/courses/{tree.course.pk}/enrol/", follow=True)
    messages = list(response.context["messages"])
    assert [m.level_tag for m in messages] == ["error"]
    assert str(messages[0]) == str(EnrolmentError.MESSAGES[EnrolmentError.ALREADY_ENROLLED])
    assert Enrolment.objects.filter(learner=person).count() == 1


def test_enrol_view_refuses_get(client, site):
    tree = build_course(modules=1, lessons_per_module=1)
    person = learner()
    signed_in(client, person)
    response = client.get(f"/fr/courses/{tree.course.pk}/enrol/")
    assert response.status_code == 405
    assert not Enrolment.objects.filter(learner=person).exists()


def test_anonymous_enrol_is_redirected_to_login(client, site):
    tree = build_course(modules=1, lessons_per_module=1)
    response = client.post(f"/fr/courses/{tree.course.pk}/enrol/")
    assert response.status_code == 302
    assert response["Location"].startswith("/fr/accounts/login/")
    assert not Enrolment.objects.filter(course=tree.course).exists()


def test_enrol_view_for_a_draft_course_is_not_found(client, site):
    tree = build_course(modules=1, lessons_per_module=1, live=False)
    signed_in(client, learner())
    assert client.post(f"/fr/courses/{tree.course.pk}/enrol/").status_code == 404


def test_unenrol_view_withdraws(client, site):
    tree = build_course(modules=1, lessons_per_module=1)
    person = learner()
    services.enrol(learner=person, course=tree.course)
    signed_in(client, person)
    response = client.post(f"/fr/courses/{tree.course.pk}/unenrol/")
    assert response.status_code == 302
    assert Enrolment.objects.get(learner=person).status == EnrolmentStatus.WITHDRAWN


WRONG_KEY_TEXT = {
    "fr": "Cette clé d'inscription n'est pas correcte. Vérifiez-la auprès de votre formateur.",
    "ar": "مفتاح التسجيل هذا غير صحيح. تحقّق منه لدى المكوِّن.",
}
ALREADY_ENROLLED_TEXT = {
    "fr": "Vous êtes déjà inscrit à ce cours.",
    "ar": "أنت مسجَّل بالفعل في هذه الدورة التكوينية.",
}


def shown_messages(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_wrong_key_message_is_in_the_language_of_the_page(client, site, language):
    tree = build_course(
        modules=1, lessons_per_module=1, enrolment_policy=EnrolmentPolicy.KEY, enrolment_key="K-1"
    )
    person = learner()
    signed_in(client, person)
    response = client.post(
        f"/{language}/courses/{tree.course.pk}/enrol/", {"key": "x"}, follow=True
    )
    assert shown_messages(response) == [WRONG_KEY_TEXT[language]]
    assert WRONG_KEY_TEXT[language] in response.text.replace("&#x27;", "'")
    assert not Enrolment.objects.filter(learner=person).exists()


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_already_enrolled_message_is_in_the_language_of_the_page(client, site, language):
    tree = build_course(modules=1, lessons_per_module=1)
    person = learner()
    services.enrol(learner=person, course=tree.course)
    signed_in(client, person)
    response = client.post(f"/{language}/courses/{tree.course.pk}/enrol/", follow=True)
    assert shown_messages(response) == [ALREADY_ENROLLED_TEXT[language]]
    assert Enrolment.objects.filter(learner=person).count() == 1


# --- Completing a lesson and the dashboard -------------------------------------------


def test_complete_lesson_view_records_completion_and_goes_to_the_next_lesson(client, site):
    tree, person, _ = enrolled(modules=1, lessons_per_module=2)
    client.login(email=person.email, password=PASSWORD)
    response = client.post(f"/fr/lessons/{tree.lessons[0].pk}/complete/")
    assert response.status_code == 302
    assert response["Location"] == tree.lessons[1].url
    assert LessonCompletion.objects.filter(learner=person, lesson=tree.lessons[0]).exists()


def _progress_values(html: str) -> list[str]:
    return re.findall(r'<progress[^>]*value="(\d+)"', html)


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_dashboard_shows_a_progress_bar_per_enrolment(client, site, language):
    half, person, _ = enrolled(modules=1, lessons_per_module=2, arabic=True)
    services.complete_lesson(learner=person, lesson=half.lessons[0])
    untouched = build_course(modules=1, lessons_per_module=1)
    services.enrol(learner=person, course=untouched.course)
    client.login(email=person.email, password=PASSWORD)
    response = client.get(f"/{language}/dashboard/")
    assert response.status_code == 200
    html = response.text
    assert sorted(_progress_values(html)) == ["0", "50"]
    if language == "ar":
        assert half.course_ar.title in html
        assert 'dir="rtl"' in html
    else:
        assert half.course.title in html


def test_dashboard_requires_sign_in(client, site):
    response = client.get("/fr/dashboard/")
    assert response.status_code == 302
    assert response["Location"].startswith("/fr/accounts/login/")


def test_arabic_dashboard_is_right_to_left(client, site):
    client.login(email=learner().email, password=PASSWORD)
    assert html_tag(client.get("/ar/dashboard/").text) == '<html lang="ar" dir="rtl">'


def test_language_switcher_on_the_dashboard_keeps_the_page(client, site):
    client.login(email=learner().email, password=PASSWORD)
    links = switcher_links(client.get("/fr/dashboard/").text)
    assert links == {"fr": "/fr/dashboard/", "ar": "/ar/dashboard/"}
