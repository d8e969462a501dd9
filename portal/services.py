"""Writes shared by the three sites: creating the sites themselves."""

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from wagtail.models import Collection, Page, Site

from infopublik.models import ArticleIndexPage, InfoPublikHomePage, RegisterIndexPage
from media_center.models import (
    AgendaPage,
    MediaCenterHomePage,
    MultimediaIndexPage,
    NewsIndexPage,
)

from .models import AnnouncementIndexPage, PortalHomePage, SiteIdentity


@dataclass(frozen=True)
class SitePlan:
    key: str
    home_model: type[Page]
    home_title: str
    home_slug: str
    theme: str
    tagline: str
    collection: str
    # (model, title, slug) of the index pages the site needs to work.
    sections: tuple[tuple[type[Page], str, str], ...]


SITE_PLANS = (
    SitePlan(
        key="media_center",
        home_model=MediaCenterHomePage,
        home_title="Media Center Kota Palangka Raya",
        home_slug="media-center",
        theme=SiteIdentity.Theme.MEDIA_CENTER,
        tagline="Berita resmi Pemerintah Kota Palangka Raya",
        collection="Media Center",
        sections=(
            (NewsIndexPage, "Berita", "berita"),
            (AgendaPage, "Agenda Pimpinan", "agenda"),
            (MultimediaIndexPage, "Arsip Multimedia", "multimedia"),
        ),
    ),
    SitePlan(
        key="infopublik",
        home_model=InfoPublikHomePage,
        home_title="Info Publik Kota Palangka Raya",
        home_slug="info-publik",
        theme=SiteIdentity.Theme.INFOPUBLIK,
        tagline="Keterbukaan informasi publik sesuai UU Nomor 14 Tahun 2008",
        collection="Info Publik",
        sections=(
            (RegisterIndexPage, "Daftar Informasi Publik", "daftar-informasi-publik"),
            (ArticleIndexPage, "Artikel", "artikel"),
            (NewsIndexPage, "Berita", "berita"),
        ),
    ),
    SitePlan(
        key="portal",
        home_model=PortalHomePage,
        home_title="Portal Kota Palangka Raya",
        home_slug="portal",
        theme=SiteIdentity.Theme.PORTAL,
        tagline="Kota Cantik — Palangka Raya",
        collection="Portal",
        sections=(
            (AnnouncementIndexPage, "Pengumuman", "pengumuman"),
            (NewsIndexPage, "Berita", "berita"),
        ),
    ),
)


def _remove_wagtail_welcome_page(root):
    """Drop the placeholder page and site that Wagtail's first migration makes."""
    for page in root.get_children().filter(
        content_type__app_label="wagtailcore", content_type__model="page", numchild=0
    ):
        Site.objects.filter(root_page=page).delete()
        page.delete()


def _ensure_page(parent, model, *, title, slug, show_in_menus=False, publish=True):
    existing = model.objects.child_of(parent).first()
    if existing is not None:
        return existing, False
    page = model(title=title, slug=slug, show_in_menus=show_in_menus)
    parent.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    return page, True


@transaction.atomic
def sites_setup():
    """
    Create the three public sites, their home and index pages, site identities
    and image/document collections, from ``settings.WARTA_SITES``.

    Idempotent: what exists is kept; only the host name, port and default flag
    follow the settings, so production can change domains by environment.
    Returns the names of what was created.
    """
    created = []
    root = Page.get_first_root_node()
    _remove_wagtail_welcome_page(root)
    root_collection = Collection.get_first_root_node()

    for plan in SITE_PLANS:
        config = settings.WARTA_SITES[plan.key]
        # The home page is published once its site exists, so that its
        # publication (and its archive record) knows the site it is on.
        home, home_created = _ensure_page(
            root,
            plan.home_model,
            title=plan.home_title,
            slug=plan.home_slug,
            publish=False,
        )
        site = Site.objects.filter(root_page=home).first()
        if site is None:
            site = Site(root_page=home, site_name=config["site_name"])
            created.append(_("site %(name)s") % {"name": config["site_name"]})
        site.hostname = config["hostname"]
        site.port = settings.WARTA_SITE_PORT
        site.is_default_site = config["is_default_site"]
        if site.is_default_site:
            Site.objects.exclude(pk=site.pk).filter(is_default_site=True).update(
                is_default_site=False
            )
        site.save()

        if home_created:
            home.save_revision().publish()
            created.append(_("page %(title)s") % {"title": home.title})
        for model, title, slug in plan.sections:
            page, page_created = _ensure_page(
                home, model, title=title, slug=slug, show_in_menus=True
            )
            if page_created:
                created.append(_("page %(title)s") % {"title": page.title})

        identity, identity_created = SiteIdentity.objects.get_or_create(
            site=site, defaults={"theme": plan.theme, "tagline": plan.tagline}
        )
        if identity_created:
            created.append(_("identity of %(name)s") % {"name": site.site_name})

        if not root_collection.get_children().filter(name=plan.collection).exists():
            root_collection.add_child(name=plan.collection)
            created.append(_("collection %(name)s") % {"name": plan.collection})

    return created
