"""Accounts in the Wagtail admin: the user listing's bulk actions follow permissions.py."""

from wagtail import hooks

from .admin_views import AssignRoleToAccountsBulkAction, SetActiveStateOfAccountsBulkAction

# Registered after Wagtail's own actions of the same type, which they replace.
hooks.register("register_bulk_action", AssignRoleToAccountsBulkAction, order=1)
hooks.register("register_bulk_action", SetActiveStateOfAccountsBulkAction, order=1)
