"""Admin views: the register (read-only listing, filters, CSV/XLSX export), the actions
administrators take on it (issue, bulk issue, revoke, reissue) and the certificate settings
of courses. Views call services. Everything here is for ENSA administrators only."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.models import CreateView, EditView, IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button, HeaderButton
from wagtail.snippets.views.snippets import SnippetViewSet

from courses.api import Enrolment
from lms.admin_ui import LanguageColumn
from lms.spreadsheets import SafeSpreadsheetExportMixin

from . import services
from .admin_forms import CourseCertificationForm, certified_course_initial
from .eligibility import check_eligibility
from .forms import BulkIssueForm, IssueForm, ReissueForm, RevokeForm
from .models import (
    BulkIssueRun,
    Certificate,
    CertificateStatus,
    CertificateTemplate,
    CourseCertification,
)
from .permissions import AdministratorPermissionPolicy, may_administer
from .views import download as public_download


class ReadOnlyPermissionPolicy(AdministratorPermissionPolicy):
    """Generic views may list, inspect and export; every change goes through a service."""

    def user_has_permission(self, user, action):
        if action in {"add", "change", "delete"}:
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)


def _action_url(name: str, *args) -> str:
    return reverse(f"certificate_actions:{name}", args=args)


class CertificateIndexView(SafeSpreadsheetExportMixin, IndexView):
    @cached_property
    def header_buttons(self):
        return [
            HeaderButton(_("Issue a certificate"), url=_action_url("issue"), icon_name="plus"),
            HeaderButton(_("Bulk issue"), url=_action_url("bulk"), icon_name="doc-full"),
        ]

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        buttons.append(
            Button(
                _("Download PDF"),
                url=_action_url("download", instance.pk),
                icon_name="download",
                priority=5,
            )
        )
        if instance.may_be_reissued:
            buttons.append(
                Button(
                    _("Reissue"),
                    url=_action_url("reissue", instance.pk),
                    icon_name="resubmit",
                    priority=40,
                )
            )
        if instance.is_valid:
            buttons.append(
                Button(
                    _("Revoke"),
                    url=_action_url("revoke", instance.pk),
                    icon_name="cross",
                    priority=50,
                )
            )
        return buttons


class CertificateInspectView(InspectView):
    @cached_property
    def header_more_buttons(self):
        buttons = [
            Button(
                _("Download PDF"), url=_action_url("download", self.object.pk), icon_name="download"
            )
        ]
        buttons.append(
            Button(
                _("Verification page"), url=self.object.get_verify_url(), icon_name="link-external"
            )
        )
        if self.object.may_be_reissued:
            buttons.append(
                Button(
                    _("Reissue"), url=_action_url("reissue", self.object.pk), icon_name="resubmit"
                )
            )
        if self.object.is_valid:
            buttons.append(
                Button(_("Revoke"), url=_action_url("revoke", self.object.pk), icon_name="cross")
            )
        return buttons


class RecordHistoryView(HistoryView):
    """The audit trail of a record (issued, revoked, reissued...), for those who may view it:
    the register itself is never changed in the admin."""

    any_permission_required = ["view"]


class CertificateViewSet(ModelViewSet):
    model = Certificate
    icon = "doc-full-inverse"
    menu_label = gettext_lazy("Certificate register")
    menu_order = 300
    add_to_admin_menu = True
    inspect_view_enabled = True
    # Never shown: the permission policy refuses add and change (see ReadOnlyPermissionPolicy).
    form_fields = ["revoked_reason"]
    index_view_class = CertificateIndexView
    inspect_view_class = CertificateInspectView
    history_view_class = RecordHistoryView
    list_display = [
        "serial",
        "learner_name_latin",
        "learner_name_arabic",
        Column("course", label=gettext_lazy("Course"), accessor="course"),
        "status",
        DateColumn("issued_at", label=gettext_lazy("Issued at"), sort_key="issued_at"),
    ]
    list_filter = ["status", "course", "issued_at"]
    search_fields = ["serial", "learner_name_latin", "learner_name_arabic", "learner__email"]
    list_export = [
        "serial",
        "status",
        "learner_name_latin",
        "learner_name_arabic",
        "course",
        "issued_at",
        "issued_by",
        "revoked_at",
        "revoked_reason",
        "superseded_by",
        "pdf_sha256",
        "verification_code",
    ]
    export_filename = "certificate-register"
    inspect_view_fields = [
        "serial",
        "status",
        "learner_name_latin",
        "learner_name_arabic",
        "learner",
        "course",
        "template_version",
        "issued_at",
        "issued_by",
        "revoked_at",
        "revoked_by",
        "revoked_reason",
        "superseded_by",
        "pdf_sha256",
    ]


class BulkIssueRunInspectView(InspectView):
    def get_skipped_details_display_value(self):
        lines = [
            f"{entry.get('name', '')}: {services.skipped_reason(entry)}"
            for entry in self.object.skipped_details
        ]
        return "\n".join(lines) or "-"

    def get_processed_display_value(self):
        return f"{self.object.processed} / {self.object.total} ({self.object.percent} %)"


class BulkIssueRunViewSet(ModelViewSet):
    model = BulkIssueRun
    icon = "list-ul"
    menu_label = gettext_lazy("Bulk issues")
    menu_order = 301
    add_to_admin_menu = True
    inspect_view_enabled = True
    inspect_view_class = BulkIssueRunInspectView
    history_view_class = RecordHistoryView
    form_fields = ["course"]
    list_display = [
        "course",
        "cohort",
        "status",
        "processed",
        "issued",
        "already_issued",
        "skipped",
        "created_at",
    ]
    list_filter = ["status"]
    inspect_view_fields = [
        "course",
        "cohort",
        "requested_by",
        "status",
        "processed",
        "issued",
        "already_issued",
        "skipped",
        "skipped_details",
        "error",
        "created_at",
        "finished_at",
    ]


class CertificateTemplateViewSet(SnippetViewSet):
    model = CertificateTemplate
    icon = "doc-full"
    menu_label = gettext_lazy("Certificate templates")
    add_to_admin_menu = True
    menu_order = 302
    list_display = ["name", "is_default", "updated_at"]


class CourseCertificationCreateView(CreateView):
    def get_initial(self):
        """`?course=<id>` (the button on a course page) fills in the course's current values."""
        initial = super().get_initial()
        course_id = self.request.GET.get("course", "")
        if course_id.isdigit():
            initial.update(certified_course_initial(int(course_id)))
        return initial

    def save_instance(self):
        self.form.instance.updated_by = self.request.user
        return super().save_instance()


class CourseCertificationEditView(EditView):
    def save_instance(self):
        self.form.instance.updated_by = self.request.user
        return super().save_instance()


class CourseCertificationViewSet(ModelViewSet):
    """What ENSA certifies for each course, and whether it issues on completion."""

    model = CourseCertification
    icon = "cog"
    menu_label = gettext_lazy("Certificate settings")
    menu_order = 303
    add_to_admin_menu = True
    copy_view_enabled = False
    add_view_class = CourseCertificationCreateView
    edit_view_class = CourseCertificationEditView
    list_display = [
        "course",
        LanguageColumn(  # the French title, marked as French in the Arabic admin
            "title_fr",
            language="fr",
            label=CourseCertification._meta.get_field("title_fr").verbose_name,
            sort_key="title_fr",
        ),
        "hours",
        BooleanColumn("auto_issue", label=gettext_lazy("Automatic issue")),
        "updated_by",
        DateColumn("updated_at", label=gettext_lazy("Changed at"), sort_key="updated_at"),
    ]
    list_filter = ["auto_issue"]
    edit_handler = ObjectList(
        [
            FieldPanel("course"),
            FieldRowPanel([FieldPanel("title_fr"), FieldPanel("title_ar")]),
            FieldPanel("hours"),
            FieldPanel("auto_issue"),
        ],
        base_form_class=CourseCertificationForm,
    )


# --- Actions -------------------------------------------------------------------------------


class AdministratorFormView(WagtailAdminTemplateMixin, FormView):
    template_name = "certificates/admin/form.html"
    header_icon = "doc-full-inverse"
    submit_label = gettext_lazy("Confirm")

    def dispatch(self, request, *args, **kwargs):
        if not may_administer(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("certificate_register:index"), "label": _("Certificate register")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(submit_label=self.submit_label, **kwargs)


class CertificateActionView(AdministratorFormView):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.certificate = get_object_or_404(Certificate, pk=kwargs["pk"])

    def get_page_subtitle(self):
        return self.certificate.serial

    def get_context_data(self, **kwargs):
        return super().get_context_data(certificate=self.certificate, **kwargs)

    def done(self):
        return redirect(reverse("certificate_register:inspect", args=[self.certificate.pk]))


class RevokeView(CertificateActionView):
    form_class = RevokeForm
    page_title = gettext_lazy("Revoke certificate")
    submit_label = gettext_lazy("Revoke")

    def form_valid(self, form):
        try:
            services.revoke_certificate(
                certificate=self.certificate,
                reason=form.cleaned_data["reason"],
                revoked_by=self.request.user,
            )
        except services.CertificateError as error:
            messages.error(self.request, error.message)
        else:
            messages.success(
                self.request,
                _("Certificate %(serial)s revoked.") % {"serial": self.certificate.serial},
            )
        return self.done()


class ReissueView(CertificateActionView):
    form_class = ReissueForm
    page_title = gettext_lazy("Reissue certificate")
    submit_label = gettext_lazy("Reissue")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.certificate.status == CertificateStatus.REVOKED:
            context["notice"] = _(
                "This certificate was revoked on %(date)s. Reissuing it gives the learner a new "
                "valid certificate with a new serial number; this one stays revoked."
            ) % {
                "date": date_format(timezone.localdate(self.certificate.revoked_at), "DATE_FORMAT")
            }
        return context

    def form_valid(self, form):
        try:
            new = services.reissue_certificate(
                certificate=self.certificate,
                issued_by=self.request.user,
                reason=form.cleaned_data["reason"],
            )
        except services.CertificateError as error:
            messages.error(self.request, error.message)
            return self.done()
        messages.success(
            self.request,
            _("Certificate %(new)s issued; it supersedes %(old)s.")
            % {"new": new.serial, "old": self.certificate.serial},
        )
        return redirect(reverse("certificate_register:inspect", args=[new.pk]))


class IssueView(AdministratorFormView):
    form_class = IssueForm
    page_title = gettext_lazy("Issue a certificate")
    submit_label = gettext_lazy("Issue")

    def get_initial(self):
        return {"enrolment": self.request.GET.get("enrolment")}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        enrolment_id = self.request.GET.get("enrolment")
        if enrolment_id and enrolment_id.isdigit():
            enrolment = (
                Enrolment.objects.select_related("learner", "course")
                .filter(pk=enrolment_id)
                .first()
            )
            if enrolment is not None:
                context["eligibility"] = check_eligibility(enrolment=enrolment)
                context["enrolment"] = enrolment
        return context

    def form_valid(self, form):
        enrolment = form.cleaned_data["enrolment"]
        try:
            certificate = services.issue_certificate(
                enrolment=enrolment, issued_by=self.request.user
            )
        except services.NotEligible as refusal:
            form.add_error("enrolment", refusal.message)
            return self.form_invalid(form)
        messages.success(
            self.request, _("Certificate %(serial)s issued.") % {"serial": certificate.serial}
        )
        return redirect(reverse("certificate_register:inspect", args=[certificate.pk]))


class BulkIssueView(AdministratorFormView):
    form_class = BulkIssueForm
    page_title = gettext_lazy("Bulk issue")
    submit_label = gettext_lazy("Issue to every eligible learner")

    def form_valid(self, form):
        run = services.bulk_issue(
            issued_by=self.request.user,
            course=form.cleaned_data.get("course"),
            cohort=form.cleaned_data.get("cohort"),
        )
        messages.success(self.request, _("Bulk issue started. Its progress is shown below."))
        return redirect(reverse("certificate_bulk_issues:inspect", args=[run.pk]))


def download(request, pk: int):
    if not may_administer(request.user):
        raise PermissionDenied
    certificate = get_object_or_404(Certificate, pk=pk)
    return public_download(request, serial=certificate.serial)


urlpatterns = [
    path("issue/", IssueView.as_view(), name="issue"),
    path("bulk/", BulkIssueView.as_view(), name="bulk"),
    path("<int:pk>/revoke/", RevokeView.as_view(), name="revoke"),
    path("<int:pk>/reissue/", ReissueView.as_view(), name="reissue"),
    path("<int:pk>/download/", download, name="download"),
]
