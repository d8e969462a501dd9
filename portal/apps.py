from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("City portal")

    def ready(self):
        from . import checks  # noqa: F401 - registers the checks
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
