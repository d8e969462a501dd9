"""Dashboard panels of the Media Center's newsroom."""

from django.utils import timezone

from wagtail.admin.ui.components import Component

from .selectors import duty_shifts_on


class DutyTodayPanel(Component):
    """Today's officers on duty, the shift under way marked; for the Media Center groups."""

    name = "duty_today"
    template_name = "media_center/panels/duty_today.html"
    order = 60

    def get_context_data(self, parent_context):
        now = timezone.localtime()
        shifts = duty_shifts_on(day=now.date())
        current = next(
            (s for s in shifts if s.starts_at <= now.time() < s.ends_at), None
        )
        return {"shifts": shifts, "current": current, "today": now.date()}


class RosterDuePanel(Component):
    """For the Kasi: next month's roster is due and not made yet."""

    name = "roster_due"
    template_name = "media_center/panels/roster_due.html"
    order = 40

    def __init__(self, month):
        self.month = month

    def get_context_data(self, parent_context):
        return {"month": self.month}
