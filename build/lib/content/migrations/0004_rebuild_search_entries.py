"""Rebuild every handbook's search entry in the form search now reads: the text as written
(`text`, for excerpts) and its folded, stemmed shadow (`stemming_text`); both used to hold
folded text.

The shadow comes from lms.text.search_shadow_text, the rules of the day: whoever changes them
adds a migration like this one. The text is joined as content.library.services does.
"""

from django.db import migrations

from lms.text import search_shadow_text, strip_bidi_controls


def rebuild(apps, schema_editor):
    HandbookSearchEntry = apps.get_model("content", "HandbookSearchEntry")
    HandbookEdition = apps.get_model("content", "HandbookEdition")
    ExtractedText = apps.get_model("content", "ExtractedText")
    for entry in HandbookSearchEntry.objects.select_related("handbook").iterator():
        handbook = entry.handbook
        current = HandbookEdition.objects.filter(handbook=handbook, is_current=True).first()
        extracted = (
            ExtractedText.objects.filter(document_id=current.document_id).first() if current else None
        )
        themes = " ".join(theme.name for theme in handbook.themes.all())
        parts = (handbook.title, handbook.summary, themes, extracted.text if extracted else "")
        text = strip_bidi_controls("\n".join(part for part in parts if part))
        entry.text = text
        entry.stemming_text = search_shadow_text(text)
        entry.save(update_fields=["text", "stemming_text"])


class Migration(migrations.Migration):
    dependencies = [("content", "0003_fixed_collections")]

    operations = [migrations.RunPython(rebuild, migrations.RunPython.noop)]
