"""Accounts and roles in the Wagtail admin: the user listing's bulk actions follow
permissions.py, and the reports that show everybody's work are for administrators."""

from django.urls import path, reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import LogFormatter
from wagtail.permissions import register_permission_policy

from lms.admin_guards import may_change_the_model, needs_model_permission, refuse

from .admin_views import (
    AssignRoleToAccountsBulkAction,
    ConfirmOrganisationsBulkAction,
    MergeOrganisationView,
    OrganisationDeleteView,
    OrganisationForm,
    OrganisationIndexView,
    OrganisationMembersView,
    SetActiveStateOfAccountsBulkAction,
    organisation_label,
)
from .models import Organisation
from .permissions import OrganisationPermissionPolicy
from .roles import is_administrator
from .services import ACTION_CONFIRM, ACTION_MERGE

# Registered after Wagtail's own actions of the same type, which they replace.
hooks.register("register_bulk_action", AssignRoleToAccountsBulkAction, order=1)
hooks.register("register_bulk_action", SetActiveStateOfAccountsBulkAction, order=1)
hooks.register("register_bulk_action", ConfirmOrganisationsBulkAction)

# Reports over the whole site: every person's activity, the last edited page of each type,
# every translation. Trainers follow their own courses through the page history instead.
ADMINISTRATOR_REPORTS = (
    "wagtailadmin_reports:site_history",
    "wagtailadmin_reports:page_types_usage",
    "wagtail_localize:translations_report",
)
# Read-only APIs that list every document, image or snippet whatever its collection or
# course: Wagtail's choosers (which respect both) are what trainers use.
ADMINISTRATOR_APIS = (
    "wagtailadmin_api:documents:listing",
    "wagtailadmin_api:documents:detail",
    "wagtailadmin_api:images:listing",
    "wagtailadmin_api:images:detail",
    "wagtail_localize:snippets_api_listing",
    "wagtail_localize:snippets_api_detail",
)


def for_administrators(request, **view_kwargs):
    if request.user.is_authenticated and not is_administrator(request.user):
        return refuse(request)
    return None


@hooks.register("register_admin_view_guards")
def administrator_reports_and_apis():
    reports = {
        name: for_administrators
        for report in ADMINISTRATOR_REPORTS
        for name in (report, f"{report}_results")
    }
    return reports | dict.fromkeys(ADMINISTRATOR_APIS, for_administrators)


@hooks.register("register_admin_view_guards")
def workflow_set_up():
    """Wagtail answers "which task is this" to anyone in the admin; workflows are set up by
    superusers (ENSA publishes through roles, not Wagtail's moderation)."""
    return {
        "wagtailadmin_workflows:task_chosen": needs_model_permission(
            "wagtailcore.Workflow", {"add", "change"}
        )
    }


@hooks.register("register_admin_view_guards")
def snippet_translations():
    """wagtail-localize lets anyone holding "submit translation" translate any snippet."""
    return {"wagtail_localize:submit_snippet_translation": may_change_the_model}


@hooks.register("construct_reports_menu")
def hide_administrator_reports(request, menu_items):
    if is_administrator(request.user):
        return
    hidden = {reverse(report) for report in ADMINISTRATOR_REPORTS}
    menu_items[:] = [item for item in menu_items if item.url not in hidden]


# --- Organisations ----------------------------------------------------------------------


class OtherNameColumn(Column):
    """The name in the other language, marked with its language and direction."""

    cell_template_name = "accounts/admin/organisation_other_name_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        name, language = instance.other_name()
        context.update(name=name, language=language, direction="rtl" if language == "ar" else "ltr")
        return context


class ParentPathColumn(Column):
    def get_value(self, instance):
        return ""

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["value"] = organisation_label(instance.parent) if instance.parent_id else ""
        return context


register_permission_policy(Organisation, OrganisationPermissionPolicy(Organisation))


class OrganisationViewSet(ModelViewSet):
    """Ministries, regions, municipalities and their directorates, for administrators."""

    model = Organisation
    name = "organisations"
    icon = "site"
    menu_label = gettext_lazy("Organisations")
    menu_order = 260
    add_to_admin_menu = True
    index_view_class = OrganisationIndexView
    delete_view_class = OrganisationDeleteView
    form_fields = ["name_fr", "name_ar", "kind", "parent", "slug", "is_partner"]
    list_display = [
        "__str__",
        OtherNameColumn("other_name", label=gettext_lazy("Name in the other language")),
        ParentPathColumn("parent", label=gettext_lazy("Part of")),
        "kind",
        Column("member_count", label=gettext_lazy("Members"), sort_key="member_count"),
        Column("child_count", label=gettext_lazy("Parts"), sort_key="child_count"),
    ]
    list_filter = ["kind", "is_partner"]
    search_fields = ["name_fr", "name_ar", "slug"]
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        return OrganisationForm

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("merge/<int:pk>/", MergeOrganisationView.as_view(), name="merge"),
            path("members/<int:pk>/", OrganisationMembersView.as_view(), name="members"),
        ]


@hooks.register("register_admin_viewset")
def register_organisations():
    return OrganisationViewSet()


class MergeFormatter(LogFormatter):
    label = gettext_lazy("Merge organisations")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        source = data.get("source") or {}
        name = source.get("name_ar") if (get_language() or "").startswith("ar") else None
        name = name or source.get("name_fr")
        if not name:
            return _("Organisation merged into this one")
        return _(
            "“%(source)s” merged into this one: %(members)d people and %(children)d organisations moved"
        ) % {
            "source": name,
            "members": data.get("members", 0),
            "children": data.get("children", 0),
        }


@hooks.register("register_log_actions")
def register_organisation_actions(actions):
    actions.register_action(ACTION_MERGE)(MergeFormatter)
    actions.register_action(
        ACTION_CONFIRM, gettext_lazy("Confirm organisation"), gettext_lazy("Organisation confirmed")
    )
