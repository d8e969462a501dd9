"""Dashboard panels of the SOP: what waits for whom, and until when."""

import copy

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.components import Component
from wagtail.admin.views import home
from wagtail.models import Page, Revision, Task, TaskState, WorkflowTask

from . import selectors
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
