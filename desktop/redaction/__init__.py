"""Redaction at source: find what identifies people in a statement, and make the text the PDF is
rendered from. Pure Python; never imports PySide6 or desktop.ui.

The API (offsets are Unicode code points of the statement text)::

    from desktop.redaction import (Span, KnownIdentifiers, detect, apply, Redacted, LegendEntry,
                                   Decisions, known_from_interview, forbidden_strings)

    known = KnownIdentifiers(people=[("Rajinder Sandhu", ["Raj"])],          # (name, aliases)
                             identifiers=[("phone", "07700 900123")])        # (IdentifierKind value, value)
    known = known_from_interview(interview)                                  # the same, from the record

    spans = detect(text, known, allow=["Hackney Migrant Centre"])            # -> list[Span], sorted
    # Span(start, end, type, source, confidence, person, recorded)
    #   type: one of TYPES ("PERSON", "ADDRESS", "POSTCODE", "PHONE", "EMAIL", "SOCIAL",
    #         "DATE_OF_BIRTH", "NI_NUMBER", "NHS_NUMBER", "HOME_OFFICE_REF", "BRP", "PASSPORT",
    #         "DRIVING_LICENCE", "CRIME_REF", "OFFICER_NUMBER", "VEHICLE", "BANK", "ID", "OTHER")
    #   source: "known" (recorded on the interview: always redacted, cannot be rejected),
    #           "detector" (a suggestion, pre-accepted) or "manual" (added by the reviewer)
    #   confidence: 0..1, for ordering and colouring suggestions only: nothing is dropped for it
    #   person: for PERSON spans, who it is (the recorded name for a known person)
    #   recorded: for a recorded identifier's span, which one ("address:" + the address as recorded):
    #         every piece of one recorded address (street lines, postcode typed POSTCODE) reads as
    #         that one address: "[ADDRESS 1], Southall [POSTCODE 1]", the legend saying they go together
    # Spans may overlap; apply() takes their union.

    decisions = Decisions(text)                       # the reviewer's decisions on this text
    decisions.reject(span, "it is the name of the day centre")   # reason required; ValueError for known spans
    decisions.accept(span)                            # undo a rejection
    manual = decisions.add_manual(start, end, "PERSON")          # any type in TYPES; default "OTHER"
    dropped = decisions.reconcile(new_text)           # after an edit: decisions follow their text;
                                                      # those whose text was edited away are returned
    decisions.to_dict() / Decisions.from_dict(d, text)            # JSON for the vault

    red = apply(text, spans, decisions)               # -> Redacted
    red.text      # what the PDF is made from: "Person A called from [PHONE 1] ..."
    red.legend    # [LegendEntry(placeholder="Person A", type="PERSON", description="a person"), ...]
    red.removed   # the original text of every redacted stretch
    red.mapping   # placeholder -> original (the recorded name for known people); vault only

    forbidden_strings(text, spans, known)  # -> set[str] the leak gate must not find in the PDF:
                                           # each redacted stretch's text and every recorded name,
                                           # alias and identifier and their parts (>= 3 chars)

    case_sensitive_parts(known)            # -> set[str]: recorded name parts that are English words
                                           # ("Hope", "Will"); redacted only where capitalised, so the
                                           # gate should look for these case-sensitively

Recorded names and identifiers are looked for at the same cost however many people are recorded
(``recorded``): each person's patterns are made once per session and compiled only for statements
that may hold them. A recorded name's words are matched however they are spaced or punctuated
("Nguyen-Thi-Hoa", "Alhassan" for "Al Hassan"); a recorded reference keeps its prefix ("CAD:
4411/07JUN21"); a recorded phone number is found in any of its usual writings.

Pseudonyms: one "Person A" per person for the whole statement (a known person by their recorded
name; another name by its text, a lone given name joining the one longer name it belongs to);
other identifiers "[PHONE 1]", "[ADDRESS 2]", ..., the same placeholder each time the same value
appears. Placeholders are never detected again, so applying twice changes nothing.

Other scripts: every span edge falls on a whole letter (grapheme cluster; see ``graphemes``), so
no vowel sign, virama or haraka is ever left beside a placeholder. In Arabic, Urdu, Hindi,
Punjabi, Bengali and the other Indic scripts a word is not a likely name for being in that script:
only after a cue, English ("my husband ...", "Mrs ...") or in the script itself ("ਮੇਰਾ ਪਤੀ ...",
"میرا شوہر ...", "मेरे पति ...", "আমার স্বামী ...", "زوجي ...", "... का नाम ..."), and then wherever
else the same word appears. Recorded names and aliases in any script are always found.

Spelling variants of a recorded name ("Muhammad", "Mohamed" for a recorded "Mohammed Khan";
"Abdel", "Yousef", "Aleksandr") are found as unknown words and get the recorded person's
pseudonym (``variants``: a short table of common transliterations and a normalised comparison).

Known limits (the reviewer's to catch; the review screen lists every suggestion and lets any text
be added): a name that is an ordinary English word with no cue around it ("Aster and I went"); a
name in Arabic, Urdu or an Indic script with no cue and not recorded; digits spoken as words ("oh
seven seven..."); a variant spelling outside the table that is not just doubled letters gets its
own pseudonym; organisations and workplaces are not flagged unless they look like a street or a
name. Recorded name parts that are English words count only where capitalised (see
``case_sensitive_parts``).

What stays (the facts of the complaint): police force names, the Home Office, Immigration
Enforcement and other public bodies, organisations that help (``lexicon.HELPING_ORGANISATIONS``,
extended by ``allow=``), crime types, months and years ("in March 2018"), towns, "999"/"101".

A recorded name that shares a word with one of these leaves it whole: for an interviewee recorded
as "Amy Police", "Greater Manchester Police", "Kent Police" and "the Home Office" stay (a single
word of a recorded name, a one-word name or alias, or a given name inferred before a recorded
surname, inside a longer must-keep phrase is that phrase's). The recorded name itself ("Amy
Police", "AMY POLICE's") is always redacted, and so is the word standing on its own as a name:
"Ms Police", and "Police told me", because a capitalised recorded word on its own is taken for the
name, as "Hope said" is (lower-case "the police told me" stays). Likewise a recorded surname that is
also a county or town ("Kent") is redacted where it stands alone ("I live in Kent"): recall first,
and the reviewer can keep it with a reason.
"""

from desktop.redaction.apply import (
    LegendEntry,
    Redacted,
    apply,
    case_sensitive_parts,
    effective_spans,
    forbidden_strings,
)
from desktop.redaction.decisions import Decision, Decisions
from desktop.redaction.engine import detect
from desktop.redaction.known import KIND_TYPES, KnownIdentifiers, known_from_interview
from desktop.redaction.spans import TYPE_LABELS, TYPES, Span

__all__ = [
    "Decision",
    "Decisions",
    "KIND_TYPES",
    "KnownIdentifiers",
    "LegendEntry",
    "Redacted",
    "Span",
    "TYPES",
    "TYPE_LABELS",
    "apply",
    "case_sensitive_parts",
    "detect",
    "effective_spans",
    "forbidden_strings",
    "known_from_interview",
]
