"""The notifications app's public door: other apps import this and nothing else of it."""

from .models import NotificationKind
from .services import language_of, notify, recorded_keys

# The models this door still hands out, and why (tests/architecture/test_doors.py): none.
MODELS = ()

__all__ = [
    # the kinds of notification (choices, not a model)
    "NotificationKind",
    # services
    "language_of",
    "notify",
    "recorded_keys",
]
