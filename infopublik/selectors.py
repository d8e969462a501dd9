"""Reads of the sections' articles."""

from django.db.models import Prefetch

from wagtail.images import get_image_model

from portal.selectors import pages_public

from .models import ArticlePage


def _articles_for_listing(queryset):
    renditions = get_image_model().get_rendition_model().objects.all()
    return (
        pages_public(queryset.live())
        .select_related("section", "main_image")
        .prefetch_related(Prefetch("main_image__renditions", queryset=renditions))
        .order_by("-first_published_at", "-pk")
    )


def articles_latest(*, limit, root):
    """The ``limit`` newest published articles under ``root``."""
    return list(_articles_for_listing(ArticlePage.objects.descendant_of(root))[:limit])


def articles_list(*, index):
    """Published articles under an article index."""
    return _articles_for_listing(ArticlePage.objects.child_of(index))
