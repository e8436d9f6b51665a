"""Handbooks (works in one language), their editions, search entries and download counters."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.documents import get_document_model_string
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import BaseTranslatableField, SynchronizedField

from content.permissions import AccessLevel, levels_for
from lms.pagecache import CachedRestrictionsMixin

from .forms import HandbookPageForm


class Audience(models.TextChoices):
    EXECUTIVES = "executives", _("Civil-service executives")
    ELECTED = "elected", _("Elected officials")
    TRAINERS = "trainers", _("Trainers")
    CIVIL_SOCIETY = "civil_society", _("Civil society")
    GENERAL = "general", _("General public")


class Licence(models.TextChoices):
    CC_BY = "cc-by-4.0", _("Creative Commons Attribution 4.0")
    CC_BY_SA = "cc-by-sa-4.0", _("Creative Commons Attribution-ShareAlike 4.0")
    CC_BY_NC = "cc-by-nc-4.0", _("Creative Commons Attribution-NonCommercial 4.0")
    RESERVED = "all-rights-reserved", _("All rights reserved")


class EditionLanguage(models.TextChoices):
    FRENCH = "fr", _("French")
    ARABIC = "ar", _("Arabic")
    ENGLISH = "en", _("English")


class LibraryIndexPage(CachedRestrictionsMixin, Page):
    """The library in one language: browse, filter, sort and search the handbooks."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["content.HomePage"]
    subpage_types = ["content.HandbookPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("library")

    def get_context(self, request, *args, **kwargs):
        # at call time: library.queries imports the models (cycle)
        from .queries import library_listing

        context = super().get_context(request, *args, **kwargs)
        context["listing"] = library_listing(
            library=self,
            user=request.user,
            query=request.GET.get("q", ""),
            theme_slug=request.GET.get("theme", ""),
            language=request.GET.get("language", ""),
            audience=request.GET.get("audience", ""),
            sort=request.GET.get("sort", ""),
            page_number=request.GET.get("page", "1"),
        )
        return context


class HandbookQuerySet(PageQuerySet):
    def visible_to(self, user) -> HandbookQuerySet:
        """Handbooks `user` may see and download."""
        return self.filter(access_level__in=levels_for(user))


HandbookManager = PageManager.from_queryset(HandbookQuerySet)


class HandbookPage(CachedRestrictionsMixin, Page):
    """One handbook or tool in one language; its translations are the same work."""

    summary = models.TextField(_("summary"))
    themes = ParentalManyToManyField(
        "content.Theme", verbose_name=_("themes"), blank=True, related_name="handbooks"
    )
    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience.choices, default=Audience.EXECUTIVES
    )
    access_level = models.CharField(
        _("who may download"),
        max_length=10,
        choices=AccessLevel.choices,
        default=AccessLevel.PUBLIC,
    )
    publisher = models.CharField(_("publisher"), max_length=255, blank=True)
    licence = models.CharField(
        _("licence"), max_length=30, choices=Licence.choices, default=Licence.CC_BY
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = HandbookManager()

    # Who may download it, for whom and under which licence are the same in every language.
    # Each language keeps its own editions (its own files): neither translated nor synchronised.
    override_translatable_fields = [
        SynchronizedField("audience", overridable=False),
        SynchronizedField("access_level", overridable=False),
        SynchronizedField("licence", overridable=False),
        BaseTranslatableField("editions"),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("themes"),
                FieldPanel("audience"),
                FieldPanel("access_level"),
                FieldPanel("publisher"),
                FieldPanel("licence"),
                FieldPanel("cover_image"),
            ],
            heading=_("Description"),
        ),
        InlinePanel("editions", heading=_("Editions"), label=_("Edition"), min_num=1),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary")]
    parent_page_types = ["content.LibraryIndexPage"]
    subpage_types: list[str] = []
    base_form_class = HandbookPageForm

    class Meta:
        verbose_name = _("handbook")
        verbose_name_plural = _("handbooks")

    def may_be_downloaded_by(self, user) -> bool:
        return self.access_level in levels_for(user)

    def serve(self, request, *args, **kwargs):
        if not self.may_be_downloaded_by(request.user):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
            raise PermissionDenied
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        # at call time: library.queries imports the models (cycle)
        from .queries import handbook_detail

        context = super().get_context(request, *args, **kwargs)
        context["detail"] = handbook_detail(handbook=self)
        return context


class HandbookEdition(Orderable):
    """One edition of a handbook: a file with its number, date and language."""

    handbook = ParentalKey(
        HandbookPage,
        verbose_name=_("handbook"),
        on_delete=models.CASCADE,
        related_name="editions",
    )
    number = models.PositiveSmallIntegerField(_("edition number"), default=1)
    published_on = models.DateField(_("publication date"))
    language = models.CharField(_("language"), max_length=5, choices=EditionLanguage.choices)
    page_count = models.PositiveIntegerField(_("number of pages"), null=True, blank=True)
    document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("file"),
        on_delete=models.PROTECT,
        related_name="handbook_editions",
    )
    is_current = models.BooleanField(
        _("current edition"),
        default=True,
        help_text=_("Exactly one edition is current; the others are shown as superseded."),
    )

    panels = [
        FieldPanel("number"),
        FieldPanel("published_on"),
        FieldPanel("language"),
        FieldPanel("page_count"),
        FieldPanel("document"),
        FieldPanel("is_current"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("edition")
        verbose_name_plural = _("editions")

    def __str__(self) -> str:
        return f"{self.handbook.title} ({self.number})"

    @property
    def status_label(self) -> str:
        return str(_("Current edition") if self.is_current else _("Superseded"))


class ExtractedText(models.Model):
    """The text inside a document's file, extracted once per file content."""

    document = models.OneToOneField(
        get_document_model_string(),
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="extracted_text",
    )
    file_hash = models.CharField(_("fingerprint of the file"), max_length=40)
    text = models.TextField(_("text"), blank=True)
    extracted_at = models.DateTimeField(_("extracted at"), auto_now=True)

    class Meta:
        verbose_name = _("extracted text")
        verbose_name_plural = _("extracted texts")

    def __str__(self) -> str:
        return str(self.document)


class HandbookSearchEntry(models.Model):
    """What search reads for one handbook: its title, summary, themes and current file text."""

    handbook = models.OneToOneField(
        HandbookPage,
        verbose_name=_("handbook"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="search_entry",
    )
    language = models.CharField(_("language"), max_length=5)
    text = models.TextField(_("text"), blank=True)  # as written, for excerpts
    # folded and stemmed: lms.text.search_shadow_text
    stemming_text = models.TextField(_("text for matching"), blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("handbook search entry")
        verbose_name_plural = _("handbook search entries")

    def __str__(self) -> str:
        return str(self.handbook_id)


class DownloadCount(models.Model):
    """How many times members of one organisation (or people without one) downloaded an edition."""

    edition = models.ForeignKey(
        HandbookEdition,
        verbose_name=_("edition"),
        on_delete=models.CASCADE,
        related_name="download_counts",
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="handbook_downloads",
    )
    count = models.PositiveIntegerField(_("downloads"), default=0)

    class Meta:
        verbose_name = _("download count")
        verbose_name_plural = _("download counts")
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "organisation"],
                condition=Q(organisation__isnull=False),
                name="one_download_count_per_edition_and_organisation",
            ),
            models.UniqueConstraint(
                fields=["edition"],
                condition=Q(organisation__isnull=True),
                name="one_download_count_per_edition_without_organisation",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.edition_id}/{self.organisation_id}: {self.count}"


from . import signals  # noqa: E402, F401  (connects the publish receiver)
