"""The quizzes' part of "did learners do something under this page" (courses/records.py)."""

from wagtail.models import Page

from .models import Attempt


def attempts_below(page: Page) -> bool:
    """Whether a quiz at or below `page` has attempts."""
    return Attempt.objects.filter(quiz__path__startswith=page.path).exists()
