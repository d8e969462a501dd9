"""Forms of Wagtail's admin that Warta adapts."""

import os

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.images.forms import BaseImageForm

from wagtailmedia.forms import BaseMediaForm
from wagtailmedia.settings import wagtailmedia_settings

from .images import without_location
from .media import media_probe

KIND_NAMES = {"video": _("video"), "audio": _("audio")}


class ImageForm(BaseImageForm):
    """
    Wagtail's image form (upload, multiple upload, chooser upload), after its
    own checks of type, content, size and pixels: the photo is stored
    without its location data.
    """

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and "file" in self.changed_data:
            return without_location(upload)
        return upload


class MediaForm(BaseMediaForm):
    """
    wagtailmedia's form for video and audio, which checks only the extension:
    here also the size limit of its kind and that the content is what the
    extension says (read by FFmpeg); the duration, and a video's width and
    height, are taken from the file when not typed. Refused files are not
    stored.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The pages show their own cover image (a Wagtail image, checked and
        # without location); wagtailmedia's thumbnail would be a second,
        # unchecked public image upload.
        self.fields.pop("thumbnail", None)

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload or "file" not in self.changed_data:
            return upload
        kind = self.instance.type
        extensions = {
            "video": wagtailmedia_settings.VIDEO_EXTENSIONS,
            "audio": wagtailmedia_settings.AUDIO_EXTENSIONS,
        }
        extension = os.path.splitext(upload.name)[1].lower().lstrip(".")
        if kind not in extensions:
            # wagtailmedia's "media" route: the kind follows the extension.
            kind = next((k for k, e in extensions.items() if extension in e), None)
        if kind is None or extension not in extensions[kind]:
            allowed = extensions.get(kind) or [
                *extensions["video"],
                *extensions["audio"],
            ]
            raise ValidationError(
                gettext(
                    "This type of file cannot be uploaded here. Allowed: %(allowed)s."
                )
                % {"allowed": ", ".join(e.upper() for e in allowed)}
            )
        limit = settings.WARTA_MEDIA_MAX_UPLOAD_SIZE[kind]
        if upload.size > limit:
            raise ValidationError(
                gettext(
                    "This file is too big (%(size)s). The largest file allowed "
                    "is %(limit)s."
                )
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
            )
        probe = media_probe(upload)
        if probe is None or not probe.fits(extension=extension, kind=kind):
            raise ValidationError(
                gettext(
                    "This file is not a playable %(kind)s file in the %(extension)s "
                    "format: its content does not match its name."
                )
                % {"kind": KIND_NAMES[kind], "extension": extension.upper()}
            )
        self.instance.type = kind
        self.probe = probe
        return upload

    def clean(self):
        cleaned_data = super().clean()
        if probe := getattr(self, "probe", None):
            if not cleaned_data.get("duration") and probe.duration:
                cleaned_data["duration"] = round(probe.duration, 2)
            for name in ("width", "height"):
                if name in self.fields and not cleaned_data.get(name):
                    cleaned_data[name] = getattr(probe, name)
        return cleaned_data
