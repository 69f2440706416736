"""Rules for the misses found on published testimony (news reports and charity case studies), each
with examples written here: names that are also months, words or places, names the text itself
gives someone, and the facts around them (offices, bodies, places, acronyms) that must stay."""

from __future__ import annotations

import pytest

from desktop.redaction import KnownIdentifiers, apply, detect
from tests.span_checks import covered, untouched


def _found(text: str) -> list[str]:
    return [text[s.start : s.end] for s in detect(text)]


# (1) A month or a day beside a likely name is part of the full name.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The form was signed by Caroline May on the Monday.", "Caroline May"),
        ("June Okonjo ran the refuge where we stayed.", "June Okonjo"),
        ("We paid the deposit to Ayodele Sunday in cash.", "Ayodele Sunday"),
        ("I wrote to the council and May Fairweather answered.", "May Fairweather"),
    ],
)
def test_a_month_or_day_inside_a_full_name_is_redacted(text, name):
    spans = detect(text)
    assert covered(text, spans, name)


@pytest.mark.parametrize(
    ("text", "month"),
    [
        ("In May Tadesse hit me for the first time.", "May"),
        ("On 3 June Ikram left the house.", "June"),
        ("Since March Oksana has not been paid.", "March"),
        ("We met Kwabena in May 2021.", "May"),
    ],
)
def test_a_month_of_a_date_stays_beside_a_name(text, month):
    assert untouched(text, detect(text), month)


# (2) A name the text gives someone is a name even when it is an English word or a place, and it is
# redacted wherever else it is written; the same word elsewhere in another text stays.
@pytest.mark.parametrize(
    ("text", "name", "again"),
    [
        ("The woman, whom we will call Paris, was 19. Paris cleaned the house.", "Paris", 1),
        ("Let's call him Jordan. Jordan worked on the farm for two years.", "Jordan", 1),
        ("Hazel (not her real name) arrived in 2019 and Hazel still waits.", "Hazel", 1),
        ("She was referred to as 'Chester' in court; Chester did not speak.", "Chester", 1),
    ],
)
def test_a_pseudonym_that_is_a_word_or_a_place_is_a_name(text, name, again):
    spans = detect(text)
    for nth in range(again + 1):
        assert covered(text, spans, name, nth)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("In 2019 she moved to Paris for work.", "Paris"),
        ("The van crossed from Jordan with eight of us inside.", "Jordan"),
        ("He said we would call the agency in Chester.", "Chester"),
    ],
)
def test_the_same_word_as_a_place_stays_without_an_introduction(text, place):
    assert untouched(text, detect(text), place)


# (3) One capital letter in quotation marks, used as a person.
@pytest.mark.parametrize(
    ("text", "letter"),
    [
        ("‘J’, a Sudanese man, was held for six weeks.", "J"),
        ("Then “M” said she was too scared to go back.", "M"),
        ("The survivor known as 'T' gave evidence by video.", "T"),
        ("Officers found ‘R’, who was 17, in the back room.", "R"),
    ],
)
def test_a_one_letter_pseudonym_in_quotes_is_a_name(text, letter):
    assert letter in _found(text)


@pytest.mark.parametrize(
    "text",
    ["Plan ‘B’ was to leave at night.", "We were moved to block ‘C’ and it was cold.", "I got a ‘D’ in English."],
)
def test_a_letter_used_as_a_label_stays(text):
    assert _found(text) == []


# (4) A document that "said" a name holds it written: a stretch in another script after it is a name.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The letter said ਗੁਰਪ੍ਰੀਤ ਗਿੱਲ at the top.", "ਗੁਰਪ੍ਰੀਤ ਗਿੱਲ"),
        ("The form says নাসরিন আক্তার and a date.", "নাসরিন আক্তার"),
        ("Her payslip said فاطمہ نواز, not her own name.", "فاطمہ نواز"),
    ],
)
def test_a_name_after_the_letter_said_is_redacted(text, name):
    assert name in _found(text)


def test_what_a_person_said_in_another_script_stays():
    assert _found("Then he said ਬਾਹਰ ਜਾ to me and shut the door.") == []


# (5) Redacting redacted text changes nothing, even when a redacted name brought a context word near
# a number ("her 999 999 Person A Police": the placeholder is shorter than the names it replaced).
@pytest.mark.parametrize(
    "text",
    [
        "her 999 999 Chinonso Adeyemi Oksana Petrenko Police came",
        "She rang 101 and she 999 999 Chinonso Adeyemi Police came",
        "she 999 999 Kwame Asante Police",
    ],
)
def test_redacting_twice_changes_nothing(text):
    known = KnownIdentifiers(people=[("Kwame Asante", [])])
    once = apply(text, detect(text, known))
    assert apply(once.text, detect(once.text, known)).text == once.text
    assert not detect(once.text, known)


# Facts of published testimony that stay: offices before a name, bodies, places by context, acronyms.
@pytest.mark.parametrize(
    ("text", "facts", "names"),
    [
        (
            "The Victims Commissioner Ruth Adebayo wrote to the Home Secretary Priti Sandhu.",
            ["Commissioner", "Home Secretary"],
            ["Ruth Adebayo", "Priti Sandhu"],
        ),
        (
            "Lawyers from Migrant Justice Partners Team and Northside Law Counsel filed the claim.",
            ["Migrant Justice Partners Team", "Northside Law Counsel"],
            [],
        ),
        ("She was held at Dungavel's Removal Centre for a month.", ["Dungavel's Removal Centre"], []),
        ("She grew up in the province of Sindh and later lived in a quiet Oldbury suburb.", ["Sindh", "Oldbury"], []),
        ("The flat was in Hillfields, Coventry. Hillfields is where she was found.", ["Hillfields"], []),
        ("Her case went to MARAC first. The report came at 10.15 GMT on Friday.", ["MARAC", "GMT"], []),
        ("A Right to Rent (RtR) check was done in Apr 2022.", ["RtR", "Apr"], []),
        ("The Illegal Migration Bill and the Friends of Hope group both spoke up.", ["Bill", "Hope"], []),
        ("Border and Customs staff met Ama and Hope at the port.", ["Customs"], ["Ama", "Hope"]),
        ("Amara came from PNG with her son. She’d never seen snow.", ["PNG", "She’d"], ["Amara"]),
        ("The money from TARIQ came late.", [], ["TARIQ"]),
        ("The landlord, ГРИГОРІЙ, kept our passports.", [], ["ГРИГОРІЙ"]),
        ("I went to Ifeoma for help. Ifeoma told me to call the police.", [], ["Ifeoma"]),
        ("My husband Tariq, Leeds was where we lived.", [], ["Tariq"]),
        ("Under the Bush administration the rules changed; the Modi presidency kept them.", [], ["Bush", "Modi"]),
    ],
)
def test_facts_of_published_testimony_stay(text, facts, names):
    spans = detect(text)
    for fact in facts:
        assert untouched(text, spans, fact), fact
    for name in names:
        assert covered(text, spans, name), name


# Found after the held-out half of the published testimony was scored (so no longer held out):
# a one-letter name after a title, an initial after a given name, a town as a surname, a name
# before a dash, a hyphenated town, and a law firm.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("We were told to wait for Mrs. J at the door.", "J"),
        ("Dariusz K., a driver from Lublin, was paid nothing.", "Dariusz K"),
        ("The report was by Ngozi Preston and her team.", "Ngozi Preston"),
        ("Kemi Baker met us. Baker—tired and angry—said no.", "Baker"),
    ],
)
def test_names_found_after_the_held_out_score(text, name):
    spans = detect(text)
    assert covered(text, spans, name, text.count(name) - 1)


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("She was sent to a house in Stoke-on-Trent and then to Newcastle-under-Lyme.", "Newcastle-under-Lyme"),
        ("Her lawyer at Okafor Reid Solicitors took the case.", "Okafor Reid Solicitors"),
        ("I met Amina in Preston. Amina Preston is not her name.", "Preston"),
    ],
)
def test_facts_kept_after_the_held_out_score(text, fact):
    assert untouched(text, detect(text), fact)


# Found on a second set of published testimony (scored once before these rules, then its misses
# fixed); every example below is written here. Each rule has names it must still find.


# (a) A state of the United States or a world region is a place, with or without "in" before it.
@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("The agency had offices across Kentucky and Oregon.", "Oregon"),
        ("Her papers were issued by Nebraska, not by the consulate.", "Nebraska"),
        ("Workers came from Southern Asia and Sub-Saharan Africa that year.", "Sub-Saharan Africa"),
        ("She was sent to Arizona, then flown to Guatemala.", "Arizona"),
        ("The Western District of Wisconsin heard the claim.", "Wisconsin"),
    ],
)
def test_a_us_state_or_world_region_is_a_place(text, fact):
    assert untouched(text, detect(text), fact)


# (b) A place's name straight before a likely surname is a given name ("Sofia Petrova"); after "in"
# or "from", or when it is also an English word or a month, it stays a place or a date.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Then Sofia Ivanova took our phones away.", "Sofia Ivanova"),
        ("The house belonged to Virginia Adeyemi and her brother.", "Virginia Adeyemi"),
        ("Georgia Mensah drove us to the farm every morning.", "Georgia Mensah"),
    ],
)
def test_a_place_before_a_surname_is_a_given_name(text, name):
    assert covered(text, detect(text), name)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("We came from Sofia Ilinden was the district.", "Sofia"),
        ("Since March Oksana has not been paid.", "March"),
        ("She stayed in Georgia Tbilisi is the capital.", "Georgia"),
    ],
)
def test_a_place_used_as_a_place_stays_before_a_name(text, place):
    assert untouched(text, detect(text), place)


# (c) Ordinary hyphenated words are not names: number words and compounds at a sentence start,
# a letter joined to a word, a word joined to a number.
@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("Thirty-one women were held there. Forty-two men slept in the barn.", "Thirty-one"),
        ("Thirty-one women were held there. Forty-two men slept in the barn.", "Forty-two"),
        ("Anti-trafficking officers came at dawn.", "Anti-trafficking"),
        ("She applied for a T-Visa after the trial.", "T-Visa"),
        ("The X-Ray showed two broken ribs.", "X-Ray"),
        ("Everyone in the camp caught MERS-2 that winter.", "MERS"),
    ],
)
def test_ordinary_hyphenated_words_are_not_names(text, fact):
    assert untouched(text, detect(text), fact)


def test_a_hyphenated_name_is_still_a_name():
    text = "Then Okafor-Brown and Abdul-rahman took the keys."
    spans = detect(text)
    assert covered(text, spans, "Okafor-Brown") and covered(text, spans, "Abdul-rahman")


# (d) An acronym after "the" and words that describe it is a body or a place ("the notorious
# Libyan KAREM camp"); a name in capitals after "the man" is still a name.
@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("They held us in the notorious Libyan KAREM camp.", "KAREM"),
        ("A regional KOVA office took our fingerprints.", "KOVA"),
    ],
)
def test_an_acronym_after_describing_words_stays(text, fact):
    assert untouched(text, detect(text), fact)


def test_a_name_in_capitals_after_the_man_is_a_name():
    text = "It was the man OBINNA who locked the door."
    assert covered(text, detect(text), "OBINNA")


# (e) Bodies: a hub, a helpline, a refuge, a programme... are organisations, across a possessive;
# an office or rank before such a run makes it a person ("Judge ... Chambers").
@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("A caseworker from Kwame’s Hub met me at the station.", "Kwame’s Hub"),
        ("I rang the Harbour Lights Helpline twice.", "Harbour Lights Helpline"),
        ("Amina's Refuge found me a room.", "Amina's Refuge"),
        ("The Bright Futures Programme paid for the course.", "Bright Futures Programme"),
        ("Sir Ludwig Guttmann Health Centre sent the letter.", "Sir Ludwig Guttmann Health Centre"),
    ],
)
def test_more_kinds_of_body_stay(text, fact):
    assert untouched(text, detect(text), fact)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Judge Helen Chambers adjourned the hearing.", "Helen Chambers"),
        ("Inspector Ravi Associates signed the form.", "Ravi Associates"),
    ],
)
def test_a_title_before_a_body_word_makes_a_person(text, name):
    assert covered(text, detect(text), name)


# (f) Places by context: "in the X courthouse" and "the Northern District of X" (any case).
@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("She waited outside the Tulsa courthouse all day.", "Tulsa"),
        ("We slept in the Wichita jail for two nights.", "Wichita"),
        ("At the Kisumu station they let us go.", "Kisumu"),
        ("The Northern District of Kordofan sent the papers.", "Kordofan"),
    ],
)
def test_a_place_before_a_building_or_after_a_district_of_stays(text, fact):
    assert untouched(text, detect(text), fact)


# (g) Two capitals before a surname are initials, part of the name ("TJ Okonkwo"); "MP", "QC"
# and "KC" are offices like "Sergeant" ("Conservative MP Tanner": Tanner is a name).
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The report was written by TJ Okonkwo and a colleague.", "TJ Okonkwo"),
        ("KB Mensah signed the tenancy.", "KB Mensah"),
        ("Conservative MP Tanner asked the minister about it.", "Tanner"),
    ],
)
def test_initials_and_offices_in_capitals(text, name):
    spans = detect(text)
    assert covered(text, spans, name)
    assert untouched(text, spans, "MP") if "MP" in text else True


# (h) After "told" or "with", two capitalised ordinary words, the first describing the second, are
# the name of a thing ("told Northern Voice"); a given name there is still a person.
@pytest.mark.parametrize(
    ("text", "fact", "name"),
    [
        ("She told Northern Voice that the police had called immigration.", "Northern Voice", None),
        ("He worked with Legal Lifeline until 2020.", "Legal Lifeline", None),
        ("I stayed with Aster Brown in the winter.", None, "Aster Brown"),
    ],
)
def test_two_ordinary_words_after_told_are_a_thing(text, fact, name):
    spans = detect(text)
    if fact:
        assert untouched(text, spans, fact)
    if name:
        assert covered(text, spans, name)


# (i) A surname that is also a word, alone in mid-sentence before a verb of saying or having, is a
# name ("..., Cross told us"); the same after "the", or an institution, stays.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("After the hearing, Cross told reporters she was scared.", "Cross"),
        ("Within a week, Baker has changed the locks.", "Baker"),
        ("Then Brown said we owed him money.", "Brown"),
    ],
)
def test_a_word_surname_as_the_one_who_speaks(text, name):
    assert covered(text, detect(text), name)


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("After the vote, the Council said no.", "Council"),
        ("In the end, Parliament has changed the rule.", "Parliament"),
        ("When Social Services said it could not help, we left.", "Social Services"),
    ],
)
def test_an_institution_as_the_one_who_speaks_stays(text, fact):
    assert untouched(text, detect(text), fact)


# (j) The pattern detectors: a time is not a house number ("09:30 BST"), and a named hill, park or
# green with no number is a district ("near Brook's Hill"), unless a number or "on" makes it a street.
@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("The raid started at 06:15 BST and ended at 11.40 GMT.", "15 BST"),
        ("The raid started at 06:15 BST and ended at 11.40 GMT.", "40 GMT"),
        ("We slept rough near Gallow's Hill for a week.", "Gallow's Hill"),
        ("The van waited by Netherfield Green every night.", "Netherfield Green"),
    ],
)
def test_times_and_districts_are_not_addresses(text, fact):
    assert not [s for s in detect(text) if s.type == "ADDRESS" and text[s.start : s.end] in fact]


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("He kept us at 14 Gallow's Hill, Bradford.", "14 Gallow's Hill"),
        ("She lived on Netherfield Green for a year.", "Netherfield Green"),
        ("They lived at 22 Moor Lane from 09:30 on the first day.", "22 Moor Lane"),
    ],
)
def test_a_street_with_a_number_or_on_is_still_an_address(text, street):
    assert covered(text, detect(text), street)


# (k) Also on that second set: a pseudonym marked with an asterisk ("*names have been changed"),
# a name taken only for the verb before it ("met X") found again, two capitals standing for a
# person, a letter after a name given in quotes, all wherever else they are written.
@pytest.mark.parametrize(
    ("text", "name", "times"),
    [
        ("Heath* cleaned the house for two years. Heath was never paid.\n*Names have been changed.", "Heath", 2),
        ("I met Rusty at the car wash. Rusty paid us in cash and Rusty kept the tips.", "Rusty", 3),
        ("After the hearing, Cross told reporters she was scared. Cross (now retired) lied.", "Cross", 2),
        ("In 2019, KB from Lagos arrived. KB’s employer kept her passport and KB was afraid.", "KB", 3),
        ("She is known only as ‘Claimant Q’. Later Claimant Q gave evidence.", "Q", 2),
    ],
)
def test_names_given_or_found_once_are_names_everywhere(text, name, times):
    spans = detect(text)
    for nth in range(times):
        assert covered(text, spans, name, nth), nth


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("IT was down all week, so the PM’s office wrote.", "IT"),
        ("IT was down all week, so the PM’s office wrote.", "PM"),
        ("The call came at 9 AM was what she said.", "AM"),
        ("Figures* are estimates from the charity.", "estimates"),
    ],
)
def test_capitals_that_are_not_people_stay(text, fact):
    assert untouched(text, detect(text), fact)


# (l) Names of things: a body whose name holds an allow-listed phrase, a broadcaster, a county, a
# compound with a nationality or a town, a people's name made from a place, a shop or show after
# "a", a title after a capitalised "Our", an acronym defined in brackets or spelt from earlier
# words, a body before its clients or staff.
@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("I rang the Northern Forced Marriage Hotline.", "Northern Forced Marriage Hotline"),
        ("She told local broadcaster KTVO what happened.", "KTVO"),
        ("Officers from Bexar County arrested her.", "Bexar County"),
        ("The van drove to the Yakima courthouse.", "Yakima"),
        ("A Nigerian-born nurse and a Leeds-based charity helped.", "Nigerian-born"),
        ("A Nigerian-born nurse and a Leeds-based charity helped.", "Leeds-based"),
        ("An Omani diplomat and a Canadian lawyer were there.", "Omani"),
        ("An Omani diplomat and a Canadian lawyer were there.", "Canadian"),
        ("The Argentinian embassy did not answer.", "Argentinian"),
        ("He brought us a Greggs sandwich and an Ocado bag.", "Greggs"),
        ("He brought us a Greggs sandwich and an Ocado bag.", "Ocado"),
        ("She went to Shelter for Our Abuelas in the end.", "Abuelas"),
        ("Women Against Trafficking UK (WATUK) met her; she joined WATUK later.", "WATUK"),
        ("The Ealing Refugee Action Network took her case. ERAN paid the fare.", "ERAN"),
        ("She was a former Ashwood client. Ashwood paid her rent.", "Ashwood"),
        ("We slept outside London’s Oxford Street shops.", "London"),
        ("She told Missing Voices that the police called immigration.", "Missing Voices"),
        ("We came to the UK in March 2020, Grace and I.", "2020"),
    ],
)
def test_names_of_things_stay(text, fact):
    assert untouched(text, detect(text), fact)


def test_a_name_after_a_still_a_name_before_a_preposition():
    text = "I met a Tariq in the camp and a Tariq from Leeds."
    spans = detect(text)
    assert covered(text, spans, "Tariq") and covered(text, spans, "Tariq", 1)
