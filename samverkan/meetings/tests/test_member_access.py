"""A member logs in with an emailed link and sees the members-only meetings of their bodies."""

import re
from datetime import date, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from samverkan.accounts.rules import is_council_member
from samverkan.core.testing import links_in
from samverkan.meetings import services
from samverkan.outbox.services import outbox_deliver

pytestmark = pytest.mark.django_db


def test_a_member_sees_the_members_only_meeting_after_logging_in(client, smtp_server):
    council = services.body_create(name="Samverkansrådet", slug="radet", kind="council")
    au = services.body_create(name="AU", slug="au", kind="executive_committee", parent=council)
    member = services.person_create(name="Lena Lind", email="Lena@Example.org")
    services.membership_add(body=au, person=member, start=date(2024, 1, 1))
    services.membership_add(body=council, person=member, start=date(2024, 1, 1))
    assert member.user is not None and is_council_member(member.user)
    meeting = services.meeting_create(
        bodies=[au],
        title="AU",
        kind="meeting",
        date=timezone.localdate() + timedelta(days=3),
        start_time=time(13),
        end_time=time(14),
        visibility="members",
    )
    url = reverse("meetings:meeting_detail", args=[meeting.pk])
    assert client.get(url).status_code == 404

    client.post(reverse("accounts:login"), {"email": "lena@example.org"})
    outbox_deliver()
    link = re.sub(r"^https?://[^/]+", "", links_in(smtp_server.wait_for(1)[0])[0])
    client.post(link)
    assert client.get(url).status_code == 200

    outsider = services.person_create(name="Olle Utanför", email="olle@example.org")
    client.force_login(outsider.user)
    assert client.get(url).status_code == 404
