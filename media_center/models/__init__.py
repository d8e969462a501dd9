"""The Media Center's models: its pages and its newsroom planning."""

from .pages import (
    AgendaPage,
    MediaCenterHomePage,
    NewsIndexPage,
    NewsPage,
    NewsPageTag,
    Rubric,
)
from .planning import (
    AGENDA_NOTICE,
    FILING_STANDARD,
    AgendaItem,
    AgendaStatus,
    Assignment,
    AssignmentState,
    Duty,
    DutyOfficer,
    DutyRoster,
    DutyShift,
    DutyShiftForm,
    Official,
    month_after,
)
from .publishing import MEDIA_CENTER, NewsPublication, NewsSiteLive

__all__ = [
    "AGENDA_NOTICE",
    "FILING_STANDARD",
    "MEDIA_CENTER",
    "AgendaItem",
    "AgendaPage",
    "AgendaStatus",
    "Assignment",
    "AssignmentState",
    "Duty",
    "DutyOfficer",
    "DutyRoster",
    "DutyShift",
    "DutyShiftForm",
    "MediaCenterHomePage",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTag",
    "NewsPublication",
    "NewsSiteLive",
    "Official",
    "Rubric",
    "month_after",
]
