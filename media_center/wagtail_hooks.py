from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Rubric
from .views import NewsroomPlanningViewSetGroup


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
