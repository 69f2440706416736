"""Names left in statements a worker types, each closed by a rule of grammar, and the facts beside
them that must stay. Every statement here is written for this file (invented people, none from a
testimony set).

``[[...]]`` marks a name every letter of which must be redacted; ``{{...}}`` a fact no span may
touch. Each list of names failed before its rule (a name left in); each list of facts is the same
wording with a place, a body, a month or a word used as a word.
"""

from __future__ import annotations

import pytest

from desktop.redaction import detect
from tests.span_checks import marked_problems

# A plural that may say things (a bank, a parson, a walker), read as one person by the sentence:
# its verb in the singular, or the words reported turn on a man or a woman with no "they" or "it".
PLURALS_AS_ONE = [
    "[[Banks]] said we owed him money.",
    "[[Banks]] says we owe him money.",
    "[[Banks]] has told us to pay him by {{Friday}}.",
    "[[Parsons]] said I had to work for him every night.",
    "[[Masters]] told me I owed her two hundred pounds.",
    "[[Walkers]] said we must pay him rent.",
    "[[Sellers]] told me I had to pay him back.",
    "[[Fields]] said I owed him for the flights to {{Leeds}}.",
    "[[Banks]], 45, told the court he was innocent.",
]
PLURALS_AS_BODIES = [
    "{{Banks}} said rates would rise.",
    "{{Banks}} said they would not open an account for me.",
    "{{Banks}} told her she could not open an account.",
    "{{Banks}} told me they would close my account.",
    "{{Banks}} said my husband owed them money.",
    "{{Banks}} said her account was closed.",
    "{{Banks}} say we need a passport.",
    "{{Officials}} said we had to leave.",
    "{{Churches}} said they would help us.",
    "{{Hotels}} said we could not stay without papers.",
    "{{Reports}} said he was dead.",
]

# A given name before a body's kind that no one bears as a surname, speaking with no article: the
# given name is taken (unsure), the kind stays.
GIVEN_BEFORE_KINDS = [
    "[[Fatima]] {{Mosque}} said we could stay.",
    "[[Noor]] {{Centre}} told me to come back on {{Monday}}.",
    "Then [[Aisha]] {{Clinic}} said the doctor was away.",
    "We went to [[Rukhsana]] {{Mosque}}. [[Rukhsana]] {{Mosque}} said we could sleep there.",
    "[[Zainab]] {{Gurdwara}} told us to wait outside.",
]
KINDS_KEPT = [
    "The {{Fatima Mosque}} said we could stay.",
    "{{Fatima Mosque}} said it would help us.",
    "{{Fatima Mosque}} told us they had no room.",
    "We prayed at {{Fatima Mosque}} in {{Bradford}}.",
    "{{Central Mosque}} said we could stay.",
    "{{Bradford Council}} said no.",
    "{{Brixton Mosque}} said we could stay.",
    "{{Victoria Hospital}} told me to wait.",
    "{{Hope Centre}} said we could stay.",
]

# A census surname that is an English word, bare and capitalised after a verb of giving, sending or
# taking and "to": a person.
SURNAMES_HANDED_TO = [
    "He took me to [[Bishop]].",
    "We sent our papers to [[Sultana]].",
    "I handed the keys to [[Archer]].",
    "She gave my passport to [[Fisher]] in {{March}}.",
    "I gave the rent to [[Mason]] every {{Friday}}.",
    "He drove us to [[Carpenter]] in the van.",
    "We paid the deposit to [[Shepherd]] in cash.",
    "She sent the photos to [[Hunter]].",
    "He took me to [[Bishop]]'s house.",
    "We handed the keys to [[Glover]] at the door.",
]
DESTINATIONS_KEPT = [
    "They took me to {{Bishop Auckland}}.",
    "He took me to {{Leeds}}.",
    "We sent our papers to {{Croydon}}.",
    "He took me to {{Reading}}.",
    "We sent our papers to the {{Home Office}}.",
    "She sent the money to {{Western Union}}.",
    "They took us to {{Court}} on {{Monday}}.",
    "He took me to {{Church}}.",
    "He took me to {{Hospital}}.",
    "I went to {{School}} in {{Leicester}}.",
    "He took me to {{Doctor}} twice.",
    "I handed the keys to {{Reception}}.",
    "I took the prescription to {{Boots}}.",
    "She took me to {{Fisher}}'s.",
    "I gave my passport to {{Border Force}} at the airport.",
]

# A plural noun and a name joined by "and" or "&", written as a business's name by its wording.
BUSINESSES_KEPT = [
    "I worked at {{Marks and Spencer}} in {{Leeds}}.",
    "I bought food at {{Marks & Spencer}}.",
    "We queued outside {{Marks and Spencer}} for an hour.",
    "I waited outside {{Marks & Spencer}}'s for an hour.",
    "{{Marks and Spencer}} said they had no jobs.",
    "I worked in {{Marks and Spencer}}. {{Marks and Spencer}} said no.",
    "I bought a book at {{Barnes and Noble}}.",
]
# The same words where the statement says a person.
PAIRS_AS_PEOPLE = [
    "[[Spencer]] hit me. I met him at Marks and [[Spencer]].",
    "I gave my passport to Banks and [[Spencer]].",
    "[[Marks]] said the job was in {{Kent}}. [[Marks]] and [[Spencer]] came later.",
    "PCs [[Marks]] and [[Spencer]] arrested him.",
    "I stayed at Banks and [[Spencer]]'s house in {{Leeds}}.",
]

# A season's name opening a sentence before "came" or "arrived" and then a destination or an act.
SEASONS_AS_PEOPLE = [
    "[[Summer]] came to my room and took my phone.",
    "[[Summer]] came into the kitchen and hit me.",
    "[[Autumn]] came round every night.",
    "[[Summer]] came and took my phone.",
    "[[Summer]] came back with the car.",
    "[[Summer]] left the town quiet.",
    "[[Autumn]] took my passport.",
]
SEASONS_KEPT = [
    "{{Winter}} came and the work stopped.",
    "{{Summer}} came early that year.",
    "{{Summer}} came.",
    "{{Summer}} came, and we had no work.",
    "{{Winter}} arrived and it was cold.",
    "{{Autumn}} came and the farm closed.",
]

NAMES = PLURALS_AS_ONE + GIVEN_BEFORE_KINDS + SURNAMES_HANDED_TO + PAIRS_AS_PEOPLE + SEASONS_AS_PEOPLE
FACTS = PLURALS_AS_BODIES + KINDS_KEPT + DESTINATIONS_KEPT + BUSINESSES_KEPT + SEASONS_KEPT


@pytest.mark.parametrize("marked", NAMES)
def test_the_name_is_redacted(marked):
    assert marked_problems(marked) == []


@pytest.mark.parametrize("marked", FACTS)
def test_the_fact_stays(marked):
    assert marked_problems(marked) == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Banks said we owed him money.", "Banks"),
        ("Fatima Mosque said we could stay.", "Fatima"),
        ("We sent our papers to Sultana.", "Sultana"),
    ],
)
def test_read_by_grammar_alone_the_name_is_marked_unsure(text, word):
    # Read from the wording, not from a list of names: the review shows it as a suggestion to check.
    spans = [s for s in detect(text) if text[s.start : s.end] == word]
    assert len(spans) == 1 and spans[0].type == "PERSON" and spans[0].confidence < 0.5
