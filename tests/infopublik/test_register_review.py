"""
The register entries needing the Admin Website's attention (issue 6, points 2
and 5): periodic information not published again for six months, and exempt
information whose exemption has ended, on the dashboard and in a report.
"""

import csv
import datetime
import io

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import openpyxl
import time_machine

from infopublik.factories import ReportPageFactory
from infopublik.models import InformationCategory
from moderation.services import WEBSITE_ADMIN, WRITER
from portal.factories import UserFactory
from tests.utils import SitesTestCase, group_member

WIB = datetime.timezone(datetime.timedelta(hours=7))
NOW = datetime.datetime(2026, 11, 23, 9, 0, tzinfo=WIB)
SEVEN_MONTHS_AGO = datetime.datetime(2026, 4, 23, 8, 30, tzinfo=WIB)
FIVE_MONTHS_AGO = datetime.datetime(2026, 6, 23, 10, 30, tzinfo=WIB)
# Made before any of the dates above, so that every exemption ends after it.
MADE_ON = datetime.date(2025, 1, 10)


def periodic(title, published_at, **fields):
    """A periodic entry of the register, published at ``published_at``."""
    with time_machine.travel(published_at, tick=False):
        return ReportPageFactory(
            title=title, made_on=MADE_ON, first_published_at=published_at, **fields
        )


def exempt(title, ends_on, **fields):
    """An exempt entry whose exemption ends on ``ends_on``."""
    return ReportPageFactory(
        title=title,
        category=InformationCategory.EXEMPT,
        period="",
        made_on=MADE_ON,
        legal_basis="17h",
        consequence="Membuka data pribadi pemohon bantuan sosial.",
        exemption_period="Sampai penyaluran bantuan selesai",
        exemption_ends_on=ends_on,
        **fields,
    )


class RegisterReviewTestCase(SitesTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.admin_website = group_member("adminweb", WEBSITE_ADMIN)
        cls.writer = group_member("penulis", WRITER)

    def setUp(self):
        super().setUp()
        traveller = time_machine.travel(NOW, tick=False)
        traveller.start()
        self.addCleanup(traveller.stop)

    def periodic(self, title, published_at, **fields):
        return periodic(title, published_at, parent=self.register_index, **fields)

    def exempt(self, title, ends_on, **fields):
        with time_machine.travel(FIVE_MONTHS_AGO, tick=False):
            return exempt(title, ends_on, parent=self.register_index, **fields)

    def report(self, user=None, **params):
        self.client.force_login(user or self.admin_website)
        return self.client.get(reverse("register_review_report"), params)

    def titles(self, response):
        self.assertEqual(response.status_code, 200)
        return [page.title for page in response.context["object_list"]]

    def export(self, export_format, **params):
        response = self.report(export=export_format, **params)
        self.assertEqual(response.status_code, 200)
        return b"".join(response.streaming_content)


class RegisterReviewTests(RegisterReviewTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.stale = periodic(
            "LKjIP Semester II 2025", SEVEN_MONTHS_AGO, parent=cls.register_index
        )
        cls.fresh = periodic(
            "LKjIP Semester I 2026", FIVE_MONTHS_AGO, parent=cls.register_index
        )
        with time_machine.travel(FIVE_MONTHS_AGO, tick=False):
            cls.ended = exempt(
                "Data Penerima Bansos 2025",
                datetime.date(2026, 11, 1),
                parent=cls.register_index,
            )
            cls.ends_today = exempt(
                "Dokumen Lelang Jembatan Kahayan",
                NOW.date(),
                parent=cls.register_index,
            )
            cls.ends_next_year = exempt(
                "Hasil Audit Internal 2026",
                datetime.date(2027, 6, 30),
                parent=cls.register_index,
            )

    def test_stale_periodic_and_ended_exemptions_are_flagged(self):
        response = self.report()
        # The longest due first: the exemption ended on 1 November, the
        # periodic entry is due since 23 October (six months after 23 April).
        self.assertEqual(
            self.titles(response),
            [
                "LKjIP Semester II 2025",
                "Data Penerima Bansos 2025",
                "Dokumen Lelang Jembatan Kahayan",
            ],
        )
        # Each title leads to its editor.
        for page in (self.stale, self.ended, self.ends_today):
            self.assertContains(
                response, reverse("wagtailadmin_pages:edit", args=(page.pk,))
            )
        self.assertNotContains(
            response, reverse("wagtailadmin_pages:edit", args=(self.fresh.pk,))
        )

    def test_the_reason_filter(self):
        self.assertEqual(
            self.titles(self.report(reason="stale")), ["LKjIP Semester II 2025"]
        )
        self.assertEqual(
            self.titles(self.report(reason="exemption_ended")),
            ["Data Penerima Bansos 2025", "Dokumen Lelang Jembatan Kahayan"],
        )
        results = self.client.get(
            reverse("register_review_report_results"), {"reason": "stale"}
        )
        self.assertEqual(self.titles(results), ["LKjIP Semester II 2025"])

    def test_republishing_the_stale_entry_unflags_it(self):
        # A new version is published (the SOP's last step publishes; outside
        # the SOP only a superuser may, as here through the admin).
        self.client.force_login(UserFactory(username="root", is_superuser=True))
        response = self.client.post(
            reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
            + f"?id={self.stale.pk}",
            {"include_descendants": ""},
        )
        self.assertEqual(response.status_code, 302)
        self.stale.refresh_from_db()
        self.assertEqual(self.stale.last_published_at, NOW)
        self.assertNotIn("LKjIP Semester II 2025", self.titles(self.report()))

    def test_six_calendar_months_not_182_days(self):
        published = datetime.datetime(2026, 5, 23, 10, 0, tzinfo=WIB)
        self.periodic("LPPD 2025", published)
        self.assertNotIn("LPPD 2025", self.titles(self.report()))
        with time_machine.travel(published.replace(month=11, minute=1), tick=False):
            response = self.report()
        self.assertIn("LPPD 2025", self.titles(response))
        self.assertContains(response, "23 Mei 2026, 6 bulan lalu")

    def test_a_newer_edition_replaces_the_stale_one(self):
        # The next semester's LKjIP names the edition it replaces: the older
        # one stays in the register, no longer to update, while the newer
        # one is live.
        newer = self.periodic(
            "LKjIP Semester I 2026 (Dinas)", FIVE_MONTHS_AGO, supersedes=self.stale
        )
        self.assertNotIn("LKjIP Semester II 2025", self.titles(self.report()))
        newer.unpublish()
        self.assertIn("LKjIP Semester II 2025", self.titles(self.report()))

    def test_an_unpublished_periodic_entry_is_not_flagged(self):
        # Withdrawn from the register: not the public's, nothing to update.
        self.stale.unpublish()
        self.assertNotIn("LKjIP Semester II 2025", self.titles(self.report()))

    def test_csv_export(self):
        rows = list(csv.reader(io.StringIO(self.export("csv").decode())))
        self.assertEqual(len(rows), 4)
        header, stale, ended, ends_today = rows
        self.assertEqual(len(header), 7)
        self.assertEqual(stale[0], "LKjIP Semester II 2025")
        self.assertEqual(stale[1], InformationCategory.PERIODIC.label)
        self.assertEqual(stale[2], str(self.stale.information_type))
        self.assertIn(str(self.stale.holder), stale[3])
        # Local time (WIB), as the Admin Website reads it.
        self.assertEqual(stale[5], "2026-04-23 08:30")
        self.assertEqual(stale[6], "")
        self.assertEqual(ended[0], "Data Penerima Bansos 2025")
        self.assertEqual(ended[6], "2026-11-01")
        self.assertEqual(ends_today[6], "2026-11-23")

        header, *rows = csv.reader(
            io.StringIO(self.export("csv", reason="exemption_ended").decode())
        )
        self.assertEqual(
            [row[0] for row in rows],
            ["Data Penerima Bansos 2025", "Dokumen Lelang Jembatan Kahayan"],
        )

    def test_xlsx_export(self):
        workbook = openpyxl.load_workbook(io.BytesIO(self.export("xlsx")))
        rows = list(workbook.active.iter_rows(values_only=True))
        self.assertEqual(len(rows), 4)
        stale, ended = rows[1], rows[2]
        self.assertEqual(stale[0], "LKjIP Semester II 2025")
        self.assertEqual(stale[5], datetime.datetime(2026, 4, 23, 8, 30))
        self.assertIsNone(stale[6])
        self.assertEqual(ended[0], "Data Penerima Bansos 2025")
        self.assertEqual(
            ended[6].date() if isinstance(ended[6], datetime.datetime) else ended[6],
            datetime.date(2026, 11, 1),
        )

    def test_the_dashboard_panel_for_the_admin_website(self):
        self.client.force_login(self.admin_website)
        response = self.client.get(reverse("wagtailadmin_home"))
        self.assertContains(response, 'id="register-review-heading"')
        report = reverse("register_review_report")
        self.assertContains(response, f'href="{report}?reason=stale"')
        self.assertContains(response, f'href="{report}?reason=exemption_ended"')
        for page in (self.stale, self.ended, self.ends_today):
            self.assertContains(
                response, reverse("wagtailadmin_pages:edit", args=(page.pk,))
            )
        self.assertNotContains(
            response, reverse("wagtailadmin_pages:edit", args=(self.ends_next_year.pk,))
        )

    def test_the_writer_sees_neither_the_panel_nor_the_report(self):
        self.client.force_login(self.writer)
        home = self.client.get(reverse("wagtailadmin_home"))
        self.assertEqual(home.status_code, 200)
        self.assertNotContains(home, 'id="register-review-heading"')
        # Not in the Reports menu either.
        self.assertNotContains(home, reverse("register_review_report"))
        # The report refuses on the server, whatever the menu shows.
        for name in ("register_review_report", "register_review_report_results"):
            with self.subTest(url=name):
                response = self.client.get(reverse(name))
                self.assertIn(response.status_code, (302, 403))
                response = self.client.get(reverse(name), {"export": "csv"})
                self.assertIn(response.status_code, (302, 403))

    def test_who_may_see_the_report(self):
        superuser = UserFactory(username="root", is_superuser=True)
        for user, allowed in (
            (self.admin_website, True),
            (superuser, True),
            (self.writer, False),
        ):
            with self.subTest(user=user.username):
                response = self.report(user)
                if allowed:
                    self.assertEqual(response.status_code, 200)
                else:
                    self.assertIn(response.status_code, (302, 403))

    def test_the_reasons_in_indonesian(self):
        # Visible text, in the Indonesian proposed for the catalog.
        response = self.report()
        self.assertContains(response, "Informasi publik perlu ditinjau")
        self.assertContains(
            response,
            "perlu diperbarui: versi terakhir terbit 23 April 2026, 7 bulan lalu",
        )
        self.assertContains(
            response, "pengecualian berakhir 1 November 2026: klasifikasi ulang"
        )
        self.client.force_login(self.admin_website)
        home = self.client.get(reverse("wagtailadmin_home"))
        self.assertContains(home, "Informasi publik perlu ditinjau")
        self.assertContains(
            home,
            "1 informasi berkala tidak diterbitkan ulang selama enam bulan: "
            "perlu diperbarui",
        )


class RegisterReviewEmptyTests(RegisterReviewTestCase):
    def test_no_panel_when_nothing_needs_attention(self):
        self.periodic("LKjIP Semester I 2026", FIVE_MONTHS_AGO)
        self.exempt("Hasil Audit Internal 2026", datetime.date(2027, 6, 30))
        self.client.force_login(self.admin_website)
        response = self.client.get(reverse("wagtailadmin_home"))
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, 'id="register-review-heading"')
        # The report stays in the Reports menu, and is empty.
        self.assertContains(response, reverse("register_review_report"))
        self.assertEqual(self.titles(self.report()), [])


class RegisterReviewQueryCountTests(RegisterReviewTestCase):
    def flag(self, count, start):
        for number in range(start, start + count):
            if number % 2:
                self.periodic(f"Laporan Berkala {number}", SEVEN_MONTHS_AGO)
            else:
                self.exempt(f"Informasi Dikecualikan {number}", NOW.date())

    def counts(self):
        """Queries of the report, its CSV export and the dashboard, warm."""
        self.client.force_login(self.admin_website)
        counts = {}
        for name, url, params in (
            ("report", reverse("register_review_report"), {}),
            ("csv", reverse("register_review_report"), {"export": "csv"}),
            ("dashboard", reverse("wagtailadmin_home"), {}),
        ):
            first = self.client.get(url, params)
            if params:
                b"".join(first.streaming_content)
            with CaptureQueriesContext(connection) as queries:
                response = self.client.get(url, params)
                self.assertEqual(response.status_code, 200)
                if params:
                    b"".join(response.streaming_content)
            counts[name] = len(queries)
        return counts

    def test_the_queries_do_not_grow_with_the_entries(self):
        self.flag(3, 0)
        small = self.counts()
        self.flag(17, 3)
        large = self.counts()
        self.assertEqual(len(self.titles(self.report())), 20)
        self.assertEqual(small, large)
