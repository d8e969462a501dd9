"""
Coverage assignments and filing from them (news SOP steps 3 and 4), through
the admin as the Kasi, the Media Center team and the reporters use it.
"""

import datetime
import zoneinfo
from unittest import mock

from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from wagtail.models import PageLogEntry
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import time_machine

from media_center.factories import RubricFactory
from media_center.models import (
    AgendaItem,
    Assignment,
    AssignmentState,
    Duty,
    DutyOfficer,
    DutyRoster,
    DutyShift,
    NewsPage,
    Official,
)
from media_center.models.planning import AssignmentForm
from moderation import services as sop
from portal.factories import ImageFactory
from tests.utils import SitesTestCase, group_member

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
# The day before the activity, in the morning: the Kasi plans tomorrow.
PLANNING = datetime.datetime(2026, 11, 24, 8, 0, tzinfo=WIB)
EVENT_DAY = datetime.date(2026, 11, 25)


class AssignmentTestCase(SitesTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()

        def member(username, group, first_name):
            return group_member(
                username,
                group,
                first_name=first_name,
                last_name="",
                email=f"{username}@palangkaraya.go.id",
            )

        cls.kasi = member("kasi", sop.PUBLIC_RELATIONS_HEAD, "Kasi")
        cls.editor = member("redaktur", sop.MEDIA_CENTER_TEAM, "Redaktur")
        cls.operator = member("operator", sop.OPERATOR, "Operator")
        cls.reporter = member("reporter", sop.REPORTER, "Rina")
        cls.other_reporter = member("reporter2", sop.REPORTER, "Dedi")
        cls.photographer = member("fotografer", sop.REPORTER, "Bayu")
        cls.writer = member("penulis", sop.WRITER, "Penulis")
        cls.mayor = Official.objects.create(name="Wali Kota", sort_order=1)
        cls.secretary = Official.objects.create(name="Sekretaris Daerah", sort_order=3)
        with time_machine.travel(PLANNING - datetime.timedelta(days=3), tick=False):
            cls.item = AgendaItem.objects.create(
                activity="Pembukaan Festival Budaya Isen Mulang",
                date=EVENT_DAY,
                starts_at=datetime.time(9),
                ends_at=datetime.time(11),
                place="Bundaran Besar",
                organiser="Disbudpar",
            )
        cls.item.officials.set([cls.mayor, cls.secretary])
        roster = DutyRoster.objects.create(month=datetime.date(2026, 11, 1))
        shift = DutyShift.objects.create(
            roster=roster,
            date=EVENT_DAY,
            starts_at=datetime.time(7),
            ends_at=datetime.time(15),
        )
        DutyOfficer.objects.create(shift=shift, person=cls.reporter, duty=Duty.REPORTER)
        DutyOfficer.objects.create(
            shift=shift, person=cls.photographer, duty=Duty.PHOTOGRAPHER
        )
        cls.rubric = RubricFactory(name="Pemerintahan")
        cls.image = ImageFactory(title="Festival")

    def assign(self, user=None, **extra):
        """The Kasi assigns coverage of the agenda item through the admin form."""
        self.client.force_login(user or self.kasi)
        data = {
            "agenda_item": self.item.pk,
            "activity": "",
            "date": "",
            "starts_at": "",
            "ends_at": "",
            "place": "",
            "reporters": [self.reporter.pk],
            "photographers": [self.photographer.pk],
            "notes": "",
            **extra,
        }
        with (
            time_machine.travel(PLANNING, tick=False),
            self.captureOnCommitCallbacks(execute=True),
        ):
            return self.client.post(reverse("assignment:add"), data)

    def assignment(self, **extra):
        response = self.assign(**extra)
        self.assertEqual(response.status_code, 302)
        return Assignment.objects.get()

    def change_state(self, user, assignment, to, expected=None):
        self.client.force_login(user)
        return self.client.post(
            reverse("assignment:state", args=(assignment.pk,)),
            {"to": to, "expected": expected or assignment.state},
            follow=True,
        )

    def write_news(self, user, assignment, at=None):
        self.client.force_login(user)
        with time_machine.travel(at or PLANNING, tick=False):
            return self.client.post(reverse("assignment:write", args=(assignment.pk,)))


class AssigningTests(AssignmentTestCase):
    def test_from_the_agenda_the_form_is_prefilled_and_suggests_who_is_on_duty(self):
        self.client.force_login(self.kasi)
        response = self.client.get(
            reverse("assignment:add") + f"?agenda={self.item.pk}"
        )
        self.assertContains(response, 'value="Pembukaan Festival Budaya Isen Mulang"')
        self.assertContains(response, 'value="Bundaran Besar"')
        self.assertContains(response, "Rina (sedang piket)")
        self.assertContains(response, "Bertugas saat itu (jadwal piket): Rina.")
        form = response.context["form"]
        self.assertEqual(form.initial["reporters"], [self.reporter.pk])
        self.assertEqual(form.initial["photographers"], [self.photographer.pk])

    def test_what_is_left_empty_comes_from_the_agenda_item_and_people_are_told(self):
        mail.outbox.clear()
        assignment = self.assignment()
        self.assertEqual(assignment.activity, self.item.activity)
        self.assertEqual(
            (assignment.date, assignment.starts_at, assignment.ends_at),
            (EVENT_DAY, datetime.time(9), datetime.time(11)),
        )
        self.assertEqual(assignment.place, "Bundaran Besar")
        self.assertEqual(assignment.state, AssignmentState.ASSIGNED)
        self.assertEqual(assignment.created_by, self.kasi)
        self.assertEqual(
            sorted(message.to[0] for message in mail.outbox),
            ["fotografer@palangkaraya.go.id", "reporter@palangkaraya.go.id"],
        )
        message = mail.outbox[0]
        self.assertIn("Penugasan liputan baru", message.subject)
        self.assertIn("Bundaran Besar", message.body)
        self.assertIn("Rabu, 25 November 2026, 09.00–11.00 WIB", message.body)

    def test_an_ad_hoc_assignment_needs_what_the_agenda_would_give(self):
        response = self.assign(agenda_item="", reporters=[self.reporter.pk])
        self.assertEqual(response.status_code, 200)
        self.assertContains(
            response, "Isi bagian ini, atau pilih kegiatan dari agenda."
        )
        self.assertFalse(Assignment.objects.exists())
        response = self.assign(
            agenda_item="",
            activity="Banjir di Jalan Mahir Mahar",
            date="2026-11-25",
            starts_at="13:00",
            ends_at="12:00",
            place="Jalan Mahir Mahar",
        )
        self.assertContains(response, "Kegiatan harus berakhir setelah dimulai.")
        response = self.assign(
            agenda_item="",
            activity="Banjir di Jalan Mahir Mahar",
            date="2026-11-25",
            starts_at="13:00",
            place="Jalan Mahir Mahar",
        )
        self.assertEqual(response.status_code, 302)
        self.assertIsNone(Assignment.objects.get().agenda_item)

    def test_at_least_one_reporter(self):
        response = self.assign(reporters=[])
        self.assertEqual(response.status_code, 200)
        self.assertFalse(Assignment.objects.exists())

    def test_who_may_assign(self):
        self.assertEqual(self.assign(self.editor).status_code, 302)
        for user in (self.reporter, self.operator, self.writer):
            with self.subTest(user=user.username):
                self.assign(user)
                self.assertEqual(Assignment.objects.count(), 1)
        assignment = Assignment.objects.get()
        for user, status in (
            (self.reporter, 200),
            (self.operator, 200),
            (self.kasi, 200),
        ):
            self.client.force_login(user)
            self.assertEqual(
                self.client.get(reverse("assignment:index")).status_code, status
            )
        self.client.force_login(self.writer)
        self.assertRedirects(
            self.client.get(reverse("assignment:index")), reverse("wagtailadmin_home")
        )
        self.client.force_login(self.reporter)
        response = self.client.post(
            reverse("assignment:edit", args=(assignment.pk,)),
            {"activity": "Diubah", "reporters": [self.reporter.pk]},
        )
        self.assertRedirects(response, reverse("wagtailadmin_home"))
        assignment.refresh_from_db()
        self.assertEqual(assignment.activity, self.item.activity)


class StateTests(AssignmentTestCase):
    def test_reporters_change_only_the_state_of_their_own_assignments(self):
        assignment = self.assignment()
        response = self.change_state(self.other_reporter, assignment, "covered")
        self.assertContains(response, "Anda tidak boleh mengubah penugasan ini")
        assignment.refresh_from_db()
        self.assertEqual(assignment.state, AssignmentState.ASSIGNED)

        response = self.change_state(self.reporter, assignment, "cancelled")
        assignment.refresh_from_db()
        self.assertEqual(assignment.state, AssignmentState.ASSIGNED)

        response = self.change_state(self.reporter, assignment, "covered")
        self.assertContains(response, "sekarang “diliput”")
        assignment.refresh_from_db()
        self.assertEqual(assignment.state, AssignmentState.COVERED)
        # The automatic states are never set by hand.
        self.change_state(self.kasi, assignment, "published")
        assignment.refresh_from_db()
        self.assertEqual(assignment.state, AssignmentState.COVERED)

        self.change_state(self.kasi, assignment, "cancelled")
        assignment.refresh_from_db()
        self.assertEqual(assignment.state, AssignmentState.CANCELLED)
        self.change_state(self.writer, assignment, "assigned")
        assignment.refresh_from_db()
        self.assertEqual(assignment.state, AssignmentState.CANCELLED)

    def test_a_double_click_or_a_second_tab_changes_nothing_twice(self):
        assignment = self.assignment()
        self.change_state(self.reporter, assignment, "covered", expected="assigned")
        response = self.change_state(
            self.kasi, assignment, "cancelled", expected="assigned"
        )
        self.assertContains(
            response, "Penugasan sudah “diliput”; tidak ada yang diubah."
        )
        assignment.refresh_from_db()
        self.assertEqual(assignment.state, AssignmentState.COVERED)

    def test_reporters_see_their_open_assignments_on_the_dashboard(self):
        assignment = self.assignment()
        browser = Client(enforce_csrf_checks=True)
        browser.force_login(self.reporter)
        response = browser.get(reverse("wagtailadmin_home"))
        self.assertContains(response, "Penugasan liputan saya")
        # Its buttons work as a browser posts them, CSRF token included.
        form = response.content.decode().split(
            f'action="{reverse("assignment:state", args=(assignment.pk,))}"'
        )[1]
        token = form.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
        browser.post(
            reverse("assignment:state", args=(assignment.pk,)),
            {"to": "covered", "expected": "assigned", "csrfmiddlewaretoken": token},
        )
        assignment.refresh_from_db()
        self.assertEqual(assignment.state, AssignmentState.COVERED)
        self.change_state(self.reporter, assignment, "assigned")
        assignment.refresh_from_db()
        self.client.force_login(self.reporter)
        response = self.client.get(reverse("wagtailadmin_home"))
        self.assertContains(response, assignment.activity)
        self.assertContains(response, "Bundaran Besar")
        self.assertContains(response, "Tulis berita")
        self.client.force_login(self.other_reporter)
        self.assertNotContains(
            self.client.get(reverse("wagtailadmin_home")), "Penugasan liputan saya"
        )
        self.change_state(self.kasi, assignment, "cancelled")
        self.client.force_login(self.reporter)
        self.assertNotContains(
            self.client.get(reverse("wagtailadmin_home")), "Penugasan liputan saya"
        )


class FilingTests(AssignmentTestCase):
    def news_data(self, page, **extra):
        return nested_form_data(
            {
                "title": page.title,
                "slug": page.slug,
                "lead": "Wali Kota membuka Festival Budaya Isen Mulang.",
                "body": streamfield([("paragraph", rich_text("<p>Festival.</p>"))]),
                "main_image": self.image.pk,
                "main_image_alt": "Penari membuka festival",
                "main_image_caption": "",
                "main_image_credit": "",
                "event_at": "2026-11-25 09:00",
                "place": page.place,
                "rubric": self.rubric.pk,
                "source_agency": "",
                "officials": [official.pk for official in page.officials.all()],
                "tags": "",
                "writer": self.reporter.pk,
                "photographer": self.photographer.pk,
                "editor": "",
                **extra,
            }
        )

    def test_write_the_news_makes_a_prefilled_draft_linked_both_ways(self):
        assignment = self.assignment()
        response = self.write_news(self.reporter, assignment)
        page = NewsPage.objects.get()
        self.assertRedirects(
            response, reverse("wagtailadmin_pages:edit", args=(page.pk,))
        )
        self.assertFalse(page.live)
        self.assertEqual(page.get_parent().pk, self.news_index.pk)
        self.assertEqual(page.title, "Pembukaan Festival Budaya Isen Mulang")
        self.assertEqual(
            page.event_at, datetime.datetime(2026, 11, 25, 9, 0, tzinfo=WIB)
        )
        self.assertEqual(page.place, "Bundaran Besar")
        self.assertEqual(set(page.officials.all()), {self.mayor, self.secretary})
        self.assertEqual(page.writer, self.reporter)
        self.assertEqual(page.photographer, self.photographer)
        self.assertEqual(page.owner, self.reporter)
        self.assertEqual(page.latest_revision.user, self.reporter)
        assignment.refresh_from_db()
        self.assertEqual(assignment.news, page)
        self.assertTrue(
            PageLogEntry.objects.filter(page=page, action="wagtail.create").exists()
        )

        # The editor shows where the news came from; the agenda shows the news.
        editor = self.client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
        self.assertContains(
            editor, reverse("assignment:inspect", args=(assignment.pk,))
        )
        self.assertContains(editor, reverse("agendaitem:inspect", args=(self.item.pk,)))
        self.client.force_login(self.kasi)
        inspect = self.client.get(reverse("agendaitem:inspect", args=(self.item.pk,)))
        self.assertContains(
            inspect, reverse("wagtailadmin_pages:edit", args=(page.pk,))
        )
        listing = self.client.get(reverse("agendaitem:index"))
        self.assertContains(listing, "berita: Pembukaan Festival Budaya Isen Mulang")

        # Pressed again (double click, second tab): the same draft.
        self.assertRedirects(
            self.write_news(self.reporter, assignment),
            reverse("wagtailadmin_pages:edit", args=(page.pk,)),
        )
        self.assertEqual(NewsPage.objects.count(), 1)

    def test_only_its_people_write_the_news_of_an_open_assignment(self):
        assignment = self.assignment()
        for user in (self.kasi, self.other_reporter, self.photographer):
            with self.subTest(user=user.username):
                response = self.write_news(user, assignment)
                self.assertEqual(response.status_code, 302)
                response = self.client.get(response.url)
                self.assertContains(
                    response, "Hanya reporter penugasan ini yang menulis beritanya."
                )
        self.assertFalse(NewsPage.objects.exists())
        self.client.force_login(self.writer)
        self.assertRedirects(
            self.client.post(reverse("assignment:write", args=(assignment.pk,))),
            reverse("wagtailadmin_home"),
        )
        self.change_state(self.kasi, assignment, "cancelled")
        self.write_news(self.reporter, assignment)
        self.assertFalse(NewsPage.objects.exists())

    def test_submitting_and_publishing_the_news_move_the_assignment(self):
        assignment = self.assignment()
        self.write_news(self.reporter, assignment)
        page = NewsPage.objects.get()
        # Filed at 11.40, 40 minutes after the event ended at 11.00: on time.
        with time_machine.travel(
            datetime.datetime(2026, 11, 25, 11, 40, tzinfo=WIB), tick=False
        ):
            response = self.client.post(
                reverse("wagtailadmin_pages:edit", args=(page.pk,)),
                self.news_data(page, **{"action-submit": "1"}),
            )
            self.assertEqual(response.status_code, 302)
            assignment.refresh_from_db()
            self.assertEqual(assignment.state, AssignmentState.SUBMITTED)
            self.assertEqual(
                assignment.submitted_at,
                datetime.datetime(2026, 11, 25, 11, 40, tzinfo=WIB),
            )
            self.assertEqual(assignment.filing_label(), "tepat waktu (40 menit)")
            self.client.force_login(self.kasi)
            self.assertContains(
                self.client.get(reverse("assignment:index")), "tepat waktu (40 menit)"
            )

            # The news SOP: the Media Center team, then the operator publishes.
            for user in (self.editor, self.operator):
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
        page.refresh_from_db()
        self.assertTrue(page.live)
        assignment.refresh_from_db()
        self.assertEqual(assignment.state, AssignmentState.PUBLISHED)
        self.assertIsNotNone(assignment.published_at)

    def test_news_scheduled_for_later_is_published_when_it_goes_live(self):
        assignment = self.assignment()
        self.write_news(self.reporter, assignment)
        page = NewsPage.objects.get()
        edit = reverse("wagtailadmin_pages:edit", args=(page.pk,))
        self.client.post(edit, self.news_data(page, **{"action-submit": "1"}))
        page.refresh_from_db()
        self.client.force_login(self.editor)
        self.client.post(
            reverse(
                "wagtailadmin_pages:workflow_action",
                args=(page.pk, "approve", page.current_workflow_task_state.pk),
            )
        )
        # The operator approves the last step with a go-live three hours on.
        go_live = timezone.localtime() + datetime.timedelta(hours=3)
        self.client.force_login(self.operator)
        response = self.client.post(
            edit,
            self.news_data(
                page,
                **{
                    "action-publish": "1",
                    "go_live_at": go_live.strftime("%Y-%m-%d %H:%M"),
                },
            ),
        )
        self.assertEqual(response.status_code, 302)
        assignment.refresh_from_db()
        self.assertEqual(assignment.state, AssignmentState.SUBMITTED)
        self.assertIsNone(assignment.published_at)
        went_live = go_live + datetime.timedelta(minutes=5)
        with time_machine.travel(went_live, tick=False):
            call_command("publish_scheduled")
        assignment.refresh_from_db()
        self.assertEqual(assignment.state, AssignmentState.PUBLISHED)
        self.assertEqual(assignment.published_at, went_live)

    def test_filing_late_is_shown_with_how_late(self):
        assignment = self.assignment()
        assignment.refresh_from_db()
        at = datetime.datetime(2026, 11, 25, 13, 20, tzinfo=WIB)
        self.assertEqual(
            assignment.filing_label(now=at), "terlambat 1 jam 20 menit, belum diajukan"
        )
        self.assertEqual(
            assignment.filing_label(now=at - datetime.timedelta(hours=3)),
            "tenggat 25 Nov 12.00",
        )
        assignment.submitted_at = at
        self.assertEqual(assignment.filing_label(), "terlambat 1 jam 20 menit")


class AgendaChangeTests(AssignmentTestCase):
    def agenda_data(self, **extra):
        return {
            "officials": [self.mayor.pk],
            "activity": self.item.activity,
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

    def edit_agenda(self, **extra):
        self.client.force_login(self.kasi)
        with self.captureOnCommitCallbacks(execute=True):
            return self.client.post(
                reverse("agendaitem:edit", args=(self.item.pk,)),
                self.agenda_data(**extra),
            )

    def test_a_change_of_time_or_place_reaches_the_assignment_and_its_people(self):
        assignment = self.assignment()
        mail.outbox.clear()
        response = self.edit_agenda(
            starts_at="10:00", ends_at="12:00", place="Aula Jayang Tingang"
        )
        self.assertEqual(response.status_code, 302)
        self.item.refresh_from_db()
        self.assertEqual(self.item.sequence, 1)
        assignment.refresh_from_db()
        self.assertEqual(assignment.starts_at, datetime.time(10))
        self.assertEqual(assignment.place, "Aula Jayang Tingang")
        self.assertEqual(len(mail.outbox), 2)
        self.assertIn("Agenda berubah", mail.outbox[0].subject)
        self.assertIn("Aula Jayang Tingang", mail.outbox[0].body)
        self.assertIn("10.00–12.00 WIB", mail.outbox[0].body)

        # Notes only: nobody is told, the calendars need nothing.
        mail.outbox.clear()
        self.edit_agenda(
            starts_at="10:00",
            ends_at="12:00",
            place="Aula Jayang Tingang",
            notes="Bawa kartu pers.",
        )
        self.item.refresh_from_db()
        self.assertEqual(self.item.sequence, 1)
        self.assertEqual(mail.outbox, [])

        self.edit_agenda(
            starts_at="10:00",
            ends_at="12:00",
            place="Aula Jayang Tingang",
            status="cancelled",
        )
        self.item.refresh_from_db()
        self.assertEqual(self.item.sequence, 2)
        self.assertEqual(len(mail.outbox), 2)
        self.assertIn("dibatalkan", mail.outbox[0].body)


class ListingTests(AssignmentTestCase):
    def test_listings_queries_do_not_grow_with_rows(self):
        def rows(count):
            for number in range(count):
                item = AgendaItem.objects.create(
                    activity=f"Kegiatan {number}",
                    date=EVENT_DAY,
                    starts_at=datetime.time(9),
                    place="Balai Kota",
                )
                item.officials.set([self.mayor])
                assignment = Assignment.objects.create(
                    agenda_item=item,
                    activity=f"Liputan {number}",
                    date=EVENT_DAY,
                    starts_at=datetime.time(9),
                    place="Balai Kota",
                )
                assignment.reporters.set([self.reporter, self.other_reporter])
                assignment.photographers.set([self.photographer])

        def queries(url):
            self.client.force_login(self.kasi)
            self.client.get(url)
            with CaptureQueriesContext(connection) as captured:
                response = self.client.get(url)
            self.assertEqual(response.status_code, 200)
            return len(captured)

        def dashboard():
            self.client.force_login(self.reporter)
            self.client.get(reverse("wagtailadmin_home"))
            with CaptureQueriesContext(connection) as captured:
                self.client.get(reverse("wagtailadmin_home"))
            return len(captured)

        urls = (reverse("assignment:index"), reverse("agendaitem:index"))
        rows(10)
        small = [queries(url) for url in urls] + [dashboard()]
        rows(90)
        large = [queries(url) for url in urls] + [dashboard()]
        self.assertEqual(small, large)


class AgendaDeleteTests(AssignmentTestCase):
    def test_an_agenda_item_with_assignments_is_not_deleted(self):
        self.assignment()
        self.client.force_login(self.kasi)
        url = reverse("agendaitem:delete", args=(self.item.pk,))
        response = self.client.get(url)
        self.assertTrue(response.context["is_protected"])
        self.client.post(url)
        self.assertTrue(AgendaItem.objects.filter(pk=self.item.pk).exists())


class OneAssignmentPerActivityTests(AssignmentTestCase):
    def test_a_second_assignment_for_the_same_activity_is_refused(self):
        self.assignment()
        message = "Kegiatan ini sudah memiliki penugasan; buka penugasan itu"
        self.assertContains(self.assign(), message)
        self.assertEqual(Assignment.objects.count(), 1)
        # Cancelled, the activity can be assigned again.
        self.change_state(self.kasi, Assignment.objects.get(), "cancelled")
        self.assertEqual(self.assign().status_code, 302)
        self.assertEqual(Assignment.objects.count(), 2)

    def test_two_submits_at_once_make_one_assignment(self):
        # Both pass the form's check before either is saved: the database's
        # constraint stops the second, with the same message.
        self.assignment()
        with mock.patch.object(AssignmentForm, "_duplicate", return_value=False):
            response = self.assign()
        self.assertContains(response, "Kegiatan ini sudah memiliki penugasan")
        self.assertEqual(Assignment.objects.count(), 1)

    def test_people_added_later_are_told(self):
        assignment = self.assignment()
        mail.outbox.clear()
        self.client.force_login(self.editor)
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                reverse("assignment:edit", args=(assignment.pk,)),
                {
                    "agenda_item": self.item.pk,
                    "activity": assignment.activity,
                    "date": "2026-11-25",
                    "starts_at": "09:00",
                    "ends_at": "11:00",
                    "place": "Bundaran Besar",
                    "reporters": [self.reporter.pk, self.other_reporter.pk],
                    "photographers": [self.photographer.pk],
                    "notes": "",
                },
            )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(
            [m.to for m in mail.outbox], [["reporter2@palangkaraya.go.id"]]
        )


class NewsLifecycleTests(AssignmentTestCase):
    def test_unpublished_or_deleted_news_reopens_the_assignment(self):
        assignment = self.assignment()
        self.write_news(self.reporter, assignment)
        page = NewsPage.objects.get()
        Assignment.objects.filter(pk=assignment.pk).update(
            state=AssignmentState.PUBLISHED
        )
        page.lead = "Festival dibuka."
        page.main_image, page.main_image_alt = self.image, "Penari membuka festival"
        page.rubric = self.rubric
        page.save_revision().publish()
        assignment.refresh_from_db()
        self.assertEqual(assignment.state, AssignmentState.PUBLISHED)
        page.refresh_from_db()
        page.unpublish()
        assignment.refresh_from_db()
        self.assertEqual(assignment.state, AssignmentState.SUBMITTED)
        self.assertIsNone(assignment.published_at)
        page.delete()
        assignment.refresh_from_db()
        self.assertEqual(assignment.state, AssignmentState.COVERED)
        self.assertIsNone(assignment.news)
        self.assertIsNone(assignment.submitted_at)
        # The news can be written again.
        self.write_news(self.reporter, assignment)
        self.assertEqual(NewsPage.objects.count(), 1)

    def test_only_who_may_edit_the_draft_is_offered_to_open_it(self):
        assignment = self.assignment(
            reporters=[self.reporter.pk, self.other_reporter.pk]
        )
        self.write_news(self.reporter, assignment)
        url = reverse("wagtailadmin_pages:edit", args=(NewsPage.objects.get().pk,))
        self.client.force_login(self.reporter)
        inspect = reverse("assignment:inspect", args=(assignment.pk,))
        self.assertContains(self.client.get(inspect), "Buka berita")
        self.client.force_login(self.other_reporter)
        self.assertNotContains(self.client.get(inspect), "Buka berita")
        self.assertRedirects(self.client.get(url), reverse("wagtailadmin_home"))

    def test_an_unknown_state_is_refused_with_a_message(self):
        assignment = self.assignment()
        response = self.change_state(self.kasi, assignment, "lost")
        self.assertContains(response, "Pilih salah satu tahap penugasan.")
