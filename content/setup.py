"""The site's fixed structure: locales and the home page in each language. Idempotent."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from wagtail.models import Locale, Page, Site

from .models import HomePage

HOME_TITLES = {"fr": "Formation ENSA", "ar": "التكوين بالمدرسة الوطنية العليا للإدارة"}
HOME_INTRODUCTIONS = {
    "fr": (
        "Formations de l'École Nationale Supérieure de l'Administration pour les cadres de la "
        "fonction publique : planifier et mettre en œuvre l'intégration des migrants, des "
        "réfugiés et des Marocains de retour."
    ),
    "ar": (
        "دورات تكوينية للمدرسة الوطنية العليا للإدارة لفائدة أطر الوظيفة العمومية: تخطيط وتنفيذ "
        "إدماج المهاجرين واللاجئين والمغاربة العائدين."
    ),
}


@dataclass(frozen=True)
class SiteStructure:
    locales: dict[str, Locale]
    homes: dict[str, HomePage]


def ensure_locales() -> dict[str, Locale]:
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in ("fr", "ar")}


def ensure_translation(page: Page, locale: Locale, **fields) -> Page:
    """The live translation of `page` in `locale`, created from `fields` when missing."""
    translation = page.get_translation_or_none(locale)
    if translation is None:
        translation = page.copy_for_translation(locale)
    changed = False
    for name, value in fields.items():
        if getattr(translation, name) != value:
            setattr(translation, name, value)
            changed = True
    if changed or not translation.live:
        translation.save_revision().publish()
    return translation


@transaction.atomic
def ensure_site_structure() -> SiteStructure:
    locales = ensure_locales()
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(title="Root", locale=locales["fr"])
    home = HomePage.objects.filter(locale=locales["fr"], depth=2).first()
    if home is None:
        # Wagtail's migrations leave a "Welcome" page; the site must point at our home page.
        Page.objects.filter(depth=2, content_type__model="page").delete()
        root.refresh_from_db()
        home = root.add_child(
            instance=HomePage(
                title=HOME_TITLES["fr"],
                slug="home",
                locale=locales["fr"],
                introduction=HOME_INTRODUCTIONS["fr"],
            )
        )
        home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "ENSA"},
    )
    home_ar = ensure_translation(
        home, locales["ar"], title=HOME_TITLES["ar"], introduction=HOME_INTRODUCTIONS["ar"]
    )
    return SiteStructure(locales=locales, homes={"fr": home, "ar": home_ar})


def ensure_section(
    model: type[Page], *, slug: str, fields: dict[str, dict], structure: SiteStructure | None = None
) -> dict[str, Page]:
    """A section page (`model`) below the home page, published in fr with its ar translation.

    `fields` maps a language code to the page's fields in that language. Idempotent.
    """
    with transaction.atomic():
        structure = structure or ensure_site_structure()
        home = structure.homes["fr"]
        section = model.objects.child_of(home).first()
        if section is None:
            section = home.add_child(instance=model(slug=slug, locale=home.locale, **fields["fr"]))
            section.save_revision().publish()
        translation = ensure_translation(section, structure.locales["ar"], **fields["ar"])
        return {"fr": section, "ar": translation.specific}
