"""
The SOP compliance report (mutu baku): per SOP, step and month, and per
group or person, how many items, how long they took (median, 90th
percentile), the share within the time standard, how many were overdue and
how often content was returned; as a Wagtail report with XLSX and CSV
export. The figures come from ``moderation.compliance`` (docs/compliance.md).
"""

from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.views.reports import ReportView

from ..compliance import (
    BREAKDOWN_GROUP,
    BREAKDOWN_PERSON,
    Period,
    agency_date,
    compliance_rows,
    compliance_steps,
    period_this_month,
    share_label,
)
from ..filters import ComplianceFilterSet
from ..selectors import compliance_report_shown
from .audit import person_label

EXPORT_MONTH_FORMAT = "Y-m"


def _minutes(value):
    return round(value.total_seconds() / 60, 1) if value is not None else None


def person_of(row):
    """
    The row's person as the report names them; that nobody did it yet, or
    that who did it was not recorded.
    """
    if row.person is None:
        return gettext("not done yet")
    return person_label(row.person.name, row.person.username) or gettext("not recorded")


# What each export column shows: text a reader of the spreadsheet can use
# without the admin, and the durations also as minutes to compute with.
EXPORT_COLUMNS = {
    "sop": (_("SOP"), lambda r: r.step.sop_label),
    "step_number": (_("SOP step"), lambda r: r.step.number_label),
    "step": (_("Step"), lambda r: r.step.name),
    "time_standard": (_("Time standard"), lambda r: r.step.time_standard_label),
    "month": (_("Month"), lambda r: date_format(r.month, EXPORT_MONTH_FORMAT)),
    "group": (_("Group"), lambda r: r.group),
    "person": (_("Person"), person_of),
    "items": (_("Items"), lambda r: r.items),
    "median": (_("Median"), lambda r: r.median_label),
    "median_minutes": (_("Median (minutes)"), lambda r: _minutes(r.median)),
    "p90": (_("90th percentile"), lambda r: r.p90_label),
    "p90_minutes": (_("90th percentile (minutes)"), lambda r: _minutes(r.p90)),
    "within": (_("Within the time standard (items)"), lambda r: r.within),
    "within_share": (_("Within the time standard (%)"), lambda r: r.within_share),
    "overdue": (_("Overdue"), lambda r: r.overdue),
    "rework": (_("Returns (rework)"), lambda r: r.rework),
}


class ComplianceReportView(ReportView):
    """
    How each SOP step keeps its time standard, for the period (this month
    by default), site, SOP and step chosen, broken down per group or
    person on request. Only for the Kepala, the Kasi Kehumasan, the Admin
    Website, the Admin / Operator and superusers; in a fixed number of
    queries, export included.
    """

    results_template_name = "moderation/compliance_report_results.html"
    page_title = _("SOP compliance")
    header_icon = "time"
    filterset_class = ComplianceFilterSet
    index_url_name = "moderation_compliance_report"
    index_results_url_name = "moderation_compliance_report_results"
    context_object_name = "rows"

    def dispatch(self, request, *args, **kwargs):
        if not compliance_report_shown(request.user):
            return TemplateResponse(
                request,
                "moderation/compliance_forbidden.html",
                {"page_title": self.page_title, "header_icon": self.header_icon},
                status=403,
            )
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def steps(self):
        """The measured steps, read once for the filters and the figures."""
        return compliance_steps()

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "steps": self.steps}

    @cached_property
    def values(self):
        """The filters' values, or None when the input is broken."""
        if not self.filters.is_valid():
            return None
        return self.filters.form.cleaned_data

    @cached_property
    def period(self):
        chosen = (self.values or {}).get("period")
        # This month in the agency's time zone, whatever the reader's profile says.
        default = period_this_month(agency_date(timezone.now()))
        since = chosen.start.date() if chosen and chosen.start else None
        until = chosen.stop.date() if chosen and chosen.stop else None
        if since and not until:
            until = max(since, default.until)
        if until and not since:
            since = until.replace(day=1)
        return Period(since, until) if since else default

    @property
    def breakdown(self):
        return (self.values or {}).get("breakdown") or None

    @property
    def list_export(self):
        columns = list(EXPORT_COLUMNS)
        if self.breakdown != BREAKDOWN_GROUP:
            columns.remove("group")
        if self.breakdown != BREAKDOWN_PERSON:
            columns.remove("person")
        return columns

    @property
    def export_headings(self):
        return {field: label for field, (label, _get) in EXPORT_COLUMNS.items()}

    def get_filename(self):
        since, until = self.period.since, self.period.until
        return f"sop-compliance-{since:%Y-%m-%d}-{until:%Y-%m-%d}"

    def get_page_subtitle(self):
        return gettext("%(since)s to %(until)s") % {
            "since": date_format(self.period.since, "j F Y"),
            "until": date_format(self.period.until, "j F Y"),
        }

    def get_filtered_queryset(self):
        if self.values is None:
            return []
        return compliance_rows(
            period=self.period,
            now=timezone.now(),
            site=self.values.get("site"),
            sop=self.values.get("sop") or None,
            step=self.values.get("step") or None,
            breakdown=self.breakdown,
            steps=self.steps,
        )

    def decorate_paginated_queryset(self, object_list):
        return [
            {
                "row": row,
                "person": person_of(row),
                "share": share_label(row.within_share),
                "month": date_format(row.month, "F Y"),
            }
            for row in object_list
        ]

    def to_row_dict(self, item):
        item = item["row"] if isinstance(item, dict) else item
        return {field: EXPORT_COLUMNS[field][1](item) for field in self.list_export}

    def render_to_response(self, context, **response_kwargs):
        if self.is_export and self.values is None:
            # Broken filters: the page with the message, not an empty file.
            self.is_export = False
        return super().render_to_response(context, **response_kwargs)

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["breakdown"] = self.breakdown
        context["period"] = self.period
        return context
