from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from lms.pagecache import CachedRestrictionsMixin

from .blocks import BodyStreamBlock, render_body


@register_snippet
class Theme(TranslatableMixin, models.Model):
    """A theme of the curriculum and of the handbook library (translated per locale)."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_theme_slug_per_locale")
        ]

    def __str__(self) -> str:
        return self.name


class HomePage(CachedRestrictionsMixin, Page):
    introduction = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.get_children().live().public().specific()
        context["rendered_body"] = render_body(self, "body", context)
        return context

    def route(self, request, path_components):
        """Find the page a URL names in one query, where Wagtail asks for each level's child by
        its slug (two queries per level: a lesson is four levels down). The deepest page found
        then routes what remains of the URL, as it would have been asked to; no page between
        this one and it has a routing of its own (`tests/content/test_models.py` checks it)."""
        if not path_components:
            return super().route(request, path_components)
        prefixes = [
            self.url_path + "/".join(path_components[:depth]) + "/"
            for depth in range(1, len(path_components) + 1)
        ]
        found = {
            page.url_path: page
            for page in Page.objects.filter(url_path__in=prefixes, path__startswith=self.path)
        }
        parent, depth = self, 0
        while depth < len(prefixes) and prefixes[depth] in found:
            page = found[prefixes[depth]]
            page._cached_parent_obj = parent  # treebeard's get_parent() reads it: no query
            parent, depth = page, depth + 1
        if parent is self:
            raise Http404
        return parent.specific.route(request, path_components[depth:])


class StandardPage(CachedRestrictionsMixin, Page):
    introduction = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("standard page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["rendered_body"] = render_body(self, "body", context)
        return context


# The handbook library's models live in content/library/models.py (app label "content").
from .library.models import (  # noqa: E402, F401
    AccessLevel,
    Audience,
    DownloadCount,
    EditionLanguage,
    ExtractedText,
    HandbookEdition,
    HandbookPage,
    HandbookSearchEntry,
    LibraryIndexPage,
    Licence,
)
