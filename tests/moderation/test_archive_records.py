"""
The archive record of every publication (issue 8, points 1, 2 and 5): made
by every route, a snapshot that outlives its rows, the archive step with its
due times, and evidence nobody edits.
"""

import datetime
import hashlib
import io
import zoneinfo

from django.contrib.auth.models import Group
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, get_resolver, reverse

from wagtail.admin.utils import get_user_display_name
from wagtail.models import ModelLogEntry

import time_machine

from infopublik.factories import ArticlePageFactory
from media_center.factories import NewsPageFactory
from media_center.models import NewsPage
from moderation import digests, notifications
from moderation import services as sop
from moderation.models import ArchiveRecord, SOPTask
from portal.factories import UserFactory
from tests.utils import group_member

from .utils import ContentSopTestCase

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
MONDAY_9 = datetime.datetime(2026, 12, 7, 9, 0, tzinfo=WIB)


class ArchiveTestCase(ContentSopTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.website_admin = group_member("adminweb", sop.WEBSITE_ADMIN)
        cls.operator = group_member("operator", sop.OPERATOR)
        cls.superuser = UserFactory(
            username="super", is_superuser=True, first_name="Super"
        )

    def publish_through_the_sop(self, title="Rilis Data Penduduk"):
        """The content SOP from submission to publication, 10 minutes a step."""
        with time_machine.travel(MONDAY_9, tick=False) as clock:
            page = self.submit_article(self.writer, title=title)
            for user in (self.section_head, self.head, self.website_admin):
                clock.shift(datetime.timedelta(minutes=10))
                with self.captureOnCommitCallbacks(execute=True):
                    response, _step = self.act(user, page, "approve")
                self.assertEqual(response.status_code, 302)
        page.refresh_from_db()
        self.assertTrue(page.live)
        return page

    def inspect(self, record, user):
        self.client.force_login(user)
        return self.client.get(reverse("archive_record:inspect", args=(record.pk,)))

    def confirm(self, record, user, **overrides):
        self.client.force_login(user)
        data = {
            "captions_and_credits_checked": "on",
            "documents_checked": "on",
            "classification_code": "000.9.2",
            "retention_period": "2 tahun aktif, 3 tahun inaktif, musnah",
            "note": "",
            **overrides,
        }
        return self.client.post(
            reverse("archive_record:inspect", args=(record.pk,)), data, follow=True
        )


class RecordOfEveryRouteTests(ArchiveTestCase):
    def test_a_publication_through_the_sop(self):
        page = self.publish_through_the_sop()
        record = ArchiveRecord.objects.get(page=page)

        self.assertEqual(record.route, ArchiveRecord.Route.WORKFLOW)
        self.assertEqual(record.sop, "content")
        self.assertEqual(record.revision, page.live_revision)
        self.assertEqual(record.published_by, self.website_admin)
        self.assertEqual(record.published_by_username, "adminweb")
        self.assertEqual(record.written_by_username, "penulis")
        self.assertEqual(record.section, "Bidang Statistik")
        self.assertEqual(record.site, self.infopublik_site)
        self.assertEqual(
            record.locations[0]["url"],
            "http://infopublik.localhost/artikel/rilis-data-penduduk/",
        )
        self.assertEqual(
            record.content_sha256,
            digests.content_sha256(page.live_revision.content),
        )
        self.assertEqual(record.content["title"], "Rilis Data Penduduk")

        chain = record.approval_chain
        self.assertEqual(
            [(row["kind"], row["action"], row["username"]) for row in chain],
            [
                ("submitted", "submitted", "penulis"),
                ("step", "approved", "kasubbag"),
                ("step", "approved", "kepala"),
                ("step", "approved", "adminweb"),
            ],
        )
        self.assertEqual(
            [row["task"] for row in chain[1:]],
            [
                "Pemeriksaan Kasubbag",
                "Persetujuan Kepala",
                "Entri dan Publikasi Admin Website",
            ],
        )
        for row in chain[1:]:
            self.assertEqual(row["took_seconds"], 600)
            self.assertEqual(row["time_standard_seconds"], 1800)
            self.assertTrue(row["within_standard"])
        self.assertEqual(record.published_at, MONDAY_9 + datetime.timedelta(minutes=30))
        self.assertEqual(
            record.due_at, record.published_at + datetime.timedelta(minutes=30)
        )
        self.assertIn("<title>Rilis Data Penduduk", record.html_snapshot)

    def test_a_return_for_correction_is_in_the_chain_with_its_reason(self):
        with time_machine.travel(MONDAY_9, tick=False) as clock:
            page = self.submit_article(self.writer)
            clock.shift(datetime.timedelta(minutes=10))
            self.act(self.section_head, page, "approve")
            clock.shift(datetime.timedelta(minutes=45))
            self.act(
                self.head, page, "reject", comment="Sumber data belum dicantumkan."
            )
            clock.shift(datetime.timedelta(minutes=5))
            self.client.force_login(self.writer)
            self.client.post(
                reverse("wagtailadmin_pages:edit", args=(page.pk,)),
                self.article_form(page.title, "Sumber: BPS.", **{"action-submit": "1"}),
            )
            for user in (self.section_head, self.head, self.website_admin):
                clock.shift(datetime.timedelta(minutes=10))
                self.act(user, page, "approve")
        record = ArchiveRecord.objects.get(page=page)
        returned = [row for row in record.approval_chain if row["action"] == "rejected"]
        self.assertEqual(len(returned), 1)
        self.assertEqual(returned[0]["username"], "kepala")
        self.assertEqual(returned[0]["reason"], "Sumber data belum dicantumkan.")
        self.assertFalse(returned[0]["within_standard"])
        self.assertIn("Sumber: BPS.", str(record.content))

    def test_a_direct_publication_by_a_superuser(self):
        page = ArticlePageFactory(
            parent=self.article_index, title="Profil Dinas", section=self.section
        )
        self.client.force_login(self.superuser)
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(
                reverse("wagtailadmin_pages:edit", args=(page.pk,)),
                self.article_form("Profil Dinas", "Baru.", **{"action-publish": "1"}),
            )
        record = ArchiveRecord.objects.filter(page=page).first()
        self.assertEqual(record.route, ArchiveRecord.Route.DIRECT)
        self.assertEqual(record.published_by, self.superuser)
        self.assertEqual(record.approval_chain, [])
        self.assertIn("Baru.", str(record.content))
        # The factory's own publication was recorded too: one per publication.
        self.assertEqual(ArchiveRecord.objects.filter(page=page).count(), 2)

    def test_a_scheduled_publication(self):
        page = ArticlePageFactory(
            parent=self.article_index,
            title="Jadwal",
            section=self.section,
            live=False,
            publish=False,
        )
        go_live = MONDAY_9 + datetime.timedelta(days=1)
        self.client.force_login(self.superuser)
        with time_machine.travel(MONDAY_9, tick=False):
            self.client.post(
                reverse("wagtailadmin_pages:edit", args=(page.pk,)),
                self.article_form(
                    "Jadwal",
                    "Terjadwal.",
                    go_live_at=go_live.strftime("%Y-%m-%d %H:%M"),
                    **{"action-publish": "1"},
                ),
            )
        self.assertFalse(ArchiveRecord.objects.filter(page=page).exists())
        with time_machine.travel(go_live + datetime.timedelta(minutes=1), tick=False):
            call_command("publish_scheduled", verbosity=0)
        record = ArchiveRecord.objects.get(page=page)
        self.assertEqual(record.route, ArchiveRecord.Route.SCHEDULED)
        self.assertEqual(record.published_by, self.superuser)
        self.assertEqual(record.published_at, go_live + datetime.timedelta(minutes=1))

    def test_news_on_three_sites_with_its_photo(self):
        with (
            time_machine.travel(MONDAY_9, tick=False),
            self.captureOnCommitCallbacks(execute=True),
        ):
            news = NewsPageFactory(
                parent=self.news_index,
                title="Wali Kota Resmikan Pasar",
                publish_to_infopublik=True,
                publish_to_portal=True,
            )
        record = ArchiveRecord.objects.get(page=news)
        self.assertIsNotNone(record.completed_at)
        self.assertEqual(record.sop, "news")
        self.assertEqual(
            sorted(location["site"] for location in record.locations),
            sorted(
                site.site_name
                for site in (
                    self.media_center_site,
                    self.infopublik_site,
                    self.portal_site,
                )
            ),
        )
        # Documented the next day (H+1): due at the end of Tuesday, WIB.
        self.assertEqual(
            record.due_at.astimezone(WIB).replace(microsecond=0),
            datetime.datetime(2026, 12, 8, 23, 59, 59, tzinfo=WIB),
        )
        (photo,) = record.files
        with news.main_image.file.open("rb") as stream:
            expected = hashlib.sha256(stream.read()).hexdigest()
        self.assertEqual(photo["kind"], "image")
        self.assertEqual(photo["sha256"], expected)
        self.assertEqual(photo["credit"], "MC Palangka Raya")
        # Found under each site it went live on, in the report and the archive.
        self.assertEqual(
            set(record.sites.all()),
            {self.media_center_site, self.infopublik_site, self.portal_site},
        )
        self.client.force_login(self.superuser)
        for url in (
            reverse("moderation_audit_report"),
            reverse("archive_record:index"),
        ):
            response = self.client.get(url, {"site": self.portal_site.pk})
            self.assertContains(response, "Wali Kota Resmikan Pasar")
        # The copies on the other sites are part of this publication, not new ones.
        copies = NewsPage.objects.filter(alias_of=news)
        self.assertEqual(copies.count(), 2)
        self.assertFalse(ArchiveRecord.objects.filter(page__in=copies).exists())
        self.assertEqual(ArchiveRecord.objects.filter(page=news).count(), 1)


class SnapshotOutlivesItsRowsTests(ArchiveTestCase):
    def test_deactivated_users_and_a_deleted_page(self):
        page = self.publish_through_the_sop()
        record = ArchiveRecord.objects.get(page=page)
        for user in (self.writer, self.head):
            user.is_active = False
            user.save()
        page.delete()
        record.refresh_from_db()
        self.assertIsNone(record.page)
        self.assertEqual(record.page_title, "Rilis Data Penduduk")
        self.assertEqual(record.written_by_name, get_user_display_name(self.writer))
        self.assertIn("kepala", [row["username"] for row in record.approval_chain])
        response = self.inspect(record, self.website_admin)
        self.assertContains(response, "Rilis Data Penduduk")
        self.assertContains(response, "(kepala)")


class EvidenceIsNotEditedTests(ArchiveTestCase):
    def test_a_record_cannot_be_changed_or_deleted(self):
        record = ArchiveRecord.objects.get(page=self.publish_through_the_sop())
        record.page_title = "Diubah"
        with self.assertRaises(PermissionDenied):
            record.save()
        with self.assertRaises(PermissionDenied):
            record.save(update_fields=["page_title"])
        with self.assertRaises(PermissionDenied):
            record.delete()
        with self.assertRaises(PermissionDenied):
            ArchiveRecord.objects.filter(pk=record.pk).delete()
        with self.assertRaises(PermissionDenied):
            ArchiveRecord.objects.filter(pk=record.pk).update(content_sha256="0")
        record.refresh_from_db()
        self.assertEqual(record.page_title, "Rilis Data Penduduk")

    def test_the_archive_step_and_the_checksums_are_set_once(self):
        with self.captureOnCommitCallbacks(execute=True):
            page = self.publish_through_the_sop()
        record = ArchiveRecord.objects.get(page=page)
        self.confirm(record, self.website_admin)
        updated = ArchiveRecord.objects.filter(pk=record.pk).update(
            classification_code="999"
        )
        self.assertEqual(updated, 0)
        updated = ArchiveRecord.objects.filter(pk=record.pk).update(
            html_snapshot="<p>lain</p>", files=[]
        )
        self.assertEqual(updated, 0)
        record.refresh_from_db()
        self.assertEqual(record.classification_code, "000.9.2")
        self.assertIn("Rilis Data Penduduk", record.html_snapshot)
        with self.assertRaises(PermissionDenied):
            record.save(update_fields=["classification_code"])

    def test_the_admin_has_no_way_to_edit_or_delete_records_or_log_entries(self):
        record = ArchiveRecord.objects.get(page=self.publish_through_the_sop())
        for name in ("add", "edit", "delete"):
            with self.assertRaises(NoReverseMatch):
                reverse(f"archive_record:{name}", args=(record.pk,))
        self.client.force_login(self.superuser)
        for path in (
            f"/admin/archive-records/edit/{record.pk}/",
            f"/admin/archive-records/delete/{record.pk}/",
        ):
            self.assertEqual(self.client.post(path).status_code, 404)
        response = self.client.get(reverse("archive_record:inspect", args=(record.pk,)))
        self.assertNotContains(response, "/delete/")
        # Wagtail's audit log is a read-only report: no view changes an entry.
        self.assertEqual(
            self.client.get(reverse("wagtailadmin_reports:site_history")).status_code,
            200,
        )
        names = [
            name
            for name in get_resolver().reverse_dict
            if isinstance(name, str) and "log" in name.lower()
        ]
        self.assertFalse([name for name in names if "delete" in name or "edit" in name])


class ArchiveStepTests(ArchiveTestCase):
    def test_the_website_admin_confirms_with_the_checklist(self):
        record = ArchiveRecord.objects.get(page=self.publish_through_the_sop())
        response = self.confirm(record, self.website_admin)
        self.assertContains(response, "diarsipkan")
        record.refresh_from_db()
        self.assertEqual(record.archived_by, self.website_admin)
        self.assertEqual(record.classification_code, "000.9.2")
        self.assertTrue(record.captions_and_credits_checked)
        self.assertTrue(
            ModelLogEntry.objects.filter(
                action="moderation.archive", object_id=str(record.pk)
            ).exists()
        )

    def test_missing_fields_are_named_and_nothing_is_lost(self):
        record = ArchiveRecord.objects.get(page=self.publish_through_the_sop())
        response = self.confirm(
            record,
            self.website_admin,
            classification_code="",
            documents_checked="",
            note="Foto asli ada di arsip dinas.",
        )
        self.assertContains(response, "Isi kode klasifikasi arsip.")
        self.assertContains(response, "Periksa dokumen pendukung lebih dulu.")
        self.assertContains(response, "Foto asli ada di arsip dinas.")
        record.refresh_from_db()
        self.assertIsNone(record.archived_at)

    def test_a_double_click_archives_once(self):
        record = ArchiveRecord.objects.get(page=self.publish_through_the_sop())
        self.confirm(record, self.website_admin)
        response = self.confirm(record, self.website_admin, classification_code="X")
        self.assertContains(response, "sudah diarsipkan")
        record.refresh_from_db()
        self.assertEqual(record.classification_code, "000.9.2")

    def test_only_the_archive_group_of_the_sop_confirms(self):
        record = ArchiveRecord.objects.get(page=self.publish_through_the_sop())
        # The writer and the Kepala read the record, without the form; the
        # news SOP's operator does not even read it.
        expected = {self.writer: 200, self.head: 200, self.operator: 404}
        for user, status in expected.items():
            with self.subTest(user=user.username):
                response = self.confirm(record, user)
                self.assertEqual(response.status_code, status)
                if status == 200:
                    self.assertContains(response, "Hanya grup yang menerbitkan")
                record.refresh_from_db()
                self.assertIsNone(record.archived_at)
        response = self.inspect(record, self.head)
        self.assertNotContains(response, 'name="classification_code"')
        response = self.inspect(record, self.website_admin)
        self.assertContains(response, 'name="classification_code"')

    def test_the_archive_group_follows_the_last_step_groups(self):
        record = ArchiveRecord.objects.get(page=self.publish_through_the_sop())
        last = SOPTask.objects.get(name="Entri dan Publikasi Admin Website")
        last.groups.set([Group.objects.get(name=sop.SECTION_HEAD)])
        self.confirm(record, self.website_admin)
        record.refresh_from_db()
        self.assertIsNone(record.archived_at)
        self.confirm(record, self.section_head)
        record.refresh_from_db()
        self.assertEqual(record.archived_by, self.section_head)


class ArchiveDueTimesTests(ArchiveTestCase):
    def test_content_is_due_in_thirty_minutes_and_shows_overdue(self):
        record = ArchiveRecord.objects.get(page=self.publish_through_the_sop())
        published = record.published_at
        self.client.force_login(self.website_admin)
        with time_machine.travel(
            published + datetime.timedelta(minutes=10), tick=False
        ):
            response = self.client.get(reverse("wagtailadmin_home"))
        self.assertContains(response, "sop-state--green")
        self.assertContains(response, "20 menit lagi")
        with time_machine.travel(
            published + datetime.timedelta(minutes=45), tick=False
        ):
            response = self.client.get(reverse("wagtailadmin_home"))
            self.assertContains(response, "sop-state--red")
            self.assertContains(response, "terlambat 15 menit")
            listing = self.client.get(
                reverse("archive_record:index"), {"state": "overdue"}
            )
        self.assertContains(listing, "Rilis Data Penduduk")
        self.confirm(record, self.website_admin)
        response = self.client.get(reverse("wagtailadmin_home"))
        self.assertNotContains(
            response, reverse("archive_record:inspect", args=(record.pk,))
        )

    def test_the_writer_does_not_see_the_archive_step_on_the_dashboard(self):
        self.publish_through_the_sop()
        self.client.force_login(self.writer)
        response = self.client.get(reverse("wagtailadmin_home"))
        self.assertNotContains(response, "Menunggu langkah arsip")

    @override_settings(WAGTAILADMIN_BASE_URL="https://warta.example")
    def test_reminders_due_soon_then_overdue_with_escalation(self):
        for user in (self.website_admin, self.section_head):
            user.email = f"{user.username}@example.test"
            user.save()
        record = ArchiveRecord.objects.get(page=self.publish_through_the_sop())
        mail.outbox.clear()
        published = record.published_at
        with time_machine.travel(
            published + datetime.timedelta(minutes=10), tick=False
        ):
            self.assertEqual(notifications.archive_reminders_send().reminders, 0)
        with time_machine.travel(
            published + datetime.timedelta(minutes=25), tick=False
        ):
            with self.captureOnCommitCallbacks(execute=True):
                run = notifications.archive_reminders_send()
            self.assertEqual(run.reminders, 1)
            self.assertEqual([m.to for m in mail.outbox], [["adminweb@example.test"]])
            self.assertEqual(notifications.archive_reminders_send().reminders, 0)
        mail.outbox.clear()
        with (
            time_machine.travel(published + datetime.timedelta(minutes=31), tick=False),
            self.captureOnCommitCallbacks(execute=True),
        ):
            call_command("send_sop_reminders", stdout=io.StringIO())
        recipients = {m.to[0] for m in mail.outbox}
        # The Admin Website, and the Kasubbag group it escalates to; not the writer.
        self.assertLessEqual(
            {"adminweb@example.test", "kasubbag@example.test"}, recipients
        )
        self.assertNotIn(self.writer.email, recipients)
        self.assertTrue(mail.outbox[0].subject.startswith("Langkah arsip terlambat"))
        self.assertIn(
            f"https://warta.example/admin/archive-records/inspect/{record.pk}/",
            next(m.body for m in mail.outbox if m.to == ["adminweb@example.test"]),
        )


class StructuralPagesTests(ArchiveTestCase):
    def test_a_media_center_page_without_a_workflow_is_the_news_sop_s(self):
        record = (
            ArchiveRecord.objects.filter(page=self.media_center_home)
            .order_by("-pk")
            .first()
        )
        self.assertEqual(record.sop, "news")
        record = (
            ArchiveRecord.objects.filter(page=self.infopublik_home)
            .order_by("-pk")
            .first()
        )
        self.assertEqual(record.sop, "content")


class WhoReadsRecordsTests(ArchiveTestCase):
    def test_the_record_s_history_for_its_readers_only(self):
        record = ArchiveRecord.objects.get(page=self.publish_through_the_sop())
        self.confirm(record, self.website_admin)
        url = reverse("archive_record:history", args=(record.pk,))
        self.client.force_login(self.head)
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Diarsipkan (SOP langkah 7)")
        self.client.force_login(self.operator)
        self.assertEqual(self.client.get(url).status_code, 404)

    def test_writers_read_only_what_they_wrote(self):
        own = ArchiveRecord.objects.get(page=self.publish_through_the_sop())
        other_writer = group_member("penulis3", sop.WRITER)
        self.assertEqual(self.inspect(own, self.writer).status_code, 200)
        self.assertEqual(self.inspect(own, other_writer).status_code, 404)
        self.client.force_login(other_writer)
        listing = self.client.get(reverse("archive_record:index"))
        self.assertNotContains(listing, "Rilis Data Penduduk")

    def test_each_sop_s_people_read_its_records(self):
        content = ArchiveRecord.objects.get(page=self.publish_through_the_sop())
        news = ArchiveRecord.objects.get(
            page=NewsPageFactory(parent=self.news_index, title="Berita Pasar")
        )
        self.assertEqual(self.inspect(content, self.head).status_code, 200)
        self.assertEqual(self.inspect(news, self.head).status_code, 404)
        self.assertEqual(self.inspect(news, self.operator).status_code, 200)
        self.assertEqual(self.inspect(content, self.operator).status_code, 404)

    def test_the_listing_reads_a_constant_number_of_queries(self):
        def count():
            self.client.force_login(self.website_admin)
            with CaptureQueriesContext(connection) as queries:
                response = self.client.get(reverse("archive_record:index"))
            self.assertEqual(response.status_code, 200)
            return len(queries)

        for index in range(2):
            ArticlePageFactory(
                parent=self.article_index, title=f"A{index}", section=self.section
            )
        small = count()
        for index in range(2, 12):
            ArticlePageFactory(
                parent=self.article_index, title=f"A{index}", section=self.section
            )
        self.assertEqual(count(), small)
        self.assertGreater(ArchiveRecord.objects.count(), 10)
