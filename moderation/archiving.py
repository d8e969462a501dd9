"""
Writes of the archive step (SOP step 7 of both SOPs): the archive record of
every publication, its completion (file checksums, HTML snapshot) and the
archive confirmation.
"""

import logging
import zoneinfo
from functools import partial

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.admin.utils import get_user_display_name
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import (
    Page,
    PageLogEntry,
    Revision,
    Site,
    Task,
    TaskState,
    WorkflowState,
)

from modelcluster.models import ClusterableModel, get_all_child_relations
from wagtailmedia.models import get_media_model

from . import digests, tasks, working_time
from .models import SOP, ArchiveRecord, SOPTask
from .selectors import archive_refusal

logger = logging.getLogger(__name__)

ARCHIVE_ACTION = "moderation.archive"
# The log actions of a publication going live, and the route each means.
ROUTE_OF_PUBLISH_ACTION = {
    "wagtail.publish": None,
    "wagtail.publish.scheduled": ArchiveRecord.Route.SCHEDULED,
}
# Where a page says which section, rubric or unit it belongs to.
SECTION_FIELDS = ("section", "rubric", "holder")


def _person(user):
    """A user as text that outlives the account: (full name, username)."""
    if user is None:
        return "", ""
    return get_user_display_name(user), user.get_username()


def _file_models():
    return {
        get_image_model(): "image",
        get_document_model(): "document",
        get_media_model(): "media",
    }


def _file_references(instance, models, found):
    """
    The images, documents and media ``instance`` shows: its foreign keys,
    its rich text and StreamFields (through Wagtail's own reference
    extraction) and those of its child objects. Fills ``found`` with
    {(model, pk)} in the order met.
    """
    for field in instance._meta.get_fields():
        if (
            field.is_relation
            and field.many_to_one
            and field.concrete
            and field.related_model in models
        ):
            if (pk := field.value_from_object(instance)) is not None:
                found.setdefault((field.related_model, str(pk)), None)
        elif hasattr(field, "extract_references") and field.concrete:
            value = field.value_from_object(instance)
            if value is None:
                continue
            for model, pk, _model_path, _content_path in field.extract_references(
                value
            ):
                if model in models:
                    found.setdefault((model, str(pk)), None)
    if isinstance(instance, ClusterableModel):
        for relation in get_all_child_relations(instance):
            for child in getattr(instance, relation.get_accessor_name()).all():
                _file_references(child, models, found)
    return found


def _file_entry(kind, obj):
    entry = {
        "kind": kind,
        "id": obj.pk,
        "title": obj.title,
        "path": obj.file.name,
        "filename": obj.file.name.rsplit("/", 1)[-1],
    }
    if kind == "image":
        entry["credit"] = getattr(obj, "credit", "")
    return entry


def _file_hashed(entry, storages):
    """``entry`` with the SHA-256 and size of its file as stored now."""
    try:
        with storages[entry["kind"]].open(entry["path"], "rb") as stream:
            checksum, size = digests.stream_sha256(stream)
    except Exception:
        # Whatever the storage raises (a missing file, an object store that
        # does not answer), the record says the file could not be read.
        logger.warning("Archive record: %s %s unreadable", entry["kind"], entry["id"])
        return {**entry, "sha256": "", "size": None, "missing": True}
    return {**entry, "sha256": checksum, "size": size}


def file_storages():
    """The storage of each kind of file: {"image": …, "document": …, "media": …}."""
    return {
        kind: model._meta.get_field("file").storage
        for model, kind in _file_models().items()
    }


def files_hashed(entries):
    """``entries`` (of ``page_files``) with their SHA-256, each file read once."""
    storages = file_storages()
    return [_file_hashed(entry, storages) for entry in entries]


def page_files(page):
    """
    Each image, document and media file ``page`` shows: kind, id, title,
    stored name (their checksums are taken by ``archive_record_complete``).
    """
    models = _file_models()
    found = _file_references(page, models, {})
    wanted = {}
    for model, pk in found:
        wanted.setdefault(model, []).append(pk)
    objects = {}
    for model, pks in wanted.items():
        for obj in model.objects.filter(pk__in=pks):
            objects[(model, str(obj.pk))] = obj
    return [
        _file_entry(models[model], objects[(model, pk)])
        for model, pk in found
        if (model, pk) in objects
    ]


def _section_of(page):
    for name in SECTION_FIELDS:
        value = getattr(page, name, None)
        if value is not None:
            return str(value)
    return ""


def _locations(page, sites):
    """
    The page's address on its site and those of its live copies on other
    sites (``sites``: every Site by its id).
    """
    rows = []
    for each in [page, *Page.objects.filter(alias_of=page, live=True)]:
        parts = each.get_url_parts()
        if parts is None:
            continue
        site_id, root_url, path = parts
        rows.append(
            {
                "site_id": site_id,
                "site": (
                    sites[site_id].site_name or sites[site_id].hostname
                    if site_id in sites
                    else ""
                ),
                "url": f"{root_url}{path}",
                "copy": each.pk != page.pk,
            }
        )
    return rows


def _run_of(page, revision):
    """The SOP run that approved ``revision``, if it went through one."""
    return (
        WorkflowState.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id=str(page.pk),
            status=WorkflowState.STATUS_APPROVED,
            current_task_state__revision=revision,
        )
        .select_related("requested_by", "workflow")
        .order_by("-created_at")
        .first()
    )


def _step_row(task_state, task):
    name, username = _person(task_state.finished_by)
    standard = getattr(task, "time_standard", None)
    took = (
        task_state.finished_at - task_state.started_at
        if task_state.finished_at
        else None
    )
    due = (
        working_time.due_at(started_at=task_state.started_at, time_standard=standard)
        if standard
        else None
    )
    return {
        "kind": "step",
        "task": task.name,
        "sop": getattr(task, "sop", ""),
        "step_number": getattr(task, "step_number", None),
        "action": task_state.status,
        "name": name,
        "username": username,
        "started_at": task_state.started_at.isoformat(),
        "at": task_state.finished_at.isoformat() if task_state.finished_at else None,
        "reason": task_state.comment or "",
        "took_seconds": int(took.total_seconds()) if took is not None else None,
        "time_standard_seconds": int(standard.total_seconds()) if standard else None,
        "within_standard": (
            task_state.finished_at <= due if due and task_state.finished_at else None
        ),
    }


def approval_chain(workflow_state):
    """
    The submission and every step of ``workflow_state`` in order: who acted,
    how (approved, rejected = returned, cancelled = superseded by a restart),
    when, why, and the time taken against the step's time standard.
    """
    if workflow_state is None:
        return []
    name, username = _person(workflow_state.requested_by)
    rows = [
        {
            "kind": "submitted",
            "task": "",
            "action": "submitted",
            "name": name,
            "username": username,
            "at": workflow_state.created_at.isoformat(),
            "reason": "",
        }
    ]
    task_states = (
        TaskState.objects.filter(workflow_state=workflow_state)
        .select_related("finished_by")
        .order_by("started_at", "pk")
    )
    tasks = {
        task.pk: task
        for task in Task.objects.filter(pk__in=task_states.values("task_id")).specific()
    }
    return rows + [
        _step_row(task_state, tasks[task_state.task_id]) for task_state in task_states
    ]


def _sop_of(page, workflow_state, site):
    """
    The SOP the publication falls under: that of the run which approved it,
    else of the workflow over the page, else of its site (the Media Center's
    pages are the news SOP's).
    """
    workflow = (
        workflow_state.workflow if workflow_state is not None else page.get_workflow()
    )
    if workflow is not None:
        task = SOPTask.objects.filter(workflow_tasks__workflow=workflow).first()
        if task is not None:
            return task.sop
    media_center = settings.WARTA_SITES["media_center"]["hostname"]
    if site is not None and site.hostname == media_center:
        return SOP.NEWS
    return SOP.CONTENT


def _scheduler_of(revision):
    entry = (
        PageLogEntry.objects.filter(
            revision=revision, action="wagtail.publish.schedule"
        )
        .select_related("user")
        .order_by("-timestamp")
        .first()
    )
    return entry.user if entry else None


def archive_record_create(
    *, page, revision: Revision, user, published_at, route=None
) -> ArchiveRecord | None:
    """
    Record the publication of ``revision`` of ``page`` by ``user`` at
    ``published_at``: where it went live, the approval chain of its SOP run,
    its content with its checksum, the list of its files (hashed, with the
    HTML snapshot, by ``archive_record_complete`` after the commit), and
    when its archive step is due. Called for every publication, by any route. Returns the record, or
    None when this publication was already recorded.
    """
    page = page.specific
    workflow_state = _run_of(page, revision)
    if route is None:
        route = (
            ArchiveRecord.Route.WORKFLOW
            if workflow_state is not None
            else ArchiveRecord.Route.DIRECT
        )
    if user is None and route == ArchiveRecord.Route.SCHEDULED:
        user = _scheduler_of(revision)
    # The one who submitted it; else the reporter a news item names, the
    # page's creator, the author of the version.
    writer = (
        (workflow_state.requested_by if workflow_state is not None else None)
        or getattr(page, "writer", None)
        or page.owner
        or revision.user
    )
    published_name, published_username = _person(user)
    writer_name, writer_username = _person(writer)
    sites = {site.pk: site for site in Site.objects.all()}
    locations = _locations(page, sites)
    site_id = locations[0]["site_id"] if locations else None
    sop = _sop_of(page, workflow_state, sites.get(site_id))
    record = ArchiveRecord(
        page=page,
        page_title=page.title,
        page_type=str(page.specific_class._meta.verbose_name),
        section=_section_of(page),
        sop=sop,
        site_id=site_id,
        site_name=locations[0]["site"] if locations else "",
        locations=locations,
        revision=revision,
        revision_number=revision.pk,
        route=route,
        published_at=published_at,
        published_by=user,
        published_by_name=published_name,
        published_by_username=published_username,
        written_by=writer,
        written_by_name=writer_name,
        written_by_username=writer_username,
        approval_chain=approval_chain(workflow_state),
        # Editors' comments are internal: not part of what was published.
        content=digests.content_as_stored(
            {
                key: value
                for key, value in revision.content.items()
                if key not in digests.INTERNAL_KEYS
            }
        ),
        content_sha256=digests.content_sha256(revision.content),
        files=page_files(revision.as_object()),
        due_at=working_time.archive_due_at(
            sop=sop,
            published_at=published_at,
            tz=zoneinfo.ZoneInfo(settings.TIME_ZONE),
        ),
    )
    try:
        with transaction.atomic():
            record.save()
    except IntegrityError:
        return None
    record.sites.set({location["site_id"] for location in locations})
    transaction.on_commit(
        partial(tasks.archive_record_complete_task.enqueue, record_id=record.pk)
    )
    return record


def archive_record_from_log_entry(entry: PageLogEntry) -> ArchiveRecord | None:
    """The archive record of the publication ``entry`` logs, if it logs one."""
    if entry.action not in ROUTE_OF_PUBLISH_ACTION or entry.revision_id is None:
        return None
    page = Page.objects.filter(pk=entry.page_id).first()
    if page is None or page.alias_of_id is not None:
        return None
    return archive_record_create(
        page=page,
        revision=entry.revision,
        user=entry.user,
        published_at=entry.timestamp,
        route=ROUTE_OF_PUBLISH_ACTION[entry.action],
    )


def page_html_render(page) -> str:
    """
    ``page`` as its site shows it to a visitor, as HTML: Wagtail's own
    simulated request to the page's address, through the middleware.
    """
    response = page.make_preview_request(preview_mode=page.default_preview_mode)
    return response.content.decode(response.charset or "utf-8")


def archive_record_complete(*, record_id: int) -> bool:
    """
    Complete ``record_id``'s record, once: the SHA-256 of each of its files
    and the rendered public HTML of the published version. Runs as a task
    after the publication is committed (``tasks.archive_record_complete_task``),
    so that reading large files or a page that fails to render never slows
    or undoes a publication; a package completes its record first if that
    has not happened yet.
    """
    record = ArchiveRecord.objects.filter(
        pk=record_id, completed_at__isnull=True
    ).first()
    if record is None:
        return False
    try:
        html = page_html_render(record_object(record))
    except Exception:
        logger.exception("Archive record %s: the page could not be rendered", record_id)
        html = ""
    done = ArchiveRecord.objects.filter(pk=record_id).update(
        files=files_hashed(record.files),
        html_snapshot=html,
        completed_at=timezone.now(),
    )
    return bool(done)


def record_object(record):
    """
    The published version of ``record`` as a page object: the live page while
    that version is live, else the version rebuilt from the record's content.
    """
    page = Page.objects.filter(pk=record.page_id).first() if record.page_id else None
    if page is not None and page.live_revision_id == record.revision_id:
        return page.specific
    model = ContentType.objects.get_for_id(record.content["content_type"]).model_class()
    return model.from_serializable_data(record.content)


def archive_confirm(
    *,
    record_id: int,
    user,
    classification_code: str,
    retention_period: str,
    captions_and_credits_checked: bool,
    documents_checked: bool,
    note: str = "",
    at=None,
) -> ArchiveRecord | None:
    """
    The archive step: ``user`` of the SOP's archive groups confirms that the
    publication is archived, with its classification code and retention
    period, at ``at`` (now; the demo dates it back). Once per record;
    returns None when someone else already did (a double click, two people
    at once).
    """
    record = ArchiveRecord.objects.get(pk=record_id)
    if refusal := archive_refusal(record=record, user=user):
        raise PermissionDenied(refusal)
    if not (captions_and_credits_checked and documents_checked):
        raise PermissionDenied(_("Tick every point of the checklist."))
    if not classification_code.strip() or not retention_period.strip():
        raise PermissionDenied(
            _("Fill in the archive classification code and the retention period.")
        )
    name, username = _person(user)
    with transaction.atomic():
        done = ArchiveRecord.objects.filter(
            pk=record_id, archived_at__isnull=True
        ).update(
            archived_at=at or timezone.now(),
            archived_by=user,
            archived_by_name=name,
            archived_by_username=username,
            classification_code=classification_code.strip(),
            retention_period=retention_period.strip(),
            captions_and_credits_checked=True,
            documents_checked=True,
            archive_note=note.strip(),
        )
        if not done:
            return None
        record.refresh_from_db()
        log(
            instance=record,
            action=ARCHIVE_ACTION,
            user=user,
            data={
                "classification_code": record.classification_code,
                "retention_period": record.retention_period,
            },
        )
    return record
