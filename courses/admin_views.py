"""Wagtail admin views of the courses app: progress reports and enrolment by an administrator."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from io import BytesIO

from django.core import signing
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db.models import Count, Q
from django.http import Http404, HttpResponse, JsonResponse, QueryDict
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Page
from wagtail.permissions import policy_registry
from wagtail.whitelist import check_url
from wagtail_localize.models import TranslationSource

from lms.spreadsheets import csv_response

from .admin_forms import EnrolLearnersForm, ImportLearnersForm
from .models import Cohort, CoursePage, EnrolmentStatus, canonical_page
from .permissions import followed_courses, may_enrol_others, may_follow_progress, may_translate
from .queries import pending_invitations
from .reports import course_progress_report
from .services import ImportRefused, apply_import, enrol_in_bulk, preview_import


def followed_courses_with_counts(user):
    """The courses whose progress `user` may follow, with their current enrolment count."""
    return followed_courses(user).annotate(
        learner_count=Count("enrolments", filter=~Q(enrolments__status=EnrolmentStatus.WITHDRAWN))
    )


class AdminPageMixin:
    """The Wagtail admin page furniture (title, header, breadcrumbs) for our views."""

    template_name = ""
    page_title = ""
    header_icon = "table"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(page_title=self.page_title, header_icon=self.header_icon)
        return context


class ProgressIndexView(AdminPageMixin, TemplateView):
    template_name = "courses/admin/progress_index.html"
    page_title = gettext_lazy("Course progress")

    def dispatch(self, request, *args, **kwargs):
        if not may_follow_progress(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["courses"] = list(followed_courses_with_counts(self.request.user))
        return context


@dataclass(frozen=True)
class ReportFilters:
    cohort: Cohort | None
    cohorts: list[Cohort]


class ProgressReportView(AdminPageMixin, TemplateView):
    template_name = "courses/admin/progress_report.html"
    page_title = gettext_lazy("Course progress")

    def dispatch(self, request, *args, **kwargs):
        page = get_object_or_404(CoursePage, pk=kwargs["course_id"])
        self.course = canonical_page(page)
        if not may_follow_progress(request.user, self.course):
            raise PermissionDenied
        cohorts = list(Cohort.objects.filter(course=self.course).order_by("name"))
        selected = request.GET.get("cohort", "")
        cohort = next((c for c in cohorts if str(c.pk) == selected), None)
        self.filters = ReportFilters(cohort=cohort, cohorts=cohorts)
        self.report = course_progress_report(course=self.course, cohort=cohort)
        if request.GET.get("export") == "csv":
            return self.csv_response()
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        export_query = "?export=csv" + (
            f"&cohort={self.filters.cohort.pk}" if self.filters.cohort else ""
        )
        context.update(
            report=self.report,
            filters=self.filters,
            export_url=reverse("course_progress:report", args=[self.course.pk]) + export_query,
            index_url=reverse("course_progress:index"),
        )
        return context

    def csv_response(self) -> HttpResponse:
        header = [
            _("Name (Latin script)"),
            _("Name (Arabic script)"),
            _("E-mail address"),
            _("Organisation"),
            _("Cohort"),
            _("Status"),
            _("Lessons and quizzes done"),
            _("Required"),
            _("Progress (%)"),
            _("Enrolled at"),
            _("Completed at"),
        ]

        def when(value) -> str:
            return timezone.localtime(value).isoformat(timespec="minutes") if value else ""

        rows = [
            [
                row.learner.full_name_latin,
                row.learner.full_name_arabic,
                row.learner.email,
                str(row.learner.organisation or ""),
                str(row.enrolment.cohort or ""),
                row.enrolment.get_status_display(),
                row.progress.done,
                row.progress.required,
                row.progress.percent,
                when(row.enrolment.enrolled_at),
                when(row.enrolment.completed_at),
            ]
            for row in self.report.rows
        ]
        stamp = timezone.localdate().isoformat()
        return csv_response([header, *rows], filename=f"progress-{self.course.slug}-{stamp}.csv")


class EnrolLearnersView(AdminPageMixin, FormView):
    """An administrator enrols chosen learners, or a whole organisation with everything
    below it, in a course and a cohort; the summary says who was enrolled and who was not."""

    template_name = "courses/admin/enrol_learners.html"
    form_class = EnrolLearnersForm
    page_title = gettext_lazy("Enrol learners")
    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        if not may_enrol_others(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        initial = super().get_initial()
        cohort = Cohort.objects.filter(pk=self.request.GET.get("cohort") or None).first()
        if cohort is not None:
            initial.update(cohort=cohort, course=cohort.course_id)
        elif course_id := self.request.GET.get("course"):
            initial["course"] = course_id
        return initial

    def form_valid(self, form):
        course, cohort = form.cleaned_data["course"], form.cleaned_data["cohort"]
        summary = enrol_in_bulk(
            course=course,
            cohort=cohort,
            learners=form.cleaned_data.get("learners") or (),
            organisation=form.cleaned_data.get("organisation"),
            by=self.request.user,
        )
        if summary.enrolled:
            messages.success(
                self.request,
                _("%(count)d learner(s) enrolled in “%(course)s”.")
                % {"count": len(summary.enrolled), "course": course.title},
            )
        if summary.refused:
            messages.warning(
                self.request,
                _("%(count)d learner(s) could not be enrolled: see the reasons below.")
                % {"count": len(summary.refused)},
            )
        return self.render_to_response(
            self.get_context_data(form=form, course=course, summary=summary)
        )


IMPORT_SALT = "courses.import-learners"
IMPORT_MAX_AGE = 60 * 60  # seconds between the preview and "Apply"


def sign_import(*, cohort: Cohort, data: bytes) -> str:
    """The previewed file, signed: "Apply" applies exactly these bytes, to this cohort."""
    return signing.dumps(
        {"cohort": cohort.pk, "data": base64.b64encode(data).decode("ascii")},
        salt=IMPORT_SALT,
        compress=True,
    )


def unsign_import(*, cohort: Cohort, payload: str) -> bytes | None:
    try:
        content = signing.loads(payload, salt=IMPORT_SALT, max_age=IMPORT_MAX_AGE)
    except signing.BadSignature:
        return None
    if content.get("cohort") != cohort.pk:
        return None
    return base64.b64decode(content["data"])


class ImportLearnersView(AdminPageMixin, TemplateView):
    """An administrator previews a file of people for a cohort, then applies it."""

    template_name = "courses/admin/import_learners.html"
    page_title = gettext_lazy("Import learners")
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        if not may_enrol_others(request.user):
            raise PermissionDenied
        self.cohort = get_object_or_404(
            Cohort.objects.select_related("course"), pk=kwargs["cohort_id"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", ImportLearnersForm())
        context.update(
            cohort=self.cohort,
            course=self.cohort.course,
            invitations=pending_invitations(cohort=self.cohort),
        )
        return context

    def post(self, request, *args, **kwargs):
        if "payload" in request.POST:
            return self.apply(request.POST["payload"])
        form = ImportLearnersForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        data = form.cleaned_data["data"]
        preview = preview_import(cohort=self.cohort, data=data)
        return self.render_to_response(
            self.get_context_data(
                form=form,
                preview=preview,
                payload=sign_import(cohort=self.cohort, data=data) if preview.valid else "",
            )
        )

    def apply(self, payload: str):
        data = unsign_import(cohort=self.cohort, payload=payload)
        if data is None:
            messages.error(
                self.request,
                _(
                    "This preview has expired or was altered: nothing was imported. Preview the file again."
                ),
            )
            return redirect(self.request.path)
        language = getattr(self.request.user, "preferred_language", "") or "fr"
        try:
            result = apply_import(
                cohort=self.cohort, data=data, by=self.request.user, language=language
            )
        except ImportRefused as refusal:
            messages.error(self.request, refusal.message)
            preview = preview_import(cohort=self.cohort, data=data)
            return self.render_to_response(self.get_context_data(preview=preview, payload=""))
        messages.success(
            self.request,
            _(
                "Import done for “%(cohort)s”: %(enrolled)d enrolled, %(already)d already "
                "enrolled, %(invited)d invited."
            )
            % {
                "cohort": self.cohort.name,
                "enrolled": result.enrolled,
                "already": result.already_enrolled,
                "invited": result.invited,
            },
        )
        return redirect(reverse("enrolments:index") + f"?cohort={self.cohort.pk}")


# --- Translations (wagtail-localize) ----------------------------------------------------
# wagtail-localize lets anyone holding its global "submit translation" permission translate
# and synchronise any page; these guards (registered in wagtail_hooks.py) keep trainers to
# their own courses, and keep a synchronisation from publishing over a translator's draft.


def guard_explorable_page(request, parent_page_id: int, **view_kwargs):
    """Wagtail's explorer lists only explorable children, but shows the page it is asked
    for to anyone in the admin: another course's page (its title, its draft) is not there."""
    if not request.user.has_perm("wagtailadmin.access_admin"):
        return None  # the admin sends the person to sign in
    explorable = policy_registry.get_by_type(Page).explorable_instances(request.user)
    if not explorable.filter(pk=parent_page_id).exists():
        raise Http404
    return None


def guard_po_upload(request, translation_id: int, **view_kwargs):
    """wagtail-localize fails with a server error on a PO file it did not write (no
    translation id in its header): tell the translator instead, and change nothing."""
    upload = request.FILES.get("file") if request.method == "POST" else None
    if upload is None:
        return None
    header = upload.read(64 * 1024)
    upload.seek(0)
    if b"X-WagtailLocalize-TranslationID:" in header:
        return None  # wagtail-localize reads it and checks it is this translation's
    messages.error(
        request,
        _(
            "This PO file was not downloaded from this translation: download it again, "
            "translate it, then upload it."
        ),
    )
    return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))


def guard_page_translation(request, page_id: int, **view_kwargs):
    page = Page.objects.filter(pk=page_id).first()
    if page is None or not request.user.is_authenticated:
        return None  # the view itself answers (404, or the admin's sign-in)
    if not may_translate(request.user, page.specific):
        raise PermissionDenied
    return None


def guard_translation_sync(request, translation_source_id: int, **view_kwargs):
    source = TranslationSource.objects.filter(pk=translation_source_id).first()
    if source is None or not request.user.is_authenticated:
        return None
    try:
        page = source.get_source_instance()
    except ObjectDoesNotExist:
        return None
    if not isinstance(page, Page):
        return None
    if not may_translate(request.user, page):
        raise PermissionDenied
    if request.method == "POST" and request.POST.get("publish_translations"):
        drafts = list(page.get_translations().filter(has_unpublished_changes=True))
        if drafts:
            messages.error(
                request,
                _(
                    "Nothing was synchronised: these translations have changes that are not "
                    "published yet, and publishing now would replace them: %(titles)s. Publish "
                    "or review them first, or synchronise without publishing."
                )
                % {"titles": ", ".join(p.get_admin_display_title() for p in drafts)},
            )
            return redirect(request.get_full_path())
    return None


def guard_translation_override(request, **view_kwargs):
    """wagtail-localize stores as typed what a translator gives to replace a synchronised
    value, a link's address in rich text among them, and Wagtail renders that address as it
    is: refuse one whose scheme Wagtail's own editor refuses (javascript:, data:, ...)."""
    if request.method != "PUT":
        return None
    refused = JsonResponse({"error": _("Enter a valid URL.")}, status=400)
    try:
        if request.content_type == "multipart/form-data":
            data, _files = request.parse_file_upload(request.META, BytesIO(request.body))
        else:
            data = QueryDict(request.body, encoding=request.encoding)
    except MultiPartParserError:
        return refused
    if any(value and check_url(value) is None for value in data.getlist("value")):
        return refused
    return None
