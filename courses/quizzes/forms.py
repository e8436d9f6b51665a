"""Reading an attempt form (plain POST or the same fields sent by the autosave script)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm

from courses import grading

from .errors import QuizError


def row_tokens(question: dict) -> dict[str, str]:
    """The name of each row (pair or item id -> token) of a matching or ordering question.

    Attempts started before tokens existed name rows by their ids.
    """
    return question.get("tokens", {}).get("rows") or _identity(question)


def option_tokens(question: dict) -> dict[str, str]:
    """The value of each option (pair id -> token) of a matching question."""
    return question.get("tokens", {}).get("options") or _identity(question)


def _identity(question: dict) -> dict[str, str]:
    entries = question["data"].get("pairs" if question["kind"] == grading.MATCHING else "items", [])
    return {str(e["id"]): str(e["id"]) for e in entries}


def answers_from_post(*, snapshot: list[dict], data) -> dict:
    """Raw answers for every question of the attempt; a blank field clears its answer.

    Field names: `q-<key>` (one value, or several for multiple choice), and
    `q-<key>-<row token>` for each line of a matching or ordering question, whose
    options are match tokens (matching) or positions (ordering). Tokens are mapped
    back to pair and item ids here, so answers are stored and graded by id.
    Raises QuizError (invalid answer) for a match the page did not offer.
    """
    answers: dict = {}
    for question in snapshot:
        key, kind = question["key"], question["kind"]
        name = f"q-{key}"
        if kind == grading.MULTIPLE:
            answers[key] = data.getlist(name)
        elif kind == grading.MATCHING:
            matches = {token: pair_id for pair_id, token in option_tokens(question).items()}
            answers[key] = {}
            for pair_id, token in row_tokens(question).items():
                chosen = data.get(f"{name}-{token}", "")
                if chosen and chosen not in matches:
                    raise QuizError(QuizError.INVALID_ANSWER, question_key=key)
                answers[key][pair_id] = matches.get(chosen, "")
        elif kind == grading.ORDERING:
            answers[key] = {
                item_id: data.get(f"{name}-{token}", "")
                for item_id, token in row_tokens(question).items()
            }
        else:
            answers[key] = data.get(name, "")
    return answers


class VersionForm(forms.Form):
    version = forms.IntegerField(min_value=0, max_value=2**31 - 1)


class EssayGradeForm(forms.Form):
    question_key = forms.CharField(max_length=40, widget=forms.HiddenInput)
    points = forms.DecimalField(label=_("Points"), min_value=0, max_digits=6, decimal_places=2)
    comment = forms.CharField(label=_("Comment for the learner"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class QuestionBankForm(WagtailAdminModelForm):
    """Trainers choose among the courses they teach; courses are the French (default) pages."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from wagtail.models import Locale

        from courses.models import CoursePage

        from .permissions import bank_courses

        if "course" not in self.fields:
            return
        user = getattr(self, "for_user", None)
        if user is not None:
            courses = bank_courses(user)
        else:
            courses = CoursePage.objects.filter(locale=Locale.get_default())
        self.fields["course"].queryset = courses
        if "category" in self.fields:
            from .models import QuestionCategory

            self.fields["category"].queryset = QuestionCategory.objects.filter(course__in=courses)


class QuizPageForm(WagtailAdminPageForm):
    """Questions and categories are chosen from the quiz's own course bank."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from courses.models import CourseOwnedMixin, canonical_page

        from .models import Question, QuestionCategory

        anchor = self.instance if self.instance.pk else self.parent_page
        course = anchor.specific.get_course() if isinstance(anchor.specific, CourseOwnedMixin) else None
        if course is None:
            return
        course = canonical_page(course)
        questions = Question.objects.filter(course=course)
        if "random_category" in self.fields:
            self.fields["random_category"].queryset = QuestionCategory.objects.filter(course=course)
        formset = self.formsets.get("fixed_questions")
        if formset is not None:
            # Bound and existing forms: a question of another course does not validate.
            for form in formset.forms:
                if "question" in form.fields:
                    form.fields["question"].queryset = questions
