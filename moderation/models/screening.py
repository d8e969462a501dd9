"""
Content screening: the gambling-spam lexicon, the alarms the screening raises
on a revision (and the person who decided one was a false alarm), and the
runs of the integrity check with what they found.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class LexiconTerm(models.Model):
    """
    A term of the online-gambling spam lexicon, as people write it ("slot
    gacor"); the screening matches it however it is disguised (look-alike
    letters, separators, spacing).
    """

    term = models.CharField(_("term"), max_length=100, unique=True)
    note = models.CharField(
        _("note"),
        max_length=255,
        blank=True,
        help_text=_("Why the term is in the lexicon, or where it was seen."),
    )
    active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Only active terms are looked for."),
    )
    created_at = models.DateTimeField(_("added at"), auto_now_add=True)

    class Meta:
        ordering = ["term"]
        verbose_name = _("lexicon term")
        verbose_name_plural = _("gambling-spam lexicon")

    def __str__(self):
        return self.term


class FindingKind(models.TextChoices):
    TERM = "term", _("gambling term")
    HIDDEN_LINK = "hidden_link", _("hidden link")
    SCRIPT = "script", _("script or embedded code")


class ScreeningAlarmQuerySet(models.QuerySet):
    def open(self):
        return self.filter(cleared_at__isnull=True)

    def cleared(self):
        return self.filter(cleared_at__isnull=False)


class ScreeningAlarm(models.Model):
    """
    One finding of the screening in one revision of a page: a gambling term
    or hidden-link markup, in a named field. An open alarm blocks publishing
    until a person with publish rights records that it is a false alarm,
    with a reason; the decision covers the same finding (same field, term
    and text) in later revisions of the page.
    """

    class Stage(models.TextChoices):
        SUBMIT = "submit", _("on submission")
        APPROVAL = "approval", _("on approval")
        PUBLISH = "publish", _("before publishing")
        INTEGRITY = "integrity", _("in the integrity check")

    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="screening_alarms",
        verbose_name=_("page"),
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("revision"),
    )
    stage = models.CharField(_("found"), max_length=20, choices=Stage.choices)
    kind = models.CharField(_("kind"), max_length=20, choices=FindingKind.choices)
    field = models.CharField(_("field"), max_length=255)
    term = models.CharField(_("term or markup"), max_length=255)
    excerpt = models.TextField(_("text found"), blank=True)
    # The finding itself, independent of the revision: SHA-256 of the page,
    # field, kind, term and normalised text. A false-alarm decision covers
    # every alarm of the page with the same fingerprint.
    fingerprint = models.CharField(_("fingerprint"), max_length=64, db_index=True)
    detected_at = models.DateTimeField(_("detected at"))
    detected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("detected during an action of"),
    )
    cleared_at = models.DateTimeField(_("declared a false alarm at"), null=True)
    cleared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("declared a false alarm by"),
    )
    clear_reason = models.TextField(_("reason"), blank=True)

    objects = ScreeningAlarmQuerySet.as_manager()

    class Meta:
        ordering = ["-detected_at", "pk"]
        verbose_name = _("screening alarm")
        verbose_name_plural = _("screening alarms")
        constraints = [
            models.UniqueConstraint(
                fields=["revision", "fingerprint"],
                name="moderation_screeningalarm_once_per_revision",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.term} ({self.field})"


class IntegrityRun(models.Model):
    """One run of ``verify_integrity`` over every live page."""

    started_at = models.DateTimeField(_("started at"))
    finished_at = models.DateTimeField(_("finished at"), null=True)
    pages_checked = models.PositiveIntegerField(_("pages checked"), default=0)

    class Meta:
        ordering = ["-started_at"]
        get_latest_by = "started_at"
        verbose_name = _("integrity check")
        verbose_name_plural = _("integrity checks")

    def __str__(self):
        return str(self.started_at)


class IntegrityFinding(models.Model):
    """A difference the integrity check found on a live page."""

    class Kind(models.TextChoices):
        CONTENT_CHANGED = (
            "content_changed",
            _("live content differs from the published revision"),
        )
        ARCHIVE_MISMATCH = (
            "archive_mismatch",
            _("published revision differs from its archive record"),
        )
        HTML_LINK = "html_link", _("link on the public page not in the revision")
        HTML_SCRIPT = (
            "html_script",
            _("script on the public page not in the revision"),
        )
        SCREENING = "screening", _("gambling term or hidden link")
        NOT_CHECKED = "not_checked", _("the page could not be checked")

    run = models.ForeignKey(
        IntegrityRun,
        on_delete=models.CASCADE,
        related_name="findings",
        verbose_name=_("integrity check"),
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="integrity_findings",
        verbose_name=_("page"),
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("published revision"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    field = models.CharField(_("field"), max_length=255, blank=True)
    detail = models.TextField(_("difference"))

    class Meta:
        ordering = ["page_id", "kind", "field"]
        verbose_name = _("integrity finding")
        verbose_name_plural = _("integrity findings")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.field}"
