"""The Wagtail admin of every app shows times in Morocco's time zone and an empty value as a
dash (lms/admin_ui.py)."""

from django.db import models
from wagtail.admin.ui.fields import register_display_class

from .admin_ui import LocalDateTimeDisplay, RelatedObjectDisplay

register_display_class(models.DateTimeField, display_class=LocalDateTimeDisplay)
register_display_class(models.ForeignKey, to=models.Model, display_class=RelatedObjectDisplay)

# Imported for their hooks: text direction of admin fields; erasure requests and the
# personal-data audit actions.
from . import admin_direction, erasure_admin  # noqa: E402, F401
