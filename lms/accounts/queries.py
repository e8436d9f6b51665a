"""Reads of organisations that other apps ask for, as plain data."""

from __future__ import annotations

from dataclasses import dataclass

from .models import Organisation


@dataclass(frozen=True)
class OrganisationNames:
    """How an organisation is named: its slug and its names in French and in Arabic."""

    id: int
    slug: str
    name_fr: str
    name_ar: str


def organisation_names() -> tuple[OrganisationNames, ...]:
    """Every organisation's names, in the order organisations are listed (one query)."""
    return tuple(
        OrganisationNames(id=pk, slug=slug, name_fr=name_fr, name_ar=name_ar)
        for pk, slug, name_fr, name_ar in Organisation.objects.values_list(
            "pk", "slug", "name_fr", "name_ar"
        )
    )


def branch_ids(*, organisation_id: int) -> frozenset[int]:
    """The ids of the organisation and of every organisation below it (one query per level)."""
    return frozenset(Organisation.objects.branch_ids(organisation_id))
