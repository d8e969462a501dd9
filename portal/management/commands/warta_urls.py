from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _


class Command(BaseCommand):
    help = (
        "Print the addresses of the three sites and of the admin, with the demo login."
    )

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000)

    def handle(self, *args, port, **options):
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(_("Warta is starting. Open:")))
        for config in settings.WARTA_SITES.values():
            self.stdout.write(
                f"  {config['site_name']:<45} http://{config['hostname']}:{port}/"
            )
        portal = settings.WARTA_SITES["portal"]["hostname"]
        self.stdout.write(f"  {_('Admin (Wagtail)'):<45} http://{portal}:{port}/admin/")
        self.stdout.write(
            "  "
            + _(
                "Demo login: %(user)s / %(password)s (every demo user has this password)"
            )
            % {"user": "admin", "password": settings.WARTA_DEMO_PASSWORD}
        )
        self.stdout.write("")
