"""The demo multimedia archive (issue 7, point 7), made by seed_demo."""

from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from wagtail.images import get_image_model
from wagtail.models import Collection, PageLogEntry, Revision

from wagtailmedia.models import get_media_model

from media_center.demo_multimedia import ALBUMS, RECORDINGS
from media_center.models import (
    AlbumPhoto,
    AudioPage,
    MultimediaPage,
    PhotoAlbumPage,
    VideoPage,
)
from moderation import services as sop
from portal.media import media_probe
from tests.utils import MEDIA_CENTER_HOST, SitesTestCase


def seed_demo():
    """Run seed_demo as the tests can: DEBUG is off, hence --force."""
    call_command("seed_demo", "--force", stdout=StringIO())


class MultimediaDemoTests(SitesTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        seed_demo()

    def items(self):
        return MultimediaPage.objects.child_of(self.multimedia_index)

    def test_albums_videos_and_audio_are_all_live(self):
        counts = {
            model: model.objects.child_of(self.multimedia_index).live().count()
            for model in (PhotoAlbumPage, VideoPage, AudioPage)
        }
        self.assertGreaterEqual(counts[PhotoAlbumPage], 4)
        self.assertGreaterEqual(counts[VideoPage], 2)
        self.assertGreaterEqual(counts[AudioPage], 2)
        expected = len(ALBUMS) + sum(len(specs) for specs in RECORDINGS.values())
        self.assertEqual(self.items().count(), expected)
        self.assertFalse(self.items().not_live().exists())

    def test_every_item_is_valid_and_published_after_its_event(self):
        now = timezone.now()
        for page in self.items().specific():
            with self.subTest(page=page.title):
                page.full_clean()
                self.assertTrue(page.description)
                self.assertTrue(page.tags.exists())
                self.assertIsNotNone(page.cover_image)
                self.assertLessEqual(page.last_published_at, now)
                self.assertGreaterEqual(
                    timezone.localdate(page.last_published_at), page.recorded_on
                )
                author = page.get_latest_revision().user
                self.assertTrue(author.groups.filter(name=sop.REPORTER).exists())
                publisher = PageLogEntry.objects.get(
                    page=page, action="wagtail.publish"
                ).user
                self.assertTrue(publisher.groups.filter(name=sop.OPERATOR).exists())

    def test_album_photos_are_described_and_credited(self):
        collection = Collection.objects.get(name="Media Center")
        for album in PhotoAlbumPage.objects.child_of(self.multimedia_index):
            photos = list(album.photos.select_related("image"))
            with self.subTest(album=album.title):
                self.assertTrue(3 <= len(photos) <= 6)
                self.assertIn(album.cover_image, [photo.image for photo in photos])
            for photo in photos:
                with self.subTest(photo=photo.caption):
                    self.assertTrue(photo.alt_text.strip())
                    self.assertTrue(photo.caption)
                    self.assertIn("MC Kota Palangka Raya", photo.credit_text)
                    self.assertEqual(photo.image.collection, collection)
                    self.assertEqual(photo.taken_on, album.recorded_on)

    def test_items_span_two_years(self):
        days = sorted(self.items().values_list("recorded_on", flat=True))
        self.assertGreaterEqual(len({day.year for day in days}), 2)
        self.assertGreater((days[-1] - days[0]).days, 365)
        self.assertLess(days[-1], timezone.localdate())

    def test_some_items_document_agenda_items_and_news(self):
        with_agenda = self.items().filter(agenda_item__isnull=False)
        with_news = self.items().filter(news__isnull=False)
        self.assertGreaterEqual(with_agenda.count(), 2)
        self.assertGreaterEqual(with_news.count(), 2)
        for page in with_agenda.select_related("agenda_item"):
            with self.subTest(page=page.title):
                self.assertEqual(page.recorded_on, page.agenda_item.date)
        for page in with_news.select_related("news"):
            with self.subTest(page=page.title):
                self.assertTrue(page.news.live)
                self.assertIsNone(page.news.alias_of_id)

    def test_uploaded_clips_are_video_and_audio_files(self):
        collection = Collection.objects.get(name="Media Center")
        clips = [
            (page.video, "video")
            for page in VideoPage.objects.child_of(self.multimedia_index)
            if page.video
        ] + [
            (page.audio, "audio")
            for page in AudioPage.objects.child_of(self.multimedia_index)
        ]
        extensions = {media.file_extension for media, _kind in clips}
        self.assertLessEqual({"mp4", "mp3"}, extensions)
        self.assertTrue(extensions & {"ogg", "m4a"})
        for media, kind in clips:
            with self.subTest(media=media.title):
                self.assertEqual(media.type, kind)
                self.assertEqual(media.collection, collection)
                with media.file.open("rb") as file:
                    probe = media_probe(file)
                self.assertTrue(
                    probe.fits(extension=media.file_extension, kind=kind), probe
                )
                self.assertAlmostEqual(probe.duration, media.duration, delta=0.5)

    def test_one_video_is_hosted_on_youtube(self):
        hosted = [
            page
            for page in VideoPage.objects.child_of(self.multimedia_index)
            if page.video_url
        ]
        self.assertTrue(hosted)
        for page in hosted:
            with self.subTest(page=page.title):
                self.assertEqual(page.host_name, "YouTube")
                self.assertIsNone(page.video)
                self.assertIsNotNone(page.duration)

    def test_archive_and_item_pages_render(self):
        response = self.get_on(MEDIA_CENTER_HOST, "/multimedia/")
        self.assertEqual(response.status_code, 200)
        newest = self.items().order_by("-recorded_on").first()
        self.assertContains(response, newest.title)
        for page in self.items().specific():
            with self.subTest(page=page.title):
                response = self.get_on(MEDIA_CENTER_HOST, page.url)
                self.assertEqual(response.status_code, 200)

    def test_seeding_again_creates_nothing(self):
        def counts():
            return (
                MultimediaPage.objects.count(),
                AlbumPhoto.objects.count(),
                get_media_model().objects.count(),
                get_image_model().objects.count(),
                Revision.objects.filter(
                    object_id__in=[
                        str(pk)
                        for pk in MultimediaPage.objects.values_list("pk", flat=True)
                    ]
                ).count(),
            )

        before = counts()
        seed_demo()
        self.assertEqual(counts(), before)
