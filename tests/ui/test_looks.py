"""How controls look in a real window with the app's stylesheet: a control that cannot be used looks
it, whatever its role."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QPushButton, QWidget

from tests.factories import sample_interview
from tests.ui.driving import create_vault


def colours(widget: QWidget) -> set[str]:
    image = widget.grab().toImage()
    return {QColor(image.pixel(x, y)).name() for x in range(image.width()) for y in range(image.height())}


def test_a_disabled_delete_button_looks_disabled_not_red(qtbot, make_window):
    """A new interview's Delete cannot be used until it is saved, but it was drawn in the same red as an
    active one (seen under Xvfb): the danger style came after the disabled one and won."""
    window = make_window()
    create_vault(qtbot, window)
    window.new_interview()
    delete = window.editor.delete_button
    assert not delete.isEnabled() and delete.property("role") == "danger"
    plain = QPushButton(delete.text(), delete.parentWidget())  # a disabled button with no role, the same size
    plain.setEnabled(False)
    plain.setGeometry(delete.geometry())
    qtbot.wait(50)
    assert colours(delete) == colours(plain)
    saved = window.vault.interviews.add(sample_interview())
    window.open_interview(saved)
    qtbot.waitUntil(delete.isEnabled)
    assert "#8c1d18" in colours(delete)  # once it can be used, red again
