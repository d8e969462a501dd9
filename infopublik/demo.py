"""
Demo content for Info Publik, used by ``manage.py seed_demo``: the agency's
sections, their articles and the PPID's information pages. The register of
public information (Daftar Informasi Publik) is not seeded here.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.text import slugify

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
from .models import ArticleIndexPage, InfoPublikHomePage, Section

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
