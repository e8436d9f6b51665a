"""The certificates app in the Wagtail admin: templates, the register, issue and bulk issue."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import include, path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from . import admin_views
from .admin_views import (
    BulkIssueRunViewSet,
    CertificateTemplateViewSet,
    CertificateViewSet,
    ReadOnlyPermissionPolicy,
)
from .models import BulkIssueRun, Certificate
from .services import (
    ACTION_BULK,
    ACTION_ISSUE,
    ACTION_REISSUE,
    ACTION_REVOKE,
    ACTION_SUPERSEDE,
    current_template_version,
)

register_snippet(CertificateTemplateViewSet)
register_permission_policy(Certificate, ReadOnlyPermissionPolicy(Certificate))
register_permission_policy(BulkIssueRun, ReadOnlyPermissionPolicy(BulkIssueRun))

certificate_viewset = CertificateViewSet("certificate_register")
bulk_issue_viewset = BulkIssueRunViewSet("certificate_bulk_issues")


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [certificate_viewset, bulk_issue_viewset]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("certificate-actions/", include((admin_views.urlpatterns, "certificate_actions")))]


@hooks.register("register_log_actions")
def register_certificate_actions(actions):
    actions.register_action(ACTION_ISSUE, gettext_lazy("Issue certificate"), gettext_lazy("Certificate issued"))
    actions.register_action(ACTION_REISSUE, gettext_lazy("Reissue certificate"), gettext_lazy("Certificate reissued"))
    actions.register_action(
        ACTION_SUPERSEDE, gettext_lazy("Supersede certificate"), gettext_lazy("Certificate superseded")
    )
    actions.register_action(ACTION_REVOKE, gettext_lazy("Revoke certificate"), gettext_lazy("Certificate revoked"))
    actions.register_action(ACTION_BULK, gettext_lazy("Bulk issue"), gettext_lazy("Bulk issue requested"))


@hooks.register("before_delete_page")
def refuse_deleting_a_course_with_certificates(request, page):
    """A course that certificates were issued for stays: the register must keep pointing at it."""
    from courses.models import CoursePage

    courses = CoursePage.objects.descendant_of(page, inclusive=True).values("pk")
    count = Certificate.objects.filter(course_id__in=courses).count()
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


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def version_template_after_save(request, instance):
    from .models import CertificateTemplate

    if isinstance(instance, CertificateTemplate):
        current_template_version(template=instance)
