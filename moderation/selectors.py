"""Reads of the moderation app: who may act on an SOP step, and why not."""

import contextlib
import datetime
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, F, OuterRef, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext

from wagtail.admin.utils import get_user_display_name
from wagtail.models import (
    Page,
    Revision,
    Site,
    TaskState,
    WorkflowState,
    WorkflowTask,
)

from . import working_time


@dataclass(frozen=True)
class RefusalFacts:
    """For listing many steps: the runs in which a user approved a step or wrote part of the content."""

    approved_runs: frozenset
    authored_runs: frozenset


def refusal_facts(user, task_states):
    """The ``RefusalFacts`` of ``user`` for the runs of ``task_states``, in four queries."""
    run_ids = {state.workflow_state_id for state in task_states}
    approved = TaskState.objects.filter(
        workflow_state__in=run_ids,
        status=TaskState.STATUS_APPROVED,
        finished_by=user,
    ).values_list("workflow_state_id", flat=True)
    page_ids = [state.workflow_state.object_id for state in task_states]
    live_revisions = dict(
        Page.objects.filter(pk__in=page_ids).values_list("pk", "live_revision_id")
    )
    written = {}
    for object_id, pk, created_at in Revision.objects.filter(
        base_content_type=_page_content_type(), object_id__in=page_ids, user=user
    ).values_list("object_id", "pk", "created_at"):
        written.setdefault(object_id, []).append((pk, created_at))
    # A reviewer's corrections in an earlier turn of the same step (before a
    # return sent the run back) are theirs to approve, not a writer's work.
    turns = {}
    for run_id, task_id, started_at, finished_at in TaskState.objects.filter(
        workflow_state__in=run_ids
    ).values_list("workflow_state_id", "task_id", "started_at", "finished_at"):
        turns.setdefault((run_id, task_id), []).append((started_at, finished_at))
    authored = set()
    for state in task_states:
        object_id = state.workflow_state.object_id
        live = live_revisions.get(int(object_id)) or 0
        own_turns = turns.get((state.workflow_state_id, state.task_id), ())
        for pk, created_at in written.get(object_id, ()):
            in_own_turn = any(
                start <= created_at <= (end or state.started_at)
                for start, end in own_turns
            )
            if pk > live and created_at <= state.started_at and not in_own_turn:
                authored.add(state.workflow_state_id)
                break
    return RefusalFacts(frozenset(approved), frozenset(authored))


def action_refusal(*, task_state, user, facts=None):
    """
    Why ``user`` may not approve or return the content at ``task_state``, or
    None when they may. Segregation of duties (DESIGN.md, "Decisions that
    hold everywhere"): nobody checks their own submission or content they
    wrote (any version not yet published, saved before the step started),
    and one person does not approve two steps of the same run. It holds for
    superusers too. ``facts`` (``refusal_facts``) saves queries in lists.
    """
    workflow_state = task_state.workflow_state
    if workflow_state.requested_by_id == user.pk:
        return gettext(
            "You submitted this content, so someone else must check it. "
            "Ask another member of the group to handle this step."
        )
    if facts is None:
        facts = refusal_facts(user, [task_state])
    if workflow_state.pk in facts.authored_runs:
        return gettext(
            "You wrote the version under review, so someone else must check it. "
            "Ask another member of the group to handle this step."
        )
    if workflow_state.pk in facts.approved_runs:
        return gettext(
            "You already approved an earlier step of this run; one person may not "
            "approve two steps. Ask another member of the group to handle this step."
        )
    return None


@contextlib.contextmanager
def actions_memo(user, task_states):
    """
    For listing many steps at once: what ``SOPTask.get_actions`` needs about
    ``user`` and the runs of ``task_states`` (the runs in which the user
    approved a step, each workflow's first step), read once and kept on the
    user object for the block, as Wagtail keeps its group checks.
    """
    run_ids = {state.workflow_state_id for state in task_states}
    user._sop_refusal_facts = refusal_facts(user, task_states)
    user._sop_first_steps = {}
    for link in WorkflowTask.objects.filter(
        workflow__workflow_states__in=run_ids, task__active=True
    ).order_by("workflow_id", "sort_order"):
        user._sop_first_steps.setdefault(link.workflow_id, link.task_id)
    try:
        yield
    finally:
        del user._sop_refusal_facts
        del user._sop_first_steps


def revision_is_settled(revision):
    """
    Whether ``revision`` went into review, was scheduled or is live: its
    content is then the record of what was checked and published.
    """
    if revision.approved_go_live_at is not None:
        return True
    if TaskState.objects.filter(revision_id=revision.pk).exists():
        return True
    model = revision.base_content_type.model_class()
    if model is None or not hasattr(model, "live_revision"):
        return False
    return model._default_manager.filter(
        pk=revision.object_id, live_revision_id=revision.pk
    ).exists()


def cancel_refusal(page, user):
    """Why ``user`` may not cancel the SOP run of ``page``, or None when they may."""
    if user.is_superuser:
        return None
    workflow_state = page.current_workflow_state
    if workflow_state is None or workflow_state.requested_by_id == user.pk:
        return None
    return gettext(
        "Only the person who submitted the content can cancel its SOP run. To "
        "send it back, return it to the writer with a reason."
    )


def alias_refusal():
    """Why a copy of a page may not be made as an alias that follows it."""
    return gettext(
        "A copy that follows the original (an alias) would go live without "
        "passing the SOP. Copy the page without that option: the copy is a "
        "draft that goes through the SOP."
    )


def publish_refusal():
    """Why a publisher may not publish content directly."""
    return gettext(
        "Content is published at the last step of its SOP, after the earlier "
        "steps approved it. Your changes were saved as a draft: submit it for "
        "review."
    )


@dataclass(frozen=True)
class StepDeadline:
    """One SOP step in progress, measured against its time standard."""

    task_state: TaskState
    task: object  # the SOPTask
    page: Page
    site_name: str
    due_at: object
    time_left: object
    state: working_time.DeadlineState
    refusal: str | None = None
    return_reasons: tuple[str, ...] = ()
    returns: int = 0


def _sop_tasks():
    from .models import SOPTask

    return {
        task.pk: task
        for task in SOPTask.objects.filter(active=True).prefetch_related("groups")
    }


def returns_by_page(page_ids):
    """How many times each page was returned for correction, over all its runs."""
    rows = (
        TaskState.objects.filter(
            status=TaskState.STATUS_REJECTED,
            workflow_state__base_content_type=_page_content_type(),
            workflow_state__object_id__in=[str(pk) for pk in page_ids],
        )
        .values("workflow_state__object_id")
        .annotate(count=Count("pk"))
    )
    return {int(row["workflow_state__object_id"]): row["count"] for row in rows}


def returns_by_step(page):
    """The returns for correction of ``page`` per SOP step: [(step name, count)]."""
    rows = (
        TaskState.objects.filter(
            status=TaskState.STATUS_REJECTED,
            workflow_state__base_content_type=_page_content_type(),
            workflow_state__object_id=str(page.pk),
        )
        .values("task__name")
        .annotate(count=Count("pk"))
        .order_by("task__name")
    )
    return [(row["task__name"], row["count"]) for row in rows]


def run_return_of(page):
    """
    The latest return for correction of ``page``'s run that waits for the
    writer, as its task state (with the reviewer), or None.
    """
    workflow_state = page.current_workflow_state
    if workflow_state is None or workflow_state.status != (
        WorkflowState.STATUS_NEEDS_CHANGES
    ):
        return None
    return (
        TaskState.objects.filter(
            workflow_state=workflow_state, status=TaskState.STATUS_REJECTED
        )
        .select_related("finished_by", "task")
        .order_by("-finished_at")
        .first()
    )


def run_return_message(page):
    """
    What the writer reads at the top of a returned page: who returned it at
    which step, when and why, and how often each step returned it; or None.
    """
    returned = run_return_of(page)
    if returned is None:
        return None
    message = gettext(
        "Returned for correction by %(reviewer)s (%(step)s) on %(when)s: %(reason)s"
    ) % {
        "reviewer": get_user_display_name(returned.finished_by)
        or gettext("a former user"),
        "step": returned.task.name,
        "when": date_format(localtime(returned.finished_at), "j F Y H.i"),
        "reason": returned.comment or gettext("no reason given"),
    }
    counts = returns_by_step(page)
    if counts:
        message += " " + gettext("Returns so far: %(counts)s.") % {
            "counts": ", ".join(f"{name} {count}×" for name, count in counts)
        }
    return message


def _page_content_type():
    return ContentType.objects.get_for_model(Page)


def _pages_and_sites(workflow_states):
    page_ids = [int(state.object_id) for state in workflow_states]
    pages = {page.pk: page for page in Page.objects.filter(pk__in=page_ids)}
    site_names = {site.pk: site.site_name for site in Site.objects.all()}
    return pages, site_names


def _deadline(task_state, task, page, site_names, now, **extra):
    url_parts = page.get_url_parts()
    site_name = site_names.get(url_parts[0], "") if url_parts else ""
    return StepDeadline(
        task_state=task_state,
        task=task,
        page=page,
        site_name=site_name,
        due_at=working_time.due_at(
            started_at=task_state.started_at, time_standard=task.time_standard
        ),
        time_left=working_time.time_left(
            started_at=task_state.started_at, time_standard=task.time_standard, now=now
        ),
        state=working_time.deadline_state(
            started_at=task_state.started_at, time_standard=task.time_standard, now=now
        ),
        **extra,
    )


def step_deadlines_awaiting(*, user, now):
    """
    The SOP steps in progress that ``user`` reviews (as a member of the step's
    groups, or as a superuser), oldest first, each with its due time, time
    left, traffic-light state and, when the user may not act on it, why.
    """
    tasks = _sop_tasks()
    if not user.is_superuser:
        group_ids = set(user.groups.values_list("pk", flat=True))
        tasks = {
            pk: task
            for pk, task in tasks.items()
            if group_ids & {group.pk for group in task.groups.all()}
        }
    task_states = list(
        TaskState.objects.filter(
            task_id__in=tasks,
            status=TaskState.STATUS_IN_PROGRESS,
            workflow_state__current_task_state=F("pk"),
        )
        .select_related("workflow_state", "revision")
        .order_by("started_at")
    )
    pages, site_names = _pages_and_sites([ts.workflow_state for ts in task_states])
    returns = returns_by_page(pages)
    facts = refusal_facts(user, task_states)
    rows = []
    for task_state in task_states:
        page = pages.get(int(task_state.workflow_state.object_id))
        if page is None:
            continue
        rows.append(
            _deadline(
                task_state,
                tasks[task_state.task_id],
                page,
                site_names,
                now,
                refusal=action_refusal(task_state=task_state, user=user, facts=facts),
                returns=returns.get(page.pk, 0),
            )
        )
    return rows


def step_deadlines_of_submitter(*, user, now):
    """
    The content ``user`` submitted that is still in an SOP run: its current
    step with due time, or the reasons it was returned for correction.
    """
    tasks = _sop_tasks()
    workflow_states = list(
        WorkflowState.objects.filter(
            requested_by=user,
            status__in=(
                WorkflowState.STATUS_IN_PROGRESS,
                WorkflowState.STATUS_NEEDS_CHANGES,
            ),
            current_task_state__task_id__in=tasks,
        )
        .select_related("current_task_state")
        .prefetch_related("task_states")
        .order_by("created_at")
    )
    pages, site_names = _pages_and_sites(workflow_states)
    returns = returns_by_page(pages)
    rows = []
    for workflow_state in workflow_states:
        page = pages.get(int(workflow_state.object_id))
        if page is None:
            continue
        reasons = tuple(
            state.comment
            for state in sorted(
                workflow_state.task_states.all(), key=lambda s: s.started_at
            )
            if state.status == TaskState.STATUS_REJECTED and state.comment
        )
        task_state = workflow_state.current_task_state
        rows.append(
            _deadline(
                task_state,
                tasks[task_state.task_id],
                page,
                site_names,
                now,
                return_reasons=reasons,
                returns=returns.get(page.pk, 0),
            )
        )
    return rows


# The archive step (SOP step 7) ---------------------------------------------------


def sop_last_steps():
    """
    The last active step of each SOP ({sop: SOPTask}, groups and escalation
    groups prefetched): its groups archive the SOP's publications (the Admin
    Website, the Admin / Operator), so the step's groups set in the admin
    decide it, and its escalation groups hear of an overdue archive step.
    """
    from .models import SOPTask

    last = {}
    for task in (
        SOPTask.objects.filter(active=True)
        .prefetch_related("groups", "escalation_groups")
        .order_by("step_number", "pk")
    ):
        last[task.sop] = task
    return last


def archive_group_ids(sop):
    """The groups that archive publications of ``sop`` (``sop_last_steps``)."""
    last = sop_last_steps().get(sop)
    return {group.pk for group in last.groups.all()} if last else set()


def sops_answered_by(user):
    """
    The SOPs in whose steps ``user``'s groups act or to which they are
    escalated, in one query.
    """
    from .models import SOPTask

    group_ids = user.groups.values("pk")
    return set(
        SOPTask.objects.filter(active=True)
        .filter(Q(groups__in=group_ids) | Q(escalation_groups__in=group_ids))
        .values_list("sop", flat=True)
        .distinct()
    )


def archive_records_visible_to(user):
    """
    The archive records ``user`` may read: all of an SOP for the groups that
    act in it or answer for it (reviewers, approvers, publishers, their
    heads) and superusers; otherwise only the records of what the user wrote,
    so that writers do not read other sections' records.
    """
    from .models import ArchiveRecord

    records = ArchiveRecord.objects.all()
    if user.is_superuser:
        return records
    return records.filter(Q(sop__in=sops_answered_by(user)) | Q(written_by=user))


def archive_refusal(*, record, user):
    """Why ``user`` may not confirm the archive step of ``record``, or None."""
    if record.archived_at is not None:
        return gettext("This publication was already archived by %(name)s.") % {
            "name": record.archived_by_name or gettext("a former user")
        }
    if user.is_superuser:
        return None
    group_ids = set(user.groups.values_list("pk", flat=True))
    if not group_ids & archive_group_ids(record.sop):
        return gettext(
            "Only the group that publishes under this SOP confirms its archive step."
        )
    return None


@dataclass(frozen=True)
class ArchiveDeadline:
    """One publication waiting for its archive step, against its due time."""

    record: object
    due_at: object
    time_left: object
    state: working_time.DeadlineState


def archive_deadline_state(record, *, now):
    """Green, amber or red: the archive step's time runs from publication to due."""
    return working_time.deadline_state(
        started_at=record.published_at,
        time_standard=record.due_at - record.published_at,
        now=now,
    )


def archive_steps_waiting(*, user, now, limit=None):
    """
    The publications waiting for the archive step that ``user`` archives (as
    a member of the SOP's archive group, or a superuser), those due first
    first (the first ``limit``); each with its time left and green / amber /
    red state.
    """
    from .models import ArchiveRecord

    records = ArchiveRecord.objects.waiting().defer("content", "html_snapshot")
    if not user.is_superuser:
        group_ids = set(user.groups.values_list("pk", flat=True))
        sops = [
            sop
            for sop, task in sop_last_steps().items()
            if group_ids & {group.pk for group in task.groups.all()}
        ]
        records = records.filter(sop__in=sops)
    return [
        ArchiveDeadline(
            record=record,
            due_at=record.due_at,
            time_left=record.due_at - now,
            state=archive_deadline_state(record, now=now),
        )
        for record in records.order_by("due_at", "pk")[:limit]
    ]


def archive_checklist_facts(record):
    """What the archivist checks: photos without a credit, files missing or attached."""
    return {
        "images_without_credit": [
            entry["title"]
            for entry in record.files
            if entry["kind"] == "image" and not entry.get("credit")
        ],
        "missing": [entry["title"] for entry in record.files if entry.get("missing")],
    }


def archive_records_published_between(
    *, since: datetime.date, until: datetime.date, site=None
):
    """
    The archive records of the publications made from the start of local day
    ``since`` to the end of local day ``until`` (settings.TIME_ZONE), that
    went live on ``site`` when given (the page itself or a copy of it),
    oldest first.
    """
    from .models import ArchiveRecord

    tz = timezone.get_default_timezone()
    start = datetime.datetime.combine(since, datetime.time.min, tzinfo=tz)
    end = datetime.datetime.combine(
        until + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz
    )
    records = ArchiveRecord.objects.filter(
        published_at__gte=start, published_at__lt=end
    )
    if site is not None:
        records = archive_records_on(records, site=site)
    return records.order_by("published_at", "pk")


def archive_records_on(records, *, site):
    """``records`` of publications that went live on ``site``, copies included."""
    from .models import ArchiveRecord

    on_site = ArchiveRecord.sites.through.objects.filter(site=site)
    return records.filter(pk__in=on_site.values("archiverecord_id"))


def audit_report_shown(user):
    """
    Whether the report belongs in ``user``'s menu: for superusers, the
    groups of the SOP steps and those they escalate to, and whoever wrote a
    published version.
    """
    from .models import ArchiveRecord

    if user.is_superuser or sops_answered_by(user):
        return True
    return ArchiveRecord.objects.filter(written_by=user).exists()


def compliance_report_shown(user):
    """
    Whether ``user`` reads the SOP compliance report and its dashboard chart
    (docs/compliance.md): superusers and the Kepala, the Kasi Kehumasan, the
    Admin Website and the Admin / Operator, who answer for the SOPs' time
    standards.
    """
    from .services import HEAD, OPERATOR, PUBLIC_RELATIONS_HEAD, WEBSITE_ADMIN

    if not user.is_authenticated or not user.is_active:
        return False
    readers = (HEAD, PUBLIC_RELATIONS_HEAD, WEBSITE_ADMIN, OPERATOR)
    return user.is_superuser or user.groups.filter(name__in=readers).exists()


def lexicon_terms_active():
    """
    The active terms of the gambling-spam lexicon, in one query. Before any
    term was ever kept (a new installation), the starting lexicon.
    """
    from .models import LexiconTerm
    from .screening import DEFAULT_LEXICON

    terms = list(LexiconTerm.objects.values_list("term", "active"))
    if not terms:
        return list(DEFAULT_LEXICON)
    return [term for term, active in terms if active]


# Screening alarms (issue 9, point 4; docs/screening.md) ----------------------


def _screening_alarms_undecided():
    """Open alarms whose finding nobody has declared a false alarm on that page."""
    from .models import ScreeningAlarm

    decided = ScreeningAlarm.objects.cleared().filter(
        page_id=OuterRef("page_id"), fingerprint=OuterRef("fingerprint")
    )
    return ScreeningAlarm.objects.open().exclude(Exists(decided))


def screening_alarms_open(*, page_id, revision_ids=None):
    """
    The open screening alarms of a page (of the revisions ``revision_ids``
    when given), one per finding (its newest alarm), newest first; one query.
    """
    alarms = _screening_alarms_undecided().filter(page_id=page_id)
    if revision_ids is not None:
        alarms = alarms.filter(revision_id__in=list(revision_ids))
    newest = {}
    for alarm in alarms.select_related("revision", "detected_by").order_by(
        "-detected_at", "-pk"
    ):
        newest.setdefault(alarm.fingerprint, alarm)
    return list(newest.values())


def screening_alarms_of_latest(page):
    """The open screening alarms of ``page``'s latest version (none without one)."""
    if page.latest_revision_id is None:
        return []
    return screening_alarms_open(
        page_id=page.pk, revision_ids=[page.latest_revision_id]
    )


def screening_decisions(*, page_id, limit=20):
    """The false-alarm decisions on a page, newest first, one per finding."""
    from .models import ScreeningAlarm

    decisions = {}
    for alarm in (
        ScreeningAlarm.objects.cleared()
        .filter(page_id=page_id)
        .select_related("cleared_by")
        .order_by("-cleared_at", "-pk")
    ):
        decisions.setdefault(alarm.fingerprint, alarm)
        if len(decisions) >= limit:
            break
    return list(decisions.values())


def _reviewed_page_ids(user):
    """The pages whose SOP step in progress ``user`` may review."""
    ids = TaskState.objects.reviewable_by(user).values_list(
        "workflow_state__object_id", flat=True
    )
    return {int(pk) for pk in ids if str(pk).isdigit()}


def screening_view_refusal(*, page, user):
    """
    Why ``user`` may not see the screening alarms of ``page``, or None: they
    are for who may edit or publish it, the reviewers of its step in
    progress and whoever approved or returned a step of it.
    """
    permissions = page.permissions_for_user(user)
    if user.is_superuser or permissions.can_edit() or permissions.can_publish():
        return None
    if page.pk in _reviewed_page_ids(user):
        return None
    if TaskState.objects.filter(
        workflow_state__base_content_type=_page_content_type(),
        workflow_state__object_id=str(page.pk),
        finished_by=user,
    ).exists():
        return None
    return gettext(
        "Only those who may edit or publish this page, and the reviewers of its "
        "SOP steps, see its screening alarms."
    )


def _wrote_since_published(*, page, workflow_state, user):
    """
    Whether ``user`` wrote a revision of ``page`` after its published one,
    or since the run ``workflow_state`` began if that is earlier; any
    revision when the page has none published.
    """
    revisions = page.revisions.filter(user_id=user.pk)
    if page.live_revision_id is None:
        return revisions.exists()
    since = (
        Revision.objects.filter(pk=page.live_revision_id)
        .values_list("created_at", flat=True)
        .first()
    )
    if workflow_state is not None and (
        since is None or workflow_state.created_at < since
    ):
        since = workflow_state.created_at
    if since is None:
        return revisions.exists()
    return revisions.filter(created_at__gt=since).exists()


def screening_decide_refusal(*, page, user, fingerprints=()):
    """
    Why ``user`` may not declare the findings ``fingerprints`` of ``page``
    false alarms, or None when they may. The decision lets the content be
    published, so it is for a person with publish rights on the page (in
    Warta the Admin Website on Info Publik and the portal, the Admin /
    Operator on the Media Center, and superusers); and, as for approvals
    (DESIGN.md, segregation of duties), not for whoever submitted the run in
    progress, wrote any version of the page since its last published one
    (or since the run began, whichever is earlier; every version when it
    was never published), or wrote the version in which the finding was
    first found: whoever put spam into a draft does not wave it through.
    """
    from .models import ScreeningAlarm

    if not page.permissions_for_user(user).can_publish():
        return gettext(
            "Only a person with publish rights on this page may declare a "
            "screening alarm a false alarm."
        )
    workflow_state = page.current_workflow_state
    if workflow_state is not None and workflow_state.requested_by_id == user.pk:
        return gettext(
            "You submitted this content, so someone else with publish rights "
            "must decide on its screening alarms."
        )
    if _wrote_since_published(page=page, workflow_state=workflow_state, user=user):
        return gettext(
            "You wrote a version of this content since it was last published, "
            "so someone else with publish rights must decide on its screening "
            "alarms."
        )
    first_author = {}
    for fingerprint, author_id in (
        ScreeningAlarm.objects.filter(
            page_id=page.pk,
            fingerprint__in=list(fingerprints),
            stage__in=(
                ScreeningAlarm.Stage.SUBMIT,
                ScreeningAlarm.Stage.APPROVAL,
                ScreeningAlarm.Stage.PUBLISH,
            ),
        )
        .order_by("detected_at", "pk")
        .values_list("fingerprint", "revision__user_id")
    ):
        first_author.setdefault(fingerprint, author_id)
    if user.pk in first_author.values():
        return gettext(
            "You wrote the version in which this was found, so someone else "
            "with publish rights must decide on it."
        )
    return None


def screening_alarms_awaiting(*, user):
    """
    For the dashboard: the pages with open screening alarms on their latest
    or live version that ``user`` reviews (the SOP step in progress is
    theirs) or may publish, newest alarm first, each with one alarm per
    finding. A fixed number of queries, however many pages and alarms.
    """
    from wagtail.permission_policies.pages import PagePermissionPolicy

    alarms = _screening_alarms_undecided().filter(
        Q(revision_id=F("page__latest_revision_id"))
        | Q(revision_id=F("page__live_revision_id"))
    )
    if not user.is_superuser:
        publishable = PagePermissionPolicy().instances_user_has_permission_for(
            user, "publish"
        )
        alarms = alarms.filter(
            Q(page_id__in=_reviewed_page_ids(user)) | Q(page__in=publishable)
        )
    rows = {}
    for alarm in alarms.select_related("page").order_by("-detected_at", "-pk"):
        row = rows.setdefault(alarm.page_id, {"page": alarm.page, "alarms": {}})
        row["alarms"].setdefault(alarm.fingerprint, alarm)
    return [
        {"page": row["page"], "alarms": list(row["alarms"].values())}
        for row in rows.values()
    ]


# The integrity check (issue 9, point 3; docs/integrity.md) -------------------


def integrity_alert_shown(user):
    """
    Whether ``user`` sees the integrity check's alert and findings: the
    Admin groups (Admin Website, Admin / Operator), who publish and would
    put things right, and superusers.
    """
    from .services import OPERATOR, WEBSITE_ADMIN

    if user.is_superuser:
        return True
    return user.groups.filter(name__in=(WEBSITE_ADMIN, OPERATOR)).exists()


def integrity_run_latest():
    """The latest finished run of the integrity check, or None."""
    from .models import IntegrityRun

    return (
        IntegrityRun.objects.filter(finished_at__isnull=False)
        .order_by("-started_at")
        .first()
    )


def integrity_findings_of(run):
    """The findings of ``run`` with their pages, in tree order; one query."""
    from .models import IntegrityFinding

    return (
        IntegrityFinding.objects.filter(run=run)
        .select_related("page")
        .order_by("page__path", "kind", "field", "pk")
    )


def integrity_run_unfinished(*, after):
    """
    The latest run of the integrity check that has not finished and started
    after the latest finished run ``after`` (any, when None), or None: still
    running, or stopped without finishing.
    """
    from .models import IntegrityRun

    runs = IntegrityRun.objects.filter(finished_at__isnull=True)
    if after is not None:
        runs = runs.filter(started_at__gt=after.started_at)
    return runs.order_by("-started_at").first()


def integrity_findings_counted(run):
    """{kind: number} of the findings of ``run``; one query."""
    from .models import IntegrityFinding

    return dict(
        IntegrityFinding.objects.filter(run=run)
        .order_by()
        .values_list("kind")
        .annotate(count=Count("pk"))
    )
