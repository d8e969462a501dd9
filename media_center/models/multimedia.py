"""
The Media Center's multimedia archive (issue 7): photo albums, videos and
audio recordings of the city's activities (news SOP steps 1 and 7), each a
page under the archive index, written and approved under the news SOP.
"""

import datetime
import re
from urllib.parse import parse_qs, urlparse

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable
from wagtail.search import index

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtailmedia.edit_handlers import MediaChooserPanel

from portal.models import BasePage, ListingMixin

MEDIA_MODEL = "wagtailmedia.Media"
# The types browsers are told, by the file's extension (checked on upload).
MEDIA_TYPES = {
    "mp4": "video/mp4",
    "webm": "video/webm",
    "mp3": "audio/mpeg",
    "m4a": "audio/mp4",
    "ogg": "audio/ogg",
}


def media_type_of(media):
    """The MIME type of a wagtailmedia file, for a player's ``<source>``."""
    extension = media.file.name.rsplit(".", 1)[-1].lower() if media else ""
    return MEDIA_TYPES.get(extension, "")


class MultimediaKind(models.TextChoices):
    PHOTO = "foto", _("Photo album")
    VIDEO = "video", _("Video")
    AUDIO = "audio", _("Audio")


def _image_field(verbose_name, *, help_text="", required=True):
    return models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=verbose_name,
        null=True,
        blank=not required,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=help_text,
    )


class MultimediaIndexPage(RoutablePageMixin, ListingMixin, BasePage):
    """
    The archive: every album, video and audio item, newest event first,
    browsable by year and month, type and tag, searchable, with an RSS feed.
    """

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["media_center.MediaCenterHomePage"]
    subpage_types = [
        "media_center.PhotoAlbumPage",
        "media_center.VideoPage",
        "media_center.AudioPage",
    ]
    max_count_per_parent = 1
    per_page = 12

    class Meta:
        verbose_name = _("multimedia archive")

    @path("")
    def archive(self, request):
        from ..filters import ArchiveFilterForm
        from ..selectors import multimedia_archive

        form = ArchiveFilterForm(request.GET, index=self)
        filters = form.archive_filters()
        return self.render(
            request,
            context_overrides={
                "filter_form": form,
                "filters": filters,
                "items": self.paginate(
                    request, multimedia_archive(index=self, filters=filters)
                ),
            },
        )

    @path("feed/")
    def feed(self, request):
        from ..feeds import MultimediaFeed

        return MultimediaFeed(index=self)(request)


class MultimediaPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "media_center.MultimediaPage",
        on_delete=models.CASCADE,
        related_name="tagged_items",
    )


class MultimediaPage(BasePage):
    """
    What the archive lists of every item, whatever its type: one table, so
    that the archive is one query. Not made on its own: an album, a video or
    an audio item is.
    """

    kind = models.CharField(
        _("type"), max_length=10, choices=MultimediaKind.choices, editable=False
    )
    recorded_on = models.DateField(
        _("date of the event"),
        help_text=_(
            "When the photos or the recording were made; the archive is browsed by it."
        ),
    )
    description = models.TextField(_("description"))
    cover_image = _image_field(
        _("cover image"),
        help_text=_("Shown in the archive and in link previews."),
    )
    agenda_item = models.ForeignKey(
        "media_center.AgendaItem",
        verbose_name=_("agenda item"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="multimedia",
        limit_choices_to={"is_public": True},
        help_text=_("The activity on the leaders' public agenda it documents."),
    )
    news = models.ForeignKey(
        "media_center.NewsPage",
        verbose_name=_("news"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="multimedia",
        help_text=_("The news it documents."),
    )
    tags = ClusterTaggableManager(
        through=MultimediaPageTag, blank=True, verbose_name=_("tags")
    )
    duration = models.DurationField(
        _("duration"),
        null=True,
        blank=True,
        help_text=_("For example 3:25 (minutes:seconds) or 1:02:00."),
    )
    transcript = models.TextField(
        _("transcript"),
        blank=True,
        help_text=_("Everything that is said, for readers who cannot listen."),
    )

    is_creatable = False
    parent_page_types = ["media_center.MultimediaIndexPage"]
    subpage_types = []
    route_select_related = ("cover_image", "agenda_item", "news")

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("description"),
        index.SearchField("transcript"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("kind"),
        index.FilterField("recorded_on"),
    ]

    context_panels = [
        FieldRowPanel([FieldPanel("recorded_on"), FieldPanel("tags")]),
        FieldRowPanel([FieldPanel("agenda_item"), FieldPanel("news")]),
    ]
    # What a video and an audio item have after their file and cover.
    recording_panels = [
        FieldPanel("duration"),
        FieldPanel("description"),
        FieldPanel("transcript"),
        *context_panels,
    ]

    class Meta:
        verbose_name = _("multimedia item")
        verbose_name_plural = _("multimedia items")
        indexes = [models.Index(fields=["kind", "recorded_on"])]

    KIND = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Each type says what it is, also before it is saved (a preview).
        if self.KIND is not None:
            self.kind = self.KIND

    def get_meta_description(self):
        return self.search_description or self.description

    def get_social_image(self):
        return self.cover_image

    def recording_errors(self, media):
        """
        What a video or an audio item must have: its duration (read from the
        uploaded ``media`` when none is typed) and its transcript.
        """
        if self.duration is None and media is not None and media.duration:
            self.duration = datetime.timedelta(seconds=round(media.duration))
        errors = {}
        if self.duration is None:
            errors["duration"] = gettext(
                "Give the duration, for example 3:25 (minutes:seconds)."
            )
        if not self.transcript.strip():
            errors["transcript"] = gettext(
                "Write the transcript: everything that is said."
            )
        return errors


class AlbumPhoto(Orderable):
    """A photo of an album, with what it shows and who took it."""

    page = ParentalKey(
        "media_center.PhotoAlbumPage", on_delete=models.CASCADE, related_name="photos"
    )
    image = _image_field(_("photo"))
    alt_text = models.CharField(
        _("alternative text"),
        max_length=255,
        help_text=_("What the photo shows, for readers who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=255, blank=True)
    credit = models.CharField(
        _("photographer"),
        max_length=255,
        blank=True,
        help_text=_("Leave empty to use the credit saved on the image."),
    )
    taken_on = models.DateField(_("taken on"), null=True, blank=True)

    panels = [
        FieldPanel("image"),
        FieldPanel("alt_text"),
        FieldPanel("caption"),
        FieldRowPanel([FieldPanel("credit"), FieldPanel("taken_on")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    @property
    def credit_text(self):
        """ "Foto: Rina / MC Kota Palangka Raya", as the Media Center credits."""
        name = self.credit or (self.image.credit if self.image else "")
        return credit_line(name)


def credit_line(name):
    """The Media Center's credit line for a photographer's ``name``."""
    if not name:
        return gettext("MC Kota Palangka Raya")
    if "MC " in name or "Media Center" in name:
        return name
    return gettext("%(name)s / MC Kota Palangka Raya") % {"name": name}


class PhotoAlbumPage(MultimediaPage):
    """An album of photos of one activity, in order, with a cover."""

    KIND = MultimediaKind.PHOTO

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("description"),
        FieldPanel("cover_image"),
        *MultimediaPage.context_panels,
        InlinePanel("photos", label=_("Photos"), min_num=1),
    ]

    class Meta:
        verbose_name = _("photo album")
        verbose_name_plural = _("photo albums")

    def get_context(self, request, *args, **kwargs):
        from ..selectors import album_photos

        context = super().get_context(request, *args, **kwargs)
        context["photos"] = album_photos(page=self)
        return context


# What the pages need of each host: its name, the video's page there, and
# its player in the form that sets no tracking cookie.
HOSTS = {
    "youtube": {
        "name": "YouTube",
        "watch": "https://www.youtube.com/watch?v={id}",
        "embed": "https://www.youtube-nocookie.com/embed/{id}?autoplay=1",
    },
    "vimeo": {
        "name": "Vimeo",
        "watch": "https://vimeo.com/{id}",
        "embed": "https://player.vimeo.com/video/{id}?dnt=1&autoplay=1",
    },
}
YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
VIMEO_ID = re.compile(r"^\d{6,12}$")


def hosted_video(url):
    """
    ``(host, id)`` of a YouTube or Vimeo address, or None. Read from the
    address alone: nothing is fetched from the host.
    """
    parsed = urlparse(url or "")
    host = (parsed.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    parts = [part for part in parsed.path.split("/") if part]
    candidate = None
    if host in ("youtube.com", "youtube-nocookie.com"):
        if parts[:1] == ["watch"]:
            candidate = parse_qs(parsed.query).get("v", [None])[0]
        elif len(parts) >= 2 and parts[0] in ("embed", "shorts", "live"):
            candidate = parts[1]
        if candidate and YOUTUBE_ID.match(candidate):
            return ("youtube", candidate)
    elif host == "youtu.be" and parts and YOUTUBE_ID.match(parts[0]):
        return ("youtube", parts[0])
    elif host in ("vimeo.com", "player.vimeo.com"):
        candidate = parts[-1] if parts else None
        if candidate and VIMEO_ID.match(candidate):
            return ("vimeo", candidate)
    return None


class VideoPage(MultimediaPage):
    """A video: an uploaded file, or a YouTube or Vimeo address shown on request."""

    KIND = MultimediaKind.VIDEO

    video = models.ForeignKey(
        MEDIA_MODEL,
        verbose_name=_("video file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"type": "video"},
        help_text=_("MP4 or WebM. Or give the address of the video below."),
    )
    video_url = models.URLField(
        _("YouTube or Vimeo address"),
        blank=True,
        help_text=_("The video is loaded from there only when a visitor presses play."),
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [MediaChooserPanel("video", media_type="video"), FieldPanel("video_url")],
            heading=_("Video"),
        ),
        FieldPanel("cover_image", heading=_("Poster image")),
        *MultimediaPage.recording_panels,
    ]

    class Meta:
        verbose_name = _("video")
        verbose_name_plural = _("videos")

    @property
    def video_type(self):
        return media_type_of(self.video)

    def _hosted_url(self, kind):
        """``kind`` ("name", "watch" or "embed") of the hosted video, or ""."""
        if (hosted := hosted_video(self.video_url)) is None:
            return ""
        host, video_id = hosted
        return HOSTS[host][kind].format(id=video_id)

    @property
    def host_name(self):
        return self._hosted_url("name")

    @property
    def watch_url(self):
        """The video's own page on its host, rebuilt from its id."""
        return self._hosted_url("watch")

    @property
    def embed_url(self):
        """The host's player, in its privacy-friendly form, started on request."""
        return self._hosted_url("embed")

    def clean(self):
        super().clean()
        errors = {}
        if self.video_id and self.video_url:
            errors["video_url"] = gettext(
                "Give either a video file or an address, not both."
            )
        elif not self.video_id and not self.video_url:
            errors["video"] = gettext("Choose a video file or give its address.")
        elif self.video_url and hosted_video(self.video_url) is None:
            errors["video_url"] = gettext(
                "Only YouTube and Vimeo addresses of one video can be shown, "
                "for example https://www.youtube.com/watch?v=…"
            )
        errors.update(self.recording_errors(self.video if self.video_id else None))
        if errors:
            raise ValidationError(errors)


class AudioPage(MultimediaPage):
    """A recording: a radio talk show, a press statement."""

    KIND = MultimediaKind.AUDIO

    audio = models.ForeignKey(
        MEDIA_MODEL,
        verbose_name=_("audio file"),
        null=True,
        blank=False,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"type": "audio"},
        help_text=_("MP3, M4A or OGG."),
    )

    content_panels = [
        *BasePage.content_panels,
        MediaChooserPanel("audio", media_type="audio"),
        FieldPanel("cover_image"),
        *MultimediaPage.recording_panels,
    ]

    class Meta:
        verbose_name = _("audio")
        verbose_name_plural = _("audio items")

    @property
    def audio_type(self):
        return media_type_of(self.audio)

    def clean(self):
        super().clean()
        if errors := self.recording_errors(self.audio if self.audio_id else None):
            raise ValidationError(errors)
