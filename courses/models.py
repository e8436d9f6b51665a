"""Course pages that trainers author, and the records the system keeps about learners.

Records (enrolments, completions) always point at the course or lesson page of the
default locale (French), so that progress made while reading the Arabic translation
counts for the same course: see `canonical_page()`.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from content.api import LessonStreamBlock, render_body
from lms.locales import default_locale
from lms.pagecache import CachedRestrictionsMixin, remember
from lms.text import PERSON_NAME_VALIDATORS, isolate

from .permissions import CataloguePermissionTester, may_read_lessons


def canonical_page(page: Page) -> Page:
    """The translation of `page` in the default locale, or `page` itself."""
    default = default_locale()
    if page.locale_id == default.pk:
        return page
    return remember(f"canonical:{page.pk}", lambda: page.get_translation_or_none(default) or page)


def synchronised(*names: str) -> list[SynchronizedField]:
    """Settings that are the same in every language (dates, capacity, policy, hours, flags):
    wagtail-localize copies them from the French page at each synchronisation, and a
    translator can neither type nor override them."""
    return [SynchronizedField(name, overridable=False) for name in names]


class TeachingLanguage(models.TextChoices):
    FRENCH = "fr", _("French")
    ARABIC = "ar", _("Arabic")
    BILINGUAL = "fr-ar", _("French and Arabic")


class EnrolmentPolicy(models.TextChoices):
    OPEN = "open", _("Open self-enrolment")
    KEY = "key", _("Self-enrolment with a key")
    ADMIN = "admin", _("Enrolment by an administrator only")


class ProgressItemMixin:
    """A page a learner completes (a lesson, a quiz).

    Subclasses implement the classmethod `completed_pairs(*, learner_ids, page_ids)`, which
    returns the (learner id, page id) pairs completed, for many learners and pages in a fixed
    number of queries. Outlines, dashboards, reports and completion rules use only this.
    """

    is_progress_item = True

    @classmethod
    def completed_page_ids(cls, *, learner, page_ids: list[int]) -> set[int]:
        pairs = cls.completed_pairs(learner_ids=[learner.pk], page_ids=page_ids)
        return {page_id for _learner_id, page_id in pairs}

    def is_required_for_completion(self) -> bool:
        return bool(getattr(self, "required", True))

    @classmethod
    def follow_up_cells(cls, *, learner_ids: list[int], page_ids: list[int]) -> dict:
        """What each learner did with each item, for the trainers' grid (courses/followup.py):
        {(learner id, page id): ItemCell}; pairs left out were not started. By default,
        the completed pairs are done."""
        # at call time: courses.followup imports the models (cycle)
        from .followup import DONE, ItemCell

        pairs = cls.completed_pairs(learner_ids=learner_ids, page_ids=page_ids)
        return {pair: ItemCell(state=DONE) for pair in pairs}


class CourseOwnedMixin:
    """Pages of a course: the course, its modules, lessons and quizzes."""

    synchronised = staticmethod(synchronised)

    def get_course(self) -> CoursePage | None:
        if isinstance(self, CoursePage):
            return self
        return remember(
            f"course-of:{self.pk}", lambda: CoursePage.objects.ancestor_of(self).first()
        )


class CatalogPage(CachedRestrictionsMixin, Page):
    introduction = models.TextField(_("introduction"), blank=True)
    courses_per_page = 12

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    subpage_types = ["courses.CoursePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("course catalogue")

    def permissions_for_user(self, user):
        return CataloguePermissionTester(user, self)

    def get_context(self, request, *args, **kwargs):
        # at call time: courses.queries imports the models (cycle)
        from .queries import catalogue

        context = super().get_context(request, *args, **kwargs)
        listing = catalogue(
            catalog=self,
            theme_slug=request.GET.get("theme", ""),
            language=request.GET.get("language", ""),
        )
        paginator = Paginator(listing.courses, self.courses_per_page)
        context.update(
            listing=listing,
            page_obj=paginator.get_page(request.GET.get("page")),
        )
        return context


class CoursePage(CourseOwnedMixin, CachedRestrictionsMixin, Page):
    summary = models.TextField(_("summary"))
    objectives = RichTextField(
        _("learning objectives"), features=["ul", "ol", "bold", "italic"], blank=True
    )
    audience = models.TextField(_("audience"), blank=True)
    duration_hours = models.DecimalField(
        _("duration in hours"), max_digits=5, decimal_places=1, default=0
    )
    curriculum_code = models.CharField(_("ENSA curriculum code"), max_length=40, blank=True)
    teaching_language = models.CharField(
        _("teaching language"),
        max_length=5,
        choices=TeachingLanguage.choices,
        default=TeachingLanguage.BILINGUAL,
    )
    themes = ParentalManyToManyField("content.Theme", verbose_name=_("themes"), blank=True)
    trainers = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainers"),
        blank=True,
        related_name="taught_courses",
        limit_choices_to={"groups__name": "Trainers"},
    )
    enrolment_policy = models.CharField(
        _("enrolment policy"),
        max_length=10,
        choices=EnrolmentPolicy.choices,
        default=EnrolmentPolicy.OPEN,
    )
    enrolment_key = models.CharField(
        _("enrolment key"),
        max_length=64,
        blank=True,
        help_text=_("Required when the policy is 'Self-enrolment with a key'."),
    )
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    enrolment_opens_at = models.DateTimeField(_("enrolment opens"), null=True, blank=True)
    enrolment_closes_at = models.DateTimeField(_("enrolment closes"), null=True, blank=True)

    # Themes are not among them: each translation points at the themes of its own language.
    override_translatable_fields = synchronised(
        "duration_hours",
        "curriculum_code",
        "teaching_language",
        "trainers",
        "enrolment_policy",
        "enrolment_key",
        "capacity",
        "enrolment_opens_at",
        "enrolment_closes_at",
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("objectives"),
        FieldPanel("audience"),
        FieldRowPanel(
            [
                FieldPanel("duration_hours"),
                FieldPanel("curriculum_code"),
                FieldPanel("teaching_language"),
            ]
        ),
        FieldPanel("themes", widget=None),
        FieldPanel("trainers"),
        MultiFieldPanel(
            [
                FieldPanel("enrolment_policy"),
                FieldPanel("enrolment_key"),
                FieldPanel("capacity"),
                FieldRowPanel(
                    [FieldPanel("enrolment_opens_at"), FieldPanel("enrolment_closes_at")]
                ),
            ],
            heading=_("Enrolment"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("curriculum_code"),
        index.FilterField("teaching_language"),
    ]
    parent_page_types = ["courses.CatalogPage"]
    subpage_types = ["courses.ModulePage"]

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def __str__(self) -> str:
        """The title in the active language: admin listings, filters and choices name the
        French course that records point at, and the Arabic admin reads its Arabic title."""
        return self.title_in(get_language())

    def title_in(self, language: str | None) -> str:
        """The title of this course's translation in `language` (even a draft), else its own."""
        code = (language or "")[:2]
        if not self.pk or not code:
            return self.title
        found = self.__dict__.setdefault("_translated_titles", {})
        if code not in found:
            found[code] = (
                Page.objects.filter(
                    translation_key=self.translation_key, locale__language_code=code
                )
                .values_list("pk", "title")
                .first()
            )
        pk, title = found[code] or (self.pk, self.title)
        return self.title if pk == self.pk else title

    def clean(self):
        super().clean()
        if self.enrolment_policy == EnrolmentPolicy.KEY and not self.enrolment_key:
            raise ValidationError({"enrolment_key": _("Give a key for enrolment with a key.")})
        if (
            self.enrolment_opens_at
            and self.enrolment_closes_at
            and self.enrolment_closes_at <= self.enrolment_opens_at
        ):
            raise ValidationError(
                {"enrolment_closes_at": _("Enrolment must close after it opens.")}
            )

    @property
    def duration_label(self) -> str:
        """ "18 hours", "1 hour", "1,5 hours", with the plural rule of the active language."""
        hours = self.duration_hours.normalize()
        count = int(hours) if hours == hours.to_integral_value() else 2
        return ngettext("%(hours)s hour", "%(hours)s hours", count) % {
            "hours": number_format(hours)
        }

    def get_context(self, request, *args, **kwargs):
        # at call time: courses.queries imports the models (cycle)
        from .queries import course_outline

        context = super().get_context(request, *args, **kwargs)
        context["outline"] = course_outline(learner=request.user, course=self)
        return context


class ModulePage(CourseOwnedMixin, CachedRestrictionsMixin, Page):
    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = ["courses.LessonPage", "quizzes.QuizPage"]

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    def serve(self, request, *args, **kwargs):
        return redirect(self.get_parent().localized.url + f"#module-{self.pk}")


class LessonPage(ProgressItemMixin, CourseOwnedMixin, CachedRestrictionsMixin, Page):
    summary = models.TextField(_("summary"), blank=True)
    body = StreamField(LessonStreamBlock(), verbose_name=_("body"))
    estimated_minutes = models.PositiveIntegerField(_("estimated time (minutes)"), default=15)
    required = models.BooleanField(
        _("required for completion"),
        default=True,
        help_text=_("A course is complete when every required lesson and quiz is done."),
    )

    override_translatable_fields = synchronised("estimated_minutes", "required")

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldRowPanel([FieldPanel("estimated_minutes"), FieldPanel("required")]),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    parent_page_types = ["courses.ModulePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    @classmethod
    def completed_pairs(
        cls, *, learner_ids: list[int], page_ids: list[int]
    ) -> set[tuple[int, int]]:
        return set(
            LessonCompletion.objects.filter(
                learner_id__in=learner_ids, lesson_id__in=page_ids
            ).values_list("learner_id", "lesson_id")
        )

    @classmethod
    def follow_up_cells(cls, *, learner_ids: list[int], page_ids: list[int]) -> dict:
        """Completed lessons are done, with the moment of completion. One query."""
        # at call time: courses.followup imports the models (cycle)
        from .followup import DONE, ItemCell

        return {
            (learner_id, lesson_id): ItemCell(state=DONE, at=completed_at)
            for learner_id, lesson_id, completed_at in LessonCompletion.objects.filter(
                learner_id__in=learner_ids, lesson_id__in=page_ids
            ).values_list("learner_id", "lesson_id", "completed_at")
        }

    def may_be_read_by(self, user) -> bool:
        """May `user` read this lesson's body and download the files it cites?"""
        course = self.get_course()
        enrolled = (
            user.is_authenticated
            and course is not None
            and Enrolment.objects.current()
            .filter(learner=user, course=canonical_page(course))
            .exists()
        )
        return may_read_lessons(user, enrolled=enrolled)

    def get_context(self, request, *args, **kwargs):
        # at call time: courses.queries imports the models (cycle)
        from .queries import lesson_view

        context = super().get_context(request, *args, **kwargs)
        view = lesson_view(learner=request.user, lesson=self)
        context["lesson_view"] = view
        context["lesson_body"] = render_body(self, "body", context) if view.can_read else ""
        return context


class EnrolmentStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    COMPLETED = "completed", _("Completed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Cohort(models.Model):
    """A promotion of learners following a course together (e.g. "Oujda 2026")."""

    name = models.CharField(_("name"), max_length=200)
    course = models.ForeignKey(
        CoursePage, verbose_name=_("course"), on_delete=models.PROTECT, related_name="cohorts"
    )
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    trainers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainers"),
        blank=True,
        related_name="cohorts_taught",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["course", "name"], name="unique_cohort_name_per_course")
        ]

    def __str__(self) -> str:
        return self.name


class EnrolmentQuerySet(models.QuerySet):
    def current(self):
        return self.exclude(status=EnrolmentStatus.WITHDRAWN)

    def for_course(self, course: CoursePage):
        return self.filter(course=canonical_page(course))


class Enrolment(models.Model):
    """A learner's place in a course. One per learner and course, kept when they withdraw."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="enrolments",
    )
    course = models.ForeignKey(
        CoursePage, verbose_name=_("course"), on_delete=models.PROTECT, related_name="enrolments"
    )
    status = models.CharField(
        _("status"), max_length=12, choices=EnrolmentStatus.choices, default=EnrolmentStatus.ACTIVE
    )
    enrolled_at = models.DateTimeField(_("enrolled at"), default=timezone.now)
    enrolled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("enrolled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cohort = models.ForeignKey(
        Cohort,
        verbose_name=_("cohort"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="enrolments",
    )
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    last_lesson = models.ForeignKey(
        LessonPage,
        verbose_name=_("last lesson visited"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = EnrolmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["-enrolled_at"]
        constraints = [
            models.UniqueConstraint(fields=["learner", "course"], name="one_enrolment_per_learner")
        ]

    def __str__(self) -> str:
        # Plain text (select options, admin titles): each part is bidi-isolated, so that a
        # name or title in the other direction, or an older name holding a direction
        # control, cannot reorder the other part.
        return f"{isolate(self.learner)} – {isolate(self.course)}"

    @property
    def is_current(self) -> bool:
        return self.status != EnrolmentStatus.WITHDRAWN

    def mark_completed(self, when=None) -> bool:
        """Record completion once; return True when this call completed it."""
        if self.status == EnrolmentStatus.COMPLETED:
            return False
        self.status = EnrolmentStatus.COMPLETED
        self.completed_at = when or timezone.now()
        self.save(update_fields=["status", "completed_at"])
        return True


class LessonCompletion(models.Model):
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="lesson_completions",
    )
    lesson = models.ForeignKey(
        LessonPage, verbose_name=_("lesson"), on_delete=models.CASCADE, related_name="completions"
    )
    completed_at = models.DateTimeField(_("completed at"), default=timezone.now)

    class Meta:
        verbose_name = _("lesson completion")
        verbose_name_plural = _("lesson completions")
        constraints = [
            models.UniqueConstraint(fields=["learner", "lesson"], name="one_completion_per_lesson")
        ]

    def __str__(self) -> str:
        return f"{isolate(self.learner)} – {isolate(self.lesson)}"


def new_invitation_token() -> str:
    return secrets.token_urlsafe(24)


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(accepted_at__isnull=True)


class Invitation(models.Model):
    """A person without a confirmed account, imported into a cohort: they are enrolled when
    they confirm this e-mail address (see services.accept_invitations)."""

    email = models.EmailField(_("e-mail address"))
    full_name_latin = models.CharField(
        _("full name (Latin script)"), max_length=200, blank=True, validators=PERSON_NAME_VALIDATORS
    )
    full_name_arabic = models.CharField(
        _("full name (Arabic script)"),
        max_length=200,
        blank=True,
        validators=PERSON_NAME_VALIDATORS,
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    job_title = models.CharField(_("job title"), max_length=200, blank=True)
    language = models.CharField(
        _("language of the invitation"),
        max_length=5,
        choices=[("fr", _("French")), ("ar", _("Arabic"))],
        default="fr",
    )
    cohort = models.ForeignKey(
        Cohort, verbose_name=_("cohort"), on_delete=models.CASCADE, related_name="invitations"
    )
    token = models.CharField(
        _("token"), max_length=64, unique=True, default=new_invitation_token, editable=False
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["email", "cohort"], name="one_invitation_per_cohort")
        ]

    def __str__(self) -> str:
        return f"{isolate(self.email)} – {isolate(self.cohort)}"

    # What the outbox asks of a recipient who has no account yet.
    @property
    def preferred_language(self) -> str:
        return self.language or settings.LANGUAGE_CODE

    def name_for(self, language: str) -> str:
        if language.startswith("ar"):
            return self.full_name_arabic or self.full_name_latin
        return self.full_name_latin or self.full_name_arabic
