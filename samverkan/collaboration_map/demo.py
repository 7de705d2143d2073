"""Demo data: the catalogue of contact points of "Älvstads kommun", its map and its ladder.

`load_demo` runs after `samverkan.organisations.demo.load_demo` and
`samverkan.meetings.demo.load_demo` on the same database. It adopts the council's main bodies
(Samverkansrådet, C-nätet, AU) as forums with themes, contact details and links; the other
bodies (Valberedningen, the working groups) are left to appear as forums by themselves, as a
new body would. Around them: regional networks, a partnership for social innovation, area groups
in the districts, councils for pensioners, disability and young people, one entry per
department, a handling team per kind of grant, places such as Föreningarnas Hus, and external
bodies such as Länsstyrelsen and the region. The four steps of the ladder come last.

Everything is made through the services, as the secretary would make it. Everything is
fictional: names, addresses, email addresses (example.org) and phone numbers (070-174 06 xx,
the range reserved for fiction). The catalogue is written out by hand, so `seed` changes
nothing; it is accepted like the other demos' so one seed can be passed to all of them.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from samverkan.accounts.models import User
from samverkan.collaboration_map import services
from samverkan.collaboration_map.models import (
    ContactLink,
    ContactPoint,
    ContactPointKind,
    LadderStep,
    LinkKind,
    Theme,
    Want,
)
from samverkan.collaboration_map.selectors import catalogue_nodes
from samverkan.meetings.models import Body
from samverkan.organisations.demo import SECRETARY_EMAIL, DemoDatabaseNotEmpty
from samverkan.organisations.models import Organisation, OrganisationKind

DOMAIN = "alvstad.example.org"
#: The handling teams of the inquiry service's demo ("En väg in") that receive questions sent
#: from here; a contact point with no team of its own there sends to the general entry, which
#: routes the question on.
GENERAL_TEAM = "allmant"
INQUIRY_TEAMS = frozenset(
    {"aktivitetsstod", "lokalbidrag", "kulturbidrag", "sociala-foreningar", "iop", "lokaler"}
    | {GENERAL_TEAM}
)
WEB = "https://www.alvstad.example.org"

K = ContactPointKind
OK = OrganisationKind
W = Want
CIVIL = (OK.ASSOCIATION, OK.FOUNDATION, OK.STUDY_ASSOCIATION, OK.FAITH_COMMUNITY)
SOCIAL = (OK.ASSOCIATION, OK.FOUNDATION, OK.SOCIAL_ENTERPRISE, OK.FAITH_COMMUNITY)

THEMES = [
    "Barn och unga",
    "Demokrati och inflytande",
    "Folkbildning",
    "Funktionsrätt",
    "Föreningsstöd",
    "Idrott och fritid",
    "Integration",
    "Krisberedskap",
    "Kultur",
    "Landsbygd",
    "Miljö och klimat",
    "Social hållbarhet",
    "Trygghet",
    "Äldre",
]


@dataclass(frozen=True)
class _Point:
    key: str
    name: str
    kind: str
    purpose: str
    who: str = ""
    email: str = ""
    phone: str = ""
    web: str = ""
    address: str = ""
    owner: str = ""  # the name of a municipal organisation in the register
    themes: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    offers: tuple[str, ...] = ()
    rhythm: str = ""
    description: str = ""
    easy: str = ""
    body: str = ""  # the slug of a body from the council's pages
    team: str = ""  # the handling team's short name in the inquiry service
    position: int = 0


KLF = "Kommunledningsförvaltningen"
SOF = "Socialförvaltningen"
KFF = "Kultur- och fritidsförvaltningen"
MSF = "Miljö- och stadsbyggnadsförvaltningen"
FGF = "Förskole- och grundskoleförvaltningen"
GVF = "Gymnasie- och vuxenutbildningsförvaltningen"
VOF = "Vård- och omsorgsförvaltningen"
TSF = "Teknik- och serviceförvaltningen"

HOUSE_ADDRESS = "Föreningarnas Hus, Storgatan 12, Älvstad"

FORUMS = [
    _Point(
        "council",
        "Samverkansrådet",
        K.FORUM,
        "Samverkansrådet följer och utvecklar överenskommelsen om samverkan mellan Älvstads "
        "kommun och civilsamhället.",
        who="Tio ledamöter från civilsamhället, varav minst en från Älvstads Föreningsråd, tre "
        "förtroendevalda och kommunens samordnare som sekreterare.",
        email=f"samverkan@{DOMAIN}",
        phone="070-174 06 10",
        web=f"{WEB}/samverkan",
        address=HOUSE_ADDRESS,
        owner=KLF,
        themes=("Demokrati och inflytande", "Social hållbarhet"),
        offers=(W.DIALOGUE, W.CONSULTATION, W.INFORMATION),
        rhythm="Fyra möten om året, kl. 16–18, två av dem tillsammans med C-nätet",
        description="Rådet är den viktigaste mötesplatsen mellan kommunen och civilsamhället. "
        "Här tas frågor upp som rör många organisationer, till exempel hur kommunen bjuder in "
        "till samråd, hur föreningsstödet fungerar och hur överenskommelsen blir känd. Två "
        "gånger om året ordnar rådet temakvällar som är öppna för alla.\n\nVill du ta upp en "
        "fråga? Skriv till sekreteraren eller till någon av ledamöterna.",
        easy="Samverkansrådet är en grupp.\nI gruppen finns föreningar, politiker och kommunen.\n"
        "De pratar om hur kommunen och föreningar kan jobba ihop.\nDu kan skicka en fråga till "
        "rådet.",
        body="samverkansradet",
        position=1,
    ),
    _Point(
        "network",
        "C-nätet",
        K.FORUM,
        "C-nätet samlar en kontaktperson för samverkan från varje förvaltning.",
        who="En kontaktperson från varje förvaltning och från de kommunala bolag som har anslutit "
        "sig. Samordnaren på Kommunledningsförvaltningen sammankallar.",
        email=f"c-natet@{DOMAIN}",
        owner=KLF,
        themes=("Demokrati och inflytande",),
        offers=(W.INFORMATION,),
        rhythm="Sex träffar om året, två av dem tillsammans med Samverkansrådet",
        description="Kontaktpersonerna sprider överenskommelsen i sina förvaltningar och vet vart "
        "en fråga från en förening ska gå. Rådet har efterlyst bättre närvaro, så närvaron "
        "redovisas öppet.",
        easy="I C-nätet finns en person från varje förvaltning.\nDe hjälper föreningar att hitta "
        "rätt i kommunen.",
        body="c-natet",
        position=2,
    ),
    _Point(
        "au",
        "Samverkansrådets arbetsutskott (AU)",
        K.FORUM,
        "Arbetsutskottet förbereder rådets möten och fattar mindre beslut mellan mötena.",
        who="Rådets ordförande och vice ordförande, en förtroendevald och sekreteraren.",
        email=f"samverkan@{DOMAIN}",
        owner=KLF,
        themes=("Demokrati och inflytande",),
        rhythm="Två veckor före varje rådsmöte",
        body="au",
        position=3,
    ),
    _Point(
        "theme_evenings",
        "Temakvällar och dialogmöten",
        K.FORUM,
        "Öppna kvällar där alla organisationer kan vara med och samtala om ett tema, till exempel "
        "krisberedskap eller idéburen välfärd.",
        who="Alla organisationer i civilsamhället, förtroendevalda och tjänstepersoner.",
        email=f"samverkan@{DOMAIN}",
        address=HOUSE_ADDRESS,
        owner=KLF,
        themes=("Demokrati och inflytande", "Social hållbarhet", "Krisberedskap"),
        offers=(W.DIALOGUE, W.INFORMATION),
        rhythm="Två kvällar om året, kl. 18–20",
        easy="Två gånger om året är det temakväll.\nAlla föreningar får komma.\nVi pratar om en "
        "viktig fråga tillsammans.",
        position=4,
    ),
    _Point(
        "psi",
        "Partnerskapet för sociala innovationer (PSI)",
        K.FORUM,
        "Ett regionalt partnerskap mellan offentlig och idéburen sektor som utvecklar nya "
        "lösningar på sociala utmaningar och söker gemensam finansiering.",
        who="Kommuner i regionen, Region Älvdalen och idéburna organisationer. Två idéburna "
        "organisationer samordnar nätverket.",
        email=f"psi@region.{DOMAIN}",
        web="https://www.region.alvstad.example.org/psi",
        themes=("Social hållbarhet", "Integration"),
        kinds=SOCIAL,
        offers=(W.PARTNERSHIP, W.DIALOGUE),
        rhythm="Nätverksträffar varannan månad",
        easy="Här jobbar föreningar, kommuner och regionen tillsammans.\nDe hittar nya sätt att "
        "hjälpa människor.",
        position=5,
    ),
    _Point(
        "area_vintero",
        "Områdesgrupp Vinterö",
        K.FORUM,
        "Föreningar, skolan, församlingen och kommunen i Vinterö träffas och planerar "
        "tillsammans för bygden.",
        who="Föreningar och företag i Vinterö, Vinterö församling, skolan och kommunens "
        "landsbygdsutvecklare.",
        email=f"landsbygd@{DOMAIN}",
        phone="070-174 06 52",
        address="Vinterö bygdegård, Byvägen 4",
        owner=KLF,
        themes=("Landsbygd", "Trygghet"),
        offers=(W.DIALOGUE, W.VOLUNTEERS),
        rhythm="En kväll i månaden utom sommaren",
        easy="I Vinterö träffas föreningar och kommunen.\nDe pratar om vad som behövs i byn.",
        position=10,
    ),
    _Point(
        "area_norrby",
        "Områdesgrupp Norrby",
        K.FORUM,
        "Trygghet och fritid i Norrby: föreningar, bostadsbolaget, skolan, polisen och kommunen "
        "samordnar sina insatser.",
        who="Föreningar i Norrby, Älvstadsbostäder, skolorna, kommunpolisen och "
        "Socialförvaltningen.",
        email=f"omradesgrupper@{DOMAIN}",
        owner=SOF,
        themes=("Trygghet", "Barn och unga"),
        offers=(W.DIALOGUE, W.VOLUNTEERS),
        rhythm="Varannan vecka under terminerna",
        position=11,
    ),
    _Point(
        "area_angsbacka",
        "Områdesgrupp Ängsbacka",
        K.FORUM,
        "En ny områdesgrupp där föreningar och Älvstadsbostäder ordnar aktiviteter för barn och "
        "unga i Ängsbacka.",
        who="Föreningar i Ängsbacka, Älvstadsbostäder och fritidsgården.",
        email=f"omradesgrupper@{DOMAIN}",
        owner=SOF,
        themes=("Barn och unga", "Integration", "Trygghet"),
        offers=(W.DIALOGUE, W.VOLUNTEERS),
        rhythm="En gång i månaden",
        position=12,
    ),
    _Point(
        "area_soderport",
        "Områdesgrupp Söderport",
        K.FORUM,
        "Föreningar och kommunen i Söderport samverkar kring trygghet, språk och fritid.",
        who="Föreningar, trossamfund och skolor i Söderport och Socialförvaltningen.",
        email=f"omradesgrupper@{DOMAIN}",
        owner=SOF,
        themes=("Integration", "Trygghet"),
        offers=(W.DIALOGUE, W.VOLUNTEERS),
        rhythm="En gång i månaden",
        position=13,
    ),
    _Point(
        "pensioners",
        "Kommunala pensionärsrådet",
        K.FORUM,
        "Pensionärsorganisationerna lämnar synpunkter på kommunens planer för äldre innan de "
        "beslutas.",
        who="Ledamöter från pensionärsorganisationerna och förtroendevalda från "
        "Vård- och omsorgsnämnden.",
        email=f"pensionarsradet@{DOMAIN}",
        owner=VOF,
        themes=("Äldre",),
        kinds=(OK.ASSOCIATION, OK.UMBRELLA_BODY),
        offers=(W.CONSULTATION, W.DIALOGUE),
        rhythm="Fem möten om året",
        position=20,
    ),
    _Point(
        "disability",
        "Funktionsrättsrådet",
        K.FORUM,
        "Funktionsrättsföreningarna är remissinstans och lämnar synpunkter på tillgänglighet "
        "och stöd.",
        who="Funktionsrätt Älvstad och dess föreningar och förtroendevalda.",
        email=f"funktionsrattsradet@{DOMAIN}",
        owner=KLF,
        themes=("Funktionsrätt",),
        kinds=(OK.ASSOCIATION, OK.UMBRELLA_BODY),
        offers=(W.CONSULTATION, W.DIALOGUE),
        rhythm="Fyra möten om året",
        easy="Här får föreningar för personer med funktionsnedsättning tycka till.\nKommunen "
        "lyssnar innan den bestämmer.",
        position=21,
    ),
    _Point(
        "youth",
        "Ungdomsrådet",
        K.FORUM,
        "Unga mellan 13 och 25 år ger kommunen råd i frågor som rör unga.",
        who="Unga från skolor, föreningar och fritidsgårdar.",
        email=f"ungdomsradet@{DOMAIN}",
        owner=KFF,
        themes=("Barn och unga", "Demokrati och inflytande"),
        offers=(W.CONSULTATION, W.DIALOGUE),
        rhythm="En gång i månaden under terminerna",
        position=22,
    ),
    _Point(
        "faith",
        "Dialogforum för tros- och livsåskådningssamfund",
        K.FORUM,
        "Samfunden och kommunen samtalar om samverkan vid kris, om integration och om ensamhet.",
        who="Församlingar och samfund i Älvstad och Kommunledningsförvaltningen.",
        email=f"samverkan@{DOMAIN}",
        owner=KLF,
        themes=("Integration", "Krisberedskap"),
        kinds=(OK.FAITH_COMMUNITY,),
        offers=(W.DIALOGUE,),
        rhythm="Två gånger om året",
        position=23,
    ),
    _Point(
        "crisis",
        "Lokala krisberedskapsrådet",
        K.FORUM,
        "Kommunen, myndigheter och frivilliga organisationer planerar tillsammans för kriser "
        "och höjd beredskap.",
        who="Beredskapssamordnaren, frivilliga försvarsorganisationer, trossamfund, "
        "Länsstyrelsen och räddningstjänsten.",
        email=f"beredskap@{DOMAIN}",
        owner=KLF,
        themes=("Krisberedskap", "Trygghet"),
        offers=(W.PARTNERSHIP, W.DIALOGUE, W.VOLUNTEERS),
        rhythm="Fyra möten om året och en gemensam övning",
        position=24,
    ),
    _Point(
        "bra",
        "Brottsförebyggande rådet",
        K.FORUM,
        "Samordnar kommunens, polisens och föreningarnas arbete mot brott och för trygghet.",
        who="Kommunen, kommunpolisen, Älvstadsbostäder och föreningar som arbetar med trygghet.",
        email=f"trygghet@{DOMAIN}",
        owner=KLF,
        themes=("Trygghet",),
        offers=(W.DIALOGUE,),
        rhythm="Sex möten om året",
        position=25,
    ),
    _Point(
        "rural",
        "Landsbygdsforum",
        K.FORUM,
        "Byalag, bygdegårdsföreningar och kommunen pratar om service, lokaler och bygdemedel "
        "på landsbygden.",
        who="Byalag och föreningar i Sjövik, Kvarnby, Lindås, Älvnäs, Vinterö och Ödmarken.",
        email=f"landsbygd@{DOMAIN}",
        owner=KLF,
        themes=("Landsbygd",),
        offers=(W.DIALOGUE, W.CONSULTATION),
        rhythm="Två gånger om året, på olika orter",
        position=26,
    ),
]

NETWORKS = [
    _Point(
        "regional_network",
        "Regionalt civilsamhällesnätverk",
        K.NETWORK,
        "Ett nätverk för civilsamhällets organisationer i hela regionen, som samlar kunskap och "
        "talar med regionen.",
        who="Föreningar, stiftelser och studieförbund i regionens kommuner.",
        web="https://www.region.alvstad.example.org/civilsamhallet",
        themes=("Demokrati och inflytande", "Folkbildning"),
        kinds=CIVIL,
        offers=(W.INFORMATION, W.DIALOGUE),
        rhythm="Två stora träffar om året",
        position=1,
    ),
    _Point(
        "umbrella",
        "Älvstads Föreningsråd",
        K.NETWORK,
        "Föreningslivets paraplyorganisation: ger råd till styrelser, driver Föreningarnas Hus "
        "och företräder föreningarna i Samverkansrådet.",
        who="Medlemsföreningar i hela kommunen.",
        email="kansli@foreningsradet.example.org",
        phone="070-174 06 60",
        address=HOUSE_ADDRESS,
        themes=("Föreningsstöd", "Demokrati och inflytande"),
        kinds=(OK.ASSOCIATION, OK.NETWORK),
        offers=(W.INFORMATION, W.PREMISES),
        rhythm="Kansliet har öppet vardagar kl. 9–15",
        easy="Föreningsrådet hjälper föreningar.\nDe har ett hus där föreningar kan ha möten.",
        position=2,
    ),
    _Point(
        "mental_health",
        "Nätverket för psykisk hälsa i Älvstad",
        K.NETWORK,
        "Föreningar och kommunen delar kunskap om psykisk hälsa och ensamhet och ordnar "
        "gemensamma aktiviteter.",
        who="Föreningar, studieförbund och Socialförvaltningen.",
        email="natverket@psykiskhalsa.example.org",
        themes=("Social hållbarhet",),
        offers=(W.DIALOGUE, W.VOLUNTEERS),
        rhythm="En träff i månaden",
        position=3,
    ),
    _Point(
        "volunteering",
        "Frivilligsamverkan Älvstad",
        K.NETWORK,
        "Föreningar som har volontärer och kommunens verksamheter som vill ta emot dem hittar "
        "varandra.",
        who="Föreningar med volontärer, Frivilligcentralen och kommunens verksamheter.",
        email=f"frivillig@{DOMAIN}",
        themes=("Social hållbarhet", "Äldre", "Integration"),
        offers=(W.VOLUNTEERS,),
        rhythm="Fyra träffar om året och Frivilligdagen i december",
        position=4,
    ),
    _Point(
        "welfare",
        "Nätverket Idéburen välfärd",
        K.NETWORK,
        "Idéburna organisationer som driver välfärdsverksamhet, eller vill göra det, och "
        "utbyter erfarenheter av partnerskap.",
        who="Idéburna organisationer och sociala företag.",
        email="info@ideburenvalfard.example.org",
        themes=("Social hållbarhet",),
        kinds=(OK.ASSOCIATION, OK.FOUNDATION, OK.SOCIAL_ENTERPRISE),
        offers=(W.PARTNERSHIP, W.INFORMATION),
        rhythm="Varannan månad",
        position=5,
    ),
]

DEPARTMENT_ENTRIES = [
    _Point(
        f"entry_{short}",
        f"{department} – ingång",
        K.DEPARTMENT_ENTRY,
        purpose,
        who="Förvaltningens kontaktperson för samverkan, som också sitter i C-nätet.",
        email=f"{short}.samverkan@{DOMAIN}",
        phone=phone,
        web=f"{WEB}/{short}",
        address=address,
        owner=department,
        themes=themes,
        offers=offers,
        rhythm="Svar inom fem arbetsdagar",
        team=GENERAL_TEAM,
        position=number,
    )
    for number, (short, department, purpose, themes, offers, phone, address) in enumerate(
        [
            (
                "klf",
                KLF,
                "Frågor om överenskommelsen, Samverkansrådet, remisser och samverkan som rör "
                "hela kommunen.",
                ("Demokrati och inflytande", "Krisberedskap"),
                (W.INFORMATION, W.CONSULTATION, W.DIALOGUE, W.PARTNERSHIP),
                "070-174 06 11",
                "Stadshuset, Rådhustorget 1",
            ),
            (
                "sof",
                SOF,
                "Samverkan om stöd till utsatta grupper, försörjning och integration, och om "
                "bidrag till sociala föreningar.",
                ("Social hållbarhet", "Integration", "Trygghet"),
                (W.INFORMATION, W.GRANT, W.PARTNERSHIP, W.VOLUNTEERS),
                "070-174 06 12",
                "Socialhuset, Järnvägsgatan 5",
            ),
            (
                "kff",
                KFF,
                "Föreningsbidrag, lokaler, idrottsanläggningar, bibliotek och kultur: En väg in "
                "för föreningslivet.",
                ("Föreningsstöd", "Idrott och fritid", "Kultur"),
                (W.INFORMATION, W.GRANT, W.PREMISES),
                "070-174 06 13",
                "Kulturhuset, Storgatan 20",
            ),
            (
                "msf",
                MSF,
                "Planer, bygglov och klimat: här får föreningar veta när planer är ute på samråd.",
                ("Miljö och klimat",),
                (W.INFORMATION, W.CONSULTATION),
                "070-174 06 14",
                "Stadshuset, Rådhustorget 1",
            ),
            (
                "fgf",
                FGF,
                "Samverkan mellan föreningar och förskolor, grundskolor och fritidshem.",
                ("Barn och unga", "Folkbildning"),
                (W.INFORMATION, W.DIALOGUE, W.VOLUNTEERS),
                "070-174 06 15",
                "Skolhuset, Lärargatan 3",
            ),
            (
                "gvf",
                GVF,
                "Samverkan med gymnasieskolor, komvux och svenska för invandrare, till exempel "
                "språkcaféer och praktik.",
                ("Barn och unga", "Integration", "Folkbildning"),
                (W.INFORMATION, W.VOLUNTEERS, W.PARTNERSHIP),
                "070-174 06 16",
                "Campus Älvstad, Skolvägen 10",
            ),
            (
                "vof",
                VOF,
                "Samverkan om äldre, anhöriga och personer med funktionsnedsättning, till "
                "exempel besöksverksamhet och träffpunkter.",
                ("Äldre", "Funktionsrätt"),
                (W.INFORMATION, W.VOLUNTEERS, W.PARTNERSHIP),
                "070-174 06 17",
                "Omsorgshuset, Parkvägen 2",
            ),
            (
                "tsf",
                TSF,
                "Kommunens lokaler, parker och gator: bokning av lokaler, städdagar och "
                "skräpplockning.",
                ("Miljö och klimat", "Föreningsstöd"),
                (W.INFORMATION, W.PREMISES),
                "070-174 06 18",
                "Tekniska kontoret, Verkstadsgatan 8",
            ),
        ],
        start=1,
    )
] + [
    _Point(
        "entry_housing",
        "Älvstadsbostäder – föreningssamverkan",
        K.DEPARTMENT_ENTRY,
        "Bostadsbolagets ingång för föreningar som vill ordna aktiviteter i bostadsområdena eller "
        "låna en samlingslokal.",
        email="forening@alvstadsbostader.example.org",
        phone="070-174 06 19",
        owner="Älvstadsbostäder AB",
        themes=("Trygghet", "Barn och unga"),
        offers=(W.PREMISES, W.PARTNERSHIP),
        rhythm="Vardagar kl. 8–16",
        team=GENERAL_TEAM,
        position=20,
    ),
]

TEAMS = [
    _Point(
        "team_activity",
        "Handläggarteam aktivitetsstöd",
        K.HANDLING_TEAM,
        "Handlägger aktivitetsstöd för barn- och ungdomsverksamhet i föreningar.",
        email=f"aktivitetsstod@{DOMAIN}",
        phone="070-174 06 21",
        owner=KFF,
        themes=("Föreningsstöd", "Idrott och fritid", "Barn och unga"),
        kinds=(OK.ASSOCIATION,),
        offers=(W.GRANT,),
        rhythm="Ansökan två gånger om året: 15 februari och 15 augusti",
        easy="Har ni aktiviteter för barn och unga?\nDå kan ni söka pengar här.",
        team="aktivitetsstod",
        position=1,
    ),
    _Point(
        "team_premises_grant",
        "Handläggarteam lokalbidrag",
        K.HANDLING_TEAM,
        "Handlägger bidrag till föreningar som äger eller hyr egna lokaler.",
        email=f"lokalbidrag@{DOMAIN}",
        phone="070-174 06 22",
        owner=KFF,
        themes=("Föreningsstöd",),
        kinds=(OK.ASSOCIATION, OK.STUDY_ASSOCIATION),
        offers=(W.GRANT, W.PREMISES),
        rhythm="Ansökan senast 1 oktober för nästa år",
        team="lokalbidrag",
        position=2,
    ),
    _Point(
        "team_culture",
        "Handläggarteam kulturbidrag",
        K.HANDLING_TEAM,
        "Handlägger bidrag till kulturföreningar, kulturarrangemang och studieförbund.",
        email=f"kulturbidrag@{DOMAIN}",
        phone="070-174 06 23",
        owner=KFF,
        themes=("Kultur", "Folkbildning", "Föreningsstöd"),
        kinds=(OK.ASSOCIATION, OK.STUDY_ASSOCIATION),
        offers=(W.GRANT,),
        rhythm="Löpande ansökan, beslut inom sex veckor",
        team="kulturbidrag",
        position=3,
    ),
    _Point(
        "team_social",
        "Handläggarteam bidrag till sociala föreningar",
        K.HANDLING_TEAM,
        "Handlägger bidrag till föreningar som stöder människor i utsatta situationer, till "
        "exempel kvinnojourer och brottsofferjourer.",
        who="Handläggare med erfarenhet av socialt arbete, eftersom sociala föreningar skiljer "
        "sig från andra föreningar.",
        email=f"socialabidrag@{DOMAIN}",
        phone="070-174 06 24",
        owner=SOF,
        themes=("Social hållbarhet", "Föreningsstöd", "Trygghet"),
        kinds=SOCIAL,
        offers=(W.GRANT,),
        rhythm="Ansökan senast 1 november för nästa år",
        team="sociala-foreningar",
        position=4,
    ),
    _Point(
        "team_iop",
        "Handläggarteam IOP och idéburet partnerskap",
        K.HANDLING_TEAM,
        "Tar emot förslag om idéburet offentligt partnerskap (IOP) och andra långsiktiga "
        "samarbeten och prövar dem tillsammans med organisationen.",
        who="Samordnaren för idéburet offentligt partnerskap och jurister från "
        "Kommunledningsförvaltningen.",
        email=f"iop@{DOMAIN}",
        phone="070-174 06 25",
        owner=SOF,
        themes=("Social hållbarhet", "Integration"),
        kinds=SOCIAL,
        offers=(W.PARTNERSHIP,),
        rhythm="Löpande; ett första samtal inom två veckor",
        description="Ett IOP är ett avtal mellan kommunen och en idéburen organisation om att "
        "tillsammans göra något som båda vill, under flera år. Det är inte en upphandling och "
        "inte ett vanligt bidrag. Börja med ett samtal: berätta vad ni vill göra och för vilka.",
        easy="Vill ni göra något tillsammans med kommunen under lång tid?\nDå kan ni prata med "
        "oss om ett partnerskap.",
        team="iop",
        position=5,
    ),
    _Point(
        "team_events",
        "Handläggarteam arrangemangsbidrag",
        K.HANDLING_TEAM,
        "Handlägger bidrag till öppna arrangemang, till exempel Föreningarnas dag och "
        "festivaler i stadsdelarna.",
        email=f"arrangemang@{DOMAIN}",
        phone="070-174 06 26",
        owner=KFF,
        themes=("Kultur", "Idrott och fritid"),
        offers=(W.GRANT,),
        rhythm="Ansök senast åtta veckor före arrangemanget",
        team="kulturbidrag",
        position=6,
    ),
    _Point(
        "team_rural",
        "Handläggarteam bygdemedel och landsbygdsbidrag",
        K.HANDLING_TEAM,
        "Handlägger bidrag till byalag och bygdegårdar och de lokala bygdemedlen.",
        email=f"bygdemedel@{DOMAIN}",
        phone="070-174 06 27",
        owner=KLF,
        themes=("Landsbygd", "Föreningsstöd"),
        kinds=(OK.ASSOCIATION,),
        offers=(W.GRANT, W.PREMISES),
        rhythm="Ansökan senast 31 mars",
        team=GENERAL_TEAM,
        position=7,
    ),
    _Point(
        "team_booking",
        "Lokalbokningen",
        K.HANDLING_TEAM,
        "Bokar kommunens idrottshallar, samlingslokaler och skollokaler på kvällar och helger "
        "åt föreningar.",
        email=f"lokalbokning@{DOMAIN}",
        phone="070-174 06 28",
        owner=TSF,
        themes=("Föreningsstöd", "Idrott och fritid"),
        offers=(W.PREMISES,),
        rhythm="Vardagar kl. 8–12; fördelning av säsongstider i maj",
        easy="Behöver ni en lokal eller en idrottshall?\nHär bokar ni den.",
        team="lokaler",
        position=8,
    ),
    _Point(
        "team_social_fund",
        "Handläggarteam medel för social hållbarhet",
        K.HANDLING_TEAM,
        "Handlägger kommunens och statens medel för insatser mot barnfattigdom, för "
        "språkutveckling och för trygghet.",
        email=f"socialhallbarhet@{DOMAIN}",
        phone="070-174 06 29",
        owner=KLF,
        themes=("Social hållbarhet", "Barn och unga", "Trygghet"),
        kinds=SOCIAL,
        offers=(W.GRANT, W.PARTNERSHIP),
        rhythm="Utlysningar två gånger om året",
        team=GENERAL_TEAM,
        position=9,
    ),
]

PLACES = [
    _Point(
        "house",
        "Föreningarnas Hus",
        K.PLACE,
        "Mötesrum, kontorsplatser och föreningsservice för föreningslivet, mitt i staden.",
        who="Älvstads Föreningsråd driver huset med stöd från kommunen.",
        email="bokning@foreningarnashus.example.org",
        phone="070-174 06 61",
        address=HOUSE_ADDRESS,
        owner=KFF,
        themes=("Föreningsstöd",),
        offers=(W.PREMISES, W.INFORMATION),
        rhythm="Vardagar kl. 8–22, helger kl. 9–18",
        easy="Föreningarnas Hus är ett hus för föreningar.\nDär kan ni ha möten.\nDet ligger på "
        "Storgatan 12.",
        position=1,
    ),
    _Point(
        "volunteer_centre",
        "Frivilligcentralen",
        K.PLACE,
        "Här får den som vill bli volontär hjälp att hitta ett uppdrag, och föreningar hjälp "
        "att hitta volontärer.",
        email=f"frivilligcentralen@{DOMAIN}",
        phone="070-174 06 62",
        address="Stadsbiblioteket, Biblioteksgatan 1",
        owner=VOF,
        themes=("Social hållbarhet", "Äldre"),
        offers=(W.VOLUNTEERS, W.INFORMATION),
        rhythm="Tisdagar och torsdagar kl. 10–16",
        position=2,
    ),
    _Point(
        "village_hall",
        "Vinterö bygdegård",
        K.PLACE,
        "Bygdegården är mötesplats för föreningarna i Vinterö och för kommunens möten på "
        "landsbygden.",
        address="Byvägen 4, Vinterö",
        phone="070-174 06 63",
        themes=("Landsbygd",),
        offers=(W.PREMISES,),
        rhythm="Bokas via bygdegårdsföreningen",
        position=3,
    ),
    _Point(
        "meeting_point_norrby",
        "Träffpunkt Norrby",
        K.PLACE,
        "Medborgarkontor och mötesplats där föreningar kan låna rum och få hjälp med kontakter "
        "med kommunen.",
        email=f"traffpunkt.norrby@{DOMAIN}",
        phone="070-174 06 64",
        address="Norrby centrum, Torget 3",
        owner=KLF,
        themes=("Integration", "Trygghet"),
        offers=(W.PREMISES, W.INFORMATION),
        rhythm="Måndag–torsdag kl. 10–18",
        easy="Träffpunkt Norrby är ett kontor i Norrby.\nDär kan du få hjälp och låna ett rum.",
        position=4,
    ),
    _Point(
        "library",
        "Stadsbiblioteket",
        K.PLACE,
        "Bibliotekets rum kan bokas av föreningar för öppna möten, språkcaféer och läxhjälp.",
        email=f"biblioteket@{DOMAIN}",
        address="Biblioteksgatan 1",
        owner=KFF,
        themes=("Kultur", "Folkbildning", "Integration"),
        offers=(W.PREMISES, W.INFORMATION),
        rhythm="Vardagar kl. 10–20, helger kl. 11–16",
        position=5,
    ),
]

EXTERNAL = [
    _Point(
        "county",
        "Länsstyrelsen i Älvdalens län",
        K.EXTERNAL_BODY,
        "Statens myndighet i länet: samordnar krisberedskap och fördelar vissa statliga bidrag "
        "till föreningar, till exempel för integration.",
        email="alvdalen@lansstyrelsen.example.org",
        web="https://www.lansstyrelsen.example.org/alvdalen",
        themes=("Krisberedskap", "Integration"),
        offers=(W.GRANT, W.INFORMATION),
        position=1,
    ),
    _Point(
        "region",
        "Region Älvdalen",
        K.EXTERNAL_BODY,
        "Regionen ansvarar för vården och den regionala utvecklingen och stöder civilsamhället "
        "med bidrag och nätverk.",
        email="civilsamhalle@region.example.org",
        web="https://www.region.alvstad.example.org",
        themes=("Social hållbarhet", "Kultur"),
        offers=(W.GRANT, W.INFORMATION, W.PARTNERSHIP),
        position=2,
    ),
    _Point(
        "police",
        "Kommunpolisen i Älvstad",
        K.EXTERNAL_BODY,
        "Polisens kontaktperson för kommunen och föreningarna i trygghetsfrågor.",
        email="kommunpolis.alvstad@polisen.example.org",
        themes=("Trygghet",),
        offers=(W.DIALOGUE,),
        position=3,
    ),
    _Point(
        "employment",
        "Arbetsförmedlingen Älvstad",
        K.EXTERNAL_BODY,
        "Samarbetar med föreningar och sociala företag om praktik och vägar till arbete.",
        web="https://www.arbetsformedlingen.example.org",
        themes=("Integration", "Social hållbarhet"),
        kinds=(OK.ASSOCIATION, OK.SOCIAL_ENTERPRISE),
        offers=(W.PARTNERSHIP, W.INFORMATION),
        position=4,
    ),
]

POINTS = [*FORUMS, *NETWORKS, *DEPARTMENT_ENTRIES, *TEAMS, *PLACES, *EXTERNAL]

P, R, WW, M = LinkKind.PART_OF, LinkKind.REPORTS_TO, LinkKind.WORKS_WITH, LinkKind.MEETS_IN
LINKS = [
    ("network", WW, "council"),
    ("council", M, "house"),
    ("network", M, "house"),
    ("au", M, "house"),
    ("theme_evenings", P, "council"),
    ("theme_evenings", M, "house"),
    ("umbrella", WW, "council"),
    ("umbrella", M, "house"),
    ("psi", WW, "council"),
    ("psi", WW, "region"),
    ("regional_network", WW, "region"),
    ("regional_network", WW, "umbrella"),
    ("welfare", WW, "psi"),
    ("area_vintero", M, "village_hall"),
    ("area_vintero", R, "rural"),
    ("area_norrby", M, "meeting_point_norrby"),
    ("area_norrby", WW, "police"),
    ("area_norrby", R, "entry_sof"),
    ("area_angsbacka", R, "entry_sof"),
    ("area_angsbacka", WW, "entry_housing"),
    ("area_soderport", R, "entry_sof"),
    ("pensioners", R, "entry_vof"),
    ("disability", R, "entry_klf"),
    ("youth", R, "entry_kff"),
    ("faith", WW, "crisis"),
    ("crisis", R, "entry_klf"),
    ("crisis", WW, "county"),
    ("bra", WW, "police"),
    ("bra", R, "entry_klf"),
    ("rural", R, "entry_klf"),
    ("rural", M, "village_hall"),
    ("mental_health", WW, "entry_sof"),
    ("volunteering", M, "volunteer_centre"),
    ("volunteering", WW, "entry_vof"),
    ("team_activity", P, "entry_kff"),
    ("team_premises_grant", P, "entry_kff"),
    ("team_culture", P, "entry_kff"),
    ("team_events", P, "entry_kff"),
    ("team_social", P, "entry_sof"),
    ("team_iop", P, "entry_sof"),
    ("team_iop", WW, "welfare"),
    ("team_rural", P, "entry_klf"),
    ("team_social_fund", P, "entry_klf"),
    ("team_booking", P, "entry_tsf"),
    ("team_booking", WW, "house"),
    ("house", WW, "entry_kff"),
    ("library", P, "entry_kff"),
    ("employment", WW, "entry_gvf"),
    *(
        (f"entry_{short}", WW, "network")
        for short in ("klf", "sof", "kff", "msf", "fgf", "gvf", "vof", "tsf")
    ),
]


def _secretary() -> User | None:
    return User.objects.filter(email=SECRETARY_EMAIL).first()


def _create(spec: _Point, themes: dict[str, Theme], actor: User | None) -> ContactPoint:
    body = Body.objects.filter(slug=spec.body).first() if spec.body else None
    fields = {
        "purpose": spec.purpose,
        "who_takes_part": spec.who,
        "email": spec.email,
        "phone": spec.phone,
        "website": spec.web,
        "visiting_address": spec.address,
        "owner": Organisation.objects.filter(name=spec.owner).first() if spec.owner else None,
        "themes": [themes[name] for name in spec.themes],
        "organisation_kinds": list(spec.kinds),
        "offers": list(spec.offers),
        "opening_hours_or_rhythm": spec.rhythm,
        "description": spec.description,
        "easy_read_description": spec.easy,
        "inquiry_team_slug": spec.team,
        "position": spec.position,
    }
    if body is not None:
        point = services.contact_point_create_from_body(body=body, actor=actor)
        return services.contact_point_update(
            contact_point=point, name=spec.name, actor=actor, **fields
        )
    return services.contact_point_create(name=spec.name, kind=spec.kind, actor=actor, **fields)


def load_demo(*, seed: int = 2024) -> dict[str, int]:
    """Fill the catalogue of Älvstad's contact points and return how many of each were made.

    Run it after the organisations and meetings demos. Raises DemoDatabaseNotEmpty if the
    catalogue already has contact points or themes."""
    del seed  # the catalogue is written by hand: see the module docstring
    if ContactPoint.objects.exists() or Theme.objects.exists() or LadderStep.objects.exists():
        raise DemoDatabaseNotEmpty(
            "The catalogue demo can only be loaded into a database without contact points, "
            "themes or ladder steps."
        )
    actor = _secretary()
    with transaction.atomic():
        themes = {name: services.theme_create(name=name, actor=actor) for name in THEMES}
        points = {spec.key: _create(spec, themes, actor) for spec in POINTS}
        for source, kind, target in LINKS:
            services.contact_link_create(
                source=points[source], target=points[target], kind=kind, actor=actor
            )
        services.ladder_create_standard_steps(actor=actor)
    nodes = catalogue_nodes()
    return {
        "contact_points": ContactPoint.objects.count(),
        "forums_from_bodies": sum(1 for node in nodes if node.is_from_body),
        "on_the_map": len(nodes),
        "links": ContactLink.objects.count(),
        "themes": Theme.objects.count(),
        "ladder_steps": LadderStep.objects.count(),
    }
