"""
Dashboard panels: what waits for whom and until when, SOP compliance this
month, open screening alarms and the integrity check's alert.
"""

import copy
import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.components import Component
from wagtail.admin.views import home
from wagtail.models import Page, Revision, Task, TaskState, WorkflowTask

from . import selectors
from .compliance import compliance_summary, share_label
from .models import IntegrityFinding, duration_label
from .selectors import (
    archive_steps_waiting,
    step_deadlines_awaiting,
    step_deadlines_of_submitter,
)

# The dashboard shows the archive steps due first; the archive lists them all.
ARCHIVE_ROWS = 10


class SOPDeadlinesPanel(Component):
    """
    The SOP steps waiting for the user, oldest first, with due time and a
    green / amber / red state; the user's own submissions in review; and the
    publications waiting for the archive step (SOP step 7) the user does.
    """

    name = "sop_deadlines"
    template_name = "moderation/panels/sop_deadlines.html"
    order = 50

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        now = timezone.now()
        return {
            "awaiting": step_deadlines_awaiting(user=request.user, now=now),
            "submitted": step_deadlines_of_submitter(user=request.user, now=now),
            "archive": archive_steps_waiting(
                user=request.user, now=now, limit=ARCHIVE_ROWS
            ),
            "request": request,
        }


class ComplianceSummaryPanel(Component):
    """
    This month's share of items within the time standard, per SOP step, as
    a bar chart in inline SVG (no script); each bar links to the compliance
    report of its step (docs/compliance.md). For the Kepala, the Kasi, the
    Admin groups and superusers (``selectors.compliance_report_shown``).
    """

    name = "sop_compliance"
    template_name = "moderation/panels/compliance.html"
    order = 60
    # The chart's geometry, in SVG user units.
    LABEL_WIDTH, BAR_WIDTH, ROW_HEIGHT = 330, 230, 26

    def get_context_data(self, parent_context):
        period, summary = compliance_summary(now=timezone.now())
        report = reverse("moderation_compliance_report")
        dates = f"period_from={period.since:%Y-%m-%d}&period_to={period.until:%Y-%m-%d}"
        rows, y, sop = [], 0, None
        for step, figures in summary:
            if step.sop != sop:
                sop = step.sop
                y += self.ROW_HEIGHT
                rows.append({"heading": step.sop_label, "y": y - 8})
            share = figures["within_share"]
            rows.append(
                {
                    "step": step,
                    "figures": figures,
                    "share": None if share is None else share_label(share),
                    "width": round(self.BAR_WIDTH * (share or 0) / 100, 1),
                    "y": y,
                    "url": f"{report}?step={step.key}&{dates}",
                }
            )
            y += self.ROW_HEIGHT
        return {
            "period": period,
            "rows": rows,
            "report_url": f"{report}?{dates}",
            "height": y + 4,
            "bar_width": self.BAR_WIDTH,
            "bar_x": self.LABEL_WIDTH + 10,
            "width": self.LABEL_WIDTH + self.BAR_WIDTH + 110,
        }


class ScreeningAlarmsPanel(Component):
    """
    The pages with open gambling-spam or hidden-link alarms that the user
    reviews or may publish, each with the terms and fields found and a link
    to its screening alarms (docs/screening.md). Nothing when there are none.
    """

    name = "screening_alarms"
    template_name = "moderation/panels/screening_alarms.html"
    order = 40

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        return {
            "rows": selectors.screening_alarms_awaiting(user=request.user),
            "request": request,
        }


class IntegrityPanel(Component):
    """
    The integrity check's alert for the Admin groups and superusers
    (docs/integrity.md): the pages on which the latest finished run found
    differences, or which it could not check, with kind and field; a green
    line when it found none; a warning when no run finished for longer than
    ``WARTA_INTEGRITY_STALE_AFTER`` (cron not running), and when a run
    started after it has not finished for an hour (still running, or
    stopped). A fixed number of queries, however many findings.
    """

    name = "integrity"
    template_name = "moderation/panels/integrity.html"
    order = 30
    ROWS = 20
    UNFINISHED_AFTER = datetime.timedelta(hours=1)

    def get_context_data(self, parent_context):
        now = timezone.now()
        run = selectors.integrity_run_latest()
        unfinished = selectors.integrity_run_unfinished(after=run)
        if unfinished is not None and now - unfinished.started_at < (
            self.UNFINISHED_AFTER
        ):
            unfinished = None
        findings, counts = [], {}
        if run is not None:
            findings = list(selectors.integrity_findings_of(run)[: self.ROWS])
            counts = selectors.integrity_findings_counted(run)
        count = sum(counts.values())
        not_checked = counts.get(IntegrityFinding.Kind.NOT_CHECKED, 0)
        stale_after = settings.WARTA_INTEGRITY_STALE_AFTER
        return {
            "run": run,
            "findings": findings,
            "count": count,
            "differences": count - not_checked,
            "not_checked": not_checked,
            "more": count - len(findings),
            "stale": run is None or now - run.finished_at > stale_after,
            "stale_after": duration_label(stale_after),
            "unfinished": unfinished,
        }


class WorkflowObjectsToModeratePanel(home.WorkflowObjectsToModeratePanel):
    """
    Wagtail's "Awaiting your review", with its buttons and step icons, in a
    number of queries that does not grow with the content waiting: the
    tasks, the steps' statuses and what the SOP rules need are read once for
    all rows instead of once per row.
    """

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        context = {
            "states": [],
            "request": request,
            "csrf_token": parent_context["csrf_token"],
        }
        states = list(
            TaskState.objects.reviewable_by(request.user)
            .select_related(
                "revision",
                "revision__user",
                "workflow_state",
                "workflow_state__workflow",
            )
            .prefetch_related(
                "revision__content_object",
                "revision__content_object__latest_revision",
            )
            .order_by("-started_at")
            .annotate(
                previous_revision_id=Revision.objects.previous_revision_id_subquery()
            )
        )
        tasks = {task.pk: task for task in Task.objects.specific()}
        workflow_tasks = _workflow_tasks_with_status(
            [state.workflow_state for state in states], tasks
        )
        with selectors.actions_memo(request.user, states):
            for state in states:
                obj = state.revision.content_object
                if not obj:
                    continue
                # The row's run, as Wagtail's own lookups would find it.
                state.workflow_state.current_task_state = state
                obj._current_workflow_states = [state.workflow_state]
                actions = tasks[state.task_id].get_actions(obj, request.user)
                names = _url_names(obj)
                context["states"].append(
                    {
                        "obj": obj,
                        "revision": state.revision,
                        "previous_revision_id": state.previous_revision_id,
                        "live_revision_id": obj.live_revision_id,
                        "task_state": state,
                        "actions": actions,
                        "workflow_tasks": workflow_tasks[state.workflow_state_id],
                        **names,
                    }
                )
        return context


def _url_names(obj):
    if isinstance(obj, Page):
        names = {
            "workflow_action_url_name": "wagtailadmin_pages:workflow_action",
            "workflow_preview_url_name": "wagtailadmin_pages:workflow_preview",
            "revisions_compare_url_name": "wagtailadmin_pages:revisions_compare",
        }
    else:
        viewset = obj.snippet_viewset
        names = {
            "workflow_action_url_name": viewset.get_url_name("workflow_action"),
            "workflow_preview_url_name": viewset.get_url_name("workflow_preview"),
            "revisions_compare_url_name": viewset.get_url_name("revisions_compare"),
        }
    if not getattr(obj, "is_previewable", False):
        names["workflow_preview_url_name"] = None
    return names


def _workflow_tasks_with_status(workflow_states, tasks):
    """
    ``WorkflowState.all_tasks_with_status()`` for many runs at once: each
    run's steps in order, each with the status of its latest task state.
    """
    run_ids = {state.pk for state in workflow_states}
    steps = {}
    for link in WorkflowTask.objects.filter(
        workflow__in={state.workflow_id for state in workflow_states},
        task__active=True,
    ).order_by("sort_order"):
        steps.setdefault(link.workflow_id, []).append(link.task_id)
    latest = {}
    for run_id, task_id, status in (
        TaskState.objects.filter(workflow_state__in=run_ids)
        .order_by("started_at", "pk")
        .values_list("workflow_state_id", "task_id", "status")
    ):
        latest[run_id, task_id] = status
    labels = dict(TaskState.STATUS_CHOICES)
    result = {}
    for state in workflow_states:
        row = []
        for task_id in steps.get(state.workflow_id, []):
            task = copy.copy(tasks[task_id])
            task.status = latest.get((state.pk, task_id))
            task.status_display = labels.get(task.status, _("Not started"))
            row.append(task)
        result[state.pk] = row
    return result
