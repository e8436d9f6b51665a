"""The notifications app's public door: other apps import this and nothing else of it."""

from .models import NotificationKind
from .services import language_of, notify, recorded_keys

__all__ = ["NotificationKind", "language_of", "notify", "recorded_keys"]
