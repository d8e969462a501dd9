"""
Wagtail's own image-upload messages that its Indonesian catalog lacks. Listed
here so that ``makemessages`` keeps them in ours (``locale/id``), which Django
reads before Wagtail's: a refused upload is explained in Indonesian.
"""

from django.utils.translation import gettext_noop

WAGTAIL_IMAGE_STRINGS = (
    gettext_noop(
        "Not a valid .%(extension)s image. The extension does not match the "
        "file format (%(image_format)s)"
    ),
    gettext_noop(
        "This file has too many pixels (%(num_pixels)s). Maximum pixels "
        "%(max_pixels_count)s."
    ),
    gettext_noop("unknown number"),
)
