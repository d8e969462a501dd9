"""Info Publik's home, article index and articles."""

from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from infopublik.factories import ArticlePageFactory, SectionFactory
from infopublik.models import (
    ArticleIndexPage,
    ArticlePage,
    InfoPublikHomePage,
    RegisterIndexPage,
)
from portal.factories import ImageFactory
from portal.models import StandardPage
from tests.utils import INFOPUBLIK_HOST, SitesTestCase


class ArticlePageTreeTests(SitesTestCase):
    def test_allowed_children_and_parents(self):
        self.assertAllowedParentPageTypes(InfoPublikHomePage, {Page})
        self.assertAllowedSubpageTypes(
            InfoPublikHomePage, {ArticleIndexPage, RegisterIndexPage, StandardPage}
        )
        self.assertAllowedSubpageTypes(ArticleIndexPage, {ArticlePage})
        self.assertAllowedParentPageTypes(ArticlePage, {ArticleIndexPage})


class ArticleAdminTests(SitesTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.section = SectionFactory(name="Bidang Statistik")
        cls.image = ImageFactory()

    def setUp(self):
        self.login()

    def form(self, **overrides):
        data = {
            "title": "Rilis Data Kependudukan 2026",
            "summary": "Jumlah penduduk Palangka Raya menurut kecamatan.",
            "section": self.section.pk,
            "main_image": "",
            "main_image_alt": "",
            "body": streamfield(
                [("paragraph", rich_text("<p>Data per Juni 2026.</p>"))]
            ),
        }
        data.update(overrides)
        return nested_form_data(data)

    def test_section_writer_can_create_an_article(self):
        self.assertCanCreate(self.article_index, ArticlePage, self.form())

        article = ArticlePage.objects.get(slug="rilis-data-kependudukan-2026")
        self.assertPageIsRenderable(article)

    def test_image_without_alt_text_is_refused(self):
        url = f"/admin/pages/add/infopublik/articlepage/{self.article_index.pk}/"
        data = self.form(main_image=self.image.pk)
        data.update({"slug": "tanpa-alt", "action-publish": "action-publish"})

        response = self.client.post(url, data)

        self.assertEqual(response.status_code, 200)
        self.assertIn(
            "Jelaskan isi gambar untuk pembaca yang tidak dapat melihatnya.",
            response.context["form"].errors["main_image_alt"],
        )
        self.assertFalse(ArticlePage.objects.filter(slug="tanpa-alt").exists())


class ArticlePublicTests(SitesTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.article = ArticlePageFactory(
            parent=cls.article_index, title="Layanan PPID Kini Daring"
        )

    def test_every_info_publik_page_type_renders(self):
        for page in (self.infopublik_home, self.article_index, self.article):
            with self.subTest(page=page):
                self.assertPageIsRenderable(page)

    def test_home_lists_latest_articles(self):
        response = self.get_on(INFOPUBLIK_HOST, "/")

        self.assertContains(response, "Layanan PPID Kini Daring")

    def test_bad_page_number_shows_first_page(self):
        response = self.get_on(INFOPUBLIK_HOST, "/artikel/", data={"page": "x"})

        self.assertEqual(response.status_code, 200)
        self.assertEqual(list(response.context["articles"]), [self.article])

    def test_query_count_does_not_grow_with_articles(self):
        ArticlePageFactory.create_batch(
            4, parent=self.article_index, main_image=ImageFactory()
        )
        small = {
            "home": self.count_queries(INFOPUBLIK_HOST, "/"),
            "index": self.count_queries(INFOPUBLIK_HOST, "/artikel/"),
        }
        ArticlePageFactory.create_batch(
            45, parent=self.article_index, main_image=ImageFactory()
        )
        large = {
            "home": self.count_queries(INFOPUBLIK_HOST, "/"),
            "index": self.count_queries(INFOPUBLIK_HOST, "/artikel/"),
        }

        self.assertQueryCountsBounded(small, large)
