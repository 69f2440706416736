"""The leak gate: the last check on a PDF's bytes before any file is written (docs: "Leak gate").

The package, in the order the gate works:

- :mod:`.normalise`: the forms of each protected string (the fold is ``desktop.core.fold``, the
  redaction engine's own), and the same forms of each place's text;
- :mod:`.pdf`: reading the PDF: raw bytes, decoded objects and streams, structure and metadata;
- :mod:`.extract`: the page text from the fonts' ToUnicode maps, and pdftotext or pdfminer;
- :mod:`.search`: looking for the forms in one place, with the literals drawn there excused;
- :mod:`.verdict`: :func:`check` and :func:`check_text`, which raise :class:`LeakDetected` or
  return a :class:`GateReport`.
"""

from desktop.reports.leak_gate.extract import content_text, parse_tounicode
from desktop.reports.leak_gate.normalise import FORM_NAMES, CaseSensitive, fold, fold_keep_case, statement_shaper
from desktop.reports.leak_gate.outcome import GateReport, LeakDetected
from desktop.reports.leak_gate.pdf import NEUTRAL_CREATORS, NEUTRAL_DATE, NEUTRAL_TITLES
from desktop.reports.leak_gate.verdict import check, check_text, needle_index

__all__ = [
    "FORM_NAMES",
    "NEUTRAL_CREATORS",
    "NEUTRAL_DATE",
    "NEUTRAL_TITLES",
    "CaseSensitive",
    "GateReport",
    "LeakDetected",
    "check",
    "check_text",
    "content_text",
    "fold",
    "fold_keep_case",
    "needle_index",
    "parse_tounicode",
    "statement_shaper",
]
