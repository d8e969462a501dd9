"""setup_sop: groups with least permissions, SOP steps, the two workflows."""

import datetime
from io import StringIO

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import TestCase

from wagtail.models import Workflow, WorkflowPage

from moderation import services as sop
from moderation.models import SOPTask
from portal.factories import UserFactory
from tests.utils import SitesTestCase

ALL_GROUPS = {
    sop.WRITER,
    sop.SECTION_HEAD,
    sop.HEAD,
    sop.WEBSITE_ADMIN,
    sop.PUBLIC_RELATIONS_HEAD,
    sop.MEDIA_CENTER_TEAM,
    sop.OPERATOR,
    sop.REPORTER,
}


class SopSetupTests(TestCase):
    def test_creates_the_groups_tasks_and_workflows(self):
        sop.sop_setup()

        self.assertTrue(set(Group.objects.values_list("name", flat=True)) >= ALL_GROUPS)
        content = Workflow.objects.get(
            name="SOP Pengisian dan Pembaharuan Konten Website"
        )
        news = Workflow.objects.get(name="SOP Layanan dan Posting Konten Berita")
        steps = [
            (
                task.specific.name,
                task.specific.time_standard,
                task.specific.reviewers_may_edit,
            )
            for task in content.tasks.order_by("workflow_tasks__sort_order")
        ]
        self.assertEqual(
            steps,
            [
                ("Pemeriksaan Kasubbag", datetime.timedelta(minutes=30), False),
                ("Persetujuan Kepala", datetime.timedelta(minutes=30), True),
                (
                    "Entri dan Publikasi Admin Website",
                    datetime.timedelta(minutes=30),
                    True,
                ),
            ],
        )
        self.assertEqual(
            [
                (task.specific.name, task.specific.time_standard)
                for task in news.tasks.order_by("workflow_tasks__sort_order")
            ],
            [
                ("Penyuntingan dan Verifikasi", datetime.timedelta(hours=3)),
                ("Publikasi Berita", datetime.timedelta(hours=2)),
            ],
        )
        assigned = {
            (wp.page.specific_class.__name__, wp.workflow.name)
            for wp in WorkflowPage.objects.select_related("page", "workflow").filter(
                page__depth=2
            )
        }
        self.assertEqual(
            assigned,
            {
                ("InfoPublikHomePage", content.name),
                ("PortalHomePage", content.name),
                ("MediaCenterHomePage", news.name),
            },
        )
        kasubbag = SOPTask.objects.get(name="Pemeriksaan Kasubbag")
        self.assertEqual(
            list(kasubbag.groups.values_list("name", flat=True)), [sop.SECTION_HEAD]
        )
        self.assertEqual(kasubbag.step_label, "SOP Konten, langkah 4")
        self.assertTrue(kasubbag.reason_required)

    def test_rerun_keeps_what_administrators_changed(self):
        sop.sop_setup()
        task = SOPTask.objects.get(name="Persetujuan Kepala")
        task.time_standard = datetime.timedelta(hours=1)
        task.save()
        task.groups.add(Group.objects.get(name=sop.SECTION_HEAD))
        writers = Group.objects.get(name=sop.WRITER)
        writers.page_permissions.all().delete()

        created = sop.sop_setup()

        self.assertEqual(created, [])
        task.refresh_from_db()
        self.assertEqual(task.time_standard, datetime.timedelta(hours=1))
        self.assertEqual(task.groups.count(), 2)
        self.assertFalse(writers.page_permissions.exists())
        self.assertEqual(SOPTask.objects.count(), 5)
        self.assertEqual(Workflow.objects.filter(name__startswith="SOP").count(), 2)

    def test_command_is_idempotent(self):
        out = StringIO()
        call_command("setup_sop", stdout=out)
        call_command("setup_sop", stdout=out)

        self.assertIn("tidak ada yang diubah", out.getvalue())
        self.assertEqual(Group.objects.filter(name__in=ALL_GROUPS).count(), 8)


class RolePermissionTests(SitesTestCase):
    """What each role may create where, through the admin's add views."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        sop.sop_setup()
        cls.users = {}
        for name in ALL_GROUPS:
            user = UserFactory(username=f"u-{Group.objects.get(name=name).pk}")
            user.groups.add(Group.objects.get(name=name))
            cls.users[name] = user

    def add_view(self, model, parent):
        return f"/admin/pages/add/{model._meta.app_label}/{model._meta.model_name}/{parent.pk}/"

    def test_who_may_write_on_which_site(self):
        from infopublik.models import ArticlePage
        from media_center.models import NewsPage
        from portal.models import AnnouncementPage

        targets = {
            "news": (NewsPage, self.news_index),
            "article": (ArticlePage, self.article_index),
            "announcement": (AnnouncementPage, self.announcement_index),
        }
        allowed = {
            sop.WRITER: {"article", "announcement"},
            sop.SECTION_HEAD: set(),
            sop.HEAD: set(),
            sop.WEBSITE_ADMIN: {"article", "announcement"},
            sop.PUBLIC_RELATIONS_HEAD: set(),
            sop.MEDIA_CENTER_TEAM: set(),
            sop.OPERATOR: {"news"},
            sop.REPORTER: {"news"},
        }
        for group, user in self.users.items():
            self.client.force_login(user)
            for target, (model, parent) in targets.items():
                with self.subTest(group=group, target=target):
                    response = self.client.get(self.add_view(model, parent))
                    self.assertEqual(
                        response.status_code == 200, target in allowed[group], response
                    )

    def test_only_publishers_hold_publish_permission(self):
        publishers = {
            sop.WEBSITE_ADMIN: {"infopublik", "portal"},
            sop.OPERATOR: {"media_center"},
        }
        homes = {
            "media_center": self.media_center_home,
            "infopublik": self.infopublik_home,
            "portal": self.portal_home,
        }
        for group, user in self.users.items():
            for key, home in homes.items():
                with self.subTest(group=group, site=key):
                    self.assertEqual(
                        home.permissions_for_user(user).can_publish(),
                        key in publishers.get(group, set()),
                    )

    def test_every_role_reaches_the_admin(self):
        for group, user in self.users.items():
            with self.subTest(group=group):
                self.client.force_login(user)
                self.assertEqual(self.client.get("/admin/").status_code, 200)


class SopTaskAdminTests(SitesTestCase):
    """SOP steps are edited under Settings → Workflow tasks, in Indonesian."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        sop.sop_setup()

    def setUp(self):
        super().setUp()
        self.login()

    def test_create_form_has_every_field_in_indonesian(self):
        response = self.client.get("/admin/workflows/tasks/add/moderation/soptask/")

        self.assertEqual(response.status_code, 200)
        for label in (
            "Mutu baku",
            "Peninjau boleh menyunting",
            "Pengembalian wajib disertai alasan",
            "Langkah SOP",
        ):
            self.assertContains(response, label)

    def test_administrator_changes_a_time_standard(self):
        task = SOPTask.objects.get(name="Publikasi Berita")
        url = f"/admin/workflows/tasks/edit/{task.pk}/"
        data = {
            "groups": [group.pk for group in task.groups.all()],
            "sop": task.sop,
            "step_number": task.step_number,
            "time_standard": "01:30:00",
            "reviewers_may_edit": "on",
            "reason_required": "on",
        }

        response = self.client.post(url, data)

        self.assertEqual(response.status_code, 302, getattr(response, "context", None))
        task.refresh_from_db()
        self.assertEqual(task.time_standard, datetime.timedelta(hours=1, minutes=30))
        self.assertEqual(task.time_standard_label, "1 jam 30 menit")

    def test_zero_time_standard_is_refused_with_a_message(self):
        task = SOPTask.objects.get(name="Publikasi Berita")
        response = self.client.post(
            f"/admin/workflows/tasks/edit/{task.pk}/",
            {
                "groups": [group.pk for group in task.groups.all()],
                "sop": task.sop,
                "step_number": task.step_number,
                "time_standard": "00:00:00",
            },
        )

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Mutu baku harus lebih dari nol.")
