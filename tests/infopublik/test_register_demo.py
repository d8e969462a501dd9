"""The demo register of public information (issue 6, point 7), made by seed_demo."""

from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.models import Collection, Revision

from infopublik.demo import REGISTER_ENTRIES
from infopublik.models import (
    InformationCategory,
    InformationType,
    ReportDocument,
    ReportPage,
)
from infopublik.selectors import reports_exemption_ended, reports_periodic_stale
from tests.utils import INFOPUBLIK_HOST, SitesTestCase


def seed_demo():
    """Run seed_demo as the tests can: DEBUG is off, hence --force."""
    call_command("seed_demo", "--force", stdout=StringIO())


class RegisterDemoTests(SitesTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        seed_demo()

    def reports(self):
        return ReportPage.objects.child_of(self.register_index).live()

    def documents_of(self, page):
        return [item.document for item in page.documents.select_related("document")]

    def test_entries_cover_every_category_and_three_years(self):
        reports = self.reports()
        self.assertGreaterEqual(reports.count(), 25)
        self.assertEqual(reports.count(), len(REGISTER_ENTRIES))
        self.assertEqual(
            set(reports.values_list("category", flat=True)),
            set(InformationCategory.values),
        )
        self.assertLessEqual(
            {2024, 2025, 2026}, set(reports.values_list("year", flat=True))
        )
        for category in InformationCategory.values:
            for year in (2024, 2025, 2026):
                with self.subTest(category=category, year=year):
                    self.assertTrue(
                        reports.filter(category=category, year=year).exists()
                    )

    def test_every_entry_is_valid_and_published_in_the_past(self):
        now = timezone.now()
        for page in self.reports():
            with self.subTest(page=page.title):
                page.full_clean()
                self.assertLess(page.last_published_at, now)
                self.assertEqual(page.first_published_at, page.last_published_at)
                self.assertGreaterEqual(
                    timezone.localdate(page.last_published_at), page.made_on
                )

    def test_public_entries_have_pdfs_served_on_infopublik(self):
        collection = Collection.objects.get(name="Info Publik")
        pages = self.reports().exclude(category=InformationCategory.EXEMPT)
        for page in pages:
            documents = self.documents_of(page)
            with self.subTest(page=page.title):
                self.assertIn(len(documents), (1, 2))
            for document in documents:
                with self.subTest(document=document.title):
                    self.assertEqual(document.collection, collection)
                    with document.open_file() as file:
                        content = file.read()
                    self.assertTrue(content.startswith(b"%PDF-"))
                    self.assertEqual(document.file_size, len(content))
                    response = self.get_on(INFOPUBLIK_HOST, document.url)
                    self.assertEqual(response.status_code, 200)
                    self.assertEqual(response["Content-Type"], "application/pdf")
                    self.assertEqual(b"".join(response.streaming_content), content)

    def test_exempt_documents_are_withheld(self):
        exempt = self.reports().filter(category=InformationCategory.EXEMPT)
        documents = [doc for page in exempt for doc in self.documents_of(page)]
        # One exempt entry keeps the PPID's archive copy, to show it is withheld.
        self.assertTrue(documents)
        for document in documents:
            with self.subTest(document=document.title):
                response = self.get_on(INFOPUBLIK_HOST, document.url)
                self.assertEqual(response.status_code, 404)

    def test_some_periodic_entries_are_stale_and_some_fresh(self):
        now = timezone.now()
        stale = set(reports_periodic_stale(now=now))
        periodic = set(self.reports().filter(category=InformationCategory.PERIODIC))
        self.assertTrue(stale)
        self.assertTrue(periodic - stale)

    def test_some_exemptions_have_ended_and_some_have_not(self):
        today = timezone.localdate()
        ended = set(reports_exemption_ended(today=today))
        exempt = set(self.reports().filter(category=InformationCategory.EXEMPT))
        self.assertTrue(ended)
        self.assertTrue(exempt - ended)

    def test_register_pages_render(self):
        response = self.get_on(INFOPUBLIK_HOST, self.register_index.url)
        self.assertEqual(response.status_code, 200)
        for route in ("dip/?tahun=2025", "dikecualikan/"):
            with self.subTest(route=route):
                response = self.get_on(INFOPUBLIK_HOST, self.register_index.url + route)
                self.assertEqual(response.status_code, 200)

    def test_seeding_again_creates_nothing(self):
        def counts():
            return (
                ReportPage.objects.count(),
                ReportDocument.objects.count(),
                get_document_model().objects.count(),
                InformationType.objects.count(),
                Revision.objects.filter(
                    object_id__in=[
                        str(pk)
                        for pk in ReportPage.objects.values_list("pk", flat=True)
                    ]
                ).count(),
            )

        before = counts()
        seed_demo()
        self.assertEqual(counts(), before)
