from django.core.management.base import BaseCommand

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
            self.stdout.write(f"  created {item}")
        self.stdout.write(
            self.style.SUCCESS(
                "SOP ready." if created else "SOP ready; nothing to change."
            )
        )
