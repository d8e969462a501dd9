"""StreamField blocks shared by the page types of all three sites."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class CaptionedImageBlock(blocks.StructBlock):
    """A photo in the body with its caption and the photographer's credit."""

    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(required=False, max_length=255, label=_("Caption"))
    credit = blocks.CharBlock(
        required=False,
        max_length=255,
        label=_("Photographer credit"),
        help_text=_("For example: Foto: MC Palangka Raya/Rina"),
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/captioned_image_block.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(
        required=False, max_length=255, label=_("Who said it")
    )

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote_block.html"


class VideoLinkBlock(blocks.StructBlock):
    """
    A link to a video (YouTube, the city's channel …). Rendered as a link, not
    an embedded player, so pages load no third-party scripts.
    """

    url = blocks.URLBlock(label=_("Video address"))
    title = blocks.CharBlock(max_length=255, label=_("Video title"))

    class Meta:
        icon = "media"
        label = _("Video link")
        template = "blocks/video_link_block.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        required=False,
        max_length=255,
        label=_("Link text"),
        help_text=_("Leave empty to use the document's title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document link")
        template = "blocks/document_link_block.html"


class BodyStreamBlock(blocks.StreamBlock):
    """The body of news, articles, announcements and profile pages."""

    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        label=_("Paragraph"),
        template="blocks/paragraph_block.html",
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    video = VideoLinkBlock()
    document = DocumentLinkBlock()
