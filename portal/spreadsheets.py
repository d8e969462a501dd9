"""What the spreadsheets Warta writes have in common."""


def cells_as_typed(sheet):
    """
    Every cell of ``sheet`` keeps what was typed: openpyxl stores text that
    starts with "=" as a formula, which the reader's spreadsheet would run
    (a title like ``=HYPERLINK(…)``). Wagtail's report exports do the same.
    """
    for row in sheet.iter_rows():
        for cell in row:
            if cell.data_type == "f":
                cell.data_type = "s"
