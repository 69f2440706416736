"""Names of a kind the engine passed in published text, each checked on statements written here,
never a set's own words."""

from __future__ import annotations

import pytest

from desktop.redaction import detect
from tests.span_checks import covered, untouched

_PROSE = (
    "The farm, which employs several hundred seasonal workers every summer, has been accused by the "
    "union of keeping their passports and of charging them for their beds in shared caravans."
)


# A line break ends the run of capitals where paragraphs run on one line (short_lines.py): the paper on the
# line above does not swallow the name that opens the caption below.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Anna Berg for The Daily Courier Weekly Edition\nRosalina Ortiz sits in her kitchen.\n" + _PROSE,
            "Rosalina Ortiz",
        ),
        ("Pictures from The Northern Echo\nTomasz Wrobel waits outside the depot.\n" + _PROSE, "Tomasz Wrobel"),
        (
            "Photograph by Lena Ruiz for The Northern Echo Weekend Magazine\nAbebe Girma holds his payslips.\n"
            + _PROSE,
            "Abebe Girma",
        ),
    ],
)
def test_a_name_opening_the_line_after_a_credit_is_redacted(text: str, name: str) -> None:
    assert covered(text, detect(text), name)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # A name a narrow column wrapped stays whole.
        (
            "I worked for a man called Grace\nOkafor who ran the car wash near the ring road in the town.",
            "Grace\nOkafor",
        ),
        (
            "On the first night my cousin, Ahmed\nRahimi, came to the house where the other workers slept.",
            "Ahmed\nRahimi",
        ),
    ],
)
def test_a_name_wrapped_in_a_column_stays_one_name(text: str, name: str) -> None:
    spans = detect(text)
    s = text.index(name)
    assert any(sp.start <= s and s + len(name) <= sp.end for sp in spans)


def test_the_paper_on_the_credit_line_is_kept() -> None:
    text = "Ana Roe for The Daily Courier Weekly Edition\nRuth Mora sits in her kitchen.\n" + _PROSE
    assert untouched(text, detect(text), "Daily Courier")


# Letters a report gives a person, known by what is said of them (initials_named.py).
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The charity met them in Kent in 2021.\n\nKM is one of 30 women the charity met. KM was 19.", "KM"),
        ("The agency placed them on farms. EK was one of the men it placed there, and EK was never paid.", "EK"),
        ("PJ, 41, said the employer kept her passport for two years. PJ left in 2019.", "PJ"),
        ("Among them, LW, aged 17, had been brought to Leeds by an agent. LW is now at school.", "LW"),
    ],
)
def test_letters_said_to_be_a_person_are_redacted_wherever_written(text: str, name: str) -> None:
    spans = detect(text)
    assert all(covered(text, spans, name, n) for n in range(text.count(name)))


@pytest.mark.parametrize(
    ("text", "acronym"),
    [
        ("GMB is one of the unions that took up the case. GMB said the firm broke the law.", "GMB"),
        ("The NHS, a public service, treated her for free. NHS staff did not ask about her status.", "NHS"),
        ("UNHCR is one of 3 bodies that wrote the report on forced labour.", "UNHCR"),
    ],
)
def test_a_bodys_acronym_said_to_be_one_of_some_bodies_is_kept(text: str, acronym: str) -> None:
    assert untouched(text, detect(text), acronym)


# A saint's place ends at a title (facts_by_shape.py): the titled person after it is someone.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Care Workers Unpaid | St. Albans Employment Barrister Ruth Amadi", "Ruth Amadi"),
        ("Rents Rise Again | St Ives Housing Councillor Dev Mistry", "Dev Mistry"),
    ],
)
def test_a_titled_name_after_a_saints_place_is_redacted(text: str, name: str) -> None:
    assert covered(text, detect(text), name)


def test_a_saints_place_before_a_title_is_kept() -> None:
    text = "Care Workers Unpaid | St. Albans Employment Barrister Ruth Amadi"
    assert untouched(text, detect(text), "Albans")


# A given name in "-ly" opening a sentence is no adverb unless an English word makes it one (adverbs.py).
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Hundreds are held each year. Jolly Brannigan writes about what happens in the camps.", "Jolly Brannigan"),
        ("The farms rely on migrants. Billy Okenwa, an economist, says the work is hard.", "Billy Okenwa"),
    ],
)
def test_a_given_name_in_ly_opening_a_sentence_stays_with_its_surname(text: str, name: str) -> None:
    assert covered(text, detect(text), name)


@pytest.mark.parametrize("adverb", ["Finally", "Happily", "Simply", "Truly", "Sadly"])
def test_an_adverb_opening_a_sentence_is_not_taken_into_the_name(adverb: str) -> None:
    text = f"The hearing was delayed twice. {adverb} Okenwa agreed to give evidence."
    assert untouched(text, detect(text), adverb)


# One letter a text gives a person, then wherever it stands as hers (letters_given.py).
@pytest.mark.parametrize(
    ("text", "letter", "times"),
    [
        (
            "The jailing of a Leeds smuggler (K.) made the news. K. denied six counts. Police say K. housed two boys.",
            "K",
            3,
        ),
        (
            "To protect her we changed every name, naming her “D.”\n\nBelow, “D” tells her story.\n\n"
            "D: I grew up near the coast.\n\nD: At 17 I left school.",
            "D",
            4,
        ),
        ("We met a broker, Yusuf (Y), in Tripoli. The call went like this:\n\nY- The price is 900.", "Y", 2),
    ],
)
def test_a_letter_given_to_a_person_is_redacted_where_it_stands_for_them(text: str, letter: str, times: int) -> None:
    spans = detect(text)
    hits = [s for s in spans if text[s.start : s.end].rstrip(".") == letter]
    assert len(hits) == times
    assert all(text[s.end : s.end + 1] != "." for s in hits)  # "K. denied": the stop goes with the letter


@pytest.mark.parametrize(
    ("text", "letter"),
    [
        ("Plan B (B) sets out the rooms. Annex C (C) is the form.", "B"),
        ("Ana Roe (L) leaves the court with her lawyer on Monday.", "L"),
        ("The building (B) was closed in May.", "B"),
    ],
)
def test_a_label_or_a_place_in_a_photograph_is_not_a_person(text: str, letter: str) -> None:
    spans = detect(text)
    assert not [s for s in spans if text[s.start : s.end] == letter]


# A photographer whose given name and surname are both English words (published._is_photographer).
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("(Photo : REUTERS/Dusty Hale) A woman who cleaned the house for nine years sits on a bench.", "Dusty Hale"),
        ("(Photo: AFP/Buddy Moss) The workers slept in a barn.", "Buddy Moss"),
        ("Picture: Rusty Bell/PA Images\n\nThe workers slept in a barn for two years.", "Rusty Bell"),
    ],
)
def test_a_photographer_named_in_english_words_is_redacted(text: str, name: str) -> None:
    assert covered(text, detect(text), name)


def test_an_agency_made_of_english_words_in_a_credit_is_kept() -> None:
    text = "(Photo: Pool Image/AFP) The workers slept in a barn for two years."
    assert untouched(text, detect(text), "Pool Image")


# A person whose given name and surname are both places' names, a role in apposition (place_word_names.py).
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('"The beds were full," said Georgia Preston, director of the shelter.', "Georgia Preston"),
        ('"The beds were full," said Chelsea Preston, a spokeswoman for the shelter.', "Chelsea Preston"),
    ],
)
def test_a_person_named_in_places_words_with_a_role_is_redacted(text: str, name: str) -> None:
    assert covered(text, detect(text), name)


def test_places_listed_before_a_place_noun_are_kept() -> None:
    text = "She rented a room in Victoria, Chelsea, a borough of London, for two years."
    assert untouched(text, detect(text), "Chelsea")


# A photo credit in lower case, as a photo-sharing site prints it (bracket_credits.lower_case_credits).
def test_a_lower_case_photographer_is_redacted_and_the_site_kept() -> None:
    text = "(Photo: k. imre varga / Wikimedia Commons)\n\nThe workers slept in a barn behind the packing shed."
    spans = detect(text)
    assert covered(text, spans, "k. imre varga")
    assert untouched(text, spans, "Wikimedia Commons")


def test_a_lower_case_credit_of_ordinary_words_is_not_a_person() -> None:
    text = "(Photo: courtesy of the family / AP) The workers slept in a barn."
    assert untouched(text, detect(text), "courtesy of the family")
