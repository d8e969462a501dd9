"""Writes of Info Publik."""

from .models import ExemptFile, InformationCategory


def exempt_files_record(*, content):
    """
    ``content`` is a version of a report page (a revision's content): when
    it is exempt information, its files are marked as such for good (see
    ``ExemptFile``). One query when there is nothing new to mark.
    """
    if content.get("category") != InformationCategory.EXEMPT:
        return
    ids = {
        item["document"]
        for item in content.get("documents", ())
        if isinstance(item.get("document"), int)
    }
    if not ids:
        return
    known = set(
        ExemptFile.objects.filter(document_id__in=ids).values_list(
            "document_id", flat=True
        )
    )
    ExemptFile.objects.bulk_create(
        [ExemptFile(document_id=pk) for pk in sorted(ids - known)],
        ignore_conflicts=True,
    )
