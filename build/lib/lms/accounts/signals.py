"""Signals other apps may listen to without the accounts app importing them."""

from django.dispatch import Signal

# Sent inside merge_organisations' transaction, before anything moves, with `source` and
# `target`: an app whose records of both organisations cannot simply point at the target
# (one row per organisation and something else) folds them together here. Whatever still
# points at the source afterwards is moved to the target.
organisation_merging = Signal()
