from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InfoPublikConfig(AppConfig):
    name = "infopublik"
    verbose_name = _("Info Publik")

    def ready(self):
        from . import signal_handlers  # noqa: F401
