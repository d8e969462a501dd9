"""Uploaded photos as the public may see them."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile

from PIL import ExifTags, Image

# What each format is written again with: a JPEG keeps its own quantisation
# (no visible loss), PNG is lossless, WebP and MPO at a high quality.
_SAVE_OPTIONS = {
    "JPEG": {"quality": "keep", "subsampling": "keep"},
    # A phone's multi-picture JPEG (HDR gain map, depth): kept as the JPEG
    # of its main picture (Pillow keeps the quantisation of JPEGs only).
    "MPO": {"quality": 95},
    "PNG": {"optimize": True},
    "WEBP": {"quality": 92},
}


def without_location(upload):
    """
    ``upload`` (an uploaded photo) without the location the camera or phone
    wrote into it (EXIF GPS): a reporter's photo must not tell the public
    where they live or which house a source lives in. Every rendition is made
    from this file, so none carries it either. Other EXIF data (camera,
    date, orientation) is kept. ``upload`` itself when it has no location.
    """
    upload.seek(0)
    with Image.open(upload) as image:
        exif = image.getexif()
        if image.format not in _SAVE_OPTIONS or ExifTags.IFD.GPSInfo not in exif:
            upload.seek(0)
            return upload
        del exif[ExifTags.IFD.GPSInfo]
        output = io.BytesIO()
        options = dict(_SAVE_OPTIONS[image.format])
        if icc_profile := image.info.get("icc_profile"):
            options["icc_profile"] = icc_profile
        image_format = "JPEG" if image.format == "MPO" else image.format
        image.save(output, image_format, exif=exif.tobytes(), **options)
    return SimpleUploadedFile(
        upload.name,
        output.getvalue(),
        content_type=getattr(upload, "content_type", None),
    )
