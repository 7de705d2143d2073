"""Large, realistic, deterministic data for benchmarks (`samverkan seed_scale`).

Every capability has one function here that writes its rows with ``bulk_create`` in chunks,
setting the columns the services would set (sort keys, search documents, statuses, gapless
reference numbers). The same seed and the same day give the same rows, to the byte: random
choices come from ``random.Random`` seeded per capability, and every timestamp, UUID and token
is derived from the seed and the day instead of the clock.
"""

from __future__ import annotations

import hashlib
import random
import uuid
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db import models
from django.utils import timezone
from django.utils.text import slugify

from samverkan.core.swedish import search_document, sort_key

CHUNK = 2000

DEFAULTS: dict[str, int] = {
    "organisations": 20_000,
    "people": 50_000,
    "bodies": 300,
    "meetings": 10_000,
    "agenda_items": 100_000,
    "consultations": 2_000,
    "responses": 30_000,
    "contact_points": 500,
    "inquiries": 20_000,
    "watch_items": 5_000,
    "subscribers": 50_000,
}

# The least of each that gives every public page something to show.
MINIMUMS: dict[str, int] = {
    "organisations": 12,
    "people": 10,
    "bodies": 2,
    "meetings": 4,
    "agenda_items": 8,
    "consultations": 5,
    "responses": 0,
    "contact_points": 1,
    "inquiries": 0,
    "watch_items": 1,
    "subscribers": 0,
}


def scaled_counts(scale: float = 1.0, **overrides: int | None) -> dict[str, int]:
    """The default numbers times ``scale`` (never below the minimums), with explicit numbers
    taking precedence."""
    counts = {}
    for name, default in DEFAULTS.items():
        wanted = overrides.get(name)
        if wanted is None:
            wanted = round(default * scale)
        counts[name] = max(MINIMUMS[name], int(wanted))
    return counts


# --- Words ----------------------------------------------------------------------------------

PLACE_START = [
    "Norr", "Söder", "Väster", "Öster", "Älv", "Sjö", "Berg", "Lind", "Björk", "Ek", "Gran",
    "Hag", "Sand", "Strand", "Kvarn", "Mo", "Ås", "Dal", "Torp", "Vik", "Lunda", "Hed",
    "Ljung", "Tall", "Rönn", "Al", "Ström", "Fors", "Bäck", "Mal",
]  # fmt: skip
PLACE_END = [
    "by", "stad", "köping", "hult", "holm", "näs", "vik", "berga", "sund", "åker", "torp",
    "lunda", "ås", "dal", "hed", "fors", "mark", "bro", "ryd", "sjö",
]  # fmt: skip
ASSOCIATION_PREFIXES = [
    "Idrottsföreningen", "Kulturföreningen", "Hembygdsföreningen", "Pensionärsföreningen",
    "Föreningen Gemenskap i", "Scoutkåren", "Musikföreningen", "Schackklubben",
    "Byalaget", "Konstföreningen", "Teaterföreningen", "Ridklubben", "Fiskevårdsföreningen",
    "Hyresgästföreningen", "Föräldraföreningen", "Körföreningen", "Biblioteksvännerna i",
    "Kvinnojouren i", "Ungdomsföreningen", "Friluftsföreningen",
]  # fmt: skip
CLUB_SUFFIXES = ["IF", "IK", "FF", "BK", "SK", "GoIF"]
KIND_PREFIXES = {
    "foundation": ["Stiftelsen", "Stiftelsen Gården i", "Minnesfonden i"],
    "study_association": ["Studieförbundet Bildning", "Folkbildningsförbundet", "Studiecirkeln"],
    "faith_community": ["Församlingen i", "Missionskyrkan i", "Föreningen Moskén i"],
    "social_enterprise": ["Arbetskooperativet", "Sociala företaget", "Återbruket i"],
    "network": ["Nätverket för unga i", "Grannsamverkan", "Integrationsnätverket i"],
    "umbrella_body": ["Idrottsalliansen i", "Föreningsrådet i", "Samarbetsrådet i"],
}
DEPARTMENTS = [
    "Kommunledningsförvaltningen", "Socialförvaltningen", "Kultur- och fritidsförvaltningen",
    "Utbildningsförvaltningen", "Samhällsbyggnadsförvaltningen", "Miljöförvaltningen",
    "Arbetsmarknadsförvaltningen", "Vård- och omsorgsförvaltningen", "Tekniska förvaltningen",
    "Räddningstjänsten", "Kommunstyrelsen", "Socialnämnden", "Kultur- och fritidsnämnden",
    "Bostadsbolaget", "Energibolaget",
]  # fmt: skip
FIRST_NAMES = [
    "Anna", "Eva", "Maria", "Karin", "Sara", "Lena", "Kerstin", "Emma", "Ingrid", "Malin",
    "Sofia", "Elin", "Fatima", "Amina", "Linnea", "Åsa", "Märta", "Birgitta", "Johanna", "Ida",
    "Lars", "Erik", "Anders", "Johan", "Per", "Karl", "Mikael", "Nils", "Ahmed", "Mohammed",
    "Björn", "Göran", "Jonas", "Oskar", "Ali", "Hassan", "Örjan", "Stefan", "Thomas", "Leif",
]  # fmt: skip
SURNAMES = [
    "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson",
    "Persson", "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Jansson", "Hansson",
    "Bengtsson", "Jönsson", "Lindberg", "Jakobsson", "Magnusson", "Lindström", "Olofsson",
    "Lindqvist", "Lindgren", "Berg", "Axelsson", "Bergström", "Lundberg", "Lind", "Lundgren",
    "Lundqvist", "Mattsson", "Berglund", "Fredriksson", "Sandberg", "Henriksson", "Öberg",
    "Ali", "Mohamed", "Haglund", "Åberg",
]  # fmt: skip
AREAS = [
    "Idrott", "Kultur", "Socialt arbete", "Integration", "Miljö", "Utbildning", "Hälsa",
    "Funktionsrätt", "Äldre", "Barn och unga", "Krisberedskap", "Friluftsliv",
]  # fmt: skip
TARGET_GROUPS = [
    "Barn", "Unga", "Äldre", "Nyanlända", "Personer med funktionsnedsättning", "Familjer",
    "Kvinnor", "Alla",
]  # fmt: skip
DISTRICTS = [
    "Centrum", "Norrby", "Söderby", "Västerås gärde", "Östermalm", "Älvsbacka", "Sjöstaden",
    "Bergsjön", "Lindhagen", "Kvarnholmen", "Strandvik", "Landsbygden",
]  # fmt: skip
THEMES = [
    "Idrott och hälsa", "Integration", "Krisberedskap", "Kultur", "Barn och unga",
    "Äldres villkor", "Miljö och klimat", "Arbete och sysselsättning", "Trygghet",
    "Demokrati och delaktighet", "Boende", "Funktionsrätt",
]  # fmt: skip
PARTIES = [
    ("S", "Socialdemokraterna"), ("M", "Moderaterna"), ("SD", "Sverigedemokraterna"),
    ("C", "Centerpartiet"), ("V", "Vänsterpartiet"), ("KD", "Kristdemokraterna"),
    ("L", "Liberalerna"), ("MP", "Miljöpartiet"),
]  # fmt: skip
SUBJECTS = [
    "lokaler för föreningslivet", "bidrag till lovaktiviteter", "trygghet i centrum",
    "ungas fritid", "idéburet offentligt partnerskap", "integration av nyanlända",
    "krisberedskap i byarna", "tillgänglighet i parkerna", "äldres ensamhet",
    "föreningsbidragens regler", "kulturskolan", "simhallens öppettider",
    "spontanidrottsplatser", "mötesplatser för unga", "demokratidagen", "föreningarnas hus",
    "stöd till frivilliga", "sommarjobb för unga", "cykelvägar till skolan",
    "matbanken", "läxhjälp", "språkcaféer", "friluftsdagar", "hållbar upphandling",
]  # fmt: skip
VERBS = [
    "Information om", "Beslut om", "Dialog om", "Uppföljning av", "Remiss om",
    "Rapport om", "Förslag om", "Redovisning av", "Diskussion om", "Samråd om",
]  # fmt: skip
SENTENCES = [
    "Rådet diskuterade frågan och var överens om att arbetet ska fortsätta.",
    "Föreningarna lyfte behovet av fler lokaler på kvällstid.",
    "Förvaltningen redovisade hur bidragen fördelades under året.",
    "En arbetsgrupp ska ta fram ett förslag till nästa möte.",
    "Civilsamhällets representanter efterfrågade tydligare information i förväg.",
    "Kommunen och föreningarna ska gemensamt följa upp insatsen.",
    "Frågan bordläggs till nästa möte i väntan på underlag.",
    "Ordföranden tackade för en god dialog.",
    "Mötet informerades om den nya överenskommelsen och dess principer.",
    "Samverkan inom krisberedskap ska stärkas genom gemensamma övningar.",
]  # fmt: skip
PLACES = ["Stadshuset, sal Älven", "Föreningarnas hus", "Medborgarhuset", "Biblioteket, rum 2"]


def _ascii(text: str) -> str:
    return slugify(text.replace("å", "a").replace("ä", "a").replace("ö", "o")) or "x"


def _luhn_digit(digits: str) -> str:
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char) * (1 if position % 2 else 2)
        total += value - 9 if value > 9 else value
    return str((10 - total % 10) % 10)


def organisation_number(serial: int) -> str:
    """A valid, unique association number ("802xxx-xxxx") for a serial number (< 10**6):
    the third digit 2 keeps it from looking like a personal identity number."""
    first9 = f"802{serial:06d}"
    digits = first9 + _luhn_digit(first9)
    return f"{digits[:6]}-{digits[6:]}"


# --- Plumbing -------------------------------------------------------------------------------


@dataclass
class Context:
    """The seed, the day everything is dated from, and what earlier capabilities made."""

    seed: int
    today: date
    made: dict[str, list] = field(default_factory=dict)

    def rng(self, capability: str) -> random.Random:
        return random.Random(f"{self.seed}:{capability}")

    def at(self, day: date, hour: int = 12, minute: int = 0) -> datetime:
        return timezone.make_aware(datetime.combine(day, time(hour, minute)))

    @property
    def now(self) -> datetime:
        return self.at(self.today, 6)

    def uuid(self, rng: random.Random) -> uuid.UUID:
        return uuid.UUID(int=rng.getrandbits(128), version=4)

    def token_hash(self, rng: random.Random) -> str:
        return hashlib.sha256(rng.getrandbits(256).to_bytes(32, "big")).hexdigest()


def _chunks(items: Sequence, size: int = CHUNK) -> Iterator[Sequence]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _insert(model: type[models.Model], rows: Iterable[models.Model]) -> list:
    """bulk_create in chunks; returns the saved objects with their primary keys."""
    rows = list(rows)
    saved = []
    for chunk in _chunks(rows):
        saved.extend(model.objects.bulk_create(chunk, batch_size=CHUNK))
    return saved


def _fix_updated_at(model: type[models.Model]) -> None:
    """``updated_at`` is set by the clock on insert; make it the (derived) creation time."""
    model.objects.update(updated_at=models.F("created_at"))


def _spread(total: int, parts: int, rng: random.Random) -> list[int]:
    """``total`` split into ``parts`` numbers of about the same size."""
    if parts <= 0:
        return []
    base, rest = divmod(total, parts)
    sizes = [base] * parts
    for index in rng.sample(range(parts), rest):
        sizes[index] += 1
    return sizes


def _text(rng: random.Random, sentences: int) -> str:
    return " ".join(rng.choice(SENTENCES) for _ in range(sentences))


def _place_name(rng: random.Random) -> str:
    return rng.choice(PLACE_START) + rng.choice(PLACE_END)


# --- Capabilities ---------------------------------------------------------------------------


def seed_terms(ctx: Context) -> dict[str, int]:
    """Areas, target groups, districts, themes and parties: short curated lists."""
    from samverkan.collaboration_map.models import Theme
    from samverkan.meetings.models import Party
    from samverkan.organisations.models import Area, District, TargetGroup

    for model, names in ((Area, AREAS), (TargetGroup, TARGET_GROUPS), (District, DISTRICTS)):
        ctx.made[model.__name__] = _insert(
            model, (model(name=n, slug=_ascii(n), name_sort=sort_key(n)) for n in names)
        )
    ctx.made["Theme"] = _insert(
        Theme, (Theme(name=n, slug=_ascii(n), name_sort=sort_key(n)) for n in THEMES)
    )
    ctx.made["Party"] = _insert(Party, (Party(abbreviation=a, name=n) for a, n in PARTIES))
    return {"themes": len(THEMES), "districts": len(DISTRICTS), "areas": len(AREAS)}


def _agreement_periods(today: date) -> list[tuple[date, date]]:
    """Three periods of three years, the last one covering today."""
    start = date(today.year - 1, 1, 1)
    return [
        (date(start.year - 6, 1, 1), date(start.year - 4, 12, 31)),
        (date(start.year - 3, 1, 1), date(start.year - 1, 12, 31)),
        (start, date(start.year + 2, 12, 31)),
    ]


def seed_organisations(ctx: Context, count: int) -> dict[str, int]:
    """Organisations of every kind (about one in a hundred municipal), their terms, the
    agreement in three periods and signatures: most active in the current period."""
    from samverkan.organisations.models import (
        Agreement,
        AgreementSection,
        Organisation,
        OrganisationKind,
        Signature,
        SignatureEvent,
        SignatureStatus,
    )

    rng = ctx.rng("organisations")
    areas, groups, districts = ctx.made["Area"], ctx.made["TargetGroup"], ctx.made["District"]
    municipal = max(5, min(len(DEPARTMENTS), count // 100))
    kinds = [k for k in OrganisationKind.values if k not in {"municipal_department"}]
    weights = [70 if k == "association" else 4 for k in kinds]
    names_seen: set[str] = set()
    rows = []
    terms = []
    for n in range(count):
        if n < municipal:
            name = f"{DEPARTMENTS[n]}, Älvstads kommun"
            kind = "municipal_company" if "bolaget" in name else "municipal_department"
            number = None
        else:
            kind = rng.choices(kinds, weights)[0]
            if kind in {"municipal_board", "municipal_company"}:
                kind = "association"
            for attempt in range(20):
                place = _place_name(rng)
                if kind == "association":
                    prefix = rng.choice(ASSOCIATION_PREFIXES)
                    name = f"{prefix} {place}"
                    if prefix.startswith("Idrott") and rng.random() < 0.6:
                        name = f"{place} {rng.choice(CLUB_SUFFIXES)}"
                else:
                    name = f"{rng.choice(KIND_PREFIXES[kind])} {place}"
                if attempt >= 3:
                    name = f"{name} {rng.choice(DISTRICTS)}"
                if attempt >= 10:
                    name = f"{name} {n}"
                if name not in names_seen:
                    break
            number = organisation_number(n)
        names_seen.add(name)
        my_areas = rng.sample(areas, rng.randint(1, 3))
        my_groups = rng.sample(groups, rng.randint(0, 2))
        my_districts = rng.sample(districts, rng.randint(1, 2))
        description = (
            f"{name} arbetar med {my_areas[0].name.lower()} i {my_districts[0].name}. "
            + _text(rng, 2)
        )
        slug = _ascii(name)[:40]
        rows.append(
            Organisation(
                name=name,
                name_sort=sort_key(name),
                kind=kind,
                organisation_number=number,
                website=f"https://{slug}.example.org" if rng.random() < 0.5 else "",
                public_email=f"info@{slug}.example.org",
                description=description,
                public_id=ctx.uuid(rng),
                created_at=ctx.at(ctx.today - timedelta(days=rng.randint(400, 3000))),
                search_document=search_document(
                    name,
                    description,
                    str(OrganisationKind(kind).label),
                    *(a.name for a in my_areas),
                    *(g.name for g in my_groups),
                    *(d.name for d in my_districts),
                ),
            )
        )
        terms.append((my_areas, my_groups, my_districts))
    organisations = _insert(Organisation, rows)
    for field_name, index in (("areas", 0), ("target_groups", 1), ("districts", 2)):
        through = getattr(Organisation, field_name).through
        _insert(
            through,
            (
                through(organisation_id=org.pk, **{f"{term._meta.model_name}_id": term.pk})
                for org, chosen in zip(organisations, terms, strict=True)
                for term in chosen[index]
            ),
        )
    _fix_updated_at(Organisation)
    ctx.made["Organisation"] = organisations
    ctx.made["municipal"] = organisations[:municipal]
    ctx.made["civil"] = organisations[municipal:]

    agreements = []
    for start, end in _agreement_periods(ctx.today):
        agreements.append(
            Agreement(
                title=f"Överenskommelsen {start.year}–{end.year}",
                period_start=start,
                period_end=end,
                adopted_on=start - timedelta(days=60),
                adopted_by="Kommunfullmäktige",
                introduction=_text(rng, 4),
                status=Agreement.Status.PUBLISHED,
                published_at=ctx.at(start - timedelta(days=30)),
                created_at=ctx.at(start - timedelta(days=90)),
            )
        )
    agreements = _insert(Agreement, agreements)
    _fix_updated_at(Agreement)
    _insert(
        AgreementSection,
        (
            AgreementSection(
                agreement=agreement,
                kind=kind,
                title=title,
                body=_text(rng, 5),
                position=position,
            )
            for agreement in agreements
            for position, (kind, title) in enumerate(
                [
                    ("values", "Värderingar"),
                    ("principles", "Principer för samverkan"),
                    ("commitments", "Åtaganden"),
                ]
            )
        ),
    )
    ctx.made["Agreement"] = agreements

    S = SignatureStatus
    # (status weights) per period: oldest, previous, current.
    plans = [
        ([S.EXPIRED, S.WITHDRAWN], [35, 3], 0.45),
        ([S.EXPIRED, S.WITHDRAWN, S.EXCLUDED], [55, 3, 1], 0.65),
        ([S.ACTIVE, S.PENDING, S.DECLINED, S.WITHDRAWN, S.EXCLUDED], [80, 8, 2, 3, 1], 0.85),
    ]
    signatures, events_for = [], []
    for agreement, (statuses, weights, share) in zip(agreements, plans, strict=True):
        start = agreement.period_start
        for org in ctx.made["civil"]:
            if rng.random() >= share:
                continue
            status = rng.choices(statuses, weights)[0]
            signed = min(
                ctx.today - timedelta(days=1), start + timedelta(days=rng.randint(-30, 300))
            )
            approved = signed + timedelta(days=rng.randint(2, 20))
            if status != S.PENDING and approved >= ctx.today:
                approved = signed
            changed = approved
            if status in (S.WITHDRAWN, S.EXCLUDED, S.DECLINED):
                changed = min(ctx.today, approved + timedelta(days=rng.randint(10, 200)))
            elif status == S.EXPIRED:
                changed = agreement.period_end + timedelta(days=1)
            first, last = rng.choice(FIRST_NAMES), rng.choice(SURNAMES)
            signatures.append(
                Signature(
                    organisation=org,
                    agreement=agreement,
                    status=status,
                    status_changed_at=ctx.at(changed, 10),
                    signatory_name=f"{first} {last}",
                    signatory_role=rng.choice(["Ordförande", "Sekreterare", "Kassör"]),
                    signatory_email=f"{_ascii(first)}.{_ascii(last)}@{_ascii(org.name)[:30]}.example.org",
                    signed_at=ctx.at(signed, 9),
                    approved_at=None if status in (S.PENDING, S.DECLINED) else ctx.at(approved, 11),
                    created_at=ctx.at(signed, 9),
                )
            )
            events_for.append((status, signed, approved, changed))
    signatures = _insert(Signature, signatures)
    _fix_updated_at(Signature)
    events = []
    for signature, (status, signed, approved, changed) in zip(signatures, events_for, strict=True):
        events.append(
            SignatureEvent(
                signature=signature,
                kind="submitted",
                at=ctx.at(signed, 9),
                to_status=S.PENDING,
            )
        )
        if status != S.PENDING and status != S.DECLINED:
            events.append(
                SignatureEvent(
                    signature=signature,
                    kind="approved",
                    at=ctx.at(approved, 11),
                    from_status=S.PENDING,
                    to_status=S.ACTIVE,
                )
            )
        if status not in (S.PENDING, S.ACTIVE):
            events.append(
                SignatureEvent(
                    signature=signature,
                    kind=status,
                    at=ctx.at(changed, 10),
                    from_status=S.PENDING if status == S.DECLINED else S.ACTIVE,
                    to_status=status,
                )
            )
    _insert(SignatureEvent, events)
    return {
        "organisations": len(organisations),
        "agreements": len(agreements),
        "signatures": len(signatures),
    }


def seed_people(ctx: Context, count: int) -> dict[str, int]:
    """People who appear in bodies and minutes (not accounts)."""
    from samverkan.meetings.models import Person

    rng = ctx.rng("people")
    rows = []
    for n in range(count):
        first, last = rng.choice(FIRST_NAMES), rng.choice(SURNAMES)
        name = f"{first} {last}"
        rows.append(
            Person(
                name=name,
                name_sort=sort_key(name),
                email=f"{_ascii(first)}.{_ascii(last)}.{n}@exempel.se"
                if rng.random() < 0.7
                else "",
                phone=f"070-{rng.randint(1000000, 9999999)}" if rng.random() < 0.3 else "",
                created_at=ctx.at(ctx.today - timedelta(days=rng.randint(30, 2000))),
            )
        )
    ctx.made["Person"] = _insert(Person, rows)
    _fix_updated_at(Person)
    return {"people": count}


def seed_bodies(ctx: Context, count: int) -> dict[str, int]:
    """The council, and networks, area groups and working groups, with their seats."""
    from samverkan.meetings.models import Body, BodyKind, Membership, MembershipRole

    rng = ctx.rng("bodies")
    people, civil, municipal = ctx.made["Person"], ctx.made["civil"], ctx.made["municipal"]
    parties = ctx.made["Party"]
    start = ctx.today - timedelta(days=1500)
    council = _insert(
        Body,
        [
            Body(
                name="Samverkansrådet",
                short_name="Rådet",
                slug="samverkansradet",
                kind=BodyKind.COUNCIL,
                purpose="Rådet för samverkan mellan kommunen och civilsamhället.",
                active_from=start,
                created_at=ctx.at(start),
            )
        ],
    )[0]
    rows, slugs = [], {"samverkansradet"}
    for n in range(1, count):
        kind = rng.choice(
            [BodyKind.NETWORK, BodyKind.WORKING_GROUP, BodyKind.WORKING_GROUP, BodyKind.NETWORK]
        )
        topic = rng.choice(SUBJECTS)
        district = rng.choice(DISTRICTS)
        if kind == BodyKind.NETWORK:
            name = f"Nätverket för {topic} i {district}"
        else:
            name = f"Arbetsgruppen för {topic}, {district}"
        slug = _ascii(name)[:70]
        if slug in slugs:
            slug = f"{slug[:70]}-{n}"
        slugs.add(slug)
        ended = rng.random() < 0.05
        rows.append(
            Body(
                name=name,
                slug=slug,
                kind=kind,
                purpose=f"Samverkan om {topic} i {district}. " + _text(rng, 1),
                parent=council if kind == BodyKind.WORKING_GROUP else None,
                active_from=start + timedelta(days=rng.randint(0, 600)),
                active_to=ctx.today - timedelta(days=rng.randint(10, 300)) if ended else None,
                created_at=ctx.at(start),
            )
        )
    bodies = [council, *_insert(Body, rows)]
    _fix_updated_at(Body)
    ctx.made["Body"] = bodies

    seats: dict[int, list[Membership]] = {}
    memberships = []
    for body in bodies:
        size = 20 if body is council else rng.randint(5, 12)
        chosen = rng.sample(people, min(size, len(people)))
        body_seats = []
        for index, person in enumerate(chosen):
            role = (
                MembershipRole.CHAIR
                if index == 0
                else MembershipRole.SECRETARY
                if index == 1
                else MembershipRole.MEMBER
            )
            politician = body is council and index < 6
            body_seats.append(
                Membership(
                    body=body,
                    person=person,
                    organisation=None if politician else rng.choice(civil or municipal),
                    party=rng.choice(parties) if politician else None,
                    role=role,
                    title="kommunalråd" if politician and index == 0 else "",
                    start=body.active_from or start,
                    end=body.active_to,
                )
            )
        seats[body.pk] = body_seats
        memberships.extend(body_seats)
    _insert(Membership, memberships)
    ctx.made["seats"] = seats
    return {"bodies": len(bodies), "memberships": len(memberships)}


def seed_meetings(ctx: Context, count: int, agenda_items: int) -> dict[str, int]:
    """Meetings over three years back and half a year ahead: past ones mostly public with
    published minutes, attendance and decisions; coming ones with their notice sent."""
    from samverkan.meetings.models import (
        AgendaItem,
        Attendance,
        Decision,
        ItemType,
        Meeting,
        MeetingKind,
    )

    rng = ctx.rng("meetings")
    bodies = [b for b in ctx.made["Body"]]
    seats = ctx.made["seats"]
    first_day = ctx.today - timedelta(days=3 * 365)
    span = 3 * 365 + 180
    plans = []
    rows = []
    for n in range(count):
        body = bodies[0] if n % 10 == 0 else rng.choice(bodies)
        # The first meetings: one past with minutes and one to come, whatever the count.
        day = (
            ctx.today - timedelta(days=14)
            if n == 0
            else ctx.today + timedelta(days=10)
            if n == 1
            else first_day + timedelta(days=rng.randrange(span))
        )
        past = day < ctx.today
        public = n == 0 or rng.random() < 0.85
        minutes = past and (n == 0 or rng.random() < 0.9)
        start_hour = rng.choice([9, 13, 15, 17, 18])
        kind = MeetingKind.MEETING if rng.random() < 0.85 else MeetingKind.THEME_EVENING
        title = body.name if kind == MeetingKind.MEETING else f"Temakväll: {rng.choice(SUBJECTS)}"
        rows.append(
            Meeting(
                kind=kind,
                title=title,
                date=day,
                start_time=time(start_hour),
                end_time=time(start_hour + 2),
                place=rng.choice(PLACES),
                visibility=Meeting.Visibility.PUBLIC if public else Meeting.Visibility.MEMBERS,
                status=Meeting.Status.NOTICE_SENT
                if past or day < ctx.today + timedelta(days=30)
                else Meeting.Status.PLANNED,
                uid=ctx.uuid(rng),
                notice_sent_at=ctx.at(day - timedelta(days=14), 8)
                if past or day < ctx.today + timedelta(days=30)
                else None,
                minutes_status=Meeting.MinutesStatus.PUBLISHED
                if minutes
                else Meeting.MinutesStatus.NONE,
                minutes_published_at=ctx.at(day + timedelta(days=7), 10) if minutes else None,
                recorded_by=rng.choice(seats[body.pk]).person.name if minutes else "",
                minutes_introduction=_text(rng, 2) if minutes else "",
                created_at=ctx.at(day - timedelta(days=40)),
            )
        )
        plans.append((body, minutes))
    meetings = _insert(Meeting, rows)
    _fix_updated_at(Meeting)
    _insert(
        Meeting.bodies.through,
        (
            Meeting.bodies.through(meeting_id=m.pk, body_id=body.pk)
            for m, (body, _minutes) in zip(meetings, plans, strict=True)
        ),
    )

    items = []
    for meeting, size in zip(meetings, _spread(agenda_items, len(meetings), rng), strict=True):
        for position in range(1, size + 1):
            item_type = rng.choice(ItemType.values)
            subject = rng.choice(SUBJECTS)
            items.append(
                AgendaItem(
                    meeting=meeting,
                    position=position,
                    title=f"{rng.choice(VERBS)} {subject}",
                    item_type=item_type,
                    presenter=rng.choice(FIRST_NAMES) + " " + rng.choice(SURNAMES),
                    description=_text(rng, 1),
                    notes=_text(rng, 2) if meeting.minutes_status == "published" else "",
                )
            )
    items = _insert(AgendaItem, items)
    body_of = {m.pk: body for m, (body, _x) in zip(meetings, plans, strict=True)}
    decisions = []
    for item in items:
        meeting = item.meeting
        if meeting.minutes_status == "published" and item.item_type in (
            ItemType.DECISION,
            ItemType.INFORMATION_AND_DECISION,
        ):
            text = f"Rådet beslutade att godkänna {item.title.lower()}. " + rng.choice(SENTENCES)
            decisions.append(
                Decision(
                    agenda_item=item,
                    body=body_of[meeting.pk],
                    date=meeting.date,
                    text=text,
                    search_document=search_document(text, item.title),
                )
            )
    _insert(Decision, decisions)

    attendance = []
    for meeting, (body, minutes) in zip(meetings, plans, strict=True):
        if not minutes:
            continue
        for seat in seats[body.pk]:
            status = rng.choices(["present", "apologies", "absent"], [80, 15, 5])[0]
            attendance.append(
                Attendance(
                    meeting=meeting,
                    person=seat.person,
                    body=body,
                    organisation=seat.organisation,
                    party=seat.party,
                    role=seat.role,
                    status=status,
                )
            )
    _insert(Attendance, attendance)
    ctx.made["Meeting"] = meetings
    return {
        "meetings": len(meetings),
        "agenda items": len(items),
        "decisions": len(decisions),
        "attendance": len(attendance),
    }


def seed_contact_points(ctx: Context, count: int) -> dict[str, int]:
    """Contact points of every kind, with themes, owners and links among them."""
    from samverkan.collaboration_map.models import (
        ContactLink,
        ContactPoint,
        ContactPointKind,
        LinkKind,
        Want,
    )

    rng = ctx.rng("contact_points")
    themes, municipal = ctx.made["Theme"], ctx.made["municipal"]
    prefix = {
        ContactPointKind.FORUM: "Forum för",
        ContactPointKind.DEPARTMENT_ENTRY: "Ingång till förvaltningen för",
        ContactPointKind.HANDLING_TEAM: "Handläggarteam för",
        ContactPointKind.PLACE: "Mötesplats för",
        ContactPointKind.EXTERNAL_BODY: "Regionens samråd om",
        ContactPointKind.NETWORK: "Nätverk för",
    }
    rows, slugs, chosen_themes = [], set(), []
    for n in range(count):
        kind = rng.choice(ContactPointKind.values)
        name = f"{prefix[kind]} {rng.choice(SUBJECTS)} i {rng.choice(DISTRICTS)}"
        slug = _ascii(name)[:70]
        if slug in slugs:
            slug = f"{slug[:70]}-{n}"
        slugs.add(slug)
        rows.append(
            ContactPoint(
                name=name,
                name_sort=sort_key(name),
                slug=slug,
                kind=kind,
                purpose=_text(rng, 2),
                who_takes_part="Föreningar, förvaltningar och invånare.",
                email=f"{slug[:30]}@alvstad.example.org",
                phone=f"0123-{rng.randint(10000, 99999)}",
                visiting_address=f"{_place_name(rng)}gatan {rng.randint(1, 60)}",
                owner=rng.choice(municipal),
                offers=rng.sample(Want.values, rng.randint(1, 3)),
                opening_hours_or_rhythm=rng.choice(
                    ["Vardagar 9–16", "Fyra möten om året", "Varannan tisdag kl. 18"]
                ),
                description=_text(rng, 3),
                position=n,
                created_at=ctx.at(ctx.today - timedelta(days=rng.randint(30, 900))),
            )
        )
        chosen_themes.append(rng.sample(themes, rng.randint(1, 3)))
    points = _insert(ContactPoint, rows)
    _fix_updated_at(ContactPoint)
    through = ContactPoint.themes.through
    _insert(
        through,
        (
            through(contactpoint_id=p.pk, theme_id=t.pk)
            for p, ts in zip(points, chosen_themes, strict=True)
            for t in ts
        ),
    )
    links, seen = [], set()
    for point in points:
        for _ in range(rng.randint(0, 2)):
            other = rng.choice(points)
            kind = rng.choice(LinkKind.values)
            if other.pk != point.pk and (point.pk, other.pk, kind) not in seen:
                seen.add((point.pk, other.pk, kind))
                links.append(ContactLink(source=point, target=other, kind=kind))
    _insert(ContactLink, links)
    return {"contact points": len(points), "contact links": len(links)}


def seed_consultations(ctx: Context, count: int, responses: int) -> dict[str, int]:
    """Consultations in every state from the departments, consultees, and registered
    responses numbered without gaps per year; published once the reply-by date has passed."""
    from samverkan.consultations.models import (
        RESPONSE_PREFIX,
        Consultation,
        ConsultationEvent,
        ConsultationResponse,
        ConsultationState,
        Consultee,
        ResponseCounter,
        ResponseStatus,
    )

    rng = ctx.rng("consultations")
    municipal, civil = ctx.made["municipal"], ctx.made["civil"]
    themes, districts = ctx.made["Theme"], ctx.made["District"]
    S = ConsultationState
    rows, plans = [], []
    for n in range(count):
        state = (
            [S.OPEN, S.DECIDED, S.CLOSED, S.ANNOUNCED, S.DRAFT][n]
            if n < 5
            else rng.choices(
                [S.DRAFT, S.ANNOUNCED, S.OPEN, S.CLOSED, S.DECIDED], [4, 8, 15, 18, 55]
            )[0]
        )
        subject = rng.choice(SUBJECTS)
        title = f"Remiss: {rng.choice(['Förslag till', 'Plan för', 'Riktlinjer för', 'Program för'])} {subject}"
        # The timeline, relative to the state.
        if state in (S.DRAFT, S.ANNOUNCED):
            opened = ctx.today + timedelta(days=rng.randint(10, 90))
            reply_by = None
        elif state == S.OPEN:
            opened = ctx.today - timedelta(days=rng.randint(1, 30))
            reply_by = ctx.today + timedelta(days=rng.randint(5, 60))
        else:
            opened = ctx.today - timedelta(days=rng.randint(60, 1000))
            reply_by = opened + timedelta(days=rng.randint(30, 50))
        created = min(opened, ctx.today) - timedelta(days=rng.randint(20, 60))
        announced = created + timedelta(days=5)
        closed = reply_by + timedelta(days=1) if state in (S.CLOSED, S.DECIDED) else None
        decided = closed + timedelta(days=rng.randint(20, 50)) if state == S.DECIDED else None
        if decided and decided >= ctx.today:
            decided = ctx.today - timedelta(days=1)
        summary = f"Kommunen vill veta vad civilsamhället tycker om {subject}. " + _text(rng, 3)
        rows.append(
            Consultation(
                title=title,
                title_sort=sort_key(title),
                department=rng.choice(municipal),
                reference_number=f"KS {created.year}/{rng.randint(100, 2999)}",
                summary=summary,
                open_to_all=rng.random() < 0.4,
                state=state,
                expected_opening_on=opened,
                reply_by=reply_by,
                announced_at=ctx.at(announced, 9) if state != S.DRAFT else None,
                opened_at=ctx.at(opened, 9) if reply_by else None,
                closed_at=ctx.at(closed, 0, 5) if closed else None,
                decided_at=ctx.at(decided, 14) if decided else None,
                decision_url="https://alvstad.example.org/beslut" if decided else "",
                decision_account=_text(rng, 3) if decided else "",
                created_at=ctx.at(created, 8),
            )
        )
        plans.append(
            (
                rng.sample(themes, rng.randint(1, 2)),
                rng.sample(districts, rng.randint(0, 2)),
                (created, announced, opened, closed, decided),
            )
        )
    consultations = _insert(Consultation, rows)
    _fix_updated_at(Consultation)
    for name, index, model_field in (("themes", 0, "theme_id"), ("districts", 1, "district_id")):
        through = getattr(Consultation, name).through
        _insert(
            through,
            (
                through(consultation_id=c.pk, **{model_field: t.pk})
                for c, plan in zip(consultations, plans, strict=True)
                for t in plan[index]
            ),
        )

    events = []
    for c, (_t, _d, (created, announced, opened, closed, decided)) in zip(
        consultations, plans, strict=True
    ):
        timeline = [("created", created)]
        if c.state != S.DRAFT:
            timeline.append(("announced", announced))
        if c.reply_by:
            timeline.append(("opened", opened))
        if closed:
            timeline.append(("closed", closed))
        if decided:
            timeline.append(("decided", decided))
        events.extend(
            ConsultationEvent(consultation=c, kind=kind, at=ctx.at(day, 9))
            for kind, day in timeline
        )
    _insert(ConsultationEvent, events)

    consultees, asked = [], {}
    for c in consultations:
        chosen = rng.sample(civil, min(len(civil), rng.randint(3, 8)))
        asked[c.pk] = chosen
        consultees.extend(
            Consultee(consultation=c, organisation=o, added_at=c.created_at) for o in chosen
        )
    _insert(Consultee, consultees)

    answerable = [c for c in consultations if c.state in (S.OPEN, S.CLOSED, S.DECIDED)]
    rows, counters = [], defaultdict(int)
    received_times = []
    sizes = _spread(responses, len(answerable), rng) if answerable else []
    for c, size in zip(answerable, sizes, strict=True):
        opened = c.opened_at.date()
        last_day = min(c.reply_by, ctx.today - timedelta(days=1))
        window = max(0, (last_day - opened).days)
        for k in range(size):
            day = opened + timedelta(days=rng.randint(0, window))
            received_times.append((ctx.at(day, 8 + k % 10, k % 60), c, k))
    received_times.sort(key=lambda entry: (entry[0], entry[1].pk, entry[2]))
    for received, c, k in received_times:
        organisation = None
        if k < len(asked[c.pk]):
            organisation = asked[c.pk][k]
        elif not c.open_to_all:
            organisation = rng.choice(civil)
        first, last = rng.choice(FIRST_NAMES), rng.choice(SURNAMES)
        counters[received.year] += 1
        rows.append(
            ConsultationResponse(
                consultation=c,
                organisation=organisation,
                organisation_text="" if organisation else rng.choice(["", "Privatperson"]),
                responder_name=f"{first} {last}",
                responder_email=f"{_ascii(first)}.{_ascii(last)}@exempel.se",
                text=f"Vi tackar för möjligheten att svara på remissen. {_text(rng, 4)}",
                status=ResponseStatus.REGISTERED,
                created_at=received - timedelta(minutes=5),
                reference=f"{RESPONSE_PREFIX}-{received.year}-{counters[received.year]:05d}",
                received_at=received,
                secrecy_review=rng.random() < 0.01,
            )
        )
    _insert(ConsultationResponse, rows)
    _insert(
        ResponseCounter,
        (ResponseCounter(year=y, last_number=n) for y, n in sorted(counters.items())),
    )
    ctx.made["Consultation"] = consultations
    return {"consultations": len(consultations), "responses": len(rows)}


def seed_inquiries(ctx: Context, count: int) -> dict[str, int]:
    """Handling teams (one the fallback) and registered inquiries in every status, numbered
    without gaps per year, with their history."""
    from samverkan.inquiries.models import (
        REFERENCE_PREFIX,
        HandlingTeam,
        Inquiry,
        InquiryCounter,
        InquiryEvent,
        InquiryKind,
        InquiryStatus,
    )

    rng = ctx.rng("inquiries")
    teams = _insert(
        HandlingTeam,
        (
            HandlingTeam(
                name=name,
                slug=_ascii(name),
                description=f"Handlägger frågor om {name.lower()}.",
                function_email=f"{_ascii(name)}@alvstad.example.org",
                is_fallback=n == 0,
                created_at=ctx.at(ctx.today - timedelta(days=800)),
            )
            for n, name in enumerate(
                ["Föreningsservice", "Bidrag", "Lokaler", "Partnerskap", "Kultur och fritid"]
            )
        ),
    )
    _fix_updated_at(HandlingTeam)
    civil, areas = ctx.made["civil"], ctx.made["Area"]
    plans = []
    for n in range(count):
        created = ctx.at(ctx.today - timedelta(days=rng.randint(0, 700)), 8 + n % 10, n % 60)
        plans.append((created, n))
    plans.sort()
    rows, counters = [], defaultdict(int)
    S = InquiryStatus
    for created, _n in plans:
        status = rng.choices(
            [S.UNCONFIRMED, S.NEW, S.IN_PROGRESS, S.WAITING_FOR_SENDER, S.FORWARDED, S.CLOSED],
            [3, 5, 8, 3, 2, 79],
        )[0]
        registered = status != S.UNCONFIRMED
        received = created + timedelta(minutes=10)
        reference = None
        if registered:
            counters[received.year] += 1
            reference = f"{REFERENCE_PREFIX}-{received.year}-{counters[received.year]:05d}"
        organisation = rng.choice(civil) if rng.random() < 0.7 else None
        first, last = rng.choice(FIRST_NAMES), rng.choice(SURNAMES)
        subject = rng.choice(SUBJECTS)
        team = rng.choice(teams)
        rows.append(
            Inquiry(
                public_id=ctx.uuid(rng),
                reference=reference,
                kind=rng.choice(InquiryKind.values),
                subject=f"Fråga om {subject}",
                text=f"Hej! Vi undrar hur kommunen ser på {subject}. {_text(rng, 2)}",
                topic=rng.choice(areas),
                organisation=organisation,
                organisation_kind=organisation.kind if organisation else "",
                sender_name=f"{first} {last}",
                sender_email=f"{_ascii(first)}.{_ascii(last)}@exempel.se",
                created_at=created,
                email_confirmed_at=received if registered else None,
                received_at=received if registered else None,
                team=team if registered else None,
                routed_by=Inquiry.RoutedBy.RULE if registered else "",
                status=status,
                reply_due_at=received + timedelta(days=2) if registered else None,
                first_reply_at=received + timedelta(days=1)
                if status in (S.CLOSED, S.WAITING_FOR_SENDER)
                else None,
                closed_at=received + timedelta(days=rng.randint(1, 20))
                if status == S.CLOSED
                else None,
                outcome="Besvarad." if status == S.CLOSED else "",
            )
        )
    inquiries = _insert(Inquiry, rows)
    _insert(
        InquiryCounter,
        (InquiryCounter(year=y, last_number=n) for y, n in sorted(counters.items())),
    )
    events = []
    for inquiry in inquiries:
        events.append(
            InquiryEvent(
                inquiry=inquiry, kind="submitted", at=inquiry.created_at, to_status="unconfirmed"
            )
        )
        if inquiry.received_at:
            events.append(
                InquiryEvent(
                    inquiry=inquiry,
                    kind="registered",
                    at=inquiry.received_at,
                    to_team=inquiry.team,
                    from_status="unconfirmed",
                    to_status="new",
                )
            )
        if inquiry.closed_at:
            events.append(
                InquiryEvent(
                    inquiry=inquiry,
                    kind="closed",
                    at=inquiry.closed_at,
                    from_status="in_progress",
                    to_status="closed",
                )
            )
    _insert(InquiryEvent, events)
    return {"inquiries": len(inquiries), "handling teams": len(teams)}


def seed_watch_items(ctx: Context, count: int) -> dict[str, int]:
    """Watch-list items with owners, themes, districts and dated updates from meetings."""
    from samverkan.watchlist.models import (
        WatchItem,
        WatchItemKind,
        WatchItemStatus,
        WatchItemUpdate,
    )
    from samverkan.watchlist.selectors import title_key

    rng = ctx.rng("watch_items")
    municipal, themes, districts = ctx.made["municipal"], ctx.made["Theme"], ctx.made["District"]
    council_meetings = [
        m
        for m in ctx.made["Meeting"]
        if m.minutes_status == "published" and m.visibility == "public"
    ]
    rows, keys, plans = [], set(), []
    kinds = {
        WatchItemKind.PROJECT: "Projektet",
        WatchItemKind.ASSIGNMENT: "Uppdraget",
        WatchItemKind.DEVELOPMENT_WORK: "Utvecklingsarbetet",
        WatchItemKind.NETWORK: "Nätverket",
        WatchItemKind.CONSULTATION: "Remissen",
    }
    for n in range(count):
        kind = rng.choice(list(kinds))
        district = rng.choice(districts)
        title = f"{kinds[kind]} {rng.choice(SUBJECTS)} i {district.name}"
        if title_key(title) in keys:
            title = f"{title} ({_place_name(rng)} {n})"
        key = title_key(title)
        keys.add(key)
        owner = rng.choice(municipal)
        description = _text(rng, 3)
        contact = f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"
        my_themes = rng.sample(themes, rng.randint(1, 2))
        updates = []
        for _ in range(rng.randint(1, 3)):
            meeting = rng.choice(council_meetings) if council_meetings else None
            updates.append(
                (
                    meeting.date if meeting else ctx.today - timedelta(days=rng.randint(1, 900)),
                    _text(rng, 2),
                    rng.choices(["", "paused", "final_phase", "finished"], [70, 10, 10, 10])[0],
                    meeting,
                )
            )
        updates.sort(key=lambda u: u[0])
        status = next((u[2] for u in reversed(updates) if u[2]), WatchItemStatus.ONGOING)
        rows.append(
            WatchItem(
                kind=kind,
                title=title,
                title_key=key,
                title_sort=sort_key(title),
                description=description,
                owner=owner,
                contact_name=contact,
                contact_role="Projektledare",
                contact_email=f"{_ascii(contact)}@alvstad.example.org",
                contact_email_public=rng.random() < 0.3,
                status=status,
                status_changed_at=ctx.at(updates[-1][0], 15),
                created_at=ctx.at(updates[0][0] - timedelta(days=30)),
                search_document=search_document(
                    title,
                    description,
                    contact,
                    "Projektledare",
                    owner.name,
                    *(t.name for t in my_themes),
                    district.name,
                    *(u[1] for u in reversed(updates)),
                ),
            )
        )
        plans.append((my_themes, district, updates))
    items = _insert(WatchItem, rows)
    _insert(
        WatchItem.themes.through,
        (
            WatchItem.themes.through(watchitem_id=i.pk, theme_id=t.pk)
            for i, plan in zip(items, plans, strict=True)
            for t in plan[0]
        ),
    )
    _insert(
        WatchItem.districts.through,
        (
            WatchItem.districts.through(watchitem_id=i.pk, district_id=plan[1].pk)
            for i, plan in zip(items, plans, strict=True)
        ),
    )
    updates = _insert(
        WatchItemUpdate,
        (
            WatchItemUpdate(item=i, date=day, note=note, status=status, meeting=meeting)
            for i, plan in zip(items, plans, strict=True)
            for day, note, status, meeting in plan[2]
        ),
    )
    ctx.made["WatchItem"] = items
    return {"watch items": len(items), "watch updates": len(updates)}


def seed_subscribers(ctx: Context, count: int) -> dict[str, int]:
    """Subscribers following themes, districts, bodies and departments: most confirmed and
    weekly, some at once, a few unconfirmed or bounced."""
    from samverkan.subscriptions import topics
    from samverkan.subscriptions.models import Frequency, Subscriber, SubscriptionTopic
    from samverkan.subscriptions.services import manage_token

    rng = ctx.rng("subscribers")
    keys = (
        [topics.theme(t) for t in ctx.made["Theme"]]
        + [topics.district(d) for d in ctx.made["District"]]
        + [topics.body(b) for b in ctx.made["Body"]]
        + [topics.department(o) for o in ctx.made["municipal"]]
    )
    rows = []
    for n in range(count):
        confirmed = rng.random() < 0.9
        created = ctx.at(ctx.today - timedelta(days=rng.randint(1, 700)), 8 + n % 12)
        rows.append(
            Subscriber(
                email=f"prenumerant{n + 1}@exempel.se",
                language="en" if rng.random() < 0.1 else "sv",
                frequency=Frequency.IMMEDIATE if rng.random() < 0.2 else Frequency.WEEKLY,
                created_at=created,
                confirmed_at=created + timedelta(minutes=30) if confirmed else None,
                bounced_at=created + timedelta(days=30)
                if confirmed and rng.random() < 0.01
                else None,
                confirm_token_hash=None if confirmed else ctx.token_hash(rng),
                confirm_sent_at=None if confirmed else created,
                manage_salt=f"{rng.getrandbits(64):016x}",
                manage_token_hash=ctx.token_hash(rng),  # replaced below, once the pk is known
            )
        )
    subscribers = _insert(Subscriber, rows)
    from samverkan.core.models import hash_token

    for subscriber in subscribers:
        subscriber.manage_token_hash = hash_token(manage_token(subscriber))
    for chunk in _chunks(subscribers):
        Subscriber.objects.bulk_update(chunk, ["manage_token_hash"])
    links = _insert(
        SubscriptionTopic,
        (
            SubscriptionTopic(subscriber=s, topic=key)
            for s in subscribers
            for key in rng.sample(keys, min(len(keys), rng.randint(1, 4)))
        ),
    )
    return {"subscribers": len(subscribers), "subscription topics": len(links)}


CAPABILITIES = (
    "terms",
    "organisations",
    "people",
    "bodies",
    "meetings",
    "contact_points",
    "consultations",
    "inquiries",
    "watch_items",
    "subscribers",
)


def steps(ctx: Context, counts: dict[str, int]) -> list[tuple[str, object]]:
    """The capabilities in order, each a callable; later ones use what earlier ones made."""
    return [
        ("terms", lambda: seed_terms(ctx)),
        ("organisations", lambda: seed_organisations(ctx, counts["organisations"])),
        ("people", lambda: seed_people(ctx, counts["people"])),
        ("bodies", lambda: seed_bodies(ctx, counts["bodies"])),
        ("meetings", lambda: seed_meetings(ctx, counts["meetings"], counts["agenda_items"])),
        ("contact_points", lambda: seed_contact_points(ctx, counts["contact_points"])),
        (
            "consultations",
            lambda: seed_consultations(ctx, counts["consultations"], counts["responses"]),
        ),
        ("inquiries", lambda: seed_inquiries(ctx, counts["inquiries"])),
        ("watch_items", lambda: seed_watch_items(ctx, counts["watch_items"])),
        ("subscribers", lambda: seed_subscribers(ctx, counts["subscribers"])),
    ]
