"""The themes shared by the course catalogue and the handbook library."""

from __future__ import annotations

from django.db import transaction
from wagtail.models import Locale

from .models import Theme

THEMES = {
    "planification-integration": ("Planification de l'intégration", "تخطيط الإدماج"),
    "acces-aux-services": ("Accès aux services", "الولوج إلى الخدمات"),
    "asile-et-refugies": ("Asile et réfugiés", "اللجوء واللاجئون"),
    "marocains-de-retour": ("Marocains de retour", "المغاربة العائدون"),
    "sensibilisation-diversite": ("Sensibilisation et diversité", "التحسيس والتنوع"),
    "cooperation-sud-sud": ("Coopération Sud-Sud", "التعاون جنوب-جنوب"),
}


@transaction.atomic
def ensure_themes() -> dict[str, dict[str, Theme]]:
    """The themes in French with their Arabic translations, keyed by slug. Idempotent."""
    locales = {code: Locale.objects.get(language_code=code) for code in ("fr", "ar")}
    themes: dict[str, dict[str, Theme]] = {}
    for slug, (name_fr, name_ar) in THEMES.items():
        french, _created = Theme.objects.get_or_create(
            locale=locales["fr"], slug=slug, defaults={"name": name_fr}
        )
        arabic = french.get_translation_or_none(locales["ar"])
        if arabic is None:
            arabic = french.copy_for_translation(locales["ar"])
            arabic.name = name_ar
            arabic.save()
        themes[slug] = {"fr": french, "ar": arabic}
    return themes
