"""Admin screens of the Media Center's newsroom planning (news SOP steps 1–4)."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from .models import DutyRoster, DutyShift


class DutyRosterViewSet(ModelViewSet):
    model = DutyRoster
    icon = "calendar"
    menu_label = _("Duty rosters")
    list_display = ["__str__", "note"]
    inspect_view_enabled = True


class DutyShiftViewSet(ModelViewSet):
    model = DutyShift
    icon = "time"
    menu_label = _("Duty shifts")
    list_display = ["__str__", "roster", "note"]
    list_filter = ["roster", "date"]
    ordering = ["date", "starts_at"]


class NewsroomPlanningViewSetGroup(ModelViewSetGroup):
    menu_label = _("Newsroom planning")
    menu_icon = "calendar-alt"
    menu_order = 250
    items = (DutyRosterViewSet, DutyShiftViewSet)
