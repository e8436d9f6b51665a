"""Who may change documents and images: fixed collections under Wagtail's ownership policy."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupCollectionPermission

from content.collections import collection_for, ensure_collections
from content.library.models import AccessLevel
from content.permissions import CERTIFICATES, COURSE_MEDIA, LIBRARY
from lms.accounts.roles import ADMINISTRATORS, TRAINERS
from lms.accounts.services import ensure_roles
from tests.factories.library import build_handbook, image, pdf_bytes, pdf_document, png_bytes
from tests.factories.users import administrator, trainer

pytestmark = pytest.mark.django_db

Document = get_document_model()
Image = get_image_model()
FORGED_PDF = pdf_bytes("Faux guide")
FORGED_PNG = png_bytes("black")


def _bytes(item) -> bytes:
    item.refresh_from_db()
    with item.file.open("rb") as file:
        return file.read()


def _edit_document(client, document, title="Remplacé"):
    return client.post(
        f"/admin/documents/edit/{document.pk}/",
        {
            "title": title,
            "file": SimpleUploadedFile("faux.pdf", FORGED_PDF),
            "collection": document.collection_id,
            "tags": "",
        },
    )


def _edit_image(client, picture, title="Remplacée"):
    return client.post(
        f"/admin/images/{picture.pk}/",
        {
            "title": title,
            "file": SimpleUploadedFile("fausse.png", FORGED_PNG),
            "collection": picture.collection_id,
            "tags": "",
            "focal_point_x": "",
            "focal_point_y": "",
            "focal_point_width": "",
            "focal_point_height": "",
        },
    )


def _denied(response) -> bool:
    """Wagtail refuses with a 403 or by sending back to the admin home with a message."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


def _library_files(library):
    return {
        "Library document": pdf_document(collection=collection_for(LIBRARY)),
        "staff-only handbook file": build_handbook(access_level=AccessLevel.STAFF)
        .editions.get()
        .document,
    }


@pytest.mark.parametrize("kind", ["Library document", "staff-only handbook file"])
def test_a_trainer_cannot_edit_replace_or_delete_a_library_document(
    client, library, sign_in_to_admin, kind
):
    document = _library_files(library)[kind]
    before = _bytes(document)
    sign_in_to_admin(trainer())
    assert _denied(client.get(f"/admin/documents/edit/{document.pk}/"))
    assert _denied(_edit_document(client, document))
    client.post(f"/admin/documents/delete/{document.pk}/")
    client.post(f"/admin/documents/multiple/{document.pk}/delete/")
    document.refresh_from_db()
    assert document.title != "Remplacé"
    assert _bytes(document) == before


def test_a_trainer_cannot_edit_replace_or_delete_a_certificate_image(
    client, library, sign_in_to_admin
):
    signature = image(title="Signature du directeur", collection=collection_for(CERTIFICATES))
    before = _bytes(signature)
    sign_in_to_admin(trainer())
    assert _denied(client.get(f"/admin/images/{signature.pk}/"))
    assert _denied(_edit_image(client, signature))
    client.post(f"/admin/images/{signature.pk}/delete/")
    client.post(f"/admin/images/multiple/{signature.pk}/delete/")
    signature.refresh_from_db()
    assert signature.title == "Signature du directeur"
    assert _bytes(signature) == before


def test_a_trainer_chooses_only_course_media(client, library, sign_in_to_admin):
    image(title="Signature du directeur", collection=collection_for(CERTIFICATES))
    image(title="Logo ENSA", collection=collection_for(CERTIFICATES))
    image(title="Carte de la région", collection=collection_for(COURSE_MEDIA))
    pdf_document(title="Guide interne", collection=collection_for(LIBRARY))
    pdf_document(title="Fiche de la leçon", collection=collection_for(COURSE_MEDIA))
    sign_in_to_admin(trainer())
    images = client.get("/admin/images/chooser/").json()["html"]
    assert "Carte de la région" in images
    assert "Signature du directeur" not in images and "Logo ENSA" not in images
    documents = client.get("/admin/documents/chooser/").json()["html"]
    assert "Fiche de la leçon" in documents and "Guide interne" not in documents


def test_a_trainer_uploads_into_course_media_only_and_changes_only_their_own_uploads(
    client, library, sign_in_to_admin
):
    author = sign_in_to_admin(trainer())
    form = client.get("/admin/documents/add/").context["form"]
    assert "collection" not in form.fields  # Course media is the only choice: no field
    response = client.post(
        "/admin/documents/add/",
        {
            "title": "Fiche de la leçon",
            "file": SimpleUploadedFile("fiche.pdf", pdf_bytes("Fiche")),
            "collection": collection_for(LIBRARY).pk,  # ignored
        },
    )
    assert response.status_code == 302
    assert not Document.objects.filter(collection=collection_for(LIBRARY)).exists()
    mine = Document.objects.get(title="Fiche de la leçon")
    assert mine.uploaded_by_user == author and mine.collection == collection_for(COURSE_MEDIA)
    assert client.get(f"/admin/documents/edit/{mine.pk}/").status_code == 200
    assert _edit_document(client, mine, title="Fiche corrigée").status_code == 302
    mine.refresh_from_db()
    assert mine.title == "Fiche corrigée" and _bytes(mine) == FORGED_PDF
    picture = client.post(
        "/admin/images/add/",
        {
            "title": "Carte",
            "file": SimpleUploadedFile("carte.png", png_bytes()),
            "collection": collection_for(COURSE_MEDIA).pk,
        },
    )
    assert picture.status_code == 302
    assert Image.objects.get(title="Carte").uploaded_by_user == author

    colleague = trainer()
    theirs = pdf_document(collection=collection_for(COURSE_MEDIA), uploaded_by=colleague)
    their_picture = image(collection=collection_for(COURSE_MEDIA), uploaded_by=colleague)
    before = _bytes(theirs)
    assert _denied(client.get(f"/admin/documents/edit/{theirs.pk}/"))
    assert _denied(_edit_document(client, theirs))
    assert _denied(_edit_image(client, their_picture))
    client.post(f"/admin/documents/delete/{theirs.pk}/")
    client.post(f"/admin/images/{their_picture.pk}/delete/")
    assert _bytes(theirs) == before
    assert Image.objects.filter(pk=their_picture.pk).exists()

    assert client.post(f"/admin/documents/delete/{mine.pk}/").status_code == 302
    assert not Document.objects.filter(pk=mine.pk).exists()


def test_an_administrator_may_change_and_delete_everything(client, library, sign_in_to_admin):
    files = _library_files(library)
    handbook_file = files["staff-only handbook file"]
    signature = image(title="Signature du directeur", collection=collection_for(CERTIFICATES))
    someone_elses = pdf_document(collection=collection_for(COURSE_MEDIA), uploaded_by=trainer())
    sign_in_to_admin(administrator())
    assert "Signature du directeur" in client.get("/admin/images/chooser/").json()["html"]
    for document in (*files.values(), someone_elses):
        assert client.get(f"/admin/documents/edit/{document.pk}/").status_code == 200
        assert _edit_document(client, document).status_code == 302
        document.refresh_from_db()
        assert document.title == "Remplacé" and _bytes(document) == FORGED_PDF
    assert client.get(f"/admin/images/{signature.pk}/").status_code == 200
    assert _edit_image(client, signature).status_code == 302
    signature.refresh_from_db()
    assert signature.title == "Remplacée" and _bytes(signature) == FORGED_PNG
    assert client.post(f"/admin/images/{signature.pk}/delete/").status_code == 302
    assert not Image.objects.filter(pk=signature.pk).exists()
    library_document = files["Library document"]
    assert client.post(f"/admin/documents/delete/{library_document.pk}/").status_code == 302
    assert not Document.objects.filter(pk=library_document.pk).exists()
    assert Document.objects.filter(pk=handbook_file.pk).exists()


def test_trainers_hold_no_right_on_the_root_and_no_change_right_anywhere(library):
    trainers = Group.objects.get(name=TRAINERS)
    root = Collection.get_first_root_node()
    stale = [
        GroupCollectionPermission.objects.create(
            group=trainers, collection=collection, permission=permission
        )
        for collection in (root, collection_for(LIBRARY))
        for permission in trainers.permissions.model.objects.filter(
            codename__in=["change_document", "change_image"]
        )
    ]
    trainers.permissions.add(*[row.permission for row in stale])
    ensure_roles()
    ensure_collections()
    held = GroupCollectionPermission.objects.filter(group=trainers)
    assert not held.filter(collection=root).exists()
    assert not held.filter(permission__codename__startswith="change_").exists()
    assert set(held.values_list("collection__name", "permission__codename")) == {
        (COURSE_MEDIA, "add_document"),
        (COURSE_MEDIA, "choose_document"),
        (COURSE_MEDIA, "add_image"),
        (COURSE_MEDIA, "choose_image"),
    }
    assert not trainers.permissions.filter(
        codename__in=["change_document", "change_image"]
    ).exists()
    administrators = GroupCollectionPermission.objects.filter(
        group__name=ADMINISTRATORS, collection=root
    )
    assert set(administrators.values_list("permission__codename", flat=True)) >= {
        "add_document",
        "change_document",
        "choose_document",
        "delete_document",
        "add_image",
        "change_image",
        "choose_image",
        "delete_image",
    }


def test_the_fixed_collections_are_set_up_once(library):
    first = ensure_collections()
    count = Collection.objects.count(), GroupCollectionPermission.objects.count()
    assert ensure_collections() == first
    assert (Collection.objects.count(), GroupCollectionPermission.objects.count()) == count
    assert {c.name for c in Collection.get_first_root_node().get_children()} >= {
        LIBRARY,
        CERTIFICATES,
        COURSE_MEDIA,
    }
    assert collection_for(CERTIFICATES) == first[CERTIFICATES]
    with pytest.raises(KeyError):
        collection_for("Root")


def test_the_migration_files_handbook_documents_in_the_library(library):
    handbook_file = build_handbook().editions.get().document
    lesson_file = pdf_document()
    root = Collection.get_first_root_node()
    Document.objects.filter(pk=handbook_file.pk).update(collection=root)
    migration = importlib.import_module("content.migrations.0003_fixed_collections")
    migration.create_collections(apps, None)
    migration.create_collections(apps, None)
    handbook_file.refresh_from_db()
    lesson_file.refresh_from_db()
    assert handbook_file.collection == collection_for(LIBRARY)
    assert lesson_file.collection == root
    assert [c.name for c in root.get_children()].count(LIBRARY) == 1
    assert not any(Collection.find_problems())
