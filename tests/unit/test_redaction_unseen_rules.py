"""Rules of a kind met in more than one set of published text (names and facts), each checked on
statements written here, never a set's own words."""

from __future__ import annotations

import pytest

from desktop.redaction import detect
from tests.span_checks import covered, untouched


def _every_covered(text: str, name: str) -> bool:
    spans = detect(text)
    return all(covered(text, spans, name, n) for n in range(text.count(name)))


# A name the text says its owner asked to keep back (asked_names.py): a person wherever written.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Sunday, who asked not to be named, worked on a farm in Kent. Later Sunday said he was paid "
         "nothing.", "Sunday"),
        ("Grace – who asked that a pseudonym be used – left Kenya in 2019. The job was hard for Grace.",
         "Grace"),
        ("Blessing (who requested anonymity) said the agent kept her passport. Blessing is 30.", "Blessing"),
        ("Justice – who preferred that his surname not be used – was 17. Justice slept in the shed.",
         "Justice"),
        ("Friday, who did not want her surname used, cleaned the house. The agent shouted at Friday.",
         "Friday"),
    ],
)  # fmt: skip
def test_a_name_its_owner_asked_to_keep_back_is_redacted_everywhere(text, name):
    assert _every_covered(text, name)


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("A cousin in Kabul, who asked not to be named, said the road was closed.", "Kabul"),
        ("The manager at Leeds, who declined to be named, said the rota was fair.", "Leeds"),
    ],
)  # fmt: skip
def test_a_place_before_the_clause_stays(text, fact):
    spans = detect(text)
    assert untouched(text, spans, fact)


# A body's one-word short name in brackets after its full name (body_short_names.py).
@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("She asked for help at the Migrant Workers' Support Centre (Sunhelp) in Leeds.", "Sunhelp"),
        ("She went to the People of the Hill’s Station (Hillfolk) in Ansan.", "Hillfolk"),
        ("A survey by the Domestic Labour Rights association (Dolrak) was presented in May.", "Dolrak"),
    ],
)  # fmt: skip
def test_a_bodys_short_name_in_brackets_stays(text, fact):
    spans = detect(text)
    assert untouched(text, spans, fact)


def test_a_given_name_in_brackets_after_a_body_is_still_a_person():
    text = "I rang the Kalayaan Project (Sarah) on Monday and the Support Centre (Amina) on Friday."
    spans = detect(text)
    assert covered(text, spans, "Sarah") and covered(text, spans, "Amina")


# A body or a venue in apposition, a place a naming cue names (facts_by_kind.py).
@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("The songs were on Radio Wanjala, a radio station in Nairobi.", "Radio Wanjala"),
        ("He joined Ansar Wadi, a criminal gang, in 2015.", "Ansar Wadi"),
        ("We sold shoes at Mercado Grande, the biggest market in town.", "Mercado Grande"),
        ("We reached a village called Kambi Nyoka, near the river.", "Kambi Nyoka"),
        ("They took us to a place they called Nueva Tierra.", "Nueva Tierra"),
    ],
)  # fmt: skip
def test_a_kind_in_apposition_or_a_place_called_stays(text, fact):
    spans = detect(text)
    assert untouched(text, spans, fact)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("I met Amina, a member of the group, at the bus stop.", "Amina"),
        ("I met Kofi, a group leader, at the bus stop.", "Kofi"),
        ("We worked for Obi, a company director, and for Ama, the hotel.", "Ama"),
        ("She met a woman called Hope in the market.", "Hope"),
    ],
)  # fmt: skip
def test_a_person_beside_a_kind_word_stays_redacted(text, name):
    spans = detect(text)
    assert covered(text, spans, name)


# "the company X worked for": the one who works for the body, not its name (news_wording).
def test_who_worked_for_a_body_named_by_its_kind_is_a_person():
    text = "The company Tamang worked for is big. Tamang was on the second floor when he fell."
    assert _every_covered(text, "Tamang")


def test_a_body_named_by_its_kind_is_still_a_fact():
    text = "The company Serco won the contract. The charity Unchosen worked with us for a year."
    spans = detect(text)
    assert untouched(text, spans, "Serco") and untouched(text, spans, "Unchosen")


# A place before the larger place it lies in (facts_by_kind.py).
@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("They took me to a house inside Ikoyi Dala, Lagos, for two weeks.", "Ikoyi Dala"),
        ("He lives in the village of Pachul Alto, Sanma Ruchel, Guatemala, with his wife.", "Sanma Ruchel"),
    ],
)  # fmt: skip
def test_a_place_before_a_larger_place_stays(text, fact):
    spans = detect(text)
    assert untouched(text, spans, fact)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("I stayed with Tunde, Lagos was hot.", "Tunde"),
        ("I met Kofi in Accra, Ghana.", "Kofi"),
    ],
)  # fmt: skip
def test_a_person_before_a_place_and_a_comma_stays_redacted(text, name):
    spans = detect(text)
    assert covered(text, spans, name)


# A wire agency wherever news writes it (facts_by_kind.py).
@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("Maids stranded in Gulf\nBy IANS\nDUBAI: Fifty workers were unpaid.", "IANS"),
        ("The boat was seized.\nREUTERS\nCrews were beaten.", "REUTERS"),
        ("Reuters reported the raid on the farm.", "Reuters"),
        ("The minister told Xinhua on Monday that the camp would close.", "Xinhua"),
    ],
)  # fmt: skip
def test_a_wire_agency_stays(text, fact):
    spans = detect(text)
    assert untouched(text, spans, fact)


def test_a_person_told_beside_an_agency_stays_redacted():
    text = '"We were locked in," Amina told AFP. Then Jomo Keter told Reuters the same.'
    spans = detect(text)
    assert covered(text, spans, "Amina") and covered(text, spans, "Jomo Keter")


# A photo credit in brackets inside a paragraph (published.photo_credits).
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The women are abused. (Photos: Will Marsh) One of them left.", "Will Marsh"),
        ("The farm was raided. (Photo: Will Stone/Reuters) Ten were freed.", "Will Stone"),
    ],
)  # fmt: skip
def test_a_photographer_in_a_bracketed_credit_is_redacted_whole(text, name):
    spans = detect(text)
    assert covered(text, spans, name)


def test_an_ordinary_word_in_a_bracketed_credit_stays():
    text = "A bag was found. (Picture: Supplied) She left the camp in May."
    spans = detect(text)
    assert untouched(text, spans, "Supplied")


# A newspaper by its last word (facts_by_kind.py).
@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("Six workers spoke to Kiboko Times about their ordeal.", "Kiboko Times"),
        ("Six workers spoke to Nyota Chronicle about their ordeal.", "Nyota Chronicle"),
    ],
)  # fmt: skip
def test_a_newspaper_by_its_last_word_stays(text, fact):
    spans = detect(text)
    assert untouched(text, spans, fact)


@pytest.mark.parametrize(
    ("text", "name"),
    [("Mark Times said the rent was late.", "Mark Times"), ("I met Tunde Okafor Standard.", "Tunde Okafor")],
)
def test_a_person_before_a_papers_word_stays_redacted(text, name):
    spans = detect(text)
    assert covered(text, spans, name)
