from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language_info
from wagtail.models import Page

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict]:
    """One link per language: the translated page where it exists, else the translated URL."""
    request = context.get("request")
    page = context.get("page")
    current = context.get("LANGUAGE_CODE", settings.LANGUAGE_CODE)
    translations = {}
    if isinstance(page, Page) and page.pk:
        translations = {
            p.locale.language_code: p.url
            for p in page.get_translations(inclusive=True).live().select_related("locale")
        }
    links = []
    for code, _name in settings.LANGUAGES:
        if code in translations:
            url = translations[code]
        elif request is not None:
            url = translate_url(request.get_full_path(), code)
        else:
            url = f"/{code}/"
        info = get_language_info(code)
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": url,
                "current": code == current,
            }
        )
    return links
