"""Word lists the detectors use.

The large lists ship under ``desktop/resources/wordlists/`` (see SOURCES.md there for where they come
from and their licences): ``english.txt`` (English words, all lower case, from SCOWL) and
``english_us.txt`` (the American spellings SCOWL adds), ``places.txt`` (UK towns and districts,
countries, large world cities, from GeoNames). The small
lists below are written for Witnessbox. Nothing is downloaded at run time.
"""

from __future__ import annotations

import re
from functools import lru_cache

from desktop.core.forces import all_force_names
from desktop.redaction.fold import fold
from desktop.resources import resource_path


def _words(s: str) -> frozenset[str]:
    return frozenset(w.strip().lower() for w in s.split() if w.strip())


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """British spellings, and the American ones SCOWL's American list adds ("organization", "center")."""
    out: set[str] = set()
    for name in ("english.txt", "english_us.txt"):
        with open(resource_path("wordlists/" + name), encoding="utf-8") as fh:
            out.update(fold(line.strip()) for line in fh if line.strip())
    return frozenset(out)


@lru_cache(maxsize=1)
def place_names() -> tuple[str, ...]:
    path = resource_path("wordlists/places.txt")
    with open(path, encoding="utf-8") as fh:
        return tuple(line.strip() for line in fh if line.strip())


@lru_cache(maxsize=1)
def multiword_places() -> dict[str, list[tuple[str, ...]]]:
    """Folded first word -> the places that start with it, as word tuples, longest first."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for p in place_names():
        words = tuple(w for w in re.split(r"[\s\-]+", fold(p)) if w)
        if len(words) > 1:
            out.setdefault(words[0], []).append(words)
    for v in out.values():
        v.sort(key=len, reverse=True)
    return out


def _place_key(name: str) -> str:
    """A place's name compared whatever its apostrophes, hyphens and spaces ("King's Cross")."""
    return " ".join(re.split(r"[\s\-]+", fold(name).replace("’", "'")))


@lru_cache(maxsize=2)
def small_places(which: str) -> frozenset[str]:
    """Places too small or too far for ``places.txt``, a place only where the wording says so ("at
    Calais", "from Kilbarchan"): ``"uk"``, the towns, villages and districts of the UK and Ireland
    with 500 people or more; ``"world"``, the world's towns with 15,000 or more (SOURCES.md)."""
    name = {"uk": "places_uk_small.txt", "world": "places_world.txt"}[which]
    with open(resource_path("wordlists/" + name), encoding="utf-8") as fh:
        return frozenset(_place_key(line.strip()) for line in fh if line.strip())


def place_key(words: list[str]) -> str:
    return _place_key(" ".join(words))


@lru_cache(maxsize=1)
def folded_places() -> frozenset[str]:
    """Every name of ``places.txt``, folded ("southall", "tower hamlets"): read once, not per
    recorded address."""
    return frozenset(fold(p) for p in place_names())


@lru_cache(maxsize=1)
def place_tokens() -> frozenset[str]:
    """Folded one-word place names ("leeds", "eritrea")."""
    return frozenset(fold(p) for p in place_names() if " " not in p and "-" not in p)


# Titles and ranks: the capitalised word after one is a name, even if it is also an English word
# ("PC Smith", "Mrs Hope"). The title itself stays (it says the person is an officer, say).
TITLES = _words("""
mr mrs ms miss mx dr doctor prof professor sir dame lady lord madam madame mister
pc wpc dc ds di dci dsi det sgt sergeant insp inspector officer constable detective pcso superintendent
ch chief supt
auntie aunty aunt uncle mama mamma papa baba mum dad sister brother pastor imam father sheikh shaykh
reverend rev bishop mullah rabbi hajji haji alhaji alhaja mallam chief judge councillor cllr
commissioner secretary minister agent director mayor president governor senator chancellor ambassador
spokesperson spokesman spokeswoman chair chairman chairwoman chairperson attorney barrister magistrate
coroner commander lieutenant captain deputy
""")
# Ranks and offices also written in capitals ("PC Smith", "Labour MP Okoro", "Ama Boateng QC").
CAPS_TITLES = _words("pc dc ds di dci pcso wpc sgt mp qc kc pm")

# Words after which a capitalised word is very likely a person ("my husband Tariq").
RELATIONS = _words("""
husband wife partner ex boyfriend girlfriend fiance fiancee friend friends boss employer manager landlord
landlady neighbour neighbor cousin brother sister son daughter mother father mum mom dad uncle aunt auntie aunty
niece nephew child baby kids children colleague flatmate housemate roommate sponsor agent caseworker solicitor
lawyer interpreter abuser attacker trafficker supervisor stepfather stepmother stepson stepdaughter grandmother
grandfather grandma grandad granny nan relative contact teacher doctor midwife worker keyworker mate pimp
brother-in-law sister-in-law mother-in-law father-in-law son-in-law daughter-in-law ex-husband ex-wife
ex-partner ex-boyfriend ex-girlfriend co-wife guardian carer driver client customer owner shopkeeper
""")
POSSESSIVES = _words("my her his their our your the a an another")
# Verbs and phrases after which a capitalised word is a name ("a man called Hope").
NAME_CUES = ("called", "named", "name is", "name was", "name's", "known as", "calls himself", "calls herself",
             "nicknamed", "alias", "aka", "a.k.a.", "introduced himself as", "introduced herself as",
             "signed by", "spoke to", "went by", "goes by", "asked for", "ask for", "worked for", "work for",
             "working for", "works for", "employed by", "paid by", "married to", "engaged to", "living with",
             "lived with", "trafficked by", "attacked by", "raped by", "beaten by", "threatened by", "abused by",
             "hit by", "sent by", "brought by", "followed by", "controlled by")  # fmt: skip

# Joining particles inside names ("Abdullah bin Hamad", "van der Berg", "al-Sayed").
PARTICLES = _words(
    "al el bin binti bint ibn abu abd abdul van von der den de di da du dos das del della dela delos le la ul ud "
    "san ter ten mac ap ould ag wa bte bt"
)

# Common English function words: never part of a name even when capitalised at a sentence start.
FUNCTION_WORDS = _words("""
a about above after again against all also although am an and another any anyone anything are as at
back be because been before being below between both but by can could did do does doing done down during
each either else even ever every everyone everything few first for from further had has have having he
her here hers herself him himself his how however i if in into is it its itself just last later least
less let like many may maybe me might more most much must my myself never next no nobody none nor not
nothing now of off often on once one only or other others our ours ourselves out over own perhaps please
quite rather really same she should since so some someone something sometimes soon still such than that
the their theirs them themselves then there these they this those though through thus to today together
tomorrow too towards under until up upon us very was we well were what whatever when where whether which
while who whom whose why will with within without would yes yesterday yet you your yours yourself
after afterwards eventually finally suddenly luckily unfortunately meanwhile instead also around
dear hello hi thanks thank okay ok oh
said told asked went came got took made saw called says tells
did does do was is has had can should every only even again once because although where why how what who
before since while until poor little old young big anyway later sometimes
""")

MONTHS = _words("""january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec""")
DAYS = _words("monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun")
FULL_MONTHS = _words("january february march april may june july august september october november december")
FULL_DAYS = _words("monday tuesday wednesday thursday friday saturday sunday")

# Capitalised words that are not names: nationalities, languages, faiths, holidays, common acronyms.
# Nationalities and peoples ("Filipino", "Somali"): never names, and said of a person ("Maria is Filipino").
NATIONALITIES = _words("""
afghan afghani albanian algerian american angolan arab arabic armenian azerbaijani bangladeshi bengali bangla
belarusian bolivian bosnian brazilian british bulgarian burmese burundian cameroonian chadian chilean chinese
colombian congolese croatian cuban czech dutch ecuadorian egyptian english eritrean estonian ethiopian european
filipino filipina french gambian georgian german ghanaian greek guinean haitian hungarian indian indonesian
iranian iraqi irish israeli italian ivorian jamaican japanese jordanian kazakh kenyan korean kosovan kosovar
kurdish kurd kuwaiti kyrgyz latvian lebanese liberian libyan lithuanian malawian malaysian malian mexican
moldovan mongolian moroccan nepali nepalese nigerian pakistani palestinian persian peruvian polish portuguese
romanian russian rwandan salvadoran saudi scottish senegalese serbian sierra leonean slovak slovakian
somali somalian spanish sri lankan sudanese syrian tajik tamil thai tibetan turkish turkmen ugandan ukrainian
uzbek venezuelan vietnamese welsh yemeni zambian zimbabwean african asian caribbean latin
""")


def _languages() -> dict[str, str]:
    """``wordlists/languages.txt``: the words of the Unicode CLDR's English names of languages
    ("akan", "kikuyu", "sotho"), each with why it may still be someone's name ("given", "surname",
    "short") or "" where no list gives it anyone (SOURCES.md; ``tools/languages_cldr.py`` remakes it). Read
    once, at import: 556 short lines."""
    out: dict[str, str] = {}
    with open(resource_path("wordlists/languages.txt"), encoding="utf-8") as fh:
        for line in fh:
            word, _, why = line.rstrip("\n").partition("\t")
            if word:
                out[word] = why
    return out


# Every word of a language's name, and those of them no list of the engine gives people. Read with
# the wording only (``languages_spoken``: "I speak Akan", "a Saho elder"), never in ``NOT_NAMES``:
# many are also surnames no list holds ("Kamba", "Bemba", "Meru": "my boss Kamba took my passport").
LANGUAGES = _languages()
LANGUAGE_WORDS = frozenset(LANGUAGES)
LANGUAGES_NO_NAME = frozenset(w for w, why in LANGUAGES.items() if not why)
NOT_NAMES = NATIONALITIES | _words("""
amharic tigrinya tigre oromo pashto dari farsi urdu hindi punjabi gujarati sylheti bengali tagalog lingala
swahili yoruba igbo hausa twi wolof fula krio mandarin cantonese hakka fujianese romani kurmanji sorani
muslim muslims islam islamic christian christians catholic orthodox protestant pentecostal evangelical jewish
hindu sikh buddhist quran koran bible god allah jesus church mosque gurdwara temple
christmas easter eid ramadan diwali vaisakhi
nhs brp ho ukvi uk gb eu usa us un unhcr iom ngo ngos gp gps a&e cctv id ids dna ok tv sms pdf asap ptsd
cps iopc hmicfrs hmrc dwp dvla dbs esol nrm nass aspen ilr flr eea euss evisa visa gwf uan cid arc ihs
pc pcso dc ds di dci sgt insp mr mrs ms dr
whatsapp facebook instagram tiktok snapchat telegram signal viber imo skype twitter youtube gmail hotmail
google yahoo outlook iphone android samsung
police station court crown magistrates hospital council
barclays lloyds hsbc natwest santander monzo nationwide halifax revolut starling tesco asda sainsbury sainsburys
lidl aldi morrisons primark amazon uber deliveroo western union moneygram
jobcentre jobcentreplus hmcts ofsted nass homeoffice ukba
iban bic swift pnc urn cad dob nino mrz pin otp vrm sia ni
""")

# Given names that are also English words: a capitalised one in mid-sentence is taken as a name.
WORD_NAMES = _words("""
hope blessing blessed patience grace faith joy precious gift mercy charity prudence comfort peace favour
favor goodness princess happiness rose lily daisy ivy amber pearl ruby jade crystal dawn summer april may
june will bill mark jack frank victor rich sandy victory godswill innocent lucky marvellous wisdom miracle
promise testimony treasure destiny divine glory honour honor justice love lovely success sunshine star
sunday monday friday christmas goodluck godspower godstime favour beauty gentle smart sweet hero
precious rejoice praise prosper unity harmony liberty freedom memory violet iris hazel holly heather
willow autumn river sky storm rain snow coral olive ginger candy honey sugar cherry berry robin wren
dove jay drew grant dean chase hunter mason carter cash earl duke king prince rex baron major sterling
""")

# The endings of street names ("Harehills Lane", "Cowper St").
STREET_SUFFIXES = (
    "Road",
    "Rd",
    "Street",
    "St",
    "Avenue",
    "Ave",
    "Lane",
    "Ln",
    "Close",
    "Cl",
    "Crescent",
    "Cres",
    "Drive",
    "Dr",
    "Way",
    "Gardens",
    "Gdns",
    "Grove",
    "Gr",
    "Place",
    "Pl",
    "Square",
    "Sq",
    "Terrace",
    "Terr",
    "Tce",
    "Court",
    "Ct",
    "Hill",
    "Park",
    "Rise",
    "Row",
    "Walk",
    "Mews",
    "Parade",
    "Pde",
    "Green",
    "View",
    "Vale",
    "Mount",
    "Estate",
    "Broadway",
    "Boulevard",
    "Circus",
    "Wharf",
    "Yard",
    "Quay",
    "Approach",
    "Gate",
    "Brow",
    "Fold",
    "Wynd",
    "Chase",
    "Croft",
    "Fields",
    "Heights",
    "Villas",
    "Cottages",
    "Buildings",
    "Passage",
    "Embankment",
    "Highway",
    "Hotel",
    "Tower",
    "Towers",
    "Flats",
    "House",
)

CRIME_TYPES = (
    "domestic abuse",
    "domestic violence",
    "sexual violence",
    "sexual assault",
    "rape",
    "modern slavery",
    "trafficking",
    "human trafficking",
    "labour exploitation",
    "sexual exploitation",
    "forced labour",
    "forced marriage",
    "honour-based abuse",
    "hate crime",
    "theft",
    "fraud",
    "robbery",
    "burglary",
    "assault",
    "harassment",
    "stalking",
    "coercive control",
    "criminal exploitation",
    "county lines",
    "exploitation",
)

# Who stays named: public bodies and organisations that help (editable: ``detect(allow=...)``).
PUBLIC_BODIES = (
    "Home Office",
    "Immigration Enforcement",
    "UK Visas and Immigration",
    "UKVI",
    "Border Force",
    "UK Border Agency",
    "Independent Office for Police Conduct",
    "IOPC",
    "HMICFRS",
    "College of Policing",
    "Crown Prosecution Service",
    "CPS",
    "Action Fraud",
    "Crimestoppers",
    "National Referral Mechanism",
    "Salvation Army",
    "Police",
    "Department for Work and Pensions",
    "DWP",
    "HMRC",
    "NHS",
    "Crown Court",
    "Magistrates Court",
    "Magistrates' Court",
    "Immigration Tribunal",
    "First-tier Tribunal",
    "Legal Aid Agency",
    "Serco",
    "Mears",
    "Clearsprings",
    "Migrant Help",
    "Modern Slavery Helpline",
    "Police Station",
    "High Court",
)
HELPING_ORGANISATIONS = (
    "Southall Black Sisters",
    "Liberty",
    "Refugee Council",
    "Refugee Action",
    "British Red Cross",
    "Red Cross",
    "Citizens Advice",
    "Women's Aid",
    "Refuge",
    "Victim Support",
    "Hope for Justice",
    "Kanlungan",
    "Kalayaan",
    "Latin American Women's Rights Service",
    "LAWRS",
    "JCWI",
    "Joint Council for the Welfare of Immigrants",
    "Praxis",
    "Doctors of the World",
    "Shelter",
    "Samaritans",
    "Rape Crisis",
    "Solace",
    "Asylum Aid",
    "Unseen",
    "Helen Bamber Foundation",
    "Freedom from Torture",
    "Jesuit Refugee Service",
    "Maternity Action",
    "Step Up Migrant Women",
    "Imkaan",
    "Latin American Women's Aid",
    "Safety4Sisters",
    "Migrants' Rights Network",
    "Bail for Immigration Detainees",
    "Medical Justice",
    "Detention Action",
    "Women for Refugee Women",
)


def default_allow_list() -> tuple[str, ...]:
    return tuple(all_force_names()) + PUBLIC_BODIES + HELPING_ORGANISATIONS + CRIME_TYPES


# --- Urdu, Arabic, Hindi, Punjabi (Gurmukhi), Bengali: name cues in the interviewee's own words ---
# These scripts have no capital letters, so a word in them says nothing about being a name; only a
# cue does ("ਮੇਰਾ ਪਤੀ ...", "میرا شوہر ...", "मेरे पति ...", "আমার স্বামী ...", "زوجي ..."). Words are
# compared folded (harakat, nukta and virama dropped), as everywhere else.


def _folded_words(s: str) -> frozenset[str]:
    return frozenset(fold(w) for w in s.split() if w.strip())


# Possessives and genitive postpositions before a relation ("my", "her", "X's").
SCRIPT_POSSESSIVES = _folded_words("""
میرا میری میرے ہمارا ہماری ہمارے تمہارا تمہاری تمہارے کا کی کے
मेरा मेरी मेरे हमारा हमारी हमारे उसका उसकी उसके उनका उनकी उनके तुम्हारा तुम्हारी तुम्हारे का की के
ਮੇਰਾ ਮੇਰੀ ਮੇਰੇ ਸਾਡਾ ਸਾਡੀ ਸਾਡੇ ਉਸਦਾ ਉਸਦੀ ਉਸਦੇ ਉਹਦਾ ਉਹਦੀ ਉਹਦੇ ਤੁਹਾਡਾ ਤੁਹਾਡੀ ਤੁਹਾਡੇ ਦਾ ਦੀ ਦੇ
আমার আমাদের তার তাদের ওর ওদের তোমার
""")
# Relations (after a possessive, the next words are most likely the person's name).
SCRIPT_RELATIONS = _folded_words("""
شوہر خاوند بیوی دوست سہیلی بھائی بہن کزن مالک باس سسر ساس بیٹا بیٹی ماں والدہ والد باپ چچا ماموں خالہ
پھوپھی دیور جیٹھ نند بھابھی پڑوسی ہمسایہ منگیتر وکیل ایجنٹ
पति पत्नी दोस्त मित्र सहेली भाई बहन मालिक बॉस ससुर सास बेटा बेटी माँ मां पिता चाचा मामा मौसी बुआ देवर जेठ
ननद भाभी पड़ोसी मंगेतर वकील एजेंट
ਪਤੀ ਘਰਵਾਲਾ ਪਤਨੀ ਘਰਵਾਲੀ ਦੋਸਤ ਸਹੇਲੀ ਭਰਾ ਭੈਣ ਮਾਲਕ ਬੌਸ ਸਹੁਰਾ ਸੱਸ ਪੁੱਤ ਪੁੱਤਰ ਧੀ ਮਾਂ ਪਿਤਾ ਪਿਓ ਚਾਚਾ ਮਾਮਾ
ਮਾਸੀ ਭੂਆ ਦਿਓਰ ਜੇਠ ਨਣਦ ਭਰਜਾਈ ਗੁਆਂਢੀ ਮੰਗੇਤਰ ਵਕੀਲ ਏਜੰਟ
স্বামী স্ত্রী বন্ধু বান্ধবী ভাই বোন মালিক বস শ্বশুর শাশুড়ি ছেলে মেয়ে মা বাবা চাচা কাকা মামা খালা ফুপু দেবর
ননদ ভাবি প্রতিবেশী উকিল দালাল
""")
# Words that are a cue on their own: Arabic relations with their possessive ending ("my husband"),
# "name", "named", "called", and titles ("Shri", "Janab", "al-Sayyid").
SCRIPT_CUES = _folded_words("""
زوجي زوجتي صديقي صديقتي أخي أختي ابني ابنتي أمي أبي عمي خالي جاري جارتي مديري كفيلي خطيبي خطيبتي
اسمه اسمها اسمي يدعى تدعى يسمى تسمى المدعو المدعوة السيد السيدة الحاج الشيخ
نام جناب محترم محترمہ
नाम श्री श्रीमती सुश्री
ਨਾਮ ਨਾਂ ਸ੍ਰੀ ਸ੍ਰੀਮਤੀ ਸ਼੍ਰੀ ਸ਼੍ਰੀਮਤੀ
নাম শ্রী শ্রীমতী জনাব
""")
# Postpositions, auxiliaries, conjunctions and pronouns: a name after a cue ends before one of these.
SCRIPT_STOP_WORDS = _folded_words("""
نے کو سے میں پر ہے ہیں تھا تھی تھے اور بھی نہیں جو کہ نامی صاحب ہی تو وہ یہ مجھے مجھ ہمیں اسے اس ان کر کیا گیا
گئی ساتھ لیے
ने को से में पर है हैं था थी थे और भी नहीं जो कि नामक ही तो वह यह मुझे मुझसे हमें उसे उस उन कर किया गया गई साहब
जी साथ लिए
ਨੇ ਨੂੰ ਤੋਂ ਵਿੱਚ ਵਿਚ ਤੇ ਹੈ ਹਨ ਸੀ ਸਨ ਅਤੇ ਵੀ ਨਹੀਂ ਜੋ ਕਿ ਹੀ ਤਾਂ ਉਹ ਇਹ ਮੈਨੂੰ ਸਾਨੂੰ ਉਸਨੂੰ ਉਸ ਕਰ ਕੀਤਾ ਗਿਆ ਗਈ ਜੀ
ਸਾਹਿਬ ਨਾਲ ਲਈ
ও আর এবং আমাকে আমি তাকে সে যে না ছিল ছিলেন আছে হয় করে বলে বলল কে কি সাথে সঙ্গে থেকে দিয়ে জন্য সাহেব
و في من إلى على عن مع هو هي كان كانت لا لم أن قال قالت الذي التي ثم
""") | SCRIPT_POSSESSIVES | SCRIPT_RELATIONS | SCRIPT_CUES
