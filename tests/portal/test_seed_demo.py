"""The demo content command: what it creates, that it is repeatable, and where it refuses."""

import datetime
from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import SimpleTestCase, TestCase, override_settings
from django.utils import timezone

from wagtail.images import get_image_model
from wagtail.models import Collection, Page, PageLogEntry, Revision

from taggit.models import Tag

from infopublik.models import ArticleIndexPage, ArticlePage, Section
from media_center.demo import plan_news
from media_center.models import (
    AgendaItem,
    AgendaPage,
    AgendaStatus,
    Assignment,
    AssignmentState,
    DutyOfficer,
    DutyRoster,
    DutyShift,
    MediaCenterHomePage,
    NewsIndexPage,
    NewsPage,
    Official,
    Rubric,
)
from portal.demo import DEMO_USERS, KELURAHAN, demo_rng
from portal.models import (
    Agency,
    AnnouncementIndexPage,
    AnnouncementPage,
    PortalHomePage,
    SiteIdentity,
    StandardPage,
)
from tests.utils import INFOPUBLIK_HOST, MEDIA_CENTER_HOST, PORTAL_HOST

DEMO_PASSWORD = "Warta-Demo-2026"


def content_counts():
    """Everything the seed may create, counted."""
    return {
        "pages": Page.objects.count(),
        "images": get_image_model().objects.count(),
        "users": get_user_model().objects.count(),
        "revisions": Revision.objects.count(),
        "log entries": PageLogEntry.objects.count(),
        "tags": Tag.objects.count(),
        "agencies": Agency.objects.count(),
        "rubrics": Rubric.objects.count(),
        "sections": Section.objects.count(),
        "collections": Collection.objects.count(),
        "duty rosters": DutyRoster.objects.count(),
        "duty shifts": DutyShift.objects.count(),
        "officers on duty": DutyOfficer.objects.count(),
        "officials": Official.objects.count(),
        "assignments": Assignment.objects.count(),
        "agenda items": AgendaItem.objects.count(),
    }


class SeedDemoTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        output = StringIO()
        # Test settings run with DEBUG off, hence --force.
        call_command("seed_demo", "--force", stdout=output)
        cls.output = output.getvalue()

    def test_creates_news_articles_announcements_and_pages(self):
        news_index = NewsIndexPage.objects.child_of(
            MediaCenterHomePage.objects.get()
        ).get()
        self.assertGreaterEqual(
            NewsPage.objects.child_of(news_index).live().count(), 36
        )
        article_index = ArticleIndexPage.objects.get()
        self.assertGreaterEqual(
            ArticlePage.objects.child_of(article_index).live().count(), 12
        )
        self.assertGreaterEqual(AnnouncementPage.objects.live().count(), 8)
        self.assertEqual(Rubric.objects.count(), 7)
        self.assertGreaterEqual(Agency.objects.count(), 8)
        self.assertGreaterEqual(Section.objects.count(), 6)

        portal_home = PortalHomePage.objects.get()
        menu = StandardPage.objects.child_of(portal_home).filter(show_in_menus=True)
        self.assertTrue(
            {"Profil Kota", "Visi dan Misi", "Struktur Organisasi", "Kontak"}
            <= set(menu.values_list("title", flat=True))
        )
        self.assertTrue(
            StandardPage.objects.filter(title="Tentang Media Center").exists()
        )
        self.assertTrue(StandardPage.objects.filter(title="Tentang PPID").exists())
        self.assertTrue(AnnouncementIndexPage.objects.get().show_in_menus)
        self.assertTrue(portal_home.intro)
        identity = SiteIdentity.objects.get(site__hostname=PORTAL_HOST)
        self.assertTrue(identity.address and identity.phone and identity.email)
        self.assertIn(str(NewsPage.objects.filter(alias_of=None).count()), self.output)

    def test_creates_the_demo_users_with_the_demo_password(self):
        User = get_user_model()
        admin = User.objects.get(username="admin")
        self.assertTrue(admin.is_superuser and admin.is_staff and admin.is_active)
        self.assertEqual(admin.email, "admin@palangkaraya.go.id")
        self.assertTrue(admin.check_password(DEMO_PASSWORD))
        for username in ("penulis", "kasubbag", "kepala", "adminweb", "kasi"):
            self.assertIn(username, DEMO_USERS)
        for username in DEMO_USERS:
            user = User.objects.get(username=username)
            self.assertTrue(user.is_active)
            self.assertFalse(user.is_superuser)
            self.assertTrue(user.get_full_name())
            self.assertTrue(user.check_password(DEMO_PASSWORD), username)
        # Each demo user works in its SOP group (issue 3, point 3).
        expected = {
            "penulis": "Pembuat Artikel",
            "kasubbag": "Kasubbag Perencanaan IT dan Pelaporan",
            "kepala": "Kepala",
            "adminweb": "Admin Website",
            "kasi": "Kasi Kehumasan dan Layanan Informasi",
            "redaktur": "Tim Pengelola Media Center",
            "operator": "Admin / Operator",
            "reporter": "Reporter / Kontributor",
        }
        for username, group in expected.items():
            self.assertEqual(
                list(
                    User.objects.get(username=username).groups.values_list(
                        "name", flat=True
                    )
                ),
                [group],
            )
        self.assertFalse(admin.groups.exists())

    def test_images_are_generated_files_in_the_sites_collections(self):
        news = NewsPage.objects.select_related("main_image")
        media_center = Collection.objects.get(name="Media Center")
        for item in news:
            image = item.main_image
            self.assertEqual((image.width, image.height), (1200, 800))
            self.assertTrue(image.file.storage.exists(image.file.name))
            self.assertEqual(image.collection, media_center)
            self.assertTrue(image.file_hash)
        info_publik = Collection.objects.get(name="Info Publik")
        with_image = ArticlePage.objects.exclude(main_image=None)
        self.assertGreater(with_image.count(), 0)
        for article in with_image:
            self.assertEqual(article.main_image.collection, info_publik)
            self.assertTrue(article.main_image_alt)

    def test_news_are_complete_and_spread_over_the_last_two_months(self):
        now = timezone.now()
        # Their copies on Info Publik and the portal are the same, and dated so.
        news = list(NewsPage.objects.live().prefetch_related("tags"))
        published = [item.first_published_at for item in news]
        self.assertGreater(max(published) - min(published), datetime.timedelta(days=30))
        self.assertGreaterEqual(len({moment.date() for moment in published}), 20)
        quotes = 0
        for item in news:
            self.assertLessEqual(item.first_published_at, now)
            self.assertGreater(
                item.first_published_at, now - datetime.timedelta(days=61)
            )
            self.assertEqual(item.last_published_at, item.first_published_at)
            self.assertLess(item.event_at, item.first_published_at)
            self.assertLess(
                item.first_published_at - item.event_at, datetime.timedelta(hours=6)
            )
            self.assertIsNotNone(item.rubric_id)
            self.assertIsNotNone(item.main_image_id)
            self.assertIsNotNone(item.writer_id)
            self.assertIsNotNone(item.source_agency_id)
            self.assertTrue(item.main_image_alt and item.main_image_caption)
            self.assertTrue(item.main_image_credit.startswith("MC Palangka Raya/"))
            self.assertIn(item.place, {"Palangka Raya", *KELURAHAN})
            self.assertTrue(2 <= len(item.tags.all()) <= 4, item.title)
            kinds = [block.block_type for block in item.body]
            self.assertGreaterEqual(kinds.count("paragraph"), 3)
            quotes += "quote" in kinds
        self.assertGreater(quotes, 10)
        self.assertEqual(len({item.rubric_id for item in news}), 7)

    def test_news_index_lists_newest_first(self):
        # Created oldest first, so the page tree and the dates agree. (Drafts
        # in an SOP workflow have no publication date yet.)
        news = list(NewsPage.objects.live().filter(alias_of=None).order_by("path"))
        self.assertEqual(news, sorted(news, key=lambda item: item.first_published_at))

    def test_announcements_current_expired_and_open_ended(self):
        today = timezone.localdate()
        announcements = AnnouncementPage.objects.all()
        expired = [
            item
            for item in announcements
            if item.valid_until and item.valid_until < today
        ]
        open_ended = [item for item in announcements if item.valid_until is None]
        self.assertEqual(len(expired), 2)
        self.assertEqual(len(open_ended), 1)
        current = [item for item in announcements if item.is_valid_today]
        self.assertEqual(len(current), announcements.count() - len(expired))
        self.assertGreater(len(current), len(expired))

    def test_duty_rosters_for_this_month_and_the_next(self):
        today = timezone.localdate()
        this_month = today.replace(day=1)
        next_month = (this_month + datetime.timedelta(days=32)).replace(day=1)
        self.assertEqual(
            list(DutyRoster.objects.order_by("month").values_list("month", flat=True)),
            [this_month, next_month],
        )
        self.assertEqual(DutyShift.objects.filter(date=today).count(), 2)
        self.assertEqual(DutyOfficer.objects.filter(shift__date=today).count(), 8)
        # Nobody is in two overlapping shifts (the admin's rule holds for the demo).
        for officer in DutyOfficer.objects.select_related("shift")[:200]:
            self.assertFalse(
                DutyOfficer.objects.filter(
                    person=officer.person_id,
                    shift__date=officer.shift.date,
                    shift__starts_at__lt=officer.shift.ends_at,
                    shift__ends_at__gt=officer.shift.starts_at,
                )
                .exclude(pk=officer.pk)
                .exists()
            )

    def test_leaders_agenda_around_today(self):
        self.assertEqual(
            list(Official.objects.values_list("name", flat=True)[:3]),
            ["Wali Kota", "Wakil Wali Kota", "Sekretaris Daerah"],
        )
        self.assertEqual(Official.objects.filter(name__startswith="Asisten").count(), 3)
        today = timezone.localdate()
        # The 20 of the agenda, and the two behind the newest published news.
        items = list(AgendaItem.objects.prefetch_related("officials"))
        self.assertEqual(len(items), 22)
        past = [item for item in items if item.date < today]
        upcoming = [item for item in items if item.date > today]
        self.assertGreaterEqual(len(past), 6)
        self.assertGreaterEqual(len(upcoming), 6)
        self.assertTrue(
            any(item.date == today + datetime.timedelta(days=1) for item in upcoming)
        )
        for item in items:
            self.assertTrue(item.officials.all(), item.activity)
            self.assertLessEqual(item.created_at, timezone.now())
        # Entered late (less than H-1): some of the past ones, and today's.
        self.assertGreaterEqual(sum(item.is_late for item in past), 3)
        self.assertTrue(any(item.is_late for item in items if item.date == today))
        self.assertTrue(any(not item.is_late for item in items))
        cancelled = [item for item in items if item.status == AgendaStatus.CANCELLED]
        self.assertEqual(len(cancelled), 1)
        self.assertGreater(cancelled[0].date, today)
        self.assertGreater(cancelled[0].sequence, 0)
        represented = [
            item for item in items if item.status == AgendaStatus.REPRESENTED
        ]
        self.assertEqual(len(represented), 1)
        self.assertTrue(represented[0].represented_by)
        self.assertEqual(len([item for item in items if not item.is_public]), 2)

        page = AgendaPage.objects.get()
        self.assertEqual((page.title, page.slug), ("Agenda Pimpinan", "agenda"))
        self.assertTrue(page.live and page.show_in_menus and page.intro)

    def test_assignments_in_every_state_traced_to_agenda_and_news(self):
        assignments = list(
            Assignment.objects.select_related("agenda_item", "news").prefetch_related(
                "reporters", "photographers"
            )
        )
        self.assertEqual(
            {assignment.state for assignment in assignments}, set(AssignmentState)
        )
        self.assertTrue(any(a.agenda_item is None for a in assignments))
        for assignment in assignments:
            self.assertTrue(assignment.reporters.all(), assignment.activity)
            self.assertEqual(
                assignment.news_id is not None,
                assignment.state
                in (AssignmentState.SUBMITTED, AssignmentState.PUBLISHED),
            )
            if assignment.news is not None:
                self.assertEqual(assignment.news.title, assignment.activity)
                self.assertIsNotNone(assignment.submitted_at)
        published = [a for a in assignments if a.state == AssignmentState.PUBLISHED]
        self.assertGreaterEqual(len(published), 2)
        for assignment in published:
            self.assertTrue(assignment.news.live)
            self.assertEqual(assignment.agenda_item.activity, assignment.news.title)
            self.assertEqual(
                assignment.news.first_published_at, assignment.published_at
            )
        # Filed on time and late, both shown.
        labels = {a.filing_label().split(" ")[0] for a in published}
        self.assertEqual(labels, {"tepat", "terlambat"})
        (submitted,) = [a for a in assignments if a.state == AssignmentState.SUBMITTED]
        self.assertTrue(submitted.news.workflow_in_progress)

    def test_second_run_creates_and_changes_nothing(self):
        before = content_counts()
        news = NewsPage.objects.order_by("path").first()

        output = StringIO()
        call_command("seed_demo", "--force", stdout=output)

        self.assertEqual(content_counts(), before)
        news_after = NewsPage.objects.get(pk=news.pk)
        self.assertEqual(news_after.last_published_at, news.last_published_at)
        self.assertEqual(news_after.latest_revision_id, news.latest_revision_id)

    def test_pages_an_editor_changed_are_left_alone(self):
        editor = get_user_model().objects.get(username="redaktur")
        news = NewsPage.objects.order_by("path").first()
        news.lead = "Diubah redaktur."
        news.save_revision(user=editor).publish(
            user=editor, skip_permission_checks=True
        )
        home = PortalHomePage.objects.get()
        home.intro = ""
        home.save_revision(user=editor).publish(
            user=editor, skip_permission_checks=True
        )
        identity = SiteIdentity.objects.get(site__hostname=PORTAL_HOST)
        identity.phone = "0536-123"
        identity.save()

        call_command("seed_demo", "--force", stdout=StringIO())

        self.assertEqual(NewsPage.objects.get(pk=news.pk).lead, "Diubah redaktur.")
        self.assertEqual(PortalHomePage.objects.get().intro, "")
        self.assertEqual(
            SiteIdentity.objects.get(site__hostname=PORTAL_HOST).phone, "0536-123"
        )

    def test_content_shows_on_the_three_sites(self):
        news = NewsPage.objects.live().order_by("-first_published_at").first()
        for host, path in (
            (MEDIA_CENTER_HOST, "/"),
            (MEDIA_CENTER_HOST, "/berita/"),
            (MEDIA_CENTER_HOST, "/agenda/"),
            (MEDIA_CENTER_HOST, "/agenda/kalender/"),
            (MEDIA_CENTER_HOST, news.get_url_parts()[2]),
            (INFOPUBLIK_HOST, "/"),
            (INFOPUBLIK_HOST, "/artikel/"),
            (PORTAL_HOST, "/"),
            (PORTAL_HOST, "/pengumuman/"),
            (PORTAL_HOST, "/profil-kota/"),
        ):
            with self.subTest(host=host, path=path):
                response = self.client.get(path, HTTP_HOST=host)
                self.assertEqual(response.status_code, 200)
        response = self.client.get("/", HTTP_HOST=MEDIA_CENTER_HOST)
        self.assertContains(response, news.title)
        # The portal's home shows the leaders' next public activities.
        response = self.client.get("/", HTTP_HOST=PORTAL_HOST)
        self.assertTrue(response.context["agenda"])
        self.assertContains(response, f'href="http://{MEDIA_CENTER_HOST}/agenda/"')


class SeedDemoPlanTests(SimpleTestCase):
    def test_same_seed_draws_the_same_titles(self):
        now = timezone.now()
        first = [
            plan.title for plan in plan_news(demo_rng(2026, "media-center"), now=now)
        ]
        later = now + datetime.timedelta(days=3)
        again = [
            plan.title for plan in plan_news(demo_rng(2026, "media-center"), now=later)
        ]
        other = [plan.title for plan in plan_news(demo_rng(7, "media-center"), now=now)]

        self.assertEqual(first, again)
        self.assertNotEqual(first, other)
        self.assertGreaterEqual(len(first), 36)
        self.assertEqual(len(set(first)), len(first))


@override_settings(DEBUG=False)
class SeedDemoRefusalTests(SimpleTestCase):
    # A SimpleTestCase: touching the database would fail the test, so this
    # also shows that nothing is written before the refusal.
    def test_refuses_without_force_when_debug_is_off(self):
        with self.assertRaisesMessage(CommandError, "--force"):
            call_command("seed_demo", stdout=StringIO())
