"""The document form used for every upload (WAGTAILDOCS_DOCUMENT_FORM_BASE)."""

from __future__ import annotations

from wagtail.documents.forms import BaseDocumentForm

from .uploads import validate_upload


class LibraryDocumentForm(BaseDocumentForm):
    """Wagtail's document form, refusing files other than office documents, PDFs and images.

    Used for every document upload (single, multiple, chooser) through
    WAGTAILDOCS_DOCUMENT_FORM_BASE.
    """

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file and "file" in self.changed_data:
            validate_upload(file)
        return file
