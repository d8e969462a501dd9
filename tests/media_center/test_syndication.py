"""
One approval publishes news on the Media Center, Info Publik and the portal
(news SOP step 6): copies follow the original by every publishing route,
through the admin and on the three hosts.
"""

import datetime
from io import StringIO

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page, PageLogEntry
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import time_machine
from defusedxml import ElementTree

from media_center.factories import RubricFactory
from media_center.models import NewsIndexPage, NewsPage, NewsPublication
from moderation import services as sop
from portal.factories import ImageFactory, UserFactory
from tests.utils import (
    INFOPUBLIK_HOST,
    MEDIA_CENTER_HOST,
    PORTAL_HOST,
    SitesTestCase,
    group_member,
)

SLUG = "wali-kota-buka-festival-isen-mulang"
PATH = f"/berita/{SLUG}/"
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
# Where a reader meets a site's news besides the news item's own page.
PUBLIC_LISTS = {
    "home": "/",
    "listing": "/berita/",
    "search": "/cari/?q=Isen+Mulang",
    "feed": "/feed/",
    "sitemap": "/sitemap.xml",
}


class SyndicationTestCase(SitesTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.reporter = group_member("reporter", sop.REPORTER)
        cls.editor = group_member("redaktur", sop.MEDIA_CENTER_TEAM)
        cls.operator = group_member("operator", sop.OPERATOR)
        # Who saved a version of the news may not approve it later (segregation
        # of duties, moderation issue): a new version is published by another.
        cls.operator2 = group_member("operator2", sop.OPERATOR)
        cls.rubric = RubricFactory(name="Pemerintahan")
        cls.image = ImageFactory(title="Festival")

    def news_data(self, lead="Festival budaya dibuka Wali Kota.", **extra):
        return nested_form_data(
            {
                "title": "Wali Kota Buka Festival Isen Mulang",
                "slug": SLUG,
                "lead": lead,
                "body": streamfield([("paragraph", rich_text("<p>Festival.</p>"))]),
                "main_image": self.image.pk,
                "main_image_alt": "Penari membuka festival",
                "main_image_caption": "",
                "main_image_credit": "",
                "event_at": "",
                "place": "Palangka Raya",
                "rubric": self.rubric.pk,
                "source_agency": "",
                "tags": "",
                "writer": self.reporter.pk,
                "photographer": "",
                "editor": "",
                "publish_to_infopublik": "on",
                "publish_to_portal": "on",
                **extra,
            }
        )

    def approve(self, page, user):
        page.refresh_from_db()
        task_state = page.current_workflow_task_state
        self.client.force_login(user)
        response = self.client.post(
            reverse(
                "wagtailadmin_pages:workflow_action",
                args=(page.pk, "approve", task_state.pk),
            )
        )
        self.assertEqual(response.status_code, 302)

    def to_the_publishing_step(self, page=None, **extra):
        """The reporter submits (a new news item, or a new version), the team approves."""
        self.client.force_login(self.reporter)
        data = self.news_data(**{"action-submit": "1", **extra})
        if page is None:
            url = reverse(
                "wagtailadmin_pages:add",
                args=("media_center", "newspage", self.news_index.pk),
            )
        else:
            url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
        self.assertEqual(self.client.post(url, data).status_code, 302)
        page = NewsPage.objects.get(alias_of=None)
        self.approve(page, self.editor)
        return page

    def publish_directly(self, page=None, operator=None, **extra):
        """
        At the publishing step the operator presses "Publish" in the editor:
        under the news SOP that is the step's approval (moderation issue).
        """
        page = self.to_the_publishing_step(page)
        self.client.force_login(operator or self.operator)
        response = self.client.post(
            reverse("wagtailadmin_pages:edit", args=(page.pk,)),
            self.news_data(**{"action-publish": "1", **extra}),
        )
        self.assertEqual(response.status_code, 302)
        page.refresh_from_db()
        return page

    def edit_and_publish(self, page, **extra):
        """A new version through the news SOP, published by another operator."""
        self.publish_directly(page, operator=self.operator2, **extra)

    def status_on_each_host(self, path=PATH):
        return {
            host: self.get_on(host, path).status_code
            for host in (MEDIA_CENTER_HOST, INFOPUBLIK_HOST, PORTAL_HOST)
        }

    def lists_showing_the_news(self, host):
        """Which of the site's public lists (``PUBLIC_LISTS``) link to the news."""
        shown = set()
        for name, path in PUBLIC_LISTS.items():
            content = self.get_on(host, path).content.decode()
            if f"{host}{PATH}" in content or f'href="{PATH}"' in content:
                shown.add(name)
        return shown


class PublishingRouteTests(SyndicationTestCase):
    def test_the_last_approval_of_the_news_sop_publishes_on_all_three_sites(self):
        page = self.to_the_publishing_step()
        self.assertEqual(set(self.status_on_each_host().values()), {404})
        self.approve(page, self.operator)
        self.assertEqual(set(self.status_on_each_host().values()), {200})
        self.assertContains(
            self.get_on(MEDIA_CENTER_HOST, PATH),
            f'<link rel="canonical" href="http://{MEDIA_CENTER_HOST}{PATH}">',
            html=True,
        )
        for host in (INFOPUBLIK_HOST, PORTAL_HOST):
            with self.subTest(host=host):
                response = self.get_on(host, PATH)
                self.assertContains(response, "Festival budaya dibuka Wali Kota.")
                # In the look of the site it is on, pointing search engines
                # to the original on the Media Center.
                self.assertContains(response, f"theme-{host.split('.')[0]}")
                self.assertContains(
                    response,
                    f'<link rel="canonical" href="http://{MEDIA_CENTER_HOST}{PATH}">',
                    html=True,
                )
                self.assertEqual(response.context["page"].alias_of_id, page.pk)

    def test_the_operators_publish_button(self):
        page = self.publish_directly()
        self.assertEqual(set(self.status_on_each_host().values()), {200})
        copies = NewsPage.objects.filter(alias_of=page)
        self.assertEqual(
            {copy.get_parent().pk for copy in copies},
            {self.infopublik_news_index.pk, self.portal_news_index.pk},
        )
        self.assertTrue(all(copy.live for copy in copies))
        for host in (INFOPUBLIK_HOST, PORTAL_HOST):
            with self.subTest(host=host):
                listing = self.get_on(host, "/berita/")
                self.assertContains(listing, f'href="{PATH}"')
                # The home page lists the site's own copy, linked on its host.
                self.assertContains(self.get_on(host, "/"), f'href="{PATH}"')

    def test_a_scheduled_go_live_publishes_the_copies_when_it_comes(self):
        go_live = timezone.now() + datetime.timedelta(hours=2)
        page = self.publish_directly(
            go_live_at=timezone.localtime(go_live).strftime("%Y-%m-%d %H:%M")
        )
        self.assertTrue(page.revisions.filter(approved_go_live_at__isnull=False))
        self.assertEqual(
            self.status_on_each_host(),
            {MEDIA_CENTER_HOST: 404, INFOPUBLIK_HOST: 404, PORTAL_HOST: 404},
        )
        with time_machine.travel(go_live + datetime.timedelta(minutes=5)):
            call_command("publish_scheduled")
        self.assertEqual(set(self.status_on_each_host().values()), {200})

    def test_a_revert_and_publish_puts_the_old_version_on_every_site(self):
        page = self.publish_directly()
        first = page.live_revision
        self.edit_and_publish(page, lead="Festival dibuka dengan tarian Manasai.")
        # The reporter takes the first version back through the SOP from its
        # "Kembalikan" screen; the operator publishes it from there.
        self.client.force_login(self.reporter)
        revert_url = reverse(
            "wagtailadmin_pages:revisions_revert", args=(page.pk, first.pk)
        )
        self.assertContains(self.client.get(revert_url), "Festival budaya dibuka")
        response = self.client.post(
            revert_url, self.news_data(**{"action-submit": "1"})
        )
        self.assertEqual(response.status_code, 302)
        self.approve(page, self.editor)
        self.client.force_login(self.operator)
        response = self.client.post(
            revert_url, self.news_data(**{"action-publish": "1"})
        )
        self.assertEqual(response.status_code, 302)
        for host in (MEDIA_CENTER_HOST, INFOPUBLIK_HOST, PORTAL_HOST):
            with self.subTest(host=host):
                response = self.get_on(host, PATH)
                self.assertContains(response, "Festival budaya dibuka Wali Kota.")
                self.assertNotContains(response, "tarian Manasai")
        self.assertEqual(NewsPublication.objects.filter(news=page).count(), 3)

    def test_a_reporter_cannot_choose_the_sites(self):
        self.client.force_login(self.reporter)
        response = self.client.get(
            reverse(
                "wagtailadmin_pages:add",
                args=("media_center", "newspage", self.news_index.pk),
            )
        )
        self.assertNotContains(response, 'name="publish_to_portal"')
        self.client.post(
            reverse(
                "wagtailadmin_pages:add",
                args=("media_center", "newspage", self.news_index.pk),
            ),
            self.news_data(publish_to_portal=""),
        )
        self.assertTrue(NewsPage.objects.get().publish_to_portal)
        self.client.force_login(self.operator)
        response = self.client.get(
            reverse("wagtailadmin_pages:edit", args=(NewsPage.objects.get().pk,))
        )
        self.assertContains(response, 'name="publish_to_portal"')


class KeptInSyncTests(SyndicationTestCase):
    def test_republishing_changes_every_copy(self):
        page = self.publish_directly()
        self.edit_and_publish(page, lead="Festival dibuka dengan tarian Manasai.")
        for host in (MEDIA_CENTER_HOST, INFOPUBLIK_HOST, PORTAL_HOST):
            with self.subTest(host=host):
                self.assertContains(
                    self.get_on(host, PATH), "Festival dibuka dengan tarian Manasai."
                )

    def test_unpublishing_withdraws_every_copy_and_republishing_restores_them(self):
        page = self.publish_directly()
        self.client.force_login(self.operator)
        response = self.client.post(
            reverse("wagtailadmin_pages:unpublish", args=(page.pk,))
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(set(self.status_on_each_host().values()), {404})
        self.edit_and_publish(page)
        self.assertEqual(set(self.status_on_each_host().values()), {200})

    def test_unticking_a_site_removes_its_copy(self):
        page = self.publish_directly()
        self.edit_and_publish(page, publish_to_portal="")
        self.assertEqual(
            self.status_on_each_host(),
            {MEDIA_CENTER_HOST: 200, INFOPUBLIK_HOST: 200, PORTAL_HOST: 404},
        )
        self.assertFalse(
            NewsPage.objects.filter(
                alias_of=page, path__startswith=self.portal_home.path
            ).exists()
        )
        self.edit_and_publish(page)
        self.assertEqual(set(self.status_on_each_host().values()), {200})
        # The page history names who made and removed each copy.
        self.assertEqual(
            list(
                PageLogEntry.objects.filter(
                    action__in=("wagtail.create_alias", "wagtail.delete"),
                    label=page.title,
                )
                .exclude(page_id=page.pk)
                .order_by("pk")
                .values_list("action", "user__username")
            ),
            [
                ("wagtail.create_alias", "operator"),
                ("wagtail.create_alias", "operator"),
                ("wagtail.delete", "operator2"),
                ("wagtail.create_alias", "operator2"),
            ],
        )

    def test_an_unticked_site_drops_the_news_from_every_list(self):
        page = self.publish_directly()
        everywhere = set(PUBLIC_LISTS)
        for host in (INFOPUBLIK_HOST, PORTAL_HOST):
            self.assertEqual(self.lists_showing_the_news(host), everywhere, host)
        self.edit_and_publish(page, publish_to_portal="")
        self.assertEqual(self.lists_showing_the_news(PORTAL_HOST), set())
        self.assertEqual(self.lists_showing_the_news(INFOPUBLIK_HOST), everywhere)
        self.assertEqual(self.lists_showing_the_news(MEDIA_CENTER_HOST), everywhere)

    def test_deleting_the_news_deletes_its_copies(self):
        page = self.publish_directly()
        admin = UserFactory(username="admin", is_superuser=True)
        self.client.force_login(admin)
        response = self.client.post(
            reverse("wagtailadmin_pages:delete", args=(page.pk,))
        )
        self.assertEqual(response.status_code, 302)
        self.assertFalse(NewsPage.objects.exists())
        self.assertEqual(set(self.status_on_each_host().values()), {404})

    def test_copies_cannot_be_edited_on_their_own(self):
        page = self.publish_directly()
        copy = NewsPage.objects.get(
            alias_of=page, path__startswith=self.portal_home.path
        )
        admin = UserFactory(username="admin", is_superuser=True)
        self.client.force_login(admin)
        url = reverse("wagtailadmin_pages:edit", args=(copy.pk,))
        response = self.client.get(url)
        self.assertContains(
            response, reverse("wagtailadmin_pages:edit", args=(page.pk,))
        )
        response = self.client.post(url, self.news_data(lead="Diubah di portal."))
        self.assertEqual(response.status_code, 405)
        self.assertNotContains(self.get_on(PORTAL_HOST, PATH), "Diubah di portal.")

    def test_news_is_written_and_stays_on_the_media_center(self):
        page = self.publish_directly()
        self.client.force_login(self.operator)
        response = self.client.get(
            reverse(
                "wagtailadmin_pages:add",
                args=("media_center", "newspage", self.portal_news_index.pk),
            )
        )
        self.assertNotEqual(response.status_code, 200)
        self.assertFalse(page.can_move_to(self.portal_news_index))
        self.assertTrue(page.can_move_to(self.news_index))
        self.assertEqual(
            Page.objects.child_of(self.portal_news_index).get().specific.alias_of_id,
            page.pk,
        )


class OncePerSiteTests(SyndicationTestCase):
    def test_each_site_lists_the_news_once_at_its_own_address(self):
        self.publish_directly()
        for host in (MEDIA_CENTER_HOST, INFOPUBLIK_HOST, PORTAL_HOST):
            with self.subTest(host=host):
                own = f"http://{host}{PATH}"
                sitemap = ElementTree.fromstring(
                    self.get_on(host, "/sitemap.xml").content
                )
                locs = [
                    loc.text
                    for loc in sitemap.findall("sm:url/sm:loc", SITEMAP_NS)
                    if SLUG in loc.text
                ]
                self.assertEqual(locs, [own])
                feed = ElementTree.fromstring(self.get_on(host, "/feed/").content)
                links = [
                    item.findtext("link")
                    for item in feed.iter("item")
                    if SLUG in item.findtext("link")
                ]
                self.assertEqual(links, [own])
                search = self.get_on(host, PUBLIC_LISTS["search"])
                self.assertEqual(
                    [result.full_url for result in search.context["results"]], [own]
                )
                listing = self.get_on(host, "/berita/")
                self.assertEqual(
                    [news.pk for news in listing.context["news"]],
                    [search.context["results"][0].pk],
                )


class RestrictedNewsTests(SyndicationTestCase):
    """
    News the Media Center keeps to logged-in readers (Wagtail's "Privacy")
    is kept to them on Info Publik and the portal too.
    """

    def set_privacy(self, page, restriction_type="login", **extra):
        admin = UserFactory(username=f"admin-{page.pk}", is_superuser=True)
        self.client.force_login(admin)
        response = self.client.post(
            reverse("wagtailadmin_pages:set_privacy", args=(page.pk,)),
            {"restriction_type": restriction_type, "password": "", **extra},
        )
        self.assertEqual(response.status_code, 200)
        self.client.logout()

    def assert_kept_from_the_public(self):
        for host in (MEDIA_CENTER_HOST, INFOPUBLIK_HOST, PORTAL_HOST):
            with self.subTest(host=host):
                response = self.get_on(host, PATH)
                self.assertEqual(response.status_code, 302)
                self.assertIn("/login/?next=", response["Location"])
                self.assertEqual(self.lists_showing_the_news(host), set())

    def test_a_news_item_kept_to_logged_in_readers(self):
        page = self.publish_directly()
        self.set_privacy(page)
        self.assert_kept_from_the_public()

    def test_a_news_section_kept_to_a_group(self):
        self.publish_directly()
        self.set_privacy(
            self.news_index,
            "groups",
            groups=[Group.objects.get(name=sop.MEDIA_CENTER_TEAM).pk],
        )
        self.assert_kept_from_the_public()
        # A reader of that group reads it on every site.
        self.client.force_login(self.editor)
        self.assertEqual(set(self.status_on_each_host().values()), {200})


class UpgradeTests(SyndicationTestCase):
    def test_news_published_before_the_copies_existed_get_them(self):
        page = self.publish_directly()
        for copy in NewsPage.objects.filter(alias_of=page):
            copy.delete()
        self.assertEqual(self.status_on_each_host()[PORTAL_HOST], 404)
        call_command("syndicate_news", stdout=StringIO())
        self.assertEqual(set(self.status_on_each_host().values()), {200})
        output = StringIO()
        call_command("syndicate_news", stdout=output)
        self.assertIn("2", output.getvalue())
        self.assertEqual(NewsPage.objects.filter(alias_of=page).count(), 2)


class CopiesListingQueryTests(SyndicationTestCase):
    def test_listings_of_copies_do_not_grow_with_news(self):
        from media_center.factories import NewsPageFactory

        paths = {
            (host, path)
            for host in (INFOPUBLIK_HOST, PORTAL_HOST)
            for path in ("/", "/berita/", "/feed/", "/sitemap.xml", "/cari/?q=Raya")
        }

        def counts():
            return {key: self.count_queries(*key) for key in sorted(paths)}

        NewsPageFactory.create_batch(4, parent=self.news_index)
        small = counts()
        NewsPageFactory.create_batch(30, parent=self.news_index)
        self.assertEqual(NewsPage.objects.exclude(alias_of=None).count(), 68)
        self.assertEqual(counts(), small)
        # A copy's own page costs at most two queries more than the original's:
        # the original it points search engines to, and that page's site.
        copy = NewsPage.objects.exclude(alias_of=None).first()
        copy_warm = self.count_queries(
            PORTAL_HOST, copy.get_url(current_site=self.portal_site)
        )[1]
        original_warm = self.count_queries(
            MEDIA_CENTER_HOST, copy.alias_of.specific.url
        )[1]
        self.assertLessEqual(copy_warm, original_warm + 2)


class PerSiteStateTests(SyndicationTestCase):
    def test_the_editor_and_the_report_say_where_each_news_item_is_live(self):
        page = self.publish_directly(publish_to_portal="")
        self.client.force_login(self.operator)
        editor = self.client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
        self.assertContains(editor, "Di mana terbit")
        copy = NewsPage.objects.get(alias_of=page)
        self.assertContains(editor, f'href="{copy.get_full_url()}"')
        self.assertContains(editor, "tidak diterbitkan di sini")

        report = self.client.get(reverse("news_sites_report"))
        self.assertEqual(report.status_code, 200)
        (row,) = report.context["object_list"]
        self.assertEqual(
            row.infopublik_live_since,
            page.publications.get().sites_live.get(site="infopublik").live_at,
        )
        self.assertIsNone(row.portal_live_since)
        self.assertEqual(row.published_by_username, "operator")
        self.assertContains(report, "Berita di tiga situs")

        csv = self.client.get(reverse("news_sites_report") + "?export=csv")
        self.assertEqual(csv.status_code, 200)
        lines = b"".join(csv.streaming_content).decode().splitlines()
        self.assertEqual(len(lines), 2)
        self.assertIn("Wali Kota Buka Festival Isen Mulang", lines[1])
        self.assertIn("operator", lines[1])
        xlsx = self.client.get(reverse("news_sites_report") + "?export=xlsx")
        self.assertEqual(xlsx.status_code, 200)

    def test_only_who_chooses_the_sites_sees_the_report(self):
        for user, status in (
            (self.reporter, 302),
            (self.editor, 200),
            (self.operator, 200),
        ):
            with self.subTest(user=user.username):
                self.client.force_login(user)
                response = self.client.get(reverse("news_sites_report"))
                self.assertEqual(response.status_code, status)

    def test_the_report_queries_do_not_grow_with_news(self):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        from media_center.factories import NewsPageFactory

        def queries():
            self.client.force_login(self.operator)
            self.client.get(reverse("news_sites_report"))
            with CaptureQueriesContext(connection) as captured:
                self.client.get(reverse("news_sites_report"))
            return len(captured)

        NewsPageFactory.create_batch(3, parent=self.news_index)
        small = queries()
        NewsPageFactory.create_batch(20, parent=self.news_index)
        self.assertEqual(queries(), small)


WIB = datetime.timezone(datetime.timedelta(hours=7))
# The publishing step starts when the Media Center team approves, at 09.00.
STEP_START = datetime.datetime(2026, 11, 23, 9, 0, tzinfo=WIB)


def at(minutes):
    """Stand at ``minutes`` after the publishing step started."""
    return time_machine.travel(
        STEP_START + datetime.timedelta(minutes=minutes), tick=False
    )


def minutes(count):
    return datetime.timedelta(minutes=count)


class PublishingTimeTests(SyndicationTestCase):
    """The publishing step's standard (2 hours) counts until live on every chosen site."""

    def go_lives(self, publication):
        return {live.site: live.live_at for live in publication.sites_live.all()}

    def editor_page(self, page):
        self.client.force_login(self.operator)
        return self.client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))

    def report_csv(self):
        self.client.force_login(self.operator)
        response = self.client.get(reverse("news_sites_report") + "?export=csv")
        return b"".join(response.streaming_content).decode().splitlines()

    def test_the_approval_puts_it_on_every_site_and_the_step_is_measured(self):
        with at(0):
            page = self.to_the_publishing_step()
        with at(40):
            self.approve(page, self.operator)
        publication = page.publications.get()
        live_at = STEP_START + minutes(40)
        self.assertEqual(
            self.go_lives(publication),
            {"media_center": live_at, "infopublik": live_at, "portal": live_at},
        )
        self.assertEqual(publication.step_started_at, STEP_START)
        self.assertEqual(publication.live_everywhere_at, live_at)
        self.assertEqual(publication.took, minutes(40))
        self.assertEqual(publication.time_standard, datetime.timedelta(hours=2))
        self.assertEqual(publication.approved_by, self.operator)
        self.assertIsNone(publication.scheduled_for)

        editor = self.editor_page(page)
        self.assertContains(editor, "tepat waktu (40 menit)")
        self.assertContains(editor, "mutu baku 2 jam")
        self.assertContains(editor, "23 November 2026 09.40 WIB")
        header, row = self.report_csv()
        self.assertIn("Waktu publikasi", header)
        self.assertIn("tepat waktu (40 menit) (mutu baku 2 jam)", row)

    def test_a_scheduled_go_live_counts_until_it_is_live(self):
        with at(0):
            page = self.to_the_publishing_step()
        go_live = STEP_START + datetime.timedelta(hours=4)
        with at(30):
            self.client.force_login(self.operator)
            response = self.client.post(
                reverse("wagtailadmin_pages:edit", args=(page.pk,)),
                self.news_data(
                    **{
                        "action-publish": "1",
                        "go_live_at": go_live.strftime("%Y-%m-%d %H:%M"),
                    }
                ),
            )
            self.assertEqual(response.status_code, 302)
        self.assertFalse(page.publications.exists())
        with at(245):
            call_command("publish_scheduled")
        publication = page.publications.get()
        self.assertEqual(publication.approved_at, STEP_START + minutes(30))
        self.assertEqual(publication.scheduled_for, go_live)
        self.assertEqual(
            set(self.go_lives(publication).values()), {STEP_START + minutes(245)}
        )
        self.assertEqual(publication.took, minutes(245))
        self.assertFalse(publication.on_time)
        editor = self.editor_page(page)
        self.assertContains(editor, "terlambat 2 jam 5 menit")
        self.assertContains(editor, "jadwal tayang 23 November 2026 13.00 WIB")

    def test_a_chosen_site_that_gets_the_news_late_keeps_the_step_open(self):
        # The portal's news index is gone (an administrator removed it): the
        # news goes live on two of its three sites.
        self.portal_news_index.delete()
        with at(0):
            page = self.to_the_publishing_step()
        with at(20):
            self.approve(page, self.operator)
        publication = page.publications.get()
        self.assertEqual(
            set(self.go_lives(publication)), {"media_center", "infopublik"}
        )
        self.assertIsNone(publication.live_everywhere_at)
        self.assertIsNone(publication.took)
        editor = self.editor_page(page)
        self.assertContains(editor, "belum tayang di semua situs pilihan")
        self.assertContains(
            editor, "menunggu Portal Resmi Pemerintah Kota Palangka Raya"
        )

        # Three hours after the step started the index is back and the
        # missing copy is made: only then is the news live everywhere.
        with at(180):
            self.portal_home.add_child(
                instance=NewsIndexPage(title="Berita", slug="berita")
            )
            call_command("syndicate_news", stdout=StringIO())
        publication.refresh_from_db()
        self.assertEqual(
            self.go_lives(publication)["portal"], STEP_START + minutes(180)
        )
        self.assertEqual(publication.live_everywhere_at, STEP_START + minutes(180))
        self.assertEqual(publication.took, minutes(180))
        self.assertIn("terlambat 1 jam", self.report_csv()[1])

    def test_each_publication_is_measured_on_its_own(self):
        with at(0):
            page = self.to_the_publishing_step()
        with at(10):
            self.approve(page, self.operator)
        # A correction, published an hour and a half after its own step began.
        with at(120):
            self.to_the_publishing_step(page, lead="Festival budaya resmi dibuka.")
        with at(210):
            self.approve(page, self.operator2)
        first, second = page.publications.order_by("published_at")
        self.assertEqual(first.took, minutes(10))
        self.assertEqual(second.step_started_at, STEP_START + minutes(120))
        self.assertEqual(second.took, minutes(90))
        self.assertEqual(second.approved_by, self.operator2)
        # The copies went live with the correction, each recorded.
        self.assertEqual(
            set(self.go_lives(second).values()), {STEP_START + minutes(210)}
        )
        self.assertContains(self.editor_page(page), "tepat waktu (1 jam 30 menit)")

    def test_a_publication_outside_the_sop_is_not_measured(self):
        admin = UserFactory(username="admin", is_superuser=True)
        self.client.force_login(admin)
        with at(0):
            response = self.client.post(
                reverse(
                    "wagtailadmin_pages:add",
                    args=("media_center", "newspage", self.news_index.pk),
                ),
                self.news_data(**{"action-publish": "1"}),
            )
        self.assertEqual(response.status_code, 302)
        publication = NewsPublication.objects.get()
        self.assertFalse(publication.through_sop)
        self.assertIsNone(publication.took)
        self.assertEqual(len(self.go_lives(publication)), 3)
        self.assertIn("diterbitkan di luar SOP berita", self.report_csv()[1])


class MoveTests(SyndicationTestCase):
    def test_the_original_cannot_be_moved_to_another_sites_news_index(self):
        # Not published on the portal: no copy there holds the slug.
        page = self.publish_directly(publish_to_portal="")
        admin = UserFactory(username="admin", is_superuser=True)
        self.client.force_login(admin)
        self.client.post(
            reverse(
                "wagtailadmin_pages:move_confirm",
                args=(page.pk, self.portal_news_index.pk),
            )
        )
        page.refresh_from_db()
        self.assertEqual(page.get_parent().pk, self.news_index.pk)
        self.assertEqual(self.status_on_each_host()[MEDIA_CENTER_HOST], 200)


class CopiesFollowTheirOriginalTests(SyndicationTestCase):
    """A copy is changed only through its original, by every admin route."""

    def test_a_copy_is_not_withdrawn_deleted_moved_copied_or_cut_loose(self):
        page = self.publish_directly()
        copy = NewsPage.objects.get(alias_of=page, url_path__contains="portal")
        # The Admin Website group may change pages on the portal: not this one.
        webadmin = group_member("webadmin", sop.WEBSITE_ADMIN)
        admin = UserFactory(username="admin", is_superuser=True)
        routes = {
            "unpublish": reverse("wagtailadmin_pages:unpublish", args=(copy.pk,)),
            "delete": reverse("wagtailadmin_pages:delete", args=(copy.pk,)),
            "move": reverse(
                "wagtailadmin_pages:move_confirm",
                args=(copy.pk, self.infopublik_news_index.pk),
            ),
            "copy": reverse("wagtailadmin_pages:copy", args=(copy.pk,)),
            "convert": reverse("wagtailadmin_pages:convert_alias", args=(copy.pk,)),
            "bulk unpublish": reverse(
                "wagtail_bulk_action", args=("wagtailcore", "page", "unpublish")
            )
            + f"?id={copy.pk}",
            "bulk delete": reverse(
                "wagtail_bulk_action", args=("wagtailcore", "page", "delete")
            )
            + f"?id={copy.pk}",
        }
        for user in (webadmin, admin):
            self.client.force_login(user)
            for name, url in routes.items():
                with self.subTest(user=user.username, route=name):
                    response = self.client.post(
                        url,
                        {
                            "new_title": "Salinan",
                            "new_slug": "salinan",
                            "new_parent_page": self.portal_news_index.pk,
                        },
                        follow=True,
                    )
                    if name == "move":
                        # Wagtail refuses the destination before asking the hook.
                        self.assertNotContains(
                            response, "salinan berita Media Center", status_code=200
                        )
                        continue
                    self.assertContains(
                        response, "salinan berita Media Center", status_code=200
                    )
        copy.refresh_from_db()
        self.assertTrue(copy.live)
        self.assertEqual(copy.alias_of_id, page.pk)
        self.assertEqual(copy.get_parent().pk, self.portal_news_index.pk)
        self.assertEqual(NewsPage.objects.count(), 3)
        self.assertEqual(set(self.status_on_each_host().values()), {200})

    def test_a_news_item_is_not_copied_as_a_live_alias(self):
        page = self.publish_directly()
        self.client.force_login(self.operator)
        response = self.client.post(
            reverse("wagtailadmin_pages:copy", args=(page.pk,)),
            {
                "new_title": "Salinan",
                "new_slug": "salinan",
                "new_parent_page": self.news_index.pk,
                "alias": "on",
            },
            follow=True,
        )
        self.assertContains(response, "tanpa melewati SOP")
        self.assertEqual(NewsPage.objects.count(), 3)

    def test_a_new_address_moves_the_copies_with_it(self):
        page = self.publish_directly()
        self.edit_and_publish(page, slug="festival-isen-mulang-dibuka")
        for host in (MEDIA_CENTER_HOST, INFOPUBLIK_HOST, PORTAL_HOST):
            with self.subTest(host=host):
                self.assertEqual(
                    self.get_on(
                        host, "/berita/festival-isen-mulang-dibuka/"
                    ).status_code,
                    200,
                )
                self.assertEqual(self.get_on(host, PATH).status_code, 404)

    def test_a_site_ticked_later_is_live_there_since_then(self):
        with at(0):
            page = self.publish_directly(publish_to_portal="")
        with at(24 * 60):
            self.edit_and_publish(page)
        copy = NewsPage.objects.get(alias_of=page, url_path__contains="portal")
        self.client.force_login(self.operator)
        (row,) = self.client.get(reverse("news_sites_report")).context["object_list"]
        self.assertEqual(row.portal_live_since, STEP_START + minutes(24 * 60))
        self.assertLess(row.infopublik_live_since, row.portal_live_since)
        self.assertLess(copy.first_published_at, row.portal_live_since)
        editor = self.client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
        self.assertContains(editor, "24 November 2026 09.00 WIB")
