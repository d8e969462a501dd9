"""
The public register's filters (category, year, information type, unit and
words), read from the address: a value that does not fit is left out with a
notice, and the other filters still apply.
"""

from dataclasses import dataclass, field

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.filters import filter_values
from portal.models import Agency
from portal.selectors import pages_public

from .models import InformationCategory, InformationType
from .selectors import register_pages, register_years


class RegisterFilterForm(forms.Form):
    """The register's filters, as the visitor sets them in the address."""

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    kategori = forms.ChoiceField(
        label=_("Category"),
        required=False,
        choices=[("", _("All categories"))]
        + [(choice.value, choice.label) for choice in InformationCategory.public()],
    )
    tahun = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int)
    jenis = forms.ModelChoiceField(
        label=_("Information type"),
        required=False,
        queryset=InformationType.objects.all(),
        empty_label=_("All types"),
    )
    unit = forms.ModelChoiceField(
        label=_("Unit"),
        required=False,
        queryset=Agency.objects.all(),
        empty_label=_("All units"),
    )

    def __init__(self, *args, index, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tahun"].choices = [("", _("All years"))] + [
            (year, year) for year in register_years(index=index)
        ]
        entries = pages_public(register_pages(index))
        self.fields["jenis"].queryset = InformationType.objects.filter(
            pk__in=entries.values("information_type")
        )
        self.fields["unit"].queryset = Agency.objects.filter(
            pk__in=entries.values("holder")
        )


@dataclass
class RegisterFilter:
    """What the register is narrowed to, and why a value was not used."""

    form: RegisterFilterForm
    category: str = ""
    year: int | None = None
    information_type: InformationType | None = None
    holder: Agency | None = None
    query: str = ""
    notices: list = field(default_factory=list)

    @classmethod
    def from_request(cls, request, *, index):
        """
        The filters of ``request``; a value that is not valid (an unknown
        year, a broken type) is left out with a notice saying so, and the
        rest of the filters still apply.
        """
        from portal.views import search_terms

        form = RegisterFilterForm(request.GET or None, index=index)
        values, notices = filter_values(form)
        return cls(
            form=form,
            category=values.get("kategori") or "",
            year=values.get("tahun") or None,
            information_type=values.get("jenis"),
            holder=values.get("unit"),
            query=search_terms(values.get("q") or ""),
            notices=notices,
        )

    @property
    def is_active(self):
        return bool(
            self.category
            or self.year
            or self.information_type
            or self.holder
            or self.query
        )
