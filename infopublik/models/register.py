"""
The register of public information under UU 14/2008 (Daftar Informasi
Publik, DIP): each report or document is a page on Info Publik, with the
register's columns fixed by Peraturan Komisi Informasi Nomor 1 Tahun 2021.
The register index lists them, the DIP is generated from them, and exempt
information shows only what the law allows.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents import get_document_model_string
from wagtail.models import Orderable
from wagtail.search import index

from dateutil.relativedelta import relativedelta
from modelcluster.fields import ParentalKey

from portal.models import BasePage, ListingMixin

# Periodic information is published again at least every six months
# (UU 14/2008 Pasal 9 ayat 4); older than this, it is stale.
PERIODIC_FRESHNESS = relativedelta(months=6)


class InformationCategory(models.TextChoices):
    """The four kinds of public information of UU 14/2008."""

    PERIODIC = "berkala", _("Periodic information (berkala)")
    IMMEDIATE = "serta_merta", _("Immediate information (serta merta)")
    ON_REQUEST = "setiap_saat", _("Information available at any time (setiap saat)")
    EXEMPT = "dikecualikan", _("Exempt information (dikecualikan)")

    @classmethod
    def public(cls):
        """The categories of the DIP: every one but the exempt."""
        return [choice for choice in cls if choice != cls.EXEMPT]


class InformationForm(models.TextChoices):
    """In which form the information is available (bentuk informasi)."""

    PRINTED = "tercetak", _("Printed (hardcopy)")
    DIGITAL = "digital", _("Digital (softcopy)")
    BOTH = "keduanya", _("Printed and digital")


class ExemptionBasis(models.TextChoices):
    """UU 14/2008 Pasal 17: why information may be withheld from the public."""

    LAW_ENFORCEMENT = "17a", _("Article 17(a): would obstruct law enforcement")
    INTELLECTUAL_PROPERTY = (
        "17b",
        _("Article 17(b): would harm intellectual property or fair competition"),
    )
    DEFENCE = "17c", _("Article 17(c): would endanger national defence and security")
    NATURAL_RESOURCES = (
        "17d",
        _("Article 17(d): would reveal Indonesia's natural wealth"),
    )
    ECONOMY = "17e", _("Article 17(e): would harm national economic resilience")
    FOREIGN_RELATIONS = "17f", _("Article 17(f): would harm foreign relations")
    WILLS = (
        "17g",
        _(
            "Article 17(g): would reveal private authentic deeds or a person's last will"
        ),
    )
    PRIVACY = "17h", _("Article 17(h): would reveal personal secrets")
    INTERNAL_MEMORANDA = (
        "17i",
        _(
            "Article 17(i): memoranda or letters between or within public bodies "
            "that are confidential by nature"
        ),
    )
    OTHER_LAW = "17j", _("Article 17(j): may not be disclosed under another law")


class InformationType(index.Indexed, models.Model):
    """
    A type of public information (LKjIP, LPPD, APBD, SOP …): an editable
    list, so the PPID adds the types the agency publishes.
    """

    name = models.CharField(_("name"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("information type")
        verbose_name_plural = _("information types")

    def __str__(self):
        return self.name


class RegisterIndexPage(RoutablePageMixin, ListingMixin, BasePage):
    """
    The register of public information on Info Publik: the reports and
    documents by category, with filters and search; the DIP of a year as a
    table, a spreadsheet and a printable page; and the list of exempt
    information.
    """

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["infopublik.InfoPublikHomePage"]
    subpage_types = ["infopublik.ReportPage"]
    max_count = 1
    per_page = 20

    class Meta:
        verbose_name = _("public information register")

    @path("")
    def register(self, request):
        from ..filters import RegisterFilter
        from ..selectors import register_entries

        filters = RegisterFilter.from_request(request, index=self)
        entries = register_entries(index=self, filters=filters)
        return self.render(
            request,
            context_overrides={
                "filters": filters,
                "entries": self.paginate(request, entries),
            },
        )

    @path("dip/")
    def dip(self, request):
        from ..selectors import dip_table

        table = dip_table(index=self, year=self._dip_year(request))
        return self.render(
            request,
            template="infopublik/dip_page.html",
            context_overrides={"table": table},
        )

    @path("dip/unduh/")
    def dip_download(self, request):
        from ..exports import dip_workbook
        from ..selectors import dip_table

        table = dip_table(index=self, year=self._dip_year(request))
        response = HttpResponse(
            content_type=(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            )
        )
        response["Content-Disposition"] = (
            f'attachment; filename="daftar-informasi-publik-{table.year}.xlsx"'
        )
        dip_workbook(table=table).save(response)
        return response

    @path("dikecualikan/")
    def exempt(self, request):
        from ..selectors import exempt_entries

        return self.render(
            request,
            template="infopublik/exempt_list_page.html",
            context_overrides={
                "entries": self.paginate(request, exempt_entries(index=self))
            },
        )

    def _dip_year(self, request):
        """The year asked for by ``?tahun=``, else the newest year in the register."""
        from ..selectors import register_years

        raw = request.GET.get("tahun", "")
        if not raw:
            years = register_years(index=self)
            return years[0] if years else timezone.localdate().year
        try:
            return int(raw)
        except ValueError as error:
            raise Http404(
                gettext("“%(value)s” is not a year.") % {"value": raw[:10]}
            ) from error

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        if self.live:
            for route in ("dip/", "dikecualikan/"):
                urls.append({"location": self.get_full_url(request) + route})
        return urls


class ReportPage(BasePage):
    """
    A report or document of public information (laporan / dokumen informasi
    publik): one entry of the register, with the DIP's columns, its files
    and, when it is exempt, the legal basis and consequence of disclosure.
    """

    summary = models.TextField(
        _("summary of the information"),
        help_text=_("Ringkasan isi informasi: what the information is about."),
    )
    category = models.CharField(
        _("category"),
        max_length=20,
        choices=InformationCategory.choices,
        default=InformationCategory.PERIODIC,
    )
    information_type = models.ForeignKey(
        InformationType,
        verbose_name=_("information type"),
        null=True,
        blank=False,
        on_delete=models.PROTECT,
        related_name="reports",
    )
    year = models.PositiveSmallIntegerField(
        _("year"),
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
        help_text=_("The year the information is about; the DIP is made per year."),
    )
    period = models.CharField(
        _("period"),
        max_length=60,
        blank=True,
        help_text=_('For periodic information: "Semester I", "Triwulan III" …'),
    )
    holder = models.ForeignKey(
        "portal.Agency",
        verbose_name=_("unit holding the information"),
        null=True,
        blank=False,
        on_delete=models.PROTECT,
        related_name="reports",
    )
    holder_official = models.CharField(
        _("official holding the information"),
        max_length=255,
        blank=True,
        help_text=_('The office in that unit, e.g. "Sekretaris Dinas".'),
    )
    responsible = models.CharField(
        _("responsible for producing or publishing"),
        max_length=255,
        help_text=_("Penanggung jawab pembuatan atau penerbitan informasi."),
    )
    made_on = models.DateField(_("made on"))
    made_in = models.CharField(_("made in"), max_length=120, default="Palangka Raya")
    form = models.CharField(
        _("form of the information"),
        max_length=20,
        choices=InformationForm.choices,
        default=InformationForm.BOTH,
    )
    retention = models.CharField(
        _("retention period"),
        max_length=120,
        help_text=_('Jangka waktu penyimpanan: "5 tahun", "selama berlaku" …'),
    )
    legal_basis = models.CharField(
        _("legal basis of the exemption"),
        max_length=3,
        choices=ExemptionBasis.choices,
        blank=True,
    )
    consequence = models.TextField(
        _("consequence of disclosure"),
        blank=True,
        help_text=_("Uji konsekuensi: the harm that disclosure would cause."),
    )
    exemption_period = models.CharField(
        _("exemption period"), max_length=120, blank=True
    )
    exemption_ends_on = models.DateField(_("exemption ends on"), null=True, blank=True)
    supersedes = models.ForeignKey(
        "self",
        verbose_name=_("replaces the edition"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="newer_editions",
        help_text=_(
            "For periodic information: the earlier edition this one replaces "
            "(last semester's report). That one stays in the register, no "
            "longer flagged for updating once this one is live."
        ),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("category"), FieldPanel("information_type")]),
        FieldRowPanel([FieldPanel("year"), FieldPanel("period")]),
        FieldPanel("supersedes"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("holder"), FieldPanel("holder_official")]),
                FieldPanel("responsible"),
                FieldRowPanel([FieldPanel("made_on"), FieldPanel("made_in")]),
                FieldRowPanel([FieldPanel("form"), FieldPanel("retention")]),
            ],
            heading=_("Register (DIP) columns"),
        ),
        InlinePanel("documents", heading=_("Documents"), label=_("Document")),
        MultiFieldPanel(
            [
                FieldPanel("legal_basis"),
                FieldPanel("consequence"),
                FieldRowPanel(
                    [FieldPanel("exemption_period"), FieldPanel("exemption_ends_on")]
                ),
            ],
            heading=_("Exemption"),
            help_text=_(
                "Only for exempt information: the public sees the title, the "
                "legal basis, the consequence and the period, never the documents."
            ),
        ),
        InlinePanel("related_news", heading=_("Related news"), label=_("News")),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("public_summary"),
        index.RelatedFields("information_type", [index.SearchField("name")]),
        index.RelatedFields("holder", [index.SearchField("name")]),
        index.FilterField("category"),
        index.FilterField("year"),
        index.FilterField("information_type"),
        index.FilterField("holder"),
    ]

    parent_page_types = ["infopublik.RegisterIndexPage"]
    subpage_types = []
    route_select_related = ("information_type", "holder")

    EXEMPTION_FIELDS = (
        "legal_basis",
        "consequence",
        "exemption_period",
        "exemption_ends_on",
    )

    class Meta:
        verbose_name = _("report or document")
        verbose_name_plural = _("reports and documents")
        indexes = [models.Index(fields=["category", "year"])]

    @property
    def is_exempt(self):
        return self.category == InformationCategory.EXEMPT

    @property
    def public_summary(self):
        """The summary, which the public does not see of exempt information."""
        return "" if self.is_exempt else self.summary

    @property
    def summary_text(self):
        return self.public_summary

    @property
    def holder_label(self):
        """The DIP's "pejabat/unit yang menguasai informasi"."""
        return ", ".join(
            part for part in (self.holder_official, str(self.holder or "")) if part
        )

    @property
    def made_label(self):
        """The DIP's "waktu dan tempat pembuatan informasi"."""
        return f"{date_format(self.made_on, 'j F Y')}, {self.made_in}"

    def get_context(self, request, *args, **kwargs):
        from ..selectors import report_files, report_related_news

        context = super().get_context(request, *args, **kwargs)
        if not self.is_exempt:
            context["files"] = report_files(page=self)
            context["related_news"] = report_related_news(page=self)
        return context

    def clean(self):
        super().clean()
        errors = {}
        required = gettext("Required for exempt information.")
        if self.is_exempt:
            for field in self.EXEMPTION_FIELDS:
                if not getattr(self, field):
                    errors[field] = required
            if (
                self.exemption_ends_on
                and self.made_on
                and self.exemption_ends_on <= self.made_on
            ):
                errors["exemption_ends_on"] = gettext(
                    "The exemption must end after the information was made."
                )
        else:
            for field in self.EXEMPTION_FIELDS:
                if getattr(self, field):
                    errors[field] = gettext(
                        "Only for exempt information: clear this field or choose "
                        "the category “Exempt information”."
                    )
        if self.category == InformationCategory.PERIODIC and not self.period.strip():
            errors["period"] = gettext(
                'Periodic information needs its period, e.g. "Semester I".'
            )
        if self.supersedes_id is not None and (
            self.supersedes_id == self.pk
            or self.category != InformationCategory.PERIODIC
            or self.supersedes.category != InformationCategory.PERIODIC
        ):
            errors["supersedes"] = gettext(
                "A periodic entry replaces another periodic entry only."
            )
        if errors:
            raise ValidationError(errors)


class ReportDocument(Orderable):
    """A file of a report page, with the title the public sees."""

    page = ParentalKey(ReportPage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField(_("title"), max_length=255)

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self):
        return self.title


class ReportRelatedNews(Orderable):
    """A news item about a report (its launch, its hearing …)."""

    page = ParentalKey(
        ReportPage, on_delete=models.CASCADE, related_name="related_news"
    )
    news = models.ForeignKey(
        "media_center.NewsPage",
        verbose_name=_("news"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("news")]

    class Meta(Orderable.Meta):
        verbose_name = _("related news")
        verbose_name_plural = _("related news")


class ExemptFile(models.Model):
    """
    A document that was a file of exempt information in some version of a
    report page (UU 14/2008 Pasal 17): kept from the public even after it
    left the page or the page was deleted, until a live, public, non-exempt
    report offers it again.
    """

    document = models.OneToOneField(
        get_document_model_string(),
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    marked_at = models.DateTimeField(_("marked at"), auto_now_add=True)

    class Meta:
        verbose_name = _("file of exempt information")
        verbose_name_plural = _("files of exempt information")

    def __str__(self):
        return str(self.document)
