"""Places and bodies news reports name in wordings the likely-name pass read as people's names
(``desktop.redaction.facts_in_news``; a body in apposition in ``misses_bodies``), and the names
those wordings must leave alone. Examples written here."""

from __future__ import annotations

import pytest

from desktop.redaction import detect
from tests.span_checks import covered, untouched

FACTS = [
    ("She is a resident of Mbeleko Kawande and worked in Kuwait.", "Mbeleko Kawande"),
    ("He was found on the outskirts of Kwatemba after three days.", "Kwatemba"),
    ("The farms around Lephalale, formerly Ellisras, hire migrants.", "Ellisras"),
    ("Lwengo regional police commander Ann Kato said the girls were safe.", "Lwengo"),
    ("He appeared before the Tai Po Magistrates\u2019 Courts on Monday.", "Tai Po"),
    ("Salalah: A maid from Kenya said she was locked in.", "Salalah"),
    ("He was robbed at Santa Ana's bus station.", "Santa Ana"),
    ("They crossed between Saskatchewan and the United States at night.", "Saskatchewan"),
    ("The raid was in Kampung Tembusu Jaya last week.", "Kampung Tembusu Jaya"),
    ("Bayanihan Sisters, a collective of Filipino carers, said the scheme failed.", "Bayanihan Sisters"),
    ("The lawyer told El Comercio that the case would be heard.", "El Comercio"),
    ("A spokesman for the embassy told AFP.", "AFP"),
    ("She told Citizen.Digital in an interview.", "Citizen.Digital"),
    ("They were stopped at the Nepal-India border.", "Nepal-India"),
    ("He ordered her to work in his Tsimshatsui store.", "Tsimshatsui"),  # (two words: people_again's full name)
    ("Police raided a \u00a345,000 Trelech cannabis factory on Monday.", "Trelech"),
    ("They were found at the Penhallow rubber plantation.", "Penhallow"),
    ("The rights group ACME Sur said so.", "ACME Sur"),
    ("The envoy to Malaysia Ahmad Hamid said he would reply.", "Malaysia"),
    ("The Negeri Sembilan police chief said so.", "Negeri Sembilan"),
    ("The Kwazulu-Natal labour department opened a case.", "Kwazulu-Natal"),
    ("The Nakawa Chief Magistrate ordered the agent held.", "Nakawa"),
    ("The Tarlac provincial government sent aid.", "Tarlac"),
    ("He was buried in his home village of Ban Nong Khai.", "Ban Nong Khai"),
    ("They moved to the town of Kapchorwa last year.", "Kapchorwa"),
    ("The raid took place in Sitio Malinis, Barangay San Roque.", "Barangay San Roque"),
    ("He worked on a farm in Moshav Ein Yahav in the Arava.", "Moshav Ein Yahav"),
    ("Witnesses said the boat capsized off Lampedusa.", "Lampedusa"),
    ("She flew home on Cebu Pacific.", "Cebu Pacific"),
    ("The boat, Hung Yu 212, was seized in Kaohsiung.", "Hung Yu 212"),
    ("The workers came from Sindhupalchok, Dolakha and Ramechhap districts.", "Sindhupalchok, Dolakha and Ramechhap"),
    ("They were hired by Kwan Lee Corp.", "Kwan Lee Corp"),
    ("They were hired by Sinar Jaya Sdn Bhd.", "Sinar Jaya Sdn Bhd"),
]


@pytest.mark.parametrize(("text", "fact"), FACTS)
def test_a_place_or_a_body_the_wording_names_is_kept(text: str, fact: str) -> None:
    spans = detect(text)
    assert untouched(text, spans, fact), spans


NAMES = [
    ("Lwengo regional police commander Ann Kato said the girls were safe.", "Ann Kato"),
    ("Mrs Okafor, formerly Adeyemi, said she was afraid.", "Adeyemi"),  # a maiden name, not a place's
    ("The outskirts of Grace were quiet.", "Grace"),  # a census given name stays a name
    ("They were seen with Wai-tak at the market.", "Wai-tak"),  # two small towns' names: a given name
    ("I met Chidi Obi, a member of the group.", "Chidi Obi"),  # a person in the group, not the group
    ("I met Chidi Obi, a volunteer at the charity.", "Chidi Obi"),
    ("Gwent's DCC Ifan Morgan, the Association of Chief Police Officers\u2019 lead, spoke.", "Ifan Morgan"),
    ("We told Okonkwo.", "Okonkwo"),
    ("The envoy to Malaysia Ahmad Hamid said he would reply.", "Ahmad Hamid"),
    ("She spoke to Sofia Petrova.", "Sofia Petrova"),  # a capital's name, and a census given name
    ("She went to the Okafor family farm.", "Okafor"),  # a family before the place's noun
    ("She met Tunde farm workers.", "Tunde"),
    ("I told Chidi police were outside.", "Chidi"),  # after a verb: no place
    ("The Okafor police case was closed.", "Okafor"),
    ("They moved to the town of Grace's aunt.", "Grace"),
    ("The letter came from Chidi, Tunde and Obi.", "Chidi"),  # a list after "from": no place in it
    ("The letter came from Chidi, Tunde and Obi.", "Obi"),
    ("She was sent on Okafor's orders.", "Okafor"),
    ("I got the job via Okafor.", "Okafor"),
    ("She flew home with Chidi Obi.", "Chidi Obi"),
    ("He found Chidi Obi 21 days later.", "Chidi Obi"),  # a number after a name, no vessel before
]


@pytest.mark.parametrize(("text", "name"), NAMES)
def test_a_name_in_the_same_wordings_stays_a_name(text: str, name: str) -> None:
    spans = detect(text)
    assert covered(text, spans, name, kind="PERSON"), spans
