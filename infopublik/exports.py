"""The Daftar Informasi Publik as a spreadsheet, the columns of PerKI 1/2021."""

from django.utils.translation import gettext

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from portal.spreadsheets import cells_as_typed


def dip_columns():
    return [
        gettext("No."),
        gettext("Summary of the information"),
        gettext("Official or unit holding the information"),
        gettext("Responsible for producing or publishing"),
        gettext("Time and place made"),
        gettext("Form of the information"),
        gettext("Retention period"),
    ]


def dip_workbook(*, table):
    """
    The DIP of ``table.year`` as an XLSX workbook: a title, the header row,
    then per category a row naming it and its numbered entries.
    """
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = f"DIP {table.year}"
    sheet.append([gettext("Daftar Informasi Publik %(year)s") % {"year": table.year}])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(dip_columns())
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for section in table.sections:
        sheet.append([str(section.category.label)])
        sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True)
        for number, entry in section.rows:
            sheet.append(
                [
                    number,
                    f"{entry.title}\n{entry.summary}",
                    entry.holder_label,
                    entry.responsible,
                    entry.made_label,
                    entry.get_form_display(),
                    entry.retention,
                ]
            )
    for column, width in zip("ABCDEFG", (6, 60, 35, 35, 28, 20, 22), strict=True):
        sheet.column_dimensions[column].width = width
    for row in sheet.iter_rows(min_row=3):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A3"
    cells_as_typed(sheet)
    return workbook
