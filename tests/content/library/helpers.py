"""Small helpers shared by the library tests."""

from content.library.models import DownloadCount


def _counts(edition) -> dict[str | None, int]:
    return {
        (row.organisation.slug if row.organisation else None): row.count
        for row in DownloadCount.objects.filter(edition=edition).select_related("organisation")
    }
