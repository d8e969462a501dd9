"""The duty roster (news SOP step 1) through its admin screens."""

import datetime

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data

from media_center.models import DutyOfficer, DutyRoster, DutyShift
from moderation import services as sop
from portal.factories import UserFactory
from tests.utils import SitesTestCase

NOVEMBER = datetime.date(2026, 11, 1)


class DutyRosterAdminTests(SitesTestCase):
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
