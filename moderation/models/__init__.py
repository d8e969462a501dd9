from .archive import ArchiveRecord, ArchiveReminder
from .screening import (
    FindingKind,
    IntegrityFinding,
    IntegrityRun,
    LexiconTerm,
    ScreeningAlarm,
)
from .tasks import SOP, SOPReminder, SOPTask, duration_label

__all__ = [
    "SOP",
    "ArchiveRecord",
    "ArchiveReminder",
    "FindingKind",
    "IntegrityFinding",
    "IntegrityRun",
    "LexiconTerm",
    "SOPReminder",
    "ScreeningAlarm",
    "SOPTask",
    "duration_label",
]
