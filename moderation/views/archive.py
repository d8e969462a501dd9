"""
The archive records in the admin (SOP step 7): read-only listing and detail,
and the archive confirmation on the detail page.
"""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import HistoryView, IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy

from .. import archiving
from ..filters import ArchiveStepFilterSet
from ..forms import ArchiveConfirmForm
from ..models import ArchiveRecord
from ..selectors import (
    archive_checklist_facts,
    archive_records_visible_to,
    archive_refusal,
)
from .audit import chain_steps


class ArchiveRecordPermissionPolicy(BasePermissionPolicy):
    """
    Everyone in the admin reads the records visible to them
    (``archive_records_visible_to``); nobody adds, changes or deletes one —
    a record is evidence. The archive step has its own check
    (``archive_refusal``).
    """

    def _may_read(self, user):
        return (
            user.is_active
            and user.is_authenticated
            and user.has_perm("wagtailadmin.access_admin")
        )

    def user_has_permission(self, user, action):
        return action == "view" and self._may_read(user)

    def user_has_any_permission(self, user, actions):
        return "view" in actions and self._may_read(user)

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return get_user_model().objects.none()
        access = Permission.objects.filter(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
        return (
            get_user_model()
            .objects.filter(
                Q(is_superuser=True)
                | Q(user_permissions__in=access)
                | Q(groups__permissions__in=access),
                is_active=True,
            )
            .distinct()
        )

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])

    def user_has_permission_for_instance(self, user, action, instance):
        return (
            self.user_has_permission(user, action)
            and archive_records_visible_to(user).filter(pk=instance.pk).exists()
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return ArchiveRecord.objects.none()
        return archive_records_visible_to(user)


class ArchiveRecordIndexView(IndexView):
    def get_base_queryset(self):
        return archive_records_visible_to(self.request.user).defer(
            "content", "html_snapshot"
        )


class ArchiveRecordHistoryView(HistoryView):
    """The audit log of one record (its archive step), for those who may read it."""

    any_permission_required = ["view"]
    header_buttons = []

    def get_base_object_queryset(self):
        return archive_records_visible_to(self.request.user)


class ArchiveRecordInspectView(InspectView):
    """
    One publication as the archive keeps it: where and when it went live, who
    wrote, checked, approved and published it, the checksums; and, for the
    archive groups, the archive step's checklist.
    """

    template_name = "moderation/archive/inspect.html"
    fields = [
        "page_title",
        "page_type",
        "section",
        "site_name",
        "sop",
        "route",
        "revision_number",
        "published_at",
        "published_by_name",
        "written_by_name",
        "content_sha256",
        "due_at",
    ]

    def get_object(self, queryset=None):
        return get_object_or_404(
            archive_records_visible_to(self.request.user), pk=self.pk
        )

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        record = self.object
        refusal = archive_refusal(record=record, user=self.request.user)
        context.update(
            chain=chain_steps(record),
            checklist=archive_checklist_facts(record),
            form=None if refusal else (form or ArchiveConfirmForm()),
            overdue=record.is_overdue(timezone.now()),
            package_url=reverse("moderation_archive_package", args=(record.pk,)),
        )
        return context

    def post(self, request, *args, **kwargs):
        form = ArchiveConfirmForm(request.POST)
        if not form.is_valid():
            messages.error(request, gettext("The archive step was not saved."))
            return self.render_to_response(self.get_context_data(form=form))
        try:
            record = archiving.archive_confirm(
                record_id=self.object.pk,
                user=request.user,
                classification_code=form.cleaned_data["classification_code"],
                retention_period=form.cleaned_data["retention_period"],
                captions_and_credits_checked=True,
                documents_checked=True,
                note=form.cleaned_data["note"],
            )
        except PermissionDenied as refusal:
            messages.error(request, str(refusal))
        else:
            if record is None:
                messages.warning(
                    request, gettext("Someone else has already archived it.")
                )
            else:
                messages.success(
                    request,
                    gettext("'%(title)s' is archived.") % {"title": record.page_title},
                )
        return redirect("archive_record:inspect", self.object.pk)


class ArchiveRecordViewSet(ModelViewSet):
    model = ArchiveRecord
    name = "archive_record"
    url_prefix = "archive-records"
    icon = "folder-inverse"
    menu_label = _("Archive (SOP step 7)")
    menu_order = 290
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = ArchiveRecordIndexView
    inspect_view_class = ArchiveRecordInspectView
    history_view_class = ArchiveRecordHistoryView
    filterset_class = ArchiveStepFilterSet
    search_fields = ["page_title", "section", "published_by_name", "written_by_name"]
    search_backend_name = None
    ordering = ["-published_at", "-pk"]
    list_display = [
        Column("page_title", label=_("Title"), accessor="page_title"),
        Column("site_name", label=_("Site"), accessor="site_name"),
        DateColumn("published_at", label=_("Published")),
        Column("published_by_name", label=_("Published by")),
        DateColumn("due_at", label=_("Archive due")),
        DateColumn("archived_at", label=_("Archived")),
        Column("archived_by_name", label=_("Archived by")),
    ]

    def get_common_view_kwargs(self, **kwargs):
        # Where Wagtail's views link to a record's edit view, they link to
        # the record itself.
        return super().get_common_view_kwargs(
            **{
                "edit_url_name": self.get_url_name("inspect"),
                "add_url_name": None,
                "delete_url_name": None,
                **kwargs,
            }
        )

    def get_urlpatterns(self):
        # No add, edit or delete views at all: a record is evidence.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("history/<int:pk>/", self.history_view, name="history"),
            path(
                "history-results/<int:pk>/",
                self.history_results_view,
                name="history_results",
            ),
        ]

    def get_permissions_to_register(self):
        # The policy above decides; group permissions on records would mislead.
        return Permission.objects.none()
