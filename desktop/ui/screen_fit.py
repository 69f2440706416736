"""Windows no larger than the screen they open on.

The window's default size (1100x720) and the larger dialogs (the review, Devices) are chosen for a
1366x768 screen at 100%. A small laptop at 125% has 1093x614 points: the review's Export and Close
buttons, and the form's bottom row, were below the screen's edge, out of reach. Each is made as
large as it asks, but never larger than the screen's free area with room for a title bar; its
minimum size still wins, and its own layout scrolls within it where it can.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

TITLE_BAR = 40  # a window manager's title bar and frame, which Qt cannot measure before the window is shown
SIDES = 16


def fit_on_screen(widget: QWidget) -> None:
    """Shrink ``widget`` (not yet shown, or shown) to the free area of the screen it is on."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    room = screen.availableGeometry()
    width = max(min(widget.width(), room.width() - SIDES), widget.minimumWidth())
    height = max(min(widget.height(), room.height() - TITLE_BAR), widget.minimumHeight())
    if (width, height) != (widget.width(), widget.height()):
        widget.resize(width, height)
