"""
The publication audit (issue point 4): every published version with who
wrote, approved, returned and published it, as a Wagtail report with XLSX and
CSV export, and the published versions of one page with their whole approval
chain. Both read archive records only, so they stay whole after revisions
are purged, users leave or pages are deleted.
"""

import datetime
from dataclasses import dataclass

from django.http import Http404
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.timezone import localtime
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page

from ..filters import ArchiveRecordFilterSet
from ..models import duration_label
from ..selectors import archive_records_visible_to

# How a step ended, in the words of the SOP (TaskState statuses, and the
# submission that opens a run).
ACTION_LABELS = {
    "submitted": _("submitted"),
    "approved": _("approved"),
    "rejected": _("returned for correction"),
    "cancelled": _("cancelled by a restart"),
    "skipped": _("skipped"),
    "in_progress": _("in progress"),
}
EXPORT_TIME_FORMAT = "Y-m-d H:i"


def _parsed(value):
    """A time of the approval chain (ISO text) as an aware datetime, or None."""
    if not value:
        return None
    return datetime.datetime.fromisoformat(value)


def local_time_label(value):
    """``value`` in the agency's time, with its zone: "2026-03-02 16:10 WIB"."""
    if value is None:
        return ""
    value = localtime(value)
    return f"{date_format(value, EXPORT_TIME_FORMAT)} {value.tzname()}"


def person_label(name, username):
    """A person as the record keeps them: "Name (username)", or who is known."""
    if name and username and name != username:
        return gettext("%(name)s (%(username)s)") % {"name": name, "username": username}
    return name or username or ""


@dataclass(frozen=True)
class ChainStep:
    """One row of a published version's approval chain, ready to show."""

    kind: str
    step: str
    step_number: int | None
    action: str
    name: str
    username: str
    started_at: datetime.datetime | None
    at: datetime.datetime | None
    reason: str
    took: datetime.timedelta | None
    time_standard: datetime.timedelta | None
    within_standard: bool | None

    @property
    def action_label(self):
        return ACTION_LABELS.get(self.action, self.action)

    @property
    def person(self):
        return person_label(self.name, self.username)

    @property
    def took_label(self):
        return duration_label(self.took)

    @property
    def time_standard_label(self):
        return duration_label(self.time_standard)

    @property
    def step_label(self):
        if self.kind == "submitted":
            return gettext("Submission")
        if self.step_number:
            return gettext("%(name)s (step %(number)s)") % {
                "number": self.step_number,
                "name": self.step,
            }
        return self.step


def _seconds(value):
    return datetime.timedelta(seconds=value) if value is not None else None


def chain_steps(record):
    """The approval chain of ``record`` in order, as ``ChainStep`` rows."""
    return [
        ChainStep(
            kind=row.get("kind", "step"),
            step=row.get("task", ""),
            step_number=row.get("step_number"),
            action=row.get("action", ""),
            name=row.get("name", ""),
            username=row.get("username", ""),
            started_at=_parsed(row.get("started_at")),
            at=_parsed(row.get("at")),
            reason=row.get("reason", ""),
            took=_seconds(row.get("took_seconds")),
            time_standard=_seconds(row.get("time_standard_seconds")),
            within_standard=row.get("within_standard"),
        )
        for row in record.approval_chain or []
    ]


def record_decorate(record):
    """``record`` with its chain, approvals and returns for correction attached."""
    record.chain = chain_steps(record)
    record.approvals = [step for step in record.chain if step.action == "approved"]
    record.returns = [step for step in record.chain if step.action == "rejected"]
    record.writer = person_label(record.written_by_name, record.written_by_username)
    record.publisher = person_label(
        record.published_by_name, record.published_by_username
    )
    record.archiver = person_label(record.archived_by_name, record.archived_by_username)
    return record


def approval_line(step):
    return gettext("%(step)s: %(person)s, %(time)s") % {
        "step": step.step_label,
        "person": step.person,
        "time": local_time_label(step.at),
    }


def return_line(step):
    return gettext("%(step)s: %(person)s, %(time)s, reason: %(reason)s") % {
        "step": step.step_label,
        "person": step.person,
        "time": local_time_label(step.at),
        "reason": step.reason or gettext("no reason given"),
    }


def _addresses(record):
    return "\n".join(location.get("url", "") for location in record.locations or [])


# What each export column shows, as text a reader of the spreadsheet can use
# without the admin: people with their usernames, times with their zone.
EXPORT_COLUMNS = {
    "page_title": (_("Title"), lambda r: r.page_title),
    "page_id": (_("Page ID"), lambda r: r.page_id or ""),
    "site_name": (_("Site"), lambda r: r.site_name),
    "addresses": (_("Address"), _addresses),
    "section": (_("Section"), lambda r: r.section),
    "sop": (_("SOP"), lambda r: str(r.get_sop_display())),
    "revision_number": (_("Revision ID"), lambda r: r.revision_number),
    "published_at": (_("Published at"), lambda r: local_time_label(r.published_at)),
    "route": (_("Route"), lambda r: str(r.get_route_display())),
    "written_by": (_("Written by"), lambda r: r.writer),
    "approvals": (
        _("Approvals"),
        lambda r: "\n".join(approval_line(step) for step in r.approvals),
    ),
    "returns": (
        _("Returns for correction"),
        lambda r: "\n".join(return_line(step) for step in r.returns),
    ),
    "published_by": (_("Published by"), lambda r: r.publisher),
    "content_sha256": (_("SHA-256 of the content"), lambda r: r.content_sha256),
    "archived_at": (_("Archived at"), lambda r: local_time_label(r.archived_at)),
    "archived_by": (_("Archived by"), lambda r: r.archiver),
}


class AuditReportView(ReportView):
    """
    Every published version (archive record) the user may read, filtered by
    publication date, site, section and SOP: the writer, each approval and
    return for correction, the publisher, the content checksum and the
    archive step. In a fixed number of queries: everything comes from the
    records themselves.
    """

    results_template_name = "moderation/audit/report_results.html"
    page_title = _("Publication audit")
    header_icon = "list-ul"
    filterset_class = ArchiveRecordFilterSet
    index_url_name = "moderation_audit_report"
    index_results_url_name = "moderation_audit_report_results"
    context_object_name = "records"
    list_export = list(EXPORT_COLUMNS)
    export_headings = {field: label for field, (label, _get) in EXPORT_COLUMNS.items()}

    def get_filename(self):
        return "publication-audit-{}".format(localtime().strftime("%Y-%m-%d"))

    def get_base_queryset(self):
        return (
            archive_records_visible_to(self.request.user)
            .defer("content", "html_snapshot", "files")
            .order_by("-published_at", "-pk")
        )

    def decorate_paginated_queryset(self, object_list):
        return [record_decorate(record) for record in object_list]

    def to_row_dict(self, item):
        return {field: get(item) for field, (_label, get) in EXPORT_COLUMNS.items()}


class ReportMenuItem(MenuItem):
    """A Reports menu item shown to those ``shown(user)`` admits."""

    def __init__(self, *args, shown, **kwargs):
        super().__init__(*args, **kwargs)
        self.shown = shown

    def is_shown(self, request):
        return self.shown(request.user)


class PublishedVersionsView(WagtailAdminTemplateMixin, TemplateView):
    """
    Every published version of one page that the user may read, newest
    first, each with its approval chain: step, person, action, time, reason,
    and time taken against the step's time standard.
    """

    template_name = "moderation/audit/published_versions.html"
    header_icon = "history"

    @cached_property
    def page(self):
        return Page.objects.filter(pk=self.kwargs["page_id"]).first()

    @cached_property
    def records(self):
        return [
            record_decorate(record)
            for record in archive_records_visible_to(self.request.user)
            .filter(page_id=self.kwargs["page_id"])
            .defer("content", "html_snapshot", "files")
            .order_by("-published_at", "-pk")
        ]

    def dispatch(self, request, *args, **kwargs):
        # A page the user may edit shows its (perhaps empty) list; otherwise
        # only records the user may read make the page known at all.
        if not self.records and not (
            self.page is not None
            and self.page.permissions_for_user(request.user).can_edit()
        ):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return gettext("Published versions")

    def get_page_subtitle(self):
        if self.page is not None:
            return self.page.get_admin_display_title()
        return self.records[0].page_title

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("moderation_audit_report"),
                "label": AuditReportView.page_title,
            },
            {
                "url": "",
                "label": self.get_page_title(),
                "sublabel": self.get_page_subtitle(),
            },
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, page=self.page, records=self.records)
