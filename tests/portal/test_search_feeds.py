"""Per-site search, RSS feed, sitemap and robots.txt."""

from defusedxml import ElementTree

from infopublik.factories import ArticlePageFactory
from media_center.factories import NewsPageFactory
from media_center.models import NewsPage
from portal.factories import AnnouncementPageFactory
from tests.utils import INFOPUBLIK_HOST, MEDIA_CENTER_HOST, PORTAL_HOST, SitesTestCase

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def copy_on(news, site):
    """The copy of ``news`` on ``site`` (published on all three sites by default)."""
    return NewsPage.objects.get(alias_of=news, path__startswith=site.root_page.path)


class SearchTests(SitesTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.news = NewsPageFactory(
            parent=cls.news_index, title="Festival Isen Mulang Dibuka"
        )
        cls.article = ArticlePageFactory(
            parent=cls.article_index, title="Laporan Festival Isen Mulang"
        )
        cls.announcement = AnnouncementPageFactory(
            parent=cls.announcement_index,
            title="Penutupan Jalan Saat Festival Isen Mulang",
        )

    def test_search_returns_only_the_current_sites_pages(self):
        # The news is on Info Publik and the portal too, as their own copy.
        expectations = {
            MEDIA_CENTER_HOST: {self.news},
            INFOPUBLIK_HOST: {self.article, copy_on(self.news, self.infopublik_site)},
            PORTAL_HOST: {self.announcement, copy_on(self.news, self.portal_site)},
        }
        for host, expected in expectations.items():
            with self.subTest(host=host):
                response = self.get_on(host, "/cari/", data={"q": "Isen Mulang"})
                self.assertEqual(response.status_code, 200)
                found = [page.pk for page in response.context["results"]]
                self.assertCountEqual(found, [page.pk for page in expected])

    def test_drafts_are_not_found(self):
        self.news.unpublish()

        response = self.get_on(MEDIA_CENTER_HOST, "/cari/", data={"q": "Isen Mulang"})

        self.assertEqual(list(response.context["results"]), [])
        self.assertContains(response, "Isen Mulang")

    def test_search_syntax_in_the_query_never_fails(self):
        for query in (
            '"',
            'Isen "Mulang',
            "%00",
            "\x00Isen",
            "*",
            "Isen*",
            "(",
            "a:b",
            "^",
            "-",
            "'",
            "NEAR(",
            "Isen AND",
            "OR",
            "\\",
        ):
            with self.subTest(query=query):
                response = self.get_on(MEDIA_CENTER_HOST, "/cari/", data={"q": query})
                self.assertEqual(response.status_code, 200)

        response = self.get_on(MEDIA_CENTER_HOST, "/cari/", data={"q": 'Isen "Mulang"'})
        self.assertEqual(
            [page.pk for page in response.context["results"]], [self.news.pk]
        )

    def test_empty_query_and_bad_page_do_not_fail(self):
        empty = self.get_on(MEDIA_CENTER_HOST, "/cari/", data={"q": ""})
        bad_page = self.get_on(
            MEDIA_CENTER_HOST, "/cari/", data={"q": "Isen Mulang", "page": "zz"}
        )

        self.assertEqual(empty.status_code, 200)
        self.assertIsNone(empty.context["results"])
        self.assertEqual(bad_page.status_code, 200)
        self.assertEqual(len(bad_page.context["results"]), 1)
        self.assertContains(bad_page, "bukan nomor halaman")


class FeedSitemapRobotsTests(SitesTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.news = NewsPageFactory(parent=cls.news_index, title="Berita Banjir")
        cls.article = ArticlePageFactory(
            parent=cls.article_index, title="Artikel Statistik"
        )
        cls.announcement = AnnouncementPageFactory(
            parent=cls.announcement_index, title="Pengumuman Lelang"
        )

    def test_feed_is_valid_rss_with_only_this_sites_items(self):
        expectations = {
            MEDIA_CENTER_HOST: [self.news],
            INFOPUBLIK_HOST: [self.article, copy_on(self.news, self.infopublik_site)],
            PORTAL_HOST: [self.announcement, copy_on(self.news, self.portal_site)],
        }
        for host, expected in expectations.items():
            with self.subTest(host=host):
                response = self.get_on(host, "/feed/")
                self.assertEqual(response.status_code, 200)
                self.assertTrue(
                    response["Content-Type"].startswith("application/rss+xml")
                )
                rss = ElementTree.fromstring(response.content)
                links = [item.findtext("link") for item in rss.iter("item")]
                self.assertCountEqual(links, [page.full_url for page in expected])
                self.assertEqual(rss.findtext("channel/language"), "id")

    def test_sitemap_is_valid_xml_with_only_this_sites_pages(self):
        for host, site in (
            (MEDIA_CENTER_HOST, self.media_center_site),
            (INFOPUBLIK_HOST, self.infopublik_site),
            (PORTAL_HOST, self.portal_site),
        ):
            with self.subTest(host=host):
                response = self.get_on(host, "/sitemap.xml")
                self.assertEqual(response.status_code, 200)
                tree = ElementTree.fromstring(response.content)
                urls = [loc.text for loc in tree.findall("sm:url/sm:loc", SITEMAP_NS)]
                self.assertTrue(urls)
                for url in urls:
                    self.assertTrue(url.startswith(site.root_url + "/"), url)

        media_center = self.get_on(MEDIA_CENTER_HOST, "/sitemap.xml").content.decode()
        self.assertIn(self.news.full_url, media_center)
        self.assertNotIn(self.article.full_url, media_center)

    def test_robots_txt_points_to_the_sitemap(self):
        response = self.get_on(INFOPUBLIK_HOST, "/robots.txt")

        self.assertEqual(response.status_code, 200)
        self.assertTrue(response["Content-Type"].startswith("text/plain"))
        body = response.content.decode()
        self.assertIn(f"Sitemap: http://{INFOPUBLIK_HOST}/sitemap.xml", body)
        self.assertIn("Disallow: /admin/", body)

    def test_404_page_is_indonesian_and_branded(self):
        response = self.get_on(MEDIA_CENTER_HOST, "/tidak-ada-halaman-ini/")

        self.assertEqual(response.status_code, 404)
        self.assertContains(response, '<html lang="id"', status_code=404)
        self.assertContains(response, self.media_center_site.site_name, status_code=404)
