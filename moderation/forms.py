"""Forms of the SOP steps' actions."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.forms import TaskStateCommentForm


class ReturnForCorrectionForm(TaskStateCommentForm):
    """Returning content needs a written reason (the SOP's "dikembalikan untuk diperbaiki")."""

    comment = forms.CharField(
        label=_("Reason for returning"),
        help_text=_("What must be corrected; the writer sees this."),
        widget=forms.Textarea({"rows": 3}),
        error_messages={
            "required": _("Write why the content goes back for correction.")
        },
    )


class ArchiveConfirmForm(forms.Form):
    """The archive step's checklist (SOP step 7): what the archivist confirms."""

    captions_and_credits_checked = forms.BooleanField(
        label=_("Captions and credits are present"),
        help_text=_("Every photo has its caption or alt text and its credit."),
        error_messages={"required": _("Check the captions and credits first.")},
    )
    documents_checked = forms.BooleanField(
        label=_("Supporting documents are attached"),
        help_text=_("The sources and supporting documents of the publication."),
        error_messages={"required": _("Check the supporting documents first.")},
    )
    # As the record's fields (moderation.models.archive), which this module
    # cannot import: the SOP task's form lives here too.
    classification_code = forms.CharField(
        label=_("Archive classification code"),
        max_length=60,
        help_text=_(
            "The code of the agency's archive classification, e.g. 000.9.2 or PR.02.03."
        ),
        error_messages={"required": _("Fill in the archive classification code.")},
    )
    retention_period = forms.CharField(
        label=_("Retention period"),
        max_length=60,
        help_text=_(
            'From the archive retention schedule (JRA), e.g. "2 tahun aktif, 3 '
            'tahun inaktif, musnah" or "permanen".'
        ),
        error_messages={"required": _("Fill in the retention period.")},
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        widget=forms.Textarea({"rows": 2}),
    )
