"""
SHA-256 checksums of what was published: pure functions over a revision's
content and over stored files.
"""

import hashlib
import json

from django.core.serializers.json import DjangoJSONEncoder

# Keys of a page's serialised content that Wagtail keeps up to date as
# bookkeeping after publication (the next draft, the tree, locks, comments):
# they change without the published content changing, so they are not part
# of what is checked.
BOOKKEEPING_KEYS = frozenset(
    {
        "pk",
        "path",
        "depth",
        "numchild",
        "url_path",
        "draft_title",
        "live",
        "has_unpublished_changes",
        "live_revision",
        "latest_revision",
        "latest_revision_created_at",
        "first_published_at",
        "last_published_at",
        "locked",
        "locked_at",
        "locked_by",
        "expired",
        "owner",
        "content_type",
        "translation_key",
        "locale",
        "alias_of",
        "wagtail_admin_comments",
    }
)
# Editors' comments on a draft: internal, never part of what was published.
INTERNAL_KEYS = frozenset({"wagtail_admin_comments"})
CHUNK = 1024 * 1024


def content_for_digest(content: dict) -> dict:
    """``content`` without Wagtail's bookkeeping keys."""
    return {key: value for key, value in content.items() if key not in BOOKKEEPING_KEYS}


def content_sha256(content: dict) -> str:
    """
    The SHA-256 of a page's serialised content (a revision's ``content``), in
    a canonical JSON form (sorted keys, no spaces, dates as Django's JSON
    encoder writes them, as Wagtail stores revisions), bookkeeping left out.
    """
    canonical = json.dumps(
        content_for_digest(content),
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
        cls=DjangoJSONEncoder,
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def stream_sha256(stream) -> tuple[str, int]:
    """The SHA-256 and the size in bytes of what ``stream`` holds, read in chunks."""
    digest = hashlib.sha256()
    size = 0
    while chunk := stream.read(CHUNK):
        digest.update(chunk)
        size += len(chunk)
    return digest.hexdigest(), size


def content_as_stored(content: dict) -> dict:
    """``content`` as it reads back from a JSON column (dates as text)."""
    return json.loads(json.dumps(content, cls=DjangoJSONEncoder))
