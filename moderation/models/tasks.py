"""The SOP workflow task: a Wagtail group approval step with a time standard."""

import datetime

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from wagtail.models import AbstractGroupApprovalTask, TaskState, WorkflowState

from .. import runs
from ..forms import ReturnForCorrectionForm
from ..screening_alarms import approval_screen
from ..selectors import action_refusal


class SOP(models.TextChoices):
    CONTENT = "content", _("Content SOP")
    NEWS = "news", _("News SOP")


def duration_label(value):
    """A time standard as people say it: "30 menit", "3 jam", "1 jam 30 menit"."""
    if value is None:
        return ""
    minutes = int(value.total_seconds() // 60)
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    parts = []
    if days:
        parts.append(
            ngettext("%(count)d day", "%(count)d days", days) % {"count": days}
        )
    if hours:
        parts.append(
            ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours}
        )
    if minutes or not parts:
        parts.append(
            ngettext("%(count)d minute", "%(count)d minutes", minutes)
            % {"count": minutes}
        )
    return " ".join(parts)


class SOPTask(AbstractGroupApprovalTask):
    """
    One step of an agency SOP carried out by a group: the Kasubbag's check
    (content SOP step 4), the Kepala's approval (step 5), publication by the
    Admin Website (step 6); the Media Center's editing (news SOP step 5) and
    publication (step 6). Each has its time standard (mutu baku).
    """

    sop = models.CharField(_("SOP"), max_length=20, choices=SOP.choices)
    step_number = models.PositiveSmallIntegerField(
        _("SOP step"),
        help_text=_("The number of the step in the SOP document, e.g. 4."),
    )
    time_standard = models.DurationField(
        _("time standard (mutu baku)"),
        help_text=_(
            "How long the step may take, as hours:minutes:seconds, e.g. 00:30:00 for "
            "30 minutes or 03:00:00 for 3 hours."
        ),
    )
    reviewers_may_edit = models.BooleanField(
        _("reviewers may edit"),
        default=False,
        help_text=_("Whether the group may correct the content during this step."),
    )
    reason_required = models.BooleanField(
        _("returning requires a reason"),
        default=True,
        help_text=_(
            "Whether a reviewer must write why the content goes back for correction."
        ),
    )
    escalation_groups = models.ManyToManyField(
        "auth.Group",
        blank=True,
        related_name="sop_escalation_tasks",
        verbose_name=_("escalate to"),
        help_text=_(
            "Groups told as well when the step is overdue, one level up from the "
            "step's own groups (e.g. the Kepala for the Kasubbag's check)."
        ),
    )

    admin_form_fields = [
        *AbstractGroupApprovalTask.admin_form_fields,
        "sop",
        "step_number",
        "time_standard",
        "reviewers_may_edit",
        "reason_required",
        "escalation_groups",
    ]
    admin_form_widgets = {
        **AbstractGroupApprovalTask.admin_form_widgets,
        "escalation_groups": forms.CheckboxSelectMultiple,
    }

    class Meta:
        verbose_name = _("SOP step")
        verbose_name_plural = _("SOP steps")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.time_standard is not None and self.time_standard <= datetime.timedelta(
            0
        ):
            raise ValidationError(
                {
                    "time_standard": gettext(
                        "The time standard must be longer than zero."
                    )
                }
            )

    @property
    def step_label(self):
        """E.g. "SOP Konten, langkah 4"."""
        return gettext("%(sop)s, step %(step)s") % {
            "sop": SOP(self.sop).label if self.sop else "",
            "step": self.step_number,
        }

    @property
    def time_standard_label(self):
        return duration_label(self.time_standard)

    def user_can_access_editor(self, obj, user):
        # Reviewers of a step that does not allow corrections see the preview
        # and act from the dashboard; they do not open the editor.
        if not self.reviewers_may_edit:
            return user.is_superuser
        return super().user_can_access_editor(obj, user)

    def locked_for_user(self, obj, user):
        if not self.reviewers_may_edit:
            return not user.is_superuser
        return super().locked_for_user(obj, user)

    def _current_task_state(self, obj):
        task_state = obj.current_workflow_task_state
        if task_state is None or task_state.task_id != self.pk:
            return None
        return task_state

    def start(self, workflow_state, user=None):
        """
        Start this step, unless the run is being resumed after a return for
        correction: Wagtail resumes at the step that returned it, the SOP
        starts again at the first step, without the earlier approvals.
        """
        resumed = (
            workflow_state.current_task_state_id is None
            and TaskState.objects.filter(workflow_state=workflow_state).exists()
        )
        if resumed:
            restarted = runs.run_restart(
                workflow_state,
                user=user,
                reason=gettext(
                    "The content was corrected and submitted again; the check "
                    "starts again at the first step."
                ),
                resumed=True,
            )
            if restarted is not None:
                return restarted
        return self.start_step(workflow_state, user=user)

    def start_step(self, workflow_state, user=None):
        """Start this step as Wagtail does, whatever came before."""
        return super().start(workflow_state, user=user)

    def is_reviewer(self, user):
        return user.is_superuser or self._user_in_groups(user)

    def makes_own_corrections(self, user, task_state):
        """Whether an edit by ``user`` during ``task_state`` is the reviewer's own correction."""
        return (
            self.reviewers_may_edit
            and self.is_reviewer(user)
            and action_refusal(task_state=task_state, user=user) is None
        )

    def has_previous_step(self, workflow, user=None):
        first_steps = getattr(user, "_sop_first_steps", None)
        if first_steps is not None and workflow.pk in first_steps:
            return first_steps[workflow.pk] != self.pk
        return runs.workflow_previous_task(workflow, self) is not None

    def get_actions(self, obj, user):
        if not self.is_reviewer(user):
            return []
        task_state = self._current_task_state(obj)
        facts = getattr(user, "_sop_refusal_facts", None)
        if task_state is not None and action_refusal(
            task_state=task_state, user=user, facts=facts
        ):
            return []
        actions = [("reject", gettext("Return to the writer"), self.reason_required)]
        if task_state is not None and self.has_previous_step(
            task_state.workflow_state.workflow, user
        ):
            actions.append(
                ("return_previous", gettext("Return to the previous step"), True)
            )
        actions += [
            ("approve", gettext("Approve"), False),
            ("approve", gettext("Approve with comment"), True),
        ]
        return actions

    def get_form_for_action(self, action):
        if action == "return_previous" or (action == "reject" and self.reason_required):
            return ReturnForCorrectionForm
        return super().get_form_for_action(action)

    def on_action(self, task_state, user, action_name, comment="", **kwargs):
        """
        Approve or return, after the checks the SOP demands. The rules are
        checked here, not only by hiding buttons: the editor's workflow
        actions reach this method with data the browser sent.

        An approval by a reviewer who may give it is screened first
        (docs/screening.md), before the run is locked: reading linked
        documents takes time, and the alarms and the hold it records are
        kept whatever the transaction below does.
        """
        screen = None
        if (
            action_name == "approve"
            and task_state.status == TaskState.STATUS_IN_PROGRESS
            and self.is_reviewer(user)
            and action_refusal(task_state=task_state, user=user) is None
        ):
            screen = approval_screen(task_state=task_state, user=user)
        return self._on_action_locked(task_state, user, action_name, comment, screen)

    @transaction.atomic
    def _on_action_locked(self, task_state, user, action_name, comment, screen):
        """
        The action itself. The run's rows are locked first, so that two
        people acting at once (a double click, two tabs, two reviewers) make
        one transition: the second finds the step already handled and
        changes nothing.
        """
        workflow_state = WorkflowState.objects.select_for_update().get(
            pk=task_state.workflow_state_id
        )
        task_state = (
            TaskState.objects.select_for_update(of=("self",))
            .select_related("revision")
            .get(pk=task_state.pk)
        )
        if (
            task_state.status != TaskState.STATUS_IN_PROGRESS
            or workflow_state.current_task_state_id != task_state.pk
        ):
            return None
        task_state.workflow_state = workflow_state
        if not self.is_reviewer(user):
            raise PermissionDenied(gettext("You are not a reviewer of this step."))
        if refusal := action_refusal(task_state=task_state, user=user):
            raise PermissionDenied(refusal)
        comment = (comment or "").strip()
        returning = action_name == "return_previous" or (
            action_name == "reject" and self.reason_required
        )
        if returning and not comment:
            raise PermissionDenied(
                gettext("Write why the content goes back for correction.")
            )
        if action_name == "return_previous":
            if not self.has_previous_step(workflow_state.workflow):
                raise PermissionDenied(
                    gettext("This is the first step; return it to the writer.")
                )
            runs.run_return_to_previous(task_state, user=user, comment=comment)
            return None
        if action_name not in {"approve", "reject"}:
            raise PermissionDenied(gettext("This action does not exist."))
        if action_name == "approve":
            # Screening (docs/screening.md): alarms are recorded and shown to
            # the reviewer; at the last step, whose approval publishes, open
            # alarms hold it and the step keeps waiting (nothing raised, so
            # the alarms and the log stay).
            if screen is None:
                screen = approval_screen(task_state=task_state, user=user)
            if screen.held:
                return screen.url
            # The approval publishes the very version screened (Wagtail
            # publishes the latest revision of the run's cached object),
            # which is therefore not screened again (``publication_hold``).
            # Only the cache is set, no field (Django ignores a cached
            # object of another content type and fetches the page anew).
            WorkflowState.content_object.set_cached_value(workflow_state, screen.page)
            super().on_action(task_state, user, action_name, comment=comment)
            return screen.url
        return super().on_action(task_state, user, action_name, comment=comment)

    @classmethod
    def get_description(cls):
        return gettext(
            "A step of an agency SOP: members of the chosen groups approve or return "
            "the content within the step's time standard."
        )


class SOPReminder(models.Model):
    """
    A reminder sent about one SOP step in progress. The row is claimed before
    the email goes out, and the unique constraint makes each threshold of each
    task state be announced once, however often and however many times in
    parallel ``send_sop_reminders`` runs.
    """

    class Threshold(models.TextChoices):
        DUE_SOON = "due_soon", _("due soon (three quarters of the time standard used)")
        OVERDUE = "overdue", _("overdue (time standard passed)")

    task_state = models.ForeignKey(
        "wagtailcore.TaskState",
        on_delete=models.CASCADE,
        related_name="sop_reminders",
        verbose_name=_("task state"),
    )
    threshold = models.CharField(
        _("threshold"), max_length=20, choices=Threshold.choices
    )
    sent_at = models.DateTimeField(_("sent at"))

    class Meta:
        verbose_name = _("SOP reminder")
        verbose_name_plural = _("SOP reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["task_state", "threshold"],
                name="moderation_sopreminder_once_per_threshold",
            )
        ]

    def __str__(self):
        return f"{self.task_state_id} {self.threshold}"
