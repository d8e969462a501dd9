"""
Writes of the moderation app: setting up the SOPs as groups, permissions and
Wagtail workflows.
"""

import datetime
import enum
from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from portal.selectors import site_get
from portal.services import sites_setup

from .models import SOP, LexiconTerm, SOPTask
from .screening import DEFAULT_LEXICON
from .screening_alarms import page_publish_held_message

# The app of each kind of collection member, by the end of its codenames.
COLLECTION_APPS = {
    "image": "wagtailimages",
    "document": "wagtaildocs",
    "media": "wagtailmedia",
}
IMAGE_USE = ("add_image", "choose_image")
IMAGE_MANAGE = ("add_image", "change_image", "choose_image")
DOCUMENT_USE = ("add_document", "choose_document")
DOCUMENT_MANAGE = ("add_document", "change_document", "choose_document")
# wagtailmedia has no "choose": its chooser offers what one may change, and
# "add" lets one change one's own uploads.
MEDIA_USE = ("add_media",)
MEDIA_MANAGE = ("add_media", "change_media")


@dataclass(frozen=True)
class GroupPlan:
    """A role of DESIGN.md and the least it needs to do its SOP steps."""

    name: str
    # site key -> page permission types on that site's whole tree
    pages: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # collection name -> image/document permission codenames
    collections: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # "app_label.codename" model permissions (snippets)
    models: tuple[str, ...] = ()


WRITER = "Pembuat Artikel"
SECTION_HEAD = "Kasubbag Perencanaan IT dan Pelaporan"
HEAD = "Kepala"
WEBSITE_ADMIN = "Admin Website"
PUBLIC_RELATIONS_HEAD = "Kasi Kehumasan dan Layanan Informasi"
MEDIA_CENTER_TEAM = "Tim Pengelola Media Center"
OPERATOR = "Admin / Operator"
REPORTER = "Reporter / Kontributor"

ROSTER_READ = ("media_center.view_dutyroster", "media_center.view_dutyshift")
AGENDA_READ = ("media_center.view_agendaitem", "media_center.view_official")
AGENDA_MANAGE = (
    *(
        f"media_center.{action}_agendaitem"
        for action in ("add", "change", "delete", "view")
    ),
    "media_center.view_official",
)
OFFICIALS_MANAGE = tuple(
    f"media_center.{action}_official" for action in ("add", "change", "delete", "view")
)
ASSIGNMENTS_MANAGE = tuple(
    f"media_center.{action}_assignment"
    for action in ("add", "change", "delete", "view")
)
ASSIGNMENTS_READ = ("media_center.view_assignment",)
ROSTER_MANAGE = tuple(
    f"media_center.{action}_{model}"
    for model in ("dutyroster", "dutyshift")
    for action in ("add", "change", "delete", "view")
)

GROUP_PLANS = (
    # Content SOP steps 1–3: drafts and sources on Info Publik and the portal.
    GroupPlan(
        WRITER,
        pages={"infopublik": ("add",), "portal": ("add",)},
        collections={
            "Info Publik": IMAGE_USE + DOCUMENT_USE,
            "Portal": IMAGE_USE + DOCUMENT_USE,
        },
    ),
    # Content SOP steps 4 and 5: they act through their workflow steps only.
    GroupPlan(SECTION_HEAD),
    GroupPlan(HEAD),
    # Content SOP steps 6 and 7: enter, publish, upload supporting documents.
    GroupPlan(
        WEBSITE_ADMIN,
        pages={
            "infopublik": ("add", "change", "publish", "lock", "unlock"),
            "portal": ("add", "change", "publish", "lock", "unlock"),
        },
        collections={
            "Info Publik": IMAGE_MANAGE + DOCUMENT_MANAGE,
            "Portal": IMAGE_MANAGE + DOCUMENT_MANAGE,
        },
        models=(
            "infopublik.add_section",
            "infopublik.change_section",
            "infopublik.view_section",
            "infopublik.add_informationtype",
            "infopublik.change_informationtype",
            "infopublik.view_informationtype",
        ),
    ),
    # News SOP steps 1–3: the duty roster, the leaders' agenda, assignments.
    GroupPlan(
        PUBLIC_RELATIONS_HEAD,
        models=ROSTER_MANAGE + AGENDA_MANAGE + OFFICIALS_MANAGE + ASSIGNMENTS_MANAGE,
    ),
    # News SOP step 5: edit and verify, with the Media Center's photos.
    GroupPlan(
        MEDIA_CENTER_TEAM,
        collections={"Media Center": IMAGE_USE + DOCUMENT_USE + MEDIA_USE},
        models=(
            "media_center.view_rubric",
            "media_center.choose_news_sites",
            *ROSTER_READ,
            *AGENDA_MANAGE,
            *ASSIGNMENTS_MANAGE,
        ),
    ),
    # News SOP steps 6 and 7: publish and document.
    GroupPlan(
        OPERATOR,
        pages={"media_center": ("add", "change", "publish", "lock", "unlock")},
        collections={"Media Center": IMAGE_MANAGE + DOCUMENT_MANAGE + MEDIA_MANAGE},
        models=(
            "media_center.add_rubric",
            "media_center.change_rubric",
            "media_center.view_rubric",
            "media_center.choose_news_sites",
            "portal.add_agency",
            "portal.change_agency",
            "portal.view_agency",
            *ROSTER_READ,
            *AGENDA_READ,
            *ASSIGNMENTS_READ,
        ),
    ),
    # News SOP steps 3 and 4: cover the event, file the news with photos.
    GroupPlan(
        REPORTER,
        pages={"media_center": ("add",)},
        collections={"Media Center": IMAGE_USE + DOCUMENT_USE + MEDIA_USE},
        models=ROSTER_READ + AGENDA_READ + ASSIGNMENTS_READ,
    ),
)


@dataclass(frozen=True)
class TaskPlan:
    name: str
    group: str
    sop: str
    step_number: int
    time_standard: datetime.timedelta
    reviewers_may_edit: bool
    # Told as well when the step is overdue (issue 3, point 6): one level up
    # from the step's group. Set when setup creates the task, then the
    # administrators' to change.
    escalation_group: str | None = None


@dataclass(frozen=True)
class WorkflowPlan:
    name: str
    sites: tuple[str, ...]
    tasks: tuple[TaskPlan, ...]


WORKFLOW_PLANS = (
    WorkflowPlan(
        name="SOP Pengisian dan Pembaharuan Konten Website",
        sites=("infopublik", "portal"),
        tasks=(
            TaskPlan(
                "Pemeriksaan Kasubbag",
                SECTION_HEAD,
                SOP.CONTENT,
                4,
                datetime.timedelta(minutes=30),
                reviewers_may_edit=False,
                escalation_group=HEAD,
            ),
            # The Kepala heads the agency: there is no one above to escalate to.
            TaskPlan(
                "Persetujuan Kepala",
                HEAD,
                SOP.CONTENT,
                5,
                datetime.timedelta(minutes=30),
                reviewers_may_edit=True,
            ),
            # The Admin Website works in the Kasubbag's sub-division
            # (Perencanaan, IT dan Pelaporan), which answers for the websites.
            TaskPlan(
                "Entri dan Publikasi Admin Website",
                WEBSITE_ADMIN,
                SOP.CONTENT,
                6,
                datetime.timedelta(minutes=30),
                reviewers_may_edit=True,
                escalation_group=SECTION_HEAD,
            ),
        ),
    ),
    WorkflowPlan(
        name="SOP Layanan dan Posting Konten Berita",
        sites=("media_center",),
        tasks=(
            TaskPlan(
                "Penyuntingan dan Verifikasi",
                MEDIA_CENTER_TEAM,
                SOP.NEWS,
                5,
                datetime.timedelta(hours=3),
                reviewers_may_edit=True,
                escalation_group=PUBLIC_RELATIONS_HEAD,
            ),
            # The Kasi Kehumasan runs the news SOP (roster, agenda, coverage)
            # and so answers for late publication as for late editing.
            TaskPlan(
                "Publikasi Berita",
                OPERATOR,
                SOP.NEWS,
                6,
                datetime.timedelta(hours=2),
                reviewers_may_edit=True,
                escalation_group=PUBLIC_RELATIONS_HEAD,
            ),
        ),
    ),
)


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _group_setup(plan, created):
    group, group_created = Group.objects.get_or_create(name=plan.name)
    if not group_created:
        # A group that exists is the administrators' now: leave it as it is.
        return group
    created.append(_("group %(name)s") % {"name": plan.name})
    group.permissions.add(_permission("wagtailadmin", "access_admin"))
    for dotted in plan.models:
        app_label, codename = dotted.split(".")
        group.permissions.add(_permission(app_label, codename))
    for site_key, types in plan.pages.items():
        site = site_get(key=site_key)
        for permission_type in types:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=site.root_page,
                permission=_permission("wagtailcore", f"{permission_type}_page"),
            )
    for collection_name, codenames in plan.collections.items():
        collection = Collection.objects.get(name=collection_name)
        for codename in codenames:
            app_label = COLLECTION_APPS[codename.rsplit("_", 1)[1]]
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=collection,
                permission=_permission(app_label, codename),
            )
    return group


def _task_setup(plan, created):
    task = SOPTask.objects.filter(name=plan.name).first()
    if task is not None:
        # Time standards and groups an administrator changed stay changed.
        return task
    task = SOPTask.objects.create(
        name=plan.name,
        sop=plan.sop,
        step_number=plan.step_number,
        time_standard=plan.time_standard,
        reviewers_may_edit=plan.reviewers_may_edit,
    )
    task.groups.set([Group.objects.get(name=plan.group)])
    if plan.escalation_group:
        task.escalation_groups.set([Group.objects.get(name=plan.escalation_group)])
    created.append(_("SOP step %(name)s") % {"name": plan.name})
    return task


def _workflow_setup(plan, created):
    workflow = Workflow.objects.filter(name=plan.name).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=plan.name)
        for order, task_plan in enumerate(plan.tasks):
            WorkflowTask.objects.create(
                workflow=workflow,
                task=_task_setup(task_plan, created),
                sort_order=order,
            )
        created.append(_("workflow %(name)s") % {"name": plan.name})
    for site_key in plan.sites:
        root = site_get(key=site_key).root_page
        if not WorkflowPage.objects.filter(page=root).exists():
            WorkflowPage.objects.create(workflow=workflow, page=root)
            created.append(
                _("workflow %(name)s on %(page)s")
                % {"name": plan.name, "page": root.title}
            )
    return workflow


@transaction.atomic
def sop_setup():
    """
    Create the SOP groups with their least permissions, the SOP steps as
    workflow tasks and the two SOP workflows on the sites they govern; and
    the starting gambling-spam lexicon, when the lexicon is empty.

    Idempotent: what exists is left as it is, so time standards, groups and
    workflow assignments that administrators changed in the admin are kept.
    Makes the sites first (``portal.services.sites_setup``). Returns what was
    created.
    """
    created = sites_setup()
    for plan in GROUP_PLANS:
        _group_setup(plan, created)
    for plan in WORKFLOW_PLANS:
        _workflow_setup(plan, created)
    _lexicon_setup(created)
    return created


def _lexicon_setup(created: list[str]) -> None:
    """
    The starting gambling-spam lexicon (``screening.DEFAULT_LEXICON``), only
    into an empty lexicon: a term an administrator deleted stays deleted.
    """
    if LexiconTerm.objects.exists():
        return
    LexiconTerm.objects.bulk_create(
        [LexiconTerm(term=term) for term in DEFAULT_LEXICON], ignore_conflicts=True
    )
    count = len(DEFAULT_LEXICON)
    created.append(
        ngettext(
            "gambling-spam lexicon (%(count)d term)",
            "gambling-spam lexicon (%(count)d terms)",
            count,
        )
        % {"count": count}
    )


class FinalStep(enum.Enum):
    NOT_AT_FINAL_STEP = "not_at_final_step"
    APPROVED = "approved"
    ALREADY_HANDLED = "already_handled"


def final_step_approve(*, page: Page, user) -> "FinalStep | str":
    """
    A publisher's "publish" on ``page``: the approval of the last SOP step
    when the page waits there (which publishes it). Returns a ``FinalStep``,
    or why the approval was refused or its publication held by the
    screening.
    """
    task_state = page.current_workflow_task_state
    if task_state is None or not isinstance(task_state.task.specific, SOPTask):
        return FinalStep.NOT_AT_FINAL_STEP
    if not task_state.workflow_state.is_at_final_task:
        return FinalStep.NOT_AT_FINAL_STEP
    try:
        task_state.task.specific.on_action(task_state, user, "approve")
    except PermissionDenied as refusal:
        return str(refusal)
    task_state.refresh_from_db()
    if task_state.status == task_state.STATUS_APPROVED:
        return FinalStep.APPROVED
    if task_state.status == task_state.STATUS_IN_PROGRESS and (
        held := page_publish_held_message(page=page)
    ):
        # Open screening alarms held the approval (docs/screening.md).
        return held
    return FinalStep.ALREADY_HANDLED


def page_keep_draft(*, page):
    """
    Wagtail's create view adds a page live before asking whether it may be
    published; a refused page goes back to being a draft.
    """
    if page.live and page.live_revision_id is None:
        page.live = False
        page.save(update_fields=["live"], clean=False)
