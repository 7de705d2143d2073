"""Search test data, built through the real services with their on-commit callbacks run.

``world`` holds organisations in the register (and one that is not), contact points (one
inactive), a public meeting with published minutes and decisions, a public meeting with draft
minutes, and a members-only meeting with published minutes. Everything is indexed by the
signal handlers after each commit, not by a rebuild.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

import pytest

from samverkan.accounts.models import Role
from samverkan.accounts.services import role_grant, user_get_or_create
from samverkan.collaboration_map import services as map_services
from samverkan.collaboration_map.models import ContactPoint, ContactPointKind, Theme
from samverkan.meetings import services as meeting_services
from samverkan.meetings.models import AgendaItem, Attendance, BodyKind, Decision, Meeting
from samverkan.organisations import services as org_services
from samverkan.organisations.models import Agreement, Area, District, Organisation
from samverkan.organisations.tests.conftest import make_agreement, sign_and_approve


@dataclass
class World:
    agreement: Agreement
    secretary: object
    orgs: dict[str, Organisation]
    points: dict[str, ContactPoint]
    themes: dict[str, Theme]
    public_meeting: Meeting
    draft_meeting: Meeting
    members_meeting: Meeting
    items: dict[str, AgendaItem]
    decisions: dict[str, Decision]


def publish_minutes(meeting: Meeting, person) -> Meeting:
    meeting_services.minutes_start(meeting=meeting)
    meeting_services.attendance_record(
        meeting=meeting, person=person, status=Attendance.Status.GUEST
    )
    return meeting_services.minutes_publish(meeting=meeting, recorded_by="Sara Sekreterare")


def sign_pending(agreement: Agreement, *, name: str) -> Organisation:
    """Sign and confirm by the emailed link, but leave the signature waiting for review."""
    data = {
        "name": name,
        "kind": "association",
        "organisation_number": "",
        "website": "",
        "public_email": "",
        "description": "",
        "easy_read_description": "",
        "signatory_name": "Vera Väntar",
        "signatory_role": "ordförande",
        "signatory_email": "vera@example.org",
        "areas": [],
        "target_groups": [],
        "districts": [],
    }
    application = org_services.signature_application_submit(agreement=agreement, data=data)
    signature = org_services.signature_application_confirm(raw_token=application.raw_token)
    return signature.organisation


@pytest.fixture
def world(db, settings, django_capture_on_commit_callbacks) -> World:
    settings.OUTBOX_DELIVER_ON_COMMIT = False  # email is not what is tested here
    with django_capture_on_commit_callbacks(execute=True):
        secretary = user_get_or_create(email="sekreterare@example.org", full_name="Sara Sekr")
        role_grant(user=secretary, role=Role.SECRETARY)
        agreement = make_agreement(
            "Överenskommelsen 2024–2027", date(2024, 1, 1), date(2027, 12, 31)
        )
        idrott = org_services.term_create(model=Area, name="Idrott", slug="idrott")
        norrby = org_services.term_create(model=District, name="Norrby", slug="norrby")
        orgs = {}
        for key, name, description, terms in [
            ("idrott", "Norrby Idrottsförening", "Fotboll och friidrott för barn.", [idrott]),
            (
                "hembygd",
                "Vinterö Hembygdsförening",
                "Vi vårdar hembygdsgården och ordnar midsommarfirande.",
                [norrby],
            ),
            (
                "forening",
                "Föreningen Gemenskap",
                "Mötesplats för nyanlända. Vi får bidrag från kommunen.",
                [],
            ),
            ("far", "Far och barn i Norrby", "Träffar för pappor med små barn.", []),
            (
                "stod",
                "Stödgruppen Ljuset",
                "Samtal för föreningar och andra som söker bidragen.",
                [],
            ),
        ]:
            signature = sign_and_approve(agreement, secretary, name=name, terms=terms)
            orgs[key] = org_services.organisation_update(
                organisation=signature.organisation, description=description
            )
        # Signed but never approved: not in the register, so not searchable.
        orgs["pending"] = sign_pending(agreement, name="Hemliga Föreningen Väntan")
        themes = {
            "idrott": map_services.theme_create(name="Idrott och fritid", slug="idrott"),
        }
        points = {
            "bidrag": map_services.contact_point_create(
                name="Föreningsbidrag",
                kind=ContactPointKind.HANDLING_TEAM,
                purpose="Handläggning av bidrag till föreningar.",
                themes=[themes["idrott"]],
            ),
            "hus": map_services.contact_point_create(
                name="Föreningarnas Hus",
                kind=ContactPointKind.PLACE,
                description="Lokaler att låna för möten.",
            ),
            "gammal": map_services.contact_point_create(
                name="Nedlagda föreningsjouren",
                kind=ContactPointKind.NETWORK,
                purpose="Stängd sedan länge.",
            ),
        }
        points["gammal"] = map_services.contact_point_deactivate(contact_point=points["gammal"])
        council = meeting_services.body_create(
            name="Samverkansrådet", slug="samverkansradet", kind=BodyKind.COUNCIL
        )
        chair = meeting_services.person_create(name="Ordförande Olsson")
        public_meeting = meeting_services.meeting_create(
            bodies=[council],
            title="Samverkansrådets möte",
            date=date(2025, 9, 13),
            start_time=time(16),
            end_time=time(18),
            visibility=Meeting.Visibility.PUBLIC,
        )
        items = {
            "bidrag": meeting_services.agenda_item_add(
                meeting=public_meeting,
                title="Bidragen till föreningar 2026",
                item_type="decision",
                description="Förslag till nya regler.",
            ),
            "lokaler": meeting_services.agenda_item_add(
                meeting=public_meeting, title="Lokalfrågor", description="Föreningarnas Hus."
            ),
        }
        meeting_services.minutes_start(meeting=public_meeting)
        meeting_services.agenda_item_record(
            item=items["bidrag"], notes="Rådet diskuterade fördelningen av bidragen."
        )
        decisions = {
            "bidrag": meeting_services.decision_add(
                item=items["bidrag"], text="Rådet beslutar att tillstyrka de nya bidragsreglerna."
            )
        }
        public_meeting = publish_minutes(public_meeting, chair)
        draft_meeting = meeting_services.meeting_create(
            bodies=[council],
            title="Rådets arbetsmöte om kulturstöd",
            date=date(2026, 3, 5),
            visibility=Meeting.Visibility.PUBLIC,
        )
        items["utkast"] = meeting_services.agenda_item_add(
            meeting=draft_meeting, title="Kulturstöd", description="Inledande samtal."
        )
        meeting_services.minutes_start(meeting=draft_meeting)
        meeting_services.agenda_item_record(item=items["utkast"], notes="Hemlig anteckning zebra.")
        decisions["utkast"] = meeting_services.decision_add(
            item=items["utkast"], text="Beslut i utkast om giraffer."
        )
        members_meeting = meeting_services.meeting_create(
            bodies=[council],
            title="Internt möte om krokodiler",
            date=date(2025, 11, 7),
            visibility=Meeting.Visibility.MEMBERS,
        )
        items["internt"] = meeting_services.agenda_item_add(
            meeting=members_meeting, title="Krokodilfrågan"
        )
        meeting_services.minutes_start(meeting=members_meeting)
        decisions["internt"] = meeting_services.decision_add(
            item=items["internt"], text="Beslut om krokodiler i medlemsmötet."
        )
        members_meeting = publish_minutes(members_meeting, chair)
    return World(
        agreement=agreement,
        secretary=secretary,
        orgs=orgs,
        points=points,
        themes=themes,
        public_meeting=public_meeting,
        draft_meeting=draft_meeting,
        members_meeting=members_meeting,
        items=items,
        decisions=decisions,
    )
