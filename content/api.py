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

# The models this door still hands out, and why (tests/architecture/test_doors.py).
MODELS = (
    # a course's themes (a many-to-many relation), which the catalogue lists and filters by
    Theme,
    # the demo seed builds the handbook library: its pages and their editions
    HandbookPage,
    HandbookEdition,
)

__all__ = [
    # models (see MODELS)
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
