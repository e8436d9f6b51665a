from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import timezone
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator, normalize_newlines
from django.utils.translation import get_language_info, gettext
from wagtail.models import Page

from lms import navigation
from lms.bilingual import Localized, active_language, choose
from lms.locales import locale_codes
from lms.pagecache import remember
from lms.text import isolate
from lms.typography import french_spacing

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
        host = request.get_host() if request is not None else ""
        translations = remember(
            f"translations:{page.pk}:{host}", lambda: _translated_urls(page, request)
        )
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


# --- one language per page ---------------------------------------------------------------


def _other_language_note(language: str) -> str:
    return gettext("in Arabic") if language == "ar" else gettext("in French")


def _marked(html: str, language: str | None) -> str:
    """`html` as is in the page's language; else wrapped in its language and direction,
    followed by a small "(in French)" note in the page's language."""
    if not language or language == active_language():
        return mark_safe(html)  # noqa: S308 (escaped by the callers)
    return format_html(
        '<span lang="{}" dir="{}">{}</span> <small class="other-language">({})</small>',
        language,
        "rtl" if language == "ar" else "ltr",
        mark_safe(html),  # noqa: S308 (escaped by the callers)
        _other_language_note(language),
    )


@register.simple_tag
def bilingual(value_fr, value_ar) -> Localized:
    """`{% bilingual question.text question.text_ar as text %}`: the text of the page's
    language, else the other one (then `text|language_marked` says so)."""
    return choose(value_fr or "", value_ar or "")


@register.filter(needs_autoescape=True)
def language_marked(value, mode: str = "", autoescape=True) -> str:
    """A text shown in the page's language, or marked as being in the other one.

    `value` is a `lms.bilingual.Localized` (other strings are taken as in the page's
    language); `mode` "lines" keeps its line breaks (as `linebreaksbr`), a number N cuts
    the text at N characters (as `truncatechars`).
    """
    if value is None or value == "":
        return ""
    language = getattr(value, "language", None)
    if str(mode).isdigit():
        value = Truncator(value).chars(int(mode))
    text = conditional_escape(value) if autoescape else str(value)
    if mode == "lines":
        text = normalize_newlines(text).replace("\n", "<br>")
    return _marked(text, language)


@register.simple_tag(takes_context=True)
def page_title(context, page) -> str:
    """A page's title, isolated (<bdi>); marked when the page is in another language than
    the page showing it (a course not translated yet, on the Arabic dashboard)."""
    if page is None:
        return ""
    language = locale_codes().get(page.locale_id)
    return _marked(format_html("<bdi>{}</bdi>", page.title), language)


@register.filter
def person_name(person) -> str:
    """A person's name in the script of the active language (Arabic on an Arabic page), the
    other script when that one is missing."""
    return person.name_for(active_language())


@register.filter(is_safe=True)
def french_typography(value) -> str:
    """Rendered HTML with French spacing (lms.typography) on French pages."""
    if active_language() != "fr":
        return value
    return mark_safe(french_spacing(str(value)))  # noqa: S308 (already rendered HTML)


@register.filter
def seconds_until(moment) -> int:
    """Whole seconds from now until `moment` (0 once it has passed): the countdown of a timed
    attempt starts from the server's clock, not the phone's."""
    if not moment:
        return 0
    return max(0, int((moment - timezone.now()).total_seconds()))


@register.simple_tag
def menu_links(menu: str) -> list[dict[str, str]]:
    """The links that apps registered for `menu` (lms/navigation.py)."""
    return navigation.links(menu)
