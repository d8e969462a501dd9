"""
Each publication of a news item and the moment it went live on each site
(news SOP step 6): the publishing step's time standard counts from the start
of the step until the news is live on every site chosen for it.
"""

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

MEDIA_CENTER = "media_center"


def site_choices():
    return [(key, site["site_name"]) for key, site in settings.WARTA_SITES.items()]


class NewsPublication(models.Model):
    """
    One publication of a news item, by any route: the revision that went
    live, the sites chosen for it, and, when it went through the news SOP,
    the publishing step it closes (when that step started, its time standard,
    who approved it and when). Written when it happens, never edited after.
    """

    news = models.ForeignKey(
        "media_center.NewsPage",
        on_delete=models.CASCADE,
        related_name="publications",
        verbose_name=_("news"),
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("revision"),
    )
    published_at = models.DateTimeField(_("live on the Media Center at"))
    sites = models.JSONField(
        _("sites chosen"),
        default=list,
        help_text=_("The keys of the sites the news was to go live on."),
    )
    task_state = models.ForeignKey(
        "wagtailcore.TaskState",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("publishing step"),
    )
    step_started_at = models.DateTimeField(
        _("publishing step started at"),
        null=True,
        help_text=_("Empty when the news was published outside the news SOP."),
    )
    time_standard = models.DurationField(_("time standard (mutu baku)"), null=True)
    approved_at = models.DateTimeField(_("publishing step approved at"), null=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("approved by"),
    )
    scheduled_for = models.DateTimeField(
        _("scheduled for"),
        null=True,
        help_text=_("The go-live moment set when the step was approved, if any."),
    )
    live_everywhere_at = models.DateTimeField(
        _("live on all chosen sites at"), null=True
    )
    took = models.DurationField(
        _("publishing took"),
        null=True,
        help_text=_("From the start of the step until live on all chosen sites."),
    )

    class Meta:
        verbose_name = _("news publication")
        verbose_name_plural = _("news publications")
        ordering = ["-published_at", "-pk"]
        indexes = [models.Index(fields=["news", "-published_at"])]

    def __str__(self):
        return f"{self.news_id} @ {self.published_at:%Y-%m-%d %H:%M}"

    @property
    def through_sop(self):
        return self.step_started_at is not None

    @property
    def on_time(self):
        """Whether live everywhere within the step's standard (None: not measured)."""
        if self.took is None or self.time_standard is None:
            return None
        return self.took <= self.time_standard

    @property
    def time_standard_label(self):
        from moderation.models import duration_label

        return duration_label(self.time_standard)

    def pending_sites(self, live_keys):
        """The chosen sites (their keys) not among ``live_keys``."""
        return [key for key in self.sites if key not in live_keys]

    def measure(self, live_at):
        """
        Record the go-lives ``live_at`` ({site key: moment}); once every
        chosen site has one, the moment it was live everywhere and, through
        the SOP, how long the step took.
        """
        if self.pending_sites(live_at):
            self.live_everywhere_at = self.took = None
            return
        self.live_everywhere_at = max(live_at[key] for key in self.sites)
        self.took = (
            max(self.live_everywhere_at - self.step_started_at, datetime.timedelta(0))
            if self.through_sop
            else None
        )

    def timing_summary(self):
        """The timing with the standard it is measured against, for the editor and the report."""
        if self.time_standard is None:
            return self.timing_label()
        return "{} ({})".format(
            self.timing_label(),
            gettext("standard %(standard)s") % {"standard": self.time_standard_label},
        )

    def timing_label(self):
        """
        The publishing step against its standard, as the editor and the
        report show it: "tepat waktu (40 menit)", "terlambat 1 jam 5 menit" …
        """
        from moderation.models import duration_label

        if not self.through_sop:
            return gettext("published outside the news SOP")
        if self.live_everywhere_at is None:
            return gettext("not yet live on every chosen site")
        if self.on_time:
            return gettext("on time (%(took)s)") % {"took": duration_label(self.took)}
        return gettext("late by %(late)s") % {
            "late": duration_label(self.took - self.time_standard)
        }


class NewsSiteLive(models.Model):
    """The moment one publication of a news item went live on one site."""

    publication = models.ForeignKey(
        NewsPublication,
        on_delete=models.CASCADE,
        related_name="sites_live",
        verbose_name=_("publication"),
    )
    site = models.CharField(_("site"), max_length=32, choices=site_choices)
    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("page on that site"),
    )
    live_at = models.DateTimeField(_("live at"))

    class Meta:
        verbose_name = _("news live on a site")
        verbose_name_plural = _("news live on the sites")
        constraints = [
            models.UniqueConstraint(
                fields=["publication", "site"], name="one_go_live_per_site"
            )
        ]

    def __str__(self):
        return f"{self.site} @ {self.live_at:%Y-%m-%d %H:%M}"
