"""The accounts app's public door: other apps (and the lms kernel) import this and nothing
else of lms.accounts."""

from .models import Organisation
from .queries import OrganisationNames, branch_ids, organisation_names
from .roles import ADMINISTRATORS, LEARNERS, TRAINERS, is_administrator, is_staff_member, is_trainer
from .services import assign_role
from .signals import organisation_merging

# The models this door still hands out, and why (tests/architecture/test_doors.py).
MODELS = (
    # people's organisation (a foreign key), the enrolment forms' choice of organisation, and
    # the reports' aggregation by organisation; the demo seed creates them
    Organisation,
)

__all__ = [
    # models (see MODELS)
    "Organisation",
    # roles: the group names, and the predicates that ask them
    "ADMINISTRATORS",
    "LEARNERS",
    "TRAINERS",
    "is_administrator",
    "is_staff_member",
    "is_trainer",
    # reads, as plain data
    "OrganisationNames",
    "branch_ids",
    "organisation_names",
    # services
    "assign_role",
    # signals
    "organisation_merging",
]
