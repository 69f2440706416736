"""Send to coordinator and Import from stick: choose the stick's folder, watch the progress, cancel, read the result.

Both dialogs only call :mod:`desktop.services.transfer` (sending) and
:mod:`desktop.services.transfer_screens` (importing what a stick holds) on the task runner; every
rule (what is sent, what is refused and why, what is marked delivered) is in those services, and
their refusals are shown in their own words. The result lists counts, file names and short device
labels, never interview content. On lock, :meth:`StickDialog.drop` empties the dialog and a
result that comes back afterwards is thrown away unseen.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.transfer import errors as bundle_errors
from desktop.ui.screen_fit import SIDES, TITLE_BAR
from desktop.ui.workers import Progress, TaskRunner

log = logging.getLogger(__name__)

FolderChooser = Callable[[QWidget], Path | None]
RESULT_WIDTH = 900  # wide enough that a result line reads on one line, on a 1366x768 screen and at 1100x720


def choose_stick_folder(parent: QWidget) -> Path | None:
    chosen = QFileDialog.getExistingDirectory(parent, parent.tr("The USB stick's folder"))
    return Path(chosen) if chosen else None


def _t(text: str) -> str:
    return QCoreApplication.translate("Transfer", text)


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


class StickDialog(QDialog):
    """A stick folder, a start button, a progress bar with Cancel, a status line and a result list."""

    finished_work = Signal(object)  # the service's result

    def __init__(
        self, runner: TaskRunner, choose: FolderChooser, *, intro: str, start_text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._choose = choose
        self._folder: Path | None = None
        self._cancel = threading.Event()
        self._working = False
        self._ticket = 0  # bumped by drop(): a result for an older ticket is thrown away
        self._progress = Progress(self)
        self._progress.moved.connect(self._moved)

        self.intro = QLabel(intro, self)
        self.intro.setWordWrap(True)
        self.folder_edit = QLineEdit(self)
        self.folder_edit.setReadOnly(True)
        self.folder_edit.setPlaceholderText(self.tr("Choose the USB stick's folder"))
        self.folder_edit.setAccessibleName(self.tr("USB stick folder"))
        self.choose_button = QPushButton(self.tr("Choose the stick's folder…"), self)
        self.choose_button.clicked.connect(self._choose_folder)
        self.start_button = QPushButton(start_text, self)
        self.start_button.setProperty("role", "primary")
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setAccessibleName(self.tr("Stop"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1)
        self.progress.hide()
        self.alert = QLabel(self)
        self.alert.setObjectName("transferAlert")
        self.alert.setProperty("role", "error")
        self.alert.setWordWrap(True)
        self.alert.hide()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.results = QListWidget(self)
        self.results.setWordWrap(True)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)  # what is hidden, in pixels
        self.results.hide()
        # Takes the room while there is no result list, so the lines above stay together at the top.
        self._filler = QWidget(self)
        self._filler.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAccessibleName(self.tr("Close"))
        self.choose_button.setAccessibleName(self.tr("Choose the stick's folder"))
        self.start_button.setAccessibleName(start_text.replace("&", ""))
        self.results.setAccessibleName(self.tr("What happened to each file"))

        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.choose_button)
        action_row = QHBoxLayout()
        action_row.addWidget(self.start_button)
        action_row.addWidget(self.cancel_button)
        action_row.addStretch(1)
        action_row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(folder_row)
        layout.addWidget(self.progress)
        layout.addWidget(self.alert)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        layout.addWidget(self._filler, 1)
        layout.addLayout(action_row)
        self.resize(640, 440)
        self._update()

    # -- the folder -----------------------------------------------------------------------------

    def set_folder(self, folder: Path) -> None:
        self._folder = Path(folder)
        self.folder_edit.setText(str(self._folder))
        self._update()

    @Slot()
    def _choose_folder(self) -> None:
        chosen = self._choose(self)
        if chosen is not None:
            self.set_folder(chosen)

    def _update(self) -> None:
        self.start_button.setEnabled(not self._working and self._folder is not None)
        self.choose_button.setEnabled(not self._working)

    def _show_results(self, shown: bool) -> None:
        self.results.setVisible(shown)
        self._filler.setVisible(not shown)

    def fit_results(self) -> None:
        """Grow to show every result line without scrolling, within the screen's free area, then fit the
        lines with no blank below them; the list scrolls only when the screen has no more room."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None or not self.isVisible():
            return
        room = screen.availableGeometry()
        width = max(self.width(), min(RESULT_WIDTH, room.width() - SIDES))
        tallest = max(self.height(), room.height() - TITLE_BAR)
        before = self.size()
        height = before.height()
        for _ in range(4):  # a wider list wraps fewer lines: measure again after each resize
            self.resize(width, height)
            self.layout().activate()
            self.results.doItemsLayout()
            hidden = self.results.verticalScrollBar().maximum()
            if not hidden or height >= tallest:
                break
            height = min(height + hidden, tallest)
        if self.size() != before and not hidden:
            # Grown to fit, it fits the lines: a wider list wraps fewer of them, and one that no longer needs
            # its scroll bar is wider still, so what was measured before can leave a blank below the last line.
            slack = self.results.viewport().height() - self._results_height()
            if slack > 0:
                self.resize(width, max(self.minimumSizeHint().height(), height - slack))
                self.layout().activate()
                self.results.doItemsLayout()
        frame = self.frameGeometry()  # keep it on the screen as it grows
        x = min(max(frame.left(), room.left()), room.right() - frame.width())
        y = min(max(frame.top(), room.top()), room.bottom() - frame.height())
        if (x, y) != (frame.left(), frame.top()):
            self.move(max(x, room.left()), max(y, room.top()))

    def _results_height(self) -> int:
        """The height the result lines take in the list, from its top to the last line's bottom."""
        count = self.results.count()
        return self.results.visualItemRect(self.results.item(count - 1)).bottom() + 1 if count else 0

    @property
    def working(self) -> bool:
        return self._working

    # -- the work -------------------------------------------------------------------------------

    def work(self, folder: Path, progress: Callable[[int, int], None], cancel: threading.Event) -> Any:
        raise NotImplementedError

    def show_result(self, result: Any) -> None:
        raise NotImplementedError

    def working_text(self) -> str:
        return self.tr("Working…")

    @Slot()
    def start(self) -> None:
        folder = self._folder
        if folder is None or self._working:
            return
        self._cancel.clear()
        self._working = True
        self._ticket += 1
        ticket = self._ticket
        self.progress.setRange(0, 0)  # busy until the first step is known
        self.progress.show()
        self.alert.hide()
        self.results.clear()
        self._show_results(False)
        self.status.setText(self.working_text())
        self.cancel_button.show()
        self._update()
        moved, cancel = self._progress.moved, self._cancel

        def run() -> Any:
            return self.work(folder, moved.emit, cancel)

        self._runner.run_task(run, lambda result: self._done(ticket, result), lambda exc: self._failed(ticket, exc))

    @Slot()
    def cancel(self) -> None:
        if self._working:
            self._cancel.set()
            self.status.setText(self.tr("Stopping…"))

    @Slot(int, int)
    def _moved(self, done: int, total: int) -> None:
        if self._working:
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(done)

    def _finish(self) -> None:
        self._working = False
        self.cancel_button.hide()
        self.progress.hide()
        self._update()

    def _done(self, ticket: int, result: Any) -> None:
        if ticket != self._ticket:
            return  # locked or closed meanwhile: nothing is shown
        self._finish()
        self.show_result(result)
        self.finished_work.emit(result)

    def _failed(self, ticket: int, exc: BaseException) -> None:
        from desktop.services.errors import Refused

        if ticket != self._ticket:
            return
        self._finish()
        if isinstance(exc, Refused):  # the service's own words: a stick full, nothing to send, ...
            self.status.setText(str(exc))
            return
        log.error("stick work failed: %s", type(exc).__name__)  # its message could quote data: not shown
        self.status.setText(
            self.tr(
                "This stopped because of an unexpected problem. Nothing was half done: check the stick, and try again."
            )
        )

    def drop(self) -> None:
        """Forget everything shown (on lock and on close); a result still on its way is thrown away."""
        self._cancel.set()
        self._ticket += 1
        self._working = False
        self.results.clear()
        self._show_results(False)
        self.status.clear()
        self.alert.clear()
        self.alert.hide()
        self.progress.hide()
        self.cancel_button.hide()

    def done(self, result: int) -> None:
        self.drop()
        super().done(result)


class SendDialog(StickDialog):
    """Send to coordinator: everything not yet delivered, in one bundle only the coordinator can open."""

    def __init__(
        self,
        export: Callable[..., Any],
        runner: TaskRunner,
        choose: FolderChooser = choose_stick_folder,
        parent: QWidget | None = None,
        *,
        held_back: int = 0,
        coordinator_enrolled: bool = True,
    ) -> None:
        """``export(folder, *, progress, cancel[, send_held_back])``:
        :func:`desktop.services.transfer.export_bundle` for this vault; ``held_back``: how many interviews the
        coordinator could not accept are held back (a box to send them again is shown only then);
        ``coordinator_enrolled``: False on a laptop that has no coordinator to send to yet, which is said at
        once, with where in the window to enrol one, and nothing can be started."""
        super().__init__(
            runner,
            choose,
            parent=parent,
            start_text=_t("&Send"),
            intro=_t(
                "Every interview not yet delivered to the coordinator, and every change since the last time, is "
                "written onto the stick, encrypted so that only the coordinator can open it. Put the stick in and "
                "choose its folder."
            ),
        )
        self.setObjectName("sendDialog")
        self._export = export
        self.send_held_back: QCheckBox | None = None
        if held_back:
            self.send_held_back = QCheckBox(
                self.tr(
                    "Also send the {n} the coordinator could not accept, unchanged (after updating Witnessbox)"
                ).format(n=_plural(held_back, self.tr("interview"), self.tr("interviews"))),
                self,
            )
            self.send_held_back.setAccessibleName(self.tr("Send held-back interviews again"))
            self.layout().insertWidget(2, self.send_held_back)  # under the stick's folder
        self.coordinator_enrolled = coordinator_enrolled
        if not coordinator_enrolled:
            # The service's refusal names a command ('witnessbox enrol'); here the way is a button in the window.
            self.status.setText(
                self.tr(
                    "No coordinator is enrolled on this laptop yet, so there is no one to send to. Meet the "
                    "coordinator in person, press Devices at the top of the window and choose “Enrol a device…” "
                    "with their enrolment file; then send."
                )
            )
            self._update()

    def _update(self) -> None:
        super()._update()
        if not getattr(self, "coordinator_enrolled", True):
            self.start_button.setEnabled(False)
            self.choose_button.setEnabled(False)

    def working_text(self) -> str:
        return self.tr("Writing to the stick. Do not remove it.")

    def work(self, folder: Path, progress, cancel) -> Any:
        if self.send_held_back is not None and self.send_held_back.isChecked():
            return self._export(folder, progress=progress, cancel=cancel, send_held_back=True)
        return self._export(folder, progress=progress, cancel=cancel)

    def show_result(self, result: Any) -> None:
        if result is None:
            if self.send_held_back is not None and not self.send_held_back.isChecked():
                self.status.setText(
                    self.tr(
                        "Nothing to send: everything here has been sent already, except the "
                        "interviews the coordinator could not accept (see the box above)."
                    )
                )
                return
            self.status.setText(self.tr("Nothing to send: everything here has been sent already."))
            return
        sent = _plural(result.interviews, self.tr("interview"), self.tr("interviews"))
        text = self.tr("{sent} sent").format(sent=sent)
        if result.deletions:
            text += self.tr(", and {n}").format(n=_plural(result.deletions, self.tr("deletion"), self.tr("deletions")))
        text += self.tr(
            "; they will be marked delivered when the coordinator's receipt comes back. Eject the stick "
            "before removing it."
        )
        if result.note:  # the first bundle after this laptop was restored from a backup
            text += "\n\n" + result.note
        self.status.setText(text)


class ImportDialog(StickDialog):
    """Import from stick: every bundle (coordinator) or receipt (field) in the folder, and what became of each."""

    def __init__(
        self,
        import_folder: Callable[..., Any],
        runner: TaskRunner,
        choose: FolderChooser = choose_stick_folder,
        parent: QWidget | None = None,
    ) -> None:
        """``import_folder(folder, *, progress, cancel)``:
        :func:`desktop.services.transfer_screens.import_from_stick` for this vault."""
        super().__init__(
            runner,
            choose,
            parent=parent,
            start_text=_t("&Import"),
            intro=_t(
                "Everything Witnessbox finds in the stick's folder is checked and imported: interviews from the "
                "workers' laptops on the coordinator's, the coordinator's receipts on a worker's. Nothing that "
                "fails a check is imported."
            ),
        )
        self.setObjectName("importDialog")
        self._import = import_folder

    def working_text(self) -> str:
        return self.tr("Checking and importing. Do not remove the stick.")

    def work(self, folder: Path, progress, cancel) -> Any:
        return self._import(folder, progress=progress, cancel=cancel)

    def show_result(self, result: Any) -> None:
        lines: list[str | tuple[str, str]] = []  # a line, or (a line, the file's name on the stick)
        if result.report is not None:
            summary, alerts = self._bundles(result, lines)
        else:
            summary, alerts = self._receipts(result, lines)
        if result.cancelled:
            summary = self.tr("Stopped before the end. ") + summary
        self.status.setText(summary)
        if alerts:
            self.alert.setText("\n".join(alerts))
            self.alert.show()
        if lines:
            for line in lines:
                text, file = (line, "") if isinstance(line, str) else line
                item = QListWidgetItem(text, self.results)
                if file:  # the file's name on the stick, to find it there: a detail, not what the line leads with
                    item.setToolTip(self.tr("File on the stick: {file}").format(file=file))
            self._show_results(True)
            self.fit_results()

    def _bundles(self, result: Any, lines: list[str | tuple[str, str]]) -> tuple[str, list[str]]:
        from desktop.services.transfer_screens import sent_text  # not at start-up: it brings in the bundle format

        report, labels = result.report, result.labels
        alerts = []

        # What needs the coordinator's attention first: a refusal is never below the fold of arrivals. Then
        # each laptop's bundles together, in the order they were sent.
        def order(o: Any) -> tuple:
            return (o.status != "refused", labels.get(o.device_id or "", "~"), o.seq or 0, o.sent_utc or "")

        for o in sorted(report.bundles, key=order):
            who = labels.get(o.device_id or "", self._unknown(o))
            # What a coordinator recognises first: which laptop, when it was sent; the file name is a detail.
            lead = who[:1].upper() + who[1:]
            if o.sent_utc:
                lead = self.tr("{who}, sent {when}").format(who=lead, when=sent_text(o.sent_utc))
            if o.status == "imported":
                counts = _plural(o.interviews, self.tr("interview"), self.tr("interviews"))
                extra = [_plural(o.deletions, self.tr("deletion"), self.tr("deletions"))] if o.deletions else []
                if o.withdrawals:
                    extra.append(self.tr("{n} consent withdrawn").format(n=o.withdrawals))
                text = self.tr("{lead}: arrived, {counts} new or changed").format(lead=lead, counts=counts)
                lines.append((text + ("; " + ", ".join(extra) if extra else "") + ".", o.file))
                if o.note:  # a restored laptop's hand-over, or a bundle from the laptop it replaced
                    lines.append((self.tr("{lead}: {note}").format(lead=lead, note=o.note), o.file))
                    alerts.append(self.tr("From {who}: {note}").format(who=who, note=o.note))
            elif o.status == "already there":  # whose it is, as for an arrival: the coordinator checks by laptop
                lines.append((self.tr("{lead}: already there; nothing changed.").format(lead=lead), o.file))
            else:
                # Refused: the file's name too, to find it on the stick (to keep it aside, or to show the worker).
                lines.append((self._refusal(o, lead), o.file))
                if o.alert:
                    alerts.append(self.tr("From {who}: {why}").format(who=who, why=o.reason))
        for device, seqs in report.gaps.items():
            lines.append(
                self.tr("Still missing from {who}: bundle number {seqs}.").format(
                    who=labels.get(device, self.tr("an enrolled laptop")), seqs=", ".join(map(str, seqs))
                )
            )
        summary = self.tr("Arrived: {a}. Already there: {b}. Refused: {c}.").format(
            a=report.count("imported"), b=report.count("already there"), c=report.count("refused")
        )
        # A stick shared by several workers goes round them all: each laptop takes in its own receipts.
        laptops = {o.device_id for o in report.bundles if o.receipt}
        back = (
            self.tr("eject it and give it back to the worker.")
            if len(laptops) < 2
            else self.tr("eject it and pass it round the {n} workers whose bundles it carried.").format(n=len(laptops))
        )
        if any(o.receipt and not o.receipt_there for o in report.bundles):
            summary += " " + self.tr("Receipts were written onto the stick:") + " " + back
        elif any(o.receipt for o in report.bundles):  # imported again: the receipts written then are still there
            summary += " " + self.tr("Their receipts are on the stick already:") + " " + back
        if note := report.receipt_note():  # due but not written: the worker's laptop would never learn
            alerts.append(self.tr(note))
        return summary, alerts

    def _unknown(self, o: Any) -> str:
        """Who sent a bundle whose laptop is not known here, as far as can be said."""
        if o.reason == bundle_errors.NOT_ENROLLED:
            return self.tr("a laptop not enrolled here")
        if o.reason in (bundle_errors.CHANGED, bundle_errors.NOT_A_BUNDLE):
            return self.tr("a laptop that cannot be told from the damaged file")
        return self.tr("an unknown laptop")

    def _refusal(self, o: Any, lead: str) -> str:
        """A refused bundle's line: the service's reason, and what the coordinator does next where that is
        a step in this window; the file's name last, to find it on the stick."""
        why = o.reason
        if o.device_id is None and o.reason == bundle_errors.NOT_ENROLLED:
            # Its fingerprint is not in the bundle (only the laptop's own screen shows it), and enrolling is in person.
            why = self.tr(
                "Which worker's it is cannot be told until their laptop is enrolled here, in person: on that "
                "laptop, press Devices, save its enrolment file onto a stick and read its fingerprint aloud; here, "
                "press Devices, choose “Enrol a device…” with that file and type the fingerprint. Then import this "
                "stick again: nothing is imported twice."
            )
        elif o.device_id is None and o.reason in (bundle_errors.CHANGED, bundle_errors.NOT_A_BUNDLE):
            why += " " + self.tr(
                "It gets no receipt: on the laptop that sent it, its interviews still show as “Sent, awaiting "
                "receipt” once the receipts from this stick are taken in, which tells its worker it was this one. A "
                "laptop said below to be still missing a bundle may be the one."
            )
        return self.tr("{lead}: refused. {why} (File {file}.)").format(lead=lead, why=why, file=o.file)

    def _receipts(self, result: Any, lines: list[str | tuple[str, str]]) -> tuple[str, list[str]]:
        marked = refused = 0
        alerts = []
        for r in result.receipts:
            if r.held_back:  # the coordinator refused that bundle for some interviews: said prominently
                lines.append(self.tr("{file}: {why}").format(file=r.file, why=r.reason))
                alerts.append(r.reason)
            elif r.elsewhere:  # a shared stick: another worker's receipt is theirs to take in, not a refusal
                lines.append(
                    self.tr("{file}: for a bundle another laptop sent; nothing to do here.").format(file=r.file)
                )
            elif r.delivered is None:
                refused += 1
                lines.append(self.tr("{file}: refused. {why}").format(file=r.file, why=r.reason))
            elif r.delivered:
                marked += r.delivered
                lines.append(
                    self.tr("{file}: {n} marked delivered.").format(
                        file=r.file, n=_plural(r.delivered, self.tr("interview"), self.tr("interviews"))
                    )
                )
            else:
                lines.append(self.tr("{file}: already there; nothing changed.").format(file=r.file))
        summary = self.tr("{n} marked delivered to the coordinator. Receipts refused: {r}.").format(
            n=_plural(marked, self.tr("interview"), self.tr("interviews")), r=refused
        )
        return summary, alerts
