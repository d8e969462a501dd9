"""The portal's page types, through the admin and the public site."""

import datetime

from django.utils import timezone

from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from infopublik.models import InfoPublikHomePage
from media_center.factories import NewsPageFactory
from media_center.models import MediaCenterHomePage
from portal.factories import AnnouncementPageFactory, StandardPageFactory
from portal.models import (
    AnnouncementIndexPage,
    AnnouncementPage,
    PortalHomePage,
    StandardPage,
)
from tests.utils import PORTAL_HOST, SitesTestCase


class PortalPageTreeTests(SitesTestCase):
    def test_home_pages_only_at_the_root(self):
        self.assertAllowedParentPageTypes(PortalHomePage, {Page})
        self.assertCanNotCreateAt(PortalHomePage, PortalHomePage)
        # One portal per installation.
        self.assertFalse(PortalHomePage.can_create_at(Page.get_first_root_node()))

    def test_allowed_children(self):
        self.assertAllowedSubpageTypes(
            PortalHomePage, {StandardPage, AnnouncementIndexPage}
        )
        self.assertAllowedSubpageTypes(AnnouncementIndexPage, {AnnouncementPage})
        self.assertAllowedSubpageTypes(AnnouncementPage, set())
        self.assertAllowedParentPageTypes(
            StandardPage,
            {PortalHomePage, StandardPage, MediaCenterHomePage, InfoPublikHomePage},
        )

    def test_announcements_not_elsewhere(self):
        self.assertCanNotCreateAt(PortalHomePage, AnnouncementPage)
        self.assertCanNotCreateAt(StandardPage, AnnouncementPage)


class PortalAdminTests(SitesTestCase):
    def setUp(self):
        self.login()

    def test_editor_can_create_a_standard_page(self):
        self.assertCanCreate(
            self.portal_home,
            StandardPage,
            nested_form_data(
                {
                    "title": "Profil Kota",
                    "summary": "Sejarah singkat Kota Palangka Raya.",
                    "body": streamfield(
                        [("paragraph", rich_text("<p>Palangka Raya berdiri 1957.</p>"))]
                    ),
                }
            ),
        )
        page = StandardPage.objects.get(slug="profil-kota")
        self.assertTrue(page.live)
        self.assertPageIsRenderable(page)

    def test_editor_can_create_an_announcement(self):
        self.assertCanCreate(
            self.announcement_index,
            AnnouncementPage,
            nested_form_data(
                {
                    "title": "Pendaftaran CPNS 2026",
                    "summary": "Pendaftaran dibuka hingga akhir bulan.",
                    "valid_from": "2026-11-01",
                    "valid_until": "2026-11-30",
                    "body": streamfield([("paragraph", rich_text("<p>Syarat …</p>"))]),
                }
            ),
        )

    def test_announcement_ending_before_it_starts_is_refused_in_indonesian(self):
        url = f"/admin/pages/add/portal/announcementpage/{self.announcement_index.pk}/"
        data = nested_form_data(
            {
                "title": "Salah tanggal",
                "slug": "salah-tanggal",
                "summary": "Ringkasan",
                "valid_from": "2026-11-30",
                "valid_until": "2026-11-01",
                "body": streamfield([]),
                "action-publish": "action-publish",
            }
        )

        response = self.client.post(url, data)

        self.assertEqual(response.status_code, 200)
        self.assertFalse(AnnouncementPage.objects.filter(slug="salah-tanggal").exists())
        self.assertIn(
            "Tanggal berakhir tidak boleh sebelum tanggal mulai.",
            response.context["form"].errors["valid_until"],
        )

    def test_broken_date_is_refused_with_a_message(self):
        url = f"/admin/pages/add/portal/announcementpage/{self.announcement_index.pk}/"
        data = nested_form_data(
            {
                "title": "Tanggal rusak",
                "slug": "tanggal-rusak",
                "summary": "Ringkasan",
                "valid_from": "31-02-2026x",
                "body": streamfield([]),
                "action-publish": "action-publish",
            }
        )

        response = self.client.post(url, data)

        self.assertEqual(response.status_code, 200)
        self.assertIn("valid_from", response.context["form"].errors)
        self.assertFalse(AnnouncementPage.objects.filter(slug="tanggal-rusak").exists())


class PortalPublicTests(SitesTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        today = timezone.localdate()
        cls.current = AnnouncementPageFactory(
            parent=cls.announcement_index, title="Vaksinasi Gratis di Puskesmas"
        )
        cls.expired = AnnouncementPageFactory(
            parent=cls.announcement_index,
            title="Lomba Lama Sudah Lewat",
            valid_from=today - datetime.timedelta(days=20),
            valid_until=today - datetime.timedelta(days=1),
        )
        cls.profile = StandardPageFactory(
            parent=cls.portal_home, title="Visi dan Misi", show_in_menus=True
        )
        cls.news = NewsPageFactory(
            parent=cls.news_index, title="Wali Kota Tinjau Banjir"
        )

    def test_every_portal_page_type_renders(self):
        for page in (
            self.portal_home,
            self.announcement_index,
            self.current,
            self.profile,
        ):
            with self.subTest(page=page):
                self.assertPageIsRenderable(page)

    def test_home_shows_media_center_news_announcements_and_info_publik(self):
        response = self.get_on(PORTAL_HOST, "/")

        self.assertContains(response, "Wali Kota Tinjau Banjir")
        # The portal's own copy of the news, on the portal's host.
        copy = self.news.aliases.get(path__startswith=self.portal_home.path)
        self.assertContains(response, f'href="/berita/{copy.slug}/"')
        self.assertNotContains(response, self.news.full_url)
        self.assertContains(response, "Vaksinasi Gratis di Puskesmas")
        self.assertNotContains(response, "Lomba Lama Sudah Lewat")
        self.assertContains(response, self.infopublik_site.root_url)

    def test_expired_announcements_leave_the_list_but_stay_readable(self):
        listing = self.get_on(PORTAL_HOST, "/pengumuman/")
        detail = self.get_on(PORTAL_HOST, self.expired.url)

        self.assertContains(listing, "Vaksinasi Gratis di Puskesmas")
        self.assertNotContains(listing, "Lomba Lama Sudah Lewat")
        self.assertContains(detail, "sudah tidak berlaku")

    def test_menu_lists_pages_marked_for_menus(self):
        response = self.get_on(PORTAL_HOST, "/")

        self.assertContains(response, 'href="/visi-dan-misi/"')

    def test_seo_and_social_tags(self):
        self.profile.seo_title = "Visi Misi Pemko"
        self.profile.search_description = "Visi dan misi Pemerintah Kota Palangka Raya."
        self.profile.save_revision().publish()

        response = self.get_on(PORTAL_HOST, "/visi-dan-misi/")

        self.assertContains(response, "<title>Visi Misi Pemko")
        self.assertContains(
            response,
            '<meta name="description" content="Visi dan misi Pemerintah Kota Palangka Raya.">',
        )
        self.assertContains(
            response, f'<link rel="canonical" href="{self.profile.full_url}">'
        )
        self.assertContains(
            response, '<meta property="og:title" content="Visi Misi Pemko">'
        )
        self.assertContains(response, '<meta name="twitter:card"')
        self.assertContains(
            response, f'<meta property="og:url" content="{self.profile.full_url}">'
        )

    def test_home_query_count_does_not_grow_with_news(self):
        NewsPageFactory.create_batch(4, parent=self.news_index)
        small = {"home": self.count_queries(PORTAL_HOST, "/")}
        NewsPageFactory.create_batch(45, parent=self.news_index)
        large = {"home": self.count_queries(PORTAL_HOST, "/")}

        self.assertQueryCountsBounded(small, large)


class CachedChromeTests(SitesTestCase):
    """Menus and identity are cached, and change as soon as editors change them."""

    def test_published_and_unpublished_pages_update_the_menu(self):
        self.assertNotContains(self.get_on(PORTAL_HOST, "/"), "Struktur Organisasi")

        # The cache is renewed when the change is committed.
        with self.captureOnCommitCallbacks(execute=True):
            page = StandardPageFactory(
                parent=self.portal_home, title="Struktur Organisasi", show_in_menus=True
            )
        self.assertContains(
            self.get_on(PORTAL_HOST, "/"), 'href="/struktur-organisasi/"'
        )

        with self.captureOnCommitCallbacks(execute=True):
            page.unpublish()
        self.assertNotContains(self.get_on(PORTAL_HOST, "/"), "Struktur Organisasi")

    def test_identity_edited_in_the_admin_shows_at_once(self):
        self.get_on(PORTAL_HOST, "/")  # fill the cache
        self.login()
        url = f"/admin/settings/portal/siteidentity/{self.portal_site.pk}/"
        form = self.client.get(url).context["form"]
        data = {name: form[name].value() or "" for name in form.fields}
        data.update({"tagline": "Kota Cantik yang Ramah", "phone": "(0536) 3221234"})

        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(url, data)

        self.assertEqual(response.status_code, 302)
        self.client.logout()
        home = self.get_on(PORTAL_HOST, "/")
        self.assertContains(home, "Kota Cantik yang Ramah")
        self.assertContains(home, "(0536) 3221234")

    def test_deleted_logo_leaves_the_cached_identity(self):
        from portal.factories import ImageFactory
        from portal.models import SiteIdentity

        logo = ImageFactory(title="Logo Kota")
        identity = SiteIdentity.for_site(self.portal_site)
        identity.logo = logo
        identity.save()
        self.assertContains(self.get_on(PORTAL_HOST, "/"), "brand__logo")

        with self.captureOnCommitCallbacks(execute=True):
            logo.delete()

        response = self.get_on(PORTAL_HOST, "/")
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, "brand__logo")

    def test_private_pages_are_left_out_of_menus_and_lists(self):
        from wagtail.models import PageViewRestriction

        page = StandardPageFactory(
            parent=self.portal_home, title="Rapat Internal", show_in_menus=True
        )
        self.get_on(PORTAL_HOST, "/")  # fill the cache
        with self.captureOnCommitCallbacks(execute=True):
            PageViewRestriction.objects.create(
                page=page, restriction_type=PageViewRestriction.LOGIN
            )

        self.assertNotContains(self.get_on(PORTAL_HOST, "/"), "Rapat Internal")
        self.assertEqual(self.get_on(PORTAL_HOST, page.url).status_code, 302)
