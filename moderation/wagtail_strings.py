"""
Wagtail's own workflow strings that its Indonesian catalog lacks. Listed here
so that ``makemessages`` keeps them in ours (``locale/id``), which Django
reads before Wagtail's: the SOP's people see their workflow in Indonesian.
"""

from django.utils.translation import gettext_noop

WAGTAIL_WORKFLOW_STRINGS = (
    gettext_noop("In progress"),
    gettext_noop("Approved"),
    gettext_noop("Needs changes"),
    gettext_noop("Rejected"),
    gettext_noop("Cancelled"),
    gettext_noop("Skipped"),
    gettext_noop("Restart workflow"),
    gettext_noop("Cancel workflow"),
    gettext_noop("Workflow history"),
    gettext_noop("Your pages and snippets in a workflow"),
    gettext_noop("Changes requested at"),
    gettext_noop("Only reviewers for this task can edit the %(model_name)s."),
    gettext_noop(
        "This {model_name} is awaiting <b>'{task_name}'</b> in the "
        "<b>'{workflow_name}'</b> workflow."
    ),
    gettext_noop("This %(model_name)s is currently awaiting moderation."),
    gettext_noop("Workflow on page '%(page_title)s' has been cancelled."),
    gettext_noop("Workflow on page '%(page_title)s' has been restarted."),
    gettext_noop(
        "The %(model_name)s '%(title)s' is not currently awaiting moderation."
    ),
    gettext_noop("Submitted for moderation"),
    gettext_noop("Awaiting %(task_name)s"),
    gettext_noop("Compare with previous version"),
    gettext_noop("Task"),
    gettext_noop("Task started"),
    gettext_noop("Workflows"),
    gettext_noop("Workflow tasks"),
    gettext_noop("Reports"),
    gettext_noop("Site history"),
    gettext_noop("Aging pages"),
    gettext_noop("Page types usage"),
    gettext_noop("Help"),
)
