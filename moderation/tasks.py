"""Background tasks of the moderation app (django-tasks, as Wagtail's own)."""

from django_tasks import task


@task()
def archive_record_complete_task(record_id):
    """Take the file checksums and HTML snapshot of an archive record."""
    from .archiving import archive_record_complete

    archive_record_complete(record_id=record_id)
