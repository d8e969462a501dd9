"""The demo content in every SOP workflow state (issue 3, point 3), made by seed_demo."""

from io import StringIO

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone

from wagtail.models import (
    Page,
    PageLogEntry,
    Revision,
    TaskState,
    Workflow,
    WorkflowState,
)

from media_center.models import NewsPublication
from moderation.demo import DEMO_RUNS
from moderation.models import SOPTask
from moderation.services import WORKFLOW_PLANS
from moderation.working_time import DeadlineState, deadline_state


def sop_workflows():
    """The two SOP workflows (not Wagtail's own "Moderators approval")."""
    workflows = Workflow.objects.filter(name__in=[plan.name for plan in WORKFLOW_PLANS])
    assert workflows.count() == 2
    return workflows


def workflow_counts():
    """What moving content through a workflow writes, counted."""
    return {
        "pages": Page.objects.count(),
        "workflow states": WorkflowState.objects.count(),
        "task states": TaskState.objects.count(),
        "revisions": Revision.objects.count(),
        "log entries": PageLogEntry.objects.count(),
    }


def workflow_snapshot():
    """Where every run stands: status, current step and its start."""
    return sorted(
        (
            state.pk,
            state.status,
            state.current_task_state_id,
            state.current_task_state.started_at,
        )
        for state in WorkflowState.objects.select_related("current_task_state")
    )


class DemoStatesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        # Test settings run with DEBUG off, hence --force.
        call_command("seed_demo", "--force", stdout=StringIO())
        cls.demo_titles = {run.title for run in DEMO_RUNS}

    def page_of(self, workflow_state):
        return Page.objects.get(pk=workflow_state.object_id).specific

    def demo_states(self):
        states = list(WorkflowState.objects.select_related("workflow"))
        self.assertEqual(
            {self.page_of(state).title for state in states}, self.demo_titles
        )
        return states

    def test_every_step_has_content_within_and_beyond_its_time_standard(self):
        now = timezone.now()
        tasks = list(SOPTask.objects.all())
        self.assertEqual(
            {task.name for task in tasks},
            {task.name for plan in WORKFLOW_PLANS for task in plan.tasks},
        )
        for task in tasks:
            with self.subTest(step=task.name):
                states = [
                    deadline_state(
                        started_at=task_state.started_at,
                        time_standard=task.time_standard,
                        now=now,
                    )
                    for task_state in TaskState.objects.filter(
                        task=task, status=TaskState.STATUS_IN_PROGRESS
                    )
                ]
                self.assertIn(DeadlineState.RED, states)
                self.assertTrue(
                    {DeadlineState.GREEN, DeadlineState.AMBER} & set(states), states
                )

    def test_content_waits_as_its_writer_submitted_it(self):
        for state in WorkflowState.objects.filter(
            status=WorkflowState.STATUS_IN_PROGRESS
        ):
            with self.subTest(page=self.page_of(state).title):
                page = self.page_of(state)
                self.assertFalse(page.live)
                self.assertTrue(page.workflow_in_progress)
                self.assertEqual(
                    state.current_task_state.revision.user, state.requested_by
                )
                self.assertIn(
                    state.requested_by.username, {"penulis", "reporter", "kontributor"}
                )

    def test_each_workflow_has_content_returned_with_a_written_reason(self):
        for workflow in sop_workflows():
            with self.subTest(workflow=workflow.name):
                returned = WorkflowState.objects.filter(
                    workflow=workflow, status=WorkflowState.STATUS_NEEDS_CHANGES
                )
                self.assertTrue(returned.exists())
                for state in returned:
                    task_state = state.current_task_state
                    self.assertEqual(task_state.status, TaskState.STATUS_REJECTED)
                    self.assertGreater(len(task_state.comment.strip()), 20)
                    self.assertNotEqual(task_state.finished_by, state.requested_by)
                    self.assertFalse(self.page_of(state).live)

    def test_each_workflow_has_content_approved_at_every_step_and_published(self):
        for workflow in sop_workflows():
            approved = WorkflowState.objects.filter(
                workflow=workflow, status=WorkflowState.STATUS_APPROVED
            )
            self.assertTrue(approved.exists())
            for state in approved:
                self.assert_approved_at_every_step_and_published(workflow, state)

    def test_published_news_runs_are_measured_against_the_publishing_standard(self):
        # One operator published within the two hours, one took longer.
        publications = NewsPublication.objects.exclude(step_started_at=None)
        self.assertEqual(
            {publication.on_time for publication in publications}, {True, False}
        )
        for publication in publications:
            with self.subTest(news=publication.news.title):
                step = publication.task_state
                self.assertEqual(publication.step_started_at, step.started_at)
                self.assertEqual(publication.approved_at, step.finished_at)
                self.assertEqual(publication.published_at, step.finished_at)
                self.assertEqual(
                    {live.live_at for live in publication.sites_live.all()},
                    {step.finished_at},
                )
                self.assertEqual(publication.took, step.finished_at - step.started_at)

    def assert_approved_at_every_step_and_published(self, workflow, state):
        with self.subTest(workflow=workflow.name, page=self.page_of(state).title):
            page = self.page_of(state)
            self.assertTrue(page.live)
            self.assertFalse(page.has_unpublished_changes)
            task_states = list(state.task_states.order_by("started_at"))
            self.assertEqual(
                [task_state.task_id for task_state in task_states],
                list(workflow.tasks.values_list("pk", flat=True)),
            )
            approvers = [task_state.finished_by for task_state in task_states]
            self.assertTrue(
                all(
                    task_state.status == TaskState.STATUS_APPROVED
                    for task_state in task_states
                )
            )
            # Segregation of duties: a different person at each step, never
            # the writer.
            self.assertEqual(len(set(approvers)), len(approvers))
            self.assertNotIn(state.requested_by, approvers)
            # The last step published it, as its approver, when it approved.
            publication = PageLogEntry.objects.get(page=page, action="wagtail.publish")
            self.assertEqual(publication.user, approvers[-1])
            self.assertEqual(publication.timestamp, task_states[-1].finished_at)
            self.assertEqual(page.last_published_at, task_states[-1].finished_at)
            self.assertEqual(page.first_published_at, page.last_published_at)

    def test_history_is_dated_back_consistently(self):
        now = timezone.now()
        for state in self.demo_states():
            page = self.page_of(state)
            with self.subTest(page=page.title):
                revision = Revision.objects.for_instance(page).get()
                task_states = list(state.task_states.order_by("started_at"))
                self.assertLess(revision.created_at, state.created_at)
                self.assertEqual(page.latest_revision_created_at, revision.created_at)
                self.assertEqual(task_states[0].started_at, state.created_at)
                for earlier, later in zip(task_states, task_states[1:], strict=False):
                    self.assertGreater(earlier.finished_at, earlier.started_at)
                    self.assertEqual(earlier.finished_at, later.started_at)
                last = task_states[-1]
                self.assertLess(last.finished_at or last.started_at, now)
                logs = list(
                    PageLogEntry.objects.filter(page=page).order_by("timestamp", "pk")
                )
                self.assertEqual(
                    [entry.pk for entry in logs], sorted(entry.pk for entry in logs)
                )
                self.assertEqual(logs[0].timestamp, revision.created_at)
                start = next(
                    entry for entry in logs if entry.action == "wagtail.workflow.start"
                )
                self.assertEqual(start.timestamp, state.created_at)

    def test_reviewers_and_writers_see_what_waits_on_their_dashboard(self):
        User = get_user_model()
        now = timezone.now()
        for username in ("kasubbag", "kepala", "adminweb", "redaktur", "operator"):
            with self.subTest(user=username):
                user = User.objects.get(username=username)
                overdue = [
                    task_state
                    for task_state in TaskState.objects.filter(
                        status=TaskState.STATUS_IN_PROGRESS,
                        task__in=SOPTask.objects.filter(groups__user=user),
                    )
                    if deadline_state(
                        started_at=task_state.started_at,
                        time_standard=task_state.task.specific.time_standard,
                        now=now,
                    )
                    == DeadlineState.RED
                ]
                self.assertTrue(overdue)
                self.client.force_login(user)
                response = self.client.get("/admin/")
                self.assertContains(response, "sop-state--red")
                for task_state in overdue:
                    self.assertContains(
                        response, self.page_of(task_state.workflow_state).title
                    )

        returned = WorkflowState.objects.filter(
            status=WorkflowState.STATUS_NEEDS_CHANGES,
            requested_by__username="penulis",
        ).get()
        self.client.force_login(returned.requested_by)
        response = self.client.get("/admin/")
        self.assertContains(response, self.page_of(returned).title)
        self.assertContains(response, returned.current_task_state.comment)

    def test_second_run_creates_and_moves_nothing(self):
        counts, snapshot = workflow_counts(), workflow_snapshot()

        call_command("seed_demo", "--force", stdout=StringIO())

        self.assertEqual(workflow_counts(), counts)
        self.assertEqual(workflow_snapshot(), snapshot)

    def test_what_people_did_since_is_left_alone(self):
        kasubbag = get_user_model().objects.get(username="kasubbag")
        task_state = (
            TaskState.objects.filter(
                status=TaskState.STATUS_IN_PROGRESS, task__name="Pemeriksaan Kasubbag"
            )
            .order_by("started_at")
            .first()
        )
        task_state.task.specific.on_action(task_state, kasubbag, "approve")
        workflow_state = WorkflowState.objects.get(pk=task_state.workflow_state_id)
        moved_to = workflow_state.current_task_state_id
        counts, snapshot = workflow_counts(), workflow_snapshot()

        call_command("seed_demo", "--force", stdout=StringIO())

        self.assertNotEqual(moved_to, task_state.pk)
        self.assertEqual(workflow_counts(), counts)
        self.assertEqual(workflow_snapshot(), snapshot)


class DemoEmailsNobodyTests(TestCase):
    def test_seeding_the_demo_runs_sends_no_sop_email(self):
        with self.captureOnCommitCallbacks(execute=True):
            call_command("seed_demo", "--force", stdout=StringIO())
        self.assertTrue(WorkflowState.objects.exists())
        self.assertEqual(mail.outbox, [])
