"""The log never holds interview text, even when code passes it in by mistake."""

from __future__ import annotations

import logging

from desktop import logging_setup
from desktop.logging_setup import Safe


def test_string_arguments_and_exception_messages_are_withheld(tmp_path):
    handler = logging_setup.configure(tmp_path)
    log = logging.getLogger("desktop.test")
    try:
        log.info("saved interview for %s", "Amina Canary-Khan")
        log.info("command %s finished with %d", Safe("export"), 3)
        try:
            raise ValueError("statement mentions Amina Canary-Khan")
        except ValueError:
            log.exception("export failed")
        handler.flush()
        text = (tmp_path / logging_setup.LOG_FILE_NAME).read_text(encoding="utf-8")
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
    assert "Canary" not in text
    assert "<text:17>" in text
    assert "command export finished with 3" in text
    assert "ValueError (message withheld)" in text
    assert "test_logging_scrub.py" in text
