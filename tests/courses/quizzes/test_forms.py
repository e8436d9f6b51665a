"""The forms of the question bank and of the quiz editor (forms.py): trainers choose among the
courses they teach, and a quiz among its own course's questions."""

import pytest
from django.http import QueryDict
from wagtail.snippets.views.snippets import SnippetViewSet

from courses.quizzes import question_types
from courses.quizzes.errors import QuizError
from courses.quizzes.forms import QuestionBankForm, answers_from_post
from courses.quizzes.models import Question, QuizPage
from tests.factories import quizzes as quiz_factory
from tests.factories.courses import build_course
from tests.factories.users import trainer

pytestmark = pytest.mark.django_db


def test_a_trainer_chooses_only_among_the_courses_they_teach(site):
    own = trainer()
    mine = build_course(modules=1, lessons_per_module=1, trainers=[own]).course
    other = build_course(modules=1, lessons_per_module=1).course
    quiz_factory.category(course=other)
    edit_form = SnippetViewSet(model=Question).get_form_class()(for_user=own)
    assert isinstance(edit_form, QuestionBankForm)
    assert list(edit_form.fields["course"].queryset) == [mine]
    assert not edit_form.fields["category"].queryset.exists()


def test_admin_forms_for_quiz_pages_and_questions_open(client, site):
    from django.contrib.auth import get_user_model

    tree = build_course(modules=1, lessons_per_module=1)
    quiz = quiz_factory.quiz(
        module=tree.modules[0], questions=[quiz_factory.question(course=tree.course)]
    )
    admin = get_user_model().objects.create_superuser(
        email="root@example.ma", password="x-Strong-2026"
    )
    client.force_login(admin)
    other = build_course(modules=1, lessons_per_module=1).course
    foreign = quiz_factory.question(course=other, text="Question etrangere XYZ")
    add = client.get(f"/admin/pages/add/quizzes/quizpage/{tree.modules[0].pk}/")
    assert add.status_code == 200
    edit = client.get(f"/admin/pages/{quiz.pk}/edit/")
    assert edit.status_code == 200
    form_class = QuizPage.get_edit_handler().get_form_class()
    form = form_class(instance=quiz, for_user=admin, parent_page=tree.modules[0])
    allowed = form.formsets["fixed_questions"].forms[0].fields["question"].queryset
    assert foreign not in allowed and quiz.fixed_questions.get().question in allowed
    assert client.get("/admin/snippets/quizzes/question/").status_code == 200
    assert client.get("/admin/snippets/quizzes/question/add/").status_code == 200


# --- reading an attempt form -------------------------------------------------------------------


def test_every_question_of_the_attempt_reads_its_own_fields_from_the_form():
    matching = question_types.get("matching").prepare(
        {"key": "8", "kind": "matching", "data": quiz_factory.DATA["matching"]}, shuffle=False
    )
    snapshot = [{"key": "7", "kind": "multiple", "data": {}}, matching]
    rows, offered = matching["tokens"]["rows"], matching["tokens"]["options"]
    posted = QueryDict(mutable=True)
    posted.setlist("q-7", ["a", "b"])
    posted[f"q-8-{rows['1']}"] = offered["2"]
    assert answers_from_post(snapshot=snapshot, data=posted) == {
        "7": ["a", "b"],
        "8": {"1": "2", "2": ""},
    }


def test_a_match_the_page_did_not_offer_refuses_the_whole_form_naming_its_question():
    matching = question_types.get("matching").prepare(
        {"key": "8", "kind": "matching", "data": quiz_factory.DATA["matching"]}, shuffle=False
    )
    posted = QueryDict(f"q-8-{matching['tokens']['rows']['1']}=1")
    with pytest.raises(QuizError) as refused:
        answers_from_post(snapshot=[matching], data=posted)
    assert refused.value.code == QuizError.INVALID_ANSWER and refused.value.question_key == "8"
