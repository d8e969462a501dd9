"""
Demo news for the Media Center, used by ``manage.py seed_demo``.

Each story below is hand-written; the seeded random generator only picks the
village, the figures, the dates and the people, so a seed always gives the
same titles. The stories are invented: officials are named by their office,
never by a person's name.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.text import slugify

from portal.demo import (
    DISKOMINFO_ADDRESS,
    DISKOMINFO_PHONE,
    KECAMATAN_OF,
    KELURAHAN,
    WIB,
    SeedCount,
    StandardPageSpec,
    child_with_slug,
    collection_get,
    demo_image_get_or_create,
    html_paragraphs,
    id_dateline_day,
    id_number,
    local_moment,
    page_fill_if_empty,
    page_publish_as_of,
    past_moments,
    quote_block,
    seed_standard_pages,
    site_for,
    site_identity_fill,
)

from .factories import NewsPageFactory, RubricFactory
from .models import (
    AgendaItem,
    AgendaPage,
    AgendaStatus,
    Assignment,
    AssignmentState,
    DutyOfficer,
    DutyRoster,
    DutyShift,
    MediaCenterHomePage,
    NewsIndexPage,
    NewsPage,
    NewsPublication,
    Official,
    Rubric,
    month_after,
)

# slug: (name, description, illustration motif)
RUBRICS = {
    "pemerintahan": (
        "Pemerintahan",
        "Kegiatan Wali Kota, Wakil Wali Kota, Sekretariat Daerah dan perangkat daerah.",
        "government",
    ),
    "kesehatan": (
        "Kesehatan",
        "Layanan kesehatan, puskesmas, posyandu dan pencegahan penyakit.",
        "health",
    ),
    "pendidikan": (
        "Pendidikan",
        "Sekolah, guru, murid, beasiswa dan literasi.",
        "education",
    ),
    "ekonomi": (
        "Ekonomi",
        "UMKM, pasar, harga bahan pokok dan investasi.",
        "economy",
    ),
    "infrastruktur": (
        "Infrastruktur",
        "Jalan, jembatan, drainase, air bersih dan penerangan jalan.",
        "infrastructure",
    ),
    "sosial-budaya": (
        "Sosial Budaya",
        "Bantuan sosial, seni, budaya Dayak dan pariwisata.",
        "culture",
    ),
    "lingkungan": (
        "Lingkungan",
        "Kebersihan, sungai, penghijauan, banjir dan kebakaran hutan dan lahan.",
        "environment",
    ),
}


def seed_rubrics():
    """The news rubrics, keyed by slug. Returns ``(rubrics by slug, SeedCount)``."""
    count = SeedCount("rubrics")
    rubrics = {}
    for slug, (name, description, _motif) in RUBRICS.items():
        rubric = Rubric.objects.filter(slug=slug).first()
        count.add(rubric is None)
        if rubric is None:
            rubric = RubricFactory(name=name, slug=slug, description=description)
        rubrics[slug] = rubric
    return rubrics, count


@dataclass(frozen=True)
class Story:
    """
    A hand-written news story. Its texts may use ``{kelurahan}``,
    ``{kecamatan}``, ``{hari}`` (the day of the event as a dateline writes
    it), the names in ``numbers`` (a ``(low, high, step)`` range each) and in
    ``choices``.
    """

    rubric: str
    agency: str
    tags: tuple[str, ...]
    title: str
    lead: str
    paragraphs: tuple[str, ...]
    alt: str
    caption: str
    quote: tuple[str, str] | None = None
    # "kota" for the whole city, "kecamatan" or "kelurahan" for local news.
    scope: str = "kota"
    kelurahan: tuple[str, ...] = ()
    numbers: dict = field(default_factory=dict)
    choices: dict = field(default_factory=dict)


FLOOD_PRONE = (
    "Pahandut",
    "Panarung",
    "Langkai",
    "Pahandut Seberang",
    "Tumbang Rungan",
    "Kereng Bangkirai",
    "Danau Tundai",
)
STREETS = (
    "Jalan G. Obos",
    "Jalan RTA Milono",
    "Jalan Rajawali",
    "Jalan Temanggung Tilung",
    "Jalan Mahir Mahar",
    "Jalan Seth Adji",
    "Jalan Beliang",
    "Jalan Yos Sudarso",
)
PUSKESMAS = (
    "Pahandut",
    "Panarung",
    "Menteng",
    "Kayon",
    "Jekan Raya",
    "Kereng Bangkirai",
    "Kalampangan",
    "Tangkiling",
    "Bukit Hindu",
)

STORIES = (
    # Pemerintahan -----------------------------------------------------------------
    Story(
        rubric="pemerintahan",
        agency="setda",
        tags=("asn", "pelayanan publik", "disiplin"),
        title="Wali Kota Palangka Raya Pimpin Apel Gabungan ASN di Halaman Balai Kota",
        lead=(
            "Wali Kota Palangka Raya memimpin apel gabungan yang diikuti sekitar "
            "{asn} aparatur sipil negara. Ia meminta ASN menjaga disiplin dan mutu "
            "pelayanan kepada warga."
        ),
        paragraphs=(
            "Apel gabungan digelar di halaman Balai Kota Palangka Raya, {hari}, dan "
            "diikuti sekitar {asn} ASN dari seluruh perangkat daerah, kecamatan, "
            "dan kelurahan.",
            "Dalam amanatnya, Wali Kota menekankan bahwa disiplin kehadiran hanyalah "
            "langkah awal. Yang lebih penting adalah bagaimana setiap pegawai "
            "menyelesaikan urusan warga dengan cepat, ramah, dan tanpa pungutan.",
            "Wali Kota juga meminta kepala perangkat daerah memantau kinerja "
            "bawahannya setiap bulan dan melaporkan layanan yang masih dikeluhkan "
            "masyarakat.",
        ),
        quote=(
            "Warga datang ke kantor kita karena butuh dilayani. Jangan biarkan "
            "mereka pulang dengan urusan yang tidak selesai.",
            "Wali Kota Palangka Raya",
        ),
        alt="Barisan aparatur sipil negara berseragam mengikuti apel di halaman Balai Kota",
        caption="Apel gabungan ASN di halaman Balai Kota Palangka Raya.",
        numbers={"asn": (600, 1200, 50)},
    ),
    Story(
        rubric="pemerintahan",
        agency="bappedalitbang",
        tags=("musrenbang", "perencanaan", "pembangunan"),
        title="Musrenbang Kecamatan {kecamatan} Tetapkan {usulan} Usulan Prioritas Pembangunan",
        lead=(
            "Musyawarah perencanaan pembangunan Kecamatan {kecamatan} menyepakati "
            "{usulan} usulan prioritas untuk dibahas di tingkat kota."
        ),
        paragraphs=(
            "Musrenbang Kecamatan {kecamatan} berlangsung {hari} dan dihadiri lurah, "
            "ketua RT dan RW, tokoh masyarakat, serta perwakilan perangkat daerah.",
            "Dari ratusan usulan yang masuk dari kelurahan, peserta menyepakati "
            "{usulan} usulan prioritas. Sebagian besar menyangkut perbaikan jalan "
            "lingkungan, drainase, dan penerangan jalan, disusul usulan di bidang "
            "kesehatan dan pendidikan.",
            "Bappedalitbang Kota Palangka Raya akan memverifikasi usulan tersebut "
            "dan menyelaraskannya dengan kemampuan anggaran sebelum dibawa ke "
            "Musrenbang tingkat kota.",
        ),
        quote=(
            "Usulan warga kami timbang berdasarkan manfaat dan kesiapan lokasinya, "
            "bukan siapa yang paling keras bersuara.",
            "Kepala Bappedalitbang Kota Palangka Raya",
        ),
        alt="Peserta musyawarah duduk berhadapan di aula kantor kecamatan",
        caption="Suasana Musrenbang di aula Kantor Kecamatan {kecamatan}.",
        scope="kecamatan",
        numbers={"usulan": (24, 60, 1)},
    ),
    Story(
        rubric="pemerintahan",
        agency="setda",
        tags=("pelayanan publik", "evaluasi", "reformasi birokrasi"),
        title="Pemko Evaluasi Standar Pelayanan Publik di {opd} Perangkat Daerah",
        lead=(
            "Tim evaluasi Pemerintah Kota Palangka Raya memeriksa penerapan "
            "standar pelayanan di {opd} perangkat daerah yang melayani warga "
            "secara langsung."
        ),
        paragraphs=(
            "Evaluasi dimulai {hari} dengan mengunjungi loket-loket layanan, "
            "memeriksa papan informasi standar pelayanan, sarana pengaduan, serta "
            "fasilitas bagi penyandang disabilitas dan lansia.",
            "Tim juga mewawancarai warga yang sedang mengurus layanan untuk "
            "mengetahui waktu tunggu dan kejelasan persyaratan.",
            "Hasil evaluasi akan menjadi dasar pembinaan bagi perangkat daerah yang "
            "nilainya masih di bawah target.",
        ),
        alt="Petugas tim evaluasi memeriksa papan standar pelayanan di ruang tunggu",
        caption="Tim evaluasi memeriksa papan standar pelayanan.",
        numbers={"opd": (12, 24, 1)},
    ),
    Story(
        rubric="pemerintahan",
        agency="setda",
        tags=("akuntabilitas", "asn", "kinerja"),
        title="Sekda Buka Bimtek Penyusunan Laporan Kinerja Instansi Pemerintah",
        lead=(
            "Sekretaris Daerah Kota Palangka Raya membuka bimbingan teknis "
            "penyusunan laporan kinerja bagi {peserta} perencana dari seluruh "
            "perangkat daerah."
        ),
        paragraphs=(
            "Bimbingan teknis berlangsung selama dua hari mulai {hari} di aula "
            "Bappedalitbang dan diikuti {peserta} pejabat perencana.",
            "Peserta dilatih merumuskan indikator kinerja yang terukur, mengaitkan "
            "program dengan sasaran daerah, dan menyajikan capaian secara jujur, "
            "termasuk target yang belum tercapai.",
            "Sekda berharap laporan kinerja tidak lagi disusun sekadar memenuhi "
            "kewajiban, tetapi benar-benar dipakai untuk memperbaiki program.",
        ),
        quote=(
            "Laporan kinerja yang baik bukan yang semua angkanya hijau, tetapi yang "
            "jujur menunjukkan apa yang harus diperbaiki.",
            "Sekretaris Daerah Kota Palangka Raya",
        ),
        alt="Peserta bimbingan teknis menyimak paparan narasumber di aula",
        caption="Peserta bimtek penyusunan laporan kinerja instansi pemerintah.",
        numbers={"peserta": (60, 120, 5)},
    ),
    Story(
        rubric="pemerintahan",
        agency="setda",
        tags=("asn", "pppk"),
        title="Wali Kota Serahkan SK Pengangkatan {pppk} PPPK di Lingkungan Pemko",
        lead=(
            "Sebanyak {pppk} pegawai pemerintah dengan perjanjian kerja (PPPK) "
            "menerima surat keputusan pengangkatan dari Wali Kota Palangka Raya."
        ),
        paragraphs=(
            "Penyerahan SK berlangsung {hari} di Aula Peteng Karuhei Balai Kota. "
            "Para PPPK yang dilantik terdiri atas tenaga guru, tenaga kesehatan, "
            "dan tenaga teknis.",
            "Wali Kota mengingatkan bahwa status baru membawa tanggung jawab baru. "
            "Kontrak kerja akan dievaluasi berdasarkan capaian kinerja setiap "
            "tahun.",
            "Para pegawai langsung ditempatkan pada unit kerja masing-masing, "
            "terutama sekolah dan puskesmas yang masih kekurangan tenaga.",
        ),
        alt="Wali Kota menyerahkan map surat keputusan kepada seorang pegawai",
        caption="Penyerahan SK pengangkatan PPPK di Balai Kota.",
        numbers={"pppk": (150, 600, 10)},
    ),
    Story(
        rubric="pemerintahan",
        agency="diskominfo",
        tags=("digitalisasi", "website", "keterbukaan informasi"),
        title="Diskominfo Latih {peserta} Admin Website Perangkat Daerah",
        lead=(
            "Diskominfo Kota Palangka Raya melatih {peserta} pengelola situs web "
            "perangkat daerah agar informasi publik selalu mutakhir dan mudah "
            "diakses."
        ),
        paragraphs=(
            "Pelatihan digelar {hari} di ruang rapat Diskominfo. Materi meliputi "
            "penulisan berita yang baik, pengelolaan foto dan dokumen, serta "
            "keamanan akun pengelola.",
            "Peserta juga mempraktikkan alur pengisian konten sesuai SOP: konten "
            "disusun pembuat, diperiksa atasan, lalu diterbitkan admin website.",
            "Diskominfo akan memantau pembaruan konten setiap situs perangkat "
            "daerah dan melaporkannya secara berkala kepada pimpinan.",
        ),
        quote=(
            "Situs web adalah etalase pelayanan. Kalau isinya usang, warga akan "
            "menganggap layanannya juga usang.",
            "Kepala Diskominfo Kota Palangka Raya",
        ),
        alt="Peserta pelatihan bekerja di depan laptop masing-masing",
        caption="Pelatihan pengelola situs web perangkat daerah.",
        numbers={"peserta": (30, 70, 1)},
    ),
    Story(
        rubric="pemerintahan",
        agency="diskominfo",
        tags=("wi-fi publik", "digitalisasi", "smart city"),
        title="Diskominfo Tambah {titik} Titik Wi-Fi Publik Gratis di Ruang Terbuka",
        lead=(
            "Warga kini dapat mengakses internet gratis di {titik} titik baru, "
            "termasuk taman kota dan kantor kelurahan."
        ),
        paragraphs=(
            "Pemasangan titik akses baru rampung {hari}. Lokasinya antara lain "
            "Taman Pasuk Kameloh, kawasan Bundaran Besar, dan sejumlah kantor "
            "kelurahan.",
            "Setiap pengguna dapat tersambung tanpa kata sandi dengan batas waktu "
            "tertentu agar akses terbagi merata. Situs berkonten negatif diblokir.",
            "Diskominfo meminta warga ikut menjaga perangkat dan melaporkan bila "
            "layanan terputus.",
        ),
        alt="Warga duduk di taman kota sambil menggunakan telepon genggam",
        caption="Warga memanfaatkan Wi-Fi publik di taman kota.",
        numbers={"titik": (10, 40, 1)},
    ),
    # Kesehatan ---------------------------------------------------------------------
    Story(
        rubric="kesehatan",
        agency="dinkes",
        tags=("stunting", "posyandu", "gizi"),
        title="Dinkes Berikan Makanan Tambahan bagi Balita Berisiko Stunting di Kelurahan {kelurahan}",
        lead=(
            "Dinas Kesehatan Kota Palangka Raya memberikan makanan tambahan bergizi "
            "kepada {balita} balita berisiko stunting di Kelurahan {kelurahan}."
        ),
        paragraphs=(
            "Kegiatan dipusatkan di posyandu Kelurahan {kelurahan}, {hari}. Selain "
            "menerima makanan tambahan, balita ditimbang dan diukur tinggi badannya.",
            "Kader posyandu mendampingi orang tua menyiapkan menu bergizi dari bahan "
            "pangan lokal, seperti ikan sungai, telur, dan sayuran.",
            "Pemberian makanan tambahan akan berlangsung selama 90 hari dengan "
            "pemantauan berat badan setiap bulan.",
        ),
        quote=(
            "Ikan sungai kita kaya protein dan murah. Itu modal besar untuk "
            "mencegah stunting.",
            "Kepala Dinas Kesehatan Kota Palangka Raya",
        ),
        alt="Kader posyandu menimbang seorang balita didampingi ibunya",
        caption="Penimbangan balita di posyandu Kelurahan {kelurahan}.",
        scope="kelurahan",
        numbers={"balita": (40, 150, 5)},
    ),
    Story(
        rubric="kesehatan",
        agency="dinkes",
        tags=("dbd", "3m plus", "kesehatan lingkungan"),
        title="Puskesmas Siaga Hadapi Kenaikan Kasus DBD, Warga Diminta Lakukan 3M Plus",
        lead=(
            "Dinas Kesehatan mencatat {kasus} kasus demam berdarah dengue sejak awal "
            "bulan dan meminta warga rutin menguras, menutup, dan mendaur ulang."
        ),
        paragraphs=(
            "Seluruh puskesmas di Palangka Raya diminta siaga menangani pasien "
            "dengan gejala demam berdarah, {hari}.",
            "Petugas juga melakukan penyelidikan epidemiologi di sekitar rumah "
            "pasien dan membagikan bubuk larvasida kepada warga.",
            "Pengasapan hanya dilakukan di lokasi dengan kasus yang memenuhi "
            "kriteria, karena pengasapan tidak membunuh jentik nyamuk.",
        ),
        quote=(
            "Pengasapan bukan jawaban utama. Yang paling ampuh adalah memberantas "
            "sarang nyamuk di rumah masing-masing.",
            "Kepala Dinas Kesehatan Kota Palangka Raya",
        ),
        alt="Petugas puskesmas memeriksa jentik nyamuk di bak mandi warga",
        caption="Pemeriksaan jentik nyamuk di rumah warga.",
        numbers={"kasus": (12, 60, 1)},
    ),
    Story(
        rubric="kesehatan",
        agency="dinkes",
        tags=("imunisasi", "balita", "posyandu"),
        title="Imunisasi Kejar Sasar {balita} Balita di Kecamatan {kecamatan}",
        lead=(
            "Puskesmas di Kecamatan {kecamatan} menggelar imunisasi kejar bagi "
            "{balita} balita yang belum menerima imunisasi dasar lengkap."
        ),
        paragraphs=(
            "Imunisasi kejar dilaksanakan {hari} di posyandu dan sekolah PAUD. "
            "Petugas mendatangi rumah balita yang tercatat belum lengkap "
            "imunisasinya.",
            "Orang tua diminta membawa buku kesehatan ibu dan anak agar riwayat "
            "imunisasi dapat dicatat dengan benar.",
            "Imunisasi diberikan gratis. Efek ringan seperti demam dan nyeri di "
            "bekas suntikan biasanya hilang dalam satu sampai dua hari.",
        ),
        alt="Bidan menyuntikkan vaksin kepada balita yang dipangku ibunya",
        caption="Imunisasi kejar di posyandu Kecamatan {kecamatan}.",
        scope="kecamatan",
        numbers={"balita": (150, 600, 10)},
    ),
    Story(
        rubric="kesehatan",
        agency="dinkes",
        tags=("cek kesehatan gratis", "puskesmas", "pelayanan publik"),
        title="Wakil Wali Kota Tinjau Layanan Cek Kesehatan Gratis di Puskesmas {puskesmas}",
        lead=(
            "Wakil Wali Kota Palangka Raya meninjau pelaksanaan cek kesehatan "
            "gratis di Puskesmas {puskesmas} yang rata-rata melayani {warga} warga "
            "setiap hari."
        ),
        paragraphs=(
            "Dalam kunjungan {hari}, Wakil Wali Kota menyapa warga di ruang tunggu "
            "dan menanyakan lamanya antrean serta pelayanan petugas.",
            "Cek kesehatan gratis meliputi pemeriksaan tekanan darah, gula darah, "
            "kolesterol, penglihatan, dan kesehatan gigi, sesuai kelompok umur.",
            "Warga yang ditemukan berisiko dirujuk untuk pemeriksaan lanjutan dan "
            "dicatat agar dapat dipantau.",
        ),
        quote=(
            "Lebih baik tahu lebih awal. Penyakit yang ditemukan sejak dini jauh "
            "lebih mudah ditangani.",
            "Wakil Wali Kota Palangka Raya",
        ),
        alt="Wakil Wali Kota berbincang dengan warga di ruang tunggu puskesmas",
        caption="Peninjauan cek kesehatan gratis di Puskesmas {puskesmas}.",
        numbers={"warga": (40, 120, 5)},
        choices={"puskesmas": PUSKESMAS},
    ),
    Story(
        rubric="kesehatan",
        agency="dinkes",
        tags=("posbindu", "penyakit tidak menular", "hipertensi"),
        title="Posbindu Keliling Layani Pemeriksaan Hipertensi dan Diabetes Warga {kelurahan}",
        lead=(
            "Pos pembinaan terpadu keliling memeriksa {warga} warga Kelurahan "
            "{kelurahan} untuk mendeteksi hipertensi dan diabetes sejak dini."
        ),
        paragraphs=(
            "Posbindu keliling hadir di balai kelurahan {hari} sejak pagi. Warga "
            "usia 15 tahun ke atas diperiksa tekanan darah, gula darah, dan lingkar "
            "perutnya.",
            "Dari hasil pemeriksaan, sebagian warga diketahui memiliki tekanan "
            "darah tinggi tanpa menyadarinya. Mereka diberi konseling pola makan "
            "dan dirujuk ke puskesmas.",
            "Posbindu keliling dijadwalkan berpindah ke kelurahan lain setiap pekan.",
        ),
        alt="Petugas mengukur tekanan darah seorang warga lanjut usia",
        caption="Pemeriksaan tekanan darah di Posbindu keliling.",
        scope="kelurahan",
        numbers={"warga": (80, 250, 5)},
    ),
    Story(
        rubric="kesehatan",
        agency="dinkes",
        tags=("ispa", "kabut asap", "karhutla"),
        title="Dinkes Imbau Warga Waspadai ISPA Saat Kualitas Udara Menurun",
        lead=(
            "Dinas Kesehatan meminta warga mengurangi kegiatan di luar ruangan dan "
            "memakai masker saat kabut asap menurunkan kualitas udara."
        ),
        paragraphs=(
            "Imbauan disampaikan {hari} setelah puskesmas mencatat kenaikan "
            "kunjungan pasien infeksi saluran pernapasan akut (ISPA).",
            "Anak-anak, lansia, ibu hamil, dan penderita asma diminta lebih "
            "berhati-hati. Puskesmas membagikan masker gratis dan menyiapkan "
            "ruang bersih udara.",
            "Warga yang mengalami sesak napas, batuk berkepanjangan, atau demam "
            "diminta segera memeriksakan diri.",
        ),
        alt="Petugas kesehatan membagikan masker kepada pengendara di persimpangan",
        caption="Pembagian masker kepada pengendara.",
    ),
    # Pendidikan --------------------------------------------------------------------
    Story(
        rubric="pendidikan",
        agency="disdik",
        tags=("bantuan seragam", "sekolah dasar", "pendidikan"),
        title="Disdik Salurkan Bantuan Seragam untuk {siswa} Siswa SD",
        lead=(
            "Dinas Pendidikan Kota Palangka Raya menyalurkan seragam sekolah gratis "
            "untuk {siswa} siswa SD dari keluarga kurang mampu."
        ),
        paragraphs=(
            "Penyaluran simbolis dilakukan {hari} di salah satu SD negeri di "
            "Kecamatan {kecamatan}, disaksikan kepala sekolah dan komite sekolah.",
            "Setiap siswa menerima satu stel seragam merah putih dan satu stel "
            "seragam pramuka. Data penerima berasal dari usulan sekolah yang "
            "diverifikasi dengan data sosial.",
            "Disdik memastikan penyaluran ke sekolah lain rampung dalam dua pekan.",
        ),
        quote=(
            "Jangan ada anak yang malu atau enggan ke sekolah hanya karena "
            "seragamnya sudah tidak layak.",
            "Kepala Dinas Pendidikan Kota Palangka Raya",
        ),
        alt="Siswa SD tersenyum memegang bungkusan seragam baru",
        caption="Siswa menerima bantuan seragam sekolah.",
        scope="kecamatan",
        numbers={"siswa": (800, 2000, 50)},
    ),
    Story(
        rubric="pendidikan",
        agency="disdik",
        tags=("guru", "kurikulum", "pelatihan"),
        title="{guru} Guru SD dan SMP Ikuti Pelatihan Pembelajaran Mendalam",
        lead=(
            "Sebanyak {guru} guru SD dan SMP di Palangka Raya mengikuti pelatihan "
            "pendekatan pembelajaran mendalam yang digelar Dinas Pendidikan."
        ),
        paragraphs=(
            "Pelatihan dibuka {hari} dan berlangsung tiga hari. Guru belajar "
            "merancang kegiatan yang membuat murid memahami, bukan sekadar "
            "menghafal.",
            "Para guru juga berbagi praktik baik dari kelas masing-masing, "
            "misalnya mengajak murid mengamati Sungai Kahayan untuk pelajaran IPA.",
            "Peserta diminta menularkan hasil pelatihan melalui kelompok kerja guru "
            "di sekolahnya.",
        ),
        alt="Guru-guru berdiskusi dalam kelompok di ruang pelatihan",
        caption="Diskusi kelompok pada pelatihan pembelajaran mendalam.",
        numbers={"guru": (120, 400, 10)},
    ),
    Story(
        rubric="pendidikan",
        agency="disdik",
        tags=("beasiswa", "mahasiswa", "pendidikan"),
        title="Pemko Salurkan Beasiswa bagi {mahasiswa} Mahasiswa Berprestasi dan Kurang Mampu",
        lead=(
            "Pemerintah Kota Palangka Raya menyalurkan beasiswa kepada {mahasiswa} "
            "mahasiswa asal Palangka Raya yang berprestasi atau dari keluarga "
            "kurang mampu."
        ),
        paragraphs=(
            "Penyerahan beasiswa berlangsung {hari} di Aula Balai Kota. Dana "
            "beasiswa ditransfer langsung ke rekening penerima.",
            "Penerima dipilih melalui seleksi berkas dan wawancara. Penilaian "
            "meliputi indeks prestasi, kegiatan organisasi, dan kondisi ekonomi "
            "keluarga.",
            "Penerima beasiswa diminta menyelesaikan studi tepat waktu dan kelak "
            "ikut membangun kota.",
        ),
        alt="Mahasiswa penerima beasiswa berfoto bersama di aula",
        caption="Penerima beasiswa Pemerintah Kota Palangka Raya.",
        numbers={"mahasiswa": (100, 350, 5)},
    ),
    Story(
        rubric="pendidikan",
        agency="disdik",
        tags=("literasi", "perpustakaan keliling", "sekolah dasar"),
        title="Perpustakaan Keliling Sambangi SD di Kelurahan {kelurahan}",
        lead=(
            "Mobil perpustakaan keliling membawa {buku} buku bacaan ke sekolah "
            "dasar di Kelurahan {kelurahan} untuk menumbuhkan minat baca murid."
        ),
        paragraphs=(
            "Kedatangan perpustakaan keliling {hari} disambut antusias murid. "
            "Mereka membaca buku cerita, buku pengetahuan, dan cerita rakyat Dayak.",
            "Relawan literasi juga mengajak murid mendongeng dan menuliskan kembali "
            "cerita yang mereka baca.",
            "Perpustakaan keliling dijadwalkan berkunjung ke sekolah-sekolah di "
            "pinggiran kota secara bergiliran.",
        ),
        alt="Murid SD membaca buku di depan mobil perpustakaan keliling",
        caption="Murid membaca di perpustakaan keliling.",
        scope="kelurahan",
        numbers={"buku": (800, 2500, 100)},
    ),
    Story(
        rubric="pendidikan",
        agency="disdik",
        tags=("spmb", "sekolah dasar", "smp"),
        title="Disdik Mulai Sosialisasi Sistem Penerimaan Murid Baru Jenjang SD dan SMP",
        lead=(
            "Dinas Pendidikan mulai menyosialisasikan jalur, kuota, dan jadwal "
            "penerimaan murid baru kepada kepala sekolah dan orang tua."
        ),
        paragraphs=(
            "Sosialisasi pertama digelar {hari} bagi {sekolah} kepala sekolah SD dan "
            "SMP negeri.",
            "Penerimaan murid baru tahun ini memakai jalur domisili, afirmasi, "
            "mutasi, dan prestasi. Pendaftaran dilakukan secara daring dengan posko "
            "bantuan di setiap sekolah.",
            "Orang tua diminta memastikan data kartu keluarga sudah benar sejak "
            "sekarang untuk menghindari kendala saat pendaftaran.",
        ),
        alt="Kepala sekolah menyimak paparan tentang penerimaan murid baru",
        caption="Sosialisasi penerimaan murid baru bagi kepala sekolah.",
        numbers={"sekolah": (90, 180, 1)},
    ),
    Story(
        rubric="pendidikan",
        agency="disdik",
        tags=("sarana sekolah", "rehabilitasi", "infrastruktur"),
        title="Rehabilitasi {ruang} Ruang Kelas di Kecamatan {kecamatan} Rampung",
        lead=(
            "Perbaikan {ruang} ruang kelas rusak di sejumlah sekolah di Kecamatan "
            "{kecamatan} selesai, sehingga murid kembali belajar dengan nyaman."
        ),
        paragraphs=(
            "Serah terima pekerjaan dilakukan {hari}. Perbaikan meliputi atap, "
            "plafon, lantai, pintu, jendela, serta pengecatan ulang.",
            "Selama perbaikan, sebagian murid belajar bergantian di ruang "
            "perpustakaan dan ruang guru.",
            "Dinas Pendidikan meminta sekolah merawat ruang kelas dan melaporkan "
            "kerusakan sejak dini.",
        ),
        alt="Ruang kelas yang baru diperbaiki dengan cat dinding baru",
        caption="Ruang kelas yang selesai direhabilitasi.",
        scope="kecamatan",
        numbers={"ruang": (6, 24, 1)},
    ),
    # Ekonomi -----------------------------------------------------------------------
    Story(
        rubric="ekonomi",
        agency="disperindag",
        tags=("pasar murah", "inflasi", "ketahanan pangan"),
        title="Pasar Murah Pemko Sediakan {beras} Kilogram Beras di Kelurahan {kelurahan}",
        lead=(
            "Warga Kelurahan {kelurahan} memadati pasar murah yang menjual beras, "
            "minyak goreng, gula, dan telur di bawah harga pasar."
        ),
        paragraphs=(
            "Pasar murah digelar {hari} di halaman kantor kelurahan dan menyediakan "
            "{beras} kilogram beras serta bahan pokok lainnya.",
            "Setiap warga dibatasi pembeliannya agar lebih banyak keluarga "
            "kebagian. Antrean diatur oleh petugas kelurahan.",
            "Pasar murah merupakan bagian dari upaya Tim Pengendalian Inflasi "
            "Daerah menjaga harga bahan pokok tetap terjangkau.",
        ),
        quote=(
            "Kami bergerak ke kelurahan supaya warga tidak perlu jauh-jauh ke "
            "pasar besar untuk mendapat harga yang lebih ringan.",
            "Kepala Disperindag Kota Palangka Raya",
        ),
        alt="Warga antre membeli beras di meja pasar murah",
        caption="Antrean warga di pasar murah Kelurahan {kelurahan}.",
        scope="kelurahan",
        numbers={"beras": (2000, 8000, 500)},
    ),
    Story(
        rubric="ekonomi",
        agency="disperindag",
        tags=("inflasi", "pasar", "harga bahan pokok"),
        title="TPID Pantau Harga Bahan Pokok di Pasar Besar Jelang Hari Besar Keagamaan",
        lead=(
            "Tim Pengendalian Inflasi Daerah Kota Palangka Raya memantau harga "
            "dan stok bahan pokok di Pasar Besar dan Pasar Kahayan."
        ),
        paragraphs=(
            "Pemantauan dilakukan {hari}. Tim mencatat harga beras, cabai, bawang, "
            "daging ayam, dan telur, serta menanyakan pasokan kepada pedagang.",
            "Harga sebagian besar komoditas terpantau stabil. Kenaikan terjadi pada "
            "cabai rawit karena pasokan dari luar daerah berkurang.",
            "TPID akan berkoordinasi dengan distributor dan menyiapkan operasi pasar "
            "bila kenaikan harga berlanjut.",
        ),
        alt="Petugas mencatat harga cabai di lapak pedagang pasar",
        caption="Pemantauan harga di Pasar Besar Palangka Raya.",
    ),
    Story(
        rubric="ekonomi",
        agency="disperindag",
        tags=("umkm", "digitalisasi", "pemasaran"),
        title="{umkm} Pelaku UMKM Ikuti Pelatihan Pemasaran Digital",
        lead=(
            "Sebanyak {umkm} pelaku usaha mikro, kecil, dan menengah belajar "
            "memasarkan produk melalui media sosial dan lokapasar."
        ),
        paragraphs=(
            "Pelatihan berlangsung {hari}. Peserta belajar memotret produk dengan "
            "telepon genggam, menulis keterangan produk yang menarik, dan melayani "
            "pembeli secara daring.",
            "Sebagian peserta adalah perajin anyaman rotan, produsen kerupuk ikan, "
            "dan pengusaha makanan olahan khas Kalimantan Tengah.",
            "Peserta akan didampingi selama tiga bulan untuk memastikan toko daring "
            "mereka benar-benar berjalan.",
        ),
        alt="Pelaku UMKM memotret produk kerajinan dengan telepon genggam",
        caption="Praktik memotret produk pada pelatihan pemasaran digital.",
        numbers={"umkm": (40, 120, 5)},
    ),
    Story(
        rubric="ekonomi",
        agency="disperindag",
        tags=("umkm", "produk lokal", "kalampangan"),
        title="Pemko Dorong Produk Olahan Lidah Buaya Kalampangan Masuk Toko Modern",
        lead=(
            "Pemerintah Kota Palangka Raya mendampingi kelompok usaha di "
            "Kalampangan agar produk olahan lidah buaya dapat dijual di toko modern."
        ),
        paragraphs=(
            "Pendampingan dimulai {hari} dengan kunjungan ke kebun dan rumah "
            "produksi di Kelurahan Kalampangan, Kecamatan Sabangau.",
            "Produk seperti minuman, dodol, dan keripik lidah buaya akan dibantu "
            "pengurusan izin edar, label halal, dan desain kemasan.",
            "Disperindag juga mempertemukan kelompok usaha dengan pengelola toko "
            "modern untuk membicarakan kerja sama pemasaran.",
        ),
        quote=(
            "Lidah buaya Kalampangan sudah dikenal. Sekarang kemasan dan izinnya "
            "yang harus naik kelas.",
            "Kepala Disperindag Kota Palangka Raya",
        ),
        alt="Petani memanen pelepah lidah buaya di kebun Kalampangan",
        caption="Kebun lidah buaya di Kelurahan Kalampangan.",
        scope="kelurahan",
        kelurahan=("Kalampangan",),
    ),
    Story(
        rubric="ekonomi",
        agency="disperindag",
        tags=("umkm", "bazar", "car free day"),
        title="Bazar UMKM di Bundaran Besar Catat Transaksi Rp{transaksi} Juta",
        lead=(
            "Bazar UMKM yang digelar bersamaan dengan hari bebas kendaraan bermotor "
            "mencatat transaksi sekitar Rp{transaksi} juta."
        ),
        paragraphs=(
            "Sebanyak {lapak} lapak UMKM mengisi bazar di kawasan Bundaran Besar, "
            "{hari}. Produk yang dijual antara lain kuliner, kain batik benang "
            "bintang, dan kerajinan rotan.",
            "Pengunjung dapat membayar secara tunai maupun dengan kode QR. Hampir "
            "semua lapak sudah menerima pembayaran nontunai.",
            "Disperindag berencana menggelar bazar serupa setiap bulan dengan "
            "peserta yang bergiliran.",
        ),
        alt="Pengunjung memadati lapak kuliner bazar UMKM",
        caption="Suasana bazar UMKM di kawasan Bundaran Besar.",
        numbers={"transaksi": (150, 600, 10), "lapak": (40, 120, 5)},
    ),
    Story(
        rubric="ekonomi",
        agency="disperindag",
        tags=("metrologi", "pasar", "perlindungan konsumen"),
        title="Disperindag Tera Ulang {timbangan} Timbangan Pedagang Pasar Kahayan",
        lead=(
            "Petugas metrologi legal menera ulang {timbangan} timbangan milik "
            "pedagang Pasar Kahayan agar takaran yang diterima pembeli tepat."
        ),
        paragraphs=(
            "Tera ulang dilakukan {hari} langsung di pasar sehingga pedagang tidak "
            "perlu membawa timbangannya ke kantor.",
            "Timbangan yang lolos pemeriksaan diberi tanda tera sah. Timbangan yang "
            "tidak akurat disetel ulang atau diminta diganti.",
            "Warga yang merasa dirugikan oleh takaran yang tidak sesuai dapat "
            "melapor ke posko pengaduan di kantor pengelola pasar.",
        ),
        alt="Petugas metrologi memeriksa timbangan pedagang dengan anak timbangan standar",
        caption="Tera ulang timbangan di Pasar Kahayan.",
        numbers={"timbangan": (200, 600, 10)},
    ),
    # Infrastruktur -----------------------------------------------------------------
    Story(
        rubric="infrastruktur",
        agency="pupr",
        tags=("drainase", "banjir", "genangan"),
        title="Dinas PUPR Normalisasi Drainase {jalan} untuk Kurangi Genangan",
        lead=(
            "Dinas PUPR Kota Palangka Raya mengeruk sedimen dan sampah dari saluran "
            "drainase di {jalan} yang kerap tergenang saat hujan deras."
        ),
        paragraphs=(
            "Pengerukan dimulai {hari} dengan alat berat dan petugas kebersihan "
            "saluran. Sepanjang {panjang} meter saluran dibersihkan.",
            "Petugas menemukan banyak sampah plastik dan sisa bangunan yang "
            "menyumbat aliran air.",
            "Warga diminta tidak membuang sampah ke saluran dan tidak menutup "
            "saluran dengan bangunan permanen.",
        ),
        quote=(
            "Saluran yang bersih adalah separuh dari penanganan genangan. "
            "Separuhnya lagi kebiasaan kita membuang sampah.",
            "Kepala Dinas PUPR Kota Palangka Raya",
        ),
        alt="Alat berat mengeruk lumpur dari saluran drainase di tepi jalan",
        caption="Normalisasi saluran drainase di {jalan}.",
        numbers={"panjang": (300, 1500, 50)},
        choices={"jalan": STREETS},
    ),
    Story(
        rubric="infrastruktur",
        agency="pupr",
        tags=("jalan lingkungan", "infrastruktur"),
        title="Peningkatan Jalan Lingkungan Sepanjang {panjang} Meter di Kelurahan {kelurahan} Dimulai",
        lead=(
            "Pekerjaan peningkatan jalan lingkungan sepanjang {panjang} meter di "
            "Kelurahan {kelurahan} dimulai dan ditargetkan selesai dalam dua bulan."
        ),
        paragraphs=(
            "Peletakan batu pertama dilakukan {hari} bersama lurah dan ketua RT "
            "setempat.",
            "Jalan yang semula berupa tanah dan kerap berlumpur saat hujan akan "
            "dibangun dengan perkerasan beton lengkap dengan saluran di kedua "
            "sisinya.",
            "Warga diminta ikut mengawasi pekerjaan dan melaporkan bila ada yang "
            "tidak sesuai.",
        ),
        alt="Pekerja meratakan material jalan di permukiman warga",
        caption="Peningkatan jalan lingkungan di Kelurahan {kelurahan}.",
        scope="kelurahan",
        numbers={"panjang": (200, 900, 50)},
    ),
    Story(
        rubric="infrastruktur",
        agency="pupr",
        tags=("jembatan", "infrastruktur", "pembangunan"),
        title="Wali Kota Tinjau Pembangunan Jembatan Penghubung di Kelurahan {kelurahan}",
        lead=(
            "Wali Kota Palangka Raya meninjau pembangunan jembatan penghubung di "
            "Kelurahan {kelurahan} yang progresnya mencapai {progres} persen."
        ),
        paragraphs=(
            "Peninjauan dilakukan {hari}. Wali Kota menyusuri lokasi bersama "
            "kontraktor dan konsultan pengawas.",
            "Jembatan ini akan memperpendek jarak tempuh warga menuju sekolah, "
            "puskesmas, dan pasar.",
            "Wali Kota meminta pekerjaan selesai tepat waktu tanpa mengorbankan mutu.",
        ),
        quote=(
            "Jembatan ini ditunggu warga bertahun-tahun. Kerjakan dengan benar, "
            "karena akan dipakai puluhan tahun.",
            "Wali Kota Palangka Raya",
        ),
        alt="Wali Kota berjalan di atas rangka jembatan yang sedang dibangun",
        caption="Peninjauan pembangunan jembatan di Kelurahan {kelurahan}.",
        scope="kelurahan",
        numbers={"progres": (35, 85, 5)},
    ),
    Story(
        rubric="infrastruktur",
        agency="pupr",
        tags=("jalan", "perbaikan jalan", "keselamatan"),
        title="Dinas PUPR Tambal Jalan Berlubang di {titik} Titik Ruas Kota",
        lead=(
            "Tim reaksi cepat Dinas PUPR menambal lubang jalan di {titik} titik "
            "yang dilaporkan warga melalui kanal pengaduan."
        ),
        paragraphs=(
            "Penambalan dikerjakan sejak {hari}, dimulai dari ruas dengan lalu "
            "lintas terpadat.",
            "Sebagian besar laporan datang dari warga melalui media sosial dan "
            "kanal pengaduan resmi pemerintah kota.",
            "Dinas PUPR meminta pengendara berhati-hati di lokasi pekerjaan dan "
            "mematuhi rambu sementara.",
        ),
        alt="Pekerja menuang aspal untuk menambal lubang jalan",
        caption="Penambalan jalan berlubang.",
        numbers={"titik": (20, 80, 1)},
    ),
    Story(
        rubric="infrastruktur",
        agency="pupr",
        tags=("penerangan jalan", "energi terbarukan"),
        title="Pemasangan {pju} Lampu Jalan Tenaga Surya di Kecamatan {kecamatan}",
        lead=(
            "Sebanyak {pju} lampu penerangan jalan umum tenaga surya dipasang di "
            "ruas jalan yang selama ini gelap di Kecamatan {kecamatan}."
        ),
        paragraphs=(
            "Pemasangan dilakukan bertahap sejak {hari}. Lokasinya dipilih "
            "berdasarkan usulan Musrenbang dan laporan warga.",
            "Lampu tenaga surya tidak memerlukan jaringan listrik sehingga cocok "
            "untuk ruas jalan di pinggiran kota.",
            "Warga diminta ikut menjaga lampu dan panel surya dari pencurian.",
        ),
        alt="Petugas memasang lampu jalan tenaga surya pada tiang",
        caption="Pemasangan lampu jalan tenaga surya.",
        scope="kecamatan",
        numbers={"pju": (40, 150, 5)},
    ),
    Story(
        rubric="infrastruktur",
        agency="pupr",
        tags=("air bersih", "sumur bor"),
        title="Pemko Bangun Sumur Bor untuk Air Bersih Warga {kelurahan}",
        lead=(
            "Sumur bor baru di Kelurahan {kelurahan} kini mengalirkan air bersih "
            "untuk sekitar {kk} kepala keluarga."
        ),
        paragraphs=(
            "Sumur bor diresmikan {hari}. Air dialirkan ke tandon dan dibagikan ke "
            "rumah-rumah melalui pipa.",
            "Sebelumnya warga mengandalkan air hujan dan air sungai, terutama saat "
            "musim kemarau.",
            "Pengelolaan sumur diserahkan kepada kelompok warga dengan iuran "
            "pemeliharaan yang disepakati bersama.",
        ),
        alt="Warga mengisi jeriken dari keran air sumur bor",
        caption="Warga memanfaatkan air dari sumur bor baru.",
        scope="kelurahan",
        numbers={"kk": (60, 250, 10)},
    ),
    # Sosial budaya -----------------------------------------------------------------
    Story(
        rubric="sosial-budaya",
        agency="disbudpar",
        tags=("isen mulang", "festival budaya", "pariwisata"),
        title="Pemko Gelar Rapat Koordinasi Persiapan Festival Isen Mulang",
        lead=(
            "Pemerintah Kota Palangka Raya mematangkan persiapan kontingen kota "
            "untuk Festival Budaya Isen Mulang tingkat provinsi."
        ),
        paragraphs=(
            "Rapat koordinasi dipimpin Sekretaris Daerah {hari} dan dihadiri "
            "perangkat daerah, sanggar seni, serta tokoh adat.",
            "Kontingen kota akan mengikuti berbagai lomba, antara lain tari kreasi, "
            "lomba perahu hias, karungut, dan permainan tradisional.",
            "Sekda meminta setiap perangkat daerah mendukung latihan peserta dan "
            "memastikan anggaran tersedia tepat waktu.",
        ),
        quote=(
            "Isen Mulang berarti pantang mundur. Semangat itu yang kami harapkan "
            "dari seluruh kontingen.",
            "Sekretaris Daerah Kota Palangka Raya",
        ),
        alt="Peserta rapat koordinasi duduk mengelilingi meja rapat",
        caption="Rapat koordinasi persiapan Festival Budaya Isen Mulang.",
    ),
    Story(
        rubric="sosial-budaya",
        agency="dinsos",
        tags=("bansos", "sembako", "keluarga penerima manfaat"),
        title="Dinsos Salurkan Bantuan Sembako untuk {kk} Keluarga di Kelurahan {kelurahan}",
        lead=(
            "Dinas Sosial menyalurkan paket sembako kepada {kk} keluarga penerima "
            "manfaat di Kelurahan {kelurahan}."
        ),
        paragraphs=(
            "Penyaluran dilakukan {hari} di kantor kelurahan. Setiap keluarga "
            "menerima beras, minyak goreng, gula, dan telur.",
            "Penerima diverifikasi menggunakan data sosial ekonomi terbaru dan "
            "wajib membawa kartu keluarga.",
            "Warga yang merasa layak menerima bantuan tetapi belum terdata dapat "
            "mengusulkan diri melalui kelurahan.",
        ),
        alt="Petugas Dinas Sosial menyerahkan paket sembako kepada warga lanjut usia",
        caption="Penyaluran bantuan sembako di Kelurahan {kelurahan}.",
        scope="kelurahan",
        numbers={"kk": (80, 300, 10)},
    ),
    Story(
        rubric="sosial-budaya",
        agency="disbudpar",
        tags=("budaya dayak", "seni tari", "generasi muda"),
        title="Sanggar Tari di Palangka Raya Ajarkan Tari Manasai kepada Generasi Muda",
        lead=(
            "Sanggar-sanggar tari binaan Disbudpar mengajarkan tari Manasai, tarian "
            "pergaulan suku Dayak, kepada {peserta} pelajar."
        ),
        paragraphs=(
            "Latihan bersama digelar {hari} di Taman Budaya. Pelajar SMP dan SMA "
            "belajar gerakan dasar dan makna tarian.",
            "Tari Manasai biasa ditarikan beramai-ramai sambil bergandengan dan "
            "membentuk lingkaran, melambangkan kebersamaan.",
            "Disbudpar berharap tarian ini tampil di setiap acara resmi "
            "pemerintah kota.",
        ),
        quote=(
            "Kalau anak muda tidak lagi menari Manasai, siapa yang akan meneruskannya?",
            "Kepala Disbudpar Kota Palangka Raya",
        ),
        alt="Pelajar bergandengan tangan menarikan tari Manasai dalam lingkaran",
        caption="Latihan tari Manasai di Taman Budaya.",
        numbers={"peserta": (60, 200, 10)},
    ),
    Story(
        rubric="sosial-budaya",
        agency="dinsos",
        tags=("disabilitas", "lansia", "data sosial"),
        title="Dinsos Data Ulang Lansia dan Penyandang Disabilitas di Kecamatan {kecamatan}",
        lead=(
            "Petugas Dinas Sosial mendatangi rumah warga lanjut usia dan penyandang "
            "disabilitas di Kecamatan {kecamatan} untuk memperbarui data bantuan."
        ),
        paragraphs=(
            "Pendataan ulang dimulai {hari} dan melibatkan pendamping sosial serta "
            "kader kelurahan.",
            "Petugas mencatat kondisi kesehatan, kebutuhan alat bantu, dan "
            "keberadaan keluarga yang merawat.",
            "Data yang diperbarui akan dipakai untuk menyalurkan alat bantu seperti "
            "kursi roda dan tongkat, serta bantuan permakanan.",
        ),
        alt="Pendamping sosial mewawancarai seorang lansia di teras rumahnya",
        caption="Pendataan lansia di Kecamatan {kecamatan}.",
        scope="kecamatan",
    ),
    Story(
        rubric="sosial-budaya",
        agency="disbudpar",
        tags=("sungai kahayan", "pariwisata", "budaya dayak"),
        title="Lomba Perahu Tradisional Meriahkan Tepian Sungai Kahayan",
        lead=(
            "Sebanyak {regu} regu beradu cepat dalam lomba perahu tradisional di "
            "Sungai Kahayan yang disaksikan ribuan warga."
        ),
        paragraphs=(
            "Lomba digelar {hari} di tepian Sungai Kahayan tidak jauh dari "
            "Jembatan Kahayan. Setiap regu terdiri atas pendayung dari kelurahan dan "
            "komunitas.",
            "Selain lomba, pengunjung menikmati kuliner khas dan pertunjukan musik "
            "tradisional di sepanjang tepian sungai.",
            "Disbudpar berencana menjadikan lomba ini agenda wisata tahunan.",
        ),
        alt="Perahu-perahu panjang dengan pendayung berseragam melaju di sungai",
        caption="Lomba perahu tradisional di Sungai Kahayan.",
        numbers={"regu": (16, 40, 1)},
    ),
    Story(
        rubric="sosial-budaya",
        agency="disbudpar",
        tags=("hari jadi kota", "budaya", "pariwisata"),
        title="Pemko Siapkan Rangkaian Kegiatan Peringatan Hari Jadi Kota Palangka Raya",
        lead=(
            "Rangkaian kegiatan Hari Jadi Kota Palangka Raya akan diisi pawai "
            "budaya, pameran UMKM, dan lomba kebersihan antarkelurahan."
        ),
        paragraphs=(
            "Rencana kegiatan dibahas dalam rapat panitia {hari}. Panitia "
            "melibatkan perangkat daerah, kecamatan, sekolah, dan komunitas.",
            "Puncak peringatan ditandai upacara dan pawai budaya yang menampilkan "
            "busana adat dari berbagai suku di Palangka Raya.",
            "Panitia mengajak warga menghias lingkungan dan ikut memeriahkan "
            "setiap kegiatan.",
        ),
        alt="Panitia membahas rencana kegiatan di depan layar presentasi",
        caption="Rapat panitia Hari Jadi Kota Palangka Raya.",
    ),
    # Lingkungan -------------------------------------------------------------------
    Story(
        rubric="lingkungan",
        agency="bpbd",
        tags=("banjir", "bpbd", "sungai kahayan"),
        title="Wali Kota Palangka Raya Tinjau Penanganan Banjir di Kelurahan {kelurahan}",
        lead=(
            "Wali Kota Palangka Raya meninjau permukiman warga Kelurahan "
            "{kelurahan} yang terendam akibat meluapnya Sungai Kahayan dan "
            "memastikan bantuan sampai."
        ),
        paragraphs=(
            "Peninjauan dilakukan {hari} menggunakan perahu karet bersama BPBD, "
            "camat, dan lurah. Ketinggian air di sejumlah gang mencapai "
            "{tinggi} sentimeter.",
            "Sekitar {kk} kepala keluarga terdampak. BPBD mendirikan dapur umum dan "
            "posko kesehatan di lokasi yang aman.",
            "Wali Kota meminta petugas memprioritaskan lansia, anak-anak, dan "
            "penyandang disabilitas bila evakuasi diperlukan.",
        ),
        quote=(
            "Keselamatan warga nomor satu. Jangan ragu mengungsi bila air terus "
            "naik, posko sudah kami siapkan.",
            "Wali Kota Palangka Raya",
        ),
        alt="Wali Kota menumpang perahu karet menyusuri permukiman yang tergenang",
        caption="Peninjauan banjir di Kelurahan {kelurahan}.",
        scope="kelurahan",
        kelurahan=FLOOD_PRONE,
        numbers={"tinggi": (30, 110, 10), "kk": (80, 450, 10)},
    ),
    Story(
        rubric="lingkungan",
        agency="bpbd",
        tags=("karhutla", "bpbd", "lahan gambut"),
        title="BPBD Siagakan Tim Reaksi Cepat Antisipasi Karhutla di Kecamatan {kecamatan}",
        lead=(
            "BPBD Kota Palangka Raya menyiagakan {personel} personel dan peralatan "
            "pemadam di Kecamatan {kecamatan} menghadapi musim kemarau."
        ),
        paragraphs=(
            "Apel kesiapsiagaan digelar {hari}. Peralatan yang diperiksa meliputi "
            "pompa air, selang, dan kendaraan pemadam.",
            "Lahan gambut di wilayah ini mudah terbakar dan apinya dapat menjalar "
            "di bawah permukaan tanah sehingga sulit dipadamkan.",
            "BPBD juga melatih masyarakat peduli api di kelurahan agar dapat "
            "bertindak cepat sebelum petugas tiba.",
        ),
        quote=(
            "Memadamkan api di gambut jauh lebih sulit daripada mencegahnya. Jangan "
            "membakar lahan dengan alasan apa pun.",
            "Kepala BPBD Kota Palangka Raya",
        ),
        alt="Petugas pemadam menyemprotkan air ke lahan gambut berasap",
        caption="Simulasi pemadaman kebakaran lahan gambut.",
        scope="kecamatan",
        numbers={"personel": (40, 120, 5)},
    ),
    Story(
        rubric="lingkungan",
        agency="dlh",
        tags=("sampah", "bank sampah", "kebersihan"),
        title="DLH Ajak Warga Pilah Sampah dari Rumah Lewat Bank Sampah",
        lead=(
            "Dinas Lingkungan Hidup mengajak warga memilah sampah dari rumah dan "
            "menyetorkannya ke {bank} bank sampah yang tersebar di kelurahan."
        ),
        paragraphs=(
            "Sosialisasi digelar {hari} di Kelurahan {kelurahan}. Warga belajar "
            "memisahkan sampah organik, plastik, kertas, dan logam.",
            "Sampah yang disetor ke bank sampah ditimbang dan dicatat sebagai "
            "tabungan yang dapat dicairkan atau ditukar kebutuhan pokok.",
            "DLH menargetkan volume sampah yang diangkut ke tempat pemrosesan "
            "akhir berkurang secara bertahap.",
        ),
        alt="Warga menimbang karung berisi botol plastik di bank sampah",
        caption="Penimbangan sampah di bank sampah Kelurahan {kelurahan}.",
        scope="kelurahan",
        numbers={"bank": (20, 60, 1)},
    ),
    Story(
        rubric="lingkungan",
        agency="dlh",
        tags=("penghijauan", "lingkungan", "pohon"),
        title="Gerakan Tanam {pohon} Bibit Pohon di Kawasan {kawasan}",
        lead=(
            "Aparatur pemerintah kota, pelajar, dan komunitas menanam {pohon} bibit "
            "pohon di kawasan {kawasan}."
        ),
        paragraphs=(
            "Penanaman dilakukan {hari}. Jenis bibit yang ditanam antara lain "
            "ulin, meranti, pulai, dan tanaman buah lokal.",
            "Setiap kelompok peserta bertanggung jawab merawat pohon yang mereka "
            "tanam selama enam bulan pertama.",
            "DLH akan memantau tingkat hidup bibit dan mengganti yang mati.",
        ),
        alt="Pelajar menanam bibit pohon di lubang tanam",
        caption="Penanaman bibit pohon di kawasan {kawasan}.",
        numbers={"pohon": (500, 3000, 100)},
        choices={
            "kawasan": (
                "Taman Pasuk Kameloh",
                "tepian Sungai Kahayan",
                "Bukit Tangkiling",
                "Jalan Lingkar Luar",
            )
        },
    ),
    Story(
        rubric="lingkungan",
        agency="dlh",
        tags=("sungai kahayan", "kebersihan", "relawan"),
        title="Aksi Bersih Sungai Kahayan Libatkan {relawan} Relawan",
        lead=(
            "Sebanyak {relawan} relawan membersihkan tepian Sungai Kahayan dan "
            "mengangkut {ton} ton sampah."
        ),
        paragraphs=(
            "Aksi bersih sungai digelar {hari} mulai dari kawasan dermaga hingga "
            "permukiman di tepian sungai.",
            "Sampah yang paling banyak ditemukan adalah plastik kemasan dan styrofoam.",
            "DLH mengajak warga di tepian sungai tidak membuang sampah ke sungai "
            "dan memanfaatkan layanan pengangkutan sampah.",
        ),
        alt="Relawan mengangkat karung sampah dari tepian sungai",
        caption="Aksi bersih Sungai Kahayan.",
        numbers={"relawan": (150, 600, 10), "ton": (2, 9, 1)},
    ),
    Story(
        rubric="lingkungan",
        agency="dlh",
        tags=("sungai kahayan", "kualitas air", "lingkungan"),
        title="DLH Uji Kualitas Air Sungai Kahayan di {titik} Titik Pemantauan",
        lead=(
            "Dinas Lingkungan Hidup mengambil sampel air Sungai Kahayan di {titik} "
            "titik untuk memantau pencemaran."
        ),
        paragraphs=(
            "Pengambilan sampel dilakukan {hari}, dari hulu hingga hilir wilayah kota.",
            "Sampel diuji di laboratorium untuk mengetahui kadar oksigen terlarut, "
            "keasaman, padatan tersuspensi, dan bakteri.",
            "Hasil pengujian akan diumumkan kepada masyarakat dan menjadi dasar "
            "pengawasan kegiatan usaha di sekitar sungai.",
        ),
        alt="Petugas mengambil sampel air sungai dari atas perahu",
        caption="Pengambilan sampel air Sungai Kahayan.",
        numbers={"titik": (6, 15, 1)},
    ),
)

# Closing paragraphs added after a story's own, by rubric and for all.
CLOSINGS = {
    "pemerintahan": (
        "Pemerintah Kota Palangka Raya terus berupaya menghadirkan pemerintahan "
        "yang bersih, terbuka, dan melayani.",
        "Kegiatan ini sejalan dengan prioritas pembangunan kota dalam Rencana "
        "Pembangunan Jangka Menengah Daerah.",
    ),
    "kesehatan": (
        "Informasi layanan kesehatan dapat ditanyakan di puskesmas terdekat atau "
        "melalui kanal resmi Dinas Kesehatan Kota Palangka Raya.",
        "Dinas Kesehatan mengingatkan pentingnya pola hidup bersih dan sehat, "
        "dimulai dari lingkungan keluarga.",
    ),
    "pendidikan": (
        "Dinas Pendidikan berkomitmen memastikan setiap anak di Palangka Raya "
        "mendapat layanan pendidikan yang bermutu.",
        "Orang tua dan komite sekolah diajak ikut mengawal mutu pendidikan di "
        "sekolah masing-masing.",
    ),
    "ekonomi": (
        "Pemerintah kota terus mendorong UMKM naik kelas dan menjaga daya beli "
        "masyarakat.",
        "Informasi kegiatan ekonomi dan pendampingan usaha dapat diperoleh di "
        "kantor Disperindag Kota Palangka Raya.",
    ),
    "infrastruktur": (
        "Warga dapat melaporkan kerusakan jalan, drainase, dan fasilitas umum "
        "melalui kanal pengaduan resmi pemerintah kota.",
        "Pembangunan infrastruktur diarahkan untuk pemerataan hingga ke wilayah "
        "pinggiran kota.",
    ),
    "sosial-budaya": (
        "Semangat huma betang, hidup rukun dalam keberagaman, menjadi landasan "
        "pembangunan sosial budaya di Palangka Raya.",
        "Pemerintah kota mengajak seluruh lapisan masyarakat ikut melestarikan "
        "budaya dan saling peduli.",
    ),
    "lingkungan": (
        "Warga dapat melaporkan kejadian bencana dan gangguan lingkungan melalui "
        "pusat pengendalian operasi BPBD atau kantor kelurahan terdekat.",
        "Menjaga lingkungan, sungai, dan lahan gambut adalah tanggung jawab bersama.",
    ),
}
GENERAL_CLOSINGS = (
    "Kegiatan tersebut turut dihadiri camat, lurah, serta perwakilan perangkat "
    "daerah terkait.",
    "Masyarakat diimbau mengikuti informasi resmi melalui situs web dan media "
    "sosial Pemerintah Kota Palangka Raya.",
    "Pemerintah kota akan mengevaluasi kegiatan ini dan melanjutkannya bila "
    "manfaatnya dirasakan warga.",
)


@dataclass
class NewsPlan:
    """One news item as the seed will create it (no database objects)."""

    title: str
    lead: str
    paragraphs: list[str]
    quote: tuple[str, str] | None
    quote_after: int
    rubric: str
    agency: str
    tags: list[str]
    alt: str
    caption: str
    place: str
    published_at: datetime.datetime
    event_at: datetime.datetime
    writer: str
    photographer: str
    image_seed: int
    second_photo: bool

    @property
    def slug(self):
        """The page's slug, made from its title."""
        return slugify(self.title)


def _fill(rng, story, event_at):
    """The slot values of ``story``, drawn from ``rng``."""
    if story.kelurahan:
        kelurahan = rng.choice(story.kelurahan)
    else:
        kecamatan_name = rng.choice(tuple(KELURAHAN))
        kelurahan = rng.choice(KELURAHAN[kecamatan_name])
    values = {
        "kelurahan": kelurahan,
        "kecamatan": KECAMATAN_OF[kelurahan],
        "hari": id_dateline_day(event_at),
    }
    for name, (low, high, step) in story.numbers.items():
        values[name] = id_number(rng.randrange(low, high + 1, step))
    for name, options in story.choices.items():
        values[name] = rng.choice(options)
    return values


WRITERS = ("reporter", "reporter", "kontributor")
PHOTOGRAPHERS = ("fotografer", "fotografer", "reporter", "kontributor")


def plan_news(rng, *, now):
    """
    Every story as a ``NewsPlan``: publication moments over the last 60 days,
    the event one to five hours earlier, slots, people and tags drawn from
    ``rng``. Only the dates depend on ``now``.
    """
    stories = list(STORIES)
    rng.shuffle(stories)
    moments = past_moments(rng, count=len(stories), days=60, now=now, earliest_hour=10)
    plans = []
    for story, published_at in zip(stories, moments, strict=True):
        # Published from 10:00, so the event starts at 07:00 at the earliest.
        minutes_before = rng.randrange(60, 195, 15)
        event_at = published_at - datetime.timedelta(minutes=minutes_before)
        values = _fill(rng, story, event_at)
        closings = [rng.choice(CLOSINGS[story.rubric])]
        if rng.random() < 0.5:
            closings.append(rng.choice(GENERAL_CLOSINGS))
        if story.scope == "kota" or rng.random() < 0.4:
            place = "Palangka Raya"
        else:
            place = values["kecamatan"]
        # The first tag is the story's subject and always kept; the rubric's
        # name is added now and then, so some news have four tags.
        tags = [story.tags[0]] + [tag for tag in story.tags[1:] if rng.random() < 0.8]
        if len(tags) < 2:
            tags.append(story.tags[1])
        rubric_tag = RUBRICS[story.rubric][0].lower()
        if rng.random() < 0.3 and rubric_tag not in tags:
            tags.append(rubric_tag)
        plans.append(
            NewsPlan(
                title=story.title.format(**values),
                lead=story.lead.format(**values),
                paragraphs=[text.format(**values) for text in story.paragraphs]
                + closings,
                quote=story.quote,
                quote_after=rng.randint(1, 2),
                rubric=story.rubric,
                agency=story.agency,
                tags=tags,
                alt=story.alt.format(**values),
                caption=story.caption.format(**values),
                place=place,
                published_at=published_at,
                event_at=event_at,
                writer=rng.choice(WRITERS),
                photographer=rng.choice(PHOTOGRAPHERS),
                image_seed=rng.getrandbits(32),
                second_photo=rng.random() < 0.25,
            )
        )
    return plans


def _news_body(plan, *, second_image=None, credit=""):
    """StreamField raw data of a news body: paragraphs, a quote, maybe a photo."""
    blocks = html_paragraphs(plan.paragraphs)
    if plan.quote is not None:
        text, attribution = plan.quote
        blocks.insert(plan.quote_after, quote_block(text, attribution))
    if second_image is not None:
        blocks.insert(
            len(blocks) - 1,
            {
                "type": "image",
                "value": {
                    "image": {
                        "image": second_image.pk,
                        "alt_text": f"Suasana lain: {plan.alt[0].lower()}{plan.alt[1:]}",
                        "decorative": False,
                    },
                    "caption": f"Suasana lain. {plan.caption}",
                    "credit": f"Foto: {credit}",
                },
            },
        )
    return blocks


def seed_news(rng, *, index, users, agencies, rubrics, now):
    """
    At least 36 published news items under ``index`` (the Media Center's "Berita"),
    each with a drawn photo, rubric, tags, source agency and credits, published
    at different moments of the last 60 days (oldest first, so the page tree
    and the date order agree). News whose slug exists are left alone.
    Returns a SeedCount.
    """
    count = SeedCount("news")
    collection = collection_get("Media Center")
    for plan in plan_news(rng, now=now):
        if child_with_slug(index, plan.slug) is not None:
            count.add(False)
            continue
        photographer = users[plan.photographer]
        credit = f"MC Palangka Raya/{photographer.first_name}"
        rubric = rubrics[plan.rubric]
        motif = RUBRICS[plan.rubric][2]
        image, _ = demo_image_get_or_create(
            title=plan.title,
            collection=collection,
            motif=motif,
            heading=rubric.name,
            caption=plan.caption,
            credit=credit,
            seed=plan.image_seed,
            description=plan.alt,
        )
        second_image = None
        if plan.second_photo:
            second_image, _ = demo_image_get_or_create(
                title=f"{plan.title} (2)",
                collection=collection,
                motif=motif,
                heading=rubric.name,
                caption=f"Suasana lain. {plan.caption}",
                credit=credit,
                seed=plan.image_seed + 1,
                description=plan.alt,
            )
        page = NewsPageFactory.build(
            title=plan.title,
            slug=plan.slug,
            lead=plan.lead,
            body=_news_body(plan, second_image=second_image, credit=credit),
            main_image=image,
            main_image_alt=plan.alt,
            main_image_caption=plan.caption,
            main_image_credit=credit,
            event_at=plan.event_at,
            place=plan.place,
            rubric=rubric,
            writer=users[plan.writer],
            photographer=photographer,
            editor=users["redaktur"],
            source_agency=agencies[plan.agency],
        )
        page.tags.add(*plan.tags)
        page_publish_as_of(
            parent=index,
            page=page,
            published_at=plan.published_at,
            author=users[plan.writer],
            publisher=users["operator"],
        )
        news_publications_backdate(news_id=page.pk)
        count.add(True)
    return count


def news_publications_backdate(*, news_id):
    """
    A seeded news item was dated back: date its publications with it, live
    on every chosen site when it went live on the Media Center, and its
    publishing step as its (already dated) SOP run says.
    """
    news = NewsPage.objects.get(pk=news_id)
    for publication in NewsPublication.objects.filter(news=news).select_related(
        "task_state"
    ):
        publication.published_at = news.last_published_at
        if publication.task_state is not None:
            publication.step_started_at = publication.task_state.started_at
            publication.approved_at = publication.task_state.finished_at
        publication.sites_live.update(live_at=publication.published_at)
        publication.measure(
            {live.site: live.live_at for live in publication.sites_live.all()}
        )
        publication.save()


MEDIA_CENTER_INTRO = (
    "Berita resmi dan terkini seputar kegiatan Pemerintah Kota Palangka Raya, "
    "diliput dan diverifikasi oleh Media Center Diskominfo."
)
NEWS_INDEX_INTRO = (
    "Kumpulan berita kegiatan Pemerintah Kota Palangka Raya, terbaru lebih dahulu."
)
AGENDA_INTRO = (
    "Jadwal kegiatan Wali Kota, Wakil Wali Kota, Sekretaris Daerah dan para "
    "Asisten yang terbuka untuk umum. Jadwal dapat berubah; perubahan dan "
    "pembatalan langsung tampil di sini dan di kalender yang berlangganan."
)


def media_center_page_specs():
    """The Media Center's own information pages."""
    return [
        StandardPageSpec(
            title="Tentang Media Center",
            summary=(
                "Media Center Kota Palangka Raya menyajikan berita resmi kegiatan "
                "pemerintah kota, dikelola Diskominfo."
            ),
            paragraphs=[
                "Media Center Kota Palangka Raya dikelola oleh Dinas Komunikasi, "
                "Informatika, Statistik dan Persandian. Tim Media Center meliput "
                "kegiatan Wali Kota, Wakil Wali Kota, dan perangkat daerah, lalu "
                "menerbitkannya sebagai berita resmi.",
                "Setiap berita melalui proses penyuntingan dan verifikasi kebenaran "
                "sebelum diterbitkan, sesuai SOP Layanan dan Posting Konten Berita.",
                "Berita Media Center juga ditampilkan di portal resmi Pemerintah "
                "Kota Palangka Raya dan situs Info Publik.",
            ],
        ),
        StandardPageSpec(
            title="Redaksi",
            summary="Susunan tim pengelola Media Center Kota Palangka Raya.",
            paragraphs=[
                "Penanggung jawab: Kepala Dinas Komunikasi, Informatika, Statistik "
                "dan Persandian Kota Palangka Raya.",
                "Koordinator liputan: Kepala Seksi Kehumasan dan Layanan Informasi.",
                "Redaktur, reporter, fotografer, dan operator: Tim Pengelola Media "
                "Center Diskominfo Kota Palangka Raya.",
                "Kirim informasi kegiatan dan koreksi berita ke "
                "mediacenter@palangkaraya.go.id.",
            ],
        ),
    ]


def seed_media_center(rng, *, users, agencies, now):
    """
    The Media Center: home, news index and agenda page texts, contact
    details, rubrics, its information pages and the news. Returns a list of SeedCounts.
    """
    home = MediaCenterHomePage.objects.first()
    index = NewsIndexPage.objects.child_of(home).first()
    page_fill_if_empty(home, intro=MEDIA_CENTER_INTRO)
    page_fill_if_empty(index, intro=NEWS_INDEX_INTRO, show_in_menus=True)
    agenda_page = AgendaPage.objects.child_of(home).first()
    if agenda_page is not None:
        page_fill_if_empty(agenda_page, intro=AGENDA_INTRO, show_in_menus=True)
    site_identity_fill(
        site_for(home),
        address=DISKOMINFO_ADDRESS,
        phone=DISKOMINFO_PHONE,
        email="mediacenter@palangkaraya.go.id",
    )
    rubrics, rubric_count = seed_rubrics()
    today = timezone.localtime(now, WIB).date()
    pages = seed_standard_pages(
        parent=home,
        specs=media_center_page_specs(),
        published_at=local_moment(today - datetime.timedelta(days=80), 9, 30),
        author=users["kasi"],
        publisher=users["operator"],
    )
    news = seed_news(
        rng, index=index, users=users, agencies=agencies, rubrics=rubrics, now=now
    )
    return [rubric_count, pages, news]


# Duty roster (news SOP step 1) ---------------------------------------------------

ROSTER_SHIFTS = (
    (datetime.time(8), datetime.time(14)),
    (datetime.time(14), datetime.time(20)),
)
# Per shift of a day, the crew: (username, duty). Reporters swap shifts every
# other day; the photographer works the morning and hands over at 14.00.
ROSTER_CREWS = (
    (
        (
            ("kasi", "coordinator"),
            ("reporter", "reporter"),
            ("fotografer", "photographer"),
            ("operator", "web_operator"),
        ),
        (
            ("redaktur", "coordinator"),
            ("kontributor", "reporter"),
            ("fotografer", "photographer"),
            ("operator", "web_operator"),
        ),
    ),
    (
        (
            ("redaktur", "coordinator"),
            ("kontributor", "reporter"),
            ("fotografer", "photographer"),
            ("operator", "web_operator"),
        ),
        (
            ("kasi", "coordinator"),
            ("reporter", "reporter"),
            ("fotografer", "photographer"),
            ("operator", "web_operator"),
        ),
    ),
)


def seed_duty_rosters(*, users, today):
    """
    This month's and next month's duty rosters: two shifts a day, each with a
    coordinator, a reporter, the photographer and the web operator. A roster
    that exists is left as it is. Returns a SeedCount.
    """
    count = SeedCount("duty rosters")
    this_month = today.replace(day=1)
    for month in (this_month, month_after(this_month)):
        roster, created = DutyRoster.objects.get_or_create(month=month)
        count.add(created)
        if not created:
            continue
        plan = [
            (day, starts_at, ends_at, ROSTER_CREWS[day.day % 2][index])
            for day in roster.days()
            for index, (starts_at, ends_at) in enumerate(ROSTER_SHIFTS)
        ]
        shifts = DutyShift.objects.bulk_create(
            DutyShift(roster=roster, date=day, starts_at=starts_at, ends_at=ends_at)
            for day, starts_at, ends_at, _crew in plan
        )
        DutyOfficer.objects.bulk_create(
            DutyOfficer(
                shift=shift,
                person=users[username],
                duty=duty,
                sort_order=order,
            )
            for shift, (*_, crew) in zip(shifts, plan, strict=True)
            for order, (username, duty) in enumerate(crew)
        )
    return count


# Leaders' agenda (news SOP step 2) ------------------------------------------------

# name: sort order. Offices, never a person's name (see the module's docstring).
OFFICIALS = {
    "Wali Kota": 1,
    "Wakil Wali Kota": 2,
    "Sekretaris Daerah": 3,
    "Asisten Pemerintahan dan Kesra": 4,
    "Asisten Perekonomian dan Pembangunan": 5,
    "Asisten Administrasi Umum": 6,
}


@dataclass(frozen=True)
class AgendaSpec:
    """
    A demo agenda item, ``day`` days from today (negative: past). ``notice``
    is how long before the start it was entered: under 24 hours it is late
    (H-1 missed). ``changes`` is how often its time, place or status changed.
    """

    day: int
    starts_at: tuple[int, int]
    ends_at: tuple[int, int] | None
    officials: tuple[str, ...]
    activity: str
    place: str
    organiser: str
    notice: datetime.timedelta
    status: str = AgendaStatus.SCHEDULED
    represented_by: str = ""
    is_public: bool = True
    notes: str = ""
    changes: int = 0


def _hours(hours):
    return datetime.timedelta(hours=hours)


WALI_KOTA, WAKIL, SEKDA, ASISTEN_I, ASISTEN_II, ASISTEN_III = OFFICIALS
BALAI_KOTA_AULA = "Aula Peteng Karuhei I, Balai Kota Palangka Raya"

AGENDA = (
    AgendaSpec(
        day=-10,
        starts_at=(7, 30),
        ends_at=(9, 0),
        officials=(WALI_KOTA, WAKIL, SEKDA),
        activity="Apel Gabungan ASN Awal Bulan",
        place="Halaman Balai Kota Palangka Raya",
        organiser="Bagian Umum Setda",
        notice=_hours(72),
        notes="Pakaian dinas upacara. Media Center hadir pukul 07.00.",
    ),
    AgendaSpec(
        day=-9,
        starts_at=(9, 0),
        ends_at=(12, 0),
        officials=(WALI_KOTA,),
        activity="Pembukaan Musrenbang RKPD Tingkat Kota",
        place=BALAI_KOTA_AULA,
        organiser="Bappedalitbang",
        notice=_hours(96),
    ),
    AgendaSpec(
        day=-8,
        starts_at=(13, 30),
        ends_at=(15, 0),
        officials=(SEKDA,),
        activity="Rapat Koordinasi Pengendalian Inflasi Daerah",
        place="Ruang Rapat Sekretariat Daerah",
        organiser="Bagian Perekonomian dan SDA Setda",
        notice=_hours(5),
    ),
    AgendaSpec(
        day=-7,
        starts_at=(8, 30),
        ends_at=(11, 0),
        officials=(WAKIL,),
        activity="Peninjauan Posyandu dan Pemberian Makanan Tambahan Balita",
        place="Posyandu Kelurahan Kalampangan",
        organiser="Dinas Kesehatan",
        notice=_hours(48),
    ),
    AgendaSpec(
        day=-6,
        starts_at=(10, 0),
        ends_at=(12, 0),
        officials=(WALI_KOTA, ASISTEN_I),
        activity="Rapat Terbatas Kesiapsiagaan Kebakaran Hutan dan Lahan",
        place="Ruang Rapat Wali Kota",
        organiser="BPBD",
        notice=_hours(30),
        is_public=False,
        notes="Tertutup untuk media; hasilnya disampaikan lewat siaran pers.",
    ),
    AgendaSpec(
        day=-5,
        starts_at=(19, 30),
        ends_at=None,
        officials=(WALI_KOTA, WAKIL),
        activity="Silaturahmi dengan Damang Kepala Adat dan Tokoh Masyarakat Dayak",
        place="Rumah Jabatan Wali Kota Palangka Raya",
        organiser="Bagian Protokol dan Komunikasi Pimpinan",
        notice=_hours(3),
    ),
    AgendaSpec(
        day=-3,
        starts_at=(8, 0),
        ends_at=(10, 0),
        officials=(ASISTEN_II,),
        activity="Pemantauan Harga dan Stok Bahan Pokok",
        place="Pasar Besar Palangka Raya",
        organiser="Dinas Perdagangan dan Perindustrian",
        notice=_hours(40),
    ),
    AgendaSpec(
        day=-2,
        starts_at=(9, 0),
        ends_at=(11, 30),
        officials=(WALI_KOTA,),
        activity="Penyerahan Bantuan bagi Warga Terdampak Banjir",
        place="Aula Kantor Kecamatan Pahandut",
        organiser="Dinas Sosial",
        notice=_hours(20),
    ),
    AgendaSpec(
        day=-1,
        starts_at=(14, 0),
        ends_at=(16, 0),
        officials=(ASISTEN_III,),
        activity="Sosialisasi Tanda Tangan Elektronik bagi Pejabat Pemko",
        place="Aula Diskominfo Kota Palangka Raya",
        organiser="Diskominfo",
        notice=_hours(72),
    ),
    AgendaSpec(
        day=0,
        starts_at=(8, 0),
        ends_at=(10, 0),
        officials=(WALI_KOTA, SEKDA),
        activity="Rapat Paripurna DPRD tentang Raperda Perubahan APBD",
        place="Gedung DPRD Kota Palangka Raya",
        organiser="Sekretariat DPRD",
        notice=_hours(50),
    ),
    AgendaSpec(
        day=0,
        starts_at=(15, 30),
        ends_at=(17, 0),
        officials=(WAKIL,),
        activity="Peninjauan Normalisasi Drainase Jalan G. Obos",
        place="Jalan G. Obos, Kecamatan Jekan Raya",
        organiser="Dinas PUPR",
        notice=_hours(6),
    ),
    AgendaSpec(
        day=1,
        starts_at=(8, 0),
        ends_at=(11, 0),
        officials=(WALI_KOTA,),
        activity="Pembukaan Festival Budaya Isen Mulang Tingkat Kota",
        place="Bundaran Besar Palangka Raya",
        organiser="Dinas Kebudayaan dan Pariwisata",
        notice=_hours(120),
        status=AgendaStatus.REPRESENTED,
        represented_by="Wakil Wali Kota",
        notes="Wali Kota bertugas ke Jakarta; Wakil Wali Kota membacakan sambutan.",
        changes=1,
    ),
    AgendaSpec(
        day=1,
        starts_at=(13, 0),
        ends_at=(15, 0),
        officials=(SEKDA,),
        activity="Rapat Evaluasi Capaian Kinerja Perangkat Daerah",
        place="Aula Peteng Karuhei II, Balai Kota Palangka Raya",
        organiser="Bagian Organisasi Setda",
        notice=_hours(18),
    ),
    AgendaSpec(
        day=1,
        starts_at=(19, 0),
        ends_at=(21, 0),
        officials=(WALI_KOTA, WAKIL, SEKDA),
        activity="Rapat Internal Pimpinan Daerah",
        place="Rumah Jabatan Wali Kota Palangka Raya",
        organiser="Sekretariat Daerah",
        notice=_hours(30),
        is_public=False,
        notes="Khusus pimpinan; tidak diliput.",
    ),
    AgendaSpec(
        day=2,
        starts_at=(9, 0),
        ends_at=(11, 0),
        officials=(WALI_KOTA,),
        activity="Peresmian Gedung Baru Puskesmas Kayon",
        place="Puskesmas Kayon",
        organiser="Dinas Kesehatan",
        notice=_hours(96),
        status=AgendaStatus.CANCELLED,
        notes="Ditunda; gedung belum selesai diperiksa. Jadwal baru menyusul.",
        changes=2,
    ),
    AgendaSpec(
        day=2,
        starts_at=(14, 0),
        ends_at=(16, 0),
        officials=(ASISTEN_II,),
        activity="Rapat Koordinasi Percepatan Investasi dan Perizinan Berusaha",
        place="Ruang Rapat DPMPTSP Kota Palangka Raya",
        organiser="DPMPTSP",
        notice=_hours(72),
    ),
    AgendaSpec(
        day=3,
        starts_at=(6, 30),
        ends_at=(9, 0),
        officials=(WALI_KOTA, WAKIL, SEKDA),
        activity="Senam Sehat dan Jalan Santai Bersama Warga",
        place="Taman Pasuk Kameloh",
        organiser="Dinas Pemuda dan Olahraga",
        notice=_hours(96),
    ),
    AgendaSpec(
        day=4,
        starts_at=(9, 0),
        ends_at=(11, 0),
        officials=(WAKIL,),
        activity="Pengukuhan Pengurus Karang Taruna Kota Palangka Raya",
        place=BALAI_KOTA_AULA,
        organiser="Dinas Sosial",
        notice=_hours(100),
    ),
    AgendaSpec(
        day=5,
        starts_at=(8, 30),
        ends_at=(12, 0),
        officials=(ASISTEN_I,),
        activity="Pembukaan Lomba Perahu Tradisional di Sungai Kahayan",
        place="Dermaga Rambang, Sungai Kahayan",
        organiser="Dinas Kebudayaan dan Pariwisata",
        notice=_hours(72),
    ),
    AgendaSpec(
        day=7,
        starts_at=(10, 0),
        ends_at=(12, 0),
        officials=(WALI_KOTA, ASISTEN_III),
        activity="Penandatanganan Kesepakatan Bersama Satu Data Kota Palangka Raya",
        place="Ruang Rapat Wali Kota",
        organiser="Diskominfo",
        notice=_hours(120),
    ),
)


def seed_officials():
    """The city leaders on the agenda, by name. Returns ``(officials, SeedCount)``."""
    count = SeedCount("officials")
    officials = {}
    for name, sort_order in OFFICIALS.items():
        official, created = Official.objects.get_or_create(
            name=name, defaults={"sort_order": sort_order}
        )
        count.add(created)
        officials[name] = official
    return officials, count


def seed_agenda(*, now):
    """
    The leaders' agenda around ``now``: the officials, then 20 activities
    from ten days ago to next week (today and tomorrow included), some
    entered late (less than H-1), one cancelled, one represented, two
    internal. An activity whose name exists is left alone. Returns a list
    of SeedCounts.
    """
    officials, official_count = seed_officials()
    count = SeedCount("agenda items")
    today = timezone.localtime(now, WIB).date()
    existing = set(
        AgendaItem.objects.filter(
            activity__in=[spec.activity for spec in AGENDA]
        ).values_list("activity", flat=True)
    )
    for spec in AGENDA:
        if spec.activity in existing:
            count.add(False)
            continue
        item = AgendaItem.objects.create(
            activity=spec.activity,
            date=today + datetime.timedelta(days=spec.day),
            starts_at=datetime.time(*spec.starts_at),
            ends_at=datetime.time(*spec.ends_at) if spec.ends_at else None,
            place=spec.place,
            organiser=spec.organiser,
            status=spec.status,
            represented_by=spec.represented_by,
            is_public=spec.is_public,
            notes=spec.notes,
        )
        item.officials.set([officials[name] for name in spec.officials])
        # Entered ``notice`` before it starts, but never after now: an item
        # for tomorrow entered "6 hours before" is entered now (still late
        # when it starts within a day).
        created_at = min(item.starts - spec.notice, now)
        changed_at = min(created_at + _hours(2) * spec.changes, now)
        AgendaItem.objects.filter(pk=item.pk).update(
            created_at=created_at, updated_at=changed_at, sequence=spec.changes
        )
        count.add(True)
    return [official_count, count]


# Coverage assignments (news SOP steps 3 and 4) ---------------------------------

# The demo agenda's activities by what became of their coverage (by name).
ASSIGNMENT_STATES = (
    (AGENDA[4].activity, AssignmentState.COVERED),
    (AGENDA[6].activity, AssignmentState.COVERED),
    (AGENDA[7].activity, AssignmentState.CANCELLED),
    (AGENDA[9].activity, AssignmentState.ASSIGNED),
    (AGENDA[11].activity, AssignmentState.ASSIGNED),
    (AGENDA[12].activity, AssignmentState.ASSIGNED),
)
# An event off the agenda, covered today: (activity, start, place).
ADHOC_ASSIGNMENT = (
    "Genangan air di Jalan Mahir Mahar setelah hujan deras",
    datetime.time(15),
    "Jalan Mahir Mahar, Kelurahan Menteng",
)
# The newest published government news each come from an agenda item and an
# assignment, filed this long after the event: on time, then late.
FILED_AFTER = (datetime.timedelta(minutes=40), datetime.timedelta(hours=1, minutes=25))


def _assignment_people(users, moment):
    """Who the roster had on duty then, else the demo reporter and photographer."""
    from .selectors import duty_suggestions

    reporters, photographers = duty_suggestions(moment=moment)
    return reporters or [users["reporter"]], photographers or [users["fotografer"]]


def _assignment_create(*, users, people=None, **values):
    assignment = Assignment.objects.create(created_by=users["kasi"], **values)
    reporters, photographers = people or _assignment_people(users, assignment.starts)
    assignment.reporters.set(reporters)
    assignment.photographers.set(photographers)
    return assignment


def _official_named_in(title):
    """The office a news title names ("Sekda Buka …"), the Wali Kota by default."""
    for words, office in (
        (("Wakil Wali Kota", "Wawali"), WAKIL),
        (("Sekda", "Sekretaris Daerah"), SEKDA),
    ):
        if any(word in title for word in words):
            return office
    return WALI_KOTA


def _filed_news(*, users, now):
    """
    The published news traced to the agenda (an agenda item entered two days
    ahead, an assignment, the filing time) and the news in the SOP's first
    step traced to an assignment off the agenda.
    """
    created = 0
    officials = {official.name: official for official in Official.objects.all()}
    published = NewsPage.objects.live().filter(
        rubric__slug="pemerintahan", event_at__isnull=False
    )
    for news, filed_after in zip(
        published.order_by("-first_published_at")[: len(FILED_AFTER)],
        FILED_AFTER,
        strict=False,
    ):
        event_at = timezone.localtime(news.event_at, WIB)
        item = AgendaItem.objects.create(
            activity=news.title,
            date=event_at.date(),
            starts_at=event_at.time().replace(second=0, microsecond=0),
            place=news.place,
            organiser="Sekretariat Daerah",
        )
        if official := officials.get(_official_named_in(news.title)):
            item.officials.set([official])
        AgendaItem.objects.filter(pk=item.pk).update(
            created_at=news.event_at - datetime.timedelta(days=2)
        )
        submitted_at = min(
            news.event_at + filed_after,
            news.first_published_at - datetime.timedelta(minutes=10),
        )
        _assignment_create(
            users=users,
            people=([news.writer], [news.photographer] if news.photographer else []),
            agenda_item=item,
            activity=news.title,
            date=item.date,
            starts_at=item.starts_at,
            place=item.place,
            state=AssignmentState.PUBLISHED,
            news=news,
            submitted_at=submitted_at,
            published_at=news.first_published_at,
        )
        created += 1
    in_review = next(
        (
            news
            for news in NewsPage.objects.filter(live=False, event_at__isnull=False)
            .select_related("writer")
            .order_by("path")
            if news.workflow_in_progress
        ),
        None,
    )
    if in_review is not None:
        event_at = timezone.localtime(in_review.event_at, WIB)
        _assignment_create(
            users=users,
            people=([in_review.writer or users["reporter"]], [users["fotografer"]]),
            activity=in_review.title,
            date=event_at.date(),
            starts_at=event_at.time().replace(second=0, microsecond=0),
            place=in_review.place,
            state=AssignmentState.SUBMITTED,
            news=in_review,
            submitted_at=in_review.latest_revision_created_at or now,
        )
        created += 1
    return created


def seed_assignments(*, users, now):
    """
    Coverage assignments in every state: for the demo agenda's activities
    (their people from the roster), one off the agenda, and those of the
    filed news, published or in the news SOP. Made once: when assignments
    exist, nothing is added. Returns a SeedCount.
    """
    count = SeedCount("coverage assignments")
    if Assignment.objects.exists():
        for _ in range(Assignment.objects.count()):
            count.add(False)
        return count
    items = {
        item.activity: item
        for item in AgendaItem.objects.filter(
            activity__in=[activity for activity, _ in ASSIGNMENT_STATES]
        )
    }
    for activity, state in ASSIGNMENT_STATES:
        if item := items.get(activity):
            _assignment_create(
                users=users,
                agenda_item=item,
                state=state,
                **item.activity_values(),
            )
            count.add(True)
    activity, starts_at, place = ADHOC_ASSIGNMENT
    _assignment_create(
        users=users,
        activity=activity,
        date=timezone.localtime(now, WIB).date(),
        starts_at=starts_at,
        place=place,
    )
    count.add(True)
    for _ in range(_filed_news(users=users, now=now)):
        count.add(True)
    return count
