"""Keep the search entry of a handbook in step with what is published."""

from django.dispatch import receiver
from wagtail.signals import page_published

from lms.accounts.api import organisation_merging

from .models import HandbookPage


@receiver(page_published, sender=HandbookPage, dispatch_uid="content.library.index_on_publish")
def index_published_handbook(sender, instance: HandbookPage, **kwargs) -> None:
    # at call time: library.services imports the models, which import this module (cycle)
    from .services import index_handbook

    index_handbook(handbook=instance)


@receiver(organisation_merging, dispatch_uid="content.library.fold_download_counts")
def fold_download_counts_on_merge(sender, source, target, **kwargs) -> None:
    # at call time: library.services imports the models, which import this module (cycle)
    from .services import fold_download_counts

    fold_download_counts(source=source, target=target)
