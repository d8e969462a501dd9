"""The deadline arithmetic, exhaustively, without a database."""

import datetime
import zoneinfo

import pytest

from moderation.working_time import (
    CLOCK,
    DeadlineState,
    deadline_state,
    due_at,
    time_left,
    used_share,
)

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
START = datetime.datetime(2026, 11, 23, 9, 0, tzinfo=WIB)
THIRTY_MINUTES = datetime.timedelta(minutes=30)
THREE_HOURS = datetime.timedelta(hours=3)


def test_due_time_is_start_plus_time_standard():
    assert due_at(started_at=START, time_standard=THIRTY_MINUTES) == START.replace(
        minute=30
    )
    assert due_at(started_at=START, time_standard=THREE_HOURS) == START.replace(hour=12)


def test_due_time_crosses_midnight_and_month_end():
    late = datetime.datetime(2026, 11, 30, 23, 0, tzinfo=WIB)
    assert due_at(started_at=late, time_standard=THREE_HOURS) == datetime.datetime(
        2026, 12, 1, 2, 0, tzinfo=WIB
    )


def test_due_time_is_the_same_moment_in_any_time_zone():
    start_utc = START.astimezone(datetime.UTC)
    assert due_at(started_at=start_utc, time_standard=THIRTY_MINUTES) == due_at(
        started_at=START, time_standard=THIRTY_MINUTES
    )


@pytest.mark.parametrize(
    ("minutes_passed", "expected_left"),
    [(0, 30), (10, 20), (30, 0), (45, -15)],
)
def test_time_left(minutes_passed, expected_left):
    now = START + datetime.timedelta(minutes=minutes_passed)
    assert time_left(started_at=START, time_standard=THIRTY_MINUTES, now=now) == (
        datetime.timedelta(minutes=expected_left)
    )


@pytest.mark.parametrize(
    ("minutes_passed", "state"),
    [
        (0, DeadlineState.GREEN),
        (22, DeadlineState.GREEN),  # 73 %
        (22.5, DeadlineState.AMBER),  # exactly 75 %
        (29, DeadlineState.AMBER),
        (30, DeadlineState.AMBER),  # due now, not yet late
        (30.01, DeadlineState.RED),
        (600, DeadlineState.RED),
    ],
)
def test_traffic_light_of_a_30_minute_step(minutes_passed, state):
    now = START + datetime.timedelta(minutes=minutes_passed)
    assert (
        deadline_state(started_at=START, time_standard=THIRTY_MINUTES, now=now) is state
    )


@pytest.mark.parametrize(
    ("hours_passed", "state"),
    [(2, DeadlineState.GREEN), (2.25, DeadlineState.AMBER), (3.5, DeadlineState.RED)],
)
def test_traffic_light_of_a_3_hour_step(hours_passed, state):
    now = START + datetime.timedelta(hours=hours_passed)
    assert deadline_state(started_at=START, time_standard=THREE_HOURS, now=now) is state


def test_used_share():
    now = START + datetime.timedelta(minutes=15)
    assert used_share(started_at=START, time_standard=THIRTY_MINUTES, now=now) == 0.5


def test_zero_time_standard_is_always_overdue():
    assert (
        deadline_state(started_at=START, time_standard=datetime.timedelta(0), now=START)
        is DeadlineState.RED
    )


def test_a_clock_in_the_past_is_green():
    before = START - datetime.timedelta(minutes=5)
    assert deadline_state(
        started_at=START, time_standard=THIRTY_MINUTES, now=before
    ) is (DeadlineState.GREEN)


class OfficeHoursOnly:
    """A stand-in calendar that counts half the clock time, to show calendars plug in."""

    def add(self, start, duration):
        return start + 2 * duration

    def between(self, start, end):
        return (end - start) / 2


def test_another_calendar_slots_in():
    calendar = OfficeHoursOnly()
    assert due_at(
        started_at=START, time_standard=THIRTY_MINUTES, calendar=calendar
    ) == (START + datetime.timedelta(hours=1))
    now = START + datetime.timedelta(minutes=50)  # 25 counted minutes: 83 %
    assert (
        deadline_state(
            started_at=START, time_standard=THIRTY_MINUTES, now=now, calendar=calendar
        )
        is DeadlineState.AMBER
    )
    assert CLOCK.between(START, now) == datetime.timedelta(minutes=50)
