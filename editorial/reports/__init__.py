"""Programme delivery reports: the "Báo cáo" admin menu.

- ``queries/``: the numbers, one module per report, aggregated by the database and never
  stored (``percentiles`` for the medians and 90th percentiles);
- ``tables`` (columns, rows, how a value is shown and exported), ``charts`` (server-side
  SVG geometry), ``exports`` (CSV with a BOM, XLSX), ``links`` (the filtered lists
  behind each number);
- ``views/`` (Wagtail report views, one per report) and ``viewsets`` (the menu group,
  and the article listing the numbers link to).

Only editors and the editor-in-chief see them (``editorial.view_reports``).
"""
