"""
The register of public information on Info Publik (UU 14/2008): report pages
made in the admin, the public register with its filters and search, the DIP
as a table and a spreadsheet, the exempt list, and the documents' downloads.
"""

import datetime
import importlib
import io

from django.test import override_settings
from django.urls import Resolver404, resolve, reverse

from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from openpyxl import load_workbook

from infopublik.factories import (
    InformationTypeFactory,
    PdfDocumentFactory,
    ReportDocumentFactory,
    ReportPageFactory,
)
from infopublik.models import InformationCategory, ReportPage
from moderation import services as sop
from portal.factories import AgencyFactory
from tests.utils import INFOPUBLIK_HOST, SitesTestCase, group_member

REGISTER = "/daftar-informasi-publik/"
EXEMPT = {
    "category": InformationCategory.EXEMPT,
    "period": "",
    "legal_basis": "17h",
    "consequence": "Membuka data pribadi pemohon kepada umum.",
    "exemption_period": "5 tahun",
    "exemption_ends_on": datetime.date(2030, 12, 31),
}


def with_file(page, title="Dokumen lengkap"):
    """Attach a generated PDF to ``page`` and publish that."""
    ReportDocumentFactory(page=page, title=title)
    page.save_revision().publish()
    return page


class RegisterTestCase(SitesTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.lkjip = InformationTypeFactory(name="LKjIP")
        cls.sop_type = InformationTypeFactory(name="SOP")
        cls.diskominfo = AgencyFactory(name="Dinas Komunikasi dan Informatika")
        cls.dinkes = AgencyFactory(name="Dinas Kesehatan")

    def report(self, **fields):
        return ReportPageFactory(parent=self.register_index, **fields)


class ReportAdminTests(RegisterTestCase):
    def setUp(self):
        self.editor = self.login()

    def form(self, **fields):
        data = {
            "title": "LKjIP Diskominfo 2025",
            "slug": "lkjip-diskominfo-2025",
            "summary": "Capaian kinerja Diskominfo tahun 2025.",
            "category": InformationCategory.PERIODIC,
            "information_type": self.lkjip.pk,
            "year": "2025",
            "period": "Tahunan",
            "holder": self.diskominfo.pk,
            "holder_official": "Sekretaris Dinas",
            "responsible": "Kepala Dinas Komunikasi dan Informatika",
            "made_on": "2026-02-27",
            "made_in": "Palangka Raya",
            "form": "keduanya",
            "retention": "5 tahun",
            "legal_basis": "",
            "consequence": "",
            "exemption_period": "",
            "exemption_ends_on": "",
            "documents": inline_formset([]),
            "related_news": inline_formset([]),
            **fields,
        }
        return nested_form_data(data)

    def add(self, **fields):
        return self.client.post(
            reverse(
                "wagtailadmin_pages:add",
                args=("infopublik", "reportpage", self.register_index.pk),
            ),
            self.form(**fields),
        )

    def errors(self, response):
        return {
            name: list(errors)
            for name, errors in response.context["form"].errors.items()
        }

    def test_a_complete_report_is_saved(self):
        response = self.add()
        self.assertEqual(response.status_code, 302)
        page = ReportPage.objects.get()
        self.assertEqual(
            page.holder_label, "Sekretaris Dinas, Dinas Komunikasi dan Informatika"
        )

    def test_the_register_columns_are_required(self):
        # Wagtail keeps a draft with empty text fields; sending it to the SOP
        # (or publishing) needs every column of the register.
        response = self.add(
            summary="",
            year="",
            holder="",
            responsible="",
            made_on="",
            retention="",
            **{"action-submit": "1"},
        )
        self.assertEqual(response.status_code, 200)
        errors = self.errors(response)
        for field in (
            "summary",
            "year",
            "holder",
            "responsible",
            "made_on",
            "retention",
        ):
            self.assertEqual(errors[field], ["Kolom ini  harus diisi."], field)
        # Nothing typed is lost.
        self.assertContains(response, 'value="LKjIP Diskominfo 2025"')
        self.assertFalse(ReportPage.objects.exists())

    def test_periodic_information_needs_its_period(self):
        errors = self.errors(self.add(period=""))
        self.assertEqual(
            errors["period"],
            ['Informasi berkala memerlukan periodenya, misalnya "Semester I".'],
        )
        self.assertEqual(
            self.add(category=InformationCategory.ON_REQUEST, period="").status_code,
            302,
        )

    def test_exempt_information_needs_its_basis_consequence_and_period(self):
        errors = self.errors(self.add(category=InformationCategory.EXEMPT, period=""))
        for field in (
            "legal_basis",
            "consequence",
            "exemption_period",
            "exemption_ends_on",
        ):
            self.assertEqual(
                errors[field], ["Wajib diisi untuk informasi yang dikecualikan."], field
            )
        errors = self.errors(
            self.add(
                category=InformationCategory.EXEMPT,
                legal_basis="17h",
                consequence="Membuka data pribadi.",
                exemption_period="5 tahun",
                exemption_ends_on="2025-01-01",
            )
        )
        self.assertEqual(
            errors["exemption_ends_on"],
            ["Pengecualian harus berakhir setelah informasi dibuat."],
        )
        response = self.add(
            category=InformationCategory.EXEMPT,
            legal_basis="17h",
            consequence="Membuka data pribadi.",
            exemption_period="5 tahun",
            exemption_ends_on="2031-02-27",
        )
        self.assertEqual(response.status_code, 302)

    def test_the_exemption_fields_belong_to_exempt_information_only(self):
        errors = self.errors(self.add(legal_basis="17h"))
        self.assertIn(
            "Hanya untuk informasi yang dikecualikan", errors["legal_basis"][0]
        )

    def test_only_a_periodic_entry_replaces_another(self):
        earlier = self.report(title="LKjIP Diskominfo 2024", slug="lkjip-2024")
        response = self.add(
            **{
                "action-submit": "1",
                "supersedes": earlier.pk,
                "category": InformationCategory.ON_REQUEST,
                "period": "",
            }
        )
        self.assertEqual(
            self.errors(response)["supersedes"],
            ["Entri berkala hanya menggantikan entri berkala lain."],
        )
        response = self.add(**{"action-submit": "1", "supersedes": earlier.pk})
        self.assertEqual(response.status_code, 302)
        self.assertEqual(
            ReportPage.objects.get(slug="lkjip-diskominfo-2025").supersedes, earlier
        )

    def test_broken_dates_and_years_get_a_message(self):
        errors = self.errors(self.add(made_on="31-31-2026", year="20x5"))
        self.assertEqual(errors["made_on"], ["Masukkan tanggal yang valid."])
        self.assertEqual(errors["year"], ["Masukkan keseluruhan angka bilangan."])

    def test_a_file_added_in_a_draft_is_not_public_until_published(self):
        page = self.report(title="LKjIP Diskominfo 2025", slug="lkjip-diskominfo-2025")
        document = PdfDocumentFactory(title="Lampiran rahasia")
        edit = reverse("wagtailadmin_pages:edit", args=(page.pk,))
        files = inline_formset([{"document": document.pk, "title": "Lampiran"}])
        for draft in (self.form(documents=files), self.form(documents=files, **EXEMPT)):
            # Saved as a draft: the live page does not offer the file yet.
            self.assertEqual(self.client.post(edit, draft).status_code, 302)
            self.client.logout()
            self.assertEqual(
                self.get_on(INFOPUBLIK_HOST, document.url).status_code, 404
            )
            self.client.force_login(self.editor)
        self.client.post(edit, self.form(documents=files, **{"action-publish": "1"}))
        page.refresh_from_db()
        self.assertEqual(page.documents.get().document, document)
        self.client.logout()
        self.assertEqual(self.get_on(INFOPUBLIK_HOST, document.url).status_code, 200)

    def test_a_writer_sends_a_report_into_the_content_sop(self):
        writer = group_member("penulis", sop.WRITER)
        self.client.force_login(writer)
        response = self.add(**{"action-submit": "1"})
        self.assertEqual(response.status_code, 302)
        page = ReportPage.objects.get()
        self.assertFalse(page.live)
        self.assertTrue(page.workflow_in_progress)


class PublicRegisterTests(RegisterTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.lkjip_2025 = with_file(
            ReportPageFactory(
                parent=cls.register_index,
                title="LKjIP Diskominfo 2025",
                summary="Capaian kinerja dan anggaran layanan informasi publik.",
                information_type=cls.lkjip,
                holder=cls.diskominfo,
                year=2025,
                made_on=datetime.date(2026, 2, 27),
            )
        )
        cls.sop_2026 = with_file(
            ReportPageFactory(
                parent=cls.register_index,
                title="SOP Pelayanan Permohonan Informasi",
                summary="Langkah permohonan informasi di PPID.",
                category=InformationCategory.ON_REQUEST,
                period="",
                information_type=cls.sop_type,
                holder=cls.diskominfo,
                year=2026,
            )
        )
        cls.alert_2026 = ReportPageFactory(
            parent=cls.register_index,
            title="Peringatan Dini Banjir Sungai Kahayan",
            summary="Status siaga banjir di bantaran Sungai Kahayan.",
            category=InformationCategory.IMMEDIATE,
            period="",
            information_type=cls.sop_type,
            holder=cls.dinkes,
            year=2026,
        )
        cls.exempt = with_file(
            ReportPageFactory(
                parent=cls.register_index,
                title="Data Pribadi Pemohon Informasi",
                summary="Nama, NIK dan alamat para pemohon informasi.",
                information_type=cls.sop_type,
                holder=cls.diskominfo,
                **EXEMPT,
            ),
            title="Rekap pemohon",
        )

    def titles(self, response):
        return [entry.title for entry in response.context["entries"]]

    def test_the_register_lists_public_entries_never_exempt_ones(self):
        response = self.get_on(INFOPUBLIK_HOST, REGISTER)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            self.titles(response),
            [
                "Peringatan Dini Banjir Sungai Kahayan",
                "SOP Pelayanan Permohonan Informasi",
                "LKjIP Diskominfo 2025",
            ],
        )
        self.assertNotContains(response, "Data Pribadi Pemohon")
        # Each row links its page and its files, through Wagtail's serve view.
        document = self.lkjip_2025.documents.get().document
        self.assertContains(
            response, 'href="/daftar-informasi-publik/lkjip-diskominfo-2025/"'
        )
        self.assertContains(
            response, f'href="/dokumen/{document.pk}/{document.filename}"'
        )
        self.assertNotContains(response, "/media/documents/")

    def test_categories_filters_and_search(self):
        cases = {
            "?kategori=serta_merta": ["Peringatan Dini Banjir Sungai Kahayan"],
            "?kategori=dikecualikan": [
                "Peringatan Dini Banjir Sungai Kahayan",
                "SOP Pelayanan Permohonan Informasi",
                "LKjIP Diskominfo 2025",
            ],
            "?tahun=2025": ["LKjIP Diskominfo 2025"],
            f"?jenis={self.sop_type.pk}": [
                "Peringatan Dini Banjir Sungai Kahayan",
                "SOP Pelayanan Permohonan Informasi",
            ],
            f"?unit={self.dinkes.pk}": ["Peringatan Dini Banjir Sungai Kahayan"],
            "?q=anggaran": ["LKjIP Diskominfo 2025"],
            "?q=permohonan&tahun=2026": ["SOP Pelayanan Permohonan Informasi"],
            "?q=pemohon": [],
        }
        for query, titles in cases.items():
            with self.subTest(query=query):
                response = self.get_on(INFOPUBLIK_HOST, REGISTER + query)
                self.assertEqual(self.titles(response), titles)

    def test_a_broken_filter_is_left_out_with_a_message(self):
        response = self.get_on(
            INFOPUBLIK_HOST, REGISTER + "?tahun=abc&kategori=setiap_saat"
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.titles(response), ["SOP Pelayanan Permohonan Informasi"])
        self.assertContains(response, "Filter “Tahun” tidak dipakai")

    def test_pagination(self):
        for number in range(21):
            ReportPageFactory(
                parent=self.register_index, title=f"SK Wali Kota {number}", year=2024
            )
        first = self.get_on(INFOPUBLIK_HOST, REGISTER)
        self.assertEqual(len(first.context["entries"].object_list), 20)
        second = self.get_on(INFOPUBLIK_HOST, REGISTER + "?page=2")
        self.assertEqual(len(second.context["entries"].object_list), 4)
        self.assertEqual(
            self.get_on(INFOPUBLIK_HOST, REGISTER + "?page=9").status_code, 404
        )

    def test_an_exempt_entry_shows_only_what_the_law_allows(self):
        response = self.get_on(INFOPUBLIK_HOST, self.exempt.url)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Pasal 17 huruf h")
        self.assertContains(response, "Membuka data pribadi pemohon kepada umum.")
        self.assertContains(response, "31 Desember 2030")
        self.assertNotContains(response, "Nama, NIK dan alamat")
        self.assertNotContains(response, "/dokumen/")
        listing = self.get_on(INFOPUBLIK_HOST, REGISTER + "dikecualikan/")
        self.assertContains(listing, "Data Pribadi Pemohon Informasi")
        self.assertContains(listing, "Pasal 17 huruf h")
        self.assertNotContains(listing, "LKjIP")
        # The site's search does not give the summary of exempt information.
        search = self.get_on(INFOPUBLIK_HOST, "/cari/?q=NIK")
        self.assertNotContains(search, "Data Pribadi Pemohon")


class DocumentDownloadTests(RegisterTestCase):
    def test_a_public_entrys_file_is_served_with_its_type_and_name(self):
        page = with_file(self.report(title="RKPD 2026"), title="RKPD 2026 (PDF)")
        document = page.documents.get().document
        response = self.get_on(INFOPUBLIK_HOST, document.url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/pdf")
        self.assertIn(
            f'filename="{document.filename}"', response["Content-Disposition"]
        )
        self.assertTrue(b"".join(response.streaming_content).startswith(b"%PDF-"))

    def test_files_of_exempt_or_unpublished_entries_are_not_served(self):
        exempt = with_file(self.report(title="Hasil Audit Internal", **EXEMPT))
        draft = with_file(self.report(title="Renstra 2027"))
        draft.unpublish()
        private = with_file(self.report(title="Rencana Kerja Internal"))
        PageViewRestriction.objects.create(page=private, restriction_type="login")
        for page in (exempt, draft, private):
            document = page.documents.get().document
            with self.subTest(page=page.title):
                # Guessing the address does not help: the serve view refuses.
                self.assertEqual(
                    self.get_on(INFOPUBLIK_HOST, document.url).status_code, 404
                )
        # An editor who may use the document still opens it from the admin.
        self.login()
        document = exempt.documents.get().document
        self.assertEqual(self.get_on(INFOPUBLIK_HOST, document.url).status_code, 200)

    def test_a_file_of_exempt_information_stays_withheld_after_it_leaves(self):
        page = with_file(self.report(title="Hasil Audit Internal", **EXEMPT))
        document = page.documents.get().document
        page.documents.all().delete()
        page.save_revision().publish()
        self.assertFalse(page.documents.exists())
        self.assertEqual(self.get_on(INFOPUBLIK_HOST, document.url).status_code, 404)
        other = with_file(self.report(title="Data Penerima Bansos", **EXEMPT))
        other_document = other.documents.get().document
        other.delete()
        self.assertEqual(
            self.get_on(INFOPUBLIK_HOST, other_document.url).status_code, 404
        )
        # Classified again as public and published: the public may have it.
        reclassified = self.report(title="Hasil Audit Internal 2020")
        ReportDocumentFactory(page=reclassified, document=document)
        reclassified.save_revision().publish()
        self.assertEqual(self.get_on(INFOPUBLIK_HOST, document.url).status_code, 200)

    def test_a_file_shared_with_an_unpublished_copy_stays_public(self):
        page = with_file(self.report(title="LKjIP 2025"))
        document = page.documents.get().document
        page.copy(
            update_attrs={"slug": "lkjip-2025-salinan", "title": "Salinan"},
            keep_live=False,
        )
        self.assertEqual(self.get_on(INFOPUBLIK_HOST, document.url).status_code, 200)

    def test_uploads_are_not_served_from_the_media_folder(self):
        # In development (DEBUG) Django serves images from /media/; documents
        # never: only Wagtail's document view, which checks, serves them.
        import portal.urls

        document = with_file(self.report(**EXEMPT)).documents.get().document
        try:
            with override_settings(DEBUG=True):
                urls = importlib.reload(portal.urls)
                resolve("/media/original_images/foto.jpg", urlconf=urls)
                with self.assertRaises(Resolver404):
                    resolve(f"/media/{document.file.name}", urlconf=urls)
        finally:
            importlib.reload(portal.urls)


class DipTests(RegisterTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        ReportPageFactory(
            parent=cls.register_index,
            title="Profil PPID",
            summary="Struktur dan tugas PPID.",
            category=InformationCategory.ON_REQUEST,
            period="",
            information_type=cls.sop_type,
            holder=cls.diskominfo,
        )
        ReportPageFactory(
            parent=cls.register_index,
            title="LKjIP 2026",
            summary="Kinerja semester pertama.",
            information_type=cls.lkjip,
            holder=cls.diskominfo,
            holder_official="Sekretaris Dinas",
            responsible="Kepala Dinas",
            made_on=datetime.date(2026, 7, 15),
            retention="5 tahun",
        )
        ReportPageFactory(
            parent=cls.register_index,
            title="SOP Penanganan Aduan",
            summary="Alur aduan warga.",
            information_type=cls.sop_type,
            holder=cls.dinkes,
        )
        ReportPageFactory(
            parent=cls.register_index,
            title="Siaga Kabut Asap",
            summary="Peringatan kualitas udara.",
            category=InformationCategory.IMMEDIATE,
            period="",
            information_type=cls.sop_type,
            holder=cls.dinkes,
        )
        ReportPageFactory(parent=cls.register_index, title="LKjIP 2025", year=2025)
        ReportPageFactory(parent=cls.register_index, title="Rahasia", **EXEMPT)

    def test_the_dip_is_the_official_table_numbered_by_category(self):
        response = self.get_on(INFOPUBLIK_HOST, REGISTER + "dip/?tahun=2026")
        self.assertEqual(response.status_code, 200)
        table = response.context["table"]
        self.assertEqual(table.years, [2026, 2025])
        self.assertEqual(
            [
                (
                    section.category.value,
                    [(n, entry.title) for n, entry in section.rows],
                )
                for section in table.sections
            ],
            [
                ("berkala", [(1, "LKjIP 2026"), (2, "SOP Penanganan Aduan")]),
                ("serta_merta", [(3, "Siaga Kabut Asap")]),
                ("setiap_saat", [(4, "Profil PPID")]),
            ],
        )
        self.assertContains(
            response,
            "<tr><td>1</td><td>"
            '<a href="/daftar-informasi-publik/lkjip-2026/">LKjIP 2026</a><br>'
            "Kinerja semester pertama.</td>"
            "<td>Sekretaris Dinas, Dinas Komunikasi dan Informatika</td>"
            "<td>Kepala Dinas</td><td>15 Juli 2026, Palangka Raya</td>"
            "<td>Tercetak dan digital</td><td>5 tahun</td></tr>",
            html=True,
        )
        self.assertNotContains(response, "Rahasia")
        self.assertNotContains(response, "LKjIP 2025")
        headers = [
            "No.",
            "Ringkasan isi informasi",
            "Pejabat/unit yang menguasai informasi",
            "Penanggung jawab pembuatan atau penerbitan",
            "Waktu dan tempat pembuatan",
            "Bentuk informasi",
            "Jangka waktu penyimpanan",
        ]
        self.assertContains(
            response,
            "<tr>" + "".join(f'<th scope="col">{h}</th>' for h in headers) + "</tr>",
            html=True,
        )

    def test_the_dip_downloads_as_a_spreadsheet(self):
        response = self.get_on(INFOPUBLIK_HOST, REGISTER + "dip/unduh/?tahun=2026")
        self.assertEqual(response.status_code, 200)
        self.assertIn(
            "daftar-informasi-publik-2026.xlsx", response["Content-Disposition"]
        )
        sheet = load_workbook(io.BytesIO(response.content)).active
        rows = list(sheet.iter_rows(values_only=True))
        self.assertEqual(rows[0][0], "Daftar Informasi Publik 2026")
        self.assertEqual(rows[1][:2], ("No.", "Ringkasan isi informasi"))
        self.assertEqual(rows[2][0], "Informasi berkala")
        self.assertEqual(
            rows[3],
            (
                1,
                "LKjIP 2026\nKinerja semester pertama.",
                "Sekretaris Dinas, Dinas Komunikasi dan Informatika",
                "Kepala Dinas",
                "15 Juli 2026, Palangka Raya",
                "Tercetak dan digital",
                "5 tahun",
            ),
        )
        numbers = [row[0] for row in rows[2:] if isinstance(row[0], int)]
        self.assertEqual(numbers, [1, 2, 3, 4])

    def test_what_was_typed_stays_text_in_the_spreadsheet(self):
        ReportPageFactory(
            parent=self.register_index,
            title="=1+1",
            summary="Ringkasan",
            retention='=HYPERLINK("http://contoh.invalid","klik")',
        )
        response = self.get_on(INFOPUBLIK_HOST, REGISTER + "dip/unduh/?tahun=2026")
        sheet = load_workbook(io.BytesIO(response.content)).active
        row = next(
            row for row in sheet.iter_rows(min_row=3) if "=1+1" in str(row[1].value)
        )
        self.assertEqual([cell.data_type for cell in row[1:]], ["s"] * 6)
        self.assertEqual(row[6].value, '=HYPERLINK("http://contoh.invalid","klik")')

    def test_a_year_that_is_not_a_number_or_has_no_entries(self):
        self.assertEqual(
            self.get_on(INFOPUBLIK_HOST, REGISTER + "dip/?tahun=dua").status_code, 404
        )
        response = self.get_on(INFOPUBLIK_HOST, REGISTER + "dip/?tahun=2019")
        self.assertContains(
            response, "Daftar ini belum memiliki entri yang terbit untuk 2019."
        )


class RegisterQueryCountTests(RegisterTestCase):
    def test_the_register_and_the_dip_do_not_grow_with_entries(self):
        paths = [
            REGISTER,
            REGISTER + "?kategori=berkala&tahun=2026",
            REGISTER + "?q=laporan",
            REGISTER + "dip/?tahun=2026",
            REGISTER + "dip/unduh/?tahun=2026",
            REGISTER + "dikecualikan/",
        ]

        def add(count):
            for number in range(count):
                page = self.report(summary="Laporan kinerja perangkat daerah.")
                ReportDocumentFactory(page=page)
                ReportDocumentFactory(page=page)
                page.save_revision().publish()
                if number % 10 == 0:
                    self.report(**EXEMPT)

        def counts():
            return {path: self.count_queries(INFOPUBLIK_HOST, path) for path in paths}

        add(10)
        small = counts()
        add(190)
        self.assertEqual(ReportPage.objects.live().count(), 200 + 20)
        self.assertQueryCountsBounded(small, counts(), limit=20)

    def test_a_report_page_does_not_grow_with_its_files_and_news(self):
        from media_center.factories import NewsPageFactory

        page = self.report(title="LKjIP 2026", slug="lkjip-2026")

        def attach(count):
            for _ in range(count):
                ReportDocumentFactory(page=page)
                page.related_news.create(news=NewsPageFactory(parent=self.news_index))
            page.save_revision().publish()
            return self.count_queries(INFOPUBLIK_HOST, page.url)

        one = attach(1)
        seven = attach(6)
        response = self.get_on(INFOPUBLIK_HOST, page.url)
        self.assertEqual(len(response.context["files"]), 7)
        self.assertEqual(len(response.context["related_news"]), 7)
        self.assertEqual(seven, one)
