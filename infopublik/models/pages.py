"""
Info Publik's pages: its home and the sections' articles. The register of
public information (Daftar Informasi Publik) is in ``register.py``.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from portal.blocks import BodyStreamBlock
from portal.models import BasePage, ListingMixin


class Section(index.Indexed, models.Model):
    """A section (bagian or bidang) of the agency whose writers publish articles."""

    name = models.CharField(_("name"), max_length=255, unique=True)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self):
        return self.name


class InfoPublikHomePage(BasePage):
    """Info Publik's home: what the site is for and the newest articles."""

    intro = models.TextField(_("welcome text"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "infopublik.ArticleIndexPage",
        "infopublik.RegisterIndexPage",
        "portal.StandardPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("Info Publik home page")

    def get_context(self, request, *args, **kwargs):
        from media_center.models import NewsIndexPage
        from media_center.selectors import news_latest
        from portal.selectors import child_index_page

        from ..selectors import articles_latest

        context = super().get_context(request, *args, **kwargs)
        context["latest_articles"] = articles_latest(limit=6, root=self)
        context["article_index"] = child_index_page(parent=self, model=ArticleIndexPage)
        # The copies of the news published on Info Publik too: links stay here.
        context["latest_news"] = news_latest(limit=3, root=self)
        context["news_index"] = child_index_page(parent=self, model=NewsIndexPage)
        return context


class ArticleIndexPage(ListingMixin, BasePage):
    """The sections' articles, newest first."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["infopublik.InfoPublikHomePage"]
    subpage_types = ["infopublik.ArticlePage"]

    class Meta:
        verbose_name = _("article index page")

    def get_context(self, request, *args, **kwargs):
        from ..selectors import articles_list

        context = super().get_context(request, *args, **kwargs)
        context["articles"] = self.paginate(request, articles_list(index=self))
        return context


class ArticlePage(BasePage):
    """An article written by a section under the content SOP."""

    summary = models.TextField(_("summary"))
    section = models.ForeignKey(
        Section,
        verbose_name=_("section"),
        null=True,
        blank=False,
        on_delete=models.PROTECT,
        related_name="articles",
    )
    main_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    main_image_alt = models.CharField(
        _("main image alternative text"),
        max_length=255,
        blank=True,
        help_text=_("What the image shows; required when there is an image."),
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"))

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("summary"),
        FieldPanel("section"),
        MultiFieldPanel(
            [FieldPanel("main_image"), FieldPanel("main_image_alt")],
            heading=_("Main image"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.RelatedFields("section", [index.SearchField("name")]),
    ]

    parent_page_types = ["infopublik.ArticleIndexPage"]
    subpage_types = []
    route_select_related = ("main_image", "section")

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def clean(self):
        super().clean()
        if self.main_image_id and not self.main_image_alt.strip():
            raise ValidationError(
                {
                    "main_image_alt": gettext(
                        "Describe the image for readers who cannot see it."
                    )
                }
            )

    @property
    def summary_text(self):
        return self.summary

    def get_social_image(self):
        return self.main_image
