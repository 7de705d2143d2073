"""Demo data for En väg in in the fictional Älvstads kommun.

`load_demo` runs after `samverkan.organisations.demo.load_demo` (it needs the demo secretary,
the areas of activity and the signatories). It makes the handling teams (one per grant type:
aktivitetsstöd, lokalbidrag, kulturbidrag and bidrag till sociala föreningar; IOP and
partnership; premises; and the fallback team "En väg in – allmänt"), their members, the routing
rules, and about forty inquiries in every state — unconfirmed, new (one of them overdue), in
progress, waiting for the sender, forwarded, closed, and one whose sender's personal data has
been erased — with their threads.

Everything is made through the services, as the site makes it. The services stamp the present
moment, so afterwards the timestamps are moved back to when the story says things happened,
with `QuerySet.update()` (as the other demos do), and the reference numbers are given again in
order of arrival, so that each year's numbers still run without gaps. The emails the services
queue are marked as sent: they are history, not mail for fictional people.

The same seed and the same `today` always give the same demo.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.db.models import Max
from django.test import override_settings
from django.utils import timezone

from samverkan.accounts.models import User
from samverkan.accounts.services import user_get_or_create
from samverkan.inquiries import services
from samverkan.inquiries.deadlines import add_working_days, is_working_day, reply_due
from samverkan.inquiries.models import (
    REFERENCE_PREFIX,
    HandlingTeam,
    Inquiry,
    InquiryCounter,
    InquiryEvent,
    InquiryLink,
    InquiryMessage,
    InquiryStatus,
    RoutingRule,
)
from samverkan.organisations.demo import SECRETARY_EMAIL, DemoDatabaseNotEmpty
from samverkan.organisations.models import Area, Organisation, SignatureStatus
from samverkan.outbox.models import OutboundEmail

MUNICIPAL_DOMAIN = "alvstad.example.org"

# (name, slug, description, function mailbox, target, unit, fallback, members)
TEAMS: list[tuple[str, str, str, str, int, str, bool, list[str]]] = [
    (
        "Aktivitetsstöd",
        "aktivitetsstod",
        "Stöd till föreningar för aktiviteter med barn och unga: ansökan, redovisning av "
        "deltagartillfällen och regler.",
        "aktivitetsstod",
        3,
        "working_days",
        False,
        ["Jonas Berg", "Amira Haddad"],
    ),
    (
        "Lokalbidrag",
        "lokalbidrag",
        "Bidrag till föreningar som hyr eller äger lokaler och anläggningar.",
        "lokalbidrag",
        3,
        "working_days",
        False,
        ["Lena Holm"],
    ),
    (
        "Kulturbidrag",
        "kulturbidrag",
        "Arrangemangsbidrag, projektbidrag och verksamhetsbidrag till kulturföreningar.",
        "kulturbidrag",
        5,
        "working_days",
        False,
        ["Erik Nyström", "Sofia Lind"],
    ),
    (
        "Bidrag till sociala föreningar",
        "sociala-foreningar",
        "Bidrag till föreningar som arbetar med socialt stöd, till exempel stödgrupper, "
        "kvinnojourer och brottsofferstöd.",
        "socialabidrag",
        3,
        "working_days",
        False,
        ["Maja Ekström", "Fatima Ali"],
    ),
    (
        "IOP och partnerskap",
        "iop",
        "Idéburet offentligt partnerskap (IOP) och andra långsiktiga samarbeten mellan "
        "kommunen och idéburna organisationer.",
        "partnerskap",
        5,
        "working_days",
        False,
        ["Karin Sundberg", "Oskar Wikström"],
    ),
    (
        "Lokaler och bokning",
        "lokaler",
        "Föreningarnas hus, skollokaler på kvällar och helger, och andra lokaler att låna "
        "eller hyra.",
        "lokalbokning",
        24,
        "hours",
        False,
        ["Per Olsson"],
    ),
    (
        "En väg in – allmänt",
        "allmant",
        "Tar emot frågor, idéer och förslag som inte hör till något annat team, och hjälper "
        "till att hitta rätt.",
        "envagin",
        2,
        "working_days",
        True,
        ["Nadia Karlsson"],
    ),
]

# (priority, team slug, kind, topic, words, note)
RULES: list[tuple[int, str, str, str, str, str]] = [
    (10, "aktivitetsstod", "grant", "", "aktivitetsstöd, aktivitetsbidrag, deltagartillfällen", ""),
    (
        20,
        "lokalbidrag",
        "grant",
        "",
        "lokalbidrag, hyresbidrag, anläggningsbidrag, driftbidrag",
        "",
    ),
    (30, "kulturbidrag", "grant", "", "kulturbidrag, arrangemangsbidrag, konsert, utställning", ""),
    (40, "kulturbidrag", "grant", "Kultur", "", "Bidrag inom kultur"),
    (50, "sociala-foreningar", "grant", "Socialt arbete", "", "Bidrag inom socialt arbete"),
    (60, "sociala-foreningar", "grant", "", "stödgrupp, kvinnojour, brottsoffer, hemlöshet", ""),
    (70, "aktivitetsstod", "grant", "Idrott", "", "Idrottsföreningar söker oftast aktivitetsstöd"),
    (80, "aktivitetsstod", "grant", "Barn och unga", "", ""),
    (90, "iop", "partnership", "", "", ""),
    (
        100,
        "iop",
        "",
        "",
        "IOP, idéburet offentligt partnerskap",
        "Nämns IOP går det till IOP-teamet",
    ),
    (110, "lokaler", "premises", "", "", ""),
    (120, "lokaler", "", "", "föreningarnas hus, boka lokal, lokalbokning", ""),
]

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in folded if c.isascii() and (c.isalnum() or c in ".-"))


def _staff_email(name: str) -> str:
    return f"{_ascii(name.replace(' ', '.'))}@{MUNICIPAL_DOMAIN}"


# --- The stories ---------------------------------------------------------------------------------

# A step: (hours after arrival, action, who, text, extra). Who is a handler's name, or "" for
# the sender; extra is the team slug to forward to.
Step = tuple[float, str, str, str, str]


@dataclass
class Story:
    days_ago: int
    kind: str
    subject: str
    text: str
    sender: str
    topic: str = ""
    # A signatory's name (typed as written if the register has no such signatory), or
    # "register": a signatory active in the story's topic, drawn by the seed.
    organisation: str = ""
    team: str = ""  # the team the sender chose (from the ladder's link)
    steps: list[Step] = field(default_factory=list)
    confirmed: bool = True
    attachment: str = ""


STORIES: list[Story] = [
    Story(
        days_ago=190,
        kind="grant",
        subject="Redovisning av deltagartillfällen vårterminen",
        text="Hej! Vi är nya i styrelsen och undrar hur vi redovisar deltagartillfällen för "
        "aktivitetsstödet. Räknas ledare med? Vi har både träningar och matcher.",
        sender="Mikael Strand",
        topic="Idrott",
        organisation="Kvarnbys Fotbollsklubb",
        steps=[
            (3, "take", "Jonas Berg", "", ""),
            (
                4,
                "reply",
                "Jonas Berg",
                "Hej Mikael! Ledare räknas inte som deltagare, men "
                "både träningar och matcher räknas som aktiviteter om de pågår minst en timme. "
                "Redovisningen görs i e-tjänsten när terminen är slut. Hör av dig om något är oklart.",
                "",
            ),
            (52, "close", "Jonas Berg", "Besvarat: så redovisas deltagartillfällen.", ""),
        ],
    ),
    Story(
        days_ago=160,
        kind="grant",
        subject="Hyresbidrag för klubblokalen",
        text="Vi hyr en källarlokal på Åsen för våra träffar och vill söka hyresbidrag. "
        "Vilka underlag behövs?",
        sender="Britt Lundqvist",
        topic="Fritid",
        organisation="Lindås Schackklubb",
        attachment="hyresavtal.pdf",
        steps=[
            (20, "take", "Lena Holm", "", ""),
            (
                21,
                "ask",
                "Lena Holm",
                "Tack! För att bedöma ansökan behöver vi veta hur många "
                "timmar i veckan lokalen används och om ni hyr ut den vidare till andra.",
                "",
            ),
            (
                70,
                "answer",
                "",
                "Vi använder den ungefär tolv timmar i veckan och hyr inte ut "
                "den till någon annan.",
                "",
            ),
            (
                75,
                "reply",
                "Lena Holm",
                "Tack, då uppfyller ni villkoren. Skicka ansökan i "
                "e-tjänsten med hyresavtalet bifogat före sista ansökningsdag.",
                "",
            ),
            (
                200,
                "close",
                "Lena Holm",
                "Ansökan om hyresbidrag inkom och beviljades: 18 400 kr för året.",
                "",
            ),
        ],
    ),
    Story(
        days_ago=140,
        kind="idea",
        subject="Konsert i parken med föreningarnas körer",
        text="Vi är flera körer som vill göra en gemensam konsert i Stadsparken nästa sommar. Kan "
        "kommunen hjälpa till med scen och ljud, eller finns det bidrag att söka?",
        sender="Ingrid Holmberg",
        organisation="Älvstads körförbund",
        steps=[
            (5, "take", "Nadia Karlsson", "", ""),
            (
                6,
                "forward",
                "Nadia Karlsson",
                "Konserter och arrangemang handläggs av "
                "kulturbidragsteamet, som också kan svara om scen och ljud.",
                "kulturbidrag",
            ),
            (30, "take", "Erik Nyström", "", ""),
            (
                31,
                "reply",
                "Erik Nyström",
                "Hej Ingrid! Ni kan söka arrangemangsbidrag för "
                "konserten. Scen finns att låna via kulturförvaltningen. Jag skickar blanketten.",
                "",
            ),
            (
                330,
                "close",
                "Erik Nyström",
                "Arrangemangsbidrag beviljat, 12 000 kr, och scen utlånad till konserten.",
                "",
            ),
        ],
    ),
    Story(
        days_ago=120,
        kind="question",
        subject="Fråga om min sons förening",
        text="Min son är med i en förening och jag undrar vem som ansvarar när de åker på "
        "läger. Jag vill inte skriva föreningens namn här.",
        sender="Patrik Sjöberg",
        steps=[
            (10, "take", "Nadia Karlsson", "", ""),
            (
                11,
                "reply",
                "Nadia Karlsson",
                "Hej Patrik! Ansvaret under läger ligger hos "
                "föreningen och dess ledare. Kommunen kan inte svara för en enskild förening, men "
                "du kan alltid vända dig till föreningens styrelse.",
                "",
            ),
            (60, "close", "Nadia Karlsson", "Besvarat med allmän information.", ""),
            (
                2000,
                "erase",
                "",
                "Avsändarens begäran per e-post; hela handlingen finns i kommunens diarium.",
                "",
            ),
        ],
    ),
    Story(
        days_ago=100,
        kind="partnership",
        subject="Idéburet offentligt partnerskap om läxhjälp",
        text="Vi driver läxhjälp i Norrby tre kvällar i veckan med volontärer. Vi vill "
        "undersöka om ett IOP med kommunen är möjligt för att kunna planera långsiktigt.",
        sender="Leila Nasser",
        topic="Barn och unga",
        organisation="Föreningen Läxhjälpen Älvstad",
        steps=[
            (4, "take", "Karin Sundberg", "", ""),
            (
                6,
                "reply",
                "Karin Sundberg",
                "Hej Leila! Roligt! Vi föreslår ett första möte "
                "där vi går igenom vad ni gör och vad ett IOP innebär. Passar torsdag nästa vecka klockan 15?",
                "",
            ),
            (30, "answer", "", "Torsdag passar bra. Vi kommer två personer.", ""),
            (
                400,
                "close",
                "Karin Sundberg",
                "Möte hållet; föreningen skickar en idéskiss. "
                "Fortsatt dialog i nytt ärende när skissen finns.",
                "",
            ),
        ],
    ),
    Story(
        days_ago=80,
        kind="grant",
        subject="Bidrag till stödgrupp för anhöriga",
        text="Vi startar en stödgrupp för anhöriga till personer med missbruk och vill veta "
        "vilka bidrag vi kan söka.",
        sender="Gunilla Åberg",
        topic="Socialt arbete",
        organisation="Nätverket för psykisk hälsa i Älvstad",
        steps=[
            (8, "take", "Maja Ekström", "", ""),
            (
                9,
                "reply",
                "Maja Ekström",
                "Hej Gunilla! Ni kan söka verksamhetsbidrag till "
                "sociala föreningar. Ansökningstiden står på kommunens webbplats.",
                "",
            ),
            (40, "close", "Maja Ekström", "Besvarat: information om verksamhetsbidrag.", ""),
        ],
    ),
    Story(
        days_ago=20,
        kind="grant",
        subject="Arrangemangsbidrag för utställning",
        text="Konstföreningen planerar en utställning med lokala konstnärer i november. Vi "
        "vill söka arrangemangsbidrag för hyra och affischer.",
        sender="Anders Palm",
        topic="Kultur",
        organisation="Sjöviks Konstförening",
        steps=[
            (6, "take", "Sofia Lind", "", ""),
            (
                28,
                "reply",
                "Sofia Lind",
                "Hej Anders! Ansökan ser bra ut. Vi behandlar den på "
                "nästa beslutsmöte och hör av oss efter det.",
                "",
            ),
        ],
    ),
    Story(
        days_ago=9,
        kind="grant",
        subject="Verksamhetsbidrag till tjejjouren",
        text="Vi vill söka verksamhetsbidrag för nästa år. Vi har fått fler kontakter än "
        "tidigare och behöver utöka jourtiderna.",
        sender="Sara Holm",
        topic="Socialt arbete",
        organisation="Tjejjouren Älvstad",
        steps=[
            (5, "take", "Fatima Ali", "", ""),
            (
                7,
                "ask",
                "Fatima Ali",
                "Tack! Kan ni skicka budgeten för nästa år och "
                "verksamhetsberättelsen för förra året?",
                "",
            ),
        ],
    ),
    Story(
        days_ago=6,
        kind="premises",
        subject="Lokal för språkcaféer",
        text="Vi behöver en lokal två kvällar i veckan för språkcaféer som vi vill driva "
        "tillsammans med kommunen under flera år, kanske som ett partnerskap.",
        sender="Yusuf Demir",
        organisation="Föreningen Språkvännerna",
        steps=[
            (
                20,
                "forward",
                "Per Olsson",
                "Frågan handlar mest om ett möjligt IOP; IOP-teamet "
                "tar den vidare och hjälper också till med lokal.",
                "iop",
            ),
        ],
    ),
    Story(
        days_ago=8,
        kind="idea",
        subject="Förslag: digital anslagstavla för föreningar",
        text="Det vore bra med en gemensam anslagstavla där föreningar kan annonsera "
        "aktiviteter och söka volontärer.",
        sender="Elin Björk",
        organisation="Vinterö hembygdsförening",
    ),
    Story(
        days_ago=0,
        kind="premises",
        subject="Boka lokal i Föreningarnas hus",
        text="Kan vi boka stora salen i Föreningarnas hus en lördag i december för vårt "
        "årsmöte? Vi är ungefär 60 personer.",
        sender="Tomas Ek",
        organisation="Älvstads Föreningsråd",
    ),
    Story(
        days_ago=1,
        kind="question",
        subject="Hur blir vi partner i ett IOP?",
        text="Vi såg partnerskapet på kartan över samverkan och undrar hur vi går vidare.",
        sender="Hanna Wallin",
        organisation="Röda Korset Älvstad",
        team="iop",
    ),
    Story(
        days_ago=12,
        kind="grant",
        subject="Aktivitetsstöd för nystartad klubb",
        text="Vi har startat en klättringsklubb för unga. Kan vi få aktivitetsstöd redan "
        "första året?",
        sender="Oliver Nord",
        topic="Idrott",
        organisation="Sjöviks klätterklubb",
        steps=[(30, "take", "Amira Haddad", "", "")],
    ),
    Story(
        days_ago=4,
        kind="consultation",
        subject="Remiss om detaljplan vid skjutbanan",
        text="Vi har hört att en detaljplan påverkar vår skjutbana. Vi vill gärna vara "
        "remissinstans och få lämna synpunkter i tid.",
        sender="Rolf Hedlund",
        organisation="Ödmarkens Jakt- & Viltvårdsförening",
        steps=[
            (3, "take", "Nadia Karlsson", "", ""),
            (
                5,
                "reply",
                "Nadia Karlsson",
                "Hej Rolf! Vi har kontaktat stadsbyggnad och ber "
                "dem lägga till er på sändlistan för samrådet. Vi återkommer.",
                "",
            ),
        ],
    ),
    Story(
        days_ago=0,
        kind="idea",
        subject="Cykelreparationer för unga",
        text="Vi vill ordna en cykelverkstad för unga i Söderport under sommarlovet.",
        sender="Jenny Kvist",
        confirmed=False,
    ),
    Story(
        days_ago=3,
        kind="question",
        subject="Fråga om föreningsbidrag",
        text="Hej, vilka bidrag finns för en ny förening?",
        sender="Kim Larsson",
        confirmed=False,
    ),
]

# Closed inquiries through the year, for the statistics: (kind, topic, subject).
ROUTINE: list[tuple[str, str, str]] = [
    ("grant", "Idrott", "Aktivitetsstöd för höstterminen"),
    ("grant", "Idrott", "Fråga om aktivitetsbidrag för läger"),
    ("grant", "Kultur", "Kulturbidrag till teaterföreställning"),
    ("grant", "Fritid", "Driftbidrag för föreningsgården"),
    ("grant", "Socialt arbete", "Bidrag till brottsofferjouren"),
    ("grant", "Barn och unga", "Stöd till sommaraktiviteter för barn"),
    ("question", "Demokrati", "Hur anmäler vi oss till valkvällen?"),
    ("question", "", "Var hittar jag överenskommelsen?"),
    ("idea", "Miljö och klimat", "Gemensam skräpplockardag"),
    ("idea", "Integration", "Språkcafé på biblioteket"),
    ("proposal", "Trygghet", "Förslag om belysning vid idrottsplatsen"),
    ("proposal", "Äldre", "Förslag om träffpunkt för äldre i Kvarnby"),
    ("premises", "", "Låna skolans gympasal på helger"),
    ("premises", "Kultur", "Replokal för ungdomsband"),
    ("partnership", "Socialt arbete", "Samarbete om stödboende"),
    ("consultation", "Miljö och klimat", "Synpunkter på grönplanen"),
    ("other", "", "Tack för temakvällen"),
    ("grant", "Funktionsrätt", "Bidrag till anpassad idrott"),
    ("question", "Folkbildning", "Studieförbundens lokaler"),
    ("idea", "Hälsa", "Promenadgrupper i Ängsbacka"),
    ("grant", "Kultur", "Arrangemangsbidrag för konsert"),
    ("grant", "Idrott", "Redovisning av deltagartillfällen"),
    ("premises", "", "Boka lokal för årsmöte"),
    ("question", "Krisberedskap", "Föreningarnas roll vid kris"),
]
FIRST_NAMES = ["Anna", "Johan", "Maria", "Ali", "Eva", "Lars", "Sofia", "Ahmed", "Karin", "Nils"]
LAST_NAMES = ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Hassan", "Larsson"]


# --- Loading ------------------------------------------------------------------------------------


@dataclass
class _Plan:
    """What happened to one inquiry and when, for moving its timestamps afterwards."""

    inquiry: Inquiry
    created: datetime
    received: datetime | None
    times: dict[int, datetime] = field(default_factory=dict)  # event pk → when
    messages: dict[int, datetime] = field(default_factory=dict)  # message pk → when
    first_reply: datetime | None = None
    closed: datetime | None = None
    erased: datetime | None = None


class _Demo:
    def __init__(self, *, seed: int, today: date) -> None:
        self.random = random.Random(seed)
        self.today = today
        self.now = timezone.now()
        self.plans: list[_Plan] = []
        self.staff: dict[str, User] = {}
        self.teams: dict[str, HandlingTeam] = {}
        self.areas_of: dict[int, set[str]] = {}

    def at(self, days_ago: int, hour: int, minute: int = 0) -> datetime:
        day = self.today - timedelta(days=days_ago)
        return timezone.make_aware(datetime.combine(day, time(hour, minute)))

    def office(self, when: datetime, after: datetime) -> datetime:
        """A handler's action moved into office hours (8–17 on a working day), and after the
        step before it."""
        local = timezone.localtime(max(when, after + timedelta(minutes=5)))
        day = local.date()
        if is_working_day(day) and local.hour < 8:
            return timezone.make_aware(datetime.combine(day, time(8, local.minute)))
        if is_working_day(day) and local.hour < 17:
            return local
        next_day = add_working_days(day, 1)
        return timezone.make_aware(
            datetime.combine(next_day, time(8 + local.hour % 3, local.minute))
        )

    def create_teams(self, secretary: User) -> None:
        for name, slug, description, mailbox, target, unit, fallback, members in TEAMS:
            emails = [_staff_email(member) for member in members]
            if fallback:
                emails.append(secretary.email)
            team = services.team_create(
                name=name,
                slug=slug,
                description=description,
                function_email=f"{mailbox}@{MUNICIPAL_DOMAIN}",
                reply_target=target,
                reply_target_unit=unit,
                is_fallback=fallback,
                member_emails=emails,
            )
            self.teams[slug] = team
            for member in members:
                user = user_get_or_create(email=_staff_email(member), full_name=member)
                self.staff[member] = user
        areas = {a.name: a for a in Area.objects.all()}
        for priority, slug, kind, topic, words, note in RULES:
            if topic and topic not in areas:
                continue
            services.routing_rule_create(
                team=self.teams[slug],
                priority=priority,
                kind=kind,
                topic=areas.get(topic),
                words=words,
                note=note,
            )

    def _mark(self, plan: _Plan, when: datetime, before: tuple[int, int]) -> None:
        events = InquiryEvent.objects.filter(inquiry=plan.inquiry, pk__gt=before[0])
        for pk in events.values_list("pk", flat=True):
            plan.times[pk] = when
        messages = InquiryMessage.objects.filter(inquiry=plan.inquiry, pk__gt=before[1])
        for pk in messages.values_list("pk", flat=True):
            plan.messages[pk] = when

    @staticmethod
    def _marks() -> tuple[int, int]:
        return (
            InquiryEvent.objects.aggregate(m=Max("pk"))["m"] or 0,
            InquiryMessage.objects.aggregate(m=Max("pk"))["m"] or 0,
        )

    def tell(self, story: Story, signatories: list[Organisation], secretary: User) -> None:
        hour = self.random.choice([8, 9, 10, 11, 13, 14, 15, 16, 19, 21])
        received = self.at(story.days_ago, hour, self.random.randrange(0, 60, 5))
        if received > self.now:
            received = self.now - timedelta(hours=1)
        created = received - timedelta(minutes=self.random.randint(2, 40))
        organisation = None
        organisation_text = ""
        if story.organisation == "register":
            in_topic = [o for o in signatories if story.topic in self.areas_of[o.pk]]
            if in_topic or signatories:
                organisation = self.random.choice(in_topic or signatories)
        elif story.organisation:
            organisation = next((o for o in signatories if o.name == story.organisation), None)
            organisation_text = "" if organisation else story.organisation
        first, *rest = story.sender.split()
        domain = "example.org" if self.random.random() < 0.6 else "example.com"
        uploads = (
            [SimpleUploadedFile(story.attachment, PDF, "application/pdf")]
            if story.attachment
            else []
        )
        before = self._marks()
        draft = services.inquiry_submit(
            kind=story.kind,
            subject=story.subject,
            text=story.text,
            sender_email=f"{_ascii(first)}.{_ascii(''.join(rest))}@{domain}",
            sender_name=story.sender,
            organisation=organisation,
            organisation_text=organisation_text,
            topic=Area.objects.filter(name=story.topic).first() if story.topic else None,
            requested_team=self.teams.get(story.team),
            uploads=uploads,
        )
        plan = _Plan(inquiry=draft, created=created, received=None)
        self._mark(plan, created, before)
        self.plans.append(plan)
        if not story.confirmed:
            return
        before = self._marks()
        inquiry, token = services.inquiry_confirm(raw_token=draft.raw_token)
        plan.inquiry = inquiry
        plan.received = received
        self._mark(plan, received, before)
        previous = received
        for hours, action, who, text, extra in story.steps:
            when = received + timedelta(hours=hours)
            if action == "answer":
                when = max(when, previous + timedelta(minutes=10))
            else:
                when = self.office(when, previous)
            if when >= self.now:
                break
            previous = when
            actor = self.staff.get(who, secretary)
            before = self._marks()
            inquiry.refresh_from_db()
            if action == "take":
                services.inquiry_take(inquiry=inquiry, actor=actor)
            elif action in ("reply", "ask"):
                service = (
                    services.inquiry_reply if action == "reply" else services.inquiry_request_info
                )
                service(inquiry=inquiry, actor=actor, text=text)
                plan.first_reply = plan.first_reply or when
            elif action == "answer":
                services.inquiry_sender_answer(raw_token=token, text=text)
            elif action == "forward":
                services.inquiry_forward(
                    inquiry=inquiry, actor=actor, to_team=self.teams[extra], reason=text
                )
            elif action == "close":
                services.inquiry_close(inquiry=inquiry, actor=actor, outcome=text)
                plan.closed = when
            elif action == "erase":
                services.inquiry_erase_personal_data(inquiry=inquiry, actor=secretary, basis=text)
                plan.erased = when
            self._mark(plan, when, before)

    def routine(self, signatories: list[Organisation], secretary: User) -> None:
        """Closed inquiries spread over the last year, answered within a few working days."""
        for index, (kind, topic, subject) in enumerate(ROUTINE):
            days_ago = 30 + (index * 320) // len(ROUTINE) + self.random.randint(0, 6)
            while not is_working_day(self.today - timedelta(days=days_ago)):
                days_ago += 1
            reply_hours = self.random.choice([2, 5, 20, 26, 44, 50, 70, 96, 120])
            close_hours = reply_hours + self.random.choice([1, 24, 72, 160, 300])
            sender = f"{self.random.choice(FIRST_NAMES)} {self.random.choice(LAST_NAMES)}"
            story = Story(
                days_ago=days_ago,
                kind=kind,
                subject=subject,
                text=f"{subject}. Vi skulle vilja veta mer om hur det går till.",
                sender=sender,
                topic=topic,
                organisation="register" if self.random.random() < 0.7 else "",
            )
            story.steps = [
                (reply_hours - 0.5, "take", "", "", ""),
                (
                    reply_hours,
                    "reply",
                    "",
                    "Tack för ditt meddelande! Här kommer svar på din "
                    "fråga, och en länk till mer information.",
                    "",
                ),
                (close_hours, "close", "", "Besvarat.", ""),
            ]
            self.tell(story, signatories, secretary)
            plan = self.plans[-1]
            team = plan.inquiry.team
            handler = team.members.order_by("email").first() if team else None
            if handler is not None:
                InquiryEvent.objects.filter(pk__in=plan.times, actor=secretary).update(
                    actor=handler
                )
                InquiryMessage.objects.filter(pk__in=plan.messages, author=secretary).update(
                    author=handler
                )
                Inquiry.objects.filter(pk=plan.inquiry.pk).update(assigned_to=handler)

    def backdate(self) -> None:
        """Move every timestamp to when the story says it happened; renumber per year."""
        for plan in self.plans:
            inquiry = Inquiry.objects.select_related("team").get(pk=plan.inquiry.pk)
            for pk, when in plan.times.items():
                InquiryEvent.objects.filter(pk=pk).update(at=when)
            for pk, when in plan.messages.items():
                InquiryMessage.objects.filter(pk=pk).update(sent_at=when)
            InquiryLink.objects.filter(inquiry=inquiry, purpose="confirm").update(
                created_at=plan.created,
                expires_at=plan.created + timedelta(hours=services.CONFIRMATION_HOURS),
            )
            changes: dict[str, object] = {"created_at": plan.created}
            if plan.received is not None:
                team = inquiry.team
                due = (
                    reply_due(plan.received, target=team.reply_target, unit=team.reply_target_unit)
                    if team
                    else None
                )
                changes.update(
                    received_at=plan.received,
                    email_confirmed_at=plan.received,
                    reply_due_at=due,
                    first_reply_at=plan.first_reply,
                    closed_at=plan.closed,
                    anonymised_at=plan.erased,
                )
                InquiryLink.objects.filter(inquiry=inquiry, purpose="confirm").update(
                    used_at=plan.received
                )
            Inquiry.objects.filter(pk=inquiry.pk).update(**changes)
        registered = Inquiry.objects.filter(received_at__isnull=False).order_by("received_at", "pk")
        for pk in registered.values_list("pk", flat=True):
            Inquiry.objects.filter(pk=pk).update(reference=f"TMP-{pk}")
        counters: dict[int, int] = {}
        for inquiry in registered:
            year = timezone.localtime(inquiry.received_at).year
            counters[year] = counters.get(year, 0) + 1
            Inquiry.objects.filter(pk=inquiry.pk).update(
                reference=f"{REFERENCE_PREFIX}-{year}-{counters[year]:05d}"
            )
        InquiryCounter.objects.all().delete()
        InquiryCounter.objects.bulk_create(
            InquiryCounter(year=year, last_number=n) for year, n in counters.items()
        )


def _counts(first_email_pk: int) -> dict[str, int]:
    counts = {
        "handling teams": HandlingTeam.objects.count(),
        "routing rules": RoutingRule.objects.count(),
        "inquiries": Inquiry.objects.count(),
    }
    for status in InquiryStatus:
        counts[f"inquiries {status.value}"] = Inquiry.objects.filter(status=status).count()
    counts["inquiries overdue"] = Inquiry.objects.overdue().count()
    counts["inquiries erased"] = Inquiry.objects.filter(anonymised_at__isnull=False).count()
    counts["inquiry messages"] = InquiryMessage.objects.count()
    counts["emails"] = OutboundEmail.objects.filter(pk__gt=first_email_pk).count()
    return counts


def load_demo(*, seed: int = 2024, today: date | None = None) -> dict[str, int]:
    """Fill En väg in with the Älvstad demo and return how many of each were made.

    Run it after the organisations demo. `today` (by default the real today) is the day the
    story has reached; steps that would lie in the real future are left out. Raises
    DemoDatabaseNotEmpty if there are handling teams or inquiries already."""
    today = today or timezone.localdate()
    if HandlingTeam.objects.exists() or Inquiry.objects.exists():
        raise DemoDatabaseNotEmpty(
            "The En väg in demo can only be loaded once, into a database without handling "
            "teams or inquiries."
        )
    secretary = User.objects.filter(email=SECRETARY_EMAIL).first()
    if secretary is None:
        raise DemoDatabaseNotEmpty(
            "Load the organisations demo (samverkan.organisations.demo.load_demo) first: the "
            "En väg in demo needs its secretary, areas and signatories."
        )
    first_email_pk = OutboundEmail.objects.aggregate(last=Max("pk"))["last"] or 0
    demo = _Demo(seed=seed, today=today)
    with override_settings(OUTBOX_DELIVER_ON_COMMIT=False), transaction.atomic():
        demo.create_teams(secretary)
        signatories = list(
            Organisation.objects.filter(signatures__status=SignatureStatus.ACTIVE)
            .exclude(kind__startswith="municipal")
            .distinct()
            .order_by("name_sort", "pk")
            .prefetch_related("areas")
        )
        for organisation in signatories:
            demo.areas_of[organisation.pk] = {a.name for a in organisation.areas.all()}
        demo.routine(signatories, secretary)
        for story in STORIES:
            demo.tell(story, signatories, secretary)
        demo.backdate()
        OutboundEmail.objects.filter(
            pk__gt=first_email_pk, status=OutboundEmail.Status.QUEUED
        ).update(status=OutboundEmail.Status.SENT, sent_at=timezone.now())
    return _counts(first_email_pk)
