"""
The Media Center's newsroom planning, news SOP steps 1–4: the duty roster,
the leaders' agenda and the coverage assignments.
"""

import datetime
import zoneinfo

from django import forms
from django.conf import settings
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.admin.utils import get_user_display_name
from wagtail.models import Orderable

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from .pages import NewsPage


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


class Activity(models.Model):
    """What, when (WIB) and where: the fields an agenda item and an assignment share."""

    activity = models.CharField(_("activity"), max_length=255)
    date = models.DateField(_("date"))
    starts_at = models.TimeField(_("starts at (WIB)"))
    ends_at = models.TimeField(_("ends at (WIB)"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=255)

    FIELDS = ("activity", "date", "starts_at", "ends_at", "place")

    class Meta:
        abstract = True

    def __str__(self):
        return self.activity

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError(
                {"ends_at": gettext("An activity ends after it starts.")}
            )

    @property
    def starts(self):
        """The start as an aware moment (WIB)."""
        return _moment(self.date, self.starts_at)

    @property
    def ends(self):
        """The end as an aware moment (WIB), or None when not known."""
        return _moment(self.date, self.ends_at) if self.ends_at else None

    def activity_values(self):
        """What, when and where, to give to another activity (an assignment)."""
        return {name: getattr(self, name) for name in self.FIELDS}


class AgendaItem(Activity):
    """
    An activity on the leaders' agenda (news SOP step 2), received a day
    ahead (H-1): entered less than 24 hours before it starts, it is late.
    """

    officials = models.ManyToManyField(
        Official, verbose_name=_("officials"), related_name="agenda_items"
    )
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
    # Raised on every change of time, place or status, so that calendars that
    # imported the public feed take the change (iCalendar SEQUENCE).
    sequence = models.PositiveIntegerField(_("changes"), default=0, editable=False)

    # What people assigned to cover the activity are told about when it changes.
    NOTIFIED_FIELDS = ("date", "starts_at", "ends_at", "place", "status")

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

    def clean(self):
        errors = {}
        try:
            super().clean()
        except ValidationError as error:
            errors.update(error.message_dict)
        if self.status == AgendaStatus.REPRESENTED and not self.represented_by:
            errors["represented_by"] = gettext(
                "Say who represents the official at this activity."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def is_late(self):
        """Entered less than a day before it starts (H-1 missed)."""
        return self.created_at is not None and self.created_at > (
            self.starts - AGENDA_NOTICE
        )

    @admin.display(description=_("received"))
    def notice_label(self):
        return gettext("late, less than H-1") if self.is_late else gettext("on time")

    def coverage_label(self):
        """Its assignments and their news, from the prefetched assignments."""
        assignments = list(self.assignments.all())
        if not assignments:
            return "—"
        label = ngettext(
            "%(count)s assignment", "%(count)s assignments", len(assignments)
        ) % {"count": len(assignments)}
        titles = [a.news.title for a in assignments if a.news is not None]
        if titles:
            label += " · " + gettext("news: %(titles)s") % {"titles": "; ".join(titles)}
        return label


AGENDA_NOTICE = datetime.timedelta(hours=24)


def _moment(day, time):
    return datetime.datetime.combine(
        day, time, tzinfo=zoneinfo.ZoneInfo(settings.TIME_ZONE)
    )


class AssignmentState(models.TextChoices):
    ASSIGNED = "assigned", _("assigned")
    COVERED = "covered", _("covered")
    SUBMITTED = "submitted", _("news submitted")
    PUBLISHED = "published", _("published")
    CANCELLED = "cancelled", _("cancelled")


# News SOP step 4: the news is filed within an hour of the event's end.
FILING_STANDARD = datetime.timedelta(hours=1)


DUPLICATE_ASSIGNMENT = _(
    "This activity already has an assignment; open it and add the people there."
)


class AssignmentForm(WagtailAdminModelForm):
    """
    A coverage assignment. Chosen from the agenda, what is left empty is taken
    from the agenda item; the reporters and photographers on duty at that time
    (from the roster) are suggested, and ticked on a new assignment.
    """

    def _duplicate(self, cleaned_data):
        """Another assignment, not cancelled, for the same activity."""
        item = cleaned_data.get("agenda_item")
        others = Assignment.objects.exclude(state=AssignmentState.CANCELLED).exclude(
            pk=self.instance.pk
        )
        if item is not None:
            return others.filter(agenda_item=item).exists()
        values = [cleaned_data.get(name) for name in ("activity", "date", "starts_at")]
        if not all(values):
            return False
        activity, day, start = values
        return others.filter(
            agenda_item=None, activity=activity, date=day, starts_at=start
        ).exists()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from .. import selectors

        for name in Activity.FIELDS:
            self.fields[name].required = False
        agenda = self.fields["agenda_item"]
        agenda.queryset = selectors.agenda_for_assignment(
            current=self.instance.agenda_item_id
        )
        agenda.label_from_instance = _agenda_choice_label
        moment = self._moment()
        reporters, photographers = (
            selectors.duty_suggestions(moment=moment) if moment else ([], [])
        )
        people = selectors.people_for_assignment(
            include=[*reporters, *photographers],
            current=self.instance if self.instance.pk else None,
        )
        for name, suggested in (
            ("reporters", reporters),
            ("photographers", photographers),
        ):
            field = self.fields[name]
            field.queryset = people
            suggested_ids = {person.pk for person in suggested}
            field.label_from_instance = _person_choice_label(suggested_ids)
            if suggested:
                field.help_text = gettext("On duty then (roster): %(names)s.") % {
                    "names": ", ".join(get_user_display_name(p) for p in suggested)
                }
                if not self.is_bound and not self.instance.pk:
                    self.initial[name] = [person.pk for person in suggested]
            elif moment:
                field.help_text = gettext("Nobody is on duty then in the roster.")

    def _moment(self):
        """The time the suggestions are for: the form's, else the instance's."""
        day, start = self.instance.date, self.instance.starts_at
        if self.is_bound:
            try:
                day = self.fields["date"].clean(self.data.get(self.add_prefix("date")))
                start = self.fields["starts_at"].clean(
                    self.data.get(self.add_prefix("starts_at"))
                )
            except ValidationError:
                return None
        if not (day and start):
            return None
        return _moment(day, start)

    def clean(self):
        cleaned_data = super().clean()
        item = cleaned_data.get("agenda_item")
        if self._duplicate(cleaned_data):
            self.add_error(None, DUPLICATE_ASSIGNMENT)
        for name in Activity.FIELDS:
            if item is not None and cleaned_data.get(name) in (None, ""):
                value = getattr(item, name)
                cleaned_data[name] = value
                setattr(self.instance, name, value)
            if (
                name != "ends_at"
                and cleaned_data.get(name) in (None, "")
                and (name not in self.errors)
            ):
                self.add_error(
                    name,
                    gettext("Fill this in, or choose the activity from the agenda."),
                )
        return cleaned_data


def _agenda_choice_label(item):
    return f"{date_format(item.date, 'j M Y')} {item.starts_at:%H.%M} · {item.activity}"


def _person_choice_label(on_duty_ids):
    def label(person):
        name = get_user_display_name(person)
        if person.pk in on_duty_ids:
            return gettext("%(name)s (on duty)") % {"name": name}
        return name

    return label


class Assignment(Activity):
    """
    A coverage assignment (penugasan liputan, news SOP step 3): reporters and
    photographers sent to an agenda activity or to an event off the agenda.
    """

    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assignments",
        help_text=_("Leave empty for coverage that is not on the leaders' agenda."),
    )
    reporters = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reporters"),
        related_name="reporter_assignments",
    )
    photographers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("photographers"),
        blank=True,
        related_name="photographer_assignments",
    )
    notes = models.TextField(_("notes"), blank=True)
    state = models.CharField(
        _("state"),
        max_length=20,
        choices=AssignmentState.choices,
        default=AssignmentState.ASSIGNED,
    )
    news = models.OneToOneField(
        NewsPage,
        verbose_name=_("news"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="assignment",
    )
    submitted_at = models.DateTimeField(
        _("news submitted at"), null=True, editable=False
    )
    published_at = models.DateTimeField(
        _("news published at"), null=True, editable=False
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned by"),
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("assigned at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)

    OPEN_STATES = (AssignmentState.ASSIGNED, AssignmentState.COVERED)

    base_form_class = AssignmentForm
    panels = [
        FieldPanel("agenda_item"),
        FieldPanel("activity"),
        FieldRowPanel(
            [FieldPanel("date"), FieldPanel("starts_at"), FieldPanel("ends_at")]
        ),
        FieldPanel("place"),
        FieldRowPanel(
            [
                FieldPanel("reporters", widget=forms.CheckboxSelectMultiple),
                FieldPanel("photographers", widget=forms.CheckboxSelectMultiple),
            ]
        ),
        FieldPanel("notes"),
    ]

    class Meta:
        ordering = ["-date", "-starts_at"]
        verbose_name = _("coverage assignment")
        verbose_name_plural = _("coverage assignments")
        indexes = [models.Index(fields=["state", "date"])]
        # One live assignment per activity: more people join it, and a double
        # submit of the form makes no second one.
        constraints = [
            models.UniqueConstraint(
                fields=["agenda_item"],
                condition=models.Q(agenda_item__isnull=False)
                & ~models.Q(state="cancelled"),
                name="one_assignment_per_agenda_item",
            ),
            models.UniqueConstraint(
                fields=["activity", "date", "starts_at"],
                condition=models.Q(agenda_item__isnull=True)
                & ~models.Q(state="cancelled"),
                name="one_assignment_per_adhoc_activity",
            ),
        ]

    @property
    def filed_from(self):
        """Filing counts from the end of the event, its start when no end is known."""
        return self.ends or self.starts

    @property
    def filing_due(self):
        """The news is due an hour after the event ends (news SOP step 4)."""
        return self.filed_from + FILING_STANDARD

    def filing_label(self, now=None):
        """
        The filing time against its one-hour standard, as the assignment
        listing shows it: "tepat waktu (40 menit)", "terlambat 1 jam 20 menit" …
        """
        from moderation.models import duration_label

        if self.submitted_at is not None:
            took = max(self.submitted_at - self.filed_from, datetime.timedelta(0))
            if self.submitted_at <= self.filing_due:
                return gettext("on time (%(took)s)") % {"took": duration_label(took)}
            return gettext("late by %(late)s") % {
                "late": duration_label(self.submitted_at - self.filing_due)
            }
        if self.state == AssignmentState.CANCELLED:
            return "—"
        now = now or timezone.now()
        if now > self.filing_due:
            return gettext("late by %(late)s, not submitted yet") % {
                "late": duration_label(now - self.filing_due)
            }
        return gettext("due %(due)s") % {
            "due": date_format(timezone.localtime(self.filing_due), "j M H.i")
        }

    filing_label.short_description = _("filing (1 hour standard)")

    def is_person_assigned(self, user):
        return any(person.pk == user.pk for person in self.people())

    def people_label(self):
        return ", ".join(get_user_display_name(person) for person in self.people())

    def people(self):
        """Reporters, then photographers, each once (prefetched by the listings)."""
        seen, people = set(), []
        for person in [*self.reporters.all(), *self.photographers.all()]:
            if person.pk not in seen:
                seen.add(person.pk)
                people.append(person)
        return people
