"""Template tags of the public sites."""

from django import template
from django.conf import settings
from django.utils import dateformat, timezone
from django.utils.text import capfirst
from django.utils.translation import gettext

from wagtail.models import Site

from portal.models import site_root_url
from portal.selectors import site_identity as get_site_identity
from portal.selectors import site_menu_items

register = template.Library()


@register.filter
def tanggal_wib(value):
    """
    A moment as Indonesian readers expect it:
    "Senin, 25 Februari 2019 pukul 15.00 WIB".
    """
    if not value:
        return ""
    moment = timezone.localtime(value)
    return gettext("%(date)s at %(time)s WIB") % {
        "date": dateformat.format(moment, "l, j F Y"),
        "time": dateformat.format(moment, "H.i"),
    }


@register.filter
def tanggal(value):
    """A date as "25 Februari 2019"."""
    if not value:
        return ""
    if hasattr(value, "hour"):
        value = timezone.localtime(value)
    return dateformat.format(value, "j F Y")


@register.simple_tag(takes_context=True)
def current_site(context):
    """The Wagtail site of this request (looked up once per request)."""
    request = context.get("request")
    return Site.find_for_request(request) if request else None


@register.inclusion_tag("components/site_menu.html", takes_context=True)
def site_menu(context):
    """
    The live pages of the current site marked "show in menus", as
    ``{"title", "url", "path"}`` from the cache (no query until content changes).
    """
    site = current_site(context)
    items = site_menu_items(site=site) if site else []
    return {"request": context.get("request"), "items": items, "site": site}


@register.simple_tag(takes_context=True)
def site_identity(context):
    """
    The current site's ``SiteIdentity`` (tagline, theme, logo, contacts) from
    the cache, with its images loaded; None outside a site.
    """
    site = current_site(context)
    return get_site_identity(site=site) if site else None


def _site_home_url(hostname):
    return site_root_url(hostname) + "/"


@register.inclusion_tag("components/sister_sites.html", takes_context=True)
def sister_sites(context):
    """Links to the three sites of the agency, from settings (no query)."""
    sites = [
        {"name": config["site_name"], "url": _site_home_url(config["hostname"])}
        for config in settings.WARTA_SITES.values()
    ]
    return {"sites": sites}


@register.simple_tag
def warta_site_url(key):
    """
    The home address of one of the three sites (``media_center``,
    ``infopublik`` or ``portal``), from settings (no query).
    """
    config = settings.WARTA_SITES.get(key)
    return _site_home_url(config["hostname"]) if config else ""


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    """
    ``url`` made absolute on the host of this request, as link previews
    (Open Graph) need; an address that is already absolute stays as it is.
    """
    request = context.get("request")
    if not url or request is None:
        return url or ""
    return request.build_absolute_uri(url)


@register.filter
def durasi(value):
    """A duration as people read it: 3:25, or 1:02:05 from an hour on."""
    if value is None:
        return ""
    seconds = int(value.total_seconds())
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{seconds:02d}"
    return f"{minutes}:{seconds:02d}"


@register.filter
def type_name(page):
    """What kind of page this is, in the reader's language ("Berita", "Pengumuman")."""
    model = getattr(page, "specific_class", None) or type(page)
    return capfirst(model._meta.verbose_name)


@register.filter
def page_range(page_obj):
    """
    The page numbers to link to, with ``None`` for a gap: 1 … 4 5 6 … 20.
    Long lists stay short on a phone.
    """
    paginator = page_obj.paginator
    return [
        None if number == paginator.ELLIPSIS else number
        for number in paginator.get_elided_page_range(
            page_obj.number, on_each_side=1, on_ends=1
        )
    ]


@register.filter
def not_found_message(exception):
    """
    The message an ``Http404`` was raised with, or "" when it has none:
    Django passes the bare class name ("Http404") then, which says nothing
    to a reader.
    """
    if not isinstance(exception, str) or exception in {"Http404", "Resolver404"}:
        return ""
    return exception


@register.filter
def is_within(path, prefix):
    """Whether ``path`` is ``prefix`` or below it: the menu marks the reader's section."""
    return bool(prefix) and str(path).startswith(str(prefix))


@register.simple_tag(takes_context=True)
def url_with(context, **changes):
    """
    This page's address with some query parameters changed, the others kept
    (a filtered list keeps its filter from page to page). ``None`` or ""
    removes a parameter, so page 1 and "all rubrics" get the plain address.
    """
    request = context["request"]
    params = request.GET.copy()
    for key, value in changes.items():
        if value is None or value == "":
            params.pop(key, None)
        else:
            params[key] = value
    query = params.urlencode()
    return f"{request.path}?{query}" if query else request.path


@register.simple_tag
def breadcrumb_trail(page):
    """
    The pages above ``page`` from its site's home down to its parent.

    Walks ``get_parent()`` rather than ``get_ancestors()``: Wagtail's routing
    has already loaded and cached every parent of the page it serves, so a
    served page gets its breadcrumbs without a query.
    """
    trail = []
    current = page
    while current is not None and current.depth > 2:
        current = current.get_parent()
        if current is None:
            break
        trail.append(current)
    return list(reversed(trail))
