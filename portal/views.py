"""Public views every site has: search and robots.txt."""

import re

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from wagtail.models import Page, Site

from .pagination import paginate
from .selectors import copies_of_restricted

SEARCH_RESULTS_PER_PAGE = 10
SEARCH_QUERY_MAX_LENGTH = 200
# Characters the full-text engines read as syntax (SQLite FTS5 fails on an
# unbalanced quote); readers never mean them as search terms.
SEARCH_SYNTAX = re.compile(r"[\"\x00-\x1f*^:(){}\[\]<>+\\]")


def search_terms(raw):
    """The reader's words, without search-engine syntax, at most 200 characters."""
    return " ".join(SEARCH_SYNTAX.sub(" ", raw).split())[:SEARCH_QUERY_MAX_LENGTH]


@require_GET
def search(request):
    """Full-text search over the live, public pages of the current site only."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    query = search_terms(request.GET.get("q", ""))
    results = None
    if query:
        # Wagtail's search backends read the queryset's filters themselves and
        # know ``public()`` and a list of ids, not the subqueries of
        # ``pages_public``.
        pages = (
            Page.objects.live()
            .public()
            .descendant_of(site.root_page)
            .exclude(pk__in=copies_of_restricted(root=site.root_page))
            .specific()
            .search(query, operator="and")
        )
        results = paginate(request, pages, per_page=SEARCH_RESULTS_PER_PAGE)
    return render(
        request,
        "portal/search_results.html",
        {"search_query": query, "results": results, "site": site},
    )


@require_GET
def robots_txt(request):
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    return render(
        request,
        "robots.txt",
        {"sitemap_url": sitemap_url},
        content_type="text/plain; charset=utf-8",
    )
