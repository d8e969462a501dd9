from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from portal.services import sites_setup


class Command(BaseCommand):
    help = (
        "Create the three public sites (Media Center, Info Publik, Portal) with "
        "their home and index pages. Safe to run again."
    )

    def handle(self, *args, **options):
        created = sites_setup()
        for item in created:
            self.stdout.write("  " + _("created %(item)s") % {"item": item})
        self.stdout.write(
            self.style.SUCCESS(
                _("Sites ready.") if created else _("Sites ready; nothing to change.")
            )
        )
