"""
The archive package of a publication: a BagIt bag that checks itself, with
the page as published, its record and its original files, each checked
against the SHA-256 of the publication; downloaded from the admin by who may
read the record, exported per period by a command.
"""

import datetime
import io
import json
import tempfile
import zipfile
import zoneinfo
from pathlib import Path
from unittest import mock

from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

import bagit
import time_machine

from infopublik.factories import (
    ArticlePageFactory,
    ReportDocumentFactory,
    ReportPageFactory,
)
from infopublik.models import ReportPage
from media_center.factories import NewsPageFactory
from moderation import services as sop
from moderation.models import ArchiveRecord
from moderation.packages import (
    SOURCE_ORGANIZATION,
    archive_package_build,
    archive_package_name,
    archive_package_zip,
)
from portal.factories import UserFactory
from tests.utils import INFOPUBLIK_HOST, SitesTestCase, group_member

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
PUBLISHED = datetime.datetime(2026, 3, 10, 9, 0, tzinfo=WIB)


def stored_bytes(model, pk):
    obj = model.objects.get(pk=pk)
    with obj.file.storage.open(obj.file.name, "rb") as stream:
        return stream.read()


def replace_stored_file(model, pk, content):
    """Put other bytes under the same name on storage, as an overwrite would."""
    obj = model.objects.get(pk=pk)
    storage, name = obj.file.storage, obj.file.name
    storage.delete(name)
    assert storage.save(name, ContentFile(content)) == name


class ArchivePackageTestCase(SitesTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.superuser = UserFactory(username="admin", is_superuser=True)
        cls.writer = group_member("penulis", sop.WRITER)
        cls.other_writer = group_member("penulis2", sop.WRITER)

    def temporary_directory(self):
        directory = tempfile.TemporaryDirectory(prefix="warta-test-package-")
        self.addCleanup(directory.cleanup)
        return Path(directory.name)

    def publish_news(self, at=PUBLISHED, *, snapshot=True, **fields):
        """A news page with an image published at ``at``, and its archive record."""
        fields.setdefault("title", "Wali Kota Resmikan Taman Kota")
        if "owner" in fields:
            # The reporter named on the news is its writer.
            fields.setdefault("writer", fields["owner"])
        with time_machine.travel(at, tick=False):
            if snapshot:
                with self.captureOnCommitCallbacks(execute=True):
                    page = NewsPageFactory(parent=self.news_index, **fields)
            else:
                page = NewsPageFactory(parent=self.news_index, **fields)
        return page, ArchiveRecord.objects.filter(page=page).first()

    def publish_report(self, at=PUBLISHED):
        """A report of the register with a PDF document, and its archive record."""
        with time_machine.travel(at, tick=False):
            report = ReportPageFactory(
                parent=self.register_index, title="Laporan Keuangan Semester I"
            )
            ReportDocumentFactory(page=report, title="Laporan (PDF)")
            with self.captureOnCommitCallbacks(execute=True):
                ReportPage.objects.get(pk=report.pk).save_revision().publish()
        return report, ArchiveRecord.objects.filter(page=report).first()

    def unzip(self, record):
        """The package of ``record`` as a zip, extracted: (bag folder, zip names)."""
        buffer = io.BytesIO()
        archive_package_zip(record=record, output=buffer)
        buffer.seek(0)
        return self.extract(buffer)

    def extract(self, zip_file):
        directory = self.temporary_directory()
        with zipfile.ZipFile(zip_file) as archive:
            names = archive.namelist()
            archive.extractall(directory)
        (bag_dir,) = directory.iterdir()
        return bag_dir, names

    def assertValidBag(self, bag_dir):  # noqa: N802
        bag = bagit.Bag(str(bag_dir))
        bag.validate()
        self.assertTrue(bag.is_valid())
        self.assertEqual(bag.algorithms, ["sha256"])
        return bag

    def metadata(self, bag_dir):
        return json.loads((bag_dir / "data" / "metadata.json").read_text("utf-8"))


class PackageContentTests(ArchivePackageTestCase):
    def test_news_with_image(self):
        page, record = self.publish_news(owner=self.writer)
        self.assertTrue(record.html_snapshot)
        bag_dir, names = self.unzip(record)

        name = archive_package_name(record)
        self.assertEqual(
            name, f"arsip-2026-03-10-{record.pk}-wali-kota-resmikan-taman-kota"
        )
        self.assertEqual(bag_dir.name, name)
        self.assertTrue(all(entry.startswith(f"{name}/") for entry in names))
        bag = self.assertValidBag(bag_dir)
        self.assertEqual(bag.info["Source-Organization"], SOURCE_ORGANIZATION)
        self.assertEqual(bag.info["External-Identifier"], name)
        self.assertIn("Wali Kota Resmikan Taman Kota", bag.info["External-Description"])
        self.assertTrue(bag.info["Bagging-Date"])

        data = bag_dir / "data"
        html = (data / "page.html").read_text("utf-8")
        self.assertEqual(html, record.html_snapshot)
        self.assertIn("Wali Kota Resmikan Taman Kota", html)
        self.assertEqual(
            json.loads((data / "page.json").read_text("utf-8")), record.content
        )

        metadata = self.metadata(bag_dir)
        self.assertEqual(metadata["record_id"], record.pk)
        self.assertEqual(metadata["page_id"], page.pk)
        self.assertEqual(metadata["page_title"], "Wali Kota Resmikan Taman Kota")
        self.assertEqual(metadata["site"]["id"], self.media_center_site.pk)
        self.assertEqual(metadata["locations"], record.locations)
        self.assertEqual(metadata["revision"]["id"], record.revision_id)
        self.assertEqual(metadata["route"], record.route)
        self.assertEqual(metadata["sop"], record.sop)
        self.assertEqual(metadata["published_at"], "2026-03-10T09:00:00+07:00")
        self.assertEqual(metadata["written_by"]["username"], "penulis")
        self.assertEqual(metadata["content_sha256"], record.content_sha256)
        self.assertTrue(metadata["content_sha256_verified"])
        self.assertEqual(metadata["approval_chain"], record.approval_chain)
        self.assertIsNone(metadata["archived_at"])
        self.assertFalse(metadata["html_rendered_at_packaging"])
        self.assertTrue(metadata["page_html_included"])
        self.assertNotIn("content", metadata)
        self.assertNotIn("html_snapshot", metadata)

        image = page.main_image
        (entry,) = (each for each in metadata["files"] if each["kind"] == "image")
        self.assertEqual(entry["id"], image.pk)
        self.assertEqual(entry["package_status"], "included")
        filename = image.file.name.rsplit("/", 1)[-1]
        self.assertEqual(
            entry["package_path"], f"data/files/image/{image.pk}-{filename}"
        )
        original = stored_bytes(get_image_model(), image.pk)
        self.assertEqual((bag_dir / entry["package_path"]).read_bytes(), original)
        self.assertEqual(entry["sha256"], bag.entries[entry["package_path"]]["sha256"])

    def test_report_with_document(self):
        _report, record = self.publish_report()
        bag_dir, _names = self.unzip(record)
        self.assertValidBag(bag_dir)
        metadata = self.metadata(bag_dir)
        (entry,) = (each for each in metadata["files"] if each["kind"] == "document")
        self.assertEqual(entry["package_status"], "included")
        self.assertTrue(entry["package_path"].startswith("data/files/document/"))
        self.assertEqual(
            (bag_dir / entry["package_path"]).read_bytes(),
            stored_bytes(get_document_model(), entry["id"]),
        )
        self.assertIn(
            "Laporan Keuangan Semester I", (bag_dir / "data/page.html").read_text()
        )

    def test_a_file_changed_after_publication_is_left_out(self):
        page, record = self.publish_news()
        replace_stored_file(get_image_model(), page.main_image_id, b"not the photo")
        bag_dir, _names = self.unzip(record)
        self.assertValidBag(bag_dir)
        (entry,) = self.metadata(bag_dir)["files"]
        self.assertEqual(entry["package_status"], "changed")
        self.assertNotIn("package_path", entry)
        self.assertEqual(entry["current_size"], len(b"not the photo"))
        self.assertNotEqual(entry["current_sha256"], entry["sha256"])
        self.assertEqual(list((bag_dir / "data").glob("files/*/*")), [])

    def test_a_file_gone_after_publication_is_marked_missing(self):
        _report, record = self.publish_report()
        (document,) = (each for each in record.files if each["kind"] == "document")
        get_document_model().objects.get(pk=document["id"]).file.delete(save=False)
        bag_dir, _names = self.unzip(record)
        self.assertValidBag(bag_dir)
        (entry,) = self.metadata(bag_dir)["files"]
        self.assertEqual(entry["package_status"], "missing")
        self.assertNotIn("package_path", entry)
        self.assertEqual(list((bag_dir / "data").glob("files/*/*")), [])

    def test_html_is_rendered_when_the_record_has_no_snapshot(self):
        _page, record = self.publish_news(snapshot=False)
        self.assertEqual(record.html_snapshot, "")
        bag_dir, _names = self.unzip(record)
        self.assertValidBag(bag_dir)
        self.assertIn(
            "Wali Kota Resmikan Taman Kota", (bag_dir / "data/page.html").read_text()
        )
        metadata = self.metadata(bag_dir)
        self.assertTrue(metadata["html_rendered_at_packaging"])
        self.assertTrue(metadata["page_html_included"])

    def test_a_page_that_cannot_be_rendered_is_packed_without_html(self):
        _page, record = self.publish_news(snapshot=False)
        # A template error stands for any reason a page no longer renders.
        with mock.patch(
            "moderation.archiving.page_html_render", side_effect=ValueError("broken")
        ):
            bag_dir = archive_package_build(
                record=record, directory=self.temporary_directory()
            )
        self.assertValidBag(bag_dir)
        self.assertFalse((bag_dir / "data/page.html").exists())
        self.assertTrue((bag_dir / "data/page.json").exists())
        metadata = self.metadata(bag_dir)
        self.assertFalse(metadata["page_html_included"])
        self.assertFalse(metadata["html_rendered_at_packaging"])

    def test_zip_written_to_a_path_replaces_an_older_one(self):
        _page, record = self.publish_news()
        output = self.temporary_directory() / "paket.zip"
        output.write_bytes(b"old")
        archive_package_zip(record=record, output=output)
        bag_dir, _names = self.extract(output)
        self.assertValidBag(bag_dir)
        self.assertEqual([path.name for path in output.parent.iterdir()], ["paket.zip"])


class PackageDownloadTests(ArchivePackageTestCase):
    def download(self, user, record):
        self.client.force_login(user)
        return self.client.get(reverse("moderation_archive_package", args=(record.pk,)))

    def test_who_may_read_the_record_downloads_its_package(self):
        _page, record = self.publish_news(owner=self.writer)
        for user in (self.superuser, self.writer):
            with self.subTest(user=user.username):
                response = self.download(user, record)
                self.assertEqual(response.status_code, 200)
                self.assertEqual(response["Content-Type"], "application/zip")
                self.assertIn(
                    f'attachment; filename="{archive_package_name(record)}.zip"',
                    response["Content-Disposition"],
                )
                zipped = io.BytesIO(b"".join(response.streaming_content))
                bag_dir, _names = self.extract(zipped)
                self.assertValidBag(bag_dir)

    def test_a_writer_cannot_download_what_someone_else_wrote(self):
        _page, record = self.publish_news(owner=self.writer)
        self.assertEqual(self.download(self.other_writer, record).status_code, 404)

    def test_no_download_without_admin_access(self):
        _page, record = self.publish_news(owner=self.writer)
        self.client.logout()
        url = reverse("moderation_archive_package", args=(record.pk,))
        self.assertEqual(self.client.get(url).status_code, 302)


class ExportCommandTests(ArchivePackageTestCase):
    def export(self, *args):
        output = self.temporary_directory() / "ekspor"
        stdout = io.StringIO()
        call_command("export_archive", *args, "--output", str(output), stdout=stdout)
        written = (
            sorted(path.name for path in output.iterdir()) if output.exists() else []
        )
        return written, stdout.getvalue()

    def test_packages_of_local_dates_and_of_one_site(self):
        # 23.30 on 6 March and 00.30 on 7 March WIB are both 6 March in UTC.
        _page, before = self.publish_news(
            datetime.datetime(2026, 3, 6, 23, 30, tzinfo=WIB), title="Sebelum"
        )
        _page, first = self.publish_news(
            datetime.datetime(2026, 3, 7, 0, 30, tzinfo=WIB), title="Pertama"
        )
        _page, last = self.publish_news(
            datetime.datetime(2026, 3, 8, 23, 59, tzinfo=WIB),
            title="Terakhir",
            publish_to_infopublik=False,
        )
        _page, after = self.publish_news(
            datetime.datetime(2026, 3, 9, 0, 1, tzinfo=WIB), title="Sesudah"
        )
        with (
            time_machine.travel(datetime.datetime(2026, 3, 8, 10, tzinfo=WIB)),
            self.captureOnCommitCallbacks(execute=True),
        ):
            article = ArticlePageFactory(parent=self.article_index, title="Artikel")
        article_record = ArchiveRecord.objects.get(page=article)

        def zips(*records):
            return sorted(f"{archive_package_name(record)}.zip" for record in records)

        period = ("--since", "2026-03-07", "--until", "2026-03-08")
        written, output = self.export(*period)
        self.assertEqual(written, zips(first, last, article_record))
        self.assertIn("3", output)
        self.assertIn("ekspor", output)
        written, _output = self.export(*period, "--site", "media_center")
        self.assertEqual(written, zips(first, last))
        # News live on Info Publik as a copy is exported with Info Publik's.
        written, _output = self.export(*period, "--site", INFOPUBLIK_HOST)
        self.assertEqual(written, zips(first, article_record))
        written, _output = self.export("--since", "2026-03-06", "--until", "2026-03-06")
        self.assertEqual(written, zips(before))
        written, _output = self.export("--since", "2026-03-09", "--until", "2026-03-09")
        self.assertEqual(written, zips(after))

    def test_a_zip_of_the_export_is_a_valid_bag(self):
        _page, record = self.publish_news()
        output = self.temporary_directory()
        call_command(
            "export_archive",
            "--since=2026-03-10",
            "--until=2026-03-10",
            f"--output={output}",
            stdout=io.StringIO(),
        )
        bag_dir, _names = self.extract(output / f"{archive_package_name(record)}.zip")
        self.assertValidBag(bag_dir)

    def test_no_publication_in_the_period(self):
        written, output = self.export("--since", "2020-01-01", "--until", "2020-01-31")
        self.assertEqual(written, [])
        self.assertIn("2020-01-01", output)

    def test_errors(self):
        for args, message in (
            (("--since", "2026-13-01", "--until", "2026-12-31"), "2026-13-01"),
            (("--since", "7-3-2026", "--until", "2026-12-31"), "7-3-2026"),
            (("--since", "2026-03-08", "--until", "2026-03-07"), "2026-03-08"),
            (
                ("--since", "2026-03-07", "--until", "2026-03-08", "--site", "nowhere"),
                "nowhere",
            ),
        ):
            with self.subTest(args=args), self.assertRaises(CommandError) as raised:
                self.export(*args)
            self.assertIn(message, str(raised.exception))
