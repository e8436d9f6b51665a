"""Every document upload in the admin goes through our checks (LibraryDocumentForm)."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django.utils.html import escape
from wagtail.documents import get_document_model
from wagtail.models import Collection

from content.library.uploads import validate_upload
from lms.typography import french_spacing
from tests.content.library.test_uploads import REFUSED
from tests.factories.library import pdf_bytes
from tests.factories.users import UserFactory

DOCUMENT_SETTINGS = {
    "WAGTAILDOCS_DOCUMENT_FORM_BASE": "content.library.document_forms.LibraryDocumentForm",
    "WAGTAILDOCS_EXTENSIONS": [
        "pdf",
        "docx",
        "odt",
        "xlsx",
        "pptx",
        "png",
        "jpg",
        "jpeg",
        "gif",
        "webp",
    ],
    "WAGTAILDOCS_MAX_UPLOAD_SIZE": 50 * 1024 * 1024,
}


@pytest.fixture
def editor(client, library, settings, sign_in_to_admin):
    for name, value in DOCUMENT_SETTINGS.items():
        setattr(settings, name, value)
    sign_in_to_admin(UserFactory(is_superuser=True, is_staff=True))
    return client


def _message(name: str, content: bytes, language: str = "fr") -> str:
    """Our refusal message for this file, in the administrator's language."""
    with translation.override(language), pytest.raises(ValidationError) as refused:
        validate_upload(SimpleUploadedFile(name, content))
    return refused.value.messages[0]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name,content,code",
    [
        ("page.html", b"<html></html>", "file_type_not_allowed"),
        ("logo.svg", b"<svg/>", "file_type_not_allowed"),
        ("faux.pdf", b"<html>not a pdf</html>", "file_content_mismatch"),
        ("polyglot.pdf", REFUSED["polyglot.pdf"][0], "file_contains_markup"),
        ("truncated.pdf", REFUSED["truncated.pdf"][0], "pdf_unreadable"),
    ],
)
def test_admin_upload_refuses_with_a_message_and_stores_nothing(
    editor, settings, name, content, code
):
    response = editor.post(
        "/admin/documents/add/",
        {
            "title": "Essai",
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors.as_data()["file"][0].code == code
    # The admin's French pages space their punctuation the French way (lms/typography.py).
    assert french_spacing(escape(_message(name, content))) in response.content.decode()
    assert not get_document_model().objects.filter(title="Essai").exists()
    stored = settings.MEDIA_ROOT / "documents"
    assert not stored.exists() or not any(stored.iterdir())


@pytest.mark.django_db
def test_admin_multiple_upload_refuses_a_disguised_file(editor):
    response = editor.post(
        "/admin/documents/multiple/add/",
        {"files[]": SimpleUploadedFile("faux.pdf", b"MZ\x90\x00exe"), "title": "faux.pdf"},
    )
    assert response.json()["success"] is False
    assert _message("faux.pdf", b"MZ\x90\x00exe") in response.json()["error_message"]
    assert not get_document_model().objects.exists()


@pytest.mark.django_db
def test_admin_upload_accepts_a_real_pdf(editor):
    response = editor.post(
        "/admin/documents/add/",
        {
            "title": "Vrai guide",
            "file": SimpleUploadedFile("guide.pdf", pdf_bytes("Guide")),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 302
    assert get_document_model().objects.filter(title="Vrai guide").exists()
