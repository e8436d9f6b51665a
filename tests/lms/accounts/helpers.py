"""Small helpers shared by the accounts tests."""

from lms.accounts.models import Organisation, OrganisationKind


def make(slug, parent=None, kind=OrganisationKind.DIRECTORATE, **kwargs):
    return Organisation.objects.create(
        slug=slug, name_fr=kwargs.pop("name_fr", slug.title()), kind=kind, parent=parent, **kwargs
    )
