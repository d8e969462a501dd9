"""
Deadline arithmetic of the SOP steps: pure functions, no database.

Every SOP step has a time standard (mutu baku). A step started at ``start``
is due at ``start`` plus its time standard, counted on a ``Calendar``. Today
the calendar is the clock (``CLOCK``); an office-hours and holiday calendar
only has to provide the same two methods to slot in.
"""

import datetime
import enum
from typing import Protocol

# A step turns amber when this share of its time standard has passed.
AMBER_FROM = 0.75


class Calendar(Protocol):
    def add(
        self, start: datetime.datetime, duration: datetime.timedelta
    ) -> datetime.datetime:
        """The moment ``duration`` of counted time after ``start``."""

    def between(
        self, start: datetime.datetime, end: datetime.datetime
    ) -> datetime.timedelta:
        """Counted time from ``start`` to ``end`` (negative when ``end`` is earlier)."""


class ClockCalendar:
    """Every minute counts: nights, weekends and holidays included."""

    def add(self, start, duration):
        return start + duration

    def between(self, start, end):
        return end - start


CLOCK = ClockCalendar()


class DeadlineState(enum.StrEnum):
    GREEN = "green"  # less than 75 % of the time standard used
    AMBER = "amber"  # 75 % or more used, not yet due
    RED = "red"  # due time passed


def due_at(*, started_at, time_standard, calendar=CLOCK):
    """When a step started at ``started_at`` must be done."""
    return calendar.add(started_at, time_standard)


def time_left(*, started_at, time_standard, now, calendar=CLOCK):
    """Counted time until the step is due; negative once it is overdue."""
    return time_standard - calendar.between(started_at, now)


def used_share(*, started_at, time_standard, now, calendar=CLOCK):
    """The share of the time standard already used (1.0 = due now, may exceed 1)."""
    if time_standard <= datetime.timedelta(0):
        return float("inf")
    return calendar.between(started_at, now) / time_standard


def deadline_state(*, started_at, time_standard, now, calendar=CLOCK):
    """Green, amber (from 75 % of the time standard) or red (overdue)."""
    share = used_share(
        started_at=started_at, time_standard=time_standard, now=now, calendar=calendar
    )
    if share > 1:
        return DeadlineState.RED
    if share >= AMBER_FROM:
        return DeadlineState.AMBER
    return DeadlineState.GREEN


# The archive step (SOP step 7): 30 minutes after publication under the
# content SOP; under the news SOP the coverage is documented the next day
# (H+1), so it is due at the end of the day after publication.
ARCHIVE_TIME_STANDARD_CONTENT = datetime.timedelta(minutes=30)


def archive_due_at(*, sop, published_at, tz, calendar=CLOCK):
    """
    When the archive step of a publication at ``published_at`` is due:
    ``sop`` "content" counts 30 minutes; "news", the end of the next day in
    ``tz`` (the agency's time zone).
    """
    if sop == "news":
        next_day = published_at.astimezone(tz).date() + datetime.timedelta(days=1)
        end = datetime.datetime.combine(next_day, datetime.time.max)
        return end.replace(tzinfo=tz)
    return calendar.add(published_at, ARCHIVE_TIME_STANDARD_CONTENT)
