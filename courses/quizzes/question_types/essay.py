"""Essay: a text a trainer grades by hand (0 to the question's points, with a comment)."""

from __future__ import annotations

from collections.abc import Mapping

from django.utils.translation import gettext_lazy as _

from courses.api import grading

from . import register
from .base import Editor, QuestionType


class EssayEditor(Editor):
    intro = _(
        "Learners write their answer in a text box; a trainer grades it from the quiz "
        "results. Nothing to set here: the general feedback below can say what a good "
        "answer holds."
    )


class Essay(QuestionType):
    kind = grading.ESSAY
    label = _("Essay")
    order = 80
    template = "quizzes/widgets/essay.html"
    editor_class = EssayEditor
    manual = True

    def clean_given(self, data: Mapping, raw):
        return grading.clean_text(raw=raw, strip=False)

    def grade(self, data: Mapping, answer, points: float) -> grading.Outcome:
        return grading.grade_essay(answer=answer, points=points)


register(Essay())
