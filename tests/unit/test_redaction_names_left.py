"""Names of people a worker types into a statement that the likely-name pass left in, and the facts
beside them that must stay. Short statements written for this file (none from a testimony set), of
the kind written at a kitchen table with an interpreter: in each, a person's name stands where some
rule read a firm, a body, a place or an English word.

``[[...]]`` marks a name every letter of which must be redacted; ``{{...}}`` a fact no span may
touch.
"""

from __future__ import annotations

import pytest

from tests.span_checks import marked_problems

# A firm named after a person: a given name and a surname before "solicitors" name the solicitor.
FIRMS = [
    "A letter from [[Joy Mensah]] solicitors said I must leave.",
    "I had a call from [[Grace Adjei]] solicitors about my visa.",
    "The letter came from [[Amina Bello]] solicitors last {{March}}.",
    "My friend paid [[Kwame Owusu]] solicitors for the appeal.",
    "We were sent to [[Hussain Malik]] solicitors in {{Bradford}}.",
    "I got a letter from [[Mary Osei]] law firm in {{Croydon}}.",
]
# Firms written as firms: after "the", joined by "&", or no given name among their words.
FIRMS_KEPT = [
    "The {{Clayton Howe}} pro bono team took the case.",
    "She was helped by {{Marsh & Tolland}} solicitors in {{Leeds}}.",
    "A lawyer from {{Okafor Whitby}} solicitors rang me.",
    "We wrote to {{Amina & Bello}} solicitors in {{Luton}}.",
    "The {{Grace Adjei}} law firm took her case.",
]

# A given name that is no English word before a body's kind, speaking: a full name.
BODY_SURNAMES = [
    "[[Hamza Church]] told me to wait.",
    "[[Amina Temple]] said the job was safe.",
    "Then [[Hamza Church]] told us to sign the paper.",
    "[[Bilal Chapel]] took our phones.",
    "[[Grace Hall]] told us to go home.",
    "[[Tariq Park]] said we could stay.",
    "[[Amina Temple]] told me the rent was {{£200}} a week.",
]
BODIES_KEPT = [
    "{{Zion Church}} said we could stay.",
    "{{Hope Church}} told us to wait.",
    "The {{Hamza Church}} told me to wait.",
    "He was married in the {{Church of England}}.",
    "I go to the {{Church of England}} school on Sundays.",
    "The {{Methodist Church}} helped us with food.",
    "We met at {{St Mary's Church}} in {{Croydon}}.",
    "The {{Salvation Army}} gave us food.",
]

# A surname that reads as the plural of a thing, the bare subject of a verb of saying.
PLURAL_SURNAMES = [
    "[[Marks]] said the job was in {{Kent}}.",
    "[[Shams]] said I could stay.",
    "[[Marks]] told me to sign the paper.",
    "[[Shams]] told us the house was safe.",
    "[[Shams]] asked for my passport.",
    "After that [[Marks]] said we had to leave.",
    "[[Fields]] said nothing to the police.",
    "[[Wells]] said he knew my family.",
    "Then [[Mills]] told us to wait in the van.",
    "[[Woods]] said I must pay {{£500}}.",
    "In the end [[Hills]] told me the work was gone.",
]
# Plurals that may stand bare as a subject: people, bodies, agents, writings; and things.
GROUPS_KEPT = [
    "{{Officials}} said nothing.",
    "{{Neighbours}} told the police.",
    "{{Banks}} said they would not lend.",
    "{{Doctors}} said I was fine.",
    "{{Drivers}} said the road was closed.",
    "{{Reports}} said the camp was closed.",
    "{{Friends}} told me to run.",
    "{{Churches}} said we could sleep there.",
    "{{Sources}} told us the boss had gone.",
    "The marks on my arm were from the belt.",
    "She had marks on her face.",
]

# A word the text uses as a person (work done for them, a thing handed to them, what they own or
# know) is a person where a rule took it back as a place's or a business's name too.
SAME_WORD = [
    "I had to work for [[Delroy]] at the [[Delroy]] site.",
    "We stayed at the [[Nyambura]] farm, which [[Nyambura]] owns.",
    "I worked for [[Oduya]] in the [[Oduya]] shop near {{Leicester}}.",
    "My sister worked for [[Fofana]] at the [[Fofana]] restaurant.",
    "The [[Nowak]] warehouse is big. We gave our passports to [[Nowak]].",
    "I cleaned for [[Wambui]] at the [[Wambui]] house in {{Luton}}.",
    "We picked fruit at the [[Kariuki]] farm, and [[Kariuki]] paid us nothing.",
    "The [[Bekele]] car wash was cold. I worked for [[Bekele]] for a year.",
    "I lived at the [[Mwangi]] house and [[Mwangi]] took my wages.",
    "He drove us to the [[Tembo]] site, and [[Tembo]] shouted at us.",
    "We paid two thousand pounds to [[Ruzindana]] at the [[Ruzindana]] garage.",
    "The [[Osagie]] shop is in {{Peckham}}. [[Osagie]] knew my uncle.",
    "I cooked for [[Anane]] in the [[Anane]] restaurant every night.",
    "At the [[Drozdov]] farm, [[Drozdov]] owed us three months' wages.",
    # Both uses taken back by a rule, the first after work done for someone.
    "I cleaned for [[Haddad]] at the [[Haddad]] hotel in {{Blackpool}}.",
    "We worked for [[Kipchoge]] and slept in the [[Kipchoge]] barn.",
    "We handed our passports to [[Lindqvist]] at the [[Lindqvist]] factory.",
]
# Workplaces and bodies in the same wordings, named whole or on a list.
WORKPLACES_KEPT = [
    "I worked for {{Asda}} at the {{Asda}} store in {{Leeds}}.",
    "We worked for {{Trelowen Farms}}. The {{Trelowen}} farm was far.",
    "I gave my passport to {{Border Force}} at the airport.",
    "I gave the money to {{Western Union}} in {{Luton}}.",
    "She worked for {{Deliveroo}} and the {{Deliveroo}} app paid her.",
    "I cleaned for {{Hilton}} at the {{Hilton}} hotel.",
    "I spoke to {{Migrant Help}}. {{Migrant Help}} said wait.",
]

# A given name that is also an English word, spoken to in a quotation or handed or sent to.
SPOKEN_TO = [
    '"[[Amir]]," said the boss.',
    '"[[Faith]]," my cousin said, "come with me."',
    '"[[Precious]]," the man shouted, "get in the car."',
    '"Sit down, [[Amir]]," the officer said.',
    "“[[Sultan]],” he called, “bring the van.”",
    '"Hurry up, [[Precious]]!" the woman said.',
    "He sent me to [[Amir]] in {{Dubai}}.",
    "The money went to [[Amir]] every week.",
    "I gave my passport to [[Sultan]] at the airport.",
    "My brother sent the money to [[Amir]] in {{Kabul}}.",
    "We paid the deposit to [[Sultan]] in cash.",
    "I handed the keys to [[Precious]] and left.",
]
# The same wordings with a place, a body or an ordinary word.
SPOKEN_TO_KEPT = [
    '"Hello," said the boss.',
    '"Sorry," she said, "no."',
    '"Please, God," I said.',
    "We went to {{Georgia}} in {{May}}.",
    "I went to {{Sultan Kebabs}} for work.",
    "The money went to {{Western Union}}.",
    "The money went to {{Lagos}}.",
    "I went to {{Asda}}.",
    "The amir of the town was kind.",
    "I went to Mass on {{Sunday}}.",
]

# A journey's places that no gazetteer holds, or that a given-name list holds too.
JOURNEYS = [
    "We came {{via Doha}} and {{Istanbul}}.",
    "We came via {{Tamanrasset}} to {{Libya}}.",
    "My flight was through {{Doha}}.",
    "{{Doha}} airport was full.",
    "They took us via {{Agadez}} to {{Libya}}.",
    "The flight went via {{Doha}}.",
    "We flew via {{Abu Dhabi}} to {{London}}.",
]
# The same words with a person: no journey, or a possessive.
JOURNEY_PEOPLE = [
    "We came via [[Amir]]'s cousin in {{Calais}}.",
    "He took us through [[Kwame]]'s garden.",
    "The money came via [[Kwame]] every month.",
    "I sent it via [[Kwame]].",
    "I got the job via [[Kwame]] in {{Leeds}}.",
    "We went to [[Amir]] via {{Doha}}.",
]

# A word that is also a name, opening a sentence that says it is the word.
WORDS_KEPT = [
    "{{Hope}} is all we had.",
    "{{Hope}} is what kept me alive.",
    "{{Faith}} was all I had left.",
    "{{Faith}} is important to my family.",
    "{{Summer}} came and the work stopped.",
    "{{Grace}} is a word my mother used.",
    "{{Winter}} was hard in the camp.",
    "{{Joy}} was everything to her.",
]
# The same words as people: a person's predicate, an act, or a person elsewhere in the statement.
WORD_NAMES_KEPT_AS_PEOPLE = [
    "[[Hope]] is my sister.",
    "[[Hope]] was 19 when she came.",
    "[[Hope]] is from {{Ghana}}.",
    "My friend [[Hope]] helped me. [[Hope]] is all I have now.",
    "[[Hope]] told me to run.",
    "[[Summer]] left the house at night.",
]

PEOPLE = FIRMS + BODY_SURNAMES + PLURAL_SURNAMES + SAME_WORD + SPOKEN_TO + JOURNEY_PEOPLE + WORD_NAMES_KEPT_AS_PEOPLE
FACTS = FIRMS_KEPT + BODIES_KEPT + GROUPS_KEPT + WORKPLACES_KEPT + SPOKEN_TO_KEPT + JOURNEYS + WORDS_KEPT


@pytest.mark.parametrize("marked", PEOPLE)
def test_the_name_is_redacted(marked):
    assert marked_problems(marked) == []


@pytest.mark.parametrize("marked", FACTS)
def test_the_fact_stays(marked):
    assert marked_problems(marked) == []
