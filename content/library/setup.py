"""The library page in each language, below the home page. Idempotent."""

from __future__ import annotations

from django.db import transaction

from content.setup import SiteStructure, ensure_site_structure, ensure_translation

from .models import LibraryIndexPage

LIBRARY = {
    "fr": {
        "title": "Bibliothèque",
        "introduction": "Les guides et outils de l'ENSA issus des communes pilotes : planifier "
        "l'intégration des migrants, des réfugiés et des Marocains de retour.",
    },
    "ar": {
        "title": "المكتبة",
        "introduction": "أدلة وأدوات المدرسة الوطنية العليا للإدارة المستخلصة من تجارب الجماعات "
        "النموذجية: تخطيط إدماج المهاجرين واللاجئين والمغاربة العائدين.",
    },
}


@transaction.atomic
def ensure_library(structure: SiteStructure | None = None) -> dict[str, LibraryIndexPage]:
    """The library at /fr/library/ and /ar/library/."""
    structure = structure or ensure_site_structure()
    home = structure.homes["fr"]
    library = LibraryIndexPage.objects.child_of(home).first()
    if library is None:
        library = home.add_child(
            instance=LibraryIndexPage(slug="library", locale=home.locale, **LIBRARY["fr"])
        )
        library.save_revision().publish()
    library_ar = ensure_translation(library, structure.locales["ar"], **LIBRARY["ar"])
    return {"fr": library, "ar": library_ar.specific}
