"""Side effects of content changes: the cached site chrome is renewed."""

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .selectors import CONTENT_VERSION_KEY


def content_changed(**kwargs):
    # Dropping the version makes every cached list (menus, rubrics, site
    # identity) be built again on its next use, on every application server
    # that shares the cache. After the commit: a request served in between
    # would otherwise cache the old content under the new version.
    transaction.on_commit(lambda: cache.delete(CONTENT_VERSION_KEY))


def register_signal_handlers():
    from media_center.models import Rubric

    from .models import SiteIdentity

    page_published.connect(content_changed, dispatch_uid="warta_page_published")
    page_unpublished.connect(content_changed, dispatch_uid="warta_page_unpublished")
    post_page_move.connect(content_changed, dispatch_uid="warta_page_moved")
    post_delete.connect(content_changed, sender=Page, dispatch_uid="warta_page_deleted")
    # Images: the cached identity holds its logo; a deleted or replaced image
    # must not be shown from the cache.
    for model in (Site, SiteIdentity, Rubric, PageViewRestriction, get_image_model()):
        post_save.connect(
            content_changed, sender=model, dispatch_uid=f"warta_{model.__name__}_saved"
        )
        post_delete.connect(
            content_changed,
            sender=model,
            dispatch_uid=f"warta_{model.__name__}_deleted",
        )
