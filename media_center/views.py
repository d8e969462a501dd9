"""Admin screens of the Media Center's newsroom planning (news SOP steps 1–4)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import View

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import CreateView, EditView, IndexView, InspectView
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.views.reports import ReportView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets.button import ListingButton

import django_filters

from . import services
from .exports import duty_roster_workbook
from .models import (
    AgendaItem,
    Assignment,
    AssignmentState,
    DutyRoster,
    DutyShift,
    NewsPublication,
    Official,
)
from .models.pages import CHOOSE_SITES
from .models.planning import DUPLICATE_ASSIGNMENT
from .selectors import (
    agenda_late_by_month,
    assignments_for_listing,
    duty_roster_grid,
    news_sites_report,
    people_for_assignment,
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class DutyRosterGridView(InspectView):
    """The month at a glance: days × shifts, printable on A4."""

    template_name = "media_center/admin/duty_roster_grid.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["slots"], context["rows"] = duty_roster_grid(roster=self.object)
        return context


class DutyRosterXlsxView(PermissionCheckedMixin, View):
    """The roster as an XLSX file."""

    any_permission_required = ["add", "change", "delete", "view"]

    def get(self, request, pk):
        roster = get_object_or_404(DutyRoster, pk=pk)
        response = HttpResponse(content_type=XLSX)
        response["Content-Disposition"] = (
            f'attachment; filename="jadwal-piket-{roster.month:%Y-%m}.xlsx"'
        )
        duty_roster_workbook(roster=roster).save(response)
        return response


class DutyRosterViewSet(ModelViewSet):
    model = DutyRoster
    icon = "calendar"
    menu_label = _("Duty rosters")
    list_display = ["__str__", "note"]
    inspect_view_enabled = True
    inspect_view_class = DutyRosterGridView

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("xlsx/<int:pk>/", self.xlsx_view, name="xlsx"),
        ]

    @property
    def xlsx_view(self):
        return DutyRosterXlsxView.as_view(permission_policy=self.permission_policy)


class DutyShiftViewSet(ModelViewSet):
    model = DutyShift
    icon = "time"
    menu_label = _("Duty shifts")
    list_display = ["__str__", "roster", "note"]
    list_filter = ["roster", "date"]
    ordering = ["date", "starts_at"]


class OfficialViewSet(ModelViewSet):
    model = Official
    icon = "user"
    menu_label = _("Officials")
    list_display = ["name", "sort_order"]


class AgendaItemIndexView(IndexView):
    """The agenda, with the monthly figure of entries received late (less than H-1)."""

    template_name = "media_center/admin/agenda_index.html"

    def get_base_queryset(self):
        return super().get_base_queryset().prefetch_related("assignments__news")

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.request.user.has_perm("media_center.add_assignment"):
            buttons.insert(
                0,
                ListingButton(
                    _("Assign coverage"),
                    url=reverse("assignment:add") + f"?agenda={instance.pk}",
                    icon_name="user",
                    priority=5,
                ),
            )
        return buttons

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["late_by_month"] = agenda_late_by_month(today=timezone.localdate())
        return context


class AgendaItemEditView(EditView):
    def save_instance(self):
        instance = super().save_instance()
        services.agenda_item_changed(
            item=instance, fields=self.form.changed_data, user=self.request.user
        )
        return instance


class AgendaItemInspectView(InspectView):
    """An agenda item with its assignments and the news that came from them."""

    template_name = "media_center/admin/agenda_item_inspect.html"

    def get_object(self, queryset=None):
        return get_object_or_404(
            AgendaItem.objects.prefetch_related(
                "officials", "assignments__news", "assignments__reporters"
            ),
            pk=self.pk,
        )


class AgendaItemViewSet(ModelViewSet):
    model = AgendaItem
    icon = "date"
    menu_label = _("Leaders' agenda")
    list_display = [
        "activity",
        "date",
        "starts_at",
        "place",
        "status",
        "notice_label",
        Column("coverage", label=_("Assignments and news"), accessor="coverage_label"),
    ]
    list_filter = ["status", "is_public", "officials", "date"]
    search_fields = ["activity", "place", "organiser"]
    ordering = ["-date", "-starts_at"]
    index_view_class = AgendaItemIndexView
    edit_view_class = AgendaItemEditView
    inspect_view_enabled = True
    inspect_view_class = AgendaItemInspectView


class AssignmentCreateView(CreateView):
    """A new assignment, from ``?agenda=<pk>`` pre-filled with the agenda item."""

    def get_initial_form_instance(self):
        agenda_id = self.request.GET.get("agenda", "")
        if agenda_id.isdigit() and (
            item := AgendaItem.objects.filter(pk=agenda_id).first()
        ):
            return Assignment(agenda_item=item, **item.activity_values())
        return Assignment()

    def form_valid(self, form):
        # Two submits at once pass the form's check together; the database's
        # constraint stops the second.
        try:
            with transaction.atomic():
                return super().form_valid(form)
        except IntegrityError:
            form.instance.pk = None
            form.add_error(None, DUPLICATE_ASSIGNMENT)
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)

    def save_instance(self):
        self.form.instance.created_by = self.request.user
        instance = super().save_instance()
        services.assignment_created(assignment=instance, user=self.request.user)
        return instance


class AssignmentEditView(EditView):
    """An assignment changed: the people added to it are told, as on creation."""

    def save_instance(self):
        before = {person.pk for person in self.object.people()}
        instance = super().save_instance()
        added = [person.pk for person in instance.people() if person.pk not in before]
        if added:
            services.assignment_people_added(
                assignment=instance, people=added, user=self.request.user
            )
        return instance


class AssignmentFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label=_("State"), choices=AssignmentState.choices, empty_label=_("All")
    )
    date = django_filters.DateFromToRangeFilter(
        label=_("Date"), widget=DateRangePickerWidget
    )
    person = django_filters.ModelChoiceFilter(
        label=_("Reporter or photographer"),
        queryset=lambda request: people_for_assignment(),
        method="filter_person",
    )

    class Meta:
        model = Assignment
        fields = ["state", "date"]

    def filter_person(self, queryset, name, value):
        return queryset.filter(Q(reporters=value) | Q(photographers=value)).distinct()


class AssignmentIndexView(IndexView):
    def get_base_queryset(self):
        return assignments_for_listing(super().get_base_queryset())


class AssignmentInspectView(InspectView):
    """An assignment: its people, times, news, and what the viewer may do with it."""

    template_name = "media_center/admin/assignment_inspect.html"

    def get_object(self, queryset=None):
        return get_object_or_404(
            assignments_for_listing(Assignment.objects.all()), pk=self.pk
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            services.assignment_actions(
                assignment=self.object,
                filing=services.NewsFiling(self.request.user),
            )
        )
        return context


def _back(request, assignment):
    """Back where the person pressed the button (dashboard or listing), else the assignment."""
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect("assignment:inspect", assignment.pk)


class AssignmentStateView(PermissionCheckedMixin, View):
    """POST: move an assignment to another state by hand (managers, or its own people)."""

    any_permission_required = ["view"]

    def post(self, request, pk):
        assignment = get_object_or_404(Assignment, pk=pk)
        to = request.POST.get("to", "")
        if to not in AssignmentState.values:
            messages.error(request, gettext("Choose one of the assignment's states."))
            return _back(request, assignment)
        try:
            services.assignment_transition(
                assignment_id=assignment.pk,
                expected=request.POST.get("expected", ""),
                to=to,
                user=request.user,
            )
        except services.AssignmentRefused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(
                request,
                gettext("“%(activity)s” is now “%(state)s”.")
                % {"activity": assignment.activity, "state": AssignmentState(to).label},
            )
        return _back(request, assignment)


class AssignmentWriteNewsView(PermissionCheckedMixin, View):
    """POST "Tulis berita": the pre-filled draft, then its editor."""

    any_permission_required = ["view"]

    def post(self, request, pk):
        assignment = get_object_or_404(Assignment, pk=pk)
        try:
            page = services.news_draft_from_assignment(
                assignment_id=assignment.pk, user=request.user
            )
        except services.AssignmentRefused as refusal:
            messages.error(request, str(refusal))
            return _back(request, assignment)
        return redirect("wagtailadmin_pages:edit", page.pk)


class AssignmentViewSet(ModelViewSet):
    model = Assignment
    icon = "clipboard-list"
    menu_label = _("Coverage assignments")
    list_display = [
        "activity",
        "date",
        "starts_at",
        "place",
        Column(
            "people", label=_("Reporters and photographers"), accessor="people_label"
        ),
        "state",
        "filing_label",
        Column("news", label=_("News"), accessor="news"),
    ]
    search_fields = ["activity", "place"]
    ordering = ["-date", "-starts_at"]
    index_view_class = AssignmentIndexView
    add_view_class = AssignmentCreateView
    edit_view_class = AssignmentEditView
    filterset_class = AssignmentFilterSet
    inspect_view_enabled = True
    inspect_view_class = AssignmentInspectView

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("state/<int:pk>/", self.state_view, name="state"),
            path("write/<int:pk>/", self.write_view, name="write"),
        ]

    @property
    def state_view(self):
        return AssignmentStateView.as_view(permission_policy=self.permission_policy)

    @property
    def write_view(self):
        return AssignmentWriteNewsView.as_view(permission_policy=self.permission_policy)


def _publishing_timing(row):
    """A report row's latest publishing step against its standard."""
    if row.publishing_pk is None:
        return "—"
    return NewsPublication(
        step_started_at=row.publishing_step_started_at,
        live_everywhere_at=row.publishing_live_everywhere_at,
        took=row.publishing_took,
        time_standard=row.publishing_time_standard,
    ).timing_summary()


class NewsSitesReportView(ReportView):
    """
    Where each news item is live, since when, who published it, and how long
    its publishing step took to put it on every chosen site (issue 5).
    """

    page_title = _("News on the three sites")
    header_icon = "site"
    index_url_name = "news_sites_report"
    index_results_url_name = "news_sites_report_results"
    list_export = [
        "title",
        "live",
        "media_center_live_since",
        "infopublik_live_since",
        "portal_live_since",
        "published_by",
        "published_by_username",
        "publishing_step_started_at",
        "publishing_live_everywhere_at",
        "publishing_timing",
    ]
    export_headings = {
        "title": _("Title"),
        "live": _("Live on the Media Center"),
        "media_center_live_since": _("On the Media Center since"),
        "infopublik_live_since": _("On Info Publik since"),
        "portal_live_since": _("On the portal since"),
        "published_by": _("Published by"),
        "published_by_username": _("Username"),
        "publishing_step_started_at": _("Publishing step started"),
        "publishing_live_everywhere_at": _("Live on all chosen sites"),
        "publishing_timing": _("Publishing time"),
    }
    columns = [
        TitleColumn(
            "title",
            label=_("Title"),
            url_name="wagtailadmin_pages:edit",
        ),
        DateColumn("media_center_live_since", label=_("On the Media Center since")),
        DateColumn("infopublik_live_since", label=_("On Info Publik since")),
        DateColumn("portal_live_since", label=_("On the portal since")),
        Column("published_by", label=_("Published by")),
        DateColumn(
            "publishing_live_everywhere_at", label=_("Live on all chosen sites")
        ),
        Column(
            "publishing_timing",
            accessor=_publishing_timing,
            label=_("Publishing time"),
        ),
    ]

    def dispatch(self, request, *args, **kwargs):
        # The Media Center team and the operators, who choose the sites.
        if not request.user.has_perm(CHOOSE_SITES):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        return f"berita-tiga-situs-{timezone.localdate():%Y-%m-%d}"

    def get_queryset(self):
        return news_sites_report()

    def to_row_dict(self, item):
        item.publishing_timing = _publishing_timing(item)
        return super().to_row_dict(item)


class NewsroomPlanningViewSetGroup(ModelViewSetGroup):
    menu_label = _("Newsroom planning")
    menu_icon = "calendar-alt"
    menu_order = 250
    items = (
        AgendaItemViewSet,
        AssignmentViewSet,
        OfficialViewSet,
        DutyRosterViewSet,
        DutyShiftViewSet,
    )
