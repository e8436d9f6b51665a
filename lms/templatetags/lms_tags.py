from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language_info
from wagtail.models import Page

from lms.text import isolate

register = template.Library()


def _translated_urls(page: Page, request) -> dict[str, str]:
    """For each language, the URL of `page`'s live translation, or else of its nearest
    translated ancestor (so the switcher never leads to a missing page). One query."""
    steplen = page.steplen
    ancestor_paths = [page.path[:end] for end in range(steplen, len(page.path) + 1, steplen)]
    candidates = (
        Page.objects.live()
        .filter(
            translation_key__in=Page.objects.filter(path__in=ancestor_paths).values(
                "translation_key"
            )
        )
        .select_related("locale")
        .order_by("-depth")
    )
    urls: dict[str, str] = {}
    for candidate in candidates:
        code = candidate.locale.language_code
        if code not in urls:
            url = candidate.get_url(request=request)
            if url:
                urls[code] = url
    return urls


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict]:
    """One link per language: the translated page where it exists, else the translated URL."""
    request = context.get("request")
    page = context.get("page")
    current = context.get("LANGUAGE_CODE", settings.LANGUAGE_CODE)
    translations = {}
    if isinstance(page, Page) and page.pk:
        translations = _translated_urls(page, request)
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


@register.filter(name="isolate", is_safe=True)
def isolate_filter(value) -> str:
    """Plain text (a <title>, an attribute) where <bdi> cannot go: see lms.text.isolate."""
    return isolate(value) if value else value
