"""
The archive package of a publication (SOP step 7 of both SOPs): a BagIt bag
(RFC 8493) holding what went live, as the visitor saw it (``page.html``), as
it was stored (``page.json``), its archive record (``metadata.json``) and the
original image, document and media files, each checked against the SHA-256
recorded at publication. A bag checks itself: ``bagit.Bag(path).validate()``
tells years later whether any byte changed.
"""

import json
import logging
import os
import posixpath
import tempfile
import threading
import zipfile
from pathlib import Path

from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.text import get_valid_filename, slugify
from django.utils.translation import gettext

import bagit

from . import archiving, digests
from .models import ArchiveRecord

logger = logging.getLogger(__name__)

SOURCE_ORGANIZATION = (
    "Dinas Komunikasi, Informatika, Statistik dan Persandian Kota Palangka Raya"
)
METADATA_FORMAT = "warta-archive-package/1"
PACKAGE_PREFIX = "arsip"
TITLE_SLUG_LENGTH = 60

INCLUDED = "included"
MISSING = "missing"
CHANGED = "changed"

# bagit.make_bag changes the process's working directory while it works: two
# packages made at once in threads of one process must take turns.
_make_bag_lock = threading.Lock()


def archive_package_name(record: ArchiveRecord) -> str:
    """
    The name of ``record``'s package, for its folder and its zip:
    ``arsip-<local publication date>-<record id>-<title slug>``.
    """
    published_on = timezone.localdate(record.published_at)
    parts = [PACKAGE_PREFIX, published_on.isoformat(), str(record.pk)]
    if slug := slugify(record.page_title)[:TITLE_SLUG_LENGTH].strip("-"):
        parts.append(slug)
    return "-".join(parts)


def _local_iso(value):
    return timezone.localtime(value).isoformat() if value is not None else None


def _person_json(pk, name, username):
    if pk is None and not name and not username:
        return None
    return {"id": pk, "name": name, "username": username}


def _metadata(record: ArchiveRecord) -> dict:
    """Everything ``record`` holds except the content and the HTML, which have their own files."""
    return {
        "format": METADATA_FORMAT,
        "record_id": record.pk,
        "page_id": record.page_id,
        "page_title": record.page_title,
        "page_type": record.page_type,
        "section": record.section,
        "sop": record.sop,
        "site": {"id": record.site_id, "name": record.site_name},
        "locations": record.locations,
        "revision": {"id": record.revision_id, "number": record.revision_number},
        "route": record.route,
        "published_at": _local_iso(record.published_at),
        "published_by": _person_json(
            record.published_by_id,
            record.published_by_name,
            record.published_by_username,
        ),
        "written_by": _person_json(
            record.written_by_id, record.written_by_name, record.written_by_username
        ),
        "approval_chain": record.approval_chain,
        "content_sha256": record.content_sha256,
        "content_sha256_verified": (
            digests.content_sha256(record.content) == record.content_sha256
        ),
        "files": [],
        "recorded_at": _local_iso(record.created_at),
        "due_at": _local_iso(record.due_at),
        "archived_at": _local_iso(record.archived_at),
        "archived_by": _person_json(
            record.archived_by_id,
            record.archived_by_name,
            record.archived_by_username,
        ),
        "classification_code": record.classification_code,
        "retention_period": record.retention_period,
        "checklist": {
            "captions_and_credits_checked": record.captions_and_credits_checked,
            "documents_checked": record.documents_checked,
        },
        "archive_note": record.archive_note,
    }


def _file_name_in_bag(entry):
    """``<id>-<filename>``, never a path that leaves its folder."""
    filename = posixpath.basename(str(entry.get("filename") or entry.get("path", "")))
    try:
        filename = get_valid_filename(filename)
    except SuspiciousFileOperation:
        filename = "file"
    return f"{entry['id']}-{filename}"


class _CopyingReader:
    """Reads ``source`` and writes what it read to ``sink``: one pass to hash and copy."""

    def __init__(self, source, sink):
        self.source = source
        self.sink = sink

    def read(self, size=-1):
        chunk = self.source.read(size)
        self.sink.write(chunk)
        return chunk


def _file_copy(entry, payload: Path) -> dict:
    """
    Copy the original of ``entry`` (one of ``record.files``) into the payload
    when its SHA-256 is still the one recorded at publication; the entry as
    ``metadata.json`` shows it, with its ``package_status``.
    """
    entry = dict(entry)
    kind = str(entry.get("kind", "file"))
    relative = Path("files", get_valid_filename(kind), _file_name_in_bag(entry))
    target = payload / relative
    if entry.get("missing") or not entry.get("sha256") or not entry.get("path"):
        entry["package_status"] = MISSING
        return entry
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with (
            archiving.file_storages()
            .get(kind, default_storage)
            .open(entry["path"], "rb") as source,
            target.open("wb") as sink,
        ):
            checksum, size = digests.stream_sha256(_CopyingReader(source, sink))
    except OSError:
        logger.warning("Archive package: %s %s is missing", kind, entry.get("id"))
        target.unlink(missing_ok=True)
        entry["package_status"] = MISSING
        return entry
    if checksum != entry["sha256"]:
        logger.warning(
            "Archive package: %s %s changed since its publication", kind, entry["id"]
        )
        target.unlink()
        entry.update(package_status=CHANGED, current_sha256=checksum, current_size=size)
        return entry
    entry.update(package_status=INCLUDED, package_path=f"data/{relative.as_posix()}")
    return entry


def _json_write(path: Path, value):
    path.write_text(
        json.dumps(value, indent=2, ensure_ascii=False, cls=DjangoJSONEncoder) + "\n",
        encoding="utf-8",
    )


def _bag_info(record: ArchiveRecord, name: str) -> dict:
    return {
        "Source-Organization": SOURCE_ORGANIZATION,
        "External-Identifier": name,
        "Internal-Sender-Identifier": f"moderation.ArchiveRecord:{record.pk}",
        "Bagging-Date": timezone.localdate().isoformat(),
        "External-Description": gettext(
            '%(page_type)s "%(title)s", published on %(site)s on %(published_at)s '
            "(revision %(revision)s)."
        )
        % {
            "page_type": record.page_type,
            "title": record.page_title,
            "site": record.site_name or "-",
            "published_at": timezone.localtime(record.published_at).strftime(
                "%Y-%m-%d %H:%M %Z"
            ),
            "revision": record.revision_number,
        },
    }


def archive_package_build(*, record: ArchiveRecord, directory) -> Path:
    """
    Write the archive package of ``record`` as a BagIt bag (SHA-256
    manifests) in a new folder named by ``archive_package_name`` inside
    ``directory``, validate it and return its path. Files are read through
    Django's storage, so media on object storage are packed as well; a file
    that is gone or whose SHA-256 differs from the record is left out and
    marked so in ``metadata.json``, never packed as if it were the original.
    """
    completed_now = record.completed_at is None
    if completed_now:
        # The task after the publication has not run (yet): the checksums
        # and the snapshot are taken now.
        archiving.archive_record_complete(record_id=record.pk)
        record.refresh_from_db()
    name = archive_package_name(record)
    bag_dir = Path(directory).resolve() / name
    bag_dir.mkdir(parents=True)
    metadata = _metadata(record)

    html = record.html_snapshot
    if html:
        (bag_dir / "page.html").write_text(html, encoding="utf-8")
    metadata["page_html_included"] = bool(html)
    metadata["html_rendered_at_packaging"] = completed_now and bool(html)
    _json_write(bag_dir / "page.json", record.content)
    metadata["files"] = [_file_copy(entry, bag_dir) for entry in record.files]
    metadata["packaged_at"] = timezone.localtime().isoformat()
    _json_write(bag_dir / "metadata.json", metadata)

    with _make_bag_lock:
        bagit.make_bag(
            str(bag_dir), bag_info=_bag_info(record, name), checksums=["sha256"]
        )
    bagit.Bag(str(bag_dir)).validate()
    return bag_dir


def _zip_write(bag_dir: Path, output):
    with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(bag_dir.rglob("*")):
            if path.is_file():
                archive.write(
                    path,
                    arcname=f"{bag_dir.name}/{path.relative_to(bag_dir).as_posix()}",
                )


def archive_package_zip(*, record: ArchiveRecord, output) -> None:
    """
    Write the archive package of ``record`` as a zip to ``output`` (a path or
    a binary file object), the bag's folder at the top of the zip. A path is
    replaced only once the zip is whole.
    """
    with tempfile.TemporaryDirectory(prefix="warta-archive-") as workdir:
        bag_dir = archive_package_build(record=record, directory=workdir)
        if not isinstance(output, str | os.PathLike):
            _zip_write(bag_dir, output)
            return
        output = Path(output)
        partial = output.with_name(f"{output.name}.part")
        try:
            _zip_write(bag_dir, partial)
            partial.replace(output)
        finally:
            partial.unlink(missing_ok=True)
