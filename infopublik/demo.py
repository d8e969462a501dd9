"""
Demo content for Info Publik, used by ``manage.py seed_demo``: the agency's
sections, their articles, the PPID's information pages and the register of
public information (Daftar Informasi Publik) with small generated PDFs.
"""

import datetime
import io
import textwrap
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.text import slugify

from wagtail.documents import get_document_model
from wagtail.utils.file import hash_filelike

from portal.demo import (
    DISKOMINFO_ADDRESS,
    DISKOMINFO_PHONE,
    WIB,
    SeedCount,
    StandardPageSpec,
    child_with_slug,
    collection_get,
    demo_image_get_or_create,
    html_paragraphs,
    local_moment,
    page_fill_if_empty,
    page_publish_as_of,
    past_moments,
    seed_standard_pages,
    site_for,
    site_identity_fill,
)

from .factories import ArticlePageFactory, SectionFactory
from .models import (
    ArticleIndexPage,
    ExemptionBasis,
    InfoPublikHomePage,
    InformationCategory,
    InformationForm,
    InformationType,
    RegisterIndexPage,
    ReportDocument,
    ReportPage,
    Section,
)
from .pdf import pdf_text

# key: (name, description, illustration motif)
SECTIONS = {
    "sekretariat": (
        "Sekretariat",
        "Perencanaan, keuangan, kepegawaian dan pelaporan dinas.",
        "government",
    ),
    "ikp": (
        "Bidang Informasi dan Komunikasi Publik",
        "Kehumasan, layanan informasi publik, Media Center dan PPID.",
        "information",
    ),
    "aptika": (
        "Bidang Aplikasi Informatika",
        "Aplikasi layanan publik, sistem pemerintahan berbasis elektronik dan situs web.",
        "information",
    ),
    "infrastruktur": (
        "Bidang Infrastruktur Teknologi Informasi dan Komunikasi",
        "Jaringan intra pemerintah, pusat data dan akses internet publik.",
        "data",
    ),
    "statistik": (
        "Bidang Statistik",
        "Statistik sektoral dan Satu Data Kota Palangka Raya.",
        "data",
    ),
    "persandian": (
        "Bidang Persandian",
        "Keamanan informasi, persandian dan sertifikat elektronik.",
        "security",
    ),
}


def seed_sections():
    """The sections (bagian/bidang) of the agency. Returns ``(sections by key, SeedCount)``."""
    count = SeedCount("sections")
    sections = {}
    for key, (name, description, _motif) in SECTIONS.items():
        section = Section.objects.filter(name=name).first()
        count.add(section is None)
        if section is None:
            section = SectionFactory(name=name, description=description)
        sections[key] = section
    return sections, count


@dataclass(frozen=True)
class Article:
    """A hand-written article of one section."""

    section: str
    title: str
    summary: str
    paragraphs: tuple[str, ...]
    alt: str = ""


ARTICLES = (
    Article(
        section="ikp",
        title="Mengenal Hak Masyarakat atas Informasi Publik",
        summary=(
            "Undang-Undang Nomor 14 Tahun 2008 menjamin hak setiap warga untuk "
            "mengetahui rencana, program, dan keputusan badan publik."
        ),
        paragraphs=(
            "Keterbukaan informasi publik adalah hak warga, bukan kebaikan hati "
            "pemerintah. Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan "
            "Informasi Publik mewajibkan setiap badan publik menyediakan informasi "
            "yang berada di bawah penguasaannya.",
            "Informasi publik dibagi menjadi informasi yang wajib diumumkan secara "
            "berkala, yang wajib diumumkan serta-merta, yang wajib tersedia setiap "
            "saat, dan informasi yang dikecualikan.",
            "Informasi yang dikecualikan pun tidak boleh ditetapkan sembarangan. "
            "Pengecualian harus melalui uji konsekuensi dan bersifat terbatas.",
            "Di lingkungan Pemerintah Kota Palangka Raya, permohonan informasi "
            "dilayani oleh Pejabat Pengelola Informasi dan Dokumentasi (PPID).",
        ),
        alt="Ilustrasi layar berisi daftar informasi publik",
    ),
    Article(
        section="ikp",
        title="Cara Mengajukan Permohonan Informasi kepada PPID Kota Palangka Raya",
        summary=(
            "Langkah-langkah mengajukan permohonan informasi publik, dari mengisi "
            "formulir hingga menerima jawaban."
        ),
        paragraphs=(
            "Permohonan informasi dapat diajukan secara langsung di meja layanan "
            "PPID, melalui surel, atau melalui formulir daring di situs Info Publik.",
            "Pemohon perorangan melampirkan salinan kartu identitas, sedangkan "
            "pemohon badan hukum melampirkan akta pendirian yang telah disahkan.",
            "PPID wajib memberikan tanggapan tertulis paling lambat sepuluh hari "
            "kerja sejak permohonan diterima, dan dapat memperpanjangnya paling "
            "lama tujuh hari kerja dengan alasan tertulis.",
            "Bila tidak puas dengan tanggapan, pemohon dapat mengajukan keberatan "
            "kepada atasan PPID dan selanjutnya sengketa informasi ke Komisi "
            "Informasi.",
        ),
    ),
    Article(
        section="ikp",
        title="Waspada Hoaks: Periksa Dulu Sebelum Membagikan",
        summary=(
            "Kiat sederhana mengenali berita bohong dan kanal resmi untuk "
            "memastikan kebenaran informasi pemerintah kota."
        ),
        paragraphs=(
            "Hoaks sering menyebar lebih cepat daripada klarifikasinya. Judul yang "
            "bombastis, sumber yang tidak jelas, dan ajakan untuk segera "
            "menyebarkan adalah tanda-tanda yang patut dicurigai.",
            "Sebelum membagikan, periksa apakah informasi tersebut dimuat di situs "
            "resmi pemerintah atau media arus utama. Perhatikan juga tanggal dan "
            "lokasi kejadian.",
            "Informasi resmi Pemerintah Kota Palangka Raya dimuat di situs Media "
            "Center, portal resmi kota, dan akun media sosial yang terverifikasi.",
        ),
        alt="Ilustrasi telepon genggam dengan pesan berantai",
    ),
    Article(
        section="ikp",
        title="Standar Layanan Informasi Publik di Lingkungan Pemerintah Kota",
        summary=(
            "Jam layanan, jangka waktu, dan biaya layanan informasi publik yang "
            "wajib dipenuhi setiap PPID pembantu."
        ),
        paragraphs=(
            "Layanan informasi publik dibuka pada jam kerja. Permohonan yang masuk "
            "di luar jam kerja dicatat pada hari kerja berikutnya.",
            "Layanan informasi tidak dipungut biaya. Pemohon hanya menanggung biaya "
            "penggandaan atau pengiriman bila meminta salinan dalam bentuk cetak.",
            "Setiap PPID pembantu di perangkat daerah wajib melaporkan jumlah "
            "permohonan, waktu penyelesaian, dan keberatan setiap tahun.",
        ),
    ),
    Article(
        section="aptika",
        title="Mengenal Sistem Pemerintahan Berbasis Elektronik",
        summary=(
            "Apa itu SPBE, mengapa penting, dan bagaimana penerapannya membuat "
            "layanan pemerintah kota lebih cepat."
        ),
        paragraphs=(
            "Sistem Pemerintahan Berbasis Elektronik (SPBE) adalah penyelenggaraan "
            "pemerintahan yang memanfaatkan teknologi informasi untuk melayani "
            "warga.",
            "Dengan SPBE, data cukup dimasukkan sekali lalu dipakai bersama oleh "
            "perangkat daerah yang berwenang, sehingga warga tidak perlu berulang "
            "kali menyerahkan dokumen yang sama.",
            "Penerapan SPBE dinilai secara berkala, meliputi kebijakan, tata kelola, "
            "manajemen, dan layanan.",
        ),
        alt="Ilustrasi layar komputer dengan aplikasi layanan publik",
    ),
    Article(
        section="aptika",
        title="Tips Membuat Konten Situs Web Perangkat Daerah yang Mudah Dibaca",
        summary=(
            "Panduan singkat bagi pengelola situs web: judul jelas, kalimat pendek, "
            "foto dengan keterangan, dan dokumen yang dapat diunduh."
        ),
        paragraphs=(
            "Tulis judul yang langsung menyebut inti informasi. Warga membaca "
            "sekilas; mereka perlu tahu dalam beberapa detik apakah halaman itu "
            "yang mereka cari.",
            "Gunakan kalimat pendek dan bahasa sehari-hari. Hindari singkatan yang "
            "tidak umum tanpa kepanjangan.",
            "Setiap foto perlu keterangan dan teks alternatif agar dapat dipahami "
            "pembaca tunanetra yang memakai pembaca layar.",
            "Unggah dokumen dalam format yang dapat dibuka di semua perangkat dan "
            "beri nama berkas yang jelas.",
        ),
    ),
    Article(
        section="infrastruktur",
        title="Jaringan Intra Pemerintah Hubungkan Perangkat Daerah",
        summary=(
            "Jaringan intra pemerintah menghubungkan kantor-kantor perangkat daerah "
            "secara aman dan hemat biaya."
        ),
        paragraphs=(
            "Jaringan intra pemerintah adalah jaringan tertutup yang menghubungkan "
            "kantor perangkat daerah, kecamatan, dan kelurahan dengan pusat data "
            "pemerintah kota.",
            "Melalui jaringan ini, aplikasi layanan dapat diakses lebih cepat dan "
            "lebih aman dibandingkan melalui internet terbuka.",
            "Diskominfo memantau jaringan setiap hari dan menerima laporan gangguan "
            "melalui layanan bantuan teknis.",
        ),
        alt="Ilustrasi grafik lalu lintas jaringan",
    ),
    Article(
        section="infrastruktur",
        title="Wi-Fi Publik Gratis: Lokasi dan Aturan Pemakaian",
        summary=(
            "Di mana saja warga dapat memakai Wi-Fi publik gratis dan aturan yang "
            "perlu diketahui."
        ),
        paragraphs=(
            "Wi-Fi publik tersedia di taman kota, kantor kecamatan dan kelurahan, "
            "serta sejumlah ruang terbuka yang ramai dikunjungi warga.",
            "Setiap sesi dibatasi waktunya agar akses terbagi merata. Situs "
            "bermuatan negatif diblokir.",
            "Jangan melakukan transaksi perbankan melalui jaringan publik. Gunakan "
            "jaringan pribadi untuk urusan yang memerlukan kata sandi.",
        ),
    ),
    Article(
        section="statistik",
        title="Satu Data Palangka Raya: Data yang Sama untuk Semua Perangkat Daerah",
        summary=(
            "Satu Data memastikan angka yang dipakai untuk merencanakan pembangunan "
            "berasal dari sumber yang sama dan dapat dipertanggungjawabkan."
        ),
        paragraphs=(
            "Sering terjadi dua perangkat daerah memakai angka berbeda untuk hal "
            "yang sama. Satu Data hadir untuk mengakhiri kebingungan itu.",
            "Prinsipnya sederhana: setiap data memiliki satu produsen, memakai "
            "standar dan metadata yang disepakati, serta dapat dibagipakaikan.",
            "Bidang Statistik Diskominfo bertindak sebagai wali data yang "
            "mengumpulkan, memeriksa, dan menyebarluaskan data sektoral.",
        ),
        alt="Ilustrasi diagram batang data sektoral",
    ),
    Article(
        section="statistik",
        title="Mengapa Metadata Statistik Penting",
        summary=(
            "Tanpa metadata, angka statistik mudah disalahartikan. Kenali unsur "
            "metadata yang wajib dilengkapi."
        ),
        paragraphs=(
            "Metadata adalah keterangan tentang data: definisi, cara pengumpulan, "
            "periode, wilayah, dan satuan.",
            "Angka jumlah penduduk miskin, misalnya, bisa berbeda jauh tergantung "
            "garis kemiskinan dan sumber data yang dipakai.",
            "Setiap perangkat daerah yang menyerahkan data sektoral diminta "
            "melengkapi metadata sesuai standar yang ditetapkan.",
        ),
    ),
    Article(
        section="statistik",
        title="Survei Kepuasan Masyarakat terhadap Layanan Publik",
        summary=(
            "Hasil survei kepuasan masyarakat menjadi bahan perbaikan layanan di "
            "setiap perangkat daerah."
        ),
        paragraphs=(
            "Survei kepuasan masyarakat mengukur pendapat warga tentang persyaratan, "
            "prosedur, waktu, biaya, dan perilaku petugas layanan.",
            "Survei dilakukan secara berkala dengan responden yang dipilih secara "
            "acak dari pengguna layanan.",
            "Hasilnya diumumkan kepada publik, disertai rencana tindak lanjut untuk "
            "unsur layanan yang nilainya rendah.",
        ),
        alt="Ilustrasi grafik hasil survei kepuasan",
    ),
    Article(
        section="persandian",
        title="Lindungi Akun Dinas dengan Kata Sandi yang Kuat",
        summary=(
            "Kata sandi yang panjang dan unik, ditambah verifikasi dua langkah, "
            "adalah pertahanan pertama akun pemerintahan."
        ),
        paragraphs=(
            "Sebagian besar pembobolan akun terjadi karena kata sandi yang lemah "
            "atau dipakai berulang di banyak layanan.",
            "Gunakan frasa sandi yang panjang, misalnya gabungan beberapa kata yang "
            "mudah diingat, dan jangan pernah membagikannya kepada siapa pun, "
            "termasuk rekan kerja.",
            "Aktifkan verifikasi dua langkah di setiap layanan yang menyediakannya.",
        ),
        alt="Ilustrasi gembok sebagai lambang keamanan informasi",
    ),
    Article(
        section="persandian",
        title="Mengenal Tanda Tangan Elektronik untuk Dokumen Dinas",
        summary=(
            "Tanda tangan elektronik tersertifikasi memiliki kekuatan hukum dan "
            "mempercepat penyelesaian dokumen."
        ),
        paragraphs=(
            "Tanda tangan elektronik tersertifikasi menjamin keaslian penanda "
            "tangan dan keutuhan isi dokumen.",
            "Pejabat di lingkungan pemerintah kota dapat mengajukan sertifikat "
            "elektronik melalui Bidang Persandian.",
            "Dengan tanda tangan elektronik, surat dan keputusan dapat ditandatangani "
            "dari mana saja tanpa mengurangi keamanannya.",
        ),
    ),
    Article(
        section="persandian",
        title="Waspada Pesan Palsu yang Mencuri Data Pegawai",
        summary=(
            "Kenali ciri pesan pengelabuan (phishing) yang mengatasnamakan "
            "instansi dan cara melaporkannya."
        ),
        paragraphs=(
            "Pesan pengelabuan sering menyamar sebagai pemberitahuan resmi, misalnya "
            "pembaruan data kepegawaian atau undangan rapat, dengan tautan ke "
            "halaman palsu.",
            "Periksa alamat pengirim dan alamat tautan sebelum mengeklik. Instansi "
            "resmi tidak pernah meminta kata sandi melalui pesan.",
            "Laporkan pesan mencurigakan kepada tim tanggap insiden siber pemerintah "
            "kota agar dapat segera ditangani.",
        ),
        alt="Ilustrasi gembok dan pesan peringatan",
    ),
    Article(
        section="sekretariat",
        title="Laporan Kinerja Diskominfo Disusun Terbuka dan Terukur",
        summary=(
            "Sekretariat mengoordinasikan penyusunan laporan kinerja dinas "
            "berdasarkan indikator yang terukur."
        ),
        paragraphs=(
            "Setiap tahun, Diskominfo menyusun laporan kinerja yang memuat target, "
            "realisasi, dan penjelasan atas capaian setiap program.",
            "Sekretariat mengumpulkan data dari setiap bidang dan memastikan angka "
            "yang dilaporkan didukung bukti.",
            "Laporan kinerja yang telah disahkan dimuat di situs Info Publik "
            "sebagai informasi yang wajib diumumkan secara berkala.",
        ),
    ),
)


def seed_articles(rng, *, index, sections, users, now):
    """
    The sections' articles under ``index`` (Info Publik's "Artikel"), published over
    the last 90 days, about half of them with a drawn image. Articles whose
    slug exists are left alone. Returns a SeedCount.
    """
    count = SeedCount("articles")
    collection = collection_get("Info Publik")
    articles = list(ARTICLES)
    rng.shuffle(articles)
    moments = past_moments(rng, count=len(articles), days=90, now=now, earliest_hour=9)
    seeds = [rng.getrandbits(32) for _ in articles]
    for article, published_at, seed in zip(articles, moments, seeds, strict=True):
        slug = slugify(article.title)
        if child_with_slug(index, slug) is not None:
            count.add(False)
            continue
        section_name, _description, motif = SECTIONS[article.section]
        image = None
        if article.alt:
            image, _ = demo_image_get_or_create(
                title=article.title,
                collection=collection,
                motif=motif,
                heading=section_name,
                caption=article.title,
                credit="Diskominfo Kota Palangka Raya",
                seed=seed,
                description=article.alt,
            )
        page = ArticlePageFactory.build(
            title=article.title,
            slug=slug,
            summary=article.summary,
            section=sections[article.section],
            main_image=image,
            main_image_alt=article.alt,
            body=html_paragraphs(article.paragraphs),
        )
        page_publish_as_of(
            parent=index,
            page=page,
            published_at=published_at,
            author=users["penulis"],
            publisher=users["adminweb"],
        )
        count.add(True)
    return count


INFOPUBLIK_INTRO = (
    "Layanan informasi publik Pemerintah Kota Palangka Raya sesuai Undang-Undang "
    "Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik."
)
ARTICLE_INDEX_INTRO = (
    "Artikel dari bidang-bidang di lingkungan Dinas Komunikasi, Informatika, "
    "Statistik dan Persandian Kota Palangka Raya."
)


def infopublik_page_specs():
    """Info Publik's own information pages."""
    return [
        StandardPageSpec(
            title="Tentang PPID",
            summary=(
                "Pejabat Pengelola Informasi dan Dokumentasi (PPID) Kota Palangka "
                "Raya melayani permohonan informasi publik."
            ),
            paragraphs=[
                "PPID Kota Palangka Raya bertugas menyimpan, mendokumentasikan, "
                "menyediakan, dan melayani informasi publik di lingkungan "
                "Pemerintah Kota Palangka Raya.",
                "PPID utama berkedudukan di Dinas Komunikasi, Informatika, "
                "Statistik dan Persandian, dibantu PPID pembantu di setiap "
                "perangkat daerah.",
                "Layanan informasi dibuka pada jam kerja di meja layanan PPID dan "
                "dapat diajukan secara daring melalui situs ini.",
            ],
        ),
        StandardPageSpec(
            title="Tata Cara Permohonan Informasi",
            summary="Langkah mengajukan permohonan informasi dan keberatan.",
            paragraphs=[
                "Isi formulir permohonan informasi dengan identitas yang benar, "
                "rincian informasi yang dibutuhkan, tujuan penggunaan, dan cara "
                "memperoleh informasi.",
                "PPID memberikan tanggapan tertulis paling lambat sepuluh hari "
                "kerja, dan dapat memperpanjangnya paling lama tujuh hari kerja.",
                "Bila permohonan ditolak atau tidak ditanggapi, pemohon dapat "
                "mengajukan keberatan kepada atasan PPID dalam tiga puluh hari "
                "kerja.",
            ],
        ),
    ]


def seed_infopublik(rng, *, users, now):
    """
    Info Publik: home and index texts, contact details, sections, the PPID
    pages and the articles. Returns a list of SeedCounts.
    """
    home = InfoPublikHomePage.objects.first()
    index = ArticleIndexPage.objects.child_of(home).first()
    page_fill_if_empty(home, intro=INFOPUBLIK_INTRO)
    page_fill_if_empty(index, intro=ARTICLE_INDEX_INTRO, show_in_menus=True)
    site_identity_fill(
        site_for(home),
        address=DISKOMINFO_ADDRESS,
        phone=DISKOMINFO_PHONE,
        email="ppid@palangkaraya.go.id",
    )
    sections, section_count = seed_sections()
    today = timezone.localtime(now, WIB).date()
    pages = seed_standard_pages(
        parent=home,
        specs=infopublik_page_specs(),
        published_at=local_moment(today - datetime.timedelta(days=85), 10, 0),
        author=users["penulis"],
        publisher=users["adminweb"],
    )
    articles = seed_articles(rng, index=index, sections=sections, users=users, now=now)
    return [section_count, pages, articles]


# The register of public information (Daftar Informasi Publik) ----------------------


@dataclass(frozen=True)
class Exemption:
    """Why and until when an entry is withheld (the uji konsekuensi)."""

    legal_basis: str
    consequence: str
    period: str
    ends_on: datetime.date


@dataclass(frozen=True)
class RegisterEntry:
    """
    A hand-written entry of the register. ``holder`` is a key of
    ``portal.demo.DEMO_AGENCIES``; each document is ``(title, lines)``, made
    into a small PDF. ``published_on`` is the day it went on the register
    (never after the seed's ``now``).
    """

    title: str
    summary: str
    category: str
    information_type: str
    year: int
    holder: str
    holder_official: str
    responsible: str
    made_on: datetime.date
    published_on: datetime.date
    retention: str
    period: str = ""
    form: str = InformationForm.BOTH
    documents: tuple[tuple[str, tuple[str, ...]], ...] = ()
    exemption: Exemption | None = None
    # The title of the earlier edition this one replaces (listed before it).
    supersedes: str = ""

    @property
    def slug(self):
        return slugify(self.title)[:255]


# Types the seed adds to those of the data migration: name -> description.
EXTRA_INFORMATION_TYPES = {
    "Peringatan Dini Bencana": "Peringatan dini dan status keadaan darurat bencana",
    "Pengumuman Layanan Publik": (
        "Gangguan dan perubahan layanan yang menyangkut hajat hidup orang banyak"
    ),
    "Daftar Barang Milik Daerah": "Inventaris dan aset yang dikuasai perangkat daerah",
    "Perjanjian Kerja Sama": "Perjanjian dan nota kesepahaman dengan pihak lain",
    "Dokumen Pengadaan": "Dokumen pengadaan barang dan jasa",
    "Data Pribadi": "Data pribadi yang dihimpun dalam penyelenggaraan layanan",
    "Laporan Hasil Pemeriksaan": "Laporan hasil pemeriksaan dan pengawasan internal",
    "Dokumen Keamanan Informasi": (
        "Konfigurasi dan kebijakan keamanan sistem elektronik"
    ),
}

BERKALA = InformationCategory.PERIODIC
SERTA_MERTA = InformationCategory.IMMEDIATE
SETIAP_SAAT = InformationCategory.ON_REQUEST
DIKECUALIKAN = InformationCategory.EXEMPT
D = datetime.date

KADIS = "Kepala Dinas Komunikasi, Informatika, Statistik dan Persandian"
SEKDIS = "Sekretaris Dinas"
PPID_UTAMA = "PPID Utama Kota Palangka Raya"
SEKDA = "Sekretaris Daerah Kota Palangka Raya"

REGISTER_ENTRIES = (
    # Informasi berkala -------------------------------------------------------------
    RegisterEntry(
        title="Laporan Kinerja Instansi Pemerintah (LKjIP) Diskominfo Tahun 2024",
        summary=(
            "Capaian kinerja Diskominfo tahun 2024 dibandingkan target Rencana "
            "Strategis: indeks SPBE, persentase layanan publik daring, dan "
            "ketersediaan data sektoral, disertai analisis efisiensi anggaran."
        ),
        category=BERKALA,
        information_type="LKjIP",
        year=2024,
        period="Tahunan",
        holder="diskominfo",
        holder_official=SEKDIS,
        responsible=KADIS,
        made_on=D(2025, 2, 24),
        published_on=D(2025, 2, 28),
        retention="10 tahun",
        documents=(
            (
                "LKjIP Diskominfo Tahun 2024",
                (
                    "Bab I Pendahuluan; Bab II Perencanaan Kinerja;",
                    "Bab III Akuntabilitas Kinerja; Bab IV Penutup.",
                    "Indeks SPBE: target 3,10, realisasi 3,18 (102,6 persen).",
                ),
            ),
            (
                "Lampiran Pengukuran Kinerja LKjIP 2024",
                (
                    "Formulir pengukuran kinerja per sasaran strategis",
                    "dan realisasi anggaran per program.",
                ),
            ),
        ),
    ),
    RegisterEntry(
        title=(
            "Laporan Penyelenggaraan Pemerintahan Daerah "
            "(LPPD) Kota Palangka Raya Tahun 2024"
        ),
        summary=(
            "Laporan Wali Kota kepada Pemerintah Pusat melalui Gubernur tentang "
            "penyelenggaraan urusan pemerintahan daerah selama tahun 2024."
        ),
        category=BERKALA,
        information_type="LPPD",
        year=2024,
        period="Tahunan",
        holder="setda",
        holder_official="Kepala Bagian Tata Pemerintahan",
        responsible=SEKDA,
        made_on=D(2025, 3, 28),
        published_on=D(2025, 4, 7),
        retention="10 tahun",
        documents=(
            (
                "Ringkasan LPPD Kota Palangka Raya 2024",
                (
                    "Capaian urusan wajib pelayanan dasar dan urusan pilihan",
                    "menurut indikator kinerja kunci.",
                ),
            ),
        ),
    ),
    RegisterEntry(
        title="Ringkasan LKPJ Wali Kota Palangka Raya Tahun 2025",
        summary=(
            "Ringkasan Laporan Keterangan Pertanggungjawaban Wali Kota kepada DPRD "
            "atas pelaksanaan APBD dan program pembangunan tahun 2025."
        ),
        category=BERKALA,
        information_type="LKPJ",
        year=2025,
        period="Tahunan",
        holder="setda",
        holder_official="Kepala Bagian Tata Pemerintahan",
        responsible=SEKDA,
        made_on=D(2026, 3, 30),
        published_on=D(2026, 4, 14),
        retention="10 tahun",
        documents=(
            (
                "Ringkasan LKPJ Wali Kota Tahun 2025",
                (
                    "Realisasi pendapatan daerah, belanja daerah dan pembiayaan,",
                    "serta capaian program prioritas per urusan.",
                ),
            ),
        ),
    ),
    RegisterEntry(
        title="Rencana Kerja Pemerintah Daerah (RKPD) Kota Palangka Raya Tahun 2026",
        summary=(
            "Prioritas pembangunan tahun 2026: pengendalian banjir, penurunan "
            "stunting, dan transformasi digital layanan kelurahan."
        ),
        category=BERKALA,
        information_type="RKPD",
        year=2026,
        period="Tahunan",
        holder="bappedalitbang",
        holder_official="Kepala Bidang Perencanaan, Pengendalian dan Evaluasi",
        responsible="Kepala Bappedalitbang Kota Palangka Raya",
        made_on=D(2025, 6, 27),
        published_on=D(2025, 7, 8),
        retention="10 tahun",
        documents=(
            (
                "RKPD Kota Palangka Raya Tahun 2026",
                (
                    "Sasaran: indeks risiko bencana turun, prevalensi stunting",
                    "di bawah 14 persen, seluruh kelurahan terlayani SPBE.",
                ),
            ),
            (
                "Lampiran Program RKPD 2026",
                ("Program, kegiatan, indikator dan pagu indikatif per OPD.",),
            ),
        ),
    ),
    RegisterEntry(
        title="Ringkasan APBD Kota Palangka Raya Tahun Anggaran 2026",
        summary=(
            "Ringkasan Peraturan Daerah tentang APBD 2026: pendapatan, belanja dan "
            "pembiayaan daerah menurut urusan dan perangkat daerah."
        ),
        category=BERKALA,
        information_type="APBD",
        year=2026,
        period="Tahunan",
        holder="setda",
        holder_official="Kepala Bagian Perekonomian",
        responsible=f"{SEKDA} selaku Ketua TAPD",
        made_on=D(2025, 12, 30),
        published_on=D(2026, 1, 8),
        retention="Permanen",
        documents=(
            (
                "Ringkasan APBD Tahun Anggaran 2026",
                (
                    "Pendapatan daerah, belanja operasi, belanja modal,",
                    "belanja tidak terduga dan pembiayaan daerah.",
                ),
            ),
        ),
    ),
    RegisterEntry(
        title="Ringkasan Perubahan APBD Kota Palangka Raya Tahun Anggaran 2026",
        summary=(
            "Perubahan APBD 2026 setelah pembahasan bersama DPRD: tambahan belanja "
            "penanganan banjir dan penyesuaian pendapatan transfer."
        ),
        category=BERKALA,
        information_type="APBD",
        year=2026,
        period="Perubahan",
        holder="setda",
        holder_official="Kepala Bagian Perekonomian",
        responsible=f"{SEKDA} selaku Ketua TAPD",
        made_on=D(2026, 9, 29),
        published_on=D(2026, 10, 6),
        retention="Permanen",
        documents=(
            (
                "Ringkasan Perubahan APBD 2026",
                ("Perbandingan anggaran murni dan anggaran perubahan per urusan.",),
            ),
        ),
    ),
    RegisterEntry(
        title="Dokumen Pelaksanaan Anggaran (DPA) Diskominfo Tahun Anggaran 2025",
        summary=(
            "Rincian anggaran Diskominfo 2025 per program, kegiatan dan "
            "subkegiatan, termasuk rencana penarikan dana per triwulan."
        ),
        category=BERKALA,
        information_type="DPA",
        year=2025,
        period="Tahunan",
        holder="diskominfo",
        holder_official="Kepala Subbagian Keuangan",
        responsible=KADIS,
        made_on=D(2025, 1, 15),
        published_on=D(2025, 1, 24),
        retention="10 tahun",
        documents=(
            (
                "DPA Diskominfo Tahun Anggaran 2025",
                (
                    "Program penunjang urusan pemerintahan daerah; program",
                    "informasi dan komunikasi publik; program aplikasi",
                    "informatika; program statistik sektoral; program persandian.",
                ),
            ),
        ),
    ),
    RegisterEntry(
        title="Laporan Keuangan Diskominfo Tahun 2024 (Audited)",
        summary=(
            "Laporan realisasi anggaran, neraca, laporan operasional dan catatan "
            "atas laporan keuangan Diskominfo tahun 2024 setelah pemeriksaan BPK."
        ),
        category=BERKALA,
        information_type="Laporan Keuangan",
        year=2024,
        period="Tahunan",
        holder="diskominfo",
        holder_official="Kepala Subbagian Keuangan",
        responsible=KADIS,
        made_on=D(2025, 5, 26),
        published_on=D(2025, 6, 10),
        retention="10 tahun",
        documents=(
            (
                "Laporan Keuangan Diskominfo 2024",
                ("Realisasi belanja 94,7 persen dari pagu anggaran.",),
            ),
            (
                "Catatan atas Laporan Keuangan Diskominfo 2024",
                ("Kebijakan akuntansi dan penjelasan pos-pos neraca.",),
            ),
        ),
    ),
    RegisterEntry(
        title="Laporan Realisasi Anggaran Diskominfo Triwulan III Tahun 2026",
        summary=(
            "Realisasi pendapatan dan belanja Diskominfo sampai dengan 30 "
            "September 2026, dengan penjelasan atas kegiatan yang tertunda."
        ),
        category=BERKALA,
        information_type="Laporan Keuangan",
        year=2026,
        period="Triwulan III",
        holder="diskominfo",
        holder_official="Kepala Subbagian Keuangan",
        responsible=KADIS,
        made_on=D(2026, 10, 12),
        published_on=D(2026, 10, 19),
        retention="10 tahun",
        form=InformationForm.DIGITAL,
        documents=(
            (
                "LRA Diskominfo Triwulan III 2026",
                ("Realisasi belanja sampai 30 September 2026: 71,5 persen.",),
            ),
        ),
    ),
    RegisterEntry(
        title="Laporan Layanan Informasi Publik PPID Kota Palangka Raya Tahun 2024",
        summary=(
            "Jumlah permohonan informasi, waktu rata-rata pemenuhan, permohonan "
            "yang ditolak beserta alasannya, dan keberatan yang diajukan pada 2024."
        ),
        category=BERKALA,
        information_type="Laporan Layanan Informasi Publik",
        year=2024,
        period="Tahunan",
        holder="diskominfo",
        holder_official="Kepala Bidang Informasi dan Komunikasi Publik",
        responsible=PPID_UTAMA,
        made_on=D(2025, 1, 20),
        published_on=D(2025, 1, 31),
        retention="5 tahun",
        documents=(
            (
                "Laporan Layanan PPID Tahun 2024",
                (
                    "Permohonan masuk: 184; dipenuhi seluruhnya: 161;",
                    "dipenuhi sebagian: 12; ditolak: 11; keberatan: 3.",
                    "Waktu rata-rata pemenuhan: 6 hari kerja.",
                ),
            ),
        ),
    ),
    RegisterEntry(
        title="Laporan Layanan Informasi Publik PPID Kota Palangka Raya Tahun 2025",
        supersedes="Laporan Layanan Informasi Publik PPID Kota Palangka Raya Tahun 2024",
        summary=(
            "Rekapitulasi layanan informasi publik tahun 2025, termasuk "
            "permohonan daring melalui situs Info Publik dan hasil survei "
            "kepuasan pemohon."
        ),
        category=BERKALA,
        information_type="Laporan Layanan Informasi Publik",
        year=2025,
        period="Tahunan",
        holder="diskominfo",
        holder_official="Kepala Bidang Informasi dan Komunikasi Publik",
        responsible=PPID_UTAMA,
        made_on=D(2026, 1, 19),
        published_on=D(2026, 1, 30),
        retention="5 tahun",
        documents=(
            (
                "Laporan Layanan PPID Tahun 2025",
                (
                    "Permohonan masuk: 236 (58 persen daring); ditolak: 9;",
                    "keberatan: 2; sengketa ke Komisi Informasi: 0.",
                ),
            ),
        ),
    ),
    RegisterEntry(
        title="Laporan Layanan Informasi Publik PPID Semester I Tahun 2026",
        supersedes="Laporan Layanan Informasi Publik PPID Kota Palangka Raya Tahun 2025",
        summary=(
            "Rekapitulasi permohonan informasi Januari sampai Juni 2026 dan "
            "tindak lanjut atas saran pemohon."
        ),
        category=BERKALA,
        information_type="Laporan Layanan Informasi Publik",
        year=2026,
        period="Semester I",
        holder="diskominfo",
        holder_official="Kepala Bidang Informasi dan Komunikasi Publik",
        responsible=PPID_UTAMA,
        made_on=D(2026, 7, 6),
        published_on=D(2026, 7, 13),
        retention="5 tahun",
        form=InformationForm.DIGITAL,
        documents=(
            (
                "Laporan Layanan PPID Semester I 2026",
                ("Permohonan masuk: 129; waktu rata-rata pemenuhan: 5 hari kerja.",),
            ),
        ),
    ),
    RegisterEntry(
        title="Rencana Kerja (Renja) Dinas Kesehatan Tahun 2026",
        summary=(
            "Program dan kegiatan Dinas Kesehatan tahun 2026, antara lain "
            "penurunan stunting, pengendalian demam berdarah, dan akreditasi "
            "puskesmas."
        ),
        category=BERKALA,
        information_type="Renja",
        year=2026,
        period="Tahunan",
        holder="dinkes",
        holder_official="Sekretaris Dinas Kesehatan",
        responsible="Kepala Dinas Kesehatan Kota Palangka Raya",
        made_on=D(2025, 8, 11),
        published_on=D(2025, 8, 25),
        retention="5 tahun",
        documents=(
            (
                "Renja Dinas Kesehatan Tahun 2026",
                ("Program pemenuhan upaya kesehatan perorangan dan masyarakat.",),
            ),
        ),
    ),
    # Informasi serta merta ---------------------------------------------------------
    RegisterEntry(
        title="Status Siaga Darurat Kebakaran Hutan dan Lahan serta Kabut Asap 2024",
        summary=(
            "Penetapan status siaga darurat karhutla dan kabut asap, lokasi posko, "
            "dan nomor darurat untuk melaporkan titik api."
        ),
        category=SERTA_MERTA,
        information_type="Peringatan Dini Bencana",
        year=2024,
        holder="bpbd",
        holder_official="Kepala Pelaksana BPBD",
        responsible="Kepala Pelaksana BPBD Kota Palangka Raya",
        made_on=D(2024, 8, 19),
        published_on=D(2024, 8, 19),
        retention="5 tahun",
        documents=(
            (
                "Pengumuman Siaga Darurat Karhutla 2024",
                (
                    "Status siaga darurat berlaku 19 Agustus s.d. 31 Oktober 2024.",
                    "Laporkan titik api ke Pusdalops BPBD, siaga 24 jam.",
                ),
            ),
        ),
    ),
    RegisterEntry(
        title="Peringatan Dini Potensi Banjir di Bantaran Sungai Kahayan Januari 2025",
        summary=(
            "Tinggi muka air Sungai Kahayan mendekati batas siaga. Warga bantaran "
            "di Pahandut Seberang, Tumbang Rungan dan Danau Tundai diminta bersiap "
            "mengungsi bila diperintahkan."
        ),
        category=SERTA_MERTA,
        information_type="Peringatan Dini Bencana",
        year=2025,
        holder="bpbd",
        holder_official="Kepala Bidang Kedaruratan dan Logistik",
        responsible="Kepala Pelaksana BPBD Kota Palangka Raya",
        made_on=D(2025, 1, 6),
        published_on=D(2025, 1, 6),
        retention="5 tahun",
        form=InformationForm.DIGITAL,
        documents=(
            (
                "Peringatan Dini Banjir Januari 2025",
                (
                    "Tinggi muka air di pos pantau Jembatan Kahayan: 6,2 meter.",
                    "Titik kumpul: kantor kelurahan dan SDN terdekat.",
                ),
            ),
            (
                "Peta Titik Pengungsian Banjir 2025",
                ("Daftar titik kumpul dan tempat pengungsian per kelurahan.",),
            ),
        ),
    ),
    RegisterEntry(
        title="Imbauan Kualitas Udara Tidak Sehat akibat Kabut Asap September 2025",
        summary=(
            "Indeks standar pencemar udara masuk kategori tidak sehat. Warga "
            "diimbau mengurangi kegiatan di luar rumah dan memakai masker."
        ),
        category=SERTA_MERTA,
        information_type="Peringatan Dini Bencana",
        year=2025,
        holder="dlh",
        holder_official="Kepala Bidang Pengendalian Pencemaran",
        responsible="Kepala Dinas Lingkungan Hidup Kota Palangka Raya",
        made_on=D(2025, 9, 22),
        published_on=D(2025, 9, 22),
        retention="5 tahun",
        form=InformationForm.DIGITAL,
        documents=(
            (
                "Imbauan Kualitas Udara 22 September 2025",
                (
                    "ISPU PM2,5 pukul 07.00 WIB: 168 (tidak sehat).",
                    "Kelompok rentan: balita, lansia, ibu hamil, penderita asma.",
                ),
            ),
        ),
    ),
    RegisterEntry(
        title="Jadwal Pemadaman Listrik Bergilir di Palangka Raya Oktober 2026",
        summary=(
            "Jadwal pemeliharaan jaringan dan pemadaman listrik bergilir per "
            "kecamatan dari PLN, diteruskan kepada warga oleh Diskominfo."
        ),
        category=SERTA_MERTA,
        information_type="Pengumuman Layanan Publik",
        year=2026,
        holder="diskominfo",
        holder_official="Kepala Bidang Informasi dan Komunikasi Publik",
        responsible=KADIS,
        made_on=D(2026, 10, 27),
        published_on=D(2026, 10, 27),
        retention="1 tahun",
        form=InformationForm.DIGITAL,
        documents=(
            (
                "Jadwal Pemadaman Listrik Oktober 2026",
                (
                    "Rabu 28 Oktober 2026, 09.00-13.00 WIB: Kecamatan Jekan Raya.",
                    "Kamis 29 Oktober 2026, 09.00-13.00 WIB: Kecamatan Pahandut.",
                ),
            ),
        ),
    ),
    RegisterEntry(
        title=(
            "Peringatan Dini Banjir Kiriman di Kelurahan "
            "Pahandut Seberang November 2026"
        ),
        summary=(
            "Curah hujan tinggi di hulu Sungai Kahayan berpotensi menimbulkan "
            "banjir kiriman dalam dua sampai tiga hari ke depan."
        ),
        category=SERTA_MERTA,
        information_type="Peringatan Dini Bencana",
        year=2026,
        holder="bpbd",
        holder_official="Kepala Bidang Kedaruratan dan Logistik",
        responsible="Kepala Pelaksana BPBD Kota Palangka Raya",
        made_on=D(2026, 11, 16),
        published_on=D(2026, 11, 16),
        retention="5 tahun",
        form=InformationForm.DIGITAL,
        documents=(
            (
                "Peringatan Dini Banjir Kiriman November 2026",
                (
                    "Amankan dokumen penting dan barang berharga di tempat tinggi.",
                    "Posko BPBD siaga di Kantor Kelurahan Pahandut Seberang.",
                ),
            ),
        ),
    ),
    # Informasi setiap saat ---------------------------------------------------------
    RegisterEntry(
        title="SOP Pelayanan Permohonan Informasi Publik PPID Kota Palangka Raya",
        summary=(
            "Alur permohonan informasi dari pendaftaran, pencatatan di buku "
            "register, pencarian informasi, hingga pemberian jawaban tertulis."
        ),
        category=SETIAP_SAAT,
        information_type="SOP",
        year=2024,
        holder="diskominfo",
        holder_official="Kepala Bidang Informasi dan Komunikasi Publik",
        responsible=PPID_UTAMA,
        made_on=D(2024, 3, 4),
        published_on=D(2024, 3, 11),
        retention="Selama berlaku",
        documents=(
            (
                "SOP Pelayanan Permohonan Informasi",
                (
                    "Jangka waktu jawaban: 10 hari kerja, dapat diperpanjang",
                    "7 hari kerja dengan pemberitahuan tertulis.",
                ),
            ),
            (
                "Formulir Permohonan Informasi Publik",
                ("Identitas pemohon, rincian informasi, tujuan penggunaan.",),
            ),
        ),
    ),
    RegisterEntry(
        title=(
            "Peraturan Wali Kota Palangka Raya tentang Penyelenggaraan Satu Data Daerah"
        ),
        summary=(
            "Pengaturan produsen data, wali data, standar data, metadata, dan "
            "Forum Satu Data di lingkungan Pemerintah Kota Palangka Raya."
        ),
        category=SETIAP_SAAT,
        information_type="Peraturan Wali Kota",
        year=2024,
        holder="setda",
        holder_official="Kepala Bagian Hukum",
        responsible=SEKDA,
        made_on=D(2024, 9, 16),
        published_on=D(2024, 9, 30),
        retention="Permanen",
        documents=(
            (
                "Perwali Penyelenggaraan Satu Data Daerah",
                (
                    "Bab I Ketentuan Umum sampai dengan Bab VIII Ketentuan Penutup.",
                    "Diundangkan dalam Berita Daerah Kota Palangka Raya.",
                ),
            ),
        ),
    ),
    RegisterEntry(
        title="Standar Pelayanan Penerbitan Sertifikat Elektronik bagi Pegawai",
        summary=(
            "Persyaratan, prosedur, jangka waktu, biaya (tanpa biaya) dan saluran "
            "pengaduan layanan sertifikat elektronik dari Bidang Persandian."
        ),
        category=SETIAP_SAAT,
        information_type="Standar Pelayanan",
        year=2025,
        holder="diskominfo",
        holder_official="Kepala Bidang Persandian",
        responsible=KADIS,
        made_on=D(2025, 5, 12),
        published_on=D(2025, 5, 19),
        retention="Selama berlaku",
        documents=(
            (
                "Standar Pelayanan Sertifikat Elektronik",
                (
                    "Jangka waktu penyelesaian: 3 hari kerja sejak berkas lengkap.",
                    "Biaya: tidak dipungut biaya.",
                ),
            ),
        ),
    ),
    RegisterEntry(
        title="Rencana Strategis (Renstra) Diskominfo Tahun 2025-2029",
        summary=(
            "Tujuan, sasaran, strategi dan arah kebijakan Diskominfo lima tahun "
            "ke depan, selaras dengan RPJMD Kota Palangka Raya."
        ),
        category=SETIAP_SAAT,
        information_type="Renstra",
        year=2025,
        holder="diskominfo",
        holder_official=SEKDIS,
        responsible=KADIS,
        made_on=D(2025, 10, 13),
        published_on=D(2025, 10, 20),
        retention="10 tahun",
        documents=(
            (
                "Renstra Diskominfo 2025-2029",
                (
                    "Tujuan: tata kelola pemerintahan digital yang terpadu,",
                    "aman dan berbasis data.",
                ),
            ),
        ),
    ),
    RegisterEntry(
        title="Daftar Barang Milik Daerah pada Diskominfo per 31 Desember 2025",
        summary=(
            "Inventaris tanah, gedung, peralatan jaringan, perangkat komputer dan "
            "kendaraan dinas yang dikuasai Diskominfo, dengan nilai perolehannya."
        ),
        category=SETIAP_SAAT,
        information_type="Daftar Barang Milik Daerah",
        year=2025,
        holder="diskominfo",
        holder_official="Kepala Subbagian Umum dan Kepegawaian",
        responsible=KADIS,
        made_on=D(2026, 1, 26),
        published_on=D(2026, 2, 3),
        retention="5 tahun",
        documents=(
            (
                "Daftar Barang Milik Daerah Diskominfo 2025",
                ("Kartu inventaris barang A sampai F per 31 Desember 2025.",),
            ),
        ),
    ),
    RegisterEntry(
        title="Keputusan Wali Kota tentang Penetapan PPID Pembantu Tahun 2026",
        summary=(
            "Penetapan PPID pembantu di setiap perangkat daerah, kecamatan dan "
            "kelurahan, beserta tugas dan kewenangannya."
        ),
        category=SETIAP_SAAT,
        information_type="Surat Keputusan",
        year=2026,
        holder="setda",
        holder_official="Kepala Bagian Hukum",
        responsible=SEKDA,
        made_on=D(2026, 2, 9),
        published_on=D(2026, 2, 16),
        retention="Selama berlaku",
        documents=(
            (
                "Keputusan Wali Kota tentang PPID Pembantu",
                ("Lampiran: daftar PPID pembantu dan atasan PPID pembantu.",),
            ),
        ),
    ),
    RegisterEntry(
        title="Perjanjian Kerja Sama Penyediaan Akses Internet Kantor Kelurahan 2026",
        summary=(
            "Perjanjian antara Diskominfo dan penyedia jasa internet tentang "
            "layanan akses internet di 30 kantor kelurahan: ruang lingkup, jangka "
            "waktu, tingkat layanan dan sanksi."
        ),
        category=SETIAP_SAAT,
        information_type="Perjanjian Kerja Sama",
        year=2026,
        holder="diskominfo",
        holder_official="Kepala Bidang Infrastruktur TIK",
        responsible=KADIS,
        made_on=D(2026, 3, 2),
        published_on=D(2026, 3, 9),
        retention="Selama berlaku ditambah 5 tahun",
        documents=(
            (
                "PKS Akses Internet Kantor Kelurahan 2026",
                (
                    "Jangka waktu: 1 Maret s.d. 31 Desember 2026.",
                    "Ketersediaan layanan paling sedikit 99 persen per bulan.",
                ),
            ),
        ),
    ),
    # Informasi yang dikecualikan ---------------------------------------------------
    RegisterEntry(
        title="Data Pribadi Pemohon Informasi Publik",
        summary=(
            "Nama, alamat, nomor induk kependudukan, nomor telepon dan salinan "
            "identitas pemohon yang dihimpun dalam buku register permohonan."
        ),
        category=DIKECUALIKAN,
        information_type="Data Pribadi",
        year=2026,
        holder="diskominfo",
        holder_official="Kepala Bidang Informasi dan Komunikasi Publik",
        responsible=PPID_UTAMA,
        made_on=D(2026, 1, 2),
        published_on=D(2026, 1, 12),
        retention="5 tahun",
        form=InformationForm.DIGITAL,
        exemption=Exemption(
            legal_basis=ExemptionBasis.PRIVACY,
            consequence=(
                "Membuka data ini mengungkap rahasia pribadi pemohon dan dapat "
                "disalahgunakan untuk penipuan atau intimidasi terhadap warga yang "
                "menggunakan haknya atas informasi. Kerugian itu lebih besar "
                "daripada manfaat membukanya; rekapitulasi tanpa identitas "
                "diumumkan dalam laporan layanan PPID."
            ),
            period="5 tahun sejak dihimpun, kecuali pemohon menyetujui secara tertulis",
            ends_on=D(2031, 1, 2),
        ),
    ),
    RegisterEntry(
        title=(
            "Dokumen Evaluasi Penawaran Pengadaan Jaringan Fiber Optik Kelurahan 2024"
        ),
        summary=(
            "Harga perkiraan sendiri, berita acara evaluasi dan dokumen penawaran "
            "peserta tender sebelum pengumuman pemenang."
        ),
        category=DIKECUALIKAN,
        information_type="Dokumen Pengadaan",
        year=2024,
        holder="diskominfo",
        holder_official="Pejabat Pembuat Komitmen",
        responsible=KADIS,
        made_on=D(2024, 5, 20),
        published_on=D(2024, 5, 27),
        retention="5 tahun",
        form=InformationForm.PRINTED,
        exemption=Exemption(
            legal_basis=ExemptionBasis.INTELLECTUAL_PROPERTY,
            consequence=(
                "Sebelum pemenang diumumkan, membuka harga perkiraan sendiri dan "
                "penawaran peserta mengganggu persaingan usaha yang sehat dan "
                "membuka peluang persekongkolan tender."
            ),
            period="Sampai pengumuman pemenang tender",
            ends_on=D(2024, 7, 31),
        ),
    ),
    RegisterEntry(
        title="Harga Perkiraan Sendiri Pengadaan Server Pusat Data 2026",
        summary=(
            "Harga perkiraan sendiri dan spesifikasi rinci pengadaan server dan "
            "perangkat penyimpanan pusat data pemerintah kota."
        ),
        category=DIKECUALIKAN,
        information_type="Dokumen Pengadaan",
        year=2026,
        holder="diskominfo",
        holder_official="Pejabat Pembuat Komitmen",
        responsible=KADIS,
        made_on=D(2026, 4, 6),
        published_on=D(2026, 4, 13),
        retention="5 tahun",
        form=InformationForm.PRINTED,
        exemption=Exemption(
            legal_basis=ExemptionBasis.INTELLECTUAL_PROPERTY,
            consequence=(
                "Calon penyedia yang mengetahui harga perkiraan sendiri dapat "
                "mengatur penawaran, sehingga negara kehilangan harga terbaik dan "
                "persaingan usaha tidak sehat."
            ),
            period="Sampai kontrak ditandatangani",
            ends_on=D(2026, 12, 31),
        ),
    ),
    RegisterEntry(
        title=(
            "Laporan Hasil Pemeriksaan Internal atas "
            "Pengelolaan Keuangan Diskominfo 2024"
        ),
        summary=(
            "Temuan dan rekomendasi pemeriksaan internal atas pengelolaan "
            "keuangan Diskominfo tahun 2024 yang masih dalam tindak lanjut."
        ),
        category=DIKECUALIKAN,
        information_type="Laporan Hasil Pemeriksaan",
        year=2024,
        holder="diskominfo",
        holder_official=SEKDIS,
        responsible=KADIS,
        made_on=D(2025, 4, 21),
        published_on=D(2025, 4, 28),
        retention="10 tahun",
        form=InformationForm.PRINTED,
        documents=(
            (
                "LHP Internal Pengelolaan Keuangan Diskominfo 2024",
                ("Salinan arsip PPID. Tidak untuk umum.",),
            ),
        ),
        exemption=Exemption(
            legal_basis=ExemptionBasis.INTERNAL_MEMORANDA,
            consequence=(
                "Selama tindak lanjut belum selesai, membuka temuan dapat "
                "menghambat klarifikasi dan pemulihan kerugian, serta merugikan "
                "pihak yang belum tentu bersalah."
            ),
            period="Sampai seluruh rekomendasi ditindaklanjuti, paling lama 1 tahun",
            ends_on=D(2026, 4, 21),
        ),
    ),
    RegisterEntry(
        title=(
            "Konfigurasi Sistem Persandian dan Kunci "
            "Kriptografi Jaringan Intra Pemerintah"
        ),
        summary=(
            "Konfigurasi perangkat keamanan jaringan, kebijakan kunci kriptografi "
            "dan topologi jaringan intra Pemerintah Kota Palangka Raya."
        ),
        category=DIKECUALIKAN,
        information_type="Dokumen Keamanan Informasi",
        year=2025,
        holder="diskominfo",
        holder_official="Kepala Bidang Persandian",
        responsible=KADIS,
        made_on=D(2025, 10, 1),
        published_on=D(2025, 10, 8),
        retention="Selama sistem dipakai",
        form=InformationForm.DIGITAL,
        exemption=Exemption(
            legal_basis=ExemptionBasis.DEFENCE,
            consequence=(
                "Mengungkap sistem persandian memudahkan serangan siber terhadap "
                "layanan pemerintah dan data warga yang tersimpan di pusat data."
            ),
            period="5 tahun, ditinjau kembali bila sistem diganti",
            ends_on=D(2030, 10, 1),
        ),
    ),
)

REGISTER_INTRO = (
    "Daftar informasi publik yang dikuasai Pemerintah Kota Palangka Raya: informasi "
    "yang wajib diumumkan secara berkala, serta merta, tersedia setiap saat, dan "
    "informasi yang dikecualikan beserta alasannya."
)
PDF_NOTE = "Dokumen contoh untuk demonstrasi; nama, nomor dan angkanya rekaan."


def _pdf_lines(entry, holder, lines):
    """The text of a generated PDF of ``entry``: heading, summary and ``lines``."""
    with translation.override("id"):
        made = date_format(entry.made_on, "j F Y")
    return [
        "PEMERINTAH KOTA PALANGKA RAYA",
        holder.name,
        "",
        *textwrap.wrap(entry.title, 80),
        *([f"Periode: {entry.period} {entry.year}"] if entry.period else []),
        "",
        *textwrap.wrap(entry.summary, 85),
        "",
        *lines,
        "",
        f"Palangka Raya, {made}",
        entry.responsible,
        "",
        PDF_NOTE,
    ]


def demo_pdf_get_or_create(*, title, collection, lines):
    """
    The document titled ``title`` in ``collection``, generating a one-page
    PDF of ``lines`` if there is none. Returns ``(document, created)``.
    """
    Document = get_document_model()
    document = Document.objects.filter(title=title, collection=collection).first()
    if document is not None:
        return document, False
    data = pdf_text(title, lines)
    document = Document(
        title=title,
        collection=collection,
        file=ContentFile(data, name=f"{slugify(title)[:80] or 'dokumen'}.pdf"),
        file_size=len(data),
        file_hash=hash_filelike(io.BytesIO(data)),
    )
    document.save()
    return document, True


def information_types():
    """The information types by name, adding the demo's own to the migration's."""
    for name, description in EXTRA_INFORMATION_TYPES.items():
        InformationType.objects.get_or_create(
            name=name, defaults={"description": description}
        )
    return {kind.name: kind for kind in InformationType.objects.all()}


def seed_register(*, users, agencies, now):
    """
    The register of public information (Daftar Informasi Publik): the
    entries of ``REGISTER_ENTRIES`` under the register index, each published
    on its day (never after ``now``) with its generated PDFs in the "Info
    Publik" collection. Entries whose slug exists are left alone. Returns a
    SeedCount.
    """
    count = SeedCount("register entries")
    index = RegisterIndexPage.objects.first()
    if index is None:
        return count
    page_fill_if_empty(index, intro=REGISTER_INTRO)
    collection = collection_get("Info Publik")
    types = information_types()
    latest = now - datetime.timedelta(hours=1)
    for number, entry in enumerate(REGISTER_ENTRIES):
        if child_with_slug(index, entry.slug) is not None:
            count.add(False)
            continue
        holder = agencies[entry.holder]
        documents = []
        for title, lines in entry.documents:
            document, _created = demo_pdf_get_or_create(
                title=title,
                collection=collection,
                lines=_pdf_lines(entry, holder, lines),
            )
            documents.append(ReportDocument(document=document, title=title))
        exemption = entry.exemption
        page = ReportPage(
            title=entry.title,
            slug=entry.slug,
            summary=entry.summary,
            category=entry.category,
            information_type=types[entry.information_type],
            year=entry.year,
            period=entry.period,
            holder=holder,
            holder_official=entry.holder_official,
            responsible=entry.responsible,
            made_on=entry.made_on,
            form=entry.form,
            retention=entry.retention,
            legal_basis=exemption.legal_basis if exemption else "",
            consequence=exemption.consequence if exemption else "",
            exemption_period=exemption.period if exemption else "",
            exemption_ends_on=exemption.ends_on if exemption else None,
            supersedes=(
                child_with_slug(index, slugify(entry.supersedes)[:255])
                if entry.supersedes
                else None
            ),
            documents=documents,
        )
        page.clean()
        published_at = local_moment(
            entry.published_on, 9 + number % 6, 5 * (number % 12)
        )
        page_publish_as_of(
            parent=index,
            page=page,
            published_at=min(published_at, latest),
            author=users["kasi"],
            publisher=users["adminweb"],
        )
        count.add(True)
    return count
