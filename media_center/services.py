"""
Writes of the Media Center's newsroom planning: agenda changes, coverage
assignments and their states, and the news filed from an assignment (news
SOP steps 2–4). Each write is atomic and logged to Wagtail's audit log.
"""

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from . import notifications
from .models import AgendaItem, Assignment, AssignmentState, NewsPage

STATE_ACTION = "media_center.assignment_state"
NEWS_FILED_ACTION = "media_center.news_filed"

# The changes people make by hand; "news submitted" and "published" follow the
# linked news by themselves.
MANUAL_TRANSITIONS = {
    AssignmentState.ASSIGNED: (AssignmentState.COVERED, AssignmentState.CANCELLED),
    AssignmentState.COVERED: (AssignmentState.ASSIGNED, AssignmentState.CANCELLED),
    AssignmentState.CANCELLED: (AssignmentState.ASSIGNED,),
}
# What a reporter or photographer may do on their own assignment.
ASSIGNEE_TRANSITIONS = {
    AssignmentState.ASSIGNED: (AssignmentState.COVERED,),
    AssignmentState.COVERED: (AssignmentState.ASSIGNED,),
}


class AssignmentRefused(Exception):
    """An assignment action that may not happen; the message says why."""


def may_manage_assignments(user):
    return user.has_perm("media_center.change_assignment")


def assignment_actions(*, assignment, filing):
    """
    What ``filing.user`` may do with ``assignment``, as the admin offers it:
    the states to move it to, writing its news, opening its news.
    """
    return {
        "transitions": assignment_transitions_for(
            assignment=assignment, user=filing.user
        ),
        "may_write": assignment.news_id is None and filing.refusal(assignment) is None,
        "may_open": filing.may_open(assignment),
    }


def assignment_transitions_for(*, assignment, user):
    """The states ``user`` may move ``assignment`` to by hand, in order."""
    if may_manage_assignments(user):
        return MANUAL_TRANSITIONS.get(assignment.state, ())
    if assignment.is_person_assigned(user):
        return ASSIGNEE_TRANSITIONS.get(assignment.state, ())
    return ()


def assignment_transition(*, assignment_id: int, expected: str, to: str, user):
    """
    Move an assignment to ``to`` by hand. ``expected`` is the state the person
    saw: when someone else changed it meanwhile (two tabs, a double click,
    two people at once) nothing happens and the refusal says so.
    """
    with transaction.atomic():
        assignment = (
            Assignment.objects.select_for_update()
            .prefetch_related("reporters", "photographers")
            .get(pk=assignment_id)
        )
        if assignment.state != expected:
            raise AssignmentRefused(
                _("The assignment is already “%(state)s”; nothing was changed.")
                % {"state": assignment.get_state_display()}
            )
        if to not in assignment_transitions_for(assignment=assignment, user=user):
            raise AssignmentRefused(
                _("You may not change this assignment from “%(from)s” to “%(to)s”.")
                % {
                    "from": assignment.get_state_display(),
                    "to": AssignmentState(to).label,
                }
            )
        assignment.state = to
        assignment.save(update_fields=["state", "updated_at"])
        _log_state(assignment, previous=expected, user=user)
    return assignment


def _log_state(assignment, *, previous, user=None):
    log(
        instance=assignment,
        action=STATE_ACTION,
        user=user,
        data={"from": previous, "to": assignment.state},
    )


def assignment_created(*, assignment, user):
    """After the admin form saved a new assignment: its people are told."""
    notifications.assignment_new_after_commit(
        assignment_id=assignment.pk, actor_id=user.pk
    )


def assignment_people_added(*, assignment, people, user):
    """People were added to an assignment: they are told, as on creation."""
    notifications.assignment_new_after_commit(
        assignment_id=assignment.pk, actor_id=user.pk, only=people
    )


def agenda_item_changed(*, item: AgendaItem, fields, user):
    """
    After the admin form saved a change to an agenda item: a change of time,
    place or status raises its calendar sequence, carries the new time and
    place to its open assignments and tells the people assigned.
    """
    changed = [name for name in AgendaItem.NOTIFIED_FIELDS if name in fields]
    if not changed:
        return
    AgendaItem.objects.filter(pk=item.pk).update(sequence=F("sequence") + 1)
    Assignment.objects.filter(
        agenda_item=item, state__in=Assignment.OPEN_STATES
    ).update(
        date=item.date,
        starts_at=item.starts_at,
        ends_at=item.ends_at,
        place=item.place,
        updated_at=timezone.now(),
    )
    notifications.agenda_changed_after_commit(
        item_id=item.pk, fields=changed, actor_id=user.pk
    )


def news_draft_from_assignment(*, assignment_id: int, user) -> NewsPage:
    """
    "Tulis berita": a draft news page in the Media Center's news index,
    pre-filled from the assignment and its agenda item, linked to both. Run
    twice (a double click, a second tab), it returns the draft made the first
    time.
    """
    with transaction.atomic():
        # Only the assignment's row is locked: PostgreSQL locks no row of the
        # nullable side of an outer join (agenda item, news).
        assignment = (
            Assignment.objects.select_for_update(of=("self",))
            .select_related("agenda_item", "news")
            .get(pk=assignment_id)
        )
        filing = NewsFiling(user)
        refusal = filing.refusal(assignment)
        if refusal:
            raise AssignmentRefused(refusal)
        if assignment.news is not None:
            return assignment.news
        index = filing.index
        photographers = list(assignment.photographers.all())
        # The reporter who writes owns the draft: in Wagtail, a reporter edits
        # the pages they own.
        page = NewsPage(
            title=assignment.activity,
            lead="",
            event_at=assignment.starts,
            place=assignment.place[: NewsPage._meta.get_field("place").max_length],
            writer=user,
            photographer=photographers[0] if photographers else None,
            owner=user,
            live=False,
        )
        if assignment.agenda_item is not None:
            page.officials = list(assignment.agenda_item.officials.all())
        # Wagtail logs the creation; a draft is saved with its gaps, as the editor does.
        index.add_child(instance=page)
        page.save_revision(user=user, log_action=True, clean=False)
        assignment.news = page
        assignment.save(update_fields=["news", "updated_at"])
        log(
            instance=assignment,
            action=NEWS_FILED_ACTION,
            user=user,
            data={"news_id": page.pk, "title": page.title},
        )
    return page


class NewsFiling:
    """Whether ``user`` may write the news of assignments, asked once per person."""

    def __init__(self, user):
        self.user = user

    @cached_property
    def index(self):
        from .selectors import news_index_for_filing

        return news_index_for_filing()

    @cached_property
    def may_add_news(self):
        return (
            self.index is not None
            and self.index.permissions_for_user(self.user).can_add_subpage()
        )

    def may_open(self, assignment):
        """Whether the user may open the news of ``assignment`` in the editor."""
        news = assignment.news
        return news is not None and news.permissions_for_user(self.user).can_edit()

    def refusal(self, assignment):
        """Why the user may not write ``assignment``'s news, or None."""
        if assignment.state == AssignmentState.CANCELLED:
            return _("The assignment is cancelled; there is no news to write.")
        if not any(person.pk == self.user.pk for person in assignment.reporters.all()):
            return _("Only the reporters of the assignment write its news.")
        if self.index is None:
            return _("The Media Center has no news index to file the news in.")
        if not self.may_add_news:
            return _("You may not add news to the Media Center.")
        return None


def _assignment_of_news_change(news_id, change):
    """
    Lock the assignment of the news ``news_id`` (if any), let ``change``
    update it, save it, and log its state when that changed.
    """
    with transaction.atomic():
        assignment = (
            Assignment.objects.select_for_update().filter(news_id=news_id).first()
        )
        if assignment is None:
            return
        previous = assignment.state
        change(assignment)
        assignment.save(
            update_fields=[
                "state",
                "news",
                "submitted_at",
                "published_at",
                "updated_at",
            ]
        )
        if assignment.state != previous:
            _log_state(assignment, previous=previous)


def assignment_news_submitted(*, news_id: int, at):
    """The linked news went into the news SOP workflow: "news submitted"."""

    def change(assignment):
        assignment.submitted_at = assignment.submitted_at or at
        if assignment.state in Assignment.OPEN_STATES:
            assignment.state = AssignmentState.SUBMITTED

    _assignment_of_news_change(news_id, change)


def assignment_news_published(*, news_id: int, at):
    """The linked news went live: "published" (and filed, if it never was)."""

    def change(assignment):
        assignment.submitted_at = assignment.submitted_at or at
        assignment.published_at = assignment.published_at or at
        if assignment.state != AssignmentState.CANCELLED:
            assignment.state = AssignmentState.PUBLISHED

    _assignment_of_news_change(news_id, change)


def assignment_news_unpublished(*, news_id: int):
    """The linked news was taken offline: back to "news submitted"."""

    def change(assignment):
        if assignment.state == AssignmentState.PUBLISHED:
            assignment.state = AssignmentState.SUBMITTED
            assignment.published_at = None

    _assignment_of_news_change(news_id, change)


def assignment_news_deleted(*, news_id: int):
    """
    The linked news was deleted: the coverage is back to "covered", with no
    filing, so the news can be written again.
    """

    def change(assignment):
        if assignment.state in (AssignmentState.SUBMITTED, AssignmentState.PUBLISHED):
            assignment.state = AssignmentState.COVERED
        assignment.news = None
        assignment.submitted_at = assignment.published_at = None

    _assignment_of_news_change(news_id, change)


# News on the three sites (news SOP step 6) --------------------------------------


def news_publication_record(*, news: NewsPage, revision=None):
    """
    The news went live on the Media Center (by any route): record the
    publication, the sites chosen for it and, when it went through the news
    SOP, the publishing step it closes; its copies record their go-live as
    they follow.
    """
    from .models import MEDIA_CENTER, NewsPublication
    from .selectors import news_publishing_step

    step = news_publishing_step(news=news)
    publication = NewsPublication(
        news=news,
        revision=revision,
        published_at=news.last_published_at or timezone.now(),
        sites=[
            MEDIA_CENTER,
            *(key for key, field in NewsPage.SYNDICATED_SITES if getattr(news, field)),
        ],
    )
    if step is not None:
        publication.task_state = step
        publication.step_started_at = step.started_at
        publication.time_standard = step.task.specific.time_standard
        publication.approved_at = step.finished_at
        publication.approved_by_id = step.finished_by_id
        if news.go_live_at and step.finished_at and news.go_live_at > step.finished_at:
            publication.scheduled_for = news.go_live_at
    publication.save()
    _site_live_record(
        publication, site=MEDIA_CENTER, page=news, at=publication.published_at
    )
    return publication


def news_copy_live_record(*, copy: NewsPage, site=None):
    """
    A copy of a news item went live on its site: the moment, on the news's
    latest publication (news published before publications were recorded
    have none, and nothing is recorded).
    """
    from .models import NewsPublication
    from .selectors import news_site_key_of

    publication = NewsPublication.objects.filter(news_id=copy.alias_of_id).first()
    site = site or news_site_key_of(page=copy)
    if publication is None or site is None:
        return
    _site_live_record(publication, site=site, page=copy, at=timezone.now())


def _site_live_record(publication, *, site, page, at):
    """The go-live on ``site``, once per publication; then measure the step."""
    from .models import NewsSiteLive

    NewsSiteLive.objects.get_or_create(
        publication=publication, site=site, defaults={"page": page, "live_at": at}
    )
    publication.measure(dict(publication.sites_live.values_list("site", "live_at")))
    publication.save(update_fields=["live_everywhere_at", "took"])


def news_syndicate(*, news: NewsPage, user=None):
    """
    After the news was published (by any route): a copy (a Wagtail alias,
    which Wagtail keeps in step with every later publication and
    unpublication) under the news index of each site ticked, and none on a
    site unticked. The copies are part of the approved publication, so they
    are made without asking for the publisher's rights on those sites; each
    new copy records its go-live.
    """
    from wagtail.actions.create_alias import CreatePageAliasAction

    from .selectors import news_index_on

    if news.alias_of_id is not None or not news.live:
        return
    with transaction.atomic():
        # One publication of the news makes its copies at a time (a double
        # click, publish_scheduled while someone publishes).
        list(NewsPage.objects.select_for_update().filter(pk=news.pk).values("pk"))
        copies = list(NewsPage.objects.filter(alias_of=news))
        for key, field in NewsPage.SYNDICATED_SITES:
            index = news_index_on(key=key)
            if index is None:
                continue
            here = [copy for copy in copies if copy.path.startswith(index.path)]
            if getattr(news, field) and not here:
                slug = news.slug
                if index.get_children().filter(slug=slug).exists():
                    slug = f"{slug}-{news.pk}"
                copy = CreatePageAliasAction(
                    news, parent=index, update_slug=slug, user=user
                ).execute(skip_permission_checks=True)
                if copy.live:
                    news_copy_live_record(copy=copy, site=key)
            elif getattr(news, field):
                for copy in here:
                    _copy_slug_follow(copy, news=news, index=index)
            else:
                for copy in here:
                    copy.delete(user=user)


def _copy_slug_follow(copy, *, news, index):
    """
    The original's address changed: its copy follows (Wagtail keeps an
    alias's own slug), unless another page there holds that slug.
    """
    if copy.slug == news.slug:
        return
    taken = index.get_children().filter(slug=news.slug).exclude(pk=copy.pk).exists()
    slug = f"{news.slug}-{news.pk}" if taken else news.slug
    if copy.slug != slug:
        copy.slug = slug
        copy.set_url_path(index)
        copy.save(update_fields=["slug", "url_path"], clean=False)


def news_copies_delete(*, news_id: int):
    """The news is being deleted: its copies on the other sites go with it."""
    for copy in NewsPage.objects.filter(alias_of_id=news_id):
        copy.delete()
