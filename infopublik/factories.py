"""Factories for Info Publik's models, used by tests and seed_demo."""

import factory
from factory.django import DjangoModelFactory

from portal.factories import PublishedPageFactory, paragraphs

from .models import ArticleIndexPage, ArticlePage, InfoPublikHomePage, Section


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
