from .archive import ArchiveRecord, ArchiveReminder
from .tasks import SOP, SOPReminder, SOPTask, duration_label

__all__ = [
    "SOP",
    "ArchiveRecord",
    "ArchiveReminder",
    "SOPReminder",
    "SOPTask",
    "duration_label",
]
