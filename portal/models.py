"""
What the three sites share (the image model, site identity, the base page,
agencies) and the city portal's own page types.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Page
from wagtail.search import index
from wagtail.url_routing import RouteResult

from moderation.screening_alarms import (
    SCHEDULED_LOG_ACTION,
    PublishHeld,
    publication_hold,
    publish_held_message,
)
from moderation.selectors import revision_is_settled

from .blocks import BodyStreamBlock
from .pagination import paginate


class CustomImage(AbstractImage):
    """Wagtail's image with the photographer's credit kept on the image itself."""

    credit = models.CharField(
        _("photographer credit"),
        max_length=255,
        blank=True,
        help_text=_("Shown under the photo, for example: MC Palangka Raya/Rina."),
    )

    admin_form_fields = (*Image.admin_form_fields, "credit")

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")
        permissions = [("choose_image", "Can choose image")]


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(
        CustomImage, related_name="renditions", on_delete=models.CASCADE
    )

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


@register_setting(icon="site")
class SiteIdentity(BaseSiteSetting):
    """Name, look and contact details of one public site."""

    class Theme(models.TextChoices):
        # Each palette is checked for WCAG AA contrast in static/css/warta.css;
        # editors pick a palette rather than free colours so they cannot make
        # text unreadable.
        MEDIA_CENTER = "media-center", _("Media Center (red and navy)")
        INFOPUBLIK = "infopublik", _("Info Publik (green)")
        PORTAL = "portal", _("City portal (navy and gold)")

    tagline = models.CharField(_("tagline"), max_length=255, blank=True)
    theme = models.CharField(
        _("colour theme"), max_length=20, choices=Theme.choices, default=Theme.PORTAL
    )
    logo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    address = models.TextField(_("address"), blank=True)
    phone = models.CharField(_("telephone"), max_length=50, blank=True)
    email = models.EmailField(_("email"), blank=True)
    default_social_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("default image for social media"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Used in link previews for pages that have no image of their own."),
    )

    panels = [
        FieldPanel("tagline"),
        FieldPanel("theme"),
        FieldPanel("logo"),
        FieldPanel("default_social_image"),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("phone"), FieldPanel("email")],
            heading=_("Contact"),
        ),
    ]

    class Meta:
        verbose_name = _("site identity")
        verbose_name_plural = _("site identities")


class Agency(index.Indexed, models.Model):
    """A city agency (organisasi perangkat daerah, OPD) that news comes from."""

    name = models.CharField(_("name"), max_length=255, unique=True)
    abbreviation = models.CharField(_("abbreviation"), max_length=50, blank=True)
    website = models.URLField(_("website"), blank=True)

    search_fields = [
        index.SearchField("name"),
        index.SearchField("abbreviation"),
        index.AutocompleteField("name"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("agency (OPD)")
        verbose_name_plural = _("agencies (OPD)")

    def __str__(self):
        return self.name


def site_root_url(hostname):
    """The address of a site's home from settings, without a query."""
    port = settings.WARTA_SITE_PORT
    scheme = "https" if port == 443 else "http"
    suffix = "" if port in (80, 443) else f":{port}"
    return f"{scheme}://{hostname}{suffix}"


class BasePage(Page):
    """
    The page every public page of Warta extends: description and social image
    for search engines and link previews.
    """

    promote_panels = [
        MultiFieldPanel(
            [
                FieldPanel("slug"),
                FieldPanel("seo_title"),
                FieldPanel("search_description"),
                FieldPanel("show_in_menus"),
            ],
            heading=_("For search engines and menus"),
        ),
    ]

    class Meta:
        abstract = True

    # Related objects a page of this type shows, fetched together with the page
    # when it is served.
    route_select_related = ()

    def route(self, request, path_components):
        """
        Wagtail's routing, in fewer queries: when a page can have children of
        only one type, the child is fetched from that type's table directly,
        with ``route_select_related``. Each page keeps its parent, so the
        breadcrumbs need no further query.
        """
        if not path_components:
            if self.live:
                return RouteResult(self)
            raise Http404
        slug, remaining = path_components[0], path_components[1:]
        child_models = self.specific_class.allowed_subpage_models()
        child = None
        if len(child_models) == 1:
            model = child_models[0]
            child = (
                model.objects.child_of(self)
                .select_related(*getattr(model, "route_select_related", ()))
                .filter(slug=slug)
                .first()
            )
        if child is None:
            # A child of another type (made before the rules changed) still routes.
            base_child = self.get_children().filter(slug=slug).first()
            if base_child is None:
                raise Http404
            child = base_child.specific
        child._cached_parent_obj = self
        return child.route(request, remaining)

    def save_revision(self, *args, overwrite_revision=None, **kwargs):
        """
        Wagtail's editor rewrites its author's latest revision on autosave.
        A revision that went into review or was published is the record of
        what was checked: the changes then become a new revision instead.
        """
        if overwrite_revision is not None and revision_is_settled(overwrite_revision):
            overwrite_revision = None
        return super().save_revision(
            *args, overwrite_revision=overwrite_revision, **kwargs
        )

    def publish(
        self,
        revision,
        user=None,
        changed=True,
        log_action=True,
        previous_revision=None,
        skip_permission_checks=False,
    ):
        """
        Wagtail's publication of ``revision``, unless the content screening
        holds it (issue 9, point 4; docs/screening.md). Every route that
        publishes a page revision through the model passes here: the last
        SOP step's approval, ``publish_scheduled``, bulk publish, the create
        view, a plain Wagtail workflow task, scripts. It is the last resort:
        the SOP's routes screen before (a revision object they screened
        with nothing open is not screened again), because what this guard
        records rolls back with the caller's transaction when it raises.
        Open alarms raise ``PublishHeld``; a scheduled publication that is
        held stays scheduled and goes live at the run after the decision.
        (The editor's publish button publishes through Wagtail's action
        directly; the ``before_publish_page`` hook screens it first.)
        """
        scheduled = log_action == SCHEDULED_LOG_ACTION
        if alarms := publication_hold(
            page=self, revision=revision, user=user, log_once=scheduled
        ):
            if scheduled:
                return None
            raise PublishHeld(
                publish_held_message(
                    title=self.get_admin_display_title(), alarms=alarms
                ),
                alarms=alarms,
            )
        return super().publish(
            revision,
            user=user,
            changed=changed,
            log_action=log_action,
            previous_revision=previous_revision,
            skip_permission_checks=skip_permission_checks,
        )

    @cached_property
    def canonical_page(self):
        """
        The page search engines should index for this content: the original
        of a copy (an alias, e.g. a news item on Info Publik or the portal),
        else the page itself.
        """
        if self.alias_of_id is not None:
            return self.alias_of
        return self

    def get_view_restrictions(self):
        """
        Wagtail checks a copy (an alias) against its original's own view
        restrictions but not those of the original's sections: a news item
        in a Media Center section kept to logged-in readers is kept to them
        on Info Publik and the portal too.
        """
        restrictions = super().get_view_restrictions()
        if self.alias_of_id is None:
            return restrictions
        return restrictions | self.alias_of.get_view_restrictions()

    def get_meta_description(self):
        """The description for search engines and link previews."""
        return self.search_description or getattr(self, "summary_text", "")

    def get_social_image(self):
        """The image for Open Graph and Twitter cards, or None."""
        return None


class ListingMixin:
    """Pagination for index pages (see ``portal.pagination.paginate``)."""

    per_page = 12

    def paginate(self, request, queryset):
        return paginate(request, queryset, per_page=self.per_page)


class PortalHomePage(BasePage):
    """The city portal's home: latest news, announcements, public information."""

    intro = models.TextField(_("welcome text"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["portal.StandardPage", "portal.AnnouncementIndexPage"]
    max_count = 1

    class Meta:
        verbose_name = _("portal home page")

    def get_context(self, request, *args, **kwargs):
        from datetime import timedelta

        from media_center.models import NewsIndexPage

        # Imported here: media_center builds on this module.
        from media_center.selectors import (
            agenda_page_url,
            agenda_public_upcoming,
            news_latest,
        )

        from .selectors import announcements_current, child_index_page

        context = super().get_context(request, *args, **kwargs)
        # The copies of the news published on the portal too: links stay here.
        context["latest_news"] = news_latest(limit=6, root=self)
        context["news_index"] = child_index_page(parent=self, model=NewsIndexPage)
        # The leaders' next activities; the full agenda is on the Media Center.
        today = timezone.localdate()
        context["today"] = today
        context["tomorrow"] = today + timedelta(days=1)
        context["agenda"] = agenda_public_upcoming(
            today=today, limit=5, include_cancelled=False
        )
        context["agenda_url"] = agenda_page_url()
        context["announcements"] = announcements_current(root=self, limit=5)
        context["announcement_index"] = child_index_page(
            parent=self, model=AnnouncementIndexPage
        )
        infopublik = settings.WARTA_SITES["infopublik"]
        context["infopublik_site"] = {
            "site_name": infopublik["site_name"],
            "root_url": site_root_url(infopublik["hostname"]),
        }
        return context


class StandardPage(BasePage):
    """A profile or information page (profil, visi dan misi, kontak …)."""

    summary = models.TextField(_("summary"), blank=True)
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"))

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    parent_page_types = [
        "portal.PortalHomePage",
        "portal.StandardPage",
        "media_center.MediaCenterHomePage",
        "infopublik.InfoPublikHomePage",
    ]
    subpage_types = ["portal.StandardPage"]

    class Meta:
        verbose_name = _("standard page")

    @property
    def summary_text(self):
        return self.summary


class AnnouncementIndexPage(ListingMixin, BasePage):
    """The list of announcements (pengumuman) still in force."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["portal.PortalHomePage"]
    subpage_types = ["portal.AnnouncementPage"]
    max_count = 1

    class Meta:
        verbose_name = _("announcement index page")

    def get_context(self, request, *args, **kwargs):
        from .selectors import announcements_current

        context = super().get_context(request, *args, **kwargs)
        context["announcements"] = self.paginate(
            request, announcements_current(root=self)
        )
        return context


class AnnouncementPage(BasePage):
    """An announcement with the dates it is valid; it leaves listings afterwards."""

    summary = models.TextField(_("summary"))
    valid_from = models.DateField(_("valid from"), default=timezone.localdate)
    valid_until = models.DateField(
        _("valid until"),
        null=True,
        blank=True,
        help_text=_("Leave empty if the announcement has no end date."),
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"))

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("valid_from"), FieldPanel("valid_until")],
            heading=_("Validity"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("valid_until"),
    ]

    parent_page_types = ["portal.AnnouncementIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("announcement")
        verbose_name_plural = _("announcements")

    def clean(self):
        super().clean()
        if self.valid_until and self.valid_from and self.valid_until < self.valid_from:
            raise ValidationError(
                {
                    "valid_until": gettext(
                        "The end date cannot be before the start date."
                    )
                }
            )

    @property
    def summary_text(self):
        return self.summary

    @cached_property
    def is_valid_today(self):
        today = timezone.localdate()
        return self.valid_from <= today and (
            self.valid_until is None or today <= self.valid_until
        )
