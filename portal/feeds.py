"""The RSS feed of each site: its newest news, articles and announcements."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext

from wagtail.models import Page, Site

from infopublik.models import ArticlePage
from media_center.models import NewsPage

from .models import AnnouncementPage
from .selectors import pages_public

FEED_PAGE_TYPES = (NewsPage, ArticlePage, AnnouncementPage)
FEED_LENGTH = 20


class SiteFeed(Feed):
    feed_type = Rss201rev2Feed
    language = "id"

    def get_object(self, request, *args, **kwargs):
        site = Site.find_for_request(request)
        if site is None:
            raise Http404
        return site

    def title(self, site):
        return site.site_name

    def link(self, site):
        return site.root_url + "/"

    def description(self, site):
        return gettext("The newest publications of %(site)s") % {"site": site.site_name}

    def items(self, site):
        return (
            pages_public(Page.objects.live().descendant_of(site.root_page))
            .type(*FEED_PAGE_TYPES)
            .order_by("-first_published_at")
            .specific()[:FEED_LENGTH]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.get_meta_description()

    def item_link(self, item):
        return item.full_url

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at
