"""
How an SOP run moves when it does not simply go forward: the SOP order holds.

Wagtail resumes a run at the step that returned it and keeps earlier
approvals. The SOPs do not: content that was corrected is checked again from
the first step (the Kasubbag), and an approval given to an earlier version no
longer counts. Approvals that stop counting keep their audit log entries
("wagtail.workflow.approve"); their task states are marked cancelled, so that
Wagtail's own workflow machinery, which skips approved steps, runs every step
again.
"""

from django.db import transaction
from django.utils import timezone

from wagtail.log_actions import log
from wagtail.models import TaskState, WorkflowState

RESTART_ACTION = "moderation.restart"
RETURN_TO_PREVIOUS_ACTION = "moderation.return_to_previous"


def workflow_first_task(workflow):
    """The first active step of ``workflow``, as its specific task."""
    task = workflow.tasks.filter(active=True).order_by("workflow_tasks__sort_order")
    task = task.first()
    return task.specific if task else None


def workflow_previous_task(workflow, task):
    """The active step before ``task`` in ``workflow``, or None at the first step."""
    tasks = list(
        workflow.tasks.filter(active=True).order_by("workflow_tasks__sort_order")
    )
    ids = [t.pk for t in tasks]
    if task.pk not in ids or ids.index(task.pk) == 0:
        return None
    return tasks[ids.index(task.pk) - 1].specific


def approvals_supersede(workflow_state, *, tasks=None):
    """
    Earlier approvals in ``workflow_state`` (of ``tasks``, or all) stop
    counting. Returns how many.
    """
    approvals = TaskState.objects.filter(
        workflow_state=workflow_state, status=TaskState.STATUS_APPROVED
    )
    if tasks is not None:
        approvals = approvals.filter(task__in=tasks)
    return approvals.update(status=TaskState.STATUS_CANCELLED)


def _log(workflow_state, action, *, user, task, revision, reason=""):
    log(
        instance=workflow_state.content_object.specific,
        action=action,
        user=user,
        revision=revision,
        data={
            "workflow": {
                "id": workflow_state.workflow_id,
                "title": workflow_state.workflow.name,
            },
            "task": {"id": task.pk, "title": task.name},
            "reason": reason,
        },
    )


def _task_start(task, workflow_state, user):
    """Start ``task`` as Wagtail does; an SOP step without its restart check."""
    start = getattr(task, "start_step", task.start)
    return start(workflow_state, user=user)


@transaction.atomic
def run_restart(workflow_state, *, user, reason, revision=None, resumed=False):
    """
    Start ``workflow_state`` again at its first step: the steps in progress
    are cancelled, earlier approvals stop counting. The first step reviews
    ``revision`` (by default the latest). Returns the new task state, or,
    when a resubmission finds the run already restarted (a double click),
    the first step already waiting.
    """
    WorkflowState.objects.select_for_update().filter(pk=workflow_state.pk).first()
    first = workflow_first_task(workflow_state.workflow)
    if first is None:
        return None
    waiting = TaskState.objects.filter(
        workflow_state=workflow_state, status=TaskState.STATUS_IN_PROGRESS
    )
    if resumed and (already := waiting.filter(task=first).first()) is not None:
        return already
    waiting.update(
        status=TaskState.STATUS_CANCELLED,
        finished_at=timezone.now(),
        finished_by=user,
        comment=reason,
    )
    approvals_supersede(workflow_state)
    task_state = _task_start(first, workflow_state, user)
    if revision is not None and task_state.revision_id != revision.pk:
        task_state.revision = revision
        task_state.save(update_fields=["revision"])
    workflow_state.current_task_state = task_state
    workflow_state.save(update_fields=["current_task_state"])
    _log(
        workflow_state,
        RESTART_ACTION,
        user=user,
        task=first,
        revision=task_state.revision,
        reason=reason,
    )
    return task_state


@transaction.atomic
def run_return_to_previous(task_state, *, user, comment):
    """
    The reviewer of ``task_state`` sends the content back to the step before
    (e.g. the Kepala to the Kasubbag) with a reason: this step counts as a
    return, the previous step's approval stops counting and that step starts
    again. Returns the new task state.
    """
    workflow_state = task_state.workflow_state
    previous = workflow_previous_task(workflow_state.workflow, task_state.task)
    task_state.reject(user=user, update=False, comment=comment)
    approvals_supersede(workflow_state, tasks=[previous])
    new_state = _task_start(previous, workflow_state, user)
    workflow_state.current_task_state = new_state
    workflow_state.save(update_fields=["current_task_state"])
    _log(
        workflow_state,
        RETURN_TO_PREVIOUS_ACTION,
        user=user,
        task=previous,
        revision=task_state.revision,
        reason=comment,
    )
    return new_state
