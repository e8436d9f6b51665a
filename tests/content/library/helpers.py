"""Small helpers shared by the library tests."""

from content.library.models import DownloadCount
from tests.factories.users import administrator, learner, trainer

# Who asks, by role: nobody signed in, or a person made by the role's factory.
ROLES = {
    "anonymous": None,
    "learner": learner,
    "trainer": trainer,
    "administrator": administrator,
}


def _counts(edition) -> dict[str | None, int]:
    return {
        (row.organisation.slug if row.organisation else None): row.count
        for row in DownloadCount.objects.filter(edition=edition).select_related("organisation")
    }
