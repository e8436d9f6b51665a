"""The certificates app in the Wagtail admin: templates, the register, issue and bulk issue,
the certificate settings of courses. Administrators only (permissions.py)."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.widgets.button import Button
from wagtail.log_actions import LogFormatter
from wagtail.models import Page
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from courses.api import CoursePage, canonical_page
from lms.admin_guards import needs_model_permission

from . import admin_views
from .admin_views import (
    BulkIssueRunViewSet,
    CertificateTemplateViewSet,
    CertificateViewSet,
    CourseCertificationViewSet,
    ReadOnlyPermissionPolicy,
)
from .models import BulkIssueRun, Certificate, CertificateTemplate, CourseCertification
from .permissions import AdministratorPermissionPolicy
from .services import (
    ACTION_BULK,
    ACTION_ISSUE,
    ACTION_REISSUE,
    ACTION_REVOKE,
    ACTION_SUPERSEDE,
    current_template_version,
)

register_permission_policy(Certificate, ReadOnlyPermissionPolicy(Certificate))
register_permission_policy(BulkIssueRun, ReadOnlyPermissionPolicy(BulkIssueRun))
register_permission_policy(CertificateTemplate, AdministratorPermissionPolicy(CertificateTemplate))
certification_policy = AdministratorPermissionPolicy(CourseCertification)
register_permission_policy(CourseCertification, certification_policy)
register_snippet(CertificateTemplateViewSet)

certificate_viewset = CertificateViewSet("certificate_register")
bulk_issue_viewset = BulkIssueRunViewSet("certificate_bulk_issues")
certification_viewset = CourseCertificationViewSet("certificate_settings")


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [certificate_viewset, bulk_issue_viewset, certification_viewset]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("certificate-actions/", include((admin_views.urlpatterns, "certificate_actions")))]


class ReissueFormatter(LogFormatter):
    label = gettext_lazy("Reissue certificate")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        replaced = data.get("replaces") or data.get("supersedes")
        if not replaced:
            return _("Certificate reissued")
        if data.get("revoked"):
            return _("Certificate reissued; it replaces the revoked certificate %(serial)s") % {
                "serial": replaced
            }
        return _("Certificate reissued; it replaces %(serial)s") % {"serial": replaced}


@hooks.register("register_log_actions")
def register_certificate_actions(actions):
    actions.register_action(
        ACTION_ISSUE, gettext_lazy("Issue certificate"), gettext_lazy("Certificate issued")
    )
    actions.register_action(ACTION_REISSUE)(ReissueFormatter)
    actions.register_action(
        ACTION_SUPERSEDE,
        gettext_lazy("Supersede certificate"),
        gettext_lazy("Certificate superseded"),
    )
    actions.register_action(
        ACTION_REVOKE, gettext_lazy("Revoke certificate"), gettext_lazy("Certificate revoked")
    )
    actions.register_action(
        ACTION_BULK, gettext_lazy("Bulk issue"), gettext_lazy("Bulk issue requested")
    )


def _certificate_count(page: Page) -> int:
    """Certificates issued for the courses at or below `page`."""
    return Certificate.objects.filter(course__path__startswith=page.path).count()


@hooks.register("before_delete_page")
def refuse_deleting_a_course_with_certificates(request, page):
    """A course that certificates were issued for stays: the register must keep pointing at it."""
    count = _certificate_count(page)
    if count:
        messages.error(
            request,
            _(
                "This page cannot be deleted: %(count)d certificates were issued for its course. "
                "Unpublish it instead; the register keeps every certificate."
            )
            % {"count": count},
        )
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None


@hooks.register("before_bulk_action")
def refuse_bulk_deleting_courses_with_certificates(
    request, action_type, objects, action_class_instance
):
    """Wagtail's bulk delete of pages skips `before_delete_page`: the same refusal, for each."""
    if action_type != "delete" or not objects or not isinstance(objects[0], Page):
        return None
    blocked = [page for page in objects if _certificate_count(page)]
    if not blocked:
        return None
    messages.error(
        request,
        _(
            "These pages cannot be deleted because certificates were issued for their courses: "
            "%(titles)s. Unpublish them instead; the register keeps every certificate."
        )
        % {"titles": ", ".join(page.get_admin_display_title() for page in blocked)},
    )
    return redirect("wagtailadmin_explore", blocked[0].get_parent().pk)


@hooks.register("register_page_header_buttons")
def certificate_settings_button(page, user, view_name, next_url=None):
    """On a course, administrators find its certificate settings."""
    if not isinstance(page.specific_deferred, CoursePage):
        return
    if not certification_policy.user_has_any_permission(user, {"add", "change"}):
        return
    course = canonical_page(page)
    certification = CourseCertification.objects.filter(course_id=course.pk).only("pk").first()
    if certification is not None:
        url = reverse(certification_viewset.get_url_name("edit"), args=[certification.pk])
    else:
        url = reverse(certification_viewset.get_url_name("add")) + f"?course={course.pk}"
    yield Button(_("Certificate settings"), url=url, icon_name="cog", priority=80)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def version_template_after_save(request, instance):
    if isinstance(instance, CertificateTemplate):
        current_template_version(template=instance)


@hooks.register("register_admin_view_guards")
def template_chooser_for_administrators():
    """Wagtail's snippet chooser answers anyone in the admin; certificate templates are the
    administrators' (trainers choose none anywhere)."""
    guard = needs_model_permission("certificates.CertificateTemplate", {"view", "change"})
    namespace = "wagtailsnippetchoosers_certificates_certificatetemplate"
    return {
        f"{namespace}:{view}": guard
        for view in ("choose", "choose_results", "chosen", "chosen_multiple")
    }
