"""
Both SOPs end to end through the admin, with returns, restarts in SOP order,
the overwrite guard and double clicks.
"""

import threading
from unittest import skipUnless

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test import Client, TransactionTestCase
from django.urls import reverse

from wagtail.models import PageLogEntry, Revision, TaskState, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from infopublik.factories import ArticlePageFactory, SectionFactory
from infopublik.models import ArticleIndexPage, ArticlePage
from media_center.factories import RubricFactory
from media_center.models import NewsPage
from moderation import runs
from moderation import services as sop
from portal.factories import ImageFactory, UserFactory
from tests.utils import INFOPUBLIK_HOST, MEDIA_CENTER_HOST

from .utils import ContentSopTestCase


class ContentSopPathTests(ContentSopTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.website_admin = UserFactory(username="adminweb")
        cls.website_admin.groups.add(Group.objects.get(name=sop.WEBSITE_ADMIN))
        cls.superuser = UserFactory(username="admin", is_superuser=True)

    def edit(self, user, page, body, **action):
        self.client.force_login(user)
        return self.client.post(
            reverse("wagtailadmin_pages:edit", args=(page.pk,)),
            self.article_form(page.title, body, slug=page.slug, **action),
        )

    def current_step(self, page):
        page.refresh_from_db()
        task_state = page.current_workflow_task_state
        return task_state.task.name if task_state else None

    def task_states(self, page, task_name):
        return TaskState.objects.filter(
            workflow_state__object_id=str(page.pk), task__name=task_name
        )

    def test_whole_content_sop_with_a_return_and_a_restart(self):
        page = self.submit_article(self.writer)
        self.assertEqual(self.current_step(page), "Pemeriksaan Kasubbag")

        self.act(self.section_head, page, "approve")
        self.assertEqual(self.current_step(page), "Persetujuan Kepala")

        self.act(self.head, page, "reject", "Sebutkan sumber data BPS.")
        page.refresh_from_db()
        self.assertEqual(page.current_workflow_state.status, "needs_changes")

        # The writer sees why, on the page, and the button names the first step.
        self.client.force_login(self.writer)
        edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
        response = self.client.get(edit_url)
        self.assertContains(response, "Sebutkan sumber data BPS.")
        self.assertContains(
            response, "Jumlah pengembalian sejauh ini: Persetujuan Kepala 1×"
        )
        self.assertContains(response, "Kirim ulang ke Pemeriksaan Kasubbag")
        self.assertNotContains(response, "Kirim ulang ke Persetujuan Kepala")

        # Corrected and resubmitted: the run starts again at the Kasubbag.
        response = self.edit(
            self.writer, page, "Data 2026, sumber BPS.", **{"action-submit": "1"}
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.current_step(page), "Pemeriksaan Kasubbag")
        first_check = self.task_states(page, "Pemeriksaan Kasubbag").order_by("pk")
        self.assertEqual(
            [state.status for state in first_check], ["cancelled", "in_progress"]
        )
        self.assertTrue(
            PageLogEntry.objects.filter(page=page, action=runs.RESTART_ACTION).exists()
        )
        # The earlier approval stays in the history.
        self.assertEqual(
            PageLogEntry.objects.filter(
                page=page, action="wagtail.workflow.approve", user=self.section_head
            ).count(),
            1,
        )

        self.act(self.section_head, page, "approve")
        # The Kepala corrects a word in her step and approves: no restart.
        response = self.edit(
            self.head,
            page,
            "Data 2026, sumber Badan Pusat Statistik.",
            **{"action-workflow-action": "1", "workflow-action-name": "approve"},
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.current_step(page), "Entri dan Publikasi Admin Website")

        self.act(self.website_admin, page, "approve")
        page.refresh_from_db()
        self.assertTrue(page.live)
        self.assertEqual(page.current_workflow_state, None)
        self.assertEqual(
            WorkflowState.objects.get(object_id=str(page.pk)).status, "approved"
        )
        response = self.get_on(INFOPUBLIK_HOST, page.url)
        self.assertContains(response, "sumber Badan Pusat Statistik")
        self.assertEqual(page.live_revision.user, self.head)

    def test_return_to_the_previous_step(self):
        page = self.submit_article(self.writer)
        self.act(self.section_head, page, "approve")

        # A reason is required.
        self.act(self.head, page, "return_previous", "")
        self.assertEqual(self.current_step(page), "Persetujuan Kepala")

        self.act(self.head, page, "return_previous", "Angka kecamatan Jekan Raya?")
        self.assertEqual(self.current_step(page), "Pemeriksaan Kasubbag")
        kepala = self.task_states(page, "Persetujuan Kepala").get()
        self.assertEqual(kepala.status, "rejected")
        self.assertEqual(kepala.comment, "Angka kecamatan Jekan Raya?")
        self.assertEqual(
            [s.status for s in self.task_states(page, "Pemeriksaan Kasubbag")],
            ["cancelled", "in_progress"],
        )
        self.assertTrue(
            PageLogEntry.objects.filter(
                page=page, action=runs.RETURN_TO_PREVIOUS_ACTION, user=self.head
            ).exists()
        )
        # Checked again, the content goes on to the Kepala.
        self.act(self.section_head, page, "approve")
        self.assertEqual(self.current_step(page), "Persetujuan Kepala")

    def test_the_return_dialog_asks_for_the_reason(self):
        page = self.submit_article(self.writer)
        self.act(self.section_head, page, "approve")
        page.refresh_from_db()
        self.client.force_login(self.head)
        response = self.client.get(
            reverse(
                "wagtailadmin_pages:workflow_action",
                args=(page.pk, "return_previous", page.current_workflow_task_state.pk),
            ),
            headers={"x-requested-with": "XMLHttpRequest"},
        )
        self.assertEqual(response.status_code, 200)
        html = response.json()["html"]
        self.assertIn("Alasan pengembalian", html)
        self.assertIn("Kembalikan ke langkah sebelumnya", html)

    def test_the_first_step_cannot_return_to_a_previous_step(self):
        page = self.submit_article(self.writer)
        self.act(self.section_head, page, "return_previous", "Tidak ada langkah.")
        self.assertEqual(self.current_step(page), "Pemeriksaan Kasubbag")
        state = self.task_states(page, "Pemeriksaan Kasubbag").get()
        self.assertEqual(state.status, "in_progress")

    def test_an_edit_by_someone_other_than_the_reviewers_restarts_the_run(self):
        page = self.submit_article(self.writer)
        self.act(self.section_head, page, "approve")
        self.assertEqual(self.current_step(page), "Persetujuan Kepala")

        # The Admin Website may edit pages, but not during the Kepala's step.
        response = self.edit(self.website_admin, page, "Diubah di tengah jalan.")
        self.assertEqual(self.current_step(page), "Persetujuan Kepala")
        self.assertFalse(
            Revision.objects.filter(
                object_id=str(page.pk), user=self.website_admin
            ).exists(),
            response,
        )

        # A version saved outside the editor by someone else restarts too.
        page.refresh_from_db()
        page.specific.save_revision(user=self.writer)
        self.assertEqual(self.current_step(page), "Pemeriksaan Kasubbag")
        state = page.current_workflow_task_state
        self.assertEqual(state.revision, page.get_latest_revision())

    def test_approved_and_published_versions_are_never_rewritten(self):
        page = self.submit_article(self.writer)
        submitted = page.get_latest_revision()
        self.act(self.section_head, page, "reject", "Judul terlalu panjang.")

        # Saving again with "overwrite this revision" makes a new revision.
        response = self.edit(
            self.writer,
            page,
            "Perbaikan penulis.",
            overwrite_revision_id=str(submitted.pk),
        )
        self.assertEqual(response.status_code, 302)
        submitted.refresh_from_db()
        self.assertNotIn("Perbaikan penulis", str(submitted.content))
        page.refresh_from_db()
        self.assertNotEqual(page.get_latest_revision(), submitted)
        self.assertIn("Perbaikan penulis", str(page.get_latest_revision().content))

        # Nothing rewrites a settled revision behind the editor's back.
        submitted.content = {**submitted.content, "title": "Disusupi"}
        with self.assertRaises(PermissionDenied):
            submitted.save()

    def test_a_double_click_makes_one_transition(self):
        page = self.submit_article(self.writer)
        first, task_state = self.act(self.section_head, page, "approve")
        url = reverse(
            "wagtailadmin_pages:workflow_action",
            args=(page.pk, "approve", task_state.pk),
        )
        second = self.client.post(url, {})
        self.assertEqual((first.status_code, second.status_code), (302, 302))
        self.assertEqual(
            PageLogEntry.objects.filter(
                page=page, action="wagtail.workflow.approve"
            ).count(),
            1,
        )
        self.assertEqual(self.task_states(page, "Persetujuan Kepala").count(), 1)


class NewsSopPathTests(ContentSopTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()

        def member(username, group):
            user = UserFactory(username=username, first_name=username.title())
            user.groups.add(Group.objects.get(name=group))
            return user

        cls.reporter = member("reporter", sop.REPORTER)
        cls.editor = member("redaktur", sop.MEDIA_CENTER_TEAM)
        cls.operator = member("operator", sop.OPERATOR)
        cls.rubric = RubricFactory(name="Pemerintahan")
        cls.image = ImageFactory(title="Rapat koordinasi")

    def news_data(self, lead, **extra):
        return nested_form_data(
            {
                "title": "Wali Kota Buka Rapat Koordinasi",
                "slug": "wali-kota-buka-rapat-koordinasi",
                "lead": lead,
                "body": streamfield([("paragraph", rich_text("<p>Rapat.</p>"))]),
                "main_image": self.image.pk,
                "main_image_alt": "Wali Kota berbicara di depan peserta rapat",
                "main_image_caption": "",
                "main_image_credit": "Foto: MC Kota Palangka Raya",
                "event_at": "",
                "place": "Palangka Raya",
                "rubric": self.rubric.pk,
                "source_agency": "",
                "tags": "",
                "writer": self.reporter.pk,
                "photographer": "",
                "editor": "",
                **extra,
            }
        )

    def test_whole_news_sop(self):
        self.client.force_login(self.reporter)
        response = self.client.post(
            f"/admin/pages/add/media_center/newspage/{self.news_index.pk}/",
            self.news_data("Rapat dibuka pagi ini.", **{"action-submit": "1"}),
        )
        self.assertEqual(response.status_code, 302)
        page = NewsPage.objects.get()
        self.assertEqual(
            page.current_workflow_task_state.task.name, "Penyuntingan dan Verifikasi"
        )

        # The Media Center team edits and verifies in its step.
        self.client.force_login(self.editor)
        response = self.client.post(
            reverse("wagtailadmin_pages:edit", args=(page.pk,)),
            self.news_data(
                "Rapat koordinasi dibuka Wali Kota pagi ini.",
                **{"action-workflow-action": "1", "workflow-action-name": "approve"},
            ),
        )
        self.assertEqual(response.status_code, 302)
        page.refresh_from_db()
        self.assertEqual(page.current_workflow_task_state.task.name, "Publikasi Berita")
        self.assertFalse(page.live)

        self.act(self.operator, page, "approve")
        page.refresh_from_db()
        self.assertTrue(page.live)
        response = self.get_on(MEDIA_CENTER_HOST, page.url)
        self.assertContains(response, "Rapat koordinasi dibuka Wali Kota pagi ini.")
        self.assertTrue(
            PageLogEntry.objects.filter(
                page=page, action="wagtail.publish", user=self.operator
            ).exists()
        )


@skipUnless(
    connection.vendor == "postgresql",
    "Concurrent actions are tested on PostgreSQL: SQLite has no row locks and "
    "lets one writer in at a time.",
)
class ConcurrentActionTests(TransactionTestCase):
    """Two people acting on one step at the same moment, in real transactions."""

    serialized_rollback = True

    def setUp(self):
        sop.sop_setup()
        section = SectionFactory(name="Bidang Statistik")
        self.writer = UserFactory(username="penulis")
        self.writer.groups.add(Group.objects.get(name=sop.WRITER))
        self.reviewers = []
        for username in ("kasubbag", "kasubbag2"):
            user = UserFactory(username=username)
            user.groups.add(Group.objects.get(name=sop.SECTION_HEAD))
            self.reviewers.append(user)
        index = ArticleIndexPage.objects.get()
        page = ArticlePageFactory.build(
            title="Rilis Data Penduduk", section=section, live=False, owner=self.writer
        )
        index.add_child(instance=page)
        page.save_revision(user=self.writer)
        page.get_workflow().start(page, self.writer)
        self.page = page

    def post_at_once(self, *posts):
        """Post each (user, url, data) in its own thread, all at the same moment."""
        barrier = threading.Barrier(len(posts))
        responses = [None] * len(posts)

        def post(index, user, url, data):
            try:
                client = Client()
                client.force_login(user)
                barrier.wait(timeout=10)
                responses[index] = client.post(url, data)
            finally:
                connection.close()

        threads = [
            threading.Thread(target=post, args=(index, *args))
            for index, args in enumerate(posts)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
        return responses

    def act_at_once(self, *attempts):
        """Each (user, action, data) through the workflow action view, at once."""
        task_state = self.page.current_workflow_task_state
        return self.post_at_once(
            *(
                (
                    user,
                    reverse(
                        "wagtailadmin_pages:workflow_action",
                        args=(self.page.pk, action, task_state.pk),
                    ),
                    data,
                )
                for user, action, data in attempts
            )
        )

    def assertOneTransition(self, responses):  # noqa: N802
        self.assertEqual([r.status_code for r in responses], [302] * len(responses))
        finished = TaskState.objects.filter(
            workflow_state__object_id=str(self.page.pk),
            task__name="Pemeriksaan Kasubbag",
        ).exclude(status="in_progress")
        self.assertEqual(finished.count(), 1)
        self.assertEqual(
            PageLogEntry.objects.filter(
                page=self.page,
                action__in=("wagtail.workflow.approve", "wagtail.workflow.reject"),
            ).count(),
            1,
        )
        self.assertLessEqual(
            TaskState.objects.filter(task__name="Persetujuan Kepala").count(), 1
        )

    def test_double_click(self):
        reviewer = self.reviewers[0]
        self.assertOneTransition(
            self.act_at_once((reviewer, "approve", {}), (reviewer, "approve", {}))
        )

    def test_double_click_on_resubmit(self):
        task_state = self.page.current_workflow_task_state
        task_state.task.specific.on_action(
            task_state, self.reviewers[0], "reject", comment="Sumber belum ada."
        )
        data = nested_form_data(
            {
                "title": self.page.title,
                "slug": self.page.slug,
                "summary": "Ringkasan.",
                "section": self.page.section_id,
                "main_image": "",
                "main_image_alt": "",
                "body": streamfield([("paragraph", rich_text("<p>Sumber: BPS.</p>"))]),
                "action-submit": "1",
            }
        )
        edit_url = reverse("wagtailadmin_pages:edit", args=(self.page.pk,))
        responses = self.post_at_once(
            (self.writer, edit_url, data), (self.writer, edit_url, data)
        )
        self.assertEqual([r.status_code for r in responses], [302, 302])
        waiting = TaskState.objects.filter(
            workflow_state__object_id=str(self.page.pk), status="in_progress"
        )
        self.assertEqual(waiting.count(), 1)
        self.assertEqual(
            waiting.get().workflow_state.current_task_state_id, waiting.get().pk
        )

    def test_two_reviewers_approve_and_return_at_once(self):
        first, second = self.reviewers
        self.assertOneTransition(
            self.act_at_once(
                (first, "approve", {}),
                (second, "reject", {"comment": "Sumber data belum ada."}),
            )
        )


class ReviewRouteTests(ContentSopTestCase):
    """Routes around the SOP found in review, each closed."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.website_admin = UserFactory(username="adminweb")
        cls.website_admin.groups.add(Group.objects.get(name=sop.WEBSITE_ADMIN))

    def step_of(self, page):
        page.refresh_from_db()
        task_state = page.current_workflow_task_state
        return task_state.task.name if task_state else None

    def test_a_reviewer_cannot_cancel_the_run(self):
        page = self.submit_article(self.writer)
        self.act(self.section_head, page, "approve")
        self.client.force_login(self.head)
        edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
        self.assertNotContains(
            self.client.get(edit_url), 'name="action-cancel-workflow"'
        )
        response = self.client.post(
            edit_url,
            self.article_form(
                page.title, slug=page.slug, **{"action-cancel-workflow": "1"}
            ),
            follow=True,
        )
        self.assertContains(response, "Hanya pengaju yang dapat membatalkan")
        self.assertEqual(self.step_of(page), "Persetujuan Kepala")

    def test_what_a_reviewer_wrote_before_the_run_they_do_not_approve(self):
        draft = self.submit_article(self.writer)
        # The run is cancelled, the Admin Website rewrites the writer's draft,
        # the writer submits it again unchanged.
        draft.current_workflow_state.cancel(user=self.writer)
        draft.refresh_from_db()
        draft.title = "Rilis Data Penduduk (versi admin)"
        draft.save_revision(user=self.website_admin)
        self.client.force_login(self.writer)
        self.client.post(
            reverse("wagtailadmin_pages:edit", args=(draft.pk,)),
            self.article_form(draft.title, slug=draft.slug, **{"action-submit": "1"}),
        )
        self.act(self.section_head, draft, "approve")
        self.act(self.head, draft, "approve")
        self.assertEqual(self.step_of(draft), "Entri dan Publikasi Admin Website")
        self.act(self.website_admin, draft, "approve")
        draft.refresh_from_db()
        self.assertFalse(draft.live)
        self.assertEqual(self.step_of(draft), "Entri dan Publikasi Admin Website")

    def test_the_kepala_may_approve_her_own_corrections_after_a_return(self):
        page = self.submit_article(self.writer)
        self.act(self.section_head, page, "approve")
        self.client.force_login(self.head)
        self.client.post(
            reverse("wagtailadmin_pages:edit", args=(page.pk,)),
            self.article_form(
                page.title,
                "Dikoreksi Kepala.",
                slug=page.slug,
                **{"action-workflow-action": "1", "workflow-action-name": "approve"},
            ),
        )
        self.act(
            self.website_admin, page, "return_previous", "Mohon cek angka sekali lagi."
        )
        self.assertEqual(self.step_of(page), "Persetujuan Kepala")
        self.act(self.head, page, "approve")
        self.assertEqual(self.step_of(page), "Entri dan Publikasi Admin Website")

    def test_copying_with_publish_is_refused_for_publishers_too(self):
        live = ArticlePageFactory(
            parent=self.article_index, title="Profil Dinas", section=self.section
        )
        self.client.force_login(self.website_admin)
        self.client.post(
            reverse("wagtailadmin_pages:copy", args=(live.pk,)),
            {
                "new_title": "Judul yang tidak pernah diperiksa",
                "new_slug": "judul-baru",
                "new_parent_page": self.article_index.pk,
                "publish_copies": "on",
            },
        )
        self.assertFalse(
            ArticlePage.objects.filter(slug="judul-baru", live=True).exists()
        )
