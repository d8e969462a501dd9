"""
The SOP compliance report (mutu baku) and its dashboard chart: figures on a
constructed data set with known durations under frozen time, made through
the admin and workflow actions (submit, approve, return, archive, agenda
entry) and, for the coverage assignments' filing, as model rows; the
export read back; the breakdowns, filters, who may read it, broken filter
input, and query counts that do not grow with the data.
"""

import csv
import datetime
import io
import zoneinfo

from django.db import connection, models
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext

from wagtail.admin.utils import get_user_display_name
from wagtail.models import TaskState, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile

import openpyxl
import time_machine

from infopublik.models import ArticlePage
from media_center.factories import RubricFactory
from media_center.models import (
    AgendaItem,
    Assignment,
    NewsPage,
    NewsPublication,
    Official,
)
from moderation import services as sop
from moderation.compliance import Period, percentile
from moderation.models import ArchiveRecord, SOPTask
from moderation.views.compliance import EXPORT_COLUMNS
from portal.factories import ImageFactory, UserFactory
from tests.utils import group_member

from .utils import ContentSopTestCase

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")


def wib(month, day, hour, minute=0):
    return datetime.datetime(2026, month, day, hour, minute, tzinfo=WIB)


# When the report is read: Wednesday 4 March 2026, 09.20 WIB.
REPORT_AT = wib(3, 4, 9, 20)
REPORT_URL = "/admin/reports/sop-compliance/"
RETURN_REASON = "Tabel belum memakai data BPS terbaru."


def minutes(count):
    return datetime.timedelta(minutes=count)


def in_indonesian(message):
    """``message`` as the admin shows it, whatever the catalog holds today."""
    with translation.override("id"):
        return gettext(message)


class ComplianceTestCase(ContentSopTestCase):
    """
    The data set (WIB, 2026), each step with known durations:

    Content SOP on Info Publik, through the admin:
    - D: submitted 20 Feb 09.00, the Kasubbag approves 09.05; the Kepala's
      step is still waiting (overdue since 20 Feb 09.35).
    - A: draft saved 2 Mar 06.00, submitted 09.00 (drafting 3 h); the
      Kasubbag approves 09.10 (10 min), the Kepala 09.25 (15 min), the
      Admin Website 09.45 (20 min, published); archived 10.05 (20 min).
    - B: draft saved 2 Mar 10.00, submitted 3 Mar 10.00 (drafting 24 h,
      late); the Kasubbag returns it to the writer at 10.20 (20 min).
    - C: written and submitted 4 Mar 08.00 (drafting 0); "rangkap" approves
      the Kasubbag's check at 08.50 (50 min, late), the Kepala returns it to
      the previous step at 09.00 (10 min); the Kasubbag's check waits again
      from 09.00 (due 09.30).
    News SOP on the Media Center (copies on Info Publik and the portal):
    - N: the reporter submits 3 Mar 13.00, the editor approves 14.00 (1 h),
      the operator 14.30 (30 min; live on the three sites at once);
      archived 4 Mar 08.00 (due the end of 4 Mar).
    - agenda: entered 1 Mar 08.00 for 3 Mar 09.00 (49 h ahead) and 3 Mar
      20.00 for 4 Mar 08.00 (12 h ahead, late), by the Kasi in the admin.
    - filing (assignments as rows): event ending 3 Mar 12.00 filed 12.40
      by two reporters (40 min); ending 2 Mar 14.00 filed 15.20 (1 h 20
      min, late); ending 4 Mar 07.00 not filed (overdue since 08.00).
    """

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.website_admin = group_member("adminweb", sop.WEBSITE_ADMIN)
        cls.editor = group_member("redaktur", sop.MEDIA_CENTER_TEAM)
        cls.operator = group_member("operator", sop.OPERATOR)
        cls.kasi = group_member("kasi", sop.PUBLIC_RELATIONS_HEAD)
        cls.reporter = group_member("reporter", sop.REPORTER)
        cls.reporter2 = group_member("reporter2", sop.REPORTER)
        cls.superuser = UserFactory(username="admin", is_superuser=True)
        cls.rubric = RubricFactory(name="Pemerintahan")
        cls.image = ImageFactory(title="Festival")
        cls.mayor = Official.objects.create(name="Wali Kota", sort_order=1)
        runner = cls()
        runner.client = Client()
        cls.article_d = runner.run_d()
        cls.article_a = runner.run_a()
        cls.article_b = runner.run_b()
        cls.news = runner.run_news()
        cls.article_c = runner.run_c()
        runner.enter_agenda(wib(3, 1, 8), datetime.date(2026, 3, 3), "09:00")
        runner.enter_agenda(wib(3, 3, 20), datetime.date(2026, 3, 4), "08:00")
        cls.assignments = [
            runner.assignment(
                datetime.date(2026, 3, 3),
                datetime.time(10),
                datetime.time(12),
                [cls.reporter, cls.reporter2],
                submitted_at=wib(3, 3, 12, 40),
            ),
            runner.assignment(
                datetime.date(2026, 3, 2),
                datetime.time(13),
                datetime.time(14),
                [cls.reporter],
                submitted_at=wib(3, 3, 15, 20) - datetime.timedelta(days=1),
            ),
            runner.assignment(
                datetime.date(2026, 3, 4),
                datetime.time(6),
                datetime.time(7),
                [cls.reporter2],
            ),
        ]

    # Making the data through the admin -----------------------------------------

    def add_article(self, title, *, submit, writer=None):
        self.client.force_login(writer or self.writer)
        extra = {"action-submit": "1"} if submit else {}
        response = self.client.post(
            f"/admin/pages/add/infopublik/articlepage/{self.article_index.pk}/",
            self.article_form(title, **extra),
        )
        self.assertEqual(response.status_code, 302)
        return ArticlePage.objects.get(title=title)

    def submit_draft(self, page):
        self.client.force_login(self.writer)
        response = self.client.post(
            reverse("wagtailadmin_pages:edit", args=(page.pk,)),
            self.article_form(page.title, slug=page.slug, **{"action-submit": "1"}),
        )
        self.assertEqual(response.status_code, 302)

    def acted(self, user, page, action, comment=None):
        response, _state = self.act(user, page, action, comment)
        self.assertEqual(response.status_code, 302)

    def archive(self, page, user):
        record = ArchiveRecord.objects.get(page=page)
        self.client.force_login(user)
        response = self.client.post(
            reverse("archive_record:inspect", args=(record.pk,)),
            {
                "captions_and_credits_checked": "on",
                "documents_checked": "on",
                "classification_code": "000.9.2",
                "retention_period": "2 tahun aktif, 3 tahun inaktif, musnah",
                "note": "",
            },
        )
        self.assertEqual(response.status_code, 302)
        record.refresh_from_db()
        self.assertIsNotNone(record.archived_at)

    def run_d(self):
        with time_machine.travel(wib(2, 20, 9), tick=False) as clock:
            page = self.add_article("Laporan Februari", submit=True)
            clock.shift(minutes(5))
            self.acted(self.section_head, page, "approve")
        return page

    def run_a(self):
        with time_machine.travel(wib(3, 2, 6), tick=False) as clock:
            page = self.add_article("Rilis Data Penduduk", submit=False)
            clock.move_to(wib(3, 2, 9))
            self.submit_draft(page)
            clock.shift(minutes(10))
            self.acted(self.section_head, page, "approve")
            clock.shift(minutes(15))
            self.acted(self.head, page, "approve")
            clock.shift(minutes(20))
            self.acted(self.website_admin, page, "approve")
            clock.shift(minutes(20))
            self.archive(page, self.website_admin)
        page.refresh_from_db()
        self.assertTrue(page.live)
        return page

    def run_b(self):
        with time_machine.travel(wib(3, 2, 10), tick=False) as clock:
            page = self.add_article("Profil Kecamatan", submit=False)
            clock.move_to(wib(3, 3, 10))
            self.submit_draft(page)
            clock.shift(minutes(20))
            self.acted(self.section_head, page, "reject", RETURN_REASON)
        return page

    def run_c(self):
        with time_machine.travel(wib(3, 4, 8), tick=False) as clock:
            page = self.add_article("Statistik Sektoral", submit=True)
            clock.shift(minutes(50))
            self.acted(self.section_head_and_head, page, "approve")
            clock.shift(minutes(10))
            self.acted(self.head, page, "return_previous", RETURN_REASON)
        page.refresh_from_db()
        self.assertEqual(
            page.current_workflow_task.name, "Pemeriksaan Kasubbag", "back one step"
        )
        return page

    def news_data(self, **extra):
        return nested_form_data(
            {
                "title": "Wali Kota Buka Festival Isen Mulang",
                "slug": "wali-kota-buka-festival-isen-mulang",
                "lead": "Festival budaya dibuka Wali Kota.",
                "body": streamfield([("paragraph", rich_text("<p>Festival.</p>"))]),
                "main_image": self.image.pk,
                "main_image_alt": "Penari membuka festival",
                "main_image_caption": "Pembukaan festival",
                "main_image_credit": "Media Center",
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

    def run_news(self):
        with time_machine.travel(wib(3, 3, 13), tick=False) as clock:
            self.client.force_login(self.reporter)
            response = self.client.post(
                reverse(
                    "wagtailadmin_pages:add",
                    args=("media_center", "newspage", self.news_index.pk),
                ),
                self.news_data(**{"action-submit": "1"}),
            )
            self.assertEqual(response.status_code, 302)
            page = NewsPage.objects.get(alias_of=None)
            clock.shift(minutes(60))
            self.acted(self.editor, page, "approve")
            clock.shift(minutes(30))
            self.acted(self.operator, page, "approve")
            clock.move_to(wib(3, 4, 8))
            self.archive(page, self.operator)
        self.assertEqual(NewsPage.objects.filter(alias_of=page, live=True).count(), 2)
        return page

    def enter_agenda(self, at, day, start):
        with time_machine.travel(at, tick=False):
            self.client.force_login(self.kasi)
            response = self.client.post(
                reverse("agendaitem:add"),
                {
                    "officials": [self.mayor.pk],
                    "activity": f"Kegiatan Wali Kota {day:%d %m}",
                    "date": day.isoformat(),
                    "starts_at": start,
                    "ends_at": "",
                    "place": "Balai Kota",
                    "organiser": "",
                    "status": "scheduled",
                    "represented_by": "",
                    "is_public": "on",
                    "notes": "",
                },
            )
            self.assertEqual(response.status_code, 302)

    @staticmethod
    def assignment(day, start, end, reporters, submitted_at=None):
        """
        A coverage assignment and its filing time as the Media Center's
        signal handlers record them (media_center.services).
        """
        assignment = Assignment.objects.create(
            activity=f"Liputan {day:%d %m} {start:%H}",
            date=day,
            starts_at=start,
            ends_at=end,
            place="Palangka Raya",
            state="submitted" if submitted_at else "covered",
            submitted_at=submitted_at,
        )
        assignment.reporters.set(reporters)
        return assignment

    def publish_article(self, title, at):
        """An article through the three review steps, 5 minutes each: live at ``at`` + 15 min."""
        with time_machine.travel(at, tick=False) as clock:
            page = self.add_article(title, submit=True)
            for reviewer in (self.section_head, self.head, self.website_admin):
                clock.shift(minutes(5))
                self.acted(reviewer, page, "approve")
        page.refresh_from_db()
        self.assertTrue(page.live)
        return page

    def add_news(self, title, at, *, archive_at=None):
        """A news item through the news SOP, 5 minutes a step, live on the three sites."""
        with time_machine.travel(at, tick=False) as clock:
            self.client.force_login(self.reporter)
            response = self.client.post(
                reverse(
                    "wagtailadmin_pages:add",
                    args=("media_center", "newspage", self.news_index.pk),
                ),
                self.news_data(
                    title=title, slug=slugify(title), **{"action-submit": "1"}
                ),
            )
            self.assertEqual(response.status_code, 302)
            page = NewsPage.objects.get(slug=slugify(title), alias_of=None)
            for reviewer in (self.editor, self.operator):
                clock.shift(minutes(5))
                self.acted(reviewer, page, "approve")
            if archive_at:
                clock.move_to(archive_at)
                self.archive(page, self.operator)
        self.assertEqual(NewsPage.objects.filter(alias_of=page, live=True).count(), 2)
        return page

    @staticmethod
    def publication(news, *, started, published, live_everywhere=None, by=None):
        """
        A publication of ``news`` through the news SOP's publishing step (2 h)
        on the three sites, as media_center.services records it: not live
        everywhere (``live_everywhere`` None) while a copy has not gone live.
        """
        return NewsPublication.objects.create(
            news=news,
            published_at=published,
            sites=["media_center", "infopublik", "portal"],
            step_started_at=started,
            time_standard=datetime.timedelta(hours=2),
            approved_at=published,
            approved_by=by,
            live_everywhere_at=live_everywhere,
            took=live_everywhere - started if live_everywhere else None,
        )

    # Reading the report ----------------------------------------------------------

    def report(self, user=None, at=REPORT_AT, **params):
        with time_machine.travel(at, tick=False):
            self.client.force_login(user or self.head)
            response = self.client.get(REPORT_URL, params)
        self.assertEqual(response.status_code, 200)
        return response

    def rows(self, response):
        return [entry["row"] for entry in response.context["object_list"]]

    def row(self, response, step, *, month=None, group=None, person=None):
        found = [
            row
            for row in self.rows(response)
            if row.step.key == step
            and (month is None or row.month == month)
            and (group is None or row.group == group)
            and (person is None or (row.person and row.person.username == person))
        ]
        self.assertEqual(
            len(found), 1, [(r.step.key, r.group, r.person) for r in found]
        )
        return found[0]

    def figures(self, row):
        return (
            row.items,
            row.median,
            row.p90,
            row.within_share,
            row.overdue,
            row.rework,
        )

    def export(self, export_format, at=REPORT_AT, user=None, **params):
        with time_machine.travel(at, tick=False):
            self.client.force_login(user or self.head)
            response = self.client.get(REPORT_URL, {"export": export_format, **params})
            self.assertEqual(response.status_code, 200)
            content = b"".join(
                getattr(response, "streaming_content", None) or [response.content]
            )
        if export_format == "csv":
            return list(csv.reader(io.StringIO(content.decode("utf-8"))))
        workbook = openpyxl.load_workbook(io.BytesIO(content))
        return [list(row) for row in workbook.active.iter_rows(values_only=True)]

    @classmethod
    def task_key(cls, name):
        return f"task-{SOPTask.objects.get(name=name).pk}"


MARCH = datetime.date(2026, 3, 1)
FEBRUARY = datetime.date(2026, 2, 1)
KASUBBAG = "Pemeriksaan Kasubbag"
KEPALA = "Persetujuan Kepala"
ADMIN_WEBSITE = "Entri dan Publikasi Admin Website"
EDITING = "Penyuntingan dan Verifikasi"
PUBLISHING = "Publikasi Berita"


class PercentileTests(ContentSopTestCase):
    def test_linear_interpolation_between_the_nearest_ranks(self):
        values = [minutes(50), minutes(10), minutes(20)]
        self.assertEqual(percentile(values, 0.5), minutes(20))
        self.assertEqual(percentile(values, 0.9), minutes(44))
        self.assertEqual(percentile([minutes(10), minutes(20)], 0.5), minutes(15))
        self.assertEqual(percentile([minutes(7)], 0.9), minutes(7))
        self.assertIsNone(percentile([], 0.5))


class ComplianceFiguresTests(ComplianceTestCase):
    def test_the_data_set_is_what_the_figures_assume(self):
        # C's first check by "rangkap" was superseded by the return to the
        # previous step: cancelled, the approval still in Wagtail's log.
        states = TaskState.objects.filter(
            workflow_state__object_id=str(self.article_c.pk)
        ).order_by("started_at", "pk")
        self.assertEqual(
            [(state.task.name, state.status) for state in states],
            [
                (KASUBBAG, "cancelled"),
                (KEPALA, "rejected"),
                (KASUBBAG, "in_progress"),
            ],
        )

    def test_workflow_steps(self):
        response = self.report()
        kasubbag = self.row(response, self.task_key(KASUBBAG))
        # Three checks: 10, 20 (a return to the writer) and 50 minutes (its
        # approval later superseded; counted once). The check of C waiting
        # again since 09.00 is not due yet; D's was in February.
        self.assertEqual(
            self.figures(kasubbag), (3, minutes(20), minutes(44), 66.7, 1, 1)
        )
        self.assertEqual(kasubbag.within, 2)
        self.assertEqual(kasubbag.month, MARCH)
        # The Kepala: 15 minutes, and 10 for the return to the previous step.
        self.assertEqual(
            self.figures(self.row(response, self.task_key(KEPALA))),
            (2, minutes(12.5), minutes(14.5), 100.0, 0, 1),
        )
        self.assertEqual(
            self.figures(self.row(response, self.task_key(ADMIN_WEBSITE))),
            (1, minutes(20), minutes(20), 100.0, 0, 0),
        )
        self.assertEqual(
            self.figures(self.row(response, self.task_key(EDITING))),
            (1, minutes(60), minutes(60), 100.0, 0, 0),
        )
        self.assertEqual(
            self.figures(self.row(response, self.task_key(PUBLISHING))),
            (1, minutes(30), minutes(30), 100.0, 0, 0),
        )

    def test_the_steps_around_the_workflow(self):
        response = self.report()
        hours = datetime.timedelta(hours=1)
        # Drafting: 3 h, 24 h (late, returned to the writer once) and 0 h; the
        # Kepala's return to the previous step is not a return to the writer.
        self.assertEqual(
            self.figures(self.row(response, "content-drafting")),
            (3, 3 * hours, 3 * hours + 21 * hours * 0.8, 66.7, 1, 1),
        )
        self.assertEqual(
            self.figures(self.row(response, "content-archive")),
            (1, minutes(20), minutes(20), 100.0, 0, None),
        )
        # Agenda: the notice before the event, 49 h and 12 h (late).
        self.assertEqual(
            self.figures(self.row(response, "news-agenda")),
            (2, 30.5 * hours, 12 * hours + 37 * hours * 0.9, 50.0, 1, None),
        )
        # Filing: 40 min, 1 h 20 min (late), and one not filed and overdue.
        self.assertEqual(
            self.figures(self.row(response, "news-filing")),
            (3, minutes(60), minutes(76), 33.3, 2, None),
        )
        # Live on the three sites 30 minutes after the publishing step began.
        self.assertEqual(
            self.figures(self.row(response, "news-live_everywhere")),
            (1, minutes(30), minutes(30), 100.0, 0, None),
        )
        # Archived the next morning, 17 h 30 min after publication.
        self.assertEqual(
            self.figures(self.row(response, "news-archive")),
            (1, 17.5 * hours, 17.5 * hours, 100.0, 0, None),
        )

    def test_the_figures_as_the_page_shows_them(self):
        response = self.report()
        content = response.content.decode()
        kasubbag = content[content.index(f'data-step="{self.task_key(KASUBBAG)}"') :]
        kasubbag = kasubbag[: kasubbag.index("</tr>")]
        for text in (
            "SOP Konten",
            "Pemeriksaan Kasubbag (langkah 4)",
            "30 menit",
            "Maret 2026",
            ">3<",
            "20 menit",
            "44 menit",
            "66,7% <small>(2/3)</small>",
            ">1<",
        ):
            self.assertIn(text, kasubbag)
        drafting = content[content.index('data-step="content-drafting"') :]
        drafting = drafting[: drafting.index("</tr>")]
        self.assertIn("(langkah 1–3)", drafting)
        self.assertIn("5 jam", drafting)
        self.assertIn("19 jam 48 menit", drafting)
        archive = content[content.index('data-step="news-archive"') :]
        self.assertIn("—", archive[: archive.index("</tr>")])
        # The period the report covers: this month by default.
        self.assertContains(response, "1 Maret 2026")
        self.assertContains(response, "31 Maret 2026")

    def test_an_open_step_counts_as_overdue_once_past_due(self):
        # On 20 March the Kasubbag's second check of C (waiting since 4 March
        # 09.00) is 30 minutes past due since 09.30 on 4 March.
        response = self.report(at=wib(3, 20, 8))
        self.assertEqual(
            self.figures(self.row(response, self.task_key(KASUBBAG))),
            (4, minutes(20), minutes(44), 50.0, 2, 1),
        )
        # Nobody in particular owes it: "not done yet", under the step's groups.
        by_person = self.report(at=wib(3, 20, 8), breakdown="person")
        [waiting] = [
            row
            for row in self.rows(by_person)
            if row.step.key == self.task_key(KASUBBAG) and row.person is None
        ]
        self.assertEqual(self.figures(waiting), (1, None, None, 0.0, 1, 0))
        self.assertContains(by_person, in_indonesian("not done yet"))
        by_group = self.report(at=wib(3, 20, 8), breakdown="group")
        self.assertEqual(
            self.figures(
                self.row(by_group, self.task_key(KASUBBAG), group=sop.SECTION_HEAD)
            ),
            (4, minutes(20), minutes(44), 50.0, 2, 1),
        )

    # The paths of open items --------------------------------------------------------

    def test_a_draft_not_submitted_within_five_hours_is_overdue(self):
        # Saved 3 March 08.00, due 13.00: overdue at 09.20 on 4 March, and
        # charged to its writer; one saved at 06.00 that day (due 11.00) is
        # not due yet.
        with time_machine.travel(wib(3, 3, 8), tick=False):
            self.add_article("Draf Rencana Kerja", submit=False)
        with time_machine.travel(wib(3, 4, 6), tick=False):
            self.add_article("Draf Laporan Kinerja", submit=False)
        hours = datetime.timedelta(hours=1)
        drafting = (3 * hours, 3 * hours + 21 * hours * 0.8)
        response = self.report()
        self.assertEqual(
            self.figures(self.row(response, "content-drafting")),
            (4, *drafting, 50.0, 2, 1),
        )
        by_person = self.report(breakdown="person")
        self.assertEqual(
            self.figures(self.row(by_person, "content-drafting", person="penulis")),
            (4, *drafting, 50.0, 2, 1),
        )
        # At noon the second one is an hour past due too.
        noon = self.report(at=wib(3, 4, 12))
        self.assertEqual(
            self.figures(self.row(noon, "content-drafting")),
            (5, *drafting, 40.0, 3, 1),
        )

    def test_an_archive_step_not_yet_confirmed(self):
        # Live 4 March 07.15, archive due 07.45: overdue at 09.20. Live 09.10,
        # due 09.40: not yet due, not counted.
        self.publish_article("Rilis Inflasi", wib(3, 4, 7))
        self.publish_article("Rilis Kemiskinan", wib(3, 4, 8, 55))
        response = self.report()
        self.assertEqual(
            self.figures(self.row(response, "content-archive")),
            (2, minutes(20), minutes(20), 50.0, 1, None),
        )
        by_person = self.report(breakdown="person")
        archive = [
            row for row in self.rows(by_person) if row.step.key == "content-archive"
        ]
        self.assertEqual(
            [
                (row.person and row.person.username, self.figures(row))
                for row in archive
            ],
            [
                ("adminweb", (1, minutes(20), minutes(20), 100.0, 0, None)),
                (None, (1, None, None, 0.0, 1, None)),
            ],
        )
        by_group = self.report(breakdown="group")
        self.assertEqual(
            self.figures(
                self.row(by_group, "content-archive", group=sop.WEBSITE_ADMIN)
            ),
            (2, minutes(20), minutes(20), 50.0, 1, None),
        )
        # By 10.00 the second one is overdue too.
        later = self.report(at=wib(3, 4, 10))
        self.assertEqual(
            self.figures(self.row(later, "content-archive")),
            (3, minutes(20), minutes(20), 33.3, 2, None),
        )

    def test_a_news_publication_not_yet_live_everywhere(self):
        # The news again, its publishing step from 4 March 06.00 (due 08.00);
        # a copy not live yet at 09.20: open and overdue, on every site chosen.
        self.publication(
            self.news,
            started=wib(3, 4, 6),
            published=wib(3, 4, 6, 30),
            by=self.operator,
        )
        response = self.report()
        self.assertEqual(
            self.figures(self.row(response, "news-live_everywhere")),
            (2, minutes(30), minutes(30), 50.0, 1, None),
        )
        portal = self.report(site=self.portal_site.pk)
        self.assertEqual(self.row(portal, "news-live_everywhere").items, 2)
        by_person = self.report(breakdown="person")
        [open_row] = [
            row
            for row in self.rows(by_person)
            if row.step.key == "news-live_everywhere" and row.person is None
        ]
        self.assertEqual(self.figures(open_row), (1, None, None, 0.0, 1, None))
        # Published again at 09.00 and live everywhere 09.10 (20 minutes): the
        # earlier publication is superseded and no longer open.
        self.publication(
            self.news,
            started=wib(3, 4, 8, 50),
            published=wib(3, 4, 9),
            live_everywhere=wib(3, 4, 9, 10),
            by=self.operator,
        )
        response = self.report()
        self.assertEqual(
            self.figures(self.row(response, "news-live_everywhere")),
            (2, minutes(25), minutes(29), 100.0, 0, None),
        )

    def test_a_run_cancelled_by_its_submitter_is_no_ones_work(self):
        # The Kasubbag approves after 10 minutes; the Kepala's step waits 40
        # minutes (past its 30) until the writer cancels the run.
        with time_machine.travel(wib(3, 4, 7), tick=False) as clock:
            page = self.add_article("Rilis Ditarik", submit=True)
            clock.shift(minutes(10))
            self.acted(self.section_head, page, "approve")
            clock.shift(minutes(40))
            self.client.force_login(self.writer)
            response = self.client.post(
                reverse("wagtailadmin_pages:edit", args=(page.pk,)),
                self.article_form(
                    page.title, slug=page.slug, **{"action-cancel-workflow": "1"}
                ),
            )
            # The page is locked for the writer while in review: Wagtail cancels
            # the run and shows the edit form again.
            self.assertEqual(response.status_code, 200)
        cancelled = TaskState.objects.get(
            workflow_state__object_id=str(page.pk), task__name=KEPALA
        )
        self.assertEqual(
            (cancelled.status, cancelled.finished_by), ("cancelled", self.writer)
        )
        response = self.report()
        # The Kepala's figures as before: the cancelled step is not counted.
        self.assertEqual(
            self.figures(self.row(response, self.task_key(KEPALA))),
            (2, minutes(12.5), minutes(14.5), 100.0, 0, 1),
        )
        # The Kasubbag's approval in that run is: 10, 10, 20 and 50 minutes.
        self.assertEqual(
            self.figures(self.row(response, self.task_key(KASUBBAG))),
            (4, minutes(15), minutes(41), 75.0, 1, 1),
        )

    def test_rework_counts_only_returns_within_the_period(self):
        # B, submitted 3 March and returned to the writer at 10.20, is
        # resubmitted 4 March 10.00 (the same run): the Kasubbag approves at
        # 10.10, the Kepala returns it to the previous step at 10.20, the
        # Kasubbag returns it to the writer at 10.30.
        with time_machine.travel(wib(3, 4, 10), tick=False) as clock:
            self.submit_draft(self.article_b)
            clock.shift(minutes(10))
            self.acted(self.section_head, self.article_b, "approve")
            clock.shift(minutes(10))
            self.acted(self.head, self.article_b, "return_previous", RETURN_REASON)
            clock.shift(minutes(10))
            self.acted(self.section_head, self.article_b, "reject", RETURN_REASON)
        self.assertEqual(
            WorkflowState.objects.filter(object_id=str(self.article_b.pk)).count(), 1
        )
        at = wib(3, 5, 8)
        # Up to 3 March: only the first return to the writer.
        until_3_march = self.report(
            at=at, period_from="2026-03-01", period_to="2026-03-03"
        )
        drafting = self.row(until_3_march, "content-drafting")
        self.assertEqual((drafting.items, drafting.rework), (2, 1))
        # The whole month: both returns to the writer, not the one to the
        # previous step.
        whole_month = self.report(at=at)
        self.assertEqual(self.row(whole_month, "content-drafting").rework, 2)

    def test_an_archivist_whose_account_is_gone_is_not_recorded(self):
        # The archive record keeps the name when the account is gone: Warta
        # refuses to delete it, but a record can outlive an account removed
        # in the database, whose deletion sets the link empty as this plain
        # update does (past the records' write-once queryset). Who it was is
        # known, their groups are not.
        name = get_user_display_name(self.website_admin)
        models.QuerySet.update(
            ArchiveRecord.objects.filter(page=self.article_a), archived_by=None
        )
        record = ArchiveRecord.objects.get(page=self.article_a)
        self.assertEqual((record.archived_by, record.archived_by_name), (None, name))
        not_recorded = in_indonesian("not recorded")
        by_group = self.report(breakdown="group")
        self.assertEqual(
            self.figures(self.row(by_group, "content-archive", group=not_recorded)),
            (1, minutes(20), minutes(20), 100.0, 0, None),
        )
        self.assertFalse(
            [
                row
                for row in self.rows(by_group)
                if row.group == in_indonesian("outside the step's groups")
            ]
        )
        by_person = self.report(breakdown="person")
        [archive] = [
            row for row in self.rows(by_person) if row.step.key == "content-archive"
        ]
        self.assertEqual((archive.person.pk, archive.person.name), (None, name))
        self.assertContains(by_person, name)

    def test_months_follow_the_agencys_time_zone(self):
        # The Kepala reads the admin in UTC-12 (their Wagtail profile).
        profile = UserProfile.get_for_user(self.head)
        profile.current_time_zone = "Etc/GMT+12"
        profile.save()
        # The agenda item entered 1 March 08.00 WIB (28 February 13.00 in
        # UTC-12) is March's, with the other one.
        response = self.report()
        self.assertEqual(self.row(response, "news-agenda", month=MARCH).items, 2)
        self.assertEqual({row.month for row in self.rows(response)}, {MARCH})
        # At 1 March 05.00 WIB (28 February 10.00 in UTC-12) this month is March.
        early = self.report(at=wib(3, 1, 5))
        self.assertEqual(
            early.context["period"], Period(MARCH, datetime.date(2026, 3, 31))
        )
        with time_machine.travel(wib(3, 1, 5), tick=False):
            self.client.force_login(self.head)
            dashboard = self.client.get("/admin/")
        self.assertContains(
            dashboard, "period_from=2026-03-01&amp;period_to=2026-03-31"
        )

    # Export ----------------------------------------------------------------------

    def export_row(self, rows, step_name, sop_label="SOP Konten"):
        header = rows[0]
        index = {name: position for position, name in enumerate(header)}
        with translation.override("id"):
            step_heading = str(EXPORT_COLUMNS["step"][0])
            sop_heading = str(EXPORT_COLUMNS["sop"][0])
        [row] = [
            row
            for row in rows[1:]
            if row[index[step_heading]] == step_name
            and row[index[sop_heading]] == sop_label
        ]
        with translation.override("id"):
            return {
                field: row[index[str(label)]]
                for field, (label, _get) in EXPORT_COLUMNS.items()
                if str(label) in index
            }

    def test_csv_export(self):
        rows = self.export("csv")
        row = self.export_row(rows, KASUBBAG)
        self.assertEqual(
            row,
            {
                "sop": "SOP Konten",
                "step_number": "4",
                "step": KASUBBAG,
                "time_standard": "30 menit",
                "month": "2026-03",
                "items": "3",
                "median": "20 menit",
                "median_minutes": "20.0",
                "p90": "44 menit",
                "p90_minutes": "44.0",
                "within": "2",
                "within_share": "66.7",
                "overdue": "1",
                "rework": "1",
            },
        )
        agenda = self.export_row(
            rows, in_indonesian("Leaders' agenda received"), "SOP Berita"
        )
        self.assertEqual(agenda["rework"], "")
        self.assertEqual((agenda["within"], agenda["within_share"]), ("1", "50.0"))

    def test_xlsx_export(self):
        rows = self.export("xlsx")
        row = self.export_row(rows, KASUBBAG)
        self.assertEqual(
            (
                row["items"],
                row["median"],
                row["median_minutes"],
                row["p90_minutes"],
                row["within"],
                row["within_share"],
                row["overdue"],
                row["rework"],
                row["month"],
            ),
            (3, "20 menit", 20, 44, 2, 66.7, 1, 1, "2026-03"),
        )
        drafting = self.export_row(
            rows, in_indonesian("Collecting sources and drafting")
        )
        self.assertEqual(drafting["step_number"], "1–3")
        self.assertEqual(drafting["p90_minutes"], 1188)

    # Breakdowns --------------------------------------------------------------------

    def test_per_person(self):
        response = self.report(breakdown="person")
        step = self.task_key(KASUBBAG)
        self.assertEqual(
            self.figures(self.row(response, step, person="kasubbag")),
            (2, minutes(15), minutes(19), 100.0, 0, 1),
        )
        self.assertEqual(
            self.figures(self.row(response, step, person="rangkap")),
            (1, minutes(50), minutes(50), 0.0, 1, 0),
        )
        # Filing counts for each reporter of an assignment; the one not filed
        # yet is charged to its reporter, who owes the filing.
        filing = [row for row in self.rows(response) if row.step.key == "news-filing"]
        self.assertEqual(
            [
                (row.person.username if row.person else None, row.items, row.overdue)
                for row in filing
            ],
            [("reporter", 2, 1), ("reporter2", 2, 1)],
        )
        self.assertContains(
            response, f"{get_user_display_name(self.section_head)} (kasubbag)"
        )
        # The archive step names who archived it, as the record keeps it.
        archive = self.row(response, "content-archive", person="adminweb")
        self.assertEqual(archive.person.name, get_user_display_name(self.website_admin))
        rows = self.export("csv", breakdown="person")
        with translation.override("id"):
            self.assertIn(str(EXPORT_COLUMNS["person"][0]), rows[0])
            self.assertNotIn(str(EXPORT_COLUMNS["group"][0]), rows[0])
        self.assertIn(
            f"{get_user_display_name(self.section_head_and_head)} (rangkap)",
            [cell for row in rows for cell in row],
        )

    def test_per_group(self):
        response = self.report(breakdown="group")
        # "rangkap" is a Kasubbag and a Kepala: at the Kasubbag's step, a Kasubbag.
        self.assertEqual(
            self.figures(
                self.row(response, self.task_key(KASUBBAG), group=sop.SECTION_HEAD)
            ),
            (3, minutes(20), minutes(44), 66.7, 1, 1),
        )
        self.assertEqual(
            self.row(response, "content-drafting", group=sop.WRITER).items, 3
        )
        # Two reporters of one group file one assignment: counted once.
        self.assertEqual(
            self.figures(self.row(response, "news-filing", group=sop.REPORTER)),
            (3, minutes(60), minutes(76), 33.3, 2, None),
        )
        self.assertEqual(
            self.row(response, "news-agenda", group=sop.PUBLIC_RELATIONS_HEAD).items,
            2,
        )
        self.assertEqual(
            self.row(response, "news-archive", group=sop.OPERATOR).items, 1
        )
        self.assertContains(response, sop.SECTION_HEAD)
        rows = self.export("xlsx", breakdown="group")
        self.assertIn(sop.SECTION_HEAD, [cell for row in rows for cell in row])

    def test_who_entered_an_item_outside_the_admin_is_not_recorded(self):
        with time_machine.travel(wib(3, 2, 9), tick=False):
            AgendaItem.objects.create(
                activity="Rapat koordinasi",
                date=datetime.date(2026, 3, 5),
                starts_at=datetime.time(9),
                place="Balai Kota",
            )
        not_recorded = in_indonesian("not recorded")
        by_person = self.report(breakdown="person")
        [row] = [
            row
            for row in self.rows(by_person)
            if row.step.key == "news-agenda" and row.person and not row.person.pk
        ]
        self.assertEqual((row.items, row.within_share), (1, 100.0))
        self.assertContains(by_person, not_recorded)
        by_group = self.report(breakdown="group")
        self.assertEqual(self.row(by_group, "news-agenda", group=not_recorded).items, 1)

    def test_a_superuser_acts_outside_the_steps_groups(self):
        with time_machine.travel(wib(3, 4, 9, 10), tick=False):
            self.acted(self.superuser, self.article_c, "approve")
        response = self.report(breakdown="group")
        outside = self.row(
            response,
            self.task_key(KASUBBAG),
            group=in_indonesian("outside the step's groups"),
        )
        self.assertEqual(
            self.figures(outside), (1, minutes(10), minutes(10), 100.0, 0, 0)
        )

    # Filters -----------------------------------------------------------------------

    def steps_listed(self, response):
        return {row.step.key for row in self.rows(response)}

    def test_site_filter(self):
        news_steps = {
            self.task_key(EDITING),
            self.task_key(PUBLISHING),
            "news-live_everywhere",
            "news-archive",
        }
        # News live on all three sites counts for each; content only for Info Publik.
        portal = self.report(site=self.portal_site.pk)
        self.assertEqual(self.steps_listed(portal), news_steps)
        infopublik = self.report(site=self.infopublik_site.pk)
        self.assertTrue(
            news_steps | {"content-drafting", self.task_key(KASUBBAG)}
            <= self.steps_listed(infopublik)
        )
        self.assertNotIn("news-agenda", self.steps_listed(infopublik))
        media_center = self.report(site=self.media_center_site.pk)
        self.assertEqual(
            self.steps_listed(media_center),
            news_steps | {"news-agenda", "news-filing"},
        )

    def test_period_filter(self):
        february = self.report(period_from="2026-02-01", period_to="2026-02-28")
        self.assertEqual(
            self.steps_listed(february),
            {"content-drafting", self.task_key(KASUBBAG), self.task_key(KEPALA)},
        )
        self.assertEqual(
            self.figures(self.row(february, self.task_key(KASUBBAG))),
            (1, minutes(5), minutes(5), 100.0, 0, 0),
        )
        # The Kepala's step of D is still open: counted by when it fell due.
        self.assertEqual(
            self.figures(self.row(february, self.task_key(KEPALA))),
            (1, None, None, 0.0, 1, 0),
        )
        self.assertContains(february, "1 Februari 2026")
        both = self.report(period_from="2026-02-01", period_to="2026-03-31")
        self.assertEqual(
            [
                row.month
                for row in self.rows(both)
                if row.step.key == self.task_key(KASUBBAG)
            ],
            [FEBRUARY, MARCH],
        )
        # Local days: 4 March only holds C's drafting and checks.
        day = self.report(period_from="2026-03-04", period_to="2026-03-04")
        self.assertEqual(self.row(day, "content-drafting").items, 1)
        self.assertEqual(self.row(day, self.task_key(KASUBBAG)).items, 1)

    def test_step_and_sop_filters(self):
        response = self.report(step="news-filing")
        self.assertEqual(self.steps_listed(response), {"news-filing"})
        # A step with its own SOP chosen is no conflict.
        response = self.report(sop="news", step="news-filing")
        self.assertEqual(self.steps_listed(response), {"news-filing"})
        self.assertNotContains(response, 'class="help-block help-critical"')
        # The years at the edges of the range are accepted.
        response = self.report(period_from="2000-01-01", period_to="2100-12-31")
        self.assertNotContains(response, 'class="help-block help-critical"')
        self.assertIn(self.task_key(KASUBBAG), self.steps_listed(response))
        response = self.report(sop="content")
        self.assertTrue(all(row.step.sop == "content" for row in self.rows(response)))
        self.assertIn("content-archive", self.steps_listed(response))

    def test_broken_filter_input_is_explained(self):
        years = in_indonesian("Choose dates from the year %(first)s to %(last)s.") % {
            "first": 2000,
            "last": 2100,
        }
        other_sop = in_indonesian(
            "This step belongs to another SOP than the one chosen: "
            "choose all SOPs or a step of this SOP."
        )
        for params, message in (
            ({"period_from": "2026-13-45"}, in_indonesian("Enter a valid date.")),
            (
                {"period_from": "2026-03-31", "period_to": "2026-03-01"},
                in_indonesian("The period starts after it ends."),
            ),
            # Dates the report cannot even compute with (they gave a 500).
            ({"period_to": "9999-12-31"}, years),
            ({"period_from": "0001-01-01"}, years),
            ({"period_from": "0001-01-01", "period_to": "0001-01-02"}, years),
            ({"period_from": "1999-12-31", "period_to": "2026-03-01"}, years),
            ({"period_from": "2026-03-01", "period_to": "2101-01-01"}, years),
            # A step of the other SOP would only give an empty report.
            ({"sop": "content", "step": "news-filing"}, other_sop),
            ({"sop": "news", "step": self.task_key(KASUBBAG)}, other_sop),
            ({"step": "nothing"}, None),
            ({"site": "999999"}, None),
        ):
            with self.subTest(params=params):
                response = self.report(**params)
                self.assertContains(response, 'class="help-block help-critical"')
                if message:
                    self.assertContains(response, message)
                self.assertEqual(self.rows(response), [])
                # An export with broken filters shows the page, not a file.
                with time_machine.travel(REPORT_AT, tick=False):
                    exported = self.client.get(REPORT_URL, {**params, "export": "csv"})
                self.assertEqual(exported.status_code, 200)
                self.assertContains(exported, 'class="help-block help-critical"')

    # Who reads it ------------------------------------------------------------------

    def test_who_reads_the_report(self):
        for user, allowed in (
            (self.head, True),
            (self.kasi, True),
            (self.website_admin, True),
            (self.operator, True),
            (self.superuser, True),
            (self.writer, False),
            (self.section_head, False),
            (self.reporter, False),
        ):
            with self.subTest(user=user.username):
                with time_machine.travel(REPORT_AT, tick=False):
                    self.client.force_login(user)
                    page = self.client.get(REPORT_URL)
                    export = self.client.get(REPORT_URL, {"export": "xlsx"})
                    results = self.client.get(REPORT_URL + "results/")
                    home = self.client.get("/admin/")
                self.assertEqual(page.status_code, 200 if allowed else 403)
                self.assertEqual(export.status_code, 200 if allowed else 403)
                self.assertEqual(results.status_code, 200 if allowed else 403)
                if allowed:
                    self.assertContains(home, REPORT_URL)
                else:
                    self.assertNotContains(home, REPORT_URL)
                    self.assertNotContains(page, "66,7%", status_code=403)

    # The dashboard -----------------------------------------------------------------

    def dashboard(self, user):
        with time_machine.travel(REPORT_AT, tick=False):
            self.client.force_login(user)
            response = self.client.get("/admin/")
        self.assertEqual(response.status_code, 200)
        return response

    def test_the_dashboard_chart(self):
        response = self.dashboard(self.head)
        self.assertContains(response, 'id="sop-compliance-heading"')
        content = response.content.decode()
        chart = content[content.index('id="sop-compliance-heading"') :]
        chart = chart[: chart.index("</section>")]
        self.assertIn("<title", chart)
        self.assertNotIn("<script", chart)
        dates = "period_from=2026-03-01&amp;period_to=2026-03-31"
        for key, share, counts in (
            (self.task_key(KASUBBAG), "66,7%", "(2/3)"),
            (self.task_key(KEPALA), "100,0%", "(2/2)"),
            ("content-drafting", "66,7%", "(2/3)"),
            ("news-agenda", "50,0%", "(1/2)"),
            ("news-filing", "33,3%", "(1/3)"),
        ):
            with self.subTest(step=key):
                link = f'href="{REPORT_URL}?step={key}&amp;{dates}"'
                self.assertIn(link, chart)
                bar = chart[chart.index(link) :]
                bar = bar[: bar.index("</a>")]
                self.assertIn(f"{share} {counts}", bar)
                self.assertIn("aria-label=", bar)
        # Bars to scale: 66.7 % of the 230-unit track.
        kasubbag = chart[chart.index(f"step={self.task_key(KASUBBAG)}&") :]
        self.assertIn('width="153.4"', kasubbag[: kasubbag.index("</a>")])
        self.assertIn(f'href="{REPORT_URL}?{dates}"', chart)

    def test_the_chart_is_not_shown_to_others(self):
        for user in (self.writer, self.reporter, self.section_head):
            with self.subTest(user=user.username):
                response = self.dashboard(user)
                self.assertNotContains(response, 'id="sop-compliance-heading"')


class ComplianceQueryTests(ComplianceTestCase):
    def counts(self):
        with time_machine.travel(REPORT_AT, tick=False):
            self.client.force_login(self.head)
            counts = {
                "report": self.count_queries("testserver", REPORT_URL),
                "per person": self.count_queries(
                    "testserver", REPORT_URL, data={"breakdown": "person"}
                ),
                "per group on a site": self.count_queries(
                    "testserver",
                    REPORT_URL,
                    data={"breakdown": "group", "site": self.infopublik_site.pk},
                ),
                "csv": self.count_queries(
                    "testserver", REPORT_URL, data={"export": "csv"}
                ),
                "xlsx": self.count_queries(
                    "testserver",
                    REPORT_URL,
                    data={"export": "xlsx", "breakdown": "person"},
                ),
                "dashboard": self.count_queries("testserver", "/admin/"),
            }
        return counts

    def items_per_step(self):
        return {
            row.step.key: row.items
            for row in self.rows(self.report(breakdown="person"))
            if row.person is not None
        } | {row.step.key: row.items for row in self.rows(self.report())}

    def test_queries_do_not_grow_with_the_items(self):
        small = self.counts()
        before = self.items_per_step()
        # More of every record the report reads, and more people: writers
        # and a reporter; submissions checked, returned to the writer and to
        # the previous step; drafts waiting past their five hours; articles
        # published, archived or waiting for the archive step; news through
        # the news SOP with copies (aliases) on the other two sites, its
        # publications (one not live everywhere) and archive records; agenda
        # items; assignments filed and not filed.
        writers = [group_member(f"penulis{n}", sop.WRITER) for n in (3, 4)]
        reporter3 = group_member("reporter3", sop.REPORTER)
        with time_machine.travel(wib(3, 3, 7), tick=False) as clock:
            for number in range(4):
                page = self.add_article(
                    f"Laporan {number}", submit=True, writer=writers[number % 2]
                )
                clock.shift(minutes(5))
                action = "approve" if number % 2 else "reject"
                self.acted(self.section_head, page, action, RETURN_REASON)
                if action == "approve":
                    clock.shift(minutes(5))
                    self.acted(self.head, page, "return_previous", RETURN_REASON)
            for writer in writers:
                self.add_article(f"Draf {writer.username}", submit=False, writer=writer)
        published = [
            self.publish_article(f"Rilis {number}", wib(3, 3, 10 + number))
            for number in range(3)
        ]
        with time_machine.travel(wib(3, 3, 11), tick=False):
            self.archive(published[0], self.website_admin)
        self.add_news("Wali Kota Tinjau Pasar", wib(3, 2, 13))
        news = self.add_news(
            "Wali Kota Resmikan Jembatan", wib(3, 3, 9), archive_at=wib(3, 3, 16)
        )
        self.publication(
            news, started=wib(3, 4, 6), published=wib(3, 4, 6, 30), by=self.operator
        )
        for number in range(4):
            self.enter_agenda(
                wib(3, 2, 8 + number), datetime.date(2026, 3, 3 + number), "10:00"
            )
            self.assignment(
                datetime.date(2026, 3, 2),
                datetime.time(8 + number),
                None,
                [self.reporter, self.reporter2],
                submitted_at=wib(3, 2, 10 + number),
            )
            self.assignment(
                datetime.date(2026, 3, 3),
                datetime.time(13 + number),
                None,
                [reporter3, *writers[: number % 2]],
            )
        self.assertGreater(AgendaItem.objects.count(), 5)
        self.assertEqual(NewsPage.objects.exclude(alias_of=None).count(), 6)
        large = self.counts()
        # Every step read more items (and, per person, more people's).
        after = self.items_per_step()
        self.assertEqual(set(before), set(after))
        for key, count in before.items():
            with self.subTest(step=key):
                self.assertGreater(after[key], count)
        with time_machine.travel(REPORT_AT, tick=False):
            response = self.report()
        # The Kasubbag: 3, 4 checks of the reports, 3 of the releases, and the
        # 2 reports returned to the step waiting again past due.
        self.assertEqual(self.row(response, self.task_key(KASUBBAG)).items, 12)
        # The dashboard's other panels take their own queries: the same
        # number whatever the items, but more than the report's.
        self.assertEqual(small.pop("dashboard"), large.pop("dashboard"))
        self.assertQueryCountsBounded(small, large, limit=50)

    def test_panel_queries_do_not_grow(self):
        from wagtail.coreutils import get_dummy_request

        from moderation.panels import ComplianceSummaryPanel

        def panel_queries():
            request = get_dummy_request()
            request.user = self.head
            with (
                time_machine.travel(REPORT_AT, tick=False),
                CaptureQueriesContext(connection) as queries,
            ):
                html = ComplianceSummaryPanel().render_html({"request": request})
            return html, len(queries)

        panel_queries()
        html, small = panel_queries()
        self.assertIn("66,7%", html)
        for number in range(3):
            self.assignment(
                datetime.date(2026, 3, 1),
                datetime.time(8 + number),
                None,
                [self.reporter],
                submitted_at=wib(3, 1, 9 + number),
            )
        html, large = panel_queries()
        self.assertEqual(small, large)
        self.assertNotIn("33,3%", html)
        # Filing now 4 of 6 within the hour.
        self.assertIn("66,7% (4/6)", html)
