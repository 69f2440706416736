"""The export honours the reviewer's stored decisions: a kept suggestion is printed (and not taken
for a leak), a manual redaction is not, and the text reviewed is the text exported."""

from __future__ import annotations

import pytest

from desktop.core.model import Person, PersonRole, Status
from desktop.redaction import Decisions, apply, detect, known_from_interview
from desktop.reports.export import protected_strings, render_checked
from desktop.reports.leak_gate import CaseSensitive, LeakDetected
from desktop.services.statements import statement_content, statement_text
from tests.factories import sample_interview

ROAD = "Harehills Lane"
HIDDEN = "the blue van behind the garage"


def _interview():
    iv = sample_interview()
    iv.people = [Person("Oksana Bilyk", PersonRole.INTERVIEWEE, [])]
    iv.identifiers = []
    iv.statement = (f"My name is Oksana Bilyk. My employer hit me at the car wash on {ROAD}. "
                    f"I slept in {HIDDEN} for six weeks.")
    return iv


def test_a_kept_suggestion_is_exported_and_a_manual_redaction_is_not():
    iv = _interview()
    text = statement_text(iv)
    spans = detect(text, known_from_interview(iv))
    road = next(s for s in spans if text[s.start:s.end] == ROAD)
    assert road.source == "detector"
    decisions = Decisions(text)
    decisions.reject(road, "a long public road")
    decisions.add_manual(text.index(HIDDEN), text.index(HIDDEN) + len(HIDDEN))
    preview = apply(text, spans, decisions).text

    content, forbidden = statement_content(iv, decisions.to_dict())
    assert content.statement == preview
    assert ROAD in content.statement and ROAD not in forbidden
    assert HIDDEN not in content.statement and HIDDEN in forbidden and "Oksana" in forbidden
    render_checked(content, forbidden)  # the gate passes: the kept road is not a leak


def test_without_decisions_the_suggestion_is_redacted_and_guarded():
    iv = _interview()
    content, forbidden = statement_content(iv)
    assert ROAD not in content.statement and ROAD in forbidden


def test_the_reviewed_text_of_an_unsealed_statement_is_the_statement():
    iv = _interview()
    assert iv.status != Status.SEALED
    assert statement_text(iv) == iv.statement


def test_name_parts_that_are_english_words_are_matched_where_capitalised_only_unless_redacted_by_hand():
    iv = sample_interview()
    iv.people = [Person("Will Hope", PersonRole.INTERVIEWEE, [])]
    iv.identifiers = []
    out = protected_strings(iv, ["Will", "WILL", "Hope", "hope", "Will Hope"], case_sensitive={"Will", "Hope"})
    kinds = {s: type(s) for s in out}
    assert kinds["Will"] is CaseSensitive and kinds["WILL"] is CaseSensitive and kinds["Hope"] is CaseSensitive
    assert kinds["hope"] is str and kinds["Will Hope"] is str  # a lower-case manual redaction, the full name


def test_a_lower_case_word_redacted_by_hand_is_looked_for_in_any_case():
    iv = _interview()
    iv.people = [Person("Grace Bilyk", PersonRole.INTERVIEWEE, [])]
    iv.statement = "My name is Grace Bilyk. There was no grace period. The grace of it."
    text = statement_text(iv)
    decisions = Decisions(text)
    start = text.index("grace of")
    decisions.add_manual(start, start + len("grace"))
    content, forbidden = statement_content(iv, decisions.to_dict())
    assert "no grace period" in content.statement and "grace of" not in content.statement
    with pytest.raises(LeakDetected):  # the reviewer hid that word: the same word left elsewhere is refused
        render_checked(content, forbidden)


def test_a_manual_redaction_of_every_place_with_one_kept_exports_and_is_guarded_elsewhere():
    iv = _interview()
    iv.statement = "We lived in Walsall.\n\nWalsall police came. I left walsall in May."
    text = statement_text(iv)
    decisions = Decisions(text)
    decisions.add_manual(text.index("Walsall"), text.index("Walsall") + 7, "ADDRESS", every=True)
    content, forbidden = statement_content(iv, decisions.to_dict())
    assert "walsall" not in content.statement.lower() and "Walsall" in forbidden
    render_checked(content, forbidden)

    kept = next(sp for sp in decisions.manual_spans() if text[sp.start:sp.end] == "walsall")
    decisions.reject(kept, "the town is a fact the complaint needs")
    content, forbidden = statement_content(iv, decisions.to_dict())
    assert content.statement.count("walsall") == 1 and "Walsall" not in content.statement
    assert "Walsall" not in forbidden and "Oksana" in forbidden
    render_checked(content, forbidden)  # the place kept by choice is no leak


def test_redacting_every_place_takes_in_an_earlier_redaction_of_one_place():
    text = "We lived in Walsall.\n\nThey drove us back to walsall."
    decisions = Decisions(text)
    decisions.add_manual(text.index("Walsall"), text.index("Walsall") + 7, "ADDRESS")  # one place only
    start = text.index("walsall")
    decisions.add_manual(start, start + 7, "ADDRESS", every=True)
    assert [d.every for d in decisions.items] == [True]
    assert [text[s.start:s.end] for s in decisions.manual_spans()] == ["Walsall", "walsall"]
    assert decisions.places(decisions.manual_spans()[0]) == 2
