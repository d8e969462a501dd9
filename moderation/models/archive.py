"""
The archive record of a publication (SOP step 7 of both SOPs): a snapshot
that does not depend on other rows staying alive, and the archive step done
on it.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.timezone import localtime
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .tasks import SOP

# What the archive step fills in, once; what the record's completion (file
# checksums, the HTML snapshot) fills in, once, just after the publication is
# committed. Everything else is written when the record is made and never
# changes.
ARCHIVE_STEP_FIELDS = frozenset(
    {
        "archived_at",
        "archived_by",
        "archived_by_name",
        "archived_by_username",
        "classification_code",
        "retention_period",
        "captions_and_credits_checked",
        "documents_checked",
        "archive_note",
    }
)
COMPLETION_FIELDS = frozenset({"files", "html_snapshot", "completed_at"})


def _refuse_change():
    raise PermissionDenied(
        gettext("An archive record cannot be changed or deleted; it is evidence.")
    )


class ArchiveRecordQuerySet(models.QuerySet):
    """
    Records are written once: ``update()`` sets the archive step only on
    records not yet archived, and the completion only on records not yet
    completed; anything else, and ``delete()``, is refused.
    """

    def update(self, **kwargs):
        fields = set(kwargs)
        if fields <= ARCHIVE_STEP_FIELDS:
            return super(ArchiveRecordQuerySet, self.waiting()).update(**kwargs)
        if fields <= COMPLETION_FIELDS:
            return super(
                ArchiveRecordQuerySet, self.filter(completed_at__isnull=True)
            ).update(**kwargs)
        _refuse_change()

    def delete(self):
        _refuse_change()

    def archived(self):
        return self.filter(archived_at__isnull=False)

    def waiting(self):
        return self.filter(archived_at__isnull=True)


class ArchiveRecord(models.Model):
    """
    One publication of a page, by any route: what went live, where, by whom,
    who wrote, checked and approved it and how long each step took, with
    SHA-256 checksums of the content and of every file it shows. Names are
    kept as text, so that the record stays whole when revisions are purged,
    users leave or the page is deleted.
    """

    class Route(models.TextChoices):
        WORKFLOW = "workflow", _("through the SOP workflow")
        DIRECT = "direct", _("published directly")
        SCHEDULED = "scheduled", _("scheduled publication")

    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        related_name="archive_records",
        verbose_name=_("page"),
    )
    page_title = models.CharField(_("title"), max_length=255)
    page_type = models.CharField(_("page type"), max_length=255)
    section = models.CharField(
        _("section"),
        max_length=255,
        blank=True,
        help_text=_("The section, rubric or unit the content belongs to."),
    )
    sop = models.CharField(_("SOP"), max_length=20, choices=SOP.choices)
    site = models.ForeignKey(
        "wagtailcore.Site",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("site"),
    )
    site_name = models.CharField(_("site (name)"), max_length=255, blank=True)
    sites = models.ManyToManyField(
        "wagtailcore.Site",
        blank=True,
        related_name="+",
        verbose_name=_("sites"),
        help_text=_("Every site it went live on, its copies' sites included."),
    )
    locations = models.JSONField(
        _("addresses"),
        default=list,
        help_text=_("Each site the page went live on and its address there."),
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        on_delete=models.SET_NULL,
        null=True,
        related_name="archive_records",
        verbose_name=_("revision"),
    )
    revision_number = models.PositiveIntegerField(
        _("revision ID"),
        help_text=_("Wagtail's number of the revision, unique across all content."),
    )
    route = models.CharField(_("route"), max_length=20, choices=Route.choices)
    published_at = models.DateTimeField(_("published at"), db_index=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("published by"),
    )
    published_by_name = models.CharField(
        _("published by (name)"), max_length=255, blank=True
    )
    published_by_username = models.CharField(
        _("published by (username)"), max_length=150, blank=True
    )
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("written by"),
    )
    written_by_name = models.CharField(
        _("written by (name)"), max_length=255, blank=True
    )
    written_by_username = models.CharField(
        _("written by (username)"), max_length=150, blank=True
    )
    approval_chain = models.JSONField(
        _("approval chain"),
        default=list,
        help_text=_(
            "The submission and each step of the SOP run that published it: step, "
            "person, action, time, reason, and time taken against the standard."
        ),
    )
    content = models.JSONField(_("content"), help_text=_("The published revision."))
    content_sha256 = models.CharField(_("SHA-256 of the content"), max_length=64)
    files = models.JSONField(
        _("files"),
        default=list,
        help_text=_("Each image, document and media file shown, with its SHA-256."),
    )
    html_snapshot = models.TextField(_("HTML snapshot"), blank=True)
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    completed_at = models.DateTimeField(
        _("checksums and snapshot taken at"), null=True, blank=True
    )

    # The archive step (SOP step 7).
    due_at = models.DateTimeField(_("archive due at"), db_index=True)
    archived_at = models.DateTimeField(_("archived at"), null=True, blank=True)
    archived_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("archived by"),
    )
    archived_by_name = models.CharField(
        _("archived by (name)"), max_length=255, blank=True
    )
    archived_by_username = models.CharField(
        _("archived by (username)"), max_length=150, blank=True
    )
    classification_code = models.CharField(
        _("archive classification code"),
        max_length=60,
        blank=True,
        help_text=_(
            "The code of the agency's archive classification, e.g. 000.9.2 or PR.02.03."
        ),
    )
    retention_period = models.CharField(
        _("retention period"),
        max_length=60,
        blank=True,
        help_text=_(
            'From the archive retention schedule (JRA), e.g. "2 tahun aktif, 3 '
            'tahun inaktif, musnah" or "permanen".'
        ),
    )
    captions_and_credits_checked = models.BooleanField(
        _("captions and credits present"), default=False
    )
    documents_checked = models.BooleanField(_("documents attached"), default=False)
    archive_note = models.TextField(_("note"), blank=True)

    objects = ArchiveRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("archive record")
        verbose_name_plural = _("archive records")
        ordering = ["-published_at", "-pk"]
        indexes = [
            models.Index(fields=["page", "-published_at"]),
            models.Index(fields=["archived_at", "due_at"]),
        ]
        constraints = [
            # One record per publication: a log entry is written once, but a
            # double delivery must not make two.
            models.UniqueConstraint(
                fields=["revision", "published_at"],
                name="moderation_archiverecord_once_per_publication",
            )
        ]

    def __str__(self):
        return gettext("%(title)s, published %(when)s WIB") % {
            "title": self.page_title,
            "when": localtime(self.published_at).strftime("%Y-%m-%d %H:%M"),
        }

    def save(self, *args, **kwargs):
        # Written once; the archive step and the completion go through the
        # queryset's guarded update().
        if self.pk is not None and not self._state.adding:
            _refuse_change()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        _refuse_change()

    def is_overdue(self, now):
        return self.archived_at is None and now > self.due_at


class ArchiveReminder(models.Model):
    """
    A reminder sent about one archive step (due soon, overdue): claimed before
    the email goes out, once per record and threshold, as ``SOPReminder`` is
    for the workflow steps.
    """

    record = models.ForeignKey(
        ArchiveRecord,
        on_delete=models.CASCADE,
        related_name="reminders",
        verbose_name=_("archive record"),
    )
    threshold = models.CharField(_("threshold"), max_length=20)
    sent_at = models.DateTimeField(_("sent at"))

    class Meta:
        verbose_name = _("archive reminder")
        verbose_name_plural = _("archive reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["record", "threshold"],
                name="moderation_archivereminder_once_per_threshold",
            )
        ]

    def __str__(self):
        return f"{self.record_id} {self.threshold}"
