"""
The leaders' agenda in public (issue 4, point 2): its page on the Media
Center, its iCalendar feed and the panel on the portal's home.
"""

import datetime
import zoneinfo

import time_machine
from icalendar import Calendar

from media_center.models import AgendaItem, AgendaPage, AgendaStatus, Official
from tests.utils import MEDIA_CENTER_HOST, PORTAL_HOST, SitesTestCase

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
# A Wednesday morning, before the day's first activity.
NOW = datetime.datetime(2026, 11, 25, 7, 0, tzinfo=WIB)
TODAY = NOW.date()
AGENDA_URL = f"http://{MEDIA_CENTER_HOST}/agenda/"
ICS_PATH = "/agenda/kalender/"


def day(offset):
    return TODAY + datetime.timedelta(days=offset)


def agenda_item(officials, **fields):
    fields = {
        "starts_at": datetime.time(9),
        "ends_at": datetime.time(11),
        "place": "Balai Kota Palangka Raya",
        **fields,
    }
    item = AgendaItem.objects.create(**fields)
    item.officials.set(officials)
    return item


def events(response):
    """The VEVENTs of an .ics response, by UID."""
    calendar = Calendar.from_ical(response.content)
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def uid(item):
    return f"agenda-{item.pk}@{MEDIA_CENTER_HOST}"


@time_machine.travel(NOW, tick=False)
class AgendaPublicTests(SitesTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.mayor = Official.objects.create(name="Wali Kota", sort_order=1)
        cls.secretary = Official.objects.create(name="Sekretaris Daerah", sort_order=3)
        cls.festival = agenda_item(
            [cls.mayor, cls.secretary],
            activity="Pembukaan Festival Budaya Isen Mulang",
            date=day(1),
            starts_at=datetime.time(8),
            ends_at=datetime.time(11),
            place="Bundaran Besar Palangka Raya",
            organiser="Disbudpar",
            notes="Protokol: pakaian adat, hadir pukul 07.30.",
        )
        cls.inflation = agenda_item(
            [cls.mayor],
            activity="Rapat Koordinasi Pengendalian Inflasi",
            date=day(0),
            starts_at=datetime.time(13, 30),
            ends_at=None,
            status=AgendaStatus.REPRESENTED,
            represented_by="Asisten Perekonomian dan Pembangunan",
            sequence=1,
        )
        cls.opening = agenda_item(
            [cls.mayor],
            activity="Peresmian Gedung Baru Puskesmas Kayon",
            date=day(2),
            status=AgendaStatus.CANCELLED,
            notes="Ditunda, gedung belum siap.",
            sequence=2,
        )
        cls.internal = agenda_item(
            [cls.mayor, cls.secretary],
            activity="Rapat Internal Pimpinan Daerah",
            date=day(1),
            is_public=False,
            notes="Khusus pimpinan.",
        )
        cls.rally = agenda_item(
            [cls.mayor, cls.secretary],
            activity="Apel Gabungan ASN Awal Bulan",
            date=day(-3),
            starts_at=datetime.time(7, 30),
            ends_at=datetime.time(9),
        )
        cls.musrenbang = agenda_item(
            [cls.mayor], activity="Pembukaan Musrenbang Tingkat Kota", date=day(-10)
        )
        cls.internal_past = agenda_item(
            [cls.mayor],
            activity="Rapat Terbatas Kesiapsiagaan Karhutla",
            date=day(-2),
            is_public=False,
        )
        # Older than the feed reaches (90 days): on the page, not in the feed.
        cls.old = agenda_item(
            [cls.secretary], activity="Rapat Kerja Awal Tahun", date=day(-120)
        )
        cls.agenda_page = AgendaPage.objects.get()

    def agenda(self, path="/agenda/", **kwargs):
        return self.get_on(MEDIA_CENTER_HOST, path, **kwargs)

    # The page -------------------------------------------------------------------

    def test_the_page_is_set_up_with_the_media_center(self):
        page = self.agenda_page
        self.assertEqual(page.get_parent().specific, self.media_center_home)
        self.assertEqual((page.title, page.slug), ("Agenda Pimpinan", "agenda"))
        self.assertTrue(page.live and page.show_in_menus)
        self.assertFalse(AgendaPage.can_create_at(self.media_center_home))
        self.assertPageIsRenderable(page)
        self.assertContains(self.agenda(), 'href="/agenda/" aria-current="page"')
        self.assertEqual(self.get_on(PORTAL_HOST, "/agenda/").status_code, 404)

    def test_upcoming_by_date_then_past_newest_first(self):
        response = self.agenda()

        self.assertTemplateUsed(response, "media_center/agenda_page.html")
        self.assertEqual(
            list(response.context["upcoming"]),
            [self.inflation, self.festival, self.opening],
        )
        self.assertEqual(
            list(response.context["past"]),
            [self.rally, self.musrenbang, self.old],
        )
        html = response.content.decode()
        order = [
            "Kegiatan mendatang",
            "Hari ini",
            "Rabu, 25 November 2026",
            "Rapat Koordinasi Pengendalian Inflasi",
            "Besok",
            "Kamis, 26 November 2026",
            "Pembukaan Festival Budaya Isen Mulang",
            "Jumat, 27 November 2026",
            "Peresmian Gedung Baru Puskesmas Kayon",
            "Kegiatan yang telah berlangsung",
            "Apel Gabungan ASN Awal Bulan",
            "Pembukaan Musrenbang Tingkat Kota",
            "Rapat Kerja Awal Tahun",
        ]
        positions = [html.index(text) for text in order]
        self.assertEqual(positions, sorted(positions))
        self.assertContains(response, '<time datetime="2026-11-26">', count=1)

    def test_each_item_shows_time_officials_place_and_organiser(self):
        response = self.agenda()

        self.assertContains(
            response,
            '<time datetime="2026-11-26T08:00:00+07:00">08.00</time>–'
            '<time datetime="2026-11-26T11:00:00+07:00">11.00</time> WIB',
            html=True,
        )
        # No end known: only the start.
        self.assertContains(
            response, '<time datetime="2026-11-25T13:30:00+07:00">13.30</time> WIB'
        )
        self.assertContains(response, "<dd>Wali Kota, Sekretaris Daerah</dd>")
        self.assertContains(response, "<dd>Bundaran Besar Palangka Raya</dd>")
        self.assertContains(response, "<dt>Penyelenggara</dt><dd>Disbudpar</dd>")

    def test_represented_and_cancelled_items_say_so(self):
        response = self.agenda()

        self.assertContains(
            response, "Diwakilkan oleh Asisten Perekonomian dan Pembangunan"
        )
        self.assertContains(
            response,
            '<span class="agenda-status agenda-status--cancelled">Dibatalkan</span> '
            "<del>Peresmian Gedung Baru Puskesmas Kayon</del>",
        )
        self.assertContains(response, "agenda-item--cancelled", count=1)

    def test_internal_items_and_notes_never_appear(self):
        pages = (
            self.agenda(),
            self.agenda(ICS_PATH),
            self.get_on(PORTAL_HOST, "/"),
        )
        for response in pages:
            with self.subTest(path=response.request["PATH_INFO"]):
                self.assertEqual(response.status_code, 200)
                content = response.content.decode()
                for text in (
                    self.internal.activity,
                    self.internal_past.activity,
                    "Khusus pimpinan",
                    "Protokol: pakaian adat",
                    "Ditunda, gedung belum siap",
                ):
                    self.assertNotIn(text, content)

    def test_links_to_the_feed_and_its_webcal_variant(self):
        response = self.agenda()

        self.assertContains(response, f'href="{AGENDA_URL}kalender/"', count=2)
        self.assertContains(
            response, f'href="webcal://{MEDIA_CENTER_HOST}/agenda/kalender/"'
        )

    def test_past_activities_are_paginated(self):
        AgendaItem.objects.bulk_create(
            AgendaItem(
                activity=f"Kegiatan lama {number}",
                date=day(-20 - number),
                starts_at=datetime.time(9),
                place="Balai Kota",
            )
            for number in range(20)
        )

        first = self.agenda()
        self.assertEqual(first.context["past"].paginator.num_pages, 2)
        self.assertContains(first, "Kegiatan lama 0<")
        second = self.agenda("/agenda/", data={"page": 2})
        self.assertContains(second, "Rapat Kerja Awal Tahun")
        self.assertNotContains(second, "Apel Gabungan ASN")
        self.assertContains(second, "(halaman 2)")
        self.assertEqual(self.agenda("/agenda/", data={"page": 9}).status_code, 404)

    # The iCalendar feed ------------------------------------------------------------

    def test_feed_is_a_calendar_of_the_public_items(self):
        response = self.agenda(ICS_PATH)

        self.assertEqual(response["Content-Type"], "text/calendar; charset=utf-8")
        calendar = Calendar.from_ical(response.content)
        self.assertEqual(str(calendar["VERSION"]), "2.0")
        self.assertEqual(str(calendar["CALSCALE"]), "GREGORIAN")
        self.assertEqual(str(calendar["METHOD"]), "PUBLISH")
        self.assertIn("Warta", str(calendar["PRODID"]))
        self.assertEqual(str(calendar["X-WR-CALNAME"]), "Agenda Pimpinan")
        self.assertEqual(str(calendar["X-WR-TIMEZONE"]), "Asia/Jakarta")
        # Calendars fetch it again within the hour, in RFC 5545 duration form.
        self.assertIn(b"\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n", response.content)
        self.assertIn(b"\r\nX-PUBLISHED-TTL:PT1H\r\n", response.content)
        self.assertEqual(
            [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")],
            ["Asia/Jakarta"],
        )
        self.assertEqual(
            set(events(response)),
            {
                uid(item)
                for item in (
                    self.festival,
                    self.inflation,
                    self.opening,
                    self.rally,
                    self.musrenbang,
                )
            },
        )

    def test_an_event_in_detail(self):
        event = events(self.agenda(ICS_PATH))[uid(self.festival)]

        start = event["DTSTART"]
        self.assertEqual(start.params["TZID"], "Asia/Jakarta")
        self.assertEqual(start.dt, datetime.datetime(2026, 11, 26, 8, tzinfo=WIB))
        self.assertEqual(start.dt.utcoffset(), datetime.timedelta(hours=7))
        self.assertEqual(
            event["DTEND"].dt, datetime.datetime(2026, 11, 26, 11, tzinfo=WIB)
        )
        self.assertEqual(
            str(event["SUMMARY"]),
            "Pembukaan Festival Budaya Isen Mulang (Wali Kota, Sekretaris Daerah)",
        )
        self.assertEqual(str(event["LOCATION"]), "Bundaran Besar Palangka Raya")
        description = str(event["DESCRIPTION"])
        self.assertIn("Pejabat: Wali Kota, Sekretaris Daerah", description)
        self.assertIn("Penyelenggara: Disbudpar", description)
        self.assertNotIn("Protokol", description)
        self.assertEqual(str(event["STATUS"]), "CONFIRMED")
        self.assertEqual(event["SEQUENCE"], 0)
        self.assertEqual(str(event["URL"]), AGENDA_URL)
        self.assertEqual(event["DTSTAMP"].dt, NOW)
        self.assertEqual(event["CREATED"].dt, NOW)
        self.assertEqual(event["LAST-MODIFIED"].dt, NOW)

    def test_changed_represented_and_cancelled_events(self):
        feed = events(self.agenda(ICS_PATH))

        represented = feed[uid(self.inflation)]
        self.assertEqual(represented["SEQUENCE"], 1)
        self.assertNotIn("DTEND", represented)
        self.assertIn(
            "Diwakilkan oleh Asisten Perekonomian dan Pembangunan",
            str(represented["DESCRIPTION"]),
        )
        self.assertEqual(str(represented["STATUS"]), "CONFIRMED")
        cancelled = feed[uid(self.opening)]
        self.assertEqual(str(cancelled["STATUS"]), "CANCELLED")
        self.assertEqual(cancelled["SEQUENCE"], 2)
        self.assertTrue(str(cancelled["SUMMARY"]).startswith("Dibatalkan: "))

    def test_feed_without_items_is_still_a_valid_calendar(self):
        AgendaItem.objects.all().delete()

        calendar = Calendar.from_ical(self.agenda(ICS_PATH).content)

        self.assertEqual(calendar.walk("VEVENT"), [])
        self.assertEqual(len(calendar.walk("VTIMEZONE")), 1)

    # The portal's panel -------------------------------------------------------------

    def test_portal_panel_shows_the_next_public_activities(self):
        response = self.get_on(PORTAL_HOST, "/")

        self.assertEqual(response.context["agenda"], [self.inflation, self.festival])
        self.assertContains(response, "Agenda Pimpinan")
        self.assertContains(response, "Hari ini, 13.30")
        self.assertContains(response, "Besok, 08.00")
        self.assertContains(
            response, "Diwakilkan oleh Asisten Perekonomian dan Pembangunan"
        )
        self.assertContains(response, f'href="{AGENDA_URL}#agenda-{self.festival.pk}"')
        self.assertContains(response, f'href="{AGENDA_URL}"')
        for item in (self.opening, self.rally, self.internal):
            self.assertNotContains(response, item.activity)

    def test_portal_panel_shows_five_at_most_and_an_empty_state(self):
        AgendaItem.objects.bulk_create(
            AgendaItem(
                activity=f"Kunjungan kerja {number}",
                date=day(3),
                starts_at=datetime.time(8 + number),
                place="Balai Kota",
            )
            for number in range(5)
        )
        response = self.get_on(PORTAL_HOST, "/")
        self.assertEqual(len(response.context["agenda"]), 5)
        self.assertNotContains(response, "Kunjungan kerja 3")

        AgendaItem.objects.all().delete()
        response = self.get_on(PORTAL_HOST, "/")
        self.assertContains(
            response, "Belum ada kegiatan pimpinan yang terbuka untuk umum"
        )
        self.assertContains(response, f'href="{AGENDA_URL}"')

    # Cost ----------------------------------------------------------------------------

    def test_query_counts_do_not_grow_with_items(self):
        def add(count):
            items = AgendaItem.objects.bulk_create(
                AgendaItem(
                    activity=f"Kegiatan {number}",
                    # Half upcoming, half past, up to a fortnight away.
                    date=day((number % 15 + 1) * (1 if number % 2 else -1)),
                    starts_at=datetime.time(8 + number % 9),
                    place="Balai Kota",
                    status=AgendaStatus.CANCELLED if number % 7 == 0 else "scheduled",
                )
                for number in range(count)
            )
            through = AgendaItem.officials.through
            through.objects.bulk_create(
                through(agendaitem_id=item.pk, official_id=official.pk)
                for item in items
                for official in (self.mayor, self.secretary)
            )

        def measure():
            return {
                path: self.count_queries(MEDIA_CENTER_HOST, path)
                for path in ("/agenda/", ICS_PATH)
            } | {"portal": self.count_queries(PORTAL_HOST, "/")}

        AgendaItem.objects.all().delete()
        add(10)
        small = measure()
        add(90)
        large = measure()
        self.assertQueryCountsBounded(small, large, limit=12)
