"""The dashboard's SOP panel: due times and traffic lights with frozen time."""

import datetime
import zoneinfo

from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import time_machine

from moderation import services as sop
from tests.moderation.utils import ContentSopTestCase

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
SUBMITTED = datetime.datetime(2026, 11, 23, 9, 0, tzinfo=WIB)


class SopDashboardTests(ContentSopTestCase):
    def dashboard(self, user, at):
        with time_machine.travel(at, tick=False):
            self.client.force_login(user)
            return self.client.get("/admin/")

    def submit_at(self, at):
        with time_machine.travel(at, tick=False):
            return self.submit_article(self.writer)

    def test_reviewer_sees_due_time_and_traffic_light(self):
        page = self.submit_at(SUBMITTED)

        green = self.dashboard(
            self.section_head, SUBMITTED + datetime.timedelta(minutes=10)
        )
        amber = self.dashboard(
            self.section_head, SUBMITTED + datetime.timedelta(minutes=25)
        )
        red = self.dashboard(
            self.section_head, SUBMITTED + datetime.timedelta(minutes=45)
        )

        for response in (green, amber, red):
            self.assertContains(response, "Langkah SOP dan tenggatnya")
            self.assertContains(response, page.title)
            self.assertContains(response, "Pemeriksaan Kasubbag")
            self.assertContains(response, "SOP Konten, langkah 4")
            self.assertContains(response, "23 Nov 2026 09.30 WIB")  # due
            self.assertContains(response, "Info Publik Kota Palangka Raya")
        self.assertContains(green, "sop-state--green")
        self.assertContains(green, "20 menit lagi")
        self.assertContains(amber, "sop-state--amber")
        self.assertContains(amber, "5 menit lagi")
        self.assertContains(red, "sop-state--red")
        self.assertContains(red, "terlambat 15 menit")

    def test_other_groups_do_not_see_the_step(self):
        self.submit_at(SUBMITTED)

        response = self.dashboard(self.head, SUBMITTED + datetime.timedelta(minutes=10))

        # The Kepala's compliance chart names every step; the step waiting
        # for the Kasubbag is not in their list of SOP steps to act on.
        content = response.content.decode()
        chart_start = content.index(
            '<section class="w-panel w-panel--dashboard sop-compliance"'
        )
        chart_end = content.index("</section>", chart_start)
        self.assertNotIn(
            "Pemeriksaan Kasubbag", content[:chart_start] + content[chart_end:]
        )

    def test_oldest_first(self):
        self.submit_at(SUBMITTED + datetime.timedelta(minutes=5))
        with time_machine.travel(SUBMITTED, tick=False):
            older = self.submit_article(self.writer, title="Laporan Lama")

        response = self.dashboard(
            self.section_head, SUBMITTED + datetime.timedelta(minutes=10)
        )

        content = response.content.decode()
        content = content[content.index("sop-deadlines-heading") :]
        self.assertLess(
            content.index(older.title), content.index("Rilis Data Penduduk")
        )

    def test_writer_sees_the_current_step_and_the_reason_for_a_return(self):
        page = self.submit_at(SUBMITTED)
        waiting = self.dashboard(
            self.writer, SUBMITTED + datetime.timedelta(minutes=10)
        )
        self.assertContains(waiting, "Pengajuan Anda")
        self.assertContains(waiting, "Pemeriksaan Kasubbag")
        self.assertContains(waiting, "20 menit lagi")

        with time_machine.travel(
            SUBMITTED + datetime.timedelta(minutes=12), tick=False
        ):
            self.act(
                self.section_head, page, "reject", "Sumber data belum dicantumkan."
            )
        returned = self.dashboard(
            self.writer, SUBMITTED + datetime.timedelta(minutes=15)
        )

        self.assertContains(returned, "Dikembalikan untuk diperbaiki 1 kali:")
        # Wagtail's own workflow panel speaks Indonesian too.
        self.assertContains(returned, "Perlu perbaikan pada")
        self.assertNotContains(returned, "Changes requested at")
        self.assertContains(returned, "Sumber data belum dicantumkan.")
        self.assertContains(returned, "Menunggu perbaikan Anda")

    def test_a_reviewer_who_may_not_act_is_told_why(self):
        both = Group.objects.get(name=sop.SECTION_HEAD)
        self.writer.groups.add(both)
        self.submit_at(SUBMITTED)

        response = self.dashboard(
            self.writer, SUBMITTED + datetime.timedelta(minutes=5)
        )

        self.assertContains(response, "Anda yang mengajukan konten ini")


class SopDashboardQueryTests(ContentSopTestCase):
    def test_panel_queries_do_not_grow_with_waiting_steps(self):
        from moderation.selectors import step_deadlines_awaiting

        def count():
            with CaptureQueriesContext(connection) as queries:
                rows = step_deadlines_awaiting(user=self.section_head, now=SUBMITTED)
            return len(rows), len(queries)

        self.submit_article(self.writer, title="Satu")
        count()  # fills Wagtail's cache of site root paths
        small = count()
        for number in range(5):
            self.submit_article(self.writer, title=f"Laporan {number}")
        large = count()

        self.assertEqual((small[0], large[0]), (1, 6))
        self.assertEqual(small[1], large[1])

    def test_dashboard_queries_do_not_grow_with_waiting_steps(self):
        def dashboard_queries():
            self.client.force_login(self.section_head)
            with CaptureQueriesContext(connection) as queries:
                response = self.client.get("/admin/")
            self.assertEqual(response.status_code, 200)
            return response, len(queries)

        self.submit_article(self.writer, title="Satu")
        self.submit_article(self.writer, title="Dua")
        dashboard_queries()  # fills Wagtail's per-process caches
        _, small = dashboard_queries()
        pages = [
            self.submit_article(self.writer, title=f"Laporan {number}")
            for number in range(10)
        ]
        response, large = dashboard_queries()
        self.assertEqual(small, large)
        # Wagtail's "Awaiting your review" still offers each step's actions.
        for page in pages:
            task_state = page.current_workflow_task_state
            self.assertContains(
                response,
                reverse(
                    "wagtailadmin_pages:workflow_action",
                    args=(page.pk, "approve", task_state.pk),
                ),
            )
