import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django.utils.html import escape
from PIL import Image as PillowImage
from pypdf import PdfWriter
from wagtail.documents import get_document_model
from wagtail.models import Collection

from content.library.uploads import validate_upload
from lms.typography import french_spacing
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


def _image(kind: str, **params) -> bytes:
    buffer = io.BytesIO()
    PillowImage.new("RGB", (16, 16), "green").save(buffer, format=kind, **params)
    return buffer.getvalue()


def _pdf_without_pages() -> bytes:
    buffer = io.BytesIO()
    PdfWriter().write(buffer)
    return buffer.getvalue()


PNG = _image("PNG")
GUIDE = pdf_bytes("Guide")
HTML = b"<html><body><script>alert(document.cookie)</script></body></html>"


def _office(name: str, part: str, mimetype: bytes | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        if mimetype:
            archive.writestr("mimetype", mimetype)
        archive.writestr(part, "<xml/>")
    return buffer.getvalue()


ACCEPTED = {
    "guide.pdf": pdf_bytes("Guide"),
    "guide.docx": _office("guide.docx", "word/document.xml"),
    "tableau.xlsx": _office("tableau.xlsx", "xl/workbook.xml"),
    "diapos.pptx": _office("diapos.pptx", "ppt/presentation.xml"),
    "texte.odt": _office("texte.odt", "content.xml", b"application/vnd.oasis.opendocument.text"),
    "photo.png": PNG,
    "photo.jpg": _image("JPEG"),
    "photo.gif": _image("GIF"),
    "photo.webp": _image("WEBP"),
}
REFUSED = {
    "page.html": (b"<html><script>alert(1)</script></html>", "file_type_not_allowed"),
    "logo.svg": (b"<svg xmlns='http://www.w3.org/2000/svg'/>", "file_type_not_allowed"),
    "setup.exe": (b"MZ\x90\x00" + b"\x00" * 60, "file_type_not_allowed"),
    "no-extension": (b"%PDF-1.4", "file_type_not_allowed"),
    "faux.pdf": (b"<html>not a pdf</html>", "file_content_mismatch"),
    "programme.pdf": (b"MZ\x90\x00" + b"\x00" * 60, "file_content_mismatch"),
    "archive.docx": (_office("x", "other.xml"), "file_content_mismatch"),
    "image.png": (b"GIF89a" + b"\x00" * 20, "file_content_mismatch"),
    # Polyglots: a browser that sniffs the first bytes would run them as a web page.
    "polyglot.pdf": (GUIDE[:9] + HTML + b"\n" + GUIDE[9:], "file_contains_markup"),
    "header-only.pdf": (b"%PDF-1.7\n  \n<!DOCTYPE html><HTML>" + HTML, "file_contains_markup"),
    "svg.pdf": (b"%PDF-1.4\n\t <SvG onload=alert(1)>", "file_contains_markup"),
    "polyglot.gif": (_image("GIF", comment=HTML), "file_contains_markup"),
    "gif-page.gif": (b"GIF89a/*\n<ScRiPt>alert(1)</script>", "file_contains_markup"),
    "frame.png": (PNG[:8] + b"<iframe src=//evil.example>", "file_contains_markup"),
    # Broken files.
    "truncated.pdf": (GUIDE[: len(GUIDE) // 2], "pdf_unreadable"),
    "empty.pdf": (_pdf_without_pages(), "pdf_unreadable"),
    "page.png": (HTML, "file_content_mismatch"),
    "truncated.png": (PNG[: len(PNG) // 2], "file_content_mismatch"),
    "fake.jpg": (b"\xff\xd8\xff\xe0" + b"\x00" * 32, "file_content_mismatch"),
}


@pytest.mark.parametrize("name", list(ACCEPTED))
def test_office_documents_pdfs_and_images_are_accepted(name):
    validate_upload(SimpleUploadedFile(name, ACCEPTED[name]))


@pytest.mark.parametrize("name", list(REFUSED))
def test_other_files_and_disguised_files_are_refused(name):
    content, code = REFUSED[name]
    with pytest.raises(ValidationError) as refused:
        validate_upload(SimpleUploadedFile(name, content))
    assert refused.value.code == code


def test_a_file_over_the_size_limit_is_refused():
    with pytest.raises(ValidationError) as refused:
        validate_upload(SimpleUploadedFile("guide.pdf", pdf_bytes("Guide")), max_size=100)
    assert refused.value.code == "file_too_large"


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
