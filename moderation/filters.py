"""Filters of the moderation admin listings."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.models import Site

import django_filters

from .compliance import BREAKDOWN_CHOICES, compliance_steps
from .models import SOP, ArchiveRecord, IntegrityFinding, SOPTask
from .selectors import archive_records_on, archive_records_visible_to


class ArchiveRecordFilterSet(WagtailFilterSet):
    """
    The filters of the publication audit report (and of the archive list):
    the publication date (in local time, both ends included), the site (where it went live, copies
    included), the section and the SOP.
    """

    published_at = django_filters.DateFromToRangeFilter(
        label=_("Published between"), widget=DateRangePickerWidget
    )
    site = django_filters.ModelChoiceFilter(
        label=_("Site"),
        queryset=Site.objects.order_by("site_name", "hostname"),
        empty_label=_("All sites"),
        method="filter_site",
    )
    section = django_filters.ChoiceFilter(
        label=_("Section"), choices=(), empty_label=_("All sections")
    )
    sop = django_filters.ChoiceFilter(
        label=_("SOP"), choices=SOP.choices, empty_label=_("All SOPs")
    )

    class Meta:
        model = ArchiveRecord
        fields = ["published_at", "site", "section", "sop"]

    def filter_site(self, queryset, name, value):
        # A news item live on Info Publik as a copy is Info Publik's too.
        return archive_records_on(queryset, site=value) if value else queryset

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the sections of records the user may read: a writer does not
        # learn the other sections' names from the filter.
        user = getattr(self.request, "user", None)
        sections = (
            archive_records_visible_to(user)
            .exclude(section="")
            .order_by("section")
            .values_list("section", flat=True)
            .distinct()
            if user is not None
            else []
        )
        self.filters["section"].extra["choices"] = [(name, name) for name in sections]


class ArchiveState:
    WAITING = "waiting"
    OVERDUE = "overdue"
    ARCHIVED = "archived"
    CHOICES = (
        (WAITING, _("waiting to be archived")),
        (OVERDUE, _("archive step overdue")),
        (ARCHIVED, _("archived")),
    )


class ArchiveStepFilterSet(ArchiveRecordFilterSet):
    """The archive list's filters: the audit report's, and where the archive step stands."""

    state = django_filters.ChoiceFilter(
        label=_("Archive step"),
        choices=ArchiveState.CHOICES,
        empty_label=_("All"),
        method="filter_state",
    )

    class Meta(ArchiveRecordFilterSet.Meta):
        fields = ["state", *ArchiveRecordFilterSet.Meta.fields]

    def filter_state(self, queryset, name, value):
        if value == ArchiveState.ARCHIVED:
            return queryset.archived()
        if value == ArchiveState.OVERDUE:
            return queryset.waiting().filter(due_at__lt=timezone.now())
        if value == ArchiveState.WAITING:
            return queryset.waiting()
        return queryset


# The years a compliance period may cover: Warta holds nothing from before
# them, and a date far outside them (year 1, year 9999) cannot even be
# turned into the moments the report reads.
COMPLIANCE_YEARS = (2000, 2100)


class ComplianceFilterForm(forms.Form):
    """
    The compliance report's filters: refused are a date outside
    ``COMPLIANCE_YEARS``, a period that ends before it starts, and a step
    of another SOP than the one chosen (which would only give an empty
    report).
    """

    # {step key: SOP} of the measured steps (set by ComplianceFilterSet).
    step_sops = None

    def clean(self):
        cleaned_data = super().clean()
        period = cleaned_data.get("period")
        first, last = COMPLIANCE_YEARS
        ends = [end for end in (period.start, period.stop) if end] if period else []
        if any(not first <= end.year <= last for end in ends):
            self.add_error(
                "period",
                gettext("Choose dates from the year %(first)s to %(last)s.")
                % {"first": first, "last": last},
            )
        elif period and period.start and period.stop and period.start > period.stop:
            self.add_error("period", gettext("The period starts after it ends."))
        sop, step = cleaned_data.get("sop"), cleaned_data.get("step")
        step_sop = (self.step_sops or {}).get(step)
        if sop and step_sop and step_sop != sop:
            self.add_error(
                "step",
                gettext(
                    "This step belongs to another SOP than the one chosen: "
                    "choose all SOPs or a step of this SOP."
                ),
            )
        return cleaned_data


class ComplianceFilterSet(WagtailFilterSet):
    """
    The filters of the SOP compliance report (docs/compliance.md): the
    period (local days, both ends included; this month when empty), the
    site, the SOP, the step, and the breakdown per group or per person.
    The report reads its figures from ``compliance.compliance_rows`` with
    the form's values; the queryset is not filtered.
    """

    period = django_filters.DateFromToRangeFilter(
        label=_("Period"), widget=DateRangePickerWidget, method="filter_nothing"
    )
    site = django_filters.ModelChoiceFilter(
        label=_("Site"),
        queryset=Site.objects.order_by("site_name", "hostname"),
        empty_label=_("All sites"),
        method="filter_nothing",
    )
    sop = django_filters.ChoiceFilter(
        label=_("SOP"),
        choices=SOP.choices,
        empty_label=_("All SOPs"),
        method="filter_nothing",
    )
    step = django_filters.ChoiceFilter(
        label=_("Step"),
        choices=(),
        empty_label=_("All steps"),
        method="filter_nothing",
    )
    breakdown = django_filters.ChoiceFilter(
        label=_("Breakdown"),
        choices=BREAKDOWN_CHOICES,
        empty_label=_("per SOP, step and month"),
        method="filter_nothing",
    )

    class Meta:
        model = SOPTask
        fields = ["period", "site", "sop", "step", "breakdown"]
        form = ComplianceFilterForm

    def __init__(self, *args, steps=None, **kwargs):
        super().__init__(*args, **kwargs)
        steps = compliance_steps() if steps is None else steps
        self.step_sops = {step.key: step.sop for step in steps}
        self.filters["step"].extra["choices"] = [
            (step.key, f"{step.sop_label} · {step.label}") for step in steps
        ]

    def get_form_class(self):
        # The form refuses a step of another SOP: it needs each step's SOP.
        form_class = super().get_form_class()
        return type(form_class.__name__, (form_class,), {"step_sops": self.step_sops})

    def filter_nothing(self, queryset, name, value):
        return queryset


class IntegrityFindingFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(
        label=_("Kind"),
        choices=IntegrityFinding.Kind.choices,
        empty_label=_("All kinds"),
    )

    class Meta:
        model = IntegrityFinding
        fields = ["kind"]
