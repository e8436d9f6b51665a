"""The demo course's end-of-course quiz, from `data/quiz.json`, in French with its Arabic
translation. Idempotent.

Questions are bilingual records of the course's bank: French in `text`, Arabic in `text_ar`
(and in each choice's `text_ar`); the Arabic quiz page shows the Arabic text.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from content.api import ensure_translation
from courses.api import CoursePage, Enrolment, ModulePage, canonical_page, refresh_completion
from courses.quizzes.api import (
    Attempt,
    AttemptState,
    ClosedBy,
    Question,
    QuestionCategory,
    QuizPage,
    QuizQuestion,
)

from . import files
from .pages import translate_ancestors

# The demo cohorts' learners who finished the course passed the quiz with this grade.
DEMO_GRADE = 85


def question_fields(spec: dict) -> dict:
    """A demo question as the fields of a bank record (Arabic texts in `<name>_ar`)."""
    fields = {"kind": spec["kind"], "points": spec["points"], "data": spec.get("data", {})}
    for name, value in spec.items():
        if isinstance(value, dict) and set(value) == {"fr", "ar"}:
            fields[name], fields[f"{name}_ar"] = value["fr"], value["ar"]
    return fields


def questions() -> list[dict]:
    """The demo quiz's questions as bank records."""
    return [question_fields(spec) for spec in files.read("quiz")["questions"]]


@transaction.atomic
def seed_demo_quiz(*, course: CoursePage) -> QuizPage:
    """The course's end-of-course quiz (every question type), created once, in the course's
    last module."""
    spec = files.read("quiz")
    course = canonical_page(course).specific
    category, _created = QuestionCategory.objects.get_or_create(
        course=course, name=spec["category"]["fr"], defaults={"name_ar": spec["category"]["ar"]}
    )
    bank = []
    for fields in map(question_fields, spec["questions"]):
        text = fields.pop("text")
        question, _created = Question.objects.get_or_create(
            course=course, text=text, defaults={**fields, "category": category}
        )
        bank.append(question)
    quiz = QuizPage.objects.descendant_of(course).filter(slug=spec["slug"]).first()
    if quiz is None:
        module = ModulePage.objects.child_of(course).order_by("-path").first()
        if module is None:
            module = course.add_child(instance=ModulePage(title="Évaluation", slug="evaluation"))
            module.save_revision().publish()
        quiz = QuizPage(
            title=spec["title"]["fr"],
            slug=spec["slug"],
            introduction=spec["introduction"]["fr"],
            **spec["settings"],
        )
        module.add_child(instance=quiz)
        for position, question in enumerate(bank):
            QuizQuestion.objects.create(page=quiz, question=question, sort_order=position)
        quiz.save_revision().publish()
    arabic = Locale.objects.filter(language_code="ar").first()
    if arabic is not None:
        translate_ancestors(quiz, arabic)
        ensure_translation(
            quiz, arabic, title=spec["title"]["ar"], introduction=spec["introduction"]["ar"]
        )
    return quiz


@transaction.atomic
def seed_demo_quiz_results(*, quiz: QuizPage, learners) -> None:
    """A passed, graded attempt at the demo quiz for each of `learners` who has none (the
    demo cohorts' learners who finished the course), then their course completion."""
    quiz = canonical_page(quiz)
    course = quiz.get_course()
    for learner in learners:
        enrolment = Enrolment.objects.current().filter(learner=learner, course=course).first()
        if enrolment is None:
            continue
        if not Attempt.objects.filter(learner=learner, quiz=quiz).exists():
            Attempt.objects.create(
                learner=learner,
                quiz=quiz,
                number=1,
                state=AttemptState.GRADED,
                closed_by=ClosedBy.LEARNER,
                submitted_at=timezone.now(),
                percent=DEMO_GRADE,
            )
        refresh_completion(enrolment=enrolment)
