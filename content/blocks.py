"""StreamField blocks shared by every page that editors write."""

from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from lms.pagecache import remember

from .permissions import levels_for, may_see_cited_handbook

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        help_text=_("Describe the image for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "content/blocks/image.html"


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("Video address"))
    title = blocks.CharBlock(label=_("Title"))
    transcript = blocks.TextBlock(
        label=_("Transcript"),
        required=False,
        help_text=_("A text version of the video, for people who cannot hear it."),
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "content/blocks/video.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Title"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Downloadable document")
        template = "content/blocks/document.html"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[("info", _("Information")), ("important", _("Important")), ("tip", _("Tip"))],
        default="info",
    )
    title = blocks.CharBlock(label=_("Title"), required=False)
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        label = _("Call-out")
        template = "content/blocks/callout.html"


class CaseStudyBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"))
    place = blocks.CharBlock(label=_("Municipality or place"), required=False)
    situation = blocks.RichTextBlock(label=_("Situation"), features=RICH_TEXT_FEATURES)
    what_was_done = blocks.RichTextBlock(label=_("What was done"), features=RICH_TEXT_FEATURES)
    lessons = blocks.RichTextBlock(
        label=_("Lessons learned"), features=RICH_TEXT_FEATURES, required=False
    )

    class Meta:
        icon = "folder-open-inverse"
        label = _("Case study")
        template = "content/blocks/case_study.html"


class ExerciseBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"))
    instructions = blocks.RichTextBlock(label=_("Instructions"), features=RICH_TEXT_FEATURES)
    duration_minutes = blocks.IntegerBlock(
        label=_("Duration (minutes)"), required=False, min_value=1
    )
    model_answer = blocks.RichTextBlock(
        label=_("Suggested answer"),
        features=RICH_TEXT_FEATURES,
        required=False,
        help_text=_("Shown to learners behind a 'Show the suggested answer' button."),
    )

    class Meta:
        icon = "edit"
        label = _("Exercise")
        template = "content/blocks/exercise.html"


class HandbookBlock(blocks.StructBlock):
    """A handbook of the library; always offers its current edition, in the reader's language
    when the handbook is translated."""

    handbook = blocks.PageChooserBlock(label=_("Handbook"), page_type="content.HandbookPage")
    note = blocks.CharBlock(
        label=_("Why read it"),
        required=False,
        help_text=_("One sentence telling learners what to look for in this handbook."),
    )

    class Meta:
        icon = "doc-full-inverse"
        label = _("Handbook from the library")
        template = "content/blocks/handbook.html"

    def get_context(self, value, parent_context=None):
        """Shows the handbook only when it is published and the reader may download it;
        otherwise the block renders nothing (not even the title)."""
        context = super().get_context(value, parent_context=parent_context)
        request = (parent_context or {}).get("request")
        user = getattr(request, "user", None)
        handbook = value.get("handbook")
        if handbook is not None:
            handbook = handbook.specific.localized
        shown = handbook is not None and may_see_cited_handbook(user, handbook)
        context["handbook_shown"] = shown
        context["handbook"] = handbook if shown else None
        context["edition"] = handbook.editions.filter(is_current=True).first() if shown else None
        return context


class LessonStreamBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(label=_("Rich text"), features=RICH_TEXT_FEATURES)
    image = ImageBlock()
    video = VideoBlock()
    document = DocumentBlock()
    callout = CalloutBlock()
    case_study = CaseStudyBlock()
    exercise = ExerciseBlock()
    handbook = HandbookBlock()


class BodyStreamBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(label=_("Heading"), form_classname="title")
    paragraph = blocks.RichTextBlock(label=_("Rich text"), features=RICH_TEXT_FEATURES)
    image = ImageBlock()
    callout = CalloutBlock()
    document = DocumentBlock()


def render_body(page, field: str, context: dict) -> SafeString:
    """The StreamField `field` of the live `page`, rendered as its reader sees it, cached.

    A body is the same for every reader of the same language who may see the same handbooks
    (HandbookBlock is the one block that depends on the reader), so it is rendered once per
    page, live revision and language (and handbook access levels, for a body that cites a
    handbook: reading them costs a query), and kept until the page tree next
    changes (`lms.pagecache`: a publish, a move, a new image or document file). A preview shows
    content that is not saved and is rendered afresh.
    """
    value = getattr(page, field)
    request = context.get("request")
    if getattr(request, "is_preview", False) or not page.live:
        return value.render_as_block(context=context)
    key = f"body:{page.pk}:{field}:{page.live_revision_id}:{get_language()}"
    if any(block["type"] == "handbook" for block in value.raw_data):
        key += ":" + "-".join(levels_for(getattr(request, "user", None)))
    return remember(key, lambda: value.render_as_block(context=context))
