"""The RSS feed of the multimedia archive: its newest albums, videos and audio."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext

from .filters import ArchiveFilter
from .selectors import multimedia_archive

FEED_LENGTH = 20


class MultimediaFeed(Feed):
    feed_type = Rss201rev2Feed
    language = "id"

    def __init__(self, *, index):
        super().__init__()
        self.index = index

    def get_object(self, request, *args, **kwargs):
        return self.index

    def title(self, index):
        return index.title

    def link(self, index):
        return index.full_url

    def description(self, index):
        return gettext("New photo albums, videos and audio of the Media Center")

    def items(self, index):
        return multimedia_archive(index=index, filters=ArchiveFilter()).order_by(
            "-first_published_at", "-pk"
        )[:FEED_LENGTH]

    def item_title(self, item):
        return f"{item.get_kind_display()}: {item.title}"

    def item_description(self, item):
        return item.description

    def item_link(self, item):
        return item.full_url

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at
