"""
The integrity check (issue 9, point 3): is what each live page shows what
was approved? Writes the run, its findings and their audit log entries;
``manage.py verify_integrity`` runs it from cron (docs/integrity.md).

For every live page:

- its row in the database (fields and child objects) against its published
  revision, field by field (a copy of news on Info Publik or the portal, a
  Wagtail alias without revisions of its own, against its original's), and
  its live revision against the one its audit log says was last published;
- the published revision against its archive record: the content's
  checksum, the files it shows (which file, and with ``files`` their
  checksums), the HTML snapshot being there;
- the links and scripts of its public HTML against those of its published
  revision rendered the same way, and its off-site links and its scripts
  against the archive's snapshot of the page as published;
- the screening of its content and of its public HTML for gambling spam and
  hidden links.
"""

import difflib
import hashlib
import json
import logging
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.db.models import Exists, OuterRef, Q, Subquery
from django.utils import timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import LogFormatter, log
from wagtail.models import Page, PageLogEntry, Revision, Site

from modelcluster.models import get_all_child_relations

from . import digests
from .archiving import file_storages, files_hashed, page_files
from .models import ArchiveRecord, IntegrityFinding, IntegrityRun, ScreeningAlarm
from .screening import html_findings, lexicon_active, normalise, page_findings

logger = logging.getLogger(__name__)

INTEGRITY_ACTION = "moderation.integrity_difference"
# What Wagtail logs when a page revision goes live: published by a person
# (also a copy made with "keep live"), or by ``publish_scheduled``.
PUBLISH_ACTIONS = ("wagtail.publish", "wagtail.publish.scheduled")
# The migration that started the archive records: a published revision older
# than it was published before records were kept and is not missing one.
ARCHIVE_MIGRATION = ("moderation", "0003_archive_records")
# Pages are read in batches: one query per batch for each kind of row.
BATCH = 100
# How much of a difference is kept: lines, characters per line, in all.
DIFF_LINES = 12
DIFF_LINE_WIDTH = 160
DETAIL_LIMIT = 2000
# The fields of the findings that are not fields of the page.
HTML_FIELD = "html"
HTML_SNAPSHOT_FIELD = "html_snapshot"
FILES_FIELD = "files"
LIVE_REVISION_FIELD = "live_revision"
# The stored length of a finding's field (IntegrityFinding.field).
FIELD_LENGTH = 255
# How many letters on each side of a term say that two excerpts show it in
# the same words (a false-alarm decision and the public page).
CONTEXT_LETTERS = 30

Kind = IntegrityFinding.Kind


class IntegrityLogFormatter(LogFormatter):
    """The audit log line of a difference the integrity check found."""

    label = _("Integrity check: difference found")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        kind = data.get("kind", "")
        label = dict(Kind.choices).get(kind, kind)
        if data.get("field"):
            return gettext("Integrity check: %(kind)s (%(field)s)") % {
                "kind": label,
                "field": data["field"],
            }
        return gettext("Integrity check: %(kind)s") % {"kind": label}

    def format_comment(self, log_entry):
        return (log_entry.data or {}).get("detail", "")


class IntegrityRunBusy(Exception):
    """
    A full run was not started: another one started less than
    ``WARTA_INTEGRITY_RUN_TIMEOUT`` ago has not finished (two runs at once
    would log each difference twice).
    """

    def __init__(self, other):
        super().__init__(f"integrity run {other.pk} has not finished")
        self.other = other


@dataclass(frozen=True)
class Difference:
    """
    One difference on a live page: its kind, the field, what differs. A
    file whose content no longer matches its archived checksum carries the
    file (kind, id, stored name), which its audit log entry keeps, so that
    every later run checks that file again (``_Context.flagged``).
    """

    kind: str
    field: str
    detail: str
    file: dict | None = field(default=None, compare=False)


@dataclass
class PageResult:
    """What the check found on one page, and what it could not check."""

    page: Page
    revision_id: int | None
    differences: list[Difference] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    # Whether the screening found something in the page's own content.
    content_screened: bool = False

    def add(self, kind, field_name, detail, *, file=None):
        difference = Difference(
            kind, field_name, _truncated(detail, DETAIL_LIMIT), file=file
        )
        if difference not in self.differences:
            self.differences.append(difference)


@dataclass
class IntegrityReport:
    """
    A run of the check: the pages checked in full, those that could not be,
    and the results of the pages with something to say.
    """

    run: IntegrityRun | None
    pages_checked: int = 0
    pages_not_checked: int = 0
    results: list[PageResult] = field(default_factory=list)

    @property
    def findings_count(self):
        return sum(len(result.differences) for result in self.results)


# -- Serialised content --------------------------------------------------------


def _sort_key(item):
    order = item.get("sort_order") if isinstance(item, dict) else None
    return (
        order is None,
        order if isinstance(order, int | float) else 0,
        json.dumps(item, sort_keys=True, default=str),
    )


def _children_comparable(model, items, parent_key):
    """
    Child objects as content: their own ids and the pointer to their parent
    are rows, not content (a child added in the editor has no id in its
    revision, and a copy's children point to the copy); the order is their
    sort order.
    """
    comparable = []
    for item in items or []:
        if not isinstance(item, dict):
            comparable.append(item)
            continue
        item = {
            key: value
            for key, value in item.items()
            if key not in ("pk", "translation_key", "locale", parent_key)
        }
        comparable.append(_relations_comparable(model, item))
    return sorted(comparable, key=_sort_key)


def _relations_comparable(model, data):
    """``data`` of ``model`` with child objects and many-to-many values in a stable form."""
    for relation in get_all_child_relations(model):
        name = relation.get_accessor_name()
        if name in data:
            data[name] = _children_comparable(
                relation.related_model, data[name], relation.field.name
            )
    for m2m in model._meta.many_to_many:
        if isinstance(data.get(m2m.name), list):
            data[m2m.name] = sorted(data[m2m.name], key=str)
    return data


def content_comparable(page, *, alias=False):
    """
    What ``page`` (live, or its published revision rebuilt by
    ``with_content_json``) holds as content, as its revision would store it:
    Wagtail's bookkeeping left out (``digests.BOOKKEEPING_KEYS``), child
    objects without their row ids, in their order. A copy keeps its own slug (Wagtail lets an alias have one).
    """
    data = digests.content_as_stored(page.serializable_data())
    skipped = digests.BOOKKEEPING_KEYS | ({"slug"} if alias else set())
    data = {key: value for key, value in data.items() if key not in skipped}
    return _relations_comparable(type(page), data)


def _parsed(value):
    """A StreamField's JSON text as its structure; anything else as it is."""
    if isinstance(value, str) and value[:1] in ("[", "{"):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


_TAG_START = re.compile(r"(?=<[a-zA-Z/!])")


def _flattened(path, value, lines):
    if isinstance(value, dict):
        if not value:
            lines.append((path, "{}"))
        for key in sorted(value):
            _flattened(f"{path}.{key}" if path else str(key), value[key], lines)
    elif isinstance(value, list):
        if not value:
            lines.append((path, "[]"))
        for number, item in enumerate(value):
            _flattened(f"{path}[{number}]", item, lines)
    else:
        text = "" if value is None else str(value)
        pieces = [piece for piece in _TAG_START.split(text) if piece] or [""]
        lines.extend((path, piece) for piece in pieces)


def _lines(value):
    """
    A field's value as short lines ``(path, text)``: structures (a
    StreamField's blocks) flattened to the path of each value, HTML broken
    before each tag.
    """
    lines = []
    _flattened("", _parsed(value), lines)
    return lines


def _truncated(text, width):
    return text if len(text) <= width else text[: width - 1] + "…"


def _around(text, at, width):
    """``text`` cut to ``width`` characters around position ``at``."""
    if len(text) <= width:
        return text
    start = max(0, min(at - width // 3, len(text) - width))
    excerpt = text[start : start + width]
    return f"{'…' if start else ''}{excerpt}{'…' if start + width < len(text) else ''}"


def _common_prefix(first, second):
    length = 0
    for a, b in zip(first, second, strict=False):
        if a != b:
            break
        length += 1
    return length


def _line(sign, line, at):
    path, text = line
    text = _around(text, at, DIFF_LINE_WIDTH)
    return f"{sign} {path}: {text}" if path else f"{sign} {text}"


def difference_text(approved, live):
    """
    A short, readable difference between two values of a field: "−" lines
    as approved (the published revision or the archive record), "+" lines
    as they are now; long lines cut around where they differ.
    """
    old, new = _lines(approved), _lines(live)
    out = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        removed, added = old[i1:i2], new[j1:j2]
        for number in range(max(len(removed), len(added))):
            before = removed[number] if number < len(removed) else None
            after = added[number] if number < len(added) else None
            at = _common_prefix(before[1], after[1]) if before and after else 0
            if before is not None:
                out.append(_line("−", before, at))
            if after is not None:
                out.append(_line("+", after, at))
        if len(out) >= DIFF_LINES:
            break
    if len(out) > DIFF_LINES:
        out = [*out[:DIFF_LINES], "…"]
    return "\n".join(out)


def content_differences(approved, live):
    """
    ``{field: difference}`` of the fields whose values differ. A
    StreamField's JSON is compared as its structure: PostgreSQL's ``jsonb``
    gives the live row's keys back in its own order, not the revision's.
    """
    return {
        key: difference_text(approved.get(key), live.get(key))
        for key in sorted(set(approved) | set(live))
        if _parsed(approved.get(key)) != _parsed(live.get(key))
    }


# -- Links and scripts of the rendered HTML ------------------------------------

# Where a page names another address: tag → attributes.
LINK_ATTRIBUTES = {
    "a": ("href",),
    "area": ("href",),
    "link": ("href",),
    "base": ("href",),
    "iframe": ("src",),
    "frame": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "script": ("src",),
    "embed": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "input": ("src", "formaction"),
    "object": ("data",),
    "form": ("action",),
    "button": ("formaction",),
}
_SCRIPT_URL = re.compile(r"^\s*(javascript|vbscript|data\s*:\s*text/html)", re.I)
_REFRESH_URL = re.compile(r"url\s*=\s*['\"]?([^'\"]+)", re.I)


@dataclass
class Markup:
    """The link targets and scripts of an HTML page, each with where it is."""

    links: dict = field(default_factory=dict)
    scripts: dict = field(default_factory=dict)


def _urls(attribute, value):
    if attribute == "srcset":
        return [part.split()[0] for part in value.split(",") if part.split()]
    return [value.strip()]


class _MarkupParser(HTMLParser):
    """Collects a ``Markup`` while reading HTML (the standard library's parser)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.markup = Markup()
        self.script_text = None

    def handle_starttag(self, tag, attrs):
        markup = self.markup
        attrs = [(name.lower(), value or "") for name, value in attrs]
        for attribute, value in attrs:
            if attribute in LINK_ATTRIBUTES.get(tag, ()) and value.strip():
                for url in _urls(attribute, value):
                    if _SCRIPT_URL.match(url):
                        markup.scripts.setdefault(
                            f"url:{url}", f"<{tag} {attribute}>: {_truncated(url, 160)}"
                        )
                    elif url:
                        markup.links.setdefault(url, f"<{tag} {attribute}>")
            elif attribute.startswith("on"):
                markup.scripts.setdefault(
                    f"on:{tag}:{attribute}:{value}",
                    f"<{tag} {attribute}>: {_truncated(value, 120)}",
                )
        values = dict(attrs)
        refresh = tag == "meta" and "refresh" in values.get("http-equiv", "").lower()
        if refresh and (match := _REFRESH_URL.search(values.get("content", ""))):
            markup.links.setdefault(match[1].strip(), "<meta refresh>")
        if tag == "script":
            if src := values.get("src", "").strip():
                markup.scripts.setdefault(f"src:{src}", f"<script src>: {src}")
            self.script_text = []

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self.script_text = None

    def handle_data(self, data):
        if self.script_text is not None:
            self.script_text.append(data)

    def handle_endtag(self, tag):
        if tag != "script" or self.script_text is None:
            return
        text = "".join(self.script_text).strip()
        self.script_text = None
        if text:
            digest = hashlib.sha256(text.encode()).hexdigest()
            self.markup.scripts.setdefault(
                f"inline:{digest}",
                gettext("inline script (SHA-256 %(digest)s): %(excerpt)s")
                % {
                    "digest": digest[:16],
                    "excerpt": _truncated(" ".join(text.split()), 120),
                },
            )


def markup_of(html):
    """
    Every link target (a, area, link href; iframe, img, script, source …
    src and srcset; form action; meta refresh) and every script (script
    src, inline script text by its SHA-256, event attributes such as
    ``onclick``, ``javascript:`` addresses) of ``html``.
    """
    parser = _MarkupParser()
    parser.feed(html or "")
    parser.close()
    if parser.script_text is not None:
        # An unclosed script runs to the end of the page.
        parser.handle_endtag("script")
    return parser.markup


# -- One page --------------------------------------------------------------------


@dataclass(frozen=True)
class _Baseline:
    """What a live page is checked against."""

    revision: Revision | None
    record: ArchiveRecord | None
    # For a copy (alias): its original, live or not.
    original_id: int | None = None
    original_live: bool = True
    # The revision the page's audit log last recorded going live, or None.
    logged_revision_id: int | None = None


def _positions(text, part):
    at = text.find(part)
    while at != -1:
        yield at
        at = text.find(part, at + 1)


def _same_place(term, first, second):
    """
    Whether two excerpts show ``term`` in the same words: normalised as the
    screening matches (``screening.normalise``), the letters next to the
    term agree on each side as far as both excerpts go (at most
    ``CONTEXT_LETTERS``). "Pemkot Berantas Judi Online" (a title) and
    "… Berita › Pemkot Berantas Judi Online | Media Center" (the page) do;
    "Daftar judi online di sini" does not.
    """
    key = normalise(term)
    a, b = normalise(first), normalise(second)
    if not key or key not in a or key not in b:
        return a == b
    for i in _positions(a, key):
        for j in _positions(b, key):
            before = min(i, j, CONTEXT_LETTERS)
            end_a, end_b = i + len(key), j + len(key)
            after = min(len(a) - end_a, len(b) - end_b, CONTEXT_LETTERS)
            if (
                a[i - before : i] == b[j - before : j]
                and a[end_a : end_a + after] == b[end_b : end_b + after]
            ):
                return True
    return False


def _bare(url):
    """A link target without its query and fragment."""
    return url.split("#", 1)[0].split("?", 1)[0]


@dataclass
class _Context:
    """What every page's check shares within a run."""

    lexicon: object
    archive_since: object
    # False-alarm decisions: {(page id, fingerprint)}; by page id, the
    # (kind, term, text found) of each.
    cleared_fingerprints: frozenset
    cleared_by_page: dict
    # The addresses of the live pages with such decisions and of their
    # copies: {address: {page ids whose decisions count}}.
    cleared_urls: dict
    # Hosts and address prefixes that are the sites' own (docs/integrity.md).
    own_hosts: frozenset
    own_domains: tuple
    file_prefixes: tuple
    # Whether every file is hashed (``--files``), and the files an earlier
    # run found changed, checked again at every run: {(kind, id, name)}.
    files: bool = False
    flagged: frozenset = frozenset()
    hashes: dict = field(default_factory=dict)

    def own_host(self, host):
        host = (host or "").lower().rstrip(".")
        return host in self.own_hosts or any(
            host == domain or host.endswith(f".{domain}") for domain in self.own_domains
        )

    def off_site(self, url):
        """
        Whether the link target ``url`` is on another host than the sites'
        own (their hostnames, the agency's own domains, where media and
        static files are served from). Relative addresses, ``mailto:`` and
        the like are not.
        """
        url = url.strip()
        try:
            parts = urlsplit(url)
            host = parts.hostname
        except ValueError:
            return True
        if not parts.netloc:
            return False
        if any(url.startswith(prefix) for prefix in self.file_prefixes):
            return False
        return not self.own_host(host)

    def static(self, url):
        """Whether ``url`` is a static file of the code (under STATIC_URL)."""
        prefix = settings.STATIC_URL or ""
        if not prefix:
            return False
        url = url.strip()
        if url.startswith(prefix):
            return True
        try:
            parts = urlsplit(url)
            host = parts.hostname
        except ValueError:
            return False
        return (
            prefix.startswith("/")
            and bool(parts.netloc)
            and self.own_host(host)
            and parts.path.startswith(prefix)
        )

    def file_sha256(self, entry):
        """The SHA-256 of the stored file of ``entry`` now, or None if unreadable."""
        key = (entry.get("kind"), entry.get("path"))
        if key not in self.hashes:
            (hashed,) = files_hashed(
                [{"kind": key[0], "id": entry.get("id"), "path": key[1]}]
            )
            self.hashes[key] = None if hashed.get("missing") else hashed["sha256"]
        return self.hashes[key]


# What is said of a page that fails to render: the live page, the revision.
RENDER_FAILED = {
    True: _("The live page could not be rendered: %(error)s"),
    False: _("The published revision could not be rendered: %(error)s"),
}
RENDER_STATUS = {
    True: _("The live page answered with status %(status)s."),
    False: _("The published revision answered with status %(status)s."),
}


def _render(page, result, *, live):
    """The page's HTML, or None (and a problem noted) when it fails to render."""
    try:
        # The site's middleware activates its language for the request; the
        # check's own messages stay in the language they started in.
        with translation.override(translation.get_language()):
            response = page.make_preview_request(preview_mode=page.default_preview_mode)
    except Exception as error:
        logger.exception("Integrity check: page %s could not be rendered", page.pk)
        result.problems.append(
            str(RENDER_FAILED[live]) % {"error": f"{type(error).__name__}: {error}"}
        )
        return None
    if response.status_code != 200:
        result.problems.append(
            str(RENDER_STATUS[live]) % {"status": response.status_code}
        )
        return None
    return response.content.decode(response.charset or "utf-8")


def _approved_object(page, revision, *, alias):
    """The published revision as a page at ``page``'s place in the tree."""
    approved = page.with_content_json(revision.content)
    if alias:
        # A copy keeps its own slug and address, as Wagtail's alias update does.
        approved.slug = page.slug
        approved.url_path = page.url_path
    return approved


def _check_content(page, approved, result, *, alias):
    """The live content against the published revision's; whether it differs."""
    differences = content_differences(
        content_comparable(approved, alias=alias), content_comparable(page, alias=alias)
    )
    for field_name, detail in differences.items():
        result.add(Kind.CONTENT_CHANGED, field_name, detail)
    return bool(differences)


def _check_live_revision(page, baseline, result):
    """
    The revision the page shows as published must be the one its audit log
    last recorded going live: a live revision pointed elsewhere in the
    database (an older approved version, an unapproved draft) is a finding.
    """
    logged = baseline.logged_revision_id
    if logged == page.live_revision_id:
        return
    if logged is None:
        detail = gettext(
            "The page shows revision %(live)s as its published version, but its "
            "audit log records no publication."
        ) % {"live": page.live_revision_id}
    else:
        detail = gettext(
            "The page shows revision %(live)s as its published version, but the "
            "last publication in its audit log is of revision %(logged)s."
        ) % {"live": page.live_revision_id, "logged": logged}
    result.add(Kind.CONTENT_CHANGED, LIVE_REVISION_FIELD, detail)


def _check_archive(baseline, result, context):
    revision, record = baseline.revision, baseline.record
    if record is None:
        since = context.archive_since
        if since is None or revision.created_at >= since:
            result.add(
                Kind.ARCHIVE_MISMATCH,
                "",
                gettext("The published revision (ID %(id)s) has no archive record.")
                % {"id": revision.pk},
            )
        return
    if record.completed_at is not None and not (record.html_snapshot or "").strip():
        # Without it, nothing shows what the page looked like when published.
        result.add(
            Kind.ARCHIVE_MISMATCH,
            HTML_SNAPSHOT_FIELD,
            gettext(
                "The archive record (ID %(id)s) of the published revision has no "
                "HTML snapshot: the public page cannot be compared with the page "
                "as published."
            )
            % {"id": record.pk},
        )
    revision_sha = digests.content_sha256(revision.content)
    record_sha = digests.content_sha256(record.content)
    if record.content_sha256 == revision_sha == record_sha:
        return
    if record.content_sha256 != revision_sha:
        lead = gettext(
            "The published revision no longer matches the checksum in its archive "
            "record (SHA-256 %(revision)s now, %(record)s in the record)."
        ) % {"revision": revision_sha, "record": record.content_sha256}
    else:
        lead = gettext(
            "The archive record's copy of the content no longer matches its "
            "checksum (SHA-256 %(copy)s, %(record)s in the record)."
        ) % {"copy": record_sha, "record": record.content_sha256}
    archived = digests.content_for_digest(record.content)
    published = digests.content_for_digest(revision.content)
    differences = content_differences(archived, published)
    if not differences:
        result.add(Kind.ARCHIVE_MISMATCH, "", lead)
    for field_name, detail in differences.items():
        result.add(Kind.ARCHIVE_MISMATCH, field_name, f"{lead}\n{detail}")


FILE_KINDS = {
    "image": _("image"),
    "document": _("document"),
    "media": _("video or audio file"),
}


def _file_label(entry):
    kind = entry.get("kind", "")
    return gettext("%(kind)s %(id)s “%(title)s” (%(path)s)") % {
        "kind": capfirst(str(FILE_KINDS.get(kind, kind))),
        "id": entry.get("id"),
        "title": entry.get("title", ""),
        "path": entry.get("path", ""),
    }


def _check_files(approved, record, result, context):
    """
    The images, documents and media files the published revision shows
    against those its archive record lists (``ArchiveRecord.files``): the
    same files, each still pointing to the stored file it had, and, with
    ``--files`` (or for a file an earlier run found changed), the stored
    file's SHA-256 still the one recorded.
    """
    archived = {
        (entry.get("kind"), str(entry.get("id"))): entry
        for entry in record.files or []
        if isinstance(entry, dict)
    }
    shown = {(entry["kind"], str(entry["id"])): entry for entry in page_files(approved)}
    for key, entry in archived.items():
        now = shown.get(key)
        if now is None:
            result.add(
                Kind.ARCHIVE_MISMATCH,
                FILES_FIELD,
                gettext(
                    "%(file)s is listed in the archive record but no longer exists."
                )
                % {"file": _file_label(entry)},
            )
            continue
        if now["path"] != entry.get("path"):
            result.add(
                Kind.ARCHIVE_MISMATCH,
                FILES_FIELD,
                gettext(
                    "%(file)s now points to the stored file %(path)s, not to the one "
                    "in the archive record."
                )
                % {"file": _file_label(entry), "path": now["path"]},
            )
            continue
        archived_sha = entry.get("sha256")
        # No checksum: the record is not completed yet, or the file could
        # not be read when it was.
        if not archived_sha:
            continue
        if not context.files and (key[0], key[1], entry.get("path")) not in (
            context.flagged
        ):
            continue
        sha = context.file_sha256(entry)
        file = {"kind": key[0], "id": key[1], "path": entry.get("path")}
        if sha is None:
            detail = gettext(
                "%(file)s: the stored file can no longer be read (SHA-256 "
                "%(record)s in the archive record)."
            ) % {"file": _file_label(entry), "record": archived_sha}
        elif sha != archived_sha:
            detail = gettext(
                "%(file)s: the stored file's content changed (SHA-256 %(now)s now, "
                "%(record)s in the archive record)."
            ) % {"file": _file_label(entry), "now": sha, "record": archived_sha}
        else:
            continue
        result.add(Kind.ARCHIVE_MISMATCH, FILES_FIELD, detail, file=file)
    for key, entry in shown.items():
        if key not in archived:
            result.add(
                Kind.ARCHIVE_MISMATCH,
                FILES_FIELD,
                gettext(
                    "%(file)s is shown by the published revision but not listed in "
                    "its archive record."
                )
                % {"file": _file_label(entry)},
            )


def _check_html(live, approved, snapshot, result, context):
    """
    The links and scripts of the live page (``Markup``) against the
    published revision's, rendered at the same moment; then against the
    archive's ``snapshot`` of the page as published (None for a copy): what
    the templates or the objects the page shows add to every render is in
    both renders, but was not on the page when it was published. Of the
    links, only those to other hosts count there (listings and menus gain
    the site's own links); of the scripts, not the static files of the code
    (a release changes their names).
    """
    for url, where in live.links.items():
        if url not in approved.links:
            result.add(Kind.HTML_LINK, HTML_FIELD, f"{where}: {url}")
    for key, description in live.scripts.items():
        if key not in approved.scripts:
            result.add(Kind.HTML_SCRIPT, HTML_FIELD, description)
    if not snapshot:
        # A copy is covered by its original; an empty snapshot is reported
        # by the archive comparison.
        return
    published = markup_of(snapshot)
    for url, where in live.links.items():
        if (
            url in approved.links
            and url not in published.links
            and context.off_site(url)
        ):
            result.add(
                Kind.HTML_LINK,
                HTML_SNAPSHOT_FIELD,
                gettext("not on the page when it was published: %(link)s")
                % {"link": f"{where}: {url}"},
            )
    for key, description in live.scripts.items():
        if key.startswith("src:") and context.static(key[4:]):
            continue
        if key in approved.scripts and key not in published.scripts:
            result.add(
                Kind.HTML_SCRIPT,
                HTML_SNAPSHOT_FIELD,
                gettext("not on the page when it was published: %(script)s")
                % {"script": description},
            )


def _screening_detail(finding):
    kinds = dict(ScreeningAlarm._meta.get_field("kind").choices)
    return gettext("%(kind)s: %(term)s — %(excerpt)s") % {
        "kind": kinds.get(finding.kind, finding.kind),
        "term": finding.term,
        "excerpt": finding.excerpt,
    }


def _cleared_in_html(finding, owners, context):
    """
    Whether ``finding`` of the public HTML is one a person declared a false
    alarm on one of the pages ``owners``: the same fingerprint, or the same
    kind and term shown in the same words (``_same_place``).
    """
    for owner in owners:
        if (owner, finding.fingerprint(owner)) in context.cleared_fingerprints:
            return True
        for kind, term, excerpt in context.cleared_by_page.get(owner, ()):
            if (
                kind == finding.kind
                and term == finding.term[:FIELD_LENGTH]
                and _same_place(term, excerpt, finding.excerpt)
            ):
                return True
    return False


def _check_screening(page, live_html, live, baseline, result, context):
    """
    Gambling terms and hidden links in the live content and in the public
    HTML (``live_html``, its ``Markup`` ``live``). A finding of the page's
    content that a person declared a false alarm (on the page, or on the
    original of a copy) is not reported again. In the HTML, only the
    decisions on this page (its original) count, and those on the pages it
    links to (a listing shows their titles), for the same term in the same
    words: a decision on one page never hides the term elsewhere. Scripts
    in the HTML are the business of the link and script comparison.
    """
    owner_id = baseline.original_id or page.pk
    for finding in page_findings(page, lexicon=context.lexicon):
        if (owner_id, finding.fingerprint(owner_id)) in context.cleared_fingerprints:
            continue
        result.content_screened = True
        result.add(Kind.SCREENING, finding.field, _screening_detail(finding))
    if live_html is None:
        return
    owners = {owner_id}
    for url in live.links:
        owners |= context.cleared_urls.get(_bare(url), set())
    seen = set()
    for finding in html_findings(
        live_html,
        field=gettext("public page"),
        lexicon=context.lexicon,
        field_key=HTML_FIELD,
    ):
        if finding.kind == "script":
            continue
        if _cleared_in_html(finding, owners, context):
            continue
        # A term the page shows in several places is one finding.
        if (finding.kind, finding.field, finding.term) in seen:
            continue
        seen.add((finding.kind, finding.field, finding.term))
        result.add(Kind.SCREENING, finding.field, _screening_detail(finding))


def page_check(page, baseline, context) -> PageResult:
    """
    Check one live ``page`` (specific) against ``baseline``: its published
    revision (its original's, for a copy), that revision's archive record,
    the publication its audit log recorded last.
    """
    alias = page.alias_of_id is not None
    revision = baseline.revision
    result = PageResult(page=page, revision_id=revision.pk if revision else None)
    if revision is None:
        if not alias:
            detail = gettext("The page is live but has no published revision.")
        elif baseline.original_live:
            detail = gettext(
                "This copy is live but its original (ID %(id)s) has no published "
                "version."
            ) % {"id": baseline.original_id}
        else:
            detail = gettext(
                "This copy is live but its original (ID %(id)s) is not live."
            ) % {"id": baseline.original_id}
        result.add(Kind.CONTENT_CHANGED, "", detail)
        live_html = _render(page, result, live=True)
        live = markup_of(live_html) if live_html is not None else None
        _check_screening(page, live_html, live, baseline, result, context)
        return result
    approved = _approved_object(page, revision, alias=alias)
    changed = _check_content(page, approved, result, alias=alias)
    if not alias:
        _check_live_revision(page, baseline, result)
        _check_archive(baseline, result, context)
        if baseline.record is not None:
            _check_files(approved, baseline.record, result, context)
    live_html = _render(page, result, live=True)
    if live_html is None:
        _check_screening(page, None, None, baseline, result, context)
        return result
    live = markup_of(live_html)
    # Rendered from the same content at the same moment, the published
    # revision shows what the live page shows: only a difference in the
    # content needs its own render.
    approved_markup = live
    if changed:
        approved_html = _render(approved, result, live=False)
        approved_markup = (
            markup_of(approved_html) if approved_html is not None else None
        )
    if approved_markup is not None:
        snapshot = (
            baseline.record.html_snapshot
            if baseline.record is not None and not alias
            else None
        )
        _check_html(live, approved_markup, snapshot, result, context)
    _check_screening(page, live_html, live, baseline, result, context)
    return result


# -- The run ---------------------------------------------------------------------


def _archive_since():
    """When archive records started to be kept (their migration), or None."""
    app, name = ARCHIVE_MIGRATION
    recorder = MigrationRecorder(connection)
    if not recorder.has_table():
        return None
    return (
        recorder.migration_qs.filter(app=app, name=name)
        .values_list("applied", flat=True)
        .first()
    )


def _cleared():
    """
    The false-alarm decisions: ``(fingerprints, by page, addresses)`` (see
    ``_Context``). The addresses are read once per run, for the few pages
    with decisions (their copies included).
    """
    fingerprints, by_page = set(), {}
    for page_id, fingerprint, kind, term, excerpt in (
        ScreeningAlarm.objects.cleared()
        .order_by("pk")
        .values_list("page_id", "fingerprint", "kind", "term", "excerpt")
    ):
        if (page_id, fingerprint) in fingerprints:
            continue
        fingerprints.add((page_id, fingerprint))
        by_page.setdefault(page_id, []).append((kind, term, excerpt))
    urls = {}
    if by_page:
        for page in Page.objects.filter(
            Q(pk__in=list(by_page)) | Q(alias_of_id__in=list(by_page)), live=True
        ):
            parts = page.get_url_parts()
            if parts is None:
                continue
            _site_id, root_url, path = parts
            for url in (f"{root_url}{path}", path):
                urls.setdefault(url, set()).add(page.alias_of_id or page.pk)
    return frozenset(fingerprints), by_page, urls


def _own_hosts():
    """The sites' hostnames and the hosts media files are served from."""
    hosts = {
        hostname.lower() for hostname in Site.objects.values_list("hostname", flat=True)
    }
    for storage in (default_storage, *file_storages().values()):
        try:
            host = urlsplit(storage.url("integrity-check")).hostname
        except Exception:  # noqa: S112 - a storage without addresses has no host
            continue
        if host:
            hosts.add(host.lower())
    return frozenset(hosts)


def _files_flagged():
    """The files an earlier run found changed (kind, id, stored name)."""
    flagged = set()
    for data in PageLogEntry.objects.filter(
        action=INTEGRITY_ACTION, data__has_key="file"
    ).values_list("data", flat=True):
        file = (data or {}).get("file") or {}
        flagged.add((file.get("kind"), str(file.get("id")), file.get("path")))
    return frozenset(flagged)


def _context(*, files=False):
    fingerprints, by_page, urls = _cleared()
    return _Context(
        lexicon=lexicon_active(),
        archive_since=_archive_since(),
        cleared_fingerprints=fingerprints,
        cleared_by_page=by_page,
        cleared_urls=urls,
        own_hosts=_own_hosts(),
        own_domains=tuple(
            domain.lower().strip(".")
            for domain in settings.WARTA_INTEGRITY_OWN_DOMAINS
            if domain.strip(".")
        ),
        file_prefixes=tuple(
            prefix
            for prefix in (settings.MEDIA_URL, settings.STATIC_URL)
            if prefix and "//" in prefix
        ),
        files=files,
        flagged=_files_flagged(),
    )


def live_pages(*, site=None, page_id=None):
    """
    The ids of the live pages to check, in tree order: every live page but
    the tree's root (which no site serves), under ``site``'s root when
    given, or only ``page_id``.
    """
    pages = Page.objects.filter(live=True, depth__gt=1)
    if site is not None:
        pages = pages.descendant_of(site.root_page, inclusive=True)
    if page_id is not None:
        pages = pages.filter(pk=page_id)
    return list(pages.order_by("path").values_list("pk", flat=True))


# What sets a page's live revision, as its audit log records it: a
# publication (by a person, a copy kept live, ``publish_scheduled``), and a
# copy cut loose from its original (its first revision).
LIVE_REVISION_ACTIONS = (*PUBLISH_ACTIONS, "wagtail.convert_alias")


def _logged_revisions(pages):
    """
    {page id: the revision its audit log last recorded going live} of the
    pages of a batch that are not copies, in one query.
    """
    ids = [page.pk for page in pages if page.alias_of_id is None]
    if not ids:
        return {}
    latest = (
        PageLogEntry.objects.filter(
            page_id=OuterRef("pk"), action__in=LIVE_REVISION_ACTIONS
        )
        .order_by("-timestamp", "-pk")
        .values("revision_id")[:1]
    )
    return dict(
        Page.objects.filter(pk__in=ids)
        .annotate(logged_revision=Subquery(latest))
        .values_list("pk", "logged_revision")
    )


def _baselines(pages):
    """The ``_Baseline`` of each page of a batch, in four queries."""
    originals = {
        row[0]: row
        for row in Page.objects.filter(
            pk__in={page.alias_of_id for page in pages if page.alias_of_id}
        ).values_list("pk", "live", "live_revision_id")
    }
    revision_of = {}
    for page in pages:
        if page.alias_of_id is None:
            revision_of[page.pk] = page.live_revision_id
        else:
            _pk, live, revision_id = originals.get(
                page.alias_of_id, (None, False, None)
            )
            revision_of[page.pk] = revision_id if live else None
    revisions = Revision.objects.in_bulk(
        {pk for pk in revision_of.values() if pk is not None}
    )
    records = {}
    for record in (
        ArchiveRecord.objects.filter(revision_id__in=revisions)
        .only(
            "revision_id",
            "content",
            "content_sha256",
            "html_snapshot",
            "files",
            "published_at",
            "completed_at",
        )
        .order_by("revision_id", "published_at", "pk")
    ):
        # The latest publication of a revision counts.
        records[record.revision_id] = record
    logged = _logged_revisions(pages)
    baselines = {}
    for page in pages:
        revision = revisions.get(revision_of[page.pk])
        original = originals.get(page.alias_of_id) if page.alias_of_id else None
        baselines[page.pk] = _Baseline(
            revision=revision,
            record=records.get(revision.pk) if revision else None,
            original_id=page.alias_of_id,
            original_live=bool(original and original[1]),
            logged_revision_id=logged.get(page.pk),
        )
    return baselines


def _finding_key(kind, field_name, detail):
    """A difference as stored (its field cut to the column's length)."""
    return (kind, (field_name or "")[:FIELD_LENGTH], detail)


def _logged_differences(page):
    """
    {difference key: the latest run that logged it} of the differences
    already in ``page``'s audit log.
    """
    logged = {}
    for data in PageLogEntry.objects.filter(
        action=INTEGRITY_ACTION, page_id=page.pk
    ).values_list("data", flat=True):
        data = data or {}
        key = _finding_key(data.get("kind", ""), data.get("field"), data.get("detail"))
        logged[key] = max(logged.get(key, 0), data.get("run") or 0)
    return logged


def _already_logged(run, page, key, logged):
    """
    Whether the difference ``key`` of ``page`` is in its audit log since it
    was last absent: logged by a run (finished or not), and no finished run
    since then that checked the page in full went without it.
    """
    if key not in logged:
        return False
    kind, field_name, detail = key
    same = IntegrityFinding.objects.filter(
        run_id=OuterRef("pk"),
        page_id=page.pk,
        kind=kind,
        field=field_name,
        detail=detail,
    )
    not_checked = IntegrityFinding.objects.filter(
        run_id=OuterRef("pk"), page_id=page.pk, kind=Kind.NOT_CHECKED
    )
    absent_since = (
        IntegrityRun.objects.filter(finished_at__isnull=False, pk__gt=logged[key])
        .exclude(pk=run.pk)
        .exclude(Exists(same))
        .exclude(Exists(not_checked))
    )
    return not absent_since.exists()


def _result_record(run, result):
    """
    Store ``result``'s findings on ``run`` (and, when the page could not be
    checked in full, a finding that says so, for the dashboard); log in the
    page's history each difference not already logged since it was last
    absent.
    """
    page = result.page
    rows = [
        IntegrityFinding(
            run=run,
            page=page,
            revision_id=result.revision_id,
            kind=difference.kind,
            field=difference.field[:FIELD_LENGTH],
            detail=difference.detail,
        )
        for difference in result.differences
    ]
    if result.problems:
        rows.append(
            IntegrityFinding(
                run=run,
                page=page,
                revision_id=result.revision_id,
                kind=Kind.NOT_CHECKED,
                field="",
                detail=_truncated("\n".join(result.problems), DETAIL_LIMIT),
            )
        )
    IntegrityFinding.objects.bulk_create(rows)
    if not result.differences:
        return
    logged = _logged_differences(page)
    for difference in result.differences:
        key = _finding_key(difference.kind, difference.field, difference.detail)
        if _already_logged(run, page, key, logged):
            continue
        data = {
            "run": run.pk,
            "kind": difference.kind,
            "field": difference.field,
            "detail": difference.detail,
        }
        if difference.file:
            data["file"] = difference.file
        log(
            instance=page,
            action=INTEGRITY_ACTION,
            revision_id=(result.revision_id if page.alias_of_id is None else None),
            data=data,
        )


def _alarms_record(page, revision):
    """
    What the screening finds in the published revision itself (a term added
    to the lexicon after it was published) becomes a screening alarm on it,
    stage "in the integrity check": a person with publish rights decides
    whether it is a false alarm, with a reason, and a false alarm is not
    reported again (docs/screening.md).
    """
    from .screening_alarms import revision_screen

    if revision is not None:
        revision_screen(
            page=page, revision=revision, stage=ScreeningAlarm.Stage.INTEGRITY
        )


def _run_start():
    """
    A new run, unless another started less than ``WARTA_INTEGRITY_RUN_TIMEOUT``
    ago has not finished (``IntegrityRunBusy``); an older unfinished run
    stopped without finishing. Of two runs started at once, the first
    created goes on.
    """
    run = IntegrityRun.objects.create(started_at=timezone.now())
    other = (
        IntegrityRun.objects.filter(
            finished_at__isnull=True,
            pk__lt=run.pk,
            started_at__gt=run.started_at - settings.WARTA_INTEGRITY_RUN_TIMEOUT,
        )
        .order_by("-pk")
        .first()
    )
    if other is not None:
        run.delete()
        raise IntegrityRunBusy(other)
    return run


def _page_verify(page, baseline, context, run) -> PageResult:
    """
    Check one page and, in a full run, record what was found. A page that
    cannot be checked (or its result recorded) is noted, with nothing of it
    half-written, and the run goes on.
    """
    try:
        # A savepoint: a database error on one page leaves the connection
        # usable for the next (PostgreSQL).
        with transaction.atomic():
            result = page_check(page, baseline, context)
            if run is not None:
                _result_record(run, result)
                if result.content_screened and page.alias_of_id is None:
                    _alarms_record(page, baseline.revision)
        return result
    except Exception as error:
        # Content the check cannot even read (a StreamField that no longer
        # parses …) is said, and the run goes on.
        logger.exception("Integrity check: page %s could not be checked", page.pk)
        problem = gettext("The page could not be checked: %(error)s") % {
            "error": f"{type(error).__name__}: {error}"
        }
    result = PageResult(
        page=page, revision_id=baseline.revision.pk if baseline.revision else None
    )
    result.problems.append(problem)
    if run is not None:
        _result_record(run, result)
    return result


def integrity_verify(
    *,
    site: Site | None = None,
    page_id: int | None = None,
    record: bool = True,
    files: bool = False,
) -> IntegrityReport:
    """
    Check every live page (under ``site``, or only ``page_id``); with
    ``files``, also the SHA-256 of every stored file the pages show (the
    daily run). With ``record`` (the full run cron makes), the run is
    stored with each of its findings, a page that could not be checked in
    full among them, and each difference not in the page's audit log since
    it was last absent is logged there (``moderation.integrity_difference``);
    the dashboard shows the latest finished run. A full run does not start
    while another started less than ``WARTA_INTEGRITY_RUN_TIMEOUT`` ago has
    not finished (``IntegrityRunBusy``). Without ``record`` (a check of one
    site or page) it only reports. A page that fails to render, or cannot
    be read, is noted and the check goes on with the next.
    """
    context = _context(files=files)
    run = _run_start() if record else None
    report = IntegrityReport(run=run)
    ids = live_pages(site=site, page_id=page_id)
    for start in range(0, len(ids), BATCH):
        batch = list(
            Page.objects.filter(pk__in=ids[start : start + BATCH])
            .order_by("path")
            .specific()
        )
        baselines = _baselines(batch)
        for page in batch:
            result = _page_verify(page, baselines[page.pk], context, run)
            if result.problems:
                report.pages_not_checked += 1
            else:
                report.pages_checked += 1
            if result.differences or result.problems:
                report.results.append(result)
    if run:
        run.finished_at = timezone.now()
        run.pages_checked = report.pages_checked
        run.save(update_fields=["finished_at", "pages_checked"])
    return report
