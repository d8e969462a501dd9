"""Forms of Wagtail's admin that Warta adapts."""

from wagtail.images.forms import BaseImageForm

from .images import without_location


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
