"""The content app's public door: other apps import this and nothing else of content
(content.library included)."""

from .blocks import LessonStreamBlock, render_body
from .collections import collection_for
from .library.models import HandbookEdition, HandbookPage
from .library.pdfgen import HandbookText, render_handbook_pdf
from .library.services import extract_document_text
from .library.setup import ensure_library
from .models import Theme
from .permissions import CERTIFICATES, LIBRARY
from .setup import SiteStructure, ensure_section, ensure_translation
from .themes import ensure_themes

__all__ = [
    # models, for queries and foreign keys
    "HandbookEdition",
    "HandbookPage",
    "Theme",
    # blocks, for the courses' lesson bodies
    "LessonStreamBlock",
    "render_body",
    # permissions: the media collections and the collection of each
    "CERTIFICATES",
    "LIBRARY",
    "collection_for",
    # the handbook library: PDF text and rendering
    "HandbookText",
    "extract_document_text",
    "render_handbook_pdf",
    # setting up the site: sections, translations, themes, the library
    "SiteStructure",
    "ensure_library",
    "ensure_section",
    "ensure_themes",
    "ensure_translation",
]
