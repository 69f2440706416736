"""How news reports introduce people (``desktop.redaction.news_people``, and the initials before a
name in ``names``): a first name in apposition to a noun of a person, dotted initials after
"initials", a quoted nickname inside a name, a person introduced by a role in a list, every
initial before a surname. Examples written here."""

from __future__ import annotations

from desktop.redaction import detect
from tests.span_checks import covered, untouched


def test_a_first_name_in_apposition_to_a_person_is_a_name() -> None:
    for text, name in [
        ("“They took our passports,” said the cleaner, Poppy, who asked to be named only by her first name.", "Poppy"),
        ("“I had no days off,” said one mother, Lotus, 29, in Leeds.", "Lotus"),
        ("“We slept on the floor,” said the carer, Saffron, who left in May.", "Saffron"),
    ]:
        spans = detect(text)
        assert covered(text, spans, name, kind="PERSON"), (text, spans)


def test_a_word_in_apposition_to_a_body_or_a_plural_stays() -> None:
    for text, word in [
        ("The union, Unite, said the pay was unlawful.", "Unite"),
        ("The workers, Filipinos, said the agency kept their passports.", "Filipinos"),
        ("The woman, however, said the agency kept her passport.", "however"),
    ]:
        spans = detect(text)
        assert untouched(text, spans, word), (text, spans)


def test_dotted_initials_after_initials_are_a_name_with_their_last_stop() -> None:
    text = "The court heard from the cleaner, known by the initials K.L.M.\n“(K.L.M.) was the only witness,” he said."
    spans = detect(text)
    assert covered(text, spans, "K.L.M.", 0, kind="PERSON"), spans
    assert covered(text, spans, "K.L.M.", 1, kind="PERSON"), spans
    text = "The U.S. and the U.K. signed it."
    assert detect(text) == []


def test_a_quoted_nickname_inside_a_name_is_part_of_it() -> None:
    for nick in ("Boy", "Sonny", "Max"):  # nicknames that are also words
        text = f"The pair, named as Rodolfo \u201c{nick}\u201d Bautista, 51, and his wife, were charged."
        spans = detect(text)
        assert covered(text, spans, nick, kind="PERSON"), (text, spans)


def test_a_name_after_a_role_in_a_list_is_no_firm() -> None:
    text = "The captain Lin Wen and driver Budi Hartono were charged with assault."
    spans = detect(text)
    assert covered(text, spans, "Budi Hartono", kind="PERSON"), spans
    text = "Agencies such as Northgate Lewis are recruiting again."
    assert untouched(text, detect(text), "Northgate Lewis")


def test_every_initial_before_a_surname_is_in_the_name() -> None:
    text = "Q. K. Balasuriya, 30, was treated at a hospital in Kandy."
    spans = detect(text)
    assert covered(text, spans, "Q. K. Balasuriya", kind="PERSON"), spans


def test_a_faiths_or_a_peoples_word_after_a_name_is_its_surname() -> None:
    for text, name in [
        ("Bangladeshi worker Mohammad Rafiqul Islam, 29, was among them.", "Mohammad Rafiqul Islam"),
        ("Aminul Haque and Shahidul Islam were rescued from the dormitory.", "Shahidul Islam"),
        ("The agent, Saiful Islam, fled to Dhaka.", "Saiful Islam"),
    ]:
        spans = detect(text)
        assert covered(text, spans, name, kind="PERSON"), (text, spans)
    for text, word in [
        ("He converted to Islam in 2010.", "Islam"),
        ("A Sri Lankan, 30, was held at the airport.", "Lankan"),
    ]:
        assert untouched(text, detect(text), word)
