"""Filters of the moderation admin listings."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.models import Site

import django_filters

from .models import SOP, ArchiveRecord
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
