"""Public views every site has: search and robots.txt."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_GET

from wagtail.models import Page, Site

SEARCH_RESULTS_PER_PAGE = 10
SEARCH_QUERY_MAX_LENGTH = 200


@require_GET
def search(request):
    """Full-text search over the live, public pages of the current site only."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    query = request.GET.get("q", "").strip()[:SEARCH_QUERY_MAX_LENGTH]
    results = notice = None
    if query:
        pages = (
            Page.objects.live()
            .public()
            .descendant_of(site.root_page)
            .specific()
            .search(query, operator="and")
        )
        paginator = Paginator(pages, SEARCH_RESULTS_PER_PAGE)
        raw = request.GET.get("page", "1")
        try:
            results = paginator.page(raw)
        except (PageNotAnInteger, EmptyPage):
            results = paginator.page(1)
            notice = gettext(
                "That page of results does not exist; showing the first page."
            )
    return render(
        request,
        "portal/search_results.html",
        {"search_query": query, "results": results, "notice": notice, "site": site},
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
