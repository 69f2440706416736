"""Shows an attachment inside Witnessbox. Nothing is written to disk and no other program is
started: the bytes come from the vault and go straight into Qt's image decoder (pictures) or,
for PDFs, into a reader that pulls out each page's pictures and text.

:func:`read_viewable` does the slow part (decrypting is the caller's, then parsing a PDF of up to
50 pages and decoding pictures of up to 80 megapixels) without touching a widget, so it runs on
the task runner's pool; :class:`AttachmentViewer` only lays out what it made."""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.ui import labels
from desktop.ui.screen_fit import fit_on_screen

log = logging.getLogger(__name__)

MAX_PDF_PAGES = 50


def pdf_pages(data: bytes) -> list[tuple[list[bytes], str]]:
    """(pictures, text) for each page of a PDF, read in memory."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    pages = []
    for page in reader.pages[:MAX_PDF_PAGES]:
        pictures: list[bytes] = []
        try:
            for img in page.images:
                pictures.append(img.data)
        except Exception:  # noqa: BLE001 - a page we cannot unpack still shows its text
            log.info("a PDF page's pictures could not be read")
        try:
            text = page.extract_text() or ""
        except Exception:  # noqa: BLE001
            text = ""
        pages.append((pictures, text))
    return pages


MAX_WIDTH = 760


def _decoded(data: bytes) -> QImage | None:
    """A picture decoded and narrowed to the viewer's width (QImage, unlike QPixmap, may be made off
    the GUI thread), or None if it cannot be decoded."""
    image = QImage.fromData(data)
    if image.isNull():
        return None
    if image.width() > MAX_WIDTH:
        image = image.scaledToWidth(MAX_WIDTH, Qt.TransformationMode.SmoothTransformation)
    return image


@dataclass(frozen=True)
class Viewable:
    """An attachment ready to show: its pages (a picture is one page without text), each with the
    pictures that could be decoded and its text. ``pages`` is None when it cannot be read at all."""

    pdf: bool
    pages: list[tuple[list[QImage], str]] | None


def read_viewable(data: bytes, media_type: str) -> Viewable:
    """Parse and decode an attachment for :class:`AttachmentViewer`. Touches no widget."""
    if media_type != "application/pdf":
        image = _decoded(data)
        return Viewable(False, None if image is None else [([image], "")])
    try:
        pages = pdf_pages(data)
    except Exception:  # noqa: BLE001 - any parser failure means "cannot show", never a crash
        return Viewable(True, None)
    return Viewable(True, [([im for im in map(_decoded, pictures) if im is not None], text)
                           for pictures, text in pages])


class AttachmentViewer(QDialog):
    def __init__(self, content: Viewable, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(labels.window_title(self.tr("Attachment")))
        self.setModal(False)
        self.resize(820, 640)
        fit_on_screen(self)
        layout = QVBoxLayout(self)
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setAccessibleName(self.tr("Attachment"))
        inner = QWidget(area)
        self._body = QVBoxLayout(inner)
        self._body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        area.setWidget(inner)
        layout.addWidget(area, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(self.tr("Close"))
        layout.addWidget(buttons)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, self.reject)
        self.pictures_shown = 0
        if content.pdf:
            self._show_pdf(content.pages)
        else:
            self._show_picture(content.pages)

    def _picture(self, image: QImage) -> None:
        label = QLabel(self)
        label.setPixmap(QPixmap.fromImage(image))
        label.setAccessibleName(self.tr("Picture"))
        self._body.addWidget(label)
        self.pictures_shown += 1

    def _text(self, text: str, role: str | None = None) -> None:
        label = QLabel(text, self)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if role:
            label.setProperty("role", role)
        self._body.addWidget(label)

    def _show_picture(self, pages: list[tuple[list[QImage], str]] | None) -> None:
        if pages is None:
            self._text(self.tr("This picture cannot be shown."), "error")
            return
        for image in pages[0][0]:
            self._picture(image)

    def _show_pdf(self, pages: list[tuple[list[QImage], str]] | None) -> None:
        if pages is None:
            self._text(self.tr("This PDF cannot be shown inside Witnessbox."), "error")
            return
        if not pages:
            self._text(self.tr("This PDF has no pages."), "muted")
        for n, (pictures, text) in enumerate(pages, 1):
            self._text(self.tr("Page %1 of %2").replace("%1", str(n)).replace("%2", str(len(pages))), "muted")
            for pic in pictures:
                self._picture(pic)
            if text.strip():
                self._text(text)
