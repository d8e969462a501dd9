"""The archive package of one publication, downloaded from the admin."""

import tempfile

from django.http import FileResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from ..packages import archive_package_name, archive_package_zip
from ..selectors import archive_records_visible_to


@require_GET
def archive_package_download(request, pk):
    """
    The zip of record ``pk``'s archive package, for a user who may read the
    record (404 otherwise, as for a record that does not exist). Registered
    as an admin URL, so only users with admin access reach it.
    """
    record = get_object_or_404(archive_records_visible_to(request.user), pk=pk)
    # On disk rather than in memory: a package holds the original videos.
    # FileResponse closes it (and so deletes it) once the zip is sent.
    stream = tempfile.TemporaryFile(prefix="warta-archive-", suffix=".zip")  # noqa: SIM115
    try:
        archive_package_zip(record=record, output=stream)
    except BaseException:
        stream.close()
        raise
    stream.seek(0)
    return FileResponse(
        stream,
        as_attachment=True,
        filename=f"{archive_package_name(record)}.zip",
        content_type="application/zip",
    )
