from django.http import Http404
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import InformationType, Section
from .selectors import document_serve_refusal


class SectionViewSet(SnippetViewSet):
    model = Section
    icon = "folder-open-inverse"
    menu_label = _("Sections")
    list_display = ["name"]
    search_fields = ["name"]


register_snippet(SectionViewSet)


class InformationTypeViewSet(SnippetViewSet):
    model = InformationType
    icon = "list-ul"
    menu_label = _("Information types")
    list_display = ["name", "description"]
    search_fields = ["name"]


register_snippet(InformationTypeViewSet)


@hooks.register("before_serve_document")
def withhold_exempt_and_unpublished_documents(document, request):
    """
    The files of exempt information and of reports the public may not see
    are not the public's: a 404, whatever address is guessed.
    """
    if refusal := document_serve_refusal(user=request.user, document=document):
        raise Http404(refusal)


# The register entries needing the Admin Website's attention (issue 6) ------------
# Imports are local so that this block only adds to the module.


@hooks.register("register_admin_urls")
def register_register_review_report_urls():
    from django.urls import path

    from .views import RegisterReviewReportView

    return [
        path(
            "reports/register-review/",
            RegisterReviewReportView.as_view(),
            name="register_review_report",
        ),
        path(
            "reports/register-review/results/",
            RegisterReviewReportView.as_view(results_only=True),
            name="register_review_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_register_review_menu_item():
    from django.urls import reverse

    from .views import RegisterReviewMenuItem

    return RegisterReviewMenuItem(
        _("Public information needing review"),
        reverse("register_review_report"),
        icon_name="warning",
        order=710,
    )


@hooks.register("construct_homepage_panels")
def add_register_review_panel(request, panels):
    from .panels import RegisterReviewPanel
    from .selectors import register_review_summary
    from .views import may_review_register

    if may_review_register(request.user) and (summary := register_review_summary()):
        panels.append(RegisterReviewPanel(summary))
