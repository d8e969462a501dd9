from django.core.management.base import BaseCommand
from django.utils.translation import gettext

from moderation.notifications import archive_reminders_send, sop_reminders_send


class Command(BaseCommand):
    help = (
        "Email the groups of SOP steps that are due soon (75% of the time standard "
        "used) or overdue, and the escalation groups of overdue steps. Each reminder "
        "goes out once; safe to run every minute from cron. Archive steps (SOP "
        "step 7) are reminded the same way."
    )

    def handle(self, *args, **options):
        run = sop_reminders_send()
        self.stdout.write(
            gettext("SOP reminders sent: %(count)d (emails: %(emails)d).")
            % {"count": run.reminders, "emails": run.emails}
        )
        archive = archive_reminders_send()
        self.stdout.write(
            gettext("Archive reminders sent: %(count)d (emails: %(emails)d).")
            % {"count": archive.reminders, "emails": archive.emails}
        )
