"""Pieces of the Wagtail admin that every app uses: values shown in Morocco time, an empty
value as a dash rather than "None", text of a known language marked as such."""

from django.utils import formats, timezone
from django.utils.html import format_html
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column

EMPTY = "–"


class LocalDateTimeDisplay(Component):
    """A date and time as the person reads it: Morocco time (the admin's time zone), in their
    language's format. Wagtail's inspect views format the stored UTC value as it is."""

    def __init__(self, value):
        self.value = value

    def render_html(self, parent_context=None) -> str:
        if self.value is None:
            return EMPTY
        local = timezone.localtime(self.value) if timezone.is_aware(self.value) else self.value
        return format_html(
            '<time datetime="{}">{}</time>',
            local.isoformat(),
            formats.date_format(local, "DATETIME_FORMAT"),
        )


class RelatedObjectDisplay(Component):
    """A related record by its name, or a dash when there is none."""

    def __init__(self, value):
        self.value = value

    def render_html(self, parent_context=None) -> str:
        return EMPTY if self.value is None else format_html("{}", self.value)


class LanguageColumn(Column):
    """A column of text written in one language (a French title), marked with its language
    and direction, so that it reads right inside the admin of the other language."""

    def __init__(self, name, *, language: str, **kwargs):
        super().__init__(name, **kwargs)
        self.language = language

    def get_value(self, instance):
        value = super().get_value(instance)
        if value in (None, ""):
            return value
        return format_html(
            '<span lang="{}" dir="{}">{}</span>',
            self.language,
            "rtl" if self.language == "ar" else "ltr",
            value,
        )
