"""News on the Media Center: the page tree, the admin, the public pages."""

import datetime
import zoneinfo

from django.test import override_settings

from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from media_center.factories import NewsPageFactory, RubricFactory
from media_center.models import (
    AgendaPage,
    MediaCenterHomePage,
    MultimediaIndexPage,
    NewsIndexPage,
    NewsPage,
)
from portal.factories import AgencyFactory, ImageFactory, UserFactory
from portal.models import StandardPage
from tests.utils import MEDIA_CENTER_HOST, SitesTestCase

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")


class NewsPageTreeTests(SitesTestCase):
    def test_allowed_children_and_parents(self):
        self.assertAllowedParentPageTypes(MediaCenterHomePage, {Page})
        self.assertAllowedSubpageTypes(
            MediaCenterHomePage,
            {NewsIndexPage, AgendaPage, MultimediaIndexPage, StandardPage},
        )
        self.assertAllowedParentPageTypes(AgendaPage, {MediaCenterHomePage})
        self.assertAllowedSubpageTypes(AgendaPage, set())
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsPage, set())

    def test_one_news_index_per_media_center(self):
        self.assertFalse(NewsIndexPage.can_create_at(self.media_center_home))


class NewsAdminTests(SitesTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.rubric = RubricFactory(name="Kesehatan", slug="kesehatan")
        cls.image = ImageFactory(title="Posyandu", credit="MC Palangka Raya/Rina")
        cls.reporter = UserFactory(
            username="reporter", first_name="Rina", last_name="Lestari"
        )
        cls.agency = AgencyFactory(name="Dinas Kesehatan", abbreviation="Dinkes")

    def setUp(self):
        self.login()

    def news_form(self, **overrides):
        data = {
            "title": "Posyandu Balita di Kelurahan Menteng",
            "lead": "Dinkes menggelar posyandu untuk 120 balita.",
            "main_image": self.image.pk,
            "main_image_alt": "Petugas menimbang balita",
            "main_image_caption": "Penimbangan balita",
            "main_image_credit": "",
            "body": streamfield(
                [
                    ("paragraph", rich_text("<p>Kegiatan berlangsung pagi.</p>")),
                    (
                        "quote",
                        {"quote": "Anak sehat, kota kuat.", "attribution": "Kadinkes"},
                    ),
                ]
            ),
            "event_at": "2026-11-20 09:00",
            "place": "Palangka Raya",
            "rubric": self.rubric.pk,
            "tags": "posyandu, stunting",
            "writer": self.reporter.pk,
            "photographer": "",
            "editor": "",
            "source_agency": self.agency.pk,
        }
        data.update(overrides)
        return nested_form_data(data)

    def test_reporter_news_can_be_created_and_published(self):
        self.assertCanCreate(self.news_index, NewsPage, self.news_form())

        news = NewsPage.objects.get(slug="posyandu-balita-di-kelurahan-menteng")
        self.assertTrue(news.live)
        self.assertEqual(set(news.tags.names()), {"posyandu", "stunting"})
        self.assertEqual(news.writer, self.reporter)
        self.assertEqual(news.main_image_credit_text, "MC Palangka Raya/Rina")
        self.assertPageIsRenderable(news)

    def test_missing_required_fields_are_reported_and_nothing_is_saved(self):
        url = f"/admin/pages/add/media_center/newspage/{self.news_index.pk}/"
        data = self.news_form(main_image_alt="", rubric="", lead="")
        data.update({"slug": "tanpa-alt", "action-publish": "action-publish"})

        response = self.client.post(url, data)

        self.assertEqual(response.status_code, 200)
        errors = response.context["form"].errors
        self.assertIn("main_image_alt", errors)
        self.assertIn("rubric", errors)
        self.assertIn("lead", errors)
        self.assertFalse(NewsPage.objects.filter(slug="tanpa-alt").exists())
        # What the person typed is still in the form.
        self.assertContains(response, "Posyandu Balita di Kelurahan Menteng")

    def test_broken_event_date_is_refused(self):
        url = f"/admin/pages/add/media_center/newspage/{self.news_index.pk}/"
        data = self.news_form(event_at="2026-13-45 25:99")
        data.update({"slug": "tanggal-rusak", "action-publish": "action-publish"})

        response = self.client.post(url, data)

        self.assertEqual(response.status_code, 200)
        self.assertIn("event_at", response.context["form"].errors)

    def test_rubric_snippet_is_managed_in_the_admin(self):
        response = self.client.get("/admin/snippets/media_center/rubric/")

        self.assertContains(response, "Kesehatan")


class NewsPublicTests(SitesTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.health = RubricFactory(name="Kesehatan", slug="kesehatan")
        cls.economy = RubricFactory(name="Ekonomi", slug="ekonomi")
        cls.writer = UserFactory(
            username="penulis", first_name="Budi", last_name="Santoso"
        )
        cls.photographer = UserFactory(
            username="fotografer", first_name="Sari", last_name="Dewi"
        )
        cls.news = NewsPageFactory(
            parent=cls.news_index,
            title="Pemko Gelar Vaksinasi Massal",
            place="Pahandut",
            rubric=cls.health,
            writer=cls.writer,
            photographer=cls.photographer,
            first_published_at=datetime.datetime(2019, 2, 25, 15, 0, tzinfo=WIB),
            tags=["vaksinasi", "kesehatan-anak"],
        )
        cls.older = NewsPageFactory(
            parent=cls.news_index,
            title="Pasar Murah Jelang Natal",
            rubric=cls.economy,
            first_published_at=datetime.datetime(2019, 2, 20, 9, 0, tzinfo=WIB),
            tags=["umkm"],
        )

    def test_news_page_shows_dateline_date_and_credits(self):
        response = self.get_on(MEDIA_CENTER_HOST, self.news.url)

        self.assertContains(response, "MEDIA CENTER, Pahandut –")
        self.assertContains(response, "Senin, 25 Februari 2019 pukul 15.00 WIB")
        self.assertContains(response, "Budi Santoso")
        self.assertContains(response, "Sari Dewi")
        self.assertContains(response, self.news.main_image_alt)
        self.assertContains(response, '<meta property="og:type" content="article">')
        self.assertContains(response, '<meta property="og:image" content="http')

    def test_every_media_center_page_type_renders(self):
        for page in (self.media_center_home, self.news_index, self.news):
            with self.subTest(page=page):
                self.assertPageIsRenderable(page)

    def test_index_lists_newest_first(self):
        response = self.get_on(MEDIA_CENTER_HOST, "/berita/")

        items = list(response.context["news"])
        self.assertEqual(items, [self.news, self.older])

    def test_index_filters_by_rubric_and_tag(self):
        by_rubric = self.get_on(
            MEDIA_CENTER_HOST, "/berita/", data={"rubrik": "ekonomi"}
        )
        by_tag = self.get_on(MEDIA_CENTER_HOST, "/berita/", data={"tag": "vaksinasi"})

        self.assertEqual(list(by_rubric.context["news"]), [self.older])
        self.assertEqual(list(by_tag.context["news"]), [self.news])

    def test_unknown_rubric_or_tag_is_a_404_with_a_message(self):
        for params in ({"rubrik": "tidak-ada"}, {"tag": "tidak-ada"}):
            with self.subTest(params=params):
                response = self.get_on(MEDIA_CENTER_HOST, "/berita/", data=params)
                self.assertEqual(response.status_code, 404)
                self.assertContains(response, "tidak-ada", status_code=404)

    @override_settings(WARTA_NEWS_PER_PAGE=1)
    def test_pagination_and_bad_page_numbers(self):
        second = self.get_on(MEDIA_CENTER_HOST, "/berita/", data={"page": "2"})
        not_a_number = self.get_on(MEDIA_CENTER_HOST, "/berita/", data={"page": "abc"})
        past_the_end = self.get_on(MEDIA_CENTER_HOST, "/berita/", data={"page": "99"})

        self.assertEqual(list(second.context["news"]), [self.older])
        self.assertEqual(not_a_number.status_code, 200)
        self.assertEqual(list(not_a_number.context["news"]), [self.news])
        self.assertContains(not_a_number, "bukan nomor halaman")
        self.assertEqual(past_the_end.status_code, 404)
        self.assertContains(past_the_end, "Halaman 99 tidak ada", status_code=404)

    def test_draft_news_is_not_public(self):
        self.news.unpublish()

        response = self.get_on(MEDIA_CENTER_HOST, "/berita/")

        self.assertEqual(list(response.context["news"]), [self.older])
        self.assertEqual(self.get_on(MEDIA_CENTER_HOST, self.news.url).status_code, 404)


class NewsQueryCountTests(SitesTestCase):
    """The number of queries of a page does not grow with the number of news."""

    def measure(self):
        news = NewsPage.objects.live().order_by("pk").first()
        return {
            "home": self.count_queries(MEDIA_CENTER_HOST, "/"),
            "index": self.count_queries(MEDIA_CENTER_HOST, "/berita/"),
            "index by tag": self.count_queries(
                MEDIA_CENTER_HOST, "/berita/", data={"tag": "banjir"}
            ),
            "news": self.count_queries(MEDIA_CENTER_HOST, news.url),
        }

    def test_same_number_of_queries_with_5_and_50_news(self):
        rubrics = RubricFactory.create_batch(3)

        def add_news(count):
            for i in range(count):
                NewsPageFactory(
                    parent=self.news_index, rubric=rubrics[i % 3], tags=["banjir"]
                )

        add_news(5)
        small = self.measure()
        add_news(45)
        large = self.measure()

        self.assertQueryCountsBounded(small, large)
