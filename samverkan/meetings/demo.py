"""Demo data for council work in "Älvstads kommun": people, bodies, meetings and minutes.

`load_demo` runs after `samverkan.organisations.demo.load_demo` on the same database and tells
the story of the council (Samverkansrådet), the department network (C-nätet), the executive
committee (AU), the working groups and the nominating committee (Valberedningen) from the
1 January two years before `today` until half a year after it. Everything is fictional: the
people, their words and the municipality.

The calendar repeats every year (four council meetings, two of them joint with C-nätet, AU two
weeks before each, two theme evenings, a conference, an election evening ...) and the content
of each term is written below, term by term: the oldest term is term 0, the term of `today` is
term 4 and term 6 is the next spring. Meetings before `today` get minutes; the next council
meeting gets a full agenda and its notice; later dates are only planned.

Every row is made through `samverkan.meetings.services`, as the site makes it, except parties
and composition rules (data the secretary edits with the ORM). The services stamp everything
with the present moment, so afterwards the demo moves those timestamps back to when the story
says they happened (`_Story.backdate`), with `QuerySet.update()` on the timestamp columns only,
like the organisations demo does.

The same seed and the same `today` always give the same demo.
"""

from __future__ import annotations

import random
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.db.models import Max, Min, Q
from django.test import override_settings
from django.utils import timezone

from samverkan.accounts.models import User
from samverkan.core.models import new_token
from samverkan.meetings import services
from samverkan.meetings.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    Body,
    BodyKind,
    CarriedOverPoint,
    CompositionRule,
    Decision,
    Invitation,
    ItemType,
    Meeting,
    MeetingKind,
    Membership,
    MembershipRole,
    MinutesRevision,
    Party,
    Person,
)
from samverkan.organisations.demo import SECRETARY_EMAIL, DemoDatabaseNotEmpty
from samverkan.organisations.models import Organisation, OrganisationKind, OrganisationLink
from samverkan.outbox.models import OutboundEmail

PLACE_HOUSE = "Föreningarnas Hus, Storgatan 12"
PLACE_TEAMS = "Digitalt (Teams)"
PLACE_CITY_HALL = "Stadshuset, sammanträdesrum Älven"
PLACE_VILLAGE_HALL = "Vinterö bygdegård, Byvägen 4"
PLACE_CONFERENCE = "Stockholm"
TEAMS_URL = "https://teams.example.org/l/meetup-join/alvstad"
EMAIL_DOMAIN = "example.org"
RECORDED_BY_SECRETARY = "Helena Sjödin, sekreterare"

MONTHS = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
]

PARTIES = [
    ("S", "Socialdemokraterna"),
    ("M", "Moderaterna"),
    ("L", "Liberalerna"),
    ("C", "Centerpartiet"),
    ("V", "Vänsterpartiet"),
    ("KD", "Kristdemokraterna"),
    ("MP", "Miljöpartiet de gröna"),
    ("SD", "Sverigedemokraterna"),
]

# --- People ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _P:
    key: str
    name: str
    email: bool = True  # fornamn.efternamn@example.org
    phone: str = ""  # numbers from the range reserved for fiction
    intro: str = ""  # how the minutes introduce them when they come as a guest


PEOPLE = [
    # Samverkansrådet: civil society
    _P("birgitta", "Birgitta Lövgren"),
    _P("mehmet", "Mehmet Kaya", phone="070-174 06 02"),
    _P("jonas", "Jonas Wennberg"),
    _P("ylva", "Ylva Grahn"),
    _P("sanna", "Sanna Ekwall"),
    _P("goran", "Göran Almqvist"),
    _P("petra", "Petra Sundin"),
    _P("daniel", "Daniel Mwangi"),
    _P("rebecka", "Rebecka Tallgren"),
    _P("elias", "Elias Nordqvist"),
    _P("kjell", "Kjell Bergdahl", email=False, phone="070-174 06 31"),
    _P("nadia", "Nadia Rahimi"),
    _P("viktor", "Viktor Lindblom"),
    _P("aisha", "Aisha Warsame"),
    _P("farhad", "Farhad Karimi"),
    # Samverkansrådet: elected politicians
    _P("henrik", "Henrik Ståhl"),
    _P("amira", "Amira Begić"),
    _P("jenny", "Jenny Norrman"),
    _P("patrik", "Patrik Ekvall"),
    # The municipality's coordinator: secretary of the council, KLF in C-nätet
    _P("helena", "Helena Sjödin", phone="070-174 06 10"),
    # C-nätet
    _P("tobias", "Tobias Lindén"),
    _P("maja", "Maja Fredriksson"),
    _P("oskar", "Oskar Brandt"),
    _P("cecilia", "Cecilia Hammar"),
    _P("samir", "Samir Haddad"),
    _P("louise", "Louise Granlund"),
    _P("erik", "Erik Svedberg"),
    _P("therese", "Therese Wikman", intro="Vård- och omsorgsförvaltningen"),
    _P("anneli", "Anneli Roos"),
    # Valberedningen
    _P("gunnel", "Gunnel Åkesson", phone="070-174 06 18"),
    _P("ibrahim", "Ibrahim Yusuf"),
    _P("karolina", "Karolina Strid"),
    # Speakers and guests from the municipality
    _P("johan", "Johan Rydell", intro="beredskapssamordnare, Kommunledningsförvaltningen"),
    _P(
        "nora",
        "Nora Åkerlund",
        intro="översiktsplanerare, Miljö- och stadsbyggnadsförvaltningen",
    ),
    _P(
        "malin",
        "Malin Thörn",
        intro="utvecklingsledare för social hållbarhet, Kommunledningsförvaltningen",
    ),
    _P("per", "Per Östling", intro="hyresgästdialog, Älvstadsbostäder AB"),
    _P(
        "karim",
        "Karim Mansour",
        intro="samordnare för idéburet offentligt partnerskap, Socialförvaltningen",
    ),
    _P("lovisa", "Lovisa Brink", intro="landsbygdsutvecklare, Kommunledningsförvaltningen"),
    _P("tomas", "Tomas Kjellberg", intro="digitaliseringsledare, Kommunledningsförvaltningen"),
    _P("sofia", "Sofia Lantz", intro="kommunikatör, Kommunledningsförvaltningen"),
    # Speakers from outside
    _P("hanna", "Hanna Fält", intro="forskare i socialt arbete"),
    _P("linda", "Linda Ohlsson", intro="forskare om ungas engagemang"),
    _P("gustav", "Gustav Hellström", intro="Nätverket för psykisk hälsa i Älvstad"),
    # Guests from civil society at the open evenings
    _P("annika", "Annika Sjöholm", intro="Kvinnojouren Älvstad"),
    _P("bengt", "Bengt Ljungqvist", email=False, intro="Stiftelsen Kvarnby Kvarn"),
    _P("fatima", "Fatima Osman", intro="Arabiska kvinnoföreningen i Älvstad"),
    _P("marcus", "Marcus Bergkvist", intro="Civilförsvarsföreningen i Älvstad"),
    _P("eva", "Eva Sandell", intro="Demensföreningen i Älvstad"),
    _P("tuula", "Tuula Heikkinen", intro="Finska föreningen i Älvstad"),
    _P("oliver", "Oliver Nyberg", intro="Ung Kraft Älvstad"),
    _P("siv", "Siv Backlund", email=False, phone="070-174 06 44", intro="Älvstads Filmstudio"),
    _P("dragana", "Dragana Petrović", intro="Bosnisk-hercegovinska föreningen i Älvstad"),
    _P("hampus", "Hampus Lind", intro="Föreningen Stadsodlarna i Älvstad"),
    _P("janerik", "Jan-Erik Dahlgren", intro="Stiftelsen Lindås Hembygdsgård"),
    _P("amanda", "Amanda Forsén", intro="Föreningen Läxhjälpen Älvstad"),
    _P("yasmin", "Yasmin Abdullahi", intro="Föreningen Vänskapsbron"),
    _P("stig", "Stig Wallén", email=False, intro="Hörsel- och dövföreningen i Älvstad"),
    _P("moa", "Moa Engdahl", intro="Stiftelsen Älvstads Stadsmission"),
]
GUEST_POOL = [
    "annika",
    "bengt",
    "fatima",
    "marcus",
    "eva",
    "tuula",
    "oliver",
    "siv",
    "dragana",
    "hampus",
    "janerik",
    "amanda",
    "yasmin",
    "stig",
    "moa",
]

# The organisations people represent: the first name that exists in the register is used,
# else the first unused organisation of the kind.
ORGANISATIONS: dict[str, tuple[tuple[str, ...], str]] = {
    "foreningsrad": (("Älvstads Föreningsråd",), OrganisationKind.UMBRELLA_BODY),
    "idrott": (("Idrottsalliansen Älvstad",), OrganisationKind.UMBRELLA_BODY),
    "funktionsratt": (("Funktionsrätt Älvstad",), OrganisationKind.UMBRELLA_BODY),
    "kultur": (("Kulturalliansen i Älvstad",), OrganisationKind.UMBRELLA_BODY),
    "pension": (("Pensionärsorganisationernas samråd i Älvstad",), OrganisationKind.UMBRELLA_BODY),
    "rodakorset": (("Röda Korset Älvstad",), OrganisationKind.ASSOCIATION),
    "brottsoffer": (("Brottsofferjouren Älvstad",), OrganisationKind.ASSOCIATION),
    "studie": (
        ("Studieförbundet Folkbildarna i Älvstad", "Studieförbundet Cirkeln"),
        OrganisationKind.STUDY_ASSOCIATION,
    ),
    "pingst": (("Älvstads pingstförsamling",), OrganisationKind.FAITH_COMMUNITY),
    "trappan": (
        ("Café Trappan Kooperativ ekonomisk förening",),
        OrganisationKind.SOCIAL_ENTERPRISE,
    ),
    "ungaroster": (("Föreningen Unga Röster",), OrganisationKind.ASSOCIATION),
    "seniorer": (("Digitala seniorer Älvstad",), OrganisationKind.ASSOCIATION),
    "npf": (("NPF-föreningen Älvstad",), OrganisationKind.ASSOCIATION),
    "somaliska": (("Somaliska kulturföreningen i Älvstad",), OrganisationKind.ASSOCIATION),
    "sprak": (("Föreningen Språkvännerna",), OrganisationKind.ASSOCIATION),
    "integration": (("Nätverket för integration och språk",), OrganisationKind.NETWORK),
    "gemenskapen": (("Föreningen Gemenskapen",), OrganisationKind.ASSOCIATION),
}

KLF = "Kommunledningsförvaltningen"
SOC = "Socialförvaltningen"
KFF = "Kultur- och fritidsförvaltningen"
MSB = "Miljö- och stadsbyggnadsförvaltningen"
FGF = "Förskole- och grundskoleförvaltningen"
GVF = "Gymnasie- och vuxenutbildningsförvaltningen"
VOF = "Vård- och omsorgsförvaltningen"
TSF = "Teknik- och serviceförvaltningen"

# C-nätet: one contact person per department, from when.
DEPARTMENT_CONTACTS = {
    KLF: ("helena", date(2020, 2, 1)),
    SOC: ("tobias", date(2020, 2, 1)),
    KFF: ("maja", date(2021, 9, 1)),
    MSB: ("oskar", date(2022, 3, 1)),
    FGF: ("cecilia", date(2020, 2, 1)),
    GVF: ("samir", date(2023, 8, 15)),
    VOF: ("louise", date(2021, 3, 1)),
    TSF: ("erik", date(2020, 2, 1)),
}
# Who held the seat of a department that merged into another and lost its seat.
FORMER_CONTACTS = ["anneli"]
# How often each department comes to the meetings it is expected at: two rarely come.
DEPARTMENT_ATTENDANCE = {
    KLF: 1.0,
    KFF: 0.9,
    SOC: 0.75,
    VOF: 0.75,
    GVF: 0.5,
    FGF: 0.45,
    MSB: 0.2,
    TSF: 0.08,
}
# Two departments rarely come: only to one meeting in `every`, whatever the dice say.
DEPARTMENT_RARELY = {MSB: 4, TSF: 7}
# Of those who do not come, how many send apologies rather than just stay away.
DEPARTMENT_APOLOGIES = {MSB: 0.4, TSF: 0.25}
DEPARTMENT_SHORT = {
    KLF: "KLF",
    SOC: "Socialförvaltningen",
    KFF: "KFF",
    MSB: "Miljö- och stadsbyggnad",
    FGF: "Förskola och grundskola",
    GVF: "Gymnasie- och vuxenutbildning",
    VOF: "Vård och omsorg",
    TSF: "Teknik och service",
}
DEPARTMENT_NEWS = {
    KLF: [
        "arbetar med nästa års strategi och budget, där civilsamhället nämns i avsnittet om "
        "trygghet.",
        "har skickat ut riktlinjer för idéburet offentligt partnerskap på remiss till "
        "förvaltningarna.",
        "har gjort en ny sida i statsbidragsportalen med utlysningar som passar föreningar.",
    ],
    SOC: [
        "rekryterar fler familjehem och vill samarbeta med trossamfunden om informationen.",
        "har startat en områdesgrupp i Ängsbacka tillsammans med Älvstadsbostäder.",
        "har förlängt partnerskapet med Stadsmissionen om dagcentret med ett år.",
    ],
    KFF: [
        "har öppnat ansökan om bidrag till lovaktiviteter för sommaren.",
        "har fått igång de nya handläggarteamen för föreningsbidrag.",
        "söker föreningar som vill hålla språkcaféer på biblioteken.",
    ],
    MSB: [
        "förbereder samrådet om den nya översiktsplanen.",
        "har startat ett nätverk för föreningar som odlar i staden.",
    ],
    FGF: [
        "ser över samarbetet med läxhjälpsföreningarna.",
        "har skolor i Norrby som vill samarbeta med idrottsföreningar om rörelse under skoldagen.",
    ],
    GVF: [
        "söker föreningar som kan ta emot praktikanter från SFI.",
        "planerar studiebesök hos föreningar för elever i samhällsorientering.",
    ],
    VOF: [
        "har nya riktlinjer för volontärer på äldreboendena.",
        "planerar en temadag om anhörigstöd tillsammans med Anhörigföreningen Älvstad.",
    ],
    TSF: ["ser över hur föreningar bokar kommunens lokaler."],
}


# --- What the minutes say ------------------------------------------------------------------------


@dataclass(frozen=True)
class Act:
    """An action item: who does what by when."""

    what: str
    owner: str  # a person's key, or who in words ("AU", "Alla ledamöter")
    days: int  # due this many days after the meeting
    open: bool = False  # not done, whatever the due date


@dataclass(frozen=True)
class Carry:
    """Table the item ("bordläggs") or mark it for follow-up at the next meeting."""

    kind: str  # CarriedOverPoint.Kind
    title: str = ""  # the point, if not the item's title
    reason: str = ""


@dataclass(frozen=True)
class Item:
    """An agenda item, with what its minutes say when the meeting has been held."""

    title: str = ""
    kind: str = ItemType.INFORMATION
    presenter: str = ""  # a person's key, or words
    description: str = ""  # in the notice
    notes: str = ""  # in the minutes
    decisions: tuple[str, ...] = ()
    actions: tuple[Act, ...] = ()
    carry: Carry | None = None
    guests: tuple[str, ...] = ()  # people who come for this item
    gen: str = ""  # notes (and title) written from the data: see _Story.generated_notes
    effect: str = ""  # what the item changes in the story: see _Story.apply_effect


INFO = ItemType.INFORMATION
DECISION = ItemType.DECISION
BOTH = ItemType.INFORMATION_AND_DECISION
DISCUSSION = ItemType.DISCUSSION
TABLED = CarriedOverPoint.Kind.TABLED
FOLLOW_UP = CarriedOverPoint.Kind.FOLLOW_UP
NO_TIME = "Tidsbrist"

WELCOME = Item("Välkomna", gen="welcome")
OPENING = Item("Mötets öppnande", gen="opening")
PREPARE = Item(kind=INFO, gen="prepare")
CARRIED = Item(gen="carried")  # where points tabled or to follow up come on the agenda
WATCH = Item(
    "På gång/bevakningslista",
    description="Projekt, uppdrag och nätverk som rådet följer.",
    gen="watch",
)
CALENDAR = Item(description="Kommande möten och aktiviteter.", gen="calendar")
ROUND = Item(
    "Runda – nytt från förvaltningarna",
    description="Varje förvaltning berättar kort vad som är på gång.",
    gen="round",
)
NEXT_JOINT = Item("Inför nästa gemensamma möte med Samverkansrådet", gen="next_joint")
EVENING_WELCOME = Item("Välkomna", gen="evening_welcome")


def aob(notes: str = "") -> Item:
    return Item("Övriga frågor", notes=notes or "Inga övriga frågor.")


# Samverkansrådet (and the joint meetings with C-nätet), by (term, meeting of the term).
# Each is framed by Välkomna, carried-over points, the watch list, the calendar and Övriga frågor.
COUNCIL: dict[tuple[int, int], tuple[tuple[Item, ...], str]] = {
    (0, 0): (
        (
            Item(
                "En väg in för föreningslivet",
                INFO,
                "maja",
                "Kultur- och fritidsförvaltningen berättar om arbetet med en väg in för "
                "föreningsbidrag.",
                "Maja Fredriksson berättar att Kultur- och fritidsförvaltningen samlar "
                "handläggningen av föreningsbidrag i tre handläggarteam: idrott, kultur och "
                "sociala föreningar. Målet är att en förening ska få samma besked oavsett vem "
                "den pratar med.\n\n"
                "Synpunkter: Flera välkomnar att de sociala föreningarna får ett eget team, "
                "eftersom deras verksamhet skiljer sig mycket från idrottens. Rådet påminner "
                "om att en väg in inte får betyda att andra dörrar stängs – det ska finnas en "
                "tydlig ingång för alla, inte en enda.",
                actions=(
                    Act(
                        "Skicka presentationen om handläggarteamen till rådet och C-nätet",
                        "maja",
                        7,
                    ),
                ),
            ),
            Item(
                "Arbetsgrupper {y}",
                DECISION,
                "birgitta",
                "AU föreslår tre arbetsgrupper för året. Alla ledamöter behöver ingå i minst en.",
                "Arbetsutskottet har bedömt tre områden som prioriterade: en karta över var "
                "kommunen och civilsamhället möts, en rutin för hur en aktör kan uteslutas "
                "från överenskommelsen och planeringen av rådets temakvällar. Några anmäler "
                "intresse vid mötet. Övriga kontaktar ordföranden eller sekreteraren inom två "
                "veckor.",
                decisions=(
                    "Samverkansrådet beslutar att tillsätta tre arbetsgrupper: Karta över "
                    "samverkan, Rutin för uteslutning av aktör och Temakväll. Alla ledamöter "
                    "i rådet ska ingå i minst en arbetsgrupp.",
                ),
                actions=(
                    Act("Anmäla intresse för arbetsgrupp till sekreteraren", "Alla ledamöter", 14),
                ),
                effect="found_groups",
            ),
            Item(
                "Remissbevakning – hur får civilsamhället veta i tid?",
                DISCUSSION,
                "ylva",
                "Hur kan föreningar få veta om remisser och planer innan besluten är fattade?",
                "Punkten hinns inte med och bordläggs till nästa möte.",
                carry=Carry(TABLED, reason=NO_TIME),
            ),
        ),
        "Sanna Ekwall berättar att Röda Korset Älvstad söker fler volontärer till läxhjälpen "
        "i Norrby. Information om årets Kunskapskonferens kommer under våren.",
    ),
    (0, 1): (
        (
            Item(
                "Effektmätning – vad är det och hur kan vi använda det?",
                INFO,
                "petra",
                "Petra Sundin och Rebecka Tallgren berättar om effektmätning som verktyg.",
                "Petra Sundin går igenom tre nivåer av uppföljning: output (hur många som "
                "deltog), outcome (vad som förändrades för målgruppen) och impact (den "
                "förändring som inte hade skett utan insatsen). Rebecka Tallgren berättar hur "
                "Café Trappan använder sociala bokslut för att visa vad arbetsträningen ger.\n\n"
                "Flera föreningar upplever att uppföljningen av bidrag bara frågar efter antal "
                "deltagare. Rådet vill fortsätta samtalet om hur effektmätning kan användas för "
                "att följa upp själva samverkan, och frågan följs upp vid nästa möte.",
                carry=Carry(FOLLOW_UP, "Effektmätning som verktyg för att följa upp samverkan"),
            ),
            Item(
                "Rapport från arbetsgrupperna",
                INFO,
                description="Arbetsgrupperna berättar kort hur långt de har kommit.",
                notes="Karta över samverkan har haft sitt första möte och inventerar vilka "
                "forum som finns mellan kommunen och civilsamhället. Rutin för uteslutning "
                "läser rutiner från andra kommuner. Arbetsgruppen för temakvällar konstaterar "
                "att kvällen om krisberedskap lockade många och att övningen i grupper var "
                "uppskattad.",
            ),
        ),
        "Henrik Ståhl (M) informerar om att kommunstyrelsen ska behandla riktlinjer för "
        "idéburet offentligt partnerskap före sommaren.",
    ),
    (1, 0): (
        (
            Item(
                "Portföljen för social hållbarhet",
                BOTH,
                "malin",
                "Kommunledningsförvaltningen berättar hur kommunen samlar utvecklingsarbetet "
                "inom social hållbarhet i en portfölj.",
                "Malin Thörn berättar att kommunledningen samlar förvaltningsövergripande "
                "satsningar inom social hållbarhet i en portfölj med en gemensam styrgrupp. "
                "Portföljen har fem målsättningar, bland annat trygghet, barns jämlika "
                "livsvillkor och god psykisk hälsa. Den saknar egen budget; satsningarna ska "
                "främst finansieras med statsbidrag.\n\n"
                "Rådet frågar varför civilsamhället inte har bjudits in tidigare. Svaret är att "
                "styrgruppen först har velat skapa samsyn mellan förvaltningarna. Rådet menar "
                "att föreningarna borde ha funnits med från början.",
                decisions=(
                    "Samverkansrådet beslutar att skicka ett medskick till portföljens "
                    "styrgrupp om att civilsamhället ska bjudas in redan när behoven "
                    "kartläggs.",
                ),
                actions=(
                    Act("Formulera rådets medskick till portföljens styrgrupp", "helena", 21),
                ),
            ),
            Item(
                "Aktivitetsplan {y+1}–{y+2} – första utkast",
                INFO,
                "birgitta",
                "AU presenterar ett första utkast till aktivitetsplan.",
                "AU har samlat idéerna från vårens möten i ett första utkast med sex "
                "aktiviteter. Utkastet behöver kortas: rådets tid är begränsad och "
                "aktiviteterna ska rymmas inom rådets mandat. Ledamöterna ombeds skicka "
                "synpunkter till AU.",
                actions=(
                    Act("Skicka synpunkter på utkastet till aktivitetsplan", "Alla ledamöter", 30),
                ),
            ),
            Item(
                "Kommunikation för att fler ska ansluta sig till överenskommelsen",
                DISCUSSION,
                description="Hur når vi föreningar som inte har anslutit sig?",
                notes="Punkten bordläggs pga tidsbrist.",
                carry=Carry(TABLED, reason=NO_TIME),
            ),
        ),
        "Kunskapskonferensen {y}: Jonas Wennberg och Helena Sjödin åker till Stockholm för "
        "rådets räkning. Elias Nordqvist tipsar om att Föreningen Unga Röster ordnar en "
        "debattkväll för förstagångsväljare i oktober.",
    ),
    (1, 1): (
        (
            Item(
                "Aktivitetsplan {y+1}–{y+2}",
                DECISION,
                "birgitta",
                "Förslag till aktivitetsplan efter ledamöternas synpunkter. Bilaga: förslaget.",
                "Förslaget har kortats till fyra aktiviteter: en karta över samverkan, en "
                "rutin för remissbevakning, två temakvällar per år och en halvtidsutvärdering "
                "av överenskommelsen. Varje aktivitet är kopplad till en av överenskommelsens "
                "principer och har en ansvarig arbetsgrupp. Några tycker att fyra aktiviteter "
                "är för lite, men rådet landar i att det är bättre att göra färre saker "
                "ordentligt.",
                decisions=(
                    "Samverkansrådet beslutar att godkänna förslaget till aktivitetsplan "
                    "{y+1}–{y+2}.",
                ),
            ),
            Item(
                "Mötesdatum {y+1}",
                DECISION,
                "helena",
                "Förslag på mötesdatum för nästa år.",
                "Sekreteraren har tagit fram förslag på datum. Mötena läggs på tisdagar "
                "kl. 16–18 som i år, och två av dem blir gemensamma med C-nätet.",
                decisions=(
                    "Samverkansrådet beslutar att fastställa mötesdatumen för {y+1} enligt "
                    "kalendariet.",
                ),
            ),
            Item(
                "Tack till avgående ordförande",
                INFO,
                notes="Birgitta Lövgren lämnar rådet vid årsskiftet efter fyra år som "
                "ordförande. Mehmet Kaya tackar henne för att hon har byggt upp rådets "
                "arbetssätt och alltid har varit en röst för de små föreningarna.",
            ),
        ),
        "Inga övriga frågor. Rådet avslutar med glögg och pepparkakor innan val- och "
        "informationskvällen börjar.",
    ),
    (2, 0): (
        (
            Item(
                "Karta över samverkan – första skiss",
                INFO,
                "petra",
                "Arbetsgruppen visar en första skiss. Bilaga: skissen.",
                "Petra Sundin visar arbetsgruppens första skiss. Kartan utgår från de forum "
                "som finns i dag, från rådet och C-nätet till områdesgrupperna och "
                "föreningsstödets träffar.\n\n"
                "Synpunkter: Kartan behöver visa vem man kontaktar, inte bara vilka forum som "
                "finns. Den ska gå att använda även för den som inte känner till kommunens "
                "organisation.",
            ),
            Item(
                "Översiktsplanen Älvstad 2050 – samråd",
                BOTH,
                "nora",
                "Miljö- och stadsbyggnadsförvaltningen berättar om samrådet för den nya "
                "översiktsplanen.",
                "Nora Åkerlund berättar om samrådet för den nya översiktsplanen, som pågår "
                "till slutet av mars. Hon vill gärna möta föreningar i stadsdelarna och på "
                "landsbygden. Rådet påpekar att många föreningar inte läser kommunens "
                "webbplats och föreslår att inbjudningarna även går via studieförbunden och "
                "föreningsrådet.",
                decisions=(
                    "Samverkansrådet beslutar att lämna ett gemensamt yttrande över "
                    "samrådsförslaget till översiktsplanen. AU får i uppdrag att skriva "
                    "yttrandet.",
                ),
                actions=(
                    Act("Skriva rådets yttrande över översiktsplanen", "AU", 50),
                    Act(
                        "Sprida inbjudan till dialogmötena om översiktsplanen",
                        "Alla ledamöter",
                        21,
                    ),
                ),
            ),
            Item(
                "Rutin för uteslutning av aktör – utkast",
                INFO,
                "jonas",
                "Arbetsgruppen presenterar ett utkast till rutin.",
                "Jonas Wennberg presenterar arbetsgruppens utkast. Rutinen beskriver skälen för "
                "uteslutning, hur organisationen får yttra sig innan beslut och hur beslutet "
                "dokumenteras. Flera betonar att organisationen alltid ska få rimlig tid att "
                "svara. Arbetsgruppen återkommer med ett förslag till beslut i april.",
            ),
        ),
        "Daniel Mwangi berättar att Älvstads pingstförsamling öppnar sina lokaler för "
        "läxhjälp två kvällar i veckan och gärna samarbetar med andra föreningar.",
    ),
    (2, 1): (
        (
            Item(
                "Rutin för uteslutning av aktör",
                DECISION,
                "jonas",
                "Arbetsgruppens förslag till rutin. Bilaga: förslaget.",
                "Förslaget har justerats efter synpunkterna i januari: organisationen får tre "
                "veckor på sig att yttra sig, och rådet fattar beslut först när yttrandet har "
                "lästs. Rådet är överens om att uteslutning ska vara en sista utväg och att "
                "dialog alltid ska komma först.",
                decisions=(
                    "Samverkansrådet beslutar att anta rutinen för uteslutning av aktör. "
                    "Rutinen gäller från och med den 1 maj {y}.",
                    "Samverkansrådet beslutar att avsluta arbetsgruppen Rutin för uteslutning "
                    "med tack för väl utfört arbete.",
                ),
                actions=(Act("Publicera rutinen för uteslutning på webbplatsen", "helena", 21),),
            ),
            Item(
                "Civilsamhällets roll vid kris",
                DISCUSSION,
                "sanna",
                "Erfarenheter från vinterns vattenavstängning i Sjövik.",
                "Sanna Ekwall berättar hur Röda Korset Älvstad samordnade frivilliga när "
                "vattnet var avstängt i Sjövik i vintras. Samarbetet med kommunen fungerade, "
                "men det var oklart vem i kommunen som hade mandat att ta emot frivilligas "
                "hjälp. Rådet vill veta mer om kommunens krisledning, och frågan följs upp vid "
                "nästa möte.",
                carry=Carry(
                    FOLLOW_UP, "Civilsamhällets roll vid kris – vem tar emot frivilligas hjälp?"
                ),
            ),
            Item(
                "Uppföljning av aktivitetsplanen",
                INFO,
                "mehmet",
                "Hur långt har vi kommit med aktiviteterna?",
                "Mehmet Kaya går igenom aktivitetsplanen. Kartan och rutinen för "
                "remissbevakning ligger i fas, och temakvällen i mars hade fler deltagare än "
                "någon tidigare. Idrottsalliansen Älvstad ansvarar för aktiviteten om "
                "tillgängliga mötesplatser och återkommer med en plan efter sommaren.",
                effect="revise",
            ),
        ),
        "Kjell Bergdahl informerar om att Digitala seniorer Älvstad erbjuder hjälp med "
        "videomöten för föreningar som vill delta digitalt. Göran Almqvist meddelar att han "
        "flyttar från kommunen i sommar och lämnar rådet; Kjell Bergdahl går in som ordinarie "
        "ledamot.",
    ),
    (3, 0): (
        (
            Item(
                "Arbetsgrupp för uppföljning och effektmätning",
                DECISION,
                "mehmet",
                "AU föreslår en ny arbetsgrupp inför halvtidsutvärderingen.",
                "AU föreslår en ny arbetsgrupp som förbereder halvtidsutvärderingen av "
                "överenskommelsen och tar vidare frågan om kvalitativ uppföljning. Jonas "
                "Wennberg och Ylva Grahn, som satt i arbetsgruppen för uteslutning, anmäler "
                "intresse, liksom Kjell Bergdahl, Henrik Ståhl (M) och Patrik Ekvall (C).",
                decisions=(
                    "Samverkansrådet beslutar att tillsätta arbetsgruppen Uppföljning och "
                    "effektmätning med uppdrag att förbereda halvtidsutvärderingen av "
                    "överenskommelsen.",
                ),
                effect="found_follow_up_group",
            ),
            Item(
                "Karta över samverkan – klickbar version",
                DECISION,
                "petra",
                "Arbetsgruppen visar den klickbara kartan och föreslår att den publiceras.",
                "Arbetsgruppen visar den klickbara kartan. Varje del leder till en kort text om "
                "forumet, vem som är kontaktperson och hur man kommer i kontakt. Texterna finns "
                "även på lättläst svenska. Rådet är nöjt och vill att kartan publiceras så snart "
                "som möjligt.",
                decisions=(
                    "Samverkansrådet beslutar att kartan över samverkan publiceras på kommunens "
                    "webbplats.",
                ),
                actions=(Act("Publicera kartan och berätta om den i nyhetsbrevet", "helena", 30),),
            ),
            Item(
                "Bolagens ansvar för dialog och delaktighet",
                DISCUSSION,
                description="Hur bjuder de kommunala bolagen in till dialog?",
                notes="Punkten bordläggs pga tidsbrist.",
                carry=Carry(TABLED, reason=NO_TIME),
            ),
        ),
        "Kunskapskonferensen {y}: Petra Sundin och Helena Sjödin deltar. Elias Nordqvist "
        "efterlyser fler unga i rådets arbetsgrupper.",
    ),
    (3, 1): (
        (
            Item(
                "Överenskommelsen vid halvtid – plan för utvärdering",
                INFO,
                "jonas",
                "Arbetsgruppen för uppföljning presenterar sin plan.",
                "Arbetsgruppen föreslår en enkät till alla anslutna organisationer och samtal i "
                "mindre grupper. Syftet ska stå tydligt i enkäten: vad vill vi veta, och vad "
                "ska svaren användas till? Rådet vill att enkäten ska gå att besvara på "
                "lättläst svenska och på papper.",
            ),
            Item(
                "Mötesdatum {y+1}",
                DECISION,
                "helena",
                "Förslag på mötesdatum för nästa år.",
                "Förslaget följer samma mönster som i år. Rådet önskar att ett av mötena hålls "
                "utanför centralorten.",
                decisions=(
                    "Samverkansrådet beslutar att fastställa mötesdatumen för {y+1} enligt "
                    "kalendariet.",
                ),
            ),
            Item(
                "Årets temakvällar – vad har vi lärt oss?",
                INFO,
                "rebecka",
                "Arbetsgruppen för temakvällar sammanfattar året.",
                "Rebecka Tallgren sammanfattar årets två temakvällar. Kvällen om effektmätning "
                "lockade många sociala föreningar, medan kvällen om mötesplatser nådde fler "
                "föreningar från landsbygden. Nästa år vill arbetsgruppen hålla en av kvällarna "
                "ute i en stadsdel.",
            ),
        ),
        "Sanna Ekwall lämnar rådet vid årsskiftet. Ordföranden tackar henne för hennes "
        "engagemang, inte minst i frågor om krisberedskap. Mötet avslutas med julfika.",
    ),
    (4, 0): (
        (
            Item(
                "Halvtidsutvärdering – enkät till civilsamhället",
                DECISION,
                "jonas",
                "Arbetsgruppens förslag till enkät. Bilaga: enkätfrågorna.",
                "Arbetsgruppen har testat enkäten på tre föreningar och kortat den till tolv "
                "frågor. Den skickas till alla anslutna organisationer och finns på lättläst "
                "svenska och på papper på Föreningarnas Hus.",
                decisions=(
                    "Samverkansrådet beslutar att skicka ut enkäten om överenskommelsens "
                    "relevans till alla anslutna organisationer under februari och mars {y}.",
                ),
                actions=(Act("Skicka ut enkäten och påminna efter två veckor", "jonas", 45),),
            ),
            Item(
                "En väg in – steg 2: IOP, idéer och upphandling",
                INFO,
                "maja",
                "Kultur- och fritidsförvaltningen berättar om nästa steg.",
                "Maja Fredriksson berättar att steg 2 handlar om hur idéer från föreningar och "
                "förfrågningar om idéburet offentligt partnerskap tas emot. Ett förslag är en "
                "gemensam e-tjänst som skickar ärendet till rätt förvaltning. Rådet vill att "
                "varje förvaltning ändå har en namngiven kontaktperson.",
            ),
            Item(
                "Dialogmöte med de kommunala bolagen",
                INFO,
                "helena",
                "Läget inför dialogmötet med bolagen.",
                "Dialogmötet med bolagen hålls i mars. Hittills har tre av fem bolag tackat ja. "
                "Rådet vill särskilt tala om hur bolagen kan ansluta sig till överenskommelsen "
                "och hur de bjuder in hyresgäster och föreningar till dialog.",
            ),
        ),
        "Amira Begić (S) frågar hur rådet kan bidra till kommunens arbete mot ensamhet bland "
        "äldre. Frågan tas med till AU.",
    ),
    (4, 1): (
        (
            Item(
                "Resultat av enkäten till civilsamhället",
                BOTH,
                "jonas",
                "Arbetsgruppen redovisar svaren på enkäten. Bilaga: sammanställningen.",
                "Enkäten fick svar från 64 organisationer. De flesta tycker att "
                "överenskommelsen är viktig, men få vet hur den används i praktiken. Många "
                "efterlyser tidig dialog och återkoppling, och flera idrottsföreningar svarar "
                "att de redan har den kontakt de behöver genom föreningsstödet.",
                decisions=(
                    "Samverkansrådet beslutar att resultatet av enkäten ska ligga till grund för "
                    "arbetet med nästa aktivitetsplan.",
                ),
                actions=(
                    Act(
                        "Sammanställa enkätresultatet i en kort rapport på lättläst svenska",
                        "ylva",
                        45,
                    ),
                ),
            ),
            Item(
                "Remissbevakning – ett år med rutinen",
                INFO,
                "helena",
                "Hur har rutinen för remissbevakning fungerat?",
                "Sedan rutinen infördes har sju remisser skickats till rådet, och tre av dem har "
                "besvarats av föreningar. Remisstiderna är ofta för korta för ideella styrelser "
                "som träffas en gång i månaden. Frågan om en samlad remisslista på webbplatsen "
                "bordläggs pga tidsbrist.",
                carry=Carry(TABLED, "Remisslista på webbplatsen", NO_TIME),
            ),
            Item(
                "Samverkansdag utanför centralorten",
                DECISION,
                "kjell",
                "AU föreslår en samverkansdag i Vinterö i höst.",
                "AU föreslår en samverkansdag i Vinterö under hösten, med föreningar, "
                "förvaltningar och politiker på plats. Kjell Bergdahl har undersökt lokaler och "
                "föreslår bygdegården. Rådet vill att dagen också ska nå Ängsbacka, och att det "
                "finns skjuts för den som inte har bil.",
                decisions=(
                    "Samverkansrådet beslutar att genomföra en samverkansdag i Vinterö hösten {y}.",
                ),
                actions=(
                    Act("Boka bygdegården i Vinterö och ordna skjuts", "kjell", 60),
                    Act("Ta fram ett program för samverkansdagen", "AU", 120),
                ),
            ),
        ),
        "Viktor Lindblom påminner om Kulturnatten i september: föreningar kan anmäla "
        "programpunkter till och med juni.",
    ),
    (5, 0): (
        (
            Item(
                "Aktivitetsplan {y+1}–{y+2} – inriktning",
                DISCUSSION,
                "mehmet",
                "Samtal i grupper om vad nästa aktivitetsplan ska innehålla.",
                "Rådet samtalar i små grupper om vad nästa aktivitetsplan ska innehålla. Tre "
                "förslag återkommer: fler möten ute i stadsdelarna, en tydligare väg in för "
                "idéer och en återkommande uppföljning av vad samverkan ger. AU sammanställer "
                "förslagen.",
                actions=(
                    Act(
                        "Samla synpunkter på nästa aktivitetsplan från den egna organisationen",
                        "Alla ledamöter",
                        40,
                    ),
                ),
            ),
            Item(
                "Samverkansdagen i Vinterö",
                INFO,
                "kjell",
                "Program och anmälan.",
                "Programmet är klart: korta presentationer av förvaltningarna, ett "
                "föreningstorg och samtal om landsbygdens mötesplatser. Skjuts ordnas från "
                "Kvarnby och Lindås. Anmälan görs till sekreteraren.",
            ),
            Item(
                "Trygghet och brottsförebyggande arbete i Östra hamnen",
                INFO,
                "tobias",
                "Socialförvaltningen berättar om ett nytt trygghetsarbete.",
                "Tobias Lindén berättar att Socialförvaltningen samordnar ett nytt "
                "brottsförebyggande arbete i Östra hamnen tillsammans med polisen och "
                "Älvstadsbostäder. Föreningarna i området vill vara med från början och inte "
                "bara bjudas in som utförare.",
            ),
            Item(
                "Föreningarnas tillgång till skolans lokaler",
                DISCUSSION,
                "daniel",
                "Hur kan föreningar låna skolans lokaler på kvällar och helger?",
                "Punkten bordläggs pga tidsbrist.",
                carry=Carry(TABLED, reason=NO_TIME),
            ),
        ),
        "Kunskapskonferensen {y}: Ylva Grahn och Aisha Warsame deltar för rådets räkning.",
    ),
    (5, 1): (
        (
            Item(
                "Aktivitetsplan {y+1}–{y+2}",
                DECISION,
                "mehmet",
                "Förslag till aktivitetsplan. Bilaga: förslaget.",
                "Förslaget bygger på enkäten och höstens samtal. Det har fem aktiviteter, bland "
                "annat två samverkansdagar utanför centralorten och en årlig uppföljning av "
                "samverkan på tre nivåer. Rådet diskuterar om planen är realistisk med tanke på "
                "ledamöternas tid och kommer fram till att den är det, om arbetsgrupperna får "
                "stöd av C-nätet.",
                decisions=(
                    "Samverkansrådet beslutar att godkänna förslaget till aktivitetsplan "
                    "{y+1}–{y+2}.",
                ),
            ),
            Item(
                "Utvärdering av samverkansdagen",
                INFO,
                "kjell",
                "Hur gick samverkansdagen i Vinterö?",
                "Omkring sjuttio personer kom till bygdegården i Vinterö, och fler än hälften "
                "kom från föreningar på landsbygden. Deltagarna uppskattade att träffa "
                "förvaltningarna på hemmaplan. Nästa gång vill man ha mer tid för samtal och "
                "mindre för presentationer.",
            ),
            Item(
                "Mötesdatum {y+1}",
                DECISION,
                "helena",
                "Förslag på mötesdatum för nästa år.",
                "Förslaget följer samma mönster som tidigare år. Ett av vårens möten hålls i "
                "Ängsbacka.",
                decisions=(
                    "Samverkansrådet beslutar att fastställa mötesdatumen för {y+1} enligt "
                    "kalendariet.",
                ),
            ),
        ),
        "Inga övriga frågor. Ordföranden tackar för året och önskar god jul.",
    ),
    (6, 0): (
        (
            Item(
                "Aktivitetsplan {y}–{y+1} – så kommer vi igång",
                INFO,
                "mehmet",
                "Genomgång av den nya aktivitetsplanen: vem ansvarar för vad?",
            ),
            Item(
                "Arbetsgrupperna presenterar sig",
                INFO,
                description="Arbetsgrupperna berättar om sina uppdrag. Nya ledamöter väljer "
                "arbetsgrupp.",
            ),
            Item(
                "Halvtidsutvärderingen – rapport till kommunstyrelsen",
                INFO,
                "jonas",
                "Arbetsgruppen för uppföljning berättar vad rapporten tar upp.",
            ),
        ),
        "",
    ),
    (6, 1): (
        (
            Item(
                "Samverkansdag i Ängsbacka",
                INFO,
                "kjell",
                "Planeringen av vårens samverkansdag.",
            ),
            Item("Uppföljning av aktivitetsplanen", INFO, "mehmet", "Läget i aktiviteterna."),
        ),
        "",
    ),
}

# What the minutes say when a carried-over point comes back, in the order it comes back.
CARRIED_OUTCOMES: dict[str, list[Item]] = {
    "Remissbevakning – hur får civilsamhället veta i tid?": [
        Item(
            notes="Ylva Grahn inleder med två exempel från förra året: en detaljplan som "
            "berörde en skytteklubbs bana och en satsning på NPF-anpassade skolor, där "
            "föreningarna fick veta först när besluten var fattade. Rådet är överens om att "
            "remisser behöver nå civilsamhället tidigare och på ett enklare sätt än i dag. Det "
            "finns ingen samlad lista över remisser som går till externa parter.",
            decisions=(
                "Samverkansrådet beslutar att ge AU i uppdrag att tillsammans med "
                "Kommunledningsförvaltningen ta fram ett förslag på rutin för "
                "remissbevakning.",
            ),
            actions=(Act("Ta fram förslag på rutin för remissbevakning", "AU", 150),),
        )
    ],
    "Effektmätning som verktyg för att följa upp samverkan": [
        Item(
            notes="Rådet återkommer till frågan från förra mötet. Ett förslag är att rådet "
            "varje år följer upp några samverkansinsatser på alla tre nivåerna, och att "
            "föreningarna själva får beskriva vad samverkan har gett. C-nätet påpekar att "
            "förvaltningarna redan följer upp mycket, men sällan tillsammans med föreningarna.",
            actions=(
                Act(
                    "Ta fram ett kort underlag om sociala bokslut och kvalitativ uppföljning",
                    "petra",
                    60,
                ),
            ),
        )
    ],
    "Kommunikation för att fler ska ansluta sig till överenskommelsen": [
        Item(
            notes="Punkten bordläggs igen pga tidsbrist. AU ser till att den kommer först på "
            "dagordningen nästa gång.",
            carry=Carry(TABLED, reason="Tidsbrist, för andra gången"),
        ),
        Item(
            notes="Nu hinns punkten med. Sofia Lantz, kommunikatör, deltar. Många föreningar "
            "vet inte vad överenskommelsen är eller vad de har för nytta av att ansluta sig, "
            "och listan över anslutna på kommunens webbplats är ofullständig. Texterna behöver "
            "vara enkla och finnas på lättläst svenska, och informationen behöver nå ut även "
            "utanför centralorten.",
            decisions=(
                "Samverkansrådet beslutar att ta fram ett informationsblad om "
                "överenskommelsen på lättläst svenska och att varje ledamot sprider det i sina "
                "nätverk.",
            ),
            actions=(
                Act(
                    "Ta fram ett informationsblad om överenskommelsen på lättläst svenska",
                    "viktor",
                    60,
                ),
                Act("Se över listan över anslutna organisationer på webbplatsen", "helena", 45),
            ),
            guests=("sofia",),
        ),
    ],
    "Förslag på symbol för överenskommelsen": [
        Item(
            notes="Gruppen diskuterar om fokuspunkten som används i dag kan bli en symbol som "
            "anslutna organisationer får använda. Det behövs regler för när symbolen får "
            "användas, till exempel att alla arrangörer ska vara anslutna.",
            decisions=(
                "Arbetsgruppen beslutar att föreslå Samverkansrådet att fokuspunkten blir "
                "överenskommelsens symbol.",
            ),
        )
    ],
    "Frivilligdagen i Älvstad": [
        Item(
            notes="Föreningarnas Hus har frågat om rådet vill medverka på Frivilligdagen i maj. "
            "AU ser det som ett bra tillfälle att berätta om överenskommelsen för nya "
            "föreningar.",
            decisions=(
                "AU beslutar att Samverkansrådet medverkar på Frivilligdagen med ett gemensamt "
                "bord.",
            ),
            actions=(Act("Bemanna rådets bord på Frivilligdagen", "sanna", 40),),
        )
    ],
    "Civilsamhällets roll vid kris – vem tar emot frivilligas hjälp?": [
        Item(
            notes="Johan Rydell, beredskapssamordnare på Kommunledningsförvaltningen, beskriver "
            "kommunens krisledning. Vid en större händelse finns en funktion för "
            "frivilligsamordning, men den är okänd för de flesta föreningar. Rådet föreslår att "
            "föreningar som vill bidra vid kris listas, så att krisledningen vet vilka de kan "
            "ringa.",
            actions=(
                Act("Bjuda in beredskapssamordnaren till C-nätets möte i oktober", "helena", 30),
                Act(
                    "Ta fram en lista över föreningar som kan bidra vid kris",
                    "sanna",
                    90,
                    open=True,
                ),
            ),
            guests=("johan",),
        )
    ],
    "Bolagens ansvar för dialog och delaktighet": [
        Item(
            notes="Per Östling från Älvstadsbostäder AB berättar hur bolaget arbetar med "
            "hyresgästdialog och trygghetsvandringar tillsammans med föreningar i Norrby och "
            "Ängsbacka. Bolagen kan ansluta sig till överenskommelsen men måste inte, och det "
            "varierar mycket hur de bjuder in till dialog.",
            decisions=(
                "Samverkansrådet beslutar att bjuda in de kommunala bolagen till ett dialogmöte "
                "om samverkan under våren {y+1}.",
            ),
            actions=(Act("Bjuda in de kommunala bolagen till dialogmöte", "helena", 60),),
            guests=("per",),
        )
    ],
    "Kontaktperson för Förskole- och grundskoleförvaltningen": [
        Item(
            notes="Platsen i C-nätet har varit vakant sedan i somras. Helena Sjödin har påmint "
            "förvaltningsledningen, som lovar att utse en kontaktperson under våren. Rådet "
            "understryker att skolan är en viktig part, inte minst när det gäller läxhjälp och "
            "lovaktiviteter.",
            actions=(
                Act(
                    "Påminna förvaltningsdirektören om att utse en kontaktperson till C-nätet",
                    "helena",
                    30,
                    open=True,
                ),
            ),
        )
    ],
    "Föreningarnas tillgång till skolans lokaler": [
        Item(
            notes="Daniel Mwangi berättar att flera föreningar i Norrby och Ängsbacka saknar "
            "lokaler för kvällsverksamhet, samtidigt som skolornas lokaler står tomma. Varje "
            "skola sköter bokningen själv och reglerna skiljer sig åt. Teknik- och "
            "serviceförvaltningen, som ansvarar för lokalerna, har inte kunnat delta i C-nätet "
            "under året.",
            decisions=(
                "Samverkansrådet beslutar att be Teknik- och serviceförvaltningen och Förskole- "
                "och grundskoleförvaltningen om en gemensam ingång för föreningar som vill låna "
                "skolans lokaler.",
            ),
            actions=(
                Act(
                    "Skicka rådets skrivelse om skolans lokaler till förvaltningarna", "helena", 30
                ),
            ),
        )
    ],
    "Remisslista på webbplatsen": [
        Item(
            notes="Helena Sjödin har stämt av med kommunens webbredaktion. En samlad lista är "
            "möjlig om varje förvaltning rapporterar sina remisser till en gemensam adress.",
            decisions=(
                "Samverkansrådet beslutar att be Kommunledningsförvaltningen publicera en "
                "samlad lista över aktuella remisser som berör civilsamhället.",
            ),
            actions=(
                Act(
                    "Ta fram en rutin för hur förvaltningarna rapporterar remisser till listan",
                    "helena",
                    75,
                ),
            ),
        )
    ],
}

# The correction of one published minutes.
REVISION = (
    (2, 1),  # the council meeting whose item with effect="revise" is corrected
    "Idrottsalliansen Älvstad ansvarar för aktiviteten",
    "Funktionsrätt Älvstad ansvarar för aktiviteten",
    "Rättelse efter påpekande från Ylva Grahn: fel organisation angavs som ansvarig för "
    "aktiviteten om tillgängliga mötesplatser.",
)

# AU, two weeks before each council meeting: the opening, the preparation of the council
# meeting (with what AU adds to it), points carried over, AU's own items and Övriga frågor.
AU: dict[tuple[int, int], tuple[tuple[Item, ...], str]] = {
    (0, 0): (
        (
            Item(
                "Arbetsgrupper under året",
                DECISION,
                notes="AU går igenom aktivitetsplanen och bedömer vilka områden som behöver en "
                "egen arbetsgrupp. Kartan och rutinen för uteslutning är stora uppgifter, och "
                "temakvällarna behöver planeras i god tid.",
                decisions=(
                    "AU beslutar att föreslå Samverkansrådet att tillsätta tre arbetsgrupper: "
                    "Karta över samverkan, Rutin för uteslutning av aktör och Temakväll.",
                ),
                actions=(
                    Act("Skicka förslaget om arbetsgrupper till rådets ledamöter", "helena", 5),
                ),
            ),
        ),
        "",
    ),
    (0, 1): (
        (
            Item(
                "Utvärdering av temakvällen i mars",
                INFO,
                notes="Ett fyrtiotal personer kom till temakvällen om krisberedskap. Övningen med "
                "ett långvarigt strömavbrott väckte många frågor som rådet bör ta vidare. AU "
                "föreslår att anteckningarna från grupperna skickas till kommunens "
                "beredskapsfunktion.",
            ),
        ),
        "",
    ),
    (1, 0): (
        (
            Item(
                "Kunskapskonferensen {y}",
                DECISION,
                notes="Konferensen hålls i Stockholm i oktober och är gratis, men resan kostar. "
                "Två ledamöter har anmält intresse.",
                decisions=(
                    "AU beslutar att rådet står för resekostnaden för två ledamöter till "
                    "Kunskapskonferensen {y}.",
                ),
                actions=(Act("Anmäla rådets deltagare till Kunskapskonferensen", "helena", 14),),
            ),
        ),
        "Mehmet Kaya tar upp att valberedningen behöver påminnas om sitt uppdrag inför "
        "val- och informationskvällen.",
    ),
    (1, 1): (
        (
            Item(
                "Aktivitetsplanen efter synpunkterna",
                DECISION,
                notes="Sju ledamöter har skickat synpunkter på utkastet. De flesta vill ha färre "
                "aktiviteter och tydligare ansvar, och AU har kortat förslaget till fyra "
                "aktiviteter.",
                decisions=(
                    "AU beslutar att lägga fram förslaget till aktivitetsplan {y+1}–{y+2} för "
                    "beslut i Samverkansrådet.",
                ),
            ),
        ),
        "",
    ),
    (2, 0): (
        (
            Item(
                "Frivilligdagen i Älvstad",
                DISCUSSION,
                notes="Punkten bordläggs pga tidsbrist.",
                carry=Carry(TABLED, reason=NO_TIME),
            ),
        ),
        "",
    ),
    (2, 1): (
        (
            Item(
                "Rutin för uteslutning – inför beslut",
                INFO,
                notes="AU går igenom arbetsgruppens förslag inför rådets beslut. Förslaget är väl "
                "förankrat och AU har inga ändringar.",
            ),
        ),
        "Ylva Grahn meddelar att Jenny Norrman (L) har lämnat sina politiska uppdrag. Patrik "
        "Ekvall (C) har utsetts i hennes ställe.",
    ),
    (3, 0): (
        (
            Item(
                "Ny arbetsgrupp för uppföljning",
                DECISION,
                notes="Halvtidsutvärderingen av överenskommelsen närmar sig, och rådet behöver en "
                "grupp som håller ihop uppföljningen. Ledamöterna från den avslutade gruppen för "
                "uteslutning har tid över.",
                decisions=(
                    "AU beslutar att föreslå Samverkansrådet att tillsätta en arbetsgrupp för "
                    "uppföljning och effektmätning.",
                ),
            ),
        ),
        "",
    ),
    (3, 1): (
        (
            Item(
                "Budget för temakvällar {y+1}",
                DECISION,
                notes="Samordnarens budget räcker till lokal och fika vid två temakvällar. "
                "Föreläsare utan arvode är att föredra, men en mindre ersättning kan behövas för "
                "att nå fler röster.",
                decisions=(
                    "AU beslutar att avsätta medel för lokal och fika vid två temakvällar {y+1} "
                    "inom samordnarens budget.",
                ),
            ),
        ),
        "",
    ),
    (4, 0): (
        (
            Item(
                "Enkät till civilsamhället",
                INFO,
                notes="AU går igenom arbetsgruppens utkast till enkät. Syftet behöver stå först, "
                "och frågorna ska gå att besvara utan att känna till kommunens organisation.",
                actions=(Act("Testa enkätfrågorna på tre föreningar", "jonas", 14),),
            ),
        ),
        "",
    ),
    (4, 1): (
        (
            Item(
                "Samverkansdag utanför centralorten",
                INFO,
                notes="Kjell Bergdahl har varit i kontakt med bygdegårdsföreningen i Vinterö. AU "
                "föreslår att rådet fattar beslut om dagen vid nästa möte.",
                actions=(Act("Undersöka pris och tillgänglighet för bygdegården", "kjell", 10),),
            ),
        ),
        "",
    ),
    (5, 0): (
        (
            Item(
                "Processen för nästa aktivitetsplan",
                DECISION,
                notes="AU föreslår att rådet samtalar om inriktningen i september och fattar "
                "beslut i december. Enkäten och erfarenheterna från samverkansdagen ska vara "
                "underlag.",
                decisions=(
                    "AU beslutar att arbetet med nästa aktivitetsplan läggs upp med samtal i "
                    "september och beslut i december.",
                ),
            ),
        ),
        "",
    ),
    (5, 1): (
        (
            Item(
                "Verksamhetsberättelse {y}",
                INFO,
                notes="Rådet brukar sammanfatta året i en kort verksamhetsberättelse som läggs ut "
                "på webbplatsen. Årets berättelse ska också finnas på lättläst svenska.",
                actions=(Act("Skriva utkast till verksamhetsberättelse för {y}", "mehmet", 45),),
            ),
        ),
        "",
    ),
    (6, 0): (
        (
            Item(
                "Introduktion för nya ledamöter",
                INFO,
                description="Hur tar vi emot nya ledamöter i rådet?",
            ),
        ),
        "",
    ),
    (6, 1): (
        (Item("Samverkansdag i Ängsbacka – planering", INFO),),
        "",
    ),
}

# The working groups, term by term. Points carried over come first.
WG_MAP: dict[int, tuple[Item, ...]] = {
    0: (
        Item(
            "Uppstart och syfte",
            notes="Gruppen går igenom uppdraget från rådet: att synliggöra var kommunen och "
            "civilsamhället möts, för både föreningar och tjänstepersoner. En annan kommuns bild "
            "av samverkan används som förebild, men gruppen vill göra en egen.",
        ),
        Item(
            "Inventering av kontaktytor",
            notes="Gruppen listar de forum som är kända: rådet, C-nätet, föreningsstödets "
            "informationsträffar, områdesgrupperna och pensionärs- och funktionsrättsråden. "
            "Sannolikt finns många fler inom förvaltningarna.",
            actions=(
                Act(
                    "Fråga C-nätet vilka samverkansforum som finns i varje förvaltning", "maja", 30
                ),
            ),
        ),
        Item(
            "Nästa steg",
            notes="Nästa möte hålls i höst. Till dess samlar Maja Fredriksson in listan och Petra "
            "Sundin gör en första grov skiss.",
        ),
    ),
    1: (
        Item(
            "Inventeringen",
            notes="Maja Fredriksson har fått svar från sex av åtta förvaltningar. Listan "
            "innehåller nu 23 forum, från idrottens samrådsmöten till bibliotekens "
            "läsfrämjande nätverk.",
        ),
        Item(
            "Första skiss av kartan",
            notes="Petra Sundin visar en skiss där forumen grupperas efter om de handlar om "
            "bidrag, dialog eller samarbete i verksamheten. Gruppen tycker att det blir tydligt "
            "men att kartan också måste visa vem man vänder sig till.",
            actions=(Act("Göra en ny skiss med kontaktpersoner", "petra", 60),),
        ),
        Item(
            "Förslag på symbol för överenskommelsen",
            DISCUSSION,
            notes="Punkten bordläggs pga tidsbrist.",
            carry=Carry(TABLED, reason=NO_TIME),
        ),
    ),
    2: (
        Item(
            "Test med föreningar",
            notes="Skissen har testats på fem föreningar på Föreningarnas Hus. De hittade rätt i "
            "de flesta fall men saknade information om landsbygdens forum.",
            actions=(Act("Komplettera kartan med landsbygdens forum", "daniel", 45),),
        ),
        Item(
            "Teknisk lösning",
            notes="Kommunens webbredaktion kan göra kartan klickbar om texterna levereras i maj. "
            "Varje del får en kort text och en text på lättläst svenska.",
        ),
    ),
    3: (
        Item(
            "Kartan är publicerad",
            notes="Kartan publicerades på kommunens webbplats i september och har haft drygt 600 "
            "besök. Flera förvaltningar har hört av sig med rättelser.",
        ),
        Item(
            "Hur hålls kartan aktuell?",
            notes="Gruppen föreslår att C-nätet ansvarar för att uppdatera kartan en gång per "
            "termin, och att föreningar kan skicka in förslag via webbplatsen.",
            actions=(Act("Ta upp ansvaret för uppdateringar på C-nätets möte", "helena", 21),),
        ),
        Item(
            "Övrigt",
            notes="Amira Begić (S) föreslår att kartan presenteras för kommunstyrelsen.",
        ),
    ),
    4: (
        Item(
            "Uppdatering av kartan",
            notes="Sju forum har lagts till efter förvaltningarnas rättelser, bland annat "
            "områdesgruppen i Ängsbacka. Två har tagits bort eftersom de inte längre träffas.",
        ),
        Item(
            "Kartan på fler språk",
            notes="Föreningar med många nyanlända medlemmar efterfrågar kartan på fler språk. "
            "Gruppen undersöker vad en översättning till arabiska, somaliska och engelska skulle "
            "kosta.",
            actions=(Act("Ta fram ett kostnadsförslag för översättning", "helena", 45, open=True),),
        ),
        Item(
            "Nästa steg",
            notes="Nästa möte hålls i höst. Gruppen vill då ha siffror på hur kartan används.",
        ),
    ),
    5: (
        Item(
            "Hur används kartan?",
            notes="Kartan har haft omkring 2 400 besök sedan publiceringen. De mest besökta "
            "delarna handlar om föreningsbidrag och lokaler.",
        ),
        Item(
            "Förslag till nästa aktivitetsplan",
            notes="Gruppen föreslår att kartan kompletteras med de kommunala bolagen och "
            "regionens forum.",
        ),
        Item(
            "Nästa möte",
            notes="Datum för nästa möte bestäms när aktivitetsplanen är antagen.",
        ),
    ),
    6: (
        Item("Kartan och den nya aktivitetsplanen"),
        Item("Översättningar"),
    ),
}
WG_EXCLUSION: dict[int, tuple[Item, ...]] = {
    0: (
        Item(
            "Uppstart",
            notes="Gruppen går igenom uppdraget. Överenskommelsen säger att organisationer som "
            "inte delar värdegrunden kan uteslutas, men inte hur det ska gå till.",
        ),
        Item(
            "Hur gör andra kommuner?",
            notes="Jonas Wennberg har hittat två kommuner med skriftliga rutiner. Båda betonar "
            "att organisationen ska få yttra sig innan beslut.",
            actions=(Act("Samla in rutiner från ytterligare tre kommuner", "jonas", 45),),
        ),
        Item(
            "Nästa steg",
            notes="Gruppen träffas igen i höst och tar då fram en första disposition.",
        ),
    ),
    1: (
        Item(
            "Skäl för uteslutning",
            notes="Gruppen diskuterar vilka skäl som ska kunna leda till uteslutning: att "
            "organisationen inte är demokratiskt uppbyggd, att den bryter mot värdegrunden eller "
            "att den ger en felaktig bild av samarbetet med kommunen.",
        ),
        Item(
            "Hur organisationen får yttra sig",
            notes="Organisationen ska få veta vad saken gäller, få läsa underlaget och ha minst "
            "tre veckor på sig att svara. Svaret ska kunna lämnas både skriftligt och muntligt.",
            actions=(Act("Skriva ett första utkast till rutin", "ylva", 60),),
        ),
        Item(
            "Dokumentation",
            notes="Varje steg ska dokumenteras så att det går att följa i efterhand. Beslutet ska "
            "motiveras och skickas till organisationen.",
        ),
    ),
    2: (
        Item(
            "Genomgång av utkastet",
            notes="Gruppen går igenom synpunkterna från rådets möte i januari. Tiden för att "
            "yttra sig blir tre veckor, och det förtydligas att dialog alltid ska komma först.",
        ),
        Item(
            "Förslag till beslut",
            DECISION,
            notes="Gruppen är överens om förslaget.",
            decisions=(
                "Arbetsgruppen beslutar att lämna förslaget till rutin för uteslutning av aktör "
                "till Samverkansrådet för beslut.",
            ),
        ),
        Item(
            "Avslutning",
            notes="Om rådet antar rutinen i april har gruppen gjort sitt uppdrag. Flera i gruppen "
            "vill gärna fortsätta med frågor om uppföljning.",
        ),
    ),
}
WG_FOLLOW_UP: dict[int, tuple[Item, ...]] = {
    3: (
        Item(
            "Uppdraget",
            notes="Gruppen ska förbereda halvtidsutvärderingen av överenskommelsen och föreslå "
            "hur samverkan kan följas upp på tre nivåer. Utvärderingen ska vara klar till rådets "
            "möte i april.",
        ),
        Item(
            "Metod",
            notes="Gruppen väljer en kort enkät till alla anslutna organisationer och samtal i "
            "grupper. Henrik Ståhl (M) påpekar att resultatet också bör nå kommunstyrelsen.",
            actions=(Act("Skriva utkast till enkätfrågor", "jonas", 45),),
        ),
        Item("Nästa steg", notes="Utkastet skickas till AU före jul."),
    ),
    4: (
        Item(
            "Enkäten",
            notes="Enkäten har testats på tre föreningar. Frågorna om kännedom om "
            "överenskommelsen var svåra att förstå och har skrivits om.",
        ),
        Item(
            "Spridning",
            notes="Enkäten skickas via föreningsregistret och sprids av studieförbunden. Kjell "
            "Bergdahl ordnar en pappersversion för föreningar utan e-post.",
            actions=(Act("Ordna en pappersversion av enkäten", "kjell", 14),),
        ),
        Item(
            "Tidsplan",
            notes="Svaren sammanställs i april och presenteras på rådets möte.",
        ),
    ),
    5: (
        Item(
            "Efter enkäten",
            notes="Gruppen går igenom hur resultatet har använts. Det ligger till grund för "
            "förslaget till aktivitetsplan.",
        ),
        Item(
            "Uppföljning på tre nivåer",
            notes="Gruppen föreslår att rådet varje år följer upp tre samverkansinsatser: hur "
            "många som deltog, vad som förändrades och vad som inte hade hänt utan samverkan. "
            "Patrik Ekvall (C) vill att föreningarnas egna berättelser ska få plats.",
            actions=(Act("Ta fram en mall för årlig uppföljning", "ylva", 60),),
        ),
        Item(
            "Rapport till kommunstyrelsen",
            notes="Halvtidsutvärderingen lämnas till kommunstyrelsen i början av nästa år.",
        ),
    ),
    6: (
        Item("Rapporten till kommunstyrelsen"),
        Item("Årlig uppföljning – vilka insatser väljer vi?"),
    ),
}
WG_THEME: dict[int, tuple[Item, ...]] = {
    0: (
        Item(
            "Gruppens uppdrag",
            notes="Gruppen ska planera rådets två temakvällar per år. Kvällarna är öppna för alla "
            "organisationer och ska vara lätta att ta till sig även för den som är ny.",
        ),
        Item(
            "Planering: temakväll om krisberedskap",
            notes="Johan Rydell från Kommunledningsförvaltningen inleder, och sedan övar "
            "deltagarna i grupper på ett scenario med ett långvarigt strömavbrott.",
        ),
        Item(
            "Inbjudan och spridning",
            notes="Inbjudan skickas till alla anslutna organisationer och via studieförbunden. "
            "Anmälan behövs för fikat.",
            actions=(Act("Skicka inbjudan till temakvällen", "helena", 10),),
        ),
    ),
    1: (
        Item(
            "Utvärdering av förra temakvällen",
            notes="Kvällen om krisberedskap samlade ett fyrtiotal personer. Övningen var "
            "uppskattad, men flera saknade tid för frågor.",
        ),
        Item(
            "Planering: temakväll om IOP",
            notes="Karim Mansour, som samordnar IOP på Socialförvaltningen, berättar hur ett "
            "partnerskap går till, och Stiftelsen Älvstads Stadsmission delar sina "
            "erfarenheter.",
        ),
        Item(
            "Inbjudan och spridning",
            notes="Inbjudan går ut i början av oktober. Gruppen vill särskilt nå sociala "
            "föreningar som inte har samarbetat med kommunen tidigare.",
            actions=(
                Act("Fråga Stadsmissionen om att berätta om sitt partnerskap", "rebecka", 21),
            ),
        ),
    ),
    2: (
        Item(
            "Utvärdering av förra temakvällen",
            notes="Kvällen om IOP var välbesökt. Många ville veta mer om skillnaden mellan IOP "
            "och bidrag, och det behövs en enkel text om det.",
        ),
        Item(
            "Planering: temakväll om effektmätning",
            notes="Hanna Fält, forskare i socialt arbete, föreläser om hur föreningar kan visa "
            "vad de gör för skillnad, och deltagarna prövar en enkel modell i grupper.",
        ),
        Item(
            "Inbjudan och spridning",
            notes="Inbjudan sprids via föreningsregistret och Föreningarnas Hus. Gruppen prövar "
            "också att ringa några föreningar som sällan kommer.",
            actions=(Act("Ringa tio föreningar som inte brukar komma", "elias", 21),),
        ),
    ),
    3: (
        Item(
            "Utvärdering av förra temakvällen",
            notes="Kvällen om effektmätning lockade många sociala föreningar. Flera bad om en "
            "fortsättning med mer tid för egna exempel.",
        ),
        Item(
            "Planering: temakväll om mötesplatser",
            notes="Lovisa Brink, landsbygdsutvecklare, inleder, och föreningar från Vinterö och "
            "Sjövik berättar om sina bygdegårdar. Kvällen hålls i Vinterö bygdegård.",
        ),
        Item(
            "Inbjudan och spridning",
            notes="Gruppen undersöker om kvällen kan sändas digitalt för dem som har långt till "
            "Vinterö.",
            actions=(Act("Undersöka teknik för att sända kvällen digitalt", "viktor", 30),),
        ),
    ),
    4: (
        Item(
            "Utvärdering av förra temakvällen",
            notes="Kvällen om mötesplatser nådde fler föreningar från landsbygden än tidigare. "
            "Den digitala sändningen fungerade, men ljudet var dåligt.",
        ),
        Item(
            "Planering: temakväll om unga och engagemang",
            notes="Linda Ohlsson, som forskar om ungas engagemang, inleder, och Föreningen Unga "
            "Röster leder samtalen.",
        ),
        Item(
            "Inbjudan och spridning",
            notes="Inbjudan går ut även via skolorna och fritidsgårdarna. Elias Nordqvist gör ett "
            "inlägg för sociala medier.",
            actions=(Act("Göra en inbjudan för sociala medier", "elias", 14),),
        ),
    ),
    5: (
        Item(
            "Utvärdering av förra temakvällen",
            notes="Kvällen om unga och engagemang hade fler unga deltagare än någon tidigare. "
            "Samtalsledarna från Unga Röster fick mycket beröm.",
        ),
        Item(
            "Planering: temakväll om psykisk hälsa och ensamhet",
            notes="Gustav Hellström från Nätverket för psykisk hälsa inleder, och kvällen avslutas "
            "med ett samtal om vad föreningar och kommun kan göra tillsammans.",
        ),
        Item(
            "Inbjudan och spridning",
            notes="Inbjudan skickas i början av oktober. Gruppen ser till att det finns en lugn "
            "plats för den som behöver ta en paus under kvällen.",
            actions=(Act("Skicka inbjudan till temakvällen", "helena", 21),),
        ),
    ),
    6: (
        Item("Utvärdering av förra temakvällen"),
        Item("Planering: temakväll om klimatomställning – datum och lokal"),
    ),
}


@dataclass(frozen=True)
class Theme:
    title: str
    lecture: Item
    groups: Item
    closing: Item
    guests: tuple[str, ...] = ()
    participants: int = 0  # everyone who came, not only the members and guests listed


THEMES: dict[int, Theme] = {
    0: Theme(
        "Temakväll: Krisberedskap – vad gör vi om det händer?",
        Item(
            "Kommunens krisberedskap och föreningarnas roll",
            INFO,
            "johan",
            notes="Johan Rydell berättar hur kommunens krisledning fungerar och vad frivilliga "
            "har gjort vid tidigare händelser. Kontakter som byggs i lugna tider är avgörande "
            "när något händer. Många föreningar har lokaler, fordon eller människor som kan "
            "göra stor nytta, men kommunen vet sällan om det.",
        ),
        Item(
            "Övning i grupper: ett långvarigt strömavbrott",
            DISCUSSION,
            notes="Grupp 1: Vem ringer vi? Ingen av föreningarna i gruppen visste vem i kommunen "
            "de skulle kontakta.\n"
            "Grupp 2: Bygdegårdarna kan bli värmestugor, men de saknar reservkraft.\n"
            "Grupp 3: Föreningar med många äldre medlemmar behöver en plan för att nå dem som "
            "inte har mobiltelefon.\n"
            "Grupp 4: Det behövs en lista över föreningar som vill hjälpa till, och den måste "
            "hållas uppdaterad.",
        ),
        Item(
            "Avslutning och hur vi går vidare",
            notes="Anteckningarna sammanställs och skickas till deltagarna och till kommunens "
            "beredskapsfunktion. Rådet tar frågan om en lista över föreningar vidare.",
            actions=(
                Act(
                    "Sammanställa anteckningarna från grupperna och skicka till deltagarna",
                    "helena",
                    21,
                ),
            ),
        ),
        guests=("marcus",),
        participants=40,
    ),
    1: Theme(
        "Temakväll: Idéburet offentligt partnerskap – när och hur?",
        Item(
            "Vad är IOP?",
            INFO,
            "karim",
            notes="Karim Mansour förklarar skillnaden mellan bidrag, upphandling och idéburet "
            "offentligt partnerskap. Ett partnerskap bygger på att båda parter bidrar och att "
            "föreningen själv har sett behovet. Kommunen har i dag fyra partnerskap, alla inom "
            "det sociala området.",
        ),
        Item(
            "Erfarenheter och samtal",
            DISCUSSION,
            "moa",
            notes="Moa Engdahl berättar om Stadsmissionens partnerskap om ett dagcenter och om "
            "hur lång tid det tog att komma överens. I grupperna tycker många att processen är "
            "krånglig för små föreningar, och några efterfrågar en mall och en kontaktperson. "
            "En grupp påpekar att partnerskap inte får bli ett sätt att köpa billiga tjänster.",
        ),
        Item(
            "Avslutning",
            notes="Frågorna tas med till arbetet med en väg in, steg 2. Presentationen skickas "
            "till alla som anmälde sig.",
            actions=(Act("Skicka presentationen om IOP till deltagarna", "helena", 10),),
        ),
        participants=35,
    ),
    2: Theme(
        "Temakväll: Effektmätning – att visa skillnaden föreningar gör",
        Item(
            "Att mäta det som är viktigt",
            INFO,
            "hanna",
            notes="Hanna Fält berättar att det som är lätt att räkna sällan är det viktigaste. "
            "Hon visar hur föreningar kan följa upp förändring med enkla metoder: korta samtal, "
            "berättelser och några frågor före och efter en aktivitet. Antal deltagare behövs, "
            "men räcker inte för att visa vad en förening betyder.",
        ),
        Item(
            "Övning: vår egen förändringsteori",
            DISCUSSION,
            notes="Deltagarna beskriver i grupper en av sina aktiviteter: vad gör vi, vad vill vi "
            "förändra och hur vet vi om det händer? Flera grupper konstaterar att de vet mycket "
            "om effekterna men aldrig skriver ner dem. En grupp vill att kommunens uppföljning "
            "av bidrag ska fråga efter berättelser, inte bara antal.",
        ),
        Item(
            "Avslutning",
            notes="Rådet tar med sig önskemålet om kvalitativ uppföljning till samtalet med "
            "föreningsstödet på Kultur- och fritidsförvaltningen.",
            actions=(
                Act(
                    "Ta upp önskemålet om kvalitativ uppföljning av bidrag med föreningsstödet",
                    "maja",
                    45,
                ),
            ),
        ),
        participants=55,
    ),
    3: Theme(
        "Temakväll: Mötesplatser i hela kommunen",
        Item(
            "Landsbygdens mötesplatser",
            INFO,
            "lovisa",
            notes="Lovisa Brink berättar om kommunens landsbygdsprogram och om hur bygdegårdar, "
            "kyrkor och idrottsföreningar blir mötesplatser där det inte finns någon kommunal "
            "verksamhet. Avstånd och kollektivtrafik avgör vem som kan vara med.",
        ),
        Item(
            "Samtal: var möts vi?",
            DISCUSSION,
            notes="Grupp 1: Föreningarna i Vinterö och Sjövik delar lokaler och kalender, men det "
            "vet ingen utanför byn.\n"
            "Grupp 2: Stadsdelarnas mötesplatser stänger tidigt på helgerna.\n"
            "Grupp 3: Digitala möten hjälper, men ersätter inte att träffas.\n"
            "Grupp 4: Rådet borde hålla möten ute i kommunen, inte bara i centrum.",
        ),
        Item(
            "Avslutning",
            notes="Förslaget om möten utanför centralorten tas med till arbetet med "
            "aktivitetsplanen. Kvällen sändes också digitalt, för första gången.",
        ),
        guests=("janerik",),
        participants=45,
    ),
    4: Theme(
        "Temakväll: Unga och engagemang",
        Item(
            "Så engagerar sig unga i dag",
            INFO,
            "linda",
            notes="Linda Ohlsson berättar att unga engagerar sig lika mycket som tidigare, men "
            "oftare i korta projekt än i styrelser. Föreningar som låter unga ta ansvar tidigt "
            "behåller dem längre. Hinder som nämns är avgifter, mötestider och ett språk som "
            "känns formellt.",
        ),
        Item(
            "Samtal lett av Föreningen Unga Röster",
            DISCUSSION,
            "elias",
            notes="Deltagarna vill ha fler sätt att vara med utan att binda sig för ett helt år. "
            "Flera föreningar tar gärna emot unga men vet inte hur de når dem. En grupp föreslår "
            "ett gemensamt ungdomsråd för föreningslivet.",
        ),
        Item(
            "Avslutning",
            notes="Idén om ett gemensamt ungdomsråd tas med till AU.",
            actions=(
                Act(
                    "Undersöka intresset för ett ungdomsråd för föreningslivet",
                    "elias",
                    60,
                    open=True,
                ),
            ),
        ),
        guests=("oliver",),
        participants=50,
    ),
    5: Theme(
        "Temakväll: Psykisk hälsa och ensamhet",
        Item(
            "Ensamhet – en fråga för hela samhället",
            INFO,
            "gustav",
            notes="Gustav Hellström beskriver hur ofrivillig ensamhet ökar bland både unga och "
            "äldre. Föreningslivet skyddar, men de som är mest ensamma kommer sällan av sig "
            "själva. Han efterlyser samarbete mellan vården, socialtjänsten och föreningarna.",
        ),
        Item(
            "Samtal: vad kan vi göra tillsammans?",
            DISCUSSION,
            notes="Grupp 1: Föreningar kan ha en fadder som tar emot nya deltagare.\n"
            "Grupp 2: Vårdcentraler och bibliotek kan tipsa om föreningar.\n"
            "Grupp 3: Det behövs en lista över aktiviteter som är gratis och inte kräver "
            "medlemskap.\n"
            "Grupp 4: Kommunen och föreningarna kan göra något gemensamt under "
            "ensamhetsveckan.",
        ),
        Item(
            "Avslutning",
            notes="Förslagen sammanställs och tas med till arbetet med nästa aktivitetsplan.",
            actions=(Act("Sammanställa förslagen från grupperna", "rebecka", 30),),
        ),
        guests=("eva",),
        participants=60,
    ),
    6: Theme(
        "Temakväll: Klimatomställning i föreningslivet",
        Item("Föreningarna och klimatet", INFO),
        Item("Samtal i grupper", DISCUSSION),
        Item("Avslutning"),
    ),
}

# C-nätet's own meetings, by term: its topic and Övriga frågor.
NETWORK: dict[int, tuple[tuple[Item, ...], str]] = {
    0: (
        (
            Item(
                "Överenskommelsen i förvaltningarnas verksamhetsplaner",
                INFO,
                "helena",
                notes="Helena Sjödin går igenom hur överenskommelsen syns i förvaltningarnas "
                "verksamhetsplaner. Tre förvaltningar nämner den, övriga inte alls. C-nätet "
                "föreslår att samverkan med civilsamhället blir en fast rubrik i nästa års "
                "planer.",
                actions=(
                    Act(
                        "Ta fram en gemensam text om samverkan till verksamhetsplanerna",
                        "helena",
                        60,
                    ),
                ),
            ),
        ),
        "",
    ),
    1: (
        (
            Item(
                "Närvaron i C-nätet",
                BOTH,
                notes="Flera förvaltningar har svårt att prioritera C-nätets möten. Mötena "
                "upplevs ibland som information snarare än arbete. C-nätet vill pröva kortare "
                "digitala möten med en tydlig fråga per gång.",
                decisions=(
                    "C-nätet beslutar att pröva kortare digitala möten med en fråga i fokus under "
                    "nästa år.",
                ),
                actions=(
                    Act(
                        "Påminna förvaltningarnas ledningsgrupper om C-nätet och mötesformerna",
                        "helena",
                        30,
                    ),
                ),
            ),
        ),
        "",
    ),
    3: (
        (
            Item(
                "Frivilliga vid kris",
                INFO,
                "johan",
                notes="Johan Rydell berättar om kommunens krisledning och hur frivilliga tas emot. "
                "Varje förvaltning behöver veta vilka föreningar den kan samarbeta med vid en "
                "kris. Platsen för Förskole- och grundskoleförvaltningen har varit vakant sedan i "
                "somras, och frågan om en ny kontaktperson följs upp vid nästa möte.",
                carry=Carry(FOLLOW_UP, "Kontaktperson för Förskole- och grundskoleförvaltningen"),
            ),
        ),
        "C-nätet tar på sig att uppdatera kartan över samverkan en gång per termin.",
    ),
    4: (
        (
            Item(
                "Remisser som berör civilsamhället – vem bevakar vad?",
                DISCUSSION,
                notes="Förvaltningarna skickar remisser till föreningar på olika sätt och ofta "
                "sent. C-nätet går igenom rutinen för remissbevakning och kommer överens om att "
                "varje förvaltning meddelar samordnaren när en remiss går ut till externa parter.",
                actions=(
                    Act(
                        "Meddela samordnaren när en remiss skickas till föreningar",
                        "C-nätets kontaktpersoner",
                        30,
                    ),
                ),
            ),
        ),
        "",
    ),
    5: (
        (
            Item(
                "Introduktion för nya kontaktpersoner",
                INFO,
                notes="Flera förvaltningar har bytt kontaktperson de senaste åren. C-nätet tar "
                "fram en kort introduktion med överenskommelsen, kartan och rutinerna för "
                "remisser och uteslutning.",
                actions=(
                    Act("Skriva en introduktion för nya kontaktpersoner i C-nätet", "maja", 60),
                ),
            ),
        ),
        "",
    ),
    6: ((Item("Kartan över samverkan – vårens uppdatering", INFO),), ""),
}
NETWORK_CANCELLED_TERM = 2
NETWORK_CANCEL_REASON = "Mötet ställs in eftersom för få förvaltningar har anmält sig."

TRAINING_TITLE = "Utbildning: Digitala möten och vår samverkansyta"
TRAINING: tuple[Item, ...] = (
    Item("Välkomna", notes="Helena Sjödin hälsar välkommen till utbildningen."),
    Item(
        "Kallelser, svar och minnesanteckningar",
        INFO,
        "tomas",
        notes="Tomas Kjellberg visar hur kallelser skickas med e-post och hur man svarar att man "
        "kommer eller har förhinder utan att logga in. Minnesanteckningar, beslut och uppgifter "
        "samlas på ett ställe och går att söka i.",
    ),
    Item(
        "Övning",
        notes="Deltagarna övar på att svara på en kallelse och hitta ett beslut från förra året. "
        "De flesta klarar det på några minuter; två behöver hjälp med inloggningen.",
    ),
    Item(
        "Frågor och synpunkter",
        notes="Flera vill att kallelsen även i fortsättningen kommer med e-post, eftersom Teams "
        "är krångligt för den som inte använder det varje dag. Önskemål om en kort skriftlig "
        "guide.",
        actions=(Act("Skriva en kort guide med bilder", "helena", 30),),
    ),
)

NOMINATING: dict[int, tuple[Item, ...]] = {
    1: (
        Item(
            "Inkomna nomineringar",
            notes="Valberedningen har fått nio nomineringar från sju organisationer. Birgitta "
            "Lövgren har meddelat att hon inte ställer upp för omval.",
        ),
        Item(
            "Förslag till val",
            DECISION,
            notes="Valberedningen har samtalat med de nominerade. Rådet ska spegla bredden i "
            "civilsamhället och ha minst en ledamot från Älvstads Föreningsråd.",
            decisions=(
                "Valberedningen beslutar att föreslå Mehmet Kaya till ordförande och Ylva Grahn "
                "till vice ordförande, samt Viktor Lindblom, Kulturalliansen i Älvstad, till ny "
                "ledamot i Samverkansrådet från och med den 1 januari {y+1}.",
            ),
        ),
        Item(
            "Val- och informationskvällen",
            notes="Förslaget presenteras på val- och informationskvällen. Bara anslutna "
            "organisationer har rösträtt.",
            actions=(
                Act(
                    "Skicka valberedningens förslag till de anslutna organisationerna", "gunnel", 14
                ),
            ),
        ),
    ),
    3: (
        Item(
            "Inkomna nomineringar",
            notes="Sju nomineringar har kommit in. Sanna Ekwall lämnar rådet vid årsskiftet.",
        ),
        Item(
            "Förslag till val",
            DECISION,
            notes="Valberedningen vill stärka rådets kontakt med föreningar där många är nya i "
            "Sverige.",
            decisions=(
                "Valberedningen beslutar att föreslå Aisha Warsame, Somaliska kulturföreningen i "
                "Älvstad, till ny ledamot och Farhad Karimi, Föreningen Språkvännerna, till ny "
                "ersättare i Samverkansrådet från och med den 1 januari {y+1}. Övriga ledamöter "
                "föreslås till omval.",
            ),
        ),
        Item(
            "Val- och informationskvällen",
            notes="Kallelsen skickas till alla anslutna organisationer fyra veckor före kvällen.",
            actions=(
                Act(
                    "Skicka valberedningens förslag till de anslutna organisationerna", "gunnel", 14
                ),
            ),
        ),
    ),
    5: (
        Item(
            "Inkomna nomineringar",
            notes="Fem nomineringar har kommit in. Alla ledamöter vars mandat går ut ställer upp "
            "för omval.",
        ),
        Item(
            "Förslag till val",
            DECISION,
            notes="Valberedningen bedömer att rådet fungerar väl och att kontinuitet är viktig "
            "inför arbetet med nästa aktivitetsplan.",
            decisions=(
                "Valberedningen beslutar att föreslå omval av ordförande, vice ordförande och de "
                "ledamöter vars mandat löper ut vid årsskiftet.",
            ),
        ),
        Item(
            "Val- och informationskvällen",
            notes="Gunnel Åkesson presenterar förslaget på kvällen.",
            actions=(
                Act(
                    "Skicka valberedningens förslag till de anslutna organisationerna", "gunnel", 14
                ),
            ),
        ),
    ),
}

ELECTION_PARTICIPANTS = {1: 28, 3: 34, 5: 31}
ELECTION: dict[int, tuple[Item, ...]] = {
    1: (
        Item(
            "Samverkansrådet under året",
            INFO,
            "birgitta",
            notes="Birgitta Lövgren berättar om året: tre arbetsgrupper har startat, två "
            "temakvällar har hållits och rådet har börjat arbeta med en rutin för "
            "remissbevakning. Aktivitetsplanen för de kommande två åren antogs tidigare i "
            "kväll.",
        ),
        Item(
            "Val av ledamöter till Samverkansrådet",
            DECISION,
            "gunnel",
            notes="Gunnel Åkesson presenterar valberedningens förslag. Bara anslutna "
            "organisationer har rösträtt, en röst per organisation. Förslaget godkänns med "
            "acklamation.",
            decisions=(
                "De anslutna organisationerna väljer Mehmet Kaya till ordförande och Ylva Grahn "
                "till vice ordförande i Samverkansrådet, och Viktor Lindblom, Kulturalliansen i "
                "Älvstad, till ny ledamot, från och med den 1 januari {y+1}.",
            ),
        ),
        Item(
            "Kommunens inriktning för {y+1}",
            INFO,
            "henrik",
            notes="Henrik Ståhl (M) berättar om inriktningen i kommunens strategi och budget för "
            "{y+1}. Trygghet, barns uppväxtvillkor och egen försörjning är prioriterade, och "
            "föreningslivet nämns som en viktig partner. Frågor ställs om varför bidragen till "
            "föreningarna inte räknas upp.",
        ),
        Item("Avslutning", notes="Ordföranden tackar alla som kom. Kvällen avslutas med fika."),
    ),
    3: (
        Item(
            "Samverkansrådet under året",
            INFO,
            "mehmet",
            notes="Mehmet Kaya berättar om året: rutinen för uteslutning har antagits, kartan över "
            "samverkan har publicerats och en arbetsgrupp förbereder halvtidsutvärderingen av "
            "överenskommelsen.",
        ),
        Item(
            "Val av ledamöter till Samverkansrådet",
            DECISION,
            "gunnel",
            notes="Gunnel Åkesson presenterar valberedningens förslag. Två organisationer ställer "
            "frågor om hur man nominerar; svaret är att alla anslutna organisationer får "
            "nominera. Förslaget godkänns.",
            decisions=(
                "De anslutna organisationerna väljer Aisha Warsame, Somaliska kulturföreningen i "
                "Älvstad, till ny ledamot och Farhad Karimi, Föreningen Språkvännerna, till ny "
                "ersättare i Samverkansrådet från och med den 1 januari {y+1}. Övriga "
                "ledamöter omväljs.",
            ),
        ),
        Item(
            "Överenskommelsen vid halvtid",
            INFO,
            "jonas",
            notes="Jonas Wennberg berättar att rådet under våren skickar en enkät till alla "
            "anslutna organisationer. Deltagarna uppmanas att svara och att sprida enkäten till "
            "föreningar som inte brukar höras. Flera frågar hur resultatet ska återkopplas.",
        ),
        Item(
            "Avslutning",
            notes="Ordföranden tackar för kvällen och för ett gott samarbete under året.",
        ),
    ),
    5: (
        Item(
            "Samverkansrådet under året",
            INFO,
            "mehmet",
            notes="Mehmet Kaya berättar om året: enkäten till civilsamhället fick svar från 64 "
            "organisationer, rådet höll sin första samverkansdag utanför centralorten och en ny "
            "aktivitetsplan har antagits.",
        ),
        Item(
            "Val av ledamöter till Samverkansrådet",
            DECISION,
            "gunnel",
            notes="Gunnel Åkesson presenterar valberedningens förslag om omval. Förslaget godkänns "
            "utan invändningar.",
            decisions=(
                "De anslutna organisationerna omväljer ordförande, vice ordförande och de "
                "ledamöter i Samverkansrådet vars mandat löper ut, för perioden {y+1}–{y+2}.",
            ),
        ),
        Item(
            "Aktivitetsplan {y+1}–{y+2}",
            INFO,
            "mehmet",
            notes="Mehmet Kaya presenterar den nya aktivitetsplanen. Deltagarna välkomnar fler "
            "möten ute i kommunen och vill att uppföljningen tar med föreningarnas egna "
            "berättelser.",
        ),
        Item(
            "Avslutning",
            notes="Ordföranden tackar alla organisationer som har svarat på enkäten och deltagit "
            "under året.",
        ),
    ),
}

# The watch list ("På gång/bevakningslista"): the status of each entry from a term on; None
# once it has been struck from the list.
WATCH_LIST: list[tuple[str, dict[int, str | None]]] = [
    (
        "Projekt: Klimatomställning i vardagen (KLF)",
        {
            0: "Projektet pågår till och med {y+1}. Dialoger med invånare om konsumtion och "
            "delning genomförs i tre stadsdelar.",
            2: "Avslutande fas. Slutrapporten sammanställs under hösten.",
            3: "Slutrapporten är klar och skickas till rådet. Punkten stryks från listan.",
            4: None,
        },
    ),
    (
        "Projekt: ESF – fritid för barn i ekonomisk utsatthet (KLF)",
        {
            0: "Kommunen har fått medel under tre år för att göra kultur- och "
            "fritidsaktiviteter tillgängliga för barn i familjer med små marginaler. "
            "Ängsbacka är prioriterat område.",
            2: "Projektet samarbetar nu med elva föreningar. Projektledningen berättar gärna mer "
            "på ett kommande möte.",
            4: "Projektet går in i sitt sista år. En utvärdering pågår.",
        },
    ),
    (
        "Uppdrag: En väg in för civilsamhället (KFF)",
        {
            0: "Steg 1, föreningsbidrag, genomförs med handläggarteam per bidragstyp.",
            3: "Steg 2, IOP, idéer och upphandling, har påbörjats.",
            5: "Förslaget till steg 2 är på remiss hos förvaltningarna.",
        },
    ),
    (
        "Uppdrag: Utveckla dialogen med civilsamhället (KLF)",
        {
            0: "Uppdraget är pausat i väntan på nya direktiv.",
            1: "Fortfarande pausat. Punkten stryks från listan tills nya direktiv kommer.",
            2: None,
        },
    ),
    (
        "Nätverk: Regionalt partnerskap för sociala innovationer",
        {
            0: "Partnerskapet planerar en gemensam utlysning för sociala företag. Café Trappan "
            "är med i styrgruppen.",
            3: "Partnerskapet har tagit emot studiebesök från två andra regioner och bjuder in "
            "till en konferens i vår.",
            5: "Partnerskapet söker nya medlemmar från föreningslivet.",
        },
    ),
    (
        "Översiktsplanen Älvstad 2050 (Miljö- och stadsbyggnadsförvaltningen)",
        {
            1: "Samrådet startar efter årsskiftet. Planerarna kommer till rådets möte i januari.",
            2: "Samrådet pågår till slutet av mars. Rådet lämnar ett gemensamt yttrande.",
            3: "Samrådsredogörelsen är klar. Rådets synpunkter om mötesplatser på landsbygden "
            "finns med.",
            4: "Planen ställs ut under hösten.",
            5: "Planen antas av kommunfullmäktige i början av nästa år.",
        },
    ),
    (
        "Områdesgrupper",
        {
            2: "En ny områdesgrupp startar i Ängsbacka med föreningar, skola, bostadsbolag och "
            "polis.",
            4: "Områdesgruppen i Vinterö har kommit igång. Föreningarna vill ha fler träffar på "
            "kvällstid.",
        },
    ),
    (
        "Fritidskortet",
        {
            3: "Staten inför ett fritidskort för barn. Försäkringskassan bygger upp ett register "
            "över godkända aktörer inom civilsamhället.",
            5: "Införandet av fritidskortet har skjutits upp. Punkten stryks från listan.",
            6: None,
        },
    ),
]

BODY_PURPOSES = {
    "council": "Samverkansrådet följer och utvecklar överenskommelsen om samverkan mellan "
    "Älvstads kommun och civilsamhället. Rådet har tio ledamöter från civilsamhället, varav minst "
    "en från Älvstads Föreningsråd, tre förtroendevalda och kommunens samordnare som sekreterare. "
    "Rådet träffas fyra gånger om året, två av gångerna tillsammans med C-nätet.",
    "network": "C-nätet samlar en kontaktperson från varje förvaltning. Nätverket sprider "
    "överenskommelsen i kommunens verksamheter och träffar Samverkansrådet två gånger om året.",
    "au": "Arbetsutskottet förbereder rådets möten och fattar mindre beslut mellan mötena.",
    "nominating": "Valberedningen tar emot nomineringar och föreslår ledamöter till "
    "Samverkansrådet inför val- och informationskvällen.",
    "map": "Arbetsgruppen tar fram en karta över var kommunen och civilsamhället möts, med "
    "kontaktpersoner och forum.",
    "exclusion": "Arbetsgruppen tar fram en rutin för hur en aktör kan uteslutas från "
    "överenskommelsen: skäl, hur organisationen får yttra sig, beslut och dokumentation.",
    "theme": "Arbetsgruppen planerar rådets temakvällar, två om året, öppna för alla "
    "organisationer.",
    "follow_up": "Arbetsgruppen förbereder halvtidsutvärderingen av överenskommelsen och föreslår "
    "hur samverkan kan följas upp på tre nivåer.",
}


# --- Helpers ---------------------------------------------------------------------------------------


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in folded if c.isascii() and (c.isalnum() or c in ".-"))


def _email(name: str) -> str:
    return f"{_ascii(name.replace(' ', '.'))}@{EMAIL_DOMAIN}"


def _at(day: date, hour: int = 10, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def _on_or_after(day: date, weekday: int) -> date:
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def _period(year: int) -> str:
    start = 2020 + 4 * ((year - 2020) // 4)
    return f"{start}–{start + 3}"


def _fill(text: str, year: int) -> str:
    for token, value in (
        ("{y+2}", year + 2),
        ("{y+1}", year + 1),
        ("{y-1}", year - 1),
        ("{y}", year),
    ):
        text = text.replace(token, str(value))
    return text.replace("{period}", _period(year))


def _day_month(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]}"


def _clock(value: time) -> str:
    return f"{value.hour}" if value.minute == 0 else f"{value.hour}.{value.minute:02d}"


def _and(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} och {names[-1]}"


MON, TUE, WED, THU = 0, 1, 2, 3
HOLDS_MINUTES = {
    "council",
    "au",
    "wg_map",
    "wg_exclusion",
    "wg_follow_up",
    "wg_theme",
    "network",
    "theme",
    "training",
    "nominating",
    "election",
}
ON_CALENDAR = {"council", "network", "theme", "training", "conference", "election"}


@dataclass
class Slot:
    """A meeting in the yearly calendar."""

    kind: str  # council, au, wg_map, wg_exclusion, wg_follow_up, wg_theme, network, theme,
    # training, conference, nominating, election
    term: int  # 0 is the spring two years before today's year; 6 is next spring
    number: int  # the council's and AU's first or second meeting of the term
    day: date
    start: time | None
    end: time | None
    place: str
    joint: bool = False
    undecided: bool = False  # planned, but its date is not decided yet
    cancel: str = ""

    @property
    def key(self) -> tuple[int, int]:
        return (self.term, self.number)

    @property
    def order(self) -> tuple:
        return (self.day, self.start or time.min)


# --- The story -------------------------------------------------------------------------------------


@dataclass
class _Story:
    seed: int
    today: date
    rng: random.Random = field(init=False)
    first_year: int = field(init=False)
    people: dict[str, Person] = field(default_factory=dict)
    key_of: dict[int, str] = field(default_factory=dict)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    departments: dict[str, Organisation] = field(default_factory=dict)
    parties: dict[str, Party] = field(default_factory=dict)
    bodies: dict[str, Body] = field(default_factory=dict)
    plan: list[Slot] = field(default_factory=list)
    carried_seen: Counter = field(default_factory=Counter)
    news_used: Counter = field(default_factory=Counter)
    successor_names: dict[str, str] = field(default_factory=dict)
    department_seen: Counter = field(default_factory=Counter)
    party_now: dict[str, str] = field(default_factory=dict)
    last_council_day: date | None = None
    secretary: User = field(init=False)
    # When things happened in the story, applied by backdate().
    meeting_times: dict[int, dict[str, datetime]] = field(default_factory=lambda: defaultdict(dict))
    done_times: dict[int, datetime] = field(default_factory=dict)
    answer_times: dict[int, datetime] = field(default_factory=dict)
    revision_times: dict[int, datetime] = field(default_factory=dict)
    revise_item: AgendaItem | None = None

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)
        self.first_year = self.today.year - 2

    # -- time --------------------------------------------------------------------------------

    def term_year(self, term: int) -> int:
        return self.first_year + term // 2

    def start_of(self, years_before: int, month: int = 1, day: int = 1) -> date:
        """A date some years before the story starts (never before the council existed)."""
        return max(date(2020, 1, 1), date(self.first_year - years_before, month, day))

    def before_today(self, when: datetime) -> datetime:
        latest = _at(self.today - timedelta(days=1), 20, 0)
        return min(when, latest)

    # -- the register --------------------------------------------------------------------------

    def organisation(self, key: str) -> Organisation:
        if key not in self.organisations:
            names, kind = ORGANISATIONS[key]
            found = Organisation.objects.filter(name__in=names)
            chosen = next((o for name in names for o in found if o.name == name), None)
            if chosen is None:
                used = {o.pk for o in self.organisations.values()}
                chosen = (
                    Organisation.objects.filter(kind=kind)
                    .exclude(pk__in=used)
                    .order_by("name_sort", "pk")
                    .first()
                )
            if chosen is None:
                raise RuntimeError(f"The register has no organisation for {key!r}.")
            self.organisations[key] = chosen
        return self.organisations[key]

    def load_register(self) -> None:
        secretary = User.objects.filter(email=SECRETARY_EMAIL).first()
        departments = Organisation.objects.filter(kind=OrganisationKind.MUNICIPAL_DEPARTMENT)
        if secretary is None or not departments.exists():
            raise RuntimeError(
                "Load the organisations demo (samverkan.organisations.demo.load_demo) first: the "
                "meetings demo needs its departments, organisations and secretary."
            )
        self.secretary = secretary
        for department in departments.order_by("name_sort", "pk"):
            self.departments[department.name] = department

    def current_departments(self) -> list[Organisation]:
        """The departments that exist now: those that were not renamed or merged away."""
        return list(
            Organisation.objects.filter(
                kind=OrganisationKind.MUNICIPAL_DEPARTMENT, successor_links__isnull=True
            ).order_by("name_sort", "pk")
        )

    # -- people, bodies and seats ----------------------------------------------------------------

    def create_people(self) -> None:
        for abbreviation, name in PARTIES:
            self.parties[abbreviation], _created = Party.objects.get_or_create(
                abbreviation=abbreviation, defaults={"name": name}
            )
        for spec in PEOPLE:
            person = services.person_create(
                name=spec.name,
                email=_email(spec.name) if spec.email else "",
                phone=spec.phone,
                user=self.secretary if spec.key == "helena" else None,
            )
            self.people[spec.key] = person
            self.key_of[person.pk] = spec.key

    def seat(
        self,
        body: str,
        person: str | None,
        start: date,
        *,
        organisation: Organisation | None = None,
        party: str = "",
        role: str = MembershipRole.MEMBER,
        title: str = "",
        end: date | None = None,
    ) -> Membership:
        membership = services.membership_add(
            body=self.bodies[body],
            person=self.people[person] if person else None,
            start=start,
            organisation=organisation,
            party=self.parties[party] if party else None,
            role=role,
            title=title,
        )
        if end is not None:
            services.membership_end(membership=membership, end=end)
        return membership

    def create_bodies(self) -> None:
        council = services.body_create(
            name="Samverkansrådet",
            slug="samverkansradet",
            kind=BodyKind.COUNCIL,
            short_name="Rådet",
            purpose=BODY_PURPOSES["council"],
            active_from=date(2020, 1, 1),
        )
        self.bodies["council"] = council
        self.bodies["network"] = services.body_create(
            name="C-nätet",
            slug="c-natet",
            kind=BodyKind.NETWORK,
            short_name="C-nätet",
            purpose=BODY_PURPOSES["network"],
            active_from=date(2020, 2, 1),
        )
        self.bodies["au"] = services.body_create(
            name="Samverkansrådets arbetsutskott",
            slug="au",
            kind=BodyKind.EXECUTIVE_COMMITTEE,
            short_name="AU",
            purpose=BODY_PURPOSES["au"],
            parent=council,
            active_from=date(2020, 1, 1),
        )
        self.bodies["nominating"] = services.body_create(
            name="Valberedningen",
            slug="valberedningen",
            kind=BodyKind.NOMINATING_COMMITTEE,
            short_name="Valberedningen",
            purpose=BODY_PURPOSES["nominating"],
            parent=council,
            active_from=date(2020, 1, 1),
        )

    def follow_renames(
        self, body: str, person: str | None, department: Organisation, start: date, **seat
    ) -> None:
        """A seat representing a department follows it through renames and mergers: the
        membership for the former department ends the day before the change and a new one
        starts for the department as it is called now."""
        links = list(
            OrganisationLink.objects.filter(
                successor=department,
                kind__in=[OrganisationLink.Kind.RENAMED, OrganisationLink.Kind.MERGED],
            )
            .select_related("predecessor")
            .order_by("predecessor__name_sort", "pk")
        )
        former_holders = list(FORMER_CONTACTS) if body == "network" else []
        for number, link in enumerate(links):
            if link.date <= start:
                continue
            holder = person if number == 0 else (former_holders.pop(0) if former_holders else None)
            if holder is None and number > 0:
                continue
            self.seat(
                body,
                holder,
                start,
                organisation=link.predecessor,
                end=link.date - timedelta(days=1),
                **seat,
            )
        changed = max((link.date for link in links if link.date > start), default=start)
        self.seat(body, person, changed, organisation=department, **seat)

    def create_memberships(self) -> None:
        y1 = self.first_year  # the story's first year
        new_year_2 = date(y1 + 1, 1, 1)  # after the first election evening
        new_year_3 = date(y1 + 2, 1, 1)  # after the second
        end_1 = new_year_2 - timedelta(days=1)
        end_2 = new_year_3 - timedelta(days=1)
        summer = date(y1 + 1, 7, 1)
        spring = date(y1 + 1, 3, 1)
        org = self.organisation
        klf = self.departments[KLF]

        # Samverkansrådet: the chair changes at the first election evening, one member moves
        # away in the summer and the substitute takes the seat, one leaves at the second.
        self.seat(
            "council",
            "birgitta",
            self.start_of(3),
            organisation=org("foreningsrad"),
            role=MembershipRole.CHAIR,
            end=end_1,
        )
        self.seat(
            "council",
            "mehmet",
            self.start_of(2),
            organisation=org("foreningsrad"),
            role=MembershipRole.VICE_CHAIR,
            end=end_1,
        )
        self.seat(
            "council",
            "mehmet",
            new_year_2,
            organisation=org("foreningsrad"),
            role=MembershipRole.CHAIR,
        )
        self.seat("council", "ylva", self.start_of(2), organisation=org("funktionsratt"), end=end_1)
        self.seat(
            "council",
            "ylva",
            new_year_2,
            organisation=org("funktionsratt"),
            role=MembershipRole.VICE_CHAIR,
        )
        self.seat("council", "jonas", self.start_of(1), organisation=org("idrott"))
        self.seat("council", "sanna", self.start_of(3), organisation=org("rodakorset"), end=end_2)
        self.seat(
            "council",
            "goran",
            self.start_of(1),
            organisation=org("brottsoffer"),
            end=summer - timedelta(days=1),
        )
        self.seat("council", "petra", self.start_of(0), organisation=org("studie"))
        self.seat("council", "daniel", self.start_of(0), organisation=org("pingst"))
        self.seat("council", "rebecka", self.start_of(1), organisation=org("trappan"))
        self.seat("council", "elias", self.start_of(0), organisation=org("ungaroster"))
        self.seat(
            "council",
            "kjell",
            self.start_of(0),
            organisation=org("seniorer"),
            role=MembershipRole.SUBSTITUTE,
            end=summer - timedelta(days=1),
        )
        self.seat("council", "kjell", summer, organisation=org("seniorer"))
        self.seat(
            "council",
            "nadia",
            self.start_of(1),
            organisation=org("npf"),
            role=MembershipRole.SUBSTITUTE,
        )
        self.seat("council", "viktor", new_year_2, organisation=org("kultur"))
        self.seat("council", "aisha", new_year_3, organisation=org("somaliska"))
        self.seat(
            "council",
            "farhad",
            new_year_3,
            organisation=org("sprak"),
            role=MembershipRole.SUBSTITUTE,
        )
        # The elected politicians: one leaves her political posts and is replaced.
        self.seat("council", "henrik", self.start_of(1), party="M", title="kommunalråd")
        self.seat("council", "amira", self.start_of(1), party="S", title="oppositionsråd")
        self.seat("council", "jenny", self.start_of(2), party="L", end=spring - timedelta(days=1))
        self.seat("council", "patrik", spring, party="C")
        # The municipality's coordinator is the council's secretary.
        self.follow_renames(
            "council", "helena", klf, self.start_of(3, 2, 1), role=MembershipRole.SECRETARY
        )

        # AU follows the chair and vice chair.
        self.seat(
            "au",
            "birgitta",
            self.start_of(3),
            organisation=org("foreningsrad"),
            role=MembershipRole.CHAIR,
            end=end_1,
        )
        self.seat(
            "au",
            "mehmet",
            self.start_of(2),
            organisation=org("foreningsrad"),
            role=MembershipRole.VICE_CHAIR,
            end=end_1,
        )
        self.seat(
            "au", "mehmet", new_year_2, organisation=org("foreningsrad"), role=MembershipRole.CHAIR
        )
        self.seat(
            "au",
            "ylva",
            new_year_2,
            organisation=org("funktionsratt"),
            role=MembershipRole.VICE_CHAIR,
        )
        self.seat("au", "henrik", self.start_of(1), party="M", title="kommunalråd")
        self.follow_renames(
            "au", "helena", klf, self.start_of(3, 2, 1), role=MembershipRole.SECRETARY
        )

        # C-nätet: one seat per department; a renamed department's seat follows it; one seat
        # becomes vacant in the summer and stays so.
        for department in self.current_departments():
            person, start = DEPARTMENT_CONTACTS.get(department.name, (None, date(2020, 2, 1)))
            role = MembershipRole.CHAIR if person == "helena" else MembershipRole.MEMBER
            if department.name == FGF and person is not None:
                self.seat(
                    "network",
                    person,
                    start,
                    organisation=department,
                    end=summer - timedelta(days=1),
                )
                self.seat("network", None, summer, organisation=department)
            else:
                self.follow_renames("network", person, department, start, role=role)

        # Valberedningen
        self.seat(
            "nominating",
            "gunnel",
            self.start_of(1, 3, 1),
            organisation=org("pension"),
            role=MembershipRole.CHAIR,
        )
        self.seat("nominating", "ibrahim", self.start_of(0, 3, 1), organisation=org("integration"))
        self.seat("nominating", "karolina", date(y1 + 1, 3, 1), organisation=org("gemenskapen"))

        self.create_rules()

    def create_rules(self) -> None:
        council = self.bodies["council"]
        kind = CompositionRule.Kind
        rules = [
            CompositionRule(
                body=council,
                kind=kind.CIVIL_SOCIETY_MEMBERS,
                minimum=10,
                maximum=10,
                description="Tio ledamöter från civilsamhället",
            ),
            CompositionRule(
                body=council,
                kind=kind.FROM_ORGANISATION,
                minimum=1,
                organisation=self.organisation("foreningsrad"),
                description="Minst en ledamot från Älvstads Föreningsråd",
            ),
            CompositionRule(
                body=council,
                kind=kind.POLITICIANS,
                minimum=3,
                maximum=3,
                description="Tre förtroendevalda",
            ),
            CompositionRule(
                body=council,
                kind=kind.WITH_TITLE,
                minimum=1,
                title="kommunalråd",
                description="Minst ett kommunalråd",
            ),
            CompositionRule(
                body=council,
                kind=kind.WITH_ROLE,
                minimum=1,
                maximum=1,
                role=MembershipRole.SECRETARY,
                description="Kommunens samordnare är sekreterare",
            ),
            CompositionRule(
                body=council,
                kind=kind.WITH_ROLE,
                minimum=1,
                maximum=1,
                role=MembershipRole.CHAIR,
                description="En ordförande",
            ),
            CompositionRule(
                body=council,
                kind=kind.WITH_ROLE,
                minimum=1,
                maximum=1,
                role=MembershipRole.VICE_CHAIR,
                description="En vice ordförande",
            ),
            CompositionRule(
                body=council,
                kind=kind.IN_WORKING_GROUP,
                description="Alla ledamöter ingår i minst en arbetsgrupp",
            ),
        ]
        for rule in rules:
            rule.full_clean()
            rule.save()

    def found_group(
        self,
        key: str,
        name: str,
        slug: str,
        short: str,
        day: date,
        members: list[tuple[str, str, date | None, date | None]],
        active_to: date | None = None,
    ) -> None:
        """A working group set up by the council on `day`: (person, role, start, end)."""
        self.bodies[key] = services.body_create(
            name=name,
            slug=slug,
            kind=BodyKind.WORKING_GROUP,
            short_name=short,
            purpose=BODY_PURPOSES[key.removeprefix("wg_")],
            parent=self.bodies["council"],
            active_from=day,
            active_to=active_to,
        )
        for person, role, start, end in members:
            self.seat(
                key,
                person,
                start or day,
                role=role,
                organisation=self.representing(person, start or day),
                party=self.party_of(person, start or day),
                end=end,
            )

    def representing(self, person: str, day: date) -> Organisation | None:
        seat = self.council_seat(person, day)
        return seat.organisation if seat else None

    def party_of(self, person: str, day: date) -> str:
        seat = self.council_seat(person, day)
        return seat.party.abbreviation if seat and seat.party else ""

    def council_seat(self, person: str, day: date) -> Membership | None:
        for body in ("council", "network"):
            seat = (
                services.members_on([self.bodies[body].pk], day)
                .filter(person=self.people[person])
                .select_related("organisation", "party")
                .first()
            )
            if seat is not None:
                return seat
        return None

    def apply_effect(self, effect: str, meeting: Meeting) -> None:
        day = meeting.date
        member, chair, secretary = (
            MembershipRole.MEMBER,
            MembershipRole.CHAIR,
            MembershipRole.SECRETARY,
        )
        if effect == "found_groups":
            later = day + timedelta(days=14)
            end_1 = date(self.first_year, 12, 31)
            closing = self.closing_day()
            self.found_group(
                "wg_map",
                "Arbetsgrupp Karta över samverkan",
                "arbetsgrupp-karta",
                "Karta",
                day,
                [
                    ("petra", chair, None, None),
                    ("mehmet", member, None, None),
                    ("daniel", member, later, None),
                    ("amira", member, later, None),
                    ("maja", member, None, None),
                    ("helena", secretary, None, None),
                ],
            )
            self.found_group(
                "wg_exclusion",
                "Arbetsgrupp Rutin för uteslutning",
                "arbetsgrupp-uteslutning",
                "Uteslutning",
                day,
                [
                    ("jonas", chair, None, closing),
                    ("ylva", member, None, closing),
                    ("birgitta", member, None, end_1),
                    ("jenny", member, later, date(self.first_year + 1, 3, 1) - timedelta(days=1)),
                ],
                active_to=closing,
            )
            self.found_group(
                "wg_theme",
                "Arbetsgrupp Temakväll",
                "arbetsgrupp-temakvall",
                "Temakväll",
                day,
                [
                    ("rebecka", chair, None, None),
                    ("elias", member, None, None),
                    ("sanna", member, None, date(self.first_year + 1, 12, 31)),
                    ("goran", member, later, date(self.first_year + 1, 6, 30)),
                    ("viktor", member, date(self.first_year + 1, 1, 1), None),
                    ("aisha", member, date(self.first_year + 2, 1, 15), None),
                    ("helena", secretary, None, None),
                ],
            )
        elif effect == "found_follow_up_group":
            self.found_group(
                "wg_follow_up",
                "Arbetsgrupp Uppföljning och effektmätning",
                "arbetsgrupp-uppfoljning",
                "Uppföljning",
                day,
                [
                    ("ylva", chair, None, None),
                    ("jonas", member, None, None),
                    ("kjell", member, None, None),
                    ("henrik", member, None, None),
                    ("patrik", member, None, None),
                ],
            )

    def closing_day(self) -> date:
        """The day the council adopts the exclusion routine and closes the working group.

        There is no service to change a body after it is made, so the group gets its end date
        (and its members theirs) when it is set up."""
        slot = next(s for s in self.full_plan() if s.kind == "council" and s.key == (2, 1))
        return slot.day

    # -- the calendar ----------------------------------------------------------------------------

    def full_plan(self) -> list[Slot]:
        if self.plan:
            return self.plan
        slots: list[Slot] = []
        for year in range(self.first_year, self.first_year + 4):
            for half in (0, 1):
                term = 2 * (year - self.first_year) + half
                slots.extend(self.term_slots(year, term, spring=half == 0))
        slots.sort(key=lambda s: s.order)
        self.plan = slots
        return slots

    def term_slots(self, y: int, term: int, *, spring: bool) -> list[Slot]:
        def on(month: int, day: int, weekday: int) -> date:
            return _on_or_after(date(y, month, day), weekday)

        slots: list[Slot] = []
        au_time = (time(13, 15), time(14, 45))
        if spring:
            council_place = PLACE_CITY_HALL if term == 2 else PLACE_HOUSE
            slots += [
                Slot("au", term, 0, on(1, 14, TUE), *au_time, PLACE_TEAMS),
                Slot(
                    "council",
                    term,
                    0,
                    on(1, 28, TUE),
                    time(16),
                    time(18),
                    council_place,
                    joint=True,
                ),
                Slot("wg_map", term, 0, on(2, 11, WED), time(15), time(16, 30), PLACE_TEAMS),
                Slot("wg_theme", term, 0, on(2, 17, TUE), time(17), time(18, 30), PLACE_HOUSE),
                Slot(
                    "network",
                    term,
                    0,
                    on(3, 4, WED),
                    *au_time,
                    PLACE_TEAMS,
                    cancel=NETWORK_CANCEL_REASON if term == NETWORK_CANCELLED_TERM else "",
                ),
                Slot("theme", term, 0, on(3, 18, THU), time(18), time(20), PLACE_HOUSE),
                Slot("au", term, 1, on(4, 8, TUE), *au_time, PLACE_TEAMS),
                Slot(
                    "council",
                    term,
                    1,
                    on(4, 22, TUE),
                    time(16),
                    time(18),
                    PLACE_TEAMS if term == 0 else PLACE_HOUSE,
                ),
            ]
            if term < 3:
                slots.append(
                    Slot(
                        "wg_exclusion", term, 0, on(2, 19, THU), time(16), time(17, 30), PLACE_HOUSE
                    )
                )
            if term > 3:
                slots.append(
                    Slot(
                        "wg_follow_up", term, 0, on(2, 23, MON), time(15), time(16, 30), PLACE_TEAMS
                    )
                )
        else:
            december = on(12, 1, TUE)
            slots += [
                Slot("au", term, 0, on(8, 25, TUE), *au_time, PLACE_TEAMS),
                Slot(
                    "council", term, 0, on(9, 8, TUE), time(16), time(18), PLACE_HOUSE, joint=True
                ),
                Slot("wg_theme", term, 0, on(9, 22, TUE), time(17), time(18, 30), PLACE_HOUSE),
                Slot("wg_map", term, 0, on(9, 30, WED), time(15), time(16, 30), PLACE_TEAMS),
                Slot("network", term, 0, on(10, 7, WED), *au_time, PLACE_TEAMS),
                Slot("conference", term, 0, on(10, 13, TUE), None, None, PLACE_CONFERENCE),
                Slot("nominating", term, 0, on(10, 28, WED), time(17), time(18, 30), PLACE_TEAMS),
                Slot(
                    "theme",
                    term,
                    0,
                    on(11, 5, THU),
                    time(18),
                    time(20),
                    PLACE_VILLAGE_HALL if term == 3 else PLACE_HOUSE,
                ),
                Slot("au", term, 1, on(11, 17, TUE), *au_time, PLACE_TEAMS),
                Slot("council", term, 1, december, time(16), time(18), PLACE_HOUSE),
                Slot("election", term, 0, december, time(18), time(20), PLACE_HOUSE),
            ]
            if term == 1:
                slots.append(
                    Slot(
                        "wg_exclusion", term, 0, on(10, 1, THU), time(16), time(17, 30), PLACE_HOUSE
                    )
                )
            if term >= 3:
                slots.append(
                    Slot(
                        "wg_follow_up", term, 0, on(10, 1, THU), time(15), time(16, 30), PLACE_TEAMS
                    )
                )
            if term == 3:
                slots.append(
                    Slot("training", term, 0, on(10, 12, MON), time(15, 30), time(17), PLACE_TEAMS)
                )
        return slots

    def title_of(self, slot: Slot) -> str:
        year = slot.day.year
        if slot.kind == "council":
            if slot.joint:
                return "Samverkansrådet och C-nätet"
            return (
                "Samverkansrådet med julavslutning" if slot.day.month == 12 else "Samverkansrådet"
            )
        if slot.kind == "theme":
            theme = THEMES.get(slot.term)
            return theme.title if theme else "Temakväll"
        return {
            "au": "Arbetsutskottet (AU)",
            "wg_map": "Arbetsgrupp Karta över samverkan",
            "wg_exclusion": "Arbetsgrupp Rutin för uteslutning",
            "wg_theme": "Arbetsgrupp Temakväll",
            "wg_follow_up": "Arbetsgrupp Uppföljning och effektmätning",
            "network": "C-nätet",
            "training": TRAINING_TITLE,
            "conference": f"Kunskapskonferensen {year}",
            "nominating": "Valberedningen",
            "election": f"Val- och informationskväll {year}",
        }[slot.kind]

    def bodies_of(self, slot: Slot) -> list[Body]:
        keys = {
            "council": ["council", "network"] if slot.joint else ["council"],
            "au": ["au"],
            "network": ["network"],
            "theme": ["council"],
            "training": ["council", "network"],
            "conference": ["council"],
            "nominating": ["nominating"],
            "election": ["council", "nominating"],
        }.get(slot.kind, [slot.kind])
        return [self.bodies[key] for key in keys]

    def meeting_kind(self, slot: Slot) -> str:
        if slot.kind == "council":
            return MeetingKind.JOINT_MEETING if slot.joint else MeetingKind.MEETING
        if slot.kind.startswith("wg_"):
            return MeetingKind.WORKING_GROUP_MEETING
        return {
            "au": MeetingKind.MEETING,
            "network": MeetingKind.MEETING,
            "nominating": MeetingKind.MEETING,
            "theme": MeetingKind.THEME_EVENING,
            "training": MeetingKind.TRAINING,
            "conference": MeetingKind.EXTERNAL_CONFERENCE,
            "election": MeetingKind.ELECTION_EVENING,
        }[slot.kind]

    def minutes_taker(self, slot: Slot) -> Person:
        return self.people["gunnel" if slot.kind == "nominating" else "helena"]

    def recorded_by(self, slot: Slot) -> str:
        if slot.kind == "nominating":
            return "Gunnel Åkesson, ordförande i valberedningen"
        return RECORDED_BY_SECRETARY

    # -- agendas ---------------------------------------------------------------------------------

    def agenda_specs(self, slot: Slot) -> list[Item]:
        t, n = slot.key
        if slot.kind == "council":
            items, other = COUNCIL.get((t, n), ((), ""))
            return [WELCOME, *items, CARRIED, WATCH, CALENDAR, aob(other)]
        if slot.kind == "au":
            items, other = AU.get((t, n), ((), ""))
            return [OPENING, PREPARE, CARRIED, *items, aob(other)]
        if slot.kind == "network":
            items, other = NETWORK.get(t, ((), ""))
            return [ROUND, CARRIED, *items, NEXT_JOINT, aob(other)]
        groups = {
            "wg_map": WG_MAP,
            "wg_exclusion": WG_EXCLUSION,
            "wg_follow_up": WG_FOLLOW_UP,
            "wg_theme": WG_THEME,
        }
        if slot.kind in groups:
            return [CARRIED, *groups[slot.kind].get(t, ())]
        if slot.kind == "theme":
            theme = THEMES.get(t)
            return [EVENING_WELCOME, theme.lecture, theme.groups, theme.closing] if theme else []
        if slot.kind == "training":
            return list(TRAINING)
        if slot.kind == "nominating":
            return list(NOMINATING.get(t, ()))
        if slot.kind == "election":
            return [EVENING_WELCOME, *ELECTION.get(t, ())]
        return []

    def item_title(self, spec: Item, slot: Slot) -> str:
        year = slot.day.year
        if spec.gen == "prepare":
            council = self.council_after(slot)
            return f"Förberedelse av rådets möte {_day_month(council.day)}"
        if spec.gen == "calendar":
            if slot.day.month <= 2:
                return f"Kalendarium vt {year}"
            if slot.day.month <= 6:
                return f"Kalendarium {year}"
            if slot.day.month <= 10:
                return f"Kalendarium ht {year}"
            return f"Kalendarium vt {year + 1}"
        return _fill(spec.title, year)

    def presenter(self, key: str) -> str:
        if key not in self.people:
            return key
        if key not in self.party_now:
            party = (
                Membership.objects.filter(person=self.people[key], party__isnull=False)
                .order_by("-start")
                .values_list("party__abbreviation", flat=True)
                .first()
            )
            self.party_now[key] = party or ""
        party = self.party_now[key]
        name = self.people[key].name
        return f"{name} ({party})" if party else name

    def council_after(self, slot: Slot) -> Slot:
        return next(s for s in self.full_plan() if s.kind == "council" and s.day > slot.day)

    def create_meeting(self, slot: Slot, *, carry_over: bool) -> Meeting:
        online = slot.place == PLACE_TEAMS
        meeting = services.meeting_create(
            bodies=self.bodies_of(slot),
            carry_over=carry_over,
            kind=self.meeting_kind(slot),
            title=self.title_of(slot),
            date=None if slot.undecided else slot.day,
            start_time=slot.start,
            end_time=slot.end,
            all_day=slot.kind == "conference",
            place=slot.place,
            online_url=f"{TEAMS_URL}/{slot.kind.replace('_', '-')}-{slot.day:%Y%m%d}"
            if online
            else "",
            visibility=Meeting.Visibility.PUBLIC
            if slot.kind in ("council", "theme", "election", "conference")
            else Meeting.Visibility.MEMBERS,
            minutes_taker=self.minutes_taker(slot),
        )
        planned = slot.day - timedelta(days=self.rng.randint(21, 75))
        if slot.kind == "conference":
            planned = slot.day - timedelta(days=self.rng.randint(90, 150))
        planned -= timedelta(days=max(0, planned.weekday() - 4))  # a weekday
        self.meeting_times[meeting.pk]["created"] = self.before_today(
            _at(planned, self.rng.randint(8, 15), self.rng.randrange(60))
        )
        return meeting

    def add_agenda(
        self, meeting: Meeting, slot: Slot, *, held: bool
    ) -> list[tuple[AgendaItem, Item]]:
        pairs: list[tuple[AgendaItem, Item]] = []
        for spec in self.agenda_specs(slot):
            if spec.gen == "carried":
                for item in services.agenda_add_carried_over_points(meeting=meeting):
                    outcome = Item(title=item.title)
                    if held:
                        outcomes = CARRIED_OUTCOMES.get(item.title, [])
                        seen = self.carried_seen[item.title]
                        if seen < len(outcomes):
                            outcome = outcomes[seen]
                        self.carried_seen[item.title] += 1
                    pairs.append((item, outcome))
                continue
            item = services.agenda_item_add(
                meeting=meeting,
                title=self.item_title(spec, slot),
                item_type=spec.kind,
                presenter=self.presenter(spec.presenter),
                description=_fill(spec.description, slot.day.year),
            )
            pairs.append((item, spec))
        return pairs

    # -- attendance ------------------------------------------------------------------------------

    def rate(self, seat: Membership, slot: Slot) -> float:
        key = self.key_of.get(seat.person_id, "")
        if key == "helena" or seat.role == MembershipRole.SECRETARY:
            return 1.0
        if seat.body.kind == BodyKind.NETWORK:
            name = seat.organisation.name if seat.organisation else ""
            return DEPARTMENT_ATTENDANCE.get(self.current_name(name), 0.6)
        if seat.party_id is not None:
            rate = 0.72
        elif seat.role in (MembershipRole.CHAIR, MembershipRole.VICE_CHAIR):
            rate = 0.93
        elif seat.body.kind == BodyKind.COUNCIL:
            rate = 0.84
        else:
            rate = 0.9
        factor = {"theme": 0.7, "election": 0.85, "training": 0.8}.get(slot.kind, 1.0)
        return rate * factor

    def current_name(self, name: str) -> str:
        """A department's name now, following renames and mergers."""
        if not self.successor_names:
            self.successor_names = dict(
                OrganisationLink.objects.values_list("predecessor__name", "successor__name")
            )
            self.successor_names.setdefault("", "")
        seen = {name}
        while name in self.successor_names and self.successor_names[name] not in seen:
            name = self.successor_names[name]
            seen.add(name)
        return name

    def draw(self, seat: Membership, slot: Slot) -> str:
        department = ""
        if seat.body.kind == BodyKind.NETWORK and seat.organisation is not None:
            department = self.current_name(seat.organisation.name)
        if department in DEPARTMENT_RARELY:
            expected = self.department_seen[department]
            self.department_seen[department] += 1
            if expected % DEPARTMENT_RARELY[department] == 1:
                return Attendance.Status.PRESENT
        elif self.rng.random() < self.rate(seat, slot):
            return Attendance.Status.PRESENT
        apologies = 0.85
        if seat.body.kind == BodyKind.NETWORK and seat.organisation is not None:
            apologies = DEPARTMENT_APOLOGIES.get(self.current_name(seat.organisation.name), 0.6)
        if self.rng.random() < apologies:
            return Attendance.Status.APOLOGIES
        return Attendance.Status.ABSENT

    def record_attendance(
        self, meeting: Meeting, slot: Slot, pairs: list[tuple[AgendaItem, Item]]
    ) -> dict[str, str]:
        forced: list[str] = []
        for _item, spec in pairs:
            for key in (spec.presenter, *spec.guests):
                if key in self.people and key not in forced:
                    forced.append(key)
        if slot.kind == "theme" and slot.term in THEMES:
            forced += [k for k in THEMES[slot.term].guests if k not in forced]
        # Members the minutes name as speaking or reporting were there.
        text = " ".join(_fill(spec.notes, slot.day.year) for _item, spec in pairs)
        mentioned = {p.key for p in PEOPLE if p.name in text}
        if slot.kind == "council" and self.last_council_day is not None:
            bodies = ["council", "network"] if slot.joint else ["council"]
            for seat in self.newcomers(bodies, self.last_council_day, meeting.date):
                mentioned.add(self.key_of[seat.person_id])
        substitutions = SUBSTITUTIONS.get((slot.kind, slot.term, slot.number), ())
        absent_for_substitute = {member for _sub, member in substitutions}

        seats = list(
            services.members_on([b.pk for b in self.bodies_of(slot)], meeting.date)
            .filter(person__isnull=False)
            .select_related("person", "organisation", "party", "body")
            .order_by("body_id", "start", "pk")
        )
        status: dict[str, str] = {}
        substitutes: list[Membership] = []
        for seat in seats:
            key = self.key_of[seat.person_id]
            if key in status or any(s.person_id == seat.person_id for s in substitutes):
                continue
            if seat.role == MembershipRole.SUBSTITUTE:
                substitutes.append(seat)
                continue
            if key in absent_for_substitute:
                value = Attendance.Status.APOLOGIES
            elif key in forced or key in mentioned:
                value = Attendance.Status.PRESENT
            else:
                value = self.draw(seat, slot)
            services.attendance_record(meeting=meeting, person=seat.person, status=value)
            status[key] = value
        # An elected substitute (ersättare) steps in for a member who sent apologies.
        away = [
            s.person
            for s in seats
            if s.body.kind == BodyKind.COUNCIL
            and s.party_id is None
            and s.role not in (MembershipRole.SECRETARY, MembershipRole.SUBSTITUTE)
            and status.get(self.key_of[s.person_id]) == Attendance.Status.APOLOGIES
        ]
        for seat in substitutes:
            key = self.key_of[seat.person_id]
            if key in status or not away or slot.kind != "council":
                continue
            if self.rng.random() < 0.7:
                services.attendance_record(
                    meeting=meeting,
                    person=seat.person,
                    status=Attendance.Status.PRESENT,
                    substitute_for=away.pop(0),
                )
                status[key] = Attendance.Status.PRESENT
        # A colleague substitutes for a department's contact person.
        for sub, member in substitutions:
            services.attendance_record(
                meeting=meeting,
                person=self.people[sub],
                status=Attendance.Status.PRESENT,
                substitute_for=self.people[member],
            )
            status[sub] = Attendance.Status.PRESENT
        # Speakers and guests without a seat.
        guests = [k for k in forced if k not in status]
        if slot.kind in ("theme", "election"):
            pool = [k for k in GUEST_POOL if k not in guests]
            guests += self.rng.sample(pool, self.rng.randint(5, 8))
        for key in guests:
            spec = SPECS[key]
            services.attendance_record(
                meeting=meeting,
                person=self.people[key],
                status=Attendance.Status.GUEST,
                note=spec.intro,
            )
            status[key] = Attendance.Status.GUEST
        return status

    # -- minutes ---------------------------------------------------------------------------------

    def holder(self, body: str, role: str, day: date) -> Person | None:
        seat = (
            services.members_on([self.bodies[body].pk], day)
            .filter(role=role, person__isnull=False)
            .select_related("person")
            .first()
        )
        return seat.person if seat else None

    def leader(self, body: str, day: date, status: dict[str, str]) -> tuple[Person, str]:
        """Who leads the meeting: the chair, else the vice chair, else the secretary."""
        for role, label in (
            (MembershipRole.CHAIR, "Ordförande"),
            (MembershipRole.VICE_CHAIR, "Vice ordförande"),
        ):
            person = self.holder(body, role, day)
            if person and status.get(self.key_of[person.pk]) == Attendance.Status.PRESENT:
                return person, label
        return self.people["helena"], "Sekreterare"

    def label(self, membership: Membership) -> str:
        person = membership.person
        if membership.party is not None:
            text = f"{person.name} ({membership.party.abbreviation})"
        elif membership.organisation is not None:
            text = f"{person.name} från {membership.organisation.name}"
        else:
            text = person.name
        return f"{text} (ersättare)" if membership.role == MembershipRole.SUBSTITUTE else text

    def newcomers(self, bodies: list[str], since: date, day: date) -> list[Membership]:
        """Seats taken since the last meeting by people who had no seat before."""
        seats = []
        for body in bodies:
            for seat in (
                Membership.objects.filter(
                    body=self.bodies[body], person__isnull=False, start__gt=since, start__lte=day
                )
                .select_related("person", "organisation", "party")
                .order_by("start", "pk")
            ):
                had_seat = (
                    Membership.objects.filter(
                        body=self.bodies[body], person=seat.person, start__lt=seat.start
                    )
                    .exclude(role=MembershipRole.SUBSTITUTE)
                    .exists()
                )
                if not had_seat and seat.role != MembershipRole.SECRETARY:
                    seats.append(seat)
        return seats

    def was_substitute(self, seat: Membership) -> bool:
        return Membership.objects.filter(
            body=seat.body, person=seat.person, role=MembershipRole.SUBSTITUTE, start__lt=seat.start
        ).exists()

    def generated_notes(
        self, spec: Item, slot: Slot, meeting: Meeting, status: dict[str, str]
    ) -> str:
        day = meeting.date
        if spec.gen == "welcome":
            leader, role = self.leader("council", day, status)
            if slot.joint:
                text = (
                    f"{role} {leader.name} hälsar välkommen till dagens gemensamma möte med "
                    "C-nätet. Mötet inleds med en presentationsrunda."
                )
            elif day.month == 12:
                text = f"{role} {leader.name} hälsar välkommen till årets sista möte."
            else:
                text = f"{role} {leader.name} hälsar välkommen till dagens möte."
            if role == "Vice ordförande":
                text += " Ordföranden har förhinder."
            elif role == "Sekreterare":
                text += " Ordföranden och vice ordföranden har förhinder."
            if self.last_council_day is not None:
                previous_chair = self.holder("council", MembershipRole.CHAIR, self.last_council_day)
                chair = self.holder("council", MembershipRole.CHAIR, day)
                vice = self.holder("council", MembershipRole.VICE_CHAIR, day)
                if chair and previous_chair and chair.pk != previous_chair.pk:
                    text += f" Från årsskiftet är {chair.name} ordförande" + (
                        f" och {vice.name} vice ordförande." if vice else "."
                    )
                bodies = ["council", "network"] if slot.joint else ["council"]
                new = [
                    self.label(seat)
                    + (" (tidigare ersättare)" if self.was_substitute(seat) else "")
                    for seat in self.newcomers(bodies, self.last_council_day, day)
                ]
                if len(new) == 1:
                    text += f" {new[0]} är ny sedan förra mötet och hälsas välkommen."
                elif new:
                    text += f" {_and(new)} är nya sedan förra mötet och hälsas välkomna."
            return text
        if spec.gen == "opening":
            leader, _role = self.leader("au", day, status)
            return f"{leader.name} öppnar mötet. Dagordningen godkänns."
        if spec.gen == "prepare":
            council = self.council_after(slot)
            items, _other = COUNCIL.get(council.key, ((), ""))
            titles = [_fill(i.title, council.day.year) for i in items]
            titles += list(
                CarriedOverPoint.objects.filter(
                    body__in=self.bodies_of(council), resolved_in__isnull=True
                )
                .order_by("pk")
                .values_list("title", flat=True)
            )
            title = self.title_of(council)
            return (
                (
                    f"AU går igenom förslaget till dagordning för {title} den "
                    f"{_day_month(council.day)}: {_and(titles)}. Kallelsen skickas ut två veckor "
                    "före mötet."
                )
                if titles
                else "AU går igenom förslaget till dagordning."
            )
        if spec.gen == "watch":
            return self.watch_notes(slot)
        if spec.gen == "calendar":
            return self.calendar_notes(slot)
        if spec.gen == "round":
            return self.round_notes(meeting, status)
        if spec.gen == "next_joint":
            joint = next(
                (s for s in self.full_plan() if s.kind == "council" and s.joint and s.day > day),
                None,
            )
            if joint is None:
                return ""
            return (
                f"C-nätet går igenom förslaget till dagordning för det gemensamma mötet den "
                f"{_day_month(joint.day)}. Alla förvaltningar uppmanas att komma eller skicka "
                "en ersättare."
            )
        if spec.gen == "evening_welcome":
            leader, _role = self.leader("council", day, status)
            listed = sum(
                1
                for v in status.values()
                if v in (Attendance.Status.PRESENT, Attendance.Status.GUEST)
            )
            if slot.kind == "election":
                came = max(listed, ELECTION_PARTICIPANTS.get(slot.term, 0))
                return (
                    f"{leader.name} hälsar välkommen. Val- och informationskvällen är öppen "
                    "för alla organisationer som har anslutit sig till överenskommelsen. "
                    f"Omkring {came} personer deltar."
                )
            theme = THEMES.get(slot.term)
            came = max(listed, theme.participants if theme else 0)
            return (
                f"{leader.name} hälsar välkommen till kvällen, som är öppen för alla "
                f"organisationer. Omkring {came} personer deltar, från föreningar, "
                "förvaltningar och politiken."
            )
        return ""

    def watch_notes(self, slot: Slot) -> str:
        parts = []
        for title, statuses in WATCH_LIST:
            known = [t for t in statuses if t <= slot.term]
            if not known:
                continue
            text = statuses[max(known)]
            if text is None:
                continue
            parts.append(f"{title}\n{_fill(text, slot.day.year)}")
        return "\n\n".join(parts)

    def calendar_notes(self, slot: Slot) -> str:
        lines = ["Datum – Tid – Plats – Rubrik"]
        horizon = slot.day + timedelta(days=200)
        for other in self.full_plan():
            if other.kind not in ON_CALENDAR or not slot.day < other.day <= horizon:
                continue
            if other is slot:
                continue
            when = f"? {MONTHS[other.day.month - 1]}" if other.undecided else _day_month(other.day)
            if other.kind == "conference":
                clock = "Heldag"
            else:
                clock = f"kl. {_clock(other.start)}–{_clock(other.end)}"
            place = other.place.split(",")[0]
            lines.append(f"{when} – {clock} – {place} – {self.title_of(other)}")
        return "\n".join(lines)

    def round_notes(self, meeting: Meeting, status: dict[str, str]) -> str:
        lines = ["Förvaltningarna berättar vad som är på gång:"]
        seats = (
            services.members_on([self.bodies["network"].pk], meeting.date)
            .filter(person__isnull=False)
            .select_related("person", "organisation")
            .order_by("organisation__name_sort", "pk")
        )
        for seat in seats:
            if status.get(self.key_of[seat.person_id]) != Attendance.Status.PRESENT:
                continue
            name = self.current_name(seat.organisation.name)
            news = DEPARTMENT_NEWS.get(name)
            if not news:
                continue
            sentence = news[self.news_used[name] % len(news)]
            self.news_used[name] += 1
            lines.append(f"– {DEPARTMENT_SHORT.get(name, name)} {sentence}")
        if len(lines) == 1:
            return "Bara samordnaren är på plats, så rundan utgår."
        return "\n".join(lines)

    def record_item(
        self,
        meeting: Meeting,
        slot: Slot,
        item: AgendaItem,
        spec: Item,
        status: dict[str, str],
        *,
        draft: bool,
    ) -> None:
        year = slot.day.year
        notes = (
            self.generated_notes(spec, slot, meeting, status)
            if spec.gen
            else _fill(spec.notes, year)
        )
        if notes:
            services.agenda_item_record(item=item, notes=notes)
        for text in spec.decisions:
            services.decision_add(item=item, text=_fill(text, year))
        for act in spec.actions:
            owner = self.people.get(act.owner)
            action = services.action_item_add(
                item=item,
                what=_fill(act.what, year),
                owner=owner,
                owner_text="" if owner else act.owner,
                due=meeting.date + timedelta(days=act.days),
            )
            if not (act.open or draft) and action.due < self.today:
                finished = meeting.date + timedelta(days=self.rng.randint(3, max(3, act.days)))
                self.done_times[action.pk] = self.before_today(
                    _at(min(finished, action.due), self.rng.randint(8, 21), self.rng.randrange(60))
                )
                services.action_item_set_done(action=action)
        if spec.carry is not None:
            services.point_carry_over(
                item=item,
                kind=spec.carry.kind,
                title=_fill(spec.carry.title, year),
                reason=spec.carry.reason,
            )
        if spec.effect == "revise":
            self.revise_item = item
        elif spec.effect:
            self.apply_effect(spec.effect, meeting)

    def hold(self, slot: Slot, *, draft: bool) -> Meeting:
        """A meeting that has taken place: its minutes, published unless `draft`."""
        meeting = self.create_meeting(slot, carry_over=False)
        if slot.cancel:
            services.meeting_cancel(meeting=meeting, reason=slot.cancel)
            return meeting
        pairs = self.add_agenda(meeting, slot, held=True)
        if slot.kind == "conference":
            return meeting
        services.minutes_start(meeting=meeting)
        status = self.record_attendance(meeting, slot, pairs)
        for item, spec in pairs:
            self.record_item(meeting, slot, item, spec, status, draft=draft)
        if slot.kind == "council":
            self.last_council_day = slot.day
        if draft:
            return meeting
        services.minutes_publish(meeting=meeting, recorded_by=self.recorded_by(slot))
        published_on = min(
            slot.day + timedelta(days=self.rng.randint(2, 9)), self.today - timedelta(days=1)
        )
        published = (
            _at(published_on, self.rng.randint(8, 16), self.rng.randrange(60))
            if published_on > slot.day
            else _at(slot.day, 21, 30)
        )
        self.meeting_times[meeting.pk]["published"] = published
        if slot.kind == "council" and slot.key == REVISION[0] and self.revise_item is not None:
            item = AgendaItem.objects.select_related("meeting").get(pk=self.revise_item.pk)
            revision = services.minutes_revise(
                item=item,
                actor=self.secretary,
                reason=REVISION[3],
                notes=item.notes.replace(REVISION[1], REVISION[2]),
            )
            self.revision_times[revision.pk] = self.before_today(
                published + timedelta(days=self.rng.randint(8, 16))
            )
            self.revise_item = None
        return meeting

    def prepare(self, slot: Slot, *, with_agenda: bool) -> Meeting:
        """A meeting still to come: planned, with its agenda if it is near."""
        carry_over = slot.kind in ("council", "au", "network") or slot.kind.startswith("wg_")
        if with_agenda:
            meeting = self.create_meeting(slot, carry_over=False)
            self.add_agenda(meeting, slot, held=False)
            return meeting
        return self.create_meeting(slot, carry_over=carry_over and not slot.undecided)

    # -- notices ---------------------------------------------------------------------------------

    def send_notice(self, meeting: Meeting, *, answers: bool) -> None:
        if meeting.date is None or meeting.date < timezone.localdate():
            return  # the service only sends notices for meetings still to come (real clock)
        services.notice_send(meeting=meeting)
        sent_on = self.today - timedelta(days=self.rng.randint(3, 9))
        sent = _at(sent_on, self.rng.randint(8, 11), self.rng.randrange(60))
        self.meeting_times[meeting.pk]["notice"] = sent
        if not answers:
            return
        invitations = (
            meeting.invitations.select_related("person")
            .exclude(person__email="")
            .order_by("person__name_sort", "pk")
        )
        for invitation in invitations:
            if self.key_of.get(invitation.person_id) == "helena":
                continue
            draw = self.rng.random()
            if draw < 0.45:
                response = Invitation.Response.ATTENDING
            elif draw < 0.65:
                response = Invitation.Response.ABSENT
            else:
                continue
            # The raw token only goes out by email: give the invitation a token we know.
            raw, token_hash = new_token()
            invitation.token_hash = token_hash
            invitation.save(update_fields=["token_hash"])
            services.invitation_respond(raw_token=raw, response=response)
            answered_on = sent_on + timedelta(
                days=self.rng.randint(0, (self.today - sent_on).days - 1)
            )
            self.answer_times[invitation.pk] = self.before_today(
                max(
                    sent + timedelta(hours=1),
                    _at(answered_on, self.rng.randint(7, 22), self.rng.randrange(60)),
                )
            )

    # -- the whole story -------------------------------------------------------------------------

    def run(self) -> None:
        self.load_register()
        self.create_people()
        self.create_bodies()
        self.create_memberships()

        start = date(self.first_year, 1, 1)
        horizon = self.today + timedelta(days=183)
        plan = self.full_plan()
        # The next theme evening that is more than six weeks away has no date yet.
        undecided = next(
            (s for s in plan if s.kind == "theme" and s.day > self.today + timedelta(days=45)), None
        )
        if undecided is not None:
            undecided.undecided = True
        shown = [s for s in plan if start <= s.day and (s.day <= horizon or s.undecided)]
        past = [s for s in shown if s.day < self.today and not s.undecided]
        upcoming = [s for s in shown if s not in past]
        with_minutes = [s for s in past if s.kind in HOLDS_MINUTES and not s.cancel]
        draft = with_minutes[-1] if with_minutes else None

        for slot in past:
            self.hold(slot, draft=slot is draft)

        next_council = next((s for s in upcoming if s.kind == "council" and not s.undecided), None)
        next_au = next(
            (s for s in upcoming if s.kind == "au" and next_council and s.day <= next_council.day),
            None,
        )
        soon = self.today + timedelta(days=30)
        dated = [s for s in upcoming if not s.undecided]
        for slot in [*dated, *(s for s in upcoming if s.undecided)]:
            with_agenda = slot in (next_council, next_au) or (
                not slot.undecided and slot.day <= soon
            )
            meeting = self.prepare(slot, with_agenda=with_agenda)
            if slot is next_council:
                self.send_notice(meeting, answers=True)
            elif slot is next_au:
                self.send_notice(meeting, answers=False)

    # -- moving the story back in time -----------------------------------------------------------

    def backdate(self, first_email_pk: int, first_user_pk: int) -> None:
        """Give the rows made by the services the moments the story says they happened."""
        for pk, times in self.meeting_times.items():
            created = times["created"]
            fields = {
                "created_at": created,
                "updated_at": times.get("published") or times.get("notice") or created,
            }
            if "published" in times:
                fields["minutes_published_at"] = times["published"]
            if "notice" in times:
                fields["notice_sent_at"] = times["notice"]
                Invitation.objects.filter(meeting_id=pk).update(sent_at=times["notice"])
                OutboundEmail.objects.filter(
                    pk__gt=first_email_pk, dedup_key__startswith=f"meeting-invite:{pk}:"
                ).update(
                    created_at=times["notice"],
                    sent_at=times["notice"],
                    next_attempt_at=times["notice"],
                )
            Meeting.objects.filter(pk=pk).update(**fields)
        for pk, when in self.done_times.items():
            ActionItem.objects.filter(pk=pk).update(done_at=when)
        for pk, when in self.answer_times.items():
            Invitation.objects.filter(pk=pk).update(responded_at=when)
        for pk, when in self.revision_times.items():
            MinutesRevision.objects.filter(pk=pk).update(changed_at=when)
        for body in Body.objects.all():
            since = body.active_from or date(self.first_year, 1, 1)
            Body.objects.filter(pk=body.pk).update(
                created_at=_at(since, 9), updated_at=_at(since, 9)
            )
        first_seat = dict(
            Membership.objects.filter(person__isnull=False)
            .values("person")
            .annotate(first=Min("start"))
            .values_list("person", "first")
        )
        first_meeting = dict(
            Attendance.objects.values("person")
            .annotate(first=Min("meeting__date"))
            .values_list("person", "first")
        )
        for person in Person.objects.all():
            days = [d for d in (first_seat.get(person.pk), first_meeting.get(person.pk)) if d]
            since = min(days) if days else date(self.first_year, 1, 1)
            moment = self.before_today(_at(since - timedelta(days=7), 9))
            Person.objects.filter(pk=person.pk).update(created_at=moment, updated_at=moment)
            # person_create gives people with email an account: it was opened with the person.
            if person.user_id and person.user_id > first_user_pk:
                User.objects.filter(pk=person.user_id).update(date_joined=moment)


SPECS = {spec.key: spec for spec in PEOPLE}
# Scripted substitutions ("X ersätter Y vid dagens möte"): (slot kind, term, number) -> pairs.
SUBSTITUTIONS: dict[tuple[str, int, int], tuple[tuple[str, str], ...]] = {
    ("council", 3, 0): (("therese", "louise"),),
}


# --- Entry point -----------------------------------------------------------------------------------


def _counts(first_email_pk: int, first_user_pk: int, today: date) -> dict[str, int]:
    meetings = Meeting.objects.all()
    actions = ActionItem.objects.all()
    return {
        "people": Person.objects.count(),
        "accounts": User.objects.filter(pk__gt=first_user_pk).count(),
        "parties": Party.objects.count(),
        "bodies": Body.objects.count(),
        "working_groups": Body.objects.filter(kind=BodyKind.WORKING_GROUP).count(),
        "memberships": Membership.objects.count(),
        "vacant_seats": Membership.objects.filter(person__isnull=True).count(),
        "composition_rules": CompositionRule.objects.count(),
        "meetings": meetings.count(),
        "past_meetings": meetings.filter(date__lt=today).count(),
        "planned_meetings": meetings.filter(Q(date__gte=today) | Q(date__isnull=True)).count(),
        "cancelled_meetings": meetings.filter(status=Meeting.Status.CANCELLED).count(),
        "published_minutes": meetings.filter(
            minutes_status=Meeting.MinutesStatus.PUBLISHED
        ).count(),
        "draft_minutes": meetings.filter(minutes_status=Meeting.MinutesStatus.DRAFT).count(),
        "agenda_items": AgendaItem.objects.count(),
        "decisions": Decision.objects.count(),
        "action_items": actions.count(),
        "open_action_items": actions.filter(status=ActionItem.Status.OPEN).count(),
        "overdue_action_items": actions.filter(
            status=ActionItem.Status.OPEN, due__lt=today
        ).count(),
        "tabled_points": CarriedOverPoint.objects.filter(kind=CarriedOverPoint.Kind.TABLED).count(),
        "follow_up_points": CarriedOverPoint.objects.filter(
            kind=CarriedOverPoint.Kind.FOLLOW_UP
        ).count(),
        "attendances": Attendance.objects.count(),
        "invitations": Invitation.objects.count(),
        "invitation_answers": Invitation.objects.exclude(response=Invitation.Response.NONE).count(),
        "minutes_revisions": MinutesRevision.objects.count(),
        "emails": OutboundEmail.objects.filter(pk__gt=first_email_pk).count(),
    }


def load_demo(*, seed: int = 2024, today: date | None = None) -> dict[str, int]:
    """Fill the database with Älvstad's council work and return how many of each were made.

    Run it after `samverkan.organisations.demo.load_demo` (same database, preferably the same
    `today`). `today` (by default the real today) is the day the story has reached. Raises
    DemoDatabaseNotEmpty if there are people, bodies or meetings already.

    The services use the real clock for notices: a meeting's notice can only be sent if the
    meeting is still to come in reality, so with a `today` in the past the upcoming meetings
    that are already over in reality are planned without a notice."""
    today = today or timezone.localdate()
    if today < date(2022, 1, 1):
        raise ValueError(f"The meetings demo needs a today from 2022 on, not {today}.")
    if Person.objects.exists() or Body.objects.exists() or Meeting.objects.exists():
        raise DemoDatabaseNotEmpty(
            "The meetings demo can only be loaded once, into a database without people, bodies "
            "or meetings."
        )
    first_email_pk = OutboundEmail.objects.aggregate(last=Max("pk"))["last"] or 0
    first_user_pk = User.objects.aggregate(last=Max("pk"))["last"] or 0
    story = _Story(seed=seed, today=today)
    # Notices queue emails; they are demo history, not messages to deliver to fictional people.
    with override_settings(OUTBOX_DELIVER_ON_COMMIT=False), transaction.atomic():
        story.run()
        OutboundEmail.objects.filter(
            pk__gt=first_email_pk, status=OutboundEmail.Status.QUEUED
        ).update(status=OutboundEmail.Status.SENT, sent_at=timezone.now())
        story.backdate(first_email_pk, first_user_pk)
    return _counts(first_email_pk, first_user_pk, today)
