"""Dashboard panels of the SOP: what waits for whom, and until when."""

from django.utils import timezone

from wagtail.admin.ui.components import Component

from .selectors import step_deadlines_awaiting, step_deadlines_of_submitter


class SOPDeadlinesPanel(Component):
    """
    The SOP steps waiting for the user, oldest first, with due time and a
    green / amber / red state; and the user's own submissions in review.
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
            "request": request,
        }
