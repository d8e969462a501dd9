"""Reads of news for the Media Center and the pages that show its news."""

from portal.selectors import (
    cached_by_content,
    listing,
    pages_public,
    site_root_url_path,
)

from .models import NewsPage, NewsPageTag, Rubric


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
