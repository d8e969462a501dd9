"""System checks of our own: what production needs beyond Django's."""

from django.conf import settings
from django.core.checks import Warning, register


@register(deploy=True)
def shared_cache_check(app_configs, **kwargs):
    """
    Several application servers must share one cache: menus and rubrics are
    cached until content changes, and each server's local memory would keep
    its own stale copy.
    """
    backend = settings.CACHES["default"]["BACKEND"]
    if backend.endswith("LocMemCache"):
        return [
            Warning(
                "The cache is in local memory: with more than one application "
                "server, set REDIS_URL so every server sees content changes.",
                id="warta.W001",
            )
        ]
    return []
