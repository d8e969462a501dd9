"""manage.py export_archive: the archive packages of the publications of a period."""

import datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext, ngettext

from moderation.packages import archive_package_name, archive_package_zip
from moderation.selectors import archive_records_published_between
from portal.selectors import site_find

DEFAULT_OUTPUT = "archive-export"


def _date(value, option):
    try:
        return datetime.datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        raise CommandError(
            gettext("%(option)s: %(value)s is not a date in the form YYYY-MM-DD.")
            % {"option": option, "value": value}
        ) from None


def _site(value):
    """A site of settings.WARTA_SITES by its key, or any site by its hostname or name."""
    site = site_find(value)
    if site is None and value in settings.WARTA_SITES:
        raise CommandError(
            gettext("The site %(site)s is not set up yet; run setup_sop first.")
            % {"site": value}
        )
    if site is None:
        raise CommandError(
            gettext(
                "Unknown site %(site)s: give one of %(keys)s or the hostname of a site."
            )
            % {"site": value, "keys": ", ".join(settings.WARTA_SITES)}
        )
    return site


class Command(BaseCommand):
    """
    The archive packages of a period, for the agency's records office or an
    off-site copy (SOP step 7): one BagIt zip per publication.
    """

    help = (
        "Write the archive package (a BagIt bag in a zip: page HTML, content, "
        "archive record and original files with SHA-256 checksums) of every "
        "publication made on the given local dates, one zip per publication. "
        "Existing zips of the same name are replaced."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--since",
            required=True,
            help="First local date of publication, YYYY-MM-DD (inclusive).",
        )
        parser.add_argument(
            "--until",
            required=True,
            help="Last local date of publication, YYYY-MM-DD (inclusive).",
        )
        parser.add_argument(
            "--site",
            help=(
                "Only the publications of one site: media_center, infopublik, "
                "portal, or a hostname."
            ),
        )
        parser.add_argument(
            "--output",
            default=DEFAULT_OUTPUT,
            help="Folder to write the zips to (default: ./archive-export).",
        )

    def handle(self, *args, **options):
        since = _date(options["since"], "--since")
        until = _date(options["until"], "--until")
        if since > until:
            raise CommandError(
                gettext("--since (%(since)s) is after --until (%(until)s).")
                % {"since": since.isoformat(), "until": until.isoformat()}
            )
        site = _site(options["site"]) if options["site"] else None
        output = Path(options["output"]).resolve()
        records = archive_records_published_between(since=since, until=until, site=site)
        count = 0
        for record in records.iterator(chunk_size=50):
            output.mkdir(parents=True, exist_ok=True)
            path = output / f"{archive_package_name(record)}.zip"
            archive_package_zip(record=record, output=path)
            count += 1
            if options["verbosity"] > 1:
                self.stdout.write(str(path))
        if not count:
            self.stdout.write(
                gettext("No publications from %(since)s to %(until)s.")
                % {"since": since.isoformat(), "until": until.isoformat()}
            )
            return
        self.stdout.write(
            ngettext(
                "%(count)d archive package written to %(directory)s.",
                "%(count)d archive packages written to %(directory)s.",
                count,
            )
            % {"count": count, "directory": output}
        )
