"""Reads shared by the three sites."""

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from wagtail.models import Site


def site_get(*, key):
    """
    The Wagtail ``Site`` configured as ``settings.WARTA_SITES[key]``
    (``media_center``, ``infopublik`` or ``portal``), or None before set-up.
    """
    hostname = settings.WARTA_SITES[key]["hostname"]
    return Site.objects.select_related("root_page").filter(hostname=hostname).first()


def announcements_current(*, parent=None, limit=None):
    """
    Live announcements valid today, newest first; under ``parent`` if given,
    else on the portal site.
    """
    from .models import AnnouncementPage

    today = timezone.localdate()
    queryset = AnnouncementPage.objects.live().public()
    if parent is not None:
        queryset = queryset.child_of(parent)
    else:
        site = site_get(key="portal")
        if site is None:
            return AnnouncementPage.objects.none()
        queryset = queryset.descendant_of(site.root_page)
    queryset = queryset.filter(valid_from__lte=today).filter(
        Q(valid_until__isnull=True) | Q(valid_until__gte=today)
    ).order_by("-valid_from", "-first_published_at")
    return queryset[:limit] if limit else queryset
