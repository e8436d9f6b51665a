"""The question bank in the Wagtail admin: trainers see and edit their own courses' questions."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from courses.permissions import restricted_to_own_courses

from .models import Question, QuestionCategory


def _own(queryset, request):
    if restricted_to_own_courses(request.user):
        return queryset.filter(course__trainers=request.user)
    return queryset


class QuestionCategoryViewSet(SnippetViewSet):
    model = QuestionCategory
    icon = "folder-open-inverse"
    menu_label = _("Categories")
    list_display = ["name", "name_ar", "course"]
    list_filter = ["course"]

    def get_queryset(self, request):
        return _own(QuestionCategory.objects.select_related("course"), request)


class QuestionViewSet(SnippetViewSet):
    model = Question
    icon = "help"
    menu_label = _("Questions")
    list_display = ["text", "kind", "points", "category", "course"]
    list_filter = ["course", "kind", "category"]
    search_fields = ["text", "text_ar"]

    def get_queryset(self, request):
        return _own(Question.objects.select_related("course", "category"), request)


class QuestionBankGroup(SnippetViewSetGroup):
    items = (QuestionViewSet, QuestionCategoryViewSet)
    menu_icon = "help"
    menu_label = _("Question bank")
    menu_name = "question_bank"


register_snippet(QuestionBankGroup)
