"""The first screens at the window's default size, 1100x720: every sentence on the set-up card is
shown whole (the card scrolls rather than squeezing its wrapped sentences into half-lines), and the
lock screen's card still sits in the middle."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from tests.ui.driving import create_vault


def squeezed(card) -> list[str]:
    """Wrapped labels on the card shorter than their text needs at their width."""
    return [label.text()[:40] for label in card.findChildren(QLabel)
            if label.isVisible() and label.wordWrap() and label.text()
            and label.height() < label.heightForWidth(label.width())]


def test_the_set_up_card_shows_every_sentence_whole_at_1100_by_720(qtbot, make_window):
    window = make_window()
    window.resize(1100, 720)
    page = window.create_page
    qtbot.waitUntil(lambda: page.card.isVisible())
    page.passphrase.setText("one two three four")
    page.confirm.setText("one two three")  # a message under the fields makes the card taller still
    qtbot.wait(100)  # laid out
    assert squeezed(page.card) == []
    # Tab reaches the button at the foot of the card, and the page scrolls to show it.
    page.create_button.setEnabled(True)
    page.create_button.setFocus()
    qtbot.waitUntil(lambda: not page.create_button.visibleRegion().isEmpty())


def test_the_lock_screen_card_stays_in_the_middle(qtbot, make_window):
    window = make_window()
    window.resize(1100, 720)
    create_vault(qtbot, window)
    window.lock()
    card = window.unlock_page.card
    qtbot.waitUntil(card.isVisible)
    qtbot.wait(100)  # laid out
    assert squeezed(card) == []
    centre = card.mapTo(window, card.rect().center())
    assert abs(centre.x() - window.width() // 2) < 40
