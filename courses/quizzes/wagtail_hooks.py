"""The question bank in the Wagtail admin: trainers reach only their own courses' questions.

Who may do what is decided by the permission policies of `permissions.py`, registered
here before the snippets are, so Wagtail never makes its model-only fallback policy.
Every view of the bank (listing, edit, copy, delete, history, usage, the chooser used
by the quiz editor, bulk actions) reaches objects only through those policies: an
object of another course is a 404, as if it did not exist.
"""

from __future__ import annotations

import django_filters
from django.contrib.admin.utils import unquote
from django.http import Http404
from django.shortcuts import get_list_or_404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.viewsets.base import ViewSet
from wagtail.permissions import register_permission_policy
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from courses.api import FollowUpMenuItem, may_follow_progress

from . import question_types
from .followup_views import GradingQueueView, QuizResultsIndexView
from .models import Question, QuestionCategory
from .permissions import (
    SEE,
    bank_courses,
    category_permission_policy,
    question_permission_policy,
)
from .services import ACTION_GRADE, ACTION_REGRADE

register_permission_policy(Question, question_permission_policy)
register_permission_policy(QuestionCategory, category_permission_policy)

POLICIES = {Question: question_permission_policy, QuestionCategory: category_permission_policy}


def _scope(model, user):
    return POLICIES[model].instances_user_has_any_permission_for(user, SEE)


class InBankScopeMixin:
    """Mixed into every view of the bank's viewsets and choosers: a view that takes an
    object's pk answers 404 for an object out of the person's scope, before loading it."""

    bank_model = None

    def setup(self, request, *args, **kwargs):
        if (
            "pk" in kwargs
            and POLICIES[self.bank_model].in_scope_or_none(request.user, unquote(str(kwargs["pk"])))
            is None
        ):
            raise Http404
        super().setup(request, *args, **kwargs)


class InBankScopeChooserMixin(InBankScopeMixin):
    """The chooser lists, searches and returns only objects in scope."""

    def get_object_list(self):
        return _scope(self.bank_model, self.request.user)

    def get_objects(self, pks):
        return _scope(self.bank_model, self.request.user).filter(pk__in=pks)


def in_bank_scope(view_class, model, mixin=InBankScopeMixin):
    return type(view_class.__name__, (mixin, view_class), {"bank_model": model})


class BankChooserViewSet(SnippetChooserViewSet):
    def construct_view(self, view_class, **kwargs):
        view_class = in_bank_scope(view_class, self.model, InBankScopeChooserMixin)
        return super().construct_view(view_class, **kwargs)


class BankViewSet(SnippetViewSet):
    chooser_viewset_class = BankChooserViewSet

    def construct_view(self, view_class, **kwargs):
        return super().construct_view(in_bank_scope(view_class, self.model), **kwargs)


class QuestionCategoryFilterSet(WagtailFilterSet):
    course = django_filters.ModelChoiceFilter(
        label=_("course"), queryset=lambda request: bank_courses(request.user)
    )

    class Meta:
        model = QuestionCategory
        fields = ["course"]


class QuestionFilterSet(WagtailFilterSet):
    course = django_filters.ModelChoiceFilter(
        label=_("course"), queryset=lambda request: bank_courses(request.user)
    )
    kind = django_filters.ChoiceFilter(label=_("type"), choices=question_types.choices)
    category = django_filters.ModelChoiceFilter(
        label=_("category"), queryset=lambda request: _scope(QuestionCategory, request.user)
    )

    class Meta:
        model = Question
        fields = ["course", "kind", "category"]


class QuestionCategoryViewSet(BankViewSet):
    model = QuestionCategory
    icon = "folder-open-inverse"
    menu_label = _("Categories")
    list_display = ["name", "name_ar", "course"]
    filterset_class = QuestionCategoryFilterSet

    def get_queryset(self, request):
        return _scope(QuestionCategory, request.user).select_related("course")


class QuestionViewSet(BankViewSet):
    model = Question
    icon = "help"
    menu_label = _("Questions")
    list_display = ["text", "kind", "points", "category", "course"]
    filterset_class = QuestionFilterSet
    search_fields = ["text", "text_ar"]

    def get_queryset(self, request):
        return _scope(Question, request.user).select_related("course", "category")


class QuestionBankGroup(SnippetViewSetGroup):
    items = (QuestionViewSet, QuestionCategoryViewSet)
    menu_icon = "help"
    menu_label = _("Question bank")
    menu_name = "question_bank"


register_snippet(QuestionBankGroup)


class BankDeleteBulkAction(DeleteBulkAction):
    """Wagtail's bulk delete of snippets, which sees only the bank objects in scope."""

    models = [Question, QuestionCategory]

    def get_queryset(self, model, object_ids):
        return get_list_or_404(_scope(model, self.request.user), pk__in=object_ids)

    def get_all_objects_in_listing_query(self, parent_id):
        return _scope(self.model, self.request.user).values_list("pk", flat=True)


# After wagtail.snippets' own registration (order 0), so this one is used for the bank.
hooks.register("register_bulk_action", BankDeleteBulkAction, order=1)


# --- Follow-up: quiz results and the grading queue, beside the progress report ---------------


class QuizFollowUpViewSet(ViewSet):
    name = "quiz_follow_up"
    url_prefix = "follow-up/quizzes"
    icon = "help"

    def get_urlpatterns(self):
        return [
            path("", QuizResultsIndexView.as_view(), name="results"),
            path(
                "courses/<int:pk>/",
                QuizResultsIndexView.as_view(scope="course"),
                name="course_results",
            ),
            path(
                "cohorts/<int:pk>/",
                QuizResultsIndexView.as_view(scope="cohort"),
                name="cohort_results",
            ),
            path("grading/", GradingQueueView.as_view(), name="grading"),
            path(
                "grading/courses/<int:pk>/",
                GradingQueueView.as_view(scope="course"),
                name="course_grading",
            ),
            path(
                "grading/cohorts/<int:pk>/",
                GradingQueueView.as_view(scope="cohort"),
                name="cohort_grading",
            ),
        ]


@hooks.register("register_admin_viewset")
def register_quiz_follow_up():
    return QuizFollowUpViewSet()


@hooks.register("register_follow_up_menu_item")
def register_quiz_results_item():
    return FollowUpMenuItem(
        _("Quiz results"),
        reverse("quiz_follow_up:results"),
        name="quiz-results",
        icon_name="help",
        order=300,
    )


@hooks.register("register_follow_up_menu_item")
def register_grading_queue_item():
    return FollowUpMenuItem(
        _("Grading queue"),
        reverse("quiz_follow_up:grading"),
        name="grading-queue",
        icon_name="edit",
        order=400,
    )


@hooks.register("follow_up_course_links")
def quiz_links(user, course, cohort):
    """On a course's or cohort's follow-up pages, for the people who follow the course."""
    if not may_follow_progress(user, course):
        return []
    if cohort is not None:
        args, prefix = [cohort.pk], "cohort"
    else:
        args, prefix = [course.pk], "course"
    return [
        (_("Quiz results"), reverse(f"quiz_follow_up:{prefix}_results", args=args)),
        (_("Grading queue"), reverse(f"quiz_follow_up:{prefix}_grading", args=args)),
    ]


@hooks.register("register_log_actions")
def register_grade_log_actions(actions):
    actions.register_action(ACTION_GRADE, _("Grade an essay"), _("Essay graded"))
    actions.register_action(ACTION_REGRADE, _("Regrade a question"), _("Question regraded"))
