"""Keep the search entry of a handbook in step with what is published."""

from django.dispatch import receiver
from wagtail.signals import page_published

from .models import HandbookPage


@receiver(page_published, sender=HandbookPage, dispatch_uid="content.library.index_on_publish")
def index_published_handbook(sender, instance: HandbookPage, **kwargs) -> None:
    from .services import index_handbook

    index_handbook(handbook=instance)
