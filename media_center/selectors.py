"""Reads of the Media Center: its news, multimedia archive, duty roster, agenda and assignments."""

import datetime

from django.db.models import Prefetch, Q, prefetch_related_objects
from django.db.models.functions import ExtractYear
from django.utils import timezone

from wagtail.images import get_image_model

from portal.selectors import (
    cached_by_content,
    listing,
    pages_public,
    search_matches,
    site_get,
    site_root_url_path,
)

from .models import (
    AgendaItem,
    AgendaPage,
    AgendaStatus,
    Assignment,
    Duty,
    DutyOfficer,
    DutyRoster,
    DutyShift,
    MultimediaPage,
    MultimediaPageTag,
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


def duty_officers_at(*, moment):
    """
    The officers on duty at ``moment`` (aware) from the roster, by duty:
    ``{Duty.REPORTER: [user, …], …}``; a substitute stands beside the officer.
    """
    local = timezone.localtime(moment)
    officers = DutyOfficer.objects.filter(
        shift__date=local.date(),
        shift__starts_at__lte=local.time(),
        shift__ends_at__gt=local.time(),
    ).select_related("person", "substitute")
    by_duty = {}
    for officer in officers.order_by("shift__starts_at", "sort_order"):
        people = by_duty.setdefault(officer.duty, [])
        for person in (officer.person, officer.substitute):
            if person is not None and person not in people:
                people.append(person)
    return by_duty


def duty_suggestions(*, moment):
    """The reporters and photographers on duty at ``moment``: ``(reporters, photographers)``."""
    by_duty = duty_officers_at(moment=moment)
    return by_duty.get(Duty.REPORTER, []), by_duty.get(Duty.PHOTOGRAPHER, [])


# The leaders' agenda ----------------------------------------------------------

# How far back the public iCalendar feed reaches: calendars that imported an
# activity still receive its corrections for a while after it took place.
FEED_PAST = datetime.timedelta(days=90)


def _agenda_public():
    return AgendaItem.objects.filter(is_public=True).prefetch_related("officials")


def agenda_public_upcoming(*, today, limit=None, include_cancelled=True):
    """Public activities from ``today`` on, soonest first, with their officials."""
    items = _agenda_public().filter(date__gte=today).order_by("date", "starts_at")
    if not include_cancelled:
        items = items.exclude(status=AgendaStatus.CANCELLED)
    return list(items[:limit]) if limit else items


def agenda_public_past(*, today):
    """Public activities before ``today``, newest first (a queryset to paginate)."""
    return _agenda_public().filter(date__lt=today).order_by("-date", "-starts_at")


def agenda_public_feed(*, today):
    """The public activities in the iCalendar feed: upcoming and recent, cancelled too."""
    return list(
        _agenda_public()
        .filter(date__gte=today - FEED_PAST)
        .order_by("date", "starts_at", "pk")
    )


def agenda_page_url():
    """
    The full address of the public agenda page on the Media Center (the other
    sites link to it), or None; cached until content changes.
    """
    return cached_by_content(
        "agenda-page-url",
        lambda: next(
            (
                page.get_full_url()
                for page in pages_public(AgendaPage.objects.live())[:1]
            ),
            None,
        ),
    )


def agenda_late_by_month(*, today, months=6):
    """
    For the last ``months`` months up to ``today``'s: how many activities
    took place in each and how many of them were entered late (less than
    H-1). Newest month first: ``[{"month", "total", "late"}, …]``.
    """
    first = today.replace(day=1)
    for _ in range(months - 1):
        first = (first - datetime.timedelta(days=1)).replace(day=1)
    figures = {}
    month = first
    while month <= today:
        figures[month] = {"month": month, "total": 0, "late": 0}
        month = month_after(month)
    items = AgendaItem.objects.filter(date__gte=first, date__lt=month).only(
        "date", "starts_at", "created_at"
    )
    for item in items:
        figure = figures[item.date.replace(day=1)]
        figure["total"] += 1
        figure["late"] += item.is_late
    return sorted(figures.values(), key=lambda figure: figure["month"], reverse=True)


# Coverage assignments ---------------------------------------------------------


def assignments_for_listing(queryset):
    """``queryset`` with what a listing shows, in a fixed number of queries."""
    return queryset.select_related("agenda_item", "news").prefetch_related(
        "reporters", "photographers"
    )


def assignments_open_for(*, user):
    """``user``'s open assignments (assigned or covered), soonest first."""
    return list(
        assignments_for_listing(
            Assignment.objects.filter(
                Q(reporters=user) | Q(photographers=user),
                state__in=Assignment.OPEN_STATES,
            )
            .distinct()
            .order_by("date", "starts_at")
        )
    )


def assignment_of_news(*, news):
    """The assignment ``news`` was filed from, with its agenda item, or None."""
    return (
        Assignment.objects.select_related("agenda_item")
        .prefetch_related("reporters", "photographers")
        .filter(news_id=news.pk)
        .first()
    )


def news_index_for_filing():
    """The Media Center's news index, where news filed from assignments goes, or None."""
    return news_index_on(key="media_center")


def agenda_for_assignment(*, current=None):
    """The agenda items an assignment can be for: from a week ago on, and its own."""
    since = timezone.localdate() - datetime.timedelta(days=7)
    return AgendaItem.objects.filter(Q(date__gte=since) | Q(pk=current)).order_by(
        "date", "starts_at"
    )


def people_for_assignment(*, include=(), current=None):
    """
    Who can be assigned: active members of the reporters' and the Media
    Center team's groups, the officers on duty, and whoever already is.
    """
    from django.contrib.auth import get_user_model

    from moderation.services import MEDIA_CENTER_TEAM, REPORTER

    query = Q(is_active=True, groups__name__in=(REPORTER, MEDIA_CENTER_TEAM))
    query |= Q(pk__in=[person.pk for person in include])
    if current is not None:
        query |= Q(reporter_assignments=current) | Q(photographer_assignments=current)
    return (
        get_user_model()
        .objects.filter(pk__in=get_user_model().objects.filter(query).values("pk"))
        .order_by("first_name", "last_name", "username")
    )


def news_index_on(*, key):
    """
    The news index of the site ``key`` (``infopublik``, ``portal`` …), or
    None. Read from the database, not the cache: writes depend on it.
    """
    from .models import NewsIndexPage

    site = site_get(key=key)
    if site is None:
        return None
    return NewsIndexPage.objects.child_of(site.root_page).first()


# News on the three sites ---------------------------------------------------------


def news_copy_is(page):
    """Whether ``page`` (of any class) is a copy of a news item on another site."""
    return page.alias_of_id is not None and page.specific_class is NewsPage


def news_copy_refusal():
    """Why a copy of a news item may not be changed on its own."""
    from django.utils.translation import gettext

    return gettext(
        "This is a copy of a news item of the Media Center: it follows its "
        "original. To change, withdraw, move or delete it, do so on the "
        "original (or untick this site there)."
    )


def news_site_key_of(*, page):
    """
    The key of the site (``media_center``, ``infopublik``, ``portal``) that
    ``page`` is on, read from the database, or None.
    """
    from django.conf import settings

    for key in settings.WARTA_SITES:
        site = site_get(key=key)
        if site is not None and page.path.startswith(site.root_page.path):
            return key
    return None


def news_publishing_step(*, news):
    """
    The approved publishing step (the last step of the news SOP) that a
    publication of ``news`` happening now closes: the last approval of its
    latest approved SOP run, unless an earlier publication closed it
    already (a later publication outside the SOP, by a superuser). None
    when the news is published outside the news SOP.
    """
    from django.contrib.contenttypes.models import ContentType

    from wagtail.models import Page, TaskState, WorkflowState

    from moderation.models import SOPTask

    from .models import NewsPublication

    run = (
        WorkflowState.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id=str(news.pk),
            status=WorkflowState.STATUS_APPROVED,
        )
        .order_by("-created_at", "-pk")
        .first()
    )
    if run is None:
        return None
    step = (
        TaskState.objects.filter(workflow_state=run, status=TaskState.STATUS_APPROVED)
        .select_related("task")
        .order_by("-finished_at", "-pk")
        .first()
    )
    if step is None or not isinstance(step.task.specific, SOPTask):
        return None
    if NewsPublication.objects.filter(task_state=step).exists():
        return None
    return step


def news_publication_latest(*, news):
    """The latest publication of ``news`` with its go-lives, or None."""
    from .models import NewsPublication

    return (
        NewsPublication.objects.filter(news=news)
        .prefetch_related("sites_live")
        .select_related("approved_by")
        .first()
    )


def news_sites_report():
    """
    Every news item on the Media Center (originals, newest first) with, in
    the same query: when it went live there, who published it last (the
    operator who approved the publishing step, or who published it
    directly), when its copy went live on Info Publik and on the portal
    (None: not there), and its latest publication's publishing step: when
    it started, when the news was live on all chosen sites, how long that
    took against which standard (all None: no publication recorded).
    """
    from django.contrib.auth import get_user_model
    from django.db.models import Case, CharField, F, OuterRef, Subquery, Value, When
    from django.db.models.functions import Coalesce, Concat

    from wagtail.models import PageLogEntry

    from .models import NewsPublication, NewsSiteLive

    direct = PageLogEntry.objects.filter(
        page=OuterRef("pk"), action="wagtail.publish"
    ).order_by("-timestamp", "-pk")
    latest = NewsPublication.objects.filter(news=OuterRef("pk"))
    publisher = get_user_model().objects.filter(pk=OuterRef("published_by_id"))
    annotations = {
        "published_by": Subquery(
            publisher.annotate(
                name=Concat(
                    "first_name", Value(" "), "last_name", output_field=CharField()
                )
            ).values("name")[:1]
        ),
        "published_by_username": Subquery(publisher.values("username")[:1]),
    }
    for key, _field in NewsPage.SYNDICATED_SITES:
        root_path = site_root_url_path(key=key) or "//none/"
        # Since the copy there went live: its first go-live recorded (a copy
        # carries its original's first publication date).
        copy = NewsPage.objects.filter(
            alias_of=OuterRef("pk"), live=True, url_path__startswith=root_path
        )
        annotations[f"{key}_live_since"] = Coalesce(
            Subquery(
                NewsSiteLive.objects.filter(
                    page__alias_of=OuterRef("pk"),
                    page__live=True,
                    page__url_path__startswith=root_path,
                )
                .order_by("live_at")
                .values("live_at")[:1]
            ),
            Subquery(copy.values("first_published_at")[:1]),
        )
    annotations["media_center_live_since"] = Case(
        When(live=True, then=F("first_published_at")), default=None
    )
    root_path = site_root_url_path(key="media_center") or "//none/"
    publishing = {
        f"publishing_{field}": Subquery(latest.values(field)[:1])
        for field in (
            "pk",
            "step_started_at",
            "live_everywhere_at",
            "took",
            "time_standard",
        )
    }
    return (
        NewsPage.objects.filter(alias_of=None, url_path__startswith=root_path)
        .annotate(**publishing)
        .annotate(
            published_by_id=Coalesce(
                Subquery(latest.values("approved_by_id")[:1]),
                Subquery(direct.values("user_id")[:1]),
            )
        )
        .annotate(**annotations)
        .order_by("-first_published_at", "-pk")
    )


def news_sites_state(*, news):
    """
    Where ``news`` is, for its editor: one row per site (Media Center, Info
    Publik, portal) with whether it is chosen, live since when, when its
    latest publication went live there, and its address; and that latest
    publication, with the publishing step's timing.
    """
    from django.conf import settings
    from django.db.models import Min

    from .models import MEDIA_CENTER, NewsSiteLive

    copies = (
        list(
            NewsPage.objects.filter(alias_of=news).only(
                "url_path", "live", "first_published_at", "path", "depth", "slug"
            )
        )
        if news.pk
        else []
    )
    publication = news_publication_latest(news=news) if news.pk else None
    first_live = dict(
        NewsSiteLive.objects.filter(page__in=[copy.pk for copy in copies])
        .values("page")
        .annotate(first=Min("live_at"))
        .values_list("page", "first")
    )
    live_at = (
        {live.site: live.live_at for live in publication.sites_live.all()}
        if publication
        else {}
    )
    rows = [
        {
            "site": settings.WARTA_SITES[MEDIA_CENTER]["site_name"],
            "chosen": True,
            "live_since": news.first_published_at if news.live else None,
            "version_live_at": live_at.get(MEDIA_CENTER) if news.live else None,
            "url": news.get_full_url() if news.live else "",
        }
    ]
    for key, field in NewsPage.SYNDICATED_SITES:
        root_path = site_root_url_path(key=key)
        copy = next(
            (c for c in copies if root_path and c.url_path.startswith(root_path)), None
        )
        live = bool(copy and copy.live)
        rows.append(
            {
                "site": settings.WARTA_SITES[key]["site_name"],
                "chosen": getattr(news, field),
                "live_since": (
                    first_live.get(copy.pk, copy.first_published_at) if live else None
                ),
                "version_live_at": live_at.get(key) if live else None,
                "url": copy.get_full_url() if live else "",
            }
        )
    pending = (
        [
            settings.WARTA_SITES[key]["site_name"]
            for key in publication.pending_sites(live_at)
        ]
        if publication
        else []
    )
    return {"rows": rows, "publication": publication, "pending": pending}


# The multimedia archive (issue 7) ---------------------------------------------------


def _multimedia_public(index):
    return pages_public(MultimediaPage.objects.child_of(index).live())


def multimedia_years(*, index):
    """The years the archive has public items of, newest first, cached."""
    return cached_by_content(
        f"multimedia-years:{index.pk}",
        lambda: list(
            _multimedia_public(index)
            .annotate(year=ExtractYear("recorded_on"))
            .order_by("-year")
            .values_list("year", flat=True)
            .distinct()
        ),
    )


def multimedia_tags_in_use(*, index):
    """Name and slug of the tags on the archive's public items, cached."""
    return cached_by_content(
        f"multimedia-tags:{index.pk}",
        lambda: list(
            MultimediaPageTag.tag_model()
            .objects.filter(
                media_center_multimediapagetag_items__content_object__in=(
                    _multimedia_public(index)
                )
            )
            .distinct()
            .order_by("name")
            .values("name", "slug")
        ),
    )


def multimedia_archive(*, index, filters):
    """
    The archive's public items narrowed by ``filters``, newest event first,
    with their cover's renditions: a fixed number of queries.
    """
    items = MultimediaPage.objects.child_of(index).live()
    if filters.kind:
        items = items.filter(kind=filters.kind)
    if filters.year:
        items = items.filter(recorded_on__year=filters.year)
    if filters.month:
        items = items.filter(recorded_on__month=filters.month)
    if filters.tag:
        items = items.filter(tags__slug=filters.tag)
    if filters.query:
        # Wagtail's search backends read only simple filters of the queryset
        # they search (not a month or a tag); the matches are then narrowed
        # by the other filters and loaded as a listing.
        searched = MultimediaPage.objects.child_of(index).live().public()
        items = items.filter(pk__in=search_matches(searched, filters.query))
    renditions = get_image_model().get_rendition_model().objects.all()
    return (
        pages_public(items)
        .select_related("cover_image")
        .prefetch_related(Prefetch("cover_image__renditions", queryset=renditions))
        .order_by("-recorded_on", "-pk")
    )


def album_photos(*, page):
    """An album's photos, in order, with their images and renditions."""
    photos = list(page.photos.all())
    renditions = get_image_model().get_rendition_model().objects.all()
    prefetch_related_objects(photos, Prefetch("image__renditions", queryset=renditions))
    return photos
