"""The Media Center: its pages (home, news index, news) and its newsroom planning (duty roster, leaders' agenda)."""

import datetime
import zoneinfo

from django import forms
from django.conf import settings
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.admin.utils import get_user_display_name
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase

from portal.blocks import BodyStreamBlock
from portal.models import BasePage, ListingMixin


class Rubric(index.Indexed, models.Model):
    """A news category (rubrik): Pemerintahan, Kesehatan, Pendidikan …"""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        help_text=_("Used in addresses, for example ?rubrik=kesehatan."),
    )
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("rubric")
        verbose_name_plural = _("rubrics")

    def __str__(self):
        return self.name


class MediaCenterHomePage(BasePage):
    """The Media Center's home: the newest news and the rubrics."""

    intro = models.TextField(_("welcome text"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["media_center.NewsIndexPage", "portal.StandardPage"]
    max_count = 1

    class Meta:
        verbose_name = _("Media Center home page")

    def get_context(self, request, *args, **kwargs):
        from portal.selectors import child_index_page

        from .selectors import news_latest, rubrics_in_use

        context = super().get_context(request, *args, **kwargs)
        news = news_latest(limit=7, root=self)
        context["headline"] = news[0] if news else None
        context["latest_news"] = news[1:]
        context["rubrics"] = rubrics_in_use()
        context["news_index"] = child_index_page(parent=self, model=NewsIndexPage)
        return context


class NewsIndexPage(ListingMixin, BasePage):
    """All news, newest first, filterable by tag (?tag=) and rubric (?rubrik=)."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["media_center.MediaCenterHomePage"]
    subpage_types = ["media_center.NewsPage"]
    max_count = 1

    class Meta:
        verbose_name = _("news index page")

    @property
    def per_page(self):
        return settings.WARTA_NEWS_PER_PAGE

    def get_context(self, request, *args, **kwargs):
        from .selectors import news_list, rubrics_in_use, tags_in_use

        context = super().get_context(request, *args, **kwargs)
        rubrics = rubrics_in_use()
        rubric = tag = None
        if slug := request.GET.get("rubrik"):
            rubric = next((item for item in rubrics if item["slug"] == slug), None)
            if rubric is None:
                raise Http404(
                    gettext("There is no news in the rubric “%(slug)s”.")
                    % {"slug": slug[:50]}
                )
        if slug := request.GET.get("tag"):
            tag = next((item for item in tags_in_use() if item["slug"] == slug), None)
            if tag is None:
                raise Http404(
                    gettext("There is no news with the tag “%(slug)s”.")
                    % {"slug": slug[:50]}
                )
        context["rubric"] = rubric
        context["tag"] = tag
        context["rubrics"] = rubrics
        context["news"] = self.paginate(
            request, news_list(index=self, rubric=rubric, tag=tag)
        )
        return context


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "media_center.NewsPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


def _person_field(verbose_name, related_name, *, required):
    """A member of staff credited on a news item, shown by name."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose_name,
        null=True,
        blank=not required,
        # People who worked on published news are deactivated, never deleted;
        # should it happen anyway the news stays, without the credit.
        on_delete=models.SET_NULL,
        related_name=related_name,
        limit_choices_to={"is_active": True},
    )


class NewsPage(BasePage):
    """A news item (berita) written by a reporter and edited by the Media Center."""

    lead = models.TextField(
        _("lead"),
        help_text=_(
            "One or two sentences that sum the news up; shown in lists and previews."
        ),
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"))
    main_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("main image"),
        null=True,
        blank=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    main_image_alt = models.CharField(
        _("main image alternative text"),
        max_length=255,
        help_text=_("What the photo shows, for readers who cannot see it."),
    )
    main_image_caption = models.CharField(
        _("main image caption"), max_length=255, blank=True
    )
    main_image_credit = models.CharField(
        _("main image credit"),
        max_length=255,
        blank=True,
        help_text=_("Leave empty to use the credit saved on the image."),
    )
    event_at = models.DateTimeField(
        _("date and time of the event"), null=True, blank=True
    )
    place = models.CharField(
        _("place"),
        max_length=100,
        default="Palangka Raya",
        help_text=_("Opens the dateline: MEDIA CENTER, Palangka Raya –"),
    )
    rubric = models.ForeignKey(
        Rubric,
        verbose_name=_("rubric"),
        null=True,
        blank=False,
        on_delete=models.PROTECT,
        related_name="news",
    )
    tags = ClusterTaggableManager(
        through=NewsPageTag, blank=True, verbose_name=_("tags")
    )
    writer = _person_field(_("writer / reporter"), "news_written", required=True)
    photographer = _person_field(_("photographer"), "news_photographed", required=False)
    editor = _person_field(_("editor"), "news_edited", required=False)
    source_agency = models.ForeignKey(
        "portal.Agency",
        verbose_name=_("source agency (OPD)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news",
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("lead"),
        MultiFieldPanel(
            [
                FieldPanel("main_image"),
                FieldPanel("main_image_alt"),
                FieldRowPanel(
                    [FieldPanel("main_image_caption"), FieldPanel("main_image_credit")]
                ),
            ],
            heading=_("Main image"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("event_at"), FieldPanel("place")]),
                FieldRowPanel([FieldPanel("rubric"), FieldPanel("source_agency")]),
                FieldPanel("tags"),
            ],
            heading=_("Event and classification"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("writer"),
                FieldPanel("photographer"),
                FieldPanel("editor"),
            ],
            heading=_("Credits"),
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
        index.SearchField("place"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.RelatedFields("rubric", [index.SearchField("name")]),
        index.FilterField("rubric"),
    ]

    parent_page_types = ["media_center.NewsIndexPage"]
    subpage_types = []
    route_select_related = (
        "main_image",
        "rubric",
        "writer",
        "photographer",
        "editor",
        "source_agency",
    )

    class Meta:
        verbose_name = _("news")
        verbose_name_plural = _("news")

    @property
    def summary_text(self):
        return self.lead

    def get_social_image(self):
        return self.main_image

    @cached_property
    def main_image_credit_text(self):
        if self.main_image_credit:
            return self.main_image_credit
        return self.main_image.credit if self.main_image else ""

    def get_context(self, request, *args, **kwargs):
        from .selectors import news_related

        context = super().get_context(request, *args, **kwargs)
        context["related_news"] = news_related(news=self, limit=3)
        return context


class DutyRoster(models.Model):
    """
    The Media Center's duty roster (jadwal posko) for one month, news SOP
    step 1: made by the Kasi before the month starts.
    """

    month = models.DateField(
        _("month"),
        unique=True,
        help_text=_("Any day of the month; the roster covers the whole month."),
        error_messages={"unique": _("A roster for this month already exists.")},
    )
    note = models.TextField(_("note"), blank=True)

    panels = [FieldPanel("month"), FieldPanel("note")]

    class Meta:
        ordering = ["-month"]
        verbose_name = _("duty roster")
        verbose_name_plural = _("duty rosters")

    def __str__(self):
        return gettext("Duty roster %(month)s") % {
            "month": date_format(self.month, "F Y")
        }

    def clean(self):
        if self.month:
            self.month = self.month.replace(day=1)

    def contains(self, day):
        return (day.year, day.month) == (self.month.year, self.month.month)

    def days(self):
        """Every day of the roster's month, in order."""
        return [
            self.month + datetime.timedelta(days=offset)
            for offset in range(31)
            if self.contains(self.month + datetime.timedelta(days=offset))
        ]


def month_after(day):
    """The first day of the month after ``day``'s."""
    return (day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)


class DutyShiftForm(WagtailAdminModelForm):
    """A shift with its officers: nobody is on duty twice at the same time."""

    def clean(self):
        cleaned_data = super().clean()
        day, starts_at, ends_at = (
            cleaned_data.get("date"),
            cleaned_data.get("starts_at"),
            cleaned_data.get("ends_at"),
        )
        if not (day and starts_at and ends_at) or "officers" not in self.formsets:
            return cleaned_data
        # ClusterForm cleans its formsets after the form; the officers are needed now.
        officers = self.formsets["officers"]
        officers.is_valid()
        people = []
        for form in officers.forms:
            if not hasattr(form, "cleaned_data") or form.cleaned_data.get("DELETE"):
                continue
            for field in ("person", "substitute"):
                if person := form.cleaned_data.get(field):
                    people.append(person)
        seen = set()
        for person in people:
            if person.pk in seen:
                self.add_error(
                    None,
                    gettext("%(person)s is listed twice in this shift.")
                    % {"person": get_user_display_name(person)},
                )
            seen.add(person.pk)
        clashes = (
            DutyOfficer.objects.filter(
                person__in=people,
                shift__date=day,
                shift__starts_at__lt=ends_at,
                shift__ends_at__gt=starts_at,
            )
            .exclude(shift_id=self.instance.pk)
            .select_related("person", "shift")
        )
        for clash in clashes:
            self.add_error(
                None,
                gettext(
                    "%(person)s is already on duty on %(day)s from %(start)s to "
                    "%(end)s."
                )
                % {
                    "person": get_user_display_name(clash.person),
                    "day": date_format(clash.shift.date, "j F Y"),
                    "start": clash.shift.starts_at.strftime("%H.%M"),
                    "end": clash.shift.ends_at.strftime("%H.%M"),
                },
            )
        return cleaned_data


class DutyShift(ClusterableModel):
    """One shift of a roster day (WIB), with its officers."""

    roster = models.ForeignKey(
        DutyRoster,
        verbose_name=_("duty roster"),
        on_delete=models.CASCADE,
        related_name="shifts",
    )
    date = models.DateField(_("date"))
    starts_at = models.TimeField(_("starts at (WIB)"))
    ends_at = models.TimeField(_("ends at (WIB)"))
    note = models.CharField(_("note"), max_length=255, blank=True)

    base_form_class = DutyShiftForm
    panels = [
        FieldPanel("roster"),
        FieldRowPanel(
            [FieldPanel("date"), FieldPanel("starts_at"), FieldPanel("ends_at")]
        ),
        FieldPanel("note"),
        InlinePanel("officers", min_num=1, label=_("Officers on duty")),
    ]

    class Meta:
        ordering = ["date", "starts_at"]
        verbose_name = _("duty shift")
        verbose_name_plural = _("duty shifts")

    def __str__(self):
        return gettext("%(day)s, %(start)s–%(end)s") % {
            "day": date_format(self.date, "l, j F Y"),
            "start": self.starts_at.strftime("%H.%M"),
            "end": self.ends_at.strftime("%H.%M"),
        }

    def clean(self):
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = gettext("A shift ends after it starts.")
        if self.date and self.roster_id and not self.roster.contains(self.date):
            errors["date"] = gettext(
                "The day is not in the roster's month (%(month)s)."
            ) % {"month": date_format(self.roster.month, "F Y")}
        if errors:
            raise ValidationError(errors)


class Duty(models.TextChoices):
    COORDINATOR = "coordinator", _("coordinator")
    REPORTER = "reporter", _("reporter")
    PHOTOGRAPHER = "photographer", _("photographer")
    WEB_OPERATOR = "web_operator", _("web operator")


class DutyOfficer(Orderable):
    """An officer on duty in a shift, with their duty and an optional substitute."""

    shift = ParentalKey(DutyShift, on_delete=models.CASCADE, related_name="officers")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("officer"),
        on_delete=models.PROTECT,
        related_name="duty_shifts",
        limit_choices_to={"is_active": True},
    )
    duty = models.CharField(_("duty"), max_length=20, choices=Duty.choices)
    substitute = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("substitute"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="duty_substitutions",
        limit_choices_to={"is_active": True},
    )

    panels = [
        FieldRowPanel(
            [FieldPanel("person"), FieldPanel("duty"), FieldPanel("substitute")]
        )
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("officer on duty")
        verbose_name_plural = _("officers on duty")

    def __str__(self):
        """As the roster shows it: "Rina Lestari (reporter), pengganti: Bayu Pratama"."""
        label = f"{get_user_display_name(self.person)} ({self.get_duty_display()})"
        if self.substitute_id:
            label += ", " + gettext("substitute: %(name)s") % {
                "name": get_user_display_name(self.substitute)
            }
        return label


class Official(models.Model):
    """A city leader whose agenda the Media Center covers (Wali Kota, Sekda …)."""

    name = models.CharField(_("name or office"), max_length=100, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [FieldPanel("name"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("official")
        verbose_name_plural = _("officials")

    def __str__(self):
        return self.name


class AgendaStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("scheduled")
    REPRESENTED = "represented", _("represented")
    CANCELLED = "cancelled", _("cancelled")


class AgendaItem(models.Model):
    """
    An activity on the leaders' agenda (news SOP step 2), received a day
    ahead (H-1): entered less than 24 hours before it starts, it is late.
    """

    officials = models.ManyToManyField(
        Official, verbose_name=_("officials"), related_name="agenda_items"
    )
    activity = models.CharField(_("activity"), max_length=255)
    date = models.DateField(_("date"))
    starts_at = models.TimeField(_("starts at (WIB)"))
    ends_at = models.TimeField(_("ends at (WIB)"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=255)
    organiser = models.CharField(_("organiser"), max_length=255, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=AgendaStatus.choices,
        default=AgendaStatus.SCHEDULED,
    )
    represented_by = models.CharField(_("represented by"), max_length=255, blank=True)
    is_public = models.BooleanField(
        _("public"),
        default=True,
        help_text=_("Internal items never appear on the public sites."),
    )
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("entered at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)

    panels = [
        FieldPanel("officials", widget=forms.CheckboxSelectMultiple),
        FieldPanel("activity"),
        FieldRowPanel(
            [FieldPanel("date"), FieldPanel("starts_at"), FieldPanel("ends_at")]
        ),
        FieldRowPanel([FieldPanel("place"), FieldPanel("organiser")]),
        FieldRowPanel([FieldPanel("status"), FieldPanel("represented_by")]),
        FieldPanel("is_public"),
        FieldPanel("notes"),
    ]

    class Meta:
        ordering = ["date", "starts_at"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        indexes = [models.Index(fields=["date", "starts_at"])]

    def __str__(self):
        return self.activity

    def clean(self):
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = gettext("An activity ends after it starts.")
        if self.status == AgendaStatus.REPRESENTED and not self.represented_by:
            errors["represented_by"] = gettext(
                "Say who represents the official at this activity."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def starts(self):
        """The start as an aware moment (WIB)."""
        return datetime.datetime.combine(
            self.date, self.starts_at, tzinfo=zoneinfo.ZoneInfo(settings.TIME_ZONE)
        )

    @property
    def is_late(self):
        """Entered less than a day before it starts (H-1 missed)."""
        return self.created_at is not None and self.created_at > (
            self.starts - AGENDA_NOTICE
        )

    @admin.display(description=_("received"))
    def notice_label(self):
        return gettext("late, less than H-1") if self.is_late else gettext("on time")


AGENDA_NOTICE = datetime.timedelta(hours=24)
