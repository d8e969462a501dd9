"""
The publication audit report and the published versions of a page (issue
point 4): built from archive records, filtered, exported, limited to what the
reader may see, in a fixed number of queries, and whole after people leave.
"""

import csv
import datetime
import io
import zoneinfo

from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from wagtail.admin.utils import get_user_display_name
from wagtail.models import Page

import openpyxl
import time_machine

from infopublik.factories import ArticlePageFactory, SectionFactory
from moderation import services as sop
from moderation.models import ArchiveRecord
from moderation.views.audit import EXPORT_COLUMNS
from portal.factories import AnnouncementPageFactory, UserFactory

from .utils import ContentSopTestCase

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
# Article A: submitted 2 March 2026 16.00 WIB, returned once by the Kepala,
# published 17.20 WIB.
A_SUBMITTED = datetime.datetime(2026, 3, 2, 16, 0, tzinfo=WIB)
# Article B (another writer, another section): published 10 March.
B_SUBMITTED = datetime.datetime(2026, 3, 10, 9, 0, tzinfo=WIB)
# An announcement published directly on the portal at 5 March 01.00 WIB,
# still 4 March in UTC: the date filter counts days in local time.
C_PUBLISHED = datetime.datetime(2026, 3, 5, 1, 0, tzinfo=WIB)
RETURN_REASON = "Sebutkan sumber data BPS."

REPORT_URL = "/admin/reports/publication-audit/"


def column(name):
    return list(EXPORT_COLUMNS).index(name)


def label(user):
    """A person as the record names them."""
    return f"{get_user_display_name(user)} ({user.username})"


class AuditReportTests(ContentSopTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.website_admin = UserFactory(username="adminweb", first_name="Dewi")
        cls.website_admin.groups.add(Group.objects.get(name=sop.WEBSITE_ADMIN))
        cls.superuser = UserFactory(username="admin", is_superuser=True)
        cls.other_section = SectionFactory(name="Bidang Kependudukan")
        # ContentSopTestCase's helpers, outside a test, so that the SOP runs
        # through the admin once for the whole class.
        runner = cls()
        runner.client = Client()
        cls.article_a = runner.run_a()
        cls.article_b = runner.run_b()
        with time_machine.travel(C_PUBLISHED, tick=False):
            cls.announcement = AnnouncementPageFactory(
                parent=cls.announcement_index,
                title="Pengumuman Libur Nasional",
                publish=False,
            )
            cls.announcement.save_revision(user=cls.superuser).publish(
                user=cls.superuser
            )
        cls.record_a = ArchiveRecord.objects.get(page=cls.article_a)
        cls.record_b = ArchiveRecord.objects.get(page=cls.article_b)
        cls.record_c = ArchiveRecord.objects.get(page=cls.announcement)

    def run_a(self):
        """Writer submits; Kasubbag approves; Kepala returns; resubmitted; published."""
        with time_machine.travel(A_SUBMITTED, tick=False) as clock:
            page = self.submit_article(self.writer)
            clock.shift(datetime.timedelta(minutes=10))
            self.act(self.section_head, page, "approve")
            clock.shift(datetime.timedelta(minutes=50))
            self.act(self.head, page, "reject", RETURN_REASON)
            clock.shift(datetime.timedelta(minutes=5))
            self.client.force_login(self.writer)
            response = self.client.post(
                reverse("wagtailadmin_pages:edit", args=(page.pk,)),
                self.article_form(
                    page.title,
                    "Data 2026, sumber BPS.",
                    slug=page.slug,
                    **{"action-submit": "1"},
                ),
            )
            self.assertEqual(response.status_code, 302)
            clock.shift(datetime.timedelta(minutes=5))
            self.act(self.section_head, page, "approve")
            clock.shift(datetime.timedelta(minutes=5))
            self.act(self.head, page, "approve")
            clock.shift(datetime.timedelta(minutes=5))
            self.act(self.website_admin, page, "approve")
        page.refresh_from_db()
        self.assertTrue(page.live)
        return page

    def run_b(self):
        """Another writer's article in another section, approved at every step."""
        with time_machine.travel(B_SUBMITTED, tick=False) as clock:
            self.client.force_login(self.writer_and_section_head)
            response = self.client.post(
                f"/admin/pages/add/infopublik/articlepage/{self.article_index.pk}/",
                self.article_form(
                    "Profil Kependudukan 2026",
                    section=self.other_section.pk,
                    **{"action-submit": "1"},
                ),
            )
            self.assertEqual(response.status_code, 302)
            page = Page.objects.get(title="Profil Kependudukan 2026").specific
            for user in (self.section_head, self.head, self.website_admin):
                clock.shift(datetime.timedelta(minutes=15))
                self.act(user, page, "approve")
        page.refresh_from_db()
        self.assertTrue(page.live)
        return page

    def report(self, user, **params):
        self.client.force_login(user)
        response = self.client.get(REPORT_URL, params)
        self.assertEqual(response.status_code, 200)
        return response

    def listed(self, response):
        return {record.pk for record in response.context["object_list"]}

    def export(self, user, export_format, **params):
        self.client.force_login(user)
        response = self.client.get(REPORT_URL, {"export": export_format, **params})
        self.assertEqual(response.status_code, 200)
        content = b"".join(response.streaming_content)
        if export_format == "csv":
            return list(csv.reader(io.StringIO(content.decode("utf-8"))))
        workbook = openpyxl.load_workbook(io.BytesIO(content))
        return [list(row) for row in workbook.active.iter_rows(values_only=True)]

    # The record and the report -------------------------------------------------

    def test_the_report_lists_the_version_with_everyone_who_acted(self):
        response = self.report(self.superuser, sop="content")
        record = next(
            r for r in response.context["object_list"] if r.pk == self.record_a.pk
        )
        self.assertEqual(record.writer, label(self.writer))
        self.assertEqual(
            [(step.step, step.username) for step in record.approvals],
            [
                ("Pemeriksaan Kasubbag", "kasubbag"),
                ("Persetujuan Kepala", "kepala"),
                ("Entri dan Publikasi Admin Website", "adminweb"),
            ],
        )
        self.assertEqual(
            [(step.step, step.username, step.reason) for step in record.returns],
            [("Persetujuan Kepala", "kepala", RETURN_REASON)],
        )
        self.assertEqual(record.publisher, label(self.website_admin))
        self.assertContains(response, "Rilis Data Penduduk")
        self.assertContains(
            response,
            reverse("moderation_published_versions", args=(self.article_a.pk,)),
        )
        self.assertContains(response, RETURN_REASON)
        self.assertContains(response, label(self.writer))
        self.assertContains(response, label(self.website_admin))
        # Published 17.20 WIB, the Kepala's return at 17.00 WIB.
        self.assertContains(response, "17.20 WIB")
        self.assertContains(response, "17.00 WIB")
        self.assertContains(response, self.record_a.content_sha256[:12])

    def test_date_range_in_local_days(self):
        response = self.report(
            self.superuser,
            published_at_from="2026-03-01",
            published_at_to="2026-03-04",
        )
        self.assertEqual(self.listed(response), {self.record_a.pk})
        response = self.report(
            self.superuser,
            published_at_from="2026-03-05",
            published_at_to="2026-03-31",
        )
        self.assertEqual(self.listed(response), {self.record_b.pk, self.record_c.pk})

    def test_site_filter(self):
        march = {"published_at_from": "2026-03-01", "published_at_to": "2026-03-31"}
        response = self.report(self.superuser, site=self.portal_site.pk, **march)
        self.assertEqual(self.listed(response), {self.record_c.pk})
        self.assertNotContains(response, "Rilis Data Penduduk")
        response = self.report(self.superuser, site=self.infopublik_site.pk, **march)
        self.assertEqual(self.listed(response), {self.record_a.pk, self.record_b.pk})

    def test_section_filter(self):
        response = self.report(self.superuser, section="Bidang Statistik")
        self.assertEqual(self.listed(response), {self.record_a.pk})
        response = self.report(self.superuser, section="Bidang Kependudukan")
        self.assertEqual(self.listed(response), {self.record_b.pk})
        self.assertNotContains(response, "Rilis Data Penduduk")

    def test_sop_filter(self):
        response = self.report(self.superuser, sop="news")
        self.assertFalse(
            {self.record_a.pk, self.record_b.pk, self.record_c.pk}
            & self.listed(response)
        )

    # Exports -------------------------------------------------------------------

    def assert_row_of_a(self, row):
        self.assertEqual(row[column("page_title")], "Rilis Data Penduduk")
        self.assertEqual(row[column("site_name")], self.record_a.site_name)
        self.assertEqual(
            row[column("addresses")],
            "http://infopublik.localhost/artikel/rilis-data-penduduk/",
        )
        self.assertEqual(row[column("section")], "Bidang Statistik")
        self.assertEqual(
            str(row[column("revision_number")]), str(self.record_a.revision_number)
        )
        self.assertEqual(row[column("published_at")], "2026-03-02 17:20 WIB")
        self.assertEqual(row[column("written_by")], label(self.writer))
        approvals = row[column("approvals")].splitlines()
        self.assertEqual(len(approvals), 3)
        for line, expected in zip(
            approvals,
            (
                ("Pemeriksaan Kasubbag", "(kasubbag)", "2026-03-02 17:10 WIB"),
                ("Persetujuan Kepala", "(kepala)", "2026-03-02 17:15 WIB"),
                (
                    "Entri dan Publikasi Admin Website",
                    label(self.website_admin),
                    "17:20 WIB",
                ),
            ),
            strict=True,
        ):
            for part in expected:
                self.assertIn(part, line)
        returns = row[column("returns")]
        for part in ("Persetujuan Kepala", "(kepala)", "2026-03-02 17:00 WIB"):
            self.assertIn(part, returns)
        self.assertIn(RETURN_REASON, returns)
        self.assertEqual(row[column("published_by")], label(self.website_admin))
        self.assertEqual(row[column("content_sha256")], self.record_a.content_sha256)
        self.assertIn(row[column("archived_at")], ("", None))

    def test_csv_export(self):
        rows = self.export(self.superuser, "csv", section="Bidang Statistik")
        self.assertEqual(len(rows), 2)
        self.assertEqual(len(rows[0]), len(EXPORT_COLUMNS))
        self.assert_row_of_a(rows[1])

    def test_xlsx_export(self):
        rows = self.export(self.superuser, "xlsx", section="Bidang Statistik")
        self.assertEqual(len(rows), 2)
        self.assertEqual(len(rows[0]), len(EXPORT_COLUMNS))
        self.assert_row_of_a(rows[1])

    def test_export_of_an_archived_version(self):
        ArchiveRecord.objects.filter(pk=self.record_b.pk).update(
            archived_at=datetime.datetime(2026, 3, 11, 8, 0, tzinfo=WIB),
            archived_by_name="Dewi",
            archived_by_username="adminweb",
        )
        rows = self.export(self.superuser, "csv", section="Bidang Kependudukan")
        self.assertEqual(rows[1][column("archived_at")], "2026-03-11 08:00 WIB")
        self.assertEqual(rows[1][column("archived_by")], "Dewi (adminweb)")
        self.assertEqual(rows[1][column("returns")], "")
        self.assertEqual(
            rows[1][column("written_by")], label(self.writer_and_section_head)
        )

    # Who sees what -------------------------------------------------------------

    def test_a_writer_sees_only_what_they_wrote(self):
        response = self.report(self.writer)
        self.assertEqual(self.listed(response), {self.record_a.pk})
        self.assertNotContains(response, "Profil Kependudukan 2026")
        # The section filter does not name other sections either.
        self.assertNotContains(response, "Bidang Kependudukan")
        rows = self.export(self.writer, "csv")
        self.assertEqual([row[0] for row in rows[1:]], ["Rilis Data Penduduk"])
        self.client.force_login(self.writer)
        url = reverse("moderation_published_versions", args=(self.article_b.pk,))
        self.assertEqual(self.client.get(url).status_code, 404)

    def test_reviewers_see_every_version_of_their_sop(self):
        response = self.report(self.head)
        self.assertTrue(
            {self.record_a.pk, self.record_b.pk, self.record_c.pk}
            <= self.listed(response)
        )

    def test_menu_item(self):
        url = reverse("moderation_audit_report")
        new_writer = UserFactory(username="baru")
        new_writer.groups.add(Group.objects.get(name=sop.WRITER))
        for user, shown in (
            (self.superuser, True),
            (self.section_head, True),
            (self.website_admin, True),
            (self.writer, True),  # wrote a published version
            (new_writer, False),
        ):
            with self.subTest(user=user.username):
                self.client.force_login(user)
                response = self.client.get("/admin/")
                self.assertEqual(response.status_code, 200)
                if shown:
                    self.assertContains(response, url)
                else:
                    self.assertNotContains(response, url)

    # Queries -------------------------------------------------------------------

    def counts(self):
        self.client.force_login(self.superuser)
        versions = reverse("moderation_published_versions", args=(self.article_a.pk,))
        return {
            "report": self.count_queries("testserver", REPORT_URL),
            "filtered": self.count_queries(
                "testserver", REPORT_URL, data={"section": "Bidang Statistik"}
            ),
            "xlsx": self.count_queries(
                "testserver", REPORT_URL, data={"export": "xlsx"}
            ),
            "versions": self.count_queries("testserver", versions),
        }

    def test_queries_do_not_grow_with_the_records(self):
        small = self.counts()
        self.article_a.refresh_from_db()
        for number in range(8):
            ArticlePageFactory(
                parent=self.article_index,
                title=f"Artikel {number}",
                section=self.section,
                owner=self.writer,
            )
            self.article_a.save_revision(user=self.superuser).publish(
                user=self.superuser
            )
        self.assertGreaterEqual(
            ArchiveRecord.objects.filter(page=self.article_a).count(), 9
        )
        large = self.counts()
        self.assertQueryCountsBounded(small, large, limit=15)

    # One page's published versions ---------------------------------------------

    def test_published_versions_show_the_chain(self):
        self.client.force_login(self.website_admin)
        url = reverse("moderation_published_versions", args=(self.article_a.pk,))
        self.assertEqual(
            url, f"/admin/moderation/pages/{self.article_a.pk}/published-versions/"
        )
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        [record] = response.context["records"]
        self.assertEqual(
            [(step.step, step.username, step.action) for step in record.chain],
            [
                ("", "penulis", "submitted"),
                ("Pemeriksaan Kasubbag", "kasubbag", "cancelled"),
                ("Persetujuan Kepala", "kepala", "rejected"),
                ("Pemeriksaan Kasubbag", "kasubbag", "approved"),
                ("Persetujuan Kepala", "kepala", "approved"),
                ("Entri dan Publikasi Admin Website", "adminweb", "approved"),
            ],
        )
        returned = record.chain[2]
        self.assertEqual(returned.reason, RETURN_REASON)
        self.assertEqual(returned.took, datetime.timedelta(minutes=50))
        self.assertEqual(returned.time_standard, datetime.timedelta(minutes=30))
        self.assertIs(returned.within_standard, False)
        self.assertIs(record.chain[3].within_standard, True)
        for text in (
            str(record.revision_number),
            "17.20 WIB",
            "http://infopublik.localhost/artikel/rilis-data-penduduk/",
            self.record_a.content_sha256,
            RETURN_REASON,
            "Dewi",
            "(adminweb)",
            "(kasubbag)",
            "(kepala)",
            "Entri dan Publikasi Admin Website",
        ):
            self.assertContains(response, text)

    def test_linked_from_the_page_history(self):
        self.client.force_login(self.website_admin)
        response = self.client.get(
            reverse("wagtailadmin_pages:history", args=(self.article_a.pk,))
        )
        self.assertEqual(response.status_code, 200)
        self.assertTemplateUsed(response, "wagtailadmin/pages/history.html")
        self.assertContains(
            response,
            reverse("moderation_published_versions", args=(self.article_a.pk,)),
        )
        # The history listing itself is still there.
        self.assertContains(response, 'id="listing-results"')

    def test_a_page_without_visible_versions(self):
        self.client.force_login(self.superuser)
        # Never published, but the user may edit it: an empty list that says so.
        draft = ArticlePageFactory(
            parent=self.article_index,
            title="Konsep",
            section=self.section,
            publish=False,
        )
        response = self.client.get(
            reverse("moderation_published_versions", args=(draft.pk,))
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.context["records"], [])
        # No such page and no records: not found.
        response = self.client.get(
            reverse("moderation_published_versions", args=(999999,))
        )
        self.assertEqual(response.status_code, 404)

    # The record outlives people and pages --------------------------------------

    def test_names_remain_after_the_users_are_deactivated(self):
        type(self.writer).objects.filter(
            pk__in=[
                self.writer.pk,
                self.section_head.pk,
                self.head.pk,
                self.website_admin.pk,
            ]
        ).update(is_active=False)
        rows = self.export(self.superuser, "csv", section="Bidang Statistik")
        self.assert_row_of_a(rows[1])
        self.client.force_login(self.superuser)
        response = self.client.get(
            reverse("moderation_published_versions", args=(self.article_a.pk,))
        )
        for text in ("(penulis)", "(kasubbag)", "(kepala)", "Dewi", RETURN_REASON):
            self.assertContains(response, text)

    def test_a_deleted_page_stays_in_the_report(self):
        Page.objects.get(pk=self.article_a.pk).delete()
        response = self.report(self.superuser, section="Bidang Statistik")
        self.assertEqual(self.listed(response), {self.record_a.pk})
        self.assertContains(response, "Rilis Data Penduduk")
        self.assertContains(response, RETURN_REASON)
        self.assertNotContains(
            response,
            reverse("moderation_published_versions", args=(self.article_a.pk,)),
        )
