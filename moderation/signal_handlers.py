"""Receivers of the moderation app: the SOP order holds whatever route an edit takes."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from django.utils.translation import gettext

from wagtail.models import PageLogEntry, Revision, TaskState, WorkflowState
from wagtail.signals import task_submitted

from . import archiving, runs, screening_alarms
from .digests import content_as_stored
from .models import SOPTask
from .selectors import revision_is_settled


@receiver(pre_save, sender=Revision)
def refuse_rewriting_settled_revisions(sender, instance, raw=False, **kwargs):
    """
    The content that was approved is the content that is published: a
    revision that went into review or was published is never rewritten. The
    editor makes a new revision instead (``BasePage.save_revision``); any
    other route that tries is refused.
    """
    if raw or instance.pk is None:
        return
    update_fields = kwargs.get("update_fields")
    if update_fields is not None and "content" not in update_fields:
        return
    stored = Revision.objects.filter(pk=instance.pk).values("content").first()
    # Compared as stored: in memory, dates are still datetimes.
    if stored is None or stored["content"] == content_as_stored(instance.content):
        return
    if revision_is_settled(instance):
        raise PermissionDenied(
            gettext(
                "This version was already submitted for review or published and "
                "cannot be changed; save your changes as a new version."
            )
        )


@receiver(post_save, sender=Revision)
def restart_run_after_outside_edit(sender, instance, created, raw=False, **kwargs):
    """
    When someone other than the reviewer of the step in progress saves a new
    version during review, the run starts again at the first step. A
    reviewer's own corrections in a step that allows editing do not.
    """
    if raw or not created:
        return
    with transaction.atomic():
        _restart_if_outside_edit(instance)


def _restart_if_outside_edit(revision):
    workflow_state = (
        WorkflowState.objects.active()
        .filter(
            base_content_type_id=revision.base_content_type_id,
            object_id=revision.object_id,
            status=WorkflowState.STATUS_IN_PROGRESS,
        )
        .select_for_update(of=("self",))
        .select_related("current_task_state")
        .first()
    )
    if workflow_state is None or workflow_state.current_task_state is None:
        return
    task_state = workflow_state.current_task_state
    if task_state.status != TaskState.STATUS_IN_PROGRESS:
        return
    task = task_state.task.specific
    if not isinstance(task, SOPTask):
        return
    task_state.workflow_state = workflow_state
    if revision.user and task.makes_own_corrections(revision.user, task_state):
        return
    runs.run_restart(
        workflow_state,
        user=revision.user,
        revision=revision,
        reason=gettext(
            "The content was changed during the step by someone other than its "
            "reviewers; the check starts again at the first step."
        ),
    )


@receiver(task_submitted, dispatch_uid="warta_screening_on_submit")
def screen_submitted_version(sender, instance, user=None, **kwargs):
    """
    The version that starts an SOP run at its first step (a submission, a
    resubmission, a restart after an outside edit) is screened, whatever
    route submitted it; later steps are screened at each approval
    (``SOPTask.on_action``). An alarm does not stop the submission.
    """
    task = instance.task.specific
    if not isinstance(task, SOPTask):
        return
    first = runs.workflow_first_task(instance.workflow_state.workflow)
    if first is None or first.pk != task.pk:
        return
    screening_alarms.submission_screen(task_state=instance, user=user)


@receiver(post_save, sender=PageLogEntry, dispatch_uid="warta_archive_record")
def record_publication(sender, instance, created, raw=False, **kwargs):
    """Every publication, by any route, gets its archive record (SOP step 7)."""
    if raw or not created:
        return
    archiving.archive_record_from_log_entry(instance)
