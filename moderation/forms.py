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
