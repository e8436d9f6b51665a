"""Small helpers shared by the content tests."""

import datetime


def _edition(year: int) -> list[dict]:
    from tests.factories.library import pdf_document

    return [{"number": 1, "published_on": datetime.date(year, 1, 1), "document": pdf_document()}]
