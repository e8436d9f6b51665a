"""Accounts and roles in the Wagtail admin: the user listing's bulk actions follow
permissions.py, and the reports that show everybody's work are for administrators."""

from django.urls import reverse
from wagtail import hooks

from lms.admin_guards import may_change_the_model, needs_model_permission, refuse

from .admin_views import AssignRoleToAccountsBulkAction, SetActiveStateOfAccountsBulkAction
from .roles import is_administrator

# Registered after Wagtail's own actions of the same type, which they replace.
hooks.register("register_bulk_action", AssignRoleToAccountsBulkAction, order=1)
hooks.register("register_bulk_action", SetActiveStateOfAccountsBulkAction, order=1)

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
    return {"wagtailadmin_workflows:task_chosen": needs_model_permission("wagtailcore.Workflow", {"add", "change"})}


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
