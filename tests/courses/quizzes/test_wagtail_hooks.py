"""A trainer reaches only the question bank of the courses they teach, in every admin view;
an administrator reaches every course's (the bank's viewsets, choosers and bulk actions of
wagtail_hooks.py)."""

import json

import pytest
from django.urls import reverse
from django.utils import translation

from courses.quizzes import services
from courses.quizzes.models import Question, QuestionCategory
from tests.courses.quizzes.conftest import SECRET
from tests.factories.users import administrator

pytestmark = pytest.mark.django_db

OBJECT_VIEWS = ("edit", "copy", "delete", "history", "usage")


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


# --- the follow-up: links and log actions ------------------------------------------------------


def test_a_courses_follow_up_pages_link_to_its_quiz_results_and_grading_queue(follow_up):
    from courses.quizzes.wagtail_hooks import quiz_links

    course, cohort = follow_up.tree.course, follow_up.cohort
    assert [url for _label, url in quiz_links(follow_up.course_trainer, course, None)] == [
        reverse("quiz_follow_up:course_results", args=[course.pk]),
        reverse("quiz_follow_up:course_grading", args=[course.pk]),
    ]
    assert [url for _label, url in quiz_links(follow_up.course_trainer, course, cohort)] == [
        reverse("quiz_follow_up:cohort_results", args=[cohort.pk]),
        reverse("quiz_follow_up:cohort_grading", args=[cohort.pk]),
    ]


def test_people_who_do_not_follow_the_course_get_no_quiz_links(follow_up):
    from courses.quizzes.wagtail_hooks import quiz_links

    course, cohort = follow_up.tree.course, follow_up.cohort
    assert quiz_links(follow_up.cohort_trainer, course, cohort) == []
    assert quiz_links(follow_up.other_trainer, course, None) == []


def test_grading_and_regrading_are_named_in_the_audit_log():
    from wagtail.log_actions import registry

    with translation.override("en"):
        assert str(registry.get_action_label(services.ACTION_GRADE)) == "Grade an essay"
        assert str(registry.get_action_label(services.ACTION_REGRADE)) == "Regrade a question"
