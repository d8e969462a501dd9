from django.core.management.base import BaseCommand

from portal.services import sites_setup


class Command(BaseCommand):
    help = (
        "Create the three public sites (Media Center, Info Publik, Portal) with "
        "their home and index pages. Safe to run again."
    )

    def handle(self, *args, **options):
        created = sites_setup()
        for item in created:
            self.stdout.write(f"  created {item}")
        self.stdout.write(
            self.style.SUCCESS(
                "Sites ready." if created else "Sites ready; nothing to change."
            )
        )
