"""The notifications app's public door: other apps import this and nothing else of it."""

from .models import NotificationKind
from .services import language_of, notify

__all__ = ["NotificationKind", "language_of", "notify"]
