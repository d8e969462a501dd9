from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from moderation.services import sop_setup


class Command(BaseCommand):
    help = (
        "Create the SOP groups and their permissions, the SOP steps and the two SOP "
        "workflows on the sites they govern. Safe to run again: nothing an "
        "administrator changed is overwritten."
    )

    def handle(self, *args, **options):
        created = sop_setup()
        for item in created:
            self.stdout.write("  " + _("created %(item)s") % {"item": item})
        self.stdout.write(
            self.style.SUCCESS(
                _("SOP ready.") if created else _("SOP ready; nothing to change.")
            )
        )
