"""Text direction in the Wagtail admin, whatever the admin's own language.

Arabic typed into a left-to-right field comes out with its punctuation and Latin words in the
wrong places. So, in every form of the admin:

- a field meant for Arabic (its name ends in `_ar` or `_arabic`) and every text field of a
  page or snippet in a right-to-left locale edit right to left: `dir="rtl"` and the `lang` of
  that language;
- any other free text says `dir="auto"`: the browser follows what is typed; e-mail and web
  addresses say `dir="ltr"`.

Form fields get the attributes when Wagtail renders them: `DirectionalBoundField`, given to the
text fields of every Wagtail admin model form through Wagtail's form field overrides. What
Wagtail builds in the browser (the rich-text editor, StreamField blocks, wagtail-localize's
translation editor) takes them from `lms/static/lms/js/admin-direction.js`, loaded on every
admin page by the hooks below (`lms/wagtail_hooks.py` imports this module). README,
"Languages and directions".
"""

from __future__ import annotations

from django import forms
from django.db import models
from django.forms.boundfield import BoundField
from django.forms.widgets import DateTimeBaseInput
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import get_language_info
from wagtail import hooks
from wagtail.admin import widgets
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.rich_text import DraftailRichTextArea
from wagtail.fields import RichTextField
from wagtail.models import Locale

RTL = "rtl"
LTR = "ltr"
AUTO = "auto"
ARABIC_SUFFIXES = ("_ar", "_arabic")


def is_right_to_left(language_code: str) -> bool:
    try:
        return bool(get_language_info(language_code)["bidi"])
    except KeyError:
        return False


def locale_of(form) -> str | None:
    """The language of the page or snippet the form edits, when it has a locale."""
    if not hasattr(form, "_lms_locale_code"):
        instance = getattr(form, "instance", None)
        locale_id = getattr(instance, "locale_id", None)
        code = None
        if locale_id is not None:
            codes = Locale.objects.filter(pk=locale_id).values_list("language_code", flat=True)
            code = codes.first()
        form._lms_locale_code = code
    return form._lms_locale_code


def takes_direction(widget) -> bool:
    """Widgets in which people type text (not addresses, dates, numbers or choices)."""
    if isinstance(widget, DraftailRichTextArea):
        return True
    if isinstance(widget, DateTimeBaseInput | forms.PasswordInput):
        return False
    return isinstance(widget, forms.TextInput | forms.Textarea)


def direction_attrs(form, name: str) -> dict[str, str]:
    """`dir` (and `lang` when it is known) for the text field `name` of `form`."""
    if name.endswith(ARABIC_SUFFIXES):
        return {"dir": RTL, "lang": "ar"}
    code = locale_of(form)
    if code and is_right_to_left(code):
        return {"dir": RTL, "lang": code, "data-locale-direction": RTL}
    return {"dir": AUTO}


class DirectionalBoundField(BoundField):
    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        widget = widget or self.field.widget
        if takes_direction(widget):
            for name, value in direction_attrs(self.form, self.name).items():
                attrs.setdefault(name, value)
        elif isinstance(widget, forms.EmailInput | forms.URLInput):
            attrs.setdefault("dir", LTR)  # addresses read left to right, in Arabic too
        return attrs


DIRECTIONAL = {"bound_field_class": DirectionalBoundField}

# Wagtail's own override for TextField (exact class) is replaced: its widget is kept.
register_form_field_override(
    models.TextField,
    override={"widget": widgets.AdminAutoHeightTextInput, **DIRECTIONAL},
    exact_class=True,
)
register_form_field_override(models.CharField, override=DIRECTIONAL)
register_form_field_override(RichTextField, override=DIRECTIONAL)


@hooks.register("insert_global_admin_js")
def admin_script() -> str:
    return format_html('<script src="{}" defer></script>', static("lms/js/admin-direction.js"))


@hooks.register("insert_global_admin_css")
def admin_stylesheet() -> str:
    return format_html('<link rel="stylesheet" href="{}">', static("lms/css/admin-direction.css"))
