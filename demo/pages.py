"""Demo pages: a French page found by slug under its parent, or made and published, with
its Arabic translation made through wagtail-localize so that *Sync translated pages* keeps it."""

from __future__ import annotations

from wagtail.models import Locale, Page

from content.api import ensure_translation

# Relations set once the page exists; the Arabic page gets its own (themes) or the French
# page's through synchronisation (trainers).
RELATIONS = ("trainers", "themes")


class PageMaker:
    def __init__(self):
        self.arabic = Locale.objects.get(language_code="ar")
        self.created = 0

    def page(self, parent: Page, model, slug: str, fr_fields: dict, ar_fields: dict):
        """The French child of `parent` with `slug` (created and published if missing) and its
        Arabic translation, made from `ar_fields` if missing; one made before is adopted as
        it is."""
        page = model.objects.child_of(parent).filter(slug=slug).first()
        if page is None:
            relations = {name: fr_fields.pop(name) for name in RELATIONS if name in fr_fields}
            page = parent.add_child(instance=model(slug=slug, locale=parent.locale, **fr_fields))
            for name, values in relations.items():
                getattr(page, name).set(values)
            page.save_revision().publish()
            self.created += 1
        if page.get_translation_or_none(self.arabic) is None:
            translation = ensure_translation(page, self.arabic, **ar_fields)
            self.created += 1
        else:
            translation = ensure_translation(page, self.arabic)
        return page, translation


def translate_ancestors(page: Page, locale: Locale) -> None:
    """Translate the page's ancestors first (they keep their titles when not translated yet)."""
    parent = page.get_parent().specific
    if parent.depth > 2 and parent.get_translation_or_none(locale) is None:
        translate_ancestors(parent, locale)
        ensure_translation(parent, locale)
