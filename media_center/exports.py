"""Spreadsheets of the Media Center's planning, for printing and sharing."""

from django.utils.formats import date_format
from django.utils.translation import gettext

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from portal.spreadsheets import cells_as_typed

from .selectors import duty_roster_grid


def _officers_text(shift):
    lines = [str(officer) for officer in shift.officers.all()]
    if shift.note:
        lines.append(shift.note)
    return "\n".join(lines)


def duty_roster_workbook(*, roster):
    """``roster`` as an XLSX workbook: one row per day, one column per shift time."""
    slots, rows = duty_roster_grid(roster=roster)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = date_format(roster.month, "F Y")
    sheet.append([str(roster)])
    sheet["A1"].font = Font(bold=True, size=14)
    header = [gettext("Day")] + [
        f"{start:%H.%M}–{end:%H.%M} WIB" for start, end in slots
    ]
    sheet.append(header)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for day, shifts in rows:
        sheet.append(
            [date_format(day, "l, j F Y")]
            + [_officers_text(shift) if shift else "" for shift in shifts]
        )
    sheet.column_dimensions["A"].width = 26
    for index in range(len(slots)):
        sheet.column_dimensions[chr(ord("B") + index)].width = 45
    for row in sheet.iter_rows(min_row=3):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    cells_as_typed(sheet)
    return workbook
