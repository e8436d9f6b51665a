"""Quiz results and the grading queue in the trainers' follow-up (Wagtail admin). The
results, grading and regrade pages themselves are the views of views.py, reached from here.

A person sees the quizzes and attempts of the courses they follow: administrators all,
trainers the courses they teach. Another course's id is a 403, an unknown id a 404.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy

from courses.api import FollowUpView, may_follow_progress

from .followup import followed_quizzes, grading_queue


class QuizFollowUpView(FollowUpView):
    """For a cohort, the person must also follow its course: grading is for its trainers."""

    def get(self, request, *args, **kwargs):
        if self.cohort is not None and not may_follow_progress(request.user, self.course):
            raise PermissionDenied
        return super().get(request, *args, **kwargs)


class QuizResultsIndexView(QuizFollowUpView):
    template_name = "quizzes/followup/quizzes.html"
    page_title = gettext_lazy("Quiz results")
    header_icon = "help"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["quizzes"] = followed_quizzes(self.request.user, course=self.course)
        return context


class GradingQueueView(QuizFollowUpView):
    template_name = "quizzes/followup/grading.html"
    page_title = gettext_lazy("Grading queue")
    header_icon = "edit"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["attempts"] = grading_queue(
            self.request.user, course=self.course, cohort=self.cohort
        )
        return context
