"""Reads of news for the Media Center and the pages that show its news."""

from django.db.models import Prefetch

from wagtail.images import get_image_model

from portal.selectors import site_get

from .models import NewsPage, Rubric


def _news_for_listing(queryset):
    # Everything a news card shows, in a fixed number of queries whatever the
    # number of news items.
    renditions = get_image_model().get_rendition_model().objects.all()
    return (
        queryset.live()
        .public()
        .select_related("rubric", "main_image")
        .prefetch_related(Prefetch("main_image__renditions", queryset=renditions))
        .order_by("-first_published_at", "-pk")
    )


def news_latest(*, limit, root=None):
    """The ``limit`` newest published news under ``root`` (default: the Media Center)."""
    if root is None:
        site = site_get(key="media_center")
        if site is None:
            return []
        root = site.root_page
    return list(_news_for_listing(NewsPage.objects.descendant_of(root))[:limit])


def news_list(*, index, rubric=None, tag=None):
    """Published news under a news index, optionally of one rubric or tag."""
    queryset = NewsPage.objects.child_of(index)
    if rubric is not None:
        queryset = queryset.filter(rubric=rubric)
    if tag is not None:
        queryset = queryset.filter(tags=tag)
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
    """Rubrics that have at least one published news item."""
    return list(Rubric.objects.filter(news__live=True).distinct().order_by("name"))
