"""StreamField blocks for article bodies. Templates: templates/components/streamfield/blocks/.

Image blocks fetch their images with renditions prefetched, so a body with many photos
costs two queries, not two per photo.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

BLOCK_TEMPLATES = "components/streamfield/blocks"

PARAGRAPH_FEATURES = ["bold", "italic", "link", "ol", "ul", "superscript"]
NOTE_FEATURES = ["bold", "italic", "link"]

# Renditions the body templates use; prefetched together with the images.
BODY_IMAGE_FILTERS = ("width-720", "width-1440")


class CreditedImageChooserBlock(ImageChooserBlock):
    """An image chooser whose bulk fetch brings the body renditions with the images."""

    def bulk_to_python(self, values):
        values = list(values)
        images = self.model_class.objects.prefetch_renditions(*BODY_IMAGE_FILTERS).in_bulk(
            [value for value in values if value is not None]
        )
        return [images.get(value) for value in values]


class ImageBlock(blocks.StructBlock):
    image = CreditedImageChooserBlock(label=_("image"))
    caption = blocks.CharBlock(
        label=_("caption"),
        required=False,
        max_length=500,
        help_text=_(
            "Leave blank to use the caption the photo desk gave the image. "
            "The credit always comes from the image."
        ),
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = f"{BLOCK_TEMPLATES}/image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quotation"))
    attribution = blocks.CharBlock(
        label=_("attribution"),
        required=False,
        help_text=_("Who said it, e.g. Đồng chí Y Thanh Hà Niê Kđăm."),
    )

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = f"{BLOCK_TEMPLATES}/quote.html"


class FactBoxBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), help_text=_("e.g. Chương trình phối hợp"))
    body = blocks.RichTextBlock(label=_("text"), features=PARAGRAPH_FEATURES)

    class Meta:
        icon = "list-ul"
        label = _("Fact box")
        template = f"{BLOCK_TEMPLATES}/fact_box.html"


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=PARAGRAPH_FEATURES,
        template=f"{BLOCK_TEMPLATES}/paragraph.html",
    )
    intertitle = blocks.CharBlock(
        label=_("Intertitle"),
        icon="title",
        help_text=_("A subheading inside the article."),
        template=f"{BLOCK_TEMPLATES}/intertitle.html",
    )
    image = ImageBlock()
    quote = QuoteBlock()
    fact_box = FactBoxBlock()
    embed = EmbedBlock(
        label=_("Embed"),
        help_text=_("Address of a video or post, e.g. a YouTube link."),
        template=f"{BLOCK_TEMPLATES}/embed.html",
    )
    footnotes = blocks.ListBlock(
        blocks.RichTextBlock(features=NOTE_FEATURES, label=_("note")),
        label=_("Footnotes"),
        icon="list-ol",
        help_text=_("Sources and notes, numbered in order. Research articles cite here."),
        template=f"{BLOCK_TEMPLATES}/footnotes.html",
    )

    class Meta:
        block_counts = {"footnotes": {"max_num": 1}}
