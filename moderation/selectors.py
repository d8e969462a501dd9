"""Reads of the moderation app: who may act on an SOP step, and why not."""

from django.utils.translation import gettext

from wagtail.models import TaskState


def action_refusal(*, task_state, user):
    """
    Why ``user`` may not approve or return the content at ``task_state``, or
    None when they may. Segregation of duties (DESIGN.md, "Decisions that
    hold everywhere"): nobody checks their own submission or the version they
    wrote, and one person does not approve two steps of the same run. It
    holds for superusers too.
    """
    workflow_state = task_state.workflow_state
    if workflow_state.requested_by_id == user.pk:
        return gettext(
            "You submitted this content, so someone else must check it. "
            "Ask another member of the group to handle this step."
        )
    if task_state.revision_id and task_state.revision.user_id == user.pk:
        return gettext(
            "You wrote the version under review, so someone else must check it. "
            "Ask another member of the group to handle this step."
        )
    approved_earlier = (
        TaskState.objects.filter(
            workflow_state=workflow_state,
            status=TaskState.STATUS_APPROVED,
            finished_by=user,
        )
        .exclude(pk=task_state.pk)
        .exists()
    )
    if approved_earlier:
        return gettext(
            "You already approved an earlier step of this run; one person may not "
            "approve two steps. Ask another member of the group to handle this step."
        )
    return None
