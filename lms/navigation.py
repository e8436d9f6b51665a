"""The registry of the site's menu links: each app adds its own from its `AppConfig.ready`, and
the base template draws them, so that `lms` names no app's URL.

    navigation.register("courses:dashboard", label=_("My learning"), menu=navigation.MEMBER, order=10)

`MEMBER` is the menu of signed-in people (before "Administration" and "Sign out"), `FOOTER` the
links at the foot of every page. Links are drawn by `order`, then in the order registered.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise

MEMBER = "member"
FOOTER = "footer"


@dataclass(frozen=True)
class Link:
    url_name: str
    label: Promise
    menu: str
    order: int


_links: dict[tuple[str, str], Link] = {}


def register(url_name: str, *, label: Promise, menu: str, order: int) -> None:
    """Register (or replace, when an app is reloaded) the link to `url_name` in `menu`."""
    if menu not in (MEMBER, FOOTER):
        raise ValueError(f"unknown menu {menu!r}")
    _links[(menu, url_name)] = Link(url_name=url_name, label=label, menu=menu, order=order)


def links(menu: str) -> list[dict[str, str]]:
    """The links of `menu` in the active language: each a `url` and a `label`."""
    chosen = sorted(
        (link for link in _links.values() if link.menu == menu), key=lambda link: link.order
    )
    return [{"url": reverse(link.url_name), "label": str(link.label)} for link in chosen]
