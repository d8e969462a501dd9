"""Factories for Info Publik's models, used by tests and seed_demo."""

import datetime

from django.core.files.base import ContentFile
from django.utils.text import slugify

from wagtail.documents import get_document_model

import factory
from factory.django import DjangoModelFactory

from portal.factories import AgencyFactory, PublishedPageFactory, paragraphs

from .models import (
    ArticleIndexPage,
    ArticlePage,
    InfoPublikHomePage,
    InformationCategory,
    InformationType,
    RegisterIndexPage,
    ReportDocument,
    ReportPage,
    Section,
)
from .pdf import pdf_text


class SectionFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Bidang Contoh {n}")

    class Meta:
        model = Section
        django_get_or_create = ("name",)


class InfoPublikHomePageFactory(PublishedPageFactory):
    title = "Info Publik Kota Palangka Raya"

    class Meta:
        model = InfoPublikHomePage


class ArticleIndexPageFactory(PublishedPageFactory):
    title = "Artikel"

    class Meta:
        model = ArticleIndexPage


class ArticlePageFactory(PublishedPageFactory):
    title = factory.Faker("sentence", nb_words=6)
    summary = factory.Faker("paragraph", nb_sentences=2)
    section = factory.SubFactory(SectionFactory)
    body = factory.LazyFunction(paragraphs)
    main_image_alt = factory.Maybe(
        "main_image",
        yes_declaration=factory.Faker("sentence", nb_words=6),
        no_declaration="",
    )

    class Meta:
        model = ArticlePage


class InformationTypeFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Jenis Informasi {n}")

    class Meta:
        model = InformationType
        django_get_or_create = ("name",)


class PdfDocumentFactory(DjangoModelFactory):
    """A Wagtail document holding a small generated PDF."""

    title = factory.Sequence(lambda n: f"Dokumen {n}")
    file = factory.LazyAttribute(
        lambda document: ContentFile(
            pdf_text(document.title, ["Pemerintah Kota Palangka Raya"]),
            name=f"{slugify(document.title)}.pdf",
        )
    )

    class Meta:
        model = get_document_model()


class RegisterIndexPageFactory(PublishedPageFactory):
    title = "Daftar Informasi Publik"

    class Meta:
        model = RegisterIndexPage


class ReportPageFactory(PublishedPageFactory):
    """A periodic report of the register; ``category=`` and the rest as needed."""

    title = factory.Sequence(lambda n: f"Laporan Contoh {n}")
    summary = factory.Faker("paragraph", nb_sentences=2)
    category = InformationCategory.PERIODIC
    information_type = factory.SubFactory(InformationTypeFactory)
    year = 2026
    period = "Semester I"
    holder = factory.SubFactory(AgencyFactory)
    responsible = "Sekretaris Dinas Komunikasi dan Informatika"
    made_on = datetime.date(2026, 7, 15)
    retention = "5 tahun"

    class Meta:
        model = ReportPage


class ReportDocumentFactory(DjangoModelFactory):
    page = factory.SubFactory(ReportPageFactory)
    document = factory.SubFactory(PdfDocumentFactory)
    title = factory.Sequence(lambda n: f"Berkas {n} (PDF)")

    class Meta:
        model = ReportDocument
