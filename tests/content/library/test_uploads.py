"""Which files may be uploaded (content/library/uploads.py: validate_upload)."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PillowImage
from pypdf import PdfWriter

from content.library.uploads import validate_upload
from tests.factories.library import pdf_bytes


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
