"""
The findings of the integrity check (docs/integrity.md): a read-only Wagtail
report of the latest finished run, with XLSX and CSV export, for the Admin
groups and superusers.
"""

from django.core.exceptions import PermissionDenied
from django.utils.functional import cached_property
from django.utils.timezone import localtime
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.views.reports import ReportView

from ..filters import IntegrityFindingFilterSet
from ..models import IntegrityFinding
from ..selectors import (
    integrity_alert_shown,
    integrity_findings_of,
    integrity_run_latest,
)
from .audit import local_time_label

EXPORT_COLUMNS = {
    "page_title": (_("Page"), lambda f: f.page.title),
    "page_id": (_("Page ID"), lambda f: f.page_id),
    "address": (_("Address"), lambda f: f.page.full_url or ""),
    "revision": (_("Published revision"), lambda f: f.revision_id or ""),
    "kind": (_("Kind"), lambda f: str(f.get_kind_display())),
    "field": (_("Field"), lambda f: f.field),
    "detail": (_("Difference"), lambda f: f.detail),
    "run": (_("Checked at"), lambda f: local_time_label(f.run.finished_at)),
}


class IntegrityFindingsView(ReportView):
    """
    What the latest finished run of ``verify_integrity`` found: each page
    with the kind of difference, the field and the difference itself,
    linked to the page's editor and history. One query for the run and one
    for its findings with their pages, however many.
    """

    results_template_name = "moderation/integrity_report_results.html"
    page_title = _("Integrity check")
    header_icon = "warning"
    filterset_class = IntegrityFindingFilterSet
    index_url_name = "moderation_integrity_report"
    index_results_url_name = "moderation_integrity_report_results"
    context_object_name = "findings"
    list_export = list(EXPORT_COLUMNS)
    export_headings = {key: label for key, (label, _get) in EXPORT_COLUMNS.items()}

    def dispatch(self, request, *args, **kwargs):
        if not integrity_alert_shown(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def run(self):
        return integrity_run_latest()

    def get_filename(self):
        return "integrity-check-{}".format(localtime().strftime("%Y-%m-%d"))

    def get_page_subtitle(self):
        if self.run is None:
            return ""
        return gettext("Latest run: %(time)s; live pages checked: %(pages)d") % {
            "time": local_time_label(self.run.finished_at),
            "pages": self.run.pages_checked,
        }

    def get_base_queryset(self):
        if self.run is None:
            return IntegrityFinding.objects.none()
        return integrity_findings_of(self.run).select_related("run")

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, run=self.run)

    def to_row_dict(self, item):
        return {key: get(item) for key, (_label, get) in EXPORT_COLUMNS.items()}
