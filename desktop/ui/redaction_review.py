"""The redaction review: the statement with every suggestion highlighted by type, pre-accepted.

* Each suggestion is listed and highlighted; recorded names and identifiers are marked "always"
  and cannot be kept. A suggestion the engine scored low is marked "unsure" (and counted under
  the list), so the reviewer reads those first; it is still redacted unless kept.
* Keeping a suggestion (rejecting it) needs a reason, typed in the box beside the button; the
  reason goes with the decisions (and so into the audit log).
* Selecting any text in the statement and pressing "Redact selection" redacts that text in every
  place it appears (the list says "3 places"); one place can be kept with a reason, as a
  suggestion can, and "Undo my redaction" takes the whole redaction back.
* "Apply" shows the preview, which is exactly ``Redacted.text``: the text the PDF is made from.
* A compact key under the statement and the list says which colour is which kind of thing
  (a swatch and a word or two each; its tooltip lists every kind).
* ``spans=``: suggestions already made by :func:`desktop.redaction.detect` (for example on a
  worker thread); without it the widget runs detection itself.
* ``clear()`` forgets the statement: the text, the list, the preview and the decisions.

Signals: ``decisions_changed(dict)`` (``Decisions.to_dict()``, for the vault) after every change,
and ``applied(object)`` (the ``Redacted``) when the preview is made. Offsets in the engine are
code points; Qt counts UTF-16 units, so positions are converted both ways.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.redaction import TYPE_LABELS, Decisions, KnownIdentifiers, Redacted, Span, apply, detect
from desktop.ui.form_widgets import interview_text
from desktop.ui.session import forget_typed

# One colour per kind of thing (light, so the text stays readable).
TYPE_COLOURS: dict[str, str] = {
    "PERSON": "#ffd6a5",
    "ADDRESS": "#caffbf",
    "POSTCODE": "#caffbf",
    "PHONE": "#9bf6ff",
    "EMAIL": "#9bf6ff",
    "SOCIAL": "#9bf6ff",
    "DATE_OF_BIRTH": "#fdffb6",
    "NI_NUMBER": "#bdb2ff",
    "NHS_NUMBER": "#bdb2ff",
    "HOME_OFFICE_REF": "#ffc6ff",
    "BRP": "#ffc6ff",
    "PASSPORT": "#ffc6ff",
    "DRIVING_LICENCE": "#bdb2ff",
    "CRIME_REF": "#a0c4ff",
    "OFFICER_NUMBER": "#a0c4ff",
    "VEHICLE": "#e4c1f9",
    "BANK": "#e4c1f9",
    "ID": "#d0d0d0",
    "OTHER": "#d0d0d0",
}
# Kept text (it stays in the PDF) is a mid grey, never a pastel: it stands out from the page at 3:1
# (WCAG's contrast for things that must be seen), the dark text on it reads at 4.8:1, and in the
# statement it is underlined too, so it is told from the light "Other" grey without colour.
REJECTED_COLOUR = "#949494"
TEXT_ON_HIGHLIGHT = "#1f2a30"
PREVIEW_LINES = 4  # the preview never shrinks below this many whole lines
# The key under the statement names each colour in a word or two; its tooltip (and a screen
# reader) lists every kind of thing the colour is used for.
KEY_NAMES: dict[str, str] = {
    "#ffd6a5": "Names",
    "#caffbf": "Places",
    "#9bf6ff": "Contacts",
    "#fdffb6": "Birth dates",
    "#bdb2ff": "ID numbers",
    "#ffc6ff": "Immigration papers",
    "#a0c4ff": "Police references",
    "#e4c1f9": "Vehicles, bank",
    "#d0d0d0": "Other",
}


UNSURE_TIP = (
    "The redaction engine is unsure this is a person or an identifier. It is redacted unless you keep "
    "it: read it in the statement and decide."
)


def legend_entries() -> list[tuple[str, list[str]]]:
    """(colour, the kinds of thing shown in it), in the order of ``TYPE_LABELS``."""
    groups: dict[str, list[str]] = {}
    for t, label in TYPE_LABELS.items():
        groups.setdefault(TYPE_COLOURS[t], []).append(label)
    return list(groups.items())


def cp_to_qt(text: str, pos: int) -> int:
    """Code-point offset -> Qt (UTF-16) position."""
    return pos + sum(1 for c in text[:pos] if ord(c) > 0xFFFF)


def qt_to_cp(text: str, pos: int) -> int:
    """Qt (UTF-16) position -> code-point offset."""
    units = 0
    for i, c in enumerate(text):
        if units >= pos:
            return i
        units += 2 if ord(c) > 0xFFFF else 1
    return len(text)


def list_rows(text: str, items: list[Span]) -> list[tuple[Span, str, int]]:
    """The suggestion list, one row per identifier: (the row's span, the text it shows, in how many
    places it stands).

    * Every piece of one recorded identifier (the street and the postcode of a recorded address,
      wherever they are found) is one row, under its first piece. Pieces with only spaces and
      punctuation between them on one line ("Flat 4" and "19 Elm Terrace" in "Flat 4, 19 Elm
      Terrace") are one place, shown as the statement reads it; different places are joined
      with " … ".
    * A detected suggestion whose letters and digits all lie in the pieces of one recorded
      identifier is that identifier: it gets no row of its own (the recorded one wins, and it is
      always redacted); it is still highlighted and still applied.
    """
    pieces: dict[str, list[Span]] = {}
    for sp in items:
        if sp.source == "known" and sp.recorded:
            pieces.setdefault(sp.recorded, []).append(sp)

    def covered_by(sp: Span) -> str | None:
        owners = {k for k, group in pieces.items() for x in group if x.start < sp.end and sp.start < x.end}
        if len(owners) != 1:
            return None
        key = next(iter(owners))
        inside = [(x.start, x.end) for x in pieces[key]]
        for i in range(sp.start, sp.end):
            if text[i].isalnum() and not any(a <= i < b for a, b in inside):
                return None
        return key

    merged = {sp: covered_by(sp) for sp in items if sp.source == "detector" and pieces}
    rows = []
    for sp in items:
        if merged.get(sp):
            continue
        group = pieces.get(sp.recorded or "") if sp.source == "known" else None
        if not group:
            rows.append((sp, " ".join(text[sp.start : sp.end].split()), 1))
            continue
        if group[0] is not sp:
            continue
        places: list[list[int]] = []
        for x in sorted(group, key=lambda x: x.start):
            between = text[places[-1][1] : x.start] if places else None
            if between is not None and (
                len(between) <= 3 and "\n" not in between and not any(c.isalnum() for c in between)
            ):
                places[-1][1] = max(places[-1][1], x.end)
            else:
                places.append([x.start, x.end])
        shown = " … ".join(dict.fromkeys(" ".join(text[a:b].split()) for a, b in places))
        rows.append((sp, shown, len(places)))
    return rows


class RedactionReview(QWidget):
    decisions_changed = Signal(dict)
    applied = Signal(object)

    def __init__(
        self,
        text: str,
        known: KnownIdentifiers | None = None,
        decisions: Decisions | dict | None = None,
        parent: QWidget | None = None,
        *,
        allow: Iterable[str] = (),
        spans: list[Span] | None = None,
    ) -> None:
        super().__init__(parent)
        self.text = text
        self.known = known or KnownIdentifiers()
        if isinstance(decisions, dict):
            decisions = Decisions.from_dict(decisions, text)
        elif decisions is not None and decisions.text != text:
            decisions.reconcile(text)
        self.decisions = decisions or Decisions(text)
        if not self.decisions.text:
            self.decisions.text = text
        self.spans: list[Span] = list(spans) if spans is not None else detect(text, self.known, allow=allow)
        self.redacted: Redacted | None = None

        self.setWindowTitle(self.tr("Review redactions"))
        self.view = QTextEdit(self)
        self.view.setReadOnly(True)
        self.view.setPlainText(text)
        self.view.setAccessibleName(self.tr("Statement"))
        self.view.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)  # fmt: skip

        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Suggestions"))
        # Long suggestions wrap onto more lines instead of scrolling sideways.
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setUniformItemSizes(False)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.legend = QLabel(self)
        self.legend.setObjectName("redactionLegend")
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setAccessibleName(self.tr("Colour key"))
        self.legend.setText(self._legend_html())
        self.legend.setToolTip(self.legend_text())
        self.legend.setAccessibleDescription(self.legend_text())
        self.list.currentRowChanged.connect(self._show_current)

        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("Why should this stay? (needed to keep it)"))
        self.reason.setAccessibleName(self.tr("Reason for keeping"))
        self.reject_button = QPushButton(self.tr("&Keep this text"), self)
        self.keep_hint = QLabel(self)
        self.keep_hint.setWordWrap(True)
        self.keep_hint.setProperty("role", "muted")
        self.keep_hint.setAccessibleName(self.tr("Why Keep this text is not available"))
        self.accept_button = QPushButton(self.tr("Re&dact it again"), self)
        self.type_box = QComboBox(self)
        for t, label in TYPE_LABELS.items():
            self.type_box.addItem(label, t)
        self.type_box.setCurrentIndex(self.type_box.findData("OTHER"))
        self.type_box.setAccessibleName(self.tr("Kind of thing to redact"))
        self.add_button = QPushButton(self.tr("Redact &selection"), self)
        self.apply_button = QPushButton(self.tr("&Apply and preview"), self)
        self.status = QLabel(self)

        self.preview = QPlainTextEdit(self)
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName(self.tr("Preview of the redacted statement"))
        self.preview.setPlaceholderText(self.tr("Press Apply to see the text the PDF will be made from."))
        for field in (self.view, self.preview):  # the statement's words, in the statement's fonts
            interview_text(field)

        self.reject_button.clicked.connect(self.reject_current)
        self.accept_button.clicked.connect(self.accept_current)
        self.add_button.clicked.connect(self.add_selection)
        self.apply_button.clicked.connect(self.apply)
        self.reason.textChanged.connect(self._update_buttons)
        self.view.selectionChanged.connect(self._update_buttons)

        side = QWidget(self)
        sl = QVBoxLayout(side)
        sl.setContentsMargins(0, 0, 0, 0)
        sl.addWidget(QLabel(self.tr("Suggestions (all redacted unless you keep them)"), side))
        sl.addWidget(self.list, 1)
        sl.addWidget(self.reason)
        row = QHBoxLayout()
        row.addWidget(self.reject_button)
        row.addWidget(self.accept_button)
        sl.addLayout(row)
        sl.addWidget(self.keep_hint)
        row2 = QHBoxLayout()
        row2.addWidget(self.type_box, 1)
        row2.addWidget(self.add_button)
        sl.addLayout(row2)
        # Nothing here scrolls but the list: on a short screen (a 1366x768 laptop at 125% leaves the
        # dialog about 542 points with a taskbar) it gives up its height, and Keep and Redact stay in sight.
        # The list takes the height the panel has, not its own preferred height (long suggestions wrap).
        self.list.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)

        left = QWidget(self)
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.view, 1)
        # Apply under the statement, over the key and the preview it makes, with the count beside it:
        # the statement gives up height on a short screen, the panel of buttons beside it cannot.
        applying = QHBoxLayout()
        applying.addWidget(self.apply_button)
        applying.addWidget(self.status, 1)
        self.status.setWordWrap(True)  # on two lines, rather than widen the dialog's least width
        ll.addLayout(applying)
        top = QSplitter(Qt.Orientation.Horizontal, self)
        top.addWidget(left)
        top.addWidget(side)
        top.setStretchFactor(0, 3)
        top.setStretchFactor(1, 2)
        # The key spans the statement and the list: both use its colours, and a row that wide
        # holds every swatch.
        upper = QWidget(self)
        ul = QVBoxLayout(upper)
        ul.setContentsMargins(0, 0, 0, 0)
        ul.addWidget(top, 1)
        ul.addWidget(self.legend)
        outer = QSplitter(Qt.Orientation.Vertical, self)
        outer.addWidget(upper)
        outer.addWidget(self.preview)
        # The statement is what the reviewer works on: it gets most of the height, the preview the rest.
        outer.setStretchFactor(0, 3)
        outer.setStretchFactor(1, 1)
        outer.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(outer)

        self._refresh()

    # --- what is shown -------------------------------------------------------------------------

    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt's name
        # Here, after the style sheet has polished it (its min-height for text boxes would undo it).
        self.preview.setMinimumHeight(self._lines_high(self.preview, PREVIEW_LINES))
        self.list.ensurePolished()  # three suggestions at least, however short the screen
        self.list.setMinimumHeight(3 * (self.list.fontMetrics().lineSpacing() + 4) + 2 * self.list.frameWidth())
        super().showEvent(event)

    @staticmethod
    def _lines_high(edit: QPlainTextEdit, lines: int) -> int:
        """The height that shows ``lines`` whole lines of ``edit``'s text, with its margins and frame."""
        edit.ensurePolished()  # the style sheet's font, not the default one
        margin = edit.document().documentMargin()
        return (
            int(
                lines * edit.fontMetrics().lineSpacing()
                + 2 * margin
                + 2 * edit.frameWidth()
                + edit.contentsMargins().top()
                + edit.contentsMargins().bottom()
            )
            + 2
        )

    def _legend_html(self) -> str:
        """A compact key: a word or two per colour, highlighted as the statement highlights that kind
        of thing (kept text too), in a row that wraps between entries."""
        swatch = '<span style="background-color:{c}; color:' + TEXT_ON_HIGHLIGHT + '">&nbsp;{t}&nbsp;</span>'
        entries = [(c, self.tr(KEY_NAMES.get(c, "Other"))) for c, _labels in legend_entries()]
        entries.append((REJECTED_COLOUR, self.tr("Kept")))
        parts = [swatch.format(c=c, t=html.escape(name).replace(" ", "&nbsp;")) for c, name in entries]
        return self.tr("Key:") + " " + " &nbsp; ".join(parts)

    def legend_text(self) -> str:
        """The key in words, every kind of thing under its colour's name (its tooltip; what a screen reader says)."""
        rows = [f"{self.tr(KEY_NAMES.get(c, 'Other'))}: {', '.join(labels)}" for c, labels in legend_entries()]
        rows.append(self.tr("Kept: text kept as it is (not redacted)"))
        return "\n".join(rows)

    def clear(self) -> None:
        """Forget the statement: the text, the list of suggestions, the highlights, the preview, the
        reason being typed and the decisions held here (the vault keeps its own copy)."""
        self.list.blockSignals(True)  # no "current suggestion" to show in an emptied statement
        self.list.clear()
        self.list.blockSignals(False)
        for w in (self.view, self.preview):
            w.clear()
        forget_typed(self.reason)
        self.view.setExtraSelections([])
        self.status.clear()
        self.text = ""
        self.spans = []
        self.redacted = None
        self.decisions.items = []
        self.decisions.text = ""
        self._update_buttons()

    def items(self) -> list[Span]:
        """Suggestions and manual additions, in the order listed."""
        return sorted(self.spans + self.decisions.manual_spans(self.text), key=lambda s: (s.start, s.end))

    def is_rejected(self, span: Span) -> bool:
        return span.source != "known" and self.decisions.is_rejected(span, self.text)

    def _refresh(self) -> None:
        row = self.list.currentRow()
        self.list.blockSignals(True)
        self.list.clear()
        n_rows = n_kept_rows = n_unsure = 0
        for sp, shown, places in list_rows(self.text, self.items()):
            rejected = self.is_rejected(sp)
            unsure = sp.weak and not rejected  # a guess: listed as unsure, read first
            state = (self.tr("always") if sp.source == "known" else
                     self.tr("kept") if rejected else
                     self.tr("added") if sp.source == "manual" else
                     self.tr("redact, unsure") if unsure else self.tr("redact"))  # fmt: skip
            if sp.source == "manual":
                places = self.decisions.places(sp, self.text)
            if places > 1:
                state = self.tr("{state}, {n} places").format(state=state, n=places)
            item = QListWidgetItem(f"{TYPE_LABELS[sp.type]}: {shown}  [{state}]")
            item.setData(Qt.ItemDataRole.UserRole, sp)
            if unsure:
                item.setToolTip(UNSURE_TIP)
            item.setBackground(QColor(REJECTED_COLOUR if rejected else TYPE_COLOURS[sp.type]))
            item.setForeground(QColor(TEXT_ON_HIGHLIGHT))
            self.list.addItem(item)
            n_rows += 1
            n_kept_rows += rejected
            n_unsure += unsure
        self.list.blockSignals(False)
        if 0 <= row < self.list.count():
            self.list.setCurrentRow(row)
        self._highlight()
        self._update_buttons()
        # Counted as listed: one recorded address is one thing to redact, however many pieces it has.
        said = self.tr("{n} to redact, {k} kept").format(n=n_rows - n_kept_rows, k=n_kept_rows)
        if n_unsure:
            said += self.tr(" ({u} unsure: read those in the statement first)").format(u=n_unsure)
        self.status.setText(said)

    def _highlight(self) -> None:
        selections = []
        for sp in self.items():
            sel = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            if self.is_rejected(sp):
                fmt.setBackground(QColor(REJECTED_COLOUR))
                fmt.setForeground(QColor(TEXT_ON_HIGHLIGHT))
                fmt.setFontStrikeOut(False)
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
            else:
                fmt.setBackground(QColor(TYPE_COLOURS[sp.type]))
            fmt.setToolTip(TYPE_LABELS[sp.type])
            cursor = QTextCursor(self.view.document())
            cursor.setPosition(cp_to_qt(self.text, sp.start))
            cursor.setPosition(cp_to_qt(self.text, sp.end), QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            sel.format = fmt
            selections.append(sel)
        self.view.setExtraSelections(selections)

    def current_span(self) -> Span | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _show_current(self, _row: int) -> None:
        sp = self.current_span()
        if sp is not None:
            cursor = self.view.textCursor()
            cursor.setPosition(cp_to_qt(self.text, sp.start))
            cursor.setPosition(cp_to_qt(self.text, sp.end), QTextCursor.MoveMode.KeepAnchor)
            self.view.setTextCursor(cursor)
        self._update_buttons()

    def show_place(self, paragraph: int, line: int, start: int | None = None, end: int | None = None) -> None:
        """Select ``text[start:end]`` (or, without offsets, paragraph ``paragraph``, line ``line``) and
        scroll to it, so the worker sees what still stands there and can redact it or keep it."""
        from desktop.core.places import line_span

        if start is None or end is None or not 0 <= start < end <= len(self.text):
            span = line_span(self.text, paragraph, line)
            if span is None:
                return
            start, end = span
        self.list.setCurrentRow(-1)
        cursor = self.view.textCursor()
        cursor.setPosition(cp_to_qt(self.text, start))
        cursor.setPosition(cp_to_qt(self.text, end), QTextCursor.MoveMode.KeepAnchor)
        self.view.setTextCursor(cursor)
        self.view.ensureCursorVisible()
        QTimer.singleShot(0, self.view.ensureCursorVisible)  # again once the dialog is laid out
        self.view.setFocus()
        self.status.setText(
            self.tr(
                "Paragraph {p}, line {n}: this text is still in the statement. Redact it "
                "with \u201cRedact selection\u201d, or keep it with a reason."
            ).format(p=paragraph, n=line)
        )
        self._update_buttons()

    def _selection(self) -> tuple[int, int] | None:
        cursor = self.view.textCursor()
        if not cursor.hasSelection():
            return None
        a, b = sorted((cursor.selectionStart(), cursor.selectionEnd()))
        s, e = qt_to_cp(self.text, a), qt_to_cp(self.text, b)
        return (s, e) if e > s else None

    def _update_buttons(self) -> None:
        sp = self.current_span()
        can_reject = sp is not None and sp.source != "known" and not self.is_rejected(sp)
        self.reject_button.setEnabled(can_reject and bool(self.reason.text().strip()))
        why = self._why_not_keep(sp)
        self.keep_hint.setText(why)
        self.keep_hint.setVisible(bool(why))
        self.reject_button.setToolTip(why or self.tr("Do not redact the chosen text; the reason goes with it"))
        self.accept_button.setEnabled(sp is not None and (self.is_rejected(sp) or sp.source == "manual"))
        manual_undo = sp is not None and sp.source == "manual" and not self.is_rejected(sp)
        self.accept_button.setText(self.tr("Un&do my redaction") if manual_undo else self.tr("Re&dact it again"))
        sel = self._selection()
        listed = sp is not None and sel == (sp.start, sp.end)
        self.add_button.setEnabled(sel is not None and not listed)

    def _why_not_keep(self, sp: Span | None) -> str:
        """Why "Keep this text" cannot be pressed now, in the reviewer's words ("" when it can)."""
        if sp is None:
            return self.tr("To keep a text, choose it in the list of suggestions first.")
        if sp.source == "known":
            return self.tr(
                "Recorded names and identifiers are always redacted. To keep one, remove it from the "
                "people or identifiers in the interview."
            )
        if self.is_rejected(sp):
            return self.tr("This text is already kept. \u201cRedact it again\u201d takes that back.")
        if not self.reason.text().strip():
            return self.tr("Type why this text should stay in the box above: a reason is needed to keep it.")
        return ""

    # --- decisions -----------------------------------------------------------------------------

    def _changed(self) -> None:
        self._refresh()
        self.decisions_changed.emit(self.decisions.to_dict())
        if self.redacted is not None:
            self._update_preview()  # in place, where the reviewer was reading

    def _update_preview(self) -> None:
        """Make the preview again from the decisions as they are now, keeping the scroll position."""
        bar = self.preview.verticalScrollBar()
        at = bar.value()
        self.redacted = apply(self.text, self.spans, self.decisions)
        self.preview.setPlainText(self.redacted.text)
        bar.setValue(min(at, bar.maximum()))
        self.applied.emit(self.redacted)

    def reject_current(self) -> None:
        sp = self.current_span()
        reason = self.reason.text().strip()
        if sp is None or sp.source == "known" or not reason:
            return
        self.decisions.reject(sp, reason)
        self.reason.clear()
        self._changed()

    def accept_current(self) -> None:
        sp = self.current_span()
        if sp is None:
            return
        if sp.source == "manual" and not self.is_rejected(sp):
            self.decisions.remove_manual(sp.start, sp.end)
        else:
            self.decisions.accept(sp)
        self._changed()

    def add_selection(self) -> None:
        sel = self._selection()
        if sel is None:
            return
        if not self.text[sel[0] : sel[1]].strip():
            return
        self.decisions.add_manual(sel[0], sel[1], self.type_box.currentData(), every=True)
        self._changed()

    def apply(self) -> Redacted:
        self.redacted = apply(self.text, self.spans, self.decisions)
        self.preview.setPlainText(self.redacted.text)
        self.applied.emit(self.redacted)
        return self.redacted
