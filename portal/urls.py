from django.conf import settings
from django.urls import include, path
from django.views.decorators.cache import cache_page

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from . import views
from .feeds import SiteFeed
from .sitemaps import PublicSitemap

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("dokumen/", include(wagtaildocs_urls)),
    path("cari/", views.search, name="search"),
    path("feed/", SiteFeed(), name="feed"),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"wagtail": PublicSitemap}},
        name="sitemap",
    ),
    path("robots.txt", cache_page(60 * 60)(views.robots_txt), name="robots_txt"),
]

if settings.DEBUG:
    from pathlib import Path

    from django.conf.urls.static import static

    # Images, video and audio only: documents are served by Wagtail's
    # document view, which checks who may have them (exempt information,
    # unpublished reports).
    for folder in ("original_images", "images", "media", "media_thumbnails"):
        urlpatterns += static(
            f"{settings.MEDIA_URL}{folder}/",
            document_root=Path(settings.MEDIA_ROOT) / folder,
        )

urlpatterns += [path("", include(wagtail_urls))]
