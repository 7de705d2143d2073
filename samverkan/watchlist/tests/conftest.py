"""Data for the watch-list tests, built through the real services.

``people``: a secretary and a council member (users with those roles).
``world``: two departments (KLF, KFF), two themes (Barn och unga, Miljö och klimat), two
districts (Norrby, Sjövik), a council and three meetings of it: a public one last month, a
members-only one and a public one whose minutes are a draft.
``client_for(user)``: a test client logged in as ``user`` (None: anonymous).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone, translation

from samverkan.accounts.models import Role, User
from samverkan.accounts.services import role_grant, user_get_or_create
from samverkan.collaboration_map.models import Theme
from samverkan.collaboration_map.services import theme_create
from samverkan.meetings import services as meetings
from samverkan.meetings.models import BodyKind, Meeting
from samverkan.organisations import services as organisations
from samverkan.organisations.models import District, Organisation, OrganisationKind


@pytest.fixture(autouse=True)
def english():
    """Messages are asserted in their English source (pages in Swedish say so)."""
    with translation.override("en"):
        yield


@dataclass
class People:
    secretary: User
    member: User


@dataclass
class World:
    klf: Organisation
    kff: Organisation
    children: Theme
    climate: Theme
    norrby: District
    sjovik: District
    public_meeting: Meeting
    members_meeting: Meeting
    draft_meeting: Meeting


@pytest.fixture
def people(db) -> People:
    secretary = user_get_or_create(email="sekreterare@example.org", full_name="Sara Sekreterare")
    role_grant(user=secretary, role=Role.SECRETARY)
    member = user_get_or_create(email="ledamot@example.org", full_name="Leif Ledamot")
    role_grant(user=member, role=Role.COUNCIL_MEMBER)
    return People(secretary=secretary, member=member)


@pytest.fixture
def world(db) -> World:
    department = OrganisationKind.MUNICIPAL_DEPARTMENT
    klf = organisations.organisation_create(name="Kommunledningsförvaltningen", kind=department)
    kff = organisations.organisation_create(
        name="Kultur- och fritidsförvaltningen", kind=department
    )
    council = meetings.body_create(name="Samverkansrådet", slug="radet", kind=BodyKind.COUNCIL)
    today = timezone.localdate()

    def meeting(title: str, days_ago: int, visibility: str) -> Meeting:
        return meetings.meeting_create(
            bodies=[council],
            title=title,
            date=today - timedelta(days=days_ago),
            visibility=visibility,
        )

    draft = meeting("Rådets möte i våras", 120, Meeting.Visibility.PUBLIC)
    meetings.minutes_start(meeting=draft)
    return World(
        klf=klf,
        kff=kff,
        children=theme_create(name="Barn och unga"),
        climate=theme_create(name="Miljö och klimat"),
        norrby=organisations.term_create(model=District, name="Norrby", slug="norrby"),
        sjovik=organisations.term_create(model=District, name="Sjövik", slug="sjovik"),
        public_meeting=meeting("Samverkansrådets möte", 30, Meeting.Visibility.PUBLIC),
        members_meeting=meeting("AU:s möte", 20, Meeting.Visibility.MEMBERS),
        draft_meeting=draft,
    )


@pytest.fixture
def client_for():
    def make(user: User | None) -> Client:
        client = Client()
        if user is not None:
            client.force_login(user)
        return client

    return make
