"""``manage.py syndicate_news``: put every live news item on the sites it is published on."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from media_center.models import NewsPage
from media_center.services import news_syndicate


class Command(BaseCommand):
    help = _(
        "Make the missing copies of live news on Info Publik and the portal (and "
        "remove those of sites unticked). Publishing does this by itself; run it "
        "once after upgrading an installation whose news predates it."
    )

    def handle(self, *args, **options):
        before = NewsPage.objects.exclude(alias_of=None).count()
        for news in NewsPage.objects.live().filter(alias_of=None).order_by("path"):
            news_syndicate(news=news)
        after = NewsPage.objects.exclude(alias_of=None).count()
        self.stdout.write(
            _("Copies of news on the other sites: %(before)d before, %(after)d now.")
            % {"before": before, "after": after}
        )
