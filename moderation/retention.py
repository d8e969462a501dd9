"""
Nothing erased: the record of who wrote, checked, approved and published each
version outlives ``purge_revisions`` and departing staff.

Wagtail's ``purge_revisions`` deletes old revisions one by one and counts a
``ProtectedError`` as "ignored"; a revision's task states (its approval
records) go with it. Deleting a user empties the name on their versions and
steps. Both are refused here for what the record needs; plain drafts stay
purgeable and people who did nothing can still be deleted. Someone who leaves
is deactivated instead, and keeps their name on everything.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.admin.utils import quote
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from django.db.models.deletion import ProtectedError
from django.db.models.signals import pre_delete
from django.dispatch import receiver
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext, ngettext

from wagtail.admin import messages
from wagtail.admin.utils import get_user_display_name
from wagtail.log_actions import registry as log_registry
from wagtail.models import PageLogEntry, Revision, TaskState, WorkflowState

from .models import ArchiveRecord

PUBLISHED_OR_SCHEDULED_ACTIONS = (
    "wagtail.publish",
    "wagtail.publish.scheduled",
    "wagtail.publish.schedule",
)
UNPUBLISH_ACTIONS = ("wagtail.unpublish", "wagtail.unpublish.scheduled")
REVIEW_ACTIONS = ("wagtail.workflow.approve", "wagtail.workflow.reject")
# Task states a reviewer closed with a decision. Approvals that a restart
# superseded are "cancelled" but keep their "wagtail.workflow.approve" log
# entry, which protects them (moderation/runs.py).
REVIEWED_STATUSES = (TaskState.STATUS_APPROVED, TaskState.STATUS_REJECTED)
# How many protecting objects a ProtectedError names per kind.
EXAMPLES = 20


@dataclass(frozen=True)
class Protection:
    """Why a row may not be deleted, and the rows that protect it."""

    reason: str
    objects: tuple


def revision_protection(revision):
    """
    Why ``revision`` must not be deleted, or None for a plain draft (a wider
    rule than ``selectors.revision_is_settled``, which keeps a version from
    being rewritten once it went into review): it is
    live, was published or scheduled, an archive record points to it (SOP
    step 7), or it went through a review step (SOP content steps 4–6, news
    steps 5–6), so that its task states are the approval records. At most
    four queries.
    """
    model = ContentType.objects.get_for_id(revision.base_content_type_id)
    model = model.model_class()
    if model is not None and hasattr(model, "live_revision"):
        live = model._default_manager.filter(
            pk=revision.object_id, live_revision_id=revision.pk
        ).first()
        if live is not None:
            return Protection(
                gettext(
                    "Revision %(id)s is the live version; it is the record of what "
                    "is published."
                )
                % {"id": revision.pk},
                (live,),
            )
    log_model = log_registry.get_log_model_for_model(model) if model else None
    if log_model is not None:
        entries = tuple(
            log_model.objects.filter(
                revision_id=revision.pk,
                action__in=PUBLISHED_OR_SCHEDULED_ACTIONS + REVIEW_ACTIONS,
            ).order_by("timestamp")[:EXAMPLES]
        )
        if any(entry.action in PUBLISHED_OR_SCHEDULED_ACTIONS for entry in entries):
            return Protection(
                gettext(
                    "Revision %(id)s was published or scheduled; it is the record "
                    "of what went live."
                )
                % {"id": revision.pk},
                entries,
            )
        if entries:
            return _reviewed(revision, entries)
    task_states = tuple(
        TaskState.objects.filter(
            revision_id=revision.pk, status__in=REVIEWED_STATUSES
        ).order_by("pk")[:EXAMPLES]
    )
    if task_states:
        return _reviewed(revision, task_states)
    records = tuple(ArchiveRecord.objects.filter(revision_id=revision.pk)[:EXAMPLES])
    if records:
        return Protection(
            gettext(
                "Revision %(id)s has an archive record; the record keeps pointing "
                "to it."
            )
            % {"id": revision.pk},
            records,
        )
    return None


def _reviewed(revision, objects):
    return Protection(
        gettext(
            "Revision %(id)s was approved or returned at an SOP step; it is kept "
            "with its approval records."
        )
        % {"id": revision.pk},
        tuple(objects),
    )


def _deletes_revisions_as_such(origin):
    """
    Whether a deletion started from revisions themselves (``purge_revisions``,
    ``revision.delete()``), not from the object they belong to: deleting a
    page takes its revisions along, and its archive records keep the record.
    """
    if origin is None or isinstance(origin, Revision):
        return True
    return isinstance(origin, QuerySet) and issubclass(origin.model, Revision)


@receiver(pre_delete, sender=Revision, dispatch_uid="warta_keep_settled_revisions")
def refuse_deleting_settled_revisions(sender, instance, origin=None, **kwargs):
    """
    ``purge_revisions`` keeps published and reviewed revisions, and with them
    their approval records: it counts the refusal as an ignored revision.
    The refusal comes inside the delete's own transaction, so it rolls that
    back; a caller deleting revisions inside an atomic block of its own gives
    each delete a savepoint (``transaction.atomic()``), or its block is spoilt.
    """
    if not _deletes_revisions_as_such(origin):
        return
    if (protection := revision_protection(instance)) is not None:
        raise ProtectedError(protection.reason, protection.objects)


def _user_facts(user):
    """What ``user`` did that the record names them for: (querysets, phrases)."""
    logged = PageLogEntry.objects.filter(user_id=user.pk)
    task_states = TaskState.objects.filter(finished_by_id=user.pk)
    reviews = logged.filter(action__in=REVIEW_ACTIONS)
    facts = [
        (
            Revision.objects.filter(user_id=user.pk),
            lambda n: ngettext(
                "wrote %(count)d version", "wrote %(count)d versions", n
            ),
        ),
        (
            WorkflowState.objects.filter(requested_by_id=user.pk),
            lambda n: ngettext(
                "submitted content for review %(count)d time",
                "submitted content for review %(count)d times",
                n,
            ),
        ),
        # The history of decisions, or, where it is missing, the steps closed.
        (
            reviews if reviews.exists() else task_states,
            lambda n: ngettext(
                "approved, returned or closed %(count)d SOP step",
                "approved, returned or closed %(count)d SOP steps",
                n,
            ),
        ),
        (
            logged.filter(
                action__in=PUBLISHED_OR_SCHEDULED_ACTIONS + UNPUBLISH_ACTIONS
            ),
            lambda n: ngettext(
                "published or unpublished content %(count)d time",
                "published or unpublished content %(count)d times",
                n,
            ),
        ),
        (
            ArchiveRecord.objects.filter(
                Q(published_by_id=user.pk)
                | Q(written_by_id=user.pk)
                | Q(archived_by_id=user.pk)
            ),
            lambda n: ngettext(
                "named on %(count)d archive record",
                "named on %(count)d archive records",
                n,
            ),
        ),
    ]
    return facts


def user_protection(user):
    """
    Why ``user`` must not be deleted, or None when they may: they wrote,
    submitted, approved, returned, published or unpublished content, or an
    archive record names them. Deleting them would empty their name on that
    record; they are deactivated instead. Six queries.
    """
    found = []
    querysets = []
    for queryset, phrase in _user_facts(user):
        if count := queryset.count():
            found.append(phrase(count) % {"count": count})
            querysets.append(queryset)
    if not found:
        return None
    return Protection(
        gettext(
            "%(name)s cannot be deleted: the record of who wrote, checked and "
            "published content must keep their name (%(facts)s). Deactivate the "
            'account instead: untick "Active" on their user page.'
        )
        % {"name": get_user_display_name(user), "facts": "; ".join(found)},
        tuple(querysets),
    )


@receiver(
    pre_delete, sender=settings.AUTH_USER_MODEL, dispatch_uid="warta_keep_named_users"
)
def refuse_deleting_named_users(sender, instance, **kwargs):
    """A user the record names is never deleted, by any route."""
    if (protection := user_protection(instance)) is not None:
        examples = tuple(
            obj for queryset in protection.objects for obj in queryset[:EXAMPLES]
        )
        raise ProtectedError(protection.reason, examples)


def _refuse(request, user, protection):
    messages.error(
        request,
        protection.reason,
        buttons=[
            messages.button(
                reverse("wagtailusers_users:edit", args=(quote(user.pk),)),
                gettext("Deactivate %(name)s instead")
                % {"name": get_user_display_name(user)},
            )
        ],
    )


def user_delete_refused(request, user):
    """
    For Wagtail's ``before_delete_user`` hook: the delete view of a user the
    record names shows why not and leads to their page, where the account
    can be deactivated. None lets the view go on.
    """
    if (protection := user_protection(user)) is None:
        return None
    _refuse(request, user, protection)
    return redirect("wagtailusers_users:edit", quote(user.pk))


def users_bulk_delete_refused(request, action_type, objects, action_class):
    """
    For Wagtail's ``before_bulk_action`` hook: a bulk delete of users deletes
    none of them when the record names any of them, and says why for each.
    """
    if action_type != "delete" or action_class.model is not get_user_model():
        return None
    refused = [
        (user, protection)
        for user in objects
        if (protection := user_protection(user)) is not None
    ]
    if not refused:
        return None
    for user, protection in refused:
        _refuse(request, user, protection)
    messages.warning(request, gettext("No user was deleted."))
    return redirect(action_class.next_url)
