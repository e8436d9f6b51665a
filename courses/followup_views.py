"""The trainers' follow-up in the Wagtail admin: their cohorts and courses, the grid of
learners, who has not started or has stalled, and a message to a cohort.

Every view answers 403 to a person who may not follow the cohort or course asked for
(administrators follow everything; trainers their cohorts and the courses they teach;
learners nothing) and 404 to an id that does not exist.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem

from .admin_views import AdminPageMixin
from .followup import (
    DEFAULT_STALLED_DAYS,
    cohort_recipients,
    followed_cohorts,
    followed_courses_with_counts,
    learner_grid,
    may_follow_cohort,
)
from .followup_forms import CohortMessageForm, StalledForm
from .followup_services import send_cohort_message
from .models import Cohort, CoursePage, canonical_page
from .permissions import may_follow_progress


class FollowUpMenuItem(MenuItem):
    """An entry of the "Follow-up" menu: shown to trainers and administrators."""

    def is_shown(self, request):
        return may_follow_progress(request.user)


class FollowUpView(AdminPageMixin, TemplateView):
    """Trainers and administrators only; `scope` is "course" or "cohort" for the views of
    one course or cohort, whose id comes as `pk`."""

    header_icon = "view"
    scope = ""

    def dispatch(self, request, *args, **kwargs):
        if not may_follow_progress(request.user):
            raise PermissionDenied
        self.course, self.cohort = None, None
        if self.scope == "course":
            self.course = canonical_page(get_object_or_404(CoursePage, pk=kwargs["pk"]))
            if not may_follow_progress(request.user, self.course):
                raise PermissionDenied
        elif self.scope == "cohort":
            self.cohort = get_object_or_404(
                Cohort.objects.select_related("course"), pk=kwargs["pk"]
            )
            if not may_follow_cohort(request.user, self.cohort):
                raise PermissionDenied
            self.course = self.cohort.course
        return super().dispatch(request, *args, **kwargs)

    def scope_urls(self) -> dict[str, str]:
        if self.cohort is not None:
            pk, prefix = self.cohort.pk, "cohort"
        else:
            pk, prefix = self.course.pk, "course"
        urls = {
            "grid": reverse(f"follow_up:{prefix}_grid", args=[pk]),
            "stalled": reverse(f"follow_up:{prefix}_stalled", args=[pk]),
            "index": reverse("follow_up:index"),
        }
        if self.cohort is not None:
            urls["message"] = reverse("follow_up:cohort_message", args=[pk])
            if may_follow_progress(self.request.user, self.course):
                urls["course"] = reverse("follow_up:course_grid", args=[self.course.pk])
        return urls

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(course=self.course, cohort=self.cohort)
        if self.course is not None:
            context["urls"] = self.scope_urls()
            context["course_links"] = course_links(self.request.user, self.course, self.cohort)
        return context


def course_links(user, course, cohort=None) -> list[tuple[str, str]]:
    """Links other apps add to the follow-up pages of a course or cohort (quiz results,
    grading queue): functions registered with the "follow_up_course_links" hook, each taking
    (user, course, cohort) and returning (label, url) pairs."""
    links = []
    for hook in hooks.get_hooks("follow_up_course_links"):
        links.extend(hook(user, course, cohort))
    return links


class FollowUpIndexView(FollowUpView):
    template_name = "courses/followup/index.html"
    page_title = gettext_lazy("Follow-up")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            cohorts=list(followed_cohorts(self.request.user)),
            courses=list(followed_courses_with_counts(self.request.user)),
        )
        return context


class GridView(FollowUpView):
    template_name = "courses/followup/grid.html"
    page_title = gettext_lazy("Learners and their progress")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["grid"] = learner_grid(course=self.course, cohort=self.cohort)
        return context


class StalledView(FollowUpView):
    template_name = "courses/followup/stalled.html"
    page_title = gettext_lazy("Not started or stalled")

    def get(self, request, *args, **kwargs):
        form = StalledForm(request.GET if "days" in request.GET else {"days": DEFAULT_STALLED_DAYS})
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        grid = learner_grid(course=self.course, cohort=self.cohort)
        days = form.cleaned_data["days"]
        return self.render_to_response(
            self.get_context_data(
                form=form,
                days=days,
                not_started=grid.not_started(),
                stalled=grid.stalled(days=days),
            )
        )


class CohortMessageView(FollowUpView):
    """GET: the form; POST: the confirmation page (how many will receive it); POST with
    `confirm`: send, then back to the cohort."""

    template_name = "courses/followup/message.html"
    page_title = gettext_lazy("Message to the cohort")
    scope = "cohort"
    http_method_names = ["get", "post"]

    def post(self, request, *args, **kwargs):
        form = CohortMessageForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("The message was not sent: correct the errors below."))
            return self.render_to_response(self.get_context_data(form=form), status=400)
        if "confirm" not in request.POST:
            recipients = cohort_recipients(self.cohort)
            return self.render_to_response(
                self.get_context_data(form=form, confirming=True, recipient_count=len(recipients))
            )
        sent = send_cohort_message(
            cohort=self.cohort,
            subject=form.cleaned_data["subject"],
            body=form.cleaned_data["body"],
            sent_by=request.user,
        )
        messages.success(
            request,
            ngettext(
                "The message is being sent to %(count)d learner.",
                "The message is being sent to %(count)d learners.",
                sent.recipients,
            )
            % {"count": sent.recipients},
        )
        return redirect("follow_up:cohort_grid", pk=self.cohort.pk)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", CohortMessageForm())
        return super().get_context_data(**kwargs)
