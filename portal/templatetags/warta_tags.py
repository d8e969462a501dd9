"""Template tags of the public sites."""

from django import template
from django.conf import settings
from django.utils import dateformat, timezone
from django.utils.translation import gettext

from wagtail.models import Site

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
    """The live pages of the current site marked "show in menus"."""
    site = current_site(context)
    items = (
        site.root_page.get_children().live().public().in_menu()
        if site
        else []
    )
    return {"request": context.get("request"), "items": items, "site": site}


@register.inclusion_tag("components/sister_sites.html", takes_context=True)
def sister_sites(context):
    """Links to the three sites of the agency, from settings (no query)."""
    port = settings.WARTA_SITE_PORT
    scheme = "https" if port == 443 else "http"
    suffix = "" if port in (80, 443) else f":{port}"
    sites = [
        {
            "name": config["site_name"],
            "url": f"{scheme}://{config['hostname']}{suffix}/",
        }
        for config in settings.WARTA_SITES.values()
    ]
    return {"sites": sites}
