"""The Witnessbox redaction test set: hand-written statements (statements.txt) plus statements put
together from hand-written sentences and hand-written pools of names and identifier writings
(seeded, so the set is the same every run). Every person and number is fictional.

Markup: ``[[TYPE|text]]`` must be redacted (``K``: recorded on the interview; ``NAME``: a person
nobody recorded; other types as in ``desktop.redaction.TYPES``); ``{{text}}`` is a fact of the
complaint that must stay.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from desktop.redaction import KnownIdentifiers, Span

HERE = Path(__file__).parent
_MARK = re.compile(r"\[\[([A-Z_]+)\|(.*?)\]\]|\{\{(.*?)\}\}", re.S)


@dataclass
class Gold:
    start: int
    end: int
    type: str  # "K", "NAME" or a span type


@dataclass
class Statement:
    id: str
    text: str
    known: KnownIdentifiers
    gold: list[Gold] = field(default_factory=list)
    keep: list[tuple[int, int]] = field(default_factory=list)


def parse(sid: str, marked: str, known: KnownIdentifiers) -> Statement:
    out: list[str] = []
    gold: list[Gold] = []
    keep: list[tuple[int, int]] = []
    pos = 0
    last = 0
    for m in _MARK.finditer(marked):
        out.append(marked[last : m.start()])
        pos += m.start() - last
        piece = m.group(2) if m.group(1) else m.group(3)
        if m.group(1):
            gold.append(Gold(pos, pos + len(piece), m.group(1)))
        else:
            keep.append((pos, pos + len(piece)))
        out.append(piece)
        pos += len(piece)
        last = m.end()
    out.append(marked[last:])
    return Statement(sid, "".join(out), known, gold, keep)


def _parse_known(people: str, ids: str) -> KnownIdentifiers:
    plist = []
    for entry in filter(None, (p.strip() for p in people.split(";"))):
        m = re.fullmatch(r"(.*?)\s*(?:\((.*)\))?", entry)
        assert m
        aliases = [a.strip() for a in (m.group(2) or "").split(",") if a.strip()]
        plist.append((m.group(1).strip(), aliases))
    ilist = []
    for entry in filter(None, (p.strip() for p in ids.split(";"))):
        kind, value = entry.split("=", 1)
        ilist.append((kind.strip(), value.strip()))
    return KnownIdentifiers(plist, ilist)


def hand_written(name: str = "statements.txt") -> list[Statement]:
    raw = (HERE / name).read_text(encoding="utf-8")
    out = []
    for block in raw.split("\n=== ")[1:]:
        lines = block.split("\n")
        sid = lines[0].strip()
        people = ids = ""
        body = []
        for line in lines[1:]:
            if line.startswith("known:"):
                people = line[6:]
            elif line.startswith("ids:"):
                ids = line[4:]
            else:
                body.append(line)
        out.append(parse(sid, "\n".join(body).strip() + "\n", _parse_known(people, ids)))
    return out


# --- generated statements ------------------------------------------------------------------------

GIVEN = {
    "south_asian": ["Rajinder", "Priya", "Mohammed", "Farhana", "Imran", "Sunita", "Harpreet", "Abdul", "Nasreen",
                    "Shabana", "Rukhsana", "Arjun", "Lakshmi", "Tahmina", "Zubair", "Kuldeep", "Anjali", "Faisal"],
    "east_african": ["Abdirahman", "Hodan", "Tesfaye", "Meron", "Selamawit", "Aster", "Wanjiru", "Achieng", "Halima",
                     "Yonas", "Kidane", "Nyokabi", "Filsan", "Dawit", "Saba", "Mulugeta", "Ayaan", "Okello"],
    "west_african": ["Oluwaseun", "Chiamaka", "Kwame", "Ama", "Fatoumata", "Mamadou", "Ngozi", "Emeka", "Adwoa",
                     "Ibrahima", "Aminata", "Chinedu", "Yaw", "Efua", "Tunde", "Folake", "Ousmane", "Adaeze"],
    "east_european": ["Małgorzata", "Andrei", "Ionela", "Oleksandr", "Tetiana", "Dmitri", "Agnieszka", "Petra",
                      "Bogdan", "Vasile", "Jurgita", "Elena", "Arben", "Besnik", "Mirela", "Łukasz", "Zdeněk", "Iryna"],
    "middle_eastern": ["Mohammad", "Zahra", "Ahmad", "Layla", "Omar", "Yusuf", "Ayşe", "Hawre", "Shilan", "Rania",
                       "Khaled", "Fatemeh", "Dilan", "Reza", "Nour", "Samir", "Rojin", "Mustafa"],
    "east_asian": ["Wei", "Na", "Jie", "Minh", "Hoa", "Duc Anh", "Min-jun", "Ji-woo", "Yang", "Mei", "Thu", "Xin",
                   "Jocelyn", "Rowena", "Haruto", "Yuki", "Thanh", "Joon"],
    "word_names": ["Hope", "Blessing", "Patience", "Grace", "Precious", "Mercy", "Joy", "Faith", "Comfort", "Gift",
                   "Favour", "Goodluck", "Wisdom", "Sunday", "Peace", "Innocent", "Lucky", "Prosper"],
}  # fmt: skip
SURNAME = {
    "south_asian": ["Sandhu", "Sharma", "Iqbal", "Begum", "Qureshi", "Patel", "Kaur", "Karim", "Akhtar", "Bibi",
                    "Khatun", "Nair", "Venkatesan", "Rahman", "Chaudhry", "Gill", "Mehta", "Hussain"],
    "east_african": ["Farah", "Warsame", "Girma", "Haile", "Tesfamariam", "Gebremedhin", "Kamau", "Otieno", "Yusuf",
                     "Abdi", "Berhane", "Woldemichael", "Mwangi", "Tekle", "Osman", "Hassan", "Negash", "Achola"],
    "west_african": ["Adeyemi", "Okafor", "Eze", "Mensah", "Owusu", "Diallo", "Bah", "Okonkwo", "Nwosu", "Asante",
                     "Sesay", "Kamara", "Uche", "Boateng", "Effiong", "Adebayo", "Ndiaye", "Oyelaran"],
    "east_european": ["Kowalska", "Popescu", "Dumitru", "Shevchenko", "Kovalenko", "Volkov", "Wiśniewska",
                      "Horváthová", "Ionescu", "Rusu", "Kazlauskienė", "Marinova", "Hoxha", "Krasniqi", "Gashi",
                      "Nowak", "Dvořák", "Bondarenko"],
    "middle_eastern": ["Rezaei", "Hosseini", "al-Khatib", "Haddad", "Abu-Bakr", "Demir", "Yılmaz", "Mahmoud",
                       "Karimi", "Saleh", "Nasser", "Ahmadi", "Aziz", "Moradi", "Barzani", "Haidari", "Sulaiman",
                       "Öztürk"],
    "east_asian": ["Zhang", "Li", "Chen", "Nguyen", "Tran", "Pham", "Kim", "Park", "Liu", "Huang", "Le", "Zhou",
                   "Santos", "Reyes", "dela Cruz", "Tanaka", "Watanabe", "Hoang"],
}  # fmt: skip
TOWNS = ["Leeds", "Bradford", "Birmingham", "Coventry", "Luton", "Sheffield", "Rotherham", "Glasgow", "Cardiff",
         "Swansea", "Leicester", "Nottingham", "Derby", "Peterborough", "Middlesbrough", "Stoke-on-Trent", "Hull",
         "Bolton", "Oldham", "Rochdale", "Croydon", "Hounslow", "Slough", "Reading", "Southampton", "Plymouth",
         "Norwich", "Ipswich", "Newcastle", "Sunderland", "Belfast", "Liverpool", "Manchester", "Preston",
         "Blackburn", "Wolverhampton", "Walsall", "Northampton", "Milton Keynes", "Bristol"]  # fmt: skip
FORCES = ["West Yorkshire Police", "Greater Manchester Police", "the Metropolitan Police", "Kent Police",
          "Essex Police", "West Midlands Police", "Police Scotland", "South Wales Police", "Merseyside Police",
          "Thames Valley Police", "Lancashire Constabulary", "Northumbria Police", "Avon and Somerset Constabulary",
          "the PSNI", "Nottinghamshire Police", "Leicestershire Police", "British Transport Police",
          "Cleveland Police", "Hampshire Constabulary", "Bedfordshire Police"]  # fmt: skip
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]  # fmt: skip
STREETS = ["Harehills Lane", "Cowper Street", "Stoney Road", "Albert Road", "Mill Lane", "Green Lanes", "Byres Road",
           "Soho Road", "Evington Road", "Ladypool Road", "Cheetham Hill Road", "Walton Street", "Oxford Road",
           "Hamstead Road", "Kingsway", "Picton Close", "Alder Grove", "Beech Avenue", "Park Terrace",
           "Station Approach", "Victoria Crescent", "Church Walk", "Queens Drive", "Wellington Place"]  # fmt: skip
RELATIONS = ["husband", "wife", "partner", "friend", "boss", "landlord", "neighbour", "cousin", "brother-in-law",
             "ex-partner", "employer", "sister", "uncle", "flatmate", "support worker"]  # fmt: skip


def _d(r: random.Random, n: int) -> str:
    return "".join(r.choice("0123456789") for _ in range(n))


def _L(r: random.Random, n: int, letters: str = "ABCDEFGHJKLMNPRSTUVWXYZ") -> str:  # noqa: N802
    return "".join(r.choice(letters) for _ in range(n))


def _nhs(r: random.Random, valid: bool) -> str:
    while True:
        d = str(r.choice([4, 6, 7])) + _d(r, 8)
        total = sum(int(c) * w for c, w in zip(d, range(10, 1, -1), strict=True))
        check = (11 - total % 11) % 11
        if check == 10:
            continue
        if not valid:
            check = (check + r.randint(1, 9)) % 10
        return d + str(check)


def identifier(r: random.Random, typ: str) -> str:
    """One writing of an identifier of ``typ`` (all fictional)."""
    if typ == "PHONE":
        kind = r.randrange(12)
        mob = "7" + r.choice(["700 900", "911", "458", "812", "403", "960", "534"])[:3] + _d(r, 6)
        mob = mob[:10]
        if kind == 0:
            return f"0{mob[:4]} {mob[4:]}"
        if kind == 1:
            return f"+44 {mob[:4]} {mob[4:]}"
        if kind == 2:
            return f"+44 (0){mob[:4]} {mob[4:7]} {mob[7:]}"
        if kind == 3:
            return f"0{mob[:4]}-{mob[4:7]}-{mob[7:]}"
        if kind == 4:
            return f"0044 {mob}"
        if kind == 5:
            return f"020 7946 0{_d(r, 3)}"
        if kind == 6:
            return f"(0161) 496 0{_d(r, 3)}"
        if kind == 7:
            return f"0113 496 0{_d(r, 3)}"
        if kind == 8:
            return f"0{mob}"
        cc = r.choice(["+234 803", "+92 300", "+251 91", "+380 67", "+40 722", "+48 601", "+98 912", "+86 138",
                       "+84 90", "+63 917", "+233 24", "+254 712", "+252 61", "+964 770"])  # fmt: skip
        return f"{cc} {_d(r, 3)} {_d(r, 4)}"
    if typ == "NI_NUMBER":
        p = _L(r, 1, "ABCEGHJKLMNPRSTWXYZ") + _L(r, 1, "ABCEGHJKLMNPRSTWXYZ")
        d = _d(r, 6)
        form = r.randrange(5)
        sfx = r.choice("ABCD")
        return [f"{p} {d[:2]} {d[2:4]} {d[4:]} {sfx}", f"{p}{d}{sfx}", f"{p}{d}", f"{p}-{d[:2]}-{d[2:4]}-{d[4:]}-{sfx}",
                f"{p.lower()}{d}{sfx.lower()}"][form]  # fmt: skip
    if typ == "NHS_NUMBER":
        n = _nhs(r, r.random() < 0.7)
        return r.choice([f"{n[:3]} {n[3:6]} {n[6:]}", n, f"{n[:3]}-{n[3:6]}-{n[6:]}"])
    if typ == "POSTCODE":
        return r.choice([f"M{r.randint(1, 40)} {r.randint(0, 9)}{_L(r, 2, 'ABDEFGHJLNPQRSTUWXYZ')}",
                         f"LS{r.randint(1, 29)} {r.randint(1, 9)}{_L(r, 2, 'ABDEFGHJLNPQRSTUWXYZ')}",
                         f"B{r.randint(1, 99)} {r.randint(1, 9)}{_L(r, 2, 'ABDEFGHJLNPQRSTUWXYZ')}",
                         f"E1W {r.randint(1, 9)}{_L(r, 2, 'ABDEFGHJLNPQRSTUWXYZ')}",
                         f"SW1A {r.randint(1, 9)}{_L(r, 2, 'ABDEFGHJLNPQRSTUWXYZ')}",
                         f"G{r.randint(1, 80)} {r.randint(1, 9)}{_L(r, 2, 'ABDEFGHJLNPQRSTUWXYZ')}",
                         f"BT{r.randint(1, 94)} {r.randint(1, 9)}{_L(r, 2, 'ABDEFGHJLNPQRSTUWXYZ')}",
                         f"CF{r.randint(10, 99)}{r.randint(1, 9)}{_L(r, 2, 'ABDEFGHJLNPQRSTUWXYZ')}"])  # fmt: skip
    if typ == "EMAIL":
        g = r.choice(["amina", "k.okafor", "tesfaye.g", "rajinder_s", "malgosia", "wei.zhang88", "seun"])
        return f"{g}{_d(r, 2)}@{r.choice(['example.com', 'example.org', 'example.co.uk', 'mail.example.net'])}"
    if typ == "SOCIAL":
        h = r.choice(["blessing_o", "amina.k", "kwame_gh", "zahra.h", "dmitri_v", "nguyen.hoa"]) + _d(r, 2)
        return r.choice([f"@{h}", f"facebook.com/{h}", f"https://www.instagram.com/{h}", f"tiktok.com/@{h}"])
    if typ == "HOME_OFFICE_REF":
        return r.choice([f"{_L(r, 1)}{_d(r, 7)}", f"GWF0{_d(r, 8)}", f"{_L(r, 1)}{_d(r, 7)}/2",
                         f"W{_L(r, 1)}{r.randint(1, 9)} {r.randint(1, 9)}{_L(r, 2)} "
                         f"{r.randint(1, 9)}{_L(r, 1)}{r.randint(1, 9)}",
                         f"{_d(r, 4)}-{_d(r, 4)}-{_d(r, 4)}-{_d(r, 4)}"])  # fmt: skip
    if typ == "BRP":
        return r.choice(["ZR", "ZW", "RW", "ZU", "RE"]) + _d(r, 7)
    if typ == "PASSPORT":
        return r.choice([_d(r, 9), f"{_L(r, 1)}{_d(r, 8)}", f"{_L(r, 2)}{_d(r, 7)}", f"{_L(r, 1)}{_d(r, 7)}"])
    if typ == "CRIME_REF":
        return r.choice([f"{_d(r, 2)}/{_d(r, 5)}/{r.randint(15, 24)}", f"NFRC{_d(r, 10)}", f"{_d(r, 11)}",
                         f"CR/{_d(r, 6)}/{r.randint(15, 24)}", f"{_L(r, 2)}-{r.randint(15, 24)}-{_d(r, 6)}",
                         f"{r.randint(15, 24)}/{_d(r, 6)}{_L(r, 1)}", f"{_d(r, 7)}/{r.randint(15, 24)}"])  # fmt: skip
    if typ == "VEHICLE":
        return r.choice([f"{_L(r, 2)}{r.randint(10, 73)} {_L(r, 3)}", f"{_L(r, 1)}{r.randint(1, 999)} {_L(r, 3)}",
                         f"{_L(r, 3)} {r.randint(1, 999)}{_L(r, 1)}",
                         f"{_L(r, 2)}{r.randint(10, 73)}{_L(r, 3)}"])  # fmt: skip
    if typ == "BANK":
        k = r.randrange(4)
        if k == 0:
            return f"{_d(r, 2)}-{_d(r, 2)}-{_d(r, 2)}"
        if k == 1:
            return f"GB{_d(r, 2)} {_L(r, 4)} {_d(r, 4)} {_d(r, 4)} {_d(r, 4)} {_d(r, 2)}"
        if k == 2:
            return f"4{_d(r, 3)} {_d(r, 4)} {_d(r, 4)} {_d(r, 4)}"
        return f"{_d(r, 2)} {_d(r, 2)} {_d(r, 2)}"
    if typ == "DATE_OF_BIRTH":
        d, m, y = r.randint(1, 28), r.randint(1, 12), r.randint(1955, 2008)
        mon = MONTHS[m - 1]
        return r.choice([f"{d:02d}/{m:02d}/{y}", f"{d}/{m}/{y}", f"{d} {mon} {y}", f"{d}th of {mon} {y}",
                         f"{mon} {d}, {y}", f"{y}-{m:02d}-{d:02d}", f"{d}.{m}.{y}", f"{d} {mon[:3]} {y}"])  # fmt: skip
    if typ == "ADDRESS":
        street = r.choice(STREETS)
        return r.choice([f"{r.randint(1, 250)} {street}", f"Flat {r.randint(1, 30)}, {r.randint(1, 250)} {street}",
                         f"{r.randint(1, 250)}{r.choice('ab')} {street}"])  # fmt: skip
    if typ == "DRIVING_LICENCE":
        return (f"{_L(r, 5)}{r.randint(5, 9)}{r.choice(['0', '5'])}{r.randint(1, 9)}{r.randint(10, 28)}"
                f"{r.randint(0, 9)}{_L(r, 2)}9{_L(r, 2)} {_d(r, 2)}")
    raise ValueError(typ)


ID_SENTENCES = {
    "PHONE": ["He rang me from {x} every night.", "My number is {x}.", "Call her on {x} if you need her.",
              "The text came from {x}.", "Her mobile: {x}."],
    "NI_NUMBER": ["My National Insurance number is {x}.", "NI no. {x}", "He used my NI number {x} to work."],
    "NHS_NUMBER": ["My NHS number is {x}.", "The hospital letter has NHS no {x} on it."],
    "POSTCODE": ["We lived near {x}.", "The postcode is {x}.", "It was sent to {x}."],
    "EMAIL": ["Write to {x}.", "He emailed me from {x}.", "My email is {x}"],
    "SOCIAL": ["She posted it as {x}.", "His account is {x}.", "Find me on {x}"],
    "HOME_OFFICE_REF": ["My Home Office reference is {x}.", "The letter from UKVI had reference {x}.",
                        "Home Office ref: {x}"],
    "BRP": ["My BRP number is {x}.", "He took my residence permit, {x}."],
    "PASSPORT": ["My passport number is {x}.", "He kept my passport ({x})."],
    "CRIME_REF": ["The crime reference number is {x}.", "The police gave me the crime number {x}.",
                  "Incident number {x}."],
    "VEHICLE": ["The car's registration was {x}.", "He drove a white van, reg {x}."],
    "BANK": ["My wages went to the account with sort code {x}.", "He paid it into his bank, {x}.",
             "The card was {x}."],
    "DATE_OF_BIRTH": ["I was born on {x}.", "My date of birth is {x}.", "DOB: {x}"],
    "ADDRESS": ["I lived at {x}, {{{{{town}}}}}.", "They kept us at {x} in {{{{{town}}}}}.", "The house was {x}."],
    "DRIVING_LICENCE": ["My driving licence number is {x}."],
}  # fmt: skip

FACT_SENTENCES = [
    "In {{{{{month} {year}}}}} I reported it to {{{{{force}}}}}.",
    "I called {{{{999}}}} and they sent two officers.",
    "Later I rang {{{{101}}}} but nobody came.",
    "{{{{{force}}}}} passed my details to the {{{{Home Office}}}}.",
    "Officers from {{{{Immigration Enforcement}}}} came in {{{{{month} {year}}}}}.",
    "This happened in {{{{{town}}}}} in {{{{{year}}}}}.",
    "It was {{{{domestic abuse}}}}, and it went on until {{{{{month} {year}}}}}.",
    "I moved to {{{{{town}}}}} to get away.",
    "The {{{{Home Office}}}} wrote to me in {{{{{month}}}}}.",
    "I was afraid that {{{{{force}}}}} would tell the {{{{Home Office}}}}.",
]  # fmt: skip

NAME_SENTENCES = [
    "My {rel} {name} took my documents.",
    "{name} told me to keep quiet.",
    "I stayed with {name} for two weeks.",
    "A man called {name} offered me work.",
    "{title} {surname} asked about my visa.",
    "{name} and I went to the station together.",
    "Then {name} said he would call immigration.",
    "The lady from the church, {name}, helped me.",
    "I gave the money to {name}.",
    "{upper} IS THE ONE WHO HIT ME.",
    "Her daughter is {given}.",
    "I was scared of {name}'s brother.",
    "Everyone knew {name} from the market.",
    "My {rel}, {given}, was there.",
]  # fmt: skip
TITLES = ["Mr", "Mrs", "Ms", "PC", "DC", "Sergeant", "Dr", "Auntie", "Uncle", "Pastor", "Officer", "Inspector"]

KNOWN_SENTENCES = [
    "My name is {full}.", "{given} is what they call me.", "{title} {surname} is written on the letter.",
    "The officer wrote {upper} on the form.", "{given}'s children were at school.", "{initial}. {surname} signed it.",
    "I, {full}, make this statement.", "{surname}, {given} is how the Home Office writes it.",
    "Everyone calls me {alias}.", "They kept asking {given}\n{surname} to come back.", "{lower} is my name.",
]  # fmt: skip


def _person(r: random.Random) -> tuple[str, str]:
    bg = r.choice(list(SURNAME))
    given = r.choice(GIVEN[bg] + GIVEN["word_names"] * (1 if r.random() < 0.3 else 0))
    return given, r.choice(SURNAME[bg])


def generated(n: int = 120, seed: int = 2026) -> list[Statement]:
    r = random.Random(seed)
    out = []
    for i in range(n):
        kg, ks = _person(r)
        alias = r.choice(["Mimi", "Sisi", "Baba Tunde", "Jojo", "Lulu", kg[:3] + "i"])
        known = KnownIdentifiers(people=[(f"{kg} {ks}", [alias])])
        parts: list[str] = []
        for _ in range(r.randint(6, 10)):
            kind = r.random()
            town, force = r.choice(TOWNS), r.choice(FORCES)
            month, year = r.choice(MONTHS), r.randint(2012, 2025)
            if kind < 0.35:
                typ = r.choice(list(ID_SENTENCES))
                tmpl = r.choice(ID_SENTENCES[typ])
                x = identifier(r, typ)
                x_marked = "[[" + typ + "|" + x + "]]"
                parts.append(tmpl.format(x=x_marked, town=town))
            elif kind < 0.65:
                g, s = _person(r)
                while g == kg or s == ks:
                    g, s = _person(r)
                use_full = r.random() < 0.6
                name = f"[[NAME|{g} {s}]]" if use_full else f"[[NAME|{g}]]"
                tmpl = r.choice(NAME_SENTENCES)
                parts.append(tmpl.format(rel=r.choice(RELATIONS), name=name, title=r.choice(TITLES),
                                         surname=f"[[NAME|{s}]]", upper=f"[[NAME|{g.upper()} {s.upper()}]]",
                                         given=f"[[NAME|{g}]]"))  # fmt: skip
            elif kind < 0.85:
                parts.append(r.choice(FACT_SENTENCES).format(town=town, force=force, month=month, year=year))
            else:
                tmpl = r.choice(KNOWN_SENTENCES)
                parts.append(tmpl.format(full=f"[[K|{kg} {ks}]]", given=f"[[K|{kg}]]", surname=f"[[K|{ks}]]",
                                         title=r.choice(["Mr", "Mrs", "Ms"]), upper=f"[[K|{kg.upper()} {ks.upper()}]]",
                                         initial=f"[[K|{kg[0]}]]", alias=f"[[K|{alias}]]",
                                         lower=f"[[K|{kg.lower()} {ks.lower()}]]"))  # fmt: skip
        marked = " ".join(parts)
        marked = marked.replace("[[K|" + kg[0] + "]]. [[K|", "[[K|" + kg[0] + ". ")  # "R. Sandhu" as one span
        out.append(parse(f"g{i:03d}", marked, known))
    return out


def everything() -> list[Statement]:
    """The development set: hand-written and generated statements (the engine was tuned on these)."""
    return hand_written() + generated()


def held_out() -> list[Statement]:
    """Statements written after the engine was tuned and never used to change it."""
    return hand_written("statements_heldout.txt")


# --- scoring -------------------------------------------------------------------------------------

GROUPS = {"known": "known identifiers", "ids": "UK identifiers and contact details", "names": "unrecorded names"}


def group_of(gold_type: str) -> str:
    if gold_type == "K":
        return "known"
    if gold_type == "NAME":
        return "names"
    return "ids"


def fully_covered(text: str, spans: list[Span], start: int, end: int) -> bool:
    cover = bytearray(end - start)
    for s in spans:
        if s.end <= start or s.start >= end:
            continue
        for i in range(max(s.start, start), min(s.end, end)):
            cover[i - start] = 1
    return all(cover[i] or text[start + i].isspace() for i in range(end - start))


def score(statements: list[Statement], detect_fn) -> dict:
    per_type: dict[str, list[int]] = {}
    groups: dict[str, list[int]] = {g: [0, 0] for g in GROUPS}
    keep = [0, 0]
    misses: list[tuple[str, str, str]] = []
    damaged: list[tuple[str, str]] = []
    docs_clean = 0
    for st in statements:
        spans = detect_fn(st)
        clean = True
        for g in st.gold:
            hit = fully_covered(st.text, spans, g.start, g.end)
            t = per_type.setdefault(g.type, [0, 0])
            t[0] += hit
            t[1] += 1
            grp = groups[group_of(g.type)]
            grp[0] += hit
            grp[1] += 1
            if not hit:
                clean = False
                misses.append((st.id, g.type, st.text[g.start : g.end]))
        for ks, ke in st.keep:
            bad = any(s.start < ke and ks < s.end for s in spans)
            keep[0] += bad
            keep[1] += 1
            if bad:
                damaged.append((st.id, st.text[ks:ke]))
        docs_clean += clean
    return {
        "per_type": {
            t: {"found": v[0], "total": v[1], "recall": round(v[0] / v[1], 4)} for t, v in sorted(per_type.items())
        },
        "groups": {
            g: {"found": v[0], "total": v[1], "recall": round(v[0] / v[1], 4) if v[1] else None}
            for g, v in groups.items()
        },  # fmt: skip
        "facts": {"damaged": keep[0], "total": keep[1], "rate": round(keep[0] / keep[1], 4) if keep[1] else 0.0},
        "leak_free_documents": {"clean": docs_clean, "total": len(statements)},
        "misses": misses,
        "damaged": damaged,
    }
