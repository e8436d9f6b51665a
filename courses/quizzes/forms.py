"""Reading an attempt form (plain POST or the same fields sent by the autosave script)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm

from courses import grading


def answers_from_post(*, snapshot: list[dict], data) -> dict:
    """Raw answers for every question of the attempt; a blank field clears its answer.

    Field names: `q-<key>` (one value, or several for multiple choice), and
    `q-<key>-<id>` for each line of a matching or ordering question.
    """
    answers: dict = {}
    for question in snapshot:
        key, kind = question["key"], question["kind"]
        name = f"q-{key}"
        if kind == grading.MULTIPLE:
            answers[key] = data.getlist(name)
        elif kind in (grading.MATCHING, grading.ORDERING):
            entries = question["data"].get("pairs" if kind == grading.MATCHING else "items", [])
            answers[key] = {str(e["id"]): data.get(f"{name}-{e['id']}", "") for e in entries}
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
        from courses.permissions import restricted_to_own_courses

        if "course" not in self.fields:
            return
        courses = CoursePage.objects.filter(locale=Locale.get_default())
        user = getattr(self, "for_user", None)
        if user is not None and restricted_to_own_courses(user):
            courses = courses.filter(trainers=user)
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
