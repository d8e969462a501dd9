from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    name = "moderation"
    verbose_name = _("SOP moderation")

    def ready(self):
        from . import notifications, retention, signal_handlers  # noqa: F401 - connect receivers
