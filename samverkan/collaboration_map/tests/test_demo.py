"""The demo catalogue of Älvstad: realistic, complete and drawn on the map without overlaps.

The three demos (the register, the council's work, the catalogue) are loaded once for the
module inside a transaction that is rolled back at the end, like the meetings demo's tests.
"""

import re
import xml.etree.ElementTree as ET
from collections import Counter
from itertools import combinations

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from samverkan.collaboration_map import layout, selectors
from samverkan.collaboration_map.demo import INQUIRY_TEAMS, load_demo
from samverkan.collaboration_map.models import (
    ContactLink,
    ContactPoint,
    ContactPointKind,
    LadderStep,
    Theme,
    Want,
)
from samverkan.collaboration_map.tests.conftest import URLS
from samverkan.meetings.demo import load_demo as load_meetings
from samverkan.meetings.models import Body
from samverkan.organisations.demo import EARLIEST_TODAY, LATEST_TODAY, DemoDatabaseNotEmpty
from samverkan.organisations.demo import load_demo as load_organisations
from samverkan.organisations.models import MUNICIPAL_KINDS, Organisation, OrganisationKind

SEED = 2024
TODAY = timezone.localdate()
NS = "{http://www.w3.org/2000/svg}"

pytestmark = [
    pytest.mark.skipif(
        not EARLIEST_TODAY <= TODAY <= LATEST_TODAY,
        reason="The organisations demo only tells its story up to a today in 2024–2027.",
    ),
    pytest.mark.urls(URLS),
]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker) -> dict[str, int]:
    with django_db_blocker.unblock(), transaction.atomic():
        load_organisations(seed=SEED, today=TODAY)
        load_meetings(seed=SEED, today=TODAY)
        yield load_demo(seed=SEED)
        transaction.set_rollback(True)


def test_the_catalogue_has_at_least_forty_contact_points_of_every_kind(db, demo):
    assert demo["contact_points"] == ContactPoint.objects.count() >= 40
    assert demo["links"] == ContactLink.objects.count() >= 40
    assert demo["themes"] == Theme.objects.count() >= 10
    assert demo["ladder_steps"] == LadderStep.objects.count() == 4
    kinds = Counter(ContactPoint.objects.values_list("kind", flat=True))
    assert set(kinds) == set(ContactPointKind.values)
    assert kinds[ContactPointKind.FORUM] >= 10 and kinds[ContactPointKind.HANDLING_TEAM] >= 5
    for point in ContactPoint.objects.all():
        assert point.purpose, point.name
        assert point.has_contact_details() or point.body_id, point.name


def test_the_council_its_network_and_au_are_adopted_and_other_bodies_are_shown_as_forums(db, demo):
    adopted = dict(
        ContactPoint.objects.filter(body__isnull=False).values_list("body__slug", "name")
    )
    assert adopted == {
        "samverkansradet": "Samverkansrådet",
        "c-natet": "C-nätet",
        "au": "Samverkansrådets arbetsutskott (AU)",
    }
    from_bodies = [node for node in selectors.catalogue_nodes() if node.is_from_body]
    assert demo["forums_from_bodies"] == len(from_bodies) >= 2
    names = {node.name for node in from_bodies}
    assert "Valberedningen" in names
    assert {
        b.name for b in Body.objects.filter(slug__startswith="arbetsgrupp", active_to__isnull=True)
    } <= names
    assert demo["on_the_map"] == demo["contact_points"] + len(from_bodies)


def test_every_department_has_an_entry_and_every_kind_of_grant_a_team(db, demo):
    departments = Organisation.objects.filter(
        kind=OrganisationKind.MUNICIPAL_DEPARTMENT, successor_links__isnull=True
    )
    entries = ContactPoint.objects.filter(kind=ContactPointKind.DEPARTMENT_ENTRY)
    assert set(departments) <= {entry.owner for entry in entries}
    assert all(entry.owner.kind in MUNICIPAL_KINDS for entry in entries)
    teams = " ".join(
        ContactPoint.objects.filter(kind=ContactPointKind.HANDLING_TEAM).values_list(
            "name", flat=True
        )
    )
    for grant in ["aktivitetsstöd", "lokalbidrag", "kulturbidrag", "sociala föreningar", "IOP"]:
        assert grant in teams

    names = set(ContactPoint.objects.values_list("name", flat=True))
    assert {"Föreningarnas Hus", "Länsstyrelsen i Älvdalens län", "Region Älvdalen"} <= names
    assert "Områdesgrupp Vinterö" in names
    assert "Partnerskapet för sociala innovationer (PSI)" in names
    assert "Regionalt civilsamhällesnätverk" in names


def test_questions_go_to_teams_of_the_inquiry_service(db, demo):
    """Every handling team and department entry sends its questions to a team that the inquiry
    service's demo has (the general entry when it has none of its own)."""
    senders = ContactPoint.objects.filter(
        kind__in=[ContactPointKind.HANDLING_TEAM, ContactPointKind.DEPARTMENT_ENTRY]
    )
    assert {point.team_slug for point in senders} == INQUIRY_TEAMS
    try:
        from samverkan.inquiries.demo import TEAMS
    except ImportError:  # the inquiry service is not installed
        return
    assert {team[1] for team in TEAMS} >= INQUIRY_TEAMS


def test_the_demo_is_fictional(db, demo):
    for point in ContactPoint.objects.all():
        for address in [point.email, point.website]:
            assert not address or "example.org" in address, address
        assert not point.phone or point.phone.startswith("070-174 06"), point.phone
        assert "Örebro" not in f"{point.name} {point.purpose} {point.description}"


def test_the_ladder_has_somewhere_to_go_for_every_want(db, demo):
    for want in Want.values:
        result = selectors.ladder_result(
            selectors.LadderAnswers(
                organisation_kind=OrganisationKind.ASSOCIATION, want=want, frequency="sometimes"
            )
        )
        assert result.contact_points, want
        assert result.step is not None, want


def test_the_demo_map_is_drawn_with_every_contact_point_and_no_overlap(db, demo, client):
    response = client.get(reverse("collaboration_map:map"))
    svg = ET.fromstring(re.search(r"<svg\b.*?</svg>", response.content.decode(), re.S).group())
    nodes = [a for a in svg.iter(f"{NS}a") if a.get("data-key")]
    assert len(nodes) == demo["on_the_map"]
    boxes = [
        (float(a.find(f"{NS}rect").get("x")), float(a.find(f"{NS}rect").get("y"))) for a in nodes
    ]
    for (x1, y1), (x2, y2) in combinations(boxes, 2):
        assert abs(x1 - x2) >= layout.BOX_W or abs(y1 - y2) >= layout.BOX_H
    lines = [line for line in svg.iter(f"{NS}path") if line.get("data-kind")]
    assert len(lines) >= demo["links"]


def test_the_demo_loads_only_once(db, demo):
    with pytest.raises(DemoDatabaseNotEmpty):
        load_demo(seed=SEED)
