"""Demo data: the consultations (remisser) of "Älvstads kommun", in every state.

`load_demo` runs after the organisations, meetings and collaboration_map demos on the same
database and uses what they made: the secretary, the departments, the themes, the districts
and the signatories with their approved representatives (the consultees). It creates none of
those. Everything goes through the services, as the secretary and the representatives would do
it; dates are then set relative to today so the demo stays sensible. The emails it queues are
marked as sent, so the demo mails nobody. The consultations are written out by hand; `seed`
only chooses which signatories are asked.
"""

from __future__ import annotations

import random
from datetime import timedelta

from django.db import transaction
from django.db.models import Max
from django.test.utils import override_settings
from django.utils import timezone

from samverkan.accounts.models import User
from samverkan.collaboration_map.models import Theme
from samverkan.consultations import services
from samverkan.consultations.models import (
    Consultation,
    ConsultationEvent,
    ConsultationResponse,
    ConsultationState,
)
from samverkan.organisations.demo import SECRETARY_EMAIL, DemoDatabaseNotEmpty
from samverkan.organisations.models import MUNICIPAL_KINDS, District, Organisation, Representation
from samverkan.outbox.models import OutboundEmail

S = ConsultationState

# title, reference, summary, easy-read, state, open_to_all, department hint, themes (words)
CONSULTATIONS = [
    (
        "Remiss: vräkningsförebyggande arbete",
        "Soc 2026/412",
        "Socialförvaltningen föreslår ett program för att förebygga vräkningar, med tidiga "
        "hembesök, budgetrådgivning och samarbete med hyresvärdar och föreningar. Vad kan "
        "föreningarna bidra med, och vad saknas?",
        "Kommunen vill att färre ska förlora sitt hem. Vi vill veta vad föreningar kan göra.",
        S.OPEN,
        False,
        "social",
        ("boende", "social", "trygg"),
    ),
    (
        "Översiktsplanen Vårt framtida Älvstad",
        "Ks 1216/2018",
        "Översiktsplanen visar hur kommunen ska växa till 2040: bostäder, grönområden, "
        "idrottsplatser och mötesplatser i alla områden, också utanför centrum.",
        "Planen visar var det ska byggas hus, parker och platser för idrott.",
        S.OPEN,
        True,
        "stadsbyggnad",
        ("idrott", "miljö", "demokrati"),
    ),
    (
        "Föreningsbidrag – nya regler",
        "KFN 2026/88",
        "Bidragsremissen: kultur- och fritidsnämnden föreslår nya regler för aktivitetsstöd, "
        "lokalbidrag och startbidrag. Förslaget gör det enklare för små föreningar att söka.",
        "Nya regler för pengar till föreningar. Det ska bli lättare för små föreningar.",
        S.ANNOUNCED,
        True,
        "kultur",
        ("idrott", "kultur", "folkbildning"),
    ),
    (
        "NPF-anpassad skola",
        "BUN 2026/301",
        "Förvaltningen vill göra skolorna bättre för elever med neuropsykiatriska "
        "funktionsnedsättningar och frågar NPF-föreningarna och andra berörda.",
        "Skolan ska bli bättre för barn med adhd och autism.",
        S.ANNOUNCED,
        False,
        "förskola",
        ("barn", "funktion"),
    ),
    (
        "Detaljplan för skjutbanan vid Norrskogen",
        "Bn 2025/1177",
        "Detaljplanen ändrar markanvändningen runt skjutbanan. Föreningar som använder "
        "området ombeds svara.",
        "Planen ändrar vad marken vid skjutbanan får användas till.",
        S.CLOSED,
        False,
        "stadsbyggnad",
        ("idrott", "miljö"),
    ),
    (
        "Kulturstrategi 2027–2030",
        "KFN 2025/640",
        "En ny kulturstrategi med fokus på barn och unga, folkbildning och kultur i alla områden.",
        "En plan för kultur i hela kommunen.",
        S.DECIDED,
        True,
        "kultur",
        ("kultur", "barn", "folkbildning"),
    ),
    (
        "Handlingsplan för trygghet i Vivalla",
        "Ks 2025/902",
        "Handlingsplanen samlar kommunens, polisens och föreningarnas insatser för trygghet.",
        "En plan för att fler ska känna sig trygga.",
        S.DECIDED,
        False,
        "kommunledning",
        ("trygg", "integration"),
    ),
    (
        "Lokalförsörjning för föreningslivet",
        "Ks 2026/77",
        "Hur ska kommunens lokaler delas mellan föreningarna? Utredningen föreslår en ny "
        "bokningsmodell.",
        "",
        S.DRAFT,
        False,
        "kommunledning",
        ("lokal",),
    ),
]


def _pick(items, words):
    return [i for i in items if any(w in i.name.casefold() for w in words)]


def load_demo(*, seed: int = 2024) -> dict[str, int]:
    """Fill the consultations with the Älvstad demo; returns how many of each were made."""
    if Consultation.objects.exists():
        raise DemoDatabaseNotEmpty("The consultations demo can only be loaded once.")
    secretary = User.objects.filter(email=SECRETARY_EMAIL).first()
    departments = list(
        Organisation.objects.filter(kind__in=MUNICIPAL_KINDS).order_by("name_sort", "pk")
    )
    if secretary is None or not departments:
        raise DemoDatabaseNotEmpty(
            "Load the organisations demo first: the consultations demo needs its secretary "
            "and departments."
        )
    rng = random.Random(seed)
    today = timezone.localdate()
    themes = list(Theme.objects.all())
    districts = list(District.objects.order_by("name_sort", "pk"))
    representations = list(
        Representation.objects.filter(approved=True, user__is_active=True)
        .exclude(organisation__kind__in=MUNICIPAL_KINDS)
        .select_related("organisation", "user")
        .order_by("organisation__name_sort", "pk")
    )
    rep_of: dict[int, Representation] = {}
    for representation in representations:
        rep_of.setdefault(representation.organisation_id, representation)
    consultee_pool = [r.organisation for r in rep_of.values()]
    first_email = OutboundEmail.objects.aggregate(last=Max("pk"))["last"] or 0
    with override_settings(OUTBOX_DELIVER_ON_COMMIT=False), transaction.atomic():
        for index, (title, ref, summary, easy, state, open_to_all, hint, words) in enumerate(
            CONSULTATIONS
        ):
            department = next((d for d in departments if hint in d.name.casefold()), departments[0])
            consultation = services.consultation_create(
                actor=secretary,
                title=title,
                department=department,
                reference_number=ref,
                summary=summary,
                easy_read_summary=easy,
                open_to_all=open_to_all,
                themes=_pick(themes, words)[:3],
                districts=rng.sample(districts, k=min(len(districts), index % 3)),
            )
            asked = rng.sample(consultee_pool, k=min(len(consultee_pool), 4))
            for organisation in asked:
                services.consultee_add(
                    consultation=consultation, actor=secretary, organisation=organisation
                )
            if state == S.DRAFT:
                continue
            if state == S.ANNOUNCED:
                services.consultation_announce(
                    consultation=consultation,
                    actor=secretary,
                    expected_opening_on=today + timedelta(days=14 + 7 * index),
                )
                continue
            services.consultation_announce(
                consultation=consultation, actor=secretary, expected_opening_on=today
            )
            consultation = services.consultation_open(
                consultation=consultation, actor=secretary, reply_by=today + timedelta(days=30)
            )
            answering = asked[: 2 + index % 2]
            for number, organisation in enumerate(answering):
                representation = rep_of[organisation.pk]
                services.response_submit(
                    consultation=consultation,
                    user=representation.user,
                    organisation=organisation,
                    text=(
                        f"{organisation.name} har läst förslaget. Vi ser gärna att "
                        "föreningarna bjuds in tidigt, och att insatserna når alla områden, "
                        "också utanför centrum."
                    ),
                )
                if index == 0 and number == 0:
                    # A representative changes their mind: the first response is superseded.
                    services.response_submit(
                        consultation=consultation,
                        user=representation.user,
                        organisation=organisation,
                        text=f"{organisation.name} kompletterar: vi kan erbjuda lokaler "
                        "för budgetrådgivning två kvällar i veckan.",
                        replace=True,
                    )
            if index == 1:
                draft = services.response_submit_open(
                    consultation=consultation,
                    name="Karin Lind",
                    email="karin.lind@example.org",
                    organisation_text="Boende i Vivalla",
                    text="Bygg fler mötesplatser för unga i Vivalla.",
                )
                services.response_confirm(raw_token=draft.raw_token)
            if state == S.OPEN:
                continue
            Consultation.objects.filter(pk=consultation.pk).update(
                reply_by=today - timedelta(days=20 + 10 * index)
            )
            consultation.refresh_from_db()
            consultation = services.consultation_close(consultation=consultation, actor=secretary)
            if state == S.CLOSED:
                sensitive = consultation.responses.filter(superseded_by__isnull=True).first()
                if sensitive is not None:
                    services.response_secrecy_mark(
                        response=sensitive,
                        actor=secretary,
                        note="Innehåller uppgifter om en enskild person.",
                    )
                continue
            services.consultation_decide(
                consultation=consultation,
                actor=secretary,
                decision_url=f"https://www.alvstad.example.org/beslut/{ref.replace(' ', '-').replace('/', '-')}",
                decision_account=(
                    "Remissvaren ledde till tre ändringar: fler insatser utanför centrum, "
                    "föreningarna bjuds in till en årlig uppföljning och en lättläst version "
                    "tas fram."
                ),
            )
        # Spread the history over the past weeks so that the dated lifecycle reads well.
        for event in ConsultationEvent.objects.select_related("consultation"):
            c = event.consultation
            offset = {
                "announced": 60,
                "opened": 45,
                "closed": 15,
                "decided": 5,
            }.get(event.kind, 50)
            if c.state in (S.OPEN, S.ANNOUNCED):
                offset = offset // 5
            ConsultationEvent.objects.filter(pk=event.pk).update(
                at=timezone.now() - timedelta(days=offset)
            )
        OutboundEmail.objects.filter(pk__gt=first_email, status=OutboundEmail.Status.QUEUED).update(
            status=OutboundEmail.Status.SENT, sent_at=timezone.now()
        )
    return {
        "consultations": Consultation.objects.count(),
        "consultees": sum(c.consultees.count() for c in Consultation.objects.all()),
        "responses": ConsultationResponse.objects.registered().count(),
        "responses_in_secrecy_review": ConsultationResponse.objects.filter(
            secrecy_review=True
        ).count(),
        "responses_superseded": ConsultationResponse.objects.filter(
            superseded_by__isnull=False
        ).count(),
    }
