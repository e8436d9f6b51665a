"""Wagtail admin customisation of the courses app: course ownership for trainers,
safe deletion, cohorts, enrolments and progress reports."""

from __future__ import annotations

import django_filters
from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_list_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.menus import MenuItem as ListingMenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.pages.bulk_actions.delete import DeleteBulkAction
from wagtail.admin.views.pages.bulk_actions.move import MoveBulkAction
from wagtail.admin.views.pages.bulk_actions.publish import PublishBulkAction
from wagtail.admin.views.pages.bulk_actions.unpublish import UnpublishBulkAction
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import HeaderButton
from wagtail.log_actions import LogFormatter
from wagtail.models import AbstractPage, Page
from wagtail.permissions import policy_registry, register_permission_policy

from lms.pagecache import remember
from lms.spreadsheets import SafeSpreadsheetExportMixin

from .admin_forms import CohortForm, default_locale_courses
from .admin_views import (
    EnrolLearnersView,
    ImportLearnersView,
    ProgressIndexView,
    ProgressReportView,
    guard_explorable_page,
    guard_page_translation,
    guard_po_upload,
    guard_translation_override,
    guard_translation_sync,
)
from .followup_services import ACTION_COHORT_MESSAGE
from .followup_views import (
    CohortMessageView,
    FollowUpIndexView,
    FollowUpMenuItem,
    GridView,
    StalledView,
)
from .models import (
    Cohort,
    CourseOwnedMixin,
    CoursePage,
    Enrolment,
    EnrolmentStatus,
)
from .permissions import (
    CoursePagePermissionPolicy,
    may_enrol_others,
    may_follow_progress,
    restricted_to_own_courses,
)
from .records import holds_learner_records

# Every page, of every type, is checked by the course-aware policy (see permissions.py).
register_permission_policy(AbstractPage, CoursePagePermissionPolicy())

# --- Course pages -----------------------------------------------------------------------


def _make_author_a_trainer(user, page) -> None:
    """A trainer who creates a course becomes one of its trainers, so they can keep editing it."""
    course = page.specific
    if not isinstance(course, CoursePage) or not restricted_to_own_courses(user):
        return
    if user.taught_courses.filter(pk=course.pk).exists():
        return
    course.trainers.add(user)
    course.trainers.commit()
    policy = policy_registry.get_by_type(Page)
    if hasattr(user, policy.permission_cache_name):
        # The rights on this new course count from now on, in this very request.
        delattr(user, policy.permission_cache_name)
    revision = course.latest_revision
    if revision is not None:
        # Publishing this revision later must not drop the trainer again.
        revision.content = course.serializable_data()
        revision.save(update_fields=["content"])


@hooks.register("after_create_page")
def make_author_a_trainer(request, page):
    _make_author_a_trainer(request.user, page)


@hooks.register("register_admin_view_guards")
def pages_and_translations_of_own_courses_only():
    return {
        "wagtailadmin_explore": guard_explorable_page,
        "wagtailadmin_explore_results": guard_explorable_page,
        "wagtail_localize:submit_page_translation": guard_page_translation,
        "wagtail_localize:update_translations": guard_translation_sync,
        "wagtail_localize:upload_pofile": guard_po_upload,
        "wagtail_localize:edit_override": guard_translation_override,
    }


@hooks.register("before_move_page")
def refuse_moves_the_person_may_not_make(request, page, destination):
    """Wagtail checks the move only when it is made: the confirmation page already refuses."""
    if not page.permissions_for_user(request.user).can_move_to(destination):
        raise PermissionDenied


class ExplorablePagesOnly:
    """Bulk actions on pages find only the pages the person may explore: another course's
    draft is neither listed (with its title) nor acted on."""

    def get_queryset(self, model, object_ids):
        explorable = policy_registry.get_by_type(Page).explorable_instances(self.request.user)
        return get_list_or_404(
            model.objects.filter(pk__in=explorable.values("pk")), pk__in=object_ids
        )


# Registered after Wagtail's own page actions of the same type, which they replace.
for _action in (DeleteBulkAction, MoveBulkAction, PublishBulkAction, UnpublishBulkAction):
    hooks.register(
        "register_bulk_action", type(_action.__name__, (ExplorablePagesOnly, _action), {}), order=1
    )


@hooks.register("construct_page_chooser_queryset")
def hide_other_trainers_drafts_from_the_chooser(pages, request):
    """Trainers may link to any published page, and choose drafts only in their own courses."""
    if not restricted_to_own_courses(request.user):
        return pages
    explorable = policy_registry.get_by_type(Page).explorable_instances(request.user)
    return pages.filter(Q(live=True) | Q(pk__in=explorable.values("pk")))


def _pages_with_enrolments(pages) -> list[Page]:
    """The pages among `pages` whose subtree holds learners' records (courses/records.py)."""
    return [page for page in pages if holds_learner_records(page)]


@hooks.register("before_delete_page")
def refuse_deleting_courses_with_enrolments(request, page):
    if not _pages_with_enrolments([page]):
        return None
    messages.error(
        request,
        _(
            "“%(title)s” cannot be deleted: learners' enrolments, completed lessons or quiz "
            "attempts depend on it. Unpublish it instead to hide it."
        )
        % {"title": page.get_admin_display_title()},
    )
    return redirect("wagtailadmin_explore", page.get_parent().pk)


@hooks.register("before_bulk_action")
def refuse_bulk_deleting_courses_with_enrolments(
    request, action_type, objects, action_class_instance
):
    if action_type != "delete" or not objects or not isinstance(objects[0], Page):
        return None
    blocked = _pages_with_enrolments(objects)
    if not blocked:
        return None
    messages.error(
        request,
        _(
            "These pages cannot be deleted because learners' enrolments, completed lessons or "
            "quiz attempts depend on them: %(titles)s."
        )
        % {"titles": ", ".join(page.get_admin_display_title() for page in blocked)},
    )
    return redirect("wagtailadmin_explore", blocked[0].get_parent().pk)


# --- Cohorts ----------------------------------------------------------------------------


class CohortIndexView(generic.IndexView):
    """Cohorts with their number of learners, and actions to enrol learners or follow them."""

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("course")
            .annotate(
                learner_count=Count(
                    "enrolments", filter=~Q(enrolments__status=EnrolmentStatus.WITHDRAWN)
                )
            )
        )

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if may_enrol_others(self.request.user):
            buttons.append(
                ListingMenuItem(
                    _("Enrol learners"),
                    url=reverse("enrolments:enrol") + f"?cohort={instance.pk}",
                    icon_name="user",
                    priority=5,
                )
            )
            buttons.append(
                ListingMenuItem(
                    _("Import learners"),
                    url=reverse("enrolments:import", args=[instance.pk]),
                    icon_name="upload",
                    priority=5,
                )
            )
        buttons.append(
            ListingMenuItem(
                _("Progress"),
                url=reverse("course_progress:report", args=[instance.course_id])
                + f"?cohort={instance.pk}",
                icon_name="table",
                priority=6,
            )
        )
        return buttons


class CohortViewSet(ModelViewSet):
    model = Cohort
    name = "cohorts"
    icon = "group"
    menu_label = gettext_lazy("Cohorts")
    index_view_class = CohortIndexView
    list_display = [
        "name",
        "course",
        "starts_on",
        "ends_on",
        Column("learner_count", label=gettext_lazy("Learners")),
    ]
    list_filter = ["course"]
    copy_view_enabled = False
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("course"),
            FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
            FieldPanel("capacity"),
            FieldPanel("trainers", widget=forms.CheckboxSelectMultiple),
        ],
        base_form_class=CohortForm,
    )


# --- Enrolments -------------------------------------------------------------------------


class EnrolmentFilterSet(WagtailFilterSet):
    course = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Course"), queryset=lambda request: default_locale_courses()
    )
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"), choices=EnrolmentStatus.choices
    )
    cohort = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Cohort"),
        queryset=lambda request: Cohort.objects.select_related("course").order_by("name"),
    )

    class Meta:
        model = Enrolment
        fields = ["course", "status", "cohort"]


class EnrolmentIndexView(SafeSpreadsheetExportMixin, generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("learner", "course", "cohort")

    @property
    def header_buttons(self):
        if not may_enrol_others(self.request.user):
            return []
        return [
            HeaderButton(_("Enrol learners"), url=reverse("enrolments:enrol"), icon_name="plus")
        ]


class EnrolmentViewSet(ModelViewSet):
    """A read-only listing: enrolments change only through the enrolment services."""

    model = Enrolment
    name = "enrolments"
    icon = "user"
    menu_label = gettext_lazy("Enrolments")
    index_view_class = EnrolmentIndexView
    list_display = ["learner", "course", "cohort", "status", "enrolled_at", "completed_at"]
    list_export = ["learner", "course", "cohort", "status", "enrolled_at", "completed_at"]
    export_filename = "enrolments"
    filterset_class = EnrolmentFilterSet
    copy_view_enabled = False
    inspect_view_enabled = True
    form_fields = []

    def get_common_view_kwargs(self, **kwargs):
        view_kwargs = super().get_common_view_kwargs(**kwargs)
        for name in (
            "add_url_name",
            "edit_url_name",
            "delete_url_name",
            "history_url_name",
            "usage_url_name",
        ):
            view_kwargs[name] = None
        return view_kwargs

    @property
    def url_finder_class(self):
        return type(
            "EnrolmentAdminURLFinder",
            (ModelAdminURLFinder,),
            {"edit_url_name": self.get_url_name("inspect")},
        )

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("enrol/", EnrolLearnersView.as_view(), name="enrol"),
            path("import/<int:cohort_id>/", ImportLearnersView.as_view(), name="import"),
        ]


# --- Progress reports -------------------------------------------------------------------


class ProgressMenuItem(MenuItem):
    def is_shown(self, request):
        return may_follow_progress(request.user)


class ProgressReportViewSet(ViewSet):
    name = "course_progress"
    url_prefix = "course-progress"
    icon = "table"
    menu_label = gettext_lazy("Progress")
    menu_item_class = ProgressMenuItem

    def get_urlpatterns(self):
        return [
            path("", ProgressIndexView.as_view(), name="index"),
            path("<int:course_id>/", ProgressReportView.as_view(), name="report"),
        ]


class TrainingViewSetGroup(ViewSetGroup):
    menu_label = gettext_lazy("Training")
    menu_icon = "group"
    menu_order = 250
    items = (CohortViewSet, EnrolmentViewSet)


@hooks.register("register_admin_viewset")
def register_training_viewsets():
    return TrainingViewSetGroup()


# --- Follow-up --------------------------------------------------------------------------
# One menu for the trainers' follow-up: their cohorts and courses, the progress report,
# and (registered by the quizzes app with the same hook) quiz results and the grading queue.


class FollowUpViewSet(ViewSet):
    name = "follow_up"
    url_prefix = "follow-up"
    icon = "view"

    def get_urlpatterns(self):
        return [
            path("", FollowUpIndexView.as_view(), name="index"),
            path("courses/<int:pk>/", GridView.as_view(scope="course"), name="course_grid"),
            path(
                "courses/<int:pk>/stalled/",
                StalledView.as_view(scope="course"),
                name="course_stalled",
            ),
            path("cohorts/<int:pk>/", GridView.as_view(scope="cohort"), name="cohort_grid"),
            path(
                "cohorts/<int:pk>/stalled/",
                StalledView.as_view(scope="cohort"),
                name="cohort_stalled",
            ),
            path("cohorts/<int:pk>/message/", CohortMessageView.as_view(), name="cohort_message"),
        ]


@hooks.register("register_admin_viewset")
def register_follow_up_viewsets():
    return [FollowUpViewSet(), ProgressReportViewSet()]


follow_up_menu = Menu(
    register_hook_name="register_follow_up_menu_item",
    construct_hook_name="construct_follow_up_menu",
)


@hooks.register("register_admin_menu_item")
def register_follow_up_menu():
    return SubmenuMenuItem(
        gettext_lazy("Follow-up"), follow_up_menu, icon_name="view", name="follow-up", order=240
    )


@hooks.register("register_follow_up_menu_item")
def register_cohorts_and_courses_item():
    return FollowUpMenuItem(
        gettext_lazy("Cohorts and courses"),
        reverse("follow_up:index"),
        name="follow-up-index",
        icon_name="group",
        order=100,
    )


@hooks.register("register_follow_up_menu_item")
def register_progress_item():
    return FollowUpMenuItem(
        gettext_lazy("Progress"),
        reverse("course_progress:index"),
        name="course-progress",
        icon_name="table",
        order=200,
    )


class CohortMessageFormatter(LogFormatter):
    label = gettext_lazy("Message to the cohort")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return ngettext(
            "Message “%(subject)s” sent to %(count)d learner",
            "Message “%(subject)s” sent to %(count)d learners",
            data.get("recipients", 0),
        ) % {"subject": data.get("subject", ""), "count": data.get("recipients", 0)}


@hooks.register("register_log_actions")
def register_follow_up_actions(actions):
    actions.register_action(ACTION_COHORT_MESSAGE)(CohortMessageFormatter)


@hooks.register("register_log_actions")
def register_enrolment_log_actions(actions):
    """Enrolments in bulk and imports appear in the cohort's (or course's) history and in
    the site history, with who and when."""
    actions.register_action(
        "courses.bulk_enrol", gettext_lazy("Enrol learners"), gettext_lazy("Learners enrolled")
    )
    actions.register_action(
        "courses.import_learners",
        gettext_lazy("Import learners"),
        gettext_lazy("Learners imported"),
    )
    actions.register_action(
        "courses.invitation_accepted",
        gettext_lazy("Accept an invitation"),
        gettext_lazy("Invitation accepted"),
    )


@hooks.register("before_serve_page")
def hide_pages_below_drafts(page, request, serve_args, serve_kwargs):
    """A live lesson or module of a draft course stays hidden from the public."""
    if isinstance(page, CourseOwnedMixin) and remember(
        f"below-draft:{page.pk}", lambda: page.get_ancestors().not_live().exists()
    ):
        raise Http404
