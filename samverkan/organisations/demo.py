"""Demo data: "Älvstads kommun", a fictional municipality by a river, and its civil society.

`load_demo` fills an empty database with organisations of every kind, two agreement periods
(2020–2023 and 2024–2027) and the history of every signature: signed, asked for more
information, approved, declined, withdrawn, excluded after a hearing, expired and renewed.
Everything is fictional: the municipality, its districts, the organisations and the people.

Every row is made through the services, as the site makes it, so the demo has the same
events, representations and emails as real use. The only exception is the agreements and
their sections, which have no create service: they are made with the ORM and then published
with `agreement_publish`.

The services stamp everything with the present moment, and some refuse the past (an exclusion
deadline must be after today). So the demo first runs each service and afterwards moves the
timestamps back to the day the story says it happened (`_Demo.backdate`), with
`QuerySet.update()` and `bulk_update()`, which change only those columns.

The same seed and the same `today` always give the same demo.
"""

from __future__ import annotations

import random
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.db.models import Max, Min
from django.test import override_settings
from django.utils import timezone
from django.utils.text import slugify

from samverkan.accounts.models import Role, User
from samverkan.accounts.services import role_grant, user_get_or_create
from samverkan.core.swedish import normalise_organisation_number
from samverkan.organisations import services
from samverkan.organisations.models import (
    Agreement,
    AgreementSection,
    Area,
    District,
    ExclusionCase,
    ExclusionCaseEvent,
    InformationRequest,
    Organisation,
    OrganisationKind,
    OrganisationLink,
    RenewalInvitation,
    Representation,
    Signature,
    SignatureApplication,
    SignatureEvent,
    SignatureStatus,
    TargetGroup,
)
from samverkan.outbox.models import OutboundEmail

SECRETARY_EMAIL = "sekreterare@example.org"
SECRETARY_PASSWORD = "demo-sekreterare-2024"  # a documented demo login, not a secret
SECRETARY_NAME = "Sekreterare Demo"

# The demo tells the story up to `today`; the current period must have run for a while.
EARLIEST_TODAY = date(2024, 9, 1)
LATEST_TODAY = date(2027, 12, 31)

KIND = OrganisationKind
MUNICIPAL_DOMAIN = "alvstad.example.org"
DECIDING_BODY = "Samverkansrådet"


class DemoDatabaseNotEmpty(RuntimeError):
    """The demo only loads into an empty register."""


# --- Text helpers ------------------------------------------------------------------------------


def _prose(text: str) -> str:
    """Join hard-wrapped source lines into paragraphs separated by a blank line.

    A line that starts with "– " is a list item and keeps a line of its own."""
    paragraphs = []
    for block in text.strip().split("\n\n"):
        lines: list[str] = []
        for raw in block.splitlines():
            line = raw.strip()
            if not line:
                continue
            if lines and not line.startswith("– "):
                lines[-1] = f"{lines[-1]} {line}"
            else:
                lines.append(line)
        paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs)


def _lines(text: str) -> str:
    """Easy-to-read text: one short sentence a line, kept as written."""
    return "\n".join(line.strip() for line in text.strip().splitlines())


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in folded if c.isascii() and (c.isalnum() or c in ".-"))


def _slug(text: str, max_length: int = 50) -> str:
    return slugify(text)[:max_length].strip("-")


# --- Terms -------------------------------------------------------------------------------------

# (district, used as a place in organisation names, rural)
DISTRICTS: list[tuple[str, bool, bool]] = [
    ("Centrum", False, False),
    ("Norrby", True, False),
    ("Söderport", True, False),
    ("Åsen", True, False),
    ("Ängsbacka", True, False),
    ("Östra hamnen", True, False),
    ("Björkdalen", True, False),
    ("Sjövik", True, True),
    ("Kvarnby", True, True),
    ("Lindås", True, True),
    ("Älvnäs", True, True),
    ("Vinterö", True, True),
    ("Ödmarken", True, True),
]

AREAS = [
    "Idrott",
    "Kultur",
    "Socialt arbete",
    "Integration",
    "Funktionsrätt",
    "Miljö och klimat",
    "Trygghet",
    "Barn och unga",
    "Äldre",
    "Folkbildning",
    "Tro och livsåskådning",
    "Hälsa",
    "Demokrati",
    "Krisberedskap",
    "Fritid",
]

TARGET_GROUPS = [
    "Barn",
    "Unga",
    "Äldre",
    "Familjer",
    "Kvinnor",
    "Nyanlända",
    "Personer med funktionsnedsättning",
    "Personer i ekonomisk utsatthet",
    "Anhöriga",
    "Hela befolkningen",
]

ALL = "Hela befolkningen"
POOR = "Personer i ekonomisk utsatthet"
DISABLED = "Personer med funktionsnedsättning"


def _genitive(place: str) -> str:
    return place if place[-1] in "sxz" else f"{place}s"


def _club(place: str) -> str:
    """The form of a place that goes before "IK": "Norrby IK", but "Östra hamnens IK"."""
    return _genitive(place) if " " in place else place


def _where(district: str | None) -> str:
    if district is None:
        return "i Älvstad"
    if district == "Centrum":
        return "i centrala Älvstad"
    return f"i {district}"


# --- Organisations: names built from parts -----------------------------------------------------


@dataclass(frozen=True)
class _Template:
    """An association that many places have: "{c} IK", "{g} Hembygdsförening"."""

    pattern: str  # {p} the place, {g} its genitive, {c} its club form
    areas: tuple[str, ...]
    targets: tuple[str, ...]
    activity: str  # completes "<name> är en ideell förening i <place> som ..."
    easy: str
    where: str = "any"  # "any", "rural" or "urban"


TEMPLATES = [
    _Template(
        "{c} IK",
        ("Idrott", "Barn och unga"),
        ("Barn", "Unga"),
        "erbjuder fotboll, innebandy och friidrott för barn, unga och vuxna",
        "Vi har fotboll, innebandy och friidrott.",
    ),
    _Template(
        "{g} Fotbollsklubb",
        ("Idrott", "Fritid"),
        ("Barn", "Unga"),
        "bedriver fotboll i alla åldrar, från knattefotboll till seniorlag för damer och herrar",
        "Vi spelar fotboll. Barn, unga och vuxna kan vara med.",
    ),
    _Template(
        "{g} Hembygdsförening",
        ("Kultur", "Folkbildning"),
        (ALL, "Äldre"),
        "vårdar bygdens historia, driver hembygdsgården och ordnar midsommarfirande, "
        "slåtter och berättarkvällar",
        "Vi berättar om hur livet var förr. Vi har en hembygdsgård som alla kan besöka.",
        "rural",
    ),
    _Template(
        "{g} Scoutkår",
        ("Barn och unga", "Fritid", "Miljö och klimat"),
        ("Barn", "Unga"),
        "ordnar scouting med hajker, läger och friluftsliv för barn och unga från åtta år",
        "Vi är ute i naturen. Vi lagar mat över öppen eld och sover i tält.",
    ),
    _Template(
        "{g} Pensionärsförening",
        ("Äldre", "Hälsa"),
        ("Äldre",),
        "samlar pensionärer till friskvård, studiecirklar, resor och gemenskap",
        "Vi träffas och fikar. Vi går promenader och gör resor tillsammans.",
    ),
    _Template(
        "{g} Bygdegårdsförening",
        ("Kultur", "Fritid", "Demokrati"),
        (ALL,),
        "driver bygdegården som mötesplats för fester, möten, loppisar och kultur",
        "Vi har ett hus där alla kan träffas. Där har vi fester, möten och loppis.",
        "rural",
    ),
    _Template(
        "{g} Konstförening",
        ("Kultur",),
        (ALL,),
        "ordnar utställningar, konstkurser och konstresor och lottar ut konst bland medlemmarna",
        "Vi tittar på konst och gör konst tillsammans.",
    ),
    _Template(
        "{g} Kanotklubb",
        ("Idrott", "Fritid", "Miljö och klimat"),
        ("Unga", ALL),
        "paddlar på älven och ordnar kurser i kanot och kajak för nybörjare och vana",
        "Vi paddlar kanot på älven. Du kan gå en kurs hos oss.",
    ),
    _Template(
        "{g} Ridklubb",
        ("Idrott", "Barn och unga"),
        ("Barn", "Unga", "Kvinnor"),
        "driver ridskola och stall med lektioner på alla nivåer och en aktiv ungdomssektion",
        "Vi har hästar. Du kan lära dig att rida hos oss.",
        "rural",
    ),
    _Template(
        "{g} Föräldraförening",
        ("Barn och unga", "Trygghet"),
        ("Familjer", "Barn"),
        "samlar föräldrar kring trygghet i området, läxhjälp och aktiviteter på loven",
        "Vi är föräldrar som hjälps åt. Vi ordnar roliga saker för barn på loven.",
        "urban",
    ),
    _Template(
        "{g} Spelmanslag",
        ("Kultur",),
        (ALL, "Äldre"),
        "spelar folkmusik, lär ut låtar på gehör och spelar vid högtider i bygden",
        "Vi spelar folkmusik tillsammans. Du kan lära dig att spela hos oss.",
    ),
    _Template(
        "{g} Folkdanslag",
        ("Kultur", "Hälsa"),
        (ALL,),
        "dansar folkdans och gammeldans och uppträder vid midsommar och nationaldagen",
        "Vi dansar folkdans. Du behöver inte kunna dansa innan du börjar.",
    ),
    _Template(
        "{g} Teaterförening",
        ("Kultur", "Barn och unga"),
        ("Unga", ALL),
        "sätter upp en föreställning varje år och har teatergrupper för barn och unga",
        "Vi spelar teater. Barn, unga och vuxna kan vara med.",
    ),
    _Template(
        "{g} Schackklubb",
        ("Fritid", "Folkbildning"),
        ("Barn", "Äldre"),
        "spelar schack varje vecka och ordnar turneringar och skolschack",
        "Vi spelar schack. Alla åldrar kan vara med.",
    ),
    _Template(
        "{g} Orienteringsklubb",
        ("Idrott", "Hälsa", "Fritid"),
        ("Familjer", ALL),
        "ordnar orientering, motionslopp och naturpass i skogarna runt Älvstad",
        "Vi springer och går i skogen med en karta.",
    ),
    _Template(
        "{g} Byalag",
        ("Demokrati", "Trygghet", "Fritid"),
        (ALL,),
        "arbetar för en levande by med kollektivtrafik, badplats och gemensamma arbetsdagar",
        "Vi bor i byn och hjälps åt. Vi vill att byn ska vara en bra plats att bo på.",
        "rural",
    ),
    _Template(
        "{g} Fiskevårdsförening",
        ("Miljö och klimat", "Fritid"),
        (ALL, "Barn"),
        "vårdar fiskevattnen i älven, säljer fiskekort och ordnar fiskedagar för barn",
        "Vi tar hand om fisken i älven. Vi har fiskedagar för barn.",
    ),
    _Template(
        "Nattvandrarna {p}",
        ("Trygghet", "Barn och unga"),
        ("Unga",),
        "vandrar i området på fredags- och lördagskvällar så att vuxna finns där unga är",
        "Vi är vuxna som går ute på kvällarna. Vi vill att unga ska känna sig trygga.",
        "urban",
    ),
    _Template(
        "{g} Gymnastikförening",
        ("Idrott", "Hälsa", "Barn och unga"),
        ("Barn", "Unga"),
        "erbjuder gymnastik, parkour och gympa för föräldrar och små barn",
        "Vi har gymnastik för barn och vuxna.",
    ),
    _Template(
        "{g} Bouleklubb",
        ("Idrott", "Äldre", "Hälsa"),
        ("Äldre",),
        "spelar boule på banorna vid älven på sommaren och inomhus på vintern",
        "Vi spelar boule. Det är lätt att lära sig.",
    ),
    _Template(
        "{g} Trädgårdsförening",
        ("Miljö och klimat", "Fritid"),
        (ALL, "Äldre"),
        "ordnar växtbyten, trädgårdsvisningar och kurser i odling",
        "Vi odlar och byter växter med varandra.",
    ),
    _Template(
        "Trygga {p}",
        ("Trygghet", "Demokrati"),
        (ALL,),
        "samlar boende, fastighetsägare och föreningar för ett tryggare område",
        "Vi vill att det ska kännas tryggt att bo här.",
        "urban",
    ),
    _Template(
        "{g} Simsällskap",
        ("Idrott", "Hälsa"),
        ("Barn", ALL),
        "lär barn och vuxna att simma och har tävlingssim och vattengympa",
        "Vi lär barn och vuxna att simma.",
    ),
    _Template(
        "{g} Brukshundklubb",
        ("Fritid",),
        (ALL,),
        "utbildar hundar och förare i vardagslydnad, spårning och agility",
        "Vi tränar våra hundar tillsammans.",
    ),
    _Template(
        "{g} Biodlarförening",
        ("Miljö och klimat",),
        (ALL,),
        "samlar biodlare, ordnar nybörjarkurser och sprider kunskap om pollinerare",
        "Vi har bin och gör honung. Vi lär andra om bin.",
        "rural",
    ),
    _Template(
        "{g} Innebandyklubb",
        ("Idrott", "Barn och unga"),
        ("Barn", "Unga"),
        "spelar innebandy i serier för flickor och pojkar och har motionsinnebandy för vuxna",
        "Vi spelar innebandy. Flickor, pojkar och vuxna kan vara med.",
    ),
    _Template(
        "{g} Kulturförening",
        ("Kultur", "Integration"),
        (ALL, "Nyanlända"),
        "ordnar konserter, författarkvällar och fester där grannar från många länder möts",
        "Vi har konserter och fester. Alla i området är välkomna.",
        "urban",
    ),
    _Template(
        "{g} Motionsförening",
        ("Hälsa", "Idrott"),
        (ALL,),
        "erbjuder motionsträning, promenadgrupper och styrketräning till låga avgifter",
        "Vi tränar tillsammans. Det kostar lite att vara med.",
    ),
]
TEMPLATE_ASSOCIATIONS = 70  # how many place-named associations to draw from TEMPLATES
MAX_PER_TEMPLATE = 4


@dataclass(frozen=True)
class _Fixed:
    """One organisation with a name of its own."""

    name: str
    kind: str
    areas: tuple[str, ...]
    targets: tuple[str, ...]
    activity: str  # completes "<name> är <intro> <where> som ..."
    easy: str = ""
    districts: tuple[str, ...] = ()  # () means the whole municipality
    intro: str = ""  # "en paraplyorganisation för ..."; by default from the kind
    has_number: bool = True
    roles: tuple[str, ...] = ()


FIXED_ASSOCIATIONS = [
    _Fixed(
        "Hörsel- och dövföreningen i Älvstad",
        KIND.ASSOCIATION,
        ("Funktionsrätt", "Hälsa"),
        (DISABLED, "Äldre"),
        "ger råd om hörapparater, ordnar teckenspråkskaffe och bevakar att lokaler har hörslingor",
        "Vi hjälper personer som hör dåligt. Vi lär ut teckenspråk.",
    ),
    _Fixed(
        "Synskadades förening i Älvstad",
        KIND.ASSOCIATION,
        ("Funktionsrätt",),
        (DISABLED,),
        "ger stöd, ordnar ledsagade promenader och påverkar för en tillgänglig stad",
        "Vi är personer som ser dåligt. Vi hjälper varandra.",
    ),
    _Fixed(
        "NPF-föreningen Älvstad",
        KIND.ASSOCIATION,
        ("Funktionsrätt", "Barn och unga"),
        ("Familjer", "Barn", DISABLED),
        "stöttar familjer där någon har adhd, autism eller andra neuropsykiatriska "
        "funktionsnedsättningar",
        "Vi hjälper familjer med barn som har adhd eller autism.",
    ),
    _Fixed(
        "Reumatikerföreningen i Älvstad",
        KIND.ASSOCIATION,
        ("Hälsa", "Funktionsrätt"),
        (DISABLED, "Äldre"),
        "ordnar varmvattengympa, föreläsningar och samtalsgrupper",
        "Vi tränar i varmt vatten. Vi pratar om hur det är att ha ont i kroppen.",
    ),
    _Fixed(
        "Diabetesföreningen i Älvstad",
        KIND.ASSOCIATION,
        ("Hälsa",),
        (ALL,),
        "sprider kunskap om diabetes och ordnar träffar för barn med diabetes och deras föräldrar",
        "Vi lär oss om diabetes och träffar andra som har det.",
    ),
    _Fixed(
        "Demensföreningen i Älvstad",
        KIND.ASSOCIATION,
        ("Äldre", "Hälsa"),
        ("Anhöriga", "Äldre"),
        "ger stöd till personer med demens och deras anhöriga",
        "Vi hjälper personer som glömmer mycket, och deras familjer.",
    ),
    _Fixed(
        "Anhörigföreningen Älvstad",
        KIND.ASSOCIATION,
        ("Socialt arbete", "Hälsa"),
        ("Anhöriga",),
        "samlar den som vårdar en närstående till samtal, vila och stöd",
        "Vi är till för dig som tar hand om någon i familjen.",
    ),
    _Fixed(
        "Brukarföreningen för psykisk hälsa i Älvstad",
        KIND.ASSOCIATION,
        ("Hälsa", "Socialt arbete"),
        (ALL, "Anhöriga"),
        "driver en mötesplats för personer med erfarenhet av psykisk ohälsa",
        "Vi har en plats där du kan träffa andra och prata om hur du mår.",
    ),
    _Fixed(
        "Parasportklubben Älvstad",
        KIND.ASSOCIATION,
        ("Idrott", "Funktionsrätt"),
        (DISABLED, "Unga"),
        "erbjuder bordtennis, boccia, simning och friidrott för parasportare",
        "Vi idrottar. Alla kan vara med, också du som har en funktionsnedsättning.",
    ),
    _Fixed(
        "Somaliska kulturföreningen i Älvstad",
        KIND.ASSOCIATION,
        ("Integration", "Kultur"),
        ("Nyanlända", "Familjer"),
        "ordnar läxhjälp, föräldraträffar och kulturfester",
        "Vi hjälper barn med läxor. Vi har fester med musik och mat.",
        districts=("Ängsbacka", "Norrby"),
    ),
    _Fixed(
        "Kurdiska kulturföreningen i Älvstad",
        KIND.ASSOCIATION,
        ("Integration", "Kultur"),
        ("Nyanlända", "Unga"),
        "firar nouruz, har dansgrupper och ordnar svenskundervisning",
        "Vi dansar och firar högtider. Vi lär oss svenska tillsammans.",
    ),
    _Fixed(
        "Finska föreningen i Älvstad",
        KIND.ASSOCIATION,
        ("Kultur", "Äldre"),
        ("Äldre",),
        "håller det finska språket och kulturen levande med kör, bastu och kaffestuga",
        "Vi pratar finska och sjunger i kör.",
    ),
    _Fixed(
        "Eritreanska föreningen i Älvstad",
        KIND.ASSOCIATION,
        ("Integration",),
        ("Nyanlända", "Familjer"),
        "stöttar nyanlända familjer och ordnar idrott för unga",
        "Vi hjälper nya familjer i Älvstad.",
        districts=("Norrby",),
    ),
    _Fixed(
        "Bosnisk-hercegovinska föreningen i Älvstad",
        KIND.ASSOCIATION,
        ("Kultur", "Integration"),
        (ALL,),
        "ordnar folkdans, språkskola för barn och minnesdagar",
        "Vi dansar folkdans. Barnen lär sig sitt första språk hos oss.",
    ),
    _Fixed(
        "Svensk-ukrainska föreningen i Älvstad",
        KIND.ASSOCIATION,
        ("Integration", "Krisberedskap"),
        ("Nyanlända", "Familjer"),
        "tar emot familjer som flytt kriget och ordnar språkcafé och insamlingar",
        "Vi hjälper familjer som har flytt från kriget.",
    ),
    _Fixed(
        "Arabiska kvinnoföreningen i Älvstad",
        KIND.ASSOCIATION,
        ("Integration", "Hälsa"),
        ("Kvinnor", "Nyanlända"),
        "ordnar promenadgrupper, samtal om hälsa och språkträning",
        "Vi är kvinnor som träffas, promenerar och pratar svenska.",
        districts=("Ängsbacka",),
    ),
    _Fixed(
        "Föreningen Läxhjälpen Älvstad",
        KIND.ASSOCIATION,
        ("Barn och unga", "Folkbildning"),
        ("Barn", "Unga"),
        "ger gratis läxhjälp på biblioteken med frivilliga studenter",
        "Vi hjälper barn och unga med läxor. Det är gratis.",
    ),
    _Fixed(
        "Föreningen Språkvännerna",
        KIND.ASSOCIATION,
        ("Integration", "Folkbildning"),
        ("Nyanlända",),
        "matchar den som lär sig svenska med en språkvän",
        "Du som lär dig svenska får en vän att prata med.",
    ),
    _Fixed(
        "Föreningen Matkassen",
        KIND.ASSOCIATION,
        ("Socialt arbete",),
        (POOR, "Familjer"),
        "tar vara på mat från butiker och delar ut matkassar varje vecka",
        "Vi delar ut mat till dem som behöver. Maten kommer från affärer.",
    ),
    _Fixed(
        "Föreningen Stadsodlarna i Älvstad",
        KIND.ASSOCIATION,
        ("Miljö och klimat",),
        (ALL,),
        "driver odlingslotter och pallkrageodlingar på gårdar och torg",
        "Vi odlar grönsaker och blommor mitt i staden.",
        districts=("Centrum", "Söderport"),
    ),
    _Fixed(
        "Föreningen Cykelköket",
        KIND.ASSOCIATION,
        ("Miljö och klimat", "Fritid"),
        (ALL, "Unga"),
        "låter alla laga sin cykel själv, med verktyg och hjälp på plats",
        "Här kan du laga din cykel. Vi hjälper dig.",
    ),
    _Fixed(
        "Föreningen Gemenskapen",
        KIND.ASSOCIATION,
        ("Socialt arbete",),
        (POOR,),
        "driver ett öppet kafé med frukost och samtal för personer i hemlöshet",
        "Vi har ett kafé där du kan äta frukost och prata.",
        districts=("Centrum",),
    ),
    _Fixed(
        "Föreningen Vänskapsbron",
        KIND.ASSOCIATION,
        ("Integration", "Fritid"),
        ("Nyanlända", "Familjer"),
        "skapar möten mellan nya och gamla älvstadsbor",
        "Vi hjälper nya och gamla grannar att lära känna varandra.",
    ),
    _Fixed(
        "Föreningen Unga Röster",
        KIND.ASSOCIATION,
        ("Demokrati", "Barn och unga"),
        ("Unga",),
        "ger unga verktyg att påverka i frågor som rör dem",
        "Vi hjälper unga att säga vad de tycker till politiker.",
    ),
    _Fixed(
        "Föreningen Älvens Vänner",
        KIND.ASSOCIATION,
        ("Miljö och klimat",),
        (ALL,),
        "städar stränderna, mäter vattnets kvalitet och visar naturen längs älven",
        "Vi tar hand om älven och naturen runt den.",
        districts=("Älvnäs", "Östra hamnen", "Sjövik"),
    ),
    _Fixed(
        "Föreningen Prylbanken Älvstad",
        KIND.ASSOCIATION,
        ("Fritid", "Barn och unga"),
        ("Barn", "Familjer", POOR),
        "lånar ut sport- och fritidsutrustning gratis",
        "Här kan du låna skridskor, skidor och bollar gratis.",
    ),
    _Fixed(
        "Mat & Möten i Ängsbacka",
        KIND.ASSOCIATION,
        ("Integration", "Socialt arbete"),
        (ALL, "Familjer"),
        "lagar mat tillsammans varje torsdag i områdets lokal",
        "Vi lagar mat och äter tillsammans varje torsdag.",
        districts=("Ängsbacka",),
    ),
    _Fixed(
        "Kvarnby Sy- & Vävstuga",
        KIND.ASSOCIATION,
        ("Kultur", "Äldre"),
        ("Äldre", "Kvinnor"),
        "väver, syr och lagar kläder och lär ut gamla hantverk",
        "Vi väver och syr. Vi lär ut hur man lagar kläder.",
        districts=("Kvarnby",),
    ),
    _Fixed(
        "Ödmarkens Jakt- & Viltvårdsförening",
        KIND.ASSOCIATION,
        ("Miljö och klimat", "Fritid", "Krisberedskap"),
        (ALL,),
        "vårdar viltet, hjälper polisen vid viltolyckor och lär ut säker jakt",
        "Vi tar hand om djuren i skogen. Vi hjälper till när djur blir påkörda.",
        districts=("Ödmarken", "Vinterö"),
    ),
    _Fixed(
        "Ung Kraft Älvstad",
        KIND.ASSOCIATION,
        ("Barn och unga", "Demokrati"),
        ("Unga",),
        "låter unga driva egna projekt, från festivaler till läxcaféer",
        "Här gör unga egna projekt. Vi hjälper till.",
    ),
    _Fixed(
        "Älvstads Filmstudio",
        KIND.ASSOCIATION,
        ("Kultur",),
        (ALL,),
        "visar kvalitetsfilm varannan vecka och ordnar samtal efter filmen",
        "Vi visar film och pratar om filmen efteråt.",
        districts=("Centrum",),
    ),
    _Fixed(
        "Digitala seniorer Älvstad",
        KIND.ASSOCIATION,
        ("Äldre", "Folkbildning"),
        ("Äldre",),
        "lär äldre att använda dator, telefon och e-legitimation",
        "Vi lär äldre att använda telefon och dator.",
    ),
    _Fixed(
        "Civilförsvarsföreningen i Älvstad",
        KIND.ASSOCIATION,
        ("Krisberedskap", "Trygghet"),
        (ALL,),
        "utbildar i hemberedskap och leder en frivillig resursgrupp vid kriser",
        "Vi lär dig att klara dig hemma i en kris. Vi hjälper till när något händer.",
    ),
    _Fixed(
        "Sjöräddningsföreningen Älvstad",
        KIND.ASSOCIATION,
        ("Krisberedskap", "Trygghet"),
        (ALL,),
        "har räddningsbåtar i beredskap på älven och sjön dygnet runt",
        "Vi räddar människor som hamnar i nöd på vattnet.",
        districts=("Sjövik", "Östra hamnen"),
    ),
    _Fixed(
        "Föreningen Regnbågen Älvstad",
        KIND.ASSOCIATION,
        ("Demokrati", "Hälsa"),
        ("Unga",),
        "driver en trygg mötesplats för hbtqi-personer och deras vänner",
        "Vi har en trygg plats för hbtqi-personer.",
    ),
    _Fixed(
        "Älvstads Jazzklubb",
        KIND.ASSOCIATION,
        ("Kultur",),
        (ALL,),
        "ordnar jazzkonserter och jamkvällar med både lokala och långväga musiker",
        "Vi ordnar jazzkonserter.",
        districts=("Centrum",),
    ),
    _Fixed(
        "Tjejjouren Älvstad",
        KIND.ASSOCIATION,
        ("Trygghet", "Socialt arbete"),
        ("Kvinnor", "Unga"),
        "har chatt och samtalsgrupper för tjejer och unga transpersoner",
        "Du kan chatta med oss om det som är svårt.",
    ),
    _Fixed(
        "Mansjouren Älvstad",
        KIND.ASSOCIATION,
        ("Socialt arbete", "Hälsa"),
        (ALL,),
        "ger samtalsstöd till män i kris, per telefon och på plats",
        "Du som är man kan prata med oss när livet är svårt.",
    ),
    _Fixed(
        "Röda Korset Älvstad",
        KIND.ASSOCIATION,
        ("Socialt arbete", "Krisberedskap", "Integration"),
        (POOR, "Nyanlända", "Äldre"),
        "ordnar besöksverksamhet, språkträning och second hand och finns med vid kriser",
        "Vi hälsar på äldre, hjälper nya svenskar och finns med när något händer.",
    ),
    _Fixed(
        "Brottsofferjouren Älvstad",
        KIND.ASSOCIATION,
        ("Trygghet", "Socialt arbete"),
        (ALL,),
        "ger stöd till brottsutsatta, vittnen och anhöriga, kostnadsfritt",
        "Har du varit med om ett brott? Vi lyssnar och hjälper dig.",
    ),
    _Fixed(
        "Kvinnojouren Älvstad",
        KIND.ASSOCIATION,
        ("Trygghet", "Socialt arbete"),
        ("Kvinnor", "Barn"),
        "ger stöd och skyddat boende till kvinnor och barn som utsatts för våld",
        "Vi hjälper kvinnor och barn som blir slagna eller hotade.",
    ),
]

FOUNDATIONS = [
    _Fixed(
        "Stiftelsen Älvstads Stadsmission",
        KIND.FOUNDATION,
        ("Socialt arbete",),
        (POOR, "Familjer"),
        "driver härbärge, second hand och stöd till barnfamiljer",
        "Vi hjälper människor som inte har någonstans att bo.",
    ),
    _Fixed(
        "Stiftelsen Kvarnby Kvarn",
        KIND.FOUNDATION,
        ("Kultur",),
        (ALL,),
        "bevarar den gamla vattenkvarnen och håller den öppen för besök om somrarna",
        "Vi tar hand om en gammal kvarn. Du kan besöka den på sommaren.",
        districts=("Kvarnby",),
    ),
    _Fixed(
        "Stiftelsen Vinterö Gamla Skola",
        KIND.FOUNDATION,
        ("Kultur", "Folkbildning"),
        (ALL,),
        "driver den gamla byskolan som samlingslokal och skolmuseum",
        "Vi har en gammal skola. Där kan byn träffas.",
        districts=("Vinterö",),
    ),
    _Fixed(
        "Stiftelsen Ängsbacka Gård",
        KIND.FOUNDATION,
        ("Barn och unga", "Socialt arbete"),
        ("Barn", "Unga"),
        "har djur, odling och lovverksamhet för barn och unga",
        "På gården finns djur. Barn kan vara här på loven.",
        districts=("Ängsbacka", "Björkdalen"),
    ),
    _Fixed(
        "Stiftelsen Unga Ledare i Älvstad",
        KIND.FOUNDATION,
        ("Barn och unga", "Demokrati"),
        ("Unga",),
        "utbildar unga ledare och delar ut stipendier till ungas egna initiativ",
        "Vi lär unga att bli ledare.",
    ),
    _Fixed(
        "Stiftelsen Älvstads Folkets Park",
        KIND.FOUNDATION,
        ("Kultur", "Fritid"),
        (ALL,),
        "driver parken med dansbana, scen och sommarteater",
        "I parken finns dans och teater.",
        districts=("Söderport",),
    ),
    _Fixed(
        "Stiftelsen Lindås Hembygdsgård",
        KIND.FOUNDATION,
        ("Kultur",),
        (ALL,),
        "äger och vårdar hembygdsgården och dess samlingar",
        "Vi tar hand om hembygdsgården.",
        districts=("Lindås",),
    ),
    _Fixed(
        "Stiftelsen Trygga Hem i Älvstad",
        KIND.FOUNDATION,
        ("Socialt arbete", "Trygghet"),
        ("Familjer", POOR),
        "ger ekonomiskt stöd till familjer i akut kris",
        "Vi ger pengar till familjer som har det mycket svårt just nu.",
    ),
]

STUDY_ASSOCIATIONS = [
    _Fixed(f"Studieförbundet {name}", KIND.STUDY_ASSOCIATION, areas, targets, activity, easy)
    for name, areas, targets, activity, easy in [
        (
            "Kunskapsbron Älvstad",
            ("Folkbildning", "Integration"),
            ("Nyanlända", ALL),
            "ordnar studiecirklar i svenska, samhällsorientering och föreningskunskap",
            "Vi har studiecirklar. Du kan lära dig svenska hos oss.",
        ),
        (
            "Lärkan",
            ("Folkbildning", "Kultur"),
            (ALL,),
            "stöttar musikgrupper, körer och kulturcirklar med lokaler och ledare",
            "Vi hjälper band och körer med lokaler.",
        ),
        (
            "Folkbildarna i Älvstad",
            ("Folkbildning", "Demokrati"),
            (ALL,),
            "ordnar föreläsningar och studiecirklar om samhälle, historia och demokrati",
            "Vi har föreläsningar och studiecirklar.",
        ),
        (
            "Tvärs",
            ("Folkbildning", "Funktionsrätt"),
            (DISABLED,),
            "anpassar studiecirklar för personer med funktionsnedsättning",
            "Vi har studiecirklar för personer med funktionsnedsättning.",
        ),
        (
            "Cirkeln",
            ("Folkbildning", "Äldre"),
            ("Äldre",),
            "ordnar studiecirklar för seniorer, från släktforskning till digital vardag",
            "Vi har studiecirklar för äldre.",
        ),
        (
            "Allkunskap Älvstad",
            ("Folkbildning", "Miljö och klimat"),
            (ALL,),
            "ordnar kurser i hantverk, odling och friluftsliv",
            "Vi har kurser i hantverk och natur.",
        ),
        (
            "Vardagsbildning",
            ("Folkbildning", "Tro och livsåskådning"),
            (ALL,),
            "samarbetar med trossamfund om studiecirklar och samtal om livsfrågor",
            "Vi har samtal om livet och tro.",
        ),
        (
            "Ungbildning",
            ("Folkbildning", "Barn och unga"),
            ("Unga",),
            "låter unga starta studiecirklar i musik, e-sport och skapande",
            "Unga kan starta egna grupper hos oss.",
        ),
    ]
]

FAITH_COMMUNITIES = [
    _Fixed(
        "Norrby församling",
        KIND.FAITH_COMMUNITY,
        ("Tro och livsåskådning", "Socialt arbete"),
        (ALL,),
        "firar gudstjänst, har barnkörer och driver diakonalt arbete",
        "Vi är en kyrka. Vi hjälper människor som har det svårt.",
        districts=("Norrby", "Björkdalen"),
        intro="en församling inom Svenska kyrkan",
        roles=("Kyrkoherde",),
    ),
    _Fixed(
        "Åsens församling",
        KIND.FAITH_COMMUNITY,
        ("Tro och livsåskådning", "Barn och unga"),
        (ALL, "Familjer"),
        "firar gudstjänst och har öppen förskola och konfirmandgrupper",
        "Vi är en kyrka. Vi har öppen förskola för små barn.",
        districts=("Åsen", "Söderport"),
        intro="en församling inom Svenska kyrkan",
        roles=("Kyrkoherde",),
    ),
    _Fixed(
        "Vinterö församling",
        KIND.FAITH_COMMUNITY,
        ("Tro och livsåskådning", "Äldre"),
        (ALL, "Äldre"),
        "samlar byarna kring kyrkan med sopplunch, körsång och gudstjänst",
        "Vi är en kyrka på landet. Vi äter soppa och sjunger tillsammans.",
        districts=("Vinterö", "Ödmarken", "Lindås"),
        intro="en församling inom Svenska kyrkan",
        roles=("Kyrkoherde",),
    ),
    _Fixed(
        "Älvstads stadsförsamling",
        KIND.FAITH_COMMUNITY,
        ("Tro och livsåskådning", "Kultur", "Socialt arbete"),
        (ALL,),
        "firar gudstjänst i stadskyrkan och ordnar konserter och samtalsgrupper",
        "Vi är kyrkan mitt i staden.",
        districts=("Centrum",),
        intro="en församling inom Svenska kyrkan",
        roles=("Kyrkoherde",),
    ),
    _Fixed(
        "Älvstads pingstförsamling",
        KIND.FAITH_COMMUNITY,
        ("Tro och livsåskådning", "Integration"),
        (ALL, "Nyanlända"),
        "har gudstjänster, språkcafé och en second hand-butik",
        "Vi är en frikyrka.",
        intro="en frikyrkoförsamling",
        roles=("Pastor", "Ordförande"),
    ),
    _Fixed(
        "Missionskyrkan i Kvarnby",
        KIND.FAITH_COMMUNITY,
        ("Tro och livsåskådning", "Barn och unga"),
        ("Barn", "Unga"),
        "samlar barn och unga till scouting, körer och läger",
        "Vi är en kyrka. Barn och unga kan sjunga och åka på läger.",
        districts=("Kvarnby",),
        intro="en frikyrkoförsamling",
        roles=("Pastor", "Ordförande"),
    ),
    _Fixed(
        "S:t Mikaels katolska församling i Älvstad",
        KIND.FAITH_COMMUNITY,
        ("Tro och livsåskådning", "Integration"),
        (ALL,),
        "firar mässa på flera språk och stöttar nyanlända familjer",
        "Vi är en katolsk kyrka. Vi har mässa på många språk.",
        intro="en katolsk församling",
        roles=("Kyrkoherde",),
    ),
    _Fixed(
        "Syrisk-ortodoxa församlingen i Älvstad",
        KIND.FAITH_COMMUNITY,
        ("Tro och livsåskådning", "Kultur"),
        (ALL, "Unga"),
        "firar gudstjänst och har ungdomsverksamhet och undervisning i syriska",
        "Vi är en kyrka. Vi lär barn syriska.",
        districts=("Norrby",),
        intro="en ortodox församling",
        roles=("Ordförande", "Präst"),
    ),
    _Fixed(
        "Moskéföreningen i Älvstad",
        KIND.FAITH_COMMUNITY,
        ("Tro och livsåskådning", "Integration", "Barn och unga"),
        (ALL, "Unga"),
        "driver moskén, läxhjälp och samtalsgrupper för föräldrar",
        "Vi har en moské. Vi hjälper barn med läxor.",
        districts=("Ängsbacka",),
        intro="ett muslimskt trossamfund",
        roles=("Ordförande", "Imam"),
    ),
    _Fixed(
        "Buddhistiska föreningen Lotus i Älvstad",
        KIND.FAITH_COMMUNITY,
        ("Tro och livsåskådning", "Hälsa"),
        (ALL,),
        "ordnar meditation och samtal om livsfrågor",
        "Vi mediterar tillsammans.",
        intro="ett buddhistiskt trossamfund",
        roles=("Ordförande",),
    ),
]

SOCIAL_ENTERPRISES = [
    _Fixed(
        f"{name} Kooperativ ekonomisk förening",
        KIND.SOCIAL_ENTERPRISE,
        areas,
        targets,
        activity,
        easy,
        districts=districts,
    )
    for name, areas, targets, activity, easy, districts in [
        (
            "Returverket",
            ("Miljö och klimat", "Socialt arbete"),
            (POOR,),
            "tar emot och säljer begagnade möbler och ger arbetsträning",
            "Vi säljer begagnade möbler. Här kan du träna på att arbeta.",
            ("Söderport",),
        ),
        (
            "Cykelverkstaden Hjulet",
            ("Miljö och klimat", "Integration"),
            ("Nyanlända", "Unga"),
            "reparerar och hyr ut cyklar och ger praktikplatser",
            "Vi lagar cyklar.",
            ("Centrum",),
        ),
        (
            "Café Trappan",
            ("Socialt arbete", "Funktionsrätt"),
            (DISABLED,),
            "driver ett kafé där personer med funktionsnedsättning arbetar",
            "Vi har ett kafé. Här jobbar personer med funktionsnedsättning.",
            ("Centrum",),
        ),
        (
            "Gröna Händer",
            ("Miljö och klimat", "Socialt arbete"),
            (POOR,),
            "sköter grönytor och odlar grönsaker med personer som står långt från arbetsmarknaden",
            "Vi tar hand om parker och odlar grönsaker.",
            ("Björkdalen", "Åsen"),
        ),
        (
            "Syateljén Tråden",
            ("Integration", "Kultur"),
            ("Kvinnor", "Nyanlända"),
            "syr på beställning och lär ut sömnad till kvinnor som vill in på arbetsmarknaden",
            "Vi syr kläder och väskor. Kvinnor kan lära sig sy och få jobb.",
            ("Ängsbacka",),
        ),
        (
            "Matlaget i Ängsbacka",
            ("Integration", "Socialt arbete"),
            ("Kvinnor", POOR),
            "lagar och säljer lunch och catering och ger arbetsträning i storkök",
            "Vi lagar mat och säljer lunch.",
            ("Ängsbacka",),
        ),
        (
            "Snickeriet Åsen",
            ("Socialt arbete", "Miljö och klimat"),
            ("Unga", POOR),
            "bygger och renoverar möbler av återbrukat virke med unga vuxna",
            "Vi bygger möbler av gammalt trä.",
            ("Åsen",),
        ),
    ]
]

NETWORKS = [
    _Fixed(
        "Nätverket för psykisk hälsa i Älvstad",
        KIND.NETWORK,
        ("Hälsa", "Socialt arbete"),
        (ALL, "Anhöriga"),
        "samlar föreningar som arbetar med psykisk hälsa och suicidprevention",
        "Vi är föreningar som pratar om psykisk hälsa.",
        has_number=False,
    ),
    _Fixed(
        "Nätverket för integration och språk",
        KIND.NETWORK,
        ("Integration",),
        ("Nyanlända",),
        "samordnar språkcaféer och läxhjälp så att de finns i hela kommunen",
        "Vi ser till att det finns språkcaféer i hela kommunen.",
        has_number=False,
    ),
    _Fixed(
        "Nätverket för äldres trygghet",
        KIND.NETWORK,
        ("Äldre", "Trygghet"),
        ("Äldre",),
        "samlar pensionärsföreningar och trossamfund mot ensamhet och bedrägerier",
        "Vi hjälper äldre att känna sig trygga.",
        has_number=True,
    ),
    _Fixed(
        "Nätverket för hållbar stadsodling",
        KIND.NETWORK,
        ("Miljö och klimat",),
        (ALL,),
        "delar kunskap, frön och redskap mellan odlingsföreningar",
        "Vi delar frön och kunskap om odling.",
        has_number=False,
    ),
    _Fixed(
        "Nätverket för barns rättigheter",
        KIND.NETWORK,
        ("Barn och unga", "Demokrati"),
        ("Barn",),
        "bevakar att barnkonventionen följs i kommunens beslut",
        "Vi vill att barns rättigheter ska följas.",
        has_number=True,
    ),
    _Fixed(
        "Nätverket för krisberedskap i Älvstad",
        KIND.NETWORK,
        ("Krisberedskap",),
        (ALL,),
        "samordnar frivilliga organisationer inför och under kriser",
        "Vi hjälper till när det blir kris.",
        has_number=True,
    ),
    _Fixed(
        "Trygghetsnätverket Östra hamnen",
        KIND.NETWORK,
        ("Trygghet", "Barn och unga"),
        ("Unga", ALL),
        "samlar föreningar, skola och fastighetsägare i Östra hamnen",
        "Vi vill att Östra hamnen ska vara tryggt.",
        districts=("Östra hamnen",),
        has_number=False,
    ),
    _Fixed(
        "Ungdomsnätverket Älvnäs",
        KIND.NETWORK,
        ("Barn och unga", "Fritid"),
        ("Unga",),
        "låter unga planera fritidsaktiviteter tillsammans med föreningarna i byn",
        "Unga planerar aktiviteter i byn.",
        districts=("Älvnäs",),
        has_number=False,
    ),
]

UMBRELLA_BODIES = [
    _Fixed(
        "Älvstads Föreningsråd",
        KIND.UMBRELLA_BODY,
        ("Demokrati", "Fritid"),
        (ALL,),
        "företräder föreningslivet, driver Föreningarnas hus och ger råd till styrelser",
        "Vi hjälper föreningar. Vi har ett hus där föreningar kan ha möten.",
        intro="en paraplyorganisation för föreningslivet",
        districts=("Centrum",),
    ),
    _Fixed(
        "Idrottsalliansen Älvstad",
        KIND.UMBRELLA_BODY,
        ("Idrott", "Barn och unga"),
        ("Barn", "Unga"),
        "samlar idrottsföreningarna och utbildar ledare och styrelser",
        "Vi hjälper idrottsföreningar och utbildar ledare.",
        intro="en paraplyorganisation för idrottsföreningarna",
    ),
    _Fixed(
        "Funktionsrätt Älvstad",
        KIND.UMBRELLA_BODY,
        ("Funktionsrätt", "Demokrati"),
        (DISABLED,),
        "samlar funktionsrättsföreningarna och talar för dem i kommunens råd",
        "Vi talar för föreningar för personer med funktionsnedsättning.",
        intro="en paraplyorganisation för funktionsrättsföreningar",
    ),
    _Fixed(
        "Kulturalliansen i Älvstad",
        KIND.UMBRELLA_BODY,
        ("Kultur",),
        (ALL,),
        "samlar kulturföreningar och fria kulturutövare kring lokaler och kulturpolitik",
        "Vi hjälper kulturföreningar.",
        intro="en paraplyorganisation för kulturlivet",
    ),
    _Fixed(
        "Pensionärsorganisationernas samråd i Älvstad",
        KIND.UMBRELLA_BODY,
        ("Äldre", "Demokrati"),
        ("Äldre",),
        "samlar pensionärsföreningarna och utser ledamöter till kommunens pensionärsråd",
        "Vi talar för pensionärsföreningarna.",
        intro="en paraplyorganisation för pensionärsföreningarna",
    ),
]


@dataclass(frozen=True)
class _Municipal:
    name: str
    kind: str
    areas: tuple[str, ...]
    targets: tuple[str, ...]
    description: str


DEPARTMENTS = [
    _Municipal(
        "Kommunledningsförvaltningen",
        KIND.MUNICIPAL_DEPARTMENT,
        ("Demokrati", "Krisberedskap"),
        (ALL,),
        "Kommunledningsförvaltningen stöder kommunstyrelsen och leder arbetet med "
        "kommunens styrning, ekonomi, kommunikation och samverkan med civilsamhället. "
        "Samordnaren för överenskommelsen finns här.",
    ),
    _Municipal(
        "Socialförvaltningen",
        KIND.MUNICIPAL_DEPARTMENT,
        ("Socialt arbete", "Integration", "Trygghet"),
        (POOR, "Familjer", "Barn"),
        "Socialförvaltningen ansvarar för individ- och familjeomsorg, "
        "försörjningsstöd, arbetsmarknadsinsatser och flyktingmottagande.",
    ),
    _Municipal(
        "Kultur- och fritidsförvaltningen",
        KIND.MUNICIPAL_DEPARTMENT,
        ("Kultur", "Fritid", "Idrott"),
        (ALL, "Unga"),
        "Kultur- och fritidsförvaltningen ansvarar för bibliotek, fritidsgårdar, "
        "idrottsanläggningar och föreningsbidrag.",
    ),
    _Municipal(
        "Miljö- och stadsbyggnadsförvaltningen",
        KIND.MUNICIPAL_DEPARTMENT,
        ("Miljö och klimat", "Demokrati"),
        (ALL,),
        "Miljö- och stadsbyggnadsförvaltningen ansvarar för planering, bygglov, "
        "miljötillsyn och kommunens klimatarbete.",
    ),
    _Municipal(
        "Förskole- och grundskoleförvaltningen",
        KIND.MUNICIPAL_DEPARTMENT,
        ("Barn och unga", "Folkbildning"),
        ("Barn", "Familjer"),
        "Förskole- och grundskoleförvaltningen ansvarar för förskolor, grundskolor och fritidshem.",
    ),
    _Municipal(
        "Gymnasie- och vuxenutbildningsförvaltningen",
        KIND.MUNICIPAL_DEPARTMENT,
        ("Barn och unga", "Folkbildning", "Integration"),
        ("Unga", "Nyanlända"),
        "Gymnasie- och vuxenutbildningsförvaltningen ansvarar för gymnasieskolor, "
        "komvux och svenska för invandrare.",
    ),
    _Municipal(
        "Vård- och omsorgsförvaltningen",
        KIND.MUNICIPAL_DEPARTMENT,
        ("Äldre", "Hälsa", "Funktionsrätt"),
        ("Äldre", DISABLED, "Anhöriga"),
        "Vård- och omsorgsförvaltningen ansvarar för hemtjänst, särskilda boenden, "
        "stöd till personer med funktionsnedsättning och anhörigstöd.",
    ),
    _Municipal(
        "Teknik- och serviceförvaltningen",
        KIND.MUNICIPAL_DEPARTMENT,
        ("Miljö och klimat", "Trygghet", "Krisberedskap"),
        (ALL,),
        "Teknik- och serviceförvaltningen ansvarar för gator, parker, lokaler och "
        "kommunens kök och städning.",
    ),
]
NEW_DEPARTMENTS = {"Kommunledningsförvaltningen", "Socialförvaltningen"}
FORMER_DEPARTMENTS = [
    _Municipal(
        "Kommunstyrelseförvaltningen",
        KIND.MUNICIPAL_DEPARTMENT,
        ("Demokrati", "Krisberedskap"),
        (ALL,),
        "Kommunstyrelseförvaltningen stödde kommunstyrelsen i styrning, ekonomi och "
        "samverkan. Den bytte namn till Kommunledningsförvaltningen den 1 januari 2023.",
    ),
    _Municipal(
        "Förvaltningen för sociala insatser",
        KIND.MUNICIPAL_DEPARTMENT,
        ("Socialt arbete", "Trygghet"),
        ("Familjer", "Barn"),
        "Förvaltningen för sociala insatser ansvarade för individ- och familjeomsorg. "
        "Den gick upp i Socialförvaltningen den 1 januari 2022.",
    ),
    _Municipal(
        "Förvaltningen för utbildning, försörjning och arbete",
        KIND.MUNICIPAL_DEPARTMENT,
        ("Socialt arbete", "Integration"),
        (POOR, "Nyanlända"),
        "Förvaltningen ansvarade för försörjningsstöd, arbetsmarknadsinsatser och "
        "flyktingmottagande. Den gick upp i Socialförvaltningen den 1 januari 2022.",
    ),
]
BOARDS = [
    _Municipal(name, KIND.MUNICIPAL_BOARD, areas, (ALL,), description)
    for name, areas, description in [
        (
            "Kommunstyrelsen",
            ("Demokrati", "Krisberedskap"),
            "Kommunstyrelsen leder och samordnar kommunens verksamhet och ansvarar för "
            "överenskommelsen om samverkan.",
        ),
        (
            "Kultur- och fritidsnämnden",
            ("Kultur", "Fritid", "Idrott"),
            "Kultur- och fritidsnämnden beslutar om kultur, fritid, idrott och föreningsbidrag.",
        ),
        (
            "Socialnämnden",
            ("Socialt arbete", "Integration"),
            "Socialnämnden beslutar om individ- och familjeomsorg och försörjningsstöd.",
        ),
        (
            "Miljö- och stadsbyggnadsnämnden",
            ("Miljö och klimat",),
            "Miljö- och stadsbyggnadsnämnden beslutar om planer, bygglov och miljötillsyn.",
        ),
        (
            "Förskole- och grundskolenämnden",
            ("Barn och unga",),
            "Förskole- och grundskolenämnden ansvarar för förskola, grundskola och fritidshem.",
        ),
        (
            "Gymnasie- och vuxenutbildningsnämnden",
            ("Barn och unga", "Folkbildning"),
            "Gymnasie- och vuxenutbildningsnämnden ansvarar för gymnasieskola och vuxenutbildning.",
        ),
        (
            "Vård- och omsorgsnämnden",
            ("Äldre", "Funktionsrätt"),
            "Vård- och omsorgsnämnden ansvarar för äldreomsorg och stöd till personer med "
            "funktionsnedsättning.",
        ),
        (
            "Teknik- och servicenämnden",
            ("Miljö och klimat", "Trygghet"),
            "Teknik- och servicenämnden ansvarar för gator, parker och kommunens lokaler.",
        ),
    ]
]
COMPANIES = [
    _Municipal(
        "Älvstadsbostäder AB",
        KIND.MUNICIPAL_COMPANY,
        ("Trygghet", "Socialt arbete"),
        (ALL, "Familjer"),
        "Älvstadsbostäder AB är kommunens bostadsbolag med omkring 9 000 lägenheter. "
        "Bolaget samarbetar med föreningar om trygghet och aktiviteter i bostadsområdena.",
    ),
    _Municipal(
        "Älvstad Energi AB",
        KIND.MUNICIPAL_COMPANY,
        ("Miljö och klimat",),
        (ALL,),
        "Älvstad Energi AB levererar fjärrvärme och el och har en miljöfond som "
        "föreningar kan söka ur.",
    ),
    _Municipal(
        "Älvstad Hamn & Logistik AB",
        KIND.MUNICIPAL_COMPANY,
        ("Miljö och klimat", "Fritid"),
        (ALL,),
        "Älvstad Hamn & Logistik AB driver hamnen och gästhamnen vid Östra hamnen.",
    ),
    _Municipal(
        "Älvstad Vatten AB",
        KIND.MUNICIPAL_COMPANY,
        ("Miljö och klimat", "Krisberedskap"),
        (ALL,),
        "Älvstad Vatten AB ansvarar för dricksvatten och avlopp i kommunen.",
    ),
    _Municipal(
        "Älvstads Parkerings AB",
        KIND.MUNICIPAL_COMPANY,
        ("Trygghet",),
        (ALL,),
        "Älvstads Parkerings AB sköter kommunens parkeringshus och gatuparkering.",
    ),
]
COMPANIES_SIGNING_BOTH = ["Älvstadsbostäder AB", "Älvstad Energi AB", "Älvstad Hamn & Logistik AB"]
COMPANY_SIGNING_NEW = "Älvstad Vatten AB"

# Two applications the secretary does not approve.
FAKE_APPLICATIONS = [
    (
        _Fixed(
            "Föreningen Bästa Bidragen i Älvstad",
            KIND.ASSOCIATION,
            ("Fritid",),
            (ALL,),
            "hjälper föreningar att få bidrag snabbt mot en avgift",
            districts=("Centrum",),
        ),
        8,
        "Vi hjälper din förening att få bidrag snabbt och enkelt. Kontakta oss för ett "
        "erbjudande – första ansökan till halva priset!",
        "Vi har inte hittat någon verksamhet, några stadgar eller någon styrelse. Anmälan "
        "verkar vara gjord för att kunna använda överenskommelsens symbol i marknadsföring.",
    ),
    (
        _Fixed(
            "Älvstad Eventpartner",
            KIND.ASSOCIATION,
            ("Kultur", "Fritid"),
            (ALL,),
            "ordnar fester, företagsevent och konferenser i Älvstad med omnejd",
            districts=("Centrum", "Östra hamnen"),
        ),
        5,
        "Älvstad Eventpartner ordnar fester, företagsevent och konferenser i Älvstad med "
        "omnejd. Boka oss för ditt nästa evenemang!",
        "Organisationen är ett aktiebolag som säljer evenemangstjänster, inte en idéburen "
        "organisation. Överenskommelsen gäller det civila samhället och kommunen.",
    ),
]

DEFAULT_INTRO = {
    KIND.ASSOCIATION: "en ideell förening",
    KIND.FOUNDATION: "en stiftelse",
    KIND.STUDY_ASSOCIATION: "ett studieförbund",
    KIND.FAITH_COMMUNITY: "ett trossamfund",
    KIND.SOCIAL_ENTERPRISE: "ett arbetsintegrerande socialt företag",
    KIND.NETWORK: "ett nätverk av föreningar och enskilda",
    KIND.UMBRELLA_BODY: "en paraplyorganisation",
}
EXTRA_SENTENCES = {
    KIND.ASSOCIATION: [
        "Föreningen drivs helt av ideella krafter och välkomnar nya medlemmar.",
        "Vi har omkring {n} medlemmar och samarbetar gärna med skolor och andra föreningar.",
        "Avgifterna hålls låga så att ingen ska behöva stå utanför.",
        "Föreningen bildades {year} och har vuxit sedan dess.",
        "Alla aktiviteter leds av frivilliga ledare med utbildning.",
    ],
    KIND.FOUNDATION: [
        "Stiftelsens styrelse utses av kommunen och bygdens föreningar.",
        "Verksamheten finansieras med avkastning, gåvor och bidrag.",
        "Stiftelsen bildades {year}.",
    ],
    KIND.STUDY_ASSOCIATION: [
        "Förra året ordnade vi omkring {n} studiecirklar i kommunen.",
        "Vi samarbetar med ett fyrtiotal medlemsorganisationer.",
    ],
    KIND.FAITH_COMMUNITY: [
        "Våra lokaler är öppna för grannar och föreningar.",
        "Församlingen har omkring {n} medlemmar.",
        "Många frivilliga gör verksamheten möjlig.",
    ],
    KIND.SOCIAL_ENTERPRISE: [
        "Överskottet går tillbaka till verksamheten.",
        "Varje år får omkring {n} personer arbetsträning hos oss.",
    ],
    KIND.NETWORK: [
        "Nätverket träffas fyra gånger om året.",
        "Alla organisationer som delar nätverkets syfte kan vara med.",
    ],
    KIND.UMBRELLA_BODY: [
        "Omkring {n} organisationer är medlemmar.",
        "Vi har ett kansli med anställda och många förtroendevalda.",
    ],
}
EASY_EXTRAS = [
    "Alla är välkomna.",
    "Det kostar lite att vara med.",
    "Du kan bli medlem.",
    "Hör av dig om du vill veta mer.",
    "Du behöver inte kunna något innan.",
]


# --- People ------------------------------------------------------------------------------------

# fmt: off
FIRST_NAMES = [
    "Anna", "Karin", "Eva", "Maria", "Lena", "Sara", "Emma", "Johanna", "Ingrid", "Birgitta",
    "Fatima", "Amina", "Leila", "Noor", "Sofia", "Elin", "Hanna", "Ida", "Malin", "Ulla", "Lars",
    "Anders", "Johan", "Per", "Erik", "Mikael", "Jonas", "Ali", "Mohammed", "Ahmed", "Daniel",
    "Fredrik", "Björn", "Gustav", "Oskar", "Hassan", "Tomas", "Kerstin", "Åsa", "Örjan", "Åke",
    "Yusuf", "Dragan", "Mirela", "Tuula", "Pekka", "Zeynep", "Ebba", "Linnea", "Nils", "Olle",
    "Sven", "Bengt", "Marianne", "Gunilla", "Rasmus", "Samira", "Aida",
]
LAST_NAMES = [
    "Lindqvist", "Berg", "Nyström", "Sandberg", "Åberg", "Ekström", "Öberg", "Hassan", "Ali",
    "Nguyen", "Virtanen", "Kovačević", "Jovanović", "Ahmadi", "Yilmaz", "Lundgren", "Hedlund",
    "Forsberg", "Sjöberg", "Wikström", "Dahl", "Strand", "Bäckström", "Engström", "Falk",
    "Hallberg", "Isaksson", "Jakobsson", "Kangas", "Lindahl", "Mattsson", "Nordin", "Olofsson",
    "Persson", "Rask", "Sundqvist", "Tran", "Ulander", "Vesterlund", "Öhman", "Ådahl", "Abdi",
    "Mohamud", "Hosseini", "Novak", "Kowalski", "Osei", "Ekholm", "Sahlin", "Norberg", "Dalin",
]
# fmt: on
ROLES = {
    KIND.ASSOCIATION: [
        "Ordförande",
        "Ordförande",
        "Ordförande",
        "Vice ordförande",
        "Sekreterare",
        "Kassör",
    ],
    KIND.FOUNDATION: ["Styrelsens ordförande", "Verksamhetschef"],
    KIND.STUDY_ASSOCIATION: ["Verksamhetschef", "Avdelningschef"],
    KIND.FAITH_COMMUNITY: ["Ordförande"],
    KIND.SOCIAL_ENTERPRISE: ["Verksamhetsledare", "Styrelsens ordförande"],
    KIND.NETWORK: ["Samordnare", "Kontaktperson"],
    KIND.UMBRELLA_BODY: ["Ordförande", "Verksamhetschef"],
    KIND.MUNICIPAL_DEPARTMENT: ["Förvaltningsdirektör"],
    KIND.MUNICIPAL_COMPANY: ["Verkställande direktör"],
}

# --- Review conversations ----------------------------------------------------------------------

QUESTIONS_AND_ANSWERS = [
    (
        "Vi hittar inga stadgar för organisationen. Kan ni skicka dem, och protokollet från det "
        "senaste årsmötet?",
        "Stadgarna och protokollet från årsmötet i våras finns nu på vår webbplats. Jag har också "
        "skickat dem med e-post.",
    ),
    (
        "Kan ni berätta lite mer om vilken verksamhet ni har i Älvstad och vilka som deltar?",
        "Vi träffas varje vecka, ungefär trettio deltagare i olika åldrar. Alla som bor i "
        "kommunen är välkomna och det kostar ingenting.",
    ),
    (
        "Är organisationen öppen för alla som vill bli medlemmar? Det framgår inte av stadgarna.",
        "Ja, alla som delar vårt syfte kan bli medlemmar. Vi har förtydligat det i stadgarna på "
        "årsmötet.",
    ),
    (
        "Vem i styrelsen har rätt att teckna organisationen? Vi behöver veta att du får "
        "ansluta den.",
        "Jag är ordförande och tecknar organisationen tillsammans med kassören, som också har "
        "godkänt anslutningen.",
    ),
]
UNANSWERED_QUESTION = (
    "Välkomna! Innan vi godkänner anslutningen vill vi se organisationens stadgar och veta hur "
    "styrelsen väljs. Kan ni skicka det till oss?"
)

EXCLUSION_GROUNDS = _prose("""
    Föreningen har i annonser och på sin webbplats angett att kommunen finansierar och står
    bakom föreningens kurser, vilket inte stämmer. Flera medlemmar har dessutom hört av sig
    och berättat att de nekats att delta i årsmötet. Det strider mot överenskommelsens krav
    på öppenhet och på att anslutna organisationer ska vara demokratiskt uppbyggda.
""")
EXCLUSION_RESPONSE = _prose("""
    Vi beklagar formuleringen i annonsen, som skrevs av en tidigare styrelseledamot. Årsmötet
    var öppet för de medlemmar som hade betalat avgiften i tid. Vi anser inte att vi har brutit
    mot överenskommelsen.
""")
EXCLUSION_DECISION = _prose("""
    Samverkansrådet har tagit del av föreningens svar. Annonsen ligger fortfarande kvar och
    föreningen har inte visat att medlemmarna kunnat delta i årsmötet. Föreningen utesluts
    från överenskommelsen för perioden 2024–2027. Föreningen kan ansluta sig på nytt under
    nästa period om den då uppfyller villkoren.
""")
CLOSED_GROUNDS = _prose("""
    Föreningen har enligt uppgift i lokalpressen stängt sin verksamhet för deltagare som inte
    är medlemmar i ett visst trossamfund. Om uppgiften stämmer strider det mot
    överenskommelsens värdegrund om mångfald och alla människors lika värde.
""")
CLOSED_RESPONSE = _prose("""
    Uppgiften stämmer inte. En av våra grupper träffas i en församlingslokal, men alla är
    välkomna och ingen tillfrågas om sin tro. Vi bifogar inbjudan och närvarolistor från
    hösten.
""")
CLOSED_DECISION = _prose("""
    Samverkansrådet bedömer att föreningen har visat att verksamheten är öppen för alla.
    Ärendet avslutas utan uteslutning. Rådet tackar föreningen för ett snabbt och tydligt svar.
""")
OPEN_GROUNDS = _prose("""
    Föreningen har inte hållit något årsmöte sedan 2023 och styrelsen går inte att nå. Vi vill
    veta om föreningen fortfarande har verksamhet och en vald styrelse, som överenskommelsen
    förutsätter.
""")


# --- The agreement texts -----------------------------------------------------------------------


@dataclass(frozen=True)
class _Section:
    kind: str
    title: str
    body: str
    easy: str


S = AgreementSection.Kind

INTRODUCTION_2020 = _prose("""
    Älvstad är en kommun där många människor engagerar sig. I föreningar, stiftelser,
    studieförbund, trossamfund, sociala företag och nätverk gör tusentals älvstadsbor varje
    vecka insatser för sina grannar, för barn och unga, för äldre och för dem som har det svårt.
    Det engagemanget är en av kommunens största tillgångar.

    Den här överenskommelsen är en gemensam viljeförklaring från Älvstads kommun och det civila
    samhället i Älvstad. Den beskriver vilka värden samverkan bygger på, vilka principer vi
    följer och vad var och en av parterna åtar sig. Den bygger på den första överenskommelsen
    från 2014 och på de samtal som fördes med föreningar, förvaltningar och förtroendevalda
    under 2019.

    Överenskommelsen är inte ett avtal om pengar och ersätter inte regler för bidrag eller
    upphandling. Den är ett löfte om hur vi bemöter varandra och hur vi tillsammans gör Älvstad
    till en bättre plats att leva i.

    Överenskommelsen gäller från den 1 januari 2020 till den 31 december 2023. Alla kommunens
    nämnder och förvaltningar ansluter sig. Kommunala bolag och organisationer i det civila
    samhället som är demokratiskt uppbyggda och delar värdegrunden kan ansluta sig.
""")

EASY_READ_2020 = _lines("""
    Det här är överenskommelsen om samverkan i Älvstad.
    Den gäller från 2020 till 2023.

    Överenskommelsen är ett löfte.
    Kommunen och föreningarna lovar att arbeta bra tillsammans.
    Den handlar inte om pengar.

    Alla delar av kommunen skriver under.
    Föreningar, kyrkor och andra grupper kan också skriva under.
    De måste vara demokratiska.
    Det betyder att medlemmarna bestämmer tillsammans.
    De måste också tycka att alla människor är lika mycket värda.

    Här nedanför kan du läsa mer om varje del.
""")

SECTIONS_2020 = [
    _Section(
        S.OTHER,
        "Syfte",
        _prose("""
        Syftet med överenskommelsen är att stärka samverkan mellan kommunen och det civila
        samhället, så att fler älvstadsbor kan vara delaktiga och få stöd där de bor.
        Samverkan ska bygga på respekt för att parterna har olika roller: kommunen har ett
        ansvar som myndighet och för välfärden, och det civila samhället är en självständig
        röst och en egen kraft.

        Överenskommelsen ska göra det lättare för föreningar att veta vart de kan vända sig,
        och lättare för förvaltningarna att ta vara på föreningarnas kunskap.
    """),
        _lines("""
        Kommunen och föreningarna i Älvstad vill arbeta bättre tillsammans.
        Den här texten säger hur vi ska göra det.
        Kommunen och föreningarna har olika uppdrag.
        Båda behövs.
    """),
    ),
    _Section(
        S.VALUES,
        "Självständighet och oberoende",
        _prose("""
        Det civila samhällets organisationer är självständiga. De bestämmer själva över sina
        mål, sitt arbetssätt och vad de säger offentligt, också när de får bidrag från kommunen
        eller samverkar med den.

        Kommunen respekterar att en förening kan granska och kritisera kommunens beslut. Kritik
        ska aldrig påverka en organisations möjlighet att få stöd eller att samverka.
    """),
        _lines("""
        Föreningarna bestämmer själva.
        En förening får säga vad den tycker om kommunen.
        Den får ändå bidrag och får vara med i samarbeten.
    """),
    ),
    _Section(
        S.VALUES,
        "Dialog",
        _prose("""
        Samverkan bygger på att parterna talar med varandra i god tid, innan frågor är avgjorda.
        Dialog betyder att lyssna lika mycket som att tala, och att återkoppla vad som blev av
        det som sades.

        Möten ska hållas på tider och platser där ideellt aktiva kan delta, och kallelser ska gå
        ut så tidigt att organisationerna hinner förankra frågan hos sina medlemmar.
    """),
        _lines("""
        Vi pratar med varandra tidigt.
        Vi lyssnar på varandra.
        Kommunen berättar vad den gjorde med det som föreningarna sa.
        Möten ska vara på tider när ideella kan komma.
    """),
    ),
    _Section(
        S.VALUES,
        "Kvalitet",
        _prose("""
        Båda parter strävar efter god kvalitet i det de gör för älvstadsborna. Det civila
        samhällets kvalitet visar sig ofta på andra sätt än kommunens: i engagemang, närhet och
        förtroende snarare än i antal och volymer.

        När samverkan följs upp ska det ske på ett sätt som tar hänsyn till organisationernas
        förutsättningar och som inte skapar mer administration än nödvändigt.
    """),
        _lines("""
        Vi vill göra ett bra arbete.
        Föreningar gör nytta på sitt eget sätt.
        Det ska vara enkelt att berätta vad man har gjort.
    """),
    ),
    _Section(
        S.VALUES,
        "Långsiktighet",
        _prose("""
        Förtroende och goda resultat tar tid att bygga. Kommunen ska därför sträva efter att
        stöd och samarbeten gäller över flera år, så att organisationerna kan planera sin
        verksamhet och behålla sina ideella krafter.

        Det civila samhället ser samverkan som ett åtagande över tid och inte bara som enskilda
        projekt.
    """),
        _lines("""
        Bra samarbete tar tid.
        Kommunen ska helst ge stöd för flera år i taget.
        Då kan föreningarna planera.
    """),
    ),
    _Section(
        S.VALUES,
        "Öppenhet och insyn",
        _prose("""
        Parterna är öppna med hur de arbetar, hur beslut fattas och hur pengar används.
        Kommunen redovisar tydligt vilka stöd som finns och hur ansökningar bedöms.

        Organisationer som får stöd från kommunen redovisar hur stödet har använts. Öppenhet
        gäller också när något går fel: problem ska tas upp tidigt och i direkt kontakt.
    """),
        _lines("""
        Vi är öppna med hur vi arbetar.
        Kommunen berättar vilka bidrag som finns.
        Föreningar berättar vad de gjorde med pengarna.
        Om något går fel pratar vi om det.
    """),
    ),
    _Section(
        S.VALUES,
        "Mångfald",
        _prose("""
        Det civila samhället i Älvstad är brett: stora idrottsföreningar och små byalag,
        trossamfund och nätverk, gamla föreningar och nya initiativ. Alla har samma värde i
        samverkan.

        Kommunen tar hänsyn till att organisationer har olika storlek och resurser och gör det
        möjligt även för små föreningar att delta. Överenskommelsen vilar på alla människors
        lika värde.
    """),
        _lines("""
        Det finns många olika föreningar i Älvstad.
        Stora och små föreningar är lika viktiga.
        Alla människor är lika mycket värda.
    """),
    ),
    _Section(
        S.PRINCIPLES,
        "Principer för samverkan",
        _prose("""
        Samverkan mellan kommunen och det civila samhället följer dessa principer:

        – Parterna respekterar varandras olika roller och uppdrag.
        – Frågor som berör det civila samhället tas upp med organisationerna innan beslut
        fattas, medan det finns utrymme att påverka.
        – Regler för bidrag, lokaler och samarbeten ska vara tydliga, förutsägbara och lätta att
        hitta.
        – Samverkan ska inte kräva mer administration än uppgiften motiverar.
        – Ideellt engagemang är frivilligt och ska aldrig ersätta kommunens lagstadgade ansvar.
        – Den som företräder en part i samverkan ska ha mandat att göra det.
    """),
        _lines("""
        Så här samarbetar vi:
        – Vi respekterar varandra.
        – Kommunen frågar föreningarna innan den bestämmer saker som rör dem.
        – Regler ska vara lätta att förstå.
        – Det ska inte vara mycket pappersarbete.
        – Ideella gör saker för att de vill. De ska inte göra kommunens jobb.
    """),
    ),
    _Section(
        S.COMMITMENTS,
        "Det civila samhällets åtaganden",
        _prose("""
        Organisationer som ansluter sig till överenskommelsen åtar sig att:

        – verka i enlighet med överenskommelsens värdegrund och vara demokratiskt uppbyggda,
        – sprida kunskap om överenskommelsen till sina medlemmar och ideella,
        – delta i dialog och samråd när kommunen bjuder in, i den mån organisationen har
        möjlighet,
        – bidra med sina erfarenheter av de behov som finns bland älvstadsborna,
        – redovisa hur stöd från kommunen har använts.
    """),
        _lines("""
        Föreningar som skriver under lovar att:
        – följa värdegrunden,
        – berätta om överenskommelsen för sina medlemmar,
        – komma på möten med kommunen när de kan,
        – berätta vad människor i Älvstad behöver,
        – visa vad de gjorde med bidrag från kommunen.
    """),
    ),
    _Section(
        S.COMMITMENTS,
        "Kommunens åtaganden",
        _prose("""
        Kommunens nämnder och förvaltningar åtar sig att:

        – känna till överenskommelsen och arbeta efter den i kontakten med det civila samhället,
        – utse en kontaktperson för samverkan på varje förvaltning,
        – bjuda in berörda organisationer i god tid när frågor som rör dem bereds,
        – ge tydlig information om bidrag, lokaler och andra former av stöd,
        – ta hänsyn till ideella organisationers villkor, till exempel när det gäller tider för
        möten och svarstider.
    """),
        _lines("""
        Kommunen lovar att:
        – känna till överenskommelsen och följa den,
        – ha en kontaktperson på varje förvaltning,
        – bjuda in föreningar i god tid,
        – berätta tydligt om bidrag och lokaler,
        – tänka på att ideella har begränsad tid.
    """),
    ),
    _Section(
        S.COMMITMENTS,
        "Gemensamma åtaganden",
        _prose("""
        Kommunen och det civila samhället åtar sig tillsammans att:

        – genom Samverkansrådet följa upp hur överenskommelsen fungerar,
        – ordna minst ett öppet dialogmöte om året för alla anslutna organisationer,
        – ta fram en handlingsplan för samverkan under perioden,
        – göra överenskommelsen känd bland älvstadsborna.
    """),
        _lines("""
        Kommunen och föreningarna lovar tillsammans att:
        – ha ett råd som följer upp arbetet,
        – ha ett öppet möte varje år,
        – göra en plan för samarbetet,
        – berätta om överenskommelsen för alla i Älvstad.
    """),
    ),
    _Section(
        S.OTHER,
        "Samverkansrådet och uppföljning",
        _prose("""
        Samverkansrådet leder och följer upp arbetet med överenskommelsen. Rådet består av tio
        ledamöter från det civila samhället, tre förtroendevalda och en samordnare från
        kommunen som är rådets sekreterare. Ledamöterna från det civila samhället väljs av de
        anslutna organisationerna.

        Rådet sammanträder fyra gånger om året och redovisar varje år för kommunstyrelsen hur
        överenskommelsen har följts.
    """),
        _lines("""
        Samverkansrådet ser till att vi gör det vi har lovat.
        I rådet finns tio personer från föreningar och tre politiker.
        Rådet träffas fyra gånger om året.
    """),
    ),
    _Section(
        S.OTHER,
        "Att ansluta sig",
        _prose("""
        En organisation ansluter sig genom att en behörig företrädare undertecknar
        överenskommelsen. Anslutningen gäller till periodens slut. Vilka som har anslutit sig
        redovisas öppet på kommunens webbplats.

        En organisation kan när som helst lämna överenskommelsen. En organisation som
        uppenbart bryter mot värdegrunden kan uteslutas efter beslut i Samverkansrådet.
    """),
        _lines("""
        En förening skriver under för att vara med.
        Alla kan se vilka som har skrivit under.
        En förening kan sluta vara med när den vill.
        En förening som inte följer värdegrunden kan få lämna överenskommelsen.
    """),
    ),
]

INTRODUCTION_2024 = _prose("""
    Älvstad är en kommun där många människor engagerar sig. I föreningar, stiftelser,
    studieförbund, trossamfund, sociala företag och nätverk gör älvstadsborna varje vecka
    insatser för sina grannar, för barn och unga, för äldre och för dem som har det svårt – i
    centrum, i bostadsområdena och i byarna längs älven.

    Den här överenskommelsen är en gemensam viljeförklaring från Älvstads kommun och det civila
    samhället i Älvstad. Den ersätter överenskommelsen för 2020–2023. Under våren 2023 samlades
    anslutna organisationer, förvaltningar och förtroendevalda till dialogmöten om vad som
    fungerat och vad som behöver bli bättre. Många ville att överenskommelsen skulle bli mer
    känd, att det skulle bli lättare att hitta rätt väg in till kommunen och att texten skulle
    finnas på lättläst svenska. Det har vi tagit fasta på.

    Överenskommelsen är inte ett avtal om pengar och ersätter inte regler för bidrag,
    idéburet offentligt partnerskap eller upphandling. Den beskriver hur vi bemöter varandra
    och hur vi tillsammans gör Älvstad till en bättre plats att leva i.

    Överenskommelsen gäller från den 1 januari 2024 till den 31 december 2027. Alla kommunens
    nämnder och förvaltningar ansluter sig. Kommunala bolag och organisationer i det civila
    samhället som är demokratiskt uppbyggda och delar värdegrunden kan ansluta sig. Den som
    var ansluten under förra perioden behöver ansluta sig på nytt.
""")

EASY_READ_2024 = _lines("""
    Det här är överenskommelsen om samverkan i Älvstad.
    Den gäller från 2024 till 2027.

    Överenskommelsen är ett löfte.
    Kommunen och föreningarna lovar att arbeta bra tillsammans.
    Det gäller i hela kommunen, både i staden och på landet.
    Överenskommelsen handlar inte om pengar.

    Alla delar av kommunen skriver under.
    Föreningar, kyrkor och andra grupper kan också skriva under.
    De måste vara demokratiska.
    Det betyder att medlemmarna bestämmer tillsammans.
    De måste också tycka att alla människor är lika mycket värda.

    Var ni med förra gången?
    Då måste ni skriva under igen.

    Här nedanför kan du läsa mer om varje del.
""")

SECTIONS_2024 = [
    _Section(
        S.OTHER,
        "Syfte",
        _prose("""
        Syftet med överenskommelsen är att stärka samverkan mellan kommunen och det civila
        samhället, så att fler älvstadsbor kan vara delaktiga och få stöd där de bor – i hela
        kommunen, inte bara i centrum. Samverkan bygger på respekt för att parterna har olika
        roller: kommunen har ett ansvar som myndighet och för välfärden, och det civila
        samhället är en självständig röst och en egen kraft.

        Överenskommelsen ska göra det lättare för organisationer att hitta rätt väg in till
        kommunen och lättare för förvaltningarna att ta vara på organisationernas kunskap.
    """),
        _lines("""
        Kommunen och föreningarna i Älvstad vill arbeta bättre tillsammans.
        Det gäller i hela kommunen.
        Den här texten säger hur vi ska göra det.
        Kommunen och föreningarna har olika uppdrag.
        Båda behövs.
    """),
    ),
    _Section(
        S.VALUES,
        "Självständighet och oberoende",
        _prose("""
        Det civila samhällets organisationer är självständiga. De bestämmer själva över sina
        mål, sitt arbetssätt och sina åsikter, också när de får bidrag från kommunen, har ett
        idéburet offentligt partnerskap eller samverkar på annat sätt.

        Kommunen välkomnar att organisationer granskar och kritiserar kommunens beslut. Kritik
        påverkar aldrig en organisations möjlighet att få stöd eller att samverka.
    """),
        _lines("""
        Föreningarna bestämmer själva.
        En förening får säga vad den tycker om kommunen.
        Den får ändå bidrag och får vara med i samarbeten.
    """),
    ),
    _Section(
        S.VALUES,
        "Dialog",
        _prose("""
        Samverkan bygger på att parterna talar med varandra tidigt, innan frågor är avgjorda.
        Dialog betyder att lyssna lika mycket som att tala, och att alltid återkoppla vad som
        blev av det som sades.

        Kallelser går ut i god tid och med e-post, så att alla kan delta, även den som inte
        använder kommunens digitala verktyg till vardags. Möten hålls på tider och platser där
        ideellt aktiva kan delta.
    """),
        _lines("""
        Vi pratar med varandra tidigt.
        Vi lyssnar på varandra.
        Kommunen berättar alltid vad den gjorde med det som föreningarna sa.
        Inbjudningar kommer i god tid och med e-post.
    """),
    ),
    _Section(
        S.VALUES,
        "Kvalitet",
        _prose("""
        Båda parter strävar efter god kvalitet i det de gör för älvstadsborna. Det civila
        samhällets kvalitet visar sig ofta i engagemang, närhet och förtroende.

        Uppföljning ska därför inte bara räkna hur många som deltog. Den ska också beskriva
        vad som förändrades för dem som verksamheten är till för, och den ska ske på ett sätt
        som inte skapar mer administration än nödvändigt.
    """),
        _lines("""
        Vi vill göra ett bra arbete.
        Vi räknar inte bara hur många som kom.
        Vi berättar också vad som blev bättre för människor.
        Det ska vara enkelt att berätta vad man har gjort.
    """),
    ),
    _Section(
        S.VALUES,
        "Långsiktighet",
        _prose("""
        Förtroende och goda resultat tar tid att bygga. Kommunen strävar efter stöd och
        samarbeten som gäller över flera år, så att organisationerna kan planera och behålla
        sina ideella krafter.

        Det civila samhället ser samverkan som ett åtagande över tid. Goda projekt ska kunna
        bli bestående verksamhet när de har visat att de fungerar.
    """),
        _lines("""
        Bra samarbete tar tid.
        Kommunen ska helst ge stöd för flera år i taget.
        Då kan föreningarna planera.
        Bra projekt ska kunna fortsätta.
    """),
    ),
    _Section(
        S.VALUES,
        "Öppenhet och insyn",
        _prose("""
        Parterna är öppna med hur de arbetar, hur beslut fattas och hur pengar används.
        Kommunen redovisar tydligt vilka stöd som finns, hur ansökningar bedöms och vilka
        projekt och uppdrag som pågår.

        Organisationer som får stöd redovisar hur det har använts. Öppenhet gäller också när
        något går fel: problem tas upp tidigt och i direkt kontakt.
    """),
        _lines("""
        Vi är öppna med hur vi arbetar.
        Kommunen berättar vilka bidrag som finns.
        Kommunen visar vilka projekt som pågår.
        Föreningar berättar vad de gjorde med pengarna.
        Om något går fel pratar vi om det.
    """),
    ),
    _Section(
        S.VALUES,
        "Mångfald och tillgänglighet",
        _prose("""
        Det civila samhället i Älvstad är brett: stora idrottsföreningar och små byalag,
        trossamfund och nätverk, gamla föreningar och nya initiativ. Alla har samma värde i
        samverkan, och överenskommelsen vilar på alla människors lika värde.

        Information från kommunen ska vara begriplig för alla. Viktiga texter finns på lättläst
        svenska, och kommunen når ut på fler sätt än digitalt, så att också små föreningar och
        föreningar utanför centrum kan delta.
    """),
        _lines("""
        Det finns många olika föreningar i Älvstad.
        Stora och små föreningar är lika viktiga.
        Alla människor är lika mycket värda.
        Kommunen skriver så att alla kan förstå.
        Viktiga texter finns på lätt svenska.
    """),
    ),
    _Section(
        S.PRINCIPLES,
        "Principer för samverkan",
        _prose("""
        Samverkan mellan kommunen och det civila samhället följer dessa principer:

        – Parterna respekterar varandras olika roller och uppdrag.
        – Frågor som berör det civila samhället tas upp med organisationerna innan beslut
        fattas. Organisationer som berörs får remisser i så god tid att de hinner svara.
        – Det finns en väg in till kommunen för bidrag, idéer och partnerskap, utan att andra
        kontaktvägar stängs.
        – Regler för bidrag, lokaler och samarbeten är tydliga, förutsägbara och lätta att hitta.
        – Samverkan omfattar hela kommunen, också bostadsområden och byar långt från centrum.
        – Samverkan kräver inte mer administration än uppgiften motiverar.
        – Ideellt engagemang är frivilligt och ersätter aldrig kommunens lagstadgade ansvar.
    """),
        _lines("""
        Så här samarbetar vi:
        – Vi respekterar varandra.
        – Kommunen frågar föreningarna i god tid innan den bestämmer saker som rör dem.
        – Det finns en väg in till kommunen.
        – Regler ska vara lätta att förstå.
        – Samarbetet gäller hela kommunen.
        – Det ska inte vara mycket pappersarbete.
        – Ideella gör saker för att de vill. De ska inte göra kommunens jobb.
    """),
    ),
    _Section(
        S.COMMITMENTS,
        "Det civila samhällets åtaganden",
        _prose("""
        Organisationer som ansluter sig till överenskommelsen åtar sig att:

        – verka i enlighet med överenskommelsens värdegrund och vara demokratiskt uppbyggda,
        – sprida kunskap om överenskommelsen till sina medlemmar och ideella,
        – delta i dialog, remisser och samråd när kommunen bjuder in, i den mån de har
        möjlighet,
        – bidra med sina erfarenheter av de behov som finns bland älvstadsborna,
        – redovisa hur stöd från kommunen har använts,
        – hålla uppgifterna om organisationen i kommunens register aktuella.
    """),
        _lines("""
        Föreningar som skriver under lovar att:
        – följa värdegrunden,
        – berätta om överenskommelsen för sina medlemmar,
        – svara på frågor från kommunen när de kan,
        – berätta vad människor i Älvstad behöver,
        – visa vad de gjorde med bidrag från kommunen,
        – hålla sina uppgifter på webbplatsen rätt.
    """),
    ),
    _Section(
        S.COMMITMENTS,
        "Kommunens åtaganden",
        _prose("""
        Kommunens nämnder och förvaltningar åtar sig att:

        – känna till överenskommelsen och arbeta efter den i kontakten med det civila samhället,
        – ha en kontaktperson för samverkan på varje förvaltning, som deltar i C-nätverket,
        – skicka remisser och inbjudningar i god tid till de organisationer som berörs,
        – samla information om bidrag, partnerskap och lokaler på ett ställe,
        – göra viktig information tillgänglig på lättläst svenska,
        – ta hänsyn till ideella organisationers villkor när det gäller mötestider och
        svarstider.
    """),
        _lines("""
        Kommunen lovar att:
        – känna till överenskommelsen och följa den,
        – ha en kontaktperson på varje förvaltning,
        – fråga föreningar i god tid,
        – samla information om bidrag på ett ställe,
        – skriva viktiga saker på lätt svenska,
        – tänka på att ideella har begränsad tid.
    """),
    ),
    _Section(
        S.COMMITMENTS,
        "Gemensamma åtaganden",
        _prose("""
        Kommunen och det civila samhället åtar sig tillsammans att:

        – genom Samverkansrådet följa upp hur överenskommelsen fungerar,
        – vartannat år ta fram en aktivitetsplan som bygger på överenskommelsens principer,
        – följa upp samverkan både i vad som gjordes, vad som förändrades och vad som inte
        hade hänt utan samverkan,
        – ordna minst två öppna temakvällar eller dialogmöten om året,
        – tillsammans ta fram en karta över samverkan mellan kommunen och det civila samhället,
        – göra överenskommelsen känd bland älvstadsborna.
    """),
        _lines("""
        Kommunen och föreningarna lovar tillsammans att:
        – ha ett råd som följer upp arbetet,
        – göra en plan för samarbetet vartannat år,
        – ta reda på vad samarbetet gör för skillnad,
        – ha öppna möten två gånger om året,
        – rita en karta över hur vi samarbetar,
        – berätta om överenskommelsen för alla i Älvstad.
    """),
    ),
    _Section(
        S.OTHER,
        "Samverkansrådet och uppföljning",
        _prose("""
        Samverkansrådet leder och följer upp arbetet med överenskommelsen. Rådet består av tio
        ledamöter från det civila samhället, varav minst en från Älvstads Föreningsråd, tre
        förtroendevalda, varav minst ett kommunalråd, och en samordnare från kommunen som är
        rådets sekreterare. Ledamöterna från det civila samhället väljs av de anslutna
        organisationerna vid en öppen val- och informationskväll.

        Rådet sammanträder fyra gånger om året, varav två gånger tillsammans med en öppen
        föreläsning. Rådet redovisar varje år för kommunstyrelsen hur överenskommelsen har
        följts.
    """),
        _lines("""
        Samverkansrådet ser till att vi gör det vi har lovat.
        I rådet finns tio personer från föreningar och tre politiker.
        Föreningarna väljer sina personer på en öppen kväll.
        Rådet träffas fyra gånger om året.
        Två av gångerna är det en föreläsning som alla får komma till.
    """),
    ),
    _Section(
        S.OTHER,
        "Att ansluta sig och att lämna",
        _prose("""
        En organisation ansluter sig genom att en behörig företrädare undertecknar
        överenskommelsen på kommunens webbplats. Sekreteraren granskar anslutningen och kan
        ställa frågor innan den godkänns. Anslutningen gäller till periodens slut. Vilka som har
        anslutit sig redovisas öppet, och en ansluten organisation får använda
        överenskommelsens symbol.

        En organisation kan när som helst lämna överenskommelsen genom att meddela det.
    """),
        _lines("""
        En förening skriver under på kommunens webbplats.
        Kommunen kan ställa frågor innan föreningen får vara med.
        Alla kan se vilka som har skrivit under.
        En förening kan sluta vara med när den vill.
    """),
    ),
    _Section(
        S.OTHER,
        "Rutin för uteslutning",
        _prose("""
        En organisation som allvarligt bryter mot överenskommelsens värdegrund kan uteslutas.
        Det sker enligt en rättssäker rutin:

        – Sekreteraren beskriver skälen skriftligt och skickar dem till organisationen.
        – Organisationen får minst tre veckor på sig att svara.
        – Samverkansrådet fattar beslut först när organisationen har svarat eller tiden för
        svar har gått ut.
        – Beslutet motiveras och meddelas organisationen. Ett beslut om uteslutning redovisas
        öppet.

        Ett ärende kan också avslutas utan uteslutning, till exempel när organisationen har
        rättat till det som var fel.
    """),
        _lines("""
        En förening som inte följer värdegrunden kan få lämna överenskommelsen.
        Så här går det till:
        – Kommunen skriver till föreningen och berättar varför.
        – Föreningen får svara. Den har minst tre veckor på sig.
        – Sedan bestämmer Samverkansrådet.
        – Alla kan se om en förening har fått lämna.
    """),
    ),
]


# --- Planning ----------------------------------------------------------------------------------


@dataclass
class _Spec:
    """Everything needed to register one organisation."""

    name: str
    kind: str
    areas: list[str]
    targets: list[str]
    districts: list[str]
    organisation_number: str | None
    website: str
    public_email: str
    description: str
    easy_read_description: str
    domain: str
    roles: tuple[str, ...] = ()


def _luhn_check_digit(payload: str) -> int:
    total = 0
    for position, char in enumerate(reversed(payload)):
        value = int(char) * (2 if position % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return (10 - total % 10) % 10


def _at(day: date, hour: int = 10, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


@dataclass
class _Demo:
    """One load of the demo: plans with `rng`, acts through the services, then backdates.

    Every random choice comes from `rng`, in an order fixed by the code (never by the
    database), so the same seed and `today` always tell the same story."""

    seed: int
    today: date
    rng: random.Random = field(init=False)
    numbers: set[str] = field(default_factory=set)
    emails: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)
    areas: dict[str, Area] = field(default_factory=dict)
    target_groups: dict[str, TargetGroup] = field(default_factory=dict)
    districts: dict[str, District] = field(default_factory=dict)
    specs: dict[int, _Spec] = field(default_factory=dict)  # organisation pk -> spec
    # What happened when, applied to the rows afterwards (see backdate()).
    event_times: dict[int, list[datetime]] = field(default_factory=lambda: defaultdict(list))
    application_times: dict[int, tuple[datetime, datetime]] = field(default_factory=dict)
    info_times: dict[int, list[datetime | None]] = field(default_factory=dict)
    case_times: dict[int, dict] = field(default_factory=dict)
    organisation_times: dict[int, datetime] = field(default_factory=dict)
    renewal_invited_at: datetime | None = None
    secretary: User = field(init=False)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)

    # -- random helpers ----------------------------------------------------------------------

    def day_between(self, start: date, end: date, skew: float = 1.0) -> date:
        """A day in [start, end]; skew > 1 favours the start."""
        span = (end - start).days
        return start + timedelta(days=int(span * self.rng.random() ** skew))

    def moment(self, day: date) -> datetime:
        return _at(day, self.rng.randint(8, 20), self.rng.randrange(0, 60))

    def office_moment(self, day: date) -> datetime:
        return _at(day, self.rng.randint(8, 15), self.rng.randrange(0, 60))

    def later(self, when: datetime, min_days: int, max_days: int) -> datetime:
        days = self.rng.randint(min_days, max_days)
        return self.office_moment(when.date() + timedelta(days=days))

    def organisation_number(self, first: int) -> str:
        while True:
            if first == 5:
                head = [5, 5, self.rng.randint(6, 9)]
            elif first == 7:
                head = [7, self.rng.randint(6, 9), self.rng.randint(2, 9)]
            else:
                head = [8, self.rng.randint(0, 4), self.rng.randint(2, 9)]
            payload = "".join(str(d) for d in head + [self.rng.randint(0, 9) for _ in range(6)])
            digits = f"{payload}{_luhn_check_digit(payload)}"
            number = normalise_organisation_number(f"{digits[:6]}-{digits[6:]}")
            if number not in self.numbers:
                self.numbers.add(number)
                return number

    def person(self, domain: str) -> tuple[str, str]:
        while True:
            first, last = self.rng.choice(FIRST_NAMES), self.rng.choice(LAST_NAMES)
            email = f"{_ascii(first)}.{_ascii(last)}@{domain}"
            if email not in self.emails:
                self.emails.add(email)
                return f"{first} {last}", email

    def role(self, spec: _Spec) -> str:
        if spec.roles:
            return self.rng.choice(spec.roles)
        if spec.kind == KIND.MUNICIPAL_BOARD:
            if spec.name == "Kommunstyrelsen":
                return "Kommunstyrelsens ordförande"
            return f"Ordförande i {spec.name[0].lower()}{spec.name[1:]}"
        return self.rng.choice(ROLES[spec.kind])

    # -- organisations -----------------------------------------------------------------------

    def _unique(self, name: str) -> str:
        if name in self.names:
            raise ValueError(f"The demo has two organisations called {name!r}.")
        self.names.add(name)
        return name

    def _terms_for(self, districts: tuple[str, ...] | list[str]) -> list[str]:
        if districts:
            return list(districts)[:3]
        others = [d for d, _, _ in DISTRICTS if d != "Centrum"]
        return ["Centrum", *self.rng.sample(others, self.rng.randint(0, 2))]

    def _civil_spec(
        self,
        *,
        name: str,
        kind: str,
        areas: tuple[str, ...],
        targets: tuple[str, ...],
        districts: list[str],
        activity: str,
        easy: str,
        intro: str = "",
        has_number: bool = True,
        number_prefix: int | None = None,
        roles: tuple[str, ...] = (),
        place_named: bool = False,
    ) -> _Spec:
        rng = self.rng
        slug = _slug(name)
        domain = f"{slug}.example.org"
        where = _where(districts[0] if place_named or len(districts) == 1 else None)
        extra = rng.choice(EXTRA_SENTENCES[kind]).format(
            n=rng.choice([40, 60, 85, 120, 150, 230, 400]), year=rng.randint(1925, 2015)
        )
        description = f"{name} är {intro or DEFAULT_INTRO[kind]} {where} som {activity}. {extra}"
        easy_read = f"{easy} {rng.choice(EASY_EXTRAS)}" if easy and rng.random() < 0.5 else ""
        if number_prefix is None:
            number_prefix = 7 if kind == KIND.SOCIAL_ENTERPRISE else 8
        return _Spec(
            name=self._unique(name),
            kind=kind,
            areas=list(areas)[:3],
            targets=list(targets)[:3],
            districts=districts,
            organisation_number=self.organisation_number(number_prefix) if has_number else None,
            website=f"https://{domain}/" if rng.random() < 0.7 else "",
            public_email=f"info@{domain}" if rng.random() < 0.6 else "",
            description=description,
            easy_read_description=easy_read,
            domain=domain,
            roles=roles,
        )

    def _from_fixed(self, fixed: _Fixed, number_prefix: int | None = None) -> _Spec:
        return self._civil_spec(
            name=fixed.name,
            kind=fixed.kind,
            areas=fixed.areas,
            targets=fixed.targets,
            districts=self._terms_for(fixed.districts),
            activity=fixed.activity,
            easy=fixed.easy,
            intro=fixed.intro,
            has_number=fixed.has_number,
            number_prefix=number_prefix,
            roles=fixed.roles,
        )

    def civil_specs(self) -> tuple[list[_Spec], list[_Spec]]:
        """The civil-society organisations: (umbrella bodies, everyone else)."""
        rng = self.rng
        places = [(name, rural) for name, used, rural in DISTRICTS if used]
        candidates = [
            (template, place)
            for template in TEMPLATES
            for place, rural in places
            if template.where == "any" or (template.where == "rural") == rural
        ]
        rng.shuffle(candidates)
        per_template: dict[str, int] = defaultdict(int)
        chosen = []
        for template, place in candidates:
            if len(chosen) == TEMPLATE_ASSOCIATIONS:
                break
            if per_template[template.pattern] < MAX_PER_TEMPLATE:
                per_template[template.pattern] += 1
                chosen.append((template, place))
        specs = []
        for template, place in chosen:
            name = template.pattern.format(p=place, g=_genitive(place), c=_club(place))
            neighbours = [d for d, used, _ in DISTRICTS if used and d != place]
            districts = [place, *rng.sample(neighbours, rng.choice([0, 0, 1, 2]))]
            specs.append(
                self._civil_spec(
                    name=name,
                    kind=KIND.ASSOCIATION,
                    areas=template.areas,
                    targets=template.targets,
                    districts=districts,
                    activity=template.activity,
                    easy=template.easy,
                    place_named=True,
                )
            )
        for fixed in [
            *FIXED_ASSOCIATIONS,
            *FOUNDATIONS,
            *STUDY_ASSOCIATIONS,
            *FAITH_COMMUNITIES,
            *SOCIAL_ENTERPRISES,
            *NETWORKS,
        ]:
            specs.append(self._from_fixed(fixed))
        umbrellas = [self._from_fixed(fixed) for fixed in UMBRELLA_BODIES]
        return umbrellas, specs

    def municipal_spec(self, unit: _Municipal) -> _Spec:
        slug = _slug(unit.name)
        company = unit.kind == KIND.MUNICIPAL_COMPANY
        return _Spec(
            name=self._unique(unit.name),
            kind=unit.kind,
            areas=list(unit.areas),
            targets=list(unit.targets),
            districts=[],  # a municipal unit serves the whole municipality
            organisation_number=self.organisation_number(5) if company else None,
            website=(
                f"https://{slug}.example.org/"
                if company
                else f"https://{MUNICIPAL_DOMAIN}/organisation/{slug}/"
            ),
            public_email=f"{slug[:40].strip('-')}@{MUNICIPAL_DOMAIN}",
            description=unit.description,
            easy_read_description="",
            domain=f"{slug}.example.org" if company else MUNICIPAL_DOMAIN,
        )

    def register(self, spec: _Spec, when: datetime) -> Organisation:
        """The secretary registers an organisation directly (municipal units, and
        organisations known from grants and invitations that have not signed)."""
        organisation = services.organisation_create(
            name=spec.name,
            kind=spec.kind,
            organisation_number=spec.organisation_number,
            website=spec.website,
            public_email=spec.public_email,
            description=spec.description,
            easy_read_description=spec.easy_read_description,
            areas=[self.areas[n] for n in spec.areas],
            target_groups=[self.target_groups[n] for n in spec.targets],
            districts=[self.districts[n] for n in spec.districts],
        )
        self.specs[organisation.pk] = spec
        self.organisation_times[organisation.pk] = when
        return organisation

    # -- signing -----------------------------------------------------------------------------

    def sign(
        self,
        agreement: Agreement,
        when: datetime,
        *,
        organisation: Organisation | None = None,
        spec: _Spec | None = None,
        signatory: tuple[str, str, str] | None = None,
    ) -> Signature:
        """Fill in the signing form (for a new organisation, or for a registered one) and
        confirm it by the emailed link, as the site does."""
        spec = spec or self.specs[organisation.pk]
        if signatory is None:
            name, email = self.person(spec.domain)
            signatory = (name, self.role(spec), email)
        name, role, email = signatory
        people = {"signatory_name": name, "signatory_role": role, "signatory_email": email}
        if organisation is None:
            data = {
                "name": spec.name,
                "kind": spec.kind,
                "organisation_number": spec.organisation_number or "",
                "website": spec.website,
                "public_email": spec.public_email,
                "description": spec.description,
                "easy_read_description": spec.easy_read_description,
                "areas": [self.areas[n].pk for n in spec.areas],
                "target_groups": [self.target_groups[n].pk for n in spec.targets],
                "districts": [self.districts[n].pk for n in spec.districts],
                **people,
            }
        else:
            data = {"name": organisation.name, **people}
        application = services.signature_application_submit(
            agreement=agreement, data=data, organisation=organisation
        )
        signature = services.signature_application_confirm(raw_token=application.raw_token)
        filled_in = when - timedelta(minutes=self.rng.randint(3, 180))
        self.application_times[application.pk] = (filled_in, when)
        self.event_times[signature.pk].append(when)
        if organisation is None:
            self.specs[signature.organisation_id] = spec
            self.organisation_times[signature.organisation_id] = filled_in
        return signature

    def approve(self, signature: Signature, when: datetime, note: str = "") -> Signature:
        approved = services.signature_approve(signature=signature, actor=self.secretary, note=note)
        self.event_times[signature.pk].append(when)
        return approved

    def ask(self, signature: Signature, when: datetime, question: str) -> InformationRequest:
        request = services.signature_request_info(
            signature=signature, actor=self.secretary, question=question
        )
        self.event_times[signature.pk].append(when)
        self.info_times[request.pk] = [when, None]
        return request

    def answer(self, request: InformationRequest, when: datetime, answer: str) -> None:
        services.information_request_answer(raw_token=request.raw_token, answer=answer)
        self.event_times[request.signature_id].append(when)
        self.info_times[request.pk][1] = when

    def decline(self, signature: Signature, when: datetime, reason: str) -> None:
        services.signature_decline(signature=signature, actor=self.secretary, reason=reason)
        self.event_times[signature.pk].append(when)

    def withdraw(
        self, signature: Signature, when: datetime, reason: str, *, by_secretary: bool
    ) -> None:
        actor = (
            self.secretary
            if by_secretary
            else User.objects.get(email__iexact=signature.signatory_email)
        )
        services.signature_withdraw(signature=signature, actor=actor, reason=reason)
        self.event_times[signature.pk].append(when)

    def sign_and_approve(
        self, agreement: Agreement, when: datetime, *, with_question: bool = False, **kwargs
    ) -> Signature:
        signature = self.sign(agreement, when, **kwargs)
        if with_question:
            question, reply = self.rng.choice(QUESTIONS_AND_ANSWERS)
            asked = self.later(when, 1, 3)
            request = self.ask(signature, asked, question)
            answered = self.moment(asked.date() + timedelta(days=self.rng.randint(1, 4)))
            self.answer(request, answered, reply)
            approved = self.later(answered, 1, 3)
        else:
            approved = self.later(when, 1, 12)
        return self.approve(signature, approved)

    # -- exclusion ---------------------------------------------------------------------------

    def open_case(self, signature: Signature, when: datetime, grounds: str) -> ExclusionCase:
        # The service wants a deadline after the real today; the demo's own deadline (three
        # weeks after the case was opened in the story) is set in backdate().
        case = services.exclusion_case_open(
            signature=signature,
            actor=self.secretary,
            grounds=grounds,
            response_deadline=timezone.localdate() + timedelta(days=21),
        )
        self.case_times[case.pk] = {
            "events": [when],
            "deadline": when.date() + timedelta(days=21),
            "responded": None,
        }
        return case

    def respond(self, case: ExclusionCase, when: datetime, response: str) -> None:
        responder = case.signature.signatory_name
        services.exclusion_case_respond(
            raw_token=case.raw_token, response=response, responder_name=responder
        )
        self.case_times[case.pk]["events"].append(when)
        self.case_times[case.pk]["responded"] = when

    def decide(self, case: ExclusionCase, when: datetime, *, exclude: bool, decision: str) -> None:
        services.exclusion_case_decide(
            case=case,
            actor=self.secretary,
            exclude=exclude,
            decision=decision,
            deciding_body=DECIDING_BODY,
            decided_on=when.date(),
        )
        self.case_times[case.pk]["events"].append(when)
        if exclude:
            self.event_times[case.signature_id].append(when)

    # -- the story ---------------------------------------------------------------------------

    def create_terms(self) -> None:
        for name in AREAS:
            self.areas[name] = services.term_create(model=Area, name=name, slug=_slug(name))
        for name in TARGET_GROUPS:
            self.target_groups[name] = services.term_create(
                model=TargetGroup, name=name, slug=_slug(name)
            )
        for name, _used, _rural in DISTRICTS:
            self.districts[name] = services.term_create(model=District, name=name, slug=_slug(name))

    def create_secretary(self) -> None:
        user = user_get_or_create(email=SECRETARY_EMAIL, full_name=SECRETARY_NAME)
        user.set_password(SECRETARY_PASSWORD)
        user.is_staff = True
        user.save(update_fields=["password", "is_staff"])
        role_grant(user=user, role=Role.SECRETARY)
        self.secretary = user

    def create_agreement(
        self,
        *,
        title: str,
        start: date,
        end: date,
        adopted_on: date,
        introduction: str,
        easy_read: str,
        sections: list[_Section],
        published: datetime,
    ) -> Agreement:
        # There is no create service for agreements: the ORM, then agreement_publish.
        agreement = Agreement.objects.create(
            title=title,
            period_start=start,
            period_end=end,
            adopted_on=adopted_on,
            adopted_by="Kommunfullmäktige",
            introduction=introduction,
            easy_read_text=easy_read,
        )
        AgreementSection.objects.bulk_create(
            AgreementSection(
                agreement=agreement,
                kind=s.kind,
                title=s.title,
                body=s.body,
                easy_read_body=s.easy,
                position=position,
            )
            for position, s in enumerate(sections, start=1)
        )
        services.agreement_publish(agreement=agreement)
        drafted = _at(adopted_on - timedelta(days=40), 9, 0)
        Agreement.objects.filter(pk=agreement.pk).update(
            created_at=drafted, published_at=published, updated_at=published
        )
        return agreement

    def run(self) -> None:
        rng = self.rng
        today = self.today
        self.create_terms()
        self.create_secretary()
        first = self.create_agreement(
            title="Överenskommelsen om samverkan 2020–2023",
            start=date(2020, 1, 1),
            end=date(2023, 12, 31),
            adopted_on=date(2019, 11, 20),
            introduction=INTRODUCTION_2020,
            easy_read=EASY_READ_2020,
            sections=SECTIONS_2020,
            published=_at(date(2019, 12, 2), 9),
        )
        second = self.create_agreement(
            title="Överenskommelsen om samverkan 2024–2027",
            start=date(2024, 1, 1),
            end=date(2027, 12, 31),
            adopted_on=date(2023, 11, 22),
            introduction=INTRODUCTION_2024,
            easy_read=EASY_READ_2024,
            sections=SECTIONS_2024,
            published=_at(date(2023, 11, 27), 9),
        )

        # The organisations, planned before anything is stored.
        units = {
            u.name: self.municipal_spec(u)
            for u in [*DEPARTMENTS, *FORMER_DEPARTMENTS, *BOARDS, *COMPANIES]
        }
        umbrellas, civil = self.civil_specs()
        fakes = [
            (replace(self._from_fixed(fixed, number_prefix=prefix), description=text), reason)
            for fixed, prefix, text, reason in FAKE_APPLICATIONS
        ]
        rng.shuffle(civil)
        first_civil = umbrellas + civil[:85]
        newcomers = civil[85:113]
        never_signed = civil[113:]

        # The secretary registered the municipal units when the first period was published;
        # the two new departments when they were formed.
        formed = {
            "Socialförvaltningen": date(2022, 1, 1),
            "Kommunledningsförvaltningen": date(2023, 1, 1),
        }
        municipal = {
            name: self.register(spec, _at(formed.get(name, date(2019, 11, 25)), 9))
            for name, spec in units.items()
        }
        for spec in never_signed:
            self.register(spec, self.moment(self.day_between(date(2020, 2, 1), today)))

        # Renames and mergers: history survives them.
        services.organisation_link_create(
            predecessor=municipal["Kommunstyrelseförvaltningen"],
            successor=municipal["Kommunledningsförvaltningen"],
            kind=OrganisationLink.Kind.RENAMED,
            on=date(2023, 1, 1),
            note="Kommunstyrelseförvaltningen bytte namn till Kommunledningsförvaltningen.",
        )
        for former in (
            "Förvaltningen för sociala insatser",
            "Förvaltningen för utbildning, försörjning och arbete",
        ):
            services.organisation_link_create(
                predecessor=municipal[former],
                successor=municipal["Socialförvaltningen"],
                kind=OrganisationLink.Kind.MERGED,
                on=date(2022, 1, 1),
                note="Förvaltningen för sociala insatser och Förvaltningen för utbildning, "
                "försörjning och arbete gick samman i Socialförvaltningen.",
            )

        # --- 2020–2023 ----------------------------------------------------------------------
        launch_start, launch_end = date(2019, 12, 5), date(2020, 4, 30)
        first_municipal = [
            name
            for name in units
            if name not in NEW_DEPARTMENTS
            and (units[name].kind != KIND.MUNICIPAL_COMPANY or name in COMPANIES_SIGNING_BOTH)
        ]
        first_signatures: dict[str, Signature] = {}
        for name in first_municipal:
            when = self.office_moment(self.day_between(launch_start, date(2020, 3, 31)))
            first_signatures[name] = self.sign_and_approve(
                first, when, organisation=municipal[name]
            )
        for name, day in (
            ("Socialförvaltningen", date(2022, 1, 11)),
            ("Kommunledningsförvaltningen", date(2023, 1, 10)),
        ):
            first_signatures[name] = self.sign_and_approve(
                first, self.office_moment(day), organisation=municipal[name]
            )
        # The former departments' signatures end when they do.
        for former, day, successor in (
            ("Förvaltningen för sociala insatser", date(2022, 1, 4), "Socialförvaltningen"),
            (
                "Förvaltningen för utbildning, försörjning och arbete",
                date(2022, 1, 4),
                "Socialförvaltningen",
            ),
            ("Kommunstyrelseförvaltningen", date(2023, 1, 3), "Kommunledningsförvaltningen"),
        ):
            self.withdraw(
                first_signatures[former],
                self.office_moment(day),
                f"Förvaltningen upphörde och ingår sedan den {day.year}-01-01 i {successor}, "
                f"som ansluter sig under sitt eget namn.",
                by_secretary=True,
            )

        questioned = set(rng.sample(range(len(first_civil)), 6))
        civil_first_signatures: list[Signature] = []
        for index, spec in enumerate(first_civil):
            if index < len(umbrellas) or rng.random() < 0.65:
                day = self.day_between(launch_start, launch_end, skew=1.5)
            else:
                day = self.day_between(date(2020, 5, 1), date(2023, 10, 31))
            signature = self.sign_and_approve(
                first, self.moment(day), spec=spec, with_question=index in questioned
            )
            civil_first_signatures.append(signature)
        # One association closed down during the period.
        closed_down = next(
            s
            for s in civil_first_signatures[len(umbrellas) :]
            if s.organisation.kind == KIND.ASSOCIATION
            and self.event_times[s.pk][-1].date() < date(2021, 6, 1)
        )
        self.withdraw(
            closed_down,
            self.moment(self.day_between(date(2021, 9, 1), date(2022, 10, 31))),
            "Föreningen har lagts ned efter beslut på ett extra årsmöte.",
            by_secretary=False,
        )

        # The period ends: every active signature of 2020–2023 expires.
        services.signatures_expire(today=date(2024, 1, 1))
        for signature_id in SignatureEvent.objects.filter(
            kind=SignatureEvent.Kind.EXPIRED
        ).values_list("signature_id", flat=True):
            self.event_times[signature_id].append(_at(date(2024, 1, 1), 0, 5))

        # --- 2024–2027 ----------------------------------------------------------------------
        previous = {
            s.organisation_id: s
            for s in Signature.objects.filter(
                agreement=first, status=SignatureStatus.EXPIRED
            ).select_related("organisation")
        }

        def renew(
            organisation: Organisation,
            when: datetime,
            *,
            approve: bool = True,
            with_question: bool = False,
        ) -> Signature:
            before = previous[organisation.pk]
            signatory = None
            if rng.random() < 0.7:  # usually the same person signs again
                signatory = (before.signatory_name, before.signatory_role, before.signatory_email)
            if approve:
                return self.sign_and_approve(
                    second,
                    when,
                    organisation=organisation,
                    signatory=signatory,
                    with_question=with_question,
                )
            return self.sign(second, when, organisation=organisation, signatory=signatory)

        early_start, early_end = date(2023, 11, 28), date(2024, 1, 31)
        renewed: dict[int, Signature] = {}
        for name in [
            *(d.name for d in DEPARTMENTS),
            *(b.name for b in BOARDS),
            *COMPANIES_SIGNING_BOTH,
        ]:
            organisation = municipal[name]
            renewed[organisation.pk] = renew(
                organisation, self.office_moment(self.day_between(early_start, early_end))
            )

        expired_civil = [
            s.organisation for s in civil_first_signatures if s.organisation_id in previous
        ]
        umbrella_orgs = expired_civil[: len(umbrellas)]
        rest = expired_civil[len(umbrellas) :]
        rng.shuffle(rest)
        associations = [o for o in rest if o.kind == KIND.ASSOCIATION]
        # Five early renewers whose story goes on: two leave, three meet the exclusion routine.
        leaving, merging, excluded, cleared, awaiting = associations[:5]
        early_civil = [*umbrella_orgs, leaving, merging, excluded, cleared, awaiting]
        early_civil += [o for o in rest if o not in early_civil][:5]
        for organisation in early_civil:
            renewed[organisation.pk] = renew(
                organisation, self.moment(self.day_between(early_start, early_end))
            )

        # Everyone else from 2020–2023 is invited to renew, once.
        self.renewal_invited_at = _at(date(2024, 2, 1), 10, 0)
        services.renewal_invite_all(agreement=second, actor=self.secretary)

        # Of the others, the first twenty have not renewed (yet), two wait for review.
        late = [o for o in rest if o.pk not in renewed]
        pending_renewals, after_invitation = late[20:22], late[22:]
        renew_end = min(date(2024, 10, 31), today - timedelta(days=40))
        questioned_renewals = set(rng.sample(range(len(after_invitation)), 2))
        for index, organisation in enumerate(after_invitation):
            day = self.day_between(date(2024, 2, 2), renew_end, skew=1.7)
            renewed[organisation.pk] = renew(
                organisation, self.moment(day), with_question=index in questioned_renewals
            )

        # Newcomers sign for the first time.
        newcomer_start, newcomer_end = date(2024, 1, 15), today - timedelta(days=30)
        leaving_newcomer = next((s for s in newcomers if s.kind == KIND.NETWORK), newcomers[0])
        pending_newcomers = [s for s in newcomers if s is not leaving_newcomer][:4]
        active_newcomers = [
            s for s in newcomers if s is not leaving_newcomer and s not in pending_newcomers
        ]
        questioned_newcomers = set(rng.sample(range(len(active_newcomers)), 3))
        for index, spec in enumerate(active_newcomers):
            day = self.day_between(newcomer_start, newcomer_end)
            self.sign_and_approve(
                second, self.moment(day), spec=spec, with_question=index in questioned_newcomers
            )
        self.sign_and_approve(
            second,
            self.office_moment(date(2024, 3, 12)),
            organisation=municipal[COMPANY_SIGNING_NEW],
        )
        network_ended = self.sign_and_approve(
            second,
            self.moment(self.day_between(date(2024, 2, 5), date(2024, 3, 29))),
            spec=leaving_newcomer,
        )
        for spec, reason in fakes:
            signature = self.sign(
                second, self.moment(self.day_between(newcomer_start, newcomer_end)), spec=spec
            )
            self.decline(signature, self.later(self.event_times[signature.pk][-1], 2, 5), reason)

        # Waiting for review now.
        recent_plain = [self.moment(today - timedelta(days=d)) for d in (1, 6)]
        for spec, when in zip(pending_newcomers[:2], recent_plain, strict=True):
            self.sign(second, when, spec=spec)
        unanswered = self.sign(
            second, self.moment(today - timedelta(days=9)), spec=pending_newcomers[2]
        )
        self.ask(unanswered, self.office_moment(today - timedelta(days=7)), UNANSWERED_QUESTION)
        for target, days in ((pending_newcomers[3], 13), (pending_renewals[0], 12)):
            if isinstance(target, Organisation):
                signature = renew(target, self.moment(today - timedelta(days=days)), approve=False)
            else:
                signature = self.sign(
                    second, self.moment(today - timedelta(days=days)), spec=target
                )
            question, reply = QUESTIONS_AND_ANSWERS[days % len(QUESTIONS_AND_ANSWERS)]
            request = self.ask(
                signature, self.office_moment(today - timedelta(days=days - 2)), question
            )
            self.answer(request, self.moment(today - timedelta(days=days - 4)), reply)
        renew(pending_renewals[1], self.moment(today - timedelta(days=3)), approve=False)

        # Leaving during the period.
        self.withdraw(
            renewed[leaving.pk],
            self.moment(today - timedelta(days=45)),
            "Föreningen har lagts ned.",
            by_secretary=False,
        )
        successor = next(
            (
                o
                for o in associations
                if o.pk in renewed
                and o not in early_civil[:10]
                and set(self.specs[o.pk].districts) & set(self.specs[merging.pk].districts)
            ),
            next(o for o in associations if o.pk in renewed and o not in early_civil[:10]),
        )
        merged_on = today - timedelta(days=75)
        self.withdraw(
            renewed[merging.pk],
            self.moment(merged_on),
            f"Föreningen har gått samman med {successor.name} och fortsätter sin verksamhet där.",
            by_secretary=False,
        )
        services.organisation_link_create(
            predecessor=merging,
            successor=successor,
            kind=OrganisationLink.Kind.MERGED,
            on=merged_on,
            note=f"{merging.name} gick samman med {successor.name}.",
        )
        self.withdraw(
            network_ended,
            self.moment(today - timedelta(days=20)),
            "Nätverket avslutade sin verksamhet när projekttiden tog slut."
            if leaving_newcomer.kind == KIND.NETWORK
            else "Organisationen har avslutat sin verksamhet i Älvstad.",
            by_secretary=False,
        )

        # The exclusion routine: one exclusion, one case closed, one waiting for an answer.
        case = self.open_case(
            renewed[excluded.pk], self.office_moment(today - timedelta(days=100)), EXCLUSION_GROUNDS
        )
        self.respond(case, self.moment(today - timedelta(days=88)), EXCLUSION_RESPONSE)
        self.decide(
            case, _at(today - timedelta(days=60), 17, 30), exclude=True, decision=EXCLUSION_DECISION
        )
        case = self.open_case(
            renewed[cleared.pk], self.office_moment(today - timedelta(days=180)), CLOSED_GROUNDS
        )
        self.respond(case, self.moment(today - timedelta(days=171)), CLOSED_RESPONSE)
        self.decide(
            case, _at(today - timedelta(days=150), 17, 30), exclude=False, decision=CLOSED_DECISION
        )
        self.open_case(
            renewed[awaiting.pk], self.office_moment(today - timedelta(days=5)), OPEN_GROUNDS
        )

    # -- moving the story back in time -------------------------------------------------------

    def backdate(self) -> None:
        """Give every row made by the services the moment the story says it happened."""
        events = defaultdict(list)
        for event in SignatureEvent.objects.order_by("pk"):
            events[event.signature_id].append(event)
        changed_events = []
        signatures = []
        status_kinds = {
            SignatureEvent.Kind.SUBMITTED,
            SignatureEvent.Kind.APPROVED,
            SignatureEvent.Kind.DECLINED,
            SignatureEvent.Kind.WITHDRAWN,
            SignatureEvent.Kind.EXCLUDED,
            SignatureEvent.Kind.EXPIRED,
        }
        for signature in Signature.objects.all():
            times = self.event_times[signature.pk]
            rows = events[signature.pk]
            if len(times) != len(rows) or times != sorted(times):
                raise RuntimeError(f"The demo's timeline for signature {signature.pk} is wrong.")
            for event, when in zip(rows, times, strict=True):
                event.at = when
                changed_events.append(event)
            signature.signed_at = signature.created_at = times[0]
            signature.updated_at = times[-1]
            signature.status_changed_at = max(e.at for e in rows if e.kind in status_kinds)
            approvals = [e.at for e in rows if e.kind == SignatureEvent.Kind.APPROVED]
            signature.approved_at = approvals[-1] if approvals else None
            signatures.append(signature)
        SignatureEvent.objects.bulk_update(changed_events, ["at"], batch_size=500)
        Signature.objects.bulk_update(
            signatures,
            ["signed_at", "created_at", "updated_at", "status_changed_at", "approved_at"],
            batch_size=500,
        )

        applications = list(SignatureApplication.objects.all())
        for application in applications:
            filled_in, confirmed = self.application_times[application.pk]
            application.created_at, application.used_at = filled_in, confirmed
            application.expires_at = filled_in + timedelta(days=7)
        SignatureApplication.objects.bulk_update(
            applications, ["created_at", "used_at", "expires_at"], batch_size=500
        )

        requests = list(InformationRequest.objects.all())
        for request in requests:
            asked, answered = self.info_times[request.pk]
            request.asked_at, request.used_at = asked, answered
            request.expires_at = asked + timedelta(days=30)
        InformationRequest.objects.bulk_update(requests, ["asked_at", "used_at", "expires_at"])

        if self.renewal_invited_at:
            RenewalInvitation.objects.update(sent_at=self.renewal_invited_at)

        for case in ExclusionCase.objects.all():
            story = self.case_times[case.pk]
            case_events = list(case.events.order_by("pk"))
            for event, when in zip(case_events, story["events"], strict=True):
                event.at = when
            ExclusionCaseEvent.objects.bulk_update(case_events, ["at"])
            ExclusionCase.objects.filter(pk=case.pk).update(
                created_at=story["events"][0],
                updated_at=story["events"][-1],
                response_deadline=story["deadline"],
                responded_at=story["responded"],
            )

        organisations = list(Organisation.objects.all())
        for organisation in organisations:
            organisation.created_at = self.organisation_times[organisation.pk]
            organisation.updated_at = organisation.created_at
        Organisation.objects.bulk_update(
            organisations, ["created_at", "updated_at"], batch_size=500
        )

        first_signed = {
            row["signatory_email"].lower(): row["first"]
            for row in Signature.objects.values("signatory_email").annotate(first=Min("signed_at"))
        }
        users = list(User.objects.all())
        for user in users:
            user.date_joined = first_signed.get(user.email.lower(), _at(date(2019, 11, 25), 8))
        User.objects.bulk_update(users, ["date_joined"], batch_size=500)

        since = {
            (row["signatory_email"].lower(), row["organisation_id"]): row["first"]
            for row in Signature.objects.values("signatory_email", "organisation_id").annotate(
                first=Min("signed_at")
            )
        }
        representations = list(Representation.objects.select_related("user"))
        for representation in representations:
            first = since.get((representation.user.email.lower(), representation.organisation_id))
            if first:
                representation.since = timezone.localtime(first).date()
        Representation.objects.bulk_update(representations, ["since"], batch_size=500)


# --- Entry point -------------------------------------------------------------------------------


def _counts(first_email_pk: int) -> dict[str, int]:
    current = Agreement.objects.get(period_start=date(2024, 1, 1))
    by_status = {
        status: Signature.objects.filter(status=status).count() for status in SignatureStatus.values
    }
    invited = RenewalInvitation.objects.filter(agreement=current)
    return {
        "organisations": Organisation.objects.count(),
        "municipal_units": Organisation.objects.filter(
            kind__in=[KIND.MUNICIPAL_DEPARTMENT, KIND.MUNICIPAL_BOARD, KIND.MUNICIPAL_COMPANY]
        ).count(),
        "organisation_kinds": Organisation.objects.values("kind").distinct().count(),
        "areas": Area.objects.count(),
        "target_groups": TargetGroup.objects.count(),
        "districts": District.objects.count(),
        "agreements": Agreement.objects.count(),
        "signatures": Signature.objects.count(),
        "active_current": Signature.objects.filter(
            agreement=current, status=SignatureStatus.ACTIVE
        ).count(),
        **by_status,
        "info_requests": InformationRequest.objects.count(),
        "renewal_invitations": invited.count(),
        "not_renewed": invited.exclude(organisation__signatures__agreement=current).count(),
        "exclusion_cases": ExclusionCase.objects.count(),
        "organisation_links": OrganisationLink.objects.count(),
        "signature_events": SignatureEvent.objects.count(),
        "users": User.objects.count(),
        "emails": OutboundEmail.objects.filter(pk__gt=first_email_pk).count(),
    }


def load_demo(*, seed: int = 2024, today: date | None = None) -> dict[str, int]:
    """Fill an empty database with the Älvstad demo and return how many of each were made.

    `today` is the day the story ends (by default the real today); it must fall in the
    2024–2027 period, at least a few months in. Raises DemoDatabaseNotEmpty if there are
    organisations or agreements already."""
    today = today or timezone.localdate()
    if not EARLIEST_TODAY <= today <= LATEST_TODAY:
        raise ValueError(
            f"The demo's story ends during the 2024–2027 period: today must be between "
            f"{EARLIEST_TODAY} and {LATEST_TODAY}, not {today}."
        )
    if Organisation.objects.exists() or Agreement.objects.exists():
        raise DemoDatabaseNotEmpty(
            "The demo can only be loaded into an empty database, and this one already has "
            "organisations or agreements."
        )
    first_email_pk = OutboundEmail.objects.aggregate(last=Max("pk"))["last"] or 0
    demo = _Demo(seed=seed, today=today)
    # The services queue an email for every step; delivering them would print hundreds of
    # messages (console backend) or mail fictional people. They are queued, not delivered.
    with override_settings(OUTBOX_DELIVER_ON_COMMIT=False), transaction.atomic():
        demo.run()
        demo.backdate()
        # These are historical demo messages, "sent" when the story happened: mark them as
        # sent so that the outbox worker does not deliver them now.
        OutboundEmail.objects.filter(
            pk__gt=first_email_pk, status=OutboundEmail.Status.QUEUED
        ).update(status=OutboundEmail.Status.SENT, sent_at=timezone.now())
    return _counts(first_email_pk)
