"""``manage.py seed_demo``: Indonesian demo content for the three sites."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from infopublik.demo import seed_infopublik, seed_register
from media_center.demo import (
    seed_agenda,
    seed_assignments,
    seed_duty_rosters,
    seed_media_center,
)
from media_center.demo_multimedia import seed_multimedia
from moderation.demo import seed_archive_steps, seed_workflow_states
from moderation.notifications import emails_muted
from moderation.services import sop_setup
from portal.demo import demo_rng, seed_agencies, seed_portal, seed_users
from portal.services import sites_setup

# Count labels as printed in the summary; kept here so they go through gettext.
LABELS = {
    "users": gettext_lazy("users"),
    "agencies": gettext_lazy("agencies"),
    "rubrics": gettext_lazy("rubrics"),
    "sections": gettext_lazy("sections"),
    "profile pages": gettext_lazy("profile pages"),
    "news": gettext_lazy("news"),
    "articles": gettext_lazy("articles"),
    "announcements": gettext_lazy("announcements"),
    "register entries": gettext_lazy("public information register entries"),
    "workflow runs": gettext_lazy("runs through the SOP workflows"),
    "duty rosters": gettext_lazy("duty rosters"),
    "officials": gettext_lazy("officials"),
    "agenda items": gettext_lazy("agenda items"),
    "coverage assignments": gettext_lazy("coverage assignments"),
    "multimedia items": gettext_lazy("multimedia archive items"),
    "archive steps": gettext_lazy("archive steps confirmed (SOP step 7)"),
}


class Command(BaseCommand):
    """
    Fill the three sites with Indonesian demo content: users, agencies,
    rubrics, sections, profile pages, news, articles and announcements, the
    register of public information with its PDFs, the duty rosters and the
    leaders' agenda, the multimedia archive (photo albums, videos and audio
    with generated files), and drafts in every state of the two SOP workflows.
    """

    help = (
        "Fill the three sites with demo content (users, news, articles, "
        "announcements, profile pages, the public information register, the "
        "multimedia archive). "
        "Repeatable: what exists is left alone. "
        "Refuses to run when DEBUG is off unless --force is given."
    )

    def add_arguments(self, parser):
        """``--seed N`` for other content, ``--force`` to run with DEBUG off."""
        parser.add_argument(
            "--seed",
            type=int,
            default=2026,
            help="Seed of the random choices; the same seed gives the same titles.",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even though DEBUG is off (never on a production site).",
        )

    def handle(self, *args, seed, force, **options):
        """Set up the sites, seed every part in one transaction, print a summary."""
        if not settings.DEBUG and not force:
            raise CommandError(
                _(
                    "seed_demo adds demo users with a known password and made-up "
                    "content, so it only runs with DEBUG on. Use --force to run "
                    "it anyway (never on a production site)."
                )
            )
        started = time.monotonic()
        now = timezone.now()
        # The demo users are not emailed about the demo's workflow runs.
        with emails_muted(), transaction.atomic():
            sites_setup()
            sop_setup()
            users, user_count = seed_users()
            agencies, agency_count = seed_agencies()
            counts = [user_count, agency_count]
            counts += seed_media_center(
                demo_rng(seed, "media-center"),
                users=users,
                agencies=agencies,
                now=now,
            )
            counts += seed_infopublik(
                demo_rng(seed, "infopublik"), users=users, now=now
            )
            counts.append(seed_register(users=users, agencies=agencies, now=now))
            counts += seed_portal(demo_rng(seed, "portal"), users=users, now=now)
            counts.append(seed_duty_rosters(users=users, today=timezone.localdate(now)))
            counts += seed_agenda(now=now)
            # After the agenda and the news: its items document some of them.
            counts.append(seed_multimedia(users=users, now=now))
            # Last: it needs the sites' indexes, sections, rubrics and agencies.
            counts += seed_workflow_states(users=users, now=now)
            # After the runs: some assignments lead to their news.
            counts.append(seed_assignments(users=users, now=now))
            # Last: every publication above has its archive record.
            counts += seed_archive_steps(users=users, now=now)

        merged = {}
        for count in counts:
            created, existing = merged.get(count.label, (0, 0))
            merged[count.label] = (created + count.created, existing + count.existing)
        for label, (created, existing) in merged.items():
            self.stdout.write(
                "  "
                + _("%(label)s: %(created)d created, %(existing)d already there")
                % {"label": LABELS[label], "created": created, "existing": existing}
            )
        self.stdout.write(
            self.style.SUCCESS(
                _("Demo content ready (seed %(seed)d, %(seconds).1f s).")
                % {"seed": seed, "seconds": time.monotonic() - started}
            )
        )
