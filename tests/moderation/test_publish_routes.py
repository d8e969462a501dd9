"""
Only the final step publishes: the people before it cannot publish,
unpublish or schedule by any route of the admin.
"""

import datetime

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page

import time_machine

from infopublik.factories import ArticlePageFactory
from infopublik.models import ArticlePage
from media_center.factories import NewsPageFactory
from moderation import services as sop
from portal.factories import UserFactory

from .utils import ContentSopTestCase


class UnreviewedDraftMixin:
    def unreviewed_draft(self, title, *, author):
        """An article its author saved and never submitted."""
        draft = ArticlePageFactory(
            parent=self.article_index,
            title=title,
            section=self.section,
            live=False,
            publish=False,
        )
        draft.save_revision(user=author)
        return draft


class PublishRoutesTests(UnreviewedDraftMixin, ContentSopTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.media_center_team = UserFactory(username="redaktur")
        cls.media_center_team.groups.add(Group.objects.get(name=sop.MEDIA_CENTER_TEAM))
        cls.live_article = ArticlePageFactory(
            parent=cls.article_index, title="Profil Dinas", section=cls.section
        )
        cls.live_news = NewsPageFactory(parent=cls.news_index, title="Berita Lama")

    def assertStillLive(self, page, revision=None):  # noqa: N802
        page.refresh_from_db()
        self.assertTrue(page.live)
        if revision is not None:
            self.assertEqual(page.live_revision, revision)

    def non_publishers(self):
        return (
            (self.writer, self.live_article),
            (self.section_head, self.live_article),
            (self.head, self.live_article),
            (self.media_center_team, self.live_news),
        )

    def test_unpublish_view_refused(self):
        for user, page in self.non_publishers():
            with self.subTest(user=user.username):
                self.client.force_login(user)
                self.client.post(
                    reverse("wagtailadmin_pages:unpublish", args=(page.pk,))
                )
                self.assertStillLive(page)

    def test_bulk_publish_and_unpublish_refused(self):
        draft = self.unreviewed_draft("Konsep", author=self.writer)
        for user, page in self.non_publishers():
            with self.subTest(user=user.username):
                self.client.force_login(user)
                self.client.post(
                    reverse(
                        "wagtail_bulk_action",
                        args=("wagtailcore", "page", "unpublish"),
                    )
                    + f"?id={page.pk}",
                    {},
                )
                self.assertStillLive(page)
                self.client.post(
                    reverse(
                        "wagtail_bulk_action", args=("wagtailcore", "page", "publish")
                    )
                    + f"?id={draft.pk}",
                    {},
                )
                draft.refresh_from_db()
                self.assertFalse(draft.live)

    def test_copy_with_publish_is_refused(self):
        # A page the writer wrote, published by the SOP: the writer may copy it.
        own = ArticlePageFactory(
            parent=self.article_index,
            title="Profil Dinas",
            slug="profil-dinas-penulis",
            section=self.section,
            owner=self.writer,
        )
        self.client.force_login(self.writer)
        self.client.post(
            reverse("wagtailadmin_pages:copy", args=(own.pk,)),
            {
                "new_title": "Profil Dinas (salinan)",
                "new_slug": "profil-dinas-salinan",
                "new_parent_page": self.article_index.pk,
                "publish_copies": "on",
            },
        )
        self.assertFalse(
            ArticlePage.objects.filter(slug="profil-dinas-salinan", live=True).exists()
        )

    def test_revert_and_publish_refused(self):
        self.live_article.refresh_from_db()
        old_revision = self.live_article.live_revision
        self.live_article.title = "Profil Dinas 2026"
        newer = self.live_article.save_revision(user=self.writer)
        newer.publish()
        self.client.force_login(self.writer)
        url = reverse(
            "wagtailadmin_pages:revisions_revert",
            args=(self.live_article.pk, old_revision.pk),
        )
        self.client.post(
            url,
            self.article_form(
                "Profil Dinas",
                "Lama.",
                slug=self.live_article.slug,
                **{"action-publish": "1"},
            ),
        )
        self.assertStillLive(self.live_article, newer)

    def test_a_go_live_date_in_a_draft_is_not_a_schedule(self):
        page = self.submit_article(self.writer)
        self.act(self.section_head, page, "reject", "Belum lengkap.")
        self.client.force_login(self.writer)
        go_live = timezone.now() + datetime.timedelta(hours=1)
        self.client.post(
            reverse("wagtailadmin_pages:edit", args=(page.pk,)),
            self.article_form(
                page.title,
                "Isi.",
                slug=page.slug,
                go_live_at=go_live.strftime("%Y-%m-%d %H:%M"),
                **{"action-publish": "1"},
            ),
        )
        with time_machine.travel(go_live + datetime.timedelta(minutes=5)):
            call_command("publish_scheduled", verbosity=0)
        page.refresh_from_db()
        self.assertFalse(page.live)
        self.assertFalse(
            page.revisions.filter(approved_go_live_at__isnull=False).exists()
        )

    def test_no_api_publishes(self):
        # Wagtail's API (read-only v2, no v3) is not installed at all.
        response = self.client.get(
            "/api/v2/pages/", HTTP_HOST=self.portal_site.hostname
        )
        self.assertEqual(response.status_code, 404)
        self.assertFalse(
            Page.objects.filter(pk=self.live_article.pk, live=False).exists()
        )


class PublishersPublishOnlyAtTheLastStepTests(UnreviewedDraftMixin, ContentSopTestCase):
    """Publishers hold Wagtail's publish permission, for the last step only."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.website_admin = UserFactory(username="adminweb")
        cls.website_admin.groups.add(Group.objects.get(name=sop.WEBSITE_ADMIN))
        cls.other_admin = UserFactory(username="adminweb2")
        cls.other_admin.groups.add(Group.objects.get(name=sop.WEBSITE_ADMIN))

    def test_creating_and_publishing_at_once_keeps_a_draft(self):
        self.client.force_login(self.website_admin)
        response = self.client.post(
            f"/admin/pages/add/infopublik/articlepage/{self.article_index.pk}/",
            self.article_form("Tanpa Pemeriksaan", "Isi.", **{"action-publish": "1"}),
            follow=True,
        )
        page = ArticlePage.objects.get(title="Tanpa Pemeriksaan")
        self.assertFalse(page.live)
        self.assertIsNone(page.live_revision)
        self.assertEqual(page.get_latest_revision().user, self.website_admin)
        self.assertContains(response, "langkah terakhir SOP")
        self.assertEqual(
            self.get_on(
                self.infopublik_site.hostname, "/artikel/tanpa-pemeriksaan/"
            ).status_code,
            404,
        )

    def test_publishing_an_unreviewed_draft_keeps_it_a_draft(self):
        draft = self.unreviewed_draft("Konsep Admin", author=self.website_admin)
        self.client.force_login(self.website_admin)
        self.client.post(
            reverse("wagtailadmin_pages:edit", args=(draft.pk,)),
            self.article_form("Konsep Admin", "Diubah.", **{"action-publish": "1"}),
        )
        draft.refresh_from_db()
        self.assertFalse(draft.live)
        self.assertIn("Diubah.", str(draft.get_latest_revision().content))

    def test_the_publish_button_at_the_last_step_approves_it(self):
        page = self.submit_article(self.writer)
        self.act(self.section_head, page, "approve")
        self.act(self.head, page, "approve")
        self.client.force_login(self.website_admin)
        self.client.post(
            reverse("wagtailadmin_pages:edit", args=(page.pk,)),
            self.article_form(page.title, "Rapi.", **{"action-publish": "1"}),
        )
        page.refresh_from_db()
        self.assertTrue(page.live)
        run = page.workflow_states.get()
        self.assertEqual(run.status, "approved")
        self.assertEqual(
            run.task_states.get(
                task__name="Entri dan Publikasi Admin Website"
            ).finished_by,
            self.website_admin,
        )

    def test_a_publisher_cannot_publish_what_they_submitted(self):
        page = self.submit_article(self.website_admin, title="Rilis Admin")
        self.act(self.section_head, page, "approve")
        self.act(self.head, page, "approve")
        final_step = page.current_workflow_task_state

        # Approving their own submission is refused...
        self.act(self.website_admin, page, "approve")
        final_step.refresh_from_db()
        self.assertEqual(final_step.status, "in_progress")

        # ...and so is the publish button; the new version they saved sends
        # the run back to the first step, as any outside edit does.
        self.client.force_login(self.website_admin)
        self.client.post(
            reverse("wagtailadmin_pages:edit", args=(page.pk,)),
            self.article_form(page.title, "Langsung.", **{"action-publish": "1"}),
        )
        page.refresh_from_db()
        self.assertFalse(page.live)
        self.assertEqual(
            page.current_workflow_task_state.task.name, "Pemeriksaan Kasubbag"
        )

    def test_bulk_publish_refused(self):
        draft = self.unreviewed_draft("Konsep Massal", author=self.website_admin)
        self.client.force_login(self.website_admin)
        self.client.post(
            reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
            + f"?id={draft.pk}",
            {},
        )
        draft.refresh_from_db()
        self.assertFalse(draft.live)


class ScheduledPublicationTests(ContentSopTestCase):
    def test_a_superuser_schedules_a_publication_that_goes_live_on_time(self):
        superuser = UserFactory(username="super", is_superuser=True)
        page = ArticlePageFactory(
            parent=self.article_index,
            title="Jadwal Layanan",
            section=self.section,
            live=False,
            publish=False,
        )
        go_live = timezone.now() + datetime.timedelta(hours=1)
        self.client.force_login(superuser)
        self.client.post(
            reverse("wagtailadmin_pages:edit", args=(page.pk,)),
            self.article_form(
                page.title,
                "Terjadwal.",
                slug=page.slug,
                go_live_at=timezone.localtime(go_live).strftime("%Y-%m-%d %H:%M"),
                **{"action-publish": "1"},
            ),
        )
        # Scheduling marks the settled version; it is not a rewrite of it.
        scheduled = page.revisions.get(approved_go_live_at__isnull=False)
        page.refresh_from_db()
        self.assertFalse(page.live)
        with time_machine.travel(go_live + datetime.timedelta(minutes=5)):
            call_command("publish_scheduled", verbosity=0)
        page.refresh_from_db()
        self.assertTrue(page.live)
        self.assertEqual(page.live_revision, scheduled)
