"""The redaction review screen, driven as a reviewer would (offscreen)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from desktop.redaction import Decisions, KnownIdentifiers, apply, detect
from desktop.ui.redaction_review import RedactionReview, cp_to_qt, qt_to_cp

TEXT = (
    "My name is Rajinder Sandhu 😀. My friend Blessing rang 07700 900123 from Harehills Lane.\n"
    "In March 2018 I called 999 and West Yorkshire Police told the Home Office. I worked at the bakery by the market."
)
KNOWN = KnownIdentifiers(people=[("Rajinder Sandhu", ["Raj"])])


def make(qtbot, decisions=None):
    w = RedactionReview(TEXT, KNOWN, decisions)
    qtbot.addWidget(w)
    w.show()
    return w


def row_of(w, piece):
    for i in range(w.list.count()):
        sp = w.list.item(i).data(Qt.ItemDataRole.UserRole)
        if TEXT[sp.start : sp.end] == piece:
            return i
    raise AssertionError(f"{piece!r} is not listed")


def select(w, piece):
    s = TEXT.index(piece)
    cursor = w.view.textCursor()
    cursor.setPosition(cp_to_qt(TEXT, s))
    cursor.setPosition(cp_to_qt(TEXT, s + len(piece)), QTextCursor.MoveMode.KeepAnchor)
    w.view.setTextCursor(cursor)


def test_every_suggestion_is_listed_highlighted_and_pre_accepted(qtbot):
    w = make(qtbot)
    for piece in ("Rajinder Sandhu", "Blessing", "07700 900123", "Harehills Lane"):
        row_of(w, piece)
    assert len(w.view.extraSelections()) == w.list.count() >= 4
    with qtbot.waitSignal(w.applied) as sig:
        qtbot.mouseClick(w.apply_button, Qt.MouseButton.LeftButton)
    red = sig.args[0]
    assert w.preview.toPlainText() == red.text == apply(TEXT, detect(TEXT, KNOWN)).text
    for piece in ("Rajinder", "Blessing", "07700", "Harehills"):
        assert piece not in red.text
    assert "March 2018" in red.text and "999" in red.text and "West Yorkshire Police" in red.text


def test_keeping_a_suggestion_needs_a_reason(qtbot):
    w = make(qtbot)
    w.list.setCurrentRow(row_of(w, "Harehills Lane"))
    assert not w.reject_button.isEnabled()
    qtbot.keyClicks(w.reason, "a long public road, many people live on it")
    assert w.reject_button.isEnabled()
    with qtbot.waitSignal(w.decisions_changed) as sig:
        qtbot.mouseClick(w.reject_button, Qt.MouseButton.LeftButton)
    stored = sig.args[0]
    assert stored["decisions"][0]["reason"] == "a long public road, many people live on it"
    w.apply()
    assert "Harehills Lane" in w.preview.toPlainText()
    # and it can be redacted again
    w.list.setCurrentRow(row_of(w, "Harehills Lane"))
    qtbot.mouseClick(w.accept_button, Qt.MouseButton.LeftButton)
    assert "Harehills Lane" not in w.apply().text


def test_recorded_names_cannot_be_kept(qtbot):
    w = make(qtbot)
    w.list.setCurrentRow(row_of(w, "Rajinder Sandhu"))
    qtbot.keyClicks(w.reason, "I want it")
    assert not w.reject_button.isEnabled()
    w.reject_current()
    assert "Rajinder" not in w.apply().text


def test_selecting_text_adds_a_redaction(qtbot):
    w = make(qtbot)
    select(w, "bakery by the market")
    assert w.add_button.isEnabled()
    w.type_box.setCurrentIndex(w.type_box.findData("ADDRESS"))
    with qtbot.waitSignal(w.decisions_changed):
        qtbot.mouseClick(w.add_button, Qt.MouseButton.LeftButton)
    red = w.apply()
    assert "bakery by the market" not in red.text and "[ADDRESS" in red.text
    assert red.text == w.preview.toPlainText()


def test_decisions_come_back_and_follow_an_edit(qtbot):
    w = make(qtbot)
    select(w, "bakery by the market")
    w.add_selection()
    w.list.setCurrentRow(row_of(w, "Harehills Lane"))
    w.reason.setText("public road")
    w.reject_current()
    stored = w.decisions.to_dict()

    edited = "Added later. " + TEXT
    again = RedactionReview(edited, KNOWN, Decisions.from_dict(stored, edited))
    qtbot.addWidget(again)
    red = again.apply()
    assert "Harehills Lane" in red.text and "bakery by the market" not in red.text


def test_positions_beyond_the_basic_plane():
    text = "a😀b"
    assert cp_to_qt(text, 2) == 3 and qt_to_cp(text, 3) == 2
    assert qt_to_cp(text, cp_to_qt(text, 3)) == 3


def test_a_legend_says_which_colour_is_which_kind_of_thing(qtbot):
    from desktop.redaction import TYPE_LABELS
    from desktop.ui.redaction_review import REJECTED_COLOUR, TYPE_COLOURS, legend_entries

    w = make(qtbot)
    assert w.legend.isVisible()
    said = w.legend_text()
    for label in TYPE_LABELS.values():
        assert label in said, label
    assert "kept" in said
    shown = w.legend.text().lower()
    for colour in {*TYPE_COLOURS.values(), REJECTED_COLOUR}:
        assert colour in shown, colour
    # each kind is in exactly the colour its highlights use
    for colour, labels in legend_entries():
        assert {t for t, lab in TYPE_LABELS.items() if lab in labels} == {
            t for t, c in TYPE_COLOURS.items() if c == colour
        }


def test_clear_forgets_the_statement_without_saying_the_decisions_changed(qtbot):
    w = make(qtbot)
    select(w, "bakery by the market")
    w.add_selection()
    w.reason.setText("half typed")
    w.apply()
    with qtbot.assertNotEmitted(w.decisions_changed):
        w.clear()
    assert w.text == "" and w.spans == [] and w.redacted is None and w.decisions.items == []
    assert w.list.count() == 0 and w.view.toPlainText() == "" and w.preview.toPlainText() == ""
    assert w.reason.text() == "" and w.view.extraSelections() == [] and w.status.text() == ""
    assert not w.add_button.isEnabled() and not w.reject_button.isEnabled()


def test_suggestions_made_elsewhere_are_shown_as_given(qtbot):
    spans = detect(TEXT, KNOWN)
    w = RedactionReview(TEXT, KNOWN, None, spans=spans)
    qtbot.addWidget(w)
    assert w.items() == spans and w.list.count() == len(spans)
    assert w.apply().text == apply(TEXT, spans).text
    # only what was given: no detection of its own
    phone = next(s for s in spans if s.type == "PHONE")
    only = RedactionReview(TEXT, KNOWN, None, spans=[phone])
    qtbot.addWidget(only)
    assert only.list.count() == 1 and "Rajinder" in only.apply().text and "07700" not in only.apply().text


def test_long_suggestions_wrap_instead_of_scrolling_sideways(qtbot):
    from desktop.redaction import Span

    long_text = "I lived at " + " ".join(["Flat 12 Upper Harehills Lane Court"] * 6) + " for a year."
    span = Span(11, len(long_text) - len(" for a year."), "ADDRESS")
    w = RedactionReview(long_text, None, None, spans=[span])
    qtbot.addWidget(w)
    w.resize(700, 500)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w.list.viewport().width() > 50)
    rect = w.list.visualItemRect(w.list.item(0))
    line = w.list.fontMetrics().height()
    assert w.list.horizontalScrollBar().maximum() == 0
    assert rect.width() <= w.list.viewport().width()
    assert rect.height() >= 2 * line  # the item took more lines instead


WALSALL = ("We lived at 4 Cedar Close in Walsall.\n\n"
           "Walsall police came twice. Later I moved away from WALSALL and from the town.")


def test_redact_selection_covers_every_place_and_one_place_can_be_kept(qtbot):
    w = RedactionReview(WALSALL, KnownIdentifiers())
    qtbot.addWidget(w)
    w.show()
    start = WALSALL.index("Walsall.")
    cursor = w.view.textCursor()
    cursor.setPosition(cp_to_qt(WALSALL, start))
    cursor.setPosition(cp_to_qt(WALSALL, start + len("Walsall")), QTextCursor.MoveMode.KeepAnchor)
    w.view.setTextCursor(cursor)
    with qtbot.waitSignal(w.decisions_changed):
        qtbot.mouseClick(w.add_button, Qt.MouseButton.LeftButton)
    red = w.apply()
    assert "walsall" not in red.text.lower()
    rows = [w.list.item(i).text() for i in range(w.list.count()) if "Walsall" in w.list.item(i).text()
            or "WALSALL" in w.list.item(i).text()]
    assert len(rows) == 3 and all("3 places" in r for r in rows), rows

    # the worker keeps one place, with a reason, as for a suggestion
    w.list.setCurrentRow(next(i for i in range(w.list.count()) if "WALSALL" in w.list.item(i).text()))
    assert w.accept_button.text().replace("&", "") == "Undo my redaction"
    w.reason.setText("the town is a fact the complaint needs here")
    assert w.reject_button.isEnabled()
    qtbot.mouseClick(w.reject_button, Qt.MouseButton.LeftButton)
    red = w.apply()
    assert red.text.count("WALSALL") == 1 and "Walsall" not in red.text
    assert [d.reason for d in w.decisions.rejections()] == ["the town is a fact the complaint needs here"]

    # undoing the redaction takes back every place
    w.list.setCurrentRow(next(i for i in range(w.list.count()) if "Walsall" in w.list.item(i).text()))
    qtbot.mouseClick(w.accept_button, Qt.MouseButton.LeftButton)
    red = w.apply()
    assert red.text.count("Walsall") == 2 and "WALSALL" in red.text and w.decisions.items == []


def test_the_colour_key_is_a_compact_row_of_swatches_with_the_kinds_in_its_tooltip(qtbot):
    from desktop.redaction import TYPE_LABELS
    from desktop.ui.redaction_review import KEY_NAMES, REJECTED_COLOUR, legend_entries

    w = make(qtbot)
    shown = w.legend.text()
    for label in TYPE_LABELS.values():  # the visible key is short: no kind spelt out there
        assert label not in shown, label
    assert [c for c, _ in legend_entries()] == list(KEY_NAMES)  # every colour has a name in the key
    for name in (*KEY_NAMES.values(), "Kept"):
        assert name.replace(" ", "&nbsp;") in shown, name
    assert REJECTED_COLOUR in shown
    assert w.legend.toolTip() == w.legend_text() == w.legend.accessibleDescription()
    w.resize(1000, 600)  # the review dialog's size
    qtbot.waitUntil(lambda: w.legend.width() > 300)
    assert w.legend.heightForWidth(w.legend.width()) < 3 * w.legend.fontMetrics().height()  # a row, two at most


def test_the_preview_is_made_again_in_place_after_a_change(qtbot):
    long_text = "\n".join(f"Line {i}: the van came again." for i in range(80)) + "\nBlessing rang 07700 900123."
    w = RedactionReview(long_text, KnownIdentifiers())
    qtbot.addWidget(w)
    w.resize(900, 600)
    w.show()
    w.apply()
    bar = w.preview.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum() // 2)
    at = bar.value()
    start = long_text.index("the van", 400)
    cursor = w.view.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len("the van"), QTextCursor.MoveMode.KeepAnchor)
    w.view.setTextCursor(cursor)
    with qtbot.waitSignal(w.applied):
        qtbot.mouseClick(w.add_button, Qt.MouseButton.LeftButton)
    assert "the van" not in w.preview.toPlainText()  # made again, not emptied
    assert w.preview.toPlainText() == w.redacted.text
    assert bar.value() == at


def test_keep_this_text_says_why_it_cannot_be_pressed(qtbot):
    w = make(qtbot)
    w.list.setCurrentRow(-1)
    assert not w.reject_button.isEnabled() and "choose it in the list" in w.keep_hint.text()
    w.list.setCurrentRow(row_of(w, "Rajinder Sandhu"))
    assert not w.reject_button.isEnabled() and "always redacted" in w.reject_button.toolTip()
    w.list.setCurrentRow(row_of(w, "Harehills Lane"))
    assert not w.reject_button.isEnabled() and "a reason is needed" in w.keep_hint.text()
    assert w.keep_hint.isVisible()
    qtbot.keyClicks(w.reason, "a long public road")
    assert w.reject_button.isEnabled() and w.keep_hint.isHidden()
    qtbot.mouseClick(w.reject_button, Qt.MouseButton.LeftButton)
    w.list.setCurrentRow(row_of(w, "Harehills Lane"))
    assert "already kept" in w.keep_hint.text()
    assert w.accept_button.text().replace("&", "") == "Redact it again"  # a suggestion kept, not a manual one


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def _contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_kept_text_is_visible_readable_and_told_apart_without_colour(qtbot):
    from PySide6.QtGui import QTextCharFormat

    from desktop.ui.redaction_review import REJECTED_COLOUR, TEXT_ON_HIGHLIGHT, TYPE_COLOURS

    # WCAG 2.1: 3:1 for something that must be seen against the white page, 4.5:1 for the text on it
    assert _contrast(REJECTED_COLOUR, "#ffffff") >= 3
    assert _contrast(REJECTED_COLOUR, TEXT_ON_HIGHLIGHT) >= 4.5
    assert REJECTED_COLOUR not in TYPE_COLOURS.values()
    w = make(qtbot)
    row = row_of(w, "Harehills Lane")
    w.list.setCurrentRow(row)
    qtbot.keyClicks(w.reason, "a long public road")
    qtbot.mouseClick(w.reject_button, Qt.MouseButton.LeftButton)
    item = w.list.item(row_of(w, "Harehills Lane"))
    assert item.background().color().name() == REJECTED_COLOUR and "[kept]" in item.text()
    assert item.foreground().color().name() == TEXT_ON_HIGHLIGHT
    start = TEXT.index("Harehills Lane")
    [kept] = [s for s in w.view.extraSelections() if s.cursor.selectionStart() == cp_to_qt(TEXT, start)]
    assert kept.format.background().color().name() == REJECTED_COLOUR
    assert kept.format.underlineStyle() == QTextCharFormat.UnderlineStyle.DashUnderline
    others = [s for s in w.view.extraSelections() if s.cursor.selectionStart() != cp_to_qt(TEXT, start)]
    assert others and all(s.format.underlineStyle() == QTextCharFormat.UnderlineStyle.NoUnderline for s in others)


def test_the_preview_keeps_whole_lines_however_small_the_review(qtbot):
    from desktop.ui.redaction_review import PREVIEW_LINES

    long_text = "\n".join(f"Line {i}: the van came again." for i in range(80))
    w = RedactionReview(long_text, KnownIdentifiers())
    qtbot.addWidget(w)
    w.resize(1000, 560)  # the review dialog at 1100x720, less its header, notice and buttons
    w.show()
    w.apply()
    qtbot.waitUntil(lambda: w.preview.viewport().height() > 0)
    lines = w.preview.viewport().height() / w.preview.fontMetrics().lineSpacing()
    assert lines >= PREVIEW_LINES >= 4, lines
    assert w.view.height() > w.preview.height()  # the statement still gets most of the height


def test_a_suggestion_the_engine_is_unsure_of_is_marked_so_and_counted(qtbot):
    """The engine scores every suggestion, but the list showed a guess ("Frost" opening a sentence
    before "told", a name in another script) exactly as a phone number. A low-scored one now reads
    "unsure", says why in its tooltip, and is counted under the list; it is still redacted."""
    text = "Frost told the jury he was afraid. My phone is 07700 900123."
    w = RedactionReview(text, KnownIdentifiers())
    qtbot.addWidget(w)
    w.show()
    rows = {text[sp.start : sp.end]: (w.list.item(i), sp) for i in range(w.list.count())
            for sp in [w.list.item(i).data(Qt.ItemDataRole.UserRole)]}  # fmt: skip
    guess, phone = rows["Frost"], rows["07700 900123"]
    assert guess[1].confidence < 0.5 <= phone[1].confidence, "the case: one low-scored suggestion, one sure"
    assert guess[0].text().endswith("[redact, unsure]") and "unsure" in guess[0].toolTip()
    assert phone[0].text().endswith("[redact]") and not phone[0].toolTip()
    assert w.status.text() == "2 to redact, 0 kept (1 unsure: read those in the statement first)"
    with qtbot.waitSignal(w.applied) as sig:
        qtbot.mouseClick(w.apply_button, Qt.MouseButton.LeftButton)
    assert "Frost" not in sig.args[0].text  # unsure is still redacted unless kept
    w.list.setCurrentRow(w.list.row(guess[0]))
    qtbot.keyClicks(w.reason, "a word in the text, not a person")
    qtbot.mouseClick(w.reject_button, Qt.MouseButton.LeftButton)
    assert w.status.text() == "1 to redact, 1 kept"  # kept: no longer counted as unsure
