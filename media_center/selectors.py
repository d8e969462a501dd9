"""Reads of the Media Center: its news, and its duty roster."""

from django.db.models import Prefetch

from portal.selectors import (
    cached_by_content,
    listing,
    pages_public,
    site_root_url_path,
)

from .models import (
    DutyOfficer,
    DutyRoster,
    DutyShift,
    NewsPage,
    NewsPageTag,
    Rubric,
    month_after,
)


def _news_for_listing(queryset):
    return listing(queryset, "rubric")


def news_latest(*, limit, root=None):
    """The ``limit`` newest published news under ``root`` (default: the Media Center)."""
    if root is not None:
        queryset = NewsPage.objects.descendant_of(root)
    else:
        root_path = site_root_url_path(key="media_center")
        if root_path is None:
            return []
        queryset = NewsPage.objects.filter(url_path__startswith=root_path)
    return list(_news_for_listing(queryset)[:limit])


def news_list(*, index, rubric=None, tag=None):
    """Published news under a news index, optionally of one rubric or tag (slugs)."""
    queryset = NewsPage.objects.child_of(index)
    if rubric is not None:
        queryset = queryset.filter(rubric__slug=rubric["slug"])
    if tag is not None:
        queryset = queryset.filter(tagged_items__tag__slug=tag["slug"])
    return _news_for_listing(queryset)


def news_related(*, news, limit):
    """Other published news of the same rubric, newest first."""
    if news.rubric_id is None:
        return []
    queryset = NewsPage.objects.sibling_of(news, inclusive=False).filter(
        rubric_id=news.rubric_id
    )
    return list(_news_for_listing(queryset)[:limit])


def rubrics_in_use():
    """
    Name and slug of the rubrics that have published, public news, cached
    until content changes.
    """
    return cached_by_content(
        "rubrics",
        lambda: list(
            Rubric.objects.filter(news__in=pages_public(NewsPage.objects.live()))
            .distinct()
            .order_by("name")
            .values("name", "slug")
        ),
    )


def tags_in_use():
    """Name and slug of the tags on published, public news, cached until content changes."""
    return cached_by_content(
        "news-tags",
        lambda: list(
            NewsPageTag.tag_model()
            .objects.filter(
                media_center_newspagetag_items__content_object__in=pages_public(
                    NewsPage.objects.live()
                )
            )
            .distinct()
            .order_by("name")
            .values("name", "slug")
        ),
    )


def _with_officers(shifts):
    return shifts.prefetch_related(
        Prefetch(
            "officers",
            queryset=DutyOfficer.objects.select_related("person", "substitute"),
        )
    )


def duty_shifts_on(*, day):
    """The shifts of ``day`` with their officers and substitutes, in order."""
    return list(
        _with_officers(DutyShift.objects.filter(date=day).order_by("starts_at"))
    )


def roster_missing_next_month(*, today):
    """
    The first day of next month when its roster is due (the last five days
    of a month) and not made yet; otherwise None.
    """
    next_month = month_after(today)
    if (next_month - today).days > 5:
        return None
    if DutyRoster.objects.filter(month=next_month).exists():
        return None
    return next_month


def duty_roster_grid(*, roster):
    """
    ``roster`` as a grid: the shift times of the month (columns) and, for
    each day, the shift at each time or None. Returns ``(slots, rows)``.
    """
    shifts = list(_with_officers(roster.shifts.order_by("date", "starts_at")))
    slots = sorted({(shift.starts_at, shift.ends_at) for shift in shifts})
    by_day = {}
    for shift in shifts:
        by_day.setdefault(shift.date, {})[shift.starts_at, shift.ends_at] = shift
    rows = [
        (day, [by_day.get(day, {}).get(slot) for slot in slots])
        for day in roster.days()
    ]
    return slots, rows
