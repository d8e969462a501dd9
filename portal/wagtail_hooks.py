from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Agency


class AgencyViewSet(SnippetViewSet):
    model = Agency
    icon = "group"
    menu_label = _("Agencies (OPD)")
    list_display = ["name", "abbreviation", "website"]
    search_fields = ["name", "abbreviation"]


register_snippet(AgencyViewSet)
