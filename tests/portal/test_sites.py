"""The three sites: created by set-up, idempotent, routed by host name."""

from io import StringIO

from django.core.management import call_command
from django.test import TestCase, override_settings

from wagtail.models import Collection, Page, Site

from infopublik.models import InfoPublikHomePage
from media_center.models import MediaCenterHomePage
from portal.models import PortalHomePage, SiteIdentity
from portal.services import sites_setup
from tests.utils import INFOPUBLIK_HOST, MEDIA_CENTER_HOST, PORTAL_HOST, SitesTestCase


class SitesSetupTests(TestCase):
    def test_creates_three_sites_with_the_configured_hosts(self):
        sites_setup()

        sites = {site.hostname: site for site in Site.objects.all()}
        self.assertEqual(set(sites), {MEDIA_CENTER_HOST, INFOPUBLIK_HOST, PORTAL_HOST})
        self.assertIsInstance(
            sites[MEDIA_CENTER_HOST].root_page.specific, MediaCenterHomePage
        )
        self.assertIsInstance(
            sites[INFOPUBLIK_HOST].root_page.specific, InfoPublikHomePage
        )
        self.assertIsInstance(sites[PORTAL_HOST].root_page.specific, PortalHomePage)
        self.assertTrue(sites[PORTAL_HOST].is_default_site)
        self.assertEqual(Site.objects.filter(is_default_site=True).count(), 1)

    def test_removes_wagtails_welcome_page(self):
        self.assertTrue(Page.objects.filter(depth=2, slug="home").exists())

        sites_setup()

        self.assertFalse(Page.objects.filter(depth=2, slug="home").exists())
        self.assertFalse(Site.objects.filter(hostname="localhost").exists())

    def test_second_run_changes_nothing_and_keeps_edits(self):
        sites_setup()
        identity = SiteIdentity.objects.get(site__hostname=MEDIA_CENTER_HOST)
        identity.tagline = "Diubah oleh admin"
        identity.save()
        site = Site.objects.get(hostname=PORTAL_HOST)
        site.site_name = "Nama baru"
        site.save()
        counts = (
            Page.objects.count(),
            Site.objects.count(),
            Collection.objects.count(),
        )

        created = sites_setup()

        self.assertEqual(created, [])
        self.assertEqual(
            counts,
            (Page.objects.count(), Site.objects.count(), Collection.objects.count()),
        )
        identity.refresh_from_db()
        self.assertEqual(identity.tagline, "Diubah oleh admin")
        self.assertEqual(Site.objects.get(hostname=PORTAL_HOST).site_name, "Nama baru")

    def test_host_names_and_port_follow_settings(self):
        sites_setup()
        sites = {
            "media_center": {
                "hostname": "mediacenter.palangkaraya.go.id",
                "site_name": "MC",
                "is_default_site": False,
            },
            "infopublik": {
                "hostname": "infopublik.palangkaraya.go.id",
                "site_name": "IP",
                "is_default_site": False,
            },
            "portal": {
                "hostname": "palangkaraya.go.id",
                "site_name": "Portal",
                "is_default_site": True,
            },
        }
        with override_settings(WARTA_SITES=sites, WARTA_SITE_PORT=443):
            sites_setup()

        self.assertEqual(
            set(Site.objects.values_list("hostname", "port")),
            {
                ("mediacenter.palangkaraya.go.id", 443),
                ("infopublik.palangkaraya.go.id", 443),
                ("palangkaraya.go.id", 443),
            },
        )
        self.assertEqual(Site.objects.count(), 3)

    def test_one_collection_per_site(self):
        sites_setup()

        names = set(
            Collection.get_first_root_node()
            .get_children()
            .values_list("name", flat=True)
        )
        self.assertEqual(names, {"Media Center", "Info Publik", "Portal"})

    def test_command_is_idempotent(self):
        out = StringIO()
        call_command("setup_sites", stdout=out)
        call_command("setup_sites", stdout=out)

        self.assertEqual(Site.objects.count(), 3)
        self.assertIn("tidak ada yang diubah", out.getvalue())


class HostRoutingTests(SitesTestCase):
    def test_each_host_shows_its_own_home_page(self):
        for host, model in (
            (MEDIA_CENTER_HOST, MediaCenterHomePage),
            (INFOPUBLIK_HOST, InfoPublikHomePage),
            (PORTAL_HOST, PortalHomePage),
        ):
            with self.subTest(host=host):
                response = self.get_on(host, "/")
                self.assertEqual(response.status_code, 200)
                self.assertIsInstance(response.context["page"], model)

    def test_host_with_development_port_still_routes(self):
        response = self.get_on(f"{MEDIA_CENTER_HOST}:8000", "/")

        self.assertIsInstance(response.context["page"], MediaCenterHomePage)

    def test_unknown_host_falls_back_to_the_portal(self):
        response = self.client.get("/")  # testserver

        self.assertEqual(response.status_code, 200)
        self.assertIsInstance(response.context["page"], PortalHomePage)

    def test_a_page_is_not_reachable_through_another_sites_host(self):
        response = self.get_on(PORTAL_HOST, "/agenda/")

        self.assertEqual(response.status_code, 404)
        self.assertEqual(self.get_on(MEDIA_CENTER_HOST, "/agenda/").status_code, 200)

    def test_each_site_shows_its_identity(self):
        response = self.get_on(INFOPUBLIK_HOST, "/")

        self.assertContains(response, "theme-infopublik")
        self.assertContains(response, self.infopublik_site.site_name)
        self.assertContains(response, '<html lang="id"')
