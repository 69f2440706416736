"""Screenshots of each main screen, for the README and for checking the layout by eye.

    python tools/screenshots.py [OUT_DIR]

For each scale (100% on a 1366x768 screen, 150% on a 1920x1080 screen: both 1366- and
1280-point-wide laptops) it starts a private Xvfb display, makes a demo vault with made-up
interviews in a throwaway folder, starts the real window there and grabs the screen with
ImageMagick's ``import -window root``, twice: with the window filling the screen
(``NN-name-100.png``) and at its default size, 1100x720 (``NN-name-window-100.png``, cropped to
the window). The demo interviews have fixed references, so every picture shows the same ones, and
the main one's statement names people and numbers, so the review has suggestions to show.
Nothing is read from or written to the user's own vault. The demo vault uses a cheap
key-derivation setting: it holds only invented data and is deleted.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCALES = (("100", "1", "1366x768"), ("150", "1.5", "1920x1080"))
MODES = ("full", "window")  # the window filling the screen, and at its default size
DEFAULT_SIZE = (1100, 720)
DEMO_PASSPHRASE = "demo only kitchen table"
# Fixed, so the pictures at every scale and size show the same interviews (the app makes random ones).
DEMO_REFERENCES = (
    "WB-3HVN-X8PA",
    "WB-R2KD-5TQW",
    "WB-9FMB-L4ZC",
    "WB-WX7P-2NHE",
    "WB-C6TJ-QK3R",
    "WB-8PLG-VD5M",
    "WB-N4ZS-7BKF",
    "WB-H2QE-W9XT",
    "WB-5KDR-MJ6P",
    "WB-TB8V-3CHL",
    "WB-6GWN-RZ4Q",
)


def start_xvfb(screen: str) -> tuple[subprocess.Popen, str]:
    """A private Xvfb of ``screen`` ("1366x768") on a display it picks itself, free at that moment, and
    the display's name (":N"), once it is ready: two runs at once (or another X server) never collide."""
    read, write = os.pipe()
    try:
        xvfb = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{screen}x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            pass_fds=(write,),
        )
    finally:
        os.close(write)
    with os.fdopen(read) as told:  # Xvfb writes the display's number here once it accepts clients
        number = told.readline().strip()
    if not number.isdigit():
        xvfb.terminate()
        xvfb.wait()
        raise RuntimeError("Xvfb did not start")
    return xvfb, f":{number}"


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    if os.environ.get("WITNESSBOX_SHOT_CHILD"):
        return shoot(out, os.environ["WITNESSBOX_SHOT_TAG"], os.environ.get("WITNESSBOX_SHOT_MODE", "full"))
    for tag, factor, screen in SCALES:
        xvfb, display = start_xvfb(screen)
        try:
            for mode in MODES:
                with tempfile.TemporaryDirectory() as home:
                    env = dict(
                        os.environ,
                        DISPLAY=display,
                        QT_QPA_PLATFORM="xcb",
                        QT_SCALE_FACTOR=factor,
                        QT_AUTO_SCREEN_SCALE_FACTOR="0",
                        QT_ENABLE_HIGHDPI_SCALING="0" if factor == "1" else "1",
                        WITNESSBOX_SHOT_CHILD="1",
                        WITNESSBOX_SHOT_TAG=tag,
                        WITNESSBOX_SHOT_MODE=mode,
                        HOME=home,
                        XDG_DATA_HOME=f"{home}/data",
                        XDG_CONFIG_HOME=f"{home}/config",
                        XDG_STATE_HOME=f"{home}/state",
                        XDG_CACHE_HOME=f"{home}/cache",
                        LANG="en_GB.UTF-8",
                    )
                    subprocess.run([sys.executable, __file__, str(out)], env=env, check=True, cwd=ROOT)
        finally:
            xvfb.terminate()
            xvfb.wait()
    return 0


def demo_interviews():
    from desktop.core.model import (
        Answer,
        Consent,
        ConsentUse,
        CrimeType,
        Identifier,
        IdentifierKind,
        Interview,
        Outcome,
        Person,
        PersonRole,
        Role,
        Status,
        YearMonth,
    )

    statement = (
        "My name is Leila Haddad. I went to the police station in March to report what my husband Karim Haddad "
        "was doing. PC Daniel Price asked for my passport before he asked what happened. He said he would have "
        "to check my status with the Home Office and wrote down my reference, H1234567. I did not go back for "
        "two months because I was afraid they would send me away from my children.\n\n"
        "Later my neighbour Samira Nasser called the police when she heard shouting at Flat 4, 19 Elm Terrace. "
        "They came to the flat and again asked about my visa. Karim told them I was illegal and they believed "
        "him. My support worker's number is 07700 900461; you can also write to me at leila.h@example.org.\n\n"
        "ذهبت إلى مركز الشرطة لأبلغ عما يفعله زوجي، لكن الضابط سأل عن جواز سفري أولاً.\n"
        "पुलिस ने पहले मेरा पासपोर्ट माँगा, फिर पूछा कि क्या हुआ।"
    )
    forces = [
        "west-midlands",
        "metropolitan",
        "greater-manchester",
        "kent",
        "west-yorkshire",
        "merseyside",
        "avon-somerset",
        "essex",
        "thames-valley",
        "south-wales",
        "northumbria",
        "unknown",
    ]
    crimes = list(CrimeType)
    main = Interview(
        id=f"5e1d{0:028x}",
        reference="WB-7KQ3-M9XD",
        interviewed_on=date(2026, 11, 12),
        role=Role.VICTIM,
        crime_type=CrimeType.DOMESTIC_ABUSE,
        force="west-midlands",
        reported_on=YearMonth(2026, 3),
        statement=statement,
        people=[
            Person("Leila Haddad", PersonRole.INTERVIEWEE, ["Umm Sami"]),
            Person("Karim Haddad", PersonRole.PERPETRATOR, ["K"]),
            Person("PC Daniel Price", PersonRole.OFFICER, []),
        ],
        identifiers=[
            Identifier(IdentifierKind.ADDRESS, "Flat 4, 19 Elm Terrace, Walsall WS1 9ZZ"),
            Identifier(IdentifierKind.PHONE, "07700 900461"),
            Identifier(IdentifierKind.HOME_OFFICE_REF, "H1234567"),
        ],
        consent={
            ConsentUse.COMPLAINT: Consent(ConsentUse.COMPLAINT, True, date(2026, 11, 12), "J. Osei"),
            ConsentUse.QUOTATION: Consent(
                ConsentUse.QUOTATION,
                True,
                date(2026, 11, 12),
                "J. Osei",
                withdrawn_on=date(2026, 11, 20),
                withdrawn_by="J. Osei",
            ),
            ConsentUse.CONTACT: Consent(ConsentUse.CONTACT, False),
        },
        asked_about_status=Answer.YES,
        immigration_enforcement_contacted=Answer.UNKNOWN,
        what_was_shared="Her name and date of birth, according to a letter she received later.",
        outcomes=[Outcome.CRIME_DROPPED],
        fear_delayed_reporting=Answer.YES,
        status_used_as_threat=Answer.YES,
        language="Arabic",
        interpreter_used=True,
        interviewer="J. Osei",
        status=Status.COMPLETE,
    )
    out = [main]
    names = [
        "Tomasz Nowicki",
        "Adaeze Okafor",
        "Bilal Qureshi",
        "Ioana Popescu",
        "Hamid Karimi",
        "Thu Trang Nguyen",
        "Efua Mensah",
        "Sandeep Gill",
        "Olena Kovalenko",
        "Abdi Warsame",
        "Mei Lin Chow",
    ]  # all invented
    for n in range(1, 12):
        out.append(
            Interview(
                id=f"5e1d{n:028x}",
                reference=DEMO_REFERENCES[n - 1],
                interviewed_on=date(2026, 11 - n % 9, 1 + n),
                role=list(Role)[n % 3],
                crime_type=crimes[n % len(crimes)],
                force=forces[n],
                reported_on=YearMonth(2026, max(1, 10 - n % 9)),
                statement="Made-up demo statement.",
                people=[Person(names[n - 1], PersonRole.INTERVIEWEE)] * (n % 3),
                consent={ConsentUse.COMPLAINT: Consent(ConsentUse.COMPLAINT, n % 4 != 0, date(2026, 10, 1), "J. Osei")},
                status=Status.DRAFT if n % 3 else Status.COMPLETE,
                interviewer="J. Osei",
            )
        )
    return out


def demo_totals(count: int = 900):
    """Invented interviews with coded facts only (no names), spread so the totals have something to show."""
    import random

    from desktop.core.forces import FORCES
    from desktop.core.model import Answer, Consent, ConsentUse, CrimeType, Interview, Outcome, Role, YearMonth

    rnd = random.Random(7)
    busy = [f.code for f in FORCES[:20]]
    return [
        Interview(
            interviewed_on=date(2026, 10, 1),
            role=rnd.choice(list(Role)),
            crime_type=rnd.choice(list(CrimeType)[:4]),
            force=rnd.choice(busy) if rnd.random() < 0.9 else rnd.choice(FORCES).code,
            reported_on=YearMonth(rnd.randint(2021, 2026), rnd.randint(1, 12)),
            statement="Made-up demo statement.",
            consent={ConsentUse.COMPLAINT: Consent(ConsentUse.COMPLAINT, True, date(2026, 10, 1), "J. Osei")},
            asked_about_status=rnd.choice(list(Answer)),
            immigration_enforcement_contacted=rnd.choice(list(Answer)),
            outcomes=[o for o in Outcome if rnd.random() < 0.25],
            fear_delayed_reporting=rnd.choice(list(Answer)),
            status_used_as_threat=rnd.choice(list(Answer)),
        )
        for _ in range(count)
    ]


def demo_letter_png() -> bytes:
    import io

    from PIL import Image, ImageDraw

    im = Image.new("RGB", (900, 620), (250, 248, 240))
    d = ImageDraw.Draw(im)
    d.rectangle((40, 40, 860, 580), outline=(120, 120, 120), width=3)
    d.text((70, 70), "HOME OFFICE (made-up demo letter)", fill=(20, 20, 20))
    for i in range(12):
        d.line((70, 130 + i * 34, 830 - (i % 4) * 90, 130 + i * 34), fill=(150, 150, 150), width=6)
    buf = io.BytesIO()
    im.save(buf, format="PNG")
    return buf.getvalue()


def shoot(out: Path, tag: str, mode: str = "full") -> int:
    from desktop import firewall

    firewall.install(firewall.DEFAULT_ALLOWED_PROGRAMS + ("import", "/usr/bin/import"))

    from PIL import Image

    from PySide6.QtCore import QEventLoop, QRect, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.app import Application, build_main_window
    from desktop.core.attachments import prepare
    from desktop.paths import AppPaths
    from desktop.vault import KdfParams

    app = Application(sys.argv[:1])
    paths = AppPaths.default()
    paths.ensure()
    cheap = KdfParams(time_cost=1, memory_cost_kib=8 * 1024, lanes=1)
    window = build_main_window(paths, kdf=cheap, today=lambda: date(2026, 11, 26))
    screen = app.primaryScreen().availableGeometry()
    area = screen if mode == "full" else QRect(screen.x(), screen.y(), *DEFAULT_SIZE)
    window.setGeometry(area)
    window.show()
    suffix = tag if mode == "full" else f"window-{tag}"

    def settle(ms: int = 400) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()
        app.processEvents()

    def grab(name: str) -> None:
        settle()
        raw = out / f".{name}-{suffix}.png"
        final = out / f"{name}-{suffix}.png"
        subprocess.run(["import", "-window", "root", str(raw)], check=True)
        # A 128-colour palette keeps the text crisp and the file small enough to commit.
        with Image.open(raw) as im:
            picture = im.convert("RGB")
            if mode == "window":  # only the window (and the dialogs over it), in device pixels
                g, ratio = window.geometry(), window.devicePixelRatio()
                picture = picture.crop(
                    (
                        round(g.x() * ratio),
                        round(g.y() * ratio),
                        round((g.x() + g.width()) * ratio),
                        round((g.y() + g.height()) * ratio),
                    )
                )
            picture.quantize(colors=128, dither=Image.Dither.NONE).save(final, optimize=True)
        raw.unlink()
        print("wrote", final.relative_to(ROOT) if final.is_relative_to(ROOT) else final)

    # First run: set up the vault.
    page = window.create_page
    page.passphrase.setText(DEMO_PASSPHRASE)
    page.confirm.setText(DEMO_PASSPHRASE[:-3])
    grab("01-create-vault")
    page.confirm.setText(DEMO_PASSPHRASE)
    page.submit()
    for _ in range(100):
        if window.is_unlocked:
            break
        settle(100)
    vault = window.vault
    ids = vault.interviews.add_many(demo_interviews())
    letter = prepare(demo_letter_png(), "letter-from-home-office.png")
    vault.attachments.add(ids[0], letter.data, letter.display_name, letter.media_type)
    window.list_page.refresh()
    grab("03-interview-list")

    window.open_interview(ids[0])
    editor = window.editor
    names = [
        "04-form-about",
        "05-form-report",
        "06-form-statement",
        "07-form-people",
        "08-form-consent",
        "09-form-attachments",
    ]
    for n, name in enumerate(names):
        editor.tabs.setCurrentIndex(n)
        grab(name)
    editor.attachments_view.selectRow(0)
    editor.view_selected_attachment()
    for _ in range(100):  # the attachment is decrypted and decoded on a worker thread
        if editor.viewer is not None:
            break
        settle(100)
    if editor.viewer is None:
        raise SystemExit("the attachment viewer did not open within ten seconds")
    editor.viewer.resize(min(820, area.width() - 80), min(640, area.height() - 80))
    editor.viewer.move(area.center() - editor.viewer.rect().center())
    grab("10-attachment-viewer")
    editor.viewer.reject()

    # The redaction review, as "Review redactions" in the form opens it, with the preview made. Its
    # suggestions are found on a worker thread; the dialog opens when they arrive.
    window.review_redactions(ids[0])
    for _ in range(100):
        if window.statements.review_dialog is not None:
            break
        settle(100)
    review = window.statements.review_dialog
    if review is None:
        raise SystemExit("the redaction review did not open within ten seconds")
    shown = review.review
    if not shown.items():
        raise SystemExit("the demo statement gives the review nothing to show")
    shown.list.setCurrentRow(next((i for i, sp in enumerate(shown.items()) if sp.source != "known"), 0))
    shown.apply()
    grab("11-review-redactions")
    review.reject()

    # "Export statements" on the list, after exporting into the throwaway home's Documents.
    statements = Path(os.environ["HOME"]) / "Documents" / "Statements"
    statements.mkdir(parents=True)
    window.export_statements()
    export = window.statements.export_dialog
    export.set_folder(statements)
    export.start_export()
    for _ in range(600):
        if export.results.isVisible():
            break
        settle(100)
    grab("12-export-statements")
    export.reject()

    # Settings at its Backups group, as the reminder opens it after a backup to a stick (a folder of
    # the throwaway home) and a deletion since; then the Help page.
    stick = Path(os.environ["HOME"]) / "stick"
    stick.mkdir()
    from datetime import UTC, datetime

    from desktop.services import backups

    backups.backup_to_folder(vault, stick, now=lambda: datetime(2026, 11, 26, 9, 30, tzinfo=UTC))
    window.open_interview(ids[-1])
    window.editor.delete_current()
    window.show_backups()
    window.settings_dialog.move(area.center() - window.settings_dialog.rect().center())
    grab("13-settings")
    window.settings_dialog.reject()
    # The copy on the stick replaced, as "Back up now" does: the reminder goes, the later pictures are as before.
    backups.backup_to_folder(vault, stick, replace=True)
    window.backup_reminder.refresh(vault)
    window.show_help()
    window.help_dialog.move(area.center() - window.help_dialog.rect().center())
    grab("14-help")
    window.help_dialog.reject()

    # The totals, over many more invented interviews (coded facts only), counted on a worker thread.
    # They count 909: the 900 invented here and 9 of the demo's 12 (two have no consent for the
    # complaint, and the last, which had, was deleted for the Settings picture above).
    vault.interviews.add_many(demo_totals())
    window.show_totals()
    for _ in range(600):
        if window.dashboard.view is not None:
            break
        settle(100)
    grab("16-dashboard")

    # Lock, and a wrong passphrase on the lock screen.
    window.lock()
    window.unlock_page.passphrase.setText("demo only kitchen tabel")
    window.unlock_page.submit()
    for _ in range(100):
        if window.unlock_page.message.isVisible():
            break
        settle(100)
    grab("02-locked")

    # Help → About (the header's About button), over the lock screen.
    from desktop.ui.about_dialog import AboutDialog

    window.show_about()
    about = next(w for w in QApplication.topLevelWidgets() if isinstance(w, AboutDialog))
    grab("17-about")
    about.reject()

    # "Try it with demo data", as the first-run screen offers it: a vault of invented interviews of
    # its own, in the throwaway home; the title and the banner say DEMO.
    window.demo_entry.start()
    for _ in range(300):
        if window.is_unlocked:
            break
        settle(100)
    if not window.is_unlocked:
        raise SystemExit("the demo vault did not open within thirty seconds")
    grab("15-demo-vault")
    window.lock()
    window.close()
    QApplication.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
