"""Factories for the shared models and portal pages, used by tests and seed_demo."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from wagtail.images import get_image_model
from wagtail.models import Collection

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from .models import (
    Agency,
    AnnouncementIndexPage,
    AnnouncementPage,
    PortalHomePage,
    StandardPage,
)

factory.Faker._DEFAULT_LOCALE = "id_ID"


def paragraphs(count=3):
    """A StreamField value of ``count`` paragraphs of Indonesian-looking text."""
    faker = factory.Faker._get_faker(locale="id_ID")
    return [
        {"type": "paragraph", "value": f"<p>{faker.paragraph(nb_sentences=4)}</p>"}
        for _ in range(count)
    ]


class UserFactory(DjangoModelFactory):
    username = factory.Sequence(lambda n: f"pengguna{n}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email = factory.LazyAttribute(lambda user: f"{user.username}@palangkaraya.go.id")
    password = factory.django.Password("Warta-Test-2026")

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)


class ImageFactory(DjangoModelFactory):
    """An image drawn by Pillow (nothing downloaded), in the root collection."""

    title = factory.Faker("sentence", nb_words=4)
    file = factory.django.ImageField(width=1200, height=800, color="steelblue")
    collection = factory.LazyFunction(Collection.get_first_root_node)
    description = factory.Faker("sentence", nb_words=6)
    credit = "MC Palangka Raya"

    class Meta:
        model = get_image_model()


class PublishedPageFactory(wagtail_factories.PageFactory):
    """
    A page saved with a revision and published, as an editor would leave it.
    ``first_published_at`` may be given to place it in the past.
    """

    first_published_at = factory.LazyFunction(timezone.now)

    class Meta:
        abstract = True
        # The publish hook saves through a revision; no second plain save.
        skip_postgeneration_save = True

    @factory.post_generation
    def publish(page, create, extracted, **kwargs):
        if create and extracted is not False:
            page.save_revision().publish()


class PortalHomePageFactory(PublishedPageFactory):
    title = "Portal Kota Palangka Raya"
    intro = factory.Faker("paragraph")

    class Meta:
        model = PortalHomePage


class StandardPageFactory(PublishedPageFactory):
    title = factory.Faker("sentence", nb_words=3)
    summary = factory.Faker("paragraph", nb_sentences=2)
    body = factory.LazyFunction(paragraphs)

    class Meta:
        model = StandardPage


class AnnouncementIndexPageFactory(PublishedPageFactory):
    title = "Pengumuman"

    class Meta:
        model = AnnouncementIndexPage


class AnnouncementPageFactory(PublishedPageFactory):
    title = factory.Faker("sentence", nb_words=5)
    summary = factory.Faker("paragraph", nb_sentences=2)
    valid_from = factory.LazyFunction(
        lambda: timezone.localdate() - datetime.timedelta(days=3)
    )
    valid_until = factory.LazyFunction(
        lambda: timezone.localdate() + datetime.timedelta(days=30)
    )
    body = factory.LazyFunction(paragraphs)

    class Meta:
        model = AnnouncementPage


class AgencyFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Dinas Contoh {n} Kota Palangka Raya")
    abbreviation = factory.Sequence(lambda n: f"DC{n}")

    class Meta:
        model = Agency
        django_get_or_create = ("name",)
