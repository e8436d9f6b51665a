"""The demo quiz (demo/quiz.py: seed_demo_quiz)."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Locale

from courses.quizzes import question_types
from courses.quizzes.models import Question
from demo.quiz import seed_demo_quiz
from lms.accounts.roles import TRAINERS
from tests.factories.courses import build_course

pytestmark = pytest.mark.django_db


def test_demo_quiz_has_every_kind_in_both_languages_and_is_created_once(site):
    tree = build_course(modules=2, lessons_per_module=1)
    quiz = seed_demo_quiz(course=tree.course)
    again = seed_demo_quiz(course=tree.course)
    assert again.pk == quiz.pk
    kinds = [link.question.kind for link in quiz.fixed_questions.select_related("question")]
    assert len(kinds) >= 10 and set(kinds) == {t.kind for t in question_types.all_types()}
    assert Question.objects.filter(course=tree.course).count() == len(kinds)
    assert all(link.question.text_ar for link in quiz.fixed_questions.select_related("question"))
    arabic = quiz.get_translation(Locale.objects.get(language_code="ar"))
    assert arabic.live and arabic.title == "التقييم النهائي"
    assert quiz.get_parent().pk == tree.modules[-1].pk
    assert Group.objects.get(name=TRAINERS).permissions.filter(codename="change_question").exists()
