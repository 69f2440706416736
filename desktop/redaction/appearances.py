"""Counsel and agents in a Scottish court's appearances, told by how the line is written.

An opinion of the Court of Session or the High Court of Justiciary lists who appeared for each
party on a line of its own: the party, a colon, counsel by surname (a rank after some), a
semicolon, then the agents, a firm or an office:

    Petitioner and Reclaimer: Roe, QC, Lindqvist; Harper Loudon LLP (for Moray & Co, Dundee)
    Respondent: Solicitor General (A Di Lorenzo QC); the Crown Agent

Counsel are people, each a surname or two (with initials or a particle: "A Di Lorenzo"), even an
English word ("Frost", "Page"); a rank ("QC", "KC") between commas is no one, and an office
("Solicitor General") is a title, with its holder in brackets after it. The agents after the
semicolon are a firm, an office or a town: facts. Read only on a line that opens with a party's
label and a colon and holds a semicolon after them.
"""

from __future__ import annotations

import re

SCORE = 0.6  # a surname the line's form says is counsel's
_LABEL = (
    r"(?:Petitioners?|Reclaimers?|Respondents?|Appellants?|Pursuers?|Defenders?|Minuters?|Applicants?|"
    r"Complainers?|Claimants?|Defendants?|Noters?|Compearers?|Interveners?|Crown)"
)
_LINE = re.compile(
    r"^[ \t\u00a0]*" + _LABEL + r"(?:[ \t\u00a0]+and[ \t\u00a0]+" + _LABEL + r")?[ \t\u00a0]*:[ \t\u00a0]*"
    r"([^;\n]{2,200});([^\n]*)$",
    re.MULTILINE,
)
_RANKS = frozenset(("QC", "KC", "SC", "QC.", "KC."))
_RANK = re.compile(r"[ \t\u00a0]+(?:QC|KC|SC)\.?$")
_PARTICLE = r"(?:Di|De|Da|Du|Van|Von|Le|La|del|de|di|da|du|van|von|le|la)"
_COUNSEL = re.compile(
    r"(?:[A-Z]\.?[ \t\u00a0]+){0,3}(?:" + _PARTICLE + r"[ \t\u00a0]+)?[A-Z][\w'’\-]+(?:[ \t\u00a0]+[A-Z][\w'’\-]+)?"
)
_NOT_COUNSEL = frozenset(
    "llp ltd office solicitor solicitors advocate general agent crown council service department "
    "procurator fiscal lord lady dean faculty the for instructed".split()
)
_BRACKETED = re.compile(r"\(([^()]*)\)")


def _counsel_spans(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for m in _LINE.finditer(text):
        s, seg = m.start(1), m.group(1)
        pos = 0
        for piece in seg.split(","):
            start = s + pos
            pos += len(piece) + 1
            inner = _BRACKETED.search(piece)  # "Solicitor General (A Di Lorenzo QC)": the holder
            off = start + inner.start(1) if inner else start
            body = inner.group(1) if inner else piece
            lead = len(body) - len(body.lstrip())
            body = _RANK.sub("", body.strip())
            if not body or body in _RANKS or any(w.lower().strip("()") in _NOT_COUNSEL for w in body.split()):
                continue
            if _COUNSEL.fullmatch(body):
                out.append((off + lead, off + lead + len(body)))
    return out


def counsel_in_appearances(text: str) -> list[tuple[int, int, str, float]]:
    """Counsel named on a Scottish court's appearances lines (see the module's note), as hits."""
    if ";" not in text or ":" not in text:
        return []
    return [(s, e, "PERSON", SCORE) for s, e in _counsel_spans(text)]


def agents_in_appearances(toks: list, text: str) -> None:
    """Take back the words of the agents after the semicolon of an appearances line (a firm, an
    office, a town), and the party's label before the colon ("Reclaimer"), where nothing stronger
    than an unexplained word (0.5) scored them."""
    if ";" not in text or ":" not in text:
        return
    spans = [sp for m in _LINE.finditer(text) for sp in ((m.start(), m.start(1)), m.span(2))]
    if not spans:
        return
    for t in toks:
        if 0 < t.score <= 0.5 and any(s <= t.start and t.end <= e for s, e in spans):
            t.score, t.place, t.edge_ok = 0.0, True, False
