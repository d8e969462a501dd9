"""One way to paginate every public list: index pages and search results."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404
from django.utils.translation import gettext


def paginate(request, items, *, per_page):
    """
    The page of ``items`` asked for by ``?page=``. A value that is not a
    number shows the first page with a ``notice``; a number past the end is a
    404 whose message says how many pages there are.
    """
    paginator = Paginator(items, per_page)
    raw = request.GET.get("page", "1")
    try:
        return paginator.page(raw)
    except PageNotAnInteger:
        page = paginator.page(1)
        page.notice = gettext(
            "“%(value)s” is not a page number; showing the first page."
        ) % {"value": raw[:20]}
        return page
    except EmptyPage as error:
        raise Http404(
            gettext("Page %(number)s does not exist; this list has %(count)s pages.")
            % {"number": raw[:20], "count": paginator.num_pages}
        ) from error
