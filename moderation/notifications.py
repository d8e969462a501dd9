"""
Workflow emails of the SOP steps (issue 3, point 6), sent only after the
transaction commits, so an action that is rolled back tells nobody:

- a step starts (on submission, after the previous step's approval, when a
  run restarts at its first step or goes back to a previous one): the active
  members of the step's groups, except whoever acted;
- a step approves or returns the content: the writer and everyone whose
  approval of an earlier step still counts in the run, except whoever acted;
- a step is due soon (75 % of its time standard used) or overdue: its groups
  and, once overdue, its escalation groups (``sop_reminders_send``, run every
  minute by ``manage.py send_sop_reminders``).

Emails are in the recipient's admin language (Indonesian unless they chose
another; not the actor's), with times in WIB. Recipients are chosen by a few
queries per event whatever their number; the account settings' notification
switches of Wagtail (submitted / approved / rejected) are respected.

Wagtail's own moderation emails (``wagtail.admin.signal_handlers``) would
double ours for the SOP workflows: it mails the step's groups and every
superuser when a step starts, and the writer when a run is approved or
rejected, before the transaction commits. Its four notifiers are replaced,
under their own ``dispatch_uid``, by subclasses that leave the SOP workflows
to this module and behave as Wagtail's for any other workflow an
administrator builds. This app is installed before ``wagtail.admin``, so our
receivers take the ``dispatch_uid`` first and Wagtail's registration in its
``ready()`` is a no-op (``Signal.connect`` keeps one receiver per
``dispatch_uid`` and sender); the ``disconnect`` covers the other order.
``WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False`` in the settings keeps
superusers out of those other workflows' emails too: a superuser hears about
an SOP step only as a member of its groups, as the writer or as an approver.
"""

import contextlib
import contextvars
import datetime
import logging
import re
import zoneinfo
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.admin import mail as wagtail_mail
from wagtail.admin.utils import get_user_display_name
from wagtail.models import Page, Site, TaskState, WorkflowState
from wagtail.signals import (
    task_approved,
    task_rejected,
    task_submitted,
    workflow_approved,
    workflow_rejected,
    workflow_submitted,
)

from . import working_time
from .models import ArchiveRecord, ArchiveReminder, SOPReminder, SOPTask
from .selectors import archive_deadline_state, sop_last_steps

logger = logging.getLogger(__name__)

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
TEMPLATES = "moderation/emails/"

STEP_STARTED = "step_started"
APPROVED = "approved"
RETURNED = "returned"
REMINDER = "reminder"


# Each email says what it is in this header, for mail filters (and tests).
KIND_HEADER = "X-Warta-SOP"


@dataclass
class Email:
    """One email to one person: a template set under ``TEMPLATES`` and its context."""

    recipient: object
    template: str
    context: dict = field(default_factory=dict)
    kind: str = ""


# Sending ----------------------------------------------------------------------


def _language(user):
    # A missing profile reads as None (the reverse one-to-one raises an
    # AttributeError subclass); with select_related it costs no query.
    profile = getattr(user, "wagtail_userprofile", None)
    if profile is not None and profile.preferred_language:
        return profile.preferred_language
    return settings.LANGUAGE_CODE


def _tidy(text):
    """Plain text from a template: no trailing spaces, at most one blank line."""
    lines = [line.rstrip() for line in text.strip().splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines))


def _render(email):
    context = {
        **email.context,
        "user": email.recipient,
        "recipient_name": get_user_display_name(email.recipient),
        "base_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/"),
    }
    # Another app's emails name their template folder: "media_center/emails/…".
    template = email.template if "/" in email.template else TEMPLATES + email.template
    with translation.override(_language(email.recipient)), timezone.override(WIB):
        subject = render_to_string(f"{template}_subject.txt", context)
        body = render_to_string(f"{template}.txt", context)
    return EmailMessage(
        subject=" ".join(subject.split()),
        body=_tidy(body),
        from_email=getattr(
            settings,
            "WAGTAILADMIN_NOTIFICATION_FROM_EMAIL",
            settings.DEFAULT_FROM_EMAIL,
        ),
        to=[email.recipient.email],
        headers={
            "Auto-Submitted": "auto-generated",
            KIND_HEADER: email.kind or email.template.rsplit("/", 1)[-1],
        },
    )


def emails_send(emails: list[Email]) -> int:
    """
    Render and send ``emails`` over one connection. A failure is logged, not
    raised: the action it reports has already been committed.
    """
    if not emails:
        return 0
    sent = 0
    try:
        with get_connection() as connection:
            for email in emails:
                try:
                    sent += connection.send_messages([_render(email)]) or 0
                except Exception:
                    logger.exception(
                        "SOP email %s to %s failed", email.template, email.recipient.pk
                    )
    except Exception:
        logger.exception("No mail connection: %d SOP emails not sent", len(emails))
    return sent


_muted = contextvars.ContextVar("warta_sop_emails_muted", default=False)


@contextlib.contextmanager
def emails_muted():
    """No SOP emails for what happens inside, e.g. while the demo content is made."""
    token = _muted.set(True)
    try:
        yield
    finally:
        _muted.reset(token)


def emails_after_commit(build):
    """Build the emails once the transaction has committed, then send them."""
    if _muted.get():
        return
    transaction.on_commit(lambda: emails_send(build()), robust=True)


# What the emails say ----------------------------------------------------------


def users_with_email(query, *, preference=None, exclude=None):
    """
    Active users with an email matching ``query``, with their profile (for
    the language and the notification switches), in one query.
    """
    users = (
        get_user_model()
        .objects.filter(query, is_active=True)
        .exclude(email="")
        .select_related("wagtail_userprofile")
        .order_by("pk")
    )
    if preference:
        users = users.filter(
            Q(wagtail_userprofile__isnull=True)
            | Q(**{f"wagtail_userprofile__{preference}": True})
        )
    if exclude is not None:
        users = users.exclude(pk=exclude)
    return list(users)


def _members_of(groups):
    """A query for the members of ``groups`` (a queryset or ids), without a join fan-out."""
    memberships = get_user_model().groups.through.objects.filter(group__in=groups)
    return Q(pk__in=memberships.values("user_id"))


def _pages(workflow_states):
    """The pages of ``workflow_states`` by their ``object_id``, in one query."""
    page_type = ContentType.objects.get_for_model(Page)
    ids = {
        state.object_id
        for state in workflow_states
        if state.base_content_type_id == page_type.pk
    }
    if not ids:
        return {}
    return {str(page.pk): page for page in Page.objects.filter(pk__in=ids)}


class _SiteNames:
    """The name of the site each page belongs to, from one query of the sites."""

    def __init__(self):
        self.sites = sorted(
            Site.objects.select_related("root_page"),
            key=lambda site: len(site.root_page.path),
            reverse=True,
        )

    def __call__(self, page):
        if page is None:
            return ""
        for site in self.sites:
            if page.path.startswith(site.root_page.path):
                return site.site_name or site.hostname
        return ""


def _page_context(workflow_state, page, site_names):
    if page is not None:
        title = page.get_admin_display_title()
        edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    else:
        title = str(workflow_state.content_object)
        edit_url = None
    return {
        "title": title,
        "site_name": site_names(page),
        "page": page,
        "edit_url": edit_url,
        "dashboard_url": reverse("wagtailadmin_home"),
    }


def _step_context(task, task_state, page):
    """What the emails say about a step in progress: due time and where to act."""
    due_at = working_time.due_at(
        started_at=task_state.started_at, time_standard=task.time_standard
    )
    preview_url = (
        reverse("wagtailadmin_pages:workflow_preview", args=(page.pk, task.pk))
        if page is not None
        else None
    )
    return {
        "task": task,
        "task_state": task_state,
        "due_at": due_at,
        "preview_url": preview_url,
    }


def _reviewer_url(task, context):
    # Reviewers of a step that allows corrections act from the editor; the
    # others cannot open it (SOPTask.user_can_access_editor): they see the
    # preview and act from the dashboard.
    if task.reviewers_may_edit and context["edit_url"]:
        return context["edit_url"]
    return context["dashboard_url"]


def step_started_emails(*, task_state_id: int, actor_id: int | None) -> list[Email]:
    """
    The emails for a step that started: to the active members of its groups
    with an email, except ``actor_id``. Nothing when the step no longer
    waits (it was superseded in the same transaction).
    """
    task_state = (
        TaskState.objects.select_related("workflow_state__requested_by")
        .filter(pk=task_state_id)
        .first()
    )
    if (
        task_state is None
        or task_state.status != TaskState.STATUS_IN_PROGRESS
        or task_state.workflow_state.current_task_state_id != task_state.pk
    ):
        return []
    task = SOPTask.objects.filter(pk=task_state.task_id).first()
    if task is None:
        return []
    recipients = users_with_email(
        _members_of(task.groups.all()),
        preference="submitted_notifications",
        exclude=actor_id,
    )
    if not recipients:
        return []
    workflow_state = task_state.workflow_state
    # The step right before this one, when it returned the content: its reason
    # is what this step has to look at (a return to the previous step, or a
    # resubmission after a return).
    before = (
        TaskState.objects.filter(workflow_state=workflow_state, pk__lt=task_state.pk)
        .select_related("task", "finished_by")
        .order_by("-pk")
        .first()
    )
    page = _pages([workflow_state]).get(workflow_state.object_id)
    context = {
        **_page_context(workflow_state, page, _SiteNames()),
        "writer_name": get_user_display_name(workflow_state.requested_by),
        "returned": before
        if before is not None and before.status == TaskState.STATUS_REJECTED
        else None,
    }
    context |= _step_context(task, task_state, page)
    context["returned_by"] = get_user_display_name(
        context["returned"].finished_by if context["returned"] else None
    )
    context["action_url"] = _reviewer_url(task, context)
    return [Email(user, STEP_STARTED, context) for user in recipients]


def step_outcome_emails(*, task_state_id: int, actor_id: int | None) -> list[Email]:
    """
    The emails for a step that approved or returned the content: to the
    writer and to everyone whose approval of a step of the run still counts,
    except ``actor_id``.
    """
    task_state = (
        TaskState.objects.select_related(
            "workflow_state__requested_by",
            "workflow_state__current_task_state",
            "finished_by",
        )
        .filter(pk=task_state_id)
        .first()
    )
    if task_state is None or task_state.status not in (
        TaskState.STATUS_APPROVED,
        TaskState.STATUS_REJECTED,
    ):
        return []
    approved = task_state.status == TaskState.STATUS_APPROVED
    workflow_state = task_state.workflow_state
    approvers = TaskState.objects.filter(
        workflow_state=workflow_state, status=TaskState.STATUS_APPROVED
    ).values("finished_by_id")
    recipients = users_with_email(
        Q(pk=workflow_state.requested_by_id) | Q(pk__in=approvers),
        preference="approved_notifications" if approved else "rejected_notifications",
        exclude=actor_id,
    )
    if not recipients:
        return []
    current = workflow_state.current_task_state
    next_state = (
        current
        if workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
        and current is not None
        and current.pk != task_state.pk
        and current.status == TaskState.STATUS_IN_PROGRESS
        else None
    )
    tasks = SOPTask.objects.in_bulk(
        [task_state.task_id] + ([next_state.task_id] if next_state else [])
    )
    task = tasks.get(task_state.task_id)
    if task is None:
        return []
    page = _pages([workflow_state]).get(workflow_state.object_id)
    context = {
        **_page_context(workflow_state, page, _SiteNames()),
        "task": task,
        "task_state": task_state,
        "actor_name": get_user_display_name(task_state.finished_by),
        "comment": task_state.comment,
        "finished": workflow_state.status == WorkflowState.STATUS_APPROVED,
        "published": workflow_state.status == WorkflowState.STATUS_APPROVED
        and page is not None
        and page.live,
        "to_writer": workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES,
        "next_task": None,
    }
    if next_state is not None and next_state.task_id in tasks:
        next_task = tasks[next_state.task_id]
        context["next_task"] = next_task
        context["due_at"] = working_time.due_at(
            started_at=next_state.started_at, time_standard=next_task.time_standard
        )
    emails = []
    for user in recipients:
        is_writer = user.pk == workflow_state.requested_by_id
        emails.append(
            Email(
                user,
                APPROVED if approved else RETURNED,
                context
                | {
                    "is_writer": is_writer,
                    "action_url": context["edit_url"]
                    if is_writer and context["edit_url"]
                    else context["dashboard_url"],
                },
            )
        )
    return emails


# Receivers --------------------------------------------------------------------


def _is_sop_step(task_state):
    task_class = task_state.task.specific_class
    return task_class is not None and issubclass(task_class, SOPTask)


def _is_sop_workflow(workflow_state):
    return SOPTask.objects.filter(
        workflow_tasks__workflow_id=workflow_state.workflow_id
    ).exists()


def _user_id(user):
    return getattr(user, "pk", None)


def on_step_started(sender, instance, user=None, **kwargs):
    """``task_submitted``: tell the step's groups, after the commit."""
    if not _is_sop_step(instance):
        return
    task_state_id, actor_id = instance.pk, _user_id(user)
    emails_after_commit(
        lambda: step_started_emails(task_state_id=task_state_id, actor_id=actor_id)
    )


def on_step_finished(sender, instance, user=None, **kwargs):
    """``task_approved`` and ``task_rejected``: tell the writer and the approvers."""
    if not _is_sop_step(instance):
        return
    task_state_id, actor_id = instance.pk, _user_id(user)
    emails_after_commit(
        lambda: step_outcome_emails(task_state_id=task_state_id, actor_id=actor_id)
    )


task_submitted.connect(
    on_step_started, sender=TaskState, dispatch_uid="warta_sop_step_started_email"
)
task_approved.connect(
    on_step_finished, sender=TaskState, dispatch_uid="warta_sop_step_approved_email"
)
task_rejected.connect(
    on_step_finished, sender=TaskState, dispatch_uid="warta_sop_step_returned_email"
)


# Wagtail's own notifiers, standing aside for the SOP workflows ----------------


class TaskSubmittedEmailNotifier(
    wagtail_mail.GroupApprovalTaskStateSubmissionEmailNotifier
):
    def can_handle(self, instance, **kwargs):
        return super().can_handle(instance, **kwargs) and not _is_sop_step(instance)


class _NotSOPWorkflowMixin:
    def can_handle(self, instance, **kwargs):
        return super().can_handle(instance, **kwargs) and not _is_sop_workflow(instance)


class WorkflowSubmittedEmailNotifier(
    _NotSOPWorkflowMixin, wagtail_mail.WorkflowStateSubmissionEmailNotifier
):
    pass


class WorkflowRejectedEmailNotifier(
    _NotSOPWorkflowMixin, wagtail_mail.WorkflowStateRejectionEmailNotifier
):
    pass


class WorkflowApprovedEmailNotifier(
    _NotSOPWorkflowMixin, wagtail_mail.WorkflowStateApprovalEmailNotifier
):
    pass


# (signal, sender, Wagtail's dispatch_uid, replacement)
WAGTAIL_NOTIFIERS = (
    (
        task_submitted,
        TaskState,
        "group_approval_task_submitted_email_notification",
        TaskSubmittedEmailNotifier(),
    ),
    (
        workflow_submitted,
        WorkflowState,
        "workflow_state_submitted_email_notification",
        WorkflowSubmittedEmailNotifier(),
    ),
    (
        workflow_rejected,
        WorkflowState,
        "workflow_state_rejected_email_notification",
        WorkflowRejectedEmailNotifier(),
    ),
    (
        workflow_approved,
        WorkflowState,
        "workflow_state_approved_email_notification",
        WorkflowApprovedEmailNotifier(),
    ),
)

for _signal, _sender, _uid, _notifier in WAGTAIL_NOTIFIERS:
    _signal.disconnect(sender=_sender, dispatch_uid=_uid)
    _signal.connect(_notifier, sender=_sender, dispatch_uid=_uid)


# Reminders --------------------------------------------------------------------


@dataclass(frozen=True)
class ReminderRun:
    """What one run of the reminders did: reminders claimed, emails queued."""

    reminders: int
    emails: int


DUE_SOON = SOPReminder.Threshold.DUE_SOON.value
OVERDUE = SOPReminder.Threshold.OVERDUE.value
THRESHOLD_OF_STATE = {
    working_time.DeadlineState.AMBER: DUE_SOON,
    working_time.DeadlineState.RED: OVERDUE,
}


def _reminders_claim(keys, *, now):
    """
    Claim the reminders ``keys`` ((task state id, threshold) pairs): the ones
    this run may send. One insert when nobody else is at it; when an
    overlapping run got there first, the unique constraint says which rows
    are already someone else's, one by one.
    """
    try:
        with transaction.atomic():
            SOPReminder.objects.bulk_create(
                [
                    SOPReminder(task_state_id=pk, threshold=threshold, sent_at=now)
                    for pk, threshold in keys
                ]
            )
        return set(keys)
    except IntegrityError:
        pass
    claimed = set()
    for pk, threshold in keys:
        try:
            _reminder, created = SOPReminder.objects.get_or_create(
                task_state_id=pk, threshold=threshold, defaults={"sent_at": now}
            )
        except IntegrityError:  # the task state itself is gone
            continue
        if created:
            claimed.add((pk, threshold))
    return claimed


def _members_with_email(group_ids):
    """The active members with an email of each of ``group_ids``, in one query."""
    members = {}
    memberships = (
        get_user_model()
        .groups.through.objects.filter(group_id__in=group_ids, user__is_active=True)
        .exclude(user__email="")
        .select_related("user__wagtail_userprofile")
        .order_by("user_id")
    )
    for membership in memberships:
        members.setdefault(membership.group_id, []).append(membership.user)
    return members


def _reminder_emails(claimed, task_states, tasks, *, now):
    workflow_states = [task_states[pk].workflow_state for pk, _threshold in claimed]
    pages = _pages(workflow_states)
    site_names = _SiteNames()
    group_ids = set()
    for pk, threshold in claimed:
        task = tasks[task_states[pk].task_id]
        group_ids |= {group.pk for group in task.groups.all()}
        if threshold == OVERDUE:
            group_ids |= {group.pk for group in task.escalation_groups.all()}
    members = _members_with_email(group_ids)

    emails = []
    for pk, threshold in sorted(claimed):
        task_state = task_states[pk]
        task = tasks[task_state.task_id]
        workflow_state = task_state.workflow_state
        page = pages.get(workflow_state.object_id)
        step_groups = [group.pk for group in task.groups.all()]
        escalation_groups = (
            [group.pk for group in task.escalation_groups.all()]
            if threshold == OVERDUE
            else []
        )
        context = {
            **_page_context(workflow_state, page, site_names),
            **_step_context(task, task_state, page),
            "threshold": threshold,
            "overdue": threshold == OVERDUE,
            "time_left": working_time.time_left(
                started_at=task_state.started_at,
                time_standard=task.time_standard,
                now=now,
            ),
        }
        context["action_url"] = _reviewer_url(task, context)
        recipients = {}
        for group_id in step_groups:
            for user in members.get(group_id, ()):
                recipients[user.pk] = (user, False)
        escalation_names = ", ".join(
            group.name for group in task.escalation_groups.all()
        )
        context["step_groups"] = ", ".join(group.name for group in task.groups.all())
        for group_id in escalation_groups:
            for user in members.get(group_id, ()):
                recipients.setdefault(user.pk, (user, True))
        for user, escalated in recipients.values():
            emails.append(
                Email(
                    user,
                    REMINDER,
                    context
                    | {"escalated": escalated, "escalation_groups": escalation_names},
                    kind=threshold,
                )
            )
    return emails


def sop_reminders_send(*, now: datetime.datetime | None = None) -> ReminderRun:
    """
    Remind the SOP steps in progress of their time standard: at 75 % of it
    the step's groups hear that it is due soon; past it, the step's groups
    and its escalation groups hear that it is overdue (issue 3, point 6; the
    Kasubbag's check escalates to the Kepala, the Media Center's editing to
    the Kasi). Each threshold of each task state is announced once, even when
    runs overlap: the reminder row is claimed in the transaction and the
    emails go out after it commits. A step first seen overdue gets only the
    overdue reminder. The number of queries does not grow with the number of
    steps. Returns a ``ReminderRun``.
    """
    now = now or timezone.now()
    tasks = {
        task.pk: task
        for task in SOPTask.objects.filter(active=True).prefetch_related(
            "groups", "escalation_groups"
        )
    }
    task_states = {
        task_state.pk: task_state
        for task_state in TaskState.objects.filter(
            task_id__in=tasks,
            status=TaskState.STATUS_IN_PROGRESS,
            workflow_state__status=WorkflowState.STATUS_IN_PROGRESS,
        ).select_related("workflow_state")
    }
    due = set()
    for task_state in task_states.values():
        state = working_time.deadline_state(
            started_at=task_state.started_at,
            time_standard=tasks[task_state.task_id].time_standard,
            now=now,
        )
        if state in THRESHOLD_OF_STATE:
            due.add((task_state.pk, THRESHOLD_OF_STATE[state]))
    if not due:
        return ReminderRun(reminders=0, emails=0)
    due -= set(
        SOPReminder.objects.filter(
            task_state_id__in={pk for pk, _threshold in due}
        ).values_list("task_state_id", "threshold")
    )
    if not due:
        return ReminderRun(reminders=0, emails=0)
    with transaction.atomic():
        claimed = _reminders_claim(sorted(due), now=now)
        emails = _reminder_emails(claimed, task_states, tasks, now=now)
        transaction.on_commit(lambda: emails_send(emails), robust=True)
    return ReminderRun(reminders=len(claimed), emails=len(emails))


ARCHIVE_REMINDER = "archive_reminder"


def _archive_reminders_claim(keys, *, now):
    """
    Claim ``keys`` ((record id, threshold) pairs): the ones this run may
    send, each row inserted in its own savepoint so that one an overlapping
    run got first is skipped.
    """
    claimed = set()
    for pk, threshold in keys:
        try:
            with transaction.atomic():
                ArchiveReminder.objects.create(
                    record_id=pk, threshold=threshold, sent_at=now
                )
        except IntegrityError:
            continue
        claimed.add((pk, threshold))
    return claimed


def archive_reminders_send(*, now: datetime.datetime | None = None) -> ReminderRun:
    """
    Remind the archive step (SOP step 7) of its due time: at 75 % of the time
    from publication to due, the SOP's archive group (the groups of its last
    step) hears that it is due soon; past it, that group and the step's
    escalation groups hear that it is overdue. Once per record and threshold;
    a few queries whatever the number of records.
    """
    now = now or timezone.now()
    tasks = sop_last_steps()
    due = {}
    records = {
        record.pk: record
        # Those already reminded as overdue have nothing more to hear.
        for record in ArchiveRecord.objects.waiting()
        .filter(sop__in=tasks)
        .exclude(reminders__threshold=OVERDUE)
        .only("sop", "page_title", "site_name", "published_at", "due_at")
    }
    for record in records.values():
        state = archive_deadline_state(record, now=now)
        if state in THRESHOLD_OF_STATE:
            due[(record.pk, THRESHOLD_OF_STATE[state])] = record
    if not due:
        return ReminderRun(reminders=0, emails=0)
    for key in ArchiveReminder.objects.filter(
        record_id__in={pk for pk, _threshold in due}
    ).values_list("record_id", "threshold"):
        due.pop(key, None)
    if not due:
        return ReminderRun(reminders=0, emails=0)
    with transaction.atomic():
        claimed = _archive_reminders_claim(sorted(due), now=now)
        emails = _archive_reminder_emails(claimed, records, tasks, now=now)
        transaction.on_commit(lambda: emails_send(emails), robust=True)
    return ReminderRun(reminders=len(claimed), emails=len(emails))


def _archive_reminder_emails(claimed, records, tasks, *, now):
    group_ids = set()
    for pk, threshold in claimed:
        task = tasks[records[pk].sop]
        group_ids |= {group.pk for group in task.groups.all()}
        if threshold == OVERDUE:
            group_ids |= {group.pk for group in task.escalation_groups.all()}
    members = _members_with_email(group_ids)
    emails = []
    for pk, threshold in sorted(claimed):
        record = records[pk]
        task = tasks[record.sop]
        context = {
            "record": record,
            "overdue": threshold == OVERDUE,
            "time_left": record.due_at - now,
            "archive_groups": ", ".join(group.name for group in task.groups.all()),
            "action_url": reverse("archive_record:inspect", args=(record.pk,)),
        }
        recipients = {}
        for group in task.groups.all():
            for user in members.get(group.pk, ()):
                recipients[user.pk] = (user, False)
        if threshold == OVERDUE:
            for group in task.escalation_groups.all():
                for user in members.get(group.pk, ()):
                    recipients.setdefault(user.pk, (user, True))
        for user, escalated in recipients.values():
            emails.append(
                Email(
                    user,
                    ARCHIVE_REMINDER,
                    context | {"escalated": escalated},
                    kind=f"archive_{threshold}",
                )
            )
    return emails
