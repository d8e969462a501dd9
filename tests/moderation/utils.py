"""What the moderation tests share: the content SOP's people and their actions."""

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils.text import slugify

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from infopublik.factories import SectionFactory
from infopublik.models import ArticlePage
from moderation import services as sop
from portal.factories import UserFactory
from tests.utils import SitesTestCase


class ContentSopTestCase(SitesTestCase):
    """The content SOP with its people, and ways to move content through it."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.section = SectionFactory(name="Bidang Statistik")

        def member(username, *groups):
            user = UserFactory(username=username, first_name=username.title())
            user.groups.add(*Group.objects.filter(name__in=groups))
            return user

        cls.writer = member("penulis", sop.WRITER)
        # A writer who is also a Kasubbag: may check others' work, not their own.
        cls.writer_and_section_head = member("penulis2", sop.WRITER, sop.SECTION_HEAD)
        cls.section_head = member("kasubbag", sop.SECTION_HEAD)
        # One person in both reviewing groups.
        cls.section_head_and_head = member("rangkap", sop.SECTION_HEAD, sop.HEAD)
        cls.head = member("kepala", sop.HEAD)

    def article_form(self, title, body="Data 2026.", *, slug=None, **extra):
        """The article editor's form data as the browser posts it; ``extra`` adds or overrides."""
        return nested_form_data(
            {
                "title": title,
                "slug": slug or slugify(title),
                "summary": "Jumlah penduduk per kecamatan.",
                "section": self.section.pk,
                "main_image": "",
                "main_image_alt": "",
                "body": streamfield([("paragraph", rich_text(f"<p>{body}</p>"))]),
                **extra,
            }
        )

    def submit_article(self, user, title="Rilis Data Penduduk"):
        """The writer drafts an article and submits it, through the admin add view."""
        self.client.force_login(user)
        data = self.article_form(title, **{"action-submit": "1"})
        response = self.client.post(
            f"/admin/pages/add/infopublik/articlepage/{self.article_index.pk}/", data
        )
        self.assertEqual(response.status_code, 302, getattr(response, "context", None))
        page = ArticlePage.objects.get(title=title)
        self.assertTrue(page.workflow_in_progress)
        return page

    def act(self, user, page, action, comment=None):
        """Approve or return the current step through Wagtail's workflow action view."""
        page.refresh_from_db()
        task_state = page.current_workflow_task_state
        self.client.force_login(user)
        url = reverse(
            "wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk)
        )
        data = {} if comment is None else {"comment": comment}
        return self.client.post(url, data), task_state
