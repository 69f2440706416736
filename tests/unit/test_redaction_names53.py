"""Names left in statements and court text, each closed by a rule that reads the wording, and the
facts beside them that must stay. Every statement here is written for this file (invented people,
real courts and kinds of body; none from a testimony set).

``[[...]]`` marks a name every letter of which must be redacted; ``{{...}}`` a fact no span may
touch. Each list of names held a name left in before its rule; each list of facts is the same
wording with a court, a body, a place, a time of day or a word used as a word.
"""

from __future__ import annotations

import pytest

from desktop.redaction import detect
from tests.span_checks import marked_problems

# A title, then two or more initials (with or without full stops), then a surname: one name.
INITIALS_AFTER_TITLES = [
    "Judge [[B A Roe]] heard the appeal.",
    "{{First-tier Tribunal}} Judge [[K L Marwood]] dismissed the appeal.",
    "{{Upper Tribunal}} Judge [[A R Hollis]] granted permission to appeal.",
    "DC [[A B Marsh]] took my statement at {{Ilford}} police station.",
    "Lord Justice [[C A Penrose]] agreed with the judge below.",
    "Dr [[T.S. Okonjo]] examined me at the {{Whittington Hospital}}.",
    "Mr [[J.K. Doyle]] gave evidence for the {{Home Office}}.",
    "Judge [[B.A. Roe]] refused the application.",
    "The case was heard by District Judge [[P A J Tremlow]] in {{March 2021}}.",
    "Mrs [[E A Fenner]] from {{Lambeth Council}} visited us.",
    "DS [[M E Carver]] and DC [[A J Lyle]] came to the flat in {{Barking}}.",
    "Judge [[B A O'Neill-Roe]] heard it in {{Manchester}} on {{3 May 2022}}.",
    "Justice [[A B Quarrie]] dismissed the appeal.",
    # One letter that reads as the article or the pronoun, before a surname a sentence goes on after
    "DC [[A Marsh]] took my statement.",
    "Judge [[I Roe]] heard it in {{Leeds}}.",
    "Judge [[A Roe]]'s decision was wrong.",
    # Two letters with no surname after them
    "Mr [[A B]] said nothing to the police.",
]
INITIALS_KEPT = [
    "Before the Judge I answered every question.",
    "The Judge. A few days later I left {{Leeds}}.",
    "When I Saw The Officer I Was Scared",
    "My mum I think was in {{Lagos}} then.",
    "Mr [[A]] and Mrs [[B]] were our neighbours in {{Croydon}}.",
]


def test_a_run_of_initials_after_a_title_is_one_name():
    text = "First-tier Tribunal Judge K L Marwood dismissed the appeal."
    spans = [sp for sp in detect(text) if sp.type == "PERSON"]
    assert [text[sp.start : sp.end] for sp in spans] == ["K L Marwood"]


# Between two titles, a court's name is the office ("Deputy Upper Tribunal Judge"), not a name.
OFFICES_INSIDE_TITLES = [
    "Deputy {{Upper Tribunal}} Judge [[O A Bright]] allowed the appeal.",
    "Deputy {{District}} Judge [[Sarah Roe]] said I could go.",
    "Deputy {{High Court}} Judge [[Quarrie]] heard the claim.",
]

# A given name before a middle initial and a surname: "K. Marlowe" was taken, the given name left.
GIVEN_BEFORE_INITIALS = [
    "[[Peter K. Marlowe]] gave evidence.",
    "[[Peter K. Marlowe]], {{San Diego}}, for the defendants.",
    "I met [[Grace T. Abara]] in {{Leeds}}.",
]
GIVEN_BEFORE_INITIALS_KEPT = [
    "On {{Tuesday}} [[J. Abara]] called me.",
    "In {{Leeds}} [[K. Marlowe]] gave evidence.",
    "In {{March}} [[K. Marlowe]] gave evidence.",
]

# A given name before a body's or a shop's kind, speaking or acting with no article: the given name
# is taken (unsure), the kind stays; an English word any given-name list holds ("Amir") counts, a
# word name ("Hope") still needs "he" or "she".
GIVEN_BEFORE_KINDS = [
    "[[Amir]] {{Clinic}} said I needed a doctor.",
    "[[Fatima]] {{Pharmacy}} told us to wait outside.",
    "[[Yusuf]] {{Garage}} paid me cash every {{Friday}}.",
    "[[Bilal]] {{Restaurant}} told me to come back on {{Monday}}.",
    "[[Peter]] {{Clinic}} said I needed a doctor.",
]
KINDS_KEPT = [
    "{{Hackney Clinic}} said I needed a doctor.",
    "{{Riverside Clinic}} said they could not see me.",
    "{{Hope Clinic}} said I needed a doctor.",
    "The {{Amir Clinic}} said I needed a doctor.",
    "{{Amir Clinic}} said it would help us.",
    "{{Yusuf Garage}} fixed the van.",
    "We waited at {{Yusuf Garage}} in {{Luton}}.",
]

# The plural of a census surname no list holds itself, made one person by its verb in the singular
# or by the clause reported; alone, or as a noun of a person's work, it stays the plural.
PLURAL_SURNAMES_AS_ONE = [
    "[[Bakers]] says the rent is due.",
    "[[Masons]] tells everyone I am his wife.",
    "[[Coopers]] has told me I owe him rent.",
    "[[Millers]] said I owed him money.",
]
PLURALS_KEPT = [
    "{{Bakers}} said the bread was sold out.",
    "{{Lawyers}} says the case is weak.",
    "{{Barclays}} says it closed my account.",
    "The {{Bakers}} says nothing.",
]

# A time of day that is a word name: a time where the sentence says time passes, a person where she
# acts; another use of the word read as a name keeps it a name.
DAWN_AS_A_TIME = [
    "My boss [[Karim]] shouted at us all night. {{Dawn}} came and we were still working.",
    "We worked in the fields until late. {{Dawn}} came and he still did not let us sleep.",
    "We left before dawn. {{Dawn}} broke as we reached {{Dover}}.",
    "{{Dawn}} came and the boss sent us back to the farm.",
]
DAWN_AS_A_PERSON = [
    "I lived with my cousins in {{Leyton}}. [[Dawn]] came to my room at night and took my phone.",
    "[[Rose]] and [[Dawn]] were my friends. [[Dawn]] came and we left.",
    "[[Rose]] and [[Summer]] were my friends. [[Summer]] came and we left.",
    "[[Summer]] came to my room and took my phone.",
]

# Court text: dotted initials in a title-case heading, a family's plural possessive after "in the",
# a lone surname opposite a company or the Crown (a place's name the census gives people too).
COURT_TEXT = [
    "b. [[M.K.]]'s Work As A Nanny In The Defendants' Home\nc. The Defendants' Abuse Of [[M.K.]]",
    "b. The Family's Role, In The [[Abaras]]' Home\nc. The [[Abaras]]' Treatment Of Her",
    "{{Harbour Inn Pty Ltd}} v [[Baker]] [2011] {{FCA}} 1207",
    "{{Harbour Inn Pty Ltd}} v [[Chad]] [2011] {{FCA}} 1207",
    "[[Georgia]] v {{Harrow Holdings Ltd}} [2010] {{EWCA}} Civ 1",
    "R v [[Chad]] [2014] {{EWCA}} Crim 512",
]
COURT_FACTS = [
    "[[Ruth Abara]], {{Civil Rights Division}}, {{Washington, D.C.}}, for plaintiff-appellant.",
    "{{Ireland}} v {{United Kingdom}} (1978) 2 {{EHRR}} 25",
    "{{Colas Est SA}} v {{France}} [2002] {{ECHR}} 421",
    "{{Harbour Inn Pty Ltd}} v {{Tesco}} [2011] {{FCA}} 1207",
    "How {{L.A.}}'s Homeless Shelters Failed Us",
    "We moved to {{London}}, near the {{Philippines}}' embassy.",
]

NAMES = (
    INITIALS_AFTER_TITLES
    + OFFICES_INSIDE_TITLES
    + GIVEN_BEFORE_INITIALS
    + GIVEN_BEFORE_KINDS
    + PLURAL_SURNAMES_AS_ONE
    + DAWN_AS_A_PERSON
    + COURT_TEXT
)
FACTS = INITIALS_KEPT + GIVEN_BEFORE_INITIALS_KEPT + KINDS_KEPT + PLURALS_KEPT + DAWN_AS_A_TIME + COURT_FACTS


@pytest.mark.parametrize("marked", NAMES)
def test_the_name_is_redacted(marked):
    assert marked_problems(marked) == []


@pytest.mark.parametrize("marked", FACTS)
def test_the_fact_stays(marked):
    assert marked_problems(marked) == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Amir Clinic said I needed a doctor.", "Amir"),
        ("Bakers says the rent is due.", "Bakers"),
    ],
)
def test_read_by_wording_alone_the_name_is_marked_unsure(text, word):
    spans = [sp for sp in detect(text) if text[sp.start : sp.end] == word]
    assert spans and all(sp.confidence < 0.5 for sp in spans)
