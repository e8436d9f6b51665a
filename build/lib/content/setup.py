"""The site's fixed structure: locales and the home page in each language. Idempotent."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.db import models, transaction
from wagtail.blocks import StreamValue
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, Site
from wagtail_localize.fields import get_translatable_fields
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

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
    """The live translation of `page` in `locale`, made and kept in sync by wagtail-localize.

    A missing translation is created as the admin's *Translate* does: the text fields given in
    `fields` (written in `locale`) become the translated strings, the others stay in the
    source language until translated, and synchronised settings are copied. A translation made
    without wagtail-localize (`copy_for_translation`) is adopted: its current text becomes the
    translated strings, so that *Sync translated pages* keeps it. Text given for an existing
    translation replaces its strings; other `fields` (relations, settings) are set on the page
    as given. Idempotent: nothing is saved when nothing changes.
    """
    page = Page.objects.get(pk=page.pk).specific  # as stored: StreamField blocks have their ids
    translation = page.get_translation_or_none(locale)
    translation = translation.specific if translation is not None else None
    record = Translation.objects.filter(
        source__object_id=page.translation_key,
        source__locale=page.locale,
        target_locale=locale,
    ).first()
    if record is not None and not record.enabled and translation is not None:
        # A translator stopped the synchronisation: the page is edited as any other.
        return _set_fields(translation, fields)
    if record is not None and record.enabled and translation is not None and not fields:
        return translation
    texts, others = _split_fields(type(page), fields)
    # The source as the page is now, as "Sync translated pages" takes it.
    source, _created = TranslationSource.update_or_create_from_instance(page)
    if record is None or not record.enabled:
        record, _created = Translation.objects.update_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        if translation is not None:
            # Adopted: what the page says now is its translation, unless `fields` replace it.
            texts = {**_current_texts(translation, source), **texts}
        texts.setdefault("slug", page.slug)  # the same address in each language's tree
    changed = _store_strings(source, locale, texts)
    if translation is None or changed:
        translation, _created = source.create_or_update_translation(
            locale, publish=False, fallback=True
        )
        translation.get_latest_revision().publish()
        translation = type(page).objects.get(pk=translation.pk)
    return _set_fields(translation, others)


def _split_fields(model, fields: dict) -> tuple[dict, dict]:
    """The text fields that wagtail-localize translates (strings), and the others."""
    translated = {
        field.field_name for field in get_translatable_fields(model) if field.is_translated(None)
    }
    texts, others = {}, {}
    for name, value in fields.items():
        field = model._meta.get_field(name)
        is_text = isinstance(field, StreamField | models.TextField | models.CharField)
        (texts if name in translated and is_text else others)[name] = value
    return texts, others


def _current_texts(translation: Page, source: TranslationSource) -> dict:
    """The translated text fields of an existing translation, as they are now."""
    translated = {
        field.field_name
        for field in get_translatable_fields(type(translation))
        if field.is_translated(translation)
    }
    paths = {
        path.split(".")[0]
        for path in source.stringsegment_set.values_list("context__path", flat=True)
    }
    texts = {}
    for name in translated & paths:
        value = getattr(translation, name)
        if isinstance(value, StreamValue):
            value = list(value.get_prep_value())
        texts[name] = value
    return texts


def _store_strings(source: TranslationSource, locale: Locale, texts: dict) -> bool:
    """Record `texts` (field values in `locale`) as the translations of the source's strings.

    The source instance is given the translated values, StreamField blocks taking the ids of
    the source's blocks where both have the same structure; each string is then paired with
    the source string at the same place (field path and rank). Returns whether any changed.
    """
    if not texts:
        return False
    shadow = source.as_instance()
    for name, value in texts.items():
        if isinstance(shadow._meta.get_field(name), StreamField):
            value = _with_block_ids(_raw_stream(value), _raw_stream(getattr(shadow, name)))
        setattr(shadow, name, value)
    translated: dict[str, list[str]] = {}
    for segment in extract_segments(shadow):
        if isinstance(segment, StringSegmentValue) and segment.path.split(".")[0] in texts:
            translated.setdefault(segment.path, []).append(segment.string.data)
    changed = False
    ranks: dict[str, int] = {}
    segments = (
        StringSegment.objects.filter(source=source)
        .select_related("string", "context")
        .order_by("order")
    )
    for segment in segments:
        path = segment.context.path
        rank = ranks[path] = ranks.get(path, -1) + 1
        candidates = translated.get(path, [])
        if rank >= len(candidates):
            continue
        existing = StringTranslation.objects.filter(
            translation_of=segment.string, locale=locale, context=segment.context
        ).first()
        if existing is not None and existing.data == candidates[rank] and not existing.has_error:
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": candidates[rank],
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "has_error": False,
                "field_error": "",
            },
        )
        changed = True
    return changed


def _raw_stream(value) -> list:
    if isinstance(value, StreamValue):
        return list(value.get_prep_value())
    return list(value or [])


def _with_block_ids(theirs, ours):
    """`theirs` (a StreamField's raw data) with the block ids of `ours` wherever both have
    blocks of the same types at the same places, so that their strings pair up; blocks
    without a counterpart get ids of their own."""
    if isinstance(theirs, list) and isinstance(ours, list) and len(theirs) == len(ours):
        aligned = []
        for their, our in zip(theirs, ours, strict=True):
            if (
                isinstance(their, dict)
                and isinstance(our, dict)
                and "value" in their
                and "value" in our
                and their.get("type") == our.get("type")
                and our.get("id")
            ):
                value = _with_block_ids(their["value"], our["value"])
                their = {**their, "id": our["id"], "value": value}
            aligned.append(their)
        return _with_own_ids(aligned)
    if isinstance(theirs, list):
        return _with_own_ids(theirs)
    if isinstance(theirs, dict) and isinstance(ours, dict):
        return {
            key: _with_block_ids(value, ours[key]) if key in ours else value
            for key, value in theirs.items()
        }
    return theirs


def _with_own_ids(blocks: list) -> list:
    return [
        {**block, "id": str(uuid.uuid4())}
        if isinstance(block, dict) and "type" in block and "value" in block and not block.get("id")
        else block
        for block in blocks
    ]


def _set_fields(translation: Page, fields: dict) -> Page:
    """Set `fields` on the page as given, and publish it when anything changed."""
    changed = False
    for name, value in fields.items():
        current = getattr(translation, name)
        if hasattr(current, "all"):
            current = list(current.all())
            value = list(value)
        if current != value:
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
