"""Reading an attempt form (plain POST or the same fields sent by the autosave script)."""

from __future__ import annotations

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.models import Locale

from courses.api import CourseOwnedMixin, CoursePage, canonical_page, grading

from . import question_types
from .errors import QuizError
from .permissions import bank_courses


def answers_from_post(*, snapshot: list[dict], data) -> dict:
    """Raw answers for every question of the attempt; a blank field clears its answer.

    Each question's type reads its own fields (see question_types): `q-<key>` (one value,
    or several for multiple choice), and `q-<key>-<row token>` for each line of a matching
    or ordering question, whose options are match tokens (matching) or positions
    (ordering). Tokens are mapped back to pair and item ids there, so answers are stored
    and graded by id.
    Raises QuizError (invalid answer) for a match the page did not offer.
    """
    answers: dict = {}
    for question in snapshot:
        try:
            answers[question["key"]] = question_types.get(question["kind"]).raw_answer(
                question, data
            )
        except grading.AnswerError as error:
            raise QuizError(
                QuizError.INVALID_ANSWER, detail=error.message, question_key=question["key"]
            ) from None
    return answers


class VersionForm(forms.Form):
    version = forms.IntegerField(min_value=0, max_value=2**31 - 1)


class EssayGradeForm(forms.Form):
    question_key = forms.CharField(max_length=40, widget=forms.HiddenInput)
    points = forms.DecimalField(label=_("Points"), min_value=0, max_digits=6, decimal_places=2)
    comment = forms.CharField(
        label=_("Comment for the learner"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class QuestionBankForm(WagtailAdminModelForm):
    """Trainers choose among the courses they teach; courses are the French (default) pages."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)

        if "course" not in self.fields:
            return
        user = getattr(self, "for_user", None)
        if user is not None:
            courses = bank_courses(user)
        else:
            courses = CoursePage.objects.filter(locale=Locale.get_default())
        self.fields["course"].queryset = courses
        if "category" in self.fields:
            # at call time: quizzes.models imports this module (cycle)
            from .models import QuestionCategory

            self.fields["category"].queryset = QuestionCategory.objects.filter(course__in=courses)


class QuizPageForm(WagtailAdminPageForm):
    """Questions and categories are chosen from the quiz's own course bank."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # at call time: quizzes.models imports this module (cycle)
        from .models import Question, QuestionCategory

        anchor = self.instance if self.instance.pk else self.parent_page
        course = (
            anchor.specific.get_course() if isinstance(anchor.specific, CourseOwnedMixin) else None
        )
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


ANSWERS_PREFIX = "answers"
CHECK_ANSWERS = _("Check the answers: some need correcting (see below).")


class QuestionForm(QuestionBankForm):
    """The question editor: the fields every question has, and its answers written with the
    editor of its type (see question_types), never as JSON.

    Every type's editor is built (a trainer may switch types before saving, and what was
    typed in each stays); only the chosen type's is validated, and it writes `data`.
    """

    ARABIC_FIELDS = ("text_ar", "feedback_right_ar", "feedback_wrong_ar", "general_feedback_ar")
    FRENCH_FIELDS = ("text", "feedback_right", "feedback_wrong", "general_feedback")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for names, attrs in (
            (self.ARABIC_FIELDS, {"dir": "rtl", "lang": "ar"}),
            (self.FRENCH_FIELDS, {"dir": "auto", "lang": "fr"}),
        ):
            for name in names:
                if name in self.fields:
                    self.fields[name].widget.attrs.update(attrs)
        types = question_types.all_types()
        if "kind" in self.fields and not self.instance.kind:
            self.fields["kind"].initial = types[0].kind
        stored = self.instance.data if isinstance(self.instance.data, dict) else {}
        self.answer_editors = {
            t.kind: t.editor(
                data=self.data if self.is_bound else None,
                prefix=f"{ANSWERS_PREFIX}-{t.kind}",
                stored=stored,
            )
            for t in types
        }

    @property
    def chosen_kind(self) -> str:
        """The type whose editor shows: the one posted, else the question's."""
        if self.is_bound:
            return self.data.get(self.add_prefix("kind"), "")
        return self.instance.kind or self.fields["kind"].initial

    def clean(self):
        cleaned_data = super().clean()
        editor = self.answer_editors.get(cleaned_data.get("kind"))
        if editor is not None:
            if editor.is_valid():
                self.instance.data = editor.to_data()
            else:
                self.add_error(None, forms.ValidationError(CHECK_ANSWERS, code="answers"))
        return cleaned_data

    def _update_errors(self, errors):
        # Question.clean() checks the data the editor wrote; this form has no field of that
        # name, so its messages are shown with the form's own.
        if hasattr(errors, "error_dict") and "data" in errors.error_dict:
            moved = dict(errors.error_dict)
            moved[NON_FIELD_ERRORS] = moved.pop("data") + moved.get(NON_FIELD_ERRORS, [])
            errors = forms.ValidationError(moved)
        super()._update_errors(errors)
