"""Dashboard panels of Info Publik."""

from django.utils import timezone

from wagtail.admin.ui.components import Component


class RegisterReviewPanel(Component):
    """
    For the Admin Website: register entries needing attention (periodic
    information to publish again, exemptions ended), the longest due first,
    with the way to the full report. Shown only when there is something.
    """

    name = "register_review"
    template_name = "infopublik/panels/register_review.html"
    order = 50

    def __init__(self, summary):
        self.summary = summary

    def get_context_data(self, parent_context):
        from .views import EXEMPTION_ENDED, STALE, attention_reason

        now = timezone.now()
        return {
            "summary": self.summary,
            "items": [
                {"page": page, "reason": attention_reason(page, now=now)}
                for page in self.summary.oldest
            ],
            "stale": STALE,
            "exemption_ended": EXEMPTION_ENDED,
        }
