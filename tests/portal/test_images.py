"""
Photo uploads through Wagtail's admin (issue 7, points 5 and 6): only JPEG,
PNG and WebP, checked by their content, within the size and pixel limits,
refused with an Indonesian message and nothing stored; the location the
camera wrote is gone from the stored photo and from every rendition.
"""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from wagtail.images import get_image_model
from wagtail.models import Collection

from PIL import ExifTags, Image

from moderation import services as sop
from tests.utils import SitesTestCase, group_member

GPS = {
    ExifTags.GPS.GPSLatitudeRef: "S",
    ExifTags.GPS.GPSLatitude: (2.0, 12.0, 30.0),
    ExifTags.GPS.GPSLongitudeRef: "E",
    ExifTags.GPS.GPSLongitude: (113.0, 55.0, 0.0),
}


def photo(name="foto.jpg", image_format="JPEG", size=(320, 240), gps=True):
    """A photo as a phone writes it: camera, date and, unless told, location."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Samsung"
    exif[ExifTags.Base.DateTime] = "2026:11:20 09:15:00"
    if gps:
        exif[ExifTags.IFD.GPSInfo] = GPS
    output = io.BytesIO()
    Image.new("RGB", size, (200, 120, 40)).save(output, image_format, exif=exif)
    return SimpleUploadedFile(name, output.getvalue())


def exif_of(file):
    file.open("rb")
    try:
        with Image.open(file) as image:
            return image.getexif()
    finally:
        file.close()


class PhotoUploadTests(SitesTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.reporter = group_member("reporter", sop.REPORTER)
        cls.collection = Collection.objects.get(name="Media Center")

    def setUp(self):
        super().setUp()
        self.client.force_login(self.reporter)

    def upload(self, file):
        return self.client.post(
            reverse("wagtailimages:add"),
            {
                "title": "Wali Kota membuka festival",
                "file": file,
                "collection": self.collection.pk,
                "tags": "",
                "credit": "MC Palangka Raya/Rina",
            },
        )

    def assert_refused(self, file, message):
        response = self.upload(file)
        self.assertEqual(response.status_code, 200)
        self.assertIn(message, " ".join(response.context["form"].errors["file"]))
        self.assertFalse(get_image_model().objects.exists())

    def test_jpeg_png_and_webp_are_stored_without_their_location(self):
        for name, image_format in (
            ("foto.jpg", "JPEG"),
            ("foto.png", "PNG"),
            ("foto.webp", "WEBP"),
        ):
            with self.subTest(image_format=image_format):
                response = self.upload(photo(name, image_format))
                self.assertEqual(response.status_code, 302)
                image = get_image_model().objects.latest("pk")
                stored = exif_of(image.file)
                self.assertNotIn(ExifTags.IFD.GPSInfo, stored)
                self.assertEqual(stored[ExifTags.Base.Make], "Samsung")
                self.assertEqual((image.width, image.height), (320, 240))
                for spec in ("fill-160x120", "width-200", "width-200|format-jpeg"):
                    rendition = image.get_rendition(spec)
                    self.assertNotIn(
                        ExifTags.IFD.GPSInfo, exif_of(rendition.file), spec
                    )

    def test_the_multiple_upload_also_drops_the_location(self):
        response = self.client.post(
            reverse("wagtailimages:add_multiple"),
            {"files[]": photo(), "collection": self.collection.pk},
        )
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.json()["success"])
        image = get_image_model().objects.get()
        self.assertNotIn(ExifTags.IFD.GPSInfo, exif_of(image.file))
        response = self.client.post(
            reverse("wagtailimages:add_multiple"),
            {"files[]": photo("foto.gif", "GIF"), "collection": self.collection.pk},
        )
        self.assertFalse(response.json()["success"])
        self.assertIn("Format gambar tidak didukung", response.json()["error_message"])
        self.assertEqual(get_image_model().objects.count(), 1)

    def test_a_phones_multi_picture_jpeg_loses_its_location_too(self):
        exif = Image.Exif()
        exif[ExifTags.IFD.GPSInfo] = GPS
        output = io.BytesIO()
        main, gain_map = (
            Image.new("RGB", (320, 240), "teal"),
            Image.new("L", (160, 120)),
        )
        main.save(output, "MPO", exif=exif, save_all=True, append_images=[gain_map])
        self.assertEqual(Image.open(io.BytesIO(output.getvalue())).format, "MPO")
        response = self.upload(SimpleUploadedFile("hdr.jpg", output.getvalue()))
        self.assertEqual(response.status_code, 302)
        image = get_image_model().objects.get()
        self.assertNotIn(ExifTags.IFD.GPSInfo, exif_of(image.file))
        rendition = image.get_rendition("width-200")
        self.assertNotIn(ExifTags.IFD.GPSInfo, exif_of(rendition.file))

    def test_a_photo_without_location_is_stored_as_it_came(self):
        upload = photo(gps=False)
        content = upload.read()
        upload.seek(0)
        self.assertEqual(self.upload(upload).status_code, 302)
        image = get_image_model().objects.get()
        image.file.open("rb")
        self.assertEqual(image.file.read(), content)
        image.file.close()

    def test_other_types_are_refused(self):
        self.assert_refused(
            photo("animasi.gif", "GIF", gps=False),
            "Format gambar tidak didukung. Format yang didukung: JPG, JPEG, PNG, WEBP.",
        )
        self.assert_refused(
            SimpleUploadedFile("foto.jpg", b"%PDF-1.4 bukan foto"),
            "Unggah gambar yang valid.",
        )

    def test_content_that_is_not_what_the_extension_says_is_refused(self):
        self.assert_refused(
            photo("foto.jpg", "PNG"),
            "Bukan gambar .jpeg yang sah: isi berkas tidak sesuai dengan ekstensinya",
        )

    @override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=2_000)
    def test_a_file_too_large_is_refused(self):
        self.assert_refused(photo(size=(800, 600)), "Berkas terlalu besar")

    @override_settings(WAGTAILIMAGES_MAX_IMAGE_PIXELS=100_000)
    def test_a_photo_with_too_many_pixels_is_refused(self):
        self.assert_refused(
            photo(size=(400, 300)),
            "Gambar ini terlalu banyak pikselnya (120000). Maksimum 100000 piksel.",
        )
