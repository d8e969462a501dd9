"""Home and index pages can be (re)made in the admin, in their one allowed place."""

from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data

from infopublik.models import ArticleIndexPage, InfoPublikHomePage
from media_center.models import MediaCenterHomePage, NewsIndexPage
from portal.models import AnnouncementIndexPage, PortalHomePage
from tests.utils import MEDIA_CENTER_HOST, SitesTestCase


class StructurePageCreationTests(SitesTestCase):
    def setUp(self):
        super().setUp()
        self.login()

    def test_index_pages_can_be_created_once_removed(self):
        for parent, model, title in (
            (self.media_center_home, NewsIndexPage, "Berita Kota"),
            (self.infopublik_home, ArticleIndexPage, "Artikel Bagian"),
            (self.portal_home, AnnouncementIndexPage, "Pengumuman Resmi"),
        ):
            with self.subTest(model=model.__name__):
                model.objects.child_of(parent).delete()
                self.assertCanCreate(
                    parent,
                    model,
                    nested_form_data({"title": title, "intro": "Pengantar."}),
                )
                self.assertPageIsRenderable(model.objects.child_of(parent).get())

    def test_index_pages_with_one_per_site_cannot_be_doubled(self):
        self.assertFalse(AnnouncementIndexPage.can_create_at(self.portal_home))
        response = self.client.get(
            f"/admin/pages/add/media_center/newsindexpage/{self.media_center_home.pk}/"
        )
        self.assertRedirects(response, "/admin/", fetch_redirect_response=False)

    def test_home_pages_can_be_created_at_the_root(self):
        root = Page.get_first_root_node()
        for page, model in (
            (self.media_center_home, MediaCenterHomePage),
            (self.infopublik_home, InfoPublikHomePage),
            (self.portal_home, PortalHomePage),
        ):
            with self.subTest(model=model.__name__):
                page.delete()
                self.assertCanCreate(
                    root,
                    model,
                    nested_form_data(
                        {"title": f"Baru {model.__name__}", "intro": "Halo."}
                    ),
                )

    def test_site_identity_is_edited_per_site_in_the_admin(self):
        response = self.client.get(
            f"/admin/settings/portal/siteidentity/{self.media_center_site.pk}/"
        )

        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.context["form"].initial["theme"], "media-center")
        self.assertContains(self.get_on(MEDIA_CENTER_HOST, "/"), "theme-media-center")
