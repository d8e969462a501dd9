"""
Admin screens of Info Publik: the register entries that need the Admin
Website's attention (issue 6, points 2 and 5). Periodic information must be
published again at least every six months (UU 14/2008 Pasal 9 ayat 4), and
exempt information is classified again when its exemption period ends.
"""

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

import django_filters

from .models import InformationCategory, ReportPage
from .selectors import register_review

# Granted to the Admin Website by the data migration and ``setup_sop``, and
# to superusers: the people who keep the register's entries and their types.
REVIEW_PERMISSION = "infopublik.change_informationtype"

STALE = "stale"
EXEMPTION_ENDED = "exemption_ended"
REASON_CHOICES = [
    (STALE, _("Periodic information to update")),
    (EXEMPTION_ENDED, _("Exemption ended: to classify again")),
]


def may_review_register(user):
    """Whether ``user`` sees the register entries needing attention (Admin Website, superusers)."""
    return user.is_active and user.has_perm(REVIEW_PERMISSION)


def _months_between(earlier, later):
    """Whole calendar months from the local time ``earlier`` to ``later``."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    if (later.day, later.time()) < (earlier.day, earlier.time()):
        months -= 1
    return max(months, 0)


def attention_reason(page, *, now=None):
    """Why ``page`` is in the review, in words."""
    now = timezone.localtime(now)
    if page.category == InformationCategory.EXEMPT:
        return gettext("exemption ended %(date)s: classify again") % {
            "date": date_format(page.exemption_ends_on, "j F Y")
        }
    published = timezone.localtime(page.last_published_at)
    months = _months_between(published, now)
    return ngettext(
        "needs updating: latest version published %(date)s, %(months)d month ago",
        "needs updating: latest version published %(date)s, %(months)d months ago",
        months,
    ) % {"date": date_format(published, "j F Y"), "months": months}


class RegisterReviewFilterSet(WagtailFilterSet):
    reason = django_filters.ChoiceFilter(
        label=_("Reason"),
        choices=REASON_CHOICES,
        empty_label=_("All"),
        method="filter_reason",
    )

    class Meta:
        model = ReportPage
        fields = []

    def filter_reason(self, queryset, name, value):
        if value == EXEMPTION_ENDED:
            return queryset.filter(category=InformationCategory.EXEMPT)
        return queryset.exclude(category=InformationCategory.EXEMPT)


def _field_label(name):
    """A column named as the register's field, in the model's words."""
    return capfirst(ReportPage._meta.get_field(name).verbose_name)


TITLE = _("Title")
CATEGORY = _("Category")
INFORMATION_TYPE = _("Information type")
HOLDER = _field_label("holder")
REASON = _("Reason")
LAST_PUBLISHED_AT = _("Last published at")
EXEMPTION_ENDS_ON = _field_label("exemption_ends_on")


class RegisterReviewReportView(ReportView):
    """
    Public information needing review: periodic entries whose latest
    version is older than six months, and exempt entries whose exemption
    has ended, each linked to its editor; exportable as CSV and XLSX.
    """

    page_title = _("Public information needing review")
    header_icon = "warning"
    index_url_name = "register_review_report"
    index_results_url_name = "register_review_report_results"
    filterset_class = RegisterReviewFilterSet
    list_export = [
        "title",
        "get_category_display",
        "information_type",
        "holder_label",
        "reason",
        "last_published_at",
        "exemption_ends_on",
    ]
    export_headings = {
        "title": TITLE,
        "get_category_display": CATEGORY,
        "information_type": INFORMATION_TYPE,
        "holder_label": HOLDER,
        "reason": REASON,
        "last_published_at": LAST_PUBLISHED_AT,
        "exemption_ends_on": EXEMPTION_ENDS_ON,
    }
    custom_field_preprocess = {
        "last_published_at": {
            # The local (WIB) time, as the Admin Website reads it.
            ReportView.FORMAT_CSV: lambda value: (
                timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""
            ),
            ReportView.FORMAT_XLSX: lambda value: (
                timezone.make_naive(value) if value else None
            ),
        },
    }
    columns = [
        TitleColumn("title", label=TITLE, url_name="wagtailadmin_pages:edit"),
        Column("category", label=CATEGORY, accessor="get_category_display"),
        Column("information_type", label=INFORMATION_TYPE),
        Column("holder", label=HOLDER, accessor="holder_label"),
        Column("reason", label=REASON),
        DateColumn("last_published_at", label=LAST_PUBLISHED_AT),
        DateColumn("exemption_ends_on", label=EXEMPTION_ENDS_ON),
    ]

    def dispatch(self, request, *args, **kwargs):
        # Checked here, not only by hiding the menu item: the Admin Website
        # keeps the register, and superusers.
        if not may_review_register(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        return f"informasi-publik-perlu-ditinjau-{timezone.localdate():%Y-%m-%d}"

    def get_queryset(self):
        return register_review()

    def decorate_paginated_queryset(self, object_list):
        # The page shown, or every entry when exported.
        now = timezone.now()
        for page in object_list:
            page.reason = attention_reason(page, now=now)
        return object_list


class RegisterReviewMenuItem(MenuItem):
    """The report's entry in the Reports menu, for whoever may see the report."""

    def is_shown(self, request):
        return may_review_register(request.user)
