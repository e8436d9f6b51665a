"""The library page in each language, below the home page. Idempotent."""

from __future__ import annotations

from content.setup import SiteStructure, ensure_section

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


def ensure_library(structure: SiteStructure | None = None) -> dict[str, LibraryIndexPage]:
    """The library at /fr/library/ and /ar/library/."""
    return ensure_section(LibraryIndexPage, slug="library", fields=LIBRARY, structure=structure)
