"""Background work of the content app."""

from django.tasks import task


@task
def extract_document_text(document_id: int) -> None:
    """Extract the text inside a document's file for the library search."""
    # at call time: importing the tasks loads no model or service
    from content.library.services import extract_document_text as extract

    extract(document_id=document_id)
