"""Start-up: nothing heavy is loaded before the unlock window shows (issue #13). The PDF, font
shaping and detection libraries load on first use, so the window a worker waits for comes first."""

from __future__ import annotations

from tests.startup import CHILD, make_vault, run

# Loaded only when a statement is reviewed, rendered or checked, or a bundle made.
HEAVY = {"reportlab", "pikepdf", "pypdf", "pdfminer", "uharfbuzz", "regex", "phonenumbers", "pyrage", "lxml"}


def test_the_unlock_window_shows_without_loading_the_pdf_or_detection_libraries(tmp_path):
    make_vault(tmp_path)
    result = run(CHILD, tmp_path)
    assert result["page"] == "UnlockPage"
    loaded = HEAVY & set(result["modules"])
    assert not loaded, f"loaded before the unlock window: {sorted(loaded)}"
    assert {"PySide6", "desktop", "sqlcipher3"} <= set(result["modules"])  # it did start the app
    # The list and the form come just after the first paint, and with them what they need.
    assert "desktop.ui.interview_editor" not in result["desktop_modules"]
    assert {"desktop.ui.interview_editor", "desktop.ui.list_page"} <= set(result["desktop_after"])


def test_the_probe_sees_a_heavy_library_when_one_is_loaded(tmp_path):
    """The check above can fail: the same run with the review window's module loaded first shows it."""
    make_vault(tmp_path)
    result = run("import desktop.ui.redaction_review\n" + CHILD, tmp_path)
    assert {"regex", "phonenumbers"} <= set(result["modules"])
