"""Data for the catalogue's tests, built through the real services.

Until the app is in INSTALLED_APPS (the lead wires it), its tests are not collected, so the
rest of the suite stays green; the URLs come from ``tests/urls.py`` until config/urls.py
includes them.

Fixtures:

``secretary``, ``secretary_client``
    A user with the secretary role and a client logged in as them.
``refused_clients``
    Logged-in clients that may read but not edit: a council member, a C-network member, an
    organisation's representative and a person with no role.
``themes``
    Three themes by slug: ``idrott``, ``integration``, ``krisberedskap``.
``catalogue``
    A small catalogue: the council and the C-network as bodies (the council adopted as a
    contact point, the C-network not), the working group for the map under the council,
    a department entry, two handling teams, a place and an external body, with links.
``make_points``
    ``make_points(n)`` adds n department entries with themes and links (query-count tests).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from django.conf import settings
from django.test import Client

from samverkan.accounts.models import Role, User

if "samverkan.collaboration_map" not in settings.INSTALLED_APPS:
    collect_ignore_glob = ["test_*.py"]
else:
    from samverkan.accounts.services import role_grant, user_get_or_create
    from samverkan.collaboration_map import services
    from samverkan.collaboration_map.models import (
        ContactPoint,
        ContactPointKind,
        LinkKind,
        Theme,
        Want,
    )
    from samverkan.meetings import services as meetings_services
    from samverkan.meetings.models import Body, BodyKind
    from samverkan.organisations.models import (
        Organisation,
        OrganisationKind,
        Representation,
    )
    from samverkan.organisations.services import organisation_create

URLS = "samverkan.collaboration_map.tests.urls"


def _user(email: str, role: Role | None = None) -> User:
    user = user_get_or_create(email=email, full_name=email.split("@")[0].title())
    if role is not None:
        role_grant(user=user, role=role)
    return user


@pytest.fixture
def secretary(db) -> User:
    return _user("sekreterare@example.org", Role.SECRETARY)


@pytest.fixture
def secretary_client(client, secretary) -> Client:
    client.force_login(secretary)
    return client


@pytest.fixture
def refused_clients(db) -> dict[str, Client]:
    """People who are logged in but may not edit the catalogue."""
    representative = _user("ordforande@example.org")
    organisation = organisation_create(name="Vinterö IF", kind=OrganisationKind.ASSOCIATION)
    Representation.objects.create(
        user=representative, organisation=organisation, role="ordförande", approved=True
    )
    users = {
        "council member": _user("ledamot@example.org", Role.COUNCIL_MEMBER),
        "C-network member": _user("kontakt@example.org", Role.C_NETWORK_MEMBER),
        "representative": representative,
        "no role": _user("vem@example.org"),
    }
    clients = {}
    for label, user in users.items():
        clients[label] = Client()
        clients[label].force_login(user)
    return clients


@pytest.fixture
def themes(db) -> dict[str, Theme]:
    return {
        slug: services.theme_create(name=name)
        for slug, name in [
            ("idrott", "Idrott"),
            ("integration", "Integration"),
            ("krisberedskap", "Krisberedskap"),
        ]
    }


@dataclass
class Catalogue:
    council_body: Body
    network_body: Body
    group_body: Body
    council: ContactPoint
    department: Organisation
    entry: ContactPoint
    grant_team: ContactPoint
    iop_team: ContactPoint
    house: ContactPoint
    county: ContactPoint
    themes: dict[str, Theme]

    @property
    def saved(self) -> list[ContactPoint]:
        return [self.council, self.entry, self.grant_team, self.iop_team, self.house, self.county]


@pytest.fixture
def catalogue(db, themes, secretary) -> Catalogue:
    council_body = meetings_services.body_create(
        name="Samverkansrådet",
        slug="samverkansradet",
        kind=BodyKind.COUNCIL,
        purpose="Rådet utvecklar samverkan.",
        active_from=date(2020, 1, 1),
    )
    network_body = meetings_services.body_create(
        name="C-nätet",
        slug="c-natet",
        kind=BodyKind.NETWORK,
        purpose="En kontaktperson från varje förvaltning.",
    )
    group_body = meetings_services.body_create(
        name="Arbetsgrupp Karta över samverkan",
        slug="arbetsgrupp-karta",
        kind=BodyKind.WORKING_GROUP,
        parent=council_body,
        purpose="Tar fram kartan.",
    )
    meetings_services.body_create(
        name="Arbetsgrupp som har slutat",
        slug="slutad-grupp",
        kind=BodyKind.WORKING_GROUP,
        parent=council_body,
        active_to=date(2021, 1, 1),
    )
    department = organisation_create(
        name="Kultur- och fritidsförvaltningen", kind=OrganisationKind.MUNICIPAL_DEPARTMENT
    )
    council = services.contact_point_create_from_body(body=council_body, actor=secretary)
    council = services.contact_point_update(
        contact_point=council,
        themes=[themes["integration"]],
        offers=[Want.DIALOGUE, Want.CONSULTATION],
        email="samverkan@alvstad.example.org",
        opening_hours_or_rhythm="Fyra gånger om året, kl. 16–18",
        actor=secretary,
    )
    entry = services.contact_point_create(
        name="Kultur- och fritidsförvaltningens ingång",
        kind=ContactPointKind.DEPARTMENT_ENTRY,
        purpose="En väg in till Kultur och fritid.",
        owner=department,
        themes=[themes["idrott"]],
        offers=[Want.INFORMATION, Want.GRANT, Want.PREMISES],
        email="kultur.fritid@alvstad.example.org",
        actor=secretary,
    )
    grant_team = services.contact_point_create(
        name="Handläggarteam aktivitetsstöd",
        kind=ContactPointKind.HANDLING_TEAM,
        purpose="Handlägger aktivitetsstöd.",
        owner=department,
        themes=[themes["idrott"]],
        organisation_kinds=[OrganisationKind.ASSOCIATION],
        offers=[Want.GRANT],
        email="aktivitetsstod@alvstad.example.org",
        inquiry_team_slug="aktivitetsstod",
        actor=secretary,
    )
    iop_team = services.contact_point_create(
        name="Handläggarteam IOP",
        kind=ContactPointKind.HANDLING_TEAM,
        purpose="Idéburet offentligt partnerskap.",
        themes=[themes["integration"]],
        organisation_kinds=[OrganisationKind.ASSOCIATION, OrganisationKind.FOUNDATION],
        offers=[Want.PARTNERSHIP],
        phone="010-123 45 67",
        actor=secretary,
    )
    house = services.contact_point_create(
        name="Föreningarnas Hus",
        kind=ContactPointKind.PLACE,
        purpose="Lokaler för föreningar.",
        offers=[Want.PREMISES],
        visiting_address="Storgatan 12",
        actor=secretary,
    )
    county = services.contact_point_create(
        name="Länsstyrelsen",
        kind=ContactPointKind.EXTERNAL_BODY,
        purpose="Statens företrädare i länet.",
        themes=[themes["krisberedskap"]],
        website="https://lansstyrelsen.example.org",
        actor=secretary,
    )
    services.contact_link_create(
        source=council, target=house, kind=LinkKind.MEETS_IN, actor=secretary
    )
    services.contact_link_create(
        source=grant_team, target=entry, kind=LinkKind.PART_OF, actor=secretary
    )
    services.contact_link_create(
        source=entry, target=council, kind=LinkKind.WORKS_WITH, actor=secretary
    )
    return Catalogue(
        council_body=council_body,
        network_body=network_body,
        group_body=group_body,
        council=council,
        department=department,
        entry=entry,
        grant_team=grant_team,
        iop_team=iop_team,
        house=house,
        county=county,
        themes=themes,
    )


@pytest.fixture
def make_points(secretary, themes):
    def make(count: int) -> list[ContactPoint]:
        points = []
        for number in range(count):
            point = services.contact_point_create(
                name=f"Ingång {number:03d}",
                kind=list(ContactPointKind.values)[number % len(ContactPointKind.values)],
                purpose="En ingång.",
                themes=list(themes.values())[: 1 + number % 3],
                organisation_kinds=[OrganisationKind.ASSOCIATION] if number % 2 else [],
                offers=[Want.GRANT],
                actor=secretary,
            )
            if points:
                services.contact_link_create(
                    source=point, target=points[-1], kind=LinkKind.WORKS_WITH, actor=secretary
                )
            points.append(point)
        return points

    return make
