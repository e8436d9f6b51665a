"""Which files may be uploaded as documents: extension, size and real content.

Content: the first bytes must be those of the kind the extension names; a PDF must open with
pypdf and have a page, an image must open and verify with Pillow as that kind, an office file
must be a zip with the kind's parts; and no PDF or image may carry web-page markup in the bytes
a browser sniffs (a PDF/HTML or GIF/HTML polyglot).

The extensions and the size limit are Wagtail's settings (`WAGTAILDOCS_EXTENSIONS`,
`WAGTAILDOCS_MAX_UPLOAD_SIZE` in lms/settings/base.py), so Wagtail's own form and this check
agree. Pure module: reads the uploaded file object, touches no database.
"""

from __future__ import annotations

import re
import zipfile
from typing import IO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image
from pypdf import PdfReader

_OOXML_PARTS = {
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
    "pptx": "ppt/presentation.xml",
}
_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
_IMAGE_FORMATS = {"png": "PNG", "jpg": "JPEG", "jpeg": "JPEG", "gif": "GIF", "webp": "WEBP"}
# Browsers read up to 1445 bytes (WHATWG MIME Sniffing) to decide a file is HTML; read more.
SNIFFED_BYTES = 4096
_MARKUP = re.compile(rb"<(?:html|script|!doctype|svg|body|iframe)", re.IGNORECASE)


def _extension(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def _head(file: IO[bytes], size: int = 64) -> bytes:
    file.seek(0)
    head = file.read(size)
    file.seek(0)
    return head


def _zip_names(file: IO[bytes]) -> tuple[set[str], bytes] | None:
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype") if "mimetype" in names else b""
    except (zipfile.BadZipFile, KeyError, OSError):
        return None
    finally:
        file.seek(0)
    return names, mimetype.strip()


def content_matches_extension(file: IO[bytes], extension: str) -> bool:
    """True when the bytes of `file` are really of the kind its extension claims."""
    head = _head(file)
    if extension == "pdf":
        return head.startswith(b"%PDF-")
    if extension == "png":
        return head.startswith(b"\x89PNG\r\n\x1a\n")
    if extension in {"jpg", "jpeg"}:
        return head.startswith(b"\xff\xd8\xff")
    if extension == "gif":
        return head.startswith((b"GIF87a", b"GIF89a"))
    if extension == "webp":
        return head.startswith(b"RIFF") and head[8:12] == b"WEBP"
    if extension in _OOXML_PARTS or extension == "odt":
        if not head.startswith(b"PK\x03\x04"):
            return False
        found = _zip_names(file)
        if found is None:
            return False
        names, mimetype = found
        if extension == "odt":
            return mimetype == _ODT_MIMETYPE
        return _OOXML_PARTS[extension] in names
    return False


def carries_markup(file: IO[bytes]) -> bool:
    """True when the bytes a browser sniffs hold HTML, SVG or script tags."""
    return _MARKUP.search(_head(file, SNIFFED_BYTES)) is not None


def pdf_is_readable(file: IO[bytes]) -> bool:
    """True when `file` parses as a PDF with at least one page."""
    file.seek(0)
    try:
        reader = PdfReader(file)
        if reader.is_encrypted and not reader.decrypt(""):
            return False
        return len(reader.pages) > 0 and reader.pages[0].mediabox is not None
    except Exception:  # noqa: BLE001 - pypdf raises many kinds of errors on broken files
        return False
    finally:
        file.seek(0)


def image_is_readable(file: IO[bytes], extension: str) -> bool:
    """True when Pillow opens and verifies `file` as the image kind its extension names."""
    file.seek(0)
    try:
        with Image.open(file) as image:
            kind = image.format
            image.verify()
    except Exception:  # noqa: BLE001 - Pillow raises many kinds of errors on broken files
        return False
    finally:
        file.seek(0)
    return kind == _IMAGE_FORMATS.get(extension)


def validate_upload(file, *, max_size: int | None = None) -> None:
    """Raise ValidationError with a message for the uploader when `file` may not be stored."""
    if max_size is None:
        max_size = settings.WAGTAILDOCS_MAX_UPLOAD_SIZE
    extension = _extension(getattr(file, "name", "") or "")
    if extension not in settings.WAGTAILDOCS_EXTENSIONS:
        raise ValidationError(
            _(
                "This kind of file cannot be uploaded. Accepted files: PDF, DOCX, ODT, XLSX, "
                "PPTX and images (PNG, JPEG, GIF, WebP)."
            ),
            code="file_type_not_allowed",
        )
    if file.size is not None and file.size > max_size:
        raise ValidationError(
            _("This file is too big (%(size)s). The limit is %(limit)s.")
            % {"size": filesizeformat(file.size), "limit": filesizeformat(max_size)},
            code="file_too_large",
        )
    if not content_matches_extension(file, extension):
        raise ValidationError(
            _(
                "The content of this file does not match its name: it is not a real "
                "%(extension)s file."
            )
            % {"extension": extension.upper()},
            code="file_content_mismatch",
        )
    if extension == "pdf" or extension in _IMAGE_FORMATS:
        if carries_markup(file):
            raise ValidationError(
                _(
                    "This file contains web page code (HTML or script) and cannot be uploaded. "
                    "Export it again from the application that made it."
                ),
                code="file_contains_markup",
            )
    if extension == "pdf" and not pdf_is_readable(file):
        raise ValidationError(
            _(
                "This PDF file is damaged or incomplete and cannot be opened. Export it again "
                "and upload the new file."
            ),
            code="pdf_unreadable",
        )
    if extension in _IMAGE_FORMATS and not image_is_readable(file, extension):
        raise ValidationError(
            _(
                "The content of this file does not match its name: it is not a real "
                "%(extension)s file."
            )
            % {"extension": extension.upper()},
            code="file_content_mismatch",
        )
