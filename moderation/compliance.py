"""
The SOP compliance report (mutu baku): how well each step of the two SOPs
keeps its time standard, measured from what Wagtail and Warta already
record. Reads only; what each step measures, from which record, and what
counts as within the standard, overdue and rework is in docs/compliance.md.

Every step's records are read once with ``values()`` (or ``only()``) rows
and measured in Python, so that the report, its export and the dashboard
take the same number of queries whatever the number of items.
"""

import datetime
import math
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, IntegerField, Max, OuterRef, Q
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.utils import get_user_display_name
from wagtail.models import (
    ModelLogEntry,
    Page,
    PageLogEntry,
    Revision,
    Site,
    TaskState,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)

from media_center.models import (
    AGENDA_NOTICE,
    FILING_STANDARD,
    AgendaItem,
    Assignment,
    AssignmentState,
    NewsPublication,
    month_after,
)

from . import runs, services, working_time
from .models import SOP, ArchiveRecord, SOPTask, duration_label
from .selectors import sop_last_steps

# Content SOP steps 1–3: collect the sources (3 h), convert them into valid
# electronic documents (1 h), draft (1 h).
DRAFTING_STANDARD = datetime.timedelta(hours=5)
# The publishing step's standard when no news SOP step is set up (DESIGN.md).
LIVE_EVERYWHERE_STANDARD = datetime.timedelta(hours=2)

BREAKDOWN_GROUP = "group"
BREAKDOWN_PERSON = "person"
BREAKDOWN_CHOICES = (
    (BREAKDOWN_GROUP, _("per group")),
    (BREAKDOWN_PERSON, _("per person")),
)


class Kind:
    """What a step's items are read from."""

    WORKFLOW = "workflow"  # Wagtail task states of an SOPTask
    DRAFTING = "drafting"  # content SOP 1–3: revisions and submissions
    AGENDA = "agenda"  # news SOP 2: agenda items
    FILING = "filing"  # news SOP 4: coverage assignments
    LIVE_EVERYWHERE = "live_everywhere"  # news SOP 6: news publications
    ARCHIVE = "archive"  # both SOPs, step 7: archive records

    # Within a step number, the workflow task first (news SOP 6: the
    # operator's approval, then the news live on every chosen site).
    ORDER = (DRAFTING, AGENDA, FILING, WORKFLOW, LIVE_EVERYWHERE, ARCHIVE)
    # The steps whose returns for correction are counted (rework).
    WITH_RETURNS = (WORKFLOW, DRAFTING)


@dataclass(frozen=True)
class Step:
    """One measured step of an SOP, with its time standard and its groups."""

    key: str
    kind: str
    sop: str
    number: int
    number_label: str
    name: str
    time_standard: datetime.timedelta | None
    time_standard_label: str
    group_ids: tuple[int, ...]
    group_names: tuple[str, ...]
    active: bool = True

    @property
    def sop_label(self):
        return str(SOP(self.sop).label)

    @property
    def label(self):
        """E.g. "Pemeriksaan Kasubbag (langkah 4)"."""
        return gettext("%(name)s (step %(number)s)") % {
            "name": self.name,
            "number": self.number_label,
        }

    @property
    def sort_key(self):
        sops = [value for value, _label in SOP.choices]
        return (
            sops.index(self.sop),
            self.number,
            Kind.ORDER.index(self.kind),
            self.key,
        )

    @property
    def has_returns(self):
        return self.kind in Kind.WITH_RETURNS


@dataclass(frozen=True)
class Person:
    """Who did an item: the user's id (None when gone) and their name as shown."""

    pk: int | None
    name: str
    username: str


# Who did a finished item when no one was recorded (made outside the admin).
UNKNOWN = Person(None, "", "")


@dataclass(frozen=True)
class Item:
    """
    One piece of work at a step: finished at ``at`` after ``took``, or
    still open (``took`` None) and overdue since ``at``, its due time.
    """

    step: Step
    at: datetime.datetime
    took: datetime.timedelta | None
    within: bool
    overdue: bool
    rework: int
    people: tuple[Person, ...]
    sites: frozenset


@dataclass(frozen=True)
class Row:
    """The figures of one step in one month (for one group or person)."""

    step: Step
    month: datetime.date
    group: str
    person: Person | None
    items: int
    median: datetime.timedelta | None
    p90: datetime.timedelta | None
    within: int
    within_share: float | None
    overdue: int
    rework: int | None

    @property
    def median_label(self):
        return duration_label(self.median)

    @property
    def p90_label(self):
        return duration_label(self.p90)


@dataclass(frozen=True)
class Period:
    """From the start of local day ``since`` to the end of local day ``until``."""

    since: datetime.date
    until: datetime.date

    @property
    def start(self):
        return _local_midnight(self.since)

    @property
    def end(self):
        return _local_midnight(self.until + datetime.timedelta(days=1))

    def __contains__(self, moment):
        return self.start <= moment < self.end


def _local_midnight(day):
    return datetime.datetime.combine(
        day, datetime.time.min, tzinfo=timezone.get_default_timezone()
    )


def agency_date(moment):
    """
    The agency's calendar day (Asia/Jakarta, settings.TIME_ZONE) of
    ``moment``: months and "this month" follow the agency's time zone, not
    the time zone a reader chose in their Wagtail profile.
    """
    return timezone.localtime(moment, timezone.get_default_timezone()).date()


def period_this_month(today):
    """The calendar month of ``today`` (a local date), first to last day."""
    first = today.replace(day=1)
    return Period(first, month_after(first) - datetime.timedelta(days=1))


def percentile(values, fraction):
    """
    The ``fraction`` percentile of ``values`` (timedeltas) by linear
    interpolation between the closest ranks, as a spreadsheet's
    PERCENTILE.INC does: the median of 10, 20 and 50 minutes is 20, their
    90th percentile 44. None when there are no values.
    """
    ordered = sorted(values)
    if not ordered:
        return None
    position = (len(ordered) - 1) * fraction
    lower, upper = math.floor(position), math.ceil(position)
    value = ordered[lower] + (ordered[upper] - ordered[lower]) * (position - lower)
    return datetime.timedelta(seconds=round(value.total_seconds()))


def share_label(value):
    """A share in percent with one decimal, as the locale writes it: "66,7%"."""
    if value is None:
        return "—"
    return f"{number_format(value, 1)}%"


# The steps ------------------------------------------------------------------


def _groups_named(groups, names):
    chosen = [(pk, name) for pk, name in groups.items() if name in names]
    return tuple(pk for pk, _n in chosen), tuple(name for _pk, name in chosen)


def _task_groups(task):
    groups = sorted(task.groups.all(), key=lambda group: group.name)
    return tuple(g.pk for g in groups), tuple(g.name for g in groups)


def _catalogue(groups):
    """
    Every measured step (``Step``), in SOP order: the SOP workflow tasks
    (their groups set in the admin), and the steps around them. ``groups``
    is {id: name} of every group.
    """
    tasks = list(SOPTask.objects.prefetch_related("groups").order_by("pk"))
    last = sop_last_steps()
    steps = []
    for task in tasks:
        group_ids, group_names = _task_groups(task)
        steps.append(
            Step(
                key=f"task-{task.pk}",
                kind=Kind.WORKFLOW,
                sop=task.sop,
                number=task.step_number,
                number_label=str(task.step_number),
                name=task.name,
                time_standard=task.time_standard,
                time_standard_label=duration_label(task.time_standard),
                group_ids=group_ids,
                group_names=group_names,
                active=task.active,
            )
        )

    def last_groups(sop):
        return _task_groups(last[sop]) if sop in last else ((), ())

    news_standard = (
        last[SOP.NEWS].time_standard if SOP.NEWS in last else LIVE_EVERYWHERE_STANDARD
    )
    fixed = (
        (
            Kind.DRAFTING,
            SOP.CONTENT,
            1,
            "1–3",
            _("Collecting sources and drafting"),
            DRAFTING_STANDARD,
            duration_label(DRAFTING_STANDARD),
            _groups_named(groups, {services.WRITER}),
        ),
        (
            Kind.ARCHIVE,
            SOP.CONTENT,
            7,
            "7",
            _("Archiving"),
            working_time.ARCHIVE_TIME_STANDARD_CONTENT,
            duration_label(working_time.ARCHIVE_TIME_STANDARD_CONTENT),
            last_groups(SOP.CONTENT),
        ),
        (
            Kind.AGENDA,
            SOP.NEWS,
            2,
            "2",
            _("Leaders' agenda received"),
            AGENDA_NOTICE,
            gettext("H-1: at least %(duration)s before the event")
            % {"duration": duration_label(AGENDA_NOTICE)},
            _groups_named(
                groups,
                {services.PUBLIC_RELATIONS_HEAD, services.MEDIA_CENTER_TEAM},
            ),
        ),
        (
            Kind.FILING,
            SOP.NEWS,
            4,
            "4",
            _("Filing the coverage"),
            FILING_STANDARD,
            duration_label(FILING_STANDARD),
            _groups_named(groups, {services.REPORTER}),
        ),
        (
            Kind.LIVE_EVERYWHERE,
            SOP.NEWS,
            6,
            "6",
            _("Live on all chosen sites"),
            news_standard,
            duration_label(news_standard),
            last_groups(SOP.NEWS),
        ),
        (
            Kind.ARCHIVE,
            SOP.NEWS,
            7,
            "7",
            _("Archiving"),
            None,
            gettext("the next day (H+1)"),
            last_groups(SOP.NEWS),
        ),
    )
    for kind, sop, number, label, name, standard, standard_label, grouped in fixed:
        steps.append(
            Step(
                key=f"{sop}-{kind}",
                kind=kind,
                sop=str(sop),
                number=number,
                number_label=label,
                name=str(name),
                time_standard=standard,
                time_standard_label=str(standard_label),
                group_ids=grouped[0],
                group_names=grouped[1],
            )
        )
    return sorted(steps, key=lambda step: step.sort_key)


def compliance_steps():
    """Every measured step, in SOP order (for the filters and the dashboard)."""
    return _catalogue(dict(Group.objects.values_list("pk", "name")))


# Reading the items of each kind of step -------------------------------------------


class _Reader:
    """
    Reads the items of the period, in a fixed number of queries: each kind
    of step once, then the sites of their pages and the people, once for
    all.
    """

    def __init__(self, *, period, now, steps):
        self.period = period
        self.now = now
        self.steps = steps
        self.page_ct = ContentType.objects.get_for_model(Page)
        # Filled by the readers, resolved at the end: (step, at, took,
        # within, overdue, rework, [user id or Person], site ids or page id).
        self.raw = []
        self.page_ids = set()
        self.user_ids = set()

    def _add(self, step, *, at, took, within, overdue, people, sites, rework=0):
        """
        One item; ``people`` are user ids (or a ``Person`` as a record keeps
        them), ``sites`` site ids or the id of the page whose sites count.
        """
        people = [person for person in people if person is not None]
        self.user_ids.update(
            person for person in people if not isinstance(person, Person)
        )
        if isinstance(sites, int):
            self.page_ids.add(sites)
        self.raw.append((step, at, took, within, overdue, rework, people, sites))

    def _open_overdue(self, due):
        """Whether an open item due at ``due`` counts: overdue now, due in the period."""
        return due in self.period and due < self.now

    def read(self):
        by_kind = defaultdict(list)
        for step in self.steps:
            by_kind[step.kind].append(step)
        if by_kind[Kind.WORKFLOW]:
            self.workflow(by_kind[Kind.WORKFLOW])
        if by_kind[Kind.DRAFTING]:
            self.drafting(by_kind[Kind.DRAFTING][0])
        if by_kind[Kind.ARCHIVE]:
            self.archive({step.sop: step for step in by_kind[Kind.ARCHIVE]})
        if by_kind[Kind.FILING]:
            self.filing(by_kind[Kind.FILING][0])
        if by_kind[Kind.LIVE_EVERYWHERE]:
            self.live_everywhere(by_kind[Kind.LIVE_EVERYWHERE][0])
        if by_kind[Kind.AGENDA]:
            self.agenda(by_kind[Kind.AGENDA][0])
        return self.resolve()

    # Workflow steps: content SOP 4–6, news SOP 5–6 ------------------------------

    def workflow(self, steps):
        """
        Each task state of an SOP step that a reviewer finished: approved,
        returned (rejected, to the writer or to the previous step), or
        approved and later superseded by a restart (cancelled, with the
        approval in Wagtail's log); and each step still waiting past its
        due time. Task states cancelled while waiting (a restart, the
        submitter's cancel) were no one's work and are left out.
        """
        by_task = {int(step.key.split("-")[1]): step for step in steps}
        period = self.period
        states = TaskState.objects.filter(
            task_id__in=by_task, workflow_state__base_content_type=self.page_ct
        )
        finished = Q(finished_at__gte=period.start, finished_at__lt=period.end)
        rows = states.filter(
            Q(
                finished,
                status__in=(TaskState.STATUS_APPROVED, TaskState.STATUS_REJECTED),
            )
            | Q(finished, status=TaskState.STATUS_CANCELLED, finished_by__isnull=False)
            | Q(status=TaskState.STATUS_IN_PROGRESS, started_at__lt=period.end)
        ).values_list(
            "pk",
            "task_id",
            "status",
            "started_at",
            "finished_at",
            "finished_by_id",
            "workflow_state__object_id",
        )
        approvals_logged = self._approvals_logged(
            states.filter(finished, status=TaskState.STATUS_CANCELLED)
        )
        for pk, task_id, status, started, ended, person, page_id in rows:
            step = by_task[task_id]
            due = working_time.due_at(
                started_at=started, time_standard=step.time_standard
            )
            if status == TaskState.STATUS_IN_PROGRESS:
                if self._open_overdue(due):
                    self._add(
                        step,
                        at=due,
                        took=None,
                        within=False,
                        overdue=True,
                        people=[],
                        sites=int(page_id),
                    )
                continue
            if status == TaskState.STATUS_CANCELLED and pk not in approvals_logged:
                continue
            within = ended <= due
            self._add(
                step,
                at=ended,
                took=working_time.CLOCK.between(started, ended),
                within=within,
                overdue=not within,
                people=[person],
                rework=int(status == TaskState.STATUS_REJECTED),
                sites=int(page_id),
            )

    @staticmethod
    def _approvals_logged(cancelled):
        """
        Which of the ``cancelled`` task states were approvals that a restart
        superseded (``runs.approvals_supersede``): Wagtail's log of each
        approval names its task state.
        """
        logged = set()
        for data in PageLogEntry.objects.filter(
            action="wagtail.workflow.approve",
            revision_id__in=cancelled.values("revision_id"),
        ).values_list("data", flat=True):
            task_state_id = (data or {}).get("workflow", {}).get("task_state_id")
            if task_state_id is not None:
                logged.add(task_state_id)
        return logged

    # Content SOP 1–3: draft created → submitted -----------------------------------

    def drafting(self, step):
        """
        Each submission that opens a content SOP run, timed from the first
        version of the page saved after its previous run ended (its first
        version, for its first run); rework: how often that run went back
        to the writer. And each draft not yet submitted whose five hours
        are up.
        """
        period = self.period
        content_workflows = WorkflowTask.objects.filter(
            task__in=SOPTask.objects.filter(sop=SOP.CONTENT)
        ).values("workflow_id")
        submitted = list(
            WorkflowState.objects.filter(
                base_content_type=self.page_ct,
                workflow_id__in=content_workflows,
                created_at__gte=period.start,
                created_at__lt=period.end,
            ).values_list("pk", "object_id", "created_at", "requested_by_id")
        )
        drafts = self._drafts_waiting(content_workflows)
        page_ids = {str(object_id) for _pk, object_id, _at, _by in submitted}
        page_ids |= {str(pk) for pk, _published in drafts}
        if not page_ids:
            return
        runs_of_page = defaultdict(list)
        for pk, object_id, created_at, ended in (
            WorkflowState.objects.filter(
                base_content_type=self.page_ct, object_id__in=page_ids
            )
            .annotate(ended=Max("task_states__finished_at"))
            .values_list("pk", "object_id", "created_at", "ended")
        ):
            runs_of_page[object_id].append((created_at, ended or created_at, pk))
        revisions = defaultdict(list)
        for object_id, created_at, user_id in (
            Revision.objects.filter(
                base_content_type=self.page_ct,
                object_id__in=page_ids,
                created_at__lt=period.end,
            )
            .order_by("created_at", "pk")
            .values_list("object_id", "created_at", "user_id")
        ):
            revisions[object_id].append((created_at, user_id))
        returns = self._returns_to_writer(
            [pk for pk, *_rest in submitted], runs_of_page, page_ids
        )
        for pk, object_id, created_at, requested_by in submitted:
            earlier = [
                ended
                for run_created, ended, run_pk in runs_of_page[object_id]
                if run_created < created_at and run_pk != pk
            ]
            started = self._draft_start(
                revisions[object_id], after=max(earlier, default=None), until=created_at
            )
            took = working_time.CLOCK.between(started or created_at, created_at)
            due = working_time.due_at(
                started_at=started or created_at, time_standard=step.time_standard
            )
            within = created_at <= due
            self._add(
                step,
                at=created_at,
                took=took,
                within=within,
                overdue=not within,
                people=[requested_by],
                rework=returns.get(pk, 0),
                sites=int(object_id),
            )
        for pk, last_published in drafts:
            object_id = str(pk)
            boundaries = [ended for _c, ended, _pk in runs_of_page[object_id]]
            if last_published is not None:
                boundaries.append(last_published)
            started = self._draft_start(
                revisions[object_id],
                after=max(boundaries, default=None),
                until=self.now,
            )
            if started is None:
                continue
            writer = next(user for at, user in revisions[object_id] if at == started)
            due = working_time.due_at(
                started_at=started, time_standard=step.time_standard
            )
            if self._open_overdue(due):
                self._add(
                    step,
                    at=due,
                    took=None,
                    within=False,
                    overdue=True,
                    people=[writer],
                    sites=pk,
                )

    @staticmethod
    def _draft_start(versions, *, after, until):
        """The first version saved after ``after`` (a moment or None) up to ``until``."""
        for at, _user in versions:
            if (after is None or at > after) and at <= until:
                return at
        return None

    def _drafts_waiting(self, content_workflows):
        """
        The content SOP's pages with a draft not yet submitted: not live or
        with unpublished changes, under a page the content SOP workflow is
        set on, not a copy, not in a run: [(pk, last published)].
        """
        roots = list(
            WorkflowPage.objects.filter(workflow_id__in=content_workflows).values_list(
                "page__path", flat=True
            )
        )
        if not roots:
            return []
        under = Q()
        for path in roots:
            under |= Q(path__startswith=path)
        in_run = (
            WorkflowState.objects.active()
            .filter(base_content_type=self.page_ct)
            .annotate(page_id=Cast("object_id", IntegerField()))
            .values("page_id")
        )
        return list(
            Page.objects.filter(under, alias_of__isnull=True)
            .filter(Q(live=False) | Q(has_unpublished_changes=True))
            .exclude(pk__in=in_run)
            .values_list("pk", "last_published_at")
        )

    def _returns_to_writer(self, run_ids, runs_of_page, page_ids):
        """
        How often each run went back to the writer within the period: its
        task states returned for correction up to the period's end, less
        those that went to the previous step (``runs.run_return_to_previous``
        rejects the returning step's task state and logs the return to the
        previous step). ``page_ids`` are the runs' pages (object ids).
        """
        if not run_ids:
            return {}
        period = self.period
        rejected = defaultdict(int)
        for run_id in TaskState.objects.filter(
            workflow_state__in=run_ids,
            status=TaskState.STATUS_REJECTED,
            finished_at__lt=period.end,
        ).values_list("workflow_state_id", flat=True):
            rejected[run_id] += 1
        to_previous = defaultdict(list)
        for page_id, at in PageLogEntry.objects.filter(
            action=runs.RETURN_TO_PREVIOUS_ACTION,
            page_id__in=[int(object_id) for object_id in page_ids],
            timestamp__gte=period.start,
            timestamp__lt=period.end,
        ).values_list("page_id", "timestamp"):
            to_previous[str(page_id)].append(at)
        counts = {}
        for object_id, page_runs in runs_of_page.items():
            ordered = sorted(page_runs)
            for index, (created_at, _ended, run_pk) in enumerate(ordered):
                if run_pk not in rejected:
                    continue
                until = ordered[index + 1][0] if index + 1 < len(ordered) else None
                previous = sum(
                    1
                    for at in to_previous[object_id]
                    if at >= created_at and (until is None or at < until)
                )
                counts[run_pk] = max(rejected[run_pk] - previous, 0)
        return counts

    # Step 7: archiving -------------------------------------------------------------

    def archive(self, steps):
        """
        Each publication's archive step (``ArchiveRecord``): from
        publication to the archive confirmation, against its due time (30
        minutes; news the next day); and each one not yet confirmed and
        past due.
        """
        period = self.period
        records = ArchiveRecord.objects.filter(sop__in=steps).filter(
            Q(archived_at__gte=period.start, archived_at__lt=period.end)
            | Q(
                archived_at__isnull=True,
                due_at__gte=period.start,
                due_at__lt=min(period.end, self.now),
            )
        )
        sites = defaultdict(set)
        for record_id, site_id in ArchiveRecord.sites.through.objects.filter(
            archiverecord_id__in=records.values("pk")
        ).values_list("archiverecord_id", "site_id"):
            sites[record_id].add(site_id)
        for (
            pk,
            sop,
            published_at,
            archived_at,
            due_at,
            user_id,
            name,
            username,
        ) in records.values_list(
            "pk",
            "sop",
            "published_at",
            "archived_at",
            "due_at",
            "archived_by_id",
            "archived_by_name",
            "archived_by_username",
        ):
            if archived_at is None:
                self._add(
                    steps[sop],
                    at=due_at,
                    took=None,
                    within=False,
                    overdue=True,
                    people=[],
                    sites=frozenset(sites[pk]),
                )
                continue
            within = archived_at <= due_at
            archivist = Person(user_id, name, username)
            self._add(
                steps[sop],
                at=archived_at,
                # An archive step dated back before the publication took no time.
                took=max(
                    working_time.CLOCK.between(published_at, archived_at),
                    datetime.timedelta(0),
                ),
                within=within,
                overdue=not within,
                people=[archivist] if archivist != UNKNOWN else [],
                sites=frozenset(sites[pk]),
            )

    # News SOP 4: filing -------------------------------------------------------------

    def filing(self, step):
        """
        Each coverage assignment's filing: from the end of the event (its
        start when no end is known) to the news's first submission, within
        an hour; and each one not yet filed an hour after the event, charged
        to its reporters, who owe the filing. Cancelled assignments are left
        out.
        """
        period = self.period
        assignments = list(
            Assignment.objects.exclude(state=AssignmentState.CANCELLED)
            .filter(
                Q(submitted_at__gte=period.start, submitted_at__lt=period.end)
                | Q(
                    submitted_at__isnull=True,
                    date__gte=period.since - datetime.timedelta(days=1),
                    date__lte=period.until,
                )
            )
            .only("pk", "date", "starts_at", "ends_at", "submitted_at", "news_id")
        )
        reporters = defaultdict(list)
        for assignment_id, user_id in Assignment.reporters.through.objects.filter(
            assignment_id__in=[assignment.pk for assignment in assignments]
        ).values_list("assignment_id", "user_id"):
            reporters[assignment_id].append(user_id)
        media_center = self.media_center_site_id
        for assignment in assignments:
            sites = (
                assignment.news_id if assignment.news_id else frozenset({media_center})
            )
            if assignment.submitted_at is None:
                if self._open_overdue(assignment.filing_due):
                    self._add(
                        step,
                        at=assignment.filing_due,
                        took=None,
                        within=False,
                        overdue=True,
                        people=sorted(reporters[assignment.pk]),
                        sites=sites,
                    )
                continue
            took = max(
                assignment.submitted_at - assignment.filed_from, datetime.timedelta(0)
            )
            within = assignment.submitted_at <= assignment.filing_due
            self._add(
                step,
                at=assignment.submitted_at,
                took=took,
                within=within,
                overdue=not within,
                people=sorted(reporters[assignment.pk]),
                sites=sites,
            )

    # News SOP 6: live on every chosen site ---------------------------------------

    def live_everywhere(self, step):
        """
        Each publication through the news SOP (``NewsPublication``): from
        the start of the publishing step until the news is live on every
        site chosen for it, against the step's standard; and the latest
        publication of a news item still not live everywhere past its due
        time. Publications outside the SOP are not measured.
        """
        period = self.period
        later = NewsPublication.objects.filter(
            news_id=OuterRef("news_id"), published_at__gt=OuterRef("published_at")
        )
        publications = (
            NewsPublication.objects.filter(step_started_at__isnull=False)
            .filter(
                Q(
                    live_everywhere_at__gte=period.start,
                    live_everywhere_at__lt=period.end,
                )
                | Q(live_everywhere_at__isnull=True, step_started_at__lt=period.end)
            )
            .annotate(superseded=Exists(later))
            .only(
                "pk",
                "news_id",
                "sites",
                "step_started_at",
                "time_standard",
                "approved_by_id",
                "live_everywhere_at",
                "took",
            )
        )
        site_ids = self.site_ids_by_key
        for publication in publications:
            sites = frozenset(
                site_ids[key] for key in publication.sites if key in site_ids
            )
            standard = publication.time_standard or step.time_standard
            if publication.live_everywhere_at is None:
                due = working_time.due_at(
                    started_at=publication.step_started_at, time_standard=standard
                )
                if not publication.superseded and self._open_overdue(due):
                    self._add(
                        step,
                        at=due,
                        took=None,
                        within=False,
                        overdue=True,
                        people=[],
                        sites=sites,
                    )
                continue
            took = publication.took
            if took is None:
                took = working_time.CLOCK.between(
                    publication.step_started_at, publication.live_everywhere_at
                )
            within = took <= standard
            self._add(
                step,
                at=publication.live_everywhere_at,
                took=took,
                within=within,
                overdue=not within,
                people=[publication.approved_by_id],
                sites=sites,
            )

    # News SOP 2: the leaders' agenda, H-1 ---------------------------------------------

    def agenda(self, step):
        """
        Each agenda item received in the period: its "duration" is the
        notice, how long before the activity's start it was entered (none
        when entered after the start); within the standard when at least a
        day ahead (``AgendaItem.is_late``), overdue when later. The person
        is whoever entered it (Wagtail's log of its creation).
        """
        period = self.period
        items = list(
            AgendaItem.objects.filter(
                created_at__gte=period.start, created_at__lt=period.end
            ).only("pk", "date", "starts_at", "created_at")
        )
        entered_by = dict(
            ModelLogEntry.objects.filter(
                content_type=ContentType.objects.get_for_model(AgendaItem),
                action="wagtail.create",
                object_id__in=[str(item.pk) for item in items],
            ).values_list("object_id", "user_id")
        )
        sites = frozenset({self.media_center_site_id})
        for item in items:
            notice = max(item.starts - item.created_at, datetime.timedelta(0))
            self._add(
                step,
                at=item.created_at,
                took=notice,
                within=not item.is_late,
                overdue=item.is_late,
                people=[entered_by.get(str(item.pk))],
                sites=sites,
            )

    # Sites and people -----------------------------------------------------------------

    @cached_property
    def sites(self):
        return list(Site.objects.values_list("pk", "hostname", "root_page__path"))

    @cached_property
    def site_ids_by_key(self):
        by_host = {hostname: pk for pk, hostname, _path in self.sites}
        return {
            key: by_host[site["hostname"]]
            for key, site in settings.WARTA_SITES.items()
            if site["hostname"] in by_host
        }

    @property
    def media_center_site_id(self):
        return self.site_ids_by_key.get("media_center")

    def _sites_of_pages(self):
        """
        The sites each page is on: its own, and those of its copies (news
        live on all three sites counts for each).
        """
        if not self.page_ids:
            return {}
        paths = defaultdict(list)
        for pk, path in Page.objects.filter(pk__in=self.page_ids).values_list(
            "pk", "path"
        ):
            paths[pk].append(path)
        for original, path in Page.objects.filter(
            alias_of_id__in=self.page_ids
        ).values_list("alias_of_id", "path"):
            paths[original].append(path)
        roots = [(pk, path) for pk, _hostname, path in self.sites if path]
        return {
            page_id: frozenset(
                site_id
                for site_id, root in roots
                for path in page_paths
                if path.startswith(root)
            )
            for page_id, page_paths in paths.items()
        }

    def resolve(self):
        """The items, with their pages' sites and their people's names."""
        page_sites = self._sites_of_pages()
        users = {
            user.pk: user
            for user in get_user_model()
            .objects.filter(pk__in=self.user_ids)
            .only("pk", "username", "first_name", "last_name")
        }
        items = []
        for step, at, took, within, overdue, rework, people, sites in self.raw:
            if isinstance(sites, int):
                sites = page_sites.get(sites, frozenset())
            resolved = []
            for person in people:
                if isinstance(person, Person):
                    resolved.append(person)
                elif person in users:
                    user = users[person]
                    resolved.append(
                        Person(user.pk, get_user_display_name(user), user.username)
                    )
            items.append(
                Item(
                    step=step,
                    at=at,
                    took=took,
                    within=within,
                    overdue=overdue,
                    rework=rework,
                    people=tuple(resolved),
                    sites=sites,
                )
            )
        return items


# The figures ------------------------------------------------------------------------


def compliance_items(*, period, now, site=None, sop=None, step=None, steps=None):
    """
    The items of every step (or of ``sop`` / the step keyed ``step``) that
    finished in ``period``, or fell due in it and are still open and past
    due at ``now``; only those on ``site`` when given.
    """
    if steps is None:
        steps = compliance_steps()
    chosen = [
        each
        for each in steps
        if (sop is None or each.sop == sop) and (step is None or each.key == step)
    ]
    if not chosen:
        return []
    items = _Reader(period=period, now=now, steps=chosen).read()
    if site is not None:
        items = [item for item in items if site.pk in item.sites]
    return items


def _month_of(moment):
    return agency_date(moment).replace(day=1)


def figures(step, items):
    """
    The figures of ``items`` of ``step``: how many, the median and 90th
    percentile of the finished ones' durations, how many and which share
    were within the time standard, how many overdue (finished late or open
    past due), how many returns (rework; None for steps that return nothing).
    """
    count = len(items)
    within = sum(item.within for item in items)
    durations = [item.took for item in items if item.took is not None]
    return {
        "items": count,
        "median": percentile(durations, 0.5),
        "p90": percentile(durations, 0.9),
        "within": within,
        "within_share": round(100 * within / count, 1) if count else None,
        "overdue": sum(item.overdue for item in items),
        "rework": sum(item.rework for item in items) if step.has_returns else None,
    }


def _group_labels(item, memberships, group_names):
    """
    The groups an item counts under: for each person, the first (by name)
    of their groups that acts in the step; a person in none of them (a
    superuser, someone who changed groups) under "outside the step's
    groups". An open item that no one in particular owes (a workflow,
    publishing or archive step) under the step's groups; a finished one
    whose person was not recorded (made outside the admin) under "not
    recorded", as is a person whose account is gone (the record keeps only
    their name: their groups are not known).
    """
    if not item.people:
        if item.took is None:
            return {", ".join(item.step.group_names) or "—"}
        return {gettext("not recorded")}
    labels = set()
    for person in item.people:
        if person.pk is None:
            labels.add(gettext("not recorded"))
            continue
        mine = sorted(
            group_names[pk]
            for pk in memberships.get(person.pk, ())
            if pk in item.step.group_ids
        )
        labels.add(mine[0] if mine else gettext("outside the step's groups"))
    return labels


def compliance_rows(
    *, period, now, site=None, sop=None, step=None, breakdown=None, steps=None
):
    """
    The report: one ``Row`` per SOP, step and month (and per group or
    person with ``breakdown``), in SOP order. ``steps`` (of
    ``compliance_steps``) saves reading them again.
    """
    items = compliance_items(
        period=period, now=now, site=site, sop=sop, step=step, steps=steps
    )
    memberships, groups = defaultdict(set), {}
    if breakdown == BREAKDOWN_GROUP:
        groups = dict(Group.objects.values_list("pk", "name"))
        people = {person.pk for item in items for person in item.people}
        for user_id, group_id in (
            get_user_model()
            .groups.through.objects.filter(
                user_id__in=[pk for pk in people if pk is not None]
            )
            .values_list("user_id", "group_id")
        ):
            memberships[user_id].add(group_id)
    buckets = defaultdict(list)
    for item in items:
        month = _month_of(item.at)
        if breakdown == BREAKDOWN_GROUP:
            keys = [(label, None) for label in _group_labels(item, memberships, groups)]
        elif breakdown == BREAKDOWN_PERSON:
            keys = [("", person) for person in item.people] or [
                ("", None if item.took is None else UNKNOWN)
            ]
        else:
            keys = [("", None)]
        for group, person in keys:
            buckets[item.step, month, group, person].append(item)
    rows = [
        Row(
            step=step_,
            month=month,
            group=group,
            person=person,
            **figures(step_, bucket),
        )
        for (step_, month, group, person), bucket in buckets.items()
    ]
    return sorted(
        rows,
        key=lambda row: (
            row.step.sort_key,
            row.month,
            row.group,
            row.person is None,
            (row.person.name, row.person.username) if row.person else ("", ""),
        ),
    )


def compliance_summary(*, now):
    """
    For the dashboard: this month's figures (Asia/Jakarta) of every active
    step, in SOP order, steps without items included: ``(period, [(step,
    figures)])``.
    """
    period = period_this_month(agency_date(now))
    steps = [step for step in compliance_steps() if step.active]
    by_step = defaultdict(list)
    for item in compliance_items(period=period, now=now, steps=steps):
        by_step[item.step.key].append(item)
    return period, [(step, figures(step, by_step[step.key])) for step in steps]
