"""A trainer reaches only the question bank of the courses they teach, in every admin view;
an administrator reaches every course's. Used questions and categories stay in their course."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from courses.quizzes import services
from courses.quizzes.models import Question, QuestionCategory, QuizQuestion
from courses.quizzes.permissions import category_permission_policy, question_permission_policy
from tests.factories import quizzes as quiz_factory
from tests.factories.courses import build_course
from tests.factories.users import administrator, learner, trainer

pytestmark = pytest.mark.django_db

SECRET = "Question secrète du cours B"
OBJECT_VIEWS = ("edit", "copy", "delete", "history", "usage")


@pytest.fixture
def bank(site):
    """Two courses, each with its trainer, a category and a question used by a live quiz."""
    own, other = trainer(), trainer()
    mine = build_course(modules=1, lessons_per_module=1, trainers=[own])
    theirs = build_course(modules=1, lessons_per_module=1, trainers=[other])
    my_category = quiz_factory.category(course=mine.course, name="Catégorie A")
    their_category = quiz_factory.category(course=theirs.course, name="Catégorie B")
    my_question = quiz_factory.question(
        course=mine.course, category=my_category, text="Question du cours A"
    )
    their_question = quiz_factory.question(
        course=theirs.course, category=their_category, text=SECRET
    )
    quiz_factory.quiz(module=theirs.modules[0], questions=[their_question])
    return {
        "own": own,
        "mine": mine,
        "theirs": theirs,
        "my_question": my_question,
        "their_question": their_question,
        "my_category": my_category,
        "their_category": their_category,
    }


def admin_url(name, *args):
    with translation.override("fr"):
        return reverse(name, args=args)


def snippet_url(obj, view):
    return admin_url(f"wagtailsnippets_quizzes_{obj._meta.model_name}:{view}", obj.pk)


def chooser_url(model, view, *args):
    return admin_url(f"wagtailsnippetchoosers_quizzes_{model._meta.model_name}:{view}", *args)


def status(client, method, url, data=None) -> int:
    """The status a person ends on: a 404 in the admin (outside the language prefixes) is
    first redirected by LocaleMiddleware to /fr/admin/…, which is a 404 too."""
    return getattr(client, method)(url, data or {}, follow=True).status_code


def text(response) -> str:
    """The page, or the HTML inside a chooser's JSON answer."""
    if response["Content-Type"].startswith("application/json"):
        return response.json().get("html", "") + json.dumps(response.json(), ensure_ascii=False)
    return response.content.decode()


def question_form(question, **changes) -> dict:
    data = {
        "course": question.course_id,
        "category": question.category_id or "",
        "kind": question.kind,
        "points": "1",
        "text": question.text,
        "text_ar": question.text_ar,
        "data": json.dumps(question.data),
        "feedback_right": "",
        "feedback_right_ar": "",
        "feedback_wrong": "",
        "feedback_wrong_ar": "",
        "general_feedback": "",
        "general_feedback_ar": "",
    }
    data.update(changes)
    return data


@pytest.mark.parametrize("name", ["their_question", "their_category"])
def test_another_courses_bank_object_is_not_found_in_any_view_but_by_an_administrator(
    client, bank, name
):
    obj = bank[name]
    client.force_login(bank["own"])
    for view in OBJECT_VIEWS:
        assert status(client, "get", snippet_url(obj, view)) == 404, view
    assert status(client, "get", chooser_url(type(obj), "chosen", obj.pk)) == 404
    chosen = client.get(chooser_url(type(obj), "chosen_multiple"), {"id": [obj.pk]})
    assert str(obj) not in text(chosen)
    mine = bank[name.replace("their", "my")]
    for view in OBJECT_VIEWS:
        assert client.get(snippet_url(mine, view)).status_code == 200, view
    assert client.get(chooser_url(type(mine), "chosen", mine.pk)).status_code == 200
    client.force_login(administrator())
    for view in OBJECT_VIEWS:
        assert client.get(snippet_url(obj, view)).status_code == 200, view
    assert client.get(chooser_url(type(obj), "chosen", obj.pk)).status_code == 200


def test_posts_on_another_courses_question_change_nothing(client, bank):
    question = bank["their_question"]
    before = Question.objects.values().get(pk=question.pk)
    client.force_login(bank["own"])
    wrong_key = {
        "choices": [{"id": "a", "text": "2014"}, {"id": "b", "text": "2004", "correct": True}]
    }
    moved = question_form(
        question, course=bank["mine"].course.pk, category="", data=json.dumps(wrong_key)
    )
    assert status(client, "post", snippet_url(question, "edit"), moved) == 404
    assert status(client, "post", snippet_url(question, "copy"), moved) == 404
    assert status(client, "post", snippet_url(question, "delete")) == 404
    assert status(client, "post", snippet_url(bank["their_category"], "delete")) == 404
    bulk = admin_url("wagtail_bulk_action", "quizzes", "question", "delete")
    assert status(client, "post", f"{bulk}?id={question.pk}") == 404
    client.post(f"{bulk}?id=all")
    assert Question.objects.values().get(pk=question.pk) == before
    assert Question.objects.filter(text=SECRET).count() == 1
    assert QuestionCategory.objects.filter(pk=bank["their_category"].pk).exists()


def test_the_listings_choosers_and_filters_show_only_the_trainers_course(client, bank):
    client.force_login(bank["own"])
    for page in (
        client.get(admin_url("wagtailsnippets_quizzes_question:list")),
        client.get(chooser_url(Question, "choose")),
        client.get(chooser_url(Question, "choose_results"), {"q": "Question"}),
    ):
        assert page.status_code == 200
        content = text(page)
        assert "Question du cours A" in content and SECRET not in content
        assert bank["theirs"].course.title not in content
    categories = text(client.get(chooser_url(QuestionCategory, "choose")))
    assert "Catégorie A" in categories and "Catégorie B" not in categories
    listing = text(client.get(admin_url("wagtailsnippets_quizzes_questioncategory:list")))
    assert "Catégorie A" in listing and "Catégorie B" not in listing
    client.force_login(administrator())
    choose = text(client.get(chooser_url(Question, "choose")))
    assert "Question du cours A" in choose and SECRET in choose


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


def test_a_used_question_or_category_cannot_move_to_another_course(bank):
    both = bank["own"]
    bank["theirs"].course.trainers.add(both)
    bank["theirs"].course.save()
    target = bank["mine"].course
    used = Question.objects.get(pk=bank["their_question"].pk)
    used.course, used.category = target, None
    with pytest.raises(ValidationError) as refused:
        used.full_clean()
    assert "course" in refused.value.message_dict
    category = QuestionCategory.objects.get(pk=bank["their_category"].pk)
    category.course = target
    with pytest.raises(ValidationError) as holds:
        category.full_clean()
    assert "course" in holds.value.message_dict
    free = quiz_factory.question(course=bank["theirs"].course)
    free.course = target
    free.full_clean()
    empty = quiz_factory.category(course=bank["theirs"].course)
    empty.course = target
    empty.full_clean()


def test_a_question_kept_by_attempts_cannot_move_even_once_out_of_the_quiz(bank):
    theirs = bank["theirs"]
    question = quiz_factory.question(course=theirs.course)
    quiz = quiz_factory.quiz(module=theirs.modules[0], questions=[question])
    person = learner()
    from courses import services as course_services

    course_services.enrol(learner=person, course=theirs.course)
    services.submit_attempt(attempt=services.start_attempt(learner=person, quiz=quiz))
    QuizQuestion.objects.filter(question=question).delete()
    question.course = bank["mine"].course
    with pytest.raises(ValidationError):
        question.full_clean()


def test_a_trainer_of_both_courses_is_told_why_a_used_question_stays(client, bank):
    both = bank["own"]
    bank["theirs"].course.trainers.add(both)
    bank["theirs"].course.save()
    question = bank["their_question"]
    client.force_login(both)
    response = client.post(
        snippet_url(question, "edit"),
        question_form(question, course=bank["mine"].course.pk, category=""),
    )
    assert response.status_code == 200
    assert response.context["form"].errors["course"]  # the reason, in the trainer's language
    question.refresh_from_db()
    assert question.course_id == bank["theirs"].course.pk
