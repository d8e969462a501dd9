"""
Rules of the SOP steps enforced on the server: segregation of duties and a
written reason for every return, through the admin's workflow views.
"""

from django.urls import reverse

from wagtail.models import TaskState

from moderation.selectors import action_refusal
from tests.moderation.utils import ContentSopTestCase


class ContentSopRulesTests(ContentSopTestCase):
    def assertRefused(self, response):  # noqa: N802
        # Wagtail's admin turns a refusal into its "no permission" message and
        # a redirect to the dashboard.
        self.assertRedirects(response, "/admin/", fetch_redirect_response=False)
        self.assertIn(
            "izin",
            " ".join(str(message) for message in response.wsgi_request._messages),
        )

    def test_nobody_approves_their_own_submission(self):
        page = self.submit_article(self.writer_and_section_head)

        response, task_state = self.act(self.writer_and_section_head, page, "approve")

        self.assertRefused(response)
        task_state.refresh_from_db()
        self.assertEqual(task_state.status, TaskState.STATUS_IN_PROGRESS)
        # Nor do they see the buttons.
        self.assertEqual(
            task_state.task.specific.get_actions(page, self.writer_and_section_head), []
        )

    def test_refusal_reasons_are_indonesian(self):
        page = self.submit_article(self.writer_and_section_head)
        page.refresh_from_db()
        task_state = page.current_workflow_task_state

        response, _ = self.act(
            self.writer_and_section_head, page, "reject", "Salah data"
        )

        self.assertRefused(response)
        self.assertIn(
            "Anda yang mengajukan konten ini",
            action_refusal(task_state=task_state, user=self.writer_and_section_head),
        )
        self.assertIsNone(action_refusal(task_state=task_state, user=self.section_head))

    def test_one_person_does_not_approve_two_steps(self):
        page = self.submit_article(self.writer)
        response, first = self.act(self.section_head_and_head, page, "approve")
        self.assertEqual(response.status_code, 302)
        first.refresh_from_db()
        self.assertEqual(first.status, TaskState.STATUS_APPROVED)

        response, second = self.act(self.section_head_and_head, page, "approve")

        self.assertRefused(response)
        self.assertIn(
            "sudah menyetujui langkah sebelumnya",
            action_refusal(task_state=second, user=self.section_head_and_head),
        )
        second.refresh_from_db()
        self.assertEqual(second.status, TaskState.STATUS_IN_PROGRESS)
        self.assertEqual(second.task.specific.name, "Persetujuan Kepala")
        # Someone else may.
        response, _ = self.act(self.head, page, "approve")
        self.assertEqual(response.status_code, 302)
        second.refresh_from_db()
        self.assertEqual(second.status, TaskState.STATUS_APPROVED)

    def test_returning_needs_a_written_reason(self):
        page = self.submit_article(self.writer)

        without, task_state = self.act(self.section_head, page, "reject", "   ")
        task_state.refresh_from_db()
        self.assertEqual(task_state.status, TaskState.STATUS_IN_PROGRESS)
        self.assertEqual(without.status_code, 302)  # back to the page, nothing done

        with_reason, _ = self.act(
            self.section_head, page, "reject", "Sumber data belum dicantumkan."
        )
        self.assertEqual(with_reason.status_code, 302)
        task_state.refresh_from_db()
        self.assertEqual(task_state.status, TaskState.STATUS_REJECTED)
        self.assertEqual(task_state.comment, "Sumber data belum dicantumkan.")

    def test_return_form_asks_for_the_reason_in_indonesian(self):
        page = self.submit_article(self.writer)
        page.refresh_from_db()
        self.client.force_login(self.section_head)
        url = reverse(
            "wagtailadmin_pages:workflow_action",
            args=(page.pk, "reject", page.current_workflow_task_state.pk),
        )

        response = self.client.post(
            url, {"comment": ""}, headers={"x-requested-with": "XMLHttpRequest"}
        )

        self.assertContains(
            response, "Tulis alasan konten dikembalikan untuk diperbaiki."
        )

    def test_the_editors_workflow_route_checks_the_same_rules(self):
        # The Kepala's step allows editing; the edit view passes the browser's
        # data to the task, so an empty reason sent from there is refused too.
        page = self.submit_article(self.writer)
        self.act(self.section_head, page, "approve")
        page.refresh_from_db()
        self.client.force_login(self.head)
        edit_url = f"/admin/pages/{page.pk}/edit/"
        data = self.article_form(page.title, slug=page.slug, summary=page.summary)
        data.update(
            {
                "action-workflow-action": "1",
                "workflow-action-name": "reject",
                "workflow-action-extra-data": '{"comment": ""}',
            }
        )

        response = self.client.post(edit_url, data)

        self.assertRefused(response)
        page.refresh_from_db()
        self.assertEqual(page.current_workflow_task.name, "Persetujuan Kepala")
        self.assertEqual(
            page.current_workflow_task_state.status, TaskState.STATUS_IN_PROGRESS
        )
