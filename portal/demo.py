"""
Demo content shared by the three sites and the city portal's own demo pages.

Used by ``manage.py seed_demo``. Everything here is made up for demonstration:
people, telephone numbers and figures are invented, and officials are named
by their office only. Every ``seed_*`` function is idempotent: it keys what it
makes by slug, username or name and leaves whatever already exists alone, so
pages an editor has changed are never touched.

Randomness comes from a ``random.Random`` passed in by the caller. Each
function draws its whole plan from it before looking at the database, so the
same seed gives the same titles and slugs whatever is already there.
"""

import datetime
import io
import random
import zoneinfo
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify

from wagtail.images import get_image_model
from wagtail.models import Collection, Page, PageLogEntry, Revision, Site
from wagtail.utils.file import hash_filelike

import factory
from PIL import Image, ImageDraw, ImageFont, ImageOps

from .factories import (
    AgencyFactory,
    AnnouncementPageFactory,
    StandardPageFactory,
    UserFactory,
)
from .models import (
    Agency,
    AnnouncementIndexPage,
    PortalHomePage,
    SiteIdentity,
)

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")

# The five districts (kecamatan) of Palangka Raya and their villages
# (kelurahan).
KELURAHAN = {
    "Pahandut": (
        "Pahandut",
        "Panarung",
        "Langkai",
        "Tumbang Rungan",
        "Tanjung Pinang",
        "Pahandut Seberang",
    ),
    "Jekan Raya": ("Menteng", "Palangka", "Bukit Tunggal", "Petuk Katimpun"),
    "Sabangau": (
        "Kereng Bangkirai",
        "Sabaru",
        "Kalampangan",
        "Kameloh Baru",
        "Bereng Bengkel",
        "Danau Tundai",
    ),
    "Bukit Batu": (
        "Tangkiling",
        "Banturung",
        "Habaring Hurung",
        "Marang",
        "Tumbang Tahai",
        "Sei Gohong",
        "Kanarakan",
    ),
    "Rakumpit": (
        "Mungku Baru",
        "Bukit Sua",
        "Gaung Baru",
        "Panjehang",
        "Petuk Barunai",
        "Pager",
        "Petuk Bukit",
    ),
}
KECAMATAN_OF = {
    kelurahan: kecamatan
    for kecamatan, villages in KELURAHAN.items()
    for kelurahan in villages
}
DAY_NAMES = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


def demo_rng(seed, part):
    """
    The random generator for one part of the demo. Each part has its own, so
    adding content to one site does not change what is drawn for another.
    """
    return random.Random(f"{seed}-{part}")


@dataclass
class SeedCount:
    """How many things of one kind a seed step created and found already there."""

    label: str
    created: int = 0
    existing: int = 0

    def add(self, created):
        """Count one item, created now or found."""
        if created:
            self.created += 1
        else:
            self.existing += 1


# Small text helpers -------------------------------------------------------------


def id_number(value):
    """A whole number written the Indonesian way: 1.200, 15.000."""
    return f"{value:,}".replace(",", ".")


def id_dateline_day(moment):
    """The day as Indonesian news write it: Senin (12/5/2026)."""
    local = timezone.localtime(moment, WIB)
    return f"{DAY_NAMES[local.weekday()]} ({local.day}/{local.month}/{local.year})"


def html_paragraphs(texts):
    """StreamField raw data: one paragraph block per text (escaped)."""
    return [{"type": "paragraph", "value": f"<p>{escape(text)}</p>"} for text in texts]


def quote_block(text, attribution):
    """StreamField raw data of one quote block."""
    return {"type": "quote", "value": {"quote": text, "attribution": attribution}}


def local_moment(day, hour, minute=0):
    """An aware datetime in Asia/Jakarta on ``day`` at ``hour:minute``."""
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=WIB)


def past_moments(rng, *, count, days, now, earliest_hour=8, latest_hour=20):
    """
    ``count`` publication moments spread over the last ``days`` days, oldest
    first, all in working hours and before ``now``. Draws from ``rng`` the same
    way whatever ``now`` is.
    """
    today = timezone.localtime(now, WIB).date()
    moments = []
    for _ in range(count):
        offset = rng.randint(0, days - 1)
        hour = rng.randint(earliest_hour, latest_hour - 1)
        minute = rng.choice((0, 5, 10, 15, 20, 30, 35, 40, 45, 50))
        moment = local_moment(today - datetime.timedelta(days=offset), hour, minute)
        while moment >= now:
            moment -= datetime.timedelta(days=1)
        moments.append(moment)
    return sorted(moments)


# People and agencies ---------------------------------------------------------------

# username: (first name, last name, role). The usernames follow the roles in
# docs/DESIGN ("The people"); groups and permissions are given elsewhere.
DEMO_USERS = {
    "penulis": ("Dewi", "Anggraini", "Pembuat Artikel"),
    "kasubbag": ("Yohanes", "Tingang", "Kasubbag Perencanaan, IT dan Pelaporan"),
    "kepala": ("Ahmad", "Fauzi", "Kepala Dinas"),
    "adminweb": ("Nadia", "Putri Utami", "Admin Website"),
    "kasi": ("Marlina", "Sinta Dewi", "Kasi Kehumasan dan Layanan Informasi"),
    "redaktur": ("Hendra", "Saputra", "Tim Pengelola Media Center"),
    "operator": ("Fitri", "Handayani", "Admin / Operator"),
    "reporter": ("Rina", "Lestari", "Reporter"),
    "kontributor": ("Kristian", "Ngabe", "Kontributor"),
    "fotografer": ("Bayu", "Pratama", "Fotografer"),
}
ADMIN_USERNAME = "admin"


def _demo_groups():
    """username -> the SOP group (moderation.services) the demo user works in."""
    from moderation import services as sop

    return {
        "penulis": sop.WRITER,
        "kasubbag": sop.SECTION_HEAD,
        "kepala": sop.HEAD,
        "adminweb": sop.WEBSITE_ADMIN,
        "kasi": sop.PUBLIC_RELATIONS_HEAD,
        "redaktur": sop.MEDIA_CENTER_TEAM,
        "operator": sop.OPERATOR,
        "reporter": sop.REPORTER,
        "kontributor": sop.REPORTER,
        "fotografer": sop.REPORTER,
    }


def seed_users():
    """
    The demo staff (``DEMO_USERS``) and the superuser ``admin``, all with the
    password ``settings.WARTA_DEMO_PASSWORD``. Existing accounts are left as
    they are, password included. Returns ``(users by username, SeedCount)``.
    """
    User = get_user_model()
    count = SeedCount("users")
    # One hash for all: the password is public anyway, and hashing it once
    # instead of eleven times saves seconds with PBKDF2.
    password = make_password(settings.WARTA_DEMO_PASSWORD)
    users = {}

    admin = User.objects.filter(username=ADMIN_USERNAME).first()
    count.add(admin is None)
    if admin is None:
        admin = UserFactory(
            username=ADMIN_USERNAME,
            first_name="Administrator",
            last_name="Warta",
            email="admin@palangkaraya.go.id",
            is_staff=True,
            is_superuser=True,
            password=factory.Transformer.Force(password),
        )
    users[ADMIN_USERNAME] = admin

    groups = {group.name: group for group in Group.objects.all()}
    demo_groups = _demo_groups()
    for username, (first_name, last_name, _role) in DEMO_USERS.items():
        user = User.objects.filter(username=username).first()
        count.add(user is None)
        if user is None:
            user = UserFactory(
                username=username,
                first_name=first_name,
                last_name=last_name,
                password=factory.Transformer.Force(password),
            )
        # A demo user without any group gets its SOP group; one an
        # administrator has regrouped is left alone.
        group = groups.get(demo_groups[username])
        if group is not None and not user.groups.exists():
            user.groups.add(group)
        users[username] = user
    return users, count


# key: (name, abbreviation)
DEMO_AGENCIES = {
    "setda": ("Sekretariat Daerah", "Setda"),
    "dinkes": ("Dinas Kesehatan", "Dinkes"),
    "disdik": ("Dinas Pendidikan", "Disdik"),
    "pupr": ("Dinas Pekerjaan Umum dan Penataan Ruang", "Dinas PUPR"),
    "bpbd": ("Badan Penanggulangan Bencana Daerah", "BPBD"),
    "dlh": ("Dinas Lingkungan Hidup", "DLH"),
    "bappedalitbang": (
        "Badan Perencanaan Pembangunan Daerah, Penelitian dan Pengembangan",
        "Bappedalitbang",
    ),
    "dinsos": ("Dinas Sosial", "Dinsos"),
    "diskominfo": (
        "Dinas Komunikasi, Informatika, Statistik dan Persandian",
        "Diskominfo",
    ),
    "disperindag": ("Dinas Perdagangan dan Perindustrian", "Disperindag"),
    "disbudpar": ("Dinas Kebudayaan dan Pariwisata", "Disbudpar"),
}


def seed_agencies():
    """
    The city agencies (OPD) that news come from, keyed by name. Returns
    ``(agencies by key, SeedCount)``.
    """
    count = SeedCount("agencies")
    agencies = {}
    for key, (name, abbreviation) in DEMO_AGENCIES.items():
        agency = Agency.objects.filter(name=name).first()
        count.add(agency is None)
        if agency is None:
            agency = AgencyFactory(name=name, abbreviation=abbreviation)
        agencies[key] = agency
    return agencies, count


# Images ------------------------------------------------------------------------------

IMAGE_SIZE = (1200, 800)

# Per motif: sky (top, bottom), ground, accent colours.
PALETTES = {
    "government": ((38, 70, 140), (172, 204, 238), (96, 128, 84), (200, 40, 50)),
    "health": ((60, 140, 170), (206, 236, 240), (120, 168, 110), (214, 48, 56)),
    "education": ((250, 170, 80), (255, 228, 170), (110, 150, 80), (36, 80, 160)),
    "economy": ((230, 120, 60), (252, 210, 150), (150, 120, 80), (30, 120, 110)),
    "infrastructure": (
        (90, 110, 130),
        (200, 210, 220),
        (120, 120, 110),
        (240, 180, 20),
    ),
    "culture": ((120, 40, 90), (250, 170, 110), (110, 80, 50), (230, 190, 40)),
    "environment": ((40, 120, 150), (190, 230, 220), (60, 130, 60), (40, 90, 160)),
    "information": ((20, 100, 80), (170, 225, 200), (70, 120, 90), (250, 200, 60)),
    "data": ((30, 60, 110), (160, 190, 230), (80, 110, 90), (240, 130, 40)),
    "security": ((25, 30, 60), (90, 110, 160), (60, 70, 80), (250, 210, 70)),
    "announcement": ((20, 40, 90), (150, 170, 210), (90, 110, 80), (210, 160, 40)),
    "city": ((30, 60, 120), (240, 190, 130), (80, 110, 70), (210, 160, 40)),
}
_FONTS = {}


def _font(size):
    """Pillow's built-in font at ``size`` pixels, loaded once."""
    if size not in _FONTS:
        _FONTS[size] = ImageFont.load_default(size=size)
    return _FONTS[size]


def _fit(draw, text, font, width):
    """``text`` cut with an ellipsis so that it fits ``width`` pixels."""
    if draw.textlength(text, font=font) <= width:
        return text
    while text and draw.textlength(text + "...", font=font) > width:
        text = text[:-1]
    return text.rstrip() + "..."


def _draw_sky(image, rng, top, bottom, horizon):
    """A gradient sky down to ``horizon`` with a sun and a few clouds."""
    width, _height = image.size
    gradient = Image.linear_gradient("L").resize((width, horizon))
    image.paste(ImageOps.colorize(gradient, top, bottom), (0, 0))
    draw = ImageDraw.Draw(image)
    sun_x, sun_y = rng.randint(80, width - 80), rng.randint(60, horizon // 2)
    draw.ellipse((sun_x - 45, sun_y - 45, sun_x + 45, sun_y + 45), fill=(255, 236, 170))
    for _ in range(rng.randint(2, 4)):
        x, y = rng.randint(0, width - 200), rng.randint(40, horizon // 2)
        for dx, dy, r in ((0, 10, 34), (40, 0, 46), (90, 8, 38), (130, 16, 28)):
            draw.ellipse(
                (x + dx - r, y + dy - r, x + dx + r, y + dy + r), fill=(250, 250, 252)
            )


def _building(draw, x, base, w, h, colour, roof, windows=(240, 240, 210)):
    """A building with a pitched roof and rows of windows, standing on ``base``."""
    draw.rectangle((x, base - h, x + w, base), fill=colour)
    draw.polygon(
        ((x - 20, base - h), (x + w // 2, base - h - h // 3), (x + w + 20, base - h)),
        fill=roof,
    )
    for wx in range(x + 20, x + w - 30, 55):
        for wy in range(base - h + 25, base - 45, 60):
            draw.rectangle((wx, wy, wx + 28, wy + 32), fill=windows)


def _person(draw, x, base, colour, scale=1.0):
    """A simple standing figure: a head and a rounded body."""
    head = int(16 * scale)
    body = int(60 * scale)
    draw.ellipse(
        (x - head, base - body - 2 * head, x + head, base - body), fill=(120, 80, 60)
    )
    draw.rounded_rectangle(
        (x - 22 * scale, base - body, x + 22 * scale, base), radius=10, fill=colour
    )


def _motif(draw, motif, rng, horizon, accent):
    """The shapes that tell what the picture is about (a city hall, a clinic …)."""
    width, height = IMAGE_SIZE
    base = horizon + 60
    if motif == "government":
        x = rng.randint(250, 450)
        _building(draw, x, base, 520, 220, (236, 232, 220), (150, 60, 50))
        for cx in range(x + 40, x + 500, 90):
            draw.rectangle((cx, base - 150, cx + 18, base), fill=(210, 205, 190))
        pole = x - 80
        draw.rectangle((pole, base - 330, pole + 8, base), fill=(90, 90, 90))
        draw.rectangle(
            (pole + 8, base - 330, pole + 118, base - 295), fill=(206, 17, 38)
        )
        draw.rectangle(
            (pole + 8, base - 295, pole + 118, base - 260), fill=(250, 250, 250)
        )
    elif motif == "health":
        x = rng.randint(420, 620)
        _building(draw, x, base, 420, 200, (245, 245, 245), (70, 140, 160))
        draw.rectangle((x + 180, base - 190, x + 240, base - 70), fill=accent)
        draw.rectangle((x + 150, base - 160, x + 270, base - 100), fill=accent)
        for i in range(4):
            _person(
                draw,
                140 + i * 70,
                base + 90,
                rng.choice(((60, 140, 170), (230, 230, 230), accent)),
            )
    elif motif == "education":
        x = rng.randint(200, 500)
        _building(draw, x, base, 560, 180, (250, 240, 220), (170, 60, 40))
        book_x = x + 640 if x < 300 else 120
        draw.polygon(
            (
                (book_x, base - 40),
                (book_x + 110, base - 70),
                (book_x + 110, base + 60),
                (book_x, base + 90),
            ),
            fill=(250, 250, 250),
        )
        draw.polygon(
            (
                (book_x + 110, base - 70),
                (book_x + 220, base - 40),
                (book_x + 220, base + 90),
                (book_x + 110, base + 60),
            ),
            fill=(235, 235, 235),
        )
        for i in range(5):
            _person(draw, x + 60 + i * 90, base + 100, accent, scale=0.8)
    elif motif == "economy":
        colours = ((220, 60, 60), (40, 120, 200), (240, 180, 30), (40, 150, 90))
        for i, sx in enumerate(range(rng.randint(60, 140), width - 200, 250)):
            draw.rectangle((sx, base - 120, sx + 200, base + 40), fill=(220, 200, 170))
            draw.polygon(
                (
                    (sx - 15, base - 120),
                    (sx + 215, base - 120),
                    (sx + 185, base - 175),
                    (sx + 15, base - 175),
                ),
                fill=colours[i % 4],
            )
            for gx in range(sx + 20, sx + 180, 40):
                draw.ellipse(
                    (gx, base - 40, gx + 30, base - 10), fill=rng.choice(colours)
                )
    elif motif == "infrastructure":
        draw.polygon(
            (
                (width // 2 - 40, horizon),
                (width // 2 + 40, horizon),
                (width - 150, height),
                (150, height),
            ),
            fill=(70, 70, 75),
        )
        for y in range(horizon + 20, height, 70):
            t = (y - horizon) / (height - horizon)
            draw.rectangle(
                (width // 2 - 3 - 6 * t, y, width // 2 + 3 + 6 * t, y + 30 * t + 8),
                fill=accent,
            )
        bx = rng.choice((40, 760))
        for i in range(3):
            draw.arc(
                (bx + i * 130, horizon - 110, bx + 130 + i * 130, horizon + 70),
                180,
                360,
                fill=(200, 60, 50),
                width=12,
            )
        draw.rectangle((bx, horizon - 22, bx + 390, horizon - 8), fill=(200, 60, 50))
    elif motif == "culture":
        x = rng.randint(160, 360)
        draw.rectangle((x, base - 150, x + 700, base - 40), fill=(150, 100, 60))
        draw.polygon(
            ((x - 40, base - 150), (x + 350, base - 260), (x + 740, base - 150)),
            fill=(90, 60, 40),
        )
        for px in range(x + 20, x + 700, 80):
            draw.rectangle((px, base - 40, px + 14, base + 40), fill=(90, 60, 40))
        for zx in range(x, x + 700, 40):
            draw.polygon(
                ((zx, base - 70), (zx + 20, base - 95), (zx + 40, base - 70)),
                fill=accent,
            )
    elif motif == "environment":
        draw.polygon(
            (
                (0, horizon + 120),
                (width, horizon + 60),
                (width, horizon + 170),
                (0, horizon + 230),
            ),
            fill=(70, 130, 180),
        )
        for _ in range(rng.randint(7, 11)):
            tx = rng.randint(0, width)
            ty = rng.choice((horizon + 40, horizon + 270, horizon + 300))
            draw.rectangle((tx - 8, ty - 30, tx + 8, ty + 40), fill=(100, 70, 40))
            draw.ellipse(
                (tx - 60, ty - 140, tx + 60, ty - 10),
                fill=(30 + rng.randint(0, 40), 110 + rng.randint(0, 60), 50),
            )
    elif motif == "information":
        x = rng.randint(300, 520)
        draw.rounded_rectangle(
            (x, horizon - 220, x + 420, horizon + 40), radius=18, fill=(40, 40, 50)
        )
        draw.rectangle(
            (x + 20, horizon - 200, x + 400, horizon + 20), fill=(230, 245, 240)
        )
        for i in range(5):
            draw.rectangle(
                (
                    x + 50,
                    horizon - 170 + i * 38,
                    x + 360 - (i % 2) * 90,
                    horizon - 150 + i * 38,
                ),
                fill=(120, 170, 150),
            )
        draw.rectangle(
            (x + 190, horizon + 40, x + 230, horizon + 110), fill=(40, 40, 50)
        )
        draw.rounded_rectangle(
            (x + 480, horizon - 260, x + 680, horizon - 150), radius=30, fill=accent
        )
    elif motif == "data":
        x0 = rng.randint(200, 400)
        for i in range(6):
            h = rng.randint(80, 330)
            draw.rectangle(
                (x0 + i * 110, base + 80 - h, x0 + i * 110 + 70, base + 80),
                fill=accent if i % 2 else (250, 250, 250),
            )
        draw.line((x0 - 30, base + 80, x0 + 680, base + 80), fill=(30, 30, 30), width=6)
    elif motif == "security":
        x = rng.randint(420, 620)
        draw.arc(
            (x, horizon - 250, x + 200, horizon - 50),
            180,
            360,
            fill=(220, 220, 230),
            width=30,
        )
        draw.rounded_rectangle(
            (x - 40, horizon - 150, x + 240, horizon + 90), radius=24, fill=accent
        )
        draw.ellipse((x + 75, horizon - 60, x + 125, horizon - 10), fill=(40, 40, 50))
        draw.rectangle((x + 90, horizon - 20, x + 110, horizon + 40), fill=(40, 40, 50))
    elif motif == "announcement":
        x = rng.randint(300, 500)
        draw.rectangle((x, horizon - 240, x + 520, horizon + 40), fill=(140, 100, 60))
        draw.rectangle(
            (x + 20, horizon - 220, x + 500, horizon + 20), fill=(250, 246, 230)
        )
        for i in range(6):
            draw.rectangle(
                (
                    x + 50,
                    horizon - 190 + i * 35,
                    x + 470 - (i % 3) * 60,
                    horizon - 175 + i * 35,
                ),
                fill=(120, 120, 130),
            )
        draw.rectangle((x + 60, horizon + 40, x + 80, base + 100), fill=(110, 80, 50))
        draw.rectangle((x + 440, horizon + 40, x + 460, base + 100), fill=(110, 80, 50))
        draw.ellipse((x + 230, horizon - 240, x + 290, horizon - 200), fill=accent)
    else:  # city
        for bx in range(0, width, rng.randint(90, 130)):
            h = rng.randint(90, 260)
            draw.rectangle(
                (bx, horizon - h, bx + 80, horizon), fill=(60 + rng.randint(0, 60),) * 3
            )
        cx = width // 2
        draw.ellipse((cx - 260, base - 20, cx + 260, base + 120), fill=(90, 150, 90))
        draw.rectangle((cx - 18, base - 260, cx + 18, base + 50), fill=accent)
        draw.polygon(
            ((cx - 40, base - 260), (cx, base - 340), (cx + 40, base - 260)),
            fill=accent,
        )


def illustration_jpeg(*, motif, heading, caption, seed):
    """
    A 1200×800 JPEG illustration drawn with Pillow: sky, ground, a few shapes
    for ``motif`` and a band with ``heading`` and ``caption``. The same seed
    draws the same picture.
    """
    rng = random.Random(seed)
    top, bottom, ground, accent = PALETTES.get(motif, PALETTES["city"])
    width, height = IMAGE_SIZE
    horizon = rng.randint(400, 470)
    image = Image.new("RGB", IMAGE_SIZE, ground)
    _draw_sky(image, rng, top, bottom, horizon)
    draw = ImageDraw.Draw(image)
    # A darker field in front so the ground has some depth.
    darker = tuple(max(0, c - 25) for c in ground)
    draw.polygon(
        ((0, height), (0, horizon + 150), (width, horizon + 90), (width, height)),
        fill=darker,
    )
    _motif(draw, motif, rng, horizon, accent)

    band = Image.new("RGBA", (width, 170), (10, 20, 40, 190))
    image.paste(band, (0, height - 170), band)
    draw = ImageDraw.Draw(image)
    draw.text(
        (48, height - 150),
        _fit(draw, heading.upper(), _font(54), width - 96),
        font=_font(54),
        fill=(255, 255, 255),
    )
    draw.text(
        (48, height - 76),
        _fit(draw, caption, _font(30), width - 96),
        font=_font(30),
        fill=(230, 235, 245),
    )
    draw.rounded_rectangle((32, 28, 232, 76), radius=10, fill=(255, 255, 255))
    draw.text((50, 36), "ILUSTRASI", font=_font(28), fill=(20, 30, 50))

    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=82)
    return buffer.getvalue()


def collection_get(name):
    """The image collection called ``name`` (made by ``sites_setup``), else the root."""
    return (
        Collection.objects.filter(name=name).first() or Collection.get_first_root_node()
    )


def demo_image_get_or_create(
    *,
    title,
    collection,
    motif,
    heading,
    caption,
    credit,
    seed,
    description="",
    size=None,
):
    """
    The image titled ``title`` in ``collection``, drawing and saving it if
    there is none, scaled to ``size`` when given (an album's many photos are
    kept small). Returns ``(image, created)``.
    """
    Image_ = get_image_model()
    image = Image_.objects.filter(title=title, collection=collection).first()
    if image is not None:
        return image, False
    data = illustration_jpeg(motif=motif, heading=heading, caption=caption, seed=seed)
    if size is not None:
        output = io.BytesIO()
        with Image.open(io.BytesIO(data)) as picture:
            picture.resize(size, Image.Resampling.LANCZOS).save(
                output, format="JPEG", quality=82
            )
        data = output.getvalue()
    upload = ImageFile(
        io.BytesIO(data), name=f"{slugify(title)[:80] or 'ilustrasi'}.jpg"
    )
    image = Image_(
        title=title,
        collection=collection,
        credit=credit,
        description=description,
        file=upload,
        file_size=len(data),
        file_hash=hash_filelike(io.BytesIO(data)),
    )
    image.save()
    return image, True


# Pages ---------------------------------------------------------------------------------


def page_is_untouched(page):
    """
    Whether ``page`` is still as set-up left it: no unpublished draft and no
    revision saved by a person. Only such pages get demo texts filled in.
    """
    return (
        not page.has_unpublished_changes
        and not page.revisions.exclude(user=None).exists()
    )


def child_with_slug(parent, slug):
    """The child page of ``parent`` with ``slug``, or None."""
    page = parent.get_children().filter(slug=slug).first()
    return page.specific if page is not None else None


def page_publish_as_of(*, parent, page, published_at, author=None, publisher=None):
    """
    Add ``page`` (unsaved) under ``parent``, save a revision by ``author`` and
    publish it as ``publisher``, then date the revision, the publication and
    its log entries to ``published_at``, as if it had happened then.
    """
    page.first_published_at = published_at
    page.live = False
    page.has_unpublished_changes = True
    parent.add_child(instance=page)
    revision = page.save_revision(user=author)
    # The demo users get their groups and permissions elsewhere (or not at
    # all); the seed credits them without asking for their rights.
    revision.publish(user=publisher, skip_permission_checks=True)
    drafted_at = published_at - datetime.timedelta(minutes=20)
    Revision.objects.filter(pk=revision.pk).update(created_at=drafted_at)
    Page.objects.filter(pk=page.pk).update(
        first_published_at=published_at,
        last_published_at=published_at,
        latest_revision_created_at=drafted_at,
    )
    # Its copies on the other sites (news) went live with it.
    copies = Page.objects.filter(alias_of=page)
    copies.update(first_published_at=published_at, last_published_at=published_at)
    PageLogEntry.objects.filter(page__in=copies).update(timestamp=published_at)
    PageLogEntry.objects.filter(page=page).update(timestamp=published_at)
    PageLogEntry.objects.filter(page=page, action="wagtail.create", user=None).update(
        user=author
    )
    page.refresh_from_db()
    return page


def page_fill_if_empty(page, **values):
    """
    Set the given fields of an untouched ``page`` that are still empty and
    publish that as a new revision. Returns True if anything changed.
    """
    page = page.specific
    if not page_is_untouched(page):
        return False
    changed = False
    for name, value in values.items():
        if not getattr(page, name):
            setattr(page, name, value)
            changed = True
    if changed:
        page.save_revision().publish()
    return changed


@dataclass
class StandardPageSpec:
    """A profile or information page to create under a site's home."""

    title: str
    summary: str
    paragraphs: list[str]
    extra_blocks: list[dict] = field(default_factory=list)

    @property
    def slug(self):
        """The page's slug, made from its title."""
        return slugify(self.title)


def seed_standard_pages(*, parent, specs, published_at, author=None, publisher=None):
    """
    Profile pages (``StandardPage``, shown in menus) under ``parent``, in the
    order given; those whose slug exists are left alone. Returns a SeedCount.
    """
    count = SeedCount("profile pages")
    for spec in specs:
        if child_with_slug(parent, spec.slug) is not None:
            count.add(False)
            continue
        page = StandardPageFactory.build(
            title=spec.title,
            slug=spec.slug,
            summary=spec.summary,
            body=html_paragraphs(spec.paragraphs) + spec.extra_blocks,
            show_in_menus=True,
        )
        page_publish_as_of(
            parent=parent,
            page=page,
            published_at=published_at,
            author=author,
            publisher=publisher,
        )
        count.add(True)
    return count


def site_for(home):
    """The Wagtail ``Site`` whose root is ``home``."""
    return Site.objects.filter(root_page=home).first()


def site_identity_fill(site, *, address, phone, email):
    """Contact details of ``site``'s identity, only where they are empty."""
    identity = SiteIdentity.for_site(site)
    changed = []
    for name, value in (("address", address), ("phone", phone), ("email", email)):
        if not getattr(identity, name):
            setattr(identity, name, value)
            changed.append(name)
    if changed:
        identity.save(update_fields=changed)
    return bool(changed)


# The city portal -------------------------------------------------------------------------

OFFICE_ADDRESS = (
    "Balai Kota Palangka Raya\n"
    "Jalan Tjilik Riwut Km. 5,5, Palangka Raya\n"
    "Kalimantan Tengah"
)
DISKOMINFO_ADDRESS = (
    "Dinas Komunikasi, Informatika, Statistik dan Persandian Kota Palangka Raya\n"
    "Jalan Tjilik Riwut Km. 5,5, Palangka Raya\n"
    "Kalimantan Tengah"
)
# Invented numbers for the demo, in the city's area code.
PORTAL_PHONE = "(0536) 322 1000"
DISKOMINFO_PHONE = "(0536) 322 1010"

PORTAL_INTRO = (
    "Selamat datang di portal resmi Pemerintah Kota Palangka Raya. Temukan "
    "berita terbaru, pengumuman, profil kota, dan informasi layanan publik di "
    "satu tempat."
)
ANNOUNCEMENT_INDEX_INTRO = (
    "Pengumuman resmi Pemerintah Kota Palangka Raya yang masih berlaku. "
    "Pengumuman yang sudah lewat masa berlakunya tidak ditampilkan lagi."
)


def portal_profile_specs():
    """The portal's profile pages: Profil Kota, Visi dan Misi, Struktur Organisasi, Kontak."""
    agencies = "".join(
        f"<li>{escape(name)} ({escape(abbreviation)})</li>"
        for name, abbreviation in DEMO_AGENCIES.values()
    )
    kecamatan = "".join(
        f"<li>Kecamatan {escape(name)}: {escape(', '.join(villages))}</li>"
        for name, villages in KELURAHAN.items()
    )
    return [
        StandardPageSpec(
            title="Profil Kota",
            summary=(
                "Palangka Raya, ibu kota Provinsi Kalimantan Tengah, kota di tepi "
                "Sungai Kahayan dengan lima kecamatan dan tiga puluh kelurahan."
            ),
            paragraphs=[
                "Kota Palangka Raya adalah ibu kota Provinsi Kalimantan Tengah. "
                "Pembangunan kota ini dimulai dengan pemancangan tiang pertama oleh "
                "Presiden Soekarno pada 17 Juli 1957, tanggal yang kini diperingati "
                "sebagai Hari Jadi Kota Palangka Raya.",
                "Wilayahnya luas dan sebagian besar masih berupa hutan, rawa gambut, "
                "dan aliran sungai. Sungai Kahayan yang membelah kota menjadi urat "
                "nadi kehidupan warga sejak dahulu, sementara kawasan Taman Nasional "
                "Sebangau di sisi selatan menjadi rumah bagi orangutan dan beragam "
                "satwa lainnya.",
                "Masyarakat Palangka Raya majemuk: suku Dayak hidup berdampingan "
                "dengan suku Banjar, Jawa, dan pendatang dari berbagai daerah. "
                "Falsafah huma betang, rumah panjang tempat banyak keluarga hidup "
                "bersama, menjadi semangat kebersamaan kota ini.",
            ],
            extra_blocks=[
                {
                    "type": "paragraph",
                    "value": f"<h2>Wilayah administrasi</h2><ul>{kecamatan}</ul>",
                }
            ],
        ),
        StandardPageSpec(
            title="Visi dan Misi",
            summary="Arah pembangunan Pemerintah Kota Palangka Raya.",
            paragraphs=[
                "Visi dan misi di halaman ini adalah contoh untuk demonstrasi situs; "
                "rumusan resmi dimuat dalam Rencana Pembangunan Jangka Menengah "
                "Daerah (RPJMD) Kota Palangka Raya.",
            ],
            extra_blocks=[
                {
                    "type": "paragraph",
                    "value": (
                        "<h2>Visi</h2><p>Terwujudnya Palangka Raya yang maju, "
                        "berdaya saing, dan berkelanjutan berlandaskan falsafah "
                        "huma betang.</p><h2>Misi</h2><ol>"
                        "<li>Meningkatkan kualitas sumber daya manusia yang sehat, "
                        "cerdas, dan berakhlak.</li>"
                        "<li>Mewujudkan tata kelola pemerintahan yang bersih, "
                        "terbuka, dan melayani berbasis teknologi informasi.</li>"
                        "<li>Membangun infrastruktur kota yang merata dan tangguh "
                        "terhadap bencana.</li>"
                        "<li>Menumbuhkan ekonomi kerakyatan melalui UMKM, "
                        "pariwisata, dan ketahanan pangan.</li>"
                        "<li>Menjaga kelestarian lingkungan hidup, sungai, dan "
                        "lahan gambut.</li></ol>"
                    ),
                }
            ],
        ),
        StandardPageSpec(
            title="Struktur Organisasi",
            summary="Perangkat daerah di lingkungan Pemerintah Kota Palangka Raya.",
            paragraphs=[
                "Pemerintah Kota Palangka Raya dipimpin oleh Wali Kota dan Wakil "
                "Wali Kota, dibantu Sekretaris Daerah yang mengoordinasikan "
                "perangkat daerah, kecamatan, dan kelurahan.",
            ],
            extra_blocks=[
                {
                    "type": "paragraph",
                    "value": f"<h2>Perangkat daerah</h2><ul>{agencies}</ul>",
                }
            ],
        ),
        StandardPageSpec(
            title="Kontak",
            summary="Alamat, telepon, dan surel Pemerintah Kota Palangka Raya.",
            paragraphs=[
                "Balai Kota Palangka Raya, Jalan Tjilik Riwut Km. 5,5, Palangka Raya, "
                "Kalimantan Tengah.",
                f"Telepon {PORTAL_PHONE}, surel humas@palangkaraya.go.id. Layanan "
                "kantor buka Senin sampai Kamis pukul 07.30–16.00 WIB dan Jumat "
                "pukul 07.30–11.00 WIB.",
                "Pengaduan dan permohonan informasi dapat juga disampaikan melalui "
                "Pejabat Pengelola Informasi dan Dokumentasi (PPID) di situs Info "
                "Publik.",
            ],
        ),
    ]


@dataclass
class AnnouncementSpec:
    """One announcement with its validity relative to today."""

    title: str
    summary: str
    paragraphs: list[str]
    starts_days_ago: int
    # Days from today; negative when already expired, None for no end date.
    ends_in_days: int | None

    @property
    def slug(self):
        """The page's slug, made from its title."""
        return slugify(self.title)


ANNOUNCEMENTS = (
    # (title, summary, paragraphs, kind) – kind: "current", "expired", "open".
    (
        "Penutupan Sementara Ruas Jalan {jalan} untuk Perbaikan Drainase",
        "Ruas Jalan {jalan} ditutup sementara selama perbaikan saluran drainase; "
        "pengendara diminta memakai jalur alternatif.",
        [
            "Sehubungan dengan pekerjaan perbaikan saluran drainase oleh Dinas "
            "Pekerjaan Umum dan Penataan Ruang, ruas Jalan {jalan} ditutup "
            "sementara bagi kendaraan roda empat selama masa pengumuman ini.",
            "Pengendara diimbau menggunakan jalur alternatif dan mengikuti arahan "
            "petugas di lapangan. Kendaraan roda dua masih dapat melintas dengan "
            "hati-hati pada lajur yang dibuka.",
            "Atas ketidaknyamanan yang ditimbulkan, Pemerintah Kota Palangka Raya "
            "memohon maaf dan mengucapkan terima kasih atas pengertian warga.",
        ],
        "current",
    ),
    (
        "Pendaftaran Seleksi Penerimaan Murid Baru SD dan SMP Negeri",
        "Pendaftaran murid baru jenjang SD dan SMP negeri dibuka secara daring; "
        "orang tua diminta menyiapkan dokumen kependudukan.",
        [
            "Dinas Pendidikan Kota Palangka Raya mengumumkan pembukaan pendaftaran "
            "Sistem Penerimaan Murid Baru (SPMB) untuk SD dan SMP negeri.",
            "Pendaftaran dilakukan secara daring. Dokumen yang perlu disiapkan: "
            "kartu keluarga, akta kelahiran, dan dokumen pendukung sesuai jalur "
            "yang dipilih (domisili, afirmasi, mutasi, atau prestasi).",
            "Orang tua yang mengalami kendala dapat datang ke posko layanan di "
            "setiap sekolah negeri atau di kantor Dinas Pendidikan pada jam kerja.",
        ],
        "current",
    ),
    (
        "Imbauan Waspada Kebakaran Hutan dan Lahan selama Musim Kemarau",
        "Warga diminta tidak membuka lahan dengan cara membakar dan segera "
        "melapor bila melihat titik api.",
        [
            "Memasuki musim kemarau, Pemerintah Kota Palangka Raya mengimbau "
            "seluruh warga untuk tidak membuka atau membersihkan lahan dengan cara "
            "membakar, termasuk membakar sampah di pekarangan.",
            "Lahan gambut yang kering mudah terbakar dan sulit dipadamkan. Asap "
            "yang ditimbulkan membahayakan kesehatan, terutama bagi anak-anak, "
            "lansia, dan ibu hamil.",
            "Bila melihat titik api, segera laporkan kepada Badan Penanggulangan "
            "Bencana Daerah (BPBD), pemadam kebakaran, atau kantor kelurahan "
            "terdekat.",
        ],
        "current",
    ),
    (
        "Batas Waktu Pembayaran Pajak Bumi dan Bangunan Perdesaan dan Perkotaan",
        "Wajib pajak diingatkan melunasi PBB-P2 sebelum jatuh tempo agar "
        "terhindar dari denda administrasi.",
        [
            "Pemerintah Kota Palangka Raya mengingatkan wajib pajak untuk melunasi "
            "Pajak Bumi dan Bangunan Perdesaan dan Perkotaan (PBB-P2) sebelum "
            "tanggal jatuh tempo yang tercantum pada Surat Pemberitahuan Pajak "
            "Terutang (SPPT).",
            "Pembayaran dapat dilakukan melalui bank yang ditunjuk, kantor pos, "
            "gerai ritel, maupun aplikasi pembayaran daring.",
            "Keterlambatan pembayaran dikenai denda administrasi sesuai peraturan "
            "daerah yang berlaku.",
        ],
        "current",
    ),
    (
        "Pelaksanaan Hari Bebas Kendaraan Bermotor di Kawasan Bundaran Besar",
        "Hari Bebas Kendaraan Bermotor (car free day) digelar setiap Minggu "
        "pagi di kawasan Bundaran Besar.",
        [
            "Hari Bebas Kendaraan Bermotor dilaksanakan setiap hari Minggu pukul "
            "06.00 sampai 09.00 WIB di kawasan Bundaran Besar dan sebagian ruas "
            "Jalan Yos Sudarso.",
            "Selama kegiatan berlangsung, kendaraan bermotor dialihkan ke jalur "
            "lain. Warga dapat berolahraga, bersepeda, dan menikmati kegiatan seni "
            "serta layanan kesehatan gratis.",
            "Pedagang diminta menempati lokasi yang telah ditentukan dan menjaga "
            "kebersihan.",
        ],
        "current",
    ),
    (
        "Pendaftaran Lomba Kampung Bersih dan Hijau Tingkat Kota",
        "Rukun tetangga di seluruh kelurahan dapat mendaftar lomba kampung "
        "bersih dan hijau melalui kantor kelurahan.",
        [
            "Dinas Lingkungan Hidup Kota Palangka Raya membuka pendaftaran Lomba "
            "Kampung Bersih dan Hijau tingkat kota bagi rukun tetangga (RT) di "
            "seluruh kelurahan.",
            "Penilaian meliputi kebersihan lingkungan, pengelolaan sampah dan bank "
            "sampah, penghijauan, serta partisipasi warga.",
            "Formulir pendaftaran tersedia di kantor kelurahan masing-masing dan "
            "diserahkan kembali sebelum batas waktu pengumuman ini.",
        ],
        "current",
    ),
    (
        "Layanan Pengaduan Masyarakat melalui Kanal Resmi Pemerintah Kota",
        "Pengaduan dan aspirasi warga disampaikan melalui kanal resmi agar "
        "dapat ditindaklanjuti perangkat daerah terkait.",
        [
            "Pemerintah Kota Palangka Raya menerima pengaduan, saran, dan aspirasi "
            "masyarakat melalui kanal resmi: SP4N-LAPOR!, surel "
            "humas@palangkaraya.go.id, dan loket pengaduan di Balai Kota.",
            "Setiap pengaduan diteruskan kepada perangkat daerah yang berwenang "
            "dan ditindaklanjuti sesuai standar pelayanan.",
            "Pemerintah Kota tidak memungut biaya apa pun atas layanan pengaduan. "
            "Waspadai pihak yang mengatasnamakan pemerintah kota.",
        ],
        "open",
    ),
    (
        "Hasil Seleksi Administrasi Calon Pegawai Pemerintah dengan Perjanjian Kerja",
        "Daftar peserta yang lulus seleksi administrasi calon PPPK telah "
        "diumumkan; peserta diminta memantau jadwal tahap berikutnya.",
        [
            "Panitia seleksi mengumumkan hasil seleksi administrasi calon Pegawai "
            "Pemerintah dengan Perjanjian Kerja (PPPK) di lingkungan Pemerintah "
            "Kota Palangka Raya.",
            "Peserta yang dinyatakan memenuhi syarat diminta memantau jadwal dan "
            "lokasi seleksi kompetensi melalui akun masing-masing.",
            "Keputusan panitia bersifat final. Seluruh tahapan seleksi tidak "
            "dipungut biaya.",
        ],
        "expired",
    ),
    (
        "Perubahan Jadwal Pengangkutan Sampah selama Libur Nasional",
        "Jadwal pengangkutan sampah berubah selama libur nasional; warga "
        "diminta membuang sampah sesuai jadwal baru.",
        [
            "Selama libur nasional, pengangkutan sampah dari tempat penampungan "
            "sementara (TPS) dilakukan pada pagi hari saja.",
            "Warga diminta membuang sampah ke TPS pada pukul 18.00 sampai 06.00 "
            "WIB dan tidak meninggalkan sampah di pinggir jalan.",
        ],
        "expired",
    ),
)
ANNOUNCEMENT_STREETS = (
    "G. Obos",
    "RTA Milono",
    "Rajawali",
    "Temanggung Tilung",
    "Mahir Mahar",
    "Seth Adji",
    "Beliang",
)


def plan_announcements(rng):
    """The announcements to seed, with their validity, drawn from ``rng``."""
    street = rng.choice(ANNOUNCEMENT_STREETS)
    specs = []
    for title, summary, paragraphs, kind in ANNOUNCEMENTS:
        if kind == "current":
            starts, ends = rng.randint(1, 20), rng.randint(5, 45)
        elif kind == "expired":
            starts = rng.randint(40, 60)
            ends = -rng.randint(5, 20)
        else:
            starts, ends = rng.randint(30, 50), None
        specs.append(
            AnnouncementSpec(
                title=title.format(jalan=street),
                summary=summary.format(jalan=street),
                paragraphs=[text.format(jalan=street) for text in paragraphs],
                starts_days_ago=starts,
                ends_in_days=ends,
            )
        )
    return specs


def seed_announcements(rng, *, index, users, now):
    """
    Announcements under the portal's "Pengumuman" index: most valid today, two
    expired, one without an end date. Returns a SeedCount.
    """
    count = SeedCount("announcements")
    today = timezone.localtime(now, WIB).date()
    specs = plan_announcements(rng)
    # Published in the order they started, as the office would have.
    for spec in sorted(specs, key=lambda spec: -spec.starts_days_ago):
        if child_with_slug(index, spec.slug) is not None:
            count.add(False)
            continue
        valid_from = today - datetime.timedelta(days=spec.starts_days_ago)
        valid_until = (
            None
            if spec.ends_in_days is None
            else today + datetime.timedelta(days=spec.ends_in_days)
        )
        page = AnnouncementPageFactory.build(
            title=spec.title,
            slug=spec.slug,
            summary=spec.summary,
            valid_from=valid_from,
            valid_until=valid_until,
            body=html_paragraphs(spec.paragraphs),
        )
        page_publish_as_of(
            parent=index,
            page=page,
            published_at=local_moment(valid_from - datetime.timedelta(days=1), 15, 0),
            author=users["adminweb"],
            publisher=users["adminweb"],
        )
        count.add(True)
    return count


def seed_portal(rng, *, users, now):
    """
    The city portal: home intro, contact details, profile pages and
    announcements. Returns a list of SeedCounts.
    """
    home = PortalHomePage.objects.first()
    index = AnnouncementIndexPage.objects.child_of(home).first()
    page_fill_if_empty(home, intro=PORTAL_INTRO)
    page_fill_if_empty(index, intro=ANNOUNCEMENT_INDEX_INTRO, show_in_menus=True)
    site_identity_fill(
        site_for(home),
        address=OFFICE_ADDRESS,
        phone=PORTAL_PHONE,
        email="humas@palangkaraya.go.id",
    )
    today = timezone.localtime(now, WIB).date()
    pages = seed_standard_pages(
        parent=home,
        specs=portal_profile_specs(),
        published_at=local_moment(today - datetime.timedelta(days=75), 9, 0),
        author=users["adminweb"],
        publisher=users["adminweb"],
    )
    announcements = seed_announcements(rng, index=index, users=users, now=now)
    return [pages, announcements]
