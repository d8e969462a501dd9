"""
The SOP workflow emails through the admin views: who is told when a step
starts, approves or returns, after the commit only, never doubled by
Wagtail's own emails; reminders and escalations of late steps, each once.
"""

import datetime
import io
import threading
import time
import zoneinfo
from unittest import skipUnless

from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.db import connection, transaction
from django.test import TransactionTestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask
from wagtail.users.models import UserProfile

import time_machine

from infopublik.factories import ArticlePageFactory, SectionFactory
from infopublik.models import ArticleIndexPage
from moderation import notifications
from moderation import services as sop
from moderation.models import SOPReminder, SOPTask
from portal.factories import UserFactory
from tests.moderation.utils import ContentSopTestCase

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
# December: the month is "Desember" in Indonesian, "December" in English.
SUBMITTED = datetime.datetime(2026, 12, 1, 9, 0, tzinfo=WIB)
DOMAIN = "@palangkaraya.go.id"


def addresses(*usernames):
    return sorted(f"{username}{DOMAIN}" for username in usernames)


class SopEmailTestCase(ContentSopTestCase):
    """The content SOP's people plus those who must never hear of every step."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.website_admin = UserFactory(username="adminweb")
        cls.website_admin.groups.add(Group.objects.get(name=sop.WEBSITE_ADMIN))
        cls.superuser = UserFactory(username="admin", is_superuser=True)
        section_heads = Group.objects.get(name=sop.SECTION_HEAD)
        # Members who cannot be mailed: gone, or without an address.
        UserFactory(username="pensiun", is_active=False).groups.add(section_heads)
        UserFactory(username="tanpasurel", email="").groups.add(section_heads)

    def setUp(self):
        super().setUp()
        traveller = time_machine.travel(SUBMITTED, tick=False)
        self.clock = traveller.start()
        self.addCleanup(traveller.stop)

    def at(self, minutes):
        self.clock.move_to(SUBMITTED + datetime.timedelta(minutes=minutes))

    def submit(self, user=None, **kwargs):
        with self.captureOnCommitCallbacks(execute=True):
            return self.submit_article(user or self.writer, **kwargs)

    def act(self, user, page, action, comment=None):
        with self.captureOnCommitCallbacks(execute=True):
            response, task_state = super().act(user, page, action, comment)
        self.assertEqual(response.status_code, 302)
        return response, task_state

    def outbox(self, kind=None):
        """The emails sent (of ``kind``), as sorted recipient addresses."""
        return sorted(
            address
            for message in mail.outbox
            if kind is None or message.extra_headers[notifications.KIND_HEADER] == kind
            for address in message.to
        )

    def message_to(self, username, kind):
        matches = [
            message
            for message in mail.outbox
            if message.to == [f"{username}{DOMAIN}"]
            and message.extra_headers[notifications.KIND_HEADER] == kind
        ]
        self.assertEqual(len(matches), 1, [m.to for m in mail.outbox])
        return matches[0]


class StepEmailTests(SopEmailTestCase):
    def test_submission_tells_the_first_steps_group_once(self):
        page = self.submit()

        # The Kasubbag group, not the writer, the inactive member, the member
        # without an address, nor the superuser; and no second email from
        # Wagtail's own notifiers.
        self.assertEqual(self.outbox(), addresses("kasubbag", "penulis2", "rangkap"))
        self.assertEqual(len(mail.outbox), 3)
        message = self.message_to("kasubbag", "step_started")
        self.assertIn(page.title, message.subject)
        self.assertIn("Pemeriksaan Kasubbag", message.subject)
        for text in (
            page.title,
            "Info Publik Kota Palangka Raya",
            "Pemeriksaan Kasubbag",
            "SOP Konten, langkah 4",
            "Penulis",  # the writer
            "1 Desember 2026 09.30 WIB",  # due, in Indonesian and WIB
            "http://portal.localhost/admin/",  # the dashboard, where they act
            f"http://portal.localhost/admin/pages/workflow/preview/{page.pk}/",
        ):
            self.assertIn(text, message.body)
        self.assertEqual(message.extra_headers["Auto-Submitted"], "auto-generated")

    def test_whoever_acts_is_not_told_of_their_own_action(self):
        # Writer and Kasubbag: submits, and is not asked to check it.
        page = self.submit(self.writer_and_section_head)
        self.assertEqual(self.outbox(), addresses("kasubbag", "rangkap"))
        mail.outbox.clear()

        # Kasubbag and Kepala: approves step 4, and is not asked for step 5
        # (which they may not approve anyway).
        self.act(self.section_head_and_head, page, "approve")

        self.assertEqual(self.outbox("step_started"), addresses("kepala"))
        self.assertEqual(self.outbox("approved"), addresses("penulis2"))

    def test_a_step_that_stops_waiting_before_the_commit_is_not_announced(self):
        page = ArticlePageFactory.build(
            title="Draf Ditarik", section=self.section, live=False
        )
        self.article_index.add_child(instance=page)
        page.save_revision(user=self.writer)

        with self.captureOnCommitCallbacks(execute=True):
            workflow_state = page.get_workflow().start(page, self.writer)
            workflow_state.cancel(user=self.writer)

        self.assertEqual(mail.outbox, [])

    def test_a_reviewer_who_may_edit_gets_the_editor_link(self):
        page = self.submit()
        mail.outbox.clear()

        self.act(self.section_head, page, "approve")

        message = self.message_to("kepala", "step_started")
        self.assertIn(
            f"http://portal.localhost/admin/pages/{page.pk}/edit/", message.body
        )

    def test_emails_wait_for_the_commit(self):
        with self.captureOnCommitCallbacks() as callbacks:
            self.submit_article(self.writer)
        self.assertEqual(mail.outbox, [])

        for callback in callbacks:
            callback()
        self.assertEqual(len(mail.outbox), 3)

    def test_nothing_is_sent_when_the_transaction_rolls_back(self):
        page = ArticlePageFactory.build(
            title="Draf Batal", section=self.section, live=False
        )
        self.article_index.add_child(instance=page)
        page.save_revision(user=self.writer)

        with self.captureOnCommitCallbacks(execute=True) as callbacks:
            try:
                with transaction.atomic():
                    page.get_workflow().start(page, self.writer)
                    raise RuntimeError("the request failed after the submission")
            except RuntimeError:
                pass
        self.assertEqual(callbacks, [])
        self.assertEqual(mail.outbox, [])

        # The same submission, committed, does tell the group.
        with self.captureOnCommitCallbacks(execute=True):
            page.get_workflow().start(page, self.writer)
        self.assertEqual(self.outbox(), addresses("kasubbag", "penulis2", "rangkap"))

    def test_approvals_tell_the_writer_and_the_earlier_approvers(self):
        page = self.submit()
        mail.outbox.clear()

        self.act(self.section_head, page, "approve")
        self.assertEqual(self.outbox("approved"), addresses("penulis"))
        self.assertEqual(self.outbox("step_started"), addresses("kepala", "rangkap"))
        self.assertEqual(len(mail.outbox), 3)
        approved = self.message_to("penulis", "approved")
        self.assertIn("Kasubbag", approved.body)  # who approved
        self.assertIn("Persetujuan Kepala", approved.body)  # where it goes next
        self.assertIn("1 Desember 2026 09.30 WIB", approved.body)  # and by when
        self.assertIn(
            f"http://portal.localhost/admin/pages/{page.pk}/edit/", approved.body
        )
        mail.outbox.clear()

        self.act(self.head, page, "approve")
        self.assertEqual(self.outbox("approved"), addresses("kasubbag", "penulis"))
        self.assertEqual(self.outbox("step_started"), addresses("adminweb"))
        self.assertEqual(len(mail.outbox), 3)
        mail.outbox.clear()

        self.act(self.website_admin, page, "approve")
        # Published: everyone who took part hears it once; the publisher and
        # the superuser do not.
        page.refresh_from_db()
        self.assertTrue(page.live)
        self.assertEqual(
            self.outbox("approved"), addresses("kasubbag", "kepala", "penulis")
        )
        self.assertEqual(len(mail.outbox), 3)

    def test_a_return_tells_the_writer_and_the_earlier_approvers_why(self):
        page = self.submit()
        self.act(self.section_head, page, "approve")
        mail.outbox.clear()

        self.act(self.head, page, "reject", "Sebutkan sumber data BPS.")

        self.assertEqual(self.outbox("returned"), addresses("kasubbag", "penulis"))
        self.assertEqual(len(mail.outbox), 2)
        for username in ("penulis", "kasubbag"):
            message = self.message_to(username, "returned")
            self.assertIn("Sebutkan sumber data BPS.", message.body)
            self.assertIn("Persetujuan Kepala", message.subject)
            self.assertIn(page.title, message.subject)
        # The writer is sent to the editor; the Kasubbag cannot edit.
        self.assertIn(
            f"/admin/pages/{page.pk}/edit/", self.message_to("penulis", "returned").body
        )
        self.assertNotIn(
            f"/admin/pages/{page.pk}/edit/",
            self.message_to("kasubbag", "returned").body,
        )

    def test_a_resubmission_starts_again_at_the_first_step_with_the_reason(self):
        page = self.submit()
        self.act(self.section_head, page, "approve")
        self.act(self.head, page, "reject", "Sebutkan sumber data BPS.")
        mail.outbox.clear()

        self.client.force_login(self.writer)
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                reverse("wagtailadmin_pages:edit", args=(page.pk,)),
                self.article_form(
                    page.title, "Sumber: BPS.", slug=page.slug, **{"action-submit": "1"}
                ),
            )
        self.assertEqual(response.status_code, 302)

        # Only the first step's group: not the Kepala's step Wagtail would resume.
        self.assertEqual(self.outbox(), addresses("kasubbag", "penulis2", "rangkap"))
        message = self.message_to("kasubbag", "step_started")
        self.assertIn("Pemeriksaan Kasubbag", message.subject)
        self.assertIn("Sebutkan sumber data BPS.", message.body)

    def test_a_return_to_the_previous_step(self):
        page = self.submit()
        self.act(self.section_head, page, "approve")
        mail.outbox.clear()

        self.act(self.head, page, "return_previous", "Angka kecamatan Jekan Raya?")

        # The writer hears where it went; the Kasubbag group is asked to check
        # it again, with the reason. The Kasubbag whose approval no longer
        # counts gets that one email, not a second one.
        self.assertEqual(self.outbox("returned"), addresses("penulis"))
        self.assertEqual(
            self.outbox("step_started"), addresses("kasubbag", "penulis2", "rangkap")
        )
        self.assertEqual(len(mail.outbox), 4)
        self.assertIn(
            "Angka kecamatan Jekan Raya?",
            self.message_to("kasubbag", "step_started").body,
        )
        returned = self.message_to("penulis", "returned")
        self.assertIn("Angka kecamatan Jekan Raya?", returned.body)
        self.assertIn("Pemeriksaan Kasubbag", returned.body)

    def test_notification_switches_and_languages_of_the_recipients(self):
        UserProfile.objects.create(
            user=self.section_head, submitted_notifications=False
        )
        UserProfile.objects.create(
            user=self.writer_and_section_head, preferred_language="en"
        )

        self.submit()

        self.assertEqual(self.outbox(), addresses("penulis2", "rangkap"))
        self.assertIn(
            "1 December 2026 09.30 WIB",
            self.message_to("penulis2", "step_started").body,
        )
        self.assertIn(
            "1 Desember 2026 09.30 WIB",
            self.message_to("rangkap", "step_started").body,
        )


class WagtailWorkflowEmailTests(SopEmailTestCase):
    def test_other_workflows_keep_wagtails_emails_without_superusers(self):
        task = GroupApprovalTask.objects.create(name="Periksa cepat")
        task.groups.set([Group.objects.get(name=sop.SECTION_HEAD)])
        workflow = Workflow.objects.create(name="Alur sementara")
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        WorkflowPage.objects.create(workflow=workflow, page=self.article_index)

        self.submit()

        # Wagtail's own email to the group, once each; none of ours, none to
        # the superuser.
        self.assertEqual(
            sorted(address for message in mail.outbox for address in message.to),
            addresses("kasubbag", "penulis2", "rangkap"),
        )
        for message in mail.outbox:
            self.assertNotIn(notifications.KIND_HEADER, message.extra_headers)


class EscalationSetupTests(SopEmailTestCase):
    def escalation(self, name):
        task = SOPTask.objects.get(name=name)
        return sorted(task.escalation_groups.values_list("name", flat=True))

    def test_setup_escalates_one_level_up_and_keeps_administrators_changes(self):
        self.assertEqual(self.escalation("Pemeriksaan Kasubbag"), [sop.HEAD])
        self.assertEqual(self.escalation("Persetujuan Kepala"), [])
        self.assertEqual(
            self.escalation("Entri dan Publikasi Admin Website"), [sop.SECTION_HEAD]
        )
        self.assertEqual(
            self.escalation("Penyuntingan dan Verifikasi"), [sop.PUBLIC_RELATIONS_HEAD]
        )
        self.assertEqual(
            self.escalation("Publikasi Berita"), [sop.PUBLIC_RELATIONS_HEAD]
        )

        SOPTask.objects.get(name="Pemeriksaan Kasubbag").escalation_groups.clear()
        sop.sop_setup()

        self.assertEqual(self.escalation("Pemeriksaan Kasubbag"), [])

    def test_escalation_groups_are_edited_under_workflow_tasks(self):
        task = SOPTask.objects.get(name="Pemeriksaan Kasubbag")
        url = reverse("wagtailadmin_workflows:edit_task", args=(task.pk,))
        self.client.force_login(self.superuser)

        form = self.client.get(url)
        self.assertContains(form, 'type="checkbox" name="escalation_groups"')

        website_admins = Group.objects.get(name=sop.WEBSITE_ADMIN)
        response = self.client.post(
            url,
            {
                "name": task.name,
                "groups": [group.pk for group in task.groups.all()],
                "sop": task.sop,
                "step_number": task.step_number,
                "time_standard": "00:30:00",
                "reason_required": "on",
                "escalation_groups": [website_admins.pk],
            },
        )

        self.assertEqual(response.status_code, 302, getattr(response, "context", ""))
        self.assertEqual(self.escalation(task.name), [sop.WEBSITE_ADMIN])


class ReminderTests(SopEmailTestCase):
    def remind(self, minutes):
        """Run the command ``minutes`` after the submission; its output."""
        self.at(minutes)
        mail.outbox.clear()
        out = io.StringIO()
        with self.captureOnCommitCallbacks(execute=True):
            call_command("send_sop_reminders", stdout=out)
        return out.getvalue()

    def test_due_soon_then_overdue_with_escalation_each_once(self):
        page = self.submit()

        self.remind(22)  # 73 % of 30 minutes
        self.assertEqual(mail.outbox, [])

        output = self.remind(22.5)  # 75 %
        self.assertEqual(
            self.outbox("due_soon"), addresses("kasubbag", "penulis2", "rangkap")
        )
        self.assertEqual(len(mail.outbox), 3)
        self.assertIn(": 1 (", output)
        self.assertIn(": 3)", output)
        message = self.message_to("kasubbag", "due_soon")
        self.assertIn(page.title, message.subject)
        self.assertIn("1 Desember 2026 09.30 WIB", message.body)

        self.remind(25)
        self.assertEqual(mail.outbox, [])

        self.remind(30)  # due now, not yet past it
        self.assertEqual(mail.outbox, [])

        output = self.remind(31)
        # The group and, escalated, the Kepala; "rangkap" is in both and is
        # told once.
        self.assertEqual(
            self.outbox("overdue"),
            addresses("kasubbag", "kepala", "penulis2", "rangkap"),
        )
        self.assertEqual(len(mail.outbox), 4)
        # The Kepala is told why, and whom to follow it up with.
        self.assertIn(sop.SECTION_HEAD, self.message_to("kepala", "overdue").body)
        self.assertNotIn(sop.SECTION_HEAD, self.message_to("kasubbag", "overdue").body)

        self.remind(45)
        self.remind(60 * 24)
        self.assertEqual(mail.outbox, [])
        self.assertEqual(
            sorted(SOPReminder.objects.values_list("threshold", flat=True)),
            ["due_soon", "overdue"],
        )

    def test_a_step_first_seen_overdue_is_reminded_once_as_overdue(self):
        self.submit()

        self.remind(40)
        self.remind(41)

        self.assertEqual(
            list(SOPReminder.objects.values_list("threshold", flat=True)), ["overdue"]
        )

    def test_steps_that_stopped_waiting_are_not_reminded(self):
        page = self.submit()
        self.act(self.section_head, page, "approve")  # at 0 minutes

        self.remind(25)  # the Kepala's step is at 83 %; the Kasubbag's is done

        self.assertEqual(self.outbox("due_soon"), addresses("kepala", "rangkap"))
        self.assertEqual(
            SOPReminder.objects.get().task_state.task.name, "Persetujuan Kepala"
        )

    def test_the_escalation_groups_are_the_administrators_to_change(self):
        task = SOPTask.objects.get(name="Pemeriksaan Kasubbag")
        task.escalation_groups.set([Group.objects.get(name=sop.WEBSITE_ADMIN)])
        self.submit()

        self.remind(31)

        self.assertEqual(
            self.outbox("overdue"),
            addresses("adminweb", "kasubbag", "penulis2", "rangkap"),
        )

    def test_a_reminder_claimed_by_an_overlapping_run_is_not_sent_again(self):
        first = self.submit()
        second = self.submit(title="Laporan Kedua")
        self.at(31)
        states = {
            page.pk: page.current_workflow_task_state.pk for page in (first, second)
        }
        # Another run claimed the first page's reminder after this run looked.
        SOPReminder.objects.create(
            task_state_id=states[first.pk],
            threshold=SOPReminder.Threshold.OVERDUE,
            sent_at=SUBMITTED,
        )

        claimed = notifications._reminders_claim(
            sorted((pk, SOPReminder.Threshold.OVERDUE) for pk in states.values()),
            now=SUBMITTED,
        )

        self.assertEqual(claimed, {(states[second.pk], SOPReminder.Threshold.OVERDUE)})
        self.assertEqual(SOPReminder.objects.count(), 2)

    def test_queries_do_not_grow_with_the_number_of_steps(self):
        def count(minutes):
            self.at(minutes)
            with (
                CaptureQueriesContext(connection) as queries,
                self.captureOnCommitCallbacks(execute=True),
            ):
                run = notifications.sop_reminders_send()
            return run.reminders, len(queries)

        self.submit(title="Pemanasan")
        count(31)  # warms the content type cache

        self.at(100)
        self.submit(title="Satu")
        small = count(131)
        self.at(200)
        for number in range(5):
            self.submit(title=f"Laporan {number}")
        large = count(231)

        self.assertEqual((small[0], large[0]), (1, 5))
        self.assertEqual(small[1], large[1])
        # Nothing due: a handful of queries, whatever is waiting.
        self.assertLessEqual(count(232)[1], 5)


@skipUnless(
    connection.vendor == "postgresql",
    "Overlapping reminder runs are tested on PostgreSQL: SQLite lets one writer "
    "in at a time, so runs cannot overlap there.",
)
class OverlappingReminderRunTests(TransactionTestCase):
    """Two ``send_sop_reminders`` at the same moment, in real transactions."""

    serialized_rollback = True

    def setUp(self):
        sop.sop_setup()
        writer = UserFactory(username="penulis")
        writer.groups.add(Group.objects.get(name=sop.WRITER))
        UserFactory(username="kasubbag").groups.add(
            Group.objects.get(name=sop.SECTION_HEAD)
        )
        UserFactory(username="kepala").groups.add(Group.objects.get(name=sop.HEAD))
        page = ArticlePageFactory.build(
            title="Rilis Data Penduduk",
            section=SectionFactory(name="Bidang Statistik"),
            live=False,
        )
        ArticleIndexPage.objects.get().add_child(instance=page)
        page.save_revision(user=writer)
        page.get_workflow().start(page, writer)
        self.overdue_at = page.current_workflow_task_state.started_at + (
            datetime.timedelta(minutes=31)
        )
        mail.outbox = []

    def wait_until_a_query_waits_for_a_lock(self):
        """Poll PostgreSQL until some statement is blocked by a row lock."""
        with connection.cursor() as cursor:
            for _attempt in range(200):
                cursor.execute(
                    "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE NOT granted)"
                )
                if cursor.fetchone()[0]:
                    return
                time.sleep(0.05)

    def test_each_reminder_is_sent_once(self):
        claimed = threading.Event()
        runs = {}

        def first_run():
            # Claims, and keeps its transaction open until the other run,
            # which found nothing committed yet, is blocked claiming the same row.
            try:
                with transaction.atomic():
                    runs["first"] = notifications.sop_reminders_send(
                        now=self.overdue_at
                    )
                    claimed.set()
                    self.wait_until_a_query_waits_for_a_lock()
            finally:
                connection.close()

        def second_run():
            try:
                claimed.wait(timeout=10)
                runs["second"] = notifications.sop_reminders_send(now=self.overdue_at)
            finally:
                connection.close()

        threads = [
            threading.Thread(target=first_run),
            threading.Thread(target=second_run),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)

        self.assertEqual(
            runs,
            {
                "first": notifications.ReminderRun(reminders=1, emails=2),
                "second": notifications.ReminderRun(reminders=0, emails=0),
            },
        )
        self.assertEqual(
            sorted(address for message in mail.outbox for address in message.to),
            addresses("kasubbag", "kepala"),
        )
        self.assertEqual(SOPReminder.objects.count(), 1)
