"""
Nothing erased: purge_revisions keeps published and reviewed revisions with
their approval records, and people the record names are deactivated, not
deleted.
"""

import datetime
import io
from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.db.models.deletion import ProtectedError
from django.test import TransactionTestCase
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.models import PageLogEntry, Revision, TaskState
from wagtail.users.models import UserProfile

from infopublik.factories import SectionFactory
from infopublik.models import ArticleIndexPage
from moderation import retention
from moderation import services as sop
from moderation.models import ArchiveRecord
from portal.factories import UserFactory
from tests.utils import group_member

from .utils import ContentSopTestCase

User = get_user_model()


class HistoryMixin:
    """A content SOP run through the admin, with a restart and a return for correction."""

    def edit(self, user, page, body, **action):
        self.client.force_login(user)
        return self.client.post(
            reverse("wagtailadmin_pages:edit", args=(page.pk,)),
            self.article_form(page.title, body, slug=page.slug, **action),
        )

    def draft(self, page, body):
        """The writer saves a plain draft through the editor; returns its revision."""
        response = self.edit(self.writer, page, body)
        self.assertEqual(response.status_code, 302)
        return Revision.objects.for_instance(page).latest("pk")

    def publish_article(self):
        """The content SOP from submission to publication, every step approved."""
        page = self.submit_article(self.writer)
        for user in (self.section_head, self.head, self.website_admin):
            self.act(user, page, "approve")
        page.refresh_from_db()
        self.assertTrue(page.live)
        return page

    def build_history(self):
        """
        Returns the page and its revisions by name: ``superseded`` (approved
        by the Kasubbag, then the run restarted), ``returned`` (returned for
        correction), ``drafts`` (two plain drafts), ``published`` and
        ``latest`` (a draft after publication).
        """
        page = self.submit_article(self.writer)
        superseded = Revision.objects.for_instance(page).get()
        self.act(self.section_head, page, "approve")
        # A version saved during the Kepala's step by someone else restarts
        # the run: the Kasubbag's approval is cancelled.
        page.refresh_from_db()
        returned = page.specific.save_revision(user=self.writer)
        self.act(self.section_head, page, "reject", "Sebutkan sumber data BPS.")
        drafts = [
            self.draft(page, "Data 2026, sumber BPS (draf)."),
            self.draft(page, "Data 2026, sumber BPS (draf 2)."),
        ]
        response = self.edit(
            self.writer, page, "Data 2026, sumber BPS.", **{"action-submit": "1"}
        )
        self.assertEqual(response.status_code, 302)
        published = Revision.objects.for_instance(page).latest("pk")
        self.act(self.section_head, page, "approve")
        self.act(self.head, page, "approve")
        self.act(self.website_admin, page, "approve")
        page.refresh_from_db()
        self.assertTrue(page.live)
        self.assertEqual(page.live_revision, published)
        latest = self.draft(page, "Data 2027.")
        return page, {
            "superseded": superseded,
            "returned": returned,
            "drafts": drafts,
            "published": published,
            "latest": latest,
        }


class RetentionTestCase(HistoryMixin, ContentSopTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.website_admin = UserFactory(username="adminweb", first_name="Adminweb")
        cls.website_admin.groups.add(Group.objects.get(name=sop.WEBSITE_ADMIN))
        cls.superuser = UserFactory(username="admin", is_superuser=True)
        # The assertions read the English msgids, whatever locale/ holds.
        UserProfile.objects.create(user=cls.superuser, preferred_language="en")


class RevisionProtectionTests(RetentionTestCase):
    def test_what_protects_each_revision(self):
        page, revisions = self.build_history()
        superseded = revisions["superseded"]
        # Its only task states are cancelled: the approval log entry protects it.
        self.assertEqual(
            set(superseded.task_states.values_list("status", flat=True)),
            {TaskState.STATUS_CANCELLED},
        )
        self.assertIsNotNone(retention.revision_protection(superseded))
        self.assertIsNotNone(retention.revision_protection(revisions["returned"]))
        published = retention.revision_protection(revisions["published"])
        self.assertEqual(list(published.objects), [page.page_ptr])
        for draft in revisions["drafts"]:
            with self.assertNumQueries(4):
                self.assertIsNone(retention.revision_protection(draft))

    def test_a_direct_delete_is_refused_and_the_draft_is_not(self):
        _page, revisions = self.build_history()
        with (
            self.assertRaises(ProtectedError) as refused,
            transaction.atomic(),
            translation.override("en"),
        ):
            revisions["returned"].delete()
        self.assertIn("approved or returned", str(refused.exception.args[0]))
        self.assertTrue(
            TaskState.objects.filter(revision=revisions["returned"]).exists()
        )
        revisions["drafts"][0].delete()
        self.assertFalse(Revision.objects.filter(pk=revisions["drafts"][0].pk).exists())

    def test_deleting_the_page_still_takes_its_revisions(self):
        page, revisions = self.build_history()
        page.delete()
        self.assertFalse(Revision.objects.filter(pk=revisions["published"].pk).exists())
        record = ArchiveRecord.objects.get(revision_number=revisions["published"].pk)
        self.assertEqual(record.page_title, "Rilis Data Penduduk")


class PurgeRevisionsTests(HistoryMixin, TransactionTestCase):
    """
    In real transactions, as from cron: a refused delete rolls back its own
    transaction, which inside a test case's transaction would break it.
    """

    serialized_rollback = True
    article_form = ContentSopTestCase.article_form
    submit_article = ContentSopTestCase.submit_article
    act = ContentSopTestCase.act

    def setUp(self):
        cache.clear()
        sop.sop_setup()
        self.section = SectionFactory(name="Bidang Statistik")
        self.article_index = ArticleIndexPage.objects.get()
        self.writer = group_member("penulis", sop.WRITER)
        self.section_head = group_member("kasubbag", sop.SECTION_HEAD)
        self.head = group_member("kepala", sop.HEAD)
        self.website_admin = group_member("adminweb", sop.WEBSITE_ADMIN)

    def purge(self, *args):
        out = io.StringIO()
        call_command("purge_revisions", *args, stdout=out)
        return out.getvalue()

    def test_purge_keeps_published_and_reviewed_revisions(self):
        page, revisions = self.build_history()
        kept = [
            revisions["superseded"],
            revisions["returned"],
            revisions["published"],
        ]
        task_states = set(
            TaskState.objects.filter(revision__in=kept).values_list("pk", flat=True)
        )
        self.assertEqual(len(task_states), 6)
        # Old enough for --days as well.
        Revision.objects.update(created_at=timezone.now() - datetime.timedelta(60))
        drafts = revisions["drafts"]
        latest = revisions["latest"]

        for args in ((), ("--days", "30"), ("--pages",), ("--non-pages",)):
            with self.subTest(args=args):
                output = self.purge(*args)
                remaining = set(
                    Revision.objects.for_instance(page).values_list("pk", flat=True)
                )
                self.assertLessEqual({r.pk for r in kept} | {latest.pk}, remaining)
                self.assertEqual(
                    set(
                        TaskState.objects.filter(revision__in=kept).values_list(
                            "pk", flat=True
                        )
                    ),
                    task_states,
                )
                if args == ("--non-pages",):
                    # This project has no revisions but pages'.
                    self.assertIn("No revisions deleted", output)
                    self.assertTrue(remaining & {d.pk for d in drafts})
                    continue
                self.assertFalse(remaining & {d.pk for d in drafts}, output)
                self.assertIn(f"Successfully deleted {len(drafts)} revisions", output)
                self.assertIn(f"Ignored {len(kept)} revisions", output)
                # Fresh drafts for the next run: the former latest and one more.
                drafts = [latest, self.draft(page, "Data 2027, lagi.")]
                latest = self.draft(page, "Data 2027, sekali lagi.")
                Revision.objects.filter(pk__in=[d.pk for d in drafts]).update(
                    created_at=timezone.now() - datetime.timedelta(60)
                )


class UserProtectionTests(RetentionTestCase):
    def setUp(self):
        super().setUp()
        self.page = self.publish_article()
        self.idle = UserFactory(username="baru", first_name="Baru", last_name="Saja")

    def delete_url(self, user):
        return reverse("wagtailusers_users:delete", args=(user.pk,))

    def edit_url(self, user):
        return reverse("wagtailusers_users:edit", args=(user.pk,))

    def bulk_delete_url(self, *users):
        query = urlencode(
            {
                "next": reverse("wagtailusers_users:index"),
                "id": [user.pk for user in users],
            },
            doseq=True,
        )
        args = (User._meta.app_label, User._meta.model_name, "delete")
        return f"{reverse('wagtail_bulk_action', args=args)}?{query}"

    def test_everyone_on_the_record_is_protected_and_told_why(self):
        expected = {
            self.writer: ["wrote 1 version", "submitted content for review 1 time"],
            self.section_head: ["approved, returned or closed 1 SOP step"],
            self.head: ["approved, returned or closed 1 SOP step"],
            self.website_admin: [
                "approved, returned or closed 1 SOP step",
                "published or unpublished content 1 time",
                "named on 1 archive record",
            ],
        }
        for user, facts in expected.items():
            with self.subTest(user=user.username), translation.override("en"):
                protection = retention.user_protection(user)
                self.assertIsNotNone(protection)
                self.assertIn(user.get_full_name(), protection.reason)
                for fact in facts:
                    self.assertIn(fact, protection.reason)
        self.assertIsNone(retention.user_protection(self.idle))

    def test_a_return_for_correction_protects_the_reviewer(self):
        reviewer = UserFactory(username="kasubbag2", first_name="Kasubbag2")
        reviewer.groups.add(Group.objects.get(name=sop.SECTION_HEAD))
        page = self.submit_article(self.writer, title="Rilis Data Kemiskinan")
        self.act(reviewer, page, "reject", "Sebutkan sumber data BPS.")
        with translation.override("en"):
            protection = retention.user_protection(reviewer)
        self.assertIn("approved, returned or closed 1 SOP step", protection.reason)

    def test_the_admin_delete_view_refuses_and_offers_deactivation(self):
        self.client.force_login(self.superuser)
        response = self.client.get(self.delete_url(self.writer), follow=True)
        self.assertRedirects(response, self.edit_url(self.writer))
        self.assertContains(response, "cannot be deleted")
        self.assertContains(response, "wrote 1 version")
        self.assertContains(response, "Deactivate Penulis")

        response = self.client.post(self.delete_url(self.writer))
        self.assertRedirects(response, self.edit_url(self.writer))
        self.assertTrue(User.objects.filter(pk=self.writer.pk).exists())

    def test_bulk_delete_deletes_nobody_when_anyone_is_on_the_record(self):
        self.client.force_login(self.superuser)
        response = self.client.post(
            self.bulk_delete_url(self.head, self.idle), follow=True
        )
        self.assertContains(response, "cannot be deleted")
        self.assertContains(response, self.edit_url(self.head))
        self.assertContains(response, "No user was deleted.")
        self.assertEqual(
            User.objects.filter(pk__in=[self.head.pk, self.idle.pk]).count(), 2
        )

    def test_deleting_the_user_object_is_refused(self):
        with (
            self.assertRaises(ProtectedError) as refused,
            transaction.atomic(),
            translation.override("en"),
        ):
            self.website_admin.delete()
        self.assertIn("published or unpublished", str(refused.exception.args[0]))
        self.assertTrue(refused.exception.protected_objects)
        self.assertTrue(User.objects.filter(pk=self.website_admin.pk).exists())

    def test_deactivation_keeps_the_name_on_everything(self):
        self.client.force_login(self.superuser)
        response = self.client.post(
            self.edit_url(self.writer),
            {
                "username": self.writer.username,
                "email": self.writer.email,
                "first_name": self.writer.first_name,
                "last_name": self.writer.last_name,
                "groups": list(self.writer.groups.values_list("pk", flat=True)),
            },
        )
        self.assertRedirects(response, reverse("wagtailusers_users:index"))
        self.writer.refresh_from_db()
        self.assertFalse(self.writer.is_active)
        record = ArchiveRecord.objects.get(page=self.page)
        self.assertEqual(record.written_by, self.writer)
        self.assertEqual(record.written_by_name, self.writer.get_full_name())
        self.assertEqual(self.page.live_revision.user, self.writer)
        self.assertTrue(
            PageLogEntry.objects.filter(
                page=self.page, action="wagtail.workflow.start", user=self.writer
            ).exists()
        )
        response = self.client.get(
            reverse("wagtailadmin_pages:history", args=(self.page.pk,))
        )
        self.assertContains(response, self.writer.get_full_name())

    def test_someone_who_did_nothing_can_be_deleted(self):
        self.client.force_login(self.superuser)
        response = self.client.get(self.delete_url(self.idle))
        self.assertEqual(response.status_code, 200)
        response = self.client.post(self.delete_url(self.idle))
        self.assertRedirects(response, reverse("wagtailusers_users:index"))
        self.assertFalse(User.objects.filter(pk=self.idle.pk).exists())

        others = [UserFactory(username=f"magang{n}") for n in range(2)]
        response = self.client.post(self.bulk_delete_url(*others))
        self.assertEqual(response.status_code, 302)
        self.assertFalse(User.objects.filter(pk__in=[u.pk for u in others]).exists())
