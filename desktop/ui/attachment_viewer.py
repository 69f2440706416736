"""Shows an attachment inside Witnessbox. Nothing is written to disk and no other program is
started: the bytes come from the vault and go straight into Qt's image decoder (pictures) or,
for PDFs, into a reader that pulls out each page's pictures and text."""

from __future__ import annotations

import io
import logging

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

from desktop import APP_NAME

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


class AttachmentViewer(QDialog):
    def __init__(self, data: bytes, media_type: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"{APP_NAME} — " + self.tr("Attachment"))
        self.setModal(False)
        self.resize(820, 640)
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
        if media_type == "application/pdf":
            self._show_pdf(data)
        else:
            self._show_picture(data)

    def _picture(self, data: bytes) -> bool:
        image = QImage.fromData(data)
        if image.isNull():
            return False
        label = QLabel(self)
        pix = QPixmap.fromImage(image)
        if pix.width() > 760:
            pix = pix.scaledToWidth(760, Qt.TransformationMode.SmoothTransformation)
        label.setPixmap(pix)
        label.setAccessibleName(self.tr("Picture"))
        self._body.addWidget(label)
        self.pictures_shown += 1
        return True

    def _text(self, text: str, role: str | None = None) -> None:
        label = QLabel(text, self)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if role:
            label.setProperty("role", role)
        self._body.addWidget(label)

    def _show_picture(self, data: bytes) -> None:
        if not self._picture(data):
            self._text(self.tr("This picture cannot be shown."), "error")

    def _show_pdf(self, data: bytes) -> None:
        try:
            pages = pdf_pages(data)
        except Exception:  # noqa: BLE001 - any parser failure means "cannot show", never a crash
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
