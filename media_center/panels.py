"""Dashboard and editor panels of the Media Center's newsroom."""

from django.utils import timezone

from wagtail.admin.panels import Panel
from wagtail.admin.ui.components import Component


class DutyTodayPanel(Component):
    """Today's officers on duty, the shift under way marked; for the Media Center groups."""

    name = "duty_today"
    template_name = "media_center/panels/duty_today.html"
    order = 60

    def get_context_data(self, parent_context):
        from .selectors import duty_shifts_on

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


class MyAssignmentsPanel(Component):
    """For reporters and photographers: their open assignments, with time and place."""

    name = "my_assignments"
    template_name = "media_center/panels/my_assignments.html"
    order = 30

    def __init__(self, assignments, user):
        self.assignments = assignments
        self.user = user

    def get_context_data(self, parent_context):
        from .services import NewsFiling, assignment_actions

        filing = NewsFiling(self.user)
        return {
            # The panel's forms post back: they need the page's CSRF token.
            "csrf_token": parent_context.get("csrf_token"),
            "request": parent_context.get("request"),
            "assignments": [
                {
                    "assignment": assignment,
                    **assignment_actions(assignment=assignment, filing=filing),
                }
                for assignment in self.assignments
            ],
        }


class NewsPlanningPanel(Panel):
    """
    In the news editor, read only: the assignment and the agenda item the news
    was filed from, with its filing time.
    """

    class BoundPanel(Panel.BoundPanel):
        template_name = "media_center/panels/news_planning.html"

        def get_context_data(self, parent_context=None):
            from .selectors import assignment_of_news

            context = super().get_context_data(parent_context)
            context["assignment"] = (
                assignment_of_news(news=self.instance) if self.instance.pk else None
            )
            return context


class NewsSitesPanel(Panel):
    """
    In the news editor, read only: on which of the three sites it is live,
    since when, and how long its latest publication took to reach them all.
    """

    class BoundPanel(Panel.BoundPanel):
        template_name = "media_center/panels/news_sites.html"

        def get_context_data(self, parent_context=None):
            from .selectors import news_sites_state

            context = super().get_context_data(parent_context)
            context.update(news_sites_state(news=self.instance))
            return context
