"""How controls look in a real window with the app's stylesheet: a control that cannot be used looks
it, whatever its role."""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextLayout
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


URDU = "میں پولیس اسٹیشن گئی تاکہ اپنے شوہر کی شکایت کروں۔"  # ہ, ے and ۔ are Urdu's own letters
ARABIC = "ذهبت إلى مركز الشرطة لأبلغ عما يفعله زوجي، لكن الضابط سأل عن جواز سفري أولاً."


def fonts_drawing(widget, text: str) -> set[str]:
    """The fonts that draw ``text`` in ``widget``'s font (laid out as the widget lays out its text)."""
    layout = QTextLayout(text, widget.font())
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return {run.rawFont().familyName() for run in layout.glyphRuns()}


def test_each_urdu_or_arabic_word_is_drawn_in_one_font_so_its_letters_join(qtbot, make_window):
    """A system font with Arabic but not Urdu's own letters (DejaVu Sans on Linux) drew most of an Urdu
    word and the bundled Naskh font the rest, and letters either side of the change did not join ('تاکہ'
    shown as 'تاک ہ', seen under Xvfb); Arabic lines were cramped in that font."""
    window = make_window()
    create_vault(qtbot, window)
    window.new_interview()
    statement = window.editor.statement
    editor = window.editor
    for field in (
        statement,
        editor.original,
        editor.form.shared,
        editor.person_name,
        editor.person_aliases,
        editor.people_view,
        editor.id_value,
        editor.ids_view,
        window.list_page.search,  # words looked for in the statements
    ):
        for word in (URDU + " " + ARABIC).split():
            letters = "".join(ch for ch in word if "\u0600" <= ch <= "\u06ff")  # not the Latin full stop
            assert fonts_drawing(field, letters) == {"Noto Naskh Arabic"}, (field.accessibleName(), word)


def test_the_review_shows_the_statement_in_the_same_fonts(qtbot):
    from desktop.ui.redaction_review import RedactionReview

    review = RedactionReview(URDU + "\n\n" + ARABIC, spans=[])
    qtbot.addWidget(review)
    for field in (review.view, review.preview):
        for word in (URDU + " " + ARABIC).split():
            letters = "".join(ch for ch in word if "\u0600" <= ch <= "\u06ff")
            assert fonts_drawing(field, letters) == {"Noto Naskh Arabic"}, word


def contrast(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio of two colours."""

    def lum(c: QColor) -> float:
        ch = [v / 255 for v in (c.red(), c.green(), c.blue())]
        r, g, bl = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in ch]
        return 0.2126 * r + 0.7152 * g + 0.0722 * bl

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_fewer_than_in_the_charts_is_readable(qtbot):
    """'fewer than 5' beside a small group's stub was drawn in the palette's placeholder grey on the
    bar's pale track: 3.8 to 1 (seen under Xvfb), below the 4.5 to 1 that text needs."""
    from desktop.ui.charts import TRACK, BarChart, Mark

    chart = BarChart("Interviews by police force")
    qtbot.addWidget(chart)
    chart.set_marks([Mark("Kent Police", "42", 42), Mark("Cumbria Constabulary", "fewer than 5", None, True)])
    chart.resize(600, chart.sizeHint().height())
    image = chart.grab().toImage()
    row = chart.row_rect(1)
    stub = chart.bar_rect(1)
    darkest = min(
        (
            QColor(image.pixel(x, y))
            for x in range(stub.right() + 4, chart.width() - 4)
            for y in range(row.top() + 4, row.bottom() - 4)
        ),
        key=lambda c: c.lightness(),
    )
    assert contrast(darkest, TRACK) >= 4.5, darkest.name()


def test_placeholder_words_in_fields_are_readable(qtbot, make_window):
    """The grey words inside an empty field say what it needs ("Your name or initials (kept here, never
    printed)", "Why should this stay? (needed to keep it)"): 3.1 to 1 on white (seen under Xvfb)."""
    window = make_window()
    create_vault(qtbot, window)
    window.new_interview()
    field = window.editor.interviewer
    assert field.text() == "" and field.placeholderText()
    field.clearFocus()
    qtbot.wait(20)
    image = field.grab().toImage()
    inner = field.rect().adjusted(6, 6, -6, -6)
    darkest = min(
        (
            QColor(image.pixel(x, y))
            for x in range(inner.left(), inner.right())
            for y in range(inner.top(), inner.bottom())
        ),
        key=lambda c: c.lightness(),
    )
    assert contrast(darkest, QColor("#ffffff")) >= 4.5, darkest.name()


def test_the_header_bar_is_dark_so_the_white_app_name_on_it_reads(qtbot, make_window):
    """The header's buttons moved into a widget of their own, whose style sheet background was not
    painted: the bar went pale and the white "Witnessbox" on it could not be read (seen under Xvfb)."""
    from PySide6.QtWidgets import QLabel

    window = make_window()
    header = window.header
    name = header.findChild(QLabel, "appname")
    image = window.grab().toImage()  # as the window draws it (a grab of the header alone fills its background)
    at = header.mapTo(window, header.rect().topLeft())
    corner = QColor(image.pixel(at.x() + 2, at.y() + 2))  # bar, not a button
    assert corner.name() == "#2f3e46"
    assert contrast(corner, name.palette().color(name.foregroundRole())) >= 4.5
