from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import services
from .models import Rubric
from .models.pages import CHOOSE_SITES
from .panels import DutyTodayPanel, MyAssignmentsPanel, RosterDuePanel
from .selectors import (
    assignments_open_for,
    news_copy_is,
    news_copy_refusal,
    roster_missing_next_month,
)
from .views import NewsroomPlanningViewSetGroup, NewsSitesReportView


class RubricViewSet(SnippetViewSet):
    model = Rubric
    icon = "tag"
    menu_label = _("Rubrics")
    menu_order = 200
    add_to_admin_menu = False
    list_display = ["name", "slug"]
    search_fields = ["name"]


register_snippet(RubricViewSet)


@hooks.register("register_admin_viewset")
def register_newsroom_planning():
    return NewsroomPlanningViewSetGroup()


@hooks.register("construct_homepage_panels")
def add_duty_roster_panels(request, panels):
    user = request.user
    if user.has_perm("media_center.add_dutyroster") and (
        month := roster_missing_next_month(today=timezone.localdate())
    ):
        panels.append(RosterDuePanel(month))
    if user.has_perm("media_center.view_dutyshift"):
        panels.append(DutyTodayPanel())


@hooks.register("construct_homepage_panels")
def add_my_assignments_panel(request, panels):
    if assignments := assignments_open_for(user=request.user):
        panels.append(MyAssignmentsPanel(assignments, request.user))


@hooks.register("register_log_actions")
def register_assignment_log_actions(actions):
    actions.register_action(
        services.STATE_ACTION,
        _("Assignment state changed"),
        _("Assignment state changed"),
    )
    actions.register_action(
        services.NEWS_FILED_ACTION,
        _("News draft written from the assignment"),
        _("News draft written from the assignment"),
    )


@hooks.register("register_admin_urls")
def register_news_sites_report_urls():
    return [
        path(
            "reports/news-sites/",
            NewsSitesReportView.as_view(),
            name="news_sites_report",
        ),
        path(
            "reports/news-sites/results/",
            NewsSitesReportView.as_view(results_only=True),
            name="news_sites_report_results",
        ),
    ]


class NewsSitesReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(CHOOSE_SITES)


@hooks.register("register_reports_menu_item")
def register_news_sites_report_menu_item():
    return NewsSitesReportMenuItem(
        _("News on the three sites"),
        reverse("news_sites_report"),
        icon_name="site",
        order=700,
    )


def _copy_refused(request, page):
    messages.error(request, news_copy_refusal())
    return redirect("wagtailadmin_pages:edit", page.alias_of_id)


@hooks.register("before_unpublish_page")
@hooks.register("before_delete_page")
@hooks.register("before_copy_page")
@hooks.register("before_convert_alias_page")
def news_copies_follow_their_original(request, page):
    """A news copy is withdrawn, deleted, copied or cut loose only through its original."""
    if news_copy_is(page):
        return _copy_refused(request, page)
    return None


@hooks.register("before_move_page")
def news_copies_stay_put(request, page, destination):
    if news_copy_is(page):
        return _copy_refused(request, page)
    return None


@hooks.register("before_bulk_action")
def news_copies_not_in_bulk(request, action_type, objects, action_class):
    for page in objects:
        if getattr(page, "alias_of_id", None) and news_copy_is(page):
            return _copy_refused(request, page)
    return None
