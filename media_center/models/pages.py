"""The Media Center's pages: home, news index, news and the public agenda."""

from django import forms
from django.conf import settings
from django.db import models
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase

from portal.blocks import BodyStreamBlock
from portal.models import BasePage, ListingMixin

from ..panels import NewsPlanningPanel, NewsSitesPanel


class Rubric(index.Indexed, models.Model):
    """A news category (rubrik): Pemerintahan, Kesehatan, Pendidikan …"""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        help_text=_("Used in addresses, for example ?rubrik=kesehatan."),
    )
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("rubric")
        verbose_name_plural = _("rubrics")

    def __str__(self):
        return self.name


class MediaCenterHomePage(BasePage):
    """The Media Center's home: the newest news and the rubrics."""

    intro = models.TextField(_("welcome text"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "media_center.NewsIndexPage",
        "media_center.AgendaPage",
        "media_center.MultimediaIndexPage",
        "portal.StandardPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("Media Center home page")

    def get_context(self, request, *args, **kwargs):
        from portal.selectors import child_index_page

        from ..selectors import news_latest, rubrics_in_use

        context = super().get_context(request, *args, **kwargs)
        news = news_latest(limit=7, root=self)
        context["headline"] = news[0] if news else None
        context["latest_news"] = news[1:]
        context["rubrics"] = rubrics_in_use()
        context["news_index"] = child_index_page(parent=self, model=NewsIndexPage)
        return context


class NewsIndexPage(ListingMixin, BasePage):
    """
    All news, newest first, filterable by tag (?tag=) and rubric (?rubrik=).
    The Media Center's holds the news; Info Publik's and the portal's hold
    the copies (aliases) of the news published there too.
    """

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = [
        "media_center.MediaCenterHomePage",
        "infopublik.InfoPublikHomePage",
        "portal.PortalHomePage",
    ]
    subpage_types = ["media_center.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index page")

    @property
    def per_page(self):
        return settings.WARTA_NEWS_PER_PAGE

    def get_context(self, request, *args, **kwargs):
        from ..selectors import news_list, rubrics_in_use, tags_in_use

        context = super().get_context(request, *args, **kwargs)
        rubrics = rubrics_in_use()
        rubric = tag = None
        if slug := request.GET.get("rubrik"):
            rubric = next((item for item in rubrics if item["slug"] == slug), None)
            if rubric is None:
                raise Http404(
                    gettext("There is no news in the rubric “%(slug)s”.")
                    % {"slug": slug[:50]}
                )
        if slug := request.GET.get("tag"):
            tag = next((item for item in tags_in_use() if item["slug"] == slug), None)
            if tag is None:
                raise Http404(
                    gettext("There is no news with the tag “%(slug)s”.")
                    % {"slug": slug[:50]}
                )
        context["rubric"] = rubric
        context["tag"] = tag
        context["rubrics"] = rubrics
        context["news"] = self.paginate(
            request, news_list(index=self, rubric=rubric, tag=tag)
        )
        return context


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "media_center.NewsPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


CHOOSE_SITES = "media_center.choose_news_sites"


def _is_media_center_index(parent):
    grandparent = parent.get_parent()
    return grandparent is not None and grandparent.specific_class is MediaCenterHomePage


def _person_field(verbose_name, related_name, *, required):
    """A member of staff credited on a news item, shown by name."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose_name,
        null=True,
        blank=not required,
        # People who worked on published news are deactivated, never deleted;
        # should it happen anyway the news stays, without the credit.
        on_delete=models.SET_NULL,
        related_name=related_name,
        limit_choices_to={"is_active": True},
    )


class NewsPage(BasePage):
    """A news item (berita) written by a reporter and edited by the Media Center."""

    lead = models.TextField(
        _("lead"),
        help_text=_(
            "One or two sentences that sum the news up; shown in lists and previews."
        ),
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"))
    main_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("main image"),
        null=True,
        blank=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    main_image_alt = models.CharField(
        _("main image alternative text"),
        max_length=255,
        help_text=_("What the photo shows, for readers who cannot see it."),
    )
    main_image_caption = models.CharField(
        _("main image caption"), max_length=255, blank=True
    )
    main_image_credit = models.CharField(
        _("main image credit"),
        max_length=255,
        blank=True,
        help_text=_("Leave empty to use the credit saved on the image."),
    )
    event_at = models.DateTimeField(
        _("date and time of the event"), null=True, blank=True
    )
    place = models.CharField(
        _("place"),
        max_length=100,
        default="Palangka Raya",
        help_text=_("Opens the dateline: MEDIA CENTER, Palangka Raya –"),
    )
    rubric = models.ForeignKey(
        Rubric,
        verbose_name=_("rubric"),
        null=True,
        blank=False,
        on_delete=models.PROTECT,
        related_name="news",
    )
    tags = ClusterTaggableManager(
        through=NewsPageTag, blank=True, verbose_name=_("tags")
    )
    writer = _person_field(_("writer / reporter"), "news_written", required=True)
    photographer = _person_field(_("photographer"), "news_photographed", required=False)
    editor = _person_field(_("editor"), "news_edited", required=False)
    source_agency = models.ForeignKey(
        "portal.Agency",
        verbose_name=_("source agency (OPD)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news",
    )
    publish_to_infopublik = models.BooleanField(_("also on Info Publik"), default=True)
    publish_to_portal = models.BooleanField(_("also on the city portal"), default=True)
    officials = ParentalManyToManyField(
        "media_center.Official",
        verbose_name=_("officials"),
        blank=True,
        related_name="news",
        help_text=_("The city leaders the news is about."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("lead"),
        MultiFieldPanel(
            [
                FieldPanel("main_image"),
                FieldPanel("main_image_alt"),
                FieldRowPanel(
                    [FieldPanel("main_image_caption"), FieldPanel("main_image_credit")]
                ),
            ],
            heading=_("Main image"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("event_at"), FieldPanel("place")]),
                FieldRowPanel([FieldPanel("rubric"), FieldPanel("source_agency")]),
                FieldPanel("officials", widget=forms.CheckboxSelectMultiple),
                FieldPanel("tags"),
            ],
            heading=_("Event and classification"),
        ),
        NewsPlanningPanel(heading=_("Agenda and assignment")),
        MultiFieldPanel(
            [
                FieldPanel("writer"),
                FieldPanel("photographer"),
                FieldPanel("editor"),
            ],
            heading=_("Credits"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("publish_to_infopublik", permission=CHOOSE_SITES),
                FieldPanel("publish_to_portal", permission=CHOOSE_SITES),
                NewsSitesPanel(heading=_("Where it is live")),
            ],
            heading=_("Published on"),
            help_text=_(
                "Always on the Media Center. One approval also puts the news on "
                "the sites ticked here, as copies that follow this page."
            ),
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
        index.SearchField("place"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.RelatedFields("rubric", [index.SearchField("name")]),
        index.FilterField("rubric"),
    ]

    parent_page_types = ["media_center.NewsIndexPage"]
    subpage_types = []
    route_select_related = (
        "main_image",
        "rubric",
        "writer",
        "photographer",
        "editor",
        "source_agency",
    )

    # The sites that carry copies of a news item, and the field choosing each.
    SYNDICATED_SITES = (
        ("infopublik", "publish_to_infopublik"),
        ("portal", "publish_to_portal"),
    )

    class Meta:
        verbose_name = _("news")
        verbose_name_plural = _("news")
        permissions = [
            ("choose_news_sites", _("Can choose the sites a news item is published on"))
        ]

    @classmethod
    def can_create_at(cls, parent):
        """News is written on the Media Center; the other sites get copies."""
        return super().can_create_at(parent) and _is_media_center_index(parent)

    def can_move_to(self, parent):
        """The original stays on the Media Center; a copy stays where it was made."""
        return (
            self.alias_of_id is None
            and super().can_move_to(parent)
            and _is_media_center_index(parent)
        )

    @property
    def is_copy(self):
        """A copy on Info Publik or the portal, following its original."""
        return self.alias_of_id is not None

    @property
    def summary_text(self):
        return self.lead

    def get_social_image(self):
        return self.main_image

    @cached_property
    def main_image_credit_text(self):
        if self.main_image_credit:
            return self.main_image_credit
        return self.main_image.credit if self.main_image else ""

    def get_context(self, request, *args, **kwargs):
        from ..selectors import news_related

        context = super().get_context(request, *args, **kwargs)
        context["related_news"] = news_related(news=self, limit=3)
        return context


class AgendaPage(RoutablePageMixin, BasePage):
    """
    The public leaders' agenda on the Media Center: upcoming activities by
    date, the past ones below, and the same as an iCalendar feed
    (``kalender/``). Internal items never appear.
    """

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["media_center.MediaCenterHomePage"]
    subpage_types = []
    max_count = 1
    # Past activities per page of the list.
    per_page = 20

    class Meta:
        verbose_name = _("agenda page")

    def calendar_urls(self, request):
        """The feed's address, and the same as webcal:// for phone calendars."""
        ics_url = self.get_full_url(request) + self.reverse_subpage("ics")
        return ics_url, "webcal://" + ics_url.split("://", 1)[1]

    @path("")
    def agenda(self, request):
        from datetime import timedelta

        from portal.pagination import paginate

        from ..selectors import agenda_public_past, agenda_public_upcoming

        today = timezone.localdate()
        ics_url, webcal_url = self.calendar_urls(request)
        return self.render(
            request,
            context_overrides={
                "today": today,
                "tomorrow": today + timedelta(days=1),
                "upcoming": agenda_public_upcoming(today=today),
                "past": paginate(
                    request, agenda_public_past(today=today), per_page=self.per_page
                ),
                "ics_url": ics_url,
                "webcal_url": webcal_url,
            },
        )

    # Wagtail serves only paths of letters, digits, "-" and "_" ending in "/",
    # so the feed cannot be ``agenda.ics``; calendars go by its content type.
    @path("kalender/", name="ics")
    def ics(self, request):
        from ..calendars import agenda_calendar
        from ..selectors import agenda_public_feed

        response = HttpResponse(
            agenda_calendar(
                items=agenda_public_feed(today=timezone.localdate()),
                name=self.title,
                url=self.get_full_url(request),
            ),
            content_type="text/calendar; charset=utf-8",
        )
        response["Content-Disposition"] = 'inline; filename="agenda-pimpinan.ics"'
        return response
