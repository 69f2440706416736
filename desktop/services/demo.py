"""The demo vault: about thirty invented interviews to learn Witnessbox on, never mixed with real ones.

``witnessbox demo --vault DIR`` and the first-run screen's "Try it with demo data" make one. It is
a vault like any other, in its own folder, with three marks that it is not real:

* the vault carries a demo flag in its encrypted settings (:data:`DEMO_SETTING`): the app's window
  says DEMO on every screen, and every PDF made from it says so on every page;
* each interview's reference is ``WB-DEMO-XXXX`` (a real reference never holds the letter O);
* the people are invented, and their phone numbers are in Ofcom's range kept for drama.

The interviews cover many police forces, every crime type, victims and witnesses, statements and
names in Urdu, Punjabi and Bengali script as well as in English, and every consent state (given,
withdrawn, given for some uses only, not yet recorded), so that each screen has something to show.
They are saved through :func:`desktop.services.interviews.save_interview`, as the form saves.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from desktop.core.forces import force_by_code
from desktop.core.model import (
    DEMO_REFERENCE_PREFIX,
    Answer,
    Consent,
    ConsentUse,
    CrimeType,
    Identifier,
    IdentifierKind,
    Interview,
    Outcome,
    Person,
    PersonRole,
    Role,
    Status,
    YearMonth,
)
from desktop.paths import check_not_synced, make_private_dir
from desktop.services import interviews, vaults
from desktop.services.vaults import DEMO_SETTING, is_demo
from desktop.vault import KdfParams, Vault

__all__ = ["DEMO_COUNT", "DEMO_PASSPHRASE", "DEMO_SETTING", "create_demo_vault", "demo_folder", "demo_interviews",
           "is_demo", "open_demo_vault"]

DEMO_COUNT = 30
# The passphrase of the demo vault the app makes from its first-run screen. It is written here,
# in the open, on purpose: the vault holds invented interviews only, and anyone practising with it
# must be able to open it again. `witnessbox demo` asks for a passphrase like every command.
DEMO_PASSPHRASE = "demo vault with invented interviews only"
DEMO_FOLDER_NAME = "demo-vault"
_REF_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


@dataclass(frozen=True)
class _Voice:
    """An invented interviewee: name (as written in their script), language, and a sentence of theirs."""

    name: str
    alias: str
    language: str
    own_words: str  # a sentence in the interviewee's own script, naming nobody


_VOICES: tuple[_Voice, ...] = (
    _Voice("نازیہ پروین", "نازیہ", "Urdu", "میں بہت ڈر گئی تھی کہ پولیس مجھے واپس بھیج دے گی۔"),
    _Voice("عمران بشیر", "عمران", "Urdu", "افسر نے پہلے میرے ویزے کے بارے میں پوچھا۔"),
    _Voice("شازیہ اقبال", "شازیہ", "Urdu", "مجھے نہیں معلوم کہ میری شکایت کا کیا ہوا۔"),
    _Voice("ਹਰਪ੍ਰੀਤ ਕੌਰ", "ਹਰਪ੍ਰੀਤ", "Punjabi", "ਮੈਂ ਬਹੁਤ ਡਰ ਗਈ ਸੀ ਕਿ ਪੁਲਿਸ ਮੇਰੇ ਕਾਗਜ਼ ਦੇਖੇਗੀ।"),
    _Voice("ਗੁਰਮੀਤ ਸਿੰਘ", "ਗੁਰਮੀਤ", "Punjabi", "ਅਫ਼ਸਰ ਨੇ ਪਹਿਲਾਂ ਮੇਰੇ ਵੀਜ਼ੇ ਬਾਰੇ ਪੁੱਛਿਆ।"),
    _Voice("ਮਨਜੀਤ ਕੌਰ", "ਮਨਜੀਤ", "Punjabi", "ਮੈਨੂੰ ਨਹੀਂ ਪਤਾ ਕਿ ਮੇਰੀ ਸ਼ਿਕਾਇਤ ਦਾ ਕੀ ਹੋਇਆ।"),
    _Voice("রহিমা খাতুন", "রহিমা", "Bengali", "আমি খুব ভয় পেয়েছিলাম যে পুলিশ আমাকে ফেরত পাঠাবে।"),
    _Voice("আব্দুল হান্নান", "হান্নান", "Bengali", "অফিসার প্রথমে আমার ভিসার কথা জিজ্ঞেস করলেন।"),
    _Voice("নাসরিন সুলতানা", "নাসরিন", "Bengali", "আমার অভিযোগের কী হলো আমি জানি না।"),
    _Voice("Agnieszka Wrzosek", "Aga", "Polish", ""),
    _Voice("Ionela Brădescu", "Ioni", "Romanian", ""),
    _Voice("Tesfay Gebremariam", "Tesfay", "Tigrinya", ""),
    _Voice("Mariam Odukoya", "Mariam", "English", ""),
    _Voice("Luan Berisha", "Luan", "Albanian", ""),
    _Voice("Thi Hoa Tranh", "Hoa", "Vietnamese", ""),
)
_PERPETRATORS = ("Dariusz Kowalczyk", "Marcel Ionescu", "Kevin Hartwell", "Shahid Mahmood", "Ravinder Gill",
                 "Tariq Chowdhury", "Gary Pennock", "Edmund Vasey")
_WITNESSES = ("Joanne Priddy", "Femi Adeyemo", "Sabina Lupu", "Paul Okafor", "Bilqis Rahman")
_STREETS = ("Larch Close", "Foundry Lane", "Mill Row", "Station Parade", "Orchard Walk", "Canal Street")
_TOWNS = {"metropolitan": "Newham", "west-midlands": "Birmingham", "greater-manchester": "Rochdale",
          "west-yorkshire": "Bradford", "lancashire": "Blackburn", "leicestershire": "Leicester",
          "thames-valley": "Slough", "kent": "Gravesend", "south-wales": "Cardiff", "bedfordshire": "Luton",
          "unknown": "the town"}
# Most interviews come from a few large forces, so that the totals have figures to show as well
# as figures hidden for being small.
_FORCE_WEIGHTS = (("metropolitan", 7), ("west-midlands", 5), ("greater-manchester", 5), ("west-yorkshire", 3),
                  ("lancashire", 2), ("leicestershire", 2), ("thames-valley", 2), ("kent", 1), ("south-wales", 1),
                  ("bedfordshire", 1), ("unknown", 1))

_WHAT_HAPPENED: dict[CrimeType, str] = {
    CrimeType.DOMESTIC_ABUSE: "my partner {perp} hit me and locked me in the flat",
    CrimeType.SEXUAL_VIOLENCE: "a man I knew, {perp}, assaulted me after work",
    CrimeType.MODERN_SLAVERY: "my employer {perp} kept my passport and paid me nothing for months",
    CrimeType.OTHER_VIOLENCE: "{perp} attacked me in the street near my home",
    CrimeType.THEFT_FRAUD: "{perp} took my savings, saying he would sort out my visa",
    CrimeType.HATE_CRIME: "{perp} shouted abuse about where I come from and spat at me",
    CrimeType.OTHER: "{perp} threatened me outside the shop where I work",
}


def _reference(rng: random.Random, taken: set[str]) -> str:
    while True:
        ref = DEMO_REFERENCE_PREFIX + "".join(rng.choice(_REF_ALPHABET) for _ in range(4))
        if ref not in taken:
            taken.add(ref)
            return ref


def _consent(i: int, on: date, worker: str) -> dict[ConsentUse, Consent]:
    """Every consent state, most of them with consent for the complaint (so the totals have figures):
    all three uses; the complaint only; complaint and quotation; the complaint withdrawn later;
    nothing recorded yet; follow-up contact only."""
    given = {use: Consent(use, True, on, worker) for use in ConsentUse}
    pattern = i % 10
    if pattern in (0, 9):
        return given
    if pattern in (1, 2, 3):
        return {ConsentUse.COMPLAINT: given[ConsentUse.COMPLAINT]}
    if pattern in (4, 5):
        return {u: given[u] for u in (ConsentUse.COMPLAINT, ConsentUse.QUOTATION)}
    if pattern == 6:
        withdrawn = Consent(ConsentUse.COMPLAINT, True, on, worker, withdrawn_on=on + timedelta(days=12),
                            withdrawn_by=worker)
        return {ConsentUse.COMPLAINT: withdrawn, ConsentUse.CONTACT: given[ConsentUse.CONTACT]}
    if pattern == 7:
        return {}
    return {ConsentUse.CONTACT: given[ConsentUse.CONTACT]}


def demo_interviews(today: date, *, count: int = DEMO_COUNT, seed: int = 2026) -> list[Interview]:
    """``count`` invented interviews, the same ones for the same ``seed`` and ``today``."""
    rng = random.Random(seed)
    forces = [code for code, weight in _FORCE_WEIGHTS for _ in range(weight)]
    crimes = list(CrimeType)
    workers = ("Sam (outreach)", "Noor (outreach)", "Priya (outreach)")
    taken: set[str] = set()
    out: list[Interview] = []
    for i in range(count):
        voice = _VOICES[i % len(_VOICES)]
        crime = crimes[i % len(crimes)]
        # every force listed once, then the large ones more often
        force = _FORCE_WEIGHTS[i][0] if i < len(_FORCE_WEIGHTS) else forces[rng.randrange(len(forces))]
        interviewed = today - timedelta(days=7 + rng.randrange(420))
        months_back = rng.randrange(1, 10)
        y, m = divmod(interviewed.year * 12 + interviewed.month - 1 - months_back, 12)
        reported = YearMonth(y, m + 1)
        perp = _PERPETRATORS[rng.randrange(len(_PERPETRATORS))]
        witness = _WITNESSES[rng.randrange(len(_WITNESSES))]
        phone = f"07700 900{rng.randrange(1000):03d}"
        address = f"{rng.randrange(2, 98)} {_STREETS[rng.randrange(len(_STREETS))]}"
        ho_ref = f"{rng.choice('BGKMS')}{rng.randrange(10**6, 10**7)}"
        asked = rng.choice((Answer.YES, Answer.YES, Answer.NO, Answer.UNKNOWN))
        contacted = rng.choice((Answer.YES, Answer.NO, Answer.UNKNOWN))
        threat = rng.choice((Answer.YES, Answer.YES, Answer.NO))
        fear = rng.choice((Answer.YES, Answer.NO))
        outcomes = rng.sample([Outcome.IMMIGRATION_ACTION, Outcome.DETENTION, Outcome.CRIME_INVESTIGATED,
                               Outcome.CRIME_DROPPED, Outcome.NOT_KNOWN], k=rng.randrange(1, 3))
        worker = workers[i % len(workers)]
        town = _TOWNS.get(force, "the town")
        force_name = force_by_code(force).name if force != "unknown" else "the police"
        event = _WHAT_HAPPENED[crime].format(perp=perp)
        paragraphs = [
            f"My name is {voice.name}. My friends call me {voice.alias}. I live at {address}, {town}. "
            f"My Home Office reference is {ho_ref}.",
            f"In {reported.label()} {event}. My neighbour {witness} called the police from {phone}.",
            ("When the officers from {force} came, the first thing one of them asked was whether I had a visa. "
             if asked == Answer.YES else "I told the officers from {force} what happened. ").format(force=force_name)
            + ("He always said that if I went to the police, the Home Office would send me back. "
               if threat == Answer.YES else "")
            + ("Later someone from Immigration Enforcement phoned me. " if contacted == Answer.YES else "")
            + "Nobody told me what happened to my report.",
        ]
        if voice.own_words:
            paragraphs.append(voice.own_words)
        iv = Interview(
            interviewed_on=interviewed,
            role=(Role.VICTIM, Role.VICTIM, Role.WITNESS, Role.BOTH)[i % 4],
            crime_type=crime,
            force=force,
            reported_on=reported,
            statement="\n\n".join(paragraphs),
            people=[Person(voice.name, PersonRole.INTERVIEWEE, [voice.alias]),
                    Person(perp, PersonRole.PERPETRATOR, [perp.split()[0]]),
                    Person(witness, PersonRole.WITNESS)],
            identifiers=[Identifier(IdentifierKind.HOME_OFFICE_REF, ho_ref), Identifier(IdentifierKind.PHONE, phone),
                         Identifier(IdentifierKind.ADDRESS, address)],
            consent=_consent(i, interviewed, worker),
            asked_about_status=asked,
            immigration_enforcement_contacted=contacted,
            what_was_shared="My address and my visa status" if contacted == Answer.YES else "",
            outcomes=outcomes,
            fear_delayed_reporting=fear,
            status_used_as_threat=threat,
            language=voice.language,
            interpreter_used=voice.language != "English",
            interviewer=worker,
            status=Status.DRAFT if i % 10 == 9 else Status.COMPLETE,
            reference=_reference(rng, taken),
        )
        out.append(iv)
    return out


def create_demo_vault(directory: Path, passphrase: str, *, kdf: KdfParams | None = None,
                      today: date | None = None, count: int = DEMO_COUNT) -> Vault:
    """A new field vault in ``directory``, flagged as a demo and filled with invented interviews;
    returned unlocked. Refused (:class:`~desktop.services.errors.Refused`) if a vault is there.
    The flag is set before the first interview is saved, so even a vault left half-filled (power
    cut) says DEMO."""
    # Here, not at the top: the app reads demo_folder() before its lock screen shows, and the
    # transfer keys (pyrage) are not loaded that early (tests/ui/test_startup_imports.py).
    from desktop.services import transfer

    today = today or date.today()
    vault = transfer.create_vault(Path(directory), passphrase, "field", kdf=kdf)
    try:
        vault.settings.set(DEMO_SETTING, True)
        for iv in demo_interviews(today, count=count):
            interviews.save_interview(vault, iv, today=today)
    except BaseException:
        vault.lock()
        raise
    return vault


def open_demo_vault(directory: Path, *, kdf: KdfParams | None = None, today: date | None = None) -> Vault:
    """The app's demo vault ("Try it with demo data"), made on first use with :data:`DEMO_PASSPHRASE`
    and opened with it after; returned unlocked. A cloud-synced folder is refused as for any vault."""
    directory = check_not_synced(Path(directory))
    if Vault.exists(directory):
        return vaults.unlock(directory, DEMO_PASSPHRASE)
    make_private_dir(directory.parent)
    return create_demo_vault(directory, DEMO_PASSPHRASE, kdf=kdf, today=today)


def demo_folder(data_dir: Path) -> Path:
    """Where the app keeps its demo vault: beside the usual vault, never inside it."""
    return Path(data_dir) / DEMO_FOLDER_NAME
