"""
The screening's alarms (issue 9, point 4): what the content screening
(``moderation.screening``) finds in a version of a page becomes an alarm
when the version is submitted, at each approval and before it is published.
An open alarm holds publishing, on every route, until a person with publish
rights on the page declares it a false alarm, with a reason; the decision
covers the same finding in later versions of the page.

How the pieces fit (which route checks where) is in docs/screening.md,
"Alarms and the false-alarm decision".
"""

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext, ngettext

from wagtail.log_actions import log

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

    from wagtail.models import Page, Revision, TaskState

    from .models import ScreeningAlarm

# Audit log actions (registered with their labels in wagtail_hooks).
ALARM_ACTION = "moderation.screening_alarm"
CLEARED_ACTION = "moderation.screening_cleared"
HELD_ACTION = "moderation.screening_publish_held"

# A message names this many findings at most, then says how many more.
MESSAGE_FINDINGS = 5

# What ``publish_scheduled`` passes as the log action: a held scheduled
# publication stays scheduled instead of stopping the command.
SCHEDULED_LOG_ACTION = "wagtail.publish.scheduled"

# Set on a revision object screened with nothing open: the content it was
# screened in (``revision.content``, the object itself), so that publishing
# that same object in the same request is not screened a second time.
SCREENED_MARK = "_warta_screened"


class PublishHeld(PermissionDenied):
    """Publishing refused while screening alarms of the version are open."""

    def __init__(self, message, *, alarms=()):
        super().__init__(message)
        self.alarms = list(alarms)


# -- Words ---------------------------------------------------------------------


def finding_label(*, kind: str, term: str, field: str) -> str:
    """One finding as a message names it: "online-gambling term 'x' in the field Y"."""
    from .models import FindingKind

    values = {"term": term, "field": field}
    if kind == FindingKind.HIDDEN_LINK:
        return gettext("hidden-link markup (%(term)s) in the field %(field)s") % values
    if kind == FindingKind.SCRIPT:
        return (
            gettext("script or embedded code (%(term)s) in the field %(field)s")
            % values
        )
    return gettext("online-gambling term '%(term)s' in the field %(field)s") % values


def findings_label(alarms) -> str:
    """The findings of ``alarms``, the first few named, the rest counted."""
    named = [
        finding_label(kind=alarm.kind, term=alarm.term, field=alarm.field)
        for alarm in alarms[:MESSAGE_FINDINGS]
    ]
    text = "; ".join(named)
    more = len(alarms) - len(named)
    if more > 0:
        text += " " + (
            ngettext(
                "and %(count)d more finding",
                "and %(count)d more findings",
                more,
            )
            % {"count": more}
        )
    return text


def alarms_found_message(alarms) -> str:
    """The warning to whoever submits or approves a version with open alarms."""
    return gettext(
        "Found %(findings)s. Publishing is held until the content is corrected "
        "or a person with publish rights on the page declares it a false alarm, "
        "with a reason."
    ) % {"findings": findings_label(alarms)}


def publish_held_message(*, title: str, alarms) -> str:
    """Why a publication was refused, and how to go on."""
    return gettext(
        "'%(title)s' was not published: the screening found %(findings)s. The "
        "content stays as it is and the SOP step keeps waiting. Correct the "
        "content, or a person with publish rights on the page who did not write "
        "it declares each finding a false alarm, with a reason, under the page's "
        "screening alarms; then publish again."
    ) % {"title": title, "findings": findings_label(alarms)}


def copy_held_message(*, title: str, findings) -> str:
    """Why a copy that would be live at once was not made, and how to go on."""
    return gettext(
        "The copy was not made: it would be live at once, and the screening "
        "found in “%(title)s” %(findings)s. Choose another title or address, "
        "correct the original, or have a person with publish rights declare "
        "each finding of the original a false alarm, with a reason, under its "
        "screening alarms; or copy it as a draft."
    ) % {"title": title, "findings": findings_label(findings)}


def page_alarms_url(page_id: int, *, after: int | str | None = None) -> str:
    """The page's screening alarms in the admin (``after``: the task state just acted on)."""
    url = reverse("moderation_page_screening", args=(page_id,))
    if after is not None:
        url += "?" + urlencode({"after": after})
    return url


# -- Recording -----------------------------------------------------------------


def _person(user):
    return user if getattr(user, "pk", None) else None


def _finding_data(finding) -> dict:
    """An alarm (or a finding not kept as an alarm) as the audit log keeps it."""
    data = {
        "kind": finding.kind,
        "term": finding.term,
        "field": finding.field,
        "excerpt": finding.excerpt,
    }
    if getattr(finding, "pk", None) is not None:
        data.update(id=finding.pk, stage=finding.stage, fingerprint=finding.fingerprint)
    return data


def revision_screened(revision: "Revision") -> bool:
    """
    Whether this very ``revision`` object was screened in this request with
    no open alarm, its content unchanged since (``SCREENED_MARK``).
    """
    mark = getattr(revision, SCREENED_MARK, None)
    return mark is not None and mark is revision.content


def revision_screen(
    *,
    page: "Page",
    revision: "Revision",
    stage: str,
    user: "AbstractBaseUser | None" = None,
    log_hold: bool = False,
    log_once: bool = False,
) -> list["ScreeningAlarm"]:
    """
    Screen ``revision`` of ``page`` and record an alarm for each finding
    nobody has yet declared a false alarm on this page (the same finding,
    same fingerprint, in an earlier version counts as decided). One row per
    finding and revision: a double click or two people at once find the row
    already there (``get_or_create`` on the unique revision and fingerprint).
    Each new alarm is logged in the page's audit log; with ``log_hold``, so
    is the hold of its publication when alarms are open (``log_once``: not
    again for the same revision). The rows and their log entries are
    written together (atomic), after the content was read.

    Returns the open alarms of the revision, in the order of the findings:
    what holds its publication. With none, the revision object is marked
    screened (``revision_screened``). Clean content costs the lexicon's query.
    """
    from .models import ScreeningAlarm
    from .screening import page_findings

    findings = page_findings(revision.as_object())
    if not findings:
        setattr(revision, SCREENED_MARK, revision.content)
        return []
    by_fingerprint = {}
    for finding in findings:
        by_fingerprint.setdefault(finding.fingerprint(page.pk), finding)
    person = _person(user)
    now = timezone.now()
    alarms = []
    with transaction.atomic():
        decided = set(
            ScreeningAlarm.objects.cleared()
            .filter(page_id=page.pk, fingerprint__in=list(by_fingerprint))
            .values_list("fingerprint", flat=True)
        )
        for fingerprint, finding in by_fingerprint.items():
            if fingerprint in decided:
                continue
            alarm, created = ScreeningAlarm.objects.get_or_create(
                revision=revision,
                fingerprint=fingerprint,
                defaults={
                    "page_id": page.pk,
                    "stage": stage,
                    "kind": finding.kind,
                    "field": finding.field[:255],
                    "term": finding.term[:255],
                    "excerpt": finding.excerpt,
                    "detected_at": now,
                    "detected_by": person,
                },
            )
            if alarm.cleared_at is not None:
                continue
            if created:
                log(
                    instance=page.specific,
                    action=ALARM_ACTION,
                    user=person,
                    revision=revision,
                    data={"alarm": _finding_data(alarm)},
                )
            alarms.append(alarm)
        if alarms and log_hold and not (log_once and _hold_logged(page, revision)):
            _held_log(page, revision, alarms, user)
    if not alarms:
        setattr(revision, SCREENED_MARK, revision.content)
    return alarms


def _hold_logged(page, revision):
    from wagtail.models import PageLogEntry

    return PageLogEntry.objects.filter(
        page_id=page.pk, action=HELD_ACTION, revision=revision
    ).exists()


def _held_log(page, revision, findings, user):
    log(
        instance=page.specific,
        action=HELD_ACTION,
        user=_person(user),
        revision=revision,
        data={"alarms": [_finding_data(finding) for finding in findings]},
    )


def publication_hold(
    *,
    page: "Page",
    revision: "Revision",
    user: "AbstractBaseUser | None" = None,
    log_once: bool = False,
) -> list["ScreeningAlarm"]:
    """
    The check before ``revision`` of ``page`` is published, by any route:
    screen it (stage "before publishing") and, when alarms are open, log
    that publishing was held. ``log_once`` logs the hold once per revision
    (``publish_scheduled`` tries again every minute). The same revision
    object screened earlier in this request with nothing open (by the SOP
    step's approval, or by the hook before Wagtail's publish) is not
    screened again. Returns the open alarms; an empty list means it may be
    published.
    """
    from .models import ScreeningAlarm

    if revision_screened(revision):
        return []
    return revision_screen(
        page=page,
        revision=revision,
        stage=ScreeningAlarm.Stage.PUBLISH,
        user=user,
        log_hold=True,
        log_once=log_once,
    )


def submission_screen(
    *, task_state: "TaskState", user: "AbstractBaseUser | None" = None
) -> list["ScreeningAlarm"]:
    """
    Screen the version that starts an SOP run at its first step: a
    submission, a resubmission after a return, or a restart after an
    outside edit. Records alarms; the submission goes on.
    """
    from .models import ScreeningAlarm

    workflow_state = task_state.workflow_state
    page = workflow_state.content_object
    if page is None or task_state.revision_id is None:
        return []
    return revision_screen(
        page=page,
        revision=task_state.revision,
        stage=ScreeningAlarm.Stage.SUBMIT,
        user=user,
    )


@dataclass(frozen=True)
class ApprovalScreen:
    """What the screening found at an approval."""

    # The page as screened; its latest revision is the version screened.
    page: "Page"
    alarms: list
    # The approval would publish (final step) and alarms are open.
    held: bool
    # Where the reviewer sees the alarms, or None when there are none.
    url: str | None


def approval_screen(
    *, task_state: "TaskState", user: "AbstractBaseUser"
) -> ApprovalScreen:
    """
    Screen at an approval of an SOP step (``SOPTask.on_action``, before it
    locks the run) the version that goes on: the page's latest revision,
    which is the one under review together with a reviewer's own
    corrections. An approval before the last step records the alarms and
    goes on; the last step's approval publishes, so open alarms hold it
    (logged) and the step keeps waiting. A clean version is marked screened,
    so that its publication by this approval is not screened again.
    """
    from .models import ScreeningAlarm

    workflow_state = task_state.workflow_state
    page = workflow_state.content_object
    revision = page.get_latest_revision() or task_state.revision
    final = workflow_state.is_at_final_task
    stage = ScreeningAlarm.Stage.PUBLISH if final else ScreeningAlarm.Stage.APPROVAL
    alarms = revision_screen(
        page=page, revision=revision, stage=stage, user=user, log_hold=final
    )
    if not alarms:
        return ApprovalScreen(page, [], held=False, url=None)
    return ApprovalScreen(
        page, alarms, held=final, url=page_alarms_url(page.pk, after=task_state.pk)
    )


def page_publish_held_message(*, page: "Page") -> str | None:
    """
    Why the last step's approval of ``page`` did not publish it, when its
    latest version has open alarms; else None.
    """
    from .selectors import screening_alarms_of_latest

    if not (alarms := screening_alarms_of_latest(page)):
        return None
    return publish_held_message(title=page.get_admin_display_title(), alarms=alarms)


# -- Bulk publishing and copies -----------------------------------------------


def bulk_publish_hold(
    *, pages: list["Page"], user: "AbstractBaseUser"
) -> list[tuple["Page", list["ScreeningAlarm"]]]:
    """
    Before Wagtail's bulk publish (a superuser's): screen the version each
    of ``pages`` would publish, and return the pages held with their open
    alarms. A page without a revision gets now the revision the bulk action
    would make of it (set on the very object the action publishes), so that
    what is found has a version to hang on and a person to decide on it;
    the hook runs inside the bulk action's transaction, which commits when
    the hook stops it.
    """
    held = []
    for page in pages:
        revision = page.get_latest_revision()
        if revision is None:
            revision = page.specific.save_revision(user=user)
            page.latest_revision = revision
        if alarms := publication_hold(page=page, revision=revision, user=user):
            held.append((page, alarms))
    return held


def _copy_title_findings(*, title, slug):
    from .screening import lexicon_active, text_findings

    lexicon = lexicon_active()
    findings = []
    for text, label, key in (
        (title, gettext("New title"), "new_title"),
        (slug, gettext("New slug"), "new_slug"),
    ):
        findings += text_findings(text, field=label, lexicon=lexicon, field_key=key)
    return findings


def copy_hold(
    *,
    page: "Page",
    user: "AbstractBaseUser",
    title: str,
    slug: str,
    subpages: bool,
    alias: bool,
) -> list[tuple["Page", list]]:
    """
    Before a copy that is live at once (a superuser's "publish copies", or
    an alias): what it would make live is screened, and every page with a
    finding is returned with its findings (alarms, or for the new title and
    slug, which no revision holds, the findings themselves); the hold is
    logged on each. What goes live: the new title and slug; for every live
    page copied (the original, and its live subpages with ``subpages``) its
    live version, which the copy shows, and, for a copy rather than an
    alias, its latest version, which Wagtail makes the copy's live revision.
    """
    from .models import ScreeningAlarm

    copied = [page.specific]
    if subpages:
        copied += list(page.get_descendants().live().specific())
    held = []
    for number, copied_page in enumerate(copied):
        findings = _copy_title_findings(title=title, slug=slug) if number == 0 else []
        revisions = []
        if copied_page.live and copied_page.live_revision_id:
            revisions.append(copied_page.live_revision)
        latest = copied_page.get_latest_revision()
        if (
            not alias
            and latest is not None
            and latest.pk != copied_page.live_revision_id
        ):
            revisions.append(latest)
        seen = set()
        for revision in revisions:
            for alarm in revision_screen(
                page=copied_page,
                revision=revision,
                stage=ScreeningAlarm.Stage.PUBLISH,
                user=user,
            ):
                if alarm.fingerprint not in seen:
                    seen.add(alarm.fingerprint)
                    findings.append(alarm)
        if findings:
            _held_log(copied_page, None, findings, user)
            held.append((copied_page, findings))
    return held


# -- The decision --------------------------------------------------------------


@transaction.atomic
def screening_alarms_clear(
    *, page: "Page", user: "AbstractBaseUser", reason: str, fingerprints
) -> int:
    """
    Record that the findings ``fingerprints`` of ``page`` are false alarms
    (issue 9, point 4): by a person who may decide
    (``selectors.screening_decide_refusal``), with a reason. Every open
    alarm of the page with one of those fingerprints is closed, in this and
    earlier versions, and the same finding in later versions is no longer
    raised. Each decision is logged in the page's audit log.

    Two people deciding at once record one decision: each finding is closed
    by a conditional update, and only the update that closed it logs.
    Returns how many findings were decided now (0 when someone was first).
    """
    from .models import ScreeningAlarm
    from .selectors import screening_decide_refusal

    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(gettext("Write why this is a false alarm."))
    fingerprints = list(fingerprints)
    if refusal := screening_decide_refusal(
        page=page, user=user, fingerprints=fingerprints
    ):
        raise PermissionDenied(refusal)
    newest = {}
    for alarm in (
        ScreeningAlarm.objects.open()
        .filter(page_id=page.pk, fingerprint__in=fingerprints)
        .order_by("-detected_at", "-pk")
    ):
        newest.setdefault(alarm.fingerprint, alarm)
    now = timezone.now()
    decided = 0
    for fingerprint, alarm in newest.items():
        closed = (
            ScreeningAlarm.objects.open()
            .filter(page_id=page.pk, fingerprint=fingerprint)
            .update(cleared_at=now, cleared_by=user, clear_reason=reason)
        )
        if not closed:
            continue
        decided += 1
        log(
            instance=page.specific,
            action=CLEARED_ACTION,
            user=user,
            revision=alarm.revision,
            data={"alarm": _finding_data(alarm), "reason": reason, "alarms": closed},
        )
    return decided
