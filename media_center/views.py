"""Admin screens of the Media Center's newsroom planning (news SOP steps 1–4)."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views import View

from wagtail.admin.views.generic import InspectView
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from .exports import duty_roster_workbook
from .models import AgendaItem, DutyRoster, DutyShift, Official
from .selectors import duty_roster_grid

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


class AgendaItemViewSet(ModelViewSet):
    model = AgendaItem
    icon = "date"
    menu_label = _("Leaders' agenda")
    list_display = ["activity", "date", "starts_at", "place", "status", "notice_label"]
    list_filter = ["status", "is_public", "officials", "date"]
    search_fields = ["activity", "place", "organiser"]
    ordering = ["-date", "-starts_at"]


class NewsroomPlanningViewSetGroup(ModelViewSetGroup):
    menu_label = _("Newsroom planning")
    menu_icon = "calendar-alt"
    menu_order = 250
    items = (AgendaItemViewSet, OfficialViewSet, DutyRosterViewSet, DutyShiftViewSet)
