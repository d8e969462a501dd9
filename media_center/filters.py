"""
The multimedia archive's filters (type, year, month, tag and words), read
from the address: a value that does not fit is left out with a notice, and
the other filters still apply.
"""

from dataclasses import dataclass, field

from django import forms
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _

from portal.filters import filter_values

from .models import MultimediaKind
from .selectors import multimedia_tags_in_use, multimedia_years


class ArchiveFilterForm(forms.Form):
    """The archive's filters, as the visitor sets them in the address."""

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    jenis = forms.ChoiceField(
        label=_("Type"),
        required=False,
        choices=[("", _("All types")), *MultimediaKind.choices],
    )
    tahun = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int)
    bulan = forms.TypedChoiceField(
        label=_("Month"),
        required=False,
        coerce=int,
        choices=[("", _("All months")), *MONTHS.items()],
    )
    tag = forms.ChoiceField(label=_("Tag"), required=False)

    def __init__(self, *args, index, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tahun"].choices = [("", _("All years"))] + [
            (year, year) for year in multimedia_years(index=index)
        ]
        self.fields["tag"].choices = [("", _("All tags"))] + [
            (tag["slug"], tag["name"]) for tag in multimedia_tags_in_use(index=index)
        ]

    def archive_filters(self):
        """
        The filters to apply; a value that is not valid (an unknown year or
        tag, a month out of range) is left out with a notice saying so.
        """
        from portal.views import search_terms

        values, notices = filter_values(self)
        tags = dict(self.fields["tag"].choices)
        return ArchiveFilter(
            kind=values.get("jenis") or "",
            year=values.get("tahun") or None,
            month=values.get("bulan") or None,
            tag=values.get("tag") or "",
            tag_name=tags.get(values.get("tag") or "", ""),
            query=search_terms(values.get("q") or ""),
            notices=notices,
        )


@dataclass
class ArchiveFilter:
    """What the archive is narrowed to, and why a value was not used."""

    kind: str = ""
    year: int | None = None
    month: int | None = None
    tag: str = ""
    tag_name: str = ""
    query: str = ""
    notices: list = field(default_factory=list)

    @property
    def is_active(self):
        return bool(self.kind or self.year or self.month or self.tag or self.query)
