"""manage.py verify_integrity: is what each live page shows what was approved?"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext, ngettext

from wagtail.models import Page

from moderation.integrity import IntegrityRunBusy, integrity_verify
from moderation.models import IntegrityFinding, duration_label
from moderation.views.audit import local_time_label
from portal.selectors import site_find

# Exit statuses (docs/integrity.md): 0 nothing found and every page checked;
# 1 bad usage (Django's CommandError: unknown site, no such page, page not
# live); then what the check says.
USAGE = 1
FOUND = 2
NOT_CHECKED = 3
BUSY = 4


def _site(value):
    """A site by its key in settings.WARTA_SITES, its hostname or its name."""
    site = site_find(value)
    if site is None:
        raise CommandError(
            gettext(
                "Unknown site %(site)s: give one of %(keys)s, the hostname or the "
                "name of a site."
            )
            % {"site": value, "keys": ", ".join(settings.WARTA_SITES)},
            returncode=USAGE,
        )
    return site


def _page_id(value):
    page = Page.objects.filter(pk=value).values("pk", "live").first()
    if page is None:
        raise CommandError(
            gettext("There is no page with ID %(id)s.") % {"id": value},
            returncode=USAGE,
        )
    if not page["live"]:
        raise CommandError(
            gettext("Page %(id)s is not live; only live pages are checked.")
            % {"id": value},
            returncode=USAGE,
        )
    return value


class Command(BaseCommand):
    """
    The integrity check (docs/integrity.md), from cron: every live page
    against its published revision, its archive record and its public HTML,
    and screened for gambling spam and hidden links; hourly, and daily with
    ``--files``. Its exit status says what happened (``USAGE``, ``FOUND``,
    ``NOT_CHECKED``, ``BUSY``), so that cron mails only when it is not 0.
    """

    help = (
        "Check that every live page shows what was approved: its content against "
        "its published revision, the revision against its archive record, the "
        "links and scripts of its public HTML against those of the revision, and "
        "the screening for gambling spam and hidden links. The full run is stored "
        "(shown on the admins' dashboard) and each new difference is logged in the "
        "page's history; with --site or --page the check only reports. --files "
        "also checks the checksum of every stored file the pages show (daily). "
        "Exit status: 0 nothing found, 1 bad usage, 2 differences found, 3 a page "
        "could not be checked in full, 4 not started because another run has not "
        "finished."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--site",
            help=(
                "Only the pages of one site: media_center, infopublik, portal, a "
                "hostname or a site name. Reports only."
            ),
        )
        parser.add_argument(
            "--page", type=int, help="Only the page with this ID. Reports only."
        )
        parser.add_argument(
            "--files",
            action="store_true",
            help=(
                "Also read every stored image, document and media file the pages "
                "show and compare its SHA-256 with the archive record (slow: once "
                "a day)."
            ),
        )

    def handle(self, *args, **options):
        site = _site(options["site"]) if options["site"] else None
        page_id = _page_id(options["page"]) if options["page"] is not None else None
        partial = site is not None or page_id is not None
        try:
            report = integrity_verify(
                site=site, page_id=page_id, record=not partial, files=options["files"]
            )
        except IntegrityRunBusy as busy:
            raise CommandError(
                gettext(
                    "Not started: the run of the integrity check started at %(time)s "
                    "has not finished. A run unfinished after %(limit)s counts as "
                    "stopped, and the next one starts."
                )
                % {
                    "time": local_time_label(busy.other.started_at),
                    "limit": duration_label(settings.WARTA_INTEGRITY_RUN_TIMEOUT),
                },
                returncode=BUSY,
            ) from busy
        kinds = dict(IntegrityFinding.Kind.choices)
        detailed = options["verbosity"] > 1
        for result in report.results:
            page = result.page
            self.stdout.write(
                ngettext(
                    "%(title)s (ID %(id)s, %(url)s): %(count)d finding",
                    "%(title)s (ID %(id)s, %(url)s): %(count)d findings",
                    len(result.differences),
                )
                % {
                    "title": page.title,
                    "id": page.pk,
                    "url": page.full_url or page.url_path,
                    "count": len(result.differences),
                }
            )
            for difference in result.differences:
                label = kinds.get(difference.kind, difference.kind)
                if difference.field:
                    label = f"{label} — {difference.field}"
                self.stdout.write(f"  - {label}")
                detail = difference.detail if detailed else difference.detail[:200]
                for line in detail.splitlines()[: None if detailed else 2]:
                    self.stdout.write(f"      {line}")
            for problem in result.problems:
                self.stdout.write(f"  ! {problem}")
        pages_with_findings = sum(1 for result in report.results if result.differences)
        pages_not_checked = report.pages_not_checked
        summary = ngettext(
            "Checked %(count)d live page.",
            "Checked %(count)d live pages.",
            report.pages_checked,
        ) % {"count": report.pages_checked}
        if report.findings_count:
            summary += " " + ngettext(
                "Findings: %(findings)d, on %(count)d page.",
                "Findings: %(findings)d, on %(count)d pages.",
                pages_with_findings,
            ) % {"findings": report.findings_count, "count": pages_with_findings}
        else:
            summary += " " + gettext("No findings.")
        if pages_not_checked:
            summary += " " + ngettext(
                "%(count)d page could not be checked in full.",
                "%(count)d pages could not be checked in full.",
                pages_not_checked,
            ) % {"count": pages_not_checked}
        if partial:
            summary += " " + gettext(
                "Only reported: the full run (without --site or --page) is what "
                "the dashboard and the audit log keep."
            )
        if report.findings_count:
            raise CommandError(summary, returncode=FOUND)
        if pages_not_checked:
            raise CommandError(summary, returncode=NOT_CHECKED)
        self.stdout.write(summary)
