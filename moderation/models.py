"""The SOP workflow task: a Wagtail group approval step with a time standard."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from wagtail.models import AbstractGroupApprovalTask

from .forms import ReturnForCorrectionForm
from .selectors import action_refusal


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

    admin_form_fields = [
        *AbstractGroupApprovalTask.admin_form_fields,
        "sop",
        "step_number",
        "time_standard",
        "reviewers_may_edit",
        "reason_required",
    ]

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

    def get_actions(self, obj, user):
        if not (user.is_superuser or self._user_in_groups(user)):
            return []
        task_state = self._current_task_state(obj)
        if task_state is not None and action_refusal(task_state=task_state, user=user):
            return []
        return [
            ("reject", gettext("Return for correction"), self.reason_required),
            ("approve", gettext("Approve"), False),
            ("approve", gettext("Approve with comment"), True),
        ]

    def get_form_for_action(self, action):
        if action == "reject" and self.reason_required:
            return ReturnForCorrectionForm
        return super().get_form_for_action(action)

    def on_action(self, task_state, user, action_name, comment="", **kwargs):
        """
        Approve or return, after the checks the SOP demands. The rules are
        checked here, not only by hiding buttons: the editor's workflow
        actions reach this method with data the browser sent.
        """
        if not (user.is_superuser or self._user_in_groups(user)):
            raise PermissionDenied(gettext("You are not a reviewer of this step."))
        if refusal := action_refusal(task_state=task_state, user=user):
            raise PermissionDenied(refusal)
        comment = (comment or "").strip()
        if action_name == "reject" and self.reason_required and not comment:
            raise PermissionDenied(
                gettext("Write why the content goes back for correction.")
            )
        if action_name not in {"approve", "reject"}:
            raise PermissionDenied(gettext("This action does not exist."))
        return super().on_action(task_state, user, action_name, comment=comment)

    @classmethod
    def get_description(cls):
        return gettext(
            "A step of an agency SOP: members of the chosen groups approve or return "
            "the content within the step's time standard."
        )
