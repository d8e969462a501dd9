"""
The integrity check (issue 9, points 3 and 5): every live page against its
published revision, its archive record and its public HTML, screened for
gambling spam; tampering detected with the page, the kind and the field;
nothing found on untouched content, the full demo included.
"""

import csv
import datetime
import hashlib
import io
import json
import tempfile
from pathlib import Path
from unittest import mock

from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import capfirst

from wagtail.models import Page, PageLogEntry, Revision

import time_machine

from infopublik.factories import ArticlePageFactory
from infopublik.models import ArticlePage
from media_center.factories import NewsPageFactory
from media_center.models import NewsPage
from moderation import services as sop
from moderation.integrity import INTEGRITY_ACTION, difference_text, markup_of
from moderation.management.commands.verify_integrity import (
    BUSY,
    FOUND,
    NOT_CHECKED,
    USAGE,
)
from moderation.models import (
    ArchiveRecord,
    IntegrityFinding,
    IntegrityRun,
    LexiconTerm,
    ScreeningAlarm,
)
from moderation.screening_alarms import screening_alarms_clear
from moderation.views.audit import local_time_label
from portal.factories import AgencyFactory, ImageFactory, UserFactory
from portal.models import CustomImage
from tests.utils import group_member

from .utils import ContentSopTestCase

Kind = IntegrityFinding.Kind
NEWS_BODY = "<p>Wali Kota meresmikan Pasar Kahayan yang baru dibangun, Senin pagi.</p>"


def paragraph(html):
    return [{"type": "paragraph", "value": html}]


def verify(*args):
    """Run ``verify_integrity`` in English: (exit status, output)."""
    out = io.StringIO()
    with translation.override("en"):
        try:
            call_command("verify_integrity", *args, stdout=out, stderr=io.StringIO())
        except CommandError as error:
            return error.returncode, f"{out.getvalue()}{error}"
    return 0, out.getvalue()


def findings(run=None):
    """The findings of ``run`` (the latest) as {(page id, kind, field): details}."""
    run = run or IntegrityRun.objects.latest()
    found = {}
    for finding in run.findings.order_by("pk"):
        key = (finding.page_id, finding.kind, finding.field)
        found[key] = "\n".join(filter(None, (found.get(key), finding.detail)))
    return found


class IntegrityTestCase(ContentSopTestCase):
    """
    A news item published on the three sites (its copies on Info Publik and
    the portal are Wagtail aliases) and an Info Publik article, each with
    its archive record completed (checksums and HTML snapshot).
    """

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.website_admin = group_member("adminweb", sop.WEBSITE_ADMIN)
        cls.operator = group_member("operator", sop.OPERATOR)
        cls.superuser = UserFactory(username="super", is_superuser=True)
        cls.agency = AgencyFactory(
            name="Dinas Kesehatan Kota Palangka Raya",
            website="https://dinkes.palangkaraya.go.id/",
        )
        with cls.captureOnCommitCallbacks(execute=True):
            cls.news = NewsPageFactory(
                parent=cls.news_index,
                title="Wali Kota Resmikan Pasar Kahayan",
                lead="Pasar baru menampung 300 pedagang.",
                body=paragraph(NEWS_BODY),
                main_image=ImageFactory(title="Pasar Kahayan", description=""),
                main_image_alt="Pedagang di Pasar Kahayan",
                main_image_caption="Pasar Kahayan, Senin pagi.",
                source_agency=cls.agency,
                publish_to_infopublik=True,
                publish_to_portal=True,
                tags=["pasar", "umkm"],
            )
            cls.article = ArticlePageFactory(
                parent=cls.article_index,
                title="Rilis Data Penduduk 2026",
                summary="Jumlah penduduk per kecamatan.",
                section=cls.section,
                body=paragraph("<p>Data kependudukan semester pertama.</p>"),
            )
        # As the publication left them (live revision and all).
        cls.news = NewsPage.objects.get(pk=cls.news.pk)
        cls.article = ArticlePage.objects.get(pk=cls.article.pk)
        cls.infopublik_copy = NewsPage.objects.get(
            alias_of=cls.news, path__startswith=cls.infopublik_home.path
        )

    def body_tamper(self, page, html):
        """Change the first paragraph of ``page``'s body in the database only."""
        model = type(page)
        raw = list(model.objects.get(pk=page.pk).body.raw_data)
        raw[0] = {**raw[0], "value": html}
        model.objects.filter(pk=page.pk).update(body=json.dumps(raw))

    def assertFound(self, page, kind, field=None):  # noqa: N802
        """A finding of ``kind`` (in ``field``) on ``page`` in the latest run: its detail."""
        found = {
            key: detail
            for key, detail in findings().items()
            if key[0] == page.pk and key[1] == kind and field in (None, key[2])
        }
        self.assertTrue(
            found,
            f"no {kind} {field or ''} on {page.title}; found: {sorted(findings())}",
        )
        return "\n".join(found.values())


class CleanContentTests(IntegrityTestCase):
    def test_untouched_content_has_no_findings_and_exit_status_0(self):
        code, output = verify()

        self.assertEqual(code, 0, output)
        self.assertIn("No findings.", output)
        run = IntegrityRun.objects.get()
        self.assertIsNotNone(run.finished_at)
        live = Page.objects.filter(live=True, depth__gt=1).count()
        self.assertEqual(run.pages_checked, live)
        self.assertIn(f"Checked {live} live pages.", output)
        self.assertFalse(run.findings.exists())
        self.assertFalse(PageLogEntry.objects.filter(action=INTEGRITY_ACTION).exists())

    def test_content_published_through_the_sop_is_clean(self):
        page = self.submit_article(self.writer, title="Rekap Layanan Publik")
        for user in (self.section_head, self.head, self.website_admin):
            with self.captureOnCommitCallbacks(execute=True):
                response, _step = self.act(user, page, "approve")
            self.assertEqual(response.status_code, 302)
        page.refresh_from_db()
        self.assertTrue(page.live)
        self.assertTrue(ArchiveRecord.objects.filter(revision=page.live_revision))

        code, output = verify()

        self.assertEqual(code, 0, output)

    def test_a_draft_waiting_in_review_is_not_a_difference(self):
        """The live row keeps the published content while a new version is reviewed."""
        page = ArticlePage.objects.get(pk=self.article.pk)
        page.title = "Rilis Data Penduduk 2026 (revisi)"
        page.save_revision(user=self.writer)

        code, output = verify()

        self.assertEqual(code, 0, output)

    def test_republished_news_and_its_copies_are_clean(self):
        news = NewsPage.objects.get(pk=self.news.pk)
        news.title = "Wali Kota Resmikan Pasar Kahayan Baru"
        news.tags.add("ekonomi")
        with self.captureOnCommitCallbacks(execute=True):
            news.save_revision(user=self.superuser).publish(user=self.superuser)
        copy = NewsPage.objects.get(pk=self.infopublik_copy.pk)
        self.assertEqual(copy.title, "Wali Kota Resmikan Pasar Kahayan Baru")

        code, output = verify()

        self.assertEqual(code, 0, output)

    def test_a_scheduled_publication_is_clean(self):
        page = ArticlePage.objects.get(pk=self.article.pk)
        page.summary = "Jumlah penduduk per kecamatan, semester kedua."
        page.go_live_at = timezone.now() + datetime.timedelta(hours=1)
        page.save_revision(user=self.superuser).publish(user=self.superuser)
        # Waiting for its time, the live page still shows the version before.
        self.assertEqual(verify()[0], 0)
        with (
            time_machine.travel(page.go_live_at + datetime.timedelta(minutes=1)),
            self.captureOnCommitCallbacks(execute=True),
        ):
            call_command("publish_scheduled", verbosity=0)
            page.refresh_from_db()
            self.assertEqual(
                page.summary, "Jumlah penduduk per kecamatan, semester kedua."
            )

            code, output = verify()

        self.assertEqual(code, 0, output)

    def test_a_page_copied_and_kept_live_is_clean(self):
        """Wagtail logs the copy's publication with the revision it goes live with."""
        from wagtail.actions.copy_page import CopyPageAction

        with self.captureOnCommitCallbacks(execute=True):
            copy = CopyPageAction(
                ArticlePage.objects.get(pk=self.article.pk),
                to=self.article_index,
                update_attrs={"slug": "rilis-data-penduduk-2026-salinan"},
                keep_live=True,
                user=self.superuser,
            ).execute()
        self.assertTrue(copy.live)

        code, output = verify()

        self.assertEqual(code, 0, output)

    def test_a_copy_with_its_own_slug_is_not_a_difference(self):
        """A copy keeps its own slug when the original's is taken on its site."""
        NewsPage.objects.filter(pk=self.infopublik_copy.pk).update(
            slug=f"{self.news.slug}-{self.news.pk}"
        )

        code, output = verify()

        self.assertEqual(code, 0, output)


class TamperingTests(IntegrityTestCase):
    def test_title_changed_in_the_database(self):
        Page.objects.filter(pk=self.article.pk).update(title="Rilis Data Palsu")

        code, output = verify()

        self.assertEqual(code, FOUND)
        detail = self.assertFound(self.article, Kind.CONTENT_CHANGED, "title")
        self.assertIn("− Rilis Data Penduduk 2026", detail)
        self.assertIn("+ Rilis Data Palsu", detail)
        self.assertIn("Rilis Data Palsu (ID", output)
        self.assertIn("Findings: 1, on 1 page.", output)
        # Nothing else differs; the news and its copies are clean.
        self.assertEqual(
            set(findings()), {(self.article.pk, "content_changed", "title")}
        )

    def test_text_field_of_the_page_type_changed_in_the_database(self):
        ArticlePage.objects.filter(pk=self.article.pk).update(
            summary="Jumlah penduduk per kecamatan, diubah tanpa persetujuan."
        )

        verify()

        detail = self.assertFound(self.article, Kind.CONTENT_CHANGED, "summary")
        self.assertIn("diubah tanpa persetujuan", detail)

    def test_hidden_link_injected_in_rich_text(self):
        self.body_tamper(
            self.news,
            NEWS_BODY.replace(
                "</p>",
                ' <span style="position:absolute;left:-9999px">'
                '<a href="https://gacor.example/daftar">daftar di sini</a></span></p>',
            ),
        )

        code, _output = verify()

        self.assertEqual(code, FOUND)
        detail = self.assertFound(self.news, Kind.CONTENT_CHANGED, "body")
        self.assertIn('+ [0].value: <a href="https://gacor.example/daftar">', detail)
        link = self.assertFound(self.news, Kind.HTML_LINK, "html")
        self.assertEqual(link, "<a href>: https://gacor.example/daftar")
        screening = self.assertFound(self.news, Kind.SCREENING)
        self.assertIn("hidden link", screening)

    def test_script_injected_in_rich_text(self):
        self.body_tamper(
            self.news,
            NEWS_BODY
            + '<script src="https://cdn.evil.example/x.js"></script>'
            + "<script>document.location='https://gacor.example'</script>"
            + '<p><img src="/x.png" onerror="fetch(1)"></p>',
        )

        verify()

        scripts = self.assertFound(self.news, Kind.HTML_SCRIPT, "html")
        self.assertIn("<script src>: https://cdn.evil.example/x.js", scripts)
        self.assertIn("document.location='https://gacor.example'", scripts)
        self.assertIn("<img onerror>: fetch(1)", scripts)
        self.assertFound(self.news, Kind.CONTENT_CHANGED, "body")

    def test_look_alike_gambling_terms_in_each_kind_of_field(self):
        cases = (
            # Cyrillic letters in the title.
            ("title", {"title": "Pasar Murah ѕlоt gасоr"}, "Title"),
            # Separators and digits in rich text.
            ("body", None, "Body"),
            # Full-width letters in the SEO description.
            (
                "search_description",
                {"search_description": "Info ｊｕｄｉ ｏｎｌｉｎｅ terbaru"},
                "description",
            ),
            # An alternative text.
            ("main_image_alt", {"main_image_alt": "Foto T0G3L hari ini"}, "alt"),
        )
        NewsPage.objects.filter(pk=self.news.pk).update(
            **{
                name: value
                for _field, values, _label in cases
                if values
                for name, value in values.items()
            }
        )
        self.body_tamper(self.news, "<p>Main di s.l.o.t g@cor sekarang.</p>")

        verify()

        screening = [
            (field, detail)
            for (page_id, kind, field), detail in findings().items()
            if page_id == self.news.pk and kind == Kind.SCREENING
        ]
        for field, _values, label in cases:
            with self.subTest(field=field):
                self.assertFound(self.news, Kind.CONTENT_CHANGED, field)
                self.assertTrue(
                    any(label.lower() in found.lower() for found, _d in screening),
                    f"{label} not in {screening}",
                )
        details = "\n".join(detail for _field, detail in screening)
        for term in ("slot gacor", "judi online", "togel"):
            self.assertIn(term, details)

    def test_look_alike_gambling_term_in_an_image_title(self):
        """An image is not page content: only the screening sees its title."""
        CustomImage.objects.filter(pk=self.news.main_image_id).update(
            title="Ｓｌｏｔ Ｇａｃｏｒ"
        )

        verify()

        keys = {key for key in findings() if key[0] == self.news.pk}
        self.assertEqual({kind for _page, kind, _field in keys}, {Kind.SCREENING})
        self.assertIn("slot gacor", self.assertFound(self.news, Kind.SCREENING))

    def test_archive_record_checksum_changed_in_the_database(self):
        record = ArchiveRecord.objects.get(revision=self.article.live_revision)
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE moderation_archiverecord SET content_sha256 = %s WHERE id = %s",
                ["0" * 64, record.pk],
            )

        code, _output = verify()

        self.assertEqual(code, FOUND)
        detail = self.assertFound(self.article, Kind.ARCHIVE_MISMATCH, "")
        self.assertIn(record.content_sha256, detail)
        self.assertIn("0" * 64, detail)

    def test_published_revision_and_page_changed_together(self):
        """Changed consistently in the page and its revision: the archive record differs."""
        revision = Revision.objects.get(pk=self.article.live_revision_id)
        content = {**revision.content, "title": "Rilis Data Palsu"}
        Revision.objects.filter(pk=revision.pk).update(content=content)
        Page.objects.filter(pk=self.article.pk).update(title="Rilis Data Palsu")

        verify()

        detail = self.assertFound(self.article, Kind.ARCHIVE_MISMATCH, "title")
        self.assertIn("− Rilis Data Penduduk 2026", detail)
        self.assertIn("+ Rilis Data Palsu", detail)
        self.assertNotIn(
            (self.article.pk, Kind.CONTENT_CHANGED, "title"), set(findings())
        )

    def test_archive_record_missing(self):
        record = ArchiveRecord.objects.get(revision=self.article.live_revision)
        with connection.cursor() as cursor:
            cursor.execute(
                "DELETE FROM moderation_archiverecord_sites WHERE archiverecord_id = %s",
                [record.pk],
            )
            cursor.execute(
                "DELETE FROM moderation_archiverecord WHERE id = %s", [record.pk]
            )

        verify()

        detail = self.assertFound(self.article, Kind.ARCHIVE_MISMATCH, "")
        self.assertIn("has no archive record", detail)

    def test_copy_changed_in_the_database(self):
        NewsPage.objects.filter(pk=self.infopublik_copy.pk).update(
            lead="Baca juga: situs gacor."
        )

        verify()

        self.assertFound(self.infopublik_copy, Kind.CONTENT_CHANGED, "lead")
        self.assertFalse([key for key in findings() if key[0] == self.news.pk])

    def test_live_page_without_a_published_revision(self):
        """A page put live straight into the database, never approved."""
        page = ArticlePage(
            title="Info Terbaru",
            slug="info-terbaru",
            summary="Kunjungi situs kami.",
            section=self.section,
            body=paragraph('<p><a href="https://gacor.example/">Kunjungi</a></p>'),
            live=True,
        )
        self.article_index.add_child(instance=page)

        verify()

        detail = self.assertFound(page, Kind.CONTENT_CHANGED, "")
        self.assertIn("no published revision", detail)

    def test_link_on_the_rendered_page_only(self):
        """
        The agency a news item cites is not part of its content: a gambling
        site put in place of the agency's website in the database shows on
        every news page citing it, in both renders; the screening of the
        public HTML sees it, and the archive's snapshot of the page as
        published did not have it.
        """
        type(self.agency).objects.filter(pk=self.agency.pk).update(
            website="https://slot-gacor88.example/"
        )

        verify()

        detail = self.assertFound(self.news, Kind.SCREENING)
        self.assertIn("https://slot-gacor88.example/", detail)
        link = self.assertFound(self.news, Kind.HTML_LINK, "html_snapshot")
        self.assertIn("https://slot-gacor88.example/", link)
        self.assertEqual(
            {key[1:] for key in findings() if key[0] == self.news.pk},
            {(Kind.SCREENING, key[2]) for key in findings() if key[1] == Kind.SCREENING}
            | {(Kind.HTML_LINK, "html_snapshot")},
        )

    def test_off_site_link_put_into_an_object_the_page_shows(self):
        """
        A link that is no gambling term: only the archive's snapshot of the
        page as published shows that it was not there.
        """
        type(self.agency).objects.filter(pk=self.agency.pk).update(
            website="https://evil.example/"
        )

        code, _output = verify()

        self.assertEqual(code, FOUND)
        detail = self.assertFound(self.news, Kind.HTML_LINK, "html_snapshot")
        self.assertEqual(
            detail,
            "not on the page when it was published: <a href>: https://evil.example/",
        )
        # Not in the content, and both renders of today show it.
        self.assertEqual(
            {key for key in findings() if key[0] == self.news.pk},
            {(self.news.pk, Kind.HTML_LINK, "html_snapshot")},
        )

    def test_links_the_sites_add_after_publication_are_not_findings(self):
        """
        Listings and menus gain the sites' own links after publication; a
        static file's new name after a release is no finding either; the
        agency's own domains, when configured, are its own.
        """
        ArticlePageFactory(
            parent=self.article_index,
            title="Jadwal Pelayanan KTP",
            summary="Jadwal baru.",
            section=self.section,
            body=paragraph("<p>Senin sampai Jumat.</p>"),
        )
        self.assertEqual(verify()[0], 0)

        type(self.agency).objects.filter(pk=self.agency.pk).update(
            website="https://rsud.palangkaraya.go.id/"
        )
        self.assertEqual(verify()[0], FOUND)
        with override_settings(WARTA_INTEGRITY_OWN_DOMAINS=["palangkaraya.go.id"]):
            code, output = verify()
        self.assertEqual(code, 0, output)

    def verify_with_head(self, html, *args):
        """``verify`` with ``html`` added to the head of every news page's template."""
        with tempfile.TemporaryDirectory() as folder:
            template = Path(folder, "media_center", "news_page.html")
            template.parent.mkdir()
            template.write_text(
                '{% extends "media_center/news_page.html" %}'
                f"{{% block extra_head %}}{{{{ block.super }}}}{html}{{% endblock %}}"
            )
            engine = settings.TEMPLATES[0]
            with override_settings(
                TEMPLATES=[{**engine, "DIRS": [folder, *engine["DIRS"]]}]
            ):
                return verify(*args)

    def test_script_slipped_into_a_template(self):
        """
        A script in a site template is in every render, the published
        revision's too; the archive's snapshot of the page as published did
        not have it.
        """
        self.verify_with_head(
            '<script src="https://cdn.evil.example/miner.js"></script>'
        )

        detail = self.assertFound(self.news, Kind.HTML_SCRIPT, "html_snapshot")
        self.assertIn("https://cdn.evil.example/miner.js", detail)
        self.assertNotIn((self.news.pk, Kind.HTML_SCRIPT, "html"), set(findings()))

    def test_static_files_of_a_release_are_not_findings(self):
        """
        A release renames the static files (hashed names) or adds one: they
        come from the code, not the content, and are left out of the
        comparison with the page as published.
        """
        for script in (
            f'<script src="{settings.STATIC_URL}js/video.3f2a9c.js" defer></script>',
            f'<script src="http://{self.media_center_site.hostname}{settings.STATIC_URL}js/a.js">'
            "</script>",
        ):
            with self.subTest(script=script):
                code, output = self.verify_with_head(script)
                self.assertEqual(code, 0, output)

    def test_empty_html_snapshot_of_a_completed_record(self):
        """Emptied, the snapshot would silently stop the comparison with it."""
        record = ArchiveRecord.objects.get(revision=self.news.live_revision)
        self.assertTrue(record.completed_at and record.html_snapshot)
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE moderation_archiverecord SET html_snapshot = '' WHERE id = %s",
                [record.pk],
            )

        code, _output = verify()

        self.assertEqual(code, FOUND)
        detail = self.assertFound(self.news, Kind.ARCHIVE_MISMATCH, "html_snapshot")
        self.assertIn(f"archive record (ID {record.pk})", detail)
        self.assertEqual(
            set(findings()),
            {(self.news.pk, Kind.ARCHIVE_MISMATCH, "html_snapshot")},
        )

    def republished(self, page, **changes):
        """``page`` published again with ``changes``, its archive record completed."""
        page = type(page).objects.get(pk=page.pk)
        for name, value in changes.items():
            setattr(page, name, value)
        with self.captureOnCommitCallbacks(execute=True):
            page.save_revision(user=self.superuser).publish(user=self.superuser)
        return type(page).objects.get(pk=page.pk)

    def test_live_revision_pointed_back_to_an_older_approved_version(self):
        """
        The row and its live revision rolled back together to the version
        published before: content, checksum and snapshot all agree with
        that version; the audit log says another was published last.
        """
        older = self.article.live_revision_id
        article = self.republished(
            self.article, summary="Jumlah penduduk per kecamatan, semester kedua."
        )
        self.assertEqual(verify()[0], 0)
        ArticlePage.objects.filter(pk=article.pk).update(
            live_revision_id=older, summary="Jumlah penduduk per kecamatan."
        )

        code, _output = verify()

        self.assertEqual(code, FOUND)
        detail = self.assertFound(article, Kind.CONTENT_CHANGED, "live_revision")
        self.assertIn(f"revision {older} as its published version", detail)
        self.assertIn(f"of revision {article.live_revision_id}.", detail)
        self.assertEqual(
            set(findings()),
            {(article.pk, Kind.CONTENT_CHANGED, "live_revision")},
        )

    def test_live_revision_pointed_at_an_unapproved_draft(self):
        article = ArticlePage.objects.get(pk=self.article.pk)
        article.summary = "Draf yang belum disetujui."
        draft = article.save_revision(user=self.writer)
        ArticlePage.objects.filter(pk=article.pk).update(
            live_revision_id=draft.pk, summary="Draf yang belum disetujui."
        )

        code, _output = verify()

        self.assertEqual(code, FOUND)
        detail = self.assertFound(article, Kind.CONTENT_CHANGED, "live_revision")
        self.assertIn(f"revision {draft.pk} as its published version", detail)
        self.assertIn(f"of revision {self.article.live_revision_id}.", detail)

    def test_image_pointed_at_another_stored_file(self):
        other = ImageFactory(title="Foto lain", description="")
        image = CustomImage.objects.get(pk=self.news.main_image_id)
        CustomImage.objects.filter(pk=image.pk).update(file=other.file.name)

        code, _output = verify()

        self.assertEqual(code, FOUND)
        detail = self.assertFound(self.news, Kind.ARCHIVE_MISMATCH, "files")
        self.assertIn(f"Image {image.pk} “Pasar Kahayan” ({image.file.name})", detail)
        self.assertIn(f"now points to the stored file {other.file.name}", detail)
        self.assertEqual(
            set(findings()),
            {(self.news.pk, Kind.ARCHIVE_MISMATCH, "files")},
        )

    def test_stored_file_overwritten_in_place(self):
        """
        Only ``--files`` reads every file (daily); a file it found changed is
        read again by every run until it matches again, and logged once.
        """
        image = CustomImage.objects.get(pk=self.news.main_image_id)
        storage = image.file.storage
        with storage.open(image.file.name, "rb") as stream:
            original = stream.read()
        # Still a valid JPEG (what follows its end marker is ignored).
        replacement = original + b"<a href='https://gacor.example/'>slot</a>"
        path = storage.path(image.file.name)

        def write(data):
            with open(path, "wb") as stream:
                stream.write(data)

        self.addCleanup(write, original)
        write(replacement)

        self.assertEqual(verify()[0], 0)
        code, _output = verify("--files")
        self.assertEqual(code, FOUND)
        detail = self.assertFound(self.news, Kind.ARCHIVE_MISMATCH, "files")
        self.assertIn(f"Image {image.pk} “Pasar Kahayan”", detail)
        self.assertIn("the stored file's content changed", detail)
        self.assertIn(hashlib.sha256(replacement).hexdigest(), detail)
        self.assertEqual(verify()[0], FOUND)
        self.assertEqual(
            PageLogEntry.objects.filter(
                action=INTEGRITY_ACTION, page=self.news, data__field="files"
            ).count(),
            1,
        )

        write(original)
        code, output = verify()
        self.assertEqual(code, 0, output)


class AuditLogTests(IntegrityTestCase):
    def test_each_difference_is_logged_once_in_the_page_history(self):
        Page.objects.filter(pk=self.article.pk).update(title="Rilis Data Palsu")

        verify()
        verify()

        self.assertEqual(IntegrityRun.objects.count(), 2)
        for run in IntegrityRun.objects.all():
            self.assertEqual(
                set(findings(run)), {(self.article.pk, "content_changed", "title")}
            )
        (entry,) = PageLogEntry.objects.filter(action=INTEGRITY_ACTION)
        self.assertEqual(entry.page_id, self.article.pk)
        self.assertEqual(entry.revision_id, self.article.live_revision_id)
        self.assertEqual(entry.data["kind"], "content_changed")
        self.assertEqual(entry.data["field"], "title")
        self.assertIn("+ Rilis Data Palsu", entry.data["detail"])

        self.client.force_login(self.superuser)
        response = self.client.get(
            reverse("wagtailadmin_pages:history", args=(self.article.pk,))
        )
        with translation.override("id"):
            label = str(Kind.CONTENT_CHANGED.label)
        self.assertContains(response, label)
        self.assertContains(response, "+ Rilis Data Palsu")

    def test_a_new_difference_is_logged_at_the_next_run(self):
        Page.objects.filter(pk=self.article.pk).update(title="Rilis Data Palsu")
        verify()
        ArticlePage.objects.filter(pk=self.article.pk).update(summary="Diubah.")
        verify()

        logged = PageLogEntry.objects.filter(action=INTEGRITY_ACTION)
        self.assertEqual(
            sorted(entry.data["field"] for entry in logged), ["summary", "title"]
        )

    def test_a_difference_that_comes_back_after_a_clean_run_is_logged_again(self):
        Page.objects.filter(pk=self.article.pk).update(title="Rilis Data Palsu")
        verify()
        Page.objects.filter(pk=self.article.pk).update(title=self.article.title)
        self.assertEqual(verify()[0], 0)
        Page.objects.filter(pk=self.article.pk).update(title="Rilis Data Palsu")
        verify()
        verify()

        self.assertEqual(
            PageLogEntry.objects.filter(action=INTEGRITY_ACTION).count(), 2
        )

    def test_a_run_that_stopped_after_logging_does_not_make_the_next_log_again(self):
        """
        A run that died (killed, out of memory) logged its differences but
        never finished; the next finished run does not log them again.
        """
        from moderation import integrity

        Page.objects.filter(pk=self.article.pk).update(title="Rilis Data Palsu")
        verify_page = integrity._page_verify

        def dying(page, baseline, context, run):
            result = verify_page(page, baseline, context, run)
            if page.pk == self.article.pk:
                raise SystemExit("killed")
            return result

        started = timezone.now()
        with (
            time_machine.travel(started, tick=False),
            mock.patch.object(integrity, "_page_verify", side_effect=dying),
            self.assertRaises(SystemExit),
        ):
            verify()
        self.assertIsNone(IntegrityRun.objects.get().finished_at)
        self.assertEqual(
            PageLogEntry.objects.filter(action=INTEGRITY_ACTION).count(), 1
        )

        # Hours later the stopped run no longer keeps the next from starting.
        with time_machine.travel(started + datetime.timedelta(hours=4)):
            code, _output = verify()
            verify()

        self.assertEqual(code, FOUND)
        self.assertEqual(
            IntegrityRun.objects.filter(finished_at__isnull=False).count(), 2
        )
        (entry,) = PageLogEntry.objects.filter(action=INTEGRITY_ACTION)
        self.assertEqual(entry.data["field"], "title")

    def test_a_run_does_not_start_while_another_has_not_finished(self):
        Page.objects.filter(pk=self.article.pk).update(title="Rilis Data Palsu")
        now = timezone.now()
        other = IntegrityRun.objects.create(
            started_at=now - datetime.timedelta(hours=1)
        )

        with time_machine.travel(now, tick=False):
            code, output = verify()

        self.assertEqual(code, BUSY)
        self.assertIn("Not started: the run of the integrity check started at", output)
        self.assertIn("WIB has not finished", output)
        self.assertEqual(list(IntegrityRun.objects.all()), [other])
        self.assertFalse(PageLogEntry.objects.filter(action=INTEGRITY_ACTION).exists())
        # A check of one page only reports: it may run meanwhile.
        self.assertEqual(verify("--page", str(self.article.pk))[0], FOUND)

        # Unfinished for longer than the timeout, it stopped: the next starts.
        with time_machine.travel(now + datetime.timedelta(hours=2, minutes=1)):
            code, output = verify()
        self.assertEqual(code, FOUND, output)
        # The timeout is a setting.
        with (
            override_settings(WARTA_INTEGRITY_RUN_TIMEOUT=datetime.timedelta(hours=6)),
            time_machine.travel(now + datetime.timedelta(hours=4)),
        ):
            IntegrityRun.objects.create(
                started_at=timezone.now() - datetime.timedelta(hours=5)
            )
            self.assertEqual(verify()[0], BUSY)


class CommandTests(IntegrityTestCase):
    def test_one_page_is_only_reported(self):
        Page.objects.filter(pk=self.article.pk).update(title="Rilis Data Palsu")

        code, output = verify("--page", str(self.article.pk))

        self.assertEqual(code, FOUND)
        self.assertIn("Checked 1 live page.", output)
        self.assertIn(
            "live content differs from the published revision — title", output
        )
        self.assertFalse(IntegrityRun.objects.exists())
        self.assertFalse(PageLogEntry.objects.filter(action=INTEGRITY_ACTION).exists())

    def test_one_site(self):
        Page.objects.filter(pk=self.article.pk).update(title="Rilis Data Palsu")

        code, output = verify("--site", "mediacenter.localhost")
        self.assertEqual(code, 0, output)
        code, output = verify("--site", self.infopublik_site.site_name)
        self.assertEqual(code, FOUND)
        self.assertIn("Rilis Data Palsu", output)

    def test_bad_options(self):
        for args, message in (
            (("--site", "nowhere.example"), "Unknown site nowhere.example"),
            (("--page", "999999"), "There is no page with ID 999999."),
        ):
            with self.subTest(args=args):
                code, output = verify(*args)
                self.assertEqual(code, USAGE)
                self.assertIn(message, output)
        Page.objects.filter(pk=self.article.pk).update(live=False)
        code, output = verify("--page", str(self.article.pk))
        self.assertEqual(code, USAGE)
        self.assertIn("is not live", output)

    def test_a_page_that_fails_to_render_does_not_stop_the_check(self):
        with mock.patch.object(
            ArticlePage, "serve_preview", side_effect=RuntimeError("template broken")
        ):
            code, output = verify()

        self.assertEqual(code, NOT_CHECKED)
        self.assertIn("The live page answered with status 500.", output)
        self.assertIn("1 page could not be checked in full.", output)
        # Only the pages checked in full count; the one that was not is a
        # finding the dashboard shows.
        live = Page.objects.filter(live=True, depth__gt=1).count()
        self.assertIn(f"Checked {live - 1} live pages.", output)
        run = IntegrityRun.objects.get()
        self.assertEqual(run.pages_checked, live - 1)
        detail = self.assertFound(self.article, Kind.NOT_CHECKED, "")
        self.assertIn("The live page answered with status 500.", detail)
        self.assertEqual(
            {kind for _page, kind, _field in findings()}, {Kind.NOT_CHECKED}
        )
        # Not a difference on the page: nothing in its history.
        self.assertFalse(PageLogEntry.objects.filter(action=INTEGRITY_ACTION).exists())

    def test_the_published_revision_is_rendered_only_when_the_content_differs(self):
        with mock.patch.object(
            ArticlePage,
            "make_preview_request",
            autospec=True,
            side_effect=ArticlePage.make_preview_request,
        ) as render:
            verify("--page", str(self.article.pk))
        self.assertEqual(render.call_count, 1)

        ArticlePage.objects.filter(pk=self.article.pk).update(summary="Diubah.")
        with mock.patch.object(
            ArticlePage,
            "make_preview_request",
            autospec=True,
            side_effect=ArticlePage.make_preview_request,
        ) as render:
            verify("--page", str(self.article.pk))
        self.assertEqual(render.call_count, 2)

    def test_a_page_that_cannot_be_read_does_not_stop_the_check(self):
        from moderation import integrity

        check = integrity.page_check

        def failing(page, baseline, context):
            if page.pk == self.article.pk:
                raise ValueError("body does not parse")
            return check(page, baseline, context)

        Page.objects.filter(pk=self.news.pk).update(title="Judul Palsu")
        with mock.patch.object(integrity, "page_check", side_effect=failing):
            code, output = verify()

        self.assertEqual(code, FOUND)
        self.assertIn("The page could not be checked: ValueError: body does", output)
        self.assertIn((self.news.pk, Kind.CONTENT_CHANGED, "title"), set(findings()))
        detail = self.assertFound(self.article, Kind.NOT_CHECKED, "")
        self.assertIn("ValueError: body does not parse", detail)

    def test_a_page_whose_result_cannot_be_recorded_does_not_stop_the_check(self):
        """Recording what was found is part of the page's check: its failure too."""
        from moderation import integrity

        Page.objects.filter(pk=self.news.pk).update(title="Judul Palsu")
        Page.objects.filter(pk=self.article.pk).update(title="Rilis Data Palsu")
        record = integrity._result_record

        def failing(run, result):
            if result.page.pk == self.article.pk and result.differences:
                raise RuntimeError("database hiccup")
            return record(run, result)

        with mock.patch.object(integrity, "_result_record", side_effect=failing):
            code, output = verify()

        self.assertEqual(code, FOUND)
        run = IntegrityRun.objects.get()
        self.assertIsNotNone(run.finished_at)
        self.assertIn((self.news.pk, Kind.CONTENT_CHANGED, "title"), set(findings()))
        detail = self.assertFound(self.article, Kind.NOT_CHECKED, "")
        self.assertIn("RuntimeError: database hiccup", detail)
        # Nothing of the page half-written: no difference, no log entry.
        self.assertNotIn(
            (self.article.pk, Kind.CONTENT_CHANGED, "title"), set(findings())
        )
        self.assertEqual(
            set(
                PageLogEntry.objects.filter(action=INTEGRITY_ACTION).values_list(
                    "page_id", flat=True
                )
            ),
            {self.news.pk},
        )


class ScreeningDecisionTests(IntegrityTestCase):
    def news_about_gambling(self):
        """
        News about the fight against online gambling, published before the
        term was in the lexicon: the check finds the term (alarms for a
        person to decide), and a person declares it a false alarm.
        """
        LexiconTerm.objects.update_or_create(
            term="judi online", defaults={"active": False}
        )
        with self.captureOnCommitCallbacks(execute=True):
            news = NewsPageFactory(
                parent=self.news_index,
                title="Pemkot Berantas Judi Online",
                lead="Satgas memblokir 40 alamat.",
                body=paragraph("<p>Satgas menutup akses judi online.</p>"),
                main_image=ImageFactory(title="Rapat satgas", description=""),
                publish_to_infopublik=False,
                publish_to_portal=False,
            )
        LexiconTerm.objects.filter(term="judi online").update(active=True)
        news = NewsPage.objects.get(pk=news.pk)

        verify()

        self.assertFound(news, Kind.SCREENING)
        alarm = ScreeningAlarm.objects.get(page=news, field__icontains="title")
        self.assertEqual(alarm.stage, ScreeningAlarm.Stage.INTEGRITY)
        self.assertEqual(alarm.revision_id, news.live_revision_id)

        screening_alarms_clear(
            page=news,
            user=self.superuser,
            reason="Berita pemberantasan judi online, bukan spam.",
            fingerprints=ScreeningAlarm.objects.filter(page=news).values_list(
                "fingerprint", flat=True
            ),
        )
        return news

    def test_a_term_added_to_the_lexicon_after_publication(self):
        """
        Declared a false alarm, the term is not reported again: neither on
        the page nor on the listings that show its title (the news index,
        the home page).
        """
        self.news_about_gambling()

        code, output = verify()

        self.assertEqual(code, 0, output)

    def test_a_false_alarm_on_one_page_does_not_hide_the_term_elsewhere(self):
        """
        The decision on the news about gambling covers that page and its
        title where listings show it; spam with the same term put into the
        agency another news item cites is still found there.
        """
        cleared = self.news_about_gambling()
        type(self.agency).objects.filter(pk=self.agency.pk).update(
            name="Daftar judi online di sini"
        )

        code, _output = verify()

        self.assertEqual(code, FOUND)
        detail = self.assertFound(self.news, Kind.SCREENING)
        self.assertIn("Daftar judi online di sini", detail)
        pages = {page_id for page_id, _kind, _field in findings()}
        copies = set(
            NewsPage.objects.filter(alias_of=self.news).values_list("pk", flat=True)
        )
        self.assertLessEqual(pages, {self.news.pk} | copies)
        self.assertNotIn(cleared.pk, pages)
        self.assertNotIn(self.news_index.pk, pages)


class DashboardTests(IntegrityTestCase):
    def dashboard(self, user):
        self.client.force_login(user)
        response = self.client.get(reverse("wagtailadmin_home"))
        self.assertEqual(response.status_code, 200)
        return response

    def test_the_admin_groups_see_the_findings(self):
        Page.objects.filter(pk=self.article.pk).update(title="Rilis Data Palsu")
        verify()
        with translation.override("id"):
            label = capfirst(str(Kind.CONTENT_CHANGED.label))

        for user in (self.website_admin, self.operator, self.superuser):
            with self.subTest(user=user.username):
                response = self.dashboard(user)
                self.assertContains(response, 'integrity-check--alert"')
                self.assertContains(response, "Rilis Data Palsu")
                self.assertContains(response, f"{label} — title")
                self.assertContains(
                    response,
                    reverse("wagtailadmin_pages:edit", args=(self.article.pk,)),
                )
                self.assertContains(
                    response,
                    reverse("wagtailadmin_pages:history", args=(self.article.pk,)),
                )
                self.assertContains(response, reverse("moderation_integrity_report"))

    def test_writers_do_not_see_it(self):
        Page.objects.filter(pk=self.article.pk).update(title="Rilis Data Palsu")
        verify()

        response = self.dashboard(self.writer)

        self.assertNotContains(response, "integrity-check")

    def test_a_clean_run_is_a_green_line_with_its_time(self):
        at = datetime.datetime(2026, 12, 7, 14, 0, tzinfo=datetime.UTC)
        with time_machine.travel(at, tick=False):
            verify()
            response = self.dashboard(self.website_admin)

        self.assertContains(response, 'integrity-check--clean"')
        self.assertContains(response, 'class="integrity-check__clean"')
        self.assertContains(response, "7 Des 2026 21.00 WIB")

    def test_no_run_finished_for_more_than_two_hours(self):
        """The cron line runs hourly: two hours without a finished run is stale."""
        at = timezone.now()
        with time_machine.travel(at, tick=False):
            verify()
        with time_machine.travel(at + datetime.timedelta(hours=2, minutes=5)):
            response = self.dashboard(self.website_admin)
        self.assertContains(response, 'integrity-check--stale"')
        self.assertContains(response, 'class="integrity-check__stale"')
        self.assertContains(response, "2 jam")
        # Not also the green line saying that all is well.
        self.assertNotContains(response, 'class="integrity-check__clean"')

        with time_machine.travel(at + datetime.timedelta(hours=1, minutes=55)):
            response = self.dashboard(self.website_admin)
        self.assertNotContains(response, 'class="integrity-check__stale"')
        self.assertContains(response, 'class="integrity-check__clean"')

        with (
            override_settings(WARTA_INTEGRITY_STALE_AFTER=datetime.timedelta(hours=5)),
            time_machine.travel(at + datetime.timedelta(hours=4)),
        ):
            response = self.dashboard(self.website_admin)
        self.assertNotContains(response, 'class="integrity-check__stale"')

    def test_a_run_that_has_not_finished(self):
        """
        A run newer than the latest finished one, still unfinished after an
        hour: still running, or it stopped; said with its start time.
        """
        at = datetime.datetime(2026, 12, 7, 14, 0, tzinfo=datetime.UTC)
        with time_machine.travel(at, tick=False):
            verify()
        IntegrityRun.objects.create(started_at=at + datetime.timedelta(minutes=60))

        with time_machine.travel(at + datetime.timedelta(minutes=110)):
            response = self.dashboard(self.website_admin)
        self.assertNotContains(response, "integrity-check__unfinished")

        with time_machine.travel(at + datetime.timedelta(minutes=125)):
            response = self.dashboard(self.website_admin)
        self.assertContains(response, "integrity-check__unfinished")
        self.assertContains(response, "7 Des 2026 22.00 WIB")

    def test_a_page_that_could_not_be_checked(self):
        with mock.patch.object(
            ArticlePage, "serve_preview", side_effect=RuntimeError("template broken")
        ):
            verify()

        response = self.dashboard(self.website_admin)

        self.assertContains(response, 'integrity-check--alert"')
        self.assertNotContains(response, 'class="integrity-check__clean"')
        self.assertContains(
            response, reverse("wagtailadmin_pages:edit", args=(self.article.pk,))
        )
        with translation.override("id"):
            label = capfirst(str(Kind.NOT_CHECKED.label))
        self.assertContains(response, label)

    def test_never_run(self):
        response = self.dashboard(self.website_admin)

        self.assertContains(response, 'integrity-check--stale"')

    def test_queries_do_not_grow_with_the_findings(self):
        pages = list(Page.objects.filter(live=True, depth__gt=1).order_by("path")[:10])
        self.assertEqual(len(pages), 10)

        def dashboard_queries(count):
            now = timezone.now()
            run = IntegrityRun.objects.create(
                started_at=now, finished_at=now, pages_checked=len(pages)
            )
            IntegrityFinding.objects.bulk_create(
                IntegrityFinding(
                    run=run,
                    page=page,
                    kind=Kind.CONTENT_CHANGED,
                    field="title",
                    detail="− a\n+ b",
                )
                for page in pages[:count]
            )
            self.dashboard(self.website_admin)  # fills Wagtail's caches
            with CaptureQueriesContext(connection) as queries:
                response = self.dashboard(self.website_admin)
            for page in pages[:count]:
                self.assertContains(
                    response, reverse("wagtailadmin_pages:history", args=(page.pk,))
                )
            return len(queries)

        self.assertEqual(dashboard_queries(1), dashboard_queries(10))


class ReportTests(IntegrityTestCase):
    def test_the_findings_with_their_differences_and_export(self):
        Page.objects.filter(pk=self.article.pk).update(title="Rilis Data Palsu")
        verify()
        self.client.force_login(self.website_admin)

        response = self.client.get(reverse("moderation_integrity_report"))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Rilis Data Palsu")
        self.assertContains(response, "+ Rilis Data Palsu")

        other_kind = self.client.get(
            reverse("moderation_integrity_report"), {"kind": Kind.HTML_LINK}
        )
        self.assertNotContains(other_kind, "+ Rilis Data Palsu")

        self.assertContains(other_kind, "tidak menemukan temuan jenis ini")
        self.assertNotContains(other_kind, "every live page shows what was approved")

        run = IntegrityRun.objects.get()
        IntegrityRun.objects.filter(pk=run.pk).update(
            started_at=run.finished_at - datetime.timedelta(minutes=30)
        )
        export = self.client.get(reverse("moderation_integrity_report") + "?export=csv")
        content = b"".join(export.streaming_content).decode("utf-8")
        self.assertIn("Rilis Data Palsu", content)
        self.assertIn("+ Rilis Data Palsu", content)
        _headings, row = list(csv.reader(io.StringIO(content)))
        article = Page.objects.get(pk=self.article.pk)
        self.assertEqual(row[2], article.full_url)
        self.assertTrue(row[2].startswith("http://infopublik.localhost/"), row[2])
        self.assertEqual(row[7], local_time_label(run.finished_at))

    def test_queries_do_not_grow_with_the_findings(self):
        pages = list(Page.objects.filter(live=True, depth__gt=1).order_by("path")[:10])
        self.client.force_login(self.website_admin)

        def report_queries(count):
            now = timezone.now()
            run = IntegrityRun.objects.create(
                started_at=now, finished_at=now, pages_checked=len(pages)
            )
            IntegrityFinding.objects.bulk_create(
                IntegrityFinding(
                    run=run,
                    page=page,
                    kind=Kind.CONTENT_CHANGED,
                    field="title",
                    detail="− a\n+ b",
                )
                for page in pages[:count]
            )
            url = reverse("moderation_integrity_report")
            self.client.get(url)  # fills Wagtail's caches
            with CaptureQueriesContext(connection) as queries:
                response = self.client.get(url)
            for page in pages[:count]:
                self.assertContains(
                    response, reverse("wagtailadmin_pages:history", args=(page.pk,))
                )
            return len(queries)

        self.assertEqual(report_queries(1), report_queries(10))

    def test_only_the_admin_groups(self):
        self.client.force_login(self.writer)

        response = self.client.get(reverse("moderation_integrity_report"))

        # Wagtail answers a refusal in the admin with its dashboard and a message.
        self.assertRedirects(response, reverse("wagtailadmin_home"))


class DifferenceTextTests(TestCase):
    def test_a_long_line_is_cut_around_the_change(self):
        before = "Kalimat pembuka. " * 30 + "akhir."
        after = "Kalimat pembuka. " * 30 + "akhir slot gacor."

        text = difference_text(before, after)

        self.assertIn("akhir.", text.splitlines()[0])
        self.assertIn("akhir slot gacor.", text.splitlines()[1])
        for line in text.splitlines():
            self.assertLess(len(line), 200)

    def test_markup_of_a_page(self):
        markup = markup_of(
            '<a href="/a/">a</a><img srcset="/x.png 1x, /y.png 2x">'
            '<meta http-equiv="refresh" content="0; url=https://gacor.example/">'
            '<a href="javascript:alert(1)">x</a><form action="/cari/"></form>'
        )

        self.assertEqual(
            set(markup.links),
            {"/a/", "/x.png", "/y.png", "https://gacor.example/", "/cari/"},
        )
        self.assertEqual(list(markup.scripts), ["url:javascript:alert(1)"])


class DemoTests(TestCase):
    """The full demo content, as ``make run`` leaves it: nothing to report."""

    @classmethod
    def setUpTestData(cls):
        # Test settings run with DEBUG off, hence --force; the archive
        # records are completed (checksums, HTML snapshots) as after commit.
        with cls.captureOnCommitCallbacks(execute=True):
            call_command("seed_demo", "--force", stdout=io.StringIO())

    def test_the_demo_has_no_findings(self):
        self.assertTrue(
            ArchiveRecord.objects.exclude(html_snapshot="").exists(),
            "the demo's archive records have their HTML snapshots",
        )

        code, output = verify()

        self.assertEqual(code, 0, output)
        run = IntegrityRun.objects.get()
        self.assertEqual(
            run.pages_checked, Page.objects.filter(live=True, depth__gt=1).count()
        )
        self.assertGreater(
            Page.objects.filter(live=True, alias_of__isnull=False).count(), 0
        )
        self.assertFalse(run.findings.exists())
