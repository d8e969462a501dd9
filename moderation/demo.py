"""
Demo content in every state of the two SOP workflows, for ``manage.py seed_demo``.

The dashboards only show something real when content is waiting somewhere:
issue 3 asks for pages in each step of both SOPs, some within their time
standard (mutu baku) and some overdue, pages returned for correction with a
reason, and pages that went the whole way and were published. Each item below
is a new draft written by its demo author and moved through its workflow with
Wagtail's public workflow API, as the right demo users, so every SOP rule
(segregation of duties, a reason for each return) is applied as in the admin.

Afterwards the run is dated back: its draft, submission and each decision get
the moment they would have happened, counted back from ``now``, in every
place Wagtail keeps it (revisions, workflow and task states, audit log, the
page's publication dates), so the due times and traffic lights agree with the
history.

Idempotent: an item whose slug exists under its parent is left alone, whatever
state it is in now, so a second run creates nothing and moves nothing.
"""

import datetime
import zlib
from dataclasses import dataclass

from django.utils import timezone
from django.utils.text import slugify

from wagtail.models import Page, PageLogEntry, Revision, TaskState, WorkflowState

from infopublik.demo import SECTIONS
from infopublik.models import ArticleIndexPage, ArticlePage, Section
from media_center.demo import CLOSINGS, RUBRICS, news_publications_backdate
from media_center.models import NewsIndexPage, NewsPage, Rubric
from portal.demo import (
    DEMO_AGENCIES,
    WIB,
    SeedCount,
    child_with_slug,
    collection_get,
    demo_image_get_or_create,
    html_paragraphs,
    id_dateline_day,
    quote_block,
)
from portal.models import Agency, AnnouncementIndexPage, AnnouncementPage

from .archiving import archive_confirm, archive_record_from_log_entry
from .models import SOP, ArchiveRecord

MINUTE = datetime.timedelta(minutes=1)
HOUR = datetime.timedelta(hours=1)
DAY = datetime.timedelta(days=1)


@dataclass(frozen=True)
class Decision:
    """A reviewer approves or returns the step in progress, ``took`` after it began."""

    username: str
    action: str  # Wagtail's action name: "approve" or "reject" (return)
    took: datetime.timedelta
    comment: str = ""


def approve(username, took, comment=""):
    """``username`` approves the step ``took`` after it began."""
    return Decision(username, "approve", took, comment)


def return_for_correction(username, took, reason):
    """``username`` returns the content to its writer with ``reason``."""
    return Decision(username, "reject", took, reason)


@dataclass(frozen=True)
class DemoRun:
    """
    A new draft and how far its SOP run went. ``since`` is the time from the
    run's last event (the submission, or the last decision) to now: how long
    the step in progress has waited, or how long ago the run was returned or
    published.
    """

    kind: str  # "article", "announcement" or "news"
    title: str
    summary: str  # an article's or announcement's summary, a news lead
    paragraphs: tuple[str, ...]
    author: str
    decisions: tuple[Decision, ...]
    since: datetime.timedelta
    # From the first save of the draft to its submission (content SOP steps
    # 1–3; news SOP step 4, filing after the coverage).
    drafting: datetime.timedelta = 45 * MINUTE
    # Articles
    section: str = ""
    # Announcements: valid from the day of the draft for this many days.
    valid_days: int = 30
    # News
    rubric: str = ""
    agency: str = ""
    tags: tuple[str, ...] = ()
    alt: str = ""
    caption: str = ""
    place: str = "Palangka Raya"
    quote: tuple[str, str] | None = None
    photographer: str = "fotografer"
    editor: str = ""

    @property
    def slug(self):
        """The page's slug, made from its title."""
        return slugify(self.title)


# Content SOP: Pemeriksaan Kasubbag (30 min) → Persetujuan Kepala (30 min) →
# Entri dan Publikasi Admin Website (30 min, publishes).
CONTENT_RUNS = (
    DemoRun(
        kind="article",
        section="statistik",
        title="Profil Penduduk Kota Palangka Raya per Kecamatan Semester Pertama",
        summary=(
            "Ringkasan jumlah penduduk, kepadatan, dan komposisi usia di lima "
            "kecamatan berdasarkan data kependudukan semester pertama."
        ),
        paragraphs=(
            "Bidang Statistik Diskominfo merangkum data kependudukan semester "
            "pertama dari Dinas Kependudukan dan Pencatatan Sipil menjadi profil "
            "penduduk per kecamatan.",
            "Kecamatan Jekan Raya tetap menjadi wilayah terpadat, sedangkan "
            "Kecamatan Rakumpit memiliki wilayah terluas dengan kepadatan paling "
            "rendah.",
            "Profil ini dilengkapi tabel jumlah penduduk menurut kelompok umur dan "
            "jenis kelamin yang dapat diunduh dalam format terbuka.",
            "Data yang sama dipakai perangkat daerah untuk menyusun rencana kerja, "
            "sesuai prinsip Satu Data Palangka Raya.",
        ),
        author="penulis",
        decisions=(),
        since=8 * MINUTE,
    ),
    DemoRun(
        kind="article",
        section="ikp",
        title="Daftar Informasi Publik Diskominfo Telah Dimutakhirkan",
        summary=(
            "PPID Diskominfo menambahkan dokumen perencanaan, laporan keuangan, dan "
            "hasil pengadaan ke dalam Daftar Informasi Publik."
        ),
        paragraphs=(
            "Pejabat Pengelola Informasi dan Dokumentasi (PPID) Diskominfo "
            "memutakhirkan Daftar Informasi Publik sebagaimana diwajibkan "
            "Undang-Undang Nomor 14 Tahun 2008.",
            "Pemutakhiran kali ini menambahkan rencana strategis, laporan realisasi "
            "anggaran, serta daftar paket pengadaan barang dan jasa yang telah "
            "selesai.",
            "Setiap dokumen dicantumkan bersama penanggung jawab, waktu pembuatan, "
            "dan jangka waktu penyimpanannya.",
            "Warga dapat mengunduh dokumen tersebut di situs Info Publik atau "
            "memintanya langsung di meja layanan PPID.",
        ),
        author="penulis",
        decisions=(),
        since=2 * HOUR + 15 * MINUTE,
    ),
    DemoRun(
        kind="announcement",
        title="Layanan Administrasi Kependudukan Dibuka pada Hari Sabtu",
        summary=(
            "Warga dapat mengurus KTP elektronik, kartu keluarga, dan akta "
            "kelahiran pada hari Sabtu di kantor Dinas Kependudukan dan "
            "Pencatatan Sipil."
        ),
        paragraphs=(
            "Dinas Kependudukan dan Pencatatan Sipil Kota Palangka Raya membuka "
            "layanan administrasi kependudukan pada hari Sabtu pukul 08.00 sampai "
            "12.00 WIB selama masa pengumuman ini.",
            "Layanan meliputi perekaman dan pencetakan KTP elektronik, perubahan "
            "kartu keluarga, serta penerbitan akta kelahiran dan akta kematian.",
            "Warga diminta membawa dokumen asli dan datang sesuai nomor antrean. "
            "Seluruh layanan administrasi kependudukan tidak dipungut biaya.",
        ),
        author="penulis",
        decisions=(approve("kasubbag", 20 * MINUTE),),
        since=12 * MINUTE,
    ),
    DemoRun(
        kind="article",
        section="aptika",
        title="Aplikasi Pengaduan Terpadu Mulai Diuji Coba di Tiga Kecamatan",
        summary=(
            "Aplikasi pengaduan terpadu diuji coba di Kecamatan Pahandut, Jekan "
            "Raya, dan Sabangau sebelum dipakai di seluruh kota."
        ),
        paragraphs=(
            "Bidang Aplikasi Informatika mulai menguji coba aplikasi pengaduan "
            "terpadu di kantor Kecamatan Pahandut, Jekan Raya, dan Sabangau.",
            "Melalui aplikasi ini, petugas kecamatan mencatat pengaduan warga dan "
            "meneruskannya ke perangkat daerah yang berwenang, lalu warga dapat "
            "memantau tindak lanjutnya.",
            "Selama uji coba, petugas mencatat kendala dan usulan perbaikan yang "
            "akan dibahas sebelum aplikasi dipakai di seluruh kecamatan dan "
            "kelurahan.",
        ),
        author="penulis",
        decisions=(
            approve(
                "kasubbag",
                25 * MINUTE,
                "Isi sudah sesuai laporan uji coba, diteruskan ke Kepala.",
            ),
        ),
        since=HOUR + 40 * MINUTE,
    ),
    DemoRun(
        kind="announcement",
        title="Pendaftaran Pelatihan Keterampilan Kerja bagi Pencari Kerja",
        summary=(
            "Pencari kerja yang berdomisili di Palangka Raya dapat mendaftar "
            "pelatihan menjahit, pengelasan, tata boga, dan teknisi telepon "
            "genggam tanpa biaya."
        ),
        paragraphs=(
            "Pemerintah Kota Palangka Raya membuka pendaftaran pelatihan "
            "keterampilan kerja bagi pencari kerja yang berdomisili di Palangka "
            "Raya.",
            "Pelatihan yang tersedia antara lain menjahit, pengelasan, tata boga, "
            "dan teknisi telepon genggam. Peserta mendapat sertifikat setelah "
            "menyelesaikan pelatihan.",
            "Pendaftaran dilakukan di kantor kelurahan dengan membawa KTP, kartu "
            "keluarga, dan kartu pencari kerja. Seluruh pelatihan tidak dipungut "
            "biaya.",
        ),
        author="penulis",
        decisions=(
            approve("kasubbag", 15 * MINUTE),
            approve("kepala", 25 * MINUTE, "Setuju untuk diumumkan."),
        ),
        since=6 * MINUTE,
        valid_days=21,
    ),
    DemoRun(
        kind="article",
        section="infrastruktur",
        title="Pemeliharaan Berkala Pusat Data Pemerintah Kota dan Dampaknya bagi Layanan",
        summary=(
            "Pusat data pemerintah kota menjalani pemeliharaan berkala; sebagian "
            "aplikasi layanan tidak dapat diakses selama beberapa jam."
        ),
        paragraphs=(
            "Bidang Infrastruktur Teknologi Informasi dan Komunikasi melakukan "
            "pemeliharaan berkala pusat data pemerintah kota setiap tiga bulan.",
            "Pemeliharaan meliputi pemeriksaan catu daya cadangan, pendingin "
            "ruangan, pembaruan perangkat lunak server, dan uji pemulihan data.",
            "Selama pemeliharaan, beberapa aplikasi layanan dapat tidak diakses "
            "sementara. Jadwalnya diumumkan kepada perangkat daerah paling lambat "
            "tiga hari sebelumnya.",
        ),
        author="penulis",
        decisions=(
            approve("kasubbag", 20 * MINUTE),
            approve("kepala", 28 * MINUTE),
        ),
        since=55 * MINUTE,
    ),
    DemoRun(
        kind="article",
        section="statistik",
        title="Indeks Kepuasan Masyarakat terhadap Layanan Kecamatan",
        summary=(
            "Hasil survei kepuasan masyarakat di lima kantor kecamatan: unsur "
            "layanan yang dinilai baik dan yang perlu diperbaiki."
        ),
        paragraphs=(
            "Bidang Statistik bersama Bagian Organisasi Sekretariat Daerah "
            "melaksanakan survei kepuasan masyarakat di lima kantor kecamatan.",
            "Responden menilai sembilan unsur layanan, mulai dari persyaratan, "
            "prosedur, dan waktu penyelesaian hingga perilaku petugas dan "
            "penanganan pengaduan.",
            "Unsur waktu penyelesaian masih mendapat nilai terendah. Kecamatan "
            "diminta menyusun rencana tindak lanjut dan melaporkannya pada "
            "triwulan berikutnya.",
        ),
        author="penulis",
        decisions=(
            approve("kasubbag", 18 * MINUTE),
            return_for_correction(
                "kepala",
                22 * MINUTE,
                "Angka indeks per kecamatan belum sama dengan laporan hasil survei "
                "yang sudah ditandatangani. Mohon dicocokkan lagi, sebutkan sumber "
                "datanya, dan lampirkan laporan survei sebagai dokumen pendukung.",
            ),
        ),
        since=40 * MINUTE,
    ),
    DemoRun(
        kind="article",
        section="ikp",
        title="Warga Kini Dapat Memantau Status Permohonan Informasi secara Daring",
        summary=(
            "Pemohon informasi publik dapat melihat sampai di mana permohonannya "
            "diproses melalui situs Info Publik."
        ),
        paragraphs=(
            "PPID Kota Palangka Raya kini menyediakan fitur pemantauan status "
            "permohonan informasi di situs Info Publik.",
            "Setelah mengajukan permohonan, pemohon menerima nomor registrasi. "
            "Dengan nomor itu, pemohon dapat melihat apakah permohonannya sedang "
            "diproses, sudah dijawab, atau perlu dilengkapi.",
            "Fitur ini melengkapi layanan di meja PPID dan melalui surel. Jangka "
            "waktu pelayanan tetap mengikuti ketentuan: paling lambat sepuluh hari "
            "kerja sejak permohonan diterima.",
        ),
        author="penulis",
        decisions=(
            approve(
                "kasubbag", 17 * MINUTE, "Sudah sesuai data PPID, diteruskan ke Kepala."
            ),
            approve("kepala", 24 * MINUTE, "Setuju untuk diterbitkan."),
            approve("adminweb", 12 * MINUTE),
        ),
        since=DAY + 3 * HOUR,
    ),
)

# News SOP: Penyuntingan dan Verifikasi (3 h) → Publikasi Berita (2 h, publishes).
NEWS_RUNS = (
    DemoRun(
        kind="news",
        rubric="kesehatan",
        agency="dinkes",
        tags=("posyandu", "lansia", "kesehatan"),
        title="Posyandu Lansia Kelurahan Bukit Tunggal Layani Cek Gula Darah dan Kolesterol",
        summary=(
            "Posyandu lansia di Kelurahan Bukit Tunggal melayani pemeriksaan gula "
            "darah, kolesterol, dan tekanan darah bagi puluhan warga lanjut usia."
        ),
        paragraphs=(
            "Kegiatan posyandu lansia berlangsung di balai pertemuan Kelurahan "
            "Bukit Tunggal, {hari}, didampingi petugas puskesmas setempat.",
            "Selain pemeriksaan, kader posyandu memberikan penyuluhan tentang pola "
            "makan sehat dan senam ringan yang dapat dilakukan di rumah.",
            "Warga yang hasil pemeriksaannya di atas batas normal dirujuk ke "
            "puskesmas untuk pemeriksaan lanjutan tanpa biaya.",
        ),
        quote=(
            "Pemeriksaan rutin membuat diabetes dan hipertensi bisa diketahui lebih "
            "awal, sebelum menimbulkan komplikasi.",
            "Kepala Dinas Kesehatan Kota Palangka Raya",
        ),
        alt="Kader posyandu memeriksa tekanan darah seorang warga lanjut usia",
        caption="Pemeriksaan kesehatan lansia di Kelurahan Bukit Tunggal.",
        place="Jekan Raya",
        author="reporter",
        decisions=(),
        since=35 * MINUTE,
        drafting=30 * MINUTE,
    ),
    DemoRun(
        kind="news",
        rubric="ekonomi",
        agency="disperindag",
        tags=("minyak goreng", "pasar", "perlindungan konsumen"),
        title="Disperindag Periksa Takaran Minyak Goreng Kemasan di Pasar Kahayan",
        summary=(
            "Petugas Disperindag memeriksa takaran dan label minyak goreng kemasan "
            "di Pasar Kahayan untuk memastikan pembeli tidak dirugikan."
        ),
        paragraphs=(
            "Pemeriksaan dilakukan {hari} di sejumlah kios dan toko grosir di Pasar "
            "Kahayan. Petugas menimbang contoh kemasan dan mencocokkan isinya "
            "dengan keterangan pada label.",
            "Sebagian besar kemasan sesuai takaran. Pedagang yang menjual kemasan "
            "tanpa label berbahasa Indonesia diminta menarik barangnya dari rak.",
            "Disperindag juga memantau harga minyak goreng, beras, gula, dan telur "
            "yang relatif stabil dibandingkan pekan sebelumnya.",
        ),
        alt="Petugas menimbang minyak goreng kemasan di sebuah kios pasar",
        caption="Pemeriksaan takaran minyak goreng kemasan di Pasar Kahayan.",
        author="kontributor",
        decisions=(),
        since=2 * HOUR + 25 * MINUTE,
        drafting=40 * MINUTE,
    ),
    DemoRun(
        kind="news",
        rubric="lingkungan",
        agency="bpbd",
        tags=("banjir", "sungai kahayan", "bpbd"),
        title="BPBD Siagakan Perahu Karet di Pahandut Seberang saat Muka Air Sungai Kahayan Naik",
        summary=(
            "BPBD Kota Palangka Raya menyiagakan perahu karet dan personel di "
            "Kelurahan Pahandut Seberang setelah muka air Sungai Kahayan naik "
            "sejak pagi."
        ),
        paragraphs=(
            "Personel BPBD tiba di Kelurahan Pahandut Seberang {hari} dan mendirikan "
            "posko siaga di dekat dermaga penyeberangan.",
            "Sejumlah rumah di bantaran sungai mulai tergenang setinggi mata kaki. "
            "Warga diminta memindahkan barang berharga dan dokumen penting ke "
            "tempat yang lebih tinggi.",
            "BPBD memantau tinggi muka air bersama kelurahan dan akan mengevakuasi "
            "warga bila air terus naik.",
        ),
        alt="Petugas BPBD menyiapkan perahu karet di tepi Sungai Kahayan",
        caption="Perahu karet BPBD disiagakan di Kelurahan Pahandut Seberang.",
        place="Pahandut",
        author="reporter",
        decisions=(),
        since=4 * HOUR + 10 * MINUTE,
        drafting=50 * MINUTE,
    ),
    DemoRun(
        kind="news",
        rubric="sosial-budaya",
        agency="disbudpar",
        tags=("tari daerah", "pelajar", "budaya dayak"),
        title="Wakil Wali Kota Buka Lomba Tari Daerah Tingkat SMP se-Kota Palangka Raya",
        summary=(
            "Wakil Wali Kota Palangka Raya membuka lomba tari daerah tingkat SMP "
            "yang diikuti perwakilan sekolah dari lima kecamatan."
        ),
        paragraphs=(
            "Lomba tari daerah berlangsung di aula Dinas Kebudayaan dan Pariwisata, "
            "{hari}, dan disaksikan ratusan pelajar serta orang tua.",
            "Setiap sekolah menampilkan satu tari tradisional Dayak, seperti tari "
            "Manasai dan tari Giring-Giring, dengan iringan musik daerah.",
            "Pemenang lomba akan mewakili Kota Palangka Raya pada festival budaya "
            "tingkat provinsi.",
        ),
        quote=(
            "Anak-anak kita harus bangga menarikan tarian daerahnya sendiri. Dari "
            "sini budaya Dayak diwariskan.",
            "Wakil Wali Kota Palangka Raya",
        ),
        alt="Pelajar SMP menampilkan tari tradisional Dayak di atas panggung",
        caption="Penampilan peserta lomba tari daerah tingkat SMP.",
        author="kontributor",
        editor="redaktur",
        decisions=(
            approve(
                "redaktur",
                HOUR + 40 * MINUTE,
                "Nama sekolah dan jumlah peserta sudah dicek ke Disbudpar.",
            ),
        ),
        since=25 * MINUTE,
    ),
    DemoRun(
        kind="news",
        rubric="infrastruktur",
        agency="pupr",
        tags=("jembatan", "infrastruktur", "kereng bangkirai"),
        title="Dinas PUPR Perbaiki Jembatan Kayu Penghubung RT di Kelurahan Kereng Bangkirai",
        summary=(
            "Dinas PUPR mengganti lantai dan tiang jembatan kayu yang lapuk di "
            "Kelurahan Kereng Bangkirai agar kembali aman dilalui warga."
        ),
        paragraphs=(
            "Perbaikan dimulai {hari} dan ditargetkan selesai dalam dua pekan. "
            "Selama pengerjaan, warga dapat melintas melalui jalur sementara di "
            "sisi jembatan.",
            "Jembatan sepanjang sekitar empat puluh meter itu menghubungkan dua "
            "rukun tetangga dan setiap hari dilalui anak sekolah serta pedagang.",
            "Dinas PUPR memakai kayu ulin pada bagian tiang agar jembatan lebih "
            "tahan terhadap genangan saat musim hujan.",
        ),
        alt="Pekerja memasang papan lantai baru pada jembatan kayu",
        caption="Perbaikan jembatan kayu di Kelurahan Kereng Bangkirai.",
        place="Sabangau",
        author="reporter",
        editor="redaktur",
        decisions=(approve("redaktur", 2 * HOUR + 30 * MINUTE),),
        since=3 * HOUR + 5 * MINUTE,
    ),
    DemoRun(
        kind="news",
        rubric="pendidikan",
        agency="dlh",
        tags=("adiwiyata", "sekolah", "lingkungan"),
        title="Sekolah Adiwiyata di Palangka Raya Bertambah",
        summary=(
            "Jumlah sekolah berpredikat Adiwiyata di Palangka Raya bertambah "
            "setelah beberapa sekolah lolos penilaian tingkat kota."
        ),
        paragraphs=(
            "Penilaian sekolah Adiwiyata dilakukan tim Dinas Lingkungan Hidup "
            "bersama Dinas Pendidikan dan diumumkan {hari}.",
            "Sekolah dinilai dari kebijakan yang peduli lingkungan, pembelajaran, "
            "kegiatan partisipatif, serta pengelolaan sarana seperti kebun sekolah "
            "dan bank sampah.",
            "Sekolah yang lolos akan dibina untuk mengikuti penilaian Adiwiyata "
            "tingkat provinsi.",
        ),
        alt="Siswa merawat tanaman di kebun sekolah",
        caption="Kegiatan kebun sekolah di salah satu sekolah Adiwiyata.",
        author="kontributor",
        decisions=(
            return_for_correction(
                "redaktur",
                HOUR + 10 * MINUTE,
                "Jumlah sekolah belum disebut dan belum dikonfirmasi ke DLH, dan "
                "kutipan kepala sekolah belum mencantumkan nama serta jabatannya. "
                "Lengkapi narasumber dan sumber angka, lalu kirim ulang.",
            ),
        ),
        since=2 * HOUR,
    ),
    DemoRun(
        kind="news",
        rubric="pemerintahan",
        agency="diskominfo",
        tags=("keterbukaan informasi", "ppid", "pelayanan publik"),
        title="Wali Kota Resmikan Ruang Layanan Informasi Publik di Balai Kota",
        summary=(
            "Wali Kota Palangka Raya meresmikan ruang layanan informasi publik yang "
            "melayani permohonan informasi dan pengaduan warga di satu tempat."
        ),
        paragraphs=(
            "Peresmian berlangsung di lantai dasar Balai Kota Palangka Raya, "
            "{hari}, disaksikan kepala perangkat daerah dan perwakilan Komisi "
            "Informasi.",
            "Di ruang layanan ini, warga dapat mengajukan permohonan informasi "
            "publik, menyampaikan pengaduan, dan berkonsultasi dengan petugas PPID "
            "pada jam kerja.",
            "Diskominfo menyiapkan petugas yang bergantian berjaga serta komputer "
            "yang terhubung dengan aplikasi pengaduan terpadu.",
            CLOSINGS["pemerintahan"][0],
        ),
        quote=(
            "Informasi publik adalah hak warga. Ruang ini kami buka agar warga "
            "tidak bingung harus bertanya ke mana.",
            "Wali Kota Palangka Raya",
        ),
        alt="Wali Kota menggunting pita di depan ruang layanan informasi publik",
        caption="Peresmian ruang layanan informasi publik di Balai Kota.",
        author="reporter",
        editor="redaktur",
        decisions=(
            approve(
                "redaktur",
                HOUR + 50 * MINUTE,
                "Sudah diverifikasi ke Diskominfo; judul dan keterangan foto disunting.",
            ),
            approve("operator", 35 * MINUTE),
        ),
        since=20 * HOUR,
        drafting=35 * MINUTE,
    ),
    # Published, but the operator took longer than the publishing step's two
    # hours: the report "Berita di tiga situs" shows it late.
    DemoRun(
        kind="news",
        rubric="kesehatan",
        agency="dinkes",
        tags=("kesehatan", "imunisasi", "puskesmas"),
        title="Puskesmas Kayon Buka Layanan Imunisasi pada Sabtu Pagi",
        summary=(
            "Puskesmas Kayon membuka layanan imunisasi anak setiap Sabtu pagi "
            "agar orang tua yang bekerja tidak perlu izin dari kantor."
        ),
        paragraphs=(
            "Layanan dibuka pukul 08.00 sampai 11.00 WIB di ruang imunisasi "
            "Puskesmas Kayon, {hari}, dan akan berlanjut setiap pekan.",
            "Orang tua cukup membawa buku KIA dan kartu identitas anak. Petugas "
            "mencatat setiap imunisasi di buku KIA dan aplikasi kesehatan.",
            "Dinas Kesehatan mengingatkan jadwal imunisasi dasar lengkap bagi "
            "bayi, termasuk imunisasi campak dan rubela.",
            CLOSINGS["kesehatan"][0],
        ),
        alt="Petugas puskesmas menyuntikkan vaksin kepada balita di pangkuan ibunya",
        caption="Imunisasi anak di Puskesmas Kayon pada Sabtu pagi.",
        author="kontributor",
        editor="redaktur",
        decisions=(
            approve("redaktur", HOUR + 20 * MINUTE),
            approve("operator", 2 * HOUR + 40 * MINUTE),
        ),
        since=DAY + 5 * HOUR,
        drafting=50 * MINUTE,
    ),
)

DEMO_RUNS = CONTENT_RUNS + NEWS_RUNS

# How long before filing the reporter covered the event (news SOP step 3).
COVERAGE_BEFORE_FILING = 50 * MINUTE


def run_moments(run, *, now):
    """
    When the run's events happened, counted back from ``now``: the first save
    of the draft, then the submission and each decision, oldest first.
    """
    moments = [now - run.since]
    for decision in reversed(run.decisions):
        moments.insert(0, moments[0] - decision.took)
    return moments[0] - run.drafting, moments


def _newest_published(parent, model):
    return (
        model.objects.child_of(parent)
        .live()
        .order_by("-first_published_at")
        .values_list("first_published_at", flat=True)
        .first()
    )


def _published_after(moments, newest, now):
    """
    Shift a run that ends in publication so that it is published after
    ``newest``, the latest publication in its index: the page tree lists
    children in the order they were made and must agree with the dates.
    """
    if newest is None or moments[-1] > newest:
        return 0 * MINUTE
    published_at = min(newest + MINUTE, newest + (now - newest) / 2)
    return published_at - moments[-1]


def _article(run, **_moments):
    return ArticlePage(
        title=run.title,
        slug=run.slug,
        summary=run.summary,
        section=Section.objects.filter(name=SECTIONS[run.section][0]).first(),
        body=html_paragraphs(run.paragraphs),
    )


def _announcement(run, *, drafted_at, **_moments):
    valid_from = timezone.localtime(drafted_at, WIB).date()
    return AnnouncementPage(
        title=run.title,
        slug=run.slug,
        summary=run.summary,
        valid_from=valid_from,
        valid_until=valid_from + datetime.timedelta(days=run.valid_days),
        body=html_paragraphs(run.paragraphs),
    )


def _news(run, *, users, submitted_at, **_moments):
    rubric = Rubric.objects.get(slug=run.rubric)
    photographer = users[run.photographer]
    credit = f"MC Palangka Raya/{photographer.first_name}"
    event_at = submitted_at - COVERAGE_BEFORE_FILING - run.drafting
    image, _created = demo_image_get_or_create(
        title=run.title,
        collection=collection_get("Media Center"),
        motif=RUBRICS[run.rubric][2],
        heading=rubric.name,
        caption=run.caption,
        credit=credit,
        seed=zlib.crc32(run.slug.encode()),
        description=run.alt,
    )
    hari = id_dateline_day(event_at)
    body = html_paragraphs([text.format(hari=hari) for text in run.paragraphs])
    if run.quote is not None:
        body.insert(1, quote_block(*run.quote))
    page = NewsPage(
        title=run.title,
        slug=run.slug,
        lead=run.summary,
        body=body,
        main_image=image,
        main_image_alt=run.alt,
        main_image_caption=run.caption,
        main_image_credit=credit,
        event_at=event_at,
        place=run.place,
        rubric=rubric,
        writer=users[run.author],
        photographer=photographer,
        editor=users[run.editor] if run.editor else None,
        source_agency=Agency.objects.filter(name=DEMO_AGENCIES[run.agency][0]).first(),
    )
    page.tags.add(*run.tags)
    return page


# kind: the label of its count in seed_demo's summary
COUNT_LABELS = {"article": "articles", "announcement": "announcements", "news": "news"}
# kind: (the index it is made under, its page model, what builds it)
KINDS = {
    "article": (ArticleIndexPage, ArticlePage, _article),
    "announcement": (AnnouncementIndexPage, AnnouncementPage, _announcement),
    "news": (NewsIndexPage, NewsPage, _news),
}


class _Backdating:
    """
    Collects what each event of one page's run wrote, so that all of it can be
    dated to when the event should have happened: revisions, log entries,
    workflow and task states, and the publication.
    """

    def __init__(self, page):
        self.page = page
        self.seen = {"logs": set(), "revisions": set(), "workflows": set()}
        self.started = set()
        self.finished = set()
        self.live = False
        self.updates = []

    def _workflow_states(self):
        return WorkflowState.objects.filter(
            base_content_type=self.page.get_base_content_type(),
            object_id=str(self.page.pk),
        )

    def mark(self, moment):
        """Everything written since the last mark happened at ``moment``."""
        found = {
            "logs": (
                PageLogEntry,
                "timestamp",
                PageLogEntry.objects.filter(page=self.page),
            ),
            "revisions": (
                Revision,
                "created_at",
                Revision.objects.for_instance(self.page),
            ),
            "workflows": (WorkflowState, "created_at", self._workflow_states()),
        }
        for key, (model, field, queryset) in found.items():
            pks = set(queryset.values_list("pk", flat=True)) - self.seen[key]
            self.seen[key] |= pks
            self.updates.append((model, pks, {field: moment}))
        task_states = TaskState.objects.filter(
            workflow_state__in=self._workflow_states()
        ).values_list("pk", "finished_at")
        for pk, finished_at in task_states:
            if pk not in self.started:
                self.started.add(pk)
                self.updates.append((TaskState, {pk}, {"started_at": moment}))
            if finished_at is not None and pk not in self.finished:
                self.finished.add(pk)
                self.updates.append((TaskState, {pk}, {"finished_at": moment}))
        if not self.live and Page.objects.filter(pk=self.page.pk, live=True).exists():
            self.live = True
            # With its copies on the other sites (news), live at the same moment.
            copies = set(
                Page.objects.filter(alias_of=self.page).values_list("pk", flat=True)
            )
            self.updates.append(
                (
                    Page,
                    {self.page.pk, *copies},
                    {"first_published_at": moment, "last_published_at": moment},
                )
            )

    def apply(self, *, drafted_at):
        """Write the collected moments."""
        for model, pks, values in self.updates:
            if pks:
                model.objects.filter(pk__in=pks).update(**values)
        Page.objects.filter(pk=self.page.pk).update(
            latest_revision_created_at=drafted_at
        )


def run_seed(run, *, users, now):
    """
    Create ``run``'s draft as its author, submit it to the workflow of its
    site and let each reviewer decide through the SOP step's ``on_action``,
    then date the whole run back. Returns the page, or None when a page with
    its slug exists already (in whatever state people have left it) or
    when an administrator took the workflow off the site.
    """
    index_model, page_model, build = KINDS[run.kind]
    parent = index_model.objects.first()
    workflow = parent.get_workflow()
    if workflow is None or child_with_slug(parent, run.slug) is not None:
        return None
    drafted_at, moments = run_moments(run, now=now)
    if run.decisions and run.decisions[-1].action == "approve":
        newest = _newest_published(parent, page_model)
        shift = _published_after(moments, newest, now)
        drafted_at += shift
        moments = [moment + shift for moment in moments]
    page = build(run, users=users, drafted_at=drafted_at, submitted_at=moments[0])

    author = users[run.author]
    page.owner = author
    page.live = False
    parent.add_child(instance=page)
    dating = _Backdating(page)
    page.save_revision(user=author, log_action=True)
    dating.mark(drafted_at)

    workflow_state = workflow.start(page, author)
    dating.mark(moments[0])
    for decision, moment in zip(run.decisions, moments[1:], strict=True):
        workflow_state.refresh_from_db()
        task_state = workflow_state.current_task_state
        task_state.task.specific.on_action(
            task_state,
            users[decision.username],
            decision.action,
            comment=decision.comment,
        )
        dating.mark(moment)
    dating.apply(drafted_at=drafted_at)
    if run.kind == "news":
        news_publications_backdate(news_id=page.pk)
    _archive_record_redate(page)
    return page


def _archive_record_redate(page):
    """
    The run was dated back after its publication was recorded: the demo (and
    nobody else) makes its archive record again from the dated history, so
    that the record's times and approval chain agree with it.
    """
    entry = (
        PageLogEntry.objects.filter(page=page, action="wagtail.publish")
        .select_related("revision", "user")
        .order_by("-timestamp")
        .first()
    )
    if entry is None:
        return
    # The plain manager: the records' own refuses to delete evidence.
    ArchiveRecord._base_manager.filter(page=page).delete()
    archive_record_from_log_entry(entry)


# Archivists work through what is due; the newest publications of the SOP
# runs still wait, some of them overdue, so that the dashboard's archive list
# shows something.
ARCHIVE_WAITING = 3
ARCHIVISTS = {SOP.CONTENT: "adminweb", SOP.NEWS: "operator"}
CLASSIFICATIONS = {
    SOP.CONTENT: ("000.9.2", "2 tahun aktif, 3 tahun inaktif, musnah"),
    SOP.NEWS: ("PR.02.03", "permanen"),
}


def seed_archive_steps(*, users, now):
    """
    The archive step (SOP step 7) of the demo's publications: confirmed by
    the SOP's archivist twenty minutes after publication, except for the
    newest ``ARCHIVE_WAITING`` publications of each SOP's workflow runs,
    which still wait. Idempotent: archived records stay as they are. Returns
    a list with one SeedCount.
    """
    count = SeedCount(
        "archive steps", existing=ArchiveRecord.objects.archived().count()
    )
    for sop, username in ARCHIVISTS.items():
        records = ArchiveRecord.objects.waiting().filter(sop=sop)
        still_waiting = records.filter(route=ArchiveRecord.Route.WORKFLOW).order_by(
            "-published_at", "-pk"
        )[:ARCHIVE_WAITING]
        waiting = list(
            records.exclude(pk__in=list(still_waiting.values_list("pk", flat=True)))
            .order_by("published_at", "pk")
            .values_list("pk", "published_at")
        )
        code, retention = CLASSIFICATIONS[sop]
        for pk, published_at in waiting:
            confirmed = archive_confirm(
                record_id=pk,
                user=users[username],
                classification_code=code,
                retention_period=retention,
                captions_and_credits_checked=True,
                documents_checked=True,
                at=min(published_at + 20 * MINUTE, now),
            )
            count.created += confirmed is not None
    return [count]


def seed_workflow_states(*, users, now):
    """
    New drafts on the three sites moved through the two SOP workflows
    (``DEMO_RUNS``): waiting at each step, within and beyond its time
    standard; returned for correction with a reason; and approved at every
    step and published. Items whose slug exists are left alone. Returns
    SeedCounts: the runs, and the news, articles and announcements among
    them, so that the summary's totals of those stay true.
    """
    runs = SeedCount("workflow runs")
    kinds = {kind: SeedCount(label) for kind, label in COUNT_LABELS.items()}
    for run in DEMO_RUNS:
        created = run_seed(run, users=users, now=now) is not None
        runs.add(created)
        kinds[run.kind].add(created)
    return [runs, *kinds.values()]
