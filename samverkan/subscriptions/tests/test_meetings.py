# ruff: noqa: F811  (the meetings fixtures are imported, then used as arguments)
"""The meetings app tells followers of a body of its public meetings, minutes and decisions,
and never of a members-only meeting."""

import pytest

from samverkan.meetings import services as meeting_services
from samverkan.meetings.tests.conftest import (  # noqa: F401 (fixtures)
    council_setup,
    members_only_meeting,
    past_public_meeting,
    upcoming_meeting,
)
from samverkan.subscriptions.models import Happening, HappeningKind

pytestmark = pytest.mark.django_db


def _topics(happening: Happening) -> set[str]:
    return {t.topic for t in happening.topics.all()}


def test_published_public_minutes_tell_followers_of_the_minutes_and_each_decision(
    past_public_meeting,
):
    meeting = past_public_meeting.meeting
    bodies = {f"body:{b.pk}" for b in meeting.bodies.all()}
    minutes = Happening.objects.get(kind=HappeningKind.MINUTES)
    assert minutes.path == f"/moten/{meeting.pk}/" and _topics(minutes) == bodies
    decisions = Happening.objects.filter(kind=HappeningKind.DECISION)
    assert decisions.count() == meeting.agenda_items.filter(decisions__isnull=False).count() >= 1
    assert all(bodies <= _topics(d) for d in decisions)
    # Publishing again records nothing twice.
    before = Happening.objects.count()
    meeting_services.minutes_publish(meeting=meeting, recorded_by="Anna")
    assert Happening.objects.count() == before


def test_a_members_only_meeting_tells_no_one(members_only_meeting):
    meeting = members_only_meeting.meeting
    assert not Happening.objects.filter(path=f"/moten/{meeting.pk}/").exists()


def test_the_notice_of_a_public_meeting_is_a_happening_once(upcoming_meeting, smtp_server):
    meeting = upcoming_meeting.meeting
    meeting_services.notice_send(meeting=meeting)
    meeting_services.notice_send(meeting=meeting)
    (happening,) = Happening.objects.filter(kind=HappeningKind.MEETING)
    assert happening.path == f"/moten/{meeting.pk}/"
    assert _topics(happening) == {f"body:{b.pk}" for b in meeting.bodies.all()}


def test_the_notice_of_a_members_only_meeting_is_not(upcoming_meeting, smtp_server):
    meeting = upcoming_meeting.meeting
    meeting_services.meeting_update(meeting=meeting, visibility="members")
    meeting_services.notice_send(meeting=meeting)
    assert not Happening.objects.filter(kind=HappeningKind.MEETING).exists()
