"""Reads of the sections' articles."""

from portal.selectors import listing

from .models import ArticlePage


def _articles_for_listing(queryset):
    return listing(queryset, "section")


def articles_latest(*, limit, root):
    """The ``limit`` newest published articles under ``root``."""
    return list(_articles_for_listing(ArticlePage.objects.descendant_of(root))[:limit])


def articles_list(*, index):
    """Published articles under an article index."""
    return _articles_for_listing(ArticlePage.objects.child_of(index))
