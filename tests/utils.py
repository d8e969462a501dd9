"""What the tests share: the three sites as in production, and ways to reach them."""

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.coreutils import get_dummy_request
from wagtail.models import Site
from wagtail.test.utils import WagtailPageTestCase

from infopublik.models import ArticleIndexPage, InfoPublikHomePage, RegisterIndexPage
from media_center.models import (
    MediaCenterHomePage,
    MultimediaIndexPage,
    NewsIndexPage,
)
from moderation.services import sop_setup
from portal.models import AnnouncementIndexPage, PortalHomePage

MEDIA_CENTER_HOST = settings.WARTA_SITES["media_center"]["hostname"]
INFOPUBLIK_HOST = settings.WARTA_SITES["infopublik"]["hostname"]
PORTAL_HOST = settings.WARTA_SITES["portal"]["hostname"]


def group_member(username, *groups, **fields):
    """A user in the SOP groups named ``groups`` (moderation.services' names)."""
    from django.contrib.auth.models import Group

    from portal.factories import UserFactory

    user = UserFactory(username=username, **{"first_name": username.title(), **fields})
    user.groups.add(*Group.objects.filter(name__in=groups))
    return user


class SitesTestCase(WagtailPageTestCase):
    """
    A test case with the three sites, their home and index pages, the SOP
    groups and workflows, set up by the same services that ``make run`` uses.
    """

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        sop_setup()
        cls.media_center_site = Site.objects.get(hostname=MEDIA_CENTER_HOST)
        cls.infopublik_site = Site.objects.get(hostname=INFOPUBLIK_HOST)
        cls.portal_site = Site.objects.get(hostname=PORTAL_HOST)
        cls.media_center_home = MediaCenterHomePage.objects.get()
        cls.news_index = NewsIndexPage.objects.child_of(cls.media_center_home).get()
        cls.infopublik_home = InfoPublikHomePage.objects.get()
        cls.article_index = ArticleIndexPage.objects.get()
        cls.register_index = RegisterIndexPage.objects.get()
        cls.multimedia_index = MultimediaIndexPage.objects.get()
        cls.portal_home = PortalHomePage.objects.get()
        # Where the copies of news published on all three sites live.
        cls.infopublik_news_index = NewsIndexPage.objects.child_of(
            cls.infopublik_home
        ).get()
        cls.portal_news_index = NewsIndexPage.objects.child_of(cls.portal_home).get()
        cls.announcement_index = AnnouncementIndexPage.objects.get()

    def setUp(self):
        super().setUp()
        # Menus, rubrics and renditions are cached across requests; each test
        # starts with a cold cache, as after a deployment.
        cache.clear()

    def assertPageIsRenderable(self, page, *args, **kwargs):  # noqa: N802
        """Wagtail's check, made on the page's own site rather than the default one."""
        site = page.get_site()
        self.dummy_request = get_dummy_request(site=site)
        self.client.defaults["HTTP_HOST"] = site.hostname
        try:
            super().assertPageIsRenderable(page, *args, **kwargs)
        finally:
            del self.client.defaults["HTTP_HOST"]

    def get_on(self, host, path, **kwargs):
        """GET ``path`` on the site answering to ``host``, as a browser would."""
        return self.client.get(path, HTTP_HOST=host, **kwargs)

    def count_queries(self, host, path, **kwargs):
        """
        The SQL queries of a GET of ``path`` on ``host``, as ``(cold, warm)``:
        right after the cache was emptied (as after a publication), and for
        the next reader. Image renditions are made by a first visit before
        either is counted: making them is a one-off cost per image.
        """
        first = self.get_on(host, path, **kwargs)
        self.assertEqual(first.status_code, 200, path)
        counts = []
        cache.clear()
        for _ in ("cold", "warm"):
            with CaptureQueriesContext(connection) as queries:
                response = self.get_on(host, path, **kwargs)
            self.assertEqual(response.status_code, 200, path)
            counts.append(len(queries))
        return tuple(counts)

    def assertQueryCountsBounded(self, small, large, *, limit=10):  # noqa: N802
        """Same counts with few and many items, cold and warm; warm within ``limit``."""
        self.assertEqual(small, large)
        for name, (_cold, warm) in large.items():
            with self.subTest(page=name):
                self.assertLessEqual(warm, limit)
