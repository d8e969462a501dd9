"""The duty roster (news SOP step 1) through its admin screens."""

import datetime
import io
import zoneinfo

from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data

import openpyxl
import time_machine

from media_center.models import DutyOfficer, DutyRoster, DutyShift
from moderation import services as sop
from portal.factories import UserFactory
from tests.utils import SitesTestCase

NOVEMBER = datetime.date(2026, 11, 1)
WIB = zoneinfo.ZoneInfo("Asia/Jakarta")


class DutyRosterTestCase(SitesTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()

        def member(username, group):
            user = UserFactory(username=username, first_name=username.title())
            user.groups.add(Group.objects.get(name=group))
            return user

        cls.kasi = member("kasi", sop.PUBLIC_RELATIONS_HEAD)
        cls.reporter = member("reporter", sop.REPORTER)
        cls.photographer = member("fotografer", sop.REPORTER)
        cls.writer = member("penulis", sop.WRITER)
        cls.roster = DutyRoster.objects.create(month=NOVEMBER)

    def shift_data(self, *, day="2026-11-24", starts="08:00", ends="14:00", officers):
        return nested_form_data(
            {
                "roster": self.roster.pk,
                "date": day,
                "starts_at": starts,
                "ends_at": ends,
                "note": "Rapat paripurna DPRD",
                "officers": inline_formset(
                    [
                        {"person": person.pk, "duty": duty, "substitute": ""}
                        for person, duty in officers
                    ],
                    min=1,
                ),
            }
        )

    def add_shift(self, user, **kwargs):
        self.client.force_login(user)
        return self.client.post(reverse("dutyshift:add"), self.shift_data(**kwargs))


class DutyRosterAdminTests(DutyRosterTestCase):
    def test_the_kasi_plans_a_shift(self):
        response = self.add_shift(
            self.kasi,
            officers=[(self.reporter, "reporter"), (self.photographer, "photographer")],
        )
        self.assertEqual(response.status_code, 302)
        shift = DutyShift.objects.get()
        self.assertEqual(
            {(o.person, o.duty) for o in shift.officers.all()},
            {(self.reporter, "reporter"), (self.photographer, "photographer")},
        )

    def test_a_shift_ends_after_it_starts(self):
        response = self.add_shift(
            self.kasi,
            starts="14:00",
            ends="08:00",
            officers=[(self.reporter, "reporter")],
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Shift harus berakhir setelah dimulai.")
        self.assertFalse(DutyShift.objects.exists())

    def test_days_inside_the_month(self):
        response = self.add_shift(
            self.kasi, day="2026-12-01", officers=[(self.reporter, "reporter")]
        )
        self.assertContains(response, "Tanggal itu tidak termasuk bulan jadwal")
        self.assertFalse(DutyShift.objects.exists())

    def test_nobody_in_two_overlapping_shifts(self):
        self.add_shift(self.kasi, officers=[(self.reporter, "reporter")])
        response = self.add_shift(
            self.kasi,
            starts="13:00",
            ends="20:00",
            officers=[(self.photographer, "photographer"), (self.reporter, "reporter")],
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "sudah bertugas pada 24 November 2026")
        self.assertEqual(DutyShift.objects.count(), 1)
        # Back to back is fine.
        response = self.add_shift(
            self.kasi,
            starts="14:00",
            ends="20:00",
            officers=[(self.reporter, "reporter")],
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(DutyOfficer.objects.filter(person=self.reporter).count(), 2)

    def test_the_media_center_reads_and_only_the_kasi_plans(self):
        self.client.force_login(self.reporter)
        self.assertEqual(self.client.get(reverse("dutyshift:index")).status_code, 200)
        self.assertEqual(self.client.get(reverse("dutyroster:index")).status_code, 200)
        self.add_shift(self.reporter, officers=[(self.reporter, "reporter")])
        self.assertFalse(DutyShift.objects.exists())
        self.client.force_login(self.writer)
        response = self.client.get(reverse("dutyshift:index"))
        self.assertRedirects(response, reverse("wagtailadmin_home"))

    def test_one_roster_per_month(self):
        self.client.force_login(self.kasi)
        response = self.client.post(
            reverse("dutyroster:add"), {"month": "2026-11-15", "note": ""}
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Jadwal untuk bulan ini sudah ada.")
        response = self.client.post(
            reverse("dutyroster:add"), {"month": "2026-12-15", "note": ""}
        )
        self.assertEqual(response.status_code, 302)
        self.assertTrue(DutyRoster.objects.filter(month="2026-12-01").exists())


class DutyRosterDashboardTests(DutyRosterTestCase):
    def dashboard(self, user, at):
        with time_machine.travel(at, tick=False):
            self.client.force_login(user)
            return self.client.get("/admin/")

    def test_the_kasi_is_told_when_next_months_roster_is_missing(self):
        late_november = datetime.datetime(2026, 11, 27, 9, tzinfo=WIB)
        self.assertContains(
            self.dashboard(self.kasi, late_november),
            "Jadwal piket untuk Desember 2026 belum dibuat",
        )
        self.assertNotContains(
            self.dashboard(self.kasi, late_november - datetime.timedelta(days=5)),
            "belum dibuat",
        )
        self.assertNotContains(
            self.dashboard(self.reporter, late_november), "belum dibuat"
        )
        DutyRoster.objects.create(month=datetime.date(2026, 12, 1))
        self.assertNotContains(self.dashboard(self.kasi, late_november), "belum dibuat")

    def test_the_media_center_sees_todays_officers(self):
        self.add_shift(
            self.kasi,
            officers=[(self.reporter, "reporter"), (self.photographer, "photographer")],
        )
        self.add_shift(
            self.kasi,
            starts="14:00",
            ends="20:00",
            officers=[(self.kasi, "coordinator")],
        )
        at = datetime.datetime(2026, 11, 24, 15, tzinfo=WIB)
        response = self.dashboard(self.reporter, at)
        self.assertContains(response, "Bertugas hari ini, Selasa, 24 November 2026")
        self.assertContains(
            response, f"{self.photographer.get_full_name()} (fotografer)"
        )
        self.assertContains(response, 'aria-current="time"', count=1)
        self.assertContains(response, f"{self.kasi.get_full_name()} (koordinator)")
        self.assertNotContains(self.dashboard(self.writer, at), "Bertugas hari ini")

    def test_the_panel_queries_do_not_grow_with_shifts(self):
        def queries(at):
            self.client.force_login(self.reporter)
            with (
                time_machine.travel(at, tick=False),
                CaptureQueriesContext(connection) as captured,
            ):
                self.client.get("/admin/")
            return len(captured)

        at = datetime.datetime(2026, 11, 24, 15, tzinfo=WIB)
        self.add_shift(self.kasi, officers=[(self.reporter, "reporter")])
        queries(at)
        small = queries(at)
        for hour in range(14, 22):
            self.add_shift(
                self.kasi,
                starts=f"{hour}:00",
                ends=f"{hour}:30",
                officers=[(self.photographer, "photographer")],
            )
        self.assertEqual(queries(at), small)


class DutyRosterGridTests(DutyRosterTestCase):
    def plan_days(self, days):
        for day in days:
            self.add_shift(
                self.kasi,
                day=f"2026-11-{day:02d}",
                officers=[(self.reporter, "reporter")],
            )
            self.add_shift(
                self.kasi,
                day=f"2026-11-{day:02d}",
                starts="14:00",
                ends="20:00",
                officers=[(self.photographer, "photographer")],
            )

    def test_the_month_grid_lists_every_day_and_shift(self):
        self.plan_days([24])
        self.client.force_login(self.reporter)
        response = self.client.get(
            reverse("dutyroster:inspect", args=(self.roster.pk,))
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, 'class="duty-grid__day"', count=30)
        self.assertContains(response, "08.00–14.00 WIB")
        self.assertContains(response, "14.00–20.00 WIB")
        self.assertContains(
            response, f"{self.photographer.get_full_name()} (fotografer)"
        )
        self.assertContains(response, "@media print")

    def test_the_grid_queries_do_not_grow_with_days(self):
        def queries():
            self.client.force_login(self.reporter)
            with CaptureQueriesContext(connection) as captured:
                self.client.get(reverse("dutyroster:inspect", args=(self.roster.pk,)))
            return len(captured)

        self.plan_days([2])
        queries()
        small = queries()
        self.plan_days(range(3, 13))
        self.assertEqual(queries(), small)

    def test_xlsx_export(self):
        self.plan_days([24])
        self.client.force_login(self.reporter)
        response = self.client.get(reverse("dutyroster:xlsx", args=(self.roster.pk,)))
        self.assertEqual(response.status_code, 200)
        self.assertIn("jadwal-piket-2026-11.xlsx", response["Content-Disposition"])
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        self.assertEqual(sheet["A1"].value, "Jadwal piket November 2026")
        self.assertEqual(
            [cell.value for cell in sheet[2]],
            ["Hari", "08.00–14.00 WIB", "14.00–20.00 WIB"],
        )
        self.assertEqual(sheet.max_row, 2 + 30)
        self.assertEqual(sheet["A26"].value, "Selasa, 24 November 2026")
        self.assertIn("(reporter)", sheet["B26"].value)

    def test_no_grid_without_the_roster_permissions(self):
        self.client.force_login(self.writer)
        for name in ("dutyroster:inspect", "dutyroster:xlsx"):
            response = self.client.get(reverse(name, args=(self.roster.pk,)))
            self.assertRedirects(response, reverse("wagtailadmin_home"))
