"""Swedish words the minutes parser recognises: months, weekdays, labels, roles, parties, first
names and the words that make a phrase an organisation rather than a person.

Plain data, no logic: the parser in :mod:`parsing` compiles what it needs from these once.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    """The whitespace-separated words of a block of text, as a set."""
    return frozenset(text.split())


MONTHS: dict[str, int] = {
    "januari": 1,
    "jan": 1,
    "februari": 2,
    "feb": 2,
    "mars": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "maj": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "augusti": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}

WEEKDAYS: dict[str, int] = {
    "måndagen": 0,
    "måndag": 0,
    "mån": 0,
    "tisdagen": 1,
    "tisdag": 1,
    "tis": 1,
    "onsdagen": 2,
    "onsdag": 2,
    "ons": 2,
    "torsdagen": 3,
    "torsdag": 3,
    "tors": 3,
    "tor": 3,
    "fredagen": 4,
    "fredag": 4,
    "fre": 4,
    "lördagen": 5,
    "lördag": 5,
    "lör": 5,
    "söndagen": 6,
    "söndag": 6,
    "sön": 6,
}

# Labels at the start of a header line ("Datum: Onsdagen 13 september"), by what they announce.
# Attendance labels may carry a default role for the people listed under them.
DATE_LABELS = ("datum", "mötesdatum", "sammanträdesdatum", "dag", "dag och datum", "när")
TIME_LABELS = ("tid", "tidpunkt", "klockan", "mötestid", "sammanträdestid")
DATE_TIME_LABELS = ("datum och tid", "tid och datum", "dag och tid", "datum, tid")
PLACE_LABELS = ("mötesplats", "plats", "lokal", "mötesplats och lokal", "adress", "var")
PLACE_TIME_LABELS = ("plats och tid", "tid och plats", "plats, tid", "tid, plats")
PRESENT_LABELS: dict[str, str | None] = {
    "närvarande": None,
    "deltagare": None,
    "deltagande": None,
    "deltog": None,
    "mötesdeltagare": None,
    "närvarande ledamöter": None,
    "närvarande deltagare": None,
    "ledamöter": None,
    "beslutande": None,
    "beslutande ledamöter": None,
    "närvarande ersättare": "ersättare",
    "tjänstgörande ersättare": "ersättare",
    "ej tjänstgörande ersättare": "ersättare",
    "ersättare": "ersättare",
    "övriga närvarande": None,
    "övriga deltagare": None,
    "övriga deltagande": None,
    "tjänstemän": None,
    "tjänstepersoner": None,
    "närvarande tjänstemän": None,
    "närvarande tjänstepersoner": None,
    "föredragande": "föredragande",
}
ABSENT_LABELS = (
    "frånvarande",
    "förhinder",
    "anmält förhinder",
    "anmäld frånvaro",
    "anmält frånvaro",
    "förhinder anmält",
    "frånvarande ledamöter",
    "frånvarande med förhinder",
    "ej närvarande",
    "avanmälda",
    "avanmälan",
    "förhindrade",
)
GUEST_LABELS = ("gäster", "gäst", "inbjudna", "inbjudna gäster", "inbjuden", "inbjuden gäst")
CHAIR_LABELS = ("ordförande", "mötesordförande", "ordförande för mötet")
RECORDER_LABELS = (
    "antecknat av",
    "antecknare",
    "sekreterare",
    "mötessekreterare",
    "protokollförare",
    "vid protokollet",
    "protokollet fört av",
    "protokollet fördes av",
    "protokollförd av",
    "minnesanteckningar av",
    "anteckningar",
)
IGNORED_LABELS = (
    "justerare",
    "justeras",
    "justeras av",
    "justering",
    "utses att justera",
    "justeringens plats och tid",
    "underskrifter",
    "paragrafer",
    "bilagor",
    "bilaga",
    "kopia till",
    "ärende",
)

# Words that open the lines closing a document (signatures, "Antecknat av").
FOOTER_WORDS = (
    "antecknat av",
    "antecknare",
    "vid protokollet",
    "protokollförare",
    "mötessekreterare",
    "justeras",
    "justerat",
    "justerare",
    "underskrifter",
    "minnesanteckningar av",
)

# The header row of an attendance table: "Namn | Organisation".
ATTENDANCE_TABLE_HEADERS = _words(
    """
    namn organisation förening parti roll funktion representerar representant närvarande
    frånvarande grupp uppdrag titel kommentar
    """
)

# Headings in the header that are understood and need no warning.
HEADER_HEADINGS = (
    "dagordning",
    "föredragningslista",
    "ärendelista",
    "ärenden",
    "program",
    "agenda",
)

# Words of a document's title, by kind.
MINUTES_TITLE_WORDS = (
    "minnesanteckningar",
    "minnesanteckning",
    "mötesanteckningar",
    "anteckningar",
    "protokoll",
    "sammanträdesprotokoll",
    "mötesprotokoll",
    "justerat protokoll",
)
NOTICE_TITLE_WORDS = ("kallelse", "dagordning", "föredragningslista", "inbjudan", "agenda")
SUMMARY_TITLE_WORDS = (
    "sammanställning",
    "sammanfattning",
    "dokumentation",
    "gruppanteckningar",
    "gruppdiskussioner",
)

# Roles written after a name: "(*ordförande*)", ", sekreterare", "(vice ordf.)".
ROLES: dict[str, str] = {
    "ordförande": "ordförande",
    "ordf": "ordförande",
    "ordf.": "ordförande",
    "mötesordförande": "ordförande",
    "vice ordförande": "vice ordförande",
    "vice ordf": "vice ordförande",
    "vice ordf.": "vice ordförande",
    "v. ordf.": "vice ordförande",
    "v ordf": "vice ordförande",
    "förste vice ordförande": "förste vice ordförande",
    "1:e vice ordförande": "förste vice ordförande",
    "andre vice ordförande": "andre vice ordförande",
    "2:e vice ordförande": "andre vice ordförande",
    "sekreterare": "sekreterare",
    "sekr": "sekreterare",
    "sekr.": "sekreterare",
    "mötessekreterare": "sekreterare",
    "ledamot": "ledamot",
    "ersättare": "ersättare",
    "tjänstgörande ersättare": "ersättare",
    "adjungerad": "adjungerad",
    "justerare": "justerare",
    "kommunalråd": "kommunalråd",
    "oppositionsråd": "oppositionsråd",
    "samordnare": "samordnare",
    "sammankallande": "sammankallande",
    "sammanställande": "sammanställande",
    "föredragande": "föredragande",
    "gäst": "gäst",
    "åhörare": "åhörare",
}

# Swedish parties (and local ones) as written after a politician's name.
PARTIES = _words("S M SD C V KD L MP FP Fi FI ÖrP ÖP SPI NYD Kd Mp Sd Vp")

# Group headings inside an attendance list that carry a role rather than a body.
ROLE_HEADINGS: dict[str, str | None] = {
    "ledamöter": None,
    "ordinarie ledamöter": None,
    "ersättare": "ersättare",
    "tjänstgörande ersättare": "ersättare",
    "ej tjänstgörande ersättare": "ersättare",
    "tjänstemän": None,
    "tjänstepersoner": None,
    "övriga": None,
    "övriga närvarande": None,
}

# Bodies written in different ways, by their normal name.
BODY_ALIASES: dict[str, str] = {
    "samverkansrådet": "Samverkansrådet",
    "samverkansråd": "Samverkansrådet",
    "c-nätet": "C-nätet",
    "c-nätverket": "C-nätet",
    "c-nät": "C-nätet",
    "c-nätverk": "C-nätet",
    "cnätet": "C-nätet",
    "au": "AU",
    "arbetsutskottet": "AU",
    "samverkansrådets au": "AU",
    "samverkansrådets arbetsutskott": "AU",
    "valberedningen": "Valberedningen",
}
# A word ending like this names a body ("Kultur- och fritidsnämnden", "Pensionärsrådet").
BODY_SUFFIXES = (
    "rådet",
    "nämnden",
    "styrelsen",
    "utskottet",
    "fullmäktige",
    "nätverket",
    "nätet",
    "beredningen",
    "presidiet",
    "utskott",
)

# Words and endings that make a phrase an organisation (or a place), never a person's name.
ORGANISATION_WORDS = _words(
    """
    kommun kommunen region regionen förening föreningen förbund förbundet stiftelsen stiftelse
    kyrkan kyrka församling församlingen hus huset ik if bk ff sk ab hb förvaltningen
    förvaltning kontoret nämnden rådet råd center centrum centret jour jouren studieförbundet
    skola skolan gymnasium bibliotek biblioteket klubb klubben club sällskap sällskapet
    riksförbund riksförbundet länsförbund distrikt svenska sveriges svensk partnerskap
    folkets föreningarnas röda rädda länsstyrelsen polisen universitet högskola
    socialförvaltningen stadsbyggnad folkhögskola kooperativ nätverk nätverket
    """
)
ORGANISATION_SUFFIXES = (
    "förvaltningen",
    "förvaltning",
    "kontoret",
    "nämnden",
    "rådet",
    "råd",
    "center",
    "centret",
    "centrum",
    "föreningen",
    "förening",
    "förbundet",
    "förbund",
    "kyrkan",
    "kyrka",
    "jouren",
    "skolan",
    "huset",
    "gruppen",
    "nätet",
    "nätverket",
    "bolaget",
    "stiftelsen",
    "kompaniet",
    "byrån",
    "institutet",
    "sällskapet",
    "alliansen",
    "organisationen",
    "verket",
    "myndigheten",
    "styrelsen",
    "kansliet",
    "fonden",
    "akademin",
    "teatern",
    "museet",
    "bruket",
    "kassan",
    "enheten",
    "avdelningen",
    "partiet",
    "kommun",
)
# Short words that may stand inside a name: "Karin von Stedingk".
NAME_PARTICLES = _words("von van af de der den la le du da di el al bin ibn")

# Common Swedish first names and short forms, to tell "Anna Andersson, Bertil Berg" (two
# people) from "Tove Rosin, Röda Korset" (a person and her organisation).
FIRST_NAMES = _words(
    """
    adam adrian agneta agnes ahmed ala albin alexander alexandra ali alice alma amanda amir
    anders andreas anette anita ann anna annelie anneli anne annika ann-marie ann-christin
    anton arianne arne arvid astrid axel barbro bengt benny bertil birgitta birgit bo bodil
    bosse britt britta camilla carin carina carl carola caroline cecilia charlotte christer
    christian christina claes dag dan daniel david denise ebba edvard elias elin elisabeth
    elsa emelie emil emilia emma eric erik erika eva evelina felix filip fredrik frida gabriel
    gerd gittan gunilla gunnar gustav hampus hanna hans harald hassan hedvig helen helena
    helene henrik hugo ida inga ingela inger ingrid isabella isak ivar jakob jan janne jenny
    jerker jesper jessica jimmy joakim jocke johan johanna johannes john jonas jonathan josefin
    julia jörgen kajsa kalle karin karl katarina kent kerstin kersti kevin kim kjell klara
    k-g kristina kristoffer lars lasse leif lena lennart li lina linda linn linnea lisa lotta
    louise lovisa lucas ludvig madelen madeleine magdalena magnus malin marcus margareta maria
    marie marianne markus martin mathias mats matilda mattias max maja mikael micke mohammed
    monica monika nadja niklas nils nina nisse olle oliver olof oscar oskar ove patrik peder
    pelle per per-åke peter petra pia rasmus raluca rebecka reidun rikard robert robin roger
    rolf rose-marie rut sandra sara sebastian shala siv sofia sofie stefan stig stina sune
    susanne sven svante tage therese thomas tim tina tobias tom tomas tommy torbjörn tove
    ulf ulla ulrika urban vera veronica viktor viktoria vilhelm william yvonne åsa åke ylva
    annelie anders-göran karl-gustav lars-erik jan-erik per-olof eva-lena anna-karin
    marie-louise jan-olof bo-göran yusuf fatima omar ibrahim mustafa hussein amina leila
    sanna maja-lena ingemar ingvar göran gösta lage einar östen
    """
)

# Verbs that make "Anna F skapar ett team" a task rather than a report of the meeting
# ("Anna informerar om ...").
ACTION_VERBS = _words(
    """
    skapar bjuder bokar kontaktar tar undersöker återkommer tittar jobbar arbetar inventerar
    skickar sammanställer planerar lägger ser utreder förbereder uppdaterar kollar hör mejlar
    sprider formulerar reviderar ordnar kallar samlar följer håller samordnar sätter stämmer
    bevakar fixar begär ansvarar återkopplar sköter skriver ringer beställer sammankallar
    organiserar sammanfattar bearbetar färdigställer tillfrågar kompletterar justerar
    efterfrågar reder
    """
)
# The same verbs after "ska", "kommer att", "får i uppdrag att": "Anna ska boka lokal".
ACTION_INFINITIVES = _words(
    """
    skapa bjuda boka kontakta ta undersöka återkomma titta jobba arbeta inventera skicka
    sammanställa planera lägga se utreda förbereda uppdatera kolla höra mejla sprida formulera
    revidera ordna kalla samla följa hålla samordna sätta stämma bevaka fixa begära ansvara
    återkoppla sköta skriva ringa beställa sammankalla organisera sammanfatta bearbeta
    färdigställa tillfråga komplettera justera efterfråga reda ta fram kontrollera leta
    maila informera presentera redovisa rapportera bjuda in ordna besluta
    """
)
# Verbs that report what happened at the meeting; never an action even after "ska".
NARRATIVE_VERBS = _words(
    """
    informerar berättar presenterar redogör beskriver föredrar visar deltar samtalar diskuterar
    tackar inleder meddelar rapporterar svarar lyfter påminner förklarar hälsar konstaterar
    menar tycker anser undrar föreslår välkomnar öppnar avslutar delta närvara vara
    """
)
# Subjects that stand for people or groups even though they are not names.
ACTION_GROUP_SUBJECTS = _words(
    """
    au arbetsgruppen arbetsgrupperna styrgruppen samverkansrådet rådet c-nätet ordföranden
    sekreteraren kansliet valberedningen presidiet förvaltningen kommunen arbetsutskottet
    projektgruppen referensgruppen ledningen
    """
)
PRONOUNS = _words("vi man de den det hon han ni jag du alla någon några ingen detta")

# Words after a dangling word at the end of a hard-wrapped line that show the sentence goes on.
CONTINUATION_WORDS = _words(
    """
    och eller samt men att som i på av för med till om från inom mellan vid under efter utan
    genom mot kring hos över en ett den det de dess sin sitt sina är var har kan ska skall
    kommer blir vill måste bör får när där hur vad vilka vilket vilken så än både samma olika
    nya ny alla flera många varje vår vårt våra er ert era deras hans hennes dem oss sig
    """
)
