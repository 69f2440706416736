"""Facts the name pass took for people in published text nobody tuned on, each met with a rule of
its kind. Examples written here."""

from __future__ import annotations

import pytest

from desktop.redaction import detect
from desktop.redaction.spans import WEAK
from tests.span_checks import covered, untouched


def _every_untouched(text: str, fact: str) -> bool:
    spans = detect(text)
    return all(untouched(text, spans, fact, n) for n in range(text.count(fact)))


# A body whose name ends in "International", "Corporation" or "Shelter" (context._ORG_LAST).
@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("She told Harvest Watch International (HWI) in May what had happened. "
         "A report by Harvest Watch International found the same.", "Harvest Watch International"),
        ("The mother reached the Rosa Delgado Shelter with her children. A report by Rosa Delgado Shelter "
         "said so.", "Rosa Delgado Shelter"),
        ("She complained to Fenwick Corporation (FC) twice. A report by Fenwick Corporation followed.",
         "Fenwick Corporation"),
    ],
)  # fmt: skip
def test_a_body_named_by_its_last_word_is_a_fact(text, fact):
    assert _every_untouched(text, fact)


@pytest.mark.parametrize(
    ("text", "name", "nth"),
    [
        ("The mother reached the Rosa Delgado Shelter. Later Rosa Delgado spoke to me.", "Rosa Delgado", 1),
        ("My friend Ama Corporal helped me at the shelter.", "Ama Corporal", 0),
    ],
)
def test_the_person_outside_the_body_is_still_redacted(text, name, nth):
    assert covered(text, detect(text), name, nth)


# A people's name made from a place's by an ending the one-word rule did not read (demonyms.py).
@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("Flaws in the Argentine courts were clear.", "Argentine"),
        ("Argentine student Tomas Reyes was hurt.", "Argentine"),
        ("A Saudi Arabian employer kept her passport.", "Saudi Arabian"),
        ("Reports dropped sharply among Latinos that year.", "Latinos"),
        ("The Latino workers were not paid.", "Latino"),
    ],
)
def test_a_people_named_from_a_place_is_a_fact(text, fact):
    assert _every_untouched(text, fact)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("My friend Martina came.", "Martina"),
        ("Martina told me to wait.", "Martina"),
        ("Argentine student Tomas Reyes was hurt.", "Tomas Reyes"),
    ],
)
def test_a_given_name_is_no_people_s_name(text, name):
    assert covered(text, detect(text), name)


# A pattern that starts inside a sum of money is the sum's tail (amounts.py).
@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("The agents charged Rs80,000-Rs95,000 for each visa.", "Rs80,000-Rs95,000"),
        ("Court orders employer to repay worker $250,000\n\nMANILA: A court ordered it.", "$250,000"),
        ("Brokers asked for Rs120,000-Rs180,000 per worker.", "Rs120,000-Rs180,000"),
    ],
)
def test_a_sum_of_money_is_a_fact(text, fact):
    assert _every_untouched(text, fact)


@pytest.mark.parametrize(
    ("text", "ident"),
    [
        ("She paid £1,000 to 07700 900123 and then HK$12,500 more.", "07700 900123"),
        ("Her reference is 4471-2290-8812 and she paid $3,000.", "4471-2290-8812"),
        ("I met Tom1985 online and paid him Rs20,000.", "Tom"),
    ],
)
def test_a_number_beside_a_sum_is_still_found(text, ident):
    assert covered(text, detect(text), ident)


# A place told by its wording (facts_in_wording.py): a part of a place before a noun of land or
# sea, after the place's possessive; the words after an idiom of origin or of a journey's end.
@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("She took a train to the sea on Kenya's Tarsanic coast.", "Tarsanic"),
        ("Their boat sank off Ghana's Volmoor coast in May.", "Volmoor"),
        ("He hails from Bantwal, he said.", "Bantwal"),
        ("She jumped on a bus heading for Portvale.", "Portvale"),
        ("A ship bound for Tarvo Bay sank.", "Tarvo Bay"),
        ("She is originally from Kessbury and came here in 2019.", "Kessbury"),
    ],
)
def test_a_place_told_by_its_wording_is_a_fact(text, fact):
    assert _every_untouched(text, fact)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("He was heading for Ama's house.", "Ama"),
        ("The van was bound for Ama Obi's farm.", "Ama Obi"),
        ("Hailing from Mardale, Ama came to see us.", "Ama"),
        ("She walked along Kenya's Tarvo coast with Kofi.", "Kofi"),
    ],
)
def test_a_person_near_those_wordings_is_still_redacted(text, name):
    assert covered(text, detect(text), name)


# An acronym spelt from the first letters of each word of a body's name (things.py).
@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("The Network for Labour and Equity (NELEQ) said so. NELEQ co-director Ana Ruiz spoke. "
         "Her colleague at NELEQ agreed.", "NELEQ"),
        ("Voices of Domestic Employees (VODEM) helped her. Later VODEM said so.", "VODEM"),
    ],
)  # fmt: skip
def test_an_acronym_spelt_from_a_body_s_words_is_a_fact(text, fact):
    assert _every_untouched(text, fact)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ama Obi and Kofi Mensah (AOKOM) said so. AOKOM told us.", "AOKOM"),
        ("Maria Delgado Quispe (MADEQ) said so. MADEQ told us.", "MADEQ"),
    ],
)
def test_letters_spelt_from_people_s_names_stay_names(text, name):
    spans = detect(text)
    assert all(covered(text, spans, name, n) for n in range(text.count(name)))


# The provinces and territories of Canada are in the place list (wordlists/places.txt).
@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("Saskatchewan growers hired forty workers.", "Saskatchewan"),
        ("The workers flew to Nova Scotia and British Columbia.", "British Columbia"),
        ("Injury, Dismissal\nTarvo, Manitoba\nA worker was hurt.", "Manitoba"),
        ("Wage Theft\nQuébec\nThe worker was not paid.", "Québec"),
    ],
)
def test_a_canadian_province_is_a_fact(text, fact):
    assert _every_untouched(text, fact)


@pytest.mark.parametrize(
    ("text", "name"),
    [("My friend Alberta came.", "Alberta"), ("Alberta told me to wait.", "Alberta")],
)
def test_a_province_that_is_a_given_name_is_still_a_person_where_she_acts(text, name):
    assert covered(text, detect(text), name)


# "In X, ..." opening a sentence is a place, as "in X" is in mid-sentence (context.py); places
# joined by a hyphen are places (demonyms.places_joined).
@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("They went home. In Portvale, a third complaint was filed.", "Portvale"),
        ("In Tarvo Bay, the boat sank.", "Tarvo Bay"),
        ("A Ghana-Togo smuggling route was found.", "Ghana-Togo"),
        ("The Laos-Vietnam border is long.", "Laos-Vietnam"),
    ],
)
def test_a_place_by_its_preposition_or_its_parts_is_a_fact(text, fact):
    assert _every_untouched(text, fact)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("In Kofi I found a friend.", "Kofi"),
        ("In Ama's view, it was wrong.", "Ama"),
        ("My friend Chelsea-Jordan came.", "Chelsea-Jordan"),
        ("Mary Smith-Jones came.", "Mary Smith-Jones"),
        ("Our neighbour Sudan-Chad came.", "Sudan-Chad"),
    ],
)
def test_a_person_there_is_still_redacted(text, name):
    assert covered(text, detect(text), name)


# A naming cue after a thing's noun names the thing ("a policy, known as X"): words.a_thing_named.
@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("The rule, known as Safe Return, ended in 2019.", "Safe Return"),
        ("Under the programme known as Second Chance, she was sent home.", "Second Chance"),
        ("They were held under a law called Public Order.", "Public Order"),
    ],
)
def test_a_thing_a_naming_cue_names_is_a_fact(text, fact):
    assert _every_untouched(text, fact)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Her pimp, known as Hope, beat her.", "Hope"),
        ("A man known as Zarvo beat her.", "Zarvo"),
        ("Her boss, a man called Victor Hale, kept her passport.", "Victor Hale"),
    ],
)
def test_a_person_a_naming_cue_names_is_still_redacted(text, name):
    assert covered(text, detect(text), name)


# A place in apposition: ", a far-flung rural region" (facts_in_wording.py).
@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("Her employer took her to Tarvo Wells, a far-flung rural region, 400 km away.", "Tarvo Wells"),
        ("They took her to Grelsby Cross, a remote farming district.", "Grelsby Cross"),
        ("Marrowgate, a quiet mining town, was her home.", "Marrowgate"),
    ],
)
def test_a_place_in_apposition_is_a_fact(text, fact):
    assert _every_untouched(text, fact)


@pytest.mark.parametrize(
    "text",
    [
        "She met Zarvo Tull, a man from the village.",
        "She met Zarvo Tull, a city councillor.",
        "She met Zarvo Tull, a friend from the town.",
        "She met Zarvo Tull, a village elder.",
    ],
)
def test_a_person_in_apposition_is_still_redacted(text):
    assert covered(text, detect(text), "Zarvo Tull")


@pytest.mark.parametrize(
    "text",
    [
        "She came on a visa paid by Hope. Later I saw Hope at the market.",
        "She had a permit signed by Hope and kept it.",
    ],
)
def test_a_cue_that_names_no_thing_keeps_its_strength_after_a_thing_s_noun(text):
    # "paid by", "signed by" after "visa" or "permit" say who, not what the thing is called: the
    # name stays a sure one (a guess is not looked for again elsewhere).
    i = text.index("Hope")
    assert max(s.confidence for s in detect(text) if s.start <= i < s.end) >= WEAK
