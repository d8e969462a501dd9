"""
The content screening in the admin (issue 9, point 4): the gambling-spam
lexicon under Settings, a page's screening alarms with the false-alarm
decision, the warnings in the editor, the hold on the editor's and bulk
publishing and on live copies, the admin API without its publishing
actions, and how the audit log words the alarms.
"""

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin import messages
from wagtail.admin.api import views as admin_api_views
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import LogFormatter
from wagtail.models import Page, PageLogEntry, TaskState

from ..models import LexiconTerm, ScreeningAlarm
from ..screening import normalise
from ..screening_alarms import (
    HELD_ACTION,
    alarms_found_message,
    bulk_publish_hold,
    copy_held_message,
    copy_hold,
    finding_label,
    findings_label,
    page_alarms_url,
    publication_hold,
    publish_held_message,
    screening_alarms_clear,
)
from ..selectors import (
    screening_alarms_of_latest,
    screening_alarms_open,
    screening_decide_refusal,
    screening_decisions,
    screening_view_refusal,
)
from ..services import page_keep_draft

# -- The lexicon ---------------------------------------------------------------


class LexiconTermForm(WagtailAdminModelForm):
    """A term of the lexicon, once: not again in other letters, case or spacing."""

    def clean_term(self):
        term = " ".join((self.cleaned_data.get("term") or "").split())
        skeleton = normalise(term)
        if not skeleton:
            raise ValidationError(gettext("Write a term with letters or digits."))
        others = LexiconTerm.objects.values_list("term", flat=True)
        if self.instance.pk is not None:
            others = others.exclude(pk=self.instance.pk)
        for other in others:
            if " ".join(other.split()).casefold() == term.casefold():
                raise ValidationError(
                    gettext("“%(term)s” is already in the lexicon.") % {"term": other}
                )
            if normalise(other) == skeleton:
                raise ValidationError(
                    gettext(
                        "“%(term)s” is already in the lexicon as “%(other)s”: the "
                        "screening reads both the same way."
                    )
                    % {"term": term, "other": other}
                )
        return term


class LexiconTermViewSet(ModelViewSet):
    """
    The gambling-spam lexicon under Settings. A ModelViewSet rather than a
    snippet: a term is configuration, not content to choose in pages, and it
    needs no revisions or drafts. Who may see and change it is Django's
    model permissions (``moderation.*_lexiconterm``), which superusers hold
    and administrators give; no SOP group has them by default.
    """

    model = LexiconTerm
    name = "lexicon_term"
    url_prefix = "screening-lexicon"
    icon = "warning"
    menu_label = _("Gambling-spam lexicon")
    menu_order = 850
    add_to_settings_menu = True
    copy_view_enabled = False
    inspect_view_enabled = False
    search_fields = ["term", "note"]
    search_backend_name = None
    list_filter = ["active"]
    ordering = ["term"]
    list_display = [
        Column("term", label=_("Term"), sort_key="term"),
        Column("note", label=_("Note")),
        BooleanColumn("active", label=_("Active")),
        DateColumn("created_at", label=_("Added")),
    ]
    edit_handler = ObjectList(
        [FieldPanel("term"), FieldPanel("note"), FieldPanel("active")],
        base_form_class=LexiconTermForm,
    )


# -- A page's alarms and the false-alarm decision ------------------------------


class FalseAlarmForm(forms.Form):
    """The findings declared false alarms, and why."""

    findings = forms.MultipleChoiceField(
        label=_("Findings"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose the findings that are false alarms.")},
    )
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Why the content is not gambling spam or a hidden link, for the record."
        ),
        error_messages={"required": _("Write why this is a false alarm.")},
    )

    def __init__(self, *args, alarms=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["findings"].choices = [
            (
                alarm.fingerprint,
                finding_label(kind=alarm.kind, term=alarm.term, field=alarm.field),
            )
            for alarm in alarms
        ]


class PageScreeningView(WagtailAdminTemplateMixin, TemplateView):
    """
    The screening alarms of one page: the open findings (term or markup,
    field, text found, when and at which stage), the decisions taken, and,
    for a person who may decide, the false-alarm form. Who may see it:
    ``selectors.screening_view_refusal``; who may decide:
    ``selectors.screening_decide_refusal``, checked again by the service.
    """

    template_name = "moderation/screening/page_alarms.html"
    header_icon = "warning"

    @cached_property
    def page(self):
        return get_object_or_404(Page, pk=self.kwargs["page_id"]).specific

    @cached_property
    def alarms(self):
        return screening_alarms_open(page_id=self.page.pk)

    def get_page_title(self):
        return gettext("Screening alarms")

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("wagtailadmin_pages:edit", args=(self.page.pk,)),
                "label": self.page.get_admin_display_title(),
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def refused(self, refusal):
        """A clear 403: who may do this, in words."""
        return TemplateResponse(
            self.request,
            self.template_name,
            self.get_context_data(refusal=refusal),
            status=403,
        )

    def dispatch(self, request, *args, **kwargs):
        if refusal := screening_view_refusal(page=self.page, user=request.user):
            return self.refused(refusal)
        return super().dispatch(request, *args, **kwargs)

    def decide_refusal(self, fingerprints):
        return screening_decide_refusal(
            page=self.page, user=self.request.user, fingerprints=fingerprints
        )

    def get(self, request, *args, **kwargs):
        self.after_action_message(request.GET.get("after", ""))
        return super().get(request, *args, **kwargs)

    def after_action_message(self, task_state_id):
        """
        Coming from an approval (``SOPTask.on_action`` sends the reviewer
        here): what became of it, read from the run itself.
        """
        if not task_state_id.isdigit():
            return
        task_state = (
            TaskState.objects.filter(
                pk=task_state_id, workflow_state__object_id=str(self.page.pk)
            )
            .select_related("task")
            .first()
        )
        latest = [
            alarm
            for alarm in self.alarms
            if alarm.revision_id == self.page.latest_revision_id
        ]
        if task_state is None or not latest:
            return
        if task_state.status == TaskState.STATUS_IN_PROGRESS:
            messages.error(
                self.request,
                publish_held_message(
                    title=self.page.get_admin_display_title(), alarms=latest
                ),
            )
        elif task_state.status == TaskState.STATUS_APPROVED:
            messages.warning(
                self.request,
                gettext("You approved “%(step)s”.") % {"step": task_state.task.name}
                + " "
                + alarms_found_message(latest),
            )

    def get_context_data(self, *, form=None, refusal=None, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(page=self.page, refusal=refusal)
        if refusal:
            return context
        alarms = self.alarms
        decide_refusal = self.decide_refusal([alarm.fingerprint for alarm in alarms])
        if form is None and alarms and not decide_refusal:
            form = FalseAlarmForm(
                alarms=alarms,
                initial={"findings": [alarm.fingerprint for alarm in alarms]},
            )
        context.update(
            alarms=[
                {
                    "alarm": alarm,
                    "label": finding_label(
                        kind=alarm.kind, term=alarm.term, field=alarm.field
                    ),
                    "in_latest": alarm.revision_id == self.page.latest_revision_id,
                }
                for alarm in alarms
            ],
            decisions=screening_decisions(page_id=self.page.pk),
            decide_refusal=decide_refusal if alarms else None,
            form=form,
            workflow_task_state=self.page.current_workflow_task_state,
        )
        return context

    def post(self, request, *args, **kwargs):
        posted = request.POST.getlist("findings")
        open_fingerprints = {alarm.fingerprint for alarm in self.alarms}
        if refusal := self.decide_refusal(posted or open_fingerprints):
            return self.refused(refusal)
        if posted and not open_fingerprints.intersection(posted):
            messages.warning(
                request, gettext("Someone else has already decided on these alarms.")
            )
            return redirect(page_alarms_url(self.page.pk))
        form = FalseAlarmForm(request.POST, alarms=self.alarms)
        if not form.is_valid():
            messages.error(
                request, gettext("The decision was not recorded; see below.")
            )
            return self.render_to_response(self.get_context_data(form=form))
        try:
            decided = screening_alarms_clear(
                page=self.page,
                user=request.user,
                reason=form.cleaned_data["reason"],
                fingerprints=form.cleaned_data["findings"],
            )
        except PermissionDenied as refusal:
            return self.refused(str(refusal))
        if not decided:
            messages.warning(
                request, gettext("Someone else has already decided on these alarms.")
            )
        else:
            messages.success(
                request,
                gettext("Recorded as false alarms: %(findings)s. Publishing may go on.")
                % {
                    "findings": findings_label(
                        [
                            alarm
                            for alarm in self.alarms
                            if alarm.fingerprint in form.cleaned_data["findings"]
                        ]
                    )
                },
            )
        return redirect(page_alarms_url(self.page.pk))


# -- In the editor, and on the routes that publish from it ---------------------


def _alarms_button(page):
    return messages.button(page_alarms_url(page.pk), gettext("Screening alarms"))


def editor_alarms_warning(request, page):
    """Whoever opens the editor sees the open alarms of the latest version."""
    if request.method != "GET":
        return
    if alarms := screening_alarms_of_latest(page):
        messages.warning(
            request, alarms_found_message(alarms), buttons=[_alarms_button(page)]
        )


def editor_action_messages(request, page):
    """
    After the editor submitted the page or approved its step: the warning
    naming each finding, or, when the last step's approval was held, why it
    was not published.
    """
    if request.method != "POST":
        return
    post = request.POST
    approving = (
        post.get("action-workflow-action")
        and post.get("workflow-action-name") == "approve"
    )
    submitting = post.get("action-submit") or post.get("action-restart-workflow")
    if not (approving or submitting):
        return
    alarms = screening_alarms_of_latest(page)
    if not alarms:
        return
    task_state = page.current_workflow_task_state if approving else None
    held = (
        task_state is not None
        and PageLogEntry.objects.filter(
            page_id=page.pk,
            action=HELD_ACTION,
            user=request.user,
            revision_id=page.latest_revision_id,
            timestamp__gte=task_state.started_at,
        ).exists()
    )
    if held:
        messages.error(
            request,
            publish_held_message(title=page.get_admin_display_title(), alarms=alarms),
            buttons=[_alarms_button(page)],
        )
    else:
        messages.warning(
            request, alarms_found_message(alarms), buttons=[_alarms_button(page)]
        )


def publish_held_response(request, page):
    """
    The editor's publish button for those who publish directly (superusers):
    the version just saved is screened first, and open alarms keep it a
    draft with a message. Wagtail's edit view publishes through its action
    class rather than ``Page.publish``, so this hook is the guard there.
    """
    revision = page.get_latest_revision()
    if revision is None:
        return None
    alarms = publication_hold(page=page, revision=revision, user=request.user)
    if not alarms:
        return None
    page_keep_draft(page=page)
    messages.error(
        request,
        publish_held_message(title=page.get_admin_display_title(), alarms=alarms),
        buttons=[_alarms_button(page)],
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


def copy_publish_held_response(request, page):
    """
    Copying with "publish copies", or as an alias (superusers only; others
    are refused by ``copies_are_drafts``), makes live pages without
    Wagtail's publishing: what they would make live is screened first
    (``screening_alarms.copy_hold``), and a finding refuses the copy, with
    a message per page held.
    """
    post = request.POST
    if request.method != "POST":
        return None
    alias = bool(post.get("alias"))
    if not (alias or post.get("publish_copies")):
        return None
    held = copy_hold(
        page=page,
        user=request.user,
        title=post.get("new_title", ""),
        slug=post.get("new_slug", ""),
        subpages=bool(post.get("copy_subpages")),
        alias=alias,
    )
    if not held:
        return None
    for held_page, findings in held:
        alarms = [finding for finding in findings if getattr(finding, "pk", None)]
        messages.error(
            request,
            copy_held_message(
                title=held_page.get_admin_display_title(), findings=findings
            ),
            buttons=[_alarms_button(held_page)] if alarms else [],
        )
    return redirect("wagtailadmin_pages:copy", page.pk)


def bulk_publish_held_response(request, action_type, objects, action_class):
    """
    Bulk publish (superusers only): every page it would publish is screened
    first (``screening_alarms.bulk_publish_hold``); one held page stops the
    whole action, with a message per page.
    """
    if action_type != "publish":
        return None
    pages = list(objects)
    form = getattr(action_class, "cleaned_form", None)
    if form is not None and form.cleaned_data.get("include_descendants"):
        for page in objects:
            pages += list(page.get_descendants().not_live().specific())
    held = bulk_publish_hold(pages=pages, user=request.user)
    if not held:
        return None
    for page, alarms in held:
        messages.error(
            request,
            publish_held_message(title=page.get_admin_display_title(), alarms=alarms),
            buttons=[_alarms_button(page)],
        )
    return redirect(action_class.next_url)


# -- Wagtail's admin API -------------------------------------------------------

# The admin API's page actions that would make content live past the SOP and
# the screening.
ADMIN_API_REFUSED_ACTIONS = ("publish", "copy", "create_alias", "convert_alias")


def admin_api_refusal():
    """Why the admin API does not publish, copy or alias pages."""
    return gettext(
        "Pages are published, copied and made aliases in the page editor and the "
        "explorer, where the SOP and the content screening apply, not through the "
        "admin API."
    )


class PagesAdminAPIViewSet(admin_api_views.PagesAdminAPIViewSet):
    """
    Wagtail's admin API for pages, without the actions that make content
    live past the SOP and the screening: ``publish`` (Wagtail's publish
    action, without ``Page.publish`` or the ``before_publish_page`` hooks),
    ``copy`` (live copies by default), ``create_alias`` and
    ``convert_alias``. Wagtail's admin does not call them (its explorer,
    choosers and copy and move views use the listing and their own views);
    what it uses stays: the listing, the detail, and the other actions.
    """

    actions = {
        name: action
        for name, action in admin_api_views.PagesAdminAPIViewSet.actions.items()
        if name not in ADMIN_API_REFUSED_ACTIONS
    }

    def action_view(self, request, pk, action_name):
        if action_name in ADMIN_API_REFUSED_ACTIONS:
            raise PermissionDenied(admin_api_refusal())
        return super().action_view(request, pk, action_name)


# -- The audit log -------------------------------------------------------------


def _logged_finding_label(alarm):
    """A finding as a log entry's data keeps it, named as the messages name it."""
    return finding_label(
        kind=alarm.get("kind"), term=alarm.get("term", ""), field=alarm.get("field", "")
    )


class ScreeningAlarmLogFormatter(LogFormatter):
    label = _("Screening alarm")

    def format_message(self, log_entry):
        alarm = (log_entry.data or {}).get("alarm") or {}
        try:
            stage = ScreeningAlarm.Stage(alarm.get("stage")).label
        except ValueError:
            stage = alarm.get("stage", "")
        return gettext("Screening alarm (%(stage)s): %(finding)s") % {
            "stage": stage,
            "finding": _logged_finding_label(alarm),
        }


class ScreeningClearedLogFormatter(LogFormatter):
    label = _("Screening alarm declared a false alarm")

    def format_message(self, log_entry):
        alarm = (log_entry.data or {}).get("alarm") or {}
        return gettext("Declared a false alarm: %(finding)s") % {
            "finding": _logged_finding_label(alarm)
        }

    def format_comment(self, log_entry):
        return (log_entry.data or {}).get("reason", "")


class ScreeningHeldLogFormatter(LogFormatter):
    label = _("Publishing held by screening alarms")

    def format_message(self, log_entry):
        alarms = (log_entry.data or {}).get("alarms") or []
        return gettext("Publishing held: %(findings)s") % {
            "findings": "; ".join(_logged_finding_label(alarm) for alarm in alarms)
        }
