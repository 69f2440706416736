"""A name in a script without capitals after wording that introduces a name as written
(``desktop.redaction.script_cues``): a suggestion, not a weak guess; and a name with an apostrophe
inside it taken whole. Examples written here."""

from __future__ import annotations

from desktop.redaction import detect
from tests.span_checks import untouched


def _span(text: str, piece: str):  # noqa: ANN202
    s = text.index(piece)
    return [x for x in detect(text) if x.type == "PERSON" and x.start <= s and x.end >= s + len(piece)]


def test_a_name_in_another_script_after_writing_or_naming_wording_is_a_suggestion() -> None:
    for text, name in [
        ("Her landlord's name was written as محمد رضا on the letter.", "محمد رضا"),
        ("In the phone the contact is spelt সুমন দাস, nothing else.", "সুমন দাস"),
        ("The card was signed रमेश कुमार and left at the door.", "रमेश कुमार"),
        ("A cook we knew only as ਗੁਰਮੀਤ gave us the keys.", "ਗੁਰਮੀਤ"),
        ("He rented it under the name of ஜெயக்குமார் for a year.", "ஜெயக்குமார்"),
        ("The landlord's nephew ચેતન collected the rent.", "ચેતન"),
        ("The parcel was addressed to me but registered as ناصر کریمی at the depot.", "ناصر کریمی"),
        ("The receipt from the money transfer says লীলা বসু as the sender.", "লীলা বসু"),
        ("His payslip read ਹਰਜੀਤ ਕੌਰ instead of his own name.", "ਹਰਜੀਤ ਕੌਰ"),
    ]:
        spans = _span(text, name)
        assert spans, text
        assert not any(x.weak for x in spans), text


def test_an_apostrophe_inside_a_name_in_another_script_keeps_it_whole() -> None:
    text = "On the receipt the seller was written as सुनील डी’सूज़ा, no shop name."
    assert _span(text, "सुनील डी’सूज़ा"), text


def test_words_in_another_script_after_no_such_wording_stay_as_they_were() -> None:
    # Quoted words, speech, and "wrote" alone are the interviewee's words; a stretch after plain
    # wording stays a weak guess.
    for text, piece in [
        ("He wrote धन्यवाद on the card.", "धन्यवाद"),
        ('She said "ਕੋਈ ਗੱਲ ਨਹੀਂ" and left.', "ਕੋਈ ਗੱਲ ਨਹੀਂ"),
    ]:
        assert untouched(text, detect(text), piece), text
    text = "I saw ராஜா there."
    assert all(x.weak for x in _span(text, "ராஜா")), text
