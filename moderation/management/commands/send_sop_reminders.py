from django.core.management.base import BaseCommand
from django.utils.translation import gettext

from moderation.notifications import sop_reminders_send


class Command(BaseCommand):
    help = (
        "Email the groups of SOP steps that are due soon (75% of the time standard "
        "used) or overdue, and the escalation groups of overdue steps. Each reminder "
        "goes out once; safe to run every minute from cron."
    )

    def handle(self, *args, **options):
        run = sop_reminders_send()
        self.stdout.write(
            gettext("SOP reminders sent: %(count)d (emails: %(emails)d).")
            % {"count": run.reminders, "emails": run.emails}
        )
