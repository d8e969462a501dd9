from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.action_menu import (
    CancelWorkflowMenuItem,
    SubmitForModerationMenuItem,
)
from wagtail.admin.views import home
from wagtail.permissions import register_permission_policy

from . import archiving, integrity, retention, runs, screening_alarms
from .action_menu import ResubmitFromFirstStepMenuItem
from .models import ArchiveRecord
from .panels import (
    ComplianceSummaryPanel,
    IntegrityPanel,
    ScreeningAlarmsPanel,
    SOPDeadlinesPanel,
    WorkflowObjectsToModeratePanel,
)
from .selectors import (
    alias_refusal,
    audit_report_shown,
    cancel_refusal,
    compliance_report_shown,
    integrity_alert_shown,
    publish_refusal,
    run_return_message,
)
from .services import FinalStep, final_step_approve, page_keep_draft
from .views import audit, compliance, packages, screening
from .views import integrity as integrity_views
from .views.archive import ArchiveRecordPermissionPolicy, ArchiveRecordViewSet

register_permission_policy(ArchiveRecord, ArchiveRecordPermissionPolicy(ArchiveRecord))


@hooks.register("register_admin_viewset")
def register_archive_records():
    return ArchiveRecordViewSet()


@hooks.register("construct_homepage_panels")
def add_sop_deadlines_panel(request, panels):
    panels.append(SOPDeadlinesPanel())
    # Wagtail's "Awaiting your review", in queries that do not grow with it.
    for index, panel in enumerate(panels):
        if type(panel) is home.WorkflowObjectsToModeratePanel:
            panels[index] = WorkflowObjectsToModeratePanel()


@hooks.register("register_log_actions")
def register_sop_log_actions(actions):
    actions.register_action(
        runs.RESTART_ACTION,
        _("SOP run restarted at the first step"),
        _("SOP run restarted at the first step"),
    )
    actions.register_action(
        runs.RETURN_TO_PREVIOUS_ACTION,
        _("Returned to the previous SOP step"),
        _("Returned to the previous SOP step"),
    )
    actions.register_action(
        archiving.ARCHIVE_ACTION,
        _("Archived (SOP step 7)"),
        _("Archived (SOP step 7)"),
    )


@hooks.register("construct_page_action_menu")
def resubmit_from_first_step(menu_items, request, context):
    for index, item in enumerate(menu_items):
        if type(item) is SubmitForModerationMenuItem:
            menu_items[index] = ResubmitFromFirstStepMenuItem(order=item.order)
    page = context.get("page")
    if page is not None and page.pk and cancel_refusal(page, request.user):
        menu_items[:] = [
            item for item in menu_items if not isinstance(item, CancelWorkflowMenuItem)
        ]


@hooks.register("before_edit_page")
def cancel_only_by_the_submitter(request, page):
    """
    Wagtail lets a step's reviewers cancel a run; in an SOP a reviewer
    returns the content, with a reason, so that the return is counted.
    """
    if request.method != "POST" or not request.POST.get("action-cancel-workflow"):
        return None
    if refusal := cancel_refusal(page, request.user):
        messages.error(request, refusal)
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


@hooks.register("before_copy_page")
def copies_are_drafts(request, page):
    """
    A copy may carry a new title and slug: it goes through the SOP before it
    is published, and is never an alias (live at once, following the original).
    """
    if request.method != "POST" or request.user.is_superuser:
        return None
    for field, refusal in (
        ("publish_copies", publish_refusal),
        ("alias", alias_refusal),
    ):
        if request.POST.get(field):
            messages.error(request, refusal())
            return redirect("wagtailadmin_pages:copy", page.pk)
    return None


@hooks.register("before_edit_page")
def show_return_reason(request, page):
    """The writer sees on the page why it came back and how often each step returned it."""
    if request.method != "GET":
        return
    if message := run_return_message(page):
        messages.warning(request, message)


@hooks.register("before_publish_page")
def publish_only_through_the_sop(request, page):
    """
    Publishing is the last step of an SOP run, never a way around it. The
    publish button of a page at the final step approves that step (which
    publishes); anywhere else a publisher's changes are kept as a draft and
    the page is not published. Superusers stay free to publish.
    """
    if request.user.is_superuser:
        return None
    outcome = final_step_approve(page=page, user=request.user)
    if outcome is FinalStep.NOT_AT_FINAL_STEP:
        return _publish_refused(request, page)
    if isinstance(outcome, str):
        messages.error(request, outcome)
        return redirect("wagtailadmin_pages:edit", page.pk)
    if outcome is FinalStep.APPROVED:
        messages.success(
            request,
            gettext("'%(title)s' was approved at the last SOP step.")
            % {"title": page.get_admin_display_title()},
        )
    else:
        messages.warning(
            request, gettext("Someone else has already handled this step.")
        )
    return redirect("wagtailadmin_explore", page.get_parent().pk)


def _publish_refused(request, page):
    """Keep a publisher's changes as a draft and say why."""
    page_keep_draft(page=page)
    messages.error(request, publish_refusal())
    return redirect("wagtailadmin_pages:edit", page.pk)


@hooks.register("before_bulk_action")
def bulk_publish_only_through_the_sop(request, action_type, objects, action_class):
    if action_type != "publish" or request.user.is_superuser:
        return None
    messages.error(request, publish_refusal())
    return redirect(reverse("wagtailadmin_explore_root"))


# The archive step and the audit trail (docs/archive.md) ----------------------


@hooks.register("register_admin_urls")
def register_archive_urls():
    return [
        path(
            "archive/<int:pk>/package/",
            packages.archive_package_download,
            name="moderation_archive_package",
        ),
        path(
            "reports/publication-audit/",
            audit.AuditReportView.as_view(),
            name="moderation_audit_report",
        ),
        path(
            "reports/publication-audit/results/",
            audit.AuditReportView.as_view(results_only=True),
            name="moderation_audit_report_results",
        ),
        path(
            "moderation/pages/<int:page_id>/published-versions/",
            audit.PublishedVersionsView.as_view(),
            name="moderation_published_versions",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_audit_report_menu_item():
    return audit.ReportMenuItem(
        _("Publication audit"),
        reverse("moderation_audit_report"),
        shown=audit_report_shown,
        name="publication-audit",
        icon_name="list-ul",
        order=1300,
    )


# The SOP compliance report (docs/compliance.md) ------------------------------


@hooks.register("construct_homepage_panels")
def add_compliance_summary_panel(request, panels):
    if compliance_report_shown(request.user):
        panels.append(ComplianceSummaryPanel())


@hooks.register("register_admin_urls")
def register_compliance_urls():
    return [
        path(
            "reports/sop-compliance/",
            compliance.ComplianceReportView.as_view(),
            name="moderation_compliance_report",
        ),
        path(
            "reports/sop-compliance/results/",
            compliance.ComplianceReportView.as_view(results_only=True),
            name="moderation_compliance_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_compliance_report_menu_item():
    return audit.ReportMenuItem(
        _("SOP compliance"),
        reverse("moderation_compliance_report"),
        shown=compliance_report_shown,
        name="sop-compliance",
        icon_name="time",
        order=1310,
    )


# The integrity check (docs/integrity.md) --------------------------------------


@hooks.register("construct_homepage_panels")
def add_integrity_panel(request, panels):
    if integrity_alert_shown(request.user):
        panels.append(IntegrityPanel())


@hooks.register("register_log_actions")
def register_integrity_log_actions(actions):
    actions.register_action(integrity.INTEGRITY_ACTION)(integrity.IntegrityLogFormatter)


@hooks.register("register_admin_urls")
def register_integrity_urls():
    return [
        path(
            "reports/integrity/",
            integrity_views.IntegrityFindingsView.as_view(),
            name="moderation_integrity_report",
        ),
        path(
            "reports/integrity/results/",
            integrity_views.IntegrityFindingsView.as_view(results_only=True),
            name="moderation_integrity_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_integrity_report_menu_item():
    return audit.ReportMenuItem(
        _("Integrity check"),
        reverse("moderation_integrity_report"),
        shown=integrity_alert_shown,
        name="integrity-check",
        icon_name="warning",
        order=1320,
    )


@hooks.register("before_delete_user")
def keep_users_the_record_names(request, user):
    return retention.user_delete_refused(request, user)


@hooks.register("before_bulk_action")
def keep_users_the_record_names_in_bulk(request, action_type, objects, action_class):
    return retention.users_bulk_delete_refused(
        request, action_type, objects, action_class
    )


# Content screening: alarms and the false-alarm decision (docs/screening.md) --
# Registered last: the publish and bulk hooks above refuse publishers outside
# the last SOP step first; these then screen what would really be published.


@hooks.register("register_admin_viewset")
def register_lexicon():
    return screening.LexiconTermViewSet()


@hooks.register("construct_admin_api")
def admin_api_without_publishing(router):
    router.register_endpoint("pages", screening.PagesAdminAPIViewSet)


@hooks.register("construct_homepage_panels")
def add_screening_alarms_panel(request, panels):
    panels.append(ScreeningAlarmsPanel())


@hooks.register("register_log_actions")
def register_screening_log_actions(actions):
    actions.register_action(screening_alarms.ALARM_ACTION)(
        screening.ScreeningAlarmLogFormatter
    )
    actions.register_action(screening_alarms.CLEARED_ACTION)(
        screening.ScreeningClearedLogFormatter
    )
    actions.register_action(screening_alarms.HELD_ACTION)(
        screening.ScreeningHeldLogFormatter
    )


@hooks.register("register_admin_urls")
def register_screening_urls():
    return [
        path(
            "moderation/pages/<int:page_id>/screening/",
            screening.PageScreeningView.as_view(),
            name="moderation_page_screening",
        ),
    ]


@hooks.register("before_edit_page")
def show_screening_alarms(request, page):
    screening.editor_alarms_warning(request, page)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_of_screening_alarms(request, page):
    screening.editor_action_messages(request, page)


@hooks.register("before_publish_page")
def hold_publishing_with_open_alarms(request, page):
    return screening.publish_held_response(request, page)


@hooks.register("before_copy_page")
def hold_published_copies_with_findings(request, page):
    return screening.copy_publish_held_response(request, page)


@hooks.register("before_bulk_action")
def hold_bulk_publishing_with_open_alarms(request, action_type, objects, action_class):
    return screening.bulk_publish_held_response(
        request, action_type, objects, action_class
    )
