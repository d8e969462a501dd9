"""Reads of Info Publik: the sections' articles and the register of public information."""

import datetime
from dataclasses import dataclass

from django.db.models import (
    Case,
    Count,
    DateField,
    Exists,
    F,
    OuterRef,
    Prefetch,
    Q,
    Value,
    When,
    prefetch_related_objects,
)
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext

from wagtail.documents import get_document_model
from wagtail.models import Revision
from wagtail.permissions import policy_registry

from portal.selectors import listing, pages_public, search_matches

from .models import (
    PERIODIC_FRESHNESS,
    ArticlePage,
    ExemptFile,
    InformationCategory,
    ReportDocument,
    ReportPage,
)

# Orders the two kinds of the review together: six months after a periodic
# entry's publication, give or take a day, against an exemption's end.
REVIEW_ORDER_PERIOD = datetime.timedelta(days=183)


def _articles_for_listing(queryset):
    return listing(queryset, "section")


def articles_latest(*, limit, root):
    """The ``limit`` newest published articles under ``root``."""
    return list(_articles_for_listing(ArticlePage.objects.descendant_of(root))[:limit])


def articles_list(*, index):
    """Published articles under an article index."""
    return _articles_for_listing(ArticlePage.objects.child_of(index))


# The register of public information (Daftar Informasi Publik) -------------------


def register_pages(index, *, exempt=False):
    """
    The live report pages of ``index``: exempt ones, or all others. In the
    form Wagtail's search backends read; ``pages_public`` keeps the readers'
    lists to public pages.
    """
    pages = ReportPage.objects.child_of(index).live()
    if exempt:
        return pages.filter(category=InformationCategory.EXEMPT)
    return pages.exclude(category=InformationCategory.EXEMPT)


def _with_register_columns(queryset):
    """The register's columns and files of each entry, in a fixed number of queries."""
    return queryset.select_related("information_type", "holder").prefetch_related(
        Prefetch(
            "documents",
            queryset=ReportDocument.objects.select_related("document").order_by(
                "sort_order"
            ),
        )
    )


def register_years(*, index):
    """The years the register of ``index`` has public entries for, newest first."""
    return list(
        pages_public(register_pages(index))
        .order_by("-year")
        .values_list("year", flat=True)
        .distinct()
    )


def register_entries(*, index, filters):
    """
    The public entries of the register (never the exempt ones), narrowed by
    ``filters``, newest year first, with their columns and files.
    """
    entries = register_pages(index)
    if filters.category:
        entries = entries.filter(category=filters.category)
    if filters.year:
        entries = entries.filter(year=filters.year)
    if filters.information_type:
        entries = entries.filter(information_type=filters.information_type)
    if filters.holder:
        entries = entries.filter(holder=filters.holder)
    if filters.query:
        # Wagtail's search backends read the queryset's filters themselves
        # and know ``public()``; the matches are then loaded as a listing.
        entries = entries.filter(pk__in=search_matches(entries.public(), filters.query))
    return _with_register_columns(pages_public(entries)).order_by(
        "-year", "title", "pk"
    )


@dataclass
class DipSection:
    category: InformationCategory
    rows: list  # (number, report page)


@dataclass
class DipTable:
    """The Daftar Informasi Publik of one year, numbered, by category."""

    year: int
    years: list
    sections: list

    @property
    def count(self):
        return sum(len(section.rows) for section in self.sections)


def dip_table(*, index, year):
    """
    The DIP of ``year``: every published, non-exempt entry of the register,
    by category (periodic, immediate, at any time), numbered from 1.
    """
    pages = list(
        _with_register_columns(
            pages_public(register_pages(index).filter(year=year))
        ).order_by("information_type__name", "title", "pk")
    )
    sections = []
    number = 0
    for category in InformationCategory.public():
        rows = []
        for page in pages:
            if page.category == category:
                number += 1
                rows.append((number, page))
        if rows:
            sections.append(DipSection(category=category, rows=rows))
    return DipTable(year=year, years=register_years(index=index), sections=sections)


def exempt_entries(*, index):
    """The public list of exempt information: what is withheld, why, and until when."""
    return (
        pages_public(register_pages(index, exempt=True))
        .select_related("information_type", "holder")
        .order_by("-year", "title", "pk")
    )


def _report_drafts_holding(document):
    """
    The unpublished versions of report pages that hold ``document``: Wagtail
    writes a live page's files only when a version is published, so a file
    added in a draft is known only to that draft. Few pages are being edited
    at a time; one query.
    """
    drafts = Revision.objects.filter(
        pk__in=ReportPage.objects.filter(has_unpublished_changes=True).values(
            "latest_revision_id"
        )
    )
    return [
        draft.content
        for draft in drafts
        if any(
            item.get("document") == document.pk
            for item in draft.content.get("documents", ())
        )
    ]


def document_withheld(*, document):
    """
    Whether the public may not take ``document``: it is a file of exempt
    information (UU 14/2008 Pasal 17) in the live page or a draft; or no
    live, public, non-exempt report offers it while the register holds it
    (a page that is not live, kept to logged-in readers, a file added in a
    draft) or once held it as exempt information (``ExemptFile``: removed
    from the page, the page deleted). Other documents are Wagtail's alone.
    At most five queries.
    """
    holders = ReportPage.objects.filter(documents__document=document)
    if holders.filter(category=InformationCategory.EXEMPT).exists():
        return True
    drafts = _report_drafts_holding(document)
    if any(draft.get("category") == InformationCategory.EXEMPT for draft in drafts):
        return True
    if pages_public(holders.live()).exists():
        return False
    return (
        bool(drafts)
        or holders.exists()
        or ExemptFile.objects.filter(document=document).exists()
    )


def document_serve_refusal(*, user, document):
    """
    Why ``user`` may not download ``document`` from the public sites, or
    None: withheld files (``document_withheld``) are still served to the
    editors who may use the document.
    """
    if not document_withheld(document=document):
        return None
    policy = policy_registry.get_by_type(get_document_model())
    if policy.user_has_any_permission_for_instance(
        user, ["change", "choose"], document
    ):
        return None
    return gettext("This document is not available to the public.")


def report_files(*, page):
    """The files of a report page, in order, with their documents: two queries."""
    files = list(page.documents.all())
    prefetch_related_objects(files, "document")
    return files


def report_related_news(*, page):
    """The live, public news a report page links to, in order: three queries."""
    from media_center.models import NewsPage

    links = list(page.related_news.all())
    public = set(
        pages_public(
            NewsPage.objects.live().filter(pk__in=[link.news_id for link in links])
        ).values_list("pk", flat=True)
    )
    links = [link for link in links if link.news_id in public]
    prefetch_related_objects(links, "news")
    return links


def reports_periodic_stale(*, now):
    """
    Live periodic entries whose newest published version is older than six
    calendar months (UU 14/2008 Pasal 9 ayat 4: periodic information at
    least every six months), unless a live newer edition replaces them.
    """
    cutoff = timezone.localtime(now) - PERIODIC_FRESHNESS
    newer_edition = ReportPage.objects.live().filter(supersedes=OuterRef("pk"))
    return (
        ReportPage.objects.live()
        .filter(category=InformationCategory.PERIODIC, last_published_at__lt=cutoff)
        .exclude(Exists(newer_edition))
        .select_related("information_type", "holder")
        .order_by("last_published_at", "pk")
    )


def reports_exemption_ended(*, today):
    """Live exempt entries whose exemption period has ended: to be classified again."""
    return (
        ReportPage.objects.live()
        .filter(category=InformationCategory.EXEMPT, exemption_ends_on__lte=today)
        .select_related("information_type", "holder")
        .order_by("exemption_ends_on", "pk")
    )


def register_review(*, now=None):
    """
    The register entries needing attention at ``now``: live periodic entries
    not published again for six months, and exempt entries whose exemption
    has ended; the longest due first, with their columns, in one query.
    """
    now = now or timezone.now()
    entries = reports_periodic_stale(now=now) | reports_exemption_ended(
        today=timezone.localdate(now)
    )
    return entries.annotate(
        # Since when it needs attention: about six months after its latest
        # publication, or the day its exemption ended.
        due_on=Case(
            When(
                category=InformationCategory.EXEMPT,
                then=F("exemption_ends_on"),
            ),
            default=TruncDate(
                F("last_published_at") + Value(REVIEW_ORDER_PERIOD),
                output_field=DateField(),
            ),
            output_field=DateField(),
        )
    ).order_by("due_on", "title", "pk")


@dataclass
class RegisterReviewSummary:
    """What the dashboard says: how many of each, and the longest due."""

    stale: int
    exemption_ended: int
    oldest: list

    @property
    def total(self):
        return self.stale + self.exemption_ended

    def __bool__(self):
        return bool(self.total)


def register_review_summary(*, now=None, limit=5):
    """The counts of each kind and the ``limit`` longest due: two queries at most."""
    entries = register_review(now=now)
    counts = entries.order_by().aggregate(
        stale=Count("pk", filter=~Q(category=InformationCategory.EXEMPT)),
        exemption_ended=Count("pk", filter=Q(category=InformationCategory.EXEMPT)),
    )
    oldest = list(entries[:limit]) if any(counts.values()) else []
    return RegisterReviewSummary(oldest=oldest, **counts)
