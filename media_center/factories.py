"""Factories for the Media Center's models, used by tests and seed_demo."""

import factory
from factory.django import DjangoModelFactory

from portal.factories import ImageFactory, PublishedPageFactory, UserFactory, paragraphs

from .models import MediaCenterHomePage, NewsIndexPage, NewsPage, Rubric


class RubricFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Rubrik {n}")
    slug = factory.Sequence(lambda n: f"rubrik-{n}")

    class Meta:
        model = Rubric
        django_get_or_create = ("slug",)


class MediaCenterHomePageFactory(PublishedPageFactory):
    title = "Media Center Kota Palangka Raya"

    class Meta:
        model = MediaCenterHomePage


class NewsIndexPageFactory(PublishedPageFactory):
    title = "Berita"

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(PublishedPageFactory):
    title = factory.Faker("sentence", nb_words=8)
    lead = factory.Faker("paragraph", nb_sentences=2)
    body = factory.LazyFunction(paragraphs)
    main_image = factory.SubFactory(ImageFactory)
    main_image_alt = factory.Faker("sentence", nb_words=6)
    main_image_caption = factory.Faker("sentence", nb_words=8)
    place = "Palangka Raya"
    rubric = factory.SubFactory(RubricFactory)
    writer = factory.SubFactory(UserFactory)

    class Meta:
        model = NewsPage

    @factory.post_generation
    def tags(news, create, extracted, **kwargs):
        """``tags=["banjir", "umkm"]`` tags the news (and republishes it)."""
        if create and extracted:
            news.tags.add(*extracted)
            news.save_revision().publish()
