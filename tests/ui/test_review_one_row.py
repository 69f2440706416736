"""One identifier, one row in the review list: a recorded address that a detector also finds
whole ("Flat 4, 19 Elm Terrace") is listed once, as the recorded address (always redacted), not
again as a suggestion the reviewer could keep. Seen on the real review dialog the window opens."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from desktop.core.model import Identifier, IdentifierKind, Person, PersonRole
from desktop.redaction import KnownIdentifiers, Span
from desktop.ui.redaction_review import RedactionReview, list_rows
from tests.factories import make_interview
from tests.ui.driving import create_vault

TEXT = ("Later my neighbour Samira Nasser called the police when she heard shouting at Flat 4, 19 Elm "
        "Terrace. They came to the flat. Karim Haddad told them I was illegal.")
ADDRESS = "Flat 4, 19 Elm Terrace, Walsall WS1 9ZZ"


def rows_of(review: RedactionReview) -> list[str]:
    return [review.list.item(i).text() for i in range(review.list.count())]


def test_a_recorded_address_found_whole_by_a_detector_is_one_row(qtbot):
    known = KnownIdentifiers(people=[("Karim Haddad", [])], identifiers=[("address", ADDRESS)])
    w = RedactionReview(TEXT, known)
    qtbot.addWidget(w)
    w.show()
    # The detector does find the same text: without the merge there would be two rows.
    found = [sp for sp in w.items() if "Elm" in TEXT[sp.start : sp.end]]
    assert {sp.source for sp in found} == {"known", "detector"}, found
    rows = rows_of(w)
    address_rows = [r for r in rows if "Elm Terrace" in r or "Flat 4" in r]
    assert address_rows == ["an address: Flat 4, 19 Elm Terrace  [always]"], rows
    assert w.status.text() == f"{len(rows)} to redact, 0 kept"
    # The recorded row wins: it cannot be kept, and the text is still redacted as one address.
    w.list.setCurrentRow(rows.index(address_rows[0]))
    w.reason.setText("it is the refuge's address")
    assert not w.reject_button.isEnabled()
    with qtbot.waitSignal(w.applied) as sig:
        qtbot.mouseClick(w.apply_button, Qt.MouseButton.LeftButton)
    assert "shouting at [ADDRESS 1]. They came" in sig.args[0].text
    assert "Elm" not in sig.args[0].text and "Flat 4" not in sig.args[0].text


def test_a_longer_detected_span_keeps_its_own_row():
    """A suggestion reaching beyond the recorded pieces is more than the recorded identifier: it stays listed."""
    text = "They shouted at 19 Elm Terrace Gardens Court."
    items = [Span(16, 30, "ADDRESS", "known", 1.0, None, "address:19 Elm Terrace"),
             Span(16, 44, "ADDRESS", "detector", 0.7)]
    rows = list_rows(text, items)
    assert [shown for _sp, shown, _n in rows] == ["19 Elm Terrace", "19 Elm Terrace Gardens Court"]


def test_pieces_in_different_paragraphs_are_different_places():
    text = "It was 19 Elm Terrace.\nWS1 9ZZ is the postcode."
    key = "address:19 Elm Terrace, WS1 9ZZ"
    items = [Span(7, 21, "ADDRESS", "known", 1.0, None, key), Span(23, 30, "POSTCODE", "known", 1.0, None, key)]
    assert [(shown, n) for _sp, shown, n in list_rows(text, items)] == [("19 Elm Terrace … WS1 9ZZ", 2)]


def test_the_review_the_window_opens_lists_the_address_once(qtbot, make_window):
    window = make_window(today=lambda: date(2026, 11, 26))
    create_vault(qtbot, window)
    interview = make_interview(TEXT, people=[Person("Karim Haddad", PersonRole.PERPETRATOR, [])],
                               identifiers=[Identifier(IdentifierKind.ADDRESS, ADDRESS)])
    iid = window.vault.interviews.add(interview)
    window.review_redactions(iid)
    qtbot.waitUntil(lambda: window.statements.review_dialog is not None, timeout=10000)
    review = window.statements.review_dialog.review
    rows = rows_of(review)
    assert sum("Elm Terrace" in r for r in rows) == 1, rows
    assert "an address: Flat 4, 19 Elm Terrace  [always]" in rows
    window.statements.review_dialog.reject()
