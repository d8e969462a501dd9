"""
The public leaders' agenda as an iCalendar feed (RFC 5545, with the RFC 7986
calendar name and refresh interval), for phone and desktop calendars that
subscribe to it.
"""

import datetime

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext

from icalendar import Calendar, Event, Timezone, vDuration

from .models import AgendaStatus

PRODID = "-//Diskominfo Kota Palangka Raya//Warta Agenda Pimpinan//ID"
# How often a subscribed calendar fetches the feed again: a changed or
# cancelled activity reaches phones within the hour.
REFRESH_INTERVAL = datetime.timedelta(hours=1)


def agenda_calendar(*, items, name, url) -> bytes:
    """
    ``items`` (public agenda items with their officials prefetched) as one
    VCALENDAR named ``name``; ``url`` is the public agenda page. Cancelled
    items stay in the feed with STATUS:CANCELLED, so calendars that imported
    them drop them. The internal notes are never published.
    """
    # The public sites publish in Indonesian only, whatever the client asks for.
    with translation.override(settings.LANGUAGE_CODE):
        calendar = Calendar()
        calendar.add("prodid", PRODID)
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("method", "PUBLISH")
        calendar.add("name", name)
        calendar.add("x-wr-calname", name)
        calendar.add("x-wr-timezone", settings.TIME_ZONE)
        calendar.add("url", url)
        calendar.add(
            "refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"}
        )
        calendar.add("x-published-ttl", vDuration(REFRESH_INTERVAL))
        # The zone's definition comes first, before the events that use it; it
        # is there even when the agenda is empty.
        calendar.add_component(Timezone.from_tzid(settings.TIME_ZONE))
        stamp = timezone.now()
        host = settings.WARTA_SITES["media_center"]["hostname"]
        for item in items:
            calendar.add_component(_event(item, stamp=stamp, host=host, url=url))
        return calendar.to_ical()


def agenda_uid(item, *, host):
    """An item's UID, the same in every download so calendars update it in place."""
    return f"agenda-{item.pk}@{host}"


def _official_names(item):
    return ", ".join(official.name for official in item.officials.all())


def agenda_officials_label(item):
    """ "Wali Kota, Sekretaris Daerah", with who stands in when represented."""
    names = _official_names(item)
    if item.status == AgendaStatus.REPRESENTED and item.represented_by:
        return gettext("%(officials)s, represented by %(name)s") % {
            "officials": names,
            "name": item.represented_by,
        }
    return names


def _event(item, *, stamp, host, url):
    cancelled = item.status == AgendaStatus.CANCELLED
    officials = agenda_officials_label(item)
    summary = item.activity
    if officials:
        summary = gettext("%(activity)s (%(officials)s)") % {
            "activity": summary,
            "officials": officials,
        }
    if cancelled:
        summary = gettext("Cancelled: %(activity)s") % {"activity": summary}

    lines = []
    if names := _official_names(item):
        lines.append(gettext("Officials: %(names)s") % {"names": names})
    if item.status == AgendaStatus.REPRESENTED and item.represented_by:
        lines.append(gettext("Represented by %(name)s") % {"name": item.represented_by})
    if item.organiser:
        lines.append(gettext("Organiser: %(name)s") % {"name": item.organiser})
    if cancelled:
        lines.append(gettext("This activity has been cancelled."))
    lines.append(gettext("Leaders' agenda: %(url)s") % {"url": url})

    event = Event()
    event.add("uid", agenda_uid(item, host=host))
    # RFC 5545 wants these three in UTC.
    event.add("dtstamp", stamp.astimezone(datetime.UTC))
    event.add("created", item.created_at.astimezone(datetime.UTC))
    event.add("last-modified", item.updated_at.astimezone(datetime.UTC))
    event.add("sequence", item.sequence)
    event.add("dtstart", item.starts)
    if item.ends is not None:
        event.add("dtend", item.ends)
    event.add("summary", summary)
    event.add("location", item.place)
    event.add("description", "\n".join(lines))
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    event.add("url", url)
    return event
