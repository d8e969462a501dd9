"""The leaders' agenda (news SOP step 2) through its admin screens: the H-1 rule."""

import datetime
import zoneinfo

from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import time_machine

from media_center.models import AgendaItem, Official
from moderation import services as sop
from portal.factories import UserFactory
from tests.utils import SitesTestCase

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
START = datetime.datetime(2026, 11, 25, 9, 0, tzinfo=WIB)


class AgendaAdminTests(SitesTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()

        def member(username, group):
            user = UserFactory(username=username)
            user.groups.add(Group.objects.get(name=group))
            return user

        cls.kasi = member("kasi", sop.PUBLIC_RELATIONS_HEAD)
        cls.editor = member("redaktur", sop.MEDIA_CENTER_TEAM)
        cls.reporter = member("reporter", sop.REPORTER)
        cls.writer = member("penulis", sop.WRITER)
        cls.mayor = Official.objects.create(name="Wali Kota", sort_order=1)

    def item_data(self, **extra):
        return {
            "officials": [self.mayor.pk],
            "activity": "Pembukaan Festival Budaya Isen Mulang",
            "date": "2026-11-25",
            "starts_at": "09:00",
            "ends_at": "11:00",
            "place": "Bundaran Besar",
            "organiser": "Disbudpar",
            "status": "scheduled",
            "represented_by": "",
            "is_public": "on",
            "notes": "",
            **extra,
        }

    def enter(self, user, at, **extra):
        with time_machine.travel(at, tick=False):
            self.client.force_login(user)
            return self.client.post(reverse("agendaitem:add"), self.item_data(**extra))

    def test_entered_a_day_ahead_is_on_time_and_later_is_late(self):
        cases = (
            (START - datetime.timedelta(days=2), False),
            (START - datetime.timedelta(hours=24), False),
            (START - datetime.timedelta(hours=23, minutes=59), True),
            (START - datetime.timedelta(hours=2), True),
        )
        for entered_at, late in cases:
            with self.subTest(entered_at=entered_at):
                AgendaItem.objects.all().delete()
                response = self.enter(self.kasi, entered_at)
                self.assertEqual(response.status_code, 302)
                self.assertEqual(AgendaItem.objects.get().is_late, late)
                # Read the listing at once, as the Kasi would (a session
                # opened on a frozen past day expires two weeks later).
                with time_machine.travel(entered_at, tick=False):
                    listing = self.client.get(reverse("agendaitem:index"))
                if late:
                    self.assertContains(listing, "terlambat, kurang dari H-1")
                else:
                    self.assertNotContains(listing, "terlambat, kurang dari H-1")
                    self.assertContains(listing, "tepat waktu")

    def test_clear_messages_for_broken_input(self):
        at = START - datetime.timedelta(days=2)
        response = self.enter(self.kasi, at, ends_at="08:00")
        self.assertContains(response, "Kegiatan harus berakhir setelah dimulai.")
        response = self.enter(self.kasi, at, status="represented")
        self.assertContains(response, "Sebutkan siapa yang mewakili")
        response = self.enter(self.kasi, at, date="2026-11-31")
        self.assertEqual(response.status_code, 200)
        self.assertFalse(AgendaItem.objects.exists())

    def test_who_may_enter_the_agenda(self):
        at = START - datetime.timedelta(days=2)
        self.assertEqual(self.enter(self.editor, at).status_code, 302)
        self.assertEqual(AgendaItem.objects.count(), 1)
        self.enter(self.reporter, at)
        self.assertEqual(AgendaItem.objects.count(), 1)
        self.client.force_login(self.reporter)
        self.assertEqual(self.client.get(reverse("agendaitem:index")).status_code, 200)
        self.client.force_login(self.writer)
        self.assertRedirects(
            self.client.get(reverse("agendaitem:index")), reverse("wagtailadmin_home")
        )

    def test_listing_queries_do_not_grow_with_items(self):
        def items(count):
            AgendaItem.objects.bulk_create(
                AgendaItem(
                    activity=f"Kegiatan {number}",
                    date=datetime.date(2026, 11, 1)
                    + datetime.timedelta(days=number % 28),
                    starts_at=datetime.time(9),
                    place="Balai Kota",
                )
                for number in range(count)
            )

        def queries():
            self.client.force_login(self.kasi)
            with CaptureQueriesContext(connection) as captured:
                self.client.get(reverse("agendaitem:index"))
            return len(captured)

        items(10)
        queries()
        small = queries()
        items(90)
        self.assertEqual(queries(), small)

    def test_the_listing_counts_late_entries_per_month(self):
        # Two on time and one late in November, one late in October.
        for entered_at, start_day in (
            (START - datetime.timedelta(days=3), "2026-11-25"),
            (START - datetime.timedelta(days=2), "2026-11-25"),
            (START - datetime.timedelta(hours=3), "2026-11-25"),
            (datetime.datetime(2026, 10, 20, 8, tzinfo=WIB), "2026-10-20"),
        ):
            self.assertEqual(
                self.enter(self.kasi, entered_at, date=start_day).status_code, 302
            )
        with time_machine.travel(START, tick=False):
            self.client.force_login(self.kasi)
            response = self.client.get(reverse("agendaitem:index"))
        figures = [
            (figure["month"], figure["total"], figure["late"])
            for figure in response.context["late_by_month"][:2]
        ]
        self.assertEqual(
            figures,
            [(datetime.date(2026, 11, 1), 3, 1), (datetime.date(2026, 10, 1), 1, 1)],
        )
        self.assertContains(
            response, "Agenda diterima sehari sebelumnya (H-1), per bulan"
        )
        self.assertContains(response, "<td>1 (33%)</td>", html=True)
        self.assertContains(response, "<td>1 (100%)</td>", html=True)
