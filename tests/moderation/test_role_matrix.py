"""
Who may do what on which site: the role × action matrix of the two SOPs
(DESIGN.md, "The people"; issue 3, point 8), tried through the admin's own
views and checked in the database, not only by the status code.

The policy is the data below: ``MATRIX`` (what each role may do on each
site), ``STEPS`` (whose step each SOP step is) and ``allowed()``, which adds
the two rules a flat table cannot show:

- approving and returning: only at the role's own step;
- publishing: only content that passed the earlier steps, i.e. the page at
  the last step. A publisher who published a draft straight from the editor
  would skip the Kasubbag and the Kepala (or the Media Center's verification)
  and could publish their own writing unchecked; "Only the final step
  publishes" (issue 3, point 4). Unpublishing (taking content down) is the
  publishers'.

A superuser, the system's administrator rather than an SOP role, may do
anything anywhere.

What each action is tried on (``SUBJECTS``) and how (``attempt``):

=========  ====================================  ==================================
action     tried on                              through; "done" means
=========  ====================================  ==================================
view       the draft                             GET the edit view, the page's own
                                                 screen in the admin (the explorer
                                                 lists titles only); 200
edit       the draft                             POST the edit view, save draft; a
                                                 new revision with the change
submit     the draft                             POST the edit view with
                                                 "action-submit"; a run in progress
approve    the page at *each* step of the        POST the workflow action view;
           site's SOP                            the step approved (at the last
                                                 step: and the page live)
return     the same pages                        the same view, "reject" with a
                                                 reason; the step returned
publish    the draft; the page at the last step  POST the edit view with
                                                 "action-publish"; live
unpublish  a live page                           POST the unpublish view; not live
delete     the draft                             POST the delete view; page gone
=========  ====================================  ==================================

The draft is written and saved, never submitted, by the site's author: the
writer on Info Publik and the portal, the reporter on the Media Center. The
writer and reporter of the matrix *are* those authors: their rights are over
their own work. The pages in review were submitted by another writer or
reporter and their earlier steps approved by other members of those groups,
so that nobody in the matrix submitted, wrote or approved anything in the run
and only the role decides (segregation of duties has its own tests).

Refused looks like Wagtail's refusal: a redirect to the dashboard (with its
"no permission" message), or to the login page for an anonymous visitor. One
exception: when someone who may edit a draft but not publish it presses
"publish", Wagtail's edit view saves a draft instead; refused there is "not
live".

Each cell runs in a transaction that is rolled back, so every cell starts
from the same pages.
"""

from django.contrib.auth.models import Group
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Collection, Page, PageLogEntry, TaskState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from infopublik.factories import ArticlePageFactory, SectionFactory
from infopublik.models import ArticlePage
from media_center.factories import NewsPageFactory, RubricFactory
from media_center.models import NewsPage
from moderation import services as sop
from portal.factories import AnnouncementPageFactory, ImageFactory, UserFactory
from portal.models import AnnouncementPage
from tests.utils import SitesTestCase

# Actions
VIEW = "view"
EDIT = "edit"
SUBMIT = "submit"
APPROVE = "approve"
RETURN = "return"
PUBLISH = "publish"
UNPUBLISH = "unpublish"
DELETE = "delete"

# Roles, by the code names of docs/glossary.md
WRITER = "writer"
SECTION_HEAD = "section_head"
HEAD = "head"
WEBSITE_ADMIN = "website_admin"
PUBLIC_RELATIONS_HEAD = "public_relations_head"
MEDIA_CENTER_TEAM = "media_center_team"
OPERATOR = "operator"
REPORTER = "reporter"
SUPERUSER = "superuser"
ANONYMOUS = "anonymous"

# Sites
MEDIA_CENTER = "media_center"
INFOPUBLIK = "infopublik"
PORTAL = "portal"
SITES = (MEDIA_CENTER, INFOPUBLIK, PORTAL)

# What a role does on a site.
NOTHING = frozenset()
# Drafts their own content (content SOP steps 1–3, news SOP step 4): opens,
# saves and submits it, may throw away a draft; never publishes.
AUTHOR = frozenset({VIEW, EDIT, SUBMIT, DELETE})
# Checks content at their own step; sees no draft before it is submitted.
REVIEWER = frozenset({APPROVE, RETURN})
# The last step (content SOP step 6, news SOP step 6): enters content,
# publishes what passed the earlier steps, takes content down.
PUBLISHER = frozenset({VIEW, EDIT, SUBMIT, APPROVE, RETURN, PUBLISH, UNPUBLISH, DELETE})
EVERYTHING = PUBLISHER

MATRIX = {
    # role                   Media Center  Info Publik  Portal
    WRITER:                 (NOTHING,      AUTHOR,      AUTHOR),
    SECTION_HEAD:           (NOTHING,      REVIEWER,    REVIEWER),
    HEAD:                   (NOTHING,      REVIEWER,    REVIEWER),
    WEBSITE_ADMIN:          (NOTHING,      PUBLISHER,   PUBLISHER),
    # Roster, agenda and coverage (news SOP steps 1–2) are not pages.
    PUBLIC_RELATIONS_HEAD:  (NOTHING,      NOTHING,     NOTHING),
    MEDIA_CENTER_TEAM:      (REVIEWER,     NOTHING,     NOTHING),
    OPERATOR:               (PUBLISHER,    NOTHING,     NOTHING),
    REPORTER:               (AUTHOR,       NOTHING,     NOTHING),
    SUPERUSER:              (EVERYTHING,   EVERYTHING,  EVERYTHING),
    ANONYMOUS:              (NOTHING,      NOTHING,     NOTHING),
}  # fmt: skip

# Each site's SOP steps in order, and whose step each is.
CONTENT_STEPS = (
    ("Pemeriksaan Kasubbag", SECTION_HEAD),
    ("Persetujuan Kepala", HEAD),
    ("Entri dan Publikasi Admin Website", WEBSITE_ADMIN),
)
NEWS_STEPS = (
    ("Penyuntingan dan Verifikasi", MEDIA_CENTER_TEAM),
    ("Publikasi Berita", OPERATOR),
)
STEPS = {MEDIA_CENTER: NEWS_STEPS, INFOPUBLIK: CONTENT_STEPS, PORTAL: CONTENT_STEPS}

# The pages an action is tried on.
DRAFT = "draft"
LIVE = "live"
EACH_STEP = "each step"
LAST_STEP = "last step"
SUBJECTS = {
    VIEW: (DRAFT,),
    EDIT: (DRAFT,),
    SUBMIT: (DRAFT,),
    APPROVE: (EACH_STEP,),
    RETURN: (EACH_STEP,),
    PUBLISH: (DRAFT, LAST_STEP),
    UNPUBLISH: (LIVE,),
    DELETE: (DRAFT,),
}


def subjects(site, action):
    """The pages ``action`` is tried on at ``site``: draft, live, or step names."""
    steps = [name for name, _role in STEPS[site]]
    names = []
    for subject in SUBJECTS[action]:
        if subject == EACH_STEP:
            names.extend(steps)
        elif subject == LAST_STEP:
            names.append(steps[-1])
        else:
            names.append(subject)
    return names


def allowed(role, site, action, subject):
    """The policy on ``role`` doing ``action`` to ``subject`` (a name of SUBJECTS)."""
    if action not in MATRIX[role][SITES.index(site)]:
        return False
    if role == SUPERUSER:
        return True
    if action in (APPROVE, RETURN):
        return dict(STEPS[site])[subject] == role
    if action == PUBLISH:
        return subject == STEPS[site][-1][0]
    return True


ROLE_GROUPS = {
    WRITER: sop.WRITER,
    SECTION_HEAD: sop.SECTION_HEAD,
    HEAD: sop.HEAD,
    WEBSITE_ADMIN: sop.WEBSITE_ADMIN,
    PUBLIC_RELATIONS_HEAD: sop.PUBLIC_RELATIONS_HEAD,
    MEDIA_CENTER_TEAM: sop.MEDIA_CENTER_TEAM,
    OPERATOR: sop.OPERATOR,
    REPORTER: sop.REPORTER,
}


class RoleMatrixTests(SitesTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()

        def member(username, role, **kwargs):
            user = UserFactory(username=username, **kwargs)
            if role in ROLE_GROUPS:
                user.groups.add(Group.objects.get(name=ROLE_GROUPS[role]))
            return user

        cls.users = {
            WRITER: member("penulis", WRITER),
            SECTION_HEAD: member("kasubbag", SECTION_HEAD),
            HEAD: member("kepala", HEAD),
            WEBSITE_ADMIN: member("adminweb", WEBSITE_ADMIN),
            PUBLIC_RELATIONS_HEAD: member("kasi", PUBLIC_RELATIONS_HEAD),
            MEDIA_CENTER_TEAM: member("redaktur", MEDIA_CENTER_TEAM),
            OPERATOR: member("operator", OPERATOR),
            REPORTER: member("reporter", REPORTER),
            SUPERUSER: member("admin", SUPERUSER, is_superuser=True, is_staff=True),
            ANONYMOUS: None,
        }
        # Outside the matrix: who submitted the pages in review and approved
        # their earlier steps.
        other_authors = {
            MEDIA_CENTER: member("reporter_lain", REPORTER),
            INFOPUBLIK: member("penulis_lain", WRITER),
        }
        other_authors[PORTAL] = other_authors[INFOPUBLIK]
        earlier_reviewers = {
            SECTION_HEAD: member("kasubbag_lain", SECTION_HEAD),
            HEAD: member("kepala_lain", HEAD),
            MEDIA_CENTER_TEAM: member("redaktur_lain", MEDIA_CENTER_TEAM),
        }
        authors = {
            MEDIA_CENTER: cls.users[REPORTER],
            INFOPUBLIK: cls.users[WRITER],
            PORTAL: cls.users[WRITER],
        }

        cls.section = SectionFactory(name="Bidang Statistik")
        cls.rubric = RubricFactory(name="Pemerintahan", slug="pemerintahan")
        cls.image = ImageFactory(
            title="Rapat koordinasi",
            collection=Collection.objects.get(name="Media Center"),
        )

        # site -> DRAFT, LIVE or a step's name -> (page id, task state id).
        # Ids only: each cell reads its pages afresh.
        cls.pages = {}
        for site in SITES:
            author = authors[site]
            draft = cls.page_create(site, "Draf", owner=author)
            draft.save_revision(user=author)
            live = cls.page_create(site, "Terbit", owner=author)
            # Published through the SOP earlier; by whom does not matter here.
            live.save_revision(user=author).publish()
            cls.pages[site] = {DRAFT: (draft.pk, None), LIVE: (live.pk, None)}

            other_author = other_authors[site]
            for number, (step_name, _role) in enumerate(STEPS[site]):
                page = cls.page_create(
                    site, f"Langkah {number + 1}", owner=other_author
                )
                page.save_revision(user=other_author)
                page.get_workflow().start(page, other_author)
                for _name, earlier_role in STEPS[site][:number]:
                    page.refresh_from_db()
                    page.current_workflow_task.specific.on_action(
                        page.current_workflow_task_state,
                        earlier_reviewers[earlier_role],
                        "approve",
                    )
                page.refresh_from_db()
                assert page.current_workflow_task.name == step_name, (site, step_name)
                cls.pages[site][step_name] = (
                    page.pk,
                    page.current_workflow_task_state.pk,
                )

    @classmethod
    def page_create(cls, site, title, *, owner):
        """An unpublished page of the site's main content type, owned by ``owner``."""
        common = {
            "title": f"{title} {site}",
            "owner": owner,
            "live": False,
            "publish": False,
        }
        if site == MEDIA_CENTER:
            return NewsPageFactory(
                parent=cls.news_index,
                main_image=cls.image,
                rubric=cls.rubric,
                writer=owner,
                **common,
            )
        if site == INFOPUBLIK:
            return ArticlePageFactory(
                parent=cls.article_index, section=cls.section, **common
            )
        return AnnouncementPageFactory(parent=cls.announcement_index, **common)

    def form_data(self, page, **changes):
        """What the edit view's form posts for ``page``, with ``changes``."""
        body = streamfield([("paragraph", rich_text("<p>Isi halaman.</p>"))])
        data = {"title": page.title, "slug": page.slug, "body": body}
        if isinstance(page, NewsPage):
            data.update(
                lead="Wali Kota memimpin rapat koordinasi.",
                main_image=self.image.pk,
                main_image_alt="Peserta rapat",
                main_image_caption="",
                main_image_credit="",
                event_at="",
                place="Palangka Raya",
                rubric=self.rubric.pk,
                tags="",
                writer=page.writer_id,
                photographer="",
                editor="",
                source_agency="",
            )
        elif isinstance(page, ArticlePage):
            data.update(
                summary="Ringkasan artikel.",
                section=self.section.pk,
                main_image="",
                main_image_alt="",
            )
        elif isinstance(page, AnnouncementPage):
            data.update(
                summary="Ringkasan pengumuman.",
                valid_from=timezone.localdate().isoformat(),
                valid_until="",
            )
        data.update(changes)
        return nested_form_data(data)

    def attempt(self, action, page_id, task_state_id, *, last_step):
        """
        Try ``action`` as the logged-in user. Returns the response and whether
        the action took effect, read from the database.
        """
        page = Page.objects.get(pk=page_id).specific
        edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))

        def reloaded():
            return Page.objects.filter(pk=page.pk).first()

        if action == VIEW:
            response = self.client.get(edit_url)
            return response, response.status_code == 200
        if action == EDIT:
            title = f"{page.title} (disunting)"
            response = self.client.post(edit_url, self.form_data(page, title=title))
            return response, reloaded().get_latest_revision().content["title"] == title
        if action == SUBMIT:
            data = self.form_data(page, **{"action-submit": "1"})
            response = self.client.post(edit_url, data)
            return response, reloaded().workflow_in_progress
        if action == PUBLISH:
            data = self.form_data(page, **{"action-publish": "1"})
            response = self.client.post(edit_url, data)
            logged = PageLogEntry.objects.filter(page=page, action="wagtail.publish")
            return response, reloaded().live and logged.exists()
        if action == UNPUBLISH:
            url = reverse("wagtailadmin_pages:unpublish", args=(page.pk,))
            response = self.client.post(url)
            return response, not reloaded().live
        if action == DELETE:
            url = reverse("wagtailadmin_pages:delete", args=(page.pk,))
            response = self.client.post(url)
            return response, reloaded() is None

        name, data = {
            APPROVE: ("approve", {}),
            RETURN: ("reject", {"comment": "Sumber data belum dicantumkan."}),
        }[action]
        url = reverse(
            "wagtailadmin_pages:workflow_action", args=(page.pk, name, task_state_id)
        )
        response = self.client.post(url, data)
        task_state = TaskState.objects.get(pk=task_state_id)
        if action == RETURN:
            return response, task_state.status == TaskState.STATUS_REJECTED
        done = task_state.status == TaskState.STATUS_APPROVED
        if last_step:
            # Approval at the last step is publication (DESIGN.md).
            done = done and reloaded().live
        return response, done

    def describe(self, response):
        """A response in a failure message: where it went, or the form's errors."""
        if response.status_code in (301, 302):
            return f"{response.status_code} → {response.url}"
        form = (response.context or {}).get("form")
        return f"{response.status_code} {getattr(form, 'errors', '')}"

    def assertRefused(self, response, role):  # noqa: N802
        """Wagtail's refusal: to the login page, or to the dashboard (with its message)."""
        self.assertEqual(response.status_code, 302, self.describe(response))
        if role == ANONYMOUS:
            expected = reverse("wagtailadmin_login")
            self.assertTrue(response.url.startswith(expected), self.describe(response))
        else:
            self.assertEqual(
                response.url, reverse("wagtailadmin_home"), self.describe(response)
            )

    def check_cell(self, role, site, action, subject):
        page_id, task_state_id = self.pages[site][subject]
        user = self.users[role]
        with transaction.atomic():
            if user is None:
                self.client.logout()
            else:
                self.client.force_login(user)
            response, done = self.attempt(
                action,
                page_id,
                task_state_id,
                last_step=subject == STEPS[site][-1][0],
            )
            transaction.set_rollback(True)

        if allowed(role, site, action, subject):
            self.assertTrue(done, f"not done: {self.describe(response)}")
        else:
            self.assertFalse(done, f"done, though refused: {self.describe(response)}")
            if not (action == PUBLISH and allowed(role, site, EDIT, subject)):
                self.assertRefused(response, role)

    def check_site(self, site):
        for role in MATRIX:
            for action in SUBJECTS:
                for subject in subjects(site, action):
                    with self.subTest(
                        role=role,
                        action=action,
                        page=subject,
                        allowed=allowed(role, site, action, subject),
                    ):
                        self.check_cell(role, site, action, subject)

    def test_media_center(self):
        self.check_site(MEDIA_CENTER)

    def test_infopublik(self):
        self.check_site(INFOPUBLIK)

    def test_portal(self):
        self.check_site(PORTAL)
