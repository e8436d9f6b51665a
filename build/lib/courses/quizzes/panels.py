"""The answers panel of the question editor (Wagtail admin)."""

from __future__ import annotations

import json

from django import forms
from wagtail.admin.panels import Panel

from . import question_types


class AnswersPanel(Panel):
    """The answers of a question, written with the editor of its type (QuestionForm builds
    one per type). Every editor is on the page and only the chosen type's shows: Wagtail's
    `w-rules` controller follows the "type" field, so no script of ours is needed; rows are
    added and removed with Wagtail's `w-formset` controller."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "quizzes/admin/answers_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            chosen = self.form.chosen_kind
            context["editors"] = [
                {
                    "type": question_type,
                    "editor": self.form.answer_editors[question_type.kind],
                    "shown": question_type.kind == chosen,
                    "rule": json.dumps({self.form.add_prefix("kind"): [question_type.kind]}),
                }
                for question_type in question_types.all_types()
            ]
            return context

        @property
        def media(self):
            return forms.Media(css={"all": ["quizzes/admin/question_editor.css"]})
