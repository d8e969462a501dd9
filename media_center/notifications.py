"""
Emails of the newsroom planning, sent only after the transaction commits
(through the SOP emails' machinery in ``moderation.notifications``):

- a new coverage assignment: to its reporters and photographers (and, when
  people are added to an assignment, to them);
- a change of time, place or status of an agenda item: to everyone on its
  assignments that are still open.

Whoever acted is not told about their own action.
"""

from django.db.models import Q

from moderation.notifications import Email, emails_after_commit, users_with_email

NEW_ASSIGNMENT = "media_center/emails/assignment_new"
AGENDA_CHANGED = "media_center/emails/agenda_changed"


def _assigned(assignments, *, exclude):
    return users_with_email(
        Q(reporter_assignments__in=assignments)
        | Q(photographer_assignments__in=assignments),
        exclude=exclude,
    )


def assignment_new_emails(
    *, assignment_id: int, actor_id: int | None, only: list[int] | None = None
) -> list[Email]:
    from .models import Assignment

    assignment = (
        Assignment.objects.select_related("agenda_item", "created_by")
        .prefetch_related("reporters", "photographers")
        .filter(pk=assignment_id)
        .first()
    )
    if assignment is None:
        return []
    recipients = _assigned([assignment.pk], exclude=actor_id)
    if only is not None:
        recipients = [user for user in recipients if user.pk in only]
    context = {"assignment": assignment}
    return [
        Email(recipient=user, template=NEW_ASSIGNMENT, context=context)
        for user in {user.pk: user for user in recipients}.values()
    ]


def agenda_changed_emails(
    *, item_id: int, fields: list[str], actor_id: int | None
) -> list[Email]:
    from .models import AgendaItem, Assignment, AssignmentState

    item = AgendaItem.objects.prefetch_related("officials").filter(pk=item_id).first()
    if item is None:
        return []
    assignments = Assignment.objects.filter(agenda_item=item).exclude(
        state__in=(AssignmentState.CANCELLED, AssignmentState.PUBLISHED)
    )
    recipients = _assigned(assignments.values("pk"), exclude=actor_id)
    labels = {name: AgendaItem._meta.get_field(name).verbose_name for name in fields}
    context = {"item": item, "changed": list(labels.values())}
    return [
        Email(recipient=user, template=AGENDA_CHANGED, context=context)
        for user in {user.pk: user for user in recipients}.values()
    ]


def assignment_new_after_commit(*, assignment_id, actor_id, only=None):
    emails_after_commit(
        lambda: assignment_new_emails(
            assignment_id=assignment_id, actor_id=actor_id, only=only
        )
    )


def agenda_changed_after_commit(*, item_id, fields, actor_id):
    emails_after_commit(
        lambda: agenda_changed_emails(item_id=item_id, fields=fields, actor_id=actor_id)
    )
