"""Create the fixed collections (Library, Certificates, Course media) and file the documents of
handbook editions that sit in the root collection into Library.

The groups' rights there are given after every migrate by content.collections.ensure_collections.
"""

from django.db import migrations

# Frozen here: a migration must not change when content/permissions.py does.
LIBRARY = "Library"
NAMES = ("Library", "Certificates", "Course media")
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's MP_Node defaults
STEPLEN = 4


def _step(number: int) -> str:
    digits = ""
    while number:
        number, remainder = divmod(number, len(ALPHABET))
        digits = ALPHABET[remainder] + digits
    return digits.rjust(STEPLEN, "0")


def create_collections(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    Document = apps.get_model("wagtaildocs", "Document")
    HandbookEdition = apps.get_model("content", "HandbookEdition")
    root = Collection.objects.filter(depth=1).order_by("path").first()
    if root is None:
        root = Collection.objects.create(name="Root", path=_step(1), depth=1, numchild=0)
    children = Collection.objects.filter(depth=2, path__startswith=root.path)
    existing = set(children.filter(name__in=NAMES).values_list("name", flat=True))
    last = children.order_by("-path").values_list("path", flat=True).first()
    number = int(last[-STEPLEN:], len(ALPHABET)) if last else 0
    for name in NAMES:
        if name in existing:
            continue
        number += 1
        Collection.objects.create(name=name, path=root.path + _step(number), depth=2, numchild=0)
    root.numchild = Collection.objects.filter(depth=2, path__startswith=root.path).count()
    root.save(update_fields=["numchild"])
    # Collections are kept in name order (node_order_by); as Wagtail's own 0059 migration does,
    # let treebeard reorder the paths (it touches the tree fields only).
    from wagtail.models import Collection as TreeCollection

    TreeCollection.fix_tree(fix_paths=True)
    library = Collection.objects.filter(depth=2, name=LIBRARY).order_by("path").first()
    Document.objects.filter(
        pk__in=HandbookEdition.objects.values("document_id"), collection=root
    ).update(collection=library)


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0002_handbook_library"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_collections, migrations.RunPython.noop)]
