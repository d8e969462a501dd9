"""
The screening's alarms (issue 9, points 4 and 5): the lexicon in the admin;
alarms on submission, at each approval and before publishing, logged and
shown to whoever acts; publishing held on every route until a person with
publish rights declares a false alarm, with a reason; and clean content
never held.
"""

import datetime
import html
import json
import re
from unittest import mock

from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageLogEntry, TaskState

import time_machine

from infopublik.factories import ArticlePageFactory
from infopublik.models import ArticlePage
from moderation import screening
from moderation import services as sop
from moderation.models import LexiconTerm, ScreeningAlarm
from moderation.screening import DEFAULT_LEXICON
from moderation.screening_alarms import (
    ALARM_ACTION,
    CLEARED_ACTION,
    HELD_ACTION,
    PublishHeld,
    revision_screen,
)
from portal.factories import ImageFactory, StandardPageFactory, UserFactory
from portal.models import StandardPage
from tests.moderation.utils import ContentSopTestCase

SPAM_BODY = "Daftar sekarang di ѕlоt gасоr terpercaya."  # Cyrillic ѕ, о, а, с
SPAM_SUMMARY = "Bocoran R.T.P hari ini untuk warga."
FINAL_STEP = "Entri dan Publikasi Admin Website"


def _text(message):
    """A message as the reader sees it: no markup, entities read."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", str(message))).split())


def paragraphs(*texts):
    """A StreamField value of paragraphs, as the factories take it."""
    return [{"type": "paragraph", "value": f"<p>{text}</p>"} for text in texts]


def messages_of(response):
    return [_text(message) for message in response.wsgi_request._messages]


class ScreeningTestCase(ContentSopTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()

        def member(username, *groups):
            user = UserFactory(username=username, first_name=username.title())
            user.groups.add(*Group.objects.filter(name__in=groups))
            return user

        cls.website_admin = member("adminweb", sop.WEBSITE_ADMIN)
        cls.other_admin = member("adminweb2", sop.WEBSITE_ADMIN)
        cls.superuser = UserFactory(username="super", is_superuser=True)

    def article_data(self, title, body=SPAM_BODY, **extra):
        return self.article_form(title, body, **extra)

    def edit_data(self, page, body=SPAM_BODY, **extra):
        """The editor's form for ``page``, keeping its block as the editor does."""
        latest = page.get_latest_revision().as_object()
        return self.article_form(
            latest.title,
            body,
            slug=latest.slug,
            **{"body-0-id": latest.body[0].id, **extra},
        )

    def submit(
        self, title="Rilis Data Penduduk", body=SPAM_BODY, *, user=None, **extra
    ):
        """A writer drafts an article and submits it through the add view."""
        self.client.force_login(user or self.writer)
        response = self.client.post(
            f"/admin/pages/add/infopublik/articlepage/{self.article_index.pk}/",
            self.article_data(title, body, **{"action-submit": "1", **extra}),
        )
        self.assertEqual(response.status_code, 302)
        return ArticlePage.objects.get(title=title), response

    def to_final_step(self, page):
        for reviewer in (self.section_head, self.head):
            response, task_state = self.act(reviewer, page, "approve")
            task_state.refresh_from_db()
            self.assertEqual(task_state.status, TaskState.STATUS_APPROVED)
        page.refresh_from_db()
        self.assertEqual(page.current_workflow_task_state.task.name, FINAL_STEP)

    def open_alarms(self, page):
        return ScreeningAlarm.objects.open().filter(page=page)

    def screening_url(self, page):
        return reverse("moderation_page_screening", args=(page.pk,))

    def declare(self, user, page, reason="Kutipan berita resmi.", findings=None):
        self.client.force_login(user)
        if findings is None:
            findings = sorted({alarm.fingerprint for alarm in self.open_alarms(page)})
        return self.client.post(
            self.screening_url(page), {"findings": findings, "reason": reason}
        )

    def assertNamesFindings(self, text, alarms):  # noqa: N802
        for alarm in alarms:
            self.assertIn(alarm.term, text)
            self.assertIn(alarm.field, text)

    def assertHeldAtFinalStep(self, page):  # noqa: N802
        page.refresh_from_db()
        self.assertFalse(page.live)
        self.assertIsNone(page.live_revision)
        task_state = page.current_workflow_task_state
        self.assertEqual(task_state.task.name, FINAL_STEP)
        self.assertEqual(task_state.status, TaskState.STATUS_IN_PROGRESS)


class LexiconAdminTests(ScreeningTestCase):
    index_url = "/admin/screening-lexicon/"
    add_url = "/admin/screening-lexicon/new/"

    def test_the_starting_lexicon_is_seeded_once(self):
        self.assertEqual(LexiconTerm.objects.count(), len(DEFAULT_LEXICON))
        LexiconTerm.objects.filter(term="togel").delete()

        sop.sop_setup()

        self.assertFalse(LexiconTerm.objects.filter(term="togel").exists())
        self.assertEqual(LexiconTerm.objects.count(), len(DEFAULT_LEXICON) - 1)

    def test_list_search_and_active_filter(self):
        LexiconTerm.objects.filter(term="maxwin").update(active=False)
        self.client.force_login(self.superuser)

        response = self.client.get(self.index_url, {"q": "gacor"})
        self.assertContains(response, "slot gacor")
        self.assertNotContains(response, "sbobet")

        response = self.client.get(self.index_url, {"active": "false"})
        self.assertContains(response, "maxwin")
        self.assertNotContains(response, "sbobet")

    def test_add_a_term_and_refuse_duplicates(self):
        gacor_terms = LexiconTerm.objects.filter(term__icontains="gacor").count()
        self.client.force_login(self.superuser)
        response = self.client.post(
            self.add_url,
            {"term": "  Judi   Kilat ", "note": "Dilihat 2025", "active": "on"},
        )
        self.assertEqual(response.status_code, 302)
        self.assertTrue(LexiconTerm.objects.filter(term="Judi Kilat").exists())

        with translation.override("id"):
            same = translation.gettext("“%(term)s” is already in the lexicon.") % {
                "term": "slot gacor"
            }
            alike = translation.gettext(
                "“%(term)s” is already in the lexicon as “%(other)s”: the "
                "screening reads both the same way."
            ) % {"term": "s.l.o.t g@cor", "other": "slot gacor"}
        for term, message in ((" SLOT  Gacor ", same), ("s.l.o.t g@cor", alike)):
            with self.subTest(term=term):
                response = self.client.post(
                    self.add_url, {"term": term, "active": "on"}
                )
                self.assertEqual(response.status_code, 200)
                self.assertIn(message, _text(response.content.decode()))
        self.assertEqual(
            LexiconTerm.objects.filter(term__icontains="gacor").count(), gacor_terms
        )

    def test_only_administrators_and_those_given_the_permissions(self):
        for user in (self.writer, self.section_head, self.head, self.website_admin):
            with self.subTest(user=user.username):
                self.client.force_login(user)
                response = self.client.get(self.index_url)
                self.assertRedirects(response, "/admin/", fetch_redirect_response=False)
                self.client.post(self.add_url, {"term": "istilah baru", "active": "on"})
                self.assertFalse(
                    LexiconTerm.objects.filter(term="istilah baru").exists()
                )

        keeper = UserFactory(username="pengelola")
        keeper.groups.add(Group.objects.get(name=sop.WEBSITE_ADMIN))
        keeper.user_permissions.add(
            *Permission.objects.filter(
                content_type__app_label="moderation",
                codename__in=("view_lexiconterm", "add_lexiconterm"),
            )
        )
        self.client.force_login(keeper)
        self.assertEqual(self.client.get(self.index_url).status_code, 200)
        response = self.client.post(
            self.add_url, {"term": "istilah baru", "active": "on"}
        )
        self.assertEqual(response.status_code, 302)
        self.assertTrue(LexiconTerm.objects.filter(term="istilah baru").exists())


class AlarmsAlongTheSopTests(ScreeningTestCase):
    def test_submission_records_logs_and_warns(self):
        page, response = self.submit(summary=SPAM_SUMMARY)

        alarms = list(self.open_alarms(page))
        self.assertEqual(
            {alarm.term for alarm in alarms}, {"slot gacor", "bocoran rtp"}
        )
        revision = page.get_latest_revision()
        for alarm in alarms:
            self.assertEqual(alarm.stage, ScreeningAlarm.Stage.SUBMIT)
            self.assertEqual(alarm.revision, revision)
            self.assertEqual(alarm.detected_by, self.writer)
        self.assertNotEqual(alarms[0].field, alarms[1].field)
        # The writer is told, naming each term and field.
        warning = " ".join(messages_of(response))
        self.assertNamesFindings(warning, alarms)
        # One audit log entry per alarm, shown in the page's history.
        entries = PageLogEntry.objects.filter(page=page, action=ALARM_ACTION)
        self.assertEqual(entries.count(), 2)
        self.assertEqual(
            {entry.data["alarm"]["term"] for entry in entries},
            {"slot gacor", "bocoran rtp"},
        )
        self.client.force_login(self.superuser)
        history = self.client.get(
            reverse("wagtailadmin_pages:history", args=(page.pk,))
        )
        self.assertContains(history, "slot gacor")
        # The submission went on.
        self.assertEqual(
            page.current_workflow_task_state.task.name, "Pemeriksaan Kasubbag"
        )

    def test_a_term_in_the_title(self):
        page, response = self.submit(title="Jadwal Togel Kota", body="Data 2026.")

        # In the title and in the address made from it.
        alarms = list(self.open_alarms(page))
        self.assertEqual({alarm.term for alarm in alarms}, {"togel"})
        self.assertEqual(len(alarms), 2)
        self.assertNamesFindings(" ".join(messages_of(response)), alarms)

    def test_reviewers_see_the_alarms_and_approving_warns(self):
        page, _ = self.submit()
        alarm = self.open_alarms(page).get()

        # On the dashboard, where the Kasubbag acts.
        self.client.force_login(self.section_head)
        dashboard = self.client.get("/admin/")
        self.assertContains(dashboard, "screening-alarms-heading")
        self.assertContains(dashboard, self.screening_url(page))
        self.assertContains(dashboard, alarm.term)

        response, task_state = self.act(self.section_head, page, "approve")

        task_state.refresh_from_db()
        self.assertEqual(task_state.status, TaskState.STATUS_APPROVED)
        self.assertRedirects(
            response,
            f"{self.screening_url(page)}?after={task_state.pk}",
            fetch_redirect_response=False,
        )
        shown = self.client.get(response.url)
        self.assertEqual(shown.status_code, 200)
        warning = " ".join(messages_of(shown))
        self.assertIn("Pemeriksaan Kasubbag", warning)
        self.assertNamesFindings(warning, [alarm])
        self.assertContains(shown, alarm.excerpt)
        # The same finding in the same version is one alarm, logged once.
        self.assertEqual(self.open_alarms(page).count(), 1)
        self.assertEqual(
            PageLogEntry.objects.filter(page=page, action=ALARM_ACTION).count(), 1
        )

        # The Kepala may edit: the editor warns.
        self.client.force_login(self.head)
        editor = self.client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
        self.assertNamesFindings(" ".join(messages_of(editor)), [alarm])

    def test_the_last_steps_approval_is_held(self):
        page, _ = self.submit()
        self.to_final_step(page)

        response, task_state = self.act(self.website_admin, page, "approve")

        self.assertHeldAtFinalStep(page)
        self.assertRedirects(
            response,
            f"{self.screening_url(page)}?after={task_state.pk}",
            fetch_redirect_response=False,
        )
        alarm = self.open_alarms(page).get()
        refusal = " ".join(messages_of(self.client.get(response.url)))
        self.assertNamesFindings(refusal, [alarm])
        self.assertIn(page.title, refusal)
        held = PageLogEntry.objects.get(page=page, action=HELD_ACTION)
        self.assertEqual(held.user, self.website_admin)
        self.assertEqual(held.data["alarms"][0]["term"], "slot gacor")

    def test_the_publish_button_at_the_last_step_is_held(self):
        page, _ = self.submit()
        self.to_final_step(page)
        self.client.force_login(self.website_admin)

        response = self.client.post(
            reverse("wagtailadmin_pages:edit", args=(page.pk,)),
            self.article_data(page.title, slug=page.slug, **{"action-publish": "1"}),
        )

        self.assertHeldAtFinalStep(page)
        refusal = " ".join(messages_of(response))
        self.assertNamesFindings(refusal, [self.open_alarms(page).first()])
        self.assertNotIn("sudah ditangani", refusal)
        # What the Admin Website saved is kept as the latest version.
        self.assertIn("terpercaya", str(page.get_latest_revision().content))

    def test_the_editors_approve_action_at_the_last_step_is_held(self):
        page, _ = self.submit()
        self.to_final_step(page)
        self.client.force_login(self.website_admin)

        response = self.client.post(
            reverse("wagtailadmin_pages:edit", args=(page.pk,)),
            self.article_data(
                page.title,
                slug=page.slug,
                **{
                    "action-workflow-action": "1",
                    "workflow-action-name": "approve",
                },
            ),
        )

        self.assertHeldAtFinalStep(page)
        self.assertNamesFindings(
            " ".join(messages_of(response)), [self.open_alarms(page).first()]
        )

    def test_a_superusers_direct_publish_is_held(self):
        self.client.force_login(self.superuser)
        response = self.client.post(
            f"/admin/pages/add/infopublik/articlepage/{self.article_index.pk}/",
            self.article_data("Info Layanan", **{"action-publish": "1"}),
        )

        page = ArticlePage.objects.get(title="Info Layanan")
        self.assertFalse(page.live)
        self.assertIsNone(page.live_revision)
        alarm = self.open_alarms(page).get()
        self.assertEqual(alarm.stage, ScreeningAlarm.Stage.PUBLISH)
        self.assertNamesFindings(" ".join(messages_of(response)), [alarm])
        self.assertTrue(
            PageLogEntry.objects.filter(page=page, action=HELD_ACTION).exists()
        )

    def test_a_superusers_published_copy_with_a_new_title_is_held(self):
        original = ArticlePageFactory(
            parent=self.article_index, title="Profil Dinas", section=self.section
        )
        self.client.force_login(self.superuser)

        response = self.client.post(
            reverse("wagtailadmin_pages:copy", args=(original.pk,)),
            {
                "new_title": "Profil Dinas s.l.o.t g@cor",
                "new_slug": "profil-dinas-salinan",
                "new_parent_page": self.article_index.pk,
                "publish_copies": "on",
            },
        )

        self.assertFalse(
            ArticlePage.objects.filter(slug="profil-dinas-salinan").exists()
        )
        refusal = " ".join(messages_of(response))
        self.assertIn("slot gacor", refusal)
        self.assertTrue(
            PageLogEntry.objects.filter(page=original, action=HELD_ACTION).exists()
        )

    def test_bulk_publish_by_a_superuser_is_held(self):
        draft = ArticlePageFactory(
            parent=self.article_index,
            title="Konsep Massal",
            section=self.section,
            live=False,
            publish=False,
            body=paragraphs(SPAM_BODY),
        )
        draft.save_revision(user=self.writer)
        self.client.force_login(self.superuser)

        response = self.client.post(
            reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
            + f"?id={draft.pk}",
            {},
        )

        draft.refresh_from_db()
        self.assertFalse(draft.live)
        self.assertNamesFindings(
            " ".join(messages_of(response)), [self.open_alarms(draft).get()]
        )


class FalseAlarmDecisionTests(ScreeningTestCase):
    def test_who_may_not_decide_gets_403(self):
        page, _ = self.submit()
        self.to_final_step(page)
        outsider = UserFactory(username="tamu")
        outsider.groups.add(Group.objects.get(name=sop.WRITER))

        for user in (self.writer, self.section_head, self.head, outsider):
            with self.subTest(user=user.username):
                response = self.declare(user, page)
                self.assertEqual(response.status_code, 403)
        self.assertEqual(self.open_alarms(page).count(), 1)
        self.assertFalse(PageLogEntry.objects.filter(action=CLEARED_ACTION).exists())
        # The writer and the reviewers see the alarms; others do not.
        for user, status in (
            (self.writer, 200),
            (self.head, 200),
            (self.website_admin, 200),
            (outsider, 403),
        ):
            self.client.force_login(user)
            self.assertEqual(
                self.client.get(self.screening_url(page)).status_code, status
            )

    def test_the_admin_website_declares_with_a_reason_then_it_publishes(self):
        page, _ = self.submit(summary=SPAM_SUMMARY)
        self.to_final_step(page)
        self.act(self.website_admin, page, "approve")
        self.assertHeldAtFinalStep(page)

        # No reason: nothing recorded, and the form says why.
        response = self.declare(self.website_admin, page, reason="  ")
        self.assertEqual(response.status_code, 200)
        with translation.override("id"):
            self.assertIn(
                translation.gettext("Write why this is a false alarm."),
                _text(response.content.decode()),
            )
        self.assertEqual(self.open_alarms(page).count(), 2)

        # One of the two: the other still holds publishing.
        rtp = self.open_alarms(page).get(term="bocoran rtp")
        response = self.declare(
            self.website_admin, page, "Kutipan siaran pers.", [rtp.fingerprint]
        )
        self.assertEqual(response.status_code, 302)
        self.act(self.website_admin, page, "approve")
        self.assertHeldAtFinalStep(page)

        response = self.declare(self.website_admin, page, "Nama produk UMKM lokal.")
        self.assertEqual(response.status_code, 302)
        self.assertFalse(self.open_alarms(page).exists())
        decided = ScreeningAlarm.objects.get(page=page, term="slot gacor")
        self.assertEqual(decided.cleared_by, self.website_admin)
        self.assertEqual(decided.clear_reason, "Nama produk UMKM lokal.")
        entries = PageLogEntry.objects.filter(page=page, action=CLEARED_ACTION)
        self.assertEqual(
            {entry.data["reason"] for entry in entries},
            {"Kutipan siaran pers.", "Nama produk UMKM lokal."},
        )

        response, task_state = self.act(self.website_admin, page, "approve")
        page.refresh_from_db()
        self.assertTrue(page.live)
        task_state.refresh_from_db()
        self.assertEqual(task_state.status, TaskState.STATUS_APPROVED)

    def test_a_double_submit_records_one_decision(self):
        page, _ = self.submit()
        self.to_final_step(page)
        fingerprints = [self.open_alarms(page).get().fingerprint]

        first = self.declare(self.website_admin, page, "Bukan judi.", fingerprints)
        second = self.declare(self.other_admin, page, "Juga bukan.", fingerprints)

        self.assertEqual(first.status_code, 302)
        self.assertEqual(second.status_code, 302)
        self.assertEqual(
            PageLogEntry.objects.filter(page=page, action=CLEARED_ACTION).count(), 1
        )
        alarm = ScreeningAlarm.objects.get(page=page)
        self.assertEqual(alarm.cleared_by, self.website_admin)
        self.assertEqual(alarm.clear_reason, "Bukan judi.")

    def test_a_publisher_does_not_decide_on_their_own_submission(self):
        page, _ = self.submit(user=self.website_admin)

        response = self.declare(self.website_admin, page)
        self.assertEqual(response.status_code, 403)
        self.assertTrue(self.open_alarms(page).exists())

        response = self.declare(self.other_admin, page)
        self.assertEqual(response.status_code, 302)
        self.assertFalse(self.open_alarms(page).exists())

    def test_the_decision_covers_the_same_finding_later_not_a_new_one(self):
        page, _ = self.submit()
        self.to_final_step(page)
        self.declare(self.website_admin, page, "Nama toko mitra.")
        self.act(self.website_admin, page, "approve")
        page.refresh_from_db()
        self.assertTrue(page.live)

        # A new version with the same finding goes through unheld.
        self.client.force_login(self.writer)
        self.client.post(
            reverse("wagtailadmin_pages:edit", args=(page.pk,)),
            self.edit_data(page, summary="Ringkasan baru.", **{"action-submit": "1"}),
        )
        self.assertFalse(self.open_alarms(page).exists())
        self.to_final_step(page)
        self.act(self.website_admin, page, "approve")
        page.refresh_from_db()
        self.assertIn("Ringkasan baru.", page.summary)

        # A new term is a new alarm, and holds publishing again.
        self.client.force_login(self.writer)
        self.client.post(
            reverse("wagtailadmin_pages:edit", args=(page.pk,)),
            self.edit_data(
                page,
                summary="Isi ulang dengan deposit pulsa.",
                **{"action-submit": "1"},
            ),
        )
        alarm = self.open_alarms(page).get()
        self.assertEqual(alarm.term, "deposit pulsa")
        self.to_final_step(page)
        response, task_state = self.act(self.website_admin, page, "approve")
        page.refresh_from_db()
        self.assertNotIn("deposit pulsa", page.summary)
        refusal = [
            message
            for message in messages_of(self.client.get(response.url))
            if page.title in message
        ]
        self.assertIn("deposit pulsa", refusal[-1])
        self.assertNotIn("slot gacor", refusal[-1])


class LastGuardTests(ScreeningTestCase):
    def spam_revision(self, **fields):
        page = ArticlePageFactory(
            parent=self.article_index, title="Profil Dinas", section=self.section
        )
        page.body = paragraphs(SPAM_BODY)
        for name, value in fields.items():
            setattr(page, name, value)
        return page, page.save_revision(user=self.writer)

    def test_revision_publish_called_directly_is_held(self):
        page, revision = self.spam_revision()
        page.refresh_from_db()
        live_revision = page.live_revision
        self.assertIsNotNone(live_revision)

        with self.assertRaises(PublishHeld) as raised:
            revision.publish()

        page.refresh_from_db()
        self.assertEqual(page.live_revision, live_revision)
        self.assertNotIn("terpercaya", str(page.body))
        self.assertIn("slot gacor", str(raised.exception))
        alarm = self.open_alarms(page).get()
        self.assertEqual(alarm.stage, ScreeningAlarm.Stage.PUBLISH)
        self.assertEqual(
            PageLogEntry.objects.filter(page=page, action=HELD_ACTION).count(), 1
        )

    def test_a_scheduled_publication_waits_for_the_decision(self):
        # Scheduled when the term was not yet in the lexicon.
        page = ArticlePageFactory(
            parent=self.article_index,
            title="Jadwal Layanan",
            section=self.section,
            live=False,
            publish=False,
            body=paragraphs("Main judi kilat."),
        )
        go_live = timezone.now() + datetime.timedelta(hours=1)
        page.go_live_at = go_live
        scheduled = page.save_revision(user=self.writer)
        scheduled.publish()
        scheduled.refresh_from_db()
        self.assertIsNotNone(scheduled.approved_go_live_at)
        LexiconTerm.objects.create(term="judi kilat")

        later = go_live + datetime.timedelta(minutes=5)
        with time_machine.travel(later, tick=False):
            call_command("publish_scheduled", verbosity=0)
            call_command("publish_scheduled", verbosity=0)
        page.refresh_from_db()
        self.assertFalse(page.live)
        scheduled.refresh_from_db()
        self.assertIsNotNone(scheduled.approved_go_live_at)
        self.assertEqual(self.open_alarms(page).get().term, "judi kilat")
        self.assertEqual(
            PageLogEntry.objects.filter(page=page, action=HELD_ACTION).count(), 1
        )

        with time_machine.travel(later, tick=False):
            response = self.declare(
                self.website_admin, page, "Nama permainan tradisional."
            )
            self.assertEqual(response.status_code, 302)
            call_command("publish_scheduled", verbosity=0)
        page.refresh_from_db()
        self.assertTrue(page.live)
        self.assertEqual(page.live_revision, scheduled)


class CleanContentTests(ScreeningTestCase):
    def test_clean_content_goes_through_the_sop_unheld(self):
        page, response = self.submit(body="Jumlah penduduk naik 2 persen.")
        self.assertEqual(
            [m.level for m in response.wsgi_request._messages if m.level >= 30], []
        )
        self.to_final_step(page)
        self.act(self.website_admin, page, "approve")

        page.refresh_from_db()
        self.assertTrue(page.live)
        self.assertFalse(ScreeningAlarm.objects.filter(page=page).exists())
        self.assertFalse(
            PageLogEntry.objects.filter(
                page=page, action__in=(ALARM_ACTION, HELD_ACTION)
            ).exists()
        )
        self.client.force_login(self.website_admin)
        self.assertNotContains(self.client.get("/admin/"), "screening-alarms-heading")

    def test_the_guard_costs_the_same_queries_however_long_the_content(self):
        counts = []
        for number, size in enumerate((1, 1, 12)):
            images = [
                ImageFactory(title=f"Foto {number}-{n}", description="Rapat warga")
                for n in range(size)
            ]
            documents = [
                get_document_model().objects.create(
                    title=f"Lampiran {number}-{n}",
                    file=ContentFile(b"Rekap kegiatan warga.", name=f"rekap-{n}.txt"),
                )
                for n in range(size)
            ]
            body = []
            for image, document in zip(images, documents, strict=True):
                body += [
                    {
                        "type": "image",
                        "value": {
                            "image": {
                                "image": image.pk,
                                "decorative": False,
                                "alt_text": "Warga rapat",
                            },
                            "caption": "Rapat warga",
                            "credit": "",
                        },
                    },
                    {"type": "document", "value": {"document": document.pk}},
                    {
                        "type": "paragraph",
                        "value": f'<p>Unduh <a linktype="document" id="{document.pk}">'
                        f'rekap</a> dan <embed embedtype="image" id="{image.pk}" '
                        'format="fullwidth" alt="Rapat"/></p>',
                    },
                ]
            page = ArticlePageFactory(
                parent=self.article_index,
                title=f"Laporan {number}",
                section=self.section,
                live=False,
                publish=False,
                main_image=images[0],
                main_image_alt="Rapat warga",
                body=body,
            )
            revision = page.save_revision()
            with CaptureQueriesContext(connection) as queries:
                revision.publish()
            page.refresh_from_db()
            self.assertTrue(page.live)
            counts.append(len(queries))
            # The images and documents the page refers to were read.
            sql = " ".join(query["sql"] for query in queries.captured_queries)
            self.assertIn(get_image_model()._meta.db_table, sql)
            self.assertIn(get_document_model()._meta.db_table, sql)
        # The first publication fills Wagtail's caches; then only the size differs.
        self.assertEqual(counts[1], counts[2])

    def test_the_dashboard_panel_takes_the_same_queries_for_2_or_6_pages(self):
        self.client.force_login(self.website_admin)

        def pages_with_alarms(count, start):
            for number in range(start, start + count):
                page = ArticlePageFactory(
                    parent=self.article_index,
                    title=f"Konsep {number}",
                    slug=slugify(f"konsep-{number}"),
                    section=self.section,
                    live=False,
                    publish=False,
                    body=paragraphs(SPAM_BODY),
                )
                revision_screen(
                    page=page,
                    revision=page.save_revision(user=self.writer),
                    stage=ScreeningAlarm.Stage.SUBMIT,
                    user=self.writer,
                )

        self.client.get("/admin/")  # Wagtail's caches filled
        counts = []
        for count, start in ((2, 0), (4, 2)):
            pages_with_alarms(count, start)
            with CaptureQueriesContext(connection) as queries:
                response = self.client.get("/admin/")
            self.assertContains(response, "Konsep 1")
            counts.append(len(queries))
        self.assertContains(response, "Konsep 5")
        self.assertEqual(counts[0], counts[1])


class AdminApiTests(ScreeningTestCase):
    """
    Wagtail's admin API publishes and copies pages without its hooks: its
    publish, copy, alias and convert-alias actions are refused, for everyone.
    """

    def api_action(self, user, page, action, **data):
        self.client.force_login(user)
        return self.client.post(
            f"/admin/api/main/pages/{page.pk}/action/{action}/",
            json.dumps(data),
            content_type="application/json",
        )

    def assertRefused(self, response):  # noqa: N802
        self.assertEqual(response.status_code, 403)
        with translation.override("id"):
            expected = translation.gettext(
                "Pages are published, copied and made aliases in the page editor "
                "and the explorer, where the SOP and the content screening apply, "
                "not through the admin API."
            )
        self.assertEqual(response.json()["detail"], expected)

    def test_publishing_a_draft_with_spam_is_refused(self):
        draft = ArticlePageFactory(
            parent=self.article_index,
            title="Konsep API",
            section=self.section,
            live=False,
            publish=False,
            body=paragraphs(SPAM_BODY),
        )
        draft.save_revision(user=self.writer)

        for user in (self.superuser, self.website_admin):
            with self.subTest(user=user.username):
                self.assertRefused(self.api_action(user, draft, "publish"))
                draft.refresh_from_db()
                self.assertFalse(draft.live)
                self.assertIsNone(draft.live_revision)

    def test_copies_and_aliases_are_refused(self):
        original = ArticlePageFactory(
            parent=self.article_index, title="Profil Dinas", section=self.section
        )
        alias = original.create_alias(update_slug="profil-dinas-alias")
        pages = ArticlePage.objects.count()

        self.assertRefused(
            self.api_action(
                self.website_admin, original, "copy", title="Slot Gacor Maxwin"
            )
        )
        self.assertRefused(
            self.api_action(self.superuser, original, "copy", title="Slot Gacor Maxwin")
        )
        self.assertRefused(
            self.api_action(
                self.superuser, original, "create_alias", update_slug="profil-lain"
            )
        )
        self.assertRefused(self.api_action(self.superuser, alias, "convert_alias"))

        self.assertEqual(ArticlePage.objects.count(), pages)
        self.assertFalse(ArticlePage.objects.filter(title__icontains="gacor").exists())
        alias.refresh_from_db()
        self.assertEqual(alias.alias_of_id, original.pk)

    def test_what_the_admin_uses_still_works(self):
        page = ArticlePageFactory(
            parent=self.article_index, title="Profil Dinas", section=self.section
        )
        self.client.force_login(self.website_admin)
        response = self.client.get(
            "/admin/api/main/pages/",
            {"child_of": self.article_index.pk, "for_explorer": 1},
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn(page.pk, [item["id"] for item in response.json()["items"]])
        # Unpublishing takes nothing live, and stays Wagtail's.
        response = self.api_action(self.superuser, page, "unpublish")
        self.assertEqual(response.status_code, 200)
        page.refresh_from_db()
        self.assertFalse(page.live)


class WhoInjectedDoesNotDecideTests(ScreeningTestCase):
    def test_whoever_wrote_a_version_of_the_draft_does_not_decide(self):
        # The writer drafts; an Admin Website member saves spam into the
        # draft; the writer, not noticing, submits it.
        self.client.force_login(self.writer)
        self.client.post(
            f"/admin/pages/add/infopublik/articlepage/{self.article_index.pk}/",
            self.article_data("Rilis Data Sektoral", body="Data 2026."),
        )
        page = ArticlePage.objects.get(title="Rilis Data Sektoral")
        self.client.force_login(self.website_admin)
        response = self.client.post(
            reverse("wagtailadmin_pages:edit", args=(page.pk,)),
            self.edit_data(page, body=SPAM_BODY),
        )
        self.assertEqual(response.status_code, 302)
        self.client.force_login(self.writer)
        self.client.post(
            reverse("wagtailadmin_pages:edit", args=(page.pk,)),
            self.edit_data(page, body=SPAM_BODY, **{"action-submit": "1"}),
        )
        alarm = self.open_alarms(page).get()
        # First recorded in the writer's submitted version.
        self.assertEqual(alarm.revision.user, self.writer)
        self.to_final_step(page)

        response = self.declare(self.website_admin, page)
        self.assertEqual(response.status_code, 403)
        self.assertTrue(self.open_alarms(page).exists())
        self.act(self.website_admin, page, "approve")
        self.assertHeldAtFinalStep(page)
        # The page shows them why, without the form.
        self.client.force_login(self.website_admin)
        shown = self.client.get(self.screening_url(page))
        self.assertNotContains(shown, 'name="reason"')

        response = self.declare(self.other_admin, page)
        self.assertEqual(response.status_code, 302)
        self.assertFalse(self.open_alarms(page).exists())

    def test_an_edit_after_publication_counts_the_author_of_the_live_version_out(self):
        page = ArticlePageFactory(
            parent=self.article_index,
            title="Profil Dinas",
            section=self.section,
            owner=self.writer,
            body=paragraphs("Main judi kilat."),
        )
        page.save_revision(user=self.other_admin).publish()
        LexiconTerm.objects.create(term="judi kilat")
        # After publication the Admin Website edits the page; the writer submits.
        page.refresh_from_db()
        page.summary = "Ringkasan diperbarui."
        page.save_revision(user=self.website_admin)
        self.client.force_login(self.writer)
        self.client.post(
            reverse("wagtailadmin_pages:edit", args=(page.pk,)),
            self.edit_data(page, body="Main judi kilat.", **{"action-submit": "1"}),
        )
        self.assertEqual(self.open_alarms(page).get().term, "judi kilat")

        self.assertEqual(self.declare(self.website_admin, page).status_code, 403)
        # Whoever wrote the live version, before it, may decide.
        self.assertEqual(self.declare(self.other_admin, page).status_code, 302)
        self.assertFalse(self.open_alarms(page).exists())


class PublishedCopiesTests(ScreeningTestCase):
    def copy(self, page, **data):
        self.client.force_login(self.superuser)
        return self.client.post(
            reverse("wagtailadmin_pages:copy", args=(page.pk,)),
            {
                "new_title": f"{page.title} Salinan",
                "new_slug": f"{page.slug}-salinan",
                "new_parent_page": page.get_parent().pk,
                "publish_copies": "on",
                **data,
            },
        )

    def test_the_originals_live_version_with_a_new_finding_is_held(self):
        original = ArticlePageFactory(
            parent=self.article_index,
            title="Profil Dinas",
            section=self.section,
            body=paragraphs("Main judi kilat."),
        )
        LexiconTerm.objects.create(term="judi kilat")

        response = self.copy(original)

        self.assertFalse(
            ArticlePage.objects.filter(slug="profil-dinas-salinan").exists()
        )
        alarm = self.open_alarms(original).get()
        original.refresh_from_db()
        self.assertEqual(alarm.revision_id, original.live_revision_id)
        self.assertNamesFindings(" ".join(messages_of(response)), [alarm])
        self.assertTrue(
            PageLogEntry.objects.filter(page=original, action=HELD_ACTION).exists()
        )

    def test_the_originals_draft_that_the_copy_would_carry_is_held(self):
        # Wagtail makes the copy's live revision of the original's latest one.
        original = ArticlePageFactory(
            parent=self.article_index, title="Profil Dinas", section=self.section
        )
        original.body = paragraphs(SPAM_BODY)
        original.save_revision(user=self.writer)

        response = self.copy(original)

        self.assertFalse(
            ArticlePage.objects.filter(slug="profil-dinas-salinan").exists()
        )
        self.assertNamesFindings(
            " ".join(messages_of(response)), [self.open_alarms(original).get()]
        )

    def test_a_copied_subpage_is_held(self):
        parent = StandardPageFactory(
            parent=self.portal_home, title="Profil", slug="profil", summary="Profil."
        )
        child = StandardPageFactory(
            parent=parent, title="Sejarah", slug="sejarah", summary="Main judi kilat."
        )
        LexiconTerm.objects.create(term="judi kilat")

        response = self.copy(parent, copy_subpages="on")

        self.assertFalse(StandardPage.objects.filter(slug="profil-salinan").exists())
        alarm = self.open_alarms(child).get()
        child.refresh_from_db()
        self.assertEqual(alarm.revision_id, child.live_revision_id)
        self.assertNamesFindings(" ".join(messages_of(response)), [alarm])
        self.assertFalse(self.open_alarms(parent).exists())

    def test_a_superusers_alias_with_a_new_slug_is_held(self):
        original = ArticlePageFactory(
            parent=self.article_index, title="Profil Dinas", section=self.section
        )

        response = self.copy(
            original, alias="on", publish_copies="", new_slug="slot-gacor-kota"
        )

        self.assertFalse(Page.objects.filter(slug="slot-gacor-kota").exists())
        self.assertIn("slot gacor", " ".join(messages_of(response)))
        self.assertTrue(
            PageLogEntry.objects.filter(page=original, action=HELD_ACTION).exists()
        )

    def test_a_clean_copy_goes_live(self):
        original = ArticlePageFactory(
            parent=self.article_index, title="Profil Dinas", section=self.section
        )
        self.copy(original)
        copy = ArticlePage.objects.get(slug="profil-dinas-salinan")
        self.assertTrue(copy.live)
        self.assertFalse(ScreeningAlarm.objects.exists())


class HeldRecordsKeptTests(ScreeningTestCase):
    def test_bulk_publish_of_a_page_without_a_revision_is_held_and_recorded(self):
        draft = ArticlePageFactory(
            parent=self.article_index,
            title="Konsep Tanpa Revisi",
            section=self.section,
            live=False,
            publish=False,
            body=paragraphs(SPAM_BODY),
        )
        self.assertIsNone(draft.latest_revision_id)
        self.client.force_login(self.superuser)

        response = self.client.post(
            reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
            + f"?id={draft.pk}",
            {},
        )

        self.assertEqual(response.status_code, 302)
        draft.refresh_from_db()
        self.assertFalse(draft.live)
        alarm = self.open_alarms(draft).get()
        self.assertEqual(alarm.revision_id, draft.latest_revision_id)
        self.assertNamesFindings(" ".join(messages_of(response)), [alarm])
        self.assertTrue(
            PageLogEntry.objects.filter(page=draft, action=HELD_ACTION).exists()
        )


class ScreenedOncePerPublishTests(ScreeningTestCase):
    """Each publication is screened once, whatever the route."""

    def spy(self):
        return mock.patch.object(
            screening, "page_findings", wraps=screening.page_findings
        )

    def test_the_last_steps_approval(self):
        page, _ = self.submit(body="Jumlah penduduk naik 2 persen.")
        self.to_final_step(page)

        with self.spy() as page_findings:
            self.act(self.website_admin, page, "approve")

        page.refresh_from_db()
        self.assertTrue(page.live)
        self.assertEqual(page_findings.call_count, 1)

    def test_a_superusers_publish_on_creation(self):
        self.client.force_login(self.superuser)
        with self.spy() as page_findings:
            self.client.post(
                f"/admin/pages/add/infopublik/articlepage/{self.article_index.pk}/",
                self.article_data(
                    "Info Layanan",
                    body="Layanan buka pukul 08.00.",
                    **{"action-publish": "1"},
                ),
            )
        self.assertTrue(ArticlePage.objects.get(title="Info Layanan").live)
        self.assertEqual(page_findings.call_count, 1)

    def test_bulk_publish(self):
        with_revision = ArticlePageFactory(
            parent=self.article_index,
            title="Konsep Satu",
            section=self.section,
            live=False,
            publish=False,
        )
        with_revision.save_revision(user=self.writer)
        without_revision = ArticlePageFactory(
            parent=self.article_index,
            title="Konsep Dua",
            section=self.section,
            live=False,
            publish=False,
        )
        self.client.force_login(self.superuser)

        with self.spy() as page_findings:
            self.client.post(
                reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
                + f"?id={with_revision.pk}&id={without_revision.pk}",
                {},
            )

        for page in (with_revision, without_revision):
            page.refresh_from_db()
            self.assertTrue(page.live)
            self.assertEqual(page.revisions.count(), 1)
        self.assertEqual(page_findings.call_count, 2)
