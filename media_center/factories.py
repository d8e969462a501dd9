"""Factories for the Media Center's models, used by tests and seed_demo."""

import datetime

from django.core.files.base import ContentFile
from django.utils.text import slugify

from wagtail.models import Collection

import factory
from factory.django import DjangoModelFactory
from wagtailmedia.models import get_media_model

from portal.factories import ImageFactory, PublishedPageFactory, UserFactory, paragraphs

from .clips import audio_clip, video_clip
from .models import (
    AlbumPhoto,
    AudioPage,
    MediaCenterHomePage,
    MultimediaIndexPage,
    NewsIndexPage,
    NewsPage,
    PhotoAlbumPage,
    Rubric,
    VideoPage,
)


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


class MediaFactory(DjangoModelFactory):
    """A wagtailmedia video (default) or audio file of two generated seconds."""

    title = factory.Sequence(lambda n: f"Rekaman {n}")
    type = "video"
    duration = 2
    collection = factory.LazyFunction(Collection.get_first_root_node)
    file = factory.LazyAttribute(
        lambda media: ContentFile(
            video_clip(title=media.title) if media.type == "video" else audio_clip(),
            name=f"{slugify(media.title)}.{'mp4' if media.type == 'video' else 'mp3'}",
        )
    )

    class Meta:
        model = get_media_model()


class MultimediaIndexPageFactory(PublishedPageFactory):
    title = "Arsip Multimedia"
    slug = "multimedia"

    class Meta:
        model = MultimediaIndexPage


class _MultimediaPageFactory(PublishedPageFactory):
    title = factory.Faker("sentence", nb_words=6)
    description = factory.Faker("paragraph", nb_sentences=2)
    recorded_on = factory.LazyFunction(lambda: datetime.date(2026, 11, 20))
    cover_image = factory.SubFactory(ImageFactory)

    class Meta:
        abstract = True


class PhotoAlbumPageFactory(_MultimediaPageFactory):
    """An album; ``photos=3`` adds that many photos (and republishes)."""

    class Meta:
        model = PhotoAlbumPage

    @factory.post_generation
    def photos(album, create, extracted, **kwargs):
        if create and extracted:
            for number in range(extracted):
                album.photos.add(
                    AlbumPhoto(
                        image=ImageFactory(credit="Rina"),
                        alt_text=f"Foto kegiatan {number + 1}",
                        caption=f"Keterangan foto {number + 1}",
                    )
                )
            album.save_revision().publish()


class VideoPageFactory(_MultimediaPageFactory):
    video = factory.SubFactory(MediaFactory)
    duration = datetime.timedelta(seconds=2)
    transcript = factory.Faker("paragraph", nb_sentences=3)

    class Meta:
        model = VideoPage


class AudioPageFactory(_MultimediaPageFactory):
    audio = factory.SubFactory(MediaFactory, type="audio")
    duration = datetime.timedelta(seconds=2)
    transcript = factory.Faker("paragraph", nb_sentences=3)

    class Meta:
        model = AudioPage
