"""Services as spreadsheets: a documented template, an all-or-nothing import and an export.

``columns`` is the template (the one place its columns are documented), ``reading`` loads a
CSV or XLSX file within limits, ``rows`` turns one row into an unsaved service or a list of
(column, reason) errors, ``importer`` validates every row before writing any, ``writing``
exports the same template with spreadsheet formulas neutralised, and ``admin`` is the
commissioners' "Import and export" screen.
"""
