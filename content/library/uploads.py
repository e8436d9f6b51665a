"""Which files may be uploaded as documents: extension, real content (magic bytes) and size.

Pure module: reads the uploaded file object, touches no database.
"""

from __future__ import annotations

import zipfile
from typing import IO

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

MAX_UPLOAD_SIZE = 50 * 1024 * 1024

ALLOWED_EXTENSIONS = ("pdf", "docx", "odt", "xlsx", "pptx", "png", "jpg", "jpeg", "gif", "webp")

_OOXML_PARTS = {
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
    "pptx": "ppt/presentation.xml",
}
_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


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


def validate_upload(file, *, max_size: int = MAX_UPLOAD_SIZE) -> None:
    """Raise ValidationError with a message for the uploader when `file` may not be stored."""
    extension = _extension(getattr(file, "name", "") or "")
    if extension not in ALLOWED_EXTENSIONS:
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
