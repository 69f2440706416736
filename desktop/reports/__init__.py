"""Redacted witness statements as PDF, and the leak gate. Pure Python; never imports PySide6 or desktop.ui.

The API::

    from desktop.reports.statement import StatementContent, LegendLine, Addendum, render_statement, draw_statement
    from desktop.reports.leak_gate import check, check_text, LeakDetected, CaseSensitive
    from desktop.reports.export import (build_content, prepare_statement, export_statement, export_many,
                                        signing_content, render_signing_copy, save_signing_copy,
                                        ConsentMissing, ExportRefused)
    from desktop.reports.fonts import UncoveredCharacter

    content, forbidden = prepare_statement(interview, vault.redaction.load_decisions(id))  # redaction engine
    content = build_content(interview, redacted)          # from a Redacted (text + legend); needs consent
    result = export_statement(content, forbidden, path)   # render -> gate -> atomic write; ExportResult
    bulk = export_many(ids, load, folder, progress=cb, cancel=event)   # <reference>.pdf each; BulkResult
    data = render_statement(content)                      # bytes in memory, nothing written
    drawn = draw_statement(content)                       # Rendered(data, literals): (page, text) drawn
    report = check(drawn.data, forbidden, expected_text=content.all_text(), literals=drawn.literals)
    # forbidden: strings; CaseSensitive("Will") for a name part that is an English word (capitalised only)

See docs/statements.md.
"""
