"""The question editor in the admin (QuestionForm): each type's answers are written with
fields and rows, never JSON, checked with messages in the trainer's language and stored in the
shape attempts already use."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.users.models import UserProfile

from courses.quizzes import services
from courses.quizzes.forms import CHECK_ANSWERS
from courses.quizzes.models import Question
from tests.courses.quizzes.editors import (
    ADD,
    KINDS,
    STORED,
    TYPED,
    options,
    question_post,
    rows,
    without_ids,
)
from tests.factories import quizzes as quiz_factory

pytest_db = pytest.mark.django_db


@pytest_db
@pytest.mark.parametrize("kind", KINDS)
def test_a_trainer_creates_a_question_of_each_type_without_json(client, author, kind):
    page = BeautifulSoup(client.get(reverse(ADD)).content, "html.parser")
    assert not page.select('[name="data"]'), "the stored JSON must not be a field"
    assert page.select_one(f"#answers-{kind}")
    response = client.post(reverse(ADD), question_post(author["course"], kind, TYPED[kind]))
    assert response.status_code == 302, BeautifulSoup(response.content, "html.parser").select(
        ".error-message"
    )
    question = Question.objects.get(course=author["course"], kind=kind)
    assert without_ids(question.data) == without_ids(STORED[kind])


@pytest_db
def test_a_wrong_answer_list_is_refused_with_its_message_in_the_admin_language(client, author):
    profile = UserProfile.get_for_user(author["person"])
    profile.preferred_language = "ar"
    profile.save()
    posted = question_post(
        author["course"], "single", rows("single", [{"text": "A"}, {"text": "B"}])
    )
    response = client.post(reverse(ADD), posted)
    assert response.status_code == 200
    assert not Question.objects.filter(course=author["course"]).exists()
    page = BeautifulSoup(response.content, "html.parser")
    errors = page.select_one("#answers-single .answer-rows__errors").get_text(" ", strip=True)
    with translation.override("ar"):
        assert errors == gettext("A single-choice question needs exactly one right choice.")
        assert gettext(str(CHECK_ANSWERS)) in page.get_text(" ", strip=True)
    assert not page.select_one("#answers-single").has_attr("hidden")
    assert page.select_one("#answers-multiple").has_attr("hidden")


@pytest_db
def test_editing_a_question_keeps_its_ids_so_attempts_are_regraded_right(client, author, person_on):
    course = author["course"]
    question = quiz_factory.question(
        course=course,
        kind="single",
        data={
            "choices": [
                {"id": "a", "text": "2004"},
                {"id": "b", "text": "2014", "correct": True},
            ]
        },
    )
    quiz = quiz_factory.quiz(module=author["tree"].modules[0], questions=[question])
    learner = person_on(author["tree"])
    attempt = services.submit_attempt(
        attempt=services.start_attempt(learner=learner, quiz=quiz), answers={str(question.pk): "b"}
    )
    assert attempt.percent == 100.0
    url = reverse("wagtailsnippets_quizzes_question:edit", args=[question.pk])
    page = BeautifulSoup(client.get(url).content, "html.parser")
    ids = [
        i["value"]
        for i in page.select('#answers-single input[name$="-id"]')
        if "__prefix__" not in i["name"]
    ]
    assert ids == ["a", "b"]
    # The trainer adds a third choice and corrects a typo; the right answer stays "2014".
    posted = question_post(
        course,
        "single",
        rows(
            "single",
            [
                {"id": "a", "text": "2004"},
                {"id": "b", "text": "En 2014", "correct": True},
                {"text": "2024"},
            ],
            initial=2,
        ),
        text=question.text,
        text_ar=question.text_ar,
        points="1",
    )
    assert client.post(url, posted).status_code == 302
    question.refresh_from_db()
    ids = [c["id"] for c in question.data["choices"]]
    assert ids[:2] == ["a", "b"] and ids[2] not in ("a", "b")
    assert services.regrade(question=question) == []


@pytest.fixture
def person_on():
    from courses import services as course_services
    from tests.factories.users import learner

    def make(tree):
        person = learner()
        course_services.enrol(learner=person, course=tree.course)
        return person

    return make


@pytest_db
def test_arabic_fields_are_written_right_to_left_and_free_text_in_its_own_direction(client, author):
    page = BeautifulSoup(client.get(reverse(ADD)).content, "html.parser")
    for name in ("text_ar", "feedback_right_ar", "general_feedback_ar"):
        assert page.select_one(f'[name="{name}"]')["dir"] == "rtl"
    assert page.select_one('[name="text"]')["dir"] == "auto"
    row = page.select_one("#answers-single .answer-row")
    assert row.select_one('[name$="-text_ar"]')["dir"] == "rtl"
    assert row.select_one('[name$="-text"]')["dir"] == "auto"
    assert page.select_one('#answers-short [name$="-text"]')["dir"] == "auto"
    assert page.select_one('#answers-numeric [name$="-value"]')["dir"] == "ltr"


@pytest_db
def test_an_invalid_preview_saves_nothing_and_says_so(client, author):
    preview = reverse("wagtailsnippets_quizzes_question:preview_on_add")
    posted = question_post(author["course"], "numeric", options("numeric", value="douze"))
    assert client.post(preview, posted).json()["is_valid"] is False
    assert not Question.objects.exists()
