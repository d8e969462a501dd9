"""The sitemap of each site."""

from wagtail.contrib.sitemaps import Sitemap

from .selectors import pages_public


class PublicSitemap(Sitemap):
    """
    Wagtail's sitemap of the current site, without the copies whose original
    is under a view restriction (Wagtail's ``public()`` looks only at the
    copy's own place in the tree).
    """

    def items(self):
        return pages_public(super().items())
