"""`{{ value|certificate_date }}`: a date as the certificate writes it in the page's language
("27 novembre 2026", "27 نونبر 2026")."""

from django import template
from django.conf import settings
from django.utils import translation

from certificates import dates

register = template.Library()


@register.filter
def certificate_date(value) -> str:
    if not value:
        return ""
    return dates.certificate_date(value, translation.get_language() or settings.LANGUAGE_CODE)
