"""The course catalogue in each language, below the home page. Idempotent."""

from __future__ import annotations

from django.db import transaction

from content.setup import SiteStructure, ensure_site_structure, ensure_translation

from .models import CatalogPage
from .services import grant_catalogue_permissions

CATALOGUE = {
    "fr": {
        "title": "Catalogue des formations",
        "introduction": "Les formations de l'ENSA sur l'intégration des migrants, des réfugiés "
        "et des Marocains de retour.",
    },
    "ar": {
        "title": "دليل الدورات التكوينية",
        "introduction": "الدورات التكوينية للمدرسة الوطنية العليا للإدارة حول إدماج المهاجرين "
        "واللاجئين والمغاربة العائدين.",
    },
}


@transaction.atomic
def ensure_catalogue(structure: SiteStructure | None = None) -> dict[str, CatalogPage]:
    structure = structure or ensure_site_structure()
    home = structure.homes["fr"]
    catalog = CatalogPage.objects.child_of(home).first()
    if catalog is None:
        catalog = home.add_child(
            instance=CatalogPage(slug="formations", locale=home.locale, **CATALOGUE["fr"])
        )
        catalog.save_revision().publish()
    catalog_ar = ensure_translation(catalog, structure.locales["ar"], **CATALOGUE["ar"])
    grant_catalogue_permissions(catalog=catalog)
    grant_catalogue_permissions(catalog=catalog_ar)
    return {"fr": catalog, "ar": catalog_ar}
