"""Reads shared by the three sites."""

from django.conf import settings
from django.core.cache import cache
from django.db.models import Exists, F, OuterRef, Prefetch, Q
from django.db.models.lookups import StartsWith
from django.utils import timezone

from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site

# Changed whenever something the site chrome shows may have changed (a page
# published, moved or deleted, an identity edited); see signal_handlers.py.
CONTENT_VERSION_KEY = "warta:content-version"
CHROME_TIMEOUT = 60 * 60


def site_get(*, key):
    """
    The Wagtail ``Site`` configured as ``settings.WARTA_SITES[key]``
    (``media_center``, ``infopublik`` or ``portal``), or None before set-up.
    """
    hostname = settings.WARTA_SITES[key]["hostname"]
    return Site.objects.select_related("root_page").filter(hostname=hostname).first()


def site_find(value):
    """
    A site by its key in ``settings.WARTA_SITES``, its hostname or its name,
    as people name it on the command line; None when no site is.
    """
    if value in settings.WARTA_SITES:
        return site_get(key=value)
    return (
        Site.objects.select_related("root_page")
        .filter(Q(hostname__iexact=value) | Q(site_name__iexact=value))
        .first()
    )


def _under_restriction():
    """True for a page under a view restriction (login, password, groups)."""
    return Exists(
        PageViewRestriction.objects.filter(
            StartsWith(OuterRef("path"), F("page__path"))
        )
    )


def _copy_of_restricted():
    """
    True for a copy (an alias) whose original is under a view restriction: a
    news item kept to the Media Center's logged-in readers is not public on
    Info Publik or the portal either.
    """
    return Exists(
        Page.objects.filter(pk=OuterRef("alias_of_id")).filter(_under_restriction())
    )


def pages_public(queryset):
    """
    ``queryset`` without the pages under a view restriction (login, password,
    groups), nor copies of such pages, in the same SQL query; Wagtail's
    ``public()`` costs one more and does not look at a copy's original.
    """
    return queryset.exclude(_under_restriction()).exclude(_copy_of_restricted())


def copies_of_restricted(*, root):
    """
    The ids of the copies under ``root`` whose original is under a view
    restriction: what a search must leave out besides ``public()``, in the
    form Wagtail's search backends read (they do not read subqueries).
    """
    copies = Page.objects.descendant_of(root).filter(_copy_of_restricted())
    return list(copies.values_list("pk", flat=True))


def search_matches(queryset, query):
    """
    The ids of the pages of ``queryset`` matching ``query``, for a list that
    also narrows by what Wagtail's search backends cannot read (subqueries,
    related lookups): the list filters by these ids instead.
    """
    return [page.pk for page in queryset.search(query, operator="and")]


def listing(queryset, *related):
    """
    Live, public pages of ``queryset``, newest first, with ``related`` and the
    main image's renditions loaded: a fixed number of queries whatever the
    number of items.
    """
    renditions = get_image_model().get_rendition_model().objects.all()
    return (
        pages_public(queryset.live())
        .select_related(*related, "main_image")
        .prefetch_related(Prefetch("main_image__renditions", queryset=renditions))
        .order_by("-first_published_at", "-pk")
    )


def content_version():
    """A token that changes whenever published content changes."""
    version = cache.get(CONTENT_VERSION_KEY)
    if version is None:
        version = timezone.now().timestamp()
        cache.set(CONTENT_VERSION_KEY, version, None)
    return version


_MISSING = object()


def cached_by_content(name, build):
    """
    ``build()``, kept in the cache until published content changes. For the
    small things every page of a site shows (menu, rubrics, index pages).
    """
    key = f"warta:{name}:{content_version()}"
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = build()
        cache.set(key, value, CHROME_TIMEOUT)
    return value


def site_root_url_path(*, key):
    """
    The ``url_path`` of a site's root page, from Wagtail's cached site root
    paths (no query when warm), or None before set-up.
    """
    hostname = settings.WARTA_SITES[key]["hostname"]
    site_ids = {
        site.pk: site.hostname
        for site in cached_by_content("sites", lambda: list(Site.objects.all()))
    }
    for root in Site.get_site_root_paths():
        if site_ids.get(root.site_id) == hostname:
            return root.root_path
    return None


def child_index_page(*, parent, model):
    """The live child of ``parent`` of type ``model`` (an index page), cached."""
    return cached_by_content(
        f"child:{parent.pk}:{model._meta.label_lower}",
        lambda: model.objects.child_of(parent).live().first(),
    )


def site_menu_items(*, site):
    """Title and address of the live, public pages under the site's root marked for menus."""

    def build():
        pages = pages_public(site.root_page.get_children().live().in_menu())
        return [
            {
                "title": page.title,
                "url": page.get_url(current_site=site),
                "path": page.path,
            }
            for page in pages.only("title", "url_path", "path", "depth")
        ]

    return cached_by_content(f"menu:{site.pk}", build)


def site_identity(*, site):
    """The site's ``SiteIdentity`` (name, theme, logo, contacts), cached."""
    from .models import SiteIdentity

    def build():
        identity = (
            SiteIdentity.objects.select_related("logo", "default_social_image")
            .filter(site=site)
            .first()
        )
        return identity or SiteIdentity(site=site)

    return cached_by_content(f"identity:{site.pk}", build)


def announcements_current(*, root, limit=None):
    """Live announcements under ``root`` valid today, newest first."""
    from .models import AnnouncementPage

    today = timezone.localdate()
    queryset = pages_public(AnnouncementPage.objects.live().descendant_of(root))
    queryset = (
        queryset.filter(valid_from__lte=today)
        .filter(Q(valid_until__isnull=True) | Q(valid_until__gte=today))
        .order_by("-valid_from", "-first_published_at")
    )
    return queryset[:limit] if limit else queryset
