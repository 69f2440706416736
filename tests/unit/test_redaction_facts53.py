"""Facts wrongly redacted as names, each closed by a general rule, and the names beside them that
must stay redacted. Every statement here is written for this file (invented people, none from a
testimony set).

``[[...]]`` marks a name every letter of which must be redacted; ``{{...}}`` a fact no span may
touch. Each list of facts failed before its rule (a fact damaged); each list of names is the same
wording with a person in it.
"""

from __future__ import annotations

import pytest

from desktop.redaction.demonyms import derived_demonym
from tests.span_checks import marked_problems

# A people's name made from a place's: "-er" after a place in "-land" ("Icelander", "Zealander" of
# "New Zealander"), and a place whose name is a plural, less its "s" ("Philippine").
DEMONYMS_KEPT = [
    "Her husband was a {{New Zealander}} who worked in {{Leeds}}.",
    "{{New Zealander}} [[Tomasz Wren]] admitted the charges.",
    "The boat was owned by an {{Icelander}}.",
    "Two {{Icelanders}} ran the farm near {{Hull}}.",
    "The cook was a {{Greenlander}}.",
    "Her cousin holds a {{Philippine}} passport and works in {{London}}.",
    "She is {{Philippine}} by birth.",
    "The {{Maldive}} islands were where he first worked.",
]
DEMONYMS_NAMES = [
    "Mr [[Englander]] took my passport.",
    "[[Englander]] took my passport.",
    "Dr [[Icelander]] signed the letter.",
    "Mr [[Holland]] hit him.",
    "Dr [[England]] signed the letter.",
    "Mrs [[Welsh]] took her passport.",
    "Sergeant [[Ireland]] took my statement.",
    "[[Kevin Holland]] kept the money.",
]


@pytest.mark.parametrize("marked", DEMONYMS_KEPT + DEMONYMS_NAMES)
def test_demonyms_from_places(marked: str) -> None:
    assert marked_problems(marked) == []


def test_demonym_endings_read_the_place_list() -> None:
    assert derived_demonym("icelander") and derived_demonym("zealander") and derived_demonym("philippine")
    # a word that only looks like one: no place "Walland", no place "Marines"'s stem is anyone's
    assert not derived_demonym("wallander") and not derived_demonym("hollander")
    # the people of England are English: "Englander" is a surname, not a demonym
    assert not derived_demonym("englander") and not derived_demonym("scotlander")
    assert not derived_demonym("amina")  # a given name is never a people's name


# A faith's followers "from" a word: a place. Many people "from" a word: a place only where a
# gazetteer of small places holds it ("two men from Okafor" may be sent by someone).
GROUPS_FROM_PLACES = [
    "{{Muslims}} from {{Tarvonka}} were held in the yard.",
    "Women from {{Kunduz}} were made to swear an oath.",
    "{{Sikhs}} from {{Tarvonka}} were kept apart.",
    "Men from {{Kunduz}} were taken by lorry to {{Calais}}.",
    "The workers from {{Sylhet}} slept in the van.",
    "{{Christians}} from {{Tarvonka}} were kept apart.",
]
GROUPS_FROM_PEOPLE = [
    "Men from [[Tarvonka]]'s gang came to the house.",
    "Messages from [[Amina]] kept coming.",
    "A letter from [[Tarvonka]] arrived on {{Monday}}.",
    "Two men from {{Kunduz}} and Mr [[Stone]] came.",
    "Two men from [[Okafor]] came for the money.",
]


@pytest.mark.parametrize("marked", GROUPS_FROM_PLACES + GROUPS_FROM_PEOPLE)
def test_groups_of_people_from_places(marked: str) -> None:
    assert marked_problems(marked) == []


# A building where a hearing is held ("the hearing at X House", "was heard at X House"): a court's
# or a tribunal's, a fact; the same building after a word of living stays an address.
HEARING_BUILDINGS = [
    "The hearing at {{Alder House}} was adjourned.",
    "My appeal was heard at {{Taylor House}} on {{3 May}}.",
    "The case was listed at {{Alder House}} for a full hearing.",
    "The tribunal at {{Columbus House}} refused the appeal.",
    "The hearing centre at {{Alder House}} is far from {{Luton}}.",
]
HOMES_NAMED_SO = [
    "I lived at [[Taylor House]] with my aunt.",
    "After the hearing I went home to [[Taylor House]].",
    "We heard at [[Taylor House]] that he had died.",
]


@pytest.mark.parametrize("marked", HEARING_BUILDINGS + HOMES_NAMED_SO)
def test_hearing_buildings(marked: str) -> None:
    assert marked_problems(marked) == []


# A neutral citation with its year bare ("2016 ONSC 4410"), and the number of an act of the European
# Union ("Directive 2004/81/EC"): published, facts; a police reference after a year stays one.
CITATIONS_AND_ACTS = [
    "Case law\n\nIn {{2016 ONSC 4410}}, two men were convicted.",
    "The police case was {{2016 ONSC 4410}}.",
    "See also {{2021 BCCA 12}}, where the case law was applied.",
    "The Act breaches {{Directive 2004/81/EC}} and {{Regulation (EU) 2016/679}}.",
    "Police crime reference 2019 [[MPS 44321]] was given to me.",
]


@pytest.mark.parametrize("marked", CITATIONS_AND_ACTS)
def test_citations_and_acts(marked: str) -> None:
    assert marked_problems(marked) == []


# A plural rank lists officers ("PCs Dale and Okoro"), but not a body's head word with "of" after it
# ("Attorneys, Department of Labor").
RANKS_AND_BODIES = [
    "Jane Roe\nAttorneys\n{{Department of Labor}}\nWage Division",
    "Attorneys, {{Ministry of Labour}}",
    "PCs [[Dale]] and [[Okoro]] came to the flat.",
    "PCs [[Wood]] and [[Hall]] of the {{Met}} came.",
    "PCs [[Field]] of {{Kent Police}} came.",
]


@pytest.mark.parametrize("marked", RANKS_AND_BODIES)
def test_plural_ranks_and_bodies(marked: str) -> None:
    assert marked_problems(marked) == []


# How court text writes its facts: "Dept. of Justice", "HIGH COURT OF JUSTICIARY", "(4th Cir.",
# "San Antonio, Tex.,", "HER MAJESTY'S ADVOCATE"; the names beside them stay redacted.
COURT_TEXT = [
    "[[Jane Roe]], {{Dept. of Justice}}, for the appellant.",
    "[[Jane Roe]], {{Dept. of Labor}}, for the appellant.",
    "APPEAL COURT, {{HIGH COURT OF JUSTICIARY}}",
    "against\n\n{{HER MAJESTY'S ADVOCATE}}\n\nRespondent",
    "United States v. [[Jane Roe]] ({{4th Cir.}} Apr. 8, 2025) arises from a labour case.",
    "[[Jane Roe]], {{San Antonio}}, {{Tex.}}, for the appellee.",
    "[[Jane Roe]], {{San Antonio}}, {{Tex.}}, [[Tom Poe]], Tarvo Springs, {{Tex.}}, for the appellees.",
    "[[Jane Roe]], [[Tarvo]], Tex., for the appellee.",
    "[[JOHN'S]] VAN was parked outside.",
    "Counsel: [[Jane Roe]], {{Leeds}}, Mrs. [[Poe]] for the appellee.",
    "On the 3rd [[Tamsin]]. came to the door.",
]


@pytest.mark.parametrize("marked", COURT_TEXT)
def test_court_text_facts(marked: str) -> None:
    assert marked_problems(marked) == []


# A plural noun and a name joined by "and" with a verb in the singular after them: one business
# ("Marks and Spencer was fined"); two people take the plural, and the name stays redacted.
PAIRS_AS_ONE_BUSINESS = [
    "{{Marks and Spencer}} was fined for it.",
    "{{Marks and Spencer}} has refused to pay me.",
    "{{Banks and Spencer}} is a shop I worked at.",
]
PAIRS_AS_TWO_PEOPLE = [
    "Banks and [[Spencer]] were waiting for me.",
    "Banks and [[Spencer]] have my passport.",
]


@pytest.mark.parametrize("marked", PAIRS_AS_ONE_BUSINESS + PAIRS_AS_TWO_PEOPLE)
def test_pairs_with_a_singular_verb(marked: str) -> None:
    assert marked_problems(marked) == []


# "The villages of X and Y": every place of a list after a plural noun of places; a given name or a
# possessive ends the list. And a possessive before "Bay" names a place ("Tarvo's Bay").
PLACES_LISTED = [
    "She came from the villages of {{Tarvo}} and {{Wenna}} in the north.",
    "The towns of {{Tarvo}}, {{Wenna}} and {{Lakoa}} were flooded.",
    "A {{Tarvo's Bay}} farmer was fined for it.",
    "She lived near {{Tarvo's Bay}} with her aunt.",
]
PEOPLE_AFTER_PLACES = [
    "The towns of {{Tarvo}} and [[Amina]] were on the list.",
    "The villages of {{Tarvo}} and [[Wenna]]'s father came.",
    "Residents of {{Tarvo}} and [[Wenna]] said so.",
]


@pytest.mark.parametrize("marked", PLACES_LISTED + PEOPLE_AFTER_PLACES)
def test_places_listed_after_a_plural_noun(marked: str) -> None:
    assert marked_problems(marked) == []


# A party of a case title before a neutral citation with its year bare: a name, as before "[2018]".
def test_party_before_a_bare_citation() -> None:
    assert marked_problems("See R v [[Fisher]] {{2016 BCCA 44}} at para 12.") == []
    assert marked_problems("See R v [[Smith]] {{2019 ONSC 2207}}, where the court held so.") == []
