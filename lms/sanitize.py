"""The one place where user-supplied HTML is cleaned (nh3, the successor of bleach)."""

import nh3

ALLOWED_TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "code",
    "em",
    "h2",
    "h3",
    "h4",
    "i",
    "li",
    "ol",
    "p",
    "strong",
    "sub",
    "sup",
    "ul",
    "bdi",
    "span",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "lang", "dir"}, "*": {"lang", "dir"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}


def sanitize_html(html: str, *, tags: set[str] | None = None) -> str:
    """Return `html` with everything but a small safe subset of tags and attributes removed."""
    return nh3.clean(
        html or "",
        tags=tags if tags is not None else ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
    )


def strip_tags(html: str) -> str:
    return nh3.clean(html or "", tags=set())
