"""Names of people in wording that a take-back rule reads as a place, a body, a firm or a thing.

Short statements written for this file, of the kind a worker or a reporter writes: in each, a
person's name stands where some rule of the likely-name pass takes a capitalised word back ("went
to X Park", "the union, X,", "the X farm", "X pro bono", "Mount X"), and the text says elsewhere,
by its grammar, that the word is a person ("X, a judge", "X, who", "X was my friend", "X's
husband"). Beside them, places, bodies and firms in the same wordings that must stay.

``[[...]]`` marks a name every letter of which must be redacted; ``{{...}}`` a fact no span may
touch.
"""

from __future__ import annotations

import pytest

from tests.span_checks import marked_problems

# A person's name in a position a take-back rule claims, with the text's evidence that it is one.
PEOPLE = [
    # Apposition with a noun of a person, after a place's or a body's wording.
    "The case went to [[Ruth Park]], a judge.",
    "We were sent to [[Amara Hill]], a social worker, in {{March}}.",
    "The file went to [[Kofi Mensah]], a caseworker at the council.",
    "I was taken to [[Grace Field]], my cousin, who lives near {{Leeds}}.",
    "They moved me to [[Tariq Green]], a man who ran the car wash.",
    "The letter came from [[Joy Church]], the pastor's wife.",
    "I went to [[Blessing]], my neighbour, for help.",
    "The money went to [[Okonkwo]], the agent.",
    "He was handed over to [[Farida Stone]], 34, a mother of two.",
    "I stayed at [[Mercy Bay]]'s house for a week.",
    "My case was passed to [[Imran Wood]], an officer from {{Kent Police}}.",
    "We reached [[Lina Brook]], our interpreter, by phone.",
    "The complaint went to [[Esther Vale]], the landlord.",
    "The case went to [[Chidi Park]], a lawyer.",
    "She was driven to [[Sani Lake]], her uncle, in {{Bradford}}.",
    # A relative pronoun of a person after a body's or a list's wording.
    "I reported it to the union, [[Tariq]], who helped me.",
    "I spoke to the charity, [[Adaeze]], who listened to me.",
    "We told the agency, [[Bongani]], who promised to call back.",
    "The council sent someone, [[Wanjiru]], who wrote everything down.",
    "We worked for Tesco, Asda and [[Kowalczyk]], who kept our passports.",
    "I asked the hostel, [[Nasrin]], whom I trusted, to keep my papers.",
    # A verb or a relation of a person straight after.
    # A given name on a list (here "Amara") keeps its span inside the place's name too: the word
    # the text shows is a person's is redacted everywhere, so the two cannot be linked.
    "I live near Mount [[Amara]]. [[Amara]] was my friend.",
    "We lived by {{Lake Ngozi}} for a year. [[Ngozi]] was my sister.",
    # "Esi" is on the births list (SOURCES.md): like "Amara" above, the word the text shows is a
    # person's is redacted inside the place's name too
    "The boat left Port [[Esi]] at night. [[Esi]] is my cousin.",
    "We stayed at the [[Osei]] farm. [[Osei]]'s wife took our phones.",
    "We went to the farm of [[Amara Osei]]. The [[Osei]] farm was far away.",
    "The [[Adjei]] farm was cold. [[Adjei]] told us to sleep in the barn.",
    "I worked at the [[Kamau]] house. [[Kamau]] was my employer.",
    "They took us to the [[Boateng]] factory. Mr [[Boateng]] locked the doors.",
    "The [[Haddad]] shop was small. [[Haddad]]'s son hit me.",
    "The [[Novak]] car wash was busy. I told [[Novak]] I was ill.",
    "We slept at the [[Achterberg]] site. [[Achterberg]] said we owed him money.",
    "My husband [[Dariusz]] works at the [[Dariusz]] garage.",
    "I met [[Selam]] at church. The [[Selam]] cafe is where she works.",
    "Auntie [[Folake]] runs the [[Folake]] salon in town.",
    # A given name and a surname before a place noun: named after someone, and naming them.
    "I worked at [[Kofi Boateng]] farm for two years.",
    "We lived at [[Grace Okafor]] house in the city.",
    "They kept us at [[Tariq Mahmood]] farm near the coast.",
    "She worked in [[Amina Haddad]] shop for a month.",
    "We were taken to [[Yusuf Demir]] factory at night.",
    "I cleaned at [[Mercy Adeyemi]] restaurant every day.",
    # A person acting for someone, with "pro bono" as the manner of it.
    "She was represented by [[Amara Osei]] pro bono.",
    "He was represented by [[Kwame Asante]] pro bono in court.",
    "[[Ruth Okoye]] acted for her pro bono.",
    "My appeal was taken by [[Joseph Mwangi]] pro bono, and we won.",
    # A place's word used as a surname elsewhere in the same statement.
    "I was sent to work for [[Hassan Rahimi]]. [[Rahimi]] was my boss.",
    "The [[Rahimi]] brothers ran the farm. [[Rahimi]] hit me.",
    "At Okafor Farm we slept on the floor. Mr [[Okafor]] kept our passports.",
    "We worked at Mensah Farm. [[Mensah]]'s wife paid us.",
    "She went to live with [[Zainab]] in the [[Zainab]] flat above the shop.",
    # Written as a reporter writes.
    "The court heard from [[Ruth Park]], a neighbour, who called police.",
    "Police spoke to [[Anan Sukprasert]], 29, a farm worker.",
    "The women were found at [[Bilal Rana]] farm, police said.",
    "Lawyers for [[Maria Lopez]], who was held for six weeks, said she would appeal.",
    "The charity, [[Temitope]], who asked not to be named in full, said she was afraid.",
    "According to [[Nimmi Perera]], 41, a domestic worker, the employer took her passport.",
    "The workers were housed at [[Somchai]] camp. [[Somchai]], the owner, denied it.",
    "The hearing was told that [[Hope Valley]], a cleaner, had no papers.",
    # More of the same kinds, written before the rules were run on them.
    "My papers went to [[Salma Brook]], the solicitor, last week.",
    "We were sent to [[Adebayo]], a farmer, who needed pickers.",
    "They passed my number to [[Kareem Ford]], a driver.",
    "I gave the keys to [[Precious Hill]], my flatmate.",
    "The baby went to [[Ama Lake]], her grandmother, in {{Kumasi}}.",
    "I was introduced to [[Dawit]], a man from the church, who gave me work.",
    "She worked for the company, [[Yilmaz]], who paid her in cash.",
    "We called the agency, [[Chiamaka]], who said there was no work.",
    "I wrote to the council, [[Oluwaseun]], who never answered.",
    "The [[Mwale]] farm was where we slept. [[Mwale]] was our boss.",
    "We cleaned the [[Petrescu]] house every day. [[Petrescu]]'s daughter shouted at us.",
    "The [[Rahman]] restaurant kept us late. I told [[Rahman]] I wanted to leave.",
    "They sent us to the [[Kaya]] factory. Mrs [[Kaya]] took our passports.",
    "I worked at [[Ibrahim Sesay]] shop for six months.",
    "We picked fruit at [[Nikolai Ivanov]] farm in the summer.",
    "They kept her at [[Fatou Diallo]] house near the market.",
    "He was represented by [[Chinedu Eze]] pro bono at the tribunal.",
    "[[Abena]] was my friend. We lived near Mount [[Abena]] Road.",
    "I knew [[Rustam]] from work. The [[Rustam]] garage was where he hid us.",
    "The case was heard by [[Grace Hall]], a magistrate, in {{Leeds}}.",
    "We were taken to [[Olu Park]], her brother, by car.",
    "I sent money to [[Liya]], my sister, every month.",
    "The flat belonged to [[Tomasz]], a builder, who lived upstairs.",
    "The police spoke to [[Halima]], my neighbour.",
    "According to [[Somsak]], 33, a farm worker, the boss hit him.",
    "The report was written by [[Jelena Marković]], a researcher.",
    "The letter was from [[Bisi]], the interpreter, not the council.",
    # A second round, after the first rules: other take-back rules' wordings.
    "We lived in Karimabad for years. [[Karimabad]] is my uncle, not the town.",
    "I sat near [[Tariq]], my cousin, at the hearing.",
    "I put my trust in [[Obinna]], who said he would help.",
    "They lived in Chukwu village. [[Chukwu]] told me the boss was cruel.",
    "We stayed at the Aldwick Hall. [[Aldwick Hall]], my solicitor, wrote to them.",
    "My case worker, [[Ifeoma]], a woman from the charity, rang me.",
    "The [[Mensah]] shop was closed. [[Mensah]] was my landlord.",
    "The [[Okoro]] took our phones. [[Okoro]]'s son drove the van.",
    "[[St Clair]], my husband, left in May.",
    "I was helped by Amina Obi solicitors. [[Amina Obi]], my lawyer, was kind.",
    "She moved to {{Kano}}. [[Kano]], her brother, met her there.",
    "We came from north [[Adebayo]]. [[Adebayo]], my uncle, drove us.",
    "Mount Kessa is near. [[Kessa]], my sister, lives there.",
    "She was helped by [[Ama Mensah]] pro bono for a year.",
    "I told [[Kessington]] everything. We lived at the [[Kessington]] farm.",
    "I married [[Dlamini]] in 2019. The [[Dlamini]] farm was his.",
    # A third round: an age in apposition, an age written with a hyphen before the noun.
    "They were sent to [[Amaka]], 19, and her sister.",
    "The case went to [[Dunya Haddad]], a 44-year-old mother.",
    "The court heard from [[Chidinma Eze]] (29), a cleaner.",
    "The house belonged to the [[Mwangi]] family. [[Mwangi]], 48, was arrested.",
    "Mrs [[Achterberg]] owned the [[Achterberg]] hotel where we cleaned.",
    # A fourth round: a relation, "the late" or "a man named" before the word elsewhere.
    "My boss [[Kariuki]] drove us there. We slept at the [[Kariuki]] farm.",
    "Her husband [[Ondieki]] kept her passport. The [[Ondieki]] shop sold phones.",
    "We called him the late [[Mbeki]]. The [[Mbeki]] site closed after he died.",
    "They worked for a man named [[Sandu]]. The [[Sandu]] farm had no toilets.",
    "It was [[Mensah Boateng]] who took us. The [[Boateng]] farm is near the coast.",
    "Lawyers for [[Hoang]], 17, said he was a victim of trafficking.",
]

# Places, bodies and firms in the same wordings: none of them may be touched.
FACTS = [
    "We moved to {{Victoria Park}} in {{May}}.",
    "The union, {{Unite}}, said it would help.",
    "She grew up near {{Mount Kenya}}.",
    "We went to {{Victoria Park}}, a big park near the station.",
    "I reported it to the union, {{Unison}}, which helped me.",
    "We worked at {{Trelowen}} farm for the summer.",
    "They took us to {{Kembang}} village by truck.",
    "The boat sailed from {{Port Harcourt}} to {{Lagos}}.",
    "We lived near {{Lake Victoria}} as children.",
    "The {{Harlow Venn}} pro bono team took her case.",
    "She was helped by the charity, {{Kalayaan}}, in {{London}}.",
    "The {{Home Office}} said it would look again.",
    "The case went to {{Leeds Crown Court}}, which fined him.",
    "We walked to {{Hyde Park}}, a park in {{London}}.",
    "I was sent to {{Yarl's Wood}}, a detention centre.",
    "The charity {{Unseen}}, which runs the helpline, called the police.",
    "We moved from {{Manchester}} to {{Bolton}} in {{June}}.",
    "The agency, {{Bright Staffing}}, paid us late.",
    "We went to {{Mount Elgon}} for the weekend.",
    "The charity, {{Kalvassa}}, who have helped hundreds of women, took my case.",
    "She worked in {{Marvasti}}, her agent, identified only as a local man, kept her wages.",
    "We picked fruit at {{Riverside}} farm in the summer.",
    "The union, {{GMB}}, said it would take the case.",
    "We went to {{Mount Snowdon}} with the church group.",
    "The charity, {{Kalayaan}}, which helps domestic workers, took my case.",
    "The {{Okeke}} farm was cold. It had no heating.",
    "We moved to {{Hyde Park}} in {{London}}, a place my friend knew.",
    "The agency, {{Staffline}}, sent us to the factory.",
    "I was sent to {{Colnbrook}}, a removal centre near {{Heathrow}}.",
    "She lives in {{Leeds}}, a city in the north.",
    "We stayed in {{Luton}}, where my cousin lives.",
    "The case went to {{Bradford Crown Court}}, a court in {{Yorkshire}}.",
    "We worked at the {{Tesco}} warehouse near {{Daventry}}.",
    "I reported it to the charity, {{Unseen}}, which runs a helpline.",
    "We waited at {{Victoria}} station for hours.",
    "She grew up near {{Lake Kivu}}, in {{Rwanda}}.",
    "I was moved to {{Brook House}}, a detention centre.",
    "We lived in {{Karimabad}} for years. {{Karimabad}} is a town in the north.",
    "The {{Aldwick Hall}} Trust runs the shelter at {{Aldwick Hall}}.",
    "She moved to {{Kano}}, a city in the north.",
    "She was born in {{Lagos}}, 1990, and came here in 2015.",
    "I live in {{Luton}}, 30 miles from {{London}}.",
    "The {{Mwangi Foundation}} paid for the flight.",
    "We were taken to {{Kessler}} farm in 2019.",
    "We worked on the {{Kariuki}} estate near {{Nakuru}}.",
    "The {{Sandu}} farm had no toilets and no heating.",
    "The interpreter came from {{Nour Language Services}}.",
    "The case was heard at {{Snaresbrook}}, a Crown Court in {{London}}.",
    "They worked for a company called {{Sandu}}. The {{Sandu}} farm had no toilets.",
    "{{Mount Kessa}} is near the border.",
    "The union, {{Unite}}, who represent cleaners, helped us.",
    "We went to {{Ruth Park}}, a park near the river.",
]


@pytest.mark.parametrize("marked", PEOPLE)
def test_a_person_in_a_take_back_wording_is_redacted(marked):
    assert marked_problems(marked) == []


@pytest.mark.parametrize("marked", FACTS)
def test_a_place_or_body_in_the_same_wording_stays(marked):
    assert marked_problems(marked) == []
