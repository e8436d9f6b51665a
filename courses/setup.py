"""The course catalogue in each language, below the home page. Idempotent."""

from __future__ import annotations

from django.db import transaction

from content.api import SiteStructure, ensure_section

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
    """The catalogue at /fr/formations/ and /ar/formations/, open to trainers' authoring."""
    catalogues = ensure_section(
        CatalogPage, slug="formations", fields=CATALOGUE, structure=structure
    )
    for catalog in catalogues.values():
        grant_catalogue_permissions(catalog=catalog)
    return catalogues
