"""Template helpers of the SOP dashboard."""

import datetime

from django import template
from django.utils.translation import gettext

from moderation.models import duration_label
from moderation.screening_alarms import finding_label

register = template.Library()


@register.filter
def local_time(value):
    """A moment in the agency's time, with its zone: "2026-03-02 16:10 WIB"."""
    from moderation.views.audit import local_time_label

    return local_time_label(value)


@register.filter
def time_left_label(value):
    """ "20 menit lagi" for time left, "terlambat 15 menit" once overdue."""
    if value is None:
        return ""
    if value < datetime.timedelta(0):
        return gettext("%(duration)s late") % {"duration": duration_label(-value)}
    return gettext("%(duration)s left") % {"duration": duration_label(value)}


@register.filter(name="finding_label")
def finding_label_filter(alarm):
    """A screening alarm as the messages name it (``screening_alarms.finding_label``)."""
    return finding_label(kind=alarm.kind, term=alarm.term, field=alarm.field)
