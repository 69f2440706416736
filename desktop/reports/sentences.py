"""Sentences of the statement form that say what a part of the statement is (the renderer draws
them as the form's own wording, which the leak gate knows as literals)."""

from __future__ import annotations

SHARED_HEADING = "What was shared with Immigration Enforcement"
SHARED_NOTE = "As the interviewee described it, redacted in the same way as the statement."
TRUTH = ("I believe the facts in this statement are true; I understand it may be used as evidence in a "
         "complaint about the police.")
ANNEX_HEADING = "Annex: the interviewee's own words"
ANNEX_NOTE = ("The statement as the interviewee gave it in their own language, redacted in the same way and with "
              "the same placeholders. The numbered statement above is the statement.")
ANNEX_LANGUAGE = "Language: {value}"
