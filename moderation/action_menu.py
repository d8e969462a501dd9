"""The editor's action menu items of the SOP workflows."""

from django.utils.translation import gettext

from wagtail.admin.action_menu import SubmitForModerationMenuItem

from . import runs
from .models import SOPTask


class ResubmitFromFirstStepMenuItem(SubmitForModerationMenuItem):
    """After a return, the SOP starts again at the first step: the button says so."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        page = context.get("page")
        workflow_state = page.current_workflow_state if page else None
        if (
            workflow_state
            and workflow_state.status == workflow_state.STATUS_NEEDS_CHANGES
        ):
            first = runs.workflow_first_task(workflow_state.workflow)
            if isinstance(first, SOPTask):
                context["label"] = gettext("Resubmit to %(task_name)s") % {
                    "task_name": first.name
                }
        return context
