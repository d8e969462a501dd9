"""
The Media Center's multimedia archive (issue 7): photo albums, videos and
audio made in the admin under the news SOP, their public pages, the archive
with its filters and feed, and the refusals of wrong video and audio files.
"""

import datetime
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from wagtail.models import Collection
from wagtail.test.utils.form_data import inline_formset, nested_form_data

import av
from defusedxml import ElementTree
from PIL import Image
from wagtailmedia.models import get_media_model

from media_center.clips import audio_clip, video_clip
from media_center.factories import (
    AudioPageFactory,
    MediaFactory,
    PhotoAlbumPageFactory,
    VideoPageFactory,
)
from media_center.models import (
    AudioPage,
    MediaCenterHomePage,
    MultimediaIndexPage,
    MultimediaPage,
    PhotoAlbumPage,
    VideoPage,
)
from moderation import services as sop
from portal.factories import ImageFactory
from portal.media import media_probe
from tests.utils import MEDIA_CENTER_HOST, SitesTestCase, group_member


def matroska_h264():
    """A Matroska (.mkv) video in H.264: FFmpeg calls its container "webm" too."""
    output = io.BytesIO()
    with av.open(output, mode="w", format="matroska") as container:
        stream = container.add_stream("libx264", rate=10)
        stream.width, stream.height, stream.pix_fmt = 160, 90, "yuv420p"
        for _ in range(10):
            frame = av.VideoFrame.from_image(Image.new("RGB", (160, 90), "navy"))
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return output.getvalue()


class MultimediaTestCase(SitesTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.reporter = group_member("reporter", sop.REPORTER)
        cls.collection = Collection.objects.get(name="Media Center")

    def item(self, factory, **fields):
        return factory(parent=self.multimedia_index, **fields)


class PublicPagesTests(MultimediaTestCase):
    def test_an_album_shows_every_photo_with_its_alt_text_and_credit(self):
        album = self.item(PhotoAlbumPageFactory, title="Festival Isen Mulang", photos=3)
        response = self.get_on(MEDIA_CENTER_HOST, album.url)
        self.assertEqual(response.status_code, 200)
        for number in (1, 2, 3):
            self.assertContains(response, f'id="foto-{number}"')
            self.assertContains(response, f'href="#foto-{number}"')
            self.assertContains(response, f'alt="Foto kegiatan {number}"')
        self.assertContains(response, "Foto: Rina / MC Kota Palangka Raya", count=3)
        self.assertContains(response, "Foto 2 dari 3")
        # Sized for the reader's screen: a srcset, lazily loaded, with its size.
        self.assertContains(response, "srcset=")
        self.assertContains(response, 'loading="lazy"')
        self.assertContains(response, 'sizes="(min-width: 70em) 66rem, 100vw"')
        self.assertNotContains(response, "<script")

    def test_an_uploaded_video_plays_in_the_page(self):
        video = self.item(VideoPageFactory, title="Rapat Paripurna")
        response = self.get_on(MEDIA_CENTER_HOST, video.url)
        self.assertContains(response, "<video")
        self.assertContains(response, f'src="{video.video.url}" type="video/mp4"')
        self.assertContains(response, "Transkrip")
        self.assertContains(response, "0:02")

    def test_a_hosted_video_loads_nothing_from_its_host_until_asked(self):
        video = self.item(
            VideoPageFactory,
            video=None,
            video_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        )
        response = self.get_on(MEDIA_CENTER_HOST, video.url)
        self.assertContains(
            response,
            'data-embed-url="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"',
        )
        self.assertContains(response, "Putar video (dimuat dari YouTube)")
        self.assertContains(
            response, 'href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"'
        )
        self.assertNotContains(response, "<iframe")
        self.assertNotContains(response, 'src="https://www.youtube')
        self.assertNotContains(response, 'src="https://i.ytimg')

    def test_an_audio_item_plays_with_its_transcript(self):
        audio = self.item(AudioPageFactory, title="Dialog Interaktif RRI")
        response = self.get_on(MEDIA_CENTER_HOST, audio.url)
        self.assertContains(response, "<audio")
        self.assertContains(response, 'type="audio/mpeg"')
        self.assertContains(response, audio.transcript)


class ArchiveTests(MultimediaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.album = PhotoAlbumPageFactory(
            parent=cls.multimedia_index,
            title="Album Hari Jadi Kota",
            recorded_on=datetime.date(2026, 6, 17),
            photos=1,
        )
        cls.album.tags.add("hari jadi")
        cls.album.save_revision().publish()
        cls.video = VideoPageFactory(
            parent=cls.multimedia_index,
            title="Video Banjir Kahayan",
            recorded_on=datetime.date(2025, 12, 3),
        )
        cls.audio = AudioPageFactory(
            parent=cls.multimedia_index,
            title="Siaran Pers Kabut Asap",
            recorded_on=datetime.date(2026, 6, 2),
        )

    def titles(self, **params):
        response = self.get_on(MEDIA_CENTER_HOST, "/multimedia/", data=params)
        self.assertEqual(response.status_code, 200)
        return [item.title for item in response.context["items"]]

    def test_newest_event_first_and_filters(self):
        self.assertEqual(
            self.titles(),
            ["Album Hari Jadi Kota", "Siaran Pers Kabut Asap", "Video Banjir Kahayan"],
        )
        self.assertEqual(self.titles(jenis="video"), ["Video Banjir Kahayan"])
        self.assertEqual(
            self.titles(tahun=2026),
            ["Album Hari Jadi Kota", "Siaran Pers Kabut Asap"],
        )
        self.assertEqual(self.titles(tahun=2025, bulan=12), ["Video Banjir Kahayan"])
        self.assertEqual(self.titles(tag="hari-jadi"), ["Album Hari Jadi Kota"])
        self.assertEqual(self.titles(q="kabut"), ["Siaran Pers Kabut Asap"])
        self.assertEqual(
            self.titles(q="album", tahun=2026, bulan=6, tag="hari-jadi", jenis="foto"),
            ["Album Hari Jadi Kota"],
        )

    def test_a_filter_that_does_not_fit_is_left_out_with_a_notice(self):
        response = self.get_on(
            MEDIA_CENTER_HOST, "/multimedia/", data={"tahun": "1999", "jenis": "audio"}
        )
        self.assertEqual(
            [item.title for item in response.context["items"]],
            ["Siaran Pers Kabut Asap"],
        )
        self.assertContains(response, "Filter “Tahun” tidak dipakai")
        for params in ({"bulan": "13"}, {"tag": "tidak-ada"}, {"page": "zz"}):
            with self.subTest(params=params):
                response = self.get_on(MEDIA_CENTER_HOST, "/multimedia/", data=params)
                self.assertEqual(response.status_code, 200)
        response = self.get_on(MEDIA_CENTER_HOST, "/multimedia/", data={"page": "9"})
        self.assertEqual(response.status_code, 404)

    def test_drafts_and_private_items_are_not_listed(self):
        self.audio.unpublish()
        self.assertNotIn("Siaran Pers Kabut Asap", self.titles())

    def test_the_feed_lists_new_items(self):
        response = self.get_on(MEDIA_CENTER_HOST, "/multimedia/feed/")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response["Content-Type"].startswith("application/rss+xml"))
        rss = ElementTree.fromstring(response.content)
        links = [item.findtext("link") for item in rss.iter("item")]
        # Newest publication first.
        self.assertEqual(
            links, [page.full_url for page in (self.audio, self.video, self.album)]
        )

    def test_the_feed_holds_the_twenty_newest(self):
        for _ in range(21):
            self.item(AudioPageFactory)
        response = self.get_on(MEDIA_CENTER_HOST, "/multimedia/feed/")
        rss = ElementTree.fromstring(response.content)
        self.assertEqual(len(list(rss.iter("item"))), 20)
        self.assertNotIn(self.album.full_url, response.content.decode())

    def test_an_agenda_item_made_internal_later_is_not_shown(self):
        from media_center.models import AgendaItem

        item = AgendaItem.objects.create(
            activity="Rapat koordinasi kabut asap",
            date=datetime.date(2026, 6, 2),
            starts_at=datetime.time(9),
            place="Ruang rapat",
            is_public=True,
        )
        self.audio.agenda_item = item
        self.audio.save_revision().publish()
        self.assertContains(
            self.get_on(MEDIA_CENTER_HOST, self.audio.url), "Rapat koordinasi"
        )
        AgendaItem.objects.filter(pk=item.pk).update(is_public=False)
        response = self.get_on(MEDIA_CENTER_HOST, self.audio.url)
        self.assertNotContains(response, "Rapat koordinasi")

    def test_the_archive_is_in_the_media_center_menu(self):
        response = self.get_on(MEDIA_CENTER_HOST, "/")
        self.assertContains(response, 'href="/multimedia/"')


class ArchiveQueryCountTests(MultimediaTestCase):
    def test_the_archive_does_not_grow_with_its_items(self):
        paths = [
            "/multimedia/",
            "/multimedia/?jenis=foto&tahun=2026",
            "/multimedia/feed/",
        ]

        def add(count):
            cover = ImageFactory()
            for number in range(count):
                factory = (PhotoAlbumPageFactory, VideoPageFactory, AudioPageFactory)[
                    number % 3
                ]
                page = self.item(factory, cover_image=cover)
                page.tags.add(f"tag-{number % 4}")
                page.save_revision().publish()

        def counts():
            return {path: self.count_queries(MEDIA_CENTER_HOST, path) for path in paths}

        add(10)
        small = counts()
        add(90)
        self.assertEqual(MultimediaPage.objects.live().count(), 100)
        self.assertQueryCountsBounded(small, counts(), limit=20)


class TreeTests(MultimediaTestCase):
    def test_the_archive_holds_albums_videos_and_audio(self):
        self.assertAllowedParentPageTypes(MultimediaIndexPage, {MediaCenterHomePage})
        self.assertAllowedSubpageTypes(
            MultimediaIndexPage, {PhotoAlbumPage, VideoPage, AudioPage}
        )
        self.assertFalse(MultimediaPage.is_creatable)
        self.assertFalse(MultimediaIndexPage.can_create_at(self.media_center_home))


class AdminTests(MultimediaTestCase):
    def setUp(self):
        super().setUp()
        self.client.force_login(self.reporter)

    def add(self, model, data):
        return self.client.post(
            reverse(
                "wagtailadmin_pages:add",
                args=("media_center", model, self.multimedia_index.pk),
            ),
            nested_form_data({"action-submit": "1", **data}),
        )

    def common(self, **extra):
        return {
            "title": "Wali Kota Resmikan Taman Kota",
            "slug": "wali-kota-resmikan-taman-kota",
            "description": "Peresmian taman kota di Jalan Yos Sudarso.",
            "cover_image": ImageFactory().pk,
            "recorded_on": "2026-11-20",
            "tags": "taman",
            "agenda_item": "",
            "news": "",
            **extra,
        }

    def errors(self, response):
        self.assertEqual(response.status_code, 200)
        return {
            name: list(errors)
            for name, errors in response.context["form"].errors.items()
        }

    def test_a_reporter_files_an_album_into_the_news_sop(self):
        image = ImageFactory(credit="Rina")
        response = self.add(
            "photoalbumpage",
            self.common(
                photos=inline_formset(
                    [
                        {
                            "image": image.pk,
                            "alt_text": "Wali Kota menggunting pita",
                            "caption": "",
                            "credit": "",
                            "taken_on": "",
                        }
                    ]
                )
            ),
        )
        self.assertEqual(response.status_code, 302)
        album = PhotoAlbumPage.objects.get()
        self.assertEqual(album.kind, "foto")
        self.assertEqual(album.photos.get().credit_text, "Rina / MC Kota Palangka Raya")
        self.assertEqual(album.current_workflow_state.status, "in_progress")
        self.assertFalse(album.live)

    def test_every_photo_needs_its_alt_text(self):
        response = self.add(
            "photoalbumpage",
            self.common(
                photos=inline_formset(
                    [
                        {
                            "image": ImageFactory().pk,
                            "alt_text": "",
                            "caption": "",
                            "credit": "",
                            "taken_on": "",
                        }
                    ]
                )
            ),
        )
        self.assertEqual(response.status_code, 200)
        photos = response.context["form"].formsets["photos"]
        self.assertEqual(photos.errors[0]["alt_text"], ["Kolom ini  harus diisi."])
        self.assertFalse(PhotoAlbumPage.objects.exists())

    def test_a_video_needs_a_file_or_an_address_and_its_duration(self):
        base = self.common(transcript="Sambutan Wali Kota.", duration="")
        errors = self.errors(
            self.add("videopage", {**base, "video": "", "video_url": ""})
        )
        self.assertEqual(errors["video"], ["Pilih berkas video atau isi alamatnya."])
        errors = self.errors(
            self.add(
                "videopage", {**base, "video": "", "video_url": "https://example.com/v"}
            )
        )
        self.assertIn("Hanya alamat YouTube dan Vimeo", errors["video_url"][0])
        errors = self.errors(
            self.add(
                "videopage",
                {**base, "video": "", "video_url": "https://youtu.be/dQw4w9WgXcQ"},
            )
        )
        self.assertIn("durasinya", errors["duration"][0])
        # An uploaded file gives its own duration.
        media = MediaFactory(duration=125.4)
        response = self.add("videopage", {**base, "video": media.pk, "video_url": ""})
        self.assertEqual(response.status_code, 302)
        self.assertEqual(
            VideoPage.objects.get().duration, datetime.timedelta(seconds=125)
        )

    def test_a_reporter_files_an_audio_item(self):
        media = MediaFactory(type="audio", duration=95)
        response = self.add(
            "audiopage",
            self.common(
                audio=media.pk, duration="", transcript="Selamat pagi, pendengar."
            ),
        )
        self.assertEqual(response.status_code, 302)
        audio = AudioPage.objects.get()
        self.assertEqual(audio.kind, "audio")
        self.assertEqual(audio.duration, datetime.timedelta(seconds=95))
        errors = self.errors(
            self.add("audiopage", self.common(slug="lain", audio="", transcript=""))
        )
        self.assertEqual(errors["audio"], ["Kolom ini  harus diisi."])
        self.assertEqual(
            errors["transcript"], ["Tulis transkripnya: semua yang diucapkan."]
        )

    def test_each_type_can_be_previewed_before_it_is_saved(self):
        album = self.common(
            photos=inline_formset(
                [
                    {
                        "image": ImageFactory().pk,
                        "alt_text": "Peresmian taman",
                        "caption": "",
                        "credit": "",
                        "taken_on": "",
                    }
                ]
            )
        )
        recording = self.common(
            transcript="Sambutan Wali Kota.", duration="1:05", video_url=""
        )
        for model, data, label in (
            ("photoalbumpage", album, "Album foto"),
            ("videopage", {**recording, "video": MediaFactory().pk}, "1:05"),
            (
                "audiopage",
                {**recording, "audio": MediaFactory(type="audio").pk},
                "Audio · ",
            ),
        ):
            with self.subTest(model=model):
                url = reverse(
                    "wagtailadmin_pages:preview_on_add",
                    args=("media_center", model, self.multimedia_index.pk),
                )
                response = self.client.post(url, nested_form_data(data))
                self.assertEqual(response.json()["is_valid"], True)
                self.assertContains(self.client.get(url), label)

    def test_an_audio_file_is_not_a_video(self):
        audio = MediaFactory(type="audio")
        base = self.common(transcript="Sambutan.", duration="1:00", video_url="")
        errors = self.errors(self.add("videopage", {**base, "video": audio.pk}))
        self.assertIn("video", errors)


class MediaUploadTests(MultimediaTestCase):
    def setUp(self):
        super().setUp()
        self.client.force_login(group_member("redaktur", sop.MEDIA_CENTER_TEAM))

    def upload(self, media_type, name, content):
        return self.client.post(
            reverse("wagtailmedia:add", args=(media_type,)),
            {
                "title": "Rekaman",
                "file": SimpleUploadedFile(name, content),
                "collection": self.collection.pk,
                "duration": "",
                "tags": "",
            },
        )

    def assert_refused(self, media_type, name, content, message):
        response = self.upload(media_type, name, content)
        self.assertEqual(response.status_code, 200)
        self.assertIn(message, " ".join(response.context["form"].errors["file"]))
        self.assertFalse(get_media_model().objects.exists())

    def test_accepted_files_get_their_duration_and_size(self):
        for media_type, name, content in (
            ("video", "rapat.mp4", video_clip(title="Rapat")),
            ("video", "rapat.webm", video_clip(title="Rapat", extension="webm")),
            ("audio", "dialog.mp3", audio_clip()),
            ("audio", "dialog.m4a", audio_clip(extension="m4a")),
            ("audio", "dialog.ogg", audio_clip(extension="ogg")),
        ):
            with self.subTest(name=name):
                self.assertEqual(
                    self.upload(media_type, name, content).status_code, 302
                )
                media = get_media_model().objects.latest("pk")
                self.assertEqual(media.type, media_type)
                self.assertAlmostEqual(media.duration, 2, delta=0.1)
                if media_type == "video":
                    self.assertEqual((media.width, media.height), (320, 180))
                media.file.open("rb")
                self.assertIsNotNone(media_probe(media.file))
                media.file.close()

    def test_there_is_no_unchecked_thumbnail_upload(self):
        response = self.client.get(reverse("wagtailmedia:add", args=("video",)))
        self.assertNotIn("thumbnail", response.context["form"].fields)

    def test_other_types_are_refused(self):
        self.assert_refused(
            "video", "rapat.avi", video_clip(title="Rapat"), "MP4, WEBM"
        )
        self.assert_refused("audio", "dialog.wav", audio_clip(), "MP3, M4A, OGG")

    def test_content_that_is_not_what_the_extension_says_is_refused(self):
        for media_type, name, content in (
            ("video", "rapat.mp4", b"%PDF-1.4 bukan video"),
            ("video", "rapat.mp4", audio_clip(extension="m4a")),
            ("video", "rapat.webm", video_clip(title="Rapat")),
            ("audio", "dialog.mp3", audio_clip(extension="ogg")),
            ("video", "rapat.webm", matroska_h264()),
            ("audio", "dialog.ogg", io.BytesIO(b"OggS" + b"\0" * 200).getvalue()),
        ):
            with self.subTest(name=name):
                self.assert_refused(
                    media_type, name, content, "isinya tidak sesuai dengan namanya"
                )

    @override_settings(WARTA_MEDIA_MAX_UPLOAD_SIZE={"video": 1000, "audio": 1000})
    def test_a_file_too_large_is_refused(self):
        self.assert_refused(
            "video", "rapat.mp4", video_clip(title="Rapat"), "Berkas terlalu besar"
        )
