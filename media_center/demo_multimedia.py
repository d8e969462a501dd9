"""
Demo content of the Media Center's multimedia archive (issue 7), used by
``manage.py seed_demo``: photo albums drawn with Pillow, videos and audio
recordings made with PyAV (two seconds each, nothing downloaded), recorded
over the last fourteen months and linked to the demo agenda and news.

As in ``media_center.demo``, the activities are invented and officials are
named by their office only. The transcripts are of the event, not of the
generated clip, which only holds a title card or a tone.
"""

import datetime
import io
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify

from wagtailmedia.models import MediaType, get_media_model

from portal.demo import (
    WIB,
    SeedCount,
    child_with_slug,
    collection_get,
    demo_image_get_or_create,
    local_moment,
    page_fill_if_empty,
    page_publish_as_of,
)
from portal.media import media_probe

from .clips import VIDEO_FORMATS, audio_clip, video_clip
from .models import (
    AgendaItem,
    AlbumPhoto,
    AudioPage,
    MultimediaIndexPage,
    NewsPage,
    PhotoAlbumPage,
    VideoPage,
)

# Long enough for a player to show, short enough to keep seeding fast.
CLIP_SECONDS = 2
# A camera's 3:2, small: an album's photos are drawn, saved and given their
# renditions (on the first visit) in a fraction of the time of full-size ones.
PHOTO_SIZE = (640, 427)

ARCHIVE_INTRO = (
    "Dokumentasi foto, video, dan rekaman suara kegiatan Pemerintah Kota "
    "Palangka Raya yang diliput Media Center Diskominfo. Telusuri menurut tahun, "
    "bulan, jenis, atau topik."
)


@dataclass(frozen=True, kw_only=True)
class ItemSpec:
    """
    A demo archive item. It is dated by what it documents: the agenda item
    whose activity is ``agenda``, else the live news whose title starts with
    ``news``. Without either (none named, or the demo no longer has it), it
    was recorded ``days_ago`` days before today. ``author`` is the username
    of the reporter or photographer who filed it; ``motif`` that of its
    drawn pictures (see ``portal.demo.PALETTES``).
    """

    title: str
    description: str
    tags: tuple[str, ...]
    days_ago: int
    motif: str
    author: str
    agenda: str = ""
    news: str = ""

    @property
    def slug(self):
        """The page's slug, made from its title."""
        return slugify(self.title)


@dataclass(frozen=True, kw_only=True)
class AlbumSpec(ItemSpec):
    """A photo album: ``photos`` as (alt text, caption), ``cover`` the index of its cover."""

    photos: tuple[tuple[str, str], ...]
    cover: int = 0


@dataclass(frozen=True, kw_only=True)
class RecordingSpec(ItemSpec):
    """
    A video or audio item: a generated file of type ``extension``, or a
    hosted ``video_url`` whose ``duration`` is given since it cannot be read.
    """

    transcript: str
    extension: str = ""
    video_url: str = ""
    duration: datetime.timedelta | None = None
    pitch: int = 440


ALBUMS = (
    AlbumSpec(
        title="Karnaval Budaya Peringatan Hari Jadi Kota Palangka Raya",
        description=(
            "Karnaval budaya memperingati Hari Jadi Kota Palangka Raya diikuti "
            "sanggar seni, pelajar, dan perwakilan lima kecamatan. Rombongan "
            "berjalan dari Bundaran Besar menuju Balai Kota dengan busana adat "
            "Dayak, kendaraan hias, dan musik tradisional."
        ),
        tags=("hari jadi kota", "budaya dayak", "karnaval"),
        days_ago=412,
        motif="culture",
        author="fotografer",
        photos=(
            (
                "Penari berbusana adat Dayak merah dan kuning menari di depan "
                "panggung kehormatan",
                "Penari sanggar membuka karnaval budaya di Jalan Yos Sudarso.",
            ),
            (
                "Kendaraan hias berbentuk rumah betang melintas di jalan raya",
                "Kendaraan hias rumah betang dari Kecamatan Jekan Raya.",
            ),
            (
                "Pelajar sekolah dasar berbaris sambil mengibarkan bendera merah "
                "putih kecil",
                "Pelajar SD ikut meramaikan pawai.",
            ),
            (
                "Penabuh gandang dan pemain kecapi berjalan mengiringi rombongan",
                "Gandang dan kecapi mengiringi rombongan karnaval.",
            ),
            (
                "Warga memadati tepi jalan menyaksikan pawai, sebagian merekam "
                "dengan telepon genggam",
                "Warga menyaksikan karnaval di sepanjang rute.",
            ),
            (
                "Wali Kota menyerahkan piala kepada perwakilan kecamatan di "
                "panggung kehormatan",
                "Piala bagi kecamatan dengan penampilan terbaik.",
            ),
        ),
    ),
    AlbumSpec(
        title="Gotong Royong Membersihkan Saluran Drainase di Kelurahan Langkai",
        description=(
            "Warga Kelurahan Langkai bersama petugas Dinas PUPR, kelurahan, dan "
            "relawan membersihkan saluran drainase menjelang musim hujan, agar air "
            "cepat mengalir dan genangan berkurang."
        ),
        tags=("gotong royong", "drainase", "banjir"),
        days_ago=236,
        motif="infrastructure",
        author="kontributor",
        photos=(
            (
                "Petugas dan warga mengangkat lumpur dari saluran drainase dengan "
                "sekop",
                "Warga dan petugas Dinas PUPR mengangkat endapan dari saluran.",
            ),
            (
                "Ekskavator mini mengeruk endapan lumpur di saluran beton pinggir "
                "jalan",
                "Ekskavator mini dikerahkan untuk saluran yang lebar.",
            ),
            (
                "Karung berisi sampah plastik dari saluran ditumpuk di pinggir "
                "jalan menunggu truk",
                "Sampah plastik dari saluran diangkut ke tempat penampungan sementara.",
            ),
        ),
        cover=1,
    ),
    AlbumSpec(
        title="Peninjauan Posyandu dan Pemberian Makanan Tambahan bagi Balita",
        description=(
            "Wakil Wali Kota Palangka Raya meninjau posyandu di Kelurahan "
            "Kalampangan dan menyerahkan makanan tambahan bergizi bagi balita "
            "berisiko stunting, didampingi Dinas Kesehatan dan kader posyandu."
        ),
        tags=("posyandu", "stunting", "kesehatan"),
        days_ago=7,
        motif="health",
        author="fotografer",
        agenda="Peninjauan Posyandu dan Pemberian Makanan Tambahan Balita",
        photos=(
            (
                "Kader posyandu menimbang seorang balita dengan timbangan gantung",
                "Kader menimbang balita untuk memantau tumbuh kembangnya.",
            ),
            (
                "Wakil Wali Kota menyuapkan bubur kacang hijau kepada balita di "
                "pangkuan ibunya",
                "Wakil Wali Kota menyerahkan makanan tambahan bagi balita.",
            ),
            (
                "Petugas puskesmas mengukur tinggi badan balita yang berbaring di "
                "alat ukur",
                "Pengukuran tinggi badan untuk deteksi dini stunting.",
            ),
            (
                "Paket makanan tambahan berisi telur, susu, dan kacang hijau "
                "tersusun di atas meja",
                "Paket makanan tambahan bergizi untuk balita berisiko stunting.",
            ),
        ),
        cover=1,
    ),
    AlbumSpec(
        title="Aksi Bersih Sungai Kahayan",
        description=(
            "Relawan, pelajar, dan petugas Dinas Lingkungan Hidup membersihkan "
            "tepian Sungai Kahayan dari kawasan dermaga hingga permukiman tepi "
            "sungai. Sampah terbanyak berupa plastik kemasan dan styrofoam."
        ),
        tags=("sungai kahayan", "kebersihan", "relawan"),
        days_ago=30,
        motif="environment",
        author="kontributor",
        news="Aksi Bersih Sungai Kahayan Libatkan",
        photos=(
            (
                "Relawan berompi oranye memungut sampah plastik di tepian Sungai "
                "Kahayan",
                "Relawan memungut sampah di tepian sungai.",
            ),
            (
                "Perahu karet petugas menyisir permukaan sungai mengumpulkan "
                "sampah terapung",
                "Petugas menyisir sampah terapung dengan perahu karet.",
            ),
            (
                "Pelajar memilah sampah plastik dan sampah organik ke dalam karung "
                "yang berbeda",
                "Pelajar memilah sampah sebelum diangkut.",
            ),
            (
                "Tumpukan karung sampah hasil aksi bersih di dermaga",
                "Sampah yang terkumpul diangkut truk Dinas Lingkungan Hidup.",
            ),
            (
                "Peserta aksi bersih berfoto bersama dengan latar Jembatan Kahayan",
                "Peserta aksi bersih seusai kegiatan.",
            ),
        ),
    ),
    AlbumSpec(
        title="Latihan Tari Manasai bersama Pelajar di Taman Budaya",
        description=(
            "Sanggar-sanggar tari binaan Dinas Kebudayaan dan Pariwisata melatih "
            "pelajar SMP dan SMA menarikan Manasai, tarian pergaulan suku Dayak "
            "yang ditarikan beramai-ramai dalam lingkaran."
        ),
        tags=("budaya dayak", "seni tari", "generasi muda"),
        days_ago=45,
        motif="culture",
        author="fotografer",
        news="Sanggar Tari di Palangka Raya Ajarkan Tari Manasai",
        photos=(
            (
                "Pelajar bergandengan tangan menarikan tari Manasai dalam lingkaran "
                "besar",
                "Pelajar menarikan Manasai dalam lingkaran.",
            ),
            (
                "Pelatih sanggar memperagakan gerakan kaki kepada barisan pelajar",
                "Pelatih sanggar mengajarkan gerakan dasar.",
            ),
            (
                "Pemain musik memainkan gandang di tepi arena latihan",
                "Musik gandang mengiringi latihan.",
            ),
        ),
    ),
)

RECORDINGS = {
    VideoPage: (
        RecordingSpec(
            title="Imbauan Wali Kota: Cegah Kebakaran Hutan dan Lahan",
            description=(
                "Pesan Wali Kota Palangka Raya kepada warga menjelang puncak musim "
                "kemarau: jangan membuka lahan dengan cara membakar, segera "
                "laporkan titik api, dan jaga kesehatan saat kabut asap."
            ),
            tags=("karhutla", "musim kemarau", "imbauan"),
            days_ago=330,
            motif="environment",
            author="reporter",
            # Made up (no such video): the demo fetches nothing from YouTube.
            video_url="https://www.youtube.com/watch?v=mcPKYdemo01",
            duration=datetime.timedelta(minutes=3, seconds=42),
            transcript=(
                "Wali Kota Palangka Raya: Masyarakat Kota Palangka Raya yang saya "
                "cintai. Kita sudah memasuki musim kemarau. Lahan gambut di sekitar "
                "kita mulai kering dan sangat mudah terbakar.\n\n"
                "Saya minta dengan sungguh-sungguh: jangan membuka atau "
                "membersihkan lahan dengan cara membakar, termasuk membakar sampah "
                "di pekarangan. Sekali api masuk ke dalam gambut, sangat sulit "
                "dipadamkan.\n\n"
                "Bila melihat asap atau titik api, segera laporkan kepada BPBD, "
                "pemadam kebakaran, atau kantor kelurahan terdekat. Jangan menunggu "
                "api membesar.\n\n"
                "Pemerintah kota telah menyiagakan tim reaksi cepat di setiap "
                "kecamatan bersama TNI, Polri, dan Masyarakat Peduli Api. Mari kita "
                "jaga kota kita bersama, agar anak-anak tetap bisa bersekolah dan "
                "menghirup udara bersih. Terima kasih."
            ),
        ),
        RecordingSpec(
            title="Penyerahan Bantuan bagi Warga Terdampak Banjir di Kecamatan Pahandut",
            description=(
                "Wali Kota Palangka Raya menyerahkan bantuan sembako, selimut, dan "
                "perlengkapan kebersihan kepada warga terdampak banjir di Aula "
                "Kantor Kecamatan Pahandut, bersama Dinas Sosial."
            ),
            tags=("banjir", "bantuan sosial", "pahandut"),
            days_ago=2,
            motif="government",
            author="reporter",
            agenda="Penyerahan Bantuan bagi Warga Terdampak Banjir",
            extension="mp4",
            transcript=(
                "Pembawa acara: Hadirin yang kami hormati, acara selanjutnya adalah "
                "penyerahan bantuan secara simbolis oleh Wali Kota Palangka Raya "
                "kepada perwakilan warga terdampak banjir.\n\n"
                "Wali Kota Palangka Raya: Bapak dan ibu sekalian, bantuan ini "
                "memang tidak seberapa, tetapi ini tanda bahwa pemerintah kota hadir "
                "bersama warga. Kami tahu masih banyak rumah di tepian sungai yang "
                "tergenang. Dinas Sosial akan terus memperbarui data warga terdampak "
                "bersama kelurahan; warga yang belum terdata silakan melapor kepada "
                "ketua RT atau ke kantor kelurahan.\n\n"
                "Kepala Dinas Sosial: Bantuan hari ini berupa beras, minyak goreng, "
                "selimut, dan perlengkapan kebersihan untuk keluarga yang rumahnya "
                "terendam. Posko pengungsian di aula kecamatan tetap buka selama "
                "air belum surut.\n\n"
                "Perwakilan warga: Terima kasih, Pak Wali. Bantuan ini sangat "
                "membantu kami yang belum bisa kembali ke rumah."
            ),
        ),
    ),
    AudioPage: (
        RecordingSpec(
            title="Dialog Radio: Mengenal Layanan Informasi Publik dan Media Center",
            description=(
                "Dialog interaktif di radio tentang cara warga memperoleh informasi "
                "dari Pemerintah Kota Palangka Raya: permohonan informasi kepada "
                "PPID, berita resmi di Media Center, dan kanal pengaduan."
            ),
            tags=("keterbukaan informasi", "ppid", "dialog radio"),
            days_ago=150,
            motif="information",
            author="reporter",
            extension="mp3",
            pitch=392,
            transcript=(
                "Penyiar: Selamat pagi, pendengar di Palangka Raya. Pagi ini kita "
                "berbincang tentang keterbukaan informasi publik bersama Kepala "
                "Seksi Kehumasan dan Layanan Informasi Diskominfo Kota Palangka "
                "Raya. Selamat pagi, Bu.\n\n"
                "Kepala Seksi Kehumasan dan Layanan Informasi: Selamat pagi. Terima "
                "kasih atas kesempatannya.\n\n"
                "Penyiar: Kalau warga memerlukan dokumen pemerintah kota, misalnya "
                "data anggaran, ke mana mereka harus datang?\n\n"
                "Kepala Seksi Kehumasan dan Layanan Informasi: Warga dapat "
                "mengajukan permohonan kepada PPID, Pejabat Pengelola Informasi dan "
                "Dokumentasi. Banyak informasi bahkan sudah tersedia tanpa perlu "
                "diminta, dalam Daftar Informasi Publik di situs Info Publik. "
                "Permohonan dijawab paling lambat sepuluh hari kerja dan dapat "
                "diperpanjang tujuh hari kerja.\n\n"
                "Penyiar: Lalu berita kegiatan pemerintah kota?\n\n"
                "Kepala Seksi Kehumasan dan Layanan Informasi: Berita resmi kami "
                "terbitkan di Media Center. Setiap berita diliput reporter dan "
                "fotografer kami, disunting, dan diperiksa kebenarannya sebelum "
                "terbit. Kini ada juga arsip foto, video, dan rekaman suara "
                "kegiatan.\n\n"
                "Penelepon dari Kelurahan Menteng: Selamat pagi. Kalau saya mau "
                "melaporkan jalan rusak, apakah lewat PPID juga?\n\n"
                "Kepala Seksi Kehumasan dan Layanan Informasi: Untuk pengaduan, "
                "Bapak dapat memakai SP4N-LAPOR! atau surel "
                "humas@palangkaraya.go.id; pengaduan diteruskan kepada perangkat "
                "daerah yang menangani. PPID melayani permohonan informasi.\n\n"
                "Penyiar: Terima kasih, Bu. Pendengar, sampai jumpa di dialog "
                "berikutnya."
            ),
        ),
        RecordingSpec(
            title="Keterangan Pers Pemantauan Harga dan Stok Bahan Pokok",
            description=(
                "Keterangan Asisten Perekonomian dan Pembangunan Setda Kota "
                "Palangka Raya kepada wartawan seusai memantau harga dan stok bahan "
                "pokok di Pasar Besar bersama Tim Pengendalian Inflasi Daerah."
            ),
            tags=("harga bahan pokok", "inflasi", "keterangan pers"),
            days_ago=3,
            motif="economy",
            author="reporter",
            agenda="Pemantauan Harga dan Stok Bahan Pokok",
            extension="ogg",
            pitch=330,
            transcript=(
                "Asisten Perekonomian dan Pembangunan: Pagi ini kami bersama Tim "
                "Pengendalian Inflasi Daerah memantau harga dan stok bahan pokok di "
                "Pasar Besar.\n\n"
                "Secara umum harga beras, gula, minyak goreng, dan telur stabil, "
                "dan stok cukup untuk beberapa minggu ke depan. Kenaikan kami "
                "temukan pada cabai rawit dan bawang merah, karena pasokan dari luar "
                "daerah berkurang akibat cuaca.\n\n"
                "Kami sudah berkoordinasi dengan distributor agar pasokan kembali "
                "normal. Bila kenaikan berlanjut, pemerintah kota akan menggelar "
                "pasar murah di kelurahan.\n\n"
                "Wartawan: Apakah ditemukan penimbunan, Pak?\n\n"
                "Asisten Perekonomian dan Pembangunan: Sejauh ini tidak. Kami "
                "mengimbau warga berbelanja sesuai kebutuhan dan tidak panik, dan "
                "meminta pedagang tidak menaikkan harga di luar kewajaran."
            ),
        ),
    ),
}


@dataclass
class ItemPlan:
    """An item to create: its spec, the day it was recorded and what it documents."""

    model: type
    spec: ItemSpec
    recorded_on: datetime.date
    agenda_item: AgendaItem | None
    news: NewsPage | None


def _plan(model, spec, *, today):
    """
    The plan of ``spec``, dated by the agenda item or news it documents
    (before today, so it has happened) or else by ``spec.days_ago``.
    """
    agenda_item = None
    if spec.agenda:
        agenda_item = AgendaItem.objects.filter(
            activity=spec.agenda, date__lt=today
        ).first()
    news = None
    if spec.news:
        # The Media Center's own page, not its copies on the other sites.
        news = (
            NewsPage.objects.live()
            .filter(alias_of__isnull=True, title__startswith=spec.news)
            .first()
        )
    if agenda_item is not None:
        recorded_on = agenda_item.date
    elif news is not None:
        recorded_on = timezone.localtime(
            news.event_at or news.first_published_at, WIB
        ).date()
    else:
        recorded_on = today - datetime.timedelta(days=spec.days_ago)
    return ItemPlan(model, spec, recorded_on, agenda_item, news)


def demo_clip_get_or_create(*, title, collection, extension, user, pitch=440):
    """
    The wagtailmedia file titled ``title`` in ``collection``, generating a
    clip of ``CLIP_SECONDS`` (a video for MP4 and WebM, else audio) if there
    is none. Its duration and size are read from the file, as on upload.
    """
    Media = get_media_model()
    media = Media.objects.filter(title=title, collection=collection).first()
    if media is not None:
        return media
    if extension in VIDEO_FORMATS:
        kind = MediaType.VIDEO
        data = video_clip(title=title, seconds=CLIP_SECONDS, extension=extension)
    else:
        kind = MediaType.AUDIO
        data = audio_clip(seconds=CLIP_SECONDS, extension=extension, pitch=pitch)
    probe = media_probe(io.BytesIO(data))
    media = Media(
        title=title,
        type=kind,
        collection=collection,
        file=ContentFile(data, name=f"{slugify(title)[:80]}.{extension}"),
        duration=probe.duration,
        width=probe.width,
        height=probe.height,
        uploaded_by_user=user,
    )
    media.save()
    return media


def _album(spec, *, collection, photographer, taken_on):
    """An unsaved album of drawn photos, credited to ``photographer``."""
    credit = photographer.get_full_name()
    photos = []
    for number, (alt_text, caption) in enumerate(spec.photos, start=1):
        image, _created = demo_image_get_or_create(
            title=f"{spec.title} (foto {number})",
            collection=collection,
            motif=spec.motif,
            heading=spec.title,
            caption=caption,
            credit=credit,
            seed=f"{spec.slug}-{number}",
            description=alt_text,
            size=PHOTO_SIZE,
        )
        photos.append(
            AlbumPhoto(
                image=image,
                alt_text=alt_text,
                caption=caption,
                credit=credit,
                taken_on=taken_on,
            )
        )
    return PhotoAlbumPage(photos=photos, cover_image=photos[spec.cover].image)


# The drawn cover's heading, and the page field holding the generated file.
COVER_HEADINGS = {VideoPage: "Video", AudioPage: "Rekaman Suara"}
FILE_FIELDS = {VideoPage: "video", AudioPage: "audio"}


def _recording(model, spec, *, collection, author):
    """An unsaved video or audio page with a drawn cover (the video's poster)."""
    cover, _created = demo_image_get_or_create(
        title=f"{spec.title} (sampul)",
        collection=collection,
        motif=spec.motif,
        heading=COVER_HEADINGS[model],
        caption=spec.title,
        credit=author.get_full_name(),
        seed=f"{spec.slug}-sampul",
        description=f"Ilustrasi sampul: {spec.title}",
        size=PHOTO_SIZE,
    )
    values = {
        "cover_image": cover,
        "transcript": spec.transcript,
        "duration": spec.duration,
    }
    if spec.video_url:
        values["video_url"] = spec.video_url
    else:
        values[FILE_FIELDS[model]] = demo_clip_get_or_create(
            title=spec.title,
            collection=collection,
            extension=spec.extension,
            user=author,
            pitch=spec.pitch,
        )
    return model(**values)


def _published_at(plan, *, number, now):
    """
    When ``plan``'s item went live: an album the evening of the event, a
    recording the next morning (once cut and transcribed); never after ``now``.
    """
    minute = 5 * (number % 12)
    if plan.model is PhotoAlbumPage:
        moment = local_moment(plan.recorded_on, 18, minute)
    else:
        moment = local_moment(plan.recorded_on + datetime.timedelta(days=1), 10, minute)
    return min(moment, now - datetime.timedelta(minutes=5))


def seed_multimedia(*, users, now):
    """
    The multimedia archive: the index's introduction, then the albums of
    ``ALBUMS`` and the videos and audio of ``RECORDINGS``, each filed by a
    Media Center reporter and published by the operator after the event it
    records, oldest first (so the page tree and the dates agree). Files and
    pictures go to the "Media Center" collection. Items whose slug exists are
    left alone. Returns a SeedCount.
    """
    count = SeedCount("multimedia items")
    index = MultimediaIndexPage.objects.first()
    if index is None:
        return count
    page_fill_if_empty(index, intro=ARCHIVE_INTRO, show_in_menus=True)
    collection = collection_get("Media Center")
    today = timezone.localtime(now, WIB).date()
    specs = [(PhotoAlbumPage, spec) for spec in ALBUMS] + [
        (model, spec) for model, recordings in RECORDINGS.items() for spec in recordings
    ]
    plans = []
    for model, spec in specs:
        if child_with_slug(index, spec.slug) is not None:
            count.add(False)
        else:
            plans.append(_plan(model, spec, today=today))
    plans.sort(key=lambda plan: plan.recorded_on)
    for number, plan in enumerate(plans):
        spec = plan.spec
        author = users[spec.author]
        if plan.model is PhotoAlbumPage:
            page = _album(
                spec,
                collection=collection,
                photographer=author,
                taken_on=plan.recorded_on,
            )
        else:
            page = _recording(plan.model, spec, collection=collection, author=author)
        page.title = spec.title
        page.slug = spec.slug
        page.description = spec.description
        page.recorded_on = plan.recorded_on
        page.agenda_item = plan.agenda_item
        page.news = plan.news
        page.tags.add(*spec.tags)
        # As the editor's form would: it reads a file's duration, for one.
        page.clean()
        page_publish_as_of(
            parent=index,
            page=page,
            published_at=_published_at(plan, number=number, now=now),
            author=author,
            publisher=users["operator"],
        )
        count.add(True)
    return count
